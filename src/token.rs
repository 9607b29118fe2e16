//! Go's tokens, in two layers.
//!
//! [`RawTok`] is what logos recognises: every token of the Go spec plus `Newline` and the two
//! comment forms, which the wrapper in `lexer.rs` turns into automatic semicolons (spec
//! "Semicolons"). Literals are scanned by hand in callbacks so that every lexical error gets
//! cmd/compile's exact wording (`newline in string`, `invalid digit '8' in octal literal`, ...);
//! the errors are collected in [`LexExtras`] and scanning goes on, as Go's scanner does.
//!
//! [`Tok`] is what the grammar (`grammar/go.lalrpop`) consumes.

use crate::ast::BinOp;
use logos::Logos;

/// Why a `;` token is there; Go names the three kinds differently in syntax errors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SemiKind {
    /// Written in the source: `semicolon`.
    Explicit,
    /// Inserted at a newline (or a block comment spanning lines): `newline`.
    Newline,
    /// Inserted at the end of the file: `EOF`.
    Eof,
}

/// A token as the parser sees it.
#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    Ident(String),
    /// Integer literal source text.
    Int(String),
    Float(String),
    Imag(String),
    /// Rune literal, decoded.
    Rune(u32),
    /// String literal (interpreted or raw), decoded to bytes.
    Str(Vec<u8>),

    // Keywords (all 25).
    Break,
    Case,
    Chan,
    Const,
    Continue,
    Default,
    Defer,
    Else,
    Fallthrough,
    For,
    Func,
    Go,
    Goto,
    If,
    Import,
    Interface,
    Map,
    Package,
    Range,
    Return,
    Select,
    Struct,
    Switch,
    Type,
    Var,

    // Operators and punctuation.
    Add,    // +
    Sub,    // -
    Star,   // *
    Quo,    // /
    Rem,    // %
    And,    // &
    Or,     // |
    Xor,    // ^
    Shl,    // <<
    Shr,    // >>
    AndNot, // &^
    /// `op=`: `+= -= *= /= %= &= |= ^= <<= >>= &^=`
    OpAssign(BinOp),
    LAnd,     // &&
    LOr,      // ||
    Arrow,    // <-
    Inc,      // ++
    Dec,      // --
    Eql,      // ==
    Lss,      // <
    Gtr,      // >
    Assign,   // =
    Not,      // !
    Tilde,    // ~
    Neq,      // !=
    Leq,      // <=
    Geq,      // >=
    Define,   // :=
    Ellipsis, // ...
    LParen,
    LBrack,
    LBrace,
    Comma,
    Period,
    RParen,
    RBrack,
    RBrace,
    Semi(SemiKind),
    Colon,

    /// Markers put in front of the stream by `parse.rs` to select what is parsed (never produced
    /// by the lexer): a source file, a REPL input, a REPL input of declarations only.
    StartFile,
    StartRepl,
    StartDecls,
}

/// The keyword for `s`, if it is one of Go's 25 keywords.
pub fn keyword(s: &str) -> Option<Tok> {
    Some(match s {
        "break" => Tok::Break,
        "case" => Tok::Case,
        "chan" => Tok::Chan,
        "const" => Tok::Const,
        "continue" => Tok::Continue,
        "default" => Tok::Default,
        "defer" => Tok::Defer,
        "else" => Tok::Else,
        "fallthrough" => Tok::Fallthrough,
        "for" => Tok::For,
        "func" => Tok::Func,
        "go" => Tok::Go,
        "goto" => Tok::Goto,
        "if" => Tok::If,
        "import" => Tok::Import,
        "interface" => Tok::Interface,
        "map" => Tok::Map,
        "package" => Tok::Package,
        "range" => Tok::Range,
        "return" => Tok::Return,
        "select" => Tok::Select,
        "struct" => Tok::Struct,
        "switch" => Tok::Switch,
        "type" => Tok::Type,
        "var" => Tok::Var,
        _ => return None,
    })
}

impl Tok {
    /// Whether a newline after this token becomes a semicolon (spec "Semicolons", rule 1).
    pub fn ends_statement(&self) -> bool {
        matches!(
            self,
            Tok::Ident(_)
                | Tok::Int(_)
                | Tok::Float(_)
                | Tok::Imag(_)
                | Tok::Rune(_)
                | Tok::Str(_)
                | Tok::Break
                | Tok::Continue
                | Tok::Fallthrough
                | Tok::Return
                | Tok::Inc
                | Tok::Dec
                | Tok::RParen
                | Tok::RBrack
                | Tok::RBrace
        )
    }

