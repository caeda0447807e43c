"""Linguistic pieces: split an O*NET task into verb and object, name the work, inflect verbs.

O*NET tasks and DWAs are imperative sentences: one or more base-form verbs, an object, then
modifiers ("to determine ...", "using ...", "in restaurants"). ``parse_task`` takes them apart
with word lists rather than a tagger, so the composer stays offline and deterministic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lemminflect import getInflection

from skillsx.compose.lexicon import (
    ADVERBS,
    BASE_VERBS,
    DETERMINERS,
    NOMINALS,
    NOUNISH_VERBS,
    PARTICLES,
    PERSON_NOUNS,
    PLACE_NOUNS,
    VERB_PREPOSITIONS,
    all_lemmas,
)

# Words that end the object noun phrase; what follows is a modifier.
_CUT_WORDS = frozenset(
    """to using by through throughout when where while if before after during from within under
into onto at in with for such including according so that which who whose whether via upon
across between among against as than like following per without because since toward towards
until unless based related needed required common prior along""".split()
)
# Prepositional phrases short enough to stay in a subject ("Customer complaints about service").
_OBJ_ADVERBS = frozenset(
    "together properly accordingly regularly accurately correctly promptly efficiently safely "
    "daily periodically thoroughly".split()
)
_TOPIC_WORDS = frozenset({"of", "about", "regarding", "concerning", "on", "for"})
MASS_NOUNS = frozenset(
    """equipment data staff information software machinery merchandise mail personnel research
furniture luggage baggage clothing food feedback inventory livestock paperwork traffic
correspondence documentation material work welding maintenance training""".split()
)
_NOT_PLURAL = frozenset(
    {"series", "news", "species", "status", "analysis", "diagnosis", "basis", "debris", "gas"}
)


_PERCEIVE = frozenset("recognize recognise know understand learn".split())


@dataclass(frozen=True)
class Clause:
    """One verb phrase of a task: its verbs, the object and what modifies it."""

    verbs: tuple[str, ...]
    prep: str  # preposition the verb takes ("confer with"), or ""
    obj: str  # object noun phrase, trimmed
    topic: str  # short "about/on/regarding" complement, or ""
    purpose: str  # "to ..." clause without "to", or ""
    place: str  # "in restaurants", or ""
    tail: str  # the untrimmed remainder after the object

    @property
    def verb(self) -> str:
        """The clause's main verb: the first, unless it only perceives ("Recognize, set up,
        and operate tools" is about operating them)."""
        for verb in self.verbs:
            if verb.split(" ")[0] not in _PERCEIVE:
                return verb
        return self.verbs[0] if self.verbs else ""

    @property
    def head(self) -> str:
        return head_noun(self.obj)

    @property
    def is_person(self) -> bool:
        if self.verb.split(" ")[0] in PEOPLE_VERBS and self.obj:
            return True  # "Supervise other butchers or meat cutters": only people are supervised
        return self.head.lower() in PERSON_NOUNS


_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’/\-]*")


# Verbs whose object is always people, whatever the noun ("assist other cooks").
PEOPLE_VERBS = frozenset(
    "supervise hire recruit assist instruct counsel interview greet coach mentor tutor escort "
    "befriend comfort console reassure".split()
)


def words(text: str) -> list[str]:
    """Split into words, keeping hyphens, apostrophes and slashes inside them."""
    return list(_words(text))


@lru_cache(maxsize=65536)
def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text))


def _is_verb(token: str) -> bool:
    return token.lower().strip(",;") in BASE_VERBS


