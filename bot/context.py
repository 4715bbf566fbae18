"""What the Telegram handlers work with, built once and fully by the composition root
(runtime/telegram.py) and kept in the Application's bot_data."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from telegram.ext import ContextTypes

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

    from app.assistant import Assistant
    from app.catalogue import Catalogue
    from app.crash import CrashPoint
    from app.handoffs import HandoffService
    from bot.intake import Intake
    from bot.operators.access import OperatorAccess
    from bot.operators.agenda import AgendaDesk
    from bot.operators.desk import OperatorDesk
    from bot.outbox import OutboxSender
    from bot.sender import TelegramSender
    from store.settings import Settings

SERVICES = "services"
OPERATORS = "operators"


@dataclass(frozen=True)
class BotServices:
    """For the people's side: their turns, what the turns send, and updates in hand."""

    settings: Settings
    assistant: Assistant
    catalogue: Catalogue
    sender: TelegramSender
    outbox: OutboxSender
    intake: Intake
    crash_point: CrashPoint


@dataclass(frozen=True)
class OperatorServices:
    """For the operators' group; it exists only when a group is configured."""

    settings: Settings
    assistant: Assistant
    catalogue: Catalogue
    sessions: async_sessionmaker[AsyncSession]
    sender: TelegramSender
    desk: OperatorDesk
    access: OperatorAccess
    agenda_desk: AgendaDesk
    # Claim and close, shared with the web console.
    handoffs: HandoffService


def services(context: ContextTypes.DEFAULT_TYPE) -> BotServices:
    found: BotServices = context.application.bot_data[SERVICES]
    return found


def operators(context: ContextTypes.DEFAULT_TYPE) -> OperatorServices:
    found: OperatorServices = context.application.bot_data[OPERATORS]
    return found
