# Reading a message in context (dialogs/context.py, dialogs/prescreening.py).

pre-paused = Întrebările pentru program te așteaptă. Continuăm când vrei.
