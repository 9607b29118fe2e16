//! Calls (functions, methods, builtins, conversions, generic instantiation), selectors,
//! index and slice expressions, composite literals.

use std::collections::HashMap;

use super::decl::State;
use super::expr::{expr_string, unparen, Mode, Operand};
use super::*;
use crate::ast::{Expr, ExprKind};
use crate::types::{BasicKind, ChanDir, Lookup, Type};

impl State {
    // ---- calls ----

    pub(crate) fn call(
        &mut self,
        e: &Expr,
        fun: &Expr,
        args: &[Expr],
        ellipsis: bool,
        rparen: Span,
        hint: Option<TypeId>,
    ) -> Operand {
        if let Some(sig) = self.partial_instantiation(e, fun, args, ellipsis) {
            // `f[A](args)` with fewer type arguments than f has type parameters: the rest
            // are inferred from the arguments.
            self.info.calls.insert(e.id, CallKind::Regular);
            let Some(sig) = sig else {
                return Operand::invalid();
            };
            self.call_args(e, &expr_string(fun), &sig, args, ellipsis, rparen);
            return self.call_result(&sig);
        }
        let f = self.expr(fun, None);
        match f.mode {
            Mode::Invalid => {
                for a in args {
                    self.expr(a, None);
                }
                return Operand::invalid();
            }
            Mode::TypeExpr => return self.conversion(e, f.ty, args, ellipsis),
            Mode::Builtin(b) => return self.builtin(e, b, args, ellipsis, rparen, hint),
            _ => {}
        }
        self.info.calls.insert(e.id, CallKind::Regular);
        let Some(sig) = self.tt.signature(f.ty).cloned() else {
            let s = self.operand_string(&f, fun);
            let ts = self.ts(f.ty);
            self.err(
                e.span,
                format!(
                    "invalid operation: cannot call {}: {} is not a function",
                    s, ts
                ),
            );
            for a in args {
                self.expr(a, None);
            }
            return Operand::invalid();
        };
        let fname = expr_string(fun);
        // Generic function: infer type arguments.
        let generic = self.generic_of(fun);
        let sig = if let Some((fobj, tparams)) = generic {
            match self.infer_and_instantiate(e, fun, fobj, &tparams, &sig, args, ellipsis) {
                Some(s) => s,
                None => return Operand::invalid(),
            }
        } else {
            sig
        };
        self.call_args(e, &fname, &sig, args, ellipsis, rparen);
        self.call_result(&sig)
    }

    /// The operand a call of signature `sig` produces: no value, one value, or a tuple.
    fn call_result(&mut self, sig: &crate::types::Signature) -> Operand {
        match sig.results.len() {
            0 => Operand {
                mode: Mode::NoValue,
                ty: TypeTable::VOID,
                val: None,
            },
            1 => Operand::value(sig.results[0]),
            _ => {
                let t = self.tt.tuple(sig.results.clone());
                Operand::value(t)
            }
        }
    }

    /// `f[A](args)` where generic function `f` (an identifier) has more type parameters than
    /// the type arguments given: None if `fun` is not that; else the instantiated signature
    /// with the missing type arguments inferred (Some(None) after an error).
    fn partial_instantiation(
        &mut self,
        e: &Expr,
        fun: &Expr,
        args: &[Expr],
        ellipsis: bool,
    ) -> Option<Option<crate::types::Signature>> {
        let ix = unparen(fun);
        let ExprKind::Index(x, idx) = &ix.kind else {
            return None;
        };
        let ExprKind::Ident(name) = &unparen(x).kind else {
            return None;
        };
        let id = self.lookup(name)?;
        let tps = self.generic_tparams.get(&id).cloned()?;
        if !matches!(self.obj(id).kind, ObjKind::Func { .. }) || idx.len() >= tps.len() {
            return None;
        }
        let xo = self.expr(x, None);
        if xo.is_invalid() {
            return Some(None);
        }
        let seed: Vec<TypeId> = idx.iter().map(|a| self.type_expr(a)).collect();
        let Some(sig) = self.tt.signature(self.obj(id).ty).cloned() else {
            return Some(None);
        };
        Some(self.infer_and_instantiate_seeded(e, ix, id, &tps, &sig, args, ellipsis, &seed))
    }

    /// Is `e` a generic function used without type arguments (and not yet instantiated)?
    pub(crate) fn is_generic_func_value(&mut self, e: &Expr) -> bool {
        let u = unparen(e);
        if !matches!(u.kind, ExprKind::Ident(_) | ExprKind::Selector(..))
            || self.info.instances.contains_key(&u.id)
        {
            return false;
        }
        let lo = match &u.kind {
            ExprKind::Ident(n) => match self.info.uses.get(&u.span.lo) {
                Some(_) => u.span.lo,
                None => {
                    // Not checked yet: resolve the name.
                    return self
                        .lookup(n)
                        .is_some_and(|id| self.generic_tparams.contains_key(&id));
                }
            },
            ExprKind::Selector(_, sel) => sel.span.lo,
            _ => return false,
        };
        self.info
            .uses
            .get(&lo)
            .is_some_and(|id| self.generic_tparams.contains_key(id))
    }

    /// Reverse type inference (Go 1.21): a generic function value `e` assigned to a function
    /// type `target` is instantiated to match it (`var f func(int) int = Double`). Returns
    /// whether it was.
    pub(crate) fn reverse_instantiate(
        &mut self,
        x: &mut Operand,
        e: &Expr,
        target: TypeId,
    ) -> bool {
        if x.is_invalid() || self.info.instances.contains_key(&unparen(e).id) {
            return false;
        }
        let Some((fobj, tps)) = self.generic_of(e) else {
            return false;
        };
        let tu = self.tt.underlying(target);
        if self.tt.signature(tu).is_none() {
            return false;
        }
        let gsig = self.obj(fobj).ty;
        let mut map: HashMap<TypeId, TypeId> = HashMap::new();
        self.unify(gsig, tu, &mut map, &tps);
        self.constraint_inference(&mut map, &tps);
        let Some(targs) = tps
            .iter()
            .map(|t| map.get(t).copied())
            .collect::<Option<Vec<TypeId>>>()
        else {
            return false;
        };
        let Some(sig) = self.instantiate_func(e, fobj, &tps, &targs, e.span) else {
            *x = Operand::invalid();
            return false;
        };
        x.ty = self.tt.func(sig.params, sig.results, sig.variadic);
        self.info.types.insert(e.id, x.ty);
        true
    }

    /// If `fun` names a generic function (not yet instantiated), its object and type params.
    pub(crate) fn generic_of(&mut self, fun: &Expr) -> Option<(ObjId, Vec<TypeId>)> {
        let fun = unparen(fun);
        let lo = match &fun.kind {
            ExprKind::Ident(_) => fun.span.lo,
            ExprKind::Selector(_, sel) => sel.span.lo,
            _ => return None,
        };
        let id = self.info.uses.get(&lo).copied()?;
        let o = self.obj(id);
        if !matches!(o.kind, ObjKind::Func { .. }) {
            return None;
        }
        let tps = self.generic_tparams.get(&id).cloned()?;
        Some((id, tps))
    }

    /// Infer type arguments from the call's arguments (simple unification) and record the
    /// instance. Returns the instantiated signature.
    #[allow(clippy::too_many_arguments)]
    fn infer_and_instantiate(
        &mut self,
        e: &Expr,
        fun: &Expr,
        fobj: ObjId,
        tparams: &[TypeId],
        sig: &crate::types::Signature,
        args: &[Expr],
        ellipsis: bool,
    ) -> Option<crate::types::Signature> {
        self.infer_and_instantiate_seeded(e, fun, fobj, tparams, sig, args, ellipsis, &[])
    }

    /// [`Self::infer_and_instantiate`] with the first type arguments given (`seed`).
    #[allow(clippy::too_many_arguments)]
    fn infer_and_instantiate_seeded(
        &mut self,
        e: &Expr,
        fun: &Expr,
        fobj: ObjId,
        tparams: &[TypeId],
        sig: &crate::types::Signature,
        args: &[Expr],
        ellipsis: bool,
        seed: &[TypeId],
    ) -> Option<crate::types::Signature> {
        let mut map: HashMap<TypeId, TypeId> =
            tparams.iter().copied().zip(seed.iter().copied()).collect();
        let ptype = |tt: &TypeTable, i: usize| -> Option<TypeId> {
            if sig.variadic && i + 1 >= sig.params.len() {
                let last = *sig.params.last()?;
                if ellipsis {
                    Some(last)
                } else {
                    match tt.get(last) {
                        Type::Slice(el) => Some(*el),
                        _ => Some(last),
                    }
                }
            } else {
                sig.params.get(i).copied()
            }
        };
        // First pass: typed arguments.
        let mut untyped: Vec<(usize, TypeId, TypeId)> = Vec::new();
        for (i, a) in args.iter().enumerate() {
            let Some(pt) = ptype(&self.tt, i) else {
                continue;
            };
            if self.is_generic_func_value(a) {
                // A generic function argument is instantiated from the parameter type
                // once the call's own type arguments are known (reverse inference).
                continue;
            }
            let hint = self.subst_partial(pt, &map);
            let at = self.arg_type_for_infer(a, hint);
            if self.tt.is_untyped(at) {
                untyped.push((i, pt, at));
                continue;
            }
            self.unify(pt, at, &mut map, tparams);
        }
        self.constraint_inference(&mut map, tparams);
        // Untyped constants: the default type of the "largest" untyped argument.
        let mut best: HashMap<TypeId, TypeId> = HashMap::new();
        for (_, pt, at) in &untyped {
            if tparams.contains(pt) && !map.contains_key(pt) && *at != TypeTable::UNTYPED_NIL {
                let rank = |t: TypeId| match t {
                    TypeTable::UNTYPED_INT => 0,
                    TypeTable::UNTYPED_RUNE => 1,
                    TypeTable::UNTYPED_FLOAT => 2,
                    TypeTable::UNTYPED_COMPLEX => 3,
                    _ => 4,
                };
                let e = best.entry(*pt).or_insert(*at);
                if rank(*at) > rank(*e) {
                    *e = *at;
                }
            }
        }
        for (pt, at) in best {
            let d = self.default_type(at);
            map.insert(pt, d);
        }
        self.constraint_inference(&mut map, tparams);
        let mut targs = Vec::new();
        for tp in tparams {
            match map.get(tp) {
                Some(&t) => targs.push(t),
                None => {
                    let n = match self.tt.get(*tp) {
                        Type::TypeParam(p) => p.name.clone(),
                        _ => "?".into(),
                    };
                    // At the call's opening parenthesis, with the parameter's declaration.
                    let decl = self
                        .info
                        .objects
                        .iter()
                        .find(|o| o.ty == *tp && matches!(o.kind, ObjKind::TypeName))
                        .map(|o| format!(" (declared at ./\u{0}POS{}\u{0})", o.span.lo))
                        .unwrap_or_default();
                    let at = match &e.kind {
                        ExprKind::Call { .. } => Span {
                            lo: fun.span.hi,
                            hi: fun.span.hi + 1,
                        },
                        _ => e.span,
                    };
                    self.err(
                        at,
                        format!(
                            "in call to {}, cannot infer {}{}",
                            expr_string(fun),
                            n,
                            decl
                        ),
                    );
                    return None;
                }
            }
        }
        // types2 reports failed inferred instantiations at the call's opening parenthesis.
        let at = Span {
            lo: fun.span.hi,
            hi: fun.span.hi + 1,
        };
        self.instantiate_func(fun, fobj, tparams, &targs, at)
    }

