"""The layer rule: the core knows nothing of Slack, Teams, SQL, the scheduler, the wall clock or
file formats; neither it nor the store names a channel."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from handlers.channel_names import CONSOLE, SLACK, TEAMS

CORE = Path(__file__).resolve().parents[1] / "bot"
FORBIDDEN_IMPORTS = (
    "slack_bolt", "slack_sdk", "msal", "sqlalchemy", "alembic", "apscheduler", "microsoft_teams",
    "starlette", "uvicorn", "httpx", "psycopg", "handlers", "storage",
)  # fmt: skip
# Reading files as people save them (CSV bytes, Excel workbooks) is the edges' work
# (handlers/pool/): the core checks rows already split into cells.
FILE_FORMAT_IMPORTS = ("csv", "codecs", "openpyxl")
WALL_CLOCK_CALLS = {
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("datetime", "today"),
    ("date", "today"),
    ("time", "time"),
    ("time", "monotonic"),
}


def _core_modules() -> list[Path]:
    return sorted(CORE.rglob("*.py"))


def _imports(tree: ast.AST) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("module", _core_modules(), ids=lambda p: str(p.relative_to(CORE)))
def test_core_module_imports_no_outer_package(module: Path) -> None:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    leaks = sorted(_imports(tree) & set(FORBIDDEN_IMPORTS))
    assert not leaks, f"bot/{module.relative_to(CORE)} imports {leaks}"


@pytest.mark.parametrize("module", _core_modules(), ids=lambda p: str(p.relative_to(CORE)))
def test_core_module_decodes_no_file_format(module: Path) -> None:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    formats = sorted(_imports(tree) & set(FILE_FORMAT_IMPORTS))
    assert not formats, f"bot/{module.relative_to(CORE)} imports {formats}: decode at the edge"


@pytest.mark.parametrize("module", _core_modules(), ids=lambda p: str(p.relative_to(CORE)))
def test_core_module_never_reads_the_wall_clock(module: Path) -> None:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    calls = {
        (node.func.value.id, node.func.attr)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
    }
    assert not calls & WALL_CLOCK_CALLS, f"bot/{module.relative_to(CORE)} reads the wall clock"


def test_the_rule_catches_a_leak(tmp_path: Path) -> None:
    """The checks above can fail: a module importing SQLAlchemy is reported."""
    tree = ast.parse("from sqlalchemy import select\nimport slack_sdk.web\n")
    assert _imports(tree) & set(FORBIDDEN_IMPORTS) == {"sqlalchemy", "slack_sdk"}
    tree = ast.parse("import csv\nfrom openpyxl import load_workbook\n")
    assert _imports(tree) & set(FILE_FORMAT_IMPORTS) == {"csv", "openpyxl"}


# -- No import cycle between the packages of bot/ --------------------------------------------
#
# A package is the first two components of a module's name (bot.requests, bot.digest...);
# the top-level modules bot/*.py are the kernel, package "bot". Every import counts: those
# inside functions too (and under TYPE_CHECKING, which bot/ no longer allows, below), since a
# cycle hidden there is still two packages that cannot be understood (or moved) one without
# the other.

# Edges tolerated while a step of a re-cut is under way (none today): each must still exist,
# so the set is emptied as soon as the step lands.
PENDING_EDGES: set[tuple[str, str]] = set()


def _package_of(module: str, root: Path) -> str | None:
    parts = module.split(".")
    if parts[0] != root.name:
        return None
    if len(parts) > 1 and (root / parts[1]).is_dir():
        return f"{parts[0]}.{parts[1]}"
    return parts[0]


def _module_name(path: Path, root: Path) -> str:
    return ".".join(path.relative_to(root.parent).with_suffix("").parts)


def package_imports(root: Path) -> dict[tuple[str, str], set[str]]:
    """Every import from one package of `root` to another: (from, to) -> where it is."""
    edges: dict[tuple[str, str], set[str]] = {}
    for path in sorted(root.rglob("*.py")):
        name = _module_name(path, root)
        source = _package_of(name, root)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:  # relative: from the module's own package upwards
                    base = name.split(".")[: -node.level]
                    targets = [".".join([*base, *([node.module] if node.module else [])])]
                elif node.module:
                    targets = [node.module]
            for target in targets:
                package = _package_of(target, root)
                if source and package and package != source:
                    where = f"{path.relative_to(root.parent)}:{node.lineno} imports {target}"
                    edges.setdefault((source, package), set()).add(where)
    return edges


def import_cycles(edges: dict[tuple[str, str], set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one package (Tarjan), each sorted."""
    graph: dict[str, set[str]] = {}
    for source, target in edges:
        graph.setdefault(source, set()).add(target)
        graph.setdefault(target, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group: list[str] = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return cycles


def _describe(cycles: list[list[str]], edges: dict[tuple[str, str], set[str]]) -> str:
    lines = []
    for group in cycles:
        lines.append("cycle: " + " <-> ".join(group))
        for (source, target), where in sorted(edges.items()):
            if source in group and target in group:
                lines.append(f"  {source} -> {target}: " + "; ".join(sorted(where)[:3]))
    return "\n".join(lines)


def test_no_import_cycle_between_packages_of_the_core() -> None:
    edges = package_imports(CORE)
    stale = PENDING_EDGES - set(edges)
    assert not stale, f"pending edges no longer there, remove them from PENDING_EDGES: {stale}"
    checked = {edge: where for edge, where in edges.items() if edge not in PENDING_EDGES}
    cycles = import_cycles(checked)
    assert not cycles, _describe(cycles, checked)


def test_the_cycle_rule_catches_a_cycle(tmp_path: Path) -> None:
    """The check above can fail: a kernel module importing a slice that imports the kernel
    back, even only under TYPE_CHECKING or inside a function, is a named cycle."""
    root = tmp_path / "bot"
    (root / "slice").mkdir(parents=True)
    (root / "lib").mkdir()
    (root / "__init__.py").write_text("")
    (root / "door.py").write_text("def handle():\n    from bot.slice.verbs import VERBS\n")
    (root / "slice" / "__init__.py").write_text("")
    (root / "slice" / "verbs.py").write_text(
        "from typing import TYPE_CHECKING\nfrom bot.lib import tools\n"
        "if TYPE_CHECKING:\n    from bot.door import handle\nVERBS = {}\n"
    )
    (root / "lib" / "__init__.py").write_text("from . import tools\n")
    (root / "lib" / "tools.py").write_text("")
    edges = package_imports(root)
    assert set(edges) == {("bot", "bot.slice"), ("bot.slice", "bot"), ("bot.slice", "bot.lib")}
    cycles = import_cycles(edges)
    assert cycles == [["bot", "bot.slice"]]
    assert "bot/door.py:2 imports bot.slice.verbs" in _describe(cycles, edges)


# -- No module of the kernel imports another back ---------------------------------------------
#
# The kernel's modules (bot/*.py) stand in layers too: the door (app.py) imports the registry,
# the router and the engine, and none of them imports the door back; what handlers need of the
# door is the `Door` protocol (bot/registry.py), which `CoachingBot` satisfies without being
# named. Every import counts, inside functions too.


def kernel_module_imports(root: Path) -> dict[tuple[str, str], set[str]]:
    """Every import from one top-level module of `root` (root/*.py) to another."""
    kernel = {_module_name(path, root) for path in root.glob("*.py")}
    edges: dict[tuple[str, str], set[str]] = {}
    for path in sorted(root.glob("*.py")):
        name = _module_name(path, root)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                # `from bot import registry` names a module; `from bot.registry import X` too
                targets = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            for target in targets:
                if target in kernel and target != name:
                    where = f"{path.relative_to(root.parent)}:{node.lineno} imports {target}"
                    edges.setdefault((name, target), set()).add(where)
    return edges


def test_no_import_cycle_between_modules_of_the_kernel() -> None:
    edges = kernel_module_imports(CORE)
    cycles = import_cycles(edges)
    assert not cycles, _describe(cycles, edges)


def test_the_kernel_cycle_rule_catches_a_cycle(tmp_path: Path) -> None:
    """The check above can fail: the door importing the registry, which imports the door
    back inside a function, is a named cycle."""
    root = tmp_path / "bot"
    root.mkdir()
    (root / "__init__.py").write_text("")
    (root / "app.py").write_text("from bot.registry import Registry\n")
    (root / "registry.py").write_text(
        "class Registry:\n    def door(self):\n        from bot import app\n"
    )
    edges = kernel_module_imports(root)
    assert import_cycles(edges) == [["bot.app", "bot.registry"]]
    assert "bot/registry.py:3 imports bot.app" in _describe(import_cycles(edges), edges)


# -- No import hidden from the running code -------------------------------------------------
#
# An import under `if TYPE_CHECKING:` is one the code needs but does not make: it hid the
# kernel's cycle between the door and the registry. In bot/ every import is a real one (type a
# handler's door with the `Door` protocol; import a heavy library inside the function that
# uses it, as bot/digest/render.py does matplotlib's drawing).


def type_checking_blocks(tree: ast.AST) -> list[int]:
    """The lines of `if TYPE_CHECKING:` (or `typing.TYPE_CHECKING`) blocks in a module."""
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.If)
        and (
            (isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING")
            or (isinstance(node.test, ast.Attribute) and node.test.attr == "TYPE_CHECKING")
        )
    ]


