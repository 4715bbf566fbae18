"""Language detection on real sentences: what the shell puts on `TextSaid.language`."""

from __future__ import annotations

import pytest

from nlu.language import LATIN_LANGUAGES, LanguageDetector

DETECTOR = LanguageDetector(("it", "en", "ro", "ar", "fr", "es"))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("buongiorno, vorrei prendere un appuntamento", "it"),
        ("ho 45 anni e non lavoro, posso partecipare?", "it"),
        ("hello, I am looking for a job in Crema", "en"),
        ("my Italian is not very good", "en"),
        ("bună ziua, caut un loc de muncă", "ro"),
        ("buna ziua, vreau sa fac un curs de calculator", "ro"),
        ("nu vorbesc bine italiana", "ro"),
        ("bonjour, je cherche un travail", "fr"),
        ("je voudrais un rendez-vous mardi", "fr"),
        ("hola, busco trabajo en Crema", "es"),
        ("quiero apuntarme a un curso", "es"),
        ("مرحبا، أريد موعدا", "ar"),
        ("أبحث عن عمل", "ar"),
        ("السلام عليكم Crema", "ar"),
    ],
)
def test_clear_texts_get_their_language(text: str, language: str) -> None:
    found = DETECTOR.detect(text)
    assert found is not None and found.language == language
    assert 0.8 <= found.confidence <= 1.0


@pytest.mark.parametrize(
    "text",
    ["ok", "sì", "grazie", "buna ziua", "Offanengo", "12", "👍👍", "ok thanks", "va bene"],
)
def test_short_texts_say_nothing(text: str) -> None:
    assert DETECTOR.detect(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "buongiorno, vreau un curs",  # an Italian greeting, then Romanian
        "permesso di soggiorno, imi expira luna viitoare",
        "ciao, I need help with the corso di italiano",
    ],
)
def test_mixed_texts_never_name_a_language_that_is_not_in_them(text: str) -> None:
    found = DETECTOR.detect(text)
    assert found is None or found.language in {"it", "ro", "en"}


def test_mixed_text_mostly_romanian_is_romanian() -> None:
    found = DETECTOR.detect("buongiorno, vreau sa ma inscriu la un curs de limba italiana")
    assert found is not None and found.language == "ro"


def test_only_the_languages_the_bot_speaks_are_answered() -> None:
    found = LanguageDetector(("it", "en")).detect("bună ziua, caut un loc de muncă")
    assert found is None or found.language in {"it", "en"}
    assert LanguageDetector(("it", "en")).detect("مرحبا، أريد موعدا") is None


def test_probabilities_cover_the_latin_languages_and_sum_to_one() -> None:
    ranked = DETECTOR.probabilities("je cherche un travail à Crema")
    assert set(ranked) == set(LATIN_LANGUAGES)
    assert sum(ranked.values()) == pytest.approx(1.0)


def test_the_compact_model_agrees_with_py3langid() -> None:
    """nlu/language_model.tsv.gz is derived from py3langid's model: same answers."""
    langid = pytest.importorskip("py3langid.langid")
    reference = langid.LanguageIdentifier.from_model_file(langid.MODEL_FILE, norm_probs=True)
    reference.set_languages(list(LATIN_LANGUAGES))
    texts = [
        "vorrei iscrivermi al corso di magazziniere",
        "can I bring my documents tomorrow morning?",
        "as vrea sa vorbesc cu cineva",
        "est-ce que je peux venir avec mon fils?",
        "no tengo permiso de residencia todavía",
        "buongiorno, vreau un curs",
    ]
    ours = [max(DETECTOR.probabilities(t).items(), key=lambda kv: kv[1])[0] for t in texts]
    assert ours == [reference.classify(t)[0] for t in texts]
