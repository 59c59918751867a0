(ns ^{:doc "Set operations such as union/intersection."
       :author "cljw"}
  clojure.set)

;; Each operation keeps the JVM's choices that a program can observe: which
;; argument is the accumulator (the larger one for union, the smaller for
;; intersection), so the result's type and metadata match.

(defn- max-first
  "The colls with one of the largest by (k x) moved to the front."
  [k colls]
  (let [big (apply max-key k colls)]
    (cons big (remove #(identical? big %) colls))))

(defn ^{:added "1.0"} union
  "Return a set that is the union of the input sets"
  ([] #{})
  ([s1] s1)
  ([s1 s2]
   (if (< (count s1) (count s2))
     (reduce conj s2 s1)
     (reduce conj s1 s2)))
  ([s1 s2 & sets]
   (let [[acc & more] (max-first count (conj sets s2 s1))]
     (reduce into acc more))))

(defn ^{:added "1.0"} intersection
  "Return a set that is the intersection of the input sets"
  ([s1] s1)
  ([s1 s2]
   (if (< (count s2) (count s1))
     (recur s2 s1)
     (reduce (fn [acc x] (if (contains? s2 x) acc (disj acc x)))
             s1 s1)))
  ([s1 s2 & sets]
   (let [[acc & more] (max-first #(- (count %)) (conj sets s2 s1))]
     (reduce intersection acc more))))

(defn ^{:added "1.0"} difference
  "Return a set that is the first set without elements of the remaining sets"
  ([s1] s1)
  ([s1 s2]
   (if (< (count s1) (count s2))
     (reduce (fn [acc x] (if (contains? s2 x) (disj acc x) acc))
             s1 s1)
     (reduce disj s1 s2)))
  ([s1 s2 & sets]
   (reduce difference s1 (conj sets s2))))

(defn ^{:added "1.0"} select
  "Returns a set of the elements for which pred is true"
  [pred xset]
  (reduce (fn [acc x] (if (pred x) acc (disj acc x)))
          xset xset))

(defn ^{:added "1.0"} project
  "Returns a rel of the elements of xrel with only the keys in ks"
  [xrel ks]
  (with-meta (set (map #(select-keys % ks) xrel)) (meta xrel)))

(defn ^{:added "1.0"} rename-keys
  "Returns the map with the keys in kmap renamed to the vals in kmap"
  [map kmap]
  (reduce (fn [m [old new]]
            (if (contains? map old)
              (assoc m new (get map old))
              m))
          (apply dissoc map (keys kmap))
          kmap))

(defn ^{:added "1.0"} rename
  "Returns a rel of the maps in xrel with the keys in kmap renamed to the vals in kmap"
  [xrel kmap]
  (with-meta (set (map #(rename-keys % kmap) xrel)) (meta xrel)))

(defn ^{:added "1.0"} index
  "Returns a map of the distinct values of ks in the xrel mapped to a
  set of the maps in xrel with the corresponding values of ks."
  [xrel ks]
  (reduce (fn [m x]
            (let [ik (select-keys x ks)]
              (assoc m ik (conj (get m ik #{}) x))))
          {} xrel))

(defn ^{:added "1.0"} map-invert
  "Returns the map with the vals mapped to the keys."
  [m]
  (persistent!
   (reduce-kv (fn [acc k v] (assoc! acc v k)) (transient {}) m)))

(defn ^{:added "1.0"} join
  "When passed 2 rels, returns the rel corresponding to the natural
  join. When passed an additional keymap, joins on the corresponding
  keys."
  ([xrel yrel]
   (if (and (seq xrel) (seq yrel))
     (let [ks (intersection (set (keys (first xrel))) (set (keys (first yrel))))
           [r s] (if (<= (count xrel) (count yrel)) [xrel yrel] [yrel xrel])
           idx (index r ks)]
       (reduce (fn [ret x]
                 (if-let [found (idx (select-keys x ks))]
                   (reduce #(conj %1 (merge %2 x)) ret found)
                   ret))
               #{} s))
     #{}))
  ([xrel yrel km]
   (let [[r s k] (if (<= (count xrel) (count yrel))
                   [xrel yrel (map-invert km)]
                   [yrel xrel km])
         idx (index r (vals k))]
     (reduce (fn [ret x]
               (if-let [found (idx (rename-keys (select-keys x (keys k)) k))]
                 (reduce #(conj %1 (merge %2 x)) ret found)
                 ret))
             #{} s))))

(defn ^{:added "1.2"} subset?
  "Is set1 a subset of set2?"
  [set1 set2]
  (and (<= (count set1) (count set2))
       (every? #(contains? set2 %) set1)))

(defn ^{:added "1.2"} superset?
  "Is set1 a superset of set2?"
  [set1 set2]
  (and (>= (count set1) (count set2))
       (every? #(contains? set1 %) set2)))
