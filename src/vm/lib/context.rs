//! Package context, natively: a context is the library type `context.ctxImpl` (declared in
//! `check/stdlib.rs`, registered by the compiler) holding its state; cancellation closes the
//! Done channel and propagates to children; deadlines are runtime timers. CancelFuncs are
//! method values of the unexported `cancel`/`cancelCause` methods.

use super::{new_error, Entry, R};
use crate::vm::interp::values_equal;
use crate::vm::rt::ChanObj;
use crate::vm::value::{Iface, Value};
use crate::vm::{Trap, Vm};
use minigo_runtime::TimerHandle;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

pub const TABLE: &[Entry] = &[
    ("context.Background", background),
    ("context.TODO", todo),
    ("context.WithCancel", with_cancel),
    ("context.WithCancelCause", with_cancel_cause),
    ("context.WithTimeout", with_timeout),
    ("context.WithTimeoutCause", with_timeout_cause),
    ("context.WithDeadline", with_deadline),
    ("context.WithDeadlineCause", with_deadline_cause),
    ("context.WithValue", with_value),
    ("context.WithoutCancel", without_cancel),
    ("context.Cause", cause),
    ("context.AfterFunc", after_func),
    ("context.Canceled", canceled_var),
    ("context.DeadlineExceeded", deadline_var),
    ("context.deadlineExceededError.Error", de_error),
    ("context.deadlineExceededError.Timeout", de_true),
    ("context.deadlineExceededError.Temporary", de_true),
    ("context.ctxImpl.Deadline", m_deadline),
    ("context.ctxImpl.Done", m_done),
    ("context.ctxImpl.Err", m_err),
    ("context.ctxImpl.Value", m_value),
    ("context.ctxImpl.String", m_string),
    ("context.ctxImpl.cancel", m_cancel),
    ("context.ctxImpl.cancelCause", m_cancel_cause),
    ("context.ctxImpl.stopAfter", m_stop_after),
];

pub fn canceled() -> Value {
    static E: OnceLock<Value> = OnceLock::new();
    E.get_or_init(|| new_error(b"context canceled")).clone()
}
/// `context.DeadlineExceeded` (a `context.deadlineExceededError`).
pub fn deadline_exceeded(vm: &Vm<'_>) -> Value {
    match vm
        .prog()
        .types
        .iter()
        .position(|t| t.name == "context.deadlineExceededError")
    {
        Some(ty) => Value::Iface(Iface::new(ty as u32, Value::Tuple(vec![].into()))),
        None => new_error(b"context deadline exceeded"),
    }
}
fn canceled_var(_vm: &mut Vm<'_>, _a: &[Value]) -> R {
    Ok(vec![canceled()])
}
fn deadline_var(vm: &mut Vm<'_>, _a: &[Value]) -> R {
    Ok(vec![deadline_exceeded(vm)])
}
fn de_error(_vm: &mut Vm<'_>, _a: &[Value]) -> R {
    Ok(vec![Value::from_str("context deadline exceeded")])
}
fn de_true(_vm: &mut Vm<'_>, _a: &[Value]) -> R {
    Ok(vec![Value::from_bool(true)])
}

#[derive(Default)]
struct Status {
    err: Value,
    cause: Value,
    children: Vec<Arc<Ctx>>,
    timer: Option<TimerHandle>,
    after: Vec<(u64, Value)>,
}

struct Ctx {
    parent: Option<Arc<Ctx>>,
    /// None: never canceled (Background, TODO, WithoutCancel) or a value context.
    done: Option<Arc<ChanObj>>,
    status: parking_lot::Mutex<Status>,
    kv: Option<(Value, Value)>,
    /// Deadline as a time.Time value.
    deadline: Option<Value>,
    name: &'static str,
}

