"""Wording of the ladder composer: O*NET verb phrases carried whole, cut to fit, and the
occupation's own people, places and limits that the level phrases name.

O*NET's task and DWA sentences are written by analysts; the composer keeps their verb
phrases and only cuts them at safe boundaries (a "such as" list, a "using" tail, a purpose
clause, later coordinated clauses). A phrase that cannot be cut cleanly is not used.
"""

from __future__ import annotations

import re
from functools import lru_cache

from skillsx.compose.lexicon import BASE_VERBS, NOUNISH_VERBS, all_lemmas
from skillsx.compose.phrases import gerund, lower_first, singular, split_clauses
from skillsx.models import Brief

_PAREN = re.compile(r"\s*\([^)]*\)")
# Tails cut first when a phrase is too long, in order: examples, instruments, authorities,
# purposes. Each pattern cuts from its match to the end.
_TAILS = (
    re.compile(r",? such as\b.*$"),
    re.compile(r",? including\b.*$"),
    re.compile(r",? e\.g\.,?.*$"),
    re.compile(r",? (?:using|utilizing|with the aid of|by means of)\b.*$"),
    re.compile(
        r",? (?:according to|in accordance with|as specified|as required|as directed|"
        r"as needed|as necessary|as appropriate|when necessary|when needed|"
        r"where appropriate)\b.*$"
    ),
    re.compile(r",? (?:in order to|so that|so as to)\b.*$"),
    re.compile(
        r",? to (?:ensure|determine|identify|assure|verify|prevent|facilitate|meet|obtain|"
        r"maintain|provide|keep|avoid|allow|assess|evaluate|promote|improve|achieve|support|"
        r"comply|detect|locate|establish|inform|resolve|minimize|reduce)\b.*$"
    ),
    re.compile(r",? (?:for|during|throughout|within|in|at|on) [^,]*$"),
)
_VAGUE_END = re.compile(
    r",? (?:(?:in|of|for|on) (?:areas|fields|matters|items|things|ways|topics)|"
    r"(?:involving|regarding|concerning|about|related to|relating to) (?:processes|issues|"
    r"areas|matters|activities|procedures|techniques|topics|things)|"
    r"(?:using|with|by|through) (?:techniques|methods|tools|equipment|procedures|materials|"
    r"devices|instruments|means|sources|items|techniques and tools)|"
    # what an example list ("such as …") was for, left empty once the list is cut:
    # "correct malfunctions by performing actions", "determine amounts based on factors"
    r"(?:by|through) (?:performing|taking|using|following|applying|conducting) (?:actions|"
    r"steps|measures|procedures|methods|activities|tasks|duties|functions)|"
    r"(?:pertaining|relating|related) to (?:activities|operations|work|matters|issues)|"
    r"based on (?:factors|considerations|criteria|information)|"
    r"addressing (?:issues|problems|needs|concerns)|"
    # a one-word head left of an example list: "assess needs, including areas [such as …]"
    r"including [a-z]+)$"
)
_DANGLING = frozenset(
    "and or of to for in on at by with from into as such the a an their its including "
    "using that which who whether than based related associated pertaining according due "
    "needed required involved how what when where why whom whose if "
    # words that postmodify a noun and need what follows: "workers engaged", "data relevant"
    "engaged working employed located performing participating responsible relevant "
    "concerning regarding involving".split()
)
_SERVED = frozenset(
    "client clients customer customers passenger passengers patient patients student "
    "students resident residents patron patrons guest guests public children".split()
)
_UNDER = re.compile(
    r"\bunder the (?:direct |general |close |immediate )?(?:direction|supervision) of "
    r"([^.,;]+?)(?=[.,;]| to | in | and |$)"
)
_ASSIST = re.compile(r"(?:^|\. )(?:May )?[Aa]ssists? ([a-z][^.,;]+?) (?:by|in|with|to|on)\b")


def words(text: str) -> list[str]:
    return text.split()


def _clean(text: str) -> str:
    text = _PAREN.sub("", text.strip().rstrip("."))
    text = text.split(";")[0]
    return re.sub(r"\s+", " ", text).strip(" ,")


