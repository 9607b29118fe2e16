//! Checker state, scopes, package-level declarations (collected first, resolved lazily in
//! dependency order as types2's `objDecl` does), type expressions, and Go's package-variable
//! initialization order.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use super::*;
use crate::ast::{Decl, Expr, ExprKind, FuncDecl};
use crate::types::{Field, IfaceMethod, MethodInfo, Term, Type};

/// A package-level declaration whose type/value is computed on first use.
#[derive(Clone)]
pub(crate) enum Lazy {
    Const {
        ty: Option<Rc<Expr>>,
        val: Option<Rc<Expr>>,
        iota: i128,
        /// For an inherited (implicitly repeated) init expression: the constant's name
        /// position, where types2 reports the expression's errors.
        errpos: Option<u32>,
    },
    /// `var names... [T] [= values]`: `objs` are all names of the spec (initialized together
    /// when there is one multi-value expression).
    Var {
        ty: Option<Rc<Expr>>,
        values: Rc<Vec<Expr>>,
        objs: Vec<ObjId>,
    },
    /// `type A = T`
    Alias(Rc<Expr>),
    /// `type T[...] U` (named: the type is created eagerly, its underlying lazily).
    Type { spec: Rc<ast::TypeSpec> },
}

/// A generic function and concrete type arguments for it.
type FuncInstantiation = (ObjId, Vec<TypeId>);

/// Per-function context.
pub(crate) struct FnCtx {
    pub results: Vec<TypeId>,
    pub named_results: bool,
    /// Labels declared in this function body: name → (object, used).
    pub labels: HashMap<String, ObjId>,
    /// Named result parameters' objects.
    pub result_objs: Vec<ObjId>,
}

/// Per-package scopes.
#[derive(Default, Clone)]
pub(crate) struct PkgScope {
    pub members: HashMap<String, ObjId>,
    /// File scope: imported package names → (PkgName object).
    pub imports: HashMap<String, ObjId>,
}

pub(crate) struct State {
    pub tt: TypeTable,
    pub info: TypeInfo,
    pub errs: Vec<Diagnostic>,
    pub universe: HashMap<String, ObjId>,
    pub pkgs: HashMap<String, PkgScope>,
    pub cur_pkg: String,
    pub scopes: Vec<HashMap<String, ObjId>>,
    pub used: HashSet<ObjId>,
    pub lazy: HashMap<ObjId, Lazy>,
    pub resolving: Vec<ObjId>,
    /// How many pointer, slice, map, channel, func or interface types enclose the type
    /// expression being checked, and its value when each object in `resolving` started: a
    /// type name met again under more of them is a valid recursive type.
    pub indirections: u32,
    pub resolve_ind: HashMap<ObjId, u32>,
    /// Named types declared as another named type whose underlying type is not known yet
    /// (`type T2 T1` met while resolving `T1`), set when it is.
    pub pending_under: Vec<(TypeId, TypeId)>,
    pub fns: Vec<FnCtx>,
    pub iota: Option<i128>,
    /// While checking an inherited constant init expression, the position every error is
    /// reported at (the constant's name), as types2's `errpos`.
    pub errpos: Option<u32>,
    /// Dependencies (package-level vars and funcs) being collected for the declaration on top.
    pub dep_stack: Vec<HashSet<ObjId>>,
    pub deps: HashMap<ObjId, HashSet<ObjId>>,
    /// Package-level vars in declaration order (for init order), with their initializer.
    pub global_vars: Vec<(Vec<ObjId>, Option<NodeId>)>,
    pub repl: bool,
    /// Standard-library packages loaded so far.
    pub loaded: HashSet<String>,
    /// Type parameters of generic functions, by the function's object.
    pub generic_tparams: HashMap<ObjId, Vec<TypeId>>,
    /// Type parameters of the generic function (or generic receiver type) whose body is
    /// being checked: a type declared in that body is implicitly generic in them (each
    /// instance of the function has its own type, `main.pair[int]`).
    pub body_tparams: Vec<TypeId>,
    /// Where each generic function instantiation was made (for instantiation-cycle errors).
    pub inst_pos: HashMap<ast::NodeId, Span>,
    /// Such implicitly generic local types (used without type arguments).
    pub implicit_generic: std::collections::HashSet<TypeId>,
    /// Type parameter lists of generic alias declarations (`type Set[T comparable] = ...`).
    pub alias_tparams: HashMap<ObjId, Rc<Vec<ast::Field>>>,
    /// The aliased type of each generic alias (mentioning its type parameters) → those type
    /// parameters: `Set[int]` substitutes them.
    pub generic_aliases: HashMap<TypeId, Vec<TypeId>>,
    /// Instantiated generic named types.
    pub inst_cache: HashMap<(TypeId, Vec<TypeId>), TypeId>,
    /// Instances created before their generic's underlying type was known.
    pub pending_inst: Vec<(TypeId, TypeId, HashMap<TypeId, TypeId>)>,
    /// Enclosing break/continue targets of the current function.
    pub targets: Vec<(super::stmt::Target, Option<String>)>,
    /// Whether a `fallthrough` is allowed at the current statement.
    pub fallthrough_ok: bool,
    /// Source map of the file being checked (for positions inside messages).
    pub sm: Option<SourceMap>,
    /// Unused-variable errors of the current function, emitted at its end.
    pub pending_unused: Vec<(u32, String)>,
    /// Declaring position of struct fields: (struct type, field name) → `span.lo`.
    pub field_decl: HashMap<(TypeId, String), u32>,
}

impl State {
    pub fn new(tt: &mut TypeTable) -> State {
        let mut st = State {
            tt: std::mem::take(tt),
            info: TypeInfo::default(),
            errs: Vec::new(),
            universe: HashMap::new(),
            pkgs: HashMap::new(),
            cur_pkg: "main".into(),
            scopes: Vec::new(),
            used: HashSet::new(),
            lazy: HashMap::new(),
            resolving: Vec::new(),
            indirections: 0,
            resolve_ind: HashMap::new(),
            pending_under: Vec::new(),
            fns: Vec::new(),
            iota: None,
            errpos: None,
            dep_stack: Vec::new(),
            deps: HashMap::new(),
            global_vars: Vec::new(),
            repl: false,
            loaded: HashSet::new(),
            generic_tparams: HashMap::new(),
            body_tparams: Vec::new(),
            inst_pos: HashMap::new(),
            implicit_generic: std::collections::HashSet::new(),
            alias_tparams: HashMap::new(),
            generic_aliases: HashMap::new(),
            inst_cache: HashMap::new(),
            pending_inst: Vec::new(),
            targets: Vec::new(),
            fallthrough_ok: false,
            sm: None,
            pending_unused: Vec::new(),
            field_decl: HashMap::new(),
        };
        st.init_universe();
        *tt = std::mem::take(&mut st.tt);
        st
    }

    pub fn new_obj(&mut self, name: &str, kind: ObjKind, ty: TypeId, span: Span) -> ObjId {
        let id = ObjId(self.info.objects.len() as u32);
        self.info.objects.push(Object {
            name: name.to_string(),
            kind,
            ty,
            pkg: self.cur_pkg.clone(),
            span,
        });
        id
    }
    pub fn obj(&self, id: ObjId) -> &Object {
        &self.info.objects[id.0 as usize]
    }
    pub fn err(&mut self, span: Span, msg: impl Into<String>) {
        match self.errpos {
            Some(p) => self.errs.push(Diagnostic::at(p, msg)),
            None => self.errs.push(Diagnostic::error(span, msg)),
        }
    }
    pub fn errat(&mut self, pos: u32, msg: impl Into<String>) {
        self.errs
            .push(Diagnostic::at(self.errpos.unwrap_or(pos), msg));
    }
    /// Type spelled for an error message.
    pub fn ts(&self, t: TypeId) -> String {
        self.tt.error_string(t, &self.cur_pkg)
    }

    fn init_universe(&mut self) {
        self.cur_pkg = String::new();
        let basics: [(&str, TypeId); 22] = [
            ("bool", TypeTable::BOOL),
            ("int", TypeTable::INT),
            ("int8", TypeTable::INT8),
            ("int16", TypeTable::INT16),
            ("int32", TypeTable::INT32),
            ("int64", TypeTable::INT64),
            ("uint", TypeTable::UINT),
            ("uint8", TypeTable::UINT8),
            ("uint16", TypeTable::UINT16),
            ("uint32", TypeTable::UINT32),
            ("uint64", TypeTable::UINT64),
            ("uintptr", TypeTable::UINTPTR),
            ("float32", TypeTable::FLOAT32),
            ("float64", TypeTable::FLOAT64),
            ("complex64", TypeTable::COMPLEX64),
            ("complex128", TypeTable::COMPLEX128),
            ("string", TypeTable::STRING),
            ("byte", TypeTable::BYTE),
            ("rune", TypeTable::RUNE),
            ("any", TypeTable::ANY),
            ("comparable", TypeTable::INVALID),
            ("error", TypeTable::INVALID),
        ];
        for (n, t) in basics {
            let id = self.new_obj(n, ObjKind::TypeName, t, Span::default());
            self.universe.insert(n.into(), id);
        }
        // error: interface{ Error() string }
        let err_named = self.tt.new_named("error", "", Some(self.universe["error"]));
        let sig = self.tt.func(vec![], vec![TypeTable::STRING], false);
        let iface = self.tt.interface(
            vec![IfaceMethod {
                name: "Error".into(),
                sig,
            }],
            None,
            false,
        );
        self.tt.set_underlying(err_named, iface);
        let e = self.universe["error"];
        self.info.objects[e.0 as usize].ty = err_named;
        let cmp = self
            .tt
            .new_named("comparable", "", Some(self.universe["comparable"]));
        let ci = self.tt.interface(vec![], None, true);
        self.tt.set_underlying(cmp, ci);
        let c = self.universe["comparable"];
        self.info.objects[c.0 as usize].ty = cmp;
        for (n, v) in [("true", true), ("false", false)] {
            let id = self.new_obj(
                n,
                ObjKind::Const(ConstValue::Bool(v)),
                TypeTable::UNTYPED_BOOL,
                Span::default(),
            );
            self.universe.insert(n.into(), id);
        }
        let id = self.new_obj(
            "iota",
            ObjKind::Const(ConstValue::Int(0)),
            TypeTable::UNTYPED_INT,
            Span::default(),
        );
        self.universe.insert("iota".into(), id);
        let id = self.new_obj("nil", ObjKind::Nil, TypeTable::UNTYPED_NIL, Span::default());
        self.universe.insert("nil".into(), id);
        for b in Builtin::ALL {
            let id = self.new_obj(
                b.name(),
                ObjKind::Builtin(b),
                TypeTable::INVALID,
                Span::default(),
            );
            self.universe.insert(b.name().into(), id);
        }
        self.cur_pkg = "main".into();
    }