impl Ctx {
    /// The nearest context (self or ancestor) that can be canceled.
    fn cancelable(self: &Arc<Ctx>) -> Option<Arc<Ctx>> {
        let mut c = Some(self.clone());
        while let Some(x) = c {
            if x.done.is_some() {
                return Some(x);
            }
            if x.kv.is_none() || x.name == "WithoutCancel" {
                // Background / WithoutCancel: cancellation stops here.
                return None;
            }
            c = x.parent.clone();
        }
        None
    }
    fn deadline(&self) -> Option<Value> {
        if let Some(d) = &self.deadline {
            return Some(d.clone());
        }
        if (self.done.is_none() && self.kv.is_none()) || self.name == "WithoutCancel" {
            return None;
        }
        self.parent.as_ref().and_then(|p| p.deadline())
    }
}

/// Cancel `c` with `err`/`cause` (first cancel wins), closing Done and canceling children.
fn cancel(c: &Arc<Ctx>, err: Value, cause: Value, after: &mut Vec<Value>) {
    let (children, timer) = {
        let mut st = c.status.lock();
        if !matches!(st.err, Value::Nil) {
            return;
        }
        st.err = err.clone();
        st.cause = if matches!(cause, Value::Nil) {
            err.clone()
        } else {
            cause.clone()
        };
        after.extend(st.after.drain(..).map(|x| x.1));
        (std::mem::take(&mut st.children), st.timer.take())
    };
    if let Some(t) = timer {
        t.stop();
    }
    if let Some(ch) = &c.done {
        let _ = ch.close();
    }
    for ch in children {
        cancel(&ch, err.clone(), cause.clone(), after);
    }
}

fn ctx_type(vm: &Vm<'_>) -> u32 {
    vm.prog()
        .types
        .iter()
        .position(|t| t.name == "context.ctxImpl")
        .unwrap_or(0) as u32
}

fn wrap(vm: &Vm<'_>, c: Arc<Ctx>) -> Value {
    Value::Iface(Iface::new(
        ctx_type(vm),
        Value::Tuple(vec![Value::Native(c)].into()),
    ))
}

/// The state of a context value (an interface holding a ctxImpl, or the receiver tuple).
fn state(v: &Value) -> Option<Arc<Ctx>> {
    let t = match v {
        Value::Iface(iv) => iv.val.clone(),
        v => v.clone(),
    };
    match t.tuple().first() {
        Some(Value::Native(n)) => n.clone().downcast::<Ctx>().ok(),
        _ => None,
    }
}

fn root(name: &'static str) -> Arc<Ctx> {
    Arc::new(Ctx {
        parent: None,
        done: None,
        status: Default::default(),
        kv: None,
        deadline: None,
        name,
    })
}

fn background(vm: &mut Vm<'_>, _a: &[Value]) -> R {
    static B: OnceLock<Arc<Ctx>> = OnceLock::new();
    let c = B.get_or_init(|| root("context.Background")).clone();
    Ok(vec![wrap(vm, c)])
}
fn todo(vm: &mut Vm<'_>, _a: &[Value]) -> R {
    static B: OnceLock<Arc<Ctx>> = OnceLock::new();
    let c = B.get_or_init(|| root("context.TODO")).clone();
    Ok(vec![wrap(vm, c)])
}

fn parent_of(vm: &mut Vm<'_>, v: &Value) -> Result<Arc<Ctx>, Trap> {
    match state(v) {
        Some(c) => Ok(c),
        None => Err(super::panic_str(
            vm,
            "cannot create context from nil parent",
        )),
    }
}

/// A new cancelable child of `parent`, registered for propagation.
fn child(
    vm: &mut Vm<'_>,
    parent: Arc<Ctx>,
    deadline: Option<Value>,
    name: &'static str,
) -> Arc<Ctx> {
    let c = Arc::new(Ctx {
        parent: Some(parent.clone()),
        done: Some(Arc::new(ChanObj::new(0))),
        status: Default::default(),
        kv: None,
        deadline,
        name,
    });
    if let Some(p) = parent.cancelable() {
        let mut st = p.status.lock();
        if matches!(st.err, Value::Nil) {
            st.children.push(c.clone());
        } else {
            let (e, cause) = (st.err.clone(), st.cause.clone());
            drop(st);
            let mut after = Vec::new();
            cancel(&c, e, cause, &mut after);
            run_after(vm, after);
        }
    }
    c
}

