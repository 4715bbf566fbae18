"""Turn latency: N simulated people chat at once with the real bot, Rasa and the emulator.

    .venv/bin/python bench/turns.py [--users 20] [--turns 15] [--baseline REF]

With --baseline, the bot of that commit is measured first in the same run (a git
worktree run with this venv), and both columns are printed side by side.

A turn is timed from the moment the user's message is queued in the emulator to the
moment the bot's reply reaches the emulator. In the same run it times a bare
`POST /model/parse` and a bare Bot API round trip, so the bot's own overhead shows.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nlu import train
from nlu.server import RasaServer
from tests.e2e.processes import BotProcess
from tests.emulator.models import TgUser
from tests.emulator.server import BotApiEmulator

ROOT = Path(__file__).resolve().parents[1]

# Each of these gets exactly one reply message, so "first reply" is "the reply".
MESSAGES = (
    "buongiorno",
    "quali documenti devo portare?",
    "cos'è il progetto?",
    "sei un robot?",
    "che orari ha l'ufficio?",
    "cosa è un tirocinio",
    "grazie mille",
    "vorrei parlare con un operatore",
    "ci sono corsi di informatica?",
    "vorrei prendere un appuntamento",
)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))
    return ordered[index]


def describe(values: list[float]) -> str:
    ms = [v * 1000 for v in values]
    return (
        f"p50 {percentile(ms, 50):6.1f} ms   p95 {percentile(ms, 95):6.1f} ms   "
        f"p99 {percentile(ms, 99):6.1f} ms   (n={len(ms)})"
    )


async def person(
    emulator: BotApiEmulator, user: TgUser, turns: int, think: float, seed: int
) -> list[float]:
    chat = user.id
    emulator.add_private_chat(user)
    emulator.send_command(chat, "/start", user)
    welcome = await emulator.next_message(chat, timeout=30)
    accept = next(data for row in welcome.buttons for text, data in row if "Accetto" in text)
    emulator.press_button(chat, welcome.message_id, accept, user)
    await emulator.next_message(chat, timeout=30)
    await emulator.next_message(chat, timeout=30)
    rng = random.Random(seed)
    latencies = []
    for _ in range(turns):
        # People read and type between messages; without a pause the run would only measure
        # the queue in front of Telegram's 30 messages/s cap, which AIORateLimiter enforces.
        await asyncio.sleep(rng.uniform(0.5 * think, 1.5 * think))
        sent_at = time.monotonic()
        emulator.send_text(chat, rng.choice(MESSAGES), user)
        reply = await emulator.next_message(chat, timeout=30)
        latencies.append(reply.at - sent_at)
    return latencies


async def bare_parse(rasa_url: str, token: str, count: int) -> list[float]:
    times = []
    async with httpx.AsyncClient(trust_env=False) as http:
        for i in range(count):
            started = time.monotonic()
            answer = await http.post(
                f"{rasa_url}/model/parse", params={"token": token}, json={"text": MESSAGES[i % 10]}
            )
            answer.raise_for_status()
            times.append(time.monotonic() - started)
    return times


async def parse_during(rasa_url: str, token: str, load: asyncio.Future) -> list[float]:
    times = []
    while not load.done():
        times += await bare_parse(rasa_url, token, 1)
        await asyncio.sleep(0.1)
    return times


async def bare_bot_api(emulator: BotApiEmulator, count: int) -> list[float]:
    times = []
    async with httpx.AsyncClient(trust_env=False) as http:
        for _ in range(count):
            started = time.monotonic()
            answer = await http.post(f"{emulator.base_url}{emulator.token}/getMe")
            answer.raise_for_status()
            times.append(time.monotonic() - started)
    return times


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


@dataclass
class Figures:
    latencies: list[float]
    expected: int
    parse_idle: list[float]
    parse_loaded: list[float]
    round_trip: list[float]
    elapsed: float
    rss_mb: float
    violations: int


async def measure(
    rasa: RasaServer, workdir: Path, users: int, turns: int, think: float, checkout: Path | None
) -> Figures:
    """One run: a fresh database and emulator, the bot of `checkout` (None: this one)."""
    await asyncio.to_thread(workdir.mkdir, parents=True, exist_ok=True)
    async with BotApiEmulator() as emulator:
        env = {
            "TELEGRAM_BOT_TOKEN": emulator.token,
            "TELEGRAM_API_URL": emulator.url,
            "WEB_PORT": "0",  # any free port: the benchmark does not use it
            "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
            "RASA_URL": rasa.url,
            "RASA_TOKEN": rasa.token,
            "VAR_DIR": str(workdir / "var"),
            "LOG_LEVEL": os.environ.get("BENCH_LOG_LEVEL", "WARNING"),
        }
        bot = BotProcess(env, workdir / "bot.log", checkout=checkout)
        bot.start()
        await emulator.wait_until(lambda: bool(emulator.calls_to("deleteWebhook")), timeout=60)
        parse_before = await bare_parse(rasa.url, rasa.token, 100)
        api_round_trip = await bare_bot_api(emulator, 100)

        started = time.monotonic()
        people = [TgUser(id=10_000 + i, first_name=f"Persona{i}") for i in range(users)]
        load = asyncio.gather(*(person(emulator, p, turns, think, i) for i, p in enumerate(people)))
        # Bare parses while the people chat: the same Rasa, under the same load.
        probe = asyncio.create_task(parse_during(rasa.url, rasa.token, load))
        results = await load
        parse_loaded = await probe
        elapsed = time.monotonic() - started
        rss = peak_rss_mb(bot.process.pid)  # type: ignore[union-attr]
        parse_after = await bare_parse(rasa.url, rasa.token, 100)
        await bot.astop()
        return Figures(
            latencies=[t for per_person in results for t in per_person],
            expected=users * turns,
            parse_idle=parse_before + parse_after,
            parse_loaded=parse_loaded,
            round_trip=api_round_trip,
            elapsed=elapsed,
            rss_mb=rss,
            violations=len(emulator.violations),
        )


def baseline_checkout(ref: str, workdir: Path) -> Path:
    """`ref` checked out beside the project (a git worktree), to run its bot."""
    folder = workdir / f"baseline-{ref}"
    subprocess.run(
        ["git", "worktree", "add", "--detach", str(folder), ref],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    return folder


def report(label: str, f: Figures) -> list[str]:
    p50 = statistics.median(f.latencies)
    expected = statistics.median(f.parse_loaded) + statistics.median(f.round_trip)
    return [
        label,
        f"{len(f.latencies)}/{f.expected}",
        describe(f.latencies),
        f"{1000 * statistics.median(f.parse_loaded):.1f} ms",
        f"{1000 * statistics.median(f.round_trip):.1f} ms",
        f"{1000 * (p50 - expected):+.1f} ms",
        f"{len(f.latencies) / f.elapsed:.1f}/s",
        f"{f.rss_mb:.0f} MB",
        str(f.violations),
    ]


ROWS = (
    "code",
    "turns answered",
    "turn latency",
    "bare parse p50 (load)",
    "Bot API round trip p50",
    "bot's own p50 overhead",
    "throughput",
    "bot peak RSS",
    "Bot API violations",
)


async def main(users: int, turns: int, think: float, baseline: str | None) -> None:
    os.environ["NO_PROXY"] = "127.0.0.1,localhost"
    train.train()
    workdir = Path(tempfile.mkdtemp(prefix="proximity-bench-"))
    rasa = RasaServer(5999, workdir / "rasa.log")
    rasa.start()
    await asyncio.to_thread(rasa.wait_ready)
    columns: list[list[str]] = []
    checkout = baseline_checkout(baseline, workdir) if baseline else None
    try:
        if checkout is not None:
            figures = await measure(rasa, workdir / "before", users, turns, think, checkout)
            columns.append(report(f"baseline {baseline}", figures))
        figures = await measure(rasa, workdir / "now", users, turns, think, None)
        columns.append(report("this checkout", figures))
    finally:
        await asyncio.to_thread(rasa.stop)
        if checkout is not None:
            await asyncio.to_thread(
                subprocess.run,
                ["git", "worktree", "remove", "--force", str(checkout)],
                cwd=ROOT,
                check=False,
            )
    print(f"\nProximity turn benchmark: {users} people × {turns} turns at once, ~{think} s pauses")
    print(f"(bare parse idle p50 {1000 * statistics.median(figures.parse_idle):.1f} ms)")
    width = max(len(c) for col in columns for c in col) + 2
    for i, name in enumerate(ROWS):
        print(f"  {name:<24}" + "".join(f"{col[i]:<{width}}" for col in columns))
    print(f"  logs in {workdir}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--turns", type=int, default=15)
    parser.add_argument("--think", type=float, default=1.0, help="mean pause between turns (s)")
    parser.add_argument(
        "--baseline", help="a git ref (commit, tag) measured first, in the same run, to compare"
    )
    args = parser.parse_args()
    asyncio.run(main(args.users, args.turns, args.think, args.baseline))
