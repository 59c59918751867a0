;; babashka.http-client against org.httpkit.server / cljw.http.server in
;; one process, on 127.0.0.1 only. Expected values follow the libraries'
;; documented behaviour (neither runs on the JVM here); run by
;; tests/http.rs, which requires "0 failures, 0 errors".
(ns client-test
  (:require [babashka.http-client :as http]
            [cljw.http.server :as server]
            [clojure.java.io :as io]
            [clojure.string :as str]
            [clojure.test :refer [deftest is testing run-tests]]
            [org.httpkit.client :as hkc]
            [org.httpkit.server :as hk]
            [cljw.http :as cljw-http]
            [cljw.json :as json]))

(defn handler [req]
  (case (:uri req)
    "/echo" {:status 200
             :headers {"Content-Type" "text/plain; charset=utf-8"
                       "X-Method" (name (:request-method req))}
             :body (pr-str {:method (:request-method req)
                            :query (:query-string req)
                            :ctype (get-in req [:headers "content-type"])
                            :auth (get-in req [:headers "authorization"])
                            :custom (get-in req [:headers "x-custom"])
                            :body (some-> (:body req) slurp)})}
    "/headers" {:body (pr-str (:headers req))}
    "/status" {:status (Long/parseLong (:query-string req)) :body "status"}
    "/slow" (do (Thread/sleep 1500) {:body "late"})
    "/multi" {:headers {"Set-Cookie" ["a=1" "b=2"]} :body ""}
    "/redirect" {:status 302 :headers {"Location" "/echo"} :body ""}
    "/bytes" {:body (byte-array (map byte [0 1 2 -1]))}
    {:status 404 :body "not found"}))

(def stop (hk/run-server handler {:port 0}))
(def base (str "http://127.0.0.1:" (:local-port (meta stop))))

(defn echo [resp] (read-string (:body resp)))
(def echo-headers echo)

(deftest get-and-response-shape
  (let [resp (http/get (str base "/echo"))]
    (is (= 200 (:status resp)))
    (is (= :http1.1 (:version resp)))
    (is (= "get" (get-in resp [:headers "x-method"])))
    (is (= "text/plain; charset=utf-8" (get-in resp [:headers "content-type"])))
    (is (= (str base "/echo") (:uri resp)))
    (is (= :get (:method (echo resp))))
    (is (nil? (:query (echo resp))))))

(deftest methods
  (doseq [[f m] [[http/post :post] [http/put :put] [http/delete :delete]
                 [http/patch :patch]]]
    (is (= m (:method (echo (f (str base "/echo"))))))
    (is (= m (:method (echo (http/request {:uri (str base "/echo") :method m}))))))
  (let [resp (http/head (str base "/echo"))]
    (is (= 200 (:status resp)))
    (is (= "" (:body resp)))))

(deftest query-and-form-params
  (is (= "a=1&b=x+y&c=1&c=2&d=%26%3D"
         (:query (echo (http/get (str base "/echo")
                                 {:query-params {:a 1 "b" "x y" :c [1 2] :d "&="}})))))
  (is (= "q=1&a=2" (:query (echo (http/get (str base "/echo?q=1")
                                           {:query-params {:a 2}})))))
  (let [e (echo (http/post (str base "/echo") {:form-params {:name "J Doe" :n 3}}))]
    (is (= "name=J+Doe&n=3" (:body e)))
    (is (= "application/x-www-form-urlencoded" (:ctype e)))))

(deftest request-bodies
  (is (= "text" (:body (echo (http/post (str base "/echo") {:body "text"})))))
  (is (= "héllo" (:body (echo (http/post (str base "/echo") {:body (.getBytes "héllo" "UTF-8")})))))
  (is (= "from a stream"
         (:body (echo (http/post (str base "/echo")
                                 {:body (io/input-stream (.getBytes "from a stream" "UTF-8"))})))))
  (let [f (io/file (System/getProperty "java.io.tmpdir")
                 (str "cljw-http-client-" (System/nanoTime) ".txt"))]
    (spit f "from a file")
    (is (= "from a file" (:body (echo (http/put (str base "/echo") {:body f})))))
    (.delete f)))

(deftest headers-and-auth
  (let [e (echo (http/get (str base "/echo")
                          {:headers {:x-custom "kw" "Content-Type" "text/x"}
                           :basic-auth ["user" "pass"]}))]
    (is (= "kw" (:custom e)))
    (is (= "text/x" (:ctype e)))
    (is (= "Basic dXNlcjpwYXNz" (:auth e))))
  (is (= "Bearer tok" (:auth (echo (http/get (str base "/echo") {:oauth-token "tok"})))))
  (testing "a caller's header replaces the default of the same name"
    (is (= "text/x, */*" (get-in (echo-headers (http/get (str base "/headers")
                                                         {:headers {"Accept" "text/x, */*"}}))
                                 ["accept"]))))
  (is (= ["a=1" "b=2"] (get-in (http/get (str base "/multi")) [:headers "set-cookie"]))))

