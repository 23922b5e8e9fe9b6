"""The management report read back as an official reads it: pdftotext. A second revision shows
the trend and the gaps it closed; English; a factory with no tier; fonts embedded, no pictures."""

from __future__ import annotations

import os
import subprocess
from dataclasses import replace
from pathlib import Path

from factory_grader.services.answers_file import read_answers_file
from factory_grader.services.examples import example_answers_path
from factory_grader.services.management_report import write_management_report
from factory_grader.storage.database import open_database
from tests.storage.conftest import Clock, make_service


def text_of(pdf: Path) -> str:
    done = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    return "".join(done.stdout.split())


def test_a_second_revision_shows_the_trend_and_the_gaps_it_closed(tmp_path, library) -> None:
    clock = Clock()
    db = open_database(f"sqlite:///{tmp_path / 'r.db'}", clock)
    try:
        service = make_service(db, library, clock, "顾问", tmp_path)
        first = service.import_answers(read_answers_file(example_answers_path(), library)).id
        service.finalise(first)
        second = service.reopen(first).id
        sheet = service.sheet(second)
        held = sheet.conditions["advanced.digital-supply-chain"]
        service.save_condition(second, "advanced.digital-supply-chain", True, held.version)
        out = write_management_report(service, second, tmp_path / "r.pdf")
    finally:
        db.close()
    text = text_of(out)
    assert "历次评估的变化" in text and "T0" in text and "T1" in text
    # the only change: 建设数字化供应链 now met (a condition of 先进级)
    assert "与上一版相比已消除的差距·建设数字化供应链" in text
    assert "与上一版相比新出现的差距" not in text
    assert "第1版" in text and "第2版" in text


def test_in_english_and_with_no_tier(tmp_path, library) -> None:
    clock = Clock()
    db = open_database(f"sqlite:///{tmp_path / 'r.db'}", clock)
    try:
        service = make_service(db, library, clock, "consultant", tmp_path)
        example = read_answers_file(example_answers_path(), library)
        nothing = replace(example, conditions=dict.fromkeys(example.conditions, False))
        aid = service.import_answers(nothing).id
        out = write_management_report(service, aid, tmp_path / "en.pdf", "en")
    finally:
        db.close()
    text = text_of(out)
    assert "Smart-factorytierassessmentreport" in text
    assert "Self-assessedtier:Notierreached" in text
    assert "Page2of" in text and "nationalpublicplatform" in text
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask  # as any file the user saves, not 0600
    assert not list(out.parent.glob(".*.part"))
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True)
    assert "yes yes yes" in " ".join(fonts.stdout.split())


def test_a_report_that_cannot_be_written_is_said_plainly(tmp_path, library) -> None:
    """(On Windows a PDF open in a viewer cannot be replaced; here a folder stands in its way.)"""
    import pytest

    from factory_grader.domain.workshop import WorkshopError

    clock = Clock()
    db = open_database(f"sqlite:///{tmp_path / 'r.db'}", clock)
    try:
        service = make_service(db, library, clock, "顾问", tmp_path)
        aid = service.import_answers(read_answers_file(example_answers_path(), library)).id
        blocked = tmp_path / "报告.pdf"
        (blocked / "inside").mkdir(parents=True)
        with pytest.raises(WorkshopError) as refused:
            write_management_report(service, aid, blocked)
    finally:
        db.close()
    assert refused.value.zh.startswith("报告.pdf：无法写入（")
    assert refused.value.zh.endswith("），是否已在其他程序中打开？")
    assert not list(tmp_path.glob(".*.part"))
