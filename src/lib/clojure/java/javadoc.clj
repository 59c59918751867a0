(ns ^{:doc "A repl helper to quickly open javadocs."
      :author "cljw"}
  clojure.java.javadoc
  (:require [clojure.java.browse :refer [browse-url]]
            [clojure.string :as str]))

(def ^:dynamic *feeling-lucky-url* "http://www.google.com/search?btnI=I%27m%20Feeling%20Lucky&q=allinurl:")
(def ^:dynamic *feeling-lucky* true)
(def ^:dynamic *local-javadocs* (ref (list)))
(def ^:dynamic *core-java-api* "http://docs.oracle.com/javase/8/docs/api/")
(def ^:dynamic *remote-javadocs*
  (ref (into (sorted-map)
             {"com.google.common." "http://google.github.io/guava/releases/23.0/api/docs/"
              "java." *core-java-api*
              "javax." *core-java-api*
              "org.ietf.jgss." *core-java-api*
              "org.omg." *core-java-api*
              "org.w3c.dom." *core-java-api*
              "org.xml.sax." *core-java-api*
              "org.apache.commons.codec." "http://commons.apache.org/proper/commons-codec/apidocs/"
              "org.apache.commons.io." "http://commons.apache.org/proper/commons-io/javadocs/api-release/"
              "org.apache.commons.lang." "http://commons.apache.org/proper/commons-lang/javadocs/api-2.6/"
              "org.apache.commons.lang3." "http://commons.apache.org/proper/commons-lang/javadocs/api-release/"})))

(defn add-local-javadoc
  "Adds to the list of local Javadoc paths."
  {:added "1.2"}
  [path]
  (dosync (commute *local-javadocs* conj path)))

(defn add-remote-javadoc
  "Adds to the list of remote Javadoc URLs.  package-prefix is the
  beginning of the package name that has docs at this URL."
  {:added "1.2"}
  [package-prefix url]
  (dosync (commute *remote-javadocs* assoc package-prefix url)))

(defn- javadoc-url
  "The url of the javadoc of the class named classname: a local file, a
  known remote prefix, or a search."
  [classname]
  (let [file-path (str (str/replace classname "." "/") ".html")]
    (or (some (fn [dir]
                (let [f (java.io.File. (str dir) file-path)]
                  (when (.exists f) (str (.toURI f)))))
              @*local-javadocs*)
        (some (fn [[prefix url]]
                (when (str/starts-with? classname prefix)
                  (str url file-path)))
              @*remote-javadocs*)
        (when *feeling-lucky*
          (str *feeling-lucky-url* file-path)))))

(defn javadoc
  "Opens a browser window displaying the javadoc for the argument.
  Tries *local-javadocs* first, then *remote-javadocs*."
  {:added "1.2"}
  [class-or-object]
  (let [^Class c (if (instance? Class class-or-object)
                   class-or-object
                   (class class-or-object))]
    (if-let [url (javadoc-url (.getName c))]
      (browse-url url)
      (println "Could not find Javadoc for" c))))
