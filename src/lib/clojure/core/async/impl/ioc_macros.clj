;; cljw's clojure.core.async.impl.ioc-macros: the go-block "compiler" that
;; clojure/core/async.clj (the library's own source, from its jar) requires.
;;
;; The library's version rewrites a go body into a state machine with
;; tools.analyzer.jvm, which needs clojure.reflect and ASM: cljw does not
;; model those. Here, as in babashka, a go block runs its body on a real
;; thread instead: `state-machine` returns the body as a thunk in which the
;; channel operations visible in the body (<!, >!, alts!, and so alt!) are
;; replaced by their blocking forms (<!!, >!!, alts!!), and
;; `run-state-machine-wrapped` runs that thunk on a thread of a cached pool
;; (not the library's 8 dispatch threads, which run channel callbacks and
;; must never block). A parked go block therefore holds a thread.
;;
;; The names and the state array layout are the library's, so the go macro
;; of clojure/core/async.clj loads and expands unchanged.
(ns ^{:skip-wiki true} clojure.core.async.impl.ioc-macros
  (:require [clojure.core.async.impl.protocols :as impl]
            [clojure.core.async.impl.concurrent :as conc])
  (:import [java.util.concurrent Executors ExecutorService]
           [java.util.concurrent.locks Lock]))

(def ^:const FN-IDX 0)
(def ^:const STATE-IDX 1)
(def ^:const VALUE-IDX 2)
(def ^:const BINDINGS-IDX 3)
(def ^:const EXCEPTION-FRAMES 4)
(def ^:const USER-START-IDX 5)

(defn aset-object [arr idx o]
  (aset ^objects arr idx o))

(defn aget-object [arr idx]
  (aget ^objects arr idx))

(defmacro aset-all!
  [arr & more]
  (assert (even? (count more)) "Must give an even number of args to aset-all!")
  (let [arr-sym (gensym "statearr-")]
    `(let [~arr-sym ~arr]
       ~@(map (fn [[idx val]] `(aset-object ~arr-sym ~idx ~val))
              (partition 2 more))
       ~arr-sym)))

;; Each parking operation of a go body and the blocking one that replaces it.
(def async-custom-terminators
  {'clojure.core.async/<! 'clojure.core.async/<!!
   'clojure.core.async/>! 'clojure.core.async/>!!
   'clojure.core.async/alts! 'clojure.core.async/alts!!})

(declare rewrite rewrite-seq-tail)

(defn- same-meta [new old]
  (if-let [m (meta old)] (with-meta new m) new))

