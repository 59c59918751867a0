(ns ^{:doc "Start a web browser from Clojure"
      :author "cljw"}
  clojure.java.browse
  (:require [clojure.java.shell :as sh]))

;; The program that opens a url: the JVM looks for xdg-open when the AWT
;; Desktop is unavailable, as it always is here.
(def ^:dynamic *open-url-script* (atom :uninitialized))

(defn- open-url-script []
  (let [s @*open-url-script*]
    (if (= :uninitialized s)
      (reset! *open-url-script*
              (when (= 0 (:exit (sh/sh "sh" "-c" "command -v xdg-open")))
                "xdg-open"))
      s)))

(defn browse-url
  "Open url in a browser"
  {:added "1.2"}
  [url]
  (if-let [script (open-url-script)]
    (do (sh/sh script (str url)) true)
    (throw (UnsupportedOperationException.
            "cljw does not support a Swing browser: no xdg-open to open the url with"))))
