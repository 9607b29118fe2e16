//! Statements, local declarations, labels, terminating statements.

use std::collections::{HashMap, HashSet};

use super::decl::State;
use super::expr::{expr_string, unparen, Mode, Operand};
use super::*;
use crate::ast::{AssignOp, Expr, ExprKind, Stmt, StmtKind};
use crate::types::{ChanDir, Type};

/// Kind of an enclosing statement that `break`/`continue` may target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Target {
    Loop,
    Switch,
    Select,
}

impl State {
    // ---- constant and variable declarations ----

    /// Type and value of a constant declaration's name (`const c [T] = val`).
    pub(crate) fn const_decl_value(
        &mut self,
        ty: Option<&Expr>,
        val: Option<&Expr>,
    ) -> (TypeId, ConstValue) {
        let t = ty.map(|t| self.type_expr(t));
        // With a valid declared type, a failed declaration still gives a constant of that type
        // with an unknown value (types2), so uses of it report nothing more.
        let failed = |t: Option<TypeId>, st: &Self| match t {
            Some(t) if t != TypeTable::INVALID && st.tt.basic_kind(t).is_some() => {
                (t, ConstValue::Unknown)
            }
            _ => (TypeTable::INVALID, ConstValue::Int(0)),
        };
        let Some(val) = val else {
            return failed(t, self);
        };
        let mut x = self.value(val, t);
        if x.is_invalid() {
            return failed(t, self);
        }
        if x.mode != Mode::Const {
            let s = self.operand_string(&x, val);
            self.err(val.span, format!("{} is not constant", s));
            return failed(t, self);
        }
        if let Some(t) = t {
            if t == TypeTable::INVALID {
                return (TypeTable::INVALID, ConstValue::Int(0));
            }
            if self.tt.basic_kind(t).is_none() {
                self.err(
                    ty.map_or(val.span, |e| e.span),
                    format!("invalid constant type {}", self.ts(t)),
                );
                return (TypeTable::INVALID, ConstValue::Int(0));
            }
            if !self.assign_to(&mut x, val, t, "constant declaration") {
                return (t, ConstValue::Unknown);
            }
            return (t, x.val.unwrap_or(ConstValue::Int(0)));
        }
        (x.ty, x.val.unwrap_or(ConstValue::Int(0)))
    }

    /// Types of `var names [T] = values` (package-level or local); sets the objects' types.
    pub(crate) fn var_decl_types(
        &mut self,
        ty: Option<&Expr>,
        values: &[Expr],
        objs: &[ObjId],
        _global: bool,
    ) {
        let t = ty.map(|t| self.type_expr(t));
        let ctx = "variable declaration";
        if values.is_empty() {
            for o in objs {
                self.info.objects[o.0 as usize].ty = t.unwrap_or(TypeTable::INVALID);
            }
            return;
        }
        if values.len() == objs.len() {
            for (o, v) in objs.iter().zip(values) {
                let mut x = self.expr(v, t);
                if objs.len() == 1 {
                    if let Type::Tuple(ts) = self.tt.get(x.ty).clone() {
                        if ts.len() > 1 {
                            self.assign_mismatch(1, ts.len(), v, v.span);
                            x = Operand::invalid();
                        }
                    }
                }
                let ot = match t {
                    Some(t) => {
                        self.assign_to(&mut x, v, t, ctx);
                        t
                    }
                    None => self.infer_var_type(&mut x, v, ctx),
                };
                self.info.objects[o.0 as usize].ty = ot;
            }
            return;
        }
        if values.len() == 1 {
            let v = &values[0];
            let x = self.expr(v, None);
            let ts = self.tuple_of(&x, v, objs.len());
            match ts {
                Some(ts) if ts.len() == objs.len() => {
                    for (o, et) in objs.iter().zip(ts) {
                        let ot = match t {
                            Some(t) => {
                                let xo = Operand::value(et);
                                if let Err(why) = self.assignable(&xo, t) {
                                    let s = format!(
                                        "{} (value of type {})",
                                        expr_string(v),
                                        self.ts(et)
                                    );
                                    self.err(
                                        v.span,
                                        format!(
                                            "cannot use {} as {} value in {}{}",
                                            s,
                                            self.ts(t),
                                            ctx,
                                            why
                                        ),
                                    );
                                }
                                t
                            }
                            None => et,
                        };
                        self.info.objects[o.0 as usize].ty = ot;
                    }
                    return;
                }
                Some(ts) => {
                    self.assign_mismatch(
                        objs.len(),
                        ts.len(),
                        v,
                        objs.first().map(|o| self.obj(*o).span).unwrap_or(v.span),
                    );
                }
                None => {}
            }
            for o in objs {
                self.info.objects[o.0 as usize].ty = t.unwrap_or(TypeTable::INVALID);
            }
            return;
        }
        // Count mismatch.
        for v in values {
            self.expr(v, t);
        }
        let sp = objs
            .first()
            .map(|o| self.obj(*o).span)
            .unwrap_or(values[0].span);
        if values.len() > objs.len() {
            self.err(
                values[objs.len()].span,
                format!(
                    "assignment mismatch: {} variable{} but {} value{}",
                    objs.len(),
                    plural(objs.len()),
                    values.len(),
                    plural(values.len())
                )
                .replace("assignment mismatch", "assignment mismatch"),
            );
        } else {
            self.err(
                sp,
                format!(
                    "assignment mismatch: {} variable{} but {} value{}",
                    objs.len(),
                    plural(objs.len()),
                    values.len(),
                    plural(values.len())
                ),
            );
        }
        for o in objs {
            self.info.objects[o.0 as usize].ty = t.unwrap_or(TypeTable::INVALID);
        }
    }

    /// The element types of a multi-value expression used in an `n`-variable context
    /// (tuple-valued call, or comma-ok form when n == 2).
    fn tuple_of(&mut self, x: &Operand, v: &Expr, n: usize) -> Option<Vec<TypeId>> {
        if x.is_invalid() {
            return None;
        }
        if let Type::Tuple(ts) = self.tt.get(x.ty) {
            return Some(ts.clone());
        }
        if n == 2 && matches!(x.mode, Mode::MapIndex | Mode::CommaOk) {
            self.info.comma_ok.insert(unparen(v).id);
            if self.tt.is_untyped(x.ty) {
                let d = self.default_type(x.ty);
                self.record_final(v, d);
            }
            return Some(vec![x.ty, TypeTable::UNTYPED_BOOL]);
        }
        if x.mode == Mode::NoValue {
            self.err(
                v.span,
                format!("{} (no value) used as value", expr_string(v)),
            );
            return None;
        }
        Some(vec![x.ty])
    }

    fn assign_mismatch(&mut self, nvars: usize, nvals: usize, v: &Expr, at: Span) {
        let call = match &unparen(v).kind {
            ExprKind::Call { fun, .. } => Some(expr_string(fun)),
            _ => None,
        };
        let msg = match call {
            Some(f) => format!(
                "assignment mismatch: {} variable{} but {} returns {} value{}",
                nvars,
                plural(nvars),
                f,
                nvals,
                plural(nvals)
            ),
            None => format!(
                "assignment mismatch: {} variable{} but {} value{}",
                nvars,
                plural(nvars),
                nvals,
                plural(nvals)
            ),
        };
        let _ = at;
        self.err(v.span, msg);
    }

