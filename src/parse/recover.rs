//! The syntax errors after the first, as cmd/compile's parser reports them.
//!
//! Go's recursive-descent parser does not stop at an error: it skips tokens (`advance` to a
//! follow set), or acts as if a wanted token were there (`want`), and goes on; later errors
//! are reported too (cmd/compile then keeps one syntax error per line and stops after 10).
//! The LR parser here stops at its first error. To find the next ones, the token stream is
//! edited the way Go's recovery treats it — the tokens Go skips are deleted, a token Go
//! assumes is inserted (a *synthetic* token, zero-width, at the position Go resumes) — and the
//! edited stream is parsed again from the start: its first error past the edit is Go's next
//! error. The prefix before the edit is unchanged, so each round moves forward.
//!
//! Only recoveries whose effect on Go's parser state is known are modelled (the error's wording
//! says which production reported it); after any other error nothing more is reported (fewer
//! errors than Go rather than different ones). An error at a synthetic token, an error the
//! parse actions report (`missing parameter type`...), or one at the end of the input (Go
//! suppresses follow-up errors at EOF) also ends the search.
//!
//! Modelled (Go's `parser.go`):
//! - top level, `non-declaration statement outside function body` and `unexpected semicolon or
//!   newline before {`: `advance(_Import, _Const, _Type, _Var, _Func)`;
//! - `after top level declaration`: the same, then the next declaration;
//! - `at end of statement` (`stmtList`): `advance(_Semi, _Rbrace, _Case, _Default)` plus the
//!   statement keywords (`stopset`), then an optional `;`;
//! - `in argument list; possibly missing comma or )` and the other `list` errors:
//!   `advance(_Rparen, _Rbrack, _Rbrace)` (plus `stopset` in a function body); the list ends
//!   there (closed by its own bracket, or left open);
//! - `expected expression` (`operand`): a bad operand, `advance(_Rparen, _Rbrack, _Rbrace)`;
//! - `expected )`, `]`, `(`, `:`, `}`, `name` (`want`, `name`): the token is taken for the
//!   wanted one;
//! - `expected case or default or }` (`caseClause`): `advance(_Colon, _Case, _Default,
//!   _Rbrace)`, then a clause without expression (and `want(_Colon)`).

use super::{parse_stream, syntax_error};
use crate::ast::IdGen;
use crate::diag::Diagnostic;
use crate::lexer::Spanned;
use crate::token::{SemiKind, Tok};
use lalrpop_util::ParseError;

/// At most this many rounds (cmd/compile reports at most 10 errors; errors on a line already
/// reported are dropped, so a few more rounds may be needed).
const MAX_ROUNDS: usize = 40;

/// The token stream being edited: tokens and whether each is synthetic.
struct Stream {
    toks: Vec<Spanned>,
    synth: Vec<bool>,
}

impl Stream {
    fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i).map(|t| &t.1)
    }

    /// Replaces `toks[from..to]` by `ins` synthetic tokens placed at the position of
    /// `toks[to]` (or at `at` past the end).
    fn splice(&mut self, from: usize, to: usize, ins: Vec<Tok>, at: usize) {
        let pos = self.toks.get(to).map_or(at, |t| t.0);
        let n = ins.len();
        self.toks
            .splice(from..to, ins.into_iter().map(|t| (pos, t, pos)));
        self.synth.splice(from..to, std::iter::repeat_n(true, n));
    }

    /// The first index at or after `from` whose token is in `set`, or the length.
    fn advance(&self, from: usize, set: impl Fn(&Tok) -> bool) -> usize {
        (from..self.toks.len())
            .find(|&i| set(&self.toks[i].1))
            .unwrap_or(self.toks.len())
    }
}

/// Go's `stopset`: keywords that start a statement (`advance` stops there in a function body).
fn stopset(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Break
            | Tok::Const
            | Tok::Continue
            | Tok::Defer
            | Tok::Fallthrough
            | Tok::For
            | Tok::Go
            | Tok::Goto
            | Tok::If
            | Tok::Return
            | Tok::Select
            | Tok::Switch
            | Tok::Type
            | Tok::Var
    )
}

fn decl_keyword(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Import | Tok::Const | Tok::Type | Tok::Var | Tok::Func
    )
}

fn closer(t: &Tok) -> bool {
    matches!(t, Tok::RParen | Tok::RBrack | Tok::RBrace)
}

