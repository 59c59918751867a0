;; clojure.pprint for cljw: the pretty printer and cl-format, behaving like
;; JVM Clojure 1.11.1's. The pretty writer (XP layout) is native Rust
;; (src/lib/pprint/), interned into this namespace before this file loads as
;; -pretty-writer, -start-block, -end-block, -nl, -indent, -column, ...
;; This file and the others in this folder are loaded as one source (see
;; src/lib/mod.rs): base, cl_format, cl_format_compile, dispatch, print_table.

(ns clojure.pprint
  (:require [clojure.string :as str]))

;;; ---------------------------------------------------------------------
;;; Control variables

(def ^:dynamic *print-pretty* true)

(defonce ^:dynamic *print-pprint-dispatch* nil)

(def ^:dynamic *print-right-margin* 72)

(def ^:dynamic *print-miser-width* 40)

(def ^:dynamic ^:private *print-lines* nil)

(def ^:dynamic ^:private *print-circle* nil)

(def ^:dynamic ^:private *print-shared* nil)

(def ^:dynamic *print-suppress-namespaces* nil)

(def ^:dynamic *print-radix* nil)

(def ^:dynamic *print-base* 10)

;; Where we are in the structure (used by pprint-logical-block expansions).
(def ^:dynamic *current-level* 0)

(def ^:dynamic *current-length* nil)

(declare format-simple-number cl-format compile-format execute-format
         init-navigator)

