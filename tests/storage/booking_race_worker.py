"""Run as a separate process by test_storage_booking: confirm one session when told to go.

Usage: python booking_race_worker.py DATABASE_URL SESSION_ID GO_FILE
Prints "ready", waits for GO_FILE to exist, then prints "confirmed" or "taken".
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from bot.ports.errors import SlotTaken
from storage.store import SqlStore


def main(url: str, session_id: int, go: Path) -> None:
    store = SqlStore.open(url)
    store.ping()  # connect before the start line, so that all racers start level
    print("ready", flush=True)
    deadline = time.monotonic() + 30
    while not go.exists():
        if time.monotonic() > deadline:
            raise SystemExit("never told to go")
        time.sleep(0.002)
    try:
        store.confirm_session(session_id)
        print("confirmed", flush=True)
    except SlotTaken:
        print("taken", flush=True)
    finally:
        store.close()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), Path(sys.argv[3]))