/// Whether the token `toks[i]` is inside a function body (Go's `fnest > 0`): one of the
/// braces open there follows a function signature.
fn in_func_body(toks: &[Spanned], i: usize) -> bool {
    let mut open: Vec<usize> = Vec::new();
    for (j, (_, t, _)) in toks.iter().enumerate().take(i) {
        match t {
            Tok::LParen | Tok::LBrack | Tok::LBrace => open.push(j),
            Tok::RParen | Tok::RBrack | Tok::RBrace => {
                open.pop();
            }
            _ => {}
        }
    }
    open.iter()
        .any(|&j| toks[j].1 == Tok::LBrace && after_signature(toks, j))
}

/// Whether the `{` at `j` follows a function signature: walking back over a result type, the
/// parameter lists and the name, the first other token is `func`.
fn after_signature(toks: &[Spanned], j: usize) -> bool {
    let mut k = j;
    while k > 0 {
        k -= 1;
        match &toks[k].1 {
            Tok::Func => return true,
            Tok::RParen | Tok::RBrack => {
                // Skip the group.
                let mut depth = 0usize;
                loop {
                    match toks[k].1 {
                        Tok::RParen | Tok::RBrack | Tok::RBrace => depth += 1,
                        Tok::LParen | Tok::LBrack | Tok::LBrace => {
                            depth = depth.saturating_sub(1);
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    if k == 0 {
                        return false;
                    }
                    k -= 1;
                }
            }
            Tok::Ident(_) | Tok::Period | Tok::Star | Tok::Map | Tok::Chan | Tok::Arrow => {}
            _ => return false,
        }
    }
    false
}

/// The `if`/`for`/`switch` whose header ends at the end of `toks`, if any.
fn header_keyword(toks: &[Spanned]) -> Option<Tok> {
    let mut depth = 0i32;
    for (_, t, _) in toks.iter().rev() {
        match t {
            Tok::RParen | Tok::RBrack | Tok::RBrace => depth += 1,
            Tok::LParen | Tok::LBrack | Tok::LBrace => {
                depth -= 1;
                if depth < 0 {
                    return None;
                }
            }
            Tok::If | Tok::For | Tok::Switch if depth == 0 => return Some(t.clone()),
            _ => {}
        }
    }
    None
}

/// Whether the `for` header ending at the end of `toks` may have a `range` clause or an
/// init statement (anything but `for x`): `true` when not sure.
fn header_has_range(toks: &[Spanned]) -> bool {
    let mut depth = 0i32;
    for (_, t, _) in toks.iter().rev() {
        match t {
            Tok::RParen | Tok::RBrack | Tok::RBrace => depth += 1,
            Tok::LParen | Tok::LBrack | Tok::LBrace => {
                depth -= 1;
                if depth < 0 {
                    return true;
                }
            }
            Tok::Range | Tok::Semi(_) if depth == 0 => return true,
            Tok::For if depth == 0 => return false,
            _ => {}
        }
    }
    true
}

/// Whether the `if`/`for` header ending at the end of `toks` is complete, so that Go's
/// `blockStmt` comes next: `if init; cond`, `for init; cond; post`, `for ... range x`.
fn header_complete(toks: &[Spanned]) -> bool {
    let mut depth = 0i32;
    let (mut semis, mut range) = (0, false);
    for (_, t, _) in toks.iter().rev() {
        match t {
            Tok::RParen | Tok::RBrack | Tok::RBrace => depth += 1,
            Tok::LParen | Tok::LBrack | Tok::LBrace => {
                depth -= 1;
                if depth < 0 {
                    return false;
                }
            }
            Tok::Semi(_) if depth == 0 => semis += 1,
            Tok::Range if depth == 0 => range = true,
            Tok::If if depth == 0 => return semis >= 1,
            Tok::For if depth == 0 => return semis >= 2 || range,
            Tok::Switch if depth == 0 => return false,
            _ => {}
        }
    }
    false
}

/// Whether the `if`/`for`/`switch` header ending at the end of `toks` has, at its own
/// bracket level, a type that takes a composite literal (`[]T`, `map[K]V`, `struct{}`...).
fn header_has_literal_type(toks: &[Spanned]) -> bool {
    let mut depth = 0i32;
    for (_, t, _) in toks.iter().rev() {
        match t {
            Tok::RParen | Tok::RBrace => depth += 1,
            Tok::LParen | Tok::LBrace => depth -= 1,
            Tok::RBrack if depth == 0 => return true,
            Tok::Map | Tok::Struct | Tok::Interface | Tok::Func if depth == 0 => return true,
            Tok::If | Tok::For | Tok::Switch if depth == 0 => return false,
            _ => {}
        }
        if depth < 0 {
            return true;
        }
    }
    true
}

/// If the error at `toks[i]` is `funcDeclOrNil`'s missing name (`func (`...`) {`, `func {`),
/// the index where the name would start.
fn func_decl_name(s: &Stream, rest: &str, i: usize, top: bool) -> Option<usize> {
    if !top || i == 0 {
        return None;
    }
    let prev = s.tok(i - 1)?;
    if rest.ends_with(", expected name or (") && *prev == Tok::Func {
        return Some(i);
    }
    if rest.ends_with(", expected name") && *prev == Tok::RParen {
        let open = matching_open(&s.toks, i - 1)?;
        if open > 0 && s.tok(open - 1) == Some(&Tok::Func) {
            return Some(i);
        }
    }
    None
}

/// Index of the bracket that the closing bracket at `close` matches.
fn matching_open(toks: &[Spanned], close: usize) -> Option<usize> {
    let mut depth = 0usize;
    for j in (0..=close).rev() {
        match toks[j].1 {
            Tok::RParen | Tok::RBrack | Tok::RBrace => depth += 1,
            Tok::LParen | Tok::LBrack | Tok::LBrace => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(j);
                }
            }
            _ => {}
        }
    }
    None
}

