;; cond
(defn classify [n]
  (cond
    (neg? n) :negative
    (zero? n) :zero
    (< n 10) :small
    :else :large))
(prn (map classify [-5 0 3 42]))
(prn (cond))
(prn (cond false 1))
(prn (cond nil 1 false 2))
(prn (cond 1 :first 2 :second))
(prn (cond (= 1 2) :no :default :yes))
(let [x 7]
  (println (cond (even? x) "even" (> x 5) "big odd" :else "small odd")))
(prn (macroexpand-1 '(cond a b c d)))
(prn (macroexpand-1 '(cond :else 1)))
(prn (macroexpand '(cond)))
