(ns babashka.process
  "babashka.process for cljw: shell out with the API of
  github.com/babashka/process (process, shell, sh, check, destroy,
  destroy-tree, alive?, pb, start, pipeline, tokenize, parse-args, $).
  Written for cljw over the Rust primitives in cljw.process, following
  babashka.process's documented behaviour (README, API.md and docstrings;
  there is no JVM jar to record against here).

  Differences: `:proc` is a cljw process handle (a fn), not a
  java.lang.Process; `deref` with a timeout, `:shutdown`, `:exit-fn`,
  `:pre-start-fn` and `exec` are not supported; captured `:out`/`:err`
  (`:string`, a writer) are delays rather than futures before the deref."
  (:require [cljw.process :as native]
            [clojure.java.io :as io]
            [clojure.string :as str]))

(defn tokenize
  "Splits a command string into arguments at whitespace; single or double
  quotes keep spaces in an argument."
  [s]
  (loop [cs (seq s), dq? false, sq? false, buf "", out []]
    (if-not cs
      (if (pos? (count buf)) (conj out buf) out)
      (let [c (first cs)
            more (next cs)]
        (cond
          (= c \') (cond dq? (recur more dq? sq? (str buf c) out)
                         sq? (recur more dq? false "" (conj out buf))
                         :else (recur more dq? true buf out))
          (= c \\) (let [e (first more)]
                     (recur (next more) dq? sq?
                            (if (and dq? (= e \")) (str buf e) (str buf c e))
                            out))
          (and (not sq?) (= c \")) (recur more (not dq?) sq? buf out)
          (and (not dq?) (not sq?) (Character/isWhitespace c))
          (recur more dq? sq? "" (if (str/blank? buf) out (conj out buf)))
          :else (recur more dq? sq? (str buf c) out))))))

; Process and ProcessBuilder name java.lang classes here; babashka.process
; unmaps them before its record, as deftype would otherwise refuse the name.
(ns-unmap *ns* 'Process)
(ns-unmap *ns* 'ProcessBuilder)

(defrecord Process [proc exit in out err prev cmd]
  clojure.lang.IDeref
  (deref [this]
    (let [code (proc :wait)]
      (assoc this
             :exit code
             :out (if (delay? out) @out out)
             :err (if (delay? err) @err err)))))

(defmethod print-method Process [p ^java.io.Writer w]
  (.write w (pr-str (into {} p))))

(defrecord ProcessBuilder [pb opts prev])

(defn- process-like? [x]
  (or (instance? Process x) (instance? ProcessBuilder x)))

(defn- normalize-opts [{:keys [in out err inherit] :as opts}]
  (cond-> opts
    (and inherit (not out)) (assoc :out :inherit)
    (and inherit (not err)) (assoc :err :inherit)
    (and inherit (not in)) (assoc :in :inherit)
    (or (string? out) (instance? java.io.File out)) (assoc :out :write :out-file (io/file out))
    (or (string? err) (instance? java.io.File err)) (assoc :err :write :err-file (io/file err))))

(defn- command [args]
  (let [args (map str args)
        program (first args)]
    (vec (concat (cond (nil? program) []
                       (.exists (io/file program)) [program]
                       :else (tokenize program))
                 (rest args)))))

(defn parse-args
  "Parses the arguments of `process` into `{:prev :cmd :opts}`: an
  optional previous process (piped into this one), an optional options
  map (first, or last after a command vector) and the command."
  [args]
  (let [[prev args] (if (or (process-like? (first args))
                            (and (nil? (first args)) (sequential? (second args))))
                      [(first args) (rest args)]
                      [nil args])
        [opts args] (let [x (first args)]
                      (cond (or (nil? x) (map? x)) [x (rest args)]
                            (sequential? x) [nil (concat x (rest args))]
                            :else [nil args]))
        [opts args] (if (and (nil? opts) (map? (last args)) (> (count args) 1))
                      [(last args) (butlast args)]
                      [opts args])]
    {:prev prev :cmd (command args) :opts opts}))

(defn- captured
  "What :out/:err hold: the stream, or a delay of the captured output
  (written to `target` when that is a writer or output stream)."
  [proc spawned-stream target result-key]
  (cond (contains? #{:string :bytes} target) (delay (proc :wait) (proc result-key))
        (and target (not (keyword? target)))
        (delay (proc :wait)
               (let [s (proc result-key)]
                 (if (instance? java.io.Writer target)
                   (do (.write ^java.io.Writer target ^String s) (.flush ^java.io.Writer target))
                   (io/copy s target))
                 target))
        :else spawned-stream))

(defn process*
  "Like `process`, on arguments parsed by `parse-args`."
  [{:keys [prev cmd opts]}]
  (let [opts (normalize-opts opts)
        prev-out (:out prev)
        in (let [i (:in opts)]
             (cond (nil? i) prev-out
                   (= :inherit i) (or prev-out i)
                   :else i))
        mode (fn [o] (cond (nil? o) nil
                           (keyword? o) o
                           :else :string))
        {:keys [out err]} opts
        spawned (native/spawn cmd (assoc opts :in in :out (mode out) :err (mode err)))
        proc (:proc spawned)]
    (->Process proc nil (:in spawned)
               (captured proc (:out spawned) out :out-result)
               (captured proc (:err spawned) err :err-result)
               prev cmd)))

(defn process
  "Starts a process: `(process opts? & args)`; the first argument string is
  tokenized. Returns a record with :proc :in :out :err :cmd :prev; `deref`
  waits and adds :exit."
  [& args]
  (process* (parse-args args)))

(defn check
  "Waits for the process; throws ex-info (the stderr text or \"failed\",
  with the process as data and :type :babashka.process/error) on a
  non-zero exit, else returns the dereffed process."
  [proc]
  (let [p @proc
        err (:err p)]
    (if (zero? (:exit p))
      p
      (let [msg (cond (string? err) err
                      (and (some? err) (not (bytes? err))) (slurp err)
                      :else nil)]
        (throw (ex-info (if (string? msg) msg "failed")
                        (assoc p :type ::error)))))))

(defn sh
  "Like `process` with :out and :err :string; waits, does not check."
  [& args]
  (let [{:keys [opts] :as parsed} (parse-args args)]
    @(process* (assoc parsed :opts (merge {:out :string :err :string} opts)))))

(defn shell
  "Like `process` with input and output inherited; waits and `check`s
  (unless :continue)."
  [& args]
  (let [{:keys [opts] :as parsed} (parse-args args)
        p @(process* (assoc parsed :opts (merge {:in :inherit :out :inherit :err :inherit} opts)))]
    (if (:continue opts) p (check p))))

(defn destroy
  "Stops the process (SIGTERM); returns its argument."
  [proc]
  ((:proc proc) :destroy)
  proc)

(defn destroy-tree
  "Like `destroy`, also stopping the process's descendants."
  [proc]
  ((:proc proc) :destroy-tree)
  proc)

(defn alive?
  "Is the process still running?"
  [proc]
  ((:proc proc) :alive?))

(defn pb
  "A process builder: the parsed arguments, started by `start` or
  `pipeline`."
  [& args]
  (let [{:keys [cmd opts prev]} (parse-args args)]
    (->ProcessBuilder cmd (normalize-opts opts) prev)))

(defn start
  "Starts a process builder."
  [builder]
  (process* {:cmd (:pb builder) :opts (:opts builder) :prev (:prev builder)}))

(defn pipeline
  "With one process: the processes of its pipeline (made with `->`), in
  order. With process builders: starts them, each reading the previous
  one's output, and returns the processes."
  ([proc]
   (if-let [prev (:prev proc)]
     (conj (pipeline prev) proc)
     [proc]))
  ([builder & builders]
   (reduce (fn [procs b]
             (conj procs (process* {:cmd (:pb b) :opts (:opts b) :prev (peek procs)})))
           []
           (cons builder builders))))

(defmacro $
  "`process` with the command written as symbols/values; `~x` inserts a
  value; a leading map is the options."
  [& args]
  (let [quoted (map (fn [a]
                      (if (and (seq? a) (= 'clojure.core/unquote (first a)))
                        (second a)
                        (if (map? a) a (list 'quote a))))
                    args)]
    `(process ~@quoted)))

(defn exec
  "Not supported by cljw (replaces the process image in GraalVM images)."
  [& _]
  (throw (UnsupportedOperationException. "babashka.process/exec is not supported by cljw")))
