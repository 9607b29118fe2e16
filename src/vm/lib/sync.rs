//! Packages sync and sync/atomic over the runtime's primitives: every blocking operation
//! parks the goroutine (never the M), after publishing its frames for deadlock dumps.

use super::{atomic_rmw, native_cell, ptr, Entry, R};
use crate::vm::interp::values_equal;
use crate::vm::rt::{install_traceback, run_goroutine, Gctx};
use crate::vm::value::{FuncVal, Key, Pointer, SlotKind, Value, AGG};
use crate::vm::{Trap, Vm};
use minigo_runtime::{Mutex, NotifyList, RWMutex, WaitGroup};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

pub const TABLE: &[Entry] = &[
    ("sync.(*Mutex).Lock", mutex_lock),
    ("sync.(*Mutex).Unlock", mutex_unlock),
    ("sync.(*Mutex).TryLock", mutex_trylock),
    ("sync.(*RWMutex).Lock", rw_lock),
    ("sync.(*RWMutex).Unlock", rw_unlock),
    ("sync.(*RWMutex).RLock", rw_rlock),
    ("sync.(*RWMutex).RUnlock", rw_runlock),
    ("sync.(*RWMutex).TryLock", rw_trylock),
    ("sync.(*RWMutex).TryRLock", rw_tryrlock),
    ("sync.(*RWMutex).RLocker", rw_rlocker),
    ("sync.rlocker.Lock", rlocker_lock),
    ("sync.rlocker.Unlock", rlocker_unlock),
    ("sync.(*WaitGroup).Add", wg_add),
    ("sync.(*WaitGroup).Done", wg_done),
    ("sync.(*WaitGroup).Wait", wg_wait),
    ("sync.(*WaitGroup).Go", wg_go),
    ("sync.(*Once).Do", once_do),
    ("sync.NewCond", new_cond),
    ("sync.(*Cond).Wait", cond_wait),
    ("sync.(*Cond).Signal", cond_signal),
    ("sync.(*Cond).Broadcast", cond_broadcast),
    ("sync.(*Map).Load", map_load),
    ("sync.(*Map).Store", map_store),
    ("sync.(*Map).LoadOrStore", map_load_or_store),
    ("sync.(*Map).LoadAndDelete", map_load_and_delete),
    ("sync.(*Map).Delete", map_delete),
    ("sync.(*Map).Swap", map_swap),
    ("sync.(*Map).CompareAndSwap", map_cas),
    ("sync.(*Map).Range", map_range),
    ("sync.(*Map).Clear", map_clear),
    ("sync.(*Pool).Get", pool_get),
    ("sync.(*Pool).Put", pool_put),
    ("sync.(*Map).CompareAndDelete", map_cad),
    ("sync.OnceFunc", once_func),
    ("sync.OnceValue", once_value),
    ("sync.OnceValues", once_values),
    ("sync.onceCell.call", once_cell_call),
    ("sync.onceCell.value", once_cell_call),
    ("sync.onceCell.values", once_cell_call),
    ("runtime.LockOSThread", lock_os_thread),
    ("runtime.UnlockOSThread", unlock_os_thread),
    // sync/atomic functions
    ("sync/atomic.AddUintptr", add64),
    ("sync/atomic.LoadUintptr", load),
    ("sync/atomic.StoreUintptr", store),
    ("sync/atomic.SwapUint32", swap),
    ("sync/atomic.SwapUint64", swap),
    ("sync/atomic.SwapUintptr", swap),
    ("sync/atomic.CompareAndSwapUintptr", cas),
    ("sync/atomic.AndInt32", and),
    ("sync/atomic.AndUint32", and),
    ("sync/atomic.AndInt64", and),
    ("sync/atomic.AndUint64", and),
    ("sync/atomic.OrInt32", or),
    ("sync/atomic.OrUint32", or),
    ("sync/atomic.OrInt64", or),
    ("sync/atomic.OrUint64", or),
    ("sync/atomic.(*Int32).And", and),
    ("sync/atomic.(*Int32).Or", or),
    ("sync/atomic.(*Int64).And", and),
    ("sync/atomic.(*Int64).Or", or),
    ("sync/atomic.(*Uint32).And", and),
    ("sync/atomic.(*Uint32).Or", or),
    ("sync/atomic.(*Uint64).And", and),
    ("sync/atomic.(*Uint64).Or", or),
    ("sync/atomic.(*Uintptr).Load", load),
    ("sync/atomic.(*Uintptr).Store", store),
    ("sync/atomic.(*Uintptr).Swap", swap),
    ("sync/atomic.(*Uintptr).CompareAndSwap", cas),
    ("sync/atomic.(*Uintptr).Add", add64),
    ("sync/atomic.(*Pointer).Load", value_load),
    ("sync/atomic.(*Pointer).Store", ptr_store),
    ("sync/atomic.(*Pointer).Swap", ptr_swap),
    ("sync/atomic.(*Pointer).CompareAndSwap", value_cas),
    ("sync/atomic.AddInt32", add32),
    ("sync/atomic.AddInt64", add64),
    ("sync/atomic.AddUint32", addu32),
    ("sync/atomic.AddUint64", add64),
    ("sync/atomic.LoadInt32", load),
    ("sync/atomic.LoadInt64", load),
    ("sync/atomic.LoadUint32", load),
    ("sync/atomic.LoadUint64", load),
    ("sync/atomic.StoreInt32", store),
    ("sync/atomic.StoreInt64", store),
    ("sync/atomic.StoreUint32", store),
    ("sync/atomic.StoreUint64", store),
    ("sync/atomic.SwapInt32", swap),
    ("sync/atomic.SwapInt64", swap),
    ("sync/atomic.CompareAndSwapInt32", cas),
    ("sync/atomic.CompareAndSwapInt64", cas),
    ("sync/atomic.CompareAndSwapUint32", cas),
    ("sync/atomic.CompareAndSwapUint64", cas),
    // sync/atomic types
    ("sync/atomic.(*Int32).Load", load),
    ("sync/atomic.(*Int32).Store", store),
    ("sync/atomic.(*Int32).Swap", swap),
    ("sync/atomic.(*Int32).CompareAndSwap", cas),
    ("sync/atomic.(*Int32).Add", add32),
    ("sync/atomic.(*Int64).Load", load),
    ("sync/atomic.(*Int64).Store", store),
    ("sync/atomic.(*Int64).Swap", swap),
    ("sync/atomic.(*Int64).CompareAndSwap", cas),
    ("sync/atomic.(*Int64).Add", add64),
    ("sync/atomic.(*Uint32).Load", load),
    ("sync/atomic.(*Uint32).Store", store),
    ("sync/atomic.(*Uint32).Swap", swap),
    ("sync/atomic.(*Uint32).CompareAndSwap", cas),
    ("sync/atomic.(*Uint32).Add", addu32),
    ("sync/atomic.(*Uint64).Load", load),
    ("sync/atomic.(*Uint64).Store", store),
    ("sync/atomic.(*Uint64).Swap", swap),
    ("sync/atomic.(*Uint64).CompareAndSwap", cas),
    ("sync/atomic.(*Uint64).Add", add64),
    ("sync/atomic.(*Bool).Load", load_bool),
    ("sync/atomic.(*Bool).Store", store),
    ("sync/atomic.(*Bool).Swap", swap),
    ("sync/atomic.(*Bool).CompareAndSwap", cas),
    ("sync/atomic.(*Value).Load", value_load),
    ("sync/atomic.(*Value).Store", value_store),
    ("sync/atomic.(*Value).Swap", value_swap),
    ("sync/atomic.(*Value).CompareAndSwap", value_cas),
];

