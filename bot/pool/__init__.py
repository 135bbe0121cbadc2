"""The pool's coaches as coordinators write them: weekly availability text, the rules a coach
roster's rows must meet, and writing a checked roster to the store.

Reading roster files (CSV, Excel) and the demo sample pool are edges: handlers/pool/."""
