;; clojure.datafy: datafy and nav through the protocols, by extension and
;; by metadata.
(require '[clojure.datafy :as d] '[clojure.core.protocols :as p])
(prn (d/datafy 1) (d/datafy nil) (d/datafy [1 2]) (d/datafy "s"))
(prn (d/nav {:a 1} :a 1) (d/nav [1 2] 0 1) (d/nav "s" nil 5))
(let [a (atom 5 :meta {:m 1})
      v (d/datafy a)]
  (prn v (dissoc (meta v) ::d/obj) (identical? a (::d/obj (meta v))) (::d/class (meta v))))
(let [e (d/datafy (ex-info "boom" {:k 1}))]
  (prn (:cause e) (:data e) (-> e :via first :type) (::d/class (meta e))))
(defrecord Temp [c])
(extend-protocol p/Datafiable
  Temp
  (datafy [t] {:celsius (:c t) :fahrenheit (+ 32 (* 9/5 (:c t)))}))
(let [v (d/datafy (->Temp 100))]
  (prn v (::d/class (meta v)) (= (->Temp 100) (::d/obj (meta v)))))
(def thing (with-meta {:id 1}
             {`p/datafy (fn [x] (assoc x :datafied true))
              `p/nav (fn [coll k v] (if (= k :id) {:looked-up v} v))}))
(prn (d/datafy thing) (d/nav thing :id 1) (d/nav thing :other 2))
(let [n (d/datafy (find-ns 'clojure.datafy))]
  (prn (:name n) (sort (keys (:publics n))) (sorted? (:publics n))))
(prn (satisfies? p/Datafiable 1) (satisfies? p/Navigable {}))
