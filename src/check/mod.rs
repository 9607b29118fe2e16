//! The type checker: Go's typing rules over the AST, producing [`TypeInfo`] side tables that
//! the compiler reads (it never re-derives a type).
//!
//! Entry points:
//! - [`check_file`] checks a whole program (`package main` + imported standard-library
//!   packages), returning `TypeInfo` or every error found (Go's wording; the CLI sorts them and
//!   applies the 10-error limit).
//! - [`Checker`] keeps the package scope alive for the REPL: [`Checker::check_repl_items`]
//!   checks one input (imports, declarations, statements) against everything declared before.
//!
//! Conventions of the side tables:
//! - Expressions are keyed by their [`NodeId`]; identifiers that are not expressions (names in
//!   declarations, parameters, labels, the `sel` of a selector) by their span's `lo`.
//! - Every `TypeId` in `TypeInfo` is canonical (see [`crate::types`]): `byte` is `uint8`,
//!   `any` is `interface {}`, and `==` on TypeIds is type identity.
//! - Untyped constants get their context's type, as Go does: in `var x float64 = 1` the `1`
//!   has type `float64` and constant value `Float(1.0)`; a constant whose context gives no type
//!   (`fmt.Println(1)`, `x := 1`) gets its default type (`int`, `float64`, `rune`=`int32`,
//!   `string`, `bool`, `complex128`). Untyped `nil` keeps type `untyped nil`
//!   (`TypeTable::UNTYPED_NIL`) — its target is the type of the other side.
//!
//! REPL model: the statements of an input are the body of a synthetic function, but the
//! variables they declare at its top level (`x := 1`, `var y int`) are package-level globals
//! (`VarKind::Global`), so they persist across inputs and functions declared later can use them.
//! A top-level `:=` in the REPL may redeclare an existing name (it defines a new global that
//! shadows the old one). Unused variables and imports are not errors in the REPL.

mod call;
mod constant;
mod decl;
mod expr;
mod libspan;
mod stdlib;
mod stmt;
#[cfg(test)]
mod tests;

pub(crate) use call::contains_call_or_recv;
pub use constant::{fmt_float, ConstValue};

use std::collections::HashMap;

use crate::ast::{self, NodeId, Span};
use crate::diag::{Diagnostic, SourceMap};
use crate::types::{ObjId, TypeId, TypeTable};

/// What kind of variable an object is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VarKind {
    /// Declared inside a function body (including `:=`, range and type-switch variables).
    Local,
    /// Package-level variable (also REPL top-level variables).
    Global,
    /// Function parameter.
    Param,
    /// Named or unnamed result parameter.
    Result,
    /// Method receiver.
    Receiver,
}

/// The builtin functions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Builtin {
    Append,
    Cap,
    Clear,
    Close,
    Complex,
    Copy,
    Delete,
    Imag,
    Len,
    Make,
    Max,
    Min,
    New,
    Panic,
    Print,
    Println,
    Real,
    Recover,
}

impl Builtin {
    pub fn name(self) -> &'static str {
        use Builtin::*;
        match self {
            Append => "append",
            Cap => "cap",
            Clear => "clear",
            Close => "close",
            Complex => "complex",
            Copy => "copy",
            Delete => "delete",
            Imag => "imag",
            Len => "len",
            Make => "make",
            Max => "max",
            Min => "min",
            New => "new",
            Panic => "panic",
            Print => "print",
            Println => "println",
            Real => "real",
            Recover => "recover",
        }
    }
    pub const ALL: [Builtin; 18] = [
        Builtin::Append,
        Builtin::Cap,
        Builtin::Clear,
        Builtin::Close,
        Builtin::Complex,
        Builtin::Copy,
        Builtin::Delete,
        Builtin::Imag,
        Builtin::Len,
        Builtin::Make,
        Builtin::Max,
        Builtin::Min,
        Builtin::New,
        Builtin::Panic,
        Builtin::Print,
        Builtin::Println,
        Builtin::Real,
        Builtin::Recover,
    ];
}

#[derive(Clone, Debug, PartialEq)]
pub enum ObjKind {
    Var(VarKind),
    /// A constant, with its exact value converted to its type.
    Const(ConstValue),
    TypeName,
    /// A function or method. `recv`: for a method, the named type it is declared on.
    /// `native`: a standard-library function implemented by the VM (no Go body), identified by
    /// `Object::pkg` + `Object::name` (+ receiver type name for methods).
    Func {
        recv: Option<TypeId>,
        native: bool,
    },
    /// An imported package (`fmt`), its import path (`unicode/utf8`).
    PkgName(String),
    Builtin(Builtin),
    Nil,
    Label,
}

