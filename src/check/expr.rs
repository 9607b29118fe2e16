//! Expressions: operands, untyped constants, operators, calls, selectors, literals.

use std::collections::HashMap;

use super::constant::{self, ConstErr};
use super::decl::State;
use super::*;
use crate::ast::{BinOp, Expr, ExprKind, UnOp};
use crate::types::{BasicKind, ChanDir, MissingReason, Type};

/// types2's operand modes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    Invalid,
    NoValue,
    Builtin(Builtin),
    TypeExpr,
    Const,
    /// Addressable variable.
    Var,
    MapIndex,
    Value,
    /// Value that also has a comma-ok form (map index handled by MapIndex).
    CommaOk,
    Nil,
    Pkg,
}

#[derive(Clone, Debug)]
pub(crate) struct Operand {
    pub mode: Mode,
    pub ty: TypeId,
    pub val: Option<ConstValue>,
}

impl Operand {
    pub fn invalid() -> Operand {
        Operand {
            mode: Mode::Invalid,
            ty: TypeTable::INVALID,
            val: None,
        }
    }
    pub fn value(ty: TypeId) -> Operand {
        Operand {
            mode: Mode::Value,
            ty,
            val: None,
        }
    }
    pub fn is_invalid(&self) -> bool {
        self.mode == Mode::Invalid || self.ty == TypeTable::INVALID && self.mode != Mode::NoValue
    }
}

/// Go-syntax rendering of an expression, as types2's `ExprString` prints it in errors.
pub fn expr_string(e: &Expr) -> String {
    let mut s = String::new();
    write_expr(&mut s, e);
    s
}

fn quote_go(b: &[u8]) -> String {
    let s = String::from_utf8_lossy(b);
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn write_expr(s: &mut String, e: &Expr) {
    match &e.kind {
        ExprKind::Ident(n) => s.push_str(n),
        ExprKind::IntLit(t) | ExprKind::FloatLit(t) | ExprKind::ImagLit(t) => s.push_str(t),
        ExprKind::RuneLit(r) => match char::from_u32(*r) {
            Some('\n') => s.push_str("'\\n'"),
            Some('\t') => s.push_str("'\\t'"),
            Some('\'') => s.push_str("'\\''"),
            Some('\\') => s.push_str("'\\\\'"),
            Some(c) if !c.is_control() => {
                s.push('\'');
                s.push(c);
                s.push('\'');
            }
            _ => s.push_str(&format!("'\\x{:02x}'", r)),
        },
        ExprKind::StringLit(b) => {
            let q = quote_go(b);
            s.push_str(&q);
        }
        ExprKind::CompositeLit { ty, elems, .. } => {
            if let Some(t) = ty {
                write_expr(s, t);
            }
            s.push_str(if elems.is_empty() { "{}" } else { "{…}" });
        }
        ExprKind::FuncLit { sig, .. } => {
            s.push_str("func");
            write_sig(s, sig);
            s.push_str(" {…}");
        }
        ExprKind::Paren(x) => {
            s.push('(');
            write_expr(s, x);
            s.push(')');
        }
        ExprKind::Selector(x, sel) => {
            write_expr(s, x);
            s.push('.');
            s.push_str(&sel.name);
        }
        ExprKind::Index(x, idx) => {
            write_expr(s, x);
            s.push('[');
            for (i, a) in idx.iter().enumerate() {
                if i > 0 {
                    s.push_str(", ");
                }
                write_expr(s, a);
            }
            s.push(']');
        }
        ExprKind::Slice { x, lo, hi, max, .. } => {
            write_expr(s, x);
            s.push('[');
            if let Some(l) = lo {
                write_expr(s, l);
            }
            s.push(':');
            if let Some(h) = hi {
                write_expr(s, h);
            }
            if let Some(m) = max {
                s.push(':');
                write_expr(s, m);
            }
            s.push(']');
        }
        ExprKind::TypeAssert(x, t) => {
            write_expr(s, x);
            s.push_str(".(");
            match t {
                Some(t) => write_expr(s, t),
                None => s.push_str("type"),
            }
            s.push(')');
        }
        ExprKind::Call {
            fun,
            args,
            ellipsis,
            ..
        } => {
            write_expr(s, fun);
            s.push('(');
            for (i, a) in args.iter().enumerate() {
                if i > 0 {
                    s.push_str(", ");
                }
                write_expr(s, a);
            }
            if *ellipsis {
                s.push_str("...");
            }
            s.push(')');
        }
        ExprKind::Star(x) => {
            s.push('*');
            write_expr(s, x);
        }
        ExprKind::Unary(op, x) => {
            s.push_str(op.as_str());
            write_expr(s, x);
        }
        ExprKind::Binary(op, x, y) => {
            write_expr(s, x);
            s.push(' ');
            s.push_str(op.as_str());
            s.push(' ');
            write_expr(s, y);
        }
        ExprKind::KeyValue(k, v) => {
            write_expr(s, k);
            s.push_str(": ");
            write_expr(s, v);
        }
        ExprKind::ArrayType { len, elem } => {
            s.push('[');
            match len {
                Some(l) => write_expr(s, l),
                None => s.push_str("..."),
            }
            s.push(']');
            write_expr(s, elem);
        }
        ExprKind::SliceType(x) => {
            s.push_str("[]");
            write_expr(s, x);
        }
        ExprKind::MapType(k, v) => {
            s.push_str("map[");
            write_expr(s, k);
            s.push(']');
            write_expr(s, v);
        }
        ExprKind::ChanType(d, x) => {
            s.push_str(match d {
                ast::ChanDir::Both => "chan ",
                ast::ChanDir::Send => "chan<- ",
                ast::ChanDir::Recv => "<-chan ",
            });
            write_expr(s, x);
        }
        ExprKind::FuncType(ft) => {
            s.push_str("func");
            write_sig(s, ft);
        }
        ExprKind::StructType(fs) => {
            s.push_str("struct{");
            for (i, f) in fs.iter().enumerate() {
                if i > 0 {
                    s.push_str("; ");
                }
                let names: Vec<&str> = f.names.iter().map(|n| n.name.as_str()).collect();
                if !names.is_empty() {
                    s.push_str(&names.join(", "));
                    s.push(' ');
                }
                write_expr(s, &f.ty);
            }
            s.push('}');
        }
        ExprKind::InterfaceType(els) => {
            s.push_str("interface{");
            for (i, el) in els.iter().enumerate() {
                if i > 0 {
                    s.push_str("; ");
                }
                match el {
                    ast::InterfaceElem::Method { name, sig } => {
                        s.push_str(&name.name);
                        write_sig(s, sig);
                    }
                    ast::InterfaceElem::Embed(x) => write_expr(s, x),
                }
            }
            s.push('}');
        }
        ExprKind::Ellipsis(x) => {
            s.push_str("...");
            write_expr(s, x);
        }
        ExprKind::Union(v) => {
            for (i, x) in v.iter().enumerate() {
                if i > 0 {
                    s.push_str(" | ");
                }
                write_expr(s, x);
            }
        }
        ExprKind::Bad => s.push_str("BadExpr"),
        ExprKind::TupleElem(i) => {
            s.push_str(&format!("result {}", i));
        }
    }
}

fn write_sig(s: &mut String, ft: &ast::FuncType) {
    let fields = |s: &mut String, fs: &[ast::Field]| {
        for (i, f) in fs.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            let names: Vec<&str> = f.names.iter().map(|n| n.name.as_str()).collect();
            if !names.is_empty() {
                s.push_str(&names.join(", "));
                s.push(' ');
            }
            write_expr(s, &f.ty);
        }
    };
    s.push('(');
    fields(s, &ft.params);
    s.push(')');
    if ft.results.len() == 1 && ft.results[0].names.is_empty() {
        s.push(' ');
        write_expr(s, &ft.results[0].ty);
    } else if !ft.results.is_empty() {
        s.push_str(" (");
        fields(s, &ft.results);
        s.push(')');
    }
}

/// Strip parentheses.
pub fn unparen(e: &Expr) -> &Expr {
    match &e.kind {
        ExprKind::Paren(x) => unparen(x),
        _ => e,
    }
}

impl State {
    // ---- operand printing ----

