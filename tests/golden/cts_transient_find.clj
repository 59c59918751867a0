;; find on transients: a transient vector and a transient map answer
;; entryAt (ITransientAssociative2); a transient set is not Associative.
(let [tv (transient [1 2 3])]
  (prn (find tv 0) (find tv 2) (find tv 3) (find tv -1) (find tv :a))
  (prn (get tv 0) (get tv 4 :foo) (contains? tv 0) (contains? tv 3)))
(let [tm (transient {:a 1 :b nil})]
  (prn (find tm :a) (find tm :b) (find tm :x)))
(let [th (transient (hash-map :a 1 :b 2))]
  (prn (find th :a) (find th :x)))
(prn (try (find (transient #{1}) 1)
          (catch IllegalArgumentException e (.getMessage e))))
(prn (map-entry? (find (transient [5]) 0)) (key (find (transient [5 6]) 1)))
