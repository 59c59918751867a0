;; inventory report using maps, reduce, group-by, sort
(def items [{:sku "A1" :name "bolt" :cat :hardware :qty 120 :price 0.1}
            {:sku "B2" :name "hammer" :cat :tools :qty 5 :price 12.5}
            {:sku "C3" :name "nail" :cat :hardware :qty 1000 :price 0.02}
            {:sku "D4" :name "saw" :cat :tools :qty 2 :price 25.0}
            {:sku "E5" :name "glue" :cat :supplies :qty 0 :price 3.75}])
(defn value [{:keys [qty price]}] (* qty price))
(doseq [{:keys [sku name qty] :as it} (sort-by :sku items)]
  (println sku name qty (value it)))
(println "total value:" (reduce + (map value items)))
(println "out of stock:" (map :name (filter (comp zero? :qty) items)))
(doseq [[cat its] (sort-by key (group-by :cat items))]
  (println cat (count its) (reduce + (map :qty its))))
(println (into (sorted-map) (map (juxt :sku :qty) items)))
(def restocked (mapv #(if (< (:qty %) 10) (update % :qty + 50) %) items))
(println (map :qty restocked))
(println (apply max-key value items))
(println (sort-by (juxt :cat (comp - :qty)) items))
