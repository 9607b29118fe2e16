//! Package fmt over the Go-exact engine of `crate::stdlib::fmt`: VM values are converted to
//! [`FmtValue`]s by their runtime types; `Error()`/`String()` are called lazily (through
//! [`MethodCaller`]) by re-entering the VM on the same goroutine.

use super::{bytes_of, error_string_msg, new_error, ptr, slice_items, write_fd, Entry, R};
use crate::stdlib::fmt::{self as sfmt, FmtValue, Method, MethodCaller};
use crate::stdlib::scan::{self, ScanTarget, ScanValue};
use crate::vm::program::{IntKind, Program, RKind, RT_WRAP_ERROR, RT_WRAP_ERRORS};
use crate::vm::value::{Iface, Value, AGG};
use crate::vm::{Trap, Vm};
use std::borrow::Cow;
use std::sync::Arc;

pub const TABLE: &[Entry] = &[
    ("fmt.Println", fmt_println),
    ("fmt.Print", fmt_print),
    ("fmt.Printf", fmt_printf),
    ("fmt.Sprintf", fmt_sprintf),
    ("fmt.Sprint", fmt_sprint),
    ("fmt.Sprintln", fmt_sprintln),
    ("fmt.Errorf", fmt_errorf),
    ("fmt.Fprintln", fmt_fprintln),
    ("fmt.Fprint", fmt_fprint),
    ("fmt.Fprintf", fmt_fprintf),
    ("fmt.Sscan", fmt_sscan),
    ("fmt.Sscanln", fmt_sscanln),
    ("fmt.Sscanf", fmt_sscanf),
    ("fmt.Append", fmt_append),
    ("fmt.Appendf", fmt_appendf),
    ("fmt.Fscan", fmt_fscan),
    ("fmt.Fscanln", fmt_fscanln),
    ("fmt.Fscanf", fmt_fscanf),
    ("fmt.Scan", fmt_scan),
    ("fmt.Scanln", fmt_scanln),
    ("fmt.Scanf", fmt_scanf),
    ("builtin.print", builtin_print),
    ("builtin.close", builtin_close),
    ("builtin.panic", builtin_panic),
    ("builtin.println", builtin_println),
    ("builtin.clear", builtin_clear),
];

/// `clear(m)` deletes every entry; `clear(s)` sets `s[0:len(s)]` to the zero value `a[1]`.
fn builtin_clear(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    match a.first() {
        Some(Value::Map(m)) => m.lock().entries.clear(),
        Some(Value::Slice(s)) => {
            let z = a.get(1).cloned().unwrap_or_default();
            for i in 0..s.len as usize {
                s.set(i, z.clone());
            }
        }
        _ => {}
    }
    Ok(vec![])
}

/// The `print`/`println` builtins (stderr, the runtime's formatting).
fn builtin_out(vm: &mut Vm<'_>, a: &[Value], ln: bool) -> R {
    let prog = vm.shared.prog.clone();
    let mut conv = Conv::new(&prog);
    let mut out = Vec::new();
    for (i, v) in a.iter().enumerate() {
        if ln && i > 0 {
            out.push(b' ');
        }
        let fv = match v {
            Value::Iface(iv) => conv.typed(&iv.val, iv.ty, 1, false),
            _ => FmtValue::nil(),
        };
        // A slice prints as [len/cap]address of its first element.
        if let Value::Iface(iv) = v {
            if matches!(
                prog.types.get(iv.ty as usize).map(|t| &t.kind),
                Some(RKind::Slice(_))
            ) {
                let (len, cap) = match &iv.val {
                    Value::Slice(s) => (s.len, s.cap),
                    _ => (0, 0),
                };
                out.extend_from_slice(format!("[{len}/{cap}]{:#x}", addr_of(&iv.val)).as_bytes());
                continue;
            }
        }
        if !crate::stdlib::runtime::print_value(&mut out, &fv) {
            // Interfaces print as (type,addr) pairs in Go.
            out.extend_from_slice(format!("({:#x},{:#x})", 0, addr_of(v)).as_bytes());
        }
    }
    if ln {
        out.push(b'\n');
    }
    write_fd(2, &out);
    Ok(vec![])
}
fn builtin_close(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let c = match &a[0] {
        Value::Chan(c) => Some(c.clone()),
        _ => None,
    };
    if let Err(msg) = crate::vm::rt::closechan(vm, c) {
        let e = vm.plain_error(msg);
        return Err(super::gopanic(vm, e));
    }
    Ok(vec![])
}
fn builtin_panic(vm: &mut Vm<'_>, a: &[Value]) -> R {
    Err(super::gopanic(vm, a[0].clone()))
}
fn builtin_print(vm: &mut Vm<'_>, a: &[Value]) -> R {
    builtin_out(vm, a, false)
}
fn builtin_println(vm: &mut Vm<'_>, a: &[Value]) -> R {
    builtin_out(vm, a, true)
}

