//! Randomised no-panic checks: every public entry point must return a value (Go's result or
//! error text) for arbitrary input, never a Rust panic.

#![cfg(test)]

use super::fmt::{self, FmtValue};
use super::scan::{self, ScanTarget};
use super::{math, sort, strconv, strings, time, unicode, utf8};
use std::borrow::Cow;

/// xorshift64*, deterministic.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545F4914F6CDD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn bytes(&mut self, alphabet: &[u8], max: usize) -> Vec<u8> {
        let n = self.below(max + 1);
        (0..n)
            .map(|_| alphabet[self.below(alphabet.len())])
            .collect()
    }
    fn float(&mut self) -> f64 {
        match self.below(4) {
            0 => f64::from_bits(self.next()),
            1 => (self.next() as i64 as f64) / 1e6,
            2 => [
                0.0,
                -0.0,
                f64::NAN,
                f64::INFINITY,
                f64::NEG_INFINITY,
                f64::MAX,
                5e-324,
            ][self.below(7)],
            _ => (self.below(2000) as f64 - 1000.0) / 8.0,
        }
    }
}

fn sample_values() -> Vec<FmtValue<'static>> {
    vec![
        FmtValue::int(-7),
        FmtValue::uint(u64::MAX, "uint64"),
        FmtValue::float64(-1.5e300),
        FmtValue::float32(0.1),
        FmtValue::bool(true),
        FmtValue::str(b"h\xffi\xe4\xb8"),
        FmtValue::nil(),
        FmtValue::Complex {
            re: f64::NAN,
            im: -0.0,
            bits: 64,
            ty: Cow::Borrowed("complex64"),
        },
        FmtValue::Bytes {
            v: Cow::Borrowed(b"\x00\xff"),
            ty: Cow::Borrowed("[]uint8"),
            is_slice: true,
            nil: false,
            addr: 1,
        },
        FmtValue::List {
            ty: Cow::Borrowed("[]interface {}"),
            is_slice: true,
            nil: false,
            addr: 2,
            elems: vec![
                FmtValue::int(1),
                FmtValue::NilInterface {
                    ty: Cow::Borrowed("interface {}"),
                },
            ],
        },
        FmtValue::Map {
            ty: Cow::Borrowed("map[interface {}]int"),
            nil: false,
            addr: 3,
            entries: vec![
                (FmtValue::str(b"a"), FmtValue::int(1)),
                (FmtValue::float64(f64::NAN), FmtValue::int(2)),
            ],
        },
        FmtValue::Pointer {
            ty: Cow::Borrowed("*int"),
            addr: 0xc000,
            pointee: None,
        },
        FmtValue::Stringer {
            value: Box::new(FmtValue::int(3)),
            s: Cow::Borrowed(b"three"),
        },
        FmtValue::Methods {
            value: Box::new(FmtValue::int(5)),
            handle: 1,
            error: true,
            string: true,
            go_string: true,
        },
        FmtValue::MethodPanic {
            value: Box::new(FmtValue::int(4)),
            method: Cow::Borrowed("String"),
            panic: Box::new(FmtValue::str(b"boom")),
        },
    ]
}

#[test]
fn fmt_never_panics() {
    let mut rng = Rng(0x9E3779B97F4A7C15);
    let vals = sample_values();
    let alphabet = b"%%%%vdsqxXobeEfFgGtcUpTw#+- 0123456789.*[]\xff\xe4abc!";
    for _ in 0..20000 {
        let format = rng.bytes(alphabet, 24);
        let nargs = rng.below(5);
        let args: Vec<FmtValue> = (0..nargs)
            .map(|_| vals[rng.below(vals.len())].clone())
            .collect();
        let _ = fmt::sprintf(&format, &args);
        let _ = fmt::errorf(&format, &args);
        let _ = fmt::sprint(&args);
        let _ = fmt::sprintln(&args);
    }
    // Huge widths and precisions are Go's %!(BADWIDTH)/%!(BADPREC) or clamped, not a crash.
    let _ = fmt::sprintf(
        b"%99999999999d|%.99999999999f|%*d",
        &[FmtValue::int(1), FmtValue::float64(1.0)],
    );
    let _ = fmt::sprintf(b"%[99999999999999999999]d", &[FmtValue::int(1)]);
}

#[test]
fn scan_never_panics() {
    let mut rng = Rng(99);
    let alphabet = b"0123456789 \n\t%dsvcxqfgtbU+-.eEpPx_\"`()i\xff\xc3\xa9";
    let kinds = [
        ScanTarget::Int(64),
        ScanTarget::Int(8),
        ScanTarget::Uint(16),
        ScanTarget::Float(32),
        ScanTarget::Float(64),
        ScanTarget::Complex(128),
        ScanTarget::String,
        ScanTarget::Bytes,
        ScanTarget::Bool,
        ScanTarget::Other {
            type_string: "*main.T".into(),
            is_pointer: true,
        },
    ];
    for _ in 0..20000 {
        let input = rng.bytes(alphabet, 16);
        let format = rng.bytes(alphabet, 8);
        let targets: Vec<ScanTarget> = (0..rng.below(4))
            .map(|_| kinds[rng.below(kinds.len())].clone())
            .collect();
        let _ = scan::sscan(&input, &targets);
        let _ = scan::sscanln(&input, &targets);
        let _ = scan::sscanf(&input, &format, &targets);
    }
}

