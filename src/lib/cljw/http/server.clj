(ns cljw.http.server
  "An HTTP/1.1 server for Ring handlers, with http-kit's API (run-server,
  server-port, server-status, server-stop!): org.httpkit.server is this
  namespace under http-kit's name. The server itself is Rust (std::net):
  a thread per connection, handlers on a pool of `:thread` workers.

  Differences from http-kit: `:ip` defaults to \"127.0.0.1\" (http-kit's
  is \"0.0.0.0\"). Async channels and WebSockets are http-kit's (see
  org.httpkit.server: as-channel, with-channel, send!, close). Extra
  options: `:max-header` (bytes of a request head, 431 past it), `:read-timeout` (ms a connection may stay
  silent mid-request (408) or idle between requests; 0 for none),
  `:max-connections`.

  As on the JVM, a running server keeps the program from exiting at the
  end of its script until it is stopped (or System/exit is called).")

(defn run-server
  "Starts a server for the Ring `handler`. Options: `:ip` (\"127.0.0.1\"),
  `:port` (8090; 0 picks a free one), `:thread` (4 handler threads),
  `:max-body` (bytes, 8 MiB; 413 past it), `:max-line` (8192; 414 past
  it), `:max-header`, `:read-timeout`, `:max-connections`,
  `:server-header` (\"cljw\"), `:legacy-return-value?` (true).

  Returns a fn that stops the server, `(stop)` or `(stop :timeout ms)`
  (requests in flight get `ms`, default 100, to finish), with the port as
  its :local-port metadata; with `:legacy-return-value? false`, the server
  itself for server-port, server-status and server-stop!."
  ([handler] (run-server handler nil))
  ([handler opts]
   (let [server (start handler (or opts {}))]
     (if (false? (:legacy-return-value? opts))
       server
       (with-meta
         (fn stop-server [& {:keys [timeout] :or {timeout 100}}]
           (server :stop timeout)
           nil)
         {:local-port (server :port)
          :server server})))))

(defn- server-of [s]
  (or (:server (meta s)) s))

(defn server-port
  "The port the server listens on."
  [server]
  ((server-of server) :port))

(defn server-status
  "The server's status: :running, :stopping or :stopped."
  [server]
  ((server-of server) :status))

(defn server-stop!
  "Stops the server: no new connections; requests in flight get
  `:timeout` ms (default 100) to finish. Returns a promise delivered when
  it has stopped, or nil if it was stopped already."
  ([server] (server-stop! server nil))
  ([server {:keys [timeout] :or {timeout 100}}]
   (let [s (server-of server)]
     (when-not (= :stopped (s :status))
       (let [p (promise)]
         (when (s :stop timeout)
           (deliver p true))
         p)))))
