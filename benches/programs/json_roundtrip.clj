;; clojure.data.json write-str then read-str of nested data.
;; expect: 20000
(require '[clojure.data.json :as json])
(let [data (vec (for [i (range 20000)]
                  {"id" i "name" (str "n" i) "tags" ["a" "b"] "xs" [i 1.5 "s" true nil]}))
      back (json/read-str (json/write-str data))]
  (println (count (filter true? (map = data back)))))
