//! Diagnostics: one type for every compile-time error, rendered as Go renders them
//! (`prog.go:LINE:COL: message`, columns counted in bytes from 1, as cmd/compile does).

use crate::ast::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiagKind {
    /// Lexical or syntax error (`syntax error: unexpected newline, ...`).
    Syntax,
    /// Type-checking error (`declared and not used: x`).
    Type,
    /// A bug in minigo: reported, never a Rust panic.
    Internal,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub kind: DiagKind,
    /// Byte offset of the position Go reports.
    pub pos: u32,
    /// The message exactly as Go words it (without position prefix).
    pub msg: String,
}

impl Diagnostic {
    pub fn syntax(pos: u32, msg: impl Into<String>) -> Diagnostic {
        Diagnostic {
            kind: DiagKind::Syntax,
            pos,
            msg: msg.into(),
        }
    }
    pub fn error(span: Span, msg: impl Into<String>) -> Diagnostic {
        Diagnostic {
            kind: DiagKind::Type,
            pos: span.lo,
            msg: msg.into(),
        }
    }
    pub fn at(pos: u32, msg: impl Into<String>) -> Diagnostic {
        Diagnostic {
            kind: DiagKind::Type,
            pos,
            msg: msg.into(),
        }
    }
    pub fn internal(pos: u32, msg: impl Into<String>) -> Diagnostic {
        Diagnostic {
            kind: DiagKind::Internal,
            pos,
            msg: format!("internal compiler error: {}", msg.into()),
        }
    }
}

/// Maps byte offsets of one source file to Go's `line:col`.
#[derive(Clone, Debug)]
pub struct SourceMap {
    /// The file name as printed (`prog.go`).
    pub name: String,
    line_starts: Vec<u32>,
    /// The source text.
    text: Vec<u8>,
    /// Where line directives change the reported position, in source order.
    bases: Vec<LineBase>,
    /// File names line directives introduce (a position's file index `i` > 0 is
    /// `files[i - 1]`; 0 is `name`).
    pub files: Vec<String>,
}

/// A position base set by a line directive (cmd/compile's `PosBase`): from offset `pos` on,
/// positions are in file `file` (an index as in [`SourceMap::files`]), starting at `line`
/// and, on `pos`'s own line, column `col` (0: columns unknown until the next directive).
#[derive(Clone, Debug)]
struct LineBase {
    pos: u32,
    file: u32,
    line: u32,
    col: u32,
}

/// A position as Go reports it: file index (see [`SourceMap::files`]), line, and column
/// (0 when a line directive left it unknown).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub file: u32,
    pub line: u32,
    pub col: u32,
}

/// The number and the offset of the digits after the last `:` of `text`
/// (`syntax.trailingDigits`): `None` when there is no `:`, `Some((i, None))` when what follows
/// is not a number.
fn trailing_digits(text: &str) -> Option<(usize, Option<u32>)> {
    let i = text.rfind(':')?;
    Some((i + 1, text[i + 1..].parse::<u32>().ok()))
}

impl SourceMap {
    pub fn new(name: &str, src: &str) -> SourceMap {
        SourceMap::from_bytes(name, src.as_bytes())
    }

    /// The same for a file that is not (all) valid UTF-8: columns count bytes either way.
    pub fn from_bytes(name: &str, src: &[u8]) -> SourceMap {
        let mut line_starts = vec![0];
        for (i, &b) in src.iter().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        let mut sm = SourceMap {
            name: name.to_string(),
            line_starts,
            text: src.to_vec(),
            bases: Vec::new(),
            files: Vec::new(),
        };
        if let Ok(text) = std::str::from_utf8(src) {
            for d in crate::lexer::line_directives(text) {
                sm.add_directive(d.end, &d.text);
            }
        }
        sm
    }

    /// A line directive taking effect at `pos` (cmd/compile's `updateBase`). Malformed ones
    /// are ignored (cmd/compile reports "invalid line number").
    fn add_directive(&mut self, pos: u32, text: &str) {
        let Some((i, Some(n))) = trailing_digits(text) else {
            return;
        };
        const POS_MAX: u32 = 1 << 30;
        let (file_end, line, col) = match trailing_digits(&text[..i - 1]) {
            Some((i2, Some(n2))) if n > 0 && n <= POS_MAX => (i2 - 1, n2, n),
            Some((_, Some(_))) => return,
            _ => (i - 1, n, 0),
        };
        if line == 0 || line > POS_MAX {
            return;
        }
        let name = &text[..file_end];
        // With a column, an empty file name keeps the current file.
        let file = if name.is_empty() && col != 0 {
            self.position(pos.saturating_sub(1)).file
        } else if name == self.name {
            0
        } else {
            match self.files.iter().position(|f| f == name) {
                Some(k) => k as u32 + 1,
                None => {
                    self.files.push(name.to_string());
                    self.files.len() as u32
                }
            }
        };
        self.bases.push(LineBase {
            pos,
            file,
            line,
            col,
        });
    }

