;; String indexing is over UTF-16 code units (charAt, nth, subs, substring,
;; count), also for strings with astral chars, and stays linear when a loop
;; walks a long non-ASCII string by index.
(def s "a😀é b")
(println (count s) (.length s) (mapv #(long (.charAt s %)) [0 3 4 5]) (mapv #(long (nth s %)) [0 3 4]))
(println (subs s 1 3) (subs s 3) (.substring s 0 1) (.substring s 3 6) (subs s 6) (pr-str (subs s 6 6)))
(println (try (subs s 2 9) (catch Exception e (.getMessage e))))
(println (try (.charAt s 6) (catch Exception e (.getMessage e))))
(println (try (.charAt "abc" -1) (catch Exception e (.getMessage e))))
(println (try (.charAt "héllo" 9) (catch Exception e (.getMessage e))))
(println (try (subs "abc" 2 1) (catch Exception e (.getMessage e))))
(println (apply str (map #(subs "héllo wörld" % (inc %)) (range 11))))
(println (.subSequence "héllo" 1 3) (subs "plain ascii" 6) (.charAt "xyz" 2) (nth "héllo" 1))
(def long-s (apply str (repeat 20000 "é😀a")))
(defn walk [^String s]
  (loop [i 0 n 0]
    (if (< i (.length s))
      (recur (inc i) (if (= \a (.charAt s i)) (inc n) n))
      n)))
(println (count long-s) (walk long-s) (count (subs long-s 79990)) (subs long-s 3 7))