(defn- rewrite-seq [forms locals terms]
  (same-meta (apply list (map #(rewrite % locals terms) forms)) forms))

(defn- rewrite-body [forms locals terms]
  (map #(rewrite % locals terms) forms))

(defn- rewrite-bindings
  "let*/loop* bindings: each init sees the locals bound before it.
  Returns [bindings locals]."
  [bvec locals terms]
  (loop [bs (seq (partition 2 bvec)) out [] locals locals]
    (if bs
      (let [[s init] (first bs)]
        (recur (next bs) (conj out s (rewrite init locals terms)) (conj locals s)))
      [(same-meta out bvec) locals])))

(defn- var-symbol [v]
  (let [m (meta v)]
    (when (and (:ns m) (:name m))
      (symbol (str (ns-name (:ns m))) (str (:name m))))))

(defn- rewrite-call [form locals terms]
  (let [op (first form)
        v (when (and (symbol? op) (not (contains? locals op)))
            (try (resolve op) (catch Exception _ nil)))
        blocking (when (var? v) (get terms (var-symbol v)))]
    (cond
      blocking
      (same-meta (apply list blocking (rewrite-body (rest form) locals terms)) form)

      (and (var? v) (:macro (meta v)))
      (let [expanded (macroexpand-1 form)]
        (if (identical? expanded form)
          (rewrite-seq form locals terms)
          (rewrite expanded locals terms)))

      :else
      (rewrite-seq form locals terms))))

(defn- rewrite-special [op form locals terms]
  (case op
    ;; Opaque: quoted data, and function bodies (a <! in a fn inside a go
    ;; block is not the go block's, as in the library).
    (quote var fn* reify* deftype* clojure.core/import*) form
    (let* loop*)
    (let [[_ bvec & body] form
          [bvec locals] (rewrite-bindings bvec locals terms)]
      (same-meta (apply list op bvec (rewrite-body body locals terms)) form))
    letfn*
    (let [[_ bvec & body] form
          locals (into locals (take-nth 2 bvec))]
      (same-meta (apply list op bvec (rewrite-body body locals terms)) form))
    catch
    (let [[_ cls local & body] form]
      (same-meta (apply list op cls local (rewrite-body body (conj locals local) terms))
                 form))
    ;; cljw's (case* expr default [tests...] [thens...]).
    case*
    (if (= 5 (count form))
      (let [[_ e default tests thens] form]
        (same-meta (list op (rewrite e locals terms) (rewrite default locals terms)
                         tests (same-meta (mapv #(rewrite % locals terms) thens) thens))
                   form))
      form)
    ;; (. target member args) / (. target (member args))
    .
    (let [[_ target member & args] form]
      (same-meta (apply list op (rewrite target locals terms)
                        (if (seq? member)
                          (rewrite-seq-tail member locals terms)
                          member)
                        (rewrite-body args locals terms))
                 form))
    (rewrite-seq form locals terms)))

(defn- rewrite-seq-tail [form locals terms]
  (same-meta (apply list (first form) (rewrite-body (rest form) locals terms)) form))

(defn- rewrite
  "form with every visible call of a key of terms (by the var its head
  resolves to) turned into a call of its value."
  [form locals terms]
  (cond
    (seq? form)
    (let [op (first form)]
      (cond
        (and (symbol? op) (not (contains? locals op)) (special-symbol? op))
        (rewrite-special op form locals terms)
        (= op 'catch) (rewrite-special op form locals terms)
        (symbol? op) (rewrite-call form locals terms)
        :else (rewrite-seq form locals terms)))
    (record? form) form
    (map-entry? form) form
    (vector? form) (same-meta (mapv #(rewrite % locals terms) form) form)
    (map? form) (same-meta (into {} (map (fn [[k v]] [(rewrite k locals terms)
                                                      (rewrite v locals terms)]))
                                 form)
                           form)
    (set? form) (same-meta (into #{} (map #(rewrite % locals terms)) form) form)
    :else form))

(defn state-machine
  "The go macro's state machine: a fn returning the state array whose
  FN-IDX holds the body as a thunk, its parking operations made blocking."
  [body num-user-params [crossing-env env] user-transitions]
  (let [body (rewrite body (set (keys env)) user-transitions)]
    `(fn []
       (let [state# (object-array ~(+ USER-START-IDX num-user-params))]
         (aset-object state# ~FN-IDX (fn [] ~body))
         state#))))

(defn- fn-handler [f]
  (reify
    Lock
    (lock [_])
    (unlock [_])
    impl/Handler
    (active? [_] true)
    (blockable? [_] true)
    (lock-id [_] 0)
    (commit [_] f)))

(defn return-chan [state value]
  (let [c (aget-object state USER-START-IDX)]
    (when-not (nil? value)
      (impl/put! c value (fn-handler (fn [_] nil))))
    (impl/close! c)
    c))

;; The threads that run go bodies: made on demand, reused when idle.
(defonce ^:private ^ExecutorService go-executor
  (delay (Executors/newCachedThreadPool (conc/counted-thread-factory "async-go-%d" true))))

(defn run-state-machine
  "Runs the go body of state on this thread with the bindings its go
  block captured, then delivers its value to the go block's channel."
  [state]
  (clojure.lang.Var/resetThreadBindingFrame (aget-object state BINDINGS-IDX))
  (return-chan state ((aget-object state FN-IDX))))

(defn run-state-machine-wrapped
  "Starts the go body of state on a go thread. An exception closes the go
  block's channel and goes to the thread's uncaught exception handler."
  [state]
  (.execute ^ExecutorService @go-executor
            (fn []
              (try
                (run-state-machine state)
                (catch Throwable ex
                  (impl/close! (aget-object state USER-START-IDX))
                  (throw ex)))))
  nil)