    pub(crate) fn operand_string(&self, x: &Operand, e: &Expr) -> String {
        if x.mode == Mode::Nil {
            return "nil".into();
        }
        let expr = expr_string(e);
        let mut buf = format!("{} (", expr);
        let mut has_type = false;
        match x.mode {
            Mode::Invalid | Mode::NoValue | Mode::Builtin(_) | Mode::TypeExpr | Mode::Pkg => {}
            _ => {
                if self.tt.is_untyped(x.ty) {
                    buf.push_str(self.tt.basic_kind(x.ty).map_or("", |k| k.name()));
                    buf.push(' ');
                } else {
                    has_type = true;
                }
            }
        }
        buf.push_str(match x.mode {
            Mode::Invalid => "invalid operand",
            Mode::NoValue => "no value",
            Mode::Builtin(_) => "built-in",
            Mode::TypeExpr => "type",
            Mode::Const => "constant",
            Mode::Var => "variable",
            Mode::MapIndex => "map index expression",
            Mode::Value => "value",
            Mode::CommaOk => "comma, ok expression",
            Mode::Nil => "nil",
            Mode::Pkg => "package",
        });
        if x.mode == Mode::Const {
            if let Some(v) = &x.val {
                let s = self.const_string(v, x.ty);
                if s != expr {
                    buf.push(' ');
                    buf.push_str(&s);
                }
            }
        }
        if has_type {
            if x.ty == TypeTable::INVALID {
                buf.push_str(" with invalid type");
            } else {
                let mut desc = String::new();
                if self.tt.is_type_param(x.ty) {
                    buf.push_str(" of type ");
                    buf.push_str(&self.ts(x.ty));
                    if let Type::TypeParam(p) = self.tt.get(x.ty) {
                        buf.push_str(" constrained by ");
                        buf.push_str(&self.ts(p.constraint));
                    }
                    buf.push(')');
                    return buf;
                }
                if self.tt.is_named(x.ty)
                    || x.ty == TypeTable::BYTE
                    || x.ty == TypeTable::RUNE
                    || x.ty == TypeTable::ANY
                {
                    let what = match self.tt.under(x.ty) {
                        Type::Basic(k) => k.name(),
                        Type::Array(..) => "array",
                        Type::Slice(_) => "slice",
                        Type::Struct(_) => "struct",
                        Type::Pointer(_) => "pointer",
                        Type::Func(_) => "func",
                        Type::Interface(_) => "interface",
                        Type::Map(..) => "map",
                        Type::Chan(..) => "chan",
                        Type::Tuple(_) => "tuple",
                        _ => "",
                    };
                    // Basic aliases (byte) are not Named in types2: no description.
                    if self.tt.is_named(x.ty) || x.ty == TypeTable::ANY {
                        desc = format!("{} ", what);
                    }
                    if x.ty == TypeTable::ANY {
                        desc = "interface ".into();
                    }
                    if self.tt.is_named(x.ty)
                        && self.tt.named(x.ty).is_some_and(|n| n.pkg.is_empty())
                    {
                        // error is a named interface in the universe: "interface type error".
                    }
                }
                buf.push_str(" of ");
                buf.push_str(&desc);
                buf.push_str("type ");
                buf.push_str(&self.ts(x.ty));
            }
        }
        buf.push(')');
        buf
    }

    /// A constant's value as types2 prints it (`'a'` runes print as numbers: 97).
    pub(crate) fn const_string(&self, v: &ConstValue, _t: TypeId) -> String {
        match v {
            ConstValue::Str(b) => {
                let q = quote_go(b);
                if q.chars().count() > 72 {
                    let s: String = q.chars().take(68).collect();
                    format!("{}...\"", s)
                } else {
                    q
                }
            }
            _ => v.go_string(),
        }
    }

    // ---- types of untyped values ----

    pub fn default_type(&self, t: TypeId) -> TypeId {
        match self.tt.basic_kind(t) {
            Some(BasicKind::UntypedBool) => TypeTable::BOOL,
            Some(BasicKind::UntypedInt) => TypeTable::INT,
            Some(BasicKind::UntypedRune) => TypeTable::RUNE,
            Some(BasicKind::UntypedFloat) => TypeTable::FLOAT64,
            Some(BasicKind::UntypedComplex) => TypeTable::COMPLEX128,
            Some(BasicKind::UntypedString) => TypeTable::STRING,
            _ => t,
        }
    }

    /// Record the final type `t` of expression `e` (and of the untyped sub-expressions whose
    /// type follows from it: operands of arithmetic, parentheses, shift left operands).
    pub(crate) fn record_final(&mut self, e: &Expr, t: TypeId) {
        let old = self.info.types.get(&e.id).copied();
        if let Some(old) = old {
            if !self.tt.is_untyped(old) {
                return;
            }
        }
        if t == TypeTable::UNTYPED_NIL {
            return;
        }
        // A non-constant shift of an untyped constant takes its type from the context; that
        // type must be an integer type (types2 reports this when it learns the type).
        if let ExprKind::Binary(BinOp::Shl | BinOp::Shr, x, _) = &e.kind {
            if !self.info.consts.contains_key(&e.id)
                && self
                    .tt
                    .basic_kind(t)
                    .is_some_and(|k| !k.is_untyped() && !k.is_integer())
                && self.tt.basic_kind(self.tt.underlying(t)).is_some()
            {
                self.err(
                    x.span,
                    format!(
                        "invalid operation: shifted operand {} (type {}) must be integer",
                        expr_string(x),
                        self.ts(t)
                    ),
                );
            }
        }
        self.info.types.insert(e.id, t);
        if let Some(v) = self.info.consts.get(&e.id).cloned() {
            if let Some(k) = self.tt.basic_kind(t) {
                if let Ok(v) = v.convert_to(k) {
                    self.info.consts.insert(e.id, v);
                }
            }
        }
        match &e.kind {
            ExprKind::Paren(x) => self.record_final(x, t),
            ExprKind::Unary(op, x) if *op != UnOp::Not || self.tt.is_boolean(t) => {
                if matches!(op, UnOp::Pos | UnOp::Neg | UnOp::Xor | UnOp::Not) {
                    self.record_final(x, t)
                }
            }
            ExprKind::Binary(op, x, y) => {
                if op.is_comparison() {
                    // Operands keep their own (defaulted) type.
                } else if matches!(op, BinOp::Shl | BinOp::Shr) {
                    self.record_final(x, t);
                } else {
                    self.record_final(x, t);
                    self.record_final(y, t);
                }
            }
            _ => {}
        }
    }

    /// Convert untyped operand `x` (expression `e`) to type `target` for an operation; reports
    /// and returns false if impossible. For a constant, checks representability.
    pub(crate) fn convert_untyped(&mut self, x: &mut Operand, e: &Expr, target: TypeId) -> bool {
        if !self.tt.is_untyped(x.ty) || target == TypeTable::INVALID || x.is_invalid() {
            return true;
        }
        if self.tt.is_untyped(target) {
            // Both untyped: the larger kind wins (int < rune < float < complex).
            if self.tt.is_numeric(x.ty) && self.tt.is_numeric(target) {
                let rank = |t: TypeId| match t {
                    TypeTable::UNTYPED_INT => 0,
                    TypeTable::UNTYPED_RUNE => 1,
                    TypeTable::UNTYPED_FLOAT => 2,
                    _ => 3,
                };
                if rank(target) > rank(x.ty) {
                    x.ty = target;
                    self.info.types.insert(e.id, target);
                }
            }
            return true;
        }
        let tu = self.tt.underlying(target);
        if x.mode == Mode::Nil || x.ty == TypeTable::UNTYPED_NIL {
            let ok = matches!(
                self.core_under(tu),
                Type::Pointer(_)
                    | Type::Slice(_)
                    | Type::Map(..)
                    | Type::Chan(..)
                    | Type::Func(_)
                    | Type::Interface(_)
            ) || tu == TypeTable::UNSAFE_POINTER;
            if ok {
                x.ty = target;
                self.info.types.insert(e.id, target);
            }
            return ok;
        }
        match self.tt.get(tu).clone() {
            Type::Basic(k) => {
                if let Some(v) = x.val.clone() {
                    match v.convert_to(k) {
                        Ok(v) => {
                            x.val = Some(v);
                        }
                        Err(_) => return false,
                    }
                } else {
                    // Non-constant untyped: bool from comparison, or shifted value.
                    let xk = self.tt.basic_kind(x.ty).unwrap_or(BasicKind::Invalid);
                    let ok = if xk == BasicKind::UntypedBool {
                        k.is_boolean()
                    } else {
                        k.is_numeric()
                    };
                    if !ok {
                        return false;
                    }
                }
                x.ty = target;
                self.record_final(e, target);
                true
            }
            Type::Interface(_) | Type::TypeParam(_) => {
                if self.tt.is_type_param(target) {
                    x.ty = target;
                    self.record_final(e, target);
                    return true;
                }
                // Untyped value into an interface: default type (interface must be empty-ish).
                let d = self.default_type(x.ty);
                if let Some(v) = x.val.clone() {
                    if let Some(k) = self.tt.basic_kind(d) {
                        if let Ok(v) = v.convert_to(k) {
                            x.val = Some(v);
                        } else {
                            return false;
                        }
                    }
                }
                self.record_final(e, d);
                x.ty = d;
                true
            }
            _ => false,
        }
    }

