"""the follow-up six months after the exit: whether the person agreed to be asked, when it
falls due, when the bot asked, and the answer (status, date, who recorded it)

Revision ID: 0018
Revises: 0017
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("care_records") as table:
        # Null: not asked (records closed before this column existed): never contacted.
        table.add_column(sa.Column("followup_consent", sa.Boolean(), nullable=True))
        table.add_column(sa.Column("followup_due_on", sa.Date(), nullable=True))
        table.add_column(sa.Column("followup_asked_at", sa.DateTime(timezone=True), nullable=True))
        table.add_column(sa.Column("followup_status", sa.String(length=24), nullable=True))
        table.add_column(sa.Column("followup_on", sa.Date(), nullable=True))
        table.add_column(sa.Column("followup_by", sa.String(length=64), nullable=True))
    # The bot's job looks for follow-ups due and not yet asked.
    op.create_index("ix_care_records_followup_due_on", "care_records", ["followup_due_on"])


def downgrade() -> None:
    op.drop_index("ix_care_records_followup_due_on", table_name="care_records")
    with op.batch_alter_table("care_records") as table:
        for column in (
            "followup_by",
            "followup_on",
            "followup_status",
            "followup_asked_at",
            "followup_due_on",
            "followup_consent",
        ):
            table.drop_column(column)
