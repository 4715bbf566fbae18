"""Keyword understanding for when the NLU server is down, and the distress lexicons.

The distress net runs on every text whatever the NLU says: missing a person in danger
costs far more than a question too many. It has tiers (see dialogs/distress.py, which
decides): phrases that say danger outright (`looks_like_distress`), cue words that may
or may not (`distress_cues`: "disperato", "casa" beside "senza", "fame"), idioms that
only sound like danger ("mi ammazzo di lavoro"), words of an ordinary request ("corso",
"affitto") and the fear of the police or of losing the permit.

All patterns are written for `normalise`d text: lowercase, no accents, no hamza.
"""

from __future__ import annotations

import re
import unicodedata

# Danger said outright: violence, self-harm, no food, no home. One hit raises the alarm.
_DISTRESS = (
    # Italian
    r"picchi[ao]\b", r"picchiat", r"picchiav", r"mi mena\b", r"mi ha menat",
    r"pugn[oi] in faccia", r"mi ha dato (un pugno|uno schiaffo|dei calci)", r"mani al collo",
    r"strangol", r"soffocarmi", r"subisc\w* (violenz|abus)", r"ho subito (violenz|abus)",
    r"violenz\w* (in casa|a casa|in famiglia|da (lui|mio|mia))", r"violentat", r"abusat",
    r"abusa di me", r"stupr", r"mi minacc", r"minacciat", r"minacc\w* di morte",
    r"ho paura di tornare a casa", r"paura che mi (ammazz|uccid|faccia del male|trovi)",
    r"mi (ammazza|uccide)\b", r"mi vuole (uccidere|ammazzare)", r"mi tiene chius",
    r"chius\w* in casa", r"mi (toglie|prende) il telefono", r"suicid", r"farla finita",
    r"la faccio finita", r"togliermi (la vita|di mezzo)", r"mi tolgo la vita",
    r"(voglio|vorrei) morire", r"ammazzarmi", r"mi ammazzo",
    r"mi voglio (ammazzare|uccidere|impiccare)",
    r"uccidermi", r"(non|nn) (voglio|vojo) piu vivere", r"stanc\w* di vivere", r"voglia di vivere",
    r"non ha piu senso vivere", r"lettera di addio", r"mi faccio del male", r"farmi del male",
    r"tagliarmi", r"mi taglio",
    r"(preso|ingoiat\w*) (tutte )?(le |delle )?(pastiglie|pillole|medicine)",
    r"buttarmi (giu|dal|sotto)", r"mi butto giu",
    r"non ho (niente |nulla )?da mangiare", r"non abbiamo (niente |nulla )?da mangiare",
    r"non (mangio|mangiano|mangiamo) da", r"non ho mangiato", r"patisco la fame",
    r"soffro la fame", r"(soldi|euro) (neanche|nemmeno|neppure) per (il pane|mangiare|il cibo)",
    r"ne acqua ne cibo", r"sfratt",
    r"(dormo|dormiamo|dormire|vivo|viviamo) (in macchina|in auto|per strada|in strada)",
    r"(dormo|dormiamo|dormire) (alla stazione|in stazione|su una panchina|dove capita)",
    r"non ho (piu )?(un posto dove dormire|una casa|casa\b|un tetto|tetto)",
    r"non so dove (dormire|passare la notte)",
    r"senza casa", r"senzatetto", r"senza (un )?tetto",
    r"(buttat|cacciat)\w* (fuori )?(di|da) casa",
    r"in mezzo a una strada", r"(sono|siamo) in pericolo", r"paura per la mia vita",
    r"aiuto,? mi sta",
)  # fmt: skip
# The same net in the other languages people write to us in, written as people type them.
_DISTRESS_ELSEWHERE = (
    # English
    r"beats? me", r"beating me", r"beat me (again|up)", r"hits me", r"hitting me",
    r"(he|she) hit me", r"punched me", r"slapped me", r"(hands|hand) (around|on) my neck",
    r"chok(ed|es|ing) me", r"strangl", r"suffer violence", r"violence at home",
    r"raped", r"abused", r"threat\w* (to kill|me)", r"going to kill me", r"will kill me",
    r"(afraid|scared) to go home", r"locks? me in", r"suicid", r"kill myself",
    r"killing myself", r"end (my life|it all)", r"ending my life", r"want to die",
    r"wish i (was|were) dead", r"(dont|do not|don't) want to live", r"hurt myself",
    r"cut myself", r"took (all )?the pills", r"overdose", r"jump off",
    r"nothing to eat", r"no food", r"(havent|haven't|have not|didnt|didn't|did not) eat",
    r"no money (even )?for (bread|food)", r"evict", r"homeless",
    r"sleep\w* (in my car|in the car|on the street|in the street|at the (train )?station|rough)",
    r"live on the street", r"nowhere to (sleep|stay)", r"(dont|don't|do not) know where to sleep",
    r"kicked (me|us) out", r"threw (me|us) out", r"thrown out", r"no home\b",
    r"no roof", r"in danger",
    # Romanian
    r"ma bate", r"m-a batut", r"ma loveste", r"m-a lovit", r"pumn in fata",
    r"m-a strans de gat", r"sufar violenta", r"violent\w* acasa", r"violat",
    r"abuzat", r"ma ameninta", r"m-a amenintat", r"ameninta cu moartea",
    r"frica sa ma (intorc|duc) acasa", r"(sa|o sa) ma omoare", r"ma tine inchis",
    r"sinucid", r"vreau sa mor", r"nu mai vreau sa traiesc", r"termin cu (tot|viata)",
    r"sa ma omor", r"(imi|sa-mi|sa imi) iau viata", r"ma tai\b", r"imi fac rau",
    r"toate pastilele", r"sa ma arunc", r"n(u |-)am ce manca", r"nimic de mancare",
    r"nu (am|au|a) mancat de", r"nici de paine", r"evacu", r"fara casa",
    r"dorm (in masina|pe strada|in gara|afara)", r"nu am casa", r"nu am unde sa dorm",
    r"afara din casa", r"proprietarul m-a dat afara", r"traiesc pe strada",
    r"acoperis deasupra", r"in pericol",
    # French
    r"me frappe", r"m'a frappe", r"me bat\b", r"m'a battu", r"coup de poing",
    r"serre le cou", r"etrangl", r"subis des violences", r"violences? a la maison",
    r"violee", r"abusee", r"menace de mort", r"m'a menace", r"me menace",
    r"peur de rentrer", r"qu'il me tue", r"va me tuer", r"m'enferme", r"me tuer",
    r"veux (plus|pas) vivre", r"veux mourir", r"en finir", r"fin a (ma vie|mes jours)",
    r"me coupe", r"me fai(s|re) du mal", r"tous les medicaments", r"toutes les pilules",
    r"sauter du pont", r"me jeter (du|sous)", r"rien a manger", r"pas de nourriture",
    r"pas mange depuis", r"argent (meme )?pour (le pain|manger)",
    r"expulse(e|s|es)?\b",
    r"dor(s|t|mons) (dans ma voiture|dans la voiture|dans la rue|a la gare|dehors)",
    r"sans abri", r"sans domicile", r"\bsdf\b", r"pas de (logement|toit)",
    r"(sais pas|nulle part) ou dormir", r"mis a la porte", r"jete dehors",
    r"vi(s|t|vons) dans la rue", r"en danger", r"au secours,? il",
    # Spanish
    r"me pega", r"me pego", r"me golpe", r"pegando", r"punetazo", r"apreto el cuello",
    r"estrangul", r"sufro violencia", r"violencia en (casa|mi casa)", r"me violaron",
    r"violada", r"abuso de mi", r"abusad", r"amenaza\w* de muerte", r"me amenaz",
    r"miedo de volver a casa", r"que me mate", r"me va a matar", r"me encierra",
    r"quiero morir", r"no quiero vivir", r"acabar con (todo|mi vida)", r"matarme",
    r"quitarme la vida", r"me quito la vida", r"me corto", r"hacerme dano", r"me hago dano",
    r"todas las pastillas", r"tirarme", r"no tengo (que|nada que|para) comer",
    r"no tenemos (que |nada que |para )?comer", r"no (tengo|tenemos) comida",
    r"no (como|comen|comemos) desde", r"no he comido", r"ni para (el pan|comer)",
    r"desaloj", r"desahuc", r"(nos|me) echa(n|ron)\b", r"me echo a la calle",
    r"sin hogar", r"sin techo", r"no tengo (techo|casa)\b",
    r"duermo en (el coche|el carro|la calle|la estacion)", r"vivo en la calle",
    r"no (se|tengo) (a )?donde dormir", r"en peligro", r"socorro",
    # Arabic
    r"يضرب(ني|نا)", r"ضربني", r"خنقني", r"للعنف", r"عنف في البيت", r"عنف اسري",
    r"اغتصب", r"للاغتصاب", r"يهددني", r"هددني", r"بالقتل", r"(خايف|خايفة|اخاف) (ان )?ارجع",
    r"يقتلني", r"يحبسني", r"(ان|باش) اموت", r"نموت", r"(عايز|عايزة) اموت",
    r"(لا اريد|ما بغيتش) (ان )?(اعيش|نعيش)", r"انتحار", r"انتحر", r"اقتل نفسي",
    r"نقتل راسي", r"انهي حياتي", r"اجرح نفسي", r"اوذي نفسي", r"كل الحبوب",
    r"(نرمي|ارمي) (راسي|نفسي)", r"ليس لدي طعام", r"لا يوجد طعام", r"لا اجد ما اكل",
    r"ما عندي ما ناكل", r"ما ?عنديش (اكل|ماكلة)", r"لم اكل منذ", r"ما كلاوش",
    r"ما كليتش", r"حتى للخبز", r"طرد(وني|ونا|ني) من (البيت|الدار)", r"صاحب البيت طردني",
    r"سيطردون", r"يطردون", r"(انام|ننعس|نعس|ننام) في (السيارة|الشارع|الزنقة|محطة)",
    r"بدون ماوى", r"ليس لدي بيت", r"ما عنديش دار", r"(لا اعرف|ما عرفتش) (اين|فين) (انام|نعس|ننعس)",
    r"اعيش في الشارع", r"في خطر", r"النجدة",
)  # fmt: skip
# Kept from the first net, written with accents: `normalise` takes them off.
_DISTRESS_PHRASES = (
    "mă bate", "m-a bătut", "mă lovește", "m-a lovit", "mă amenință", "vreau să mor",
    "să mă omor", "nu mai vreau să trăiesc", "nu am ce mânca", "n-am ce mânca",
    "fără casă", "dorm în mașină", "dorm pe stradă", "nu am unde să dorm",
    "m'a frappé", "violée", "rien à manger", "pas mangé depuis", "dors dans ma voiture",
    "nulle part où dormir", "no tengo qué comer", "no tengo dónde dormir",
    "أريد أن أموت", "أقتل نفسي", "ليس لدي طعام", "لا أجد ما آكل", "طردوني من البيت",
    "بدون مأوى", "أنام في الشارع", "أنام في السيارة",
)  # fmt: skip
# Sayings that sound like danger and are not; taken out of the text before the tiers look.
_IDIOMS = (
    r"(mi )?(ammazz|uccid)\w* (di|col|dal) lavoro", r"lavorat\w* da morire",
    r"stanc\w* mort\w*", r"muoio dalla voglia", r"da morire\b",
    r"killing myself (at|with|for) (work|the job)", r"work is killing me",
    r"could kill for", r"dead tired", r"dying to",
    r"ma omor cu munca", r"munca (asta )?ma omoara", r"moart\w* de oboseala",
    r"abia astept",
    r"me tue (au travail|a la tache)", r"(travail|boulot) me tue", r"mort\w* de fatigue",
    r"meurs d'envie",
    r"me mato (trabajando|a trabajar)", r"(trabajo|curro) me (esta )?matando",
    r"muert\w* de cansancio", r"me muero de ganas",
    r"(نقتل|كنقتل) راسي (بال|ف)(خدمة|عمل)", r"قاتلاني",
)  # fmt: skip
# Cue words: they may mean danger, so the person is asked, never alarmed on them alone.
# Strong cues are asked about whatever the NLU says; weak ones only when the NLU does not
# confidently read an ordinary request.
_STRONG_CUES = (
    r"disperat", r"non ce la faccio piu", r"non ne posso piu", r"aiutatemi", r"aiuto aiuto",
    r"vi prego aiut", r"sto malissimo", r"non so (piu )?cosa fare", r"non so dove andare",
    r"nessuno mi aiuta", r"stanc\w* di tutto", r"pensieri brutti", r"sparire",
    r"desperate", r"(cant|can't|cannot) take it", r"(cant|can't|cannot) go on",
    r"(please )?help me,? please", r"nobody helps me", r"nowhere to go",
    r"(dont|don't|do not) know what to do",
    r"nu mai pot", r"ajutati-ma", r"ajutor,? ajutor", r"nu stiu ce sa fac",
    r"nu am unde sa merg", r"nu stiu unde sa merg",
    r"desespere", r"(j'en peux|je n'en peux) plus", r"aidez[- ]moi", r"sais (pas|plus) quoi faire",
    r"nulle part ou aller", r"sais pas ou aller",
    r"desesperad", r"no puedo mas", r"ayudenme", r"ayudame,? por favor",
    r"no se (que|a donde|donde) (hacer|ir)", r"no tengo a donde ir",
    r"يائس", r"ما بقيتش قادر", r"لا استطيع التحمل", r"لا اعرف اين اذهب",
)  # fmt: skip
_WEAK_CUES = (
    r"violenz", r"paura", r"fame\b", r"coltell", r"\bmor(ire|to|ta|endo|irei)\b",
    r"ammazz", r"uccid", r"stanc", r"non ce la faccio", r"aiuto", r"piang",
    r"(senza|non ho|niente|fuori) .*\bcasa\b|\bcasa\b.*\b(senza|non ho|niente)\b",
    r"non ho (piu )?(soldi|niente)",
    r"violence", r"afraid", r"scared", r"hungry", r"starving", r"knife", r"\bdie\b",
    r"dying", r"\bkill", r"tired", r"\bhelp\b", r"crying",
    r"(without|no) .*\b(home|house)\b|\b(home|house)\b.*\b(without|no)\b",
    r"violent", r"frica", r"foame", r"cutit", r"\bmor\b", r"omor", r"obosit", r"saturat",
    r"ajutor", r"plang", r"fara .*\bcasa\b|\bacasa\b.*\bfara\b",
    r"violence", r"peur", r"\bfaim\b", r"couteau", r"mourir", r"\bmeurs\b", r"\btuer?\b",
    r"fatigue", r"secours", r"pleur", r"sans .*\bmaison\b|\bmaison\b.*\bsans\b",
    r"violencia", r"miedo", r"hambre", r"cuchillo", r"\bmuer", r"\bmat(ar|a)\b",
    r"cansad", r"ayuda", r"\bllor", r"sin .*\bcasa\b|\bcasa\b.*\bsin\b",
    r"عنف", r"خايف", r"اخاف", r"جوع", r"سكين", r"موت", r"ميت", r"تعب", r"ساعد",
    r"ابكي", r"بدون .*(بيت|دار)|(بيت|دار).*بدون",
)  # fmt: skip
# Words of everyday life and requests (home, food, work, courses, how things work): the
# NLU alone does not raise the alarm beside them, it asks ("vivo a casa dei miei").
_ORDINARY = (
    r"\bcas[ae]s?\b", r"acasa", r"genitori", r"parinti", r"padres", r"\bparents\b",
    r"\bhome\b", r"\bhouse", r"maison", r"\bchez\b", r"بيت", r"دار", r"والدي",
    r"mangia", r"cibo", r"comida", r"\bfood\b", r"manca", r"nourriture", r"manger",
    r"\bcomer\b", r"اكل", r"ماكلة", r"pausa", r"pauza", r"\bpause\b", r"\bbreak\b",
    r"caritas", r"come funziona", r"how does", r"cum functioneaza", r"comment (ca )?marche",
    r"como funciona", r"كيف", r"\bcapo\b", r"\bsef", r"\bboss\b", r"patron", r"\bjefe\b",
    r"المعلم",
    r"lavor", r"cors[oi]\b", r"colloqui", r"appuntament", r"tirocini", r"affitt",
    r"iscriv", r"document", r"permesso", r"requisit", r"partecipar", r"spesa", r"buoni",
    r"cucin", r"formazione", r"disoccupat",
    r"\bjob", r"\bwork", r"course", r"interview", r"appointment", r"internship",
    r"\brent\b", r"\bflat\b", r"apartment", r"permit", r"voucher", r"lunch", r"cooking",
    r"unemployed",
    r"\blucru", r"munc", r"serviciu", r"\bcurs", r"interviu", r"programare", r"stagiu",
    r"chiri", r"inchiri", r"apartament", r"permis", r"cumparaturi", r"tichet", r"somer",
    r"travail", r"boulot", r"\bcours\b", r"formation", r"entretien", r"rendez-vous",
    r"\bstage\b", r"louer", r"appartement", r"titre de sejour", r"chomage", r"cuisine",
    r"trabaj", r"\bcurso", r"entrevista", r"\bcita\b", r"practicas", r"alquil", r"\bpiso\b",
    r"permiso", r"\bvales\b", r"cocina", r"desemplead",
    r"عمل", r"خدمة", r"شغل", r"كورس", r"دورة", r"موعد", r"مقابلة", r"تدريب", r"كراء",
    r"ايجار", r"اقامة", r"وثائق",
)  # fmt: skip
# Fear of the police or of losing the residence permit, which keeps people from calling.
_POLICE_FEAR = (
    r"paura (della|dei|delle) (polizia|carabinieri|questura|forze)",
    r"paura (di chiamare|di andare da|di andare alla) (la )?(polizia|carabinieri|questura)",
    r"non voglio (denunciar|fare (la )?denuncia|sporgere|la polizia|che lo (denunci|arrest))",
    r"non voglio che (venga|arrivi|chiamiate) la polizia",
    r"mi (tolgono|tolgano|toglieranno|ritirano|levano) il permesso", r"perdo il permesso",
    r"espell", r"rimpatri",
    r"(afraid|scared) of the (police|cops)", r"fear (of )?the police",
    r"(afraid|scared) (to call|of calling|to go to) the police", r"undocumented",
    r"(dont|don't|do not) want (to report|the police|to press charges|to call the police)",
    r"(take|taking) (away )?my (permit|papers)", r"lose my (permit|papers)", r"deport",
    r"frica de politie",
    r"nu vreau (sa fac plangere|sa vina politia|sa-l denunt|sa il denunt|politie)",
    r"(ia|lua) permisul", r"pierd permisul", r"expulz",
    r"peur de la police", r"(veux|veut) pas (porter plainte|que la police|la police|le denoncer)",
    r"peur (d'appeler|de contacter|d'aller (a|voir)) la police", r"\bsans papiers",
    r"(n'ai|j'ai) pas de papiers",
    r"(retirer|perdre|enlever) mon titre", r"m'expulser", r"me renvoyer dans mon pays",
    r"miedo (de|a) la policia", r"miedo (de|a) llamar a la policia", r"sin papeles",
    r"no tengo papeles",
    r"no quiero (denunciar|poner (una )?denuncia|que venga la policia|la policia)",
    r"(quitar|perder) (el|mi) permiso", r"deportar", r"expulsar",
    r"(خايف|خايفة|اخاف|خوف) من (البوليس|الشرطة)",
    r"(لا اريد|ما بغيتش) (ان )?(اقدم شكوى|نشكي|البوليس|الشرطة)",
    r"يحيدو ليا الوراق", r"يرحلون", r"سيرحلون", r"ترحيل",
)  # fmt: skip


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(_ascii_digit(ch) for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.replace("’", "'").split())