/// Stdin as the Go program sees it through fmt and bufio.Reader: bytes read so far (each
/// read in a syscall so other goroutines run), how many were consumed, and EOF.
fn stdin_state() -> &'static parking_lot::Mutex<(bool, Vec<u8>, usize)> {
    static BUF: std::sync::OnceLock<parking_lot::Mutex<(bool, Vec<u8>, usize)>> =
        std::sync::OnceLock::new();
    BUF.get_or_init(Default::default)
}

/// Read another chunk of stdin; false at EOF.
fn stdin_fill(vm: &mut Vm<'_>) -> bool {
    use std::io::Read;
    if stdin_state().lock().0 {
        return false;
    }
    vm.publish_frames();
    let chunk = vm.g.syscall(|| {
        let mut b = vec![0u8; 64 * 1024];
        match std::io::stdin().read(&mut b) {
            Ok(n) => {
                b.truncate(n);
                b
            }
            Err(_) => Vec::new(),
        }
    });
    let mut g = stdin_state().lock();
    if chunk.is_empty() {
        g.0 = true;
        return false;
    }
    g.1.extend_from_slice(&chunk);
    true
}

/// `ReadString(delim)` on stdin: (bytes, found delim).
pub fn stdin_read_until(vm: &mut Vm<'_>, delim: u8) -> (Vec<u8>, bool) {
    loop {
        {
            let mut g = stdin_state().lock();
            let pos = g.2.min(g.1.len());
            if let Some(i) = g.1[pos..].iter().position(|&c| c == delim) {
                let out = g.1[pos..pos + i + 1].to_vec();
                g.2 = pos + i + 1;
                return (out, true);
            }
        }
        if !stdin_fill(vm) {
            let mut g = stdin_state().lock();
            let pos = g.2.min(g.1.len());
            let out = g.1[pos..].to_vec();
            g.2 = g.1.len();
            return (out, false);
        }
    }
}

/// The reader under a `*bufio.Reader` (its one field), or the value itself.
fn underlying(vm: &Vm<'_>, r: Option<&Value>) -> Option<Value> {
    if let Some(Value::Iface(iv)) = r {
        let is_bufio = vm
            .prog()
            .types
            .get(iv.ty as usize)
            .is_some_and(|t| t.name == "*bufio.Reader");
        if is_bufio {
            if let Some(p) = ptr(&iv.val) {
                return Some(p.load(1));
            }
        }
    }
    r.cloned()
}

