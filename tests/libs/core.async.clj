;; core.async: the library's own channels, buffers and combinators; go
;; blocks (cljw runs them on threads). Output is deterministic: every
;; result is awaited with <!! and unordered results are sorted.
(require '[clojure.core.async :as a
           :refer [go go-loop chan >! <! >!! <!! close! timeout alts! alts!! alt! alt!!
                   put! take! offer! poll!]])
(println "loaded")

;; go, go-loop, <! and >! inside go
(let [c (chan)] (go (>! c 42)) (prn (<!! c)))
(prn (<!! (go (+ 1 2))))
(prn (<!! (go nil)))
(let [out (chan)]
  (go-loop [i 0 acc 0] (if (< i 10) (recur (inc i) (+ acc i)) (>! out acc)))
  (prn (<!! out)))
(let [in (chan) out (chan)]
  (go-loop [] (when-let [v (<! in)] (>! out (* v v)) (recur)))
  (prn (vec (for [i (range 5)] (do (>!! in i) (<!! out)))))
  (close! in))
(prn (<!! (go (let [c (chan)] (put! c :v) (<! c)))))
(prn (<!! (go (<! (go (<! (go :nested)))))))
(prn (<!! (go (let [[a b] [1 2] {:keys [c]} {:c 3}] (try (+ a b c) (finally nil))))))
(prn (<!! (go (case (<! (go 2)) 1 :one 2 :two :other))))
(prn (<!! (go (try (throw (ex-info "boom" {})) (catch Exception e (ex-message e))))))
;; what a go block's body rewrites: only visible <!/>!/alts! calls, through
;; macros and data literals, not quoted forms, shadowing locals or nested fns
(prn (<!! (go (try ((fn [] (<! (chan)))) (catch AssertionError e :assert)))))
(prn (<!! (go (let [<! inc] (<! 1)))))
(prn (<!! (go '(<! not-a-chan))))
(prn (<!! (go (alt! (chan) :never :default :dflt))))
(prn (<!! (go (let [x 1] (<! (go (let [x (inc x)] x)))))))
(prn (<!! (go [(<! (go 1)) {:k (<! (go 2))} #{(<! (go 3))}])))
(prn (<!! (go (cond-> 1 true (+ (<! (go 1)))))))
(prn (<!! (go (.toUpperCase (<! (go "abc"))))))
(defmacro my-take [c] `(<! ~c))
(prn (<!! (go (my-take (go :macro)))))
;; an exception closes the go block's channel
(prn (<!! (go (throw (ex-info "in go" {})))))
;; a go block's locals and bindings
(def ^:dynamic *x* :root)
(prn (binding [*x* :bound] (<!! (go *x*))))
(let [n 10] (prn (<!! (go (loop [i 0 acc []] (if (< i n) (recur (inc i) (conj acc (<! (go i)))) acc))))))

;; buffers
(let [c (chan 10)] (doseq [i (range 5)] (>!! c i)) (close! c)
  (prn (<!! (a/into [] c))))
(let [c (chan (a/sliding-buffer 2))] (>!! c 1) (>!! c 2) (>!! c 3) (prn (<!! c) (<!! c)))
(let [c (chan (a/dropping-buffer 2))] (>!! c 1) (>!! c 2) (>!! c 3) (close! c)
  (prn (<!! (a/into [] c))))
(let [c (chan 1 (map inc))] (>!! c 1) (prn (<!! c)))
(let [c (chan 10 (comp (filter odd?) (map -)))] (a/onto-chan! c (range 10)) (prn (<!! (a/into [] c))))
(let [c (chan 1 (mapcat (fn [x] [x x])))] (a/onto-chan! c [1 2]) (prn (<!! (a/into [] c))))
(prn (a/unblocking-buffer? (a/sliding-buffer 1)) (a/unblocking-buffer? (a/buffer 1)))
(let [p (a/promise-chan)] (>!! p :first) (>!! p :second) (prn (<!! p) (<!! p)))

;; close!, offer!, poll!, put!/take! callbacks
(let [c (chan)] (close! c) (prn (<!! c) (>!! c 1)))
(let [c (chan 1)] (prn (offer! c 1) (offer! c 2) (poll! c) (poll! c)))
(let [c (chan 1) p (promise)] (put! c :cb (fn [ok] (deliver p ok))) (prn (deref p 1000 :timeout) (<!! c)))
(let [c (chan) p (promise)] (take! c (fn [v] (deliver p v))) (>!! c :taken) (prn (deref p 1000 :timeout)))
(let [c (chan) p (promise)] (take! c (fn [v] (deliver p [:closed v]))) (close! c) (prn (deref p 1000 :timeout)))

;; alts!, alt!, timeout
(let [c1 (chan 1) c2 (chan 1)] (>!! c2 :two)
  (let [[v ch] (alts!! [c1 c2])] (prn v (= ch c2))))
(let [c (chan)] (prn (alts!! [c] :default :none)))
(let [c1 (chan 1) c2 (chan 1)] (>!! c1 :a) (>!! c2 :b)
  (prn (first (alts!! [c1 c2] :priority true))))
(prn (<!! (go (let [c (chan 1)] (>! c :in-go) (first (alts! [c]))))))
(prn (<!! (go (let [c (chan 1)] (alt! [[c :put]] :wrote)))))
(prn (<!! (go (alt! (timeout 20) :timed-out (chan) :never))))
(prn (alt!! (a/to-chan! [7]) ([v] [:got v]) (timeout 1000) :timed-out))
(prn (<!! (timeout 10)))
(let [t0 (System/currentTimeMillis)] (<!! (timeout 50)) (prn (>= (- (System/currentTimeMillis) t0) 40)))
(let [[v ch] (alts!! [(timeout 20) (chan)])] (prn v (nil? ch)))

;; thread
(let [c (a/thread (+ 1 2))] (prn (<!! c)))
(prn (<!! (a/thread nil)))

;; pipe, merge, into, reduce, transduce, onto-chan!, to-chan!, split
(let [p (chan) ps (a/pipe (a/to-chan! [1 2 3]) p)] (prn (<!! (a/into [] ps))))
(let [m (a/merge [(a/to-chan! [1 2]) (a/to-chan! [3])])] (prn (sort (<!! (a/into [] m)))))
(prn (<!! (a/into #{} (a/to-chan! [1 1 2]))))
(let [c (a/to-chan! [1 2 3 4])] (prn (<!! (a/reduce + 0 c))))
(prn (<!! (a/reduce + 0 (a/to-chan! []))))
(prn (<!! (a/transduce (map inc) + 0 (a/to-chan! [1 2 3]))))
(let [c (chan 5)] (<!! (a/onto-chan! c [1 2 3] false)) (>!! c 4) (close! c) (prn (<!! (a/into [] c))))
(let [[evens odds] (a/split even? (a/to-chan! (range 6)) 10 10)]
  (prn (<!! (a/into [] evens)) (<!! (a/into [] odds))))
(prn (<!! (a/into [] (a/take 3 (a/to-chan! (range 10))))))
(prn (<!! (a/into [] (a/map + [(a/to-chan! [1 2 3]) (a/to-chan! [10 20 30])]))))

;; mult / tap
(let [src (chan) m (a/mult src) t1 (chan 5) t2 (chan 5)]
  (a/tap m t1) (a/tap m t2)
  (doseq [i [1 2 3]] (>!! src i))
  (close! src)
  (prn (<!! (a/into [] t1)) (<!! (a/into [] t2))))

;; pub / sub
(let [src (chan) p (a/pub src :topic) evens (chan 5) odds (chan 5)]
  (a/sub p :even evens) (a/sub p :odd odds)
  (doseq [i (range 6)] (>!! src {:topic (if (even? i) :even :odd) :n i}))
  (close! src)
  (prn (mapv :n (<!! (a/into [] evens))) (mapv :n (<!! (a/into [] odds)))))

;; mix
(let [out (chan 10) mx (a/mix out) in1 (chan) in2 (chan)]
  (a/admix mx in1) (a/admix mx in2)
  (>!! in1 :a) (>!! in2 :b)
  (prn (sort [(<!! out) (<!! out)])))

;; pipeline, pipeline-blocking, pipeline-async
(let [out (chan)] (a/pipeline 4 out (map #(* % %)) (a/to-chan! (range 10))) (prn (<!! (a/into [] out))))
(let [out (chan)] (a/pipeline-blocking 2 out (filter even?) (a/to-chan! (range 10))) (prn (<!! (a/into [] out))))
(let [out (chan)]
  (a/pipeline-async 3 out (fn [v ch] (go (>! ch (inc v)) (close! ch))) (a/to-chan! [1 2 3]))
  (prn (<!! (a/into [] out))))

;; many go blocks at once
(let [cs (doall (for [i (range 200)] (go (<! (timeout 5)) i)))]
  (prn (reduce + (map <!! cs))))
(let [c (chan)]
  (dotimes [i 100] (go (>! c i)))
  (prn (reduce + (repeatedly 100 #(<!! c)))))
