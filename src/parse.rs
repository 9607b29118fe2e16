//! Parsing: the one entry point from source text to [`ast`].
//!
//! The LALRPOP grammar (`grammar/go.lalrpop`) has a single start symbol `Unit`; a marker token put
//! in front of the token stream selects a source file, a REPL input, or a REPL input made of
//! declarations only (methods: `func (r T) M()` cannot share a grammar with statements that
//! start with a function literal).
//!
//! Errors are reported as cmd/compile reports them: every lexical error (the scanner goes on
//! after each), and the first syntax error, worded like cmd/compile's parser
//! (`syntax error: unexpected newline in argument list; possibly missing comma or )`).

use crate::ast::{self, IdGen};
use crate::diag::Diagnostic;
use crate::lexer::Lexer;
use crate::token::{LexError, SemiKind, Tok};
use lalrpop_util::ParseError;

lalrpop_util::lalrpop_mod!(
    #[allow(clippy::all, clippy::pedantic, unused_parens, dead_code)]
    go
);

/// One item of a REPL input.
#[derive(Clone, Debug)]
pub enum ReplItem {
    Import(ast::Import),
    /// A top-level declaration: `func`, and also `var`, `const`, `type` written at the prompt.
    Decl(ast::Decl),
    /// A statement (including an expression statement).
    Stmt(ast::Stmt),
}

/// Parses a Go source file.
pub fn parse_file(file_name: &str, src: &str, ids: &IdGen) -> Result<ast::File, Vec<Diagnostic>> {
    let _ = file_name; // positions are byte offsets; the caller's SourceMap names the file
    match run(Tok::StartFile, src, ids) {
        Ok(build::Unit::File(f)) => Ok(f),
        Ok(build::Unit::Repl(_)) => Err(vec![Diagnostic::internal(0, "parse_file: not a file")]),
        Err(d) => Err(d),
    }
}

/// Parses one REPL input: imports, declarations and statements in any order, no package
/// clause. `var`/`const`/`type` declarations become [`ReplItem::Decl`].
pub fn parse_repl(src: &str, ids: &IdGen) -> Result<Vec<ReplItem>, Vec<Diagnostic>> {
    let start = ids.peek();
    let parts = match run(Tok::StartRepl, src, ids) {
        Ok(u) => u,
        Err(first) => {
            // Method declarations (`func (r T) M()`) only parse as a declarations-only input.
            let retry = IdGen::starting_at(start);
            match run(Tok::StartDecls, src, &retry) {
                Ok(u) => {
                    // Advance the caller's ids past the ones used.
                    while ids.peek() < retry.peek() {
                        ids.next();
                    }
                    u
                }
                Err(_) => return Err(first),
            }
        }
    };
    let build::Unit::Repl(parts) = parts else {
        return Err(vec![Diagnostic::internal(
            0,
            "parse_repl: not a REPL input",
        )]);
    };
    let mut items = Vec::new();
    for p in parts {
        match p {
            build::ReplPart::Imports(v) => items.extend(v.into_iter().map(ReplItem::Import)),
            build::ReplPart::Decl(d) => items.push(ReplItem::Decl(d)),
            build::ReplPart::Stmt(s) => match s.kind {
                ast::StmtKind::Decl(d) => items.push(ReplItem::Decl(d)),
                _ => items.push(ReplItem::Stmt(s)),
            },
        }
    }
    Ok(items)
}

