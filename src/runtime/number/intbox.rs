//! java.lang.Integer, Short and Byte: fixed-width integer boxes.
//!
//! One value kind, [`IntBox`] (a width and an `i32` that fits it), models
//! all three JVM classes. It is an integer like a long in everything
//! Clojure computes with: `Value::view` shows it as `View::Long`, so `=`,
//! `==`, `hash`, `compare`, printing, arithmetic (which widens to Long, as
//! Numbers' LongOps does: `(class (+ (int 1) (int 2)))` is Long) and every
//! builtin that takes an integer accept it unchanged. Only what the JVM
//! tells apart by class sees the width, through [`Value::int_box`]:
//! `class`/`instance?`, `.equals`, `.hashCode`, and `format`'s `%x`/`%o`
//! (two's complement at the box's width: `(format "%02X" (byte -1))` is
//! `FF`).

use crate::runtime::value::{Repr, Value};

/// The width of a fixed-width integer box.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum IntWidth {
    Byte,
    Short,
    Int,
}

impl IntWidth {
    /// Every width, narrowest first.
    pub const ALL: [IntWidth; 3] = [IntWidth::Byte, IntWidth::Short, IntWidth::Int];

    /// Bits in a value of this width.
    pub fn bits(self) -> u32 {
        match self {
            IntWidth::Byte => 8,
            IntWidth::Short => 16,
            IntWidth::Int => 32,
        }
    }
    /// The box class: java.lang.Integer, Short or Byte.
    pub fn class_name(self) -> &'static str {
        match self {
            IntWidth::Byte => "java.lang.Byte",
            IntWidth::Short => "java.lang.Short",
            IntWidth::Int => "java.lang.Integer",
        }
    }
    /// The primitive type's name (`int`), as casts and arrays name it.
    pub fn prim_name(self) -> &'static str {
        match self {
            IntWidth::Byte => "byte",
            IntWidth::Short => "short",
            IntWidth::Int => "int",
        }
    }
    /// The width whose box class or primitive is `name` (`Integer`,
    /// `java.lang.Short`, `byte`).
    pub fn of_name(name: &str) -> Option<IntWidth> {
        IntWidth::ALL.into_iter().find(|w| {
            name == w.prim_name()
                || name == w.class_name()
                || Some(name) == w.class_name().strip_prefix("java.lang.")
        })
    }
    /// The width of a primitive array's elements (`[I` is Int).
    pub fn of_array_class(class: &str) -> Option<IntWidth> {
        match class {
            "[I" => Some(IntWidth::Int),
            "[S" => Some(IntWidth::Short),
            "[B" => Some(IntWidth::Byte),
            _ => None,
        }
    }
    pub fn min(self) -> i64 {
        -(1i64 << (self.bits() - 1))
    }
    pub fn max(self) -> i64 {
        (1i64 << (self.bits() - 1)) - 1
    }
    /// Does `n` fit this width?
    pub fn fits(self, n: i64) -> bool {
        (self.min()..=self.max()).contains(&n)
    }
    /// Java's narrowing conversion: the low bits of `n`, sign-extended.
    pub fn wrap(self, n: i64) -> i32 {
        match self {
            IntWidth::Byte => i32::from(n as i8),
            IntWidth::Short => i32::from(n as i16),
            IntWidth::Int => n as i32,
        }
    }
}

/// A java.lang.Integer, Short or Byte. The value always fits the width.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct IntBox {
    value: i32,
    width: IntWidth,
}

impl IntBox {
    /// The box of `n` at `width`, or None when it does not fit.
    pub fn new(width: IntWidth, n: i64) -> Option<IntBox> {
        width.fits(n).then_some(IntBox {
            value: n as i32,
            width,
        })
    }
    /// The box of `n` narrowed to `width` (Java's `(byte) n`).
    pub fn wrapping(width: IntWidth, n: i64) -> IntBox {
        IntBox {
            value: width.wrap(n),
            width,
        }
    }
    pub fn value(self) -> i64 {
        i64::from(self.value)
    }
    pub fn width(self) -> IntWidth {
        self.width
    }
    /// The two's complement bits at the box's width, as an unsigned number
    /// (`%x` of `(byte -1)` is `ff`).
    pub fn unsigned_bits(self) -> u64 {
        let mask = (1u64 << self.width.bits()) - 1;
        (self.value as u64) & mask
    }
    /// The box's hashCode(): Integer's and Short's and Byte's are the value.
    pub fn java_hash(self) -> i32 {
        self.value
    }
}

