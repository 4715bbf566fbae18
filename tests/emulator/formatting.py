"""Telegram's text formatting: HTML, MarkdownV2 and legacy Markdown → plain text + entities.

The parsers follow tdlib's ``parse_html`` / ``parse_markdown_v2`` / ``parse_markdown``
(td/telegram/MessageEntity.cpp) closely, including their error texts and *byte* offsets,
because the point of the emulator is that a bot which formats something badly fails here
exactly where it would fail against the real Bot API. Entity offsets and lengths are in
UTF-16 code units, as in the Bot API.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

PARSE_MODES = frozenset({"HTML", "MarkdownV2", "Markdown"})

_HTML_TAGS = frozenset(
    {
        "a", "b", "strong", "i", "em", "s", "strike", "del", "u", "ins",
        "tg-spoiler", "tg-emoji", "tg-time", "span", "pre", "code", "blockquote",
    }
)  # fmt: skip
_HTML_SIMPLE = {
    "b": "bold", "strong": "bold", "i": "italic", "em": "italic",
    "s": "strikethrough", "strike": "strikethrough", "del": "strikethrough",
    "u": "underline", "ins": "underline", "tg-spoiler": "spoiler", "span": "spoiler",
}  # fmt: skip
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_SPACES = " \t\r\n\0\v"  # tdlib's is_space(); "\0" doubles as end of text
_V2_RESERVED = "_*[]()~`>#+-=|{}.!\n"
# Names tdlib prints in "Can't find end of X entity" errors.
_V2_NAMES = {
    "bold": "Bold", "italic": "Italic", "underline": "Underline",
    "strikethrough": "Strikethrough", "spoiler": "Spoiler", "code": "Code", "pre": "Pre",
    "text_link": "TextUrl", "custom_emoji": "CustomEmoji", "blockquote": "BlockQuote",
}  # fmt: skip


class EntityParseError(ValueError):
    """The text cannot be parsed in the requested parse_mode."""

    @property
    def description(self) -> str:
        return f"Bad Request: can't parse entities: {self.args[0]}"


@dataclass(frozen=True, slots=True)
class FormattedText:
    text: str
    entities: list[dict[str, Any]] = field(default_factory=list)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _width(char: str) -> int:
    return 2 if ord(char) > 0xFFFF else 1


class _Cursor:
    """Index into the source text that reads NUL past the end, like tdlib's C strings."""

    def __init__(self, text: str):
        self.text = text
        self.n = len(text)

    def at(self, index: int) -> str:
        return self.text[index] if 0 <= index < self.n else "\0"

    def byte_offset(self, index: int) -> int:
        return len(self.text[:index].encode("utf-8"))


@dataclass(slots=True)
class _Open:
    kind: str
    argument: dict[str, str]
    offset: int  # UTF-16 offset in the output
    byte_pos: int  # byte offset in the source, for error messages
    out_pos: int  # index into the output character list


def _entity(kind: str, offset: int, length: int, **extra: Any) -> dict[str, Any]:
    return {"type": kind, "offset": offset, "length": length, **extra}


