"""Measures of a framework's form shared by the independent rules and ``bench/quality.py``.

They read only statement text (never the composer's phrase functions), so the checker and the
bench see what a reader sees:

- ``subjects_repeated(fw)``: how many distinct subjects appear verbatim (case and spacing
  ignored) at two or more levels;
- ``pronoun_after_dash(action)``: the action opens with a pronoun or with "verb + pronoun"
  ("them — …", "prepare them …", "support it by …");
- ``skeletons(actions)``: each action's skeleton, its words with every word that occurs in
  fewer than ``SKELETON_WORD_SHARE`` of the given actions masked as ``*`` (runs collapsed).
  A skeleton shared by many statements is a template the reader will notice.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Protocol

# Object pronouns standing for the subject; possessives ("represent their government") are
# determiners of a named object, not the "verb them/it" form.
PRONOUNS = frozenset({"it", "them", "they", "itself", "themselves"})
SKELETON_WORD_SHARE = 0.01  # a word in under 1% of the build's actions is content, not frame
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# Function words: a skeleton made of these and masks alone is grammar, not a template.
FUNCTION_WORDS = frozenset(
    "a an the and or but nor of to in on at for from by with within without into onto over "
    "under as than that which who whom whose this these those such each every all any some "
    "other own their its his her our your is are be been being".split()
)


class _Stmt(Protocol):
    @property
    def subject(self) -> str: ...

    @property
    def action(self) -> str: ...

    @property
    def level(self) -> object: ...


class _Fw(Protocol):
    @property
    def statements(self) -> Sequence[_Stmt]: ...


def words(text: str) -> list[str]:
    """Lower-cased words of a text (letters, apostrophes, hyphens)."""
    return [w.lower() for w in _WORD.findall(text)]


def subject_key(subject: str) -> str:
    """A subject compared verbatim: lower case, single spaces, no end punctuation."""
    return " ".join(subject.lower().split()).strip(" .;:,")


def subjects_repeated(fw: _Fw) -> int:
    """Distinct subjects that appear at two or more levels of one framework."""
    levels: dict[str, set[object]] = {}
    for s in fw.statements:
        levels.setdefault(subject_key(s.subject), set()).add(s.level)
    return sum(1 for lv in levels.values() if len(lv) > 1)


def pronoun_after_dash(action: str) -> bool:
    """The action opens with a pronoun, or with a verb (and particle) whose object is one."""
    toks = words(action)[:3]
    if not toks:
        return False
    if toks[0] in PRONOUNS:
        return True
    # "prepare them", "set them up", "carry out it": a pronoun as the second or third word
    # after a verb (and particle) stands for the subject.
    return any(t in PRONOUNS for t in toks[1:3])


def skeleton(action: str, frame: set[str]) -> str:
    """The action with every word outside ``frame`` masked as ``*`` (runs collapsed)."""
    toks = [w if w in frame else "*" for w in words(action)]
    return re.sub(r"(\* )+\*", "*", " ".join(toks))


def frame_words(actions: Sequence[str]) -> set[str]:
    """Words found in at least ``SKELETON_WORD_SHARE`` of the actions."""
    df: Counter[str] = Counter()
    for a in actions:
        df.update(set(words(a)))
    floor = max(2, SKELETON_WORD_SHARE * len(actions))
    return {w for w, c in df.items() if c >= floor}


def skeletons(actions: Iterable[str]) -> Counter[str]:
    """How many of the actions share each skeleton (skeletons with fewer than two frame words
    that are not function words are not counted)."""
    acts = list(actions)
    frame = frame_words(acts)
    out: Counter[str] = Counter()
    for a in acts:
        sk = skeleton(a, frame)
        if sum(1 for t in sk.split() if t != "*" and t not in FUNCTION_WORDS) >= 2:
            out[sk] += 1
    return out