/// The first `,` at the bracket level of `toks[i]` in the statement that `toks[i]` ends.
fn first_comma_of_statement(toks: &[Spanned], i: usize) -> Option<usize> {
    let mut depth = 0i32;
    let mut comma = None;
    for j in (0..i).rev() {
        match toks[j].1 {
            Tok::RParen | Tok::RBrack | Tok::RBrace => depth += 1,
            Tok::LParen | Tok::LBrack | Tok::LBrace if depth == 0 => break,
            Tok::LParen | Tok::LBrack | Tok::LBrace => depth -= 1,
            Tok::Semi(_) | Tok::Colon if depth == 0 => break,
            Tok::Comma if depth == 0 => comma = Some(j),
            _ => {}
        }
    }
    comma
}

/// `method has no receiver` / `method has multiple receivers` (`funcDeclOrNil`): Go goes on
/// with the declaration (without receiver, or with the first one).
fn receivers(s: &mut Stream, msg: &str, i: usize, src: &str, extra: &mut Vec<Diagnostic>) -> bool {
    let Some(close) = i.checked_sub(1) else {
        return false;
    };
    if s.tok(close) != Some(&Tok::RParen) {
        return false;
    }
    let Some(open) = matching_open(&s.toks, close) else {
        return false;
    };
    if open == 0 || s.tok(open - 1) != Some(&Tok::Func) {
        return false;
    }
    let named = matches!(s.tok(i), Some(Tok::Ident(_)));
    if msg == "method has multiple receivers" {
        if !named {
            return false;
        }
        let mut depth = 0i32;
        let Some(comma) = (open + 1..close).find(|&j| {
            match s.toks[j].1 {
                Tok::LParen | Tok::LBrack | Tok::LBrace => depth += 1,
                Tok::RParen | Tok::RBrack | Tok::RBrace => depth -= 1,
                _ => {}
            }
            depth == 0 && s.toks[j].1 == Tok::Comma
        }) else {
            return false;
        };
        s.splice(comma, close, vec![], src.len());
        return true;
    }
    if named {
        s.splice(open, i, vec![], src.len());
        return true;
    }
    // `func () {`: then `expected name`, `advance(_Lbrace, _Semi)`.
    let (lo, t, hi) = s.toks[i].clone();
    extra.push(Diagnostic::syntax(
        lo as u32,
        format!(
            "syntax error: unexpected {}, expected name",
            super::tok_desc(src, &t, lo, hi)
        ),
    ));
    let stop = s.advance(i, |t| matches!(t, Tok::LBrace | Tok::Semi(_)));
    if stop == s.toks.len() {
        return false;
    }
    let ins = vec![Tok::Ident("_".to_string()), Tok::LParen, Tok::RParen];
    s.splice(open, stop, ins, src.len());
    true
}

