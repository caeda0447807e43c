"""Occupation title search over a few dozen O*NET occupations cut from the 30.1 release."""

from __future__ import annotations

import csv
import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest

import skillsx.search
from skillsx.config import Settings
from skillsx.search import SearchHit, TitleIndex, TitleRecord
from skillsx.search.normalise import analyse, fold, normalise, stem, tokenise

RELEASE = Path("onet") / "db_30_1_text"

# The occupations the example queries aim at, and neighbours that compete for them.
SOCS = frozenset(
    {
        "11-1011.00",  # Chief Executives
        "11-2011.00",  # Advertising and Promotions Managers ("Account Executive")
        "11-2022.00",  # Sales Managers
        "11-3021.00",  # Computer and Information Systems Managers
        "15-1252.00",  # Software Developers
        "15-1253.00",  # Software Quality Assurance Analysts and Testers
        "15-1254.00",  # Web Developers
        "25-2021.00",  # Elementary School Teachers, Except Special Education
        "25-2056.00",  # Special Education Teachers, Elementary School
        "29-1141.00",  # Registered Nurses
        "29-1141.01",  # Acute Care Nurses
        "29-1171.00",  # Nurse Practitioners
        "29-1292.00",  # Dental Hygienists
        "29-2042.00",  # Emergency Medical Technicians
        "29-2043.00",  # Paramedics
        "29-2061.00",  # Licensed Practical and Licensed Vocational Nurses
        "31-1131.00",  # Nursing Assistants
        "41-1011.00",  # First-Line Supervisors of Retail Sales Workers
        "41-2031.00",  # Retail Salespersons
        "41-4012.00",  # Sales Representatives, Wholesale and Manufacturing, ...
        "43-6014.00",  # Secretaries and Administrative Assistants, ...
        "47-2011.00",  # Boilermakers
        "47-2111.00",  # Electricians
        "49-9021.00",  # Heating, Air Conditioning, and Refrigeration Mechanics ...
        "51-4121.00",  # Welders, Cutters, Solderers, and Brazers
        "51-4122.00",  # Welding, Soldering, and Brazing Machine Setters, ...
        "53-3032.00",  # Heavy and Tractor-Trailer Truck Drivers
        "53-7051.00",  # Industrial Truck and Tractor Operators
    }
)


def data_dir() -> Path:
    """Return ``SKILLSX_DATA`` or the shared data folder beside the project."""
    configured = Settings.from_env().data_dir
    return configured or Path(__file__).resolve().parents[1].parent / "shared" / "data"


def read_rows(name: str) -> Iterator[dict[str, str]]:
    path = data_dir() / RELEASE / name
    assert path.is_file(), f"{path} is missing: set SKILLSX_DATA to the shared data folder."
    with path.open(newline="", encoding="utf-8") as handle:
        yield from csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


def cut_records() -> list[TitleRecord]:
    """Every title-like record of the occupations in ``SOCS``."""
    records = [
        TitleRecord(row["O*NET-SOC Code"], row["Title"], "title")
        for row in read_rows("Occupation Data.txt")
        if row["O*NET-SOC Code"] in SOCS
    ]
    for row in read_rows("Alternate Titles.txt"):
        if row["O*NET-SOC Code"] in SOCS:
            records.append(TitleRecord(row["O*NET-SOC Code"], row["Alternate Title"], "alternate"))
            if row["Short Title"] != "n/a":
                records.append(TitleRecord(row["O*NET-SOC Code"], row["Short Title"], "short"))
    records.extend(
        TitleRecord(row["O*NET-SOC Code"], row["Reported Job Title"], "reported")
        for row in read_rows("Sample of Reported Titles.txt")
        if row["O*NET-SOC Code"] in SOCS
    )
    return records


@pytest.fixture(scope="module")
def records() -> list[TitleRecord]:
    return cut_records()


@pytest.fixture(scope="module")
def index(records: list[TitleRecord]) -> TitleIndex:
    return TitleIndex.build(records)


def top(index: TitleIndex, q: str) -> tuple[str, str]:
    hits = index.search(q, 1)
    assert hits, f"no hit for {q!r}"
    return hits[0].soc, hits[0].matched


# ---------------------------------------------------------------- public surface


def test_public_names() -> None:
    assert skillsx.search.__all__ == ["SearchHit", "TitleIndex", "TitleRecord"]


