;; FizzBuzz three ways
(defn fb [n]
  (cond (zero? (mod n 15)) "FizzBuzz"
        (zero? (mod n 3)) "Fizz"
        (zero? (mod n 5)) "Buzz"
        :else n))
(doseq [n (range 1 31)] (println (fb n)))
(println (map fb (range 1 16)))
(defn fb2 [n]
  (let [s (str (when (zero? (rem n 3)) "Fizz") (when (zero? (rem n 5)) "Buzz"))]
    (if (empty? s) (str n) s)))
(println (= (map str (map fb (range 1 101))) (map fb2 (range 1 101))))
(println (frequencies (map #(if (string? %) % :num) (map fb (range 1 101)))))
(println (apply str (interpose " " (map fb2 (range 90 101)))))