    /// Keyword spelling, if the token is a keyword.
    pub fn keyword_str(&self) -> Option<&'static str> {
        Some(match self {
            Tok::Break => "break",
            Tok::Case => "case",
            Tok::Chan => "chan",
            Tok::Const => "const",
            Tok::Continue => "continue",
            Tok::Default => "default",
            Tok::Defer => "defer",
            Tok::Else => "else",
            Tok::Fallthrough => "fallthrough",
            Tok::For => "for",
            Tok::Func => "func",
            Tok::Go => "go",
            Tok::Goto => "goto",
            Tok::If => "if",
            Tok::Import => "import",
            Tok::Interface => "interface",
            Tok::Map => "map",
            Tok::Package => "package",
            Tok::Range => "range",
            Tok::Return => "return",
            Tok::Select => "select",
            Tok::Struct => "struct",
            Tok::Switch => "switch",
            Tok::Type => "type",
            Tok::Var => "var",
            _ => return None,
        })
    }

    /// Operator or punctuation spelling.
    pub fn op_str(&self) -> Option<&'static str> {
        Some(match self {
            Tok::Add => "+",
            Tok::Sub => "-",
            Tok::Star => "*",
            Tok::Quo => "/",
            Tok::Rem => "%",
            Tok::And => "&",
            Tok::Or => "|",
            Tok::Xor => "^",
            Tok::Shl => "<<",
            Tok::Shr => ">>",
            Tok::AndNot => "&^",
            Tok::OpAssign(op) => match op {
                BinOp::Add => "+=",
                BinOp::Sub => "-=",
                BinOp::Mul => "*=",
                BinOp::Div => "/=",
                BinOp::Rem => "%=",
                BinOp::And => "&=",
                BinOp::Or => "|=",
                BinOp::Xor => "^=",
                BinOp::Shl => "<<=",
                BinOp::Shr => ">>=",
                BinOp::AndNot => "&^=",
                _ => "op=",
            },
            Tok::LAnd => "&&",
            Tok::LOr => "||",
            Tok::Arrow => "<-",
            Tok::Inc => "++",
            Tok::Dec => "--",
            Tok::Eql => "==",
            Tok::Lss => "<",
            Tok::Gtr => ">",
            Tok::Assign => "=",
            Tok::Not => "!",
            Tok::Tilde => "~",
            Tok::Neq => "!=",
            Tok::Leq => "<=",
            Tok::Geq => ">=",
            Tok::Define => ":=",
            Tok::Ellipsis => "...",
            Tok::LParen => "(",
            Tok::LBrack => "[",
            Tok::LBrace => "{",
            Tok::Comma => ",",
            Tok::Period => ".",
            Tok::RParen => ")",
            Tok::RBrack => "]",
            Tok::RBrace => "}",
            Tok::Colon => ":",
            _ => return None,
        })
    }
}

/// A lexical error: byte offset Go reports it at, and Go's message.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LexError {
    pub pos: usize,
    pub msg: String,
}

/// Per-lexer state: the lexical errors found so far (scanning continues after each, as in Go).
#[derive(Default, Debug)]
pub struct LexExtras {
    pub errors: Vec<LexError>,
}