def test_no_type_checking_block_in_the_core() -> None:
    hidden = {
        str(path.relative_to(CORE.parent)): lines
        for path in _core_modules()
        if (lines := type_checking_blocks(ast.parse(path.read_text(encoding="utf-8"))))
    }
    assert not hidden, f"imports under TYPE_CHECKING (make them real): {hidden}"


def test_the_type_checking_rule_catches_a_block() -> None:
    source = (
        "import typing\nfrom typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from bot.app import CoachingBot\n"
        "if typing.TYPE_CHECKING:\n    pass\n"
    )
    assert type_checking_blocks(ast.parse(source)) == [3, 5]


# -- Each slice stands on the kernel --------------------------------------------------------
#
# The slices follow the pool's life (bot/requests, booking, engagements, aftercare, coaches,
# digest, overview). Each depends only on the kernel (bot/*.py: the door, the engine, messages,
# replies, actions, verbs, keys, events, services), domain/, ports/ and the pure libraries, and
# on no other slice: a slice makes another react by publishing an event (bot/events.py), and
# what several slices need moves down to the kernel or domain. Any import from one slice into
# another fails here.

SLICES = {
    "bot.requests", "bot.booking", "bot.engagements", "bot.aftercare", "bot.coaches",
    "bot.digest", "bot.overview",
}  # fmt: skip
FOUNDATION = {
    "bot", "bot.replies", "bot.domain", "bot.ports",
    "bot.matching", "bot.scheduling", "bot.when", "bot.understanding", "bot.pool",
}  # fmt: skip


