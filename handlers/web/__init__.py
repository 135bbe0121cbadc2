"""The coordinators' dashboard: server-rendered pages on `coachpool serve`'s Starlette app,
behind a one-time sign-in link the bot gives in chat."""
