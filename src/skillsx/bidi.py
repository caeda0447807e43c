"""Bidirectional-text controls in user text: removed, so no one can flip the page around it.

The embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) change the
direction of everything after them up to the end of the paragraph: a right-to-left override
in a suggestion would print the page's own text that follows it backwards. They have no use
in the short plain texts this site takes, so they are stripped from what is stored and from
every value a page renders; the marks (U+200E, U+200F, U+061C), which affect only the
characters next to them, stay, and pages put user text in ``<bdi>`` besides.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_DROP = dict.fromkeys(map(ord, BIDI_CONTROLS))


def strip_bidi(text: str) -> str:
    """``text`` without bidirectional embedding, override and isolate controls."""
    return text.translate(_DROP)


def strip_bidi_any(value: Any) -> Any:
    """Jinja ``finalize``: strip bidi controls from any string a template outputs."""
    if isinstance(value, Markup):
        return Markup(str.translate(value, _DROP))
    if isinstance(value, str):
        return value.translate(_DROP)
    return value