def test_records_cut_from_the_release(records: list[TitleRecord], index: TitleIndex) -> None:
    assert {r.soc for r in records} == SOCS
    assert len(index) == len(records)
    assert sum(r.kind == "title" for r in records) == len(SOCS)


# ---------------------------------------------------------------- normalisation


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("Sr. Sales Mgr", ("senior", "sale", "manager")),
        ("Registered Nurse (RN)", ("registered", "nurse")),
        ("RNs", ("registered", "nurse")),
        ("CEO (Chief Executive Officer)", ("chief", "executive", "officer")),
        (
            "Elementary School Teachers, Except Special Education",
            ("elementary", "school", "teacher"),
        ),
        ("Managers, All Other", ("manager",)),
        ("Secretaries and Administrative Assistants", ("secretary", "administrator", "assistant")),
        ("R&D Engineer", ("research", "development", "engineer")),
        ("E & I Technician", ("e", "i", "technician")),
        ("Driver's Helper", ("driver", "helper")),
        ("U.S. Senator", ("us", "senator")),
        ("Foremen", ("foreman",)),
        ("Foreperson", ("foreman",)),
        ("Forewomen", ("foreman",)),
        ("Salespersons", ("salesman",)),
        ("Delivery Person", ("delivery", "person")),  # only a compound folds
        ("HVAC tech", ("heating", "ventilation", "air", "conditioning", "technician")),
        ("  ", ()),
        ("of the and", ()),
    ],
)
def test_normalise(text: str, terms: tuple[str, ...]) -> None:
    assert normalise(text) == terms


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Pre-School Director", "preschool director"),
        ("Pre School Director", "Preschool Director"),
        ("X-Ray Tech", "x ray technician"),
        ("Xray Techs", "X-Ray Technicians"),
        ("Welder Fitter", "fitter, welder"),
        ("PÂTISSIER", "patissier"),
    ],
)
def test_normalise_agrees(one: str, other: str) -> None:
    assert set(normalise(one)) == set(normalise(other))


@pytest.mark.parametrize(
    ("word", "stemmed"),
    [
        ("nurses", "nurse"),
        ("secretaries", "secretary"),
        ("boxes", "box"),
        ("coaches", "coach"),
        ("classes", "class"),
        ("attorneys", "attorney"),
        ("salesmen", "salesman"),
        ("business", "business"),
        ("analysis", "analysis"),
        ("status", "status"),
        ("series", "series"),
        ("gas", "gas"),
        ("911s", "911s"),
    ],
)
def test_stem(word: str, stemmed: str) -> None:
    assert stem(word) == stemmed


def test_fold_and_tokenise() -> None:
    assert fold("Crème Brûlée Chef's") == "creme brulee chefs"
    assert tokenise("Post-Op RN, E-Commerce") == ["postop", "rn", "ecommerce"]
    assert tokenise("Teachers, Except Special Education") == ["teachers"]


def test_analyse_heads() -> None:
    assert analyse("Welders, Cutters, Solderers, and Brazers").heads == frozenset(
        {"welder", "cutter", "solderer", "brazer"}
    )
    assert analyse("Heat and Frost Insulator Helper").head == "helper"
    assert analyse("RN (Registered Nurse)").head == "nurse"
    assert analyse("TA (Teacher Assistant)").head == "ta"
    assert analyse("").head is None


# ---------------------------------------------------------------- search


@pytest.mark.parametrize(
    ("q", "soc", "matched"),
    [
        ("account exec", "11-2011.00", "Account Executive"),
        ("Account Executive", "11-2011.00", "Account Executive"),
        ("RN", "29-1141.00", "Registered Nurses"),
        ("registered nurses", "29-1141.00", "Registered Nurses"),
        ("welder fitter", "51-4121.00", "Welder Fitter"),
        ("sales mgr", "11-2022.00", "Sales Managers"),
        ("sofware developer", "15-1252.00", "Software Developers"),
    ],
)
def test_examples(index: TitleIndex, q: str, soc: str, matched: str) -> None:
    assert top(index, q) == (soc, matched)


def test_exact_title_wins(index: TitleIndex) -> None:
    hits = index.search("Registered Nurses", 3)
    assert hits[0] == SearchHit("29-1141.00", "Registered Nurses", 1.162389, "Registered Nurses")
    assert [h.soc for h in hits[1:]] == ["29-1141.01", "29-1171.00"]
    assert hits[0].score > hits[1].score > hits[2].score