/// A function type as an operand (`func(x)` followed by no body, as in `func() > 0`): Go's
/// parser takes it (the type checker rejects it), the LR grammar wants a function literal.
/// If the error `e` at `toks[j]` is that, an empty body `{}` is inserted there (no error is
/// reported) and `true` returned.
pub(super) fn accept_func_type(toks: &mut Vec<Spanned>, e: &super::PErr, j: usize) -> bool {
    let ParseError::UnrecognizedToken {
        token: (lo, t, _), ..
    } = e
    else {
        return false;
    };
    // A result type may start here, or the body.
    if matches!(
        t,
        Tok::Ident(_)
            | Tok::LParen
            | Tok::LBrack
            | Tok::Star
            | Tok::Arrow
            | Tok::Func
            | Tok::Map
            | Tok::Chan
            | Tok::Struct
            | Tok::Interface
            | Tok::LBrace
    ) {
        return false;
    }
    if j == 0 || toks.get(j).is_none_or(|x| x.0 != *lo) {
        return false;
    }
    // The signature's end: `)` of the parameters, of the results, or a named result type.
    let mut close = j - 1;
    while close > 0 && matches!(toks[close].1, Tok::Ident(_) | Tok::Period | Tok::Star) {
        close -= 1;
    }
    if toks[close].1 != Tok::RParen {
        return false;
    }
    let Some(mut open) = matching_open(toks, close) else {
        return false;
    };
    if close + 1 == j && open > 0 && toks[open - 1].1 == Tok::RParen {
        // `func(...) (results)`
        match matching_open(toks, open - 1) {
            Some(o) => open = o,
            None => return false,
        }
    }
    // `func(...)` in an expression: not a declaration's signature (`func f()`, `func (r T)
    // M()`), which a bodyless declaration may end with.
    if open == 0 || toks[open - 1].1 != Tok::Func {
        return false;
    }
    // After `go`/`defer` Go parses a primary expression only: the statement ends after the
    // function type, and anything but its end is an error there.
    if open >= 2
        && matches!(toks[open - 2].1, Tok::Go | Tok::Defer)
        && !matches!(t, Tok::Semi(_) | Tok::RBrace)
    {
        return false;
    }
    if open >= 2
        && matches!(toks[open - 2].1, Tok::Semi(_))
        && super::errors::open_brackets(&toks[..open - 1]).is_empty()
    {
        return false;
    }
    toks.splice(j..j, [(*lo, Tok::LBrace, *lo), (*lo, Tok::RBrace, *lo)]);
    true
}

/// Go's `funcDeclOrNil` reports `method has no receiver` / `method has multiple receivers`
/// at the name, before anything later in the declaration; the LR parser only when it
/// reduces the whole declaration. The receiver error of the top-level function declaration
/// the error at `toks[j]` is in (after its name), if any.
pub(super) fn receiver_error(toks: &[Spanned], j: usize) -> Option<Diagnostic> {
    let mut depth = 0i32;
    let mut func = None;
    for (k, (_, t, _)) in toks.iter().enumerate().take(j) {
        match t {
            Tok::LParen | Tok::LBrack | Tok::LBrace => depth += 1,
            Tok::RParen | Tok::RBrack | Tok::RBrace => depth -= 1,
            Tok::Func if depth == 0 && (k == 0 || matches!(toks[k - 1].1, Tok::Semi(_))) => {
                func = Some(k)
            }
            _ => {}
        }
    }
    let f = func?;
    if toks.get(f + 1)?.1 != Tok::LParen {
        return None;
    }
    let mut depth = 0i32;
    let mut commas = 0;
    let mut close = None;
    for (k, (_, t, _)) in toks.iter().enumerate().take(j).skip(f + 1) {
        match t {
            Tok::LParen | Tok::LBrack | Tok::LBrace => depth += 1,
            Tok::RParen | Tok::RBrack | Tok::RBrace => {
                depth -= 1;
                if depth == 0 {
                    close = Some(k);
                    break;
                }
            }
            Tok::Comma if depth == 1 => commas += 1,
            _ => {}
        }
    }
    let m = close?;
    // At the token after the receiver (the name, or what stands there instead).
    let (lo, _, _) = toks.get(m + 1)?;
    if m + 1 > j {
        return None;
    }
    if m == f + 2 {
        Some(Diagnostic::syntax(*lo as u32, "method has no receiver"))
    } else if commas > 0 {
        Some(Diagnostic::syntax(
            *lo as u32,
            "method has multiple receivers",
        ))
    } else {
        None
    }
}

