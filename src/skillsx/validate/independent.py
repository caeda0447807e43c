"""Rules built apart from the composer, so the checker does not share its blind spots.

They read statement text, anchors and O*NET's own texts; they never import
``skillsx.compose`` (its word lists and phrase functions are what they double-check). The
text measures come from ``validate.measures``; the O*NET texts from ``store.worktexts``,
learnt once per build into a ``Reference`` that build.py passes in.

Rule ids (severity):
    indep.pronoun (error)             the action opens with a pronoun, or with "verb + it/them"
                                      ("attend them and apply what is learned")
    indep.repeat (error)              more than 3 subjects repeated verbatim at another level
    indep.verb_object (warning)       an opening verb and the head noun of the object the
                                      subject fills ("it/them", or a subject word) that O*NET's
                                      own texts never pair, nor vouch for through the noun's
                                      class or its neighbours ("Trees — carry them out",
                                      "Legal volumes — attend them")
    indep.anchor_other (error)        a ``supervisor_task`` anchor ("SOC:TASKID") that names
                                      no task of that SOC in the release, names this
                                      occupation itself, cites another release, or is also
                                      cited as the occupation's own ``task``; a ``task``
                                      anchor that is another occupation's task
    indep.skeleton (warning)          across a build, an action skeleton
                                      (``measures.skeletons``) used by more than 1% of the
                                      build's statements, once per framework that uses it,
                                      with its count (``validate_build_independent``; builds
                                      under 800 statements are not judged)

The verb–object model (``VerbObjects``) is learnt from every task statement of the release
(all occupations), its DWA and IWA titles and level scale anchors (all open with a base-form
verb: "Monitor, record, and report symptoms or changes in patients' conditions.") and its
content-model descriptions (gerund-led: "Giving full attention to …", read as "give full
attention to …"). Each text gives (verb lemma, object head-noun lemma) pairs, coordinated
verbs and objects multiplied out (monitor/record/report × symptom/change), with later
clauses (", and clean and disinfect pens", "to determine cause of death") too. Lemmas and
parts of speech come from ``lemminflect``'s lexicon (no tagger: the parse is heuristic);
British spellings are folded to O*NET's American ones ("organise" → "organize").

A pair O*NET never wrote is backed off before it is flagged. No WordNet is used: the ``wn``
and ``nltk`` packages on PyPI ship no WordNet data (both download it from GitHub at run
time, which this project cannot reach), so the back-off is hypernym-free and learnt from
O*NET itself:
- noun classes O*NET defines: people (heads of occupation, alternate and reported job titles,
  and nouns its texts follow with "who") and nominalised activities ("collaboration",
  "analysis", "finding": a suffix on a verb stem). A verb that takes two members of a class
  takes any ("show newer embalmers" as "show customers");
- neighbours: the pair passes when a verb sharing much of this verb's object set takes the
  noun, or a noun sharing much of this noun's verb set is taken by the verb (cosine of the
  binary sets ≥ ``BACKOFF``);
- a verb with fewer than ``MIN_VERB_OBJECTS`` distinct objects, or a noun O*NET never uses,
  is not judged (too little evidence).

Only objects the subject fills are judged: "it/them" (the subject's head nouns stand in) and
object nouns that are words of the subject. Objects of the action's own wording (a task text,
a phrase written by hand) are O*NET's or fine English far more often than nonsense: judged
too (``every_object=True``), 41 of 50 flagged statements read by hand in the older build were
false positives ("weigh the costs and benefits", "set direction", "turn findings into
plans"). With the subject-filled scope, 14 of 40 flagged statements of that build were
false positives (35%), and the current build's 5 findings (one phrase, "obtain the
equipment, facilities and materials the work needs") are all false positives: a warning.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal, Protocol

from lemminflect import getAllLemmas, getLemma

from skillsx.models import Framework, Level, Problem, Statement
from skillsx.validate.measures import (
    frame_words,
    pronoun_after_dash,
    skeleton,
    skeletons,
    subject_key,
)

REPEAT_LIMIT = 3  # subjects repeated at another level before ``indep.repeat`` fires
SKELETON_SHARE = 0.01  # a skeleton in more of a build's statements than this is a template
SKELETON_MIN_STATEMENTS = 800  # below this (20 frameworks), 1% of a build is no evidence
BACKOFF = 0.3  # cosine of object (verb) sets above which a neighbour vouches for a pair
MIN_VERB_OBJECTS = 5  # a verb with fewer distinct objects in O*NET is not judged
PEOPLE_MIN_TITLES = 2  # a noun heading this many job titles names people
CLASS_MIN_OBJECTS = 2  # a verb with this many people (activities) as objects takes any
VERB_OBJECT_SEVERITY: Literal["error", "warning"] = "warning"

# ---------------------------------------------------------------- words

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’\-]*|[,;:.]")
_PAREN = re.compile(r"\([^)]*\)")
PRONOUNS = frozenset("it them this these those they".split())
PARTICLES = frozenset("up out off down back away".split())
COORD = frozenset({"and", "or", "nor", "&"})
CATENATIVE = frozenset({"help"})  # takes a bare infinitive: "help skim them"
DETERMINERS = frozenset(
    "a an the this these those their its his her our your my each every all any some other "
    "own both either no several various such another".split()
)
# Where an object noun phrase ends: prepositions, subordinators, relative words.
BOUNDARY = frozenset(
    "of in for to with on at by from into onto through throughout during under over about "
    "against between among amongst within without across around after before upon via per "
    "toward towards regarding concerning including using such as that which who whom whose "
    "where when while if so because than like according based following except until unless "
    "whether what how why beyond along behind near being been".split()
)
# Nouns that measure out their "of" complement: "parts of them" is about "them".
PARTITIVES = frozenset(
    "part portion range variety number type kind sort series piece aspect lot set group".split()
)
_SPELLING = (
    (re.compile(r"(?<=[a-z]{2})is(e|es|ed|ing|ation|ations|er|ers)$"), r"iz\1"),
    (re.compile(r"(?<=[a-z])ys(e|es|ed|ing)$"), r"yz\1"),
    (re.compile(r"(?<=[a-z]{2})our(s|ed|ing|al)?$"), r"or\1"),
    (re.compile(r"^programme(s)?$"), r"program\1"),
    (re.compile(r"(?<=[a-z]{2})tre(s)?$"), r"ter\1"),
)


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """A word in O*NET's (American) spelling, lower case: "organise" → "organize" (only
    where lemminflect knows the American form: "advise" stays)."""
    w = word.lower().replace("’", "'")
    for pattern, repl in _SPELLING:
        american = pattern.sub(repl, w)
        if american != w and getAllLemmas(american):
            return american
    return w


def tokens(text: str) -> list[str]:
    """Lower-cased words and ``, ; : .`` of a text, brackets dropped ("and/or" read as "or")."""
    text = _PAREN.sub(" ", text).replace("and/or", "or").replace("/", " or ")
    return [t.lower().replace("’", "'") for t in _TOKEN.findall(text)]


@lru_cache(maxsize=65536)
def _readings(word: str) -> dict[str, tuple[str, ...]]:
    return dict(getAllLemmas(word))


def can_verb(word: str) -> bool:
    """The word can be a base-form verb ("report", "set"), per lemminflect's lexicon."""
    return word in _readings(word).get("VERB", ())


