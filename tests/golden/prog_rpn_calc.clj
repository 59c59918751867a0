;; RPN calculator over token vectors with error handling
(def ops {'+ +' '- -' '* *' '/ / 'max max 'min min})
(defn rpn [tokens]
  (let [stack (reduce (fn [st t]
                        (if-let [f (ops t)]
                          (if (< (count st) 2)
                            (throw (ex-info "stack underflow" {:token t}))
                            (let [b (peek st) a (peek (pop st))] (conj (pop (pop st)) (f a b))))
                          (conj st t)))
                      [] tokens)]
    (if (= 1 (count stack)) (peek stack) (throw (ex-info "bad expression" {:stack stack})))))
(doseq [prog ['[1 2 +] '[3 4 * 5 -] '[10 4 /] '[2 3 max 1 min] '[9223372036854775807 1 +]
              '[1.5 2 *] '[1 +] '[1 2] '[1 0 /]]]
  (println prog "=>"
           (try (rpn prog)
                (catch clojure.lang.ExceptionInfo e (str "error: " (ex-message e) " " (ex-data e)))
                (catch ArithmeticException e (str "arith: " (ex-message e))))))