def split_clauses(text: str) -> list[str]:
    """Split a task into its coordinated verb phrases ("Confer ..., and advise ...")."""
    text = text.strip().rstrip(".").replace(";", ",")
    parts: list[str] = []
    tokens = text.split()
    start = 0
    for i in range(1, len(tokens) - 1):
        tok, nxt = tokens[i].lower(), tokens[i + 1].lower().strip(",")
        if tok not in {"and", "or"} or nxt not in BASE_VERBS:
            continue
        after = tokens[i + 2].lower() if i + 2 < len(tokens) else ""
        comma = tokens[i - 1].endswith(",")
        if not comma and tokens[i - 1].lower() in ADJECTIVES and nxt in ADJECTIVE_VERBS:
            continue  # "accurate and complete records"
        after2 = tokens[i + 3].lower() if i + 3 < len(tokens) else ""
        clearly_verb = _verb_reading(nxt, after, after2) or (
            # "and order or requisition supplies": a verb list after "and"
            after in {"or", "and"}
            and i + 3 < len(tokens)
            and tokens[i + 3].lower().strip(",") in BASE_VERBS
            and tokens[i + 3].lower().strip(",") not in NOUNISH_VERBS
        )
        # "records and reports" stays one object; ", and advise customers" starts a clause.
        if (comma or clearly_verb) and not _is_verb_list(tokens, i):
            parts.append(" ".join(tokens[start:i]).rstrip(","))
            start = i + 1
    parts.append(" ".join(tokens[start:]).rstrip(","))
    return [p for p in parts if p]


def _is_verb_list(tokens: list[str], i: int) -> bool:
    """Whether tokens[:i] is still the opening verb list ("Plan, direct, and coordinate")."""
    for k, tok in enumerate(tokens[:i]):
        low = tok.lower().strip(",")
        if _is_verb(tok) or low in {"and", "or"}:
            continue
        if k and _is_verb(tokens[k - 1]) and (low in PARTICLES or low in VERB_PREPOSITIONS):
            continue
        return False
    return True


def parse_clause(text: str) -> Clause:
    """Parse one imperative verb phrase into a ``Clause``."""
    tokens = text.strip().rstrip(".").split()
    while tokens and tokens[0].lower() in ADVERBS:
        tokens = tokens[1:]
    verbs: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i].lower().strip(",")
        if tok in BASE_VERBS and (
            not verbs or tokens[i - 1].endswith(",") or _after_conj(tokens, i)
        ):
            verbs.append(tok)
            i += 1
        elif (
            tok in {"and", "or", "and/or"}
            and verbs
            and i + 1 < len(tokens)
            and _is_verb(tokens[i + 1])
        ):
            i += 1
        else:
            break
        if i < len(tokens) and tokens[i].lower().strip(",") in PARTICLES and verbs:
            verbs[-1] = f"{verbs[-1]} {tokens[i].lower().strip(',')}"
            i += 1
    if verbs and verbs[-1] == "help" and i < len(tokens) and _is_verb(tokens[i]):
        verbs[-1] = tokens[i].lower().strip(",")
        i += 1
    prep = ""
    if i < len(tokens) and tokens[i].lower() in VERB_PREPOSITIONS and verbs:
        prep = tokens[i].lower()
        i += 1
    rest = tokens[i:]
    obj_tokens: list[str] = []
    j = 0
    while j < len(rest):
        low = rest[j].lower().strip(",")
        if not obj_tokens and low in {"and", "or"} and j + 1 < len(rest):
            j += 2  # "Couple or uncouple trailers": skip a verb the lexicon lacks
            continue
        if low in _CUT_WORDS or low in _TOPIC_WORDS:
            break
        if low in {"and", "or"} and j + 1 < len(rest) and _starts_clause(rest, j):
            break
        if low in _OBJ_ADVERBS or low in {"is", "are", "was", "were", "has", "have"}:
            break
        obj_tokens.append(rest[j])
        j += 1
        if (
            rest[j - 1].endswith(",")
            and j + 1 < len(rest)
            and rest[j].endswith("ing")
            and not rest[j].endswith(",")
            and rest[j + 1].lower() not in {"and", "or"}
        ):
            break
        if rest[j - 1].endswith(",") and j < len(rest) and rest[j].lower() in {"to", "by"}:
            break
    tail_tokens = rest[j:]
    topic = purpose = place = ""
    if tail_tokens:
        first = tail_tokens[0].lower()
        phrase = _until_cut(tail_tokens[1:])
        if first in _TOPIC_WORDS and phrase:
            topic = f"{'about' if first in {'regarding', 'concerning'} else first} {phrase}"
        elif first in {"in", "at", "on"} and phrase and head_noun(phrase).lower() in PLACE_NOUNS:
            place = f"{first} {phrase}"
        elif (
            first == "in" and phrase and len(words(phrase)) <= 4 and not _cut_at_comma(tail_tokens)
        ):
            topic = f"in {phrase}"
    m = re.search(r"\bto ([a-z]+)\b(.*)$", " ".join(tail_tokens))
    if m and m.group(1) in BASE_VERBS:
        purpose = (m.group(1) + m.group(2)).strip().rstrip(",")
    if not place:
        place = find_place(" ".join(tail_tokens))
    return Clause(
        verbs=tuple(verbs),
        prep=prep,
        obj=clean_np(" ".join(obj_tokens)),
        topic=clean_np(topic),
        purpose=purpose,
        place=place,
        tail=" ".join(tail_tokens),
    )


