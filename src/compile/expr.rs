//! Expressions. `expr` returns the register holding the value (a fresh temporary or a local's
//! own register); `expr_to` writes into a given register.

use super::*;
use crate::vm::interp::{APPEND_STACK_BUF, SHIFT_UNSIGNED};

impl<'a> Compiler<'a> {
    /// Compile `e` into a register (possibly a local's register: do not write to it).
    pub(super) fn expr(&mut self, e: &Expr) -> CResult<u16> {
        if let ExprKind::Ident(_) = &e.kind {
            if !self.info.consts.contains_key(&e.id) {
                if let Some(o) = self.info.uses.get(&e.span.lo).copied() {
                    if let Some(Loc::Reg(r)) = self.fs().locals.get(&o).copied() {
                        return Ok(r);
                    }
                }
            }
        }
        let r = self.alloc();
        self.expr_to(e, r)?;
        Ok(r)
    }

    pub(super) fn expr_to(&mut self, e: &Expr, dst: u16) -> CResult<()> {
        // The expression's own instructions get its line, as Go positions it; those of its
        // operands get theirs.
        let saved = self.fs().line;
        self.fs().line = self.op_line(e);
        let r = self.expr_to_inner(e, dst);
        self.fs().line = saved;
        r
    }

    /// The line Go gives the operation of `e`: that of the `(` of a call, the `[` of an index
    /// or slice expression, the operator of a binary one; else where `e` starts.
    pub(super) fn op_line(&self, e: &Expr) -> u32 {
        let after = match &e.kind {
            ExprKind::Call { fun, .. } => fun.span.hi,
            ExprKind::Index(x, _) | ExprKind::Slice { x, .. } => x.span.hi,
            ExprKind::Binary(_, x, _) => x.span.hi,
            _ => return self.line_of(e.span),
        };
        let at = self.src.next_token(after);
        self.line_of(ast::Span { lo: at, hi: at })
    }

    fn expr_to_inner(&mut self, e: &Expr, dst: u16) -> CResult<()> {
        self.cur_pos.set(e.span.lo);
        let t = self.ty(e);
        if let Some(c) = self.info.consts.get(&e.id).cloned() {
            let v = self.const_value(&c, t);
            self.load_value(dst, v);
            return Ok(());
        }
        if let Some(r) = self.hoisted.get(&e.id).copied() {
            if r != dst {
                self.emit(Op::Move, dst, r, 0);
            }
            return Ok(());
        }
        let l = self.level();
        if matches!(
            e.kind,
            ExprKind::Ident(_) | ExprKind::Index(..) | ExprKind::Selector(..)
        ) && self.is_compiled_instance(e.id)
        {
            // A generic function instance as a value (`Sum[int]`, `Map` passed along).
            let f = self
                .instance_func(e.id)
                .ok_or_else(|| unsupported(e.span, "this generic function instance"))?;
            self.emit_i(Instr::abx(Op::FuncRef, dst, f));
            return Ok(());
        }
        match &e.kind {
            ExprKind::Paren(x) => self.expr_to(x, dst)?,
            ExprKind::Ident(name) => {
                if name == "nil" {
                    self.emit(Op::LoadNil, dst, 0, 0);
                } else {
                    let o = self
                        .info
                        .uses
                        .get(&e.span.lo)
                        .copied()
                        .ok_or_else(|| unsupported(e.span, "this identifier"))?;
                    let obj = self.info.object(o);
                    match &obj.kind {
                        ObjKind::Func { native: false, .. } => {
                            let f = self.funcs.get(&o).copied().unwrap_or(0);
                            self.emit_i(Instr::abx(Op::FuncRef, dst, f));
                        }
                        ObjKind::Func {
                            native: true,
                            recv: None,
                        } if obj.pkg != "main" => {
                            // A native of the package of a library function written in Go.
                            let key = format!("{}.{}", obj.pkg, obj.name);
                            let id = self.native(&key, e.span)?;
                            let k = self.konst(Value::Func(std::sync::Arc::new(
                                crate::vm::value::FuncVal::Native { id },
                            )));
                            self.emit_i(Instr::abx(Op::LoadK, dst, k as u32));
                        }
                        ObjKind::Nil => {
                            self.emit(Op::LoadNil, dst, 0, 0);
                        }
                        _ => self.load_var(o, dst)?,
                    }
                }
            }
            ExprKind::Binary(op, a, b) => self.binary(e.id, *op, a, b, dst)?,
            ExprKind::Unary(UnOp::Recv, x) if self.info.comma_ok.contains(&e.id) => {
                let r = self.expr(x)?;
                let z = self.zero_value(t);
                let k = self.konst(z);
                self.emit(Op::Recv, dst, r, 3);
                self.ext(k, 0, 0);
            }
            ExprKind::Unary(op, x) => self.unary(*op, x, t, dst)?,
            ExprKind::Call { .. } => {
                // When `dst` is the topmost register, a function call can use it as its
                // window (the result lands in the window's first register): saves a MOVE per
                // call. The window is written only after the arguments are read. (Not for
                // builtins and conversions: they may write their result register early.)
                let regular = matches!(self.info.calls.get(&e.id), None | Some(CallKind::Regular));
                if regular && dst + 1 == self.level() {
                    self.restore(dst);
                }
                let base = self.call(e, 1)?;
                if base != dst {
                    self.emit(Op::Move, dst, base, 0);
                }
            }
            ExprKind::Index(x, idx) if idx.len() == 1 => {
                let xt = self.ty(x);
                match self.class(xt) {
                    TClass::Str => {
                        let xr = self.expr(x)?;
                        let ir = self.expr(&idx[0])?;
                        self.emit(Op::StrIndex, dst, xr, ir);
                    }
                    TClass::Slice => {
                        let xr = self.expr(x)?;
                        let ir = self.expr(&idx[0])?;
                        self.emit(Op::Index, dst, xr, ir);
                    }
                    TClass::Map => {
                        let xr = self.expr(x)?;
                        let kr = self.expr(&idx[0])?;
                        let it = self.ty(&idx[0]);
                        let kt = match self.tt.under(xt) {
                            Type::Map(k, _) => *k,
                            _ => it,
                        };
                        // `m[1]` on a map[any]V: the key becomes an interface first.
                        let kr = self.convert(kr, it, kt)?;
                        let z = self.zero_value(t);
                        let k = self.konst(z);
                        let comma = self.info.comma_ok.contains(&e.id);
                        self.emit(Op::MapGet, dst, xr, kr);
                        self.map_ext(kt, k, comma as u16);
                    }
                    TClass::Array if self.in_memory(x) => {
                        // An element of an array in memory: through its address, without
                        // reading the whole array.
                        // The address goes to its own register: a loop then finds its
                        // pointer there and only moves it (see `offset_ptr` in the VM).
                        let n = self.slots(t);
                        let p = self.alloc();
                        self.address_of(e, p)?;
                        self.emit_w(Op::Load, dst, u32::from(p), n);
                    }
                    TClass::Array => {
                        let xr = self.expr(x)?;
                        let ir = self.expr(&idx[0])?;
                        let (n, et) = match self.tt.under(xt) {
                            Type::Array(n, et) => (*n, *et),
                            _ => (0, t),
                        };
                        let es = self.slots(et);
                        self.emit(Op::ArrIndex, dst, xr, ir);
                        self.ext_w(es, n as u32, 0);
                    }
                    TClass::Ptr => {
                        // Pointer to array.
                        let xr = self.expr(x)?;
                        let ir = self.expr(&idx[0])?;
                        let at = self.tt.pointer_elem(xt).unwrap_or(xt);
                        let (n, et) = match self.tt.under(at) {
                            Type::Array(n, et) => (*n, *et),
                            _ => (0, t),
                        };
                        let es = self.slots(et);
                        self.emit(Op::ArrPtrIdx, dst, xr, ir);
                        self.ext_w(es, n as u32, 0);
                        self.emit_w(Op::Load, dst, u32::from(dst), es);
                    }
                    _ => return Err(unsupported(e.span, "this index expression")),
                }
            }
            ExprKind::Selector(x, _) => self.selector(e, x, dst)?,
            ExprKind::Star(x) => {
                let p = self.expr(x)?;
                let n = self.slots(t);
                self.emit_w(Op::Load, dst, u32::from(p), n);
            }
            ExprKind::Slice { x, lo, hi, max, .. } => {
                let xt = self.ty(x);
                let base = self.alloc_n(3);
                let mut flags = 0;
                if let Some(lo) = lo {
                    self.expr_to(lo, base)?;
                    flags |= 1;
                }
                if let Some(hi) = hi {
                    self.expr_to(hi, base + 1)?;
                    flags |= 2;
                }
                if let Some(m) = max {
                    self.expr_to(m, base + 2)?;
                    flags |= 4;
                }
                let is_arr = self.class(xt) == TClass::Array;
                let xr = if is_arr {
                    // Slicing an addressable array: slice through its address.
                    let r = self.alloc();
                    self.address_of(x, r)?;
                    r
                } else {
                    self.expr(x)?
                };
                if self.class(xt) == TClass::Str {
                    self.emit(Op::StrSlice, dst, xr, base);
                    self.ext(flags, 0, 0);
                } else if is_arr || self.class(xt) == TClass::Ptr {
                    let at = if is_arr {
                        xt
                    } else {
                        self.tt.pointer_elem(xt).unwrap_or(xt)
                    };
                    let (n, et) = match self.tt.under(at) {
                        Type::Array(n, et) => (*n, *et),
                        _ => (0, at),
                    };
                    let es = self.slots(et);
                    self.emit(Op::SliceOp, dst, xr, base);
                    self.ext_w(u32::from(flags), es, n as u32);
                } else {
                    self.emit(Op::SliceOp, dst, xr, base);
                    self.ext(flags, 0, 0);
                }
            }
            ExprKind::FuncLit { sig, body } => self.func_lit(sig, body, dst)?,
            ExprKind::CompositeLit { elems, .. } => self.composite(Some(e.id), t, elems, dst)?,
            ExprKind::TypeAssert(x, Some(_)) => {
                let xr = self.expr(x)?;
                let xt = self.ty(x);
                let target = self.rtype(t);
                let is_iface = self.class(t) == TClass::Iface;
                let st = self.rtype(xt);
                if self.info.comma_ok.contains(&e.id) {
                    let z = self.zero_value(t);
                    let k = self.konst(z);
                    self.emit(Op::AssertOk, dst, xr, target as u16);
                    self.ext(is_iface as u16, st as u16, k);
                } else {
                    self.emit(Op::Assert, dst, xr, target as u16);
                    self.ext(is_iface as u16, st as u16, 0);
                }
            }
            _ => return Err(unsupported(e.span, "this expression")),
        }
        self.restore(l);
        Ok(())
    }

    pub(super) fn const_value(&self, c: &ConstValue, t: TypeId) -> Value {
        match c {
            _ if self.complex_kind(t).is_some() => self.complex_value(
                c,
                self.complex_kind(t)
                    .unwrap_or(crate::types::BasicKind::Complex128),
            ),
            ConstValue::Bool(b) => Value::from_bool(*b),
            ConstValue::Int(i) => match self.class(t) {
                TClass::F64 | TClass::F32 => Value::from_f64(*i as f64),
                _ => Value::Int(*i as i64),
            },
            ConstValue::Float(f) => match self.class(t) {
                TClass::Int(_) => Value::Int(*f as i64),
                // Constants have no negative zero (+ 0.0 turns -0 into 0).
                TClass::F32 => Value::from_f64((*f + 0.0) as f32 as f64),
                _ => Value::from_f64(*f + 0.0),
            },
            ConstValue::Str(s) => Value::from_bytes(s.clone()),
            ConstValue::Complex(re, _) => Value::from_f64(*re),
            // Exact untyped forms do not reach the compiler (constants are converted to their
            // final type first); read one as its nearest value anyway.
            ConstValue::Big(_) | ConstValue::Unknown => match self.class(t) {
                TClass::Int(_) => Value::Int(c.as_i128().unwrap_or(0) as i64),
                _ => Value::from_f64(c.as_f64().unwrap_or(0.0) + 0.0),
            },
        }
    }