/// Tokens as logos recognises them; `lexer.rs` turns them into [`Tok`]s.
#[derive(Logos, Debug, Clone, PartialEq)]
#[logos(extras = LexExtras)]
#[logos(skip r"[ \t\r]+")]
pub enum RawTok {
    #[token("\n")]
    Newline,
    #[token("//", line_comment)]
    LineComment,
    /// `/* ... */`; true if it contains a newline (then it acts like one).
    #[token("/*", block_comment)]
    BlockComment(bool),
    /// Identifier or keyword (ASCII fast path; Unicode letters continue it by hand).
    #[regex(r"[A-Za-z_][A-Za-z0-9_]*", ident)]
    /// Any non-ASCII character: a Unicode identifier, or an invalid character.
    #[regex(r"[^\x00-\x7F]", unicode_start)]
    Ident(String),
    #[regex(r"[0-9]", |lex| number(lex, false))]
    #[regex(r"\.[0-9]", |lex| number(lex, true))]
    #[token("\"", std_string)]
    #[token("`", raw_string)]
    #[token("'", rune_lit)]
    #[token("+", |_| Tok::Add)]
    #[token("-", |_| Tok::Sub)]
    #[token("*", |_| Tok::Star)]
    #[token("/", |_| Tok::Quo)]
    #[token("%", |_| Tok::Rem)]
    #[token("&", |_| Tok::And)]
    #[token("|", |_| Tok::Or)]
    #[token("^", |_| Tok::Xor)]
    #[token("<<", |_| Tok::Shl)]
    #[token(">>", |_| Tok::Shr)]
    #[token("&^", |_| Tok::AndNot)]
    #[token("+=", |_| Tok::OpAssign(BinOp::Add))]
    #[token("-=", |_| Tok::OpAssign(BinOp::Sub))]
    #[token("*=", |_| Tok::OpAssign(BinOp::Mul))]
    #[token("/=", |_| Tok::OpAssign(BinOp::Div))]
    #[token("%=", |_| Tok::OpAssign(BinOp::Rem))]
    #[token("&=", |_| Tok::OpAssign(BinOp::And))]
    #[token("|=", |_| Tok::OpAssign(BinOp::Or))]
    #[token("^=", |_| Tok::OpAssign(BinOp::Xor))]
    #[token("<<=", |_| Tok::OpAssign(BinOp::Shl))]
    #[token(">>=", |_| Tok::OpAssign(BinOp::Shr))]
    #[token("&^=", |_| Tok::OpAssign(BinOp::AndNot))]
    #[token("&&", |_| Tok::LAnd)]
    #[token("||", |_| Tok::LOr)]
    #[token("<-", |_| Tok::Arrow)]
    #[token("++", |_| Tok::Inc)]
    #[token("--", |_| Tok::Dec)]
    #[token("==", |_| Tok::Eql)]
    #[token("<", |_| Tok::Lss)]
    #[token(">", |_| Tok::Gtr)]
    #[token("=", |_| Tok::Assign)]
    #[token("!", |_| Tok::Not)]
    #[token("~", |_| Tok::Tilde)]
    #[token("!=", |_| Tok::Neq)]
    #[token("<=", |_| Tok::Leq)]
    #[token(">=", |_| Tok::Geq)]
    #[token(":=", |_| Tok::Define)]
    #[token("...", |_| Tok::Ellipsis)]
    #[token("(", |_| Tok::LParen)]
    #[token("[", |_| Tok::LBrack)]
    #[token("{", |_| Tok::LBrace)]
    #[token(",", |_| Tok::Comma)]
    #[token(".", |_| Tok::Period)]
    #[token(")", |_| Tok::RParen)]
    #[token("]", |_| Tok::RBrack)]
    #[token("}", |_| Tok::RBrace)]
    #[token(";", |_| Tok::Semi(SemiKind::Explicit))]
    #[token(":", |_| Tok::Colon)]
    Tok(Tok),
}

type Lx<'s> = logos::Lexer<'s, RawTok>;

fn err(lex: &mut Lx<'_>, pos: usize, msg: impl Into<String>) {
    lex.extras.errors.push(LexError {
        pos,
        msg: msg.into(),
    });
}

/// Go's `%#U` format: `U+0040 '@'` (the quoted char omitted if not printable).
pub fn fmt_u(c: char) -> String {
    if c.is_control() || c == '\u{FEFF}' {
        format!("U+{:04X}", c as u32)
    } else {
        format!("U+{:04X} '{}'", c as u32, c)
    }
}