def can_noun(word: str) -> bool:
    """The word can be a noun (or is unknown to the lexicon, like most jargon)."""
    r = _readings(word)
    if not r or "NOUN" in r or "PROPN" in r:
        return True
    # lemminflect lists some regular plurals under their verb only ("logs").
    return word.endswith("s") and "NOUN" in _readings(word[:-1])


def verb_only(word: str) -> bool:
    """An inflected verb form no noun or adjective reading shares ("detailing", "used"); a
    form in -s may be a plural lemminflect does not list ("logs")."""
    r = _readings(word)
    if not r or {"NOUN", "PROPN", "ADJ"} & r.keys() or word in r.get("VERB", ()):
        return False
    return not (word.endswith("s") and not word.endswith("ss"))


def can_head(word: str) -> bool:
    """The word can head a noun phrase: a noun, a base form or plural that may be one ("log",
    "logs"), or a word the lexicon does not know; not an adjective, adverb or participle."""
    r = _readings(word)
    return can_noun(word) or ("VERB" in r and not verb_only(word))


def adverb(word: str) -> bool:
    return set(_readings(word)) == {"ADV"}


@lru_cache(maxsize=65536)
def noun_lemma(word: str) -> str:
    """A noun's lemma in O*NET's spelling: "specimens" → "specimen", "behaviours" → "behavior"."""
    w = word.strip("'")
    if w.endswith("'s"):
        w = w[:-2]
    return fold(getLemma(w, upos="NOUN", lemmatize_oov=True)[0] or w)


