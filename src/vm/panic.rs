//! Printing an unrecovered panic as Go's `fatalpanic` → `printpanics` + `dopanic_m` do:
//!
//! ```text
//! panic: boom [recovered]      (older panics first, "\t" before each later one)
//! [signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x...]   (nil dereference)
//!
//! goroutine 1 [running]:
//! main.main()
//!     /path/prog.go:4 +0x0   (a tab, then the path)
//! ```

use super::value::Value;
use super::Vm;
use std::sync::Arc;

impl Vm<'_> {
    /// The text Go prints for the panics on this goroutine's panic stack; ends with the
    /// goroutine traceback. The caller exits with status 2.
    pub fn panic_report(&mut self) -> String {
        let mut out = self.panic_text_lines();
        let trace = self
            .panics
            .last()
            .map(|p| p.trace.clone())
            .unwrap_or_default();
        out.push_str(&format!("\ngoroutine {} [running]:\n", self.goid));
        out.push_str(&self.format_trace(&trace));
        out
    }

    /// The `panic: ...` lines (and the SIGSEGV line), without the goroutine traceback.
    pub fn panic_text_lines(&mut self) -> String {
        let mut out = String::new();
        let n = self.panics.len();
        // Go prints the signal line while the goroutine's signal is set: from a panic caused by
        // a fault until no panic is left.
        let sigsegv = self.panics.iter().any(|p| p.sigsegv);
        // preprintpanics: a panic whose value is the very value of the next (newer) one was
        // re-panicked; printpanics marks it "[recovered, repanicked]" and skips the newer one.
        let repanicked: Vec<bool> = (0..n)
            .map(|i| {
                i + 1 < n
                    && match (&self.panics[i].val, &self.panics[i + 1].val) {
                        (Value::Iface(a), Value::Iface(b)) => Arc::ptr_eq(a, b),
                        _ => false,
                    }
            })
            .collect();
        for i in 0..n {
            if i > 0 && repanicked[i - 1] {
                continue;
            }
            let (val, recovered) = {
                let p = &self.panics[i];
                (p.val.clone(), p.recovered)
            };
            if i > 0 {
                out.push('\t');
            }
            out.push_str("panic: ");
            let text = self.panic_text(&val);
            out.push_str(&text);
            if recovered && repanicked[i] {
                out.push_str(" [recovered, repanicked]");
            } else if recovered {
                out.push_str(" [recovered]");
            }
            out.push('\n');
        }
        if sigsegv {
            out.push_str("[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]\n");
        }
        out
    }
}
