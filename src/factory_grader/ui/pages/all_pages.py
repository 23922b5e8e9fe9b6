"""The pages that need the forms, in navigation order after the start page."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from factory_grader.ui.context import AppContext
from factory_grader.ui.pages.base import Page
from factory_grader.ui.pages.compare_page import ComparePage
from factory_grader.ui.pages.conditions_page import ConditionsPage
from factory_grader.ui.pages.finalise_page import FinalisePage
from factory_grader.ui.pages.profile_page import ProfilePage
from factory_grader.ui.pages.questionnaire_page import QuestionnairePage
from factory_grader.ui.pages.results_page import ResultsPage
from factory_grader.ui.pages.scenarios_page import ScenariosPage


def make_pages(ctx: AppContext, window: QWidget) -> list[Page]:
    return [
        ProfilePage(ctx, window),
        QuestionnairePage(ctx, window),
        ScenariosPage(ctx, window),
        ConditionsPage(ctx, window),
        ResultsPage(ctx, window),
        FinalisePage(ctx, window),
        ComparePage(ctx, window),  # needs no open assessment
    ]
