//! Packages strings (incl. Builder, Replacer), strconv, unicode, unicode/utf8 over the pure
//! implementations in `crate::stdlib`.

use super::{bytes_of, native_cell, new_error, ptr, slice_items, string_slice, Entry, R};
use crate::stdlib::{strconv as sc, strings as ss, unicode as su, utf8 as su8};
use crate::vm::value::{Iface, Pointer, SlotKind, Value, AGG};
use crate::vm::{Trap, Vm};
use std::sync::Arc;

macro_rules! nf {
    (|$a:ident| $e:expr) => {{
        fn f(_vm: &mut Vm<'_>, $a: &[Value]) -> R {
            Ok(vec![$e])
        }
        f
    }};
    (|$vm:ident, $a:ident| $e:expr) => {{
        fn f($vm: &mut Vm<'_>, $a: &[Value]) -> R {
            $e
        }
        f
    }};
}

fn s(v: &Value) -> &[u8] {
    v.as_str()
}
fn st(b: impl Into<Vec<u8>>) -> Value {
    Value::from_bytes(b.into())
}
fn b(x: bool) -> Value {
    Value::from_bool(x)
}
fn i(x: i64) -> Value {
    Value::Int(x)
}
fn r(v: &Value) -> su8::Rune {
    v.int() as su8::Rune
}

/// Run a Go `func(rune) bool` for the pure implementations, remembering a trap.
fn pred<'v, 'g>(
    vm: &'v mut Vm<'g>,
    f: &'v Value,
    trap: &'v mut Option<Trap>,
) -> impl FnMut(su8::Rune) -> bool + use<'v, 'g>
where
    'g: 'v,
{
    move |c| {
        if trap.is_some() {
            return false;
        }
        match vm.call_value(f, &[Value::Int(c as i64)]) {
            Ok(r) => r.first().is_some_and(|x| x.truthy()),
            Err(t) => {
                *trap = Some(t);
                false
            }
        }
    }
}

macro_rules! with_pred {
    ($vm:ident, $f:expr, |$p:ident| $body:expr) => {{
        let mut trap = None;
        let res = {
            let $p = pred($vm, $f, &mut trap);
            $body
        };
        if let Some(t) = trap {
            return Err(t);
        }
        res
    }};
}

