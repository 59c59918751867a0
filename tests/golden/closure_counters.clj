;; closures capturing locals, loop locals, and shared mutable state
(defn make-counter []
  (let [n (atom 0)]
    {:inc (fn [] (swap! n inc)) :get (fn [] @n) :reset (fn [] (reset! n 0))}))
(def c1 (make-counter))
(def c2 (make-counter))
((:inc c1)) ((:inc c1)) ((:inc c2))
(println ((:get c1)) ((:get c2)))
((:reset c1))
(println ((:get c1)) ((:get c2)))
(def fs (vec (for [i (range 5)] (fn [x] (+ x i)))))
(println (map #(% 100) fs))
(def gs (loop [i 0 acc []] (if (= i 5) acc (recur (inc i) (conj acc (let [j (* i i)] (fn [] j)))))))
(println (map #(%) gs))
(defn compose-all [& fs] (reduce comp identity fs))
(println ((compose-all inc #(* 2 %) dec) 10))
(def add3 (partial + 1 2))
(println (add3 10) (add3))
(defn curry [f a] (fn [b] (f a b)))
(println ((curry str "pre-") "fix"))
(let [x 1
      f (fn [] x)
      x 2
      g (fn [] x)]
  (println (f) (g)))
(def memo-calls (atom 0))
(def slow-sq (memoize (fn [x] (swap! memo-calls inc) (* x x))))
(println (map slow-sq [1 2 3 1 2 3 4]) @memo-calls)
(println ((complement even?) 3) ((constantly 7) 1 2 3) ((juxt inc dec str) 5))
(println ((every-pred odd? pos?) 3 5 7) ((some-fn even? neg?) 1 3 -5))
(println ((fnil inc 0) nil) ((fnil + 1 2) nil nil))
