"""The edges: channels, scheduled jobs, the command line and the composition root."""
