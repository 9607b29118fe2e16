//! Syntactic escape analysis: which local variables must live in heap cells (captured by a
//! function literal, or address taken with `&x` / an implicit `&x` for a pointer method).

use crate::ast::{Block, Expr, ExprKind, Stmt, StmtKind, UnOp};
use crate::check::{AutoRef, Selection, Subst, TypeInfo};
use crate::types::{ObjId, Type, TypeId, TypeTable};
use std::collections::HashSet;

/// The checker's facts plus the type table (to tell arrays from slices).
pub struct Ctx<'a> {
    info: &'a TypeInfo,
    tt: &'a TypeTable,
    /// The substitution of the generic instance being compiled.
    sub: Option<&'a Subst>,
    /// Slice-variable use counting for `stack_slices` (None in the other passes).
    uses: Option<SliceUses>,
}

#[derive(Default)]
struct SliceUses {
    /// Every use of a variable.
    total: std::cell::RefCell<std::collections::HashMap<ObjId, usize>>,
    /// Uses that keep the backing array local: `len(s)`, `cap(s)`, `s == nil`, `s[i]`,
    /// both `s` of `s = append(s, ...)`.
    local: std::cell::RefCell<std::collections::HashMap<ObjId, usize>>,
    /// Inside a function literal.
    in_lit: std::cell::Cell<bool>,
    bad: std::cell::RefCell<HashSet<ObjId>>,
}

impl Ctx<'_> {
    /// `t` under the instance's substitution.
    fn sub(&self, t: TypeId) -> TypeId {
        self.sub.and_then(|s| s.map.get(&t).copied()).unwrap_or(t)
    }
    fn local_use(&self, e: &Expr) {
        if let (Some(u), ExprKind::Ident(_)) = (&self.uses, &e.kind) {
            if let Some(o) = self.info.obj_at(e.span.lo) {
                *u.local.borrow_mut().entry(o).or_default() += 1;
            }
        }
    }
}

/// Local slice variables whose backing array never leaves the function: every use is
/// `len`/`cap`/`== nil`/indexing or `s = append(s, ...)` (and none in a function literal).
/// Go's compiler gives their appends a 32-byte stack buffer (runtime.growsliceBuf), which
/// shows in `cap(s)`.
pub fn stack_slices(
    b: &Block,
    info: &TypeInfo,
    tt: &TypeTable,
    sub: Option<&Subst>,
) -> HashSet<ObjId> {
    let ctx = Ctx {
        info,
        tt,
        sub,
        uses: Some(SliceUses::default()),
    };
    let mut sink = HashSet::new();
    for s in &b.stmts {
        stmt(s, &ctx, &mut sink, true);
    }
    let Some(u) = ctx.uses else {
        return HashSet::new();
    };
    let local = u.local.borrow();
    let bad = u.bad.borrow();
    let total = u.total.borrow();
    let r = total
        .iter()
        .filter(|(o, n)| {
            local.get(o) == Some(n) && !bad.contains(o) && {
                let t = info.object(**o).ty;
                let t = sub.and_then(|s| s.map.get(&t).copied()).unwrap_or(t);
                matches!(tt.under(t), Type::Slice(_))
            }
        })
        .map(|(o, _)| *o)
        .collect();
    r
}

impl std::ops::Deref for Ctx<'_> {
    type Target = TypeInfo;
    fn deref(&self) -> &TypeInfo {
        self.info
    }
}

pub fn block(
    b: &Block,
    info: &TypeInfo,
    tt: &TypeTable,
    sub: Option<&Subst>,
    out: &mut HashSet<ObjId>,
) {
    let info = &Ctx {
        info,
        tt,
        sub,
        uses: None,
    };
    for s in &b.stmts {
        stmt(s, info, out, false);
    }
}

