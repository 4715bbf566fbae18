"""The message catalogue in every language, and the readability of the Italian texts.

Italian (locales/it/) is the reference. Every other language must have the same files, the
same keys, the same placeholders and select variants and the same emoji; every message must
render, fit Telegram, keep the numbers (the emergency numbers above all) and actually be
translated. The Italian texts people read must score 60 or more on the Gulpease readability
index (`pytest -s` prints the average).

Each check is a small function returning a list of problems (empty: all good), so the same
function runs on the real catalogue and, in `test_checks_catch`, on deliberately broken
in-memory catalogues: every check is shown to fail when it should.
"""

from __future__ import annotations

import csv
import itertools
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from statistics import mean

import pytest
from fluent.runtime import FluentBundle, FluentResource
from fluent.syntax import FluentParser, FluentSerializer, ast
from fluent.syntax.visitor import Transformer, Visitor

from app.catalogue import PRIMARY, RIGHT_TO_LEFT, Catalogue
from tests.unit.readability import emoji_in, gulpease, plain, words_of

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ROOT / "locales"
# The languages the bot must speak besides Italian; any other folder in locales/ is checked too.
REQUIRED = ("en", "ro", "ar", "fr", "es")
TRANSLATIONS = tuple(
    sorted(set(REQUIRED) | {p.name for p in LOCALES.iterdir() if p.is_dir()} - {PRIMARY})
)

BUTTON_PREFIXES = ("btn-", "ans-", "edit-", "intent-", "lang-name-")
BUTTON_LIMIT = 40
COMMAND_PREFIX = "cmd-"
COMMAND_LIMIT = 256  # Telegram's limit for a BotCommand description
MESSAGE_LIMIT = 4096  # Telegram's limit for a text message
UNTRANSLATED_LIMIT = 0.30
# Keys that are not sentences beneficiaries read: labels, commands, language names, export
# fields, and the texts for the operators' group (op-*).
NOT_PROSE = ("btn-", "ans-", "edit-", "intent-", "lang-name-", "cmd-", "export-field-", "op-")
GULPEASE_MIN = 60
# Names that stay the same in every language: a message made only of these needs no translation.
PROPER_NOUNS = frozenset(
    {"proximity", "proximity.cr", "crema", "comunità", "sociale", "cremasca", "telegram", "did"}
)
# Scripts a language must be written in (letters of other scripts are allowed beside it).
SCRIPTS = {"ar": "ARABIC"}
# Numbers of two or more digits (ages, days, emergency numbers like "02 2327 2327") stay as
# they are; a single digit may be spelled out in words.
NUMBER = re.compile(r"\d+(?: \d+)*")
UNMATCHED = "no-such-variant"  # a selector value no variant names: the default must answer


# ---------------------------------------------------------------------------------------------
# Parsing: what each message uses, read from the Fluent syntax tree


@dataclass(frozen=True, order=True)
class Select:
    """One select expression: its selector variable, its variant keys and the default key."""

    selector: str
    variants: tuple[str, ...]
    default: str


@dataclass(frozen=True)
class Entry:
    key: str
    file: str
    source: str
    variables: frozenset[str]  # $variables used directly
    references: frozenset[str]  # other messages (and -terms) it includes
    selects: tuple[Select, ...]  # sorted: the order of select expressions does not matter
    functions: frozenset[tuple[str, str]]  # (variable, function) as in DATETIME($when)


@dataclass(frozen=True)
class Parsed:
    entries: Mapping[str, Entry]
    problems: tuple[str, ...]  # syntax errors and duplicate keys

    def keys_in(self, file: str) -> frozenset[str]:
        return frozenset(k for k, e in self.entries.items() if e.file == file)

    @property
    def files(self) -> frozenset[str]:
        return frozenset(e.file for e in self.entries.values())

    def variables(self, key: str) -> frozenset[str]:
        """The variables of a message and of every message it includes."""
        return frozenset().union(*(self.entries[k].variables for k in self._closure(key)))

    def selects(self, key: str) -> tuple[Select, ...]:
        return tuple(sorted(s for k in self._closure(key) for s in self.entries[k].selects))

    def functions(self, key: str) -> dict[str, str]:
        """{variable: the function it is passed to}, e.g. {"when": "DATETIME"}."""
        return dict(sorted(f for k in self._closure(key) for f in self.entries[k].functions))

    def _closure(self, key: str) -> list[str]:
        seen: list[str] = []
        todo = [key]
        while todo:
            k = todo.pop()
            if k in seen or k not in self.entries:
                continue
            seen.append(k)
            todo.extend(self.entries[k].references)
        return seen


