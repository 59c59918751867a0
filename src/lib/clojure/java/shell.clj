(ns clojure.java.shell
  "clojure.java.shell for cljw: `sh` over the Rust process primitives in
  cljw.process (shared with babashka.process), with the JVM's options
  :in :in-enc :out-enc :env :dir and *sh-dir* / *sh-env*. Only UTF-8 and
  :bytes are supported as encodings."
  (:require [cljw.process :as native]))

(def ^:dynamic *sh-dir* nil)
(def ^:dynamic *sh-env* nil)

(defmacro ^{:added "1.2"} with-sh-dir
  "Sets the directory for use with sh, see sh for details."
  [dir & forms]
  `(binding [*sh-dir* ~dir]
     ~@forms))

(defmacro ^{:added "1.2"} with-sh-env
  "Sets the environment for use with sh, see sh for details."
  [env & forms]
  `(binding [*sh-env* ~env]
     ~@forms))

(defn- parse-args
  "[command-strings options]: the strings before the first keyword, and
  the options after it over the defaults (the platform encoding, *sh-dir*,
  *sh-env*)."
  [args]
  (let [default-encoding "UTF-8"
        default-opts {:out-enc default-encoding :in-enc default-encoding
                      :dir *sh-dir* :env *sh-env*}
        [cmd opts] (split-with string? args)]
    [cmd (merge default-opts (apply hash-map opts))]))

(defn- as-env-strings
  "A map of names to values as an array of \"NAME=value\" strings; any
  other :env (nil, strings) as it is."
  [arg]
  (if (map? arg)
    (into-array String (map (fn [[k v]] (str (name k) "=" v)) arg))
    arg))

(defn- env-map
  "The :env option as the map of names to values cljw.process takes."
  [env]
  (when (some? env)
    (into {} (map (fn [s] (let [s (str s) i (.indexOf s "=")]
                            (if (neg? i) [s ""] [(subs s 0 i) (subs s (inc i))]))))
          (as-env-strings env))))

(defn ^{:added "1.2"} sh
  "Passes the given strings to a new process and returns {:exit :out :err}
  once it has finished: (sh \"ls\" \"-l\" :dir \"/tmp\"). Options: :in
  (a string, byte array, file or reader fed to the process's stdin),
  :in-enc, :out-enc (:bytes for byte arrays), :env (a map; replaces the
  environment) and :dir; *sh-dir* and *sh-env* give the defaults."
  [& args]
  (let [[cmd opts] (parse-args args)
        mode (if (= :bytes (:out-enc opts)) :bytes :string)
        spawned (native/spawn (vec cmd)
                              {:dir (:dir opts)
                               :env (env-map (:env opts))
                               :in (if (some? (:in opts)) (:in opts) "")
                               :out mode
                               :err mode})
        proc (:proc spawned)
        exit (proc :wait)]
    {:exit exit :out (proc :out-result) :err (proc :err-result)}))
