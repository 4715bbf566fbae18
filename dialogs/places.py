"""Which comune a person lives in, from a bare name or a free-text answer.

Only residents of the 48 comuni of the Ambito di Crema are in the programme, so the answer to
"where do you live?" decides what the bot says next. People type the way they speak: "abito a
rivolta", "sto a crema", "spino dada", "Offanego". Getting it wrong either way is costly: taking
"Cremona" for a typo of "Crema" lets in someone the programme cannot serve, and turning away a
resident over a typo loses them. So the matcher knows every Italian comune, answers with
confidence only when one reading clearly wins, and otherwise asks ("did you mean ...?").

The data files are read by `Gazetteer.from_csv`; `Gazetteer.match` itself is pure.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from dialogs.matching import similarity

__all__ = ["Comune", "Gazetteer", "PlaceKind", "PlaceMatch", "normalise"]

# A fuzzy reading is taken without asking only above this similarity and this far ahead of the
# next comune: a typo rarely lands equally close to two names, a different word often does.
CONFIDENT = 0.85
MARGIN = 0.05
# Below this an Ambito name is not worth offering as "did you mean".
CANDIDATE = 0.75
# A typo of a comune outside the Ambito is only recognised when it is one edit away and this
# similar; anything looser would turn ordinary words into far-away villages.
NEAR_OUTSIDE = 0.88
# The first word(s) of a longer Ambito name ("Rivolta" for Rivolta d'Adda) is how people say it,
# but it is still less than the full name, so a full name of the same length beats it.
ALIAS = 0.95
MAX_CANDIDATES = 3
# Names sharing fewer letter pairs than this with the answer are skipped before scoring. On
# random one- and two-letter typos of every Ambito name this never dropped a confident match,
# only a few borderline candidates.
BIGRAM_FLOOR = 0.3
# Longer phrases than any Ambito name plus one split word cannot be a typo of one.
MAX_FUZZY_WORDS = 4
# Shorter strings match too many names by accident to be worth a fuzzy guess.
MIN_FUZZY_CHARS = 4
# A pasted paragraph must not cost more than an answer; nobody names their comune on word 41.
MAX_WORDS = 40

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_PAREN_PROVINCE = re.compile(r"\(\s*([A-Za-z]{2})\s*\)")

# Words that surround a place name in an answer but are never the place itself. A span of
# words may contain them in the middle ("casaletto di sopra") but may not start or end with one.
# Some are also names of real comuni (Nove, Ora, Mese, Lei, Male, Rosa, Ponte): in a sentence
# they are far more often the word than the village, which is still recognised when it is the
# whole answer.
_FILLERS = frozenset(
    """
    a ad al all alla alle allo agli ai c con d da dal dall dalla dalle dallo dagli dai de dei
    del dell della delle dello degli di e ed fra i il in l la le lo gli nel nell nella nelle
    nello negli nei per su sul sull sulla sulle sullo sui tra un una uno o od ma che se
    abito abita abitiamo abitano abitate abiti abitavo abitavamo abitare abitazione
    vivo vive viviamo vivono vivete vivi vivevo vivere
    sto sta stiamo stanno state stai stavo stare
    sono siamo siete ero era eravamo essere
    risiedo risiede risiediamo risiedono residente residenti residenza resido
    domiciliato domiciliata domiciliati domicilio
    nato nata nati nate cresciuto cresciuta trasferito trasferita trasferiti
    abbiamo ho hai ha hanno avere
    io tu lui lei noi voi loro mi ti ci vi si me te ne
    mio mia miei mie nostro nostra nostri nostre suo sua
    comune paese paesino citta cittadina frazione provincia prov localita zona area
    vicino vicina vicini presso pressi dintorni centro periferia fuori dentro
    qui qua li ora adesso oggi attualmente sempre ancora gia poco tanto molto
    circa quasi piu meno anni anno mesi mese settimane settimana giorni giorno tempo
    uno due tre quattro cinque sei sette otto nove dieci undici dodici venti trenta
    casa famiglia mamma papa genitori marito moglie figli
    no ok okay boh mah beh bah ehm eh ah oh ciao buongiorno buonasera salve grazie prego
    non so sa sapere credo penso forse comunque allora quindi perche cioe
    lavoro lavora lavoriamo male bene vita
    alto bella calcio cave cento fonte lago meta mira noto pero ponte rosa sale stella toro
    """.split()  # noqa: SIM905 - a line per kind of word reads better than 200 quoted strings
)
# Street words: what follows them up to the next filler or number is a street, and streets are
# very often named after cities ("via Milano") that the person does not live in.
_STREET_WORDS = frozenset({"via", "viale", "piazza", "piazzale", "corso", "vicolo", "largo"})
# A prefix of a name ending in one of these is not a way anybody shortens it ("spino d").
_CONNECTORS = frozenset(
    {"d", "di", "da", "de", "del", "della", "dei", "degli", "sul", "sulla", "in", "al", "con", "e"}
)
# Last words shared by many names, so they say nothing about which comune is meant.
_GENERIC_TAILS = frozenset({"cremasco", "cremasca", "adda", "sopra", "naviglio"})


def normalise(name: str) -> str:
    """Fold a name or an answer to plain lowercase ASCII words separated by single spaces.

    Accents, apostrophes, hyphens, dots and other punctuation all go, because people type
    "Spino d'Adda", "spino d adda" and "SPINO D’ADDA" for the same place.
    """
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_NON_ALNUM.sub(" ", stripped).split())


def _compact(words: Iterable[str]) -> str:
    # Spaces are where typos cluster ("spinodadda", "rivolta dadda"), so names are compared
    # without them.
    return "".join(words)


class PlaceKind(StrEnum):
    IN_AMBITO = "in_ambito"
    OUTSIDE = "outside"
    UNSURE = "unsure"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Comune:
    name: str
    province: str
    region: str = ""
    istat_code: str = ""
    cadastral_code: str = ""
    in_ambito: bool = False


@dataclass(frozen=True, slots=True)
class PlaceMatch:
    """What an answer says about where the person lives.

    - IN_AMBITO / OUTSIDE: `comune` is the official comune; for OUTSIDE, `homonyms` are the
      other comuni with the same name in other provinces (Castro BG / Castro LE).
    - UNSURE: `candidates` are up to three Ambito comuni, best first, to offer as buttons.
    - UNKNOWN: nothing in the answer looks like a comune.
    `matched` is the normalised part of the answer that was read as the place.
    """

    kind: PlaceKind
    comune: Comune | None = None
    candidates: tuple[Comune, ...] = ()
    homonyms: tuple[Comune, ...] = ()
    matched: str = ""
    score: float = 0.0

    @property
    def name(self) -> str | None:
        return self.comune.name if self.comune else None

    @property
    def province(self) -> str | None:
        return self.comune.province if self.comune else None


_UNKNOWN = PlaceMatch(PlaceKind.UNKNOWN)


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int  # exclusive
    words: tuple[str, ...]

    @property
    def key(self) -> str:
        return _compact(self.words)

    def overlaps(self, other: _Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class _Hit:
    span: _Span
    comuni: tuple[Comune, ...]
    score: float
    confident: bool
    exact: bool
    ambito: bool


class Gazetteer:
    """The Ambito comuni and every Italian comune, indexed once for fast matching.

    Build it once at start-up (under 0.2 s here) and share it; it is never changed
    after construction, so sharing across conversations is safe.
    """

    __slots__ = (
        "_ambito_exact",
        "_ambito_keys",
        "_ambito_prefix",
        "_by_length",
        "_italy_exact",
        "_max_words",
        "_provinces",
        "ambito",
        "italy",
    )

    def __init__(
        self,
        ambito: Iterable[Comune],
        italy: Iterable[Comune],
        other_names: Iterable[tuple[str, Comune]] = (),
    ) -> None:
        """`other_names` are further names of comuni outside the Ambito (Bozen for Bolzano),
        recognised only when spelt exactly."""
        self.ambito: tuple[Comune, ...] = tuple(ambito)
        ambito_codes = {c.istat_code for c in self.ambito if c.istat_code}
        ambito_names = {_compact(normalise(c.name).split()) for c in self.ambito}
        # The Ambito comuni are in the national list too; they are matched as Ambito only.
        self.italy: tuple[Comune, ...] = tuple(
            c
            for c in italy
            if not (c.istat_code and c.istat_code in ambito_codes)
            and not (not c.istat_code and _compact(normalise(c.name).split()) in ambito_names)
        )
        self._provinces = frozenset(c.province.casefold() for c in self.italy if c.province)

        self._ambito_exact: dict[str, Comune] = {}
        prefixes: dict[str, list[Comune]] = {}
        # (compact key, comune, is_suffix): suffix keys ("vidolasco") only ever lead to a
        # question, since a tail word is as often another place's name as a short form.
        keys: list[tuple[str, Comune, bool]] = []
        for comune in self.ambito:
            words = normalise(comune.name).split()
            full = _compact(words)
            self._ambito_exact[full] = comune
            keys.append((full, comune, False))
            for k in range(1, len(words)):
                if words[k - 1] not in _CONNECTORS:
                    prefixes.setdefault(_compact(words[:k]), []).append(comune)
            tail = words[-1]
            if len(words) > 1 and tail not in _GENERIC_TAILS and len(tail) >= 5:
                keys.append((tail, comune, True))
        self._ambito_prefix = {k: tuple(v) for k, v in prefixes.items()}
        keys.extend((k, c, False) for k, cs in self._ambito_prefix.items() for c in cs)
        self._ambito_keys: tuple[tuple[str, frozenset[str], Comune, bool], ...] = tuple(
            (key, _bigrams(key), comune, is_suffix) for key, comune, is_suffix in keys
        )

        exact: dict[str, list[Comune]] = {}
        max_words = 1
        for comune in self.italy:
            words = normalise(comune.name).split()
            max_words = max(max_words, len(words))
            exact.setdefault(_compact(words), []).append(comune)
        # Names by length: a typo of one letter changes the length by at most one, so a
        # typo search looks at a fifth of the names, not all 7,900. (An index of every
        # one-letter deletion would be faster still, but it costs about 30 MB.)
        by_length: dict[int, list[str]] = {}
        for key in exact:
            by_length.setdefault(len(key), []).append(key)
        self._by_length = {n: tuple(sorted(keys)) for n, keys in by_length.items()}
        for name, comune in other_names:
            words = normalise(name).split()
            key = _compact(words)
            if key and key not in exact and key not in self._ambito_exact:
                max_words = max(max_words, len(words))
                exact[key] = [comune]
        self._italy_exact = {k: tuple(v) for k, v in exact.items()}
        self._max_words = max_words

    @classmethod
    def from_csv(cls, ambito_path: str | Path, italy_path: str | Path) -> Gazetteer:
        """Load config/comuni_ambito.csv and config/comuni_italia.csv."""
        return cls.from_text(
            Path(ambito_path).read_text(encoding="utf-8"),
            Path(italy_path).read_text(encoding="utf-8"),
        )

    @classmethod
    def from_text(cls, ambito_csv: str, italy_csv: str) -> Gazetteer:
        """Same as `from_csv`, from the files' contents (handy for tests and packaged data)."""
        italy: list[Comune] = []
        other_names: list[tuple[str, Comune]] = []
        for row in csv.DictReader(io.StringIO(italy_csv)):
            comune = Comune(
                name=row["nome"],
                province=row["sigla_provincia"],
                region=row.get("regione") or "",
                istat_code=row.get("codice_istat") or "",
                cadastral_code=row.get("codice_catastale") or "",
            )
            italy.append(comune)
            if row.get("nome_altra_lingua"):
                other_names.append((row["nome_altra_lingua"], comune))
        by_code = {c.istat_code: c for c in italy if c.istat_code}
        ambito = []
        for row in csv.DictReader(io.StringIO(ambito_csv)):
            national = by_code.get(row["codice_istat"])
            ambito.append(
                Comune(
                    name=row["nome"],
                    province=national.province if national else "",
                    region=national.region if national else "",
                    istat_code=row["codice_istat"],
                    cadastral_code=row.get("codice_catastale") or "",
                    in_ambito=True,
                )
            )
        return cls(ambito, italy, other_names)

    # -- matching -------------------------------------------------------------------------------

    def match(self, text: str) -> PlaceMatch:
        """Read the comune out of an answer; see `PlaceMatch` for what comes back."""
        hint, words = self._prepare(text)
        if not words:
            return _UNKNOWN
        # The whole answer being a name is the common case and the surest: decide it before
        # the sentence is picked apart (and before a street word could eat part of a name).
        if len(words) <= self._max_words:
            whole = _Span(0, len(words), tuple(words))
            hits = self._exact_hits(whole)
            if hits:
                return self._decide(hits, hint)
        words = _drop_streets(words)
        content = [i for i, w in enumerate(words) if w not in _FILLERS and not w.isdigit()]
        hits = []
        for span in self._spans(words):
            # A typo of a far-away comune is only believed when it is all the answer says:
            # inside a sentence, "chiamo" one letter off Chiampo is just a word.
            alone = bool(content) and span.start <= content[0] and span.end > content[-1]
            hits.extend(self._hits(span, outside_typos=alone))
        return self._decide(hits, hint)

    def _prepare(self, text: str) -> tuple[str | None, list[str]]:
        """Normalise and take out province qualifiers, remembering the province as a hint."""
        hint: str | None = None
        found = _PAREN_PROVINCE.search(text)
        if found and found.group(1).casefold() in self._provinces:
            hint = found.group(1).upper()
            text = text[: found.start()] + " " + text[found.end() :]
        words = normalise(text).split()[:MAX_WORDS]

        # "provincia di Cremona", "prov. CR": the province, not the comune.
        for i, word in enumerate(words):
            if word in {"provincia", "prov"}:
                j = i + 1
                while j < len(words) and words[j] in {"di", "del", "della", "d"}:
                    j += 1
                if j < len(words):
                    hint = hint or self._province_of(words[j])
                    words = words[:i] + words[j + 1 :]
                break
        # "Crema CR": a trailing car plate after a name. After a filler it is more likely the
        # place itself ("abito a Re").
        if (
            len(words) >= 2
            and words[-1] in self._provinces
            and words[-2] not in _FILLERS
            and words[-1] not in _FILLERS
        ):
            hint = hint or words[-1].upper()
            words = words[:-1]
        return hint, words

    def _province_of(self, word: str) -> str | None:
        if word in self._provinces:
            return word.upper()
        comuni = self._italy_exact.get(word, ())
        if len(comuni) == 1:
            return comuni[0].province
        ambito = self._ambito_exact.get(word)
        return ambito.province if ambito else None

    def _spans(self, words: Sequence[str]) -> list[_Span]:
        spans = []
        for start in range(len(words)):
            if words[start] in _FILLERS or words[start].isdigit():
                continue
            for end in range(start + 1, min(len(words), start + self._max_words) + 1):
                last = words[end - 1]
                if last.isdigit():
                    break
                if last not in _FILLERS:
                    spans.append(_Span(start, end, tuple(words[start:end])))
        return spans

    def _exact_hits(self, span: _Span) -> list[_Hit]:
        key = span.key
        comune = self._ambito_exact.get(key)
        if comune:
            return [_Hit(span, (comune,), 1.0, confident=True, exact=True, ambito=True)]
        outside = self._italy_exact.get(key, ())
        prefix = self._ambito_prefix.get(key, ())
        if outside and prefix:
            # "Vaiano" is a comune near Prato, but someone asked by a Crema service most likely
            # means Vaiano Cremasco: ask rather than turn them away or take them in.
            return [_Hit(span, prefix, ALIAS, confident=False, exact=False, ambito=True)]
        if outside:
            return [_Hit(span, outside, 1.0, confident=True, exact=True, ambito=False)]
        if prefix:
            return [_Hit(span, prefix, ALIAS, confident=len(prefix) == 1, exact=False, ambito=True)]
        return []

    def _hits(self, span: _Span, *, outside_typos: bool) -> list[_Hit]:
        exact = self._exact_hits(span)
        if exact:
            return exact
        key = span.key
        if len(key) < MIN_FUZZY_CHARS:
            return []
        hits = self._near_outside(span) if outside_typos else []
        if len(span.words) <= MAX_FUZZY_WORDS:
            hits.extend(self._fuzzy_ambito(span))
        return hits

    def _fuzzy_ambito(self, span: _Span) -> list[_Hit]:
        key = span.key
        pairs = _bigrams(key)
        best: dict[str, tuple[float, bool, Comune]] = {}
        for candidate, candidate_pairs, comune, is_suffix in self._ambito_keys:
            total = len(candidate) + len(key)
            if 2 * min(len(candidate), len(key)) / total < CANDIDATE:
                continue
            # Set intersection throws out most names before the edit distance, which is
            # what keeps a long pasted paragraph within a few milliseconds.
            shared = len(pairs & candidate_pairs)
            if 2 * shared / (len(pairs) + len(candidate_pairs)) < BIGRAM_FLOOR:
                continue
            score = similarity(candidate, key, CANDIDATE)
            previous = best.get(comune.name)
            if score >= CANDIDATE and (previous is None or score > previous[0]):
                best[comune.name] = (score, is_suffix, comune)
        ranked = sorted(best.values(), key=lambda item: (-item[0], item[2].name))
        hits = []
        for rank, (score, is_suffix, comune) in enumerate(ranked[:MAX_CANDIDATES]):
            runner_up = ranked[1][0] if len(ranked) > 1 else 0.0
            confident = (
                rank == 0 and not is_suffix and score >= CONFIDENT and score - runner_up >= MARGIN
            )
            hits.append(_Hit(span, (comune,), score, confident, exact=False, ambito=True))
        return hits

    def _near_outside(self, span: _Span) -> list[_Hit]:
        key = span.key
        variants = _deletions(key)
        # Within one edit exactly when the two deletion sets meet.
        names = {
            name
            for length in (len(key) - 1, len(key), len(key) + 1)
            for name in self._by_length.get(length, ())
            if not variants.isdisjoint(_deletions(name))
        }
        scored = sorted(
            ((similarity(name, key), name) for name in names),
            reverse=True,
        )
        if not scored or scored[0][0] < NEAR_OUTSIDE:
            return []
        score, name = scored[0]
        # Two names one edit away and equally close: a guess either way, so no answer.
        clear = len(scored) == 1 or score - scored[1][0] >= MARGIN
        if not clear:
            return []
        return [_Hit(span, self._italy_exact[name], score, True, exact=False, ambito=False)]

    def _decide(self, hits: Sequence[_Hit], hint: str | None) -> PlaceMatch:
        confident = [h for h in hits if h.confident]
        if confident:
            # The reading that explains the most of the answer wins: "castel gabiano" is a typo
            # of Castel Gabbiano, not a mention of Gabiano (AL) with a stray word before it.
            best = max(
                confident,
                key=lambda h: (len(h.span.key), h.score, h.ambito, -h.span.start),
            )
            rivals = [
                h
                for h in hits
                if h.span == best.span
                and h.comuni != best.comuni
                and not best.exact
                and h.score >= max(best.score - MARGIN, CONFIDENT)
            ]
            elsewhere = [
                h
                for h in confident
                if not h.span.overlaps(best.span) and h.comuni[0] != best.comuni[0]
            ]
            if rivals or elsewhere:
                # Two places in one answer ("sono di Crema ma lavoro a Milano"), or a typo that
                # sits between an Ambito name and another: ask about the Ambito ones.
                asked = _candidates([best, *rivals, *elsewhere])
                if asked:
                    return PlaceMatch(
                        PlaceKind.UNSURE,
                        candidates=asked,
                        matched=" ".join(best.span.words),
                        score=best.score,
                    )
            if best.ambito:
                return PlaceMatch(
                    PlaceKind.IN_AMBITO,
                    comune=best.comuni[0],
                    matched=" ".join(best.span.words),
                    score=best.score,
                )
            chosen, *others = _prefer(best.comuni, hint)
            return PlaceMatch(
                PlaceKind.OUTSIDE,
                comune=chosen,
                homonyms=tuple(others),
                matched=" ".join(best.span.words),
                score=best.score,
            )
        asked = _candidates(hits)
        if asked:
            top = max((h for h in hits if h.ambito), key=lambda h: h.score)
            return PlaceMatch(
                PlaceKind.UNSURE,
                candidates=asked,
                matched=" ".join(top.span.words),
                score=top.score,
            )
        return _UNKNOWN


