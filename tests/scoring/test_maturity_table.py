"""Hand-computed cases for the maturity rule (domain-facts §5). Each level of the small form has
10 requirements per sub-domain, so a level's mean is the sum of grade values / 10."""

from __future__ import annotations

import pytest

from factory_grader.domain.maturity_model import IndustryType
from factory_grader.scoring.maturity import level_for_score, score_maturity, total_from_levels
from tests.conftest import NA, F, M, N, P, grades_for_means, small_form

D = IndustryType.DISCRETE
ALL_FULL = [F] * 10
NOTHING = [N] * 10
MEAN_079 = [F] * 5 + [M] * 3 + [P] + [N]  # 5 + 2.4 + 0.5 = 7.9
MEAN_080 = [F] * 8 + [N] * 2
MEAN_065 = [F] * 6 + [P] + [N] * 3
MEAN_055 = [F] * 5 + [P] + [N] * 4
MEAN_020 = [F] * 2 + [N] * 8


@pytest.mark.parametrize(
    ("levels", "score", "level", "stop"),
    [
        pytest.param([MEAN_079], 79, 0, 1, id="S=0.79 below level 1"),
        pytest.param([MEAN_080, NOTHING], 80, 1, 2, id="S=0.80 level 1"),
        pytest.param([ALL_FULL, MEAN_079], 179, 1, 2, id="S=1.79 level 1"),
        pytest.param([ALL_FULL, MEAN_080, NOTHING], 180, 2, 3, id="S=1.80 level 2"),
        pytest.param([ALL_FULL] * 4 + [MEAN_080], 480, 5, None, id="S=4.80 level 5"),
        pytest.param([ALL_FULL] * 4 + [MEAN_079], 479, 4, 5, id="S=4.79 level 4"),
        pytest.param([ALL_FULL] * 5, 500, 5, None, id="S=5.00 level 5"),
        pytest.param(
            [ALL_FULL, ALL_FULL, MEAN_065, MEAN_020, NOTHING],
            265,
            2,
            3,
            id="published 2.65 -> 二级",
        ),
        pytest.param(
            [ALL_FULL, ALL_FULL, ALL_FULL, MEAN_055, MEAN_080],
            355,
            3,
            4,
            id="published 3.55 -> 三级",
        ),
        pytest.param(
            [ALL_FULL, [F] * 5 + [N] * 5, ALL_FULL, ALL_FULL, ALL_FULL],
            150,
            1,
            2,
            id="stops at the first level below 0.8",
        ),
    ],
)
def test_level_table(levels: list, score: int, level: int, stop: int | None) -> None:
    form = small_form()
    result = score_maturity(form, D, grades_for_means(*levels))
    assert result.score_hundredths == score
    assert result.level == level
    assert result.stop_level == stop
    counted = [ls.level for ls in result.level_scores if ls.counted]
    assert counted == list(range(1, (stop or 5) + 1))


def test_levels_above_the_stop_add_nothing() -> None:
    form = small_form()
    low = score_maturity(form, D, grades_for_means(ALL_FULL, MEAN_065, NOTHING, NOTHING))
    high = score_maturity(form, D, grades_for_means(ALL_FULL, MEAN_065, ALL_FULL, ALL_FULL))
    assert low.score_hundredths == high.score_hundredths == 165
    assert high.level_scores[2].hundredths == 100 and not high.level_scores[2].counted


@pytest.mark.parametrize(
    ("raws", "expected"),
    [
        ((1, 1, 0.65, 0.2, 0), (2.65, 3)),
        ((1, 1, 1, 0.55, 0.9), (3.55, 4)),
        ((1, 1, 1, 1, 1), (5.0, None)),
        ((0.5, 1, 1, 1, 1), (0.5, 1)),
        # the case: A1 = 179/180, A2 = 145/180, exact S = 1.80 (not 0.99 + 0.80 = 1.79)
        ((179 / 180, 145 / 180, 0.1, 0, 0), (179 / 180 + 145 / 180 + 0.1, 3)),
    ],
)
def test_total_from_levels(raws: tuple, expected: tuple) -> None:
    total, stop = total_from_levels(raws, 80)
    assert total == pytest.approx(expected[0]) and stop == expected[1]


@pytest.mark.parametrize(
    ("score", "level"),
    [
        (0, 0),
        (79, 0),
        (80, 1),
        (179, 1),
        (180, 2),
        (279, 2),
        (280, 3),
        (355, 3),
        (371, 3),
        (379, 3),
        (380, 4),
        (479, 4),
        (480, 5),
        (500, 5),
        (215, 2),
    ],
)
def test_bands(score: int, level: int) -> None:
    assert level_for_score(small_form(), score / 100) == level
    # a hair under the edge is the band below; binary noise on the edge is the edge
    if score % 100 == 80 and score:
        assert level_for_score(small_form(), score / 100 - 1e-6) == level - 1
        assert level_for_score(small_form(), score / 100 - 1e-12) == level


def test_na_is_left_out_of_the_mean() -> None:
    form = small_form()
    result = score_maturity(form, D, grades_for_means([F] * 8 + [NA, NA]))
    assert result.level_scores[0].hundredths == 100
    assert result.subdomain_scores["s0"][0] == 1.0


def test_all_na_sub_domain_is_left_out_and_weights_rescale() -> None:
    form = small_form(sub_weights=(3.0, 1.0))
    grades = grades_for_means([P] * 10, sub="s0") | grades_for_means([F] * 10, sub="s1")
    both = score_maturity(form, D, grades)
    assert both.level_scores[0].raw == pytest.approx(0.75 * 0.5 + 0.25 * 1.0)  # 0.625
    grades |= grades_for_means([NA] * 10, sub="s1")
    only_s0 = score_maturity(form, D, grades)
    assert only_s0.level_scores[0].raw == pytest.approx(0.5)
    assert only_s0.subdomain_scores["s1"][0] is None


def test_a_level_with_nothing_scorable_scores_zero_and_is_flagged() -> None:
    form = small_form()
    result = score_maturity(form, D, grades_for_means(ALL_FULL, [NA] * 10))
    assert not result.level_scores[1].scorable
    assert result.level_scores[1].hundredths == 0
    assert result.score_hundredths == 100 and result.stop_level == 2


def test_unanswered_counts_as_none_and_is_reported() -> None:
    form = small_form()
    grades = grades_for_means([F] * 9 + [None])
    result = score_maturity(form, D, grades)
    assert result.level_scores[0].hundredths == 90
    assert "s0.L1.9" in result.unanswered
    # every requirement at levels 2-5 is missing from the answers: unanswered too
    assert len(result.unanswered) == 1 + 40


def test_requirements_of_the_other_industry_type_are_ignored() -> None:
    form = small_form(process_only=2)  # s0.L1.8 and s0.L1.9 are process-only
    grades = grades_for_means([F] * 8 + [N, N])
    assert score_maturity(form, IndustryType.DISCRETE, grades).level_scores[0].hundredths == 100
    assert score_maturity(form, IndustryType.PROCESS, grades).level_scores[0].hundredths == 80
