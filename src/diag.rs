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
        let mut line_starts = vec![0];
        for (i, b) in src.bytes().enumerate() {
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

    /// `prog.go:LINE:COL: msg`
    pub fn render(&self, d: &Diagnostic) -> String {
        let (l, c) = self.line_col(d.pos);
        format!("{}:{}:{}: {}", self.name, l, c, d.msg)
    }
}

/// Sort diagnostics by position (as cmd/compile prints them), drop exact duplicates and apply
/// Go's limit: after 10 errors, print `too many errors`.
pub fn render_all(sm: &SourceMap, diags: &[Diagnostic]) -> Vec<String> {
    let mut ds: Vec<&Diagnostic> = diags.iter().collect();
    ds.sort_by_key(|d| d.pos);
    ds.dedup_by(|a, b| a.pos == b.pos && a.msg == b.msg);
    // cmd/compile reports at most one error per line.
    let mut out = Vec::new();
    let mut last_line = 0;
    let mut count = 0;
    for d in ds {
        let line = sm.line(d.pos);
        if line == last_line && d.kind != DiagKind::Internal {
            continue;
        }
        last_line = line;
        if count == 10 {
            out.push(format!(
                "{}: too many errors",
                sm.render(d).split(": ").next().unwrap_or("")
            ));
            break;
        }
        out.push(sm.render(d));
        count += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_is_one_based_bytes() {
        let sm = SourceMap::new("prog.go", "package main\n\nfunc main() {\n\tx := 1\n}\n");
        assert_eq!(sm.line_col(0), (1, 1));
        assert_eq!(sm.line_col(14), (3, 1));
        assert_eq!(sm.line_col(29), (4, 2));
    }
}
