"""From a chosen coach to a booked first session: asking the coach, their answer (accept,
decline with a reason, propose times), the coachee's choice of times, both answer deadlines
and moving on to the next coach, bookable slots, and the confirmation with its invite."""