def slice_edges_outside_the_foundation(
    edges: dict[tuple[str, str], set[str]],
) -> dict[tuple[str, str], set[str]]:
    """Imports from a slice to anything but the foundation: another slice, or a package
    above the slices (privacy, reports, assembly, outbox)."""
    return {
        (source, target): where
        for (source, target), where in edges.items()
        if source in SLICES and target not in FOUNDATION
    }


def test_each_slice_depends_only_on_the_kernel_domain_ports_and_pure_libraries() -> None:
    outside = slice_edges_outside_the_foundation(package_imports(CORE))
    assert not outside, "\n".join(
        f"{source} -> {target}: " + "; ".join(sorted(where)[:3])
        for (source, target), where in sorted(outside.items())
    )


def test_the_slice_rule_catches_a_slice_reaching_into_another() -> None:
    """The check above can fail: requests importing booking is caught, and so is booking
    importing requests (they talk through bot/events.py); the foundation, the roster's rules
    (bot.pool) among it, is not."""
    edges = {
        ("bot.requests", "bot.booking"): {"bot/requests/x.py:1 imports bot.booking.y"},
        ("bot.booking", "bot.requests"): {"bot/booking/y.py:1 imports bot.requests.x"},
        ("bot.requests", "bot.domain"): {"bot/requests/x.py:2 imports bot.domain"},
        ("bot.coaches", "bot.pool"): {"bot/coaches/z.py:1 imports bot.pool.roster_fields"},
    }
    assert set(slice_edges_outside_the_foundation(edges)) == {
        ("bot.requests", "bot.booking"),
        ("bot.booking", "bot.requests"),
    }


