;; Errors from protocols and types: missing implementations, non-protocols,
;; bad method names, unresolvable specs, immutable fields, bad
;; constructors. Expected output recorded from JVM Clojure 1.11.1
;; (scripts/record-golden.sh).
(defprotocol P (foo [this]) (bar [this x]))
(deftype T [a])
(defrecord R [a] P (foo [_] a))
(defn cause-msg [form]
  (try (eval form) :no-error
       (catch Throwable e
         (let [c (or (ex-cause e) e)] [(symbol (.getName (class c))) (ex-message c)]))))
(try (foo 1) (catch Exception e (prn (class e) (ex-message e))))
(try (bar "s" 1) (catch Exception e (prn (class e) (ex-message e))))
(try (foo (T. 1)) (catch Exception e (prn (class e) (ex-message e))))
(try (bar (->R 1) 2) (catch Throwable e (prn (class e))))
(try (extend String :notp {:foo identity}) (catch Exception e (prn (class e) (ex-message e))))
(try (extend R P {:foo identity}) (catch Exception e (prn (class e) (ex-message e))))
(prn (cause-msg '(deftype Q [a] P (foo [this] (set! a 1)))))
(prn (cause-msg '(deftype Q [a] P (nope [this] 1))))
(prn (cause-msg '(deftype Q [a] Foo (nope [this] 1))))
(prn (cause-msg '(deftype Q [^:volatile-mutable v] clojure.lang.IDeref (deref [_] ((fn [] (set! v 1)))))))
(prn (cause-msg '(defrecord Q [^:volatile-mutable v])))
(prn (cause-msg '(defprotocol Q (q []))))
(prn (cause-msg '(T. 1 2)))
(prn (cause-msg '(R. 1 2 3)))
(try (empty (->R 1)) (catch Exception e (prn (class e) (ex-message e))))
(try ((->R 1) :a) (catch ClassCastException e (prn :not-a-fn)))
(try ((T. 1) 1) (catch ClassCastException e (prn :type-not-a-fn)))
(try (count (T. 1)) (catch UnsupportedOperationException e (prn (ex-message e))))
(try (seq (T. 1)) (catch IllegalArgumentException e (prn (ex-message e))))
(try (deref (T. 1)) (catch ClassCastException e (prn :not-deref)))
