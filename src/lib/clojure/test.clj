(ns ^{:doc "A unit testing framework."
       :author "cljw"}
  clojure.test
  (:require [clojure.template :as temp]
            [clojure.stacktrace :as stack]
            [clojure.string :as str]))

;; The JVM's clojure.test finds the file and line of a failure on the
;; stack. cljw has no JVM frames: `is` and `deftest` record the position of
;; their own form in *report-position*, which do-report adds to :fail and :error
;; reports.

(def ^:dynamic ^{:added "1.1"} *load-tests*
  "True by default.  If set to false, no test functions will
  be created by deftest, set-test, or with-test."
  true)

(def ^:dynamic ^{:added "1.1"} *stack-trace-depth*
  "The maximum depth of stack traces to print when an Exception
  is thrown during a test.  Defaults to nil, which means print the
  complete stack trace."
  nil)

(def ^:dynamic *report-counters* nil)

(def ^:dynamic *initial-report-counters*
  {:test 0, :pass 0, :fail 0, :error 0})

(def ^:dynamic *testing-vars* (list))

(def ^:dynamic *testing-contexts* (list))

(def ^:dynamic *test-out* *out*)

;; cljw: {:file :line} of the innermost `is` or `deftest` being run (no
;; docstring: clojure.test's public documented vars are the JVM's).
(def ^:dynamic *report-position* nil)

