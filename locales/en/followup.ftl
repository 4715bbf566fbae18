## Six months after the end of the path: one question, only with consent (dialogs/followup.py)

fu-question =
    Hello! It has been 6 months since you finished your path with us.
    How is work going now? Choose an answer.
    «Better than before» means: you study, take a course or have a job coming.
    You do not have to answer: you can use the bot as always.
btn-fu-employed = I work for someone
btn-fu-self_employed = I work for myself
btn-fu-better_situation = Better than before
btn-fu-no_change = Nothing new
btn-fu-unknown = I'd rather not say
fu-thanks = Thank you for your answer! It helps us make the project better. I am here if you need me: choose a button or write to me.
