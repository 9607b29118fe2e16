//! The token stream the grammar reads: logos' [`RawTok`]s with Go's automatic semicolons.
//!
//! Spec "Semicolons": when the input is broken into tokens, a semicolon is inserted after a
//! line's final token if that token is an identifier, a literal, one of the keywords `break
//! continue fallthrough return`, or one of `++ -- ) ] }`. As in cmd/compile's scanner, a block
//! comment that spans lines acts like a newline, and the end of the file acts like one too.
//!
//! The inserted `;` is positioned where Go positions it (at the newline character, at the start of
//! a multi-line block comment, or at the end of the file), so that syntax errors such as
//! `unexpected newline` point where Go points.
//!
//! Lexical errors never stop the stream: they are collected in [`Lexer::errors`] (as Go's
//! scanner reports and goes on) and the parser sees a best-effort token.

use crate::token::{fmt_u, keyword, LexError, RawTok, SemiKind, Tok};
use logos::Logos;

/// Deepest bracket nesting accepted. A limit of minigo, not of Go: the AST is a tree of boxes
/// and later passes recurse over it, so absurd nesting would overflow a thread's stack.
pub const MAX_NESTING: usize = 200_000;

/// A LALRPOP token triple.
pub type Spanned = (usize, Tok, usize);

pub struct Lexer<'s> {
    inner: logos::Lexer<'s, RawTok>,
    src: &'s str,
    /// The last token emitted would end a statement at a newline.
    nlsemi: bool,
    done: bool,
    /// Open `(`, `[`, `{` so far.
    depth: usize,
    /// Lexical errors so far, in source order.
    pub errors: Vec<LexError>,
}

/// A line directive comment (`//line file:line[:col]` at the start of a line, or
/// `/*line file:line[:col]*/` anywhere): the positions from `end` on are reported as `text`
/// says.
pub struct LineDirective {
    /// Offset of the comment.
    pub at: u32,
    /// Offset where the directive takes effect: the start of the next line for `//line`,
    /// right after the comment for `/*line*/`.
    pub end: u32,
    /// The text after `line `.
    pub text: String,
}

/// The line directives of `src`, in order (found by the lexer, so never inside a literal).
pub fn line_directives(src: &str) -> Vec<LineDirective> {
    if !src.contains("//line ") && !src.contains("/*line ") {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut lx = RawTok::lexer(src);
    while let Some(t) = lx.next() {
        let span = lx.span();
        let text = &src[span.clone()];
        let found = match t {
            Ok(RawTok::LineComment) => {
                let at_line_start = span.start == 0 || src.as_bytes()[span.start - 1] == b'\n';
                match text.strip_prefix("//line ") {
                    Some(rest) if at_line_start => {
                        let nl = src[span.end..]
                            .find('\n')
                            .map_or(src.len(), |i| span.end + i + 1);
                        Some((rest.trim_end_matches('\r'), nl))
                    }
                    _ => None,
                }
            }
            Ok(RawTok::BlockComment(false)) => text
                .strip_prefix("/*line ")
                .and_then(|r| r.strip_suffix("*/"))
                .map(|r| (r, span.end)),
            _ => None,
        };
        if let Some((text, end)) = found {
            out.push(LineDirective {
                at: span.start as u32,
                end: end as u32,
                text: text.to_string(),
            });
        }
    }
    out
}

impl<'s> Lexer<'s> {
    pub fn new(src: &'s str) -> Lexer<'s> {
        let mut inner = RawTok::lexer(src);
        // A byte order mark is ignored at the start of a file (cmd/compile's source reader).
        if src.starts_with('\u{FEFF}') {
            inner.bump(3);
        }
        Lexer {
            inner,
            src,
            nlsemi: false,
            done: false,
            depth: 0,
            errors: Vec::new(),
        }
    }

    fn take_errors(&mut self) {
        if !self.inner.extras.errors.is_empty() {
            self.errors.append(&mut self.inner.extras.errors);
        }
    }
}

impl Iterator for Lexer<'_> {
    type Item = Result<Spanned, LexError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.done {
                return None;
            }
            let raw = self.inner.next();
            self.take_errors();
            let span = self.inner.span();
            let tok = match raw {
                None => {
                    self.done = true;
                    if self.nlsemi {
                        self.nlsemi = false;
                        let n = self.src.len();
                        return Some(Ok((n, Tok::Semi(SemiKind::Eof), n)));
                    }
                    return None;
                }
                Some(Err(())) => {
                    let c = self.src[span.start..].chars().next().unwrap_or('\u{FFFD}');
                    let msg = if c == '\0' {
                        "invalid NUL character".to_string()
                    } else {
                        format!("invalid character {}", fmt_u(c))
                    };
                    self.errors.push(LexError {
                        pos: span.start,
                        msg,
                    });
                    continue;
                }
                Some(Ok(RawTok::Newline)) | Some(Ok(RawTok::BlockComment(true))) => {
                    if self.nlsemi {
                        self.nlsemi = false;
                        return Some(Ok((
                            span.start,
                            Tok::Semi(SemiKind::Newline),
                            span.start + 1,
                        )));
                    }
                    continue;
                }
                Some(Ok(RawTok::LineComment)) | Some(Ok(RawTok::BlockComment(false))) => continue,
                Some(Ok(RawTok::Ident(s))) => keyword(&s).unwrap_or(Tok::Ident(s)),
                Some(Ok(RawTok::Tok(t))) => t,
            };
            match tok {
                Tok::LParen | Tok::LBrack | Tok::LBrace => {
                    self.depth += 1;
                    if self.depth > MAX_NESTING {
                        self.errors.push(LexError {
                            pos: span.start,
                            msg: format!("too deeply nested (more than {MAX_NESTING} brackets)"),
                        });
                        self.done = true;
                        return None;
                    }
                }
                Tok::RParen | Tok::RBrack | Tok::RBrace => {
                    self.depth = self.depth.saturating_sub(1)
                }
                _ => {}
            }
            self.nlsemi = tok.ends_statement();
            return Some(Ok((span.start, tok, span.end)));
        }
    }
}

