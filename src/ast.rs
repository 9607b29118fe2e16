//! The abstract syntax tree built by the grammar (`grammar/go.lalrpop`).
//!
//! The shape follows Go's `go/ast`: types are expressions (an `Ident` may name a type or a value,
//! `*T` is a `Star` that is either a pointer type or a dereference, `[]T{...}` and conversions
//! such as `[]byte(s)` put types in expression position); the checker decides which is which.
//! Grammar actions only build these nodes. Every node carries a [`Span`] (byte offsets into the
//! source); every expression also carries a [`NodeId`], unique within one parse session, that the
//! checker uses as the key of its side tables (types, constant values, resolutions).

use std::cell::Cell;

/// Byte range `lo..hi` in the source file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Span {
    pub lo: u32,
    pub hi: u32,
}

impl Span {
    pub fn new(lo: usize, hi: usize) -> Span {
        Span {
            lo: lo as u32,
            hi: hi as u32,
        }
    }
    pub fn to(self, other: Span) -> Span {
        Span {
            lo: self.lo.min(other.lo),
            hi: self.hi.max(other.hi),
        }
    }
}

/// Identity of an expression node: the key of the checker's side tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(pub u32);

/// Hands out [`NodeId`]s; one per parse session (the REPL keeps one across inputs so ids never
/// repeat).
#[derive(Debug, Default)]
pub struct IdGen {
    next: Cell<u32>,
}

