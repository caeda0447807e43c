"""Turn a job title into comparable terms: fold, tokenise, expand, stem.

The same rules run on every indexed title and on every query, so a rule only has to be
consistent, not linguistically perfect: "Sr. Sales Mgr", "senior sales managers" and
"Sales Manager, Senior" all come to the terms senior, sale and manager.

Rules, in order:

1. Unicode is folded to ASCII and lower case ("Pâtissier" -> "patissier").
2. Apostrophes and full stops vanish ("Driver's" -> "drivers", "U.S." -> "us",
   "Sr." -> "sr"); "&" between two letters stays part of the word ("R&D", "A&P"); any
   other character that is not a letter or digit separates words.
3. Anything from the word "except" on is dropped: O*NET titles such as
   "Elementary School Teachers, Except Special Education" name what they are *not*;
   so is a closing "All Other" ("Managers, All Other").
4. A short prefix joins the next word, so "Pre-School", "Pre School" and "Preschool"
   agree (``AFFIXES``; "co", "re", "sub", "self" and "inter" join only across a hyphen).
5. Abbreviations expand (``ABBREVIATIONS``: "RN" -> "registered nurse",
   "mgr" -> "manager"); a plural abbreviation ("RNs", "techs") expands like its singular.
6. Stop words ("and", "of", "the", ...) are dropped.
7. Plurals are stemmed ("nurses" -> "nurse", "secretaries" -> "secretary",
   "foremen" -> "foreman"), then word families fold to one term (``FAMILIES``:
   "administrative", "administration", "admin" -> "administrator"; and a compound in
   "-person" or "-woman" to "-man": "foreperson", "forewoman" -> "foreman").
8. Repeated terms are kept once, so "Registered Nurse (RN)" is ``("registered", "nurse")``.

``analyse`` also returns the *head words*: the last term of each part of the text between
commas, brackets and "and" ("Welders, Cutters, and Brazers" -> welder, cutter, brazer),
and the last term outside brackets (what a query names: "nurse" in "registered nurse").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

__all__ = [
    "ABBREVIATIONS",
    "Analysis",
    "AFFIXES",
    "FAMILIES",
    "STOP_WORDS",
    "analyse",
    "clear_caches",
    "family",
    "fold",
    "normalise",
    "stem",
    "tokenise",
]

# One meaning per abbreviation: the one job titles use. Ambiguous ones ("ED", "RT",
# "PA", "OR") are left out on purpose; titles that use them carry them literally.
ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    # ranks and roles
    "mgr": ("manager",),
    "mngr": ("manager",),
    "mgmt": ("management",),
    "exec": ("executive",),
    "asst": ("assistant",),
    "assoc": ("associate",),
    "sr": ("senior",),
    "snr": ("senior",),
    "jr": ("junior",),
    "tech": ("technician",),
    "eng": ("engineer",),
    "engr": ("engineer",),
    "dev": ("developer",),
    "rep": ("representative",),
    "supv": ("supervisor",),
    "supvr": ("supervisor",),
    "supt": ("superintendent",),
    "coord": ("coordinator",),
    "spec": ("specialist",),
    "dir": ("director",),
    "op": ("operator",),
    "mech": ("mechanic",),
    "clk": ("clerk",),
    "secy": ("secretary",),
    "instr": ("instructor",),
    "tchr": ("teacher",),
    "vp": ("vice", "president"),
    "svp": ("senior", "vice", "president"),
    "evp": ("executive", "vice", "president"),
    "avp": ("assistant", "vice", "president"),
    "gm": ("general", "manager"),
    "pm": ("project", "manager"),
    "ceo": ("chief", "executive", "officer"),
    "cfo": ("chief", "financial", "officer"),
    "coo": ("chief", "operating", "officer"),
    "cto": ("chief", "technology", "officer"),
    "cio": ("chief", "information", "officer"),
    "cmo": ("chief", "marketing", "officer"),
    "cno": ("chief", "nursing", "officer"),
    "ciso": ("chief", "information", "security", "officer"),
    "cpa": ("certified", "public", "accountant"),
    "dba": ("database", "administrator"),
    "swe": ("software", "engineer"),
    "csr": ("customer", "service", "representative"),
    "dj": ("disc", "jockey"),
    # health care
    "rn": ("registered", "nurse"),
    "lpn": ("licensed", "practical", "nurse"),
    "lvn": ("licensed", "vocational", "nurse"),
    "np": ("nurse", "practitioner"),
    "aprn": ("advanced", "practice", "registered", "nurse"),
    "cna": ("certified", "nursing", "assistant"),
    "cma": ("certified", "medical", "assistant"),
    "emt": ("emergency", "medical", "technician"),
    "ems": ("emergency", "medical", "services"),
    "md": ("medical", "doctor"),
    "dds": ("doctor", "dental", "surgery"),
    "pharmd": ("doctor", "pharmacy"),
    "pt": ("physical", "therapist"),
    "pta": ("physical", "therapist", "assistant"),
    "ot": ("occupational", "therapist"),
    "ota": ("occupational", "therapy", "assistant"),
    "cota": ("certified", "occupational", "therapy", "assistant"),
    "slp": ("speech", "language", "pathologist"),
    "lpc": ("licensed", "professional", "counselor"),
    "icu": ("intensive", "care", "unit"),
    "er": ("emergency", "room"),
    "mri": ("magnetic", "resonance", "imaging"),
    "ct": ("computed", "tomography"),
    "ekg": ("electrocardiogram",),
    "ecg": ("electrocardiogram",),
    "med": ("medical",),
    "lab": ("laboratory",),
    "pharm": ("pharmacy",),
    "hosp": ("hospital",),
    # trades and technology
    "hvac": ("heating", "ventilation", "air", "conditioning"),
    "hvacr": ("heating", "ventilation", "air", "conditioning", "refrigeration"),
    "ac": ("air", "conditioning"),
    "qa": ("quality", "assurance"),
    "qc": ("quality", "control"),
    "cnc": ("computer", "numerical", "control"),
    "cad": ("computer", "aided", "design"),
    "cadd": ("computer", "aided", "design", "drafting"),
    "cdl": ("commercial", "driver", "license"),
    "ndt": ("nondestructive", "testing"),
    "a&p": ("airframe", "powerplant"),
    "r&d": ("research", "development"),
    "xray": ("x", "ray"),
    "it": ("information", "technology"),
    "is": ("information", "systems"),
    "gis": ("geographic", "information", "systems"),
    "ux": ("user", "experience"),
    "ui": ("user", "interface"),
    "ai": ("artificial", "intelligence"),
    "ml": ("machine", "learning"),
    "seo": ("search", "engine", "optimization"),
    "sw": ("software",),
    "hw": ("hardware",),
    "db": ("database",),
    "sys": ("system",),
    "tv": ("television",),
    "av": ("audio", "visual"),
    "maint": ("maintenance",),
    "ops": ("operations",),
    "mfg": ("manufacturing",),
    "prod": ("production",),
    "whse": ("warehouse",),
    "equip": ("equipment",),
    "eqpt": ("equipment",),
    "svc": ("service",),
    "auto": ("automotive",),
    # business and public sector
    "hr": ("human", "resources"),
    "pr": ("public", "relations"),
    "bd": ("business", "development"),
    "biz": ("business",),
    "acct": ("account",),
    "acctg": ("accounting",),
    "ap": ("accounts", "payable"),
    "ar": ("accounts", "receivable"),
    "mktg": ("marketing",),
    "mkt": ("marketing",),
    "cust": ("customer",),
    "dept": ("department",),
    "govt": ("government",),
    "intl": ("international",),
    "natl": ("national",),
    "corp": ("corporate",),
    "info": ("information",),
    "proj": ("project",),
    "ehs": ("environmental", "health", "safety"),
    "aml": ("anti", "money", "laundering"),
    # education
    "sped": ("special", "education"),
    "ed": ("education",),
    "esl": ("english", "second", "language"),
    "elem": ("elementary",),
    "univ": ("university",),
}

# Prefixes written solid, hyphenated or spaced ("preschool", "pre-school", "pre school").
AFFIXES = frozenset({"pre", "post", "non", "multi", "micro", "semi", "x", "e"})
# Only joined across a hyphen: as separate words they mean something else ("CO" officer).
HYPHEN_AFFIXES = frozenset({"co", "re", "sub", "self", "inter"})

STOP_WORDS = frozenset(
    {"a", "an", "and", "the", "of", "for", "in", "to", "or", "with", "on", "at", "by", "as"}
)
# "Managers, All Other": the residual marker tells a searcher nothing.
_RESIDUAL = ("all", "other")

# Word families folded to one term after stemming.
FAMILIES: dict[str, str] = {
    "admin": "administrator",
    "administrative": "administrator",
    "administration": "administrator",
    "vet": "veterinary",
    "veterinarian": "veterinary",
    "automobile": "automotive",
}

# "Foreperson", "forewoman" and "foreman" are one title; so are "salesperson" and
# "salesman", "chairwoman" and "chairman". Only compounds fold ("person" stays).
_GENDERED = ("person", "woman")

# Words ending in "s" that are not plurals (after the generic "ss"/"us"/"is" checks).
_NOT_PLURAL = frozenset({"series", "species", "news", "physics", "gas", "bus", "lens", "atlas"})

_WORD = re.compile(r"[a-z0-9]+(?:&[a-z0-9]+)*")
_DROP = re.compile(r"['.`]")
_JOINERS = AFFIXES | HYPHEN_AFFIXES
_PART_BREAKS = frozenset("(),;")


class Analysis(NamedTuple):
    """The terms of a text, and the head words its parts end on."""

    terms: tuple[str, ...]
    # The last term of each part between commas, brackets and "and".
    heads: frozenset[str]
    # The last term outside brackets: what the text names ("nurse" in "RN (Nurse)").
    head: str | None
    # Words outside brackets, as written (stop words too, before abbreviations expand).
    words: int = 0
    # One run of words: no commas, brackets, stop words or "and" ("Director of Nursing"
    # and "Nurse, Endoscopy" do not end on what they name; "Endoscopy Nurse" does).
    plain: bool = False


def fold(text: str) -> str:
    """Fold ``text`` to lower-case ASCII, drop apostrophes and full stops."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _DROP.sub("", text.lower())


