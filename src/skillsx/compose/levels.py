"""The level model as data: what autonomy, scope, complexity and influence each level means.

The composer draws its wording from these profiles and the validator checks statements
against them, so the model is stated once (see docs/composer.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from skillsx.models import ROLE_BANDS, Level


@dataclass(frozen=True)
class LevelProfile:
    """One level of the model and the phrases that express it."""

    level: Level
    band: str
    autonomy: str
    scope: str
    complexity: str
    influence: str
    # How independently: rotated across a level's ten statements so they do not repeat.
    manners: tuple[str, ...]
    # At what scope; "{units}" is the occupation's unit of work ("patients", "accounts").
    scopes: tuple[str, ...]
    # Phrases that contradict this level; the validator flags them.
    forbidden: tuple[str, ...]
    # For occupations of Job Zones 1-3 (little or some preparation: trades, service, clerical
    # work), the top of the ladder is a lead hand, supervisor or owner-operator, not an
    # executive: these replace ``scopes``/``manners`` when set.
    hands_on_scopes: tuple[str, ...] = ()
    hands_on_manners: tuple[str, ...] = ()

    def scopes_for(self, job_zone: int | None) -> tuple[str, ...]:
        """The scope phrases that suit an occupation of this Job Zone."""
        return self.hands_on_scopes if hands_on(job_zone) and self.hands_on_scopes else self.scopes

    def manners_for(self, job_zone: int | None) -> tuple[str, ...]:
        """The manner phrases that suit an occupation of this Job Zone."""
        if hands_on(job_zone) and self.hands_on_manners:
            return self.hands_on_manners
        return self.manners


HANDS_ON_ZONES = frozenset({1, 2, 3})

#: Words for the unit of work a scope names: tasks, jobs and work are one unit, so
#: "on simple tasks on assigned jobs" says the scope twice (the composer avoids it and
#: the level.scope rule catches it).
WORK_UNITS = {"task": "work", "tasks": "work", "job": "work", "jobs": "work"}


def unit_of(word: str) -> str:
    """The unit a scope's last word names ("jobs" -> "work", "customers" -> itself)."""
    return WORK_UNITS.get(word, word)


def hands_on(job_zone: int | None) -> bool:
    """Whether an occupation's Job Zone is 1-3, where leading means running the work on site."""
    return job_zone in HANDS_ON_ZONES


EMERGING = LevelProfile(
    level=Level.EMERGING,
    band=ROLE_BANDS[Level.EMERGING],
    autonomy="works under direct guidance, follows set procedures",
    scope="own tasks",
    complexity="routine, well-defined",
    influence="self",
    manners=(
        "under direct guidance",
        "following set procedures",
        "under a supervisor's direct guidance",
        "to a set checklist",
        "as directed by a senior colleague",
        "with each step checked by a supervisor",
        "within written instructions",
        "under close supervision",
        "following the standard method",
        "with guidance from experienced staff",
        "asking before departing from routine",
        "with work signed off by a senior colleague",
        "after being shown the method",
        "checking each result with a supervisor",
        "keeping to the written procedure",
        "alongside an experienced colleague",
    ),
    scopes=(
        "on assigned {units}",
        "for own {units}",
        "within own duties",
        "on own tasks",
    ),
    forbidden=(
        "set direction",
        "sets direction",
        "organisation-wide",
        "across the organisation",
        "shape policy",
        "without supervision",
        "coach others",
        "coaching",
        "mentoring",
        "mentor others",
        "autonomously",
        "independently",
    ),
)

