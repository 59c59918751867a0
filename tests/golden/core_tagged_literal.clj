;; tagged-literal and reader-conditional values: lookup, equality, printing.
(def t (tagged-literal 'foo [1 2]))
(prn t (:tag t) (:form t) (:x t :nf) (tagged-literal? t) (tagged-literal? 1))
(prn (= t (tagged-literal 'foo [1 2])) (= t (tagged-literal 'bar [1 2])) (= (hash t) (hash (tagged-literal 'foo [1 2]))))
(def rc (reader-conditional '(:clj 1 :cljs 2) false))
(prn rc (:form rc) (:splicing? rc) (reader-conditional? rc) (reader-conditional '(:clj [1]) true))
(println (pr-str [t rc]) (class t))
