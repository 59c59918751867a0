;; Compile errors raised by a special form's own parsing name the form;
;; special forms win over locals of the same name; catch takes a Class
;; object or an imported class; CompilerException prints as its message.
(import '(clojure.lang Compiler$CompilerException))
(defn no-path [s] (clojure.string/replace s #"\(/[^:]*:" "(FILE:"))
(defn show [form]
  (try (eval form)
       (catch Compiler$CompilerException e
         (prn (no-path (.getMessage e)) (dissoc (ex-data e) :clojure.error/source)
              (class (.getCause e)) (.getMessage (.getCause e))))))
(show '(if))
(show '(fn [] (recur 1 2)))
(show '(let [a 1] nosuch))
(show '(prn nosuch))
(show '(fn [1] 1))
(show '(fn [a/b] 1))
(show '(def))
(try (eval '(quote 1 2 3))
     (catch Exception e (prn (ex-data (.getCause e)) (no-path (str e)) (= (str e) (.getMessage e)))))
(try (eval '(if))
     (catch Exception e (prn (no-path (str e)) (= (str e) (.getMessage e)))))
(prn (let [if (fn [& _] :local)] (if true 1 2))
     (let [do (fn [& _] :local)] (do 1 2))
     (let [when (fn [& _] :local)] (when true 1 2)))
(defmacro catching [cls & body]
  `(try ~@body (catch ~(eval cls) e# [:caught (.getMessage e#)])))
(prn (catching ArithmeticException (/ 1 0)))
(prn (= 6 (clojure.lang.Compiler/eval '(+ 1 2 3))))
