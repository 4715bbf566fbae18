"""The console chat: the assistant in a terminal, for trying it without Telegram."""