@pytest.mark.parametrize(
    ("q", "soc", "matched"),
    [
        ("LPN", "29-2061.00", "Licensed Practical Nurse (LPN)"),
        ("CNA", "31-1131.00", "Certified Nursing Assistant (CNA)"),
        ("EMT", "29-2042.00", "Emergency Medical Technicians"),
        (
            "HVAC tech",
            "49-9021.00",
            "HVAC Tech (Heating, Ventilation, and Air Conditioning Technician)",
        ),
        ("CEO", "11-1011.00", "CEO (Chief Executive Officer)"),
        ("IT manager", "11-3021.00", "Information Technology Manager (IT Manager)"),
        ("QA engineer", "15-1253.00", "Quality Assurance Engineer (QA Engineer)"),
        ("admin asst", "43-6014.00", "Administrative Assistant (Admin Assistant)"),
        ("web dev", "15-1254.00", "Web Developers"),
        ("sr software eng", "15-1252.00", "Software Engineer"),
    ],
)
def test_abbreviations(index: TitleIndex, q: str, soc: str, matched: str) -> None:
    assert top(index, q) == (soc, matched)


@pytest.mark.parametrize(
    ("q", "soc", "matched"),
    [
        ("registred nurse", "29-1141.00", "Registered Nurses"),
        ("electritian", "47-2111.00", "Electricians"),
        ("dental hygenist", "29-1292.00", "Dental Hygienists"),
        ("paramedc", "29-2043.00", "Paramedics"),
    ],
)
def test_typos(index: TitleIndex, q: str, soc: str, matched: str) -> None:
    assert top(index, q) == (soc, matched)


@pytest.mark.parametrize(
    ("q", "soc", "matched"),
    [
        ("welders", "51-4121.00", "Welder"),
        ("truck drivers", "53-3032.00", "Truck Driver"),
        ("electrician", "47-2111.00", "Electricians"),
        ("software developers", "15-1252.00", "Software Developers"),
    ],
)
def test_plurals(index: TitleIndex, q: str, soc: str, matched: str) -> None:
    assert top(index, q) == (soc, matched)


@pytest.mark.parametrize(
    ("q", "reordered"),
    [
        ("sales manager", "manager sales"),
        ("welder fitter", "fitter welder"),
        ("registered nurse", "nurse registered"),
    ],
)
def test_word_order(index: TitleIndex, q: str, reordered: str) -> None:
    assert top(index, reordered) == top(index, q)


@pytest.mark.parametrize(
    ("q", "soc", "matched"),
    [
        # "Salesperson" and "Salesman" normalise alike: one document, the first text shown.
        ("sales person", "41-2031.00", "Salesman"),
        ("fork lift operator", "53-7051.00", "Forklift Operator"),
    ],
)
def test_words_written_apart(index: TitleIndex, q: str, soc: str, matched: str) -> None:
    assert top(index, q) == (soc, matched)


@pytest.mark.parametrize("q", ["", "   ", "\t\n", "--", "(and) of the"])
def test_empty_query(index: TitleIndex, q: str) -> None:
    assert index.search(q) == []


def test_nothing_matches(index: TitleIndex) -> None:
    assert index.search("zzzzqqq") == []


def test_limit(index: TitleIndex) -> None:
    assert len(index.search("technician")) == 10
    assert len(index.search("technician", 12)) == 12
    assert index.search("technician", 3) == index.search("technician")[:3]
    assert index.search("technician", 0) == []
    assert index.search("technician", -1) == []


@pytest.mark.parametrize("q", ["technician", "specialist", "tech"])
def test_a_longer_search_starts_with_the_shorter_one(index: TitleIndex, q: str) -> None:
    # The second stage reorders only the first ten, so the site's 20 and the API's 10
    # agree, and scores never rise down the list.
    longest = index.search(q, 50)
    assert len(longest) > 10
    for limit in (1, 3, 10, 20):
        assert index.search(q, limit) == longest[:limit]
    scores = [h.score for h in longest]
    assert scores == sorted(scores, reverse=True)


def test_one_hit_per_soc(index: TitleIndex) -> None:
    hits = index.search("nurse", 50)
    assert len(hits) == len({h.soc for h in hits}) == 6
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_title_is_the_official_title(index: TitleIndex) -> None:
    hit = index.search("forklift driver", 1)[0]
    assert (hit.soc, hit.title, hit.matched) == (
        "53-7051.00",
        "Industrial Truck and Tractor Operators",
        "Forklift Driver",
    )


