(require '[clojure.tools.cli :refer [parse-opts]])
(println "loaded")
(def cli-options
  [["-p" "--port PORT" "Port number"
    :default 80
    :parse-fn #(Integer/parseInt %)
    :validate [#(< 0 % 0x10000) "Must be a number between 0 and 65536"]]
   ["-v" nil "Verbosity level" :id :verbosity :default 0 :update-fn inc]
   ["-n" "--name NAME" "Name" :default "anon"]
   [nil "--[no-]color" "Color output" :default true]
   ["-h" "--help"]])
(defn show [args]
  (let [{:keys [options arguments errors summary]} (parse-opts args cli-options)]
    (prn options arguments errors)
    summary))
(show ["-p" "8080" "-vvv" "file.txt"])
(show ["--port" "70000" "--no-color"])
(show ["-x" "--name=bob" "a" "b"])
(println (show []))
(prn (:options (parse-opts ["-p" "1" "--" "-v"] cli-options)))
(prn (:arguments (parse-opts ["a" "-p" "2" "b"] cli-options :in-order true)))