    /// Give an untyped operand its default type (`x := 1`, `fmt.Println(1)`).
    pub(crate) fn default_operand(&mut self, x: &mut Operand, e: &Expr) {
        self.default_operand_ctx(x, e, "assignment")
    }

    /// Like `default_operand`, with the assignment context used in an overflow error.
    pub(crate) fn default_operand_ctx(&mut self, x: &mut Operand, e: &Expr, ctx: &str) {
        if self.tt.is_untyped(x.ty) && x.ty != TypeTable::UNTYPED_NIL {
            let d = self.default_type(x.ty);
            if let Some(v) = &x.val {
                if let Some(k) = self.tt.basic_kind(d) {
                    match v.convert_to(k) {
                        Ok(v) => x.val = Some(v),
                        Err(_) => {
                            let s = self.operand_string(x, e);
                            let ts = self.ts(d);
                            self.err(
                                e.span,
                                format!("cannot use {} as {} value in {} (overflows)", s, ts, ctx),
                            );
                        }
                    }
                }
            }
            x.ty = d;
            self.record_final(e, d);
        }
    }

    // ---- assignability ----

    /// Whether `x` is assignable to `t`; on failure, the reason suffix (`: T does not implement
    /// I (missing method M)`) or a representability note.
    pub(crate) fn assignable(&mut self, x: &Operand, t: TypeId) -> Result<(), String> {
        let v = x.ty;
        if x.is_invalid() || t == TypeTable::INVALID {
            return Ok(());
        }
        if self.tt.identical(v, t) {
            return Ok(());
        }
        let vu = self.tt.underlying(v);
        let tu = self.tt.underlying(t);
        if self.tt.is_untyped(v) {
            if x.mode == Mode::Nil || v == TypeTable::UNTYPED_NIL {
                return match self.core_under(tu) {
                    Type::Pointer(_)
                    | Type::Slice(_)
                    | Type::Map(..)
                    | Type::Chan(..)
                    | Type::Func(_)
                    | Type::Interface(_) => Ok(()),
                    _ => Err(String::new()),
                };
            }
            return match self.tt.get(tu).clone() {
                Type::Basic(k) => match &x.val {
                    Some(val) => match val.convert_to(k) {
                        Ok(_) => Ok(()),
                        Err(true) => Err(" (overflows)".into()),
                        Err(false) => {
                            let xk = self.tt.basic_kind(v).unwrap_or(BasicKind::Invalid);
                            if xk.is_numeric() && k.is_numeric() {
                                Err(" (truncated)".into())
                            } else {
                                Err(String::new())
                            }
                        }
                    },
                    None => {
                        let xk = self.tt.basic_kind(v).unwrap_or(BasicKind::Invalid);
                        if (xk == BasicKind::UntypedBool && k.is_boolean())
                            || (xk.is_numeric() && k.is_numeric())
                        {
                            Ok(())
                        } else {
                            Err(String::new())
                        }
                    }
                },
                Type::Interface(i) => {
                    if i.methods.is_empty() && i.terms.is_none() {
                        Ok(())
                    } else {
                        let d = self.default_type(v);
                        let dx = Operand { ty: d, ..x.clone() };
                        self.assignable(&dx, t)
                    }
                }
                Type::TypeParam(_) => Ok(()),
                _ => Err(String::new()),
            };
        }
        let vp = self.tt.is_type_param(v);
        let tp = self.tt.is_type_param(t);
        if self.tt.identical(vu, tu) && (!self.tt.has_name(v) || !self.tt.has_name(t)) && !vp && !tp
        {
            return Ok(());
        }
        if self.tt.is_interface(t) && !tp {
            return self.implements(v, t);
        }
        if let (Type::Chan(ChanDir::Both, ve), Type::Chan(_, te)) =
            (self.tt.get(vu).clone(), self.tt.get(tu).clone())
        {
            if self.tt.identical(ve, te) && (!self.tt.has_name(v) || !self.tt.has_name(t)) {
                return Ok(());
            }
        }
        // A type parameter and a type without a name: every type in the parameter's type set
        // must be assignable (a `~U` term stands for the types whose underlying type is U).
        let terms_of = |c: &Self, p: TypeId| match c.tt.get(p) {
            Type::TypeParam(tp) => {
                c.tt.interface_of(tp.constraint)
                    .and_then(|i| i.terms.clone())
            }
            _ => None,
        };
        if vp && !tp && !self.tt.has_name(t) {
            if let Some(terms) = terms_of(self, v) {
                let ok = terms.iter().all(|term| {
                    self.tt.identical(term.ty, t)
                        || (!self.tt.has_name(term.ty) || term.tilde)
                            && self.tt.identical(self.tt.underlying(term.ty), tu)
                });
                if ok {
                    return Ok(());
                }
            }
        }
        if tp && !vp && !self.tt.has_name(v) {
            if let Some(terms) = terms_of(self, t) {
                let ok = terms.iter().all(|term| {
                    self.tt.identical(term.ty, v)
                        || self.tt.identical(self.tt.underlying(term.ty), vu)
                });
                if ok {
                    return Ok(());
                }
            }
        }
        if self.tt.is_interface(v) && !vp && self.implements(t, v).is_ok() {
            return Err(": need type assertion".into());
        }
        Err(String::new())
    }

    /// Whether `v` implements interface `t`; Err(": V does not implement T (...)").
    pub(crate) fn implements(&mut self, v: TypeId, t: TypeId) -> Result<(), String> {
        let it = match self.tt.interface_of(t) {
            Some(i) => i.clone(),
            None => return Ok(()),
        };
        let (vs, ts) = (self.ts(v), self.ts(t));
        // A type parameter satisfies a constraint if its own type set is included.
        if let Type::TypeParam(p) = self.tt.get(v).clone() {
            let vi = self.tt.interface_of(p.constraint).cloned();
            let vterms = vi.as_ref().and_then(|i| i.terms.clone());
            if let Some(terms) = &it.terms {
                let covered = vterms.as_ref().is_some_and(|vts| {
                    vts.iter().all(|vt| {
                        terms.iter().any(|t| {
                            if t.tilde {
                                self.tt
                                    .identical(self.tt.underlying(vt.ty), self.tt.underlying(t.ty))
                            } else {
                                !vt.tilde && self.tt.identical(vt.ty, t.ty)
                            }
                        })
                    })
                });
                if !covered {
                    return Err(format!(
                        ": {} does not satisfy {} ({} missing in {})",
                        vs,
                        ts,
                        vs,
                        self.terms_string(terms)
                    ));
                }
            }
            let vms = vi.map(|i| i.methods).unwrap_or_default();
            for m in &it.methods {
                if !vms
                    .iter()
                    .any(|x| x.name == m.name && self.tt.identical(x.sig, m.sig))
                {
                    return Err(format!(
                        ": {} does not implement {} (missing method {})",
                        vs, ts, m.name
                    ));
                }
            }
            if it.comparable && !self.tt.comparable(v) {
                return Err(format!(": {} does not satisfy comparable", vs));
            }
            return Ok(());
        }
        if let Some(terms) = &it.terms {
            let vu = self.tt.underlying(v);
            let ok = terms.iter().any(|term| {
                if term.tilde {
                    self.tt.identical(vu, self.tt.underlying(term.ty))
                } else {
                    self.tt.identical(v, term.ty)
                }
            });
            if !ok {
                return Err(format!(
                    ": {} does not satisfy {} ({} missing in {})",
                    vs,
                    ts,
                    vs,
                    self.terms_string(terms)
                ));
            }
        }
        if it.comparable && !self.tt.comparable(v) {
            return Err(format!(": {} does not satisfy comparable", vs));
        }
        match self.tt.missing_method(v, t) {
            None => Ok(()),
            Some((m, why)) => {
                let reason = match why {
                    MissingReason::Missing => format!("missing method {}", m),
                    MissingReason::PointerReceiver => format!("method {} has pointer receiver", m),
                    MissingReason::WrongType => {
                        let have = self
                            .tt
                            .method_sig(v, &m)
                            .map(|s| s.0)
                            .unwrap_or(TypeTable::INVALID);
                        let want = it
                            .methods
                            .iter()
                            .find(|x| x.name == m)
                            .map(|x| x.sig)
                            .unwrap_or(TypeTable::INVALID);
                        let h = self.ts(have);
                        let w = self.ts(want);
                        format!(
                            "wrong type for method {})\n\t\thave {}{}\n\t\twant {}{}",
                            m,
                            m,
                            h.strip_prefix("func").unwrap_or(&h),
                            m,
                            w.strip_prefix("func").unwrap_or(&w)
                        )
                    }
                };
                if why == MissingReason::WrongType {
                    return Err(format!(": {} does not implement {} ({}", vs, ts, reason));
                }
                Err(format!(": {} does not implement {} ({})", vs, ts, reason))
            }
        }
    }

