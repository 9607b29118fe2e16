//! The standard library in the VM: native functions and methods of the packages declared in
//! `check/stdlib.rs`, over the pure implementations of `crate::stdlib` and the runtime's
//! primitives (`minigo_runtime`: Sema, Mutex, WaitGroup, NotifyList, timers, syscalls).
//!
//! Naming convention (the key of [`lookup`]): a function is `pkg.Name` with the package's
//! import path (`fmt.Println`, `unicode/utf8.RuneLen`); a method is `pkg.T.M` for a value
//! receiver (`time.Duration.String`) and `pkg.(*T).M` for a pointer receiver
//! (`sync.(*WaitGroup).Add`), the receiver being the first argument; a package variable is
//! `pkg.Name` too, a native of no arguments returning its value (`os.Stdout`, `io.EOF`).
//! Calling convention: arguments as the Go signature declares them (a variadic parameter
//! arrives as one slice), results as a Vec. To add a function: declare it in
//! `check/stdlib.rs`, write `fn(&mut Vm, &[Value]) -> R` in the package's file here and add
//! it to that file's `TABLE`.
//!
//! Opaque library types (sync.Mutex, strings.Builder...) keep their runtime object in their
//! first slot, created lazily on first use so a zero value works ([`native_cell`]).

pub mod context;
pub mod errors;
pub mod fmt;
pub mod misc;
pub mod strings;
pub mod sync;
pub mod time;

use super::program::{NativeFn, RKind, RT_ERRORS_STRING, RT_STRING};
use super::value::{GoSlice, Iface, Obj, Pointer, SlotKind, Value};
use super::{Trap, Vm};
use std::any::Any;
use std::sync::atomic::Ordering;
use std::sync::{Arc, OnceLock};

pub type R = Result<Vec<Value>, Trap>;
pub type Entry = (&'static str, NativeFn);

/// The native of Go name `name` (see the module docs for the naming convention).
pub fn lookup(name: &str) -> Option<Entry> {
    static MAP: OnceLock<std::collections::HashMap<&'static str, NativeFn>> = OnceLock::new();
    let m = MAP.get_or_init(|| {
        let mut m = std::collections::HashMap::new();
        for t in [
            fmt::TABLE,
            context::TABLE,
            errors::TABLE,
            sync::TABLE,
            time::TABLE,
            strings::TABLE,
            misc::TABLE,
        ] {
            for (n, f) in t {
                m.insert(*n, *f);
            }
        }
        m
    });
    if let Some((k, f)) = m.get_key_value(name) {
        return Some((*k, *f));
    }
    // `pkg.T.M` for a pointer-receiver method `pkg.(*T).M`.
    let mut it = name.rsplitn(3, '.');
    let (meth, ty, pkg) = (it.next()?, it.next()?, it.next()?);
    if ty.starts_with('(') {
        return None;
    }
    m.get_key_value(format!("{pkg}.(*{ty}).{meth}").as_str())
        .map(|(k, f)| (*k, *f))
}

// ---------------------------------------------------------------------------------------------
// Helpers shared by the packages

/// Start a Go panic with value `val` from a native (the caller returns the Trap).
pub fn gopanic(vm: &mut Vm<'_>, val: Value) -> Trap {
    vm.record_panic(val, false);
    Trap::Panicking
}

/// `panic("text")` (a string panic value).
pub fn panic_str(vm: &mut Vm<'_>, s: &str) -> Trap {
    gopanic(vm, str_iface(s.as_bytes()))
}

/// A string in an interface (`any`).
pub fn str_iface(s: &[u8]) -> Value {
    Value::Iface(crate::vm::value::Iface::new(
        RT_STRING,
        Value::from_bytes(s.to_vec()),
    ))
}

/// An `*errors.errorString` error value.
pub fn new_error(msg: &[u8]) -> Value {
    Value::Iface(crate::vm::value::Iface::new(
        RT_ERRORS_STRING,
        Value::from_bytes(msg.to_vec()),
    ))
}

/// The elements of a slice value.
pub fn slice_items(v: &Value) -> Vec<Value> {
    match v {
        Value::Slice(s) => (0..s.len as usize).map(|i| s.get(i)).collect(),
        _ => vec![],
    }
}

/// A new slice of one-slot elements (`kind` Vals for strings/pointers/interfaces, Words for
/// ints).
pub fn make_slice(kind: SlotKind, vals: Vec<Value>) -> Value {
    let n = vals.len();
    let obj = Obj::new(kind, n, &[]);
    for (i, v) in vals.into_iter().enumerate() {
        obj.set(i, v);
    }
    Value::Slice(GoSlice {
        obj: crate::vm::value::new_obj(obj),
        off: 0,
        len: n as u32,
        cap: n as u32,
        esz: 1,
    })
}

/// A `[]string`.
pub fn string_slice<T: AsRef<[u8]>>(v: &[T]) -> Value {
    make_slice(
        SlotKind::Vals,
        v.iter()
            .map(|s| Value::from_bytes(s.as_ref().to_vec()))
            .collect(),
    )
}

/// A `[]byte`.
pub fn byte_slice(b: &[u8]) -> Value {
    let n = b.len();
    let obj = Obj::new(SlotKind::Bytes, n, &[]);
    if let Obj::Bytes(bs) = &obj {
        for (i, x) in b.iter().enumerate() {
            bs[i].store(*x, Ordering::Relaxed);
        }
    }
    Value::Slice(GoSlice {
        obj: crate::vm::value::new_obj(obj),
        off: 0,
        len: n as u32,
        cap: n as u32,
        esz: 1,
    })
}

/// The bytes of a `[]byte` value.
pub fn bytes_of(v: &Value) -> Vec<u8> {
    match v {
        Value::Slice(s) => s.bytes(),
        _ => vec![],
    }
}

fn registry() -> &'static parking_lot::Mutex<Vec<Arc<dyn Any + Send + Sync>>> {
    static REG: OnceLock<parking_lot::Mutex<Vec<Arc<dyn Any + Send + Sync>>>> = OnceLock::new();
    REG.get_or_init(Default::default)
}

