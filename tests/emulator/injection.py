"""What users do: messages, commands, button presses, edits, media — queued as updates.

Mixed into BotApiEmulator. Every method returns the Update dict it queued. Messages get
ids from the chat's shared sequence, so the bot sees realistic, increasing message_ids.
"""

from __future__ import annotations

import copy
import itertools
import time
from typing import Any

from .models import TgUser
from .updates import UpdateQueue
from .world import ChatState, Topic, World

DEFAULT_GROUP_USER = TgUser(10_001, first_name="Gianna", username="gianna_test")
_query_ids = itertools.count(1)


class UserActions:
    world: World
    updates: UpdateQueue
    injected: list[dict[str, Any]]

    # ---------------------------------------------------------------- set-up

    def add_private_chat(self, user: TgUser) -> dict[str, Any]:
        """Register a user who has started the bot (so the bot may message them)."""
        return self.world.ensure_private(user).to_chat()

    def add_group(
        self,
        chat_id: int,
        title: str | None = None,
        *,
        chat_type: str = "supergroup",
        is_forum: bool = False,
        username: str | None = None,
    ) -> dict[str, Any]:
        chat = self.world.ensure_group(
            chat_id, chat_type=chat_type, title=title, is_forum=is_forum, username=username
        )
        return chat.to_chat()

    def add_member(self, chat_id: int, user: TgUser, status: str = "member") -> None:
        """Make getChatMember report ``status`` (member, administrator, creator, left, ...)."""
        self.world.users[user.id] = user
        self._chat(chat_id).members[user.id] = status

    def remove_member(self, chat_id: int, user_id: int) -> None:
        self._chat(chat_id).members[user_id] = "left"

    def add_topic(self, chat_id: int, name: str, icon_color: int = 7322096) -> int:
        """A topic created by a user; returns its message_thread_id."""
        chat = self._chat(chat_id)
        if not chat.is_forum:
            raise ValueError(f"chat {chat_id} is not a forum")
        created = {"name": name, "icon_color": icon_color}
        service = self.world.new_message(
            chat, DEFAULT_GROUP_USER.to_dict(), {"forum_topic_created": created}
        )
        thread_id = service["message_id"]
        service |= {"message_thread_id": thread_id, "is_topic_message": True}
        chat.topics[thread_id] = Topic(thread_id, name, icon_color)
        return thread_id

    # -------------------------------------------------------------- messages

    def send_text(
        self,
        chat_id: int,
        text: str,
        user: TgUser | None = None,
        chat_type: str = "private",
        thread_id: int | None = None,
        reply_to: int | None = None,
        *,
        entities: list[dict[str, Any]] | None = None,
        is_forum: bool | None = None,
    ) -> dict[str, Any]:
        content: dict[str, Any] = {"text": text}
        if entities:
            content["entities"] = entities
        return self._user_message(
            chat_id, content, user, chat_type, thread_id, reply_to, is_forum=is_forum
        )

    def send_command(
        self,
        chat_id: int,
        command: str = "/start",
        user: TgUser | None = None,
        chat_type: str = "private",
        thread_id: int | None = None,
        *,
        is_forum: bool | None = None,
    ) -> dict[str, Any]:
        """``command`` may carry arguments: "/start deep-link-payload"."""
        if not command.startswith("/"):
            command = "/" + command
        length = len(command.split(maxsplit=1)[0].encode("utf-16-le")) // 2
        entity = {"type": "bot_command", "offset": 0, "length": length}
        return self.send_text(
            chat_id, command, user, chat_type, thread_id, entities=[entity], is_forum=is_forum
        )

    def edit_text(
        self, chat_id: int, message_id: int, new_text: str, user: TgUser | None = None
    ) -> dict[str, Any]:
        chat = self._chat(chat_id)
        message = chat.messages.get(message_id)
        if message is None or message.get("from", {}).get("is_bot"):
            raise LookupError(f"no user message {message_id} in chat {chat_id}")
        if user is not None and message["from"]["id"] != user.id:
            raise ValueError("users can only edit their own messages")
        message["text"] = new_text
        message.pop("entities", None)
        message["edit_date"] = int(time.time())
        return self._push({"edited_message": copy.deepcopy(message)})

    def press_button(
        self, chat_id: int, message_id: int, callback_data: str, user: TgUser | None = None
    ) -> dict[str, Any]:
        """Press an inline button of a bot message; it must really have that button."""
        chat = self._chat(chat_id)
        message = chat.messages.get(message_id)
        if message is None:
            raise LookupError(f"no message {message_id} in chat {chat_id}")
        keyboard = (message.get("reply_markup") or {}).get("inline_keyboard") or []
        available = [b.get("callback_data") for row in keyboard for b in row]
        if callback_data not in available:
            raise LookupError(
                f"message {message_id} has no button with callback_data {callback_data!r}; "
                f"available: {available}"
            )
        sender = user or self._default_user(chat)
        query_id = f"{chat.id}{next(_query_ids):08d}"
        self.world.callback_queries[query_id] = False
        query = {
            "id": query_id,
            "from": sender.to_dict(),
            "message": copy.deepcopy(message),
            "chat_instance": str(abs(hash(("chat_instance", chat.id)))),
            "data": callback_data,
        }
        self.world.users[sender.id] = sender
        return self._push({"callback_query": query})

    def react(
        self, chat_id: int, message_id: int, emoji: str = "👍", user: TgUser | None = None
    ) -> dict[str, Any]:
        """A message_reaction update (only delivered if the bot asked for it)."""
        chat = self._chat(chat_id)
        sender = user or self._default_user(chat)
        reaction = {
            "chat": chat.to_chat(),
            "message_id": message_id,
            "user": sender.to_dict(),
            "date": int(time.time()),
            "old_reaction": [],
            "new_reaction": [{"type": "emoji", "emoji": emoji}],
        }
        return self._push({"message_reaction": reaction})

    def inject_update(self, body: dict[str, Any]) -> dict[str, Any]:
        """Queue any update body, e.g. {"my_chat_member": {...}}; update_id is assigned."""
        return self._push(copy.deepcopy(body))

    # ----------------------------------------------------------------- media

    def send_photo(
        self,
        chat_id: int,
        content: bytes = b"\xff\xd8\xff\xe0emulated-jpeg",
        caption: str | None = None,
        user: TgUser | None = None,
        **where: Any,
    ) -> dict[str, Any]:
        stored = self.world.store_file(content, kind="photo", mime_type="image/jpeg")
        self.world.alias_file(stored.file_id + "-thumb", stored)
        base = {"file_unique_id": stored.file_unique_id, "file_size": len(content)}
        photo = [
            base | {"file_id": stored.file_id + "-thumb", "width": 90, "height": 68},
            base | {"file_id": stored.file_id, "width": 1280, "height": 960},
        ]
        body: dict[str, Any] = {"photo": photo}
        if caption:
            body["caption"] = caption
        return self._user_message(chat_id, body, user, **where)

    def send_document(
        self,
        chat_id: int,
        file_name: str = "document.pdf",
        content: bytes = b"%PDF-1.4 emulated",
        mime_type: str | None = "application/pdf",
        caption: str | None = None,
        user: TgUser | None = None,
        **where: Any,
    ) -> dict[str, Any]:
        stored = self.world.store_file(
            content, kind="document", file_name=file_name, mime_type=mime_type
        )
        document = self._file_fields(stored.file_id) | {"file_name": file_name}
        if mime_type:
            document["mime_type"] = mime_type
        body: dict[str, Any] = {"document": document}
        if caption:
            body["caption"] = caption
        return self._user_message(chat_id, body, user, **where)

    def send_voice(
        self,
        chat_id: int,
        duration: int = 3,
        content: bytes = b"OggS emulated voice",
        user: TgUser | None = None,
        **where: Any,
    ) -> dict[str, Any]:
        stored = self.world.store_file(content, kind="voice", mime_type="audio/ogg")
        voice = self._file_fields(stored.file_id) | {
            "duration": duration,
            "mime_type": "audio/ogg",
        }
        return self._user_message(chat_id, {"voice": voice}, user, **where)

    def send_video_note(
        self,
        chat_id: int,
        duration: int = 5,
        length: int = 240,
        content: bytes = b"emulated video note",
        user: TgUser | None = None,
        **where: Any,
    ) -> dict[str, Any]:
        stored = self.world.store_file(content, kind="video_note", mime_type="video/mp4")
        note = self._file_fields(stored.file_id) | {"duration": duration, "length": length}
        return self._user_message(chat_id, {"video_note": note}, user, **where)

    def send_sticker(
        self, chat_id: int, emoji: str = "👍", user: TgUser | None = None, **where: Any
    ) -> dict[str, Any]:
        stored = self.world.store_file(b"RIFF emulated webp", kind="sticker")
        sticker = self._file_fields(stored.file_id) | {
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": emoji,
        }
        return self._user_message(chat_id, {"sticker": sticker}, user, **where)

    def send_location(
        self,
        chat_id: int,
        latitude: float = 45.3642,
        longitude: float = 9.6858,
        user: TgUser | None = None,
        **where: Any,
    ) -> dict[str, Any]:
        location = {"latitude": latitude, "longitude": longitude}
        return self._user_message(chat_id, {"location": location}, user, **where)

    def send_contact(
        self,
        chat_id: int,
        phone_number: str = "+390373000000",
        first_name: str | None = None,
        last_name: str | None = None,
        user: TgUser | None = None,
        *,
        user_id: int | None = None,
        **where: Any,
    ) -> dict[str, Any]:
        """By default the sender shares their own contact (KeyboardButton request_contact)."""
        chat = self.world.chats.get(chat_id)
        sender = user or (self._default_user(chat) if chat else TgUser(chat_id))
        contact: dict[str, Any] = {
            "phone_number": phone_number,
            "first_name": first_name or sender.first_name,
            "user_id": user_id if user_id is not None else sender.id,
        }
        if last_name or (first_name is None and sender.last_name):
            contact["last_name"] = last_name or sender.last_name
        return self._user_message(chat_id, {"contact": contact}, sender, **where)

    # --------------------------------------------------------------- helpers

    def _chat(self, chat_id: int) -> ChatState:
        chat = self.world.chats.get(chat_id)
        if chat is None:
            raise LookupError(f"unknown chat {chat_id}; a user must write there first")
        return chat

    def _default_user(self, chat: ChatState) -> TgUser:
        if chat.type == "private":
            return self.world.users.get(chat.id) or TgUser(chat.id, first_name=f"User{chat.id}")
        return DEFAULT_GROUP_USER

    def _file_fields(self, file_id: str) -> dict[str, Any]:
        stored = self.world.files[file_id]
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.data),
        }

    def _user_message(
        self,
        chat_id: int,
        content: dict[str, Any],
        user: TgUser | None,
        chat_type: str = "private",
        thread_id: int | None = None,
        reply_to: int | None = None,
        *,
        is_forum: bool | None = None,
    ) -> dict[str, Any]:
        chat = self.world.chats.get(chat_id)
        if chat is None and chat_type == "private":
            chat = self.world.ensure_private(user or TgUser(chat_id, first_name=f"User{chat_id}"))
        elif chat is None:
            forum = is_forum if is_forum is not None else (thread_id is not None)
            chat = self.world.ensure_group(chat_id, chat_type=chat_type, is_forum=forum)
        sender = user or self._default_user(chat)
        if chat.type == "private" and sender.id != chat.id:
            raise ValueError(f"private chat {chat.id} belongs to user {chat.id}, not {sender.id}")
        self.world.users[sender.id] = sender
        if chat.type != "private" and chat.members.get(sender.id) in (None, "left"):
            chat.members[sender.id] = "member"  # writing in a group implies membership
        if thread_id is not None and chat.is_forum and thread_id != 1:
            topic = chat.topics.get(thread_id)
            if topic is not None and topic.deleted:
                raise ValueError(f"topic {thread_id} of chat {chat_id} was deleted")
            if topic is None:
                chat.topics[thread_id] = Topic(thread_id, f"Topic {thread_id}", 7322096)
        message = self.world.new_message(
            chat, sender.to_dict(), content, thread_id=thread_id, reply_to=reply_to
        )
        return self._push({"message": copy.deepcopy(message)})

    def _push(self, body: dict[str, Any]) -> dict[str, Any]:
        update = self.updates.push(body)
        self.injected.append(update)
        return update
