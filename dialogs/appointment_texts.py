"""How an appointment is described to its person: shared by the booking screens, the
reminders and the no-show message, so that all of them say the same thing the same way."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from dialogs.agenda import AgendaConfig, Booking, OpenSlot
from dialogs.model import Button, Params, Reply
from dialogs.screens import FOOTER

# Button actions of the appointment screens (the core checks every argument).
CONFIRM = "ap-ok"  # arg: booking id
DECLINE = "ap-no"  # arg: booking id
MOVE = "ap-mv"  # arg: booking id
CANCEL = "ap-x"  # arg: booking id
BOOK_AGAIN = "ap-new"  # arg: kind


def slot_params(slot: OpenSlot, config: AgendaConfig, zone: str) -> Params:
    """Date and place of a slot. `when` is a local datetime: the catalogue formats it."""
    venue = config.venue(slot.venue_id)
    return {
        "when": slot.start.astimezone(ZoneInfo(zone)),
        "kind": slot.kind,
        "place": venue.short,
        "place_name": venue.name,
        "address": venue.address,
        "directions": venue.directions,
        "minutes": int((slot.end - slot.start).total_seconds() // 60),
    }


def reminder_reply(
    booking: Booking, lead: timedelta, config: AgendaConfig, zone: str, *, last: bool
) -> Reply:
    """A reminder: when and where, and Confermo / Non posso venire / Sposta.

    `lead` is how long before the start it is really sent (quiet hours may move it
    earlier), so the text says "domani" or "tra 2 ore" truthfully. `last` marks the final
    reminder, whose silence the operators may be told about.
    """
    hours = max(1, round(lead.total_seconds() / 3600))
    params = {**slot_params(booking.slot, config, zone), "lead_hours": hours}
    buttons = (
        (Button("btn-ap-confirm", CONFIRM, str(booking.id)),),
        (
            Button("btn-ap-cant", DECLINE, str(booking.id)),
            Button("btn-ap-move", MOVE, str(booking.id)),
        ),
        *FOOTER,
    )
    return Reply("ap-reminder", params=params, buttons=buttons, parts=(("ap-bring", {}),))


def no_show_reply(kind: str) -> Reply:
    """After a missed appointment: one kind message, never a reproach."""
    return Reply(
        "ap-missed",
        params={"kind": kind},
        buttons=((Button("btn-ap-book-again", BOOK_AGAIN, kind),), *FOOTER),
    )


def withdrawn_reply(slot: OpenSlot, config: AgendaConfig, zone: str) -> Reply:
    """The office took the slot back: an apology and a new booking offer."""
    return Reply(
        "ap-withdrawn",
        params=slot_params(slot, config, zone),
        buttons=((Button("btn-ap-book-again", BOOK_AGAIN, slot.kind),), *FOOTER),
    )
