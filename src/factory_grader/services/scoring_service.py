"""Score an answer set with the forms it names."""

from __future__ import annotations

from dataclasses import replace

from factory_grader.domain.answers import Answers
from factory_grader.domain.results import AssessmentResult
from factory_grader.forms.library import FormLibrary
from factory_grader.scoring.assess import assess


def score_answers(
    library: FormLibrary, answers: Answers, improvements: bool = True
) -> AssessmentResult:
    """improvements=False leaves out the ranked improvements and the plan (half the work),
    for summaries of many workbooks that show only the figures and what blocks the next tier."""
    form = library.form_for(answers)
    rules = library.rules_for(answers)
    limit = 20 if improvements else 0
    return assess(form, library.catalogue_for(answers), rules, answers, limit)


def under_rules(library: FormLibrary, answers: Answers, rules_id: str) -> Answers:
    """The same answers judged under another rule set: conditions it does not have are dropped."""
    rules = library.rules(rules_id)
    if rules.form_id != answers.form_id:
        from factory_grader.domain.errors import InputError

        raise InputError(f"rule set '{rules.id}' is for form '{rules.form_id}'")
    kept = {c.id: answers.conditions[c.id] for c in rules.conditions if c.id in answers.conditions}
    if rules.id == answers.rules_id:
        return replace(answers, conditions=kept)
    # another rule set: its current version and catalogue, not this one's versions
    return replace(
        answers, rules_id=rules.id, conditions=kept, rules_version=None, catalogue_version=None
    )