/// A named entity.
#[derive(Clone, Debug)]
pub struct Object {
    pub name: String,
    pub kind: ObjKind,
    /// Its type (canonical). For a TypeName, the named type itself. `INVALID` for package
    /// names, builtins and labels.
    pub ty: TypeId,
    /// Package path of the declaring package: `main`, a stdlib path, or "" for universe.
    pub pkg: String,
    /// Span of the declaring identifier (default span for universe/stdlib objects).
    pub span: Span,
}

/// How `x.sel` resolved.
#[derive(Clone, Debug, PartialEq)]
pub enum Selection {
    /// Struct field. `path`: field index at each embedding level, outermost first (the last is
    /// the field itself). `indirect[i]`: whether step `i` dereferences a pointer first (the base
    /// `x` for step 0, the embedded field for later steps).
    Field {
        path: Vec<usize>,
        indirect: Vec<bool>,
        ty: TypeId,
    },
    /// Method value or call `x.M` of a concrete method declared on named type `recv`.
    /// `path`/`indirect`: embedded fields walked to reach the receiver (empty if declared on
    /// x's own type). `auto`: the implicit `&` or `*` applied to the (embedded) receiver.
    /// `sig`: the method's signature without receiver.
    Method {
        recv: TypeId,
        name: String,
        ptr_recv: bool,
        auto: AutoRef,
        path: Vec<usize>,
        indirect: Vec<bool>,
        sig: TypeId,
        /// The method's Func object (None for native stdlib methods).
        obj: Option<ObjId>,
    },
    /// Dynamic dispatch through an interface value: `index` in the interface's sorted method
    /// list (`TypeTable::interface_of(iface).methods`). `path`/`indirect` reach an embedded
    /// interface field of a struct, if any.
    InterfaceMethod {
        iface: TypeId,
        name: String,
        index: usize,
        path: Vec<usize>,
        indirect: Vec<bool>,
        sig: TypeId,
    },
    /// Method expression `T.M` / `(*T).M`: a function whose first parameter is the receiver.
    /// `recv` is the type as written (T or *T); `sig` includes the receiver parameter.
    MethodExpr {
        recv: TypeId,
        name: String,
        ptr_recv: bool,
        sig: TypeId,
        /// For interface types, the index in the method list.
        iface_index: Option<usize>,
        obj: Option<ObjId>,
        /// A promoted method: the embedded fields from `recv` to the method's receiver, and
        /// which steps go through a pointer.
        path: Vec<usize>,
        indirect: Vec<bool>,
    },
    /// Qualified identifier `pkg.Name`: `fmt.Println` (a native Func), `math.Pi` (a constant:
    /// its value is in `consts`), `strings.Builder` (a TypeName), `os.Args` (a Var).
    Qualified {
        pkg: String,
        name: String,
        obj: ObjId,
    },
}

/// The implicit receiver adjustment of a method selection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AutoRef {
    None,
    /// `v.M()` with pointer receiver on an addressable value: `(&v).M()`.
    AddrOf,
    /// `p.M()` with value receiver on a pointer: `(*p).M()`.
    Deref,
}

/// What a call expression `f(args)` is.
#[derive(Clone, Debug, PartialEq)]
pub enum CallKind {
    /// A call of a function value, function, method (see `selections[fun]`), or a generic
    /// function instance (see `instances[fun]`).
    Regular,
    /// `T(x)`: conversion to the (canonical) type.
    Conversion(TypeId),
    /// A builtin; for `make` and `new` the type argument, for others None.
    Builtin(Builtin, Option<TypeId>),
}

/// One step of package-variable initialization, in Go's dependency order: evaluate the
/// expression `rhs` and assign it to `lhs` (one var, or several for `var a, b = f()`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Initializer {
    pub lhs: Vec<ObjId>,
    pub rhs: NodeId,
}

/// An instantiation of a generic function at a use site.
#[derive(Clone, Debug, PartialEq)]
pub struct Instance {
    /// The generic function's object.
    pub func: ObjId,
    /// Type arguments (canonical), in type-parameter order.
    pub targs: Vec<TypeId>,
    /// The instantiated signature.
    pub sig: TypeId,
}

/// One concrete instantiation of a generic function or type, for monomorphisation: `map`
/// takes every type recorded in `TypeInfo` (expression types, object types, signatures,
/// selections) that mentions the generic's type parameters to its concrete (canonical) type.
/// Types not in `map` are unchanged by the instantiation.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Subst {
    /// The generic's type parameters (`TypeParam` entries), in order.
    pub tparams: Vec<TypeId>,
    /// Concrete type arguments (canonical), in order.
    pub targs: Vec<TypeId>,
    pub map: HashMap<TypeId, TypeId>,
}

