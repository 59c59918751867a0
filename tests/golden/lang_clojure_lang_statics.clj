;; clojure.lang statics readers call, LinkedList/ArrayDeque, Pattern methods.
(println (clojure.lang.PersistentList/create [1 2 3]))
(println (clojure.lang.RT/map (object-array [:b 1 :a 2])) (class (clojure.lang.RT/map (object-array [:b 1]))))
(println (try (clojure.lang.PersistentHashSet/createWithCheck [1 2 1]) (catch IllegalArgumentException e (.getMessage e))))
(println (try (clojure.lang.RT/map (object-array [:a 1 :a 2])) (catch IllegalArgumentException e (.getMessage e))))
(println (clojure.lang.PersistentArrayMap/createAsIfByAssoc (object-array [:a 1 :a 2])))
(println (clojure.lang.BigInt/fromBigInteger (biginteger 5)) (integer? (clojure.lang.RT/nextID)))
(let [l (java.util.LinkedList. [1 2])]
  (.addFirst l 0) (.addLast l 3) (.addAll l 1 [:x :y])
  (prn l (.peek l) (.removeFirst l) (.pollLast l) (.remove l 0) (.size l) (.getFirst l) (class l)))
(let [d (java.util.ArrayDeque.)]
  (.push d 1) (.push d 2) (.offer d 3)
  (prn (str d) (.pop d) (.peekLast d) (count d) (seq d)))
(let [p #"(\d+)-(\d+)" m (.matcher p "10-20")]
  (println (.matches m) (.group m 2) (.pattern p) (vec (.split #"," "a,b,,c")) (vec (.split #"," "a,b,c" 2))))
