//! Moving a standard-library package's AST to its own range of positions.
//!
//! Library packages with Go bodies (the generic functions of `slices`, `maps`, `cmp`) keep
//! their side tables in the program's [`super::TypeInfo`] so the compiler can monomorphise
//! them like user code. Identifier tables are keyed by `span.lo`, so each package's spans are
//! shifted past the program's source (and past every other package) first.

use crate::ast::*;

/// First position of library package number `k` (1 GiB + k × 16 MiB; a library source is far
/// smaller than 16 MiB, a program far smaller than 1 GiB).
pub fn base(k: usize) -> u32 {
    0x4000_0000 + (k as u32) * 0x0100_0000
}

/// Add `d` to every span of `f`.
pub fn shift_file(f: &mut File, d: u32) {
    ident(&mut f.package, d);
    for i in &mut f.imports {
        if let Some(n) = &mut i.name {
            ident(n, d);
        }
        span(&mut i.span, d);
    }
    for x in &mut f.decls {
        decl(x, d);
    }
}

fn span(s: &mut Span, d: u32) {
    s.lo = s.lo.saturating_add(d);
    s.hi = s.hi.saturating_add(d);
}

fn ident(i: &mut Ident, d: u32) {
    span(&mut i.span, d);
}

fn decl(x: &mut Decl, d: u32) {
    match x {
        Decl::Var(specs) => {
            for s in specs {
                s.names.iter_mut().for_each(|n| ident(n, d));
                if let Some(t) = &mut s.ty {
                    expr(t, d);
                }
                s.values.iter_mut().for_each(|v| expr(v, d));
                span(&mut s.span, d);
            }
        }
        Decl::Const(specs) => {
            for s in specs {
                s.names.iter_mut().for_each(|n| ident(n, d));
                if let Some(t) = &mut s.ty {
                    expr(t, d);
                }
                s.values.iter_mut().for_each(|v| expr(v, d));
                span(&mut s.span, d);
            }
        }
        Decl::Type(specs) => {
            for s in specs {
                ident(&mut s.name, d);
                s.tparams.iter_mut().for_each(|f| field(f, d));
                expr(&mut s.ty, d);
                span(&mut s.span, d);
            }
        }
        Decl::Func(fd) => {
            if let Some(r) = &mut fd.recv {
                field(r, d);
            }
            ident(&mut fd.name, d);
            fd.tparams.iter_mut().for_each(|f| field(f, d));
            func_type(&mut fd.sig, d);
            if let Some(b) = &mut fd.body {
                block(b, d);
            }
            span(&mut fd.span, d);
        }
    }
}

fn field(f: &mut Field, d: u32) {
    f.names.iter_mut().for_each(|n| ident(n, d));
    expr(&mut f.ty, d);
    span(&mut f.span, d);
}

fn func_type(t: &mut FuncType, d: u32) {
    t.params.iter_mut().for_each(|f| field(f, d));
    t.results.iter_mut().for_each(|f| field(f, d));
    span(&mut t.span, d);
}

fn block(b: &mut Block, d: u32) {
    b.stmts.iter_mut().for_each(|s| stmt(s, d));
    span(&mut b.lbrace, d);
    span(&mut b.rbrace, d);
}

fn opt_stmt(s: &mut Option<Box<Stmt>>, d: u32) {
    if let Some(s) = s {
        stmt(s, d);
    }
}

fn clauses(cs: &mut [CaseClause], d: u32) {
    for c in cs {
        c.exprs.iter_mut().for_each(|e| expr(e, d));
        c.body.iter_mut().for_each(|s| stmt(s, d));
        span(&mut c.span, d);
    }
}