    /// Is `t` complex64/complex128 (a value holding two float64-bit slots as a tuple)?
    pub(super) fn complex_kind(&self, t: TypeId) -> Option<crate::types::BasicKind> {
        match self.tt.under(t) {
            Type::Basic(k) if k.is_complex() => Some(*k),
            _ => None,
        }
    }

    /// The run-time value of a complex constant: (real, imag) float bits.
    fn complex_value(&self, c: &ConstValue, k: crate::types::BasicKind) -> Value {
        let (re, im) = c.as_complex().unwrap_or((0.0, 0.0));
        let (re, im) = if k == crate::types::BasicKind::Complex64 {
            (re as f32 as f64, im as f32 as f64)
        } else {
            (re, im)
        };
        Value::Tuple(Box::new([
            Value::from_f64(re + 0.0),
            Value::from_f64(im + 0.0),
        ]))
    }

    /// R[dst] := complex(R[re], R[im]) (re/im float bits; rounded to float32 for complex64).
    fn make_complex(&mut self, k: crate::types::BasicKind, re: u16, im: u16, dst: u16) {
        if k == crate::types::BasicKind::Complex64 {
            self.emit(Op::RoundF32, re, re, 0);
            self.emit(Op::RoundF32, im, im, 0);
        }
        let z = self.complex_value(&ConstValue::Complex(0.0, 0.0), k);
        let kz = self.konst(z);
        self.emit_i(Instr::abx(Op::LoadK, dst, kz as u32));
        self.emit(Op::SetField, dst, 0, re);
        self.emit(Op::SetField, dst, 1, im);
    }

    /// Complex `+ - *` on R[ar], R[br] into R[dst].
    pub(super) fn complex_binary(
        &mut self,
        op: BinOp,
        k: crate::types::BasicKind,
        ar: u16,
        br: u16,
        dst: u16,
        span: ast::Span,
    ) -> CResult<()> {
        let l = self.level();
        let (a, b, c, d) = (self.alloc(), self.alloc(), self.alloc(), self.alloc());
        self.emit(Op::GetField, a, ar, 0);
        self.emit(Op::GetField, b, ar, 1);
        self.emit(Op::GetField, c, br, 0);
        self.emit(Op::GetField, d, br, 1);
        let (re, im) = (self.alloc(), self.alloc());
        match op {
            BinOp::Add => {
                self.emit(Op::AddF, re, a, c);
                self.emit(Op::AddF, im, b, d);
            }
            BinOp::Sub => {
                self.emit(Op::SubF, re, a, c);
                self.emit(Op::SubF, im, b, d);
            }
            BinOp::Mul => {
                // (a+bi)(c+di) = (ac-bd) + (ad+bc)i
                let t = self.alloc();
                self.emit(Op::MulF, re, a, c);
                self.emit(Op::MulF, t, b, d);
                self.emit(Op::SubF, re, re, t);
                self.emit(Op::MulF, im, a, d);
                self.emit(Op::MulF, t, b, c);
                self.emit(Op::AddF, im, im, t);
            }
            BinOp::Div => {
                // complex64 divides as complex128, then rounds (make_complex).
                let q = self.alloc();
                self.emit(Op::DivC, q, ar, br);
                self.emit(Op::GetField, re, q, 0);
                self.emit(Op::GetField, im, q, 1);
            }
            _ => {
                return Err(unsupported(
                    span,
                    &format!("complex operator {}", op.as_str()),
                ))
            }
        }
        self.make_complex(k, re, im, dst);
        self.restore(l);
        Ok(())
    }

    /// The type of variable `o`. Synthesized result variables (functions with defer) are not
    /// checker objects: their types are in the function state.
    pub(super) fn var_type(&mut self, o: ObjId) -> TypeId {
        if let Some(t) = self.synth_types.get(&o) {
            return *t;
        }
        match self.fs().results.iter().find(|(r, _)| *r == o) {
            Some((_, t)) => *t,
            None => self.obj_ty(o),
        }
    }

    /// Load variable `o` into `dst`.
    pub(super) fn load_var(&mut self, o: ObjId, dst: u16) -> CResult<()> {
        let ty = self.var_type(o);
        let n = self.slots(ty);
        match self.fs().locals.get(&o).copied() {
            Some(Loc::Reg(r)) => {
                if r != dst {
                    self.emit(Op::Move, dst, r, 0);
                }
            }
            Some(Loc::Cell(r)) => {
                self.emit_w(Op::Load, dst, u32::from(r), n);
            }
            Some(Loc::Up(u)) => {
                if n == 1 {
                    self.emit(Op::LoadUp, dst, u, 0);
                } else {
                    self.emit(Op::GetUp, dst, u, 0);
                    self.emit_w(Op::Load, dst, u32::from(dst), n);
                }
            }
            None => match self.globals.get(&o).copied() {
                Some(g) if self.global_cell(o) => {
                    self.emit_i(Instr::abx(Op::GlobalCell, dst, g));
                    self.emit_w(Op::Load, dst, u32::from(dst), n);
                }
                Some(g) => {
                    self.emit_i(Instr::abx(Op::GetGlobal, dst, g));
                }
                // A library variable read by library code written in Go (`EOF` in io).
                None if self.info.object(o).pkg != "main"
                    && !self.info.object(o).pkg.is_empty() =>
                {
                    let (pkg, name) = (
                        self.info.object(o).pkg.clone(),
                        self.info.object(o).name.clone(),
                    );
                    self.load_lib_var(&pkg, &name, dst, self.info.object(o).span)?;
                }
                None => {
                    return Err(Diagnostic::internal(
                        self.info.object(o).span.lo,
                        format!("compiler: unknown variable {}", self.info.object(o).name),
                    ))
                }
            },
        }
        Ok(())
    }

    /// A library variable (`os.Stdout`, `io.EOF`): a native returning it.
    fn load_lib_var(&mut self, pkg: &str, name: &str, dst: u16, span: ast::Span) -> CResult<()> {
        let id = self.native(&format!("{pkg}.{name}"), span)?;
        let win = self.alloc();
        self.emit(Op::CallN, win, id as u16, 0);
        self.ext(1, 0, 0);
        self.emit(Op::Move, dst, win, 0);
        self.restore(win);
        Ok(())
    }

    /// Store register `src` into variable `o`.
    pub(super) fn store_var(&mut self, o: ObjId, src: u16) -> CResult<()> {
        let ty = self.var_type(o);
        let n = self.slots(ty);
        match self.fs().locals.get(&o).copied() {
            Some(Loc::Reg(r)) => {
                if r != src {
                    self.emit(Op::Move, r, src, 0);
                }
            }
            Some(Loc::Cell(r)) => {
                self.emit_w(Op::Store, r, u32::from(src), n);
            }
            Some(Loc::Up(u)) => {
                if n == 1 {
                    self.emit(Op::StoreUp, u, src, 0);
                } else {
                    let t = self.alloc();
                    self.emit(Op::GetUp, t, u, 0);
                    self.emit_w(Op::Store, t, u32::from(src), n);
                }
            }
            None => match self.globals.get(&o).copied() {
                Some(g) if self.global_cell(o) => {
                    let l = self.level();
                    let t = self.alloc();
                    self.emit_i(Instr::abx(Op::GlobalCell, t, g));
                    self.emit_w(Op::Store, t, u32::from(src), n);
                    self.restore(l);
                }
                Some(g) => {
                    self.emit_i(Instr::abx(Op::SetGlobal, src, g));
                }
                None => {
                    return Err(Diagnostic::internal(
                        self.info.object(o).span.lo,
                        "compiler: unknown variable",
                    ))
                }
            },
        }
        Ok(())
    }

    /// Compile `a` into `dst`, converted to type `to` for assignment (boxed straight into
    /// `dst` when `to` is an interface and `a` is not). `dst` must be the topmost register.
    pub(super) fn expr_conv_to(&mut self, a: &Expr, to: TypeId, dst: u16) -> CResult<()> {
        let at = self.ty(a);
        if self.class(to) == TClass::Iface
            && self.class(at) != TClass::Iface
            && at != TypeTable::UNTYPED_NIL
        {
            let v = self.expr(a)?;
            let rt = self.rtype(at);
            self.emit(Op::ToIface, dst, v, rt as u16);
            self.restore(dst + 1);
            Ok(())
        } else {
            self.expr_to(a, dst)
        }
    }

    /// Convert the value in `r` from type `from` to `to` for assignment (interface boxing).
    pub(super) fn convert(&mut self, r: u16, from: TypeId, to: TypeId) -> CResult<u16> {
        if self.class(to) == TClass::Iface
            && self.class(from) != TClass::Iface
            && from != TypeTable::UNTYPED_NIL
        {
            let rt = self.rtype(from);
            let d = self.alloc();
            self.emit(Op::ToIface, d, r, rt as u16);
            return Ok(d);
        }
        Ok(r)
    }

