//! Package time: Duration methods (`crate::stdlib::time`), Time values (wall clock +
//! monotonic reading in the two slots of `time.Time`), Sleep, and timers over the runtime's
//! timer heap (`Gctx::after_chan`, `ticker_chan`, `after_go`; `TimerHandle::stop`).
//!
//! `time.Time { wall, ext }`: `wall` is Unix nanoseconds XOR `i64::MIN` (so the zero value
//! is Go's zero Time, January 1 year 1), `ext` the monotonic reading + 1 (0: none).

use super::{native_cell, ptr, Entry, R};
use crate::stdlib::time as st;
use crate::vm::rt::{install_traceback, run_goroutine, ChanObj, Gctx};
use crate::vm::value::{Pointer, SlotKind, Value, AGG};
use crate::vm::{Trap, Vm};
use minigo_runtime::TimerHandle;
use std::sync::Arc;
use std::time::Duration;

pub const TABLE: &[Entry] = &[
    ("time.Duration.String", d_string),
    ("time.Duration.Nanoseconds", d_nanoseconds),
    ("time.Duration.Microseconds", d_micro),
    ("time.Duration.Milliseconds", d_milli),
    ("time.Duration.Seconds", d_seconds),
    ("time.Duration.Minutes", d_minutes),
    ("time.Duration.Hours", d_hours),
    ("time.Duration.Round", d_round),
    ("time.Duration.Truncate", d_truncate),
    ("time.Duration.Abs", d_abs),
    ("time.Month.String", month_string),
    ("time.Weekday.String", weekday_string),
    ("time.Sleep", sleep),
    ("time.Now", now),
    ("time.Since", since),
    ("time.Until", until),
    ("time.Unix", unix),
    ("time.UnixMilli", unix_milli),
    ("time.Date", date),
    ("time.Time.AddDate", t_add_date),
    ("time.UTC", utc_loc),
    ("time.Local", utc_loc),
    ("time.Time.Sub", t_sub),
    ("time.Time.Add", t_add),
    ("time.Time.Unix", t_unix),
    ("time.Time.UnixNano", t_unix_nano),
    ("time.Time.UnixMilli", t_unix_milli),
    ("time.Time.UnixMicro", t_unix_micro),
    ("time.Time.Before", t_before),
    ("time.Time.After", t_after),
    ("time.Time.Equal", t_equal),
    ("time.Time.Compare", t_compare),
    ("time.Time.IsZero", t_is_zero),
    ("time.Time.Format", t_format),
    ("time.Time.String", t_string),
    ("time.Time.Year", t_year),
    ("time.Time.Month", t_month),
    ("time.Time.Day", t_day),
    ("time.Time.Hour", t_hour),
    ("time.Time.Minute", t_minute),
    ("time.Time.Second", t_second),
    ("time.Time.Nanosecond", t_nanosecond),
    ("time.Time.YearDay", t_yearday),
    ("time.Time.Weekday", t_weekday),
    ("time.Time.UTC", t_strip),
    ("time.Time.Local", t_strip),
    ("time.Time.Truncate", t_truncate),
    ("time.Time.Round", t_round),
    ("time.After", after),
    ("time.Tick", tick),
    ("time.NewTimer", new_timer),
    ("time.AfterFunc", after_func),
    ("time.(*Timer).Stop", timer_stop),
    ("time.(*Timer).Reset", timer_reset),
    ("time.NewTicker", new_ticker),
    ("time.(*Ticker).Stop", ticker_stop),
    ("time.(*Ticker).Reset", ticker_reset),
];

