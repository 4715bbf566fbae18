## Courses: Arabic texts (translated from Italian, the primary language).
## Catalogue, signing up, waiting list, leaving. $start is the date of the first session (حصة),
## already in the Rome time zone. A course is a دورة; a "posto" is a seat (مقعد).
## Course titles ($title) and descriptions come from the data, translated there; when a course
## has no Arabic text the Italian one is shown, and co-detail-in-italian says so.
## A title follows دورة without an article: «دورة «{ $title }»», «في دورة «{ $title }»».
## co-status-name is a full sentence (أنت مسجّل), so it can follow «في هذه الدورة:» and «{ $title }:».
## The person is addressed in the masculine, as in the other files.
## Plurals: co-mine has zero, one, two, few (3–10: دورات), many (11–99: دورة), other.
## btn-co-course and co-detail-seats keep the Italian variants ([0], [one], [other]): there the
## number follows a colon (مقاعد: 12، المقاعد المتبقية: 12), which reads right for every number.

co-category-name =
    { $category ->
        [informatica] 💻 الحاسوب
        [logistica] 📦 المخازن والخدمات اللوجستية
        [pulizie] 🧽 التنظيف والتعقيم
        [ristorazione] 🍽️ المطاعم
        [lingua_italiana] 🇮🇹 اللغة الإيطالية
        [sicurezza] 🦺 السلامة في العمل
        [competenze_trasversali] 🤝 كيف تبحث عن عمل
       *[other] 📚 دورات أخرى
    }
co-status-name =
    { $status ->
        [enrolled] التسجيل مؤكَّد
        [offered] يوجد مقعد لك
       *[waiting] أنت في قائمة الانتظار، رقمك { $position }
    }

## Browsing

co-categories = ما الدورة التي تبحث عنها؟ اختر موضوعًا.
btn-co-category = { co-category-name } ({ $count })
co-list = هذه هي الدورات. اضغط على دورة لتقرأ المزيد.
btn-co-course =
    { $left ->
        [0] { $title } · قائمة الانتظار
       *[other] { $title } · مقاعد: { $left }
    }
co-none-open =
    الآن لا توجد دورات مفتوحة.
    تأتي دورات جديدة كثيرًا. يمكن لشخص أن يعطيك أفكارًا أخرى.
co-which = وجدت أكثر من دورة. أي دورة تهمّك؟
co-gone = هذه الدورة لم تعد موجودة، أو التسجيل فيها مغلق.
btn-co-all = 📚 كل الدورات
btn-co-mine = 🎓 دوراتي

## The course page

co-detail =
    📚 { $title }
    { $description }
    📍 { $place_name }، { $address }
    💶 التكلفة: { $cost ->
        [gratuito] مجاني
       *[other] { $cost }
    }
co-detail-in-italian = 🇮🇹 (بالإيطالية: لا يوجد نص عربي لهذه الدورة بعد)
co-detail-sessions =
    🗓️ الحصص:
    { $list }
co-detail-seats =
    { $left ->
        [0] 🪑 الدورة ممتلئة. يمكنك أن تدخل قائمة الانتظار.
        [one] 🪑 بقي مقعد واحد.
       *[other] 🪑 المقاعد المتبقية: { $left }.
    }
co-detail-italian = 🗣️ تحتاج إلى اللغة الإيطالية بمستوى { $level }. عند الشك، يمكن سؤال شخص.
co-detail-deadline = ⏳ آخر يوم للتسجيل: { DATETIME($when, dateStyle: "full") }.
co-detail-status = ✅ في هذه الدورة: { co-status-name }.
btn-co-sign-up = ✍️ سجّلني
btn-co-leave = 🚪 انسحب من الدورة

## Signing up

co-ask =
    هل تريد أن تسجّل في دورة «{ $title }»؟
    أول حصة يوم { DATETIME($start, dateStyle: "full", timeStyle: "short") }.
co-ask-waiting =
    دورة «{ $title }» ممتلئة.
    هل تريد أن تدخل قائمة الانتظار؟ إذا أصبح هناك مقعد فارغ، سأكتب لك.
