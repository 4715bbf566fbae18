"""Telegram's documented value limits, checked after the structural (spec) validation.

The spec only says a field is a String; Telegram additionally rejects e.g. a 65-byte
callback_data or a 4097-character message. These are the limits a bot realistically hits.
Descriptions mimic what the real Bot API answers; ``Problem.where`` says what exactly broke.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .formatting import PARSE_MODES, EntityParseError, parse
from .models import Problem

MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_DATA_BYTES = 64
MAX_CALLBACK_ANSWER = 200
MAX_COMMANDS = 100
CHAT_ACTIONS = frozenset(
    {
        "typing", "upload_photo", "record_video", "upload_video", "record_voice",
        "upload_voice", "upload_document", "choose_sticker", "find_location",
        "record_video_note", "upload_video_note",
    }
)  # fmt: skip
# InlineKeyboardButton: "Exactly one of the fields other than text, icon_custom_emoji_id,
# and style must be used to specify the type of the button."
_BUTTON_NON_ACTION = frozenset({"text", "icon_custom_emoji_id", "style"})
_COMMAND_RE = re.compile(r"[a-z0-9_]{1,32}")
_SECRET_RE = re.compile(r"[A-Za-z0-9_-]{1,256}")
# createForumTopic: "Color of the topic icon in RGB format. Currently, must be one of ..."
TOPIC_ICON_COLORS = frozenset({7322096, 16766590, 13338331, 9367192, 16749490, 16478047})
# ReactionTypeEmoji: "Reaction emoji. Currently, it can be one of ..." (Bot API 9.x).
REACTION_EMOJI = frozenset(
    {
        "❤", "👍", "👎", "🔥", "🥰", "👏", "😁", "🤔", "🤯", "😱", "🤬", "😢", "🎉", "🤩",
        "🤮", "💩", "🙏", "👌", "🕊", "🤡", "🥱", "🥴", "😍", "🐳", "❤\u200d🔥", "🌚", "🌭",
        "💯", "🤣", "⚡", "🍌", "🏆", "💔", "🤨", "😐", "🍓", "🍾", "💋", "🖕", "😈", "😴",
        "😭", "🤓", "👻", "👨\u200d💻", "👀", "🎃", "🙈", "😇", "😨", "🤝", "✍", "🤗", "🫡",
        "🎅", "🎄", "☃", "💅", "🤪", "🗿", "🆒", "💘", "🙉", "🦄", "😘", "💊", "🙊", "😎",
        "👾", "🤷\u200d♂", "🤷", "🤷\u200d♀", "😡",
    }
)  # fmt: skip
# setMessageReaction: "as non-premium users, bots can set up to one reaction per message".
MAX_BOT_REACTIONS = 1
# Which text a *_parse_mode field formats, when the name does not say it directly.
_PARSE_TARGETS = {"parse_mode": ("text", "caption", "message_text")}


def _formatted_length(
    container: dict[str, Any], text_key: str, mode_key: str, entities_key: str, path: str
) -> tuple[int | None, str, list[Problem]]:
    """Parse ``container[text_key]``; return its visible length (None if unparsable)."""
    text = container.get(text_key)
    if not isinstance(text, str):
        return None, "", []
    mode = container.get(mode_key) or None
    if mode not in PARSE_MODES:
        mode = None  # an invalid parse_mode is reported by check_parse_modes
    try:
        parsed = parse(text, mode, container.get(entities_key))
    except EntityParseError as exc:
        return None, "", [Problem(exc.description, f"{path}{text_key} ({mode})")]
    return len(parsed.text), parsed.text, []


def check_parse_modes(
    container: dict[str, Any], path: str = "", handled: frozenset[str] = frozenset()
) -> list[Problem]:
    """Every ``*parse_mode`` must be a known mode, and the text it formats must parse.

    ``handled`` names texts whose length is checked (and so parsed) by the caller.
    """
    problems: list[Problem] = []
    for key, value in container.items():
        if not key.endswith("parse_mode") or not isinstance(value, str) or value == "":
            continue  # "" is how clients say "no parse mode"; Telegram accepts it
        if value not in PARSE_MODES:
            problems.append(
                Problem("Bad Request: unsupported parse_mode", f"{path}{key}={value!r}")
            )
            continue
        targets = _PARSE_TARGETS.get(key, (key.removesuffix("_parse_mode"),))
        for target in targets:
            if target in container and target not in handled:
                problems += _formatted_length(container, target, key, "", path)[2]
    return problems


def _text_limits(
    container: dict[str, Any], key: str, maximum: int, path: str, *, required: bool
) -> list[Problem]:
    length, text, problems = _formatted_length(
        container, key, "parse_mode", "entities" if key != "caption" else "caption_entities", path
    )
    if problems or length is None:
        return problems
    where = f"{path}{key}: {length} characters after entity parsing"
    if required and not text.strip():
        return [Problem("Bad Request: message text is empty", where)]
    if length > maximum:
        reason = "message caption is too long" if key == "caption" else "message is too long"
        return [Problem(f"Bad Request: {reason}", f"{where}, max {maximum}")]
    return []


# ------------------------------------------------------------------ object checks


def _inline_button(button: dict[str, Any], path: str) -> list[Problem]:
    problems: list[Problem] = []
    actions = sorted(k for k in button if k not in _BUTTON_NON_ACTION)
    if not actions:
        problems.append(
            Problem(
                "Bad Request: can't parse inline keyboard button: "
                "Text buttons are unallowed in the inline keyboard",
                f"{path} has no action field",
            )
        )
    elif len(actions) > 1:
        problems.append(
            Problem(
                "Bad Request: can't parse inline keyboard button: "
                "exactly one of the optional fields must be used",
                f"{path} has {actions}",
            )
        )
    if not button.get("text"):
        problems.append(Problem("Bad Request: BUTTON_TEXT_INVALID", f"{path}.text is empty"))
    data = button.get("callback_data")
    if isinstance(data, str):
        size = len(data.encode("utf-8"))
        if not 1 <= size <= MAX_CALLBACK_DATA_BYTES:
            problems.append(
                Problem(
                    "Bad Request: BUTTON_DATA_INVALID",
                    f"{path}.callback_data is {size} bytes, allowed 1-{MAX_CALLBACK_DATA_BYTES}",
                )
            )
    return problems


def _bot_command(command: dict[str, Any], path: str) -> list[Problem]:
    problems: list[Problem] = []
    name = command.get("command")
    if isinstance(name, str) and not _COMMAND_RE.fullmatch(name):
        problems.append(
            Problem(
                "Bad Request: BOT_COMMAND_INVALID",
                f"{path}.command={name!r} must be 1-32 characters of [a-z0-9_]",
            )
        )
    description = command.get("description")
    if isinstance(description, str) and not 1 <= len(description) <= 256:
        problems.append(
            Problem(
                "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID",
                f"{path}.description has {len(description)} characters, allowed 1-256",
            )
        )
    return problems


def _media_caption(media: dict[str, Any], path: str) -> list[Problem]:
    return _text_limits(media, "caption", MAX_CAPTION, path + ".", required=False)


def _input_text_content(content: dict[str, Any], path: str) -> list[Problem]:
    return _text_limits(content, "message_text", MAX_TEXT, path + ".", required=True)


_OBJECT_CHECKS: dict[str, Callable[[dict[str, Any], str], list[Problem]]] = {
    "InlineKeyboardButton": _inline_button,
    "BotCommand": _bot_command,
    "InputTextMessageContent": _input_text_content,
}


def check_object(type_name: str, value: dict[str, Any], path: str) -> list[Problem]:
    handled: frozenset[str] = frozenset()
    problems: list[Problem] = []
    if type_name.startswith(("InputMedia", "InputPaidMedia")) and "caption" in value:
        handled = frozenset({"caption"})
        problems += _media_caption(value, path)
    if type_name == "InputTextMessageContent":
        handled = frozenset({"message_text"})
    problems = check_parse_modes(value, path + ".", handled) + problems
    check = _OBJECT_CHECKS.get(type_name)
    if check is not None:
        problems += check(value, path)
    return problems


# ------------------------------------------------------------------ method checks


def _reactions(reaction: Any) -> list[Problem]:
    if not isinstance(reaction, list):
        return []  # none given: the bot's reactions are removed, which is allowed
    problems: list[Problem] = []
    if len(reaction) > MAX_BOT_REACTIONS:
        problems.append(
            Problem(
                "Bad Request: REACTIONS_TOO_MANY",
                f"{len(reaction)} reactions, bots may set {MAX_BOT_REACTIONS}",
            )
        )
    for i, item in enumerate(reaction):
        kind = item.get("type") if isinstance(item, dict) else None
        if kind in ("paid", "custom_emoji"):
            # Bots can't use paid reactions; a custom emoji must already be on the message or
            # allowed by the chat's admins, and the emulator models neither.
            problems.append(Problem("Bad Request: REACTION_INVALID", f"reaction[{i}] is {kind}"))
        elif kind == "emoji" and item.get("emoji") not in REACTION_EMOJI:
            problems.append(
                Problem(
                    "Bad Request: REACTION_INVALID",
                    f"reaction[{i}].emoji={item.get('emoji')!r} is not an allowed reaction",
                )
            )
    return problems


def check_method(method: str, params: dict[str, Any]) -> list[Problem]:
    handled = {"caption"}
    if method in ("sendMessage", "editMessageText"):
        handled.add("text")
    problems = check_parse_modes(params, "", frozenset(handled))
    if method in ("sendMessage", "editMessageText"):
        problems += _text_limits(params, "text", MAX_TEXT, "", required=True)
    if "caption" in params:
        problems += _text_limits(params, "caption", MAX_CAPTION, "", required=False)
    if method == "answerCallbackQuery":
        text = params.get("text")
        if isinstance(text, str) and len(text) > MAX_CALLBACK_ANSWER:
            problems.append(
                Problem(
                    "Bad Request: MESSAGE_TOO_LONG",
                    f"text has {len(text)} characters, max {MAX_CALLBACK_ANSWER}",
                )
            )
    elif method == "setMyCommands":
        commands = params.get("commands")
        if isinstance(commands, list) and len(commands) > MAX_COMMANDS:
            problems.append(
                Problem(
                    "Bad Request: BOT_COMMANDS_TOO_MUCH",
                    f"{len(commands)} commands, max {MAX_COMMANDS}",
                )
            )
    elif method == "sendChatAction":
        action = params.get("action")
        if isinstance(action, str) and action not in CHAT_ACTIONS:
            problems.append(
                Problem("Bad Request: wrong parameter action in request", f"action={action!r}")
            )
    elif method == "setWebhook":
        secret = params.get("secret_token")
        if isinstance(secret, str) and not _SECRET_RE.fullmatch(secret):
            problems.append(
                Problem(
                    "Bad Request: secret token contains unallowed characters",
                    "secret_token must be 1-256 characters of [A-Za-z0-9_-]",
                )
            )
    elif method in ("createForumTopic", "editForumTopic"):
        name = params.get("name")
        if isinstance(name, str) and not 1 <= len(name) <= 128:
            problems.append(
                Problem("Bad Request: TOPIC_TITLE_INVALID", f"name has {len(name)} characters")
            )
        color = params.get("icon_color")
        if color is not None and color not in TOPIC_ICON_COLORS:
            problems.append(Problem("Bad Request: TOPIC_ICON_COLOR_INVALID", f"icon_color={color}"))
    elif method == "setMessageReaction":
        problems += _reactions(params.get("reaction"))
    elif method == "sendMediaGroup":
        media = params.get("media")
        if isinstance(media, list) and not 2 <= len(media) <= 10:
            problems.append(
                Problem(
                    "Bad Request: wrong number of media in media group",
                    f"{len(media)} items, allowed 2-10",
                )
            )
    return problems
