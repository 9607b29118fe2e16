//! Range over functions (`for k, v := range seq`, Go 1.23): the loop body becomes a closure
//! (Go's `main.f-range1`) passed to the iterator as its `yield`.
//!
//! Inside the body closure, `continue` returns true and `break` returns false; `return` stores
//! the results in cells of the enclosing frame, sets a state cell (2: return these values,
//! 3: bare return of the named results) and returns false. After the iterator returns, the
//! enclosing frame checks the state and returns — or, if it is itself a range-over-func body,
//! hands the state and results on to its own enclosing frame. `defer` in the body and
//! `break`/`continue`/`goto` to a label outside the body are not supported.

use super::*;

/// The enclosing-frame variables a range-over-func body reports through.
#[derive(Clone, Debug)]
pub(super) struct RangeFuncCtx {
    /// State cell: 0 running, 2 return with the values in `res`, 3 bare return.
    pub state: ObjId,
    /// One cell per result of the real enclosing function.
    pub res: Vec<ObjId>,
    /// Result types of the real enclosing function.
    pub real_results: Vec<TypeId>,
    /// `break L` / `continue L` to loops outside the body, in the order met: the body
    /// leaves with state `4 + 2i` (break) or `5 + 2i` (continue) for entry `i`.
    pub exits: Vec<(String, bool)>,
}

impl<'a> Compiler<'a> {
    /// A compiler-made variable of type `t` living in a fresh cell in register `r`.
    fn synth_cell(&mut self, t: TypeId) -> ObjId {
        let o = ObjId(self.next_synth);
        self.next_synth -= 1;
        self.synth_types.insert(o, t);
        let r = self.alloc();
        self.new_cell(r, t, None);
        self.fs().locals.insert(o, Loc::Cell(r));
        o
    }