ADJECTIVES = frozenset(
    "accurate detailed current complete precise safe clean orderly timely thorough full "
    "written legible neat correct proper".split()
)
# Qualities a subject need not carry ("Accurate records" -> "Records").
# -ing words that are nouns in their own right after a plural ("records keeping" is not one).
# Past participles left after a noun when the clause that followed was cut ("problems referred").
_PARTICIPLES = frozenset(
    "referred received assigned used needed required involved requested performed ordered "
    "submitted proposed completed obtained collected provided prescribed given issued "
    "specified scheduled indicated outlined established identified observed reported".split()
)
_GERUND_NOUNS = frozenset("training building housing clothing seating planning".split())
_QUALITY = frozenset(
    "accurate detailed complete thorough legible neat timely precise proper correct sufficient "
    "appropriate necessary relevant".split()
)
# Base verbs that double as adjectives after another adjective.
ADJECTIVE_VERBS = frozenset("complete clean correct current secure clear open".split())


def _starts_clause(tokens: list[str], j: int) -> bool:
    """Whether "and/or" at tokens[j] opens a new verb phrase rather than a noun list."""
    nxt = tokens[j + 1].lower().strip(",")
    if nxt not in BASE_VERBS:
        return False
    if j and tokens[j - 1].lower().strip(",") in ADJECTIVES and nxt in ADJECTIVE_VERBS:
        # "accurate and complete records": two adjectives, not "complete" as a new verb.
        return False
    after = tokens[j + 2].lower() if j + 2 < len(tokens) else ""
    after2 = tokens[j + 3].lower() if j + 3 < len(tokens) else ""
    return _verb_reading(nxt, after, after2)


def _verb_reading(word: str, after: str, after2: str = "") -> bool:
    """Whether a base verb after "and" reads as a verb: "visit patients", not "repair of".

    "or start power supplies": a plural noun one word further on also makes it a verb.
    """
    if word not in NOUNISH_VERBS:
        return True
    after = after.strip(",")
    if after in DETERMINERS or after.endswith("'s") or _plural_noun(after):
        return True
    return after not in _TOPIC_WORDS and after not in _CUT_WORDS and _plural_noun(after2.strip(","))


def _plural_noun(word: str) -> bool:
    return (
        word.endswith("s")
        and not word.endswith(("ss", "us"))
        and word not in _NOT_VERB_NEXT
        and word.isalpha()
    )


_NOT_VERB_NEXT = frozenset({"is", "as", "this", "its", "was", "has", "plans"})


def _after_conj(tokens: list[str], i: int) -> bool:
    return i > 0 and tokens[i - 1].lower() in {"and", "or", "and/or"}


def _until_cut(tokens: list[str]) -> str:
    out: list[str] = []
    for tok in tokens:
        low = tok.lower().strip(",")
        if low in _CUT_WORDS or (low in {"and", "or"} and out and out[-1].endswith(",")):
            break
        out.append(tok)
        if tok.endswith(","):
            break
    return " ".join(out).rstrip(",")


def _cut_at_comma(tail: list[str]) -> bool:
    return any(t.endswith(",") for t in tail[1:4])


