"""The occupation's own words: the object a task or DWA acts on, the work as a verb phrase,
the people its tasks serve and the colleagues they name, and what kind of thing an object is.
"""

from __future__ import annotations

import re
from functools import lru_cache

from skillsx.compose.lexicon import BASE_VERBS

MAX_OBJ_WORDS, MAX_ACT_WORDS = 6, 9

_STOP = frozenset(
    "to for in on at during using with by from into according as that through within under "
    "while when before after via about based throughout across against among between so "
    "including such onto upon where without per if toward towards around over".split()
)
_PARTICLES = frozenset({"up", "out", "down", "off", "back"})
_PARTICIPLES = frozenset(
    "regarding concerning providing following involving containing performing detailing "
    "describing showing affecting governing".split()
)
_TRAILING = frozenset(
    "and or of the a an other related new specific own various all any each needed required "
    "used involved".split()
)
# Objects too vague to carry a statement on their own.
_VAGUE = frozenset(
    "research counsel items trash work activities tasks information duties services it them "
    "others people things assistance help support care advice".split()
)

#: People the work serves, as tasks name them -> how statements name them.
SERVED = {
    "patients": "patients",
    "customers": "customers",
    "clients": "clients",
    "students": "students",
    "children": "children",
    "passengers": "passengers",
    "guests": "guests",
    "patrons": "patrons",
    "residents": "residents",
    "visitors": "visitors",
    "users": "users",
    "families": "families",
    "parents": "parents",
    "participants": "participants",
    "athletes": "athletes",
    "audiences": "audiences",
    "buyers": "buyers",
    "tenants": "tenants",
    "inmates": "inmates",
    "offenders": "offenders",
    "consumers": "consumers",
    "travelers": "travellers",
    "shoppers": "shoppers",
    "diners": "diners",
    "callers": "callers",
    "applicants": "applicants",
    "claimants": "claimants",
    "borrowers": "borrowers",
    "investors": "investors",
    "donors": "donors",
    "the public": "the public",
    "members of the public": "the public",
}
#: Colleagues named by tasks. Generic words (staff, personnel, workers) are left to the
#: fallback "co-workers", which every occupation has.
PEERS = {
    "physicians": "physicians",
    "nurses": "nurses",
    "engineers": "engineers",
    "technicians": "technicians",
    "team members": "team members",
    "teachers": "teachers",
    "developers": "developers",
    "programmers": "programmers",
    "designers": "designers",
    "architects": "architects",
    "scientists": "scientists",
    "researchers": "researchers",
    "contractors": "contractors",
    "operators": "operators",
    "crew members": "crew members",
    "crews": "crew members",
    "pharmacists": "pharmacists",
    "therapists": "therapists",
    "attorneys": "attorneys",
    "editors": "editors",
    "producers": "producers",
    "chefs": "chefs",
    "cooks": "cooks",
    "dispatchers": "dispatchers",
    "drivers": "drivers",
    "officers": "officers",
}
FALLBACK_PEERS = "co-workers"


@lru_cache(maxsize=16384)
def object_of(title: str) -> str | None:
    """The noun phrase a task or DWA acts on: "Record patient histories." -> "patient histories"."""
    toks = title.rstrip(". ").replace(",", " ,").replace(";", " ,").split()
    i = 1
    # Coordinated verbs: "Clean and maintain tools".
    while i + 1 < len(toks) and toks[i] in ("and", "or") and toks[i + 1][:1].islower() and i < 4:
        i += 2
    if i < len(toks) and (toks[i] in _PARTICLES or toks[i] == "of"):  # "Dispose of trash"
        i += 1
    if i >= len(toks) or toks[i] in _STOP or toks[i] == ",":
        return None
    out: list[str] = []
    for j, w in enumerate(toks[i:], start=i):
        if w == ",":
            # "Maintain forestry, hunting, or agricultural equipment": the list is the object.
            if out and {"or", "and"} & set(toks[j + 1 : j + 4]):
                out[-1] += ","
                continue
            # "Test performance of electrical, electronic, … systems": a list of adjectives
            # cut after its first is no object.
            if out and _ADJECTIVE_END.search(out[-1]) and out[-1].lower() not in _NOUNS_LIKE_ADJ:
                return None
            break
        if w in _STOP or "(" in w or ")" in w or w in _PARTICIPLES:
            break
        if out and w.endswith("ly"):  # "Prepare patients physically"
            break
        out.append(w)
    while out and out[-1].lower().rstrip(",") in _TRAILING:
        out.pop()
    if out and out[-1].endswith(","):
        return None
    if not out or len(out) > MAX_OBJ_WORDS + ("," in " ".join(out)):
        return None
    phrase = " ".join(out)
    if phrase.lower() in _VAGUE or _head_is_person(phrase) or not _ends_on_noun(out[-1]):
        return None
    # "Help clients get needed services": people and what they do, a clause, not an object.
    if len(out) > 1 and _is_people(out[0]) and out[1].lower() in BASE_VERBS:
        return None
    return phrase