def tokenise(text: str) -> list[str]:
    """Split ``text`` into folded words, up to "except", joining short prefixes."""
    return [word for word, _, _ in _words(text)]


def _words(text: str) -> list[tuple[str, int, bool]]:
    """Return (word, part number, inside brackets) for each word of ``text``."""
    folded = fold(text)
    words: list[tuple[str, int, bool]] = []
    part, bracketed = 0, False
    pending = ""
    pos = 0
    for match in _WORD.finditer(folded):
        word = match.group()
        gap = folded[pos : match.start()]
        pos = match.end()
        if word == "except":
            break
        if pending:
            if word not in STOP_WORDS and word.isalpha() and _joins(pending, gap):
                word = pending + word
                gap = ""
            else:
                words.append((pending, part, bracketed))
            pending = ""
        if not _PART_BREAKS.isdisjoint(gap):
            part += 1
            bracketed = gap.rfind("(") > gap.rfind(")") or (bracketed and ")" not in gap)
        if word == "and":
            part += 1
        if word in _JOINERS:
            pending = word
            continue
        if "&" in word and word not in ABBREVIATIONS:
            words.extend((piece, part, bracketed) for piece in word.split("&"))
            continue
        words.append((word, part, bracketed))
    if pending:
        words.append((pending, part, bracketed))
    if len(words) >= 2 and (words[-2][0], words[-1][0]) == _RESIDUAL:
        del words[-2:]
    return words


