"""The NLU contract: the intent names the Rasa model is trained on."""

from __future__ import annotations

INTENTS: tuple[str, ...] = (
    "greet",
    "goodbye",
    "thanks",
    "affirm",
    "deny",
    "help",
    "check_eligibility",
    "inform",
    "book_appointment",
    "cancel_appointment",
    "reschedule_appointment",
    "my_appointments",
    "list_courses",
    "enroll_course",
    "withdraw_course",
    "ask_human",
    "faq_internship",
    "faq_project",
    "faq_documents",
    "faq_contacts",
    "faq_income_support",
    "faq_driving_licence",
    "faq_expired_documents",
    "faq_after_interview",
    "privacy",
    "delete_my_data",
    "change_language",
    "bot_challenge",
    "distress",
    "out_of_scope",
)
ENTITIES: tuple[str, ...] = (
    "age",
    "comune",
    "course",
    "date",
    "time",
    "language",
    "appointment_type",
)

# Rasa's FallbackClassifier answers with this name when it is not sure.
NLU_FALLBACK = "nlu_fallback"
