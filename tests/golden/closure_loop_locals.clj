;; closures over loop locals, doseq/for/dotimes locals capture each iteration's value
(def acc (atom []))
(loop [i 0] (when (< i 4) (swap! acc conj (fn [] (* i 100))) (recur (inc i))))
(println (map #(%) @acc))
(reset! acc [])
(doseq [x [:a :b :c]] (swap! acc conj (fn [] x)))
(println (map #(%) @acc))
(reset! acc [])
(dotimes [n 3] (swap! acc conj #(str "n" n)))
(println (map #(%) @acc))
(def fs (for [x (range 3) y (range 2)] (fn [] [x y])))
(println (map #(%) fs))
(def nested
  (loop [i 0 out []]
    (if (= i 3)
      out
      (recur (inc i) (conj out (loop [j 0 inner []]
                                 (if (= j 2) inner (recur (inc j) (conj inner (fn [] [i j]))))))))))
(println (map (fn [row] (map #(%) row)) nested))
(let [a 1] (let [f (fn [] a)] (let [a 2] (println (f) a))))
(defn make [x] (let [y (* x 2)] (fn [z] (fn [] (+ x y z)))))
(println (((make 1) 10)) (((make 5) 0)))
(def closures (mapv (fn [k] (fn [m] (get m k))) [:a :b]))
(println (map #(% {:a 1 :b 2}) closures))