def _ascii_digit(ch: str) -> str:
    # Arabic and Persian phones type ٤٥ and ۱۹۸۰: an age, a year, a time or a button's
    # number reads the same as 45 and 1980 in every pattern written with 0-9.
    return str(unicodedata.decimal(ch)) if ch.isdecimal() and not ch.isascii() else ch


def _any(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


_DISTRESS_RE = _any(
    (*_DISTRESS, *_DISTRESS_ELSEWHERE, *(re.escape(_plain(words)) for words in _DISTRESS_PHRASES))
)
_IDIOMS_RE = _any(_IDIOMS)
_STRONG_RE = _any(_STRONG_CUES)
_WEAK_RE = _any(_WEAK_CUES)
_ORDINARY_RE = _any(_ORDINARY)
_POLICE_RE = _any(_POLICE_FEAR)

# Order matters: the first group that matches wins, so the more specific come first.
_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("delete_my_data", ("cancella i miei dati", "cancellami", "cancellare i miei dati")),
    ("privacy", ("privacy", "dati personali", "i miei dati")),
    ("ask_human", ("operatore", "operatrice", "persona", "assistente sociale", "parlare con")),
    ("cancel_appointment", ("annulla appuntamento", "disdire", "disdetta")),
    ("reschedule_appointment", ("spostare", "sposta", "cambiare appuntamento")),
    ("book_appointment", ("appuntament", "colloquio", "prenot")),
    ("list_courses", ("corso", "corsi", "formazione")),
    ("check_eligibility", ("posso partecipare", "requisiti", "requisito", "posso entrare")),
    ("faq_internship", ("tirocini",)),
    ("faq_documents", ("document", "carta d'identita", "codice fiscale")),
    ("faq_contacts", ("orari", "indirizzo", "telefono", "email", "dove siete")),
    ("change_language", ("lingua", "english", "francais", "romana", "espanol")),
    ("help", ("aiuto", "help", "cosa sai fare")),
    ("thanks", ("grazie",)),
    ("goodbye", ("arrivederci", "ciao ciao", "a presto")),
    ("greet", ("ciao", "buongiorno", "buonasera", "salve")),
)


