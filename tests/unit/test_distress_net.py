"""The keyword safety net for distress, in every language people write to us in.

It runs on every text whatever the NLU says (and alone when the NLU is down), so each
language's most common ways of saying "violence", "I want to die", "nothing to eat" and
"nowhere to sleep" must be caught, and everyday messages must not be.
"""

from __future__ import annotations

import pytest

from dialogs import Env, State, TextSaid, step
from dialogs.keywords import looks_like_distress
from tests.unit.agenda_samples import NOW

CAUGHT = [
    "mio marito mi picchia",
    "non ho da mangiare per i bambini",
    "da un mese vivo in macchina con mio figlio",
    "he beats me every night",
    "I want to die",
    "we are homeless since monday",
    "Mă bate în fiecare zi",
    "nu mai vreau sa traiesc",
    "dorm pe strada",
    "il me frappe",
    "je veux mourir",
    "on dort dans la rue depuis hier",
    "mi esposo me pega",
    "quiero morir",
    "no tengo dónde dormir",
    "زوجي يضربني",
    "أريد أن أموت",
    "أنام في الشارع",
]
NOT_CAUGHT = [
    "ciao vorrei un corso",
    "ho paura del colloquio",
    "I am tired of waiting",
    "can I book an appointment?",
    "vreau un curs de italiana",
    "je ne suis pas sûr de venir mardi",
    "quiero un curso de informatica",
    "مرحبا أريد دورة",
]


@pytest.mark.parametrize("text", CAUGHT)
def test_distress_is_caught_in_every_language(text: str) -> None:
    assert looks_like_distress(text)


@pytest.mark.parametrize("text", NOT_CAUGHT)
def test_everyday_messages_are_not_distress(text: str) -> None:
    assert not looks_like_distress(text)


def test_the_net_gives_the_emergency_numbers_even_without_the_nlu() -> None:
    from dialogs.model import Office

    env = Env(now=NOW, office=Office("S", "Via 1", "9-13", "0373", "a@b.it"), notice_version="v1")
    turn = step(State(), TextSaid("he beats me every night", None), env)
    assert turn.replies[0].key == "distress-numbers"
