## Proximity: Arabic texts (translated from Italian, the primary language).
## Short sentences, common words. Every technical word has an explanation.
## Right to left: the loader isolates every { $placeable }. Phone numbers with spaces,
## commands and file extensions written here are wrapped in { "\u2066" } … { "\u2069" }
## (left-to-right isolate) so that they are not shown reversed.

## Welcome and consent

welcome =
    مرحبًا! أنا مساعد PROXIMITY.CR. 👋
    المشروع يساعد الأشخاص الذين يبحثون عن عمل. يساعدهم على إيجاد دورات وتدريب عملي ودعم.

    قبل أن نبدأ، هذه طريقة استخدامي لبياناتك:
    • أحفظ فقط ما أحتاجه لمساعدتك.
    • يراها فقط موظفو المشروع.
    • يمكن رؤية بياناتك أو حذفها في أي وقت.

    هل نتفق على ذلك؟
consent-needed =
    قبل أن أساعدك، أحتاج إلى موافقتك.
    أحفظ فقط ما أحتاجه. يراه فقط موظفو المشروع.
    هل نتفق على ذلك؟
consent-renewed =
    غيّرنا قواعد الخصوصية.
    من فضلك، اقرأ القواعد الجديدة. هل نتفق على ذلك؟
consent-notice = { consent-needed }
consent-thanks = شكرًا! الآن يمكننا أن نبدأ.
consent-declined =
    حسنًا، لا مشكلة.
    بدون موافقتك لا أستطيع مساعدتك هنا.
    يمكنك التحدث مع شخص:
    📍 { $office_name }، { $address }
    🕘 { $hours }
    📞 { $phone }
    ✉️ { $email }

## Menu

menu = كيف يمكنني المساعدة؟ يمكن اختيار زر أو الكتابة لي.
welcome-back = أهلًا بعودتك! كيف يمكنني المساعدة؟
help =
    أستطيع مساعدتك في:
    • معرفة إن كان يمكنك الانضمام إلى المشروع؛
    • حجز موعد؛
    • إيجاد دورة؛
    • التحدث مع شخص.
    اختر زرًا أو اكتب بكلماتك.
cancelled = حسنًا، ألغيت ذلك. كيف يمكنني المساعدة؟
button-expired = هذا الزر لم يعد يعمل. هذه هي القائمة.
unknown-command = لا أعرف هذا الأمر. هذه هي القائمة.

## Short answers

greet = مرحبًا! كيف أستطيع مساعدتك؟
goodbye = مع السلامة، إلى اللقاء! اكتب لي متى تحتاج.
thanks = عفوًا! هل أستطيع أن أفعل شيئًا آخر لك؟
ack = حسنًا. كيف يمكنني المساعدة؟
inform-noted = شكرًا، فهمت. كيف يمكنني المساعدة الآن؟
bot-challenge =
    أنا مساعد آلي، لست شخصًا.
    يمكن لشخص أن يساعدك متى تريد: اضغط «تحدث مع شخص».

## When I do not understand

clarify = لم أفهم جيدًا. هل المقصود أحد هذه الأشياء؟
still-not-understood =
    عذرًا، لا أستطيع أن أفهم.
    هل تريد التحدث مع شخص؟ أو استخدم أزرار القائمة.
nlu-down =
    الآن أجد صعوبة في قراءة الرسائل.
    من فضلك، استخدم الأزرار في الأسفل.
too-long =
    الرسالة طويلة جدًا، ولا أستطيع أن أفهمها كلها.
    اكتب بكلمات قليلة ماذا تحتاج، أو استخدم الأزرار.
non-text =
    { $kind ->
        [voice] لا أستطيع الاستماع إلى الرسائل الصوتية.
        [video_note] لا أستطيع مشاهدة الفيديو.
        [video] لا أستطيع مشاهدة الفيديو.
        [audio] لا أستطيع الاستماع إلى الملفات الصوتية.
        [sticker] شكرًا على الملصق! 🙂
        [photo] لا أستطيع مشاهدة الصور.
        [document] لا أستطيع فتح الملفات.
        [location] لا أستخدم موقعك.
        [contact] لا أستخدم جهات الاتصال.
       *[other] أستطيع قراءة الرسائل المكتوبة فقط.
    }
    اكتب لي ماذا تحتاج، أو استخدم الأزرار.
edited =
    أنت غيّرت رسالة. أنا لا أقرأ الرسائل التي تغيّرت.
    من فضلك، اكتب لي مرة أخرى.

## A person and emergency numbers

