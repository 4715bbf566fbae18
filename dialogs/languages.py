"""The conversation's language: offered, never switched behind the person's back.

The shell tells the core which language a text is written in, when that is clear
(`TextSaid.language`). When it is another language the bot speaks, the turn answers as
usual and adds an offer written in that language, with a button to switch and one to keep
the current language; a language the person kept away from is not offered again. Before
consent the offer comes first, so someone who cannot read the notice can switch to read
it. Naming a language ("my Italian is not very good", "can we speak english?") only shows
buttons: the switch itself is always the `lang:<code>` button.
"""

from __future__ import annotations

from dialogs import screens
from dialogs.events import ButtonPressed, Event, TextSaid
from dialogs.model import Button, Env, Reply, State, Turn

# The button that keeps the current language; its argument is the language offered.
KEEP = "lang-keep"


def offer_for(state: State, event: Event, env: Env) -> str | None:
    """The language to offer for this text, if any."""
    if not isinstance(event, TextSaid) or event.language is None:
        return None
    code = event.language
    if code == state.language or code not in env.languages or code in state.lang_declined:
        return None
    return code


def with_offer(before: State, event: Event, env: Env, turn: Turn) -> Turn:
    """The turn, plus the offer to switch when the text was in another language."""
    code = offer_for(turn.state, event, env)
    if (
        code is None
        or not turn.replies
        or before.handoff
        or turn.state.handoff
        or turn.state.language != before.language
        or _shows_languages(turn)
    ):
        return turn
    offer = offer_reply(code, turn.state.language)
    if before.consent_version != env.notice_version:
        return Turn((offer, *turn.replies), turn.state, turn.effects)
    return Turn((*turn.replies, offer), turn.state, turn.effects)


def offer_reply(code: str, current: str) -> Reply:
    """ "Vorbești română? Pot să-ți scriu în română." in the language offered."""
    return Reply(
        "lang-offer",
        buttons=(
            (Button(f"lang-name-{code}", "lang", code),),
            (Button("btn-lang-keep", KEEP, code, {"current": current}),),
        ),
        language=code,
    )


def keep(state: State, event: ButtonPressed, env: Env) -> Turn:
    """The person stays in the current language: that offer is not made again."""
    declined = state.lang_declined
    if event.arg in env.languages and event.arg not in declined:
        declined = (*declined, event.arg)
    state = state.with_(lang_declined=declined)
    if state.consent_version != env.notice_version:
        return Turn((Reply("lang-kept"), screens.consent_request(env, "consent-needed")), state)
    return Turn((screens.main_menu("lang-kept"),), state)


def asked(state: State, named: str | None, env: Env) -> Turn:
    """ "can we speak english?": the language buttons, the one named first. No switch."""
    if named is None or named not in env.languages or named == state.language:
        return Turn((screens.languages(env),), state)
    others = tuple((Button(f"lang-name-{c}", "lang", c),) for c in env.languages if c != named)
    reply = Reply(
        "lang-offer",
        buttons=((Button(f"lang-name-{named}", "lang", named),), *others, screens.FOOTER[0]),
        language=named,
    )
    return Turn((reply,), state)


def _shows_languages(turn: Turn) -> bool:
    return any(b.action == "lang" for r in turn.replies for row in r.buttons for b in row)
