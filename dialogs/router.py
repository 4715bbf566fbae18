"""`step`: one user action in, one turn out.

The order of checks is the product's safety policy:
1. distress first, at any time, before consent and whatever the NLU says;
2. the consent gate: nothing else happens until the current notice is accepted;
3. buttons and commands, which always work, also when the NLU is down;
4. free text, through the NLU or, when it is down, through keywords.
"""

from __future__ import annotations

from collections.abc import Sequence

from dialogs import (
    appointments,
    context,
    courses,
    distress,
    faq,
    flows,
    followup,
    handoff,
    languages,
    prescreening,
    prompt,
    screens,
)
from dialogs.effects import EraseData, ExportData, NoteEvent, RecordConsent
from dialogs.events import (
    ButtonPressed,
    CommandIssued,
    Event,
    HandoffFailed,
    MessageEdited,
    NonTextSent,
    OperatorClosed,
    OperatorJoined,
    Started,
    TextSaid,
    Understanding,
)
from dialogs.intents import INTENTS, NLU_FALLBACK
from dialogs.keywords import guess_intent
from dialogs.model import Button, Env, LabelText, Reply, State, Turn

COMMAND_SCREENS = {
    **flows.COMMANDS,
    "help": "help",
    "menu": "menu",
    "operatore": "person",
    "privacy": "privacy",
    "lingua": "language",
    "cancellami": "delete_data",
}

INTENT_SCREENS = {
    # A flow's intents open its screen; it says so honestly when its data is missing.
    **{intent: flow.screen for intent, flow in flows.BY_INTENT.items()},
    "help": "help",
    "ask_human": "person",
    "faq_internship": "faq_internship",
    "faq_project": "faq_project",
    "faq_documents": "faq_documents",
    "faq_contacts": "faq_contacts",
    "faq_income_support": "faq_income_support",
    "faq_driving_licence": "faq_driving_licence",
    "faq_expired_documents": "faq_expired_documents",
    "faq_after_interview": "faq_after_interview",
    # Questions outside what the bot knows: an honest "I don't know", a person first.
    "out_of_scope": faq.DONT_KNOW,
    "privacy": "privacy",
    "delete_my_data": "delete_data",
    "change_language": "language",
}

# Intents answered with a short sentence and the menu.
INTENT_SMALL_TALK = {
    "greet": "greet",
    "goodbye": "goodbye",
    "thanks": "thanks",
    "affirm": "ack",
    "deny": "ack",
    "inform": "inform-noted",
    "bot_challenge": "bot-challenge",
}

MISUNDERSTANDINGS_BEFORE_PERSON = 2


def step(state: State, event: Event, env: Env) -> Turn:
    """One event in, one turn out; the buttons it shows are kept for typed answers."""
    turn = _step(state, _typed_answer(state, event), env)
    turn = languages.with_offer(state, event, env, turn)
    if not turn.replies:  # a message only relayed to the operators: the screen is unchanged
        return turn
    shown = prompt.choices(turn.replies, turn.state.language, env.label_text)
    return Turn(turn.replies, turn.state.with_(prompt=shown), turn.effects)


def sent_outside_a_turn(
    state: State, replies: Sequence[Reply], language: str, label: LabelText | None
) -> State:
    """A message the bot sent on its own (a reminder, the follow-up question, an office
    notice) is the newest on the person's screen: its buttons are the ones a typed "sì" or
    "2" answers next, as if a turn had shown them. Without buttons the screen's last
    buttons stay what typed words answer."""
    shown = prompt.choices(tuple(replies), language, label)
    return state.with_(prompt=shown) if shown else state


def _typed_answer(state: State, event: Event) -> Event:
    """Typed words that answer the buttons on screen count as pressing them (prompt.py).

    Distress and an open handoff come first: those words must reach a person as they are.
    """
    if not isinstance(event, TextSaid) or state.handoff or _is_distress(event):
        return event
    pressed = prompt.answer(state.prompt, event.text, event.understanding)
    return pressed if pressed is not None else event