# ---------------------------------------------------------------- records from anywhere


def test_records_from_any_iterable() -> None:
    records = (
        TitleRecord(soc, text, kind)
        for soc, text, kind in [
            ("1", "Zookeepers", "title"),
            ("1", "Animal Feeder", "alternate"),
            ("2", "Groundskeepers", "title"),
            ("2", "Feed and water animals in the park.", "task"),
            ("3", "Park Rangers", "title"),
        ]
    )
    index = TitleIndex.build(records)
    assert len(index) == 5
    # A title holding the query's words beats task text holding them too ...
    assert [(h.soc, h.title, h.matched) for h in index.search("animal feeders")] == [
        ("1", "Zookeepers", "Animal Feeder"),
        ("2", "Groundskeepers", "Feed and water animals in the park."),
    ]
    # ... and for a title-like query, even one that holds only some of the words ...
    assert [(h.soc, h.matched) for h in index.search("water animals")] == [
        ("1", "Animal Feeder"),
        ("2", "Feed and water animals in the park."),
    ]
    # ... but task text finds what no title says.
    assert [(h.soc, h.matched) for h in index.search("feed water")] == [
        ("2", "Feed and water animals in the park."),
    ]


def test_title_falls_back_to_matched_text() -> None:
    index = TitleIndex.build([TitleRecord("9", "Wind Turbine Tech", "reported")])
    assert index.search("wind turbine technician") == [
        # match 0.686061, + 0.06 (both words in its titles) + 0.015 * ln 2 (same head word)
        SearchHit("9", "Wind Turbine Tech", 0.756458, "Wind Turbine Tech")
    ]


def test_unknown_kind() -> None:
    record = TitleRecord("1", "Welder", "job")  # type: ignore[arg-type]
    with pytest.raises(ValueError) as error:
        TitleIndex.build([record])
    assert str(error.value) == (
        'TitleRecord 1 "Welder": kind "job" is not one of'
        " title, reported, alternate, short, task, statement."
    )


def test_empty_index() -> None:
    assert TitleIndex.build([]).search("welder") == []


@pytest.mark.parametrize(
    ("q", "soc"),
    [
        ("warehose worker", "1"),  # one edit from a known word, though "ware hose" splits
        ("bandmill operator", "4"),  # an unknown word split into two known ones
        ("sales person", "6"),  # two words that are one known word together
        ("mainten worker", "8"),  # the start of a known word
        ("cytopathologist", "9"),  # ends in a known word: a kind of pathologist
        ("geodesist", "10"),  # nothing near: the word sharing its longest beginning
    ],
)
def test_unknown_words(q: str, soc: str) -> None:
    index = TitleIndex.build(
        TitleRecord(soc, text, "title")
        for soc, text in [
            ("1", "Warehouse Workers"),
            ("2", "Hose Menders"),
            ("3", "Ware Packers"),
            ("4", "Band Mill Operators"),
            ("5", "Mill Operators"),
            ("6", "Salespersons"),
            ("7", "Sales Clerks"),
            ("8", "Maintenance Workers"),
            ("9", "Pathologists"),
            ("10", "Geodetic Surveyors"),
            ("11", "Surveyors"),
        ]
    )
    assert index.search(q, 1)[0].soc == soc


def test_a_word_sharing_too_little_finds_nothing() -> None:
    index = TitleIndex.build([TitleRecord("1", "Geodetic Surveyors", "title")])
    assert index.search("geologist", 1) == []  # "geo" is shorter than STEM_MIN


def test_all_other_loses_to_a_named_occupation() -> None:
    index = TitleIndex.build(
        [
            TitleRecord("17-2199.00", "Engineers, All Other", "title"),
            TitleRecord("17-2141.00", "Mechanical Engineers", "title"),
            TitleRecord("17-2141.00", "Engineer", "alternate"),
        ]
    )
    # "Engineers, All Other" is the official title with exactly the query's words, but
    # a residual occupation is the last place someone typing "engineer" means.
    assert [h.soc for h in index.search("engineer")] == ["17-2141.00", "17-2199.00"]


def test_task_text_breaks_a_tie_between_titles() -> None:
    index = TitleIndex.build(
        [
            TitleRecord("1", "Technician", "title"),
            TitleRecord("1", "Calibrate meters and gauges.", "task"),
            TitleRecord("2", "Technician", "title"),
            TitleRecord("2", "Repair pumps and valves.", "task"),
        ]
    )
    assert [h.soc for h in index.search("technician")] == ["1", "2"]  # a tie: lower code
    assert [h.soc for h in index.search("pump technician")] == ["2", "1"]


