;; String building: str over a lazy seq and a StringBuilder loop.
;; expect: 5888890 5888890
(let [s (apply str (map str (range 1000000)))
      sb (StringBuilder.)]
  (dotimes [i 1000000] (.append sb (str i)))
  (println (count s) (count (str sb))))
