## Language

lang-choose = بأي لغة تريد أن تتكلم؟
lang-changed = حسنًا، من الآن أتكلم العربية.
lang-name-it = 🇮🇹 Italiano
lang-name-en = 🇬🇧 English
lang-name-ro = 🇷🇴 Română
lang-name-ar = 🇸🇦 العربية
lang-name-fr = 🇫🇷 Français
lang-name-es = 🇪🇸 Español

## My data

data-menu =
    يمكنك أن ترى البيانات التي عندي عنك، أو أن تحذفها.
    يمكنك أيضًا أن تقرأ قواعد الخصوصية كاملة.
export-ready =
    هذه بياناتك في ملفين.
    الملف { "\u2066" }.html{ "\u2069" } يُفتح على الهاتف. الملف { "\u2066" }.json{ "\u2069" } للحواسيب.
export-caption = بياناتك التي حفظها Proximity
erase-confirm =
    هل تريد حذف كل بياناتك؟
    • أحذف أجوبتك ورسائلك.
    • لن أتذكر أين وصلت.
    • إذا أردت أن تعود، يجب أن تبدأ من البداية.
    لا يمكن التراجع عن هذا.
erase-done =
    تم. حذفت كل بياناتك.
    إذا أردت، يمكنك أن تكتب لي من جديد متى تريد.
erase-kept = حسنًا، لم أحذف شيئًا.

btn-my-data = 📦 بياناتي
btn-erase = 🗑 احذف بياناتي
btn-erase-yes = 🗑 نعم، احذف كل شيء
btn-erase-no = ↩️ لا، ارجع
btn-start-again = 👋 ابدأ من جديد

## More commands

cmd-imieidati = شاهد بياناتك
cmd-cancellami = احذف بياناتك

## The document with your data

export-title = بياناتك في Proximity
export-intro = هذه كل البيانات التي عند Proximity عنك، في تاريخ { $date }.
export-profile = الملف الشخصي
export-consents = الموافقة على الخصوصية
export-prescreenings = التحقق من الشروط
export-conversation = أين وصلت المحادثة
export-none = لا توجد بيانات.
export-field-telegram-id = رقم تيليغرام
export-field-name = الاسم
export-field-language = اللغة
export-field-created = أول تواصل
export-field-last-seen = آخر تواصل
export-field-unreachable = تعذّر التواصل منذ
export-field-version = نسخة القواعد
export-field-accepted = مقبول
export-field-date = التاريخ
export-field-outcome = النتيجة
export-field-answers = الأجوبة
export-care = مسارك مع الخدمات
export-field-care-start = مع الخدمات منذ
export-field-care-services = الخدمات
export-field-care-details = بيانات للجهة المموّلة
export-field-care-steps = المسار
export-field-care-exit = نهاية المسار
export-field-care-changes = التغييرات
export-rights = للأسئلة أو لتصحيح البيانات اكتب إلى { $email }.
