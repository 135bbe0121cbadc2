"""Storage: SQLAlchemy models, the SQL store behind the core's `Store`, Alembic migrations.

SQLite by default, PostgreSQL via `DATABASE_URL`; the same code and tests for both.
Import from the modules (`storage.store`, `storage.migrate`, ...): this package imports
nothing, so a command that needs only one of them does not pay for the others.
"""
