//! Go's `strconv` over byte strings: float formatting (FormatFloat/AppendFloat, all of Go's
//! verbs), integer formatting and parsing with Go's `*NumError` texts, Quote/Unquote.
//!
//! Float formatting: the decimal digits come from Rust's formatter, which is exact (shortest
//! round-trip digits for `{:e}`, correctly rounded with ties-to-even for `{:.N}`/`{:.Ne}`,
//! like Go's ryu/bigFtoa paths); the layout (`1e+06`, `%g` switch-over, `-0`, `+Inf`) is
//! Go's `formatDigits`/`fmtE`/`fmtF`/`fmtB`/`fmtX`.

use super::unicode;
use super::utf8::{self, Rune};
use std::io::Write as _;

// ---------------------------------------------------------------------------------------------
// Float formatting
// ---------------------------------------------------------------------------------------------

/// Decimal digits `d[0] d[1] ...` with the decimal point before index `dp`
/// (value = 0.d0d1d2... × 10^dp), Go's `decimalSlice`. No digits means zero.
struct Digits<const N: usize> {
    d: [u8; N],
    nd: usize,
    dp: i32,
}

impl<const N: usize> Digits<N> {
    fn new() -> Self {
        Digits {
            d: [0; N],
            nd: 0,
            dp: 0,
        }
    }

    /// Parses Rust's `{:e}`/`{:.Ne}` output `d[.ddd]e[-]x` of a non-negative finite value,
    /// trimming trailing zeros as Go's digit generators do.
    fn parse_exp_str(&mut self, s: &[u8]) {
        self.nd = 0;
        let mut i = 0;
        while i < s.len() && s[i] != b'e' {
            if s[i] != b'.' && self.nd < self.d.len() {
                self.d[self.nd] = s[i];
                self.nd += 1;
            }
            i += 1;
        }
        let mut exp: i32 = 0;
        let mut neg = false;
        i += 1;
        if i < s.len() && s[i] == b'-' {
            neg = true;
            i += 1;
        }
        while i < s.len() {
            exp = exp * 10 + (s[i] - b'0') as i32;
            i += 1;
        }
        if neg {
            exp = -exp;
        }
        while self.nd > 0 && self.d[self.nd - 1] == b'0' {
            self.nd -= 1;
        }
        self.dp = if self.nd == 0 { 0 } else { exp + 1 };
    }
}

/// A small stack buffer implementing `io::Write`, to run Rust's formatter without allocating.
struct StackBuf<const N: usize> {
    b: [u8; N],
    n: usize,
}

impl<const N: usize> std::io::Write for StackBuf<N> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let room = self.b.len() - self.n;
        let k = buf.len().min(room);
        self.b[self.n..self.n + k].copy_from_slice(&buf[..k]);
        self.n += k;
        Ok(k)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Digit buffer sizes: shortest output has at most 17 digits; a fixed precision is capped at
/// 790 digits (a float64 has at most 767 significant decimal digits, the rest are zeros).
const SHORT: usize = 24;
const LONG: usize = 800;

/// Shortest digits that round-trip at the given size.
fn shortest_digits(f: f64, bit_size: u32, out: &mut Digits<SHORT>) {
    // At most 17 digits, a point and "e-324".
    let mut sb = StackBuf { b: [0u8; 32], n: 0 };
    let a = f.abs();
    let _ = if bit_size == 32 {
        write!(sb, "{:e}", a as f32)
    } else {
        write!(sb, "{:e}", a)
    };
    out.parse_exp_str(&sb.b[..sb.n]);
    // Rust's shortest digits can differ from Go's in the last digit when two candidates of
    // that length both round-trip and are equally close (2001599834386887.25 gives ...873
    // where Go's ryuFtoaShortest gives ...872): Go takes the correctly rounded value, ties to
    // even. Use that whenever it round-trips too.
    let n = out.nd;
    if n >= 2 {
        let mut fb = StackBuf { b: [0u8; 40], n: 0 };
        let _ = write!(fb, "{:.*e}", n - 1, a);
        let text = std::str::from_utf8(&fb.b[..fb.n]).unwrap_or("");
        let round_trips = if bit_size == 32 {
            text.parse::<f32>().is_ok_and(|x| x == a as f32)
        } else {
            text.parse::<f64>().is_ok_and(|x| x == a)
        };
        if round_trips {
            let mut alt = Digits::<SHORT>::new();
            alt.parse_exp_str(&fb.b[..fb.n]);
            if alt.nd <= n {
                *out = alt;
            }
        }
    }
}

/// `n` (>= 1) correctly rounded significant digits.
fn fixed_digits(f: f64, n: usize, out: &mut Digits<LONG>) {
    let mut sb = StackBuf {
        b: [0u8; 1100],
        n: 0,
    };
    let n = n.min(790);
    let _ = write!(sb, "{:.*e}", n - 1, f.abs());
    out.parse_exp_str(&sb.b[..sb.n]);
}

/// `strconv.FormatFloat(f, fmt, prec, bitSize)`.
///
/// `fmt` is one of `b e E f g G x X` (anything else gives Go's `%` + fmt); `prec` -1 means the
/// shortest representation that round-trips; `bit_size` is 32 (the value is rounded to
/// float32 first, as Go's conversion does) or 64.
pub fn format_float(f: f64, fmt: u8, prec: i32, bit_size: u32) -> String {
    let mut v = Vec::with_capacity(24);
    append_float(&mut v, f, fmt, prec, bit_size);
    // Only ASCII is ever produced.
    String::from_utf8(v).unwrap_or_default()
}