fn nil_deref(vm: &mut Vm<'_>) -> Trap {
    let e = vm.runtime_error("invalid memory address or nil pointer dereference");
    let t = super::gopanic(vm, e);
    if let Some(p) = vm.panics.last_mut() {
        p.sigsegv = true;
    }
    t
}

macro_rules! recv {
    ($vm:expr, $a:expr) => {
        match ptr(&$a[0]) {
            Some(p) => p.clone(),
            None => return Err(nil_deref($vm)),
        }
    };
}

// ---------------------------------------------------------------------------------------------
// Mutex / RWMutex

fn mutex(p: &Pointer) -> Arc<Mutex> {
    native_cell(p, Mutex::new)
}

/// Lock the `sync.Mutex` at `p` (parks the goroutine).
pub fn lock_at(vm: &mut Vm<'_>, p: &Pointer) {
    let m = mutex(p);
    if !m.try_lock() {
        vm.publish_frames();
        m.lock(vm.g);
    }
}

fn mutex_lock(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = recv!(vm, a);
    lock_at(vm, &p);
    Ok(vec![])
}
fn mutex_unlock(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = recv!(vm, a);
    vm.publish_frames();
    mutex(&p).unlock(vm.g);
    Ok(vec![])
}
fn mutex_trylock(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = recv!(vm, a);
    Ok(vec![Value::from_bool(mutex(&p).try_lock())])
}