class _Uses(Visitor):
    def __init__(self) -> None:
        self.variables: set[str] = set()
        self.references: set[str] = set()
        self.selects: list[Select] = []
        self.functions: set[tuple[str, str]] = set()

    def visit_FunctionReference(self, node: ast.FunctionReference) -> None:
        for arg in node.arguments.positional:
            if isinstance(arg, ast.VariableReference):
                self.functions.add((arg.id.name, node.id.name))
        self.generic_visit(node)

    def visit_VariableReference(self, node: ast.VariableReference) -> None:
        self.variables.add(node.id.name)

    def visit_MessageReference(self, node: ast.MessageReference) -> None:
        self.references.add(node.id.name)

    def visit_TermReference(self, node: ast.TermReference) -> None:
        self.references.add(f"-{node.id.name}")
        self.generic_visit(node)

    def visit_SelectExpression(self, node: ast.SelectExpression) -> None:
        selector = _Uses()
        selector.visit(node.selector)
        keys = [_variant_key(v) for v in node.variants]
        default = next(_variant_key(v) for v in node.variants if v.default)
        self.selects.append(
            Select(",".join(sorted(selector.variables)), tuple(sorted(keys)), default)
        )
        self.generic_visit(node)


def _variant_key(variant: ast.Variant) -> str:
    key = variant.key
    return key.name if isinstance(key, ast.Identifier) else key.value


def parse(files: Mapping[str, str]) -> Parsed:
    """Messages and terms of a language, from {file name: Fluent source}."""
    entries: dict[str, Entry] = {}
    problems: list[str] = []
    for name, text in sorted(files.items()):
        for item in FluentParser().parse(text).body:
            if isinstance(item, ast.Junk):
                notes = "; ".join(a.message for a in item.annotations)
                problems.append(f"{name}: syntax error ({notes}) in {item.content.strip()[:60]!r}")
                continue
            if not isinstance(item, ast.Message | ast.Term):
                continue
            key = item.id.name if isinstance(item, ast.Message) else f"-{item.id.name}"
            if key in entries:
                problems.append(f"{name}: {key} is defined twice (also in {entries[key].file})")
            uses = _Uses()
            uses.visit(item)
            source = text[item.span.start : item.span.end] if item.span else ""
            entries[key] = Entry(
                key,
                name,
                source,
                frozenset(uses.variables),
                frozenset(uses.references),
                tuple(sorted(uses.selects)),
                frozenset(uses.functions),
            )
    return Parsed(entries, tuple(problems))


def read_language(language: str) -> dict[str, str]:
    folder = LOCALES / language
    if not folder.is_dir():
        return {}
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.ftl"))}


class _FunctionsToVariables(Transformer):
    def visit_FunctionReference(self, node: ast.FunctionReference) -> ast.BaseNode:
        variables = [a for a in node.arguments.positional if isinstance(a, ast.VariableReference)]
        return variables[0] if variables else node


def without_functions(files: Mapping[str, str]) -> dict[str, str]:
    """The sources with DATETIME($when, …) as plain { $when }: a placeholder like any other.

    Rendered with markers, every placeholder then shows as "{$when}", whatever the language's
    date format: what is left is only the text the translators wrote.
    """
    out = {}
    for name, text in files.items():
        resource = _FunctionsToVariables().visit(FluentParser().parse(text))
        out[name] = FluentSerializer(with_junk=True).serialize(resource)
    return out


def build_catalogue(sources: Mapping[str, Mapping[str, str]]) -> Catalogue:
    """An in-memory catalogue from {language: {file name: Fluent source}}, as Catalogue.load."""
    bundles = {}
    for language, files in sources.items():
        bundle = FluentBundle([language], use_isolating=language in RIGHT_TO_LEFT)
        for _, text in sorted(files.items()):
            bundle.add_resource(FluentResource(text))
        bundles[language] = bundle
    return Catalogue(bundles)


# ---------------------------------------------------------------------------------------------
# Sample parameters: one set per combination of the Italian message's select variants


