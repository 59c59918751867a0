;; Futures, promises across threads, pmap/pcalls/pvalues/seque, binding
;; conveyance and STM under contention. Output is timing-independent.
(require '[clojure.string :as str])

(defn masked [x] (str/replace (pr-str x) #"0x[0-9a-f]+" "0xH"))

(defmacro t [& body]
  `(try (prn (do ~@body))
        (catch Throwable e#
          (prn (class e#) (.getMessage e#)
               (some-> e# .getCause class) (some-> e# .getCause .getMessage)))))

(def f (future (+ 1 2)))
(t (class f))
(t @f)
(t (masked f))
(t [(future? f) (future-done? f) (realized? f) (future-cancelled? f)])
(t (future-cancel f))
(t (future? 1))

;; failures are wrapped in ExecutionException
(def g (future (throw (Exception. "boom"))))
(t @g)
(t (deref g 1000 :t))
(t (realized? g))
(t @(future (throw (ex-info "info" {:a 1}))))
(t (try @(future (throw (ex-info "info" {:a 1})))
        (catch java.util.concurrent.ExecutionException e (ex-data (.getCause e)))))
(t @(future (/ 1 0)))
(t @(future-call (fn [] 5)))

;; a future blocked on a promise: timeouts, cancel
(def gate (promise))
(def s (future @gate 1))
(t (deref s 20 :timeout))
(t (masked s))
(t (future-done? s))
(t (future-cancel s))
(t (future-cancel s))
(t [(future-cancelled? s) (future-done? s) (realized? s)])
(t @s)
(t (deref s 10 :x))
(deliver gate :open)

;; promises delivered by other threads
(def p (promise))
(future (deliver p 42))
(t (deref p 5000 :none))
(t @p)
(t (deref (promise) 10 :none))

;; argument errors
(t (future-done? nil))
(t (future-cancel 1))
(t (future-cancelled? nil))
(t (future-call))
(t (deref (ref 1) 10 :x))
(t (deref nil 10 :x))

;; parallel seqs
(t (pmap inc [1 2 3]))
(t (pmap + [1 2 3] [10 20 30 40]))
(t (pmap inc nil))
(t (class (pmap inc [1])))
(t (count (pmap inc (range 200))))
(t (pcalls (fn [] 1) (fn [] 2)))
(t (pcalls))
(t (pvalues (+ 1 1) (* 2 3)))
(t (doall (pmap (fn [x] (if (= x 2) (throw (Exception. "pm")) x)) [1 2 3])))
(t (seque [1 2 3]))
(t (seque 2 (range 10)))
(t (seque 3 [nil false 1]))
(t (seque 1))

;; binding conveyance
(def ^:dynamic *x* 1)
(t (binding [*x* 2] @(future *x*)))
(t (binding [*x* 2] ((bound-fn [] *x*))))
(t (let [f (binding [*x* 3] (bound-fn [] *x*))] (f)))
(t (let [f (binding [*x* 3] (bound-fn* (fn [y] [*x* y])))] (f 9)))
(t (binding [*x* 5] (doall (pmap (fn [_] *x*) [1 2]))))
(t @(future *x*))

;; transactions from many threads end at the exact count
(def cnt (ref 0))
(run! deref (doall (for [_ (range 8)] (future (dotimes [_ 250] (dosync (alter cnt inc)))))))
(t @cnt)
(def ccnt (ref 0))
(run! deref (doall (for [_ (range 8)] (future (dotimes [_ 250] (dosync (commute ccnt inc)))))))
(t @ccnt)
;; transfers keep the total
(def accounts (vec (repeatedly 4 #(ref 100))))
(run! deref
      (doall (for [i (range 4)]
               (future
                 (dotimes [k 200]
                   (let [from (accounts (mod (+ i k) 4)) to (accounts (mod (+ i k 1) 4))]
                     (dosync (alter from - 1) (alter to + 1))))))))
(t (reduce + (map deref accounts)))
(t (dosync @(future 1)))

(shutdown-agents)