def _step(state: State, event: Event, env: Env) -> Turn:
    if isinstance(event, OperatorJoined):
        return handoff.claimed(state)
    if isinstance(event, OperatorClosed):
        return handoff.close(state, by="operator")
    if isinstance(event, HandoffFailed):
        return handoff.failed(state, env)
    # Distress (and fear of the police) first: the alarm, a gentle check, or nothing.
    screened = distress.screen(state, event, env)
    if screened is not None:
        return screened
    if isinstance(event, ButtonPressed) and event.action == followup.ACTION:
        # The six-month question may come during a request or after a new notice: the
        # answer is kept either way (its basis is the consent given at the exit).
        return followup.answer(state, event.arg, env)
    if state.handoff:
        during = _during_handoff(state, event, env)
        if during is not None:
            return during
    if isinstance(event, ButtonPressed) and event.action == languages.KEEP:
        return languages.keep(state, event, env)
    if isinstance(event, Started):
        return _start(state, event, env)
    if isinstance(event, ButtonPressed) and event.action == "consent":
        return _consent_answer(state, event.arg, env)
    if state.consent_version != env.notice_version:
        return _consent_gate(state, event, env)
    return _with_consent(state, event, env)


def _is_distress(event: Event) -> bool:
    """Clear distress only: cue words alone are asked about (see dialogs/distress.py)."""
    return distress.is_clear(event)


def _during_handoff(state: State, event: Event, env: Env) -> Turn | None:
    if isinstance(event, ButtonPressed) and event.action == "handoff":
        return handoff.on_button(state, event.arg)
    typed = handoff.typed_confirmation(state, event)
    if typed is not None:  # "sì" / "no" typed to "Vuoi tornare al menu?"
        return handoff.on_button(state, typed)
    if isinstance(event, CommandIssued) and event.name == "annulla":
        return handoff.leave(state)
    # Until an operator claims the request, the assistant still answers what it
    # understands; the handoff keeps the relay and adds the queue note.
    answered = (
        _with_consent(state, event, env)
        if handoff.answers_while_waiting(state, event, env)
        else None
    )
    return handoff.during(state, event, env, answered)


def _start(state: State, event: Started, env: Env) -> Turn:
    language = _language_from(event.language_code, state.language, env.languages)
    state = state.with_(language=language, misunderstood=0)
    if state.consent_version == env.notice_version:
        return Turn((screens.main_menu("welcome-back"),), state)
    return Turn((screens.consent_request(env, "welcome"),), state.with_(consent_declined=False))


def _language_from(code: str | None, fallback: str, supported: tuple[str, ...]) -> str:
    base = (code or "").split("-")[0].lower()
    return base if base in supported else fallback


def _switch_language(state: State, code: str, env: Env) -> Turn:
    switched = state.with_(language=code)
    if state.consent_version != env.notice_version:
        return Turn(
            (Reply("lang-changed"), screens.consent_request(env, "consent-needed")), switched
        )
    return Turn((Reply("lang-changed"), screens.main_menu()), switched)


def _consent_answer(state: State, answer: str, env: Env) -> Turn:
    if answer == "yes":
        return Turn(
            (Reply("consent-thanks"), screens.main_menu()),
            state.with_(consent_version=env.notice_version, consent_declined=False),
            (RecordConsent(env.notice_version, accepted=True),),
        )
    if answer == "no":
        declined = Reply(
            "consent-declined",
            params=screens.office_params(env),
            buttons=((Button("btn-changed-mind", "go", "consent"),), (screens.PERSON,)),
        )
        return Turn(
            (declined,), state.with_(consent_declined=True), (NoteEvent("consent_declined"),)
        )
    return _unknown_button(state, env)


def _consent_gate(state: State, event: Event, env: Env) -> Turn:
    """Before consent only public information is given: contacts and the full notice."""
    if isinstance(event, ButtonPressed) and event.action == "lang" and event.arg in env.languages:
        return _switch_language(state, event.arg, env)
    if isinstance(event, ButtonPressed) and event.action == "go":
        if event.arg == "person":
            return Turn((_person_before_consent(env),), state)
        if event.arg == "privacy_full":
            return Turn((_privacy_full(env, consented=False),), state)
        if event.arg == "language":
            return Turn((screens.languages(env, back=Button("btn-back", "go", "consent")),), state)
    if isinstance(event, CommandIssued) and event.name == "operatore":
        return Turn((_person_before_consent(env),), state)
    key = "consent-renewed" if state.consent_version else "consent-needed"
    return Turn((screens.consent_request(env, key),), state)