(defmacro ^{:added "1.1"} with-test-out
  "Runs body with *out* bound to the value of *test-out*."
  [& body]
  `(binding [*out* *test-out*]
     ~@body))

(defn- source-file
  "The file name a failure reports for code read from *file*."
  []
  (let [f (str *file*)]
    (if (= f "NO_SOURCE_PATH")
      "NO_SOURCE_FILE"
      (last (str/split f #"/")))))

(defn- position-of
  "{:file :line} of a macro call form, for *report-position*: a form built
  by another macro has no :line, and then the JVM's stack names the line of
  the innermost enclosing form read from source (Compiler/LINE)."
  [form]
  {:file (source-file)
   :line (or (:line (meta form))
             (let [l @clojure.lang.Compiler/LINE]
               (when (pos? l) l)))})

;;; UTILITIES FOR REPORTING FUNCTIONS

(defn ^{:added "1.1"} file-position
  "Returns a vector [filename line-number] for the nth call up the
  stack. Deprecated in 1.2: cljw has no stack to inspect and returns the
  position of the innermost `is` or `deftest`."
  {:deprecated "1.2"}
  [n]
  [(:file *report-position*) (:line *report-position*)])

(defn ^{:added "1.1"} testing-vars-str
  "Returns a string representation of the current test.  Renders names
  in *testing-vars* as a list, then the source file and line of
  current assertion."
  [m]
  (let [{:keys [file line]} m]
    (str
     (reverse (map #(:name (meta %)) *testing-vars*))
     " (" file ":" line ")")))

(defn ^{:added "1.1"} testing-contexts-str
  "Returns a string representation of the current test context. Joins
  strings in *testing-contexts* with spaces."
  []
  (apply str (interpose " " (reverse *testing-contexts*))))

(defn ^{:added "1.1"} inc-report-counter
  "Increments the named counter in *report-counters*, a ref to a map.
  Does nothing if *report-counters* is nil."
  [name]
  (when *report-counters*
    (dosync (commute *report-counters* update-in [name] (fnil inc 0)))))

;;; TEST RESULT REPORTING

(defmulti ^:dynamic ^{:added "1.1"} report
  "Generic reporting function, may be overridden to plug in
  different report formats (e.g., TAP, JUnit).  Assertions such as
  'is' call 'report' to indicate results.  The argument given to
  'report' will be a map with a :type key."
  :type)

(defn ^{:added "1.2"} do-report
  "Add file and line information to a test result and call report.
  If you are writing a custom assert-expr method, call this function
  to pass test results to report."
  [m]
  (report
   (case (:type m)
     (:fail :error) (merge *report-position* m)
     m)))

(defmethod report :default [m]
  (with-test-out (prn m)))

(defmethod report :pass [m]
  (with-test-out (inc-report-counter :pass)))

(defmethod report :fail [m]
  (with-test-out
    (inc-report-counter :fail)
    (println "\nFAIL in" (testing-vars-str m))
    (when (seq *testing-contexts*) (println (testing-contexts-str)))
    (when-let [message (:message m)] (println message))
    (println "expected:" (pr-str (:expected m)))
    (println "  actual:" (pr-str (:actual m)))))

(defmethod report :error [m]
  (with-test-out
    (inc-report-counter :error)
    (println "\nERROR in" (testing-vars-str m))
    (when (seq *testing-contexts*) (println (testing-contexts-str)))
    (when-let [message (:message m)] (println message))
    (println "expected:" (pr-str (:expected m)))
    (print "  actual: ")
    (let [actual (:actual m)]
      (if (instance? Throwable actual)
        (stack/print-cause-trace actual *stack-trace-depth*)
        (prn actual)))))

(defmethod report :summary [m]
  (with-test-out
    (println "\nRan" (:test m) "tests containing"
             (+ (:pass m) (:fail m) (:error m)) "assertions.")
    (println (:fail m) "failures," (:error m) "errors.")))

(defmethod report :begin-test-ns [m]
  (with-test-out
    (println "\nTesting" (ns-name (:ns m)))))

;; Ignore these message types:
(defmethod report :end-test-ns [m])
(defmethod report :begin-test-var [m])
(defmethod report :end-test-var [m])

;;; UTILITIES FOR ASSERTIONS

(defn ^{:added "1.1"} get-possibly-unbound-var
  "Like var-get but returns nil if the var is unbound."
  [v]
  (try (var-get v)
       (catch IllegalStateException e
         nil)))

(defn ^{:added "1.1"} function?
  "Returns true if argument is a function or a symbol that resolves to
  a function (not a macro)."
  [x]
  (if (symbol? x)
    (when-let [v (resolve x)]
      (when-let [value (get-possibly-unbound-var v)]
        (and (fn? value)
             (not (:macro (meta v))))))
    (fn? x)))

(defn ^{:added "1.1"} assert-predicate
  "Returns generic assertion code for any functional predicate.  The
  'expected' argument to 'report' will contains the original form, the
  'actual' argument will contain the form with all its sub-forms
  evaluated.  If the predicate returns false, the 'actual' form will
  be wrapped in (not...)."
  [msg form]
  (let [args (rest form)
        pred (first form)]
    `(let [values# (list ~@args)
           result# (apply ~pred values#)]
       (if result#
         (do-report {:type :pass, :message ~msg,
                     :expected '~form, :actual (cons ~pred values#)})
         (do-report {:type :fail, :message ~msg,
                     :expected '~form, :actual (list '~'not (cons '~pred values#))}))
       result#)))

(defn ^{:added "1.1"} assert-any
  "Returns generic assertion code for any test, including macros, Java
  method calls, or isolated symbols."
  [msg form]
  `(let [value# ~form]
     (if value#
       (do-report {:type :pass, :message ~msg,
                   :expected '~form, :actual value#})
       (do-report {:type :fail, :message ~msg,
                   :expected '~form, :actual value#}))
     value#))

;;; ASSERTION METHODS

(defmulti assert-expr
  (fn [msg form]
    (cond
      (nil? form) :always-fail
      (seq? form) (first form)
      :else :default)))

(defmethod assert-expr :always-fail [msg form]
  `(do-report {:type :fail, :message ~msg}))

(defmethod assert-expr :default [msg form]
  (if (and (sequential? form) (function? (first form)))
    (assert-predicate msg form)
    (assert-any msg form)))

(defmethod assert-expr 'instance? [msg form]
  `(let [klass# ~(nth form 1)
         object# ~(nth form 2)]
     (let [result# (instance? klass# object#)]
       (if result#
         (do-report {:type :pass, :message ~msg,
                     :expected '~form, :actual (class object#)})
         (do-report {:type :fail, :message ~msg,
                     :expected '~form, :actual (class object#)}))
       result#)))

(defmethod assert-expr 'thrown? [msg form]
  (let [klass (second form)
        body (nthnext form 2)]
    `(try ~@body
          (do-report {:type :fail, :message ~msg,
                      :expected '~form, :actual nil})
          (catch ~klass e#
            (do-report {:type :pass, :message ~msg,
                        :expected '~form, :actual e#})
            e#))))

(defmethod assert-expr 'thrown-with-msg? [msg form]
  (let [klass (nth form 1)
        re (nth form 2)
        body (nthnext form 3)]
    `(try ~@body
          (do-report {:type :fail, :message ~msg, :expected '~form, :actual nil})
          (catch ~klass e#
            (let [m# (.getMessage e#)]
              (if (re-find ~re m#)
                (do-report {:type :pass, :message ~msg,
                            :expected '~form, :actual e#})
                (do-report {:type :fail, :message ~msg,
                            :expected '~form, :actual e#})))
            e#))))

(defmacro ^{:added "1.1"} try-expr
  "Used by the 'is' macro to catch unexpected exceptions.
  You don't call this."
  [msg form]
  `(try ~(assert-expr msg form)
        (catch Throwable t#
          (do-report {:type :error, :message ~msg,
                      :expected '~form, :actual t#}))))

;;; ASSERTION MACROS

(defn- is-expansion
  "The code of (is form msg) written as `whole`: the assertion, run with
  the position of `whole` when it has one."
  [whole form msg]
  (let [pos (position-of whole)]
    (if (:line pos)
      `(binding [*report-position* ~pos] (try-expr ~msg ~form))
      `(try-expr ~msg ~form))))

(defmacro ^{:added "1.1"} is
  "Generic assertion macro.  'form' is any predicate test.
  'msg' is an optional message to attach to the assertion.

  Example: (is (= 4 (+ 2 2)) \"Two plus two should be 4\")

  Special forms:

  (is (thrown? c body)) checks that an instance of c is thrown from
  body, fails if not; then returns the thing thrown.

  (is (thrown-with-msg? c re body)) checks that an instance of c is
  thrown AND that the message on the exception matches (with
  re-find) the regular expression re."
  ([form] (is-expansion &form form nil))
  ([form msg] (is-expansion &form form msg)))

(defmacro ^{:added "1.1"} are
  "Checks multiple assertions with a template expression.
  See clojure.template/do-template for an explanation of
  templates.

  Example: (are [x y] (= x y)
                2 (+ 1 1)
                4 (* 2 2))
  Expands to:
           (do (is (= 2 (+ 1 1)))
               (is (= 4 (* 2 2))))

  Note: This breaks some reporting features, such as line numbers."
  [argv expr & args]
  (if (or
       ;; (are [] true) is meaningless but ok
       (and (empty? argv) (empty? args))
       ;; Catch wrong number of args
       (and (pos? (count argv))
            (pos? (count args))
            (zero? (mod (count args) (count argv)))))
    ;; Each `is` carries the position of the `are` form, which is where
    ;; the JVM reports its failures.
    `(do ~@(map (fn [values]
                  (with-meta (list `is (temp/apply-template argv expr values))
                    (meta &form)))
                (partition (count argv) args)))
    (throw (IllegalArgumentException. "The number of args doesn't match are's argv."))))

(defmacro ^{:added "1.1"} testing
  "Adds a new string to the list of testing contexts.  May be nested,
  but must occur inside a test function (deftest)."
  [string & body]
  `(binding [*testing-contexts* (conj *testing-contexts* ~string)]
     ~@body))

;;; DEFINING TESTS

(defmacro ^{:added "1.1"} with-test
  "Takes any definition form (that returns a Var) as the first argument.
  Remaining body goes in the :test metadata function for that Var.

  When *load-tests* is false, only evaluates the definition, ignoring
  the tests."
  [definition & body]
  (if *load-tests*
    `(doto ~definition (alter-meta! assoc :test (fn [] ~@body)))
    definition))

(defmacro ^{:added "1.1"} deftest
  "Defines a test function with no arguments.  Test functions may call
  other tests, so tests may be composed.  If you compose tests, you
  should also define a function named test-ns-hook; run-tests will
  call test-ns-hook instead of testing all vars.

  Note: Actually, the test body goes in the :test metadata on the var,
  and the real function (the value of the var) calls test-var on
  itself.

  When *load-tests* is false, deftest is ignored."
  [name & body]
  (when *load-tests*
    (let [pos (position-of &form)]
      `(def ~(vary-meta name assoc :test `(fn [] (binding [*report-position* ~pos] ~@body)))
         (fn [] (test-var (var ~name)))))))

(defmacro ^{:added "1.1"} deftest-
  "Like deftest but creates a private var."
  [name & body]
  (when *load-tests*
    (let [pos (position-of &form)]
      `(def ~(vary-meta name assoc :test `(fn [] (binding [*report-position* ~pos] ~@body)) :private true)
         (fn [] (test-var (var ~name)))))))

(defmacro ^{:added "1.1"} set-test
  "Experimental.
  Sets :test metadata of the named var to a fn with the given body.
  The var must already exist.  Does not modify the value of the var.

  When *load-tests* is false, set-test is ignored."
  [name & body]
  (when *load-tests*
    `(alter-meta! (var ~name) assoc :test (fn [] ~@body))))

;;; DEFINING FIXTURES

(defn- add-ns-meta
  "Adds elements in coll to the current namespace metadata as the
  value of key."
  [key coll]
  (alter-meta! *ns* assoc key coll))

(defmulti ^{:added "1.1"} use-fixtures
  "Wrap test runs in a fixture function to perform setup and
  teardown. Using a fixture-type of :each wraps every test
  individually, while :once wraps the whole run in a single function."
  (fn [fixture-type & args] fixture-type))

(defmethod use-fixtures :each [fixture-type & args]
  (add-ns-meta ::each-fixtures args))

(defmethod use-fixtures :once [fixture-type & args]
  (add-ns-meta ::once-fixtures args))

(defn- default-fixture
  "The default, empty, fixture function.  Just calls its argument."
  [f]
  (f))

(defn ^{:added "1.1"} compose-fixtures
  "Composes two fixture functions, creating a new fixture function
  that combines their behavior."
  [f1 f2]
  (fn [g] (f1 (fn [] (f2 g)))))

(defn ^{:added "1.1"} join-fixtures
  "Composes a collection of fixtures, in order.  Always returns a valid
  fixture function, even if the collection is empty."
  [fixtures]
  (reduce compose-fixtures default-fixture fixtures))

;;; RUNNING TESTS: LOW-LEVEL FUNCTIONS

(defn ^{:added "1.1"} test-var
  "If v has a function in its :test metadata, calls that function,
  with *testing-vars* bound to (conj *testing-vars* v)."
  {:dynamic true}
  [v]
  (when-let [t (:test (meta v))]
    (binding [*testing-vars* (conj *testing-vars* v)]
      (do-report {:type :begin-test-var, :var v})
      (inc-report-counter :test)
      (try (t)
           (catch Throwable e
             ;; Reported at the deftest (the JVM names the throwing frame).
             (binding [*report-position* (let [{:keys [file line]} (meta v)]
                                           {:file (last (str/split (str file) #"/"))
                                            :line line})]
               (do-report {:type :error, :message "Uncaught exception, not in assertion."
                           :expected nil, :actual e}))))
      (do-report {:type :end-test-var, :var v}))))

(defn ^{:added "1.6"} test-vars
  "Groups vars by their namespace and runs test-var on them with
  appropriate fixtures applied."
  [vars]
  (doseq [[ns vars] (group-by (comp :ns meta) vars)]
    (let [once-fixture-fn (join-fixtures (::once-fixtures (meta ns)))
          each-fixture-fn (join-fixtures (::each-fixtures (meta ns)))]
      (once-fixture-fn
       (fn []
         (doseq [v vars]
           (when (:test (meta v))
             (each-fixture-fn (fn [] (test-var v))))))))))

(defn ^{:added "1.1"} test-all-vars
  "Calls test-vars on every var interned in the namespace, with fixtures."
  [ns]
  (test-vars (vals (ns-interns ns))))

(defn ^{:added "1.1"} test-ns
  "If the namespace defines a function named test-ns-hook, calls that.
  Otherwise, calls test-all-vars on the namespace.  'ns' is a
  namespace object or a symbol.

  Internally binds *report-counters* to a ref initialized to
  *initial-report-counters*.  Returns the final, dereferenced state of
  *report-counters*."
  [ns]
  (binding [*report-counters* (ref *initial-report-counters*)]
    (let [ns-obj (the-ns ns)]
      (do-report {:type :begin-test-ns, :ns ns-obj})
      ;; If the namespace has a test-ns-hook function, call that:
      (if-let [v (find-var (symbol (str (ns-name ns-obj)) "test-ns-hook"))]
        ((var-get v))
        ;; Otherwise, just test every var in the namespace.
        (test-all-vars ns-obj))
      (do-report {:type :end-test-ns, :ns ns-obj}))
    @*report-counters*))

;;; RUNNING TESTS: HIGH-LEVEL FUNCTIONS

(defn ^{:added "1.1"} run-tests
  "Runs all tests in the given namespaces; prints results.
  Defaults to current namespace if none given.  Returns a map
  summarizing test results."
  ([] (run-tests *ns*))
  ([& namespaces]
   (let [summary (assoc (apply merge-with + (map test-ns namespaces))
                        :type :summary)]
     (do-report summary)
     summary)))

(defn ^{:added "1.1"} run-all-tests
  "Runs all tests in all namespaces; prints results.
  Optional argument is a regular expression; only namespaces with
  names matching the regular expression (with re-matches) will be
  tested."
  ([] (apply run-tests (all-ns)))
  ([re] (apply run-tests (filter #(re-matches re (name (ns-name %))) (all-ns)))))

(defn ^{:added "1.1"} successful?
  "Returns true if the given test summary indicates all tests
  were successful, false otherwise."
  [summary]
  (and (zero? (:fail summary 0))
       (zero? (:error summary 0))))

(defn ^{:added "1.11"} run-test-var
  "Runs the tests for a single Var, with fixtures executed around the test,
  and summary output after."
  [v]
  (binding [*report-counters* (ref *initial-report-counters*)]
    (let [ns-obj (-> v meta :ns)
          summary (do
                    (do-report {:type :begin-test-ns
                                :ns ns-obj})
                    (test-vars [v])
                    (do-report {:type :end-test-ns
                                :ns ns-obj})
                    (assoc @*report-counters* :type :summary))]
      (do-report summary)
      summary)))

(defmacro ^{:added "1.11"} run-test
  "Runs a single test.

  Because the intent is to run a single test, there is no check for the
  namespace test-ns-hook."
  [test-symbol]
  (let [test-var (resolve test-symbol)]
    (cond
      (nil? test-var)
      (binding [*out* *err*]
        (println "Unable to resolve" test-symbol "to a test function."))

      (not (-> test-var meta :test))
      (binding [*out* *err*]
        (println test-symbol "is not a test."))

      :else
      `(run-test-var ~test-var))))