#: Adjective endings: a phrase ending on one lost its noun.
_ADJECTIVE_END = re.compile(r"(?:al|ic|ive|ous|ary|ful|less|able|ible)$")
#: Nouns with those endings.
_NOUNS_LIKE_ADJ = frozenset(
    "material materials manual manuals chemical chemicals animal animals signal signals "
    "terminal terminals periodical periodicals capital rental proposal proposals approval "
    "removal disposal arrival renewal referral rehearsal trial trials tutorial tutorials "
    "journal journals mural murals portal portals clinic clinics logic music graphic "
    "graphics mechanic mechanics fabric fabrics topic topics traffic plastic plastics "
    "electronics ceramic ceramics metal metals pedal pedals panel panels cable cables table "
    "tables vegetable vegetables receivable receivables payable payables hospital hospitals "
    "vehicle vehicles article articles individual individuals professional professionals "
    "official officials total totals interval intervals".split()
)
#: Nouns ending in "-ed".
_NOUNS_IN_ED = frozenset("need needs feed seed speed bed shed weed reed deed".split())


def _ends_on_noun(word: str) -> bool:
    """Whether the last word of an object can be its noun: not a participle ("Stay informed"),
    nor an adjective whose noun was cut off."""
    w = word.lower().rstrip(",")
    if w.endswith("ed") and w not in _NOUNS_IN_ED:
        return False
    return not (_ADJECTIVE_END.search(w) and w not in _NOUNS_LIKE_ADJ)


#: Head nouns that name people: an object like "healthcare practitioners" is not a thing.
_PERSON_HEADS = frozenset(
    "staff personnel workers employees individuals others people public colleagues management "
    "subordinates students animals practitioners professionals caregivers members "
    "representatives providers specialists agents assistants aides owners officials groups "
    "teams victims suspects communities coaches trainers educators motorists pedestrians "
    "organization organizations agencies institutions".split()
)


_LIST_SPLIT = re.compile(r",? (?:or|and) |, ")


def _is_people(word: str) -> bool:
    w = word.lower()
    return w in SERVED or w in PEERS or w in _PERSON_HEADS


def _head_is_person(phrase: str) -> bool:
    """Whether any head of the phrase names people ("communities or institutions": yes)."""
    main = phrase.split(" of ")[0].lower()
    heads = [part.split()[-1] for part in _LIST_SPLIT.split(main) if part.split()]
    return any(h in SERVED or h in PEERS or h in _PERSON_HEADS for h in heads)


@lru_cache(maxsize=16384)
def action_of(title: str, max_words: int = MAX_ACT_WORDS) -> str | None:
    """A task or DWA as a verb phrase ("record patient histories"), if short and comma-free."""
    text = title.strip().rstrip(".").strip()
    if not text or len(text.split()) > max_words or any(c in text for c in "(;,"):
        return None
    return text[:1].lower() + text[1:]


