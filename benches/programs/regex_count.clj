;; Regex matching over many strings.
;; expect: 100000 50000
(let [xs (map #(str "user" % "@host" (mod % 2) ".example") (range 100000))]
  (println (count (filter #(re-matches #"user\d+@host\d\.example" %) xs))
           (count (filter #(re-find #"host1" %) xs))))
