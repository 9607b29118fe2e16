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
        SourceMap {
            name: name.to_string(),
            line_starts,
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
    // report order.
    kept.sort_by_key(|d| sm.go_line_col(d.pos));
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
    fn line_col_is_one_based_bytes() {
        let sm = SourceMap::new("prog.go", "package main\n\nfunc main() {\n\tx := 1\n}\n");
        assert_eq!(sm.line_col(0), (1, 1));
        assert_eq!(sm.line_col(14), (3, 1));
        assert_eq!(sm.line_col(29), (4, 2));
    }
}
