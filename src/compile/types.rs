//! Static type → VM representation: operation class, slot count and kind, zero values, and the
//! runtime type table entries (`RType`) used by interfaces, fmt and dynamic dispatch.

use super::Compiler;
use crate::types::{BasicKind, Type, TypeId, TypeTable};
use crate::vm::program::{IntKind, MethodEntry, RField, RKind, RType};
use crate::vm::value::{SlotKind, Value};

/// How the compiler operates on values of a type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TClass {
    Int(IntKind),
    F64,
    F32,
    Bool,
    Str,
    Slice,
    Array,
    Struct,
    Map,
    Ptr,
    Iface,
    Func,
    Chan,
    Other,
}

pub fn int_kind(k: BasicKind) -> Option<IntKind> {
    use BasicKind::*;
    Some(match k {
        Int | Int64 | UntypedInt => IntKind::I64,
        Int8 => IntKind::I8,
        Int16 => IntKind::I16,
        Int32 | UntypedRune => IntKind::I32,
        Uint | Uint64 | Uintptr => IntKind::U64,
        Uint8 => IntKind::U8,
        Uint16 => IntKind::U16,
        Uint32 => IntKind::U32,
        _ => return None,
    })
}

pub fn classify(tt: &TypeTable, t: TypeId) -> TClass {
    match tt.under(t) {
        Type::Basic(k) => {
            if let Some(ik) = int_kind(*k) {
                return TClass::Int(ik);
            }
            match k {
                BasicKind::Float64 | BasicKind::UntypedFloat => TClass::F64,
                BasicKind::Float32 => TClass::F32,
                BasicKind::Bool | BasicKind::UntypedBool => TClass::Bool,
                BasicKind::String | BasicKind::UntypedString => TClass::Str,
                BasicKind::UntypedNil => TClass::Ptr,
                _ => TClass::Other,
            }
        }
        Type::Slice(_) => TClass::Slice,
        Type::Array(..) => TClass::Array,
        Type::Struct(_) => TClass::Struct,
        Type::Map(..) => TClass::Map,
        Type::Pointer(_) => TClass::Ptr,
        Type::Interface(_) => TClass::Iface,
        Type::Func(_) => TClass::Func,
        Type::Chan(..) => TClass::Chan,
        _ => TClass::Other,
    }
}

/// Standard-library types the VM represents natively: one slot holding a lazily created
/// native object (their Go declarations are placeholders).
pub fn is_opaque(tt: &TypeTable, t: TypeId) -> bool {
    match tt.named(t) {
        Some(n) => matches!(
            (n.pkg.as_str(), n.name.as_str()),
            (
                "sync",
                "Mutex" | "RWMutex" | "WaitGroup" | "Once" | "Cond" | "Map"
            ) | ("strings", "Builder")
                | ("bytes", "Buffer")
                | (
                    "sync/atomic",
                    "Int32" | "Int64" | "Uint32" | "Uint64" | "Bool" | "Value"
                )
        ),
        None => false,
    }
}

/// Number of slots a value of type `t` occupies (structs/arrays flattened).
pub fn slots(tt: &TypeTable, t: TypeId) -> u32 {
    if is_opaque(tt, t) {
        return 1;
    }
    match tt.under(t) {
        Type::Struct(fs) => fs
            .iter()
            .fold(0u32, |acc, f| acc.saturating_add(slots(tt, f.ty))),
        Type::Array(n, e) => n.saturating_mul(slots(tt, *e) as u64).min(u32::MAX as u64) as u32,
        _ => 1,
    }
}

/// Slot count with [`crate::vm::value::AGG`] set for structs and arrays.
pub fn shape(tt: &TypeTable, t: TypeId) -> u32 {
    let n = slots(tt, t);
    if is_opaque(tt, t) {
        return 1;
    }
    match tt.under(t) {
        Type::Struct(_) | Type::Array(..) => n | crate::vm::value::AGG as u32,
        _ => n,
    }
}

/// True if every slot of `t` is a scalar word.
fn all_scalar(tt: &TypeTable, t: TypeId) -> bool {
    if is_opaque(tt, t) {
        return false;
    }
    match tt.under(t) {
        // A complex value is a (re, im) tuple: it lives in a value slot, not a word.
        Type::Basic(k) => !matches!(
            k,
            BasicKind::String
                | BasicKind::UntypedString
                | BasicKind::Complex64
                | BasicKind::Complex128
                | BasicKind::UntypedComplex
        ),
        Type::Struct(fs) => fs.iter().all(|f| all_scalar(tt, f.ty)),
        Type::Array(_, e) => all_scalar(tt, *e),
        _ => false,
    }
}

