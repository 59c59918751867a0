;; Lazy sieve of Eratosthenes: nested lazy filters.
;; expect: 7919
(defn sieve [s] (lazy-seq (cons (first s) (sieve (filter #(not= 0 (mod % (first s))) (rest s))))))
(println (last (take 1000 (sieve (iterate inc 2)))))
