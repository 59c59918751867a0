;; word frequencies over a literal text, sorted output
(def text "the quick brown fox jumps over the lazy dog the fox barks and the dog runs
a quick dog is a happy dog and a lazy fox is a sleepy fox")
(defn words [s]
  (loop [cs (seq s) cur [] out []]
    (if cs
      (let [c (first cs)]
        (if (or (= c \space) (= c \newline))
          (recur (next cs) [] (if (seq cur) (conj out (apply str cur)) out))
          (recur (next cs) (conj cur c) out)))
      (if (seq cur) (conj out (apply str cur)) out))))
(def ws (words text))
(println (count ws) "words," (count (set ws)) "distinct")
(def freq (frequencies ws))
(doseq [[w n] (sort-by (fn [[w n]] [(- n) w]) freq)]
  (println (format "%-8s %d" w n)))
(println (into (sorted-map) freq))
(println (take 3 (sort-by val > (sort freq))))
(println (group-by count (sort (distinct ws))))
(println (into (sorted-map) (update-vals (group-by first ws) count)))
