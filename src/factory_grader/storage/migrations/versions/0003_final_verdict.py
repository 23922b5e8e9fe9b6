"""assessment.final_verdict: the verdict reached at finalising, with the form and rule-set
versions and digests that reached it (a final verdict never changes by itself)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Nullable, added in place: assessments finalised before this keep NULL (no verdict stored).
    op.add_column("assessment", sa.Column("final_verdict", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("assessment") as batch:
        batch.drop_column("final_verdict")