/// The first `{` still open at `toks[j]` that the LR grammar took for a composite literal's
/// and Go's `pexpr` does not: it follows a value (a literal, a call, a type assertion), not
/// in an `if`/`for`/`switch` header and not a function body.
pub(super) fn value_brace(toks: &[Spanned], j: usize) -> Option<usize> {
    let mut open: Vec<usize> = Vec::new();
    for (k, (_, t, _)) in toks.iter().enumerate().take(j) {
        match t {
            Tok::LParen | Tok::LBrack | Tok::LBrace => open.push(k),
            Tok::RParen | Tok::RBrack | Tok::RBrace => {
                open.pop();
            }
            _ => {}
        }
    }
    open.into_iter().find(|&k| {
        if toks[k].1 != Tok::LBrace || k == 0 {
            return false;
        }
        let value = match &toks[k - 1].1 {
            Tok::Int(_) | Tok::Float(_) | Tok::Imag(_) | Tok::Rune(_) | Tok::Str(_) => true,
            Tok::RParen => matching_open(toks, k - 1).is_some_and(|m| {
                m > 0
                    && matches!(
                        toks[m - 1].1,
                        Tok::Ident(_) | Tok::RParen | Tok::RBrack | Tok::Period
                    )
            }),
            _ => false,
        };
        value && !after_signature(toks, k) && header_keyword(&toks[..k]).is_none()
    })
}

