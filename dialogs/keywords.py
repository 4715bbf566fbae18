"""Keyword understanding for when the NLU server is down, and a distress safety net.

The safety net runs on every text whatever the NLU says: missing a person in danger
costs far more than showing the emergency numbers to someone who did not need them.
"""

from __future__ import annotations

import re
import unicodedata

_DISTRESS = (
    r"mi picchia",
    r"picchiat",
    r"mi ha picchiat",
    r"mi mena",
    r"violenz",
    r"abusat",
    r"stupr",
    r"mi minaccia",
    r"minacciat",
    r"ho paura di tornare a casa",
    r"mi vuole uccidere",
    r"suicid",
    r"farla finita",
    r"togliermi la vita",
    r"voglio morire",
    r"ammazzarmi",
    r"uccidermi",
    r"non voglio piu vivere",
    r"mi faccio del male",
    r"tagliarmi",
    r"non ho da mangiare",
    r"non ho niente da mangiare",
    r"non mangio da",
    r"non mangiano da",
    r"patisco la fame",
    r"soffro la fame",
    r"sfratt",
    r"dormo in macchina",
    r"dormo per strada",
    r"dormo in strada",
    r"dormo in stazione",
    r"vivo per strada",
    r"vivo in strada",
    r"vivo in macchina",
    r"non ho un posto dove dormire",
    r"senza casa",
    r"senzatetto",
    r"senza tetto",
    r"non ho una casa",
    r"non so dove dormire",
    r"buttato fuori di casa",
    r"buttata fuori di casa",
)
# The same net in the other languages people write to us in. Written as people type
# them; `normalise` below takes the accents (and Arabic hamza marks) off both sides.
_DISTRESS_ELSEWHERE = (
    # English
    "beats me", "hits me", "he hit me", "she hit me", "abused", "raped", "threatens me",
    "going to kill me", "kill myself", "suicide", "want to die", "end my life",
    "hurt myself", "cut myself", "nothing to eat", "no food", "haven't eaten",
    "evicted", "eviction", "homeless", "sleeping in my car", "sleep in my car",
    "sleeping on the street", "sleep on the street", "nowhere to sleep", "kicked out",
    # Romanian
    "mă bate", "m-a bătut", "mă lovește", "m-a lovit", "violență", "violat",
    "mă amenință", "sinucid", "vreau să mor", "să mă omor", "nu mai vreau să trăiesc",
    "nu am ce mânca", "n-am ce mânca", "evacuat", "fără casă", "dorm în mașină",
    "dorm pe stradă", "nu am unde să dorm",
    # French
    "me frappe", "m'a frappé", "violence", "violée", "me menace", "me tuer",
    "veux mourir", "en finir", "me faire du mal", "rien à manger", "pas mangé depuis",
    "expulsé", "sans abri", "sans domicile", "dors dans ma voiture", "dort dans la voiture",
    "dors dans la rue", "dort dans la rue", "dormons dans la rue",
    "nulle part où dormir",
    # Spanish
    "me pega", "me golpea", "violencia", "violada", "me amenaza", "suicidarme",
    "quiero morir", "quitarme la vida", "hacerme daño", "no tengo qué comer",
    "no tengo que comer", "no tengo comida", "desahucio", "desalojo", "sin hogar",
    "duermo en el coche", "duermo en la calle", "no tengo dónde dormir",
    # Arabic
    "يضربني", "ضربني", "عنف", "اغتصاب", "يهددني", "انتحار", "أريد أن أموت",
    "أقتل نفسي", "ليس لدي طعام", "لا يوجد طعام", "لا أجد ما آكل", "طردوني من البيت",
    "بدون مأوى", "أنام في الشارع", "أنام في السيارة",
)  # fmt: skip


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.replace("’", "'").split())


_DISTRESS_RE = re.compile(
    "|".join((*_DISTRESS, *(re.escape(_plain(words)) for words in _DISTRESS_ELSEWHERE)))
)

# Order matters: the first group that matches wins, so the more specific come first.
_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("delete_my_data", ("cancella i miei dati", "cancellami", "cancellare i miei dati")),
    ("privacy", ("privacy", "dati personali", "i miei dati")),
    ("ask_human", ("operatore", "operatrice", "persona", "assistente sociale", "parlare con")),
    ("cancel_appointment", ("annulla appuntamento", "disdire", "disdetta")),
    ("reschedule_appointment", ("spostare", "sposta", "cambiare appuntamento")),
    ("book_appointment", ("appuntament", "colloquio", "prenot")),
    ("list_courses", ("corso", "corsi", "formazione")),
    ("check_eligibility", ("posso partecipare", "requisiti", "requisito", "posso entrare")),
    ("faq_internship", ("tirocini",)),
    ("faq_documents", ("document", "carta d'identita", "codice fiscale")),
    ("faq_contacts", ("orari", "indirizzo", "telefono", "email", "dove siete")),
    ("change_language", ("lingua", "english", "francais", "romana", "espanol")),
    ("help", ("aiuto", "help", "cosa sai fare")),
    ("thanks", ("grazie",)),
    ("goodbye", ("arrivederci", "ciao ciao", "a presto")),
    ("greet", ("ciao", "buongiorno", "buonasera", "salve")),
)


def normalise(text: str) -> str:
    """Lowercase, without accents and with single spaces: how users often type anyway."""
    return _plain(text)


def looks_like_distress(text: str) -> bool:
    return _DISTRESS_RE.search(normalise(text)) is not None


def guess_intent(text: str) -> str | None:
    """A best guess from keywords, used only when the NLU cannot be reached."""
    plain = normalise(text)
    if looks_like_distress(plain):
        return "distress"
    for intent, words in _KEYWORDS:
        if any(word in plain for word in words):
            return intent
    return None
