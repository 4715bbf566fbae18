## Appointments: Arabic texts (translated from Italian, the primary language).
## Book, see, move, cancel; reminders. $when is a date and time already in the Rome time zone.
## $kind is the kind of appointment. ap-kind-name is always definite (لقاء التوجيه، الموعد),
## so it can follow a noun: «لحجز { ap-kind-name }», «في { ap-kind-name }».
## Plurals: zero, one, two, few (3–10: ساعات، مواعيد), many (11–99: ساعة، موعدًا), other.

ap-kind-name =
    { $kind ->
        [orientation] لقاء التوجيه
        [skills_assessment] لقاء تقييم المهارات
        [tutoring] اللقاء مع المرشد
        [social_worker] اللقاء مع المساعد الاجتماعي
       *[other] الموعد
    }
ap-weekday =
    { $weekday ->
        [0] الاثنين
        [1] الثلاثاء
        [2] الأربعاء
        [3] الخميس
        [4] الجمعة
        [5] السبت
       *[6] الأحد
    }

## Choosing

ap-choose-kind = أي موعد تريد أن تحجز؟
btn-ap-kind-orientation = 🧭 لقاء التوجيه
btn-ap-kind-skills_assessment = 📝 تقييم المهارات
btn-ap-kind-tutoring = 🤝 لقاء مع المرشد
btn-ap-kind-social_worker = 👥 المساعد الاجتماعي
ap-slots =
    هذه هي الأوقات المتاحة لحجز { ap-kind-name }.
    اختر الوقت الذي يناسبك.
ap-slots-filtered =
    هذه هي الأوقات المتاحة التي تناسبك.
    هي أوقات { ap-kind-name }.
ap-slots-hint = يمكنك أيضًا أن تكتب لي متى تفضّل أن تأتي. مثلًا: «الثلاثاء صباحًا» أو «بعد الساعة 15».
ap-none-fits =
    لا توجد أوقات متاحة تناسب «{ $wish }».
    سأعرض عليك كل الأوقات المتاحة.
ap-day = 📅 { DATETIME($day, dateStyle: "full") }: { $times }
btn-ap-slot = { ap-weekday } { $day }/{ $month } · { $time } · { $venue }
btn-ap-earlier = ◀️ أوقات أبكر
btn-ap-later = أوقات لاحقة ▶️
btn-ap-all-times = 📅 كل الأوقات
ap-no-slots =
    الآن لا توجد أوقات متاحة.
    🗓️ { ap-kind-name }
    يمكن لموظف أن يحدد لك موعدًا: اضغط «اطلبه من شخص».
    أو اتصل بالمكتب: 📞 { $phone }

## Confirming

ap-book-ask =
    هل تريد أن تحجز هذا الموعد؟
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }، { $address }
btn-ap-yes = ✅ نعم، احجز
btn-ap-other-time = ⬅️ اختر وقتًا آخر
ap-booked =
    تم! موعدك محجوز. ✅
    🗓️ { ap-kind-name }
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }، { $address }
ap-directions = 🚌 كيف تصل: { $directions }
ap-bring = 👜 أحضر معك: وثيقة هوية، والبطاقة الصحية (tessera sanitaria)، وإذا كانت عندك: سيرتك الذاتية والـISEE.
ap-calendar = سأرسل لك أيضًا ملفًا لتقويم هاتفك. وسأذكّرك بالموعد قبل وقته.
ap-ics-caption = 📅 موعدك. افتح الملف لتضيفه إلى التقويم.
ap-ics-cancel-caption = 📅 تم إلغاء الموعد. افتح الملف لتحذفه من التقويم.
ap-slot-gone = عذرًا، هذا الوقت لم يعد متاحًا. من فضلك، اختر وقتًا آخر.

## My appointments

btn-ap-mine = 📋 مواعيدي
ap-list =
    { $count ->
        [zero] ليس لديك مواعيد.
        [one] لديك موعد واحد:
        [two] لديك موعدان:
        [few] لديك { $count } مواعيد:
        [many] لديك { $count } موعدًا:
       *[other] لديك { $count } موعد:
    }
ap-list-item = • { DATETIME($when, dateStyle: "full", timeStyle: "short") }: { ap-kind-name }، { $place }
btn-ap-move-one = 🔁 غيّر موعد { $day }/{ $month }
btn-ap-cancel-one = ❌ ألغِ موعد { $day }/{ $month }
btn-ap-book-another = ➕ احجز موعدًا آخر
ap-none-booked = ليس لديك مواعيد.
btn-ap-book = 📅 احجز موعدًا
ap-gone = هذا الموعد لم يعد موجودًا. ربما مضى وقته أو تم إلغاؤه.

## Moving

ap-move-intro =
    لنغيّر وقت { ap-kind-name }.
    وقته الآن: { DATETIME($when, dateStyle: "full", timeStyle: "short") }.
    اختر الوقت الجديد. حتى تختاره، يبقى الوقت القديم لك.
