"""assessment.weights_id: the named weight set an assessment is scored with (NULL: the form's own)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A nullable column is added in place (no table rebuild): existing rows keep the default.
    op.add_column("assessment", sa.Column("weights_id", sa.String(length=40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("assessment") as batch:
        batch.drop_column("weights_id")
