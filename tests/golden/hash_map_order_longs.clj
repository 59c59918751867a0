;; hash-map print order IS the point: long keys, sizes 9..300
(doseq [n [9 10 16 17 31 32 33 64 100]]
  (println n (keys (zipmap (range n) (range n)))))
(println (zipmap (range 300) (repeat 0)))
(println (into {} (map (fn [i] [(* i 7919) i]) (range 40))))
(println (into {} (map (fn [i] [(- i) i]) (range 20))))
(println (hash-map 100 1 -100 2 1000000 3 -1 4 0 5 42 6 7 7 8 8 9 9 10 10))
(println (keys (into {} (map (fn [i] [(bit-shift-left 1 i) i]) (range 63)))))
