"""修订对比 by hand: the example (基础级, S = 2.24) against a later revision that built one
运营管理 scenario and met 先进级's 5 conditions (so 先进级), raised one requirement and changed
its contact."""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

from factory_grader.domain.answers import ScenarioAnswer
from factory_grader.domain.maturity_model import Grade
from factory_grader.forms.library import FormLibrary
from factory_grader.services.answers_file import read_answers_file
from factory_grader.services.examples import example_answers_path
from factory_grader.services.revision_diff import ChangeKind, diff_revisions

CONDITIONS = (
    "advanced.equipment-quality",
    "advanced.integrated-control",
    "advanced.data-integration",
    "advanced.digital-supply-chain",
    "advanced.results",
)


def later(library: FormLibrary):
    first = read_answers_file(example_answers_path(), library)
    second = replace(
        first.with_grades({"data.L1.01": Grade.NONE}),
        profile={**first.profile, "contact": "李示例"},
        scenarios={
            **first.scenarios,
            "smart-business-decisions": ScenarioAnswer(True, True, "上线"),
        },
        conditions={**first.conditions, **dict.fromkeys(CONDITIONS, True)},
    )
    return first, second


def test_what_changed_and_the_verdicts(library: FormLibrary) -> None:
    first, second = later(library)
    assert first.grade("data.L1.01") is Grade.MOST
    diff = diff_revisions(library, first, second, "zh")
    kinds = [c.kind for c in diff.changes]
    assert kinds.count(ChangeKind.CONDITION) == 5
    assert kinds.count(ChangeKind.SCENARIO) == 1 and kinds.count(ChangeKind.PROFILE) == 1
    assert kinds.count(ChangeKind.REQUIREMENT) == 1 and len(kinds) == 8
    profile = next(c for c in diff.changes if c.kind is ChangeKind.PROFILE)
    assert (profile.what, profile.before, profile.after) == ("企业信息：联系人", "王示例", "李示例")
    scenario = next(c for c in diff.changes if c.kind is ChangeKind.SCENARIO)
    assert (scenario.what, scenario.before, scenario.after) == (
        "智能经营决策",
        "未建成",
        "已建成，应用 AI，上线",
    )
    requirement = next(c for c in diff.changes if c.kind is ChangeKind.REQUIREMENT)
    assert requirement.what.startswith("数据 1.1 ")
    assert (requirement.before, requirement.after) == ("大部分满足", "不满足")
    condition = next(c for c in diff.changes if c.subject == "advanced.data-integration")
    assert (condition.before, condition.after) == ("未作答", "满足")
    lines = diff.verdict_lines(library, first, second, "zh")
    assert lines[1] == "成熟度等级：二级（规范级） → 二级（规范级）"
    assert lines[2] == "梯度：基础级 → 先进级"
    # 数据 is a whole domain (1/12 of A1) with 3 level-1 requirements: 0.8 → 0 on one lowers
    # A1, and so S (A1 stays over 0.80), by 0.8 / 3 / 12 = 1/45: 2.2434 → 2.2211
    drop = diff.before.maturity.score_exact - diff.after.maturity.score_exact
    assert drop == Fraction(1, 45)
    assert lines[0] == "S：2.24 → 2.22"


def test_the_same_answers_differ_in_nothing(library: FormLibrary) -> None:
    first, _ = later(library)
    diff = diff_revisions(library, first, first, "en")
    assert diff.changes == ()
    assert diff.verdict_lines(library, first, first, "en")[2] == "Tier: Basic → Basic"


def test_a_change_of_setting_is_listed(library: FormLibrary) -> None:
    """A change of industry type moves S (other requirements apply) and is named as such."""
    from factory_grader.domain.maturity_model import IndustryType

    first, _ = later(library)
    second = replace(first, industry_type=IndustryType.PROCESS)
    diff = diff_revisions(library, first, second, "zh")
    settings = [c for c in diff.changes if c.kind is ChangeKind.SETTING]
    assert [(c.what, c.before, c.after) for c in settings] == [
        ("行业类型", "离散型", "流程型")  # as 封面 names them
    ]


def test_gaps_closed_and_opened(library: FormLibrary) -> None:
    """The later revision met 先进级's five conditions (one was unanswered) and built a 运营管理
    scenario: those gaps are closed (the 运营管理 one said once, though three tiers ask it);
    the AI share and maturity stay unmet in both, so they are neither. Backwards, the same are
    opened."""
    first, second = later(library)
    closed, opened = diff_revisions(library, first, second, "zh").gap_changes(
        library, first, second, "zh"
    )
    assert closed == [
        "关键设备故障预警、关键工序在线分析、关键质量特性数字化检测",
        "生产、仓储物流、设备、质量及数字化安全、能源、环保实现一体化管控",
        "经营管理数据与生产数据集成贯通（未作答）",
        "建设数字化供应链",
        "主要技术经济指标在本省同行业领先",
        "“运营管理”环节尚无已建成的典型场景",
    ]
    assert opened == []
    closed, opened = diff_revisions(library, second, first, "zh").gap_changes(
        library, second, first, "zh"
    )
    assert closed == [] and len(opened) == 6 and "建设数字化供应链" in opened
