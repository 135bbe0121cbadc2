"""The bot's understanding of the time phrases people use when booking coaching.

``parse_when("Tuesday or Thursday afternoons", now=..., tz=...)`` gives the windows offered, in
UTC, and any questions to ask first; ``describe_window`` and ``describe_windows`` say them back
in the person's zone. Pure Python: no storage, no chat platform, and never the wall clock.

Modules, in the order the text flows through them: ``vocabulary`` (the words), ``tokens``
(cutting the text), ``grammar`` with ``dayphrases`` and ``timephrases`` (recognising phrases),
``clauses`` (which times go with which days), ``plans`` and ``dates`` (days to dates),
``clock`` (reading hours), ``windows`` and ``resolve`` (dates and times to UTC windows),
``describe`` and ``questions`` (what the person is told).
"""

from __future__ import annotations

from bot.when.describe import describe_window, describe_windows
from bot.when.parse import parse_when
from bot.when.result import WhenResult

__all__ = ["WhenResult", "describe_window", "describe_windows", "parse_when"]
