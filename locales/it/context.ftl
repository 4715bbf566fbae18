# Reading a message in context (dialogs/context.py, dialogs/prescreening.py).

pre-paused = Le domande per il progetto restano qui. Quando vuoi, continuiamo.
