"""Every schema fixture opens with the current app, migrated, with every item still there; a
migration makes a backup first and survives a parent-table rebuild."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, event

from factory_grader.forms.library import FormLibrary
from factory_grader.services.answers_file import answers_to_json
from factory_grader.storage import migrate
from factory_grader.storage.assessment_store import AssessmentStore
from factory_grader.storage.database import open_database

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
EXTRA = FIXTURES / "extra_migrations"
SCHEMAS = sorted((FIXTURES / "db").glob("schema-*.db"))


def answered(answers: dict) -> dict:
    """An answers file without its unanswered (null) items: a newer form version lists its new
    items as unanswered, which says nothing about what was stored."""
    out = dict(answers)
    for key in ("requirements", "conditions"):
        out[key] = {k: v for k, v in answers[key].items() if v is not None}
    out["profile"] = dict(answers["profile"])
    return out


#: 行政区划代码 of the cities the older fixtures hold (by hand, from GB/T 2260): since schema
#: 0005 a profile carries its city's code
CITY_CODES = {"海口市": "460100"}


def expected_snapshot(fixture: Path) -> list[dict]:
    expected = json.loads(fixture.with_suffix(".expected.json").read_text(encoding="utf-8"))
    out = []
    for a in expected["assessments"]:
        answers = answered(a["answers"])
        profile = answers["profile"]
        if "city_code" not in profile:  # made before 0005
            profile["city_code"] = CITY_CODES.get(profile.get("city"))
        out.append({**a, "answers": answers})
    return out


def snapshot(store: AssessmentStore, library: FormLibrary) -> list[dict]:
    out = []
    for s in store.summaries():
        out.append(
            {
                "id": s.id,
                "series": s.series_id,
                "revision": s.revision,
                "status": s.status.value,
                "factory": s.factory_name,
                "created_by": s.created_by,
                "finalised_at": s.finalised_at.isoformat() if s.finalised_at else None,
                "answers": answered(answers_to_json(store.load(s.id), library)),
                "attachments": [
                    {
                        "requirement": a.requirement_id,
                        "file": a.file_name,
                        "size": a.size,
                        "sha256": a.sha256,
                    }
                    for a in store.attachments(s.id)
                ],
                "open_conflicts": [c.item for c in store.conflicts(s.id)],
            }
        )
    return out


def test_there_is_a_fixture_for_every_shipped_revision() -> None:
    shipped = migrate.known_revisions()
    have = {p.stem.removeprefix("schema-") for p in SCHEMAS}
    assert have == shipped


@pytest.mark.parametrize("fixture", SCHEMAS, ids=lambda p: p.stem)
def test_fixture_upgrades_with_its_data(fixture: Path, tmp_path: Path, library, clock) -> None:
    db_path = tmp_path / fixture.name
    shutil.copy(fixture, db_path)
    expected = json.loads(fixture.with_suffix(".expected.json").read_text(encoding="utf-8"))
    db = open_database(f"sqlite:///{db_path}", clock)
    try:
        with db.engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.head_revision()
        assert snapshot(AssessmentStore(db), library) == expected_snapshot(fixture)
    finally:
        db.close()
    if expected["revision"] != migrate.head_revision():
        assert db.backup is not None and db.backup.exists()


def _children(path: Path) -> tuple[int, int]:
    with sqlite3.connect(path) as conn:
        counts = (
            conn.execute("SELECT count(*) FROM assessment").fetchone()[0],
            conn.execute("SELECT count(*) FROM requirement_answer").fetchone()[0],
        )
    conn.close()
    return counts


def test_migration_backs_up_first_and_keeps_child_rows(tmp_path: Path, library, clock) -> None:
    db_path = tmp_path / "grader.db"
    shutil.copy(SCHEMAS[0], db_path)
    before = _children(db_path)
    assert before[0] == 2 and before[1] > 600

    db = open_database(f"sqlite:///{db_path}", clock, extra_migrations=[EXTRA])
    try:
        with db.engine.connect() as conn:
            assert migrate.current_revision(conn) == "t9001"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1  # back ON
        assert _children(db_path) == before  # the rebuild did not cascade
        assert snapshot(AssessmentStore(db), library) == expected_snapshot(SCHEMAS[0])
    finally:
        db.close()

    assert db.backup is not None and db.backup.parent == db_path.parent
    assert db.backup.name.startswith("grader.db.") and db.backup.suffix == ".bak"
    with sqlite3.connect(db.backup) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    conn.close()
    assert _children(db.backup) == before


def test_the_trap_is_real_with_foreign_keys_on(tmp_path: Path) -> None:
    """Control for the test above: the same migration with foreign keys ON loses the children,
    so the test above would catch a regression."""
    db_path = tmp_path / "trap.db"
    shutil.copy(SCHEMAS[0], db_path)
    engine = create_engine(f"sqlite:///{db_path}")
    event.listen(engine, "connect", lambda c, _: c.execute("PRAGMA foreign_keys = ON"))
    with engine.begin() as conn:
        migrate.upgrade_to_head(conn, [EXTRA])
    engine.dispose()
    assert _children(db_path) == (0, 0)


def test_versions_recorded_by_the_upgrade(tmp_path: Path, library, clock) -> None:
    """0004 takes the rule-set version of a final verdict stored since 0003; older rows say
    "not recorded", and a form version this app no longer has is said, never hidden."""
    from factory_grader.services.assessments import AssessmentService, VersionState

    for name in ("schema-0003.db", "schema-0001.db"):
        shutil.copy(FIXTURES / "db" / name, tmp_path / name)
    db = open_database(f"sqlite:///{tmp_path / 'schema-0003.db'}", clock)
    try:
        store = AssessmentStore(db)
        final, draft = store.summary(1), store.summary(2)
        assert final.final_verdict is not None
        assert (
            (final.rules_version, final.rules_digest)
            == (
                final.final_verdict.rules_version,
                final.final_verdict.rules_digest,
            )
            == ("1.1.0", library.rules("hainan-2025").digest)
        )
        assert draft.rules_version is None and draft.catalogue_version is None
        service = AssessmentService(store, library, "王工", clock, tmp_path)
        # the verdict stands; only the catalogue's version was not recorded before 0004
        assert [d.what for d in service.verdict_drift(final)] == ["catalogue_not-recorded"]
        notes = {(n.what, n.state) for n in service.version_notes(draft)}
        assert notes == {
            ("rules", VersionState.NOT_RECORDED),
            ("catalogue", VersionState.NOT_RECORDED),
        }
    finally:
        db.close()
    db = open_database(f"sqlite:///{tmp_path / 'schema-0001.db'}", clock)
    try:
        store = AssessmentStore(db)
        service = AssessmentService(store, library, "王工", clock, tmp_path)
        notes = [
            (n.what, n.version, n.used, n.state) for n in service.version_notes(store.summary(1))
        ]
        assert ("form", "1.0.0", "1.1.0", VersionState.MISSING) in notes
    finally:
        db.close()


def test_names_in_either_language_become_codes(tmp_path: Path, clock) -> None:
    """What an English UI stored before 0005 ("Haikou", an English industry name) and what a
    Chinese one stored ("海口市") become the same codes; a name on no list is kept as typed."""
    db_path = tmp_path / "names.db"
    shutil.copy(FIXTURES / "db" / "schema-0004.db", db_path)
    profiles = {
        1: {"name": "甲厂", "city": "Haikou", "industry": "General-purpose machinery"},
        2: {"name": "乙厂", "city": "海口市", "industry": "通用设备制造业", "industry_code": "C34"},
        3: {"name": "丙厂", "city": "洋浦保税港区", "industry": "食品加工"},
        4: {"name": "丁厂", "city": "某新区", "city_code": "469099", "industry_code": "I65"},
        5: {"name": "戊厂", "industry_code": "34", "industry": "通用设备"},
    }
    with sqlite3.connect(db_path) as conn:
        columns = [r[1] for r in conn.execute("PRAGMA table_info(assessment)")]
        for ident in (4, 5):  # two more assessments: copies of the third
            values = ", ".join("?" if c in ("id", "series_id") else c for c in columns)
            conn.execute(
                f"INSERT INTO assessment ({', '.join(columns)}) SELECT {values}"
                " FROM assessment WHERE id = 3",
                [ident, ident],
            )
        for ident, profile in profiles.items():
            conn.execute(
                "UPDATE assessment SET profile_json = ? WHERE id = ?",
                (json.dumps(profile, ensure_ascii=False), ident),
            )
    conn.close()
    db = open_database(f"sqlite:///{db_path}", clock)
    try:
        store = AssessmentStore(db)
        got = {i: dict(store.load(i).profile) for i in profiles}
    finally:
        db.close()
    haikou = {
        "city": "海口市",
        "city_code": "460100",
        "industry": "通用设备制造业",
        "industry_code": "C34",
    }
    assert got[1] == {"name": "甲厂", **haikou}
    assert got[2] == {"name": "乙厂", **haikou}
    assert got[3] == profiles[3]  # free text, kept as typed (shown as unrecognised)
    assert got[4] == profiles[4]  # codes on no list: kept exactly, never dropped
    assert got[5] == profiles[5]  # a code that is not one of the list's, kept as the app does
