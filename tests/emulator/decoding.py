"""Turn an HTTP request into raw Bot API parameters and uploaded files.

Clients use three encodings: query strings / x-www-form-urlencoded (values are strings,
objects are JSON text), multipart/form-data (the same plus file parts; python-telegram-bot
uses it whenever something is uploaded) and application/json.
"""

from __future__ import annotations

import json
from typing import Any

from aiohttp import BodyPartReader, web

from .models import ApiError, UploadedFile


async def decode_request(request: web.Request) -> tuple[dict[str, Any], dict[str, UploadedFile]]:
    raw: dict[str, Any] = dict(request.query)
    files: dict[str, UploadedFile] = {}
    if not request.body_exists:
        return raw, files
    content_type = request.content_type
    if content_type == "application/json":
        body = await request.read()
        if body.strip():
            try:
                data = json.loads(body)
            except ValueError as exc:
                raise ApiError(400, "Bad Request: can't parse JSON object") from exc
            if not isinstance(data, dict):
                raise ApiError(400, "Bad Request: JSON object expected")
            raw.update(data)
    elif content_type == "multipart/form-data":
        reader = await request.multipart()
        while (part := await reader.next()) is not None:
            if not isinstance(part, BodyPartReader) or part.name is None:
                continue
            if part.filename is not None:
                data = bytes(await part.read(decode=False))
                files[part.name] = UploadedFile(
                    part.name, part.filename, part.headers.get("Content-Type"), data
                )
            else:
                raw[part.name] = await part.text()
    else:
        form = await request.post()
        for key, value in form.items():
            raw[key] = value if isinstance(value, str) else str(value)
    return raw, files
