//! Go's `fmt` formatting engine (Printf/Sprint/Sprintln) over a value tree built by the VM.
//!
//! A port of `fmt/print.go` + `fmt/format.go` (Go 1.22+ behaviour): verbs, flags
//! (`+ - # 0 space`), width/precision including `*` and argument indexes `%[n]d`, composite
//! values, `%!verb(type=value)`, `%!d(MISSING)`, `%!(EXTRA ...)`, `%!(BADINDEX)`,
//! `%!(BADWIDTH)`, `%!(NOVERB)`; map keys sorted as `internal/fmtsort` does.
//!
//! # How the VM uses it
//!
//! Convert each operand to a [`FmtValue`] and call [`sprintf`]/[`sprint`]/[`sprintln`] (or the
//! `fprint*` forms that append to an existing buffer). Rules for building values:
//!
//! - `ty` is Go's `reflect.Type.String()` of the dynamic type: `"int"`, `"main.T"`, `"[]uint8"`,
//!   `"map[string]int"`, `"*main.T"`, `"struct { X int }"`, `"interface {}"`. It is printed by
//!   `%T`, `%#v` and the `%!verb(type=value)` error forms. Builtin names can be borrowed
//!   (`Cow::Borrowed("int")`), so printing scalars allocates nothing.
//! - A nil interface (a nil `any`/`error` operand, or an interface-typed struct field / slice
//!   element / map value holding nil) is [`FmtValue::NilInterface`] with the static interface
//!   type (`"interface {}"`, `"error"`; `""` at top level, where it is not printed).
//! - Nil pointers/slices/maps/chans/funcs are their own variant with `addr: 0` / `nil: true`.
//! - Slices and arrays whose element kind is uint8 should be [`FmtValue::Bytes`] (no element
//!   values needed); other slices/arrays are [`FmtValue::List`].
//! - Pointers: give `pointee` (the pointed-to struct/array/slice/map) only for top-level
//!   operands; Go prints `&{1 2}` only at depth 0 and an address (`0xc000012345`) elsewhere,
//!   which also keeps cyclic structures finite. `pointee` is ignored below depth 0.
//! - A value whose type has an `Error() string` method is wrapped in [`FmtValue::Error`] with
//!   the method's result; one with `String() string` (and no Error) in [`FmtValue::Stringer`];
//!   a `GoString() string` result in [`FmtValue::GoStringer`] (used by `%#v`). Go calls
//!   these for the verbs `v s x X q` (not `%#v`) and formats the returned string with the verb;
//!   for other verbs the wrapped value prints normally (so `%d` of a Stringer int prints the
//!   int). Do not wrap values reached through unexported struct fields: Go's reflect cannot
//!   call their methods and prints them raw. If such a call panicked, give
//!   [`FmtValue::MethodPanic`].
//! - Lazy alternative (exact side effects): wrap the value in [`FmtValue::Methods`] with the
//!   VM's handle and which methods exist, and call the `*_with` functions ([`fprintf_with`],
//!   [`fprint_with`], [`fprintln_with`], [`errorf_with`]) with a [`MethodCaller`]; fmt then
//!   calls `Error`/`String`/`GoString` only when and in the order Go does.
//! - Struct fields are `(name, value)`; embedded fields are named by their type name.

use super::strconv;
use super::utf8;
use std::borrow::Cow;
use std::cmp::Ordering;

/// Go type string (`reflect.Type.String()`).
pub type Ty<'a> = Cow<'a, str>;

/// A Go value as fmt sees it (see the module docs for how the VM builds one).
#[derive(Debug, Clone)]
pub enum FmtValue<'a> {
    /// A nil interface value; `ty` is the static interface type for `%#v` (`interface {}(nil)`),
    /// or empty at top level.
    NilInterface {
        ty: Ty<'a>,
    },
    Bool {
        v: bool,
        ty: Ty<'a>,
    },
    /// Signed integer kinds (int, int8..int64, rune).
    Int {
        v: i64,
        ty: Ty<'a>,
    },
    /// Unsigned integer kinds (uint, uint8..uint64, uintptr, byte).
    Uint {
        v: u64,
        ty: Ty<'a>,
    },
    /// float32 (`bits` 32, `v` holds the exact float32 value) or float64 (`bits` 64).
    Float {
        v: f64,
        bits: u32,
        ty: Ty<'a>,
    },
    /// complex64 (`bits` 64) or complex128 (`bits` 128).
    Complex {
        re: f64,
        im: f64,
        bits: u32,
        ty: Ty<'a>,
    },
    Str {
        v: Cow<'a, [u8]>,
        ty: Ty<'a>,
    },
    /// A slice (`is_slice`) or array of a uint8-kind element type. `nil` marks a nil slice;
    /// `addr` is the data pointer for `%p`.
    Bytes {
        v: Cow<'a, [u8]>,
        ty: Ty<'a>,
        is_slice: bool,
        nil: bool,
        addr: usize,
    },
    /// Any other slice (`is_slice`) or array. `nil` marks a nil slice.
    List {
        ty: Ty<'a>,
        is_slice: bool,
        nil: bool,
        addr: usize,
        elems: Vec<FmtValue<'a>>,
    },
    /// A map in any order (the engine sorts the keys as Go's fmtsort does). `nil` marks a nil map.
    Map {
        ty: Ty<'a>,
        nil: bool,
        addr: usize,
        entries: Vec<(FmtValue<'a>, FmtValue<'a>)>,
    },
    Struct {
        ty: Ty<'a>,
        fields: Vec<(Ty<'a>, FmtValue<'a>)>,
    },
    /// A pointer (`addr` 0 = nil). `pointee` only for top-level operands (see module docs).
    Pointer {
        ty: Ty<'a>,
        addr: usize,
        pointee: Option<Box<FmtValue<'a>>>,
    },
    Chan {
        ty: Ty<'a>,
        addr: usize,
    },
    Func {
        ty: Ty<'a>,
        addr: usize,
    },
    /// A value with an `Error() string` method; `msg` is its result.
    Error {
        value: Box<FmtValue<'a>>,
        msg: Cow<'a, [u8]>,
    },
    /// A value with a `String() string` method; `s` is its result.
    Stringer {
        value: Box<FmtValue<'a>>,
        s: Cow<'a, [u8]>,
    },
    /// A value with a `GoString() string` method, used by `%#v`; `s` is its result.
    GoStringer {
        value: Box<FmtValue<'a>>,
        s: Cow<'a, [u8]>,
    },
    /// A value whose `method` ("Error", "String" or "GoString") panicked with `panic` when
    /// the VM called it. Go prints `%!v(PANIC=String method: <panic value>)`, or `<nil>` when
    /// the receiver is a nil pointer (`value` is `Pointer { addr: 0, .. }`).
    MethodPanic {
        value: Box<FmtValue<'a>>,
        method: Ty<'a>,
        panic: Box<FmtValue<'a>>,
    },
    /// Lazy alternative to `Error`/`Stringer`/`GoStringer`: a value whose type has these
    /// methods, called through the [`MethodCaller`] given to the `*_with` functions only when
    /// Go would call them (so side effects and panics happen exactly as in Go). `handle` is
    /// the VM's reference to the receiver. Without a caller the value prints raw.
    Methods {
        value: Box<FmtValue<'a>>,
        handle: usize,
        error: bool,
        string: bool,
        go_string: bool,
    },
}

/// A method fmt may call on a [`FmtValue::Methods`] value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Error,
    String,
    GoString,
}

impl Method {
    /// The method's Go name, as printed in `%!v(PANIC=String method: ...)`.
    pub fn name(self) -> &'static str {
        match self {
            Method::Error => "Error",
            Method::String => "String",
            Method::GoString => "GoString",
        }
    }
}

/// Calls Go methods for the lazy [`FmtValue::Methods`] values (the VM runs the Go code).
pub trait MethodCaller {
    /// Calls `method` on the receiver `handle`: `Ok(result)`, or `Err(panic value)` if the
    /// method panicked (fmt prints `%!v(PANIC=String method: <value>)`, or `<nil>` for a nil
    /// pointer receiver, and the program continues as in Go).
    fn call(&mut self, handle: usize, method: Method) -> Result<Vec<u8>, FmtValue<'static>>;
}

impl<'a> FmtValue<'a> {
    /// `int` value.
    pub fn int(v: i64) -> Self {
        FmtValue::Int {
            v,
            ty: Cow::Borrowed("int"),
        }
    }
    /// `uint8` / `uint` etc. value of the given type.
    pub fn uint(v: u64, ty: &'static str) -> Self {
        FmtValue::Uint {
            v,
            ty: Cow::Borrowed(ty),
        }
    }
    /// `float64` value.
    pub fn float64(v: f64) -> Self {
        FmtValue::Float {
            v,
            bits: 64,
            ty: Cow::Borrowed("float64"),
        }
    }
    /// `float32` value.
    pub fn float32(v: f32) -> Self {
        FmtValue::Float {
            v: v as f64,
            bits: 32,
            ty: Cow::Borrowed("float32"),
        }
    }
    /// `bool` value.
    pub fn bool(v: bool) -> Self {
        FmtValue::Bool {
            v,
            ty: Cow::Borrowed("bool"),
        }
    }
    /// `string` value borrowing its bytes.
    pub fn str(v: &'a [u8]) -> Self {
        FmtValue::Str {
            v: Cow::Borrowed(v),
            ty: Cow::Borrowed("string"),
        }
    }
    /// A nil interface operand (`fmt.Println(nil)`).
    pub fn nil() -> Self {
        FmtValue::NilInterface {
            ty: Cow::Borrowed(""),
        }
    }

