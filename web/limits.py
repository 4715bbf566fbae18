"""The largest request body the console reads.

A reply's attachment may be 10 MB (app/attachments.py); a file somewhat bigger still gets
its message beside the field, and a body past MAX_BODY is refused with 413 before it is
read any further (nothing else the console takes comes near it). The check runs where
the body is read, inside the page, so the refusal is the console's own error page.
"""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_BODY = 16 * 1024 * 1024


class BodyLimit:
    def __init__(self, app: ASGIApp, max_body: int = MAX_BODY) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or ()).get(b"content-length", b"0")
        too_big = not declared.isdigit() or int(declared) > self.max_body
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            if too_big:
                raise HTTPException(413)
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:  # no length said, or a false one
                    raise HTTPException(413)
            return message

        await self.app(scope, limited, send)