/// Everything the compiler needs to know about a checked program or REPL input.
#[derive(Clone, Debug, Default)]
pub struct TypeInfo {
    /// Builtin calls whose only argument is a multi-valued call (`copy(f())`): the call's
    /// results as the builtin's arguments.
    pub spread: HashMap<NodeId, Vec<crate::ast::Expr>>,
    /// Final type of every expression (incl. type expressions: the type they denote).
    pub types: HashMap<NodeId, TypeId>,
    /// Value of every constant expression, converted to its final type.
    pub consts: HashMap<NodeId, ConstValue>,
    /// Identifier use → object, keyed by the identifier's `span.lo`.
    pub uses: HashMap<u32, ObjId>,
    /// Declaring identifier → object, keyed by `span.lo` (vars, consts, types, funcs, params,
    /// results, receivers, labels, `:=`/range variables, imports with explicit names).
    pub defs: HashMap<u32, ObjId>,
    /// The object arena (`ObjId(i)` is `objects[i]`); cumulative across REPL inputs.
    pub objects: Vec<Object>,
    /// `x.sel` expressions, keyed by the Selector expression's NodeId.
    pub selections: HashMap<NodeId, Selection>,
    /// Call expressions, keyed by the Call expression's NodeId.
    pub calls: HashMap<NodeId, CallKind>,
    /// Implicit objects of type-switch clauses (`switch v := x.(type)`), keyed by the
    /// `CaseClause`'s `span.lo`: the clause's `v`, typed as the case type if the clause lists
    /// exactly one type, else as x's type.
    pub implicits: HashMap<u32, ObjId>,
    /// Function and method declarations: the FuncDecl name's `span.lo` → signature (a Func
    /// type; for methods without the receiver).
    pub func_sigs: HashMap<u32, TypeId>,
    /// `init` functions in source order (their Func objects; the FuncDecl is found by
    /// `objects[id].span`).
    pub inits: Vec<ObjId>,
    /// Package-level variable initialization in Go's order.
    pub init_order: Vec<Initializer>,
    /// Uses of generic functions (keyed by the NodeId of the Ident/Selector/Index naming the
    /// function) → the instantiation.
    pub instances: HashMap<NodeId, Instance>,
    /// Every concrete instantiation of each generic function (keyed by its object), including
    /// those reached only through other generic functions or methods of generic types
    /// (`A[T]` calling `B[T]`, with `A[int]` used: `B[int]` is listed). Within the body of a generic function, a use of
    /// another generic function is recorded in `instances` with type arguments that mention
    /// the enclosing type parameters: map them through the enclosing `Subst`.
    pub func_instances: HashMap<ObjId, Vec<Subst>>,
    /// Every concrete instantiation of each generic named type (keyed by the generic type):
    /// the substitution for its methods' bodies. A type declared inside the body of a generic
    /// function is implicitly generic in that function's type parameters (`Named::tparams`),
    /// so each instance of the function has its own instance of the type (`Selection::Method::recv` is the instance
    /// type, whose `Named::origin` is the key and `Named::targs` the type arguments).
    pub type_instances: HashMap<TypeId, Vec<Subst>>,
    /// Expressions `x` that are comma-ok forms in a 2-value context (`v, ok := m[k]`,
    /// `x.(T)`, `<-ch`): `types[x]` is then the value type; the second result is bool.
    pub comma_ok: std::collections::HashSet<NodeId>,
    /// Imported package paths (including those imported by stdlib packages), in load order.
    pub packages: Vec<String>,
    /// The `main` function of package main (None in the REPL).
    pub main: Option<ObjId>,
    /// Standard-library functions and methods written in Go (the generic functions of
    /// `slices`, `maps`, `cmp` and their helpers), with their Func objects: the compiler
    /// compiles them like the program's own (their side tables are merged into this
    /// `TypeInfo`; their positions lie past the program's source).
    pub lib_funcs: Vec<(ObjId, std::rc::Rc<ast::FuncDecl>)>,
}

