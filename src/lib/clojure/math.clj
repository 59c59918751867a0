(ns ^{:doc "Clojure wrapper functions for java.lang.Math static methods.

  Function calls coerce their arguments to double (or long for the
  exact-arithmetic functions) the way the JVM's primitive type hints do."
      :author "cljw"
      :added "1.11"}
  clojure.math)

(def ^{:doc "Constant for e, the base for natural logarithms." :added "1.11" :const true :tag 'double}
  E Math/E)

(def ^{:doc "Constant for pi, the ratio of the circumference of a circle to its diameter." :added "1.11" :const true :tag 'double}
  PI Math/PI)

(defmacro ^:private defmath
  "Defines NAME as a fn of ARGS calling Math/METHOD with each arg coerced by COERCE."
  [name method coerce args doc]
  `(defn ~name ~doc {:added "1.11"} ~args
     (. Math ~method ~@(map (fn [a] (list coerce a)) args))))

(defmath sin sin double [a] "Returns the sine of an angle (Math/sin).")
(defmath cos cos double [a] "Returns the cosine of an angle (Math/cos).")
(defmath tan tan double [a] "Returns the tangent of an angle (Math/tan).")
(defmath asin asin double [a] "Returns the arc sine of an angle, in the range -pi/2 to pi/2 (Math/asin).")
(defmath acos acos double [a] "Returns the arc cosine of a, in the range 0.0 to pi (Math/acos).")
(defmath atan atan double [a] "Returns the arc tangent of a, in the range of -pi/2 to pi/2 (Math/atan).")
(defmath to-radians toRadians double [deg] "Converts an angle in degrees to an approximate equivalent angle in radians (Math/toRadians).")
(defmath to-degrees toDegrees double [r] "Converts an angle in radians to an approximate equivalent angle in degrees (Math/toDegrees).")
(defmath exp exp double [a] "Returns Euler's number e raised to the power of a (Math/exp).")
(defmath log log double [a] "Returns the natural logarithm (base e) of a (Math/log).")
(defmath log10 log10 double [a] "Returns the logarithm (base 10) of a (Math/log10).")
(defmath sqrt sqrt double [a] "Returns the positive square root of a (Math/sqrt).")
(defmath cbrt cbrt double [a] "Returns the cube root of a (Math/cbrt).")
(defmath IEEE-remainder IEEEremainder double [dividend divisor] "Returns the remainder per IEEE 754 (Math/IEEEremainder).")
(defmath ceil ceil double [a] "Returns the smallest double greater than or equal to a, equal to a mathematical integer (Math/ceil).")
(defmath floor floor double [a] "Returns the largest double less than or equal to a, equal to a mathematical integer (Math/floor).")
(defmath rint rint double [a] "Returns the double closest to a and equal to a mathematical integer, ties to even (Math/rint).")
(defmath atan2 atan2 double [y x] "Returns the angle theta from the conversion of rectangular coordinates (x, y) to polar (r, theta) (Math/atan2).")
(defmath pow pow double [a b] "Returns the value of a raised to the power of b (Math/pow).")
(defmath round round double [a] "Returns the closest long to a, ties rounding to positive infinity (Math/round).")

(defn random
  "Returns a positive double between 0.0 and 1.0, chosen pseudorandomly (Math/random)."
  {:added "1.11"}
  []
  (Math/random))

(defmath add-exact addExact long [x y] "Returns the sum of x and y, throws ArithmeticException on overflow (Math/addExact).")
(defmath subtract-exact subtractExact long [x y] "Returns the difference of x and y, throws ArithmeticException on overflow (Math/subtractExact).")
(defmath multiply-exact multiplyExact long [x y] "Returns the product of x and y, throws ArithmeticException on overflow (Math/multiplyExact).")
(defmath increment-exact incrementExact long [a] "Returns a incremented by 1, throws ArithmeticException on overflow (Math/incrementExact).")
(defmath decrement-exact decrementExact long [a] "Returns a decremented by 1, throws ArithmeticException on overflow (Math/decrementExact).")
(defmath negate-exact negateExact long [a] "Returns the negation of a, throws ArithmeticException on overflow (Math/negateExact).")
(defmath floor-div floorDiv long [x y] "Integer division that rounds to negative infinity (Math/floorDiv).")
(defmath floor-mod floorMod long [x y] "Integer modulus x - (floorDiv(x, y) * y) (Math/floorMod).")
(defmath ulp ulp double [d] "Returns the size of an ulp (unit in last place) for d (Math/ulp).")
(defmath signum signum double [d] "Returns the signum function of d: 0.0, 1.0 or -1.0 (Math/signum).")
(defmath sinh sinh double [x] "Returns the hyperbolic sine of x (Math/sinh).")
(defmath cosh cosh double [x] "Returns the hyperbolic cosine of x (Math/cosh).")
(defmath tanh tanh double [x] "Returns the hyperbolic tangent of x (Math/tanh).")
(defmath hypot hypot double [x y] "Returns sqrt(x^2 + y^2) without intermediate underflow or overflow (Math/hypot).")
(defmath expm1 expm1 double [x] "Returns e^x - 1 (Math/expm1).")
(defmath log1p log1p double [x] "Returns ln(1+x) (Math/log1p).")
(defmath copy-sign copySign double [magnitude sign] "Returns a double with the magnitude of the first argument and the sign of the second (Math/copySign).")
(defmath get-exponent getExponent double [d] "Returns the unbiased exponent used in the representation of d (Math/getExponent).")
(defmath next-after nextAfter double [start direction] "Returns the adjacent floating point number to start in the direction of the second argument (Math/nextAfter).")
(defmath next-up nextUp double [d] "Returns the adjacent double of d in the direction of positive infinity (Math/nextUp).")
(defmath next-down nextDown double [d] "Returns the adjacent double of d in the direction of negative infinity (Math/nextDown).")

(defn scalb
  "Returns d * 2^scaleFactor, rounded as if performed by a single correctly rounded floating-point multiply (Math/scalb)."
  {:added "1.11"}
  [d scaleFactor]
  (Math/scalb (double d) (int scaleFactor)))

(ns-unmap *ns* 'defmath)