def verb_key(verb: str) -> str:
    """A verb (with its particle) in O*NET's spelling: "organise" → "organize"."""
    return " ".join(fold(w) for w in verb.split())


# ---------------------------------------------------------------- parsing


@dataclass(frozen=True)
class Clause:
    """An opening verb group and the head nouns of its object; ``pronoun`` when the object is
    "it/them" (its heads are then the subject's); ``optional``: heads that may be modifiers."""

    verbs: tuple[str, ...]
    heads: tuple[str, ...]
    pronoun: bool = False
    optional: tuple[str, ...] = ()


def _verb_group(toks: list[str], i: int) -> tuple[list[str], int]:
    """Coordinated base-form verbs from ``i`` ("monitor , record , and report"), each with its
    particle ("carry out"); returns them and the index after them."""
    verbs: list[str] = []
    first = toks[i] if i < len(toks) else ""
    r = _readings(first)
    if first[:1].isalpha() and not can_verb(first) and (not r or "VERB" in r):
        # The text opens with a verb by convention; lemminflect may not know it ("unclamp").
        verbs.append(verb_key(first))
        i += 1
        if i + 1 < len(toks) and toks[i] in COORD and can_verb(toks[i + 1]):
            i += 1
        else:
            return verbs, i
    while i < len(toks) and can_verb(toks[i]):
        verb, i = toks[i], i + 1
        if i < len(toks) and toks[i] in PARTICLES:
            verb, i = f"{verb} {toks[i]}", i + 1
        elif i + 1 < len(toks) and toks[i] in PRONOUNS and toks[i + 1] in PARTICLES:
            # "carry them out": the particle after the pronoun object.
            verbs.append(verb_key(f"{verb} {toks[i + 1]}"))
            return verbs, i
        if verb in CATENATIVE and i < len(toks) and can_verb(toks[i]):
            continue  # "help clean facilities": the second verb carries the object
        if i + 1 < len(toks) and can_verb(toks[i]) and toks[i + 1] in PRONOUNS | DETERMINERS:
            continue  # "help skim them": the second verb carries the object
        if i < len(toks) and can_verb(toks[i]) and set(_readings(toks[i])) == {"VERB"}:
            continue  # "help obtain the parts"
        verbs.append(verb_key(verb))
        j = i
        if j < len(toks) and toks[j] == ",":
            j += 1
        if j < len(toks) and toks[j] in COORD:
            j += 1
        if j == i or j >= len(toks) or not can_verb(toks[j]):
            break
        # "and report symptoms": another verb only if what follows is not the object itself.
        i = j
    return verbs, i


def _new_verb(toks: list[str], j: int) -> bool:
    """Whether the word at ``j``, after a comma or "and", starts a new verb phrase ("and
    guide less experienced staff", ", setting direction", ", and judge when …") rather than
    another noun of the list ("symptoms or changes", "materials, supplies, or equipment")."""
    word = toks[j] if j < len(toks) else ""
    after = toks[j + 1] if j + 1 < len(toks) else ""
    comma = j > 0 and toks[j - 1] == ","
    if comma and word.endswith("ing") and "VERB" in _readings(word) and after not in COORD:
        return True  # a participle clause: ", setting direction and standards"
    if verb_only(word):  # "and roofing materials" modifies; ", used for …" does not
        return comma or after in DETERMINERS | PRONOUNS
    if not can_verb(word):
        return False
    if not can_noun(word) or after in DETERMINERS | PRONOUNS | COORD:
        return True
    if can_verb(after) and set(_readings(after)) == {"VERB"}:
        return True  # "and help place them"
    if after in BOUNDARY - {"of"} or after in {"less", "more", "newer", "new"}:
        return True
    # "check figures", "mentor newer tellers": a base verb before a plural or a participle.
    return after.endswith(("s", "ed")) and not after.endswith("ss") and after not in BOUNDARY