def _dangles(text: str) -> bool:
    """A phrase that stops mid-construction: on a function word, on a verb left without its
    object after "and"/"to" ("assemble studio sets and select"), or on a one-word relative
    clause ("formulate general rules that describe")."""
    toks = text.lower().rstrip(",").split()
    if not toks or toks[-1] in _DANGLING:
        return True
    if len(toks) >= 3 and toks[-2] in {"that", "which", "who"}:
        return True
    if all(t.strip(",") in BASE_VERBS or t in {"and", "or"} for t in toks):
        return True  # "shade and fill": verbs with no object at all
    if "," in text and not _list_closed(text):
        return True  # "provide information needed to promote health, reduce risk factors"
    if len(toks) >= 3 and toks[-2] in {"and", "or"} and toks[-1].endswith("ing"):
        return True  # "removing workpieces from machines and checking"
    if len(toks) >= 3 and toks[-2] == "to" and "VERB" in all_lemmas(toks[-1]):
        return True  # "lay bricks to build", "pull levers to start": an infinitive cut off
    if (
        len(toks) >= 4
        and toks[-2] in {"and", "or"}
        and toks[-1] in BASE_VERBS
        and not _adjective(toks[-3].strip(","))
    ):
        return True  # "monitor lights … and watch", "remove workpieces and check": no object
    return (
        len(toks) >= 3
        and toks[-2].rstrip(",") in {"and", "or", "to"}
        and set(all_lemmas(toks[-1])) == {"VERB"}
    )


def _adjective(word: str) -> bool:
    """An adjective that may pair with a verb-like one ("safe and clean"), not an adverb
    ("ahead and watch", "quickly and check")."""
    lemmas = all_lemmas(word)
    return "ADJ" in lemmas and "ADV" not in lemmas and not word.endswith("ly")


def _noun_pair(clause: str) -> bool:
    """Whether a clause the splitter took for a verb's opens on a noun compound instead
    ("control board readings", "test equipment"): a noun-capable word followed by a noun."""
    toks = [t.strip(",").lower() for t in clause.split()[:2]]
    if len(toks) < 2:
        return False
    first, second = (set(all_lemmas(t)) for t in toks)
    return "NOUN" in first and "NOUN" in second


def _list_closed(text: str) -> bool:
    """Whether what follows the last comma closes a list ("…, and set tiles") or is a
    participle clause ("…, using hand tools"); a list that simply stops ("…, position the
    tile", "…, application models, image templates") was cut."""
    last = text.rstrip(",").rsplit(",", 1)[1].split()
    if not last:
        return False
    if last[0] in {"and", "or", "then", "but"} or " and " in " ".join(last) or "or" in last:
        return True
    return last[0].endswith(("ing", "ed")) or last[0] in {"as", "if", "when", "where", "which"}


def _join_clauses(parts: list[str]) -> str:
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + " and " + parts[-1]


@lru_cache(maxsize=131072)
def verb_phrase(text: str, max_words: int) -> str | None:
    """An O*NET task or DWA sentence as a lower-case verb phrase of at most ``max_words``.

    Cuts tails (examples, instruments, purposes) and later coordinated clauses only while
    the phrase is too long; None when no clean cut fits.
    """
    phrase = _clean(text)
    if not phrase:
        return None
    if len(words(phrase)) > max_words:
        phrase = _trim_vague_tail(phrase, max_words)
    if len(words(phrase)) > max_words:
        for tail in _TAILS:
            cut = _VAGUE_END.sub("", tail.sub("", phrase)).strip(" ,")
            if cut != phrase and len(words(cut)) >= 3 and not _dangles(cut):
                phrase = cut
            if len(words(phrase)) <= max_words:
                break
    if len(words(phrase)) > max_words:
        clauses = split_clauses(phrase)
        for k in range(len(clauses) - 1, 0, -1):
            joined = _join_clauses(clauses[:k])
            last = clauses[k - 1].split()
            if len(last) >= 2 and (last[-2] in {"to", "or", "and"} or last[-2].endswith(",")):
                continue  # the split fell inside a list: "… attendance, or meter | gauge readings"
            if len(last) == 1:
                continue  # a verb left without its object: "inspect derricks for flaws and clean"
            if _noun_pair(clauses[k]):
                continue  # nouns joined, not clauses: "switchboard | or control board readings"
            if len(words(joined)) <= max_words and not _dangles(joined):
                phrase = joined
                break
    phrase = _VAGUE_OBJECT_TAIL.sub("", phrase).strip(" ,")
    if len(words(phrase)) > max_words or len(words(phrase)) < 2 or _dangles(phrase):
        return None
    first = phrase.split(" ", 1)[0].lower().strip(",")
    if first not in BASE_VERBS:
        return None  # not an imperative verb phrase: nothing safe to carry
    return lower_first(phrase)


