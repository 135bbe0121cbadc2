"""The `coachpool` command line."""