    fn terms_string(&self, terms: &[crate::types::Term]) -> String {
        terms
            .iter()
            .map(|t| format!("{}{}", if t.tilde { "~" } else { "" }, self.ts(t.ty)))
            .collect::<Vec<_>>()
            .join(" | ")
    }

    /// Assign operand `x` (expression `e`) to a destination of type `t`; `context` words the
    /// error ("variable declaration", "assignment", "argument to f", "return statement").
    /// Converts untyped constants to `t` and records the final type.
    pub(crate) fn assign_to(
        &mut self,
        x: &mut Operand,
        e: &Expr,
        t: TypeId,
        context: &str,
    ) -> bool {
        if x.is_invalid() || t == TypeTable::INVALID {
            return false;
        }
        self.reverse_instantiate(x, e, t);
        if self.single_value(x, e).is_err() {
            return false;
        }
        match self.assignable(x, t) {
            Ok(()) => {
                if self.tt.is_untyped(x.ty) && !self.convert_untyped(x, e, t) {
                    let s = self.operand_string(x, e);
                    // Into an interface a constant takes its default type, which it overflows.
                    let (ts, why) = if self.tt.is_interface(t)
                        && !self.tt.is_type_param(t)
                        && x.val.is_some()
                    {
                        (self.ts(self.default_type(x.ty)), " (overflows)")
                    } else {
                        (self.ts(t), "")
                    };
                    self.err(
                        e.span,
                        format!("cannot use {} as {} value in {}{}", s, ts, context, why),
                    );
                    return false;
                }
                true
            }
            Err(reason) => {
                let s = self.operand_string(x, e);
                let ts = self.ts(t);
                if x.mode == Mode::Nil {
                    self.err(
                        e.span,
                        format!("cannot use nil as {} value in {}", ts, context),
                    );
                } else {
                    self.err(
                        e.span,
                        format!("cannot use {} as {} value in {}{}", s, ts, context, reason),
                    );
                }
                false
            }
        }
    }

    /// Report a tuple or no-value operand used as a single value.
    pub(crate) fn single_value(&mut self, x: &mut Operand, e: &Expr) -> Result<(), ()> {
        if !x.is_invalid()
            && matches!(unparen(e).kind, ExprKind::Ident(_) | ExprKind::Selector(..))
            && !self.info.instances.contains_key(&unparen(e).id)
            && self.generic_of(e).is_some()
        {
            self.err(
                e.span,
                format!(
                    "cannot use generic function {} without instantiation",
                    expr_string(e)
                ),
            );
            *x = Operand::invalid();
            return Err(());
        }
        if x.mode == Mode::NoValue {
            self.err(
                e.span,
                format!("{} (no value) used as value", expr_string(e)),
            );
            *x = Operand::invalid();
            return Err(());
        }
        if let Type::Tuple(v) = self.tt.get(x.ty) {
            if v.len() != 1 {
                let ts = self.ts(x.ty);
                self.err(
                    e.span,
                    format!(
                        "multiple-value {} (value of type {}) in single-value context",
                        expr_string(e),
                        ts
                    ),
                );
                *x = Operand::invalid();
                return Err(());
            }
        }
        match x.mode {
            Mode::TypeExpr => {
                self.err(
                    e.span,
                    format!("{} (type) is not an expression", expr_string(e)),
                );
                *x = Operand::invalid();
                Err(())
            }
            Mode::Builtin(b) => {
                self.err(
                    e.span,
                    format!(
                        "{} (built-in function {}) must be called",
                        expr_string(e),
                        b.name()
                    ),
                );
                *x = Operand::invalid();
                Err(())
            }
            Mode::Pkg => {
                self.err(
                    e.span,
                    format!("use of package {} without selector", expr_string(e)),
                );
                *x = Operand::invalid();
                Err(())
            }
            _ => Ok(()),
        }
    }

    /// Check `e` as a single value (not a type, not multi-valued).
    pub(crate) fn value(&mut self, e: &Expr, hint: Option<TypeId>) -> Operand {
        let mut x = self.expr(e, hint);
        if let Some(t) = hint {
            self.reverse_instantiate(&mut x, e, t);
        }
        let _ = self.single_value(&mut x, e);
        x
    }

    // ---- expressions ----

    /// Check an expression and record its type (possibly untyped, finalized later by context).
    pub(crate) fn expr(&mut self, e: &Expr, hint: Option<TypeId>) -> Operand {
        let x = self.expr_inner(e, hint);
        if x.mode != Mode::Invalid && x.mode != Mode::Pkg {
            if x.mode == Mode::NoValue {
                self.info.types.insert(e.id, TypeTable::VOID);
            } else {
                self.info.types.insert(e.id, x.ty);
            }
            if let Some(v) = &x.val {
                self.info.consts.insert(e.id, v.clone());
            }
        }
        x
    }

    fn ident(&mut self, e: &Expr, name: &str) -> Operand {
        if name == "_" {
            self.err(e.span, "cannot use _ as value");
            return Operand::invalid();
        }
        let Some(id) = self.lookup(name) else {
            self.err(e.span, format!("undefined: {}", name));
            return Operand::invalid();
        };
        self.info.uses.insert(e.span.lo, id);
        self.use_obj(id, e.span);
        let o = self.obj(id).clone();
        match o.kind {
            ObjKind::Var(_) => Operand {
                mode: Mode::Var,
                ty: o.ty,
                val: None,
            },
            ObjKind::Const(v) => {
                if name == "iota" && self.universe.get("iota") == Some(&id) {
                    return match self.iota {
                        Some(i) => Operand {
                            mode: Mode::Const,
                            ty: TypeTable::UNTYPED_INT,
                            val: Some(ConstValue::Int(i)),
                        },
                        None => {
                            self.err(e.span, "cannot use iota outside constant declaration");
                            Operand::invalid()
                        }
                    };
                }
                if o.ty == TypeTable::INVALID {
                    return Operand::invalid();
                }
                Operand {
                    mode: Mode::Const,
                    ty: o.ty,
                    val: Some(v),
                }
            }
            ObjKind::TypeName => Operand {
                mode: Mode::TypeExpr,
                ty: o.ty,
                val: None,
            },
            ObjKind::Func { .. } => {
                if o.ty == TypeTable::INVALID {
                    return Operand::invalid();
                }
                Operand::value(o.ty)
            }
            ObjKind::PkgName(_) => Operand {
                mode: Mode::Pkg,
                ty: TypeTable::INVALID,
                val: None,
            },
            ObjKind::Builtin(b) => Operand {
                mode: Mode::Builtin(b),
                ty: TypeTable::INVALID,
                val: None,
            },
            ObjKind::Nil => Operand {
                mode: Mode::Nil,
                ty: TypeTable::UNTYPED_NIL,
                val: None,
            },
            ObjKind::Label => Operand::invalid(),
        }
    }

