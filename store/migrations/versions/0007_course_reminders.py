"""course reminders and change notices

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reminders", schema=None) as batch_op:
        batch_op.alter_column("appointment_id", existing_type=sa.Integer(), nullable=True)
        batch_op.add_column(sa.Column("enrolment_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("session_starts_at", sa.DateTime(timezone=True), nullable=True)
        )
        batch_op.create_foreign_key(
            "fk_reminders_enrolment_id", "enrolments", ["enrolment_id"], ["id"], ondelete="CASCADE"
        )
        batch_op.create_index(batch_op.f("ix_reminders_enrolment_id"), ["enrolment_id"])
        batch_op.create_unique_constraint(
            "uq_course_reminder_per_offset", ["enrolment_id", "session_starts_at", "label"]
        )
        batch_op.create_check_constraint(
            "ck_reminder_owner", "(appointment_id IS NULL) <> (enrolment_id IS NULL)"
        )

    with op.batch_alter_table("enrolments", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("change_pending_since", sa.DateTime(timezone=True), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("enrolments", schema=None) as batch_op:
        batch_op.drop_column("change_pending_since")

    # Course reminders have no place in the older table.
    op.execute("DELETE FROM reminders WHERE appointment_id IS NULL")
    with op.batch_alter_table("reminders", schema=None) as batch_op:
        batch_op.drop_constraint("ck_reminder_owner", type_="check")
        batch_op.drop_constraint("uq_course_reminder_per_offset", type_="unique")
        batch_op.drop_index(batch_op.f("ix_reminders_enrolment_id"))
        batch_op.drop_constraint("fk_reminders_enrolment_id", type_="foreignkey")
        batch_op.drop_column("session_starts_at")
        batch_op.drop_column("enrolment_id")
        batch_op.alter_column("appointment_id", existing_type=sa.Integer(), nullable=False)
