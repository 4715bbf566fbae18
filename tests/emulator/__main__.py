"""Run the emulator by hand: ``python -m tests.emulator --port 8081 [--token ...]``.

Point the bot at the printed URL (base_url=<url>/bot, base_file_url=<url>/file/bot) and
chat with it from this terminal: a line of text is sent as the demo user, "/cmd args" as a
command, "!press <message_id> <callback_data>" presses a button. Ctrl-C stops.
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys

from .models import MessageView, TgUser
from .server import DEFAULT_TOKEN, BotApiEmulator

DEMO_USER = TgUser(1001, first_name="Demo", username="demo_user", language_code="it")


def _print_message(view: MessageView) -> None:
    label = "edited" if view.is_edit else "bot"
    print(f"[{label} #{view.message_id} → {view.chat_id}] {view.text}")
    for row in view.buttons:
        print("    " + "  ".join(f"[{text} | {data}]" for text, data in row))
    for row in view.keyboard:
        print("    " + "  ".join(f"({text})" for text in row))


def _handle_line(emulator: BotApiEmulator, line: str) -> None:
    line = line.strip()
    if not line:
        return
    if line.startswith("!press "):
        parts = line.split(maxsplit=2)
        if len(parts) == 3 and parts[1].isdigit():
            try:
                emulator.press_button(DEMO_USER.id, int(parts[1]), parts[2], DEMO_USER)
            except LookupError as exc:
                print(f"! {exc}")
            return
        print("! usage: !press <message_id> <callback_data>")
    elif line.startswith("/"):
        emulator.send_command(DEMO_USER.id, line, DEMO_USER)
    else:
        emulator.send_text(DEMO_USER.id, line, DEMO_USER)


async def _report_violations(emulator: BotApiEmulator) -> None:
    """Print spec violations as they happen (runs until cancelled by Ctrl-C)."""
    reported = 0
    while True:
        await emulator.wait_until(lambda seen=reported: len(emulator.violations) > seen, None)
        for violation in emulator.violations[reported:]:
            print(f"! VIOLATION {violation}")
        reported = len(emulator.violations)


async def _serve(args: argparse.Namespace) -> None:
    emulator = BotApiEmulator(
        token=args.token,
        host=args.host,
        port=args.port,
        global_rate_per_s=args.global_rate,
        per_chat_rate_per_s=args.chat_rate,
        auto_create_chats=True,
    )
    emulator.add_listener(_print_message)
    async with emulator:
        print(f"Bot API emulator listening on {emulator.url}")
        print(f"  token         {emulator.token}")
        print(f"  base_url      {emulator.base_url}")
        print(f"  base_file_url {emulator.base_file_url}")
        print(f"Type messages as {DEMO_USER.first_name} (chat {DEMO_USER.id}); Ctrl-C stops.")
        sys.stdout.flush()
        emulator.add_private_chat(DEMO_USER)
        loop = asyncio.get_running_loop()
        if sys.stdin.isatty():
            # add_reader keeps stdin non-blocking, so Ctrl-C never waits on a read thread.
            loop.add_reader(sys.stdin, lambda: _handle_line(emulator, sys.stdin.readline()))
        # Explicit handlers: a backgrounded process may have SIGINT ignored, and SIGTERM
        # (e.g. from a test harness) should shut down just as cleanly as Ctrl-C.
        stop = asyncio.Event()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, stop.set)
        reporter = asyncio.create_task(_report_violations(emulator))
        try:
            await stop.wait()
        finally:
            reporter.cancel()
            if sys.stdin.isatty():
                loop.remove_reader(sys.stdin)
        print("stopping")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.emulator", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--token", default=DEFAULT_TOKEN)
    parser.add_argument("--global-rate", type=float, default=None, help="messages/s cap")
    parser.add_argument("--chat-rate", type=float, default=None, help="messages/s/chat cap")
    args = parser.parse_args(argv)
    asyncio.run(_serve(args))


if __name__ == "__main__":
    main()