/// Go's `unicode.IsLetter` (approximated by Rust's alphabetic test) or `_`.
fn is_letter(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

fn is_ident_char(c: char) -> bool {
    is_letter(c) || c.is_numeric()
}

/// Continue an identifier past its ASCII prefix with Unicode letters and digits.
fn ident(lex: &mut Lx<'_>) -> String {
    let rest = lex.remainder();
    let n: usize = rest
        .chars()
        .take_while(|&c| is_ident_char(c))
        .map(char::len_utf8)
        .sum();
    lex.bump(n);
    lex.slice().to_string()
}

fn unicode_start(lex: &mut Lx<'_>) -> logos::FilterResult<String, ()> {
    let c = lex.slice().chars().next().unwrap_or('\u{FFFD}');
    if is_letter(c) {
        logos::FilterResult::Emit(ident(lex))
    } else {
        let pos = lex.span().start;
        if c.is_numeric() {
            err(
                lex,
                pos,
                format!("identifier cannot begin with digit {}", fmt_u(c)),
            );
        } else {
            err(lex, pos, format!("invalid character {}", fmt_u(c)));
        }
        logos::FilterResult::Skip
    }
}

fn line_comment(lex: &mut Lx<'_>) {
    let n = lex.remainder().find('\n').unwrap_or(lex.remainder().len());
    lex.bump(n);
}

fn block_comment(lex: &mut Lx<'_>) -> bool {
    let rest = lex.remainder();
    match rest.find("*/") {
        Some(i) => {
            let nl = rest[..i].contains('\n');
            lex.bump(i + 2);
            nl
        }
        None => {
            let nl = rest.contains('\n');
            let n = rest.len();
            lex.bump(n);
            let pos = lex.span().start;
            err(lex, pos, "comment not terminated");
            nl
        }
    }
}

fn base_name(base: u32) -> &'static str {
    match base {
        2 => "binary",
        8 => "octal",
        16 => "hexadecimal",
        _ => "decimal",
    }
}

/// Scans `{ digit | '_' }` from `s[i..]` (Go's `scanner.digits`). Returns the new index and the
/// digit/separator bits (bit 0: a digit, bit 1: a `_`); records the first digit >= base.
fn digits(s: &[u8], mut i: usize, base: u32, invalid: &mut Option<usize>) -> (usize, u32) {
    let mut digsep = 0;
    if base <= 10 {
        let max = b'0' + base as u8;
        while i < s.len() && (s[i].is_ascii_digit() || s[i] == b'_') {
            if s[i] == b'_' {
                digsep |= 2;
            } else {
                if s[i] >= max && invalid.is_none() {
                    *invalid = Some(i);
                }
                digsep |= 1;
            }
            i += 1;
        }
    } else {
        while i < s.len() && (s[i].is_ascii_hexdigit() || s[i] == b'_') {
            digsep |= if s[i] == b'_' { 2 } else { 1 };
            i += 1;
        }
    }
    (i, digsep)
}

/// Index of the first misplaced `_` in a number literal, as Go's `invalidSep`.
fn invalid_sep(x: &[u8]) -> Option<usize> {
    let mut x1 = b' ';
    let mut d = b'.';
    let mut i = 0;
    if x.len() >= 2 && x[0] == b'0' {
        x1 = x[1].to_ascii_lowercase();
        if x1 == b'x' || x1 == b'o' || x1 == b'b' {
            d = b'0';
            i = 2;
        }
    }
    while i < x.len() {
        let p = d;
        d = x[i];
        if d == b'_' {
            if p != b'0' {
                return Some(i);
            }
        } else if d.is_ascii_digit() || (x1 == b'x' && d.is_ascii_hexdigit()) {
            d = b'0';
        } else {
            if p == b'_' {
                return Some(i - 1);
            }
            d = b'.';
        }
        i += 1;
    }
    if d == b'_' {
        return Some(x.len() - 1);
    }
    None
}