    /// `for key, value := range x` where `x` (already in register `xr`) is an iterator
    /// function of type `xt`.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn range_func(
        &mut self,
        label: Option<String>,
        key: Option<&Expr>,
        value: Option<&Expr>,
        define: bool,
        x: &Expr,
        xr: u16,
        body: &ast::Block,
    ) -> CResult<()> {
        let xt = self.ty(x);
        let ysig = self
            .tt
            .signature(self.tt.underlying(xt))
            .and_then(|s| s.params.first().copied())
            .and_then(|y| self.tt.signature(self.tt.underlying(y)).cloned())
            .ok_or_else(|| unsupported(x.span, "range over this function"))?;
        if escapes::has_defer(body) {
            return Err(unsupported(
                body.lbrace,
                "defer in the body of a range-over-func loop",
            ));
        }
        // The frame's state and result cells.
        let real_results = match &self.fs().rf {
            Some(rf) => rf.real_results.clone(),
            None => self.fs().result_types.clone(),
        };
        let state = self.synth_cell(TypeTable::INT);
        let res: Vec<ObjId> = real_results.iter().map(|&t| self.synth_cell(t)).collect();
        // Captures: every variable of this frame the body (or an assigned key/value) uses.
        let mut used = HashSet::new();
        escapes::idents(body, self.info, self.tt, self.subst, &mut used);
        if !define {
            for e in key.iter().chain(value.iter()) {
                escapes::expr_idents(e, self.info, self.tt, self.subst, &mut used);
            }
        }
        let mut caps: Vec<ObjId> = used
            .into_iter()
            .filter(|o| self.fs().locals.contains_key(o) && !self.globals.contains_key(o))
            .collect();
        caps.sort();
        caps.push(state);
        caps.extend(res.iter().copied());
        let outer_name = self.fs().name.clone();
        self.fs().nclosures += 1;
        let n = self.fs().nclosures;
        let name = format!("{outer_name}-range{n}");
        let idx = self.prog.funcs.len() as u32;
        self.prog.funcs.push(Func {
            name: name.clone(),
            ..Default::default()
        });
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
                    let ty = self.var_type(*o);
                    let r = self.alloc();
                    self.load_var(*o, r)?;
                    self.new_cell(base + i as u16, ty, Some(r));
                }
            }
        }
        // The body closure.
        let line = self.line_of(body.lbrace);
        let mut fs = self.new_fs(name, line);
        escapes::block(body, self.info, self.tt, self.subst, &mut fs.escaping);
        fs.stack_slices = escapes::stack_slices(body, self.info, self.tt, self.subst);
        fs.rf = Some(RangeFuncCtx {
            state,
            res: res.clone(),
            real_results,
            exits: Vec::new(),
        });
        let saved = self.fs.replace(fs);
        let r = self.range_func_body(idx, &caps, &ysig, key, value, define, label, body);
        self.fs = saved;
        let exits = r?;
        let clos = self.alloc();
        self.emit(Op::Closure, clos, idx as u16, base);
        self.ext(caps.len() as u16, 0, 0);
        // Call the iterator with the body as yield.
        let win = self.alloc();
        self.emit(Op::Move, win, xr, 0);
        let a = self.alloc();
        self.emit(Op::Move, a, clos, 0);
        self.emit(Op::Call, win, 1, 0);
        self.restore(win);
        // A `return` in the body.
        let l = self.level();
        let sr = self.alloc();
        self.load_var(state, sr)?;
        for code in [2, 3] {
            let k = self.alloc();
            self.emit_i(Instr::asbx(Op::LoadI, k, code));
            let c = self.alloc();
            self.emit(Op::EqI, c, sr, k);
            let j = self.jump(Op::JmpIfNot, c);
            self.range_func_return(code, &res)?;
            self.patch(j);
            self.restore(k);
        }
        // A `break`/`continue` to a loop outside the body.
        for (i, (name, is_break)) in exits.into_iter().enumerate() {
            let k = self.alloc();
            let code = 4 + 2 * i as i32 + (!is_break) as i32;
            self.emit_i(Instr::asbx(Op::LoadI, k, code));
            let c = self.alloc();
            self.emit(Op::EqI, c, sr, k);
            let j = self.jump(Op::JmpIfNot, c);
            self.branch(Some(name), is_break, body.lbrace)?;
            self.patch(j);
            self.restore(k);
        }
        self.restore(l);
        Ok(())
    }

    /// `break name` / `continue name` to a loop outside this range-over-func body.
    pub(super) fn range_func_exit(&mut self, name: String, is_break: bool) -> CResult<()> {
        let Some(rf) = self.fs().rf.as_mut() else {
            return Ok(());
        };
        let i = match rf.exits.iter().position(|e| *e == (name.clone(), is_break)) {
            Some(i) => i,
            None => {
                rf.exits.push((name, is_break));
                rf.exits.len() - 1
            }
        };
        let state = rf.state;
        let code = 4 + 2 * i as i32 + (!is_break) as i32;
        let l = self.level();
        let k = self.alloc();
        self.emit_i(Instr::asbx(Op::LoadI, k, code));
        self.store_var(state, k)?;
        self.load_value(k, Value::from_bool(false));
        self.emit(Op::Ret, k, 1, 0);
        self.restore(l);
        Ok(())
    }

    /// Compile the body closure into `prog.funcs[idx]` (the current function state is the
    /// closure's).
    #[allow(clippy::too_many_arguments)]
    fn range_func_body(
        &mut self,
        idx: u32,
        caps: &[ObjId],
        ysig: &crate::types::Signature,
        key: Option<&Expr>,
        value: Option<&Expr>,
        define: bool,
        label: Option<String>,
        body: &ast::Block,
    ) -> CResult<Vec<(String, bool)>> {
        for (i, c) in caps.iter().enumerate() {
            self.fs().locals.insert(*c, Loc::Up(i as u16));
        }
        self.fs().captures = caps.to_vec();
        self.fs().result_types = vec![TypeTable::BOOL];
        let nparams = ysig.params.len() as u16;
        let pbase = self.alloc_n(nparams);
        for (i, e) in [key, value].into_iter().enumerate() {
            let (Some(e), Some(&t)) = (e, ysig.params.get(i)) else {
                continue;
            };
            let r = pbase + i as u16;
            if define {
                if let ExprKind::Ident(n) = &e.kind {
                    if n == "_" {
                        continue;
                    }
                }
                if let Some(o) = self.info.defs.get(&e.span.lo).copied() {
                    let vt = self.obj_ty(o);
                    let c = self.convert(r, t, vt)?;
                    self.declare(o, vt, Some(c))?;
                }
            } else {
                self.assign_to(e, r)?;
            }
        }
        self.loop_begin(label);
        self.block(&body.stmts)?;
        let cont = self.pc();
        let t = self.alloc();
        self.load_value(t, Value::from_bool(true));
        self.emit(Op::Ret, t, 1, 0);
        self.loop_end(cont);
        self.load_value(t, Value::from_bool(false));
        self.emit(Op::Ret, t, 1, 0);
        let gotos = std::mem::take(&mut self.fs().gotos);
        for (at, name) in gotos {
            match self.fs().labels.get(&name).copied() {
                Some(target) => self.patch_to(at, target),
                None => {
                    return Err(unsupported(
                        body.lbrace,
                        "goto out of a range-over-func loop body",
                    ))
                }
            }
        }
        let fs = self.fs.take().expect("fs");
        if fs.too_far {
            return Err(Diagnostic::internal(
                body.lbrace.lo,
                "function too large for minigo's 16-bit jumps",
            ));
        }
        let exits = fs.rf.map(|rf| rf.exits).unwrap_or_default();
        let f = &mut self.prog.funcs[idx as usize];
        f.recover_pc = fs.code.len() as u32;
        f.code = fs.code;
        f.lines = fs.lines;
        f.consts = fs.consts;
        f.nregs = fs.max.max(nparams) + 1;
        f.nparams = nparams;
        f.nresults = 1;
        f.ncaptures = caps.len() as u16;
        f.line = fs.line;
        Ok(exits)
    }

    /// After the iterator returned with state `code` (2: return `res`, 3: bare return).
    fn range_func_return(&mut self, code: i32, res: &[ObjId]) -> CResult<()> {
        let l = self.level();
        if let Some(rf) = self.fs().rf.clone() {
            // Inside another range-over-func body: pass the return on.
            for (inner, outer) in res.iter().zip(&rf.res) {
                let t = self.alloc();
                self.load_var(*inner, t)?;
                self.store_var(*outer, t)?;
            }
            let k = self.alloc();
            self.emit_i(Instr::asbx(Op::LoadI, k, code));
            self.store_var(rf.state, k)?;
            self.load_value(k, Value::from_bool(false));
            self.emit(Op::Ret, k, 1, 0);
        } else if code == 3 {
            self.emit_return_vars()?;
        } else if !self.fs().results.is_empty() || self.fs().has_defer {
            let results = self.fs().results.clone();
            for (i, o) in res.iter().enumerate() {
                let t = self.alloc();
                self.load_var(*o, t)?;
                if let Some((ro, _)) = results.get(i) {
                    self.store_var(*ro, t)?;
                }
            }
            self.emit_return_vars()?;
        } else {
            let base = self.alloc_n(res.len() as u16);
            for (i, o) in res.iter().enumerate() {
                self.load_var(*o, base + i as u16)?;
            }
            self.emit(Op::Ret, base, res.len() as u16, 0);
        }
        self.restore(l);
        Ok(())
    }

    /// `return xs` inside a range-over-func body.
    pub(super) fn range_func_return_stmt(&mut self, xs: &[Expr]) -> CResult<()> {
        let Some(rf) = self.fs().rf.clone() else {
            return Ok(());
        };
        let l = self.level();
        let code = if xs.is_empty() && !rf.real_results.is_empty() {
            3
        } else {
            let regs = self.eval_list(xs, &rf.real_results)?;
            for (r, o) in regs.into_iter().zip(&rf.res) {
                self.store_var(*o, r)?;
            }
            2
        };
        let k = self.alloc();
        self.emit_i(Instr::asbx(Op::LoadI, k, code));
        self.store_var(rf.state, k)?;
        self.load_value(k, Value::from_bool(false));
        self.emit(Op::Ret, k, 1, 0);
        self.restore(l);
        Ok(())
    }
}