    fn expr_inner(&mut self, e: &Expr, hint: Option<TypeId>) -> Operand {
        match &e.kind {
            ExprKind::Ident(name) => self.ident(e, name),
            ExprKind::IntLit(t) | ExprKind::FloatLit(t) | ExprKind::ImagLit(t) => {
                if t.len() > constant::MAX_LIT_LEN {
                    let head: String = t.chars().take(10).collect();
                    self.err(
                        e.span,
                        format!("excessively long constant: {}... ({} chars)", head, t.len()),
                    );
                    return Operand::invalid();
                }
                let (v, ty) = match &e.kind {
                    ExprKind::IntLit(_) => (constant::int_lit(t), TypeTable::UNTYPED_INT),
                    ExprKind::FloatLit(_) => (constant::float_lit(t), TypeTable::UNTYPED_FLOAT),
                    _ => (constant::imag_lit(t), TypeTable::UNTYPED_COMPLEX),
                };
                let Some(v) = v else {
                    self.err(e.span, format!("malformed constant: {}", t));
                    return Operand::invalid();
                };
                match self.check_overflow(v, ty, e) {
                    Some(v) => Operand {
                        mode: Mode::Const,
                        ty,
                        val: Some(v),
                    },
                    None => Operand::invalid(),
                }
            }
            ExprKind::RuneLit(r) => Operand {
                mode: Mode::Const,
                ty: TypeTable::UNTYPED_RUNE,
                val: Some(ConstValue::Int(*r as i128)),
            },
            ExprKind::StringLit(b) => Operand {
                mode: Mode::Const,
                ty: TypeTable::UNTYPED_STRING,
                val: Some(ConstValue::Str(b.clone())),
            },
            ExprKind::Paren(x) => self.expr(x, hint),
            ExprKind::FuncLit { sig, body } => {
                let t = self.signature(sig);
                self.func_lit(sig, body, t);
                Operand::value(t)
            }
            ExprKind::CompositeLit { ty, elems, .. } => {
                self.composite_lit(e, ty.as_deref(), elems, hint)
            }
            ExprKind::Selector(x, sel) => self.selector(e, x, sel),
            ExprKind::Index(x, idx) => self.index_expr(e, x, idx),
            ExprKind::Slice {
                x,
                lo,
                hi,
                max,
                three,
            } => self.slice_expr(e, x, lo.as_deref(), hi.as_deref(), max.as_deref(), *three),
            ExprKind::TypeAssert(x, t) => {
                let xo = self.value(x, None);
                let Some(t) = t else {
                    self.err(e.span, "use of .(type) outside type switch");
                    return Operand::invalid();
                };
                let tt = self.type_expr(t);
                if xo.is_invalid() {
                    return Operand::invalid();
                }
                if !self.tt.is_interface(xo.ty) {
                    let s = self.operand_string(&xo, x);
                    self.err(
                        x.span,
                        format!("invalid operation: {} is not an interface", s),
                    );
                    return Operand::invalid();
                }
                self.check_type_assertable(xo.ty, tt, t.span, e);
                Operand {
                    mode: Mode::CommaOk,
                    ty: tt,
                    val: None,
                }
            }
            ExprKind::Call {
                fun,
                args,
                ellipsis,
                rparen,
            } => self.call(e, fun, args, *ellipsis, *rparen, hint),
            ExprKind::Star(x) => {
                let xo = self.expr(x, None);
                match xo.mode {
                    Mode::Invalid => Operand::invalid(),
                    Mode::TypeExpr => {
                        let p = self.tt.pointer(xo.ty);
                        Operand {
                            mode: Mode::TypeExpr,
                            ty: p,
                            val: None,
                        }
                    }
                    Mode::Nil => {
                        self.err(e.span, "invalid operation: cannot indirect nil");
                        Operand::invalid()
                    }
                    _ => {
                        let mut xo = xo;
                        if self.single_value(&mut xo, x).is_err() {
                            return Operand::invalid();
                        }
                        match self.tt.pointer_elem(xo.ty) {
                            Some(el) => Operand {
                                mode: Mode::Var,
                                ty: el,
                                val: None,
                            },
                            None => {
                                let s = self.operand_string(&xo, x);
                                self.err(
                                    x.span,
                                    format!("invalid operation: cannot indirect {}", s),
                                );
                                Operand::invalid()
                            }
                        }
                    }
                }
            }
            ExprKind::Unary(op, x) => self.unary(e, *op, x, hint),
            ExprKind::Binary(op, x, y) => self.binary(e, *op, x, y, hint),
            ExprKind::KeyValue(..) => {
                self.err(e.span, "unexpected key:value expression");
                Operand::invalid()
            }
            ExprKind::ArrayType { .. }
            | ExprKind::SliceType(_)
            | ExprKind::MapType(..)
            | ExprKind::ChanType(..)
            | ExprKind::FuncType(_)
            | ExprKind::StructType(_)
            | ExprKind::InterfaceType(_) => {
                let t = self.type_expr(e);
                Operand {
                    mode: if t == TypeTable::INVALID {
                        Mode::Invalid
                    } else {
                        Mode::TypeExpr
                    },
                    ty: t,
                    val: None,
                }
            }
            ExprKind::Ellipsis(_) | ExprKind::Union(_) => {
                self.err(e.span, format!("invalid use of {}", expr_string(e)));
                Operand::invalid()
            }
            ExprKind::Bad => Operand::invalid(),
            ExprKind::TupleElem(_) => match self.info.types.get(&e.id) {
                Some(&t) => Operand::value(t),
                None => Operand::invalid(),
            },
        }
    }

    fn check_type_assertable(&mut self, iface: TypeId, t: TypeId, tspan: Span, e: &Expr) {
        // A type parameter's dynamic type is known only at run time (types2 treats it as
        // an interface here).
        if t == TypeTable::INVALID || self.tt.is_interface(t) || self.tt.is_type_param(t) {
            return;
        }
        if let Some((m, why)) = self.tt.missing_method(t, iface) {
            let ts = self.ts(t);
            let is = self.ts(iface);
            let reason = match why {
                MissingReason::PointerReceiver => format!("method {} has pointer receiver", m),
                MissingReason::WrongType => format!("wrong type for method {}", m),
                MissingReason::Missing => format!("missing method {}", m),
            };
            let _ = tspan;
            self.err(
                e.span,
                format!(
                    "impossible type assertion: {}\n\t{} does not implement {} ({})",
                    expr_string(e),
                    ts,
                    is,
                    reason
                ),
            );
        }
    }

    fn func_lit(&mut self, sig: &ast::FuncType, body: &ast::Block, t: TypeId) {
        let (params, results) = match self.tt.signature(t) {
            Some(s) => (s.params.clone(), s.results.clone()),
            None => (vec![], vec![]),
        };
        self.push_scope();
        let mut k = 0;
        for f in &sig.params {
            for n in &f.names {
                let ty = params.get(k).copied().unwrap_or(TypeTable::INVALID);
                let o = self.new_obj(&n.name, ObjKind::Var(VarKind::Param), ty, n.span);
                self.declare(&n.name, o, n.span);
                k += 1;
            }
            if f.names.is_empty() {
                k += 1;
            }
        }
        let mut k = 0;
        let mut named = false;
        let mut result_objs = Vec::new();
        for f in &sig.results {
            for n in &f.names {
                named = true;
                let ty = results.get(k).copied().unwrap_or(TypeTable::INVALID);
                let o = self.new_obj(&n.name, ObjKind::Var(VarKind::Result), ty, n.span);
                result_objs.push(o);
                self.declare(&n.name, o, n.span);
                k += 1;
            }
            if f.names.is_empty() {
                k += 1;
            }
        }
        let saved_iota = self.iota.take();
        self.fns.push(super::decl::FnCtx {
            results: results.clone(),
            named_results: named,
            labels: HashMap::new(),
            result_objs,
        });
        self.func_block(body, !results.is_empty());
        self.fns.pop();
        self.iota = saved_iota;
        self.pop_scope();
    }

    // ---- unary and binary ----