/// All tokens of `src` (for tests and tools), and the lexical errors.
pub fn tokenize(src: &str) -> (Vec<Spanned>, Vec<LexError>) {
    let mut lx = Lexer::new(src);
    let toks: Vec<Spanned> = lx.by_ref().filter_map(Result::ok).collect();
    (toks, lx.errors)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ast::BinOp;
    use Tok::*;

    fn toks(src: &str) -> Vec<Tok> {
        let (t, e) = tokenize(src);
        assert!(e.is_empty(), "unexpected lexical errors: {e:?}");
        t.into_iter().map(|(_, t, _)| t).collect()
    }

    fn errs(src: &str) -> Vec<(usize, String)> {
        tokenize(src)
            .1
            .into_iter()
            .map(|e| (e.pos, e.msg))
            .collect()
    }

    const NL: Tok = Semi(SemiKind::Newline);
    const EOF: Tok = Semi(SemiKind::Eof);

    fn id(s: &str) -> Tok {
        Ident(s.to_string())
    }

    #[test]
    fn semicolon_insertion() {
        assert_eq!(
            toks("x := 1\nreturn\n}"),
            vec![
                id("x"),
                Define,
                Int("1".into()),
                NL,
                Return,
                NL,
                RBrace,
                EOF
            ]
        );
        // A newline after an operator or `{` inserts nothing.
        assert_eq!(toks("a +\nb"), vec![id("a"), Add, id("b"), EOF]);
        assert_eq!(toks("f(\n)"), vec![id("f"), LParen, RParen, EOF]);
        // Keywords break/continue/fallthrough/return trigger; others do not.
        assert_eq!(toks("break\nfunc\n"), vec![Break, NL, Func]);
        assert_eq!(toks("i++\ni--\n"), vec![id("i"), Inc, NL, id("i"), Dec, NL]);
        // Empty input and trailing spaces.
        assert_eq!(toks(""), vec![]);
        assert_eq!(toks("x  \t "), vec![id("x"), EOF]);
        assert_eq!(
            toks("x;y"),
            vec![id("x"), Semi(SemiKind::Explicit), id("y"), EOF]
        );
    }

    #[test]
    fn comments_and_semicolons() {
        // A line comment ends the line like a newline.
        assert_eq!(toks("x // c\ny"), vec![id("x"), NL, id("y"), EOF]);
        assert_eq!(toks("x // c"), vec![id("x"), EOF]);
        // A block comment without newline acts like a space.
        assert_eq!(toks("x /* c */ y"), vec![id("x"), id("y"), EOF]);
        // With a newline it acts like a newline (at the comment start).
        let (t, _) = tokenize("x /* a\nb */ y");
        assert_eq!(t[1], (2, NL, 3));
        assert_eq!(t.len(), 4);
        // Not after a token that does not end a statement.
        assert_eq!(
            toks("x = /* a\nb */ y"),
            vec![id("x"), Assign, id("y"), EOF]
        );
        assert_eq!(errs("x /* abc"), vec![(2, "comment not terminated".into())]);
    }

    #[test]
    fn operators() {
        let src = "+ - * / % & | ^ << >> &^ += -= *= /= %= &= |= ^= <<= >>= &^= && || <- ++ -- == < > = ! ~ != <= >= := ... ( [ { , . ) ] } ; :";
        let want = vec![
            Add,
            Sub,
            Star,
            Quo,
            Rem,
            And,
            Or,
            Xor,
            Shl,
            Shr,
            AndNot,
            OpAssign(BinOp::Add),
            OpAssign(BinOp::Sub),
            OpAssign(BinOp::Mul),
            OpAssign(BinOp::Div),
            OpAssign(BinOp::Rem),
            OpAssign(BinOp::And),
            OpAssign(BinOp::Or),
            OpAssign(BinOp::Xor),
            OpAssign(BinOp::Shl),
            OpAssign(BinOp::Shr),
            OpAssign(BinOp::AndNot),
            LAnd,
            LOr,
            Arrow,
            Inc,
            Dec,
            Eql,
            Lss,
            Gtr,
            Assign,
            Not,
            Tilde,
            Neq,
            Leq,
            Geq,
            Define,
            Ellipsis,
            LParen,
            LBrack,
            LBrace,
            Comma,
            Period,
            RParen,
            RBrack,
            RBrace,
            Semi(SemiKind::Explicit),
            Colon,
        ];
        assert_eq!(toks(src), want);
        assert_eq!(toks("a..b"), vec![id("a"), Period, Period, id("b"), EOF]);
    }

    #[test]
    fn keywords_and_identifiers() {
        let kws = "break case chan const continue default defer else fallthrough for func go goto if import interface map package range return select struct switch type var";
        let t = toks(kws);
        assert_eq!(t.len(), 25);
        assert!(t.iter().all(|t| t.keyword_str().is_some()));
        assert_eq!(toks("funcé"), vec![id("funcé"), EOF]);
        assert_eq!(
            toks("héllo _x9 日本語"),
            vec![id("héllo"), id("_x9"), id("日本語"), EOF]
        );
        assert_eq!(
            errs("a @ b"),
            vec![(2, "invalid character U+0040 '@'".into())]
        );
        assert_eq!(
            errs("a # b"),
            vec![(2, "invalid character U+0023 '#'".into())]
        );
    }

    #[test]
    fn number_literals() {
        for s in [
            "0",
            "42",
            "1_000_000",
            "0x1F",
            "0X_1f",
            "0o17",
            "0O17",
            "017",
            "0b1010",
            "0B_1",
        ] {
            assert_eq!(toks(s), vec![Int(s.into()), EOF], "{s}");
        }
        for s in [
            "1.5", "1.", ".5", "1e10", "1E+10", "1.5e-3", "0x1p-2", "0x1.8p1", "0X.8P0", "1_0.2_5",
            "089.5", "0e5",
        ] {
            assert_eq!(toks(s), vec![Float(s.into()), EOF], "{s}");
        }
        for s in ["1i", "1.5i", "0x1p2i", "017i", "0i", "1e3i"] {
            assert_eq!(toks(s), vec![Imag(s.into()), EOF], "{s}");
        }
        assert_eq!(toks("x.5"), vec![id("x"), Float(".5".into()), EOF]);
        assert_eq!(
            toks("1..5"),
            vec![Float("1.".into()), Float(".5".into()), EOF]
        );
    }

    #[test]
    fn number_errors() {
        assert_eq!(
            errs("08"),
            vec![(1, "invalid digit '8' in octal literal".into())]
        );
        assert_eq!(
            errs("0o19"),
            vec![(3, "invalid digit '9' in octal literal".into())]
        );
        assert_eq!(
            errs("0b102"),
            vec![(4, "invalid digit '2' in binary literal".into())]
        );
        assert_eq!(
            errs("1__0"),
            vec![(2, "'_' must separate successive digits".into())]
        );
        assert_eq!(
            errs("1_"),
            vec![(1, "'_' must separate successive digits".into())]
        );
        assert_eq!(
            errs("0x_"),
            vec![(3, "hexadecimal literal has no digits".into())]
        );
        assert_eq!(
            errs("0x"),
            vec![(2, "hexadecimal literal has no digits".into())]
        );
        assert_eq!(errs("1e"), vec![(2, "exponent has no digits".into())]);
        assert_eq!(
            errs("0x1.5"),
            vec![(5, "hexadecimal mantissa requires a 'p' exponent".into())]
        );
        assert_eq!(
            errs("1p5"),
            vec![(1, "'p' exponent requires hexadecimal mantissa".into())]
        );
        assert_eq!(
            errs("0b1.0"),
            vec![(3, "invalid radix point in binary literal".into())]
        );
    }

    fn strv(src: &str) -> Vec<u8> {
        match toks(src).into_iter().next() {
            Some(Str(v)) => v,
            t => panic!("not a string: {t:?}"),
        }
    }

    fn runev(src: &str) -> u32 {
        match toks(src).into_iter().next() {
            Some(Rune(v)) => v,
            t => panic!("not a rune: {t:?}"),
        }
    }

    #[test]
    fn string_literals() {
        assert_eq!(strv(r#""hello""#), b"hello");
        assert_eq!(
            strv(r#""\a\b\f\n\r\t\v\\\"""#),
            vec![7, 8, 12, 10, 13, 9, 11, b'\\', b'"']
        );
        assert_eq!(strv(r#""\101\x41\u00e9\U0001F600""#), "AAé😀".as_bytes());
        assert_eq!(strv(r#""\xff\xfe""#), vec![0xff, 0xfe]);
        assert_eq!(strv(r#""\377""#), vec![0xff]);
        assert_eq!(strv("\"日本\""), "日本".as_bytes());
        assert_eq!(strv("`a\\n\r\nb`"), b"a\\n\nb");
        assert_eq!(strv("``"), b"");
        assert_eq!(toks("`a\nb`\n"), vec![Str(b"a\nb".to_vec()), NL]);
    }

    #[test]
    fn rune_literals() {
        assert_eq!(runev("'a'"), 'a' as u32);
        assert_eq!(runev("'é'"), 0xe9);
        assert_eq!(runev(r"'\n'"), 10);
        assert_eq!(runev(r"'\''"), 39);
        assert_eq!(runev(r"'\x41'"), 0x41);
        assert_eq!(runev(r"'\xff'"), 255);
        assert_eq!(runev(r"'\377'"), 255);
        assert_eq!(runev(r"'\u00e9'"), 0xe9);
        assert_eq!(runev(r"'\U0001F600'"), 0x1F600);
        assert_eq!(runev(r"'\\'"), 92);
    }

    #[test]
    fn literal_errors() {
        assert_eq!(errs("\"abc\nx"), vec![(4, "newline in string".into())]);
        assert_eq!(errs("x \"abc"), vec![(2, "string not terminated".into())]);
        assert_eq!(errs("`abc"), vec![(0, "string not terminated".into())]);
        assert_eq!(
            errs("'ab'"),
            vec![(0, "more than one character in rune literal".into())]
        );
        assert_eq!(
            errs("''"),
            vec![(1, "empty rune literal or unescaped '".into())]
        );
        assert_eq!(errs("'a"), vec![(0, "rune literal not terminated".into())]);
        assert_eq!(errs("'a\n"), vec![(2, "newline in rune literal".into())]);
        assert_eq!(errs(r#""\q""#), vec![(2, "unknown escape".into())]);
        assert_eq!(
            errs(r#""\x4g""#),
            vec![(4, "invalid character 'g' in hexadecimal escape".into())]
        );
        assert_eq!(
            errs(r#""\400""#),
            vec![(5, "octal escape value 256 > 255".into())]
        );
        assert_eq!(
            errs(r#""\ud800""#),
            vec![(7, "escape is invalid Unicode code point U+D800".into())]
        );
    }
}
