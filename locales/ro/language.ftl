## Language: the offer to switch, written in the language offered.

lang-offer = Vorbești română? Pot să-ți scriu în română.
btn-lang-keep =
    Nu, rămân la { $current ->
         [en] engleză
         [ro] română
         [ar] arabă
         [fr] franceză
         [es] spaniolă
        *[it] italiană
    }
lang-kept = Bine, continui în română. Poți schimba limba din meniu oricând.
