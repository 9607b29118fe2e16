//! Constant values and Go's constant arithmetic.
//!
//! Go's constants are exact (arbitrary precision). minigo keeps integers exactly in `i128`
//! (enough for every value of every Go integer type and for the usual untyped arithmetic such
//! as `1 << 100 >> 98`... up to 2^127; beyond that the checker reports `constant overflow`) and
//! floats as `f64` (Go's exact rationals are rounded once per operation).

use crate::ast::BinOp;
use crate::types::BasicKind;

/// The exact value of a constant expression, already converted to the expression's final type
/// (so `var x float64 = 1` records `Float(1.0)` for the `1`).
#[derive(Clone, Debug, PartialEq)]
pub enum ConstValue {
    Bool(bool),
    /// Any integer type (and untyped int/rune), including uint64 values up to 2^64-1.
    Int(i128),
    Float(f64),
    Complex(f64, f64),
    /// String bytes (may be invalid UTF-8).
    Str(Vec<u8>),
}

impl ConstValue {
    pub fn as_i128(&self) -> Option<i128> {
        match self {
            ConstValue::Int(i) => Some(*i),
            ConstValue::Float(f) if f.fract() == 0.0 && f.abs() < 1.7e38 => Some(*f as i128),
            ConstValue::Complex(r, 0.0) if r.fract() == 0.0 && r.abs() < 1.7e38 => Some(*r as i128),
            _ => None,
        }
    }
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            ConstValue::Int(i) => Some(*i as f64),
            ConstValue::Float(f) => Some(*f),
            ConstValue::Complex(r, i) if *i == 0.0 => Some(*r),
            _ => None,
        }
    }
    pub fn as_complex(&self) -> Option<(f64, f64)> {
        match self {
            ConstValue::Int(i) => Some((*i as f64, 0.0)),
            ConstValue::Float(f) => Some((*f, 0.0)),
            ConstValue::Complex(r, i) => Some((*r, *i)),
            _ => None,
        }
    }
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            ConstValue::Bool(b) => Some(*b),
            _ => None,
        }
    }
    pub fn as_str(&self) -> Option<&[u8]> {
        match self {
            ConstValue::Str(s) => Some(s),
            _ => None,
        }
    }

    /// Go's spelling of the value in error messages (`300`, `1.5`, `"abc"`, `true`).
    pub fn go_string(&self) -> String {
        match self {
            ConstValue::Bool(b) => b.to_string(),
            ConstValue::Int(i) => i.to_string(),
            ConstValue::Float(f) => fmt_float(*f),
            ConstValue::Complex(r, i) => format!("({} + {}i)", fmt_float(*r), fmt_float(*i)),
            ConstValue::Str(s) => format!("{:?}", String::from_utf8_lossy(s)),
        }
    }

    /// Convert to the representation of basic kind `k` if representable: integers must be
    /// exact and in range, floats are rounded (float32 to f32 precision) and must be finite.
    /// Err(true) = out of range (overflow), Err(false) = not representable (truncated / wrong
    /// kind).
    pub fn convert_to(&self, k: BasicKind) -> Result<ConstValue, bool> {
        use BasicKind::*;
        if k.is_integer() {
            let v = match self {
                ConstValue::Int(i) => *i,
                ConstValue::Float(f) => {
                    if f.fract() != 0.0 || !f.is_finite() {
                        return Err(false);
                    }
                    if f.abs() >= 1.7e38 {
                        return Err(true);
                    }
                    *f as i128
                }
                ConstValue::Complex(r, i) => {
                    if *i != 0.0 || r.fract() != 0.0 {
                        return Err(false);
                    }
                    if r.abs() >= 1.7e38 {
                        return Err(true);
                    }
                    *r as i128
                }
                _ => return Err(false),
            };
            let (lo, hi): (i128, i128) = match k {
                Int8 => (i8::MIN as i128, i8::MAX as i128),
                Int16 => (i16::MIN as i128, i16::MAX as i128),
                Int32 | UntypedRune => (i32::MIN as i128, i32::MAX as i128),
                Int | Int64 => (i64::MIN as i128, i64::MAX as i128),
                Uint8 => (0, u8::MAX as i128),
                Uint16 => (0, u16::MAX as i128),
                Uint32 => (0, u32::MAX as i128),
                Uint | Uint64 | Uintptr => (0, u64::MAX as i128),
                _ => (i128::MIN, i128::MAX),
            };
            if k == UntypedRune || (lo <= v && v <= hi) {
                return Ok(ConstValue::Int(v));
            }
            return Err(true);
        }
        if k.is_float() {
            let f = match self {
                ConstValue::Int(i) => *i as f64,
                ConstValue::Float(f) => *f,
                ConstValue::Complex(r, i) => {
                    if *i != 0.0 {
                        return Err(false);
                    }
                    *r
                }
                _ => return Err(false),
            };
            let f = if k == Float32 {
                if f.abs() > f32::MAX as f64 * (1.0 + f64::EPSILON) {
                    return Err(true);
                }
                f as f32 as f64
            } else {
                f
            };
            if !f.is_finite() {
                return Err(true);
            }
            return Ok(ConstValue::Float(f));
        }
        if k.is_complex() {
            let (r, i) = self.as_complex().ok_or(false)?;
            let (r, i) = if k == Complex64 {
                (r as f32 as f64, i as f32 as f64)
            } else {
                (r, i)
            };
            return Ok(ConstValue::Complex(r, i));
        }
        if k.is_string() {
            return match self {
                ConstValue::Str(_) => Ok(self.clone()),
                _ => Err(false),
            };
        }
        if k.is_boolean() {
            return match self {
                ConstValue::Bool(_) => Ok(self.clone()),
                _ => Err(false),
            };
        }
        Err(false)
    }

    /// The rank of the value's representation (int < float < complex), for mixing untyped
    /// operands.
    fn rank(&self) -> u8 {
        match self {
            ConstValue::Int(_) => 0,
            ConstValue::Float(_) => 1,
            ConstValue::Complex(..) => 2,
            _ => 3,
        }
    }
}

