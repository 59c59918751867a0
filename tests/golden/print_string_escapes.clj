;; pr-str/str/print of strings containing every ASCII control char and quotes
(doseq [i (concat (range 0 32) [34 39 92 127 128 160 255])]
  (let [s (str "<" (char i) ">")]
    (println i (pr-str s) (pr-str (char i)) (count (pr-str s)))))
(prn (apply str (map char (range 32 127))))
