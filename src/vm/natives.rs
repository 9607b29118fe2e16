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
        .or_else(|| lookup_more(name))
}

// ---------------------------------------------------------------------------------------------
// Native state of opaque library types (sync.Mutex, sync.WaitGroup, strings.Builder,
// atomic.Int64...): one slot holding a lazily created native object.

use super::rt::ChanObj;
use parking_lot::Mutex as PlMutex;

fn recv_ptr(vm: &mut Vm<'_>, v: &Value) -> Result<super::value::Pointer, Trap> {
    match v {
        Value::Ptr(p) => Ok(p.clone()),
        _ => {
            let e = vm.runtime_error("invalid memory address or nil pointer dereference");
            Err(vm.native_panic(e, true))
        }
    }
}

fn state<T: std::any::Any + Send + Sync>(
    vm: &mut Vm<'_>,
    recv: &Value,
    init: impl FnOnce() -> T,
) -> Result<Arc<T>, Trap> {
    let p = recv_ptr(vm, recv)?;
    let v = p
        .obj
        .get_or_init(p.off as usize, || Value::Native(Arc::new(init())));
    match v {
        Value::Native(n) => match n.downcast::<T>() {
            Ok(t) => Ok(t),
            Err(_) => Err(vm.internal("native state of the wrong type")),
        },
        _ => Err(vm.internal("native state missing")),
    }
}

/// Panic with a plain (runtime.Error-less) message, as Go's `fatal`/`throw` in sync would
/// print: sync's misuse errors are fatal errors in Go.
fn sync_fatal(msg: &str) -> Trap {
    let _ = std::io::stdout().flush();
    minigo_runtime::fatal(msg)
}

/// `sync.Mutex`: a one-slot channel used as a semaphore (send = lock, receive = unlock).
struct MutexState {
    sema: ChanObj,
}

fn mutex_state(vm: &mut Vm<'_>, r: &Value) -> Result<Arc<MutexState>, Trap> {
    state(vm, r, || MutexState {
        sema: ChanObj::new(1),
    })
}

fn mutex_lock(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let m = mutex_state(vm, &a[0])?;
    vm.publish_frames();
    let _ = m.sema.send(vm.g, Value::Nil);
    Ok(vec![])
}
fn mutex_trylock(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let m = mutex_state(vm, &a[0])?;
    let ok = matches!(m.sema.try_send(vm.g, Value::Nil), Ok(None));
    Ok(vec![Value::from_bool(ok)])
}
fn mutex_unlock(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let m = mutex_state(vm, &a[0])?;
    match m.sema.try_recv(vm.g) {
        Some((Some(_), _)) => Ok(vec![]),
        _ => {
            vm.publish_frames();
            Err(sync_fatal("sync: unlock of unlocked mutex"))
        }
    }
}

/// `sync.RWMutex`: readers count under a mutex; writers take the semaphore and wait for
/// readers to drain.
struct RwState {
    w: ChanObj,
    readers: PlMutex<i64>,
}
fn rw_state(vm: &mut Vm<'_>, r: &Value) -> Result<Arc<RwState>, Trap> {
    state(vm, r, || RwState {
        w: ChanObj::new(1),
        readers: PlMutex::new(0),
    })
}
fn rw_lock(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let m = rw_state(vm, &a[0])?;
    vm.publish_frames();
    let _ = m.w.send(vm.g, Value::Nil);
    while *m.readers.lock() > 0 {
        vm.g.gosched();
    }
    Ok(vec![])
}
fn rw_unlock(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let m = rw_state(vm, &a[0])?;
    match m.w.try_recv(vm.g) {
        Some((Some(_), _)) => Ok(vec![]),
        _ => Err(sync_fatal("sync: Unlock of unlocked RWMutex")),
    }
}
fn rw_rlock(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let m = rw_state(vm, &a[0])?;
    vm.publish_frames();
    // Wait for a writer to finish, then register as a reader.
    let _ = m.w.send(vm.g, Value::Nil);
    *m.readers.lock() += 1;
    let _ = m.w.try_recv(vm.g);
    Ok(vec![])
}
fn rw_runlock(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let m = rw_state(vm, &a[0])?;
    let mut r = m.readers.lock();
    if *r <= 0 {
        drop(r);
        return Err(sync_fatal("sync: RUnlock of unlocked RWMutex"));
    }
    *r -= 1;
    Ok(vec![])
}