/// Go-style float formatting for error messages (`1.5`, `1e+100`).
pub fn fmt_float(f: f64) -> String {
    if f == f.trunc() && f.abs() < 1e21 {
        format!("{}", f as i128)
    } else if f.abs() >= 1e21 || f.abs() < 1e-4 {
        let s = format!("{:e}", f);
        // Rust: 1e100 → Go: 1e+100
        match s.split_once('e') {
            Some((m, e)) if !e.starts_with('-') => format!("{}e+{}", m, e),
            _ => s,
        }
    } else {
        format!("{}", f)
    }
}

/// Errors of constant arithmetic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConstErr {
    DivByZero,
    Overflow,
    /// Operator not defined on these values.
    Invalid,
}

/// `x op y` on constants. `integer` selects integer division (both operands of integer type).
pub fn binary_op(
    op: BinOp,
    x: &ConstValue,
    y: &ConstValue,
    integer: bool,
) -> Result<ConstValue, ConstErr> {
    use ConstValue::*;
    if let (Bool(a), Bool(b)) = (x, y) {
        return Ok(match op {
            BinOp::LAnd => Bool(*a && *b),
            BinOp::LOr => Bool(*a || *b),
            BinOp::Eq => Bool(a == b),
            BinOp::Ne => Bool(a != b),
            _ => return Err(ConstErr::Invalid),
        });
    }
    if let (Str(a), Str(b)) = (x, y) {
        return Ok(match op {
            BinOp::Add => {
                let mut v = a.clone();
                v.extend_from_slice(b);
                Str(v)
            }
            BinOp::Eq => Bool(a == b),
            BinOp::Ne => Bool(a != b),
            BinOp::Lt => Bool(a < b),
            BinOp::Le => Bool(a <= b),
            BinOp::Gt => Bool(a > b),
            BinOp::Ge => Bool(a >= b),
            _ => return Err(ConstErr::Invalid),
        });
    }
    let rank = x.rank().max(y.rank());
    if rank == 0 || (integer && rank <= 1) {
        let a = x.as_i128().ok_or(ConstErr::Invalid)?;
        let b = y.as_i128().ok_or(ConstErr::Invalid)?;
        // Beyond i128, integers continue as (inexact) floats: Go's constants are unbounded, and
        // such values only matter again if scaled back into range.
        let big = |r: f64| Float(r);
        return Ok(match op {
            BinOp::Add => a
                .checked_add(b)
                .map_or_else(|| big(a as f64 + b as f64), Int),
            BinOp::Sub => a
                .checked_sub(b)
                .map_or_else(|| big(a as f64 - b as f64), Int),
            BinOp::Mul => a
                .checked_mul(b)
                .map_or_else(|| big(a as f64 * b as f64), Int),
            BinOp::Div => {
                if b == 0 {
                    return Err(ConstErr::DivByZero);
                }
                if integer {
                    Int(a / b)
                } else {
                    // untyped int / untyped int is still integer division in Go.
                    Int(a / b)
                }
            }
            BinOp::Rem => {
                if b == 0 {
                    return Err(ConstErr::DivByZero);
                }
                Int(a % b)
            }
            BinOp::And => Int(a & b),
            BinOp::Or => Int(a | b),
            BinOp::Xor => Int(a ^ b),
            BinOp::AndNot => Int(a & !b),
            BinOp::Eq => Bool(a == b),
            BinOp::Ne => Bool(a != b),
            BinOp::Lt => Bool(a < b),
            BinOp::Le => Bool(a <= b),
            BinOp::Gt => Bool(a > b),
            BinOp::Ge => Bool(a >= b),
            _ => return Err(ConstErr::Invalid),
        });
    }
    if rank == 1 {
        let a = x.as_f64().ok_or(ConstErr::Invalid)?;
        let b = y.as_f64().ok_or(ConstErr::Invalid)?;
        let r = match op {
            BinOp::Add => a + b,
            BinOp::Sub => a - b,
            BinOp::Mul => a * b,
            BinOp::Div => {
                if b == 0.0 {
                    return Err(ConstErr::DivByZero);
                }
                a / b
            }
            BinOp::Eq => return Ok(Bool(a == b)),
            BinOp::Ne => return Ok(Bool(a != b)),
            BinOp::Lt => return Ok(Bool(a < b)),
            BinOp::Le => return Ok(Bool(a <= b)),
            BinOp::Gt => return Ok(Bool(a > b)),
            BinOp::Ge => return Ok(Bool(a >= b)),
            _ => return Err(ConstErr::Invalid),
        };
        if !r.is_finite() {
            return Err(ConstErr::Overflow);
        }
        return Ok(Float(r));
    }
    let (a, b) = x.as_complex().ok_or(ConstErr::Invalid)?;
    let (c, d) = y.as_complex().ok_or(ConstErr::Invalid)?;
    Ok(match op {
        BinOp::Add => Complex(a + c, b + d),
        BinOp::Sub => Complex(a - c, b - d),
        BinOp::Mul => Complex(a * c - b * d, a * d + b * c),
        BinOp::Div => {
            let den = c * c + d * d;
            if den == 0.0 {
                return Err(ConstErr::DivByZero);
            }
            Complex((a * c + b * d) / den, (b * c - a * d) / den)
        }
        BinOp::Eq => Bool(a == c && b == d),
        BinOp::Ne => Bool(a != c || b != d),
        _ => return Err(ConstErr::Invalid),
    })
}