(deftest as-options
  (is (= [0 1 2 -1] (vec (:body (http/get (str base "/bytes") {:as :bytes})))))
  (let [body (:body (http/get (str base "/echo") {:as :stream}))]
    (is (instance? java.io.InputStream body))
    (is (str/includes? (slurp body) ":method :get"))))

(deftest uri-map
  (let [port (:local-port (meta stop))]
    (is (= "x=1" (:query (echo (http/get {:scheme "http" :host "127.0.0.1" :port port
                                          :path "/echo" :query "x=1"})))))))

(deftest throw-on-exceptional-status
  (let [e (try (http/get (str base "/status?404")) nil
               (catch clojure.lang.ExceptionInfo e e))]
    (is (= "Exceptional status code: 404" (ex-message e)))
    (is (= 404 (:status (ex-data e))))
    (is (= "status" (:body (ex-data e)))))
  (is (= 500 (:status (http/get (str base "/status?500") {:throw false}))))
  (doseq [s [200 201 204 304]]
    (is (= s (:status (http/get (str base "/status?" s)))))))

(deftest redirects
  (is (= :get (:method (echo (http/get (str base "/redirect"))))))
  (is (= 302 (:status (http/get (str base "/redirect")
                                {:client (http/client {:follow-redirects :never})})))))

(deftest timeouts-and-errors
  (let [e (try (http/get (str base "/slow") {:timeout 200}) nil
               (catch Exception e e))]
    (is (= "java.net.http.HttpTimeoutException" (.getName (class e)))))
  (let [s (server/run-server handler {:port 0 :legacy-return-value? false})
        port (server/server-port s)]
    @(server/server-stop! s)
    (let [e (try (http/get (str "http://127.0.0.1:" port "/echo")) nil
                 (catch Exception e e))]
      (is (= "java.net.ConnectException" (.getName (class e)))))))

(deftest client-fn
  (is (= {:status 299 :uri "x"}
         (http/get "x" {:client (fn [req] {:status 299 :uri (:uri req)})}))))

(deftest server-api
  (let [s (hk/run-server (fn [_] {:body "new api"}) {:port 0 :legacy-return-value? false})]
    (is (= :running (hk/server-status s)))
    (is (pos? (hk/server-port s)))
    (is (= "new api" (:body (http/get (str "http://127.0.0.1:" (hk/server-port s))))))
    (is (true? @(hk/server-stop! s {:timeout 50})))
    (is (= :stopped (hk/server-status s)))
    (is (nil? (hk/server-stop! s))))
  (let [stop2 (server/run-server (fn [req] {:body (str (:server-port req))}) {:port 0})
        port (:local-port (meta stop2))]
    (is (= (str port) (:body (http/get (str "http://127.0.0.1:" port)))))
    (is (nil? (stop2 :timeout 50)))))

(deftest concurrent-requests
  (let [results (doall (for [i (range 16)]
                         (future (:query (echo (http/get (str base "/echo?i=" i)))))))]
    (is (= (map #(str "i=" %) (range 16)) (map deref results)))))

(deftest httpkit-client
  (let [p (hkc/get (str base "/echo") {:query-params {:a 1}})
        resp @p]
    (is (= 200 (:status resp)))
    (is (= "get" (get-in resp [:headers :x-method])))
    (is (= "a=1" (:query (echo resp))))
    (is (= {:method :get :url (str base "/echo") :query-params {:a 1}} (:opts resp))))
  (is (= "posted" (:body (echo @(hkc/post (str base "/echo") {:body "posted"})))))
  (is (= 404 (:status @(hkc/request {:url (str base "/status?404")}))))
  (is (= [:done 200] @(hkc/get (str base "/echo") {} (fn [r] [:done (:status r)]))))
  (is (= 302 (:status @(hkc/get (str base "/redirect") {:follow-redirects false}))))
  (is (= [0 1 2 -1] (vec (:body @(hkc/get (str base "/bytes") {:as :byte-array})))))
  (let [{:keys [error]} @(hkc/get (str base "/slow") {:timeout 200})]
    (is (= "java.net.http.HttpTimeoutException" (.getName (class error))))))

;; cljw.http is the server and the client under one name.
(deftest cljw-http-names
  (let [stop2 (cljw-http/run-server
               (fn [req] {:status 201
                          :headers {"Content-Type" "application/json"}
                          :body (json/encode {:uri (:uri req)
                                              :body (some-> (:body req) slurp)})})
               {:port 0})
        url (str "http://127.0.0.1:" (:local-port (meta stop2)) "/x")]
    (try
      (let [resp (cljw-http/post url {:body "hi"})]
        (is (= 201 (:status resp)))
        (is (= {:uri "/x" :body "hi"} (json/decode (:body resp)))))
      (is (= 201 (:status (cljw-http/get url))))
      (is (= 201 (:status (cljw-http/request {:method :put :uri url}))))
      (finally (stop2)))))

(let [{:keys [fail error]} (run-tests)]
  (stop)
  (shutdown-agents)
  (System/exit (if (zero? (+ fail error)) 0 1)))
