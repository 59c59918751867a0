;; The :default method, a custom :default dispatch value, and default
;; values being ordinary dispatch values too.
(defn err [f] (try (f) (catch Throwable e [(.getName (class e)) (.getMessage e)])))

(defmulti greet :lang)
(defmethod greet :en [_] "hello")
(defmethod greet :default [m] (str "?? " (:lang m)))
(prn (greet {:lang :en}) (greet {:lang :fr}) (greet {}))
(prn (greet {:lang :default}))
(prn (fn? (get-method greet :whatever)))
(remove-method greet :default)
(prn (err #(greet {:lang :fr})))

(defmulti custom identity :default ::none)
(defmethod custom ::none [x] [:none x])
(defmethod custom :default [x] [:kw-default x])
(prn (custom 1) (custom :default) (custom ::none))

(defmulti nil-default identity :default nil)
(defmethod nil-default nil [x] [:nil-method x])
(defmethod nil-default 1 [x] :one)
(prn (nil-default 1) (nil-default 2) (nil-default nil))

;; the default method also serves when the hierarchy has no match
(derive ::cat ::animal)
(defmulti speak identity)
(defmethod speak ::animal [_] "...")
(defmethod speak :default [x] (str "unknown " x))
(prn (speak ::cat) (speak ::dog) (speak ::animal))

;; methods added after a call (the cache is reset)
(defmulti late identity)
(defmethod late :default [_] :default)
(prn (late :a))
(defmethod late :a [_] :a)
(prn (late :a))
(remove-method late :a)
(prn (late :a))
