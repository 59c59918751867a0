(ns ^{:doc "Generic tree walker for Clojure data structures."
      :author "cljw"}
  clojure.walk)

(defn ^{:added "1.1"} walk
  "Traverses form, an arbitrary data structure. inner and outer are
  functions. Applies inner to each element of form, building up a
  data structure of the same type, then applies outer to the result."
  [inner outer form]
  (cond
    (list? form) (outer (apply list (map inner form)))
    (map-entry? form) (outer (clojure.lang.MapEntry/create (inner (key form)) (inner (val form))))
    (seq? form) (outer (doall (map inner form)))
    (instance? clojure.lang.IRecord form) (outer (reduce (fn [r x] (conj r (inner x))) form form))
    (coll? form) (outer (into (empty form) (map inner form)))
    :else (outer form)))

(defn ^{:added "1.1"} postwalk
  "Performs a depth-first, post-order traversal of form."
  [f form]
  (walk (partial postwalk f) f form))

(defn ^{:added "1.1"} prewalk
  "Like postwalk, but does pre-order traversal."
  [f form]
  (walk (partial prewalk f) identity (f form)))

(defn ^{:added "1.1"} postwalk-demo
  "Demonstrates the behavior of postwalk by printing each form as it is
  walked. Returns form."
  [form]
  (postwalk (fn [x] (print "Walked: ") (prn x) x) form))

(defn ^{:added "1.1"} prewalk-demo
  "Demonstrates the behavior of prewalk by printing each form as it is
  walked. Returns form."
  [form]
  (prewalk (fn [x] (print "Walked: ") (prn x) x) form))

(defn ^{:added "1.1"} keywordize-keys
  "Recursively transforms all map keys from strings to keywords."
  [m]
  (let [kw (fn [[k v]] (if (string? k) [(keyword k) v] [k v]))]
    (postwalk (fn [x] (if (map? x) (into {} (map kw x)) x)) m)))

(defn ^{:added "1.1"} stringify-keys
  "Recursively transforms all map keys from keywords to strings."
  [m]
  (let [st (fn [[k v]] (if (keyword? k) [(name k) v] [k v]))]
    (postwalk (fn [x] (if (map? x) (into {} (map st x)) x)) m)))

(defn ^{:added "1.1"} prewalk-replace
  "Recursively transforms form by replacing keys in smap with their
  values. Like clojure/replace but works on any data structure. Does
  replacement at the root of the tree first."
  [smap form]
  (prewalk (fn [x] (if (contains? smap x) (smap x) x)) form))

(defn ^{:added "1.1"} postwalk-replace
  "Recursively transforms form by replacing keys in smap with their
  values. Like clojure/replace but works on any data structure. Does
  replacement at the leaves of the tree first."
  [smap form]
  (postwalk (fn [x] (if (contains? smap x) (smap x) x)) form))

(defn ^{:added "1.1"} macroexpand-all
  "Recursively performs all possible macroexpansions in form."
  [form]
  (prewalk (fn [x] (if (seq? x) (macroexpand x) x)) form))
