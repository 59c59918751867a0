;; deftype/defrecord import their class into the namespace: after
;; ns-unmap of java.lang's default mapping, the simple name means the
;; record class (babashka.process defines a record named Process this way).
(ns-unmap *ns* 'Process)
(defrecord Process [a])
(prn (instance? Process (->Process 1)))
(defn process? [x] (instance? Process x))
(prn (process? (->Process 1)) (process? "no"))
(prn Process (.getName ^Class Process))
(prn (:a (Process. 7)))
(ns-unmap *ns* 'Thread)
(deftype Thread [n])
(prn (.-n (Thread. 3)) (instance? Thread (Thread. 3)))
(prn (= java.lang.Thread Thread))