/// Number literal, following cmd/compile's `scanner.number` (errors and all). The token so far
/// is one digit, or `.` and one digit.
fn number(lex: &mut Lx<'_>, seen_point: bool) -> Tok {
    let start = lex.span().start;
    let src = lex.source().as_bytes();
    let s = &src[start..];
    let mut errs: Vec<(usize, String)> = Vec::new();
    let mut ok = true;
    let mut kind = 0; // 0 int, 1 float, 2 imag
    let mut base = 10;
    let mut prefix = 0u8;
    let mut digsep = 0;
    let mut invalid = None;
    let mut i = 0;
    let mut seen_point = seen_point;
    if seen_point {
        i = 1; // the '.'
    } else {
        if s[0] == b'0' {
            i = 1;
            match s.get(1).map(|c| c.to_ascii_lowercase()) {
                Some(b'x') => {
                    i = 2;
                    base = 16;
                    prefix = b'x';
                }
                Some(b'o') => {
                    i = 2;
                    base = 8;
                    prefix = b'o';
                }
                Some(b'b') => {
                    i = 2;
                    base = 2;
                    prefix = b'b';
                }
                _ => {
                    base = 8;
                    prefix = b'0';
                    digsep = 1;
                }
            }
        }
        let (j, ds) = digits(s, i, base, &mut invalid);
        i = j;
        digsep |= ds;
        if s.get(i) == Some(&b'.') {
            if prefix == b'o' || prefix == b'b' {
                errs.push((
                    i,
                    format!("invalid radix point in {} literal", base_name(base)),
                ));
                ok = false;
            }
            i += 1;
            seen_point = true;
        }
    }
    if seen_point {
        kind = 1;
        let (j, ds) = digits(s, i, base, &mut invalid);
        i = j;
        digsep |= ds;
    }
    if digsep & 1 == 0 && ok {
        errs.push((i, format!("{} literal has no digits", base_name(base))));
        ok = false;
    }
    let e = s.get(i).map(|c| c.to_ascii_lowercase());
    if e == Some(b'e') || e == Some(b'p') {
        if ok {
            let ch = s[i] as char;
            if e == Some(b'e') && prefix != 0 && prefix != b'0' {
                errs.push((i, format!("'{ch}' exponent requires decimal mantissa")));
                ok = false;
            } else if e == Some(b'p') && prefix != b'x' {
                errs.push((i, format!("'{ch}' exponent requires hexadecimal mantissa")));
                ok = false;
            }
        }
        i += 1;
        kind = 1;
        if s.get(i) == Some(&b'+') || s.get(i) == Some(&b'-') {
            i += 1;
        }
        let (j, ds) = digits(s, i, 10, &mut None);
        i = j;
        digsep = ds | (digsep & 2);
        if ds & 1 == 0 && ok {
            errs.push((i, "exponent has no digits".to_string()));
            ok = false;
        }
    } else if prefix == b'x' && kind == 1 && ok {
        errs.push((
            i,
            "hexadecimal mantissa requires a 'p' exponent".to_string(),
        ));
        ok = false;
    }
    if s.get(i) == Some(&b'i') {
        kind = 2;
        i += 1;
    }
    let lit = &s[..i];
    if kind == 0 && ok {
        if let Some(k) = invalid {
            errs.push((
                k,
                format!(
                    "invalid digit '{}' in {} literal",
                    lit[k] as char,
                    base_name(base)
                ),
            ));
            ok = false;
        }
    }
    if digsep & 2 != 0 && ok {
        if let Some(k) = invalid_sep(lit) {
            errs.push((k, "'_' must separate successive digits".to_string()));
        }
    }
    let text = String::from_utf8_lossy(lit).into_owned();
    let consumed = lex.span().end - start;
    lex.bump(i - consumed);
    for (off, msg) in errs {
        err(lex, start + off, msg);
    }
    match kind {
        0 => Tok::Int(text),
        1 => Tok::Float(text),
        _ => Tok::Imag(text),
    }
}

/// Decodes one escape sequence after a backslash at `s[i]` (Go's `scanner.escape`): pushes the
/// bytes onto `out`, returns the index after it. Reports errors via `errs` (offset, message).
fn escape(
    s: &str,
    mut i: usize,
    quote: char,
    out: &mut Vec<u8>,
    errs: &mut Vec<(usize, String)>,
) -> (usize, bool) {
    let b = s.as_bytes();
    let Some(&c) = b.get(i) else {
        return (i, true); // EOF: the caller complains
    };
    let simple = match c {
        b'a' => Some(7u8),
        b'b' => Some(8),
        b'f' => Some(12),
        b'n' => Some(b'\n'),
        b'r' => Some(b'\r'),
        b't' => Some(b'\t'),
        b'v' => Some(11),
        b'\\' => Some(b'\\'),
        _ if c as char == quote => Some(c),
        _ => None,
    };
    if let Some(v) = simple {
        out.push(v);
        return (i + 1, true);
    }
    let (n, base, max): (usize, u32, u32) = match c {
        b'0'..=b'7' => (3, 8, 255),
        b'x' => {
            i += 1;
            (2, 16, 255)
        }
        b'u' => {
            i += 1;
            (4, 16, 0x10FFFF)
        }
        b'U' => {
            i += 1;
            (8, 16, 0x10FFFF)
        }
        _ => {
            errs.push((i, "unknown escape".to_string()));
            return (i, false);
        }
    };
    let mut x: u32 = 0;
    for _ in 0..n {
        let Some(ch) = s[i..].chars().next() else {
            return (i, true);
        };
        let d = ch.to_digit(16).unwrap_or(base);
        if d >= base {
            let q = if ch == '\n' {
                "'\\n'".to_string()
            } else {
                format!("{ch:?}")
            };
            errs.push((
                i,
                format!("invalid character {} in {} escape", q, base_name(base)),
            ));
            return (i, false);
        }
        x = x.wrapping_mul(base).wrapping_add(d);
        i += 1;
    }
    if x > max && base == 8 {
        errs.push((i, format!("octal escape value {x} > 255")));
        return (i, false);
    }
    if x > max || (0xD800..0xE000).contains(&x) {
        let shown = match char::from_u32(x) {
            Some(c) => fmt_u(c),
            None => format!("U+{x:04X}"),
        };
        errs.push((i, format!("escape is invalid Unicode code point {shown}")));
        return (i, false);
    }
    if c == b'u' || c == b'U' {
        let ch = char::from_u32(x).unwrap_or('\u{FFFD}');
        let mut buf = [0u8; 4];
        out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
    } else {
        out.push(x as u8);
    }
    (i, true)
}

