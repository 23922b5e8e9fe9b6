"""City and industry stored by code (行政区划代码, GB/T 4754): names typed in either language
become codes, with the Chinese name beside them; text that matches no code stays as typed
(and shows as unrecognised) (issue 11 §2)

The code lists are written out here as they were when this migration was made (a migration
never reads today's data files: it must do the same thing on every database, forever).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

import json
import logging
import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

log = logging.getLogger(__name__)

CITIES = {
    "460100": ("海口市", "Haikou"),
    "460200": ("三亚市", "Sanya"),
    "460300": ("三沙市", "Sansha"),
    "460400": ("儋州市", "Danzhou"),
    "469001": ("五指山市", "Wuzhishan"),
    "469002": ("琼海市", "Qionghai"),
    "469005": ("文昌市", "Wenchang"),
    "469006": ("万宁市", "Wanning"),
    "469007": ("东方市", "Dongfang"),
    "469021": ("定安县", "Ding'an"),
    "469022": ("屯昌县", "Tunchang"),
    "469023": ("澄迈县", "Chengmai"),
    "469024": ("临高县", "Lingao"),
    "469025": ("白沙黎族自治县", "Baisha"),
    "469026": ("昌江黎族自治县", "Changjiang"),
    "469027": ("乐东黎族自治县", "Ledong"),
    "469028": ("陵水黎族自治县", "Lingshui"),
    "469029": ("保亭黎族苗族自治县", "Baoting"),
    "469030": ("琼中黎族苗族自治县", "Qiongzhong"),
    "yangpu": ("洋浦经济开发区", "Yangpu Economic Development Zone"),
}
INDUSTRIES = {
    "C13": ("农副食品加工业", "Agricultural and sideline food processing"),
    "C14": ("食品制造业", "Food manufacturing"),
    "C15": ("酒、饮料和精制茶制造业", "Liquor, beverages and refined tea"),
    "C16": ("烟草制品业", "Tobacco products"),
    "C17": ("纺织业", "Textiles"),
    "C18": ("纺织服装、服饰业", "Textile garments and apparel"),
    "C19": ("皮革、毛皮、羽毛及其制品和制鞋业", "Leather, fur, feathers and footwear"),
    "C20": ("木材加工和木、竹、藤、棕、草制品业", "Wood, bamboo, rattan, palm and straw products"),
    "C21": ("家具制造业", "Furniture"),
    "C22": ("造纸和纸制品业", "Paper and paper products"),
    "C23": ("印刷和记录媒介复制业", "Printing and reproduction of recorded media"),
    "C24": (
        "文教、工美、体育和娱乐用品制造业",
        "Stationery, crafts, sports and entertainment goods",
    ),
    "C25": ("石油、煤炭及其他燃料加工业", "Petroleum, coal and other fuel processing"),
    "C26": ("化学原料和化学制品制造业", "Chemical raw materials and products"),
    "C27": ("医药制造业", "Pharmaceuticals"),
    "C28": ("化学纤维制造业", "Chemical fibres"),
    "C29": ("橡胶和塑料制品业", "Rubber and plastic products"),
    "C30": ("非金属矿物制品业", "Non-metallic mineral products"),
    "C31": ("黑色金属冶炼和压延加工业", "Ferrous metal smelting and rolling"),
    "C32": ("有色金属冶炼和压延加工业", "Non-ferrous metal smelting and rolling"),
    "C33": ("金属制品业", "Metal products"),
    "C34": ("通用设备制造业", "General-purpose machinery"),
    "C35": ("专用设备制造业", "Special-purpose machinery"),
    "C36": ("汽车制造业", "Automobiles"),
    "C37": (
        "铁路、船舶、航空航天和其他运输设备制造业",
        "Railway, ships, aerospace and other transport equipment",
    ),
    "C38": ("电气机械和器材制造业", "Electrical machinery and equipment"),
    "C39": (
        "计算机、通信和其他电子设备制造业",
        "Computers, communication and other electronic equipment",
    ),
    "C40": ("仪器仪表制造业", "Instruments and meters"),
    "C41": ("其他制造业", "Other manufacturing"),
    "C42": ("废弃资源综合利用业", "Comprehensive use of waste resources"),
    "C43": ("金属制品、机械和设备修理业", "Repair of metal products, machinery and equipment"),
}


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _names(code: str, zh: str, en: str, kind: str) -> set[str]:
    if kind == "city":
        return {
            _key(code),
            _key(zh),
            _key(en),
            _key(en + " city"),
            _key(re.sub("(市|县)$", "", zh)),
        }
    return {
        _key(code),
        _key(code[1:]),
        _key(zh),
        _key(en),
        _key(f"{code} {zh}"),
        _key(f"{code} {en}"),
    }


def by_code(profile: dict[str, str]) -> dict[str, str]:
    """As the app's ProfileLists.normalised does: a known code (or, without a code, a name in
    either language) gives the code and the Chinese name; anything else stays exactly as it is."""
    out = dict(profile)
    for field, table in (("city", CITIES), ("industry", INDUSTRIES)):
        given = (out.get(f"{field}_code") or "").strip()
        code = given if given in table else ""
        if not given:
            text = _key(out.get(field) or "")
            code = next(
                (c for c, (zh, en) in table.items() if text in _names(c, zh, en, field)), ""
            )
        if code:
            out[f"{field}_code"], out[field] = code, table[code][0]
        elif given or (out.get(field) or "").strip():
            log.info(
                "profile %s %r / %r matches no code: kept as it is", field, out.get(field), given
            )
    return out


def upgrade() -> None:
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, profile_json FROM assessment")).all()
    for ident, text in rows:
        profile = json.loads(text)
        new = by_code(profile)
        if new != profile:
            conn.execute(
                sa.text("UPDATE assessment SET profile_json = :p WHERE id = :i"),
                {"p": json.dumps(new, ensure_ascii=False), "i": ident},
            )


def downgrade() -> None:
    # The codes stay: older versions show the Chinese name and ignore city_code.
    pass
