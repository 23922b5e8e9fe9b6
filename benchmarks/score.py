"""How fast scoring is: a complete assessment, its gap analysis, and a what-if rescore.

Prints medians (and 90th percentiles) next to a baseline measured in the same run: parsing the
same answers file with json.loads, a cost every front door pays anyway. Target (issue 2): under
5 ms each, so the GUI can rescore on every click. Figures, not pass/fail: the machine is noisy.

    .venv/bin/python benchmarks/score.py [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable

from factory_grader.domain.maturity_model import Grade
from factory_grader.forms.library import FormLibrary
from factory_grader.scoring.assess import assess, what_if
from factory_grader.scoring.gaps import analyse_gaps
from factory_grader.scoring.maturity import score_maturity
from factory_grader.scoring.tier import place_tier
from factory_grader.services.answers_file import answers_to_json, read_answers_file
from factory_grader.services.examples import example_answers_path

TARGET_MS = 5.0


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    fn()  # warm caches (the form's per-industry tree) as the app would have
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.9) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=300)
    args = parser.parse_args()

    library = FormLibrary.load()
    example = read_answers_file(example_answers_path(), library)
    # A complete assessment: every requirement answered.
    answers = example.with_grades(
        {rid: Grade.PARTIAL for rid, g in example.requirements.items() if g is None}
    )
    form = library.maturity(answers.form_id)
    rules = library.rules(answers.rules_id)
    catalogue = library.catalogue(rules.scenarios_id)
    text = json.dumps(answers_to_json(answers, library), ensure_ascii=False)
    maturity = score_maturity(form, answers.industry_type, answers.requirements)
    tier = place_tier(rules, catalogue, answers, maturity)
    click = {form.requirements[100].id: Grade.FULL}
    # A factory one level short of the next tier: the plan to it is computed too (the costliest
    # gap analysis). Levels 1–2 met, everything above 部分满足: S 2.50, 卓越级 needs 三级.
    blocked = answers.with_grades(
        {r.id: Grade.FULL if r.level <= 2 else Grade.PARTIAL for r in form.requirements}
    )

    def score() -> None:
        m = score_maturity(form, answers.industry_type, answers.requirements)
        place_tier(rules, catalogue, answers, m)

    cases = {
        "baseline: json.loads of the answers file": lambda: json.loads(text),
        "score (maturity + tier)": score,
        "gap analysis": lambda: analyse_gaps(form, rules, catalogue, answers, maturity, tier),
        "whole result, level 3 blocking (with plan)": lambda: assess(
            form, catalogue, rules, blocked
        ),
        "whole result (score + gaps)": lambda: assess(form, catalogue, rules, answers),
        "what-if after one click": lambda: what_if(form, catalogue, rules, answers, click),
    }
    print(
        f"{len(form.requirements)} requirements, {len(catalogue.scenarios)} scenarios, "
        f"{len(rules.conditions)} conditions; {args.repeat} runs each"
    )
    baseline = None
    for name, fn in cases.items():
        median, p90 = timed(fn, args.repeat)
        baseline = baseline or median
        verdict = (
            ""
            if name.startswith("baseline")
            else (f"  target < {TARGET_MS:.0f} ms: {'met' if median < TARGET_MS else 'MISSED'}")
        )
        print(
            f"{name:<42} median {median:7.3f} ms  p90 {p90:7.3f} ms  "
            f"x{median / baseline:6.1f} baseline{verdict}"
        )


if __name__ == "__main__":
    main()
