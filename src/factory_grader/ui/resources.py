"""Where the app's resources (font, translations, icon) are: inside a wheel or in the checkout
(services.app_paths finds them; the CLI's report needs the font too)."""

from __future__ import annotations

from factory_grader.services.app_paths import resources_root

__all__ = ["resources_root"]
