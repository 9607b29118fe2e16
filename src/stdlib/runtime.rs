//! Text the Go runtime prints itself (not via fmt): the `print`/`println` builtins and the
//! value in `panic: <value>` messages (Go 1.27: floats print like strconv 'g' -1, e.g.
//! `1e+21`, complex as `(1-2i)`).

use super::fmt::FmtValue;
use super::strconv;

/// Go's predeclared type names: values of these types print bare in panics.
fn is_builtin_type(ty: &str) -> bool {
    matches!(
        ty,
        "bool"
            | "int"
            | "int8"
            | "int16"
            | "int32"
            | "int64"
            | "uint"
            | "uint8"
            | "uint16"
            | "uint32"
            | "uint64"
            | "uintptr"
            | "float32"
            | "float64"
            | "complex64"
            | "complex128"
            | "string"
    )
}

/// Appends `v` as the `print`/`println` builtins print a basic value (bool, integers,
/// floats, complex, string). Pointer-like values print their address as `0x...`, nil ones
/// `0x0`. Returns false (appending nothing) for values the builtins cannot print.
pub fn print_value(out: &mut Vec<u8>, v: &FmtValue) -> bool {
    match v {
        FmtValue::Bool { v, .. } => out.extend_from_slice(strconv::format_bool(*v)),
        FmtValue::Int { v, .. } => strconv::append_int(out, *v, 10),
        FmtValue::Uint { v, .. } => strconv::append_uint(out, *v, 10),
        FmtValue::Float { v, bits, .. } => strconv::append_float(out, *v, b'g', -1, *bits),
        FmtValue::Complex { re, im, bits, .. } => append_complex(out, *re, *im, *bits),
        FmtValue::Str { v, .. } => out.extend_from_slice(v),
        FmtValue::Pointer { addr, .. }
        | FmtValue::Chan { addr, .. }
        | FmtValue::Func { addr, .. }
        | FmtValue::Map { addr, .. }
        | FmtValue::List { addr, .. }
        | FmtValue::Bytes { addr, .. } => {
            out.extend_from_slice(b"0x");
            strconv::append_uint(out, *addr as u64, 16);
        }
        _ => return false,
    }
    true
}

/// `strconv.AppendComplex(dst, c, 'g', -1, bits)`: `(re±imi)`.
pub fn append_complex(out: &mut Vec<u8>, re: f64, im: f64, bits: u32) {
    out.push(b'(');
    strconv::append_float(out, re, b'g', -1, bits / 2);
    let start = out.len();
    strconv::append_float(out, im, b'g', -1, bits / 2);
    // The imaginary part always has a sign.
    if out[start] != b'+' && out[start] != b'-' {
        out.insert(start, b'+');
    }
    out.extend_from_slice(b"i)");
}

/// Go's `printindented`: each newline followed by a tab.
fn append_indented(out: &mut Vec<u8>, s: &[u8]) {
    for &c in s {
        out.push(c);
        if c == b'\n' {
            out.push(b'\t');
        }
    }
}

/// The text after `panic: ` for a panic value, as Go's `printpanicval` (after the runtime
/// replaced an error by its `Error()` text and a Stringer by its `String()` text): basic
/// values print bare, strings with each newline followed by a tab, named basic types as
/// `main.T(5)` / `main.S("x")`, other types as `(main.T) 0xADDR` (`addr` = the VM's data
/// pointer for the value). A nil interface prints `nil`.
pub fn panic_value(out: &mut Vec<u8>, v: &FmtValue, addr: usize) {
    match v {
        FmtValue::Error { msg, .. } => append_indented(out, msg),
        FmtValue::Stringer { s, .. } => append_indented(out, s),
        FmtValue::GoStringer { value, .. }
        | FmtValue::MethodPanic { value, .. }
        | FmtValue::Methods { value, .. } => panic_value(out, value, addr),
        FmtValue::NilInterface { .. } => out.extend_from_slice(b"nil"),
        FmtValue::Str { v, ty } => {
            if is_builtin_type(ty) {
                append_indented(out, v);
            } else {
                out.extend_from_slice(ty.as_bytes());
                out.extend_from_slice(b"(\"");
                append_indented(out, v);
                out.extend_from_slice(b"\")");
            }
        }
        FmtValue::Bool { ty, .. }
        | FmtValue::Int { ty, .. }
        | FmtValue::Uint { ty, .. }
        | FmtValue::Float { ty, .. } => {
            if is_builtin_type(ty) {
                print_value(out, v);
            } else {
                out.extend_from_slice(ty.as_bytes());
                out.push(b'(');
                print_value(out, v);
                out.push(b')');
            }
        }
        FmtValue::Complex { ty, .. } => {
            if !is_builtin_type(ty) {
                out.extend_from_slice(ty.as_bytes());
            }
            print_value(out, v);
        }
        _ => {
            out.push(b'(');
            out.extend_from_slice(v.type_string().as_bytes());
            out.extend_from_slice(b") 0x");
            strconv::append_uint(out, addr as u64, 16);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    fn pv(v: FmtValue) -> String {
        let mut out = Vec::new();
        panic_value(&mut out, &v, 0x4a3348);
        String::from_utf8(out).unwrap()
    }

    /// Expected values from real Go runs (go1.27.3).
    #[test]
    fn panics_and_println() {
        assert_eq!(
            pv(FmtValue::Int {
                v: 5,
                ty: Cow::Borrowed("main.T")
            }),
            "main.T(5)"
        );
        assert_eq!(
            pv(FmtValue::Str {
                v: Cow::Borrowed(b"a\nb"),
                ty: Cow::Borrowed("main.S")
            }),
            "main.S(\"a\n\tb\")"
        );
        assert_eq!(pv(FmtValue::float64(3.5)), "3.5");
        let err = FmtValue::Error {
            value: Box::new(FmtValue::nil()),
            msg: Cow::Borrowed(b"bad\nthing"),
        };
        assert_eq!(pv(err), "bad\n\tthing");
        let st = FmtValue::Stringer {
            value: Box::new(FmtValue::int(1)),
            s: Cow::Borrowed(b"stringer!"),
        };
        assert_eq!(pv(st), "stringer!");
        assert_eq!(pv(FmtValue::str(b"x3y")), "x3y");
        let c = FmtValue::Complex {
            re: 1.0,
            im: 2.0,
            bits: 128,
            ty: Cow::Borrowed("complex128"),
        };
        assert_eq!(pv(c), "(1+2i)");
        let s = FmtValue::Struct {
            ty: Cow::Borrowed("main.St"),
            fields: vec![(Cow::Borrowed("a"), FmtValue::int(1))],
        };
        assert_eq!(pv(s), "(main.St) 0x4a3348");

        let mut out = Vec::new();
        let args = [
            FmtValue::float64(1.5),
            FmtValue::float32(0.1),
            FmtValue::float64(1e21),
            FmtValue::Complex {
                re: 1.0,
                im: -2.0,
                bits: 128,
                ty: Cow::Borrowed("complex128"),
            },
            FmtValue::bool(true),
            FmtValue::int(-3),
            FmtValue::uint(4, "uint8"),
            FmtValue::str(b"s"),
        ];
        for (i, a) in args.iter().enumerate() {
            if i > 0 {
                out.push(b' ');
            }
            assert!(print_value(&mut out, a));
        }
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "1.5 0.1 1e+21 (1-2i) true -3 4 s"
        );
    }
}
