//! Package errors (New, Is, As, Unwrap, Join) and the methods of the built-in error types
//! (`*errors.errorString`, `*fmt.wrapError`, `*fmt.wrapErrors`, `*errors.joinError`).

use super::{error_string_msg, error_text, is_error_string, new_error, slice_items, Entry, R};
use crate::vm::interp::{implements, values_equal};
use crate::vm::program::{RKind, RT_JOIN_ERROR, RT_WRAP_ERROR, RT_WRAP_ERRORS};
use crate::vm::value::{Iface, Value, AGG};
use crate::vm::{Trap, Vm};

pub const TABLE: &[Entry] = &[
    ("errors.New", errors_new),
    ("errors.Is", errors_is),
    ("errors.As", errors_as),
    ("errors.Unwrap", errors_unwrap),
    ("errors.Join", errors_join),
    ("errors.(*errorString).Error", error_string_error),
    ("fmt.(*wrapError).Unwrap", errors_unwrap),
    ("runtime.Error.RuntimeError", runtime_error_marker),
];

fn errors_new(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    Ok(vec![new_error(a[0].as_str())])
}

fn error_string_error(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    Ok(vec![Value::from_bytes(error_string_msg(&a[0]))])
}

/// The errors `e` wraps: (single Unwrap result, or the list of a multi-error).
fn unwrap_all(vm: &mut Vm<'_>, e: &Value) -> Result<Vec<Value>, Trap> {
    let iv = match e {
        Value::Iface(iv) => iv.clone(),
        _ => return Ok(vec![]),
    };
    if matches!(iv.ty, RT_WRAP_ERROR | RT_WRAP_ERRORS | RT_JOIN_ERROR) {
        return Ok(iv.val.tuple().iter().skip(1).cloned().collect());
    }
    if is_error_string(vm, iv.ty) {
        return Ok(vec![]);
    }
    match super::call_method(vm, &iv, "Unwrap", &[]) {
        Some(r) => {
            let r = r?;
            match r.into_iter().next() {
                Some(Value::Slice(s)) => Ok(slice_items(&Value::Slice(s))),
                Some(Value::Nil) | None => Ok(vec![]),
                Some(v) => Ok(vec![v]),
            }
        }
        None => Ok(vec![]),
    }
}

fn errors_unwrap(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let e = match &a[0] {
        Value::Iface(iv) => iv.clone(),
        _ => return Ok(vec![Value::Nil]),
    };
    // Only a single-error Unwrap counts.
    if e.ty == RT_WRAP_ERROR {
        return Ok(vec![e.val.tuple().get(1).cloned().unwrap_or_default()]);
    }
    if matches!(e.ty, RT_WRAP_ERRORS | RT_JOIN_ERROR) || is_error_string(vm, e.ty) {
        return Ok(vec![Value::Nil]);
    }
    match super::call_method(vm, &e, "Unwrap", &[]) {
        Some(r) => match r?.into_iter().next() {
            Some(Value::Slice(_)) | None => Ok(vec![Value::Nil]),
            Some(v) => Ok(vec![v]),
        },
        None => Ok(vec![Value::Nil]),
    }
}

fn errors_is(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let target = a[1].clone();
    let mut stack = vec![a[0].clone()];
    if matches!(a[0], Value::Nil) || matches!(target, Value::Nil) {
        return Ok(vec![Value::from_bool(
            matches!(a[0], Value::Nil) && matches!(target, Value::Nil),
        )]);
    }
    let prog = vm.shared.prog.clone();
    let mut steps = 0;
    while let Some(e) = stack.pop() {
        steps += 1;
        if steps > 100_000 {
            break;
        }
        if let (Value::Iface(x), Value::Iface(_)) = (&e, &target) {
            let comparable = prog.types.get(x.ty as usize).is_some_and(|t| t.comparable);
            if comparable && values_equal(&prog, &e, &target).unwrap_or(false) {
                return Ok(vec![Value::from_bool(true)]);
            }
            if let Some(r) = super::call_method(vm, x, "Is", std::slice::from_ref(&target)) {
                if r?.first().is_some_and(|v| v.truthy()) {
                    return Ok(vec![Value::from_bool(true)]);
                }
            }
        }
        let mut inner = unwrap_all(vm, &e)?;
        inner.reverse();
        stack.extend(inner);
    }
    Ok(vec![Value::from_bool(false)])
}

fn errors_as(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let prog = vm.shared.prog.clone();
    let (tp, tty) = match &a[1] {
        Value::Iface(iv) => (iv.val.clone(), iv.ty),
        _ => return Err(super::panic_str(vm, "errors: target cannot be nil")),
    };
    let p = match &tp {
        Value::Ptr(p) => p.clone(),
        _ => {
            return Err(super::panic_str(
                vm,
                "errors: target must be a non-nil pointer",
            ))
        }
    };
    let elem = match prog.types.get(tty as usize).map(|t| &t.kind) {
        Some(RKind::Pointer(e)) => *e,
        _ => {
            return Err(super::panic_str(
                vm,
                "errors: target must be a non-nil pointer",
            ))
        }
    };
    let et = match prog.types.get(elem as usize) {
        Some(t) => t.clone(),
        None => return Ok(vec![Value::from_bool(false)]),
    };
    let is_iface = matches!(et.kind, RKind::Interface(_));
    let mut stack = vec![a[0].clone()];
    while let Some(e) = stack.pop() {
        if let Value::Iface(x) = &e {
            let hit = if is_iface {
                implements(&prog, x.ty, elem).is_ok()
            } else {
                x.ty == elem
            };
            if hit {
                if is_iface {
                    p.store(1, e.clone());
                } else {
                    let shape = match et.kind {
                        RKind::Struct(_) | RKind::Array(..) => et.slots as usize | AGG,
                        _ => et.slots as usize,
                    };
                    p.store(shape, x.val.clone());
                }
                return Ok(vec![Value::from_bool(true)]);
            }
            if let Some(r) = super::call_method(vm, x, "As", &[a[1].clone()]) {
                if r?.first().is_some_and(|v| v.truthy()) {
                    return Ok(vec![Value::from_bool(true)]);
                }
            }
        }
        let mut inner = unwrap_all(vm, &e)?;
        inner.reverse();
        stack.extend(inner);
    }
    Ok(vec![Value::from_bool(false)])
}

fn errors_join(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let errs: Vec<Value> = slice_items(&a[0])
        .into_iter()
        .filter(|e| !matches!(e, Value::Nil))
        .collect();
    if errs.is_empty() {
        return Ok(vec![Value::Nil]);
    }
    let mut msg = Vec::new();
    for (i, e) in errs.iter().enumerate() {
        if i > 0 {
            msg.push(b'\n');
        }
        msg.extend(error_text(vm, e)?.unwrap_or_default());
    }
    let mut t = vec![Value::from_bytes(msg)];
    t.extend(errs);
    Ok(vec![Value::Iface(Iface::new(
        RT_JOIN_ERROR,
        Value::Tuple(t.into()),
    ))])
}

fn runtime_error_marker(_vm: &mut Vm<'_>, _a: &[Value]) -> R {
    Ok(vec![])
}