_PARTICLES = frozenset("up out off down back away over".split())

# A clause a cut leaves on a noun that names nothing without its examples ("select trees to
# be cut down, assessing factors", "review study protocols to evaluate factors"): dropped.
_VAGUE_OBJECT_TAIL = re.compile(
    r"(?:,? (?:\w+ing(?: into consideration)?|to \w+|regarding|including|based on|such as))"
    r"(?: \w+)?? (?:factors|considerations|aspects|variables|elements|matters|things)$",
    re.IGNORECASE,
)


def _trim_vague_tail(phrase: str, max_words: int) -> str:
    """``phrase`` without a trailing clause whose object is only examples cut short: kept
    as is unless the clause goes on to "such as"/"including" examples."""
    m = re.search(
        r",? (?:\w+ing(?: into consideration)?|to \w+) (?:\w+ )?"
        r"(?:factors|considerations|aspects|variables)(?:,)? (?:such as|including|like)\b.*$",
        phrase,
        re.IGNORECASE,
    )
    return phrase[: m.start()].strip(" ,") if m else phrase


# Nouns that also read as verbs and usually name what another noun is for: a clause that
# opens on one of them is a noun list, not a verb ("fire departments", "water heaters").
_NOUN_MODIFIERS = frozenset(
    "fire water steam air gas oil power hand light heat sand ice snow rescue paper".split()
)
# Compound nouns whose first word also reads as a verb, as O*NET's task text uses them after
# "and"/"or": "prepare proposals or grant applications" is not "granting applications".
_NOUN_COMPOUNDS = frozenset(
    tuple(pair.split("-"))
    for pair in """grant-applications grant-proposals research-papers research-projects
    research-findings research-proposals research-data research-results test-results
    test-methods test-procedures test-data safety-regulations safety-standards
    safety-procedures safety-codes safety-equipment work-areas work-orders work-tables
    work-schedules work-stations work-records trade-shows trade-meetings cost-estimates
    machine-parts machine-settings machine-malfunctions sales-contracts sales-records
    training-sessions training-programs training-materials service-offerings
    service-contracts service-agreements service-improvements control-systems
    control-devices repair-services support-structures project-status progress-reports
    record-keeping display-cases""".split()
)


@lru_cache(maxsize=65536)
def gerund_phrase(phrase: str) -> str:
    """'dig ditches or trenches, backfill …' -> 'digging ditches or trenches, backfilling …':
    every verb of the opening verb list and of later coordinated clauses as a gerund."""
    out = []
    for n, clause in enumerate(split_clauses(phrase)):
        toks = clause.split()
        i = 0
        while i < len(toks):
            bare = toks[i].lower().strip(",")
            nxt = toks[i + 1].lower() if i + 1 < len(toks) else ""
            after_list = i == 0 or toks[i - 1].endswith(",") or toks[i - 1] in {"and", "or"}
            joined = i > 1 and toks[i - 1] in {"and", "or"} and toks[i - 2].endswith("ing")
            if n > 0 and i == 0 and bare in _NOUN_MODIFIERS and nxt not in {"", "the", "a", "an"}:
                break  # "call police or fire departments": not "firing departments"
            if n > 0 and i == 0 and (bare, nxt.strip(",.")) in _NOUN_COMPOUNDS:
                break  # "prepare proposals or grant applications"
            if nxt != "of" and (
                (bare in BASE_VERBS and after_list)
                or (joined and "VERB" in all_lemmas(bare) and bare not in NOUNISH_VERBS)
            ):
                tail = "," if toks[i].endswith(",") else ""
                toks[i] = gerund(bare) + tail
                i += 1
                continue
            if i > 0 and bare in {"and", "or"}:
                i += 1
                continue
            if i > 0 and bare in _PARTICLES and toks[i - 1].endswith("ing"):
                i += 1  # "setting up or operating machines"
                continue
            break
        # A later verb of the same list after an object: "preparing patient, sterilize or
        # disinfect instruments" -> "…, sterilizing or disinfecting instruments".
        for j in range(i + 1, len(toks)):
            bare = toks[j].lower().strip(",")
            before = toks[j - 1]
            if "to" in toks[i:j] or "and" in toks[i : j - 1] or "or" in toks[i : j - 1]:
                break  # "turning valves to heat, admit …": infinitives stay
            if (
                bare in BASE_VERBS
                and bare not in NOUNISH_VERBS
                and (
                    before.endswith(",")
                    or (before in {"and", "or"} and toks[j - 2].endswith(("ing", "ing,")))
                )
            ):
                toks[j] = gerund(bare) + ("," if toks[j].endswith(",") else "")
        out.append(" ".join(toks))
        del n
    return _join_clauses(out)


