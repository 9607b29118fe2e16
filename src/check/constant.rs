//! Constant values and Go's exact constant arithmetic (go/constant's model).
//!
//! Go's untyped constants are exact. As in go/constant, a numeric constant is held in one of
//! three representations:
//! - integers as arbitrary-precision integers (an untyped integer constant may not exceed 512
//!   bits: the checker reports `constant ... overflow`);
//! - floats as exact rationals while numerator and denominator stay below 4096 bits, and
//!   otherwise (very large or very small exponents, long chains of divisions) as binary
//!   floating-point numbers with a 512-bit mantissa ([`BigFloat`], Go's `big.Float` at
//!   precision 512, rounding to nearest even); once a value is such a float it stays one;
//! - complex numbers as a pair of those.
//!
//! Typed constants are rounded to their type after every operation (float32/float64 values
//! round to nearest even from the exact value), so the values the compiler reads
//! (`TypeInfo::consts`) are always in the plain variants [`ConstValue::Int`],
//! [`ConstValue::Float`] and [`ConstValue::Complex`]. The exact forms that do not fit those
//! variants live in [`ConstValue::Big`] and only ever appear for untyped constants.
//!
//! Representations are canonical, so `==` on `ConstValue`s of the same kind compares values:
//! an integer that fits `i128` is always `Int`, a rational that is exactly an `f64` is always
//! `Float`, a complex number whose parts are such rationals is always `Complex`.

use std::cmp::Ordering;

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::ast::{BinOp, UnOp};
use crate::types::BasicKind;

/// Mantissa precision (bits) of [`BigFloat`], and the maximum bit length of an untyped integer
/// constant (Go: 512).
pub const PREC: u64 = 512;
/// Rationals whose numerator or denominator reach this many bits become [`BigFloat`]s; floats
/// whose binary exponent is within ±`MAX_EXP` are parsed as exact rationals (Go's `maxExp`).
const MAX_EXP: u64 = 4096;
/// The largest constant shift count Go accepts (`1023 - 1 + 52`).
pub const MAX_SHIFT: u64 = 1074;
/// Numeric literals longer than this are rejected (`excessively long constant`).
pub const MAX_LIT_LEN: usize = 10000;

/// The value of a constant expression, already converted to the expression's final type
/// (so `var x float64 = 1` records `Float(1.0)` for the `1`).
#[derive(Clone, Debug, PartialEq)]
pub enum ConstValue {
    Bool(bool),
    /// An integer constant that fits `i128` (every value of every Go integer type does).
    Int(i128),
    /// A float constant that is exactly this (finite) `f64` (every float32/float64 constant is).
    Float(f64),
    /// A complex constant whose parts are exactly these `f64`s.
    Complex(f64, f64),
    /// String bytes (may be invalid UTF-8).
    Str(Vec<u8>),
    /// An untyped numeric constant that fits none of the variants above: an integer beyond
    /// `i128`, a float that is not exactly an `f64`, a complex number with such a part.
    Big(Box<Exact>),
    /// The value of a typed constant whose declaration failed (types2's unknown value):
    /// every operation on it gives `Unknown`, it is representable in every type, and it
    /// causes no further errors. Never reaches the compiler (the program has errors).
    Unknown,
}

/// An exact numeric constant (go/constant's representations).
#[derive(Clone, Debug, PartialEq)]
pub enum Exact {
    Real(Real),
    Complex(Real, Real),
}

/// A real number: an integer, or a float held as a rational or as a 512-bit binary float.
#[derive(Clone, Debug, PartialEq)]
pub enum Real {
    Int(BigInt),
    Rat(BigRational),
    Float(BigFloat),
}

/// The three kinds of numeric constants.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum NumKind {
    Int,
    Float,
    Complex,
}

/// Errors of constant arithmetic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConstErr {
    DivByZero,
    /// The result is not representable (a float beyond the 512-bit float's exponent range:
    /// Go's `constant result is not representable`).
    Overflow,
    /// Operator not defined on these values.
    Invalid,
}

// ---------------------------------------------------------------------------------------------
// Rounding helpers

fn bits_u(x: &BigUint) -> i64 {
    x.bits() as i64
}

/// Round `(mag + sticky·δ)·2^e` (0 < δ < 1 when `sticky`) to `prec` significant bits, never
/// using an ulp below `2^min_exp`; round half to even. Returns `(q, u)` meaning `q·2^u` (`q`
/// may be `2^prec` after rounding up). When `sticky` is set, `mag` must have at least
/// `prec + 2` bits (so the discarded part is never empty).
fn round_mag(
    mag: &BigUint,
    e: i64,
    sticky: bool,
    prec: u64,
    min_exp: Option<i64>,
) -> (BigUint, i64) {
    if mag.is_zero() {
        return (BigUint::zero(), 0);
    }
    let nb = bits_u(mag);
    let top = nb + e;
    let mut u = top - prec as i64;
    if let Some(m) = min_exp {
        u = u.max(m);
    }
    if u <= e {
        return (mag.clone(), e);
    }
    let shift = (u - e) as u64;
    if shift > nb as u64 {
        // Below half an ulp.
        return (BigUint::zero(), 0);
    }
    let q = mag >> shift;
    let r = mag - (&q << shift);
    let half = BigUint::one() << (shift - 1);
    let up = match r.cmp(&half) {
        Ordering::Greater => true,
        Ordering::Equal => sticky || q.is_odd(),
        Ordering::Less => false,
    };
    (if up { q + 1u32 } else { q }, u)
}

/// `|n| / |d|` as `(q, e, sticky)`: `q·2^e` is the quotient truncated to at least `prec + 2`
/// bits, `sticky` whether the division was inexact.
fn div_scaled(n: &BigUint, d: &BigUint, prec: u64) -> (BigUint, i64, bool) {
    let s = prec as i64 + 2 + bits_u(d) - bits_u(n);
    let (q, r) = if s >= 0 {
        (n << s as u64).div_rem(d)
    } else {
        n.div_rem(&(d << (-s) as u64))
    };
    (q, -s, !r.is_zero())
}

/// Build IEEE bits from a rounded `q·2^u` (`q < 2^(mant+1)` or exactly `2^(mant+1)`), or None
/// on overflow. `mant`: stored mantissa bits (52/23); `emin`: exponent of the smallest
/// subnormal (-1074/-149); `emax`: largest unbiased exponent (1023/127).
fn ieee_bits(q: &BigUint, u: i64, mant: u32, emin: i64, emax: i64) -> Option<u64> {
    if q.is_zero() {
        return Some(0);
    }
    let mut q = q.clone();
    let mut u = u;
    let want = mant as i64 + 1;
    let b = bits_u(&q);
    if b > want {
        q >>= (b - want) as u64; // only trailing zeros are dropped here
        u += b - want;
    }
    let b = bits_u(&q);
    if b < want {
        let k = (want - b).min(u - emin).max(0);
        q <<= k as u64;
        u -= k;
    }
    let qv = q.to_u64()?;
    if bits_u(&q) == want {
        let exp = u + mant as i64;
        if exp > emax {
            return None;
        }
        let bias = emax;
        let biased = (exp + bias) as u64;
        Some((biased << mant) | (qv & ((1u64 << mant) - 1)))
    } else {
        Some(qv) // subnormal
    }
}