/// Every variable an identifier in `b` refers to (the candidates for capture by a function
/// literal with body `b`).
pub fn idents(
    b: &Block,
    info: &TypeInfo,
    tt: &TypeTable,
    sub: Option<&Subst>,
    out: &mut HashSet<ObjId>,
) {
    let info = &Ctx {
        info,
        tt,
        sub,
        uses: None,
    };
    for s in &b.stmts {
        stmt(s, info, out, true);
    }
}

/// Every variable identifier `x` refers to (like [`idents`], for one expression).
pub fn expr_idents(
    x: &Expr,
    info: &TypeInfo,
    tt: &TypeTable,
    sub: Option<&Subst>,
    out: &mut HashSet<ObjId>,
) {
    let info = &Ctx {
        info,
        tt,
        sub,
        uses: None,
    };
    expr(x, info, out, true);
}

/// Does the body contain a `defer` (outside nested function literals)?
pub fn has_defer(b: &Block) -> bool {
    b.stmts.iter().any(stmt_has_defer)
}

fn stmt_has_defer(s: &Stmt) -> bool {
    match &s.kind {
        StmtKind::Defer(_) => true,
        StmtKind::Block(b) => has_defer(b),
        StmtKind::If { then, els, .. } => {
            has_defer(then) || els.as_deref().is_some_and(stmt_has_defer)
        }
        StmtKind::For { body, .. } | StmtKind::Range { body, .. } => has_defer(body),
        StmtKind::Switch { clauses, .. } | StmtKind::TypeSwitch { clauses, .. } => {
            clauses.iter().any(|c| c.body.iter().any(stmt_has_defer))
        }
        StmtKind::Select { clauses } => clauses.iter().any(|c| c.body.iter().any(stmt_has_defer)),
        StmtKind::Labeled(_, s) => stmt_has_defer(s),
        _ => false,
    }
}

