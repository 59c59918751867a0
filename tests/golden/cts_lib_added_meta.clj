;; Every public, documented var of the bundled clojure.* namespaces carries
;; the :added version the JVM's has; the JVM-only UI namespaces load.
(def nss '[clojure.core clojure.pprint clojure.inspector clojure.set
           clojure.stacktrace clojure.test clojure.walk clojure.xml clojure.zip
           clojure.java.io clojure.java.browse clojure.java.javadoc
           clojure.java.shell clojure.string clojure.data])
(doseq [n nss] (require n))
(prn (->> nss
          (mapcat #(vals (ns-publics %)))
          (filter (comp :doc meta))
          (remove #(re-find #"^->[A-Z]" (name (.sym %))))
          (remove (comp :added meta))))
(prn (map (comp :added meta)
          [#'clojure.set/union #'clojure.walk/keywordize-keys #'clojure.zip/zipper
           #'clojure.test/deftest #'clojure.test/run-test #'clojure.pprint/pprint
           #'clojure.pprint/print-table #'clojure.stacktrace/root-cause
           #'clojure.java.shell/sh #'clojure.data/diff #'clojure.xml/parse
           #'clojure.inspector/inspect #'clojure.java.browse/browse-url
           #'clojure.java.javadoc/javadoc]))
(prn (:arglists (meta #'clojure.java.javadoc/add-remote-javadoc)))
(prn (#'clojure.java.javadoc/javadoc-url "java.util.Map")
     (#'clojure.java.javadoc/javadoc-url "org.apache.commons.io.FileUtils")
     (#'clojure.java.javadoc/javadoc-url "org.foo.Bar"))
(clojure.java.javadoc/add-remote-javadoc "org.foo." "http://example.org/api/")
(prn (#'clojure.java.javadoc/javadoc-url "org.foo.Bar"))
