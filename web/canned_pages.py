"""Canned replies: coordinators keep them (list, add, change, delete), operators send one
from a conversation page.

Sending works without JavaScript: the conversation page's select posts to
`handoff_canned`, which fills `{nome}` with the person's first name and sends it through
the handoff service like a typed reply (signed, copied into the topic, audited). With
JavaScript, web/static/canned.js copies the chosen text into the reply box to edit first.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from app.handoffs import Done
from store import canned, handoff_inbox
from web.accounts import Problem
from web.console import console_of, current, redirect, render
from web.handoff_pages import _actor, _problem, _service


def _canned_id(request: Request) -> int:
    canned_id: int = request.path_params["canned_id"]
    return canned_id


async def _form(request: Request) -> tuple[str, str]:
    form = await request.form()
    return str(form.get("title") or "").strip(), str(form.get("text") or "").strip()


def _problems(found: dict[str, str]) -> list[Problem]:
    params: dict[str, object] = {"max_title": canned.MAX_TITLE, "max_text": canned.MAX_TEXT}
    return [Problem(field, key, params) for field, key in found.items()]


async def _list_page(
    request: Request,
    typed: dict[str, str] | None = None,
    problems: list[Problem] | None = None,
) -> Response:
    async with console_of(request).sessions() as session:
        replies = await canned.all_replies(session)
    context: dict[str, Any] = {
        "replies": replies,
        "typed": typed or {"title": "", "text": ""},
        "problems": problems or [],
        "done": request.query_params.get("done", ""),
    }
    return render(request, "canned.html", context, status_code=400 if problems else 200)


async def canned_list(request: Request) -> Response:
    return await _list_page(request)


async def canned_add(request: Request) -> Response:
    title, text = await _form(request)
    found = canned.problems(title, text)
    if found:
        return await _list_page(request, {"title": title, "text": text}, _problems(found))
    console = console_of(request)
    async with console.sessions.begin() as session:
        await canned.save(session, None, title, text, current(request).name, console.clock())
    return redirect("/canned?done=added")


async def _edit_page(
    request: Request, reply: canned.Canned, problems: list[Problem] | None = None
) -> Response:
    return render(
        request,
        "canned_edit.html",
        {"reply": reply, "problems": problems or []},
        status_code=400 if problems else 200,
    )


def _missing(request: Request) -> Response:
    return render(request, "error.html", {"status": 404}, status_code=404)


async def canned_edit(request: Request) -> Response:
    async with console_of(request).sessions() as session:
        reply = await canned.get(session, _canned_id(request))
    return _missing(request) if reply is None else await _edit_page(request, reply)


async def canned_save(request: Request) -> Response:
    title, text = await _form(request)
    canned_id, console = _canned_id(request), console_of(request)
    async with console.sessions.begin() as session:
        if await canned.get(session, canned_id) is None:
            return _missing(request)
        found = canned.problems(title, text)
        if not found:
            await canned.save(
                session, canned_id, title, text, current(request).name, console.clock()
            )
    if found:
        return await _edit_page(request, canned.Canned(canned_id, title, text), _problems(found))
    return redirect("/canned?done=saved")


async def canned_delete(request: Request) -> Response:
    async with console_of(request).sessions.begin() as session:
        deleted = await canned.delete(session, _canned_id(request))
    return redirect("/canned?done=deleted") if deleted else _missing(request)


async def handoff_canned(request: Request) -> Response:
    """Sends the chosen canned reply to the person, `{nome}` filled in."""
    handoff_id: int = request.path_params["handoff_id"]
    chosen = str((await request.form()).get("canned") or "")
    async with console_of(request).sessions() as session:
        reply = await canned.get(session, int(chosen)) if chosen.isdigit() else None
        row = await handoff_inbox.row(session, handoff_id)
    if row is None:
        return _missing(request)
    if reply is None:
        return await _problem(request, Done("empty"), "reply", "")
    text = canned.filled(reply.text, row.name)
    done = await _service(request).reply(handoff_id, _actor(request), text)
    if done.ok:
        return redirect(f"/handoffs/{handoff_id}?done=reply#thread")
    # The filled text stays in the reply box, to send again or change.
    return await _problem(request, done, "reply", text)


ROUTES = [
    Route("/canned", canned_list, name="canned"),
    Route("/canned", canned_add, methods=["POST"], name="canned_add"),
    Route("/canned/{canned_id:int}", canned_edit, name="canned_edit"),
    Route("/canned/{canned_id:int}", canned_save, methods=["POST"], name="canned_save"),
    Route("/canned/{canned_id:int}/delete", canned_delete, methods=["POST"], name="canned_delete"),
    # Listed before web.handoff_pages.ROUTES in web.app: its /handoffs/{id}/{action} would
    # take this path otherwise.
    Route(
        "/handoffs/{handoff_id:int}/canned",
        handoff_canned,
        methods=["POST"],
        name="handoff_canned",
    ),
]