    fn unary(&mut self, e: &Expr, op: UnOp, x: &Expr, hint: Option<TypeId>) -> Operand {
        if op == UnOp::Addr {
            // &T{...} and &x
            let inner = unparen(x);
            let h = hint.and_then(|h| self.tt.pointer_elem(h));
            let mut xo = self.expr(x, h);
            if xo.is_invalid() {
                return Operand::invalid();
            }
            let is_lit = matches!(inner.kind, ExprKind::CompositeLit { .. });
            if xo.mode != Mode::Var && !is_lit {
                if self.single_value(&mut xo, x).is_err() {
                    return Operand::invalid();
                }
                let s = self.operand_string(&xo, x);
                self.err(
                    x.span,
                    format!("invalid operation: cannot take address of {}", s),
                );
                return Operand::invalid();
            }
            let p = self.tt.pointer(xo.ty);
            return Operand::value(p);
        }
        if op == UnOp::Recv {
            let mut xo = self.value(x, None);
            if xo.is_invalid() {
                return Operand::invalid();
            }
            match self.tt.under(xo.ty).clone() {
                Type::Chan(d, el) => {
                    if d == ChanDir::Send {
                        let s = self.operand_string(&xo, x);
                        let ts = self.ts(xo.ty);
                        self.err(
                            x.span,
                            format!(
                                "invalid operation: cannot receive from send-only channel {} {}",
                                ts, s
                            ),
                        );
                        return Operand::invalid();
                    }
                    xo = Operand {
                        mode: Mode::CommaOk,
                        ty: el,
                        val: None,
                    };
                    return xo;
                }
                _ => {
                    let s = self.operand_string(&xo, x);
                    self.err(
                        e.span,
                        format!("invalid operation: cannot receive from non-channel {}", s),
                    );
                    return Operand::invalid();
                }
            }
        }
        if op == UnOp::Tilde {
            self.err(e.span, "invalid use of ~ outside a type constraint");
            return Operand::invalid();
        }
        let mut xo = self.value(x, hint);
        if xo.is_invalid() {
            return Operand::invalid();
        }
        let ok = match op {
            UnOp::Pos | UnOp::Neg => {
                self.tt.is_numeric(xo.ty) || self.tparam_all(xo.ty, |tt, t| tt.is_numeric(t))
            }
            UnOp::Not => self.tt.is_boolean(xo.ty),
            UnOp::Xor => {
                self.tt.is_integer(xo.ty) || self.tparam_all(xo.ty, |tt, t| tt.is_integer(t))
            }
            _ => false,
        };
        if !ok {
            let s = self.operand_string(&xo, x);
            self.err(
                x.span,
                format!(
                    "invalid operation: operator {} not defined on {}",
                    op.as_str(),
                    s
                ),
            );
            return Operand::invalid();
        }
        if let Some(v) = xo.val.clone() {
            let bits = self.tt.is_unsigned(xo.ty).then(|| self.tt.int_bits(xo.ty));
            if let Ok(v) = constant::unary_op(op, &v, bits) {
                match self.check_overflow(v, xo.ty, e) {
                    Some(v) => {
                        xo.val = Some(v);
                        xo.mode = Mode::Const;
                    }
                    None => return Operand::invalid(),
                }
            }
            return xo;
        }
        Operand::value(xo.ty)
    }

    /// Whether every type in a type parameter's type set satisfies `f`.
    pub(crate) fn tparam_all(&self, t: TypeId, f: impl Fn(&TypeTable, TypeId) -> bool) -> bool {
        if let Type::TypeParam(p) = self.tt.get(t) {
            if let Some(i) = self.tt.interface_of(p.constraint) {
                if let Some(ts) = &i.terms {
                    return ts.iter().all(|term| f(&self.tt, term.ty));
                }
            }
        }
        false
    }

    /// A constant result must be representable (types2's `overflow`): a typed one in its type
    /// (`x * 2 (constant 200 of type int8) overflows int8`; the value is rounded to the type;
    /// None after reporting), an untyped integer in 512 bits (`constant shift overflow`,
    /// reported at the operator; the value becomes unknown).
    pub(crate) fn check_overflow(
        &mut self,
        v: ConstValue,
        t: TypeId,
        e: &Expr,
    ) -> Option<ConstValue> {
        if self.tt.is_untyped(t) {
            if v.bit_len().is_some_and(|n| n > constant::PREC) {
                let name = match &e.kind {
                    ExprKind::Binary(op, ..) => match op {
                        BinOp::Add => "addition ",
                        BinOp::Sub => "subtraction ",
                        BinOp::Xor => "bitwise XOR ",
                        BinOp::Mul => "multiplication ",
                        BinOp::Shl => "shift ",
                        _ => "",
                    },
                    ExprKind::Unary(UnOp::Xor, _) => "bitwise complement ",
                    _ => "",
                };
                self.errat(op_pos(e), format!("constant {}overflow", name));
                // types2 goes on with an unknown value (no follow-up errors).
                return Some(ConstValue::Unknown);
            }
            return Some(v);
        }
        match self.tt.basic_kind(t) {
            Some(k) => match v.convert_to(k) {
                Ok(v) => Some(v),
                Err(_) => {
                    // `s + 100 (constant 300 of uint8 type Small) overflows uint8`
                    let x = Operand {
                        mode: Mode::Const,
                        ty: t,
                        val: Some(v),
                    };
                    let s = self.operand_string(&x, e);
                    let ts = self.ts(self.tt.underlying(t));
                    self.err(e.span, format!("{} overflows {}", s, ts));
                    None
                }
            },
            None => Some(v),
        }
    }

    fn binary(
        &mut self,
        e: &Expr,
        op: BinOp,
        xe: &Expr,
        ye: &Expr,
        hint: Option<TypeId>,
    ) -> Operand {
        if matches!(op, BinOp::Shl | BinOp::Shr) {
            return self.shift(e, op, xe, ye, hint);
        }
        // A comparison's operands do not take the type its result is used as.
        let hint = if op.is_comparison() { None } else { hint };
        let mut x = self.value(xe, hint);
        let mut y = self.value(ye, hint);
        if x.is_invalid() || y.is_invalid() {
            return Operand::invalid();
        }
        // Match types: untyped operand takes the other's type.
        if x.mode == Mode::Nil || y.mode == Mode::Nil {
            // handled in comparison
        }
        let xu = self.tt.is_untyped(x.ty);
        let yu = self.tt.is_untyped(y.ty);
        if xu && !yu {
            if !self.convert_untyped_binop(&mut x, xe, y.ty, e, op, &y, ye) {
                return Operand::invalid();
            }
        } else if yu && !xu {
            if !self.convert_untyped_binop(&mut y, ye, x.ty, e, op, &x, xe) {
                return Operand::invalid();
            }
        } else if xu && yu {
            // Both untyped: bring to the same kind.
            let (xn, yn) = (self.tt.is_numeric(x.ty), self.tt.is_numeric(y.ty));
            if xn && yn {
                let rank = |t: TypeId| match t {
                    TypeTable::UNTYPED_INT => 0,
                    TypeTable::UNTYPED_RUNE => 1,
                    TypeTable::UNTYPED_FLOAT => 2,
                    _ => 3,
                };
                let t = if rank(x.ty) >= rank(y.ty) { x.ty } else { y.ty };
                x.ty = t;
                y.ty = t;
            }
        }
        if op.is_comparison() {
            return self.comparison(e, op, x, y, xe, ye);
        }
        if !self.tt.identical(x.ty, y.ty) {
            if x.ty != TypeTable::INVALID && y.ty != TypeTable::INVALID {
                let (a, b) = (self.ts(x.ty), self.ts(y.ty));
                self.err(
                    xe.span,
                    format!(
                        "invalid operation: {} (mismatched types {} and {})",
                        expr_string(e),
                        a,
                        b
                    ),
                );
            }
            return Operand::invalid();
        }
        let t = x.ty;
        let ok = match op {
            BinOp::Add => {
                self.tt.is_numeric(t)
                    || self.tt.is_string(t)
                    || self.tparam_all(t, |tt, t| tt.is_numeric(t) || tt.is_string(t))
            }
            BinOp::Sub | BinOp::Mul | BinOp::Div => {
                self.tt.is_numeric(t) || self.tparam_all(t, |tt, t| tt.is_numeric(t))
            }
            BinOp::Rem | BinOp::And | BinOp::Or | BinOp::Xor | BinOp::AndNot => {
                self.tt.is_integer(t) || self.tparam_all(t, |tt, t| tt.is_integer(t))
            }
            BinOp::LAnd | BinOp::LOr => self.tt.is_boolean(t),
            _ => false,
        };
        if !ok {
            let s = self.operand_string(&x, xe);
            self.err(
                xe.span,
                format!(
                    "invalid operation: operator {} not defined on {}",
                    op.as_str(),
                    s
                ),
            );
            return Operand::invalid();
        }
        // Division by constant zero.
        if matches!(op, BinOp::Div | BinOp::Rem) && self.tt.is_integer(t)
            || (op == BinOp::Div && x.val.is_some())
        {
            if let Some(v) = &y.val {
                if v.is_zero() {
                    self.err(ye.span, "invalid operation: division by zero");
                    return Operand::invalid();
                }
            }
        }
        if let (Some(a), Some(b)) = (&x.val, &y.val) {
            let integer = self.tt.is_integer(t);
            match constant::binary_op(op, a, b, integer) {
                Ok(v) => {
                    let Some(v) = self.check_overflow(v, t, e) else {
                        return Operand::invalid();
                    };
                    return Operand {
                        mode: Mode::Const,
                        ty: t,
                        val: Some(v),
                    };
                }
                Err(ConstErr::DivByZero) => {
                    self.err(ye.span, "invalid operation: division by zero");
                    return Operand::invalid();
                }
                Err(ConstErr::Overflow) => {
                    self.errat(op_pos(e), "constant result is not representable");
                    return Operand {
                        mode: Mode::Const,
                        ty: t,
                        val: Some(ConstValue::Unknown),
                    };
                }
                Err(ConstErr::Invalid) => return Operand::value(t),
            }
        }
        if xu && yu {
            // Non-constant untyped (e.g. comparison results combined with &&).
            return Operand::value(t);
        }
        Operand::value(t)
    }

