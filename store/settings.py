"""Typed configuration, read once from the environment and `.env` by the composition root."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: str = ""
    telegram_api_url: str = "https://api.telegram.org"
    database_url: str = f"sqlite:///{PROJECT_ROOT / 'var' / 'proximity.sqlite3'}"
    operator_chat_id: int | None = None
    # How often to look for requests nobody has claimed yet.
    reannounce_check_seconds: float = Field(default=60, gt=0)
    # How often seats freed in full courses are offered, and unanswered offers expired.
    offers_check_seconds: float = Field(default=60, gt=0)
    # Optional: only these Telegram user ids (comma-separated) may act as operators.
    operator_ids: str = ""
    timezone: str = "Europe/Rome"
    webhook_url: str = ""
    webhook_secret: str = ""
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = 8443
    # The operators' web console (web/). WEB_PUBLIC_URL is what set-up links start with
    # (empty: http://WEB_HOST:WEB_PORT); an https:// one also makes cookies Secure.
    web_host: str = "127.0.0.1"
    web_port: int = 8080
    web_public_url: str = ""
    # Seals TOTP secrets at rest (web/sealing.py); empty: a key file in var/ is made.
    web_secret_key: str = ""
    log_level: str = "INFO"

    # NLU: with RASA_URL set the bot uses that server; otherwise `proximity run` starts one.
    rasa_url: str = ""
    rasa_token: str = ""
    rasa_port: int = 5005
    nlu_timeout_seconds: float = 3.0
    nlu_cooldown_seconds: float = 5.0
    nlu_confidence_threshold: float = Field(default=0.55, ge=0, le=1)

    # Retention (privacy notice): inactive profiles are erased after this many months;
    # conversations of people who never consented are dropped after this many idle days.
    retention_inactive_months: int = Field(default=24, ge=1)
    retention_idle_days: int = Field(default=30, ge=1)
    retention_message_days: int = Field(default=90, ge=1)

    programme_file: Path = PROJECT_ROOT / "config" / "programme.yaml"
    eligibility_file: Path = PROJECT_ROOT / "config" / "eligibility.yaml"
    appointments_file: Path = PROJECT_ROOT / "config" / "appointments.yaml"
    # Load config/demo_slots.yaml at start-up when the slots table is empty (a demo agenda).
    demo_slots: bool = True
    comuni_ambito_file: Path = PROJECT_ROOT / "config" / "comuni_ambito.csv"
    comuni_italia_file: Path = PROJECT_ROOT / "config" / "comuni_italia.csv"
    locales_dir: Path = PROJECT_ROOT / "locales"
    var_dir: Path = PROJECT_ROOT / "var"

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        ZoneInfo(value)  # raises on an unknown zone, so a typo fails at start-up
        return value

    @field_validator("operator_chat_id", mode="before")
    @classmethod
    def _empty_is_none(cls, value: object) -> object:
        return None if value == "" else value

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def operator_allow_list(self) -> frozenset[int]:
        return frozenset(
            int(part) for part in self.operator_ids.replace(" ", "").split(",") if part
        )

    @property
    def web_base_url(self) -> str:
        return (self.web_public_url or f"http://{self.web_host}:{self.web_port}").rstrip("/")

    @property
    def uses_telegram(self) -> bool:
        return bool(self.telegram_bot_token)
