;; cljw's riddley.compiler: the locals registry that riddley.walk (and
;; through it specter's path macros) keeps while it walks code.
;;
;; The library's version reaches into the JVM compiler: it proxies
;; Compiler$ObjMethod, binds Compiler/CLEAR_SITES and Compiler/METHOD, and
;; builds Compiler$LocalBinding objects with riddley.Util (a Java class in
;; its jar). cljw has no JVM compiler objects; what those serve is the map
;; in Compiler/LOCAL_ENV, which cljw does model: the analyzer binds it to
;; `&env` while a macro runs, and `macroexpand-1` passes its value on as
;; `&env`. So this namespace keeps the library's public names and uses
;; LOCAL_ENV the same way, and a registered local maps to nil, as the
;; locals of cljw's own `&env` do (the JVM maps them to LocalBinding
;; objects, or to ::analyze-failure when the init form does not analyze).
;; docs/decisions.md "riddley".
(ns riddley.compiler
  (:import [clojure.lang Var Compiler]))

(defn tag-of
  "Returns a symbol representing the tagged class of the symbol, or `nil` if none exists."
  [x]
  (when-let [tag (-> x meta :tag)]
    (let [sym (symbol
               (if (instance? Class tag)
                 (.getName ^Class tag)
                 (name tag)))]
      (when-not (= 'java.lang.Object sym)
        sym))))

(defn locals
  "Returns the local binding map, equivalent to the value of `&env`."
  []
  (when (.isBound Compiler/LOCAL_ENV)
    @Compiler/LOCAL_ENV))

(defmacro with-base-env [& body]
  `(binding [*warn-on-reflection* false]
     (with-bindings (if (locals)
                      {}
                      {Compiler/LOCAL_ENV {}})
       ~@body)))

(defmacro with-lexical-scoping
  "Defines a lexical scope where new locals may be registered."
  [& body]
  `(with-bindings {Compiler/LOCAL_ENV (locals)}
     ~@body))

(defmacro with-stub-vars
  "The library binds the JVM compiler's method state here; cljw has none
  to bind."
  [& body]
  `(do ~@body))

(defn- register [sym]
  ;; Re-associate so that the symbol's metadata (a type hint) is the one
  ;; kept, as the library does.
  (.set ^Var Compiler/LOCAL_ENV
        (-> (locals) (dissoc sym) (assoc sym nil))))

(defn register-local
  "Registers a locally bound variable `v`, which is being set to form `x`."
  [v x]
  (register v))

(defn register-arg
  "Registers a function argument `x`."
  [x]
  (register x))
