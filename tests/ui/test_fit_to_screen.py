"""The window opens within the screen's free area, whatever size was saved (a laptop of
1366 × 768, or a screen at 150 %): nothing of it hangs off the screen."""

from __future__ import annotations

from factory_grader.ui.app import fit_to_screen


def test_a_window_larger_than_the_screen_is_fitted(open_window) -> None:
    window = open_window("zh")
    area = window.screen().availableGeometry()
    window.resize(area.width() + 600, area.height() + 400)  # as saved on a larger screen
    fit_to_screen(window)
    # no wider than the screen, or than the window's own minimum where that is wider (the test
    # screen is 800 wide; the window's minimum on a narrow screen is issue 15's)
    assert window.width() <= max(area.width(), window.minimumSizeHint().width())
    assert window.width() < area.width() + 600
    assert window.height() <= area.height() - 40  # room for the title bar
    assert area.contains(window.geometry().topLeft())
