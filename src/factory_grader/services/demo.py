"""Synthetic submission workbooks for demonstrations, tests and benchmarks (`demo` command).

Factories are spread over Hainan's cities and counties and the GB/T 4754 manufacturing
divisions; maturity levels follow the national self-assessment statistics (domain-facts §5:
≤一级 63 %, 二级 21 %, 三级 12 %, ≥四级 4 %); some leave answers out, some apply for a tier above
the one they reach, and a few appear twice (an older and a newer revision). Every file is a
real export. Each factory is drawn from its own seeded generator, so the same seed gives the
same files however the work is split across processes.
"""

from __future__ import annotations

import multiprocessing
import os
import random
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from factory_grader.domain.answers import Answers, ScenarioAnswer
from factory_grader.domain.credit_code import ALPHABET, check_character
from factory_grader.domain.errors import InputError
from factory_grader.domain.maturity_model import Grade, IndustryType
from factory_grader.forms.library import FormLibrary, shared_library
from factory_grader.forms.reference import load_profile_lists
from factory_grader.services.scoring_service import score_answers
from factory_grader.services.submission import build_submission, export_workbook

RULES = "hainan-2025"
#: Target maturity level -> share of factories (未达一级 and 一级 together are the 63 %).
LEVEL_SHARES = ((0, 0.13), (1, 0.50), (2, 0.21), (3, 0.12), (4, 0.03), (5, 0.01))
SIZES = (("大型", 0.08), ("中型", 0.27), ("小型", 0.45), ("微型", 0.20))
NAME_WORDS = (
    "椰岛",
    "海澄",
    "南洋",
    "琼华",
    "鹿城",
    "万泉",
    "椰风",
    "博鳌",
    "五指山",
    "天涯",
    "金江",
    "临高",
    "洋浦",
    "海蓝",
    "红树林",
    "热带",
    "海垦",
    "凤凰",
    "南渡江",
    "琼海",
)
NAME_TRADES = (
    "智能装备",
    "食品",
    "新材料",
    "生物医药",
    "电子科技",
    "精细化工",
    "汽车零部件",
    "包装",
    "纺织",
    "能源科技",
    "农产品加工",
    "橡胶制品",
    "建材",
    "医疗器械",
)
DUPLICATE_SHARE = 0.03  # factories that appear with an older and a newer revision
START = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class DemoFile:
    path: Path
    credit_code: str
    revision: int


def _weighted(rng: random.Random, table: tuple[tuple[object, float], ...]) -> object:
    return rng.choices([v for v, _ in table], [w for _, w in table])[0]


def credit_code(rng: random.Random) -> str:
    division = "46" + rng.choice(
        (
            "0100",
            "0200",
            "0300",
            "0400",
            "9001",
            "9002",
            "9005",
            "9006",
            "9007",
            "9022",
            "9023",
            "9024",
            "9025",
            "9026",
        )
    )
    body = "91" + division + "".join(rng.choice(ALPHABET) for _ in range(9))
    return body + check_character(body)


def _grade(rng: random.Random, level: int, target: int) -> Grade:
    if level <= target:
        return rng.choices((Grade.FULL, Grade.MOST, Grade.PARTIAL), (0.6, 0.36, 0.04))[0]
    if level == target + 1:
        return rng.choices((Grade.MOST, Grade.PARTIAL, Grade.NONE), (0.25, 0.4, 0.35))[0]
    return rng.choices((Grade.PARTIAL, Grade.NONE), (0.15, 0.85))[0]


