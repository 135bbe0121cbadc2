"""What people type outside a conversation and what they can look at: help, their sessions,
requests and pending offers, the home tab and coordinators' listings."""
