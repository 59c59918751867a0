;; def over a referred clojure.core var replaces it with a warning on *err*;
;; over another namespace's referred var it throws; excluded names are quiet.
(ns cts.redef
  (:refer-clojure :exclude [dec]))

(binding [*err* *out*]
  (eval '(defn abs [x] (if (neg? x) (- x) x)))
  (eval '(def inc 5))
  (eval '(def inc 6))
  (eval '(defn dec [x] (- x 1)))
  (intern *ns* 'max 7)
  (eval '(declare min)))
(prn (abs -3) inc (dec 3) max)

(ns cts.other)
(def shared 1)
(ns cts.user (:require [cts.other :refer [shared]]))
(prn (try (eval '(def shared 2))
          (catch Exception e [(class (.getCause e)) (.getMessage (.getCause e))])))