/// `sync.WaitGroup`: counter and the channels of waiting goroutines.
struct WgState {
    inner: PlMutex<(i64, Vec<Arc<ChanObj>>)>,
}
fn wg_state(vm: &mut Vm<'_>, r: &Value) -> Result<Arc<WgState>, Trap> {
    state(vm, r, || WgState {
        inner: PlMutex::new((0, Vec::new())),
    })
}
fn wg_add_delta(vm: &mut Vm<'_>, r: &Value, d: i64) -> R {
    let w = wg_state(vm, r)?;
    let waiters = {
        let mut g = w.inner.lock();
        g.0 += d;
        if g.0 < 0 {
            drop(g);
            let e = Value::Iface(Arc::new(Iface {
                ty: super::program::RT_ERRORS_STRING,
                val: Value::from_str("sync: negative WaitGroup counter"),
            }));
            return Err(vm.native_panic(e, false));
        }
        if g.0 == 0 {
            std::mem::take(&mut g.1)
        } else {
            Vec::new()
        }
    };
    for c in waiters {
        let _ = c.close_g(vm.g);
    }
    Ok(vec![])
}
fn wg_add(vm: &mut Vm<'_>, a: &[Value]) -> R {
    wg_add_delta(vm, &a[0], a[1].int())
}
fn wg_done(vm: &mut Vm<'_>, a: &[Value]) -> R {
    wg_add_delta(vm, &a[0], -1)
}
/// `wg.Go(f)`: Add(1), then run f in a new goroutine that calls Done when f returns.
fn wg_go(vm: &mut Vm<'_>, a: &[Value]) -> R {
    wg_add_delta(vm, &a[0], 1)?;
    let w = wg_state(vm, &a[0])?;
    let f = a[1].clone();
    let shared = vm.shared.clone();
    let line = vm.frames.last().map_or(0, |fr| {
        shared
            .prog
            .line_of(fr.func, fr.pc.saturating_sub(1) as usize)
    });
    let creator: Arc<str> = vm
        .frames
        .last()
        .and_then(|fr| shared.prog.funcs.get(fr.func as usize))
        .map_or(Arc::from("main.main"), |f| Arc::from(f.name.as_str()));
    let loc: Arc<str> = Arc::from(format!("{}:{} +0x0", shared.prog.file, line).as_str());
    let name: Arc<str> = Arc::from(format!("{creator}.gowrap1").as_str());
    vm.g.go_at(
        name,
        creator,
        Some(loc),
        Box::new(move |g: &mut super::rt::Gctx| {
            let goid = g.goid();
            let mut vm = Vm::new(shared, goid, g);
            super::rt::install_traceback(&mut vm);
            super::rt::run_goroutine(&mut vm, &f, &[]);
            let waiters = {
                let mut st = w.inner.lock();
                st.0 -= 1;
                if st.0 == 0 {
                    std::mem::take(&mut st.1)
                } else {
                    Vec::new()
                }
            };
            for c in waiters {
                let _ = c.close_g(vm.g);
            }
        }),
    );
    Ok(vec![])
}

fn wg_wait(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let w = wg_state(vm, &a[0])?;
    let c = {
        let mut g = w.inner.lock();
        if g.0 == 0 {
            return Ok(vec![]);
        }
        let c = Arc::new(ChanObj::new(0));
        g.1.push(c.clone());
        c
    };
    vm.publish_frames();
    let _ = c.recv(vm.g);
    Ok(vec![])
}
/// `sync.Once`.
struct OnceState {
    done: PlMutex<bool>,
    m: ChanObj,
}
fn once_do(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let o = state(vm, &a[0], || OnceState {
        done: PlMutex::new(false),
        m: ChanObj::new(1),
    })?;
    if *o.done.lock() {
        return Ok(vec![]);
    }
    let _ = o.m.send(vm.g, Value::Nil);
    let run = !*o.done.lock();
    let res = if run {
        let r = vm.call_value(&a[1], &[]);
        *o.done.lock() = true;
        r
    } else {
        Ok(vec![])
    };
    let _ = o.m.try_recv(vm.g);
    res.map(|_| vec![])
}

