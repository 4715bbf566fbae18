"""Work that runs on its own: the daily retention clean-up, and (later) reminders."""