    // ---- scopes ----

    pub fn push_scope(&mut self) {
        self.scopes.push(HashMap::new());
    }
    /// Pop a local scope, reporting unused variables.
    pub fn pop_scope(&mut self) {
        if let Some(s) = self.scopes.pop() {
            self.report_unused(&s);
        }
    }

    /// Queue "declared and not used" for the local variables of scope `s` (once each).
    fn report_unused(&mut self, s: &HashMap<String, ObjId>) {
        {
            let mut unused: Vec<ObjId> = s
                .values()
                .copied()
                .filter(|id| {
                    matches!(self.obj(*id).kind, ObjKind::Var(VarKind::Local))
                        && !self.used.contains(id)
                        && self.obj(*id).name != "_"
                })
                .collect();
            unused.sort();
            if !self.repl || self.fns.len() > 1 {
                for id in unused {
                    let o = self.obj(id);
                    let (lo, n) = (o.span.lo, o.name.clone());
                    // Reported at the end of the function, sorted (types2 `usage`).
                    self.pending_unused
                        .push((lo, format!("declared and not used: {}", n)));
                    self.used.insert(id);
                }
            }
        }
    }
    /// Declare `name` in the innermost scope (local or package).
    pub fn declare(&mut self, name: &str, id: ObjId, span: Span) {
        if name == "_" {
            self.info.defs.insert(span.lo, id);
            return;
        }
        self.info.defs.insert(span.lo, id);
        if !self.scopes.is_empty() {
            let dup = self.scopes.last().and_then(|s| s.get(name).copied());
            if let Some(prev) = dup {
                let pspan = self.obj(prev).span;
                self.err(
                    span,
                    format!(
                        "{} redeclared in this block\n\t\u{0}POS{}\u{0}: other declaration of {}",
                        name, pspan.lo, name
                    ),
                );
                return;
            }
            if let Some(s) = self.scopes.last_mut() {
                s.insert(name.to_string(), id);
            }
        } else {
            let pkg = self.cur_pkg.clone();
            let repl = self.repl;
            let sc = self.pkgs.entry(pkg).or_default();
            let dup = sc
                .members
                .get(name)
                .or_else(|| sc.imports.get(name))
                .copied();
            if let (Some(prev), false) = (dup, repl) {
                let pspan = self.obj(prev).span;
                self.err(
                    span,
                    format!(
                        "{} redeclared in this block\n\t\u{0}POS{}\u{0}: other declaration of {}",
                        name, pspan.lo, name
                    ),
                );
                return;
            }
            sc.members.insert(name.to_string(), id);
        }
    }

    /// Resolve an identifier: locals, package, imports, universe.
    pub fn lookup(&mut self, name: &str) -> Option<ObjId> {
        for s in self.scopes.iter().rev() {
            if let Some(&id) = s.get(name) {
                return Some(id);
            }
        }
        if let Some(sc) = self.pkgs.get(&self.cur_pkg) {
            if let Some(&id) = sc.members.get(name) {
                return Some(id);
            }
            if let Some(&id) = sc.imports.get(name) {
                return Some(id);
            }
        }
        self.universe.get(name).copied()
    }

    /// Record a use of package-level var/func `id` as a dependency of the current declaration,
    /// and resolve it if it is still lazy.
    pub fn use_obj(&mut self, id: ObjId, span: Span) {
        self.used.insert(id);
        if let Some(d) = self.dep_stack.last_mut() {
            let o = &self.info.objects[id.0 as usize];
            if matches!(o.kind, ObjKind::Var(VarKind::Global) | ObjKind::Func { .. }) {
                d.insert(id);
            }
        }
        if self.lazy.contains_key(&id) {
            self.resolve(id, span);
        }
    }

    /// Compute the type (and value) of a lazily declared package-level object.
    pub fn resolve(&mut self, id: ObjId, span: Span) {
        let Some(l) = self.lazy.get(&id).cloned() else {
            return;
        };
        if self.resolving.contains(&id) {
            // A cycle: types are handled by Named identity; consts/vars report.
            let o = self.obj(id).clone();
            match l {
                Lazy::Type { .. } | Lazy::Alias(_) => {}
                _ => {
                    self.err(
                        o.span,
                        format!(
                            "initialization cycle or invalid recursive reference to {}",
                            o.name
                        ),
                    );
                    let _ = span;
                    self.lazy.remove(&id);
                }
            }
            return;
        }
        self.resolving.push(id);
        self.resolve_ind.insert(id, self.indirections);
        // Package-level declarations are checked outside any function.
        let saved_scopes = std::mem::take(&mut self.scopes);
        let saved_fns = std::mem::take(&mut self.fns);
        let saved_iota = self.iota.take();
        let saved_errpos = self.errpos.take();
        let obj_pkg = self.obj(id).pkg.clone();
        let saved_pkg = std::mem::replace(&mut self.cur_pkg, obj_pkg);
        match l {
            Lazy::Const {
                ty,
                val,
                iota,
                errpos,
            } => {
                self.lazy.remove(&id);
                self.iota = Some(iota);
                self.errpos = errpos;
                let (t, v) = self.const_decl_value(ty.as_deref(), val.as_deref());
                let o = &mut self.info.objects[id.0 as usize];
                o.ty = t;
                o.kind = ObjKind::Const(v);
            }
            Lazy::Var { ty, values, objs } => {
                for o in &objs {
                    self.lazy.remove(o);
                }
                self.dep_stack.push(HashSet::new());
                self.var_decl_types(ty.as_deref(), &values, &objs, true);
                let d = self.dep_stack.pop().unwrap_or_default();
                for o in &objs {
                    self.deps.insert(*o, d.clone());
                }
            }
            Lazy::Alias(e) => {
                self.lazy.remove(&id);
                let t = match self.alias_tparams.get(&id).cloned() {
                    Some(fields) => {
                        // Generic alias: the aliased type over the alias's own parameters.
                        self.push_scope();
                        let tps = self.declare_tparams(&fields);
                        let t = self.type_expr(&e);
                        self.scopes.pop();
                        self.generic_aliases.insert(t, tps);
                        t
                    }
                    None => self.type_expr(&e),
                };
                self.info.objects[id.0 as usize].ty = t;
            }
            Lazy::Type { spec } => {
                self.lazy.remove(&id);
                self.named_type_body(id, &spec);
            }
        }
        self.cur_pkg = saved_pkg;
        self.iota = saved_iota;
        self.errpos = saved_errpos;
        self.fns = saved_fns;
        self.scopes = saved_scopes;
        self.resolving.retain(|&x| x != id);
        self.resolve_ind.remove(&id);
    }

    // ---- entry points ----

    pub fn check_file(
        &mut self,
        f: &ast::File,
        sm: &SourceMap,
        tt: &mut TypeTable,
    ) -> Result<TypeInfo, Vec<Diagnostic>> {
        self.tt = std::mem::take(tt);
        self.sm = Some(sm.clone());
        self.repl = false;
        self.cur_pkg = "main".into();
        if f.package.name != "main" {
            // go run: package must be main
            self.err(
                f.package.span,
                format!("package {} is not a main package", f.package.name),
            );
        }
        self.check_package_files("main", &f.imports, &f.decls);
        let main = self
            .pkgs
            .get("main")
            .and_then(|s| s.members.get("main").copied());
        match main {
            Some(m) if matches!(self.obj(m).kind, ObjKind::Func { .. }) => self.info.main = Some(m),
            _ => {
                if self.errs.is_empty() {
                    self.errat(0, "function main is undeclared in the main package");
                }
            }
        }
        self.finish(tt)
    }

    fn finish(&mut self, tt: &mut TypeTable) -> Result<TypeInfo, Vec<Diagnostic>> {
        self.finalize_types();
        *tt = std::mem::take(&mut self.tt);
        if !self.errs.is_empty() {
            if let Some(sm) = &self.sm {
                for d in &mut self.errs {
                    while let Some(i) = d.msg.find("\u{0}POS") {
                        let rest = &d.msg[i + 4..];
                        let Some(j) = rest.find('\u{0}') else { break };
                        let pos: u32 = rest[..j].parse().unwrap_or(0);
                        let (l, c) = sm.line_col(pos);
                        let r = format!("{}:{}:{}", sm.name, l, c);
                        d.msg = format!("{}{}{}", &d.msg[..i], r, &rest[j + 1..]);
                    }
                }
            }
            // Emission order is kept (as types2 reports): cmd/compile filters and counts
            // errors in this order, stops after 10, then sorts what it prints.
            let e = std::mem::take(&mut self.errs);
            return Err(e);
        }
        Ok(self.info.clone())
    }

    /// Default any still-untyped recorded types and canonicalize every TypeId in the tables.
    fn finalize_types(&mut self) {
        let ids: Vec<NodeId> = self.info.types.keys().copied().collect();
        for id in ids {
            let t = self.info.types[&id];
            let t = if self.tt.is_untyped(t) && t != TypeTable::UNTYPED_NIL {
                let d = self.default_type(t);
                if let Some(v) = self.info.consts.get(&id).cloned() {
                    if let Some(k) = self.tt.basic_kind(d) {
                        if let Ok(v) = v.convert_to(k) {
                            self.info.consts.insert(id, v);
                        }
                    }
                }
                d
            } else {
                t
            };
            let c = self.tt.canonical(t);
            self.info.types.insert(id, c);
        }
        for i in 0..self.info.objects.len() {
            let t = self.info.objects[i].ty;
            let t = if self.tt.is_untyped(t)
                && !matches!(self.info.objects[i].kind, ObjKind::Const(_) | ObjKind::Nil)
            {
                self.default_type(t)
            } else {
                t
            };
            self.info.objects[i].ty = self.tt.canonical(t);
        }
        let ks: Vec<u32> = self.info.func_sigs.keys().copied().collect();
        for k in ks {
            let t = self.info.func_sigs[&k];
            let c = self.tt.canonical(t);
            self.info.func_sigs.insert(k, c);
        }
        let ks: Vec<NodeId> = self.info.calls.keys().copied().collect();
        for k in ks {
            let c = match self.info.calls[&k].clone() {
                CallKind::Conversion(t) => CallKind::Conversion(self.tt.canonical(t)),
                CallKind::Builtin(b, Some(t)) => CallKind::Builtin(b, Some(self.tt.canonical(t))),
                c => c,
            };
            self.info.calls.insert(k, c);
        }
        let ks: Vec<NodeId> = self.info.selections.keys().copied().collect();
        for k in ks {
            let mut s = self.info.selections[&k].clone();
            match &mut s {
                Selection::Field { ty, .. } => *ty = self.tt.canonical(*ty),
                Selection::Method { sig, .. } | Selection::InterfaceMethod { sig, .. } => {
                    *sig = self.tt.canonical(*sig)
                }
                Selection::MethodExpr { sig, recv, .. } => {
                    *sig = self.tt.canonical(*sig);
                    *recv = self.tt.canonical(*recv);
                }
                Selection::Qualified { .. } => {}
            }
            self.info.selections.insert(k, s);
        }
        let ks: Vec<NodeId> = self.info.instances.keys().copied().collect();
        for k in ks {
            let mut i = self.info.instances[&k].clone();
            i.sig = self.tt.canonical(i.sig);
            i.targs = i.targs.iter().map(|&t| self.tt.canonical(t)).collect();
            self.info.instances.insert(k, i);
        }
        self.tt.canonicalize_named();
        if self.errs.is_empty() && !self.instantiation_cycle() {
            self.compute_substs();
        }
    }

