;; clojure.data.json write-str then read-str of nested data.
;; expect: 60000
(require '[clojure.data.json :as json])
(let [data (vec (for [i (range 60000)]
                  {"id" i "name" (str "n" i) "tags" ["a" "b"] "xs" [i 1.5 "s" true nil]}))
      back (json/read-str (json/write-str data))]
  (println (count (filter true? (map = data back)))))