def _joins(prefix: str, gap: str) -> bool:
    if gap.strip() == "-":
        return True
    return prefix in AFFIXES and gap.isspace()


def stem(word: str) -> str:
    """Reduce a plural to its singular form; leave everything else alone."""
    if len(word) <= 3 or not word.isalpha() or word in _NOT_PLURAL:
        return word
    if word.endswith("men") and len(word) > 4:
        return word[:-3] + "man"
    if not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes", "zzes")):
        return word[:-2]
    return word[:-1]


@lru_cache(maxsize=1 << 16)
def _terms_of(word: str) -> tuple[str, ...]:
    """Expand, drop stop words, stem and fold families: one word's terms."""
    expansion = ABBREVIATIONS.get(word)
    if expansion is None and len(word) > 2 and word.endswith("s"):
        expansion = ABBREVIATIONS.get(word[:-1])
    terms = []
    for part in expansion or (word,):
        if part not in STOP_WORDS:
            terms.append(family(stem(part)))
    return tuple(terms)


def family(term: str) -> str:
    """Fold a stemmed word to its family's term (``FAMILIES``, "-person"/"-woman")."""
    folded = FAMILIES.get(term)
    if folded is not None:
        return folded
    for ending in _GENDERED:
        if term.endswith(ending) and len(term) > len(ending) + 1:
            return term[: -len(ending)] + "man"
    return term


def analyse(text: str) -> Analysis:
    """Return the terms of ``text`` with its head words, in one pass."""
    terms: dict[str, None] = {}
    last_of_part: dict[int, str] = {}
    head = outside = None
    words = 0
    plain = True
    for word, part, bracketed in _words(text):
        words += not bracketed
        plain = plain and part == 0 and not bracketed and word not in STOP_WORDS
        for term in _terms_of(word):
            terms.setdefault(term, None)
            last_of_part[part] = term
            head = term
            if not bracketed:
                outside = term
    return Analysis(
        tuple(terms), frozenset(last_of_part.values()), outside or head, words, plain and words > 0
    )


def clear_caches() -> None:
    """Forget the per-word cache (it grows to ~18,000 words while an index is built)."""
    _terms_of.cache_clear()


def normalise(text: str) -> tuple[str, ...]:
    """Return the distinct search terms of ``text``, in order of first appearance."""
    return analyse(text).terms