def supervised_by(brief: Brief) -> str | None:
    """Who directs this occupation's work, as its O*NET description says ("a registered
    nurse", "lawyers"), or None."""
    if m := _UNDER.search(brief.description):
        return m.group(1).strip()
    if m := _ASSIST.search(brief.description):
        who = m.group(1).strip()
        if not (set(who.lower().split()) & _SERVED):
            return who
    return None


_PERSON_END = re.compile(
    r"(?:er|or|ist|ian|ant|ent|man|men|aide|aid|nurse|clerk|cook|chef|guard|agent|judge|"
    r"pilot|host|officer|teller|worker|engineer|operator|assistant|technician|"
    r"technologist|specialist|analyst|scientist|therapist|tender|helper|laborer|inspector|"
    r"representative|executive|paralegal)s$",
    re.IGNORECASE,
)


def occupation_noun(brief: Brief) -> str:
    """The occupation as a singular common noun ("registered nurse", "legal assistant")."""
    title = re.sub(r",? (?:Except|Including)\b.*$", "", brief.title)
    if title.startswith("Helpers--"):
        return "helper"
    if title.startswith("First-Line Supervisors"):
        return "supervisor"
    segments = [x.strip() for x in title.split(",") if x.strip()]
    # "Cooks, Restaurant": a qualifier after the comma; "Child, Family, and School Social
    # Workers": the head is in the last segment; "Plumbers, Pipefitters, and Steamfitters":
    # the first names the trade; "… Setters, Operators, and Tenders, … Glass Fibers": the
    # operator, never the fibres.
    people = [x for x in segments if _PERSON_END.search(x)]
    title = people[0] if people else segments[0]
    if title.endswith(" Setters") and "Operators" in segments:
        title = title[: -len("Setters")] + "Operators"
    # "Appraisers of Personal and Business Property", "Cleaners of Vehicles and Equipment":
    # the person comes before "of".
    title = (
        re.sub(r"^(\S.*?\S) of .*$", r"\1", title)
        if _PERSON_END.search(title.split(" of ")[0])
        else title
    )
    idx = segments.index(title) if title in segments else 0
    if (
        idx >= 1
        and not any(_PERSON_END.search(x) for x in segments[:idx])
        and " and " not in re.sub(r"^and ", "", title)
        and title.split()[-1].lower() not in {"workers", "agents"}
    ):
        # "Electric Motor, Power Tool, and Related Repairers", "Production, Planning, and
        # Expediting Clerks", "Atmospheric, …, and Space Sciences Teachers": a list of
        # kinds before one head; the head without the last kind ("a related repairer",
        # "an expediting clerk" name a part of the occupation)
        title = title.split()[-1]
    if re.match(r"^\S+ and (?:Recyclable|Related|Other)\b", title):
        title = title.split()[-1]  # "Refuse and Recyclable Material Collectors": collectors
    alternatives = [a.strip() for a in re.split(r"\band\b|/", title) if a.strip()]
    # "Paralegals and Legal Assistants": the first name; "Licensed Practical and Licensed
    # Vocational Nurses": the last, since the first has no noun of its own.
    named = [a for a in alternatives if _PERSON_END.search(a)]
    paired = False
    if (
        len(alternatives) >= 2
        and len(alternatives[0].split()) == 1
        and not _PERSON_END.search(alternatives[0])
        and alternatives[0].lower() not in {"other", "related"}
        and _PERSON_END.search(alternatives[1])
    ):
        # "Fishing and Hunting Workers", "Elevator and Escalator Installers": the pair names
        # the trade; "a hunting worker" steering vessels or "an escalator installer" on
        # elevator work misnames it (a reviewer's quote).
        named = [f"{alternatives[0]} and {alternatives[1]}"]
        paired = True
    if named:
        # "Biofuels/Biodiesel Technology and Product Development Managers": the managers,
        # never "a senior biofuel".
        last = named[0]
    else:
        last = alternatives[0] if alternatives[0].endswith("s") else alternatives[-1]
    if last.lower() in _COLLECTIVE:
        return _COLLECTIVE[last.lower()]
    toks = last.split()
    if not toks:
        return "practitioner"
    if len(toks) > (5 if paired else 4):
        toks = toks[-1:]  # "Radio Frequency Identification Device Specialists": a specialist
    while len(toks) > 1 and toks[0].lower() in {"a", "an", "the", "as", "of", "and", "or", "other"}:
        toks = toks[1:]  # "English as a Second Language Instructors": no "a senior a second …"
    toks[-1] = _SINGULAR_HEAD.get(toks[-1].lower(), singular(toks[-1]))
    noun = " ".join(toks)
    return noun if noun.isupper() else noun.lower()