# Places English names without an article ("in hospital", "in court").
_BARE_OK = frozenset("hospital court school prison church college university class".split())
_BARE_PLACES = frozenset("area field community public office general particular".split())


def find_place(text: str) -> str:
    """The first "in/at/on <place>" phrase of a text whose head names a workplace."""
    for m in re.finditer(r"\b(in|at|on) ((?:[a-z][a-z\-]* ){0,3}?([a-z]+))\b", text):
        if m.group(3) in PLACE_NOUNS and m.group(3) not in {"line", "lines", "floor", "floors"}:
            np = clean_np(m.group(2))
            if np and np.split()[0] not in {"order", "accordance", "addition", "relation"}:
                if np in _BARE_PLACES:
                    continue  # "in area", "in field": no workplace a reader can picture
                if " " not in np and not is_plural(np) and np not in _BARE_OK:
                    continue  # "on plant", "in laboratory": not English without an article
                return f"{m.group(1)} {np}"
    return ""


def parse_task(text: str) -> list[Clause]:
    """Parse a task or DWA into its clauses, main clause first."""
    return [parse_clause(part) for part in split_clauses(text)]


def clean_np(np: str) -> str:
    """Trim a noun phrase: drop leading determiners, "his or her", stray commas."""
    np = re.sub(r"\bhis or her\b|\bhis/her\b|\bhis\b|\bher\b|[\"“”]", "", np)
    np = re.sub(r"\s+", " ", np).strip(" ,")
    toks = np.split()
    while toks and toks[0].lower() in DETERMINERS:
        toks = toks[1:]
    np = " ".join(toks)
    return np.rstrip(",").strip()


def shorten_list(np: str, keep: int = 2) -> str:
    """Keep the first items of a comma list: "a, b, c, or d" -> "a and b"."""
    if not re.search(r", (?:and|or) ", np):
        if ", " in np and not re.search(r" (?:and|or) ", np):
            head, _, last = np.rpartition(", ")
            return f"{head.split(', ')[0]} and {last}"
        return np
    items = [i.strip() for i in re.split(r",\s*(?:and |or )?|\s+(?:and|or)\s+", np) if i.strip()]
    if len(items) <= 1:
        return np
    if all(len(i.split()) == 1 for i in items[:-1]) and len(items[-1].split()) > 1:
        # "local, inhalation, and other anesthetics": keep the head noun of the list.
        return f"{items[0]} and {items[-1]}"
    items = items[:keep]
    return " and ".join(items) if len(items) == 2 else items[0]


def head_noun(np: str) -> str:
    """The head of a noun phrase: the last word before its first preposition."""
    toks = words(np)
    out: list[str] = []
    for tok in toks:
        if tok.lower() in _TOPIC_WORDS or tok.lower() in _CUT_WORDS:
            break
        out.append(tok)
    return out[-1] if out else ""


def is_plural(np: str) -> bool:
    """Whether a noun phrase is plural (a coordination or a plural head)."""
    head = head_noun(np).lower()
    pre = np.split(" of ")[0]
    if " and " in pre or ", " in pre:
        return True
    if head in _NOT_PLURAL or head in MASS_NOUNS:
        return False
    return head.endswith("s") and not head.endswith(("ss", "us", "is"))


def singular(noun: str) -> str:
    """Singular of a plural English noun (regular forms only)."""
    low = noun.lower()
    if low in MASS_NOUNS or low in _NOT_PLURAL or not low.endswith("s") or low.endswith("ss"):
        return noun
    if low.endswith("ies") and len(low) > 4:
        return noun[:-3] + "y"
    if low.endswith(("ches", "shes", "sses", "xes", "zes")):
        return noun[:-2]
    if low == "staffs":
        return "staff"
    return noun[:-1]


_IRREGULAR_PLURALS = frozenset(
    "children people men women feet teeth mice geese media criteria".split()
)