def _longest_place() -> str:
    with (ROOT / "config" / "comuni_ambito.csv").open(encoding="utf-8") as f:
        return max((row["nome"] for row in csv.DictReader(f)), key=len)


SAMPLES: dict[str, object] = {
    "office_name": "Servizio Inserimento Lavorativo",
    "address": "Via Goldaniga 11, 26013 Crema (CR)",
    "hours": "lunedì-venerdì 9:00-12:30",
    "phone": "0373 218820",
    "email": "inserimento.lavorativo@example.it",
    "number": 3,
    "total": 6,
    "name": _longest_place(),  # the longest comune: a button label must still fit
    "place": _longest_place(),
    "date": "25/11/2026",
    "said": "quarantacinque",
    # An appointment slot's button: short venue names (config/appointments.yaml `short`).
    "day": 30,
    "month": 12,
    "time": "10:45",
    "venue": "Rivolta d'Adda",
    "count": 2,
    "lead_hours": 24,
}


# Values for variables passed to a function: DATETIME needs a date, NUMBER a number.
FUNCTION_SAMPLES: dict[str, object] = {"DATETIME": datetime(2026, 11, 26, 9, 0), "NUMBER": 3}


def realistic(variable: str) -> object:
    return SAMPLES.get(variable, f"sample {variable}")


def marker(variable: str) -> str:
    """The placeholder itself, so that readability measures the sentence around it only."""
    return f"{{${variable}}}"


def param_sets(
    reference: Parsed, key: str, sample: Callable[[str], object], unmatched: bool = True
) -> list[dict[str, object]]:
    """Every combination of the reference's variant keys, plus a value no variant names.

    With the `marker` sample, functions are expected to be gone (see `without_functions`).
    """
    choices: dict[str, set[str]] = {}
    for select in reference.selects(key):
        if select.selector and "," not in select.selector:
            choices.setdefault(select.selector, set()).update(select.variants)
    if unmatched:
        for values in choices.values():
            values.add(UNMATCHED)
    typed = reference.functions(key) if sample is not marker else {}
    base = {
        v: FUNCTION_SAMPLES[typed[v]] if typed.get(v) in FUNCTION_SAMPLES else sample(v)
        for v in reference.variables(key)
        if v not in choices
    }
    names = sorted(choices)
    combos = itertools.product(*(sorted(choices[n]) for n in names))
    # A numeric variant key ([0], [1], ...) only matches a number, never the string "0".
    return [
        {**base, **{n: int(v) if v.isdigit() else v for n, v in zip(names, combo, strict=True)}}
        for combo in combos
    ]


def render_all(
    catalogue: Catalogue,
    language: str,
    reference: Parsed,
    own: Parsed,
    sample: Callable[[str], object] = realistic,
    unmatched: bool = True,
) -> tuple[dict[str, list[str]], list[str]]:
    """{key: every rendering} for the keys both catalogues have, and the render errors."""
    texts: dict[str, list[str]] = {}
    problems: list[str] = []
    for key in sorted(k for k in reference.entries if not k.startswith("-")):
        if key not in own.entries or not catalogue.has(key, language):
            continue  # reported by the key check
        for params in param_sets(reference, key, sample, unmatched):
            try:
                text = catalogue.render(key, language, params)
            except Exception as exc:  # any failure to render is a problem to report
                problems.append(f"{key} {params}: {exc}")
            else:
                texts.setdefault(key, []).append(text)
    return texts, problems


# ---------------------------------------------------------------------------------------------
# The checks: each returns its problems, an empty list when all is well


def syntax_problems(own: Parsed) -> list[str]:
    return list(own.problems)


def key_problems(reference: Parsed, own: Parsed) -> list[str]:
    missing = sorted(set(reference.entries) - set(own.entries))
    extra = sorted(set(own.entries) - set(reference.entries))
    return [f"missing keys ({len(missing)}): {', '.join(missing)}"] * bool(missing) + [
        f"extra keys ({len(extra)}): {', '.join(extra)}"
    ] * bool(extra)


def file_problems(reference: Parsed, own: Parsed) -> list[str]:
    problems = []
    for file in sorted(reference.files | own.files):
        if file not in own.files:
            problems.append(f"{file}: missing")
            continue
        if file not in reference.files:
            problems.append(f"{file}: not in Italian")
            continue
        if stray := sorted(own.keys_in(file) - reference.keys_in(file)):
            problems.append(f"{file}: keys the Italian {file} does not have: {', '.join(stray)}")
    return problems


