;; An unknown class or static member is a compile-time error where the JVM
;; compiler resolves it: inside a fn body too, before the fn ever runs.
;; Qualified names fail with ClassNotFoundException naming the class.
(import '(clojure.lang Compiler$CompilerException))
(defn no-path [s] (clojure.string/replace s #"\(/[^:]*:" "(FILE:"))
(defn show [form]
  (try (eval form) (prn :compiled)
       (catch Compiler$CompilerException e
         (prn (:clojure.error/phase (ex-data e))
              (class (.getCause e)) (.getMessage (.getCause e))))))
(show '(fn [] (Foo/bar)))
(show '(fn [] (Foo/bar 1 2)))
(show '(fn [] Foo/bar))
(show '(fn [] (new Nope)))
(show '(fn [] (Nope. 1)))
(show '(fn [] (try 1 (catch Nope e 2))))
(show '(fn [] (my.company.Nope/x)))
(show '(fn [] my.company.Nope/X))
(show '(fn [] my.company.Nope))
(show '(fn [] (my.company.Nope.)))
(show '(fn [] (new my.company.Nope)))
(show '(fn [] (. my.company.Nope foo)))
(show '(fn [] (try 1 (catch my.company.Nope e 2))))
(show '(fn [] (no.such.ns/f 1)))
(show '(fn [] (String/valueOf 1)))
(show '(fn [] Long/MAX_VALUE))
(show '(fn [] (. Math PI)))
(show '(fn [] (Math/PI)))
;; An instance method is looked up on the value at run time.
(show '(fn [] (.foo "x")))
(prn (try (.foo "x") (catch IllegalArgumentException e (.getMessage e))))
(prn (try (eval '(new Nope)) (catch Exception e (.getMessage (.getCause e)))))
;; A class defined later in the same file is found when the form is compiled.
(deftype Later [a])
(prn (.-a (Later. 1)) (.-a (new Later 2)))
(defrecord Rec [a])
(prn (Rec/create {:a 1}) (map->Rec {:a 2}) (->Rec 3))
