"""Quality rules over durable skills; each finding is a ``Problem``, never an exception.

Rule ids (severity):
    durable.domains (error)     the ten domains, once each, ranked 1-10
    durable.count (error)       2-4 statements per level, 9-12 per domain, orders 1..n
    text.dash (error)           exactly one spaced em dash, between title and behaviour
    text.period (error)         ends with one period
    text.words (error)          10-40 words
    text.chars (error)          40-300 characters
    grammar.doubled (error)     a word repeated ("the the")
    grammar.dangling (error)    a conjunction or preposition before the dash or the period
    grammar.case (error)        title starts in lower case, or behaviour in upper case
    grammar.na (error)          "n/a", empty parentheses, doubled spaces, space before a comma
    grammar.root (error)        a verb whose object repeats its root ("record personnel records",
                                "write messages about writing code")
    grammar.gerund (error)      a gerund phrase where the words before it need a noun
                                ("write up attending events", "carry out preparing breads",
                                "pieces of managing activities", "how own serving food could")
    grammar.object (error)      an object that does not fit its frame: a quality or state where
                                a piece of work is meant ("errors with accuracy of records"), a
                                word that is no noun ("work on informed"), a list cut after an
                                adjective ("performance of electrical"), a lone word that names
                                nothing ("standards for AI use on topics")
    grammar.echo (error)        the title's object repeated in the behaviour ("Verified AI
                                answers on building plans — check AI answers about building
                                plans …")
    grammar.pronoun (error)     a pronoun right after the dash, or as the object of its first
                                verb ("— them …", "— check it …")
    grammar.article (error)     a stray article: two determiners in a row ("the the", "own the"),
                                "a" before a vowel or "an" before a consonant, no article before
                                a singular quality ("improvements to quality of foods")
    grammar.spelling (error)    a gerund spelt without its doubled consonant ("programing")
    duplicate.text (error)      the same statement (or title) twice on the page
    cite.framework (error)      no durable-skills framework named
    cite.foreign (error)        an anchor that is not a record of this occupation
    cite.release (error)        an anchor of another release
    cite.missing (warning)      a statement with no O*NET anchor

The text and grammar checks are the shared plain functions of ``validate/text.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from skillsx.compose.lexicon import BASE_VERBS
from skillsx.models import Anchor, Brief, DurableLevel, DurableSkills, Problem
from skillsx.validate.text import form_findings

DOMAIN_NAMES = (
    "Communication",
    "Leadership",
    "Metacognition",
    "Critical Thinking",
    "Collaboration",
    "Character",
    "Creativity",
    "Growth Mindset",
    "Mindfulness",
    "Fortitude",
)
MIN_WORDS, MAX_WORDS = 10, 40
MIN_CHARS, MAX_CHARS = 40, 300
PER_LEVEL = (2, 4)
PER_DOMAIN = (9, 12)
#: Records a problem: ``add(rule, severity, message)``.
Add = Callable[[str, str, str], None]


#: Key of ``valid_records`` holding the releases an anchor may cite.
RELEASES = "release"
_last_valid: list[tuple[Brief, dict[str, set[str]]]] = []


def valid_records(brief: Brief) -> dict[str, set[str]]:
    """Record IDs of this occupation that a statement may cite, by anchor kind, and under
    ``RELEASES`` the releases they may come from (the brief's and its extra 29.x files)."""
    # The durable and AI-use checks of one page ask for the same brief in turn.
    last = _last_valid[0] if _last_valid else None  # read once: another thread may replace it
    if last is not None and last[0] is brief:
        return last[1]
    valid = {
        "task": {str(t.id) for t in brief.tasks},
        "dwa": {d.id for t in brief.tasks for d in t.dwas},
        "element": {d.element_id for t in brief.tasks for d in t.dwas}
        | {e.element_id for e in [*brief.skills, *brief.knowledge, *brief.abilities]}
        | {w.element_id for w in brief.work_styles},
        "technology": {str(t.commodity_code) for t in brief.technology},
        "tool": {str(t.commodity_code) for t in brief.tools},
        RELEASES: {brief.release} | {e.release for e in [*brief.skills, *brief.knowledge]},
    }
    _last_valid[:] = [(brief, valid)]
    return valid


# The shared form checks (``validate.text.form_findings``) under this module's rule ids.
_FORM_RULES = {
    "dash": "text.dash",
    "period": "text.period",
    "words": "text.words",
    "chars": "text.chars",
    "doubled": "grammar.doubled",
    "dangling": "grammar.dangling",
    "seam": "grammar.na",
}


# ------------------------------------------------------------------ seams a reader notices
#
# Plain functions over one statement's text; each returns the offending words or None. They
# read the text as a reader does (word lists, no composer code), so they also catch what a
# curator's correction or a future engine writes.

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'-]*")
#: Nouns the templates themselves use next to the work ("work on", "keep working at").
_ROOT_IGNORE = frozenset("work use need help check set change plan".split())
_SUFFIXES = ("ings", "ing", "ions", "ion", "ers", "er", "ies", "es", "s", "ed", "e")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    word = word.lower()
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


#: Words after which a verb opens a new verb phrase.
_VERB_OPENERS = frozenset({"to", "and", "then"})


def doubled_root(
    body: str, toks: list[str] | None = None, low: list[str] | None = None
) -> str | None:
    """A verb and, within its next six words, a noun of the same root ("record … records")."""
    toks = _TOKEN.findall(body) if toks is None else toks
    low = [t.lower() for t in toks] if low is None else low
    # Verbs open the action and the clauses after "to", "and", "then".
    for i in [0, *(j + 1 for j, w in enumerate(low[:-1]) if w in _VERB_OPENERS)]:
        word = low[i] if i < len(low) else ""
        if word not in BASE_VERBS or word in _ROOT_IGNORE or len(word) < 4:
            continue
        root = _stem(word)
        for later in low[i + 1 : i + 7]:
            if later != word and later not in _ROOT_IGNORE and _stem(later) == root:
                return f"{toks[i]} … {later}"
    return None


#: Frames that take a noun, never a gerund phrase: "write up attending events".
_GERUND_FRAMES = re.compile(
    r"\b(?:carry out|write up|hand over|share|own|careful|honest|pieces of|cases of|"
    r"details of|changes to|keep up|keep) ([a-z]+ing)\b( [a-z][^,.;:]*)?"
)
#: Gerunds the templates use as plain words after those frames.
_GERUND_WORDS = frozenset(
    "going trying working checking improving learning training thinking morale "
    "something nothing anything everything engineering building housing planning accounting "
    "marketing advertising manufacturing printing lighting plumbing roofing packaging "
    "landscaping wiring piping flooring clothing bedding".split()
)
#: Words that open no object: after them the "-ing" word was a noun ("own understanding is").
_NOT_OBJECTS = frozenset("is are was were could can will may should and or so that when".split())
#: Words that end the complement of "keep": "keep preparing meals accurate and safe".
_KEEP_COMPLEMENTS = re.compile(r"\b(?:accurate|safe|complete|correct|clean|tidy|current)\b")


def gerund_object(body: str) -> str | None:
    """A gerund phrase after words that need a noun ("carry out preparing breads")."""
    for m in _GERUND_FRAMES.finditer(body.lower()):
        ing, rest = m.group(1), m.group(2) or ""
        # A gerund phrase has an object or a complement; "own understanding" is a noun.
        if not rest.split() or rest.split()[0] in _NOT_OBJECTS:
            continue
        if (
            ing in _GERUND_WORDS
            or ing[:-3] + "e" not in BASE_VERBS
            and ing[:-3] not in (BASE_VERBS)
            and ing[:-4] not in BASE_VERBS
        ):
            continue
        frame = m.group(0).split(" " + ing)[0]
        if frame == "keep":
            # "keep checking the details" is fine; "keep preparing meals accurate" is not.
            if not _KEEP_COMPLEMENTS.search(rest):
                continue
        if frame == "keep up" and ing == "working":
            continue
        return f"{frame} {ing} {_noun_phrase(rest.strip())}".strip()
    return None


#: Qualities and states: what a judgement is about, not a piece of work one handles.
QUALITY_HEADS = frozenset(
    """accuracy quality effectiveness efficiency performance characteristics dimensions
    conditions condition behavior behaviour compliance functioning progress trends operation
    use knowledge value values impact impacts status utility implications development
    feasibility availability alignment suitability satisfaction readiness needs tension
    interests""".split()
)
#: Words that name nothing on their own when they are the whole object.
LONE_VAGUE = frozenset(
    """topics objects material resources opportunities actions options items types concepts
    measures terms questions decisions approaches settings locations positions points matters
    areas things methods data information activities programs issues""".split()
)
#: Frames that want a piece of work, a record or a thing as their object.
_WORK_FRAMES = re.compile(
    r"\b(?:work on|problems? with|errors with|faults with|handles|handling|ideas about|"
    r"ideas for|answers? about|output on|drafts of|results on|ai use on|routines for|"
    r"reporting on)(?: | [a-z-]+ (?=about ))((?:about )?(?:the |an? )?[a-z][a-z' -]*)"
)
#: Frames after which any object will do, but not a word that names nothing.
_ANY_FRAMES = re.compile(
    r"\b(?:improvements to|standards? for|commitments made to [a-z-]+ about|new knowledge "
    r"about|writes about|consult on|concerns about|disagreements about|information about|"
    r"questions about|decisions about|judgements? (?:on|about)) ((?:the |an? )?[a-z][a-z' -]*)"
)
_NP_STOP = re.compile(
    r" (?:to|for|in|on|at|with|by|from|into|as|that|through|within|under|while|when|before|"
    r"after|against|across|among|between|so|and (?:make|act|lead|use|close|apply|seek|show|"
    r"check|record|ask|explain|say|take|keep|give|adjust|look|change|note|report|refine|act)|"
    r"rather|instead|without|despite|is|are|was|were|could|can|will|may|clear|complete|"
    r"promptly|fair|once|becomes?|goes|comes|meets|clashes|depends|achieved|evolves|[a-z]+ly|"
    r"closely|directly|accurately|clearly)\b"
)
#: Endings of adjectives: a list cut after one ("performance of electrical").
_ADJECTIVE_END = re.compile(r"(?:al|ic|ive|ous|ary|ful|less|able|ible)$")
_NOT_ADJECTIVES = frozenset(
    "material materials manual manuals chemical chemicals animal animals signal signals "
    "terminal terminals periodical periodicals capital rental proposal proposals approval "
    "removal disposal arrival renewal referral rehearsal trial trials tutorial tutorials "
    "journal journals mural murals portal portals vessel vessels clinic clinics logic music "
    "graphic graphics mechanic mechanics fabric fabrics topic topics traffic plastic plastics "
    "electronic electronics ceramic ceramics metal metals pedal pedals panel panels cable "
    "cables table tables vegetable vegetables receivable receivables".split()
)


def _noun_phrase(text: str) -> str:
    """The noun phrase that opens ``text``: up to its first preposition, verb or clause."""
    cut = _NP_STOP.search(" " + text)
    phrase = (" " + text)[: cut.start()] if cut else " " + text
    return " ".join(phrase.split()[:8]).strip(" ,")


def unfit_object(body: str) -> str | None:
    """An object that does not fit its frame (see ``grammar.object``), or None."""
    low = body.lower().rstrip(".")
    for pattern, work_only in ((_WORK_FRAMES, True), (_ANY_FRAMES, False)):
        for m in pattern.finditer(low):
            np = _noun_phrase(m.group(1).removeprefix("about "))
            words_ = np.split()
            if not words_ or words_[0] in _GERUND_OPENERS or words_[0].endswith("ing"):
                continue  # a verb phrase ("ideas for evaluating data quality"), not an object
            frame = m.group(0)[: len(m.group(0)) - len(m.group(1))]
            main = np.split(" of ")[0].split()
            head = main[-1] if main else ""
            last = words_[-1]
            if len(words_) == 1 and head in LONE_VAGUE:
                return frame + np
            # "decisions about clients get needed services": a clause where an object belongs.
            if len(words_) > 1 and words_[0] in _PEOPLE and words_[1] in BASE_VERBS:
                return frame + np
            if (last.endswith("ed") and last not in ("need", "feed", "seed", "speed", "bed")) or (
                _ADJECTIVE_END.search(last) and last not in _NOT_ADJECTIVES
            ):
                return frame + np
            # "the quality of …" reads as meant; "errors with accuracy of records" does not.
            if work_only and head in QUALITY_HEADS and words_[0] not in ("the", "a", "an"):
                return frame + np
    return None


#: People a clause may open with ("clients get needed services").
_PEOPLE = frozenset(
    "clients customers patients students workers employees staff members others people "
    "individuals families children residents users visitors passengers guests".split()
)
#: Words that open a verb phrase rather than an object.
_GERUND_OPENERS = frozenset("how what when where whether which who to".split())


_FUNCTION = frozenset("a an the of on in to for with about and or own ai use by at from as".split())


def title_echo(title: str, body: str) -> str | None:
    """The object that ends the title (after its last preposition), repeated in the body when
    it has two or more words ("Verified AI answers on building plans — check AI answers about
    building plans")."""
    toks = [t.lower() for t in _TOKEN.findall(title)]
    cut = max(
        (i for i, t in enumerate(toks) if t in ("on", "of", "for", "to", "with", "about")),
        default=-1,
    )
    tail = toks[cut + 1 :] if cut >= 0 else []
    content = [t for t in tail if t not in _FUNCTION]
    if len(content) < 2:
        return None
    phrase = " ".join(tail)
    body_words = " " + " ".join(t.lower() for t in _TOKEN.findall(body)) + " "
    return phrase if f" {phrase} " in body_words else None


PRONOUNS = frozenset("it them they its their itself themselves".split())


def pronoun_opening(body: str) -> str | None:
    """A pronoun right after the dash, or as the object of the first verb ("check it")."""
    toks = [t.strip(".,;:").lower() for t in body.split(None, 3)[:3]]
    if toks and toks[0] in PRONOUNS:
        return toks[0]
    if len(toks) > 1 and toks[1] in _OBJECT_PRONOUNS:
        return " ".join(toks[:2])
    if len(toks) > 2 and toks[1] in _PARTICLES and toks[2] in _OBJECT_PRONOUNS:
        return " ".join(toks)
    return None


_OBJECT_PRONOUNS = PRONOUNS - {"their", "its"}
_PARTICLES = frozenset("up out down off back over".split())
_DETERMINERS = frozenset("a an the own their its this these those each every".split())
_ARTICLES = frozenset({"a", "an", "the"})
#: Words after "a" that open with a vowel letter but a consonant sound, and after "an" the
#: reverse.
_A_BEFORE_VOWEL = ("one", "once", "use", "usu", "uni", "uti", "ure", "uro", "eu")
_AN_BEFORE_CONSONANT = ("hour", "honest", "honour", "honor", "heir")
#: Singular qualities that want "the" before "of": "improvements to quality of foods".
_BARE_QUALITIES = frozenset(
    """accuracy quality effectiveness efficiency performance condition behavior behaviour
    progress operation use value impact status utility development feasibility availability
    alignment suitability tension safety""".split()
)
_PREPOSITIONS = frozenset("to on about with in for of over".split())


def stray_article(
    text: str, toks: list[str] | None = None, low: list[str] | None = None
) -> str | None:
    """Two determiners in a row, "a"/"an" before the wrong sound, a name pasted with its own
    "The" ("uses of The MathWorks MATLAB"), or a singular quality with no article
    ("improvements to quality of foods")."""
    toks = _TOKEN.findall(text) if toks is None else toks
    low = [t.lower() for t in toks] if low is None else low
    for i in range(len(low) - 1):
        a, b = low[i], low[i + 1]
        pair = f"{toks[i]} {toks[i + 1]}"
        if a in _DETERMINERS and b in _ARTICLES and a != b:  # "the the" is grammar.doubled's
            return pair
        if a == "a" and b[0] in "aeiou" and not b.startswith(_A_BEFORE_VOWEL):
            return pair
        if a == "an" and (
            (b[0] not in "aeiou" and not b.startswith(_AN_BEFORE_CONSONANT))
            or b.startswith(_A_BEFORE_VOWEL)
        ):
            return pair
        if toks[i + 1] == "The" and toks[i][0].islower():
            return pair
        if a in _PREPOSITIONS and b in _BARE_QUALITIES and low[i + 2 : i + 3] == ["of"]:
            return f"{pair} of"
    return None


#: Gerunds of verbs stressed on the last syllable, written without the doubled consonant.
MISSPELT = frozenset(
    """programing formating reformating inputing debuging diagraming embeding reseting
    retrofiting rewraping unwraping typeseting offseting outfiting unpluging shrink-fiting
    equiping patroling controling transfering refering confering""".split()
)


def misspelt_gerund(text: str, low: list[str] | None = None) -> str | None:
    """A gerund spelt without its doubled consonant ("programing"), or None."""
    low = [t.lower() for t in _TOKEN.findall(text)] if low is None else low
    return next((t for t in low if t in MISSPELT), None)


def seam_findings(title: str, body: str) -> list[tuple[str, str]]:
    """The seams a reader notices in one statement, as (rule id, message) pairs."""
    body_toks = _TOKEN.findall(body)
    title_toks = _TOKEN.findall(title)
    body_low = [t.lower() for t in body_toks]
    toks, low = title_toks + body_toks, [t.lower() for t in title_toks] + body_low
    out: list[tuple[str, str]] = []
    for rule, found, what in (
        (
            "grammar.root",
            doubled_root(body, body_toks, body_low),
            "A verb and its object share a root",
        ),
        ("grammar.gerund", gerund_object(body), "A gerund phrase where a noun is needed"),
        ("grammar.object", unfit_object(body), "An object that does not fit its frame"),
        ("grammar.echo", title_echo(title, body), "The title's object is repeated"),
        ("grammar.pronoun", pronoun_opening(body), "A pronoun stands for the subject"),
        ("grammar.article", stray_article("", toks, low), "A stray or missing article"),
        ("grammar.spelling", misspelt_gerund("", low), "A misspelt gerund"),
    ):
        if found:
            out.append((rule, f"{what}: {found!r}."))
    return out


def check_text(title: str, body: str, add: Add) -> None:
    """Form and grammar rules shared by durable and AI-use statements."""
    text = f"{title} — {body}"
    for rule, message in seam_findings(title, body):
        add(rule, "error", message)
    for check, message in form_findings(
        text,
        (("title", title), ("behaviour", body)),
        (MIN_WORDS, MAX_WORDS),
        (MIN_CHARS, MAX_CHARS),
    ):
        add(_FORM_RULES[check], "error", message)
    if not title[:1].isupper():
        add("grammar.case", "error", f"Title must start with a capital: {title!r}.")
    if body[:1].isupper():
        add("grammar.case", "error", f"Behaviour must start in lower case: {body!r}.")


def check_anchors(
    anchors: Iterable[Anchor], brief: Brief, valid: dict[str, set[str]], add: Add
) -> None:
    """Every anchor a record of this occupation, of the brief's release (or its extra one)."""
    releases = valid[RELEASES]
    for a in anchors:
        if a.id not in valid.get(a.kind, set()):
            add("cite.foreign", "error", f"{a.kind} {a.id} is not a record of {brief.soc}.")
        elif a.release not in releases:
            add("cite.release", "error", f"{a.kind} {a.id} cites release {a.release}.")


def validate_durable(d: DurableSkills, brief: Brief) -> list[Problem]:
    """Run every durable-skills rule over one occupation's domains."""
    out: list[Problem] = []

    def adder(where: str) -> Add:
        def add(rule: str, severity: str, message: str) -> None:
            out.append(
                Problem(rule=rule, severity=severity, soc=d.soc, where=where, message=message)  # type: ignore[arg-type]
            )

        return add

    names = [dom.name for dom in d.domains]
    if sorted(names) != sorted(DOMAIN_NAMES):
        adder("durable")("durable.domains", "error", f"Domains are {names}; expected the ten.")
    if [dom.rank for dom in d.domains] != list(range(1, len(d.domains) + 1)):
        adder("durable")("durable.domains", "error", "Domains are not ranked 1 to 10 in order.")
    valid = valid_records(brief)
    seen_text: dict[str, str] = {}
    seen_title: dict[str, str] = {}
    for dom in d.domains:
        total = len(dom.statements)
        if not PER_DOMAIN[0] <= total <= PER_DOMAIN[1]:
            adder(dom.id)("durable.count", "error", f"{dom.name} has {total} statements; 9-12.")
        for level in DurableLevel:
            stmts = dom.level(level)
            where = f"{dom.id}/{level.value}"
            if not PER_LEVEL[0] <= len(stmts) <= PER_LEVEL[1]:
                adder(where)(
                    "durable.count", "error", f"{level.label} has {len(stmts)} statements; 2-4."
                )
            if [s.order for s in stmts] != list(range(1, len(stmts) + 1)):
                adder(where)("durable.count", "error", f"{level.label} is not numbered 1..n.")
            for s in stmts:
                at = f"{where}#{s.order}"
                add = adder(at)
                check_text(s.title, s.behaviour, add)
                key = s.text.lower()
                if key in seen_text:
                    add("duplicate.text", "error", f"Same statement as {seen_text[key]}.")
                seen_text.setdefault(key, at)
                if s.title.lower() in seen_title:
                    add("duplicate.text", "error", f"Same title as {seen_title[s.title.lower()]}.")
                seen_title.setdefault(s.title.lower(), at)
                if not s.framework:
                    add("cite.framework", "error", "No durable-skills framework is named.")
                if not s.anchors:
                    add("cite.missing", "warning", "No O*NET record grounds this statement.")
                check_anchors(s.anchors, brief, valid, add)
    return out
