"""Parse the durable statement templates (``texts_*.py``) into ``Template`` records, once."""

from __future__ import annotations

import re
from dataclasses import dataclass

from skillsx.compose.durable import texts_people as people
from skillsx.compose.durable import texts_work as work
from skillsx.compose.durable.words import verb_roots
from skillsx.models import DurableLevel

_TEXT = {
    "communication": people.COMMUNICATION,
    "leadership": people.LEADERSHIP,
    "metacognition": work.METACOGNITION,
    "critical-thinking": work.CRITICAL_THINKING,
    "collaboration": people.COLLABORATION,
    "character": people.CHARACTER,
    "creativity": work.CREATIVITY,
    "growth-mindset": work.GROWTH_MINDSET,
    "mindfulness": people.MINDFULNESS,
    "fortitude": work.FORTITUDE,
}
_LEVEL_CODES = {
    "E": DurableLevel.EMERGING,
    "D": DurableLevel.DEVELOPING,
    "A": DurableLevel.APPLYING,
    "X": DurableLevel.EXCEEDING,
}
SLOT = re.compile(r"\{(\w+)\}")
#: Slots filled from a piece of the occupation's work (a material), and which kinds of object
#: each accepts (see ``words.kind_of``).
MATERIAL_SLOTS = {
    "obj": frozenset({"record", "thing", "equipment", "work"}),
    "record": frozenset({"record"}),
    "thing": frozenset({"thing", "equipment"}),
    "equipment": frozenset({"equipment"}),
    "issue": frozenset({"issue", "hazard"}),
    "hazard": frozenset({"hazard"}),
    # What a judgement or decision can be about: not a thing ("a judgement on eyeglasses").
    # A quality ("the accuracy of records") only here: one judges it, one does not handle it.
    "topic": frozenset({"record", "work", "issue", "quality"}),
    "act": frozenset(),
    "acting": frozenset(),
}
OTHER_SLOTS = frozenset({"people", "peers", "tech"})
#: Occupation traits a template may be gated on (``facts._traits``).
TRAITS = frozenset(
    "care sell public conflict physical records analysis creative teach manage hazard pro "
    "people team stress".split()
)
_GATED = re.compile(r"\[([!\w, ]+)\]\s*")


@dataclass(frozen=True)
class Template:
    """One ``Title — behaviour.`` template with the traits it needs and the slots it fills."""

    text: str
    needs: frozenset[str]  # traits that must hold
    excludes: frozenset[str]  # traits that must not
    slots: tuple[str, ...]  # distinct slots, in order of appearance
    roots: frozenset[str] = frozenset()  # of its own verbs: a slot value must not repeat one

    @property
    def material_slots(self) -> tuple[str, ...]:
        return tuple(s for s in self.slots if s in MATERIAL_SLOTS)

    def fits(self, traits: frozenset[str]) -> bool:
        return self.needs <= traits and not self.excludes & traits


def _template(entry: str) -> Template:
    needs: set[str] = set()
    excludes: set[str] = set()
    gate = _GATED.match(entry)
    if gate:
        for name in (g.strip() for g in gate.group(1).split(",")):
            (excludes if name.startswith("!") else needs).add(name.lstrip("!"))
        entry = entry[gate.end() :]
    unknown = (needs | excludes) - TRAITS
    slots = tuple(dict.fromkeys(SLOT.findall(entry)))
    bad = set(slots) - set(MATERIAL_SLOTS) - OTHER_SLOTS
    if unknown or bad or entry.count(" — ") != 1:  # pragma: no cover - a template typo
        raise ValueError(f"Bad durable template {entry!r}: traits {unknown}, slots {bad}.")
    return Template(entry, frozenset(needs), frozenset(excludes), slots, verb_roots(entry))


def parse_templates(text: str) -> dict[DurableLevel, list[Template]]:
    """``L [gates] Title — behaviour.`` entries, indented lines continuing the entry."""
    entries: dict[DurableLevel, list[str]] = {level: [] for level in DurableLevel}
    current: list[str] | None = None
    for line in text.strip().splitlines():
        if line.startswith("  ") and current is not None:
            current[-1] += " " + line.strip()
        else:
            current = entries[_LEVEL_CODES[line[0]]]
            current.append(line[2:].strip())
    return {level: [_template(e) for e in es] for level, es in entries.items()}


TEMPLATES = {domain: parse_templates(text) for domain, text in _TEXT.items()}