/// Whether a REPL input is unfinished and the REPL should read another line: unbalanced
/// `(`, `[`, `{` (outside strings and comments), an unterminated raw string or block comment.
pub fn is_incomplete(src: &str) -> bool {
    let b = src.as_bytes();
    let mut depth: i64 = 0;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth -= 1,
            b'`' => match src[i + 1..].find('`') {
                Some(j) => i += j + 1,
                None => return true,
            },
            b'"' | b'\'' => {
                let q = b[i];
                i += 1;
                while i < b.len() && b[i] != q && b[i] != b'\n' {
                    if b[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => match src[i + 2..].find("*/") {
                Some(j) => i += j + 3,
                None => return true,
            },
            _ => {}
        }
        i += 1;
    }
    depth > 0
}

type PErr = ParseError<usize, Tok, LexError>;

fn run(start: Tok, src: &str, ids: &IdGen) -> Result<build::Unit, Vec<Diagnostic>> {
    let mut lx = Lexer::new(src);
    let res = {
        let toks = std::iter::once(Ok((0, start, 0))).chain(&mut lx);
        go::UnitParser::new().parse(ids, toks)
    };
    // Lexical errors after a syntax error are still reported (Go's scanner sees the whole file).
    for _ in lx.by_ref() {}
    let mut diags: Vec<Diagnostic> = lx
        .errors
        .iter()
        .map(|e| Diagnostic::syntax(e.pos as u32, e.msg.clone()))
        .collect();
    match res {
        Ok(u) if diags.is_empty() => Ok(u),
        Ok(_) => Err(diags),
        Err(e) => {
            diags.push(syntax_error(src, e));
            diags.sort_by_key(|d| d.pos);
            Err(diags)
        }
    }
}

/// How Go names a token in `syntax error: unexpected X`.
pub fn tok_desc(src: &str, tok: &Tok, lo: usize, hi: usize) -> String {
    let text = src.get(lo..hi).unwrap_or("");
    match tok {
        Tok::Ident(s) => format!("name {s}"),
        Tok::Int(_) | Tok::Float(_) | Tok::Imag(_) | Tok::Rune(_) | Tok::Str(_) => {
            format!("literal {text}")
        }
        Tok::Semi(SemiKind::Explicit) => "semicolon".to_string(),
        Tok::Semi(SemiKind::Newline) => "newline".to_string(),
        Tok::Semi(SemiKind::Eof) => "EOF".to_string(),
        Tok::Comma => "comma".to_string(),
        Tok::StartFile | Tok::StartRepl | Tok::StartDecls => "start".to_string(),
        t => {
            if let Some(k) = t.keyword_str() {
                format!("keyword {k}")
            } else {
                t.op_str().unwrap_or("token").to_string()
            }
        }
    }
}

fn syntax_error(src: &str, e: PErr) -> Diagnostic {
    match e {
        ParseError::User { error } => Diagnostic::syntax(error.pos as u32, error.msg),
        ParseError::InvalidToken { location } => {
            Diagnostic::syntax(location as u32, "syntax error: invalid token")
        }
        ParseError::UnrecognizedEof { location, expected } => {
            let msg = errors::unexpected(src, None, &expected);
            Diagnostic::syntax(location as u32, msg)
        }
        ParseError::UnrecognizedToken {
            token: (lo, tok, hi),
            expected,
        } => {
            let msg = errors::unexpected(src, Some((&tok, lo, hi)), &expected);
            Diagnostic::syntax(lo as u32, msg)
        }
        ParseError::ExtraToken {
            token: (lo, tok, hi),
        } => Diagnostic::syntax(
            lo as u32,
            format!("syntax error: unexpected {}", tok_desc(src, &tok, lo, hi)),
        ),
    }
}

/// Go's wording for an unexpected token, from LALRPOP's expected-terminal list.
mod errors {
    use super::*;

    pub fn unexpected(src: &str, tok: Option<(&Tok, usize, usize)>, expected: &[String]) -> String {
        let what = match tok {
            Some((t, lo, hi)) => tok_desc(src, t, lo, hi),
            None => "EOF".to_string(),
        };
        let exp: Vec<&str> = expected.iter().map(|s| s.trim_matches('"')).collect();
        let has = |t: &str| exp.contains(&t);
        let tail = if has(")") && has(",") {
            " in argument list; possibly missing comma or )".to_string()
        } else if has("}") && has(",") {
            " in composite literal; possibly missing comma or }".to_string()
        } else if exp.len() == 1 {
            format!(", expected {}", exp[0])
        } else if has(";") && has("}") && !has("{") {
            " at end of statement".to_string()
        } else if has("{") && !has(";") {
            ", expected {".to_string()
        } else {
            String::new()
        };
        format!("syntax error: unexpected {what}{tail}")
    }
}

/// Node constructors used by the grammar's actions.
pub(crate) mod build {
    use super::PErr;
    use crate::ast::*;
    use crate::token::LexError;

    pub enum Unit {
        File(File),
        Repl(Vec<ReplPart>),
    }

    pub enum ReplPart {
        Imports(Vec<Import>),
        Decl(Decl),
        Stmt(Stmt),
    }

    /// A parameter as written, before grouping: `a` (a name or a type), `a T`, or a type.
    pub enum PDecl {
        Ident(Ident),
        Named(Ident, Expr),
        Type(Expr),
    }

    fn user(pos: u32, msg: &str) -> PErr {
        lalrpop_util::ParseError::User {
            error: LexError {
                pos: pos as usize,
                msg: msg.to_string(),
            },
        }
    }

    pub fn ex(ids: &IdGen, l: usize, r: usize, kind: ExprKind) -> Expr {
        Expr {
            id: ids.next(),
            span: Span::new(l, r),
            kind,
        }
    }

    pub fn ident_expr(ids: &IdGen, n: Ident) -> Expr {
        Expr {
            id: ids.next(),
            span: n.span,
            kind: ExprKind::Ident(n.name),
        }
    }

    pub fn st(l: usize, r: usize, kind: StmtKind) -> Stmt {
        Stmt {
            span: Span::new(l, r),
            kind,
        }
    }

    pub fn bin(ids: &IdGen, l: usize, r: usize, op: BinOp, x: Expr, y: Expr) -> Expr {
        ex(ids, l, r, ExprKind::Binary(op, Box::new(x), Box::new(y)))
    }

    pub fn union(ids: &IdGen, l: usize, r: usize, t: Expr, ts: Vec<Expr>) -> Expr {
        let mut v = vec![t];
        v.extend(ts);
        ex(ids, l, r, ExprKind::Union(v))
    }

    pub fn qualified(
        ids: &IdGen,
        l: usize,
        r: usize,
        pkg: Ident,
        sel: Ident,
        args: Option<Vec<Expr>>,
    ) -> Expr {
        let hi = sel.span.hi as usize;
        let p = ident_expr(ids, pkg);
        let s = ex(ids, l, hi, ExprKind::Selector(Box::new(p), sel));
        match args {
            Some(a) => ex(ids, l, r, ExprKind::Index(Box::new(s), a)),
            None => s,
        }
    }

    pub fn named_array(
        ids: &IdGen,
        l: usize,
        r: usize,
        name: Ident,
        mut args: Vec<Expr>,
        elem: Expr,
    ) -> Result<PDecl, PErr> {
        if args.len() != 1 {
            let pos = args.get(1).map_or(l as u32, |a| a.span.lo);
            return Err(user(pos, "syntax error: unexpected comma; expecting ]"));
        }
        let len = args.pop().map(Box::new);
        Ok(PDecl::Named(
            name,
            ex(
                ids,
                l,
                r,
                ExprKind::ArrayType {
                    len,
                    elem: Box::new(elem),
                },
            ),
        ))
    }

    /// Groups parameters as cmd/compile's `paramList` does: if any parameter is named, every
    /// bare identifier is a name sharing the type of the next named one (`a, b int`); otherwise
    /// every entry is a type.
    pub fn params(ids: &IdGen, ps: Vec<PDecl>) -> Result<Vec<Field>, PErr> {
        let named = ps.iter().any(|p| matches!(p, PDecl::Named(..)));
        if !named {
            return Ok(ps
                .into_iter()
                .map(|p| {
                    let ty = match p {
                        PDecl::Ident(n) => ident_expr(ids, n),
                        PDecl::Type(t) | PDecl::Named(_, t) => t,
                    };
                    Field {
                        names: vec![],
                        span: ty.span,
                        ty,
                        tag: None,
                    }
                })
                .collect());
        }
        let mut out = Vec::new();
        let mut names: Vec<Ident> = Vec::new();
        for p in ps {
            match p {
                PDecl::Ident(n) => names.push(n),
                PDecl::Named(n, ty) => {
                    names.push(n);
                    let lo = names[0].span.lo;
                    out.push(Field {
                        names: std::mem::take(&mut names),
                        span: Span { lo, hi: ty.span.hi },
                        ty,
                        tag: None,
                    });
                }
                PDecl::Type(t) => {
                    return Err(user(
                        t.span.lo,
                        "syntax error: mixed named and unnamed parameters",
                    ))
                }
            }
        }
        if let Some(n) = names.last() {
            return Err(user(
                n.span.hi,
                "syntax error: mixed named and unnamed parameters",
            ));
        }
        Ok(out)
    }

    pub fn iotas(mut specs: Vec<ConstSpec>) -> Vec<ConstSpec> {
        for (i, s) in specs.iter_mut().enumerate() {
            s.iota = i as u32;
        }
        specs
    }

    pub fn func_decl(
        l: usize,
        r: usize,
        recv: Option<Vec<Field>>,
        name: Ident,
        tparams: Option<Vec<Field>>,
        sig: FuncType,
        body: Option<Block>,
    ) -> Result<FuncDecl, PErr> {
        let recv = match recv {
            None => None,
            Some(mut v) => match v.len() {
                1 => v.pop(),
                0 => return Err(user(l as u32 + 5, "method has no receiver")),
                _ => return Err(user(l as u32 + 5, "method has multiple receivers")),
            },
        };
        Ok(FuncDecl {
            recv,
            name,
            tparams: tparams.unwrap_or_default(),
            sig,
            body,
            span: Span::new(l, r),
        })
    }

    pub fn labeled(l: usize, r: usize, label: Ident, s: Option<Stmt>) -> Stmt {
        let s = s.unwrap_or(Stmt {
            span: Span::new(r, r),
            kind: StmtKind::Empty,
        });
        st(l, r, StmtKind::Labeled(label, Box::new(s)))
    }

    pub fn type_switch_bind(lhs: Vec<Expr>, x: Expr) -> Result<(Option<Ident>, Expr), PErr> {
        if lhs.len() == 1 {
            if let ExprKind::Ident(name) = &lhs[0].kind {
                return Ok((
                    Some(Ident {
                        name: name.clone(),
                        span: lhs[0].span,
                    }),
                    x,
                ));
            }
        }
        let pos = lhs.first().map_or(0, |e| e.span.lo);
        Err(user(
            pos,
            "syntax error: invalid variable name in type switch",
        ))
    }

    pub fn range(
        l: usize,
        r: usize,
        lhs: Vec<Expr>,
        define: bool,
        x: Expr,
        body: Block,
    ) -> Result<Stmt, PErr> {
        if lhs.len() > 2 {
            return Err(user(
                lhs[2].span.lo,
                "range clause permits at most two iteration variables",
            ));
        }
        let mut it = lhs.into_iter();
        let key = it.next();
        let value = it.next();
        Ok(st(
            l,
            r,
            StmtKind::Range {
                key,
                value,
                define,
                x,
                body,
            },
        ))
    }

    pub fn slice(
        ids: &IdGen,
        l: usize,
        r: usize,
        x: Expr,
        lo: Option<Expr>,
        hi: Option<Expr>,
        max: Option<Expr>,
    ) -> Expr {
        let three = max.is_some();
        ex(
            ids,
            l,
            r,
            ExprKind::Slice {
                x: Box::new(x),
                lo: lo.map(Box::new),
                hi: hi.map(Box::new),
                max: max.map(Box::new),
                three,
            },
        )
    }

    pub fn call(
        ids: &IdGen,
        l: usize,
        r: usize,
        fun: Expr,
        args: (Vec<Expr>, bool),
        rparen: usize,
    ) -> Expr {
        ex(
            ids,
            l,
            r,
            ExprKind::Call {
                fun: Box::new(fun),
                args: args.0,
                ellipsis: args.1,
                rparen: Span::new(rparen, rparen + 1),
            },
        )
    }

    pub fn composite(
        ids: &IdGen,
        l: usize,
        r: usize,
        ty: Option<Expr>,
        v: (Vec<Element>, Span),
    ) -> Expr {
        ex(
            ids,
            l,
            r,
            ExprKind::CompositeLit {
                ty: ty.map(Box::new),
                elems: v.0,
                rbrace: v.1,
            },
        )
    }
}

#[cfg(test)]
mod tests;