/// `x << s` / `x >> s` on an integer constant.
pub fn shift(op: BinOp, x: i128, s: u64) -> Result<i128, ConstErr> {
    match op {
        BinOp::Shl => {
            if x == 0 {
                return Ok(0);
            }
            if s >= 127 {
                return Err(ConstErr::Overflow);
            }
            let r = x.checked_shl(s as u32).ok_or(ConstErr::Overflow)?;
            if r >> s != x {
                return Err(ConstErr::Overflow);
            }
            Ok(r)
        }
        _ => Ok(if s >= 127 {
            if x < 0 {
                -1
            } else {
                0
            }
        } else {
            x >> s
        }),
    }
}

/// Wrap an integer to the width of a typed integer kind (for `^x` on unsigned constants).
pub fn unsigned_mask(bits: u32) -> i128 {
    if bits >= 127 {
        i128::MAX
    } else {
        (1i128 << bits) - 1
    }
}

/// Parse an integer literal's source text (`0x1F`, `1_000`, `017`, `0o17`, `0b101`).
pub fn parse_int_lit(s: &str) -> Option<i128> {
    let s: String = s.chars().filter(|&c| c != '_').collect();
    let (digits, radix) = if let Some(r) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        (r.to_string(), 16)
    } else if let Some(r) = s.strip_prefix("0b").or_else(|| s.strip_prefix("0B")) {
        (r.to_string(), 2)
    } else if let Some(r) = s.strip_prefix("0o").or_else(|| s.strip_prefix("0O")) {
        (r.to_string(), 8)
    } else if s.len() > 1 && s.starts_with('0') {
        (s[1..].to_string(), 8)
    } else {
        (s, 10)
    };
    i128::from_str_radix(&digits, radix).ok()
}

