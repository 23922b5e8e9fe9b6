"""Workshops on a real SQLite file and a real PostgreSQL server: participants, fill-in workbooks
written and opened back with openpyxl, returned files merged (kept per person, never touching the
answers), bad and foreign files refused with their reason, disagreement listed first, agreed
answers with their rationale in the comment, scored and exported."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook

from factory_grader.domain.maturity_model import Grade
from factory_grader.domain.workshop import NewParticipant, WorkshopError
from factory_grader.services.answers_file import read_answers_file
from factory_grader.services.assessments import AssessmentService
from factory_grader.services.examples import example_answers_path
from factory_grader.services.scoring_service import score_answers
from factory_grader.services.workshop import WorkshopService, with_rationale
from factory_grader.storage.database import open_database
from tests.storage.conftest import make_service

ORG = "org-strategy"  # 组织战略: 人员 domain
EQUIPMENT, NETWORK = "equipment", "network"
ZH_CHOICES = ["全部满足", "大部分满足", "部分满足", "不满足", "不适用"]


@pytest.fixture
def workshop(service: AssessmentService) -> WorkshopService:
    return WorkshopService(service)


@pytest.fixture
def draft(service: AssessmentService, library) -> int:
    return service.import_answers(read_answers_file(example_answers_path(), library)).id


def _people(workshop: WorkshopService, draft: int):
    return workshop.set_participants(
        draft,
        [
            NewParticipant("张三", "生产部", "主任"),
            NewParticipant("李四", "信息部", "经理", (EQUIPMENT, NETWORK)),
            NewParticipant("王五", "质量部", "经理", (ORG,)),
        ],
    )


def _fill(path: Path, grades: dict[str, str], comments: dict[str, str] | None = None) -> None:
    """As a participant in a spreadsheet program: type into the grade and comment cells of the
    rows showing these numbers (组织战略 1.1 …)."""
    book = load_workbook(path)
    sheet = book["评分表"]
    for row in range(5, sheet.max_row + 1):
        number = sheet.cell(row, 1).value
        if number in grades:
            sheet.cell(row, 6).value = grades[number]
        if comments and number in comments:
            sheet.cell(row, 7).value = comments[number]
    book.save(path)


def _packs(workshop: WorkshopService, draft: int, out: Path) -> dict[str, Path]:
    files = workshop.pack(draft, out)
    return {p.name.split("-")[2]: p for p in files}


def test_participants_keep_their_token_when_listed_again(workshop, draft) -> None:
    first = {p.name: p for p in _people(workshop, draft)}
    again = workshop.set_participants(draft, [NewParticipant("张三", "制造部", "副总")])
    zhang = next(p for p in again if p.name == "张三")
    assert zhang.token == first["张三"].token and zhang.id == first["张三"].id
    assert (zhang.department, zhang.role) == ("制造部", "副总")
    assert [p.name for p in again] == ["张三", "李四", "王五"]  # nobody else dropped
    assert first["李四"].subdomains == (EQUIPMENT, NETWORK) and first["张三"].subdomains is None


def test_a_pack_holds_only_the_persons_requirements_locked_but_the_answer_cells(
    workshop, draft, library, tmp_path
) -> None:
    _people(workshop, draft)
    packs = _packs(workshop, draft, tmp_path / "out")
    assert sorted(packs) == ["张三", "李四", "王五"]
    form = library.maturity("cmmm-2020")
    # the example factory is discrete: its rows are the discrete requirements of those sub-domains
    discrete = [r for r in form.requirements if "discrete" in {t.value for t in r.applies_to}]
    book = load_workbook(packs["李四"])
    assert book.sheetnames == ["填写说明", "评分表", "_ids"]
    assert book["_ids"].sheet_state == "hidden"
    assert book.active.title == "填写说明"
    sheet = book["评分表"]
    rows = [r for r in discrete if r.subdomain_id in (EQUIPMENT, NETWORK)]
    assert sheet.max_row == 4 + len(rows)
    assert {sheet.cell(row, 2).value for row in range(5, sheet.max_row + 1)} == {"装备", "网络"}
    assert [c.value for c in sheet[4]][:6] == [
        "编号",
        "能力子域",
        "等级",
        "要求",
        "证据提示",
        "评分（下拉选择）",
    ]
    assert sheet.protection.sheet is True and book["填写说明"].protection.sheet is True
    assert (
        sheet.cell(5, 6).protection.locked is False and sheet.cell(5, 7).protection.locked is False
    )
    assert all(sheet.cell(5, c).protection.locked for c in range(1, 6))
    (validation,) = sheet.data_validations.dataValidation
    assert validation.type == "list"
    assert validation.formula1 == '"' + ",".join(ZH_CHOICES) + '"'
    assert str(validation.sqref) == f"F5:F{sheet.max_row}"
    guide = " ".join(str(c.value) for c in book["填写说明"]["A"] if c.value)
    assert "李四" in guide and "下拉框" in guide and "国家智能制造公共服务平台" in guide
    wang = load_workbook(packs["王五"])["评分表"]
    assert wang.cell(5, 1).value == "组织战略 1.1"
    assert wang.max_row == 4 + len([r for r in discrete if r.subdomain_id == ORG])
    zhang = load_workbook(packs["张三"])["评分表"]
    assert zhang.max_row == 4 + len(discrete)  # no sub-domains given: every requirement


def test_merge_keeps_each_persons_grades_and_leaves_the_answers_alone(
    workshop, service, draft, tmp_path
) -> None:
    _people(workshop, draft)
    packs = _packs(workshop, draft, tmp_path / "out")
    before = service.answers(draft)
    _fill(
        packs["张三"],
        {"组织战略 1.1": "全部满足", "组织战略 1.2": "不适用"},
        {"组织战略 1.1": "有文件，见规划"},
    )
    _fill(packs["王五"], {"组织战略 1.1": "部分满足", "组织战略 1.2": "大部分满足"})
    outcomes = workshop.merge(draft, [packs["张三"], packs["王五"]])
    assert [o.zh for o in outcomes] == ["张三：2 项评分", "王五：2 项评分"]
    assert service.answers(draft) == before
    board = workshop.board(draft)
    first, second = board.items[0], board.items[1]
    # 组织战略 1.1: 全部满足 vs 部分满足, two steps apart: proposal the lower median (部分满足)
    # 组织战略 1.2: 不适用 beside 大部分满足; both need discussion, the wider spread first
    assert (first.number, first.consensus.spread, first.consensus.proposed) == (
        "组织战略 1.1",
        2,
        Grade.PARTIAL,
    )
    assert (second.number, second.consensus.mixed_na, second.consensus.proposed) == (
        "组织战略 1.2",
        True,
        Grade.MOST,
    )
    assert [i.number for i in board.to_discuss] == ["组织战略 1.1", "组织战略 1.2"]
    votes = {v.participant: (v.grade, v.comment) for v in first.consensus.votes}
    assert votes == {"张三": (Grade.FULL, "有文件，见规划"), "王五": (Grade.PARTIAL, "")}
    assert board.returned == {p.id for p in board.participants if p.name in ("张三", "王五")}


def test_a_file_returned_again_replaces_that_persons_earlier_answers(
    workshop, draft, tmp_path
) -> None:
    _people(workshop, draft)
    packs = _packs(workshop, draft, tmp_path / "out")
    _fill(
        packs["王五"],
        {"组织战略 1.1": "部分满足", "组织战略 1.2": "不满足", "组织战略 1.3": "不满足"},
    )
    workshop.merge(draft, [packs["王五"]])
    _fill(packs["王五"], {"组织战略 1.2": "", "组织战略 1.3": ""})  # changed their mind
    (again,) = workshop.merge(draft, [packs["王五"]])
    assert again.returned is not None and again.returned.replaced == 3
    assert again.zh.startswith("王五：1 项评分；替换了此前") and again.zh.endswith("交回的 3 项")
    items = {i.number: i for i in workshop.board(draft).items}
    assert [v.grade for v in items["组织战略 1.1"].consensus.votes] == [Grade.PARTIAL]
    assert items["组织战略 1.2"].consensus.votes == ()
    # a pack written again holds what they returned
    repacked = _packs(workshop, draft, tmp_path / "again")["王五"]
    sheet = load_workbook(repacked)["评分表"]
    assert (sheet.cell(5, 1).value, sheet.cell(5, 6).value) == ("组织战略 1.1", "部分满足")


def test_bad_foreign_and_other_assessment_files_are_refused_with_their_reason(
    workshop, service, draft, library, clock, tmp_path
) -> None:
    _people(workshop, draft)
    packs = _packs(workshop, draft, tmp_path / "out")
    other = service.import_answers(read_answers_file(example_answers_path(), library)).id
    workshop.set_participants(other, [NewParticipant("赵六")])
    other_pack = workshop.pack(other, tmp_path / "other")[0]
    # another computer's database: same assessment id, a participant this one never had
    elsewhere = open_database(f"sqlite:///{tmp_path / 'elsewhere.db'}", clock)
    try:
        far = make_service(elsewhere, library, clock, "外人", tmp_path)
        far_id = far.import_answers(read_answers_file(example_answers_path(), library)).id
        far_shop = WorkshopService(far)
        far_shop.set_participants(far_id, [NewParticipant("张三")])
        foreign = far_shop.pack(far_id, tmp_path / "far")[0]
    finally:
        elsewhere.close()
    wrong_grade = tmp_path / "wrong.xlsx"
    shutil.copy(packs["王五"], wrong_grade)
    _fill(wrong_grade, {"组织战略 1.2": "差不多"})
    moved = tmp_path / "moved.xlsx"
    shutil.copy(packs["王五"], moved)
    book = load_workbook(moved)
    book["评分表"].delete_rows(6)
    book.save(moved)
    no_ids = tmp_path / "no-ids.xlsx"
    shutil.copy(packs["王五"], no_ids)
    book = load_workbook(no_ids)
    del book["_ids"]
    book.save(no_ids)
    text = tmp_path / "notes.xlsx"
    text.write_text("not a workbook", encoding="utf-8")
    files = [
        foreign,
        other_pack,
        wrong_grade,
        moved,
        no_ids,
        text,
        tmp_path / "gone.xlsx",
        packs["张三"],
    ]
    outcomes = workshop.merge(draft, files)
    said = [o.zh for o in outcomes]
    assert "本数据库中没有此参与人" in said[0]
    assert said[1] == f"{other_pack.name}：属于评估 {other}，不是评估 {draft}"
    assert (
        said[2] == "wrong.xlsx：工作表“评分表”的 F6“差不多”不是可选的评分"
        "（全部满足、大部分满足、部分满足、不满足、不适用）"
    )
    assert (
        said[3].startswith("moved.xlsx：工作表“评分表”的 A") and "行被移动、增加或删除" in said[3]
    )
    assert "不是本程序生成的填写包" in said[4]
    assert said[5].startswith("notes.xlsx：")
    assert said[6] == "gone.xlsx：文件不存在"
    assert said[7] == "张三：0 项评分"  # a good file after bad ones is still taken
    assert [o.returned is None for o in outcomes] == [True] * 7 + [False]
    assert all(
        o.message.startswith(str(f)) or o.path == f for o, f in zip(outcomes, files, strict=True)
    )
    assert workshop.board(draft).returned == {
        p.id for p in workshop.participants(draft) if p.name == "张三"
    }


def test_agreeing_sets_the_answer_and_keeps_the_rationale_in_its_comment(
    workshop, service, draft, library
) -> None:
    rid = "org-strategy.L1.01"
    before = service.answers(draft)
    sheet = service.sheet(draft)
    grade, note = sheet.requirements[rid].value
    service.save_requirement(
        draft, rid, grade, type(note)("规划已批准", False), sheet.requirements[rid].version
    )
    agreement = workshop.agree(draft, rid, Grade.PARTIAL, "  只覆盖一条产线，\n其他在建 ")
    assert agreement.rationale == "只覆盖一条产线， 其他在建"
    answers = service.answers(draft)
    assert answers.requirements[rid] is Grade.PARTIAL
    assert answers.notes[rid].comment == "规划已批准\n研讨结论：只覆盖一条产线， 其他在建"
    workshop.agree(draft, rid, Grade.MOST, "复核后两条产线已覆盖")
    answers = service.answers(draft)
    assert answers.notes[rid].comment == "规划已批准\n研讨结论：复核后两条产线已覆盖"
    item = next(i for i in workshop.board(draft).items if i.requirement.id == rid)
    assert (item.answer, item.agreement.rationale, item.agreement.agreed_by) == (
        Grade.MOST,
        "复核后两条产线已覆盖",
        "王工",
    )
    # scoring uses the agreed answer, not the votes: as if the grade had been set by hand
    by_hand = replace(before, requirements={**before.requirements, rid: Grade.MOST})
    assert score_answers(library, answers).maturity == score_answers(library, by_hand).maturity
    with pytest.raises(WorkshopError) as too_long:
        workshop.agree(draft, rid, Grade.MOST, "长" * 501)
    assert too_long.value.zh == "结论说明有 501 个字，最多 500 个"


def test_with_rationale_replaces_only_its_own_line() -> None:
    assert with_rationale("", "做到了") == "研讨结论：做到了"
    assert with_rationale("甲\n研讨结论：旧\n乙", "新") == "甲\n乙\n研讨结论：新"
    assert with_rationale("甲\n研讨结论：旧", "") == "甲"


def test_a_final_assessment_takes_no_workshop_until_reopened(
    workshop, service, draft, tmp_path
) -> None:
    _people(workshop, draft)
    packs = _packs(workshop, draft, tmp_path / "out")
    service.finalise(draft)
    with pytest.raises(WorkshopError) as final:
        workshop.set_participants(draft, [NewParticipant("新人")])
    assert final.value.zh == f"评估 {draft} 已定稿：请先重新打开为新版本"
    (outcome,) = workshop.merge(draft, [packs["张三"]])
    assert outcome.returned is None and "final" in outcome.message
    assert outcome.zh == f"评估 {draft} 已定稿：请先重新打开为新版本"


def test_a_rationale_no_workbook_can_hold_is_refused_and_nothing_saved(
    workshop, service, draft
) -> None:
    rid = "org-strategy.L1.01"
    before = service.answers(draft)
    with pytest.raises(WorkshopError) as bad:
        workshop.agree(draft, rid, Grade.NONE, "响铃\x07")
    assert bad.value.zh == "结论说明含有工作簿无法保存的控制字符，请删除"
    assert service.answers(draft) == before


def test_names_alike_once_made_safe_get_a_pack_each(workshop, draft, tmp_path) -> None:
    workshop.set_participants(draft, [NewParticipant("张/三"), NewParticipant("张_三")])
    files = workshop.pack(draft, tmp_path / "out")
    assert len({f.name for f in files}) == 2 and all(f.is_file() for f in files)


def test_an_edited_ids_sheet_is_refused(workshop, draft, tmp_path) -> None:
    _people(workshop, draft)
    packs = _packs(workshop, draft, tmp_path / "out")
    book = load_workbook(packs["王五"])
    book["_ids"]["B5"] = "李四"  # 王五's token, but says 李四
    book.save(packs["王五"])
    (outcome,) = workshop.merge(draft, [packs["王五"]])
    assert outcome.returned is None and "识别信息被改动过" in outcome.zh


def test_no_packs_for_a_final_assessment(workshop, service, draft, tmp_path) -> None:
    _people(workshop, draft)
    service.finalise(draft)
    with pytest.raises(WorkshopError) as final:
        workshop.pack(draft, tmp_path / "out")
    assert final.value.zh == f"评估 {draft} 已定稿：请先重新打开为新版本"
    assert not (tmp_path / "out").exists()


def test_a_revision_reopened_carries_its_workshop_with_new_tokens(
    workshop, service, draft, tmp_path
) -> None:
    people = {p.name: p for p in _people(workshop, draft)}
    packs = _packs(workshop, draft, tmp_path / "out")
    _fill(packs["王五"], {"组织战略 1.1": "部分满足"})
    workshop.merge(draft, [packs["王五"]])
    workshop.agree(draft, "org-strategy.L1.01", Grade.PARTIAL, "一条产线")
    service.finalise(draft)
    again = service.reopen(draft).id
    carried = {p.name: p for p in workshop.participants(again)}
    assert sorted(carried) == ["张三", "李四", "王五"]
    assert all(
        carried[n].token != people[n].token for n in carried
    )  # the old packs are the old revision's
    assert carried["李四"].subdomains == (EQUIPMENT, NETWORK)
    item = next(i for i in workshop.board(again).items if i.requirement.id == "org-strategy.L1.01")
    assert [(v.participant, v.grade) for v in item.consensus.votes] == [("王五", Grade.PARTIAL)]
    assert item.agreement is not None and item.agreement.rationale == "一条产线"
    (old,) = workshop.merge(again, [packs["王五"]])  # a pack of the final revision
    assert old.returned is None and old.zh.endswith(
        f"不是评估 {again}（这是同一评估第 1 版的填写包，请为本版本重新生成）"
    )
    assert workshop.participants(draft)[0].token == people["张三"].token  # the final one kept


def test_votes_the_assessment_does_not_hold_or_another_revision_are_refused(
    workshop, draft, tmp_path
) -> None:
    _people(workshop, draft)
    packs = _packs(workshop, draft, tmp_path / "out")
    book = load_workbook(packs["王五"])
    book["_ids"]["B8"] = "equipment.L2.04"  # a process factory's: the example is discrete
    book.save(packs["王五"])
    zhang = packs["张三"]
    book = load_workbook(zhang)
    book["_ids"]["B4"] = "7"
    book.save(zhang)
    outside, revision = workshop.merge(draft, [packs["王五"], zhang])
    assert "含有本评估没有的要求：['equipment.L2.04']" in outside.zh
    assert "识别信息被改动过" in revision.zh


def test_ids_rows_out_of_order_are_refused(workshop, draft, tmp_path) -> None:
    _people(workshop, draft)
    pack = _packs(workshop, draft, tmp_path / "out")["王五"]
    book = load_workbook(pack)
    book["_ids"]["A9"] = 5  # two requirements read from row 5
    book.save(pack)
    (outcome,) = workshop.merge(draft, [pack])
    assert outcome.zh == f"{pack.name}：填写包的识别信息已损坏（_ids!A9）"


def test_one_persons_two_files_in_one_merge_are_pointed_out(workshop, draft, tmp_path) -> None:
    _people(workshop, draft)
    pack = _packs(workshop, draft, tmp_path / "out")["王五"]
    copy = tmp_path / "王五-第二份.xlsx"
    shutil.copy(pack, copy)
    first, second = workshop.merge(draft, [pack, copy])
    assert not first.again_in_batch and second.again_in_batch
    assert second.zh.endswith(f"（此文件替换了刚读入的 {pack.name}）")


def test_replacing_participants_is_all_or_nothing(workshop, draft) -> None:
    people = {p.name: p for p in _people(workshop, draft)}
    with pytest.raises(WorkshopError):  # 赵六's sub-domain does not exist: nobody is removed
        workshop.replace_participants(
            draft, [NewParticipant("赵六", subdomains=("nowhere",))], [people["张三"].id]
        )
    assert [p.name for p in workshop.participants(draft)] == ["张三", "李四", "王五"]
    workshop.replace_participants(draft, [NewParticipant("赵六")], [people["张三"].id])
    assert [p.name for p in workshop.participants(draft)] == ["李四", "王五", "赵六"]


def test_agreed_words_say_what_was_agreed_not_the_answer() -> None:
    from datetime import UTC, datetime

    from factory_grader.domain.workshop import Agreement
    from factory_grader.wording import agreed_words

    made = Agreement("r", Grade.MOST, "", "王工", datetime(2026, 12, 1, tzinfo=UTC))
    assert agreed_words(None, Grade.FULL, "zh") == "未商定"
    assert agreed_words(made, Grade.MOST, "zh") == "大部分满足"
    assert agreed_words(made, Grade.NONE, "zh") == "大部分满足（答案已改为不满足）"
    assert agreed_words(made, None, "en") == "Mostly met (the answer is now Unanswered)"


def test_sub_domains_suggested_from_the_department(library) -> None:
    from factory_grader.services.participants_file import suggested_subdomains

    form = library.maturity("cmmm-2020")
    production = tuple(s.id for s in form.subdomains if s.domain_id == "production")
    assert suggested_subdomains("生产部", form) == production and production
    assert suggested_subdomains("设备管理科", form) == ("equipment-management",)
    assert suggested_subdomains("物流与销售部", form) == tuple(
        s.id for s in form.subdomains if s.domain_id in ("logistics", "sales")
    )
    assert suggested_subdomains("总经办", form) is None
    assert suggested_subdomains("信息中心", form) is None


def test_a_pack_sent_before_the_persons_sub_domains_were_narrowed_reads_back(
    workshop, draft, tmp_path
) -> None:
    _people(workshop, draft)
    pack = _packs(workshop, draft, tmp_path / "out")["张三"]  # every requirement
    _fill(pack, {"组织战略 1.1": "部分满足", "装备 1.1": "全部满足"})
    workshop.set_participants(draft, [NewParticipant("张三", "生产部", "主任", (ORG,))])
    (outcome,) = workshop.merge(draft, [pack])
    assert outcome.returned is not None and outcome.zh == "张三：2 项评分"


def test_a_pack_of_another_revision_is_named_by_its_revision(
    workshop, service, draft, tmp_path
) -> None:
    _people(workshop, draft)
    old = _packs(workshop, draft, tmp_path / "out")["王五"]
    service.finalise(draft)
    later = service.reopen(draft).id
    (outcome,) = workshop.merge(later, [old])
    assert outcome.zh == (
        f"{old.name}：属于评估 {draft}，不是评估 {later}"
        "（这是同一评估第 1 版的填写包，请为本版本重新生成）"
    )
    zhang = workshop.participants(draft)[0]
    with pytest.raises(WorkshopError) as final:
        workshop.set_vote(zhang.id, "org-strategy.L1.01", Grade.FULL)
    # the final revision names its draft: reopening it again would make a third one
    assert final.value.zh == f"评估 {draft} 已定稿；它的草稿是评估 {later}（第 2 版），请在那里继续"


def test_the_report_lists_every_agreement_not_only_disagreements(
    workshop, service, draft, tmp_path
) -> None:
    import subprocess

    from factory_grader.services.management_report import write_management_report

    people = _people(workshop, draft)
    for p in people:  # everyone agrees: nothing to discuss
        workshop.set_vote(p.id, "org-strategy.L1.03", Grade.FULL)
    workshop.agree(draft, "org-strategy.L1.03", Grade.NONE, "现场核实无记录")
    out = write_management_report(service, draft, tmp_path / "r.pdf")
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "现场核实无记录" in "".join(text.split())


def test_csv_with_old_mac_line_ends_and_commas_between_sub_domains(library, tmp_path) -> None:
    from factory_grader.services.participants_file import (
        read_participants_csv,
        suggested_subdomains,
    )

    form = library.maturity("cmmm-2020")
    path = tmp_path / "cr.csv"
    path.write_text(
        '姓名,部门,角色,负责子域\r李四,设备管理科,科长,"设备管理，仓储配送"\r'
        "王五,a,b,设备管理 安全环保\r赵六,c,d,Product design\r",
        encoding="utf-8",
    )
    people = read_participants_csv(path, form)
    assert [p.subdomains for p in people] == [
        ("equipment-management", "warehousing-distribution"),
        ("equipment-management", "safety-environment"),
        ("product-design",),
    ]
    assert suggested_subdomains("工艺设计部", form) == ("process-design",)
