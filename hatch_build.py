"""The wheel's build hook: compiles the Qt translations (.ts → .qm) into the wheel, so that
`pip install factory_grader-*.whl` into a fresh environment gives the Chinese GUI. The .qm files
are build output, never kept in git (a checkout's ./dev compiles its own)."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

PACKAGED = "factory_grader/_resources"  # where ui/resources.py looks in an installed copy


class TranslationsHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        resources = Path(self.root) / "resources"
        self._out = tempfile.TemporaryDirectory(prefix="factory-grader-qm-")
        out = Path(self._out.name)
        for path in sorted(resources.rglob("*")):
            if path.is_file() and path.suffix != ".qm":  # a checkout's own .qm: built anew
                target = f"{PACKAGED}/{path.relative_to(resources).as_posix()}"
                build_data["force_include"][str(path)] = target
        for ts in sorted((resources / "translations").glob("*.ts")):
            qm = out / ts.with_suffix(".qm").name
            subprocess.run(  # PySide6's lrelease (a build dependency of this hook)
                [
                    sys.executable,
                    "-c",
                    "import sys; from PySide6.scripts.pyside_tool import lrelease;"
                    " sys.argv[0] = 'lrelease'; lrelease()",
                    "-silent",
                    str(ts),
                    "-qm",
                    str(qm),
                ],
                check=True,
            )
            if not qm.is_file() or qm.stat().st_size == 0:
                raise RuntimeError(f"lrelease made no {qm.name} from {ts}")
            build_data["force_include"][str(qm)] = f"{PACKAGED}/translations/{qm.name}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if hasattr(self, "_out"):
            self._out.cleanup()
