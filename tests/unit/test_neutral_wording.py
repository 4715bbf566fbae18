"""No text a beneficiary reads assumes their gender, nor gives the assistant one.

The people writing to the bot are women, men and people who prefer not to say, and the bot
never knows which. Italian, Romanian, French, Spanish and Arabic mark gender on adjectives and
participles ("Non sei solo", "sei nato", "Sei cittadino italiano?"), so a text written with one
reader in mind silently excludes the others: a woman in danger read "Non sei solo". The same
goes for the assistant speaking of itself ("Non sono sicuro", "Désolé").

Each rule below is a regular expression for one gendered construction found in the catalogue
(or its close family), with the reason and one bad and one good sentence, so that
`test_each_rule_catches_its_example` shows every rule can fail. `test_catalogue_is_neutral`
runs all rules on every message of locales/<lang>/*.ftl except the operators' texts
(zz_operators.ftl and op-* keys), every variant of every select included.

What the rules do not cover: Arabic second-person verbs and imperatives (تريد, اختر) are
masculine by default and remain in many texts; the rules target adjectives and nouns that
describe the person or the assistant, which can always be rephrased.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from fluent.syntax import FluentParser, ast
from fluent.syntax.visitor import Visitor

LOCALES = Path(__file__).resolve().parents[2] / "locales"
OPERATORS_FILE = "zz_operators.ftl"
OPERATOR_KEY_PREFIX = "op-"


@dataclass(frozen=True)
class Rule:
    language: str
    pattern: str
    why: str
    bad: str
    good: str

    @property
    def regex(self) -> re.Pattern[str]:
        return re.compile(self.pattern, re.IGNORECASE)


RULES: tuple[Rule, ...] = (
    # --- Italian -------------------------------------------------------------------------
    Rule(
        "it",
        r"\b(?:sei|eri|sarai|sia)\s+(?:già\s+|ancora\s+|davvero\s+|stat[oa]\s+)?"
        r"(?:sol|nat|pront|sicur|cittadin|seguit|ritirat|iscritt|arrivat|venut|tornat|"
        r"rimast|benvenut|bentornat|occupat|disoccupat|stanc|content|sposat|interessat|"
        r"obbligat|costrett|stat)[oa]\b",
        "an adjective or participle after 'sei' agrees with the reader's gender",
        "Non sei solo. Sei cittadino italiano? L'anno in cui sei nato.",
        "Siamo qui con te. Hai la cittadinanza italiana? L'anno di nascita.",
    ),
    Rule(
        "it",
        r"\bti sei\s+(?:già\s+)?\w+[oa]\b",
        "a reflexive past ('ti sei ritirato') agrees with the reader",
        "Ti sei ritirato dal corso.",
        "Hai lasciato il corso.",
    ),
    Rule(
        "it",
        r"\bchi è\s+(?:stat[oa]\s+)?\w+(?:at|it|ut|ss|tt|st)[oa]\b",
        "'chi è seguito' uses the masculine for everyone",
        "Il progetto è per chi è seguito da un servizio.",
        "Il progetto è per persone seguite da un servizio.",
    ),
    Rule(
        "it",
        r"\b(?:bentornat|benvenut)[oa]\b",
        "a greeting that guesses the reader's gender",
        "Bentornato! Cosa vuoi fare?",
        "Ciao di nuovo! Cosa vuoi fare?",
    ),
    Rule(
        "it",
        r"\bci siamo vist[ie]\b",
        "'ci siamo visti' agrees with the reader too",
        "Oggi non ci siamo visti al colloquio.",
        "Oggi ti aspettavamo al colloquio.",
    ),
    Rule(
        "it",
        r"\bpres[oa] in carico\b",
        "the export label 'Preso in carico' describes the person with a participle",
        "Preso in carico dal",
        "In carico al progetto dal",
    ),
    Rule(
        "it",
        r"\bsono\s+(?:un po'\s+|molto\s+|troppo\s+)?"
        r"(?:sicur|lent|content|pront|dispiaciut|stanc|occupat|confus)[oa]\b",
        "the assistant gives itself a gender",
        "Non sono sicuro di aver capito. Sono un po' lento.",
        "Non ho capito bene. Ci metto un po' a rispondere.",
    ),
    # --- Romanian ------------------------------------------------------------------------
    Rule(
        "ro",
        r"\b(?:ești|erai|vei fi|fii)\s+(?:deja\s+|încă\s+)?"
        r"(?:singur|sigur|născut|pregătit|cetățean|obosit|mulțumit|ajutat|înscris|retras|"
        r"binevenit)\w*",
        "an adjective or noun after 'ești' is masculine or feminine",
        "Nu ești singur. Ești cetățean italian?",
        "Suntem aici cu tine. Ai cetățenie italiană?",
    ),
    Rule(
        "ro",
        r"\b(?:este|fi)\s+(?:ajutat|urmărit|contactat|preluat|înscris|născut)\b",
        "a masculine participle describing the person ('cine este ajutat')",
        "Proiectul este pentru cine este ajutat de un serviciu. Nu poate fi contactat.",
        "Proiectul este pentru persoanele ajutate de un serviciu.",
    ),
    Rule(
        "ro",
        r"\bpreluat de proiect\b",
        "the export label describes the person with a masculine participle",
        "Preluat de proiect din",
        "În proiect din",
    ),
    Rule(
        "ro",
        r"\bsunt\s+(?:prea\s+|puțin\s+)?(?:sigur|lent|bucuros|bucuroasă|mulțumit)\w*",
        "the assistant gives itself a gender",
        "Nu sunt sigur că am înțeles.",
        "Nu am înțeles bine.",
    ),
    # --- French --------------------------------------------------------------------------
    Rule(
        "fr",
        r"\b(?:tu es|tu n'es pas|es-tu|tu étais|tu seras|t'es)\s+(?:déjà\s+|bien\s+|vraiment\s+)?"
        r"(?:seule?|née?|prête?|sûre?|citoyen(?:ne)?|inscrite?|suivie?|retirée?|venue?|"
        r"arrivée?|bienvenue?|fatiguée?|contente?|mariée?)\b",
        "an adjective or participle after 'tu es' agrees with the reader",
        "Tu n'es pas seul. Es-tu citoyen italien ? L'année où tu es né.",
        "Nous sommes là avec toi. As-tu la nationalité italienne ? Tu es sur la liste.",
    ),
    Rule(
        "fr",
        r"\bt'(?:avons|ai|a) (?:pas )?vue?\b|\bne t'(?:avons|ai) pas vue?\b",
        "the participle after 't'' agrees with the reader",
        "Aujourd'hui, nous ne t'avons pas vu au rendez-vous.",
        "Aujourd'hui, nous t'attendions au rendez-vous.",
    ),
    Rule(
        "fr",
        r"\bpris en charge\b",
        "the export label describes the person with a masculine participle",
        "Pris en charge depuis le",
        "Dans le projet depuis le",
    ),
    Rule(
        "fr",
        r"\b(?:je suis|je ne suis pas|nous sommes)\s+(?:un peu\s+|vraiment\s+|très\s+|trop\s+)?"
        r"(?:sûre?|désolée?s?|lente?|contente?s?|prête?s?|certaine?)\b|(?:^|[.!?]\s+)désolée?\b",
        "the assistant (or the office) gives itself a gender; 'Pardon' is neutral",
        "Désolé, je ne suis pas sûr. Je suis un peu lent. Nous sommes désolés.",
        "Pardon, je n'ai pas bien compris. Je mets du temps à répondre.",
    ),
    # --- Spanish -------------------------------------------------------------------------
    Rule(
        "es",
        r"\b(?:estás|eres|estabas|estarás|seas|estés)\s+(?:ya\s+|muy\s+|tan\s+)?"
        r"(?:sol|segur|list|preparad|ciudadan|nacid|inscrit|apuntad|cansad|content|"
        r"bienvenid|casad|interesad|atendid|obligad)[oa]\b",
        "an adjective after 'estás' / 'eres' agrees with the reader",
        "No estás solo. ¿Eres ciudadano italiano? Estás listo para trabajar.",
        "Estamos aquí contigo. ¿Tienes la nacionalidad italiana? Estás en la lista.",
    ),
    Rule(
        "es",
        r"\bbienvenid[oa]s?\b|\b(?:atendid|inscrit|apuntad|registrad)[oa] (?:por|en|desde)\b",
        "a greeting or label that guesses the reader's gender",
        "¡Bienvenido! Atendido por el proyecto desde",
        "¡Hola de nuevo! En el proyecto desde",
    ),
    Rule(
        "es",
        r"\b(?:estoy|soy|voy)\s+(?:un poco\s+|muy\s+)?"
        r"(?:segur|lent|content|list|ocupad)[oa]\b",
        "the assistant gives itself a gender",
        "No estoy seguro. Ahora voy un poco lento.",
        "No lo he entendido bien. Ahora tardo un poco en responder.",
    ),
    # --- Arabic (adjectives and nouns only: see the module docstring) --------------------
    Rule(
        "ar",
        r"(?:^|\s)(?:أنا\s+)?آسفة?(?=[\s،.!]|$)",
        "the assistant says 'sorry' as a man (آسف) or a woman (آسفة); عذرًا is neutral",
        "آسف، هذا الوقت لم يعد متاحًا.",
        "عذرًا، هذا الوقت لم يعد متاحًا. نأسف.",
    ),
    Rule(
        "ar",
        r"(?:أنت|أنا|لست|أنك|بأنك|كنت|تكن|تكون)\s+(?:غير\s+)?"
        r"(?:مسج[ّ]?ل|مستعد|متأكد|مواطن|وحيد|موافق|جاهز|بطيء|بطيئ|مشغول)",
        "an adjective or noun describing the reader or the assistant is gendered",
        "هل أنت مواطن إيطالي؟ أنت مسجّل. إذا لم تكن متأكدًا. أنا بطيء قليلًا.",
        "هل عندك الجنسية الإيطالية؟ التسجيل مؤكَّد. عند الشك.",
    ),
    Rule(
        "ar",
        r"\bيتابعه\b|\bإليه منذ\b",
        "the export labels speak of the person as 'him'",
        "يتابعه المشروع منذ",
        "في المشروع منذ",
    ),
    # --- English has no grammatical gender; pronouns and forms of address are the risk ----
    Rule(
        "en",
        r"\b(?:he|she|him|his|hers|himself|herself|he/she|s/he|sir|madam|guys|ladies|"
        r"gentlemen)\b",
        "English texts address the reader as 'you' and speak of others as 'a person'",
        "Tell him what he needs, sir.",
        "A person from the office will write to you.",
    ),
)

LANGUAGES = ("it", "en", "ro", "ar", "fr", "es")


class _Texts(Visitor):
    """Collects the literal text of a pattern, every select variant included."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def visit_TextElement(self, node: ast.TextElement) -> None:
        self.parts.append(node.value)

    def visit_Placeable(self, node: ast.Placeable) -> None:
        self.parts.append(" ")
        self.generic_visit(node)
        self.parts.append(" ")


