"""Render the example's submission workbook the way an official prints it: export, convert to
PDF with LibreOffice, and save chosen pages as PNG in docs/screenshots/ (for the README).

    .venv/bin/python scripts/workbook_pages.py [--out DIR]

Needs `soffice` and `pdftoppm` (Debian: libreoffice-calc-nogui, poppler-utils) and a CJK font
for LibreOffice (fonts-wqy-microhei or fonts-noto-cjk).
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
from pathlib import Path

from factory_grader.forms.library import FormLibrary
from factory_grader.services.answers_file import read_answers_file
from factory_grader.services.examples import example_answers_path
from factory_grader.services.submission import build_submission, export_workbook

PAGES = {1: "workbook-cover", 2: "workbook-result", 4: "workbook-answers"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args()
    lib = FormLibrary.load()
    answers = read_answers_file(example_answers_path(), lib)
    with tempfile.TemporaryDirectory() as tmp:
        book = Path(tmp) / "example.xlsx"
        export_workbook(build_submission(lib, answers, claimed_tier="basic"), book)
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{tmp}/lo",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                tmp,
                str(book),
            ],
            check=True,
            capture_output=True,
        )
        pdf = Path(tmp) / "example.pdf"
        for page, name in PAGES.items():
            subprocess.run(
                [
                    "pdftoppm",
                    "-png",
                    "-r",
                    "70",
                    "-f",
                    str(page),
                    "-l",
                    str(page),
                    "-singlefile",
                    str(pdf),
                    str(args.out / name),
                ],
                check=True,
            )
            print(args.out / f"{name}.png")


if __name__ == "__main__":
    main()
