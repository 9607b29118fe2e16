//! Parsing: source text to [`ast`], with cmd/compile's error messages.
//!
//! API (the rest of the crate calls only these):
//! - [`parse_file`]`(file_name, src, &IdGen) -> Result<ast::File, Vec<Diagnostic>>`
//! - [`parse_file_with_errors`]`(file_name, src, &IdGen) -> (Option<ast::File>, Vec<Diagnostic>)`
//!   (the AST also when the only errors are lexical, as cmd/compile then still type-checks)
//! - [`parse_repl`]`(src, &IdGen) -> Result<Vec<ReplItem>, Vec<Diagnostic>>`
//! - [`is_incomplete`]`(src) -> bool` (the REPL reads another line)
//!
//! The LALRPOP grammar (`grammar/go.lalrpop`, LR(1), no conflicts) has a single start symbol
//! `Unit`; a marker token put in front of the token stream selects a source file, a REPL input,
//! or a REPL input made of declarations only (methods: `func (r T) M()` cannot share a grammar
//! with statements that start with a function literal). One start symbol keeps one parse table.
//!
//! Errors are reported as cmd/compile reports them: every lexical error (the scanner goes on
//! after each, and lexical errors after the first syntax error are reported too), and the
//! syntax errors, worded like cmd/compile's parser (`syntax error: unexpected newline in
//! argument list; possibly missing comma or )`) at Go's positions. Go's recursive-descent parser
//! words an error after what it was parsing; the private `errors` module recovers that context
//! from LALRPOP's expected terminals and the brackets open before the error. After the first
//! syntax error, `recover` (`parse/recover.rs`) finds the next ones: it edits the token stream
//! the way Go's parser recovers (tokens Go skips are deleted, a token Go assumes is inserted)
//! and parses it again; after an error whose recovery it does not model it stops (fewer errors
//! than Go, never other ones). `diag::render_all` then keeps one syntax error per line and
//! stops after 10, as cmd/compile. Golden tests: `src/parse/testdata/errors/`
//! (`*.err` produced by Go; `sh src/parse/testdata/regen.sh` regenerates them). Set
//! `MINIGO_PARSE_DEBUG=1` to print LALRPOP's raw error (token, expected terminals) on stderr.
//!
//! Diagnostics positions are byte offsets into `src`; render them with `diag::SourceMap`.

use crate::ast::{self, IdGen};
use crate::diag::Diagnostic;
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