def _bigrams(key: str) -> frozenset[str]:
    return frozenset(key[i : i + 2] for i in range(len(key) - 1))


def _deletions(key: str) -> set[str]:
    return {key} | {key[:i] + key[i + 1 :] for i in range(len(key))}


def _drop_streets(words: Sequence[str]) -> list[str]:
    kept: list[str] = []
    skipping = False
    for word in words:
        if word in _STREET_WORDS:
            skipping = True
            continue
        if skipping and not (word in _FILLERS or word.isdigit()):
            continue
        skipping = False
        kept.append(word)
    return kept


def _candidates(hits: Iterable[_Hit]) -> tuple[Comune, ...]:
    """The Ambito comuni among the hits, best score first, at most three."""
    scores: dict[str, tuple[float, Comune]] = {}
    for hit in hits:
        if not hit.ambito:
            continue
        for comune in hit.comuni:
            if comune.name not in scores or hit.score > scores[comune.name][0]:
                scores[comune.name] = (hit.score, comune)
    ranked = sorted(scores.values(), key=lambda item: (-item[0], item[1].name))
    return tuple(comune for _, comune in ranked[:MAX_CANDIDATES])


def _prefer(comuni: Sequence[Comune], hint: str | None) -> list[Comune]:
    """Order homonyms: the province the person named, then Lombardy (the likeliest near
    Crema), then by province."""
    return sorted(
        comuni,
        key=lambda c: (c.province != hint, c.region != "Lombardia", c.province, c.name),
    )