fn d_string(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    Ok(vec![Value::from_bytes(st::duration_string(a[0].int()))])
}
fn d_nanoseconds(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    Ok(vec![Value::Int(a[0].int())])
}
fn d_micro(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    Ok(vec![Value::Int(a[0].int() / 1000)])
}
fn d_milli(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    Ok(vec![Value::Int(a[0].int() / 1_000_000)])
}
fn d_seconds(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    Ok(vec![Value::from_f64(st::duration_seconds(a[0].int()))])
}
fn d_minutes(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    Ok(vec![Value::from_f64(st::duration_minutes(a[0].int()))])
}
fn d_hours(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    Ok(vec![Value::from_f64(st::duration_hours(a[0].int()))])
}
fn d_round(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    Ok(vec![Value::Int(st::duration_round(a[0].int(), a[1].int()))])
}
fn d_truncate(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    Ok(vec![Value::Int(st::duration_truncate(
        a[0].int(),
        a[1].int(),
    ))])
}
fn d_abs(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    Ok(vec![Value::Int(st::duration_abs(a[0].int()))])
}
fn month_string(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    Ok(vec![Value::from_bytes(st::month_string(a[0].int()))])
}
fn weekday_string(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    Ok(vec![Value::from_bytes(st::weekday_string(a[0].int()))])
}

fn sleep(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let ns = a[0].int();
    if ns > 0 {
        vm.publish_frames();
        vm.g.sleep(Duration::from_nanos(ns as u64));
    }
    Ok(vec![])
}

// ---------------------------------------------------------------------------------------------
// Time values

const ZERO_UNIX: i64 = -62_135_596_800;

/// (Unix seconds, nanoseconds, monotonic reading) of a Time value.
fn parts(v: &Value) -> (i64, i64, Option<i64>) {
    let t = v.tuple();
    let wall = t.first().map_or(0, |x| x.int());
    let ext = t.get(1).map_or(0, |x| x.int());
    let mono = if ext != 0 { Some(ext - 1) } else { None };
    if wall == 0 {
        return (ZERO_UNIX, 0, mono);
    }
    let un = wall ^ i64::MIN;
    (
        un.div_euclid(1_000_000_000),
        un.rem_euclid(1_000_000_000),
        mono,
    )
}

/// A Time value of Unix seconds + nanoseconds (and optional monotonic reading).
fn mk(sec: i64, nsec: i64, mono: Option<i64>) -> Value {
    let sec = sec + nsec.div_euclid(1_000_000_000);
    let nsec = nsec.rem_euclid(1_000_000_000);
    let wall = if sec == ZERO_UNIX && nsec == 0 {
        0
    } else {
        sec.saturating_mul(1_000_000_000).saturating_add(nsec) ^ i64::MIN
    };
    Value::Tuple(vec![Value::Int(wall), Value::Int(mono.map_or(0, |m| m + 1))].into())
}

fn wall_now() -> (i64, i64) {
    let d = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    (d.as_secs() as i64, d.subsec_nanos() as i64)
}

fn process_start() -> i64 {
    static START: std::sync::OnceLock<i64> = std::sync::OnceLock::new();
    *START.get_or_init(minigo_runtime::nanotime)
}

/// `time.Now()` as a VM value.
pub fn now_value() -> Value {
    let (s, n) = wall_now();
    let mono = minigo_runtime::nanotime() - process_start() + 1;
    mk(s, n, Some(mono))
}

fn now(_vm: &mut Vm<'_>, _a: &[Value]) -> R {
    Ok(vec![now_value()])
}

fn sub(a: &Value, b: &Value) -> i64 {
    let (s1, n1, m1) = parts(a);
    let (s2, n2, m2) = parts(b);
    if let (Some(x), Some(y)) = (m1, m2) {
        return x.saturating_sub(y);
    }
    let d = (s1 as i128 - s2 as i128) * 1_000_000_000 + (n1 - n2) as i128;
    d.clamp(i64::MIN as i128, i64::MAX as i128) as i64
}