person-contacts =
    يمكنك التحدث مع شخص في المكتب:
    📍 { $office_name }، { $address }
    🕘 { $hours }
    📞 { $phone }
    ✉️ { $email }
distress-numbers =
    يؤسفني ذلك كثيرًا. نحن هنا معك.
    في حالة الخطر: الاتصال فورًا بالرقم 112.
    📞 112: الطوارئ، يعمل دائمًا.
    📞 1522: مساعدة ضد العنف. الاتصال مجاني، 24 ساعة في اليوم، وبلغات أخرى أيضًا.
    📞 { "\u2066" }02 2327 2327{ "\u2069" }: Telefono Amico (هاتف الصديق)، للتحدث مع شخص ما.
distress-person =
    إذا كانت هناك حاجة إلى طعام أو سكن، يمكن الاتصال بالخدمات الاجتماعية في بلديتك.
    ويمكن أيضًا الاتصال بنا:
    📞 { $phone }
    🕘 { $hours }

## Privacy

privacy-short =
    بياناتك:
    • أحفظ اسمك في تيليغرام وأجوبتك.
    • أستخدمها فقط لمساعدتك في المشروع.
    • يراها فقط موظفو المشروع.
    • يمكن رؤية بياناتك أو حذفها في أي وقت.
    للسؤال: ✉️ { $email }
privacy-full =
    من يعالج البيانات: Comunità Sociale Cremasca، لمشروع PROXIMITY.CR.
    لماذا: لنعطيك معلومات ومواعيد، ولنتابعك في المشروع.
    الأساس هو موافقتك. وهناك أيضًا مهام الخدمات الاجتماعية.
    ماذا أحفظ: اسمك في تيليغرام، ولغتك، والأجوبة التي تعطيني إياها.
    إلى متى: الرسائل لمدة 90 يومًا على الأكثر. وباقي البيانات لمدة سنتين على الأكثر بعد آخر تواصل.
    من يراها: فقط موظفو المشروع.
    تيليغرام: الرسائل تمر عبر تيليغرام. تيليغرام لا يشفّرها من طرف إلى طرف.
    حقوقك: يمكنك أن ترى بياناتك وتصححها وتحذفها. يمكنك أيضًا أن تقول لا.
    نجيب خلال شهر واحد. يمكنك أن تقدم شكوى إلى Garante della privacy (الهيئة الإيطالية لحماية البيانات).
    اكتب إلى: ✉️ { $email }

## Frequent questions

faq-project =
    PROXIMITY.CR يساعد الأشخاص الذين يبحثون عن عمل على التعلم والعمل من جديد.
    هو للأشخاص من عمر 30 إلى 60 سنة، الذين يسكنون في إحدى بلديات منطقة كريما الـ48.
    يقدم المشروع:
    • لقاءات لتفهم ماذا تريد أن تفعل؛
    • تقييم المهارات (bilancio di competenze)، يعني أن تفهم ماذا تعرف أن تفعل؛
    • مرشدًا يتابعك؛
    • دورات لتتعلم مهنة؛
    • تدريبًا عمليًا (tirocinio)، يعني فترة عمل في شركة لتتعلم.
    كل هذا مجاني.
faq-internship =
    التدريب العملي (tirocinio) هو فترة في شركة لتتعلم عملًا.
    مرشد يتابعك من البداية إلى النهاية.
    كم يدوم؟ مشروعك يقرر ذلك. عادةً حتى 12 شهرًا، وأحيانًا حتى 24.
    المال: مشروعك يقول إذا كنت تحصل على منحة شهرية (indennità)، وكم هي.
    ليس راتبًا وليس عقد عمل.
    لديك تأمين INAIL، إذا تعرضت لإصابة أثناء العمل.
faq-documents =
    في اللقاء الأول أحضر هذه الأوراق، إذا كانت عندك:
    • وثيقة هوية؛
    • الرقم الضريبي (codice fiscale) أو البطاقة الصحية (tessera sanitaria)؛
    • الـISEE، يعني الورقة عن دخل العائلة؛
    • الـDID، يعني التصريح بالاستعداد للعمل. تقدمه في Centro per l'Impiego (مكتب التشغيل العام)؛
    • تصريح الإقامة (permesso di soggiorno)، إذا كنت من بلد خارج الاتحاد الأوروبي؛
    • سيرتك الذاتية، إذا كانت عندك.
    إذا لم يكن عندك شيء من هذه الأوراق، تعال رغم ذلك.
