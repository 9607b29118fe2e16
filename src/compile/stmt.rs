//! Statements.

use super::place::Place;
use super::*;

/// Expressions that read all their operands before writing their destination, so they may be
/// compiled straight into the assigned variable's register.
fn direct_target_ok(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Binary(op, _, _) => !matches!(op, BinOp::LAnd | BinOp::LOr),
        ExprKind::Unary(op, _) => !matches!(op, UnOp::Addr | UnOp::Recv),
        ExprKind::Paren(x) => direct_target_ok(x),
        ExprKind::IntLit(_)
        | ExprKind::FloatLit(_)
        | ExprKind::StringLit(_)
        | ExprKind::RuneLit(_) => true,
        ExprKind::Ident(_) | ExprKind::Index(..) | ExprKind::Selector(..) => true,
        // A call writes its destination only after the callee returned (see `expr_to`).
        ExprKind::Call { .. } => true,
        _ => false,
    }
}

pub(super) fn strip_paren(mut e: &Expr) -> &Expr {
    while let ExprKind::Paren(x) = &e.kind {
        e = x;
    }
    e
}

/// A loop condition cheap and side-effect free enough to compile twice (at the top and at
/// the bottom of the loop): comparisons of variables, constants, fields and `len`/`cap`.
fn cheap_cond(e: &Expr) -> bool {
    fn operand(e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Paren(x) => operand(x),
            ExprKind::Ident(_)
            | ExprKind::IntLit(_)
            | ExprKind::FloatLit(_)
            | ExprKind::RuneLit(_)
            | ExprKind::StringLit(_) => true,
            ExprKind::Selector(x, _) => operand(x),
            ExprKind::Unary(UnOp::Neg, x) => operand(x),
            ExprKind::Binary(op, a, b) => {
                matches!(op, BinOp::Add | BinOp::Sub | BinOp::Mul) && operand(a) && operand(b)
            }
            ExprKind::Call { fun, args, .. } => {
                matches!(&fun.kind, ExprKind::Ident(n) if n == "len" || n == "cap")
                    && args.len() == 1
                    && operand(&args[0])
            }
            _ => false,
        }
    }
    match &e.kind {
        ExprKind::Paren(x) => cheap_cond(x),
        ExprKind::Binary(op, a, b) => {
            matches!(
                op,
                BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge | BinOp::Eq | BinOp::Ne
            ) && operand(a)
                && operand(b)
        }
        _ => false,
    }
}

/// The conditional jump taken exactly when `op` is not (for loop inversion).
fn inverse_jump(op: Op) -> Option<Op> {
    Some(match op {
        Op::JmpIf => Op::JmpIfNot,
        Op::JmpIfNot => Op::JmpIf,
        Op::JNil => Op::JNotNil,
        Op::JNotNil => Op::JNil,
        Op::JLtI => Op::JGeI,
        Op::JGeI => Op::JLtI,
        Op::JLeI => Op::JGtI,
        Op::JGtI => Op::JLeI,
        Op::JEqI => Op::JNeI,
        Op::JNeI => Op::JEqI,
        Op::JLtK => Op::JGeK,
        Op::JGeK => Op::JLtK,
        Op::JLeK => Op::JGtK,
        Op::JGtK => Op::JLeK,
        Op::JEqK => Op::JNeK,
        Op::JNeK => Op::JEqK,
        _ => return None,
    })
}

/// The channel operand of a receive case (`<-ch`, `v := <-ch`, `v, ok = <-ch`).
fn recv_operand(s: &Stmt) -> Option<&Expr> {
    let e = match &s.kind {
        StmtKind::Expr(e) => e,
        StmtKind::Assign { rhs, .. } => rhs.first()?,
        _ => return None,
    };
    let mut e = e;
    while let ExprKind::Paren(x) = &e.kind {
        e = x;
    }
    match &e.kind {
        ExprKind::Unary(UnOp::Recv, ch) => Some(ch),
        _ => None,
    }
}

impl<'a> Compiler<'a> {
    pub(super) fn block(&mut self, stmts: &[Stmt]) -> CResult<()> {
        let l = self.level();
        let saved: Vec<ObjId> = Vec::new();
        for s in stmts {
            self.stmt(s)?;
        }
        let _ = saved;
        self.restore(l);
        Ok(())
    }

    /// Declare a new local `o` of type `t`, initialised from register `src` (or zero).
    /// Declare local `o` living in register `r`, which already holds its initial value.
    fn declare_at(&mut self, o: ObjId, t: TypeId, r: u16) {
        if self.fs().escaping.contains(&o) {
            self.new_cell(r, t, Some(r));
            self.fs().locals.insert(o, Loc::Cell(r));
        } else {
            self.fs().locals.insert(o, Loc::Reg(r));
        }
    }