fn rw(p: &Pointer) -> Arc<RWMutex> {
    native_cell(p, RWMutex::new)
}
fn rw_lock(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = recv!(vm, a);
    vm.publish_frames();
    rw(&p).lock(vm.g);
    Ok(vec![])
}
fn rw_unlock(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = recv!(vm, a);
    vm.publish_frames();
    rw(&p).unlock(vm.g);
    Ok(vec![])
}
fn rw_rlock(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = recv!(vm, a);
    vm.publish_frames();
    rw(&p).rlock(vm.g);
    Ok(vec![])
}
fn rw_runlock(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = recv!(vm, a);
    vm.publish_frames();
    rw(&p).runlock(vm.g);
    Ok(vec![])
}

fn rw_trylock(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = recv!(vm, a);
    Ok(vec![Value::from_bool(rw(&p).try_lock(vm.g))])
}
fn rw_tryrlock(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = recv!(vm, a);
    Ok(vec![Value::from_bool(rw(&p).try_rlock())])
}
/// `rw.RLocker()`: a `Locker` (the library type `sync.rlocker`, holding the RWMutex) whose
/// Lock/Unlock are RLock/RUnlock.
fn rw_rlocker(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = recv!(vm, a);
    let m = rw(&p);
    let ty = vm
        .prog()
        .types
        .iter()
        .position(|t| t.name == "sync.rlocker")
        .unwrap_or(0) as u32;
    Ok(vec![Value::Iface(crate::vm::value::Iface::new(
        ty,
        Value::Tuple(vec![Value::Native(m)].into()),
    ))])
}
fn rlocker_state(v: &Value) -> Option<Arc<RWMutex>> {
    match v.tuple().first() {
        Some(Value::Native(n)) => n.clone().downcast::<RWMutex>().ok(),
        _ => None,
    }
}
fn rlocker_lock(vm: &mut Vm<'_>, a: &[Value]) -> R {
    if let Some(m) = rlocker_state(&a[0]) {
        vm.publish_frames();
        m.rlock(vm.g);
    }
    Ok(vec![])
}
fn rlocker_unlock(vm: &mut Vm<'_>, a: &[Value]) -> R {
    if let Some(m) = rlocker_state(&a[0]) {
        vm.publish_frames();
        m.runlock(vm.g);
    }
    Ok(vec![])
}

fn lock_os_thread(vm: &mut Vm<'_>, _a: &[Value]) -> R {
    vm.g.lock_os_thread();
    Ok(vec![])
}
fn unlock_os_thread(vm: &mut Vm<'_>, _a: &[Value]) -> R {
    vm.g.unlock_os_thread();
    Ok(vec![])
}

// ---------------------------------------------------------------------------------------------
// WaitGroup

fn wg(p: &Pointer) -> Arc<WaitGroup> {
    native_cell(p, WaitGroup::new)
}
fn wg_add(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = recv!(vm, a);
    let w = wg(&p);
    if let Err(msg) = w.add(vm.g, a[1].int()) {
        return Err(super::panic_str(vm, msg));
    }
    Ok(vec![])
}
fn wg_done(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = recv!(vm, a);
    let w = wg(&p);
    if let Err(msg) = w.done(vm.g) {
        return Err(super::panic_str(vm, msg));
    }
    Ok(vec![])
}
fn wg_wait(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = recv!(vm, a);
    let w = wg(&p);
    vm.publish_frames();
    if let Err(msg) = w.wait(vm.g) {
        return Err(super::panic_str(vm, msg));
    }
    Ok(vec![])
}