    /// The dynamic type string, as `%T` prints it.
    pub fn type_string(&self) -> &str {
        match self {
            FmtValue::NilInterface { .. } => "<nil>",
            FmtValue::Bool { ty, .. }
            | FmtValue::Int { ty, .. }
            | FmtValue::Uint { ty, .. }
            | FmtValue::Float { ty, .. }
            | FmtValue::Complex { ty, .. }
            | FmtValue::Str { ty, .. }
            | FmtValue::Bytes { ty, .. }
            | FmtValue::List { ty, .. }
            | FmtValue::Map { ty, .. }
            | FmtValue::Struct { ty, .. }
            | FmtValue::Pointer { ty, .. }
            | FmtValue::Chan { ty, .. }
            | FmtValue::Func { ty, .. } => ty,
            FmtValue::Error { value, .. }
            | FmtValue::Stringer { value, .. }
            | FmtValue::GoStringer { value, .. }
            | FmtValue::MethodPanic { value, .. }
            | FmtValue::Methods { value, .. } => value.type_string(),
        }
    }

    /// The value without method wrappers.
    fn raw(&self) -> &FmtValue<'a> {
        match self {
            FmtValue::Error { value, .. }
            | FmtValue::Stringer { value, .. }
            | FmtValue::GoStringer { value, .. }
            | FmtValue::MethodPanic { value, .. }
            | FmtValue::Methods { value, .. } => value.raw(),
            v => v,
        }
    }

    /// Whether the dynamic type's kind is string (Go's Sprint spacing rule).
    fn is_string_kind(&self) -> bool {
        matches!(self.raw(), FmtValue::Str { .. })
    }
}

const LDIGITS: &[u8; 17] = b"0123456789abcdefx";
const UDIGITS: &[u8; 17] = b"0123456789ABCDEFX";

#[derive(Clone, Copy, Default)]
struct Flags {
    wid_present: bool,
    prec_present: bool,
    minus: bool,
    plus: bool,
    sharp: bool,
    space: bool,
    zero: bool,
    // %+v and %#v: set instead of plus/sharp for the v verb.
    plus_v: bool,
    sharp_v: bool,
}

/// Go's `pp` + `fmt` state, printing into `buf`.
struct Printer<'o> {
    buf: &'o mut Vec<u8>,
    f: Flags,
    wid: i64,
    prec: i64,
    /// Printing a %!verb(...) error: methods are not called (Go's `p.erroring`).
    erroring: bool,
    /// Errorf: %w accepted for error operands.
    wrap_errs: bool,
    /// Reused buffer for float formatting (allocated on first use).
    scratch: Vec<u8>,
    /// Calls methods of lazy `Methods` values.
    caller: Option<&'o mut dyn MethodCaller>,
}

impl<'o> Printer<'o> {
    fn new(buf: &'o mut Vec<u8>) -> Self {
        Printer {
            buf,
            f: Flags::default(),
            wid: 0,
            prec: 0,
            erroring: false,
            wrap_errs: false,
            scratch: Vec::new(),
            caller: None,
        }
    }

    fn clear_flags(&mut self) {
        self.f = Flags::default();
        self.wid = 0;
        self.prec = 0;
    }

    // ----- format.go -----

    fn write_padding(&mut self, n: i64) {
        if n <= 0 {
            return;
        }
        let pad = if self.f.zero && !self.f.minus {
            b'0'
        } else {
            b' '
        };
        self.buf.resize(self.buf.len() + n as usize, pad);
    }

    /// Appends `b` padded to the width (width counted in runes).
    fn pad(&mut self, b: &[u8]) {
        if !self.f.wid_present || self.wid == 0 {
            self.buf.extend_from_slice(b);
            return;
        }
        let width = self.wid - utf8::rune_count(b) as i64;
        if !self.f.minus {
            self.write_padding(width);
            self.buf.extend_from_slice(b);
        } else {
            self.buf.extend_from_slice(b);
            self.write_padding(width);
        }
    }

    fn fmt_boolean(&mut self, v: bool) {
        self.pad(if v { b"true" } else { b"false" });
    }

    /// `fmtUnicode`: U+0078 or, with the sharp flag, U+0078 'x'.
    fn fmt_unicode(&mut self, u: u64) {
        let mut prec = 4;
        if self.f.prec_present && self.prec > 4 {
            prec = self.prec;
        }
        let mut out = Vec::with_capacity(24);
        out.extend_from_slice(b"U+");
        let mut hex = [0u8; 16];
        let mut i = hex.len();
        let mut v = u;
        loop {
            i -= 1;
            hex[i] = UDIGITS[(v & 0xF) as usize];
            v >>= 4;
            if v == 0 {
                break;
            }
        }
        let ndig = (hex.len() - i) as i64;
        out.resize(out.len() + (prec - ndig).max(0) as usize, b'0');
        out.extend_from_slice(&hex[i..]);
        if self.f.sharp && u <= utf8::MAX_RUNE as u64 && strconv::is_print(u as utf8::Rune) {
            out.extend_from_slice(b" '");
            utf8::encode_rune(&mut out, u as utf8::Rune);
            out.push(b'\'');
        }
        let old_zero = self.f.zero;
        self.f.zero = false;
        self.pad(&out);
        self.f.zero = old_zero;
    }

    /// `fmtInteger`: formats signed and unsigned integers.
    fn fmt_integer(&mut self, u: u64, base: u64, is_signed: bool, verb: char, digits: &[u8; 17]) {
        let negative = is_signed && (u as i64) < 0;
        let mut u = if negative {
            (u as i64).unsigned_abs()
        } else {
            u
        };
        let mut prec: i64 = 0;
        if self.f.prec_present {
            prec = self.prec;
            // Precision of 0 and value of 0 means "print nothing" but padding.
            if prec == 0 && u == 0 {
                let old_zero = self.f.zero;
                self.f.zero = false;
                self.write_padding(self.wid);
                self.f.zero = old_zero;
                return;
            }
        } else if self.f.zero && !self.f.minus && self.f.wid_present {
            prec = self.wid;
            if negative || self.f.plus || self.f.space {
                prec -= 1; // leave room for sign
            }
        }
        // Digits right-to-left into a stack buffer; large precisions use a heap buffer.
        let mut stack = [0u8; 80];
        let mut heap;
        let need = 6 + prec.max(0) as usize;
        let buf: &mut [u8] = if need + 64 <= stack.len() {
            &mut stack
        } else {
            heap = vec![0u8; need + 64];
            &mut heap
        };
        let mut i = buf.len();
        match base {
            10 => {
                while u >= 10 {
                    i -= 1;
                    buf[i] = b'0' + (u % 10) as u8;
                    u /= 10;
                }
            }
            16 => {
                while u >= 16 {
                    i -= 1;
                    buf[i] = digits[(u & 0xF) as usize];
                    u >>= 4;
                }
            }
            8 => {
                while u >= 8 {
                    i -= 1;
                    buf[i] = b'0' + (u & 7) as u8;
                    u >>= 3;
                }
            }
            _ => {
                while u >= 2 {
                    i -= 1;
                    buf[i] = b'0' + (u & 1) as u8;
                    u >>= 1;
                }
            }
        }
        i -= 1;
        buf[i] = digits[u as usize];
        let len = buf.len();
        while i > 0 && prec > (len - i) as i64 {
            i -= 1;
            buf[i] = b'0';
        }
        if self.f.sharp {
            match base {
                2 => {
                    i -= 2;
                    buf[i] = b'0';
                    buf[i + 1] = b'b';
                }
                8 if buf[i] != b'0' => {
                    i -= 1;
                    buf[i] = b'0';
                }
                16 => {
                    i -= 2;
                    buf[i] = b'0';
                    buf[i + 1] = digits[16];
                }
                _ => {}
            }
        }
        if verb == 'O' {
            i -= 2;
            buf[i] = b'0';
            buf[i + 1] = b'o';
        }
        if negative {
            i -= 1;
            buf[i] = b'-';
        } else if self.f.plus {
            i -= 1;
            buf[i] = b'+';
        } else if self.f.space {
            i -= 1;
            buf[i] = b' ';
        }
        // Zero padding was handled like precision above (or is ignored with a precision).
        let old_zero = self.f.zero;
        self.f.zero = false;
        self.pad(&buf[i..]);
        self.f.zero = old_zero;
    }

