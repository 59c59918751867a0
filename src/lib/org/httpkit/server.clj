(ns org.httpkit.server
  "http-kit's server API on cljw's server (see cljw.http.server for the
  options and the differences), with its async channels: WebSockets and
  streamed / long-polled HTTP responses (as-channel, with-channel, send!,
  close, on-receive, on-close, on-ping, open?, websocket?)."
  (:require [cljw.http.server :as server]))

(def ^{:arglists '([handler] [handler opts])} run-server server/run-server)
(def ^{:arglists '([server])} server-port server/server-port)
(def ^{:arglists '([server])} server-status server/server-status)
(def ^{:arglists '([server] [server opts])} server-stop! server/server-stop!)

(defn send!
  "Sends data to the channel: for a WebSocket a text (String) or binary
  (byte[], InputStream) message, or the :body of a map; for HTTP the
  first send is the response (a Ring map or a body), later ones are
  chunks. close-after-send? defaults to true for HTTP and false for a
  WebSocket. False when the channel is closed."
  ([ch data] (server/channel-send! ch data))
  ([ch data close-after-send?] (server/channel-send! ch data (boolean close-after-send?))))

(defn close
  "Closes the channel (a close frame, or the last chunk); false when it
  was closed already."
  [ch]
  (server/channel-close! ch))

(defn open? "Whether the channel is open." [ch] (server/channel-open? ch))
(defn websocket? "Whether the channel is a WebSocket." [ch] (server/channel-websocket? ch))

(defn on-receive
  "Sets the fn called with each message (String or byte[]) of a WebSocket."
  [ch callback]
  (server/channel-on! ch :receive callback))

(defn on-ping
  "Sets the fn called with the payload (byte[]) of each ping (the pong is
  sent by the server)."
  [ch callback]
  (server/channel-on! ch :ping callback))

(defn on-close
  "Sets the fn called once with the close status: :server-close,
  :client-close, :normal, :going-away, :protocol-error, :unsupported or
  :unknown."
  [ch callback]
  (server/channel-on! ch :close callback))

(defn as-channel
  "Returns {:body ch} for the request's channel, with the handlers of
  opts: :on-open (fn [ch]), :on-receive (fn [ch message]), :on-ping
  (fn [ch data]), :on-pong (fn [ch data]), :on-close (fn [ch status]),
  :init (fn [ch]) run at once. A WebSocket request gets its handshake when
  the handler returns; :on-open runs after it."
  [ring-req {:keys [on-receive on-ping on-pong on-close on-open init]}]
  (let [ch (:async-channel ring-req)]
    (when-not ch
      (throw (IllegalArgumentException.
              "as-channel: the request has no :async-channel (not a request of org.httpkit.server)")))
    (when init (init ch))
    (when on-close (server/channel-on! ch :close (fn [status] (on-close ch status))))
    (when on-receive (server/channel-on! ch :receive (fn [msg] (on-receive ch msg))))
    (when on-ping (server/channel-on! ch :ping (fn [data] (on-ping ch data))))
    (when on-pong (server/channel-on! ch :pong (fn [data] (on-pong ch data))))
    (when on-open (server/channel-on! ch :open (fn [] (on-open ch))))
    {:body ch}))

(defmacro with-channel
  "http-kit's older form of as-channel: binds ch-name to the request's
  channel (a WebSocket gets its handshake first), runs body and returns
  {:body ch-name}."
  [ring-req ch-name & body]
  `(let [req# ~ring-req
         ~ch-name (:async-channel req#)]
     (when (:websocket? req#)
       (server/channel-handshake! ~ch-name))
     ~@body
     {:body ~ch-name}))
