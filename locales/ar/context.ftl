# Reading a message in context (dialogs/context.py, dialogs/prescreening.py).

pre-paused = أسئلة البرنامج ما زالت هنا. نكمل متى شئت.
