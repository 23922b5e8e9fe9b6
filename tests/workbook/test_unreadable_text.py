"""Nothing the app writes is unreadable: characters XML cannot hold (control characters, lone
surrogates, U+FFFE/U+FFFF) are refused where text comes in, naming the field; over-long text
is refused at entry; malformed JSON (deep nesting, repeated keys) gets one message; a hostile
workbook of a million tiny cells is refused before it is parsed."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook

from factory_grader.cli import main
from factory_grader.domain.errors import InputError
from factory_grader.domain.records import RequirementNote
from factory_grader.forms.library import FormLibrary
from factory_grader.services.answers_file import read_answers_file
from factory_grader.services.examples import example_answers_path
from factory_grader.services.submission import build_submission, export_workbook
from factory_grader.workbook import machine


def _answers_file(tmp_path: Path, edit) -> Path:
    data = json.loads(example_answers_path().read_text(encoding="utf-8"))
    edit(data)
    path = tmp_path / "a.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("edit", "field", "char"),
    [
        (lambda d: d["profile"].update(name="海口\x0b示例"), "profile.name", "U+000B"),
        (
            lambda d: d["notes"].update({"data.L1.01": {"comment": "备注\uffff", "review": False}}),
            "notes.data.L1.01.comment",
            "U+FFFF",
        ),
        (
            lambda d: d["scenarios"]["mass-customisation"].update(instance="a\x00b"),
            "scenarios.mass-customisation.instance",
            "U+0000",
        ),
        (lambda d: d["profile"].update(contact="x\ufffe"), "profile.contact", "U+FFFE"),
    ],
)
def test_characters_no_workbook_can_hold_are_refused_naming_the_field(
    tmp_path: Path, capsys, edit, field, char
) -> None:
    source = _answers_file(tmp_path, edit)
    for command in (
        ["export", str(source), "--out", str(tmp_path / "x.xlsx")],
        ["score", str(source)],
    ):
        assert main(command) == 2
        err = capsys.readouterr().err
        assert f"{field}: contains a character no workbook can hold ({char}" in err
    assert not (tmp_path / "x.xlsx").exists()


def test_a_lone_surrogate_escaped_in_json_is_refused(tmp_path: Path, capsys) -> None:
    text = example_answers_path().read_text(encoding="utf-8")
    path = tmp_path / "a.json"
    path.write_text(text.replace('"王示例"', '"王\\ud800示例"'), encoding="utf-8")
    assert main(["export", str(path), "--out", str(tmp_path / "x.xlsx")]) == 2
    err = capsys.readouterr().err
    assert "profile.contact: contains a character no workbook can hold (U+D800" in err
    assert "Traceback" not in err


def test_over_long_text_is_refused_at_entry(tmp_path: Path, capsys) -> None:
    source = _answers_file(tmp_path, lambda d: d["profile"].update(contact="x" * 40000))
    assert main(["score", str(source)]) == 2
    assert (
        "profile.contact: is 40000 characters long; at most 1000 are kept"
        in capsys.readouterr().err
    )


def test_stored_text_the_rules_refuse_is_named_before_any_workbook_is_written(
    library: FormLibrary, tmp_path: Path
) -> None:
    """From an older database: export names the field instead of writing a bad workbook."""
    answers = read_answers_file(example_answers_path(), library)
    bad = replace(answers, notes={"data.L1.01": RequirementNote("备注\x0b")})
    with pytest.raises(InputError, match=r"notes.data.L1.01.comment: contains a character"):
        export_workbook(build_submission(library, bad), tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()


def test_text_longer_than_a_cell_goes_on_in_more_rows(library: FormLibrary, tmp_path: Path) -> None:
    """The machine sheet splits a text longer than a cell holds and joins it back exactly."""
    row = (
        "requirement",
        "data.L1.01",
        "full",
        json.dumps("甲" * 70000, ensure_ascii=False),
        "",
        "",
    )
    parts = machine._split(row)
    assert [p[0] for p in parts] == ["requirement", "more", "more"]
    assert all(len(p[3]) <= machine.CHUNK for p in parts)
    table = (
        [list(machine.HEADER)]
        + [["meta", k, "x", "", "", ""] for k in machine.META_KEYS]
        + [list(p) for p in parts]
    )
    decoded = machine.decode(table)
    assert decoded.rows == (row,)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[" * 200000 + "]" * 200000, "nested too deeply to be an answers file"),
        (
            '{"form": "cmmm-2020", "form": "x", "industry_type": "discrete"}',
            "the key 'form' is given twice",
        ),
    ],
)
def test_malformed_json_gets_one_message(
    tmp_path: Path, capsys, content: str, message: str
) -> None:
    path = tmp_path / "a.json"
    path.write_text(content, encoding="utf-8")
    assert main(["score", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and len(err.splitlines()) == 1


def test_out_with_a_leading_dash_says_how(tmp_path: Path, capsys) -> None:
    with pytest.raises(SystemExit) as info:
        main(["export", str(example_answers_path()), "--out", "-x.xlsx"])
    assert info.value.code == 2
    assert "--out=-x.xlsx" in capsys.readouterr().err


def test_a_million_tiny_cells_are_refused_in_little_memory(tmp_path: Path) -> None:
    book = tmp_path / "junk.xlsx"
    assert main(["export", str(example_answers_path()), "--out", str(book)]) == 0
    wb = load_workbook(book)
    junk = wb["fg_data"]
    for r in range(2000, 2000 + 1500):  # 150,000 cells more than a submission's few thousand
        for c in range(1, 101):
            junk.cell(row=r, column=c, value=1)
    wb.save(book)
    probe = (
        "import sys\n"
        "from factory_grader.cli import main\n"
        f"code = main(['verify', {str(book)!r}])\n"
        # VmHWM: this process's own peak (ru_maxrss would count the forking pytest's too)
        "status = open('/proc/self/status').read()\n"
        "peak = int(status.split('VmHWM:')[1].split()[0]) // 1024\n"
        "print(code, peak, file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=300
    )
    code, peak = (int(x) for x in done.stderr.strip().splitlines()[-1].split())
    assert code == 2 and "INVALID" in done.stdout, done.stdout  # refused, with the reason
    assert "cells; a submission has far fewer (at most 100000 are read)" in done.stdout
    assert peak < 200  # MB, the whole process: the cells were counted, not parsed
