"""Runs a written conversation through the application service, the way a person lives it.

A conversation is data (tests/conversations/data/<lang>.yaml): what the person does, turn by
turn, and what must follow. Each turn goes through `Assistant.handle` with the real NLU,
the real database and the real catalogue, exactly as the Telegram handlers call it; only
the Telegram side (sending, the operators' group) is left out, so its effects are checked
as effects ("a handoff was opened", "the message was relayed").

Every turn must also keep two promises whatever the data says: the person gets an answer
(or, during a handoff, the message goes to the operators, who acknowledge it with 👀),
and the last message has a button.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from app.assistant import Assistant, UserText
from app.catalogue import Catalogue
from app.texts import reply_text, split_text
from dialogs import ButtonPressed, CommandIssued, Event, OperatorClosed, OperatorJoined, Started
from dialogs.effects import OpenHandoff, RelayToOperators
from dialogs.model import Button, Reply, Turn

DATA = Path(__file__).parent / "data"
LANGUAGES = ("it", "en", "ro", "ar", "fr", "es")
ACTIONS = ("say", "press", "command", "pick", "operator")
EXPECTATIONS = frozenset(
    {
        "keys",
        "no_keys",
        "any_keys",
        "text",
        "no_text",
        "effects",
        "no_effects",
        "urgent",
        "language",
        "buttons",
        "db",
        "silent",
        "asking",
    }
)

# The pre-screening answered with buttons, for conversations that start after it
# (`given: [eligible]`): a 45-year-old in Crema, not working, followed by the services.
ELIGIBLE_ANSWERS = {
    "age": "range:in",
    "residence": "in:Crema",
    "work": "not_working",
    "services": "yes",
    "permit": "eu_citizen",
    "did": "yes",
}


@dataclass(frozen=True)
class Conversation:
    id: str
    language: str  # Telegram's language_code of the person's phone
    description: str
    turns: tuple[Mapping[str, Any], ...]
    given: tuple[str, ...] = ()
    e2e: bool = False
    xfail: str | None = None
    group: str = "it"  # the file it is written in: the language the person writes


@dataclass
class TurnRecord:
    """What one action produced, as the person would see it."""

    action: str
    turn: Turn
    texts: list[str]
    buttons: list[tuple[str, Button]]  # (rendered label, button) of the turn's replies
    messages: int  # how many Telegram messages: reply parts plus documents


@dataclass
class Outcome:
    conversation: Conversation
    failures: list[str] = field(default_factory=list)
    records: list[TurnRecord] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.failures

    def transcript(self) -> str:
        """What happened, turn by turn: for the person reading a failure."""
        lines = []
        for record in self.records:
            keys = ", ".join(r.key for r in record.turn.replies) or "(no reply)"
            effects = ", ".join(type(e).__name__ for e in record.turn.effects)
            lines.append(f"  > {record.action!r}: {keys}" + (f"  [{effects}]" if effects else ""))
        return "\n".join(lines)


def load(language: str) -> list[Conversation]:
    raw = yaml.safe_load((DATA / f"{language}.yaml").read_text(encoding="utf-8")) or {}
    conversations = []
    for item in raw.get("conversations", ()):
        conversation = Conversation(
            id=item["id"],
            language=item.get("language", language),
            description=item["description"],
            turns=tuple(item["turns"]),
            given=tuple(item.get("given", ())),
            e2e=bool(item.get("e2e", False)),
            xfail=item.get("xfail"),
            group=language,
        )
        check_shape(conversation)
        conversations.append(conversation)
    return conversations


def load_all() -> list[Conversation]:
    return [c for language in LANGUAGES for c in load(language)]


def check_shape(conversation: Conversation) -> None:
    """A typo in the data must fail loudly, not make a turn check nothing."""
    for number, turn in enumerate(conversation.turns, 1):
        actions = [a for a in ACTIONS if a in turn]
        unknown = set(turn) - {*ACTIONS, "expect"}
        expect = turn.get("expect") or {}
        wrong = set(expect) - EXPECTATIONS
        if len(actions) != 1 or unknown or wrong:
            raise ValueError(f"{conversation.id} turn {number}: bad turn {dict(turn)!r}")


class Runner:
    """One person's conversation through the application service."""

    def __init__(
        self,
        assistant: Assistant,
        catalogue: Catalogue,
        database: Path,
        chat_id: int,
        conversation: Conversation,
    ) -> None:
        self.assistant = assistant
        self.catalogue = catalogue
        self.database = database
        self.chat_id = chat_id
        self.conversation = conversation
        self.last: TurnRecord | None = None
        self.shown: list[tuple[str, Button]] = []  # the newest buttons on screen
        self.given_records: list[TurnRecord] = []  # the turns of `given`, before the data's

    async def run(self) -> Outcome:
        outcome = Outcome(self.conversation)
        try:
            for given in self.conversation.given:
                await self._given(given)
        except LookupError as missing:
            outcome.failures.append(f"given: {missing}")
            return outcome
        for number, turn in enumerate(self.conversation.turns, 1):
            action = next(a for a in ACTIONS if a in turn)
            where = f"turn {number} ({action}: {turn[action]!r})"
            try:
                record = await self._act(action, turn[action])
            except LookupError as missing:
                outcome.failures.append(f"{where}: {missing}")
                break
            outcome.records.append(record)
            outcome.failures += [f"{where}: {f}" for f in self._check(record, turn)]
        return outcome

    # ------------------------------------------------------------------ actions

    async def _given(self, given: str) -> None:
        if given not in ("consented", "eligible"):
            raise ValueError(f"unknown given {given!r}")
        done = self.given_records
        done.append(await self._handle("start", Started(self.conversation.language)))
        done.append(await self._handle("consent", ButtonPressed("consent", "yes")))
        if given == "consented":
            return
        done.append(await self._handle("requisiti", CommandIssued("requisiti")))
        for question, answer in ELIGIBLE_ANSWERS.items():
            # Asked in this order: a change there must show here, not be walked around.
            if done[-1].turn.state.asking != question:
                raise LookupError(f"eligible: asked {done[-1].turn.state.asking!r}, not {question}")
            done.append(await self._handle(question, ButtonPressed("ans", f"{question}={answer}")))

    async def _act(self, action: str, value: Any) -> TurnRecord:
        if action == "say":
            return await self._handle(value, UserText(str(value)))
        if action == "command":
            name, _, args = str(value).lstrip("/").partition(" ")
            if name == "start":
                return await self._handle(value, Started(self.conversation.language))
            return await self._handle(value, CommandIssued(name, args.strip()))
        if action == "operator":
            event = {"claim": OperatorJoined(), "close": OperatorClosed()}[value]
            return await self._handle(f"operator {value}", event)
        label, button = self._find(value) if action == "press" else self._nth(int(value))
        return await self._handle(label, ButtonPressed(button.action, button.arg))

    def _find(self, wanted: str) -> tuple[str, Button]:
        """The button on screen whose label is, or contains, the words given."""
        folded = _fold(wanted)
        exact = [(label, b) for label, b in self.shown if _fold(label) == folded]
        if exact:
            return exact[0]
        partial = [(label, b) for label, b in self.shown if folded in _fold(label)]
        if partial:
            return partial[0]
        labels = [label for label, _ in self.shown]
        raise LookupError(f"no button {wanted!r} on screen; buttons: {labels}")

    def _nth(self, number: int) -> tuple[str, Button]:
        if not 1 <= number <= len(self.shown):
            raise LookupError(f"no button number {number}; {len(self.shown)} on screen")
        return self.shown[number - 1]

    async def _handle(self, action: str, event: Event | UserText) -> TurnRecord:
        done = await self.assistant.handle(self.chat_id, event, display_name="Persona")
        turn = done.turn
        texts, buttons, messages = [], [], len(done.documents)
        for reply in turn.replies:
            language = reply.language or turn.state.language
            text = reply_text(reply, self.catalogue, language)
            texts.append(text)
            messages += len(split_text(text))
            for row in reply.buttons:
                for button in row:
                    label = self.catalogue.render(button.label, language, button.params)
                    buttons.append((label, button))
        record = TurnRecord(str(action), turn, texts, buttons, messages)
        if buttons:
            # Like a chat: older buttons scroll up, the newest are the ones a person presses.
            self.shown = buttons
        self.last = record
        return record

    # ------------------------------------------------------------------ checks

    def _check(self, record: TurnRecord, turn: Mapping[str, Any]) -> list[str]:
        expect: Mapping[str, Any] = turn.get("expect") or {}
        failures = list(_promises(record, expect))
        keys = _keys(record.turn.replies)
        failures += [f"missing reply {k!r}; got {sorted(keys)}" for k in as_list(expect, "keys")
                     if k not in keys]  # fmt: skip
        failures += [f"unwanted reply {k!r}" for k in as_list(expect, "no_keys") if k in keys]
        anyof = as_list(expect, "any_keys")
        if anyof and not keys & set(anyof):
            failures.append(f"none of {anyof} in the replies; got {sorted(keys)}")
        text = _fold("\n".join(record.texts))
        failures += [f"missing text {t!r}" for t in as_list(expect, "text") if _fold(t) not in text]
        failures += [f"unwanted text {t!r}" for t in as_list(expect, "no_text") if _fold(t) in text]
        kinds = {type(e).__name__ for e in record.turn.effects}
        failures += [f"no {k} effect; got {sorted(kinds)}" for k in as_list(expect, "effects")
                     if k not in kinds]  # fmt: skip
        failures += [f"unwanted {k} effect" for k in as_list(expect, "no_effects") if k in kinds]
        if "urgent" in expect:
            urgent = any(isinstance(e, OpenHandoff) and e.urgent for e in record.turn.effects)
            if urgent != bool(expect["urgent"]):
                failures.append(f"urgent handoff opened: {urgent}, expected {expect['urgent']}")
        if "language" in expect:
            spoken = {r.language or record.turn.state.language for r in record.turn.replies}
            if spoken != {expect["language"]}:
                failures.append(f"replies in {sorted(spoken)}, expected {expect['language']}")
        labels = {b.label for _, b in record.buttons}
        failures += [f"no button {k!r}; got {sorted(labels)}" for k in as_list(expect, "buttons")
                     if k not in labels]  # fmt: skip
        if "asking" in expect and record.turn.state.asking != expect["asking"]:
            failures.append(f"asking {record.turn.state.asking!r}, expected {expect['asking']!r}")
        failures += self._check_db(expect.get("db") or {})
        return failures

    def _check_db(self, wanted: Mapping[str, Any]) -> list[str]:
        failures = []
        for name, value in wanted.items():
            found = self._db_fact(name)
            if found != value:
                failures.append(f"database {name}: {found!r}, expected {value!r}")
        return failures

    def _db_fact(self, name: str) -> Any:
        return db_fact(self.database, self.chat_id, name)