/// The runtime object of an opaque library value whose storage `p` points to, created by
/// `make` on first use (so zero values work). A scalar slot holds an id into a process-wide
/// registry (set once by CAS); a reference slot holds the object itself.
pub fn native_cell<T: Any + Send + Sync>(p: &Pointer, make: impl FnOnce() -> T) -> Arc<T> {
    let off = p.off as usize;
    match &*p.obj {
        Obj::Vals(v) => {
            if let Some(slot) = v.get(off) {
                let mut g = slot.lock();
                if let Value::Native(n) = &*g {
                    if let Ok(t) = n.clone().downcast::<T>() {
                        return t;
                    }
                }
                let t = Arc::new(make());
                *g = Value::Native(t.clone());
                return t;
            }
            Arc::new(make())
        }
        Obj::Words(w) => {
            let slot = match w.get(off) {
                Some(s) => s,
                None => return Arc::new(make()),
            };
            let id = slot.load(Ordering::Acquire);
            let reg = registry();
            if id > 0 {
                if let Some(t) = reg
                    .lock()
                    .get(id as usize - 1)
                    .and_then(|a| a.clone().downcast::<T>().ok())
                {
                    return t;
                }
            }
            let mut r = reg.lock();
            let id = slot.load(Ordering::Acquire);
            if id > 0 {
                if let Some(t) = r
                    .get(id as usize - 1)
                    .and_then(|a| a.clone().downcast::<T>().ok())
                {
                    return t;
                }
            }
            let t = Arc::new(make());
            r.push(t.clone());
            slot.store(r.len() as i64, Ordering::Release);
            t
        }
        Obj::Bytes(_) => Arc::new(make()),
    }
}

/// The pointer in a receiver / argument (`*T`), or None for nil.
pub fn ptr(v: &Value) -> Option<&Pointer> {
    match v {
        Value::Ptr(p) => Some(p),
        _ => None,
    }
}

/// Atomic read-modify-write of the word `p` points to: `f(old) -> Some(new)` stores `new`
/// (None leaves it); returns (old, stored).
pub fn atomic_rmw(p: &Pointer, mut f: impl FnMut(i64) -> Option<i64>) -> (i64, bool) {
    let off = p.off as usize;
    match &*p.obj {
        Obj::Words(w) => match w.get(off) {
            Some(slot) => {
                let mut old = slot.load(Ordering::SeqCst);
                loop {
                    match f(old) {
                        None => return (old, false),
                        Some(new) => match slot.compare_exchange(
                            old,
                            new,
                            Ordering::SeqCst,
                            Ordering::SeqCst,
                        ) {
                            Ok(_) => return (old, true),
                            Err(o) => old = o,
                        },
                    }
                }
            }
            None => (0, false),
        },
        Obj::Vals(v) => match v.get(off) {
            Some(slot) => {
                let mut g = slot.lock();
                // A one-field struct (atomic.Int64) held whole in a global slot.
                let wrapped = matches!(&*g, Value::Tuple(t) if t.len() == 1);
                let old = match &*g {
                    Value::Tuple(t) if t.len() == 1 => t[0].int(),
                    v => v.int(),
                };
                match f(old) {
                    Some(new) => {
                        *g = if wrapped {
                            Value::Tuple(vec![Value::Int(new)].into())
                        } else {
                            Value::Int(new)
                        };
                        (old, true)
                    }
                    None => (old, false),
                }
            }
            None => (0, false),
        },
        Obj::Bytes(b) => match b.get(off) {
            Some(slot) => {
                let old = slot.load(Ordering::SeqCst) as i64;
                match f(old) {
                    Some(new) => {
                        slot.store(new as u8, Ordering::SeqCst);
                        (old, true)
                    }
                    None => (old, false),
                }
            }
            None => (0, false),
        },
    }
}