def _person_before_consent(env: Env) -> Reply:
    return Reply(
        "person-contacts",
        params=screens.office_params(env),
        buttons=((Button("btn-back", "go", "consent"),),),
    )


def _with_consent(state: State, event: Event, env: Env) -> Turn:
    if isinstance(event, TextSaid) and event.understanding is not None:
        state = prescreening.note_facts(state, event, env)
    if isinstance(event, TextSaid):
        in_context = _in_context(state, event, env)
        if in_context is not None:
            return in_context
    for flow in flows.FLOWS:
        if not flow.ready(env):
            continue
        handled = flow.on_event(state, event, env)
        if handled is not None:
            return handled
        waiting = state.flow == flow.name and state.asking is not None
        if flow.paused is not None and waiting and isinstance(event, TextSaid):
            # Something else was asked: answer it, then the flow offers the way back.
            return flow.paused(_request(state.with_(asking=None), event, env))
    return _request(state, event, env)


def _request(state: State, event: Event, env: Env) -> Turn:
    """What the person asks for when no open flow takes the event."""
    if isinstance(event, ButtonPressed | CommandIssued):
        state = flows.leave_all(state)
    if isinstance(event, ButtonPressed):
        return _button(state, event, env)
    if isinstance(event, CommandIssued):
        return _command(state, event, env)
    if isinstance(event, TextSaid):
        return _text(state, event, env)
    if isinstance(event, NonTextSent):
        return Turn((Reply("non-text", {"kind": event.kind}, screens.FOOTER),), state)
    if isinstance(event, MessageEdited):
        return Turn((Reply("edited", buttons=screens.FOOTER),), state)
    return _unknown_button(state, env)


def _in_context(state: State, said: TextSaid, env: Env) -> Turn | None:
    """A text that fits what was just offered, read that way first (context.py)."""
    if context.asks_where_else(state, said):
        return show("elsewhere", state.with_(misunderstood=0), env)
    if appointments.ready(env):
        return appointments.wish_after_offer(state.with_(misunderstood=0), said, env)
    return None


def _button(state: State, event: ButtonPressed, env: Env) -> Turn:
    if event.action == "go" and (event.arg in screens.SCREENS or event.arg in flows.BY_SCREEN):
        return show(event.arg, state.with_(misunderstood=0), env)
    if event.action == "go" and event.arg == "consent":
        return Turn((screens.main_menu(),), state)
    if event.action == "intent" and event.arg in INTENTS:
        return _intent(event.arg, state.with_(misunderstood=0), env)
    if event.action == "lang" and event.arg in env.languages:
        return _switch_language(state, event.arg, env)
    if event.action == "data":
        return _data_request(state, event.arg, env)
    return _unknown_button(state, env)


def _data_request(state: State, what: str, env: Env) -> Turn:
    """The person's own data: see it, or erase it after a clear confirmation."""
    if what == "export":
        return Turn((Reply("export-ready", buttons=screens.FOOTER),), state, (ExportData(),))
    if what == "erase":
        return show("delete_data", state, env)
    if what == "erase-yes":
        done = Reply(
            "erase-done", buttons=((Button("btn-start-again", "go", "consent"), screens.PERSON),)
        )
        # Only the language survives in memory, to say goodbye; the shell erases the rest.
        return Turn((done,), State(language=state.language), (EraseData(),))
    return _unknown_button(state, env)


def _unknown_button(state: State, env: Env) -> Turn:
    return Turn((screens.main_menu("button-expired"),), state, (NoteEvent("unknown_button"),))


def _command(state: State, event: CommandIssued, env: Env) -> Turn:
    if event.name == "annulla":
        key = "pre-stopped" if state.flow == prescreening.FLOW else "cancelled"
        stopped = flows.leave_all(state).with_(misunderstood=0, flow=None, asking=None, answers=())
        return Turn((screens.main_menu(key),), stopped)
    if event.name == "imieidati":
        return _data_request(state, "export", env)
    screen = COMMAND_SCREENS.get(event.name)
    if screen is None:
        return Turn((screens.main_menu("unknown-command"),), state)
    return show(screen, state, env)