/// `strconv.AppendFloat`.
pub fn append_float(dst: &mut Vec<u8>, f: f64, fmt: u8, prec: i32, bit_size: u32) {
    let f = if bit_size == 32 { f as f32 as f64 } else { f };
    if f.is_nan() {
        dst.extend_from_slice(b"NaN");
        return;
    }
    if f.is_infinite() {
        dst.extend_from_slice(if f < 0.0 { b"-Inf" } else { b"+Inf" });
        return;
    }
    let neg = f.is_sign_negative();
    match fmt {
        b'b' => return fmt_b(dst, neg, f, bit_size),
        b'x' | b'X' => return fmt_x(dst, f, fmt, prec, neg, bit_size),
        b'e' | b'E' | b'f' | b'g' | b'G' => {}
        _ => {
            dst.push(b'%');
            dst.push(fmt);
            return;
        }
    }
    let mut prec = prec;
    if prec < 0 {
        let mut digs = Digits::<SHORT>::new();
        if f != 0.0 {
            shortest_digits(f, bit_size, &mut digs);
        }
        prec = match fmt {
            b'e' | b'E' => (digs.nd as i32 - 1).max(0),
            b'f' => (digs.nd as i32 - digs.dp).max(0),
            _ => digs.nd as i32,
        };
        format_digits(dst, true, neg, &digs, prec, fmt);
    } else if fmt == b'f' {
        // %f rounds at a fixed position after the decimal point: Rust's `{:.N}` does exactly
        // that (exact, ties-to-even), and the layout is the same as Go's fmtF.
        if neg {
            dst.push(b'-');
        }
        let _ = write!(dst, "{:.*}", prec as usize, f.abs());
    } else {
        let mut n = prec;
        match fmt {
            b'e' | b'E' => n += 1,
            _ => {
                if prec == 0 {
                    prec = 1;
                }
                n = prec;
            }
        }
        let mut digs = Digits::<LONG>::new();
        if f != 0.0 {
            fixed_digits(f, n as usize, &mut digs);
        }
        format_digits(dst, false, neg, &digs, prec, fmt);
    }
}

fn format_digits<const N: usize>(
    dst: &mut Vec<u8>,
    shortest: bool,
    neg: bool,
    digs: &Digits<N>,
    prec: i32,
    fmt: u8,
) {
    match fmt {
        b'e' | b'E' => fmt_e(dst, neg, digs, prec, fmt),
        b'f' => fmt_f(dst, neg, digs, prec),
        _ => {
            let nd = digs.nd as i32;
            let mut eprec = prec;
            if eprec > nd && nd >= digs.dp {
                eprec = nd;
            }
            // %e is used if the exponent from the conversion is less than -4 or greater than
            // or equal to the precision; shortest uses precision 6 for this decision.
            if shortest {
                eprec = 6;
            }
            let exp = digs.dp - 1;
            if exp < -4 || exp >= eprec {
                let p = if prec > nd { nd } else { prec };
                fmt_e(dst, neg, digs, p - 1, fmt + b'e' - b'g');
                return;
            }
            let p = if prec > digs.dp { nd } else { prec };
            fmt_f(dst, neg, digs, (p - digs.dp).max(0));
        }
    }
}

/// `%e`: -d.ddddde±dd
fn fmt_e<const N: usize>(dst: &mut Vec<u8>, neg: bool, d: &Digits<N>, prec: i32, fmt: u8) {
    if neg {
        dst.push(b'-');
    }
    dst.push(if d.nd == 0 { b'0' } else { d.d[0] });
    if prec > 0 {
        dst.push(b'.');
        let mut i = 1;
        let m = (d.nd).min(prec as usize + 1);
        if i < m {
            dst.extend_from_slice(&d.d[i..m]);
            i = m;
        }
        while i <= prec as usize {
            dst.push(b'0');
            i += 1;
        }
    }
    dst.push(fmt);
    let mut exp = d.dp - 1;
    if d.nd == 0 {
        exp = 0;
    }
    if exp < 0 {
        dst.push(b'-');
        exp = -exp;
    } else {
        dst.push(b'+');
    }
    if exp < 10 {
        dst.push(b'0');
        dst.push(exp as u8 + b'0');
    } else if exp < 100 {
        dst.push((exp / 10) as u8 + b'0');
        dst.push((exp % 10) as u8 + b'0');
    } else {
        dst.push((exp / 100) as u8 + b'0');
        dst.push(((exp / 10) % 10) as u8 + b'0');
        dst.push((exp % 10) as u8 + b'0');
    }
}

/// `%f`: -ddddddd.ddddd
fn fmt_f<const N: usize>(dst: &mut Vec<u8>, neg: bool, d: &Digits<N>, prec: i32) {
    if neg {
        dst.push(b'-');
    }
    if d.dp > 0 {
        let m = (d.dp as usize).min(d.nd);
        dst.extend_from_slice(&d.d[..m]);
        for _ in m..d.dp as usize {
            dst.push(b'0');
        }
    } else {
        dst.push(b'0');
    }
    if prec > 0 {
        dst.push(b'.');
        for i in 1..=prec {
            let j = d.dp + i - 1;
            let ch = if j < 0 || j as usize >= d.nd {
                b'0'
            } else {
                d.d[j as usize]
            };
            dst.push(ch);
        }
    }
}

/// Mantissa and binary exponent as Go's genericFtoa computes them (exp already biased).
fn float_bits(f: f64, bit_size: u32) -> (u64, i32, u32) {
    if bit_size == 32 {
        let bits = (f as f32).to_bits();
        let mut exp = ((bits >> 23) & 0xFF) as i32;
        let mut mant = (bits & ((1 << 23) - 1)) as u64;
        if exp == 0 {
            exp += 1;
        } else {
            mant |= 1 << 23;
        }
        (mant, exp - 127, 23)
    } else {
        let bits = f.to_bits();
        let mut exp = ((bits >> 52) & 0x7FF) as i32;
        let mut mant = bits & ((1 << 52) - 1);
        if exp == 0 {
            exp += 1;
        } else {
            mant |= 1 << 52;
        }
        (mant, exp - 1023, 52)
    }
}

/// `%b`: -ddddp±ddd
fn fmt_b(dst: &mut Vec<u8>, neg: bool, f: f64, bit_size: u32) {
    let (mant, exp, mantbits) = float_bits(f, bit_size);
    let exp = exp - mantbits as i32;
    if neg {
        dst.push(b'-');
    }
    let _ = write!(dst, "{}p", mant);
    if exp >= 0 {
        dst.push(b'+');
    }
    let _ = write!(dst, "{}", exp);
}