fn run_after(vm: &mut Vm<'_>, fs: Vec<Value>) {
    for f in fs {
        super::sync::go_then(vm, f, Box::new(|_| {}));
    }
}

/// A method value `ctx.<method>` bound to the context (its CancelFunc).
fn bound(vm: &Vm<'_>, method: &str, ctx: &Value) -> Value {
    let recv = match ctx {
        Value::Iface(iv) => iv.val.clone(),
        v => v.clone(),
    };
    super::bind_native(vm, &format!("context.ctxImpl.{method}"), recv)
}

fn with_cancel(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = parent_of(vm, &a[0])?;
    let c = child(vm, p, None, "WithCancel");
    let v = wrap(vm, c);
    let f = bound(vm, "cancel", &v);
    Ok(vec![v, f])
}
fn with_cancel_cause(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = parent_of(vm, &a[0])?;
    let c = child(vm, p, None, "WithCancel");
    let v = wrap(vm, c);
    let f = bound(vm, "cancelCause", &v);
    Ok(vec![v, f])
}

fn deadline_ctx(vm: &mut Vm<'_>, parent: &Value, d: Value, cause: Value) -> R {
    let p = parent_of(vm, parent)?;
    // The earlier of the parent's deadline and d.
    let dl = match p.deadline() {
        Some(pd) if time_sub(&pd, &d) <= 0 => pd,
        _ => d,
    };
    let c = child(vm, p, Some(dl.clone()), "WithDeadline");
    let now = super::time::now_value();
    let wait = time_sub(&dl, &now);
    if wait <= 0 {
        let mut after = Vec::new();
        cancel(&c, deadline_exceeded(vm), cause, &mut after);
        run_after(vm, after);
    } else if matches!(c.status.lock().err, Value::Nil) {
        let c2 = c.clone();
        let de = deadline_exceeded(vm);
        let h = vm.g.after_func(
            Duration::from_nanos(wait as u64),
            Box::new(move || {
                let mut after = Vec::new();
                cancel(&c2, de, cause, &mut after);
                // AfterFunc callbacks of a deadline cancel cannot start goroutines from the
                // timer (g0): they are dropped (rare).
            }),
        );
        c.status.lock().timer = Some(h);
    }
    let v = wrap(vm, c);
    let f = bound(vm, "cancel", &v);
    Ok(vec![v, f])
}

fn time_sub(a: &Value, b: &Value) -> i64 {
    let t = |v: &Value| {
        let w = v.tuple().first().map_or(0, |x| x.int());
        if w == 0 {
            i64::MIN
        } else {
            w ^ i64::MIN
        }
    };
    t(a).saturating_sub(t(b))
}

fn with_timeout(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let d = add_now(a[1].int());
    deadline_ctx(vm, &a[0], d, Value::Nil)
}
fn with_timeout_cause(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let d = add_now(a[1].int());
    deadline_ctx(vm, &a[0], d, a[2].clone())
}
fn with_deadline(vm: &mut Vm<'_>, a: &[Value]) -> R {
    deadline_ctx(vm, &a[0], a[1].clone(), Value::Nil)
}
fn with_deadline_cause(vm: &mut Vm<'_>, a: &[Value]) -> R {
    deadline_ctx(vm, &a[0], a[1].clone(), a[2].clone())
}

fn add_now(d: i64) -> Value {
    let now = super::time::now_value();
    let t = now.tuple();
    let wall = (t[0].int() ^ i64::MIN).saturating_add(d) ^ i64::MIN;
    let ext = if t[1].int() != 0 {
        t[1].int().saturating_add(d)
    } else {
        0
    };
    Value::Tuple(vec![Value::Int(wall), Value::Int(ext)].into())
}

