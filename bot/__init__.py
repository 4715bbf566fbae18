"""The Telegram adapter: turns updates into core events and turns into Bot API calls."""
