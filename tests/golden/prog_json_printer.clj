;; a small JSON-like printer for nested data
(declare to-json)
(defn escape [s]
  (apply str (map (fn [c] (case c \" "\\\"" \\ "\\\\" \newline "\\n" \tab "\\t" (str c))) s)))
(defn to-json [x]
  (cond
    (nil? x) "null"
    (true? x) "true"
    (false? x) "false"
    (number? x) (str x)
    (string? x) (str "\"" (escape x) "\"")
    (keyword? x) (to-json (name x))
    (map? x) (str "{" (apply str (interpose "," (for [[k v] (sort-by (comp str key) x)] (str (to-json (if (keyword? k) (name k) (str k))) ":" (to-json v))))) "}")
    (coll? x) (str "[" (apply str (interpose "," (map to-json x))) "]")
    :else (throw (ex-info "unsupported" {:value x}))))
(println (to-json nil))
(println (to-json {:name "Widget \"Pro\"" :price 9.5 :tags ["a" "b"] :stock 3 :active true :meta nil}))
(println (to-json [1 [2 [3 {:deep "x\ny"}]]]))
(println (to-json {:z 1 :a 2 :m {:y [] :b {}}}))
(println (to-json (range 5)))
(println (to-json #{}))
(println (try (to-json {:f 'sym}) (catch Exception e (str (ex-message e) " " (ex-data e)))))
(defn pretty [x indent]
  (let [pad (apply str (repeat indent "  "))]
    (cond
      (map? x) (do (println (str pad "{"))
                   (doseq [[k v] (sort-by key x)]
                     (println (str pad "  " (to-json (name k)) ":"))
                     (pretty v (+ indent 2)))
                   (println (str pad "}")))
      (vector? x) (do (println (str pad "["))
                      (doseq [v x] (pretty v (inc indent)))
                      (println (str pad "]")))
      :else (println (str pad (to-json x))))))
(pretty {:user {:id 7 :roles ["admin" "dev"]} :ok true} 0)