    /// types2's `convertUntyped`: convert untyped `x` to `target`, reporting a failure as
    /// `256 (untyped int constant) overflows uint8` / `1.5 (untyped float constant) truncated
    /// to int` / `cannot convert "a" (untyped string constant) to type int` (naming the
    /// underlying type).
    pub(crate) fn convert_untyped_or_report(
        &mut self,
        x: &mut Operand,
        e: &Expr,
        target: TypeId,
    ) -> bool {
        let before = x.clone();
        if self.convert_untyped(x, e, target) {
            return true;
        }
        let tu = if self.tt.is_type_param(target) {
            target
        } else {
            self.tt.underlying(target)
        };
        let ts = self.ts(tu);
        let s = self.operand_string(&before, e);
        let msg = match (&before.val, self.tt.basic_kind(tu)) {
            (Some(v), Some(k)) if self.tt.is_numeric(before.ty) && k.is_numeric() => {
                match v.convert_to(k) {
                    Err(false) => format!("{} truncated to {}", s, ts),
                    _ => format!("{} overflows {}", s, ts),
                }
            }
            _ => format!("cannot convert {} to type {}", s, ts),
        };
        self.err(e.span, msg);
        false
    }

    /// Convert the untyped operand of a binary operation to the other operand's type.
    #[allow(clippy::too_many_arguments)]
    fn convert_untyped_binop(
        &mut self,
        x: &mut Operand,
        xe: &Expr,
        target: TypeId,
        e: &Expr,
        op: BinOp,
        other: &Operand,
        _oe: &Expr,
    ) -> bool {
        if x.mode == Mode::Nil && op.is_comparison() {
            if self.convert_untyped(x, xe, target) {
                return true;
            }
            let s = self.operand_string(other, _oe);
            let _ = s;
            let ts = self.ts(target);
            self.err(
                xe.span,
                format!(
                    "invalid operation: {} (mismatched types {} and untyped nil)",
                    expr_string(e),
                    ts
                ),
            );
            return false;
        }
        if self.tt.is_interface(target) && !self.tt.is_type_param(target) {
            if op.is_comparison() {
                self.default_operand(x, xe);
                return true;
            }
            let xt = x.ty;
            self.mismatched_types(e, xe, xt, target);
            return false;
        }
        let before = x.clone();
        if self.convert_untyped(x, xe, target) {
            return true;
        }
        // Representability failure vs. type mismatch.
        let tu = self.tt.underlying(target);
        let both_numeric = self.tt.is_numeric(before.ty) && self.tt.is_numeric(tu);
        if let (Some(v), true) = (&before.val, both_numeric) {
            let ts = self.ts(if self.tt.is_type_param(target) {
                target
            } else {
                tu
            });
            let k = self.tt.basic_kind(target).unwrap_or(BasicKind::Invalid);
            let s = self.operand_string(&before, xe);
            let msg = match v.convert_to(k) {
                Err(true) => format!("{} overflows {}", s, ts),
                _ => format!("{} truncated to {}", s, ts),
            };
            self.err(xe.span, msg);
            return false;
        }
        self.mismatched_types(e, xe, before.ty, target);
        false
    }

    /// `invalid operation: x op y (mismatched types X and Y)` for operand `xe` of binary
    /// expression `e` (of type `xt`) against `target`: the types in the order written, at the
    /// left operand.
    fn mismatched_types(&mut self, e: &Expr, xe: &Expr, xt: TypeId, target: TypeId) {
        let (lt, rt) = match &e.kind {
            ExprKind::Binary(_, l, _) if l.id == xe.id => (self.ts(xt), self.ts(target)),
            _ => (self.ts(target), self.ts(xt)),
        };
        let lspan = match &e.kind {
            ExprKind::Binary(_, l, _) => l.span,
            _ => e.span,
        };
        self.err(
            lspan,
            format!(
                "invalid operation: {} (mismatched types {} and {})",
                expr_string(e),
                lt,
                rt
            ),
        );
    }

    fn comparison(
        &mut self,
        e: &Expr,
        op: BinOp,
        x: Operand,
        y: Operand,
        xe: &Expr,
        ye: &Expr,
    ) -> Operand {
        let xnil = x.mode == Mode::Nil;
        let ynil = y.mode == Mode::Nil;
        let mut ok = self.assignable(&x, y.ty).is_ok() || self.assignable(&y, x.ty).is_ok();
        let mut why = String::new();
        // types2 reports a type mismatch at the second operand.
        let mut err_at = ye.span;
        if !ok {
            let (a, b) = (self.ts(x.ty), self.ts(y.ty));
            self.err(
                ye.span,
                format!(
                    "invalid operation: {} (mismatched types {} and {})",
                    expr_string(e),
                    a,
                    b
                ),
            );
            return Operand::invalid();
        }
        if matches!(op, BinOp::Eq | BinOp::Ne) {
            if xnil && ynil {
                ok = false;
                why = format!("operator {} not defined on untyped nil", op.as_str());
            } else if xnil || ynil {
                let t = if xnil { y.ty } else { x.ty };
                let tu = self.tt.under(t);
                if !matches!(
                    tu,
                    Type::Pointer(_)
                        | Type::Slice(_)
                        | Type::Map(..)
                        | Type::Chan(..)
                        | Type::Func(_)
                        | Type::Interface(_)
                ) && t != TypeTable::UNSAFE_POINTER
                {
                    ok = false;
                }
            } else {
                for (o, oe) in [(&x, xe), (&y, ye)] {
                    if !self.tt.comparable(o.ty) && !self.tt.is_untyped(o.ty) {
                        ok = false;
                        err_at = oe.span;
                        let what = match self.tt.under(o.ty) {
                            Type::Slice(_) => "slice can only be compared to nil".to_string(),
                            Type::Map(..) => "map can only be compared to nil".to_string(),
                            Type::Func(_) => "func can only be compared to nil".to_string(),
                            Type::Struct(_) => format!(
                                "struct containing {} cannot be compared",
                                self.uncomparable_field(o.ty)
                            ),
                            _ => format!("{} cannot be compared", self.operand_string(o, oe)),
                        };
                        why = what;
                        break;
                    }
                }
            }
        } else {
            for (o, oe) in [(&x, xe), (&y, ye)] {
                if !self.tt.ordered(o.ty) && !self.tparam_all(o.ty, |tt, t| tt.ordered(t)) {
                    ok = false;
                    err_at = oe.span;
                    let what = match self.tt.under(o.ty) {
                        Type::Basic(_) => self.ts(o.ty),
                        Type::Array(..) => "array".into(),
                        Type::Slice(_) => "slice".into(),
                        Type::Struct(_) => "struct".into(),
                        Type::Pointer(_) => "pointer".into(),
                        Type::Func(_) => "func".into(),
                        Type::Interface(_) => "interface".into(),
                        Type::Map(..) => "map".into(),
                        Type::Chan(..) => "chan".into(),
                        _ => self.ts(o.ty),
                    };
                    why = format!("operator {} not defined on {}", op.as_str(), what);
                    break;
                }
            }
        }
        if !ok {
            if why.is_empty() {
                let (a, b) = (self.ts(x.ty), self.ts(y.ty));
                why = format!("mismatched types {} and {}", a, b);
            }
            self.err(
                err_at,
                format!("invalid operation: {} ({})", expr_string(e), why),
            );
            return Operand::invalid();
        }
        // Operands' final types: untyped ones default.
        let mut x = x;
        let mut y = y;
        if self.tt.is_untyped(x.ty)
            && self.tt.is_untyped(y.ty)
            && x.val.is_some()
            && y.val.is_some()
        {
            let v = constant::binary_op(
                op,
                x.val.as_ref().unwrap_or(&ConstValue::Bool(false)),
                y.val.as_ref().unwrap_or(&ConstValue::Bool(false)),
                false,
            );
            // The operands take their default types without a representability check
            // (types2 compares the exact values: `1<<100 == 1<<100` is fine).
            for (o, oe) in [(&mut x, xe), (&mut y, ye)] {
                let d = self.default_type(o.ty);
                o.ty = d;
                self.record_final(oe, d);
            }
            if let Ok(v) = v {
                return Operand {
                    mode: Mode::Const,
                    ty: TypeTable::UNTYPED_BOOL,
                    val: Some(v),
                };
            }
        }
        if !xnil {
            self.default_operand(&mut x, xe);
        }
        if !ynil {
            self.default_operand(&mut y, ye);
        }
        if let (Some(a), Some(b)) = (&x.val, &y.val) {
            if let Ok(v) = constant::binary_op(op, a, b, self.tt.is_integer(x.ty)) {
                return Operand {
                    mode: Mode::Const,
                    ty: TypeTable::UNTYPED_BOOL,
                    val: Some(v),
                };
            }
        }
        Operand::value(TypeTable::UNTYPED_BOOL)
    }

