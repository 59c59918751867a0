;; recursive tree walking over nested data
(def tree {:value 1
           :children [{:value 2 :children [{:value 4 :children []} {:value 5 :children []}]}
                      {:value 3 :children [{:value 6 :children [{:value 7 :children []}]}]}]})
(defn sum-tree [{:keys [value children]}] (+ value (reduce + (map sum-tree children))))
(defn depth [{:keys [children]}] (if (empty? children) 1 (inc (apply max (map depth children)))))
(defn leaves [{:keys [value children]}] (if (empty? children) [value] (mapcat leaves children)))
(defn pre-order [{:keys [value children]}] (cons value (mapcat pre-order children)))
(defn paths [{:keys [value children]}]
  (if (empty? children) [[value]] (map #(cons value %) (mapcat paths children))))
(println (sum-tree tree) (depth tree) (leaves tree) (pre-order tree))
(println (paths tree))
(defn render [{:keys [value children]} indent]
  (println (str (apply str (repeat indent "  ")) "- " value))
  (doseq [c children] (render c (inc indent))))
(render tree 0)
(defn mirror [t] (-> t (update :children #(vec (reverse (map mirror %))))))
(println (pre-order (mirror tree)))
(println (map :value (tree-seq #(seq (:children %)) :children tree)))
(def nested [1 [2 [3 4] 5] [[6]] 7])
(println (flatten nested) (filter number? (tree-seq vector? seq nested)))
(defn tree-map [f x] (if (vector? x) (mapv #(tree-map f %) x) (f x)))
(println (tree-map #(* % 10) nested))
(defn count-nodes [x] (if (coll? x) (reduce + 1 (map count-nodes x)) 1))
(println (count-nodes nested))