pub const TABLE: &[Entry] = &[
    (
        "strings.Contains",
        nf!(|a| b(ss::contains(s(&a[0]), s(&a[1])))),
    ),
    (
        "strings.ContainsRune",
        nf!(|a| b(ss::contains_rune(s(&a[0]), r(&a[1])))),
    ),
    (
        "strings.ContainsAny",
        nf!(|a| b(ss::contains_any(s(&a[0]), s(&a[1])))),
    ),
    (
        "strings.HasPrefix",
        nf!(|a| b(ss::has_prefix(s(&a[0]), s(&a[1])))),
    ),
    (
        "strings.HasSuffix",
        nf!(|a| b(ss::has_suffix(s(&a[0]), s(&a[1])))),
    ),
    ("strings.Index", nf!(|a| i(ss::index(s(&a[0]), s(&a[1]))))),
    (
        "strings.IndexByte",
        nf!(|a| i(ss::index_byte(s(&a[0]), a[1].int() as u8))),
    ),
    (
        "strings.IndexRune",
        nf!(|a| i(ss::index_rune(s(&a[0]), r(&a[1])))),
    ),
    (
        "strings.IndexAny",
        nf!(|a| i(ss::index_any(s(&a[0]), s(&a[1])))),
    ),
    (
        "strings.LastIndex",
        nf!(|a| i(ss::last_index(s(&a[0]), s(&a[1])))),
    ),
    (
        "strings.LastIndexByte",
        nf!(|a| i(ss::last_index_byte(s(&a[0]), a[1].int() as u8))),
    ),
    (
        "strings.LastIndexAny",
        nf!(|a| i(ss::last_index_any(s(&a[0]), s(&a[1])))),
    ),
    (
        "strings.Split",
        nf!(|a| string_slice(&ss::split(s(&a[0]), s(&a[1])))),
    ),
    (
        "strings.SplitN",
        nf!(|a| string_slice(&ss::split_n(s(&a[0]), s(&a[1]), a[2].int()))),
    ),
    (
        "strings.SplitAfter",
        nf!(|a| string_slice(&ss::split_after(s(&a[0]), s(&a[1])))),
    ),
    (
        "strings.SplitAfterN",
        nf!(|a| string_slice(&ss::split_after_n(s(&a[0]), s(&a[1]), a[2].int()))),
    ),
    (
        "strings.Fields",
        nf!(|a| string_slice(&ss::fields(s(&a[0])))),
    ),
    (
        "strings.Join",
        nf!(|a| {
            let items: Vec<Vec<u8>> = slice_items(&a[0])
                .iter()
                .map(|x| x.as_str().to_vec())
                .collect();
            st(ss::join(&items, s(&a[1])))
        }),
    ),
    (
        "strings.Repeat",
        nf!(|vm, a| match ss::repeat(s(&a[0]), a[1].int()) {
            Ok(x) => Ok(vec![st(x)]),
            Err(m) => Err(super::panic_str(vm, m)),
        }),
    ),
    (
        "strings.Replace",
        nf!(|a| st(ss::replace(s(&a[0]), s(&a[1]), s(&a[2]), a[3].int()))),
    ),
    (
        "strings.ReplaceAll",
        nf!(|a| st(ss::replace_all(s(&a[0]), s(&a[1]), s(&a[2])))),
    ),
    ("strings.ToUpper", nf!(|a| st(ss::to_upper(s(&a[0]))))),
    ("strings.ToLower", nf!(|a| st(ss::to_lower(s(&a[0]))))),
    ("strings.ToTitle", nf!(|a| st(ss::to_title(s(&a[0]))))),
    ("strings.Title", nf!(|a| st(ss::title(s(&a[0]))))),
    ("strings.TrimSpace", nf!(|a| st(ss::trim_space(s(&a[0]))))),
    ("strings.Trim", nf!(|a| st(ss::trim(s(&a[0]), s(&a[1]))))),
    (
        "strings.TrimLeft",
        nf!(|a| st(ss::trim_left(s(&a[0]), s(&a[1])))),
    ),
    (
        "strings.TrimRight",
        nf!(|a| st(ss::trim_right(s(&a[0]), s(&a[1])))),
    ),
    (
        "strings.TrimPrefix",
        nf!(|a| st(ss::trim_prefix(s(&a[0]), s(&a[1])))),
    ),
    (
        "strings.TrimSuffix",
        nf!(|a| st(ss::trim_suffix(s(&a[0]), s(&a[1])))),
    ),
    ("strings.Count", nf!(|a| i(ss::count(s(&a[0]), s(&a[1]))))),
    (
        "strings.EqualFold",
        nf!(|a| b(ss::equal_fold(s(&a[0]), s(&a[1])))),
    ),
    (
        "strings.Compare",
        nf!(|a| i(ss::compare(s(&a[0]), s(&a[1])))),
    ),
    ("strings.Clone", nf!(|a| a[0].clone())),
    (
        "strings.ToValidUTF8",
        nf!(|a| st(ss::to_valid_utf8(s(&a[0]), s(&a[1])))),
    ),
    (
        "strings.Cut",
        nf!(|_vm, a| {
            let (x, y, f) = ss::cut(s(&a[0]), s(&a[1]));
            Ok(vec![st(x), st(y), b(f)])
        }),
    ),
    (
        "strings.CutPrefix",
        nf!(|_vm, a| {
            let (x, f) = ss::cut_prefix(s(&a[0]), s(&a[1]));
            Ok(vec![st(x), b(f)])
        }),
    ),
    (
        "strings.CutSuffix",
        nf!(|_vm, a| {
            let (x, f) = ss::cut_suffix(s(&a[0]), s(&a[1]));
            Ok(vec![st(x), b(f)])
        }),
    ),
    (
        "strings.Map",
        nf!(|vm, a| {
            let f = a[0].clone();
            let mut trap = None;
            let out = ss::map(
                |c| {
                    if trap.is_some() {
                        return -1;
                    }
                    match vm.call_value(&f, &[Value::Int(c as i64)]) {
                        Ok(r) => r.first().map_or(-1, |x| x.int() as su8::Rune),
                        Err(t) => {
                            trap = Some(t);
                            -1
                        }
                    }
                },
                s(&a[1]),
            );
            if let Some(t) = trap {
                return Err(t);
            }
            Ok(vec![st(out)])
        }),
    ),
    (
        "strings.ContainsFunc",
        nf!(
            |vm, a| Ok(vec![b(with_pred!(vm, &a[1], |p| ss::contains_func(
                s(&a[0]),
                p
            )))])
        ),
    ),
    (
        "strings.IndexFunc",
        nf!(|vm, a| Ok(vec![i(with_pred!(vm, &a[1], |p| ss::index_func(
            s(&a[0]),
            p
        )))])),
    ),
    (
        "strings.LastIndexFunc",
        nf!(
            |vm, a| Ok(vec![i(with_pred!(vm, &a[1], |p| ss::last_index_func(
                s(&a[0]),
                p
            )))])
        ),
    ),
    (
        "strings.FieldsFunc",
        nf!(|vm, a| Ok(vec![string_slice(&with_pred!(vm, &a[1], |p| {
            ss::fields_func(s(&a[0]), p)
        }))])),
    ),
    (
        "strings.TrimFunc",
        nf!(|vm, a| Ok(vec![st(with_pred!(vm, &a[1], |p| ss::trim_func(
            s(&a[0]),
            p
        )))])),
    ),
    (
        "strings.TrimLeftFunc",
        nf!(
            |vm, a| Ok(vec![st(with_pred!(vm, &a[1], |p| ss::trim_left_func(
                s(&a[0]),
                p
            )))])
        ),
    ),
    (
        "strings.TrimRightFunc",
        nf!(
            |vm, a| Ok(vec![st(with_pred!(vm, &a[1], |p| ss::trim_right_func(
                s(&a[0]),
                p
            )))])
        ),
    ),
    ("strings.NewReplacer", new_replacer),
    ("strings.(*Replacer).Replace", replacer_replace),
    // Builder
    ("strings.(*Builder).WriteString", sb_write_string),
    ("strings.(*Builder).WriteByte", sb_write_byte),
    ("strings.(*Builder).WriteRune", sb_write_rune),
    ("strings.(*Builder).Write", sb_write),
    ("strings.(*Builder).String", sb_string),
    ("strings.(*Builder).Len", sb_len),
    ("strings.(*Builder).Cap", sb_cap),
    ("strings.(*Builder).Reset", sb_reset),
    ("strings.(*Builder).Grow", sb_grow),
    ("bytes.(*Buffer).WriteString", sb_write_string),
    ("bytes.(*Buffer).WriteByte", sb_write_byte),
    ("bytes.(*Buffer).WriteRune", sb_write_rune),
    ("bytes.(*Buffer).Write", sb_write),
    ("bytes.(*Buffer).String", sb_string),
    ("bytes.(*Buffer).Len", sb_len),
    ("bytes.(*Buffer).Reset", sb_reset),
    ("bytes.(*Buffer).Bytes", buf_bytes),
    ("bytes.(*Buffer).Read", buf_read),
    ("bytes.NewBuffer", nf!(|a| new_buffer(bytes_of(&a[0])))),
    (
        "bytes.NewBufferString",
        nf!(|a| new_buffer(a[0].as_str().to_vec())),
    ),
    // strconv
    ("strconv.Itoa", nf!(|a| st(sc::itoa(a[0].int())))),
    (
        "strconv.Atoi",
        nf!(|_vm, a| match sc::atoi(s(&a[0])) {
            Ok(v) => Ok(vec![i(v), Value::Nil]),
            Err((v, e)) => Ok(vec![i(v), num_error(_vm, &e)]),
        }),
    ),
    (
        "strconv.ParseInt",
        nf!(
            |_vm, a| match sc::parse_int(s(&a[0]), a[1].int(), a[2].int()) {
                Ok(v) => Ok(vec![i(v), Value::Nil]),
                Err((v, e)) => Ok(vec![i(v), num_error(_vm, &e)]),
            }
        ),
    ),
    (
        "strconv.ParseUint",
        nf!(
            |_vm, a| match sc::parse_uint(s(&a[0]), a[1].int(), a[2].int()) {
                Ok(v) => Ok(vec![i(v as i64), Value::Nil]),
                Err((v, e)) => Ok(vec![i(v as i64), num_error(_vm, &e)]),
            }
        ),
    ),
    (
        "strconv.ParseFloat",
        nf!(|_vm, a| match sc::parse_float(s(&a[0]), a[1].int()) {
            Ok(v) => Ok(vec![Value::from_f64(v), Value::Nil]),
            Err((v, e)) => Ok(vec![Value::from_f64(v), num_error(_vm, &e)]),
        }),
    ),
    (
        "strconv.ParseBool",
        nf!(|_vm, a| match sc::parse_bool(s(&a[0])) {
            Ok(v) => Ok(vec![b(v), Value::Nil]),
            Err(e) => Ok(vec![b(false), num_error(_vm, &e)]),
        }),
    ),
    (
        "strconv.FormatInt",
        nf!(|a| st(sc::format_int(a[0].int(), a[1].int() as u32))),
    ),
    (
        "strconv.FormatUint",
        nf!(|a| st(sc::format_uint(a[0].int() as u64, a[1].int() as u32))),
    ),
    (
        "strconv.FormatComplex",
        nf!(|a| {
            let (re, im) = match &a[0] {
                Value::Tuple(t) if t.len() >= 2 => (t[0].float(), t[1].float()),
                _ => (0.0, 0.0),
            };
            st(sc::format_complex(
                re,
                im,
                a[1].int() as u8,
                a[2].int() as i32,
                a[3].int() as u32,
            ))
        }),
    ),
    (
        "strconv.FormatFloat",
        nf!(|a| st(sc::format_float(
            a[0].float(),
            a[1].int() as u8,
            a[2].int() as i32,
            a[3].int() as u32
        ))),
    ),
    (
        "strconv.FormatBool",
        nf!(|a| st(sc::format_bool(a[0].truthy()))),
    ),
    ("strconv.Quote", nf!(|a| st(sc::quote(s(&a[0]))))),
    (
        "strconv.QuoteToASCII",
        nf!(|a| st(sc::quote_to_ascii(s(&a[0])))),
    ),
    ("strconv.QuoteRune", nf!(|a| st(sc::quote_rune(r(&a[0]))))),
    (
        "strconv.Unquote",
        nf!(|_vm, a| match sc::unquote(s(&a[0])) {
            Ok(v) => Ok(vec![st(v), Value::Nil]),
            Err(()) => Ok(vec![st(""), syntax_error()]),
        }),
    ),
    (
        "strconv.(*NumError).Error",
        nf!(|a| {
            match ptr(&a[0]) {
                Some(p) => {
                    let t = p.load(3 | AGG);
                    let t = t.tuple();
                    let mut m = b"strconv.".to_vec();
                    m.extend_from_slice(t[0].as_str());
                    m.extend_from_slice(b": parsing ");
                    m.extend(sc::quote(t[1].as_str()));
                    m.extend_from_slice(b": ");
                    m.extend(super::error_string_msg(match &t[2] {
                        Value::Iface(iv) => &iv.val,
                        v => v,
                    }));
                    st(m)
                }
                None => st(""),
            }
        }),
    ),
    (
        "strconv.(*NumError).Unwrap",
        nf!(|a| match ptr(&a[0]) {
            Some(p) => p.load(3 | AGG).tuple()[2].clone(),
            None => Value::Nil,
        }),
    ),
    (
        "strconv.ErrRange",
        nf!(|a| {
            let _ = a;
            err_range()
        }),
    ),
    (
        "strconv.ErrSyntax",
        nf!(|a| {
            let _ = a;
            syntax_error()
        }),
    ),
    // unicode
    ("unicode.IsLetter", nf!(|a| b(su::is_letter(r(&a[0]))))),
    ("unicode.IsDigit", nf!(|a| b(su::is_digit(r(&a[0]))))),
    ("unicode.IsNumber", nf!(|a| b(su::is_number(r(&a[0]))))),
    ("unicode.IsSpace", nf!(|a| b(su::is_space(r(&a[0]))))),
    ("unicode.IsUpper", nf!(|a| b(su::is_upper(r(&a[0]))))),
    ("unicode.IsLower", nf!(|a| b(su::is_lower(r(&a[0]))))),
    ("unicode.IsTitle", nf!(|a| b(su::is_title(r(&a[0]))))),
    ("unicode.IsPunct", nf!(|a| b(su::is_punct(r(&a[0]))))),
    ("unicode.IsPrint", nf!(|a| b(su::is_print(r(&a[0]))))),
    ("unicode.IsGraphic", nf!(|a| b(su::is_graphic(r(&a[0]))))),
    ("unicode.IsControl", nf!(|a| b(su::is_control(r(&a[0]))))),
    ("unicode.IsMark", nf!(|a| b(su::is_mark(r(&a[0]))))),
    ("unicode.IsSymbol", nf!(|a| b(su::is_symbol(r(&a[0]))))),
    ("unicode.ToUpper", nf!(|a| i(su::to_upper(r(&a[0])) as i64))),
    ("unicode.ToLower", nf!(|a| i(su::to_lower(r(&a[0])) as i64))),
    ("unicode.ToTitle", nf!(|a| i(su::to_title(r(&a[0])) as i64))),
    (
        "unicode.SimpleFold",
        nf!(|a| i(su::simple_fold(r(&a[0])) as i64)),
    ),
    // unicode/utf8
    (
        "unicode/utf8.RuneCountInString",
        nf!(|a| i(su8::rune_count(s(&a[0])) as i64)),
    ),
    (
        "unicode/utf8.RuneCount",
        nf!(|a| i(su8::rune_count(&bytes_of(&a[0])) as i64)),
    ),
    (
        "unicode/utf8.RuneLen",
        nf!(|a| i(su8::rune_len(r(&a[0])) as i64)),
    ),
    (
        "unicode/utf8.ValidString",
        nf!(|a| b(su8::valid_string(s(&a[0])))),
    ),
    (
        "unicode/utf8.Valid",
        nf!(|a| b(su8::valid_string(&bytes_of(&a[0])))),
    ),
    (
        "unicode/utf8.ValidRune",
        nf!(|a| b(su8::valid_rune(r(&a[0])))),
    ),
    (
        "unicode/utf8.RuneStart",
        nf!(|a| b(su8::rune_start(a[0].int() as u8))),
    ),
    (
        "unicode/utf8.FullRune",
        nf!(|a| b(su8::full_rune(&bytes_of(&a[0])))),
    ),
    (
        "unicode/utf8.FullRuneInString",
        nf!(|a| b(su8::full_rune(s(&a[0])))),
    ),
    (
        "unicode/utf8.DecodeRuneInString",
        nf!(|_vm, a| {
            let (c, n) = su8::decode_rune(s(&a[0]));
            Ok(vec![i(c as i64), i(n as i64)])
        }),
    ),
    (
        "unicode/utf8.DecodeRune",
        nf!(|_vm, a| {
            let (c, n) = su8::decode_rune(&bytes_of(&a[0]));
            Ok(vec![i(c as i64), i(n as i64)])
        }),
    ),
    (
        "unicode/utf8.DecodeLastRuneInString",
        nf!(|_vm, a| {
            let (c, n) = su8::decode_last_rune(s(&a[0]));
            Ok(vec![i(c as i64), i(n as i64)])
        }),
    ),
    (
        "unicode/utf8.DecodeLastRune",
        nf!(|_vm, a| {
            let (c, n) = su8::decode_last_rune(&bytes_of(&a[0]));
            Ok(vec![i(c as i64), i(n as i64)])
        }),
    ),
    (
        "unicode/utf8.AppendRune",
        nf!(|a| {
            let mut v = bytes_of(&a[0]);
            su8::encode_rune(&mut v, r(&a[1]));
            super::byte_slice(&v)
        }),
    ),
    (
        "unicode/utf8.EncodeRune",
        nf!(|a| {
            let mut v = Vec::new();
            let n = su8::encode_rune(&mut v, r(&a[1]));
            if let Value::Slice(sl) = &a[0] {
                for (k, x) in v.iter().enumerate().take(sl.len as usize) {
                    sl.set(k, Value::Int(*x as i64));
                }
            }
            i(n as i64)
        }),
    ),
];