/// `%x`: -0x1.yyyyyyp±dd or -0x0p+00
fn fmt_x(dst: &mut Vec<u8>, f: f64, fmt: u8, prec: i32, neg: bool, bit_size: u32) {
    let (mut mant, mut exp, mantbits) = float_bits(f, bit_size);
    if mant == 0 {
        exp = 0;
    }
    // Shift digits so the leading 1 (if any) is at bit 1<<60.
    mant <<= 60 - mantbits;
    while mant != 0 && mant & (1 << 60) == 0 {
        mant <<= 1;
        exp -= 1;
    }
    // Round if requested.
    if (0..15).contains(&prec) {
        let shift = (prec * 4) as u32;
        let extra = (mant << shift) & ((1 << 60) - 1);
        mant >>= 60 - shift;
        if extra | (mant & 1) > 1 << 59 {
            mant += 1;
        }
        mant <<= 60 - shift;
        if mant & (1 << 61) != 0 {
            // Wrapped around.
            mant >>= 1;
            exp += 1;
        }
    }
    let hex: &[u8; 16] = if fmt == b'X' {
        b"0123456789ABCDEF"
    } else {
        b"0123456789abcdef"
    };
    if neg {
        dst.push(b'-');
    }
    dst.extend_from_slice(&[b'0', fmt, b'0' + ((mant >> 60) & 1) as u8]);
    mant <<= 4; // remove leading 0 or 1
    if prec < 0 && mant != 0 {
        dst.push(b'.');
        while mant != 0 {
            dst.push(hex[((mant >> 60) & 15) as usize]);
            mant <<= 4;
        }
    } else if prec > 0 {
        dst.push(b'.');
        for _ in 0..prec {
            dst.push(hex[((mant >> 60) & 15) as usize]);
            mant <<= 4;
        }
    }
    dst.push(if fmt == b'X' { b'P' } else { b'p' });
    if exp < 0 {
        dst.push(b'-');
        exp = -exp;
    } else {
        dst.push(b'+');
    }
    if exp < 10 {
        dst.push(b'0');
    }
    let _ = write!(dst, "{}", exp);
}

// ---------------------------------------------------------------------------------------------
// Integer formatting
// ---------------------------------------------------------------------------------------------

const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// `strconv.AppendUint(dst, u, base)`; `base` must be in 2..=36 (Go panics otherwise; here
/// an out-of-range base is clamped into range rather than panicking).
pub fn append_uint(dst: &mut Vec<u8>, mut u: u64, base: u32) {
    let base = base.clamp(2, 36) as u64;
    let mut buf = [0u8; 64];
    let mut i = buf.len();
    if base == 10 {
        while u >= 10 {
            i -= 1;
            buf[i] = b'0' + (u % 10) as u8;
            u /= 10;
        }
    } else {
        while u >= base {
            i -= 1;
            buf[i] = DIGITS[(u % base) as usize];
            u /= base;
        }
    }
    i -= 1;
    buf[i] = DIGITS[u as usize];
    dst.extend_from_slice(&buf[i..]);
}

/// `strconv.AppendInt(dst, i, base)`.
pub fn append_int(dst: &mut Vec<u8>, i: i64, base: u32) {
    if i < 0 {
        dst.push(b'-');
    }
    append_uint(dst, i.unsigned_abs(), base);
}

/// `strconv.FormatInt(i, base)`.
pub fn format_int(i: i64, base: u32) -> Vec<u8> {
    let mut v = Vec::with_capacity(20);
    append_int(&mut v, i, base);
    v
}

/// `strconv.FormatUint(u, base)`.
pub fn format_uint(u: u64, base: u32) -> Vec<u8> {
    let mut v = Vec::with_capacity(20);
    append_uint(&mut v, u, base);
    v
}

/// `strconv.Itoa(i)`.
pub fn itoa(i: i64) -> Vec<u8> {
    format_int(i, 10)
}

/// `strconv.FormatBool(b)`.
pub fn format_bool(b: bool) -> &'static [u8] {
    if b {
        b"true"
    } else {
        b"false"
    }
}

/// `strconv.AppendBool(dst, b)`.
pub fn append_bool(dst: &mut Vec<u8>, b: bool) {
    dst.extend_from_slice(format_bool(b));
}

// ---------------------------------------------------------------------------------------------
// Parsing: Go's *NumError
// ---------------------------------------------------------------------------------------------

/// The `Err` field of Go's `*strconv.NumError`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumErrorKind {
    /// `strconv.ErrSyntax`: "invalid syntax"
    Syntax,
    /// `strconv.ErrRange`: "value out of range"
    Range,
    /// "invalid base N"
    Base(i64),
    /// "invalid bit size N"
    BitSize(i64),
}

/// Go's `*strconv.NumError{Func, Num, Err}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumError {
    /// The failing function: "ParseInt", "ParseUint", "ParseFloat", "ParseBool", "Atoi".
    pub func: &'static str,
    /// The input.
    pub num: Vec<u8>,
    pub err: NumErrorKind,
}

impl NumError {
    fn new(func: &'static str, num: &[u8], err: NumErrorKind) -> Self {
        NumError {
            func,
            num: num.to_vec(),
            err,
        }
    }

    /// The text of `err.Err.Error()` (e.g. "invalid syntax").
    pub fn err_text(&self) -> Vec<u8> {
        match &self.err {
            NumErrorKind::Syntax => b"invalid syntax".to_vec(),
            NumErrorKind::Range => b"value out of range".to_vec(),
            NumErrorKind::Base(b) => format!("invalid base {b}").into_bytes(),
            NumErrorKind::BitSize(b) => format!("invalid bit size {b}").into_bytes(),
        }
    }

    /// `err.Error()`: `strconv.Atoi: parsing "x": invalid syntax`.
    pub fn message(&self) -> Vec<u8> {
        let mut m = Vec::with_capacity(32 + self.num.len());
        m.extend_from_slice(b"strconv.");
        m.extend_from_slice(self.func.as_bytes());
        m.extend_from_slice(b": parsing ");
        m.extend_from_slice(&quote(&self.num));
        m.extend_from_slice(b": ");
        m.extend_from_slice(&self.err_text());
        m
    }
}

#[inline]
fn lower(c: u8) -> u8 {
    c | (b'x' - b'X')
}