/// `strings.Builder`.
struct BuilderState {
    buf: PlMutex<Vec<u8>>,
}
fn builder(vm: &mut Vm<'_>, r: &Value) -> Result<Arc<BuilderState>, Trap> {
    state(vm, r, || BuilderState {
        buf: PlMutex::new(Vec::new()),
    })
}
fn sb_write_string(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let b = builder(vm, &a[0])?;
    let s = a[1].as_str();
    b.buf.lock().extend_from_slice(s);
    Ok(vec![Value::Int(s.len() as i64), Value::Nil])
}
fn sb_write_byte(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let b = builder(vm, &a[0])?;
    b.buf.lock().push(a[1].int() as u8);
    Ok(vec![Value::Nil])
}
fn sb_write_rune(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let b = builder(vm, &a[0])?;
    let mut out = Vec::new();
    super::interp::encode_rune(a[1].int(), &mut out);
    let n = out.len();
    b.buf.lock().extend_from_slice(&out);
    Ok(vec![Value::Int(n as i64), Value::Nil])
}
fn sb_string(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let b = builder(vm, &a[0])?;
    let s = b.buf.lock().clone();
    Ok(vec![Value::from_bytes(s)])
}
fn sb_len(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let b = builder(vm, &a[0])?;
    let n = b.buf.lock().len();
    Ok(vec![Value::Int(n as i64)])
}
fn sb_reset(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let b = builder(vm, &a[0])?;
    b.buf.lock().clear();
    Ok(vec![])
}
fn sb_grow(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let b = builder(vm, &a[0])?;
    b.buf.lock().reserve(a[1].int().max(0) as usize);
    Ok(vec![])
}

/// `atomic.Int64` and friends: an atomic word.
fn atomic_cell(vm: &mut Vm<'_>, r: &Value) -> Result<Arc<std::sync::atomic::AtomicI64>, Trap> {
    state(vm, r, || std::sync::atomic::AtomicI64::new(0))
}
fn norm32(v: i64, signed: bool) -> i64 {
    if signed {
        v as i32 as i64
    } else {
        v as u32 as i64
    }
}
macro_rules! atomic_type {
    ($add:ident, $load:ident, $store:ident, $cas:ident, $swap:ident, $norm:expr) => {
        fn $add(vm: &mut Vm<'_>, a: &[Value]) -> R {
            let c = atomic_cell(vm, &a[0])?;
            // SeqCst: Go's atomics are sequentially consistent.
            let v = c
                .fetch_add(a[1].int(), std::sync::atomic::Ordering::SeqCst)
                .wrapping_add(a[1].int());
            Ok(vec![Value::Int($norm(v))])
        }
        fn $load(vm: &mut Vm<'_>, a: &[Value]) -> R {
            let c = atomic_cell(vm, &a[0])?;
            Ok(vec![Value::Int($norm(
                c.load(std::sync::atomic::Ordering::SeqCst),
            ))])
        }
        fn $store(vm: &mut Vm<'_>, a: &[Value]) -> R {
            let c = atomic_cell(vm, &a[0])?;
            c.store(a[1].int(), std::sync::atomic::Ordering::SeqCst);
            Ok(vec![])
        }
        fn $cas(vm: &mut Vm<'_>, a: &[Value]) -> R {
            let c = atomic_cell(vm, &a[0])?;
            let ok = c
                .compare_exchange(
                    a[1].int(),
                    a[2].int(),
                    std::sync::atomic::Ordering::SeqCst,
                    std::sync::atomic::Ordering::SeqCst,
                )
                .is_ok();
            Ok(vec![Value::from_bool(ok)])
        }
        fn $swap(vm: &mut Vm<'_>, a: &[Value]) -> R {
            let c = atomic_cell(vm, &a[0])?;
            let old = c.swap(a[1].int(), std::sync::atomic::Ordering::SeqCst);
            Ok(vec![Value::Int($norm(old))])
        }
    };
}
atomic_type!(
    ai64_add,
    ai64_load,
    ai64_store,
    ai64_cas,
    ai64_swap,
    |v: i64| v
);
atomic_type!(
    ai32_add,
    ai32_load,
    ai32_store,
    ai32_cas,
    ai32_swap,
    |v: i64| norm32(v, true)
);
atomic_type!(
    au32_add,
    au32_load,
    au32_store,
    au32_cas,
    au32_swap,
    |v: i64| norm32(v, false)
);