/// Like [`parse_file`], but also returns the AST when the only errors are lexical (a bad escape,
/// an invalid digit, an invalid character...): cmd/compile type-checks such a file and reports
/// its type errors together with the lexical ones (it stops before type checking only after a
/// `syntax error`). The file is `None` after a syntax error. Every diagnostic is in the vector.
pub fn parse_file_with_errors(
    file_name: &str,
    src: &str,
    ids: &IdGen,
) -> (Option<ast::File>, Vec<Diagnostic>) {
    let _ = file_name;
    match run_lenient(Tok::StartFile, src, ids) {
        (Some(build::Unit::File(f)), d) => (Some(f), d),
        (_, d) => (None, d),
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
    match run_lenient(start, src, ids) {
        (Some(u), d) if d.is_empty() => Ok(u),
        (_, d) => Err(d),
    }
}

/// The parse result if the token stream parsed (even with lexical errors), and all diagnostics.
fn run_lenient(start: Tok, src: &str, ids: &IdGen) -> (Option<build::Unit>, Vec<Diagnostic>) {
    let start_is_file = start == Tok::StartFile;
    // Lexical errors after a syntax error are still reported (Go's scanner sees the whole file).
    let (mut toks, lex_errors) = crate::lexer::tokenize(src);
    let mut diags: Vec<Diagnostic> = lex_errors
        .iter()
        .map(|e| Diagnostic::syntax(e.pos as u32, e.msg.clone()))
        .collect();
    // The lexer stopped at its nesting limit: the rest of the file was not read, and the
    // syntax errors of the truncated stream would be spurious.
    if lex_errors
        .iter()
        .any(|e| e.msg.starts_with("too deeply nested"))
    {
        return (None, diags);
    }
    let mut res = reword_not_a_type(&start, &toks, parse_stream(start.clone(), &toks, ids));
    // An input Go's parser accepts where the LR grammar does not (a function type as an
    // operand): the syntax errors are the ones after it, in the stream edited to what Go
    // reads. (If there are none, Go's type checker reports it; the first LR error stands.)
    if start_is_file && res.is_err() {
        let mut edited = toks.clone();
        let mut again = None;
        for _ in 0..8 {
            let Err((e, idx)) = again.as_ref().unwrap_or(&res) else {
                break;
            };
            if !recover::accept_func_type(&mut edited, e, *idx) {
                break;
            }
            let r = parse_stream(start.clone(), &edited, &IdGen::new());
            again = Some(reword_not_a_type(&start, &edited, r));
        }
        if let Some(r @ Err(_)) = again {
            res = r;
            toks = edited;
        }
    }
    match res {
        Ok(u) => (Some(u), diags),
        Err((e, idx)) => {
            let resumable = matches!(
                e,
                ParseError::UnrecognizedToken { .. } | ParseError::User { .. }
            );
            let first = syntax_error(src, &toks, idx, e, start_is_file);
            if start_is_file {
                let at = if idx < toks.len() {
                    idx
                } else {
                    (0..toks.len())
                        .find(|&k| toks[k].0 >= first.pos as usize)
                        .unwrap_or(idx)
                };
                if let Some(r) = recover::receiver_error(&toks, at) {
                    if r != first {
                        diags.push(r);
                    }
                }
            }
            // A source file: the syntax errors after the first, as Go's parser finds them
            // after its error recovery. (The REPL reports the first.)
            let more = if start_is_file && resumable {
                recover::more_errors(src, toks, &first, idx)
            } else {
                Vec::new()
            };
            diags.push(first);
            diags.extend(more);
            diags.sort_by_key(|d| d.pos);
            (None, diags)
        }
    }
}

/// The error [`build::composite_of`] returns (`{` after an expression that cannot be a type)
/// becomes the error the LR parser would report at that `{` if it did not take it for a
/// composite literal: its expected terminals are found by parsing again with a token that
/// nothing accepts in place of the `{`.
fn reword_not_a_type(
    start: &Tok,
    toks: &[crate::lexer::Spanned],
    res: Result<build::Unit, (PErr, usize)>,
) -> Result<build::Unit, (PErr, usize)> {
    let k = match &res {
        Err((ParseError::User { error }, _)) if error.msg == build::NOT_A_TYPE => {
            match toks
                .iter()
                .position(|t| t.0 == error.pos && t.1 == Tok::LBrace)
            {
                Some(k) => k,
                None => return res,
            }
        }
        // An error inside such a literal: Go stopped at its `{`.
        Err((ParseError::UnrecognizedToken { .. } | ParseError::UnrecognizedEof { .. }, j)) => {
            match recover::value_brace(toks, *j) {
                Some(k) => k,
                None => return res,
            }
        }
        _ => return res,
    };
    let mut probe = toks.to_vec();
    probe[k].1 = Tok::Package;
    match parse_stream(start.clone(), &probe, &IdGen::new()) {
        Err((ParseError::UnrecognizedToken { mut expected, .. }, j)) if j == k => {
            expected.retain(|e| e != "\"{\"");
            Err((
                ParseError::UnrecognizedToken {
                    token: toks[k].clone(),
                    expected,
                },
                k,
            ))
        }
        _ => res,
    }
}

/// Parses `toks` behind the marker `start`. On an error, also the index in `toks` of the token
/// the parser stopped at (`toks.len()` at the end of the input).
fn parse_stream(
    start: Tok,
    toks: &[crate::lexer::Spanned],
    ids: &IdGen,
) -> Result<build::Unit, (PErr, usize)> {
    let pulled = std::cell::Cell::new(0usize);
    let stream = std::iter::once(Ok((0, start, 0))).chain(toks.iter().map(|t| {
        pulled.set(pulled.get() + 1);
        Ok(t.clone())
    }));
    go::UnitParser::new().parse(ids, stream).map_err(|e| {
        // LALRPOP stops at its lookahead, the last token it pulled.
        let idx = match &e {
            ParseError::UnrecognizedToken {
                token: (lo, t, _), ..
            } => {
                let i = pulled.get().saturating_sub(1);
                if toks.get(i).is_some_and(|(l, u, _)| l == lo && u == t) {
                    i
                } else {
                    toks.iter()
                        .position(|(l, u, _)| l == lo && u == t)
                        .unwrap_or(toks.len())
                }
            }
            _ => toks.len(),
        };
        (e, idx)
    })
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

fn syntax_error(
    src: &str,
    toks: &[crate::lexer::Spanned],
    idx: usize,
    e: PErr,
    file: bool,
) -> Diagnostic {
    match e {
        ParseError::User { error } if error.msg == build::NOT_A_TYPE => {
            Diagnostic::syntax(error.pos as u32, "syntax error: unexpected {")
        }
        ParseError::User { error } => Diagnostic::syntax(error.pos as u32, error.msg),
        ParseError::InvalidToken { location } => {
            Diagnostic::syntax(location as u32, "syntax error: invalid token")
        }
        ParseError::UnrecognizedEof { expected, .. } => {
            errors::unexpected(src, toks, idx, None, &expected, file)
        }
        ParseError::UnrecognizedToken { token, expected } => {
            errors::unexpected(src, toks, idx, Some(token), &expected, file)
        }
        ParseError::ExtraToken {
            token: (lo, tok, hi),
        } => Diagnostic::syntax(
            lo as u32,
            format!("syntax error: unexpected {}", tok_desc(src, &tok, lo, hi)),
        ),
    }
}

/// Go's wording for an unexpected token.
///
/// cmd/compile's recursive-descent parser words an error after what it was parsing
/// (`in argument list; possibly missing comma or )`, `at end of statement`, `expected { after if
/// clause`, ...). Here that context is recovered from two sources: LALRPOP's list of expected
/// terminals in the failing state, and the innermost unclosed bracket before the error (and what
/// opened it: `func f(` is a parameter list, `var (` a grouped declaration, `struct {` a struct).
mod errors {
    use super::*;
    use crate::lexer::Spanned;

    /// What an unclosed bracket encloses.
    #[derive(Clone, Copy, Debug, PartialEq)]
    pub(super) enum Kind {
        Group,
        Params,
        Call,
        Paren,
        Index,
        Brack,
        Struct,
        Iface,
        Brace,
    }

    fn ends_operand(t: &Tok) -> bool {
        matches!(
            t,
            Tok::Ident(_)
                | Tok::Int(_)
                | Tok::Float(_)
                | Tok::Imag(_)
                | Tok::Rune(_)
                | Tok::Str(_)
                | Tok::RParen
                | Tok::RBrack
                | Tok::RBrace
        )
    }

    /// The stack of unclosed brackets in `toks` with their kinds.
    pub(super) fn open_brackets(toks: &[Spanned]) -> Vec<(Kind, usize)> {
        let mut stack: Vec<(Kind, usize)> = Vec::new();
        // Kind of the group closed by the previous token, if it was a closing bracket.
        let mut closed: Option<Kind> = None;
        for (i, (_, t, _)) in toks.iter().enumerate() {
            let prev = if i > 0 { Some(&toks[i - 1].1) } else { None };
            let prev2 = if i > 1 { Some(&toks[i - 2].1) } else { None };
            let mut now_closed = None;
            match t {
                Tok::LParen => {
                    let k = match (prev, prev2) {
                        (Some(Tok::Import | Tok::Var | Tok::Const | Tok::Type), _) => Kind::Group,
                        (Some(Tok::Func), _) | (Some(Tok::Ident(_)), Some(Tok::Func)) => {
                            Kind::Params
                        }
                        (Some(Tok::RParen), _) if closed == Some(Kind::Params) => Kind::Params,
                        (Some(Tok::RBrack), _) if closed == Some(Kind::Params) => Kind::Params,
                        (Some(Tok::Ident(_)), Some(Tok::RParen))
                            if i > 2 && toks[i - 2].1 == Tok::RParen && closed_at(toks, i - 2) =>
                        {
                            Kind::Params
                        }
                        (Some(Tok::Ident(_)), _)
                            if stack.last().is_some_and(|&(k, _)| k == Kind::Iface) =>
                        {
                            Kind::Params
                        }
                        (Some(p), _) if ends_operand(p) => Kind::Call,
                        _ => Kind::Paren,
                    };
                    stack.push((k, i));
                }
                Tok::LBrack => {
                    let k = match (prev, prev2) {
                        // `func F[` and `type T[`: type parameters (parsed like parameters).
                        (Some(Tok::Ident(_)), Some(Tok::Func)) => Kind::Params,
                        (Some(p), _) if ends_operand(p) => Kind::Index,
                        _ => Kind::Brack,
                    };
                    stack.push((k, i));
                }
                Tok::LBrace => {
                    let k = match prev {
                        Some(Tok::Struct) => Kind::Struct,
                        Some(Tok::Interface) => Kind::Iface,
                        _ => Kind::Brace,
                    };
                    stack.push((k, i));
                }
                Tok::RParen | Tok::RBrack | Tok::RBrace => {
                    now_closed = stack.pop().map(|(k, _)| k);
                }
                _ => {}
            }
            closed = now_closed;
        }
        stack
    }

    /// Index of the bracket that the closing bracket at `close` matches.
    fn matching_open(toks: &[Spanned], close: usize) -> Option<usize> {
        let mut depth = 0;
        for j in (0..=close).rev() {
            match toks[j].1 {
                Tok::RParen | Tok::RBrack | Tok::RBrace => depth += 1,
                Tok::LParen | Tok::LBrack | Tok::LBrace => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(j);
                    }
                }
                _ => {}
            }
        }
        None
    }

    /// Whether the `)` at `i` closes a receiver list (`func (r T)`).
    fn closed_at(toks: &[Spanned], i: usize) -> bool {
        let mut depth = 0;
        for j in (0..i).rev() {
            match toks[j].1 {
                Tok::RParen => depth += 1,
                Tok::LParen if depth > 0 => depth -= 1,
                Tok::LParen => return j > 0 && toks[j - 1].1 == Tok::Func,
                _ => {}
            }
        }
        false
    }

    /// The `if`/`for`/`switch` whose header the error is in, if any: walking back over the
    /// tokens of the current bracket level without crossing a block.
    fn header_keyword(toks: &[Spanned]) -> Option<(&Tok, usize)> {
        let mut depth = 0;
        let mut semis = 0;
        for (_, t, _) in toks.iter().rev() {
            match t {
                Tok::RParen | Tok::RBrack => depth += 1,
                Tok::RBrace if depth == 0 => return None,
                Tok::RBrace => depth += 1,
                Tok::LParen | Tok::LBrack | Tok::LBrace => {
                    if depth == 0 {
                        return None;
                    }
                    depth -= 1;
                }
                Tok::If | Tok::For | Tok::Switch if depth == 0 => return Some((t, semis)),
                Tok::Semi(_) if depth == 0 => semis += 1,
                _ => {}
            }
        }
        None
    }

    /// At top level, whether the last declaration is a `func` without body.
    fn after_bodyless_func(toks: &[Spanned]) -> bool {
        let mut depth = 0;
        for (_, t, _) in toks.iter().rev() {
            match t {
                Tok::RParen | Tok::RBrack => depth += 1,
                Tok::LParen | Tok::LBrack => depth -= 1,
                Tok::RBrace | Tok::LBrace if depth == 0 => return false,
                Tok::Func if depth == 0 => return true,
                _ => {}
            }
        }
        false
    }

    fn go_name(exp: &str) -> &str {
        match exp {
            "ident" => "name",
            ";" => "semicolon or newline",
            "," => "comma",
            e => e,
        }
    }

    /// The error at `tok` (`None`: the end of the input), the token `all[idx]` of the stream
    /// the parser saw (`idx == all.len()` at the end).
    pub fn unexpected(
        src: &str,
        all: &[Spanned],
        idx: usize,
        tok: Option<Spanned>,
        expected: &[String],
        file: bool,
    ) -> Diagnostic {
        let (pos, what) = match &tok {
            Some((lo, t, hi)) => (*lo, tok_desc(src, t, *lo, *hi)),
            None => (src.len(), "EOF".to_string()),
        };
        let idx = idx.min(all.len());
        let before = &all[..idx];
        let exp: Vec<&str> = expected.iter().map(|s| s.trim_matches('"')).collect();
        if std::env::var_os("MINIGO_PARSE_DEBUG").is_some() {
            eprintln!("parse error at {pos}: {what}; expected {exp:?}");
        }
        let has = |t: &str| exp.contains(&t);
        let syn = |tail: &str| {
            Diagnostic::syntax(pos as u32, format!("syntax error: unexpected {what}{tail}"))
        };
        let plain =
            |at: usize, msg: &str| Diagnostic::syntax(at as u32, format!("syntax error: {msg}"));

        // Package clause.
        if file && before.is_empty() {
            let found = match &tok {
                Some((_, Tok::Ident(s), _)) => s.clone(),
                Some((
                    lo,
                    t @ (Tok::Int(_) | Tok::Float(_) | Tok::Imag(_) | Tok::Rune(_) | Tok::Str(_)),
                    hi,
                )) => tok_desc(src, t, *lo, *hi)
                    .trim_start_matches("literal ")
                    .to_string(),
                Some((_, Tok::Semi(SemiKind::Newline), _)) => "newline".to_string(),
                Some((_, t, _)) => format!("'{}'", t.keyword_str().or(t.op_str()).unwrap_or(";")),
                None => "'EOF'".to_string(),
            };
            return Diagnostic::syntax(pos as u32, format!("expected 'package', found {found}"));
        }
        if file && before.len() == 2 && before[0].1 == Tok::Package {
            return syn(", expected semicolon or newline");
        }
        if file && before.len() == 1 && before[0].1 == Tok::Package {
            // Reported by the go command (go/parser) before the compiler runs.
            let found = match &tok {
                Some((_, Tok::Ident(s), _)) => s.clone(),
                Some((
                    lo,
                    Tok::Int(_) | Tok::Float(_) | Tok::Imag(_) | Tok::Rune(_) | Tok::Str(_),
                    hi,
                )) => src.get(*lo..*hi).unwrap_or("").to_string(),
                Some((_, Tok::Semi(SemiKind::Newline), _)) => "newline".to_string(),
                Some((_, t, _)) => format!("'{}'", t.keyword_str().or(t.op_str()).unwrap_or(";")),
                None => "'EOF'".to_string(),
            };
            return Diagnostic::syntax(pos as u32, format!("expected 'IDENT', found {found}"));
        }

        let prev = before.last().map(|t| &t.1);
        // Where an import spec starts (after `import`, or `(`/`;` in an import group), possibly
        // after its package name.
        let spec_start = |b: &[Spanned]| {
            matches!(b.last().map(|t| &t.1), Some(Tok::Import))
                || (matches!(b.last().map(|t| &t.1), Some(Tok::LParen | Tok::Semi(_)))
                    && open_brackets(b).last().is_some_and(|&(k, i)| {
                        k == Kind::Group && i > 0 && b[i - 1].1 == Tok::Import
                    }))
        };
        let named = matches!(prev, Some(Tok::Ident(_) | Tok::Period))
            && spec_start(&before[..before.len() - 1]);
        let at_spec = spec_start(before);
        if let (Some((lo, Tok::Str(_), hi)), Some(Tok::Str(_))) = (&tok, prev) {
            if open_brackets(before)
                .last()
                .is_some_and(|&(k, i)| k == Kind::Group && i > 0 && before[i - 1].1 == Tok::Import)
            {
                // Reported by the go command (go/parser) before the compiler runs.
                let lit = src.get(*lo..*hi).unwrap_or("");
                return Diagnostic::syntax(pos as u32, format!("expected ';', found {lit}"));
            }
        }
        if (named && !matches!(tok, Some((_, Tok::Str(_), _))))
            || (at_spec
                && !matches!(
                    tok,
                    Some((
                        _,
                        Tok::Str(_) | Tok::RParen | Tok::Ident(_) | Tok::Period,
                        _
                    ))
                ))
        {
            // Reported by the go command (go/parser) before the compiler runs.
            return Diagnostic::syntax(pos as u32, "missing import path");
        }
        if matches!(tok, Some((_, Tok::Define, _))) && has("=") && !has(":=") {
            // `var x := 1`: `gotAssign` takes `:=` for `=` and complains.
            return syn(", expected =");
        }
        match (prev, &tok) {
            (Some(Tok::Chan), _) | (Some(Tok::Arrow), _)
                if prev == Some(&Tok::Chan)
                    || before.len() >= 2 && before[before.len() - 2].1 == Tok::Chan =>
            {
                return plain(pos, "missing channel element type");
            }
            (Some(Tok::Select), Some((_, t, _))) if *t != Tok::LBrace => {
                return plain(pos, "missing { after select clause");
            }
            (Some(Tok::Return), Some((_, t, _)))
                if !matches!(t, Tok::Semi(_) | Tok::RBrace) && has("ident") =>
            {
                return syn(", expected expression");
            }
            (Some(Tok::LBrack), Some((_, Tok::RBrack, _))) => {
                // `x[]` in an expression; `T[]` in a type.
                if has(":") {
                    return syn(", expected operand");
                }
                return syn(", expected type argument list");
            }
            (Some(Tok::Colon), Some(_))
                if has("if")
                    && before.len() >= 3
                    && matches!(before[before.len() - 2].1, Tok::Ident(_))
                    && matches!(before[before.len() - 3].1, Tok::Semi(_) | Tok::LBrace) =>
            {
                // `L: ,`: a label, then no statement (Go reports it at the colon).
                return plain(before[before.len() - 1].0, "missing statement after label");
            }
            (Some(Tok::If), Some((_, Tok::LBrace, _))) => {
                return plain(pos, "missing condition in if statement");
            }
            (Some(Tok::Else), _) => {
                return plain(pos, "else must be followed by if or statement block");
            }
            (Some(kw @ (Tok::If | Tok::For | Tok::Switch)), Some((_, Tok::Var, _))) => {
                let at = all.get(idx + 1).map_or(pos, |t| t.0);
                let kw = kw.keyword_str().unwrap_or("for");
                return plain(
                    at,
                    &format!("var declaration not allowed in {kw} initializer"),
                );
            }
            _ => {}
        }

        let stack = open_brackets(before);
        let inner = stack.last().map(|&(k, _)| k);

        // Top level.
        if file && stack.is_empty() {
            if matches!(tok, Some((_, Tok::Import, _))) {
                return plain(pos, "imports must appear before other declarations");
            }
            if has("var") && has("func") {
                if matches!(tok, Some((_, Tok::LBrace, _))) && after_bodyless_func(before) {
                    return plain(pos, "unexpected semicolon or newline before {");
                }
                return plain(pos, "non-declaration statement outside function body");
            }
            if has(";") {
                return syn(" after top level declaration");
            }
        }

        // `if`/`for`/`switch` headers.
        if let Some((kw, semis)) = header_keyword(before) {
            let clause = match kw {
                Tok::If => "if",
                Tok::For => "for",
                _ => "switch",
            };
            let is_semi = matches!(tok, Some((_, Tok::Semi(_), _)));
            if matches!(tok, Some((_, Tok::LBrace, _))) {
                if let Some((slo, Tok::Semi(SemiKind::Explicit), _)) = before.last() {
                    if clause == "if" {
                        return plain(*slo, "missing condition in if statement");
                    }
                    if clause == "for" && semis == 1 {
                        // `for init; {`
                        return syn(", expected for loop condition");
                    }
                }
                if let Some((slo, Tok::Semi(k), _)) = before.last() {
                    // `if x\n{`: the newline ended the header.
                    if *k != SemiKind::Explicit && clause != "switch" {
                        let lit = if *k == SemiKind::Eof {
                            "EOF"
                        } else {
                            "newline"
                        };
                        if clause == "for" {
                            return syn(", expected for loop condition");
                        }
                        return Diagnostic::syntax(
                            *slo as u32,
                            format!(
                                "syntax error: unexpected {lit}, expected {{ after {clause} clause"
                            ),
                        );
                    }
                }
                if has(";") && !has("{") {
                    if let Some(d) = not_a_value(src, before) {
                        return d;
                    }
                }
            }
            if matches!(
                tok,
                Some((
                    _,
                    Tok::Define | Tok::Assign | Tok::OpAssign(_) | Tok::Arrow | Tok::Inc | Tok::Dec,
                    _
                ))
            ) && semis >= 1
                && clause != "for"
            {
                // `if init; x := 1 {`: Go parses the condition as a simple statement, and
                // rejects it whole.
                if let Some(b) = block_brace(all, idx) {
                    if let Some(d) = not_a_value(src, &all[..b]) {
                        return d;
                    }
                }
            }
            let lbrace = matches!(tok, Some((_, Tok::LBrace, _)));
            if clause == "for"
                && semis == 2
                && matches!(tok, Some((_, Tok::Semi(SemiKind::Explicit), _)))
                && matches!(prev, Some(Tok::Semi(_)))
                && has("ident")
            {
                // `for init; cond; ;`: the post statement is missing.
                return syn(", expected expression");
            }
            if has("ident") && has("int") && !lbrace && !is_semi {
                return syn(", expected expression");
            }
            // Go's header: `init` up to the first `;`, then the condition (and for `for`, a
            // second `;` and the post statement); the block must follow.
            let ranged = {
                let mut depth = 0;
                let mut found = false;
                for (_, t, _) in before.iter().rev() {
                    match t {
                        Tok::RParen | Tok::RBrack | Tok::RBrace => depth += 1,
                        Tok::LParen | Tok::LBrack | Tok::LBrace => depth -= 1,
                        Tok::Range if depth == 0 => found = true,
                        Tok::For if depth == 0 => break,
                        _ => {}
                    }
                }
                found
            };
            let after_clause = match clause {
                "for" => semis >= 2 || ranged,
                "if" => semis >= 1,
                _ => false,
            };
            if clause == "switch" && semis >= 1 && !lbrace && has("{") {
                return plain(pos, "missing { after switch clause");
            }
            if clause == "for" && semis == 1 && has(";") && !has("{") {
                return syn(", expected semicolon or newline");
            }
            if has("{") && (is_semi || after_clause) && clause != "switch" {
                return syn(&format!(", expected {{ after {clause} clause"));
            }
            if (has("{") || (semis == 0 && has(";"))) && !is_semi {
                return syn(", expected {");
            }
        }

        // `go (`...: Go reports the parentheses first.
        if let Some(&(Kind::Paren, j)) = stack.last() {
            if j > 0 && matches!(before[j - 1].1, Tok::Go | Tok::Defer) {
                let kw = before[j - 1].1.keyword_str().unwrap_or("go");
                return Diagnostic::syntax(
                    before[j].0 as u32,
                    format!("expression in {kw} must not be parenthesized"),
                );
            }
        }
        // After a function signature in a statement (`go func() x`): Go took `func()` as a
        // function type, and the statement ends there.
        if prev == Some(&Tok::RParen) && has("{") && (has("map") || exp.len() == 1) && !has(",") {
            if let Some(j) = matching_open(before, before.len() - 1) {
                let k = open_brackets(&before[..=j]).last().map(|&(k, _)| k);
                if k == Some(Kind::Params) && stack.iter().all(|&(k, _)| k == Kind::Brace) {
                    return syn(" at end of statement");
                }
            }
        }
        // The start of a spec in `var (`, `const (`, `type (`: a name.
        if inner == Some(Kind::Group)
            && matches!(prev, Some(Tok::LParen | Tok::Semi(_)))
            && has("ident")
            && !has("string")
        {
            return syn(", expected name");
        }
        // `func () {`: the receiver list is empty (Go reports this before the missing name).
        if file && stack.is_empty() && before.len() >= 3 {
            let n = before.len();
            if before[n - 3].1 == Tok::Func
                && before[n - 2].1 == Tok::LParen
                && before[n - 1].1 == Tok::RParen
                && !matches!(tok, Some((_, Tok::Ident(_), _)))
            {
                return Diagnostic::syntax(pos as u32, "method has no receiver");
            }
        }
        // `type T[P any] ]`: the type is missing.
        if prev == Some(&Tok::RBrack) && has("ident") && has("*") && has("map") {
            if let Some(j) = matching_open(before, before.len() - 1) {
                let spec_start = j >= 2
                    && matches!(before[j - 1].1, Tok::Ident(_))
                    && (before[j - 2].1 == Tok::Type
                        || (matches!(before[j - 2].1, Tok::LParen | Tok::Semi(_))
                            && open_brackets(&before[..j]).last().is_some_and(|&(k, i)| {
                                k == Kind::Group && i > 0 && before[i - 1].1 == Tok::Type
                            })));
                if spec_start {
                    return syn(" in type declaration");
                }
            }
        }
        // An expression list that is not an assignment: `a, b)`.
        if has("=") && has(":=") && has(",") && !has(";") && !has(")") && !has(":") {
            return syn(", expected := or = or comma");
        }

        // Lists.
        if has(",") || has(";") {
            let in_list =
                |k: Kind, close: &str, sep: &str| inner == Some(k) && has(close) && has(sep);
            if in_list(Kind::Params, ")", ",") || in_list(Kind::Params, "]", ",") {
                let close = if has(")") { ")" } else { "]" };
                return syn(&format!(
                    " in parameter list; possibly missing comma or {close}"
                ));
            }
            if in_list(Kind::Call, ")", ",") {
                return syn(" in argument list; possibly missing comma or )");
            }
            if has(",") && has("}") && !has(";") {
                return syn(" in composite literal; possibly missing comma or }");
            }
            if in_list(Kind::Group, ")", ";") {
                return syn(" in grouped declaration; possibly missing semicolon or newline or )");
            }
            if in_list(Kind::Struct, "}", ";") {
                return syn(" in struct type; possibly missing semicolon or newline or }");
            }
            if in_list(Kind::Iface, "}", ";") {
                return syn(" in interface type; possibly missing semicolon or newline or }");
            }
        }
        if inner == Some(Kind::Params) && has(")") && has("...") && !has(",") {
            return syn(", expected )");
        }
        if inner == Some(Kind::Iface) && has("~") && has("ident") && !has(";") {
            return syn(", expected ~ term or type");
        }
        if inner == Some(Kind::Struct) && has("ident") && has("*") && !has(";") {
            return syn(", expected field name or embedded type");
        }
        if inner == Some(Kind::Iface) && has("}") {
            return syn(" in interface type; possibly missing semicolon or newline or }");
        }
        if inner == Some(Kind::Index) && has("]") && has(":") {
            return syn(", expected comma, : or ]");
        }
        if matches!(inner, Some(Kind::Brack | Kind::Index))
            && has("]")
            && !has(",")
            && !(has("ident") && has("int"))
        {
            return syn(", expected ]");
        }
        if exp == [":"] && matches!(prev, Some(Tok::Ident(_))) {
            // A name at the start of a statement, then something that cannot follow it.
            return syn(" at end of statement");
        }
        if exp == ["(", "["] {
            return syn(", expected (");
        }
        if has("case") && has("default") && !has("if") {
            return syn(", expected case or default or }");
        }
        if has("if") && has("}") {
            // At the start of a statement: Go's statement list stops and wants the `}`.
            if has("case") {
                return syn(", expected case or default or }");
            }
            return syn(", expected }");
        }
        if has(";") && (has("}") || (!file && stack.is_empty())) && inner != Some(Kind::Paren) {
            return syn(" at end of statement");
        }
        if inner == Some(Kind::Paren) && has(")") && !has(",") {
            return syn(", expected )");
        }
        if has("ident") && has("int") {
            return syn(", expected expression");
        }
        if has("ident") && has("*") && has("map") {
            let n = before.len();
            let in_type_group = n >= 2
                && matches!(before[n - 2].1, Tok::LParen | Tok::Semi(_))
                && stack.last().is_some_and(|&(k, i)| {
                    k == Kind::Group && i > 0 && before[i - 1].1 == Tok::Type
                });
            if n >= 2 && (matches!(before[n - 2].1, Tok::Type) || in_type_group) {
                return syn(" in type declaration");
            }
            return syn(", expected type");
        }
        if exp.len() == 2 && has("ident") && has("(") {
            if matches!(prev, Some(Tok::Func | Tok::Period)) {
                return syn(", expected name or (");
            }
            return syn(", expected name");
        }
        if exp.len() == 1 {
            return syn(&format!(", expected {}", go_name(exp[0])));
        }
        if has(":") && !has(";") {
            return syn(", expected :");
        }
        syn("")
    }

    /// Go's short form of an expression: the insides of braces (composite literals, function
    /// bodies) become `…`.
    fn short(text: &str) -> String {
        let mut out = String::new();
        let mut depth = 0;
        let mut quote: Option<char> = None;
        let mut escaped = false;
        for c in text.chars() {
            if let Some(q) = quote {
                if depth == 0 {
                    out.push(c);
                }
                if escaped {
                    escaped = false;
                } else if c == '\\' && q != '`' {
                    escaped = true;
                } else if c == q {
                    quote = None;
                }
                continue;
            }
            match c {
                '"' | '\'' | '`' => {
                    quote = Some(c);
                    if depth == 0 {
                        out.push(c);
                    }
                }
                '{' => {
                    if depth == 0 {
                        out.push_str("{…");
                    }
                    depth += 1;
                }
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        out.push('}');
                    }
                }
                _ if depth == 0 => out.push(c),
                _ => {}
            }
        }
        out
    }

    /// The `{` that starts the block after the `if`/`switch` header that `all[i]` is in:
    /// the first at the header's bracket level that is not a composite literal's (`[]T{`,
    /// `map[K]V{`, `struct{...}{`); `None` at a `;` or the end first.
    pub(super) fn block_brace(all: &[Spanned], i: usize) -> Option<usize> {
        let mut depth = 0i32;
        for j in i..all.len() {
            match all[j].1 {
                Tok::LBrace if depth == 0 && !lit_brace(all, j) => return Some(j),
                Tok::LParen | Tok::LBrack | Tok::LBrace => depth += 1,
                Tok::RParen | Tok::RBrack | Tok::RBrace => {
                    depth -= 1;
                    if depth < 0 {
                        return None;
                    }
                }
                Tok::Semi(_) if depth == 0 => return None,
                _ => {}
            }
        }
        None
    }

    /// Whether the `{` at `j` follows a composite literal type (`[]T`, `[N]T`, `map[K]V`,
    /// `struct{...}`), which takes it even in a header.
    fn lit_brace(all: &[Spanned], j: usize) -> bool {
        let mut k = j;
        while k > 0 && matches!(all[k - 1].1, Tok::Ident(_) | Tok::Period | Tok::Star) {
            k -= 1;
        }
        if k == j || k == 0 {
            return k == j && k > 0 && all[k - 1].1 == Tok::RBrace && {
                matching_open(all, k - 1).is_some_and(|o| o > 0 && all[o - 1].1 == Tok::Struct)
            };
        }
        if all[k - 1].1 != Tok::RBrack {
            return false;
        }
        matching_open(all, k - 1)
            .is_some_and(|o| o == 0 || all[o - 1].1 == Tok::Map || !ends_operand(&all[o - 1].1))
    }

    /// `if x := 1 {`: Go's `cannot use x := 1 as value` (for an assignment, `cannot use
    /// assignment x = 1 as value`; for `x++`, `cannot use x++ as value`).
    fn not_a_value(src: &str, before: &[Spanned]) -> Option<Diagnostic> {
        // The header's last simple statement starts after the keyword or the last `;`.
        let mut start = before.len();
        let mut depth = 0;
        for (i, (_, t, _)) in before.iter().enumerate().rev() {
            match t {
                Tok::RParen | Tok::RBrack | Tok::RBrace => depth += 1,
                Tok::LParen | Tok::LBrack | Tok::LBrace => depth -= 1,
                Tok::If | Tok::For | Tok::Switch | Tok::Semi(_) if depth == 0 => {
                    start = i + 1;
                    break;
                }
                _ => {}
            }
        }
        let stmt = before.get(start..)?;
        let (lo, hi) = (stmt.first()?.0, stmt.last()?.2);
        let mut depth = 0;
        for (j, (olo, t, ohi)) in stmt.iter().enumerate() {
            match t {
                Tok::LParen | Tok::LBrack | Tok::LBrace => depth += 1,
                Tok::RParen | Tok::RBrack | Tok::RBrace => depth -= 1,
                Tok::Define | Tok::Assign | Tok::OpAssign(_) | Tok::Inc | Tok::Dec | Tok::Arrow
                    if depth == 0 =>
                {
                    let lhs = short(src.get(lo..*olo)?.trim());
                    let rhs = short(src.get(*ohi..hi)?.trim());
                    let (lhs, rhs) = (lhs.as_str(), rhs.as_str());
                    let emph = |toks: &[Spanned], text: &str| {
                        let bin = toks.iter().any(|(_, t, _)| {
                            matches!(
                                t,
                                Tok::Add
                                    | Tok::Sub
                                    | Tok::Star
                                    | Tok::Quo
                                    | Tok::Rem
                                    | Tok::And
                                    | Tok::Or
                                    | Tok::Xor
                                    | Tok::Shl
                                    | Tok::Shr
                                    | Tok::AndNot
                                    | Tok::LAnd
                                    | Tok::LOr
                                    | Tok::Eql
                                    | Tok::Neq
                                    | Tok::Lss
                                    | Tok::Leq
                                    | Tok::Gtr
                                    | Tok::Geq
                            )
                        });
                        if bin && toks.len() > 1 {
                            format!("({text})")
                        } else {
                            text.to_string()
                        }
                    };
                    let op = t.op_str().unwrap_or("=");
                    let what = match t {
                        Tok::Assign => format!(
                            "assignment {} = {}",
                            emph(&stmt[..j], lhs),
                            emph(&stmt[j + 1..], rhs)
                        ),
                        Tok::Inc | Tok::Dec => format!("{lhs}{op}"),
                        _ => format!("{lhs} {op} {rhs}"),
                    };
                    return Some(Diagnostic::syntax(
                        *olo as u32,
                        format!("syntax error: cannot use {what} as value"),
                    ));
                }
                _ => {}
            }
        }
        None
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

    /// `[args]elem` where `args` was parsed as a type argument list: an array type if there is
    /// exactly one.
    pub fn array_of(
        ids: &IdGen,
        l: usize,
        r: usize,
        mut args: Vec<Expr>,
        elem: Expr,
    ) -> Result<Expr, PErr> {
        if args.len() != 1 {
            let pos = args.get(1).map_or(l as u32, |a| a.span.lo);
            return Err(user(pos, "syntax error: unexpected comma; expected ]"));
        }
        let len = args.pop().map(Box::new);
        Ok(ex(
            ids,
            l,
            r,
            ExprKind::ArrayType {
                len,
                elem: Box::new(elem),
            },
        ))
    }

    pub fn named_array(
        ids: &IdGen,
        l: usize,
        r: usize,
        name: Ident,
        args: Vec<Expr>,
        elem: Expr,
    ) -> Result<PDecl, PErr> {
        Ok(PDecl::Named(name, array_of(ids, l, r, args, elem)?))
    }

    /// Groups parameters as cmd/compile's `paramList` does: if no parameter has both a name
    /// and a type, every entry is a type (`int, string`); otherwise a bare identifier is a name
    /// sharing the type of the next typed entry (`a, b int`). `rparen` is the position of the
    /// closing parenthesis (where Go reports `missing parameter type`).
    pub fn params(ids: &IdGen, ps: Vec<PDecl>, rparen: usize) -> Result<Vec<Field>, PErr> {
        let named = ps.iter().filter(|p| matches!(p, PDecl::Named(..))).count();
        if named == 0 {
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
        if named != ps.len() {
            // Right-to-left sweep, as Go: the leftmost problem decides the position.
            let typed = ps.iter().filter(|p| !matches!(p, PDecl::Ident(_))).count();
            let mut have_type = false;
            let mut err_pos = None;
            for p in ps.iter().rev() {
                match p {
                    PDecl::Named(..) => have_type = true,
                    PDecl::Type(t) => {
                        have_type = true;
                        err_pos = Some(t.span.lo);
                    }
                    PDecl::Ident(n) if !have_type => err_pos = Some(n.span.lo),
                    PDecl::Ident(_) => {}
                }
            }
            if let Some(pos) = err_pos {
                return Err(if named == typed {
                    user(rparen as u32, "syntax error: missing parameter type")
                } else {
                    user(pos, "syntax error: missing parameter name")
                });
            }
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
                // Unreachable after the checks above; keep the type rather than panic.
                PDecl::Type(ty) => out.push(Field {
                    names: vec![],
                    span: ty.span,
                    ty,
                    tag: None,
                }),
            }
        }
        Ok(out)
    }

    /// The first type parameter of `type T[x, ...]` parsed as the expression `x` (Go's
    /// `extractName`): `P` shares the next group's constraint, `P *C` is `P` with constraint
    /// `*C`, `P *C | D` is `P` with `*C | D`.
    pub fn tparams_from_expr(
        ids: &IdGen,
        x: Expr,
        mut rest: Vec<Field>,
    ) -> Result<Vec<Field>, PErr> {
        fn split(ids: &IdGen, x: Expr) -> Result<(Ident, Expr), Expr> {
            match x.kind {
                ExprKind::Binary(BinOp::Mul, p, y) => match p.kind {
                    ExprKind::Ident(name) => {
                        let lo = (y.span.lo as usize).saturating_sub(1);
                        let hi = y.span.hi as usize;
                        Ok((
                            Ident { name, span: p.span },
                            ex(ids, lo, hi, ExprKind::Star(y)),
                        ))
                    }
                    k => Err(Expr {
                        id: x.id,
                        span: x.span,
                        kind: ExprKind::Binary(BinOp::Mul, Box::new(Expr { kind: k, ..*p }), y),
                    }),
                },
                ExprKind::Binary(BinOp::Or, l, r) => match split(ids, *l) {
                    Ok((name, first)) => {
                        let span = Span {
                            lo: first.span.lo,
                            hi: r.span.hi,
                        };
                        let mut terms = match first.kind {
                            ExprKind::Union(v) => v,
                            _ => vec![first],
                        };
                        terms.push(*r);
                        Ok((
                            name,
                            Expr {
                                id: x.id,
                                span,
                                kind: ExprKind::Union(terms),
                            },
                        ))
                    }
                    Err(l) => Err(Expr {
                        id: x.id,
                        span: x.span,
                        kind: ExprKind::Binary(BinOp::Or, Box::new(l), r),
                    }),
                },
                kind => Err(Expr { kind, ..x }),
            }
        }
        if let ExprKind::Ident(name) = &x.kind {
            let n = Ident {
                name: name.clone(),
                span: x.span,
            };
            return match rest.first_mut() {
                Some(f) => {
                    f.names.insert(0, n);
                    f.span.lo = x.span.lo;
                    Ok(rest)
                }
                None => Err(user(x.span.hi, "syntax error: missing type constraint")),
            };
        }
        match split(ids, x) {
            Ok((name, ty)) => {
                let span = Span {
                    lo: name.span.lo,
                    hi: ty.span.hi,
                };
                rest.insert(
                    0,
                    Field {
                        names: vec![name],
                        ty,
                        tag: None,
                        span,
                    },
                );
                Ok(rest)
            }
            Err(x) => Err(user(x.span.lo, "syntax error: missing type parameter name")),
        }
    }

    /// A clause head (`case x:` with an empty body) that takes its statements.
    pub trait Clause {
        fn set_body(&mut self, body: Vec<Stmt>);
    }
    impl Clause for CaseClause {
        fn set_body(&mut self, body: Vec<Stmt>) {
            self.body = body;
        }
    }
    impl Clause for CommClause {
        fn set_body(&mut self, body: Vec<Stmt>) {
            self.body = body;
        }
    }

    pub fn clauses<C: Clause>(
        v: Vec<(C, Vec<Stmt>)>,
        last: Option<(C, Vec<Stmt>, Stmt)>,
    ) -> Vec<C> {
        let mut out: Vec<C> = v
            .into_iter()
            .map(|(mut c, body)| {
                c.set_body(body);
                c
            })
            .collect();
        if let Some((mut c, mut body, s)) = last {
            body.push(s);
            c.set_body(body);
            out.push(c);
        }
        out
    }

    /// A 3-index slice with a missing index (cmd/compile reports these without the `syntax
    /// error:` prefix).
    pub fn slice_error(pos: usize, msg: &str) -> Result<Expr, PErr> {
        Err(user(pos as u32, msg))
    }

    /// `go x` / `defer x`; cmd/compile's parser rejects a parenthesized `x`.
    pub fn call_stmt(l: usize, r: usize, go: bool, x: Expr) -> Result<Stmt, PErr> {
        let kw = if go { "go" } else { "defer" };
        if matches!(x.kind, ExprKind::Paren(_)) {
            return Err(user(
                x.span.lo,
                &format!("expression in {kw} must not be parenthesized"),
            ));
        }
        Ok(st(
            l,
            r,
            if go {
                StmtKind::Go(x)
            } else {
                StmtKind::Defer(x)
            },
        ))
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
        // (Go's type checker reports these two, at the method name.)
        let recv = match recv {
            None => None,
            Some(mut v) => match v.len() {
                // `(a, b T)` is two receivers.
                1 if v[0].names.len() > 1 => {
                    return Err(user(name.span.lo, "method has multiple receivers"))
                }
                1 => v.pop(),
                0 => return Err(user(name.span.lo, "method has no receiver")),
                _ => return Err(user(name.span.lo, "method has multiple receivers")),
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

    /// The message of the error [`composite_of`] returns (`parse.rs` words it).
    pub const NOT_A_TYPE: &str = "#composite literal of a value";

    /// `x{...}`: as cmd/compile's `pexpr`, `{` after `x` starts a composite literal only if
    /// `x` may be a type (a name, a selector, an index expression whose operand and index
    /// may be types); otherwise the expression ends before the `{`, an error at `lbrace`.
    pub fn composite_of(
        ids: &IdGen,
        l: usize,
        r: usize,
        x: Expr,
        lbrace: usize,
        v: (Vec<Element>, Span),
    ) -> Result<Expr, PErr> {
        fn is_value(x: &Expr) -> bool {
            match &x.kind {
                ExprKind::IntLit(_)
                | ExprKind::FloatLit(_)
                | ExprKind::ImagLit(_)
                | ExprKind::RuneLit(_)
                | ExprKind::StringLit(_)
                | ExprKind::CompositeLit { .. }
                | ExprKind::FuncLit { .. }
                | ExprKind::Slice { .. }
                | ExprKind::TypeAssert(..)
                | ExprKind::Call { .. }
                | ExprKind::Unary(..)
                | ExprKind::Binary(..) => true,
                ExprKind::Paren(x) => is_value(x),
                ExprKind::Index(x, args) => is_value(x) || (args.len() == 1 && is_value(&args[0])),
                _ => false,
            }
        }
        let mut t = &x;
        while let ExprKind::Paren(inner) = &t.kind {
            t = inner;
        }
        let ok = match &t.kind {
            ExprKind::Ident(_) | ExprKind::Selector(..) => true,
            ExprKind::Index(..) => !is_value(t),
            ExprKind::ArrayType { .. }
            | ExprKind::SliceType(_)
            | ExprKind::StructType(_)
            | ExprKind::MapType(..) => true,
            _ => false,
        };
        if !ok {
            return Err(user(lbrace as u32, NOT_A_TYPE));
        }
        Ok(composite(ids, l, r, Some(x), v))
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

mod recover;

#[cfg(test)]
mod tests;
