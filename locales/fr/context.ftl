# Reading a message in context (dialogs/context.py, dialogs/prescreening.py).

pre-paused = Les questions pour le programme t’attendent. On continue quand tu veux.