/// `atomic.AddInt64(&x, d)` and friends over plain integer variables.
fn addr_add(vm: &mut Vm<'_>, a: &[Value], norm: fn(i64) -> i64) -> R {
    let p = recv_ptr(vm, &a[0])?;
    let v = p.obj.fetch_add(p.off as usize, a[1].int());
    let n = norm(v);
    if n != v {
        p.obj.set(p.off as usize, Value::Int(n));
    }
    Ok(vec![Value::Int(n)])
}
fn atomic_add_int64(vm: &mut Vm<'_>, a: &[Value]) -> R {
    addr_add(vm, a, |v| v)
}
fn atomic_add_int32(vm: &mut Vm<'_>, a: &[Value]) -> R {
    addr_add(vm, a, |v| v as i32 as i64)
}
fn atomic_load(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = recv_ptr(vm, &a[0])?;
    Ok(vec![p.load(1)])
}
fn atomic_store(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = recv_ptr(vm, &a[0])?;
    p.store(1, a[1].clone());
    Ok(vec![])
}
fn atomic_cas(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = recv_ptr(vm, &a[0])?;
    let ok = p
        .obj
        .compare_and_swap(p.off as usize, a[1].int(), a[2].int());
    Ok(vec![Value::from_bool(ok)])
}

fn duration_string(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    Ok(vec![Value::from_bytes(
        crate::stdlib::time::duration_string(a[0].int()),
    )])
}
fn duration_seconds(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    Ok(vec![Value::from_f64(
        crate::stdlib::time::duration_seconds(a[0].int()),
    )])
}
fn duration_ms(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    Ok(vec![Value::Int(a[0].int() / 1_000_000)])
}

/// Go's runtime `print` of one operand (`printint`, `printfloat` `+1.500000e+000`...).
fn runtime_print_value(vm: &mut Vm<'_>, v: &Value) -> String {
    match v {
        Value::Iface(iv) => {
            let k = vm.prog().types.get(iv.ty as usize).map(|t| t.kind.clone());
            match k {
                Some(RKind::Float64 | RKind::Float32) => {
                    let f = iv.val.float();
                    if f.is_nan() {
                        "NaN".into()
                    } else if f.is_infinite() {
                        if f > 0.0 {
                            "+Inf".into()
                        } else {
                            "-Inf".into()
                        }
                    } else {
                        let s = format!("{:.6e}", f);
                        let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
                        let e: i32 = e.parse().unwrap_or(0);
                        let sign = if f.is_sign_negative() { "" } else { "+" };
                        format!("{sign}{m}e{}{:03}", if e < 0 { '-' } else { '+' }, e.abs())
                    }
                }
                Some(RKind::Interface(_)) | None => "(0x0,0x0)".into(),
                Some(RKind::Slice(_))
                | Some(RKind::Map(..))
                | Some(RKind::Pointer(_))
                | Some(RKind::Chan(_))
                | Some(RKind::Func) => {
                    if iv.val.is_nil() {
                        "0x0".into()
                    } else {
                        "0xc000012000".into()
                    }
                }
                _ => vm
                    .format_typed(&iv.val, iv.ty, false, true)
                    .unwrap_or_default(),
            }
        }
        _ => "nil".into(),
    }
}
fn builtin_print(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let mut s = String::new();
    for v in a {
        s.push_str(&runtime_print_value(vm, v));
    }
    let _ = std::io::stderr().write_all(s.as_bytes());
    Ok(vec![])
}
fn builtin_println(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let parts: Vec<String> = a.iter().map(|v| runtime_print_value(vm, v)).collect();
    let s = parts.join(" ") + "\n";
    let _ = std::io::stderr().write_all(s.as_bytes());
    Ok(vec![])
}
fn builtin_close(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let c = match &a[0] {
        Value::Chan(c) => Some(c.clone()),
        _ => None,
    };
    if let Err(msg) = super::rt::closechan(vm, c) {
        let e = Value::Iface(Arc::new(Iface {
            ty: super::program::RT_RUNTIME_ERROR,
            val: Value::from_str(msg),
        }));
        return Err(vm.native_panic(e, false));
    }
    Ok(vec![])
}
fn builtin_panic(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let v = a.first().cloned().unwrap_or_default();
    Err(vm.native_panic(v, false))
}

