(ns babashka.cli
  "babashka.cli for cljw: command-line parsing with the API of
  github.com/babashka/cli (parse-opts, parse-args, parse-cmds, coerce,
  auto-coerce, parse-keyword, dispatch, format-opts), written for cljw
  from that library's documentation and sources' described behaviour.

  Supported: `--k v`, `--k=v`, `-k v`, `:k v`, implicit true (`--verbose`),
  `--no-k` for false, `-abc` for three flags, `--` ending options,
  collections (`:coerce {:paths []}` collects `--paths a b`), `:alias`,
  `:coerce`, `:spec` (coerce/alias/default/require/validate/desc),
  `:exec-args`, `:args->opts`, `:require`, `:restrict`, `:validate`,
  `:error-fn`, and `dispatch` over a table of `:cmds`.
  Not supported: `:collect`, `:repeated-opts`, `:no-keyword-opts`, nested
  dispatch trees' per-level options."
  (:require [clojure.edn :as edn]
            [clojure.string :as str]))

(defn parse-keyword
  "Keyword from `s`, ignoring a leading `:`."
  [s]
  (keyword (if (str/starts-with? s ":") (subs s 1) s)))

(defn- parse-number [s]
  (let [v (edn/read-string s)]
    (if (number? v) v (throw (ex-info (str "Unexpected format: " s) {:s s})))))

