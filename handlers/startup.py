"""A `coachpool` process starts without the cyclic garbage collector walking what it loads.

Starting a command makes some hundreds of thousands of objects (SQLAlchemy, the models, the
core), none of them garbage: the collector would walk them over and over while they load
and once more at exit, about a third of what `coachpool people` costs. So the console script
pauses collection before anything loads, and the composition root resumes it once the
application is wired, first moving everything loaded so far out of the collector's sight
for good (`gc.freeze`): it lives until the process ends anyway. Objects made after that are
collected as usual, so `coachpool serve` runs with the collector on. A command that never
wires the application (parse-when, backup) runs to its end without collection, and cycles
dropped before the application was wired (a roster workbook read first) stay until the
process exits: one-shot commands, so at most some megabytes for seconds. Nothing here
happens in a process that did not pause (the tests, a program importing coachpool).
"""

from __future__ import annotations

import gc


class _Collection:
    paused = False  # by pause_collection, in this process


def pause_collection() -> None:
    """Called once, first thing, by a process that runs a single command."""
    if gc.isenabled():
        gc.disable()
        _Collection.paused = True


def resume_collection() -> None:
    """What is loaded stays; collect what is made from now on. Idempotent."""
    if _Collection.paused:
        _Collection.paused = False
        gc.freeze()
        gc.enable()