/// Start a goroutine running `f()` then `after(g)` (for WaitGroup.Go).
pub fn go_then(vm: &mut Vm<'_>, f: Value, after: Box<dyn FnOnce(&mut Gctx) + Send>) {
    let shared = vm.shared.clone();
    let name: Arc<str> = match &f {
        Value::Func(fv) => match &**fv {
            FuncVal::Go { func, .. } | FuncVal::Bound { func, .. } => shared
                .prog
                .funcs
                .get(*func as usize)
                .map_or(Arc::from("?"), |f| Arc::from(f.name.as_str())),
            _ => Arc::from("?"),
        },
        _ => Arc::from("?"),
    };
    let creator: Arc<str> = vm
        .frames
        .last()
        .and_then(|fr| shared.prog.funcs.get(fr.func as usize))
        .map_or(Arc::from("main.main"), |f| Arc::from(f.name.as_str()));
    let line = vm
        .frames
        .last()
        .map_or(0, |fr| shared.prog.line_of(fr.func, fr.pc as usize));
    let loc: Arc<str> = Arc::from(format!("{} +0x0", shared.prog.location(line)).as_str());
    vm.g.go_at(
        name,
        creator,
        Some(loc),
        Box::new(move |g: &mut Gctx| {
            let goid = g.goid();
            {
                let mut vm = Vm::new(shared, goid, g);
                install_traceback(&mut vm);
                run_goroutine(&mut vm, &f, &[]);
            }
            after(g);
        }),
    );
}

fn wg_go(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = recv!(vm, a);
    let w = wg(&p);
    if let Err(msg) = w.add(vm.g, 1) {
        return Err(super::panic_str(vm, msg));
    }
    go_then(
        vm,
        a[1].clone(),
        Box::new(move |g| {
            let _ = w.done(g);
        }),
    );
    Ok(vec![])
}

// ---------------------------------------------------------------------------------------------
// Once

struct OnceState {
    done: AtomicBool,
    m: Mutex,
}

fn once_run(vm: &mut Vm<'_>, o: &OnceState, f: &Value) -> Result<(), Trap> {
    if o.done.load(Ordering::Acquire) {
        return Ok(());
    }
    if !o.m.try_lock() {
        vm.publish_frames();
        o.m.lock(vm.g);
    }
    let mut r = Ok(());
    if !o.done.load(Ordering::Acquire) {
        r = vm.call_value(f, &[]).map(|_| ());
        o.done.store(true, Ordering::Release);
    }
    o.m.unlock(vm.g);
    r
}

fn once_do(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = recv!(vm, a);
    let o = native_cell(&p, || OnceState {
        done: AtomicBool::new(false),
        m: Mutex::new(),
    });
    once_run(vm, &o, &a[1])?;
    Ok(vec![])
}

// ---------------------------------------------------------------------------------------------
// Cond

fn new_cond(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    let cell = Pointer::new_cell(
        SlotKind::Vals,
        2 | AGG,
        Value::Tuple(vec![a[0].clone(), Value::Int(0)].into()),
    );
    Ok(vec![Value::Ptr(cell)])
}

fn notify(p: &Pointer) -> Arc<NotifyList> {
    let q = Pointer {
        obj: p.obj.clone(),
        off: p.off + 1,
    };
    native_cell(&q, NotifyList::new)
}

fn locker_call(vm: &mut Vm<'_>, p: &Pointer, m: &str) -> Result<(), Trap> {
    match p.obj.get(p.off as usize) {
        Value::Iface(iv) => match super::call_method(vm, &iv, m, &[]) {
            Some(r) => r.map(|_| ()),
            None => Ok(()),
        },
        _ => Err(nil_deref(vm)),
    }
}

