"""The pool's population from outside the core: the demo sample pool, and coordinators' roster
files (CSV bytes and Excel workbooks) turned into the rows the core's roster rules check."""
