"""What the conversations did in this run, for the pass-rate table.

The rate counts what really happened: a conversation marked xfail in the data counts as a
failure while it fails, and is listed as fixed when it passes.
"""

from __future__ import annotations

from tests.conversations.harness import LANGUAGES, Outcome

OUTCOMES: dict[str, Outcome] = {}  # conversation id -> outcome, in-process runs
E2E: dict[str, bool] = {}  # conversation id -> passed end to end


def record(outcome: Outcome) -> None:
    OUTCOMES[outcome.conversation.id] = outcome


def table() -> list[str]:
    lines = [f"{'language':<9}{'passed':>8}{'total':>7}{'rate':>8}   failing"]
    passed_all = total_all = 0
    for language in LANGUAGES:
        mine = [o for o in OUTCOMES.values() if o.conversation.group == language]
        if not mine:
            continue
        passed = sum(o.passed for o in mine)
        failing = ", ".join(o.conversation.id for o in mine if not o.passed)
        lines.append(
            f"{language:<9}{passed:>8}{len(mine):>7}{passed / len(mine):>8.0%}   {failing}"
        )
        passed_all += passed
        total_all += len(mine)
    if total_all:
        lines.append(f"{'all':<9}{passed_all:>8}{total_all:>7}{passed_all / total_all:>8.0%}")
    fixed = [o.conversation.id for o in OUTCOMES.values() if o.passed and o.conversation.xfail]
    if fixed:
        lines.append(f"marked xfail but passing now (remove the mark): {', '.join(fixed)}")
    if E2E:
        ok = sum(E2E.values())
        lines.append(f"end to end through the emulator and the bot: {ok}/{len(E2E)} passed")
    return lines
