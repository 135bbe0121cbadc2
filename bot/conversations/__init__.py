"""Conversations as persisted state machines; each has a Mermaid diagram (.mmd) beside it."""