impl IdGen {
    pub fn new() -> IdGen {
        IdGen::default()
    }
    /// Start numbering at `n` (the REPL continues where the last input stopped).
    pub fn starting_at(n: u32) -> IdGen {
        IdGen { next: Cell::new(n) }
    }
    pub fn next(&self) -> NodeId {
        let n = self.next.get();
        self.next.set(n + 1);
        NodeId(n)
    }
    pub fn peek(&self) -> u32 {
        self.next.get()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Ident {
    pub name: String,
    pub span: Span,
}

/// One source file: `package main`, imports, top-level declarations.
#[derive(Clone, Debug)]
pub struct File {
    pub package: Ident,
    pub imports: Vec<Import>,
    pub decls: Vec<Decl>,
}

#[derive(Clone, Debug)]
pub struct Import {
    /// `import f "fmt"` → Some(f); `import . "x"` → Some("."); `import _ "x"` → Some("_").
    pub name: Option<Ident>,
    /// The unquoted import path, e.g. `unicode/utf8`.
    pub path: String,
    /// Span of the path literal (Go reports `"os" imported and not used` there).
    pub span: Span,
}

// A file has few declarations and they are never moved around in bulk, so the size of the
// `Func` variant costs nothing worth a Box.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug)]
pub enum Decl {
    /// `var x, y T = a, b` (one spec per line of a grouped declaration).
    Var(Vec<VarSpec>),
    /// `const (...)`: specs in order; `iota` is each spec's index in its group.
    Const(Vec<ConstSpec>),
    Type(Vec<TypeSpec>),
    Func(FuncDecl),
}

#[derive(Clone, Debug)]
pub struct VarSpec {
    pub names: Vec<Ident>,
    pub ty: Option<Expr>,
    pub values: Vec<Expr>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct ConstSpec {
    pub names: Vec<Ident>,
    pub ty: Option<Expr>,
    /// Empty when the spec repeats the previous one's type and expressions (implicit
    /// repetition); the checker re-evaluates those with this spec's `iota`.
    pub values: Vec<Expr>,
    /// Index of the spec within its `const (...)` group.
    pub iota: u32,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct TypeSpec {
    pub name: Ident,
    /// Type parameters `[T any, U comparable]` (empty if none).
    pub tparams: Vec<Field>,
    /// `type A = B`.
    pub alias: bool,
    pub ty: Expr,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct FuncDecl {
    /// Method receiver `(r *T)`; its `names` has zero or one entry.
    pub recv: Option<Field>,
    pub name: Ident,
    pub tparams: Vec<Field>,
    pub sig: FuncType,
    /// None for a declaration without body (not allowed in package main without assembly, but
    /// parsed so the checker can report it).
    pub body: Option<Block>,
    pub span: Span,
}

/// A parameter, result, struct field, receiver or type parameter group: `a, b int`.
#[derive(Clone, Debug)]
pub struct Field {
    /// Empty for an unnamed parameter or an embedded struct field.
    pub names: Vec<Ident>,
    pub ty: Expr,
    /// Struct tag (raw bytes of the decoded literal).
    pub tag: Option<Vec<u8>>,
    pub span: Span,
}

/// A function signature. A variadic function's last parameter has type `Ellipsis(elem)`.
#[derive(Clone, Debug)]
pub struct FuncType {
    pub params: Vec<Field>,
    pub results: Vec<Field>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum InterfaceElem {
    /// `Name(params) results`
    Method { name: Ident, sig: FuncType },
    /// An embedded interface or a type-set term list: `io.Reader`, `~int | ~string`.
    Embed(Expr),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChanDir {
    Both,
    /// `chan<- T`
    Send,
    /// `<-chan T`
    Recv,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinOp {
    Add,    // +
    Sub,    // -
    Mul,    // *
    Div,    // /
    Rem,    // %
    And,    // &
    Or,     // |
    Xor,    // ^
    Shl,    // <<
    Shr,    // >>
    AndNot, // &^
    LAnd,   // &&
    LOr,    // ||
    Eq,     // ==
    Ne,     // !=
    Lt,     // <
    Le,     // <=
    Gt,     // >
    Ge,     // >=
}

impl BinOp {
    /// The operator as written in Go source.
    pub fn as_str(self) -> &'static str {
        use BinOp::*;
        match self {
            Add => "+",
            Sub => "-",
            Mul => "*",
            Div => "/",
            Rem => "%",
            And => "&",
            Or => "|",
            Xor => "^",
            Shl => "<<",
            Shr => ">>",
            AndNot => "&^",
            LAnd => "&&",
            LOr => "||",
            Eq => "==",
            Ne => "!=",
            Lt => "<",
            Le => "<=",
            Gt => ">",
            Ge => ">=",
        }
    }
    pub fn is_comparison(self) -> bool {
        use BinOp::*;
        matches!(self, Eq | Ne | Lt | Le | Gt | Ge)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnOp {
    Pos,   // +x
    Neg,   // -x
    Not,   // !x
    Xor,   // ^x
    Addr,  // &x
    Recv,  // <-x
    Tilde, // ~T (only in constraint type sets)
}

impl UnOp {
    pub fn as_str(self) -> &'static str {
        match self {
            UnOp::Pos => "+",
            UnOp::Neg => "-",
            UnOp::Not => "!",
            UnOp::Xor => "^",
            UnOp::Addr => "&",
            UnOp::Recv => "<-",
            UnOp::Tilde => "~",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Expr {
    pub id: NodeId,
    pub span: Span,
    pub kind: ExprKind,
}

/// One element of a composite literal: `value` or `key: value`. An element value (or key) that
/// is itself a literal with elided type (`{1, 2}` inside `[][]int{...}`) is a `CompositeLit`
/// with `ty: None`.
#[derive(Clone, Debug)]
pub struct Element {
    pub key: Option<Expr>,
    pub value: Expr,
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    /// Identifier: variable, constant, type, function, package name, builtin, `nil`, `true`,
    /// `false`, `iota`, `_` — resolved by the checker.
    Ident(String),
    /// Integer literal, its source text (`0x1F`, `1_000`, `017`, `0o17`, `0b101`).
    IntLit(String),
    /// Floating-point literal, its source text (`1.5e3`, `.5`, `0x1p-2`).
    FloatLit(String),
    /// Imaginary literal, source text including the trailing `i`.
    ImagLit(String),
    /// Rune literal, decoded to its code point (`'a'`, `'\n'`, `'\u00e9'`, `'\xff'` = 255).
    RuneLit(u32),
    /// String literal (interpreted or raw), decoded to its bytes (may be invalid UTF-8).
    StringLit(Vec<u8>),
    /// `T{elems}`; `ty` is None for an elided type inside another literal.
    CompositeLit {
        ty: Option<Box<Expr>>,
        elems: Vec<Element>,
        /// Span of the closing brace.
        rbrace: Span,
    },
    FuncLit {
        sig: FuncType,
        body: Block,
    },
    Paren(Box<Expr>),
    /// `x.sel`: field, method, or qualified identifier `pkg.Name`.
    Selector(Box<Expr>, Ident),
    /// `x[i]`, or generic instantiation `f[int, string]` (more than one index).
    Index(Box<Expr>, Vec<Expr>),
    /// `x[lo:hi]` / `x[lo:hi:max]` (`three` set for the 3-index form).
    Slice {
        x: Box<Expr>,
        lo: Option<Box<Expr>>,
        hi: Option<Box<Expr>>,
        max: Option<Box<Expr>>,
        three: bool,
    },
    /// `x.(T)`; `ty` None is `x.(type)` in a type switch header.
    TypeAssert(Box<Expr>, Option<Box<Expr>>),
    /// `f(args)` or a conversion `T(x)`; `ellipsis` for `f(s...)`.
    Call {
        fun: Box<Expr>,
        args: Vec<Expr>,
        ellipsis: bool,
        /// Span of the closing parenthesis.
        rparen: Span,
    },
    /// `*x`: dereference or pointer type.
    Star(Box<Expr>),
    Unary(UnOp, Box<Expr>),
    Binary(BinOp, Box<Expr>, Box<Expr>),
    /// Key-value pair `k: v` — only produced where go/ast would (never at statement level);
    /// composite literals use [`Element`] instead.
    KeyValue(Box<Expr>, Box<Expr>),

    // ---- types ----
    /// `[N]T`; `len` None for `[...]T`.
    ArrayType {
        len: Option<Box<Expr>>,
        elem: Box<Expr>,
    },
    SliceType(Box<Expr>),
    MapType(Box<Expr>, Box<Expr>),
    ChanType(ChanDir, Box<Expr>),
    FuncType(FuncType),
    StructType(Vec<Field>),
    InterfaceType(Vec<InterfaceElem>),
    /// `...T` as the type of a variadic parameter.
    Ellipsis(Box<Expr>),
    /// `A | B` in a constraint.
    Union(Vec<Expr>),
    /// Placeholder after a syntax error.
    Bad,
    /// Result `i` of the multi-valued call that is a builtin's only argument (`copy(f())`):
    /// made by the checker, never by the parser.
    TupleElem(u32),
}

/// The id of the checker's `TupleElem(i)` for the call with id `call` (outside the parser's
/// range).
pub fn tuple_elem_id(call: NodeId, i: usize) -> NodeId {
    NodeId(0x8000_0000 | ((call.0 & 0x03FF_FFFF) << 5) | i as u32)
}

#[derive(Clone, Debug)]
pub struct Block {
    pub stmts: Vec<Stmt>,
    pub lbrace: Span,
    pub rbrace: Span,
}

#[derive(Clone, Debug)]
pub struct Stmt {
    pub span: Span,
    pub kind: StmtKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssignOp {
    /// `=`
    Assign,
    /// `:=`
    Define,
    /// `op=` such as `+=`, `<<=`, `&^=`.
    Op(BinOp),
}

#[derive(Clone, Debug)]
pub struct CaseClause {
    /// Empty for `default`.
    pub exprs: Vec<Expr>,
    pub default: bool,
    pub body: Vec<Stmt>,
    /// Span of the `case`/`default` keyword through the colon.
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct CommClause {
    /// None for `default`; otherwise a `Send` statement, an `Expr` statement `<-ch`, or an
    /// `Assign` (`v := <-ch`, `v, ok = <-ch`).
    pub comm: Option<Box<Stmt>>,
    pub body: Vec<Stmt>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum StmtKind {
    Empty,
    Expr(Expr),
    /// `ch <- v`
    Send {
        ch: Expr,
        value: Expr,
    },
    /// `x++` / `x--`
    IncDec {
        x: Expr,
        inc: bool,
    },
    Assign {
        lhs: Vec<Expr>,
        op: AssignOp,
        rhs: Vec<Expr>,
    },
    /// A declaration inside a function body (`var`, `const`, `type`).
    Decl(Decl),
    Go(Expr),
    Defer(Expr),
    Return(Vec<Expr>),
    Break(Option<Ident>),
    Continue(Option<Ident>),
    Goto(Ident),
    Fallthrough,
    Block(Block),
    If {
        init: Option<Box<Stmt>>,
        cond: Expr,
        then: Block,
        /// An `If` statement or a `Block` statement.
        els: Option<Box<Stmt>>,
    },
    Switch {
        init: Option<Box<Stmt>>,
        tag: Option<Expr>,
        clauses: Vec<CaseClause>,
        rbrace: Span,
    },
    /// `switch [init;] [bind :=] x.(type) { ... }`; clause expressions are types (or `nil`).
    TypeSwitch {
        init: Option<Box<Stmt>>,
        bind: Option<Ident>,
        x: Expr,
        clauses: Vec<CaseClause>,
        rbrace: Span,
    },
    Select {
        clauses: Vec<CommClause>,
    },
    For {
        init: Option<Box<Stmt>>,
        cond: Option<Expr>,
        post: Option<Box<Stmt>>,
        body: Block,
    },
    /// `for [k [, v] (:= | =)] range x { ... }`
    Range {
        key: Option<Expr>,
        value: Option<Expr>,
        define: bool,
        x: Expr,
        body: Block,
    },
    Labeled(Ident, Box<Stmt>),
}