fn cond_wait(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = recv!(vm, a);
    let n = notify(&p);
    let t = n.add();
    locker_call(vm, &p, "Unlock")?;
    vm.publish_frames();
    n.wait(vm.g, t);
    locker_call(vm, &p, "Lock")?;
    Ok(vec![])
}
fn cond_signal(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = recv!(vm, a);
    notify(&p).notify_one(vm.g);
    Ok(vec![])
}
fn cond_broadcast(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = recv!(vm, a);
    notify(&p).notify_all(vm.g);
    Ok(vec![])
}

// ---------------------------------------------------------------------------------------------
// Map, Pool

type SyncMap = parking_lot::Mutex<(HashMap<Key, usize>, Vec<Option<(Value, Value)>>)>;

fn smap(p: &Pointer) -> Arc<SyncMap> {
    native_cell(p, || parking_lot::Mutex::new((HashMap::new(), Vec::new())))
}

fn key(v: &Value) -> Key {
    Key::from_value(v, false)
}

fn ok2(v: Option<Value>) -> Vec<Value> {
    let b = v.is_some();
    vec![v.unwrap_or_default(), Value::from_bool(b)]
}

fn map_get(m: &SyncMap, k: &Value) -> Option<Value> {
    let g = m.lock();
    g.0.get(&key(k))
        .and_then(|i| g.1.get(*i).cloned().flatten())
        .map(|e| e.1)
}
fn map_put(m: &SyncMap, k: &Value, v: Value) -> Option<Value> {
    let mut g = m.lock();
    let kk = key(k);
    if let Some(i) = g.0.get(&kk).copied() {
        if let Some(Some(e)) = g.1.get_mut(i) {
            return Some(std::mem::replace(&mut e.1, v));
        }
    }
    let i = g.1.len();
    g.1.push(Some((k.clone(), v)));
    g.0.insert(kk, i);
    None
}
fn map_del(m: &SyncMap, k: &Value) -> Option<Value> {
    let mut g = m.lock();
    let i = g.0.remove(&key(k))?;
    g.1.get_mut(i).and_then(|e| e.take()).map(|e| e.1)
}

fn map_load(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = recv!(vm, a);
    Ok(ok2(map_get(&smap(&p), &a[1])))
}
fn map_store(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = recv!(vm, a);
    map_put(&smap(&p), &a[1], a[2].clone());
    Ok(vec![])
}
fn map_load_or_store(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = recv!(vm, a);
    let m = smap(&p);
    let _g = ();
    match map_get(&m, &a[1]) {
        Some(v) => Ok(vec![v, Value::from_bool(true)]),
        None => {
            map_put(&m, &a[1], a[2].clone());
            Ok(vec![a[2].clone(), Value::from_bool(false)])
        }
    }
}
fn map_load_and_delete(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = recv!(vm, a);
    Ok(ok2(map_del(&smap(&p), &a[1])))
}
fn map_delete(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = recv!(vm, a);
    map_del(&smap(&p), &a[1]);
    Ok(vec![])
}
fn map_swap(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = recv!(vm, a);
    Ok(ok2(map_put(&smap(&p), &a[1], a[2].clone())))
}
fn map_cas(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = recv!(vm, a);
    let m = smap(&p);
    let prog = vm.shared.prog.clone();
    let cur = map_get(&m, &a[1]);
    let ok = match cur {
        Some(c) => values_equal(&prog, &c, &a[2]).unwrap_or(false),
        None => false,
    };
    if ok {
        map_put(&m, &a[1], a[3].clone());
    }
    Ok(vec![Value::from_bool(ok)])
}
fn map_range(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = recv!(vm, a);
    let m = smap(&p);
    let entries: Vec<(Value, Value)> = m.lock().1.iter().flatten().cloned().collect();
    for (k, v) in entries {
        let r = vm.call_value(&a[1], &[k, v])?;
        if !r.first().is_some_and(|b| b.truthy()) {
            break;
        }
    }
    Ok(vec![])
}
fn map_clear(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = recv!(vm, a);
    let m = smap(&p);
    let mut g = m.lock();
    g.0.clear();
    g.1.clear();
    Ok(vec![])
}

type PoolState = parking_lot::Mutex<Vec<Value>>;

