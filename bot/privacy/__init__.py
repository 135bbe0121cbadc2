"""Data-protection rights in the core: erasure, access (a person's own record), retention,
and reading the audit log. The store does the bulk work behind the ports; the rules live
here."""
