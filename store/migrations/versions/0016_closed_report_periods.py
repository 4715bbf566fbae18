"""closed reporting periods: the indicator figures frozen when a period is closed, so
erasing people later does not change what was reported to the funder

Revision ID: 0016
Revises: 0015
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "report_periods",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_by", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("starts_on", "ends_on", name="uq_report_period_days"),
    )
    op.create_table(
        "report_results",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("period_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=24), nullable=False),
        sa.Column("name_it", sa.String(length=400), nullable=False),
        sa.Column("name_en", sa.String(length=400), nullable=False),
        sa.Column("regulation", sa.String(length=200), nullable=False),
        sa.Column("framework", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("split", sa.String(length=16), nullable=False),
        sa.Column("grp", sa.String(length=16), nullable=False),
        sa.Column("female", sa.Integer(), nullable=False),
        sa.Column("male", sa.Integer(), nullable=False),
        sa.Column("non_binary", sa.Integer(), nullable=False),
        sa.Column("not_stated", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["period_id"], ["report_periods.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("period_id", "code", "split", "grp", name="uq_report_result_cell"),
    )


def downgrade() -> None:
    op.drop_table("report_results")
    op.drop_table("report_periods")