def plural(noun: str) -> str:
    """Plural of a singular English noun (regular forms only)."""
    low = noun.lower()
    if (
        low in MASS_NOUNS
        or low in _IRREGULAR_PLURALS
        or (low.endswith("s") and not low.endswith("ss"))
    ):
        return noun
    if low.endswith("y") and low[-2:-1] not in set("aeiou"):
        return noun[:-1] + "ies"
    if low.endswith(("ch", "sh", "ss", "x", "z")):
        return noun + "es"
    return noun + "s"


def third_person(verb: str) -> str:
    """'resolve' -> 'resolves'; 'set up' -> 'sets up'."""
    first, _, rest = verb.partition(" ")
    if first.endswith("y") and first[-2:-1] not in set("aeiou"):
        out = first[:-1] + "ies"
    elif first.endswith(("ch", "sh", "ss", "x", "z", "o")):
        out = first + "es"
    else:
        out = first + "s"
    return f"{out} {rest}".strip()


@lru_cache(maxsize=65536)
def gerund(verb: str) -> str:
    """'resolve' -> 'resolving'; 'plan' -> 'planning'; 'set up' -> 'setting up'."""
    first, _, rest = verb.partition(" ")
    known = getInflection(first, tag="VBG") if first.isalpha() and first.islower() else ()
    if known:
        return f"{known[0]} {rest}".strip()  # "transmit" -> "transmitting", "visit" -> "visiting"
    if first.endswith("ie"):
        out = first[:-2] + "ying"
    elif first.endswith("e") and not first.endswith(("ee", "ye", "oe")):
        out = first[:-1] + "ing"
    elif re.fullmatch(r"[^aeiou]*[aeiou][bdgmnprt]", first) and first not in {"wer", "ser"}:
        out = first + first[-1] + "ing"
    else:
        out = first + "ing"
    return f"{out} {rest}".strip()


def opens_with_verb(np: str) -> bool:
    """Whether a noun phrase opens with a base-form verb ("Review the records")."""
    toks = [w.lower() for w in words(np)]
    if not toks or toks[0] not in BASE_VERBS:
        return False
    return toks[0] not in NOUNISH_VERBS or (len(toks) > 1 and toks[1] in {"the", "a", "an"})


def has_seam(text: str) -> bool:
    """Whether text shows a template seam: a doubled word or a dangling conjunction."""
    toks = [w.lower() for w in words(text)]
    if any(a == b for a, b in zip(toks, toks[1:], strict=False)):
        return True
    if toks.count("using") > 1 or toks.count("routine") > 1:
        return True
    return bool(toks) and toks[-1] in {"and", "or", "of", "to", "for", "in", "on", "with", "the"}


def pronoun(np: str) -> str:
    """'them' for a plural noun phrase, 'it' otherwise."""
    return "them" if is_plural(np) else "it"


def capitalize(text: str) -> str:
    """Upper-case the first letter, leaving acronyms and the rest alone."""
    return text[:1].upper() + text[1:] if text else text


