"""统一社会信用代码 (unified social credit code, GB 32100-2015): 18 characters, last one a check."""

from __future__ import annotations

import unicodedata

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


def credit_code_problem(code: str) -> str | None:
    """None when valid, otherwise what is wrong, in words a user can act on."""
    code = code.strip().upper()
    if len(code) != 18:
        return f"must have 18 characters, has {len(code)}"
    bad = sorted({ch for ch in code if ch not in ALPHABET})
    if bad:
        return f"contains characters not allowed in a credit code: {' '.join(bad)}"
    if not code[2:8].isdigit():
        return "characters 3–8 must be the digits of an administrative division code"
    expected = check_character(code[:17])
    if code[17] != expected:
        return f"check character is {code[17]}, expected {expected}"
    return None
