;; cljw's riddley.walk: macroexpansion and a code walker that know which
;; sub-forms are expressions and which symbols are locals.
;;
;; Bundled because of cljw's special-form shapes, with the library's public
;; names and behaviour: `case` expands to cljw's own
;; `(case* g default [[tests...] ...] [thens...])` (docs/decisions.md
;; "Macro expansions keep the JVM's shape"), which the library's walker
;; would take apart as the JVM's `(case* g shift mask default map ...)`.
;; Locals are registered through riddley.compiler (cljw's, over
;; Compiler/LOCAL_ENV). Core fns carry the JVM's `:inline` metadata
;; (builtins/core_inline.rs), so `macroexpand` inlines them as the JVM's
;; does: `(+ a b)` becomes `(. clojure.lang.Numbers (add a b))`.
(ns riddley.walk
  (:refer-clojure :exclude [macroexpand])
  (:require [riddley.compiler :as cmp]))

(defn- inline-fn
  "The :inline fn of the fn `x'` calls, when it applies to this arity."
  [x']
  (when (and (seq? x')
             (symbol? (first x'))
             (not (-> x' meta ::transformed)))
    (let [m (some-> (first x') resolve meta)
          arities (:inline-arities m)]
      (when (or (not arities) (arities (count (rest x'))))
        (:inline m)))))

(defn macroexpand
  "Expands both macros and inline functions. Optionally takes a `special-form?` predicate which
   identifies first elements of expressions that shouldn't be macroexpanded, and honors local
   bindings."
  ([x]
   (macroexpand x nil))
  ([x special-form?]
   (cmp/with-base-env
     (if-not (seq? x)
       x
       (let [head (first x)]
         (if (or (and special-form? (special-form? head))
                 (contains? (cmp/locals) head))
           ;; looks like a macro call, but a local or a special form shadows it
           x
           (let [x' (macroexpand-1 x)]
             (if-not (identical? x x')
               (macroexpand x' special-form? )
               (if-let [f (inline-fn x')]
                 (let [x'' (with-meta (apply f (rest x')) (meta x'))]
                   ;; a static call looks like what was just expanded: mark
                   ;; its last part so it is not expanded again
                   (macroexpand
                    (if (= '. (first x''))
                      (let [lst (last x'')]
                        (with-meta
                          (concat (butlast x'')
                                  [(if (instance? clojure.lang.IObj lst)
                                     (vary-meta lst assoc ::transformed true)
                                     lst)])
                          (meta x'')))
                      x'')
                    special-form?))
                 x')))))))))

;;;

(def ^:private special-forms
  (into #{} (keys (. clojure.lang.Compiler specials))))

(defn- special-meta [[op & body]]
  (list* (vary-meta op assoc ::special true) body))

(defn- do-handler [f [_ & body]]
  (list* 'do (doall (map f body))))

(defn- fn-handler [f x]
  (let [prelude (take-while (complement sequential?) x)
        remainder (drop (count prelude) x)
        remainder (if (vector? (first remainder)) (list remainder) remainder)
        method (fn [[params & body]]
                 (cmp/with-lexical-scoping
                   (doseq [p params]
                     (cmp/register-arg p))
                   (doall (list* params (map f body)))))]
    (cmp/with-lexical-scoping
      ;; a named fn is a local in its own body
      (when-let [nm (second prelude)]
        (cmp/register-local nm (list* 'fn* nm (map #(take 1 %) remainder))))
      (concat prelude
              (if (seq? (first remainder))
                (doall (map method remainder))
                [(method remainder)])))))

(defn- def-handler [f [_ n & r]]
  (cmp/with-lexical-scoping
    (cmp/register-local n '())
    (list* 'def (f n) (doall (map f r)))))

(defn- let-bindings [f bindings recursive?]
  (let [pairs (partition-all 2 bindings)]
    (when recursive?
      (doseq [[k _] pairs]
        (cmp/register-local k nil)))
    (vec (mapcat (fn [[k v]]
                   (let [v (f v)]
                     (cmp/register-local k v)
                     [k v]))
                 pairs))))

(defn- let-handler
  ([f x] (let-handler f x nil))
  ([f x recursive?]
   (cmp/with-lexical-scoping
     (doall (list* (first x)
                   (let-bindings f (second x) recursive?)
                   (map f (drop 2 x)))))))

(defn- letfn-handler [f x]
  (let-handler f x true))

(defn- methods-handler [f methods]
  (doall (map (fn [[nm params & body]]
                (cmp/with-lexical-scoping
                  (doseq [p params]
                    (cmp/register-arg p))
                  (list* nm params (doall (map f body)))))
              methods)))

(defn- reify-handler [f [_ classes & methods]]
  (list* 'reify* classes (methods-handler f methods)))

(defn- deftype-handler [f [_ type resolved-type fields _ interfaces & methods]]
  (cmp/with-lexical-scoping
    (doseq [fl fields]
      (cmp/register-arg fl))
    (list* 'deftype* type resolved-type fields :implements interfaces
           (methods-handler f methods))))

(defn- case-handler
  "cljw's `(case* g default [[tests...] ...] [thens...])`: the default and
  the thens are expressions, the tests constants."
  [f [_ ge default tests thens]]
  (list 'case* ge (f default) tests (mapv f thens)))

(defn- catch-handler [f [_ type local & body]]
  (cmp/with-lexical-scoping
    (when local
      (cmp/register-arg (vary-meta local assoc :tag type)))
    (list* 'catch type local (doall (map f body)))))

(defn- try-handler [f [_ & body]]
  (list* 'try (doall (map #(f % :try-clause? true) body))))

(defn- dot-handler [f [_ target member & args]]
  (list* '.
         (f target)
         (if (seq? member)
           (list* (first member) (doall (map f (rest member))))
           (f member))
         (doall (map f args))))

(def ^:private handlers
  {'do do-handler
   'def def-handler
   'fn* fn-handler
   'let* let-handler
   'loop* let-handler
   'letfn* letfn-handler
   'case* case-handler
   'try try-handler
   'catch catch-handler
   'reify* reify-handler
   'deftype* deftype-handler
   '. dot-handler})

(defn walk-exprs
  "A walk function which only traverses valid Clojure expressions.  The `predicate` describes
   whether the sub-form should be transformed.  If it returns true, `handler` is invoked, and
   returns a transformed form.

   Unlike `clojure.walk`, if the handler is called, the rest of the sub-form is not walked.
   The handler function is responsible for recursively calling `walk-exprs` on the form it is
   given.

   Macroexpansion can be halted by defining a set of `special-form?` which will be left alone.
   Including `fn`, `let`, or other binding forms can break local variable analysis, so use
   with caution.

   The :try-clause? option indicates that a `try` clause is being walked. The special forms
   `catch` and `finally` are only special in `try` clauses."
  ([predicate handler x]
   (walk-exprs predicate handler nil x))
  ([predicate handler special-form? x & {:keys [try-clause?]}]
   (cmp/with-base-env
     (let [x (try
               (macroexpand x special-form?)
               (catch ClassNotFoundException _
                 x))
           walk (partial walk-exprs predicate handler special-form?)
           x' (cond
                (and (seq? x) (= 'var (first x)) (predicate x))
                (handler (eval x))

                (and (seq? x) (= 'quote (first x)) (not (predicate x)))
                x

                (predicate x)
                (handler x)

                (seq? x)
                (if (or (and (not try-clause?) (#{'catch 'finally} (first x)))
                        (not (contains? special-forms (first x))))
                  (doall (map walk x))
                  ((get handlers (first x) #(doall (map %1 %2)))
                   walk (special-meta x)))

                (instance? java.util.Map$Entry x)
                (clojure.lang.MapEntry. (walk (key x)) (walk (val x)))

                (or (set? x) (vector? x))
                (into (empty x) (map walk x))

                (instance? clojure.lang.IRecord x)
                x

                (map? x)
                (into (empty x) (map walk x))

                ;; clojure.test keeps a var's test fn in :test metadata
                (and (symbol? x) (-> x meta :test))
                (vary-meta x update-in [:test] walk)

                :else
                x)]
       (if (instance? clojure.lang.IObj x')
         (with-meta x' (merge (meta x) (meta x')))
         x')))))

;;;

(defn macroexpand-all
  "Recursively macroexpands all forms, preserving the &env special variables."
  [x]
  (walk-exprs (constantly false) nil x))

(defn special-form?
  "Given sym, a symbol produced by walk-exprs, returns true if sym is a special form."
  [x]
  (when (symbol? x) (::special (meta x))))
