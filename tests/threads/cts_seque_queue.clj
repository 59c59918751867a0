;; seque given a BlockingQueue fills that queue (up to its capacity) and
;; takes from it; nil items survive, and a consumed seque leaves it empty.
(import '[java.util.concurrent LinkedBlockingQueue ArrayBlockingQueue])

(let [q (LinkedBlockingQueue. 3)
      s (seque q (range 10))]
  (prn :items (vec s))
  (Thread/sleep 100)
  (prn :left (.size q)))

(let [q (ArrayBlockingQueue. 2)]
  (prn :with-nils (vec (seque q [1 nil 2 nil nil 3]))))

(let [q (LinkedBlockingQueue. 4)
      s (seque q (map #(do (Thread/sleep 5) (* % %)) (range 8)))]
  (prn :first (first s))
  (Thread/sleep 200)
  (prn :ahead (<= 1 (.size q) 4))
  (prn :all (vec s)))

(prn :empty (vec (seque (LinkedBlockingQueue. 1) [])))
(prn :failing (vec (seque (LinkedBlockingQueue. 2)
                          (map #(if (= % 3) (throw (Exception. "x")) %) (range 6)))))
(shutdown-agents)
