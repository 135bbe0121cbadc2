"""The console channel: the bot in a terminal, choices as numbered options."""
