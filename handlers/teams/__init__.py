"""The Microsoft Teams channel: Bot Framework activities in, Adaptive Cards out.

An adapter only: it turns activities into `Incoming`, calls the core, and renders the
core's replies; proactive messages go out through `TeamsSender`. Microsoft's Teams SDK
(`microsoft-teams-apps`) does the protocol; see docs/teams.md for what is ours and why.
"""