def _np_heads(toks: list[str], i: int) -> tuple[list[str], bool, int, set[str]]:
    """Head nouns of the coordinated noun phrase from ``i``, whether it is a pronoun, the
    index where it ends (at a boundary word, or at the comma or "and" before a new verb), and
    the heads that may be modifiers instead ("retention" in "the retention and privacy
    policy")."""
    heads: list[str] = []
    conjunct: list[str] = []
    pronoun = False
    # The previous conjunct when it was one word joined by a bare "and"/"or": in "the
    # retention and privacy policy" or "complex or high-value fees" it modifies the next.
    single: list[str] = []
    optional: set[str] = set()

    def close(bare: bool = False) -> None:
        words = [w for w in conjunct if w not in DETERMINERS | PRONOUNS]
        if single and len(words) > 1:
            optional.add(single[0])
        single.clear()
        if words and can_head(words[-1]):
            heads.append(noun_lemma(words[-1]))
            if bare and len(words) == 1:
                single.append(heads[-1])
        conjunct.clear()

    if i < len(toks) and adverb(toks[i]):
        return heads, pronoun, i, optional  # "use safely and keep …": no object
    while i < len(toks):
        t = toks[i]
        if t in PRONOUNS and not conjunct:
            pronoun = True
            i += 1
            break
        if t == "of" and conjunct and noun_lemma(conjunct[-1]) in PARTITIVES:
            conjunct.clear()  # "simple parts of them": the head is what follows "of"
            i += 1
            continue
        if t in {";", ":", "."} or t in BOUNDARY:
            break
        if t == "," or t in COORD:
            j = i + 1 + (i + 1 < len(toks) and toks[i + 1] in COORD)
            if j >= len(toks) or toks[j] in BOUNDARY | {",", ";", ".", ":"}:
                break
            last = [w for w in conjunct if w not in DETERMINERS][-1:]
            # "financial or budget activities": a modifier list goes on to its noun.
            if last and can_head(last[0]) and _new_verb(toks, j):
                break
            close(bare=t in COORD)
            i = j
            continue
        if verb_only(t) and any(can_noun(w) and w not in DETERMINERS for w in conjunct):
            break  # "logs of specimens used", not "worn components"
        if t in {"the", "a", "an"} and conjunct and can_head(conjunct[-1]):
            break  # "the materials the work needs": a relative clause
        conjunct.append(t)
        i += 1
    close()
    return heads, pronoun, i, optional


def clauses(text: str) -> list[Clause]:
    """Every verb–object clause of an O*NET task or DWA text: the opening one, those joined
    by "and" ("feed and water animals, and clean and disinfect pens"), and the purpose
    clauses ("to determine cause of death")."""
    toks = tokens(text)
    out: list[Clause] = []
    starts = [0]
    while starts:
        i = starts.pop(0)
        verbs, j = _verb_group(toks, i)
        if not verbs:
            continue
        heads, pronoun, k, _ = _np_heads(toks, j)
        if heads or pronoun:
            out.append(Clause(tuple(verbs), tuple(heads), pronoun))
        # The next clause: after "and" / ", and" where a verb starts, or "to VERB".
        for m in range(max(k, j), len(toks) - 1):
            if toks[m] in COORD | {","}:
                n = m + 1 + (toks[m + 1] in COORD)
                if n < len(toks) and can_verb(toks[n]) and _new_verb(toks, n):
                    starts.append(n)
                    break
            if toks[m] == "to" and can_verb(toks[m + 1]):
                starts.append(m + 1)
                break
    return out


def _gerund_lemma(word: str) -> str | None:
    if not word.endswith("ing"):
        return None
    lemma = _readings(word).get("VERB", ())
    return lemma[0] if lemma and lemma[0] != word else None