    /// `truncate`: the precision limits the number of runes.
    fn truncate<'s>(&self, s: &'s [u8]) -> &'s [u8] {
        if self.f.prec_present {
            let mut n = self.prec;
            for (i, _, _) in utf8::runes(s) {
                n -= 1;
                if n < 0 {
                    return &s[..i];
                }
            }
        }
        s
    }

    fn fmt_s(&mut self, s: &[u8]) {
        let s = self.truncate(s);
        self.pad(s);
    }

    /// `fmtSbx`: hexadecimal encoding of a string or byte slice.
    fn fmt_sbx(&mut self, s: &[u8], digits: &[u8; 17]) {
        let mut length = s.len() as i64;
        if self.f.prec_present && self.prec < length {
            length = self.prec;
        }
        let mut width = 2 * length;
        if width > 0 {
            if self.f.space {
                if self.f.sharp {
                    width *= 2;
                }
                width += length - 1;
            } else if self.f.sharp {
                width += 2;
            }
        } else {
            if self.f.wid_present {
                self.write_padding(self.wid);
            }
            return;
        }
        if self.f.wid_present && self.wid > width && !self.f.minus {
            self.write_padding(self.wid - width);
        }
        if self.f.sharp {
            self.buf.push(b'0');
            self.buf.push(digits[16]);
        }
        for (i, &c) in s[..length as usize].iter().enumerate() {
            if self.f.space && i > 0 {
                self.buf.push(b' ');
                if self.f.sharp {
                    self.buf.push(b'0');
                    self.buf.push(digits[16]);
                }
            }
            self.buf.push(digits[(c >> 4) as usize]);
            self.buf.push(digits[(c & 0xF) as usize]);
        }
        if self.f.wid_present && self.wid > width && self.f.minus {
            self.write_padding(self.wid - width);
        }
    }

    /// `fmtQ`: a double-quoted (or with `#`, back-quoted if possible) Go string literal.
    fn fmt_q(&mut self, s: &[u8]) {
        let s = self.truncate(s);
        if self.f.sharp && strconv::can_backquote(s) {
            let mut q = Vec::with_capacity(s.len() + 2);
            q.push(b'`');
            q.extend_from_slice(s);
            q.push(b'`');
            self.pad(&q);
            return;
        }
        let mut q = Vec::with_capacity(s.len() + 2);
        if self.f.plus {
            strconv::append_quote_to_ascii(&mut q, s);
        } else {
            strconv::append_quote(&mut q, s);
        }
        self.pad(&q);
    }

    /// `fmtC`: the rune as UTF-8 (U+FFFD if out of range).
    fn fmt_c(&mut self, c: u64) {
        let r = if c > utf8::MAX_RUNE as u64 {
            utf8::RUNE_ERROR
        } else {
            c as utf8::Rune
        };
        let mut b = Vec::with_capacity(4);
        utf8::encode_rune(&mut b, r);
        self.pad(&b);
    }

    /// `fmtQc`: a single-quoted Go rune literal.
    fn fmt_qc(&mut self, c: u64) {
        let r = if c > utf8::MAX_RUNE as u64 {
            utf8::RUNE_ERROR
        } else {
            c as utf8::Rune
        };
        let mut b = Vec::with_capacity(12);
        if self.f.plus {
            strconv::append_quote_rune_to_ascii(&mut b, r);
        } else {
            strconv::append_quote_rune(&mut b, r);
        }
        self.pad(&b);
    }

    /// `fmtFloat`: strconv formatting plus sign, `#`, zero-padding and Inf/NaN rules.
    fn fmt_float_raw(&mut self, v: f64, size: u32, verb: u8, prec: i64) {
        let prec = if self.f.prec_present { self.prec } else { prec };
        // Format into the reusable scratch buffer, reserving num[0] for a sign.
        let mut num = std::mem::take(&mut self.scratch);
        num.clear();
        num.push(b'+');
        strconv::append_float(&mut num, v, verb, prec.clamp(-1, 1_000_000) as i32, size);
        self.fmt_float_num(&mut num, verb, prec);
        self.scratch = num;
    }

    /// The sign, `#`, Inf/NaN and zero-padding rules of `fmtFloat` on a formatted number
    /// (`num[0]` is a reserved sign slot).
    fn fmt_float_num(&mut self, num: &mut Vec<u8>, verb: u8, prec: i64) {
        let mut start = 0;
        if num[1] == b'-' || num[1] == b'+' {
            start = 1;
        } else {
            num[0] = b'+';
        }
        if self.f.space && num[start] == b'+' && !self.f.plus {
            num[start] = b' ';
        }
        // Infinities and NaN are not padded with zeros.
        if num[start + 1] == b'I' || num[start + 1] == b'N' {
            let old_zero = self.f.zero;
            self.f.zero = false;
            if num[start + 1] == b'N' && !self.f.space && !self.f.plus {
                start += 1;
            }
            self.pad(&num[start..]);
            self.f.zero = old_zero;
            return;
        }
        // The sharp flag forces printing a decimal point but removes trailing zeros for
        // %e, %f; for %g it keeps them up to the precision.
        if self.f.sharp && verb != b'b' {
            let mut digits: i64 = 0;
            if matches!(verb, b'v' | b'g' | b'G' | b'x') {
                digits = prec;
                if digits == -1 {
                    digits = 6;
                }
            }
            let mut tail = [0u8; 8];
            let mut tail_len = 0;
            let mut has_decimal_point = false;
            let mut saw_nonzero_digit = false;
            let mut i = start + 1;
            while i < num.len() {
                match num[i] {
                    b'.' => has_decimal_point = true,
                    b'p' | b'P' => {
                        tail_len = num.len() - i;
                        tail[..tail_len].copy_from_slice(&num[i..]);
                        num.truncate(i);
                        break;
                    }
                    b'e' | b'E' if verb != b'x' && verb != b'X' => {
                        tail_len = num.len() - i;
                        tail[..tail_len].copy_from_slice(&num[i..]);
                        num.truncate(i);
                        break;
                    }
                    c => {
                        if c != b'0' {
                            saw_nonzero_digit = true;
                        }
                        if saw_nonzero_digit {
                            digits -= 1;
                        }
                    }
                }
                i += 1;
            }
            if !has_decimal_point {
                if num.len() - start == 2 && num[start + 1] == b'0' {
                    digits -= 1;
                }
                num.push(b'.');
            }
            while digits > 0 {
                num.push(b'0');
                digits -= 1;
            }
            num.extend_from_slice(&tail[..tail_len]);
        }
        let num = &num[start..];
        if self.f.plus || num[0] != b'+' {
            // Zero padding goes after the sign.
            if self.f.zero && !self.f.minus && self.f.wid_present && self.wid > num.len() as i64 {
                self.buf.push(num[0]);
                self.write_padding(self.wid - num.len() as i64);
                self.buf.extend_from_slice(&num[1..]);
                return;
            }
            self.pad(num);
            return;
        }
        self.pad(&num[1..]);
    }

    // ----- print.go -----

    fn bad_verb(&mut self, verb: char, arg: &FmtValue) {
        self.erroring = true;
        self.buf.extend_from_slice(b"%!");
        push_char(self.buf, verb);
        self.buf.push(b'(');
        match arg {
            FmtValue::NilInterface { .. } => self.buf.extend_from_slice(b"<nil>"),
            _ => {
                self.buf.extend_from_slice(arg.type_string().as_bytes());
                self.buf.push(b'=');
                self.print_value(arg, 'v', 0);
            }
        }
        self.buf.push(b')');
        self.erroring = false;
    }

    fn fmt_bool(&mut self, v: bool, verb: char, arg: &FmtValue) {
        match verb {
            't' | 'v' => self.fmt_boolean(v),
            _ => self.bad_verb(verb, arg),
        }
    }

    /// `fmt0x64`: hexadecimal with or without a leading 0x.
    fn fmt_0x64(&mut self, v: u64, leading0x: bool) {
        let sharp = self.f.sharp;
        self.f.sharp = leading0x;
        self.fmt_integer(v, 16, false, 'v', LDIGITS);
        self.f.sharp = sharp;
    }

    fn fmt_int(&mut self, v: u64, is_signed: bool, verb: char, arg: &FmtValue) {
        match verb {
            'v' => {
                if self.f.sharp_v && !is_signed {
                    self.fmt_0x64(v, true)
                } else {
                    self.fmt_integer(v, 10, is_signed, verb, LDIGITS)
                }
            }
            'd' => self.fmt_integer(v, 10, is_signed, verb, LDIGITS),
            'b' => self.fmt_integer(v, 2, is_signed, verb, LDIGITS),
            'o' | 'O' => self.fmt_integer(v, 8, is_signed, verb, LDIGITS),
            'x' => self.fmt_integer(v, 16, is_signed, verb, LDIGITS),
            'X' => self.fmt_integer(v, 16, is_signed, verb, UDIGITS),
            'c' => self.fmt_c(v),
            'q' => self.fmt_qc(v),
            'U' => self.fmt_unicode(v),
            _ => self.bad_verb(verb, arg),
        }
    }

    fn fmt_float(&mut self, v: f64, size: u32, verb: char, arg: &FmtValue) {
        match verb {
            'v' => self.fmt_float_raw(v, size, b'g', -1),
            'b' | 'g' | 'G' | 'x' | 'X' => self.fmt_float_raw(v, size, verb as u8, -1),
            'f' | 'e' | 'E' => self.fmt_float_raw(v, size, verb as u8, 6),
            'F' => self.fmt_float_raw(v, size, b'f', 6),
            _ => self.bad_verb(verb, arg),
        }
    }

    fn fmt_complex(&mut self, re: f64, im: f64, size: u32, verb: char, arg: &FmtValue) {
        match verb {
            'v' | 'b' | 'g' | 'G' | 'x' | 'X' | 'f' | 'F' | 'e' | 'E' => {
                let old_plus = self.f.plus;
                self.buf.push(b'(');
                self.fmt_float(re, size / 2, verb, arg);
                // Imaginary part always has a sign.
                self.f.plus = true;
                self.fmt_float(im, size / 2, verb, arg);
                self.buf.extend_from_slice(b"i)");
                self.f.plus = old_plus;
            }
            _ => self.bad_verb(verb, arg),
        }
    }

    fn fmt_string(&mut self, v: &[u8], verb: char, arg: &FmtValue) {
        match verb {
            'v' => {
                if self.f.sharp_v {
                    self.fmt_q(v)
                } else {
                    self.fmt_s(v)
                }
            }
            's' => self.fmt_s(v),
            'x' => self.fmt_sbx(v, LDIGITS),
            'X' => self.fmt_sbx(v, UDIGITS),
            'q' => self.fmt_q(v),
            _ => self.bad_verb(verb, arg),
        }
    }

    fn fmt_bytes(
        &mut self,
        v: &[u8],
        nil: bool,
        verb: char,
        type_string: &str,
        arg: &FmtValue,
        depth: usize,
    ) {
        match verb {
            'v' | 'd' => {
                if self.f.sharp_v {
                    self.buf.extend_from_slice(type_string.as_bytes());
                    if nil {
                        self.buf.extend_from_slice(b"(nil)");
                        return;
                    }
                    self.buf.push(b'{');
                    for (i, &c) in v.iter().enumerate() {
                        if i > 0 {
                            self.buf.extend_from_slice(b", ");
                        }
                        self.fmt_0x64(c as u64, true);
                    }
                    self.buf.push(b'}');
                } else {
                    self.buf.push(b'[');
                    for (i, &c) in v.iter().enumerate() {
                        if i > 0 {
                            self.buf.push(b' ');
                        }
                        self.fmt_integer(c as u64, 10, false, verb, LDIGITS);
                    }
                    self.buf.push(b']');
                }
            }
            's' => self.fmt_s(v),
            'x' => self.fmt_sbx(v, LDIGITS),
            'X' => self.fmt_sbx(v, UDIGITS),
            'q' => self.fmt_q(v),
            _ => {
                // Element-wise, each a uint8.
                self.buf.push(b'[');
                for (i, &c) in v.iter().enumerate() {
                    if i > 0 {
                        self.buf.push(b' ');
                    }
                    let e = FmtValue::Uint {
                        v: c as u64,
                        ty: Cow::Borrowed("uint8"),
                    };
                    self.print_value(&e, verb, depth + 1);
                }
                let _ = arg;
                self.buf.push(b']');
            }
        }
    }

    fn fmt_pointer(&mut self, u: usize, ty: &str, verb: char, arg: &FmtValue) {
        let u = u as u64;
        match verb {
            'v' => {
                if self.f.sharp_v {
                    self.buf.push(b'(');
                    self.buf.extend_from_slice(ty.as_bytes());
                    self.buf.extend_from_slice(b")(");
                    if u == 0 {
                        self.buf.extend_from_slice(b"nil");
                    } else {
                        self.fmt_0x64(u, true);
                    }
                    self.buf.push(b')');
                } else if u == 0 {
                    self.pad(b"<nil>");
                } else {
                    self.fmt_0x64(u, !self.f.sharp);
                }
            }
            'p' => self.fmt_0x64(u, !self.f.sharp),
            'b' | 'o' | 'd' | 'x' | 'X' => self.fmt_int(u, false, verb, arg),
            _ => self.bad_verb(verb, arg),
        }
    }

    /// `handleMethods`: Error()/String()/GoString() results; returns whether handled.
    fn handle_methods(&mut self, arg: &FmtValue, verb: char) -> bool {
        if self.erroring {
            return false;
        }
        let mut verb = verb;
        if verb == 'w' {
            // %w is only valid in Errorf with an error operand.
            let is_error = matches!(
                arg,
                FmtValue::Error { .. } | FmtValue::Methods { error: true, .. }
            ) || matches!(arg, FmtValue::MethodPanic { method, .. } if method == "Error");
            if !self.wrap_errs || !is_error {
                self.bad_verb('w', arg);
                return true;
            }
            verb = 'v';
        }
        if self.f.sharp_v {
            let mut a = arg;
            loop {
                match a {
                    FmtValue::GoStringer { s, .. } => {
                        self.fmt_s(s);
                        return true;
                    }
                    FmtValue::MethodPanic {
                        value,
                        method,
                        panic,
                    } if method == "GoString" => {
                        self.method_panicked(value, method, panic, verb);
                        return true;
                    }
                    FmtValue::Methods {
                        value,
                        handle,
                        go_string,
                        ..
                    } => {
                        if *go_string {
                            return self.call_method(value, *handle, Method::GoString, verb, arg);
                        }
                        return false;
                    }
                    FmtValue::Error { value, .. }
                    | FmtValue::Stringer { value, .. }
                    | FmtValue::MethodPanic { value, .. } => a = value,
                    _ => return false,
                }
            }
        }
        if matches!(verb, 'v' | 's' | 'x' | 'X' | 'q') {
            let mut a = arg;
            // Error takes precedence over String; a GoStringer wrapper may sit outside.
            loop {
                match a {
                    FmtValue::Error { msg, .. } => {
                        self.fmt_string(msg, verb, arg);
                        return true;
                    }
                    FmtValue::Stringer { s, .. } => {
                        self.fmt_string(s, verb, arg);
                        return true;
                    }
                    FmtValue::MethodPanic {
                        value,
                        method,
                        panic,
                    } if method != "GoString" => {
                        self.method_panicked(value, method, panic, verb);
                        return true;
                    }
                    FmtValue::Methods {
                        value,
                        handle,
                        error,
                        string,
                        ..
                    } => {
                        if *error {
                            return self.call_method(value, *handle, Method::Error, verb, arg);
                        }
                        if *string {
                            return self.call_method(value, *handle, Method::String, verb, arg);
                        }
                        return false;
                    }
                    FmtValue::GoStringer { value, .. } | FmtValue::MethodPanic { value, .. } => {
                        a = value
                    }
                    _ => return false,
                }
            }
        }
        false
    }

    /// Calls a method of a lazy `Methods` value; false (print raw) without a caller.
    fn call_method(
        &mut self,
        value: &FmtValue,
        handle: usize,
        m: Method,
        verb: char,
        arg: &FmtValue,
    ) -> bool {
        let Some(caller) = self.caller.as_mut() else {
            return false;
        };
        match caller.call(handle, m) {
            Ok(s) => {
                if m == Method::GoString {
                    self.fmt_s(&s);
                } else {
                    self.fmt_string(&s, verb, arg);
                }
            }
            Err(p) => self.method_panicked(value, m.name(), &p, verb),
        }
        true
    }

    /// `catchPanic`: a method called by fmt panicked.
    fn method_panicked(&mut self, value: &FmtValue, method: &str, panic: &FmtValue, verb: char) {
        if let FmtValue::Pointer { addr: 0, .. } = value.raw() {
            self.buf.extend_from_slice(b"<nil>");
            return;
        }
        let (old_f, old_wid, old_prec) = (self.f, self.wid, self.prec);
        self.clear_flags();
        self.buf.extend_from_slice(b"%!");
        push_char(self.buf, verb);
        self.buf.extend_from_slice(b"(PANIC=");
        self.buf.extend_from_slice(method.as_bytes());
        self.buf.extend_from_slice(b" method: ");
        self.print_value(panic, 'v', 0);
        self.buf.push(b')');
        self.f = old_f;
        self.wid = old_wid;
        self.prec = old_prec;
    }

    /// `printArg` (depth 0) and `printValue` (depth > 0).
    fn print_value(&mut self, arg: &FmtValue, verb: char, depth: usize) {
        if depth == 0 {
            if let FmtValue::NilInterface { .. } = arg {
                match verb {
                    'T' | 'v' => self.pad(b"<nil>"),
                    _ => self.bad_verb(verb, arg),
                }
                return;
            }
            match verb {
                'T' => {
                    let t = arg.type_string().as_bytes().to_vec();
                    self.fmt_s(&t);
                    return;
                }
                'p' => {
                    match arg.raw() {
                        FmtValue::Pointer { addr, .. }
                        | FmtValue::Chan { addr, .. }
                        | FmtValue::Func { addr, .. }
                        | FmtValue::Map { addr, .. }
                        | FmtValue::Bytes {
                            addr,
                            is_slice: true,
                            ..
                        }
                        | FmtValue::List {
                            addr,
                            is_slice: true,
                            ..
                        } => {
                            self.fmt_0x64(*addr as u64, !self.f.sharp);
                        }
                        _ => self.bad_verb(verb, arg),
                    }
                    return;
                }
                _ => {}
            }
        }
        if self.handle_methods(arg, verb) {
            return;
        }
        match arg {
            FmtValue::Error { value, .. }
            | FmtValue::Stringer { value, .. }
            | FmtValue::GoStringer { value, .. }
            | FmtValue::MethodPanic { value, .. }
            | FmtValue::Methods { value, .. } => self.print_raw(value, arg, verb, depth),
            _ => self.print_raw(arg, arg, verb, depth),
        }
    }

    /// The reflect switch of `printValue`. `v` is the unwrapped value, `arg` the operand as
    /// given (for error texts).
    fn print_raw(&mut self, v: &FmtValue, arg: &FmtValue, verb: char, depth: usize) {
        match v {
            FmtValue::Error { value, .. }
            | FmtValue::Stringer { value, .. }
            | FmtValue::GoStringer { value, .. }
            | FmtValue::MethodPanic { value, .. }
            | FmtValue::Methods { value, .. } => self.print_raw(value, arg, verb, depth),
            FmtValue::NilInterface { ty } => {
                if self.f.sharp_v {
                    self.buf.extend_from_slice(ty.as_bytes());
                    self.buf.extend_from_slice(b"(nil)");
                } else {
                    self.buf.extend_from_slice(b"<nil>");
                }
            }
            FmtValue::Bool { v, .. } => self.fmt_bool(*v, verb, arg),
            FmtValue::Int { v, .. } => self.fmt_int(*v as u64, true, verb, arg),
            FmtValue::Uint { v, .. } => self.fmt_int(*v, false, verb, arg),
            FmtValue::Float { v, bits, .. } => self.fmt_float(*v, *bits, verb, arg),
            FmtValue::Complex { re, im, bits, .. } => self.fmt_complex(*re, *im, *bits, verb, arg),
            FmtValue::Str { v, .. } => self.fmt_string(v, verb, arg),
            FmtValue::Bytes { v: b, ty, nil, .. } => {
                // Top-level plain []byte prints its type as "[]byte" for %#v.
                let ts: &str = if depth == 0 && ty == "[]uint8" {
                    "[]byte"
                } else {
                    ty
                };
                self.fmt_bytes(b, *nil, verb, ts, arg, depth);
            }
            FmtValue::List {
                ty,
                is_slice,
                nil,
                elems,
                ..
            } => {
                if self.f.sharp_v {
                    self.buf.extend_from_slice(ty.as_bytes());
                    if *is_slice && *nil {
                        self.buf.extend_from_slice(b"(nil)");
                        return;
                    }
                    self.buf.push(b'{');
                    for (i, e) in elems.iter().enumerate() {
                        if i > 0 {
                            self.buf.extend_from_slice(b", ");
                        }
                        self.print_value(e, verb, depth + 1);
                    }
                    self.buf.push(b'}');
                } else {
                    self.buf.push(b'[');
                    for (i, e) in elems.iter().enumerate() {
                        if i > 0 {
                            self.buf.push(b' ');
                        }
                        self.print_value(e, verb, depth + 1);
                    }
                    self.buf.push(b']');
                }
            }
            FmtValue::Map {
                ty, nil, entries, ..
            } => {
                if self.f.sharp_v {
                    self.buf.extend_from_slice(ty.as_bytes());
                    if *nil {
                        self.buf.extend_from_slice(b"(nil)");
                        return;
                    }
                    self.buf.push(b'{');
                } else {
                    self.buf.extend_from_slice(b"map[");
                }
                let mut order: Vec<usize> = (0..entries.len()).collect();
                order.sort_by(|&a, &b| compare(&entries[a].0, &entries[b].0));
                for (i, &k) in order.iter().enumerate() {
                    if i > 0 {
                        if self.f.sharp_v {
                            self.buf.extend_from_slice(b", ");
                        } else {
                            self.buf.push(b' ');
                        }
                    }
                    self.print_value(&entries[k].0, verb, depth + 1);
                    self.buf.push(b':');
                    self.print_value(&entries[k].1, verb, depth + 1);
                }
                self.buf.push(if self.f.sharp_v { b'}' } else { b']' });
            }
            FmtValue::Struct { ty, fields } => {
                if self.f.sharp_v {
                    self.buf.extend_from_slice(ty.as_bytes());
                }
                self.buf.push(b'{');
                for (i, (name, fv)) in fields.iter().enumerate() {
                    if i > 0 {
                        if self.f.sharp_v {
                            self.buf.extend_from_slice(b", ");
                        } else {
                            self.buf.push(b' ');
                        }
                    }
                    if (self.f.plus_v || self.f.sharp_v) && !name.is_empty() {
                        self.buf.extend_from_slice(name.as_bytes());
                        self.buf.push(b':');
                    }
                    self.print_value(fv, verb, depth + 1);
                }
                self.buf.push(b'}');
            }
            FmtValue::Pointer { ty, addr, pointee } => {
                if depth == 0 && *addr != 0 {
                    if let Some(p) = pointee {
                        if matches!(
                            p.raw(),
                            FmtValue::Struct { .. }
                                | FmtValue::List { .. }
                                | FmtValue::Bytes { .. }
                                | FmtValue::Map { .. }
                        ) {
                            self.buf.push(b'&');
                            self.print_value(p, verb, depth + 1);
                            return;
                        }
                    }
                }
                self.fmt_pointer(*addr, ty, verb, arg);
            }
            FmtValue::Chan { ty, addr } | FmtValue::Func { ty, addr } => {
                self.fmt_pointer(*addr, ty, verb, arg)
            }
        }
    }
}

