;; recorded-from: spec
;; babashka.process: no JVM jar of it here, so process.out was written from
;; babashka/process's documented behaviour (README.md, API.md, docstrings):
;; deref adds :exit; :out :string gives a string after deref; sh captures
;; :out/:err as strings without checking; shell and check throw ex-info
;; whose message is the stderr text (or "failed") and whose data is the
;; process with :type :babashka.process/error; -> pipes :out into :in.
(require '[babashka.process :as p :refer [process shell sh check tokenize]]
         '[clojure.string :as str])

(prn (tokenize "ls -la 'with space' \"double quoted\" a\\ b"))
(let [r @(process ["echo" "hello"] {:out :string})]
  (prn (:exit r) (:out r) (:cmd r)))
(prn (:out @(process {:out :string} "echo one two")))
(prn (select-keys (sh "sh -c" "echo out; echo err >&2; exit 2") [:exit :out :err]))
(prn (:out (sh {:in "abc"} "cat")))
(prn (:out (sh {:dir "/tmp"} "pwd")))
(prn (:out (sh {:extra-env {"CLJW_TEST_VAR" "x1"}} "sh -c" "echo $CLJW_TEST_VAR")))
(prn (:out (sh {:env {"ONLY" "y"}} "sh -c" "echo $ONLY-$CLJW_TEST_VAR")))
(prn (slurp (:out (process "echo streamed"))))
(prn (:exit @(process "true")) (:exit @(process "false")))
(prn (:exit (shell {:out :string} "echo shell")) (:out (shell {:out :string} "echo shell")))
(prn (:exit (shell {:continue true :err :string} "sh -c" "exit 4")))
(let [e (try (shell {:err :string} "sh -c" "echo boom >&2; exit 5") (catch Exception e e))]
  (prn (class e) (ex-message e) (:exit (ex-data e)) (:type (ex-data e))))
(let [e (try (check (process "sh -c" "exit 6")) (catch Exception e e))]
  (prn (ex-message e) (:exit (ex-data e))))
(prn (:exit (check (process "true"))))
;; pipes
(prn (-> (process "printf" "b\\na\\nc\\n") (process {:out :string} "sort") deref :out))
(prn (map :cmd (p/pipeline (-> (process "echo x") (process "cat")))))
(prn (:out @(last (p/pipeline (p/pb "printf" "3\\n1\\n2\\n") (p/pb "sort") (p/pb {:out :string} "head -n 1")))))
;; files
(let [f (java.io.File. (str "/tmp/cljw-proc-" (System/nanoTime) ".txt"))]
  @(process {:out f} "echo to file")
  (prn (slurp f))
  @(process {:out :append :out-file f} "echo more")
  (prn (slurp f))
  (prn (:out (sh {:in f} "cat")))
  (.delete f))
;; destroy
(let [proc (process "sleep 10")]
  (prn (p/alive? proc))
  (p/destroy proc)
  (prn (:exit @proc) (p/alive? proc)))
(let [proc (process "sh -c" "sleep 10 & wait")]
  (Thread/sleep 100)
  (p/destroy-tree proc)
  (prn (:exit @proc)))
(prn (try (process "no-such-program-xyz") (catch java.io.IOException e (ex-message e))))
