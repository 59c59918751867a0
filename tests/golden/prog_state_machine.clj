;; a traffic-light / vending state machine driven by reduce
(def transitions {:idle {:coin :ready :push :idle}
                  :ready {:coin :ready :push :vending}
                  :vending {:done :idle}})
(defn run [events]
  (reductions (fn [state ev] (get-in transitions [state ev] state)) :idle events))
(println (run [:coin :push :done :push :coin :coin :push]))
(println (last (run (take 100 (cycle [:coin :push :done])))))
(def light (cycle [[:green 3] [:yellow 1] [:red 2]]))
(println (take 12 (mapcat (fn [[c n]] (repeat n c)) light)))
(defn vend [{:keys [credit stock] :as m} [ev arg]]
  (case ev
    :insert (update m :credit + arg)
    :select (if (and (>= credit 2) (pos? (get stock arg 0)))
              (-> m (update :credit - 2) (update-in [:stock arg] dec) (update :out conj arg))
              (update m :out conj :refused))
    :refund (-> m (assoc :credit 0) (update :out conj [:refund credit]))))
(def final (reduce vend {:credit 0 :stock {:cola 1 :chips 2} :out []}
                   [[:insert 1] [:select :cola] [:insert 2] [:select :cola] [:insert 5] [:select :cola] [:select :chips] [:refund]]))
(println (:out final))
(println (into (sorted-map) (:stock final)) (:credit final))
