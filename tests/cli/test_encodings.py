"""Windows consoles write redirected output as UTF-16 (PowerShell 5.1) or in the ANSI code page
(cmd: GBK on a Chinese system). Answers files in UTF-8 (with or without BOM) and UTF-16 with a
BOM are read; anything else gets a message naming the encoding problem (exit 2); commands that
print a file can write it as UTF-8 with --out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factory_grader.cli import main
from factory_grader.services.examples import example_answers_path

TEXT = example_answers_path().read_text(encoding="utf-8")  # has Chinese in it


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    "encoded",
    [
        TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with a BOM, as PowerShell 5.1 writes it
        b"\xfe\xff" + TEXT.encode("utf-16-be"),
    ],
    ids=["utf-8", "utf-8 BOM", "utf-16 (BOM, native)", "utf-16-be BOM"],
)
def test_answers_files_in_the_encodings_windows_writes(capsys, tmp_path: Path, encoded) -> None:
    path = tmp_path / "answers.json"
    path.write_bytes(encoded)
    code, out, err = run(capsys, "score", str(path), "--json")
    assert code == 0, err
    assert json.loads(out)["maturity"]["score"] == 2.24


@pytest.mark.parametrize(
    ("encoded", "says"),
    [
        (TEXT.encode("gbk"), "GBK"),
        (TEXT.encode("utf-16-le"), "UTF-16 without a byte-order mark"),
        (bytes(range(128, 256)) * 4, "not recognised"),
        ('{"form": "cmmm-2020"}'.encode("utf-16-le"), "UTF-16 without a byte-order mark"),
        (TEXT.encode("utf-32"), "UTF-32"),
        (b"", "empty"),
    ],
    ids=["gbk (cmd)", "utf-16 without BOM", "binary", "ascii utf-16 no BOM", "utf-32", "empty"],
)
def test_other_encodings_are_refused_with_the_reason(
    capsys, tmp_path: Path, encoded: bytes, says: str
) -> None:
    path = tmp_path / "answers.json"
    path.write_bytes(encoded)
    code, out, err = run(capsys, "score", str(path))
    assert code == 2 and out == ""
    assert str(path) in err and says in err
    assert "Traceback" not in err


def test_out_writes_utf8_files_that_read_back(capsys, tmp_path: Path) -> None:
    template = tmp_path / "模板.json"
    assert run(capsys, "template", "--out", str(template))[0] == 0
    assert template.read_bytes().decode("utf-8")  # UTF-8, no BOM
    assert json.loads(template.read_text(encoding="utf-8"))["form"] == "cmmm-2020"
    text = tmp_path / "form.txt"  # --out without --json writes the text output
    code, out, _ = run(capsys, "forms", "show", "cmmm-2020", "--out", str(text))
    assert code == 0 and out == "" and "cmmm-2020" in text.read_text(encoding="utf-8")
    shown = tmp_path / "form.json"
    assert run(capsys, "forms", "show", "cmmm-2020", "--json", "--out", str(shown))[0] == 0
    assert json.loads(shown.read_text(encoding="utf-8"))["id"] == "cmmm-2020"
    scored = tmp_path / "score.txt"
    code, out, _ = run(capsys, "score", str(example_answers_path()), "--out", str(scored))
    assert code == 0 and out == ""
    assert "成熟度得分 S: 2.24" in scored.read_text(encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'g.db'}"
    assert run(capsys, "--db", db, "assessments", "import", str(example_answers_path()))[0] == 0
    back = tmp_path / "back.json"
    assert run(capsys, "--db", db, "assessments", "show", "1", "--json", "--out", str(back))[0] == 0
    assert run(capsys, "score", str(back), "--json")[0] == 0  # what --out wrote reads back


def test_out_to_a_missing_folder_is_refused(capsys, tmp_path: Path) -> None:
    code, _, err = run(capsys, "template", "--out", str(tmp_path / "nope" / "t.json"))
    assert code == 2 and "does not exist" in err
    assert not (tmp_path / "nope").exists()