def normalise(text: str) -> str:
    """Lowercase, without accents and with single spaces: how users often type anyway."""
    return _plain(text)


def _without_idioms(text: str) -> str:
    return _IDIOMS_RE.sub(" ", normalise(text))


def looks_like_distress(text: str) -> bool:
    """Danger said outright: the alarm needs nothing more."""
    return _DISTRESS_RE.search(_without_idioms(text)) is not None


def distress_cues(text: str) -> tuple[bool, bool]:
    """(strong, weak): words that may mean danger, to be asked about."""
    plain = _without_idioms(text)
    return _STRONG_RE.search(plain) is not None, _WEAK_RE.search(plain) is not None


def sounds_ordinary(text: str) -> bool:
    """Words of an everyday request (work, courses, renting, shopping) are in the text."""
    return _ORDINARY_RE.search(normalise(text)) is not None


def fears_police(text: str) -> bool:
    """Afraid of the police, of reporting someone, or of losing the residence permit."""
    return _POLICE_RE.search(normalise(text)) is not None


def guess_intent(text: str) -> str | None:
    """A best guess from keywords, used only when the NLU cannot be reached."""
    plain = normalise(text)
    if looks_like_distress(plain):
        return "distress"
    for intent, words in _KEYWORDS:
        if any(word in plain for word in words):
            return intent
    return None