fn stmt(s: &mut Stmt, d: u32) {
    span(&mut s.span, d);
    match &mut s.kind {
        StmtKind::Empty | StmtKind::Fallthrough => {}
        StmtKind::Expr(e) | StmtKind::Go(e) | StmtKind::Defer(e) => expr(e, d),
        StmtKind::Send { ch, value } => {
            expr(ch, d);
            expr(value, d);
        }
        StmtKind::IncDec { x, .. } => expr(x, d),
        StmtKind::Assign { lhs, rhs, .. } => {
            lhs.iter_mut().for_each(|e| expr(e, d));
            rhs.iter_mut().for_each(|e| expr(e, d));
        }
        StmtKind::Decl(x) => decl(x, d),
        StmtKind::Return(es) => es.iter_mut().for_each(|e| expr(e, d)),
        StmtKind::Break(l) | StmtKind::Continue(l) => {
            if let Some(l) = l {
                ident(l, d);
            }
        }
        StmtKind::Goto(l) => ident(l, d),
        StmtKind::Block(b) => block(b, d),
        StmtKind::If {
            init,
            cond,
            then,
            els,
        } => {
            opt_stmt(init, d);
            expr(cond, d);
            block(then, d);
            opt_stmt(els, d);
        }
        StmtKind::Switch {
            init,
            tag,
            clauses: cs,
            rbrace,
        } => {
            opt_stmt(init, d);
            if let Some(t) = tag {
                expr(t, d);
            }
            clauses(cs, d);
            span(rbrace, d);
        }
        StmtKind::TypeSwitch {
            init,
            bind,
            x,
            clauses: cs,
            rbrace,
        } => {
            opt_stmt(init, d);
            if let Some(b) = bind {
                ident(b, d);
            }
            expr(x, d);
            clauses(cs, d);
            span(rbrace, d);
        }
        StmtKind::Select { clauses: cs } => {
            for c in cs {
                opt_stmt(&mut c.comm, d);
                c.body.iter_mut().for_each(|s| stmt(s, d));
                span(&mut c.span, d);
            }
        }
        StmtKind::For {
            init,
            cond,
            post,
            body,
        } => {
            opt_stmt(init, d);
            if let Some(c) = cond {
                expr(c, d);
            }
            opt_stmt(post, d);
            block(body, d);
        }
        StmtKind::Range {
            key,
            value,
            x,
            body,
            ..
        } => {
            for e in [key, value].into_iter().flatten() {
                expr(e, d);
            }
            expr(x, d);
            block(body, d);
        }
        StmtKind::Labeled(l, s) => {
            ident(l, d);
            stmt(s, d);
        }
    }
}

fn opt_expr(e: &mut Option<Box<Expr>>, d: u32) {
    if let Some(e) = e {
        expr(e, d);
    }
}

fn expr(e: &mut Expr, d: u32) {
    span(&mut e.span, d);
    match &mut e.kind {
        ExprKind::Ident(_)
        | ExprKind::IntLit(_)
        | ExprKind::FloatLit(_)
        | ExprKind::ImagLit(_)
        | ExprKind::RuneLit(_)
        | ExprKind::StringLit(_)
        | ExprKind::Bad
        | ExprKind::TupleElem(_) => {}
        ExprKind::CompositeLit { ty, elems, rbrace } => {
            opt_expr(ty, d);
            for el in elems {
                if let Some(k) = &mut el.key {
                    expr(k, d);
                }
                expr(&mut el.value, d);
            }
            span(rbrace, d);
        }
        ExprKind::FuncLit { sig, body } => {
            func_type(sig, d);
            block(body, d);
        }
        ExprKind::Paren(x)
        | ExprKind::Star(x)
        | ExprKind::Unary(_, x)
        | ExprKind::SliceType(x)
        | ExprKind::ChanType(_, x)
        | ExprKind::Ellipsis(x) => expr(x, d),
        ExprKind::Selector(x, sel) => {
            expr(x, d);
            ident(sel, d);
        }
        ExprKind::Index(x, idx) => {
            expr(x, d);
            idx.iter_mut().for_each(|i| expr(i, d));
        }
        ExprKind::Slice { x, lo, hi, max, .. } => {
            expr(x, d);
            opt_expr(lo, d);
            opt_expr(hi, d);
            opt_expr(max, d);
        }
        ExprKind::TypeAssert(x, t) => {
            expr(x, d);
            opt_expr(t, d);
        }
        ExprKind::Call {
            fun, args, rparen, ..
        } => {
            expr(fun, d);
            args.iter_mut().for_each(|a| expr(a, d));
            span(rparen, d);
        }
        ExprKind::Binary(_, a, b) | ExprKind::KeyValue(a, b) | ExprKind::MapType(a, b) => {
            expr(a, d);
            expr(b, d);
        }
        ExprKind::ArrayType { len, elem } => {
            opt_expr(len, d);
            expr(elem, d);
        }
        ExprKind::FuncType(t) => func_type(t, d),
        ExprKind::StructType(fs) => fs.iter_mut().for_each(|f| field(f, d)),
        ExprKind::InterfaceType(elems) => {
            for el in elems {
                match el {
                    InterfaceElem::Method { name, sig } => {
                        ident(name, d);
                        func_type(sig, d);
                    }
                    InterfaceElem::Embed(x) => expr(x, d),
                }
            }
        }
        ExprKind::Union(xs) => xs.iter_mut().for_each(|x| expr(x, d)),
    }
}
