;; nested and mixed destructuring
(def order {:id 7
            :customer {:name "Bo" :address {:city "Oslo" :zip "0150"}}
            :items [{:sku "a" :qty 2} {:sku "b" :qty 1}]})
(let [{id :id
       {cname :name {:keys [city]} :address} :customer
       [{first-sku :sku} & others] :items} order]
  (prn id cname city first-sku (count others)))
(let [[[a b] [c d]] [[1 2] [3 4]]] (prn (+ a b c d)))
(let [[{:keys [x]} {:keys [y]}] [{:x 1} {:y 2}]] (prn x y))
(doseq [{:keys [sku qty]} (:items order)] (println sku qty))
(prn (for [[k {:keys [n]}] {:a {:n 1} :b {:n 2}}] [k n]))
(let [{[_ [_ z]] :deep} {:deep [0 [0 :found]]}] (prn z))
(defn f [[a b] {:keys [c] :as m} & [d & ds]] [a b c m d ds])
(prn (f [1 2] {:c 3} 4 5 6))
(prn (count (destructure '[[a b] v])) (destructure '[a 1 b 2]))
