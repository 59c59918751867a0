;; RT.nthFrom realises a seq before it checks the index (difftest seed 101:
;; `(nth (keep keyword -5) -1)` throws keep's IllegalArgumentException).
(defn ex [f] (try (pr-str (f)) (catch Throwable e (str (.getName (class e)) ": " (ex-message e)))))
(println (ex #(nth (keep keyword -5) -1)))
(println (ex #(nth (map inc 5) -1)))
(println (ex #(nth (lazy-seq (throw (ex-info "realised" {}))) -3)))
(println (ex #(nth (map inc [1 2]) -1)))
(println (ex #(nth (map inc 5) -1 :nf)))
(println (ex #(nth (lazy-seq (throw (ex-info "realised" {}))) 0)))
(println (ex #(nth (seq [1 2 3]) -1)))
