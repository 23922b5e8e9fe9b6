"""Load a tier rule set (kind = "rules"). References to the form and catalogue are checked by
the library, which sees every file."""

from __future__ import annotations

from typing import Any

from factory_grader.domain.errors import FormError
from factory_grader.domain.rules import Condition, ConditionGroup, RuleSet, TierRule
from factory_grader.forms.reader import Reader, check_unique

TIER_IDS = ("basic", "advanced", "excellent", "leading")


def load_rules(manifest: dict[str, Any], display: str, digest: str) -> RuleSet:
    problems: list[str] = []
    r = Reader(problems, display)
    conditions = []
    for t in r.tables(manifest, "condition", "manifest"):
        cid = r.string(t, "id", "condition")
        try:
            group = ConditionGroup(str(t.get("group")))
        except ValueError:
            allowed = ", ".join(g.value for g in ConditionGroup)
            r.problem(cid, f"group must be one of {allowed}, got {t.get('group')!r}")
            group = ConditionGroup.CONTENT
        link = t.get("link")
        if link is not None and not isinstance(link, str):
            r.problem(cid, f"link must be a 环节 id, got {link!r}")
            link = None
        if link is not None and group is not ConditionGroup.CONTENT:
            r.problem(cid, "only a 建设内容 item (group = content) belongs to a 环节")
        conditions.append(
            Condition(
                cid,
                group,
                r.text(t, cid),
                r.text(t, cid, prefix="hint_"),
                r.provenance(t, "provenance", cid),
                link,
            )
        )
    check_unique(r, [(c.id, display) for c in conditions], "condition")
    condition_ids = {c.id for c in conditions}

    tiers = []
    for t in r.tables(manifest, "tier", "manifest"):
        tid = r.string(t, "id", "tier")
        if tid not in TIER_IDS:
            r.problem(f"tier {tid}", f"id must be one of {', '.join(TIER_IDS)}")
        own = r.str_list(t, "conditions", f"tier {tid}")
        for cid in own:
            if cid not in condition_ids:
                r.problem(f"tier {tid}", f"condition '{cid}' is not defined")
            elif any(c.id == cid and c.group is ConditionGroup.ELIGIBILITY for c in conditions):
                r.problem(
                    f"tier {tid}", f"'{cid}' is eligibility: it applies to every tier already"
                )
        tiers.append(
            TierRule(
                id=tid,
                rank=r.integer(t, "rank", f"tier {tid}", 1, 4),
                name=r.text(t, f"tier {tid}"),
                min_level=r.integer(t, "min_level", f"tier {tid}", 1, 5),
                min_level_provenance=r.provenance(t, "min_level_provenance", f"tier {tid}"),
                required_links=r.str_list(t, "links", f"tier {tid}"),
                links_provenance=r.provenance(t, "links_provenance", f"tier {tid}"),
                min_scenarios_per_link=r.integer(t, "min_scenarios_per_link", f"tier {tid}", 1, 40),
                ai_share_min_percent=r.integer(t, "ai_share_min_percent", f"tier {tid}", 0, 100),
                ai_share_provenance=r.provenance(t, "ai_share_provenance", f"tier {tid}"),
                condition_ids=own,
            )
        )
    tiers.sort(key=lambda tier: tier.rank)
    if [t.rank for t in tiers] != list(range(1, len(tiers) + 1)) or not tiers:
        r.problem("tier", "ranks must run 1, 2, 3 … without gaps or repeats")
    check_unique(r, [(t.id, display) for t in tiers], "tier")
    rule_set = RuleSet(
        id=r.string(manifest, "id", "manifest"),
        version=r.string(manifest, "version", "manifest"),
        name=r.name(manifest, "manifest"),
        region=r.text(manifest.get("region", {}), "region"),
        digest=digest,
        form_id=r.string(manifest, "form", "manifest"),
        scenarios_id=r.string(manifest, "scenarios", "manifest"),
        ladder_provenance=r.provenance(manifest, "ladder_provenance", "manifest"),
        content_links_provenance=r.provenance(manifest, "content_links_provenance", "manifest"),
        conditions=tuple(conditions),
        tiers=tuple(tiers),
    )
    if problems:
        raise FormError(problems)
    return rule_set
