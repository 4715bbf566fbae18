"""Reading a message in the light of what was just asked or offered.

The buttons on screen say what the conversation is waiting for (`State.prompt`). A text
that fits what was offered is taken that way before it is read as a new request:
- right after "📅 Prenota un colloquio" was offered, "martedì mattina" is a time wish;
- right after a "not for you" answer, "e allora dove vado?" asks where else to turn.
"""

from __future__ import annotations

import re

from dialogs.events import TextSaid
from dialogs.keywords import normalise
from dialogs.model import State

# "Where / who else": the question people ask after being told the programme is not
# for them. Italian, English, Romanian, French, Spanish, Arabic; normalised (no accents).
_WHERE_ELSE = re.compile(
    r"\b(dove|a chi|chi mi|altr[oaie]|where|who else|what else|else|unde|cui|altceva|"
    r"ou aller|a qui|autre|donde|a quien|otro|otra)\b|وين|أين|اين|لمن|غير"
)
# Intents that, right after such an answer, are that question in other words.
_WHERE_ELSE_INTENTS = frozenset(
    {"faq_contacts", "out_of_scope", "nlu_fallback", "help", "ask_human", "goodbye", "inform"}
)


def offered(state: State, action: str, arg: str = "") -> bool:
    """Whether a button with this action (and argument, if given) is on screen."""
    return any(item[0] == action and (not arg or item[1] == arg) for item in state.prompt)


def asks_where_else(state: State, said: TextSaid) -> bool:
    if not offered(state, "go", "elsewhere"):
        return False
    understanding = said.understanding
    sure = understanding is not None and understanding.confidence >= 0.8
    if sure and understanding is not None and understanding.intent not in _WHERE_ELSE_INTENTS:
        return False
    return _WHERE_ELSE.search(normalise(said.text)) is not None