def placeholder_problems(reference: Parsed, own: Parsed) -> list[str]:
    problems = []
    for key in sorted(set(reference.entries) & set(own.entries)):
        want, got = reference.variables(key), own.variables(key)
        if want != got:
            problems.append(
                f"{key}: variables {sorted(got)} instead of {sorted(want)}"
                f" (missing {sorted(want - got)}, unknown {sorted(got - want)})"
            )
        want_s, got_s = plural_agnostic(reference.selects(key)), plural_agnostic(own.selects(key))
        if want_s != got_s:
            problems.append(f"{key}: select expressions {got_s} instead of {want_s}")
        if (want_f := reference.functions(key)) != (got_f := own.functions(key)):
            problems.append(f"{key}: functions {got_f} instead of {want_f}")
    return problems


PLURAL_CATEGORIES = frozenset({"zero", "one", "two", "few", "many", "other"})


def plural_agnostic(selects: tuple[Select, ...]) -> tuple[Select, ...]:
    """A plural select (CLDR categories, default `other`) takes each language's own
    categories: Italian has one/other, Romanian one/few/other, Arabic six."""
    return tuple(
        Select(s.selector, ("<plural>",), "other")
        if set(s.variants) <= PLURAL_CATEGORIES and s.default == "other"
        else s
        for s in selects
    )


def emoji_problems(reference: Parsed, own: Parsed) -> list[str]:
    problems = []
    for key in sorted(set(reference.entries) & set(own.entries)):
        want = set(emoji_in(reference.entries[key].source))
        got = set(emoji_in(own.entries[key].source))
        if want != got:
            problems.append(f"{key}: emoji {sorted(got)} instead of {sorted(want)}")
    return problems


BIDI_ISOLATES = re.compile("[\u2066-\u2069]")


