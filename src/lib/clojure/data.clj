(ns
  ^{:author "cljw"
    :doc "Non-core data functions."}
  clojure.data
  (:require [clojure.set :as set]))

(declare diff)

(defn- atom-diff
  "Internal helper for diff."
  [a b]
  (if (= a b) [nil nil a] [a b nil]))

;; for big things a sparse vector class would be better
(defn- vectorize
  "Convert an associative-by-numeric-index collection into
   an equivalent vector, with nil for any missing keys"
  [m]
  (when (seq m)
    (reduce
     (fn [result [k v]] (assoc result k v))
     (vec (repeat (apply max (keys m)) nil))
     m)))

(defn- diff-associative-key
  "Diff associative things a and b, comparing only the key k."
  [a b k]
  (let [va (get a k)
        vb (get b k)
        [a* b* ab] (diff va vb)
        in-a (contains? a k)
        in-b (contains? b k)
        same (and in-a in-b
                  (or (not (nil? ab))
                      (and (nil? va) (nil? vb))))]
    [(when (and in-a (or (not (nil? a*)) (not same))) {k a*})
     (when (and in-b (or (not (nil? b*)) (not same))) {k b*})
     (when same {k ab})]))

(defn- diff-associative
  "Diff associative things a and b, comparing only keys in ks."
  ([a b]
   (diff-associative a b (set/union (keys a) (keys b))))
  ([a b ks]
   (reduce
    (fn [diff1 diff2]
      (doall (map merge diff1 diff2)))
    [nil nil nil]
    (map
     (partial diff-associative-key a b)
     ks))))

(defn- diff-sequential
  [a b]
  (vec (map vectorize (diff-associative
                       (if (vector? a) a (vec a))
                       (if (vector? b) b (vec b))
                       (range (max (count a) (count b)))))))

(defn- diff-set
  [a b]
  [(not-empty (set/difference a b))
   (not-empty (set/difference b a))
   (not-empty (set/intersection a b))])

(defn- java-array? [x]
  (and (some? x) (.startsWith (.getName (class x)) "[")))

(defn- equality-partition
  "Implementation detail. Subject to change."
  [x]
  ;; The JVM's EqualityPartition protocol is extended to java.util.Set,
  ;; java.util.Map and java.util.List (so a HashSet is a :set, an
  ;; ArrayList :sequential, a PersistentQueue an :atom), arrays and nil.
  (cond
    (nil? x) :atom
    (instance? java.util.Set x) :set
    (instance? java.util.Map x) :map
    (or (instance? java.util.List x) (java-array? x)) :sequential
    :else :atom))

(defn- diff-similar
  "Implementation detail. Subject to change."
  [a b]
  (case (equality-partition a)
    :atom (atom-diff a b)
    :set (diff-set (set a) (set b))
    :sequential (diff-sequential a b)
    :map (diff-associative a b)))

(defn ^{:added "1.3"} diff
  "Recursively compares a and b, returning a tuple of
  [things-only-in-a things-only-in-b things-in-both].
  Comparison rules:

  * For equal a and b, return [nil nil a].
  * Maps are subdiffed where keys match and values differ.
  * Sets are never subdiffed.
  * All sequential things are treated as associative collections
    by their indexes, with results returned as vectors.
  * Everything else (including strings!) is treated as
    an atom and compared for equality."
  [a b]
  (if (= a b)
    [nil nil a]
    (if (= (equality-partition a) (equality-partition b))
      (diff-similar a b)
      (atom-diff a b))))
