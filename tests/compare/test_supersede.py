"""Which of several workbooks of one factory counts: an `ok` one over an `edited` one whatever
their revisions; the newest revision among equals; the same assessment and revision with other
answers is a conflict shown on both, never settled by file name. Credit codes are compared in
one spelling (full-width, spaces and invisible characters folded), and a bad check character
is flagged."""

from __future__ import annotations

from factory_grader.domain.comparison import Entry, EntryStatus
from factory_grader.domain.credit_code import normalise_credit_code
from factory_grader.services.compare import entry_from_verdict, mark_superseded

CODE = "91460100MA5T1R2K7J"


def entry(
    file: str, status: str = "ok", revision: int = 1, sha: str = "a", aid: str = "7"
) -> Entry:
    return Entry(
        file=file,
        status=EntryStatus(status),
        credit_code=CODE,
        revision=revision,
        assessment_id=aid,
        answers_sha256=sha,
        exported_at=f"2026-11-0{revision}T00:00:00Z",
    )


def by_file(entries: list[Entry]) -> dict[str, Entry]:
    return {e.file: e for e in entries}


def test_an_edited_newer_revision_never_supersedes_an_ok_one() -> None:
    out = by_file(mark_superseded([entry("a-r1.xlsx"), entry("z-r2.xlsx", "edited", 2, "b")]))
    assert out["a-r1.xlsx"].superseded_by == "" and out["a-r1.xlsx"].counts
    assert out["z-r2.xlsx"].superseded_by == "a-r1.xlsx"


def test_the_newest_ok_revision_counts() -> None:
    out = by_file(mark_superseded([entry("b-r2.xlsx", revision=2, sha="b"), entry("a-r1.xlsx")]))
    assert out["a-r1.xlsx"].superseded_by == "b-r2.xlsx" and out["b-r2.xlsx"].counts


def test_same_revision_other_answers_is_a_conflict_on_both() -> None:
    out = by_file(mark_superseded([entry("a.xlsx", sha="a"), entry("b.xlsx", sha="b")]))
    assert out["a.xlsx"].conflict_with == "b.xlsx" and out["b.xlsx"].conflict_with == "a.xlsx"
    assert not out["a.xlsx"].superseded_by and not out["b.xlsx"].superseded_by


def test_identical_copies_are_one() -> None:
    out = by_file(mark_superseded([entry("a.xlsx"), entry("copy of a.xlsx")]))
    assert sum(e.counts for e in out.values()) == 1
    assert not any(e.conflict_with for e in out.values())


def test_credit_codes_in_one_spelling() -> None:
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in CODE)  # ９１４６…
    for spelled in (
        f" {CODE.lower()} ",
        full_width,
        "9146\u200b0100MA5T1R2K7J",
        "9146 0100 MA5T 1R2K 7J",
    ):
        assert normalise_credit_code(spelled) == CODE


def test_a_bad_check_character_is_flagged(library, tmp_path) -> None:
    from dataclasses import replace

    from factory_grader.cli import main
    from factory_grader.services.examples import example_answers_path
    from factory_grader.services.submission import verify_workbook

    book = tmp_path / "a.xlsx"
    assert main(["export", str(example_answers_path()), "--out", str(book)]) == 0
    verdict = verify_workbook(book, library)
    assert entry_from_verdict("x.xlsx", verdict).credit_code_problem == ""
    answers = replace(
        verdict.answers, profile={**verdict.answers.profile, "credit_code": CODE[:-1] + "X"}
    )
    flagged = entry_from_verdict("y.xlsx", replace(verdict, answers=answers))
    assert flagged.credit_code_problem == "check character is X, expected J"


def test_export_warns_about_a_wrong_check_character(tmp_path, capsys) -> None:
    import json

    from factory_grader.cli import main
    from factory_grader.services.examples import example_answers_path

    data = json.loads(example_answers_path().read_text(encoding="utf-8"))
    data["profile"]["credit_code"] = CODE[:-1] + "X"
    source = tmp_path / "a.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["export", str(source), "--out", str(tmp_path / "a.xlsx")]) == 0
    err = capsys.readouterr().err
    assert (
        "warning: profile.credit_code '91460100MA5T1R2K7X' check character is X, expected J" in err
    )
    assert (tmp_path / "a.xlsx").exists()