btn-co-yes = ✅ نعم، سجّلني
co-enrolled =
    تم! سجّلتك في دورة «{ $title }». ✅
    📍 { $place_name }، { $address }
co-sessions =
    🗓️ مواعيد الحصص:
    { $list }
co-waiting =
    دورة «{ $title }» ممتلئة.
    أنت في قائمة الانتظار: رقمك { $position }.
    إذا أصبح هناك مقعد فارغ، سأكتب لك فورًا.
co-already = اسمك موجود من قبل في قائمة دورة «{ $title }».
co-ics-caption = 📅 مواعيد حصص الدورة. افتح الملف لتضيفها إلى التقويم.
co-ics-cancel-caption = 📅 انسحبت من الدورة. افتح الملف لتحذف الحصص من التقويم.
co-needs-prescreening =
    قبل التسجيل في دورة «{ $title }»، أجب عن بعض الأسئلة.
    هي تساعدنا لنعرف إن كان المشروع مناسبًا لك. تحتاج إلى دقيقتين فقط.
co-needs-not-eligible =
    حسب ما قلته لي، هذه الدورة ليست لك.
    يمكن لشخص أن يستمع إليك ويعطيك أفكارًا أخرى.
co-needs-in-charge =
    قبل التسجيل في دورة «{ $title }»، تحتاج إلى لقاء معنا.
    يمكن لشخص أن يساعدك على تحديد موعد اللقاء.

## My courses and leaving

co-mine =
    { $count ->
        [zero] هذه دوراتك:
        [one] لديك دورة واحدة:
        [two] لديك دورتان:
        [few] لديك { $count } دورات:
        [many] لديك { $count } دورة:
       *[other] لديك { $count } دورة:
    }
co-mine-item = • { $title }: { co-status-name }
co-mine-none = لا توجد لديك دورات الآن.
btn-co-leave-one = 🚪 انسحب من { $title }
co-leave-ask =
    هل تريد حقًا أن تنسحب من دورة «{ $title }»؟
    سيذهب مقعدك إلى شخص آخر.
btn-co-leave-yes = 🚪 نعم، أنسحب
btn-co-stay = ⬅️ لا، سأبقى
co-left = انسحبت من دورة «{ $title }». إذا غيّرت رأيك، يمكنك أن تسجّل من جديد.

## A free seat from the waiting list

co-offer =
    🎉 أخبار جيدة! أصبح هناك مقعد فارغ في دورة «{ $title }».
    أول حصة يوم { DATETIME($start, dateStyle: "full", timeStyle: "short") }.
    هل تريده؟ آخر وقت للرد: { DATETIME($until, dateStyle: "full", timeStyle: "short") }.
btn-co-accept = ✅ أقبل المقعد
btn-co-decline = ❌ لا أريده
co-offer-accepted = تم! المقعد في دورة «{ $title }» لك. ✅
co-offer-declined = حسنًا. سيذهب المقعد إلى شخص آخر. شكرًا لأنك أخبرتني.
co-offer-gone = عذرًا، هذا العرض لم يعد موجودًا. ربما انتهى وقت الرد.

## Changes and reminders

co-changed =
    ℹ️ تغيّرت دورة «{ $title }».
    أول حصة يوم { DATETIME($start, dateStyle: "full", timeStyle: "short") }.
    📍 { $place_name }، { $address }
co-course-cancelled =
    😔 نأسف: تم إلغاء الدورة «{ $title }».
    إذا أردت، انظر إلى الدورات الأخرى أو تحدث مع شخص.
co-removed-by-office =
    أزالك المكتب من الدورة «{ $title }».
    الدروس لم تعد لك.
    هل تريد أن تعرف السبب؟ تحدث مع شخص.
co-reminder =
    ⏰ تذكير: لديك دورة «{ $title }» يوم { DATETIME($start, dateStyle: "full", timeStyle: "short") }.
    📍 { $place_name }، { $address }

## في ملف «بياناتي»

export-courses = الدورات
export-field-course = الدورة
