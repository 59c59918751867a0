;; let: sequential binding, shadowing, destructuring
(let [x 1 y (+ x 1) x (* y 10)]
  (println x y))
(let [[a b & more :as all] [1 2 3 4 5]]
  (prn a b more all))
(let [{:keys [p q] :or {q 99} :as m} {:p 1}]
  (prn p q m))
(let [{a :a [b c] :bc} {:a 1 :bc [2 3]}]
  (prn a b c))
(let [{:strs [s t]} {"s" 1 "t" 2}]
  (prn s t))
(let [{:syms [u v]} {'u 1 'v 2}]
  (prn u v))
(let [[x [y [z]]] [1 [2 [3]]]]
  (prn x y z))
(let [[a b c] "xyz"]
  (prn a b c))
(let [[a b c d] [1 2]]
  (prn a b c d))
(let [{:keys [a/b c/d]} {:a/b 1 :c/d 2}]
  (prn b d))
(let [{:keys [x] :as m :or {x 5}} nil]
  (prn x m))
(let [[_ _ third] (range 10)]
  (prn third))
(let [x 1]
  (let [x (inc x)]
    (prn x))
  (prn x))
(let [f (fn [] :f)] (prn (f)))
(let [[& rest] [1 2]] (prn rest))
(let [[a & {:keys [k]}] [1 :k 2]] (prn a k))