    /// Fill `func_instances` and `type_instances` (see their docs).
    fn compute_substs(&mut self) {
        // All types mentioned in the tables.
        let mut all: Vec<TypeId> = self.info.types.values().copied().collect();
        all.extend(self.info.objects.iter().map(|o| o.ty));
        all.extend(self.info.func_sigs.values().copied());
        for s in self.info.selections.values() {
            match s {
                Selection::Field { ty, .. } => all.push(*ty),
                Selection::Method { sig, recv, .. } => {
                    all.push(*sig);
                    all.push(*recv);
                }
                Selection::InterfaceMethod { sig, iface, .. } => {
                    all.push(*sig);
                    all.push(*iface);
                }
                Selection::MethodExpr { sig, recv, .. } => {
                    all.push(*sig);
                    all.push(*recv);
                }
                Selection::Qualified { .. } => {}
            }
        }
        for k in self.info.calls.values() {
            if let CallKind::Conversion(t) | CallKind::Builtin(_, Some(t)) = k {
                all.push(*t);
            }
        }
        all.sort();
        all.dedup();
        let generic: Vec<TypeId> = all
            .iter()
            .copied()
            .filter(|&t| self.mentions_any_tparam(t, 0))
            .collect();
        // Function instantiations: direct ones, then derived through enclosing generics
        // (generic functions and methods of generic types), to a fixpoint with the
        // instantiations of named types.
        let mut work: Vec<(ObjId, Vec<TypeId>)> = self
            .info
            .instances
            .values()
            .map(|i| (i.func, i.targs.clone()))
            .collect();
        let mut done: HashMap<ObjId, Vec<Subst>> = HashMap::new();
        let mut tinst: HashMap<TypeId, Vec<Subst>> = HashMap::new();
        let mut rounds = 0;
        loop {
            while let Some((f, targs)) = work.pop() {
                rounds += 1;
                if rounds > 10_000 {
                    break;
                }
                if targs.iter().any(|&t| self.mentions_any_tparam(t, 0)) {
                    continue;
                }
                let Some(tps) = self.generic_tparams.get(&f).cloned() else {
                    continue;
                };
                if done
                    .get(&f)
                    .is_some_and(|v| v.iter().any(|s| s.targs == targs))
                {
                    continue;
                }
                let (map, derived) = self.instance_subst(&generic, &tps, &targs);
                work.extend(derived);
                done.entry(f).or_default().push(Subst {
                    tparams: tps,
                    targs,
                    map,
                });
            }
            // Named type instantiations (created during checking and by the substitutions
            // above); the generic calls in their methods' bodies give more function
            // instantiations.
            let named: Vec<(TypeId, Vec<TypeId>)> = (0..self.tt.len())
                .filter_map(|i| {
                    let n = self.tt.named(TypeId(i as u32))?;
                    Some((n.origin?, n.targs.clone()))
                })
                .collect();
            let mut new_types = false;
            rounds += 1;
            for (g, targs) in named {
                if targs.iter().any(|&t| self.mentions_any_tparam(t, 0)) {
                    continue;
                }
                if tinst
                    .get(&g)
                    .is_some_and(|v| v.iter().any(|s| s.targs == targs))
                {
                    continue;
                }
                let tps = self
                    .tt
                    .named(g)
                    .map(|n| n.tparams.clone())
                    .unwrap_or_default();
                let (map, derived) = self.instance_subst(&generic, &tps, &targs);
                work.extend(derived);
                new_types = true;
                tinst.entry(g).or_default().push(Subst {
                    tparams: tps,
                    targs,
                    map,
                });
            }
            if (work.is_empty() && !new_types) || rounds > 10_000 {
                break;
            }
        }
        self.info.func_instances = done;
        self.info.type_instances = tinst;
        // Types created by substitution need canonical named internals too.
        self.tt.canonicalize_named();
    }

    /// types2's monomorphisation check: a generic function instantiated, through a chain of
    /// calls, with a type that grows its own type parameter (`F[T]` calling `F[[]T]`) would
    /// need infinitely many instances. Reports `instantiation cycle` and returns true.
    fn instantiation_cycle(&mut self) -> bool {
        // Edges P -> Q: type parameter Q instantiated with a type mentioning P (weight 1 if
        // the type is not P itself).
        let mut edges: Vec<(TypeId, TypeId, u32, Span, TypeId)> = Vec::new();
        let mut insts: Vec<(ast::NodeId, Instance)> = self
            .info
            .instances
            .iter()
            .map(|(k, v)| (*k, v.clone()))
            .collect();
        insts.sort_by_key(|(k, _)| *k);
        let all_tps: Vec<TypeId> = {
            let mut v: Vec<TypeId> = self.generic_tparams.values().flatten().copied().collect();
            v.sort();
            v.dedup();
            v
        };
        for (node, inst) in &insts {
            let Some(callee) = self.generic_tparams.get(&inst.func).cloned() else {
                continue;
            };
            let pos = self.inst_pos.get(node).copied().unwrap_or_default();
            for (i, &targ) in inst.targs.iter().enumerate() {
                let Some(&q) = callee.get(i) else { continue };
                for &p in &all_tps {
                    if self.mentions(targ, p, 0) {
                        edges.push((p, q, (targ != p) as u32, pos, targ));
                    }
                }
            }
        }
        if !edges.iter().any(|e| e.2 > 0) {
            return false;
        }
        // Longest paths by relaxation: still relaxing after |V| rounds means a cycle of
        // positive weight.
        let mut dist: HashMap<TypeId, u32> = HashMap::new();
        let mut pred: HashMap<TypeId, usize> = HashMap::new();
        let n = all_tps.len() + 1;
        let mut last = None;
        for _ in 0..n {
            last = None;
            for (i, e) in edges.iter().enumerate() {
                let du = dist.get(&e.0).copied().unwrap_or(0);
                if du + e.2 > dist.get(&e.1).copied().unwrap_or(0) {
                    dist.insert(e.1, du + e.2);
                    pred.insert(e.1, i);
                    last = Some(e.1);
                }
            }
            if last.is_none() {
                return false;
            }
        }
        let Some(mut v) = last else { return false };
        for _ in 0..n {
            match pred.get(&v) {
                Some(&i) => v = edges[i].0,
                None => return false,
            }
        }
        // Collect the cycle through v.
        let mut cycle = Vec::new();
        let start = v;
        while let Some(&i) = pred.get(&v) {
            cycle.push(i);
            v = edges[i].0;
            if v == start || cycle.len() > n {
                break;
            }
        }
        let decl = self
            .info
            .objects
            .iter()
            .find(|o| o.ty == start && matches!(o.kind, ObjKind::TypeName))
            .map(|o| o.span)
            .unwrap_or_default();
        let mut msg = String::from("instantiation cycle:");
        for i in cycle {
            let (_, q, _, pos, targ) = edges[i];
            msg.push_str(&format!(
                "\n\t\u{0}POS{}\u{0}: {} instantiated as {}",
                pos.lo,
                self.ts(q),
                self.ts(targ)
            ));
        }
        self.err(decl, msg);
        true
    }

    /// The substitution map of instantiating type parameters `tps` with `targs` (over the
    /// generic types recorded in the tables), and the generic-function instantiations used
    /// under it (`A[T]` calling `B[T]` gives `B[targs]`).
    fn instance_subst(
        &mut self,
        generic: &[TypeId],
        tps: &[TypeId],
        targs: &[TypeId],
    ) -> (HashMap<TypeId, TypeId>, Vec<FuncInstantiation>) {
        let m: HashMap<TypeId, TypeId> = tps.iter().copied().zip(targs.iter().copied()).collect();
        let mut map = HashMap::new();
        for &t in generic {
            if tps.iter().any(|&tp| self.mentions(t, tp, 0)) {
                let s = self.subst(t, &m);
                let c = self.tt.canonical(s);
                map.insert(t, c);
            }
        }
        let uses: Vec<FuncInstantiation> = self
            .info
            .instances
            .values()
            .filter(|i| {
                i.targs
                    .iter()
                    .any(|&t| tps.iter().any(|&tp| self.mentions(t, tp, 0)))
            })
            .map(|i| (i.func, i.targs.clone()))
            .collect();
        let derived = uses
            .into_iter()
            .map(|(g, gt)| {
                let nt = gt
                    .iter()
                    .map(|&t| {
                        let s = self.subst(t, &m);
                        self.tt.canonical(s)
                    })
                    .collect();
                (g, nt)
            })
            .collect();
        (map, derived)
    }

