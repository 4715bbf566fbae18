# Reading a message in context (dialogs/context.py, dialogs/prescreening.py).

pre-paused = Your questions for the programme are still here. We can go on whenever you like.