    /// Type of a variable initialized from `x` without declared type (default untyped);
    /// `ctx` names the statement in a representability error.
    fn infer_var_type(&mut self, x: &mut Operand, v: &Expr, ctx: &str) -> TypeId {
        if x.is_invalid() {
            return TypeTable::INVALID;
        }
        if self.single_value(x, v).is_err() {
            return TypeTable::INVALID;
        }
        if x.mode == Mode::Nil {
            self.err(v.span, "use of untyped nil in variable declaration");
            return TypeTable::INVALID;
        }
        self.default_operand_ctx(x, v, ctx);
        x.ty
    }

    // ---- statements ----

    pub(crate) fn stmt_list(&mut self, stmts: &[Stmt]) {
        for s in stmts {
            self.stmt(s);
        }
    }

    fn block(&mut self, b: &ast::Block) {
        self.push_scope();
        self.stmt_list(&b.stmts);
        self.pop_scope();
    }

    fn targets(&mut self) -> &mut Vec<(Target, Option<String>)> {
        &mut self.targets
    }

    pub(crate) fn stmt(&mut self, s: &Stmt) {
        self.stmt_labeled(s, None)
    }

    fn stmt_labeled(&mut self, s: &Stmt, label: Option<String>) {
        match &s.kind {
            StmtKind::Empty => {}
            StmtKind::Expr(e) => self.expr_stmt(e),
            StmtKind::Send { ch, value } => {
                let c = self.value(ch, None);
                if c.is_invalid() {
                    self.expr(value, None);
                    return;
                }
                match self.tt.under(c.ty).clone() {
                    Type::Chan(d, el) => {
                        if d == ChanDir::Recv {
                            let cs = self.operand_string(&c, ch);
                            let ts = self.ts(c.ty);
                            self.err(
                                s.span,
                                format!(
                                    "invalid operation: cannot send to receive-only channel {} {}",
                                    ts, cs
                                ),
                            );
                        }
                        let mut x = self.value(value, Some(el));
                        self.assign_to(&mut x, value, el, "send");
                    }
                    _ => {
                        let cs = self.operand_string(&c, ch);
                        self.err(
                            s.span,
                            format!("invalid operation: cannot send to non-channel {}", cs),
                        );
                        self.expr(value, None);
                    }
                }
            }
            StmtKind::IncDec { x, inc } => {
                let xo = self.value(x, None);
                if xo.is_invalid() {
                    return;
                }
                if !self.tt.is_numeric(xo.ty) && !self.tparam_all(xo.ty, |tt, t| tt.is_numeric(t)) {
                    let op = if *inc { "++" } else { "--" };
                    let xs = self.operand_string(&xo, x);
                    self.err(
                        s.span,
                        format!(
                            "invalid operation: {}{} (non-numeric type {})",
                            expr_string(x),
                            op,
                            self.ts(xo.ty)
                        ),
                    );
                    let _ = xs;
                    return;
                }
                self.check_assignable_lhs(x, &xo);
            }
            StmtKind::Assign { lhs, op, rhs } => self.assign_stmt(s, lhs, *op, rhs),
            StmtKind::Decl(d) => self.local_decl(d),
            StmtKind::Go(e) | StmtKind::Defer(e) => {
                let what = if matches!(s.kind, StmtKind::Go(_)) {
                    "go"
                } else {
                    "defer"
                };
                let inner = unparen(e);
                if !matches!(inner.kind, ExprKind::Call { .. }) {
                    self.err(
                        e.span,
                        format!("expression in {} must be function call", what),
                    );
                    self.expr(e, None);
                    return;
                }
                if !std::ptr::eq(inner, e) {
                    self.err(
                        e.span,
                        format!("expression in {} must not be parenthesized", what),
                    );
                }
                let x = self.expr(inner, None);
                if let Some(CallKind::Conversion(_)) = self.info.calls.get(&inner.id) {
                    self.err(
                        e.span,
                        format!("{} requires function call, not conversion", what),
                    );
                } else if let Some(CallKind::Builtin(b, _)) =
                    self.info.calls.get(&inner.id).cloned()
                {
                    if matches!(
                        b,
                        Builtin::Append
                            | Builtin::Cap
                            | Builtin::Len
                            | Builtin::Make
                            | Builtin::New
                            | Builtin::Complex
                            | Builtin::Real
                            | Builtin::Imag
                            | Builtin::Min
                            | Builtin::Max
                    ) {
                        self.err(
                            e.span,
                            format!("{} discards result of {}", what, expr_string(inner)),
                        );
                    }
                }
                let _ = x;
            }
            StmtKind::Return(results) => self.return_stmt(s, results),
            StmtKind::Break(l) => match l {
                Some(l) => {
                    let ok = self
                        .targets
                        .iter()
                        .any(|(_, n)| n.as_deref() == Some(&l.name));
                    if ok {
                        self.use_label(l);
                    } else {
                        self.err(l.span, format!("break label not defined: {}", l.name));
                    }
                }
                None => {
                    if self.targets.is_empty() {
                        self.err(s.span, "break is not in a loop, switch, or select");
                    }
                }
            },
            StmtKind::Continue(l) => match l {
                Some(l) => {
                    let t = self
                        .targets
                        .iter()
                        .find(|(_, n)| n.as_deref() == Some(&l.name))
                        .map(|t| t.0);
                    match t {
                        Some(Target::Loop) => self.use_label(l),
                        Some(_) => {
                            self.use_label(l);
                            self.err(l.span, format!("invalid continue label {}", l.name))
                        }
                        None => self.err(l.span, format!("continue label not defined: {}", l.name)),
                    }
                }
                None => {
                    if !self.targets.iter().any(|t| t.0 == Target::Loop) {
                        self.err(s.span, "continue is not in a loop");
                    }
                }
            },
            StmtKind::Goto(l) => {
                if !self.label_exists(&l.name) {
                    self.err(l.span, format!("label {} not defined", l.name));
                } else {
                    self.use_label(l);
                }
            }
            StmtKind::Fallthrough => {
                if !self.fallthrough_ok {
                    self.err(s.span, "fallthrough statement out of place");
                }
            }
            StmtKind::Block(b) => self.block(b),
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                self.push_scope();
                if let Some(i) = init {
                    self.simple_stmt(i);
                }
                let mut c = self.value(cond, None);
                if !c.is_invalid() && !self.tt.is_boolean(c.ty) {
                    let cs = expr_string(cond);
                    self.err(
                        cond.span,
                        "non-boolean condition in if statement".to_string(),
                    );
                    let _ = cs;
                } else {
                    self.default_operand(&mut c, cond);
                }
                self.block(then);
                if let Some(e) = els {
                    self.stmt(e);
                }
                self.pop_scope();
            }
            StmtKind::Switch {
                init, tag, clauses, ..
            } => {
                self.push_scope();
                if let Some(i) = init {
                    self.simple_stmt(i);
                }
                let tagt = match tag {
                    Some(t) => {
                        let mut x = self.value(t, None);
                        self.default_operand_ctx(&mut x, t, "switch expression");
                        // Slices, maps and funcs may be switched on: their cases compare
                        // with nil.
                        let nil_only = matches!(
                            self.tt.under(x.ty),
                            Type::Slice(_) | Type::Map(..) | Type::Func(_)
                        );
                        if !x.is_invalid()
                            && !self.tt.comparable(x.ty)
                            && !nil_only
                            && x.mode != Mode::Nil
                        {
                            let xs = self.operand_string(&x, t);
                            self.err(t.span, format!("cannot switch on {}", xs));
                        }
                        if x.mode == Mode::Nil {
                            self.err(t.span, "use of untyped nil in switch expression");
                        }
                        Some((x, t))
                    }
                    None => None,
                };
                let mut seen: Vec<(ConstValue, TypeId, Span)> = Vec::new();
                let mut default_seen = false;
                self.targets().push((Target::Switch, label.clone()));
                for (ci, c) in clauses.iter().enumerate() {
                    if c.default {
                        if default_seen {
                            self.err(c.span, "multiple defaults in switch");
                        }
                        default_seen = true;
                    }
                    for e in &c.exprs {
                        match &tagt {
                            Some((tx, te)) => {
                                let mut x = self.value(e, Some(tx.ty));
                                if x.is_invalid() || tx.is_invalid() {
                                    continue;
                                }
                                // Compare e == tag.
                                if self.tt.is_untyped(x.ty)
                                    && !self.convert_untyped(&mut x, e, tx.ty)
                                {
                                    // types2's invalidConversion, naming the underlying type.
                                    let xs = self.operand_string(&x, e);
                                    let tu = self.tt.underlying(tx.ty);
                                    let ts = self.ts(tu);
                                    let k = self.tt.basic_kind(tu);
                                    let msg = match (&x.val, k) {
                                        (Some(v), Some(k))
                                            if self.tt.is_numeric(x.ty) && k.is_numeric() =>
                                        {
                                            match v.convert_to(k) {
                                                Err(false) => format!("{} truncated to {}", xs, ts),
                                                _ => format!("{} overflows {}", xs, ts),
                                            }
                                        }
                                        _ => format!("cannot convert {} to type {}", xs, ts),
                                    };
                                    self.err(e.span, msg);
                                    continue;
                                }
                                if self.assignable(&x, tx.ty).is_err()
                                    && self.assignable(tx, x.ty).is_err()
                                {
                                    self.err(e.span, format!("invalid case {} in switch on {} (mismatched types {} and {})", expr_string(e), expr_string(te), self.ts(x.ty), self.ts(tx.ty)));
                                    continue;
                                }
                                if x.mode != Mode::Nil && !self.tt.comparable(tx.ty) {
                                    let what = match self.tt.under(tx.ty) {
                                        Type::Slice(_) => "slice",
                                        Type::Map(..) => "map",
                                        _ => "func",
                                    };
                                    self.err(e.span, format!("invalid case {} in switch on {} ({} can only be compared to nil)", expr_string(e), expr_string(te), what));
                                    continue;
                                }
                                if let Some(v) = x.val.as_ref().filter(|v| !v.is_unknown()) {
                                    if let Some((_, _, prev)) = seen
                                        .iter()
                                        .find(|(pv, pt, _)| pv == v && self.tt.identical(*pt, x.ty))
                                    {
                                        let prev = *prev;
                                        let xs = self.operand_string(&x, e);
                                        self.err(e.span, format!("duplicate case {} in expression switch\n\t{}: previous case", xs, self.pos_placeholder(prev)));
                                    } else {
                                        seen.push((v.clone(), x.ty, e.span));
                                    }
                                }
                            }
                            None => {
                                let mut x = self.value(e, None);
                                // The missing tag is a typed `true`: an interface case that
                                // can hold a bool compares with it.
                                let holds_bool = matches!(self.tt.under(x.ty), Type::Interface(_))
                                    && self
                                        .tt
                                        .interface_of(x.ty)
                                        .is_some_and(|i| i.methods.is_empty() && i.terms.is_none());
                                if !x.is_invalid() && !self.tt.is_boolean(x.ty) && !holds_bool {
                                    let xs = self.operand_string(&x, e);
                                    self.err(e.span, format!("invalid case {} in switch (mismatched types {} and bool)", expr_string(e), self.ts(x.ty)));
                                    let _ = xs;
                                } else {
                                    self.default_operand(&mut x, e);
                                }
                            }
                        }
                    }
                    self.push_scope();
                    let saved = self.fallthrough_ok;
                    let last = ci + 1 == clauses.len();
                    for (si, st) in c.body.iter().enumerate() {
                        self.fallthrough_ok = !last && si + 1 == c.body.len();
                        if matches!(st.kind, StmtKind::Fallthrough)
                            && last
                            && si + 1 == c.body.len()
                        {
                            self.err(st.span, "cannot fallthrough final case in switch");
                            continue;
                        }
                        self.stmt(st);
                    }
                    self.fallthrough_ok = saved;
                    self.pop_scope();
                }
                self.targets().pop();
                self.pop_scope();
            }
            StmtKind::TypeSwitch {
                init,
                bind,
                x,
                clauses,
                ..
            } => self.type_switch(init.as_deref(), bind.as_ref(), x, clauses, label),
            StmtKind::Select { clauses } => {
                self.targets().push((Target::Select, label));
                for c in clauses {
                    self.push_scope();
                    if let Some(comm) = &c.comm {
                        let ok = match &comm.kind {
                            StmtKind::Send { .. } => true,
                            StmtKind::Expr(e) => matches!(
                                unparen(e).kind,
                                ExprKind::Unary(crate::ast::UnOp::Recv, _)
                            ),
                            StmtKind::Assign { rhs, .. } => {
                                rhs.len() == 1
                                    && matches!(
                                        unparen(&rhs[0]).kind,
                                        ExprKind::Unary(crate::ast::UnOp::Recv, _)
                                    )
                            }
                            _ => false,
                        };
                        if !ok {
                            self.err(
                                comm.span,
                                "select case must be receive, send or assign recv",
                            );
                        }
                        self.stmt(comm);
                    }
                    self.stmt_list(&c.body);
                    self.pop_scope();
                }
                self.targets().pop();
            }
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => {
                self.push_scope();
                if let Some(i) = init {
                    self.simple_stmt(i);
                }
                if let Some(c) = cond {
                    let mut x = self.value(c, None);
                    if !x.is_invalid() && !self.tt.is_boolean(x.ty) {
                        self.err(c.span, "non-boolean condition in for statement");
                    } else {
                        self.default_operand(&mut x, c);
                    }
                }
                if let Some(p) = post {
                    if let StmtKind::Assign {
                        op: AssignOp::Define,
                        ..
                    } = p.kind
                    {
                        self.err(p.span, "cannot declare in post statement of for loop");
                    } else {
                        self.simple_stmt(p);
                    }
                }
                self.targets().push((Target::Loop, label));
                self.block(body);
                self.targets().pop();
                self.pop_scope();
            }
            StmtKind::Range {
                key,
                value,
                define,
                x,
                body,
            } => {
                self.push_scope();
                self.range_stmt(s, key.as_ref(), value.as_ref(), *define, x);
                self.targets().push((Target::Loop, label));
                self.block(body);
                self.targets().pop();
                self.pop_scope();
            }
            StmtKind::Labeled(l, inner) => {
                let name = if l.name == "_" {
                    None
                } else {
                    Some(l.name.clone())
                };
                self.stmt_labeled(inner, name);
            }
        }
    }

    /// Placeholder replaced by the CLI? No: Go prints the previous case's position as
    /// `file:line:col`; we only know byte offsets here, so the position is rendered by
    /// `render_prev_pos` at the end of checking.
    fn pos_placeholder(&self, sp: Span) -> String {
        format!("\u{0}POS{}\u{0}", sp.lo)
    }

    fn simple_stmt(&mut self, s: &Stmt) {
        self.stmt(s)
    }

    fn expr_stmt(&mut self, e: &Expr) {
        let inner = unparen(e);
        let x = self.expr(e, None);
        if x.is_invalid() {
            return;
        }
        let ok = match &inner.kind {
            ExprKind::Call { .. } => match self.info.calls.get(&inner.id) {
                Some(CallKind::Conversion(_)) => false,
                Some(CallKind::Builtin(b, _)) => !matches!(
                    b,
                    Builtin::Append
                        | Builtin::Cap
                        | Builtin::Len
                        | Builtin::Make
                        | Builtin::New
                        | Builtin::Complex
                        | Builtin::Real
                        | Builtin::Imag
                        | Builtin::Min
                        | Builtin::Max
                ),
                _ => true,
            },
            ExprKind::Unary(crate::ast::UnOp::Recv, _) => true,
            _ => false,
        };
        if !ok {
            let mut x = x;
            if x.mode == Mode::TypeExpr {
                self.err(
                    e.span,
                    format!("{} (type) is not an expression", expr_string(e)),
                );
                return;
            }
            if self.single_value(&mut x, e).is_err() {
                return;
            }
            let xs = self.operand_string(&x, e);
            self.err(e.span, format!("{} is not used", xs));
            return;
        }
        if self.tt.is_untyped(x.ty) {
            let mut x = x;
            self.default_operand(&mut x, e);
        }
    }

    fn label_exists(&self, name: &str) -> bool {
        self.fns.last().is_some_and(|f| f.labels.contains_key(name))
    }

    fn use_label(&mut self, l: &ast::Ident) {
        if let Some(&id) = self.fns.last().and_then(|f| f.labels.get(&l.name)) {
            self.used.insert(id);
            self.info.uses.insert(l.span.lo, id);
        }
    }

    /// Declare all labels of a function body (labels have function scope).
    pub(crate) fn collect_labels(&mut self, stmts: &[Stmt]) {
        let mut out = Vec::new();
        fn walk(s: &Stmt, out: &mut Vec<ast::Ident>) {
            match &s.kind {
                StmtKind::Labeled(l, inner) => {
                    out.push(l.clone());
                    walk(inner, out);
                }
                StmtKind::Block(b) => b.stmts.iter().for_each(|s| walk(s, out)),
                StmtKind::If { then, els, .. } => {
                    then.stmts.iter().for_each(|s| walk(s, out));
                    if let Some(e) = els {
                        walk(e, out);
                    }
                }
                StmtKind::For { body, .. } | StmtKind::Range { body, .. } => {
                    body.stmts.iter().for_each(|s| walk(s, out))
                }
                StmtKind::Switch { clauses, .. } | StmtKind::TypeSwitch { clauses, .. } => clauses
                    .iter()
                    .for_each(|c| c.body.iter().for_each(|s| walk(s, out))),
                StmtKind::Select { clauses } => clauses
                    .iter()
                    .for_each(|c| c.body.iter().for_each(|s| walk(s, out))),
                _ => {}
            }
        }
        for s in stmts {
            walk(s, &mut out);
        }
        for l in out {
            if l.name == "_" {
                continue;
            }
            if self
                .fns
                .last()
                .is_some_and(|f| f.labels.contains_key(&l.name))
            {
                self.err(l.span, format!("label {} already defined", l.name));
                continue;
            }
            let id = self.new_obj(&l.name, ObjKind::Label, TypeTable::INVALID, l.span);
            self.info.defs.insert(l.span.lo, id);
            if let Some(f) = self.fns.last_mut() {
                f.labels.insert(l.name.clone(), id);
            }
        }
    }

    fn local_decl(&mut self, d: &ast::Decl) {
        match d {
            ast::Decl::Var(specs) => {
                for s in specs {
                    let kind = if self.repl && self.fns.len() == 1 && self.scopes.is_empty() {
                        VarKind::Global
                    } else {
                        VarKind::Local
                    };
                    let objs: Vec<ObjId> = s
                        .names
                        .iter()
                        .map(|n| {
                            self.new_obj(&n.name, ObjKind::Var(kind), TypeTable::INVALID, n.span)
                        })
                        .collect();
                    self.var_decl_types(s.ty.as_ref(), &s.values, &objs, false);
                    for (o, n) in objs.iter().zip(&s.names) {
                        self.declare(&n.name, *o, n.span);
                    }
                    if kind == VarKind::Global {
                        if s.values.len() == 1 && objs.len() > 1 {
                            self.info.init_order.push(Initializer {
                                lhs: objs.clone(),
                                rhs: s.values[0].id,
                            });
                        } else {
                            for (o, v) in objs.iter().zip(&s.values) {
                                self.info.init_order.push(Initializer {
                                    lhs: vec![*o],
                                    rhs: v.id,
                                });
                            }
                        }
                    }
                }
            }
            ast::Decl::Const(specs) => self.declare_consts(specs, false),
            ast::Decl::Type(specs) => {
                for s in specs {
                    self.declare_type_spec(s, false);
                }
            }
            ast::Decl::Func(fd) => {
                self.err(fd.name.span, "function declaration inside function body");
            }
        }
    }

    // ---- assignment ----

    /// Check that `x` can be assigned to; reports Go's error otherwise.
    fn check_assignable_lhs(&mut self, e: &Expr, x: &Operand) -> bool {
        match x.mode {
            Mode::Var | Mode::MapIndex => true,
            Mode::Invalid => false,
            _ => {
                let inner = unparen(e);
                // s.f where s is a map index: cannot assign to struct field in map.
                if let ExprKind::Selector(base, _) = &inner.kind {
                    if let ExprKind::Index(m, _) = &unparen(base).kind {
                        if let Some(t) = self.info.types.get(&m.id).copied() {
                            if matches!(self.tt.under(t), Type::Map(..)) {
                                self.err(
                                    e.span,
                                    format!(
                                        "cannot assign to struct field {} in map",
                                        expr_string(e)
                                    ),
                                );
                                return false;
                            }
                        }
                    }
                }
                self.err(
                    e.span,
                    format!(
                        "cannot assign to {} (neither addressable nor a map index expression)",
                        expr_string(e)
                    ),
                );
                false
            }
        }
    }

    /// The type of an assignment's left-hand side (`_` → None).
    fn lhs_type(&mut self, e: &Expr) -> Option<TypeId> {
        if let ExprKind::Ident(n) = &unparen(e).kind {
            if n == "_" {
                self.info.types.remove(&e.id);
                return None;
            }
            // Assignment is not a use.
            if let Some(id) = self.lookup(n) {
                if let ObjKind::Var(_) = self.obj(id).kind {
                    let was_used = self.used.contains(&id);
                    let x = self.expr(e, None);
                    if !was_used {
                        self.used.remove(&id);
                    }
                    if !self.check_assignable_lhs(e, &x) {
                        return Some(TypeTable::INVALID);
                    }
                    return Some(x.ty);
                }
            }
        }
        let x = self.expr(e, None);
        if x.is_invalid() {
            return Some(TypeTable::INVALID);
        }
        if !self.check_assignable_lhs(e, &x) {
            return Some(TypeTable::INVALID);
        }
        Some(x.ty)
    }

    fn assign_stmt(&mut self, s: &Stmt, lhs: &[Expr], op: AssignOp, rhs: &[Expr]) {
        match op {
            AssignOp::Op(bop) => {
                if lhs.len() != 1 || rhs.len() != 1 {
                    self.err(
                        s.span,
                        format!(
                            "assignment operation {}= requires single-valued expressions",
                            bop.as_str()
                        ),
                    );
                    return;
                }
                // x op= y  ≡  x = x op y (x evaluated once).
                let x = self.value(&lhs[0], None);
                if x.is_invalid() {
                    self.expr(&rhs[0], None);
                    return;
                }
                self.check_assignable_lhs(&lhs[0], &x);
                let synthetic = Expr {
                    id: s_id(s),
                    span: lhs[0].span,
                    kind: ExprKind::Binary(bop, Box::new(lhs[0].clone()), Box::new(rhs[0].clone())),
                };
                let nerr = self.errs.len();
                let r = self.expr(&synthetic, Some(x.ty));
                self.info.types.remove(&synthetic.id);
                self.info.consts.remove(&synthetic.id);
                // The binary check reports on the synthetic expression; reword `x + y` → `x += y`.
                for d in &mut self.errs[nerr..] {
                    let from = format!(
                        "{} {} {}",
                        expr_string(&lhs[0]),
                        bop.as_str(),
                        expr_string(&rhs[0])
                    );
                    let to = format!(
                        "{} {}= {}",
                        expr_string(&lhs[0]),
                        bop.as_str(),
                        expr_string(&rhs[0])
                    );
                    d.msg = d.msg.replace(&from, &to);
                }
                if !r.is_invalid() {
                    let mut r = r;
                    self.assign_to(&mut r, &rhs[0], x.ty, "assignment");
                }
            }
            AssignOp::Assign => {
                if lhs.len() == rhs.len() {
                    for (l, r) in lhs.iter().zip(rhs) {
                        let lt = self.lhs_type(l);
                        let mut x = self.expr(r, lt);
                        if lhs.len() == 1 {
                            if let Type::Tuple(ts) = self.tt.get(x.ty).clone() {
                                if ts.len() > 1 {
                                    self.assign_mismatch(1, ts.len(), r, r.span);
                                    continue;
                                }
                            }
                        }
                        match lt {
                            Some(t) => {
                                let ctx = if lhs.len() == 1 {
                                    "assignment"
                                } else {
                                    "multiple assignment"
                                };
                                self.assign_to(&mut x, r, t, ctx);
                            }
                            None => {
                                if x.mode == Mode::Nil {
                                    self.err(r.span, "use of untyped nil in assignment");
                                } else if self.single_value(&mut x, r).is_ok() {
                                    self.default_operand_ctx(
                                        &mut x,
                                        r,
                                        "assignment to _ identifier",
                                    );
                                }
                            }
                        }
                    }
                    return;
                }
                let lts: Vec<Option<TypeId>> = lhs.iter().map(|l| self.lhs_type(l)).collect();
                if rhs.len() == 1 {
                    let x = self.expr(&rhs[0], None);
                    let Some(ts) = self.tuple_of(&x, &rhs[0], lhs.len()) else {
                        return;
                    };
                    if ts.len() != lhs.len() {
                        self.assign_mismatch(lhs.len(), ts.len(), &rhs[0], lhs[0].span);
                        return;
                    }
                    for (lt, et) in lts.iter().zip(ts) {
                        if let Some(lt) = lt {
                            let xo = Operand {
                                mode: Mode::Value,
                                ty: et,
                                val: None,
                            };
                            if let Err(why) = self.assignable(&xo, *lt) {
                                let s = format!(
                                    "{} (value of type {})",
                                    expr_string(&rhs[0]),
                                    self.ts(et)
                                );
                                self.err(
                                    rhs[0].span,
                                    format!(
                                        "cannot use {} as {} value in assignment{}",
                                        s,
                                        self.ts(*lt),
                                        why
                                    ),
                                );
                            }
                        }
                    }
                    return;
                }
                for r in rhs {
                    self.expr(r, None);
                }
                self.err(
                    rhs[0].span,
                    format!(
                        "assignment mismatch: {} variable{} but {} value{}",
                        lhs.len(),
                        plural(lhs.len()),
                        rhs.len(),
                        plural(rhs.len())
                    ),
                );
            }
            AssignOp::Define => self.define_stmt(s, lhs, rhs),
        }
    }

    /// `a, b := ...`
    fn define_stmt(&mut self, s: &Stmt, lhs: &[Expr], rhs: &[Expr]) {
        let repl_top = self.repl && self.fns.len() == 1 && self.scopes.is_empty();
        // Which names are new?
        let mut idents: Vec<Option<(&str, Span)>> = Vec::new();
        for l in lhs {
            match &l.kind {
                ExprKind::Ident(n) => idents.push(Some((n.as_str(), l.span))),
                _ => {
                    self.err(
                        l.span,
                        format!("non-name {} on left side of :=", expr_string(l)),
                    );
                    idents.push(None);
                }
            }
        }
        let mut seen: HashSet<&str> = HashSet::new();
        let mut any_new = false;
        let mut existing: Vec<Option<ObjId>> = Vec::new();
        for id in &idents {
            match id {
                Some((n, sp)) => {
                    if *n != "_" && !seen.insert(n) {
                        self.err(*sp, format!("{} repeated on left side of :=", n));
                        existing.push(None);
                        continue;
                    }
                    let cur = if *n == "_" || repl_top {
                        None
                    } else {
                        self.scopes.last().and_then(|sc| sc.get(*n).copied())
                    };
                    if cur.is_none() && *n != "_" {
                        any_new = true;
                    }
                    existing.push(cur);
                }
                None => existing.push(None),
            }
        }
        if !any_new && idents.iter().all(|i| i.is_some()) {
            // Go reports at the `:=` (gofmt puts one space after the last operand).
            let pos = lhs.last().map_or(s.span.lo, |l| l.span.hi + 1);
            self.errat(pos, "no new variables on left side of :=");
        }
        // Right-hand side types.
        let mut types: Vec<TypeId> = vec![TypeTable::INVALID; lhs.len()];
        let hints: Vec<Option<TypeId>> =
            existing.iter().map(|e| e.map(|o| self.obj(o).ty)).collect();
        if lhs.len() == rhs.len() {
            for (i, r) in rhs.iter().enumerate() {
                let mut x = self.expr(r, hints[i]);
                if lhs.len() == 1 {
                    if let Type::Tuple(ts) = self.tt.get(x.ty).clone() {
                        if ts.len() > 1 {
                            self.assign_mismatch(1, ts.len(), r, r.span);
                            x = Operand::invalid();
                        }
                    }
                    if x.mode == Mode::Nil {
                        self.err(r.span, "use of untyped nil in assignment");
                        x = Operand::invalid();
                    }
                }
                types[i] = match hints[i] {
                    Some(t) => {
                        self.assign_to(&mut x, r, t, "assignment");
                        t
                    }
                    None => {
                        let ctx = if lhs.len() == 1 {
                            "assignment"
                        } else {
                            "multiple assignment"
                        };
                        self.infer_var_type(&mut x, r, ctx)
                    }
                };
            }
        } else if rhs.len() == 1 {
            let x = self.expr(&rhs[0], None);
            match self.tuple_of(&x, &rhs[0], lhs.len()) {
                Some(ts) if ts.len() == lhs.len() => {
                    for (i, t) in ts.into_iter().enumerate() {
                        let t = if t == TypeTable::UNTYPED_BOOL {
                            TypeTable::BOOL
                        } else {
                            t
                        };
                        if let Some(h) = hints[i] {
                            let xo = Operand::value(t);
                            if let Err(why) = self.assignable(&xo, h) {
                                let s = format!(
                                    "{} (value of type {})",
                                    expr_string(&rhs[0]),
                                    self.ts(t)
                                );
                                self.err(
                                    rhs[0].span,
                                    format!(
                                        "cannot use {} as {} value in assignment{}",
                                        s,
                                        self.ts(h),
                                        why
                                    ),
                                );
                            }
                        }
                        types[i] = t;
                    }
                }
                Some(ts) => self.assign_mismatch(lhs.len(), ts.len(), &rhs[0], lhs[0].span),
                None => {}
            }
        } else {
            for r in rhs {
                self.expr(r, None);
            }
            self.err(
                rhs[0].span,
                format!(
                    "assignment mismatch: {} variable{} but {} value{}",
                    lhs.len(),
                    plural(lhs.len()),
                    rhs.len(),
                    plural(rhs.len())
                ),
            );
        }
        // Declare.
        for (i, id) in idents.iter().enumerate() {
            let Some((n, sp)) = id else { continue };
            match existing[i] {
                Some(o) => {
                    self.info.uses.insert(sp.lo, o);
                    self.info.types.insert(lhs[i].id, self.obj(o).ty);
                }
                None => {
                    let kind = if repl_top {
                        VarKind::Global
                    } else {
                        VarKind::Local
                    };
                    let o = self.new_obj(n, ObjKind::Var(kind), types[i], *sp);
                    self.info.types.insert(lhs[i].id, types[i]);
                    if *n == "_" {
                        self.info.defs.insert(sp.lo, o);
                    } else {
                        self.declare(n, o, *sp);
                    }
                }
            }
        }
        if repl_top && lhs.len() == rhs.len() {
            for (l, r) in lhs.iter().zip(rhs) {
                if let Some(o) = self.info.defs.get(&l.span.lo).copied() {
                    self.info.init_order.push(Initializer {
                        lhs: vec![o],
                        rhs: r.id,
                    });
                }
            }
        } else if repl_top && rhs.len() == 1 {
            let objs: Vec<ObjId> = lhs
                .iter()
                .filter_map(|l| self.info.defs.get(&l.span.lo).copied())
                .collect();
            if objs.len() == lhs.len() {
                self.info.init_order.push(Initializer {
                    lhs: objs,
                    rhs: rhs[0].id,
                });
            }
        }
    }

    fn return_stmt(&mut self, s: &Stmt, results: &[Expr]) {
        let Some(f) = self.fns.last() else {
            return;
        };
        let want = f.results.clone();
        let named = f.named_results;
        if results.is_empty() {
            if !want.is_empty() && !named {
                self.err(
                    s.span,
                    format!(
                        "not enough return values\n\thave ()\n\twant {}",
                        self.tuple_string(&want, false)
                    ),
                );
            }
            if named {
                // Result parameters shadowed by an inner declaration?
                let robjs = self
                    .fns
                    .last()
                    .map(|f| f.result_objs.clone())
                    .unwrap_or_default();
                for r in robjs {
                    let name = self.obj(r).name.clone();
                    if name == "_" {
                        continue;
                    }
                    if let Some(cur) = self.lookup(&name) {
                        if cur != r {
                            let (lo, t) = (self.obj(cur).span.lo, self.obj(cur).ty);
                            let ts = self.ts(t);
                            self.err(
                                s.span,
                                format!(
                                    "result parameter {} not in scope at return\n\t\u{0}POS{}\u{0}: inner declaration of var {} {}",
                                    name, lo, name, ts
                                ),
                            );
                            break;
                        }
                    }
                }
            }
            return;
        }
        if want.is_empty() {
            for r in results {
                self.expr(r, None);
            }
            self.err(
                results[0].span,
                "too many return values\n\thave (".to_string()
                    + &self.have_list(results)
                    + ")\n\twant ()",
            );
            return;
        }
        if results.len() == 1 && want.len() > 1 {
            let x = self.expr(&results[0], None);
            if let Type::Tuple(ts) = self.tt.get(x.ty).clone() {
                if ts.len() == want.len() {
                    for (t, w) in ts.iter().zip(&want) {
                        let xo = Operand::value(*t);
                        if let Err(why) = self.assignable(&xo, *w) {
                            let s = format!(
                                "{} (value of type {})",
                                expr_string(&results[0]),
                                self.ts(x.ty)
                            );
                            self.err(
                                results[0].span,
                                format!(
                                    "cannot use {} as {} value in return statement{}",
                                    s,
                                    self.ts(*w),
                                    why
                                ),
                            );
                        }
                    }
                    return;
                }
            }
            let have = if let Type::Tuple(ts) = self.tt.get(x.ty).clone() {
                ts.iter()
                    .map(|t| self.ts(*t))
                    .collect::<Vec<_>>()
                    .join(", ")
            } else {
                self.have_list(results)
            };
            self.err(
                results[0].span,
                format!(
                    "not enough return values\n\thave ({})\n\twant {}",
                    have,
                    self.tuple_string(&want, false)
                ),
            );
            return;
        }
        let ops: Vec<Operand> = results
            .iter()
            .enumerate()
            .map(|(i, r)| self.expr(r, want.get(i).copied()))
            .collect();
        if results.len() != want.len() {
            let have = self.have_list(results);
            if results.len() < want.len() {
                self.err(
                    results[results.len() - 1].span,
                    format!(
                        "not enough return values\n\thave ({})\n\twant {}",
                        have,
                        self.tuple_string(&want, false)
                    ),
                );
            } else {
                self.err(
                    results[want.len()].span,
                    format!(
                        "too many return values\n\thave ({})\n\twant {}",
                        have,
                        self.tuple_string(&want, false)
                    ),
                );
            }
            return;
        }
        for ((r, mut x), w) in results.iter().zip(ops).zip(want) {
            self.assign_to(&mut x, r, w, "return statement");
        }
    }

    /// `number, string` for have lines (untyped numeric constants print as `number`).
    fn have_list(&self, results: &[Expr]) -> String {
        results
            .iter()
            .map(|r| {
                let t = self
                    .info
                    .types
                    .get(&r.id)
                    .copied()
                    .unwrap_or(TypeTable::INVALID);
                if self.tt.is_untyped(t) && self.tt.is_numeric(t) {
                    "number".to_string()
                } else if self.tt.is_untyped(t) {
                    self.default_type(t).0.to_string().replace(
                        &self.default_type(t).0.to_string(),
                        &self.ts(self.default_type(t)),
                    )
                } else {
                    self.ts(t)
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    // ---- range ----

    fn range_stmt(
        &mut self,
        s: &Stmt,
        key: Option<&Expr>,
        value: Option<&Expr>,
        define: bool,
        x: &Expr,
    ) {
        let mut xo = self.value(x, None);
        let (kt, vt): (TypeId, Option<TypeId>) = if xo.is_invalid() {
            (TypeTable::INVALID, Some(TypeTable::INVALID))
        } else {
            let t = xo.ty;
            match self.core_under(t) {
                Type::Basic(k) if k.is_string() => {
                    self.default_operand(&mut xo, x);
                    (TypeTable::INT, Some(TypeTable::RUNE))
                }
                Type::Basic(k) if k.is_integer() => {
                    if value.is_some() {
                        self.err(
                            value.map_or(s.span, |v| v.span),
                            format!(
                                "range over {} permits only one iteration variable",
                                self.operand_string(&xo, x)
                            ),
                        );
                    }
                    if self.tt.is_untyped(t) {
                        // `for i := range 10`: i has the default type int, unless assigned.
                        let target = match (key, define) {
                            (Some(k), false) => self
                                .info
                                .types
                                .get(&k.id)
                                .copied()
                                .filter(|t| self.tt.is_integer(*t))
                                .unwrap_or(TypeTable::INT),
                            _ => TypeTable::INT,
                        };
                        self.convert_untyped(&mut xo, x, target);
                        (target, None)
                    } else {
                        (t, None)
                    }
                }
                Type::Array(_, el) => (TypeTable::INT, Some(el)),
                Type::Slice(el) => (TypeTable::INT, Some(el)),
                Type::Pointer(p) => match self.tt.under(p).clone() {
                    Type::Array(_, el) => (TypeTable::INT, Some(el)),
                    _ => {
                        let xs = self.operand_string(&xo, x);
                        self.err(x.span, format!("cannot range over {}", xs));
                        (TypeTable::INVALID, Some(TypeTable::INVALID))
                    }
                },
                Type::Map(k, v) => (k, Some(v)),
                Type::Chan(d, el) => {
                    if d == ChanDir::Send {
                        let xs = self.operand_string(&xo, x);
                        self.err(
                            x.span,
                            format!(
                                "invalid operation: range {} receive from send-only channel",
                                xs
                            )
                            .replace("invalid operation: range ", "cannot range over ")
                            .replace(
                                " receive from send-only channel",
                                " (receive from send-only channel)",
                            ),
                        );
                    }
                    if value.is_some() {
                        self.err(
                            value.map_or(s.span, |v| v.span),
                            format!(
                                "range over {} permits only one iteration variable",
                                self.operand_string(&xo, x)
                            ),
                        );
                    }
                    (el, None)
                }
                Type::Func(sig) => {
                    // Range-over-func (Go 1.23): func(yield func(K[, V]) bool).
                    let ok = sig.params.len() == 1 && sig.results.is_empty();
                    let yield_sig = if ok {
                        self.tt.signature(sig.params[0]).cloned()
                    } else {
                        None
                    };
                    match yield_sig {
                        Some(ys)
                            if ys.results.len() == 1
                                && self.tt.is_boolean(ys.results[0])
                                && ys.params.len() <= 2 =>
                        {
                            let extra = match ys.params.len() {
                                0 => key.map(|k| (k, "permits no iteration variables")),
                                1 => value.map(|v| (v, "permits only one iteration variable")),
                                _ => None,
                            };
                            if let Some((at, what)) = extra {
                                let xs = self.operand_string(&xo, x);
                                self.err(at.span, format!("range over {} {}", xs, what));
                                (TypeTable::INVALID, Some(TypeTable::INVALID))
                            } else {
                                let k = ys.params.first().copied().unwrap_or(TypeTable::INVALID);
                                let v = ys.params.get(1).copied();
                                (k, v)
                            }
                        }
                        _ => {
                            let xs = self.operand_string(&xo, x);
                            self.err(x.span, format!("cannot range over {}", xs));
                            (TypeTable::INVALID, Some(TypeTable::INVALID))
                        }
                    }
                }
                _ => {
                    let xs = self.operand_string(&xo, x);
                    self.err(x.span, format!("cannot range over {}", xs));
                    (TypeTable::INVALID, Some(TypeTable::INVALID))
                }
            }
        };
        let vars: [(Option<&Expr>, Option<TypeId>); 2] = [(key, Some(kt)), (value, vt)];
        if define {
            let mut any = false;
            for (e, t) in vars {
                let Some(e) = e else { continue };
                let ExprKind::Ident(n) = &e.kind else {
                    self.err(
                        e.span,
                        format!("non-name {} on left side of :=", expr_string(e)),
                    );
                    continue;
                };
                let t = t.unwrap_or(TypeTable::INVALID);
                let o = self.new_obj(n, ObjKind::Var(VarKind::Local), t, e.span);
                self.info.types.insert(e.id, t);
                if n != "_" {
                    any = true;
                }
                self.declare(n, o, e.span);
            }
            let _ = any;
        } else {
            for (e, t) in vars {
                let Some(e) = e else { continue };
                let Some(t) = t else { continue };
                let Some(lt) = self.lhs_type(e) else { continue };
                let xo = Operand::value(t);
                if let Err(why) = self.assignable(&xo, lt) {
                    let s = format!("{} (variable of type {})", expr_string(e), self.ts(t));
                    let _ = s;
                    self.err(
                        e.span,
                        format!(
                            "cannot use {} (value of type {}) as {} value in range clause{}",
                            expr_string(e),
                            self.ts(t),
                            self.ts(lt),
                            why
                        )
                        .replace(
                            &format!(
                                "cannot use {} (value of type {}) as",
                                expr_string(e),
                                self.ts(t)
                            ),
                            &format!(
                                "cannot assign {} to {} (variable of type {}) in range; ",
                                self.ts(t),
                                expr_string(e),
                                self.ts(lt)
                            ),
                        )
                        .split("; ")
                        .next()
                        .unwrap_or("")
                        .to_string(),
                    );
                }
            }
        }
    }

    // ---- type switch ----

    fn type_switch(
        &mut self,
        init: Option<&Stmt>,
        bind: Option<&ast::Ident>,
        x: &Expr,
        clauses: &[ast::CaseClause],
        label: Option<String>,
    ) {
        self.push_scope();
        if let Some(i) = init {
            self.simple_stmt(i);
        }
        let xe = match &x.kind {
            ExprKind::TypeAssert(inner, None) => &**inner,
            _ => x,
        };
        let xo = self.value(xe, None);
        let mut xt = xo.ty;
        if !xo.is_invalid() && !self.tt.is_interface(xo.ty) {
            let xs = self.operand_string(&xo, xe);
            self.err(xe.span, format!("{} is not an interface", xs));
            xt = TypeTable::INVALID;
        }
        self.targets().push((Target::Switch, label));
        let mut bind_objs = Vec::new();
        let mut seen: Vec<(TypeId, Span)> = Vec::new();
        let mut default_seen = false;
        for c in clauses {
            if c.default {
                if default_seen {
                    self.err(c.span, "multiple defaults in switch");
                }
                default_seen = true;
            }
            let mut case_types = Vec::new();
            for e in &c.exprs {
                if let ExprKind::Ident(n) = &e.kind {
                    if n == "nil"
                        && self
                            .lookup("nil")
                            .is_some_and(|id| matches!(self.obj(id).kind, ObjKind::Nil))
                    {
                        self.info.types.insert(e.id, TypeTable::UNTYPED_NIL);
                        case_types.push(TypeTable::UNTYPED_NIL);
                        continue;
                    }
                }
                let t = self.type_expr(e);
                if t == TypeTable::INVALID {
                    case_types.push(t);
                    continue;
                }
                if let Some((_, prev)) = seen.iter().find(|(pt, _)| self.tt.identical(*pt, t)) {
                    let prev = *prev;
                    self.err(
                        e.span,
                        format!(
                            "duplicate case {} in type switch\n\t{}: previous case",
                            expr_string(e),
                            self.pos_placeholder(prev)
                        ),
                    );
                } else {
                    seen.push((t, e.span));
                }
                if xt != TypeTable::INVALID {
                    self.check_type_switch_case(xt, t, e, xe);
                }
                case_types.push(t);
            }
            self.push_scope();
            if let Some(b) = bind {
                let t = if case_types.len() == 1 && case_types[0] != TypeTable::UNTYPED_NIL {
                    case_types[0]
                } else {
                    xt
                };
                let o = self.new_obj(&b.name, ObjKind::Var(VarKind::Local), t, b.span);
                self.info.implicits.insert(c.span.lo, o);
                if b.name != "_" {
                    if let Some(sc) = self.scopes.last_mut() {
                        sc.insert(b.name.clone(), o);
                    }
                }
                bind_objs.push(o);
            }
            self.stmt_list(&c.body);
            // The implicit var is "used" if any clause uses it; remove it before pop_scope's
            // unused check.
            if let Some(b) = bind {
                if let Some(sc) = self.scopes.last_mut() {
                    sc.remove(&b.name);
                }
            }
            self.pop_scope();
        }
        self.targets().pop();
        if let Some(b) = bind {
            if b.name == "_" {
                self.err(b.span, "no new variable on left side of :=");
            } else {
                let o = self.new_obj(&b.name, ObjKind::Var(VarKind::Local), xt, b.span);
                self.info.defs.insert(b.span.lo, o);
                if !bind_objs.iter().any(|o| self.used.contains(o)) {
                    self.err(b.span, format!("{} declared and not used", b.name));
                }
            }
        }
        self.pop_scope();
    }

    fn check_type_switch_case(&mut self, iface: TypeId, t: TypeId, e: &Expr, xe: &Expr) {
        if self.tt.is_interface(t) || self.tt.is_type_param(t) {
            return;
        }
        if let Some((m, why)) = self.tt.missing_method(t, iface) {
            let reason = match why {
                crate::types::MissingReason::PointerReceiver => {
                    format!("method {} has pointer receiver", m)
                }
                crate::types::MissingReason::WrongType => format!("wrong type for method {}", m),
                crate::types::MissingReason::Missing => format!("missing method {}", m),
            };
            self.err(
                e.span,
                format!(
                    "impossible type switch case: {} (type {}) cannot have dynamic type {} ({})",
                    expr_string(xe),
                    self.ts(iface),
                    self.ts(t),
                    reason
                ),
            );
        }
    }

    // ---- terminating statements (spec "Terminating statements") ----

    pub(crate) fn is_terminating_list(&self, stmts: &[Stmt]) -> bool {
        // Trailing empty statements are ignored.
        let mut it = stmts
            .iter()
            .rev()
            .skip_while(|s| matches!(s.kind, StmtKind::Empty));
        match it.next() {
            Some(s) => self.is_terminating(s, None),
            None => false,
        }
    }

    fn is_terminating(&self, s: &Stmt, label: Option<&str>) -> bool {
        match &s.kind {
            StmtKind::Return(_) | StmtKind::Goto(_) => true,
            StmtKind::Expr(e) => {
                // panic(...) call
                if let ExprKind::Call { fun, .. } = &unparen(e).kind {
                    if let ExprKind::Ident(n) = &unparen(fun).kind {
                        if n == "panic" {
                            if let Some(&id) = self.info.uses.get(&unparen(fun).span.lo) {
                                return matches!(
                                    self.obj(id).kind,
                                    ObjKind::Builtin(Builtin::Panic)
                                );
                            }
                            return true;
                        }
                    }
                    // os.Exit is not terminating in Go's sense.
                }
                false
            }
            StmtKind::Block(b) => self.is_terminating_list(&b.stmts),
            StmtKind::If {
                then, els: Some(e), ..
            } => self.is_terminating_list(&then.stmts) && self.is_terminating(e, None),
            StmtKind::For { cond, body, .. } => {
                cond.is_none() && !has_break(&body.stmts, label, true)
            }
            StmtKind::Labeled(l, inner) => self.is_terminating(inner, Some(&l.name)),
            StmtKind::Switch { clauses, .. } | StmtKind::TypeSwitch { clauses, .. } => {
                clauses.iter().any(|c| c.default)
                    && clauses.iter().all(|c| {
                        !has_break(&c.body, label, true)
                            && (self.is_terminating_list(&c.body)
                                || c.body
                                    .last()
                                    .is_some_and(|s| matches!(s.kind, StmtKind::Fallthrough)))
                    })
            }
            StmtKind::Select { clauses } => clauses
                .iter()
                .all(|c| !has_break(&c.body, label, true) && self.is_terminating_list(&c.body)),
            _ => false,
        }
    }
}

/// Whether `stmts` contain a `break` that targets the enclosing statement (unlabeled at top
/// nesting level, or labeled with `label`).
fn has_break(stmts: &[Stmt], label: Option<&str>, top: bool) -> bool {
    stmts.iter().any(|s| stmt_has_break(s, label, top))
}

fn stmt_has_break(s: &Stmt, label: Option<&str>, top: bool) -> bool {
    match &s.kind {
        StmtKind::Break(None) => top,
        StmtKind::Break(Some(l)) => Some(l.name.as_str()) == label,
        StmtKind::Block(b) => has_break(&b.stmts, label, top),
        StmtKind::If { then, els, .. } => {
            has_break(&then.stmts, label, top)
                || els.as_ref().is_some_and(|e| stmt_has_break(e, label, top))
        }
        StmtKind::Labeled(_, inner) => stmt_has_break(inner, label, top),
        // Nested breakable statements: unlabeled breaks inside target them.
        StmtKind::For { body, .. } | StmtKind::Range { body, .. } => {
            has_break(&body.stmts, label, false)
        }
        StmtKind::Switch { clauses, .. } | StmtKind::TypeSwitch { clauses, .. } => {
            clauses.iter().any(|c| has_break(&c.body, label, false))
        }
        StmtKind::Select { clauses } => clauses.iter().any(|c| has_break(&c.body, label, false)),
        _ => false,
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// A NodeId for the synthetic `x op y` of `x op= y` (outside the parser's range).
fn s_id(s: &Stmt) -> NodeId {
    NodeId(0xC000_0000 | (s.span.lo & 0x3FFF_FFFF))
}

#[allow(dead_code)]
fn unused(_: HashMap<u8, u8>) {}
