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

/// How Go's parser goes on after the error `msg` at token `i`; `false` if not modelled.
fn recover(s: &mut Stream, d: &Diagnostic, i: usize, src_len: usize) -> bool {
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
    if rest == "missing { after switch clause" {
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
        // or `switch` header ends there (a `for` header goes on: not modelled); the block follows.
        if !matches!(header_keyword(&s.toks[..i]), Some(Tok::If | Tok::Switch)) {
            return false;
        }
        let k = s.advance(i + 1, |t| {
            matches!(t, Tok::LBrace | Tok::RBrace) || (fnest && stopset(t))
        });
        // Elsewhere than at a `{`, Go parses a condition next: not modelled.
        if s.tok(k) != Some(&Tok::LBrace) {
            return false;
        }
        s.splice(i, k, vec![], src_len);
        return true;
    }
    if rest.ends_with(" clause") && rest.contains(", expected { after ") {
        if header_has_literal_type(&s.toks[..i]) {
            // The LR parser would read the `{` as a composite literal's.
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
    for _ in 0..MAX_ROUNDS {
        if !recover(&mut s, &d, i, src.len()) {
            break;
        }
        let ids = IdGen::new();
        let (e, j) = match parse_stream(Tok::StartFile, &s.toks, &ids) {
            Ok(_) => break,
            Err(x) => x,
        };
        let (go_on, at_synthetic) = match &e {
            ParseError::UnrecognizedToken { .. } => (true, s.synth.get(j) == Some(&true)),
            // Reported by a parse action: Go reports it and goes on as if nothing happened;
            // the LR parse cannot.
            ParseError::User { .. } => (false, false),
            // At the end of the input Go does not report follow-up errors.
            _ => break,
        };
        if at_synthetic {
            break;
        }
        let next = syntax_error(src, &s.toks, j, e, true);
        if next.pos < d.pos {
            break;
        }
        d = next;
        i = j;
        out.push(d.clone());
        if !go_on {
            break;
        }
    }
    out
}
