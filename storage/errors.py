"""Database exceptions translated into the core's store errors, each with a one-line message."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import exc

from bot.ports.errors import Conflict, NotFound, StoreError, StoreUnavailable

UPGRADE_HINT = "run `coachpool db upgrade`"


class SchemaOutOfDate(StoreUnavailable):
    """The database has not been migrated to the schema this version of coachpool needs."""


class BadDatabaseUrl(StoreError):
    """The database URL names a database coachpool cannot run on, or does not parse."""


class DatabaseMissing(StoreUnavailable):
    """A SQLite file that does not exist was opened by a command that must not create it."""


class ReadOnly(StoreUnavailable):
    """The database refuses writes: a read-only file or URI, or a read-only PostgreSQL
    transaction (a standby, or `default_transaction_read_only`)."""


READ_ONLY_HINT = (
    "nothing can be changed in it; the commands that only read (people, sessions, requests, "
    "outbox, digest without --send) still work"
)


def _first_line(error: BaseException) -> str:
    text = str(getattr(error, "orig", None) or error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def _sqlstate(error: exc.DBAPIError) -> str:
    return str(getattr(error.orig, "sqlstate", "") or "")


def _is_missing_table(error: exc.DBAPIError) -> bool:
    return _sqlstate(error) == "42P01" or "no such table" in _first_line(error)


def _is_read_only(error: exc.DBAPIError) -> bool:
    # SQLite: SQLITE_READONLY; PostgreSQL: read_only_sql_transaction.
    return "readonly database" in _first_line(error) or _sqlstate(error) == "25006"


def _is_lock(error: exc.DBAPIError) -> bool:
    line = _first_line(error)
    # SQLite's busy timeout ran out, or PostgreSQL's lock_timeout did.
    return "database is locked" in line or _sqlstate(error) == "55P03"


def translate(error: exc.SQLAlchemyError, *, where: str) -> StoreError:
    """The store error that says, in one line, what went wrong with the database `where`."""
    if isinstance(error, exc.TimeoutError):
        return StoreUnavailable(f"{where} is busy: no connection free in the pool; try again")
    if not isinstance(error, exc.DBAPIError):
        return StoreError(f"{where}: {_first_line(error)}")
    if _is_missing_table(error):
        return SchemaOutOfDate(f"{where} has no coachpool tables yet: {UPGRADE_HINT}")
    if isinstance(error, exc.IntegrityError):
        return _integrity(error)
    if _is_read_only(error):
        return ReadOnly(f"{where} is read-only: {READ_ONLY_HINT}")
    if _is_lock(error):
        return StoreUnavailable(f"{where} is locked by another process; try again shortly")
    if _sqlstate(error) in {"40001", "40P01"}:
        return StoreUnavailable(f"{where} aborted a conflicting transaction; try again")
    if isinstance(error, exc.OperationalError | exc.InterfaceError) or error.connection_invalidated:
        return StoreUnavailable(f"cannot reach {where}: {_first_line(error)}")
    return StoreError(f"{where}: {_first_line(error)}")


def _integrity(error: exc.IntegrityError) -> StoreError:
    # Only the first line: PostgreSQL's detail line would quote the offending value.
    line = _first_line(error)
    state = _sqlstate(error)
    if "email_key" in line:
        return Conflict("that email address is already used by another person")
    if state == "23503" or "FOREIGN KEY" in line:
        return NotFound(f"a record it refers to does not exist ({line})")
    if state == "23505" or "UNIQUE" in line:
        return Conflict(f"a record with the same key already exists ({line})")
    return StoreError(f"a data rule was broken ({line})")


@contextmanager
def translated(where: str) -> Iterator[None]:
    """Re-raise database exceptions from the block as store errors. A value the database
    was never sent (a naive datetime, say) is a bug in the caller: its ValueError or
    TypeError is re-raised as it is."""
    try:
        yield
    except exc.StatementError as error:
        if not isinstance(error, exc.DBAPIError) and isinstance(error.orig, ValueError | TypeError):
            raise error.orig from error
        raise translate(error, where=where) from error
    except exc.SQLAlchemyError as error:
        raise translate(error, where=where) from error