/// Native methods and the second half of the table, by qualified name.
pub fn lookup_more(name: &str) -> Option<(&'static str, NativeFn)> {
    let table: &[(&'static str, NativeFn)] = &[
        ("builtin.print", builtin_print),
        ("builtin.println", builtin_println),
        ("builtin.close", builtin_close),
        ("builtin.panic", builtin_panic),
        ("sync.Mutex.Lock", mutex_lock),
        ("sync.Mutex.Unlock", mutex_unlock),
        ("sync.Mutex.TryLock", mutex_trylock),
        ("sync.RWMutex.Lock", rw_lock),
        ("sync.RWMutex.Unlock", rw_unlock),
        ("sync.RWMutex.RLock", rw_rlock),
        ("sync.RWMutex.RUnlock", rw_runlock),
        ("sync.WaitGroup.Add", wg_add),
        ("sync.WaitGroup.Done", wg_done),
        ("sync.WaitGroup.Wait", wg_wait),
        ("sync.WaitGroup.Go", wg_go),
        ("sync.Once.Do", once_do),
        ("strings.Builder.WriteString", sb_write_string),
        ("strings.Builder.WriteByte", sb_write_byte),
        ("strings.Builder.WriteRune", sb_write_rune),
        ("strings.Builder.String", sb_string),
        ("strings.Builder.Len", sb_len),
        ("strings.Builder.Reset", sb_reset),
        ("strings.Builder.Grow", sb_grow),
        ("sync/atomic.Int64.Add", ai64_add),
        ("sync/atomic.Int64.Load", ai64_load),
        ("sync/atomic.Int64.Store", ai64_store),
        ("sync/atomic.Int64.CompareAndSwap", ai64_cas),
        ("sync/atomic.Int64.Swap", ai64_swap),
        ("sync/atomic.Uint64.Add", ai64_add),
        ("sync/atomic.Uint64.Load", ai64_load),
        ("sync/atomic.Uint64.Store", ai64_store),
        ("sync/atomic.Uint64.CompareAndSwap", ai64_cas),
        ("sync/atomic.Uint64.Swap", ai64_swap),
        ("sync/atomic.Int32.Add", ai32_add),
        ("sync/atomic.Int32.Load", ai32_load),
        ("sync/atomic.Int32.Store", ai32_store),
        ("sync/atomic.Int32.CompareAndSwap", ai32_cas),
        ("sync/atomic.Int32.Swap", ai32_swap),
        ("sync/atomic.Uint32.Add", au32_add),
        ("sync/atomic.Uint32.Load", au32_load),
        ("sync/atomic.Uint32.Store", au32_store),
        ("sync/atomic.Uint32.CompareAndSwap", au32_cas),
        ("sync/atomic.Uint32.Swap", au32_swap),
        ("sync/atomic.Bool.Load", ai64_load),
        ("sync/atomic.Bool.Store", ai64_store),
        ("sync/atomic.AddInt64", atomic_add_int64),
        ("sync/atomic.AddUint64", atomic_add_int64),
        ("sync/atomic.AddInt32", atomic_add_int32),
        ("sync/atomic.LoadInt64", atomic_load),
        ("sync/atomic.LoadInt32", atomic_load),
        ("sync/atomic.LoadUint64", atomic_load),
        ("sync/atomic.LoadUint32", atomic_load),
        ("sync/atomic.StoreInt64", atomic_store),
        ("sync/atomic.StoreInt32", atomic_store),
        ("sync/atomic.CompareAndSwapInt64", atomic_cas),
        ("sync/atomic.CompareAndSwapInt32", atomic_cas),
        ("time.Duration.String", duration_string),
        ("time.Duration.Seconds", duration_seconds),
        ("time.Duration.Milliseconds", duration_ms),
    ];
    table
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(n, f)| (*n, *f))
        .or_else(|| lookup_stdlib(name))
}

// ---------------------------------------------------------------------------------------------
// strings, sort, strconv, errors (over the stdlib branch's Go-exact algorithms)