(defn auto-coerce
  "Coerces a string: \"true\"/\"false\" to booleans, \"nil\" to nil, a
  leading digit (after an optional -) to a number, `:name` to a keyword;
  anything else (or a failed parse) stays as it is."
  [s]
  (if-not (string? s)
    s
    (try
      (let [c0 (first s)
            digit (if (= \- c0) (second s) c0)]
        (cond (#{"true" "false"} s) (= "true" s)
              (= "nil" s) nil
              (and digit (Character/isDigit (char digit))) (parse-number s)
              (and (= \: c0) (re-matches #":[a-zA-Z][a-zA-Z0-9_/\.-]*" s)) (parse-keyword s)
              :else s))
      (catch Exception _ s))))

(defn- coerce-fn [f]
  (case f
    (:boolean :bool) #(Boolean/parseBoolean %)
    (:int :long) #(Long/parseLong %)
    :double #(Double/parseDouble %)
    :number parse-number
    :symbol symbol
    :keyword parse-keyword
    :string identity
    :edn edn/read-string
    :auto auto-coerce
    f))

(defn coerce
  "Coerces string `s` with `f` (a type keyword or a fn); non-strings are
  returned as they are. Throws ex-info on failure."
  [s f]
  (if-not (string? s)
    s
    (let [res (try ((coerce-fn f) s)
                   (catch Exception e
                     (throw (ex-info (str "Coerce failure: cannot transform input " (pr-str s)
                                          (if (keyword? f) " to " " with ")
                                          (if (keyword? f) (name f) f))
                                     {:input s :coerce-fn f} e))))]
      (if (nil? res)
        (throw (ex-info (str "Coerce failure: cannot transform input " (pr-str s)
                             (if (keyword? f) " to " " with ") (if (keyword? f) (name f) f))
                        {:input s :coerce-fn f}))
        res))))

(defn parse-cmds
  "Splits `args` into leading sub-commands (not starting with - or :) and
  the rest: {:cmds :args}."
  ([args] (parse-cmds args nil))
  ([args _opts]
   (let [[cmds rest-args] (split-with #(not (or (str/starts-with? % "-") (str/starts-with? % ":"))) args)]
     {:cmds (vec cmds) :args (vec rest-args)})))

(defn spec->opts
  "The parse options a spec stands for."
  ([spec] (spec->opts spec nil))
  ([spec {:keys [exec-args]}]
   (reduce (fn [acc [k {:keys [coerce alias default require validate]}]]
             (cond-> acc
               coerce (assoc-in [:coerce k] coerce)
               alias (assoc-in [:alias alias] k)
               require (update :require (fnil conj #{}) k)
               validate (assoc-in [:validate k] validate)
               (some? default) (assoc-in [:exec-args k] (get exec-args k default))))
           {}
           spec)))

(defn- resolve-opts [opts]
  (if-let [spec (:spec opts)]
    (merge-with (fn [a b] (if (map? a) (merge b a) (or a b))) opts (spec->opts spec opts))
    opts))

(defn- option-arg?
  "Is `s` an option name? The first option fixes the style: after a
  `-`/`--` option `:x` is a value, after a `:k` option `-x` is."
  [s known mode]
  (and (string? s)
       (or (and (not= :keywords mode)
                (str/starts-with? s "-") (> (count s) 1)
                (or (not (Character/isDigit (char (nth s 1))))
                    (contains? known (keyword (subs s 1)))))
           (and (not= :hyphens mode)
                (str/starts-with? s ":") (> (count s) 1)))))

(defn- coll-coerce? [coerce k] (coll? (get coerce k)))

(defn- add-value [acc k v coerce]
  (if (coll-coerce? coerce k)
    (update acc k (fnil conj (empty (get coerce k))) v)
    (assoc acc k v)))

(defn- raw-parse
  "Parses args into raw string values; returns [opts rest-args]."
  [args opts]
  (let [coerce (:coerce opts)
        aliases (or (:alias opts) (:aliases opts))
        known (set (concat (keys coerce) (vals aliases) (keys (:spec opts))))]
    (loop [acc {}, args (seq args), mode nil]
      (if-not args
        [acc nil]
        (let [a (first args)]
          (cond
            (= "--" a) [acc (vec (next args))]
            (option-arg? a known mode)
            (let [mode (or mode (if (str/starts-with? a ":") :keywords :hyphens))
                  long? (str/starts-with? a "--")
                  body (cond long? (subs a 2)
                             :else (subs a 1))
                  [kname inline] (if long? (str/split body #"=" 2) [body nil])
                  raw-k (keyword kname)
                  k (if long? raw-k (get aliases raw-k raw-k))
                  composite? (and (not long?) (str/starts-with? a "-") (not (contains? aliases raw-k))
                                  (not (contains? known raw-k)) (> (count kname) 1))]
              (cond
                inline (recur (add-value acc k inline coerce) (next args) mode)
                composite? (recur (reduce #(assoc %1 (keyword (str %2)) true) acc kname) (next args) mode)
                :else
                (let [negative? (and (not (contains? known k)) (str/starts-with? (name k) "no-"))
                      values (take-while #(not (option-arg? % known mode)) (next args))
                      bool? (#{:boolean :bool} (get coerce k))]
                  (cond
                    negative? (recur (assoc acc (keyword (subs (name k) 3)) false) (next args) mode)
                    (or (empty? values) (and bool? (not (#{"true" "false"} (first values)))))
                    (recur (add-value acc k true coerce) (next args) mode)
                    (coll-coerce? coerce k)
                    (recur (reduce #(add-value %1 k %2 coerce) acc values)
                           (seq (drop (count values) (next args))) mode)
                    :else (recur (assoc acc k (first values)) (nnext args) mode)))))
            :else [acc (vec args)]))))))

(defn- error-fn [opts]
  (let [f (or (:error-fn opts) (fn [{:keys [msg] :as data}] (throw (ex-info msg data))))]
    (fn [data] (f (merge {:spec (:spec opts) :type :org.babashka/cli} data)))))

(defn- coerce-all [m opts]
  (let [err (error-fn opts)
        coerce-map (:coerce opts)]
    (reduce-kv
     (fn [acc k v]
       (let [f (get coerce-map k :auto)
             f1 (if (coll? f) (or (first f) :auto) f)
             c (fn [x] (if (and (true? x) (not= :auto f1)) x (coerce x f1)))]
         (try
           (assoc acc k (cond (and (coll? f) (coll? v)) (into (empty f) (map c) v)
                              (coll? f) (conj (empty f) (c v))
                              :else (c v)))
           (catch clojure.lang.ExceptionInfo e
             (err {:cause :coerce :msg (ex-message e) :option k :value v :opts acc})
             acc))))
     {} m)))

(defn- validate [m opts]
  (let [err (error-fn opts)
        known (set (concat (keys (:spec opts)) (vals (or (:alias opts) (:aliases opts))) (keys (:coerce opts))))
        restrict (let [r (or (:restrict opts) (:closed opts))] (if (true? r) known (some-> r set)))]
    (when restrict
      (doseq [k (keys m)]
        (when-not (contains? restrict k)
          (err {:cause :restrict :msg (str "Unknown option: " k) :restrict restrict :option k :opts m}))))
    (doseq [k (:require opts)]
      (when-not (contains? m k)
        (err {:cause :require :msg (str "Required option: " k) :require (:require opts) :option k :opts m})))
    (doseq [[k vf] (:validate opts)]
      (let [pred (if (map? vf) (:pred vf) vf)]
        (when-let [[_ v] (find m k)]
          (when-not (pred v)
            (err {:cause :validate
                  :msg ((or (:ex-msg vf) (fn [{:keys [option value]}] (str "Invalid value for option " option ": " value)))
                        {:option k :value v})
                  :option k :value v :opts m})))))
    m))

(defn parse-opts
  "Parses command-line `args` into a map of options; leftover arguments
  are in the metadata under :org.babashka/cli {:args ...}."
  ([args] (parse-opts args {}))
  ([args opts]
   (let [opts (resolve-opts opts)
         {:keys [cmds args]} (parse-cmds args)
         a->o (:args->opts opts)
         [cmds opt-pairs] (if a->o
                            (let [n (min (count cmds) (count a->o))]
                              [(drop n cmds) (map vector a->o (take n cmds))])
                            [cmds nil])
         [raw rest-args] (raw-parse args opts)
         raw (reduce (fn [acc [k v]] (add-value acc k v (:coerce opts))) raw opt-pairs)
         parsed (merge (:exec-args opts) (coerce-all raw opts))
         leftover (vec (concat cmds rest-args))]
     (validate (cond-> parsed
                 (seq leftover) (vary-meta assoc :org.babashka/cli {:args leftover}))
               opts))))

(defn parse-args
  "Like `parse-opts`, returning {:args leftover :opts options}."
  ([args] (parse-args args {}))
  ([args opts]
   (let [o (parse-opts args opts)]
     (assoc (:org.babashka/cli (meta o)) :opts (with-meta o nil)))))

(defn dispatch
  "Calls the :fn of the `table` entry whose :cmds is the longest prefix of
  `args`, with {:opts :args :dispatch :cmds} (options parsed with the
  entry's and `opts`' parse options)."
  ([table args] (dispatch table args {}))
  ([table args opts]
   (let [cmds (:cmds (parse-cmds args))
         prefix? (fn [entry] (= (:cmds entry) (take (count (:cmds entry)) cmds)))
         entry (last (sort-by (comp count :cmds) (filter prefix? table)))]
     (if-not entry
       ((error-fn opts) {:cause :no-match :msg (str "No matching command: " (first args))
                         :wrong-input (first args) :all-commands (keep (comp first :cmds) table)})
       (let [n (count (:cmds entry))
             {:keys [args opts]} (parse-args (drop n args) (merge opts (dissoc entry :cmds :fn)))]
         ((:fn entry) {:opts opts :args args :cmds cmds :dispatch (:cmds entry)}))))))

(defn format-opts
  "A help table for a spec: one line per option with its alias, default
  and :desc."
  [{:keys [spec order indent] :or {indent 2}}]
  (let [entries (if (map? spec) (map (fn [k] [k (get spec k)]) (or order (keys spec))) spec)
        cols (set (mapcat (comp keys second) entries))
        rows (for [[k {:keys [alias default default-desc ref desc]}] entries]
               (keep identity
                     [(when (:alias cols) (if alias (str "-" (name alias) ",") ""))
                      (str "--" (subs (str k) 1))
                      (when (:ref cols) (or ref ""))
                      (when (or (:default-desc cols) (:default cols)) (str (or default-desc (some-> default str) "")))
                      (when (:desc cols) (or desc ""))]))
        widths (reduce (fn [w row] (map max w (concat (map count row) (repeat 0)))) (repeat 0) rows)]
    (str/join "\n" (for [row rows]
                     (str/trimr (str (apply str (repeat indent " "))
                                     (str/join " " (map (fn [w c] (str c (apply str (repeat (- w (count c)) " ")))) widths row))))))))