fn is_strings_reader(vm: &Vm<'_>, r: Option<&Value>) -> Option<crate::vm::value::Pointer> {
    match underlying(vm, r) {
        Some(Value::Iface(iv)) => {
            let ok = vm
                .prog()
                .types
                .get(iv.ty as usize)
                .is_some_and(|t| t.name == "*strings.Reader");
            if ok {
                ptr(&iv.val).cloned()
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Up to `want` unread bytes of a reader (`*strings.Reader`, else stdin), without consuming
/// them; fewer only at the end of the input.
fn reader_bytes(vm: &mut Vm<'_>, r: Option<&Value>, want: usize) -> Vec<u8> {
    if let Some(p) = is_strings_reader(vm, r) {
        let t = p.load(2 | AGG);
        let t = t.tuple();
        let s = t[0].as_str();
        let i = (t[1].int().max(0) as usize).min(s.len());
        return s[i..(i.saturating_add(want)).min(s.len())].to_vec();
    }
    loop {
        {
            let g = stdin_state().lock();
            let pos = g.2.min(g.1.len());
            if g.1.len() - pos >= want || g.0 {
                return g.1[pos..(pos.saturating_add(want)).min(g.1.len())].to_vec();
            }
        }
        if !stdin_fill(vm) {
            let g = stdin_state().lock();
            return g.1[g.2.min(g.1.len())..].to_vec();
        }
    }
}

fn run_scan(
    vm: &mut Vm<'_>,
    r: Option<&Value>,
    format: Option<&[u8]>,
    args: &[Value],
    ln: bool,
) -> R {
    // Scan a window of the input (a call costs what it reads, not what is left); a scan that
    // reaches the end of a window that is not the end of the input is redone on a larger one.
    let mut want = 4096;
    loop {
        let data = reader_bytes(vm, r, want);
        let t = scan_targets(vm, args);
        let tg: Vec<ScanTarget> = t.iter().map(|x| x.0.clone()).collect();
        let mut src = scan::BytesReader::new(&data);
        let res = match (format, ln) {
            (Some(f), _) => scan::fscanf(&mut src, f, &tg),
            (None, true) => scan::fscanln(&mut src, &tg),
            (None, false) => scan::fscan(&mut src, &tg),
        };
        let used = src.pos();
        if used >= data.len() && data.len() == want {
            want = want.saturating_mul(8);
            continue;
        }
        advance_source(vm, r, used);
        return finish_scan(t, res);
    }
}

/// Consume `n` bytes of the reader (strings.Reader index, or the stdin buffer).
fn advance_source(vm: &mut Vm<'_>, r: Option<&Value>, n: usize) {
    if let Some(p) = is_strings_reader(vm, r) {
        let t = p.load(2 | AGG);
        let t = t.tuple();
        p.store(
            2 | AGG,
            Value::Tuple(vec![t[0].clone(), Value::Int(t[1].int() + n as i64)].into()),
        );
        return;
    }
    stdin_state().lock().2 += n;
}

fn fmt_fscan(vm: &mut Vm<'_>, a: &[Value]) -> R {
    run_scan(vm, Some(&a[0]), None, &slice_items(&a[1]), false)
}
fn fmt_fscanln(vm: &mut Vm<'_>, a: &[Value]) -> R {
    run_scan(vm, Some(&a[0]), None, &slice_items(&a[1]), true)
}
fn fmt_fscanf(vm: &mut Vm<'_>, a: &[Value]) -> R {
    run_scan(
        vm,
        Some(&a[0]),
        Some(a[1].as_str()),
        &slice_items(&a[2]),
        false,
    )
}
fn fmt_scan(vm: &mut Vm<'_>, a: &[Value]) -> R {
    run_scan(vm, None, None, &slice_items(&a[0]), false)
}
fn fmt_scanln(vm: &mut Vm<'_>, a: &[Value]) -> R {
    run_scan(vm, None, None, &slice_items(&a[0]), true)
}
fn fmt_scanf(vm: &mut Vm<'_>, a: &[Value]) -> R {
    run_scan(vm, None, Some(a[0].as_str()), &slice_items(&a[1]), false)
}

/// Converts VM values to fmt values; receivers of lazy method calls are kept in `handles`.
pub struct Conv<'p> {
    pub prog: &'p Program,
    pub handles: Vec<Arc<Iface>>,
}

fn exported(name: &str) -> bool {
    name.chars().next().is_some_and(|c| c.is_uppercase())
}

fn addr_of(v: &Value) -> usize {
    match v {
        Value::Ptr(p) => Arc::as_ptr(&p.obj) as *const u8 as usize + p.off as usize * 8,
        Value::Slice(s) => Arc::as_ptr(&s.obj) as *const u8 as usize + s.off as usize * 8,
        Value::Map(m) => Arc::as_ptr(m) as *const u8 as usize,
        Value::Chan(c) => Arc::as_ptr(c) as *const u8 as usize,
        Value::Func(f) => Arc::as_ptr(f) as *const u8 as usize,
        Value::Native(n) => Arc::as_ptr(n) as *const u8 as usize,
        _ => 0,
    }
}

impl<'p> Conv<'p> {
    pub fn new(prog: &'p Program) -> Self {
        Conv {
            prog,
            handles: Vec::new(),
        }
    }

    fn is_agg(&self, ty: u32) -> bool {
        matches!(
            self.prog.types.get(ty as usize).map(|t| &t.kind),
            Some(RKind::Struct(_) | RKind::Array(..))
        )
    }

    fn nslots(&self, ty: u32) -> usize {
        self.prog
            .types
            .get(ty as usize)
            .map_or(1, |t| t.slots as usize)
    }

    /// The value of a field/element of `slots` slots at `off` in a flattened aggregate.
    fn sub(&self, v: &Value, off: usize, ty: u32) -> Value {
        let n = self.nslots(ty);
        match v {
            Value::Tuple(t) => {
                if !self.is_agg(ty) && n == 1 {
                    t.get(off).cloned().unwrap_or_default()
                } else {
                    Value::Tuple(t.iter().skip(off).take(n).cloned().collect())
                }
            }
            v => v.clone(),
        }
    }

    /// An operand (an interface value or nil).
    pub fn operand(&mut self, v: &Value) -> FmtValue<'static> {
        match v {
            Value::Iface(iv) => self.typed(&iv.val, iv.ty, 0, true),
            _ => FmtValue::nil(),
        }
    }

    pub fn typed(&mut self, v: &Value, ty: u32, depth: u32, methods: bool) -> FmtValue<'static> {
        let prog = self.prog;
        let t = match prog.types.get(ty as usize) {
            Some(t) => t,
            None => return FmtValue::nil(),
        };
        if matches!(t.kind, RKind::ErrorString) {
            let raw = FmtValue::Pointer {
                ty: Cow::Owned(t.name.clone()),
                addr: addr_of(v).max(1),
                pointee: None,
            };
            if !methods {
                return raw;
            }
            return FmtValue::Error {
                value: Box::new(raw),
                msg: Cow::Owned(error_string_msg(v)),
            };
        }
        if methods && !t.methods.is_empty() {
            let has = |n: &str| {
                prog.find_method_sym(n)
                    .is_some_and(|s| t.methods.contains_key(&s))
            };
            let (e, s) = (has("Error"), has("String"));
            if e || s {
                let inner = self.raw(v, ty, depth);
                self.handles
                    .push(crate::vm::value::Iface::new(ty, v.clone()));
                return FmtValue::Methods {
                    value: Box::new(inner),
                    handle: self.handles.len() - 1,
                    error: e,
                    string: s,
                    go_string: false,
                };
            }
        }
        self.raw(v, ty, depth)
    }

    fn raw(&mut self, v: &Value, ty: u32, depth: u32) -> FmtValue<'static> {
        let prog = self.prog;
        let t = match prog.types.get(ty as usize) {
            Some(t) => t,
            None => return FmtValue::nil(),
        };
        let name = || Cow::Owned(t.name.clone());
        match &t.kind {
            RKind::Bool => FmtValue::Bool {
                v: v.int() != 0,
                ty: name(),
            },
            RKind::Int(k) => {
                if k.signed() {
                    FmtValue::Int {
                        v: v.int(),
                        ty: name(),
                    }
                } else {
                    let x = v.int() as u64;
                    let x = match k {
                        IntKind::U8 => x & 0xff,
                        IntKind::U16 => x & 0xffff,
                        IntKind::U32 => x & 0xffff_ffff,
                        _ => x,
                    };
                    FmtValue::Uint { v: x, ty: name() }
                }
            }
            RKind::Float64 => FmtValue::Float {
                v: v.float(),
                bits: 64,
                ty: name(),
            },
            RKind::Float32 => FmtValue::Float {
                v: v.float() as f32 as f64,
                bits: 32,
                ty: name(),
            },
            RKind::Complex(part_bits) => {
                let (re, im) = match v {
                    Value::Tuple(t) if t.len() >= 2 => (t[0].float(), t[1].float()),
                    _ => (0.0, 0.0),
                };
                FmtValue::Complex {
                    re,
                    im,
                    bits: 2 * part_bits,
                    ty: name(),
                }
            }
            RKind::String => FmtValue::Str {
                v: Cow::Owned(v.as_str().to_vec()),
                ty: name(),
            },
            RKind::Slice(e) => {
                let e = *e;
                let is_bytes = matches!(
                    prog.types.get(e as usize).map(|t| &t.kind),
                    Some(RKind::Int(IntKind::U8))
                );
                let nil = matches!(v, Value::Nil);
                if is_bytes {
                    return FmtValue::Bytes {
                        v: Cow::Owned(bytes_of(v)),
                        ty: name(),
                        is_slice: true,
                        nil,
                        addr: addr_of(v),
                    };
                }
                let elems = slice_items(v)
                    .iter()
                    .map(|x| self.typed(x, e, depth + 1, true))
                    .collect();
                FmtValue::List {
                    ty: name(),
                    is_slice: true,
                    nil,
                    addr: addr_of(v),
                    elems,
                }
            }
            RKind::Array(n, e) => {
                let (n, e) = (*n as usize, *e);
                let es = self.nslots(e);
                let items: Vec<Value> = (0..n).map(|i| self.sub(v, i * es, e)).collect();
                let is_bytes = matches!(
                    prog.types.get(e as usize).map(|t| &t.kind),
                    Some(RKind::Int(IntKind::U8))
                );
                if is_bytes {
                    return FmtValue::Bytes {
                        v: Cow::Owned(items.iter().map(|x| x.int() as u8).collect()),
                        ty: name(),
                        is_slice: false,
                        nil: false,
                        addr: 0,
                    };
                }
                let elems = items
                    .iter()
                    .map(|x| self.typed(x, e, depth + 1, true))
                    .collect();
                FmtValue::List {
                    ty: name(),
                    is_slice: false,
                    nil: false,
                    addr: 0,
                    elems,
                }
            }
            RKind::Map(kt, vt) => {
                let (kt, vt) = (*kt, *vt);
                let entries: Vec<(Value, Value)> = match v {
                    Value::Map(m) => m.lock().entries.values().cloned().collect(),
                    _ => vec![],
                };
                let entries = entries
                    .iter()
                    .map(|(k, x)| {
                        (
                            self.typed(k, kt, depth + 1, true),
                            self.typed(x, vt, depth + 1, true),
                        )
                    })
                    .collect();
                FmtValue::Map {
                    ty: name(),
                    nil: matches!(v, Value::Nil),
                    addr: addr_of(v),
                    entries,
                }
            }
            RKind::Pointer(e) => {
                let e = *e;
                let pointee = match v {
                    Value::Ptr(p) if depth == 0 => {
                        let et = prog.types.get(e as usize);
                        match et.map(|t| &t.kind) {
                            Some(RKind::Struct(_) | RKind::Array(..)) => {
                                let shape = self.nslots(e) | AGG;
                                let x = p.load(shape);
                                Some(Box::new(self.typed(&x, e, depth + 1, true)))
                            }
                            Some(RKind::Slice(_) | RKind::Map(..)) => {
                                let x = p.load(1);
                                Some(Box::new(self.typed(&x, e, depth + 1, true)))
                            }
                            _ => None,
                        }
                    }
                    _ => None,
                };
                FmtValue::Pointer {
                    ty: name(),
                    addr: addr_of(v),
                    pointee,
                }
            }
            RKind::Struct(fields) => {
                let mut out = Vec::with_capacity(fields.len());
                for f in fields {
                    let fv = self.sub(v, f.off as usize, f.ty);
                    let fname = if f.embedded {
                        let tn = prog
                            .types
                            .get(f.ty as usize)
                            .map_or(String::new(), |t| t.name.clone());
                        let tn = tn.trim_start_matches('*');
                        let tn = tn.rsplit('.').next().unwrap_or(tn);
                        let tn = tn.split('[').next().unwrap_or(tn);
                        tn.to_string()
                    } else {
                        f.name.clone()
                    };
                    let m = exported(&fname);
                    out.push((Cow::Owned(fname), self.typed(&fv, f.ty, depth + 1, m)));
                }
                FmtValue::Struct {
                    ty: name(),
                    fields: out,
                }
            }
            RKind::Func => FmtValue::Func {
                ty: name(),
                addr: addr_of(v),
            },
            RKind::Chan(_) => FmtValue::Chan {
                ty: name(),
                addr: addr_of(v),
            },
            RKind::Interface(_) => match v {
                Value::Iface(iv) => self.typed(&iv.val, iv.ty, depth, true),
                _ => FmtValue::NilInterface { ty: name() },
            },
            RKind::ErrorString => FmtValue::Str {
                v: Cow::Owned(error_string_msg(v)),
                ty: name(),
            },
            RKind::Native => FmtValue::Pointer {
                ty: name(),
                addr: addr_of(v),
                pointee: None,
            },
        }
    }
}

