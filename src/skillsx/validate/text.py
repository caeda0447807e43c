"""Text checks shared by every statement rule set: plain functions over strings, no Problems.

Each function answers one question about a ``Subject — action.`` statement; the rule modules
(``validate/rules.py``, ``validate/durable.py``, ``validate/ai_use.py``) turn the answers into
``Problem`` records with their own rule ids and limits. Patterns are compiled once.
"""

from __future__ import annotations

import re

EM_DASH = "—"
#: Words a statement part must not end on: the template lost what followed them.
DANGLING = frozenset(
    "and or but nor of to for in on at with by from as the a an into onto than via per".split()
)
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’/\-]*")
# "n/a", empty brackets, doubled spaces, a space before a comma, semicolon, colon or sentence
# period, doubled commas, and template braces left unfilled.
_SEAM = re.compile(r"\bn/a\b|\(\s*\)|\s{2,}|\s[,;:]|\s\.(?:\s|$)|,,|\{|\}", re.IGNORECASE)


def words(text: str) -> list[str]:
    """The words of a text (letters and digits, with inner apostrophes, slashes, hyphens)."""
    return _WORD.findall(text)


def has_one_spaced_dash(text: str) -> bool:
    """Exactly one em dash, with a space either side."""
    return text.count(EM_DASH) == 1 and f" {EM_DASH} " in text


def ends_with_one_period(text: str) -> bool:
    return text.endswith(".") and not text.endswith("..")


def doubled_word(text: str, ws: list[str] | None = None) -> str | None:
    """The first word written twice in a row ("the the"), ignoring numbers; None if none.

    ``ws``: the text's ``words``, when the caller has them already."""
    low = [w.lower() for w in (words(text) if ws is None else ws)]
    for a, b in zip(low, low[1:], strict=False):
        if a == b and not a.isdigit():
            return a
    return None


def dangling_word(part: str) -> str | None:
    """The last word of a part if the part ends on a conjunction, preposition, article or a
    comma ("" for an empty part); None if it ends well."""
    tokens = part.split()
    # Only the last token matters: read its words rather than the whole part's.
    ws = words(tokens[-1]) if tokens else []
    if not ws:
        ws = words(part)
        if not ws:
            return ""
    last = ws[-1].lower()
    if last in DANGLING or part.rstrip().endswith(","):
        return last
    return None


def seam(text: str) -> str | None:
    """The first template seam in a text ("n/a", "( )", two spaces, " ,", "{obj}"); or None."""
    # Most texts are clean: rule them out with plain string tests before the (slower) regex.
    if (
        " ".join(text.split()) == text
        and not any(s in text for s in (" ,", " ;", " :", " .", ",,", "{", "}", "("))
        and "n/a" not in text.lower()
    ):
        return None
    m = _SEAM.search(text)
    return m.group(0) if m else None


def form_findings(
    text: str,
    parts: tuple[tuple[str, str], tuple[str, str]],
    words_range: tuple[int, int],
    chars_range: tuple[int, int],
) -> list[tuple[str, str]]:
    """The form every ``Title — body.`` statement shares, as (check, message) pairs.

    Checks: ``dash``, ``period``, ``words``, ``chars``, ``doubled``, ``dangling``, ``seam``.
    ``parts`` names the two halves (e.g. ("subject", …), ("action", …)); each rule module maps
    the checks to its own rule ids.
    """
    out: list[tuple[str, str]] = []
    (first_name, first), (second_name, second) = parts
    if not has_one_spaced_dash(text) or EM_DASH in first or EM_DASH in second:
        out.append(("dash", f"Needs exactly one spaced em dash: {text!r}."))
    if not ends_with_one_period(text):
        out.append(("period", f"Must end with one period: {text!r}."))
    ws = words(text)
    low, high = words_range
    if not low <= len(ws) <= high:
        out.append(("words", f"Has {len(ws)} words; expected {low}-{high}."))
    low, high = chars_range
    if not low <= len(text) <= high:
        out.append(("chars", f"Has {len(text)} characters; expected {low}-{high}."))
    doubled = doubled_word(text, ws)
    if doubled:
        out.append(("doubled", f"Doubled word {doubled!r}."))
    for name, part in ((first_name, first), (second_name, second.rstrip("."))):
        last = dangling_word(part)
        if last is not None:
            out.append(("dangling", f"The {name} ends on {last!r}: {part!r}."))
    if seam(text):
        out.append(("seam", f"Template seam in {text!r}."))
    return out
