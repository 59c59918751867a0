;; letfn and case
(letfn [(fib [n] (if (< n 2) n (+ (fib (dec n)) (fib (- n 2)))))]
  (println (map fib (range 15))))
(defn kind [x]
  (case x
    1 :one
    2 :two
    (3 4 5) :three-to-five
    :k :keyword
    "s" :string
    sym :symbol
    (a b) :a-or-b
    [1 2] :vector-1-2
    ([3 4] [5 6]) :vec-34-or-56
    {:m 1} :map
    nil :nil
    true :true
    \c :char
    1.5 :double
    :default))
(doseq [x [1 2 3 4 5 :k "s" 'sym 'a 'b [1 2] '(1 2) [3 4] [5 6] {:m 1} nil true false \c 1.5 99 "other"]]
  (prn x (kind x)))
(println (case 10 10 :ten))
(println (try (case 11 10 :ten) (catch IllegalArgumentException e (ex-message e))))
(println (try (case "zz" "a" 1) (catch IllegalArgumentException e (ex-message e))))
(println (try (case :q :a 1) (catch IllegalArgumentException e (ex-message e))))
(println (case (inc 1) 2 "two" "other"))
(defn big-case [n]
  (case n 0 :a 10 :b 100 :c 1000 :d 10000 :e 100000 :f 1000000 :g :none))
(println (map big-case [0 10 100 1000 10000 100000 1000000 5]))
(println (case 'quote quote :q :no))
(println (case (long 2) 2 :long-two :nope))
(println (case 2N 2 :bigint-two :nope))
(println (case [1 2] [1 2] :v :no) (case '(1 2) [1 2] :v :no))