fn since(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    Ok(vec![Value::Int(sub(&now_value(), &a[0]))])
}
fn until(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    Ok(vec![Value::Int(sub(&a[0], &now_value()))])
}
fn unix(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    Ok(vec![mk(a[0].int(), a[1].int(), None)])
}
fn unix_milli(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    let ms = a[0].int();
    Ok(vec![mk(
        ms.div_euclid(1000),
        ms.rem_euclid(1000) * 1_000_000,
        None,
    )])
}
fn date(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    let (s, n) = st::date(
        a[0].int(),
        a[1].int(),
        a[2].int(),
        a[3].int(),
        a[4].int(),
        a[5].int(),
        a[6].int(),
        0,
    );
    Ok(vec![mk(s, n, None)])
}
/// `t.AddDate(y, m, d)`: Date(year+y, month+m, day+d, ...) with Go's normalisation (Oct 31
/// plus a month is Dec 1).
fn t_add_date(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    let c = civil(&a[0]);
    let (_, nsec, mono) = parts(&a[0]);
    let (s, n) = st::date(
        c.year + a[1].int(),
        c.month + a[2].int(),
        c.day + a[3].int(),
        c.hour,
        c.min,
        c.sec,
        nsec,
        0,
    );
    let _ = mono;
    Ok(vec![mk(s, n, None)])
}
fn utc_loc(_vm: &mut Vm<'_>, _a: &[Value]) -> R {
    static LOC: std::sync::OnceLock<Pointer> = std::sync::OnceLock::new();
    let p = LOC.get_or_init(|| {
        Pointer::new_cell(
            SlotKind::Vals,
            1 | AGG,
            Value::Tuple(vec![Value::from_str("UTC")].into()),
        )
    });
    Ok(vec![Value::Ptr(p.clone())])
}
fn t_sub(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    Ok(vec![Value::Int(sub(&a[0], &a[1]))])
}
fn t_add(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    let (s, n, m) = parts(&a[0]);
    let d = a[1].int();
    Ok(vec![mk(
        s + d / 1_000_000_000,
        n + d % 1_000_000_000,
        m.map(|m| m.saturating_add(d)),
    )])
}
fn t_unix(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    Ok(vec![Value::Int(parts(&a[0]).0)])
}
fn t_unix_nano(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    let (s, n, _) = parts(&a[0]);
    Ok(vec![Value::Int(
        s.wrapping_mul(1_000_000_000).wrapping_add(n),
    )])
}
fn t_unix_milli(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    let (s, n, _) = parts(&a[0]);
    Ok(vec![Value::Int(
        s.wrapping_mul(1000).wrapping_add(n / 1_000_000),
    )])
}
fn t_unix_micro(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    let (s, n, _) = parts(&a[0]);
    Ok(vec![Value::Int(
        s.wrapping_mul(1_000_000).wrapping_add(n / 1000),
    )])
}
fn cmp(a: &Value, b: &Value) -> i64 {
    let d = sub(a, b);
    d.signum()
}
fn t_before(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    Ok(vec![Value::from_bool(cmp(&a[0], &a[1]) < 0)])
}
fn t_after(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    Ok(vec![Value::from_bool(cmp(&a[0], &a[1]) > 0)])
}
fn t_equal(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    Ok(vec![Value::from_bool(cmp(&a[0], &a[1]) == 0)])
}
fn t_compare(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    Ok(vec![Value::Int(cmp(&a[0], &a[1]))])
}
fn t_is_zero(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    let (s, n, _) = parts(&a[0]);
    Ok(vec![Value::from_bool(s == ZERO_UNIX && n == 0)])
}
fn stime(v: &Value) -> st::Time<'static> {
    let (unix, nsec, _) = parts(v);
    st::Time {
        unix,
        nsec,
        offset: 0,
        zone: b"UTC",
    }
}
fn t_format(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    Ok(vec![Value::from_bytes(st::format(
        &stime(&a[0]),
        a[1].as_str(),
    ))])
}
fn t_string(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    let (_, _, m) = parts(&a[0]);
    Ok(vec![Value::from_bytes(st::time_string(&stime(&a[0]), m))])
}
fn civil(v: &Value) -> st::Civil {
    st::civil(&stime(v))
}
fn t_year(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    Ok(vec![Value::Int(civil(&a[0]).year)])
}
fn t_month(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    Ok(vec![Value::Int(civil(&a[0]).month)])
}
fn t_day(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    Ok(vec![Value::Int(civil(&a[0]).day)])
}
fn t_hour(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    Ok(vec![Value::Int(civil(&a[0]).hour)])
}
fn t_minute(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    Ok(vec![Value::Int(civil(&a[0]).min)])
}
fn t_second(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    Ok(vec![Value::Int(civil(&a[0]).sec)])
}
fn t_nanosecond(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    Ok(vec![Value::Int(parts(&a[0]).1)])
}
fn t_yearday(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    Ok(vec![Value::Int(civil(&a[0]).yday)])
}
fn t_weekday(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    Ok(vec![Value::Int(civil(&a[0]).weekday)])
}
fn t_strip(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    let (s, n, _) = parts(&a[0]);
    Ok(vec![mk(s, n, None)])
}
fn t_truncate(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    let (s, n, _) = parts(&a[0]);
    let d = a[1].int();
    if d <= 0 {
        return Ok(vec![mk(s, n, None)]);
    }
    let total = (s as i128 - ZERO_UNIX as i128) * 1_000_000_000 + n as i128;
    let r = total - total.rem_euclid(d as i128);
    let sec = (r / 1_000_000_000) as i64 + ZERO_UNIX;
    Ok(vec![mk(sec, (r % 1_000_000_000) as i64, None)])
}
fn t_round(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    let (s, n, _) = parts(&a[0]);
    let d = a[1].int();
    if d <= 0 {
        return Ok(vec![mk(s, n, None)]);
    }
    let total = (s as i128 - ZERO_UNIX as i128) * 1_000_000_000 + n as i128;
    let rem = total.rem_euclid(d as i128);
    let r = if rem + rem < d as i128 {
        total - rem
    } else {
        total + (d as i128 - rem)
    };
    let sec = (r / 1_000_000_000) as i64 + ZERO_UNIX;
    Ok(vec![mk(sec, (r % 1_000_000_000) as i64, None)])
}