;;; ---------------------------------------------------------------------
;;; Small helpers (the JVM's utilities.clj)

(defn- map-passing-context [func initial-context lis]
  (loop [context initial-context
         lis lis
         acc []]
    (if (empty? lis)
      [acc context]
      (let [[result new-context] (func (first lis) context)]
        (recur new-context (next lis) (conj acc result))))))

(defn- consume [func initial-context]
  (loop [context initial-context
         acc []]
    (let [[result new-context] (func context)]
      (if (not result)
        [acc new-context]
        (recur new-context (conj acc result))))))

(defn- unzip-map [m]
  [(into {} (for [[k [v1 _]] m] [k v1]))
   (into {} (for [[k [_ v2]] m] [k v2]))])

(defn- tuple-map [m v1]
  (into {} (for [[k v] m] [k [v v1]])))

(defn- rtrim [s c]
  (let [len (count s)]
    (if (and (pos? len) (= (nth s (dec len)) c))
      (loop [n (dec len)]
        (cond
          (neg? n) ""
          (not (= (nth s n) c)) (subs s 0 (inc n))
          :else (recur (dec n))))
      s)))

(defn- ltrim [s c]
  (let [len (count s)]
    (if (and (pos? len) (= (nth s 0) c))
      (loop [n 0]
        (if (or (= n len) (not (= (nth s n) c)))
          (subs s n)
          (recur (inc n))))
      s)))

(defn- prefix-count [aseq val]
  (let [test (if (coll? val) (set val) #{val})]
    (loop [pos 0]
      (if (or (= pos (count aseq)) (not (test (nth aseq pos))))
        pos
        (recur (inc pos))))))

(defn- spaces [n] (apply str (repeat n \space)))

;;; ---------------------------------------------------------------------
;;; The write function and friends (pprint_base.clj)

(defn- pr-with-base [x]
  (if-let [s (format-simple-number x)]
    (print s)
    (pr x)))

;; pr, or pr-with-base when a base or radix is in force (the JVM rebinds
;; #'pr to pr-with-base in write and pprint).
(defn- pr* [x]
  (if (or (not (= *print-base* 10)) *print-radix*)
    (pr-with-base x)
    (pr x)))

(def ^:private write-option-table
  {:base 'clojure.pprint/*print-base*,
   :circle 'clojure.pprint/*print-circle*,
   :length 'clojure.core/*print-length*,
   :level 'clojure.core/*print-level*,
   :lines 'clojure.pprint/*print-lines*,
   :miser-width 'clojure.pprint/*print-miser-width*,
   :dispatch 'clojure.pprint/*print-pprint-dispatch*,
   :pretty 'clojure.pprint/*print-pretty*,
   :radix 'clojure.pprint/*print-radix*,
   :readably 'clojure.core/*print-readably*,
   :right-margin 'clojure.pprint/*print-right-margin*,
   :suppress-namespaces 'clojure.pprint/*print-suppress-namespaces*})

(defn- table-ize [t m]
  (apply hash-map (mapcat
                   #(when-let [v (get t (key %))] [(find-var v) (val %)])
                   m)))

(defn- pretty-writer? [x] (-pretty-writer? x))

(defn- make-pretty-writer [base-writer right-margin miser-width]
  (-pretty-writer base-writer right-margin miser-width))

(defmacro ^:private with-pretty-writer [base-writer & body]
  `(let [base-writer# ~base-writer
         new-writer# (not (pretty-writer? base-writer#))]
     (binding [*out* (if new-writer#
                       (make-pretty-writer base-writer# *print-right-margin* *print-miser-width*)
                       base-writer#)]
       ~@body
       (.flush *out*))))

(defn ^{:added "1.2"} write-out
  "Write an object to *out* subject to the current bindings of the printer control
variables. Use the kw-args argument to override individual variables for this call (and
any recursive calls).

*out* must be a PrettyWriter if pretty printing is enabled. This is the responsibility
of the caller.

This method is primarily intended for use by pretty print dispatch functions that
already know that the pretty printer will have set up their environment appropriately.
Normal library clients should use the standard \"write\" interface. "
  [object]
  (let [length-reached (and
                        *current-length*
                        *print-length*
                        (>= *current-length* *print-length*))]
    (if-not *print-pretty*
      (pr* object)
      (if length-reached
        (print "...")
        (do
          (if *current-length* (set! *current-length* (inc *current-length*)))
          (*print-pprint-dispatch* object))))
    length-reached))

(defn ^{:added "1.2"} write
  "Write an object subject to the current bindings of the printer control variables.
Use the kw-args argument to override individual variables for this call (and any
recursive calls). Returns the string result if :stream is nil or nil otherwise."
  [object & kw-args]
  (let [options (merge {:stream true} (apply hash-map kw-args))]
    (with-bindings (table-ize write-option-table options)
      (let [optval (if (contains? options :stream)
                     (:stream options)
                     true)
            base-writer (condp = optval
                          nil (java.io.StringWriter.)
                          true *out*
                          optval)]
        (if *print-pretty*
          (with-pretty-writer base-writer
            (write-out object))
          (binding [*out* base-writer]
            (pr* object)))
        (if (nil? optval)
          (.toString base-writer))))))

(defn ^{:added "1.2"} pprint
  "Pretty print object to the optional output writer. If the writer is not provided,
print the object to the currently bound value of *out*."
  ([object] (pprint object *out*))
  ([object writer]
   (with-pretty-writer writer
     (binding [*print-pretty* true]
       (write-out object))
     ;; The JVM compares 0 with the pretty writer's own (absent) column, so
     ;; the newline is always written.
     (.write *out* (int \newline)))))

(defmacro ^{:added "1.2"} pp
  "A convenience macro that pretty prints the last thing output. This is
exactly equivalent to (pprint *1)."
  [] `(pprint *1))

(defn ^{:added "1.2"} set-pprint-dispatch
  "Set the pretty print dispatch function to a function matching (fn [obj] ...)
where obj is the object to pretty print. That function will be called with *out* set
to a pretty printing writer to which it should do its printing."
  [function]
  (let [old-meta (meta #'*print-pprint-dispatch*)]
    (alter-var-root #'*print-pprint-dispatch* (constantly function))
    (alter-meta! #'*print-pprint-dispatch* (constantly old-meta)))
  nil)

(defmacro ^{:added "1.2"} with-pprint-dispatch
  "Execute body with the pretty print dispatch function bound to function."
  [function & body]
  `(binding [*print-pprint-dispatch* ~function]
     ~@body))

;;; ---------------------------------------------------------------------
;;; The functional interface to the pretty printer

(defn- parse-lb-options [opts body]
  (loop [body body
         acc []]
    (if (opts (first body))
      (recur (drop 2 body) (concat acc (take 2 body)))
      [(apply hash-map acc) body])))

(defn- check-enumerated-arg [arg choices]
  (if-not (choices arg)
    (throw
     (IllegalArgumentException.
      (str "Bad argument: " arg ". It must be one of " choices)))))

(defn level-exceeded []
  (and *print-level* (>= *current-level* *print-level*)))

(defn start-block [w prefix per-line-prefix suffix]
  (-start-block w prefix per-line-prefix suffix))

(defn end-block [w]
  (-end-block w))

(defmacro ^{:added "1.2"} pprint-logical-block
  "Execute the body as a pretty printing logical block with output to *out* which
must be a pretty printing writer. When used from pprint or cl-format, this can be
assumed.

Before the body, the caller can optionally specify options: :prefix, :per-line-prefix,
and :suffix."
  {:arglists '[[options* body]]}
  [& args]
  (let [[options body] (parse-lb-options #{:prefix :per-line-prefix :suffix} args)]
    `(do (if (clojure.pprint/level-exceeded)
           (.write ^java.io.Writer *out* "#")
           (binding [clojure.pprint/*current-level* (inc clojure.pprint/*current-level*)
                     clojure.pprint/*current-length* 0]
             (clojure.pprint/start-block *out*
                                         ~(:prefix options) ~(:per-line-prefix options) ~(:suffix options))
             ~@body
             (clojure.pprint/end-block *out*)))
         nil)))

(defn ^{:added "1.2"} pprint-newline
  "Print a conditional newline to a pretty printing stream. kind specifies if the
newline is :linear, :miser, :fill, or :mandatory."
  [kind]
  (check-enumerated-arg kind #{:linear :miser :fill :mandatory})
  (-nl *out* kind))

(defn ^{:added "1.2"} pprint-indent
  "Create an indent at this point in the pretty printing stream. This defines how
following lines are indented. relative-to can be either :block or :current depending
whether the indent should be computed relative to the start of the logical block or
the current column position. n is an offset."
  [relative-to n]
  (check-enumerated-arg relative-to #{:block :current})
  (-indent *out* relative-to n))

(defn ^{:added "1.2"} pprint-tab
  "Tab at this point in the pretty printing stream. kind specifies whether the tab
is :line, :section, :line-relative, or :section-relative.

THIS FUNCTION IS NOT YET IMPLEMENTED."
  [kind colnum colinc]
  (check-enumerated-arg kind #{:line :section :line-relative :section-relative})
  (throw (UnsupportedOperationException. "pprint-tab is not yet implemented")))

;; print-length-loop: a loop whose recurs count iterations against
;; *print-length*, printing "..." when it is reached.
(defn- pll-mod-body [var-sym body]
  (letfn [(walk-form [f form]
            (cond
              (list? form) (apply list (map f form))
              (seq? form) (doall (map f form))
              (vector? form) (vec (map f form))
              (map? form) (into (empty form) (map (fn [[k v]] [(f k) (f v)]) form))
              (set? form) (into (empty form) (map f form))
              :else form))
          (inner [form]
            (if (seq? form)
              (let [form (macroexpand form)]
                (condp = (first form)
                  'loop* form
                  'recur (concat `(recur (inc ~var-sym)) (rest form))
                  (walk-form inner form)))
              form))]
    (walk-form inner body)))

(defmacro ^{:added "1.3"} print-length-loop
  "A version of loop that iterates at most *print-length* times. This is designed
for use in pretty-printer dispatch functions."
  [bindings & body]
  (let [count-var (gensym "length-count")
        mod-body (pll-mod-body count-var body)]
    `(loop ~(apply vector count-var 0 bindings)
       (if (or (not *print-length*) (< ~count-var *print-length*))
         (do ~@mod-body)
         (.write ^java.io.Writer *out* "...")))))

