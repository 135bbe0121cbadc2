"""`/metrics` for Prometheus (the official client): `Metrics` counts what this process does,
`OutboxGauges` reads the store's backlog at scrape time. See docs/operations.md."""
