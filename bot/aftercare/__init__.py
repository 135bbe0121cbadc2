"""What the bot sends around a session on its own: reminders before, the attendance check
and feedback after, one gentle follow-up, and the final evaluation."""
