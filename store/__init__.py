"""Persistence: settings, database engine, models, migrations and repositories."""