/// How Go's parser goes on after the error `msg` at token `i`; `false` if not modelled.
fn recover(
    s: &mut Stream,
    d: &Diagnostic,
    i: usize,
    src: &str,
    extra: &mut Vec<Diagnostic>,
) -> bool {
    let src_len = src.len();
    let Some(t) = s.tok(i).cloned() else {
        return false;
    };
    // Errors reported elsewhere than at the token (`missing condition in if statement`...),
    // and errors in the package clause (after which Go stops), are not followed up.
    if s.toks[i].0 != d.pos as usize || i < 3 {
        return false;
    }
    let msg = d.msg.as_str();
    let n = s.toks.len();
    if msg == "method has no receiver" || msg == "method has multiple receivers" {
        return receivers(s, msg, i, src, extra);
    }
    let Some(rest) = msg.strip_prefix("syntax error: ") else {
        return false;
    };
    if rest == "non-declaration statement outside function body"
        || rest == "unexpected semicolon or newline before {"
    {
        let k = s.advance(i, decl_keyword);
        if k == i {
            return false;
        }
        s.splice(i, k, vec![], src_len);
        return true;
    }
    let fnest = in_func_body(&s.toks, i);
    let top = !fnest && super::errors::open_brackets(&s.toks[..i]).is_empty();
    if let Some(k) = func_decl_name(s, rest, i, top) {
        // `funcDeclOrNil` without a name: `advance(_Lbrace, _Semi)`, then the body if any.
        // (The tokens from `from` on are replaced by a name and an empty signature.)
        let stop = s.advance(i, |t| matches!(t, Tok::LBrace | Tok::Semi(_)));
        if stop == n {
            return false;
        }
        let ins = vec![Tok::Ident("_".to_string()), Tok::LParen, Tok::RParen];
        s.splice(k, stop, ins, src_len);
        return true;
    }
    if rest == "else must be followed by if or statement block" {
        // `ifStmt`: `advance(_Name, _Rbrace)`; the `if` ends without `else`.
        if i == 0 || s.tok(i - 1) != Some(&Tok::Else) {
            return false;
        }
        let k = s.advance(i, |t| {
            matches!(t, Tok::Ident(_) | Tok::RBrace) || (fnest && stopset(t))
        });
        if k == n {
            return false;
        }
        s.splice(i - 1, k, vec![], src_len);
        return true;
    }
    if rest == "missing condition in if statement" {
        // `header`: a bad condition, then the block.
        if t != Tok::LBrace || i == 0 || s.tok(i - 1) != Some(&Tok::If) {
            return false;
        }
        s.splice(i, i, vec![Tok::Ident("_".to_string())], src_len);
        return true;
    }
    if rest.starts_with("cannot use ") && rest.ends_with(" as value") {
        // `header`: the condition is a statement; Go reports it and goes on to the block.
        let Some(b) = super::errors::block_brace(&s.toks, i) else {
            return false;
        };
        if !matches!(header_keyword(&s.toks[..i]), Some(Tok::If | Tok::Switch)) {
            return false;
        }
        s.splice(i, b, vec![], src_len);
        return true;
    }
    if rest == "missing { after switch clause" || rest == "missing { after select clause" {
        // `switchStmt`: `advance(_Case, _Default, _Rbrace)`, then the clauses.
        let k = s.advance(i, |t| {
            matches!(t, Tok::Case | Tok::Default | Tok::RBrace) || (fnest && stopset(t))
        });
        if k == n {
            return false;
        }
        s.splice(i, k, vec![Tok::LBrace], src_len);
        return true;
    }
    if !rest.starts_with("unexpected ") {
        return false;
    }
    if rest.ends_with(" in type declaration") {
        // `typeDecl`: no type; `advance(_Semi, _Rparen)`.
        let k = s.advance(i, |t| {
            matches!(t, Tok::Semi(_) | Tok::RParen) || (fnest && stopset(t))
        });
        if k == n {
            return false;
        }
        s.splice(i, k, vec![Tok::Ident("_".to_string())], src_len);
        return true;
    }
    if rest.ends_with(", expected {") {
        // `header`: `want(_Lbrace)` takes the token, then `advance(_Lbrace, _Rbrace)`; an `if`
        // or `switch` header ends there; a `for` header wants its condition (`expected for
        // loop condition` at the `{`) and ends; the block follows.
        let kw = header_keyword(&s.toks[..i]);
        if !matches!(kw, Some(Tok::If | Tok::Switch | Tok::For)) {
            return false;
        }
        let k = s.advance(i + 1, |t| {
            matches!(t, Tok::LBrace | Tok::RBrace) || (fnest && stopset(t))
        });
        // Elsewhere than at a `{`, Go parses a condition next: not modelled.
        if s.tok(k) != Some(&Tok::LBrace) {
            return false;
        }
        let mut ins = vec![];
        if kw == Some(Tok::For) {
            if header_has_range(&s.toks[..i]) {
                return false;
            }
            extra.push(Diagnostic::syntax(
                s.toks[k].0 as u32,
                "syntax error: unexpected {, expected for loop condition",
            ));
            ins = vec![Tok::Semi(SemiKind::Explicit), Tok::Semi(SemiKind::Explicit)];
        }
        s.splice(i, k, ins, src_len);
        return true;
    }
    if rest.ends_with(", expected for loop condition")
        && t == Tok::LBrace
        && i > 0
        && s.tok(i - 1) == Some(&Tok::Semi(SemiKind::Explicit))
    {
        // `header`: no condition (`goto done`), then the block.
        s.splice(i, i, vec![Tok::Semi(SemiKind::Explicit)], src_len);
        return true;
    }
    if rest.ends_with(", expected name or (") && i > 0 && s.tok(i - 1) == Some(&Tok::Period) {
        // `pexpr` after `x.`: `advance(_Semi, _Rparen)`; the operand stays `x`.
        let k = s.advance(i, |t| {
            matches!(t, Tok::Semi(_) | Tok::RParen) || (fnest && stopset(t))
        });
        if k == n {
            return false;
        }
        s.splice(i - 1, k, vec![], src_len);
        return true;
    }
    if rest.ends_with(" clause") && rest.contains(", expected { after ") {
        if header_has_literal_type(&s.toks[..i]) || !header_complete(&s.toks[..i]) {
            // The LR parser would read the `{` as a composite literal's; or Go's `header`
            // reports this (`want(_Lbrace)`), and goes on differently.
            return false;
        }
        // `blockStmt`: `advance(_Name, _Rbrace)`, then the block's statements.
        let k = s.advance(i, |t| {
            matches!(t, Tok::Ident(_) | Tok::RBrace) || (fnest && stopset(t))
        });
        if k == n {
            return false;
        }
        s.splice(i, k, vec![Tok::LBrace], src_len);
        return true;
    }
    if rest.ends_with(" after top level declaration") {
        let k = s.advance(i, decl_keyword);
        if k == n {
            return false;
        }
        s.splice(i, k, vec![Tok::Semi(SemiKind::Explicit)], src_len);
        return true;
    }
    if rest.ends_with(" at end of statement") {
        let k = s.advance(i, |t| {
            matches!(t, Tok::Semi(_) | Tok::RBrace | Tok::Case | Tok::Default) || stopset(t)
        });
        if k == n {
            return false;
        }
        let ins = match s.tok(k) {
            Some(Tok::Semi(_) | Tok::RBrace) => vec![],
            _ => vec![Tok::Semi(SemiKind::Explicit)],
        };
        if k == i && ins.is_empty() {
            return false;
        }
        s.splice(i, k, ins, src_len);
        return true;
    }
    const LISTS: [(&str, Tok); 7] = [
        (
            " in argument list; possibly missing comma or )",
            Tok::RParen,
        ),
        (
            " in composite literal; possibly missing comma or }",
            Tok::RBrace,
        ),
        (
            " in parameter list; possibly missing comma or )",
            Tok::RParen,
        ),
        (
            " in parameter list; possibly missing comma or ]",
            Tok::RBrack,
        ),
        (
            " in grouped declaration; possibly missing semicolon or newline or )",
            Tok::RParen,
        ),
        (
            " in struct type; possibly missing semicolon or newline or }",
            Tok::RBrace,
        ),
        (
            " in interface type; possibly missing semicolon or newline or }",
            Tok::RBrace,
        ),
    ];
    if let Some((_, close)) = LISTS.iter().find(|(ctx, _)| rest.ends_with(ctx)) {
        let k = s.advance(i, |t| closer(t) || (fnest && stopset(t)));
        if k == n {
            return false;
        }
        // Closed by its own bracket, or left open where the skipping stopped.
        let ins = if s.tok(k) == Some(close) {
            vec![]
        } else {
            vec![close.clone()]
        };
        if k == i && ins.is_empty() {
            return false;
        }
        s.splice(i, k, ins, src_len);
        return true;
    }
    if rest.ends_with(", expected type") {
        // `type_`: a bad type, `advance(_Comma, _Colon, _Semi, _Rparen, _Rbrack, _Rbrace)`.
        let k = s.advance(i, |t| {
            matches!(t, Tok::Comma | Tok::Colon | Tok::Semi(_))
                || closer(t)
                || (fnest && stopset(t))
        });
        if k == n {
            return false;
        }
        s.splice(i, k, vec![Tok::Ident("_".to_string())], src_len);
        return true;
    }
    if rest.ends_with(", expected := or = or comma") {
        // `simpleStmt`: `advance(_Semi, _Rbrace)`; the statement is the list's first
        // expression.
        let Some(comma) = first_comma_of_statement(&s.toks, i) else {
            return false;
        };
        let k = s.advance(i, |t| {
            matches!(t, Tok::Semi(_) | Tok::RBrace) || (fnest && stopset(t))
        });
        if k == n {
            return false;
        }
        s.splice(comma, k, vec![], src_len);
        return true;
    }
    if rest.ends_with(", expected expression") {
        let k = s.advance(i, |t| closer(t) || (fnest && stopset(t)));
        if k == n {
            return false;
        }
        s.splice(i, k, vec![Tok::Ident("_".to_string())], src_len);
        return true;
    }
    if rest.ends_with(", expected case or default or }") {
        let k = s.advance(i, |t| {
            matches!(t, Tok::Colon | Tok::Case | Tok::Default | Tok::RBrace)
                || (fnest && stopset(t))
        });
        if k == n {
            return false;
        }
        s.splice(i, k, vec![Tok::Default], src_len);
        return true;
    }
    if rest.ends_with(", expected )") || rest.ends_with(", expected ]") {
        let inner = super::errors::open_brackets(&s.toks[..i])
            .last()
            .map(|&(k, _)| k);
        if inner == Some(super::errors::Kind::Params) {
            // `paramDeclOrNil` at a token that cannot start a parameter: `advance(_Comma,
            // close)`; the parameter list goes on there.
            let close = if rest.ends_with(")") {
                Tok::RParen
            } else {
                Tok::RBrack
            };
            let k = s.advance(i, |t| {
                *t == Tok::Comma || *t == close || (fnest && stopset(t))
            });
            match s.tok(k) {
                // The list takes the comma: the next parameter follows.
                Some(Tok::Comma) => s.splice(i, k + 1, vec![], src_len),
                Some(t) if *t == close && k > i => s.splice(i, k, vec![], src_len),
                // A statement keyword: the list reports it as a missing comma next.
                Some(t) if stopset(t) => s.splice(i, k, vec![Tok::Ident("_".to_string())], src_len),
                _ => return false,
            }
            return true;
        }
    }
    let wanted = [
        (", expected )", Tok::RParen),
        (", expected ]", Tok::RBrack),
        (", expected (", Tok::LParen),
        (", expected :", Tok::Colon),
        (", expected }", Tok::RBrace),
        (", expected name", Tok::Ident("_".to_string())),
        (
            ", expected semicolon or newline",
            Tok::Semi(SemiKind::Explicit),
        ),
        // `gotAssign`: `:=` taken for `=`.
        (", expected =", Tok::Assign),
    ];
    if let Some((_, w)) = wanted.iter().find(|(e, _)| rest.ends_with(e)) {
        if matches!(t, Tok::Semi(SemiKind::Eof)) {
            return false;
        }
        s.splice(i, i + 1, vec![w.clone()], src_len);
        return true;
    }
    false
}