/// Go's `underscoreOK`: underscores only between digits or between a base prefix and a digit.
fn underscore_ok(s: &[u8]) -> bool {
    // saw: b'^' start, b'0' digit or prefix, b'_' underscore, b'!' other.
    let mut saw = b'^';
    let mut s = s;
    if !s.is_empty() && (s[0] == b'-' || s[0] == b'+') {
        s = &s[1..];
    }
    let mut i = 0;
    let mut hex = false;
    if s.len() >= 2 && s[0] == b'0' && matches!(lower(s[1]), b'b' | b'o' | b'x') {
        i = 2;
        saw = b'0';
        hex = lower(s[1]) == b'x';
    }
    while i < s.len() {
        let c = s[i];
        if c.is_ascii_digit() || hex && (b'a'..=b'f').contains(&lower(c)) {
            saw = b'0';
        } else if c == b'_' {
            if saw != b'0' {
                return false;
            }
            saw = b'_';
        } else {
            if saw == b'_' {
                return false;
            }
            saw = b'!';
        }
        i += 1;
    }
    saw != b'_'
}

/// `strconv.ParseUint(s, base, bitSize)`. On a range error the value is the clamped maximum,
/// as Go returns it. `bit_size` 0 means int size (64).
pub fn parse_uint(s: &[u8], base: i64, bit_size: i64) -> Result<u64, (u64, NumError)> {
    const FN: &str = "ParseUint";
    let syntax = |s0: &[u8]| (0, NumError::new(FN, s0, NumErrorKind::Syntax));
    if s.is_empty() {
        return Err(syntax(s));
    }
    let base0 = base == 0;
    let s0 = s;
    let mut s = s;
    let mut base = base;
    if base == 0 {
        base = 10;
        if s[0] == b'0' {
            if s.len() >= 3 && lower(s[1]) == b'b' {
                base = 2;
                s = &s[2..];
            } else if s.len() >= 3 && lower(s[1]) == b'o' {
                base = 8;
                s = &s[2..];
            } else if s.len() >= 3 && lower(s[1]) == b'x' {
                base = 16;
                s = &s[2..];
            } else {
                base = 8;
                s = &s[1..];
            }
        }
    } else if !(2..=36).contains(&base) {
        return Err((0, NumError::new(FN, s0, NumErrorKind::Base(base))));
    }
    let bit_size = if bit_size == 0 {
        64
    } else if !(0..=64).contains(&bit_size) {
        return Err((0, NumError::new(FN, s0, NumErrorKind::BitSize(bit_size))));
    } else {
        bit_size
    };
    let cutoff = u64::MAX / base as u64 + 1;
    let max_val = if bit_size == 64 {
        u64::MAX
    } else {
        (1u64 << bit_size) - 1
    };
    let mut underscores = false;
    let mut n: u64 = 0;
    for &c in s {
        let d = if c == b'_' && base0 {
            underscores = true;
            continue;
        } else if c.is_ascii_digit() {
            c - b'0'
        } else if lower(c).is_ascii_lowercase() {
            lower(c) - b'a' + 10
        } else {
            return Err(syntax(s0));
        };
        if d as i64 >= base {
            return Err(syntax(s0));
        }
        if n >= cutoff {
            return Err((max_val, NumError::new(FN, s0, NumErrorKind::Range)));
        }
        n *= base as u64;
        let n1 = n.wrapping_add(d as u64);
        if n1 < n || n1 > max_val {
            return Err((max_val, NumError::new(FN, s0, NumErrorKind::Range)));
        }
        n = n1;
    }
    if underscores && !underscore_ok(s0) {
        return Err(syntax(s0));
    }
    Ok(n)
}

/// `strconv.ParseInt(s, base, bitSize)`. On a range error the value is the clamped bound.
pub fn parse_int(s: &[u8], base: i64, bit_size: i64) -> Result<i64, (i64, NumError)> {
    const FN: &str = "ParseInt";
    if s.is_empty() {
        return Err((0, NumError::new(FN, s, NumErrorKind::Syntax)));
    }
    let s0 = s;
    let mut neg = false;
    let mut s = s;
    if s[0] == b'+' {
        s = &s[1..];
    } else if s[0] == b'-' {
        neg = true;
        s = &s[1..];
    }
    let un = match parse_uint(s, base, bit_size) {
        Ok(u) => u,
        Err((u, e)) if e.err == NumErrorKind::Range => u,
        Err((_, mut e)) => {
            e.func = FN;
            e.num = s0.to_vec();
            return Err((0, e));
        }
    };
    let bit_size = if bit_size == 0 { 64 } else { bit_size };
    let cutoff = 1u64 << (bit_size - 1);
    if !neg && un >= cutoff {
        return Err((
            (cutoff - 1) as i64,
            NumError::new(FN, s0, NumErrorKind::Range),
        ));
    }
    if neg && un > cutoff {
        return Err((
            (cutoff as i64).wrapping_neg(),
            NumError::new(FN, s0, NumErrorKind::Range),
        ));
    }
    let n = un as i64;
    Ok(if neg { n.wrapping_neg() } else { n })
}

/// `strconv.Atoi(s)` (int is 64-bit).
pub fn atoi(s: &[u8]) -> Result<i64, (i64, NumError)> {
    parse_int(s, 10, 0).map_err(|(v, mut e)| {
        e.func = "Atoi";
        (v, e)
    })
}

/// `strconv.ParseBool(str)`.
pub fn parse_bool(s: &[u8]) -> Result<bool, NumError> {
    match s {
        b"1" | b"t" | b"T" | b"true" | b"TRUE" | b"True" => Ok(true),
        b"0" | b"f" | b"F" | b"false" | b"FALSE" | b"False" => Ok(false),
        _ => Err(NumError::new("ParseBool", s, NumErrorKind::Syntax)),
    }
}