# -- One PNG path ------------------------------------------------------------------------------
#
# PNGs are drawn by matplotlib in one place, bot/digest/drawing.py (`draw`); the Teams icons ship
# as files (handlers/teams/assets/). A hand-written encoder (zlib and the PNG signature) would
# be a second path.

PRODUCT = [CORE, CORE.parent / "handlers", CORE.parent / "storage"]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_encoders(tree: ast.AST) -> list[str]:
    """What in a module looks like writing PNG by hand: importing zlib, or the PNG signature."""
    found = ["imports zlib"] if "zlib" in _imports(tree) else []
    found += [
        f"line {node.lineno}: the PNG signature"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, bytes)
        and node.value.startswith(PNG_SIGNATURE[:4])
    ]
    return found


def test_the_product_has_one_png_path() -> None:
    encoders = {
        str(path.relative_to(CORE.parent)): found
        for root in PRODUCT
        for path in sorted(root.rglob("*.py"))
        if (found := png_encoders(ast.parse(path.read_text(encoding="utf-8"))))
    }
    assert not encoders, f"a second PNG encoder (draw with bot/digest/drawing.py): {encoders}"


def test_the_png_rule_catches_an_encoder() -> None:
    source = 'import zlib\nSIGNATURE = b"\\x89PNG\\r\\n\\x1a\\n"\n'
    assert png_encoders(ast.parse(source)) == ["imports zlib", "line 2: the PNG signature"]


# -- The edges name the channels --------------------------------------------------------------
#
# The core and the store know a channel only as an opaque name (bot.domain.Channel): neither
# spells one, so a new channel is all in handlers/. The migrations are history, not scanned:
# 0015 moved the Slack and Teams columns into channel-neutral memberships.

CHANNEL_NAMES = frozenset({SLACK, TEAMS, CONSOLE})
# Strings spelt like a channel that are not one, each with why.
NOT_A_CHANNEL = {
    ("bot/when/vocabulary.py", "teams"): "a word people write (staff teams), not the channel",
}


def channels_spelt(tree: ast.AST) -> list[str]:
    """Each string in a module that is a channel's stored name."""
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and node.value in CHANNEL_NAMES
    ]


def test_neither_the_core_nor_the_store_names_a_channel() -> None:
    migrations = CORE.parent / "storage" / "migrations"
    spelt = {
        (str(path.relative_to(CORE.parent)), name)
        for root in (CORE, CORE.parent / "storage")
        for path in sorted(root.rglob("*.py"))
        if migrations not in path.parents
        for name in channels_spelt(ast.parse(path.read_text(encoding="utf-8")))
    }
    assert spelt - NOT_A_CHANNEL.keys() == set(), "name the channels in handlers/channel_names.py"
    assert NOT_A_CHANNEL.keys() <= spelt, "an exception no longer needed: remove it"


def test_the_channel_rule_catches_a_name() -> None:
    source = 'class Channel(StrEnum):\n    SLACK = "slack"\n\nplatform = row.channel != "console"\n'
    assert sorted(channels_spelt(ast.parse(source))) == ["console", "slack"]
