## Lingua: l'offerta di cambiare lingua, scritta nella lingua offerta.

lang-offer = Parli italiano? Posso scriverti in italiano.
btn-lang-keep =
    No, continua in { $current ->
         [en] inglese
         [ro] rumeno
         [ar] arabo
         [fr] francese
         [es] spagnolo
        *[it] italiano
    }
lang-kept = Va bene, continuo in italiano. Puoi cambiare lingua dal menu quando vuoi.
