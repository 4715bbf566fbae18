## Language: the offer to switch, written in the language offered.

lang-offer = Tu parles français ? Je peux t'écrire en français.
btn-lang-keep =
    Non, rester en { $current ->
         [en] anglais
         [ro] roumain
         [ar] arabe
         [fr] français
         [es] espagnol
        *[it] italien
    }
lang-kept = D'accord, je continue en français. Tu peux changer de langue dans le menu quand tu veux.
