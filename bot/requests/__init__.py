"""A request's life up to its shortlist: intake (the conversation and the request form),
eligibility and the organisation's places, submitting, matching against the pool, the
shortlist and the coachee's deadlines to choose, wishes, changing or withdrawing a request,
and the waiting list."""
