"""The registry of flows keeps each flow's ways in consistent with the rest of the core."""

from __future__ import annotations

from pathlib import Path

import yaml

from dialogs import flows
from dialogs.intents import INTENTS
from dialogs.router import COMMAND_SCREENS, INTENT_SCREENS

ROOT = Path(__file__).resolve().parents[2]
ROUTER_ACTIONS = {"go", "intent", "lang", "data", "consent", "handoff", "distress"}


def trained_intents() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "nlu" / "data").rglob("*.yml"):
        for item in (yaml.safe_load(path.read_text()) or {}).get("nlu", []):
            if "intent" in item:
                found.add(item["intent"])
    return found


def test_every_flow_has_a_distinct_name_screen_and_actions() -> None:
    names = [f.name for f in flows.FLOWS]
    assert len(set(names)) == len(names)
    assert len(flows.BY_SCREEN) == len(flows.FLOWS)
    owners: dict[str, str] = {}
    for flow in flows.FLOWS:
        for action in flow.actions:
            assert action not in ROUTER_ACTIONS, (flow.name, action)
            assert owners.setdefault(action, flow.name) == flow.name, action


def test_every_flow_intent_is_in_the_contract_and_trained() -> None:
    trained = trained_intents()
    for flow in flows.FLOWS:
        assert flow.intents <= set(INTENTS), flow.name
        assert flow.intents <= trained, (flow.name, flow.intents - trained)
        for intent in flow.intents:
            assert INTENT_SCREENS[intent] == flow.screen


def test_every_flow_command_opens_its_screen() -> None:
    for flow in flows.FLOWS:
        for command in flow.commands:
            assert COMMAND_SCREENS[command] == flow.screen


def test_the_shell_loads_only_what_a_flow_says_it_needs() -> None:
    from dialogs import ButtonPressed, State

    menu = State(consent_version="v1")
    assert flows.data_needed(menu, ButtonPressed("go", "menu")) == frozenset()
    assert flows.data_needed(menu, ButtonPressed("go", "appointments")) == {"agenda"}
    assert flows.data_needed(menu, ButtonPressed("go", "courses")) == {"courses"}