# Titles that name a body of people, not one of them: "a senior clergy" reads wrong.
_COLLECTIVE = {"clergy": "member of the clergy"}
_SINGULAR_HEAD = {"midwives": "midwife", "police": "police officer"}


def plural_noun(noun: str) -> str:
    from skillsx.compose.phrases import plural

    if noun.startswith("member of "):
        return "members of " + noun[len("member of ") :]
    if noun.endswith("wife"):
        return noun[:-4] + "wives"
    head, _, rest = noun.rpartition(" ")
    return f"{head} {plural(rest)}".strip() if head else plural(noun)


# O*NET writes American English; the composer's own phrases follow it, so that one
# statement never mixes "organization" (from a task) with "organisation" (from a phrase).
_AMERICAN = {
    "organisation": "organization",
    "organisational": "organizational",
    "organise": "organize",
    "recognise": "recognize",
    "prioritise": "prioritize",
    "specialise": "specialize",
    "standardise": "standardize",
    "summarise": "summarize",
    "authorise": "authorize",
    "minimise": "minimize",
    "maximise": "maximize",
    "utilise": "utilize",
    "realise": "realize",
    "emphasise": "emphasize",
    "finalise": "finalize",
    "familiarise": "familiarize",
    "optimise": "optimize",
    "customise": "customize",
    "criticise": "criticize",
    "harmonise": "harmonize",
    "mobilise": "mobilize",
    "analyse": "analyze",
    "judgement": "judgment",
    "counselling": "counseling",
    "counsellor": "counselor",
    "behaviour": "behavior",
    "labour": "labor",
    "honour": "honor",
    "favour": "favor",
    "colour": "color",
    "neighbour": "neighbor",
    "programme": "program",
    "centre": "center",
    "licence": "license",
    "practise": "practice",
    "modelling": "modeling",
    "travelling": "traveling",
    "defence": "defense",
}
_AMERICAN.update(
    {k[:-1] + "ing": v[:-1] + "ing" for k, v in list(_AMERICAN.items()) if k.endswith("se")}
)
_BRITISH = re.compile(
    r"\b(" + "|".join(sorted(_AMERICAN, key=len, reverse=True)) + r")(s|d)?\b",
    re.IGNORECASE,
)


def american(text: str) -> str:
    """``text`` in American spelling: "organisation" → "organization", "Judgement" →
    "Judgment", "prioritised" → "prioritized"; other words unchanged."""

    def swap(m: re.Match[str]) -> str:
        word, tail = m[1], m[2] or ""
        us = _AMERICAN[word.lower()]
        if tail == "d" and not word.lower().endswith("se"):
            return m[0]  # only verbs in "-ise"/"-yse" take "d": never "programmed"
        if word.lower() == "analyse" and tail == "s":
            return m[0]  # "chemical analyses" is the plural of analysis, in both spellings
        if word[0].isupper():
            us = us[0].upper() + us[1:]
        return us + tail

    return _BRITISH.sub(swap, text)