fn with_value(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = parent_of(vm, &a[0])?;
    if matches!(a[1], Value::Nil) {
        return Err(super::panic_str(vm, "nil key"));
    }
    if let Value::Iface(k) = &a[1] {
        if !vm
            .prog()
            .types
            .get(k.ty as usize)
            .is_some_and(|t| t.comparable)
        {
            return Err(super::panic_str(vm, "key is not comparable"));
        }
    }
    let c = Arc::new(Ctx {
        parent: Some(p),
        done: None,
        status: Default::default(),
        kv: Some((a[1].clone(), a[2].clone())),
        deadline: None,
        name: "WithValue",
    });
    Ok(vec![wrap(vm, c)])
}

fn without_cancel(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = parent_of(vm, &a[0])?;
    // A value-less, done-less context whose Value lookups continue in the parent.
    let c = Arc::new(Ctx {
        parent: Some(p),
        done: None,
        status: Default::default(),
        kv: Some((Value::Nil, Value::Nil)),
        deadline: None,
        name: "WithoutCancel",
    });
    Ok(vec![wrap(vm, c)])
}

fn cause(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    let c = match state(&a[0]).and_then(|c| c.cancelable()) {
        Some(c) => c,
        None => return Ok(vec![Value::Nil]),
    };
    let st = c.status.lock();
    Ok(vec![st.cause.clone()])
}

fn after_func(vm: &mut Vm<'_>, a: &[Value]) -> R {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    let c = state(&a[0]).and_then(|c| c.cancelable());
    let id = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    // The stop function: a context holding the registration id as its value.
    let holder = Arc::new(Ctx {
        parent: c.clone(),
        done: None,
        status: Default::default(),
        kv: Some((Value::Int(id as i64), Value::Nil)),
        deadline: None,
        name: "AfterFunc",
    });
    if let Some(c) = c {
        let mut st = c.status.lock();
        if matches!(st.err, Value::Nil) {
            st.after.push((id, a[1].clone()));
            // A pending deadline timer runs on g0 and cannot start goroutines: re-arm it as
            // a goroutine timer that cancels and then starts the AfterFunc functions.
            if let Some(t) = st.timer.take() {
                if t.stop() {
                    let wait = c
                        .deadline
                        .as_ref()
                        .map_or(0, |d| time_sub(d, &super::time::now_value()).max(0));
                    drop(st);
                    let h = arm_go_cancel(vm, c.clone(), wait);
                    c.status.lock().timer = Some(h);
                }
            }
        } else {
            drop(st);
            run_after(vm, vec![a[1].clone()]);
        }
    }
    let v = wrap(vm, holder);
    Ok(vec![bound(vm, "stopAfter", &v)])
}

fn m_stop_after(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    let h = match state(&a[0]) {
        Some(h) => h,
        None => return Ok(vec![Value::from_bool(false)]),
    };
    let id = h.kv.as_ref().map_or(0, |k| k.0.int()) as u64;
    let stopped = match &h.parent {
        Some(c) => {
            let mut st = c.status.lock();
            let n = st.after.len();
            st.after.retain(|x| x.0 != id);
            st.after.len() != n
        }
        None => {
            // A context that is never canceled: the first stop wins.
            let mut st = h.status.lock();
            let first = matches!(st.err, Value::Nil);
            st.err = Value::Int(1);
            first
        }
    };
    Ok(vec![Value::from_bool(stopped)])
}

