# Reading a message in context (dialogs/context.py, dialogs/prescreening.py).

pre-paused = Las preguntas para el programa siguen aquí. Seguimos cuando quieras.
