;; Building lists with cons/conj and walking them.
;; expect: 2000000 999999000000
(let [l (reduce conj () (range 1000000))
      c (reduce (fn [acc x] (cons x acc)) nil (range 1000000))]
  (println (+ (count l) (count c)) (+ (reduce + l) (apply + c))))