def utf16_length(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units: most emoji count 2)."""
    return len(text.encode("utf-16-le")) // 2


def length_problems(texts: Mapping[str, list[str]]) -> list[str]:
    problems = []
    for key, renderings in sorted(texts.items()):
        for text in renderings:
            size = utf16_length(text)
            if not text.strip():
                problems.append(f"{key}: empty")
            # Bidi isolation marks around placeholders (Arabic) are invisible: the rule is
            # about what people see.
            visible = utf16_length(BIDI_ISOLATES.sub("", text))
            if key.startswith(BUTTON_PREFIXES) and visible > BUTTON_LIMIT:
                problems.append(f"{key}: button label of {size} > {BUTTON_LIMIT}: {text!r}")
            if key.startswith(COMMAND_PREFIX) and size > COMMAND_LIMIT:
                problems.append(f"{key}: command description of {size} > {COMMAND_LIMIT}")
            if size > MESSAGE_LIMIT:
                problems.append(f"{key}: message of {size} > {MESSAGE_LIMIT}")
    return problems


def numbers_in(text: str) -> set[str]:
    found = NUMBER.findall(text.translate(dict.fromkeys(map(ord, "\u2066\u2067\u2068\u2069"))))
    return {n for n in found if sum(c.isdigit() for c in n) >= 2}


def number_problems(italian: Mapping[str, list[str]], own: Mapping[str, list[str]]) -> list[str]:
    """The same numbers as in Italian: emergency numbers, ages, days, the 48 comuni."""
    problems = []
    for key in sorted(set(italian) & set(own)):
        want = set().union(*map(numbers_in, italian[key]))
        got = set().union(*map(numbers_in, own[key]))
        if want != got:
            problems.append(f"{key}: numbers {sorted(got)} instead of {sorted(want)}")
    return problems


def needs_translation(key: str, italian: str) -> bool:
    """Language names, emoji-only and proper-noun-only texts stay the same everywhere."""
    if key.startswith("lang-name-"):
        return False
    words = [w.strip(".,;:!?«»()\"'").casefold() for w in words_of(italian)]
    return any(w not in PROPER_NOUNS and any(c.isalpha() for c in w) for w in words)


def untranslated(
    italian: Mapping[str, list[str]], own: Mapping[str, list[str]]
) -> tuple[float, list[str]]:
    """The share of messages left in Italian, and which ones."""
    keys = [k for k in sorted(italian) if k in own and needs_translation(k, italian[k][0])]
    same = [k for k in keys if plain(own[k][0]).strip() == plain(italian[k][0]).strip()]
    return (len(same) / len(keys) if keys else 0.0), same


def untranslated_problems(
    italian: Mapping[str, list[str]], own: Mapping[str, list[str]]
) -> list[str]:
    share, same = untranslated(italian, own)
    if share < UNTRANSLATED_LIMIT:
        return []
    return [f"{share:.0%} of the messages are identical to Italian: {', '.join(same)}"]


def script_problems(
    language: str, italian: Mapping[str, list[str]], own: Mapping[str, list[str]]
) -> list[str]:
    script = SCRIPTS.get(language)
    if script is None:
        return []
    problems = []
    for key, renderings in sorted(own.items()):
        if key not in italian or not needs_translation(key, italian[key][0]):
            continue
        for text in renderings:
            if not any(unicodedata.name(c, "").startswith(script) for c in text):
                problems.append(f"{key}: no {script.lower()} letters in {text!r}")
    return problems


def language_name_problems(
    language: str, italian: Mapping[str, list[str]], own: Mapping[str, list[str]]
) -> list[str]:
    """Language names are the same in every catalogue; lang-changed names its own language."""
    problems = [
        f"{key}: {own[key][0]!r} instead of {italian[key][0]!r}"
        for key in sorted(italian)
        if key.startswith("lang-name-") and key in own and own[key] != italian[key]
    ]
    name = plain(own.get(f"lang-name-{language}", [""])[0]).strip().casefold()
    changed = own.get("lang-changed", [""])[0].casefold()
    if not name or name not in changed:
        problems.append(f"lang-changed does not name the language {name!r}: {changed!r}")
    return problems


def prose_with_markers(files: Mapping[str, str]) -> dict[str, list[str]]:
    """Every variant of the Italian prose, placeholders shown as markers such as "{$phone}"."""
    reference = parse(files)
    built = build_catalogue({PRIMARY: without_functions(files)})
    texts, _ = render_all(built, PRIMARY, reference, reference, marker, unmatched=False)
    return {k: v for k, v in texts.items() if not k.startswith(NOT_PROSE)}


def readability(files: Mapping[str, str]) -> tuple[dict[str, list[tuple[str, float]]], list[str]]:
    """{key: [(variant, Gulpease index)]} for the Italian prose, and what could not be measured."""
    reference = parse(files)
    texts = prose_with_markers(files)
    scores: dict[str, list[tuple[str, float]]] = {}
    unmeasured = []
    for key in sorted(texts):
        labels = [_label(p) for p in param_sets(reference, key, marker, unmatched=False)]
        measured = [
            (lb, gulpease(t)) for lb, t in zip(labels, texts[key], strict=True) if words_of(t)
        ]
        if measured:
            scores[key] = measured
        else:
            unmeasured.append(key)
    return scores, unmeasured


def _label(params: Mapping[str, object]) -> str:
    chosen = [f"{k}={v}" for k, v in sorted(params.items()) if v != marker(k)]
    return ",".join(chosen)


def readability_problems(scores: Mapping[str, list[tuple[str, float]]]) -> list[str]:
    return [
        f"{key}[{label}]: Gulpease {score:.1f} < {GULPEASE_MIN}"
        for key, measured in sorted(scores.items())
        for label, score in measured
        if score < GULPEASE_MIN
    ]


def key_averages(scores: Mapping[str, list[tuple[str, float]]]) -> dict[str, float]:
    return {key: mean(s for _, s in measured) for key, measured in scores.items()}


# ---------------------------------------------------------------------------------------------
# The real catalogue


@cache
def parsed(language: str) -> Parsed:
    return parse(read_language(language))


# The operators' web console is Italian only (operators read Italian). Its file is checked
# for syntax, rendering and readability; the other languages need not have it (they fall
# back to Italian), so it is left out of the reference they are compared with.
ITALIAN_ONLY_FILES = frozenset({"web.ftl", "web_reports.ftl", "web_indicators.ftl"})


@cache
def reference() -> Parsed:
    files = read_language(PRIMARY)
    return parse({name: text for name, text in files.items() if name not in ITALIAN_ONLY_FILES})


@cache
def catalogue() -> Catalogue:
    return Catalogue.load(LOCALES)


@cache
def rendered(language: str) -> tuple[dict[str, list[str]], list[str]]:
    if language not in catalogue().languages:
        return {}, [f"no folder locales/{language}/"]
    return render_all(catalogue(), language, parsed(PRIMARY), parsed(language))


@cache
def marker_catalogue() -> Catalogue:
    return build_catalogue(
        {lang: without_functions(read_language(lang)) for lang in catalogue().languages}
    )


@cache
def with_markers(language: str) -> dict[str, list[str]]:
    """Renderings with the placeholders left as markers: what the translators wrote, only."""
    if language not in catalogue().languages:
        return {}
    return render_all(marker_catalogue(), language, parsed(PRIMARY), parsed(language), marker)[0]


@cache
def italian_scores() -> tuple[dict[str, list[tuple[str, float]]], list[str]]:
    return readability(read_language(PRIMARY))


ITALIAN_PROSE = sorted(k for k in parsed(PRIMARY).entries if not k.startswith((*NOT_PROSE, "-")))


def _fail_on(problems: list[str], what: str) -> None:
    assert not problems, f"{what}:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("language", [PRIMARY, *TRANSLATIONS])
def test_parses_without_syntax_errors_or_duplicates(language: str) -> None:
    assert read_language(language), f"no .ftl files in locales/{language}/"
    _fail_on(syntax_problems(parsed(language)), f"locales/{language}")


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_same_keys_as_italian(language: str) -> None:
    _fail_on(key_problems(reference(), parsed(language)), f"locales/{language}")


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_same_files_as_italian(language: str) -> None:
    _fail_on(file_problems(reference(), parsed(language)), f"locales/{language}")


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_same_placeholders_and_variants_as_italian(language: str) -> None:
    _fail_on(placeholder_problems(reference(), parsed(language)), f"locales/{language}")


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_same_emoji_as_italian(language: str) -> None:
    _fail_on(emoji_problems(reference(), parsed(language)), f"locales/{language}")


@pytest.mark.parametrize("language", [PRIMARY, *TRANSLATIONS])
def test_every_message_renders(language: str) -> None:
    texts, problems = rendered(language)
    _fail_on(problems, f"locales/{language}: render errors")
    assert texts


@pytest.mark.parametrize("language", [PRIMARY, *TRANSLATIONS])
def test_lengths_fit_telegram(language: str) -> None:
    _fail_on(length_problems(rendered(language)[0]), f"locales/{language}")


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_translated_not_left_in_italian(language: str) -> None:
    _fail_on(untranslated_problems(with_markers(PRIMARY), with_markers(language)), language)


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_numbers_kept(language: str) -> None:
    _fail_on(number_problems(with_markers(PRIMARY), with_markers(language)), language)


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_written_in_its_script(language: str) -> None:
    _fail_on(script_problems(language, with_markers(PRIMARY), with_markers(language)), language)


@pytest.mark.parametrize("language", [PRIMARY, *TRANSLATIONS])
def test_language_names(language: str) -> None:
    _fail_on(
        language_name_problems(language, rendered(PRIMARY)[0], rendered(language)[0]), language
    )


@pytest.mark.parametrize("key", ITALIAN_PROSE)
def test_italian_is_easy_to_read(key: str) -> None:
    scores, unmeasured = italian_scores()
    if key in unmeasured:
        pytest.skip("only placeholders and emoji: nothing to read")
    _fail_on(readability_problems({key: scores[key]}), "Italian readability")


def test_italian_readability_on_average(record_property: Callable[[str, object], None]) -> None:
    """The mean of the per-message indexes; the pooled index (all prose as one text) is printed."""
    scores, unmeasured = italian_scores()
    averages = key_averages(scores)
    average = mean(averages.values())
    lowest, where = min(
        (score, f"{key}[{label}]" if label else key)
        for key, measured in scores.items()
        for label, score in measured
    )
    texts = prose_with_markers(read_language(PRIMARY))
    pooled = gulpease("\n".join(t for key in scores for t in texts[key]))
    record_property("gulpease_average", round(average, 1))
    record_property("gulpease_minimum", round(lowest, 1))
    record_property("gulpease_pooled", round(pooled, 1))
    summary = (
        f"Gulpease of the Italian texts: average {average:.1f} over {len(averages)} messages,"
        f" minimum {lowest:.1f} ({where}), all prose as one text {pooled:.1f};"
        f" not measured: {', '.join(unmeasured) or 'none'}"
    )
    print(f"\n{summary}\nLowest messages (mean over their variants):")
    for key, score in sorted(averages.items(), key=lambda pair: pair[1])[:10]:
        print(f"  {score:6.1f}  {key}")
    assert average >= GULPEASE_MIN, summary


def test_required_languages_exist() -> None:
    assert set(REQUIRED) <= set(catalogue().languages), sorted(catalogue().languages)


# ---------------------------------------------------------------------------------------------
# The Gulpease index itself, on texts counted by hand


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 3 words, 12 letters, 2 sentences: 89 + (600 - 120) / 3
        ("Ciao! Come stai?", 249.0),
        # 3 words, 12 letters, 1 sentence: 89 + (300 - 120) / 3
        ("Il gatto dorme.", 149.0),
        # Emoji, bullet and placeholder ignored; the contact line has no words; the last line
        # ends a sentence without a full stop: still 3 words, 12 letters, 1 sentence.
        ("📞 { $phone }\n• Il gatto dorme", 149.0),
        # 6 words, 63 letters (2 + 14 + 14 + 10 + 9 + 14), 1 sentence: 89 + (300 - 630) / 6
        ("La documentazione amministrativa necessaria comprende certificazioni.", 34.0),
        # Two lines, the second without a full stop; "l'assistente" is one word:
        # 4 words, 24 letters (4 + 11 + 6 + 3), 2 sentences: 89 + (600 - 240) / 4
        ("Sono l'assistente.\nScrivi qui", 179.0),
    ],
)
def test_gulpease_counted_by_hand(text: str, expected: float) -> None:
    assert gulpease(text) == pytest.approx(expected)


def test_gulpease_needs_words() -> None:
    with pytest.raises(ValueError):
        gulpease("📞 { $phone } ✉️")


# ---------------------------------------------------------------------------------------------
# Every check fails when it should: deliberately broken in-memory catalogues

GOOD_IT = """
hello = Ciao { $name }! Come stai?
status =
    { $kind ->
        [voice] Non ascolto i vocali.
       *[other] Scrivimi, per favore.
    }
