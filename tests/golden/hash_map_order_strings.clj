;; hash-map print order: string keys
(doseq [n [9 12 20 40]]
  (println n (keys (zipmap (map #(str "k" %) (range n)) (range n)))))
(prn (zipmap (map str (range 100)) (range 100)))
(prn (into {} (map (fn [w] [w (count w)]) ["apple" "banana" "cherry" "date" "elder" "fig" "grape" "honeydew" "kiwi" "lemon" "mango" "nectarine"])))
(prn (keys (zipmap (map (fn [i] (apply str (repeat i "a"))) (range 30)) (range))))