ap-move-ask =
    هل تريد أن تغيّر وقت الموعد؟
    الوقت القديم: { DATETIME($old, dateStyle: "full", timeStyle: "short") }
    الوقت الجديد: { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }، { $address }
ap-moved =
    تم! غيّرت وقت موعدك. ✅
    🗓️ { ap-kind-name }
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }، { $address }

## Cancelling

ap-cancel-why =
    لنلغِ موعدك يوم { DATETIME($when, dateStyle: "full", timeStyle: "short") }.
    هل تقول لي لماذا؟ هذا ليس إجباريًا.
btn-ap-why-ill = 🤒 أشعر بالمرض
btn-ap-why-busy = 💼 عندي التزام آخر
btn-ap-why-not_needed = 🙅 لم أعد أحتاجه
btn-ap-why-unsaid = 🤐 أفضّل ألّا أقول
btn-ap-keep = ⬅️ لا، أحتفظ به
ap-cancelled =
    ألغيت موعدك يوم { DATETIME($when, dateStyle: "full", timeStyle: "short") }.
    إذا أردت، يمكنك أن تحجز في يوم آخر.
btn-ap-book-again = 📅 احجز في يوم آخر
btn-ap-cancel = ❌ ألغِ الموعد

## Who can book

ap-prescreening-first =
    قبل الحجز، أجب عن بعض الأسئلة.
    هي تساعدنا لنعرف إن كان المشروع مناسبًا لك. تحتاج إلى دقيقتين فقط.
ap-not-open =
    حسب ما قلته لي، هذا اللقاء ليس لك.
    أستطيع أن أقول لك أين تطلب المساعدة أيضًا. أو تحدث مع شخص.
ap-kind-closed =
    هذا الموعد يحدده موظف، بعد اللقاء الأول.
    { $step ->
        [book] أولًا احجز اللقاء الأول.
        [booked] عندك اللقاء الأول: اسأل الموظف هناك. أو اطلبه الآن من شخص.
        [questions] أولًا أجب عن بعض الأسئلة. بعد ذلك يمكنك أن تحجز اللقاء الأول.
       *[person] يمكنك أن تطلبه من شخص. سأقول له إنك تحتاج موعدًا.
    }
ap-already-have =
    عندك هذا الموعد من قبل:
    🗓️ { ap-kind-name }
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    يمكن أن يكون عندك موعد واحد فقط. إذا أردت تغيير وقته، اختر وقتًا جديدًا.
    حتى تختار، يبقى موعدك كما هو.
ap-move-instead =
    عندك هذا الموعد من قبل. يمكن أن يكون عندك موعد واحد فقط.
    🗓️ { ap-kind-name }
    الآن: { DATETIME($old, dateStyle: "full", timeStyle: "short") }
    الوقت الجديد: { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }، { $address }
    هل تريد أن تنقله إلى هذا الوقت؟
btn-ap-move-here = 🔁 انقله إلى هنا
btn-ap-keep-mine = ✅ أحتفظ بموعدي
btn-ap-ask-person = 🙋 اطلبه من شخص

## Reminders

ap-reminder =
    { $lead_hours ->
        [zero] ⏰ تذكير: لديك موعد الآن.
        [one] ⏰ تذكير: لديك موعد بعد ساعة.
        [two] ⏰ تذكير: لديك موعد بعد ساعتين.
        [few] ⏰ تذكير: لديك موعد بعد { $lead_hours } ساعات.
        [many] ⏰ تذكير: لديك موعد بعد { $lead_hours } ساعة.
       *[other] ⏰ تذكير: لديك موعد بعد { $lead_hours } ساعة.
    }
    🗓️ { ap-kind-name }
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }، { $address }
    هل الحضور ممكن؟ اضغط على زر.
btn-ap-confirm = ✅ أؤكد، سأحضر
btn-ap-cant = 🙁 لا أستطيع الحضور
btn-ap-move = 🔁 غيّر الوقت
ap-confirm-thanks =
    شكرًا! ننتظرك. 😊
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }، { $address }
ap-cant-come =
    لا مشكلة، هذا يحدث.
    هل تريد أن تغيّر وقت الموعد أو تلغيه؟
ap-withdrawn =
    نأسف: تم إلغاء موعدك يوم { DATETIME($when, dateStyle: "full", timeStyle: "short") }.
    الموظف لا يستطيع الحضور. من فضلك، اختر يومًا آخر.
ap-missed =
    مرحبًا! لم نرك اليوم في { ap-kind-name }.
    هذا يمكن أن يحدث. إذا أردت، اختر يومًا جديدًا.

## In the "My data" file

export-appointments = المواعيد
export-field-when = متى
export-field-place = أين
export-field-status = الحالة
export-field-in-charge = في المشروع منذ
