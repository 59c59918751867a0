;; A record answers java.util.Map's methods; Namespace.refer's replace rules.
(require (quote clojure.set))
(defrecord R [a b])
(def r (->R 1 2))
(prn (.get r :a) (.get r :zz) (.containsKey r :b) (.containsKey r :c)
     (.containsValue r 2) (.containsValue r 3) (.isEmpty r) (.size r)
     (sort (map key (.entrySet r))) (sort (.keySet r)) (sort (.values r)))
(prn (.isEmpty {}) (.containsValue {:x 1} 1) (.equiv r (->R 1 2)))
(doseq [f [#(.put r :c 3) #(.clear r) #(.putAll r {}) #(.remove r :a)
           #(.add [1] 2) #(.set [1] 0 2) #(.clear #{1}) #(.remove (list 1) 1)]]
  (prn (try (f) (catch UnsupportedOperationException e [:uoe (.getMessage e)]))))
(prn (try (.empty r) (catch Exception e [(class e) (.getMessage e)])))
(prn (.empty [1 2]) (.empty {:a 1}) (.empty #{1}))

(def counter (atom 0))
(defn temp-ns [& refers]
  (binding [*ns* *ns*]
    (in-ns (symbol (str "tmp" (swap! counter inc))))
    (apply clojure.core/use 'clojure.core refers)
    *ns*))
(let [ns (temp-ns) s (gensym) v1 (intern ns 'foo s) v2 (intern ns 'bar s)]
  (binding [*err* (java.io.StringWriter.)] (.refer ns 'flatten v1))
  (.refer ns 'flatten v2)
  (prn (= v2 (ns-resolve ns 'flatten))))
(let [ns (temp-ns 'clojure.set)]
  (prn (try (.refer ns 'subset? #'clojure.set/intersection)
            (catch IllegalStateException e (.getMessage e))))
  (prn ('subset? (ns-refers ns))))
(let [ns (temp-ns)]
  (binding [*err* (java.io.StringWriter.)]
    (.refer ns 'flatten #'clojure.set/union))
  (prn (ns-resolve ns 'flatten)))