fn push_char(buf: &mut Vec<u8>, c: char) {
    let mut tmp = [0u8; 4];
    buf.extend_from_slice(c.encode_utf8(&mut tmp).as_bytes());
}

/// `internal/fmtsort.compare`: the order in which fmt prints map keys.
///
/// Exact for keys of one basic kind, structs and arrays of them, pointers and channels (by
/// address). Keys of an interface-typed map holding different dynamic types are ordered by
/// kind (bool, ints, uints, floats, complex, string, ...); Go orders those by the address of
/// their type descriptors, which no interpreter can reproduce.
pub fn compare(a: &FmtValue, b: &FmtValue) -> Ordering {
    let a = a.raw();
    let b = b.raw();
    fn rank(v: &FmtValue) -> u8 {
        match v {
            FmtValue::NilInterface { .. } => 0,
            FmtValue::Bool { .. } => 1,
            FmtValue::Int { .. } => 2,
            FmtValue::Uint { .. } => 3,
            FmtValue::Float { .. } => 4,
            FmtValue::Complex { .. } => 5,
            FmtValue::Str { .. } => 6,
            FmtValue::Pointer { .. } => 7,
            FmtValue::Chan { .. } => 8,
            FmtValue::Struct { .. } => 9,
            FmtValue::List { .. } | FmtValue::Bytes { .. } => 10,
            FmtValue::Map { .. } => 11,
            FmtValue::Func { .. } => 12,
            _ => 13,
        }
    }
    fn float_cmp(a: f64, b: f64) -> Ordering {
        if a.is_nan() {
            return Ordering::Less;
        }
        if b.is_nan() {
            return Ordering::Greater;
        }
        a.partial_cmp(&b).unwrap_or(Ordering::Equal)
    }
    match (a, b) {
        (FmtValue::Bool { v: x, .. }, FmtValue::Bool { v: y, .. }) => x.cmp(y),
        (FmtValue::Int { v: x, .. }, FmtValue::Int { v: y, .. }) => x.cmp(y),
        (FmtValue::Uint { v: x, .. }, FmtValue::Uint { v: y, .. }) => x.cmp(y),
        (FmtValue::Float { v: x, .. }, FmtValue::Float { v: y, .. }) => float_cmp(*x, *y),
        (FmtValue::Complex { re: r1, im: i1, .. }, FmtValue::Complex { re: r2, im: i2, .. }) => {
            float_cmp(*r1, *r2).then_with(|| float_cmp(*i1, *i2))
        }
        (FmtValue::Str { v: x, .. }, FmtValue::Str { v: y, .. }) => x.cmp(y),
        (FmtValue::Pointer { addr: x, .. }, FmtValue::Pointer { addr: y, .. })
        | (FmtValue::Chan { addr: x, .. }, FmtValue::Chan { addr: y, .. }) => x.cmp(y),
        (FmtValue::Struct { fields: x, .. }, FmtValue::Struct { fields: y, .. }) => {
            for (fa, fb) in x.iter().zip(y.iter()) {
                let c = compare(&fa.1, &fb.1);
                if c != Ordering::Equal {
                    return c;
                }
            }
            Ordering::Equal
        }
        (FmtValue::List { elems: x, .. }, FmtValue::List { elems: y, .. }) => {
            for (ea, eb) in x.iter().zip(y.iter()) {
                let c = compare(ea, eb);
                if c != Ordering::Equal {
                    return c;
                }
            }
            Ordering::Equal
        }
        (FmtValue::Bytes { v: x, .. }, FmtValue::Bytes { v: y, .. }) => x.cmp(y),
        _ => rank(a).cmp(&rank(b)),
    }
}

