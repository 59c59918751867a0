;; mutual recursion via letfn and trampoline
(defn collatz-len [n]
  (letfn [(even-step [n c] #(step (quot n 2) (inc c)))
          (odd-step [n c] #(step (inc (* 3 n)) (inc c)))
          (step [n c] (cond (= n 1) c (even? n) (even-step n c) :else (odd-step n c)))]
    (trampoline step n 0)))
(println (map collatz-len [1 2 3 7 27 97 871]))
(declare my-odd?)
(defn my-even? [n] (if (zero? n) true #(my-odd? (dec n))))
(defn my-odd? [n] (if (zero? n) false #(my-even? (dec n))))
(println (trampoline my-even? 1000000) (trampoline my-odd? 1000001) (trampoline my-odd? 10))
(println (trampoline (fn [] :immediate)))
(println (trampoline + 1 2))
(letfn [(ping [n acc] (if (zero? n) acc (pong (dec n) (conj acc :ping))))
        (pong [n acc] (if (zero? n) acc (ping (dec n) (conj acc :pong))))]
  (println (ping 5 [])))
