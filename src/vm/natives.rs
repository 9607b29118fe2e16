//! Native functions of the standard-library subset, looked up by Go's qualified name
//! (`fmt.Println`). Calling convention: arguments as the Go signature declares them (a variadic
//! parameter arrives as one slice value), results as a Vec.

use super::fmt::{format_exp, format_float, quote};
use super::program::{NativeFn, RKind, RT_ERRORS_STRING};
use super::value::{Iface, Value};
use super::{Trap, Vm};
use std::io::Write;
use std::sync::Arc;
use std::time::Instant;

type R = Result<Vec<Value>, Trap>;

fn slice_items(v: &Value) -> Vec<Value> {
    match v {
        Value::Slice(s) => (0..s.len as usize).map(|i| s.get(i)).collect(),
        _ => vec![],
    }
}

fn write_stdout(b: &[u8]) {
    let mut o = std::io::stdout().lock();
    let _ = o.write_all(b);
}

impl Vm<'_> {
    /// `fmt.Sprint` rules: spaces between operands when neither is a string.
    pub fn sprint(&mut self, args: &[Value], ln: bool) -> Result<String, Trap> {
        let mut out = String::new();
        let mut prev_string = false;
        for (i, a) in args.iter().enumerate() {
            let is_string = matches!(a, Value::Iface(iv) if matches!(self.prog().types.get(iv.ty as usize).map(|t| &t.kind), Some(RKind::String)));
            if i > 0 && (ln || (!is_string && !prev_string)) {
                out.push(' ');
            }
            out.push_str(&self.format_iface(a, false)?);
            prev_string = is_string;
        }
        if ln {
            out.push('\n');
        }
        Ok(out)
    }

    /// `fmt.Sprintf` for the common verbs and flags.
    pub fn sprintf(&mut self, format: &[u8], args: &[Value]) -> Result<String, Trap> {
        let mut out = String::new();
        let mut i = 0;
        let mut argi = 0;
        let f = format;
        while i < f.len() {
            let c = f[i];
            if c != b'%' {
                let start = i;
                while i < f.len() && f[i] != b'%' {
                    i += 1;
                }
                out.push_str(&String::from_utf8_lossy(&f[start..i]));
                continue;
            }
            i += 1;
            let (mut minus, mut plus, mut zero, mut sharp, mut space) =
                (false, false, false, false, false);
            while i < f.len() {
                match f[i] {
                    b'-' => minus = true,
                    b'+' => plus = true,
                    b'0' => zero = true,
                    b'#' => sharp = true,
                    b' ' => space = true,
                    _ => break,
                }
                i += 1;
            }
            let mut width: Option<usize> = None;
            if i < f.len() && f[i] == b'*' {
                i += 1;
                width = args.get(argi).map(|a| match a {
                    Value::Iface(iv) => iv.val.int().max(0) as usize,
                    _ => 0,
                });
                argi += 1;
            } else {
                while i < f.len() && f[i].is_ascii_digit() {
                    width = Some(width.unwrap_or(0) * 10 + (f[i] - b'0') as usize);
                    i += 1;
                }
            }
            let mut prec: Option<usize> = None;
            if i < f.len() && f[i] == b'.' {
                i += 1;
                prec = Some(0);
                while i < f.len() && f[i].is_ascii_digit() {
                    prec = Some(prec.unwrap_or(0) * 10 + (f[i] - b'0') as usize);
                    i += 1;
                }
            }
            if i >= f.len() {
                out.push_str("%!(NOVERB)");
                break;
            }
            let verb = f[i] as char;
            i += 1;
            if verb == '%' {
                out.push('%');
                continue;
            }
            let arg = match args.get(argi) {
                Some(a) => a.clone(),
                None => {
                    out.push_str(&format!("%!{}(MISSING)", verb));
                    continue;
                }
            };
            argi += 1;
            let (ty, val) = match &arg {
                Value::Iface(iv) => (Some(iv.ty), iv.val.clone()),
                _ => (None, Value::Nil),
            };
            let kind = ty
                .and_then(|t| self.prog().types.get(t as usize))
                .map(|t| t.kind.clone());
            let tname = ty
                .and_then(|t| self.prog().types.get(t as usize))
                .map(|t| t.name.clone());
            let mut s = match (verb, &kind) {
                ('v', _) | ('s', Some(RKind::String)) => {
                    if sharp && matches!(kind, Some(RKind::String)) {
                        quote(val.as_str())
                    } else {
                        self.format_iface(&arg, plus)?
                    }
                }
                ('s', _) => self.format_iface(&arg, false)?,
                ('T', _) => tname.clone().unwrap_or_else(|| "<nil>".into()),
                ('d', Some(RKind::Int(k))) => {
                    let s = if k.signed() {
                        val.int().to_string()
                    } else {
                        (val.int() as u64).to_string()
                    };
                    if plus && val.int() >= 0 {
                        format!("+{s}")
                    } else if space && val.int() >= 0 {
                        format!(" {s}")
                    } else {
                        s
                    }
                }
                ('t', Some(RKind::Bool)) => (if val.int() != 0 { "true" } else { "false" }).into(),
                ('c', Some(RKind::Int(_))) => {
                    let mut b = Vec::new();
                    super::interp::encode_rune(val.int(), &mut b);
                    String::from_utf8_lossy(&b).into_owned()
                }
                ('q', Some(RKind::String)) => quote(val.as_str()),
                ('q', Some(RKind::Int(_))) => {
                    let mut b = Vec::new();
                    super::interp::encode_rune(val.int(), &mut b);
                    let q = quote(&b);
                    format!("'{}'", &q[1..q.len() - 1].replace("\\\"", "\""))
                }
                ('x' | 'X', Some(RKind::Int(k))) => {
                    let v = val.int();
                    let s = if k.signed() && v < 0 {
                        format!("-{:x}", v.unsigned_abs())
                    } else {
                        format!("{:x}", v as u64)
                    };
                    let s = if sharp { format!("0x{s}") } else { s };
                    if verb == 'X' {
                        s.to_uppercase()
                    } else {
                        s
                    }
                }
                ('x' | 'X', Some(RKind::String)) => {
                    let s: String = val.as_str().iter().map(|b| format!("{:02x}", b)).collect();
                    if verb == 'X' {
                        s.to_uppercase()
                    } else {
                        s
                    }
                }
                ('o', Some(RKind::Int(_))) => format!("{:o}", val.int()),
                ('b', Some(RKind::Int(_))) => format!("{:b}", val.int()),
                ('f' | 'F', Some(RKind::Float64 | RKind::Float32)) => {
                    let s = format!("{:.*}", prec.unwrap_or(6), val.float());
                    if plus && val.float() >= 0.0 {
                        format!("+{s}")
                    } else {
                        s
                    }
                }
                ('e', Some(RKind::Float64 | RKind::Float32)) => {
                    format_exp(val.float(), prec.unwrap_or(6))
                }
                ('g', Some(RKind::Float64)) => match prec {
                    None => format_float(val.float(), 64),
                    Some(p) => {
                        let p = p.max(1);
                        let e = if val.float() == 0.0 {
                            0
                        } else {
                            val.float().abs().log10().floor() as i32
                        };
                        if e < -4 || e >= p as i32 {
                            let s = format_exp(val.float(), p - 1);
                            trim_exp_zeros(&s)
                        } else {
                            let s =
                                format!("{:.*}", (p as i32 - 1 - e).max(0) as usize, val.float());
                            if s.contains('.') {
                                s.trim_end_matches('0').trim_end_matches('.').to_string()
                            } else {
                                s
                            }
                        }
                    }
                },
                ('g', Some(RKind::Float32)) => format_float(val.float(), 32),
                ('p', _) => self.format_iface(&arg, false)?,
                _ => {
                    let inner = self.format_iface(&arg, false)?;
                    format!(
                        "%!{}({}={})",
                        verb,
                        tname.unwrap_or_else(|| "<nil>".into()),
                        inner
                    )
                }
            };
            if let (Some(p), 's' | 'v') = (prec, verb) {
                if matches!(kind, Some(RKind::String)) {
                    s = s.chars().take(p).collect();
                }
            }
            if let Some(w) = width {
                let n = s.chars().count();
                if n < w {
                    let pad = w - n;
                    if minus {
                        s.push_str(&" ".repeat(pad));
                    } else if zero && !matches!(kind, Some(RKind::String)) && verb != 'v' {
                        let (sign, rest) = if s.starts_with('-') || s.starts_with('+') {
                            s.split_at(1)
                        } else {
                            ("", s.as_str())
                        };
                        s = format!("{}{}{}", sign, "0".repeat(pad), rest);
                    } else {
                        s = format!("{}{}", " ".repeat(pad), s);
                    }
                }
            }
            out.push_str(&s);
        }
        if argi < args.len() {
            out.push_str("%!(EXTRA ");
            let mut parts = Vec::new();
            for a in &args[argi..] {
                let tn = match a {
                    Value::Iface(iv) => self
                        .prog()
                        .types
                        .get(iv.ty as usize)
                        .map(|t| t.name.clone())
                        .unwrap_or_default(),
                    _ => "<nil>".into(),
                };
                let v = self.format_iface(a, false)?;
                parts.push(format!("{tn}={v}"));
            }
            out.push_str(&parts.join(", "));
            out.push(')');
        }
        Ok(out)
    }
}