def _sorted(entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(entities, key=lambda e: (e["offset"], -e["length"]))


def _link_entity(offset: int, length: int, url: str) -> dict[str, Any] | None:
    if url.startswith("tg://user?id="):
        user_id = url.removeprefix("tg://user?id=")
        if user_id.isdigit():
            user = {"id": int(user_id), "is_bot": False, "first_name": f"User {user_id}"}
            return _entity("text_mention", offset, length, user=user)
    if not url.strip():
        return None  # tdlib silently drops links it cannot check
    return _entity("text_link", offset, length, url=url)


# --------------------------------------------------------------------------- HTML


def _decode_html_entity(cur: _Cursor, pos: int) -> tuple[str, int] | None:
    end = pos + 1
    if cur.at(end) == "#":
        end += 1
        code = 0
        if cur.at(end) == "x":
            end += 1
            while cur.at(end) in "0123456789abcdefABCDEF":
                code = code * 16 + int(cur.at(end), 16)
                end += 1
        else:
            while cur.at(end).isdigit() and cur.at(end).isascii():
                code = code * 10 + int(cur.at(end))
                end += 1
        if code == 0 or code >= 0x10FFFF or end - pos >= 10:
            return None
        if 0xD800 <= code <= 0xDFFF:
            raise EntityParseError(
                "Text contains invalid Unicode characters after decoding HTML entities, "
                "check for unmatched surrogate code units"
            )
        char = chr(code)
    else:
        while cur.at(end).isascii() and cur.at(end).isalpha():
            end += 1
        named = _NAMED_ENTITIES.get(cur.text[pos + 1 : end])
        if named is None:
            return None  # unknown entities such as &nbsp; stay literal text
        char = named
    if cur.at(end) == ";":
        end += 1
    return char, end


def _read_attribute_value(cur: _Cursor, i: int) -> tuple[str, int]:
    if cur.at(i) not in "'\"":
        start = i
        while (cur.at(i).isascii() and cur.at(i).isalnum()) or cur.at(i) in ".-":
            i += 1
        if cur.at(i) not in _SPACES and cur.at(i) != ">":
            raise EntityParseError(
                f"Unexpected end of name token at byte offset {cur.byte_offset(start)}"
            )
        return cur.text[start:i].lower(), i
    quote = cur.at(i)
    i += 1
    chars: list[str] = []
    while cur.at(i) != quote and i < cur.n:
        if cur.at(i) == "&":
            decoded = _decode_html_entity(cur, i)
            if decoded is not None:
                chars.append(decoded[0])
                i = decoded[1]
                continue
        chars.append(cur.at(i))
        i += 1
    if cur.at(i) == quote:
        i += 1
    return "".join(chars), i


def _parse_start_tag(cur: _Cursor, begin: int) -> tuple[str, dict[str, str], int]:
    """Parse ``<tag attr=...>`` starting at ``begin``; return tag, attributes, index of '>'."""
    i = begin + 1
    while cur.at(i) not in _SPACES and cur.at(i) != ">":
        i += 1
    if i >= cur.n:
        raise EntityParseError(f"Unclosed start tag at byte offset {cur.byte_offset(begin)}")
    tag = cur.text[begin + 1 : i].lower()
    if tag not in _HTML_TAGS:
        raise EntityParseError(
            f'Unsupported start tag "{tag}" at byte offset {cur.byte_offset(begin)}'
        )
    attributes: dict[str, str] = {}
    while cur.at(i) != ">":
        while i < cur.n and cur.at(i) in _SPACES:
            i += 1
        if cur.at(i) == ">":
            break
        name_start = i
        while cur.at(i) not in _SPACES and cur.at(i) not in "=>":
            i += 1
        name = cur.text[name_start:i]
        if not name:
            raise EntityParseError(
                f'Empty attribute name in the tag "{tag}" at byte offset {cur.byte_offset(begin)}'
            )
        while i < cur.n and cur.at(i) in _SPACES:
            i += 1
        if cur.at(i) != "=":
            # Since Bot API 7.4 <blockquote expandable> is a valueless attribute.
            if tag == "blockquote" and name == "expandable" and i < cur.n:
                attributes[name] = ""
                continue
            raise EntityParseError(
                f'Expected equal sign in declaration of an attribute of the tag "{tag}" '
                f"at byte offset {cur.byte_offset(begin)}"
            )
        i += 1
        while i < cur.n and cur.at(i) in _SPACES:
            i += 1
        if i >= cur.n:
            raise EntityParseError(
                f'Unclosed start tag "{tag}" at byte offset {cur.byte_offset(begin)}'
            )
        value, i = _read_attribute_value(cur, i)
        if i >= cur.n:
            raise EntityParseError(f"Unclosed start tag at byte offset {cur.byte_offset(begin)}")
        attributes[name] = value
    if tag == "span" and attributes.get("class") != "tg-spoiler":
        raise EntityParseError(
            f'Tag "span" must have class "tg-spoiler" at byte offset {cur.byte_offset(begin)}'
        )
    return tag, attributes, i


def _close_html_entity(
    opened: _Open, length: int, out: list[str], entities: list[dict[str, Any]]
) -> None:
    tag, attrs, offset = opened.kind, opened.argument, opened.offset
    if tag in _HTML_SIMPLE:
        entities.append(_entity(_HTML_SIMPLE[tag], offset, length))
    elif tag == "tg-emoji":
        emoji_id = attrs.get("emoji-id", "")
        if not emoji_id.isdigit() or int(emoji_id) == 0:
            raise EntityParseError("Invalid custom emoji identifier specified")
        entities.append(_entity("custom_emoji", offset, length, custom_emoji_id=emoji_id))
    elif tag == "tg-time":
        unix = attrs.get("unix", "")
        if not unix.lstrip("-").isdigit():
            raise EntityParseError("Invalid Unix time specified")
        extra: dict[str, Any] = {"unix_time": int(unix)}
        if attrs.get("format"):
            extra["date_time_format"] = attrs["format"]
        entities.append(_entity("date_time", offset, length, **extra))
    elif tag == "a":
        url = attrs.get("href") or "".join(out[opened.out_pos :])
        link = _link_entity(offset, length, url)
        if link is not None:
            entities.append(link)
    elif tag == "code":
        language = attrs.get("class", "")
        language = language[9:] if language.startswith("language-") else ""
        last = entities[-1] if entities else None
        if (
            last is not None
            and last["type"] == "pre"
            and (last["offset"], last["length"]) == (offset, length)
            and language
        ):
            last["language"] = language
        else:
            entities.append(_entity("code", offset, length, _language=language))
    elif tag == "pre":
        last = entities[-1] if entities else None
        if (
            last is not None
            and last["type"] == "code"
            and (last["offset"], last["length"]) == (offset, length)
            and last.get("_language")
        ):
            entities[-1] = _entity("pre", offset, length, language=last["_language"])
        else:
            entities.append(_entity("pre", offset, length))
    elif tag == "blockquote":
        kind = "expandable_blockquote" if "expandable" in attrs else "blockquote"
        entities.append(_entity(kind, offset, length))


def parse_html(text: str) -> FormattedText:
    cur = _Cursor(text)
    out: list[str] = []
    entities: list[dict[str, Any]] = []
    stack: list[_Open] = []
    utf16 = 0
    i = 0
    while i < cur.n:
        char = text[i]
        if char == "&":
            decoded = _decode_html_entity(cur, i)
            if decoded is not None:
                out.append(decoded[0])
                utf16 += _width(decoded[0])
                i = decoded[1]
                continue
        if char != "<":
            out.append(char)
            utf16 += _width(char)
            i += 1
            continue
        begin = i
        if cur.at(i + 1) != "/":
            tag, attributes, i = _parse_start_tag(cur, begin)
            stack.append(_Open(tag, attributes, utf16, cur.byte_offset(begin), len(out)))
            i += 1
            continue
        if not stack:
            raise EntityParseError(f"Unexpected end tag at byte offset {cur.byte_offset(begin)}")
        i = begin + 1
        while cur.at(i) not in _SPACES and cur.at(i) != ">":
            i += 1
        end_name = text[begin + 2 : i].lower()
        while i < cur.n and cur.at(i) in _SPACES:
            i += 1
        if cur.at(i) != ">":
            raise EntityParseError(f"Unclosed end tag at byte offset {cur.byte_offset(begin)}")
        opened = stack[-1]
        if end_name and end_name != opened.kind:
            raise EntityParseError(
                f"Unmatched end tag at byte offset {cur.byte_offset(begin)}, "
                f'expected "</{opened.kind}>", found "</{end_name}>"'
            )
        if utf16 > opened.offset:
            _close_html_entity(opened, utf16 - opened.offset, out, entities)
        stack.pop()
        i += 1
    if stack:
        raise EntityParseError(f'Can\'t find end tag corresponding to start tag "{stack[-1].kind}"')
    for entity in entities:
        entity.pop("_language", None)
    return FormattedText("".join(out), _sorted(entities))


# ---------------------------------------------------------------------- MarkdownV2


def _reserved(char: str) -> EntityParseError:
    return EntityParseError(
        f"Character '{char}' is reserved and must be escaped with the preceding '\\'"
    )


def _read_url(cur: _Cursor, i: int) -> tuple[str, int]:
    """Read a ``(url)`` body starting after '('; return the URL and the index of ')'."""
    chars: list[str] = []
    while i < cur.n and cur.at(i) != ")":
        if cur.at(i) == "\\" and 0 < ord(cur.at(i + 1)) <= 126:
            chars.append(cur.at(i + 1))
            i += 2
            continue
        chars.append(cur.at(i))
        i += 1
    return "".join(chars), i


def _v2_is_end(cur: _Cursor, i: int, top: _Open, in_quote: bool) -> bool:
    char = cur.at(i)
    if in_quote and char == "\n" and cur.at(i + 1) != ">":
        return True
    if top.kind == "blockquote" and top.argument.get("expandable"):
        return char == "|" and cur.at(i + 1) == "|" and cur.at(i + 2) in "\n\0"
    return {
        "bold": char == "*",
        "italic": char == "_" and cur.at(i + 1) != "_",
        "code": char == "`",
        "pre": char == "`" and cur.at(i + 1) == "`" and cur.at(i + 2) == "`",
        "text_link": char == "]",
        "custom_emoji": char == "]",
        "underline": char == "_" and cur.at(i + 1) == "_",
        "strikethrough": char == "~",
        "spoiler": char == "|" and cur.at(i + 1) == "|",
    }.get(top.kind, False)


def parse_markdown_v2(text: str) -> FormattedText:  # mirrors tdlib's state machine
    cur = _Cursor(text)
    out: list[str] = []
    entities: list[dict[str, Any]] = []
    stack: list[_Open] = []
    utf16 = 0
    in_quote = False
    i = 0
    while i < cur.n:
        char = text[i]
        if char == "\\" and 0 < ord(cur.at(i + 1)) <= 126:
            out.append(cur.at(i + 1))
            utf16 += 1
            i += 2
            continue
        reserved = "`" if stack and stack[-1].kind in ("code", "pre") else _V2_RESERVED
        if char not in reserved:
            out.append(char)
            utf16 += _width(char)
            i += 1
            continue

        if not (stack and _v2_is_end(cur, i, stack[-1], in_quote)):
            begin = i
            kind: str | None
            argument: dict[str, str] = {}
            if char == "_":
                kind = "italic"
                if cur.at(i + 1) == "_":
                    kind = "underline"
                    i += 1
            elif char == "*":
                kind = "bold"
                at_line_start = i == 0 or cur.at(i - 1) == "\n"
                if at_line_start and not in_quote and text[i : i + 3] == "**>":
                    kind, argument, in_quote = "blockquote", {"expandable": "1"}, True
                    i += 2
            elif char == "~":
                kind = "strikethrough"
            elif char == "|":
                if cur.at(i + 1) != "|":
                    raise _reserved(char)
                kind = "spoiler"
                i += 1
            elif char == "[":
                kind = "text_link"
            elif char == "`":
                kind = "code"
                if cur.at(i + 1) == "`" and cur.at(i + 2) == "`":
                    kind = "pre"
                    i += 3
                    lang_end = i
                    while cur.at(lang_end) not in _SPACES and cur.at(lang_end) != "`":
                        lang_end += 1
                    if i != lang_end and lang_end < cur.n and cur.at(lang_end) != "`":
                        argument = {"language": text[i:lang_end]}
                        i = lang_end
                    if cur.at(i) in "\r\n" and i < cur.n:
                        pair = cur.at(i + 1) in "\r\n" and cur.at(i + 1) != cur.at(i)
                        i += 2 if pair and i + 1 < cur.n else 1
                    i -= 1
            elif char == "!":
                if cur.at(i + 1) != "[":
                    raise _reserved(char)
                kind = "custom_emoji"
                i += 1
            elif char == "\n":
                out.append("\n")
                utf16 += 1
                kind = None
                if cur.at(i + 1) == ">":
                    i += 1
                    if not in_quote:
                        kind, in_quote = "blockquote", True
            elif char == ">" and i == 0:
                kind, in_quote = "blockquote", True
            else:
                raise _reserved(char)
            if kind is not None:
                stack.append(_Open(kind, argument, utf16, cur.byte_offset(begin), len(out)))
            i += 1
            continue

        top = stack[-1]
        if char == "\n" and top.kind != "blockquote":
            raise EntityParseError(
                f"Can't find end of {_V2_NAMES[top.kind]} entity at byte offset {top.byte_pos}"
            )
        skip = utf16 == top.offset
        extra: dict[str, Any] = {}
        kind = top.kind
        if kind in ("underline", "spoiler"):
            i += 1
        elif kind == "pre":
            i += 2
            extra = dict(top.argument)
        elif kind == "text_link":
            if cur.at(i + 1) != "(":
                url = "".join(out[top.out_pos :])
            else:
                url_begin = i + 2
                url, i = _read_url(cur, url_begin)
                if cur.at(i) != ")":
                    raise EntityParseError(
                        f"Can't find end of a URL at byte offset {cur.byte_offset(url_begin)}"
                    )
            link = _link_entity(top.offset, utf16 - top.offset, url)
            if link is None:
                skip = True
            else:
                kind = link.pop("type")
                extra = {k: v for k, v in link.items() if k not in ("offset", "length")}
        elif kind == "custom_emoji":
            if cur.at(i + 1) != "(":
                raise EntityParseError("Custom emoji entity must contain a tg://emoji URL")
            url_begin = i + 2
            url, i = _read_url(cur, url_begin)
            if cur.at(i) != ")":
                raise EntityParseError(
                    "Can't find end of a custom emoji URL at byte offset "
                    f"{cur.byte_offset(url_begin)}"
                )
            emoji_id = url.removeprefix("tg://emoji?id=")
            if not url.startswith("tg://emoji?id=") or not emoji_id.isdigit():
                raise EntityParseError("Invalid custom emoji identifier specified")
            extra = {"custom_emoji_id": emoji_id}
        elif kind == "blockquote":
            in_quote = False
            if top.argument.get("expandable"):
                kind = "expandable_blockquote"
            if char == "|":
                i += 1  # the closing "||" of an expandable quote
            else:
                out.append(char)  # the newline that ended the quote stays in the text
                utf16 += 1
        if not skip:
            trailing_newline = 1 if top.kind == "blockquote" and char == "\n" else 0
            length = utf16 - top.offset - trailing_newline
            if length > 0:
                entities.append(_entity(kind, top.offset, length, **extra))
        stack.pop()
        i += 1

    if in_quote and stack and stack[-1].kind == "blockquote":
        top = stack.pop()
        length = utf16 - top.offset
        if length:
            kind = "expandable_blockquote" if top.argument.get("expandable") else "blockquote"
            entities.append(_entity(kind, top.offset, length))
    if stack:
        top = stack[-1]
        raise EntityParseError(
            f"Can't find end of {_V2_NAMES[top.kind]} entity at byte offset {top.byte_pos}"
        )
    return FormattedText("".join(out), _sorted(entities))


# ------------------------------------------------------------------ legacy Markdown


def parse_markdown(text: str) -> FormattedText:
    cur = _Cursor(text)
    out: list[str] = []
    entities: list[dict[str, Any]] = []
    utf16 = 0
    i = 0
    while i < cur.n:
        char = text[i]
        if char == "\\" and cur.at(i + 1) in "_*`[":
            out.append(cur.at(i + 1))
            utf16 += 1
            i += 2
            continue
        if char not in "_*`[":
            out.append(char)
            utf16 += _width(char)
            i += 1
            continue
        begin = i
        end_char = "]" if char == "[" else char
        i += 1
        language = ""
        is_pre = False
        if char == "`" and cur.at(i) == "`" and cur.at(i + 1) == "`":
            i += 2
            is_pre = True
            lang_end = i
            while cur.at(lang_end) not in _SPACES and cur.at(lang_end) != "`":
                lang_end += 1
            if i != lang_end and lang_end < cur.n and cur.at(lang_end) != "`":
                language = text[i:lang_end]
                i = lang_end
            if cur.at(i) in "\r\n" and i < cur.n:
                pair = cur.at(i + 1) in "\r\n" and cur.at(i + 1) != cur.at(i)
                i += 2 if pair and i + 1 < cur.n else 1
        offset = utf16
        while i < cur.n and (
            cur.at(i) != end_char or (is_pre and cur.at(i + 1) + cur.at(i + 2) != "``")
        ):
            out.append(cur.at(i))
            utf16 += _width(cur.at(i))
            i += 1
        if i >= cur.n:
            raise EntityParseError(
                f"Can't find end of the entity starting at byte offset {cur.byte_offset(begin)}"
            )
        length = utf16 - offset
        if length:
            if char == "_":
                entities.append(_entity("italic", offset, length))
            elif char == "*":
                entities.append(_entity("bold", offset, length))
            elif char == "[":
                url = text[begin + 1 : i]
                if cur.at(i + 1) == "(":
                    i += 2
                    start = i
                    while i < cur.n and cur.at(i) != ")":
                        i += 1
                    url = text[start:i]
                link = _link_entity(offset, length, url)
                if link is not None:
                    entities.append(link)
            elif is_pre:
                extra = {"language": language} if language else {}
                entities.append(_entity("pre", offset, length, **extra))
            else:
                entities.append(_entity("code", offset, length))
        if is_pre:
            i += 2
        i += 1
    return FormattedText("".join(out), _sorted(entities))


def parse(
    text: str, parse_mode: str | None, entities: list[dict[str, Any]] | None = None
) -> FormattedText:
    """Apply ``parse_mode`` (None/"" → plain text with the explicit ``entities``)."""
    if parse_mode == "HTML":
        return parse_html(text)
    if parse_mode == "MarkdownV2":
        return parse_markdown_v2(text)
    if parse_mode == "Markdown":
        return parse_markdown(text)
    return FormattedText(text, list(entities or []))
