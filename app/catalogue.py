"""The message catalogue: Fluent files under locales/<language>/, Italian first.

A key missing in a language falls back to Italian, so a user never sees a raw key;
the catalogue test makes sure no language misses one.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from fluent.runtime import FluentBundle, FluentResource

PRIMARY = "it"
# The order of the language menu: Italian, then by size of the community in the area.
MENU_ORDER = ("it", "en", "ro", "ar", "fr", "es")
RIGHT_TO_LEFT = frozenset({"ar"})
LABEL_MEMO_SIZE = 20_000


class MissingMessage(KeyError):
    pass


class Catalogue:
    def __init__(self, bundles: Mapping[str, FluentBundle]) -> None:
        if PRIMARY not in bundles:
            raise ValueError("the Italian catalogue is required")
        self._bundles = dict(bundles)
        # Button labels are rendered on every turn to remember what was shown
        # (dialogs/prompt.py); the same few hundred come back again and again.
        self._labels: dict[tuple[str, str, tuple[tuple[str, object], ...]], str] = {}

    @classmethod
    def load(cls, locales_dir: Path) -> Catalogue:
        bundles: dict[str, FluentBundle] = {}
        for folder in sorted(p for p in locales_dir.iterdir() if p.is_dir()):
            language = folder.name
            # Bidi isolation marks protect placeholders inside right-to-left text;
            # in left-to-right languages they would only be invisible noise.
            bundle = FluentBundle([language], use_isolating=language in RIGHT_TO_LEFT)
            for path in sorted(folder.glob("*.ftl")):
                bundle.add_resource(FluentResource(path.read_text(encoding="utf-8")))
            bundles[language] = bundle
        return cls(bundles)

    @property
    def languages(self) -> tuple[str, ...]:
        def rank(code: str) -> tuple[int, str]:
            return (MENU_ORDER.index(code) if code in MENU_ORDER else len(MENU_ORDER), code)

        return tuple(sorted(self._bundles, key=rank))

    def keys(self, language: str = PRIMARY) -> frozenset[str]:
        return frozenset(self._bundles[language]._messages)

    def has(self, key: str, language: str = PRIMARY) -> bool:
        return self._bundles[language].has_message(key)

    def label_text(self, key: str, language: str, params: Mapping[str, object]) -> str:
        """A button's label, remembered: the core asks for it on every turn."""
        memo = (key, language, tuple(sorted(params.items())))
        text = self._labels.get(memo)
        if text is None:
            if len(self._labels) > LABEL_MEMO_SIZE:
                self._labels.clear()  # slot times and course titles keep changing
            text = self._labels[memo] = self.render(key, language, params)
        return text

    def render(
        self, key: str, language: str = PRIMARY, params: Mapping[str, object] | None = None
    ) -> str:
        bundle = self._bundles.get(language)
        if bundle is None or not bundle.has_message(key):
            bundle = self._bundles[PRIMARY]
        if not bundle.has_message(key):
            raise MissingMessage(key)
        pattern = bundle.get_message(key).value
        if pattern is None:
            raise MissingMessage(key)
        text, errors = bundle.format_pattern(pattern, dict(params or {}))
        if errors:
            raise ValueError(f"message {key!r}: {errors}")
        if not isinstance(text, str):  # FluentNone: a value that resolved to nothing
            raise MissingMessage(key)
        return text
