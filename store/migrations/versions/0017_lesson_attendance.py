"""lesson attendance: one mark (present or absent) per lesson and enrolment, so the course
hours reported to the funder are the lessons a person attended

Revision ID: 0017
Revises: 0016
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "lesson_attendance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("lesson_id", sa.Integer(), nullable=False),
        sa.Column("enrolment_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("marked_by", sa.String(length=64), nullable=False),
        sa.Column("marked_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("status IN ('present', 'absent')", name="ck_lesson_attendance_status"),
        sa.ForeignKeyConstraint(["lesson_id"], ["course_sessions.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["enrolment_id"], ["enrolments.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("lesson_id", "enrolment_id", name="uq_lesson_attendance_pair"),
    )
    op.create_index("ix_lesson_attendance_lesson_id", "lesson_attendance", ["lesson_id"])
    op.create_index("ix_lesson_attendance_enrolment_id", "lesson_attendance", ["enrolment_id"])


def downgrade() -> None:
    op.drop_index("ix_lesson_attendance_enrolment_id", table_name="lesson_attendance")
    op.drop_index("ix_lesson_attendance_lesson_id", table_name="lesson_attendance")
    op.drop_table("lesson_attendance")