fn trim_exp_zeros(s: &str) -> String {
    match s.split_once('e') {
        Some((m, e)) if m.contains('.') => {
            format!("{}e{}", m.trim_end_matches('0').trim_end_matches('.'), e)
        }
        _ => s.to_string(),
    }
}

fn fmt_println(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let s = vm.sprint(&slice_items(&a[0]), true)?;
    write_stdout(s.as_bytes());
    Ok(vec![Value::Int(s.len() as i64), Value::Nil])
}
fn fmt_print(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let s = vm.sprint(&slice_items(&a[0]), false)?;
    write_stdout(s.as_bytes());
    Ok(vec![Value::Int(s.len() as i64), Value::Nil])
}
fn fmt_printf(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let s = vm.sprintf(a[0].as_str(), &slice_items(&a[1]))?;
    write_stdout(s.as_bytes());
    Ok(vec![Value::Int(s.len() as i64), Value::Nil])
}
fn fmt_sprintf(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let s = vm.sprintf(a[0].as_str(), &slice_items(&a[1]))?;
    Ok(vec![Value::from_str(&s)])
}
fn fmt_sprint(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let s = vm.sprint(&slice_items(&a[0]), false)?;
    Ok(vec![Value::from_str(&s)])
}
fn fmt_sprintln(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let s = vm.sprint(&slice_items(&a[0]), true)?;
    Ok(vec![Value::from_str(&s)])
}
fn new_error(msg: String) -> Value {
    Value::Iface(Arc::new(Iface {
        ty: RT_ERRORS_STRING,
        val: Value::from_str(&msg),
    }))
}
fn fmt_errorf(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let s = vm.sprintf(a[0].as_str(), &slice_items(&a[1]))?;
    Ok(vec![new_error(s.replace("%!w(", "%!v("))])
}
fn errors_new(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    Ok(vec![new_error(a[0].str().to_string_lossy())])
}
fn os_exit(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    let _ = std::io::stdout().flush();
    Err(Trap::Exit(a[0].int() as i32))
}
fn strconv_itoa(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    Ok(vec![Value::from_str(&a[0].int().to_string())])
}
fn strconv_atoi(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    let s = a[0].str().to_string_lossy();
    match s.parse::<i64>() {
        Ok(v) => Ok(vec![Value::Int(v), Value::Nil]),
        Err(_) => Ok(vec![
            Value::Int(0),
            new_error(format!(
                "strconv.Atoi: parsing {}: invalid syntax",
                quote(s.as_bytes())
            )),
        ]),
    }
}
fn strings_repeat(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    let n = a[1].int();
    if n < 0 {
        return Ok(vec![Value::from_str("")]);
    }
    Ok(vec![Value::from_bytes(a[0].as_str().repeat(n as usize))])
}
fn strings_contains(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    let (h, n) = (a[0].as_str(), a[1].as_str());
    let ok = n.is_empty() || h.windows(n.len()).any(|w| w == n);
    Ok(vec![Value::from_bool(ok)])
}
fn strings_to_upper(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    Ok(vec![Value::from_str(
        &a[0].str().to_string_lossy().to_uppercase(),
    )])
}
fn strings_to_lower(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    Ok(vec![Value::from_str(
        &a[0].str().to_string_lossy().to_lowercase(),
    )])
}
fn time_now(_vm: &mut Vm<'_>, _a: &[Value]) -> R {
    Ok(vec![Value::Native(Arc::new(Instant::now()))])
}
fn time_since(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    let d = match &a[0] {
        Value::Native(n) => n
            .downcast_ref::<Instant>()
            .map(|i| i.elapsed().as_nanos() as i64)
            .unwrap_or(0),
        _ => 0,
    };
    Ok(vec![Value::Int(d)])
}
fn time_sleep(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let ns = a[0].int();
    if ns > 0 {
        vm.publish_frames();
        vm.g.sleep(std::time::Duration::from_nanos(ns as u64));
    }
    Ok(vec![])
}
fn runtime_gosched(vm: &mut Vm<'_>, _a: &[Value]) -> R {
    vm.g.gosched();
    Ok(vec![])
}
fn runtime_numgoroutine(vm: &mut Vm<'_>, _a: &[Value]) -> R {
    Ok(vec![Value::Int(super::rt::num_goroutine(vm) as i64)])
}
fn runtime_gomaxprocs(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let n = a.first().map_or(0, |v| v.int());
    Ok(vec![Value::Int(vm.g.gomaxprocs(n as i32) as i64)])
}
fn runtime_numcpu(_vm: &mut Vm<'_>, _a: &[Value]) -> R {
    Ok(vec![Value::Int(
        std::thread::available_parallelism().map_or(1, |n| n.get()) as i64,
    )])
}

