"""The inbox of people waiting for a person, and one handoff's conversation page.

Both call the handoff service (app/handoffs.py), the same one the Telegram group's buttons
use, so the browser and the topic are two views of one handoff. The pages work without
JavaScript; web/static/live.js refreshes their live part every second from the `*_live`
routes (HTML fragments of the same templates), which neither audit nor keep a session awake.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any, get_args
from zoneinfo import ZoneInfo

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from app.attachments import ACCEPT, MAX_CAPTION, MAX_UPLOAD
from app.handoffs import Actor, Done, HandoffService
from store import canned
from store.handoff_inbox import InboxFilter
from web.console import Endpoint, console_of, current, redirect, render
from web.handoff_files import INLINE_TYPES, file_response, files_of

FILTERS: tuple[InboxFilter, ...] = get_args(InboxFilter)
ACTIONS = ("claim", "release", "close")
FILE_PROBLEMS = ("file_empty", "file_too_big", "file_type")


def _service(request: Request) -> HandoffService:
    service: HandoffService = request.app.state.handoffs
    return service


def _actor(request: Request) -> Actor:
    account = current(request)
    return Actor(
        name=first_name(account.name),
        account_id=account.id,
        telegram_user_id=account.telegram_user_id,
    )


def first_name(login: str) -> str:
    """How a reply is signed: the first word of the login name ("anna.rossi" → "Anna")."""
    first = re.split(r"[\s._-]+", login.strip())[0]
    return first[:1].upper() + first[1:] if first else login


def passive(endpoint: Endpoint) -> Endpoint:
    """A page the browser polls by itself: it must not keep an idle session alive."""
    endpoint.keeps_session_idle = True  # type: ignore[attr-defined]
    return endpoint


def _filter(request: Request) -> InboxFilter:
    which = request.query_params.get("filter", "open")
    return which if which in FILTERS else "open"  # type: ignore[return-value]


def _when(request: Request) -> Any:
    zone = ZoneInfo(_service(request).timezone)
    now = console_of(request).clock()

    def when(at: datetime | None) -> str:
        if at is None:
            return ""
        local = at.astimezone(zone)
        if local.date() == now.astimezone(zone).date():
            return local.strftime("%H:%M")
        return local.strftime("%d/%m %H:%M")

    return when


def _waited(request: Request) -> Any:
    now = console_of(request).clock()

    def minutes(at: datetime) -> int:
        return max(0, int((now - at).total_seconds() // 60))

    return minutes


async def _inbox_context(request: Request) -> dict[str, Any]:
    which = _filter(request)
    return {
        "which": which,
        "filters": FILTERS,
        "rows": await _service(request).inbox(which, _actor(request)),
        "when": _when(request),
        "waited": _waited(request),
    }


async def inbox(request: Request) -> Response:
    return render(request, "inbox.html", await _inbox_context(request))


@passive
async def inbox_live(request: Request) -> Response:
    return render(request, "_inbox_rows.html", await _inbox_context(request))


def _handoff_id(request: Request) -> int:
    handoff_id: int = request.path_params["handoff_id"]
    return handoff_id


async def _conversation_page(
    request: Request,
    *,
    template: str = "handoff.html",
    audited: bool = True,
    extra: Mapping[str, Any] | None = None,
    status_code: int = 200,
) -> Response:
    page = await _service(request).conversation(
        _handoff_id(request), _actor(request), audited=audited
    )
    if page is None:
        return render(request, "error.html", {"status": 404}, status_code=404)
    context = {
        "page": page,
        "when": _when(request),
        "done": request.query_params.get("done", ""),
        "problem": None,
        "typed": {"reply": "", "note": ""},
        "signature": first_name(current(request).name),
        "canned": await canned_choices(request, page.row.name),
        "files_shown": files_of(request) is not None,
        "inline_types": INLINE_TYPES,
        "accept": ACCEPT,
        "max_upload_mb": MAX_UPLOAD // (1024 * 1024),
        "max_caption": MAX_CAPTION,
        **(extra or {}),
    }
    return render(request, template, context, status_code=status_code)


async def canned_choices(request: Request, display_name: str | None) -> list[tuple[int, str, str]]:
    """(id, title, text as the person would get it) for the page's canned-reply select."""
    async with console_of(request).sessions() as session:
        replies = await canned.all_replies(session)
    return [(r.id, r.title, canned.filled(r.text, display_name)) for r in replies]