/// The two's complement bits of a Long, Integer, Short or Byte at its own
/// width, as an unsigned number (Formatter's `%x` and `%o`); None for
/// anything else.
pub fn twos_complement(v: &Value) -> Option<u64> {
    match v.as_int_box() {
        Some(b) => Some(b.unsigned_bits()),
        None => v.as_long().map(|n| n as u64),
    }
}

/// Util.isInteger: a Long, Integer, BigInt or BigInteger; not a Short or
/// Byte (`([1 2] (byte 1))` throws "Key must be integer" on the JVM).
pub fn is_util_integer(v: &Value) -> bool {
    use crate::runtime::value::View;
    match v.as_int_box() {
        Some(b) => b.width() == IntWidth::Int,
        None => matches!(
            v.view(),
            View::Long(_) | View::BigInt(_) | View::BigInteger(_)
        ),
    }
}

impl Value {
    /// A fixed-width integer box.
    #[inline]
    pub fn int_box(b: IntBox) -> Value {
        Value(Repr::Int(b))
    }
    /// A java.lang.Integer.
    #[inline]
    pub fn int(n: i32) -> Value {
        Value::int_box(IntBox {
            value: n,
            width: IntWidth::Int,
        })
    }
    /// A java.lang.Short.
    #[inline]
    pub fn short(n: i16) -> Value {
        Value::int_box(IntBox {
            value: i32::from(n),
            width: IntWidth::Short,
        })
    }
    /// A java.lang.Byte.
    #[inline]
    pub fn byte(n: i8) -> Value {
        Value::int_box(IntBox {
            value: i32::from(n),
            width: IntWidth::Byte,
        })
    }
    /// The integer box this value is (None for a Long and everything else).
    #[inline]
    pub fn as_int_box(&self) -> Option<IntBox> {
        match self.0 {
            Repr::Int(b) => Some(b),
            _ => None,
        }
    }
    /// A java.lang.Integer for a count or index an int-returning JVM method
    /// gives (RT.count); a Long past an int's range, which such a method
    /// could not return.
    pub fn int_count(n: i64) -> Value {
        match IntBox::new(IntWidth::Int, n) {
            Some(b) => Value::int_box(b),
            None => Value::long(n),
        }
    }
    /// An integer of `width` when given one, else a Long: for results whose
    /// JVM type depends on the call (an array's element type).
    pub fn integer_of(width: Option<IntWidth>, n: i64) -> Value {
        match width {
            Some(w) => Value::int_box(IntBox::wrapping(w, n)),
            None => Value::long(n),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_wrap_and_fit_like_java() {
        assert_eq!(IntWidth::Byte.wrap(200), -56);
        assert_eq!(IntWidth::Short.wrap(40000), -25536);
        assert_eq!(IntWidth::Int.wrap(3_000_000_000), -1_294_967_296);
        assert!(IntWidth::Byte.fits(-128) && !IntWidth::Byte.fits(128));
        assert!(IntBox::new(IntWidth::Short, 32768).is_none());
        assert_eq!(IntBox::wrapping(IntWidth::Byte, -1).unsigned_bits(), 0xff);
        assert_eq!(
            IntBox::wrapping(IntWidth::Int, -1).unsigned_bits(),
            0xffff_ffff
        );
        assert_eq!(IntWidth::of_name("Integer"), Some(IntWidth::Int));
        assert_eq!(IntWidth::of_name("java.lang.Byte"), Some(IntWidth::Byte));
        assert_eq!(IntWidth::of_name("short"), Some(IntWidth::Short));
        assert_eq!(IntWidth::of_name("Long"), None);
    }

    #[test]
    fn boxes_are_longs_to_clojure_but_keep_their_class() {
        let b = Value::byte(-1);
        assert_eq!(b.as_long(), Some(-1));
        assert_eq!(b.class_name(), "java.lang.Byte");
        assert_eq!(Value::int(7).class_name(), "java.lang.Integer");
        assert_eq!(Value::short(7).class_name(), "java.lang.Short");
        assert!(matches!(b.view(), crate::runtime::value::View::Long(-1)));
        assert!(crate::runtime::equality::equiv(
            &Value::int(1),
            &Value::long(1)
        ));
        assert_eq!(
            crate::runtime::hash::hasheq(&Value::short(300)),
            crate::runtime::hash::hasheq(&Value::long(300))
        );
        assert!(!Value::int(1).identical(&Value::long(1)));
        assert!(Value::int(1).identical(&Value::int(1)));
        assert_eq!(std::mem::size_of::<Value>(), 16);
    }
}