impl TypeInfo {
    /// Take over the side tables of a standard-library package checked separately (its keys
    /// never collide with the program's) and its functions that have Go bodies.
    pub(crate) fn merge_library(&mut self, lib: TypeInfo) {
        self.types.extend(lib.types);
        self.consts.extend(lib.consts);
        self.uses.extend(lib.uses);
        self.defs.extend(lib.defs);
        self.selections.extend(lib.selections);
        self.calls.extend(lib.calls);
        self.implicits.extend(lib.implicits);
        self.func_sigs.extend(lib.func_sigs);
        self.instances.extend(lib.instances);
        self.comma_ok.extend(lib.comma_ok);
        self.lib_funcs.extend(lib.lib_funcs);
    }
    pub fn object(&self, id: ObjId) -> &Object {
        &self.objects[id.0 as usize]
    }
    /// Object used or defined at identifier position `lo`.
    pub fn obj_at(&self, lo: u32) -> Option<ObjId> {
        self.uses.get(&lo).or_else(|| self.defs.get(&lo)).copied()
    }
}

/// One item of a REPL input (mirrors the parser's `ReplItem`).
#[derive(Clone, Copy, Debug)]
pub enum ReplItem<'a> {
    Import(&'a ast::Import),
    Decl(&'a ast::Decl),
    Stmt(&'a ast::Stmt),
}

/// Render diagnostics (in emission order, as `check_file` and the parser return them) the way
/// `go build` prints them: cmd/compile's `base.ErrorfAt` drops a syntax error on the line of
/// the previous syntax error and a non-syntax error equal to the previous one on the same
/// line; at the 10th error it stops with `FILE:LINE:COL: too many errors` (the 10th error's
/// position); `FlushErrors` prints the kept errors sorted by position.
pub fn render_diagnostics(sm: &SourceMap, diags: &[Diagnostic]) -> Vec<String> {
    let mut kept: Vec<&Diagnostic> = Vec::new();
    let mut last_syntax_line = 0;
    let mut last_other: Option<(u32, String)> = None;
    let mut too_many = None;
    for d in diags {
        let line = sm.line(d.pos);
        if d.kind == crate::diag::DiagKind::Syntax {
            if line == last_syntax_line {
                continue;
            }
            last_syntax_line = line;
        } else {
            if last_other
                .as_ref()
                .is_some_and(|(l, m)| *l == line && *m == d.msg)
            {
                continue;
            }
            last_other = Some((line, d.msg.clone()));
        }
        kept.push(d);
        if kept.len() == 10 {
            too_many = Some(d.pos);
            break;
        }
    }
    kept.sort_by_key(|d| d.pos);
    let mut out: Vec<String> = kept.iter().map(|d| sm.render(d)).collect();
    if let Some(p) = too_many {
        if diags.len() > 10 {
            let (l, c) = sm.line_col(p);
            out.push(format!("{}:{}:{}: too many errors", sm.name, l, c));
        }
    }
    out
}

/// Import paths of the standard-library packages the checker knows.
pub fn stdlib_packages() -> &'static [&'static str] {
    stdlib::PACKAGES
}

/// Check a whole program. `tt` receives every type; freeze it afterwards with
/// `Arc::new(tt)` for the VM.
///
/// Errors come in the order types2 would report them (declaration order; a function's unused
/// variables at its end), not sorted. To print them as `go build` does (cmd/compile
/// `base.ErrorfAt` + `FlushErrors`): walk them in this order, drop a syntax error on the same
/// line as the previous syntax error and a type error equal to the previous type error on the
/// same line; on the 10th kept error stop and print `FILE:LINE:COL: too many errors` with that
/// 10th error's position; print the kept errors sorted by position (stable).
pub fn check_file(
    file: &ast::File,
    src_map: &SourceMap,
    tt: &mut TypeTable,
) -> Result<TypeInfo, Vec<Diagnostic>> {
    let mut c = Checker::new(tt);
    c.check_file(file, src_map, tt)
}

/// The checker. Create one per program, or one per REPL session (it keeps the package scope).
pub struct Checker {
    pub(crate) st: decl::State,
}

impl Checker {
    /// A checker with the universe scope set up.
    pub fn new(tt: &mut TypeTable) -> Checker {
        Checker {
            st: decl::State::new(tt),
        }
    }

    /// Check a whole file as package main.
    pub fn check_file(
        &mut self,
        file: &ast::File,
        src_map: &SourceMap,
        tt: &mut TypeTable,
    ) -> Result<TypeInfo, Vec<Diagnostic>> {
        self.st.check_file(file, src_map, tt)
    }

    /// Check one REPL input against the persistent package scope. See the module docs for the
    /// model. The statements' side tables are in the returned `TypeInfo` (whose `objects` is
    /// the whole arena so far).
    pub fn check_repl_items(
        &mut self,
        items: &[ReplItem<'_>],
        tt: &mut TypeTable,
    ) -> Result<TypeInfo, Vec<Diagnostic>> {
        self.st.check_repl(items, tt)
    }
}
