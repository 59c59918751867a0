;; Macro calls are checked against their :args specs once clojure.spec.alpha
;; is loaded (Compiler.checkSpecs).
(require '[clojure.spec.alpha :as s])
(defmacro my-when [test & body] `(if ~test (do ~@body) nil))
(s/fdef my-when :args (s/cat :test any? :body (s/* any?)))
;; the location's file part differs under wasm: keep line:column
(defn msg [e] (clojure.string/replace (ex-message e) #"\(.*:(\d+:\d+)\)" "(FILE:$1)"))
(defmacro two [a b] [a b])
(s/fdef two :args (s/cat :a int? :b int?))
(prn (two 1 2))
(prn (try (eval '(two 1 :x)) (catch Exception e [(class e) (msg e) (-> e ex-cause ex-message) (-> e ex-cause ex-data ::s/problems)])))
(prn (try (eval '(defn 1 [])) (catch Exception e [(msg e) (-> e ex-cause ex-message)])))
(prn (try (eval '(fn [a 1] a)) (catch Exception e [(msg e) (-> e ex-cause ex-message)])))
(defn ok [{:keys [a b] :or {a 1}} & more] [a b more])
(prn (ok {:b 2} 3))
(let [{:keys [x]} {:x 1} [a & r] [1 2 3]] (prn x a r))
(ns foo.bar (:require [clojure.string :as str]))
(prn (str/upper-case "ok"))
