"""Distress in three tiers: the alarm, one gentle question, or nothing.

Recall comes first: a person in danger must get the emergency numbers whatever else is
true. But an alarm on "sono a casa senza lavoro" ends a pre-screening with 112 and an
URGENT case for nobody, and teaches people to ignore it. So:

- CLEAR: danger said outright (the keyword net, in every language), or the NLU reads
  `distress` with high confidence and the text supports it (a strong cue word, or no
  words of an ordinary request around it) → the numbers and an urgent handoff;
- AMBIGUOUS: cue words ("disperato", "non ce la faccio", "casa" beside "senza", "fame"),
  or the NLU leans to `distress` without being sure → "Stai bene? Ti serve aiuto subito?"
  with [🆘 Sì] (the alarm) and [🙂 No] (the conversation goes on where it was);
- NONE: everything else.

Fear of the police or of losing the permit gets what 1522 is: free, anonymous, 24/7,
many languages, not the police, no report needed.

The thresholds were measured on tests/data/distress/ with the real model
(tests/e2e/test_distress_quality.py prints the table).
"""

from __future__ import annotations

import re
from enum import Enum

from dialogs import context, handoff, prescreening, screens
from dialogs.effects import Effect, NoteEvent, RelayToOperators
from dialogs.events import ButtonPressed, Event, MessageEdited, TextSaid, Understanding
from dialogs.intents import NLU_FALLBACK
from dialogs.keywords import (
    distress_cues,
    fears_police,
    looks_like_distress,
    normalise,
    sounds_ordinary,
)
from dialogs.model import Button, Env, Reply, State, Turn
from dialogs.prompt import is_bare_answer

ACTION = "distress"
YES = Button("btn-distress-yes", ACTION, "yes")
NO = Button("btn-distress-no", ACTION, "no")

# The NLU alone raises the alarm only this sure, and only with support from the words.
HIGH_CONFIDENCE = 0.85
MIN_WORDS_FOR_NLU_ALARM = 4
# Up to this many words, a reply to the check question that is neither of its buttons
# gets the question again.
SHORT_ANSWER_WORDS = 3
# From here up a `distress` reading is worth asking about.
LOW_CONFIDENCE = 0.30
# A weak cue word ("casa", "stanco") is let go when the NLU is this sure of something else.
ORDINARY_CONFIDENCE = 0.80


class Level(Enum):
    NONE = "none"
    AMBIGUOUS = "ambiguous"
    CLEAR = "clear"


def assess(text: str, understanding: Understanding | None) -> Level:
    """How sure we are that this text is a person in danger."""
    if looks_like_distress(text) or nlu_alarm(text, understanding):
        return Level.CLEAR
    if is_bare_answer(text):
        return Level.NONE  # "sì", "no", "non so": an answer to a question, not a cry
    strong, weak = distress_cues(text)
    leaning = distress_confidence(understanding)
    if strong or leaning >= LOW_CONFIDENCE:
        return Level.AMBIGUOUS
    if weak and not _sure_of_something_else(understanding):
        return Level.AMBIGUOUS
    return Level.NONE


def nlu_alarm(text: str, understanding: Understanding | None) -> bool:
    """The NLU is sure of distress, and the words support it: a strong cue, or none of
    everyday life (home, food, work) that would make an ordinary reading likely."""
    if distress_confidence(understanding) < HIGH_CONFIDENCE:
        return False
    strong, _ = distress_cues(text)
    if strong:
        return True
    # A few words are too little for the model alone ("si, eso mismo" read as distress at
    # 0.95): they are asked about instead. Every short cry for help in the labelled sets
    # is caught by the keyword net anyway.
    return len(text.split()) >= MIN_WORDS_FOR_NLU_ALARM and not sounds_ordinary(text)


def distress_confidence(understanding: Understanding | None) -> float:
    """The NLU's confidence in `distress`, wherever it is in the ranking (0 without NLU)."""
    if understanding is None:
        return 0.0
    if understanding.intent == "distress":
        return understanding.confidence
    return max((c for name, c in understanding.ranking if name == "distress"), default=0.0)


def _sure_of_something_else(understanding: Understanding | None) -> bool:
    return (
        understanding is not None
        and understanding.intent not in ("distress", NLU_FALLBACK)
        and understanding.confidence >= ORDINARY_CONFIDENCE
    )