/// Calls `Error`/`String` for fmt by re-entering the VM.
pub struct Caller<'a, 'g> {
    pub vm: &'a mut Vm<'g>,
    pub handles: Vec<Arc<Iface>>,
    pub trap: Option<Trap>,
}

impl MethodCaller for Caller<'_, '_> {
    fn call(&mut self, handle: usize, method: Method) -> Result<Vec<u8>, FmtValue<'static>> {
        if self.trap.is_some() {
            return Err(FmtValue::nil());
        }
        let iv = match self.handles.get(handle) {
            Some(h) => h.clone(),
            None => return Err(FmtValue::nil()),
        };
        let prog = self.vm.shared.prog.clone();
        let entry = prog
            .find_method_sym(method.name())
            .and_then(|s| prog.types.get(iv.ty as usize)?.methods.get(&s).copied());
        let entry = match entry {
            Some(e) => e,
            None => return Err(FmtValue::nil()),
        };
        let recv = if entry.deref > 0 {
            match &iv.val {
                Value::Ptr(p) => p.load(entry.deref as usize),
                _ => {
                    let e = self
                        .vm
                        .runtime_error("invalid memory address or nil pointer dereference");
                    return Err(Conv::new(&prog).operand(&e));
                }
            }
        } else {
            iv.val.clone()
        };
        match super::call_entry(self.vm, entry, &[recv]) {
            Ok(r) => Ok(r.first().map(|v| v.as_str().to_vec()).unwrap_or_default()),
            Err(Trap::Panicking) => {
                let p = self.vm.panics.pop();
                let v = p.map(|p| p.val).unwrap_or_default();
                Err(Conv::new(&prog).operand(&v))
            }
            Err(t) => {
                self.trap = Some(t);
                Err(FmtValue::nil())
            }
        }
    }
}

