## Language: the offer to switch, written in the language offered.

lang-offer = هل العربية أسهل لك؟ يمكنني أن أكتب لك بالعربية.
btn-lang-keep =
    لا، أكمل باللغة { $current ->
         [en] الإنجليزية
         [ro] الرومانية
         [ar] العربية
         [fr] الفرنسية
         [es] الإسبانية
        *[it] الإيطالية
    }
lang-kept = حسنًا، أكمل بالعربية. يمكنك تغيير اللغة من القائمة في أي وقت.
