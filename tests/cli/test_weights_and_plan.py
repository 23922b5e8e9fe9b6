"""The command line shows the weights behind a score and the whole plan to the next tier."""

from __future__ import annotations

import json

from factory_grader.cli import main
from factory_grader.services.examples import example_answers_path


def test_forms_show_gives_each_sub_domains_effective_weight(capsys) -> None:
    """Hand-computed: 12 equal domains; 生产 has 7 sub-domains (1/84 each), 设计 and 服务 two
    (1/24 each), every other domain one (1/12)."""
    assert main(["forms", "show", "cmmm-2020", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    weights = {s["id"]: s["effective_weights"] for s in data["subdomains"]}
    for kind in ("discrete", "process"):
        assert weights["procurement"][kind] == ["1/84"] * 5
        assert weights["product-service"][kind] == ["1/24"] * 5
        assert weights["logistics"][kind] == ["1/12"] * 5
    assert "display only" in data["weighting"]


def test_forms_show_rules_says_what_each_tier_requires_and_where_it_comes_from(capsys) -> None:
    assert main(["forms", "show", "hainan-2025", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    basic = next(t for t in data["tiers"] if t["id"] == "basic")
    # 基础级 covers 生产作业: its item there, Hainan's two tier-wide items (核心数据实时采集,
    # 生产经营管理信息化) and the results item
    assert basic["required_conditions"] == [
        "basic.core-data-realtime",
        "basic.management-informatisation",
        "basic.key-equipment",
        "basic.results",
    ]
    assert "basic.digital-design" in basic["optional_conditions"]
    labels = {c["id"]: c["provenance"]["label"] for c in data["conditions"]}
    assert labels["elig.tax-clearance"] == "依据：海南省通知"
    assert labels["basic.key-equipment"] == "依据：国家要素条件（公开转载）"
    assert data["ladder_provenance"]["label"] == "依据：海南省工作方案"
    assert data["content_links_provenance"]["label"] == "本软件的理解"


def test_score_prints_the_path_to_the_next_tier(capsys) -> None:
    """The example factory is 基础级; 先进级 also needs a built 运营管理 scenario and five items."""
    assert main(["score", str(example_answers_path())]) == 0
    out = capsys.readouterr().out
    assert "达到先进级的路径:" in out
    assert "1. 场景：“运营管理”环节还需建成 1 个典型场景，可选：智能经营决策" in out
    assert "条件：建设数字化供应链" in out
    assert main(["score", str(example_answers_path()), "--json"]) == 0
    plan = json.loads(capsys.readouterr().out)["plan_to_next_tier"]
    assert plan["tier"] == "advanced"
    assert [x["link"] for x in plan["links"]] == ["operations-management"]
    assert "advanced.digital-supply-chain" in plan["conditions"]
    assert plan["requirements"] == []  # 二级 already: the questionnaire does not block