#[derive(Clone, Copy)]
pub enum Kind {
    Print,
    Println,
    Printf,
    Errorf,
}

/// Native stack for printing a deeply nested value (the printer recurses over the value; Go
/// grows its stack for it). Only the touched pages are committed.
const DEEP_PRINT_STACK: usize = 64 << 20;

/// Whether some argument nests deeper than `limit` levels of interfaces, slices and
/// aggregates (looking at a bounded number of values: a cheap check before every print).
fn nests_deeper_than(args: &[Value], limit: usize) -> bool {
    let mut stack: Vec<(Value, usize)> = args.iter().map(|a| (a.clone(), 0)).collect();
    let mut budget = 4096usize;
    while let Some((v, d)) = stack.pop() {
        if d > limit {
            return true;
        }
        budget -= 1;
        if budget == 0 {
            return false;
        }
        match &v {
            Value::Iface(iv) => stack.push((iv.val.clone(), d + 1)),
            Value::Tuple(t) => stack.extend(t.iter().map(|x| (x.clone(), d + 1))),
            Value::Slice(sl) => {
                stack.extend((0..(sl.len as usize).min(64)).map(|i| (sl.get(i), d + 1)))
            }
            Value::Map(m) => {
                let g = m.lock();
                stack.extend(
                    g.entries
                        .values()
                        .take(64)
                        .flat_map(|(k, v)| [(k.clone(), d + 1), (v.clone(), d + 1)]),
                );
            }
            _ => {}
        }
    }
    false
}

/// Format `args` (interface values) with `format` as the `kind` of print does.
pub fn format(vm: &mut Vm<'_>, format: &[u8], args: &[Value], kind: Kind) -> Result<Vec<u8>, Trap> {
    if nests_deeper_than(args, 48) {
        let mut seg = vm.g.newstack_sized(DEEP_PRINT_STACK);
        let r = seg.run(|| format_here(vm, format, args, kind));
        vm.g.oldstack(seg);
        return r;
    }
    format_here(vm, format, args, kind)
}