// ---------------------------------------------------------------------------------------------
// strconv errors

fn err_range() -> Value {
    static E: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
    E.get_or_init(|| new_error(b"value out of range")).clone()
}
fn syntax_error() -> Value {
    static E: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
    E.get_or_init(|| new_error(b"invalid syntax")).clone()
}

/// A `*strconv.NumError` as an error: without its runtime type in the program, it is an
/// error with the same message that wraps ErrSyntax/ErrRange (errors.Is works).
fn num_error(vm: &Vm<'_>, e: &sc::NumError) -> Value {
    let inner = if e.err_text() == b"value out of range" {
        err_range()
    } else if e.err_text() == b"invalid syntax" {
        syntax_error()
    } else {
        new_error(&e.err_text())
    };
    // With `*strconv.NumError` in the program (the program names the type), a real one.
    if let Some(ty) = vm
        .prog()
        .types
        .iter()
        .position(|t| t.name == "*strconv.NumError")
    {
        let cell = Pointer::new_cell(
            SlotKind::Vals,
            3 | AGG,
            Value::Tuple(
                vec![
                    Value::from_str(e.func),
                    Value::from_bytes(e.num.clone()),
                    inner,
                ]
                .into(),
            ),
        );
        return Value::Iface(Iface::new(ty as u32, Value::Ptr(cell)));
    }
    Value::Iface(Iface::new(
        crate::vm::program::RT_WRAP_ERROR,
        Value::Tuple(vec![Value::from_bytes(e.message()), inner].into()),
    ))
}

