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
    ;; A WebSocket echo: replies "echo: MSG" to text, the reversed bytes to
    ;; binary; "close" makes the server close; "events" lists what it saw.
    "/ws" (let [seen (atom [])]
            (hk/as-channel req
                           {:on-open (fn [ch] (swap! seen conj :open)
                                       (hk/send! ch (str "open " (hk/websocket? ch))))
                            :on-ping (fn [ch data] (swap! seen conj [:ping (String. data "UTF-8")]))
                            :on-receive (fn [ch msg]
                                          (cond
                                            (= msg "close") (hk/close ch)
                                            (= msg "events") (hk/send! ch (pr-str @seen))
                                            (string? msg) (hk/send! ch (str "echo: " msg))
                                            :else (hk/send! ch (byte-array (reverse (seq msg))))))
                            :on-close (fn [ch status] (swap! seen conj status))}))
    ;; with-channel, http-kit's older form, sending from the handler.
    "/ws-old" (hk/with-channel req ch
                (hk/on-receive ch (fn [msg] (hk/send! ch (.toUpperCase ^String msg))))
                (hk/send! ch "hi"))
    ;; HTTP streaming: three chunks from another thread, then the last.
    "/async" (hk/as-channel req
                            {:on-open (fn [ch]
                                        (future
                                          (hk/send! ch {:status 202 :headers {"X-A" "1"} :body "one,"} false)
                                          (hk/send! ch "two," false)
                                          (hk/send! ch "three" true)))})
    ;; Long polling: one whole response later.
    "/poll" (hk/as-channel req
                           {:on-open (fn [ch] (future (Thread/sleep 100)
                                                      (hk/send! ch {:status 200 :body "polled"})))})
    {:status 404 :body "not found"}))

(def stop (hk/run-server handler {:port 0 :max-body 1024 :max-header 2048
                                  :read-timeout 1500 :thread 4}))
(println "port" (:local-port (meta stop)))
(flush)
(read-line)
(stop :timeout 2000)
(io/delete-file tmp true)
(println "stopped")
