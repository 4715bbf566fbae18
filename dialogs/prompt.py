"""Typed answers to the buttons on screen: "2", "sì", "ok, accetto", "da", "Non lavoro".

Many people type instead of pressing. Every turn remembers the choices it showed (the
pending prompt, kept in the state); the next text is first read as one of them, before the
NLU's idea of a new request. Three readings, in order:

1. a digit from 1 to 9: the button with that number, counted as the console shows them,
   or the whole label of one button ("Yes");
2. a yes / no / don't-know word in any language the bot speaks: the one button of that
   kind on screen (a "Sì, prenota", "Non accetto", "Non so / preferisco non dirlo");
3. the button's own words, with typos, in the person's language or in Italian: "accetto",
   "corsi", "non lavoro", "ritirati".

A reading is taken only when exactly one button fits; otherwise the text goes on to the
flow on screen (ages, comuni, time wishes) and then to the NLU.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dialogs.events import ButtonPressed, Understanding
from dialogs.keywords import normalise
from dialogs.matching import is_typo_of
from dialogs.model import Button, LabelText, Reply

# A button as the state keeps it: action, argument, kind (yes/no/unsure/""), label words.
PromptItem = tuple[str, str, str, str]

YES, NO, UNSURE = "yes", "no", "unsure"

# Buttons that say yes or no, when their key does not end in -yes / -no. Pre-screening
# answers say it in their argument ("services=yes").
_YES_LABELS = frozenset(
    {
        "btn-accept",
        "btn-ap-confirm",
        "btn-co-accept",
        "btn-continue",
        "btn-ap-yes",
        "btn-co-yes",
        # "Yes, cancel it" without a reason.
        "btn-ap-why-unsaid",
        # "Yes" to the interview offered with a pre-screening result.
        "btn-book-orientation",
    }
)
_NO_LABELS = frozenset(
    {"btn-decline", "btn-co-decline", "btn-co-stay", "btn-ap-keep", "btn-ap-other-time"}
)
# Buttons of a double question where a bare yes or no is not clear: "Stai bene? Ti serve
# aiuto subito?" answered "no" may mean either. Their own words still press them.
_NOT_POLAR = frozenset({"btn-distress-no"})
_YES_ARGS = ("=yes", "work=working", "permit=eu_citizen")
_NO_ARGS = ("=no", "work=not_working")

# Whole answers meaning yes, no or "I don't know", as people type them: Italian, English,
# Romanian, French, Spanish and Arabic. Compared after `_plain` (lowercase, no accents, no
# punctuation), which is applied to these too.
_POLARITY_WORDS: dict[str, tuple[str, ...]] = {
    YES: (
        "si", "sii", "si si", "certo", "certamente", "ok", "okay", "oki", "va bene",
        "d'accordo", "daccordo", "esatto", "giusto", "confermo", "volentieri", "perfetto",
        "si grazie", "si certo", "ok grazie", "si va bene", "si per favore",
        "yes", "yeah", "yep", "yup", "sure", "of course", "yes please", "ok thanks",
        "da", "sigur", "desigur", "bine", "de acord", "da multumesc",
        "oui", "ouais", "bien sur", "d'accord", "oui merci",
        "claro", "vale", "por supuesto", "de acuerdo", "si gracias", "si claro",
        "eso mismo", "si eso mismo", "exacto", "asi es", "eso es", "c'est ca", "oui c'est ca",
        "exactement", "exactly", "that's right", "proprio cosi", "esatto si",
        "نعم", "ايوه", "ايوا", "اه", "اجل", "موافق", "حسنا", "طيب", "واخا",
    ),
    NO: (
        "no", "nope", "nah", "non", "nu", "no grazie", "no thanks", "not really", "no no",
        "nu multumesc", "non merci", "no gracias", "لا", "كلا", "لا شكرا",
    ),
    UNSURE: (
        "non so", "non lo so", "boh", "mah", "preferisco non dirlo", "preferisco non dire",
        "non saprei", "i don't know", "i dont know", "dont know", "don't know", "no idea",
        "not sure", "prefer not to say", "nu stiu", "nu stiu sigur", "je ne sais pas",
        "je sais pas", "sais pas", "no se", "no lo se", "لا اعرف", "ما عرفتش", "مش عارف",
    ),
}  # fmt: skip

# Words around an answer that do not change it ("sì grazie", "ok, accetto", "please").
_FILLERS = frozenset(
    """
    ok okay si yes da oui grazie please thanks multumesc merci gracias per favore te rog
    por favor s'il vous plait allora dunque beh ecco ciao va bene allright alright
    il lo la i gli le un una uno l the a an el los las un una le les
    voglio vorrei want je veux quiero vreau io i eu yo je
    d'accord certo certamente claro vale sure sigur desigur perfetto perfect
    نعم ايوه اجل من فضلك شكرا انا
    """.split()  # noqa: SIM905 - a line per language reads better than 60 quoted strings
)

# Above this many words a message is a sentence, not a button's words.
MAX_ANSWER_WORDS = 8
MAX_DIGIT = 9
_PUNCTUATION = re.compile(r"[^\w\s']")


@dataclass(frozen=True)
class Choice:
    """One button on screen, kept in the state until the next turn: its action and
    argument, whether it means yes or no, and its label's words in two languages."""

    action: str
    arg: str
    kind: str
    words: str

    def press(self) -> ButtonPressed:
        return ButtonPressed(self.action, self.arg)


