;; case: constants of every kind, grouped tests, default, no match
(defn f [x]
  (case x
    1 :one
    (2 3) :two-or-three
    "s" :string
    \c :char
    :k :keyword
    sym :symbol
    [1 2] :vector
    {:a 1} :map
    nil :nil
    :default))
(prn (map f [1 2 3 "s" \c :k 'sym [1 2] '(1 2) {:a 1} nil 99 1.0]))
(prn (case 'quote (quote x) :quoted :no))
(prn (case 5 5 :five))
(prn (try (case 42 1 :a 2 :b)
          (catch IllegalArgumentException e (.getMessage e))))
(prn (try (case "zz" "a" 1)
          (catch IllegalArgumentException e (.getMessage e))))
(prn (case (+ 1 1) 2 (str "two") "other"))
(prn (let [n 3] (case n (1 2 3) :low (4 5 6) :mid :high)))
(prn (case true true :t false :f))
(prn (case false true :t false :f))