    /// Check the files of one package (main, or a standard-library package's declarations).
    pub fn check_package_files(&mut self, path: &str, imports: &[ast::Import], decls: &[Decl]) {
        let saved = std::mem::replace(&mut self.cur_pkg, path.to_string());
        self.pkgs.entry(path.to_string()).or_default();
        let mut import_objs = Vec::new();
        for imp in imports {
            if let Some(o) = self.import(imp) {
                import_objs.push((o, imp.span, imp.path.clone()));
            }
        }
        let funcs = self.collect_decls(decls);
        // Resolve everything lazily declared, in source order.
        self.resolve_all_lazy();
        // Method signatures and function signatures were done in collect; check bodies.
        for (obj, fd) in funcs {
            if path != "main" && fd.body.is_some() {
                self.info.lib_funcs.push((obj, fd.clone()));
            }
            self.func_body(obj, fd);
        }
        self.compute_init_order();
        if path == "main" && !self.repl {
            for (o, span, ipath) in import_objs {
                if !self.used.contains(&o) {
                    let name = self.obj(o).name.clone();
                    let last = ipath.rsplit('/').next().unwrap_or("");
                    if name == last || name == "_" {
                        self.err(span, format!("{:?} imported and not used", ipath));
                    } else {
                        self.err(
                            span,
                            format!("{:?} imported as {} and not used", ipath, name),
                        );
                    }
                }
            }
        }
        self.cur_pkg = saved;
    }

    fn resolve_all_lazy(&mut self) {
        let mut pending: Vec<ObjId> = self.lazy.keys().copied().collect();
        pending.sort();
        for id in pending {
            if self.lazy.contains_key(&id) {
                let sp = self.obj(id).span;
                self.resolve(id, sp);
            }
        }
    }

    /// `import "x"`: load the stdlib package and bind its name in the file scope.
    pub fn import(&mut self, imp: &ast::Import) -> Option<ObjId> {
        if !self.load_package(&imp.path) {
            self.err(imp.span, format!("package {} is not in std", imp.path));
            return None;
        }
        let last = imp.path.rsplit('/').next().unwrap_or(&imp.path).to_string();
        let name = match &imp.name {
            Some(n) => n.name.clone(),
            None => last,
        };
        if name == "_" || name == "." {
            // Blank import: nothing to bind. Dot imports are not supported.
            if name == "." {
                self.err(imp.span, "dot imports are not supported by minigo");
            }
            return None;
        }
        let sp = imp.name.as_ref().map_or(imp.span, |n| n.span);
        let id = self.new_obj(
            &name,
            ObjKind::PkgName(imp.path.clone()),
            TypeTable::INVALID,
            sp,
        );
        if imp.name.is_some() {
            self.info.defs.insert(sp.lo, id);
        }
        let pkg = self.cur_pkg.clone();
        let repl = self.repl;
        let sc = self.pkgs.entry(pkg).or_default();
        let dup = sc.imports.contains_key(&name);
        sc.imports.insert(name.clone(), id);
        if dup && !repl {
            self.err(sp, format!("{} redeclared in this block", name));
        }
        Some(id)
    }

    /// Load (parse and check the declarations of) a standard-library package once.
    pub fn load_package(&mut self, path: &str) -> bool {
        if self.loaded.contains(path) {
            return true;
        }
        let Some(src) = stdlib::source(path) else {
            return false;
        };
        self.loaded.insert(path.to_string());
        // Each package gets its own NodeIds and positions (its side tables join the
        // program's: see `libspan`).
        let k = stdlib::PACKAGES
            .iter()
            .position(|p| *p == path)
            .unwrap_or(0);
        let ids = ast::IdGen::starting_at(0x8000_0000 + (k as u32) * 0x0080_0000);
        let file = match crate::parse::parse_file(path, src, &ids) {
            Ok(mut f) => {
                super::libspan::shift_file(&mut f, super::libspan::base(k));
                f
            }
            Err(e) => {
                let msg = e.first().map(|d| d.msg.clone()).unwrap_or_default();
                self.errs
                    .push(Diagnostic::internal(0, format!("stdlib {}: {}", path, msg)));
                return true;
            }
        };
        let saved_repl = self.repl;
        self.repl = false;
        let saved_scopes = std::mem::take(&mut self.scopes);
        let n_errs = self.errs.len();
        // Stdlib declarations don't go into the program's side tables except objects.
        let mut saved_info = std::mem::take(&mut self.info);
        self.info.objects = std::mem::take(&mut saved_info.objects);
        let saved_globals = std::mem::take(&mut self.global_vars);
        self.check_package_files(path, &file.imports, &file.decls);
        let objects = std::mem::take(&mut self.info.objects);
        let mut packages = std::mem::take(&mut self.info.packages);
        let lib = std::mem::replace(&mut self.info, saved_info);
        self.info.objects = objects;
        self.info.packages.append(&mut packages);
        self.info.merge_library(lib);
        self.global_vars = saved_globals;
        if self.errs.len() > n_errs {
            let msgs: Vec<String> = self.errs.drain(n_errs..).map(|d| d.msg).collect();
            self.errs.push(Diagnostic::internal(
                0,
                format!("stdlib {}: {}", path, msgs.join("; ")),
            ));
        }
        self.scopes = saved_scopes;
        self.repl = saved_repl;
        self.info.packages.push(path.to_string());
        true
    }

    /// Create objects for all package-level declarations; returns the functions whose bodies
    /// are to be checked.
    pub fn collect_decls(&mut self, decls: &[Decl]) -> Vec<(ObjId, Rc<FuncDecl>)> {
        let mut funcs = Vec::new();
        let mut methods = Vec::new();
        // Types first (so that every named type exists before any type expression).
        for d in decls {
            match d {
                Decl::Type(specs) => {
                    for s in specs {
                        self.declare_type_spec(s, true);
                    }
                }
                Decl::Const(specs) => self.declare_consts(specs, true),
                Decl::Var(specs) => {
                    for s in specs {
                        self.declare_global_var(s);
                    }
                }
                Decl::Func(fd) => {
                    if fd.recv.is_some() {
                        methods.push(fd);
                        continue;
                    }
                    let fd = Rc::new(fd.clone());
                    let native = fd.body.is_none();
                    let id = self.new_obj(
                        &fd.name.name,
                        ObjKind::Func { recv: None, native },
                        TypeTable::INVALID,
                        fd.name.span,
                    );
                    if fd.name.name == "init" && self.cur_pkg == "main" {
                        self.info.defs.insert(fd.name.span.lo, id);
                        if !fd.tparams.is_empty()
                            || !fd.sig.params.is_empty()
                            || !fd.sig.results.is_empty()
                        {
                            self.err(
                                fd.name.span,
                                "func init must have no arguments and no return values",
                            );
                        }
                        self.info.inits.push(id);
                    } else if fd.name.name == "main"
                        && self.cur_pkg == "main"
                        && (!fd.sig.params.is_empty() || !fd.sig.results.is_empty())
                    {
                        self.err(
                            fd.name.span,
                            "func main must have no arguments and no return values",
                        );
                        self.declare("main", id, fd.name.span);
                    } else if fd.name.name != "_" {
                        self.declare(&fd.name.name, id, fd.name.span);
                    }
                    funcs.push((id, fd));
                }
            }
        }
        // Function signatures (after all names exist).
        for (id, fd) in &funcs {
            let sig = self.func_signature(*id, fd);
            self.info.objects[id.0 as usize].ty = sig;
            self.info.func_sigs.insert(fd.name.span.lo, sig);
        }
        for fd in methods {
            let fd = Rc::new(fd.clone());
            if let Some(id) = self.declare_method(&fd) {
                funcs.push((id, fd));
            }
        }
        self.resolve_all_lazy();
        self.refresh_instances();
        funcs
    }

    pub fn declare_type_spec(&mut self, s: &ast::TypeSpec, global: bool) {
        let id = self.new_obj(
            &s.name.name,
            ObjKind::TypeName,
            TypeTable::INVALID,
            s.name.span,
        );
        self.declare(&s.name.name, id, s.name.span);
        if s.alias {
            if global {
                if !s.tparams.is_empty() {
                    self.alias_tparams.insert(id, Rc::new(s.tparams.clone()));
                }
                self.lazy.insert(id, Lazy::Alias(Rc::new(s.ty.clone())));
            } else {
                let t = self.type_expr(&s.ty);
                self.info.objects[id.0 as usize].ty = t;
            }
            return;
        }
        let pkg = self.cur_pkg.clone();
        let named = self.tt.new_named(&s.name.name, &pkg, Some(id));
        self.info.objects[id.0 as usize].ty = named;
        if global {
            self.lazy.insert(
                id,
                Lazy::Type {
                    spec: Rc::new(s.clone()),
                },
            );
        } else {
            self.named_type_body(id, s);
            if !self.body_tparams.is_empty() && s.tparams.is_empty() {
                let tps = self.body_tparams.clone();
                if let Some(n) = self.tt.named_mut(named) {
                    n.tparams = tps;
                }
                self.implicit_generic.insert(named);
            }
        }
    }

    /// Resolve the underlying type of a named type declaration.
    fn named_type_body(&mut self, id: ObjId, s: &ast::TypeSpec) {
        let named = self.obj(id).ty;
        if !s.tparams.is_empty() {
            self.push_scope();
            let tps = self.declare_tparams(&s.tparams);
            if let Some(n) = self.tt.named_mut(named) {
                n.tparams = tps;
            }
            let u = self.type_expr(&s.ty);
            self.scopes.pop();
            self.set_underlying_checked(named, u, s);
            return;
        }
        let u = self.type_expr(&s.ty);
        self.set_underlying_checked(named, u, s);
    }

    fn set_underlying_checked(&mut self, named: TypeId, u: TypeId, s: &ast::TypeSpec) {
        if u != named
            && self.tt.is_named(u)
            && self.tt.underlying(u) == TypeTable::INVALID
            && (self.pending_under.iter().any(|&(n, _)| n == u)
                || self.tt.named(u).and_then(|n| n.obj).is_some_and(|o| {
                    self.resolve_ind
                        .get(&o)
                        .is_some_and(|&i| self.indirections > i)
                }))
        {
            self.pending_under.push((named, u));
            return;
        }
        if u == named
            || (self.tt.is_named(u)
                && self.tt.underlying(u) == TypeTable::INVALID
                && self
                    .tt
                    .named(u)
                    .is_some_and(|n| n.obj.is_some_and(|o| self.resolving.contains(&o))))
        {
            self.err(
                s.name.span,
                format!("invalid recursive type: {} refers to itself", s.name.name),
            );
            self.tt.set_underlying(named, TypeTable::INVALID);
            return;
        }
        self.tt.set_underlying(named, u);
        self.settle_pending_underlying();
        if self.contains_directly(u, named, 0) {
            let direct = match self.tt.get(u) {
                Type::Struct(fs) => fs.iter().any(|f| f.ty == named),
                Type::Array(_, e) => *e == named,
                _ => false,
            };
            if direct {
                self.err(
                    s.name.span,
                    format!("invalid recursive type: {} refers to itself", s.name.name),
                );
            } else {
                self.err(
                    s.name.span,
                    format!("invalid recursive type {}", s.name.name),
                );
            }
            let e = self.tt.strukt(vec![]);
            self.tt.set_underlying(named, e);
        }
    }