/// Round `±|n|/|d|` to float64 (`single`: to float32, returned as f64). Infinite on overflow.
fn ratio_to_f(neg: bool, n: &BigUint, d: &BigUint, single: bool) -> f64 {
    let (prec, mant, emin, emax) = if single {
        (24, 23, -149, 127)
    } else {
        (53, 52, -1074, 1023)
    };
    let top = bits_u(n) - bits_u(d) + 1; // value < 2^top
    let mag = if n.is_zero() || top < emin - 1 {
        0.0
    } else if top > emax + 3 {
        f64::INFINITY
    } else {
        let (q, e, sticky) = div_scaled(n, d, prec);
        let (q, u) = round_mag(&q, e, sticky, prec, Some(emin));
        match ieee_bits(&q, u, mant, emin, emax) {
            Some(b) if single => f32::from_bits(b as u32) as f64,
            Some(b) => f64::from_bits(b),
            None => f64::INFINITY,
        }
    };
    if neg {
        -mag
    } else {
        mag
    }
}

// ---------------------------------------------------------------------------------------------
// BigFloat

/// A binary floating-point number `m·2^e` with a mantissa of at most [`PREC`] bits (Go's
/// `big.Float` at precision 512, rounding to nearest even). Normalized: `m` is odd, or zero
/// with `e == 0`. The binary exponent of the value (`top`, the `e` of Go's `MantExp`) stays
/// within `i32`; beyond it a result is infinite (an error) or underflows to zero, as in Go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BigFloat {
    m: BigInt,
    e: i64,
}

impl BigFloat {
    fn zero() -> BigFloat {
        BigFloat {
            m: BigInt::zero(),
            e: 0,
        }
    }

    /// Round `±(mag + sticky·δ)·2^e` to `prec` bits; None if the result overflows.
    fn from_parts(neg: bool, mag: &BigUint, e: i64, sticky: bool, prec: u64) -> Option<BigFloat> {
        let (q, u) = round_mag(mag, e, sticky, prec, None);
        if q.is_zero() {
            return Some(BigFloat::zero());
        }
        let tz = q.trailing_zeros().unwrap_or(0);
        let q = q >> tz;
        let e = u + tz as i64;
        let top = bits_u(&q) + e;
        if top > i32::MAX as i64 {
            return None;
        }
        if top < i32::MIN as i64 {
            return Some(BigFloat::zero());
        }
        let m = BigInt::from_biguint(if neg { Sign::Minus } else { Sign::Plus }, q);
        Some(BigFloat { m, e })
    }

    fn from_int(i: &BigInt) -> Option<BigFloat> {
        BigFloat::from_parts(i.is_negative(), i.magnitude(), 0, false, PREC)
    }

    /// `±n/d·2^e` rounded to `prec` bits.
    fn from_ratio_exp(neg: bool, n: &BigUint, d: &BigUint, e: i64, prec: u64) -> Option<BigFloat> {
        if n.is_zero() {
            return Some(BigFloat::zero());
        }
        let (q, qe, sticky) = div_scaled(n, d, prec);
        BigFloat::from_parts(neg, &q, qe + e, sticky, prec)
    }

    fn from_rat(r: &BigRational) -> Option<BigFloat> {
        BigFloat::from_ratio_exp(
            r.is_negative(),
            r.numer().magnitude(),
            r.denom().magnitude(),
            0,
            PREC,
        )
    }

    fn is_zero(&self) -> bool {
        self.m.is_zero()
    }

    fn sign(&self) -> i32 {
        match self.m.sign() {
            Sign::Minus => -1,
            Sign::NoSign => 0,
            Sign::Plus => 1,
        }
    }

    /// The binary exponent: `2^(top-1) <= |x| < 2^top` (Go's `MantExp`).
    fn top(&self) -> i64 {
        self.m.bits() as i64 + self.e
    }

    /// Whether the rational form is of "reasonable" size (Go's `smallFloat`).
    fn is_small(&self) -> bool {
        let t = self.top();
        -(MAX_EXP as i64) < t && t < MAX_EXP as i64
    }

    fn is_int(&self) -> bool {
        self.m.is_zero() || self.e >= 0
    }

    fn neg(&self) -> BigFloat {
        BigFloat {
            m: -&self.m,
            e: self.e,
        }
    }

    /// The exact value as a rational; only for small values (see [`BigFloat::is_small`]).
    fn to_rat(&self) -> BigRational {
        if self.e >= 0 {
            BigRational::from_integer(&self.m << self.e as u64)
        } else {
            BigRational::new(self.m.clone(), BigInt::one() << (-self.e) as u64)
        }
    }

    fn add_p(&self, y: &BigFloat, prec: u64) -> Option<BigFloat> {
        if self.is_zero() {
            return Some(y.clone());
        }
        if y.is_zero() {
            return Some(self.clone());
        }
        let (a, b) = if self.top() >= y.top() {
            (self, y)
        } else {
            (y, self)
        };
        // A term far below the other only decides the rounding direction: replace it by a
        // tiny value of the same sign (keeps the shifts bounded for huge exponent gaps).
        let tiny;
        let b = if b.top() < a.top() - prec as i64 - 4 {
            tiny = BigFloat {
                m: BigInt::from(b.sign()),
                e: a.top() - prec as i64 - 6,
            };
            &tiny
        } else {
            b
        };
        let emin = a.e.min(b.e);
        let sum = (&a.m << (a.e - emin) as u64) + (&b.m << (b.e - emin) as u64);
        BigFloat::from_parts(sum.is_negative(), sum.magnitude(), emin, false, prec)
    }

    fn mul_p(&self, y: &BigFloat, prec: u64) -> Option<BigFloat> {
        let m = &self.m * &y.m;
        if m.is_zero() {
            return Some(BigFloat::zero());
        }
        BigFloat::from_parts(m.is_negative(), m.magnitude(), self.e + y.e, false, prec)
    }

    fn quo_p(&self, y: &BigFloat, prec: u64) -> Option<BigFloat> {
        if y.is_zero() {
            return None;
        }
        BigFloat::from_ratio_exp(
            self.m.is_negative() != y.m.is_negative(),
            self.m.magnitude(),
            y.m.magnitude(),
            self.e - y.e,
            prec,
        )
    }

    fn cmp(&self, y: &BigFloat) -> Ordering {
        let (sa, sb) = (self.sign(), y.sign());
        if sa != sb || sa == 0 {
            return sa.cmp(&sb);
        }
        let mag = match self.top().cmp(&y.top()) {
            Ordering::Equal => {
                let emin = self.e.min(y.e);
                let a = self.m.magnitude() << (self.e - emin) as u64;
                let b = y.m.magnitude() << (y.e - emin) as u64;
                a.cmp(&b)
            }
            o => o,
        };
        if sa < 0 {
            mag.reverse()
        } else {
            mag
        }
    }

    /// Round to float64 (`single`: float32); infinite on overflow.
    fn to_f(&self, single: bool) -> f64 {
        if self.is_zero() {
            return 0.0;
        }
        let (emin, emax) = if single { (-149, 127) } else { (-1074, 1023) };
        let neg = self.m.is_negative();
        let top = self.top();
        let mag = if top < emin - 1 {
            0.0
        } else if top > emax + 3 {
            f64::INFINITY
        } else {
            // Here e is within a few thousand: an exact ratio is cheap.
            let (n, d) = if self.e >= 0 {
                (self.m.magnitude() << self.e as u64, BigUint::one())
            } else {
                (
                    self.m.magnitude().clone(),
                    BigUint::one() << (-self.e) as u64,
                )
            };
            ratio_to_f(false, &n, &d, single)
        };
        if neg {
            -mag
        } else {
            mag
        }
    }