/// `fmt.Sprintf`.
pub fn sprintf(format: &[u8], args: &[FmtValue]) -> Vec<u8> {
    let mut out = Vec::with_capacity(format.len() + 16 * args.len());
    fprintf(&mut out, format, args);
    out
}

/// `fmt.Fprintf` into a byte buffer (append).
pub fn fprintf(out: &mut Vec<u8>, format: &[u8], args: &[FmtValue]) {
    let mut p = Printer::new(out);
    p.do_printf(format, args);
}

/// The message of `fmt.Errorf(format, args...)`: like Sprintf, but `%w` accepts an error
/// operand and prints it as `%v`. (Which operands were wrapped is the VM's business: every
/// `%w` operand that is an error.)
pub fn errorf(format: &[u8], args: &[FmtValue]) -> Vec<u8> {
    let mut out = Vec::with_capacity(format.len() + 16 * args.len());
    let mut p = Printer::new(&mut out);
    p.wrap_errs = true;
    p.do_printf(format, args);
    out
}

/// `fmt.Fprintf` calling the methods of lazy [`FmtValue::Methods`] operands through `caller`.
pub fn fprintf_with(
    out: &mut Vec<u8>,
    format: &[u8],
    args: &[FmtValue],
    caller: &mut dyn MethodCaller,
) {
    let mut p = Printer::new(out);
    p.caller = Some(caller);
    p.do_printf(format, args);
}

/// `fmt.Errorf`'s message, calling methods through `caller`.
pub fn errorf_with(
    out: &mut Vec<u8>,
    format: &[u8],
    args: &[FmtValue],
    caller: &mut dyn MethodCaller,
) {
    let mut p = Printer::new(out);
    p.caller = Some(caller);
    p.wrap_errs = true;
    p.do_printf(format, args);
}

/// `fmt.Fprint`, calling methods through `caller`.
pub fn fprint_with(out: &mut Vec<u8>, args: &[FmtValue], caller: &mut dyn MethodCaller) {
    let mut p = Printer::new(out);
    p.caller = Some(caller);
    p.do_print(args);
}

/// `fmt.Fprintln`, calling methods through `caller`.
pub fn fprintln_with(out: &mut Vec<u8>, args: &[FmtValue], caller: &mut dyn MethodCaller) {
    let mut p = Printer::new(out);
    p.caller = Some(caller);
    p.do_println(args);
}

/// `fmt.Sprint`: operands in their default format; a space between two operands when neither
/// is a string.
pub fn sprint(args: &[FmtValue]) -> Vec<u8> {
    let mut out = Vec::with_capacity(16 * args.len());
    fprint(&mut out, args);
    out
}

/// `fmt.Fprint` into a byte buffer (append).
pub fn fprint(out: &mut Vec<u8>, args: &[FmtValue]) {
    Printer::new(out).do_print(args);
}

/// `fmt.Sprintln`: operands in their default format separated by spaces, then a newline.
pub fn sprintln(args: &[FmtValue]) -> Vec<u8> {
    let mut out = Vec::with_capacity(16 * args.len() + 1);
    fprintln(&mut out, args);
    out
}

/// `fmt.Fprintln` into a byte buffer (append).
pub fn fprintln(out: &mut Vec<u8>, args: &[FmtValue]) {
    Printer::new(out).do_println(args);
}

impl Printer<'_> {
    /// `doPrint`: a space between operands when neither is a string.
    fn do_print(&mut self, args: &[FmtValue]) {
        let mut prev_string = false;
        for (i, a) in args.iter().enumerate() {
            let is_string = a.is_string_kind();
            if i > 0 && !is_string && !prev_string {
                self.buf.push(b' ');
            }
            self.clear_flags();
            self.print_value(a, 'v', 0);
            prev_string = is_string;
        }
    }

    /// `doPrintln`: spaces between operands, then a newline.
    fn do_println(&mut self, args: &[FmtValue]) {
        for (i, a) in args.iter().enumerate() {
            if i > 0 {
                self.buf.push(b' ');
            }
            self.clear_flags();
            self.print_value(a, 'v', 0);
        }
        self.buf.push(b'\n');
    }
}

