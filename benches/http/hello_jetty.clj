;; The same handler on JVM Ring + Jetty 9 (Debian's
;; libring-jetty-adapter-clojure; http-kit is not packaged), for
;; scripts/bench-http.sh: 127.0.0.1, a free port (printed), until killed.
(require '[ring.adapter.jetty :as jetty])

(defn handler [_]
  {:status 200 :headers {"Content-Type" "text/plain"} :body "hello world"})

(def server (jetty/run-jetty handler {:host "127.0.0.1" :port 0 :join? false}))
(println "port" (-> server .getConnectors first .getLocalPort))
(flush)
@(promise)
