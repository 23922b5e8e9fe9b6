from fractions import Fraction

import pytest

from factory_grader.scoring.rounding import (
    format_gain,
    format_hundredths,
    parse_hundredths,
    reaches,
    reaches_scaled,
    shown_scaled,
    to_hundredths,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.8, 80),
        (0.7999999999999999, 80),
        (0.799, 80),  # half-up for display …
        (0.795, 80),
        (0.7949, 79),
        (2.65, 265),
        (2.675, 268),  # 2.675 is 2.67499… in binary: still rounds up
        (0.0, 0),
        (5.0, 500),
        (0.1 + 0.2, 30),
        (1 / 3, 33),
        (0.6666, 67),
        (179 / 180, 99),
        (145 / 180, 81),
    ],
)
def test_rounds_half_up_absorbing_float_noise(value: float, expected: int) -> None:
    assert to_hundredths(value) == expected


@pytest.mark.parametrize(
    ("value", "thresholds", "expected"),
    [
        (0.799, (80,), 79),  # … but never shown as passing when it fails
        (0.7999999999999999, (80,), 80),  # noise: it is 0.80 and passes
        (0.8, (80,), 80),
        (0.8049, (80,), 80),
        (2.7996, (80, 180, 280), 279),  # S shown in the band it is in
        (2.796, (80, 180, 280), 279),
        (2.794, (80, 180, 280), 279),
        (1.2, (80, 180), 120),
    ],
)
def test_never_shown_across_a_threshold_not_reached(
    value: float, thresholds: tuple, expected: int
) -> None:
    assert to_hundredths(value, thresholds) == expected


@pytest.mark.parametrize(
    ("value", "text"), [(0.0083, "0.01"), (0.0139, "0.01"), (0.004, "<0.01"), (0.125, "0.13")]
)
def test_gain_format(value: float, text: str) -> None:
    assert format_gain(value) == text


@pytest.mark.parametrize(("h", "text"), [(0, "0.00"), (5, "0.05"), (265, "2.65"), (500, "5.00")])
def test_format(h: int, text: str) -> None:
    assert format_hundredths(h) == text


@pytest.mark.parametrize(("text", "h"), [("0.80", 80), ("0.8", 80), ("5", 500), ("1.05", 105)])
def test_parse(text: str, h: int) -> None:
    assert parse_hundredths(text) == h


@pytest.mark.parametrize("bad", ["", "0.805", "-1", "a.b", "1.2.3", "1e2"])
def test_parse_rejects(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_hundredths(bad)


@pytest.mark.parametrize(
    ("value", "thresholds", "expected"),
    [
        (Fraction(7975, 10000), (80,), 79),  # exact: held under the pass mark it fails
        (Fraction(4, 5), (80,), 80),
        (Fraction(1, 200), (), 1),  # exactly half a hundredth: up
        (Fraction(2675, 1000), (), 268),
        (Fraction(2508317009, 1393509450), (80, 180, 280), 179),  # 1.7999999993: band below
        (Fraction(9, 5), (80, 180, 280), 180),
    ],
)
def test_exact_values_round_half_up_without_crossing(
    value: Fraction, thresholds: tuple, expected: int
) -> None:
    assert to_hundredths(value, thresholds) == expected
    scale = value.denominator * 7  # the same value held as an integer over another scale
    assert shown_scaled(value.numerator * 7, scale, thresholds) == expected
    for t in thresholds:
        assert (
            reaches(value, t)
            == reaches_scaled(value.numerator * 7, t, scale)
            == (value >= Fraction(t, 100))
        )
