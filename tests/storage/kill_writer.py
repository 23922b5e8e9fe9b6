"""Child process for the kill test: saves answers through the service layer, one per
transaction, and prints a line for each save only after it returned (i.e. committed).

    python -m tests.storage.kill_writer DB_URL ASSESSMENT_ID FIRST_SEQ
"""

from __future__ import annotations

import sys

from factory_grader.domain.maturity_model import SCORED_GRADES
from factory_grader.domain.records import RequirementNote
from factory_grader.forms.library import FormLibrary
from factory_grader.services.assessments import open_service


def main() -> None:
    url, assessment_id, seq = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    library = FormLibrary.load()
    service, _db = open_service(url, library, actor="writer")
    requirement_ids = [r.id for r in library.maturity("cmmm-2020").requirements]
    sheet = service.sheet(assessment_id)
    versions = {rid: sheet.requirements[rid].version for rid in requirement_ids}
    print("ready", flush=True)
    while True:
        rid = requirement_ids[seq % len(requirement_ids)]
        grade = SCORED_GRADES[seq % len(SCORED_GRADES)]
        versions[rid] = service.save_requirement(
            assessment_id, rid, grade, RequirementNote(f"seq {seq}"), versions[rid]
        )
        print(f"{seq} {rid}", flush=True)
        seq += 1


if __name__ == "__main__":
    main()