// ---------------------------------------------------------------------------------------------
// Timers

fn dur(ns: i64) -> Duration {
    Duration::from_nanos(ns.max(0) as u64)
}

/// The time a timer armed now with duration `d` will send.
fn fire_time(d: i64) -> Value {
    let (s, n) = wall_now();
    let mono = minigo_runtime::nanotime() - process_start() + 1;
    let d = d.max(0);
    mk(s + d / 1_000_000_000, n + d % 1_000_000_000, Some(mono + d))
}

fn after(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let ch = Arc::new(ChanObj::new_timer(1));
    vm.g.after_chan(dur(a[0].int()), &ch, fire_time(a[0].int()));
    Ok(vec![Value::Chan(ch)])
}

fn ticker_make() -> Arc<dyn Fn() -> Value + Send + Sync> {
    Arc::new(now_value)
}

fn tick(vm: &mut Vm<'_>, a: &[Value]) -> R {
    if a[0].int() <= 0 {
        return Ok(vec![Value::Nil]);
    }
    let ch = Arc::new(ChanObj::new_timer(1));
    vm.g.ticker_chan(dur(a[0].int()), &ch, ticker_make());
    Ok(vec![Value::Chan(ch)])
}

/// A timer's runtime state (slot 1 of `time.Timer` / `time.Ticker`).
struct TimerState {
    handle: parking_lot::Mutex<Option<TimerHandle>>,
    /// AfterFunc's function (None: a channel timer).
    func: Option<Value>,
}

fn timer_cell(ch: Value, func: Option<Value>, h: TimerHandle) -> Value {
    let cell = Pointer::new_cell(
        SlotKind::Vals,
        2 | AGG,
        Value::Tuple(vec![ch, Value::Int(0)].into()),
    );
    let q = Pointer {
        obj: cell.obj.clone(),
        off: 1,
    };
    let st = native_cell(&q, || TimerState {
        handle: parking_lot::Mutex::new(None),
        func,
    });
    *st.handle.lock() = Some(h);
    Value::Ptr(cell)
}

fn state(p: &Pointer) -> Arc<TimerState> {
    let q = Pointer {
        obj: p.obj.clone(),
        off: p.off + 1,
    };
    native_cell(&q, || TimerState {
        handle: parking_lot::Mutex::new(None),
        func: None,
    })
}

