;; recorded-from: spec
;; babashka.cli: no JVM jar of it here, so cli.out was written from
;; babashka/cli's documented behaviour (README, docstrings): auto-coercion
;; of numbers/booleans/keywords, implicit true, --no-x, -abc, collections
;; via :coerce {:k []}, :alias, :spec defaults, :args->opts, leftover
;; arguments under :args, errors as ex-info with :type :org.babashka/cli,
;; dispatch on the longest :cmds prefix, format-opts's padded table.
(require '[babashka.cli :as cli])
(prn (cli/parse-opts ["--port" "1339"]))
(prn (cli/parse-opts ["--port" "1339"] {:coerce {:port :long}}))
(prn (cli/parse-opts ["-p" "1339"] {:alias {:p :port} :coerce {:port :long}}))
(prn (cli/parse-opts ["--paths" "src" "--paths" "test"] {:coerce {:paths []}}))
(prn (cli/parse-opts ["--paths" "src" "test"] {:coerce {:paths []}}))
(prn (cli/parse-opts ["--verbose"]))
(prn (cli/parse-opts ["--no-colors"]))
(prn (cli/parse-opts ["-abc"]))
(prn (cli/parse-opts ["--foo=bar" "--n" "1.5" "--kw" ":a"]))
(prn (cli/parse-opts [":foo" "bar" ":n" "-3"]))
(prn (cli/parse-args ["--foo=bar" ":baz" "1"]))
(prn (cli/parse-opts ["--flag" "--x" "2"] {:coerce {:flag :boolean}}))
(prn (cli/parse-opts ["-v" "-v" "-v"] {:alias {:v :verbose} :coerce {:verbose []}}))
(prn (cli/parse-args ["foo" "--bar" "1" "x"]))
(prn (cli/parse-args ["--bar" "1" "--" "--x" "y"]))
(prn (cli/parse-opts ["src"] {:args->opts [:dir]}))
(prn (cli/parse-opts [] {:exec-args {:port 80}}))
(prn (cli/parse-opts ["--port" "1"] {:spec {:port {:coerce :long :default 80 :alias :p}}}))
(prn (try (cli/parse-opts [] {:require [:port]}) (catch Exception e (ex-message e))))
(prn (try (cli/parse-opts ["--x" "1"] {:restrict [:port]}) (catch Exception e (ex-message e))))
(prn (try (cli/parse-opts ["--port" "x"] {:coerce {:port :long}}) (catch Exception e (ex-message e))))
(prn (cli/auto-coerce "-12") (cli/auto-coerce "true") (cli/auto-coerce ":x") (cli/auto-coerce "abc"))
(cli/dispatch [{:cmds ["copy"] :fn (fn [m] (prn :copy m))}
               {:cmds ["delete"] :fn (fn [m] (prn :delete m)) :args->opts [:file]}
               {:cmds [] :fn (fn [m] (prn :help m))}]
              ["delete" "x.txt" "--force"])
(println (cli/format-opts {:spec {:port {:alias :p :desc "Port" :default 80} :host {:desc "Host"}}}))
(prn (try (cli/dispatch [{:cmds ["a"] :fn identity}] ["b"]) (catch Exception e [(:cause (ex-data e)) (:type (ex-data e))])))
