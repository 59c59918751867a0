;; Refs and transactions on one thread: dosync/sync, alter, commute,
;; ensure, ref-set, io!, validators, watches, history, errors.
(require '[clojure.string :as str])

(defn masked [x] (str/replace (pr-str x) #"0x[0-9a-f]+" "0xH"))

(defmacro t [& body]
  `(try (prn (do ~@body))
        (catch Throwable e#
          (prn (class e#) (.getMessage e#)))))

(def r (ref 1))
(t (class r))
(t (masked r))
(t (alter r inc))
(t (ref-set r 2))
(t (commute r inc))
(t (ensure r))
(t (dosync (alter r inc)))
(t @r)
(t (dosync (io! (println "x"))))
(t (io! 5))
(t (dosync (io! "msg" (println "x"))))
(t (dosync))
(t (dosync 1 2 3))
(t (sync nil (alter r inc)))
(t (macroexpand '(dosync 1 2)))
(t (macroexpand '(io! 1 2)))

;; history
(t [(ref-history-count r) (ref-min-history r) (ref-max-history r)])
(def r2 (ref 0 :min-history 2 :max-history 5))
(t [(ref-history-count r2) (ref-min-history r2) (ref-max-history r2)])
(dotimes [i 4] (dosync (alter r2 inc)))
(t [(ref-history-count r2) @r2])
(t (masked (ref-min-history r2 3)))
(t (masked (ref-max-history r2 7)))
(t [(ref-min-history r2) (ref-max-history r2)])
(t (let [r (ref 1 :min-history 1 :max-history 1)]
     (dotimes [_ 5] (dosync (alter r inc)))
     (ref-history-count r)))

;; validators
(def r3 (ref 1 :validator pos?))
(t (dosync (ref-set r3 -1)))
(t @r3)
(t (ref -1 :validator pos?))
(t (= pos? (get-validator r3)))
(t (set-validator! r3 nil))
(t (dosync (ref-set r3 -5)))
(t (set-validator! r3 pos?))
(t (dosync (alter (ref 1 :validator (fn [x] (throw (RuntimeException. "v")))) inc)))
(t (ref 1 :validator 1))

;; metadata and watches
(def r4 (ref 1 :meta {:a 1}))
(t (meta r4))
(t (alter-meta! r4 assoc :b 2))
(add-watch r4 :w (fn [k rr o n] (println "watch" k (= rr r4) o n)))
(t (dosync (alter r4 + 10) (alter r4 + 100) :done))
(t (dosync (commute r4 inc) (commute r4 inc) @r4))
(t @r4)
(t (dosync (ref-set r4 5) (commute r4 inc)))
(t (dosync (ref-set r4 6)))
(remove-watch r4 :w)
(t (dosync (ref-set r4 7)))

;; commute, alter, ensure in combination
(t (dosync (commute r4 inc) (ref-set r4 5)))
(t (dosync (commute r4 inc) (alter r4 inc)))
(t (let [r (ref 1)] [(dosync (alter r inc) (commute r * 10)) @r]))
(t (let [r (ref 1)] [(dosync (commute r inc) (commute r * 10)) @r]))
(t (let [r (ref 1)] [(dosync (commute r inc) @r) @r]))
(t (let [r (ref 1)] [(dosync (ensure r) (alter r inc)) @r]))
(t (let [r (ref 1)] [(dosync (ensure r) (ensure r)) @r]))
(t (dosync (dosync 1)))
(t (let [r (ref 1)] (dosync (alter r inc) (dosync (alter r inc))) @r))
(t (let [r (ref 1)]
     (try (dosync (alter r inc) (throw (Exception. "x"))) (catch Exception e))
     @r))
(t (let [a (ref 1) b (ref 2)]
     (dosync (let [x @a] (ref-set a @b) (ref-set b x)))
     [@a @b]))
(t (dosync (throw (ex-info "boom" {:a 1}))))
(t (dosync (alter (ref 1) (fn [x] (throw (Exception. "inner"))))))

;; refs are comparable by creation order
(def rs (doall (map ref [3 1 2])))
(t (map deref (sort (reverse rs))))
(t (= (ref 1) (ref 1)))
(t [(instance? clojure.lang.IRef r) (instance? clojure.lang.IDeref r) (instance? Comparable r)])

;; argument errors
(t (deref r4 10 :x))
(t (realized? r4))
(t (alter 1 inc))
(t (dosync (alter 1 inc)))
(t (dosync (alter nil inc)))
(t (ref-set nil 1))
(t (commute nil inc))
(t (ensure nil))
(t (ensure 1))
(t (ref-history-count nil))
(t (ref-min-history 1))
(t (ref-max-history (ref 1) :x))
(t (ref))
(t (ref 1 :meta))
(t (ref 1 :meta 1))
(t (ref 1 :min-history "x"))