    /// `10^k` (k >= 0) rounded to `prec` bits.
    fn pow10(k: u64, prec: u64) -> Option<BigFloat> {
        let mut result = BigFloat::from_parts(false, &BigUint::one(), 0, false, prec)?;
        let mut base = BigFloat::from_parts(false, &BigUint::from(10u32), 0, false, prec)?;
        let mut k = k;
        while k > 0 {
            if k & 1 == 1 {
                result = result.mul_p(&base, prec)?;
            }
            k >>= 1;
            if k > 0 {
                base = base.mul_p(&base, prec)?;
            }
        }
        Some(result)
    }

    /// Round to [`PREC`] bits (from a higher working precision).
    fn round(&self) -> Option<BigFloat> {
        BigFloat::from_parts(
            self.m.is_negative(),
            self.m.magnitude(),
            self.e,
            false,
            PREC,
        )
    }
}

// ---------------------------------------------------------------------------------------------
// Real numbers

fn int_bits(i: &BigInt) -> u64 {
    i.bits()
}

/// A rational result: stays a rational while its parts are "small", else becomes a float.
fn make_rat(r: BigRational) -> Result<Real, ConstErr> {
    if int_bits(r.numer()) < MAX_EXP && int_bits(r.denom()) < MAX_EXP {
        Ok(Real::Rat(r))
    } else {
        BigFloat::from_rat(&r)
            .map(Real::Float)
            .ok_or(ConstErr::Overflow)
    }
}

fn make_float(f: Option<BigFloat>) -> Result<Real, ConstErr> {
    f.map(Real::Float).ok_or(ConstErr::Overflow)
}

/// The exact rational of a finite f64.
fn f64_to_rat(f: f64) -> BigRational {
    if f == 0.0 || !f.is_finite() {
        return BigRational::zero();
    }
    let bits = f.to_bits();
    let neg = bits >> 63 == 1;
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (m, e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp - 1075)
    };
    let m = if neg {
        -BigInt::from(m)
    } else {
        BigInt::from(m)
    };
    if e >= 0 {
        BigRational::from_integer(m << e as u64)
    } else {
        BigRational::new(m, BigInt::one() << (-e) as u64)
    }
}

impl Real {
    fn rank(&self) -> u8 {
        match self {
            Real::Int(_) => 0,
            Real::Rat(_) => 1,
            Real::Float(_) => 2,
        }
    }

    fn is_zero(&self) -> bool {
        match self {
            Real::Int(i) => i.is_zero(),
            Real::Rat(r) => r.is_zero(),
            Real::Float(f) => f.is_zero(),
        }
    }

    fn sign(&self) -> i32 {
        match self {
            Real::Int(i) => i.signum().to_i32().unwrap_or(0),
            Real::Rat(r) => r.numer().signum().to_i32().unwrap_or(0),
            Real::Float(f) => f.sign(),
        }
    }

    /// Bring to at least representation rank `rank` (Go's `match`).
    fn lift(&self, rank: u8) -> Result<Real, ConstErr> {
        Ok(match (self, rank) {
            (x, r) if x.rank() >= r => x.clone(),
            (Real::Int(i), 1) => Real::Rat(BigRational::from_integer(i.clone())),
            (Real::Int(i), _) => make_float(BigFloat::from_int(i))?,
            (Real::Rat(q), _) => make_float(BigFloat::from_rat(q))?,
            (x, _) => x.clone(),
        })
    }

    fn to_bigfloat(&self) -> Option<BigFloat> {
        match self {
            Real::Int(i) => BigFloat::from_int(i),
            Real::Rat(q) => BigFloat::from_rat(q),
            Real::Float(f) => Some(f.clone()),
        }
    }

    fn neg(&self) -> Real {
        match self {
            Real::Int(i) => Real::Int(-i),
            Real::Rat(q) => Real::Rat(-q),
            Real::Float(f) => Real::Float(f.neg()),
        }
    }

    /// Go's `ToInt`: the integer value, if the number is one (floats within 4 bits of the
    /// 512-bit precision of an integer count as that integer).
    fn to_int(&self) -> Option<BigInt> {
        match self {
            Real::Int(i) => Some(i.clone()),
            Real::Rat(q) => q.is_integer().then(|| q.numer().clone()),
            Real::Float(f) => {
                if !f.is_small() {
                    return None;
                }
                if f.is_int() {
                    return Some(f.to_rat().numer().clone());
                }
                // Within a few ulps of an integer: round to a slightly lower precision
                // toward zero, then away from zero (go/constant's ToInt).
                let prec = PREC - 4;
                let mag = f.m.magnitude();
                let nb = bits_u(mag) as u64;
                if nb > prec {
                    let shift = nb - prec;
                    let down = mag >> shift;
                    let inexact = (&down << shift) != *mag;
                    let mut cands = vec![down.clone()];
                    if inexact {
                        cands.push(down + 1u32);
                    }
                    let e = f.e + shift as i64;
                    for q in cands {
                        let tz = q.trailing_zeros().unwrap_or(0) as i64;
                        if q.is_zero() || e + tz >= 0 {
                            let v = BigInt::from_biguint(Sign::Plus, q);
                            let v = if e >= 0 {
                                v << e as u64
                            } else {
                                v >> (-e) as u64
                            };
                            return Some(if f.m.is_negative() { -v } else { v });
                        }
                    }
                }
                None
            }
        }
    }

    /// The nearest float64 (or float32 when `single`), infinite if out of range.
    fn to_f(&self, single: bool) -> f64 {
        match self {
            Real::Int(i) => ratio_to_f(i.is_negative(), i.magnitude(), &BigUint::one(), single),
            Real::Rat(q) => ratio_to_f(
                q.is_negative(),
                q.numer().magnitude(),
                q.denom().magnitude(),
                single,
            ),
            Real::Float(f) => f.to_f(single),
        }
    }

    fn cmp(&self, y: &Real) -> Result<Ordering, ConstErr> {
        let rank = self.rank().max(y.rank());
        let (a, b) = (self.lift(rank)?, y.lift(rank)?);
        Ok(match (&a, &b) {
            (Real::Int(a), Real::Int(b)) => a.cmp(b),
            (Real::Rat(a), Real::Rat(b)) => a.cmp(b),
            (Real::Float(a), Real::Float(b)) => a.cmp(b),
            _ => return Err(ConstErr::Invalid),
        })
    }

    /// `x op y`; `intdiv`: `/` is truncated integer division on integers.
    fn binary(&self, op: BinOp, y: &Real, intdiv: bool) -> Result<Real, ConstErr> {
        let rank = self.rank().max(y.rank());
        let (a, b) = (self.lift(rank)?, y.lift(rank)?);
        if matches!(op, BinOp::Div | BinOp::Rem) && b.is_zero() {
            return Err(ConstErr::DivByZero);
        }
        match (&a, &b) {
            (Real::Int(a), Real::Int(b)) => Ok(Real::Int(match op {
                BinOp::Add => a + b,
                BinOp::Sub => a - b,
                BinOp::Mul => a * b,
                BinOp::Div if intdiv => a / b,
                BinOp::Div => return make_rat(BigRational::new(a.clone(), b.clone())),
                BinOp::Rem => a % b,
                BinOp::And => a & b,
                BinOp::Or => a | b,
                BinOp::Xor => a ^ b,
                BinOp::AndNot => a & !b,
                _ => return Err(ConstErr::Invalid),
            })),
            (Real::Rat(a), Real::Rat(b)) => make_rat(match op {
                BinOp::Add => a + b,
                BinOp::Sub => a - b,
                BinOp::Mul => a * b,
                BinOp::Div => a / b,
                _ => return Err(ConstErr::Invalid),
            }),
            (Real::Float(a), Real::Float(b)) => make_float(match op {
                BinOp::Add => a.add_p(b, PREC),
                BinOp::Sub => a.add_p(&b.neg(), PREC),
                BinOp::Mul => a.mul_p(b, PREC),
                BinOp::Div => a.quo_p(b, PREC),
                _ => return Err(ConstErr::Invalid),
            }),
            _ => Err(ConstErr::Invalid),
        }
    }

