"""The screens the assistant shows, each a reply with its buttons.

Every screen offers a way back (the menu) and a way to a person; a test walks them all.
"""

from __future__ import annotations

from dialogs.model import Button, Env, Keyboard, Reply

MENU = Button("btn-menu", "go", "menu")
PERSON = Button("btn-person", "go", "person")
FOOTER: Keyboard = ((MENU, PERSON),)
# Where else to turn: on a "not for you" result and wherever the project says no.
ELSEWHERE = Button("btn-elsewhere", "go", "elsewhere")

# Screens reachable with `go:<name>`; anything else in callback data is refused.
SCREENS = (
    "menu",
    "help",
    "person",
    "privacy",
    "privacy_full",
    "eligibility",
    "appointments",
    "courses",
    "language",
    "delete_data",
    "my_data",
    "faq_project",
    "faq_internship",
    "faq_documents",
    "faq_contacts",
    "faq_income_support",
    "faq_driving_licence",
    "faq_expired_documents",
    "faq_after_interview",
    "elsewhere",
)


def main_menu(key: str = "menu") -> Reply:
    return Reply(
        key,
        buttons=(
            (Button("btn-eligibility", "go", "eligibility"),),
            (
                Button("btn-appointments", "go", "appointments"),
                Button("btn-courses", "go", "courses"),
            ),
            (
                Button("btn-project", "go", "faq_project"),
                Button("btn-documents", "go", "faq_documents"),
            ),
            (PERSON,),
            (Button("btn-privacy", "go", "privacy"), Button("btn-language", "go", "language")),
        ),
    )


def consent_request(env: Env, key: str = "consent-notice") -> Reply:
    return Reply(
        key,
        params={"office_name": env.office.name},
        buttons=(
            (Button("btn-accept", "consent", "yes"), Button("btn-decline", "consent", "no")),
            (Button("btn-read-all", "go", "privacy_full"),),
            # People who can't read Italian must be able to switch before they can consent.
            (Button("btn-language", "go", "language"),),
            (PERSON,),
        ),
    )


def languages(env: Env, back: Button = MENU) -> Reply:
    rows = tuple((Button(f"lang-name-{code}", "lang", code),) for code in env.languages)
    return Reply("lang-choose", buttons=(*rows, (back, PERSON)))


def my_data(env: Env) -> Reply:
    return Reply(
        "data-menu",
        buttons=(
            (Button("btn-my-data", "data", "export"),),
            (Button("btn-erase", "data", "erase"),),
            (Button("btn-read-all", "go", "privacy_full"),),
            *FOOTER,
        ),
    )


def person(env: Env) -> Reply:
    """The office's contacts. The live handoff to an operator comes with its own feature."""
    return Reply("person-contacts", params=office_params(env), buttons=FOOTER)


def distress(env: Env) -> tuple[Reply, ...]:
    return (
        Reply("distress-numbers"),
        Reply("distress-person", params=office_params(env), buttons=((PERSON,), (MENU,))),
    )


def office_params(env: Env) -> dict[str, str]:
    office = env.office
    return {
        "office_name": office.name,
        "address": office.address,
        "hours": office.hours,
        "phone": office.phone,
        "email": office.email,
    }


def info(key: str, env: Env, *extra: tuple[Button, ...]) -> Reply:
    return Reply(key, params=office_params(env), buttons=(*extra, *FOOTER))