DEVELOPING = LevelProfile(
    level=Level.DEVELOPING,
    band=ROLE_BANDS[Level.DEVELOPING],
    autonomy="works independently on routine work, asks on exceptions",
    scope="own caseload",
    complexity="routine and common variations",
    influence="peers",
    manners=(
        "independently, referring exceptions to a supervisor",
        "without close supervision",
        "escalating unusual cases",
        "asking for help only on exceptions",
        "on own initiative",
        "checking exceptions with a senior colleague",
        "independently, flagging anything unusual",
        "with only periodic review",
        "unsupervised on everyday cases",
        "independently, raising non-routine issues",
        "judging when a case needs a second opinion",
        "handling the usual variations without help",
        "with a senior colleague reviewing samples",
        "keeping a supervisor informed of problems",
        "adapting the standard method where needed",
    ),
    scopes=(
        "across own {units}",
        "across a normal workload",
        "for own {units}",
        "across a full workload",
    ),
    forbidden=(
        "set direction",
        "sets direction",
        "organisation-wide",
        "across the organisation",
        "shape policy",
        "under direct guidance",
        "under close supervision",
    ),
)

PROFICIENT = LevelProfile(
    level=Level.PROFICIENT,
    band=ROLE_BANDS[Level.PROFICIENT],
    autonomy="fully autonomous, handles escalations",
    scope="team / accounts / function",
    complexity="non-routine, ambiguous",
    influence="coaches others, cross-team",
    manners=(
        "without supervision",
        "as the go-to expert",
        "taking on escalations from colleagues",
        "coaching less experienced colleagues",
        "advising other teams",
        "fully autonomously",
        "handling cases others escalate",
        "mentoring newer staff",
        "resolving ambiguous cases",
        "guiding peers through difficult cases",
        "as the person others consult",
        "setting the example for the team",
        "improving team methods along the way",
        "reviewing colleagues' work",
        "working across team boundaries",
        "owning the outcome end to end",
    ),
    scopes=(
        "across the team's {units}",
        "for the whole team",
        "across several teams",
        "for a whole function",
    ),
    forbidden=(
        "under direct guidance",
        "under close supervision",
        "under supervision",
        "set checklist",
    ),
    hands_on_scopes=(
        "across the team's {units}",
        "for the whole team",
        "across the site",
        "for the whole shift",
    ),
)

ADVANCED = LevelProfile(
    level=Level.ADVANCED,
    band=ROLE_BANDS[Level.ADVANCED],
    autonomy="sets direction and standards",
    scope="organisation / enterprise",
    complexity="strategic, novel",
    influence="shapes policy, external",
    manners=(
        "working with senior leaders",
        "consulting external bodies and partners",
        "drawing on sector practice",
        "balancing long-term risks and costs",
        "in line with organisational strategy",
        "advising the executive team",
        "representing the organisation externally",
        "as the accountable lead",
        "engaging regulators and industry peers",
        "aligning cross-functional leaders",
        "reviewing results against long-term goals",
        "answering for the results to the board",
        "weighing cost, risk and service quality",
        "keeping pace with changes in the field",
        "setting targets and tracking them yearly",
        "with a view to the next five years",
    ),
    scopes=(
        "across the organisation",
        "organisation-wide",
        "for the whole organisation",
        "across all sites",
    ),
    forbidden=(
        "under direct guidance",
        "under close supervision",
        "under supervision",
        "set checklist",
        "asking for help",
        "referring exceptions",
        "escalating",
    ),
    hands_on_scopes=(
        "across the business",
        "for the whole operation",
        "across every site",
        "for the whole business",
    ),
    hands_on_manners=(
        "agreeing priorities with the owners or senior managers",
        "drawing on industry practice",
        "weighing cost, safety and quality",
        "keeping pace with changes in the trade",
        "engaging inspectors, suppliers and industry peers",
        "as the accountable lead",
        "setting targets and tracking them each year",
        "balancing long-term risks and costs",
        "reviewing results against the business's goals",
        "in line with the business's plans",
        "with a view to the next few years",
        "representing the business to customers and regulators",
        "answering for the results to the owners",
        "working with the senior managers",
    ),
)

PROFILES: dict[Level, LevelProfile] = {
    p.level: p for p in (EMERGING, DEVELOPING, PROFICIENT, ADVANCED)
}
LEVELS: tuple[Level, ...] = tuple(PROFILES)


def profile(level: Level) -> LevelProfile:
    """The profile of one level."""
    return PROFILES[level]