help = Chiama il 1522 o lo 02 2327 2327.
open = Apriamo { DATETIME($when, dateStyle: "full") }.
btn-ok = ✅ Va bene
cmd-start = Inizia
lang-name-it = 🇮🇹 Italiano
lang-name-xx = 🏳 Xx
lang-changed = Va bene, da adesso parlo italiano.
"""
GOOD_XX = """
hello = Hello { $name }! How are you?
status =
    { $kind ->
        [voice] I do not listen to voice messages.
       *[other] Write to me, please.
    }
help = Call 1522 or 02 2327 2327.
open = We open { DATETIME($when, dateStyle: "full") }.
btn-ok = ✅ OK
cmd-start = Start
lang-name-it = 🇮🇹 Italiano
lang-name-xx = 🏳 Xx
lang-changed = OK, from now on I speak xx.
"""


def _checks(
    it: Mapping[str, str], xx: Mapping[str, str], language: str = "xx"
) -> dict[str, list[str]]:
    reference, own = parse(it), parse(xx)
    built = build_catalogue({PRIMARY: it, language: xx})
    simple = build_catalogue({PRIMARY: without_functions(it), language: without_functions(xx)})
    italian, _ = render_all(simple, PRIMARY, reference, reference, marker)
    texts, render_errors = render_all(built, language, reference, own)
    marked, _ = render_all(simple, language, reference, own, marker)
    return {
        "syntax": syntax_problems(own),
        "keys": key_problems(reference, own),
        "files": file_problems(reference, own),
        "placeholders": placeholder_problems(reference, own),
        "emoji": emoji_problems(reference, own),
        "render": render_errors,
        "lengths": length_problems(texts),
        "numbers": number_problems(italian, marked),
        "untranslated": untranslated_problems(italian, marked),
        "script": script_problems(language, italian, marked),
        "names": language_name_problems(language, italian, texts),
    }


def _broken(old: str, new: str, text: str = GOOD_XX) -> str:
    assert old in text, old
    return text.replace(old, new)


BROKEN: list[tuple[str, str, Mapping[str, str], str]] = [
    ("missing key", "keys", {"a.ftl": _broken("btn-ok = ✅ OK\n", "")}, "missing keys"),
    ("extra key", "keys", {"a.ftl": GOOD_XX + "bonus = Extra\n"}, "bonus"),
    ("other file", "files", {"b.ftl": GOOD_XX}, "a.ftl: missing"),
    ("syntax error", "syntax", {"a.ftl": GOOD_XX + "broken = { $x\n"}, "syntax error"),
    ("duplicate key", "syntax", {"a.ftl": GOOD_XX + "btn-ok = ✅ OK\n"}, "twice"),
    ("renamed placeholder", "placeholders", {"a.ftl": _broken("{ $name }", "{ $nome }")}, "nome"),
    ("dropped placeholder", "placeholders", {"a.ftl": _broken(" { $name }", "")}, "missing"),
    ("other selector", "placeholders", {"a.ftl": _broken("$kind ->", "$type ->")}, "select"),
    ("renamed default", "placeholders", {"a.ftl": _broken("*[other]", "*[else]")}, "select"),
    ("renamed variant", "placeholders", {"a.ftl": _broken("[voice]", "[vocal]")}, "select"),
    (
        "date not formatted",
        "placeholders",
        {"a.ftl": _broken('DATETIME($when, dateStyle: "full")', "$when")},
        "DATETIME",
    ),
    ("lost emoji", "emoji", {"a.ftl": _broken("✅ OK", "OK")}, "btn-ok"),
    ("dangling reference", "render", {"a.ftl": _broken("Start", "{ nowhere }")}, "cmd-start"),
    ("changed phone number", "numbers", {"a.ftl": _broken("2327 2327", "2327 2372")}, "help"),
    ("lost phone number", "numbers", {"a.ftl": _broken("1522 or ", "")}, "1522"),
    ("long button", "lengths", {"a.ftl": _broken("✅ OK", "✅ " + "OK " * 20)}, "btn-ok"),
    ("long command", "lengths", {"a.ftl": _broken("Start", "Start " * 50)}, "cmd-start"),
    (
        "huge message",
        "lengths",
        {"a.ftl": _broken("How are you?", "Hi { $name }! " * 200)},
        "hello",
    ),
    ("left in Italian", "untranslated", {"a.ftl": GOOD_IT.replace("italiano", "xx")}, "%"),
    ("other language name", "names", {"a.ftl": _broken("🏳 Xx\nlang", "🏳 Ix\nlang")}, "Ix"),
    ("wrong lang-changed", "names", {"a.ftl": _broken("speak xx", "speak Italian")}, "xx"),
]


@pytest.mark.parametrize(
    ("check", "broken", "expected"),
    [pytest.param(c, b, e, id=name) for name, c, b, e in BROKEN],
)
def test_checks_catch(check: str, broken: Mapping[str, str], expected: str) -> None:
    problems = _checks({"a.ftl": GOOD_IT}, broken)[check]
    assert any(expected in p for p in problems), problems


def test_checks_pass_a_good_translation() -> None:
    assert _checks({"a.ftl": GOOD_IT}, {"a.ftl": GOOD_XX}) == {
        name: [] for name in _checks({"a.ftl": GOOD_IT}, {"a.ftl": GOOD_IT})
    }


def test_script_check_catches_arabic_in_latin_letters() -> None:
    arabic = GOOD_XX.replace("speak xx", "speak ar").replace(
        "lang-name-xx = 🏳 Xx", "lang-name-ar = 🏳 ar"
    )
    italian = GOOD_IT.replace("lang-name-xx = 🏳 Xx", "lang-name-ar = 🏳 ar")
    problems = _checks({"a.ftl": italian}, {"a.ftl": arabic}, "ar")["script"]
    assert any("hello" in p for p in problems), problems
    written = arabic.replace("Hello", "مرحبا").replace("How are you?", "كيف حالك؟")
    problems = _checks({"a.ftl": italian}, {"a.ftl": written}, "ar")["script"]
    assert not any(p.startswith("hello") for p in problems), problems


def test_readability_check_catches_hard_italian() -> None:
    hard = "hard = La documentazione amministrativa necessaria comprende certificazioni.\n"
    scores, _ = readability({"a.ftl": GOOD_IT + hard})
    problems = readability_problems(scores)
    assert [p.split(":")[0] for p in problems] == ["hard[]"], problems
    assert "hello" in scores and "btn-ok" not in scores
