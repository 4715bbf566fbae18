"""The operators' web console: a Starlette app rendered on the server (see README)."""

from web.app import create_app
from web.serve import serve

__all__ = ["create_app", "serve"]
