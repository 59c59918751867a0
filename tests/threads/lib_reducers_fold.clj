;; clojure.core.reducers/fold runs its chunks on several threads at once
;; (and still combines them in order).
(require '[clojure.core.reducers :as r])
(def running (atom 0))
(def most (atom 0))
(defn slow-sum [acc x]
  (let [n (swap! running inc)]
    (swap! most max n)
    (Thread/sleep 2)
    (swap! running dec)
    (+ acc x)))
(prn (r/fold 10 + slow-sum (vec (range 400))))
(prn (> @most 1))
(prn (r/fold 10 (r/monoid into vector) conj (vec (range 100))))
(prn (= (vec (range 5000)) (into [] (r/foldcat (vec (range 5000))))))
(prn (try (r/fold 8 + (fn [a x] (if (= x 77) (throw (ex-info "bad" {:x x})) (+ a x))) (vec (range 200)))
          (catch clojure.lang.ExceptionInfo e (ex-data e))))
