## Întrebări frecvente: ajutoare, permis de conducere, documente, după interviu; unde altundeva.
## Sumele se schimbă prin lege: niciun răspuns nu promite bani și există mereu o persoană.

faq-income-support =
    Primești Assegno di Inclusione (ADI) sau Supporto per la Formazione e il Lavoro (SFL)?
    De obicei poți participa și la proiect. Poate face parte din acordul (patto) pe care l-ai semnat.
    Un stagiu poate schimba banii pe care îi primești? Depinde de cazul tău.
    Un operator verifică asta înainte să începi.
    Regulile se schimbă des. De aceea, întreabă mereu o persoană.
faq-driving-licence =
    Nu, permisul de conducere nu este necesar pentru proiect.
    Este în regulă și dacă nu ai mașină.
    Cum ajungi la stagiu se hotărăște în proiectul tău.
    Operatorii se gândesc și la trenurile și autobuzele din zona Cremasco.
faq-expired-documents =
    Ai un document expirat sau îți lipsește ceva? Vino oricum.
    Adu ce ai. Operatorul îți spune ce lipsește.
    Permisul de ședere (permesso di soggiorno) este în curs de reînnoire? Adu chitanța, dacă o ai.
    Unde reînnoiești documentele:
    • cartea de identitate (carta d'identità): la starea civilă (anagrafe) a primăriei tale;
    • cardul de sănătate (tessera sanitaria): la Agenzia delle Entrate (fiscul);
    • ISEE: gratuit la un CAF (centru de asistență fiscală).
faq-after-interview =
    După interviu, operatorul și serviciile hotărăsc împreună dacă poți intra în proiect.
    Dacă intri, alegeți împreună un parcurs. Poate avea:
    • bilanțul competențelor (bilancio di competenze): afli ce știi să faci;
    • un tutore care te însoțește;
    • un curs;
    • un stagiu într-o firmă.
    Ordinea depinde de tine și de ce îți trebuie.

## Unde altundeva poți cere ajutor (fără numere inventate: contactele sunt ale biroului)

elsewhere =
    Iată unde poți cere ajutor:
    • Centro per l'Impiego di Crema (biroul public pentru locuri de muncă), ca să cauți de lucru și să faci DID;
    • serviciile sociale ale primăriei tale: întreabă la primărie;
    • un CAF (centru de asistență fiscală), ca să faci ISEE gratuit.
    Nu știi unde să mergi? Sună-ne: 📞 { $phone }
    Sau vorbește cu o persoană din proiect.
btn-elsewhere = 🗺️ Unde pot merge?

## Când nu știu să răspund sau lipsesc datele

dont-know =
    Nu știu, dar un operator știe. 🙋
    Apasă „Vorbește cu o persoană” și pune întrebarea ta.
    Eu pot răspunde despre proiect, cursuri și programări.
unavailable =
    { $feature ->
        [eligibility] Acum nu pot să îți pun întrebările despre condiții.
        [appointments] Acum nu găsesc orele pentru programări.
        [courses] Acum nu găsesc lista cursurilor.
       *[other] Acum nu găsesc aceste informații.
    }
    Sună la birou: 📞 { $phone }
    Sau vorbește cu o persoană.

## Alegeri când nu înțeleg

intent-faq_income_support = ADI, SFL și alte ajutoare
intent-faq_driving_licence = Îmi trebuie permis de conducere?
intent-faq_expired_documents = Am un document expirat
intent-faq_after_interview = Ce urmează după interviu?