fn stmt(s: &Stmt, info: &Ctx<'_>, out: &mut HashSet<ObjId>, cap: bool) {
    let e = |x: &Expr, out: &mut HashSet<ObjId>| expr(x, info, out, cap);
    match &s.kind {
        StmtKind::Expr(x) | StmtKind::Go(x) | StmtKind::Defer(x) => e(x, out),
        StmtKind::Send { ch, value } => {
            e(ch, out);
            e(value, out)
        }
        StmtKind::IncDec { x, .. } => e(x, out),
        StmtKind::Assign { lhs, rhs, .. } => {
            // Storing into a variable (`s = x`, `s := x`) does not let its old backing array
            // out.
            for l in lhs {
                info.local_use(l);
            }
            // `s = append(s, ...)`: the argument use keeps s's backing array local too.
            if let ([l], [r]) = (lhs.as_slice(), rhs.as_slice()) {
                if let ExprKind::Call { fun, args, .. } = &r.kind {
                    if let (ExprKind::Ident(f), ExprKind::Ident(a), ExprKind::Ident(b)) = (
                        &fun.kind,
                        &l.kind,
                        args.first().map(|a| &a.kind).unwrap_or(&fun.kind),
                    ) {
                        if f == "append" && a == b && info.uses.is_some() {
                            info.local_use(&args[0]);
                        }
                    }
                }
            }
            for x in lhs.iter().chain(rhs.iter()) {
                e(x, out)
            }
        }
        StmtKind::Decl(crate::ast::Decl::Var(specs)) => {
            for sp in specs {
                for v in &sp.values {
                    e(v, out)
                }
                if cap {
                    for n in &sp.names {
                        if let Some(o) = info.defs.get(&n.span.lo) {
                            out.insert(*o);
                        }
                    }
                }
            }
        }
        StmtKind::Return(xs) => xs.iter().for_each(|x| e(x, out)),
        StmtKind::Block(b) => b.stmts.iter().for_each(|s| stmt(s, info, out, cap)),
        StmtKind::If {
            init,
            cond,
            then,
            els,
        } => {
            if let Some(i) = init {
                stmt(i, info, out, cap)
            }
            e(cond, out);
            then.stmts.iter().for_each(|s| stmt(s, info, out, cap));
            if let Some(x) = els {
                stmt(x, info, out, cap)
            }
        }
        StmtKind::Switch {
            init, tag, clauses, ..
        } => {
            if let Some(i) = init {
                stmt(i, info, out, cap)
            }
            if let Some(t) = tag {
                e(t, out)
            }
            for c in clauses {
                c.exprs.iter().for_each(|x| e(x, out));
                c.body.iter().for_each(|s| stmt(s, info, out, cap));
            }
        }
        StmtKind::TypeSwitch {
            init, x, clauses, ..
        } => {
            if let Some(i) = init {
                stmt(i, info, out, cap)
            }
            e(x, out);
            for c in clauses {
                c.body.iter().for_each(|s| stmt(s, info, out, cap));
                if cap {
                    if let Some(o) = info.implicits.get(&c.span.lo) {
                        out.insert(*o);
                    }
                }
            }
        }
        StmtKind::Select { clauses } => {
            for c in clauses {
                if let Some(cm) = &c.comm {
                    stmt(cm, info, out, cap)
                }
                c.body.iter().for_each(|s| stmt(s, info, out, cap));
            }
        }
        StmtKind::For {
            init,
            cond,
            post,
            body,
        } => {
            if let Some(i) = init {
                stmt(i, info, out, cap)
            }
            if let Some(c) = cond {
                e(c, out)
            }
            if let Some(p) = post {
                stmt(p, info, out, cap)
            }
            body.stmts.iter().for_each(|s| stmt(s, info, out, cap));
        }
        StmtKind::Range {
            key,
            value,
            x,
            body,
            ..
        } => {
            let over_func = info
                .types
                .get(&x.id)
                .is_some_and(|t| matches!(info.tt.under(info.sub(*t)), Type::Func(_)));
            e(x, out);
            if over_func {
                // The body of a range-over-func loop is a closure: what it uses is captured.
                let was = info.uses.as_ref().map(|u| u.in_lit.replace(true));
                for k in key.iter().chain(value.iter()) {
                    expr(k, info, out, true)
                }
                body.stmts.iter().for_each(|s| stmt(s, info, out, true));
                if let (Some(u), Some(w)) = (&info.uses, was) {
                    u.in_lit.set(w);
                }
            } else {
                for k in key.iter().chain(value.iter()) {
                    e(k, out)
                }
                body.stmts.iter().for_each(|s| stmt(s, info, out, cap));
            }
        }
        StmtKind::Labeled(_, s) => stmt(s, info, out, cap),
        _ => {}
    }
}