/// Go's `parsenum`: (number, present, new index); numbers beyond 1e6 report not present.
pub(crate) fn parsenum(s: &[u8], start: usize, end: usize) -> (i64, bool, usize) {
    if start >= end {
        return (0, false, end);
    }
    let mut num: i64 = 0;
    let mut isnum = false;
    let mut i = start;
    while i < end && s[i].is_ascii_digit() {
        if num > 1_000_000 {
            return (0, false, end); // Overflow: Go's tooLarge.
        }
        num = num * 10 + (s[i] - b'0') as i64;
        isnum = true;
        i += 1;
    }
    (num, isnum, i)
}

/// `intFromArg`: the `*` width/precision operand.
fn int_from_arg(args: &[FmtValue], arg_num: usize) -> (i64, bool, usize) {
    let mut new_arg_num = arg_num;
    let mut num = 0;
    let mut is_int = false;
    if arg_num < args.len() {
        match args[arg_num].raw() {
            FmtValue::Int { v, .. } => {
                num = *v;
                is_int = true;
            }
            FmtValue::Uint { v, .. } if (*v as i64) >= 0 => {
                num = *v as i64;
                is_int = true;
            }
            _ => {}
        }
        new_arg_num = arg_num + 1;
        if !(-1_000_000..=1_000_000).contains(&num) {
            num = 0;
            is_int = false;
        }
    }
    (num, is_int, new_arg_num)
}

/// `parseArgNumber`: the bracketed index at `format[0] == '['`, minus one; (index, bytes
/// consumed, ok).
fn parse_arg_number(format: &[u8]) -> (i64, usize, bool) {
    if format.len() < 3 {
        return (0, 1, false);
    }
    for i in 1..format.len() {
        if format[i] == b']' {
            let (width, ok, newi) = parsenum(format, 1, i);
            if !ok || newi != i {
                return (0, i + 1, false);
            }
            return (width - 1, i + 1, true);
        }
    }
    (0, 1, false)
}

impl Printer<'_> {
    /// `argNumber`: (new arg num, new i, found).
    fn arg_number(
        &mut self,
        arg_num: usize,
        format: &[u8],
        i: usize,
        num_args: usize,
        reordered: &mut bool,
        good_arg_num: &mut bool,
    ) -> (usize, usize, bool) {
        if format.len() <= i || format[i] != b'[' {
            return (arg_num, i, false);
        }
        *reordered = true;
        let (index, wid, ok) = parse_arg_number(&format[i..]);
        if ok && 0 <= index && (index as usize) < num_args {
            return (index as usize, i + wid, true);
        }
        *good_arg_num = false;
        (arg_num, i + wid, ok)
    }

    fn do_printf(&mut self, format: &[u8], a: &[FmtValue]) {
        let end = format.len();
        let mut arg_num: usize = 0;
        let mut after_index;
        let mut reordered = false;
        let mut i = 0;
        while i < end {
            let mut good_arg_num = true;
            let lasti = i;
            while i < end && format[i] != b'%' {
                i += 1;
            }
            if i > lasti {
                self.buf.extend_from_slice(&format[lasti..i]);
            }
            if i >= end {
                break;
            }
            // Process one verb.
            i += 1;
            self.clear_flags();
            while i < end {
                match format[i] {
                    b'#' => self.f.sharp = true,
                    b'0' => self.f.zero = true,
                    b'+' => self.f.plus = true,
                    b'-' => self.f.minus = true,
                    b' ' => self.f.space = true,
                    _ => break,
                }
                i += 1;
            }
            // Argument index?
            (arg_num, i, after_index) = self.arg_number(
                arg_num,
                format,
                i,
                a.len(),
                &mut reordered,
                &mut good_arg_num,
            );
            // Width?
            if i < end && format[i] == b'*' {
                i += 1;
                let (w, present, n) = int_from_arg(a, arg_num);
                self.wid = w;
                self.f.wid_present = present;
                arg_num = n;
                if !present {
                    self.buf.extend_from_slice(b"%!(BADWIDTH)");
                }
                if self.wid < 0 {
                    self.wid = -self.wid;
                    self.f.minus = true;
                }
                after_index = false;
            } else {
                let (w, present, ni) = parsenum(format, i, end);
                self.wid = w;
                self.f.wid_present = present;
                i = ni;
                if after_index && present {
                    good_arg_num = false;
                }
            }
            // Precision?
            if i + 1 < end && format[i] == b'.' {
                i += 1;
                if after_index {
                    good_arg_num = false;
                }
                (arg_num, i, after_index) = self.arg_number(
                    arg_num,
                    format,
                    i,
                    a.len(),
                    &mut reordered,
                    &mut good_arg_num,
                );
                if i < end && format[i] == b'*' {
                    i += 1;
                    let (pr, present, n) = int_from_arg(a, arg_num);
                    self.prec = pr;
                    self.f.prec_present = present;
                    arg_num = n;
                    if self.prec < 0 {
                        self.prec = 0;
                        self.f.prec_present = false;
                    }
                    if !self.f.prec_present {
                        self.buf.extend_from_slice(b"%!(BADPREC)");
                    }
                    after_index = false;
                } else {
                    let (pr, present, ni) = parsenum(format, i, end);
                    self.prec = pr;
                    self.f.prec_present = present;
                    i = ni;
                    if !present {
                        self.prec = 0;
                        self.f.prec_present = true;
                    }
                }
            }
            if !after_index {
                (arg_num, i, _) = self.arg_number(
                    arg_num,
                    format,
                    i,
                    a.len(),
                    &mut reordered,
                    &mut good_arg_num,
                );
            }
            if i >= end {
                self.buf.extend_from_slice(b"%!(NOVERB)");
                break;
            }
            let (verb, size) = if format[i] < 0x80 {
                (format[i] as char, 1)
            } else {
                let (r, n) = utf8::decode_rune(&format[i..]);
                (char::from_u32(r as u32).unwrap_or('\u{FFFD}'), n)
            };
            i += size;
            if verb == '%' {
                // Percent does not absorb operands and ignores width and precision.
                self.buf.push(b'%');
            } else if !good_arg_num {
                self.buf.extend_from_slice(b"%!");
                push_char(self.buf, verb);
                self.buf.extend_from_slice(b"(BADINDEX)");
            } else if arg_num >= a.len() {
                self.buf.extend_from_slice(b"%!");
                push_char(self.buf, verb);
                self.buf.extend_from_slice(b"(MISSING)");
            } else {
                if verb == 'v' || verb == 'w' {
                    // Go syntax and struct-field syntax.
                    self.f.sharp_v = self.f.sharp;
                    self.f.sharp = false;
                    self.f.plus_v = self.f.plus;
                    self.f.plus = false;
                }

                self.print_value(&a[arg_num], verb, 0);
                arg_num += 1;
            }
        }
        // Extra arguments, unless the format reordered them.
        if !reordered && arg_num < a.len() {
            self.clear_flags();
            self.buf.extend_from_slice(b"%!(EXTRA ");
            for (k, arg) in a[arg_num..].iter().enumerate() {
                if k > 0 {
                    self.buf.extend_from_slice(b", ");
                }
                if let FmtValue::NilInterface { .. } = arg {
                    self.buf.extend_from_slice(b"<nil>");
                } else {
                    self.buf.extend_from_slice(arg.type_string().as_bytes());
                    self.buf.push(b'=');
                    self.print_value(arg, 'v', 0);
                }
            }
            self.buf.push(b')');
        }
    }
}

#[cfg(test)]
#[allow(clippy::approx_constant, clippy::cloned_ref_to_slice_refs)]
mod tests {
    use super::*;

    /// Results of real Go runs: see `gen/fmt_testdata.go`.
    const GOLDEN: &str = include_str!("testdata/fmt.txt");

    fn b(s: &'static str) -> Ty<'static> {
        Cow::Borrowed(s)
    }
    fn st(s: &'static str) -> FmtValue<'static> {
        FmtValue::str(s.as_bytes())
    }
    fn sv(a: i64, bs: &'static str) -> FmtValue<'static> {
        FmtValue::Struct {
            ty: b("main.S"),
            fields: vec![(b("A"), FmtValue::int(a)), (b("b"), st(bs))],
        }
    }
    fn list(ty: &'static str, elems: Vec<FmtValue<'static>>) -> FmtValue<'static> {
        FmtValue::List {
            ty: b(ty),
            is_slice: ty.starts_with("[]"),
            nil: false,
            addr: 0xc000010000,
            elems,
        }
    }
    fn strv(i: i64) -> FmtValue<'static> {
        FmtValue::Stringer {
            value: Box::new(FmtValue::Int {
                v: i,
                ty: b("main.Str"),
            }),
            s: Cow::Owned(format!("Str({i})").into_bytes()),
        }
    }
    fn bytes(ty: &'static str, v: &'static [u8], is_slice: bool, nil: bool) -> FmtValue<'static> {
        FmtValue::Bytes {
            v: Cow::Borrowed(v),
            ty: b(ty),
            is_slice,
            nil,
            addr: 0xc000010000,
        }
    }