def choices(
    replies: tuple[Reply, ...], language: str, label: LabelText | None
) -> tuple[PromptItem, ...]:
    """The buttons of a turn's replies, numbered in order, as state-friendly tuples."""
    found: list[PromptItem] = []
    for reply in replies:
        # An offer to switch language shows its buttons in the language offered.
        shown_in = reply.language or language
        for row in reply.buttons:
            for button in row:
                words = _words(button, shown_in, label)
                found.append((button.action, button.arg, _kind(button), words))
    return tuple(found)


def answer(
    prompt: tuple[PromptItem, ...],
    text: str,
    understanding: Understanding | None,
) -> ButtonPressed | None:
    """The button a typed text stands for, or None when it is not clearly one of them."""
    if not prompt:
        return None
    shown = [Choice(*item) for item in prompt]
    plain = _plain(text)
    if not plain:
        return None
    number = _digit(plain, shown)
    if number is not None:
        return shown[number - 1].press()
    exact = [c for c in shown if plain in (_plain(label) for label in c.words.split("\n"))]
    if len(exact) == 1:
        return exact[0].press()
    polarity = _said_polarity(plain)
    pressed = _one_of_kind(shown, polarity)
    if pressed is not None or polarity is not None:
        # A bare "no" that fits no single button is not read by the labels' words either:
        # "no" must not press "No, sto bene" where that is not a plain no (see _NOT_POLAR).
        return pressed
    said = _content(plain)
    if said and len(said) <= MAX_ANSWER_WORDS:
        pressed = _by_words(said, shown)
        if pressed is not None:
            return pressed
    # Last, the NLU's yes or no for a short answer the lists above do not know.
    return _one_of_kind(shown, _understood_polarity(plain, understanding))


def _one_of_kind(shown: list[Choice], kind: str | None) -> ButtonPressed | None:
    fitting = [c for c in shown if kind is not None and c.kind == kind]
    return fitting[0].press() if len(fitting) == 1 else None


def is_bare_answer(text: str) -> bool:
    """A yes, a no or an "I don't know" and nothing else."""
    return _said_polarity(_plain(text)) is not None


def _kind(button: Button) -> str:
    label, arg = button.label, button.arg
    if label in _NOT_POLAR:
        return ""
    if label in _YES_LABELS or label.endswith("-yes") or arg.endswith(_YES_ARGS):
        return YES
    if label in _NO_LABELS or label.endswith("-no") or arg.endswith(_NO_ARGS):
        return NO
    if label == "btn-prefer-not" or arg.endswith("=unknown"):
        return UNSURE
    return ""


def _words(button: Button, language: str, label: LabelText | None) -> str:
    """The label as shown, and in Italian; read (normalised) only when a text comes."""
    if label is None:
        return ""
    return "\n".join(
        dict.fromkeys(label(button.label, lang, button.params) for lang in (language, "it"))
    )


def _plain(text: str) -> str:
    return " ".join(_PUNCTUATION.sub(" ", normalise(text)).split())


_POLARITY = {
    kind: frozenset(_plain(phrase) for phrase in phrases)
    for kind, phrases in _POLARITY_WORDS.items()
}


def _digit(plain: str, shown: list[Choice]) -> int | None:
    if not (plain.isdigit() and len(plain) == 1):
        return None
    number = int(plain)
    # In a list of times a bare number is an hour ("alle 9"), not the ninth button.
    if any(c.action == "ap-b" for c in shown):
        return None
    return number if 1 <= number <= min(len(shown), MAX_DIGIT) else None


def _said_polarity(plain: str) -> str | None:
    return next((kind for kind, phrases in _POLARITY.items() if plain in phrases), None)


def _understood_polarity(plain: str, understanding: Understanding | None) -> str | None:
    """The NLU's affirm / deny, for three words at most, unless a word says the opposite:
    a "no, sto bene" read as affirm must not press "Sì, aiuto subito"."""
    words = plain.split()
    if understanding is None or len(words) > 3 or understanding.confidence < 0.8:
        return None
    kind = {"affirm": YES, "deny": NO}.get(understanding.intent)
    opposite = _POLARITY[NO] if kind == YES else _POLARITY[YES]
    if kind is None or any(word in opposite for word in words):
        return None
    return kind


def _content(plain: str) -> list[str]:
    return [w for w in plain.split() if w not in _FILLERS]


def _by_words(said: list[str], shown: list[Choice]) -> ButtonPressed | None:
    """The one button whose label contains every word said (typos allowed); when several
    do, the one whose label also has no word that was not said."""
    covering = [c for c in shown if any(_covers(label, said) for label in _labels(c))]
    if len(covering) == 1:
        return covering[0].press()
    exact = [c for c in covering if any(_covers(said, label) for label in _labels(c))]
    if len(exact) == 1:
        return exact[0].press()
    return None


def _labels(choice: Choice) -> list[list[str]]:
    return [_content(_plain(label)) for label in choice.words.split("\n") if label]


def _covers(known: list[str], words: list[str]) -> bool:
    """Every word is one of `known`, or a typo of one (short words must be exact)."""
    return bool(words) and all(
        any(w == k or (len(w) >= 4 and is_typo_of(w, k)) for k in known) for w in words
    )
