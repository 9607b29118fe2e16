//! Formatting of VM values by their runtime type, as Go's `fmt` prints them (`%v` and the common
//! verbs). Methods `Error()` / `String()` are called through the VM (re-entering it on the same
//! goroutine). The `fmt` package itself formats through `crate::stdlib::fmt` (see `lib/fmt.rs`);
//! what is left here serves the runtime's own printing: panic values (`panic_text`).

use super::program::{IntKind, RKind};
use super::value::{Iface, Value};
use super::{Trap, Vm};
use std::sync::Arc;

/// Go's `strconv.FormatFloat(f, 'g', -1, bits)` (what `%v` prints): `%e` form when the exponent is < -4 or >= 6.
pub fn format_float(f: f64, bits: u32) -> String {
    if f.is_nan() {
        return "NaN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 {
            "+Inf".into()
        } else {
            "-Inf".into()
        };
    }
    if f == 0.0 {
        return if f.is_sign_negative() {
            "-0".into()
        } else {
            "0".into()
        };
    }
    // Shortest round-trip digits.
    let s = if bits == 32 {
        format!("{:e}", f as f32)
    } else {
        format!("{:e}", f)
    };
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let neg = mant.starts_with('-');
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    if !(-4..6).contains(&exp) {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('e');
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.abs()));
    } else if exp < 0 {
        out.push_str("0.");
        for _ in 0..(-exp - 1) {
            out.push('0');
        }
        out.push_str(&digits);
    } else {
        let e = exp as usize;
        if digits.len() <= e + 1 {
            out.push_str(&digits);
            for _ in 0..(e + 1 - digits.len()) {
                out.push('0');
            }
        } else {
            out.push_str(&digits[..e + 1]);
            out.push('.');
            out.push_str(&digits[e + 1..]);
        }
    }
    out
}

fn int_string(v: i64, k: IntKind) -> String {
    if k.signed() {
        v.to_string()
    } else {
        (v as u64).to_string()
    }
}

/// Quote a string as Go's `strconv.Quote`.
pub fn quote(b: &[u8]) -> String {
    let mut out = String::from("\"");
    let mut i = 0;
    while i < b.len() {
        let (c, w) = super::interp::decode_rune(b, i);
        if c == 0xFFFD && w == 1 && b[i] != 0xEF {
            out.push_str(&format!("\\x{:02x}", b[i]));
            i += 1;
            continue;
        }
        match c {
            0x07 => out.push_str("\\a"),
            0x08 => out.push_str("\\b"),
            0x0c => out.push_str("\\f"),
            0x0a => out.push_str("\\n"),
            0x0d => out.push_str("\\r"),
            0x09 => out.push_str("\\t"),
            0x0b => out.push_str("\\v"),
            0x5c => out.push_str("\\\\"),
            0x22 => out.push_str("\\\""),
            c if c < 0x20 || c == 0x7f => out.push_str(&format!("\\x{:02x}", c)),
            c => out.push(char::from_u32(c).unwrap_or('\u{FFFD}')),
        }
        i += w;
    }
    out.push('"');
    out
}