fn format_here(
    vm: &mut Vm<'_>,
    format: &[u8],
    args: &[Value],
    kind: Kind,
) -> Result<Vec<u8>, Trap> {
    let prog = vm.shared.prog.clone();
    let mut conv = Conv::new(&prog);
    let vals: Vec<FmtValue> = args.iter().map(|a| conv.operand(a)).collect();
    let mut caller = Caller {
        vm,
        handles: conv.handles,
        trap: None,
    };
    let mut out = Vec::new();
    match kind {
        Kind::Print => sfmt::fprint_with(&mut out, &vals, &mut caller),
        Kind::Println => sfmt::fprintln_with(&mut out, &vals, &mut caller),
        Kind::Printf => sfmt::fprintf_with(&mut out, format, &vals, &mut caller),
        Kind::Errorf => sfmt::errorf_with(&mut out, format, &vals, &mut caller),
    }
    if let Some(t) = caller.trap {
        return Err(t);
    }
    Ok(out)
}

/// `fmt.Sprint` of values (for other packages: panics, print helpers).
pub fn sprint(vm: &mut Vm<'_>, args: &[Value]) -> Result<Vec<u8>, Trap> {
    format(vm, b"", args, Kind::Print)
}

fn n_res(n: usize) -> Vec<Value> {
    vec![Value::Int(n as i64), Value::Nil]
}

fn fmt_println(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let s = format(vm, b"", &slice_items(&a[0]), Kind::Println)?;
    write_fd(1, &s);
    Ok(n_res(s.len()))
}
fn fmt_print(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let s = format(vm, b"", &slice_items(&a[0]), Kind::Print)?;
    write_fd(1, &s);
    Ok(n_res(s.len()))
}
fn fmt_printf(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let s = format(vm, a[0].as_str(), &slice_items(&a[1]), Kind::Printf)?;
    write_fd(1, &s);
    Ok(n_res(s.len()))
}
fn fmt_sprintf(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let s = format(vm, a[0].as_str(), &slice_items(&a[1]), Kind::Printf)?;
    Ok(vec![Value::from_bytes(s)])
}
fn fmt_sprint(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let s = format(vm, b"", &slice_items(&a[0]), Kind::Print)?;
    Ok(vec![Value::from_bytes(s)])
}
fn fmt_sprintln(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let s = format(vm, b"", &slice_items(&a[0]), Kind::Println)?;
    Ok(vec![Value::from_bytes(s)])
}
fn fmt_append(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let mut b = bytes_of(&a[0]);
    b.extend(format(vm, b"", &slice_items(&a[1]), Kind::Print)?);
    Ok(vec![super::byte_slice(&b)])
}
fn fmt_appendf(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let mut b = bytes_of(&a[0]);
    b.extend(format(
        vm,
        a[1].as_str(),
        &slice_items(&a[2]),
        Kind::Printf,
    )?);
    Ok(vec![super::byte_slice(&b)])
}

/// Indexes of the operands of `%w` verbs in `format` (Go's argNum rules, explicit indexes).
fn wrap_operands(format: &[u8]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut argn = 0usize;
    let mut i = 0;
    while i < format.len() {
        if format[i] != b'%' {
            i += 1;
            continue;
        }
        i += 1;
        // flags
        while i < format.len() && b"+-# 0".contains(&format[i]) {
            i += 1;
        }
        let parse_index = |i: &mut usize, argn: &mut usize| {
            if *i < format.len() && format[*i] == b'[' {
                let start = *i + 1;
                let mut j = start;
                while j < format.len() && format[j].is_ascii_digit() {
                    j += 1;
                }
                if j < format.len() && format[j] == b']' {
                    if let Ok(n) = std::str::from_utf8(&format[start..j])
                        .unwrap_or("")
                        .parse::<usize>()
                    {
                        *argn = n.saturating_sub(1);
                    }
                    *i = j + 1;
                }
            }
        };
        parse_index(&mut i, &mut argn);
        if i < format.len() && format[i] == b'*' {
            argn += 1;
            i += 1;
        } else {
            while i < format.len() && format[i].is_ascii_digit() {
                i += 1;
            }
        }
        if i < format.len() && format[i] == b'.' {
            i += 1;
            parse_index(&mut i, &mut argn);
            if i < format.len() && format[i] == b'*' {
                argn += 1;
                i += 1;
            } else {
                while i < format.len() && format[i].is_ascii_digit() {
                    i += 1;
                }
            }
        }
        parse_index(&mut i, &mut argn);
        if i >= format.len() {
            break;
        }
        let (c, w) = crate::stdlib::utf8::decode_rune(&format[i..]);
        i += w.max(1);
        if c == '%' as i32 {
            continue;
        }
        if c == 'w' as i32 {
            out.push(argn);
        }
        argn += 1;
    }
    out
}