/// `cap`: inside a function literal, every identifier use is a potential capture.
fn expr(x: &Expr, info: &Ctx<'_>, out: &mut HashSet<ObjId>, cap: bool) {
    let rec = |y: &Expr, out: &mut HashSet<ObjId>| expr(y, info, out, cap);
    match &x.kind {
        ExprKind::Ident(_) if cap => {
            if let Some(o) = info.obj_at(x.span.lo) {
                out.insert(o);
                if let Some(u) = &info.uses {
                    *u.total.borrow_mut().entry(o).or_default() += 1;
                    if u.in_lit.get() {
                        u.bad.borrow_mut().insert(o);
                    }
                }
            }
        }
        ExprKind::FuncLit { body, .. } => {
            let was = info.uses.as_ref().map(|u| u.in_lit.replace(true));
            for s in &body.stmts {
                stmt(s, info, out, true);
            }
            if let (Some(u), Some(w)) = (&info.uses, was) {
                u.in_lit.set(w);
            }
        }
        ExprKind::Unary(UnOp::Addr, inner) => {
            if let Some(u) = &info.uses {
                let mut r = &**inner;
                while let ExprKind::Index(y, _) | ExprKind::Paren(y) | ExprKind::Selector(y, _) =
                    &r.kind
                {
                    r = y;
                }
                if let Some(o) = info.info.obj_at(r.span.lo) {
                    u.bad.borrow_mut().insert(o);
                }
            }
            mark_root(inner, info, out);
            rec(inner, out);
        }
        ExprKind::Selector(base, _) => {
            if let Some(Selection::Method {
                auto: AutoRef::AddrOf,
                ..
            }) = info.selections.get(&x.id)
            {
                mark_root(base, info, out);
            }
            rec(base, out);
        }
        ExprKind::CompositeLit { elems, .. } => {
            for el in elems {
                if let Some(k) = &el.key {
                    rec(k, out)
                }
                rec(&el.value, out)
            }
        }
        ExprKind::Paren(a) | ExprKind::Star(a) | ExprKind::Unary(_, a) => rec(a, out),
        ExprKind::Index(a, is) => {
            // &a[i] of an array variable also takes the array's address.
            info.local_use(a);
            // `a[i][j]`, `s.arr[i]`, `a[i].f[j]`: an element of an array that is itself part
            // of an aggregate variable. Such a variable lives in a cell, so the element is
            // read and written through its address instead of copying the inner aggregate.
            if is_array(a, info)
                && matches!(
                    strip_parens(a).kind,
                    ExprKind::Index(..) | ExprKind::Selector(..)
                )
            {
                mark_root(a, info, out);
            }
            rec(a, out);
            is.iter().for_each(|i| rec(i, out));
        }
        ExprKind::Slice {
            x: a, lo, hi, max, ..
        } => {
            // Slicing an addressable array takes its address.
            mark_root_if_array(a, info, out);
            rec(a, out);
            for y in [lo, hi, max].into_iter().flatten() {
                rec(y, out)
            }
        }
        ExprKind::TypeAssert(a, _) => rec(a, out),
        ExprKind::Call { fun, args, .. } => {
            if let (ExprKind::Ident(f), [a]) = (&fun.kind, args.as_slice()) {
                if f == "len" || f == "cap" {
                    info.local_use(a);
                }
            }
            rec(fun, out);
            args.iter().for_each(|a| rec(a, out));
        }
        ExprKind::Binary(op, a, b)
            if matches!(op, crate::ast::BinOp::Eq | crate::ast::BinOp::Ne)
                && (matches!(&b.kind, ExprKind::Ident(n) if n == "nil")
                    || matches!(&a.kind, ExprKind::Ident(n) if n == "nil")) =>
        {
            info.local_use(a);
            info.local_use(b);
            rec(a, out);
            rec(b, out)
        }
        ExprKind::Binary(_, a, b) | ExprKind::KeyValue(a, b) => {
            rec(a, out);
            rec(b, out)
        }
        _ => {}
    }
}

fn mark_root_if_array(a: &Expr, info: &Ctx<'_>, out: &mut HashSet<ObjId>) {
    if is_array(a, info) {
        mark_root(a, info, out);
    }
}

fn is_array(a: &Expr, info: &Ctx<'_>) -> bool {
    info.types
        .get(&a.id)
        .is_some_and(|t| matches!(info.tt.under(info.sub(*t)), Type::Array(..)))
}

fn strip_parens(mut e: &Expr) -> &Expr {
    while let ExprKind::Paren(x) = &e.kind {
        e = x;
    }
    e
}

/// Mark the variable at the root of an addressable expression (`x`, `x.f`, `x[i]` of arrays).
fn mark_root(e: &Expr, info: &Ctx<'_>, out: &mut HashSet<ObjId>) {
    match &e.kind {
        ExprKind::Ident(_) => {
            if let Some(o) = info.obj_at(e.span.lo) {
                out.insert(o);
            }
        }
        ExprKind::Paren(x) => mark_root(x, info, out),
        ExprKind::Selector(x, _) => {
            if let Some(Selection::Field { indirect, .. }) = info.selections.get(&e.id) {
                if !indirect.first().copied().unwrap_or(false) {
                    mark_root(x, info, out)
                }
            }
        }
        // `&a[i]` of an array takes the array's address; of a slice (or through a pointer to
        // an array) it points into memory the variable only refers to.
        ExprKind::Index(x, _) => mark_root_if_array(x, info, out),
        _ => {}
    }
}
