;; A thread that runs Var/resetThreadBindingFrame with another thread's
;; Var/getThreadBindingFrame sees that thread's bindings (as core.async's
;; thread and go blocks convey them). An unset uncaught exception handler
;; is the thread's group; a pool task's exception goes to its thread's.
(def ^:dynamic *who* :root)

(defn on-thread [f]
  (let [p (promise)
        t (Thread. ^Runnable (fn [] (deliver p (f))))]
    (.start t)
    (deref p 5000 :timeout)))

(let [frame (binding [*who* :caller] (clojure.lang.Var/getThreadBindingFrame))]
  (prn (on-thread (fn [] *who*)))
  (prn (on-thread (fn []
                    (clojure.lang.Var/resetThreadBindingFrame frame)
                    *who*)))
  (prn (on-thread (fn []
                    (clojure.lang.Var/resetThreadBindingFrame frame)
                    [(binding [*who* :inner] *who*) *who*]))))
(prn *who*)

(let [h (.getUncaughtExceptionHandler (Thread. ^Runnable (fn [])))]
  (prn (class h) (instance? Thread$UncaughtExceptionHandler h) (.getName h)))

(let [p (promise)
      handler (reify Thread$UncaughtExceptionHandler
                (uncaughtException [_ t e] (deliver p [(.getName t) (ex-message e)])))
      factory (reify java.util.concurrent.ThreadFactory
                (newThread [_ r]
                  (doto (Thread. ^Runnable r "worker-1")
                    (.setDaemon true)
                    (.setUncaughtExceptionHandler handler))))
      pool (java.util.concurrent.Executors/newFixedThreadPool 1 factory)]
  (.execute pool (fn [] (throw (ex-info "task failed" {}))))
  (prn (deref p 5000 :timeout))
  (.shutdown pool))
