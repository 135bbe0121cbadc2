"""How well the bot understands what people write, on the labelled corpora.

Run: .venv/bin/python bench/bench_understanding.py [--show wrong|asked|all]

Booking-time phrases (tests/understanding/corpus/times.tsv) and first messages
(first_messages.tsv), and the held-out files beside them, are each scored right, asked back,
or silently wrong; for first messages the topic is the headline, and preferences, format and
times are shown beside it.
Target: at least 95 % right and nothing silently wrong, for times and for topics.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.understanding.corpus_scoring import Tally, score_messages, score_times


def _show(tally: Tally, which: str) -> None:
    if which in {"wrong", "all"}:
        for detail in tally.wrong:
            print(f"  WRONG  {detail}")
    if which in {"asked", "all"}:
        for detail in tally.asked:
            print(f"  ASKED  {detail}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", choices=("none", "wrong", "asked", "all"), default="wrong")
    args = parser.parse_args()
    started = time.perf_counter()
    for suffix in ("", "_holdout"):
        label = " (held out)" if suffix else ""
        times = score_times(f"times{suffix}.tsv")
        print(times.line(f"times{label}"))
        _show(times, args.show)
        messages = score_messages(f"first_messages{suffix}.tsv")
        print(messages.topics.line(f"topics (first messages){label}"))
        _show(messages.topics, args.show)
        for name, tally in messages.fields.items():
            print(tally.line(f"  {name} (requests with a topic){label}"))
            _show(tally, args.show)
    print(f"({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
