;; Conway's game of life on a set of live cells
(defn neighbours [[x y]] (for [dx [-1 0 1] dy [-1 0 1] :when (not= 0 dx dy)] [(+ x dx) (+ y dy)]))
(defn step [cells]
  (set (for [[loc n] (frequencies (mapcat neighbours cells))
             :when (or (= n 3) (and (= n 2) (cells loc)))]
         loc)))
(defn render [cells w h]
  (doseq [y (range h)]
    (println (apply str (for [x (range w)] (if (cells [x y]) "#" "."))))))
(def glider #{[1 0] [2 1] [0 2] [1 2] [2 2]})
(doseq [[i g] (map-indexed vector (take 5 (iterate step glider)))]
  (println "gen" i (sort g))
  (render g 6 6))
(def blinker #{[1 0] [1 1] [1 2]})
(println (sort (step blinker)) (= blinker (step (step blinker))))
(println (count (nth (iterate step glider) 40)))