// ---------------------------------------------------------------------------------------------
// Replacer

fn new_replacer(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let items: Vec<Vec<u8>> = slice_items(&a[0])
        .iter()
        .map(|x| x.as_str().to_vec())
        .collect();
    let rep = match ss::Replacer::new(&items) {
        Ok(r) => r,
        Err(m) => return Err(super::panic_str(vm, m)),
    };
    let cell = Pointer::new_cell(
        SlotKind::Vals,
        1 | AGG,
        Value::Tuple(vec![Value::Nil].into()),
    );
    let _ = native_cell(&cell, move || rep);
    Ok(vec![Value::Ptr(cell)])
}
fn replacer_replace(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = match ptr(&a[0]) {
        Some(p) => p.clone(),
        None => {
            let e = vm.runtime_error("invalid memory address or nil pointer dereference");
            return Err(super::gopanic(vm, e));
        }
    };
    let rep = native_cell(&p, || {
        ss::Replacer::new::<&[u8]>(&[]).expect("empty replacer")
    });
    Ok(vec![st(rep.replace(s(&a[1])))])
}

// ---------------------------------------------------------------------------------------------
// Builder

pub type Buf = parking_lot::Mutex<Vec<u8>>;

/// The buffer of the `strings.Builder` / `bytes.Buffer` at `p`.
pub fn builder(p: &Pointer) -> Arc<Buf> {
    native_cell(p, || parking_lot::Mutex::new(Vec::new()))
}

