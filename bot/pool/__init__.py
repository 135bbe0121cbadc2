"""The pool's population: the demo sample pool and coordinators' coach rosters (CSV)."""
