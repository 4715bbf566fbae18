"""Alembic environment: the URL comes from the app settings unless the caller set one."""

from __future__ import annotations

from alembic import context

from store.db import create_engine_sync
from store.models import Base
from store.settings import Settings

config = context.config
url = config.get_main_option("sqlalchemy.url") or Settings().database_url
engine = create_engine_sync(url)

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
engine.dispose()
