;; An agent's error handler and watches run with *agent* bound to the agent,
;; so a handler can send to *agent* (the JVM's pool thread stays in the
;; action's binding frame after the action fn returns).
(import '[java.util.concurrent CountDownLatch TimeUnit])

(let [latch (CountDownLatch. 1)
      seen (atom nil)
      handler (fn [agt err]
                (reset! seen [(identical? agt *agent*) (class err)])
                (send *agent* (fn [_] (.countDown latch) :recovered)))
      a (agent nil :error-handler handler)]
  (send a (fn [_] (throw (RuntimeException. "boom"))))
  (prn :latch (.await latch 10 TimeUnit/SECONDS))
  (prn :seen @seen)
  (await-for 1000 a)
  (prn :state @a))

(let [a (agent 0)
      seen (promise)]
  (add-watch a :w (fn [_ r _ _] (deliver seen (identical? r *agent*))))
  (send a inc)
  (prn :watch-sees-agent (deref seen 1000 :timeout)))

(prn :outside *agent*)
(shutdown-agents)
