"""taking a person in charge: care records with the funder's intake categories and the
exit, the steps of the planned path, and every change to them

Revision ID: 0015
Revises: 0014
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

OPEN = sa.text("exit_on IS NULL")


def upgrade() -> None:
    op.create_table(
        "care_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("beneficiary_id", sa.Integer(), nullable=False),
        sa.Column("taken_in_charge_on", sa.Date(), nullable=False),
        sa.Column("recorded_by", sa.String(length=64), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("services", sa.JSON(), nullable=False),
        sa.Column("gender", sa.String(length=16), nullable=False),
        sa.Column("education", sa.String(length=16), nullable=False),
        sa.Column("employment_at_entry", sa.String(length=24), nullable=False),
        sa.Column("birth_year", sa.Integer(), nullable=True),
        sa.Column("comune_istat", sa.String(length=6), nullable=True),
        sa.Column("disability", sa.String(length=16), nullable=True),
        sa.Column("third_country_national", sa.String(length=16), nullable=True),
        sa.Column("foreign_background", sa.String(length=16), nullable=True),
        sa.Column("minority", sa.String(length=16), nullable=True),
        sa.Column("homeless_or_housing_exclusion", sa.String(length=16), nullable=True),
        sa.Column("exit_on", sa.Date(), nullable=True),
        sa.Column("exit_outcome", sa.String(length=24), nullable=True),
        sa.Column("exit_recorded_by", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(["beneficiary_id"], ["beneficiaries.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_care_records_beneficiary_id", "care_records", ["beneficiary_id"])
    op.create_index(
        "uq_open_care_record_per_person",
        "care_records",
        ["beneficiary_id"],
        unique=True,
        sqlite_where=OPEN,
        postgresql_where=OPEN,
    )
    op.create_table(
        "care_steps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("host", sa.String(length=128), nullable=True),
        sa.Column("starts_on", sa.Date(), nullable=True),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("weekly_hours", sa.Float(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["record_id"], ["care_records.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_care_steps_record_id", "care_steps", ["record_id"])
    op.create_table(
        "care_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("step_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("by", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["record_id"], ["care_records.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["step_id"], ["care_steps.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_care_changes_record_id", "care_changes", ["record_id"])
    op.create_index("ix_care_changes_step_id", "care_changes", ["step_id"])


def downgrade() -> None:
    op.drop_index("ix_care_changes_step_id", table_name="care_changes")
    op.drop_index("ix_care_changes_record_id", table_name="care_changes")
    op.drop_table("care_changes")
    op.drop_index("ix_care_steps_record_id", table_name="care_steps")
    op.drop_table("care_steps")
    op.drop_index("uq_open_care_record_per_person", table_name="care_records")
    op.drop_index("ix_care_records_beneficiary_id", table_name="care_records")
    op.drop_table("care_records")