def base_form_parts(text: str) -> list[str]:
    """A gerund-led O*NET description ("Giving full attention to what other people are saying,
    asking questions as appropriate") as base-form texts ("give full attention to …", "ask
    questions …"); any other text as it is."""
    toks = text.split()
    if not toks or _gerund_lemma(toks[0].lower()) is None:
        return [text]
    parts: list[list[str]] = []
    for i, raw in enumerate(toks):
        word = raw.lower().strip(",;")
        lemma = _gerund_lemma(word)
        after_break = i == 0 or toks[i - 1].endswith((",", ";")) or toks[i - 1] in COORD
        if lemma is not None and after_break:
            if parts and parts[-1] and parts[-1][-1] in COORD:
                parts[-1].pop()
            parts.append([lemma + raw[len(word) :]])
        elif parts:
            parts[-1].append(raw)
    return [" ".join(p) for p in parts]


def opening_clause(action: str) -> Clause | None:
    """The opening verb group of a statement action and the head nouns of its object."""
    toks = tokens(action)
    verbs, j = _verb_group(toks, 0)
    if not verbs:
        return None
    heads, pronoun, _, optional = _np_heads(toks, j)
    return Clause(tuple(verbs), tuple(heads), pronoun, tuple(sorted(optional)))


def subject_heads(subject: str) -> tuple[str, ...]:
    """Head nouns of a statement subject ("Trees and horticultural plants" → tree, plant)."""
    heads, _, _, _ = _np_heads(tokens(subject), 0)
    return tuple(heads)


# ---------------------------------------------------------------- the model


@dataclass
class VerbObjects:
    """Which verbs O*NET's own texts apply to which object nouns."""

    objects: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    verbs: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    nouns: Counter[str] = field(default_factory=Counter)  # every noun-capable word, any role
    pairs: Counter[tuple[str, str]] = field(default_factory=Counter)  # texts giving each pair
    # The one noun class O*NET itself defines: people (the heads of job titles, and the
    # nouns its texts follow with "who").
    people: frozenset[str] = frozenset()
    texts: int = 0
    _cache: dict[tuple[str, str], float] = field(default_factory=dict, repr=False)

    @classmethod
    def learn(cls, texts: Iterable[str], titles: Iterable[str] = ()) -> VerbObjects:
        """Learn from O*NET task statements and DWA titles (base-form verb first) and other
        work texts; ``titles`` (occupation, alternate and reported job titles) name people."""
        model = cls()
        heads = Counter(h for t in dict.fromkeys(titles) if (h := title_head(t)))
        people = {h for h, n in heads.items() if n >= PEOPLE_MIN_TITLES}
        for text in dict.fromkeys(texts):  # a text shared by several occupations counts once
            model.texts += 1
            toks = tokens(text)
            for i, t in enumerate(toks):
                if t[0].isalpha() and can_noun(t):
                    model.nouns[noun_lemma(t)] += 1
                    if i + 1 < len(toks) and toks[i + 1] == "who":
                        people.add(noun_lemma(t))
            found = {
                (v, n)
                for c in (c for part in base_form_parts(text) for c in clauses(part))
                for v in c.verbs
                for n in c.heads
            }
            for v, n in found:
                model.pairs[(v, n)] += 1
                model.objects[v].add(n)
                model.verbs[n].add(v)
        model.objects = dict(model.objects)
        model.verbs = dict(model.verbs)
        model.people = frozenset(people)
        return model

    def takes_people(self, verb: str) -> bool:
        """The verb takes at least ``CLASS_MIN_OBJECTS`` distinct people nouns in O*NET."""
        return len(self.objects.get(verb, set()) & self.people) >= CLASS_MIN_OBJECTS

    def takes_activities(self, verb: str) -> bool:
        """The verb takes at least ``CLASS_MIN_OBJECTS`` distinct nominalised activities."""
        objs = self.objects.get(verb, set())
        return sum(1 for n in objs if nominalisation(n)) >= CLASS_MIN_OBJECTS

    def seen(self, verb: str, noun: str) -> bool:
        return noun in self.objects.get(verb, ())

    def judged(self, verb: str) -> bool:
        """Whether O*NET gives enough evidence about the verb to judge its objects."""
        return len(self.objects.get(verb, ())) >= MIN_VERB_OBJECTS

    def score(self, verb: str, noun: str) -> float:
        """1 for a pair O*NET writes; else the best cosine of a neighbour that vouches for it:
        a verb taking this noun whose objects overlap this verb's, or a noun taken by this
        verb whose verbs overlap this noun's."""
        if self.seen(verb, noun):
            return 1.0
        key = (verb, noun)
        if key not in self._cache:
            objs = self.objects.get(verb, set())
            subjs = self.verbs.get(noun, set())
            best = 0.0
            for v2 in subjs:
                best = max(best, _cosine(objs, self.objects[v2]))
            for n2 in objs:
                best = max(best, _cosine(subjs, self.verbs[n2]))
            self._cache[key] = best
        return self._cache[key]

    def plausible(self, verb: str, noun: str) -> bool | None:
        """True or False, or None when O*NET says too little about the verb or the noun."""
        if not self.judged(verb):
            return None
        if self.seen(verb, noun):
            return True
        if noun in self.people and self.takes_people(verb):
            return True  # the noun's class: "show newer embalmers" as "show customers"
        if nominalisation(noun) and self.takes_activities(verb):
            return True  # "lead the collaboration" as "lead the investigation"
        if self.nouns[noun] == 0:
            return None
        return self.score(verb, noun) >= BACKOFF