    /// Give the types in `pending_under` whose type's underlying type is now known theirs.
    fn settle_pending_underlying(&mut self) {
        loop {
            let Some(i) = self
                .pending_under
                .iter()
                .position(|&(_, u)| self.tt.underlying(u) != TypeTable::INVALID)
            else {
                return;
            };
            let (n, u) = self.pending_under.swap_remove(i);
            self.tt.set_underlying(n, u);
        }
    }

    /// Whether `t` contains `target` by value (struct fields, array elements).
    fn contains_directly(&self, t: TypeId, target: TypeId, depth: u32) -> bool {
        if depth > 50 {
            return false;
        }
        if t == target && depth > 0 {
            return true;
        }
        let u = if depth == 0 { t } else { self.tt.underlying(t) };
        match self.tt.get(u) {
            Type::Struct(fs) => fs
                .iter()
                .any(|f| f.ty == target || self.contains_directly(f.ty, target, depth + 1)),
            Type::Array(_, e) => *e == target || self.contains_directly(*e, target, depth + 1),
            _ => false,
        }
    }

    pub fn declare_tparams(&mut self, fields: &[ast::Field]) -> Vec<TypeId> {
        let mut out = Vec::new();
        let mut idx = 0u32;
        let mut pending = Vec::new();
        for f in fields {
            for n in &f.names {
                let tp = self.tt.new_type_param(&n.name, idx, TypeTable::EMPTY_IFACE);
                idx += 1;
                let id = self.new_obj(&n.name, ObjKind::TypeName, tp, n.span);
                self.declare(&n.name, id, n.span);
                out.push(tp);
                pending.push((tp, f));
            }
        }
        for (tp, f) in pending {
            let c = self.constraint_expr(&f.ty);
            self.tt.set_type_param_constraint(tp, c);
        }
        out
    }

    /// A constraint: an interface type, or a type-set shorthand (`~int | string`, `int`).
    fn constraint_expr(&mut self, e: &Expr) -> TypeId {
        match &e.kind {
            ExprKind::Union(_) | ExprKind::Unary(ast::UnOp::Tilde, _) => {
                let terms = self.terms(e);
                self.tt.interface(vec![], Some(terms), false)
            }
            _ => {
                let t = self.type_expr(e);
                if self.tt.is_interface(t) {
                    t
                } else {
                    self.tt.interface(
                        vec![],
                        Some(vec![Term {
                            tilde: false,
                            ty: t,
                        }]),
                        false,
                    )
                }
            }
        }
    }

    fn terms(&mut self, e: &Expr) -> Vec<Term> {
        match &e.kind {
            ExprKind::Union(v) => v.iter().flat_map(|x| self.terms(x)).collect(),
            ExprKind::Unary(ast::UnOp::Tilde, x) => {
                let t = self.type_expr(x);
                vec![Term { tilde: true, ty: t }]
            }
            _ => {
                let t = self.type_expr(e);
                // An interface term contributes its type set (`OrderedNumeric | Complex`).
                if self.tt.is_interface(t) {
                    if let Some(ts) = self.tt.interface_of(t).and_then(|i| i.terms.clone()) {
                        return ts;
                    }
                }
                vec![Term {
                    tilde: false,
                    ty: t,
                }]
            }
        }
    }

    pub fn declare_consts(&mut self, specs: &[ast::ConstSpec], global: bool) {
        let mut last_ty: Option<Rc<Expr>> = None;
        let mut last_vals: Vec<Rc<Expr>> = Vec::new();
        for s in specs {
            let inherited = s.values.is_empty() && s.ty.is_none();
            if !inherited {
                last_ty = s.ty.clone().map(Rc::new);
                last_vals = s.values.iter().cloned().map(Rc::new).collect();
            }
            for (i, n) in s.names.iter().enumerate() {
                let val = last_vals.get(i).cloned();
                if val.is_none() {
                    self.err(n.span, "missing init expr for const declaration");
                }
                let id = self.new_obj(
                    &n.name,
                    ObjKind::Const(ConstValue::Int(0)),
                    TypeTable::INVALID,
                    n.span,
                );
                if global {
                    self.declare(&n.name, id, n.span);
                    self.lazy.insert(
                        id,
                        Lazy::Const {
                            ty: last_ty.clone(),
                            val,
                            iota: s.iota as i128,
                            errpos: inherited.then_some(n.span.lo),
                        },
                    );
                } else {
                    let saved = self.iota.replace(s.iota as i128);
                    let saved_errpos =
                        std::mem::replace(&mut self.errpos, inherited.then_some(n.span.lo));
                    let (t, v) = self.const_decl_value(last_ty.as_deref(), val.as_deref());
                    self.errpos = saved_errpos;
                    self.iota = saved;
                    let o = &mut self.info.objects[id.0 as usize];
                    o.ty = t;
                    o.kind = ObjKind::Const(v);
                    // Local constants are declared after their value (scope starts after spec).
                    self.declare(&n.name, id, n.span);
                    self.used.insert(id);
                }
            }
            if last_vals.len() > s.names.len() && !s.values.is_empty() {
                self.err(s.values[s.names.len()].span, "extra init expr");
            }
        }
    }

    fn declare_global_var(&mut self, s: &ast::VarSpec) {
        let ty = s.ty.clone().map(Rc::new);
        let values = Rc::new(s.values.clone());
        let objs: Vec<ObjId> = s
            .names
            .iter()
            .map(|n| {
                self.new_obj(
                    &n.name,
                    ObjKind::Var(VarKind::Global),
                    TypeTable::INVALID,
                    n.span,
                )
            })
            .collect();
        for (i, n) in s.names.iter().enumerate() {
            self.declare(&n.name, objs[i], n.span);
            self.lazy.insert(
                objs[i],
                Lazy::Var {
                    ty: ty.clone(),
                    values: values.clone(),
                    objs: objs.clone(),
                },
            );
        }
        if s.values.len() == s.names.len() {
            for (i, o) in objs.iter().enumerate() {
                self.global_vars.push((vec![*o], Some(s.values[i].id)));
            }
        } else if s.values.len() == 1 {
            self.global_vars.push((objs.clone(), Some(s.values[0].id)));
        } else {
            self.global_vars.push((objs.clone(), None));
        }
    }

    /// Go's package initialization order (spec "Package initialization"): repeatedly pick the
    /// earliest variable in declaration order with no uninitialized dependencies.
    fn compute_init_order(&mut self) {
        let vars = std::mem::take(&mut self.global_vars);
        if vars.is_empty() {
            return;
        }
        // Initialization cycles (types2 initorder.go `reportCycle`): a path from a variable
        // back to itself through variables and functions.
        let mut reported: HashSet<ObjId> = HashSet::new();
        for (objs, _) in &vars {
            for &o in objs {
                if reported.contains(&o) {
                    continue;
                }
                if let Some(path) = self.find_cycle(o) {
                    // Only variables make it a cycle (a func calling itself is fine).
                    if path
                        .iter()
                        .any(|p| matches!(self.obj(*p).kind, ObjKind::Var(_)))
                    {
                        reported.extend(path.iter().copied());
                        let mut msg = format!("initialization cycle for {}", self.obj(o).name);
                        for (i, p) in path.iter().enumerate() {
                            let next = path[(i + 1) % path.len()];
                            msg.push_str(&format!(
                                "\n\t\u{0}POS{}\u{0}: {} refers to {}",
                                self.obj(*p).span.lo,
                                self.obj(*p).name,
                                self.obj(next).name
                            ));
                        }
                        let sp = self.obj(o).span;
                        self.err(sp, msg);
                    }
                }
            }
        }
        // Transitive var dependencies through functions.
        let mut trans: HashMap<ObjId, HashSet<ObjId>> = HashMap::new();
        for (objs, _) in &vars {
            for o in objs {
                let mut seen = HashSet::new();
                let mut stack: Vec<ObjId> = self
                    .deps
                    .get(o)
                    .map(|d| d.iter().copied().collect())
                    .unwrap_or_default();
                let mut vs = HashSet::new();
                while let Some(d) = stack.pop() {
                    if !seen.insert(d) {
                        continue;
                    }
                    if matches!(self.obj(d).kind, ObjKind::Var(VarKind::Global)) {
                        vs.insert(d);
                    }
                    if matches!(self.obj(d).kind, ObjKind::Func { .. }) {
                        if let Some(dd) = self.deps.get(&d) {
                            stack.extend(dd.iter().copied());
                        }
                    }
                }
                vs.remove(o);
                trans.insert(*o, vs);
            }
        }
        let mut done: HashSet<ObjId> = HashSet::new();
        let mut remaining: Vec<(Vec<ObjId>, Option<NodeId>)> = vars;
        while !remaining.is_empty() {
            let pos = remaining.iter().position(|(objs, _)| {
                objs.iter().all(|o| {
                    trans
                        .get(o)
                        .is_none_or(|d| d.iter().all(|x| done.contains(x) || objs.contains(x)))
                })
            });
            let i = pos.unwrap_or(0);
            let (objs, rhs) = remaining.remove(i);
            done.extend(objs.iter().copied());
            if let Some(rhs) = rhs {
                self.info.init_order.push(Initializer { lhs: objs, rhs });
            }
        }
    }

    /// A dependency path from `start` back to itself (start first), if any.
    fn find_cycle(&self, start: ObjId) -> Option<Vec<ObjId>> {
        let mut path = vec![start];
        let mut seen = HashSet::new();
        if self.cycle_dfs(start, start, &mut path, &mut seen) {
            Some(path)
        } else {
            None
        }
    }

    fn cycle_dfs(
        &self,
        cur: ObjId,
        start: ObjId,
        path: &mut Vec<ObjId>,
        seen: &mut HashSet<ObjId>,
    ) -> bool {
        let Some(ds) = self.deps.get(&cur) else {
            return false;
        };
        let mut ds: Vec<ObjId> = ds.iter().copied().collect();
        ds.sort();
        for d in ds {
            if d == start {
                return true;
            }
            if seen.insert(d) {
                path.push(d);
                if self.cycle_dfs(d, start, path, seen) {
                    return true;
                }
                path.pop();
            }
        }
        false
    }