/// `strconv.ParseFloat(s, bitSize)`: decimal and hexadecimal (`0x1.8p3`) Go float syntax,
/// underscores per Go's rules, "inf"/"infinity"/"nan" in any case. A value beyond the
/// largest float of the size gives ±Inf with a range error, as Go.
pub fn parse_float(s: &[u8], bit_size: i64) -> Result<f64, (f64, NumError)> {
    const FN: &str = "ParseFloat";
    let syntax = || (0.0, NumError::new(FN, s, NumErrorKind::Syntax));
    let (mut body, neg) = match s.first() {
        Some(b'+') => (&s[1..], false),
        Some(b'-') => (&s[1..], true),
        _ => (s, false),
    };
    let sign = if neg { -1.0 } else { 1.0 };
    // Special values.
    let lc: Vec<u8> = body.iter().map(|c| c.to_ascii_lowercase()).collect();
    if lc == b"inf" || lc == b"infinity" {
        return Ok(sign * f64::INFINITY);
    }
    if lc == b"nan" && body.len() == s.len() {
        return Ok(f64::NAN);
    }
    if body.is_empty() {
        return Err(syntax());
    }
    let bits32 = bit_size == 32;
    let hex = body.len() >= 2 && body[0] == b'0' && lower(body[1]) == b'x';
    let underscores = body.contains(&b'_');
    if underscores && !underscore_ok(s) {
        return Err(syntax());
    }
    let cleaned: Vec<u8>;
    if underscores {
        cleaned = body.iter().copied().filter(|&c| c != b'_').collect();
        body = &cleaned;
    }
    let v = if hex {
        match parse_hex_float(&body[2..], bits32) {
            Some(v) => v,
            None => return Err(syntax()),
        }
    } else {
        if !valid_decimal_float(body) {
            return Err(syntax());
        }
        // Validated ASCII, so from_utf8 cannot fail.
        let t = std::str::from_utf8(body).unwrap_or("x");
        let parsed = if bits32 {
            t.parse::<f32>().map(|x| x as f64)
        } else {
            t.parse::<f64>()
        };
        match parsed {
            Ok(v) => v,
            Err(_) => return Err(syntax()),
        }
    };
    let v = sign * v;
    if v.is_infinite() {
        return Err((v, NumError::new(FN, s, NumErrorKind::Range)));
    }
    Ok(v)
}

/// Go's decimal float grammar (after sign and underscore removal): digits [. digits] [e[±]digits],
/// with at least one mantissa digit and at least one exponent digit if `e` is present.
fn valid_decimal_float(s: &[u8]) -> bool {
    let mut i = 0;
    let mut ndig = 0;
    while i < s.len() && s[i].is_ascii_digit() {
        i += 1;
        ndig += 1;
    }
    if i < s.len() && s[i] == b'.' {
        i += 1;
        while i < s.len() && s[i].is_ascii_digit() {
            i += 1;
            ndig += 1;
        }
    }
    if ndig == 0 {
        return false;
    }
    if i < s.len() && lower(s[i]) == b'e' {
        i += 1;
        if i < s.len() && (s[i] == b'+' || s[i] == b'-') {
            i += 1;
        }
        let st = i;
        while i < s.len() && s[i].is_ascii_digit() {
            i += 1;
        }
        if i == st {
            return false;
        }
    }
    i == s.len()
}

/// Hex mantissa `h[.h]p[±]d` (after "0x"), correctly rounded (ties-to-even) to f64/f32.
fn parse_hex_float(s: &[u8], bits32: bool) -> Option<f64> {
    let mut i = 0;
    let mut mant: u64 = 0;
    let mut exp: i64 = 0;
    let mut sticky = false;
    let mut ndig = 0;
    let mut seen_dot = false;
    while i < s.len() {
        let c = s[i];
        if c == b'.' {
            if seen_dot {
                break;
            }
            seen_dot = true;
            i += 1;
            continue;
        }
        let d = match c {
            b'0'..=b'9' => c - b'0',
            b'a'..=b'f' => c - b'a' + 10,
            b'A'..=b'F' => c - b'A' + 10,
            _ => break,
        };
        ndig += 1;
        if mant >> 60 == 0 {
            mant = (mant << 4) | d as u64;
            if seen_dot {
                exp -= 4;
            }
        } else {
            sticky |= d != 0;
            if !seen_dot {
                exp += 4;
            }
        }
        i += 1;
    }
    if ndig == 0 || i >= s.len() || lower(s[i]) != b'p' {
        return None;
    }
    i += 1;
    let mut eneg = false;
    if i < s.len() && (s[i] == b'+' || s[i] == b'-') {
        eneg = s[i] == b'-';
        i += 1;
    }
    let st = i;
    let mut e: i64 = 0;
    while i < s.len() && s[i].is_ascii_digit() {
        if e < 100_000 {
            e = e * 10 + (s[i] - b'0') as i64;
        }
        i += 1;
    }
    if i == st || i != s.len() {
        return None;
    }
    exp += if eneg { -e } else { e };
    if mant == 0 {
        return Some(0.0);
    }
    // value = mant × 2^exp (+ sticky). Normalise to 64 significant bits.
    let lz = mant.leading_zeros();
    mant <<= lz;
    exp -= lz as i64;
    // Now value = mant × 2^exp with bit 63 set: unbiased exponent of the leading bit.
    let lead = exp + 63;
    let (mbits, emin, emax) = if bits32 {
        (24i64, -126i64, 127i64)
    } else {
        (53, -1022, 1023)
    };
    if lead > emax {
        return Some(f64::INFINITY);
    }
    // Number of mantissa bits kept (fewer for subnormals).
    let keep = if lead < emin {
        mbits - (emin - lead)
    } else {
        mbits
    };
    if keep < 0 {
        return Some(0.0);
    }
    let drop = 64 - keep as u32;
    let (mut m, rest, half) = if drop >= 64 {
        (0u64, mant, 1u64 << 63)
    } else {
        (
            mant >> drop,
            mant & ((1u64 << drop) - 1),
            1u64 << (drop - 1),
        )
    };
    let above = rest > half || (rest == half && (sticky || m & 1 == 1));
    let exact_half = rest == half && !sticky;
    if above || (exact_half && m & 1 == 1) {
        m += 1;
    }
    // m × 2^(exp + drop), exact (m has at most 53 bits and the result is representable or
    // overflows to infinity).
    let v = ldexp(m as f64, exp + drop as i64);
    if bits32 {
        let f = v as f32;
        return Some(f as f64);
    }
    Some(v)
}

