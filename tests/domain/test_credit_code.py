import pytest

from factory_grader.domain.credit_code import (
    check_character,
    credit_code_issue,
    credit_code_problem,
)


@pytest.mark.parametrize(
    "code",
    ["914403001922038216", "91440300708461136T", "91110000802100433B", "91460100MA5T1R2K7J"],
)
def test_published_codes_are_valid(code: str) -> None:
    assert credit_code_problem(code) is None
    assert check_character(code[:17]) == code[17]


@pytest.mark.parametrize(
    ("code", "problem"),
    [
        ("91440300708461136", "must have 18 characters, has 17"),
        ("91440300708461136X", "check character is X, expected T"),
        ("9144030070846113IT", "not allowed in a credit code: I"),
        ("91AB0300708461136T", "characters 3–8 must be the digits"),
    ],
)
def test_problems_are_explained(code: str, problem: str) -> None:
    assert problem in (credit_code_problem(code) or "")


def test_every_single_character_change_is_caught() -> None:
    code = "914403001922038216"
    from factory_grader.domain.credit_code import ALPHABET

    for i in range(17):
        for ch in ALPHABET:
            if ch != code[i]:
                changed = code[:i] + ch + code[i + 1 :]
                assert credit_code_problem(changed) is not None, changed


@pytest.mark.parametrize(
    ("code", "zh", "en"),
    [
        ("91460100MA5T1R2K7", "应为 18 位，现为 17 位", "must have 18 characters, has 17"),
        (
            "91460100MA5T1R2KIJ",
            "含有信用代码不允许的字符：I",
            "contains characters not allowed in a credit code: I",
        ),
        (
            "9146A100MA5T1R2K7J",
            "第 3–8 位应为行政区划代码的数字",
            "characters 3–8 must be the digits of an administrative division code",
        ),
        ("91460100MA5T1R2K7X", "校验位为 X，应为 J", "check character is X, expected J"),
    ],
)
def test_each_problem_is_said_in_both_languages(code: str, zh: str, en: str) -> None:
    """The Chinese UI says it in Chinese (it said 'check character is …' in English there)."""
    issue = credit_code_issue(code)
    assert issue is not None and (issue.zh, issue.en) == (zh, en)
    assert credit_code_problem(code) == en  # files and the CLI keep the English
    assert credit_code_issue("91460100MA5T1R2K7J") is None
