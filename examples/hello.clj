;; A small tour: run with `cargo run --release -- examples/hello.clj`.
(ns hello)

(defn fizzbuzz [n]
  (cond (zero? (mod n 15)) "FizzBuzz"
        (zero? (mod n 3)) "Fizz"
        (zero? (mod n 5)) "Buzz"
        :else n))

(println "Hello from cljw!")
(println (map fizzbuzz (range 1 16)))
(let [{:keys [a b] :or {b 2}} {:a 1}]
  (println "destructured" a b))
(println (reduce + (range 1000)) (/ 1 3) (* 1.5 2) (inc' Long/MAX_VALUE))
(prn (frequencies "mississippi"))
