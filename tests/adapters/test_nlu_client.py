"""The NLU client over real HTTP, against a loopback server that can misbehave like Rasa can."""

from __future__ import annotations

import asyncio
import json

import pytest
from aiohttp import web

from nlu.client import NluClient, NluUnavailable

RASA_ANSWER = {
    "text": "ho 52 anni e abito a rivolta",
    "intent": {"name": "inform", "confidence": 0.91},
    "entities": [
        {"entity": "age", "value": "52", "start": 3, "end": 5},
        {"entity": "comune", "value": "Rivolta d'Adda", "start": 21, "end": 28},
    ],
    "intent_ranking": [
        {"name": "inform", "confidence": 0.91},
        {"name": "check_eligibility", "confidence": 0.05},
    ],
}


class FakeRasa:
    """Answers like `rasa run --enable-api`; `mode` switches to a failure."""

    def __init__(self) -> None:
        self.mode = "ok"
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.url = ""
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/model/parse", self._parse)
        app.router.add_get("/status", self._status)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{port}"

    async def stop(self) -> None:
        assert self._runner is not None
        await self._runner.cleanup()

    async def _parse(self, request: web.Request) -> web.StreamResponse:
        body = await request.json()
        self.requests.append((body["text"], dict(request.query)))
        if request.query.get("token") != "secret":
            return web.json_response({"status": "failure"}, status=401)
        if self.mode == "slow":
            await asyncio.sleep(2)
        if self.mode == "error":
            return web.json_response({"status": "failure"}, status=500)
        if self.mode == "garbage":
            return web.Response(text="<html>oops</html>", content_type="text/html")
        return web.Response(text=json.dumps(RASA_ANSWER), content_type="application/json")

    async def _status(self, request: web.Request) -> web.StreamResponse:
        return web.json_response({"model_file": "proximity-nlu.tar.gz"})


@pytest.fixture
async def rasa():  # type: ignore[no-untyped-def]
    server = FakeRasa()
    await server.start()
    yield server
    await server.stop()


async def test_parse_maps_intent_ranking_and_entities(rasa: FakeRasa) -> None:
    client = NluClient(rasa.url, "secret")
    said = await client.parse("ho 52 anni e abito a rivolta")
    await client.aclose()
    assert (said.intent, said.confidence) == ("inform", 0.91)
    assert said.ranking[1] == ("check_eligibility", 0.05)
    assert (said.entity("age"), said.entity("comune")) == ("52", "Rivolta d'Adda")
    assert rasa.requests == [("ho 52 anni e abito a rivolta", {"token": "secret"})]


@pytest.mark.parametrize("mode", ["error", "garbage", "slow"])
async def test_failures_become_nlu_unavailable(rasa: FakeRasa, mode: str) -> None:
    rasa.mode = mode
    client = NluClient(rasa.url, "secret", timeout=0.5)
    with pytest.raises(NluUnavailable):
        await client.parse("ciao")
    await client.aclose()


async def test_a_wrong_token_is_a_failure_too(rasa: FakeRasa) -> None:
    client = NluClient(rasa.url, "wrong")
    with pytest.raises(NluUnavailable):
        await client.parse("ciao")
    await client.aclose()


async def test_a_dead_server_is_not_called_again_until_the_cool_down_ends(rasa: FakeRasa) -> None:
    now = [100.0]
    client = NluClient(rasa.url, "secret", cooldown=5, clock=lambda: now[0])
    rasa.mode = "error"
    with pytest.raises(NluUnavailable):
        await client.parse("uno")
    rasa.mode = "ok"
    with pytest.raises(NluUnavailable, match="cooling"):
        await client.parse("due")
    assert [text for text, _ in rasa.requests] == ["uno"]
    now[0] += 5.1
    assert (await client.parse("tre")).intent == "inform"
    await client.aclose()


async def test_connection_refused_is_unavailable_and_readiness_is_false() -> None:
    client = NluClient("http://127.0.0.1:9", "secret", timeout=0.5)
    with pytest.raises(NluUnavailable):
        await client.parse("ciao")
    assert await client.is_ready() is False
    await client.aclose()


async def test_ready_when_a_model_is_loaded(rasa: FakeRasa) -> None:
    client = NluClient(rasa.url, "secret")
    assert await client.is_ready() is True
    await client.aclose()
