;; Locals read in some branches of a case (or if) and bound in others:
;; locals clearing must keep each branch's view of the frame consistent.
(let [a 5] (println (case a 1 (let [x 1] x) a)))
(let [a 1] (println (case a 1 (let [x 1] x) a)))
(defn f [a b]
  (case a
    :x (let [y (inc b) z (* y 2)] [y z])
    :y (if (pos? b) (let [q b] (str q a)) b)
    [a b]))
(println (f :x 1) (f :y 2) (f :y -1) (f :z 3))
(defn g [s]
  (loop [s s acc []]
    (if (seq s)
      (let [c (first s)]
        (recur (rest s)
               (case c
                 \a (let [t (conj acc :a)] t)
                 \b (if (empty? acc) acc (let [u (pop acc)] u))
                 (conj acc c))))
      acc)))
(println (g "abxab"))
(println (let [a 5 b 6] (if (odd? a) (let [c 1] (+ c b)) (let [d 2] (+ d a b)))))
(println (let [v [1 2 3]] (cond (empty? v) :none (let [n (count v)] (> n 2)) (let [m (reduce + v)] m) :else v)))
