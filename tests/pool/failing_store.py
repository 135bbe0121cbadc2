"""A store that fails on purpose, to prove that a failure part-way rolls everything back."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class InjectedError(RuntimeError):
    pass


class FailingStore:
    """Passes every call to `store`, except that the `on_call`-th call of `method` raises."""

    def __init__(self, store: Any, *, method: str, on_call: int) -> None:
        self._store = store
        self._method = method
        self._on_call = on_call
        self._calls = 0

    def __getattr__(self, name: str) -> Any:
        real = getattr(self._store, name)
        if name != self._method:
            return real
        return self._failing(real)

    def _failing(self, real: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            self._calls += 1
            if self._calls == self._on_call:
                raise InjectedError(f"{self._method} call {self._calls} failed on purpose")
            return real(*args, **kwargs)

        return call