fn fmt_errorf(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let args = slice_items(&a[1]);
    let s = format(vm, a[0].as_str(), &args, Kind::Errorf)?;
    let mut wrapped = Vec::new();
    for i in wrap_operands(a[0].as_str()) {
        if let Some(Value::Iface(iv)) = args.get(i) {
            let is_err = super::is_error_string(vm, iv.ty) || super::has_method(vm, iv.ty, "Error");
            if is_err
                && !wrapped
                    .iter()
                    .any(|w: &Value| matches!(w, Value::Iface(x) if Arc::ptr_eq(x, iv)))
            {
                wrapped.push(Value::Iface(iv.clone()));
            }
        }
    }
    let n_w = wrap_operands(a[0].as_str()).len();
    let e = if n_w == 0 {
        new_error(&s)
    } else {
        let ty = if n_w == 1 {
            RT_WRAP_ERROR
        } else {
            RT_WRAP_ERRORS
        };
        let mut t = vec![Value::from_bytes(s)];
        t.extend(wrapped);
        Value::Iface(crate::vm::value::Iface::new(ty, Value::Tuple(t.into())))
    };
    Ok(vec![e])
}

/// Write to an `io.Writer`: `*os.File` natively, `*strings.Builder`/`*bufio.Writer`/
/// `*bytes.Buffer` natively, anything else through its Write method.
pub fn write_to(vm: &mut Vm<'_>, w: &Value, b: &[u8]) -> R {
    let iv = match w {
        Value::Iface(iv) => iv.clone(),
        _ => {
            let e = vm.runtime_error("invalid memory address or nil pointer dereference");
            return Err(super::gopanic(vm, e));
        }
    };
    let tname = vm
        .prog()
        .types
        .get(iv.ty as usize)
        .map_or(String::new(), |t| t.name.clone());
    match tname.as_str() {
        "*os.File" => {
            let fd = ptr(&iv.val).map_or(1, |p| p.load(1).int());
            write_fd(fd, b);
            Ok(n_res(b.len()))
        }
        "*strings.Builder" | "*bytes.Buffer" => {
            if let Some(p) = ptr(&iv.val) {
                super::strings::builder(p).lock().extend_from_slice(b);
            }
            Ok(n_res(b.len()))
        }
        "*bufio.Writer" => super::misc::bufio_write(vm, &iv.val, b),
        _ => {
            let bs = super::byte_slice(b);
            match super::call_method(vm, &iv, "Write", &[bs]) {
                Some(r) => r,
                None => Ok(n_res(0)),
            }
        }
    }
}

fn fmt_fprintln(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let s = format(vm, b"", &slice_items(&a[1]), Kind::Println)?;
    write_to(vm, &a[0], &s)
}
fn fmt_fprint(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let s = format(vm, b"", &slice_items(&a[1]), Kind::Print)?;
    write_to(vm, &a[0], &s)
}
fn fmt_fprintf(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let s = format(vm, a[1].as_str(), &slice_items(&a[2]), Kind::Printf)?;
    write_to(vm, &a[0], &s)
}

/// Scan targets of pointer operands, and the pointers with their element kinds.
fn scan_targets(
    vm: &Vm<'_>,
    args: &[Value],
) -> Vec<(ScanTarget, Option<(crate::vm::value::Pointer, RKind)>)> {
    let prog = vm.prog();
    args.iter()
        .map(|a| match a {
            Value::Iface(iv) => {
                let t = prog.types.get(iv.ty as usize);
                let elem = match t.map(|t| &t.kind) {
                    Some(RKind::Pointer(e)) => prog.types.get(*e as usize),
                    _ => None,
                };
                let p = ptr(&iv.val).cloned();
                match (elem, p) {
                    (Some(et), Some(p)) => {
                        let tgt = match &et.kind {
                            RKind::Bool => ScanTarget::Bool,
                            RKind::Int(k) => {
                                let bits = match k {
                                    IntKind::I8 | IntKind::U8 => 8,
                                    IntKind::I16 | IntKind::U16 => 16,
                                    IntKind::I32 | IntKind::U32 => 32,
                                    _ => 64,
                                };
                                if k.signed() {
                                    ScanTarget::Int(bits)
                                } else {
                                    ScanTarget::Uint(bits)
                                }
                            }
                            RKind::Float32 => ScanTarget::Float(32),
                            RKind::Float64 => ScanTarget::Float(64),
                            RKind::String => ScanTarget::String,
                            _ => ScanTarget::Other {
                                type_string: t.map_or(String::new(), |t| t.name.clone()),
                                is_pointer: true,
                            },
                        };
                        (tgt, Some((p, et.kind.clone())))
                    }
                    _ => (
                        ScanTarget::Other {
                            type_string: t.map_or(String::new(), |t| t.name.clone()),
                            is_pointer: false,
                        },
                        None,
                    ),
                }
            }
            _ => (
                ScanTarget::Other {
                    type_string: "<nil>".into(),
                    is_pointer: false,
                },
                None,
            ),
        })
        .collect()
}

