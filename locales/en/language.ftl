## Language: the offer to switch, written in the language offered.

lang-offer = Do you speak English? I can write to you in English.
btn-lang-keep =
    No, keep { $current ->
         [en] English
         [ro] Romanian
         [ar] Arabic
         [fr] French
         [es] Spanish
        *[it] Italian
    }
lang-kept = OK, I'll go on in English. You can change the language from the menu at any time.