impl Vm<'_> {
    /// Call method `name` (no arguments, one string result) on an interface value if its
    /// dynamic type has it.
    pub fn call_string_method(
        &mut self,
        iv: &Arc<Iface>,
        sym: Option<u32>,
    ) -> Result<Option<String>, Trap> {
        let sym = match sym {
            Some(s) => s,
            None => return Ok(None),
        };
        let entry = self
            .prog()
            .types
            .get(iv.ty as usize)
            .and_then(|t| t.methods.get(&sym).copied());
        let entry = match entry {
            Some(e) => e,
            None => return Ok(None),
        };
        let recv = if entry.deref > 0 {
            match &iv.val {
                Value::Ptr(p) => p.load(entry.deref as usize),
                _ => {
                    // Go prints "<nil>" for a nil pointer receiver whose method would panic.
                    return Ok(Some("<nil>".into()));
                }
            }
        } else {
            iv.val.clone()
        };
        let res = if entry.native {
            let nf = match self.prog().natives.get(entry.func as usize) {
                Some(n) => n.f,
                None => return Ok(None),
            };
            nf(self, &[recv])?
        } else {
            self.call_func(entry.func, &[recv])?
        };
        Ok(Some(
            res.first()
                .map(|v| v.str().to_string_lossy())
                .unwrap_or_default(),
        ))
    }

    /// `%v` of an interface value (what `fmt.Println` prints for each operand).
    pub fn format_iface(&mut self, v: &Value, plus: bool) -> Result<String, Trap> {
        match v {
            Value::Iface(iv) => {
                let iv = iv.clone();
                if let Some(t) = self.prog().types.get(iv.ty as usize) {
                    if matches!(t.kind, RKind::ErrorString) {
                        return Ok(iv.val.str().to_string_lossy());
                    }
                }
                let (se, ss) = (self.prog().sym_error, self.prog().sym_string);
                if let Some(s) = self.call_string_method(&iv, se)? {
                    return Ok(s);
                }
                if let Some(s) = self.call_string_method(&iv, ss)? {
                    return Ok(s);
                }
                self.format_typed(&iv.val, iv.ty, plus, true)
            }
            _ => Ok("<nil>".into()),
        }
    }

    /// `%v` of a value of runtime type `ty`. `top` is false for nested operands (where Go
    /// prints pointers-to-struct as addresses and calls methods on elements).
    pub fn format_typed(
        &mut self,
        v: &Value,
        ty: u32,
        plus: bool,
        top: bool,
    ) -> Result<String, Trap> {
        let t = match self.prog().types.get(ty as usize) {
            Some(t) => t.clone(),
            None => return Ok(format!("{:?}", v)),
        };
        // Nested operands with methods: Go calls Error()/String() on them too.
        if !top && !t.methods.is_empty() && !matches!(v, Value::Nil) {
            let iv = Iface::new(ty, v.clone());
            let (se, ss) = (self.prog().sym_error, self.prog().sym_string);
            if let Some(s) = self.call_string_method(&iv, se)? {
                return Ok(s);
            }
            if let Some(s) = self.call_string_method(&iv, ss)? {
                return Ok(s);
            }
        }
        Ok(match &t.kind {
            RKind::Bool => (if v.int() != 0 { "true" } else { "false" }).into(),
            RKind::Int(k) => int_string(v.int(), *k),
            RKind::Float64 => format_float(v.float(), 64),
            RKind::Float32 => format_float(v.float(), 32),
            RKind::String => v.str().to_string_lossy(),
            RKind::ErrorString => v.str().to_string_lossy(),
            RKind::Slice(e) | RKind::Array(_, e) => {
                let e = *e;
                let items: Vec<Value> = match v {
                    Value::Slice(s) => (0..s.len as usize).map(|i| s.get(i)).collect(),
                    Value::Tuple(tu) => {
                        let esz = self
                            .prog()
                            .types
                            .get(e as usize)
                            .map_or(1, |t| t.slots as usize)
                            .max(1);
                        let agg =
                            self.prog().types.get(e as usize).is_some_and(|t| {
                                matches!(t.kind, RKind::Struct(_) | RKind::Array(..))
                            });
                        tu.chunks(esz)
                            .map(|c| {
                                if esz == 1 && !agg {
                                    c[0].clone()
                                } else {
                                    Value::Tuple(c.to_vec().into())
                                }
                            })
                            .collect()
                    }
                    _ => vec![],
                };
                let mut parts = Vec::with_capacity(items.len());
                for it in &items {
                    parts.push(self.format_typed(it, e, plus, false)?);
                }
                format!("[{}]", parts.join(" "))
            }
            RKind::Map(k, val) => {
                let (k, val) = (*k, *val);
                let mut entries: Vec<(Value, Value)> = match v {
                    Value::Map(m) => m.lock().entries.values().cloned().collect(),
                    _ => vec![],
                };
                entries.sort_by(|a, b| compare_keys(&a.0, &b.0));
                let mut parts = Vec::new();
                for (kk, vv) in &entries {
                    let ks = self.format_typed(kk, k, plus, false)?;
                    let vs = self.format_typed(vv, val, plus, false)?;
                    parts.push(format!("{ks}:{vs}"));
                }
                format!("map[{}]", parts.join(" "))
            }
            RKind::Struct(fields) => {
                let tu = v.tuple().to_vec();
                let mut parts = Vec::new();
                for f in fields {
                    let ft = self.prog().types.get(f.ty as usize);
                    let fs = ft.map_or(1, |t| t.slots as usize);
                    let agg =
                        ft.is_some_and(|t| matches!(t.kind, RKind::Struct(_) | RKind::Array(..)));
                    let off = f.off as usize;
                    let fv = if fs == 1 && !agg {
                        tu.get(off).cloned().unwrap_or_default()
                    } else {
                        Value::Tuple(tu.get(off..off + fs).unwrap_or(&[]).to_vec().into())
                    };
                    let s = self.format_typed(&fv, f.ty, plus, false)?;
                    if plus {
                        parts.push(format!("{}:{}", f.name, s));
                    } else {
                        parts.push(s);
                    }
                }
                format!("{{{}}}", parts.join(" "))
            }
            RKind::Pointer(e) => match v {
                Value::Nil => "<nil>".into(),
                Value::Ptr(p) => {
                    let e = *e;
                    let et = self.prog().types.get(e as usize).cloned();
                    match et {
                        Some(et)
                            if top
                                && matches!(
                                    et.kind,
                                    RKind::Struct(_)
                                        | RKind::Array(..)
                                        | RKind::Slice(_)
                                        | RKind::Map(..)
                                ) =>
                        {
                            let agg = if matches!(et.kind, RKind::Struct(_) | RKind::Array(..)) {
                                super::value::AGG
                            } else {
                                0
                            };
                            let inner = p.load(et.slots as usize | agg);
                            format!("&{}", self.format_typed(&inner, e, plus, false)?)
                        }
                        _ => format!(
                            "0x{:x}",
                            0xc000010000usize
                                + (Arc::as_ptr(&p.obj) as *const u8 as usize & 0xffff)
                                + p.off as usize * 8
                        ),
                    }
                }
                _ => "<nil>".into(),
            },
            RKind::Interface(_) => match v {
                Value::Iface(_) => self.format_iface(v, plus)?,
                _ => "<nil>".into(),
            },
            RKind::Func | RKind::Chan(_) => match v {
                Value::Nil => "<nil>".into(),
                Value::Chan(c) => format!(
                    "0xc{:09x}",
                    Arc::as_ptr(c) as *const u8 as usize & 0xfffffffff
                ),
                _ => format!("0x{:x}", 0x47b0e0),
            },
            RKind::Native | RKind::Complex(_) => format!("{:?}", v),
        })
    }

    /// Text of a panic value as Go's `printpanicval` prints it (after `preprintpanics` turned
    /// errors and Stringers into their text).
    pub fn panic_text(&mut self, v: &Value) -> String {
        match v {
            Value::Iface(iv) => {
                let iv = iv.clone();
                let t = self.prog().types.get(iv.ty as usize).cloned();
                let (se, ss) = (self.prog().sym_error, self.prog().sym_string);
                if let Some(t) = &t {
                    if matches!(t.kind, RKind::ErrorString) {
                        let msg = super::lib::error_string_msg(&iv.val);
                        return String::from_utf8_lossy(&msg).into_owned();
                    }
                }
                if let Ok(Some(s)) = self.call_string_method(&iv, se) {
                    return s;
                }
                if let Ok(Some(s)) = self.call_string_method(&iv, ss) {
                    return s;
                }
                let t = match t {
                    Some(t) => t,
                    None => return "?".into(),
                };
                let base = match &t.kind {
                    RKind::Bool
                    | RKind::Int(_)
                    | RKind::Float32
                    | RKind::Float64
                    | RKind::String => {
                        let s = self
                            .format_typed(&iv.val, iv.ty, false, true)
                            .unwrap_or_default();
                        let s = if matches!(t.kind, RKind::Float64) {
                            format_float(iv.val.float(), 64)
                        } else if matches!(t.kind, RKind::Float32) {
                            format_float(iv.val.float(), 32)
                        } else {
                            s
                        };
                        if t.named {
                            if matches!(t.kind, RKind::String) {
                                format!("{}({})", t.name, quote(iv.val.as_str()))
                            } else {
                                format!("{}({})", t.name, s)
                            }
                        } else {
                            s
                        }
                    }
                    _ => format!("({}) 0xc000012345", t.name),
                };
                base
            }
            _ => "nil".into(),
        }
    }
}

