"""Score an answer set with the forms it names."""

from __future__ import annotations

from factory_grader.domain.answers import Answers
from factory_grader.domain.results import AssessmentResult
from factory_grader.forms.library import FormLibrary
from factory_grader.scoring.assess import assess


def score_answers(library: FormLibrary, answers: Answers) -> AssessmentResult:
    form = library.maturity(answers.form_id)
    rules = library.rules(answers.rules_id)
    return assess(form, library.catalogue(rules.scenarios_id), rules, answers)
