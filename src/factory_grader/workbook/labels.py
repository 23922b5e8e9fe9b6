"""The workbooks' own labels, in Chinese and English: sheet names, headers, the pledge. Words
about a result (grades, tiers, levels, sentences) come from factory_grader.wording; the form
data carries the rest."""

from __future__ import annotations

from factory_grader.domain.text import Lang

#: Visible sheets of a submission, in workbook order. Names are fixed per language.
SHEETS: dict[str, tuple[str, str]] = {
    "cover": ("封面", "Cover"),
    "result": ("评估结果", "Result"),
    "answers": ("答题明细", "Answers"),
    "scenarios": ("典型场景", "Scenarios"),
    "conditions": ("要素条件", "Conditions"),
    "gaps": ("差距分析", "Gaps"),
    "pledge": ("真实性承诺", "Pledge"),
}

_WORDS: dict[str, tuple[str, str]] = {
    "title": ("智能工厂梯度培育 自评申报表", "Smart-factory tier application: self-assessment"),
    "profile": ("企业基本情况", "Enterprise profile"),
    "assessment": ("自评结果", "Self-assessment result"),
    "item": ("项目", "Item"),
    "value": ("内容", "Value"),
    "industry_type": ("企业类型", "Manufacturing type"),
    "discrete": ("离散型", "Discrete"),
    "process": ("流程型", "Process"),
    "claimed_tier": ("申报等级", "Tier applied for"),
    "computed_tier": ("自评梯度等级", "Tier (self-assessed)"),
    "not_claimed": ("（未填写）", "(not given)"),
    "score": ("成熟度得分 S", "Maturity score S"),
    "level": ("成熟度等级", "Maturity level"),
    "rules": ("梯度规则", "Tier rules"),
    "form": ("成熟度问卷", "Maturity questionnaire"),
    "catalogue": ("典型场景目录", "Scenario catalogue"),
    "assessment_id": ("评估编号 / 修订", "Assessment id / revision"),
    "exported_at": ("导出时间（北京时间）", "Exported at (Beijing time, UTC+8)"),
    # the row as schemas /1–/3 have it (they showed UTC)
    "exported_at_utc": ("导出时间（UTC）", "Exported at (UTC)"),
    "app": ("生成软件", "Made with"),
    "answers_sha256": ("答题数据校验码 SHA-256", "Answers checksum SHA-256"),
    "level_scores": ("各级得分", "Level scores"),
    "level_col": ("等级", "Level"),
    "level_score": ("得分 Aᵢ", "Score Aᵢ"),
    "counted": ("计入 S", "Counted in S"),
    "rule": ("计分规则", "Rule applied"),
    "subdomain_scores": ("各能力子域得分", "Sub-domain scores"),
    "subdomain_weights": (
        "各能力子域在各级得分中的实际权重（不适用部分剔除后重新分配；各级合计为 1）",
        "Effective weight of each sub-domain in each level score (after leaving out 不适用; "
        "each level adds up to 1)",
    ),
    "optional": ("可选", "optional"),
    "weights": ("权重", "Weights"),
    "all_tiers": ("各梯度", "every tier"),
    "element": ("能力要素", "Element"),
    "domain": ("能力域", "Domain"),
    "subdomain": ("能力子域", "Sub-domain"),
    "reached": ("达到等级", "Level reached"),
    "needed": ("下一梯度所需等级", "Level the next tier needs"),
    "coverage": ("梯度环节覆盖", "Coverage of the tier 环节"),
    "link": ("梯度环节", "Tier 环节"),
    "built_count": ("已建场景数", "Scenarios built"),
    "ai_count": ("应用 AI 场景数", "With AI"),
    "covered": ("已覆盖", "Covered"),
    "totals": ("合计", "Total"),
    "ai_share": ("AI 场景占比", "AI share"),
    "radar": ("能力子域雷达图（达到等级）", "Sub-domain radar (level reached)"),
    "id": ("编号", "Id"),
    "statement": ("要求", "Requirement"),
    "answer": ("作答", "Answer"),
    "req_score": ("得分", "Score"),
    "comment": ("备注", "Comment"),
    "comment_continued": ("备注（续）", "Comment (continued)"),
    "evidence": ("证据文件", "Evidence files"),
    "evidence_sha": ("证据 SHA-256", "Evidence SHA-256"),
    "review": ("待复核", "For review"),
    "stage": ("环节", "Stage"),
    "scenario": ("场景", "Scenario"),
    "built": ("已建成", "Built"),
    "ai": ("应用 AI", "Uses AI"),
    "instance": ("实例（建设内容与成效）", "Instance (what was built, with what result)"),
    "instance_continued": ("实例（续）", "Instance (continued)"),
    "group": ("类别", "Group"),
    "condition": ("条件", "Condition"),
    "holds": ("是否满足", "Holds"),
    "tiers": ("适用梯度", "Tiers"),
    "link_col": ("环节", "Stage"),
    "provenance": ("依据", "Source"),
    "eligibility": ("要素条件", "Eligibility"),
    "content": ("建设内容", "Construction content"),
    "results": ("建设成效", "Results"),
    "current_tier": ("当前梯度", "Current tier"),
    "next_tier": ("下一梯度", "Next tier"),
    "blockers": ("尚未满足的条件", "What is not yet met"),
    "no_blockers": ("无", "None"),
    "target": ("目标成熟度得分", "Target maturity score"),
    "plan": (
        "问卷部分：需提升的要求（先提升卡住的那一级）",
        "Questionnaire: requirements to raise (the blocking level first)",
    ),
    "plan_to_tier": ("达到下一梯度的路径", "Path to the next tier"),
    "plan_short": ("按建议路径仍达不到目标得分", "The suggested path does not reach the target"),
    "improvements": (
        "最有效的改进（先列卡住下一梯度的那一级）",
        "Improvements that help most (the blocking level first)",
    ),
    "rank": ("序号", "No."),
    "current": ("当前", "Now"),
    "to": ("提升至", "Raise to"),
    "gain": ("S 增加", "Gain in S"),
    "score_after": ("提升后 S", "S after"),
    "pledge_title": ("真实性承诺书", "Authenticity pledge"),
    "pledge_text": (
        "本企业承诺：本申报表所填报的企业信息、成熟度自评答题、典型场景建设情况及相关证明材料均真实、"
        "准确、完整，不存在弄虚作假行为。如有不实，本企业愿承担相应责任。",
        "We declare that the enterprise information, maturity self-assessment answers, typical"
        " scenarios and supporting evidence in this application are true, accurate and complete."
        " We accept responsibility for any statement found to be untrue.",
    ),
    "legal_rep": ("法定代表人（签字）：", "Legal representative (signature):"),
    "seal": ("企业（盖章）：", "Company seal:"),
    "date": ("日期：", "Date:"),
    "yes": ("是", "Yes"),
    "no": ("否", "No"),
    "unanswered": ("未作答", "Unanswered"),
    "not_scorable": ("—", "—"),
}