/// Storage kind of an object holding values of type `t`.
pub fn slot_kind(tt: &TypeTable, t: TypeId) -> SlotKind {
    if is_opaque(tt, t) {
        return SlotKind::Vals;
    }
    match tt.under(t) {
        Type::Basic(BasicKind::Uint8) | Type::Basic(BasicKind::Bool) => SlotKind::Bytes,
        _ if all_scalar(tt, t) => SlotKind::Words,
        _ => SlotKind::Vals,
    }
}

/// Size in bytes as Go lays it out on amd64 (for append's size-class rounding).
pub fn byte_size(tt: &TypeTable, t: TypeId) -> u64 {
    match tt.under(t) {
        Type::Basic(k) => match k {
            BasicKind::Bool | BasicKind::Int8 | BasicKind::Uint8 => 1,
            BasicKind::Int16 | BasicKind::Uint16 => 2,
            BasicKind::Int32 | BasicKind::Uint32 | BasicKind::Float32 => 4,
            BasicKind::String => 16,
            BasicKind::Complex128 => 16,
            _ => 8,
        },
        Type::Slice(_) => 24,
        Type::Interface(_) => 16,
        Type::Array(n, e) => n.saturating_mul(byte_size(tt, *e)),
        Type::Struct(fs) => {
            let mut off = 0u64;
            let mut align = 1u64;
            for f in fs {
                let s = byte_size(tt, f.ty);
                let a = align_of(tt, f.ty);
                align = align.max(a);
                off = off.div_ceil(a) * a + s;
            }
            off.div_ceil(align) * align
        }
        _ => 8,
    }
}

fn align_of(tt: &TypeTable, t: TypeId) -> u64 {
    match tt.under(t) {
        Type::Basic(_) => byte_size(tt, t).clamp(1, 8),
        Type::Array(_, e) => align_of(tt, *e),
        Type::Struct(fs) => fs.iter().map(|f| align_of(tt, f.ty)).max().unwrap_or(1),
        _ => 8,
    }
}

/// Zero value of `t` in register form.
pub fn zero_value(tt: &TypeTable, t: TypeId) -> Value {
    if is_opaque(tt, t) {
        return Value::Nil;
    }
    match tt.under(t) {
        Type::Basic(BasicKind::String) | Type::Basic(BasicKind::UntypedString) => {
            Value::from_str("")
        }
        // complex64/complex128: (real, imag) float bits.
        Type::Basic(k) if k.is_complex() => {
            Value::Tuple(Box::new([Value::from_f64(0.0), Value::from_f64(0.0)]))
        }
        Type::Basic(_) => Value::Int(0),
        // (A type too large to represent is refused by the compiler, see `Compiler::slots`.)
        Type::Struct(_) | Type::Array(..)
            if slots(tt, t) as usize > crate::vm::value::SHAPE_LEN =>
        {
            Value::Tuple(Box::new([]))
        }
        Type::Struct(_) | Type::Array(..) => {
            let mut v = Vec::new();
            flat_zero(tt, t, &mut v);
            Value::Tuple(v.into())
        }
        _ => Value::Nil,
    }
}

fn flat_zero(tt: &TypeTable, t: TypeId, out: &mut Vec<Value>) {
    if is_opaque(tt, t) {
        out.push(Value::Nil);
        return;
    }
    match tt.under(t) {
        Type::Struct(fs) => {
            for f in fs {
                flat_zero(tt, f.ty, out)
            }
        }
        Type::Array(n, e) => {
            for _ in 0..*n {
                flat_zero(tt, *e, out)
            }
        }
        _ => out.push(zero_value(tt, t)),
    }
}

/// Is the zero value of `t` only nils and zero words (what a fresh object's slots hold)?
/// Decided from the type, without building the value.
pub fn zero_is_plain(tt: &TypeTable, t: TypeId) -> bool {
    if is_opaque(tt, t) {
        return true;
    }
    match tt.under(t) {
        Type::Struct(fs) => fs.iter().all(|f| zero_is_plain(tt, f.ty)),
        Type::Array(_, e) => zero_is_plain(tt, *e),
        _ => zero_value(tt, t).is_plain_zero(),
    }
}

/// Slot offset of field `i` of struct type `t`.
pub fn field_offset(tt: &TypeTable, t: TypeId, i: usize) -> u32 {
    if is_opaque(tt, t) {
        return 0;
    }
    match tt.under(t) {
        Type::Struct(fs) => fs.iter().take(i).map(|f| slots(tt, f.ty)).sum(),
        _ => 0,
    }
}