fn sb(vm: &mut Vm<'_>, a: &[Value]) -> Result<Arc<Buf>, Trap> {
    match ptr(&a[0]) {
        Some(p) => Ok(builder(p)),
        None => {
            let e = vm.runtime_error("invalid memory address or nil pointer dereference");
            Err(super::gopanic(vm, e))
        }
    }
}
fn sb_write_string(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let x = s(&a[1]);
    sb(vm, a)?.lock().extend_from_slice(x);
    Ok(vec![i(x.len() as i64), Value::Nil])
}
fn sb_write(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let x = bytes_of(&a[1]);
    sb(vm, a)?.lock().extend_from_slice(&x);
    Ok(vec![i(x.len() as i64), Value::Nil])
}
fn sb_write_byte(vm: &mut Vm<'_>, a: &[Value]) -> R {
    sb(vm, a)?.lock().push(a[1].int() as u8);
    Ok(vec![Value::Nil])
}
fn sb_write_rune(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let mut v = Vec::new();
    let n = su8::encode_rune(&mut v, r(&a[1]));
    sb(vm, a)?.lock().extend_from_slice(&v);
    Ok(vec![i(n as i64), Value::Nil])
}
fn sb_string(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    match ptr(&a[0]) {
        Some(p) => Ok(vec![st(builder(p).lock().clone())]),
        None => Ok(vec![st("<nil>")]),
    }
}
fn sb_len(vm: &mut Vm<'_>, a: &[Value]) -> R {
    Ok(vec![i(sb(vm, a)?.lock().len() as i64)])
}
fn sb_cap(vm: &mut Vm<'_>, a: &[Value]) -> R {
    Ok(vec![i(sb(vm, a)?.lock().capacity() as i64)])
}
fn sb_reset(vm: &mut Vm<'_>, a: &[Value]) -> R {
    *sb(vm, a)?.lock() = Vec::new();
    Ok(vec![])
}
fn sb_grow(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let n = a[1].int();
    if n < 0 {
        return Err(super::panic_str(vm, "strings.Builder.Grow: negative count"));
    }
    let buf = sb(vm, a)?;
    let mut g = buf.lock();
    let len = g.len();
    if g.capacity() - len < n as usize {
        let new = 2 * g.capacity() + n as usize;
        g.reserve_exact(new - len);
    }
    Ok(vec![])
}

/// A `*bytes.Buffer` holding `b`.
fn new_buffer(b: Vec<u8>) -> Value {
    let p = Pointer::new_cell(SlotKind::Vals, 1, Value::Nil);
    *builder(&p).lock() = b;
    Value::Ptr(p)
}

/// `b.Bytes()`: the unread contents (a copy: writes through it do not reach the buffer).
fn buf_bytes(vm: &mut Vm<'_>, a: &[Value]) -> R {
    Ok(vec![super::byte_slice(&sb(vm, a)?.lock())])
}

fn buf_read(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let b = sb(vm, a)?;
    let mut b = b.lock();
    let Value::Slice(dst) = &a[1] else {
        return Ok(vec![i(0), Value::Nil]);
    };
    if b.is_empty() {
        b.clear();
        if dst.len == 0 {
            return Ok(vec![i(0), Value::Nil]);
        }
        return Ok(vec![i(0), super::misc::io_eof()]);
    }
    let n = (dst.len as usize).min(b.len());
    for (k, c) in b.drain(..n).enumerate() {
        dst.set(k, Value::Int(c as i64));
    }
    Ok(vec![i(n as i64), Value::Nil])
}
