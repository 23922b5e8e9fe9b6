"""The in-app help files: the glossary has every term the issue names, in both languages, and
the manual has the same sections in both languages (a section added to one is added to the
other)."""

from __future__ import annotations

import re
from pathlib import Path

from factory_grader.services.help_texts import load_glossary, manual_text

RESOURCES = Path(__file__).resolve().parents[2] / "resources"


def test_the_glossary_explains_every_term_in_both_languages() -> None:
    terms = {t.id: t for t in load_glossary(RESOURCES)}
    # S, Aᵢ, 计入, the S rule, 成熟度等级, 梯度, 环节, 典型场景, 要素条件, 离散型/流程型, 不适用,
    # and what separates 全部 / 大部分 / 部分满足
    wanted = {"S", "A", "counted", "rule", "level", "tier", "link", "scenario", "conditions"}
    assert wanted | {"industry", "na", "grades"} <= set(terms)
    for term in terms.values():
        assert term.name.zh and term.name.en and term.explanation.zh and term.explanation.en
        assert re.search(r"[\u4e00-\u9fff]", term.explanation.zh), term.id
        assert not re.search(r"[\u4e00-\u9fff]", term.explanation.en.replace("环节", "")), term.id
    assert "食品" in terms["industry"].explanation.zh  # is a food factory 流程型? answered
    assert "food" in terms["industry"].explanation.en
    assert "2.65" in terms["rule"].explanation.zh  # the worked example: A = (1, 1, 0.65, …)


def test_the_manual_has_the_same_sections_in_both_languages() -> None:
    zh, en = manual_text(RESOURCES, "zh"), manual_text(RESOURCES, "en")
    heads_zh = re.findall(r"^## (.+)$", zh, re.M)
    heads_en = re.findall(r"^## (.+)$", en, re.M)
    assert len(heads_zh) == len(heads_en) >= 6
    assert "一次评估怎样进行" in heads_zh and "How an assessment runs" in heads_en
    # how the result is computed, the tiers in Hainan, what to send to whom
    assert {"结果是怎样算出来的", "梯度在海南是什么意思", "交给谁、交什么"} <= set(heads_zh)
    for text in (zh, en):
        assert "智能制造评估评价公共服务平台" in text  # self-assessment; official on the platform
