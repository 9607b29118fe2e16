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

use super::Vm;

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
        let mut sigsegv = false;
        for i in 0..n {
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
            if let super::value::Value::Iface(iv) = &val {
                // Go appends " [recovered]" and, for error values printed via Error(), nothing
                // else; runtime errors with a plain message print as is.
                let _ = iv;
            }
            if recovered {
                out.push_str(" [recovered]");
            }
            out.push('\n');
            sigsegv = self.panics[i].sigsegv;
        }
        if sigsegv {
            out.push_str("[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]\n");
        }
        out
    }
}
