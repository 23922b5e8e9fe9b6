"""统一社会信用代码 (unified social credit code, GB 32100-2015): 18 characters, last one a check."""

from __future__ import annotations

import unicodedata

from factory_grader.domain.text import Text

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # 31 characters: no I, O, S, V, Z
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


#: Spaces and invisible characters a copied code can carry (zero-width space, joiners, BOM …)
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)


def normalise_credit_code(text: str) -> str:
    """One spelling of a code: full-width letters and digits folded (NFKC), spaces and invisible
    characters removed, upper case. Two workbooks of one factory compare equal after this."""
    folded = unicodedata.normalize("NFKC", text).translate(_INVISIBLE)
    return "".join(folded.split()).upper()


def check_character(first17: str) -> str:
    total = sum(ALPHABET.index(ch) * w for ch, w in zip(first17, WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def credit_code_issue(code: str) -> Text | None:
    """None when valid, otherwise what is wrong, in words a user can act on, in both
    languages (the UI shows its own; files and the CLI keep the English)."""
    code = code.strip().upper()
    if len(code) != 18:
        return Text(f"应为 18 位，现为 {len(code)} 位", f"must have 18 characters, has {len(code)}")
    bad = sorted({ch for ch in code if ch not in ALPHABET})
    if bad:
        shown = " ".join(bad)
        return Text(
            f"含有信用代码不允许的字符：{shown}",
            f"contains characters not allowed in a credit code: {shown}",
        )
    if not code[2:8].isdigit():
        return Text(
            "第 3–8 位应为行政区划代码的数字",
            "characters 3–8 must be the digits of an administrative division code",
        )
    expected = check_character(code[:17])
    if code[17] != expected:
        return Text(
            f"校验位为 {code[17]}，应为 {expected}",
            f"check character is {code[17]}, expected {expected}",
        )
    return None


def credit_code_problem(code: str) -> str | None:
    """credit_code_issue in English (what files, the CLI and stored summaries carry)."""
    issue = credit_code_issue(code)
    return issue.en if issue else None
