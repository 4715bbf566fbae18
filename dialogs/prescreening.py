"""The pre-screening questionnaire: at most six short questions, then where the person stands.

Buttons carry `ans:<question>=<choice>`, `place:<comune>` and `pre:<resume|restart|edit=q>`.
Each is checked against the rules and the list of comuni before it is believed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dialogs import screens
from dialogs.answers import Implausible, correction_target, parse_age, parse_choice, volunteered
from dialogs.effects import RecordPrescreening
from dialogs.eligibility import UNKNOWN, Assessment, Outcome, assess
from dialogs.events import ButtonPressed, Event, TextSaid, Understanding
from dialogs.flow import Flow
from dialogs.keywords import normalise
from dialogs.model import Button, Env, Keyboard, Reply, State, Turn
from dialogs.places import PlaceKind, PlaceMatch

FLOW = "prescreening"
QUESTIONS = ("age", "residence", "work", "services", "permit", "did")
# Buttons per question, in the order shown; the last is always "prefer not to say".
CHOICES = {
    "age": ("range:under", "range:in", "range:over"),
    "residence": ("in:Crema",),
    "work": ("not_working", "working", "occasional", "training"),
    "services": ("yes", "no"),
    "permit": ("eu_citizen", "valid_permit", "no_permit"),
    "did": ("yes", "no"),
}
ACTIONS = frozenset({"ans", "place", "pre"})
MAYBE_AN_ANSWER = frozenset({"inform", "affirm", "deny", "check_eligibility", "nlu_fallback"})


def begin(state: State, env: Env, said: TextSaid | None = None) -> Turn:
    """From the menu, /requisiti or a check_eligibility message."""
    if state.flow == FLOW and state.answers:
        ask = Reply(
            "pre-resume",
            buttons=(
                (Button("btn-continue", "pre", "resume"), Button("btn-restart", "pre", "restart")),
                *screens.FOOTER,
            ),
        )
        return Turn((ask,), state)
    answers = dict(state.noted)
    if said is not None:
        answers |= _facts_in(said, env)
    return _next_question(state.with_(flow=FLOW, answers=tuple(answers.items())), env, intro=True)


def handle(state: State, event: Event, env: Env) -> Turn | None:
    """An event while the questionnaire is open; None when it is not an answer."""
    if isinstance(event, ButtonPressed):
        return _button(state, event, env)
    if isinstance(event, TextSaid) and state.asking is not None:
        return _text(state, event, env)
    return None


def paused(turn: Turn) -> Turn:
    """The person asked something else mid-questionnaire: after the answer, a way back."""
    if turn.state.flow != FLOW or turn.state.handoff:
        # They started something else, or a person takes over: the answers wait for later.
        return turn
    back = Reply("pre-paused", buttons=((Button("btn-continue", "pre", "resume"),),))
    return Turn((*turn.replies, back), turn.state, turn.effects)


def note_facts(state: State, said: TextSaid, env: Env) -> State:
    """Remembers an age or comune mentioned in passing, to skip those questions later."""
    facts = _facts_in(said, env)
    if not facts:
        return state
    return state.with_(noted=tuple((dict(state.noted) | facts).items()))


def _facts_in(said: TextSaid, env: Env) -> dict[str, str]:
    facts: dict[str, str] = {}
    age = parse_age(_entity(said.understanding, "age") or "", env.today)
    if age is None and said.understanding is not None:
        age = parse_age(said.text, env.today)
    if isinstance(age, str):
        facts["age"] = age
    place = _place_answer(_entity(said.understanding, "comune") or "", env)
    if place is not None:
        facts["residence"] = place
    return facts | volunteered(said.text)


def _entity(understanding: Understanding | None, name: str) -> str | None:
    return understanding.entity(name) if understanding is not None else None


def _button(state: State, event: ButtonPressed, env: Env) -> Turn | None:
    if event.action == "pre":
        if event.arg == "resume" and state.flow == FLOW:
            return _next_question(state, env)
        if event.arg == "restart":
            # Starting again means everything: also what was said on the way.
            fresh = state.with_(flow=FLOW, answers=(), asking=None, noted=())
            return _next_question(fresh, env, intro=True)
        question = event.arg.removeprefix("edit=")
        if event.arg.startswith("edit=") and question in QUESTIONS:
            return _ask(state.with_(flow=FLOW), question, env)
        if event.arg == "edit":
            return Turn((_edit_menu(state),), state)
        return None
    if event.action == "ans":
        question, _, choice = event.arg.partition("=")
        if question in QUESTIONS and _valid_choice(question, choice, env):
            return _answered(state, question, choice, env)
        return None
    if event.action == "place" and _is_ambito(event.arg, env):
        return _answered(state, "residence", f"in:{event.arg}", env)
    return None


def _valid_choice(question: str, choice: str, env: Env) -> bool:
    if choice == UNKNOWN:
        return True
    if question == "residence":
        return choice.startswith("in:") and _is_ambito(choice.removeprefix("in:"), env)
    return choice in CHOICES[question]


def _is_ambito(name: str, env: Env) -> bool:
    if env.places is None:
        return False
    found = env.places.match(name)
    return found.kind is PlaceKind.IN_AMBITO and found.name == name


def _text(state: State, event: TextSaid, env: Env) -> Turn | None:
    question = state.asking
    assert question is not None
    target = correction_target(event.text)
    if target is not None:
        return _ask(state, target, env, key_prefix="pre-correct")
    if question == "age":
        age = parse_age(_entity(event.understanding, "age") or event.text, env.today)
        if isinstance(age, Implausible):
            return _ask(state, "age", env, key_prefix="pre-again", params={"said": age.said})
        if age is not None:
            return _answered(state, "age", age, env)
    elif question == "residence":
        return _residence_text(state, event, env)
    elif _is_question(event.text) and _clearly_something_else(event.understanding, env):
        return None  # "c'è un corso di informatica?" asks about courses, it is no answer
    else:
        choice = parse_choice(question, event.text)
        if choice is not None:
            return _answered(state, question, choice, env)
    if _clearly_something_else(event.understanding, env):
        return None
    return _ask(state, question, env, key_prefix="pre-again")


_QUESTION_WORDS = re.compile(
    r"^(c'?e|ci sono|come|quando|dove|quanto|quanti|quale|quali|cosa|che cosa|posso|potete|"
    r"e possibile|avete|is there|are there|how|when|where|what|can i|do you|exista|cand|unde|"
    r"cum|ce|pot|est-ce|quand|ou|comment|combien|hay|cuando|donde|como|cuanto|puedo)\b"
)


def _is_question(text: str) -> bool:
    plain = normalise(text)
    return "?" in text or _QUESTION_WORDS.search(plain) is not None


def _clearly_something_else(understanding: Understanding | None, env: Env) -> bool:
    """A confident request that is not an answer pauses the questionnaire instead."""
    if understanding is None or understanding.confidence < env.confidence_threshold:
        return False
    return understanding.intent not in (
        "inform",
        "affirm",
        "deny",
        "check_eligibility",
        "nlu_fallback",
    )


def _residence_text(state: State, event: TextSaid, env: Env) -> Turn | None:
    if env.places is None:
        return None
    found = env.places.match(_entity(event.understanding, "comune") or event.text)
    if found.kind in (PlaceKind.IN_AMBITO, PlaceKind.OUTSIDE):
        return _answered(state, "residence", _place_answer_of(found), env)
    if found.kind is PlaceKind.UNSURE:
        choices = tuple(
            (Button("btn-place", "place", c.name, {"name": c.name}),) for c in found.candidates
        )
        none_of_these = (Button("btn-none-of-these", "pre", "edit=residence"),)
        reply = Reply("pre-place-unsure", buttons=(*choices, none_of_these, *screens.FOOTER))
        return Turn((reply,), state.with_(asking="residence"))
    if _clearly_something_else(event.understanding, env):
        return None
    return _ask(state, "residence", env, key_prefix="pre-place-unknown")


def _place_answer(text: str, env: Env) -> str | None:
    if not text or env.places is None:
        return None
    found = env.places.match(text)
    return (
        _place_answer_of(found) if found.kind in (PlaceKind.IN_AMBITO, PlaceKind.OUTSIDE) else None
    )


def _place_answer_of(found: PlaceMatch) -> str:
    if found.kind is PlaceKind.IN_AMBITO:
        return f"in:{found.name}"
    return f"out:{found.name} ({found.province})" if found.province else f"out:{found.name}"


def _answered(state: State, question: str, choice: str, env: Env) -> Turn:
    answers = dict(state.answers) | {question: choice}
    if question == "age":
        noted = dict(state.noted) | {"age": choice}
    elif question == "residence":
        noted = dict(state.noted) | {"residence": choice}
    else:
        noted = dict(state.noted)
    state = state.with_(flow=FLOW, answers=tuple(answers.items()), noted=tuple(noted.items()))
    return _next_question(state, env)


def _next_question(state: State, env: Env, intro: bool = False) -> Turn:
    # What was said on the way ("sono disoccupata") is not asked again.
    answered = dict(state.noted) | dict(state.answers)
    state = state.with_(answers=tuple(answered.items()))
    missing = [q for q in QUESTIONS if q not in answered]
    if not missing:
        return _result(state, env)
    turn = _ask(state, missing[0], env)
    if intro:
        return Turn((Reply("pre-intro"), *turn.replies), turn.state)
    return turn


def _ask(
    state: State,
    question: str,
    env: Env,
    key_prefix: str = "",
    params: dict[str, str] | None = None,
) -> Turn:
    number = QUESTIONS.index(question) + 1
    choices: Keyboard = tuple(
        (Button(f"ans-{question}-{_label(choice)}", "ans", f"{question}={choice}"),)
        for choice in CHOICES[question]
    )
    unknown = (Button("btn-prefer-not", "ans", f"{question}={UNKNOWN}"),)
    replies = []
    if key_prefix:
        replies.append(Reply(key_prefix, params=params or {}))
    replies.append(
        Reply(
            f"q-{question}",
            params={"number": number, "total": len(QUESTIONS)},
            buttons=(*choices, unknown, *screens.FOOTER),
        )
    )
    return Turn(tuple(replies), state.with_(flow=FLOW, asking=question))


def _label(choice: str) -> str:
    return choice.replace("range:", "").replace("in:", "").replace("_", "-").lower()


@dataclass(frozen=True)
class _Summary:
    reply: Reply
    effect: RecordPrescreening


def _result(state: State, env: Env) -> Turn:
    assert env.rules is not None
    answers = dict(state.answers)
    if answers.get("permit") is None:
        answers.pop("permit", None)
    assessment = assess(answers, env.rules, env.today)
    summary = _summarise(assessment, answers)
    done = state.with_(flow=None, asking=None)
    return Turn((summary.reply,), done, (summary.effect,))


def _summarise(assessment: Assessment, answers: dict[str, str]) -> _Summary:
    lines: list[tuple[str, dict[str, str | int | float]]] = [
        (
            f"pre-line-{c.name}",
            {"status": c.status.value, "reason": c.reason, "place": _place_name(answers)},
        )
        for c in assessment.criteria
    ]
    if answers.get("did") != "yes":
        lines.append(("pre-did-info", {}))
    if assessment.outcome is Outcome.NOT_ELIGIBLE:
        lines.append(("pre-elsewhere", {}))
        next_steps: Keyboard = ((screens.ELSEWHERE,), (screens.PERSON,))
    else:
        next_steps = ((Button("btn-book-orientation", "go", "appointments"),), (screens.PERSON,))
    buttons = (*next_steps, (Button("btn-correct", "pre", "edit"),), (screens.MENU,))
    reply = Reply(
        "pre-result",
        params={"outcome": assessment.outcome.value},
        buttons=buttons,
        parts=tuple(lines),
    )
    effect = RecordPrescreening(
        rules_version=assessment.rules_version,
        answers=tuple(sorted(answers.items())),
        outcome=assessment.outcome.value,
        criteria=tuple((c.name, c.status.value, c.reason) for c in assessment.criteria),
    )
    return _Summary(reply, effect)


def _place_name(answers: dict[str, str]) -> str:
    residence = answers.get("residence", "")
    return residence.split(":", 1)[1] if ":" in residence else ""


def _edit_menu(state: State) -> Reply:
    rows = tuple(
        (Button(f"edit-{q}", "pre", f"edit={q}"),) for q in QUESTIONS if q in dict(state.answers)
    )
    return Reply("pre-edit", buttons=(*rows, *screens.FOOTER))


def ready(env: Env) -> bool:
    return env.rules is not None and env.places is not None


def on_event(state: State, event: Event, env: Env) -> Turn | None:
    """Answers while the questionnaire is open, and its own buttons from anywhere."""
    if state.flow == FLOW or (isinstance(event, ButtonPressed) and event.action in ACTIONS):
        return handle(state, event, env)
    return None


SPEC = Flow(
    name=FLOW,
    screen="eligibility",
    commands=("requisiti",),
    intents=frozenset({"check_eligibility"}),
    actions=ACTIONS,
    ready=ready,
    open=lambda state, env: begin(state, env),
    on_intent=lambda intent, said, state, env: begin(state, env, said),
    on_event=on_event,
    paused=paused,
)
