"""The one fuzzy matcher behind comuni, time words, course titles and button labels."""

from __future__ import annotations

from dialogs.matching import closest, is_typo_of, ranked, similarity


def test_one_edit_in_ten_letters_is_exactly_the_typo_cutoff_and_passes() -> None:
    # rapidfuzz's own cutoff rounds this 0.8 down to nothing; ours must not.
    assert similarity("موافق", "اوافق", 0.8) == 0.8
    assert is_typo_of("magazinere", "magazziniere")
    assert is_typo_of("acceto", "accetto")


def test_different_words_are_not_typos() -> None:
    assert not is_typo_of("corso", "casa")
    assert similarity("cremona", "crema", 0.9) == 0.0


def test_ranked_best_first_and_closest_refuses_a_tie() -> None:
    best, _ = ranked("martedi", ["mercoledi", "martedi", "marte"], 0.7)[0]
    assert best == "martedi"
    assert closest("lunedi", {"lunedi": 0}) == 0
    assert closest("xx", {"lunedi": 0}) is None
    # Equally close to two different values: we cannot tell which was meant.
    assert closest("abcd", {"abce": 1, "abcf": 2}, 0.7) is None