    fn binary(&mut self, id: ast::NodeId, op: BinOp, a: &Expr, b: &Expr, dst: u16) -> CResult<()> {
        if matches!(op, BinOp::LAnd | BinOp::LOr) {
            self.expr_to(a, dst)?;
            let j = self.jump(
                if op == BinOp::LAnd {
                    Op::JmpIfNot
                } else {
                    Op::JmpIf
                },
                dst,
            );
            self.expr_to(b, dst)?;
            self.patch(j);
            return Ok(());
        }
        // An operand of a binary expression already found to need no ordering needs none
        // either (its calls and reads are among the parent's): checking it again would
        // make a long chain `x+1+1+...` quadratic.
        let checked = self.order_free.remove(&id);
        if self.hoisted.is_empty() && !checked {
            let mut calls = Vec::new();
            let mut reads = false;
            for x in [a, b] {
                self.operand_calls(x, &mut calls, &mut reads);
            }
            if self.order_matters(&calls, reads) {
                let l = self.level();
                let map = self.hoist_calls(&calls)?;
                self.hoisted = map;
                let r = self.binary(id, op, a, b, dst);
                self.hoisted.clear();
                self.restore(l.max(dst + 1));
                return r;
            }
        }
        if self.hoisted.is_empty() {
            for x in [a, b] {
                let x = super::stmt::strip_paren(x);
                if let ExprKind::Binary(o, ..) = x.kind {
                    if !matches!(o, BinOp::LAnd | BinOp::LOr) {
                        self.order_free.insert(x.id);
                    }
                }
            }
        }
        let at = self.ty(a);
        let cls = self.class(at);
        // x + K / x - K with a small constant: one immediate add.
        if let (TClass::Int(k), BinOp::Add | BinOp::Sub) = (cls, op) {
            if let Some(ConstValue::Int(c)) = self.info.consts.get(&b.id) {
                let c = if op == BinOp::Sub { -*c } else { *c };
                if c >= i16::MIN as i128 && c <= i16::MAX as i128 {
                    let ar = self.left_operand(a, dst)?;
                    self.emit(Op::AddIK, dst, ar, c as i16 as u16);
                    if k.narrow_code() != 0 {
                        self.emit(Op::Narrow, dst, dst, k.narrow_code());
                    }
                    return Ok(());
                }
            }
        }
        // x op K with a constant right operand: one K-operand instruction.
        if let TClass::Int(k) = cls {
            if let Some(ConstValue::Int(c)) = self.info.consts.get(&b.id).cloned() {
                let kop = match op {
                    BinOp::Add => Some(Op::AddK),
                    BinOp::Mul => Some(Op::MulK),
                    BinOp::And => Some(Op::AndK),
                    BinOp::Or => Some(Op::OrK),
                    BinOp::Xor => Some(Op::XorK),
                    BinOp::Shl if c >= 0 => Some(Op::ShlK),
                    BinOp::Shr if c >= 0 => Some(if k.signed() { Op::ShrK } else { Op::ShrUK }),
                    BinOp::Div if c != 0 => Some(if k.signed() { Op::DivK } else { Op::DivUK }),
                    BinOp::Rem if c != 0 => Some(if k.signed() { Op::RemK } else { Op::RemUK }),
                    _ => None,
                };
                if let Some(kop) = kop {
                    let ar = self.left_operand(a, dst)?;
                    let kc = self.konst(Value::Int(c as i64));
                    self.emit(kop, dst, ar, kc);
                    if k.narrow_code() != 0 {
                        self.emit(Op::Narrow, dst, dst, k.narrow_code());
                    }
                    return Ok(());
                }
            }
        }
        if let Some(k) = self.complex_kind(at) {
            if matches!(op, BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div) {
                let ar = self.expr(a)?;
                let br = self.expr(b)?;
                return self.complex_binary(op, k, ar, br, dst, a.span);
            }
        }
        let ar = self.left_operand(a, dst)?;
        let br = self.expr(b)?;
        use TClass::*;
        // `x == i` with an interface on the right only: an interface comparison.
        let cls = if matches!(op, BinOp::Eq | BinOp::Ne) && self.class(self.ty(b)) == Iface {
            Iface
        } else {
            cls
        };
        let (opc, swap, negate) = match (op, cls) {
            (BinOp::Add, Int(_)) => (Op::AddI, false, false),
            (BinOp::Sub, Int(_)) => (Op::SubI, false, false),
            (BinOp::Mul, Int(_)) => (Op::MulI, false, false),
            (BinOp::Div, Int(k)) => (if k.signed() { Op::DivI } else { Op::DivU }, false, false),
            (BinOp::Rem, Int(k)) => (if k.signed() { Op::RemI } else { Op::RemU }, false, false),
            (BinOp::And, Int(_)) => (Op::And, false, false),
            (BinOp::Or, Int(_)) => (Op::Or, false, false),
            (BinOp::Xor, Int(_)) => (Op::Xor, false, false),
            (BinOp::AndNot, Int(_)) => (Op::AndNot, false, false),
            (BinOp::Shl, Int(_)) => (Op::Shl, false, false),
            (BinOp::Shr, Int(k)) => (if k.signed() { Op::ShrI } else { Op::ShrU }, false, false),
            (BinOp::Add, F64 | F32) => (Op::AddF, false, false),
            (BinOp::Sub, F64 | F32) => (Op::SubF, false, false),
            (BinOp::Mul, F64 | F32) => (Op::MulF, false, false),
            (BinOp::Div, F64 | F32) => (Op::DivF, false, false),
            (BinOp::Add, Str) => (Op::Concat, false, false),
            (BinOp::Eq, Int(_) | Bool) => (Op::EqI, false, false),
            (BinOp::Ne, Int(_) | Bool) => (Op::NeI, false, false),
            (BinOp::Lt, Int(k)) => (if k.signed() { Op::LtI } else { Op::LtU }, false, false),
            (BinOp::Le, Int(k)) => (if k.signed() { Op::LeI } else { Op::LeU }, false, false),
            (BinOp::Gt, Int(k)) => (if k.signed() { Op::LtI } else { Op::LtU }, true, false),
            (BinOp::Ge, Int(k)) => (if k.signed() { Op::LeI } else { Op::LeU }, true, false),
            (BinOp::Eq, F64 | F32) => (Op::EqF, false, false),
            (BinOp::Ne, F64 | F32) => (Op::EqF, false, true),
            (BinOp::Lt, F64 | F32) => (Op::LtF, false, false),
            (BinOp::Le, F64 | F32) => (Op::LeF, false, false),
            (BinOp::Gt, F64 | F32) => (Op::LtF, true, false),
            (BinOp::Ge, F64 | F32) => (Op::LeF, true, false),
            (BinOp::Eq, Str) => (Op::EqS, false, false),
            (BinOp::Ne, Str) => (Op::EqS, false, true),
            (BinOp::Lt, Str) => (Op::LtS, false, false),
            (BinOp::Le, Str) => (Op::LeS, false, false),
            (BinOp::Gt, Str) => (Op::LtS, true, false),
            (BinOp::Ge, Str) => (Op::LeS, true, false),
            (BinOp::Eq, _) => (Op::Eq, false, false),
            (BinOp::Ne, _) => (Op::Eq, false, true),
            _ => return Err(unsupported(a.span, &format!("operator {}", op.as_str()))),
        };
        // Comparisons against nil / interface vs concrete: box the concrete side.
        let (ar, br) = if opc == Op::Eq {
            let bt = self.ty(b);
            let ar2 = self.convert(ar, at, bt)?;
            let br2 = self.convert(br, bt, at)?;
            (ar2, br2)
        } else {
            (ar, br)
        };
        let (x, y) = if swap { (br, ar) } else { (ar, br) };
        let y = self.shift_count(opc, y, self.ty(b));
        if opc == Op::Eq && cls != Iface && self.float_parts(at) {
            // Arrays and structs with float parts: compared as floats (NaN, -0).
            let rt = self.rtype(at);
            self.emit_w(Op::EqT, dst, x as u32, y);
            self.ext_w(rt, 0, 0);
        } else {
            self.emit_w(opc, dst, x as u32, y);
        }
        if negate {
            self.emit(Op::Not, dst, dst, 0);
        }
        // Result type of arithmetic: re-normalise sub-word integers, round float32.
        if !op.is_comparison() {
            match cls {
                Int(k) if k.narrow_code() != 0 => {
                    self.emit(Op::Narrow, dst, dst, k.narrow_code());
                }
                F32 => {
                    self.emit(Op::RoundF32, dst, dst, 0);
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn unary(&mut self, op: UnOp, x: &Expr, t: TypeId, dst: u16) -> CResult<()> {
        match op {
            UnOp::Pos => self.expr_to(x, dst),
            UnOp::Neg => {
                let r = self.expr(x)?;
                match self.class(t) {
                    TClass::F64 | TClass::F32 => {
                        self.emit(Op::NegF, dst, r, 0);
                    }
                    TClass::Int(k) => {
                        self.emit(Op::NegI, dst, r, 0);
                        if k.narrow_code() != 0 {
                            self.emit(Op::Narrow, dst, dst, k.narrow_code());
                        }
                    }
                    _ if self.complex_kind(t).is_some() => {
                        let k = self
                            .complex_kind(t)
                            .unwrap_or(crate::types::BasicKind::Complex128);
                        let l = self.level();
                        let (re, im) = (self.alloc(), self.alloc());
                        self.emit(Op::GetField, re, r, 0);
                        self.emit(Op::GetField, im, r, 1);
                        self.emit(Op::NegF, re, re, 0);
                        self.emit(Op::NegF, im, im, 0);
                        self.make_complex(k, re, im, dst);
                        self.restore(l);
                    }
                    _ => return Err(unsupported(x.span, "this negation")),
                }
                Ok(())
            }
            UnOp::Not => {
                let r = self.expr(x)?;
                self.emit(Op::Not, dst, r, 0);
                Ok(())
            }
            UnOp::Xor => {
                let r = self.expr(x)?;
                self.emit(Op::BitNot, dst, r, 0);
                if let TClass::Int(k) = self.class(t) {
                    if k.narrow_code() != 0 {
                        self.emit(Op::Narrow, dst, dst, k.narrow_code());
                    }
                }
                Ok(())
            }
            UnOp::Addr => self.address_of(x, dst),
            UnOp::Recv => {
                let r = self.expr(x)?;
                let z = self.zero_value(t);
                let k = self.konst(z);
                self.emit(Op::Recv, dst, r, 2);
                self.ext(k, 0, 0);
                Ok(())
            }
            UnOp::Tilde => Err(unsupported(x.span, "~ outside constraints")),
        }
    }

    /// The left operand of `a op b`: a binary expression is evaluated into the result
    /// register `dst` when that is a temporary at the top (which `b` cannot read), so that a
    /// long chain `x+y+y+...` needs no register per term.
    fn left_operand(&mut self, a: &Expr, dst: u16) -> CResult<u16> {
        let chain = matches!(super::stmt::strip_paren(a).kind, ExprKind::Binary(..));
        if chain
            && dst + 1 == self.level()
            && !self
                .fs()
                .locals
                .values()
                .any(|l| matches!(l, Loc::Reg(r) | Loc::Cell(r) if *r == dst))
        {
            self.expr_to(a, dst)?;
            return Ok(dst);
        }
        self.expr(a)
    }

    /// `&x`: the cell pointer of an escaping variable, `&T{...}`, `&s[i]`, `&p.f`.
    /// Does making `calls` before the reads change anything: are there reads, and a call
    /// that can change what they read (a function call, a receive, `&&`/`||` with calls,
    /// `copy`; not `len`, `cap`, `append` and the other builtins without effects)?
    pub(super) fn order_matters(&self, calls: &[&Expr], reads: bool) -> bool {
        reads
            && calls.iter().any(|c| match &c.kind {
                ExprKind::Call { .. } => match self.info.calls.get(&c.id) {
                    Some(CallKind::Builtin(b, _)) => *b == Builtin::Copy,
                    _ => true,
                },
                _ => true,
            })
    }

    /// The calls and receives in operand `x` of an arithmetic or comparison expression, in
    /// evaluation order (not those inside `&&`/`||`, function literals or another call's
    /// arguments), and whether `x` also reads memory or variables.
    pub(super) fn operand_calls<'e>(
        &self,
        x: &'e Expr,
        calls: &mut Vec<&'e Expr>,
        reads: &mut bool,
    ) {
        if self.info.consts.contains_key(&x.id) {
            return;
        }
        match &x.kind {
            // Conversions are not calls; builtin calls are (`append(x, 1)`, `cap(x)` are
            // ordered with the other calls).
            ExprKind::Call { args, .. }
                if matches!(self.info.calls.get(&x.id), Some(CallKind::Conversion(_))) =>
            {
                for a in args {
                    self.operand_calls(a, calls, reads);
                }
            }
            ExprKind::Call { .. } | ExprKind::Unary(UnOp::Recv, _) => calls.push(x),
            // `&&` and `||` are ordered with the calls (the spec lists them together); one
            // without calls is only a read.
            ExprKind::Binary(BinOp::LAnd | BinOp::LOr, ..) => {
                if crate::check::contains_call_or_recv(x) {
                    calls.push(x);
                } else {
                    *reads = true;
                }
            }
            ExprKind::Binary(_, p, q) => {
                self.operand_calls(p, calls, reads);
                self.operand_calls(q, calls, reads);
            }
            ExprKind::Index(p, i) => {
                *reads = true;
                self.operand_calls(p, calls, reads);
                for y in i {
                    self.operand_calls(y, calls, reads);
                }
            }
            ExprKind::Paren(p) | ExprKind::Unary(_, p) => self.operand_calls(p, calls, reads),
            ExprKind::Selector(p, _) | ExprKind::Star(p) => {
                *reads = true;
                self.operand_calls(p, calls, reads);
            }
            ExprKind::Ident(_) => *reads = true,
            // gc builds a map literal with dynamic entries by statements made before the
            // enclosing one, in the order of the calls: it is ordered as a call.
            ExprKind::CompositeLit { elems, .. }
                if matches!(self.tt.under(self.ty(x)), Type::Map(..))
                    && elems.iter().any(|el| !self.static_entry(el)) =>
            {
                calls.push(x)
            }
            ExprKind::CompositeLit { elems, .. } => {
                for el in elems {
                    self.operand_calls(&el.value, calls, reads);
                }
            }
            _ => {}
        }
    }

    /// The EXT word of a map operation on keys of type `kt` (MAPGET's `a`: its zero-value
    /// constant; `flags`: MAPGET's comma-ok bit): 2 in X.b for float keys, and in X.c the
    /// runtime type + 1 of an array or struct key with float parts (0 otherwise), so that
    /// those parts hash and compare as floats.
    pub(super) fn map_ext(&mut self, kt: TypeId, a: u16, flags: u16) {
        let fk = if matches!(self.class(kt), TClass::F64 | TClass::F32) {
            2
        } else {
            0
        };
        let typed = if self.float_parts(kt) {
            self.rtype(kt) + 1
        } else {
            0
        };
        self.ext_w(a as u32, (fk | flags) as u32, typed);
    }

    /// Is `t` an array or struct with float or complex parts (compared as floats, not bits)?
    pub(super) fn float_parts(&self, t: TypeId) -> bool {
        fn has(tt: &TypeTable, t: TypeId, depth: u32) -> bool {
            if depth > 64 {
                return false;
            }
            match tt.under(t) {
                Type::Basic(k) => matches!(
                    k,
                    crate::types::BasicKind::Float32
                        | crate::types::BasicKind::Float64
                        | crate::types::BasicKind::Complex64
                        | crate::types::BasicKind::Complex128
                ),
                Type::Array(_, e) => has(tt, *e, depth + 1),
                Type::Struct(fs) => fs.iter().any(|f| has(tt, f.ty, depth + 1)),
                _ => false,
            }
        }
        matches!(self.class(t), TClass::Array | TClass::Struct) && has(self.tt, t, 0)
            || self.complex_kind(t).is_some()
    }

    /// The C operand of a shift: the count register, with [`SHIFT_UNSIGNED`] when the count's
    /// type is unsigned (a count of 2^63 or more is then a large count, not a negative one).
    pub(super) fn shift_count(&self, op: Op, y: u16, yt: TypeId) -> u32 {
        let unsigned = matches!(self.class(yt), TClass::Int(k) if !k.signed());
        if matches!(op, Op::Shl | Op::ShrI | Op::ShrU) && unsigned {
            y as u32 | SHIFT_UNSIGNED
        } else {
            y as u32
        }
    }

    /// The EXT word of APPEND/APPENDS for element type `et`: slot kind, element shape and
    /// element byte size (with [`APPEND_STACK_BUF`] when `stack_buf` and the element is at
    /// most 32 bytes).
    fn append_ext(&mut self, et: TypeId, stack_buf: bool) {
        let kind = types::slot_kind(self.tt, et) as u32;
        let es = self.slots(et);
        let mut eb = types::byte_size(self.tt, et).min(APPEND_STACK_BUF as u64 - 1) as u32;
        if stack_buf && eb > 0 && eb <= 32 {
            eb |= APPEND_STACK_BUF;
        }
        self.ext_w(kind, es, eb);
    }

    /// The global slot of `x` when it names a package-level array or struct kept in a cell.
    fn global_cell_slot(&mut self, x: &Expr) -> Option<u32> {
        let ExprKind::Ident(_) = &x.kind else {
            return None;
        };
        let o = self.info.uses.get(&x.span.lo).copied()?;
        if self.fs().locals.contains_key(&o) || !self.global_cell(o) {
            return None;
        }
        self.globals.get(&o).copied()
    }

    /// A register holding the address of `x`: the variable's own cell register when `x` is a
    /// local kept in a cell (its pointer never changes), else a new one.
    pub(super) fn address_reg(&mut self, x: &Expr) -> CResult<u16> {
        if let ExprKind::Ident(_) = &x.kind {
            let o = self.info.uses.get(&x.span.lo).copied();
            if let Some(Loc::Cell(r)) = o.and_then(|o| self.fs().locals.get(&o).copied()) {
                return Ok(r);
            }
        }
        let r = self.alloc();
        self.address_of(x, r)?;
        Ok(r)
    }

    pub(super) fn address_of(&mut self, x: &Expr, dst: u16) -> CResult<()> {
        match &x.kind {
            ExprKind::Paren(y) => self.address_of(y, dst),
            ExprKind::Ident(_) => {
                let o = self
                    .info
                    .uses
                    .get(&x.span.lo)
                    .copied()
                    .ok_or_else(|| unsupported(x.span, "&"))?;
                match self.fs().locals.get(&o).copied() {
                    Some(Loc::Cell(r)) => {
                        self.emit(Op::Move, dst, r, 0);
                    }
                    Some(Loc::Up(u)) => {
                        self.emit(Op::GetUp, dst, u, 0);
                    }
                    None if self.global_cell(o) => {
                        let g = self.globals[&o];
                        self.emit_i(Instr::abx(Op::GlobalCell, dst, g));
                    }
                    None if self.globals.contains_key(&o)
                        && (self.slots(self.obj_ty(o)) == 1
                            || self.is_opaque_lib(self.obj_ty(o))) =>
                    {
                        // A one-slot global (or an opaque library value such as a global
                        // sync.Mutex): a pointer to its global slot.
                        let g = self.globals[&o];
                        let id = self.native("runtime.globaladdr", x.span)?;
                        let win = self.alloc();
                        let r = self.alloc();
                        self.emit_i(Instr::asbx(Op::LoadI, r, g as i32));
                        self.emit(Op::CallN, win, id as u16, 1);
                        self.ext(1, 0, 0);
                        self.emit(Op::Move, dst, win, 0);
                        self.restore(win);
                    }
                    _ => return Err(unsupported(x.span, "the address of this variable")),
                }
                Ok(())
            }
            ExprKind::CompositeLit { elems, .. } => {
                let t = self.ty(x);
                let fields = match self.tt.under(t) {
                    Type::Struct(fields) => fields.clone(),
                    _ => {
                        let v = self.expr(x)?;
                        self.new_cell(dst, t, Some(v));
                        return Ok(());
                    }
                };
                // `&T{...}` of a struct: allocate the zeroed cell and store each field into
                // it (no struct value is built and copied). The cell is a fresh register
                // unless `dst` is the topmost one, so elements may still read `dst`.
                let l = self.level();
                let cell = if dst + 1 == l { dst } else { self.alloc() };
                self.new_cell(cell, t, None);
                for (i, el) in elems.iter().enumerate() {
                    let fi = field_index(&fields, el, i);
                    let ft = fields.get(fi).map(|f| f.ty).unwrap_or(t);
                    let off = types::field_offset(self.tt, t, fi);
                    let n = self.slots(ft);
                    let r = self.alloc();
                    self.expr_conv_to(&el.value, ft, r)?;
                    if n == 1 {
                        self.emit_w(Op::StoreF, cell, off, r as u32);
                    } else {
                        let p = self.alloc();
                        self.emit_w(Op::PtrOff, p, cell as u32, off);
                        self.emit_w(Op::Store, p, u32::from(r), n);
                    }
                    self.restore(r);
                }
                if cell != dst {
                    self.emit(Op::Move, dst, cell, 0);
                }
                self.restore(l);
                Ok(())
            }
            ExprKind::Index(s, idx) if self.class(self.ty(s)) == TClass::Slice => {
                let sr = self.expr(s)?;
                let ir = self.expr(&idx[0])?;
                self.emit(Op::ElemPtr, dst, sr, ir);
                Ok(())
            }
            ExprKind::Index(s, idx)
                if matches!(self.class(self.ty(s)), TClass::Array | TClass::Ptr) =>
            {
                // `&a[i]` of an addressable array (or of `p[i]`, p a pointer to an array).
                let st = self.ty(s);
                let at = if self.class(st) == TClass::Ptr {
                    self.tt.pointer_elem(st).unwrap_or(st)
                } else {
                    st
                };
                let (n, et) = match self.tt.under(at) {
                    Type::Array(n, et) => (*n, *et),
                    _ => return Err(unsupported(x.span, "this address")),
                };
                let es = self.slots(et);
                // An element of a package-level array: straight from the global's cell.
                if let Some(g) = self.global_cell_slot(s) {
                    let ir = self.expr(&idx[0])?;
                    self.emit_w(Op::ArrGlobIdx, dst, g, u32::from(ir));
                    self.ext_w(es, n as u32, 0);
                    return Ok(());
                }
                let pr = if self.class(st) == TClass::Ptr {
                    self.expr(s)?
                } else {
                    self.address_reg(s)?
                };
                let ir = self.expr(&idx[0])?;
                self.emit(Op::ArrPtrIdx, dst, pr, ir);
                self.ext_w(es, n as u32, 0);
                Ok(())
            }
            ExprKind::Selector(base, _) => {
                if let Some(Selection::Field { path, indirect, .. }) = self.selection(x) {
                    let p = self.field_ptr(base, &path, &indirect)?;
                    self.emit(Op::Move, dst, p, 0);
                    return Ok(());
                }
                Err(unsupported(x.span, "this address"))
            }
            // `&*p` is `p`, once checked not to be nil (a load of no slots).
            ExprKind::Star(p) => {
                self.expr_to(p, dst)?;
                let l = self.level();
                let scratch = self.alloc();
                self.emit_w(Op::Load, scratch, dst as u32, 0);
                self.restore(l);
                Ok(())
            }
            _ => Err(unsupported(x.span, "this address")),
        }
    }

    pub(super) fn field_ptr(
        &mut self,
        base: &Expr,
        path: &[usize],
        indirect: &[bool],
    ) -> CResult<u16> {
        let bt = self.ty(base);
        let mut cur_t = bt;
        // `v.f` where v is a struct value and the path goes through an embedded pointer
        // (`w.prefix` via `Service{*Logger}`): read that pointer out of the value, no `&v`.
        if let Some(j) = (1..path.len()).find(|&i| indirect.get(i).copied().unwrap_or(false)) {
            if !indirect.first().copied().unwrap_or(false) {
                let off = self.path_offset(cur_t, &path[..j]);
                cur_t = self.path_type(cur_t, &path[..j]);
                let xr = self.expr(base)?;
                let pr = self.alloc();
                self.emit_w(Op::GetField, pr, xr as u32, off);
                let mut ind = vec![true];
                ind.extend_from_slice(&indirect[j + 1..]);
                let et = self.tt.pointer_elem(cur_t).unwrap_or(cur_t);
                return self.field_ptr_from(pr, et, &path[j..], &ind);
            }
        }
        let p = if indirect.first().copied().unwrap_or(false) {
            cur_t = self.tt.pointer_elem(bt).unwrap_or(bt);
            self.expr(base)?
        } else {
            self.address_reg(base)?
        };
        self.field_ptr_from(p, cur_t, path, indirect)
    }

    /// Walk `path` from pointer register `p` to a struct of type `cur_t` (steps after the
    /// first dereference a pointer field when `indirect[i]`).
    fn field_ptr_from(
        &mut self,
        p: u16,
        mut cur_t: TypeId,
        path: &[usize],
        indirect: &[bool],
    ) -> CResult<u16> {
        let mut p = p;
        for (i, fi) in path.iter().enumerate() {
            if i > 0 && indirect.get(i).copied().unwrap_or(false) {
                let n = self.alloc();
                self.emit(Op::Load, n, p, 1);
                p = n;
                cur_t = self.tt.pointer_elem(cur_t).unwrap_or(cur_t);
            }
            let off = types::field_offset(self.tt, cur_t, *fi);
            let n = self.alloc();
            self.emit_w(Op::PtrOff, n, p as u32, off);
            p = n;
            cur_t = self.path_type(cur_t, std::slice::from_ref(fi));
        }
        Ok(p)
    }

    /// The native of standard-library method `name` of receiver type `recv`
    /// (`pkg.Type.Method`, see `vm::lib`).
    fn native_method(&mut self, recv: TypeId, name: &str, span: ast::Span) -> CResult<u32> {
        let (pkg, tname) = match self.tt.named(recv) {
            Some(n) => (n.pkg.clone(), n.name.clone()),
            None => (String::new(), String::new()),
        };
        self.native(&format!("{pkg}.{tname}.{name}"), span)
    }

    fn selector(&mut self, e: &Expr, x: &Expr, dst: u16) -> CResult<()> {
        let sel = self.selection(e);
        match sel {
            Some(Selection::Field { path, indirect, ty }) => {
                let n = self.slots(ty);
                if indirect.iter().any(|b| *b) || self.in_memory(x) {
                    let p = self.field_ptr(x, &path, &indirect)?;
                    if n != 1 || !self.fuse_ptroff(p, Op::LoadF, dst) {
                        self.emit_w(Op::Load, dst, u32::from(p), n);
                    }
                } else {
                    // Value struct in a register: flattened offset.
                    let off = self.path_offset(self.ty(x), &path);
                    let xr = self.expr(x)?;
                    if n == 1 {
                        self.emit_w(Op::GetField, dst, xr as u32, off);
                    } else {
                        self.emit_w(Op::GetFieldN, dst, xr as u32, off);
                        self.ext_w(n, 0, 0);
                    }
                }
                Ok(())
            }
            Some(Selection::Qualified { obj, .. }) if self.funcs.contains_key(&obj) => {
                // A library function written in Go, as a value.
                let f = self.funcs[&obj];
                self.emit_i(Instr::abx(Op::FuncRef, dst, f));
                Ok(())
            }
            Some(Selection::Qualified { pkg, name, obj }) => match &self.info.object(obj).kind {
                ObjKind::Func { .. } => {
                    let id = self.native(&format!("{pkg}.{name}"), e.span)?;
                    let k = self.konst(Value::Func(std::sync::Arc::new(
                        crate::vm::value::FuncVal::Native { id },
                    )));
                    self.emit_i(Instr::abx(Op::LoadK, dst, k as u32));
                    Ok(())
                }
                ObjKind::Var(_) => self.load_lib_var(&pkg, &name, dst, e.span),
                _ => Err(unsupported(e.span, &format!("{pkg}.{name}"))),
            },
            Some(Selection::Method {
                obj,
                auto,
                path,
                indirect,
                recv: rtype_,
                name,
                ..
            }) if obj.is_none_or(|o| {
                matches!(self.info.object(o).kind, ObjKind::Func { native: true, .. })
            }) =>
            {
                let id = self.native_method(rtype_, &name, e.span)?;
                let r = self.method_recv(x, &path, &indirect, auto)?;
                self.emit(Op::BindN, dst, r, id as u16);
                Ok(())
            }
            Some(Selection::Method {
                obj,
                auto,
                path,
                indirect,
                recv,
                ..
            }) if !path.is_empty() => {
                let f = obj
                    .and_then(|o| self.method_func(recv, o))
                    .ok_or_else(|| unsupported(e.span, "native method values"))?;
                let r = self.method_recv(x, &path, &indirect, auto)?;
                self.emit(Op::BindM, dst, r, f as u16);
                Ok(())
            }
            Some(Selection::Method {
                obj, auto, recv, ..
            }) => {
                // Method value: bind the receiver.
                let f = obj
                    .and_then(|o| self.method_func(recv, o))
                    .ok_or_else(|| unsupported(e.span, "native method values"))?;
                let r = self.receiver(x, auto)?;
                self.emit(Op::BindM, dst, r, f as u16);
                Ok(())
            }
            Some(Selection::InterfaceMethod {
                name,
                path,
                indirect,
                ..
            }) => {
                // Method value of an interface: the dynamic method, bound now.
                let r = if path.is_empty() {
                    self.expr(x)?
                } else {
                    self.method_recv(x, &path, &indirect, crate::check::AutoRef::None)?
                };
                let sym = self.prog.method_sym(&name);
                self.emit(Op::BindI, dst, r, sym as u16);
                Ok(())
            }
            Some(Selection::MethodExpr {
                recv,
                name,
                ptr_recv,
                iface_index,
                obj,
                sig,
                path,
                indirect,
            }) => {
                if !path.is_empty() {
                    // A promoted method: a function that finds the receiver in its first
                    // argument.
                    let f = self.promoted_method_thunk(
                        e,
                        recv,
                        &name,
                        ptr_recv,
                        iface_index,
                        obj,
                        sig,
                        &path,
                        &indirect,
                    )?;
                    self.emit_i(Instr::abx(Op::FuncRef, dst, f));
                    return Ok(());
                }
                let fv = if iface_index.is_some() {
                    let sym = self.prog.method_sym(&name);
                    Some(crate::vm::value::FuncVal::IfaceMethod { sym })
                } else {
                    let named = self.tt.pointer_elem(recv).unwrap_or(recv);
                    let f = obj
                        .and_then(|o| self.method_func(named, o))
                        .ok_or_else(|| unsupported(e.span, "native method expressions"))?;
                    match self.tt.pointer_elem(recv) {
                        Some(elem) if !ptr_recv => Some(crate::vm::value::FuncVal::DerefMethod {
                            func: f,
                            slots: self.slots(elem),
                        }),
                        _ => {
                            self.emit_i(Instr::abx(Op::FuncRef, dst, f));
                            None
                        }
                    }
                };
                if let Some(fv) = fv {
                    let k = self.konst(Value::Func(std::sync::Arc::new(fv)));
                    self.emit_i(Instr::abx(Op::LoadK, dst, k as u32));
                }
                Ok(())
            }
            _ => Err(unsupported(e.span, "this selector")),
        }
    }

    /// The function of method expression `T.M` for a method promoted through the embedded
    /// fields `path` of T: its parameters are T's value and M's parameters; it selects the
    /// receiver as `x.M(...)` would and calls M.
    #[allow(clippy::too_many_arguments)]
    fn promoted_method_thunk(
        &mut self,
        e: &Expr,
        recv: TypeId,
        name: &str,
        ptr_recv: bool,
        iface_index: Option<usize>,
        obj: Option<ObjId>,
        sig: TypeId,
        path: &[usize],
        indirect: &[bool],
    ) -> CResult<u32> {
        let Some(fsig) = self.tt.signature(self.tt.underlying(sig)).cloned() else {
            return Err(unsupported(e.span, "this method expression"));
        };
        let idx = self.prog.funcs.len() as u32;
        let fname = format!("{}.{}-fm", self.tt.type_string(recv), name);
        self.prog.funcs.push(crate::vm::program::Func {
            name: fname.clone(),
            ..Default::default()
        });
        let line = self.line_of(e.span);
        let saved = self.fs.replace(self.new_fs(fname, line));
        let saved_hoisted = std::mem::take(&mut self.hoisted);
        let nparams = fsig.params.len() as u16;
        for _ in 0..nparams {
            self.alloc();
        }
        let id0 = ast::tuple_elem_id(e.id, 0);
        self.thunk_types.insert(id0, recv);
        self.hoisted.insert(id0, 0);
        let x = Expr {
            id: id0,
            span: e.span,
            kind: ExprKind::TupleElem(0),
        };
        // The embedded field's type decides the implicit & or *.
        let mut ft = recv;
        for fi in path {
            if let Some(el) = self.tt.pointer_elem(ft) {
                ft = el;
            }
            ft = self.path_type(ft, std::slice::from_ref(fi));
        }
        let field_ptr = self.tt.is_pointer(ft) && !self.tt.is_interface(ft);
        let auto = match (iface_index.is_some(), ptr_recv, field_ptr) {
            (true, ..) => crate::check::AutoRef::None,
            (false, true, false) => crate::check::AutoRef::AddrOf,
            (false, false, true) => crate::check::AutoRef::Deref,
            _ => crate::check::AutoRef::None,
        };
        let r = self.method_recv(&x, path, indirect, auto);
        self.hoisted = saved_hoisted;
        let r = match r {
            Ok(r) => r,
            Err(e) => {
                self.finish_made_func(idx, saved, nparams, 0, 0, line);
                return Err(e);
            }
        };
        let win = self.alloc();
        let rr = self.alloc();
        self.emit(Op::Move, rr, r, 0);
        for i in 1..nparams {
            let a = self.alloc();
            self.emit(Op::Move, a, i, 0);
        }
        let nres = fsig.results.len() as u16;
        match iface_index {
            Some(_) => {
                let sym = self.prog.method_sym(name);
                self.emit(Op::CallM, win, sym as u16, nparams);
            }
            None => {
                let named = self.tt.pointer_elem(ft).unwrap_or(ft);
                let Some(f) = obj.and_then(|o| self.method_func(named, o)) else {
                    self.finish_made_func(idx, saved, nparams, 0, 0, line);
                    return Err(unsupported(e.span, "native method expressions"));
                };
                self.emit(Op::CallS, win, f as u16, nparams);
            }
        }
        self.emit(Op::Ret, win, nres, 0);
        self.finish_made_func(idx, saved, nparams, nres, 0, line);
        Ok(idx)
    }

    /// The receiver of a (possibly promoted) method: walk the embedded fields `path` from `x`,
    /// then apply the implicit `&` / `*`.
    fn method_recv(
        &mut self,
        x: &Expr,
        path: &[usize],
        indirect: &[bool],
        auto: crate::check::AutoRef,
    ) -> CResult<u16> {
        if path.is_empty() {
            return self.receiver(x, auto);
        }
        // Type of the embedded field at the end of the path.
        let mut t = self.ty(x);
        for fi in path {
            if let Some(e) = self.tt.pointer_elem(t) {
                t = e;
            }
            t = self.path_type(t, std::slice::from_ref(fi));
        }
        let p_needed = matches!(auto, crate::check::AutoRef::AddrOf) || indirect.iter().any(|b| *b);
        if p_needed {
            let p = self.field_ptr(x, path, indirect)?;
            if matches!(auto, crate::check::AutoRef::AddrOf) {
                return Ok(p);
            }
            let n = self.slots(t);
            let v = self.alloc();
            self.emit_w(Op::Load, v, u32::from(p), n);
            if matches!(auto, crate::check::AutoRef::Deref) {
                let et = self.tt.pointer_elem(t).unwrap_or(t);
                let m = self.slots(et);
                self.emit_w(Op::Load, v, u32::from(v), m);
            }
            return Ok(v);
        }
        // Embedded value fields of a value: flattened offset.
        let off = self.path_offset(self.ty(x), path);
        let xr = self.expr(x)?;
        let n = self.slots(t);
        let v = self.alloc();
        if n == 1 {
            self.emit_w(Op::GetField, v, xr as u32, off);
        } else {
            self.emit_w(Op::GetFieldN, v, xr as u32, off);
            self.ext_w(n, 0, 0);
        }
        if matches!(auto, crate::check::AutoRef::Deref) {
            let et = self.tt.pointer_elem(t).unwrap_or(t);
            let m = self.slots(et);
            self.emit_w(Op::Load, v, u32::from(v), m);
        }
        Ok(v)
    }

    /// Evaluate a method receiver with the implicit `&` / `*`.
    fn receiver(&mut self, x: &Expr, auto: crate::check::AutoRef) -> CResult<u16> {
        match auto {
            crate::check::AutoRef::None => self.expr(x),
            crate::check::AutoRef::AddrOf => {
                let r = self.alloc();
                self.address_of(x, r)?;
                Ok(r)
            }
            crate::check::AutoRef::Deref => {
                let p = self.expr(x)?;
                let t = self.ty(x);
                let et = self.tt.pointer_elem(t).unwrap_or(t);
                let n = self.slots(et);
                let r = self.alloc();
                self.emit_w(Op::Load, r, u32::from(p), n);
                Ok(r)
            }
        }
    }

    /// Evaluate call arguments into consecutive fresh registers (converted to the parameter
    /// types, variadic extras packed into a slice). Returns the number of argument registers.
    pub(super) fn push_args(
        &mut self,
        sig: Option<&crate::types::Signature>,
        args: &[Expr],
        ellipsis: bool,
    ) -> CResult<u16> {
        let params = sig.as_ref().map(|s| s.params.clone()).unwrap_or_default();
        let variadic = sig.as_ref().is_some_and(|s| s.variadic);
        let nfixed = if variadic {
            params.len().saturating_sub(1)
        } else {
            params.len()
        };
        let mut nargs = 0u16;
        // f(g()) with a multi-valued g: spread its results over the parameters.
        if args.len() == 1 && !ellipsis {
            if let Type::Tuple(elems) = self.tt.get(self.ty(&args[0])).clone() {
                if elems.len() > 1 {
                    return self.push_spread_args(&params, variadic, nfixed, &args[0], &elems);
                }
            }
        }
        if let Some(calls) = self.calls_first(args) {
            return self.push_args_calls_first(&params, variadic, nfixed, args, ellipsis, &calls);
        }
        for (i, a) in args.iter().enumerate() {
            if variadic && i >= nfixed && !ellipsis {
                break;
            }
            let r = self.alloc();
            let at = self.ty(a);
            let pt = params.get(i).copied().unwrap_or(at);
            self.expr_conv_to(a, pt, r)?;
            nargs += 1;
        }
        if variadic && !ellipsis {
            // Pack the rest into a slice.
            let st = params.last().copied().unwrap_or(TypeTable::INVALID);
            let et = match self.tt.under(st) {
                Type::Slice(e) => *e,
                _ => st,
            };
            let sr = self.alloc();
            let rest = &args[nfixed.min(args.len())..];
            if rest.is_empty() {
                self.emit(Op::LoadNil, sr, 0, 0);
            } else {
                // append(nil-slice, rest...) into sr; the nil slice sits below the elements.
                let tmp = self.alloc();
                self.emit(Op::LoadNil, tmp, 0, 0);
                for a in rest {
                    let r = self.alloc();
                    self.expr_conv_to(a, et, r)?;
                }
                self.emit(Op::Append, sr, tmp, rest.len() as u16);
                self.append_ext(et, false);
                self.restore(sr + 1);
            }
            nargs += 1;
        }
        Ok(nargs)
    }

    /// `push_args` in gc's order when the arguments read variables or memory and also make
    /// calls: every argument register is allocated first, the calls of all arguments are made
    /// (left to right) into temporaries, then the arguments are evaluated, reading variables
    /// after the calls: `f(x, g())` passes the `x` that `g` left.
    fn push_args_calls_first(
        &mut self,
        params: &[TypeId],
        variadic: bool,
        nfixed: usize,
        args: &[Expr],
        ellipsis: bool,
        calls: &[&Expr],
    ) -> CResult<u16> {
        let pack = variadic && !ellipsis;
        let nplain = if pack {
            nfixed.min(args.len())
        } else {
            args.len()
        };
        let first = self.alloc_n(nplain as u16);
        // The variadic slice's register, then APPEND's nil operand and the packed elements.
        let sr = if pack { Some(self.alloc_n(2)) } else { None };
        let elems = self.alloc_n((args.len() - nplain) as u16);
        let et = match params.last().map(|t| self.tt.under(*t)) {
            Some(Type::Slice(e)) if pack => *e,
            _ => TypeTable::INVALID,
        };
        let map = self.hoist_calls(calls)?;
        let saved = std::mem::replace(&mut self.hoisted, map);
        for (i, a) in args.iter().enumerate() {
            let (dst, t) = if i < nplain {
                (
                    first + i as u16,
                    params.get(i).copied().unwrap_or(self.ty(a)),
                )
            } else {
                (elems + (i - nplain) as u16, et)
            };
            let l = self.level();
            let r = self.alloc();
            let res = self.expr_conv_to(a, t, r);
            if res.is_err() {
                self.hoisted = saved;
                return res.map(|_| 0);
            }
            self.emit(Op::Move, dst, r, 0);
            self.restore(l);
        }
        self.hoisted = saved;
        if let Some(sr) = sr {
            if args.len() == nplain {
                self.emit(Op::LoadNil, sr, 0, 0);
            } else {
                self.emit(Op::LoadNil, sr + 1, 0, 0);
                self.emit(Op::Append, sr, sr + 1, (args.len() - nplain) as u16);
                self.append_ext(et, false);
            }
            self.restore(sr + 1);
            return Ok(nplain as u16 + 1);
        }
        Ok(nplain as u16)
    }

    /// The calls of `exprs` that gc makes before reading the expressions' variables, if there
    /// are calls and reads (see `operand_calls`).
    fn calls_first<'e>(&self, exprs: &'e [Expr]) -> Option<Vec<&'e Expr>> {
        let mut calls = Vec::new();
        let mut reads = false;
        for x in exprs {
            self.operand_calls(x, &mut calls, &mut reads);
        }
        self.order_matters(&calls, reads).then_some(calls)
    }

    /// Make `calls` into fresh registers (each outside any hoisting context).
    pub(super) fn hoist_calls(&mut self, calls: &[&Expr]) -> CResult<HashMap<ast::NodeId, u16>> {
        let saved = std::mem::take(&mut self.hoisted);
        let mut map = HashMap::new();
        for c in calls {
            let r = self.alloc();
            if let Err(e) = self.expr_to(c, r) {
                self.hoisted = saved;
                return Err(e);
            }
            map.insert(c.id, r);
        }
        self.hoisted = saved;
        Ok(map)
    }

    /// Arguments from one multi-valued call (`f(g())`): its results land in the argument
    /// registers; the fixed ones are converted in place, the rest packed for a variadic `f`.
    fn push_spread_args(
        &mut self,
        params: &[TypeId],
        variadic: bool,
        nfixed: usize,
        a: &Expr,
        elems: &[TypeId],
    ) -> CResult<u16> {
        let n = elems.len();
        let base = self.multi(a, n)?;
        self.restore(base + n as u16);
        let nf = if variadic { nfixed.min(n) } else { n };
        for (i, &et) in elems.iter().enumerate().take(nf) {
            let r = base + i as u16;
            let pt = params.get(i).copied().unwrap_or(et);
            let l = self.level();
            let c = self.convert(r, et, pt)?;
            if c != r {
                self.emit(Op::Move, r, c, 0);
            }
            self.restore(l);
        }
        if !variadic {
            return Ok(n as u16);
        }
        let st = params.last().copied().unwrap_or(TypeTable::INVALID);
        let et = match self.tt.under(st) {
            Type::Slice(e) => *e,
            _ => st,
        };
        let sr = base + nf as u16;
        let tmp = self.alloc();
        self.emit(Op::LoadNil, tmp, 0, 0);
        let count = n - nf;
        for (i, &at) in elems.iter().enumerate().skip(nf) {
            let r = self.alloc();
            self.emit(Op::Move, r, base + i as u16, 0);
            let c = self.convert(r, at, et)?;
            if c != r {
                self.emit(Op::Move, r, c, 0);
                self.restore(r + 1);
            }
        }
        self.emit(Op::Append, sr, tmp, count as u16);
        self.append_ext(et, false);
        self.restore(sr + 1);
        Ok(nf as u16 + 1)
    }

    /// Compile a call; results land in consecutive registers starting at the returned one.
    pub(super) fn call(&mut self, e: &Expr, want: usize) -> CResult<u16> {
        let saved = self.fs().line;
        self.fs().line = self.op_line(e);
        let r = self.call_inner(e, want);
        self.fs().line = saved;
        r
    }

    fn call_inner(&mut self, e: &Expr, _want: usize) -> CResult<u16> {
        let (fun, args, ellipsis) = match &e.kind {
            ExprKind::Call {
                fun,
                args,
                ellipsis,
                ..
            } => (fun, args, *ellipsis),
            _ => return Err(unsupported(e.span, "this call")),
        };
        let kind = self.call_kind(e.id).unwrap_or(CallKind::Regular);
        match kind {
            CallKind::Conversion(to) => {
                let dst = self.alloc();
                self.conversion(&args[0], to, dst)?;
                return Ok(dst);
            }
            CallKind::Builtin(b, targ) => {
                if let Some(synth) = self.info.spread.get(&e.id).cloned() {
                    // The call's results are the arguments (`copy(f())`).
                    let base = self.multi(&args[0], synth.len())?;
                    for (i, x) in synth.iter().enumerate() {
                        self.hoisted.insert(x.id, base + i as u16);
                    }
                    let r = self.builtin(e, b, targ, &synth, false);
                    for x in &synth {
                        self.hoisted.remove(&x.id);
                    }
                    return r;
                }
                return self.builtin(e, b, targ, args, ellipsis);
            }
            CallKind::Regular => {}
        }
        let ft = self.ty(fun);
        let sig = self.tt.signature(self.tt.underlying(ft)).cloned();
        // Static and native callee?
        let mut target: Option<(Op, u32)> = None;
        let mut recv: Option<u16> = None;
        let win = self.alloc();
        match &fun.kind {
            _ if self.is_compiled_instance(fun.id) => {
                // A generic function instance (`Min(1, 2)`, `Min[int8](..)`, `slices.Sort`).
                let f = self
                    .instance_func(fun.id)
                    .ok_or_else(|| unsupported(fun.span, "this generic function instance"))?;
                target = Some((Op::CallS, f));
            }
            ExprKind::Ident(_) => {
                if let Some(o) = self.info.uses.get(&fun.span.lo).copied() {
                    let obj = self.info.object(o);
                    match obj.kind {
                        ObjKind::Func { native: false, .. } => {
                            if let Some(f) = self.funcs.get(&o) {
                                target = Some((Op::CallS, *f));
                            }
                        }
                        // A library function written in Go calling a native of its package.
                        ObjKind::Func {
                            native: true,
                            recv: None,
                        } if obj.pkg != "main" => {
                            let key = format!("{}.{}", obj.pkg, obj.name);
                            let id = self.native(&key, fun.span)?;
                            target = Some((Op::CallN, id));
                        }
                        _ => {}
                    }
                }
            }
            ExprKind::Selector(x, _) => match self.selection(fun) {
                Some(Selection::Qualified { obj, .. }) if self.funcs.contains_key(&obj) => {
                    // A library function written in Go.
                    target = Some((Op::CallS, self.funcs[&obj]));
                }
                Some(Selection::Qualified { pkg, name, .. }) => {
                    let id = self.native(&format!("{pkg}.{name}"), fun.span)?;
                    target = Some((Op::CallN, id));
                }
                Some(Selection::Method {
                    obj,
                    auto,
                    path,
                    indirect,
                    recv: rtype_,
                    name,
                    ..
                }) if obj.is_none_or(|o| {
                    matches!(self.info.object(o).kind, ObjKind::Func { native: true, .. })
                }) =>
                {
                    // A native standard-library method: `pkg.Type.Method(recv, args...)`.
                    let id = self.native_method(rtype_, &name, fun.span)?;
                    let r = self.method_recv(x, &path, &indirect, auto)?;
                    recv = Some(r);
                    target = Some((Op::CallN, id));
                }
                Some(Selection::Method {
                    obj: Some(o),
                    auto,
                    path,
                    indirect,
                    recv: rt,
                    ..
                }) => {
                    let r = self.method_recv(x, &path, &indirect, auto)?;
                    recv = Some(r);
                    let f = self
                        .method_func(rt, o)
                        .ok_or_else(|| unsupported(fun.span, "this method instance"))?;
                    target = Some((Op::CallS, f));
                }
                Some(Selection::InterfaceMethod {
                    name,
                    path,
                    indirect,
                    ..
                }) => {
                    // `rw.Write(..)` through an embedded interface field: that field's value.
                    let r = if path.is_empty() {
                        self.expr(x)?
                    } else {
                        self.method_recv(x, &path, &indirect, crate::check::AutoRef::None)?
                    };
                    recv = Some(r);
                    let sym = self.prog.method_sym(&name);
                    target = Some((Op::CallM, sym));
                }
                _ => {}
            },
            _ => {}
        }
        // The receiver goes to the window's first argument register (it usually is there
        // already: it was the next register when the receiver was compiled); whatever
        // temporaries its computation used above that are free again.
        let win = match recv {
            Some(r) => {
                if r != win + 1 {
                    self.emit(Op::Move, win + 1, r, 0);
                }
                self.restore(win + 2);
                win
            }
            // The window must be the top.
            None if self.level() > win + 1 => self.alloc(),
            None => win,
        };
        // A callee computed by a call (`f()(g())`) is evaluated before the arguments, as
        // gc orders it; a plain variable is read when the call is made.
        let early_fun = target.is_none() && crate::check::contains_call_or_recv(fun);
        if early_fun {
            self.expr_to(fun, win)?;
            self.restore(win + 1);
        }
        let nargs = self.push_args(sig.as_ref(), args, ellipsis)?;
        let nres = sig.as_ref().map_or(0, |s| s.results.len()) as u16;
        let total_args = nargs + recv.is_some() as u16;
        match target {
            Some((Op::CallS, f)) => {
                self.emit(Op::CallS, win, f as u16, total_args);
            }
            Some((Op::CallN, id)) => {
                self.emit(Op::CallN, win, id as u16, total_args);
                self.ext(nres, 0, 0);
            }
            Some((Op::CallM, sym)) => {
                self.emit(Op::CallM, win, sym as u16, total_args);
            }
            _ => {
                if !early_fun {
                    let l = self.level();
                    let f = self.expr(fun)?;
                    self.emit(Op::Move, win, f, 0);
                    self.restore(l);
                }
                self.emit(Op::Call, win, total_args, nres);
            }
        }
        self.restore(win + nres.max(1));
        Ok(win)
    }

    /// Evaluate a multi-valued expression (call, comma-ok) into `n` consecutive registers.
    pub(super) fn multi(&mut self, e: &Expr, n: usize) -> CResult<u16> {
        match &e.kind {
            ExprKind::Call { .. } if !self.info.comma_ok.contains(&e.id) => {
                let base = self.call(e, n)?;
                self.restore(base + n as u16);
                Ok(base)
            }
            ExprKind::Paren(x) => self.multi(x, n),
            _ => {
                let base = self.alloc_n(n as u16);
                self.expr_to(e, base)?;
                self.restore(base + n as u16);
                Ok(base)
            }
        }
    }

    fn conversion(&mut self, x: &Expr, to: TypeId, dst: u16) -> CResult<()> {
        let from = self.ty(x);
        let r = self.expr(x)?;
        use TClass::*;
        if let Some(k) = self.complex_kind(to) {
            // To a complex type (from a number, or another complex size): the parts,
            // rounded for complex64.
            let l = self.level();
            let (re, im) = (self.alloc(), self.alloc());
            if self.complex_kind(from).is_some() {
                self.emit(Op::GetField, re, r, 0);
                self.emit(Op::GetField, im, r, 1);
            } else {
                match self.class(from) {
                    Int(ik) => {
                        self.emit(Op::IToF, re, r, (!ik.signed()) as u16);
                    }
                    _ => {
                        self.emit(Op::Move, re, r, 0);
                    }
                }
                self.load_value(im, Value::from_f64(0.0));
            }
            self.make_complex(k, re, im, dst);
            self.restore(l);
            return Ok(());
        }
        match (self.class(from), self.class(to)) {
            (Int(_), Int(k)) => {
                self.emit(Op::Narrow, dst, r, k.narrow_code());
            }
            (Int(k), F64 | F32) => {
                self.emit(Op::IToF, dst, r, (!k.signed()) as u16);
                if self.class(to) == F32 {
                    self.emit(Op::RoundF32, dst, dst, 0);
                }
            }
            (F64 | F32, Int(k)) => {
                let code = if k == crate::vm::program::IntKind::U64 {
                    7
                } else {
                    k.narrow_code()
                };
                self.emit(Op::FToI, dst, r, code);
            }
            (F64 | F32, F32) => {
                self.emit(Op::RoundF32, dst, r, 0);
            }
            (Int(_), Str) => {
                self.emit(Op::StrConv, dst, r, 5);
            }
            (Slice, Str) => {
                let et = match self.tt.under(from) {
                    Type::Slice(e) => *e,
                    _ => from,
                };
                let conv = if matches!(self.class(et), Int(crate::vm::program::IntKind::U8)) {
                    1
                } else {
                    3
                };
                self.emit(Op::StrConv, dst, r, conv);
            }
            (Str, Slice) => {
                let et = match self.tt.under(to) {
                    Type::Slice(e) => *e,
                    _ => to,
                };
                let bytes = matches!(self.class(et), Int(crate::vm::program::IntKind::U8));
                // gc builds the slice of a constant string in an array of exactly its length;
                // other strings get a size-class-rounded allocation.
                let conv = match (bytes, self.info.consts.contains_key(&x.id)) {
                    (true, false) => 2,
                    (false, false) => 4,
                    (true, true) => 6,
                    (false, true) => 7,
                };
                self.emit(Op::StrConv, dst, r, conv);
            }
            (_, Iface) => {
                let c = self.convert(r, from, to)?;
                self.emit(Op::Move, dst, c, 0);
            }
            (Slice, Ptr | Array) => {
                // `(*[N]T)(s)` and `[N]T(s)`: the slice's array, checked to be long enough.
                let at = match self.class(to) {
                    Ptr => self.tt.pointer_elem(to).unwrap_or(to),
                    _ => to,
                };
                let n = match self.tt.under(at) {
                    Type::Array(n, _) => *n as i64,
                    _ => 0,
                };
                let id = self.native("runtime.slicetoarrayptr", x.span)?;
                let win = self.alloc();
                self.emit(Op::Move, win + 1, r, 0);
                let nr = self.alloc_n(2) + 1;
                self.load_value(nr, Value::Int(n));
                self.emit(Op::CallN, win, id as u16, 2);
                self.ext(1, 0, 0);
                if self.class(to) == Array {
                    let z = self.zero_value(to);
                    let k = self.konst(z);
                    // A nil slice converts to the zero array (only when N is 0).
                    self.emit(Op::LoadK, dst, k, 0);
                    let j = self.jump(Op::JNil, win);
                    self.emit_w(Op::Load, dst, u32::from(win), self.slots(to));
                    self.patch(j);
                } else {
                    self.emit(Op::Move, dst, win, 0);
                }
                self.restore(win);
            }
            _ => {
                self.emit(Op::Move, dst, r, 0);
            }
        }
        Ok(())
    }

    pub(super) fn builtin(
        &mut self,
        e: &Expr,
        b: Builtin,
        targ: Option<TypeId>,
        args: &[Expr],
        ellipsis: bool,
    ) -> CResult<u16> {
        let dst = self.alloc();
        let t = self.ty(e);
        match b {
            Builtin::Len | Builtin::Cap => {
                let at = self.ty(&args[0]);
                let r = self.expr(&args[0])?;
                // An array or a pointer to one (even nil): its length, once the operand's
                // calls and receives are done.
                let arr = match self.class(at) {
                    TClass::Ptr => self.tt.pointer_elem(at).unwrap_or(at),
                    _ => at,
                };
                if let Type::Array(n, _) = self.tt.under(arr) {
                    let n = *n as i64;
                    self.load_value(dst, Value::Int(n));
                    return Ok(dst);
                }
                let op = match (self.class(at), b) {
                    (TClass::Str, _) => Op::StrLen,
                    (TClass::Map, _) => Op::MapLen,
                    (TClass::Chan, Builtin::Len) => {
                        self.emit(Op::ChanLen, dst, r, 0);
                        return Ok(dst);
                    }
                    (TClass::Chan, _) => {
                        self.emit(Op::ChanLen, dst, r, 1);
                        return Ok(dst);
                    }
                    (_, Builtin::Len) => Op::Len,
                    _ => Op::Cap,
                };
                self.emit(op, dst, r, 0);
            }
            Builtin::Make => {
                let mt = targ.unwrap_or(t);
                match self.tt.under(mt).clone() {
                    Type::Slice(et) => {
                        let lr = self.expr(&args[1])?;
                        let cr = if args.len() > 2 {
                            self.expr(&args[2])?
                        } else {
                            lr
                        };
                        let kind = types::slot_kind(self.tt, et) as u16;
                        let es = self.slots(et);
                        let z = self.zero_value(et);
                        let k = self.konst(z);
                        self.emit(Op::MakeSlice, dst, lr, cr);
                        self.ext_w(u32::from(kind), es, u32::from(k));
                    }
                    Type::Map(..) => {
                        self.emit(Op::MakeMap, dst, 0, 0);
                    }
                    Type::Chan(..) => {
                        let c = if args.len() > 1 {
                            self.expr(&args[1])?
                        } else {
                            let r = self.alloc();
                            self.emit_i(Instr::asbx(Op::LoadI, r, 0));
                            r
                        };
                        self.emit(Op::MakeChan, dst, c, 0);
                    }
                    _ => return Err(unsupported(e.span, "make of this type")),
                }
            }
            Builtin::New => {
                let nt = targ.unwrap_or(t);
                self.new_cell(dst, nt, None);
            }
            Builtin::Append => {
                let st = self.ty(&args[0]);
                let et = match self.tt.under(st) {
                    Type::Slice(e) => *e,
                    _ => st,
                };
                // `s = append(s, ...)` on a slice whose backing array stays local gets Go's
                // 32-byte stack buffer.
                let stack_buf = match &args[0].kind {
                    ExprKind::Ident(_) => self
                        .info
                        .obj_at(args[0].span.lo)
                        .is_some_and(|o| self.fs().stack_slices.contains(&o)),
                    _ => false,
                };
                let base = self.alloc();
                self.expr_to(&args[0], base)?;
                if ellipsis {
                    let r = self.expr(&args[1])?;
                    self.emit(Op::AppendS, dst, base, r);
                } else {
                    for a in &args[1..] {
                        let r = self.alloc();
                        let at = self.ty(a);
                        self.expr_to(a, r)?;
                        let c = self.convert(r, at, et)?;
                        if c != r {
                            self.emit(Op::Move, r, c, 0);
                            self.restore(r + 1);
                        }
                    }
                    self.emit(Op::Append, dst, base, (args.len() - 1) as u16);
                }
                self.append_ext(et, stack_buf);
            }
            Builtin::Copy => {
                let a = self.expr(&args[0])?;
                let b2 = self.expr(&args[1])?;
                self.emit(Op::Copy, dst, a, b2);
            }
            Builtin::Delete => {
                let m = self.expr(&args[0])?;
                let k = self.expr(&args[1])?;
                let kt = match self.tt.under(self.ty(&args[0])) {
                    Type::Map(kt, _) => *kt,
                    _ => self.ty(&args[1]),
                };
                // `delete(m, 1)` on a map[any]V: the key becomes an interface first.
                let k = self.convert(k, self.ty(&args[1]), kt)?;
                self.emit(Op::MapDelete, m, k, 0);
                self.map_ext(kt, 0, 0);
            }
            Builtin::Panic => {
                let at = self.ty(&args[0]);
                let r = self.expr(&args[0])?;
                let c = self.convert(r, at, TypeTable::EMPTY_IFACE)?;
                self.emit(Op::Panic, c, 0, 0);
            }
            Builtin::Recover => {
                self.emit(Op::Recover, dst, 0, 0);
            }
            Builtin::Close => {
                let r = self.expr(&args[0])?;
                self.emit(Op::Close, r, 0, 0);
            }
            Builtin::Print | Builtin::Println => {
                // print/println write to stderr (Go's runtime printing).
                let name = if b == Builtin::Print {
                    "builtin.print"
                } else {
                    "builtin.println"
                };
                let id = self.native(name, e.span)?;
                let win = self.alloc();
                for a in args {
                    let r = self.alloc();
                    let at = self.ty(a);
                    self.expr_to(a, r)?;
                    let c = self.convert(r, at, TypeTable::EMPTY_IFACE)?;
                    if c != r {
                        self.emit(Op::Move, r, c, 0);
                        self.restore(r + 1);
                    }
                }
                self.emit(Op::CallN, win, id as u16, args.len() as u16);
                self.ext(0, 0, 0);
            }
            Builtin::Min | Builtin::Max if matches!(self.class(t), TClass::F64 | TClass::F32) => {
                // Floats: NaN wins and -0 < +0, as Go's min/max define (a native per step).
                let name = if b == Builtin::Min {
                    "builtin.fmin"
                } else {
                    "builtin.fmax"
                };
                let id = self.native(name, e.span)?;
                self.expr_to(&args[0], dst)?;
                for a in &args[1..] {
                    let win = self.alloc();
                    self.emit(Op::Move, win + 1, dst, 0);
                    let r = self.alloc_n(2) + 1;
                    self.expr_to(a, r)?;
                    self.emit(Op::CallN, win, id as u16, 2);
                    self.ext(1, 0, 0);
                    self.emit(Op::Move, dst, win, 0);
                    self.restore(win);
                }
            }
            Builtin::Min | Builtin::Max => {
                self.expr_to(&args[0], dst)?;
                let cls = self.class(t);
                for a in &args[1..] {
                    let r = self.expr(a)?;
                    let c = self.alloc();
                    let (op, x, y) = match (cls, b) {
                        (TClass::F64 | TClass::F32, Builtin::Min) => (Op::LtF, r, dst),
                        (TClass::F64 | TClass::F32, _) => (Op::LtF, dst, r),
                        (TClass::Str, Builtin::Min) => (Op::LtS, r, dst),
                        (TClass::Str, _) => (Op::LtS, dst, r),
                        (TClass::Int(k), Builtin::Min) => {
                            (if k.signed() { Op::LtI } else { Op::LtU }, r, dst)
                        }
                        (TClass::Int(k), _) => (if k.signed() { Op::LtI } else { Op::LtU }, dst, r),
                        _ => (Op::LtI, r, dst),
                    };
                    self.emit(op, c, x, y);
                    let j = self.jump(Op::JmpIfNot, c);
                    self.emit(Op::Move, dst, r, 0);
                    self.patch(j);
                }
            }
            Builtin::Real | Builtin::Imag => {
                let r = self.expr(&args[0])?;
                let part = if b == Builtin::Real { 0 } else { 1 };
                self.emit(Op::GetField, dst, r, part);
            }
            Builtin::Complex => {
                let k = self
                    .complex_kind(t)
                    .unwrap_or(crate::types::BasicKind::Complex128);
                let re = self.alloc();
                self.expr_to(&args[0], re)?;
                let im = self.alloc();
                self.expr_to(&args[1], im)?;
                self.make_complex(k, re, im, dst);
            }
            Builtin::Clear => {
                let at = self.ty(&args[0]);
                let id = self.native("builtin.clear", e.span)?;
                let win = self.alloc();
                let r = self.alloc();
                self.expr_to(&args[0], r)?;
                let z = match self.tt.under(at) {
                    Type::Slice(et) => {
                        let et = *et;
                        self.zero_value(et)
                    }
                    _ => Value::Nil,
                };
                let zr = self.alloc();
                self.load_value(zr, z);
                self.emit(Op::CallN, win, id as u16, 2);
                self.ext(0, 0, 0);
            }
        }
        self.restore(dst + 1);
        Ok(dst)
    }

    fn func_lit(&mut self, sig: &ast::FuncType, body: &ast::Block, dst: u16) -> CResult<()> {
        // Captured variables: every identifier of the literal that resolves to a local of an
        // enclosing function.
        let mut used = HashSet::new();
        escapes::idents(body, self.info, self.tt, self.subst, &mut used);
        let mut caps: Vec<ObjId> = used
            .into_iter()
            .filter(|o| self.fs().locals.contains_key(o) && !self.globals.contains_key(o))
            .collect();
        caps.sort();
        let outer_name = self.fs().name.clone();
        self.fs().nclosures += 1;
        let n = self.fs().nclosures;
        let idx = self.prog.funcs.len() as u32;
        self.prog.funcs.push(Func {
            name: format!("{outer_name}.func{n}"),
            ..Default::default()
        });
        // Captures in consecutive registers: the cell pointers.
        let base = self.alloc_n(caps.len() as u16);
        for (i, o) in caps.iter().enumerate() {
            match self.fs().locals.get(o).copied() {
                Some(Loc::Cell(r)) => {
                    self.emit(Op::Move, base + i as u16, r, 0);
                }
                Some(Loc::Up(u)) => {
                    self.emit(Op::GetUp, base + i as u16, u, 0);
                }
                _ => {
                    // Not escaping by the pre-pass (e.g. a parameter): box a copy.
                    let ty = self.obj_ty(*o);
                    let r = self.alloc();
                    self.load_var(*o, r)?;
                    self.new_cell(base + i as u16, ty, Some(r));
                }
            }
        }
        let line = self.line_of(sig.span);
        let mut fs = self.new_fs(format!("{outer_name}.func{n}"), line);
        escapes::block(body, self.info, self.tt, self.subst, &mut fs.escaping);
        fs.stack_slices = escapes::stack_slices(body, self.info, self.tt, self.subst);
        let saved = self.fs.replace(fs);
        let params: Vec<&ast::Field> = sig.params.iter().collect();
        let r = self.compile_body(idx, &params, &sig.results, body, &caps);
        let nclos = self.fs.as_ref().map_or(0, |f| f.nclosures);
        self.fs = saved;
        let _ = nclos;
        r?;
        self.emit(Op::Closure, dst, idx as u16, base);
        self.ext(caps.len() as u16, 0, 0);
        Ok(())
    }

    /// A composite literal in gc's order: the calls of its elements first, then the reads.
    /// Is map literal entry `el` made of constants (gc inserts those first)?
    fn static_entry(&self, el: &ast::Element) -> bool {
        el.key
            .as_ref()
            .is_none_or(|k| self.info.consts.contains_key(&k.id))
            && self.info.consts.contains_key(&el.value.id)
    }

    fn composite(
        &mut self,
        id: Option<ast::NodeId>,
        t: TypeId,
        elems: &[ast::Element],
        dst: u16,
    ) -> CResult<()> {
        // A literal nested in one already found to need no ordering needs none either.
        let checked = id.is_some_and(|id| self.order_free.remove(&id));
        // A map literal's entries are ordered one at a time, in `composite_ordered`.
        let is_map = matches!(self.tt.under(t), Type::Map(..));
        if self.hoisted.is_empty() && !is_map && !checked {
            let mut calls = Vec::new();
            let mut reads = false;
            for el in elems {
                self.operand_calls(&el.value, &mut calls, &mut reads);
            }
            if self.order_matters(&calls, reads) {
                let l = self.level();
                self.hoisted = self.hoist_calls(&calls)?;
                let r = self.composite_ordered(t, elems, dst);
                self.hoisted.clear();
                self.restore(l.max(dst + 1));
                return r;
            }
        }
        if self.hoisted.is_empty() && !is_map {
            for el in elems {
                if let ExprKind::CompositeLit { .. } = el.value.kind {
                    self.order_free.insert(el.value.id);
                }
            }
        }
        self.composite_ordered(t, elems, dst)
    }

    fn composite_ordered(&mut self, t: TypeId, elems: &[ast::Element], dst: u16) -> CResult<()> {
        match self.tt.under(t).clone() {
            Type::Struct(fields) => {
                let z = self.zero_value(t);
                self.load_value(dst, z);
                for (i, el) in elems.iter().enumerate() {
                    let fi = field_index(&fields, el, i);
                    let ft = fields.get(fi).map(|f| f.ty).unwrap_or(t);
                    let off = types::field_offset(self.tt, t, fi);
                    let n = self.slots(ft);
                    let r = self.alloc();
                    let vt = self.ty(&el.value);
                    self.expr_to(&el.value, r)?;
                    let c = self.convert(r, vt, ft)?;
                    if n == 1 {
                        self.emit_w(Op::SetField, dst, off, c as u32);
                    } else {
                        self.emit_w(Op::SetFieldN, dst, off, c as u32);
                        self.ext_w(n, 0, 0);
                    }
                    self.restore(r);
                }
            }
            Type::Slice(et) => {
                // Length: max index + 1.
                let mut idx = 0i64;
                let mut maxn = 0i64;
                let mut keyed = Vec::new();
                for el in elems {
                    if let Some(k) = &el.key {
                        if let Some(ConstValue::Int(i)) = self.info.consts.get(&k.id) {
                            idx = *i as i64;
                        }
                    }
                    keyed.push(idx);
                    idx += 1;
                    maxn = maxn.max(idx);
                }
                let lr = self.alloc();
                self.emit_i(Instr::asbx(Op::LoadI, lr, maxn as i32));
                let kind = types::slot_kind(self.tt, et) as u16;
                let es = self.slots(et);
                let z = self.zero_value(et);
                let k = self.konst(z);
                self.emit(Op::MakeSlice, dst, lr, lr);
                self.ext_w(u32::from(kind), es, u32::from(k));
                for (el, i) in elems.iter().zip(keyed) {
                    let ir = self.alloc();
                    self.emit_i(Instr::asbx(Op::LoadI, ir, i as i32));
                    let r = self.alloc();
                    let vt = self.ty(&el.value);
                    if matches!(el.value.kind, ExprKind::CompositeLit { ty: None, .. }) {
                        self.composite(
                            Some(el.value.id),
                            et,
                            std::slice::from_ref(&el.value)
                                .first()
                                .map(|v| match &v.kind {
                                    ExprKind::CompositeLit { elems, .. } => elems.as_slice(),
                                    _ => &[],
                                })
                                .unwrap_or(&[]),
                            r,
                        )?;
                    } else {
                        self.expr_to(&el.value, r)?;
                    }
                    let c = self.convert(r, vt, et)?;
                    self.emit(Op::SetIndex, dst, ir, c);
                    self.restore(ir);
                }
            }
            Type::Array(n, et) => {
                let z = self.zero_value(t);
                self.load_value(dst, z);
                let es = self.slots(et);
                // An element without a key goes at the index after the previous element's.
                let mut next = 0i64;
                for el in elems {
                    let ir = self.alloc();
                    if let Some(ConstValue::Int(v)) =
                        el.key.as_ref().and_then(|k| self.info.consts.get(&k.id))
                    {
                        next = *v as i64;
                    }
                    self.load_value(ir, Value::Int(next));
                    next += 1;
                    let r = self.alloc();
                    let vt = self.ty(&el.value);
                    self.expr_to(&el.value, r)?;
                    let c = self.convert(r, vt, et)?;
                    self.emit(Op::ArrSet, dst, ir, c);
                    self.ext_w(es, n as u32, 0);
                    self.restore(ir);
                }
            }
            Type::Map(kt, vt) => {
                // As gc: the constant entries first, then each other one as the assignment
                // `m[k] = v` (its calls before its reads).
                self.emit(Op::MakeMap, dst, 0, 0);
                let (stat, dynamic): (Vec<_>, Vec<_>) =
                    elems.iter().partition(|el| self.static_entry(el));
                for el in stat.into_iter().chain(dynamic) {
                    let mut calls = Vec::new();
                    let mut reads = false;
                    if self.hoisted.is_empty() {
                        for x in el.key.iter().chain([&el.value]) {
                            self.operand_calls(x, &mut calls, &mut reads);
                        }
                    }
                    let l = self.level();
                    let hoist = self.order_matters(&calls, reads);
                    if hoist {
                        self.hoisted = self.hoist_calls(&calls)?;
                    }
                    let kr = self.alloc();
                    if let Some(k) = &el.key {
                        let kty = self.ty(k);
                        self.expr_to(k, kr)?;
                        let c = self.convert(kr, kty, kt)?;
                        if c != kr {
                            self.emit(Op::Move, kr, c, 0);
                        }
                    }
                    let r = self.alloc();
                    let vty = self.ty(&el.value);
                    self.expr_to(&el.value, r)?;
                    let c = self.convert(r, vty, vt)?;
                    self.emit(Op::MapSet, dst, kr, c);
                    self.map_ext(kt, 0, 0);
                    if hoist {
                        self.hoisted.clear();
                    }
                    self.restore(l);
                }
            }
            Type::Pointer(inner) => {
                // `{...}` elided from `&T{...}` inside a literal of `[]*T`, `map[K]*T`...
                let l = self.level();
                let v = self.alloc();
                self.composite(None, inner, elems, v)?;
                self.new_cell(dst, inner, Some(v));
                self.restore(l);
            }
            _ => return Err(Diagnostic::internal(0, "composite literal of this type")),
        }
        Ok(())
    }
}

/// The struct field element `i` of a struct literal sets: by its key, else by position.
fn field_index(fields: &[crate::types::Field], el: &ast::Element, i: usize) -> usize {
    match el.key.as_ref().map(|k| &k.kind) {
        Some(ExprKind::Ident(n)) => fields.iter().position(|f| &f.name == n).unwrap_or(i),
        _ => i,
    }
}