fn pool(p: &Pointer) -> Arc<PoolState> {
    let q = Pointer {
        obj: p.obj.clone(),
        off: p.off + 1,
    };
    native_cell(&q, || parking_lot::Mutex::new(Vec::new()))
}
fn pool_get(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = recv!(vm, a);
    if let Some(v) = pool(&p).lock().pop() {
        return Ok(vec![v]);
    }
    let newf = p.obj.get(p.off as usize);
    if matches!(newf, Value::Nil) {
        return Ok(vec![Value::Nil]);
    }
    let r = vm.call_value(&newf, &[])?;
    Ok(vec![r.into_iter().next().unwrap_or_default()])
}
fn pool_put(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = recv!(vm, a);
    if !matches!(a[1], Value::Nil) {
        pool(&p).lock().push(a[1].clone());
    }
    Ok(vec![])
}

// ---------------------------------------------------------------------------------------------
// atomic

fn add32(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = recv!(vm, a);
    let d = a[1].int();
    let (old, _) = atomic_rmw(&p, |o| Some(o.wrapping_add(d) as i32 as i64));
    Ok(vec![Value::Int(old.wrapping_add(d) as i32 as i64)])
}
fn addu32(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = recv!(vm, a);
    let d = a[1].int();
    let (old, _) = atomic_rmw(&p, |o| Some(o.wrapping_add(d) as u32 as i64));
    Ok(vec![Value::Int(old.wrapping_add(d) as u32 as i64)])
}
fn add64(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = recv!(vm, a);
    let d = a[1].int();
    let (old, _) = atomic_rmw(&p, |o| Some(o.wrapping_add(d)));
    Ok(vec![Value::Int(old.wrapping_add(d))])
}
fn load(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = recv!(vm, a);
    let (old, _) = atomic_rmw(&p, |_| None);
    Ok(vec![Value::Int(old)])
}
fn load_bool(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = recv!(vm, a);
    let (old, _) = atomic_rmw(&p, |_| None);
    Ok(vec![Value::from_bool(old != 0)])
}
fn store(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = recv!(vm, a);
    let v = a[1].int();
    atomic_rmw(&p, |_| Some(v));
    Ok(vec![])
}
fn swap(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = recv!(vm, a);
    let v = a[1].int();
    let (old, _) = atomic_rmw(&p, |_| Some(v));
    Ok(vec![Value::Int(old)])
}
fn cas(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = recv!(vm, a);
    let (old, new) = (a[1].int(), a[2].int());
    let (_, ok) = atomic_rmw(&p, |o| if o == old { Some(new) } else { None });
    Ok(vec![Value::from_bool(ok)])
}

fn value_lock(p: &Pointer) -> Arc<parking_lot::Mutex<()>> {
    static L: std::sync::OnceLock<Arc<parking_lot::Mutex<()>>> = std::sync::OnceLock::new();
    let _ = p;
    L.get_or_init(Default::default).clone()
}
/// The `any`/pointer held by an atomic.Value / atomic.Pointer (unwrapping a global's
/// one-field struct).
fn vload(p: &Pointer) -> Value {
    match p.load(1) {
        Value::Tuple(t) if t.len() == 1 => t[0].clone(),
        v => v,
    }
}
fn value_load(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = recv!(vm, a);
    Ok(vec![vload(&p)])
}
fn value_store(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = recv!(vm, a);
    if matches!(a[1], Value::Nil) {
        return Err(super::panic_str(
            vm,
            "sync/atomic: store of nil value into Value",
        ));
    }
    let l = value_lock(&p);
    let _g = l.lock();
    if let (Value::Iface(old), Value::Iface(new)) = (vload(&p), &a[1]) {
        if old.ty != new.ty {
            return Err(super::panic_str(
                vm,
                "sync/atomic: store of inconsistently typed value into Value",
            ));
        }
    }
    p.store(1, a[1].clone());
    Ok(vec![])
}
fn value_swap(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = recv!(vm, a);
    if matches!(a[1], Value::Nil) {
        return Err(super::panic_str(
            vm,
            "sync/atomic: swap of nil value into Value",
        ));
    }
    let l = value_lock(&p);
    let _g = l.lock();
    let old = vload(&p);
    p.store(1, a[1].clone());
    Ok(vec![old])
}
fn value_cas(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = recv!(vm, a);
    let prog = vm.shared.prog.clone();
    let l = value_lock(&p);
    let _g = l.lock();
    let cur = vload(&p);
    let ok = values_equal(&prog, &cur, &a[1]).unwrap_or(false);
    if ok {
        p.store(1, a[2].clone());
    }
    Ok(vec![Value::from_bool(ok)])
}

