"""Text from data (names of stages, scenarios, conditions, tiers) in a widget that reads markup:
"R&D" must show as "R&D", not as "RD" with an underlined D (a button's or group title's
mnemonic) or as a broken entity (rich text)."""

from __future__ import annotations

from html import escape


def plain_title(text: str) -> str:
    """For a group box title, button or check box text: & doubled, so none is a mnemonic."""
    return text.replace("&", "&&")


def rich(text: str) -> str:
    """For a rich-text label: &, < and > as entities."""
    return escape(text, quote=False)
