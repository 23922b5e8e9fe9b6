import pytest

from factory_grader.scoring.rounding import format_hundredths, parse_hundredths, to_hundredths


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.8, 80),
        (0.7999999999999999, 80),
        (0.799, 79),
        (2.65, 265),
        (0.0, 0),
        (5.0, 500),
        (0.1 + 0.2, 30),
        (1 / 3, 33),
        (0.6666, 66),
    ],
)
def test_truncates_to_hundredths_absorbing_float_noise(value: float, expected: int) -> None:
    assert to_hundredths(value) == expected


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
