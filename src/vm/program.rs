//! A compiled program: functions (bytecode + constants + line table), the runtime type table
//! used by interfaces, `fmt` and type assertions, method tables for dynamic dispatch, globals.

use super::value::{SlotKind, Value};
use crate::opcode::Instr;
use std::sync::Arc;

/// One compiled function (a Go function, method, closure body, or the package initialiser).
#[derive(Clone, Debug, Default)]
pub struct Func {
    /// Go's name as printed in tracebacks: `main.fib`, `main.(*T).M`, `main.main.func1`.
    pub name: String,
    pub code: Vec<Instr>,
    /// Source line of each instruction.
    pub lines: Vec<u32>,
    pub consts: Vec<Value>,
    /// Registers used by the frame (parameters first).
    pub nregs: u16,
    /// Parameter slots (receiver first for methods).
    pub nparams: u16,
    pub nresults: u16,
    /// Number of captured cells (closures).
    pub ncaptures: u16,
    /// Where a frame resumes after a deferred call recovered a panic: runs the remaining
    /// deferred calls and returns the named results (or zero values).
    pub recover_pc: u32,
    /// Source line of the declaration.
    pub line: u32,
}

/// Integer representation of a basic kind, for formatting and conversions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IntKind {
    I8,
    I16,
    I32,
    I64,
    U8,
    U16,
    U32,
    U64,
}

impl IntKind {
    pub fn signed(self) -> bool {
        matches!(
            self,
            IntKind::I8 | IntKind::I16 | IntKind::I32 | IntKind::I64
        )
    }
    /// The `NARROW` operand for this kind (0 = none needed).
    pub fn narrow_code(self) -> u16 {
        match self {
            IntKind::I8 => 1,
            IntKind::I16 => 2,
            IntKind::I32 => 3,
            IntKind::U8 => 4,
            IntKind::U16 => 5,
            IntKind::U32 => 6,
            IntKind::I64 | IntKind::U64 => 0,
        }
    }
}

/// Normalise a 64-bit word to an integer kind (`NARROW` / conversions).
#[inline]
pub fn narrow(v: i64, code: u16) -> i64 {
    match code {
        1 => v as i8 as i64,
        2 => v as i16 as i64,
        3 => v as i32 as i64,
        4 => v as u8 as i64,
        5 => v as u16 as i64,
        6 => v as u32 as i64,
        _ => v,
    }
}

/// Shape of a runtime type.
#[derive(Clone, Debug)]
pub enum RKind {
    Bool,
    Int(IntKind),
    /// `uintptr` prints like uint64.
    Float32,
    Float64,
    String,
    Slice(u32),
    Array(u64, u32),
    Map(u32, u32),
    Pointer(u32),
    Struct(Vec<RField>),
    Func,
    /// Method names and signature ids (see [`MethodEntry::sig`]).
    Interface(Vec<(String, u32)>),
    Chan(u32),
    /// `runtime.Error` / `*errors.errorString`: value is the message string; Error() returns it.
    ErrorString,
    /// `fmt.Stringer`-like natives (time.Duration...) keep their own kind in the name.
    Native,
    /// complex64 (32) or complex128 (64): the bit size of each part.
    Complex(u32),
}

#[derive(Clone, Debug)]
pub struct RField {
    pub name: String,
    pub ty: u32,
    /// Slot offset inside the struct.
    pub off: u32,
    pub embedded: bool,
}

/// A method in a type's method table.
#[derive(Clone, Copy, Debug)]
pub struct MethodEntry {
    /// Function index, or native index when `native`.
    pub func: u32,
    /// A native (standard-library) method.
    pub native: bool,
    /// The receiver stored in the interface is a pointer but the method takes the value: load
    /// `deref` slots first (`*T` calling a value-receiver method of `T`).
    pub deref: u32,
    /// The method's signature (an id equal for identical signatures, see
    /// `Compiler::sig_id`), or [`ANY_SIG`].
    pub sig: u32,
}

/// The signature of a built-in type's method, checked by name only (the runtime's own error
/// types, whose methods have their one well-known signature).
pub const ANY_SIG: u32 = u32::MAX;

/// A runtime type: what `%T`, `%v`, type switches and dynamic dispatch need.
#[derive(Clone, Debug)]
pub struct RType {
    /// Go's `%T` spelling: `int`, `[]string`, `main.Point`, `*main.Node`, `map[string]int`.
    pub name: String,
    /// Underlying shape.
    pub kind: RKind,
    /// A defined (named) type.
    pub named: bool,
    pub slots: u32,
    pub slot_kind: SlotKind,
    /// Method table keyed by method-name symbol.
    pub methods: MethodTable,
    /// Comparable (for `==` on interfaces holding it, and map keys).
    pub comparable: bool,
}

