"""The conversation set, in-process: every conversation of every language through the
application service, with the real Rasa model and a real SQLite database."""

from __future__ import annotations

import zlib

import pytest

from tests.conversations import harness, results
from tests.conversations.conftest import World

pytestmark = pytest.mark.e2e

CONVERSATIONS = harness.load_all()


def chat_id_of(conversation: harness.Conversation, salt: int = 0) -> int:
    """A stable chat per conversation, so the ones sharing a database never meet."""
    return 10_000_000 + salt + zlib.crc32(conversation.id.encode()) % 9_000_000


def params() -> list[object]:
    return [
        pytest.param(
            c,
            id=c.id,
            marks=[pytest.mark.xfail(reason=c.xfail, strict=False)] if c.xfail else [],
        )
        for c in CONVERSATIONS
    ]


def test_the_set_is_big_enough_and_ids_are_unique() -> None:
    ids = [c.id for c in CONVERSATIONS]
    assert len(ids) == len(set(ids))
    by_language = {lang: sum(c.group == lang for c in CONVERSATIONS) for lang in harness.LANGUAGES}
    assert len(CONVERSATIONS) >= 120, by_language
    assert min(by_language.values()) >= 15, by_language
    assert sum(c.e2e for c in CONVERSATIONS) >= 20


@pytest.mark.parametrize("conversation", params())
async def test_conversation(conversation: harness.Conversation, world: World) -> None:
    services, database = await world.for_language(conversation.group)
    runner = harness.Runner(
        services.assistant, services.catalogue, database, chat_id_of(conversation), conversation
    )
    outcome = await runner.run()
    results.record(outcome)
    if not outcome.passed:
        failures = "\n".join(outcome.failures)
        pytest.fail(
            f"{conversation.description}\n{failures}\n{outcome.transcript()}", pytrace=False
        )
