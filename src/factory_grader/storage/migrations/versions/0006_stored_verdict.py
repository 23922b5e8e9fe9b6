"""assessment.answers_rev and the last computed verdict (verdict_hundredths, verdict_level,
verdict_tier) with the answers_rev and the basis it was computed at: the start list shows stored
verdicts instead of rescoring every assessment each time (issue 14 §2)

Existing rows start at answers_rev 0 with no stored verdict (NULL): the list rescores them once,
in the background, and stores what it finds.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VERDICT_COLUMNS = (
    ("verdict_hundredths", sa.Integer()),
    ("verdict_level", sa.Integer()),
    ("verdict_tier", sa.String(40)),
    ("verdict_rev", sa.Integer()),
    ("verdict_basis", sa.String(64)),
)


def upgrade() -> None:
    # Added in place, no table rebuild (SQLite allows ADD COLUMN ... NOT NULL with a default).
    # The downgrade's batch drop does rebuild assessment: storage.database runs every migration
    # with foreign keys OFF, so the rebuild cannot cascade into the answers (platform-notes).
    op.add_column(
        "assessment",
        sa.Column("answers_rev", sa.Integer(), nullable=False, server_default=sa.text("0")),
    )
    for name, kind in VERDICT_COLUMNS:
        op.add_column("assessment", sa.Column(name, kind, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("assessment") as batch:
        for name, _ in reversed(VERDICT_COLUMNS):
            batch.drop_column(name)
        batch.drop_column("answers_rev")