/// Parse a float literal's source text, decimal or hexadecimal (`0x1p-2`).
pub fn parse_float_lit(s: &str) -> Option<f64> {
    let s: String = s.chars().filter(|&c| c != '_').collect();
    if let Some(h) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        let (mant, exp) = match h.find(['p', 'P']) {
            Some(i) => (&h[..i], h[i + 1..].parse::<i32>().ok()?),
            None => (h, 0),
        };
        let (ip, fp) = mant.split_once('.').unwrap_or((mant, ""));
        let mut v = 0f64;
        for c in ip.chars() {
            v = v * 16.0 + c.to_digit(16)? as f64;
        }
        let mut scale = 1.0 / 16.0;
        for c in fp.chars() {
            v += c.to_digit(16)? as f64 * scale;
            scale /= 16.0;
        }
        return Some(v * 2f64.powi(exp));
    }
    s.parse::<f64>().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn int_lits() {
        assert_eq!(parse_int_lit("0x1F"), Some(31));
        assert_eq!(parse_int_lit("1_000"), Some(1000));
        assert_eq!(parse_int_lit("017"), Some(15));
        assert_eq!(parse_int_lit("0o17"), Some(15));
        assert_eq!(parse_int_lit("0b101"), Some(5));
        assert_eq!(parse_int_lit("0"), Some(0));
        assert_eq!(parse_float_lit("0x1p-2"), Some(0.25));
        assert_eq!(parse_float_lit(".5"), Some(0.5));
    }

    #[test]
    fn arithmetic_and_representability() {
        let x = ConstValue::Int(300);
        assert_eq!(x.convert_to(BasicKind::Uint8), Err(true));
        assert_eq!(
            ConstValue::Float(1.5).convert_to(BasicKind::Int),
            Err(false)
        );
        assert_eq!(
            ConstValue::Float(2.0).convert_to(BasicKind::Int),
            Ok(ConstValue::Int(2))
        );
        assert_eq!(
            binary_op(BinOp::Div, &ConstValue::Int(7), &ConstValue::Int(2), true),
            Ok(ConstValue::Int(3))
        );
        assert_eq!(
            binary_op(
                BinOp::Div,
                &ConstValue::Float(7.0),
                &ConstValue::Int(2),
                false
            ),
            Ok(ConstValue::Float(3.5))
        );
        assert_eq!(shift(BinOp::Shl, 1, 100), Ok(1i128 << 100));
        assert_eq!(fmt_float(1e100), "1e+100");
        assert_eq!(fmt_float(1.5), "1.5");
    }
}
