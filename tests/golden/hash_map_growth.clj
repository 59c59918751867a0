;; print order as a map grows one key at a time past the array-map threshold
(def ks [:zeta :alpha :mu :beta :omega :gamma :kappa :delta :epsilon :eta :theta :iota :lambda])
(doseq [n (range 1 (inc (count ks)))]
  (prn (zipmap (take n ks) (range))))
(doseq [n (range 6 12)]
  (prn (reduce #(assoc %1 %2 %2) {} (range n))))
(prn (reduce #(assoc %1 (str %2) %2) {} (range 7 12)))
(prn (dissoc (zipmap (range 12) (range)) 0 1 2 3 4))
(prn (reduce dissoc (zipmap (range 20) (range)) (range 0 20 2)))