def demo_answers(library: FormLibrary, rng: random.Random) -> Answers:
    form = library.maturity("cmmm-2020")
    rules = library.rules(RULES)
    catalogue = library.catalogue(rules.scenarios_id)
    lists = load_profile_lists()
    target = int(_weighted(rng, LEVEL_SHARES))  # type: ignore[call-overload]
    industry = rng.choice(lists.industries)
    city = rng.choice(lists.cities)
    kind = IndustryType.PROCESS if rng.random() < 0.3 else IndustryType.DISCRETE
    missing = rng.uniform(0.05, 0.3) if rng.random() < 0.12 else 0.0
    requirements: dict[str, Grade | None] = {}
    for r in form.requirements:
        if rng.random() < missing:
            requirements[r.id] = None
        elif rng.random() < 0.03:
            requirements[r.id] = Grade.NA
        else:
            requirements[r.id] = _grade(rng, r.level, target)
    # The tier a factory has built for: what its level allows, sometimes one lower.
    tiers = [t for t in rules.tiers if t.min_level <= max(target, 0)]
    if tiers and rng.random() < 0.3:
        tiers = tiers[:-1]
    aim = tiers[-1] if tiers else None
    by_link: dict[str, list[str]] = {}
    for s in catalogue.scenarios:
        by_link.setdefault(catalogue.link_of(s), []).append(s.id)
    built = {rng.choice(by_link[link]) for link in (aim.required_links if aim else ())}
    extra = max(0, int(rng.gauss(1 + target * 3, 2)))
    built |= set(rng.sample([s.id for s in catalogue.scenarios], min(extra, 40)))
    share = (aim.ai_share_min_percent / 100 if aim else 0.0) + rng.uniform(0.0, 0.2)
    with_ai = set(rng.sample(sorted(built), min(len(built), round(len(built) * share + 0.49))))
    scenarios = {
        sid: ScenarioAnswer(True, sid in with_ai, f"已建成{rng.randint(1, 9)}条示范线")
        for sid in sorted(built)
    }
    done = {cid for t in tiers for cid in t.condition_ids}
    eligible = rng.random() < 0.92
    conditions = {
        c.id: (eligible if c.id in rules.eligibility_ids else c.id in done or rng.random() < 0.1)
        for c in rules.conditions
        if rng.random() > missing
    }
    name = f"海南{rng.choice(NAME_WORDS)}{rng.choice(NAME_TRADES)}有限公司"
    profile = {
        "name": name,
        "credit_code": credit_code(rng),
        "address": f"海南省{city.name.zh}{rng.choice(NAME_WORDS)}路{rng.randint(1, 399)}号",
        "city": city.name.zh,
        "city_code": city.code,
        "industry": industry.name.zh,
        "industry_code": industry.code,
        "size": str(_weighted(rng, SIZES)),
        "employees": str(rng.randint(20, 3000)),
        "contact": rng.choice(("王", "李", "陈", "林", "符", "吴")) + rng.choice(("工", "经理")),
        "phone": f"0898-{rng.randint(60000000, 69999999)}",
    }
    return Answers(form.id, rules.id, kind, profile, requirements, scenarios, conditions)


def _claim(library: FormLibrary, rng: random.Random, reached: str | None) -> str | None:
    tiers = [t.id for t in library.rules(RULES).tiers]
    draw = rng.random()
    if draw < 0.05:
        return None
    if draw < 0.2:  # applies for the tier above the one reached
        above = tiers.index(reached) + 1 if reached else 0
        return tiers[min(above, len(tiers) - 1)]
    return reached


def write_demo_file(index: int, seed: int, folder: Path) -> list[DemoFile]:
    """Factory `index` of a demo set: one workbook, or two revisions for a duplicate."""
    library = shared_library()
    rng = random.Random(f"{seed}:{index}")
    answers = demo_answers(library, rng)
    revisions = (1, 2) if rng.random() < DUPLICATE_SHARE else (1,)
    written = []
    code = answers.profile["credit_code"]
    for revision in revisions:
        version = answers
        if revision < revisions[-1]:  # the older revision had a little less done
            version = answers.with_grades(
                {rid: Grade.PARTIAL for rid in list(answers.requirements)[:20]}
            )
        result = score_answers(library, version)
        submission = build_submission(
            library,
            version,
            claimed_tier=_claim(library, rng, result.tier.tier),
            assessment_id=index + 1,
            revision=revision,
            exported_at=START + timedelta(minutes=index * 7 + revision * 60 * 24),
            result=result,
        )
        path = folder / f"{index + 1:05d}-{code}-r{revision}.xlsx"
        export_workbook(submission, path)
        written.append(DemoFile(path, code, revision))
    return written


def _write_range(start: int, stop: int, seed: int, folder: str) -> list[DemoFile]:
    return [f for i in range(start, stop) for f in write_demo_file(i, seed, Path(folder))]


def write_demo_set(
    count: int,
    folder: Path,
    seed: int = 1,
    workers: int | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> list[DemoFile]:
    """`count` factories as workbooks in `folder` (created if needed), across the cores."""
    if count < 1:
        raise InputError("demo: --count must be at least 1")
    if folder.exists() and not folder.is_dir():
        raise InputError(f"{folder}: exists and is not a folder")
    folder.mkdir(parents=True, exist_ok=True)
    workers = max(1, min(workers or os.cpu_count() or 1, count // 20 or 1))
    files: list[DemoFile] = []
    if workers == 1:
        for i in range(count):
            files += write_demo_file(i, seed, folder)
            if on_progress:
                on_progress(i + 1)
        return files
    step = 25
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        jobs = [
            pool.submit(_write_range, start, min(start + step, count), seed, str(folder))
            for start in range(0, count, step)
        ]
        done = 0
        for job in jobs:
            batch = job.result()
            files += batch
            done = min(count, done + step)
            if on_progress:
                on_progress(done)
    return files