def lower_first(text: str) -> str:
    """Lower-case the first letter unless the first word is an acronym or a name."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and (first[1:].lower() != first[1:] or first.isupper()):
        return text
    return text[:1].lower() + text[1:]


def nominal(verb: str) -> str:
    """A noun naming the activity of a verb ("prepare" -> "preparation")."""
    base = verb.split(" ")[0]
    return NOMINALS.get(base, gerund(base))


def subject_for(clause: Clause, max_words: int = 8) -> str:
    """Name the work of a clause as a noun phrase ("Price schedules and discount rates")."""
    return tidy_subject(_subject_for(clause, max_words))


_LIGHT_NOMINAL = re.compile(
    r"(?:\b(?:provision|conduct)$|^(?:[a-z]+ )?upkeep$|^(?:provision|operation) of )",
    re.IGNORECASE,
)


def light_nominal(subject: str) -> bool:
    """Whether a subject turns a light verb into a noun ("Assistance provision", "Upkeep")."""
    return bool(_LIGHT_NOMINAL.search(subject)) and not subject.lower().endswith(
        ("equipment upkeep", "vehicle upkeep", "building upkeep", "grounds upkeep")
    )


def loose_list(subject: str) -> bool:
    """Whether a subject is an unfinished comma list ("Tonnage, hold capacities, volumes")."""
    if subject.count(",") >= 2:
        return True
    if "," not in subject:
        return False
    before, after = subject.split(",", 1)
    return len(before.split()) > 1 and not re.match(r"\s*(?:and|or)\b", after)


def clause_inside(subject: str) -> bool:
    """Whether a subject hides a clause: people followed by a verb ("Clients improve ...")."""
    toks = [w.lower() for w in words(subject)]
    if toks and toks[-1] in _WH_WORDS:
        return True  # "Customers how": the rest of "instruct customers how to …" was cut
    return any(
        a in PERSON_NOUNS and b in BASE_VERBS and b not in NOUNISH_VERBS
        for a, b in zip(toks, toks[1:], strict=False)
    )


_WH_WORDS = frozenset("how what when where why whether which who whom".split())


def people_only(subject: str) -> bool:
    """Whether a subject names people and no work ("Cooks", "Chefs or caterers")."""
    toks = [w.lower() for w in words(subject)]
    if not toks or any(w in {"of", "with", "for", "to", "from", "by", "about"} for w in toks):
        return False
    return all(w in PERSON_NOUNS or w in {"and", "or", "other", "new"} for w in toks) or (
        toks[0] not in _PEOPLE_WORK and head_noun(subject).lower() in _PEOPLE
    )


def names_people(subject: str) -> bool:
    """Whether a subject is about people: its head names people, or it directs them."""
    toks = [w.lower().strip(",") for w in words(subject)]
    if not toks:
        return False
    if toks[0] in _PEOPLE_WORK and any(w in _PEOPLE for w in toks[1:]):
        return True
    head = subject.split(" of ")[0].split(" with ")[0].split(" for ")[0]
    return head_noun(head).lower() in _PEOPLE


_PEOPLE = PERSON_NOUNS - {"management", "department", "departments", "agency", "agencies"}
_PEOPLE_WORK = frozenset(
    "supervision oversight direction management leadership coordination "
    "hiring work activities training".split()
)


def tidy_subject(np: str) -> str:
    """Drop list leftovers from a subject: a trailing verb clause, gerund list or "Other"."""
    toks = np.split()
    for i in range(1, len(toks) - 1):
        word = toks[i + 1].lower()
        then = toks[i + 2].lower() if i + 2 < len(toks) else ""
        verbal = word in BASE_VERBS and (word not in NOUNISH_VERBS or then in {"them", "it"})
        if toks[i - 1].lower() in ADJECTIVES and word in ADJECTIVE_VERBS:
            verbal = False  # "Accurate and complete records"
        if toks[i].lower() in {"and", "or"} and verbal:
            toks = toks[:i]
            break
    np = " ".join(toks)
    np = re.sub(r", (?:and |or )?[a-z]+ing\b(?: (?:or|and) [a-z]+ing)?$", "", np)
    np = re.sub(r", [a-z]+ing\b.*$", "", np)
    # "Accurate and complete student records" names the records; the quality is the level's.
    lead = np.split()
    k = 0
    while k < len(lead) - 1 and lead[k].lower().strip(",") in _QUALITY | {"and"}:
        k += 1
    if k and lead[k - 1].lower() != "and" and len(lead) - k >= 1:
        np = capitalize(" ".join(lead[k:]))
    np = re.sub(r" in order$", "", np)
    # "Public health education programs dealing": a participle left over from a cut clause.
    parts = np.split()
    if (
        len(parts) >= 2
        and (
            (
                len(parts) > 2
                and parts[-1].endswith("ing")
                and parts[-1].lower() not in _GERUND_NOUNS
            )
            or parts[-1].lower() in _PARTICIPLES
        )
        and parts[-2].lower().endswith("s")
    ):
        np = " ".join(parts[:-1])
    # "Other …", and parser leftovers such as "Those adherence" or "Them reporting".
    if (
        np.split(" ", 1)[0].lower() in {"other", "such", "those", "them", "these", "it"}
        and len(np.split()) > 1
    ):
        np = capitalize(np.split(" ", 1)[1])
    return np.rstrip(", ")


def _subject_for(clause: Clause, max_words: int = 8) -> str:
    obj = shorten_list(clause.obj)
    topic = shorten_list(clause.topic)
    if len(words(topic)) <= 2 and _topic_head(topic).lower() in _VAGUE:
        topic = ""
    if head_noun(obj).lower() in _VAGUE and topic.startswith("of "):
        obj, topic = topic[3:], ""
    verb = clause.verb.split(" ")[0]
    plain = _plain_subject(clause, verb, obj, topic, max_words)
    if plain is not None:
        return plain
    noun = nominal(verb)
    known = verb in NOMINALS
    if (clause.is_person or not obj) and known:
        if clause.is_person and verb in _LEADS:
            # Directing people is the work: "Supervision of clerical staff", not "Clerical staff".
            return _fit(f"{_LEADS[verb]} of {lower_first(obj)}", max_words + 2)
        link = _LINKS.get(noun, "of")
        np = f"{noun} {link} {obj}" if obj else noun
        if clause.is_person and topic.startswith("of ") and verb in _TELL:
            topic = "on " + topic[3:]  # "Briefings for clients on travel information"
        if topic and len(words(np)) + len(words(topic)) <= max_words:
            np = f"{np} {topic}"
        elif topic and not obj:
            np = f"{noun} {topic}"
        return _fit(capitalize(np), max_words)
    if not obj:
        return _fit(capitalize(_topic_head(topic)), max_words) if topic else ""
    compound = _COMPOUNDS.get((verb, obj.lower()))
    if compound:
        return compound
    if len(words(obj)) == 1:
        low = obj.lower()
        if known and (low in PERSON_NOUNS or "ADJ" in all_lemmas(singular(low))):
            # "Subordinate direction", "Superior notifications", "Characteristic evaluation":
            # a compound reads wrong on people and on words that are also adjectives.
            if low in PERSON_NOUNS and verb in _LEADS:
                return _fit(f"{_LEADS[verb]} of {low}", max_words + 2)
            return _fit(capitalize(f"{noun} {_LINKS.get(noun, 'of')} {low}"), max_words)
        if topic and len(words(topic)) <= 4 and not topic.startswith("for"):
            return _fit(capitalize(f"{obj} {topic}"), max_words)
        if not known:
            # No noun for the verb: "Establishing rules", never "Rule establishing".
            prep = f"{clause.prep} " if clause.prep else ""
            return capitalize(f"{gerund(verb)} {prep}{obj.lower() if obj.islower() else obj}")
        head = singular(obj) if obj.lower() not in _KEEP_PLURAL else obj
        return capitalize(f"{head} {noun}")
    np = obj
    if (
        topic
        and len(words(obj)) + len(words(topic)) <= max_words - 1
        and not topic.startswith("for")
    ):
        np = f"{obj} {topic}"
    return _fit(capitalize(np), max_words)


# Verbs that add little to their object: "Provide assistance" is about assistance, so the
# subject is the object itself ("Assistance to customers"), never "Assistance provision".
_LIGHT = frozenset("provide conduct perform give offer render deliver carry furnish supply".split())
# Objects of "maintain/keep" that are states, not things: "Maintain familiarity with X" is about
# familiarity with X, never "Familiarity upkeep".
_STATES = frozenset(
    """knowledge familiarity awareness understanding contact contacts communication relationships
