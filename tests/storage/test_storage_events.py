"""Platform events are acted on once, however often the platform retries them."""

from __future__ import annotations

import threading
from collections import Counter

from storage_testkit import T0

from storage.store import SqlStore


def test_remember_event(store: SqlStore) -> None:
    assert store.remember_event("slack", "Ev01", at=T0)
    assert not store.remember_event("slack", "Ev01", at=T0)
    assert store.remember_event("teams", "Ev01", at=T0)  # ids are per platform


def test_concurrent_retries_are_remembered_once(store: SqlStore, database_url: str) -> None:
    racers = 6
    stores = [SqlStore.open(database_url) for _ in range(racers)]
    start = threading.Barrier(racers)
    results: list[bool] = []

    def deliver(index: int) -> None:
        start.wait()
        results.append(stores[index].remember_event("slack", "Ev42", at=T0))

    threads = [threading.Thread(target=deliver, args=(n,)) for n in range(racers)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    finally:
        for other in stores:
            other.close()
    assert Counter(results) == Counter({True: 1, False: racers - 1})