_NOMINAL = re.compile(r"(?:ation|ition|tion|sion|ment|ance|ence|ing|ysis)$")


@lru_cache(maxsize=65536)
def nominalisation(noun: str) -> bool:
    """The noun names an activity made from a verb by a suffix: "collaboration" (collaborate),
    "analysis" (analyze), "finding" (find), "assistance" (assist), "direction" (direct)."""
    m = _NOMINAL.search(noun)
    if m is None or len(noun) - len(m[0]) < 3:
        return False
    stem = noun[: m.start()]
    suffix = m[0]
    candidates = {stem, stem + "e", stem + "ate", stem + "ize", stem + "yze"}
    if suffix in {"tion", "sion"}:
        candidates |= {stem + "t", stem + "d", stem + "de", stem + "ve", stem[:-1] + "ve"}
    if suffix == "ition":
        candidates |= {stem + "ish", stem + "ose", stem + "it"}
    if suffix == "ing" and len(stem) > 2 and stem[-1] == stem[-2]:
        candidates.add(stem[:-1])  # "planning" -> "plan"
    return any(can_verb(c) for c in candidates)


_TITLE_CUT = re.compile(r"[,(/]| - | (?:of|for|in|to|at|on) ", re.IGNORECASE)


def title_head(title: str) -> str | None:
    """The head noun of a job title: "Segmental Pavers" → paver, "Director of Nursing" →
    director (the words before a comma, bracket or preposition, their last one)."""
    words = [t for t in tokens(_TITLE_CUT.split(title)[0]) if t[0].isalpha()]
    return noun_lemma(words[-1]) if words else None