relations liaison rapport confidentiality cleanliness order records""".split()
)
# Verbs whose nominal reads badly before people ("Preparation of patients"): the person
# becomes a modifier instead ("Patient preparation").
_PERSON_MODIFIER = frozenset("prepare position transport bathe feed dress".split())


def _complement(clause: Clause, preps: tuple[str, ...]) -> str:
    """The short prepositional phrase after the object ("with current regulations"), or ""."""
    tail = clause.tail.split()
    if not tail or tail[0].lower() not in preps:
        return ""
    phrase = _until_cut(tail[1:])
    n = len(words(phrase))
    return f"{tail[0].lower()} {phrase}" if 1 <= n <= 5 and "," not in phrase else ""


def _plain_subject(clause: Clause, verb: str, obj: str, topic: str, max_words: int) -> str | None:
    """Subjects for light verbs, kept states and people prepared for something; else None."""
    if not obj:
        return None
    if verb in _LIGHT and (clause.is_person or _complement(clause, ("with",))):
        # "Furnish taxpayers with advice": whoever is given something "with" is a recipient.
        given = _complement(clause, ("with",))
        if given:
            # "Provide patients with information" -> "Information for patients".
            given = re.split(r" (?:regarding|about|on|concerning|to|for|in)\b", given[5:])[0]
            return _fit(capitalize(f"{given} for {lower_first(obj)}"), max_words)
        return None
    if verb in _LIGHT:
        extra = topic or _complement(clause, ("to", "for", "on", "in", "with"))
        if head_noun(obj).lower() == "care" and extra.startswith("to "):
            extra = "for " + extra[3:]
        np = f"{obj} {extra}" if extra and len(words(obj)) + len(words(extra)) <= max_words else obj
        return _fit(capitalize(np), max_words)
    if verb in {"maintain", "keep"} and head_noun(obj).lower() in _STATES:
        extra = topic or _complement(clause, ("with", "of", "on", "about"))
        return _fit(capitalize(f"{obj} {extra}".strip()), max_words)
    if verb == "operate" and clause.is_person:
        return ""  # "Operate on patients": no plain noun phrase names it; the DWA will
    if verb in _PERSON_MODIFIER and clause.is_person and len(words(obj)) == 1:
        return capitalize(f"{singular(obj).lower()} {nominal(verb)}")
    return None


_LEADS = {
    "supervise": "Supervision",
    "oversee": "Oversight",
    "direct": "Direction",
    "manage": "Management",
    "lead": "Leadership",
    "coordinate": "Coordination",
    "hire": "Hiring",
}
_VAGUE = frozenset(
    "aspects types kinds variety range topics matters issues areas things items activities".split()
)
_LINKS = {
    "consultations": "with",
    "collaboration": "with",
    "meetings": "with",
    "interviews": "with",
    "communication": "with",
    "negotiation": "with",
    "advice": "to",
    "visits": "to",
    "assistance": "to",
    "responses": "to",
    "briefings": "for",
    "writing": "to",
    "explanations": "for",
    "instruction": "for",
    "training": "for",
    "education": "for",
    "counselling": "for",
    "demonstrations": "for",
    "support": "for",
    "referrals": "of",
    # "Contacts of customers" reads as the customers' own contacts (a reviewer's quote)
    "contact": "with",
    "conversations": "with",
    "discussions": "with",
    "notifications": "to",
    "presentations": "to",
    "answers": "to",
    "encouragement": "for",
    "help": "for",
    "guidance": "for",
}
_TELL = frozenset("inform notify advise brief update remind warn".split())
_COMPOUNDS = {
    ("maintain", "records"): "Record keeping",
    ("keep", "records"): "Record keeping",
    ("maintain", "files"): "File keeping",
    ("answer", "telephones"): "Telephone enquiries",
    ("answer", "questions"): "Questions from the public",
}
_KEEP_PLURAL = frozenset({"records", "sales", "goods", "operations", "funds", "minutes", "arts"})


def _topic_head(topic: str) -> str:
    return topic.split(" ", 1)[1] if " " in topic else topic


def _fit(np: str, max_words: int) -> str:
    """Cut a noun phrase to at most ``max_words`` words at a clean boundary."""
    toks = np.split()
    if len(toks) <= max_words:
        return np.rstrip(",")
    cut = toks[:max_words]
    # Do not end on a preposition, conjunction or adjective-like modifier.
    while cut and (
        cut[-1].lower().strip(",") in _TOPIC_WORDS | _CUT_WORDS | {"and", "or", "other", "of"}
        or cut[-1].endswith(",")
    ):
        cut = cut[:-1]
    return " ".join(cut).rstrip(",")
