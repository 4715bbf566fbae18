## Texts for the operators (the operators' group works in Italian). Translated so that every
## catalogue has every key; op-signature and op-caption reach the person.

op-card =
    { $urgent ->
        [yes] 🆘 عاجل
       *[no] 🙋 طلب تواصل
    }
    الاسم: { $name }
    اللغة: { $language }
    السبب: { $reason ->
        [distress] حالة طوارئ (وصلته أرقام الطوارئ)
        [operator] موظف كتب أولًا
        [misunderstood] البوت لم يفهم مرتين
        [appointment] يطلب موعدًا يحدده موظف
       *[asked] طلب التحدث مع شخص
    }
    الشروط: { $prescreening }
    المواعيد والدورات: { $bookings }
    آخر الرسائل:
    { $recent }
op-card-claimed = ✋ يتولاه { $operator }.
op-card-closed = ✅ أغلقه { $operator }.
op-claimed-by-other = الطلب عند { $operator } من قبل.
op-not-operator = هذه الوظيفة لموظفي المشروع فقط.
op-reannounce = ⏰ هذا الطلب ما زال ينتظر موظفًا.
op-edited = ✏️ رسالة معدّلة: { $text }
op-no-handoff = لا توجد محادثة مفتوحة في هذا الموضوع.
op-scrivi-usage = اكتب { "\u2066" }/scrivi{ "\u2069" } ثم رقم الشخص، مثلًا { "\u2066" }/scrivi 12345{ "\u2069" }.
op-scrivi-unknown = لا أجد هذا الشخص، أو أنه لم يعطِ موافقته.
op-opened = المحادثة مفتوحة. اكتب هنا: سيستلم الشخص رسائلك.
op-closed-by-beneficiary = الشخص رجع إلى القائمة. المحادثة مغلقة.
op-signature = 👤 { $operator }: { $text }
op-caption = — 👤 { $operator }
op-none = لا شيء
op-prescreening = { $outcome ->
        [likely_eligible] يبدو نعم
        [to_check] يحتاج إلى تحقق
        [not_eligible] يبدو لا
       *[other] لم يتم
    } { $date }
op-erased = الشخص حذف بياناته. هذه المحادثة مغلقة.
btn-claim = ✋ أتولاه أنا
btn-close = ✅ أغلق
op-details =
    📋 الإجابات على التحقق من الشروط:
    { $answers }
btn-details = 📋 مزيد من التفاصيل

op-cases =
    الطلبات المفتوحة: { $count }
    { $lines }
op-case-line = { $urgent ->
        [yes] 🆘
       *[no] •
    } { $name } (id { $id }): { $status ->
        [claimed] يتابعها { $operator }
       *[open] في الانتظار
    }، منذ { $minutes } دقيقة

## المواعيد: تنبيهات في مجموعة الموظفين وسؤال الحضور.
op-ap-someone = شخص بلا اسم
op-ap-booked = 📅 حُجز: { $name } (id { $id })، { $kind }، { $when }، { $place }، مع { $operator }.
op-ap-moved = 🔁 نُقل: { $name } (id { $id })، { $kind }، الآن { $when }، { $place }، مع { $operator }.
op-ap-cancelled = ❌ أُلغي: { $name } (id { $id })، { $kind }، { $when }، { $place }، مع { $operator }.
op-ap-unreachable = ⚠️ لم يصل التذكير، حظر البوت: { $name } (id { $id })، { $kind }، { $when }، { $place }، مع { $operator }.
op-ap-unconfirmed = ❓ لا تأكيد عند آخر تذكير: { $name } (id { $id })، { $kind }، { $when }، { $place }، مع { $operator }.
op-att-question = 👥 هل حضر { $name } (id { $id }) موعد { $when }؟ { $kind }، { $place }، مع { $operator }.
op-att-marked = { $status ->
        [attended] ✅ حاضر
       *[no_show] ❌ غائب
    } (سجّله { $operator })
op-att-already = سجّل { $operator } الحضور من قبل.
op-att-too-early = الموعد لم يبدأ بعد.
op-att-gone = هذا الموعد لم يعد موجودًا: أُلغي، أو حذف الشخص بياناته.
btn-att-present = ✅ حاضر
btn-att-absent = ❌ غائب

## الدورات: إشعارات في مجموعة الموظفين.
op-co-enrolled = 🎓 تسجيل: { $name } (id { $id })، الدورة «{ $course }». المقاعد المشغولة: { $taken } من { $seats }.
op-co-waiting = ⏳ في قائمة الانتظار: { $name } (id { $id })، الدورة «{ $course }».
op-co-withdrawn = 🚪 انسحاب: { $name } (id { $id })، الدورة «{ $course }». يذهب المقعد إلى أول شخص في القائمة، إن وجد.
op-co-accepted = ✅ قبل المقعد الذي تحرر: { $name } (id { $id })، الدورة «{ $course }».
op-card-released = ↩️ { $operator } تركها: تنتظر موظفًا.
op-web-reply = 💻 { $operator }: { $text }
op-web-note = 📝 ملاحظة من { $operator }، لا يراها الشخص: { $text }