fn m_deadline(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    match state(&a[0]).and_then(|c| c.deadline()) {
        Some(d) => Ok(vec![d, Value::from_bool(true)]),
        None => Ok(vec![
            Value::Tuple(vec![Value::Int(0), Value::Int(0)].into()),
            Value::from_bool(false),
        ]),
    }
}
fn m_done(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    let c = state(&a[0]).and_then(|c| c.cancelable());
    Ok(vec![c
        .and_then(|c| c.done.clone())
        .map_or(Value::Nil, Value::Chan)])
}
fn m_err(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    match state(&a[0]).and_then(|c| c.cancelable()) {
        Some(c) => Ok(vec![c.status.lock().err.clone()]),
        None => Ok(vec![Value::Nil]),
    }
}
fn m_value(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let prog = vm.shared.prog.clone();
    let mut c = state(&a[0]);
    while let Some(x) = c {
        if let Some((k, v)) = &x.kv {
            if !matches!(k, Value::Nil) && values_equal(&prog, k, &a[1]).unwrap_or(false) {
                return Ok(vec![v.clone()]);
            }
        }
        c = x.parent.clone();
    }
    Ok(vec![Value::Nil])
}
/// Go's `stringify` of a WithValue key or value.
fn stringify(vm: &mut Vm<'_>, v: &Value) -> Result<String, Trap> {
    match v {
        Value::Iface(iv) => {
            if super::has_method(vm, iv.ty, "String") {
                if let Some(r) = super::call_method(vm, iv, "String", &[]) {
                    return Ok(r?
                        .first()
                        .map(|x| x.str().to_string_lossy())
                        .unwrap_or_default());
                }
            }
            let name = vm
                .prog()
                .types
                .get(iv.ty as usize)
                .map_or(String::new(), |t| t.name.clone());
            if name == "string" {
                return Ok(iv.val.str().to_string_lossy());
            }
            Ok(name)
        }
        _ => Ok("<nil>".into()),
    }
}

fn m_string(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let mut chain = Vec::new();
    let mut c = state(&a[0]);
    while let Some(x) = c {
        c = x.parent.clone();
        chain.push(x);
    }
    let mut s = String::new();
    for x in chain.iter().rev() {
        let part = match x.name {
            "WithValue" => {
                let (k, v) = x.kv.clone().unwrap_or_default();
                format!("WithValue({}, {})", stringify(vm, &k)?, stringify(vm, &v)?)
            }
            "WithDeadline" => {
                let d = x.deadline.clone().unwrap_or_default();
                let ds = super::time::time_string_value(&d);
                let until = time_sub(&d, &super::time::now_value());
                format!(
                    "WithDeadline({} [{}])",
                    ds,
                    String::from_utf8_lossy(&crate::stdlib::time::duration_string(until))
                )
            }
            n => n.to_string(),
        };
        if s.is_empty() {
            s = part;
        } else {
            s = format!("{s}.{part}");
        }
    }
    Ok(vec![Value::from_str(&s)])
}
fn m_cancel(vm: &mut Vm<'_>, a: &[Value]) -> R {
    if let Some(c) = state(&a[0]) {
        let mut after = Vec::new();
        cancel(&c, canceled(), Value::Nil, &mut after);
        detach(&c);
        run_after(vm, after);
    }
    Ok(vec![])
}
fn m_cancel_cause(vm: &mut Vm<'_>, a: &[Value]) -> R {
    if let Some(c) = state(&a[0]) {
        let mut after = Vec::new();
        cancel(&c, canceled(), a[1].clone(), &mut after);
        detach(&c);
        run_after(vm, after);
    }
    Ok(vec![])
}

/// Remove a canceled context from its parent's children.
fn detach(c: &Arc<Ctx>) {
    if let Some(p) = c.parent.as_ref().and_then(|p| p.cancelable()) {
        p.status.lock().children.retain(|x| !Arc::ptr_eq(x, c));
    }
}

/// A deadline timer that cancels `c` in a new goroutine (so AfterFunc functions can start).
fn arm_go_cancel(vm: &mut Vm<'_>, c: Arc<Ctx>, wait: i64) -> TimerHandle {
    let shared = vm.shared.clone();
    let de = deadline_exceeded(vm);
    vm.g.after_go(
        Duration::from_nanos(wait as u64),
        Arc::from("context.(*cancelCtx).cancel"),
        Box::new(move |g: &mut crate::vm::rt::Gctx| {
            let goid = g.goid();
            let mut vm = Vm::new(shared, goid, g);
            crate::vm::rt::install_traceback(&mut vm);
            let mut after = Vec::new();
            cancel(&c, de, Value::Nil, &mut after);
            run_after(&mut vm, after);
        }),
    )
}
