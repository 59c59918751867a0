;; Driven by tests/nrepl.rs: JVM nREPL's own client (nrepl.core) against a
;; running `cljw nrepl-server` on the port given as the first argument.
;; Prints OK lines; throws (exit 1) on the first failed check.
(require '[nrepl.core :as nrepl])

(defn check [what ok?]
  (when-not ok? (throw (ex-info (str "FAILED: " what) {})))
  (println "OK" what))

(with-open [conn (nrepl/connect :port (Long/parseLong (first *command-line-args*)))]
  (let [client (nrepl/client conn 10000)
        session (nrepl/client-session client)
        msg (fn [m] (doall (nrepl/message session m)))
        d (first (msg {:op "describe"}))]
    (check "describe lists eval" (contains? (:ops d) :eval))
    (check "describe versions" (= "1.11.1" (get-in d [:versions :clojure :version-string])))
    (let [r (msg {:op "eval" :code "(println \"out!\") (+ 1 2) (/ 1 0)"})]
      (check "eval values" (= [nil 3] (nrepl/response-values r)))
      (check "eval out" (= "out!\n" (:out (nrepl/combine-responses r))))
      (check "eval error" (some #(= "class java.lang.ArithmeticException" (:ex %)) r))
      (check "eval done" (contains? (:status (nrepl/combine-responses r)) "done")))
    (let [r (msg {:op "load-file" :file "(ns e2e.core)\n(defn twice [x] (* 2 x))\n(twice 21)\n"
                  :file-path "e2e/core.clj" :file-name "core.clj"})]
      (check "load-file" (= [42] (nrepl/response-values r))))
    (check "after load-file" (= [10] (nrepl/response-values (msg {:op "eval" :code "(e2e.core/twice 5)"}))))
    (let [id (str (java.util.UUID/randomUUID))
          running (future (doall (nrepl/message session {:op "eval" :id id :code "(loop [] (recur))"})))]
      ;; Ask until the eval has started (a loaded machine may be slow).
      (loop [n 0]
        (Thread/sleep 300)
        (let [st (:status (nrepl/combine-responses (msg {:op "interrupt" :interrupt-id id})))]
          (if (and (contains? st "session-idle") (< n 60))
            (recur (inc n))
            (check "interrupt answered" (= #{"done"} st)))))
      (let [r (deref running 10000 ::timeout)]
        (check "interrupted eval ends" (not= r ::timeout))
        (check "status interrupted" (contains? (:status (nrepl/combine-responses r)) "interrupted"))))
    (check "session usable" (= [4] (nrepl/response-values (msg {:op "eval" :code "(+ 2 2)"}))))
    (let [r (first (msg {:op "completions" :prefix "redu"}))]
      (check "completions" (some #(= {:candidate "reduce" :type "function"} (select-keys % [:candidate :type]))
                                 (:completions r))))))
(println "ALL OK")
(shutdown-agents)