def is_clear(event: Event) -> bool:
    """The alarm, with nothing to ask: such words must reach a person as they are."""
    if isinstance(event, TextSaid):
        return assess(event.text, event.understanding) is Level.CLEAR
    if isinstance(event, MessageEdited):
        return looks_like_distress(event.text)
    return False


def screen(state: State, event: Event, env: Env) -> Turn | None:
    """What distress (or fear of the police) asks of this turn, or None to go on.

    Runs first in `step`, before the consent gate and the handoff, so it works for
    anyone at any time.
    """
    if isinstance(event, ButtonPressed) and event.action == ACTION:
        return on_button(state, event.arg, env)
    if isinstance(event, TextSaid):
        level = assess(event.text, event.understanding)
    elif isinstance(event, MessageEdited):
        level = assess(event.text, None)
    else:
        return None
    police = fears_police(event.text)
    if level is Level.CLEAR:
        alarm = handoff.urgent(state, env)
        if not police:
            return alarm
        return Turn((*alarm.replies, police_reply()), alarm.state, alarm.effects)
    if police:
        return _about_1522(state)
    if level is Level.AMBIGUOUS:
        return check(state)
    if context.offered(state, ACTION) and _says_fine(event.text):
        return on_button(state, "no", env)
    if context.offered(state, ACTION) and len(event.text.split()) <= SHORT_ANSWER_WORDS:
        # "no", "boh", "mah" to "Stai bene? Ti serve aiuto subito?" could mean either:
        # the question again, with its two buttons, rather than a guess.
        return check(state)
    return None


# "I'm fine", typed to the check question, in the six languages (normalised, no accents).
_FINE = re.compile(
    r"\b(sto bene|tutto (bene|ok|a posto)|i'?m (fine|ok|okay)|i am (fine|ok)|all good|"
    r"sunt bine|totul e bine|je vais bien|ca va|tout va bien|estoy bien|todo bien)\b|بخير"
)


def _says_fine(text: str) -> bool:
    return _FINE.search(normalise(text)) is not None


def check(state: State) -> Turn:
    """One gentle question instead of the alarm."""
    relay: tuple[Effect, ...] = (RelayToOperators(),) if state.handoff else ()
    return Turn((check_reply(),), state, (*relay, NoteEvent("distress_check")))


def check_reply() -> Reply:
    return Reply("distress-check", buttons=((YES,), (NO,), (screens.PERSON, screens.MENU)))


def police_reply() -> Reply:
    return Reply("distress-police", buttons=((screens.PERSON,), (screens.MENU,)))


def _about_1522(state: State) -> Turn:
    # During a handoff the words go to the operators too: nothing the person says is lost.
    relay: tuple[Effect, ...] = (RelayToOperators(),) if state.handoff else ()
    return Turn((police_reply(),), state, (*relay, NoteEvent("police_fear")))


def on_button(state: State, answer: str, env: Env) -> Turn:
    if answer == "yes":
        alarm = handoff.urgent(state, env)
        # The button's message is the bot's own question: nothing of the person's to relay.
        effects = tuple(e for e in alarm.effects if not isinstance(e, RelayToOperators))
        return Turn(alarm.replies, alarm.state, (*effects, NoteEvent("distress_check_yes")))
    if answer == "no":
        return _goes_on(state, env)
    return Turn((screens.main_menu("button-expired"),), state, (NoteEvent("unknown_button"),))


def _goes_on(state: State, env: Env) -> Turn:
    """After "No, sto bene": back to where the conversation was."""
    fine = Reply("distress-fine")
    noted = (NoteEvent("distress_check_no"),)
    if state.consent_version != env.notice_version:
        return Turn((fine, screens.consent_request(env, "consent-needed")), state, noted)
    if state.handoff:
        return Turn((Reply("distress-fine", buttons=screens.FOOTER),), state, noted)
    if state.flow == prescreening.FLOW and env.rules is not None and env.places is not None:
        resumed = prescreening.begin(state, env)
        return Turn((fine, *resumed.replies), resumed.state, (*resumed.effects, *noted))
    return Turn((fine, screens.main_menu()), state, noted)