faq-contacts =
    📍 { $office_name }، { $address }
    🕘 { $hours }
    📞 { $phone }
    ✉️ { $email }

## Errors and special cases

error-generic = عذرًا، حدث خطأ. يمكن المحاولة مرة أخرى بعد قليل.
busy-retry = عذرًا، ردّي بطيء قليلًا الآن. يمكن المحاولة مرة أخرى بعد دقيقة.
group-not-supported =
    مرحبًا! أتكلم فقط في المحادثة الخاصة.
    افتح المحادثة معي واكتب لي هناك.

## Buttons

btn-menu = 🏠 القائمة
btn-person = 🙋 تحدث مع شخص
btn-eligibility = ✅ هل يمكنني المشاركة؟
btn-appointments = 📅 المواعيد
btn-courses = 📚 الدورات
btn-project = ℹ️ المشروع
btn-documents = 📄 الوثائق
btn-privacy = 🔒 الخصوصية
btn-language = 🌍 اللغة
btn-accept = ✅ أوافق
btn-decline = ❌ لا أوافق
btn-read-all = 📖 اقرأ كل شيء
btn-changed-mind = 🔄 غيّرت رأيي
btn-back = ⬅️ رجوع

## Choices when I do not understand: one for each intent

intent-greet = أن أسلّم عليك
intent-goodbye = أن أودّعك وأخرج
intent-thanks = أن أشكرك
intent-affirm = نعم
intent-deny = لا
intent-help = ماذا تستطيع أن تفعل؟
intent-check_eligibility = هل يمكنني المشاركة؟
intent-inform = أن أعطيك معلومة
intent-book_appointment = أن أحجز موعدًا
intent-cancel_appointment = أن ألغي موعدًا
intent-reschedule_appointment = أن أغيّر وقت موعد
intent-my_appointments = مواعيدي
intent-list_courses = أن أرى الدورات
intent-enroll_course = أن أسجّل في دورة
intent-withdraw_course = أن أنسحب من دورة
intent-ask_human = أن أتحدث مع شخص
intent-faq_internship = ما هو التدريب العملي؟
intent-faq_project = ما هو المشروع؟
intent-faq_documents = ما هي الوثائق اللازمة؟
intent-faq_contacts = أوقات العمل والعنوان
intent-privacy = بياناتي والخصوصية
intent-delete_my_data = أن أحذف بياناتي
intent-change_language = أن أغيّر اللغة
intent-bot_challenge = هل أنت روبوت؟
intent-distress = أحتاج إلى مساعدة عاجلة
intent-out_of_scope = شيء آخر

## Commands (Telegram's command menu)

cmd-start = ابدأ
cmd-help = ماذا أستطيع أن أفعل
cmd-requisiti = هل يمكنني المشاركة؟
cmd-appuntamenti = مواعيدي
cmd-corsi = الدورات
cmd-operatore = تحدث مع شخص
cmd-privacy = بياناتك
cmd-lingua = غيّر اللغة
cmd-annulla = ألغِ وارجع إلى القائمة

## Can I join? (pre-check of the requirements)

pre-intro =
    سأسألك بعض الأسئلة القصيرة، 6 أسئلة على الأكثر.
    هذا ليس قرارًا: موظف يتحقق دائمًا.
    يمكن التوقف في أي وقت بالأمر { "\u2066" }/annulla{ "\u2069" }.
pre-resume = كنا قد بدأنا الأسئلة. هل نكمل من حيث توقفنا؟
pre-stopped = أوقفت الأسئلة. كيف يمكنني المساعدة؟
pre-again = عذرًا، لم أفهم الجواب.
pre-correct = حسنًا، لنصحح.
pre-place-unsure = لم أفهم جيدًا. هل المقصود إحدى هذه البلديات؟
pre-place-unknown = لا أجد هذه البلدية. من فضلك، حاول أن تكتبها مرة أخرى.
pre-edit = أي جواب تريد أن تغيّر؟

q-age =
    السؤال { $number } من { $total }.
    كم عمرك؟
    يمكن كتابة العمر، مثلًا 45، أو سنة الميلاد.
q-residence =
    السؤال { $number } من { $total }.
    ما هي بلدية سكنك؟ يكفي اسم البلدة.
q-work =
    السؤال { $number } من { $total }.
    هل عندك عمل الآن؟
q-services =
    السؤال { $number } من { $total }.
    هل تتابعك خدمة بالفعل؟
    مثلًا المساعد الاجتماعي، أو خدمة صحية، أو مربٍّ.