async def handoff(request: Request) -> Response:
    return await _conversation_page(request)


@passive
async def handoff_live(request: Request) -> Response:
    return await _conversation_page(request, template="_handoff_live.html", audited=False)


async def _problem(request: Request, done: Done, field: str | None, typed: str) -> Response:
    return await _conversation_page(
        request,
        extra={
            "problem": {"code": done.problem, "by": done.by, "field": field},
            "typed": {
                "reply": typed if field in ("reply", "attachment") else "",
                "note": typed if field == "note" else "",
            },
        },
        status_code=409 if done.problem in ("gone", "claimed_by_other", "not_claimed") else 400,
    )


async def act(request: Request) -> Response:
    """Claim, release or close: one button each."""
    action = request.path_params["action"]
    service, actor, handoff_id = _service(request), _actor(request), _handoff_id(request)
    if action == "claim":
        done = await service.claim(handoff_id, actor, from_web=True)
    elif action == "release":
        done = await service.release(handoff_id, actor)
    elif action == "close":
        done = await service.close(handoff_id, actor, from_web=True)
    else:
        return render(request, "error.html", {"status": 404}, status_code=404)
    if done.ok:
        return redirect(f"/handoffs/{handoff_id}?done={action}")
    return await _problem(request, done, None, "")


async def write(request: Request) -> Response:
    """A reply to the person, or a note for the operators: the form's button says which."""
    kind = request.path_params["kind"]
    form = await request.form()
    text = str(form.get("text") or "")
    service, actor, handoff_id = _service(request), _actor(request), _handoff_id(request)
    if kind == "reply":
        attachment = await _attachment(form.get("attachment"))
        done = await service.reply(handoff_id, actor, text, attachment)
        if done.problem in FILE_PROBLEMS:
            return await _problem(request, done, "attachment", text)
    elif kind == "note":
        done = await service.note(handoff_id, actor, text)
    else:
        return render(request, "error.html", {"status": 404}, status_code=404)
    if done.ok:
        return redirect(f"/handoffs/{handoff_id}?done={kind}#thread")
    return await _problem(request, done, kind, text)


async def _attachment(value: object) -> tuple[str, bytes] | None:
    """The file chosen in the reply form, if any: at most one byte past the limit is read,
    enough for the service to say it is too big."""
    if not isinstance(value, UploadFile) or not value.filename:
        return None  # the browser sends an empty, nameless part when no file was chosen
    return value.filename, await value.read(MAX_UPLOAD + 1)


async def handoff_file(request: Request) -> Response:
    """A relayed file of this handoff, through the bot (web/handoff_files.py)."""
    handoff_id: int = request.path_params["handoff_id"]
    found = await _service(request).attachment(
        handoff_id, request.path_params["relay_id"], _actor(request)
    )
    if found is None:
        return render(request, "error.html", {"status": 404}, status_code=404)
    files = files_of(request)
    content = await files.read(found.file_id) if files is not None else None
    if content is None:
        context = {"handoff_id": handoff_id, "connected": files is not None}
        return render(request, "handoff_file_missing.html", context, status_code=404)
    return file_response(found, content)


ROUTES = [
    Route("/inbox", inbox, name="inbox"),
    Route("/inbox/live", inbox_live, name="inbox_live"),
    Route("/handoffs/{handoff_id:int}", handoff, name="handoff"),
    Route("/handoffs/{handoff_id:int}/live", handoff_live, name="handoff_live"),
    Route(
        "/handoffs/{handoff_id:int}/{action:str}",
        act,
        methods=["POST"],
        name="handoff_act",
    ),
    Route(
        "/handoffs/{handoff_id:int}/files/{relay_id:int}",
        handoff_file,
        name="handoff_file",
    ),
    Route(
        "/handoffs/{handoff_id:int}/write/{kind:str}",
        write,
        methods=["POST"],
        name="handoff_write",
    ),
]
