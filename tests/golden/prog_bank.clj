;; bank account simulation with atoms and validation
(def accounts (atom {}))
(defn open! [id amount] (swap! accounts assoc id {:balance amount :history [[:open amount]]}))
(defn deposit! [id amount]
  (swap! accounts update id
         (fn [acct] (-> acct (update :balance + amount) (update :history conj [:deposit amount])))))
(defn withdraw! [id amount]
  (let [bal (get-in @accounts [id :balance])]
    (if (< bal amount)
      (throw (ex-info "insufficient funds" {:id id :balance bal :requested amount}))
      (swap! accounts update id
             (fn [acct] (-> acct (update :balance - amount) (update :history conj [:withdraw amount])))))))
(defn transfer! [from to amount]
  (withdraw! from amount)
  (deposit! to amount))
(open! :alice 100)
(open! :bob 50)
(deposit! :alice 25)
(transfer! :alice :bob 75)
(try (transfer! :bob :alice 500)
     (catch clojure.lang.ExceptionInfo e
       (println "failed:" (ex-message e) (into (sorted-map) (ex-data e)))))
(doseq [id (sort (keys @accounts))]
  (let [{:keys [balance history]} (get @accounts id)]
    (println id balance history)))
(println "total" (reduce + (map :balance (vals @accounts))))
(def audit (atom []))
(add-watch accounts :audit (fn [_ _ old new] (swap! audit conj (- (reduce + (map :balance (vals new))) (reduce + (map :balance (vals old)))))))
(deposit! :bob 10)
(withdraw! :alice 5)
(println @audit)
(def v (atom 10 :validator #(>= % 0)))
(println (try (swap! v - 20) (catch IllegalStateException e (ex-message e))) @v)
(println (swap-vals! v inc) (reset-vals! v 0) (compare-and-set! v 0 7) @v)
