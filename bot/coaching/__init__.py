"""Coaching operations: submitting requests, shortlisting, booking, running engagements."""