PROFILE_LABELS: dict[str, tuple[str, str]] = {
    "name": ("企业名称", "Enterprise name"),
    "credit_code": ("统一社会信用代码", "Unified social credit code"),
    "address": ("注册地址", "Registered address"),
    "city": ("市县", "City / county"),
    "industry": ("所属行业", "Industry"),
    "industry_code": ("行业代码（GB/T 4754）", "Industry code (GB/T 4754)"),
    "size": ("企业规模", "Size"),
    "size_reason": ("企业规模与划分标准不同的理由", "Why the size differs from the rule"),
    "revenue_3y": ("近3年营业收入", "Revenue, last 3 years"),
    "revenue": ("上年度营业收入（万元）", "Revenue last year (10,000 yuan)"),
    "employees": ("员工总数", "Employees"),
    "main_business": ("主营业务 / 主导产品", "Main business / products"),
    "contact": ("联系人", "Contact"),
    "phone": ("电话", "Phone"),
    "email": ("邮箱", "Email"),
    "certifications": ("资质荣誉", "Certifications and titles"),
}


def word(key: str, lang: Lang) -> str:
    zh, en = _WORDS[key]
    return en if lang == "en" else zh


def pick(pair: tuple[str, str], lang: Lang) -> str:
    return pair[1] if lang == "en" else pair[0]


def sheet_name(key: str, lang: Lang) -> str:
    return pick(SHEETS[key], lang)


def yes_no(value: bool, lang: Lang) -> str:
    return word("yes" if value else "no", lang)