/// Order of map keys when printing (fmt sorts them: numbers, then strings...).
pub fn compare_keys(a: &Value, b: &Value) -> std::cmp::Ordering {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => x.cmp(y),
        (Value::Str(x), Value::Str(y)) => x.cmp(y),
        (Value::Tuple(x), Value::Tuple(y)) => {
            for (p, q) in x.iter().zip(y.iter()) {
                let c = compare_keys(p, q);
                if c != std::cmp::Ordering::Equal {
                    return c;
                }
            }
            x.len().cmp(&y.len())
        }
        (Value::Iface(x), Value::Iface(y)) => x.ty.cmp(&y.ty).then(compare_keys(&x.val, &y.val)),
        _ => std::cmp::Ordering::Equal,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn floats_like_go() {
        assert_eq!(format_float(2.75, 64), "2.75");
        assert_eq!(format_float(1e21, 64), "1e+21");
        assert_eq!(format_float(1e20, 64), "1e+20");
        assert_eq!(format_float(100000.0, 64), "100000");
        assert_eq!(format_float(123456789.0, 64), "1.23456789e+08");
        assert_eq!(format_float(0.0001, 64), "0.0001");
        assert_eq!(format_float(0.00001, 64), "1e-05");
        assert_eq!(format_float(2.5, 64), "2.5");
    }
}