#[test]
fn json_never_panics() {
    use super::json::{self, Key, Value};
    let mut rng = Rng(31337);
    let alphabet = b"a<>&\\\"\n\xff\xe2\x80\xa8{}[],: 1";
    for _ in 0..5000 {
        let s = rng.bytes(alphabet, 12);
        let v = Value::Array(vec![
            Value::Str(Cow::Owned(s.clone())),
            Value::Float {
                v: rng.float(),
                bits: [32, 64][rng.below(2)],
            },
            Value::Map(vec![(
                Key::Str(Cow::Owned(s.clone())),
                Value::Bytes(Cow::Owned(s.clone())),
            )]),
            Value::Raw(Cow::Owned(s.clone())),
        ]);
        let _ = json::marshal(&v);
        let _ = json::marshal_indent(&v, b"", b"\t");
        let _ = json::indent_json(&s, b">", b" ");
    }
}

#[test]
fn strconv_never_panics() {
    let mut rng = Rng(12345);
    let alphabet = b"0123456789abcdefxXoObBpPeE_+-.infINFnaNty \xff";
    for _ in 0..20000 {
        let s = rng.bytes(alphabet, 30);
        let base = rng.below(40) as i64 - 2;
        let bits = [0, 1, 8, 16, 32, 64, 65, -1][rng.below(8)];
        let _ = strconv::parse_int(&s, base, bits);
        let _ = strconv::parse_uint(&s, base, bits);
        let _ = strconv::atoi(&s);
        let _ = strconv::parse_float(&s, [32, 64][rng.below(2)]);
        let _ = strconv::parse_bool(&s);
        let _ = strconv::unquote(&s);
        let _ = strconv::quote(&s);
        let f = rng.float();
        let fmtc = b"beEfgGxXz"[rng.below(9)];
        let prec = rng.below(40) as i32 - 2;
        let _ = strconv::format_float(f, fmtc, prec, [32, 64][rng.below(2)]);
        let _ = strconv::format_int(rng.next() as i64, rng.below(40) as u32);
        let r = rng.next() as i32;
        let _ = strconv::quote_rune(r);
        let _ = strconv::quote_rune_to_ascii(r);
    }
    let _ = strconv::format_float(1.0, b'f', 2000, 64);
    let _ = strconv::format_float(5e-324, b'e', 1000, 64);
}

#[test]
fn strings_utf8_unicode_never_panic() {
    let mut rng = Rng(777);
    let alphabet = b"ab \t\n\xc3\xa9\xe4\xb8\x96\xff\x80\xf0\x9f\x98\x80";
    for _ in 0..20000 {
        let s = rng.bytes(alphabet, 20);
        let t = rng.bytes(alphabet, 4);
        let n = rng.below(6) as i64 - 2;
        let _ = strings::index(&s, &t);
        let _ = strings::last_index(&s, &t);
        let _ = strings::index_any(&s, &t);
        let _ = strings::last_index_any(&s, &t);
        let _ = strings::split_n(&s, &t, n);
        let _ = strings::split_after_n(&s, &t, n);
        let _ = strings::replace(&s, &t, b"XY", n);
        let _ = strings::trim(&s, &t);
        let _ = strings::fields(&s);
        let _ = strings::to_upper(&s);
        let _ = strings::to_lower(&s);
        let _ = strings::equal_fold(&s, &t);
        let _ = strings::repeat(&t, n);
        let _ = strings::count(&s, &t);
        let _ = strings::to_valid_utf8(&s, &t);
        let _ = strings::Replacer::new(&[&t[..], b"", b"", b"-"]).map(|r| r.replace(&s));
        let _ = utf8::decode_last_rune(&s);
        let _ = utf8::full_rune(&s);
        let r = rng.next() as i32;
        let _ = strings::index_rune(&s, r);
        let _ = unicode::to_upper(r);
        let _ = unicode::simple_fold(r);
        let _ = unicode::is_print(r);
        let _ = utf8::string_from_rune(rng.next() as i64);
    }
}

#[test]
fn math_sort_time_never_panic() {
    let mut rng = Rng(4242);
    for _ in 0..20000 {
        let (x, y) = (rng.float(), rng.float());
        let _ = math::pow(x, y);
        let _ = math::exp(x);
        let _ = math::log(x);
        let _ = math::sin(x);
        let _ = math::tan(x);
        let _ = math::fmod(x, y);
        let _ = math::ldexp(x, rng.next() as i64);
        let _ = math::cbrt(x);
        let _ = time::duration_string(rng.next() as i64);
        let mut r = || rng.next() as i64 >> (rng.next() % 64);
        let (unix, nsec) = time::date(r(), r(), r(), r(), r(), r(), r(), r());
        let t = time::Time {
            unix,
            nsec: nsec.rem_euclid(1_000_000_000),
            offset: r(),
            zone: b"",
        };
        let _ = time::format(&t, b"Mon Jan _2 15:04:05.000000 MST 2006 Z07:00:00 __2 pm");
        let _ = time::time_string(&t, Some(r()));
        let _ = time::duration_round(r(), r());
        let _ = time::month_string(rng.next() as i64);
    }
    for n in [0usize, 1, 2, 7, 13, 51, 300] {
        let mut v: Vec<u64> = (0..n).map(|_| rng.next() % 5).collect();
        sort::sort_by(&mut v, |a, b| a < b);
        assert!(v.windows(2).all(|w| w[0] <= w[1]));
        // An inconsistent comparator must not crash either (Go's sort tolerates it).
        sort::sort_by(&mut v, |_, _| rng.next().is_multiple_of(2));
        sort::stable_by(&mut v, |a, b| a > b);
        assert!(v.windows(2).all(|w| w[0] >= w[1]));
    }
}
