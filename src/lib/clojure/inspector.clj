(ns ^{:doc "Graphical object inspector for Clojure data structures."
      :author "cljw"}
  clojure.inspector)

;; The JVM's inspector is a Swing UI; cljw has no GUI toolkit, so the
;; namespace loads (code that requires it keeps working) and each inspector
;; throws, naming what is missing.

(defn- no-swing [f]
  (throw (UnsupportedOperationException.
          (str "cljw does not support clojure.inspector/" f " (it needs Swing)"))))

(defn inspect
  "creates a graphical (Swing) inspector on the supplied object"
  {:added "1.0"}
  [x]
  (no-swing "inspect"))

(defn inspect-tree
  "creates a graphical (Swing) inspector on the supplied hierarchical data"
  {:added "1.0"}
  [data]
  (no-swing "inspect-tree"))

(defn inspect-table
  "creates a graphical (Swing) inspector on the supplied regular
  data, which must be a sequential data structure of data structures
  of equal length"
  {:added "1.0"}
  [data]
  (no-swing "inspect-table"))