/// Register (or return) the runtime type of `t`.
pub fn rtype(c: &mut Compiler<'_>, t: TypeId) -> u32 {
    let tt = c.tt;
    let id = c.prog.types.len() as u32;
    // Reserve first (recursive types).
    c.prog.types.push(RType {
        name: tt.type_string(t),
        kind: RKind::Native,
        named: tt.is_named(t),
        slots: slots(tt, t),
        slot_kind: slot_kind(tt, t),
        methods: Default::default(),
        comparable: tt.comparable(t),
    });
    c.rtypes.insert(t, id);
    let kind = match tt.under(t) {
        Type::Basic(k) => match k {
            BasicKind::Bool | BasicKind::UntypedBool => RKind::Bool,
            BasicKind::Float64 | BasicKind::UntypedFloat => RKind::Float64,
            BasicKind::Float32 => RKind::Float32,
            BasicKind::String | BasicKind::UntypedString => RKind::String,
            k => match int_kind(*k) {
                Some(ik) => RKind::Int(ik),
                None if *k == BasicKind::Complex64 => RKind::Complex(32),
                None => RKind::Complex(64),
            },
        },
        Type::Slice(e) => RKind::Slice(c.rtype(*e)),
        Type::Array(n, e) => RKind::Array(*n, c.rtype(*e)),
        Type::Map(k, v) => {
            let (k, v) = (*k, *v);
            RKind::Map(c.rtype(k), c.rtype(v))
        }
        Type::Pointer(e) => RKind::Pointer(c.rtype(*e)),
        Type::Struct(fs) => {
            let fs = fs.clone();
            let mut out = Vec::new();
            let mut off = 0;
            for f in &fs {
                out.push(RField {
                    name: f.name.clone(),
                    ty: c.rtype(f.ty),
                    off,
                    embedded: f.embedded,
                });
                off += slots(tt, f.ty);
            }
            RKind::Struct(out)
        }
        Type::Func(_) => RKind::Func,
        Type::Interface(i) => RKind::Interface(
            i.methods
                .clone()
                .into_iter()
                .map(|m| (m.name, c.sig_id(m.sig)))
                .collect(),
        ),
        Type::Chan(_, e) => RKind::Chan(c.rtype(*e)),
        _ => RKind::Native,
    };
    // Method table: methods declared on the named type (value receivers for T; all for *T).
    let mut methods = crate::vm::program::MethodTable::default();
    let (named, is_ptr) = match tt.get(t) {
        Type::Named(_) => (Some(t), false),
        Type::Pointer(e) if tt.is_named(*e) => (Some(*e), true),
        _ => (None, false),
    };
    if let Some(nt) = named {
        if let Some(n) = tt.named(nt).cloned() {
            let ms = n.methods.clone();
            let nslots = shape(tt, nt);
            for m in ms {
                if m.ptr_recv && !is_ptr {
                    continue;
                }
                let (func, native) = match m.obj.and_then(|o| c.method_func(nt, o)) {
                    Some(f) => (f, false),
                    None => {
                        let key = format!("{}.{}.{}", n.pkg, n.name, m.name);
                        match c.native(&key, crate::ast::Span::default()) {
                            Ok(id) => (id, true),
                            Err(_) => continue,
                        }
                    }
                };
                let sym = c.prog.method_sym(&m.name);
                let deref = if is_ptr && !m.ptr_recv { nslots } else { 0 };
                let sig = c.sig_id(m.sig);
                methods.insert(
                    sym,
                    MethodEntry {
                        func,
                        native,
                        deref,
                        sig,
                    },
                );
            }
        }
    }
    // Methods promoted through embedded fields: small generated wrappers.
    if matches!(tt.under(t), Type::Struct(_))
        || tt
            .pointer_elem(t)
            .is_some_and(|e| matches!(tt.under(e), Type::Struct(_)))
    {
        for (mname, sig) in tt.method_set(t) {
            let sym = c.prog.method_sym(&mname);
            if methods.contains_key(&sym) {
                continue;
            }
            if let crate::types::Lookup::Method {
                recv,
                index,
                path,
                indirect: _,
                ptr_recv,
                ..
            } = tt.lookup_field_or_method(t, &mname)
            {
                if path.is_empty() {
                    continue;
                }
                if let Some(f) =
                    promoted_wrapper(c, t, &mname, Some((recv, index)), &path, ptr_recv, sig)
                {
                    let sig = c.sig_id(sig);
                    methods.insert(
                        sym,
                        MethodEntry {
                            func: f,
                            native: false,
                            deref: 0,
                            sig,
                        },
                    );
                }
            } else if let crate::types::Lookup::IfaceMethod { path, .. } =
                tt.lookup_field_or_method(t, &mname)
            {
                // Promoted from an embedded interface field: dynamic dispatch on that field.
                if path.is_empty() {
                    continue;
                }
                if let Some(f) = promoted_wrapper(c, t, &mname, None, &path, false, sig) {
                    let sig = c.sig_id(sig);
                    methods.insert(
                        sym,
                        MethodEntry {
                            func: f,
                            native: false,
                            deref: 0,
                            sig,
                        },
                    );
                }
            }
        }
    }
    let e = &mut c.prog.types[id as usize];
    e.kind = kind;
    e.methods = methods;
    id
}

