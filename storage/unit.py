"""Units of work: which database session a store method runs in.

Outside `transaction()` each method gets a short transaction of its own. Inside it, every
call from the same thread or task joins the block's session (found through a context
variable, so threads and asyncio tasks never share one). A write joining a block runs in a
savepoint: when it fails (a duplicate email, say) only its own work is undone and the
block may carry on, on PostgreSQL too, where an error otherwise poisons the transaction.
A nested `transaction()` block is a savepoint in the same way.

`reading()` groups reads the same way into one read-only transaction (outside a
`transaction()` block; inside one it joins it): one BEGIN and COMMIT for a request's many
small reads instead of one each (on PostgreSQL, round trips saved). A write inside it is a
mistake and raises.

On SQLite, writes and `transaction()` blocks begin with BEGIN IMMEDIATE (they queue for the
database's one write lock up front); a read outside a block begins a plain deferred
transaction, so under WAL it never waits for a writer.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from storage.engine import READ_ONLY, describe
from storage.errors import translated


class UnitOfWork:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.where = describe(engine.url)
        self._reader = engine.execution_options(**{READ_ONLY: True})
        self._current: ContextVar[Session | None] = ContextVar(
            f"coachpool_session_{id(self)}", default=None
        )

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group the calls inside into one atomic unit of work (see the module docstring)."""
        with self._write():
            yield

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Group the reads inside into one read-only transaction (see the module docstring)."""
        if self._current.get() is not None:
            yield
            return
        with self._own(self._reader):
            yield

    @contextmanager
    def _write(self) -> Iterator[Session]:
        current = self._current.get()
        if current is None:
            with self._own(self.engine) as session:
                yield session
        else:
            if current.info.get(READ_ONLY):
                raise RuntimeError("a store write inside store.reading(): use transaction()")
            with translated(self.where), current.begin_nested():
                yield current

    @contextmanager
    def _read(self) -> Iterator[Session]:
        current = self._current.get()
        if current is None:
            with self._own(self._reader) as session:
                yield session
        else:
            with translated(self.where):
                yield current

    @contextmanager
    def _own(self, bind: Engine) -> Iterator[Session]:
        session = Session(bind, expire_on_commit=False)
        session.info[READ_ONLY] = bind is self._reader
        token = self._current.set(session)
        try:
            with translated(self.where), session.begin():
                yield session
        finally:
            self._current.reset(token)
            session.close()
