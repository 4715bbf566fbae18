## Frequent questions: income support, driving licence, documents, after the interview; where else to go.
## Amounts change by law: no answer promises money, and there is always a person.

faq-income-support =
    Do you get the Assegno di Inclusione (ADI) or the Supporto per la Formazione e il Lavoro (SFL)?
    Usually you can take part in the project too. It can be part of the agreement (patto) you signed.
    Can an internship change the money you get? It depends on your case.
    A staff member checks it before you start.
    The rules change often. So always ask a person.
faq-driving-licence =
    No, you do not need a driving licence for the project.
    It is fine if you have no car.
    How you get to the internship is decided in your project.
    The staff also think about trains and buses in the Cremasco area.
faq-expired-documents =
    Is a document expired, or is something missing? Come anyway.
    Bring what you have. The staff member tells you what is missing.
    Is your residence permit (permesso di soggiorno) being renewed? Bring the receipt, if you have it.
    Where to renew documents:
    • identity card (carta d'identità): at the registry office (anagrafe) of your Comune;
    • health card (tessera sanitaria): at the Agenzia delle Entrate (tax office);
    • ISEE: free at a CAF (tax help centre).
faq-after-interview =
    After the interview, the staff and the services decide together if you can join the project.
    If you join, you choose a path together. It can have:
    • a skills assessment (bilancio di competenze): finding out what you can do;
    • a tutor who follows you;
    • a course;
    • an internship in a company.
    The order depends on you and on what you need.

## Where else to ask for help (no invented numbers: the contacts are the office's)

elsewhere =
    Here is where you can ask for help:
    • the Centro per l'Impiego di Crema (public employment office), to look for work and to make the DID;
    • the social services of your Comune: ask at the town hall;
    • a CAF (tax help centre), to make the ISEE for free.
    Not sure where to go? Call us: 📞 { $phone }
    Or talk to a person from the project.
btn-elsewhere = 🗺️ Where can I go?

## When I cannot answer, or the data is missing

dont-know =
    I do not know, but a staff member does. 🙋
    Press “Talk to a person” and ask your question.
    I can answer about the project, courses and appointments.
unavailable =
    { $feature ->
        [eligibility] Right now I cannot ask you the questions about joining.
        [appointments] Right now I cannot find the appointment times.
        [courses] Right now I cannot find the list of courses.
       *[other] Right now I cannot find this information.
    }
    Call the office: 📞 { $phone }
    Or talk to a person.

## Choices when I do not understand

intent-faq_income_support = ADI, SFL and other support
intent-faq_driving_licence = Do I need a driving licence?
intent-faq_expired_documents = My document has expired
intent-faq_after_interview = What happens after the interview?
