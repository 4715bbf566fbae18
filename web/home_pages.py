"""The landing page and one dashboard per role; later pages are linked from these."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from web.console import current, redirect, render
from web.roles import DASHBOARDS


async def home(request: Request) -> Response:
    return redirect(str(request.url_for(DASHBOARDS[current(request).role])))


async def dashboard_operator(request: Request) -> Response:
    return render(request, "dashboard.html", {"level": "operator"})


async def dashboard_coordinator(request: Request) -> Response:
    return render(request, "dashboard.html", {"level": "coordinator"})


async def dashboard_admin(request: Request) -> Response:
    return render(request, "dashboard.html", {"level": "admin"})


ROUTES = [
    Route("/", home, name="home"),
    Route("/operator", dashboard_operator, name="dashboard_operator"),
    Route("/coordinator", dashboard_coordinator, name="dashboard_coordinator"),
    Route("/admin", dashboard_admin, name="dashboard_admin"),
]