    /// Signature of a function declaration (receiver excluded).
    pub fn func_signature(&mut self, id: ObjId, fd: &FuncDecl) -> TypeId {
        if !fd.tparams.is_empty() {
            self.push_scope();
            let tps = self.declare_tparams(&fd.tparams);
            let sig = self.signature(&fd.sig);
            self.scopes.pop();
            self.generic_tparams.insert(id, tps);
            return sig;
        }
        self.signature(&fd.sig)
    }

    fn declare_method(&mut self, fd: &FuncDecl) -> Option<ObjId> {
        let recv = fd.recv.as_ref()?;
        // Receiver type: T or *T, T possibly generic `T[K]`.
        let (base_expr, ptr) = match &recv.ty.kind {
            ExprKind::Star(x) => (&**x, true),
            ExprKind::Paren(x) => match &x.kind {
                ExprKind::Star(y) => (&**y, true),
                _ => (&**x, false),
            },
            _ => (&recv.ty, false),
        };
        let (name_expr, targ_names): (&Expr, Vec<&Expr>) = match &base_expr.kind {
            ExprKind::Index(x, args) => (&**x, args.iter().collect()),
            _ => (base_expr, vec![]),
        };
        let ExprKind::Ident(tname) = &name_expr.kind else {
            self.err(recv.ty.span, "invalid receiver type");
            return None;
        };
        let Some(tobj) = self.lookup(tname) else {
            self.err(name_expr.span, format!("undefined: {}", tname));
            return None;
        };
        self.info.uses.insert(name_expr.span.lo, tobj);
        self.use_obj(tobj, name_expr.span);
        let named = self.obj(tobj).ty;
        if !matches!(self.obj(tobj).kind, ObjKind::TypeName)
            || !self.tt.is_named(named)
            || self.obj(tobj).pkg != self.cur_pkg
        {
            self.err(
                name_expr.span,
                format!("cannot define new methods on non-local type {}", tname),
            );
            return None;
        }
        if self.tt.is_pointer(named) || self.tt.is_interface(named) {
            let what = if self.tt.is_pointer(named) {
                "pointer"
            } else {
                "interface"
            };
            self.err(
                name_expr.span,
                format!(
                    "invalid receiver type {} ({} or interface type)",
                    tname, what
                ),
            );
            return None;
        }
        // Generic receiver: bind the receiver's type parameter names to the type's params.
        self.push_scope();
        let tps = self
            .tt
            .named(named)
            .map(|n| n.tparams.clone())
            .unwrap_or_default();
        for (i, a) in targ_names.iter().enumerate() {
            if let (ExprKind::Ident(n), Some(&tp)) = (&a.kind, tps.get(i)) {
                let id = self.new_obj(n, ObjKind::TypeName, tp, a.span);
                self.declare(n, id, a.span);
            }
        }
        let sig = self.signature(&fd.sig);
        self.scopes.pop();
        let native = fd.body.is_none();
        let id = self.new_obj(
            &fd.name.name,
            ObjKind::Func {
                recv: Some(named),
                native,
            },
            sig,
            fd.name.span,
        );
        self.info.defs.insert(fd.name.span.lo, id);
        self.info.func_sigs.insert(fd.name.span.lo, sig);
        // Duplicate method / field-and-method clash.
        if self.tt.declared_method(named, &fd.name.name).is_some() {
            self.err(
                fd.name.span,
                format!("method {}.{} already declared", tname, fd.name.name),
            );
            return None;
        }
        if let Some(fs) = self.tt.struct_fields(named) {
            if fs.iter().any(|f| f.name == fd.name.name) {
                let u = self.tt.underlying(named);
                let other = match self.field_decl.get(&(u, fd.name.name.clone())) {
                    Some(lo) => format!(
                        "\n\t\u{0}POS{}\u{0}: other declaration of {}",
                        lo, fd.name.name
                    ),
                    None => String::new(),
                };
                self.err(
                    fd.name.span,
                    format!(
                        "field and method with the same name {}{}",
                        fd.name.name, other
                    ),
                );
                return None;
            }
        }
        if fd.name.name != "_" {
            self.tt.add_method(
                named,
                MethodInfo {
                    name: fd.name.name.clone(),
                    sig,
                    ptr_recv: ptr,
                    obj: Some(id),
                },
            );
        }
        Some(id)
    }

    /// A function signature's type.
    pub fn signature(&mut self, ft: &ast::FuncType) -> TypeId {
        let mut params = Vec::new();
        let mut variadic = false;
        let n = ft.params.len();
        for (i, f) in ft.params.iter().enumerate() {
            let t = match &f.ty.kind {
                ExprKind::Ellipsis(elem) => {
                    if i + 1 != n || f.names.len() > 1 {
                        self.err(f.ty.span, "can only use ... with final parameter");
                    }
                    variadic = true;
                    let e = self.type_expr(elem);
                    let s = self.tt.slice(e);
                    self.info.types.insert(f.ty.id, s);
                    s
                }
                _ => self.type_expr(&f.ty),
            };
            for _ in 0..f.names.len().max(1) {
                params.push(t);
            }
        }
        let mut results = Vec::new();
        for f in &ft.results {
            let t = self.type_expr(&f.ty);
            for _ in 0..f.names.len().max(1) {
                results.push(t);
            }
        }
        self.tt.func(params, results, variadic)
    }

    /// Check a function body (for methods, with the receiver in scope).
    fn func_body(&mut self, id: ObjId, fd: Rc<FuncDecl>) {
        let Some(body) = &fd.body else {
            if self.cur_pkg == "main" {
                self.err(fd.name.span, "missing function body");
            }
            return;
        };
        self.dep_stack.push(HashSet::new());
        self.push_scope();
        let mut body_tparams = self.generic_tparams.get(&id).cloned().unwrap_or_default();
        if let ObjKind::Func {
            recv: Some(named), ..
        } = self.obj(id).kind
        {
            if let Some(n) = self.tt.named(named) {
                body_tparams.extend(n.tparams.iter().copied());
            }
        }
        let saved_body_tparams = std::mem::replace(&mut self.body_tparams, body_tparams);
        // Type parameters.
        if let Some(tps) = self.generic_tparams.get(&id).cloned() {
            let mut k = 0;
            for f in &fd.tparams {
                for n in &f.names {
                    if let Some(&tp) = tps.get(k) {
                        let o = self.new_obj(&n.name, ObjKind::TypeName, tp, n.span);
                        self.declare(&n.name, o, n.span);
                    }
                    k += 1;
                }
            }
        }
        if let Some(recv) = &fd.recv {
            if let ObjKind::Func {
                recv: Some(named), ..
            } = self.obj(id).kind
            {
                // Generic receiver type parameters.
                let base = match &recv.ty.kind {
                    ExprKind::Star(x) => &**x,
                    _ => &recv.ty,
                };
                let tps = self
                    .tt
                    .named(named)
                    .map(|n| n.tparams.clone())
                    .unwrap_or_default();
                let mut rt = named;
                if let ExprKind::Index(_, args) = &base.kind {
                    for (i, a) in args.iter().enumerate() {
                        if let (ExprKind::Ident(n), Some(&tp)) = (&a.kind, tps.get(i)) {
                            let o = self.new_obj(n, ObjKind::TypeName, tp, a.span);
                            self.declare(n, o, a.span);
                        }
                    }
                }
                let is_ptr = matches!(recv.ty.kind, ExprKind::Star(_));
                if is_ptr {
                    rt = self.tt.pointer(named);
                }
                self.info.types.insert(recv.ty.id, rt);
                for n in &recv.names {
                    let o = self.new_obj(&n.name, ObjKind::Var(VarKind::Receiver), rt, n.span);
                    self.declare(&n.name, o, n.span);
                }
            }
        }
        let sig = self.obj(id).ty;
        let (params, results) = match self.tt.signature(sig) {
            Some(s) => (s.params.clone(), s.results.clone()),
            None => (vec![], vec![]),
        };
        let mut k = 0;
        for f in &fd.sig.params {
            for n in &f.names {
                let t = params.get(k).copied().unwrap_or(TypeTable::INVALID);
                let o = self.new_obj(&n.name, ObjKind::Var(VarKind::Param), t, n.span);
                self.declare(&n.name, o, n.span);
                k += 1;
            }
            if f.names.is_empty() {
                k += 1;
            }
        }
        let mut k = 0;
        let mut named_results = false;
        let mut result_objs = Vec::new();
        for f in &fd.sig.results {
            for n in &f.names {
                named_results = true;
                let t = results.get(k).copied().unwrap_or(TypeTable::INVALID);
                let o = self.new_obj(&n.name, ObjKind::Var(VarKind::Result), t, n.span);
                result_objs.push(o);
                self.declare(&n.name, o, n.span);
                k += 1;
            }
            if f.names.is_empty() {
                k += 1;
            }
        }
        self.fns.push(FnCtx {
            results: results.clone(),
            named_results,
            labels: HashMap::new(),
            result_objs,
        });
        self.func_block(body, !results.is_empty());
        self.fns.pop();
        self.body_tparams = saved_body_tparams;
        self.pop_scope();
        let d = self.dep_stack.pop().unwrap_or_default();
        self.deps.insert(id, d);
    }

    /// Check a function body block: labels, statements, missing return.
    pub fn func_block(&mut self, body: &ast::Block, has_results: bool) {
        let saved_targets = std::mem::take(&mut self.targets);
        let outer_unused = std::mem::take(&mut self.pending_unused);
        let saved_ft = std::mem::replace(&mut self.fallthrough_ok, false);
        self.collect_labels(&body.stmts);
        // The body's declarations share the block of the parameters and results.
        self.stmt_list(&body.stmts);
        if let Some(top) = self.scopes.last().cloned() {
            self.report_unused(&top);
        }
        self.targets = saved_targets;
        self.fallthrough_ok = saved_ft;
        let mut unused = std::mem::replace(&mut self.pending_unused, outer_unused);
        unused.sort();
        for (lo, msg) in unused {
            self.errat(lo, msg);
        }
        if has_results && !self.is_terminating_list(&body.stmts) {
            self.err(body.rbrace, "missing return");
        }
        // Unused labels.
        if let Some(f) = self.fns.last() {
            let mut ls: Vec<ObjId> = f.labels.values().copied().collect();
            ls.sort();
            for l in ls {
                if !self.used.contains(&l) {
                    let o = self.obj(l);
                    let (sp, n) = (o.span, o.name.clone());
                    self.err(sp, format!("label {} defined and not used", n));
                }
            }
        }
    }

