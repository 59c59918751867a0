;; Protocol method calls across record and deftype implementations.
;; expect: 4500000
(defprotocol Shape (area [s]))
(defrecord Sq [a] Shape (area [_] (* a a)))
(deftype Rect [w h] Shape (area [_] (* w h)))
(extend-protocol Shape Long (area [n] n))
(let [xs [(->Sq 2) (Rect. 2 2) 1]]
  (println (loop [i 0 acc 0] (if (< i 500000) (recur (inc i) (+ acc (area (nth xs 0)) (area (nth xs 1)) (area (nth xs 2)))) acc))))
