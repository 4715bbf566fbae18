"""Every effect of the core has exactly one handler; an unknown one is an error."""

from __future__ import annotations

import typing
from pathlib import Path

import pytest

from app.catalogue import Catalogue
from app.effects import EffectRegistry, UnhandledEffect, effect_registry
from dialogs.effects import Effect
from store.programme import load_programme

ROOT = Path(__file__).resolve().parents[2]
REGISTRY = effect_registry(
    Catalogue.load(ROOT / "locales"), load_programme(ROOT / "config" / "programme.yaml")
)


def test_every_effect_type_has_a_handler_and_no_handler_is_orphaned() -> None:
    assert REGISTRY.types == frozenset(typing.get_args(Effect))


async def test_an_effect_without_handler_is_an_error_not_silence() -> None:
    class Unknown:
        pass

    work = typing.cast(typing.Any, None)  # never reached: the lookup fails first
    with pytest.raises(UnhandledEffect, match="Unknown"):
        await EffectRegistry({}).apply(work, typing.cast(Effect, Unknown()))