def beneficiary_texts(language: str) -> dict[str, str]:
    """Every message a beneficiary may read in `language`, key -> its text (variants joined)."""
    texts: dict[str, str] = {}
    for path in sorted((LOCALES / language).glob("*.ftl")):
        if path.name == OPERATORS_FILE:
            continue
        for entry in FluentParser().parse(path.read_text(encoding="utf-8")).body:
            if not isinstance(entry, ast.Message) or entry.id.name.startswith(OPERATOR_KEY_PREFIX):
                continue
            collector = _Texts()
            if entry.value is not None:
                collector.visit(entry.value)
            for attribute in entry.attributes:
                collector.visit(attribute.value)
            texts[f"{path.name}:{entry.id.name}"] = "".join(collector.parts)
    return texts


def gendered(texts: dict[str, str], rules: tuple[Rule, ...]) -> list[str]:
    problems = []
    for key, text in texts.items():
        # Line by line, so that a match cannot join the end of one line to the next.
        for line in text.splitlines():
            for rule in rules:
                found = rule.regex.search(line.strip())
                if found:
                    problems.append(f"{key}: {found.group(0).strip()!r} ({rule.why})")
    return problems


@pytest.mark.parametrize("rule", RULES, ids=lambda r: f"{r.language}:{r.bad[:30]}")
def test_each_rule_catches_its_example(rule: Rule) -> None:
    assert rule.language in LANGUAGES
    assert gendered({"bad": rule.bad}, (rule,)), f"{rule.pattern} misses {rule.bad!r}"
    assert not gendered({"good": rule.good}, (rule,)), f"{rule.pattern} flags {rule.good!r}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_is_neutral(language: str) -> None:
    texts = beneficiary_texts(language)
    assert texts, f"no messages read for {language}"
    rules = tuple(rule for rule in RULES if rule.language == language)
    assert rules, f"no rules for {language}"
    assert gendered(texts, rules) == []


def test_operators_texts_are_left_out() -> None:
    """The operators' own texts are Italian for staff, not for beneficiaries."""
    keys = beneficiary_texts("it")
    assert not any(key.startswith(OPERATORS_FILE) for key in keys)
    assert not any(key.split(":")[1].startswith(OPERATOR_KEY_PREFIX) for key in keys)
