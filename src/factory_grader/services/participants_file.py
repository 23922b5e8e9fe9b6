"""A workshop's participants list as a CSV file: a header row naming the columns name,
department, role (or 姓名, 部门, 角色/职务/岗位), and optionally subdomains (负责子域): the
sub-domains or domains that person is asked about, separated by 、 ; ； or |, by name or id (a
domain stands for all its sub-domains; empty: every requirement). UTF-8 (with or without BOM)
or GBK, as Excel on a Chinese Windows saves it. Every problem names the file and the line."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from factory_grader.domain.maturity_model import MaturityForm
from factory_grader.domain.text import Text
from factory_grader.domain.text_rules import FORBIDDEN
from factory_grader.domain.workshop import FIELD_LIMIT, NewParticipant, WorkshopError

COLUMNS = {
    "name": ("name", "姓名", "名字"),
    "department": ("department", "部门"),
    "role": ("role", "角色", "职务", "岗位"),
    "subdomains": ("subdomains", "负责子域", "子域", "能力子域"),
}
MAX_BYTES = 1024 * 1024
MAX_PEOPLE = 200
#: Between sub-domain names in one cell (a comma inside quotes too, as Excel writes it).
_SEPARATORS = re.compile(r"[、;；|,，]+")


def read_participants_csv(path: Path, form: MaturityForm) -> list[NewParticipant]:
    # line ends as any spreadsheet writes them (old Mac Excel: CR alone)
    rows = _rows(path, _decode(path).replace("\r\n", "\n").replace("\r", "\n"))
    while rows and not any(c.strip() for c in rows[0][1]):
        rows.pop(0)
    if not rows:
        raise WorkshopError(f"{path}: the file is empty", f"{path.name}：文件是空的")
    where = _columns(path, rows[0][1])
    people: list[NewParticipant] = []
    first_line: dict[str, int] = {}
    for line, row in rows[1:]:
        if not any(c.strip() for c in row):
            continue

        def cell(key: str, row: list[str] = row) -> str:
            i = where.get(key)
            return row[i].strip() if i is not None and i < len(row) else ""

        name = cell("name")
        if not name:
            raise WorkshopError(
                f"{path}: line {line}: the name is empty", f"{path.name}：第 {line} 行姓名为空"
            )
        for key in ("name", "department", "role"):
            value = cell(key)
            if len(value) > FIELD_LIMIT or FORBIDDEN.search(value):
                raise WorkshopError(
                    f"{path}: line {line}: the {key} is longer than {FIELD_LIMIT} characters or"
                    " holds a control character",
                    f"{path.name}：第 {line} 行的{_ZH[key]}超过 {FIELD_LIMIT} 个字或含有控制字符",
                )
        if name in first_line:
            raise WorkshopError(
                f"{path}: line {line}: {name!r} is listed twice (also line {first_line[name]})",
                f"{path.name}：第 {line} 行“{name}”重复（第 {first_line[name]} 行已有）",
            )
        first_line[name] = line
        people.append(
            NewParticipant(
                name,
                cell("department"),
                cell("role"),
                _subdomains(path, line, cell("subdomains"), form),
            )
        )
        if len(people) > MAX_PEOPLE:
            raise WorkshopError(
                f"{path}: more than {MAX_PEOPLE} participants",
                f"{path.name}：参与人超过 {MAX_PEOPLE} 位",
            )
    if not people:
        raise WorkshopError(
            f"{path}: no participants below the header row", f"{path.name}：标题行下没有参与人"
        )
    return people


_ZH = {"name": "姓名", "department": "部门", "role": "角色"}


def _rows(path: Path, text: str) -> list[tuple[int, list[str]]]:
    """Each record with the line it starts on (what a person sees in an editor). A quote never
    closed, or a line break inside a field, is a mistake in the file, not a long name."""
    reader = csv.reader(io.StringIO(text), strict=True)
    out: list[tuple[int, list[str]]] = []
    line = 1
    try:
        for row in reader:
            if any("\n" in c or "\r" in c for c in row):
                raise WorkshopError(
                    f"{path}: line {line}: a field runs over several lines (a quote not closed?)",
                    f"{path.name}：第 {line} 行有字段跨了多行（引号没有配对？）",
                )
            out.append((line, row))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise WorkshopError(  # `line`: where the record that fails begins
            f"{path}: line {line}: not valid CSV from here on (a quote not closed?)",
            f"{path.name}：从第 {line} 行起不是有效的 CSV 格式（引号没有配对？）",
        ) from exc
    return out


def _decode(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise WorkshopError(
            f"{path}: cannot be read ({exc.strerror})", f"{path.name}：无法读取（{exc.strerror}）"
        ) from exc
    if len(data) > MAX_BYTES:
        raise WorkshopError(
            f"{path}: larger than 1 MB: not a participants list",
            f"{path.name}：超过 1 MB，不是参与人名单",
        )
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise WorkshopError(
        f"{path}: neither UTF-8 nor GBK text: save it as CSV (UTF-8)",
        f"{path.name}：既不是 UTF-8 也不是 GBK 文本，请另存为 CSV（UTF-8）",
    )


def _columns(path: Path, header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for i, title in enumerate(header):
        key = title.strip().casefold()
        for column, names in COLUMNS.items():
            if key in (n.casefold() for n in names) and column not in found:
                found[column] = i
    if "name" not in found:
        shown = ", ".join(h.strip() for h in header)
        raise WorkshopError(
            f"{path}: line 1 must be a header row with the columns name, department, role"
            f" (found: {shown})",
            f"{path.name}：第 1 行应为标题行，列名为 姓名、部门、角色（现为：{shown}）",
        )
    return found


def _name_index(form: MaturityForm) -> dict[str, tuple[str, ...]]:
    """Every name a person may write (id, Chinese, English; any case) -> the sub-domains it
    stands for: a sub-domain itself, a domain's, an element's (人员, 技术, 资源, 制造). Where a
    domain and a sub-domain share a name (数据), the sub-domain is meant."""
    index: dict[str, tuple[str, ...]] = {}

    def add(ident: str, name: Text, subs: tuple[str, ...]) -> None:
        for key in (ident, name.zh, name.en):
            index.setdefault(key.casefold(), subs)

    for sub in form.subdomains:
        add(sub.id, sub.name, (sub.id,))
    for d in form.domains:
        add(d.id, d.name, tuple(x.id for x in form.subdomains if x.domain_id == d.id))
    for e in form.elements:
        domains = {d.id for d in form.domains if d.element_id == e.id}
        add(e.id, e.name, tuple(x.id for x in form.subdomains if x.domain_id in domains))
    return index


def subdomains_from_text(text: str, form: MaturityForm, who: str) -> tuple[str, ...] | None:
    """Sub-domains typed as in the CSV's column (None: every requirement); `who` names the
    person in a message."""
    return _subdomains(Path(who), 0, text, form)


def _subdomains(path: Path, line: int, text: str, form: MaturityForm) -> tuple[str, ...] | None:
    words = [w.strip() for w in _SEPARATORS.split(text) if w.strip()]
    if not words:
        return None
    names = _name_index(form)
    # spaces part Chinese names (设备管理 能源管理) but belong to English ones (Product design)
    words = [part for w in words for part in ([w] if w.casefold() in names else w.split())]
    chosen: list[str] = []
    for word in words:
        subs = names.get(word.casefold(), ())
        if not subs:
            where_en = f"{path}: line {line}" if line else str(path)
            where_zh = f"{path.name}：第 {line} 行" if line else f"{path.name}："
            raise WorkshopError(
                f"{where_en}: {word!r} is no sub-domain, domain or element",
                f"{where_zh}“{word}”不是能力子域、能力域或能力要素",
            )
        chosen.extend(s for s in subs if s not in chosen)
    return tuple(chosen)


def suggested_subdomains(department: str, form: MaturityForm) -> tuple[str, ...] | None:
    """The sub-domains a department's head would usually answer for, from its name: a
    sub-domain or domain named in it (生产部 → 生产's sub-domains, 设备管理科 → 设备管理).
    None when the name says nothing (信息中心, 总经办): that person gets every requirement."""
    text = department.casefold()

    def named(name: Text) -> bool:
        return name.zh.casefold() in text or (text.isascii() and name.en.casefold() in text)

    # a sub-domain named is the closer match: 工艺设计部 is 工艺设计, not all of 设计
    found = [s.id for s in form.subdomains if named(s.name)]
    if not found:
        domains = {d.id for d in form.domains if named(d.name)}
        found = [s.id for s in form.subdomains if s.domain_id in domains]
    return tuple(dict.fromkeys(found)) or None