    /// go/constant's `String` of a number.
    fn go_string(&self) -> String {
        match self {
            Real::Int(i) => i.to_string(),
            Real::Rat(_) | Real::Float(_) => match self.to_bigfloat() {
                Some(f) => float_string(&f),
                None => "+Inf".into(),
            },
        }
    }
}

/// go/constant's `floatVal.String`: `%.6g` of the nearest float64 (more digits if that hides
/// the fraction), or for values outside float64's range a manual decimal approximation
/// (`1e+400`).
fn float_string(f: &BigFloat) -> String {
    use crate::stdlib::strconv::format_float;
    let x = f.to_f(false);
    if (f.is_zero() == (x == 0.0)) && x.is_finite() {
        let s = format_float(x, b'g', 6, 64);
        if !f.is_int() && !s.contains('.') {
            return format_float(x, b'g', -1, 64);
        }
        return s;
    }
    // |f| = mant·2^exp with 0.5 <= mant < 1.
    let exp = f.top();
    let mant = BigFloat {
        m: f.m.clone(),
        e: -(f.m.bits() as i64),
    };
    let mut m = mant.to_f(false);
    let d = exp as f64 * (std::f64::consts::LN_2 / std::f64::consts::LN_10);
    let mut e = d as i64;
    m *= 10f64.powf(d - e as f64);
    let am = m.abs();
    if am < 1.0 - 0.5e-6 {
        m *= 10.0;
        e -= 1;
    } else if am >= 10.0 {
        m /= 10.0;
        e += 1;
    }
    format!("{}e{:+}", format_float(m, b'g', 6, 64), e)
}

// ---------------------------------------------------------------------------------------------
// ConstValue

impl ConstValue {
    /// The exact number, for numeric constants.
    pub fn exact(&self) -> Option<Exact> {
        Some(match self {
            ConstValue::Int(i) => Exact::Real(Real::Int(BigInt::from(*i))),
            ConstValue::Float(f) => Exact::Real(Real::Rat(f64_to_rat(*f))),
            ConstValue::Complex(r, i) => {
                Exact::Complex(Real::Rat(f64_to_rat(*r)), Real::Rat(f64_to_rat(*i)))
            }
            ConstValue::Big(x) => (**x).clone(),
            _ => return None,
        })
    }

    /// The canonical `ConstValue` of an exact number.
    pub fn from_exact(x: Exact) -> ConstValue {
        match x {
            Exact::Real(Real::Int(i)) => match i.to_i128() {
                Some(v) => ConstValue::Int(v),
                None => ConstValue::Big(Box::new(Exact::Real(Real::Int(i)))),
            },
            Exact::Real(Real::Rat(q)) => match rat_as_f64(&q) {
                Some(f) => ConstValue::Float(f),
                None => ConstValue::Big(Box::new(Exact::Real(Real::Rat(q)))),
            },
            Exact::Complex(Real::Rat(a), Real::Rat(b)) => match (rat_as_f64(&a), rat_as_f64(&b)) {
                (Some(x), Some(y)) => ConstValue::Complex(x, y),
                _ => ConstValue::Big(Box::new(Exact::Complex(Real::Rat(a), Real::Rat(b)))),
            },
            x => ConstValue::Big(Box::new(x)),
        }
    }

    fn from_real(r: Real) -> ConstValue {
        ConstValue::from_exact(Exact::Real(r))
    }

    /// The kind of a numeric constant (None for bools and strings).
    pub fn num_kind(&self) -> Option<NumKind> {
        match self {
            ConstValue::Int(_) => Some(NumKind::Int),
            ConstValue::Float(_) => Some(NumKind::Float),
            ConstValue::Complex(..) => Some(NumKind::Complex),
            ConstValue::Big(x) => Some(match &**x {
                Exact::Real(Real::Int(_)) => NumKind::Int,
                Exact::Real(_) => NumKind::Float,
                Exact::Complex(..) => NumKind::Complex,
            }),
            _ => None,
        }
    }

    pub fn is_unknown(&self) -> bool {
        matches!(self, ConstValue::Unknown)
    }

    /// Whether a numeric constant is exactly zero.
    pub fn is_zero(&self) -> bool {
        match self.exact() {
            Some(Exact::Real(r)) => r.is_zero(),
            Some(Exact::Complex(a, b)) => a.is_zero() && b.is_zero(),
            None => false,
        }
    }

    /// The sign of a real constant (-1, 0, 1).
    pub fn sign(&self) -> Option<i32> {
        match self.exact()? {
            Exact::Real(r) => Some(r.sign()),
            Exact::Complex(..) => None,
        }
    }

    /// Bit length of an integer constant's magnitude (Go's `constant.BitLen`).
    pub fn bit_len(&self) -> Option<u64> {
        match self {
            ConstValue::Int(i) => Some(128 - i.unsigned_abs().leading_zeros() as u64),
            ConstValue::Big(x) => match &**x {
                Exact::Real(Real::Int(i)) => Some(i.bits()),
                _ => None,
            },
            _ => None,
        }
    }

    /// The integer value of a numeric constant that is one (`2.0`, `3+0i`; Go's `ToInt`),
    /// as an integer constant.
    pub fn to_int(&self) -> Option<ConstValue> {
        let r = match self.exact()? {
            Exact::Real(r) => r,
            Exact::Complex(re, im) => {
                if !im.is_zero() {
                    return None;
                }
                re
            }
        };
        r.to_int().map(|i| ConstValue::from_real(Real::Int(i)))
    }

    /// The value if it is an integer fitting `i128` (floats and complex numbers with an
    /// integral value included).
    pub fn as_i128(&self) -> Option<i128> {
        match self {
            ConstValue::Int(i) => Some(*i),
            _ => match self.to_int()? {
                ConstValue::Int(i) => Some(i),
                _ => None,
            },
        }
    }