    pub(super) fn declare(&mut self, o: ObjId, t: TypeId, src: Option<u16>) -> CResult<()> {
        let r = self.alloc();
        if src.is_none() && self.fs().escaping.contains(&o) {
            // A new cell starts zeroed: no zero value to build and copy in.
            self.new_cell(r, t, None);
            self.fs().locals.insert(o, Loc::Cell(r));
            return Ok(());
        }
        match src {
            Some(s) => {
                if s != r {
                    self.emit(Op::Move, r, s, 0);
                }
            }
            None => {
                let z = self.zero_value(t);
                self.load_value(r, z);
            }
        }
        if self.fs().escaping.contains(&o) {
            self.new_cell(r, t, Some(r));
            self.fs().locals.insert(o, Loc::Cell(r));
        } else {
            self.fs().locals.insert(o, Loc::Reg(r));
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> CResult<()> {
        self.fs().line = self.line_of(s.span);
        self.cur_pos.set(s.span.lo);
        let l = self.level();
        match &s.kind {
            StmtKind::Empty => {}
            StmtKind::Expr(e) => {
                match &e.kind {
                    ExprKind::Call { .. } => {
                        self.call(e, 0)?;
                    }
                    _ => {
                        self.expr(e)?;
                    }
                }
                self.restore(l);
            }
            StmtKind::IncDec { x, inc } => {
                let t = self.ty(x);
                if let (Some(r), TClass::Int(k)) = (self.reg_local(x), self.class(t)) {
                    self.emit(Op::AddIK, r, r, if *inc { 1 } else { (-1i16) as u16 });
                    if k.narrow_code() != 0 {
                        self.emit(Op::Narrow, r, r, k.narrow_code());
                    }
                    return Ok(());
                }
                let p = self.place(x, false)?;
                let r = self.alloc();
                if self.map_add(&p, t) {
                    self.emit_i(Instr::asbx(Op::LoadI, r, 1));
                    self.map_add_emit(&p, r, !*inc);
                    self.restore(l);
                    return Ok(());
                }
                self.load_place(&p, r)?;
                match self.class(t) {
                    TClass::F64 | TClass::F32 => {
                        let one = self.alloc();
                        self.load_value(one, Value::from_f64(1.0));
                        self.emit(if *inc { Op::AddF } else { Op::SubF }, r, r, one);
                        if self.class(t) == TClass::F32 {
                            self.emit(Op::RoundF32, r, r, 0);
                        }
                    }
                    TClass::Int(k) => {
                        self.emit(Op::AddIK, r, r, if *inc { 1 } else { (-1i16) as u16 });
                        if k.narrow_code() != 0 {
                            self.emit(Op::Narrow, r, r, k.narrow_code());
                        }
                    }
                    _ => match self.complex_kind(t) {
                        Some(k) => {
                            let one = self.alloc();
                            let v = self.const_value(&ConstValue::Complex(1.0, 0.0), t);
                            self.load_value(one, v);
                            let op = if *inc { BinOp::Add } else { BinOp::Sub };
                            self.complex_binary(op, k, r, one, r, s.span)?;
                        }
                        None => return Err(unsupported(s.span, "++ on this type")),
                    },
                }
                self.store_place(&p, r)?;
                self.restore(l);
            }
            StmtKind::Assign { lhs, op, rhs } => {
                self.assign(lhs, *op, rhs, s)?;
            }
            StmtKind::Decl(ast::Decl::Var(specs)) => {
                for sp in specs {
                    if let Some(n) = sp.names.first() {
                        self.cur_pos.set(n.span.lo);
                    }
                    let objs: Vec<Option<ObjId>> = sp
                        .names
                        .iter()
                        .map(|n| self.info.defs.get(&n.span.lo).copied())
                        .collect();
                    if sp.values.is_empty() {
                        for o in objs.into_iter().flatten() {
                            let t = self.obj_ty(o);
                            self.declare(o, t, None)?;
                        }
                    } else if sp.values.len() == objs.len() {
                        let mut regs = Vec::new();
                        for (v, o) in sp.values.iter().zip(objs.iter()) {
                            let r = self.alloc();
                            let vt = self.ty(v);
                            self.expr_to(v, r)?;
                            let ot = o.map(|o| self.obj_ty(o)).unwrap_or(vt);
                            let c = self.convert(r, vt, ot)?;
                            regs.push(c);
                        }
                        let tmp_top = self.level();
                        let _ = tmp_top;
                        for (o, r) in objs.into_iter().zip(regs) {
                            if let Some(o) = o {
                                let t = self.obj_ty(o);
                                self.declare(o, t, Some(r))?;
                            }
                        }
                    } else {
                        let to: Vec<Option<TypeId>> =
                            objs.iter().map(|o| o.map(|o| self.obj_ty(o))).collect();
                        let regs = self.multi_to(&sp.values[0], &to)?;
                        for (o, r) in objs.into_iter().zip(regs) {
                            if let Some(o) = o {
                                let t = self.obj_ty(o);
                                self.declare(o, t, Some(r))?;
                            }
                        }
                    }
                }
                return Ok(());
            }
            StmtKind::Decl(_) => {}
            StmtKind::Return(xs) if self.fs().rf.is_some() => {
                self.range_func_return_stmt(xs)?;
            }
            StmtKind::Return(xs) => {
                let rtypes = self.fs().result_types.clone();
                if self.fs().has_defer || xs.is_empty() {
                    // Assign to the result variables, run defers, return them.
                    if !xs.is_empty() {
                        let results = self.fs().results.clone();
                        let regs = self.eval_list(xs, &rtypes)?;
                        for (i, r) in regs.into_iter().enumerate() {
                            if let Some((o, _)) = results.get(i) {
                                self.store_var(*o, r)?;
                            }
                        }
                    }
                    self.emit_return_vars()?;
                } else if xs.len() == 1 && rtypes.len() == 1 {
                    // One result: RET copies it from wherever it is (a local's own register
                    // too: the frame is gone after RET).
                    let xt = self.ty(&xs[0]);
                    let r = self.expr(&xs[0])?;
                    let r = self.convert(r, xt, rtypes[0])?;
                    self.emit(Op::Ret, r, 1, 0);
                } else {
                    let regs = self.eval_list(xs, &rtypes)?;
                    let base = self.alloc_n(regs.len() as u16);
                    for (i, r) in regs.iter().enumerate() {
                        if *r != base + i as u16 {
                            self.emit(Op::Move, base + i as u16, *r, 0);
                        }
                    }
                    self.emit(Op::Ret, base, regs.len() as u16, 0);
                }
                self.restore(l);
            }
            StmtKind::Block(b) => self.block(&b.stmts)?,
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                if let Some(i) = init {
                    self.stmt(i)?;
                }
                let j = self.jump_if_false(cond)?;
                self.block(&then.stmts)?;
                if let Some(e) = els {
                    let j2 = self.jump(Op::Jmp, 0);
                    self.patch(j);
                    self.stmt(e)?;
                    self.patch(j2);
                } else {
                    self.patch(j);
                }
                self.restore(l);
            }
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => {
                self.for_loop(None, init.as_deref(), cond.as_ref(), post.as_deref(), body)?;
                self.restore(l);
            }
            StmtKind::Range {
                key,
                value,
                define,
                x,
                body,
            } => {
                self.range(None, key.as_ref(), value.as_ref(), *define, x, body)?;
                self.restore(l);
            }
            StmtKind::Goto(lbl) => {
                let j = self.jump(Op::Jmp, 0);
                self.fs().gotos.push((j, lbl.name.clone()));
            }
            StmtKind::Labeled(lbl, inner) => match &inner.kind {
                StmtKind::For { .. } | StmtKind::Range { .. }
                    if !self.fs().labels.contains_key(&lbl.name) =>
                {
                    // A goto to a loop's label starts the loop over.
                    let here = self.pc();
                    self.fs().labels.insert(lbl.name.clone(), here);
                    self.stmt(s)?
                }
                StmtKind::For {
                    init,
                    cond,
                    post,
                    body,
                } => {
                    self.for_loop(
                        Some(lbl.name.clone()),
                        init.as_deref(),
                        cond.as_ref(),
                        post.as_deref(),
                        body,
                    )?;
                    self.restore(l);
                }
                StmtKind::Range {
                    key,
                    value,
                    define,
                    x,
                    body,
                } => {
                    self.range(
                        Some(lbl.name.clone()),
                        key.as_ref(),
                        value.as_ref(),
                        *define,
                        x,
                        body,
                    )?;
                    self.restore(l);
                }
                _ => {
                    let here = self.pc();
                    self.fs().labels.insert(lbl.name.clone(), here);
                    if matches!(
                        inner.kind,
                        StmtKind::Switch { .. }
                            | StmtKind::TypeSwitch { .. }
                            | StmtKind::Select { .. }
                    ) {
                        // `break L` leaves the labeled switch or select.
                        self.fs().switch_label = Some(lbl.name.clone());
                    }
                    self.stmt(inner)?
                }
            },
            StmtKind::Break(lbl) | StmtKind::Continue(lbl) => {
                let is_break = matches!(s.kind, StmtKind::Break(_));
                let name = lbl.as_ref().map(|l| l.name.clone());
                self.branch(name, is_break, s.span)?;
            }
            StmtKind::Switch {
                init, tag, clauses, ..
            } => {
                if let Some(i) = init {
                    self.stmt(i)?;
                }
                let tr = match tag {
                    Some(t) => Some((self.expr(t)?, self.ty(t))),
                    None => None,
                };
                let label = self.fs().switch_label.take();
                self.fs().loops.push(LoopCtx {
                    label,
                    breaks: vec![],
                    continues: vec![],
                    _level: l,
                });
                let mut ends = Vec::new();
                let mut body_jumps = Vec::new();
                // Tests.
                for (ci, c) in clauses.iter().enumerate() {
                    for e in &c.exprs {
                        let r = match tr {
                            Some((t, tt)) => {
                                let et = self.ty(e);
                                let er = self.expr(e)?;
                                let d = self.alloc();
                                let (op, a, b) = match self.class(tt) {
                                    TClass::Int(_) | TClass::Bool => (Op::EqI, t, er),
                                    TClass::Str => (Op::EqS, t, er),
                                    TClass::F64 | TClass::F32 => (Op::EqF, t, er),
                                    _ => {
                                        let a = self.convert(t, tt, et)?;
                                        let b = self.convert(er, et, tt)?;
                                        (Op::Eq, a, b)
                                    }
                                };
                                self.emit(op, d, a, b);
                                d
                            }
                            // No tag: `true`, compared with an interface-typed case.
                            None if self.class(self.ty(e)) == TClass::Iface => {
                                let et = self.ty(e);
                                let er = self.expr(e)?;
                                let t = self.alloc();
                                self.load_value(t, Value::from_bool(true));
                                let b = self.convert(t, TypeTable::BOOL, et)?;
                                let d = self.alloc();
                                self.emit(Op::Eq, d, er, b);
                                d
                            }
                            None => self.expr(e)?,
                        };
                        let j = self.jump(Op::JmpIf, r);
                        body_jumps.push((ci, j));
                    }
                }
                let default_jump = self.jump(Op::Jmp, 0);
                let mut starts = vec![0usize; clauses.len()];
                let mut fall_patches: Vec<usize> = Vec::new();
                for (ci, c) in clauses.iter().enumerate() {
                    starts[ci] = self.pc();
                    for j in fall_patches.drain(..) {
                        self.patch(j);
                    }
                    let falls =
                        matches!(c.body.last().map(|s| &s.kind), Some(StmtKind::Fallthrough));
                    self.block(&c.body)?;
                    if falls {
                        fall_patches.push(self.jump(Op::Jmp, 0));
                    } else {
                        ends.push(self.jump(Op::Jmp, 0));
                    }
                }
                for (ci, j) in body_jumps {
                    self.patch_to(j, starts[ci]);
                }
                match clauses.iter().position(|c| c.default) {
                    Some(d) => self.patch_to(default_jump, starts[d]),
                    None => self.patch(default_jump),
                }
                for j in ends.into_iter().chain(fall_patches) {
                    self.patch(j);
                }
                let lp = self.fs().loops.pop();
                if let Some(lp) = lp {
                    for j in lp.breaks {
                        self.patch(j);
                    }
                    if !lp.continues.is_empty() {
                        // `continue` inside a switch belongs to the enclosing loop.
                        if let Some(outer) = self.fs().loops.last_mut() {
                            outer.continues.extend(lp.continues);
                        }
                    }
                }
                self.restore(l);
            }
            StmtKind::Fallthrough => {}
            StmtKind::Defer(e) | StmtKind::Go(e) => {
                let is_go = matches!(s.kind, StmtKind::Go(_));
                let (fun, args) = match &e.kind {
                    ExprKind::Call { fun, args, .. } => (fun, args),
                    _ => return Err(unsupported(s.span, "this go/defer")),
                };
                if let Some(CallKind::Builtin(b, _)) = self.call_kind(e.id) {
                    // `defer close(ch)`, `defer println(...)`, `go panic(x)`: the builtin as a
                    // native function value.
                    let name = match b {
                        Builtin::Close => "builtin.close",
                        Builtin::Panic => "builtin.panic",
                        Builtin::Print => "builtin.print",
                        Builtin::Println => "builtin.println",
                        _ => return self.go_defer_builtin(e, is_go, l),
                    };
                    let id = self.native(name, s.span)?;
                    let win = self.alloc();
                    let k = self.konst(Value::Func(std::sync::Arc::new(
                        crate::vm::value::FuncVal::Native { id },
                    )));
                    self.emit_i(Instr::abx(Op::LoadK, win, k as u32));
                    for a in args {
                        let r = self.alloc();
                        let at = self.ty(a);
                        self.expr_to(a, r)?;
                        if b != Builtin::Close {
                            let c = self.convert(r, at, TypeTable::EMPTY_IFACE)?;
                            if c != r {
                                self.emit(Op::Move, r, c, 0);
                                self.restore(r + 1);
                            }
                        }
                    }
                    self.emit(
                        if is_go { Op::Go } else { Op::Defer },
                        win,
                        args.len() as u16,
                        0,
                    );
                    self.restore(l);
                    return Ok(());
                }
                let ft = self.ty(fun);
                let sig = self.tt.signature(self.tt.underlying(ft)).cloned();
                let ellipsis = matches!(&e.kind, ExprKind::Call { ellipsis: true, .. });
                let win = self.alloc();
                self.expr_to(fun, win)?;
                self.restore(win + 1);
                let nargs = self.push_args(sig.as_ref(), args, ellipsis)?;
                self.emit(if is_go { Op::Go } else { Op::Defer }, win, nargs, 0);
                self.restore(l);
            }
            StmtKind::TypeSwitch {
                init,
                bind,
                x,
                clauses,
                ..
            } => {
                if let Some(i) = init {
                    self.stmt(i)?;
                }
                self.type_switch(bind.is_some(), x, clauses)?;
                self.restore(l);
            }
            StmtKind::Select { clauses } => {
                self.select(clauses)?;
                self.restore(l);
            }
            StmtKind::Send { ch, value } => {
                let c = self.expr(ch)?;
                let et = self.chan_elem(self.ty(ch));
                let v = self.expr(value)?;
                let v = self.convert(v, self.ty(value), et)?;
                self.emit(Op::Send, c, v, 0);
                self.restore(l);
            }
        }
        Ok(())
    }

    /// `defer delete(m, k)`, `go copy(a, b)`: the arguments are evaluated now, and the call
    /// made by a function of them (gc's `deferwrap`).
    fn go_defer_builtin(&mut self, e: &Expr, is_go: bool, l: u16) -> CResult<()> {
        let (Some(CallKind::Builtin(b, targ)), ExprKind::Call { args, .. }) =
            (self.call_kind(e.id), &e.kind)
        else {
            return Err(unsupported(e.span, "go/defer of this builtin"));
        };
        if b == Builtin::Recover && !is_go {
            // A deferred call the VM makes itself (it depends on who runs it).
            let win = self.alloc();
            self.emit(Op::LoadNil, win, 0, 0);
            self.emit(Op::Defer, win, 0, 1);
            self.restore(l);
            return Ok(());
        }
        let spread = self.info.spread.get(&e.id).cloned();
        let ts: Vec<TypeId> = match &spread {
            Some(xs) => xs.iter().map(|x| self.ty(x)).collect(),
            None => args.iter().map(|a| self.ty(a)).collect(),
        };
        let f = self.builtin_thunk(e, b, targ, &ts)?;
        let win = self.alloc();
        let k = self.konst(Value::Func(std::sync::Arc::new(
            crate::vm::value::FuncVal::Go {
                func: f,
                captures: Box::new([]),
                hdr: minigo_runtime::GcHeader::new(),
            },
        )));
        self.emit_i(Instr::abx(Op::LoadK, win, k as u32));
        match spread {
            Some(xs) => {
                let base = self.multi(&args[0], xs.len())?;
                for i in 0..xs.len() as u16 {
                    let r = self.alloc();
                    self.emit(Op::Move, r, base + i, 0);
                }
            }
            None => {
                for a in args {
                    let r = self.alloc();
                    self.expr_to(a, r)?;
                }
            }
        }
        self.emit(
            if is_go { Op::Go } else { Op::Defer },
            win,
            ts.len() as u16,
            0,
        );
        self.restore(l);
        Ok(())
    }

    /// `select`: evaluate every case's channel (and value to send) in source order, run
    /// `SELECT`, then dispatch on the chosen index.
    fn select(&mut self, clauses: &[ast::CommClause]) -> CResult<()> {
        let cases: Vec<&ast::CommClause> = clauses.iter().filter(|c| c.comm.is_some()).collect();
        let has_default = clauses.iter().any(|c| c.comm.is_none());
        let res = self.alloc_n(3);
        let base = self.alloc_n(3 * cases.len() as u16);
        for (i, c) in cases.iter().enumerate() {
            let k = base + 3 * i as u16;
            let comm = c
                .comm
                .as_deref()
                .ok_or_else(|| unsupported(c.span, "select"))?;
            match &comm.kind {
                StmtKind::Send { ch, value } => {
                    self.emit_i(Instr::asbx(Op::LoadI, k, 1));
                    self.expr_to(ch, k + 1)?;
                    let et = self.chan_elem(self.ty(ch));
                    let vt = self.ty(value);
                    self.expr_to(value, k + 2)?;
                    let c2 = self.convert(k + 2, vt, et)?;
                    if c2 != k + 2 {
                        self.emit(Op::Move, k + 2, c2, 0);
                    }
                }
                _ => {
                    let rx = recv_operand(comm)
                        .ok_or_else(|| unsupported(c.span, "this select case"))?;
                    self.emit_i(Instr::asbx(Op::LoadI, k, 0));
                    self.expr_to(rx, k + 1)?;
                    self.emit(Op::LoadNil, k + 2, 0, 0);
                }
            }
            self.restore(base + 3 * cases.len() as u16);
        }
        self.emit(Op::Select, res, base, cases.len() as u16);
        self.ext(has_default as u16, 0, 0);
        let label = self.fs().switch_label.take();
        self.fs().loops.push(LoopCtx {
            label,
            breaks: vec![],
            continues: vec![],
            _level: res,
        });
        let mut ends = Vec::new();
        let idx = self.alloc();
        let t = self.alloc();
        let mut ci = 0i32;
        for c in clauses {
            let l = self.level();
            let skip = match &c.comm {
                Some(_) => {
                    self.emit_i(Instr::asbx(Op::LoadI, idx, ci));
                    self.emit(Op::EqI, t, res, idx);
                    ci += 1;
                    Some(self.jump(Op::JmpIfNot, t))
                }
                None => {
                    self.emit_i(Instr::asbx(Op::LoadI, idx, -1));
                    self.emit(Op::EqI, t, res, idx);
                    Some(self.jump(Op::JmpIfNot, t))
                }
            };
            if let Some(comm) = c.comm.as_deref() {
                if let StmtKind::Assign { lhs, op, rhs } = &comm.kind {
                    let rx = &rhs[0];
                    let rt_ = self.ty(rx);
                    // Closed channel: the zero value of the element type.
                    let z = self.zero_value(rt_);
                    let k = self.konst(z);
                    let j = self.jump(Op::JmpIf, res + 2);
                    self.emit_i(Instr::abx(Op::LoadK, res + 1, k as u32));
                    self.patch(j);
                    let define = *op == ast::AssignOp::Define;
                    for (i, x) in lhs.iter().enumerate() {
                        let r = res + 1 + i as u16;
                        if let ExprKind::Ident(n) = &x.kind {
                            if n == "_" {
                                continue;
                            }
                            if define {
                                if let Some(o) = self.info.defs.get(&x.span.lo).copied() {
                                    let ty = self.obj_ty(o);
                                    self.declare(o, ty, Some(r))?;
                                    continue;
                                }
                            }
                        }
                        let from = if i == 0 { rt_ } else { TypeTable::BOOL };
                        let r = self.convert(r, from, self.ty(x))?;
                        self.assign_to(x, r)?;
                    }
                }
            }
            self.block(&c.body)?;
            self.restore(l);
            ends.push(self.jump(Op::Jmp, 0));
            if let Some(j) = skip {
                self.patch(j);
            }
        }
        for j in ends {
            self.patch(j);
        }
        if let Some(lp) = self.fs().loops.pop() {
            for j in lp.breaks {
                self.patch(j);
            }
            if !lp.continues.is_empty() {
                if let Some(outer) = self.fs().loops.last_mut() {
                    outer.continues.extend(lp.continues);
                }
            }
        }
        Ok(())
    }

    fn type_switch(&mut self, bind: bool, x: &Expr, clauses: &[ast::CaseClause]) -> CResult<()> {
        let xe = match &x.kind {
            ExprKind::TypeAssert(inner, None) => inner.as_ref(),
            _ => x,
        };
        let xt = self.ty(xe);
        let xr = self.alloc();
        self.expr_to(xe, xr)?;
        let dt = self.alloc();
        self.emit(Op::DynType, dt, xr, 0);
        let t = self.alloc();
        let k = self.alloc();
        let mut body_jumps = Vec::new();
        for (ci, c) in clauses.iter().enumerate() {
            for e in &c.exprs {
                let is_nil = matches!(&e.kind, ExprKind::Ident(n) if n == "nil")
                    && self.ty(e) == TypeTable::UNTYPED_NIL;
                if is_nil {
                    self.emit_i(Instr::asbx(Op::LoadI, k, -1));
                    self.emit(Op::EqI, t, dt, k);
                } else {
                    let ty = self.ty(e);
                    let rt_ = self.rtype(ty);
                    if self.class(ty) == TClass::Iface {
                        self.emit(Op::Implements, t, xr, rt_ as u16);
                    } else {
                        self.emit_i(Instr::asbx(Op::LoadI, k, rt_ as i32));
                        self.emit(Op::EqI, t, dt, k);
                    }
                }
                body_jumps.push((ci, self.jump(Op::JmpIf, t)));
            }
        }
        let default_jump = self.jump(Op::Jmp, 0);
        let mut starts = vec![0usize; clauses.len()];
        let mut ends = Vec::new();
        let label = self.fs().switch_label.take();
        self.fs().loops.push(LoopCtx {
            label,
            breaks: vec![],
            continues: vec![],
            _level: xr,
        });
        for (ci, c) in clauses.iter().enumerate() {
            starts[ci] = self.pc();
            let l = self.level();
            if bind {
                if let Some(o) = self.info.implicits.get(&c.span.lo).copied() {
                    let ot = self.obj_ty(o);
                    let v = self.alloc();
                    if self.class(ot) == TClass::Iface || ot == xt {
                        self.emit(Op::Move, v, xr, 0);
                    } else {
                        let rt_ = self.rtype(ot);
                        let st = self.rtype(xt);
                        self.emit(Op::Assert, v, xr, rt_ as u16);
                        self.ext(0, st as u16, 0);
                    }
                    self.declare(o, ot, Some(v))?;
                }
            }
            self.block(&c.body)?;
            self.restore(l);
            ends.push(self.jump(Op::Jmp, 0));
        }
        for (ci, j) in body_jumps {
            self.patch_to(j, starts[ci]);
        }
        match clauses.iter().position(|c| c.default) {
            Some(d) => self.patch_to(default_jump, starts[d]),
            None => self.patch(default_jump),
        }
        for j in ends {
            self.patch(j);
        }
        if let Some(lp) = self.fs().loops.pop() {
            for j in lp.breaks {
                self.patch(j);
            }
            if !lp.continues.is_empty() {
                if let Some(outer) = self.fs().loops.last_mut() {
                    outer.continues.extend(lp.continues);
                }
            }
        }
        Ok(())
    }

    /// The register of a plain register-allocated local named by `x`.
    pub(super) fn reg_local(&mut self, x: &Expr) -> Option<u16> {
        match &x.kind {
            ExprKind::Ident(n) if n != "_" => {
                let o = self.info.uses.get(&x.span.lo).copied()?;
                match self.fs().locals.get(&o) {
                    Some(Loc::Reg(r)) => Some(*r),
                    _ => None,
                }
            }
            ExprKind::Paren(y) => self.reg_local(y),
            _ => None,
        }
    }

    /// Emit a conditional jump taken when `cond` is false (patched later). Signed integer
    /// comparisons fuse into one compare-and-jump.
    /// Whether `e` is the predeclared `nil`.
    fn is_nil(&self, e: &Expr) -> bool {
        let mut e = e;
        while let ExprKind::Paren(x) = &e.kind {
            e = x;
        }
        matches!(&e.kind, ExprKind::Ident(n) if n == "nil")
            && self
                .info
                .uses
                .get(&e.span.lo)
                .is_some_and(|o| matches!(self.info.object(*o).kind, ObjKind::Nil))
    }

    pub(super) fn jump_if_false(&mut self, cond: &Expr) -> CResult<usize> {
        let mut c = cond;
        while let ExprKind::Paren(x) = &c.kind {
            c = x;
        }
        if !self.info.consts.contains_key(&c.id) {
            if let ExprKind::Binary(op, a, b) = &c.kind {
                // The fused compare-and-branch forms evaluate a then b: not for operands whose
                // calls gc makes before the reads (`x == f()`), nor for mixed comparisons of an
                // interface with a concrete value.
                let mut calls = Vec::new();
                let mut reads = false;
                self.operand_calls(a, &mut calls, &mut reads);
                self.operand_calls(b, &mut calls, &mut reads);
                let same_class = self.class(self.ty(a)) == self.class(self.ty(b))
                    || self.is_nil(a)
                    || self.is_nil(b);
                if self.order_matters(&calls, reads) || !same_class {
                    return self.jump_if_false_value(cond);
                }
                // `x == nil` / `x != nil` of a pointer, map, channel or function: a nil test
                // (these are nil exactly when the register holds Value::Nil).
                if matches!(op, BinOp::Eq | BinOp::Ne) {
                    let x = if self.is_nil(b) {
                        Some((a, self.ty(a)))
                    } else if self.is_nil(a) {
                        Some((b, self.ty(b)))
                    } else {
                        None
                    };
                    if let Some((x, xt)) = x {
                        if matches!(
                            self.class(xt),
                            TClass::Ptr | TClass::Map | TClass::Chan | TClass::Func
                        ) {
                            let l = self.level();
                            let r = self.expr(x)?;
                            let jop = if *op == BinOp::Eq {
                                Op::JNotNil
                            } else {
                                Op::JNil
                            };
                            let j = self.jump(jop, r);
                            self.restore(l);
                            return Ok(j);
                        }
                    }
                }
                let at = self.ty(a);
                let cls = self.class(at);
                // Equality of integer/bool words (any signedness).
                if matches!(cls, TClass::Int(_) | TClass::Bool)
                    && matches!(op, BinOp::Eq | BinOp::Ne)
                {
                    let l = self.level();
                    let ar = self.expr(a)?;
                    let j = if let Some(ConstValue::Int(k)) = self.info.consts.get(&b.id).cloned() {
                        let kc = self.konst(Value::Int(k as i64));
                        self.emit(
                            if *op == BinOp::Eq { Op::JNeK } else { Op::JEqK },
                            ar,
                            kc,
                            0,
                        )
                    } else {
                        let br = self.expr(b)?;
                        self.emit(
                            if *op == BinOp::Eq { Op::JNeI } else { Op::JEqI },
                            ar,
                            br,
                            0,
                        )
                    };
                    self.restore(l);
                    return Ok(j);
                }
                if let TClass::Int(k) = cls {
                    if k.signed() {
                        if let Some(ConstValue::Int(kv)) = self.info.consts.get(&b.id).cloned() {
                            let jop = match op {
                                BinOp::Lt => Some(Op::JGeK),
                                BinOp::Le => Some(Op::JGtK),
                                BinOp::Gt => Some(Op::JLeK),
                                BinOp::Ge => Some(Op::JLtK),
                                _ => None,
                            };
                            if let Some(jop) = jop {
                                let l = self.level();
                                let ar = self.expr(a)?;
                                let kc = self.konst(Value::Int(kv as i64));
                                let j = self.emit(jop, ar, kc, 0);
                                self.restore(l);
                                return Ok(j);
                            }
                        }
                        let inv = match op {
                            BinOp::Lt => Some((Op::JGeI, false)),
                            BinOp::Le => Some((Op::JGtI, false)),
                            BinOp::Gt => Some((Op::JLeI, false)),
                            BinOp::Ge => Some((Op::JLtI, false)),
                            _ => None,
                        };
                        if let Some((jop, _)) = inv {
                            let l = self.level();
                            let ar = self.expr(a)?;
                            let br = self.expr(b)?;
                            let j = self.emit(jop, ar, br, 0);
                            self.restore(l);
                            return Ok(j);
                        }
                    }
                }
            }
        }
        self.jump_if_false_value(cond)
    }

    fn jump_if_false_value(&mut self, cond: &Expr) -> CResult<usize> {
        let l = self.level();
        let r = self.expr(cond)?;
        let j = self.jump(Op::JmpIfNot, r);
        self.restore(l);
        Ok(j)
    }

    pub(super) fn eval_list(&mut self, xs: &[Expr], types: &[TypeId]) -> CResult<Vec<u16>> {
        if xs.len() == 1 && types.len() > 1 {
            let to: Vec<Option<TypeId>> = types.iter().map(|t| Some(*t)).collect();
            return self.multi_to(&xs[0], &to);
        }
        let mut regs = Vec::new();
        for (i, x) in xs.iter().enumerate() {
            let r = self.alloc();
            let xt = self.ty(x);
            self.expr_to(x, r)?;
            let c = self.convert(r, xt, types.get(i).copied().unwrap_or(xt))?;
            regs.push(c);
        }
        Ok(regs)
    }

    /// An assignment in gc's order: when its right-hand side or the operands of its
    /// left-hand side make calls and also read variables or memory, the calls are made first
    /// (left to right) and the reads after them.
    fn assign(&mut self, lhs: &[Expr], op: ast::AssignOp, rhs: &[Expr], s: &Stmt) -> CResult<()> {
        if !self.hoisted.is_empty() {
            return self.assign_ordered(lhs, op, rhs, s);
        }
        let mut calls = Vec::new();
        let mut reads = false;
        for x in lhs {
            if !matches!(strip_paren(x).kind, ExprKind::Ident(_)) {
                self.operand_calls(x, &mut calls, &mut reads);
            }
        }
        // A multi-valued right-hand side (`a, b = f()`, `v, ok = m[k]`) is evaluated where
        // it stands, after the operands on the left.
        if !(rhs.len() == 1 && lhs.len() > 1) {
            for x in rhs {
                self.operand_calls(x, &mut calls, &mut reads);
            }
        }
        if !self.order_matters(&calls, reads) {
            return self.assign_ordered(lhs, op, rhs, s);
        }
        let l = self.level();
        self.hoisted = self.hoist_calls(&calls)?;
        let r = self.assign_ordered(lhs, op, rhs, s);
        self.hoisted.clear();
        if op != ast::AssignOp::Define {
            self.restore(l);
        }
        r
    }

    fn assign_ordered(
        &mut self,
        lhs: &[Expr],
        op: ast::AssignOp,
        rhs: &[Expr],
        s: &Stmt,
    ) -> CResult<()> {
        let l = self.level();
        match op {
            ast::AssignOp::Op(bop) if self.reg_local(&lhs[0]).is_some() => {
                let r = self.reg_local(&lhs[0]).unwrap_or(0);
                let xt = self.ty(&lhs[0]);
                let yr = self.expr(&rhs[0])?;
                let yr = match bop {
                    BinOp::Shl | BinOp::Shr => self.shift_count(Op::Shl, yr, self.ty(&rhs[0])),
                    _ => yr as u32,
                };
                self.binop_regs(bop, xt, r, yr, r, s.span)?;
            }
            ast::AssignOp::Assign
                if lhs.len() == 1
                    && rhs.len() == 1
                    && self.reg_local(&lhs[0]).is_some()
                    && direct_target_ok(&rhs[0])
                    && self.ty(&lhs[0]) == self.ty(&rhs[0]) =>
            {
                let r = self.reg_local(&lhs[0]).unwrap_or(0);
                self.expr_to(&rhs[0], r)?;
            }
            ast::AssignOp::Op(bop) => {
                // `x op= y`: x's operands once, then y, then x's value (gc reads the variable
                // after the right operand's calls), the operation and the store.
                let xt = self.ty(&lhs[0]);
                let p = self.place_rmw(&lhs[0])?;
                let yr = self.expr(&rhs[0])?;
                let yr = match bop {
                    BinOp::Shl | BinOp::Shr => self.shift_count(Op::Shl, yr, self.ty(&rhs[0])),
                    _ => yr as u32,
                };
                let sub = bop == BinOp::Sub;
                if matches!(bop, BinOp::Add | BinOp::Sub) && self.map_add(&p, xt) {
                    self.map_add_emit(&p, yr as u16, sub);
                    return Ok(());
                }
                let xr = self.alloc();
                self.load_place(&p, xr)?;
                self.binop_regs(bop, xt, xr, yr, xr, s.span)?;
                self.store_place(&p, xr)?;
            }
            ast::AssignOp::Define | ast::AssignOp::Assign => {
                let define = op == ast::AssignOp::Define;
                let types: Vec<TypeId> = lhs.iter().map(|x| self.ty(x)).collect();
                // Go evaluates the operands of index expressions on the left first (phase 1),
                // then the right-hand side, then assigns left to right.
                let mut places: Vec<Option<Place>> = Vec::new();
                if !define {
                    let pin = lhs.len() > 1;
                    for x in lhs {
                        places.push(Some(self.place(x, pin)?));
                    }
                }
                let regs = if rhs.len() == 1 && lhs.len() > 1 {
                    // `a, b = f()`, `v, ok = m[k]`: each value converted to its target's
                    // type (an interface variable boxes it).
                    let to: Vec<Option<TypeId>> = lhs
                        .iter()
                        .enumerate()
                        .map(|(i, x)| {
                            if matches!(&x.kind, ExprKind::Ident(n) if n == "_") {
                                None
                            } else if define {
                                self.info
                                    .defs
                                    .get(&x.span.lo)
                                    .or(self.info.uses.get(&x.span.lo))
                                    .map(|o| self.obj_ty(*o))
                            } else {
                                types.get(i).copied()
                            }
                        })
                        .collect();
                    self.multi_to(&rhs[0], &to)?
                } else {
                    let mut v = Vec::new();
                    for (i, x) in rhs.iter().enumerate() {
                        let r = self.alloc();
                        let xt = self.ty(x);
                        self.expr_to(x, r)?;
                        let lt = if define {
                            lhs.get(i)
                                .and_then(|l| {
                                    self.info
                                        .defs
                                        .get(&l.span.lo)
                                        .or(self.info.uses.get(&l.span.lo))
                                })
                                .map(|o| self.obj_ty(*o))
                                .unwrap_or(xt)
                        } else {
                            types.get(i).copied().unwrap_or(xt)
                        };
                        let c = self.convert(r, xt, lt)?;
                        v.push(c);
                    }
                    v
                };
                // `:=` whose values sit in fresh temporaries: the new locals take those
                // registers (no copy).
                if define && regs.iter().all(|r| *r >= l) {
                    let top = regs.iter().copied().max().unwrap_or(l);
                    for (x, r) in lhs.iter().zip(regs.iter().copied()) {
                        match self.info.defs.get(&x.span.lo).copied() {
                            Some(o) if !matches!(&x.kind, ExprKind::Ident(n) if n == "_") => {
                                let t = self.obj_ty(o);
                                self.declare_at(o, t, r);
                            }
                            _ => {
                                if !matches!(&x.kind, ExprKind::Ident(n) if n == "_") {
                                    self.assign_to(x, r)?;
                                }
                            }
                        }
                    }
                    self.restore(top + 1);
                    return Ok(());
                }
                if !define {
                    for ((p, r), x) in places.iter().flatten().zip(regs).zip(lhs) {
                        self.store_at(x, p, r)?;
                    }
                    self.restore(l);
                    return Ok(());
                }
                for (x, r) in lhs.iter().zip(regs) {
                    if let ExprKind::Ident(n) = &x.kind {
                        if n == "_" {
                            continue;
                        }
                        if define {
                            if let Some(o) = self.info.defs.get(&x.span.lo).copied() {
                                let t = self.obj_ty(o);
                                // Keep the value register alive below the new local.
                                self.declare(o, t, Some(r))?;
                                continue;
                            }
                        }
                    }
                    self.assign_to(x, r)?;
                }
                if define {
                    // Locals declared here stay allocated until the block ends.
                    return Ok(());
                }
            }
        }
        self.restore(l);
        Ok(())
    }

    /// Evaluate the multi-valued `e` (a call or comma-ok form), each value converted to its
    /// target type in `to` (None: kept as is): an interface target boxes it.
    pub(super) fn multi_to(&mut self, e: &Expr, to: &[Option<TypeId>]) -> CResult<Vec<u16>> {
        let rt = self.ty(e);
        let from: Vec<TypeId> = match self.tt.under(rt) {
            Type::Tuple(ts) => ts.clone(),
            _ => vec![rt, TypeTable::BOOL],
        };
        let base = self.multi(e, to.len())?;
        let mut v = Vec::new();
        for (i, t) in to.iter().enumerate() {
            let r = base + i as u16;
            let f = from.get(i).copied().unwrap_or(rt);
            v.push(match t {
                Some(t) => self.convert(r, f, *t)?,
                None => r,
            });
        }
        Ok(v)
    }

    pub(super) fn binop_regs(
        &mut self,
        op: BinOp,
        t: TypeId,
        x: u16,
        y: u32,
        dst: u16,
        span: ast::Span,
    ) -> CResult<()> {
        use TClass::*;
        if let Some(k) = self.complex_kind(t) {
            if matches!(op, BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div) {
                return self.complex_binary(op, k, x, y as u16, dst, span);
            }
        }
        let opc = match (op, self.class(t)) {
            (BinOp::Add, Int(_)) => Op::AddI,
            (BinOp::Sub, Int(_)) => Op::SubI,
            (BinOp::Mul, Int(_)) => Op::MulI,
            (BinOp::Div, Int(k)) => {
                if k.signed() {
                    Op::DivI
                } else {
                    Op::DivU
                }
            }
            (BinOp::Rem, Int(k)) => {
                if k.signed() {
                    Op::RemI
                } else {
                    Op::RemU
                }
            }
            (BinOp::And, Int(_)) => Op::And,
            (BinOp::Or, Int(_)) => Op::Or,
            (BinOp::Xor, Int(_)) => Op::Xor,
            (BinOp::AndNot, Int(_)) => Op::AndNot,
            (BinOp::Shl, Int(_)) => Op::Shl,
            (BinOp::Shr, Int(k)) => {
                if k.signed() {
                    Op::ShrI
                } else {
                    Op::ShrU
                }
            }
            (BinOp::Add, F64 | F32) => Op::AddF,
            (BinOp::Sub, F64 | F32) => Op::SubF,
            (BinOp::Mul, F64 | F32) => Op::MulF,
            (BinOp::Div, F64 | F32) => Op::DivF,
            (BinOp::Add, Str) => Op::Concat,
            _ => return Err(unsupported(span, "this assignment operator")),
        };
        self.emit_w(opc, dst, x as u32, y);
        match self.class(t) {
            Int(k) if k.narrow_code() != 0 => {
                self.emit(Op::Narrow, dst, dst, k.narrow_code());
            }
            F32 => {
                self.emit(Op::RoundF32, dst, dst, 0);
            }
            _ => {}
        }
        Ok(())
    }

    /// Store register `r` into the addressable expression `x`.
    pub(super) fn assign_to(&mut self, x: &Expr, r: u16) -> CResult<()> {
        let l = self.level();
        let p = self.place(x, false)?;
        self.store_at(x, &p, r)?;
        self.restore(l.max(r + 1));
        Ok(())
    }

    /// Can `p op= v` (op + or -) on a value of type `t` be one map update (`MAPADDI`): a map
    /// entry of a 64-bit integer type (no narrowing after the addition).
    fn map_add(&self, p: &Place, t: TypeId) -> bool {
        matches!(p, Place::Map { .. })
            && matches!(self.class(t), TClass::Int(k) if k.narrow_code() == 0)
    }

    /// `MAPADDI` of the map place `p` with the delta in register `d`.
    fn map_add_emit(&mut self, p: &Place, d: u16, sub: bool) {
        if let Place::Map { m, k, kt, .. } = p {
            self.emit(Op::MapAddI, *m, *k, d);
            self.map_ext(*kt, 0, sub as u16);
        }
    }

    /// Store register `r` into place `p` of `x`, the store at `x`'s line as Go positions it
    /// (the `[` of an index expression).
    fn store_at(&mut self, x: &Expr, p: &Place, r: u16) -> CResult<()> {
        let saved = self.fs().line;
        self.fs().line = self.op_line(x);
        let res = self.store_place(p, r);
        self.fs().line = saved;
        res
    }

    /// `break`/`continue` (to the loop labelled `name`, or the innermost). In a
    /// range-over-func body, one to a loop outside the body leaves the body through its
    /// enclosing frame (see `rangefunc`).
    pub(super) fn branch(
        &mut self,
        name: Option<String>,
        is_break: bool,
        span: ast::Span,
    ) -> CResult<()> {
        let found = {
            let fs = self.fs();
            match &name {
                Some(n) => fs.loops.iter().any(|lp| lp.label.as_deref() == Some(n)),
                None => !fs.loops.is_empty(),
            }
        };
        if !found {
            if let (Some(n), true) = (&name, self.fs().rf.is_some()) {
                return self.range_func_exit(n.clone(), is_break);
            }
            return Err(unsupported(span, "break/continue outside a loop"));
        }
        let j = self.jump(Op::Jmp, 0);
        let fs = self.fs();
        let lp = match &name {
            Some(n) => fs
                .loops
                .iter_mut()
                .rev()
                .find(|lp| lp.label.as_deref() == Some(n)),
            None => fs.loops.last_mut(),
        };
        if let Some(lp) = lp {
            if is_break {
                lp.breaks.push(j)
            } else {
                lp.continues.push(j)
            }
        }
        Ok(())
    }

    pub(super) fn loop_begin(&mut self, label: Option<String>) {
        let l = self.level();
        self.fs().loops.push(LoopCtx {
            label,
            breaks: vec![],
            continues: vec![],
            _level: l,
        });
    }

    pub(super) fn loop_end(&mut self, continue_target: usize) {
        if let Some(lp) = self.fs().loops.pop() {
            for j in lp.continues {
                self.patch_to(j, continue_target);
            }
            for j in lp.breaks {
                self.patch(j);
            }
        }
    }

    fn for_loop(
        &mut self,
        label: Option<String>,
        init: Option<&Stmt>,
        cond: Option<&Expr>,
        post: Option<&Stmt>,
        body: &ast::Block,
    ) -> CResult<()> {
        if let Some(i) = init {
            self.stmt(i)?;
        }
        // Loop variables declared by init that live in cells get a fresh cell per iteration.
        let mut percell = Vec::new();
        if let Some(Stmt {
            kind:
                StmtKind::Assign {
                    lhs,
                    op: ast::AssignOp::Define,
                    ..
                },
            ..
        }) = init
        {
            for x in lhs {
                if let Some(o) = self.info.defs.get(&x.span.lo).copied() {
                    if let Some(Loc::Cell(r)) = self.fs().locals.get(&o).copied() {
                        percell.push((o, r));
                    }
                }
            }
        }
        // A cheap condition is tested at the bottom as well (loop inversion): one conditional
        // back jump per iteration instead of a JMP to the top plus the test there.
        let invert = cond.is_some_and(cheap_cond);
        let top = self.pc();
        let exit = match cond {
            Some(c) => Some(self.jump_if_false(c)?),
            None => None,
        };
        let body_start = self.pc();
        self.loop_begin(label);
        self.block(&body.stmts)?;
        let cont = self.pc();
        for (o, r) in &percell {
            let t = self.obj_ty(*o);
            let n = self.slots(t);
            let tmp = self.alloc();
            self.emit_w(Op::Load, tmp, u32::from(*r), n);
            self.new_cell(*r, t, Some(tmp));
            self.restore(tmp);
        }
        if let Some(p) = post {
            self.stmt(p)?;
        }
        match cond {
            Some(c) if invert => {
                let j = self.jump_if_false(c)?;
                let ins = self.fs().code[j];
                let Some(op) = inverse_jump(ins.op) else {
                    return Err(unsupported(c.span, "this loop condition"));
                };
                self.fs().code[j].op = op;
                self.patch_to(j, body_start);
            }
            _ => self.jump_back(top),
        }
        if let Some(e) = exit {
            self.patch(e);
        }
        self.loop_end(cont);
        Ok(())
    }

    fn range(
        &mut self,
        label: Option<String>,
        key: Option<&Expr>,
        value: Option<&Expr>,
        define: bool,
        x: &Expr,
        body: &ast::Block,
    ) -> CResult<()> {
        // A blank value variable reads no element (`for i, _ := range nilArrayPtr` is fine).
        let value =
            value.filter(|v| !matches!(&strip_paren(v).kind, ExprKind::Ident(n) if n == "_"));
        let xt = self.ty(x);
        let xr = self.alloc();
        self.expr_to(x, xr)?;
        let mut cls = self.class(xt);
        // Range over a pointer to an array: like the array, elements read through the pointer.
        let parr = match self.tt.pointer_elem(xt).map(|at| self.tt.under(at).clone()) {
            Some(Type::Array(len, et)) if cls == TClass::Ptr => Some((len, et)),
            _ => None,
        };
        if parr.is_some() {
            cls = TClass::Array;
        }
        let bind = |c: &mut Self, e: Option<&Expr>, r: u16| -> CResult<()> {
            if let Some(e) = e {
                if define {
                    if let Some(o) = c.info.defs.get(&e.span.lo).copied() {
                        let t = c.obj_ty(o);
                        return c.declare(o, t, Some(r));
                    }
                    Ok(())
                } else {
                    c.assign_to(e, r)
                }
            } else {
                Ok(())
            }
        };
        // `for k, v = range x`: both left operands are evaluated before either is assigned
        // (`for i, a[i] = range s` indexes with the old i).
        let bind2 = |c: &mut Self, kr: u16, vr: u16| -> CResult<()> {
            match (key, value) {
                (Some(k), Some(v)) if !define => {
                    let l = c.level();
                    let pk = c.place(k, true)?;
                    let pv = c.place(v, true)?;
                    c.store_place(&pk, kr)?;
                    c.store_place(&pv, vr)?;
                    c.restore(l);
                    Ok(())
                }
                _ => {
                    bind(c, key, kr)?;
                    bind(c, value, vr)
                }
            }
        };
        match cls {
            TClass::Int(_) | TClass::Slice | TClass::Str | TClass::Array => {
                let n = self.alloc();
                match cls {
                    TClass::Int(_) => {
                        self.emit(Op::Move, n, xr, 0);
                    }
                    TClass::Str => {
                        self.emit(Op::StrLen, n, xr, 0);
                    }
                    TClass::Array => {
                        let len = match (parr, self.tt.under(xt)) {
                            (Some((len, _)), _) => len,
                            (_, Type::Array(len, _)) => *len,
                            _ => 0,
                        };
                        self.emit_i(Instr::asbx(Op::LoadI, n, len as i32));
                    }
                    _ => {
                        self.emit(Op::Len, n, xr, 0);
                    }
                }
                let i = self.alloc();
                self.emit_i(Instr::asbx(Op::LoadI, i, 0));
                let w = self.alloc_n(2);
                let top = self.pc();
                let exit = self.emit(Op::JGeI, i, n, 0);
                self.loop_begin(label);
                let l = self.level();
                // Per-iteration variables.
                match cls {
                    TClass::Str => {
                        self.emit(Op::StrNext, w, xr, i);
                        bind2(self, i, w)?;
                    }
                    TClass::Slice => {
                        if value.is_some() {
                            self.emit(Op::Index, w, xr, i);
                        }
                        bind2(self, i, w)?;
                    }
                    TClass::Array if parr.is_some() => {
                        if value.is_some() {
                            let (len, et) = parr.unwrap_or((0, xt));
                            let es = self.slots(et);
                            let p = self.alloc();
                            self.emit(Op::ArrPtrIdx, p, xr, i);
                            self.ext_w(es, len as u32, 0);
                            self.emit_w(Op::Load, w, u32::from(p), es);
                        }
                        bind2(self, i, w)?;
                    }
                    TClass::Array => {
                        if value.is_some() {
                            let (len, et) = match self.tt.under(xt) {
                                Type::Array(len, et) => (*len, *et),
                                _ => (0, xt),
                            };
                            let es = self.slots(et);
                            self.emit(Op::ArrIndex, w, xr, i);
                            self.ext_w(es, len as u32, 0);
                        }
                        bind2(self, i, w)?;
                    }
                    _ => {
                        bind(self, key, i)?;
                    }
                }
                self.block(&body.stmts)?;
                self.restore(l);
                let cont = self.pc();
                if cls == TClass::Str {
                    self.emit(Op::AddI, i, i, w + 1);
                } else {
                    self.emit(Op::AddIK, i, i, 1);
                }
                self.jump_back(top);
                self.patch(exit);
                self.loop_end(cont);
            }
            TClass::Map => {
                let it = self.alloc();
                self.emit(Op::MapIter, it, xr, 0);
                let kv = self.alloc_n(2);
                let top = self.pc();
                let exit = self.emit(Op::MapNext, kv, it, 0);
                self.loop_begin(label);
                let l = self.level();
                bind2(self, kv, kv + 1)?;
                self.block(&body.stmts)?;
                self.restore(l);
                self.jump_back(top);
                self.patch(exit);
                self.loop_end(top);
            }
            TClass::Chan => {
                let v = self.alloc_n(2);
                let top = self.pc();
                self.emit(Op::Recv, v, xr, 1);
                let exit = self.jump(Op::JmpIfNot, v + 1);
                self.loop_begin(label);
                let l = self.level();
                bind(self, key, v)?;
                self.block(&body.stmts)?;
                self.restore(l);
                self.jump_back(top);
                self.patch(exit);
                self.loop_end(top);
            }
            TClass::Func => {
                self.range_func(label, key, value, define, x, xr, body)?;
            }
            _ => return Err(unsupported(x.span, "range over this type")),
        }
        Ok(())
    }
}
