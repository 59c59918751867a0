;; The server tests/http.rs talks to over raw sockets: prints "port N",
;; serves until a line arrives on stdin, then stops (requests in flight
;; get 2 s) and prints "stopped".
(require '[org.httpkit.server :as hk]
         '[clojure.java.io :as io])

(def tmp (io/file (System/getProperty "java.io.tmpdir")
                 (str "cljw-http-server-" (System/nanoTime) ".txt")))
(spit tmp "file body")

(defn handler [req]
  (case (:uri req)
    "/hello" {:status 200 :headers {"Content-Type" "text/plain"} :body "hello"}
    "/echo" {:status 201
             :headers {"X-Method" (name (:request-method req))
                       "X-Query" (str (:query-string req))
                       "X-Length" (str (:content-length req))}
             :body (if-let [b (:body req)] (slurp b) "<none>")}
    "/req" {:body (pr-str (-> (into (sorted-map)
                                    (select-keys req [:uri :query-string :request-method :scheme
                                                      :protocol :server-name :remote-addr
                                                      :headers]))
                              (update :headers #(into (sorted-map) %))))}
    "/stream" {:body (io/input-stream (.getBytes "streamed body" "UTF-8"))}
    "/seq" {:body (map str (range 5))}
    "/bytes" {:body (.getBytes "some bytes" "UTF-8")}
    "/file" {:body tmp}
    "/multi" {:headers {"Set-Cookie" ["a=1" "b=2"]} :body "multi"}
    "/slow" (do (Thread/sleep 500) {:body "slow done"})
    "/throw" (throw (ex-info "boom" {}))
    "/nil" nil
    {:status 404 :body "not found"}))

(def stop (hk/run-server handler {:port 0 :max-body 1024 :max-header 2048
                                  :read-timeout 1500 :thread 4}))
(println "port" (:local-port (meta stop)))
(flush)
(read-line)
(stop :timeout 2000)
(io/delete-file tmp true)
(println "stopped")
