"""Storage: SQLAlchemy models, the SQL store behind the core's `Store`, Alembic migrations.

SQLite by default, PostgreSQL via `DATABASE_URL`; the same code and tests for both.
"""

from storage.engine import default_database_url, make_engine
from storage.errors import SchemaOutOfDate
from storage.migrate import current_revision, upgrade
from storage.store import SqlStore

__all__ = [
    "SchemaOutOfDate",
    "SqlStore",
    "current_revision",
    "default_database_url",
    "make_engine",
    "upgrade",
]
