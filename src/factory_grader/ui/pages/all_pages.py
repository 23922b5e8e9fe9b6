"""The pages that need the forms, in navigation order after the start page."""

from __future__ import annotations

from factory_grader.ui.context import AppContext
from factory_grader.ui.controller import Controller, PageName
from factory_grader.ui.pages.base import Page
from factory_grader.ui.pages.compare_page import ComparePage
from factory_grader.ui.pages.conditions_page import ConditionsPage
from factory_grader.ui.pages.finalise_page import FinalisePage
from factory_grader.ui.pages.profile_page import ProfilePage
from factory_grader.ui.pages.questionnaire_page import QuestionnairePage
from factory_grader.ui.pages.results_page import ResultsPage
from factory_grader.ui.pages.scenarios_page import ScenariosPage
from factory_grader.ui.pages.workshop_page import WorkshopPage


def make_pages(ctx: AppContext, controller: Controller) -> dict[PageName, Page]:
    return {
        PageName.PROFILE: ProfilePage(ctx, controller),
        PageName.QUESTIONNAIRE: QuestionnairePage(ctx, controller),
        PageName.SCENARIOS: ScenariosPage(ctx, controller),
        PageName.CONDITIONS: ConditionsPage(ctx, controller),
        PageName.WORKSHOP: WorkshopPage(ctx, controller),
        PageName.RESULTS: ResultsPage(ctx, controller),
        PageName.FINALISE: FinalisePage(ctx, controller),
        PageName.COMPARE: ComparePage(ctx),  # needs no open assessment
    }
