## Language: the offer to switch, written in the language offered.

lang-offer = ¿Hablas español? Puedo escribirte en español.
btn-lang-keep =
    No, seguir en { $current ->
         [en] inglés
         [ro] rumano
         [ar] árabe
         [fr] francés
         [es] español
        *[it] italiano
    }
lang-kept = De acuerdo, sigo en español. Puedes cambiar el idioma desde el menú cuando quieras.
