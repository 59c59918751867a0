;; pr-str then clojure.edn/read-string of nested data.
;; expect: 20000
(require '[clojure.edn :as edn])
(let [data (vec (for [i (range 20000)] {:id i :name (str "n" i) :tags #{:a :b} :xs [i 1.5 "s"]}))
      back (edn/read-string (pr-str data))]
  (println (count (filter true? (map = data back)))))