# What kind of thing an object is, by its head noun: statements ask for the kind that fits
# their slot ("keep records of {record}", "watch {issue} for signs of change").
_KIND_HEADS = {
    "record": """records record reports report documentation documents document data information
        files file forms logs log charts chart histories history plans plan schedules schedule
        budgets budget correspondence statements results findings notes minutes contracts
        specifications proposals manuals policies procedures instructions invoices databases
        database maps drawings designs estimates requests applications claims permits paperwork
        summaries analyses evaluations assessments inventory inventories orders accounts
        transactions details figures statistics""",
    "hazard": """injuries injury emergencies emergency hazards hazard incidents accidents fires
        leaks spills risks dangers explosions""",
    "issue": """illnesses illness problems problem complaints complaint disputes issues
        malfunctions defects diseases disorders violations errors failures faults damage crises
        concerns grievances symptoms breakdowns""",
    "equipment": """equipment tools machines machinery vehicles devices instruments engines
        appliances apparatus gear tanks valves pumps motors boilers meters generators
        computers printers scanners cranes trucks aircraft vessels""",
    # Qualities and states of the work: what a judgement is about, never a thing handled.
    "quality": """accuracy quality effectiveness efficiency performance characteristics
        dimensions conditions condition behavior behaviour compliance functioning progress
        trends operation use value values impact impacts status utility implications
        development feasibility availability alignment suitability satisfaction readiness
        needs tension interests safety""",
    "thing": """materials supplies products parts components specimens samples medications
        medicines structures food foods goods merchandise metal metals workpieces fixtures
        ingredients chemicals substances plants crops containers packages cargo wood lumber
        pipes pipelines wiring furniture fabrics garments textiles animals livestock drugs
        batteries fuel baggage luggage mail dishes beverages meals stock loads""",
}
KIND_OF_HEAD = {w.rstrip(","): kind for kind, ws in _KIND_HEADS.items() for w in ws.split()}


def kind_of(obj: str | None) -> str:
    """ "record", "hazard", "issue", "equipment", "thing", "quality" (accuracy of records,
    employee performance) or "work" (programs, tests …).

    By the head nouns: every head of a list must agree ("suspicious objects or vehicles" is
    not equipment); equipment listed with other things is a thing.
    """
    if not obj:
        return "work"
    main = obj.split(" of ")[0].lower()
    heads = [part.split()[-1] for part in _LIST_SPLIT.split(main) if part.split()]
    kinds = {KIND_OF_HEAD.get(h, "work") for h in heads}
    if "quality" in kinds:  # "distances or dimensions", "client health or progress"
        return "quality"
    if kinds == {"equipment", "thing"}:
        return "thing"
    return kinds.pop() if len(kinds) == 1 else "work"


def trim_purpose(act: str | None) -> str | None:
    """ "monitor work areas to provide security" -> "monitor work areas": the work, not its aim."""
    if not act:
        return act
    tokens = act.split()
    for i in range(2, len(tokens) - 1):
        # "instruct staff on how to handle complaints" keeps its "to": the "how" needs it.
        if tokens[i] == "to" and tokens[i + 1] in BASE_VERBS and tokens[i - 1] not in _WH:
            return " ".join(tokens[:i])
    return act


_WH = frozenset("how what when where whether which who whom".split())


#: Nouns the templates use about any work ("work on", "shared plans", "the checks that
#: matter"): sharing a root with them is no seam.
_COMMON_ROOTS = frozenset("work use need help set".split())
_ROOT_SUFFIXES = ("ings", "ing", "ions", "ion", "ers", "er", "ies", "es", "s", "ed", "e")


def root_of(word: str) -> str:
    """A word without its inflection, enough to compare a verb with a noun ("records" ->
    "record", "writing" -> "writ", "write" -> "writ")."""
    word = word.lower()
    for suffix in _ROOT_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=1024)
def verb_roots(text: str) -> frozenset[str]:
    """Roots of the verbs a template writes itself (its slots left out)."""
    fixed = re.sub(r"\{\w+\}", " ", text)
    return frozenset(
        root_of(w)
        for w in re.findall(r"[a-z]+", fixed.lower())
        if w in BASE_VERBS and w not in _COMMON_ROOTS and len(w) >= 4
    )


def repeats_root(roots: frozenset[str], value: str) -> bool:
    """Whether a slot value repeats a root of the template's verbs ("record {record}" with
    "personnel records", "write messages about {acting}" with "writing code")."""
    return bool(roots & _value_roots(value))


@lru_cache(maxsize=65536)
def _value_roots(value: str) -> frozenset[str]:
    return frozenset(
        root_of(w)
        for w in re.findall(r"[a-z]+", value.lower())
        if len(w) >= 4 and w not in _COMMON_ROOTS
    )
