(defprotocol P (f [_]) (g [this v]) (h [this]))
(deftype T [^:unsynchronized-mutable x ^:volatile-mutable y z]
  P
  (f [_] (set! (.x _) 1))
  (g [this v] (set! (. this -x) v) (set! (.-y this) (inc v)) (set! (. this y) (+ y v)) [x y])
  (h [this] (let [r (set! (.x this) :h)] [r x])))
(let [t (T. 0 0 :z)]
  (println (f t))
  (println (g t 10))
  (println (h t)))