use crate::stdlib;

/// A new `[]string` from byte strings.
fn string_slice(items: Vec<Vec<u8>>) -> Value {
    let n = items.len();
    let obj = super::value::Obj::new(super::value::SlotKind::Vals, n, &[]);
    for (i, s) in items.into_iter().enumerate() {
        obj.set(i, Value::from_bytes(s));
    }
    Value::Slice(super::value::GoSlice {
        obj: Arc::new(obj),
        off: 0,
        len: n as u32,
        cap: n as u32,
        esz: 1,
    })
}

fn strings_join(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    let items: Vec<Vec<u8>> = slice_items(&a[0])
        .iter()
        .map(|v| v.as_str().to_vec())
        .collect();
    Ok(vec![Value::from_bytes(stdlib::strings::join(
        &items,
        a[1].as_str(),
    ))])
}
fn strings_split(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    let parts = stdlib::strings::split(a[0].as_str(), a[1].as_str());
    Ok(vec![string_slice(
        parts.into_iter().map(|p| p.to_vec()).collect(),
    )])
}
fn strings_fields(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    let parts = stdlib::strings::fields(a[0].as_str());
    Ok(vec![string_slice(
        parts.into_iter().map(|p| p.to_vec()).collect(),
    )])
}
fn strings_has_prefix(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    Ok(vec![Value::from_bool(stdlib::strings::has_prefix(
        a[0].as_str(),
        a[1].as_str(),
    ))])
}
fn strings_has_suffix(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    Ok(vec![Value::from_bool(stdlib::strings::has_suffix(
        a[0].as_str(),
        a[1].as_str(),
    ))])
}
fn strings_index(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    Ok(vec![Value::Int(stdlib::strings::index(
        a[0].as_str(),
        a[1].as_str(),
    ))])
}
fn strings_count(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    Ok(vec![Value::Int(stdlib::strings::count(
        a[0].as_str(),
        a[1].as_str(),
    ))])
}
fn strings_replace_all(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    Ok(vec![Value::from_bytes(stdlib::strings::replace_all(
        a[0].as_str(),
        a[1].as_str(),
        a[2].as_str(),
    ))])
}
fn strings_replace(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    Ok(vec![Value::from_bytes(stdlib::strings::replace(
        a[0].as_str(),
        a[1].as_str(),
        a[2].as_str(),
        a[3].int(),
    ))])
}
fn strings_trim_space(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    let s = a[0].as_str();
    let t = stdlib::strings::trim_left_func(s, stdlib::unicode::is_space);
    let n = t.len();
    let mut end = n;
    while end > 0 && matches!(t[end - 1], b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
        end -= 1;
    }
    Ok(vec![Value::from_bytes(t[..end].to_vec())])
}

/// sort.Ints / sort.Strings / sort.Float64s: Go's pdqsort over the slice's elements.
fn sort_slice_by(vm: &mut Vm<'_>, a: &[Value], kind: u8) -> R {
    let s = match &a[0] {
        Value::Slice(s) => s.clone(),
        _ => return Ok(vec![]),
    };
    let mut items: Vec<Value> = (0..s.len as usize).map(|i| s.get(i)).collect();
    match kind {
        0 => stdlib::sort::sort_by(&mut items, |x, y| x.int() < y.int()),
        1 => stdlib::sort::sort_by(&mut items, |x, y| x.as_str() < y.as_str()),
        _ => stdlib::sort::sort_by(&mut items, |x, y| {
            x.float() < y.float() || (x.float().is_nan() && !y.float().is_nan())
        }),
    }
    for (i, v) in items.into_iter().enumerate() {
        s.set(i, v);
    }
    let _ = vm;
    Ok(vec![])
}
fn sort_ints(vm: &mut Vm<'_>, a: &[Value]) -> R {
    sort_slice_by(vm, a, 0)
}
fn sort_strings(vm: &mut Vm<'_>, a: &[Value]) -> R {
    sort_slice_by(vm, a, 1)
}
fn sort_float64s(vm: &mut Vm<'_>, a: &[Value]) -> R {
    sort_slice_by(vm, a, 2)
}

