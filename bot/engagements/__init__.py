"""An engagement's sessions once booked: scheduling the next, rescheduling and cancelling,
asking before anything final, held and missed sessions, closing, the line manager's
approval and where sessions take place (a room or a meeting link)."""