    /// Core-type inference from constraints (`S ~[]E`: S = []int gives E = int, and
    /// E = int gives S = []int).
    fn constraint_inference(&mut self, map: &mut HashMap<TypeId, TypeId>, tparams: &[TypeId]) {
        for _ in 0..tparams.len() + 1 {
            let mut changed = false;
            for &tp in tparams {
                let Type::TypeParam(p) = self.tt.get(tp).clone() else {
                    continue;
                };
                let Some(iface) = self.tt.interface_of(p.constraint).cloned() else {
                    continue;
                };
                let Some(terms) = iface.terms else { continue };
                if terms.len() != 1 {
                    continue;
                }
                let core = terms[0].ty;
                match map.get(&tp).copied() {
                    Some(bound) => {
                        let before = map.len();
                        let u = self.core_type_id(bound);
                        self.unify(core, u, map, tparams);
                        changed |= map.len() != before;
                    }
                    // As types2: a core type with a tilde (`~int`) only constrains a
                    // type argument already known.
                    None if !terms[0].tilde
                        && tparams
                            .iter()
                            .all(|t| map.contains_key(t) || !self.mentions(core, *t, 0)) =>
                    {
                        let t = self.subst(core, map);
                        map.insert(tp, t);
                        changed = true;
                    }
                    None => {}
                }
            }
            if !changed {
                break;
            }
        }
    }

    /// For a type parameter whose type set has a single underlying type, that type.
    fn single_core(&self, t: TypeId) -> Option<TypeId> {
        let Type::TypeParam(p) = self.tt.get(t) else {
            return None;
        };
        let terms = self.tt.interface_of(p.constraint)?.terms.as_ref()?;
        let u = self.tt.underlying(terms.first()?.ty);
        terms
            .iter()
            .all(|x| self.tt.underlying(x.ty) == u)
            .then_some(u)
    }

    /// `t`'s core type: its underlying type, or for a type parameter whose type set has a
    /// single underlying type, that type.
    fn core_type_id(&self, t: TypeId) -> TypeId {
        self.single_core(t).unwrap_or_else(|| self.tt.underlying(t))
    }

    /// The structure of `t`'s core type: for a type parameter whose type set has a single
    /// underlying type (`S ~[]E`, `M ~map[K]V`), that type's structure (so `S` can be
    /// indexed, sliced, ranged over, appended to, made and composed like `[]E`); otherwise
    /// `t`'s underlying structure.
    pub(crate) fn core_under(&self, t: TypeId) -> Type {
        match self.single_core(t) {
            Some(u) => self.tt.get(u).clone(),
            None => self.tt.under(t).clone(),
        }
    }

    pub(crate) fn mentions(&self, t: TypeId, tp: TypeId, d: u32) -> bool {
        if t == tp {
            return true;
        }
        if d > 20 {
            return false;
        }
        match self.tt.get(t) {
            Type::Pointer(x) | Type::Slice(x) | Type::Array(_, x) | Type::Chan(_, x) => {
                self.mentions(*x, tp, d + 1)
            }
            Type::Map(k, v) => self.mentions(*k, tp, d + 1) || self.mentions(*v, tp, d + 1),
            Type::Func(s) => s
                .params
                .iter()
                .chain(&s.results)
                .any(|x| self.mentions(*x, tp, d + 1)),
            Type::Named(n) => {
                n.targs.iter().any(|x| self.mentions(*x, tp, d + 1))
                    || (n.targs.is_empty() && n.tparams.contains(&tp))
            }
            Type::Struct(fs) => fs.iter().any(|f| self.mentions(f.ty, tp, d + 1)),
            Type::Tuple(v) => v.iter().any(|x| self.mentions(*x, tp, d + 1)),
            Type::Interface(i) => i.methods.iter().any(|m| self.mentions(m.sig, tp, d + 1)),
            _ => false,
        }
    }

    /// Whether `t` mentions any type parameter at all.
    pub(crate) fn mentions_any_tparam(&self, t: TypeId, d: u32) -> bool {
        if d > 20 {
            return false;
        }
        match self.tt.get(t) {
            Type::TypeParam(_) => true,
            Type::Pointer(x) | Type::Slice(x) | Type::Array(_, x) | Type::Chan(_, x) => {
                self.mentions_any_tparam(*x, d + 1)
            }
            Type::Map(k, v) => {
                self.mentions_any_tparam(*k, d + 1) || self.mentions_any_tparam(*v, d + 1)
            }
            Type::Func(s) => s
                .params
                .iter()
                .chain(&s.results)
                .any(|x| self.mentions_any_tparam(*x, d + 1)),
            Type::Named(n) => {
                n.targs.iter().any(|x| self.mentions_any_tparam(*x, d + 1))
                    || (n.targs.is_empty() && !n.tparams.is_empty())
            }
            Type::Struct(fs) => fs.iter().any(|f| self.mentions_any_tparam(f.ty, d + 1)),
            Type::Tuple(v) => v.iter().any(|x| self.mentions_any_tparam(*x, d + 1)),
            Type::Interface(i) => i
                .methods
                .iter()
                .any(|m| self.mentions_any_tparam(m.sig, d + 1)),
            _ => false,
        }
    }

    fn subst_partial(&mut self, t: TypeId, map: &HashMap<TypeId, TypeId>) -> TypeId {
        self.subst(t, map)
    }

    /// Type of an argument for inference (checks it; the real check follows in call_args,
    /// which re-records the same nodes).
    fn arg_type_for_infer(&mut self, a: &Expr, hint: TypeId) -> TypeId {
        let nerr = self.errs.len();
        let x = self.expr(a, Some(hint));
        self.errs.truncate(nerr);
        x.ty
    }

    fn unify(
        &mut self,
        p: TypeId,
        a: TypeId,
        map: &mut HashMap<TypeId, TypeId>,
        tparams: &[TypeId],
    ) {
        if tparams.contains(&p) {
            if let std::collections::hash_map::Entry::Vacant(v) = map.entry(p) {
                v.insert(a);
            }
            return;
        }
        let (pt, at) = (
            self.tt.get(p).clone(),
            self.tt.get(self.tt.underlying(a)).clone(),
        );
        match (pt, at) {
            (Type::Pointer(x), Type::Pointer(y))
            | (Type::Slice(x), Type::Slice(y))
            | (Type::Array(_, x), Type::Array(_, y))
            | (Type::Chan(_, x), Type::Chan(_, y)) => self.unify(x, y, map, tparams),
            (Type::Map(k1, v1), Type::Map(k2, v2)) => {
                self.unify(k1, k2, map, tparams);
                self.unify(v1, v2, map, tparams);
            }
            (Type::Struct(f1), Type::Struct(f2)) if f1.len() == f2.len() => {
                for (x, y) in f1.iter().zip(&f2) {
                    if x.name == y.name {
                        self.unify(x.ty, y.ty, map, tparams);
                    }
                }
            }
            (Type::Func(s1), Type::Func(s2)) => {
                for (x, y) in s1.params.iter().zip(&s2.params) {
                    self.unify(*x, *y, map, tparams);
                }
                for (x, y) in s1.results.iter().zip(&s2.results) {
                    self.unify(*x, *y, map, tparams);
                }
            }
            (Type::Named(n1), _) => match self.tt.get(a).clone() {
                Type::Named(n2) if n1.origin.is_some() && n1.origin == n2.origin => {
                    for (x, y) in n1.targs.iter().zip(&n2.targs) {
                        self.unify(*x, *y, map, tparams);
                    }
                }
                Type::Named(_) => {}
                // Inexact unification: a generic named type (`iter.Seq[E]`) against an
                // unnamed type (a func literal) unifies its underlying type.
                _ if !n1.targs.is_empty() && n1.underlying != p => {
                    self.unify(n1.underlying, a, map, tparams);
                }
                _ => {}
            },
            _ => {}
        }
    }

    /// Record an instantiation of generic function `fobj` at `fun` and return its signature.
    pub(crate) fn instantiate_func(
        &mut self,
        fun: &Expr,
        fobj: ObjId,
        tparams: &[TypeId],
        targs: &[TypeId],
        span: Span,
    ) -> Option<crate::types::Signature> {
        let map: HashMap<TypeId, TypeId> =
            tparams.iter().copied().zip(targs.iter().copied()).collect();
        // Constraint satisfaction.
        for (tp, ta) in tparams.iter().zip(targs) {
            if let Type::TypeParam(p) = self.tt.get(*tp).clone() {
                let c = self.subst(p.constraint, &map);
                if let Err(why) = self.implements(*ta, c) {
                    let why = why.trim_start_matches(": ").to_string();
                    let why = why.replace("does not implement", "does not satisfy");
                    self.err(
                        span,
                        format!(
                            "{} {}",
                            self.ts(*ta),
                            why.split_once(' ').map_or(why.clone(), |x| x.1.to_string())
                        ),
                    );
                    return None;
                }
            }
        }
        let gsig = self.obj(fobj).ty;
        let sig_t = self.subst(gsig, &map);
        let sig = self.tt.signature(sig_t)?.clone();
        let fun = unparen(fun);
        self.inst_pos.insert(fun.id, span);
        self.info.instances.insert(
            fun.id,
            Instance {
                func: fobj,
                targs: targs.to_vec(),
                sig: sig_t,
            },
        );
        self.info.types.insert(fun.id, sig_t);
        Some(sig)
    }

    /// Check call arguments against a signature (including `f(g())` spreading and variadics).
    pub(crate) fn call_args(
        &mut self,
        e: &Expr,
        fname: &str,
        sig: &crate::types::Signature,
        args: &[Expr],
        ellipsis: bool,
        rparen: Span,
    ) {
        let ctx = format!("argument to {}", fname);
        // f(g()) with multi-value g.
        if args.len() == 1 && !ellipsis {
            let x = self.expr(&args[0], sig.params.first().copied());
            if let Type::Tuple(ts) = self.tt.get(x.ty).clone() {
                if ts.len() > 1 {
                    let ok = if sig.variadic {
                        ts.len() + 1 >= sig.params.len()
                    } else {
                        ts.len() == sig.params.len()
                    };
                    if !ok {
                        self.arg_count_error(
                            e,
                            fname,
                            sig,
                            &ts,
                            ts.len() < sig.params.len(),
                            rparen,
                            &args[0],
                        );
                        return;
                    }
                    for (i, t) in ts.iter().enumerate() {
                        let pt = self.param_type(sig, i, false);
                        let xo = Operand::value(*t);
                        if let Err(why) = self.assignable(&xo, pt) {
                            let s = format!(
                                "{} (value of type {})",
                                expr_string(&args[0]),
                                self.ts(x.ty)
                            );
                            let pts = self.ts(pt);
                            self.err(
                                args[0].span,
                                format!("cannot use {} as {} value in {}{}", s, pts, ctx, why),
                            );
                        }
                    }
                    return;
                }
            }
            let mut x = x;
            self.finish_args(e, fname, sig, args, ellipsis, rparen, Some(&mut x));
            return;
        }
        self.finish_args(e, fname, sig, args, ellipsis, rparen, None);
    }

