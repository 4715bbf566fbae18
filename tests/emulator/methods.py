"""Bot API method implementations over the emulated World (already validated params).

Each ``_api_<method>`` answers what Telegram would, including its runtime errors ("chat
not found", "message is not modified", ...). Methods without an implementation get a
spec-shaped generic answer from ``_generic``.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from typing import Any

from . import formatting
from .models import ApiError, UploadedFile, bad_request
from .spec import ARRAY_PREFIX, BotApiSpec
from .synth import synthesize
from .updates import UpdateQueue
from .webhook import WebhookSender
from .world import (
    ACTIVE_STATUSES,
    GENERAL_TOPIC_ID,
    SERVICE_KEYS,
    ChatState,
    StoredFile,
    Topic,
    World,
    snapshot,
)

Params = dict[str, Any]
Files = dict[str, UploadedFile]
# (method, chat, message, request params): called for every message the bot creates/edits
MessageListener = Callable[[str, ChatState, dict[str, Any], Params], None]

MEDIA_METHODS = {
    "sendPhoto": "photo",
    "sendDocument": "document",
    "sendAudio": "audio",
    "sendVideo": "video",
    "sendVoice": "voice",
    "sendAnimation": "animation",
    "sendVideoNote": "video_note",
    "sendSticker": "sticker",
}
_MEDIA_GROUP_TYPES = {"photo", "video", "document", "audio"}
_DEFAULT_MIME = {
    "photo": "image/jpeg",
    "audio": "audio/mpeg",
    "video": "video/mp4",
    "voice": "audio/ogg",
    "animation": "video/mp4",
    "video_note": "video/mp4",
    "sticker": "image/webp",
}
_NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)
DEFAULT_TOPIC_COLOR = 7322096


def _inline_markup(params: Params) -> dict[str, Any] | None:
    # Message.reply_markup only ever carries inline keyboards; reply keyboards are not echoed.
    markup = params.get("reply_markup")
    if isinstance(markup, dict) and "inline_keyboard" in markup:
        return copy.deepcopy(markup)
    return None


def _formatted(params: Params, key: str, entities_key: str) -> dict[str, Any]:
    """Parse ``params[key]`` per parse_mode into {key: text, entities_key: [...]}."""
    mode = params.get("parse_mode") or None
    parsed = formatting.parse(params[key], mode, params.get(entities_key))
    content: dict[str, Any] = {key: parsed.text}
    if parsed.entities:
        content[entities_key] = parsed.entities
    return content


class BotMethods:
    def __init__(
        self,
        *,
        spec: BotApiSpec,
        world: World,
        updates: UpdateQueue,
        webhook: WebhookSender,
        on_message: MessageListener,
    ):
        self.spec = spec
        self.world = world
        self.updates = updates
        self.webhook = webhook
        self.on_message = on_message
        self.callback_answers: list[Params] = []
        self.chat_actions: list[Params] = []

    async def call(self, method: str, params: Params, files: Files) -> Any:
        handler = getattr(self, f"_api_{method}", None)
        if handler is not None:
            return await handler(params, files)
        if method in MEDIA_METHODS:
            return self._send_media(method, params, files)
        return self._generic(method, params)

    @property
    def bot(self) -> dict[str, Any]:
        return self.world.bot_user

    # ------------------------------------------------------------------ helpers

    def _chat(self, params: Params, key: str = "chat_id") -> ChatState:
        return self.world.resolve(params.get(key))

    @staticmethod
    def _thread(chat: ChatState, params: Params) -> int | None:
        thread_id = params.get("message_thread_id")
        if thread_id is None:
            return None
        if chat.is_forum:
            if thread_id == GENERAL_TOPIC_ID:
                return None
            if chat.live_topic(thread_id) is None:
                raise bad_request("message thread not found")
        elif thread_id not in chat.messages:
            raise bad_request("message thread not found")
        return thread_id

    def _reply_target(self, chat: ChatState, params: Params) -> int | None:
        reply = params.get("reply_parameters")
        if not reply:
            return None
        target = chat if reply.get("chat_id") is None else self.world.resolve(reply["chat_id"])
        if reply["message_id"] in target.messages and target is chat:
            return reply["message_id"]
        if reply.get("allow_sending_without_reply"):
            return None
        raise bad_request("message to be replied not found")

    def _message(self, chat: ChatState, params: Params, content: dict[str, Any]) -> dict[str, Any]:
        thread_id = self._thread(chat, params)
        reply_to = self._reply_target(chat, params)
        message = self.world.new_message(
            chat, dict(self.bot), content, thread_id=thread_id, reply_to=reply_to
        )
        markup = _inline_markup(params)
        if markup:
            message["reply_markup"] = markup
        if params.get("protect_content"):
            message["has_protected_content"] = True
        if isinstance(params.get("link_preview_options"), dict):
            message["link_preview_options"] = copy.deepcopy(params["link_preview_options"])
        return message

    def _emit(self, method: str, chat: ChatState, message: dict[str, Any], params: Params) -> dict:
        self.on_message(method, chat, message, params)
        return copy.deepcopy(message)

    def _caption(self, params: Params) -> dict[str, Any]:
        if not params.get("caption"):
            return {}
        return _formatted(params, "caption", "caption_entities")

    def _edited_message(self, params: Params) -> tuple[ChatState, dict[str, Any]] | None:
        """The bot message an edit targets; None for inline messages."""
        if params.get("inline_message_id"):
            return None
        if params.get("chat_id") is None or params.get("message_id") is None:
            raise bad_request("message identifier is not specified")
        chat = self._chat(params)
        message = chat.messages.get(params["message_id"])
        if message is None:
            raise bad_request("message to edit not found")
        if message.get("from", {}).get("id") != self.bot["id"]:
            raise bad_request("message can't be edited")
        return chat, message

    def _finish_edit(
        self,
        method: str,
        chat: ChatState,
        message: dict[str, Any],
        changes: dict[str, Any],
        params: Params,
    ) -> dict[str, Any]:
        markup = _inline_markup(params)
        current = {k: message.get(k) for k in changes}
        current["reply_markup"] = message.get("reply_markup")
        wanted = {**changes, "reply_markup": markup}
        if current == wanted:
            raise bad_request(_NOT_MODIFIED)
        for key, value in changes.items():
            if value is None:
                message.pop(key, None)
            else:
                message[key] = value
        # Telegram drops the inline keyboard when an edit does not repeat it.
        if markup:
            message["reply_markup"] = markup
        else:
            message.pop("reply_markup", None)
        message["edit_date"] = int(time.time())
        return self._emit(method, chat, message, params)

    # ---------------------------------------------------------------- files

    def _input_file(self, value: Any, files: Files, kind: str) -> StoredFile:
        if isinstance(value, str) and value.startswith("attach://"):
            value = files[value.removeprefix("attach://")]
        if isinstance(value, UploadedFile):
            return self.world.store_file(
                value.data,
                kind=kind,
                file_name=value.filename,
                mime_type=value.content_type or _DEFAULT_MIME.get(kind),
            )
        if isinstance(value, str) and value in self.world.files:
            return self.world.files[value]
        if isinstance(value, str) and value.startswith(("http://", "https://")):
            name = value.rstrip("/").rsplit("/", 1)[-1] or None
            return self.world.store_file(b"", kind=kind, file_name=name)
        raise bad_request("wrong file identifier/HTTP URL specified")

    def _media_object(self, kind: str, stored: StoredFile, params: Params) -> Any:
        base = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.data),
        }
        if kind == "photo":
            thumb_id = stored.file_id + "-thumb"
            self.world.alias_file(thumb_id, stored)
            thumb = base | {"file_id": thumb_id, "file_unique_id": stored.file_unique_id + "t"}
            return [thumb | {"width": 90, "height": 68}, base | {"width": 1280, "height": 960}]
        named = {"file_name": stored.file_name} if stored.file_name else {}
        mime = {"mime_type": stored.mime_type} if stored.mime_type else {}
        duration = {"duration": params.get("duration") or 1}
        size = {"width": params.get("width") or 640, "height": params.get("height") or 360}
        extra: dict[str, Any] = {
            "document": named | mime,
            "audio": duration | named | mime,
            "video": size | duration | named | mime,
            "voice": duration | mime,
            "animation": size | duration | named | mime,
            "video_note": {"length": params.get("length") or 240} | duration,
            "sticker": {
                "type": "regular",
                "width": 512,
                "height": 512,
                "is_animated": False,
                "is_video": False,
            }
            | ({"emoji": params["emoji"]} if params.get("emoji") else {}),
        }[kind]
        return base | extra

    def _send_media(self, method: str, params: Params, files: Files) -> dict[str, Any]:
        kind = MEDIA_METHODS[method]
        chat = self._chat(params)
        stored = self._input_file(params[kind], files, kind)
        content: dict[str, Any] = {kind: self._media_object(kind, stored, params)}
        content |= self._caption(params)
        if params.get("has_spoiler"):
            content["has_media_spoiler"] = True
        return self._emit(method, chat, self._message(chat, params, content), params)

    # --------------------------------------------------------- basic & updates

    async def _api_getMe(self, params: Params, files: Files) -> Any:
        return dict(self.bot)

    async def _api_logOut(self, params: Params, files: Files) -> Any:
        return True

    async def _api_close(self, params: Params, files: Files) -> Any:
        return True

    async def _api_getUpdates(self, params: Params, files: Files) -> Any:
        if self.webhook.active:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        if "allowed_updates" in params:
            self.updates.set_allowed(params["allowed_updates"])
        return await self.updates.poll(
            params.get("offset"), params.get("limit"), params.get("timeout")
        )

    async def _api_setWebhook(self, params: Params, files: Files) -> Any:
        url = params["url"]
        if params.get("drop_pending_updates"):
            self.updates.drop_all()
        if "allowed_updates" in params:
            self.updates.set_allowed(params["allowed_updates"])
        if not url:
            await self.webhook.clear()
            return True
        if not url.startswith(("http://", "https://")):
            raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
        self.webhook.configure(url, params.get("secret_token"), params.get("max_connections"))
        return True

    async def _api_deleteWebhook(self, params: Params, files: Files) -> Any:
        if params.get("drop_pending_updates"):
            self.updates.drop_all()
        await self.webhook.clear()
        return True

    async def _api_getWebhookInfo(self, params: Params, files: Files) -> Any:
        return self.webhook.info()

    # --------------------------------------------------------------- sending

    async def _api_sendMessage(self, params: Params, files: Files) -> Any:
        chat = self._chat(params)
        content = _formatted(params, "text", "entities")
        return self._emit("sendMessage", chat, self._message(chat, params, content), params)

    async def _api_sendMediaGroup(self, params: Params, files: Files) -> Any:
        chat = self._chat(params)
        group_id = f"{chat.id}{time.monotonic_ns()}"[-18:]
        messages = []
        for item in params["media"]:
            kind = item["type"]
            if kind not in _MEDIA_GROUP_TYPES:
                raise bad_request("wrong type of the media in the media group")
            stored = self._input_file(item["media"], files, kind)
            content: dict[str, Any] = {
                kind: self._media_object(kind, stored, item),
                "media_group_id": group_id,
            }
            if item.get("caption"):
                content |= _formatted(item, "caption", "caption_entities")
            message = self._message(chat, params, content)
            messages.append(self._emit("sendMediaGroup", chat, message, params))
        return messages

    async def _api_sendLocation(self, params: Params, files: Files) -> Any:
        chat = self._chat(params)
        location = {k: params[k] for k in ("latitude", "longitude", "horizontal_accuracy",
                                          "live_period", "heading") if k in params}  # fmt: skip
        message = self._message(chat, params, {"location": location})
        return self._emit("sendLocation", chat, message, params)

    async def _api_sendContact(self, params: Params, files: Files) -> Any:
        chat = self._chat(params)
        contact = {k: params[k] for k in ("phone_number", "first_name", "last_name", "vcard")
                   if k in params}  # fmt: skip
        message = self._message(chat, params, {"contact": contact})
        return self._emit("sendContact", chat, message, params)

    async def _api_sendDice(self, params: Params, files: Files) -> Any:
        chat = self._chat(params)
        dice = {"emoji": params.get("emoji") or "🎲", "value": 1}
        return self._emit("sendDice", chat, self._message(chat, params, {"dice": dice}), params)

    async def _api_sendPoll(self, params: Params, files: Files) -> Any:
        chat = self._chat(params)
        options = [
            {"text": option.get("text", ""), "voter_count": 0} for option in params["options"]
        ]
        poll = synthesize(
            self.spec,
            "Poll",
            {
                "id": f"poll{time.monotonic_ns()}",
                "question": params["question"],
                "options": options,
                "is_anonymous": params.get("is_anonymous", True),
                "type": params.get("type") or "regular",
                "allows_multiple_answers": bool(params.get("allows_multiple_answers")),
            },
        )
        return self._emit("sendPoll", chat, self._message(chat, params, {"poll": poll}), params)

    async def _api_sendChatAction(self, params: Params, files: Files) -> Any:
        chat = self._chat(params)
        self._thread(chat, params)
        self.chat_actions.append(dict(params))
        return True

    async def _api_copyMessage(self, params: Params, files: Files) -> Any:
        return {"message_id": self._copy(params, params["message_id"], forward=False)}

    async def _api_copyMessages(self, params: Params, files: Files) -> Any:
        return [
            {"message_id": self._copy(params, mid, forward=False)} for mid in params["message_ids"]
        ]

    async def _api_forwardMessage(self, params: Params, files: Files) -> Any:
        target = self._chat(params)
        return copy.deepcopy(target.messages[self._copy(params, params["message_id"], True)])

    async def _api_forwardMessages(self, params: Params, files: Files) -> Any:
        return [{"message_id": self._copy(params, mid, True)} for mid in params["message_ids"]]

    def _copy(self, params: Params, message_id: int, forward: bool) -> int:
        source_chat = self._chat(params, "from_chat_id")
        target = self._chat(params)
        source = source_chat.messages.get(message_id)
        verb = "forward" if forward else "copy"
        if source is None:
            raise bad_request(f"message to {verb} not found")
        content = World.content_of(source)
        if SERVICE_KEYS & content.keys():
            raise bad_request(f"message can't be {verb}ed".replace("copyed", "copied"))
        if forward:
            sender = source.get("from") or {}
            if source_chat.type == "channel":
                origin = {"type": "channel", "chat": source_chat.to_chat(),
                          "message_id": message_id, "date": source["date"]}  # fmt: skip
            else:
                origin = {"type": "user", "sender_user": sender, "date": source["date"]}
            content["forward_origin"] = origin
        elif "caption" in params:
            for key in ("caption", "caption_entities"):
                content.pop(key, None)
            content |= self._caption(params)
        method = "forwardMessage" if forward else "copyMessage"
        message = self._message(target, params, content)
        self._emit(method, target, message, params)
        return message["message_id"]

    # --------------------------------------------------------------- editing

    async def _api_editMessageText(self, params: Params, files: Files) -> Any:
        found = self._edited_message(params)
        if found is None:
            return True
        chat, message = found
        if "text" not in message:
            raise bad_request("there is no text in the message to edit")
        content = _formatted(params, "text", "entities")
        changes = {"text": content["text"], "entities": content.get("entities")}
        if isinstance(params.get("link_preview_options"), dict):
            message["link_preview_options"] = copy.deepcopy(params["link_preview_options"])
        return self._finish_edit("editMessageText", chat, message, changes, params)

    async def _api_editMessageCaption(self, params: Params, files: Files) -> Any:
        found = self._edited_message(params)
        if found is None:
            return True
        chat, message = found
        if "text" in message:
            raise bad_request("there is no caption in the message to edit")
        content = self._caption(params)
        changes = {
            "caption": content.get("caption"),
            "caption_entities": content.get("caption_entities"),
        }
        return self._finish_edit("editMessageCaption", chat, message, changes, params)

    async def _api_editMessageReplyMarkup(self, params: Params, files: Files) -> Any:
        found = self._edited_message(params)
        if found is None:
            return True
        chat, message = found
        return self._finish_edit("editMessageReplyMarkup", chat, message, {}, params)

    async def _api_editMessageMedia(self, params: Params, files: Files) -> Any:
        found = self._edited_message(params)
        if found is None:
            return True
        chat, message = found
        media = params["media"]
        kind = media["type"]
        stored = self._input_file(media["media"], files, kind)
        changes: dict[str, Any] = {key: None for key in MEDIA_METHODS.values() if key in message}
        changes[kind] = self._media_object(kind, stored, media)
        caption = _formatted(media, "caption", "caption_entities") if media.get("caption") else {}
        changes["caption"] = caption.get("caption")
        changes["caption_entities"] = caption.get("caption_entities")
        return self._finish_edit("editMessageMedia", chat, message, changes, params)

    async def _api_deleteMessage(self, params: Params, files: Files) -> Any:
        chat = self._chat(params)
        if chat.messages.pop(params["message_id"], None) is None:
            raise bad_request("message to delete not found")
        return True

    async def _api_deleteMessages(self, params: Params, files: Files) -> Any:
        chat = self._chat(params)
        for message_id in params["message_ids"]:
            chat.messages.pop(message_id, None)
        return True

    # --------------------------------------------------- callbacks & commands

    async def _api_answerCallbackQuery(self, params: Params, files: Files) -> Any:
        query_id = params["callback_query_id"]
        if self.world.callback_queries.get(query_id, True):
            raise bad_request(
                "query is too old and response timeout expired or query ID is invalid"
            )
        self.world.callback_queries[query_id] = True
        self.callback_answers.append(dict(params))
        return True

    @staticmethod
    def _commands_key(params: Params) -> tuple[str, str]:
        scope = params.get("scope") or {"type": "default"}
        scope_key = ",".join(f"{k}={scope[k]}" for k in sorted(scope))
        return scope_key, params.get("language_code") or ""

    async def _api_setMyCommands(self, params: Params, files: Files) -> Any:
        self.world.commands[self._commands_key(params)] = copy.deepcopy(params["commands"])
        return True

    async def _api_getMyCommands(self, params: Params, files: Files) -> Any:
        return copy.deepcopy(self.world.commands.get(self._commands_key(params), []))

    async def _api_deleteMyCommands(self, params: Params, files: Files) -> Any:
        self.world.commands.pop(self._commands_key(params), None)
        return True

    # ------------------------------------------------------------------ files

    async def _api_getFile(self, params: Params, files: Files) -> Any:
        stored = self.world.files.get(params["file_id"])
        if stored is None:
            raise bad_request("invalid file_id")
        if len(stored.data) > 20 * 1024 * 1024:
            raise bad_request("file is too big")
        return stored.to_file() | {"file_id": params["file_id"]}

    # ------------------------------------------------------------------ forum

    def _topic(self, params: Params) -> tuple[ChatState, Any]:
        chat = self._chat(params)
        if not chat.is_forum:
            raise bad_request("the chat is not a forum")
        topic = chat.live_topic(params["message_thread_id"])
        if topic is None:
            raise bad_request("TOPIC_ID_INVALID")
        return chat, topic

    async def _api_createForumTopic(self, params: Params, files: Files) -> Any:
        chat = self._chat(params)
        if not chat.is_forum:
            raise bad_request("the chat is not a forum")
        color = params.get("icon_color") or DEFAULT_TOPIC_COLOR
        created = {"name": params["name"], "icon_color": color}
        if params.get("icon_custom_emoji_id"):
            created["icon_custom_emoji_id"] = params["icon_custom_emoji_id"]
        # The topic's id is the id of its service "topic created" message.
        service = self.world.new_message(chat, dict(self.bot), {"forum_topic_created": created})
        thread_id = service["message_id"]
        service["message_thread_id"] = thread_id
        service["is_topic_message"] = True
        topic = Topic(thread_id, params["name"], color, params.get("icon_custom_emoji_id"))
        chat.topics[thread_id] = topic
        return topic.to_dict()

    async def _api_editForumTopic(self, params: Params, files: Files) -> Any:
        _, topic = self._topic(params)
        name = params.get("name") or topic.name
        emoji = params.get("icon_custom_emoji_id", topic.icon_custom_emoji_id)
        if (name, emoji) == (topic.name, topic.icon_custom_emoji_id):
            raise bad_request("TOPIC_NOT_MODIFIED")
        topic.name, topic.icon_custom_emoji_id = name, emoji or None
        return True

    async def _api_closeForumTopic(self, params: Params, files: Files) -> Any:
        _, topic = self._topic(params)
        if topic.closed:
            raise bad_request("TOPIC_NOT_MODIFIED")
        topic.closed = True
        return True

    async def _api_reopenForumTopic(self, params: Params, files: Files) -> Any:
        _, topic = self._topic(params)
        if not topic.closed:
            raise bad_request("TOPIC_NOT_MODIFIED")
        topic.closed = False
        return True

    async def _api_deleteForumTopic(self, params: Params, files: Files) -> Any:
        chat, topic = self._topic(params)
        topic.deleted = True
        for message_id, message in list(chat.messages.items()):
            if message.get("message_thread_id") == topic.thread_id:
                del chat.messages[message_id]
        return True

    # ---------------------------------------------------------- chats & members

    async def _api_getChat(self, params: Params, files: Files) -> Any:
        chat = self._chat(params)
        extra: dict[str, Any] = chat.to_chat() | {"max_reaction_count": 11}
        if chat.pinned_message_id in chat.messages:
            extra["pinned_message"] = snapshot(chat.messages[chat.pinned_message_id])
        return synthesize(self.spec, "ChatFullInfo", extra)

    def _member(self, chat: ChatState, user_id: int) -> dict[str, Any]:
        user = self.world.user_dict(user_id)
        if user_id == self.bot["id"]:
            status = "member" if chat.type == "private" else "administrator"
        else:
            status = chat.members.get(user_id, "left")
        type_name = {
            "creator": "ChatMemberOwner",
            "administrator": "ChatMemberAdministrator",
            "member": "ChatMemberMember",
            "restricted": "ChatMemberRestricted",
            "left": "ChatMemberLeft",
            "kicked": "ChatMemberBanned",
        }[status]
        overrides: dict[str, Any] = {"status": status, "user": user}
        if status == "administrator":
            rights = self.spec.types["ChatMemberAdministrator"].fields
            overrides |= {k: True for k in rights if k.startswith("can_")}
            overrides["can_be_edited"] = False
        return synthesize(self.spec, type_name, overrides)

    async def _api_getChatMember(self, params: Params, files: Files) -> Any:
        return self._member(self._chat(params), params["user_id"])

    async def _api_getChatAdministrators(self, params: Params, files: Files) -> Any:
        chat = self._chat(params)
        admins = [uid for uid, s in chat.members.items() if s in ("creator", "administrator")]
        return [self._member(chat, uid) for uid in [*admins, self.bot["id"]]]

    async def _api_getChatMemberCount(self, params: Params, files: Files) -> Any:
        chat = self._chat(params)
        return sum(1 for s in chat.members.values() if s in ACTIVE_STATUSES) + 1

    async def _api_setMessageReaction(self, params: Params, files: Files) -> Any:
        chat = self._chat(params)
        if params["message_id"] not in chat.messages:
            raise bad_request("message to react not found")
        self.world.reactions[(chat.id, params["message_id"])] = params.get("reaction") or []
        return True

    async def _api_pinChatMessage(self, params: Params, files: Files) -> Any:
        chat = self._chat(params)
        if params["message_id"] not in chat.messages:
            raise bad_request("message to pin not found")
        chat.pinned_message_id = params["message_id"]
        return True

    async def _api_unpinChatMessage(self, params: Params, files: Files) -> Any:
        self._chat(params).pinned_message_id = None
        return True

    async def _api_unpinAllChatMessages(self, params: Params, files: Files) -> Any:
        self._chat(params).pinned_message_id = None
        return True

    # ---------------------------------------------------------------- generic

    def _generic(self, method: str, params: Params) -> Any:
        """Valid call to a method we do not model: a neutral answer of the right shape."""
        method_spec = self.spec.method(method)
        returns = method_spec.returns if method_spec else ("Boolean",)
        first = returns[0] if returns else "Boolean"
        if first in ("Message", "MessageId") and params.get("chat_id") is not None:
            chat = self._chat(params)
            content: dict[str, Any] = {}
            if isinstance(params.get("text"), str):
                content |= _formatted(params, "text", "entities")
            content |= self._caption(params)
            message = self._emit(method, chat, self._message(chat, params, content), params)
            return message if first == "Message" else {"message_id": message["message_id"]}
        if first == "Boolean" or "Boolean" in returns:
            return True
        if first.startswith(ARRAY_PREFIX):
            return []
        if first == "String":
            return "https://t.me/+emulator" if "Link" in method else ""
        return synthesize(self.spec, first)
