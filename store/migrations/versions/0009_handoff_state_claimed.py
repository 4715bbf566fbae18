"""conversations remember whether their open handoff is claimed, and whether it is urgent

Revision ID: 0009
Revises: 0008

Until now the core only knew "a handoff is open". It now answers people while their request
waits and stays quiet once an operator has claimed it, so conversations whose handoff was
claimed (or urgent) before this version must say so, or the bot would talk over an operator.
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_conversations = sa.table(
    "conversations",
    sa.column("telegram_id", sa.BigInteger),
    sa.column("state", sa.JSON),
)
_handoffs = sa.table(
    "handoffs",
    sa.column("telegram_id", sa.BigInteger),
    sa.column("status", sa.String),
    sa.column("urgent", sa.Boolean),
)


def upgrade() -> None:
    bind = op.get_bind()
    live = bind.execute(
        sa.select(_handoffs.c.telegram_id, _handoffs.c.status, _handoffs.c.urgent).where(
            _handoffs.c.status.in_(("open", "claimed"))
        )
    ).all()
    for telegram_id, status, urgent in live:
        row = bind.execute(
            sa.select(_conversations.c.state).where(_conversations.c.telegram_id == telegram_id)
        ).first()
        if row is None:
            continue
        state: dict[str, Any] = row[0] if isinstance(row[0], dict) else json.loads(row[0])
        if not state.get("handoff"):
            continue
        state["handoff_claimed"] = status == "claimed"
        state["handoff_urgent"] = bool(urgent)
        bind.execute(
            _conversations.update()
            .where(_conversations.c.telegram_id == telegram_id)
            .values(state=state)
        )


def downgrade() -> None:
    # The older code ignores the two fields (unknown state fields are dropped on load).
    pass