    /// The position Go reports for offset `pos`: its physical line and column, unless a line
    /// directive before it says otherwise.
    pub fn position(&self, pos: u32) -> Position {
        let (line, col) = self.line_col(pos);
        let k = self.base_index(pos);
        let Some(b) = k.checked_sub(1).map(|k| &self.bases[k]) else {
            return Position { file: 0, line, col };
        };
        let (bline, bcol) = self.line_col(b.pos);
        let col = match b.col {
            0 => 0,
            c if line == bline => c + (col - bcol),
            _ => col,
        };
        Position {
            file: b.file,
            line: b.line + (line - bline),
            col,
        }
    }

    /// The offset of the first token at or after `pos`: blanks and comments skipped (the
    /// operator or bracket that follows an operand).
    pub fn next_token(&self, pos: u32) -> u32 {
        let t = &self.text;
        let mut i = pos as usize;
        while i < t.len() {
            match t[i] {
                b' ' | b'\t' | b'\n' | b'\r' => i += 1,
                b'/' if t.get(i + 1) == Some(&b'/') => {
                    i = t[i..]
                        .iter()
                        .position(|&c| c == b'\n')
                        .map_or(t.len(), |k| i + k);
                }
                b'/' if t.get(i + 1) == Some(&b'*') => {
                    i = t[i + 2..]
                        .windows(2)
                        .position(|w| w == b"*/")
                        .map_or(t.len(), |k| i + 2 + k + 2);
                }
                _ => break,
            }
        }
        i as u32
    }

    /// Which position base `pos` is in: 0 before the first line directive, `k` after the
    /// `k`th.
    pub fn base_index(&self, pos: u32) -> usize {
        self.bases.partition_point(|b| b.pos <= pos)
    }

    /// The name of file index `file` (see [`SourceMap::files`]).
    pub fn file_name(&self, file: u32) -> &str {
        match file {
            0 => &self.name,
            i => self.files.get(i as usize - 1).map_or("?", |s| s.as_str()),
        }
    }

    /// 1-based line and byte column of `pos`.
    pub fn line_col(&self, pos: u32) -> (u32, u32) {
        let line = match self.line_starts.binary_search(&pos) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        (line as u32 + 1, pos - self.line_starts[line] + 1)
    }

    pub fn line(&self, pos: u32) -> u32 {
        self.line_col(pos).0
    }

    /// The position as cmd/compile keeps it (`cmd/internal/src.lico`): 8 bits of column, so
    /// columns saturate at 255 (which sorts after every smaller column and is not printed).
    pub fn go_line_col(&self, pos: u32) -> (u32, u32) {
        let (l, c) = self.line_col(pos);
        (l, c.min(255))
    }

    /// `prog.go:LINE:COL: msg` (`prog.go:LINE: msg` from column 255 on).
    pub fn render(&self, d: &Diagnostic) -> String {
        format!("{}: {}", self.pos_string(d.pos), d.msg)
    }

    fn pos_string(&self, pos: u32) -> String {
        if !self.bases.is_empty() {
            let p = self.position(pos);
            let name = self.file_name(p.file);
            return match p.col {
                0 | 255.. => format!("{}:{}", name, p.line),
                c => format!("{}:{}:{}", name, p.line, c),
            };
        }
        match self.go_line_col(pos) {
            (l, 255) => format!("{}:{}", self.name, l),
            (l, c) => format!("{}:{}:{}", self.name, l, c),
        }
    }
}

