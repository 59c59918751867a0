;; java.lang.Thread and java.util.concurrent across real threads. Prints
;; nothing that depends on timing.
(import '(java.util.concurrent Executors ExecutorService TimeUnit CountDownLatch
                               LinkedBlockingQueue ArrayBlockingQueue Semaphore
                               CyclicBarrier ConcurrentHashMap TimeoutException
                               ExecutionException Callable)
        '(java.util.concurrent.atomic AtomicLong AtomicInteger)
        '(java.util.concurrent.locks ReentrantLock ReentrantReadWriteLock))

;; locking is a real monitor: unsynchronized read-modify-write under it
;; never loses an update.
(def mon (Object.))
(def plain (volatile! 0))
(let [ts (mapv (fn [_] (Thread. #(dotimes [_ 2000] (locking mon (vreset! plain (inc @plain))))))
               (range 4))]
  (run! #(.start ^Thread %) ts)
  (run! #(.join ^Thread %) ts)
  (println "locking:" @plain))

;; Thread: name, daemon, id, alive, join, currentThread inside the thread.
(let [seen (promise)
      t (Thread. (fn [] (deliver seen (.getName (Thread/currentThread)))) "worker-1")]
  (println "before start alive?" (.isAlive t) (str (.getState t)))
  (.setDaemon t true)
  (println "daemon?" (.isDaemon t))
  (.start t)
  (.join t)
  (println "ran as" @seen "alive?" (.isAlive t) (str (.getState t)))
  (println "start twice:" (try (.start t) (catch IllegalStateException _ :illegal-state)
                             (catch Exception e (class e)))))
(let [t (Thread. #(+ 1 2))]
  (.setName t "renamed")
  (println (.getName t) (pos? (.getId t)) (not= (.getId t) (.getId (Thread/currentThread)))))

;; interrupt: a sleeping thread gets InterruptedException; isInterrupted is
;; seen by a polling loop.
(let [out (promise)
      started (CountDownLatch. 1)
      t (Thread. #(try (.countDown started) (Thread/sleep 60000) (deliver out :slept)
                       (catch InterruptedException _ (deliver out :interrupted))))]
  (.start t) (.await started) (.interrupt t) (.join t)
  (println "sleeper:" @out))
(let [out (promise)
      t (Thread. #(loop [n 0] (if (.isInterrupted (Thread/currentThread))
                                (deliver out :stopped)
                                (recur (inc n)))))]
  (.start t) (.interrupt t) (.join t 60000)
  (println "poller:" @out))
(println "interrupted flag:" (do (.interrupt (Thread/currentThread)) (Thread/interrupted)) (Thread/interrupted))

;; ThreadLocal: each thread sees its own value.
(let [tl (ThreadLocal/withInitial (reify java.util.function.Supplier (get [_] :initial)))
      other (promise)]
  (.set tl :main)
  (doto (Thread. #(do (deliver other [(.get tl) (do (.set tl :other) (.get tl))]))) .start .join)
  (println "thread-local:" (.get tl) @other))

;; Executors: fixed pool, submit, invokeAll, Future.get with timeout,
;; exceptions wrapped in ExecutionException, shutdown/awaitTermination.
(let [pool (Executors/newFixedThreadPool 4)
      futs (mapv (fn [i] (.submit pool ^Callable (fn [] (* i i)))) (range 10))]
  (println "squares:" (mapv #(.get %) futs))
  (println "invokeAll:" (mapv #(.get %) (.invokeAll pool [(fn [] :a) (fn [] :b)])))
  (let [f (.submit pool ^Callable (fn [] (Thread/sleep 60000) :late))]
    (println "timeout:" (try (.get f 10 TimeUnit/MILLISECONDS) (catch TimeoutException _ :timed-out)))
    (println "cancel:" (.cancel f true) (.isCancelled f) (.isDone f)))
  (let [f (.submit pool ^Callable (fn [] (throw (ex-info "task failed" {}))))]
    (println "failure:" (try (.get f) (catch ExecutionException e (ex-message (.getCause e))))))
  (let [done (CountDownLatch. 3)]
    (dotimes [_ 3] (.execute pool #(.countDown done)))
    (println "execute:" (.await done 60 TimeUnit/SECONDS)))
  (println "deref a pool future:" @(.submit pool ^Callable (fn [] :deref)))
  (.shutdown pool)
  (println "shutdown:" (.isShutdown pool) (.awaitTermination pool 60 TimeUnit/SECONDS) (.isTerminated pool))
  (println "rejected:" (try (.submit pool ^Callable (fn [] 1))
                            (catch java.util.concurrent.RejectedExecutionException _ :rejected))))
(let [pool (Executors/newCachedThreadPool)
      counter (AtomicLong.)]
  (dorun (map deref (mapv (fn [_] (.submit pool ^Runnable #(dotimes [_ 1000] (.incrementAndGet counter)))) (range 8))))
  (println "cached pool:" (.get counter))
  (.shutdown pool))
(let [named (atom [])
      factory (reify java.util.concurrent.ThreadFactory
                (newThread [_ r] (doto (Thread. ^Runnable r) (.setName "custom") (.setDaemon true))))
      pool (Executors/newSingleThreadExecutor factory)]
  (println "factory thread:" @(.submit pool ^Callable (fn [] (.getName (Thread/currentThread)))))
  (.shutdownNow pool))

;; Producer / consumer through a bounded blocking queue.
(let [q (ArrayBlockingQueue. 2)
      producer (Thread. #(do (dotimes [i 20] (.put q i)) (.put q :done)))]
  (.start producer)
  (println "consumed:" (loop [acc []] (let [x (.take q)] (if (= x :done) acc (recur (conj acc x))))))
  (.join producer))
(let [q (LinkedBlockingQueue.)]
  (println "poll timeout:" (.poll q 20 TimeUnit/MILLISECONDS)))

;; CountDownLatch gate, Semaphore bound, CyclicBarrier rounds.
(let [gate (CountDownLatch. 1) done (CountDownLatch. 3) hits (AtomicInteger.)]
  (dotimes [_ 3] (.start (Thread. #(do (.await gate) (.incrementAndGet hits) (.countDown done)))))
  (println "before gate:" (.get hits))
  (.countDown gate) (.await done)
  (println "after gate:" (.get hits)))
(let [sem (Semaphore. 2) inside (AtomicInteger.) peak (AtomicInteger.)
      ts (mapv (fn [_] (Thread. #(dotimes [_ 20]
                                   (.acquire sem)
                                   (let [n (.incrementAndGet inside)]
                                     (loop [] (let [p (.get peak)] (when (and (> n p) (not (.compareAndSet peak p n))) (recur)))))
                                   (.decrementAndGet inside)
                                   (.release sem))))
               (range 6))]
  (run! #(.start ^Thread %) ts) (run! #(.join ^Thread %) ts)
  (println "semaphore peak <= 2:" (<= (.get peak) 2) (.availablePermits sem)))
(let [trips (AtomicInteger.) b (CyclicBarrier. 3 #(.incrementAndGet trips))
      idx (ConcurrentHashMap.)
      ts (mapv (fn [i] (Thread. #(dotimes [r 5] (.put idx [i r] (.await b))))) (range 3))]
  (run! #(.start ^Thread %) ts) (run! #(.join ^Thread %) ts)
  (println "barrier trips:" (.get trips) "arrival indexes per round:"
           (distinct (for [r (range 5)] (sort (for [i (range 3)] (get idx [i r])))))))

;; ReentrantLock and a Condition: a hand-off between two threads.
(let [lk (ReentrantLock.) ready (.newCondition lk) box (atom nil)
      t (Thread. #(do (.lock lk)
                      (try (while (nil? @box) (.await ready))
                           (finally (.unlock lk)))))]
  (.start t)
  (.lock lk) (try (reset! box :delivered) (.signalAll ready) (finally (.unlock lk)))
  (.join t)
  (println "condition:" @box))
(let [rw (ReentrantReadWriteLock.) total (atom 0)
      ts (mapv (fn [_] (Thread. #(dotimes [_ 500]
                                   (.lock (.writeLock rw))
                                   (try (swap! total inc) (finally (.unlock (.writeLock rw)))))))
               (range 4))]
  (run! #(.start ^Thread %) ts) (run! #(.join ^Thread %) ts)
  (.lock (.readLock rw))
  (println "rw lock:" @total)
  (.unlock (.readLock rw)))

;; Object.wait / notifyAll under locking.
(let [m (Object.) flag (atom false)
      t (Thread. #(locking m (while (not @flag) (.wait m))))]
  (.start t)
  (locking m (reset! flag true) (.notifyAll m))
  (.join t)
  (println "wait/notify:" @flag))

;; An uncaught exception goes to the thread's handler.
(let [caught (promise)
      t (Thread. #(throw (ex-info "in thread" {})))]
  (.setUncaughtExceptionHandler t (reify Thread$UncaughtExceptionHandler
                                    (uncaughtException [_ th e] (deliver caught [(.getName th) (ex-message e)]))))
  (.setName t "failing")
  (.start t) (.join t)
  (println "uncaught:" @caught))

;; A non-daemon thread keeps the process alive; shutdown hooks run last.
(.addShutdownHook (Runtime/getRuntime) (Thread. #(println "shutdown hook")))
(.start (Thread. #(do (Thread/sleep 200) (println "last thread"))))
(println "main done")
