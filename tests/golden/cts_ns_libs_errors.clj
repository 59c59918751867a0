;; load-libs' option checks (CompilerException at the top-level form, an
;; Exception cause) and Namespace.referenceClass for type-defining macros.
(defn show [f]
  (prn (try (f) :no-throw
            (catch Exception e
              ;; the message names the absolute path of this file
              [(class e) (if (instance? clojure.lang.Compiler$CompilerException e)
                            (re-find #"^Syntax error compiling at \(" (.getMessage e))
                            (.getMessage e))
               (some-> e .getCause class) (some-> e .getCause .getMessage)
               (:clojure.error/phase (ex-data e)) (:clojure.error/line (ex-data e))]))))
(doseq [f [#(require :foo) #(require) #(use) #(use :foo :bar)
           #(require 'clojure.set :reload :bogus) #(require :reload)
           #(require 'clojure.set :reload)]]
  (show f))
(show #(eval '(deftype String [])))
(show #(eval '(definterface Integer)))
(show #(eval '(defrecord Long [])))
(show #(eval '(definterface Runnable)))
(import 'java.util.UUID)
(show #(eval '(defrecord UUID [])))
(defrecord Ok [a])
(defrecord Ok [a b])
(prn (->Ok 1 2) (keys (Ok. 1 2)))
(definterface Iface)
(definterface Iface)
(prn Iface)
(ns exporter)
(defrecord ReimportMe [a])
(ns importer)
(import exporter.ReimportMe)
(prn (ReimportMe. 1))
(ns other)
(clojure.core/defrecord ReimportMe [a])
(ns importer)
(clojure.core/prn (try (import other.ReimportMe) (catch IllegalStateException e (.getMessage e))))
