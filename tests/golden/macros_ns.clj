;; ns: switching, requires with aliases, docstring metadata
(ns my.app.core
  "An app namespace."
  (:require [clojure.string :as str]
            [clojure.set :refer [union]]))
(prn (str/upper-case "hi"))
(prn (union #{1} #{2}))
(prn (ns-name *ns*))
(prn (:doc (meta *ns*)))
(defn local-fn [] ::kw)
(prn (local-fn))
(ns other.place)
(prn (ns-name *ns*))
(prn (my.app.core/local-fn))
(ns my.app.core)
(prn (local-fn))
(ns with.exclude (:refer-clojure :exclude [map]))
(defn map [] :my-map)
(prn (map))
(prn (clojure.core/map inc [1 2]))