/// A type's methods keyed by method-name symbol: a sorted vector searched by bisection.
/// Dynamic dispatch (`callm`) looks a method up on every call and types have few methods, so
/// this beats hashing the symbol (the former `HashMap` showed up at ~2% in cpu_closure).
#[derive(Clone, Debug, Default)]
pub struct MethodTable(Vec<(u32, MethodEntry)>);

impl MethodTable {
    #[inline]
    pub fn get(&self, sym: &u32) -> Option<&MethodEntry> {
        let v = &self.0;
        v.binary_search_by_key(sym, |e| e.0).ok().map(|i| &v[i].1)
    }
    pub fn contains_key(&self, sym: &u32) -> bool {
        self.get(sym).is_some()
    }
    pub fn insert(&mut self, sym: u32, e: MethodEntry) {
        match self.0.binary_search_by_key(&sym, |e| e.0) {
            Ok(i) => self.0[i].1 = e,
            Err(i) => self.0.insert(i, (sym, e)),
        }
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Reserved runtime type ids.
pub const RT_RUNTIME_ERROR: u32 = 0;
pub const RT_ERRORS_STRING: u32 = 1;
pub const RT_STRING: u32 = 2;
pub const RT_INT: u32 = 3;
/// `fmt.Errorf` with one `%w` (value: tuple of message and wrapped error), several `%w`,
/// and `errors.Join` (message and wrapped errors).
pub const RT_WRAP_ERROR: u32 = 4;
pub const RT_WRAP_ERRORS: u32 = 5;
pub const RT_JOIN_ERROR: u32 = 6;
/// `*runtime.PanicNilError`, what `panic(nil)` panics with (value: its `Error` text).
pub const RT_PANIC_NIL_ERROR: u32 = 7;
/// The built-in error types whose `Error` method is native (`errors.(*errorString).Error`).
pub const RT_ERROR_TYPES: [u32; 9] = [0, 1, 4, 5, 6, 7, 8, 9, 10];
/// `runtime.boundsError`: index, slice and conversion bounds panics.
pub const RT_BOUNDS_ERROR: u32 = 8;
/// `runtime.plainError`: channel and nil-map panics (their text has no "runtime error: ").
pub const RT_PLAIN_ERROR: u32 = 9;
/// The runtime's error types (`runtime.Error` implementations), compared by value.
pub const RT_RUNTIME_ERRORS: [u32; 5] = [
    RT_RUNTIME_ERROR,
    RT_PANIC_NIL_ERROR,
    RT_BOUNDS_ERROR,
    RT_PLAIN_ERROR,
    RT_TYPE_ASSERTION_ERROR,
];
/// `*runtime.TypeAssertionError` (its text has no "runtime error: ").
pub const RT_TYPE_ASSERTION_ERROR: u32 = 10;

/// A native (standard-library) function.
pub type NativeFn =
    for<'a, 'g> fn(&'a mut super::Vm<'g>, &[Value]) -> Result<Vec<Value>, super::Trap>;

#[derive(Clone)]
pub struct NativeEntry {
    pub name: &'static str,
    pub f: NativeFn,
}

/// The whole compiled program, shared read-only by every goroutine.
#[derive(Clone)]
pub struct Program {
    pub funcs: Vec<Func>,
    pub types: Vec<RType>,
    /// Method-name symbols (index = symbol).
    pub method_names: Vec<String>,
    pub natives: Vec<NativeEntry>,
    /// Global variable slots and their representation.
    pub nglobals: u32,
    pub global_zero: Vec<Value>,
    /// Aggregate globals kept in a heap cell: (slot, slot kind, shape); the slot holds the
    /// cell's pointer, the cell starts as `global_zero[slot]`.
    pub global_cells: Vec<(u32, super::value::SlotKind, usize)>,
    /// Package initialiser (globals in the checker's order, then `init()` functions).
    pub init: Option<u32>,
    pub main: Option<u32>,
    /// File name printed in tracebacks.
    pub file: Arc<str>,
    /// Files named by line directives: an instruction line whose top bits hold `i` > 0 (see
    /// [`pack_line`]) is in `line_files[i - 1]`.
    pub line_files: Vec<Arc<str>>,
    /// Well-known method symbols.
    pub sym_error: Option<u32>,
    pub sym_string: Option<u32>,
}

impl Program {
    /// A fresh package-level variable block: every global at its zero value, aggregates in
    /// their own cells.
    pub fn new_globals(&self) -> super::value::Pointer {
        use super::value::{Pointer, SlotKind};
        let n = self.nglobals as usize;
        let globals = Pointer::new_cell(SlotKind::Vals, n.max(1), Value::Nil);
        for (i, z) in self.global_zero.iter().enumerate() {
            globals.obj.set(i, z.clone());
        }
        for &(slot, kind, shape) in &self.global_cells {
            let z = self.global_zero[slot as usize].clone();
            globals
                .obj
                .set(slot as usize, Value::Ptr(Pointer::new_cell(kind, shape, z)));
        }
        globals
    }

    pub fn new(file: &str) -> Program {
        let mut p = Program {
            funcs: Vec::new(),
            types: Vec::new(),
            method_names: Vec::new(),
            natives: Vec::new(),
            nglobals: 0,
            global_zero: Vec::new(),
            global_cells: Vec::new(),
            init: None,
            main: None,
            file: Arc::from(file),
            line_files: Vec::new(),
            sym_error: None,
            sym_string: None,
        };
        let scalar = |name: &str, kind: RKind| RType {
            name: name.to_string(),
            kind,
            named: false,
            slots: 1,
            slot_kind: SlotKind::Words,
            methods: MethodTable::default(),
            comparable: true,
        };
        let mut rerr = scalar("runtime.errorString", RKind::ErrorString);
        rerr.slot_kind = SlotKind::Vals;
        rerr.named = true;
        p.types.push(rerr);
        let mut estr = scalar("*errors.errorString", RKind::ErrorString);
        estr.slot_kind = SlotKind::Vals;
        p.types.push(estr);
        let mut s = scalar("string", RKind::String);
        s.slot_kind = SlotKind::Vals;
        p.types.push(s);
        p.types.push(scalar("int", RKind::Int(IntKind::I64)));
        for name in [
            "*fmt.wrapError",
            "*fmt.wrapErrors",
            "*errors.joinError",
            "*runtime.PanicNilError",
            "runtime.boundsError",
            "runtime.plainError",
            "*runtime.TypeAssertionError",
        ] {
            let mut t = scalar(name, RKind::ErrorString);
            t.slot_kind = SlotKind::Vals;
            p.types.push(t);
        }
        let e = p.method_sym("Error");
        p.sym_error = Some(e);
        let s = p.method_sym("String");
        p.sym_string = Some(s);
        p
    }

    /// Intern a method name.
    pub fn method_sym(&mut self, name: &str) -> u32 {
        if let Some(i) = self.method_names.iter().position(|n| n == name) {
            return i as u32;
        }
        self.method_names.push(name.to_string());
        (self.method_names.len() - 1) as u32
    }

    pub fn find_method_sym(&self, name: &str) -> Option<u32> {
        self.method_names
            .iter()
            .position(|n| n == name)
            .map(|i| i as u32)
    }

    /// Source line of instruction `pc` of function `f`.
    /// The file of a packed line (see [`pack_line`]); a file a line directive left empty is
    /// `??`, as Go's runtime reports it.
    pub fn line_file(&self, packed: u32) -> &str {
        match packed >> LINE_BITS {
            0 => &self.file,
            i => match self.line_files.get(i as usize - 1).map(|f| &**f) {
                Some("") | None => "??",
                Some(f) => f,
            },
        }
    }

    /// `file:line` of a packed line, as tracebacks print it.
    pub fn location(&self, packed: u32) -> String {
        format!("{}:{}", self.line_file(packed), line_number(packed))
    }

    pub fn line_of(&self, f: u32, pc: usize) -> u32 {
        self.funcs
            .get(f as usize)
            .and_then(|f| f.lines.get(pc).copied())
            .unwrap_or(0)
    }
}

/// Bits of a packed line (an instruction's recorded position) that hold the line number; the
/// bits above hold the index of the file a line directive named (0: the program's file).
pub const LINE_BITS: u32 = 24;

/// Pack a position's file index and line (lines past 2^24 - 1 saturate).
pub fn pack_line(file: u32, line: u32) -> u32 {
    (file.min(255) << LINE_BITS) | line.min((1 << LINE_BITS) - 1)
}

/// The line number of a packed line.
pub fn line_number(packed: u32) -> u32 {
    packed & ((1 << LINE_BITS) - 1)
}
