;; hash-map print order: vector keys and mixed keys
(prn (into {} (for [i (range 5) j (range 5)] [[i j] (* i j)])))
(prn (into {} (for [i (range 12)] [[i (str i)] i])))
(prn (into {} (for [i (range 10)] ['(1 2) i])))
(prn (hash-map [1] 1 '(2) 2 #{3} 3 {4 4} 4 "5" 5 :6 6 '7 7 8.0 8 9N 9 nil 10 true 11))
(prn (into {} (for [i (range 15)] [(if (even? i) i (str i)) i])))
(prn (keys (into {} (for [i (range 20)] [{:id i} i]))))
(prn (into {} (for [i (range 20)] [(double i) i])))
