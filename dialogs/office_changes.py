"""What the person reads when the office books, moves or cancels an appointment for them
(a phone call to the office, the web console, the command line).

Short and plain, in the person's language, with the buttons of the bot's own booking
confirmation: their appointments, the menu, a person. A cancellation offers to book
again. The calendar file goes with it (app/bookings.py `calendar_file`).
"""

from __future__ import annotations

from typing import Literal

from dialogs.agenda import AgendaConfig, OpenSlot
from dialogs.appointment_texts import BOOK_AGAIN, slot_params
from dialogs.appointments import MY_APPOINTMENTS
from dialogs.model import Button, Parts, Reply
from dialogs.screens import FOOTER

OfficeChange = Literal["booked", "moved", "cancelled"]
KEYS: dict[OfficeChange, str] = {
    "booked": "ap-office-booked",
    "moved": "ap-office-moved",
    "cancelled": "ap-office-cancelled",
}


def office_change_reply(
    change: OfficeChange, slot: OpenSlot, config: AgendaConfig, zone: str
) -> Reply:
    """`slot` is where the appointment now is (for a cancellation: where it was)."""
    params = slot_params(slot, config, zone)
    if change == "cancelled":
        return Reply(
            KEYS[change],
            params=params,
            buttons=((Button("btn-ap-book-again", BOOK_AGAIN, slot.kind),), *FOOTER),
        )
    parts: Parts = (("ap-directions", params), ("ap-bring", {}), ("ap-calendar", {}))
    return Reply(KEYS[change], params=params, buttons=((MY_APPOINTMENTS,), *FOOTER), parts=parts)