    /// The values of `gen/fmt_testdata.go`, by name.
    fn value(name: &str) -> FmtValue<'static> {
        let f = FmtValue::float64;
        match name {
            "i42" => FmtValue::int(42),
            "ineg" => FmtValue::int(-42),
            "i0" => FmtValue::int(0),
            "i8" => FmtValue::Int {
                v: -5,
                ty: b("int8"),
            },
            "u255" => FmtValue::uint(255, "uint"),
            "u8" => FmtValue::uint(200, "uint8"),
            "r" => FmtValue::Int {
                v: 'x' as i64,
                ty: b("int32"),
            },
            "imin" => FmtValue::Int {
                v: i64::MIN,
                ty: b("int64"),
            },
            "umax" => FmtValue::uint(u64::MAX, "uint64"),
            "f" => f(3.14159),
            "fneg" => f(-2.5),
            "f0" => f(0.0),
            "fbig" => f(1e21),
            "fsmall" => f(1e-7),
            "f32" => FmtValue::float32(0.1),
            "nan" => f(f64::NAN),
            "inf" => f(f64::INFINITY),
            "ninf" => f(f64::NEG_INFINITY),
            "fint" => f(100.0),
            "c" => FmtValue::Complex {
                re: 1.0,
                im: -2.0,
                bits: 128,
                ty: b("complex128"),
            },
            "t" => FmtValue::bool(true),
            "s" => st("héllo"),
            "sq" => st("a\"b\n"),
            "empty" => st(""),
            "bs" => bytes("[]uint8", b"hi", true, false),
            "bsnil" => bytes("[]uint8", b"", true, true),
            "arrb" => bytes("[3]uint8", b"ABC", false, false),
            "sl" => list(
                "[]int",
                vec![FmtValue::int(1), FmtValue::int(-2), FmtValue::int(3)],
            ),
            "slnil" => FmtValue::List {
                ty: b("[]int"),
                is_slice: true,
                nil: true,
                addr: 0,
                elems: vec![],
            },
            "sls" => list("[]string", vec![st("a"), st("b c")]),
            "arr" => list("[2]bool", vec![FmtValue::bool(true), FmtValue::bool(false)]),
            "m" => FmtValue::Map {
                ty: b("map[string]int"),
                nil: false,
                addr: 0xc000020000,
                entries: vec![
                    (st("b"), FmtValue::int(2)),
                    (st("a"), FmtValue::int(1)),
                    (st("c"), FmtValue::int(3)),
                ],
            },
            "mnil" => FmtValue::Map {
                ty: b("map[string]int"),
                nil: true,
                addr: 0,
                entries: vec![],
            },
            "mi" => FmtValue::Map {
                ty: b("map[int]string"),
                nil: false,
                addr: 0xc000020000,
                entries: vec![
                    (FmtValue::int(3), st("c")),
                    (FmtValue::int(-1), st("a")),
                    (FmtValue::int(2), st("b")),
                ],
            },
            "st" => sv(1, "x"),
            "pst" => FmtValue::Pointer {
                ty: b("*main.S"),
                addr: 0xc000030000,
                pointee: Some(Box::new(sv(2, "y"))),
            },
            "pnil" => FmtValue::Pointer {
                ty: b("*int"),
                addr: 0,
                pointee: None,
            },
            "nil" => FmtValue::nil(),
            "err" => FmtValue::Error {
                value: Box::new(FmtValue::Struct {
                    ty: b("main.E"),
                    fields: vec![],
                }),
                msg: Cow::Borrowed(b"boom"),
            },
            "str" => strv(3),
            "myint" => FmtValue::Int {
                v: 7,
                ty: b("main.MyInt"),
            },
            "mystr" => FmtValue::Str {
                v: Cow::Borrowed(b"z"),
                ty: b("main.MyStr"),
            },
            "iface" => FmtValue::Struct {
                ty: b("main.Iface"),
                fields: vec![
                    (
                        b("X"),
                        FmtValue::NilInterface {
                            ty: b("interface {}"),
                        },
                    ),
                    (b("Y"), FmtValue::NilInterface { ty: b("error") }),
                ],
            },
            "outer" => FmtValue::Struct {
                ty: b("main.Outer"),
                fields: vec![(b("S"), sv(1, "q")), (b("N"), FmtValue::int(2))],
            },
            "strs" => list("[]main.Str", vec![strv(1), strv(2)]),
            "mapstr" => FmtValue::Map {
                ty: b("map[main.Str]int"),
                nil: false,
                addr: 0xc000020000,
                entries: vec![(strv(2), FmtValue::int(1)), (strv(1), FmtValue::int(2))],
            },
            "named" => FmtValue::Stringer {
                value: Box::new(FmtValue::Str {
                    v: Cow::Borrowed(b"n"),
                    ty: b("main.Named"),
                }),
                s: Cow::Borrowed(b"N:n"),
            },
            "g" => FmtValue::GoStringer {
                value: Box::new(FmtValue::Stringer {
                    value: Box::new(FmtValue::Struct {
                        ty: b("main.G"),
                        fields: vec![(b("V"), FmtValue::int(1))],
                    }),
                    s: Cow::Borrowed(b"g"),
                }),
                s: Cow::Borrowed(b"G!"),
            },
            "buf" => bytes("main.Buf", b"ab", true, false),
            "mf" => FmtValue::Map {
                ty: b("map[float64]string"),
                nil: false,
                addr: 0xc000020000,
                entries: vec![
                    (f(2.0), st("two")),
                    (f(f64::NAN), st("nan")),
                    (f(-1.0), st("neg")),
                ],
            },
            "mb" => FmtValue::Map {
                ty: b("map[bool]int"),
                nil: false,
                addr: 0xc000020000,
                entries: vec![
                    (FmtValue::bool(true), FmtValue::int(1)),
                    (FmtValue::bool(false), FmtValue::int(0)),
                ],
            },
            "nested" => list(
                "[][]int",
                vec![
                    list("[]int", vec![FmtValue::int(1)]),
                    list("[]int", vec![FmtValue::int(2), FmtValue::int(3)]),
                ],
            ),
            "sts" => list("[]main.S", vec![sv(1, "a"), sv(2, "b")]),
            "pmap" => FmtValue::Pointer {
                ty: b("*map[string]int"),
                addr: 0xc000030000,
                pointee: Some(Box::new(FmtValue::Map {
                    ty: b("map[string]int"),
                    nil: false,
                    addr: 0xc000020000,
                    entries: vec![(st("k"), FmtValue::int(1))],
                })),
            },
            "psl" => FmtValue::Pointer {
                ty: b("*[]int"),
                addr: 0xc000030000,
                pointee: Some(Box::new(list("[]int", vec![FmtValue::int(1)]))),
            },
            "f32b" => FmtValue::float32(16777216.0),
            "fhalf" => f(0.5),
            "ftiny" => f(5e-324),
            "fmax" => f(f64::MAX),
            "mixed" => list(
                "[]interface {}",
                vec![
                    FmtValue::int(1),
                    st("a"),
                    FmtValue::NilInterface {
                        ty: b("interface {}"),
                    },
                    f(2.5),
                ],
            ),
            "msl" => FmtValue::Map {
                ty: b("map[string][]int"),
                nil: false,
                addr: 9,
                entries: vec![
                    (
                        st("x"),
                        list("[]int", vec![FmtValue::int(1), FmtValue::int(2)]),
                    ),
                    (
                        st("a"),
                        FmtValue::List {
                            ty: b("[]int"),
                            is_slice: true,
                            nil: true,
                            addr: 0,
                            elems: vec![],
                        },
                    ),
                ],
            },
            "mst" => FmtValue::Map {
                ty: b("map[string]main.S"),
                nil: false,
                addr: 9,
                entries: vec![(st("k"), sv(1, "v"))],
            },
            "pslnil" => list(
                "[]*main.S",
                vec![
                    FmtValue::Pointer {
                        ty: b("*main.S"),
                        addr: 0,
                        pointee: None,
                    },
                    FmtValue::Pointer {
                        ty: b("*main.S"),
                        addr: 0,
                        pointee: None,
                    },
                ],
            ),
            "embp" => FmtValue::Struct {
                ty: b("main.EmbP"),
                fields: vec![
                    (
                        b("S"),
                        FmtValue::Pointer {
                            ty: b("*main.S"),
                            addr: 0,
                            pointee: None,
                        },
                    ),
                    (b("N"), FmtValue::int(3)),
                ],
            },
            "ifs" => FmtValue::Struct {
                ty: b("main.Ifs"),
                fields: vec![
                    (b("A"), FmtValue::int(7)),
                    (b("B"), st("s")),
                    (b("C"), sv(1, "z")),
                ],
            },
            "arr2" => list(
                "[2][]string",
                vec![list("[]string", vec![st("a")]), list("[]string", vec![])],
            ),
            "marr" => {
                let k = |a: i64, c: i64| list("[2]int", vec![FmtValue::int(a), FmtValue::int(c)]);
                FmtValue::Map {
                    ty: b("map[[2]int]string"),
                    nil: false,
                    addr: 9,
                    entries: vec![(k(2, 1), st("b")), (k(1, 9), st("a")), (k(1, 2), st("c"))],
                }
            }
            "mstk" => FmtValue::Map {
                ty: b("map[main.S]int"),
                nil: false,
                addr: 9,
                entries: vec![
                    (sv(2, "a"), FmtValue::int(1)),
                    (sv(1, "b"), FmtValue::int(2)),
                    (sv(1, "a"), FmtValue::int(3)),
                ],
            },
            "c64" => FmtValue::Complex {
                re: 1.5,
                im: -0.25,
                bits: 64,
                ty: b("complex64"),
            },
            "uptr" => FmtValue::uint(0x1234, "uintptr"),
            "i16" => FmtValue::Int {
                v: -300,
                ty: b("int16"),
            },
            "chnil" => FmtValue::Chan {
                ty: b("chan int"),
                addr: 0,
            },
            "fnnil" => FmtValue::Func {
                ty: b("func()"),
                addr: 0,
            },
            "nestany" => list(
                "[]interface {}",
                vec![
                    list(
                        "[]interface {}",
                        vec![
                            FmtValue::int(1),
                            FmtValue::NilInterface {
                                ty: b("interface {}"),
                            },
                        ],
                    ),
                    FmtValue::Map {
                        ty: b("map[string]interface {}"),
                        nil: false,
                        addr: 9,
                        entries: vec![
                            (
                                st("z"),
                                FmtValue::NilInterface {
                                    ty: b("interface {}"),
                                },
                            ),
                            (st("a"), list("[]int", vec![])),
                        ],
                    },
                ],
            ),
            "strsl" => list("main.Strs", vec![strv(1), strv(2)]),
            "bslice2" => list(
                "[][]uint8",
                vec![
                    bytes("[]uint8", b"hi", true, false),
                    bytes("[]uint8", b"", true, true),
                ],
            ),
            "mbs" => FmtValue::Map {
                ty: b("map[string][]uint8"),
                nil: false,
                addr: 9,
                entries: vec![(st("k"), bytes("[]uint8", b"v", true, false))],
            },
            "muint" => FmtValue::Map {
                ty: b("map[uint8]bool"),
                nil: false,
                addr: 9,
                entries: vec![
                    (FmtValue::uint(3, "uint8"), FmtValue::bool(true)),
                    (FmtValue::uint(1, "uint8"), FmtValue::bool(false)),
                ],
            },
            "f32s" => list(
                "[]float32",
                vec![
                    FmtValue::float32(0.1),
                    FmtValue::float32(1e-7),
                    FmtValue::float32(1e21),
                ],
            ),
            "negz" => f(-0.0),
            "bigu" => FmtValue::uint(1 << 63, "uint64"),
            _ => panic!("unknown golden value {name}"),
        }
    }

    fn unhex(s: &str) -> Vec<u8> {
        (0..s.len() / 2)
            .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap())
            .collect()
    }

    fn args(names: &str) -> Vec<FmtValue<'static>> {
        if names.is_empty() {
            return vec![];
        }
        names.split(',').map(value).collect()
    }

    fn errv(msg: &'static str) -> FmtValue<'static> {
        FmtValue::Error {
            value: Box::new(FmtValue::Pointer {
                ty: b("*errors.errorString"),
                addr: 0xc000012345,
                pointee: None,
            }),
            msg: Cow::Borrowed(msg.as_bytes()),
        }
    }

    fn panicky(
        v: i64,
        method: &'static str,
        ty: &'static str,
        panic: FmtValue<'static>,
    ) -> FmtValue<'static> {
        FmtValue::MethodPanic {
            value: Box::new(FmtValue::Int { v, ty: b(ty) }),
            method: b(method),
            panic: Box::new(panic),
        }
    }

    /// Expected values from real Go runs.
    #[test]
    fn errorf_and_method_panics() {
        let e = errv("boom");
        assert_eq!(errorf(b"wrap: %w", &[e.clone()]), b"wrap: boom");
        assert_eq!(
            errorf(b"wrap: %w %d", &[FmtValue::int(3), FmtValue::int(4)]),
            b"wrap: %!w(int=3) 4"
        );
        assert_eq!(
            errorf(b"two: %w and %w", &[e.clone(), e.clone()]),
            b"two: boom and boom"
        );
        let e_top = FmtValue::Error {
            value: Box::new(FmtValue::Pointer {
                ty: b("*errors.errorString"),
                addr: 0xc000012345,
                pointee: Some(Box::new(FmtValue::Struct {
                    ty: b("errors.errorString"),
                    fields: vec![(b("s"), st("boom"))],
                })),
            }),
            msg: Cow::Borrowed(b"boom"),
        };
        assert_eq!(
            sprintf(b"%w", &[e_top]),
            b"%!w(*errors.errorString=&{boom})"
        );
        let nilp = FmtValue::MethodPanic {
            value: Box::new(FmtValue::Pointer {
                ty: b("*main.P"),
                addr: 0,
                pointee: None,
            }),
            method: b("String"),
            panic: Box::new(st(
                "runtime error: invalid memory address or nil pointer dereference",
            )),
        };
        let nilp_d = FmtValue::Pointer {
            ty: b("*main.P"),
            addr: 0,
            pointee: None,
        };
        let args = [nilp.clone(), nilp.clone(), nilp_d];
        assert_eq!(sprintf(b"%v|%s|%d", &args), b"<nil>|<nil>|0");
        let bad = |v| panicky(v, "String", "main.Bad", st("oops"));
        assert_eq!(
            sprintf(b"%v|%s|%d|%x", &[bad(1), bad(2), bad(3), bad(4)]),
            b"%!v(PANIC=String method: oops)|%!s(PANIC=String method: oops)|3|%!x(PANIC=String method: oops)"
        );
        let bade = panicky(1, "Error", "main.BadE", errv("eek"));
        assert_eq!(
            sprintf(b"%v|%8v|", &[bade, bad(1)]),
            b"%!v(PANIC=Error method: eek)|%!v(PANIC=String method: oops)|"
        );
        let list = FmtValue::List {
            ty: b("[]main.Bad"),
            is_slice: true,
            nil: false,
            addr: 1,
            elems: vec![bad(1), bad(2)],
        };
        assert_eq!(
            sprintln(&[list]),
            b"[%!v(PANIC=String method: oops) %!v(PANIC=String method: oops)]\n"
        );
    }

    /// A caller like the VM's: handle 1 = main.Bad (String panics "oops"), 2 = *main.P nil
    /// (String panics with a nil dereference), 3 = main.Str (String "S!"), 4 = an error "boom".
    struct Caller(Vec<(usize, Method)>);

    impl MethodCaller for Caller {
        fn call(&mut self, handle: usize, m: Method) -> Result<Vec<u8>, FmtValue<'static>> {
            self.0.push((handle, m));
            match handle {
                1 => Err(st("oops")),
                2 => Err(st(
                    "runtime error: invalid memory address or nil pointer dereference",
                )),
                3 => Ok(b"S!".to_vec()),
                _ => Ok(b"boom".to_vec()),
            }
        }
    }

    fn lazy(value: FmtValue<'static>, handle: usize, error: bool) -> FmtValue<'static> {
        FmtValue::Methods {
            value: Box::new(value),
            handle,
            error,
            string: !error,
            go_string: false,
        }
    }

    /// Same expectations as `errorf_and_method_panics` (real Go output), through the lazy path;
    /// methods are called only for the verbs Go calls them for.
    #[test]
    fn lazy_methods() {
        let bad = |v| {
            lazy(
                FmtValue::Int {
                    v,
                    ty: b("main.Bad"),
                },
                1,
                false,
            )
        };
        let mut c = Caller(Vec::new());
        let mut out = Vec::new();
        fprintf_with(
            &mut out,
            b"%v|%s|%d|%x",
            &[bad(1), bad(2), bad(3), bad(4)],
            &mut c,
        );
        assert_eq!(
            out,
            b"%!v(PANIC=String method: oops)|%!s(PANIC=String method: oops)|3|%!x(PANIC=String method: oops)"
        );
        assert_eq!(c.0.len(), 3, "String must not be called for %d");
        let nilp = lazy(
            FmtValue::Pointer {
                ty: b("*main.P"),
                addr: 0,
                pointee: None,
            },
            2,
            false,
        );
        out.clear();
        fprintf_with(
            &mut out,
            b"%v|%s|%d",
            &[nilp.clone(), nilp.clone(), nilp],
            &mut c,
        );
        assert_eq!(out, b"<nil>|<nil>|0");
        let list = FmtValue::List {
            ty: b("[]main.Str"),
            is_slice: true,
            nil: false,
            addr: 1,
            elems: vec![lazy(
                FmtValue::Int {
                    v: 1,
                    ty: b("main.Str"),
                },
                3,
                false,
            )],
        };
        out.clear();
        fprintln_with(&mut out, &[list.clone(), FmtValue::int(2)], &mut c);
        assert_eq!(out, b"[S!] 2\n");
        out.clear();
        errorf_with(
            &mut out,
            b"wrap: %w",
            &[lazy(FmtValue::nil(), 4, true)],
            &mut c,
        );
        assert_eq!(out, b"wrap: boom");
        // Without a caller, lazy values print raw.
        assert_eq!(sprint(&[list]), b"[1]");
    }

    #[test]
    fn golden() {
        let mut failures = Vec::new();
        let mut n = 0;
        for line in GOLDEN.lines() {
            let f: Vec<&str> = line.split('|').collect();
            n += 1;
            let (got, want, what) = match f[0] {
                "one" => {
                    let format = unhex(f[2]);
                    (
                        sprintf(&format, &[value(f[1])]),
                        unhex(f[3]),
                        format!("{} {:?}", f[1], String::from_utf8_lossy(&format)),
                    )
                }
                "printf" => {
                    let format = unhex(f[1]);
                    (
                        sprintf(&format, &args(f[2])),
                        unhex(f[3]),
                        format!("{:?} {}", String::from_utf8_lossy(&format), f[2]),
                    )
                }
                "print" => (sprint(&args(f[1])), unhex(f[2]), format!("Sprint {}", f[1])),
                "println" => (
                    sprintln(&args(f[1])),
                    unhex(f[2]),
                    format!("Sprintln {}", f[1]),
                ),
                _ => panic!("bad golden line {line}"),
            };
            if got != want {
                failures.push(format!(
                    "{what}: got {:?} want {:?}",
                    String::from_utf8_lossy(&got),
                    String::from_utf8_lossy(&want)
                ));
            }
        }
        assert!(n > 1000);
        if !failures.is_empty() {
            for l in failures.iter().take(60) {
                eprintln!("FAIL {l}");
            }
            panic!("{} of {} golden cases failed", failures.len(), n);
        }
    }
}

#[cfg(test)]
mod bench {
    use super::*;

    /// Rough throughput check: `cargo test --lib stdlib::fmt::bench -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn sprintln_throughput() {
        let n = 1_000_000;
        let mut out = Vec::with_capacity(64);
        let t = std::time::Instant::now();
        for i in 0..n {
            out.clear();
            fprintln(&mut out, &[FmtValue::int(i), FmtValue::str(b"hello")]);
        }
        eprintln!("Println(int, string): {:?}/op", t.elapsed() / n as u32);
        let t = std::time::Instant::now();
        for i in 0..n {
            out.clear();
            fprintln(&mut out, &[FmtValue::float64(i as f64 * 1.1)]);
        }
        eprintln!("Println(float64): {:?}/op", t.elapsed() / n as u32);
        let t = std::time::Instant::now();
        for i in 0..n {
            out.clear();
            fprintf(
                &mut out,
                b"%5d|%-8s|%.2f\n",
                &[
                    FmtValue::int(i),
                    FmtValue::str(b"ab"),
                    FmtValue::float64(1.5),
                ],
            );
        }
        eprintln!("Printf(%5d|%-8s|%.2f): {:?}/op", t.elapsed() / n as u32);
    }
}