/// Native functions by qualified name.
pub fn lookup(name: &str) -> Option<(&'static str, NativeFn)> {
    if let Some(e) = super::lib::lookup(name) {
        return Some(e);
    }
    let table: &[(&'static str, NativeFn)] = &[
        ("fmt.Println", fmt_println),
        ("fmt.Print", fmt_print),
        ("fmt.Printf", fmt_printf),
        ("fmt.Sprintf", fmt_sprintf),
        ("fmt.Sprint", fmt_sprint),
        ("fmt.Sprintln", fmt_sprintln),
        ("fmt.Errorf", fmt_errorf),
        ("errors.New", errors_new),
        ("os.Exit", os_exit),
        ("strconv.Itoa", strconv_itoa),
        ("strconv.Atoi", strconv_atoi),
        ("strings.Repeat", strings_repeat),
        ("strings.Contains", strings_contains),
        ("strings.ToUpper", strings_to_upper),
        ("strings.ToLower", strings_to_lower),
        ("time.Now", time_now),
        ("time.Since", time_since),
        ("time.Sleep", time_sleep),
        ("runtime.Gosched", runtime_gosched),
        ("runtime.NumGoroutine", runtime_numgoroutine),
        ("runtime.NumCPU", runtime_numcpu),
        ("runtime.GOMAXPROCS", runtime_gomaxprocs),
    ];
    table
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(n, f)| (*n, *f))
}