/// `sort.Slice(x, less)`: the less callback re-enters the VM on this goroutine.
struct CallbackSort<'v, 'g> {
    vm: &'v mut Vm<'g>,
    s: super::value::GoSlice,
    less: Value,
}
impl stdlib::sort::LessSwap for CallbackSort<'_, '_> {
    type Error = Trap;
    fn less(&mut self, i: usize, j: usize) -> Result<bool, Trap> {
        let r = self
            .vm
            .call_value(&self.less, &[Value::Int(i as i64), Value::Int(j as i64)])?;
        Ok(r.first().is_some_and(|v| v.truthy()))
    }
    fn swap(&mut self, i: usize, j: usize) {
        let (x, y) = (self.s.get(i), self.s.get(j));
        self.s.set(i, y);
        self.s.set(j, x);
    }
}
fn sort_slice_impl(vm: &mut Vm<'_>, a: &[Value], stable: bool) -> R {
    let s = match &a[0] {
        Value::Iface(iv) => match &iv.val {
            Value::Slice(s) => s.clone(),
            _ => return Ok(vec![]),
        },
        Value::Slice(s) => s.clone(),
        _ => return Ok(vec![]),
    };
    let n = s.len as usize;
    let mut d = CallbackSort {
        vm,
        s,
        less: a[1].clone(),
    };
    if stable {
        stdlib::sort::stable(&mut d, n)?;
    } else {
        stdlib::sort::sort(&mut d, n)?;
    }
    Ok(vec![])
}
fn sort_slice(vm: &mut Vm<'_>, a: &[Value]) -> R {
    sort_slice_impl(vm, a, false)
}
fn sort_slice_stable(vm: &mut Vm<'_>, a: &[Value]) -> R {
    sort_slice_impl(vm, a, true)
}

fn strconv_format_int(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    let (v, base) = (a[0].int(), a[1].int().clamp(2, 36) as u32);
    let neg = v < 0;
    let mut u = v.unsigned_abs();
    let mut out = Vec::new();
    loop {
        let d = (u % base as u64) as u8;
        out.push(if d < 10 { b'0' + d } else { b'a' + d - 10 });
        u /= base as u64;
        if u == 0 {
            break;
        }
    }
    if neg {
        out.push(b'-');
    }
    out.reverse();
    Ok(vec![Value::from_bytes(out)])
}

/// errors.Is without Unwrap chains: interface equality (pointer identity for errors.New).
fn errors_is(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let eq = super::interp::values_equal(vm.prog(), &a[0], &a[1]).unwrap_or(false);
    Ok(vec![Value::from_bool(eq)])
}

/// `time.After(d)`: a one-element channel that a runtime timer fills after d.
fn time_after(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let d = a[0].int().max(0) as u64;
    let c = Arc::new(ChanObj::new(1));
    let c2 = c.clone();
    let now = minigo_runtime::nanotime();
    vm.g.after_func(
        std::time::Duration::from_nanos(d),
        Box::new(move || {
            // time.Time{wall, ext}: minigo's Time keeps the monotonic reading in ext.
            let t = Value::Tuple(vec![Value::Int(0), Value::Int(now + d as i64)].into());
            let _ = c2.offer(t);
        }),
    );
    Ok(vec![Value::Chan(c)])
}

/// More natives by qualified name.
pub fn lookup_stdlib(name: &str) -> Option<(&'static str, NativeFn)> {
    let table: &[(&'static str, NativeFn)] = &[
        ("time.After", time_after),
        ("strings.Join", strings_join),
        ("strings.Split", strings_split),
        ("strings.Fields", strings_fields),
        ("strings.HasPrefix", strings_has_prefix),
        ("strings.HasSuffix", strings_has_suffix),
        ("strings.Index", strings_index),
        ("strings.Count", strings_count),
        ("strings.Replace", strings_replace),
        ("strings.ReplaceAll", strings_replace_all),
        ("strings.TrimSpace", strings_trim_space),
        ("sort.Ints", sort_ints),
        ("sort.Strings", sort_strings),
        ("sort.Float64s", sort_float64s),
        ("sort.Slice", sort_slice),
        ("sort.SliceStable", sort_slice_stable),
        ("strconv.FormatInt", strconv_format_int),
        ("errors.Is", errors_is),
    ];
    table
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(n, f)| (*n, *f))
}
