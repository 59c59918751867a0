;; into-array: items must be instances of the element class
(doseq [x [[1 "abc" :kw] [1.2 4] [(byte 2) (short 3)] [nil 1 2] [1 nil 2] ["a" "b"] [[1] [2]] [[1] '(2)] []]]
  (println (pr-str x) "=>"
           (try (let [a (into-array x)] [(.getName (class a)) (vec a)])
                (catch IllegalArgumentException e [:iae (.getMessage e)]))))
(doseq [[t x] [[String ["a" 1]] [Object [1 "a"]] [Long [1 (int 2)]]]]
  (println t "=>"
           (try (let [a (into-array t x)] [(.getName (class a)) (mapv str a)])
                (catch IllegalArgumentException e [:iae (.getMessage e)]))))
