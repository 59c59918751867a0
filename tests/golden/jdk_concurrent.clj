;; java.util.concurrent without other threads: TimeUnit, locks, latches,
;; semaphores, barriers, queues, AtomicReferenceArray, ThreadLocal, and
;; `locking` (a real, reentrant monitor).
(import '(java.util.concurrent TimeUnit CountDownLatch Semaphore CyclicBarrier
                               LinkedBlockingQueue ArrayBlockingQueue ConcurrentLinkedQueue
                               LinkedBlockingDeque ConcurrentHashMap)
        '(java.util.concurrent.atomic AtomicReferenceArray AtomicLong AtomicInteger
                                      AtomicBoolean AtomicReference)
        '(java.util.concurrent.locks ReentrantLock ReentrantReadWriteLock))

(defmacro show [form]
  `(prn '~form (try ~form (catch Exception e# [(.getName (class e#)) (.getMessage e#)]))))

;; TimeUnit
(show (.toMillis TimeUnit/SECONDS 3))
(show (.toSeconds TimeUnit/MILLISECONDS 4500))
(show (.convert TimeUnit/MINUTES 7200 TimeUnit/SECONDS))
(show (.toNanos TimeUnit/MICROSECONDS 5))
(show (.toDays TimeUnit/HOURS 49))
(show (str TimeUnit/DAYS))
(show (.name TimeUnit/NANOSECONDS))
(show (.ordinal TimeUnit/SECONDS))
(show (= TimeUnit/SECONDS (TimeUnit/valueOf "SECONDS")))
(show (identical? TimeUnit/HOURS TimeUnit/HOURS))
(show (mapv str (TimeUnit/values)))
(show (TimeUnit/valueOf "FORTNIGHTS"))
(show (instance? Enum TimeUnit/SECONDS))
(show (do (.sleep TimeUnit/MILLISECONDS 1) :slept))

;; ReentrantLock
(def lk (ReentrantLock.))
(show (.isLocked lk))
(show (do (.lock lk) (.lock lk) [(.isLocked lk) (.isHeldByCurrentThread lk) (.getHoldCount lk)]))
(show (do (.unlock lk) (.getHoldCount lk)))
(show (do (.unlock lk) [(.isLocked lk) (.getHoldCount lk)]))
(show (.unlock lk))
(show (.tryLock lk))
(show (.tryLock lk 10 TimeUnit/MILLISECONDS))
(show (do (.unlock lk) (.unlock lk) (.isLocked lk)))
(show (instance? java.util.concurrent.locks.Lock lk))
(show (.isFair lk))
(show (re-find #"\[.*" (str lk)))
(let [c (.newCondition lk)]
  (.lock lk)
  (show (.await c 5 TimeUnit/MILLISECONDS))
  (show (.isHeldByCurrentThread lk))
  (show (.signalAll c))
  (.unlock lk)
  (show (.signal c)))

;; ReentrantReadWriteLock
(def rw (ReentrantReadWriteLock.))
(show (do (.lock (.readLock rw)) (.lock (.readLock rw)) (.getReadLockCount rw)))
(show (.tryLock (.writeLock rw)))
(show (do (.unlock (.readLock rw)) (.unlock (.readLock rw)) (.tryLock (.writeLock rw))))
(show [(.isWriteLocked rw) (.isWriteLockedByCurrentThread rw) (.getWriteHoldCount rw)])
(show (do (.lock (.readLock rw)) (.getReadLockCount rw)))
(show (do (.unlock (.readLock rw)) (.unlock (.writeLock rw)) (.isWriteLocked rw)))
(show (.unlock (.writeLock rw)))
(show (instance? java.util.concurrent.locks.ReadWriteLock rw))

;; CountDownLatch
(def latch (CountDownLatch. 2))
(show (.getCount latch))
(show (.await latch 5 TimeUnit/MILLISECONDS))
(show (do (.countDown latch) (.countDown latch) (.countDown latch) (.getCount latch)))
(show (.await latch 5 TimeUnit/MILLISECONDS))
(show (.await latch))
(show (re-find #"\[.*" (str latch)))
(show (CountDownLatch. -1))

;; Semaphore
(def sem (Semaphore. 2))
(show (.availablePermits sem))
(show [(.tryAcquire sem) (.tryAcquire sem) (.tryAcquire sem)])
(show (.tryAcquire sem 5 TimeUnit/MILLISECONDS))
(show (do (.release sem 3) (.availablePermits sem)))
(show (do (.acquire sem 2) (.availablePermits sem)))
(show (.tryAcquire sem 2))
(show (.drainPermits sem))
(show (re-find #"\[.*" (str sem)))

;; CyclicBarrier with one party: the last arrival runs the action.
(def trips (atom 0))
(def barrier (CyclicBarrier. 1 #(swap! trips inc)))
(show [(.await barrier) (.await barrier) @trips])
(show [(.getParties barrier) (.getNumberWaiting barrier) (.isBroken barrier)])

;; Queues are java.util.Collections: seq, count, into, reduce.
(def q (LinkedBlockingQueue. [1 2 3]))
(show (str q))
(show [(seq q) (count q) (into [] q) (reduce + q) (vec q)])
(show [(.offer q 4) (.add q 5) (.size q) (.peek q)])
(show [(.poll q) (.take q) (.remove q) (.element q)])
(show (.remove q 5))
(show (.contains q 4))
(show (.put q nil))
(show (.poll q 5 TimeUnit/MILLISECONDS))
(show (.poll q 5 TimeUnit/MILLISECONDS))
(show [(.poll q) (.isEmpty q)])
(show (.remove q))
(show (.element q))
(def aq (ArrayBlockingQueue. 2))
(show [(.offer aq :a) (.offer aq :b) (.offer aq :c) (.remainingCapacity aq)])
(show (.add aq :c))
(show (.offer aq :c 5 TimeUnit/MILLISECONDS))
(show (let [out (java.util.ArrayList.)] [(.drainTo aq out) (vec out) (count aq)]))
(show (ArrayBlockingQueue. 0))
(def cq (ConcurrentLinkedQueue. (range 5)))
(show [(count cq) (first cq) (.poll cq) (.peek cq) (map inc cq)])
(show (let [it (.iterator cq)] [(.next it) (.hasNext it)]))
(def dq (LinkedBlockingDeque.))
(show (do (.addFirst dq 1) (.addLast dq 2) (.offerFirst dq 0) [(vec dq) (.peekLast dq) (.pollLast dq) (.takeFirst dq)]))
(show [(instance? java.util.concurrent.BlockingQueue q) (instance? java.util.Queue cq)
       (instance? java.util.Collection aq) (instance? java.util.concurrent.BlockingDeque dq)])
(show (.remainingCapacity (LinkedBlockingQueue.)))
(show (.remainingCapacity (LinkedBlockingQueue. 3)))

;; AtomicReferenceArray
(def ara (AtomicReferenceArray. 3))
(show [(.length ara) (.get ara 0)])
(show (do (.set ara 1 :x) (.get ara 1)))
(show (.compareAndSet ara 1 :x :y))
(show (.compareAndSet ara 1 :x :z))
(show (.getAndSet ara 2 "s"))
(show (str ara))
(show (.get ara 3))
(show (str (AtomicReferenceArray. (to-array [1 2]))))

;; atomics
(def al (AtomicLong. 5))
(show [(.incrementAndGet al) (.getAndAdd al 10) (.get al) (.compareAndSet al 16 0) (.get al)])
(def ai (AtomicInteger. Integer/MAX_VALUE))
(show (.incrementAndGet ai))
(show [(.getAndSet (AtomicBoolean. true) false) (.get (AtomicReference. :r))])

;; ConcurrentHashMap
(def chm (ConcurrentHashMap.))
(show (do (.put chm :a 1) (.putIfAbsent chm :a 2) (.putIfAbsent chm :b 3) (= {:a 1 :b 3} (into {} chm))))
(show (sort (map val (seq chm))))
(show (reduce (fn [n e] (+ n (val e))) 0 chm))
(show [(get chm :a) (count chm) (.containsKey chm :b)])

;; ThreadLocal
(def tl (ThreadLocal.))
(show (.get tl))
(show (do (.set tl 42) (.get tl)))
(show (do (.remove tl) (.get tl)))
(def tli (ThreadLocal/withInitial (reify java.util.function.Supplier (get [_] :init))))
(show (.get tli))

;; locking: reentrant; the monitor is released when the body throws.
(def mon (Object.))
(show (locking mon (locking mon :nested)))
(show (try (locking mon (throw (ex-info "boom" {}))) (catch Exception e (ex-message e))))
(show (locking mon :again))
(show (locking 1 :boxed))
(show (.getName (Thread/currentThread)))
(show (identical? (Thread/currentThread) (Thread/currentThread)))
(show (instance? Runnable (Thread/currentThread)))
(show (pos? (.availableProcessors (Runtime/getRuntime))))
(show (identical? (Runtime/getRuntime) (Runtime/getRuntime)))
(show (Thread/interrupted))

;; the atomics' functional updates take java.util.function objects
(def al2 (AtomicLong. 5))
(def inc-op (reify java.util.function.LongUnaryOperator (applyAsLong [_ x] (inc x))))
(def add-op (reify java.util.function.LongBinaryOperator (applyAsLong [_ a b] (+ a b))))
(show [(.updateAndGet al2 inc-op) (.getAndUpdate al2 inc-op) (.accumulateAndGet al2 10 add-op)
       (.getAndAccumulate al2 1 add-op) (.get al2) (.doubleValue al2)])
(def ai2 (AtomicInteger. Integer/MAX_VALUE))
(show (.updateAndGet ai2 (reify java.util.function.IntUnaryOperator (applyAsInt [_ x] (inc x)))))
(def ar (AtomicReference. [1]))
(show [(.updateAndGet ar (reify java.util.function.UnaryOperator (apply [_ v] (conj v 2))))
       (.getAndUpdate ar (reify java.util.function.UnaryOperator (apply [_ v] (pop v))))
       (.accumulateAndGet ar 9 (reify java.util.function.BinaryOperator (apply [_ v x] (conj v x))))
       (.get ar)])