/// m × 2^e without intermediate overflow or underflow.
fn ldexp(m: f64, e: i64) -> f64 {
    let mut v = m;
    let mut e = e;
    while e != 0 {
        let step = e.clamp(-1000, 1000);
        // 2^step as an exact normal f64.
        v *= f64::from_bits(((1023 + step) as u64) << 52);
        e -= step;
    }
    v
}

// ---------------------------------------------------------------------------------------------
// Quoting
// ---------------------------------------------------------------------------------------------

const LOWERHEX: &[u8; 16] = b"0123456789abcdef";

/// `strconv.IsPrint` (the same as `unicode.IsPrint`).
pub fn is_print(r: Rune) -> bool {
    unicode::is_print(r)
}

/// `strconv.IsGraphic`.
pub fn is_graphic(r: Rune) -> bool {
    unicode::is_graphic(r)
}

fn append_escaped_rune(
    buf: &mut Vec<u8>,
    r: Rune,
    quote: u8,
    ascii_only: bool,
    graphic_only: bool,
) {
    if r == quote as Rune || r == '\\' as Rune {
        buf.push(b'\\');
        buf.push(r as u8);
        return;
    }
    if ascii_only {
        if r < utf8::RUNE_SELF && is_print(r) {
            buf.push(r as u8);
            return;
        }
    } else if is_print(r) || graphic_only && is_graphic(r) {
        utf8::encode_rune(buf, r);
        return;
    }
    match r {
        0x07 => buf.extend_from_slice(b"\\a"),
        0x08 => buf.extend_from_slice(b"\\b"),
        0x0C => buf.extend_from_slice(b"\\f"),
        0x0A => buf.extend_from_slice(b"\\n"),
        0x0D => buf.extend_from_slice(b"\\r"),
        0x09 => buf.extend_from_slice(b"\\t"),
        0x0B => buf.extend_from_slice(b"\\v"),
        _ => {
            if r < ' ' as Rune || r == 0x7F {
                buf.extend_from_slice(b"\\x");
                buf.push(LOWERHEX[(r as u8 >> 4) as usize]);
                buf.push(LOWERHEX[(r as u8 & 0xF) as usize]);
                return;
            }
            let r = if utf8::valid_rune(r) { r } else { 0xFFFD };
            if r < 0x10000 {
                buf.extend_from_slice(b"\\u");
                for s in (0..=12).rev().step_by(4) {
                    buf.push(LOWERHEX[((r >> s) & 0xF) as usize]);
                }
            } else {
                buf.extend_from_slice(b"\\U");
                for s in (0..=28).rev().step_by(4) {
                    buf.push(LOWERHEX[((r >> s) & 0xF) as usize]);
                }
            }
        }
    }
}

fn append_quoted_with(
    buf: &mut Vec<u8>,
    s: &[u8],
    quote: u8,
    ascii_only: bool,
    graphic_only: bool,
) {
    buf.reserve(s.len() + 2);
    buf.push(quote);
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        // Fast path: printable ASCII that needs no escape.
        if (0x20..0x7F).contains(&c) && c != quote && c != b'\\' {
            buf.push(c);
            i += 1;
            continue;
        }
        let (r, width) = if c < 0x80 {
            (c as Rune, 1)
        } else {
            utf8::decode_rune(&s[i..])
        };
        if width == 1 && r == utf8::RUNE_ERROR {
            buf.extend_from_slice(b"\\x");
            buf.push(LOWERHEX[(c >> 4) as usize]);
            buf.push(LOWERHEX[(c & 0xF) as usize]);
            i += 1;
            continue;
        }
        append_escaped_rune(buf, r, quote, ascii_only, graphic_only);
        i += width;
    }
    buf.push(quote);
}

/// `strconv.AppendQuote`.
pub fn append_quote(dst: &mut Vec<u8>, s: &[u8]) {
    append_quoted_with(dst, s, b'"', false, false);
}

/// `strconv.Quote`: a double-quoted Go string literal, non-printable runes escaped.
pub fn quote(s: &[u8]) -> Vec<u8> {
    let mut v = Vec::with_capacity(s.len() + 2);
    append_quoted_with(&mut v, s, b'"', false, false);
    v
}

/// `strconv.AppendQuoteToASCII`.
pub fn append_quote_to_ascii(dst: &mut Vec<u8>, s: &[u8]) {
    append_quoted_with(dst, s, b'"', true, false);
}

/// `strconv.QuoteToASCII`: like `quote` but every non-ASCII rune escaped.
pub fn quote_to_ascii(s: &[u8]) -> Vec<u8> {
    let mut v = Vec::with_capacity(s.len() + 2);
    append_quote_to_ascii(&mut v, s);
    v
}

/// `strconv.QuoteToGraphic`.
pub fn quote_to_graphic(s: &[u8]) -> Vec<u8> {
    let mut v = Vec::with_capacity(s.len() + 2);
    append_quoted_with(&mut v, s, b'"', false, true);
    v
}

fn append_quoted_rune_with(buf: &mut Vec<u8>, r: Rune, ascii_only: bool, graphic_only: bool) {
    buf.push(b'\'');
    let r = if utf8::valid_rune(r) {
        r
    } else {
        utf8::RUNE_ERROR
    };
    append_escaped_rune(buf, r, b'\'', ascii_only, graphic_only);
    buf.push(b'\'');
}

/// `strconv.AppendQuoteRune`.
pub fn append_quote_rune(dst: &mut Vec<u8>, r: Rune) {
    append_quoted_rune_with(dst, r, false, false);
}

/// `strconv.AppendQuoteRuneToASCII`.
pub fn append_quote_rune_to_ascii(dst: &mut Vec<u8>, r: Rune) {
    append_quoted_rune_with(dst, r, true, false);
}

/// `strconv.QuoteRune`: a single-quoted Go rune literal (invalid runes become '\ufffd'... as
/// Go: the replacement character itself, printed as `'�'`).
pub fn quote_rune(r: Rune) -> Vec<u8> {
    let mut v = Vec::with_capacity(8);
    append_quote_rune(&mut v, r);
    v
}

