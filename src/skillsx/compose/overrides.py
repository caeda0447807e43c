"""Apply curators' accepted corrections to a freshly composed framework.

An override targets ``statement:<level>:<order>`` and carries the full corrected text,
``Subject — action.``; text without the spaced em dash replaces the action only. Overrides
on O*NET records (``record:…``) change nothing here: O*NET's data is not ours to edit, so
they are published on the change list and reported upstream instead.
"""

from __future__ import annotations

from collections.abc import Iterable

from skillsx.models import Framework, Statement
from skillsx.store.accounts import Override

DASH = " — "


def split_statement(text: str) -> tuple[str | None, str]:
    """ "Subject — action." → ("Subject", "action."); no dash → (None, text)."""
    subject, dash, action = text.strip().partition(DASH)
    if not dash:
        return None, text.strip()
    return subject.strip(), action.strip()


def apply_overrides(framework: Framework, overrides: Iterable[Override]) -> Framework:
    """The framework with each statement override applied (later overrides win)."""
    wanted: dict[tuple[str, int], str] = {}
    for o in overrides:
        if o.soc != framework.soc:
            continue
        kind, _, rest = o.target.partition(":")
        level, _, order = rest.partition(":")
        if kind == "statement" and order.isdigit():
            wanted[(level, int(order))] = o.text
    if not wanted:
        return framework
    statements: list[Statement] = []
    for s in framework.statements:
        text = wanted.get((s.level.value, s.order))
        if text is None:
            statements.append(s)
            continue
        subject, action = split_statement(text)
        statements.append(s.model_copy(update={"subject": subject or s.subject, "action": action}))
    return framework.model_copy(update={"statements": statements})
