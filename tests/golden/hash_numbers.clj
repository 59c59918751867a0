;; hash of numbers of every kind
(doseq [n [0 1 -1 2 255 256 65535 65536 2147483647 2147483648 -2147483648 4294967296
           Long/MAX_VALUE Long/MIN_VALUE 1N -1N 9223372036854775808N 100000000000000000000N
           0.0 -0.0 1.0 -1.0 0.5 0.1 1e10 1e100 ##Inf ##-Inf 1.5M 1M 1.0M 0M 100M 1/2 -1/2 22/7]]
  (println (pr-str n) (hash n)))
(println (= (hash 1) (hash 1N)) (= (hash 1) (hash 1.0)) (= (hash 1M) (hash 1.0M)))
(println (= (hash 2147483648) (hash 2147483648N)))
(println (hash (int 5)) (hash (long 5)) (hash (short 5)) (hash (byte 5)))
(println (hash (float 1.5)) (hash 1.5))
