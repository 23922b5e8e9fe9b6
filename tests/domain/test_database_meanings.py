"""Every database refusal can be said in Chinese (issue: no English inside the Chinese UI):
each DatabaseError the code raises names a meaning the catalogue has a sentence for, and the
driver-code tables only give meanings it knows."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from factory_grader.domain.database_meanings import MEANINGS, meaning_words
from factory_grader.domain.errors import DatabaseError
from factory_grader.storage import database
from factory_grader.storage.sqlite_files import SQLITE_MEANING

SRC = Path(__file__).resolve().parents[2] / "src" / "factory_grader"


def raises_of_database_error() -> list[tuple[str, ast.Call]]:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "DatabaseError"
            ):
                found.append((f"{path.relative_to(SRC)}:{node.lineno}", node))
    return found


def test_every_database_error_raised_names_a_meaning_the_catalogue_says() -> None:
    calls = raises_of_database_error()
    assert len(calls) >= 30  # (the scan finds them: storage, services)
    for where, call in calls:
        meaning = call.args[1] if len(call.args) > 1 else None
        meaning = meaning or next((k.value for k in call.keywords if k.arg == "meaning"), None)
        assert meaning is not None, f"{where}: DatabaseError without a meaning"
        if isinstance(meaning, ast.Constant):
            assert meaning.value in MEANINGS, f"{where}: {meaning.value!r} has no sentence"


def test_the_driver_code_tables_give_known_meanings() -> None:
    given = {
        *SQLITE_MEANING.values(),
        *database._SQLSTATE_MEANING.values(),
        "unreachable",
        "server-shutdown",
    }
    assert given <= set(MEANINGS)


@pytest.mark.parametrize("meaning", sorted(MEANINGS))
def test_each_sentence_is_chinese_and_english(meaning: str) -> None:
    words = MEANINGS[meaning]
    assert words.zh and words.en and words.zh != words.en
    assert any("\u4e00" <= c <= "\u9fff" for c in words.zh)
    assert words.zh.endswith("。") and words.en.endswith(".")


def test_said_names_where_then_what_it_means() -> None:
    exc = DatabaseError(
        "/data/grader.db: the database is damaged (page 3)", "damaged", "/data/grader.db"
    )
    assert exc.said("zh") == "/data/grader.db：数据库已损坏。请恢复备份副本。"
    assert exc.said("en") == "/data/grader.db: the database is damaged (page 3)"
    assert exc.zh == exc.said("zh")
    bare = DatabaseError("something odd")  # (a meaning is always given; if not, no English)
    assert (
        bare.said("zh")
        == meaning_words(None).zh
        == "数据库操作没有完成（详情见日志）；数据没有改动。"
    )