/// Call method `name` of an interface value through its method table.
pub fn call_method(vm: &mut Vm<'_>, iv: &Iface, name: &str, args: &[Value]) -> Option<R> {
    let prog = vm.shared.prog.clone();
    let sym = prog.find_method_sym(name)?;
    let entry = prog.types.get(iv.ty as usize)?.methods.get(&sym).copied()?;
    let recv = if entry.deref > 0 {
        match &iv.val {
            Value::Ptr(p) => p.load(entry.deref as usize),
            _ => {
                let e = vm.runtime_error("invalid memory address or nil pointer dereference");
                return Some(Err(gopanic(vm, e)));
            }
        }
    } else {
        iv.val.clone()
    };
    let mut a = vec![recv];
    a.extend_from_slice(args);
    Some(call_entry(vm, entry, &a))
}

/// Call a method-table entry (a Go function or a native) with receiver and arguments.
pub fn call_entry(vm: &mut Vm<'_>, entry: crate::vm::program::MethodEntry, a: &[Value]) -> R {
    if entry.native {
        let f = match vm.prog().natives.get(entry.func as usize) {
            Some(n) => n.f,
            None => return Ok(vec![]),
        };
        return f(vm, a);
    }
    vm.call_func(entry.func, a)
}

/// Whether the dynamic type of `iv` has method `name`.
pub fn has_method(vm: &Vm<'_>, ty: u32, name: &str) -> bool {
    let prog = vm.prog();
    match (prog.find_method_sym(name), prog.types.get(ty as usize)) {
        (Some(s), Some(t)) => t.methods.contains_key(&s),
        _ => false,
    }
}

/// Whether type `ty` is one of the built-in error representations (message in the value).
pub fn is_error_string(vm: &Vm<'_>, ty: u32) -> bool {
    matches!(
        vm.prog().types.get(ty as usize).map(|t| &t.kind),
        Some(RKind::ErrorString)
    )
}

/// The message of a built-in error value (`*errors.errorString`, `*fmt.wrapError`...).
pub fn error_string_msg(v: &Value) -> Vec<u8> {
    match v {
        Value::Str(s) => s.as_bytes().to_vec(),
        Value::Tuple(t) => t.first().map(|m| m.as_str().to_vec()).unwrap_or_default(),
        _ => vec![],
    }
}

/// `err.Error()` of any error value (nil → None).
pub fn error_text(vm: &mut Vm<'_>, e: &Value) -> Result<Option<Vec<u8>>, Trap> {
    match e {
        Value::Iface(iv) => {
            if is_error_string(vm, iv.ty) {
                return Ok(Some(error_string_msg(&iv.val)));
            }
            match call_method(vm, iv, "Error", &[]) {
                Some(r) => Ok(Some(
                    r?.first().map(|v| v.as_str().to_vec()).unwrap_or_default(),
                )),
                None => Ok(Some(vec![])),
            }
        }
        _ => Ok(None),
    }
}

/// Write bytes to fd 1 or 2. A closed pipe ends the program by SIGPIPE, as in Go.
pub fn write_fd(fd: i64, b: &[u8]) {
    use std::io::Write;
    let r = if fd == 2 {
        let _ = std::io::stdout().flush();
        let mut e = std::io::stderr().lock();
        e.write_all(b)
    } else {
        let mut o = std::io::stdout().lock();
        o.write_all(b)
    };
    if r.is_err_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) {
        minigo_runtime::sigpipe();
    }
}

/// A function value calling native `name` with `recv` as its first argument (a method value
/// of a library type; the native must be registered in the program, which the compiler does
/// for the methods of the types it registers).
pub fn bind_native(vm: &Vm<'_>, name: &str, recv: Value) -> Value {
    let id = vm
        .prog()
        .natives
        .iter()
        .position(|n| n.name == name)
        .unwrap_or(0) as u32;
    Value::Func(Arc::new(crate::vm::value::FuncVal::NativeBound {
        id,
        recv,
        hdr: minigo_runtime::GcHeader::new(),
    }))
}
