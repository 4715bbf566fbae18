"""relayed messages keep the file they carried, to show it in the web console

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("relayed_messages") as batch:
        batch.add_column(sa.Column("file_id", sa.String(length=256), nullable=True))
        batch.add_column(sa.Column("file_kind", sa.String(length=16), nullable=True))
        batch.add_column(sa.Column("file_name", sa.String(length=255), nullable=True))
        batch.add_column(sa.Column("mime_type", sa.String(length=128), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("relayed_messages") as batch:
        batch.drop_column("mime_type")
        batch.drop_column("file_name")
        batch.drop_column("file_kind")
        batch.drop_column("file_id")
