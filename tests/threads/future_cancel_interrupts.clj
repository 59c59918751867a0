;; future-cancel interrupts the thread running the body (FutureTask.cancel(true)):
;; a sleeping body throws InterruptedException, which it may catch.
(def g (future (Thread/sleep 100000) :never))
(Thread/sleep 50)
(prn (future-cancel g) (future-cancelled? g) (future-done? g))
(prn (try @g (catch java.util.concurrent.CancellationException e :cancelled)))
(prn (future-cancel g))
(def seen (promise))
(def h (future (try (Thread/sleep 100000) (catch InterruptedException e (deliver seen :interrupted)))))
(Thread/sleep 50)
(prn (future-cancel h))
(prn (deref seen 5000 :timeout))
(prn @(future (+ 1 2)))
(shutdown-agents)