    // ---- REPL ----

    pub fn check_repl(
        &mut self,
        items: &[ReplItem<'_>],
        tt: &mut TypeTable,
    ) -> Result<TypeInfo, Vec<Diagnostic>> {
        self.tt = std::mem::take(tt);
        self.repl = true;
        self.cur_pkg = "main".into();
        self.pkgs.entry("main".into()).or_default();
        // Fresh per-input tables (objects persist).
        let objects = std::mem::take(&mut self.info.objects);
        self.info = TypeInfo {
            objects,
            ..TypeInfo::default()
        };
        self.errs.clear();
        for it in items {
            if let ReplItem::Import(imp) = it {
                self.import(imp);
            }
        }
        let decls: Vec<Decl> = items
            .iter()
            .filter_map(|it| match it {
                ReplItem::Decl(d) => Some((*d).clone()),
                _ => None,
            })
            .collect();
        let funcs = self.collect_decls(&decls);
        self.resolve_all_lazy();
        for (obj, fd) in funcs {
            self.func_body(obj, fd);
        }
        // Statements: body of a synthetic function whose top-level scope is the package scope.
        self.fns.push(FnCtx {
            results: vec![],
            named_results: false,
            labels: HashMap::new(),
            result_objs: Vec::new(),
        });
        let stmts: Vec<ast::Stmt> = items
            .iter()
            .filter_map(|it| match it {
                ReplItem::Stmt(s) => Some((*s).clone()),
                _ => None,
            })
            .collect();
        self.collect_labels(&stmts);
        self.stmt_list(&stmts);
        self.fns.pop();
        self.compute_init_order();
        self.finish(tt)
    }

    // ---- type expressions ----

    /// Evaluate a type expression; reports `x is not a type` etc. Records the type in `types`.
    pub fn type_expr(&mut self, e: &Expr) -> TypeId {
        let ind = matches!(
            e.kind,
            ExprKind::Star(_)
                | ExprKind::SliceType(_)
                | ExprKind::MapType(..)
                | ExprKind::ChanType(..)
                | ExprKind::FuncType(_)
                | ExprKind::InterfaceType(_)
        ) as u32;
        self.indirections += ind;
        let t = self.type_expr_inner(e);
        self.indirections -= ind;
        self.info.types.insert(e.id, t);
        t
    }

    fn type_expr_inner(&mut self, e: &Expr) -> TypeId {
        match &e.kind {
            ExprKind::Ident(name) => {
                let Some(id) = self.lookup(name) else {
                    self.err(e.span, format!("undefined: {}", name));
                    return TypeTable::INVALID;
                };
                self.info.uses.insert(e.span.lo, id);
                self.use_obj(id, e.span);
                match self.obj(id).kind {
                    ObjKind::TypeName => {
                        let t = self.obj(id).ty;
                        if self
                            .tt
                            .named(t)
                            .is_some_and(|n| !n.tparams.is_empty() && n.targs.is_empty())
                            && !self.implicit_generic.contains(&t)
                        {
                            let gs = self.generic_type_string(t);
                            self.err(
                                e.span,
                                format!("cannot use generic type {} without instantiation", gs),
                            );
                        }
                        t
                    }
                    _ => {
                        self.err(e.span, format!("{} is not a type", name));
                        TypeTable::INVALID
                    }
                }
            }
            ExprKind::Paren(x) => self.type_expr(x),
            ExprKind::Selector(x, sel) => {
                if let ExprKind::Ident(pkg) = &x.kind {
                    if let Some(pid) = self.lookup(pkg) {
                        if let ObjKind::PkgName(path) = self.obj(pid).kind.clone() {
                            self.info.uses.insert(x.span.lo, pid);
                            self.used.insert(pid);
                            let m = self
                                .pkgs
                                .get(&path)
                                .and_then(|s| s.members.get(&sel.name).copied());
                            return match m {
                                Some(id) if matches!(self.obj(id).kind, ObjKind::TypeName) => {
                                    self.info.uses.insert(sel.span.lo, id);
                                    self.use_obj(id, sel.span);
                                    self.info.selections.insert(
                                        e.id,
                                        Selection::Qualified {
                                            pkg: path.clone(),
                                            name: sel.name.clone(),
                                            obj: id,
                                        },
                                    );
                                    self.obj(id).ty
                                }
                                Some(_) => {
                                    self.err(e.span, format!("{}.{} is not a type", pkg, sel.name));
                                    TypeTable::INVALID
                                }
                                None => {
                                    self.err(e.span, format!("undefined: {}.{}", pkg, sel.name));
                                    TypeTable::INVALID
                                }
                            };
                        }
                    }
                }
                self.err(
                    e.span,
                    format!("{} is not a type", super::expr::expr_string(e)),
                );
                TypeTable::INVALID
            }
            ExprKind::Star(x) => {
                let t = self.type_expr(x);
                self.tt.pointer(t)
            }
            ExprKind::SliceType(x) => {
                let t = self.type_expr(x);
                self.tt.slice(t)
            }
            ExprKind::ArrayType { len, elem } => {
                let el = self.type_expr(elem);
                let Some(len) = len else {
                    self.err(
                        e.span,
                        "invalid use of [...] array (outside a composite literal)",
                    );
                    return TypeTable::INVALID;
                };
                let n = self.array_len(len);
                self.tt.array(n, el)
            }
            ExprKind::MapType(k, v) => {
                let kt = self.type_expr(k);
                let vt = self.type_expr(v);
                if kt != TypeTable::INVALID
                    && !self.tt.is_type_param(kt)
                    && !self.tt.comparable(kt)
                    && self.tt.underlying(kt) != TypeTable::INVALID
                {
                    self.err(k.span, format!("invalid map key type {}", self.ts(kt)));
                }
                self.tt.map(kt, vt)
            }
            ExprKind::ChanType(dir, x) => {
                let t = self.type_expr(x);
                let d = match dir {
                    ast::ChanDir::Both => crate::types::ChanDir::Both,
                    ast::ChanDir::Send => crate::types::ChanDir::Send,
                    ast::ChanDir::Recv => crate::types::ChanDir::Recv,
                };
                self.tt.chan(d, t)
            }
            ExprKind::FuncType(ft) => self.signature(ft),
            ExprKind::StructType(fields) => {
                let mut out: Vec<Field> = Vec::new();
                let mut field_spans: Vec<(String, u32)> = Vec::new();
                for f in fields {
                    let t = self.type_expr(&f.ty);
                    let tag = f
                        .tag
                        .as_ref()
                        .map(|b| String::from_utf8_lossy(b).into_owned());
                    if f.names.is_empty() {
                        // Embedded: name is the type name.
                        let mut te = &f.ty;
                        if let ExprKind::Star(x) = &te.kind {
                            te = x;
                        }
                        let name = match &te.kind {
                            ExprKind::Ident(n) => n.clone(),
                            ExprKind::Selector(_, s) => s.name.clone(),
                            ExprKind::Index(x, _) => super::expr::expr_string(x),
                            _ => "?".into(),
                        };
                        if let Some(p) = field_spans.iter().find(|(n, _)| *n == name) {
                            let lo = p.1;
                            self.err(
                                f.ty.span,
                                format!(
                                    "{} redeclared\n\t\u{0}POS{}\u{0}: other declaration of {}",
                                    name, lo, name
                                ),
                            );
                        }
                        field_spans.push((name.clone(), f.ty.span.lo));
                        out.push(Field {
                            name,
                            ty: t,
                            embedded: true,
                            tag,
                        });
                    } else {
                        for n in &f.names {
                            if let Some(p) = field_spans
                                .iter()
                                .find(|(x, _)| *x == n.name && n.name != "_")
                            {
                                let lo = p.1;
                                self.err(
                                    n.span,
                                    format!(
                                        "{} redeclared\n\t\u{0}POS{}\u{0}: other declaration of {}",
                                        n.name, lo, n.name
                                    ),
                                );
                            }
                            field_spans.push((n.name.clone(), n.span.lo));
                            out.push(Field {
                                name: n.name.clone(),
                                ty: t,
                                embedded: false,
                                tag: tag.clone(),
                            });
                        }
                    }
                }
                let st = self.tt.strukt(out);
                for (n, lo) in field_spans {
                    self.field_decl.entry((st, n)).or_insert(lo);
                }
                st
            }
            ExprKind::InterfaceType(elems) => {
                let mut methods: Vec<IfaceMethod> = Vec::new();
                let mut terms: Option<Vec<Term>> = None;
                let mut comparable = false;
                let mut method_spans: Vec<(String, u32)> = Vec::new();
                for el in elems {
                    match el {
                        ast::InterfaceElem::Method { name, sig } => {
                            let s = self.signature(sig);
                            if let Some(p) = method_spans.iter().find(|(n, _)| *n == name.name) {
                                let lo = p.1;
                                self.err(name.span, format!("duplicate method {}\n\t\u{0}POS{}\u{0}: other declaration of method {}", name.name, lo, name.name));
                            }
                            method_spans.push((name.name.clone(), name.span.lo));
                            methods.push(IfaceMethod {
                                name: name.name.clone(),
                                sig: s,
                            });
                        }
                        ast::InterfaceElem::Embed(x) => {
                            let is_term = matches!(
                                x.kind,
                                ExprKind::Union(_) | ExprKind::Unary(ast::UnOp::Tilde, _)
                            );
                            if is_term {
                                let ts = self.terms(x);
                                terms = Some(ts);
                                continue;
                            }
                            let t = self.type_expr(x);
                            if t == TypeTable::INVALID {
                                continue;
                            }
                            match self.tt.interface_of(t).cloned() {
                                Some(i) if self.tt.is_interface(t) => {
                                    comparable |= i.comparable;
                                    if let Some(ts) = i.terms {
                                        terms = Some(ts);
                                    }
                                    for m in i.methods {
                                        if !methods.iter().any(|x| x.name == m.name) {
                                            methods.push(m);
                                        }
                                    }
                                }
                                _ => {
                                    terms = Some(vec![Term {
                                        tilde: false,
                                        ty: t,
                                    }])
                                }
                            }
                        }
                    }
                }
                self.tt.interface(methods, terms, comparable)
            }
            ExprKind::Index(x, args) => {
                // Generic type instantiation `List[int]`.
                let g = match &x.kind {
                    ExprKind::Ident(n) => match self.lookup(n) {
                        Some(id) if matches!(self.obj(id).kind, ObjKind::TypeName) => {
                            self.info.uses.insert(x.span.lo, id);
                            self.use_obj(id, x.span);
                            let t = self.obj(id).ty;
                            self.info.types.insert(x.id, t);
                            t
                        }
                        _ => self.type_expr(x),
                    },
                    _ => self.type_expr(x),
                };
                let targs: Vec<TypeId> = args.iter().map(|a| self.type_expr(a)).collect();
                self.instantiate_named(g, &targs, e.span)
            }
            ExprKind::Ellipsis(x) => {
                let t = self.type_expr(x);
                self.tt.slice(t)
            }
            ExprKind::Bad => TypeTable::INVALID,
            _ => {
                self.err(
                    e.span,
                    format!("{} is not a type", super::expr::expr_string(e)),
                );
                TypeTable::INVALID
            }
        }
    }

    fn array_len(&mut self, len: &Expr) -> u64 {
        let x = self.expr(len, None);
        match &x.val {
            Some(ConstValue::Unknown) => 0,
            Some(v) if self.tt.is_integer(x.ty) || self.tt.is_untyped(x.ty) => {
                // types2: an integer value representable as an int and not negative.
                let n = v
                    .to_int()
                    .and_then(|i| i.as_i128())
                    .filter(|n| (0..=i64::MAX as i128).contains(n));
                match n {
                    Some(n) => {
                        self.record_final(
                            len,
                            if self.tt.is_untyped(x.ty) {
                                TypeTable::INT
                            } else {
                                x.ty
                            },
                        );
                        n as u64
                    }
                    None => {
                        let s = self.operand_string(&x, len);
                        let msg = if self.tt.is_integer(x.ty) {
                            format!("invalid array length {}", s)
                        } else {
                            format!("array length {} must be integer", s)
                        };
                        self.err(len.span, msg);
                        0
                    }
                }
            }
            _ => {
                if x.ty != TypeTable::INVALID {
                    self.err(
                        len.span,
                        format!(
                            "array length {} must be constant",
                            self.operand_string(&x, len)
                        ),
                    );
                }
                0
            }
        }
    }

    /// A generic type with its type parameters, as types2 prints it in errors:
    /// `Pair[K comparable, V any]`, `U[T ~int | ~string]`.
    pub(crate) fn generic_type_string(&self, g: TypeId) -> String {
        let Some(n) = self.tt.named(g) else {
            return self.ts(g);
        };
        let mut parts: Vec<(Vec<String>, TypeId)> = Vec::new();
        for &tp in &n.tparams {
            let Type::TypeParam(p) = self.tt.get(tp) else {
                continue;
            };
            match parts.last_mut() {
                Some((names, c)) if *c == p.constraint => names.push(p.name.clone()),
                _ => parts.push((vec![p.name.clone()], p.constraint)),
            }
        }
        let ps: Vec<String> = parts
            .iter()
            .map(|(names, c)| format!("{} {}", names.join(", "), self.constraint_string(*c)))
            .collect();
        format!("{}[{}]", self.ts(g), ps.join(", "))
    }

    /// A constraint as written: an implicit interface `~int | ~string` without `interface{}`.
    pub(crate) fn constraint_string(&self, c: TypeId) -> String {
        if let Type::Interface(i) = self.tt.get(c) {
            if let (true, false, Some(terms)) = (i.methods.is_empty(), i.comparable, &i.terms) {
                return terms
                    .iter()
                    .map(|t| format!("{}{}", if t.tilde { "~" } else { "" }, self.ts(t.ty)))
                    .collect::<Vec<_>>()
                    .join(" | ");
            }
        }
        self.ts(c)
    }

    /// Instantiate generic named type `g` with `targs` (memoized by identity of arguments).
    pub fn instantiate_named(&mut self, g: TypeId, targs: &[TypeId], span: Span) -> TypeId {
        if let Some(tps) = self.generic_aliases.get(&g).cloned() {
            // `Set[int]` of a generic alias: its aliased type with the arguments.
            if tps.len() != targs.len() {
                self.err(
                    span,
                    format!(
                        "got {} type arguments but {} has {} type parameters",
                        targs.len(),
                        self.ts(g),
                        tps.len()
                    ),
                );
                return TypeTable::INVALID;
            }
            let map: HashMap<TypeId, TypeId> =
                tps.iter().copied().zip(targs.iter().copied()).collect();
            return self.subst(g, &map);
        }
        let Some(n) = self.tt.named(g).cloned() else {
            if g != TypeTable::INVALID {
                self.err(span, format!("{} is not a generic type", self.ts(g)));
            }
            return TypeTable::INVALID;
        };
        if n.tparams.len() != targs.len() {
            let which = if targs.len() < n.tparams.len() {
                "not enough"
            } else {
                "too many"
            };
            self.err(
                span,
                format!(
                    "{} type arguments for type {}: have {}, want {}",
                    which,
                    self.ts(g),
                    targs.len(),
                    n.tparams.len()
                ),
            );
            return TypeTable::INVALID;
        }
        if n.tparams == targs {
            // `Stack[T]` inside Stack's own declaration or methods.
            return g;
        }
        // `Box[byte]` is `Box[uint8]`: one instance per canonical argument list.
        let targs: Vec<TypeId> = targs.iter().map(|&t| self.tt.canonical(t)).collect();
        let targs = targs.as_slice();
        let key = (g, targs.to_vec());
        if let Some(&t) = self.inst_cache.get(&key) {
            return t;
        }
        let inst = self.tt.new_named(&n.name, &n.pkg, n.obj);
        self.inst_cache.insert(key, inst);
        let map: HashMap<TypeId, TypeId> = n
            .tparams
            .iter()
            .copied()
            .zip(targs.iter().copied())
            .collect();
        // The generic's underlying type may not be resolved yet.
        if let Some(o) = n.obj {
            if self.lazy.contains_key(&o) {
                self.resolve(o, span);
            }
        }
        let gu = self.tt.underlying(g);
        let u = self.subst(gu, &map);
        let methods: Vec<MethodInfo> = self
            .tt
            .named(g)
            .map(|n| n.methods.clone())
            .unwrap_or_default()
            .into_iter()
            .map(|m| MethodInfo {
                sig: self.subst(m.sig, &map),
                ..m
            })
            .collect();
        if let Some(nm) = self.tt.named_mut(inst) {
            nm.targs = targs.to_vec();
            nm.origin = Some(g);
            nm.methods = methods;
        }
        self.tt.set_underlying(inst, u);
        if gu == TypeTable::INVALID {
            self.pending_inst.push((inst, g, map));
        }
        inst
    }

    /// Re-derive instantiated types' underlying types and methods from their generic origin
    /// (instances created before the origin's methods or underlying type were known).
    pub fn refresh_instances(&mut self) {
        let insts: Vec<((TypeId, Vec<TypeId>), TypeId)> = self
            .inst_cache
            .iter()
            .map(|(k, v)| (k.clone(), *v))
            .collect();
        for ((g, targs), inst) in insts {
            let tps = self
                .tt
                .named(g)
                .map(|n| n.tparams.clone())
                .unwrap_or_default();
            let map: HashMap<TypeId, TypeId> =
                tps.iter().copied().zip(targs.iter().copied()).collect();
            if self.tt.underlying(inst) == TypeTable::INVALID {
                let gu = self.tt.underlying(g);
                let u = self.subst(gu, &map);
                self.tt.set_underlying(inst, u);
            }
            let methods: Vec<MethodInfo> = self
                .tt
                .named(g)
                .map(|n| n.methods.clone())
                .unwrap_or_default()
                .into_iter()
                .map(|m| MethodInfo {
                    sig: self.subst(m.sig, &map),
                    ..m
                })
                .collect();
            if let Some(nm) = self.tt.named_mut(inst) {
                nm.methods = methods;
            }
        }
        self.pending_inst.clear();
    }

    /// Substitute type parameters in `t`.
    pub fn subst(&mut self, t: TypeId, map: &HashMap<TypeId, TypeId>) -> TypeId {
        if map.is_empty() {
            return t;
        }
        if let Some(&r) = map.get(&t) {
            return r;
        }
        match self.tt.get(t).clone() {
            Type::Basic(_) | Type::TypeParam(_) => t,
            Type::Named(n) => {
                if n.targs.is_empty() {
                    // The generic type itself, referenced inside its own declaration.
                    if n.tparams.is_empty() {
                        return t;
                    }
                    let args: Vec<TypeId> = n.tparams.iter().map(|&a| self.subst(a, map)).collect();
                    if args == n.tparams {
                        return t;
                    }
                    return self.instantiate_named(t, &args, Span::default());
                }
                let args: Vec<TypeId> = n.targs.iter().map(|&a| self.subst(a, map)).collect();
                if args == n.targs {
                    return t;
                }
                match n.origin {
                    Some(o) => self.instantiate_named(o, &args, Span::default()),
                    None => t,
                }
            }
            Type::Pointer(e) => {
                let e = self.subst(e, map);
                self.tt.pointer(e)
            }
            Type::Slice(e) => {
                let e = self.subst(e, map);
                self.tt.slice(e)
            }
            Type::Array(n, e) => {
                let e = self.subst(e, map);
                self.tt.array(n, e)
            }
            Type::Map(k, v) => {
                let k = self.subst(k, map);
                let v = self.subst(v, map);
                self.tt.map(k, v)
            }
            Type::Chan(d, e) => {
                let e = self.subst(e, map);
                self.tt.chan(d, e)
            }
            Type::Struct(fs) => {
                let fs = fs
                    .into_iter()
                    .map(|f| Field {
                        ty: self.subst(f.ty, map),
                        ..f
                    })
                    .collect();
                self.tt.strukt(fs)
            }
            Type::Func(s) => {
                let p = s.params.iter().map(|&x| self.subst(x, map)).collect();
                let r = s.results.iter().map(|&x| self.subst(x, map)).collect();
                self.tt.func(p, r, s.variadic)
            }
            Type::Tuple(v) => {
                let v = v.iter().map(|&x| self.subst(x, map)).collect();
                self.tt.tuple(v)
            }
            Type::Interface(i) => {
                let ms = i
                    .methods
                    .into_iter()
                    .map(|m| IfaceMethod {
                        sig: self.subst(m.sig, map),
                        ..m
                    })
                    .collect();
                let terms = i.terms.map(|ts| {
                    ts.into_iter()
                        .map(|t| Term {
                            ty: self.subst(t.ty, map),
                            ..t
                        })
                        .collect()
                });
                self.tt.interface(ms, terms, i.comparable)
            }
        }
    }
}
