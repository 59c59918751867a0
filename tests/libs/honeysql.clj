(require '[honey.sql :as sql] '[honey.sql.helpers :as h])
(println "loaded")
(prn (sql/format {:select [:a :b] :from [:t] :where [:= :id 1]}))
(prn (sql/format {:select [:*] :from [[:users :u]] :join [[:orders :o] [:= :u.id :o.uid]]
                  :where [:and [:> :o.total 100] [:like :u.name "A%"]]
                  :order-by [[:o.total :desc]] :limit 10}))
(prn (sql/format (-> (h/select :x) (h/from :y) (h/where [:in :z [1 2 3]]))))
(prn (sql/format {:insert-into :t :values [{:a 1 :b "x"} {:a 2 :b "y"}]}))
(prn (sql/format {:update :t :set {:a 1} :where [:= :b 2]}))
(prn (sql/format {:delete-from :t :where [:<> :a nil]}))
(prn (sql/format {:select [[:%count.* :n]] :from :t :group-by [:k] :having [:> :%count.* 1]}))
(prn (sql/format {:select [:a] :from :t :where [:= :a 1]} {:inline true}))
(prn (sql/format {:union [{:select [:a] :from :t} {:select [:b] :from :u}]}))
(prn (sql/format {:with [[:cte {:select [:a] :from :t}]] :select [:*] :from :cte}))
