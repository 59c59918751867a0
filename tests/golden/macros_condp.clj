;; condp, including :>> and the no-match exception
(defn describe [x]
  (condp = x
    1 "one"
    2 "two"
    "many"))
(prn (map describe [1 2 3]))
(prn (condp < 5 10 :gt-10 3 :gt-3 :none))
(prn (condp some [1 2 3 4]
       #{0 6 7} :>> inc
       #{4 5 9} :>> dec
       #{1 2 3} :>> #(+ % 3)))
(prn (condp contains? :b #{:a} :has-a #{:b} :has-b))
(prn (try (condp = 9 1 :one 2 :two)
          (catch IllegalArgumentException e (.getMessage e))))
(prn (condp instance? "s" Long :long String :string :other))
