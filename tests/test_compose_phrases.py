import pytest

from skillsx.compose.phrases import (
    gerund,
    parse_task,
    shorten_list,
    singular,
    subject_for,
    third_person,
)


def test_parse_task_splits_coordinated_clauses():
    clauses = parse_task(
        "Confer with potential customers regarding equipment needs, and advise customers "
        "on types of equipment to purchase."
    )
    assert [c.verbs for c in clauses] == [("confer",), ("advise",)]
    first = clauses[0]
    assert (first.prep, first.obj, first.topic) == (
        "with",
        "potential customers",
        "about equipment needs",
    )
    assert subject_for(first) == "Consultations with potential customers about equipment needs"


def test_parse_task_keeps_noun_lists_and_purpose():
    (clause,) = parse_task(
        "Review operational records and reports to project sales and determine profitability."
    )[:1]
    assert clause.verbs == ("review",)
    assert clause.obj == "operational records and reports"
    assert clause.purpose == "project sales"
    assert subject_for(clause) == "Operational records and reports"


def test_parse_task_verb_lists_and_particles():
    (clause,) = parse_task("Plan and direct staffing, training, and performance evaluations.")
    assert clause.verbs == ("plan", "direct")
    assert subject_for(clause) == "Staffing and performance evaluations"
    clause = parse_task("Recognize, set up, and operate hand and power tools.")[0]
    assert clause.verbs == ("recognize", "set up", "operate")
    assert subject_for(clause) == "Hand and power tools"


def test_subjects_name_the_work():
    cases = {
        "Resolve customer complaints regarding sales and service.": (
            "Customer complaints about sales and service"
        ),
        "Determine price schedules and discount rates.": "Price schedules and discount rates",
        "Prepare budgets and approve budget expenditures.": "Budget preparation",
        "Supervise employees.": "Supervision of employees",
        "Oversee regional and local sales managers and their staffs.": (
            "Oversight of regional and local sales managers and their staffs"
        ),
    }
    for task, subject in cases.items():
        assert subject_for(parse_task(task)[0]) == subject


def test_morphology():
    assert [third_person(v) for v in ("resolve", "carry", "set up", "watch")] == [
        "resolves",
        "carries",
        "sets up",
        "watches",
    ]
    assert [gerund(v) for v in ("plan", "read", "resolve", "visit")] == [
        "planning",
        "reading",
        "resolving",
        "visiting",
    ]
    assert [singular(n) for n in ("complaints", "batteries", "boxes", "equipment")] == [
        "complaint",
        "battery",
        "box",
        "equipment",
    ]
    assert shorten_list("soups, meats, vegetables, or desserts") == "soups and meats"


# --- subjects a careful writer would choose (light verbs, states, people) ---------------------


@pytest.mark.parametrize(
    ("task", "subject"),
    [
        # a light verb adds nothing: the subject is its object, never "Assistance provision"
        ("Provide assistance to customers in locating items.", "Assistance to customers"),
        ("Conduct classes for students.", "Classes for students"),
        ("Provide care to patients.", "Care for patients"),
        (
            "Provide patients with information and instruction regarding diet.",
            "Information and instruction for patients",
        ),
        # a kept state is named with its complement, never "Familiarity upkeep"
        ("Maintain familiarity with current regulations.", "Familiarity with current regulations"),
        ("Maintain knowledge of current trends.", "Knowledge of current trends"),
        # people prepared for something become a modifier
        ("Prepare patients for surgery.", "Patient preparation"),
        # verbs that only take people make their object people, whatever the noun
        (
            "Supervise other butchers or meat cutters.",
            "Supervision of other butchers or meat cutters",
        ),
        # two adjectives are not a new verb phrase; the quality is dropped from the subject
        ("Maintain accurate and complete student records as required by laws.", "Student records"),
    ],
)
def test_subjects_name_the_work_plainly(task: str, subject: str) -> None:
    from skillsx.compose.phrases import parse_task, subject_for

    assert subject_for(parse_task(task)[0]) == subject


def test_and_before_a_verb_list_starts_a_new_clause() -> None:
    from skillsx.compose.phrases import split_clauses

    parts = split_clauses(
        "Estimate requirements and order or requisition meat supplies to maintain inventories."
    )
    assert parts[0] == "Estimate requirements"


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("Cooks", True),
        ("Chefs or caterers", True),
        ("Individuals and other groups", True),
        ("Supervision of workers", False),
        ("Customer complaints", False),
        ("Patient preparation", False),
    ],
)
def test_people_only_subjects(subject: str, expected: bool) -> None:
    from skillsx.compose.phrases import people_only

    assert people_only(subject) is expected


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("Assistance provision", True),
        ("Research conduct", True),
        ("Accurate upkeep", True),
        ("Upkeep", True),
        ("Provision of patients", True),
        ("Equipment upkeep", False),
        ("Assistance to customers", False),
    ],
)
def test_light_verbs_made_into_nouns(subject: str, expected: bool) -> None:
    from skillsx.compose.phrases import light_nominal

    assert light_nominal(subject) is expected


@pytest.mark.parametrize(
    ("task", "subject"),
    [
        # a verb without a noun of its own reads as a gerund phrase, not "Rule establishing"
        ("Establish rules for the class.", "Establishing rules"),
        ("Disseminate information to the public.", "Disseminating information"),
        # a participle left from a cut clause and a leftover "in order" are dropped
        (
            "Develop public health education programs dealing with disease.",
            "Public health education programs",
        ),
        (
            "Organize campaign organizations and fundraisers in order to raise funds.",
            "Campaign organizations and fundraisers",
        ),
    ],
)
def test_subjects_without_leftovers(task: str, subject: str) -> None:
    from skillsx.compose.phrases import parse_task, subject_for

    assert subject_for(parse_task(task)[0]) == subject


def test_loose_lists_and_hidden_clauses() -> None:
    from skillsx.compose.phrases import clause_inside, loose_list

    assert loose_list("Gross and net tonnage, hold capacities, volumes")
    assert not loose_list("Accurate, detailed reports and records")
    assert not loose_list("Price schedules and discount rates")
    assert clause_inside("Clients improve decision making and abstract reasoning")
    assert not clause_inside("Client decision making")


def test_irregular_plurals_stay() -> None:
    from skillsx.compose.phrases import plural

    assert plural("children") == "children" and plural("sample") == "samples"


def test_a_perceiving_verb_gives_way_to_the_work() -> None:
    clause = parse_task("Recognize, set up, and operate hand and power tools.")[0]
    assert clause.verb == "set up"


def test_or_before_a_verb_and_a_plural_object_starts_a_clause() -> None:
    from skillsx.compose.phrases import split_clauses

    parts = split_clauses("Ignite torches or start power supplies and strike arcs.")
    assert parts[:2] == ["Ignite torches", "start power supplies"]


def test_bare_singular_places_are_not_workplaces() -> None:
    from skillsx.compose.phrases import find_place

    assert find_place("Run tests in laboratory") == ""
    assert find_place("Assist patients in hospital") == "in hospital"
    assert find_place("Prepare food in restaurants") == "in restaurants"


def test_cut_clauses_leave_no_wh_word_or_participle() -> None:
    from skillsx.compose.phrases import clause_inside, tidy_subject

    assert clause_inside("Customers how")
    assert tidy_subject("Postoperative instructions prescribed") == "Postoperative instructions"