/// `strconv.QuoteRuneToASCII`.
pub fn quote_rune_to_ascii(r: Rune) -> Vec<u8> {
    let mut v = Vec::with_capacity(12);
    append_quote_rune_to_ascii(&mut v, r);
    v
}

/// `strconv.QuoteRuneToGraphic`.
pub fn quote_rune_to_graphic(r: Rune) -> Vec<u8> {
    let mut v = Vec::with_capacity(8);
    append_quoted_rune_with(&mut v, r, false, true);
    v
}

/// `strconv.CanBackquote`: no control characters other than tab, no backquote, no invalid
/// UTF-8, no U+FEFF.
pub fn can_backquote(s: &[u8]) -> bool {
    let mut i = 0;
    while i < s.len() {
        let (r, wid) = utf8::decode_rune(&s[i..]);
        i += wid;
        if wid > 1 {
            if r == 0xFEFF {
                return false;
            }
            continue;
        }
        if r == utf8::RUNE_ERROR {
            return false;
        }
        if (r < ' ' as Rune && r != '\t' as Rune) || r == '`' as Rune || r == 0x7F {
            return false;
        }
    }
    true
}

fn unhex(c: u8) -> Option<Rune> {
    match c {
        b'0'..=b'9' => Some((c - b'0') as Rune),
        b'a'..=b'f' => Some((c - b'a' + 10) as Rune),
        b'A'..=b'F' => Some((c - b'A' + 10) as Rune),
        _ => None,
    }
}

/// `strconv.UnquoteChar(s, quote)`: decodes the first character or escape of `s`; returns
/// `(value, multibyte, tail)` or `None` for Go's `ErrSyntax`.
pub fn unquote_char(s: &[u8], quote: u8) -> Option<(Rune, bool, &[u8])> {
    let &c = s.first()?;
    if c == quote && (quote == b'\'' || quote == b'"') {
        return None;
    }
    if c >= 0x80 {
        let (r, size) = utf8::decode_rune(s);
        return Some((r, true, &s[size..]));
    }
    if c != b'\\' {
        return Some((c as Rune, false, &s[1..]));
    }
    // Escape.
    if s.len() <= 1 {
        return None;
    }
    let c = s[1];
    let mut s = &s[2..];
    let value: Rune;
    let mut multibyte = false;
    match c {
        b'a' => value = 7,
        b'b' => value = 8,
        b'f' => value = 0xC,
        b'n' => value = 0xA,
        b'r' => value = 0xD,
        b't' => value = 9,
        b'v' => value = 0xB,
        b'x' | b'u' | b'U' => {
            let n = match c {
                b'x' => 2,
                b'u' => 4,
                _ => 8,
            };
            if s.len() < n {
                return None;
            }
            let mut v: Rune = 0;
            for &d in &s[..n] {
                v = (v << 4) | unhex(d)?;
            }
            s = &s[n..];
            if c == b'x' {
                // Single-byte string, possibly not UTF-8.
                return Some((v, false, s));
            }
            if !utf8::valid_rune(v) {
                return None;
            }
            value = v;
            multibyte = true;
        }
        b'0'..=b'7' => {
            let mut v = (c - b'0') as Rune;
            if s.len() < 2 {
                return None;
            }
            for &d in &s[..2] {
                if !(b'0'..=b'7').contains(&d) {
                    return None;
                }
                v = (v << 3) | (d - b'0') as Rune;
            }
            s = &s[2..];
            if v > 255 {
                return None;
            }
            value = v;
        }
        b'\\' => value = '\\' as Rune,
        b'\'' | b'"' => {
            if c != quote {
                return None;
            }
            value = c as Rune;
        }
        _ => return None,
    }
    Some((value, multibyte, s))
}

/// `strconv.QuotedPrefix(s)`: the quoted string literal at the start of `s`.
#[allow(clippy::result_unit_err)]
pub fn quoted_prefix(s: &[u8]) -> Result<&[u8], ()> {
    let (_, rest) = unquote_prefix(s)?;
    Ok(&s[..s.len() - rest.len()])
}

/// `strconv.FormatComplex(c, fmt, prec, bitSize)`: `(re±imi)`; `bit_size` 64 (complex64) or
/// 128.
pub fn format_complex(re: f64, im: f64, fmt: u8, prec: i32, bit_size: u32) -> String {
    let bits = bit_size / 2;
    let mut out = String::with_capacity(32);
    out.push('(');
    out.push_str(&format_float(re, fmt, prec, bits));
    let imag = format_float(im, fmt, prec, bits);
    if !imag.starts_with('+') && !imag.starts_with('-') {
        out.push('+');
    }
    out.push_str(&imag);
    out.push_str("i)");
    out
}

/// `strconv.Unquote(s)`: interprets a double-quoted, back-quoted or single-quoted Go literal.
/// `Err(())` is Go's `strconv.ErrSyntax` ("invalid syntax").
#[allow(clippy::result_unit_err)]
pub fn unquote(s: &[u8]) -> Result<Vec<u8>, ()> {
    let (out, rem) = unquote_prefix(s)?;
    if !rem.is_empty() {
        return Err(());
    }
    Ok(out)
}

