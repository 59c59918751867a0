;; failed assert ends the program with an AssertionError (exit 1)
(defn checked-sqrt [x]
  {:pre [(>= x 0)]}
  (loop [g 1.0 i 0] (if (= i 20) g (recur (/ (+ g (/ x g)) 2) (inc i)))))
(println (checked-sqrt 16))
(println (try (checked-sqrt -1) (catch AssertionError e "caught assertion")))
(assert (= 1 2))
(println "unreachable")
