(ns babashka.fs
  "babashka.fs for cljw: the fns of github.com/babashka/fs, written from
  its API documentation (no JVM jar of it here); most are Rust
  (src/lib/babashka_fs.rs), these are built on them.")

(defn windows? [] false)
(def file-separator "/")
(def path-separator ":")

(defn extension
  "The extension of the file name (nil when none)."
  [path]
  (second (split-ext path)))

(defn strip-ext
  "The path without its extension."
  ([path] (first (split-ext path)))
  ([path opts] (first (split-ext path opts))))

(defn delete-on-exit
  "Not supported by cljw: throws."
  [_]
  (throw (UnsupportedOperationException. "babashka.fs/delete-on-exit is not supported by cljw")))

(deftype FileTime [millis]
  Object
  (toString [_] (str (.toInstant (java.util.Date. millis))))
  (equals [_ o] (and (instance? FileTime o) (= millis (.-millis ^FileTime o))))
  (hashCode [_] (hash millis)))

(defn millis->file-time [millis] (->FileTime (long millis)))
(defn file-time->millis [^FileTime ft] (.-millis ft))

(defn last-modified-time
  "The file's last modification time as a file time."
  ([path] (->FileTime (-last-modified-millis path)))
  ([path _opts] (last-modified-time path)))

(defn set-last-modified-time
  "Sets the file's last modification time (a file time or epoch millis)."
  [path time]
  (-set-last-modified-millis path (if (instance? FileTime time) (.-millis ^FileTime time) (long time))))

(defn modified-since
  "The paths in file-set (a path or seq of paths; directories are walked)
  modified after anchor (a path or set of paths: their newest time)."
  [anchor file-set]
  (let [expand (fn [x] (let [xs (if (or (string? x) (not (seqable? x))) [x] x)]
                         (mapcat (fn [p] (if (directory? p) (glob p "**") [(path p)])) xs)))
        newest (reduce max 0 (map -last-modified-millis (expand anchor)))]
    (vec (filter #(> (-last-modified-millis %) newest) (expand file-set)))))

(defn update-file
  "Replaces the file's text with (apply f text args)."
  [path f & args]
  (let [new-text (apply f (slurp (str path)) args)]
    (spit (str path) new-text)
    new-text))

(defn list-dirs
  "The entries of each dir matching glob."
  [dirs glob]
  (vec (mapcat #(list-dir % glob) dirs)))

(defn unixify [path] (str path))

(defn xdg-config-home
  ([] (path (or (System/getenv "XDG_CONFIG_HOME") (str (home) "/.config"))))
  ([app] (path (xdg-config-home) app)))
(defn xdg-cache-home
  ([] (path (or (System/getenv "XDG_CACHE_HOME") (str (home) "/.cache"))))
  ([app] (path (xdg-cache-home) app)))
(defn xdg-data-home
  ([] (path (or (System/getenv "XDG_DATA_HOME") (str (home) "/.local/share"))))
  ([app] (path (xdg-data-home) app)))
(defn xdg-state-home
  ([] (path (or (System/getenv "XDG_STATE_HOME") (str (home) "/.local/state"))))
  ([app] (path (xdg-state-home) app)))

(defmacro with-temp-dir
  "Binds name to a fresh temporary directory, runs body and deletes the
  directory tree: (with-temp-dir [d {:prefix \"x\"}] ...)."
  [[name opts] & body]
  `(let [~name (create-temp-dir ~opts)]
     (try
       ~@body
       (finally
         (delete-tree ~name)))))
