"""Child process for the two-process editing test: one person's edit session clicking on the
same few items as another person's, each click saved at once; prints one JSON line per click:
its item, the value clicked, and whether it was saved (with the version it made) or refused.

    python -m tests.storage.edit_writer DB_URL ASSESSMENT_ID ACTOR SEED CLICKS
"""

from __future__ import annotations

import json
import random
import sys

from factory_grader.domain.errors import AnswerConflict
from factory_grader.domain.maturity_model import SCORED_GRADES
from factory_grader.domain.records import RequirementNote
from factory_grader.forms.library import FormLibrary
from factory_grader.services.assessments import open_service
from factory_grader.services.editing import EditSession

ITEMS = ("data.L2.01", "data.L2.02", "sales.L1.01")


def main() -> None:
    url, assessment_id, actor = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    rnd, clicks = random.Random(sys.argv[4]), int(sys.argv[5])
    service, db = open_service(url, FormLibrary.load(), actor=actor)
    session = EditSession(service, assessment_id)
    print(json.dumps({"ready": True}), flush=True)
    sys.stdin.readline()  # both processes start clicking together
    for n in range(clicks):
        rid = rnd.choice(ITEMS)
        grade = rnd.choice(SCORED_GRADES)
        comment = f"{actor} {n}"
        save = session.set_requirement(rid, grade, RequirementNote(comment))
        try:
            save()
            version = session._versions[("requirement", rid)]
            line = {"item": rid, "comment": comment, "saved": True, "version": version}
        except AnswerConflict:
            line = {"item": rid, "comment": comment, "saved": False}
        print(json.dumps(line), flush=True)
    db.close()


if __name__ == "__main__":
    main()