def _text(state: State, event: TextSaid, env: Env) -> Turn:
    said = event.understanding
    if said is None:
        return _text_without_nlu(state, event, env)
    if said.intent == NLU_FALLBACK or said.confidence < env.confidence_threshold:
        if event.too_long:
            return Turn((Reply("too-long", buttons=screens.FOOTER),), state)
        if courses.ready(env) and (said.entity("course") or courses.names_a_course(event, env)):
            # Unsure what they want, but they named a course: its card is the best guess,
            # and it has the way back and the way to a person like any screen.
            return courses.from_intent("enroll_course", event, state, env)
        return _clarify(state, said, env)
    if said.intent == "change_language":
        # Naming a language is not asking to switch ("my Italian is not very good"):
        # buttons, the named language first; only pressing one switches.
        return languages.asked(state.with_(misunderstood=0), said.entity("language"), env)
    flow = flows.BY_INTENT.get(said.intent)
    if flow is not None and flow.ready(env):
        return flow.on_intent(said.intent, event, state.with_(misunderstood=0), env)
    return _intent(said.intent, state.with_(misunderstood=0), env)


def _text_without_nlu(state: State, event: TextSaid, env: Env) -> Turn:
    guessed = guess_intent(event.text)
    if guessed is None:
        return Turn((screens.main_menu("nlu-down"),), state, (NoteEvent("nlu_down"),))
    return _intent(guessed, state.with_(misunderstood=0), env)


def _clarify(state: State, said: Understanding, env: Env) -> Turn:
    misunderstood = state.misunderstood + 1
    state = state.with_(misunderstood=misunderstood)
    if misunderstood >= MISUNDERSTANDINGS_BEFORE_PERSON:
        offer = Reply(
            "still-not-understood",
            buttons=((screens.PERSON,), (screens.MENU,)),
        )
        return Turn((offer,), state, (NoteEvent("misunderstood_twice"),))
    candidates = [
        name
        for name, _ in said.ranking
        if name in INTENTS and name not in ("out_of_scope", "inform", "affirm", "deny")
    ][:2]
    choices = tuple((Button(f"intent-{name}", "intent", name),) for name in candidates)
    reply = Reply("clarify", buttons=(*choices, (screens.PERSON,), (screens.MENU,)))
    return Turn((reply,), state, (NoteEvent("clarify"),))


def _intent(intent: str, state: State, env: Env) -> Turn:
    if intent == "distress":
        return handoff.urgent(state, env)
    if intent in INTENT_SMALL_TALK:
        return Turn((screens.main_menu(INTENT_SMALL_TALK[intent]),), state)
    return show(INTENT_SCREENS.get(intent, faq.DONT_KNOW), state, env)


def show(screen: str, state: State, env: Env) -> Turn:
    flow = flows.BY_SCREEN.get(screen)
    if flow is not None and flow.ready(env):
        return flow.open(state, env)
    if screen == "person" and env.operators_available:
        return handoff.request(state, env)
    return Turn((_screen_reply(screen, env),), state)


def _screen_reply(screen: str, env: Env) -> Reply:
    if screen == "menu":
        return screens.main_menu()
    if screen == "person":
        return screens.person(env)
    if screen == "privacy":
        return screens.info(
            "privacy-short",
            env,
            (Button("btn-my-data", "data", "export"), Button("btn-erase", "data", "erase")),
            (Button("btn-read-all", "go", "privacy_full"),),
        )
    if screen == "my_data":
        return screens.my_data(env)
    if screen == "language":
        return screens.languages(env)
    if screen == "delete_data":
        return Reply(
            "erase-confirm",
            buttons=(
                (Button("btn-erase-yes", "data", "erase-yes"),),
                (Button("btn-erase-no", "go", "privacy"),),
                *screens.FOOTER,
            ),
        )
    if screen == "privacy_full":
        return _privacy_full(env, consented=True)
    if screen in flows.BY_SCREEN:
        # Reached only when the data behind the screen is missing here.
        return faq.unavailable(screen, env)
    if screen == "help":
        return screens.main_menu("help")
    if screen == faq.ELSEWHERE:
        return faq.elsewhere(env)
    if screen in faq.NEXT_STEP:
        return faq.answer(screen, env)
    return faq.dont_know(env)


def _privacy_full(env: Env, *, consented: bool) -> Reply:
    if consented:
        return screens.info("privacy-full", env)
    back = (Button("btn-back", "go", "consent"),)
    return Reply("privacy-full", screens.office_params(env), (back, (screens.PERSON,)))
