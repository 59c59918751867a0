;; Transducers: transduce, into and sequence over a range.
;; expect: 450004500010000 666666
(let [xf (comp (map inc) (filter even?) (map #(* % %)))]
  (println (quot (transduce xf + (range 300000)) 10)
           (count (into [] (comp (map inc) (filter #(zero? (mod % 3)))) (range 2000000)))))