def test_round_trip_through_bytes(index: TitleIndex) -> None:
    again = TitleIndex.from_bytes(index.to_bytes())
    assert len(again) == len(index)
    for q in ("registred nurse", "sales mgr", "welder fitter", "HVAC tech", "mainten"):
        assert again.search(q) == index.search(q)


def test_from_bytes_refuses_other_data() -> None:
    with pytest.raises(ValueError) as error:
        TitleIndex.from_bytes(pickle.dumps({"not": "an index"}))
    assert str(error.value) == "These bytes do not hold a TitleIndex."


def test_listed_under_names_every_occupation_with_exactly_those_words() -> None:
    index = TitleIndex.build(
        [
            TitleRecord("1", "Project Engineer", "alternate"),
            TitleRecord("2", "Project Engineers", "reported"),
            TitleRecord("3", "Senior Project Engineer", "alternate"),
            TitleRecord("4", "Manage the project engineer's schedule.", "task"),
        ]
    )
    assert index.listed_under("project engineer") == ["1", "2"]
    assert index.listed_under("Project Engr") == ["1", "2"]  # abbreviations normalise
    assert index.listed_under("projet engineer") == []  # typos do not count
    assert index.listed_under("") == []


# ---------------------------------------------------------------- rules (rules.py)


def _groups_index() -> TitleIndex:
    return TitleIndex.build(
        TitleRecord(soc, text, kind)
        for soc, text, kind in [
            ("35-1011.00", "Chefs and Head Cooks", "title"),
            (
                "35-1012.00",
                "First-Line Supervisors of Food Preparation and Serving Workers",
                "title",
            ),
            ("35-3031.00", "Waiters and Waitresses", "title"),
            ("35-3031.00", "Waiter", "alternate"),
            ("15-1252.00", "Software Developers", "title"),
            ("47-2111.00", "Electricians", "title"),
            ("47-3013.00", "Helpers--Electricians", "title"),
            ("47-3013.00", "Electrician Apprentice", "alternate"),
            ("47-3019.00", "Helpers, Construction Trades, All Other", "title"),
            ("29-1141.00", "Registered Nurses", "title"),
            ("31-9099.02", "Endoscopy Technicians", "title"),
            ("31-9099.02", "Endoscopy Nurse Technician", "alternate"),
            ("47-5049.00", "Underground Mining Machine Operators, All Other", "title"),
            ("47-5049.00", "Lead Miner", "alternate"),
            ("47-5041.00", "Continuous Mining Machine Operators", "title"),
            ("47-5041.00", "Miner", "alternate"),
        ]
    )


@pytest.mark.parametrize(
    ("q", "socs"),
    [
        # 35 has first-line supervisors: the one of the waiters' work, then the waiters.
        ("Head Waiter", ["35-1012.00", "35-3031.00"]),
        ("Waiter Supervisor", ["35-1012.00", "35-3031.00"]),
        # 15 has none: the SOC classifies a lead developer with the developers.
        ("Lead Software Developer", ["15-1252.00"]),
        # The trade being learnt, then its helpers, though O*NET lists it with helpers.
        ("Electrician Apprentice", ["47-2111.00", "47-3013.00"]),
        # A listed title stays where O*NET lists it, even under an "All Other".
        ("Lead Miner", ["47-5049.00"]),
        # The ending "Registered Nurse" is an official title: it names the occupation.
        ("Endoscopy Registered Nurse", ["29-1141.00"]),
    ],
)
def test_rules_on_a_small_index(q: str, socs: list[str]) -> None:
    index = _groups_index()
    assert [h.soc for h in index.search(q)][: len(socs)] == socs


def test_a_promoted_occupation_takes_the_top_score() -> None:
    hits = _groups_index().search("Head Waiter")
    assert hits[0].matched == hits[0].title  # shown by its official title, which the rule read
    assert hits[0].score == hits[1].score
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)


def test_rules_need_soc_codes() -> None:
    # Codes that are not SOC codes have no groups: supervisory words are just words.
    index = TitleIndex.build(
        [
            TitleRecord("1", "Waiters", "title"),
            TitleRecord("2", "First-Line Supervisors of Waiters", "title"),
        ]
    )
    assert [h.soc for h in index.search("Head Waiter")] == ["1", "2"]
