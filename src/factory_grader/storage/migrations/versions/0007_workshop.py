"""Workshops (issue 16): participants of an assessment, the grades they returned (votes) and the
rationale of each agreed answer.

Three new tables, nothing existing is touched: no table is rebuilt, so no cascade can fire
(platform-notes); the downgrade drops only these three.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "participant",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("department", sa.String(100), nullable=False),
        sa.Column("role", sa.String(100), nullable=False),
        sa.Column("subdomains", sa.Text(), nullable=True),
        sa.Column("token", sa.String(40), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("returned_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessment.id"],
            name=op.f("fk_participant_assessment_id_assessment"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_participant")),
        sa.UniqueConstraint("assessment_id", "name", name="uq_participant_name"),
        sa.UniqueConstraint("token", name=op.f("uq_participant_token")),
    )
    op.create_index(
        op.f("ix_participant_assessment_id"), "participant", ["assessment_id"], unique=False
    )
    op.create_table(
        "vote",
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("requirement_id", sa.String(80), nullable=False),
        sa.Column("grade", sa.String(8), nullable=True),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("returned_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("source", sa.String(255), nullable=False),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
            name=op.f("fk_vote_participant_id_participant"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("participant_id", "requirement_id", name=op.f("pk_vote")),
    )
    op.create_table(
        "agreement",
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("requirement_id", sa.String(80), nullable=False),
        sa.Column("grade", sa.String(8), nullable=True),
        sa.Column("rationale", sa.Text(), nullable=False),
        sa.Column("agreed_by", sa.String(100), nullable=False),
        sa.Column("agreed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessment.id"],
            name=op.f("fk_agreement_assessment_id_assessment"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("assessment_id", "requirement_id", name=op.f("pk_agreement")),
    )


def downgrade() -> None:
    op.drop_table("agreement")
    op.drop_table("vote")
    op.drop_index(op.f("ix_participant_assessment_id"), table_name="participant")
    op.drop_table("participant")