/// The errors Go reports after `first` (at `toks[idx]`), in order.
pub(super) fn more_errors(
    src: &str,
    toks: Vec<Spanned>,
    first: &Diagnostic,
    idx: usize,
) -> Vec<Diagnostic> {
    let n = toks.len();
    let mut s = Stream {
        toks,
        synth: vec![false; n],
    };
    let mut out: Vec<Diagnostic> = Vec::new();
    let (mut d, mut i) = (first.clone(), idx);
    // Whether the stream was just edited without an error (nothing to recover from).
    let mut silent = false;
    for _ in 0..MAX_ROUNDS {
        if !silent {
            if i >= s.toks.len() {
                // Reported by a parse action: at the first real token at its position.
                match (0..s.toks.len()).find(|&j| !s.synth[j] && s.toks[j].0 == d.pos as usize) {
                    Some(j) => i = j,
                    None => break,
                }
            }
            let mut extra = Vec::new();
            if !recover(&mut s, &d, i, src, &mut extra) {
                break;
            }
            out.append(&mut extra);
        }
        silent = false;
        let ids = IdGen::new();
        let res = parse_stream(Tok::StartFile, &s.toks, &ids);
        let (e, j) = match super::reword_not_a_type(&Tok::StartFile, &s.toks, res) {
            Ok(_) => break,
            Err(x) => x,
        };
        if accept_func_type(&mut s.toks, &e, j) {
            s.synth.insert(j, true);
            s.synth.insert(j, true);
            silent = true;
            continue;
        }
        match &e {
            ParseError::UnrecognizedToken { .. } if s.synth.get(j) != Some(&true) => {}
            // Reported by a parse action (`j` is the length): found by position next round.
            ParseError::User { .. } => {}
            // At the end of the input Go does not report follow-up errors.
            _ => break,
        }
        let user = matches!(e, ParseError::User { .. });
        let next = syntax_error(src, &s.toks, j, e, true);
        let at = if j < s.toks.len() {
            j
        } else {
            (0..s.toks.len())
                .find(|&k| s.toks[k].0 >= next.pos as usize)
                .unwrap_or(j)
        };
        let same = |x: &Diagnostic| x.pos == next.pos && x.msg == next.msg;
        if user && (same(first) || out.iter().any(same)) {
            // A receiver error reported already (before the declaration's later errors, as
            // Go does): the parse action reports it again when it reduces the declaration.
            let mut extra = Vec::new();
            if at >= s.toks.len() || !recover(&mut s, &next, at, src, &mut extra) {
                break;
            }
            silent = true;
            continue;
        }
        if next.pos < d.pos {
            break;
        }
        if let Some(r) = receiver_error(&s.toks, at) {
            if r != next && !out.contains(&r) && r != *first {
                out.push(r);
            }
        }
        d = next;
        i = j;
        out.push(d.clone());
        // cmd/compile stops after 10 errors (one syntax error per line): no need to go on.
        let line = |p: u32| {
            src.as_bytes()[..(p as usize).min(src.len())]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
        };
        let mut lines: Vec<usize> = out.iter().chain([first]).map(|d| line(d.pos)).collect();
        lines.sort_unstable();
        lines.dedup();
        if lines.len() > 10 {
            break;
        }
    }
    out
}