def _cosine(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


def implausible_pairs(
    s: Statement, model: VerbObjects, every_object: bool = False
) -> list[tuple[str, str]]:
    """The (verbs, head noun) pairs of a statement's opening clause that the model rejects.

    Only objects the statement's subject fills are judged: "it/them" (the subject's head
    nouns stand in, and one of them fitting one verb is enough) and object head nouns that
    are words of the subject ("Legal volumes — attend legal volumes"). Each must fit at
    least one verb of the opening group ("monitor, record and report symptoms": one of the
    three will do). Objects the subject does not fill are the wording of the action itself
    (a task text or a phrase written by hand), where O*NET's small vocabulary misjudges
    fine English ("weigh the costs and benefits") far more often than it finds nonsense;
    ``every_object`` judges them too."""
    clause = opening_clause(s.action)
    if clause is None:
        return []
    verbs = " / ".join(clause.verbs)
    if clause.pronoun:
        heads: tuple[str, ...] = subject_heads(s.subject)
    else:
        filled = {noun_lemma(t) for t in tokens(s.subject) if t[0].isalpha()}
        heads = tuple(
            n for n in clause.heads if (every_object or n in filled) and n not in clause.optional
        )
    rejected = []
    for noun in dict.fromkeys(heads):
        verdicts = [model.plausible(v, noun) for v in clause.verbs]
        if any(verdicts):
            if clause.pronoun:
                return []
            continue
        if False in verdicts:
            rejected.append((verbs, noun))
    return rejected


# ---------------------------------------------------------------- reference data


@dataclass(frozen=True)
class Reference:
    """What the independent rules read of a release, built once per build from the store."""

    release: str
    verb_objects: VerbObjects
    tasks: Mapping[str, frozenset[int]]  # SOC -> its task ids in the release
    owners: Mapping[int, str] = field(default_factory=dict)  # task id -> its SOC

    @classmethod
    def build(
        cls,
        release: str,
        tasks: Iterable[tuple[str, int, str]],
        texts: Iterable[str],
        titles: Iterable[str] = (),
    ) -> Reference:
        """From ``(soc, task id, task text)`` rows of one release, its other work texts
        (DWA titles; also IWA titles, scale anchors, content-model descriptions) and its job
        titles (occupation, alternate and reported titles: the people nouns)."""
        by_soc: dict[str, set[int]] = defaultdict(set)
        corpus: list[str] = []
        for soc, task_id, text in tasks:
            by_soc[soc].add(int(task_id))
            corpus.append(text)
        corpus += list(texts)
        return cls(
            release=release,
            verb_objects=VerbObjects.learn(corpus, titles),
            tasks={soc: frozenset(ids) for soc, ids in by_soc.items()},
            owners={t: soc for soc, ids in by_soc.items() for t in ids},
        )


# ---------------------------------------------------------------- rules


def _problem(
    rule: str, severity: Literal["error", "warning"], soc: str, where: str, message: str
) -> Problem:
    return Problem(rule=rule, severity=severity, soc=soc, where=where, message=message)


def _where(s: Statement) -> str:
    return f"{s.level.value}#{s.order}"


def _ordered(fw: Framework) -> list[Statement]:
    return sorted(fw.statements, key=lambda s: (list(Level).index(s.level), s.order))


def check_pronoun(fw: Framework) -> list[Problem]:
    """``indep.pronoun``: the action opens with a pronoun or "verb + it/them"."""
    return [
        _problem(
            "indep.pronoun",
            "error",
            fw.soc,
            _where(s),
            f"The action opens on a pronoun, not the work: {s.action!r}.",
        )
        for s in _ordered(fw)
        if pronoun_after_dash(s.action)
    ]


def check_repeat(fw: Framework) -> list[Problem]:
    """``indep.repeat``: more than ``REPEAT_LIMIT`` subjects repeated verbatim across levels."""
    levels: dict[str, list[Statement]] = {}
    for s in _ordered(fw):
        levels.setdefault(subject_key(s.subject), []).append(s)
    repeated = {k: v for k, v in levels.items() if len({s.level for s in v}) > 1}
    if len(repeated) <= REPEAT_LIMIT:
        return []
    shown = "; ".join(
        f"{v[0].subject!r} at " + ", ".join(sorted({s.level.value for s in v}, key=_level_rank))
        for v in repeated.values()
    )
    return [
        _problem(
            "indep.repeat",
            "error",
            fw.soc,
            "framework",
            f"{len(repeated)} subjects repeat at another level (at most {REPEAT_LIMIT}): {shown}.",
        )
    ]


def _level_rank(value: str) -> int:
    return [lv.value for lv in Level].index(value)


def check_verb_object(
    fw: Framework, model: VerbObjects, every_object: bool = False
) -> list[Problem]:
    """``indep.verb_object``: an opening verb whose object O*NET never gives it."""
    out = []
    for s in _ordered(fw):
        pairs = implausible_pairs(s, model, every_object)
        if pairs:
            shown = ", ".join(f"{v} → {n}" for v, n in pairs)
            out.append(
                _problem(
                    "indep.verb_object",
                    VERB_OBJECT_SEVERITY,
                    fw.soc,
                    _where(s),
                    f"O*NET never pairs {shown}: {s.text!r}.",
                )
            )
    return out


def check_anchor_other(
    fw: Framework,
    tasks: Mapping[str, frozenset[int]],
    release: str | None = None,
    owners: Mapping[int, str] | None = None,
) -> list[Problem]:
    """``indep.anchor_other``: another occupation's task cited as what it is, and only a real
    one: a ``supervisor_task`` anchor ("SOC:TASKID") must name a task of that SOC (not of
    this occupation) in ``release``, and the statement must not cite it as its own ``task``
    too; a ``task`` anchor must not be another SOC's task.

    ``tasks``: every SOC's task ids in the release; ``owners``: each task id's SOC (derived
    from ``tasks`` when not given)."""
    if owners is None:
        owners = {t: soc for soc, ids in tasks.items() for t in ids}
    own = tasks.get(fw.soc, frozenset())
    out = []
    for s in _ordered(fw):

        def add(message: str, s: Statement = s) -> None:
            out.append(_problem("indep.anchor_other", "error", fw.soc, _where(s), message))

        own_cited = {a.id for a in s.anchors if a.kind == "task"}
        for a in s.anchors:
            if a.kind == "task":
                other = owners.get(int(a.id)) if a.id.isdigit() else None
                if other is not None and other != fw.soc and int(a.id) not in own:
                    add(f"Task {a.id} is a task of {other}, cited as {fw.soc}'s own.")
                continue
            if a.kind != "supervisor_task":
                continue
            soc, sep, task = a.id.partition(":")
            if not sep or not task.isdigit():
                add(f"supervisor_task {a.id!r} is not 'SOC:TASKID'.")
            elif soc == fw.soc:
                add(f"supervisor_task {a.id} names {fw.soc} itself; cite it as a task.")
            elif release is not None and a.release != release:
                add(f"supervisor_task {a.id} cites release {a.release}; the build is {release}.")
            elif int(task) not in tasks.get(soc, frozenset()):
                where = f" in release {release}" if release else ""
                add(f"supervisor_task {a.id}: {soc} has no task {task}{where}.")
            elif task in own_cited:
                add(f"Task {task} of {soc} is also cited as {fw.soc}'s own task.")
    return out


def validate_independent(fw: Framework, reference: Reference | None = None) -> list[Problem]:
    """The per-framework independent rules; those that need O*NET texts run when
    ``reference`` (of the framework's release) is given."""
    problems = check_pronoun(fw) + check_repeat(fw)
    if reference is not None:
        problems += check_verb_object(fw, reference.verb_objects)
        problems += check_anchor_other(fw, reference.tasks, reference.release, reference.owners)
    return problems


class _Statements(Protocol):
    @property
    def soc(self) -> str: ...

    @property
    def statements(self) -> Sequence[Statement]: ...


def validate_build_independent(frameworks: Sequence[_Statements]) -> list[Problem]:
    """``indep.skeleton``: a skeleton (``measures.skeletons``) used by more than 1% of the
    build's statements, reported once per framework that uses it, with its count."""
    actions = [s.action for fw in frameworks for s in fw.statements]
    n = len(actions)
    if n < SKELETON_MIN_STATEMENTS:
        return []
    counts = skeletons(actions)
    common = {sk: c for sk, c in counts.items() if c > SKELETON_SHARE * n}
    if not common:
        return []
    frame = frame_words(actions)
    out = []
    for fw in frameworks:
        where: dict[str, list[str]] = {}
        for s in sorted(fw.statements, key=lambda s: (list(Level).index(s.level), s.order)):
            sk = skeleton(s.action, frame)
            if sk in common:
                where.setdefault(sk, []).append(_where(s))
        for sk, places in where.items():
            out.append(
                _problem(
                    "indep.skeleton",
                    "warning",
                    fw.soc,
                    ",".join(places),
                    f"Skeleton {sk!r} is used by {common[sk]} of the build's {n} statements "
                    f"(over {SKELETON_SHARE:.0%}).",
                )
            )
    return out
