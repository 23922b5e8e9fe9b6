"""The forms' data — a questionnaire, a rule set, a scenario catalogue — as JSON with stable
keys, for scripts and reviewers (`factory-grader forms show ID --json`; docs/forms-format.md)."""

from __future__ import annotations

from typing import Any

from factory_grader.domain.maturity_model import IndustryType, MaturityForm
from factory_grader.domain.rules import Provenance, RuleSet
from factory_grader.domain.scenarios import ScenarioCatalogue
from factory_grader.forms.library import FormLibrary
from factory_grader.scoring.maturity import default_subdomain_weights
from factory_grader.scoring.rounding import format_weight


def form_data_json(
    item: MaturityForm | RuleSet | ScenarioCatalogue, lib: FormLibrary
) -> dict[str, Any]:
    """A questionnaire, rule set or scenario catalogue as `forms show --json` prints it."""
    head = {
        "id": item.id,
        "version": item.version,
        "name": item.name.zh,
        "name_en": item.name.en,
        "digest": item.digest,
    }
    if isinstance(item, MaturityForm):
        weights = {kind: default_subdomain_weights(item, kind) for kind in IndustryType}
        return {
            "kind": "maturity",
            **head,
            "elements": [
                {"id": e.id, "name": e.name.zh, "name_en": e.name.en} for e in item.elements
            ],
            "domains": [
                {
                    "id": d.id,
                    "element": d.element_id,
                    "name": d.name.zh,
                    "name_en": d.name.en,
                    "weight": {k.value: v for k, v in d.weights.items()},
                }
                for d in item.domains
            ],
            "subdomains": [
                {
                    "id": s.id,
                    "domain": s.domain_id,
                    "name": s.name.zh,
                    "name_en": s.name.en,
                    "weight": {k.value: v for k, v in s.weights.items()},
                    # its share of each level score A1..A5 when nothing is 不适用 (answers that
                    # leave parts out rescale these: `score --json` gives the actual ones)
                    "effective_weights": {
                        kind.value: [format_weight(w) for w in weights[kind][s.id]]
                        for kind in IndustryType
                    },
                }
                for s in item.subdomains
            ],
            "weight_sets": [
                {
                    "id": w.id,
                    "name": w.name.zh,
                    "name_en": w.name.en,
                    "note": w.note.zh,
                    "domains": {
                        d: {k.value: v for k, v in ws.items()} for d, ws in w.domain_weights.items()
                    },
                    "effective_weights": {
                        kind.value: {
                            sid: [format_weight(x) for x in values]
                            for sid, values in default_subdomain_weights(item, kind, w.id).items()
                        }
                        for kind in IndustryType
                    },
                }
                for w in item.weight_sets
            ],
            "weighting": (
                "A_i = sum over the domains scorable at level i of weight x domain score, "
                "divided by the sum of their weights; a domain's score is the weighted mean of "
                "its scorable sub-domains; elements group domains for display only"
            ),
            "requirements": [
                {
                    "id": r.id,
                    "subdomain": r.subdomain_id,
                    "level": r.level,
                    "text": r.text.zh,
                    "text_en": r.text.en,
                    "evidence": r.evidence.zh,
                    "evidence_en": r.evidence.en,
                    "applies_to": sorted(t.value for t in r.applies_to),
                }
                for r in item.requirements
            ],
            "grades": {g.value: v for g, v in item.grade_values.items()},
            "bands": [
                {
                    "level": b.level,
                    "name": b.name.zh,
                    "min": b.min_hundredths / 100,
                    "max": b.max_hundredths / 100,
                }
                for b in item.bands
            ],
            "weights_note": item.weights_note.zh,
            "disclaimer": item.disclaimer.zh,
        }
    if isinstance(item, RuleSet):

        def prov(p: Provenance) -> dict[str, str]:
            return {
                "confidence": p.confidence.value,
                "basis": p.basis.value,
                "label": p.label.zh,
                "label_en": p.label.en,
                "source": p.source,
            }

        return {
            "kind": "rules",
            **head,
            "form": item.form_id,
            "scenarios": item.scenarios_id,
            "default": item.id == lib.default_rules_id,
            "ladder_provenance": prov(item.ladder_provenance),
            "content_links_provenance": prov(item.content_links_provenance),
            "conditions": [
                {
                    "id": c.id,
                    "group": c.group.value,
                    "link": c.link,
                    "text": c.text.zh,
                    "text_en": c.text.en,
                    "provenance": prov(c.provenance),
                }
                for c in item.conditions
            ],
            "tiers": [
                {
                    "id": t.id,
                    "rank": t.rank,
                    "name": t.name.zh,
                    "name_en": t.name.en,
                    "min_level": t.min_level,
                    "min_level_provenance": prov(t.min_level_provenance),
                    "links": list(t.required_links),
                    "links_provenance": prov(t.links_provenance),
                    "ai_share_min_percent": t.ai_share_min_percent,
                    "ai_share_provenance": prov(t.ai_share_provenance),
                    "conditions": list(t.condition_ids),
                    "required_conditions": list(item.required_condition_ids(t)),
                    "optional_conditions": list(item.optional_condition_ids(t)),
                }
                for t in item.tiers
            ],
        }
    return {
        "kind": "scenarios",
        **head,
        "links": [{"id": x.id, "name": x.name.zh, "name_en": x.name.en} for x in item.links],
        "stages": [
            {
                "id": s.id,
                "name": s.name.zh,
                "name_en": s.name.en,
                "link": s.link_id,
                "mapping_note": s.mapping_note,
            }
            for s in item.stages
        ],
        "scenarios": [
            {
                "id": s.id,
                "stage": s.stage_id,
                "name": s.name.zh,
                "name_en": s.name.en,
                "description": s.description.zh,
                "description_en": s.description.en,
            }
            for s in item.scenarios
        ],
    }