/// Store scanned values and build `(n, err)`.
pub fn finish_scan(
    targets: Vec<(ScanTarget, Option<(crate::vm::value::Pointer, RKind)>)>,
    res: scan::ScanResult,
) -> R {
    let n = res.values.len();
    for (v, (_, p)) in res.values.into_iter().zip(targets) {
        if let Some((p, kind)) = p {
            let val = match v {
                ScanValue::Bool(b) => Value::from_bool(b),
                ScanValue::Int(i) => Value::Int(i),
                ScanValue::Uint(u) => Value::Int(u as i64),
                ScanValue::Float(f) => {
                    if matches!(kind, RKind::Float32) {
                        Value::from_f64(f as f32 as f64)
                    } else {
                        Value::from_f64(f)
                    }
                }
                ScanValue::Complex(..) => Value::Nil,
                ScanValue::Str(s) => Value::from_bytes(s),
            };
            p.store(1, val);
        }
    }
    let err = match res.err {
        Some(e) if e == b"EOF" => super::misc::io_eof(),
        Some(e) if e == b"unexpected EOF" => super::misc::io_unexpected_eof(),
        Some(e) => new_error(&e),
        None => Value::Nil,
    };
    Ok(vec![Value::Int(n as i64), err])
}

fn fmt_sscan(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let t = scan_targets(vm, &slice_items(&a[1]));
    let tg: Vec<ScanTarget> = t.iter().map(|x| x.0.clone()).collect();
    let r = scan::sscan(a[0].as_str(), &tg);
    finish_scan(t, r)
}
fn fmt_sscanln(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let t = scan_targets(vm, &slice_items(&a[1]));
    let tg: Vec<ScanTarget> = t.iter().map(|x| x.0.clone()).collect();
    let r = scan::sscanln(a[0].as_str(), &tg);
    finish_scan(t, r)
}
fn fmt_sscanf(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let t = scan_targets(vm, &slice_items(&a[2]));
    let tg: Vec<ScanTarget> = t.iter().map(|x| x.0.clone()).collect();
    let r = scan::sscanf(a[0].as_str(), a[1].as_str(), &tg);
    finish_scan(t, r)
}

/// `io.ReadAll(r)`: the rest of a `*strings.Reader`, stdin, or an opened file.
pub fn read_all(vm: &mut Vm<'_>, r: &Value) -> Vec<u8> {
    if let Value::Iface(iv) = r {
        let is_file = vm
            .prog()
            .types
            .get(iv.ty as usize)
            .is_some_and(|t| t.name == "*os.File");
        if is_file {
            let fd = ptr(&iv.val).map_or(0, |p| p.load(1).int());
            if fd >= 3 {
                let files = super::misc::open_files().lock();
                return files.get(fd as usize - 3).cloned().unwrap_or_default();
            }
        }
    }
    let b = reader_bytes(vm, Some(r), usize::MAX);
    advance_source(vm, Some(r), b.len());
    b
}

/// Consume up to `n` bytes of stdin (fewer only at its end).
pub fn stdin_read(vm: &mut Vm<'_>, n: usize) -> Vec<u8> {
    let b = reader_bytes(vm, None, n);
    stdin_state().lock().2 += b.len();
    b
}

/// Consume up to `n` bytes of the reader under `*bufio.Reader` `bufr` (fewer only at the end
/// of the input).
pub fn read_bytes(vm: &mut Vm<'_>, bufr: &Value, n: usize) -> Vec<u8> {
    let b = peek_bytes(vm, bufr, n);
    let inner = match bufr {
        Value::Ptr(p) => p.load(1),
        _ => Value::Nil,
    };
    advance_source(vm, Some(&inner), b.len());
    b
}

/// Up to `n` unread bytes of the reader under `*bufio.Reader` `bufr`, not consumed.
pub fn peek_bytes(vm: &mut Vm<'_>, bufr: &Value, n: usize) -> Vec<u8> {
    let inner = match bufr {
        Value::Ptr(p) => p.load(1),
        _ => Value::Nil,
    };
    reader_bytes(vm, Some(&inner), n)
}

/// `(*bufio.Reader).ReadString` over its underlying reader (`bufr` is the *bufio.Reader).
pub fn read_until(vm: &mut Vm<'_>, bufr: &Value, delim: u8) -> (Vec<u8>, bool) {
    let inner = match bufr {
        Value::Ptr(p) => p.load(1),
        _ => Value::Nil,
    };
    if let Some(p) = is_strings_reader(vm, Some(&inner)) {
        let t = p.load(2 | AGG);
        let t = t.tuple();
        let s = t[0].as_str();
        let i = (t[1].int().max(0) as usize).min(s.len());
        let rest = &s[i..];
        let (out, found) = match rest.iter().position(|&c| c == delim) {
            Some(k) => (rest[..k + 1].to_vec(), true),
            None => (rest.to_vec(), false),
        };
        p.store(
            2 | AGG,
            Value::Tuple(vec![t[0].clone(), Value::Int((i + out.len()) as i64)].into()),
        );
        return (out, found);
    }
    stdin_read_until(vm, delim)
}