/// Render diagnostics as cmd/compile prints them. `diags` must be in the order the compiler
/// reports them (position order for the parser, types2's order for the checker). As
/// `base.ErrorfAt` does: at most one syntax error per line; an error equal to the previous one
/// on its line is dropped; when the 10th error is kept, `too many errors` follows at its
/// position and the rest are dropped. As `FlushErrors` does: what is kept is printed sorted by
/// position, without exact duplicates.
pub fn render_all(sm: &SourceMap, diags: &[Diagnostic]) -> Vec<String> {
    let mut kept: Vec<&Diagnostic> = Vec::new();
    let mut last_syntax_line = 0;
    let mut last_other: Option<(u32, &str)> = None;
    let mut too_many = None;
    for d in diags {
        let line = sm.line(d.pos);
        if d.msg.starts_with("syntax error") {
            if line == last_syntax_line {
                continue;
            }
            last_syntax_line = line;
        } else {
            if last_other == Some((line, d.msg.as_str())) {
                continue;
            }
            last_other = Some((line, d.msg.as_str()));
        }
        kept.push(d);
        if kept.len() == 10 {
            too_many = Some(d.pos);
            break;
        }
    }
    // Stable: errors whose positions compare equal (all columns from 255 on are 255) stay in
    // report order. cmd/compile orders positions by their line-directive base first, bases
    // numbered as the errors first use them, then by line and column.
    let mut bases: Vec<usize> = Vec::new();
    for d in &kept {
        let b = sm.base_index(d.pos);
        if !bases.contains(&b) {
            bases.push(b);
        }
    }
    kept.sort_by_key(|d| {
        let b = sm.base_index(d.pos);
        let rank = bases.iter().position(|&x| x == b).unwrap_or(0);
        (rank, sm.go_line_col(d.pos))
    });
    let mut out: Vec<String> = kept.iter().map(|d| sm.render(d)).collect();
    out.dedup();
    if let Some(pos) = too_many {
        out.push(format!("{}: too many errors", sm.pos_string(pos)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_error_limit_and_dedup() {
        let src = "package main\n".repeat(20);
        let sm = SourceMap::new("p.go", &src);
        let mut ds: Vec<Diagnostic> = (0..12)
            .map(|i| Diagnostic::at(13 * i + 1, format!("e{i}")))
            .collect();
        // Two different errors on one line are both kept; a repeat of the same one is not.
        ds.push(Diagnostic::at(2, "other"));
        ds.push(Diagnostic::at(3, "other"));
        // One syntax error per line.
        ds.push(Diagnostic::syntax(14, "syntax error: a"));
        ds.push(Diagnostic::syntax(15, "syntax error: b"));
        ds.sort_by_key(|d| d.pos);
        let out = render_all(&sm, &ds);
        assert_eq!(out.len(), 11);
        assert_eq!(out[0], "p.go:1:2: e0");
        assert_eq!(out[1], "p.go:1:3: other");
        assert_eq!(out[2], "p.go:2:2: e1");
        assert_eq!(out[3], "p.go:2:2: syntax error: a");
        assert_eq!(out[10], "p.go:8:2: too many errors");
    }

    #[test]
    fn line_directives_set_positions() {
        let src = "package main\n//line c:/foo/bar.go:987\nx\n//line bad:x\ny\n/*line :5:3*/z\n";
        let sm = SourceMap::new("p.go", src);
        let at = |s: &str| src.find(s).unwrap() as u32;
        let p = sm.position(at("x"));
        assert_eq!(
            (sm.file_name(p.file), p.line, p.col),
            ("c:/foo/bar.go", 987, 0)
        );
        // A malformed directive is no directive: the previous one still counts.
        let p = sm.position(at("y"));
        assert_eq!((sm.file_name(p.file), p.line), ("c:/foo/bar.go", 989));
        // A column with no file name keeps the file; columns count from the directive's.
        let p = sm.position(at("z"));
        assert_eq!(
            (sm.file_name(p.file), p.line, p.col),
            ("c:/foo/bar.go", 5, 3)
        );
        assert_eq!(
            sm.position(0),
            Position {
                file: 0,
                line: 1,
                col: 1
            }
        );
        // `//line` counts only at the start of a line.
        let sm = SourceMap::new("p.go", "x //line a.go:9\ny\n");
        assert_eq!(sm.position(17).line, 2);
    }

    #[test]
    fn line_col_is_one_based_bytes() {
        let sm = SourceMap::new("prog.go", "package main\n\nfunc main() {\n\tx := 1\n}\n");
        assert_eq!(sm.line_col(0), (1, 1));
        assert_eq!(sm.line_col(14), (3, 1));
        assert_eq!(sm.line_col(29), (4, 2));
    }
}