/// Generate the wrapper that calls method `name` of the embedded field reached by `path` from
/// a receiver of type `t` (Go's autogenerated promoted-method wrappers). `method`: the named
/// type declaring it and its index; None when the embedded field is an interface (the wrapper
/// dispatches dynamically).
fn promoted_wrapper(
    c: &mut Compiler<'_>,
    t: TypeId,
    name: &str,
    method: Option<(TypeId, usize)>,
    path: &[usize],
    ptr_recv: bool,
    sig: TypeId,
) -> Option<u32> {
    use crate::opcode::{Instr, Op};
    let tt = c.tt;
    let (nargs, nres) = match tt.signature(tt.underlying(sig)) {
        Some(s) => (s.params.len() as u16, s.results.len() as u16),
        None => return None,
    };
    let (target, native, dynamic) = match method {
        Some((recv, index)) => {
            let m = tt.named(recv)?.methods.get(index)?.clone();
            match m.obj.and_then(|o| c.method_func(recv, o)) {
                Some(f) => (f, false, false),
                None => {
                    let n = tt.named(recv)?;
                    let key = format!("{}.{}.{}", n.pkg, n.name, name);
                    (
                        c.native(&key, crate::ast::Span::default()).ok()?,
                        true,
                        false,
                    )
                }
            }
        }
        None => (c.prog.method_sym(name), false, true),
    };
    let mut code = Vec::new();
    let mut w: u16 = 1 + nargs;
    let mut cur: u16 = 0;
    let (mut ct, mut cur_is_ptr) = match tt.pointer_elem(t) {
        Some(e) => (e, true),
        None => (t, false),
    };
    for fi in path {
        let fty = tt.struct_fields(ct)?.get(*fi)?.ty;
        let off = field_offset(tt, ct, *fi);
        let fshape = shape(tt, fty);
        if cur_is_ptr {
            code.push(Instr::wide(Op::PtrOff, w as u32, cur as u32, off));
            cur = w;
            w += 1;
            match tt.pointer_elem(fty) {
                Some(e) => {
                    code.push(Instr::new(Op::Load, w, cur, 1));
                    cur = w;
                    w += 1;
                    ct = e;
                }
                None => ct = fty,
            }
        } else {
            if fshape == 1 {
                code.push(Instr::wide(Op::GetField, w as u32, cur as u32, off));
            } else {
                code.push(Instr::wide(Op::GetFieldN, w as u32, cur as u32, off));
                code.push(Instr::wide(Op::Ext, fshape, 0, 0));
            }
            cur = w;
            w += 1;
            match tt.pointer_elem(fty) {
                Some(e) => {
                    cur_is_ptr = true;
                    ct = e;
                }
                None => ct = fty,
            }
        }
    }
    let arg = if ptr_recv {
        if !cur_is_ptr {
            return None;
        }
        cur
    } else if cur_is_ptr {
        code.push(Instr::wide(Op::Load, w as u32, cur as u32, shape(tt, ct)));
        w += 1;
        w - 1
    } else {
        cur
    };
    let win = w;
    code.push(Instr::new(Op::Move, win + 1, arg, 0));
    for i in 0..nargs {
        code.push(Instr::new(Op::Move, win + 2 + i, 1 + i, 0));
    }
    if dynamic {
        code.push(Instr::new(Op::CallM, win, target as u16, nargs + 1));
    } else if native {
        code.push(Instr::new(Op::CallN, win, target as u16, nargs + 1));
        code.push(Instr::new(Op::Ext, nres, 0, 0));
    } else {
        code.push(Instr::new(Op::CallS, win, target as u16, nargs + 1));
    }
    code.push(Instr::new(Op::Ret, win, nres, 0));
    let n = code.len();
    let tname = tt.type_string(t);
    let fname = match tname.strip_prefix('*') {
        Some(inner) => format!(
            "{}.(*{}).{}",
            "main",
            inner.trim_start_matches("main."),
            name
        ),
        None => format!("{}.{}", tname, name),
    };
    c.prog.funcs.push(crate::vm::program::Func {
        name: fname,
        code,
        lines: vec![0; n],
        consts: vec![],
        nregs: win + 3 + nargs + nres,
        nparams: 1 + nargs,
        nresults: nres,
        ncaptures: 0,
        recover_pc: 0,
        line: 0,
    });
    Some((c.prog.funcs.len() - 1) as u32)
}
