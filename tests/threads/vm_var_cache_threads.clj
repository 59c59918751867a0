;; The VM's per-thread var cache sees a dynamic binding conveyed to a
;; future, a bound-fn, and a root changed on another thread (the
;; single-threaded cases are in tests/golden/vm_fused_edge.clj).
(defn g [x] [:g x])
(defn call-g [x] (g x))
(println (mapv call-g [1 2]))
(defn ^:dynamic *h* [x] [:root x])
(defn call-h [x] (*h* x))
(println (call-h 1))
(println (binding [*h* (fn [x] [:conveyed x])] @(future (call-h 6))) @(future (call-h 7)))
(println (let [f (binding [*h* (fn [x] [:bound-fn x])] (bound-fn [] (call-h 8)))] (f)))
@(future (alter-var-root #'g (constantly (fn [x] [:other-thread x]))))
(println (call-g 9))
(println (loop [i 0 acc []] (if (< i 3) (recur (inc i) (conj acc (call-g i))) acc)))
(shutdown-agents)
