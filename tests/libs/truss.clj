(require '[taoensso.truss :as truss :refer [have have? have!]])
(println "loaded")
(prn (have string? "abc"))
(prn (have integer? 1 2 3))
(prn (have [:or nil? string?] nil))
(prn (have? pos? 5) (have! keyword? :k))
(prn (have [:in #{1 2 3}] 2))
(prn (have [:ks= #{:a :b}] {:a 1 :b 2}))
(prn (have [:el #{:x :y}] :x))
(defn check [f] (try (f) (catch clojure.lang.ExceptionInfo e
                             (let [d (ex-data e)]
                               [:fail (:val d) (:val-type d) (:form-str d) (:ns-str d) (some? (:?line d))
                                (:elidable? d) (:?err d) (inst? (:dt d)) (.getMessage e)]))))
(prn (check #(have string? 5)))
(prn (check #(have [:n= 2] [1 2 3])))
(prn (check #(have keyword? :a :b "c")))
(prn (truss/with-dynamic-assertion-data {:user 7}
       (try (have nil? 1) (catch Exception e (:*?data* (ex-data e))))))
(prn (truss/with-error-fn (fn [data_] [:handled (:val @data_) (:form-str @data_)]) (have string? 1)))
