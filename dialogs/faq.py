"""Answers to the questions people ask, each ending with the next useful step.

The facts come from the programme's own sources (see DOMAIN.md, "Questions people ask").
Amounts and thresholds change by law, so no answer promises money: where a case decides,
the answer says an operator checks it, and a person is always one button away.
"""

from __future__ import annotations

from dialogs import screens
from dialogs.model import Button, Env, Keyboard, Reply

BOOK_INTERVIEW = Button("btn-book-orientation", "go", "appointments")
ELIGIBILITY = Button("btn-eligibility", "go", "eligibility")
DOCUMENTS = Button("btn-documents", "go", "faq_documents")

# Screen name -> the next step offered under the answer (before Menu and Person).
NEXT_STEP: dict[str, Keyboard] = {
    "faq_project": ((ELIGIBILITY,),),
    "faq_internship": ((ELIGIBILITY,),),
    "faq_documents": ((BOOK_INTERVIEW,),),
    "faq_contacts": ((BOOK_INTERVIEW,),),
    # Whether an allowance changes the amount is decided case by case: the interview (or a
    # person, in the footer) is where that happens.
    "faq_income_support": ((BOOK_INTERVIEW,),),
    "faq_driving_licence": ((ELIGIBILITY,),),
    "faq_expired_documents": ((BOOK_INTERVIEW,), (DOCUMENTS,)),
    "faq_after_interview": ((BOOK_INTERVIEW,),),
}
FAQ_SCREENS = tuple(NEXT_STEP)

ELSEWHERE = "elsewhere"
DONT_KNOW = "dont_know"


def answer(screen: str, env: Env) -> Reply:
    """One FAQ answer: the catalogue text (office contacts as parameters) and its buttons."""
    return screens.info(screen.replace("_", "-"), env, *NEXT_STEP[screen])


def elsewhere(env: Env) -> Reply:
    """Where else to turn when the project is not the right place (no invented numbers)."""
    return Reply(
        "elsewhere",
        params=screens.office_params(env),
        buttons=((screens.PERSON,), (screens.MENU,)),
    )


def dont_know(env: Env) -> Reply:
    """An honest "I don't know" for questions outside what the bot knows: a person first."""
    return Reply("dont-know", buttons=((screens.PERSON,), (screens.MENU,)))


def unavailable(feature: str, env: Env) -> Reply:
    """The data behind a screen is missing here (no agenda, no rules): say so, and who to call."""
    return Reply(
        "unavailable",
        params={"feature": feature, **screens.office_params(env)},
        buttons=((screens.PERSON,), (screens.MENU,)),
    )