q-permit =
    السؤال { $number } من { $total }.
    هل عندك الجنسية الإيطالية أو جنسية بلد آخر في الاتحاد الأوروبي؟
q-did =
    السؤال { $number } من { $total }.
    هل قدمت الـDID؟
    هو التصريح بالاستعداد للعمل. يُقدَّم في Centro per l'Impiego (مكتب التشغيل العام).

pre-result =
    { $outcome ->
        [likely_eligible] يبدو أن المشاركة ممكنة! موظف سيؤكد ذلك.
        [to_check] بعض الأشياء تحتاج إلى تحقق. موظف سيساعدك.
       *[not_eligible] حسب أجوبتك، المشروع ليس لك. هذا هو السبب:
    }
pre-line-age =
    { $status ->
        [met] ✅ العمر: مناسب.
        [not_met] { $reason ->
            [under] ❌ العمر: المشروع للأشخاص الذين عمرهم 30 سنة على الأقل.
           *[over] ❌ العمر: المشروع للأشخاص الذين عمرهم 60 سنة على الأكثر.
        }
       *[to_check] { $reason ->
            [birthday] ❓ العمر: يعتمد على يوم ميلادك. موظف سيتحقق من ذلك.
           *[other] ❓ العمر: لا أعرفه. موظف سيتحقق من ذلك.
        }
    }
pre-line-residence =
    { $status ->
        [met] ✅ البلدية: { $place } في منطقة كريما.
        [not_met] ❌ البلدية: { $place } ليست من بلديات منطقة كريما الـ48.
       *[to_check] ❓ البلدية: لا أعرفها. موظف سيتحقق من ذلك.
    }
pre-line-work =
    { $status ->
        [met] ✅ العمل: ليس عندك عمل الآن.
        [not_met] ❌ العمل: المشروع للأشخاص الذين لا يعملون الآن.
       *[to_check] { $reason ->
            [occasional] ❓ العمل: عندك عمل من وقت لآخر. موظف سيتحقق من ذلك.
            [training] ❓ العمل: عندك دورة الآن. موظف سيتحقق من ذلك.
           *[other] ❓ العمل: لا أعرف. موظف سيتحقق من ذلك.
        }
    }
pre-line-services =
    { $status ->
        [met] ✅ الخدمات: تتابعك خدمة الآن.
        [not_met] ❌ الخدمات: المشروع للأشخاص الذين تتابعهم خدمة.
       *[to_check] ❓ الخدمات: سيتحدث معك موظف عن ذلك.
    }
pre-line-permit =
    { $status ->
        [met] ✅ الوثائق: مناسبة.
        [not_met] ❌ الوثائق: للتدريب العملي يلزم تصريح إقامة صالح.
       *[to_check] ❓ الوثائق: للتدريب العملي يلزم تصريح إقامة صالح. سيتحدث معك موظف عن ذلك.
    }
pre-did-info =
    💡 الـDID مفيد. يمكن تقديمه مجانًا في Centro per l'Impiego (مكتب التشغيل العام) أو عبر الإنترنت. موظف يستطيع مساعدتك.
pre-elsewhere =
    يمكنك أن تطلب المساعدة من الخدمات الاجتماعية في بلديتك أو من Centro per l'Impiego (مكتب التشغيل العام).
    إذا أردت، تحدث مع شخص من المشروع.

btn-continue = ▶️ أكمل
btn-restart = 🔄 ابدأ من جديد
btn-prefer-not = 🤐 لا أعرف / أفضّل ألّا أقول
btn-place = 📍 { $name }
btn-none-of-these = ✏️ لا شيء من هذه
btn-book-orientation = 📅 احجز لقاء
btn-correct = ✏️ صحّح جوابًا

ans-age-under = أقل من 30 سنة
ans-age-in = من 30 إلى 60 سنة
ans-age-over = أكثر من 60 سنة
ans-residence-crema = 📍 Crema
ans-work-not-working = لا، لا أعمل
ans-work-working = نعم، أعمل
ans-work-occasional = أعمل من وقت لآخر
ans-work-training = أتابع دورة
ans-services-yes = نعم
ans-services-no = لا
ans-permit-eu-citizen = نعم
ans-permit-valid-permit = لا، عندي تصريح إقامة
ans-permit-no-permit = لا، وليس عندي تصريح
ans-did-yes = نعم
ans-did-no = لا

edit-age = العمر
edit-residence = البلدية
edit-work = العمل
edit-services = الخدمات
edit-permit = الجنسية
edit-did = الـDID