    fn param_type(&mut self, sig: &crate::types::Signature, i: usize, ellipsis: bool) -> TypeId {
        let n = sig.params.len();
        if sig.variadic && i + 1 >= n {
            let last = sig.params[n - 1];
            if ellipsis {
                return last;
            }
            return match self.tt.get(last) {
                Type::Slice(el) => *el,
                _ => last,
            };
        }
        sig.params.get(i).copied().unwrap_or(TypeTable::INVALID)
    }

    #[allow(clippy::too_many_arguments)]
    fn finish_args(
        &mut self,
        e: &Expr,
        fname: &str,
        sig: &crate::types::Signature,
        args: &[Expr],
        ellipsis: bool,
        rparen: Span,
        first: Option<&mut Operand>,
    ) {
        let ctx = format!("argument to {}", fname);
        let n = sig.params.len();
        let mut ops: Vec<Operand> = Vec::new();
        let mut first = first;
        for (i, a) in args.iter().enumerate() {
            let x = if i == 0 && first.is_some() {
                first
                    .take()
                    .map(|x| x.clone())
                    .unwrap_or_else(Operand::invalid)
            } else {
                let h = if i < n || sig.variadic {
                    Some(self.param_type(sig, i, ellipsis))
                } else {
                    None
                };
                self.expr(a, h)
            };
            ops.push(x);
        }
        if ellipsis {
            if let (Some(x), Some(a)) = (ops.last(), args.last()) {
                if let Type::Tuple(ts) = self.tt.get(x.ty) {
                    if ts.len() > 1 {
                        let n = ts.len();
                        self.err(
                            e.span,
                            format!("cannot use ... with {}-valued {}", n, expr_string(a)),
                        );
                        return;
                    }
                }
            }
        }
        if ellipsis && !sig.variadic {
            self.err(
                args.last().map_or(e.span, |a| a.span),
                format!("have (...) but function is not variadic: {}", fname),
            );
            return;
        }
        let too_few = if sig.variadic && !ellipsis {
            args.len() + 1 < n
        } else {
            args.len() < n
        };
        let too_many = if sig.variadic && !ellipsis {
            false
        } else {
            args.len() > n
        };
        if too_few || too_many {
            let ts: Vec<TypeId> = ops.iter().map(|o| o.ty).collect();
            let at = if too_many {
                &args[n]
            } else {
                args.last().unwrap_or(e)
            };
            self.arg_count_error(e, fname, sig, &ts, too_few, rparen, at);
            return;
        }
        for (i, (a, mut x)) in args.iter().zip(ops).enumerate() {
            if x.is_invalid() {
                continue;
            }
            let pt = self.param_type(sig, i, ellipsis);
            self.assign_to(&mut x, a, pt, &ctx);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn arg_count_error(
        &mut self,
        e: &Expr,
        fname: &str,
        sig: &crate::types::Signature,
        have: &[TypeId],
        too_few: bool,
        rparen: Span,
        at: &Expr,
    ) {
        let have_s: Vec<String> = have
            .iter()
            .map(|&t| {
                if self.tt.is_untyped(t) {
                    "number".to_string()
                } else {
                    self.ts(t)
                }
            })
            .map(|s| {
                if s == "untyped string" {
                    "string".into()
                } else {
                    s
                }
            })
            .collect();
        let want = self.tuple_string(&sig.params, sig.variadic);
        let msg = format!(
            "{} arguments in call to {}\n\thave ({})\n\twant {}",
            if too_few { "not enough" } else { "too many" },
            fname,
            have_s.join(", "),
            want
        );
        let _ = e;
        if too_few {
            let _ = at;
            let _ = rparen;
            match e.kind {
                ExprKind::Call { ref args, .. } if !args.is_empty() => {
                    self.err(args[args.len() - 1].span, msg)
                }
                _ => self.err(e.span, msg),
            }
        } else {
            self.err(at.span, msg);
        }
    }

    /// `(int, string)` / `(...int)` for have/want lines.
    pub(crate) fn tuple_string(&self, ts: &[TypeId], variadic: bool) -> String {
        let v: Vec<String> = ts
            .iter()
            .enumerate()
            .map(|(i, &t)| {
                if variadic && i + 1 == ts.len() {
                    let el = match self.tt.get(t) {
                        Type::Slice(e) => *e,
                        _ => t,
                    };
                    format!("...{}", self.ts(el))
                } else {
                    self.ts(t)
                }
            })
            .collect();
        format!("({})", v.join(", "))
    }

    // ---- conversions ----

    fn conversion(&mut self, e: &Expr, t: TypeId, args: &[Expr], ellipsis: bool) -> Operand {
        if args.len() != 1 || ellipsis {
            let ts = self.ts(t);
            if args.is_empty() {
                self.err(e.span, format!("missing argument in conversion to {}", ts));
            } else {
                self.err(
                    args[args.len() - 1].span,
                    format!("too many arguments in conversion to {}", ts),
                );
            }
            for a in args {
                self.expr(a, None);
            }
            return Operand::invalid();
        }
        self.info.calls.insert(e.id, CallKind::Conversion(t));
        let a = &args[0];
        let mut x = self.value(a, Some(t));
        if x.is_invalid() {
            return Operand::invalid();
        }
        let tu = self.tt.underlying(t);
        // Constant conversions.
        if let Some(v) = x.val.clone() {
            if let Some(k) = self.tt.basic_kind(tu) {
                if self.tt.is_type_param(t) {
                    // fall through to value conversion
                } else if k.is_string() && self.tt.is_integer(x.ty) {
                    // string(rune)
                    let r = v.as_i128().unwrap_or(0xFFFD);
                    let c = u32::try_from(r)
                        .ok()
                        .and_then(char::from_u32)
                        .unwrap_or('\u{FFFD}');
                    // The operand keeps its (default) type without a representability check:
                    // `string(1 << 100)` is "\uFFFD".
                    let d = self.default_type(x.ty);
                    self.record_final(a, d);
                    return Operand {
                        mode: Mode::Const,
                        ty: t,
                        val: Some(ConstValue::Str(c.to_string().into_bytes())),
                    };
                } else {
                    let xk = self.tt.basic_kind(x.ty).unwrap_or(BasicKind::Invalid);
                    let compatible = (xk.is_numeric() && k.is_numeric())
                        || (xk.is_string() && k.is_string())
                        || (xk.is_boolean() && k.is_boolean());
                    if compatible {
                        // types2's constant conversion: representable in the type, with the
                        // value rounded to it.
                        match v.convert_to(k) {
                            Ok(nv) => {
                                if self.tt.is_untyped(x.ty) {
                                    x.val = Some(nv.clone());
                                    x.ty = t;
                                    self.record_final(a, t);
                                }
                                return Operand {
                                    mode: Mode::Const,
                                    ty: t,
                                    val: Some(nv),
                                };
                            }
                            Err(_) => {
                                let ts = self.ts(t);
                                if xk.is_integer() && k.is_integer() {
                                    let vs = self.const_string(&v, x.ty);
                                    self.err(a.span, format!("constant {} overflows {}", vs, ts));
                                } else {
                                    // For an integer type Go shows the operand with its value
                                    // already made an integer (`1e100` prints all digits).
                                    let mut xs = x.clone();
                                    if k.is_integer() {
                                        if let Some(iv) = v.to_int() {
                                            xs.val = Some(iv);
                                        }
                                    }
                                    let s = self.operand_string(&xs, a);
                                    self.err(
                                        a.span,
                                        format!("cannot convert {} to type {}", s, ts),
                                    );
                                }
                                return Operand::invalid();
                            }
                        }
                    }
                }
            }
        }
        if self.convertible(&x, t) {
            if self.tt.is_untyped(x.ty) {
                if x.mode == Mode::Nil {
                    self.info.types.insert(a.id, t);
                } else {
                    let d = if self.tt.basic_kind(tu).is_some()
                        && !(self.tt.is_string(tu) && self.tt.is_integer(x.ty))
                    {
                        t
                    } else {
                        self.default_type(x.ty)
                    };
                    self.record_final(a, d);
                }
            }
            return Operand::value(t);
        }
        let s = self.operand_string(&x, a);
        self.err(
            a.span,
            format!("cannot convert {} to type {}", s, self.ts(t)),
        );
        Operand::invalid()
    }

    /// Go's convertibility rules (non-constant).
    fn convertible(&mut self, x: &Operand, t: TypeId) -> bool {
        if self.assignable(x, t).is_ok() {
            return true;
        }
        let v = if self.tt.is_untyped(x.ty) {
            self.default_type(x.ty)
        } else {
            x.ty
        };
        let (vu, tu) = (self.tt.underlying(v), self.tt.underlying(t));
        if self.tt.identical(vu, tu) {
            return true;
        }
        if let (Type::Pointer(a), Type::Pointer(b)) =
            (self.tt.get(v).clone(), self.tt.get(t).clone())
        {
            if self
                .tt
                .identical(self.tt.underlying(a), self.tt.underlying(b))
            {
                return true;
            }
        }
        if (self.tt.is_integer(vu) || self.tt.is_float(vu))
            && (self.tt.is_integer(tu) || self.tt.is_float(tu))
        {
            return true;
        }
        if self.tt.is_complex(vu) && self.tt.is_complex(tu) {
            return true;
        }
        if self.tt.is_string(tu) && self.tt.is_integer(vu) {
            return true;
        }
        let is_bytes_or_runes = |tt: &TypeTable, s: TypeId| match tt.under(s) {
            Type::Slice(el) => matches!(
                tt.basic_kind(*el),
                Some(BasicKind::Uint8) | Some(BasicKind::Int32)
            ),
            _ => false,
        };
        if self.tt.is_string(vu) && is_bytes_or_runes(&self.tt, tu) {
            return true;
        }
        if self.tt.is_string(tu) && is_bytes_or_runes(&self.tt, vu) {
            return true;
        }
        // slice to array / array pointer
        if let (Type::Slice(a), Type::Array(_, b)) =
            (self.tt.get(vu).clone(), self.tt.get(tu).clone())
        {
            return self.tt.identical(a, b);
        }
        if let (Type::Slice(a), Type::Pointer(p)) =
            (self.tt.get(vu).clone(), self.tt.get(tu).clone())
        {
            if let Type::Array(_, b) = self.tt.under(p).clone() {
                return self.tt.identical(a, b);
            }
        }
        if self.tt.is_type_param(t) || self.tt.is_type_param(v) {
            return true;
        }
        false
    }

    // ---- builtins ----

    fn builtin(
        &mut self,
        e: &Expr,
        b: Builtin,
        args: &[Expr],
        ellipsis: bool,
        rparen: Span,
        hint: Option<TypeId>,
    ) -> Operand {
        self.info.calls.insert(e.id, CallKind::Builtin(b, None));
        // `copy(f())`, `complex(f())`, `print(f())`: the results of a multi-valued call are
        // the arguments.
        if let ([a], false, false) = (args, ellipsis, matches!(b, Builtin::Make | Builtin::New)) {
            if matches!(a.kind, ExprKind::Call { .. }) && !self.info.spread.contains_key(&e.id) {
                let nerr = self.errs.len();
                let x = self.expr(a, None);
                if let Type::Tuple(ts) = self.tt.get(x.ty).clone() {
                    if (2..=32).contains(&ts.len()) {
                        let synth: Vec<Expr> = ts
                            .iter()
                            .enumerate()
                            .map(|(i, &t)| {
                                let id = crate::ast::tuple_elem_id(a.id, i);
                                self.info.types.insert(id, t);
                                Expr {
                                    id,
                                    span: a.span,
                                    kind: ExprKind::TupleElem(i as u32),
                                }
                            })
                            .collect();
                        self.info.spread.insert(e.id, synth.clone());
                        return self.builtin(e, b, &synth, false, rparen, hint);
                    }
                }
                self.errs.truncate(nerr);
            }
        }
        let name = b.name();
        let nargs = args.len();
        let (min, max): (usize, usize) = match b {
            Builtin::Append => (1, usize::MAX),
            Builtin::Cap
            | Builtin::Len
            | Builtin::Clear
            | Builtin::Close
            | Builtin::Imag
            | Builtin::Real
            | Builtin::New
            | Builtin::Panic => (1, 1),
            Builtin::Complex | Builtin::Copy | Builtin::Delete => (2, 2),
            Builtin::Make => (1, usize::MAX),
            Builtin::Max | Builtin::Min => (1, usize::MAX),
            Builtin::Print | Builtin::Println => (0, usize::MAX),
            Builtin::Recover => (0, 0),
        };
        if ellipsis && b != Builtin::Append {
            self.err(
                e.span,
                format!(
                    "invalid operation: invalid use of ... with built-in {}",
                    name
                ),
            );
            return Operand::invalid();
        }
        if nargs < min || nargs > max {
            for a in args {
                self.expr(a, None);
            }
            let msg = if nargs < min {
                "not enough"
            } else {
                "too many"
            };
            let pos = e.span;
            let _ = rparen;
            self.err(
                pos,
                format!(
                    "invalid operation: {} arguments for {} (expected {}, found {})",
                    msg,
                    expr_string(e),
                    if nargs < min { min } else { max },
                    nargs
                ),
            );
            return Operand::invalid();
        }
        match b {
            Builtin::Len | Builtin::Cap => {
                let mut x = self.value(&args[0], None);
                if x.is_invalid() {
                    return Operand::invalid();
                }
                let t = x.ty;
                let u = self
                    .tt
                    .under(if self.tt.is_pointer(t) {
                        self.tt.pointer_elem(t).unwrap_or(t)
                    } else {
                        t
                    })
                    .clone();
                let ok = match &u {
                    Type::Basic(k) => k.is_string() && b == Builtin::Len,
                    Type::Array(..) => true,
                    Type::Slice(_) | Type::Chan(..) => true,
                    Type::Map(..) => b == Builtin::Len,
                    _ => self.tparam_all(t, |_, _| true),
                };
                if !ok || (self.tt.is_pointer(t) && !matches!(u, Type::Array(..))) {
                    let s = self.operand_string(&x, &args[0]);
                    self.err(
                        args[0].span,
                        format!("invalid argument: {} for built-in {}", s, name),
                    );
                    return Operand::invalid();
                }
                // Constant: len of constant string, or of array (if no calls/receives).
                if let (Some(ConstValue::Str(s)), Builtin::Len) = (&x.val, b) {
                    let n = s.len() as i128;
                    self.default_operand(&mut x, &args[0]);
                    return Operand {
                        mode: Mode::Const,
                        ty: TypeTable::INT,
                        val: Some(ConstValue::Int(n)),
                    };
                }
                if let Type::Array(n, _) = u {
                    if !contains_call_or_recv(&args[0]) {
                        return Operand {
                            mode: Mode::Const,
                            ty: TypeTable::INT,
                            val: Some(ConstValue::Int(n as i128)),
                        };
                    }
                }
                Operand::value(TypeTable::INT)
            }
            Builtin::Append => {
                let s = self.value(&args[0], hint);
                if s.is_invalid() {
                    for a in &args[1..] {
                        self.expr(a, None);
                    }
                    return Operand::invalid();
                }
                if s.mode == Mode::Nil {
                    self.err(
                        args[0].span,
                        "first argument to append must be a typed slice; found untyped nil",
                    );
                    return Operand::invalid();
                }
                let Type::Slice(el) = self.core_under(s.ty) else {
                    let so = self.operand_string(&s, &args[0]);
                    self.err(
                        args[0].span,
                        format!("invalid append: argument must be a slice; have {}", so),
                    );
                    for a in &args[1..] {
                        self.expr(a, None);
                    }
                    return Operand::invalid();
                };
                if ellipsis {
                    if nargs != 2 {
                        self.err(e.span, "can only use ... with final argument in list");
                        return Operand::invalid();
                    }
                    let mut x = self.value(&args[1], Some(s.ty));
                    // append([]byte, string...) is allowed.
                    // So is a type parameter whose types are strings and byte slices.
                    let bytestring = self
                        .tparam_index_elem(x.ty)
                        .is_some_and(|(e, ..)| self.tt.basic_kind(e) == Some(BasicKind::Uint8));
                    if self.tt.basic_kind(el) == Some(BasicKind::Uint8)
                        && (self.tt.is_string(x.ty) || bytestring)
                    {
                        self.default_operand(&mut x, &args[1]);
                        return Operand::value(s.ty);
                    }
                    let st = self.tt.slice(el);
                    self.assign_to(&mut x, &args[1], st, "argument to append");
                    return Operand::value(s.ty);
                }
                for a in &args[1..] {
                    let mut x = self.value(a, Some(el));
                    self.assign_to(&mut x, a, el, "argument to append");
                }
                Operand::value(s.ty)
            }
            Builtin::Make => {
                let t = self.type_expr(&args[0]);
                self.info.calls.insert(e.id, CallKind::Builtin(b, Some(t)));
                if t == TypeTable::INVALID {
                    return Operand::invalid();
                }
                let (ok, min_args) = match self.core_under(t) {
                    Type::Slice(_) => (true, 2),
                    Type::Map(..) | Type::Chan(..) => (true, 1),
                    _ => (false, 1),
                };
                if !ok {
                    self.err(
                        args[0].span,
                        format!(
                            "invalid argument: cannot make {}: type must be slice, map, or channel",
                            expr_string(&args[0])
                        ),
                    );
                    return Operand::invalid();
                }
                if nargs < min_args {
                    self.err(
                        e.span,
                        format!(
                            "invalid operation: {} expects {} or {} arguments; found {}",
                            expr_string(e),
                            min_args,
                            min_args + 1,
                            nargs
                        ),
                    );
                    return Operand::invalid();
                }
                if matches!(self.tt.under(t), Type::Slice(_)) && nargs > 3 {
                    self.err(
                        e.span,
                        format!(
                            "invalid operation: {} expects 2 or 3 arguments; found {}",
                            expr_string(e),
                            nargs
                        ),
                    );
                    return Operand::invalid();
                }
                if !matches!(self.tt.under(t), Type::Slice(_)) && nargs > 2 {
                    self.err(
                        e.span,
                        format!(
                            "invalid operation: {} expects {} or {} arguments; found {}",
                            expr_string(e),
                            1,
                            2,
                            nargs
                        ),
                    );
                    return Operand::invalid();
                }
                let mut sizes = Vec::new();
                for a in &args[1..] {
                    let x = self.size_arg(a, "make");
                    sizes.push(x);
                }
                if let (Some(Some(l)), Some(Some(c))) = (sizes.first(), sizes.get(1)) {
                    if l > c {
                        self.err(
                            args[1].span,
                            "invalid argument: length and capacity swapped".to_string(),
                        );
                    }
                }
                Operand::value(t)
            }
            Builtin::New => {
                // Go 1.26: new(expr) allocates a variable initialized to expr's value.
                let is_type = {
                    let nerr = self.errs.len();
                    let probe = self.expr(&args[0], None);
                    self.errs.truncate(nerr);
                    probe.mode == Mode::TypeExpr
                };
                if !is_type {
                    let mut x = self.value(&args[0], None);
                    if x.is_invalid() {
                        return Operand::invalid();
                    }
                    if x.mode == Mode::Nil {
                        self.err(
                            args[0].span,
                            "use of untyped nil in argument to built-in new",
                        );
                        return Operand::invalid();
                    }
                    self.default_operand(&mut x, &args[0]);
                    self.info
                        .calls
                        .insert(e.id, CallKind::Builtin(b, Some(x.ty)));
                    let p = self.tt.pointer(x.ty);
                    return Operand::value(p);
                }
                let t = self.type_expr(&args[0]);
                self.info.calls.insert(e.id, CallKind::Builtin(b, Some(t)));
                if t == TypeTable::INVALID {
                    return Operand::invalid();
                }
                let p = self.tt.pointer(t);
                Operand::value(p)
            }
            Builtin::Delete => {
                let m = self.value(&args[0], None);
                if m.is_invalid() {
                    self.expr(&args[1], None);
                    return Operand::invalid();
                }
                let Type::Map(k, _) = self.tt.under(m.ty).clone() else {
                    let s = self.operand_string(&m, &args[0]);
                    self.err(
                        args[0].span,
                        format!("invalid argument: {} is not a map", s),
                    );
                    return Operand::invalid();
                };
                let mut x = self.value(&args[1], Some(k));
                self.assign_to(&mut x, &args[1], k, "argument to delete");
                Operand {
                    mode: Mode::NoValue,
                    ty: TypeTable::VOID,
                    val: None,
                }
            }
            Builtin::Copy => {
                let d = self.value(&args[0], None);
                let mut s = self.value(&args[1], None);
                if d.is_invalid() || s.is_invalid() {
                    return Operand::invalid();
                }
                let Type::Slice(de) = self.tt.under(d.ty).clone() else {
                    let so = self.operand_string(&d, &args[0]);
                    self.err(
                        args[0].span,
                        format!("invalid copy: argument must be a slice; have {}", so),
                    );
                    return Operand::invalid();
                };
                let ok = match self.tt.under(s.ty).clone() {
                    Type::Slice(se) => self.tt.identical(de, se),
                    Type::Basic(k) if k.is_string() => {
                        self.tt.basic_kind(de) == Some(BasicKind::Uint8)
                    }
                    _ => false,
                };
                if !ok {
                    let (a, bb) = (
                        self.operand_string(&d, &args[0]),
                        self.operand_string(&s, &args[1]),
                    );
                    self.err(
                        e.span,
                        format!(
                            "invalid argument: copy expects slice arguments; found {} and {}",
                            a, bb
                        ),
                    );
                    return Operand::invalid();
                }
                self.default_operand(&mut s, &args[1]);
                Operand::value(TypeTable::INT)
            }
            Builtin::Clear => {
                let x = self.value(&args[0], None);
                if !x.is_invalid() && !matches!(self.tt.under(x.ty), Type::Map(..) | Type::Slice(_))
                {
                    let s = self.operand_string(&x, &args[0]);
                    self.err(
                        args[0].span,
                        format!("invalid argument: {} cannot be cleared", s)
                            .replace("cannot be cleared", "must be a map or slice"),
                    );
                }
                Operand {
                    mode: Mode::NoValue,
                    ty: TypeTable::VOID,
                    val: None,
                }
            }
            Builtin::Close => {
                let x = self.value(&args[0], None);
                if !x.is_invalid() {
                    match self.tt.under(x.ty) {
                        Type::Chan(ChanDir::Recv, _) => {
                            let s = self.operand_string(&x, &args[0]);
                            self.err(
                                args[0].span,
                                format!(
                                    "invalid operation: cannot close receive-only channel {}",
                                    s
                                ),
                            );
                        }
                        Type::Chan(..) => {}
                        _ => {
                            let s = self.operand_string(&x, &args[0]);
                            self.err(
                                args[0].span,
                                format!("invalid operation: cannot close non-channel {}", s),
                            );
                        }
                    }
                }
                Operand {
                    mode: Mode::NoValue,
                    ty: TypeTable::VOID,
                    val: None,
                }
            }
            Builtin::Panic => {
                let mut x = self.value(&args[0], Some(TypeTable::EMPTY_IFACE));
                self.assign_to(
                    &mut x,
                    &args[0],
                    TypeTable::EMPTY_IFACE,
                    "argument to panic",
                );
                Operand {
                    mode: Mode::NoValue,
                    ty: TypeTable::VOID,
                    val: None,
                }
            }
            Builtin::Print | Builtin::Println => {
                for a in args {
                    let mut x = self.value(a, None);
                    if x.mode == Mode::Nil {
                        self.err(a.span, "use of untyped nil in argument to built-in print");
                        continue;
                    }
                    let ctx = format!("argument to built-in {}", b.name());
                    self.default_operand_ctx(&mut x, a, &ctx);
                }
                Operand {
                    mode: Mode::NoValue,
                    ty: TypeTable::VOID,
                    val: None,
                }
            }
            Builtin::Recover => Operand::value(TypeTable::EMPTY_IFACE),
            Builtin::Min | Builtin::Max => {
                let mut ops: Vec<Operand> = args.iter().map(|a| self.value(a, hint)).collect();
                if ops.iter().any(|o| o.is_invalid()) {
                    return Operand::invalid();
                }
                // Find the typed operand type, if any.
                let typed = ops.iter().find(|o| !self.tt.is_untyped(o.ty)).map(|o| o.ty);
                let t = match typed {
                    Some(t) => t,
                    None => {
                        // All untyped constants: result is an untyped constant.
                        let mut best: Option<(ConstValue, TypeId)> = None;
                        let mut ty = ops[0].ty;
                        for o in &ops {
                            let rank = |t: TypeId| match t {
                                TypeTable::UNTYPED_INT => 0,
                                TypeTable::UNTYPED_RUNE => 1,
                                TypeTable::UNTYPED_FLOAT => 2,
                                _ => 3,
                            };
                            if rank(o.ty) > rank(ty) {
                                ty = o.ty;
                            }
                            if let Some(v) = &o.val {
                                let better = match &best {
                                    None => true,
                                    Some((bv, _)) => {
                                        let lt = super::constant::binary_op(
                                            crate::ast::BinOp::Lt,
                                            v,
                                            bv,
                                            false,
                                        )
                                        .ok()
                                        .and_then(|r| r.as_bool())
                                        .unwrap_or(false);
                                        if b == Builtin::Min {
                                            lt
                                        } else {
                                            !lt && v != bv
                                        }
                                    }
                                };
                                if better {
                                    best = Some((v.clone(), o.ty));
                                }
                            }
                        }
                        if let Some((v, _)) = best {
                            if ops.iter().all(|o| o.val.is_some()) {
                                return Operand {
                                    mode: Mode::Const,
                                    ty,
                                    val: Some(v),
                                };
                            }
                        }
                        ty
                    }
                };
                if !self.tt.ordered(t) && !self.tparam_all(t, |tt, t| tt.ordered(t)) {
                    let s = self.operand_string(&ops[0], &args[0]);
                    self.err(
                        args[0].span,
                        format!("invalid argument: {} cannot be ordered", s),
                    );
                    return Operand::invalid();
                }
                let mut consts = Vec::new();
                for (o, a) in ops.iter_mut().zip(args) {
                    if !self.assign_to(o, a, t, &format!("argument to {}", name)) {
                        return Operand::invalid();
                    }
                    consts.push(o.val.clone());
                }
                if consts.iter().all(|c| c.is_some()) {
                    let mut best = consts[0].clone().unwrap_or(ConstValue::Int(0));
                    for c in consts.into_iter().flatten() {
                        let lt =
                            super::constant::binary_op(crate::ast::BinOp::Lt, &c, &best, false)
                                .ok()
                                .and_then(|r| r.as_bool())
                                .unwrap_or(false);
                        let gt =
                            super::constant::binary_op(crate::ast::BinOp::Gt, &c, &best, false)
                                .ok()
                                .and_then(|r| r.as_bool())
                                .unwrap_or(false);
                        if (b == Builtin::Min && lt) || (b == Builtin::Max && gt) {
                            best = c;
                        }
                    }
                    return Operand {
                        mode: Mode::Const,
                        ty: t,
                        val: Some(best),
                    };
                }
                Operand::value(t)
            }
            Builtin::Complex => {
                // types2's complex: untyped arguments take the other's type; two untyped
                // constants stay untyped floats; the types must then be identical floats.
                let mut x = self.value(&args[0], None);
                let mut y = self.value(&args[1], None);
                if x.is_invalid() || y.is_invalid() {
                    return Operand::invalid();
                }
                let (xu, yu) = (self.tt.is_untyped(x.ty), self.tt.is_untyped(y.ty));
                let ok = match (xu, yu) {
                    (true, false) => self.convert_untyped_or_report(&mut x, &args[0], y.ty),
                    (false, true) => self.convert_untyped_or_report(&mut y, &args[1], x.ty),
                    (true, true) if x.val.is_some() && y.val.is_some() => {
                        for o in [&mut x, &mut y] {
                            let real = o.val.as_ref().and_then(|v| v.real_imag());
                            if self.tt.is_numeric(o.ty) && real.is_some_and(|(_, i)| i.is_zero()) {
                                o.ty = TypeTable::UNTYPED_FLOAT;
                            }
                        }
                        true
                    }
                    (true, true) => {
                        self.convert_untyped_or_report(&mut x, &args[0], TypeTable::FLOAT64)
                            && self.convert_untyped_or_report(&mut y, &args[1], TypeTable::FLOAT64)
                    }
                    (false, false) => true,
                };
                if !ok {
                    return Operand::invalid();
                }
                if !self.tt.identical(x.ty, y.ty) {
                    let (a, bt) = (self.ts(x.ty), self.ts(y.ty));
                    self.err(
                        args[0].span,
                        format!(
                            "invalid operation: {} (mismatched types {} and {})",
                            expr_string(e),
                            a,
                            bt
                        ),
                    );
                    return Operand::invalid();
                }
                let (t, k) = match self.tt.basic_kind(self.tt.underlying(x.ty)) {
                    Some(BasicKind::Float32) => (TypeTable::COMPLEX64, BasicKind::Complex64),
                    Some(BasicKind::Float64) => (TypeTable::COMPLEX128, BasicKind::Complex128),
                    Some(BasicKind::UntypedFloat) => {
                        (TypeTable::UNTYPED_COMPLEX, BasicKind::UntypedComplex)
                    }
                    _ => {
                        let ts = self.ts(x.ty);
                        self.err(
                            args[0].span,
                            format!(
                                "invalid argument: arguments have type {}, expected floating-point",
                                ts
                            ),
                        );
                        return Operand::invalid();
                    }
                };
                // complex of constants is a constant.
                if let (Some(a), Some(bv)) = (&x.val, &y.val) {
                    if let Some(v) =
                        ConstValue::make_complex(a, bv).and_then(|v| v.convert_to(k).ok())
                    {
                        return Operand {
                            mode: Mode::Const,
                            ty: t,
                            val: Some(v),
                        };
                    }
                }
                Operand::value(t)
            }
            Builtin::Real | Builtin::Imag => {
                let mut x = self.value(&args[0], None);
                if x.is_invalid() {
                    return Operand::invalid();
                }
                if let Some(v) = &x.val {
                    if self.tt.is_untyped(x.ty) {
                        if let Some((r, i)) = v.real_imag() {
                            return Operand {
                                mode: Mode::Const,
                                ty: TypeTable::UNTYPED_FLOAT,
                                val: Some(if b == Builtin::Real { r } else { i }),
                            };
                        }
                    }
                }
                self.default_operand(&mut x, &args[0]);
                let (t, k) = match self.tt.basic_kind(x.ty) {
                    Some(BasicKind::Complex64) => (TypeTable::FLOAT32, BasicKind::Float32),
                    Some(BasicKind::Complex128) => (TypeTable::FLOAT64, BasicKind::Float64),
                    _ => {
                        let s = self.operand_string(&x, &args[0]);
                        self.err(
                            args[0].span,
                            format!("invalid argument: {} not of complex type", s),
                        );
                        return Operand::invalid();
                    }
                };
                // real/imag of a typed constant is a typed constant.
                if let Some((r, i)) = x.val.as_ref().and_then(|v| v.real_imag()) {
                    let part = if b == Builtin::Real { r } else { i };
                    if let Ok(v) = part.convert_to(k) {
                        return Operand {
                            mode: Mode::Const,
                            ty: t,
                            val: Some(v),
                        };
                    }
                }
                Operand::value(t)
            }
        }
    }

    /// An untyped numeric constant used as an index or size must be representable as an int
    /// (types2 converts it first): reports `1 << 70 (untyped int constant ...) overflows int`
    /// or `1.5 (untyped float constant) truncated to int` and returns false otherwise.
    fn untyped_const_fits_int(&mut self, x: &Operand, e: &Expr) -> bool {
        let Some(v) = &x.val else {
            return true;
        };
        if !self.tt.is_untyped(x.ty) || !self.tt.is_numeric(x.ty) {
            return true;
        }
        match v.convert_to(BasicKind::Int) {
            Ok(_) => true,
            Err(overflow) => {
                let s = self.operand_string(x, e);
                let how = if overflow {
                    "overflows"
                } else {
                    "truncated to"
                };
                self.err(e.span, format!("{} {} int", s, how));
                false
            }
        }
    }

    /// A size argument of make (integer, non-negative constant).
    fn size_arg(&mut self, a: &Expr, _what: &str) -> Option<i128> {
        let mut x = self.value(a, None);
        if x.is_invalid() {
            return None;
        }
        if self.tt.is_untyped(x.ty) {
            if let Some(v) = x.val.clone() {
                if v.is_unknown() {
                    return None;
                }
                if !self.untyped_const_fits_int(&x, a) {
                    return None;
                }
                match v.as_i128() {
                    Some(n) if n < 0 => {
                        x.ty = TypeTable::INT;
                        let s = self.operand_string(&x, a);
                        self.err(
                            a.span,
                            format!("invalid argument: index {} must not be negative", s),
                        );
                        return None;
                    }
                    Some(n) => {
                        self.convert_untyped(&mut x, a, TypeTable::INT);
                        return Some(n);
                    }
                    None => {
                        let s = self.operand_string(&x, a);
                        self.err(a.span, format!("{} truncated to int", s));
                        return None;
                    }
                }
            }
            // A non-constant untyped size (an untyped shift) becomes an int.
            if self.tt.is_numeric(x.ty) {
                if !self.convert_untyped_or_report(&mut x, a, TypeTable::INT) {
                    return None;
                }
            } else {
                self.default_operand(&mut x, a);
            }
        }
        if !self.tt.is_integer(x.ty) && !self.tparam_all(x.ty, |tt, t| tt.is_integer(t)) {
            let s = self.operand_string(&x, a);
            self.err(a.span, format!("cannot convert {} to type int", s));
            return None;
        }
        x.val.and_then(|v| v.as_i128())
    }

    // ---- selectors ----

    pub(crate) fn selector(&mut self, e: &Expr, x: &Expr, sel: &ast::Ident) -> Operand {
        // Qualified identifier.
        if let ExprKind::Ident(pkg) = &x.kind {
            if let Some(pid) = self.lookup(pkg) {
                if let ObjKind::PkgName(path) = self.obj(pid).kind.clone() {
                    self.info.uses.insert(x.span.lo, pid);
                    self.used.insert(pid);
                    let m = self
                        .pkgs
                        .get(&path)
                        .and_then(|s| s.members.get(&sel.name).copied());
                    let Some(id) = m.filter(|_| sel.name.starts_with(|c: char| c.is_uppercase()))
                    else {
                        if !sel.name.starts_with(|c: char| c.is_uppercase()) && m.is_some() {
                            self.err(
                                sel.span,
                                format!("name {} not exported by package {}", sel.name, pkg),
                            );
                        } else {
                            // An exported name differing only in case: "(but have Println)".
                            let alt = self.pkgs.get(&path).and_then(|sc| {
                                let mut c = sel.name.chars();
                                let up: String = c
                                    .next()
                                    .map(|f| f.to_uppercase().chain(c).collect())
                                    .unwrap_or_default();
                                sc.members.contains_key(&up).then_some(up)
                            });
                            match alt {
                                Some(a) if a != sel.name => self.err(
                                    sel.span,
                                    format!("undefined: {}.{} (but have {})", pkg, sel.name, a),
                                ),
                                _ => self.err(sel.span, format!("undefined: {}.{}", pkg, sel.name)),
                            }
                        }
                        return Operand::invalid();
                    };
                    self.info.uses.insert(sel.span.lo, id);
                    self.use_obj(id, sel.span);
                    self.info.selections.insert(
                        e.id,
                        Selection::Qualified {
                            pkg: path,
                            name: sel.name.clone(),
                            obj: id,
                        },
                    );
                    let o = self.obj(id).clone();
                    return match o.kind {
                        ObjKind::Const(v) => Operand {
                            mode: Mode::Const,
                            ty: o.ty,
                            val: Some(v),
                        },
                        ObjKind::TypeName => Operand {
                            mode: Mode::TypeExpr,
                            ty: o.ty,
                            val: None,
                        },
                        ObjKind::Var(_) => Operand {
                            mode: Mode::Var,
                            ty: o.ty,
                            val: None,
                        },
                        _ => Operand::value(o.ty),
                    };
                }
            }
        }
        let mut xo = self.expr(x, None);
        if xo.is_invalid() {
            return Operand::invalid();
        }
        if xo.mode == Mode::TypeExpr {
            return self.method_expr(e, xo.ty, sel);
        }
        if self.single_value(&mut xo, x).is_err() {
            return Operand::invalid();
        }
        if xo.mode == Mode::Nil {
            self.err(e.span, "use of untyped nil".to_string());
            return Operand::invalid();
        }
        let t = xo.ty;
        // Look through type parameter constraints for methods.
        let lookup_t = t;
        match self.tt.lookup_field_or_method(lookup_t, &sel.name) {
            Lookup::Field { path, indirect, ty } => {
                // Unexported fields of another package's types are not accessible.
                let base = self.tt.pointer_elem(t).unwrap_or(t);
                let other_pkg = self
                    .tt
                    .named(base)
                    .is_some_and(|n| !n.pkg.is_empty() && n.pkg != self.cur_pkg);
                if other_pkg && !sel.name.starts_with(|c: char| c.is_uppercase()) {
                    self.err(
                        sel.span,
                        format!(
                            "{}.{} undefined (cannot refer to unexported field {})",
                            expr_string(x),
                            sel.name,
                            sel.name
                        ),
                    );
                    return Operand::invalid();
                }
                self.info.selections.insert(
                    e.id,
                    Selection::Field {
                        path,
                        indirect: indirect.clone(),
                        ty,
                    },
                );
                // Addressability: x.f is addressable if x is, or if any step is through a pointer.
                let mode = if xo.mode == Mode::Var || indirect.iter().any(|&b| b) {
                    Mode::Var
                } else {
                    Mode::Value
                };
                Operand {
                    mode,
                    ty,
                    val: None,
                }
            }
            Lookup::Method {
                recv,
                index,
                path,
                indirect,
                ptr_recv,
                ..
            } => {
                let (sig, obj) = match self.tt.named(recv) {
                    Some(n) => (n.methods[index].sig, n.methods[index].obj),
                    None => (TypeTable::INVALID, None),
                };
                // Is the receiver addressable / a pointer at the final step?
                let recv_is_ptr = if path.is_empty() {
                    self.tt.is_pointer(t)
                } else {
                    // embedded field type at the end of path
                    self.embedded_is_ptr(t, &path)
                };
                let addressable = xo.mode == Mode::Var
                    || indirect.iter().skip(1).any(|&b| b)
                    || (!path.is_empty() && self.tt.is_pointer(t));
                let auto = if ptr_recv && !recv_is_ptr {
                    if !addressable {
                        let ts = self.ts(t);
                        let _ = ts;
                        self.err(
                            sel.span,
                            format!("cannot call pointer method {} on {}", sel.name, self.ts(t)),
                        );
                        return Operand::invalid();
                    }
                    AutoRef::AddrOf
                } else if !ptr_recv && recv_is_ptr {
                    AutoRef::Deref
                } else {
                    AutoRef::None
                };
                self.info.selections.insert(
                    e.id,
                    Selection::Method {
                        recv,
                        name: sel.name.clone(),
                        ptr_recv,
                        auto,
                        path,
                        indirect,
                        sig,
                        obj,
                    },
                );
                if let Some(o) = obj {
                    self.use_obj(o, sel.span);
                }
                Operand::value(sig)
            }
            Lookup::IfaceMethod {
                iface,
                index,
                path,
                indirect,
            } => {
                let sig = self
                    .tt
                    .interface_of(iface)
                    .map(|i| i.methods[index].sig)
                    .unwrap_or(TypeTable::INVALID);
                self.info.selections.insert(
                    e.id,
                    Selection::InterfaceMethod {
                        iface,
                        name: sel.name.clone(),
                        index,
                        path,
                        indirect,
                        sig,
                    },
                );
                Operand::value(sig)
            }
            Lookup::Ambiguous => {
                self.err(sel.span, format!("ambiguous selector {}", expr_string(e)));
                Operand::invalid()
            }
            Lookup::NotFound => {
                // Type parameter with a method in its constraint.
                if let Type::TypeParam(p) = self.tt.get(t).clone() {
                    if let Some(i) = self.tt.interface_of(p.constraint).cloned() {
                        if let Some(idx) = i.methods.iter().position(|m| m.name == sel.name) {
                            let sig = i.methods[idx].sig;
                            self.info.selections.insert(
                                e.id,
                                Selection::InterfaceMethod {
                                    iface: p.constraint,
                                    name: sel.name.clone(),
                                    index: idx,
                                    path: vec![],
                                    indirect: vec![],
                                    sig,
                                },
                            );
                            return Operand::value(sig);
                        }
                    }
                }
                let ts = self.ts(t);
                let what = if self.tt.is_pointer(t)
                    && self
                        .tt
                        .pointer_elem(t)
                        .is_some_and(|p| self.tt.is_interface(p))
                {
                    format!(
                        "{}.{} undefined (type {} is pointer to interface, not interface)",
                        expr_string(x),
                        sel.name,
                        ts
                    )
                } else {
                    // Different capitalization hint.
                    let alt = self.case_alternative(t, &sel.name);
                    match alt {
                        Some(a) => format!("{}.{} undefined (type {} has no field or method {}, but does have {} {})", expr_string(x), sel.name, ts, sel.name, a.0, a.1),
                        None => format!("{}.{} undefined (type {} has no field or method {})", expr_string(x), sel.name, ts, sel.name),
                    }
                };
                self.err(sel.span, what);
                Operand::invalid()
            }
        }
    }

    fn case_alternative(&self, t: TypeId, name: &str) -> Option<(&'static str, String)> {
        let lower = name.to_lowercase();
        if let Some(fs) = self.tt.struct_fields(self.tt.pointer_elem(t).unwrap_or(t)) {
            for f in fs {
                if f.name.to_lowercase() == lower && f.name != name {
                    return Some(("field", f.name.clone()));
                }
            }
        }
        for (m, _) in self.tt.method_set(self.tt.pointer_elem(t).map_or(t, |_| t)) {
            if m.to_lowercase() == lower && m != name {
                return Some(("method", m));
            }
        }
        None
    }

    fn embedded_is_ptr(&self, t: TypeId, path: &[usize]) -> bool {
        let mut cur = self.tt.pointer_elem(t).unwrap_or(t);
        let mut is_ptr = false;
        for &i in path {
            let Some(fs) = self.tt.struct_fields(cur) else {
                return false;
            };
            let Some(f) = fs.get(i) else {
                return false;
            };
            is_ptr = self.tt.is_pointer(f.ty) && !self.tt.is_named(f.ty);
            cur = self.tt.pointer_elem(f.ty).unwrap_or(f.ty);
        }
        is_ptr
    }

    /// `T.M` / `(*T).M`.
    fn method_expr(&mut self, e: &Expr, t: TypeId, sel: &ast::Ident) -> Operand {
        // `T.M` of a type parameter: a method of its constraint (resolved per instance).
        let lookup = match self.tt.get(t) {
            Type::TypeParam(p) => match self.tt.lookup_field_or_method(p.constraint, &sel.name) {
                l @ Lookup::IfaceMethod { .. } => l,
                _ => Lookup::NotFound,
            },
            _ => self.tt.lookup_field_or_method(t, &sel.name),
        };
        match lookup {
            Lookup::Method {
                recv,
                index,
                ptr_recv,
                path,
                indirect,
                recv_ptr,
            } => {
                let (msig, obj) = match self.tt.named(recv) {
                    Some(n) => (n.methods[index].sig, n.methods[index].obj),
                    None => (TypeTable::INVALID, None),
                };
                // A pointer method is in T's method set when promoted through an embedded
                // pointer.
                let promoted_through_ptr = recv_ptr && !path.is_empty();
                if ptr_recv && !self.tt.is_pointer(t) && !promoted_through_ptr {
                    let ts = self.ts(t);
                    self.err(
                        sel.span,
                        format!(
                            "invalid method expression {}.{} (needs pointer receiver (*{}).{})",
                            ts, sel.name, ts, sel.name
                        ),
                    );
                    return Operand::invalid();
                }
                let s = self
                    .tt
                    .signature(msig)
                    .cloned()
                    .unwrap_or(crate::types::Signature {
                        params: vec![],
                        results: vec![],
                        variadic: false,
                    });
                let mut params = vec![t];
                params.extend(s.params);
                let sig = self.tt.func(params, s.results, s.variadic);
                self.info.selections.insert(
                    e.id,
                    Selection::MethodExpr {
                        recv: t,
                        name: sel.name.clone(),
                        ptr_recv,
                        sig,
                        iface_index: None,
                        obj,
                        path,
                        indirect,
                    },
                );
                // `T.M` depends on M's body for package initialisation order.
                if let Some(o) = obj {
                    self.use_obj(o, sel.span);
                }
                Operand::value(sig)
            }
            Lookup::IfaceMethod {
                iface,
                index,
                path,
                indirect,
            } => {
                let msig = self
                    .tt
                    .interface_of(iface)
                    .map(|i| i.methods[index].sig)
                    .unwrap_or(TypeTable::INVALID);
                let s = self
                    .tt
                    .signature(msig)
                    .cloned()
                    .unwrap_or(crate::types::Signature {
                        params: vec![],
                        results: vec![],
                        variadic: false,
                    });
                let mut params = vec![t];
                params.extend(s.params);
                let sig = self.tt.func(params, s.results, s.variadic);
                self.info.selections.insert(
                    e.id,
                    Selection::MethodExpr {
                        recv: t,
                        name: sel.name.clone(),
                        ptr_recv: false,
                        sig,
                        iface_index: Some(index),
                        obj: None,
                        path: path.clone(),
                        indirect: indirect.clone(),
                    },
                );
                Operand::value(sig)
            }
            Lookup::Field { .. } => {
                let ts = self.ts(t);
                self.err(
                    e.span,
                    format!(
                        "operand for field selector {} must be value of type {}",
                        sel.name, ts
                    ),
                );
                Operand::invalid()
            }
            _ => {
                let ts = self.ts(t);
                self.err(
                    sel.span,
                    format!(
                        "{}.{} undefined (type {} has no method {})",
                        ts, sel.name, ts, sel.name
                    ),
                );
                Operand::invalid()
            }
        }
    }

    // ---- index and slice ----

    pub(crate) fn index_expr(&mut self, e: &Expr, x: &Expr, idx: &[Expr]) -> Operand {
        let mut xo = self.expr(x, None);
        if xo.is_invalid() {
            for i in idx {
                self.expr(i, None);
            }
            return Operand::invalid();
        }
        if xo.mode == Mode::TypeExpr {
            let targs: Vec<TypeId> = idx.iter().map(|a| self.type_expr(a)).collect();
            let t = self.instantiate_named(xo.ty, &targs, e.span);
            return Operand {
                mode: Mode::TypeExpr,
                ty: t,
                val: None,
            };
        }
        // Explicit instantiation of a generic function: f[int].
        if let Some((fobj, tps)) = self.generic_of(x) {
            let targs: Vec<TypeId> = idx.iter().map(|a| self.type_expr(a)).collect();
            if targs.len() > tps.len() {
                self.err(
                    idx[tps.len()].span,
                    format!("got {} type arguments but want {}", targs.len(), tps.len()),
                );
                return Operand::invalid();
            }
            if targs.len() != tps.len() {
                self.err(
                    e.span,
                    format!(
                        "got {} type arguments but {} has {} type parameters",
                        targs.len(),
                        expr_string(x),
                        tps.len()
                    ),
                );
                return Operand::invalid();
            }
            // Record on the index expression (the callee of a later call).
            let Some(sig) = self.instantiate_func(x, fobj, &tps, &targs, e.span) else {
                return Operand::invalid();
            };
            if let Some(inst) = self.info.instances.get(&unparen(x).id).cloned() {
                self.info.instances.insert(e.id, inst);
            }
            let t = self.tt.func(sig.params, sig.results, sig.variadic);
            return Operand::value(t);
        }
        if self.single_value(&mut xo, x).is_err() {
            return Operand::invalid();
        }
        if idx.len() != 1 {
            self.err(e.span, "unexpected comma; expecting ]".to_string());
            return Operand::invalid();
        }
        let ie = &idx[0];
        let t = xo.ty;
        let under = self.core_under(t);
        match under {
            Type::Basic(k) if k.is_string() => {
                let n = xo.val.as_ref().and_then(|v| v.as_str().map(|s| s.len()));
                let iv = self.index_value(ie, n.map(|n| n as i128));
                if let (Some(ConstValue::Str(s)), Some(i)) = (&xo.val, iv) {
                    if let Some(&b) = s.get(i as usize) {
                        let _ = b;
                        // Indexing a constant string is not a constant in Go.
                    }
                }
                if self.tt.is_untyped(t) {
                    self.default_operand(&mut xo, x);
                }
                Operand::value(TypeTable::BYTE)
            }
            Type::Slice(el) => {
                self.index_value(ie, None);
                Operand {
                    mode: Mode::Var,
                    ty: el,
                    val: None,
                }
            }
            Type::Array(n, el) => {
                self.index_value(ie, Some(n as i128));
                Operand {
                    mode: if xo.mode == Mode::Var {
                        Mode::Var
                    } else {
                        Mode::Value
                    },
                    ty: el,
                    val: None,
                }
            }
            Type::Pointer(p) => match self.tt.under(p).clone() {
                Type::Array(n, el) => {
                    self.index_value(ie, Some(n as i128));
                    Operand {
                        mode: Mode::Var,
                        ty: el,
                        val: None,
                    }
                }
                _ => {
                    let s = self.operand_string(&xo, x);
                    self.err(x.span, format!("invalid operation: cannot index {}", s));
                    Operand::invalid()
                }
            },
            Type::Map(k, v) => {
                let mut ko = self.value(ie, Some(k));
                self.assign_to(&mut ko, ie, k, "map index");
                Operand {
                    mode: Mode::MapIndex,
                    ty: v,
                    val: None,
                }
            }
            _ => {
                // A type parameter whose types are all indexable with one element type
                // (`[]int | [5]int`).
                if let Some((el, all_slices, n, has_string)) = self.tparam_index_elem(t) {
                    self.index_value(ie, n);
                    return Operand {
                        mode: if (xo.mode == Mode::Var && !has_string) || all_slices {
                            Mode::Var
                        } else {
                            Mode::Value
                        },
                        ty: el,
                        val: None,
                    };
                }
                let s = self.operand_string(&xo, x);
                self.err(x.span, format!("invalid operation: cannot index {}", s));
                self.expr(ie, None);
                Operand::invalid()
            }
        }
    }

    /// For a type parameter whose type set holds only slices, arrays and pointers to arrays
    /// (or strings) of one element type: that type, whether all are slices, the shortest
    /// array length, and whether there is a string.
    fn tparam_index_elem(&self, t: TypeId) -> Option<(TypeId, bool, Option<i128>, bool)> {
        let Type::TypeParam(p) = self.tt.get(t) else {
            return None;
        };
        let terms = self.tt.interface_of(p.constraint)?.terms.as_ref()?;
        let mut el = None;
        let mut all_slices = true;
        let mut min_len: Option<i128> = None;
        let mut has_string = false;
        for term in terms {
            let u = self.tt.under(term.ty).clone();
            let u = match u {
                Type::Pointer(q) => self.tt.under(q).clone(),
                u => u,
            };
            let e = match u {
                Type::Slice(e) => e,
                Type::Array(n, e) => {
                    all_slices = false;
                    min_len = Some(min_len.map_or(n as i128, |m| m.min(n as i128)));
                    e
                }
                // A string's bytes are never assignable: the result is a value.
                Type::Basic(k) if k.is_string() => {
                    all_slices = false;
                    has_string = true;
                    TypeTable::BYTE
                }
                _ => return None,
            };
            match el {
                None => el = Some(e),
                Some(x) if self.tt.identical(x, e) => {}
                Some(_) => return None,
            }
        }
        el.map(|e| (e, all_slices, min_len, has_string))
    }

    /// Check an index value: integer, non-negative constant, within `len` if known.
    pub(crate) fn index_value(&mut self, ie: &Expr, len: Option<i128>) -> Option<i128> {
        let mut x = self.value(ie, None);
        if x.is_invalid() {
            return None;
        }
        if let Some(v) = x.val.clone() {
            if v.is_unknown() {
                return None;
            }
            if !self.untyped_const_fits_int(&x, ie) {
                return None;
            }
            let Some(i) = v.as_i128() else {
                let s = self.operand_string(&x, ie);
                if self.tt.is_untyped(x.ty) && self.tt.is_numeric(x.ty) {
                    self.err(ie.span, format!("{} truncated to int", s));
                } else {
                    self.err(
                        ie.span,
                        format!("invalid argument: index {} must be integer", s),
                    );
                }
                return None;
            };
            if !self.tt.is_integer(x.ty) && !self.tt.is_untyped(x.ty) {
                let s = self.operand_string(&x, ie);
                self.err(
                    ie.span,
                    format!("invalid argument: index {} must be integer", s),
                );
                return None;
            }
            if i < 0 {
                if self.tt.is_untyped(x.ty) {
                    x.ty = TypeTable::INT;
                }
                let s = self.operand_string(&x, ie);
                self.err(
                    ie.span,
                    format!("invalid argument: index {} must not be negative", s),
                );
                return None;
            }
            if i > i64::MAX as i128 {
                let s = self.operand_string(&x, ie);
                self.err(
                    ie.span,
                    format!("invalid argument: index {} overflows int", s),
                );
                return None;
            }
            if let Some(n) = len {
                if i >= n {
                    self.err(
                        ie.span,
                        format!("invalid argument: index {} out of bounds [0:{}]", i, n),
                    );
                    return None;
                }
            }
            if self.tt.is_untyped(x.ty) {
                self.convert_untyped(&mut x, ie, TypeTable::INT);
            }
            return Some(i);
        }
        if self.tt.is_untyped(x.ty) && self.tt.is_numeric(x.ty) {
            // A non-constant untyped index (an untyped shift) becomes an int.
            if !self.convert_untyped_or_report(&mut x, ie, TypeTable::INT) {
                return None;
            }
        }
        if !self.tt.is_integer(x.ty) && !self.tparam_all(x.ty, |tt, t| tt.is_integer(t)) {
            let s = self.operand_string(&x, ie);
            self.err(
                ie.span,
                format!("invalid argument: index {} must be integer", s),
            );
            return None;
        }
        if self.tt.is_untyped(x.ty) {
            self.default_operand(&mut x, ie);
        }
        None
    }

    pub(crate) fn slice_expr(
        &mut self,
        e: &Expr,
        x: &Expr,
        lo: Option<&Expr>,
        hi: Option<&Expr>,
        max: Option<&Expr>,
        three: bool,
    ) -> Operand {
        let mut xo = self.value(x, None);
        if xo.is_invalid() {
            for i in [lo, hi, max].into_iter().flatten() {
                self.expr(i, None);
            }
            return Operand::invalid();
        }
        let t = xo.ty;
        let (res, len) = match self.core_under(t) {
            Type::Basic(k) if k.is_string() => {
                if three {
                    self.err(
                        e.span,
                        "invalid operation: 3-index slice of string".to_string(),
                    );
                    return Operand::invalid();
                }
                let n = xo
                    .val
                    .as_ref()
                    .and_then(|v| v.as_str().map(|s| s.len() as i128));
                let rt = if self.tt.is_untyped(t) {
                    self.default_operand(&mut xo, x);
                    TypeTable::STRING
                } else {
                    t
                };
                (rt, n)
            }
            Type::Slice(_) => (t, None),
            Type::Array(n, el) => {
                if xo.mode != Mode::Var {
                    let s = self.operand_string(&xo, x);
                    self.err(
                        x.span,
                        format!(
                            "invalid operation: {} (slice of unaddressable value)",
                            expr_string(e)
                        ),
                    );
                    let _ = s;
                    return Operand::invalid();
                }
                (self.tt.slice(el), Some(n as i128 + 1))
            }
            Type::Pointer(p) => match self.tt.under(p).clone() {
                Type::Array(n, el) => (self.tt.slice(el), Some(n as i128 + 1)),
                _ => {
                    let s = self.operand_string(&xo, x);
                    self.err(x.span, format!("cannot slice {}", s));
                    return Operand::invalid();
                }
            },
            _ => {
                let s = self.operand_string(&xo, x);
                self.err(x.span, format!("cannot slice {}", s));
                return Operand::invalid();
            }
        };
        let mut vals = Vec::new();
        for i in [lo, hi, max].into_iter().flatten() {
            vals.push(self.index_value(i, len.map(|n| n + 1)));
        }
        // Constant indices must be non-decreasing.
        let idx_exprs: Vec<&Expr> = [lo, hi, max].into_iter().flatten().collect();
        let known: Vec<(i128, Span)> = vals
            .iter()
            .zip(&idx_exprs)
            .filter_map(|(v, ie)| v.map(|v| (v, ie.span)))
            .collect();
        for w in known.windows(2) {
            if w[0].0 > w[1].0 {
                self.err(
                    w[1].1,
                    format!("invalid slice indices: {} < {}", w[1].0, w[0].0),
                );
                break;
            }
        }
        Operand::value(res)
    }

    // ---- composite literals ----

    pub(crate) fn composite_lit(
        &mut self,
        e: &Expr,
        ty: Option<&Expr>,
        elems: &[ast::Element],
        hint: Option<TypeId>,
    ) -> Operand {
        let t = match ty {
            Some(te) => {
                // [...]T
                if let ExprKind::ArrayType { len: None, elem } = &te.kind {
                    let el = self.type_expr(elem);
                    let n = self.array_elems(el, elems, None);
                    let at = self.tt.array(n, el);
                    self.info.types.insert(te.id, at);
                    return Operand::value(at);
                }
                self.type_expr(te)
            }
            None => match hint {
                Some(h) => h,
                None => {
                    self.err(e.span, "invalid composite literal type: missing type");
                    return Operand::invalid();
                }
            },
        };
        if t == TypeTable::INVALID {
            for el in elems {
                self.expr(&el.value, None);
            }
            return Operand::invalid();
        }
        // Elided `&T` in element position: hint is *T.
        let (base, ptr) = match (ty, self.core_under(t)) {
            (None, Type::Pointer(p)) => (p, true),
            _ => (t, false),
        };
        match self.core_under(base) {
            Type::Struct(fields) => {
                if elems.is_empty() {
                } else if elems[0].key.is_some() {
                    let mut seen = Vec::new();
                    for el in elems {
                        let Some(k) = &el.key else {
                            self.err(
                                el.value.span,
                                "mixture of field:value and value elements in struct literal",
                            );
                            continue;
                        };
                        let ExprKind::Ident(name) = &k.kind else {
                            self.err(
                                k.span,
                                format!("invalid field name {} in struct literal", expr_string(k)),
                            );
                            continue;
                        };
                        let Some(fi) = fields.iter().position(|f| &f.name == name) else {
                            self.err(
                                k.span,
                                format!(
                                    "unknown field {} in struct literal of type {}",
                                    name,
                                    self.ts(base)
                                ),
                            );
                            self.expr(&el.value, None);
                            continue;
                        };
                        if seen.contains(&fi) {
                            self.err(
                                k.span,
                                format!("duplicate field name {} in struct literal", name),
                            );
                        }
                        seen.push(fi);
                        let ft = fields[fi].ty;
                        let mut x = self.expr(&el.value, Some(ft));
                        self.assign_to(&mut x, &el.value, ft, "struct literal");
                    }
                } else {
                    for (i, el) in elems.iter().enumerate() {
                        if el.key.is_some() {
                            self.err(
                                el.value.span,
                                "mixture of field:value and value elements in struct literal",
                            );
                            continue;
                        }
                        let Some(f) = fields.get(i) else {
                            self.err(
                                el.value.span,
                                format!(
                                    "too many values in struct literal of type {}",
                                    self.ts(base)
                                ),
                            );
                            break;
                        };
                        let ft = f.ty;
                        let mut x = self.expr(&el.value, Some(ft));
                        self.assign_to(&mut x, &el.value, ft, "struct literal");
                    }
                    if elems.len() < fields.len() && !elems.is_empty() {
                        let rb = match &e.kind {
                            ExprKind::CompositeLit { rbrace, .. } => *rbrace,
                            _ => e.span,
                        };
                        self.err(
                            rb,
                            format!("too few values in struct literal of type {}", self.ts(base)),
                        );
                    }
                }
            }
            Type::Array(n, el) => {
                self.array_elems(el, elems, Some(n));
            }
            Type::Slice(el) => {
                self.array_elems(el, elems, None);
            }
            Type::Map(k, v) => {
                let mut seen: Vec<ConstValue> = Vec::new();
                for el in elems {
                    let Some(ke) = &el.key else {
                        self.err(el.value.span, "missing key in map literal");
                        self.expr(&el.value, Some(v));
                        continue;
                    };
                    let mut kx = self.expr(ke, Some(k));
                    if self.assign_to(&mut kx, ke, k, "map literal") {
                        if let Some(kv) = &kx.val {
                            if seen.contains(kv) {
                                self.err(
                                    ke.span,
                                    format!("duplicate key {} in map literal", expr_string(ke)),
                                );
                            } else {
                                seen.push(kv.clone());
                            }
                        }
                    }
                    let mut vx = self.expr(&el.value, Some(v));
                    self.assign_to(&mut vx, &el.value, v, "map literal");
                }
            }
            _ => {
                self.err(
                    e.span,
                    format!("invalid composite literal type {}", self.ts(t)),
                );
                return Operand::invalid();
            }
        }
        if ptr {
            return Operand::value(t);
        }
        Operand::value(t)
    }

    /// Elements of an array/slice literal; returns the length (max index + 1).
    fn array_elems(&mut self, el: TypeId, elems: &[ast::Element], len: Option<u64>) -> u64 {
        let mut idx: i128 = 0;
        let mut max: i128 = 0;
        let mut seen: Vec<i128> = Vec::new();
        for e in elems {
            if let Some(k) = &e.key {
                match self.index_value(k, len.map(|n| n as i128)) {
                    Some(i) => idx = i,
                    None => {
                        let x = self.info.consts.get(&k.id).cloned();
                        if x.is_none() {
                            self.err(
                                k.span,
                                format!("index {} must be integer constant", expr_string(k)),
                            );
                        }
                    }
                }
            } else if let Some(n) = len {
                if idx >= n as i128 {
                    self.err(
                        e.value.span,
                        format!("index {} is out of bounds (>= {})", idx, n),
                    );
                }
            }
            if seen.contains(&idx) {
                self.err(
                    e.key.as_ref().map_or(e.value.span, |k| k.span),
                    format!("duplicate index {} in array or slice literal", idx),
                );
            }
            seen.push(idx);
            let mut x = self.expr(&e.value, Some(el));
            self.assign_to(&mut x, &e.value, el, "array or slice literal");
            idx += 1;
            max = max.max(idx);
        }
        max as u64
    }
}

/// Whether an expression contains a function call or channel receive (then `len(arr)` of an
/// array is not constant).
pub(crate) fn contains_call_or_recv(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Call { .. } | ExprKind::Unary(crate::ast::UnOp::Recv, _) => true,
        ExprKind::Paren(x) | ExprKind::Star(x) | ExprKind::Unary(_, x) => contains_call_or_recv(x),
        ExprKind::Selector(x, _) => contains_call_or_recv(x),
        ExprKind::Index(x, i) => contains_call_or_recv(x) || i.iter().any(contains_call_or_recv),
        ExprKind::Binary(_, x, y) => contains_call_or_recv(x) || contains_call_or_recv(y),
        _ => false,
    }
}