    /// The nearest float64 of a real constant (or of a complex one with zero imaginary part).
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            ConstValue::Int(i) => Some(*i as f64),
            ConstValue::Float(f) => Some(*f),
            ConstValue::Complex(r, i) if *i == 0.0 => Some(*r),
            ConstValue::Big(x) => match &**x {
                Exact::Real(r) => Some(r.to_f(false)),
                Exact::Complex(r, i) if i.is_zero() => Some(r.to_f(false)),
                _ => None,
            },
            _ => None,
        }
    }

    /// The nearest float64 parts of a numeric constant.
    pub fn as_complex(&self) -> Option<(f64, f64)> {
        match self {
            ConstValue::Int(i) => Some((*i as f64, 0.0)),
            ConstValue::Float(f) => Some((*f, 0.0)),
            ConstValue::Complex(r, i) => Some((*r, *i)),
            ConstValue::Big(x) => match &**x {
                Exact::Real(r) => Some((r.to_f(false), 0.0)),
                Exact::Complex(r, i) => Some((r.to_f(false), i.to_f(false))),
            },
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

    /// Go's spelling of the value in error messages (go/constant's `String`: `300`, `1.5`,
    /// `0.333333`, `1e+400`, `(1 + 2i)`, `"abc"`, `true`).
    pub fn go_string(&self) -> String {
        match self {
            ConstValue::Bool(b) => b.to_string(),
            ConstValue::Str(s) => format!("{:?}", String::from_utf8_lossy(s)),
            ConstValue::Unknown => "unknown".into(),
            _ => match self.exact() {
                Some(Exact::Real(r)) => r.go_string(),
                Some(Exact::Complex(r, i)) => format!("({} + {}i)", r.go_string(), i.go_string()),
                None => String::new(),
            },
        }
    }

    /// Go's `ToFloat`: the real value of an integer, float, or complex constant with a zero
    /// imaginary part.
    fn to_real_float(&self) -> Option<Real> {
        let r = match self.exact()? {
            Exact::Real(r) => r,
            Exact::Complex(re, im) => {
                if !im.is_zero() {
                    return None;
                }
                re
            }
        };
        Some(match r {
            Real::Int(i) if int_bits(&i) < MAX_EXP => Real::Rat(BigRational::from_integer(i)),
            Real::Int(i) => Real::Float(BigFloat::from_int(&i)?),
            r => r,
        })
    }

    /// Convert to basic kind `k` if representable (Go's `representable`, with its rounding):
    /// integers must be exact and in range, float32/float64 values are rounded to nearest
    /// even from the exact value and must be finite, untyped kinds keep the exact value.
    /// Err(true): not representable, reported as `overflows`; Err(false): reported as
    /// `truncated` (a non-integer constant into an integer type) or not numeric at all. As in
    /// Go the choice depends only on the kinds involved.
    pub fn convert_to(&self, k: BasicKind) -> Result<ConstValue, bool> {
        use BasicKind::*;
        if self.is_unknown() {
            return Ok(ConstValue::Unknown);
        }
        let numeric = self.num_kind().is_some();
        let fail =
            numeric && k.is_numeric() && !(self.num_kind() != Some(NumKind::Int) && k.is_integer());
        if k.is_integer() {
            let v = self.to_int().ok_or(fail)?;
            if matches!(k, UntypedInt | UntypedRune) {
                return Ok(v);
            }
            let ConstValue::Int(i) = v else {
                return Err(fail);
            };
            let (lo, hi): (i128, i128) = match k {
                Int8 => (i8::MIN as i128, i8::MAX as i128),
                Int16 => (i16::MIN as i128, i16::MAX as i128),
                Int32 => (i32::MIN as i128, i32::MAX as i128),
                Int | Int64 => (i64::MIN as i128, i64::MAX as i128),
                Uint8 => (0, u8::MAX as i128),
                Uint16 => (0, u16::MAX as i128),
                Uint32 => (0, u32::MAX as i128),
                _ => (0, u64::MAX as i128),
            };
            return if lo <= i && i <= hi { Ok(v) } else { Err(fail) };
        }
        if k.is_float() {
            let r = self.to_real_float().ok_or(fail)?;
            return match k {
                UntypedFloat => Ok(ConstValue::from_real(r)),
                _ => {
                    let f = r.to_f(k == Float32);
                    if f.is_finite() {
                        Ok(ConstValue::Float(f + 0.0))
                    } else {
                        Err(fail)
                    }
                }
            };
        }
        if k.is_complex() {
            let (re, im) = match self.exact().ok_or(fail)? {
                Exact::Real(r) => (r, Real::Int(BigInt::zero())),
                Exact::Complex(a, b) => (a, b),
            };
            if k == UntypedComplex {
                return Ok(ConstValue::from_exact(Exact::Complex(re, im)));
            }
            let single = k == Complex64;
            let (a, b) = (re.to_f(single), im.to_f(single));
            return if a.is_finite() && b.is_finite() {
                Ok(ConstValue::Complex(a + 0.0, b + 0.0))
            } else {
                Err(fail)
            };
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

    /// Real part / imaginary part of a numeric constant (`real(c)`, `imag(c)`), as floats.
    pub fn real_imag(&self) -> Option<(ConstValue, ConstValue)> {
        if self.is_unknown() {
            return Some((ConstValue::Unknown, ConstValue::Unknown));
        }
        let (re, im) = match self.exact()? {
            Exact::Real(r) => (r, Real::Int(BigInt::zero())),
            Exact::Complex(a, b) => (a, b),
        };
        let f = |r: Real| {
            ConstValue::from_real(r)
                .convert_to(BasicKind::UntypedFloat)
                .ok()
        };
        Some((f(re)?, f(im)?))
    }

    /// `complex(re, im)` of two real constants.
    pub fn make_complex(re: &ConstValue, im: &ConstValue) -> Option<ConstValue> {
        if re.is_unknown() || im.is_unknown() {
            return Some(ConstValue::Unknown);
        }
        let a = re.to_real_float()?;
        let b = im.to_real_float()?;
        Some(ConstValue::from_exact(Exact::Complex(a, b)))
    }
}

/// `q` as an f64 if exactly representable.
fn rat_as_f64(q: &BigRational) -> Option<f64> {
    let d = q.denom();
    // The denominator must be a power of two.
    if d.bits() > 1100 || d.trailing_zeros()? + 1 != d.bits() {
        return None;
    }
    let n = q.numer();
    if n.is_zero() {
        return Some(0.0);
    }
    let tz = n.trailing_zeros().unwrap_or(0);
    if n.bits() - tz > 53 || n.bits() > 1100 {
        return None;
    }
    let f = ratio_to_f(n.is_negative(), n.magnitude(), d.magnitude(), false);
    (f.is_finite() && f64_to_rat(f) == *q).then_some(f)
}

/// Go's spelling of a float64 constant in error messages (`1.5`, `1e+100`, `0.333333`).
pub fn fmt_float(f: f64) -> String {
    ConstValue::Float(f).go_string()
}

/// `x op y` on constants. `integer` selects truncated integer division (the operands' type is
/// an integer type); otherwise `/` is exact. Comparisons give `Bool`.
pub fn binary_op(
    op: BinOp,
    x: &ConstValue,
    y: &ConstValue,
    integer: bool,
) -> Result<ConstValue, ConstErr> {
    use ConstValue::*;
    if x.is_unknown() || y.is_unknown() {
        return Ok(Unknown);
    }
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
    // Fast path: small integers.
    if let (Int(a), Int(b)) = (x, y) {
        let (a, b) = (*a, *b);
        let r = match op {
            BinOp::Add => a.checked_add(b).map(Int),
            BinOp::Sub => a.checked_sub(b).map(Int),
            BinOp::Mul => a.checked_mul(b).map(Int),
            BinOp::Div | BinOp::Rem if b == 0 => return Err(ConstErr::DivByZero),
            BinOp::Div if integer => a.checked_div(b).map(Int),
            BinOp::Rem => a.checked_rem(b).map(Int),
            BinOp::And => Some(Int(a & b)),
            BinOp::Or => Some(Int(a | b)),
            BinOp::Xor => Some(Int(a ^ b)),
            BinOp::AndNot => Some(Int(a & !b)),
            BinOp::Eq => Some(Bool(a == b)),
            BinOp::Ne => Some(Bool(a != b)),
            BinOp::Lt => Some(Bool(a < b)),
            BinOp::Le => Some(Bool(a <= b)),
            BinOp::Gt => Some(Bool(a > b)),
            BinOp::Ge => Some(Bool(a >= b)),
            _ => None,
        };
        if let Some(r) = r {
            return Ok(r);
        }
    }
    let (Some(a), Some(b)) = (x.exact(), y.exact()) else {
        return Err(ConstErr::Invalid);
    };
    let cmp = |o: Ordering| -> Result<ConstValue, ConstErr> {
        Ok(Bool(match op {
            BinOp::Eq => o == Ordering::Equal,
            BinOp::Ne => o != Ordering::Equal,
            BinOp::Lt => o == Ordering::Less,
            BinOp::Le => o != Ordering::Greater,
            BinOp::Gt => o == Ordering::Greater,
            BinOp::Ge => o != Ordering::Less,
            _ => return Err(ConstErr::Invalid),
        }))
    };
    match (a, b) {
        (Exact::Real(a), Exact::Real(b)) => {
            if op.is_comparison() {
                return cmp(a.cmp(&b)?);
            }
            Ok(ConstValue::from_real(a.binary(op, &b, integer)?))
        }
        (a, b) => {
            let parts = |x: Exact| match x {
                Exact::Real(r) => (r, Real::Int(BigInt::zero())),
                Exact::Complex(r, i) => (r, i),
            };
            let ((a, b), (c, d)) = (parts(a), parts(b));
            if op.is_comparison() {
                let eq = a.cmp(&c)? == Ordering::Equal && b.cmp(&d)? == Ordering::Equal;
                return match op {
                    BinOp::Eq => Ok(Bool(eq)),
                    BinOp::Ne => Ok(Bool(!eq)),
                    _ => Err(ConstErr::Invalid),
                };
            }
            let add = |x: &Real, y: &Real| x.binary(BinOp::Add, y, false);
            let sub = |x: &Real, y: &Real| x.binary(BinOp::Sub, y, false);
            let mul = |x: &Real, y: &Real| x.binary(BinOp::Mul, y, false);
            let quo = |x: &Real, y: &Real| x.binary(BinOp::Div, y, false);
            let (re, im) = match op {
                BinOp::Add => (add(&a, &c)?, add(&b, &d)?),
                BinOp::Sub => (sub(&a, &c)?, sub(&b, &d)?),
                BinOp::Mul => {
                    let (ac, bd, bc, ad) = (mul(&a, &c)?, mul(&b, &d)?, mul(&b, &c)?, mul(&a, &d)?);
                    (sub(&ac, &bd)?, add(&bc, &ad)?)
                }
                BinOp::Div => {
                    let (ac, bd, bc, ad) = (mul(&a, &c)?, mul(&b, &d)?, mul(&b, &c)?, mul(&a, &d)?);
                    let s = add(&mul(&c, &c)?, &mul(&d, &d)?)?;
                    if s.is_zero() {
                        return Err(ConstErr::DivByZero);
                    }
                    (quo(&add(&ac, &bd)?, &s)?, quo(&sub(&bc, &ad)?, &s)?)
                }
                _ => return Err(ConstErr::Invalid),
            };
            Ok(ConstValue::from_exact(Exact::Complex(re, im)))
        }
    }
}

/// `op x` on a constant (`+x`, `-x`, `!x`, `^x`). `unsigned_bits`: the width of an unsigned
/// typed operand, to which `^x` is masked (Go's `prec`).
pub fn unary_op(
    op: UnOp,
    x: &ConstValue,
    unsigned_bits: Option<u32>,
) -> Result<ConstValue, ConstErr> {
    match (op, x) {
        (_, ConstValue::Unknown) => Ok(ConstValue::Unknown),
        (UnOp::Pos, _) if x.num_kind().is_some() => Ok(x.clone()),
        (UnOp::Not, ConstValue::Bool(b)) => Ok(ConstValue::Bool(!b)),
        (UnOp::Neg, ConstValue::Int(i)) if *i != i128::MIN => Ok(ConstValue::Int(-i)),
        (UnOp::Neg, ConstValue::Float(f)) => Ok(ConstValue::Float(-f + 0.0)),
        (UnOp::Neg, ConstValue::Complex(r, i)) => Ok(ConstValue::Complex(-r + 0.0, -i + 0.0)),
        (UnOp::Neg, _) => match x.exact().ok_or(ConstErr::Invalid)? {
            Exact::Real(r) => Ok(ConstValue::from_real(r.neg())),
            Exact::Complex(a, b) => Ok(ConstValue::from_exact(Exact::Complex(a.neg(), b.neg()))),
        },
        (UnOp::Xor, _) if x.num_kind() == Some(NumKind::Int) => {
            let Some(Exact::Real(Real::Int(i))) = x.exact() else {
                return Err(ConstErr::Invalid);
            };
            let mut z = !i;
            if let Some(bits) = unsigned_bits {
                z &= (BigInt::one() << bits) - 1;
            }
            Ok(ConstValue::from_real(Real::Int(z)))
        }
        _ => Err(ConstErr::Invalid),
    }
}

/// `x << s` / `x >> s` on an integer constant (`s` at most [`MAX_SHIFT`], checked by the
/// caller). Right shifts round toward negative infinity.
pub fn shift(op: BinOp, x: &ConstValue, s: u64) -> Result<ConstValue, ConstErr> {
    if x.is_unknown() {
        return Ok(ConstValue::Unknown);
    }
    let Some(Exact::Real(Real::Int(i))) = x.exact() else {
        return Err(ConstErr::Invalid);
    };
    if s > MAX_SHIFT {
        return Err(ConstErr::Overflow);
    }
    Ok(ConstValue::from_real(Real::Int(match op {
        BinOp::Shl => i << s,
        BinOp::Shr => i >> s,
        _ => return Err(ConstErr::Invalid),
    })))
}

// ---------------------------------------------------------------------------------------------
// Literals

/// An integer literal's value (`0x1F`, `1_000`, `017`, `0o17`, `0b101`), of any size.
pub fn int_lit(s: &str) -> Option<ConstValue> {
    let s: String = s.chars().filter(|&c| c != '_').collect();
    let (digits, radix) = if let Some(r) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        (r, 16)
    } else if let Some(r) = s.strip_prefix("0b").or_else(|| s.strip_prefix("0B")) {
        (r, 2)
    } else if let Some(r) = s.strip_prefix("0o").or_else(|| s.strip_prefix("0O")) {
        (r, 8)
    } else if s.len() > 1 && s.starts_with('0') {
        (&s[1..], 8)
    } else {
        (&s[..], 10)
    };
    if digits.is_empty() {
        return None;
    }
    let i = BigInt::parse_bytes(digits.as_bytes(), radix)?;
    Some(ConstValue::from_real(Real::Int(i)))
}

/// A float literal's value (decimal `1.5e-3`, hexadecimal `0x1.8p3`), exact: a rational when
/// its binary exponent is within ±4096, else a 512-bit float. None when the value is beyond
/// the float's exponent range (Go: `malformed constant`). Also accepts the integer forms
/// that may precede `i` in an imaginary literal (`0x1F`, `0b101`, `0o17`, `017` = 17).
pub fn float_lit(s: &str) -> Option<ConstValue> {
    let s: String = s.chars().filter(|&c| c != '_').collect();
    let lower = s.to_ascii_lowercase();
    if lower.starts_with("0b") || lower.starts_with("0o") {
        return int_lit(&s)?.convert_to(BasicKind::UntypedFloat).ok();
    }
    let (mant, exp, base2) = if let Some(h) = lower.strip_prefix("0x") {
        match h.split_once('p') {
            Some((m, e)) => (m.to_string(), e.to_string(), true),
            None => (h.to_string(), String::new(), true),
        }
    } else {
        match lower.split_once('e') {
            Some((m, e)) => (m.to_string(), e.to_string(), false),
            None => (lower.clone(), String::new(), false),
        }
    };
    let (ip, fp) = mant.split_once('.').unwrap_or((&mant, ""));
    let radix = if base2 { 16 } else { 10 };
    let digits = format!("{}{}", ip, fp);
    if digits.is_empty() {
        return None;
    }
    let d = BigUint::parse_bytes(digits.as_bytes(), radix)?;
    // As math/big's scanner: the exponent must fit an int64.
    let e: i64 = if exp.is_empty() {
        0
    } else {
        let (neg, num) = match exp.as_bytes()[0] {
            b'-' => (true, &exp[1..]),
            b'+' => (false, &exp[1..]),
            _ => (false, &exp[..]),
        };
        if num.is_empty() || !num.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let v = num.parse::<i64>().ok()?.min(i64::MAX / 8);
        if neg {
            -v
        } else {
            v
        }
    };
    let zero = ConstValue::Float(0.0);
    if d.is_zero() {
        return Some(zero);
    }
    // math/big: the binary exponent before applying a decimal exponent's 5^e must be within
    // the float's exponent range, else the literal is malformed ("exponent overflow").
    // (A decimal fraction digit contributes 2^-1 of its 10^-1 = 2^-1·5^-1.)
    let frac = fp.len() as i64 * if base2 { 4 } else { 1 };
    let exp2 = (bits_u(&d) - frac).saturating_add(e);
    if exp2 < i32::MIN as i64 || exp2 > i32::MAX as i64 {
        return None;
    }
    if base2 {
        // value = d · 2^(e - 4·len(fp))
        let e2 = e - 4 * fp.len() as i64;
        let f = BigFloat::from_parts(false, &d, e2, false, PREC)?;
        if f.is_zero() {
            return Some(zero);
        }
        if f.is_small() {
            let q = if e2 >= 0 {
                BigRational::from_integer(BigInt::from(d) << e2 as u64)
            } else {
                BigRational::new(BigInt::from(d), BigInt::one() << (-e2) as u64)
            };
            return Some(ConstValue::from_real(Real::Rat(q)));
        }
        return Some(ConstValue::from_real(Real::Float(f)));
    }
    // value = d · 10^e10
    let e10 = e - fp.len() as i64;
    let est = bits_u(&d) as f64 + e10 as f64 * std::f64::consts::LOG2_10;
    if est.abs() < 6000.0 {
        let p = BigInt::from(10u32).pow(e10.unsigned_abs() as u32);
        let n = BigInt::from(d);
        let q = if e10 >= 0 {
            BigRational::from_integer(n * p)
        } else {
            BigRational::new(n, p)
        };
        let f = BigFloat::from_rat(&q)?;
        if f.is_small() {
            return Some(ConstValue::from_real(Real::Rat(q)));
        }
        return Some(ConstValue::from_real(Real::Float(f)));
    }
    if est > i32::MAX as f64 + 64.0 {
        return None;
    }
    if est < i32::MIN as f64 - 64.0 {
        return Some(zero);
    }
    const WORK: u64 = PREC + 64;
    let p = BigFloat::pow10(e10.unsigned_abs(), WORK)?;
    let n = BigFloat::from_parts(false, &d, 0, false, WORK)?;
    let f = if e10 >= 0 {
        n.mul_p(&p, WORK)?
    } else {
        n.quo_p(&p, WORK)?
    };
    let f = f.round()?;
    if f.is_zero() {
        return Some(zero);
    }
    if f.is_small() {
        // Cannot happen for |est| >= 6000; keep the exact form if it ever does.
        return Some(ConstValue::from_real(Real::Rat(f.to_rat())));
    }
    Some(ConstValue::from_real(Real::Float(f)))
}

/// An imaginary literal's value (`2i`, `1.5e3i`, `0x1p-2i`).
pub fn imag_lit(s: &str) -> Option<ConstValue> {
    let body = s.strip_suffix('i')?;
    let v = float_lit(body)?;
    let im = match v.exact()? {
        Exact::Real(r) => r,
        Exact::Complex(..) => return None,
    };
    Some(ConstValue::from_exact(Exact::Complex(
        Real::Int(BigInt::zero()),
        im,
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(s: &str) -> ConstValue {
        float_lit(s).expect("float literal")
    }
    fn i(s: &str) -> ConstValue {
        int_lit(s).expect("int literal")
    }
    fn op(o: BinOp, x: &ConstValue, y: &ConstValue) -> ConstValue {
        binary_op(o, x, y, false).expect("constant op")
    }
    fn iop(o: BinOp, x: &ConstValue, y: &ConstValue) -> ConstValue {
        binary_op(o, x, y, true).expect("constant op")
    }

    fn parse_int_lit(s: &str) -> Option<i128> {
        int_lit(s)?.as_i128()
    }
    fn parse_float_lit(s: &str) -> Option<f64> {
        float_lit(s)?.as_f64()
    }

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
        assert_eq!(parse_float_lit("1e3"), Some(1000.0));
        assert_eq!(parse_float_lit("0x1.8p1"), Some(3.0));
        assert_eq!(float_lit("017").and_then(|v| v.as_f64()), Some(17.0));
        assert_eq!(float_lit("0x10").and_then(|v| v.as_f64()), Some(16.0));
        let big = i("123456789012345678901234567890123456789012345678901234567890");
        assert_eq!(
            big.go_string(),
            "123456789012345678901234567890123456789012345678901234567890"
        );
        assert_eq!(big.num_kind(), Some(NumKind::Int));
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
        // 1e100 into an int: Go says "truncated" (float constant into an integer type).
        assert_eq!(f("1e100").convert_to(BasicKind::Int), Err(false));
        // complex into float: "overflows".
        assert_eq!(
            ConstValue::Complex(1.0, 2.0).convert_to(BasicKind::Float64),
            Err(true)
        );
        assert_eq!(
            binary_op(BinOp::Div, &ConstValue::Int(7), &ConstValue::Int(2), true),
            Ok(ConstValue::Int(3))
        );
        assert_eq!(
            binary_op(BinOp::Div, &ConstValue::Int(7), &ConstValue::Int(2), false),
            Ok(ConstValue::Float(3.5))
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
        assert_eq!(
            binary_op(BinOp::Rem, &ConstValue::Int(-5), &ConstValue::Int(3), true),
            Ok(ConstValue::Int(-2))
        );
        assert_eq!(
            binary_op(BinOp::Div, &ConstValue::Int(1), &ConstValue::Int(0), true),
            Err(ConstErr::DivByZero)
        );
        assert_eq!(fmt_float(1e100), "1e+100");
        assert_eq!(fmt_float(1.5), "1.5");
    }

    #[test]
    fn big_integers() {
        let one = ConstValue::Int(1);
        let big = shift(BinOp::Shl, &one, 100).unwrap();
        let huge = op(BinOp::Mul, &big, &big);
        assert_eq!(huge.bit_len(), Some(201));
        assert_eq!(
            iop(BinOp::Div, &iop(BinOp::Div, &huge, &big), &big),
            ConstValue::Int(1)
        );
        let x = shift(BinOp::Shl, &one, 200).unwrap();
        assert_eq!(shift(BinOp::Shr, &x, 190), Ok(ConstValue::Int(1024)));
        assert_eq!(
            shift(BinOp::Shr, &ConstValue::Int(-5), 1),
            Ok(ConstValue::Int(-3))
        );
        assert_eq!(shift(BinOp::Shl, &one, 1075), Err(ConstErr::Overflow));
        let m = op(
            BinOp::Sub,
            &op(BinOp::Sub, &ConstValue::Int(0), &huge),
            &one,
        );
        assert_eq!(op(BinOp::Add, &m, &huge), ConstValue::Int(-1));
        assert_eq!(
            unary_op(UnOp::Xor, &ConstValue::Int(0), Some(8)),
            Ok(ConstValue::Int(255))
        );
        assert_eq!(
            unary_op(UnOp::Xor, &ConstValue::Int(5), None),
            Ok(ConstValue::Int(-6))
        );
        assert_eq!(
            huge.go_string(),
            "1606938044258990275541962092341162602522202993782792835301376"
        );
        assert_eq!(huge.convert_to(BasicKind::Int64), Err(true));
        assert_eq!(
            huge.convert_to(BasicKind::Float64).unwrap().as_f64(),
            Some(2f64.powi(200))
        );
    }

    #[test]
    fn exact_rationals() {
        let sum = op(BinOp::Add, &f("0.1"), &f("0.2"));
        assert_eq!(
            binary_op(BinOp::Eq, &sum, &f("0.3"), false),
            Ok(ConstValue::Bool(true))
        );
        let third = op(BinOp::Div, &f("1.0"), &ConstValue::Int(3));
        assert_eq!(third.num_kind(), Some(NumKind::Float));
        assert_eq!(third.go_string(), "0.333333");
        assert_eq!(
            third.convert_to(BasicKind::Float64),
            Ok(ConstValue::Float(1.0 / 3.0))
        );
        assert_eq!(
            third.convert_to(BasicKind::Float32),
            Ok(ConstValue::Float((1.0f32 / 3.0) as f64))
        );
        // float32(0.1) rounds once from the exact value.
        assert_eq!(
            f("0.1").convert_to(BasicKind::Float32),
            Ok(ConstValue::Float(0.1f32 as f64))
        );
        // A value whose float64 rounding then float32 rounding would differ from the direct
        // float32 rounding: 1 + 2^-24 + 2^-60 (direct: rounds up; via f64 it is a tie).
        let v = op(
            BinOp::Add,
            &op(BinOp::Add, &ConstValue::Int(1), &f("0x1p-24")),
            &f("0x1p-60"),
        );
        assert_eq!(
            v.convert_to(BasicKind::Float32),
            Ok(ConstValue::Float(1.0 + 2f64.powi(-23)))
        );
        let back = op(BinOp::Mul, &third, &ConstValue::Int(3));
        assert_eq!(back, ConstValue::Float(1.0));
        assert_eq!(back.convert_to(BasicKind::Int), Ok(ConstValue::Int(1)));
        assert_eq!(f("1e400").convert_to(BasicKind::Float64), Err(true));
        assert_eq!(
            f("1e-400").convert_to(BasicKind::Float64),
            Ok(ConstValue::Float(0.0))
        );
        assert_eq!(f("1e39").convert_to(BasicKind::Float32), Err(true));
        assert_eq!(
            f("4.9406564584124654e-324").convert_to(BasicKind::Float64),
            Ok(ConstValue::Float(f64::from_bits(1)))
        );
        assert_eq!(
            f("2.4703282292062328e-324").convert_to(BasicKind::Float64),
            Ok(ConstValue::Float(f64::from_bits(1)))
        );
        assert_eq!(
            f("2.4703282292062327e-324").convert_to(BasicKind::Float64),
            Ok(ConstValue::Float(0.0))
        );
        assert_eq!(
            f("1.7976931348623157e308").convert_to(BasicKind::Float64),
            Ok(ConstValue::Float(f64::MAX))
        );
        assert_eq!(
            f("1.797693134862315808e308").convert_to(BasicKind::Float64),
            Err(true)
        );
    }

    #[test]
    fn strings_as_go_prints_them() {
        let s = |v: ConstValue| v.go_string();
        assert_eq!(s(f("1e400")), "1e+400");
        assert_eq!(s(f("0.1")), "0.1");
        assert_eq!(s(f("1234567.5")), "1.23457e+06");
        assert_eq!(s(f("100000.5")), "100000.5");
        assert_eq!(s(f("0.00001234")), "1.234e-05");
        assert_eq!(
            s(op(BinOp::Div, &f("1e1300"), &ConstValue::Int(3))),
            "3.33333e+1299"
        );
        assert_eq!(
            s(op(BinOp::Div, &f("5e-1300"), &ConstValue::Int(3))),
            "1.66667e-1300"
        );
        assert_eq!(s(f("1.5e1233")), "1.5e+1233");
        assert_eq!(
            s(op(BinOp::Div, &f("0x1p-2000"), &ConstValue::Int(3))),
            "2.90327e-603"
        );
        assert_eq!(s(imag_lit("1e400i").unwrap()), "(0 + 1e+400i)");
        let c = op(
            BinOp::Add,
            &ConstValue::Int(1234567),
            &imag_lit("1i").unwrap(),
        );
        assert_eq!(s(c), "(1234567 + 1i)");
        assert_eq!(
            s(op(
                BinOp::Div,
                &op(BinOp::Add, &ConstValue::Int(1), &imag_lit("2i").unwrap()),
                &ConstValue::Int(3)
            )),
            "(0.333333 + 0.666667i)"
        );
        assert_eq!(s(f("1e600000000")), "1e+600000000");
    }

    #[test]
    fn unknown_values_absorb_operations() {
        let u = ConstValue::Unknown;
        assert_eq!(
            binary_op(BinOp::Add, &u, &ConstValue::Int(1), true),
            Ok(u.clone())
        );
        assert_eq!(
            binary_op(BinOp::Div, &ConstValue::Int(1), &u, true),
            Ok(u.clone())
        );
        assert_eq!(unary_op(UnOp::Neg, &u, None), Ok(u.clone()));
        assert_eq!(shift(BinOp::Shl, &u, 3), Ok(u.clone()));
        assert_eq!(u.convert_to(BasicKind::Uint8), Ok(u.clone()));
        assert!(!u.is_zero());
        assert_eq!(u.go_string(), "unknown");
    }

    #[test]
    fn pathological_inputs_stay_cheap() {
        // Beyond the 512-bit float's exponent range: malformed.
        assert_eq!(float_lit("1e1000000000"), None);
        assert_eq!(float_lit("1e99999999999999999999999"), None);
        assert_eq!(float_lit("0x1p-99999999999999999999"), None);
        assert_eq!(float_lit("1e-3000000000"), None);
        assert_eq!(float_lit("0x1p-3000000000"), None);
        assert_eq!(float_lit("1e-700000000"), Some(ConstValue::Float(0.0)));
        // Underflow to zero.
        assert_eq!(float_lit("1e-1000000000"), Some(ConstValue::Float(0.0)));
        let x = f("1e600000000");
        assert_eq!(
            binary_op(BinOp::Mul, &x, &x, false),
            Err(ConstErr::Overflow)
        );
        let q = op(BinOp::Div, &f("1e1000"), &f("1e990"));
        assert_eq!(
            q.convert_to(BasicKind::Float64),
            Ok(ConstValue::Float(1e10))
        );
        // Adding numbers with a huge exponent gap.
        let s = op(BinOp::Add, &x, &ConstValue::Int(1));
        assert_eq!(
            binary_op(BinOp::Gt, &s, &x, false),
            Ok(ConstValue::Bool(false))
        );
        let t = op(BinOp::Add, &f("1e-600000000"), &ConstValue::Int(1));
        assert_eq!(t.convert_to(BasicKind::Float64), Ok(ConstValue::Float(1.0)));
        // Chains of divisions switch to floats instead of growing.
        let mut v = ConstValue::Int(1);
        for k in 0..2000 {
            v = op(BinOp::Div, &v, &ConstValue::Int(3 + (k % 7)));
            v = op(BinOp::Add, &v, &ConstValue::Int(1));
        }
        assert!(v.as_f64().is_some());
        assert_eq!(
            shift(BinOp::Shl, &ConstValue::Int(1), 1_000_000),
            Err(ConstErr::Overflow)
        );
    }
}
