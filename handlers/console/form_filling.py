"""Forms on the console: asked field by field, then submitted together, as a dialog would."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.replies import Field, Form
from bot.text_hygiene import small_number

SKIP = frozenset({"skip", "none", "-"})


@dataclass
class FormFilling:
    form: Form
    answers: dict[str, str] = field(default_factory=dict)
    index: int = 0

    @property
    def current(self) -> Field:
        return self.form.fields[self.index]

    @property
    def done(self) -> bool:
        return self.index >= len(self.form.fields)

    def question(self) -> str:
        item = self.current
        lines = [item.label + ("" if item.required else " (or say 'skip')")]
        if item.hint:
            lines.append(f"  e.g. {item.hint}")
        if item.kind == "choice":
            if all(small_number(o.label) is not None for o in item.options):
                lines.append("  " + "  ".join(f"[{o.label}]" for o in item.options))
            else:
                lines += [f"  {n}. {o.label}" for n, o in enumerate(item.options, start=1)]
        return "\n".join(lines)

    def answer(self, line: str) -> str:
        """Take an answer for the current field; returns a problem to say, or ""."""
        item, text = self.current, line.strip()
        if not text or text.lower() in SKIP:
            if item.required:
                return "This one is needed, please."
            self.answers[item.name] = ""
            self.index += 1
            return ""
        if item.kind == "choice":
            chosen = next((o for o in item.options if o.label.lower() == text.lower()), None)
            number = small_number(text)
            if chosen is None and number is not None and 1 <= number <= len(item.options):
                chosen = item.options[number - 1]
            if chosen is None:
                return "Please pick one of the options."
            text = chosen.value
        self.answers[item.name] = text
        self.index += 1
        return ""
