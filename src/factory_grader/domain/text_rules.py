"""What text the app accepts from a user: no character an .xlsx (XML 1.0) cannot hold, and
lengths a workbook cell and a reader can live with. Pure: the same rule for answers files,
imports and the GUI."""

from __future__ import annotations

import re

#: C0 controls except tab, line feed and carriage return; lone surrogates; U+FFFE and U+FFFF.
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

#: Longest text per kind of field (characters): generous for what people write, far below what
#: breaks a spreadsheet cell (32,767) or a reader.
MAX_LENGTH = {"profile": 1000, "comment": 10000, "instance": 5000}


def text_problem(text: str, kind: str) -> str | None:
    """Why this text cannot be stored (in English, for messages that name the field), or None."""
    found = FORBIDDEN.search(text)
    if found is not None:
        return (
            f"contains a character no workbook can hold (U+{ord(found.group()):04X} at position"
            f" {found.start() + 1}); remove it"
        )
    limit = MAX_LENGTH.get(kind)
    if limit is not None and len(text) > limit:
        return f"is {len(text)} characters long; at most {limit} are kept"
    return None


def without_forbidden(text: str) -> str:
    """The text without the characters no workbook can hold (what the GUI does as you type)."""
    return FORBIDDEN.sub("", text)
