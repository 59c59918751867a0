;; hash-map print order: keyword and symbol keys
(prn (zipmap (map #(keyword (str "k" %)) (range 50)) (range)))
(prn (zipmap (map #(keyword "ns" (str "n" %)) (range 20)) (range)))
(prn (zipmap (map #(symbol (str "s" %)) (range 30)) (range)))
(prn (hash-map :a 1 :b 2 :c 3 :d 4 :e 5 :f 6 :g 7 :h 8 :i 9))
(prn (hash-map :a 1 :b 2 :c 3 :d 4 :e 5 :f 6 :g 7 :h 8))
(prn (assoc (array-map :a 1 :b 2 :c 3 :d 4 :e 5 :f 6 :g 7 :h 8) :i 9))
(prn (into {} (for [c "abcdefghijklmnopqrstuvwxyz"] [(keyword (str c)) (int c)])))