    fn uncomparable_field(&self, t: TypeId) -> String {
        if let Some(fs) = self.tt.struct_fields(t) {
            for f in fs {
                if !self.tt.comparable(f.ty) {
                    return self.ts(f.ty);
                }
            }
        }
        "?".into()
    }

    fn shift(
        &mut self,
        e: &Expr,
        op: BinOp,
        xe: &Expr,
        ye: &Expr,
        hint: Option<TypeId>,
    ) -> Operand {
        let mut x = self.value(xe, hint);
        let mut y = self.value(ye, None);
        if x.is_invalid() || y.is_invalid() {
            return Operand::invalid();
        }
        // Shift count: integer (untyped constant must be a non-negative integer).
        let y_orig = y.clone();
        let unknown = x.val.as_ref().is_some_and(|v| v.is_unknown())
            || y.val.as_ref().is_some_and(|v| v.is_unknown());
        if unknown && x.val.is_some() && y.val.is_some() {
            // An unknown constant operand: an unknown (integer) result, nothing reported.
            let ty = if self.tt.is_integer(x.ty) {
                x.ty
            } else {
                TypeTable::UNTYPED_INT
            };
            return Operand {
                mode: Mode::Const,
                ty,
                val: Some(ConstValue::Unknown),
            };
        }
        if let Some(v) = y.val.clone().filter(|v| !v.is_unknown()) {
            if v.to_int().and_then(|i| i.sign()) == Some(-1) {
                let s = self.operand_string(&y, ye);
                self.err(
                    ye.span,
                    format!("invalid operation: negative shift count {}", s),
                );
                return Operand::invalid();
            }
            if self.tt.is_untyped(y.ty) {
                match v.convert_to(BasicKind::Uint) {
                    Ok(_) => {
                        let mut yy = y.clone();
                        self.convert_untyped(&mut yy, ye, TypeTable::UINT);
                        y = yy;
                    }
                    Err(overflow) => {
                        let s = self.operand_string(&y, ye);
                        let how = if overflow {
                            "overflows"
                        } else {
                            "truncated to"
                        };
                        self.err(ye.span, format!("{} {} uint", s, how));
                        return Operand::invalid();
                    }
                }
            } else if v.to_int().is_none() {
                let s = self.operand_string(&y, ye);
                self.err(
                    ye.span,
                    format!("invalid operation: shift count {} must be integer", s),
                );
                return Operand::invalid();
            }
        } else if self.tt.is_untyped(y.ty) && self.tt.is_numeric(y.ty) {
            // A non-constant untyped count (itself an untyped shift) becomes a uint.
            if !self.convert_untyped_or_report(&mut y, ye, TypeTable::UINT) {
                return Operand::invalid();
            }
        } else if !self.tt.is_integer(y.ty) {
            let s = self.operand_string(&y, ye);
            self.err(
                ye.span,
                format!("invalid operation: shift count {} must be integer", s),
            );
            return Operand::invalid();
        }
        // Left operand.
        let x_ty_orig = x.ty;
        if let Some(v) = &x.val {
            if self.tt.is_untyped(x.ty) && !v.is_unknown() {
                // Untyped constant must be representable as an integer.
                match v.to_int() {
                    Some(i) => {
                        if x.ty != TypeTable::UNTYPED_RUNE {
                            x.ty = TypeTable::UNTYPED_INT;
                        }
                        x.val = Some(i);
                    }
                    None => {
                        let s = self.operand_string(&x, xe);
                        self.err(
                            xe.span,
                            format!("invalid operation: shifted operand {} must be integer", s),
                        );
                        return Operand::invalid();
                    }
                }
            }
            if let (Some(a), Some(yv)) = (x.val.clone(), y.val.clone()) {
                let s = yv.to_int().and_then(|i| i.as_i128()).unwrap_or(-1);
                if !(0..=constant::MAX_SHIFT as i128).contains(&s) {
                    let ys = self.operand_string(&y_orig, ye);
                    self.err(
                        ye.span,
                        format!("invalid operation: invalid shift count {}", ys),
                    );
                    return Operand::invalid();
                }
                return match constant::shift(op, &a, s as u64) {
                    Ok(v) => match self.check_overflow(v, x.ty, e) {
                        Some(v) => Operand {
                            mode: Mode::Const,
                            ty: x.ty,
                            val: Some(v),
                        },
                        None => Operand::invalid(),
                    },
                    Err(_) => {
                        let s = self.operand_string(&x, xe);
                        self.err(
                            xe.span,
                            format!("invalid operation: shifted operand {} must be integer", s),
                        );
                        Operand::invalid()
                    }
                };
            }
            if self.tt.is_untyped(x.ty) {
                // Non-constant shift of an untyped constant: the constant takes the context's
                // type (recorded when the result's type becomes known), default int.
                let t = match hint {
                    Some(h) if self.tt.is_integer(h) => h,
                    Some(h) if !self.tt.is_interface(h) && self.tt.basic_kind(h).is_some() => {
                        let s = self.operand_string(&x, xe);
                        self.err(
                            xe.span,
                            format!(
                                "invalid operation: shifted operand {} (type {}) must be integer",
                                expr_string(xe),
                                self.ts(h)
                            ),
                        );
                        let _ = s;
                        return Operand::invalid();
                    }
                    _ => {
                        // Without a typed context the shift stays an untyped (non-constant)
                        // value: the constant takes the type the expression finally gets
                        // (`1.0<<s == j` with j int32: int32; `x := 1.0 << s`: float64,
                        // reported by `record_final`).
                        return Operand {
                            mode: Mode::Value,
                            ty: x_ty_orig,
                            val: None,
                        };
                    }
                };
                let mut xx = x.clone();
                self.convert_untyped(&mut xx, xe, t);
                return Operand::value(t);
            }
        }
        if !self.tt.is_integer(x.ty) && !self.tparam_all(x.ty, |tt, t| tt.is_integer(t)) {
            let s = self.operand_string(&x, xe);
            self.err(
                xe.span,
                format!("invalid operation: shifted operand {} must be integer", s),
            );
            return Operand::invalid();
        }
        Operand::value(x.ty)
    }
}

/// The position of an operation's operator (types2 reports constant overflows there): the
/// operator of a binary expression, found between its operands (one space or none on each
/// side, as gofmt writes them), else the start of the expression.
fn op_pos(e: &Expr) -> u32 {
    match &e.kind {
        ExprKind::Binary(op, x, y) => {
            let len = op.as_str().len() as u32;
            let gap = y.span.lo.saturating_sub(x.span.hi);
            if gap <= len {
                x.span.hi
            } else if gap == len + 2 {
                x.span.hi + 1
            } else {
                y.span.lo.saturating_sub(len + 1)
            }
        }
        _ => e.span.lo,
    }
}
