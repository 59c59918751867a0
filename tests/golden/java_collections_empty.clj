;; java.util.Collections' shared empty collections and emptySet.
(import 'java.util.Collections)
(println (count Collections/EMPTY_LIST) (seq Collections/EMPTY_LIST) (empty? Collections/EMPTY_MAP))
(println (instance? java.util.List Collections/EMPTY_LIST)
         (instance? java.util.Map Collections/EMPTY_MAP)
         (instance? java.util.Set Collections/EMPTY_SET))
(println (= [] Collections/EMPTY_LIST) (= {} Collections/EMPTY_MAP) (= #{} Collections/EMPTY_SET))
(println (into [] (Collections/emptySet)) (.size (Collections/emptySet)) (.contains (Collections/emptySet) 1))
(println (.isEmpty Collections/EMPTY_SET) (get Collections/EMPTY_MAP :a :none))