/// `strconv.QuotedPrefix`-style split: the unquoted value of the literal at the start of
/// `s`, and the rest of `s` after it (Go's `unquote(in, true)`).
#[allow(clippy::result_unit_err)]
pub fn unquote_prefix(s: &[u8]) -> Result<(Vec<u8>, &[u8]), ()> {
    if s.len() < 2 {
        return Err(());
    }
    let quote = s[0];
    let end = s[1..].iter().position(|&c| c == quote).ok_or(())? + 2;
    match quote {
        b'`' => {
            let body = &s[1..end - 1];
            Ok((
                body.iter().copied().filter(|&c| c != b'\r').collect(),
                &s[end..],
            ))
        }
        b'"' | b'\'' => {
            let lit = &s[..end];
            if !lit.contains(&b'\\') && !lit.contains(&b'\n') {
                let body = &s[1..end - 1];
                let valid = if quote == b'"' {
                    utf8::valid_string(body)
                } else {
                    let (r, n) = utf8::decode_rune(body);
                    !body.is_empty() && n == body.len() && (r != utf8::RUNE_ERROR || n != 1)
                };
                if valid {
                    return Ok((body.to_vec(), &s[end..]));
                }
            }
            let mut buf = Vec::with_capacity(end);
            let mut rest = &s[1..];
            while !rest.is_empty() && rest[0] != quote {
                if rest[0] == b'\n' {
                    return Err(());
                }
                let (r, multibyte, tail) = unquote_char(rest, quote).ok_or(())?;
                rest = tail;
                if r < utf8::RUNE_SELF || !multibyte {
                    buf.push(r as u8);
                } else {
                    utf8::encode_rune(&mut buf, r);
                }
                if quote == b'\'' {
                    break;
                }
            }
            if rest.first() != Some(&quote) {
                return Err(());
            }
            Ok((buf, &rest[1..]))
        }
        _ => Err(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Results of real Go runs: see `gen/strconv_testdata.go`.
    const GOLDEN: &str = include_str!("testdata/strconv.txt");

    fn unhex_str(s: &str) -> Vec<u8> {
        (0..s.len() / 2)
            .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap())
            .collect()
    }

    fn err_msg<T>(r: &Result<T, (T, NumError)>) -> Vec<u8> {
        match r {
            Ok(_) => Vec::new(),
            Err((_, e)) => e.message(),
        }
    }

    #[test]
    fn golden() {
        let mut failures = Vec::new();
        let mut n = 0;
        for line in GOLDEN.lines() {
            let f: Vec<&str> = line.split('|').collect();
            n += 1;
            let ok = match f[0] {
                "ftoa" => {
                    let v = f64::from_bits(u64::from_str_radix(f[1], 16).unwrap());
                    let got = format_float(
                        v,
                        f[2].as_bytes()[0],
                        f[3].parse().unwrap(),
                        f[4].parse().unwrap(),
                    );
                    got == f[5]
                }
                "atof" => {
                    let r = parse_float(&unhex_str(f[1]), f[2].parse().unwrap());
                    let v = match &r {
                        Ok(v) => *v,
                        Err((v, _)) => *v,
                    };
                    let want = f64::from_bits(u64::from_str_radix(f[3], 16).unwrap());
                    (v.to_bits() == want.to_bits() || v.is_nan() && want.is_nan())
                        && err_msg(&r) == unhex_str(f[4])
                }
                "atoi" => {
                    let r = parse_int(
                        f[1].as_bytes(),
                        f[2].parse().unwrap(),
                        f[3].parse().unwrap(),
                    );
                    let v = match &r {
                        Ok(v) | Err((v, _)) => *v,
                    };
                    v.to_string() == f[4] && err_msg(&r) == f[5].as_bytes()
                }
                "atou" => {
                    let r = parse_uint(
                        f[1].as_bytes(),
                        f[2].parse().unwrap(),
                        f[3].parse().unwrap(),
                    );
                    let v = match &r {
                        Ok(v) | Err((v, _)) => *v,
                    };
                    v.to_string() == f[4] && err_msg(&r) == f[5].as_bytes()
                }
                "Atoi" => {
                    let r = atoi(&unhex_str(f[1]));
                    let v = match &r {
                        Ok(v) | Err((v, _)) => *v,
                    };
                    v.to_string() == f[2] && err_msg(&r) == unhex_str(f[3])
                }
                "quote" => {
                    let s = unhex_str(f[1]);
                    quote(&s) == unhex_str(f[2])
                        && quote_to_ascii(&s) == unhex_str(f[3])
                        && quote_to_graphic(&s) == unhex_str(f[4])
                        && can_backquote(&s).to_string() == f[5]
                }
                "qrune" => {
                    let r: Rune = f[1].parse().unwrap();
                    quote_rune(r) == unhex_str(f[2]) && quote_rune_to_ascii(r) == unhex_str(f[3])
                }
                "unquote" => {
                    let r = unquote(&unhex_str(f[1]));
                    let want_ok = f[3] == "true";
                    r.is_ok() == want_ok && r.unwrap_or_default() == unhex_str(f[2])
                }
                _ => panic!("bad golden line {line}"),
            };
            if !ok {
                failures.push(line.to_string());
            }
        }
        assert!(n > 1000);
        if !failures.is_empty() {
            for l in failures.iter().take(40) {
                eprintln!("FAIL {l}");
            }
            panic!("{} of {} golden cases failed", failures.len(), n);
        }
    }

    /// Expected values from a real Go run.
    #[test]
    fn complex_and_quoted_prefix() {
        assert_eq!(format_complex(1.5, -2.0, b'g', -1, 128), "(1.5-2i)");
        assert_eq!(format_complex(1.5, 2.0, b'f', 2, 64), "(1.50+2.00i)");
        assert_eq!(
            format_complex(0.0, 0.0, b'e', 3, 128),
            "(0.000e+00+0.000e+00i)"
        );
        assert_eq!(quoted_prefix(b"\"abc\"def"), Ok(&b"\"abc\""[..]));
        assert_eq!(quoted_prefix(b"`raw`x"), Ok(&b"`raw`"[..]));
        assert_eq!(quoted_prefix(b"'a'b"), Ok(&b"'a'"[..]));
        assert_eq!(quoted_prefix(b"\"unterminated"), Err(()));
        assert_eq!(quoted_prefix(b"abc"), Err(()));
    }

    #[test]
    fn examples() {
        assert_eq!(format_float(1e6, b'g', -1, 64), "1e+06");
        assert_eq!(format_float(0.1, b'g', -1, 32), "0.1");
        assert_eq!(format_float(f64::NAN, b'f', 2, 64), "NaN");
        assert_eq!(
            atoi(b"x").unwrap_err().1.message(),
            b"strconv.Atoi: parsing \"x\": invalid syntax".to_vec()
        );
        assert_eq!(
            parse_int(b"999999999999999999999", 10, 64).unwrap_err().0,
            i64::MAX
        );
        assert_eq!(quote(b"hi\n\xff"), b"\"hi\\n\\xff\"".to_vec());
    }
}
