"""coachpool's core: coaching, and nothing of Slack, Teams, SQL or the wall clock."""