fn new_timer(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let ch = Arc::new(ChanObj::new_timer(1));
    let h = vm.g.after_chan(dur(a[0].int()), &ch, fire_time(a[0].int()));
    Ok(vec![timer_cell(Value::Chan(ch), None, h)])
}

fn arm_func(vm: &mut Vm<'_>, d: i64, f: Value) -> TimerHandle {
    let shared = vm.shared.clone();
    let name: Arc<str> = match &f {
        Value::Func(fv) => match &**fv {
            crate::vm::value::FuncVal::Go { func, .. }
            | crate::vm::value::FuncVal::Bound { func, .. } => shared
                .prog
                .funcs
                .get(*func as usize)
                .map_or(Arc::from("?"), |f| Arc::from(f.name.as_str())),
            _ => Arc::from("?"),
        },
        _ => Arc::from("?"),
    };
    vm.g.after_go(
        dur(d),
        name,
        Box::new(move |g: &mut Gctx| {
            let goid = g.goid();
            let mut vm = Vm::new(shared, goid, g);
            install_traceback(&mut vm);
            run_goroutine(&mut vm, &f, &[]);
        }),
    )
}

fn after_func(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let h = arm_func(vm, a[0].int(), a[1].clone());
    Ok(vec![timer_cell(Value::Nil, Some(a[1].clone()), h)])
}

fn nil_timer(vm: &mut Vm<'_>) -> Trap {
    let e = vm.runtime_error("invalid memory address or nil pointer dereference");
    super::gopanic(vm, e)
}

fn timer_stop(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = match ptr(&a[0]) {
        Some(p) => p.clone(),
        None => return Err(nil_timer(vm)),
    };
    let st = state(&p);
    let h = st.handle.lock().clone();
    let stopped = h.is_some_and(|h| h.stop());
    Ok(vec![Value::from_bool(stopped)])
}

fn timer_reset(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = match ptr(&a[0]) {
        Some(p) => p.clone(),
        None => return Err(nil_timer(vm)),
    };
    let st = state(&p);
    let old = st.handle.lock().clone();
    let active = old.is_some_and(|h| h.stop());
    let d = a[1].int();
    let h = match &st.func {
        Some(f) => arm_func(vm, d, f.clone()),
        None => match p.obj.get(p.off as usize) {
            Value::Chan(ch) => {
                // Go 1.23: Reset discards a stale value in the channel.
                while let Some((Some(_), _)) = ch.try_recv(vm.g) {}
                vm.g.after_chan(dur(d), &ch, fire_time(d))
            }
            _ => return Ok(vec![Value::from_bool(active)]),
        },
    };
    *st.handle.lock() = Some(h);
    Ok(vec![Value::from_bool(active)])
}

fn new_ticker(vm: &mut Vm<'_>, a: &[Value]) -> R {
    if a[0].int() <= 0 {
        return Err(super::panic_str(vm, "non-positive interval for NewTicker"));
    }
    let ch = Arc::new(ChanObj::new_timer(1));
    let h = vm.g.ticker_chan(dur(a[0].int()), &ch, ticker_make());
    Ok(vec![timer_cell(Value::Chan(ch), None, h)])
}

fn ticker_stop(vm: &mut Vm<'_>, a: &[Value]) -> R {
    timer_stop(vm, a)?;
    Ok(vec![])
}

fn ticker_reset(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = match ptr(&a[0]) {
        Some(p) => p.clone(),
        None => return Err(nil_timer(vm)),
    };
    if a[1].int() <= 0 {
        return Err(super::panic_str(
            vm,
            "non-positive interval for Ticker.Reset",
        ));
    }
    let st = state(&p);
    if let Some(h) = st.handle.lock().clone() {
        h.stop();
    }
    if let Value::Chan(ch) = p.obj.get(p.off as usize) {
        let h = vm.g.ticker_chan(dur(a[1].int()), &ch, ticker_make());
        *st.handle.lock() = Some(h);
    }
    Ok(vec![])
}

/// `t.String()` of a Time value.
pub fn time_string_value(v: &Value) -> String {
    let (_, _, m) = parts(v);
    String::from_utf8_lossy(&st::time_string(&stime(v), m)).into_owned()
}
