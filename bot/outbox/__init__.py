"""Scheduled work: messages and follow-ups that wait in the store until they are due."""