fn std_string(lex: &mut Lx<'_>) -> Tok {
    let start = lex.span().start;
    let s = &lex.source()[start..];
    let mut errs = Vec::new();
    let mut out = Vec::new();
    let mut i = 1;
    loop {
        let Some(c) = s[i..].chars().next() else {
            errs.push((0, "string not terminated".to_string()));
            break;
        };
        match c {
            '"' => {
                i += 1;
                break;
            }
            '\\' => {
                let (j, _) = escape(s, i + 1, '"', &mut out, &mut errs);
                i = j;
            }
            '\n' => {
                errs.push((i, "newline in string".to_string()));
                break;
            }
            _ => {
                let mut buf = [0u8; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                i += c.len_utf8();
            }
        }
    }
    lex.bump(i - 1);
    for (off, msg) in errs {
        err(lex, start + off, msg);
    }
    Tok::Str(out)
}

fn raw_string(lex: &mut Lx<'_>) -> Tok {
    let start = lex.span().start;
    let s = &lex.source()[start + 1..];
    let (body, n, ok) = match s.find('`') {
        Some(i) => (&s[..i], i + 1, true),
        None => (s, s.len(), false),
    };
    // Carriage returns are discarded from the raw string value (spec "String literals").
    let out: Vec<u8> = body.bytes().filter(|&b| b != b'\r').collect();
    lex.bump(n);
    if !ok {
        err(lex, start, "string not terminated");
    }
    Tok::Str(out)
}

fn rune_lit(lex: &mut Lx<'_>) -> Tok {
    let start = lex.span().start;
    let s = &lex.source()[start..];
    let mut errs = Vec::new();
    let mut ok = true;
    let mut value: u32 = 0;
    let mut n = 0;
    let mut i = 1;
    loop {
        let Some(c) = s[i..].chars().next() else {
            if ok {
                errs.push((0, "rune literal not terminated".to_string()));
            }
            break;
        };
        match c {
            '\'' => {
                if ok {
                    if n == 0 {
                        errs.push((i, "empty rune literal or unescaped '".to_string()));
                    } else if n != 1 {
                        errs.push((0, "more than one character in rune literal".to_string()));
                    }
                }
                i += 1;
                break;
            }
            '\\' => {
                let mut out = Vec::new();
                let (j, good) = escape(s, i + 1, '\'', &mut out, &mut errs);
                if !good {
                    ok = false;
                }
                if n == 0 {
                    value = if s
                        .as_bytes()
                        .get(i + 1)
                        .is_some_and(|&b| b == b'u' || b == b'U')
                    {
                        std::str::from_utf8(&out)
                            .ok()
                            .and_then(|t| t.chars().next())
                            .map_or(0, |c| c as u32)
                    } else {
                        out.first().map_or(0, |&b| b as u32)
                    };
                }
                i = j;
            }
            '\n' => {
                if ok {
                    errs.push((i, "newline in rune literal".to_string()));
                }
                break;
            }
            _ => {
                if n == 0 {
                    value = c as u32;
                }
                i += c.len_utf8();
            }
        }
        n += 1;
    }
    lex.bump(i - 1);
    for (off, msg) in errs {
        err(lex, start + off, msg);
    }
    Tok::Rune(value)
}
