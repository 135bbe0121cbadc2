"""Slack's Block Kit limits, written down independently of the code under test (from
docs.slack.dev/reference/block-kit), so a rendering bug can't hide behind its own
constants. `problems` returns what Slack would reject; empty means acceptable."""

from __future__ import annotations

from typing import Any

SURFACE_BLOCKS = {"message": 50, "modal": 100, "home": 100}


def units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class Checker:
    def __init__(self) -> None:
        self.found: list[str] = []
        self.action_ids: set[str] = set()

    def text(self, obj: Any, where: str, limit: int, *, plain_only: bool = False) -> None:
        if not isinstance(obj, dict) or obj.get("type") not in {"plain_text", "mrkdwn"}:
            self.found.append(f"{where}: not a text object")
            return
        if plain_only and obj["type"] != "plain_text":
            self.found.append(f"{where}: must be plain_text")
        value = obj.get("text")
        if not isinstance(value, str) or not value:
            self.found.append(f"{where}: empty text")
        elif units(value) > limit:
            self.found.append(f"{where}: {units(value)} > {limit}")

    def action_id(self, element: dict[str, Any], where: str, *, in_input: bool = False) -> None:
        action_id = element.get("action_id", "")
        if units(action_id) > 255:
            self.found.append(f"{where}: action_id too long")
        if in_input:
            return  # an input's action id is scoped by its block id
        if action_id in self.action_ids:
            self.found.append(f"{where}: action_id {action_id!r} repeated")
        self.action_ids.add(action_id)

    def element(self, element: Any, where: str) -> None:
        kind = element.get("type") if isinstance(element, dict) else None
        if kind == "button":
            self.text(element.get("text"), f"{where}.text", 75, plain_only=True)
            self.action_id(element, where)
            if units(element.get("value", "")) > 2000:
                self.found.append(f"{where}: value too long")
            if element.get("style", "primary") not in {"primary", "danger"}:
                self.found.append(f"{where}: bad style")
        elif kind == "plain_text_input":
            self.action_id(element, where, in_input=True)
            if not 0 < element.get("max_length", 3000) <= 3000:
                self.found.append(f"{where}: max_length")
            if units(element.get("initial_value", "")) > 3000:
                self.found.append(f"{where}: initial_value too long")
            self._placeholder(element, where)
        elif kind == "number_input":
            self.action_id(element, where, in_input=True)
            self._placeholder(element, where)
        elif kind == "static_select":
            self.action_id(element, where, in_input=True)
            options = element.get("options", [])
            if not 0 < len(options) <= 100:
                self.found.append(f"{where}: {len(options)} options")
            values = [o.get("value", "") for o in options]
            if len(set(values)) != len(values):
                self.found.append(f"{where}: repeated option values")
            for i, option in enumerate(options):
                self.text(option.get("text"), f"{where}.options[{i}]", 75, plain_only=True)
                if not 0 < units(option.get("value", "")) <= 150:
                    self.found.append(f"{where}.options[{i}]: value length")
            if "initial_option" in element and element["initial_option"] not in options:
                self.found.append(f"{where}: initial_option not among options")
            self._placeholder(element, where)
        else:
            self.found.append(f"{where}: unexpected element {kind!r}")

    def _placeholder(self, element: dict[str, Any], where: str) -> None:
        if "placeholder" in element:
            self.text(element["placeholder"], f"{where}.placeholder", 150, plain_only=True)

    def block(self, block: Any, where: str) -> None:
        kind = block.get("type") if isinstance(block, dict) else None
        if units(block.get("block_id", "") if isinstance(block, dict) else "") > 255:
            self.found.append(f"{where}: block_id too long")
        if kind == "section":
            if "text" not in block and "fields" not in block:
                self.found.append(f"{where}: section without text or fields")
            if "text" in block:
                self.text(block["text"], f"{where}.text", 3000)
            fields = block.get("fields", [])
            if len(fields) > 10:
                self.found.append(f"{where}: {len(fields)} fields")
            for i, field in enumerate(fields):
                self.text(field, f"{where}.fields[{i}]", 2000)
            if "accessory" in block:
                self.element(block["accessory"], f"{where}.accessory")
        elif kind == "header":
            self.text(block.get("text"), f"{where}.text", 150, plain_only=True)
        elif kind == "context":
            elements = block.get("elements", [])
            if not 0 < len(elements) <= 10:
                self.found.append(f"{where}: {len(elements)} context elements")
            for i, element in enumerate(elements):
                self.text(element, f"{where}.elements[{i}]", 3000)
        elif kind == "actions":
            elements = block.get("elements", [])
            if not 0 < len(elements) <= 25:
                self.found.append(f"{where}: {len(elements)} elements")
            for i, element in enumerate(elements):
                self.element(element, f"{where}.elements[{i}]")
        elif kind == "input":
            self.text(block.get("label"), f"{where}.label", 2000, plain_only=True)
            if "hint" in block:
                self.text(block["hint"], f"{where}.hint", 2000, plain_only=True)
            self.element(block.get("element"), f"{where}.element")
        elif kind != "divider":
            self.found.append(f"{where}: unexpected block {kind!r}")


def problems(blocks: Any, *, surface: str = "message") -> list[str]:
    checker = Checker()
    if not isinstance(blocks, list):
        return ["blocks is not a list"]
    if len(blocks) > SURFACE_BLOCKS[surface]:
        checker.found.append(f"{len(blocks)} blocks on a {surface}")
    block_ids = [b.get("block_id") for b in blocks if isinstance(b, dict) and "block_id" in b]
    if len(set(block_ids)) != len(block_ids):
        checker.found.append("repeated block_id")
    for i, block in enumerate(blocks):
        checker.block(block, f"blocks[{i}]")
    return checker.found


def view_problems(view: Any) -> list[str]:
    if not isinstance(view, dict) or view.get("type") not in {"modal", "home"}:
        return ["not a view"]
    found = problems(view.get("blocks"), surface=view["type"])
    if view["type"] == "modal":
        checker = Checker()
        checker.text(view.get("title"), "title", 24, plain_only=True)
        for key in ("submit", "close"):
            if key in view:
                checker.text(view[key], key, 24, plain_only=True)
        found += checker.found
        if units(view.get("private_metadata", "")) > 3000:
            found.append("private_metadata too long")
        if units(view.get("callback_id", "")) > 255:
            found.append("callback_id too long")
    return found
