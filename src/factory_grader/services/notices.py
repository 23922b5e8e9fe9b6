"""Sentences about a result that every front door says the same way (the CLI, the GUI, the
workbook), in both languages. Qt's tr() stays for widget labels; sentences live here."""

from __future__ import annotations

from factory_grader.domain.maturity_model import MaturityForm
from factory_grader.domain.rules import RuleSet
from factory_grader.domain.text import Lang, Text
from factory_grader.forms.library import FormLibrary
from factory_grader.scoring.rounding import format_hundredths
from factory_grader.services.submission import Finding
from factory_grader.services.versions import Drift, VersionNote, VersionState, VersionUpdate
from factory_grader.wording import level_name, tier_name

_DATA_NAMES = {
    "form": Text("问卷", "questionnaire"),
    "rules": Text("梯度规则", "rule set"),
    "catalogue": Text("场景目录", "scenario catalogue"),
}


def data_name(what: str, lang: Lang) -> str:
    return _DATA_NAMES[what].get(lang)


def version_sentence(note: VersionNote, lang: Lang) -> str:
    """What a version note means for the figures, in one sentence."""
    name = data_name(note.what, lang)
    if lang == "zh":
        return {
            VersionState.NOT_RECORDED: f"{name} {note.id} 的版本未记录（本评估早于版本记录），"
            f"按当前版本 {note.used} 计算。",
            VersionState.MISSING: f"{name} {note.id} {note.version} 本软件已没有，"
            f"按当前版本 {note.used} 计算，结果可能与当时不同。",
            VersionState.CHANGED: f"{name} {note.id} {note.version} 的内容与评估时记录的不一致"
            "（数据被改动过），结果可能与当时不同。",
            VersionState.OLDER: f"{name} {note.id} 使用 {note.version} 版，当前为 {note.used} 版；"
            "可查看变化后更新到当前规则。",
        }[note.state]
    return {
        VersionState.NOT_RECORDED: f"The version of {name} {note.id} was not recorded (this"
        f" assessment predates version records); scored with the current {note.used}.",
        VersionState.MISSING: f"{name.capitalize()} {note.id} {note.version} is no longer in"
        f" this app; scored with the current {note.used}, so figures may differ from then.",
        VersionState.CHANGED: f"{name.capitalize()} {note.id} {note.version} differs from what"
        " was recorded (the data was changed in place), so figures may differ from then.",
        VersionState.OLDER: f"{name.capitalize()} {note.id} is at {note.version}; the current"
        f" is {note.used}: see what changes, then update to the current rules.",
    }[note.state]


def verdict_words(
    verdict: tuple[int, int, str | None], form: MaturityForm, rules: RuleSet, lang: Lang
) -> str:
    """S, level and tier as a reader says them: "S = 2.24，二级（规范级），基础级"."""
    score, level, tier = verdict
    sep = "，" if lang == "zh" else ", "
    band, tier_words = level_name(form, level, lang), tier_name(rules, tier, lang)
    return f"S = {format_hundredths(score)}{sep}{band}{sep}{tier_words}"


def drift_sentence(drift: Drift, form: MaturityForm, rules: RuleSet, lang: Lang) -> str:
    """One difference found for a final assessment, as a sentence."""
    if drift.note is not None:
        return version_sentence(drift.note, lang)
    assert drift.verdicts is not None
    was, now = (verdict_words(v, form, rules, lang) for v in drift.verdicts)
    if lang == "zh":
        return f"现在重新计算得到 {now}，与定稿结论 {was} 不同；定稿结论不变。"
    return f"Recomputed now: {now}, unlike the final verdict {was}; the final verdict stands."


def update_text(update: VersionUpdate, library: FormLibrary, lang: Lang, applied: bool) -> str:
    """What moving a draft to the current versions changes (or changed), for a reader."""
    zh = lang == "zh"
    if not update.changes_anything:
        return (
            "已是当前版本，无需更新。"
            if zh
            else "Already at the current versions: nothing to update."
        )
    was, now = update.was, update.now
    lines = [
        ("已更新到当前版本：" if applied else "更新到当前版本将会：")
        if zh
        else (
            "Moved to the current versions:"
            if applied
            else "Updating to the current versions would:"
        )
    ]
    colon = "：" if zh else ": "
    for what, old, new, old_digest, new_digest in (
        ("form", was.form_version, now.form_version, was.form_digest, now.form_digest),
        ("rules", was.rules_version, now.rules_version, was.rules_digest, now.rules_digest),
        (
            "catalogue",
            was.catalogue_version,
            now.catalogue_version,
            was.catalogue_digest,
            now.catalogue_digest,
        ),
    ):
        if old != new:
            lines.append(f"  {data_name(what, lang)}{colon}{old or '-'} → {new}")
        elif old_digest and old_digest != new_digest:  # the same version, changed in place
            lines.append(
                f"  {data_name(what, lang)}{colon}{new}（内容与记录不同，按现在的内容）"
                if zh
                else f"  {data_name(what, lang)}{colon}{new} (content differs from what was"
                " recorded: the present content is used)"
            )
    form = library.maturity(update.form_id)
    rules = library.rules(update.rules_id)
    before = verdict_words(update.verdict_was, form, rules, lang)
    after = verdict_words(update.verdict_now, form, rules, lang)
    if before == after:
        lines.append(f"  结论不变：{after}" if zh else f"  verdict unchanged: {after}")
    else:
        lines.append(f"  结论：{before} → {after}" if zh else f"  verdict: {before} → {after}")
    if update.reworded:
        lines.append(
            f"  以下 {len(update.reworded)} 项要求的表述已改变，请重新核对答案："
            if zh
            else f"  {len(update.reworded)} answered requirement(s) now ask something else:"
            " check these answers again:"
        )
        lines += [f"    {rid}" for rid in update.reworded]
    if update.added:
        lines.append(
            f"  新增 {len(update.added)} 项要求，待作答"
            if zh
            else f"  {len(update.added)} new requirement(s) to answer"
        )
    if not applied:
        lines.append("用 --apply 执行更新。" if zh else "Run with --apply to update.")
    return "\n".join(lines)


