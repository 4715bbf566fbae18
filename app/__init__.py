"""The application layer: what the edges (Telegram, the console, the command line, the
scheduler) call, between them and the pure core (`dialogs/`). It imports no adapter."""