fn and(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = recv!(vm, a);
    let m = a[1].int();
    let (old, _) = atomic_rmw(&p, |o| Some(o & m));
    Ok(vec![Value::Int(old)])
}
fn or(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = recv!(vm, a);
    let m = a[1].int();
    let (old, _) = atomic_rmw(&p, |o| Some(o | m));
    Ok(vec![Value::Int(old)])
}
fn ptr_store(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = recv!(vm, a);
    let l = value_lock(&p);
    let _g = l.lock();
    p.store(1, a[1].clone());
    Ok(vec![])
}
fn ptr_swap(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = recv!(vm, a);
    let l = value_lock(&p);
    let _g = l.lock();
    let old = vload(&p);
    p.store(1, a[1].clone());
    Ok(vec![old])
}
fn map_cad(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = recv!(vm, a);
    let m = smap(&p);
    let prog = vm.shared.prog.clone();
    let ok = match map_get(&m, &a[1]) {
        Some(c) => values_equal(&prog, &c, &a[2]).unwrap_or(false),
        None => false,
    };
    if ok {
        map_del(&m, &a[1]);
    }
    Ok(vec![Value::from_bool(ok)])
}

/// The state behind `sync.OnceFunc/OnceValue/OnceValues`' returned function.
struct OnceCall {
    once: OnceState,
    f: Value,
    results: parking_lot::Mutex<Option<Result<Vec<Value>, Value>>>,
}

fn once_cell(vm: &mut Vm<'_>, f: &Value, method: &str) -> R {
    let st = Arc::new(OnceCall {
        once: OnceState {
            done: AtomicBool::new(false),
            m: Mutex::new(),
        },
        f: f.clone(),
        results: parking_lot::Mutex::new(None),
    });
    let recv = Value::Tuple(vec![Value::Native(st)].into());
    Ok(vec![super::bind_native(
        vm,
        &format!("sync.onceCell.{method}"),
        recv,
    )])
}
fn once_func(vm: &mut Vm<'_>, a: &[Value]) -> R {
    once_cell(vm, &a[0], "call")
}
fn once_value(vm: &mut Vm<'_>, a: &[Value]) -> R {
    once_cell(vm, &a[0], "value")
}
fn once_values(vm: &mut Vm<'_>, a: &[Value]) -> R {
    once_cell(vm, &a[0], "values")
}
fn once_cell_call(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let st = match a[0].tuple().first() {
        Some(Value::Native(n)) => match n.clone().downcast::<OnceCall>() {
            Ok(s) => s,
            Err(_) => return Ok(vec![]),
        },
        _ => return Ok(vec![]),
    };
    let o = &st.once;
    if !o.done.load(Ordering::Acquire) {
        if !o.m.try_lock() {
            vm.publish_frames();
            o.m.lock(vm.g);
        }
        if !o.done.load(Ordering::Acquire) {
            let r = vm.call_value(&st.f, &[]);
            let rec = match &r {
                Ok(v) => Ok(v.clone()),
                Err(Trap::Panicking) => {
                    Err(vm.panics.last().map(|p| p.val.clone()).unwrap_or_default())
                }
                Err(_) => Err(Value::Nil),
            };
            *st.results.lock() = Some(rec);
            o.done.store(true, Ordering::Release);
            o.m.unlock(vm.g);
            return r;
        }
        o.m.unlock(vm.g);
    }
    let rec = st.results.lock().clone();
    match rec {
        Some(Ok(v)) => Ok(v),
        Some(Err(p)) => Err(super::gopanic(vm, p)),
        None => Ok(vec![]),
    }
}