def finding_sentence(finding: Finding, lang: Lang) -> str:
    """A difference found in a workbook as a reader of lang says it (the finding's own English
    message for English, and for the reasons a file is invalid)."""
    if lang == "zh" and finding.zh:
        return finding.zh
    if lang != "zh" or not finding.kind:
        return finding.message
    where = f"{finding.sheet}!{finding.cell}" if finding.sheet and finding.cell else finding.sheet
    return {
        "cell": f"{where}：应为 {_shown(finding.expected)}，实为 {_shown(finding.found)}",
        "hash": "机读数据中的答题与其校验值不符：导出后被修改过",
        "property": f"文档属性 {finding.cell} 与机读数据不符",
        "title": f"文档标题为“{finding.found}”，按答题应为“{finding.expected}”",
        "sheets": f"工作表为：{finding.found}，与申报表的工作表不符",
        "print-area": f"{where}：设置了打印区域，打印时只印出一部分",
        "formula": f"{where}：含有公式（公式可显示任意内容）",
        "result": f"机读数据的结果行 {finding.cell} 与按答题重新计算的结果不符",
        "format": f"{where}：数字格式 {_shown(finding.found)} 可显示与单元格内容不同的文字或数字",
        "unreadable": f"{where}：文字无法辨认（字号过小或与底色同色）",
        "rich-text": f"{where}：部分文字无法辨认（字号过小、与底色同色或另加注音）",
        "hidden-row": f"{finding.sheet}：第 {finding.cell} 行被隐藏",
        "hidden-columns": f"{finding.sheet}：第 {finding.cell} 列被隐藏",
        "merges": f"{finding.sheet}：合并单元格与申报表不同（{finding.cell}）",
        "conditional": f"{finding.sheet}：添加了 {finding.cell} 个条件格式",
        "validations": f"{finding.sheet}：下拉列表与申报表不同",
        "missing-sheet": f"缺少工作表“{finding.sheet}”",
        "element": f"{finding.sheet}：含有申报表没有的{_EXTRA_ZH.get(finding.cell or '', '内容')}",
        "relationship": f"{finding.sheet}：附有申报表没有的"
        f"{_EXTRA_ZH.get(finding.cell or '', '内容')}",
        "header-footer": f"{finding.sheet}：打印的页眉页脚为“{finding.cell}”，与申报表不同",
        "drawing": f"{finding.sheet}：添加了{_EXTRA_ZH.get(finding.cell or '', '图形')}"
        "，可遮盖单元格内容",
        "chart-count": f"{finding.sheet}：图表数量与申报表不同（实有/应有 {finding.cell}）",
        "chart": f"{finding.sheet}：图表显示的内容与答题不符"
        "（标题、数据范围、缓存的数值、数字格式或坐标轴被改动）",
    }.get(finding.kind, finding.message)


#: what a sheet holds besides its cells (workbook/sheet_extras.py), in Chinese
_EXTRA_ZH = {
    "legacyDrawing": "批注或图形",
    "legacyDrawingHF": "页眉页脚图片",
    "picture": "背景图片",
    "oleObjects": "嵌入对象",
    "controls": "控件",
    "tableParts": "表格",
    "hyperlinks": "超链接",
    "autoFilter": "筛选",
    "extLst": "扩展内容（如新式条件格式）",
    "customSheetViews": "自定义视图",
    "drawing": "图形",
    "comments": "批注",
    "threadedComment": "批注",
    "vmlDrawing": "批注或图形",
    "image": "图片",
    "hyperlink": "超链接",
    "table": "表格",
    "oleObject": "嵌入对象",
    "chartUserShapes": "图表中的图形或文本框",
    "sp": "图形或文本框",
    "pic": "图片",
    "grpSp": "组合图形",
    "cxnSp": "连接线",
    "graphicFrame": "图表以外的对象",
    "contentPart": "墨迹等内容",
}


def _shown(value: object) -> str:
    return "（空）" if value is None or value == "" else f"“{value}”"
