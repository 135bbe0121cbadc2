"""`coachpool demo`: play the whole cycle on a fresh embedded store."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any


def register(commands: Any) -> None:
    parser = commands.add_parser("demo")
    parser.add_argument(
        "--dir", type=Path, help="where to keep the demo database (default: a temporary folder)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from handlers.demo import run_demo

    if args.dir:
        args.dir.mkdir(parents=True, exist_ok=True)
        return run_demo(sys.stdout, workdir=args.dir)
    workdir = Path(tempfile.mkdtemp(prefix="coachpool-demo-"))
    return run_demo(sys.stdout, workdir=workdir)
