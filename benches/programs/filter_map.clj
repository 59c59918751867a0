;; A lazy chunked map/filter chain over a range, counted.
;; expect: 5000000
(println (count (filter odd? (map inc (range 10000000)))))
