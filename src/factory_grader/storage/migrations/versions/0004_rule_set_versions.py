"""assessment.rules_version/rules_digest and catalogue_version/catalogue_digest: an assessment
records every versioned piece of data it is scored with, so a final one is rescored with its own
versions and a changed one is reported (issue 11 §3)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = (
    ("rules_version", 20),
    ("rules_digest", 64),
    ("catalogue_version", 20),
    ("catalogue_digest", 64),
)


def upgrade() -> None:
    # Nullable, added in place (no table rebuild): NULL means "not recorded" for older rows.
    for name, length in COLUMNS:
        op.add_column("assessment", sa.Column(name, sa.String(length), nullable=True))
    # A final verdict stored since 0003 names the rule-set version and digest that reached it.
    conn = op.get_bind()
    rows = conn.execute(
        sa.text("SELECT id, final_verdict FROM assessment WHERE final_verdict IS NOT NULL")
    ).all()
    for ident, verdict in rows:
        data = json.loads(verdict)
        conn.execute(
            sa.text("UPDATE assessment SET rules_version = :v, rules_digest = :d WHERE id = :i"),
            {"v": data.get("rules_version"), "d": data.get("rules_digest"), "i": ident},
        )


def downgrade() -> None:
    with op.batch_alter_table("assessment") as batch:
        for name, _ in reversed(COLUMNS):
            batch.drop_column(name)
