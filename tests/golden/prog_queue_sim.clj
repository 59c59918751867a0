;; a queue simulation with PersistentQueue
(def q (into clojure.lang.PersistentQueue/EMPTY [:a :b :c]))
(println (peek q) (seq (pop q)) (count q) (seq (conj q :d)))
(prn (vec q) (vec (pop q)) (seq (empty q)))
(defn simulate [arrivals service-time]
  (loop [t 0 queue clojure.lang.PersistentQueue/EMPTY arrivals arrivals busy-until 0 log []]
    (if (and (empty? arrivals) (empty? queue))
      log
      (let [[arrived rest-arr] (split-with #(<= (:at %) t) arrivals)
            queue (into queue arrived)
            log (into log (map #(str "t=" t " arrive " (:id %)) arrived))]
        (if (and (>= t busy-until) (seq queue))
          (let [c (peek queue)]
            (recur (inc t) (pop queue) rest-arr (+ t service-time) (conj log (str "t=" t " serve " (:id c)))))
          (recur (inc t) queue rest-arr busy-until log))))))
(doseq [line (simulate [{:id 1 :at 0} {:id 2 :at 1} {:id 3 :at 1} {:id 4 :at 7}] 3)] (println line))
(println (= (conj clojure.lang.PersistentQueue/EMPTY 1 2) [1 2]))
(println (into [] (pop (pop (into clojure.lang.PersistentQueue/EMPTY (range 5))))))