_PERSON = "(SELECT id FROM beneficiaries WHERE telegram_id = ?)"
DB_FACTS = {
    "appointments": f"SELECT count(*) FROM appointments WHERE beneficiary_id = {_PERSON}"
    " AND status = 'booked'",
    "consent": f"SELECT count(*) > 0 FROM consent_events WHERE beneficiary_id = {_PERSON}"
    " AND accepted",
    "prescreening": f"SELECT outcome FROM prescreenings WHERE beneficiary_id = {_PERSON}"
    " ORDER BY id DESC LIMIT 1",
    "enrolments": f"SELECT count(*) FROM enrolments WHERE beneficiary_id = {_PERSON}"
    " AND status = 'enrolled'",
    "waiting": f"SELECT count(*) FROM enrolments WHERE beneficiary_id = {_PERSON}"
    " AND status = 'waiting'",
}


def db_fact(database: Path, chat_id: int, name: str) -> Any:
    with sqlite3.connect(database) as conn:
        row = conn.execute(DB_FACTS[name], (chat_id,)).fetchone()
    value = row[0] if row else None
    return bool(value) if name == "consent" else value


def _promises(record: TurnRecord, expect: Mapping[str, Any]) -> Iterable[str]:
    """No silence and no dead end, on every turn of every conversation."""
    relayed = any(isinstance(e, RelayToOperators) for e in record.turn.effects)
    if record.action.startswith("operator "):
        return  # the operators' side: the person may well hear nothing
    if expect.get("silent"):
        if record.turn.replies:
            yield f"expected only the relay, got {sorted(_keys(record.turn.replies))}"
        if not relayed:
            yield "a silent turn that was not relayed either"
        return
    if not record.turn.replies:
        yield "no reply at all" + (" (relayed, 👀 only)" if relayed else " and not relayed")
        return
    if not record.turn.replies[-1].buttons:
        yield f"the last message has no button ({record.turn.replies[-1].key})"


def _keys(replies: Sequence[Reply]) -> set[str]:
    return {r.key for r in replies} | {key for r in replies for key, _ in r.parts}


def as_list(expect: Mapping[str, Any], name: str) -> list[str]:
    value = expect.get(name) or []
    return [value] if isinstance(value, str) else list(value)


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).casefold().strip()
