;; STM transactions on refs (single thread).
;; expect: 200000 -200000
(let [a (ref 0) b (ref 0)]
  (dotimes [_ 200000] (dosync (alter a inc) (commute b dec)))
  (println @a @b))
