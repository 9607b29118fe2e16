//! AST + checker side tables → statically typed register bytecode (`opcode.rs`).
//!
//! The compiler never re-derives a type: every expression's type, constant value, resolved
//! object, selection and call kind comes from [`TypeInfo`]. Registers are allocated like Lua's:
//! locals get a register for their scope, temporaries are stacked above them, and a call's
//! window (function slot, then arguments) is always the top of the frame.
//!
//! Variables captured by a function literal or whose address is taken live in a heap cell
//! (`NEW`), and their register holds the cell pointer (escape analysis is the syntactic
//! pre-pass `escapes`). Go 1.22 per-iteration loop variables: a captured `for` variable gets a
//! fresh cell before the post statement, initialised from the previous iteration's value.

mod types;

use crate::ast::{self, BinOp, Expr, ExprKind, Stmt, StmtKind, UnOp};
use crate::check::{Builtin, CallKind, ConstValue, ObjKind, Selection, Subst, TypeInfo};
use crate::diag::Diagnostic;
use crate::opcode::{Instr, Op};
use crate::types::{ObjId, Type, TypeId, TypeTable};
use crate::vm::program::{Func, Program};
use crate::vm::value::Value;
use std::collections::{HashMap, HashSet};
pub use types::TClass;

/// Where a local variable lives.
#[derive(Clone, Copy, Debug)]
enum Loc {
    /// Directly in a register.
    Reg(u16),
    /// In a heap cell whose pointer is in a register.
    Cell(u16),
    /// A captured cell of the running closure.
    Up(u16),
}

struct LoopCtx {
    label: Option<String>,
    breaks: Vec<usize>,
    continues: Vec<usize>,
    /// Register level to restore (unused: blocks restore their own).
    _level: u16,
}

/// Per-function compilation state.
struct FnState {
    code: Vec<Instr>,
    lines: Vec<u32>,
    consts: Vec<Value>,
    next: u16,
    max: u16,
    locals: HashMap<ObjId, Loc>,
    loops: Vec<LoopCtx>,
    /// Objects that must live in cells.
    escaping: HashSet<ObjId>,
    /// Slice variables whose appends may use a stack buffer (escapes::stack_slices).
    stack_slices: HashSet<ObjId>,
    /// Captured objects of this closure, in capture order.
    captures: Vec<ObjId>,
    has_defer: bool,
    /// Result variables (named or synthesized) when the function has `defer`.
    results: Vec<(ObjId, TypeId)>,
    result_types: Vec<TypeId>,
    line: u32,
    name: String,
    nclosures: u32,
    /// A 16-bit jump offset overflowed (function too large).
    too_far: bool,
    /// Label positions and pending `goto` jumps (patched at the end of the function).
    labels: HashMap<String, usize>,
    gotos: Vec<(usize, String)>,
    /// Set in the body closure of a range-over-func loop (see `rangefunc`).
    rf: Option<rangefunc::RangeFuncCtx>,
    /// The label of the switch or select statement being compiled next (its `break` target).
    switch_label: Option<String>,
}

type CResult<T> = Result<T, Diagnostic>;

/// The compiler for one program.
pub struct Compiler<'a> {
    tt: &'a TypeTable,
    info: &'a TypeInfo,
    src: &'a crate::diag::SourceMap,
    pub prog: Program,
    funcs: HashMap<ObjId, u32>,
    globals: HashMap<ObjId, u32>,
    rtypes: HashMap<TypeId, u32>,
    natives: HashMap<String, u32>,
    /// The function being compiled.
    fs: Option<FnState>,
    /// Package-level initializer expressions by NodeId.
    init_exprs: HashMap<ast::NodeId, &'a Expr>,
    /// Monomorphised instances of generic functions and of methods of generic types, keyed by
    /// the generic Func object and the (concrete) type arguments: of the function, or of the
    /// method's receiver type.
    inst_funcs: HashMap<(ObjId, Vec<TypeId>), u32>,
    /// The substitution of the generic instance being compiled (None outside generic code):
    /// every type read from `TypeInfo` goes through [`Compiler::sub`].
    subst: Option<&'a Subst>,
    /// Types of compiler-made variables (range-over-func state and result cells).
    synth_types: HashMap<ObjId, TypeId>,
    /// Next compiler-made variable id (counting down from below the synthesized results).
    next_synth: u32,
    /// Position of the statement or expression being compiled.
    cur_pos: std::cell::Cell<u32>,
    /// Where a 16-bit instruction operand would first have wrapped, and what was too large
    /// (see `slots`, `alloc_n`, `konst`).
    oversize: std::cell::Cell<Option<(u32, &'static str)>>,
    /// Where a variable of a type larger than the address space was first declared.
    addr_space: std::cell::Cell<Option<(u32, TypeId)>>,
    /// Method signatures met so far: a signature's id is the index of the first identical one.
    sig_ids: Vec<TypeId>,
    /// Calls of the expression being compiled that were made first, and their registers (see
    /// `binary_calls_first`).
    hoisted: HashMap<ast::NodeId, u16>,
    /// Binary expressions whose operands are known to need no gc ordering (see `binary`).
    order_free: HashSet<ast::NodeId>,
    /// Types of the parameters of the functions `builtin_thunk` makes.
    thunk_types: HashMap<ast::NodeId, TypeId>,
}

/// Largest slot count of a value (and length of an array) that instruction operands carry.
const MAX_SLOTS: u32 = crate::vm::value::SHAPE_LEN as u32;

fn unsupported(span: ast::Span, what: &str) -> Diagnostic {
    Diagnostic::internal(span.lo, format!("minigo does not support {what} yet"))
}

impl<'a> Compiler<'a> {
    pub fn new(
        tt: &'a TypeTable,
        info: &'a TypeInfo,
        src: &'a crate::diag::SourceMap,
        file_name: &str,
    ) -> Compiler<'a> {
        Compiler {
            tt,
            info,
            src,
            prog: Program::new(file_name),
            funcs: HashMap::new(),
            globals: HashMap::new(),
            rtypes: HashMap::new(),
            natives: HashMap::new(),
            fs: None,
            init_exprs: HashMap::new(),
            inst_funcs: HashMap::new(),
            subst: None,
            synth_types: HashMap::new(),
            next_synth: u32::MAX - 0x10000,
            cur_pos: std::cell::Cell::new(0),
            oversize: std::cell::Cell::new(None),
            sig_ids: Vec::new(),
            addr_space: std::cell::Cell::new(None),
            hoisted: HashMap::new(),
            thunk_types: HashMap::new(),
            order_free: HashSet::new(),
        }
    }

    /// Compile a whole checked file into a [`Program`].
    pub fn compile_file(mut self, file: &'a ast::File) -> Result<Program, Vec<Diagnostic>> {
        for d in &file.decls {
            if let ast::Decl::Var(specs) = d {
                for s in specs {
                    for v in &s.values {
                        self.init_exprs.insert(v.id, v);
                    }
                }
            }
        }
        let r = self.compile_file_inner(file);
        if let Some((pos, t)) = self.addr_space.get() {
            let name = self.tt.type_string(t);
            return Err(vec![Diagnostic::at(
                pos,
                format!("type {name} larger than address space"),
            )]);
        }
        if let Some((pos, what)) = self.oversize.get() {
            // A clear refusal rather than operands that would wrap.
            return Err(vec![unsupported(ast::Span { lo: pos, hi: pos }, what)]);
        }
        match r {
            Ok(()) => {
                let mut prog = self.prog;
                prog.line_files = self
                    .src
                    .files
                    .iter()
                    .map(|f| std::sync::Arc::from(f.as_str()))
                    .collect();
                Ok(prog)
            }
            Err(d) => Err(vec![d]),
        }
    }

    fn compile_file_inner(&mut self, file: &'a ast::File) -> CResult<()> {
        self.builtin_error_methods()?;
        // 1. Number functions and methods (one function per instance of a generic function or
        // of a generic type's method), and globals.
        let mut decls: Vec<(u32, &'a ast::FuncDecl, Option<&'a Subst>)> = Vec::new();
        for d in &file.decls {
            match d {
                ast::Decl::Func(fd) => {
                    let obj = self.info.defs.get(&fd.name.span.lo).copied();
                    self.number_func(fd, obj, "main", &mut decls);
                }
                ast::Decl::Var(specs) => {
                    for s in specs {
                        for n in &s.names {
                            if let Some(o) = self.info.defs.get(&n.span.lo) {
                                self.cur_pos.set(n.span.lo);
                                let slot = self.prog.nglobals;
                                self.prog.nglobals += 1;
                                self.globals.insert(*o, slot);
                                let ty = self.obj_ty(*o);
                                let cell = self.global_cell(*o);
                                // A cell starts as nil and 0 slots: nothing to copy in.
                                let z = if cell && types::zero_is_plain(self.tt, ty) {
                                    Value::Nil
                                } else {
                                    self.zero_value(ty)
                                };
                                self.prog.global_zero.push(z);
                                if cell {
                                    let kind = types::slot_kind(self.tt, ty);
                                    let shape = types::shape(self.tt, ty) as usize;
                                    self.prog.global_cells.push((slot, kind, shape));
                                }
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        // Standard-library functions written in Go.
        let info: &'a TypeInfo = self.info;
        for (o, fd) in &info.lib_funcs {
            let pkg = info.object(*o).pkg.clone();
            self.number_func(fd, Some(*o), &pkg, &mut decls);
        }
        // 2. Function bodies (method tables are built lazily by `types::rtype` from the
        // checker's Named.methods).
        for (idx, fd, subst) in &decls {
            self.subst = *subst;
            let r = self.compile_func_decl(*idx, fd);
            self.subst = None;
            r?;
        }
        // 3. Package initialiser: globals in the checker's order, then init() functions.
        self.compile_init(file)?;
        self.prog.main = self.info.main.and_then(|m| self.funcs.get(&m).copied());
        Ok(())
    }

    /// Give function declaration `fd` (object `obj`, package `pkg`) its function number(s):
    /// one per instance if it is generic (or a method of a generic type).
    fn number_func(
        &mut self,
        fd: &'a ast::FuncDecl,
        obj: Option<ObjId>,
        pkg: &str,
        decls: &mut Vec<(u32, &'a ast::FuncDecl, Option<&'a Subst>)>,
    ) {
        match obj.and_then(|o| Some((o, self.generic_instances(fd, o)?))) {
            Some((o, insts)) => {
                for s in insts {
                    let idx = self.prog.funcs.len() as u32;
                    let name = self.go_func_name(fd, pkg, true);
                    self.prog.funcs.push(Func {
                        name,
                        ..Default::default()
                    });
                    self.inst_funcs.insert((o, s.targs.clone()), idx);
                    decls.push((idx, fd, Some(s)));
                }
            }
            None => {
                let idx = self.prog.funcs.len() as u32;
                let name = self.go_func_name(fd, pkg, false);
                self.prog.funcs.push(Func {
                    name,
                    ..Default::default()
                });
                if let Some(o) = obj {
                    self.funcs.insert(o, idx);
                }
                decls.push((idx, fd, None));
            }
        }
    }

    /// Go's run-time name of a function (`main.F`, `main.(*T).M`); instances of generics
    /// print their type arguments as `[...]` (`main.Map[...]`, `main.(*Stack[...]).Push`).
    fn go_func_name(&self, fd: &ast::FuncDecl, pkg: &str, generic: bool) -> String {
        let targs = if generic { "[...]" } else { "" };
        let pkg = &pkg[pkg.rfind('/').map_or(0, |i| i + 1)..];
        match &fd.recv {
            None => format!("{}.{}{}", pkg, fd.name.name, targs),
            Some(r) => {
                let (ptr, tname) = match &r.ty.kind {
                    ExprKind::Star(inner) => (true, expr_name(inner)),
                    _ => (false, expr_name(&r.ty)),
                };
                let tname = tname + targs;
                if ptr {
                    format!("{}.(*{}).{}", pkg, tname, fd.name.name)
                } else {
                    format!("{}.{}.{}", pkg, tname, fd.name.name)
                }
            }
        }
    }

    /// The packed line (`program::pack_line`) instructions for `span` record.
    fn line_of(&self, span: ast::Span) -> u32 {
        let p = self.src.position(span.lo);
        crate::vm::program::pack_line(p.file, p.line)
    }

    // ---------------------------------------------------------------------------------------
    // Emission helpers

    fn fs(&mut self) -> &mut FnState {
        self.fs.as_mut().expect("compiler: no current function")
    }

    fn emit(&mut self, op: Op, a: u16, b: u16, c: u16) -> usize {
        self.emit_w(op, a, b as u32, c as u32)
    }

    /// Emit `op A B C` whose B or C is an operand wider than 16 bits (a shape, a length).
    fn emit_w(&mut self, op: Op, a: u16, b: u32, c: u32) -> usize {
        let fs = self.fs();
        fs.code.push(Instr::wide(op, a as u32, b, c));
        let l = fs.line;
        fs.lines.push(l);
        fs.code.len() - 1
    }

    fn emit_i(&mut self, i: Instr) -> usize {
        let fs = self.fs();
        fs.code.push(i);
        let l = fs.line;
        fs.lines.push(l);
        fs.code.len() - 1
    }

    /// If the last instruction computed field pointer `p` (`PTROFF p, base, off`), rewrite
    /// it to `op` on `base` and `off` instead: LOADF `dst` (`p` is then dead) or STOREF of
    /// `val`. Returns whether it did (one dispatch and one pointer temporary fewer).
    fn fuse_ptroff(&mut self, p: u16, op: Op, reg: u16) -> bool {
        let fs = self.fs();
        let Some(last) = fs.code.last_mut() else {
            return false;
        };
        if last.op != Op::PtrOff || last.a != p as u32 {
            return false;
        }
        let (base, off) = (last.b, last.c);
        *last = match op {
            Op::LoadF => Instr::wide(Op::LoadF, reg as u32, base, off),
            Op::StoreF => Instr::wide(Op::StoreF, base, off, reg as u32),
            _ => return false,
        };
        true
    }

    fn ext(&mut self, a: u16, b: u16, c: u16) {
        self.emit(Op::Ext, a, b, c);
    }

    /// An EXT word with operands wider than 16 bits.
    fn ext_w(&mut self, a: u32, b: u32, c: u32) {
        self.emit_i(Instr::wide(Op::Ext, a, b, c));
    }

    fn konst(&mut self, v: Value) -> u16 {
        let fs = self.fs();
        fs.consts.push(v);
        let k = fs.consts.len() - 1;
        if k > u16::MAX as usize {
            self.too_large("functions with more than 65535 constants");
        }
        k as u16
    }

    /// The id of method signature `t` (a func type without receiver): equal ids for
    /// identical signatures, so that type assertions compare methods by name and signature.
    pub(super) fn sig_id(&mut self, t: TypeId) -> u32 {
        let t = self.sub(t);
        if let Some(i) = self.sig_ids.iter().position(|s| self.tt.identical(*s, t)) {
            return i as u32;
        }
        self.sig_ids.push(t);
        (self.sig_ids.len() - 1) as u32
    }

    /// Record the first operand that does not fit its 16-bit field (reported by
    /// `compile_file` as an unsupported feature, never as wrapped operands).
    fn too_large(&self, what: &'static str) {
        if self.oversize.get().is_none() {
            self.oversize.set(Some((self.cur_pos.get(), what)));
        }
    }

    fn alloc(&mut self) -> u16 {
        self.alloc_n(1)
    }

    fn alloc_n(&mut self, n: u16) -> u16 {
        let fs = self.fs();
        let r = fs.next;
        match fs.next.checked_add(n).filter(|x| *x < u16::MAX - 256) {
            Some(x) => fs.next = x,
            None => {
                // Keep compiling (the result is discarded) without wrapping.
                fs.next = 0;
                self.too_large("functions needing more than 65000 registers");
            }
        }
        let fs = self.fs();
        if fs.next > fs.max {
            fs.max = fs.next;
        }
        r
    }

    fn level(&mut self) -> u16 {
        self.fs().next
    }

    fn restore(&mut self, l: u16) {
        self.fs().next = l;
    }

    fn pc(&mut self) -> usize {
        self.fs().code.len()
    }

    /// Emit a forward jump to patch later.
    fn jump(&mut self, op: Op, a: u16) -> usize {
        self.emit_i(Instr::asbx(op, a, 0))
    }

    fn patch(&mut self, at: usize) {
        let target = self.pc();
        self.patch_to(at, target);
    }

    fn patch_to(&mut self, at: usize, target: usize) {
        let fs = self.fs();
        let ins = fs.code[at];
        let off = target as i64 - (at as i64 + 1);
        let short = matches!(
            ins.op.format(),
            crate::opcode::Format::CmpJump | crate::opcode::Format::CmpJumpK
        ) || ins.op == Op::MapNext;
        if short && (off < i16::MIN as i64 || off > i16::MAX as i64) {
            fs.too_far = true;
        }
        fs.code[at] = match ins.op.format() {
            crate::opcode::Format::CmpJump | crate::opcode::Format::CmpJumpK => {
                Instr::wide(ins.op, ins.a, ins.b, off as i16 as u16 as u32)
            }
            _ => Instr::asbx(ins.op, ins.a as u16, off as i32),
        };
        if ins.op == Op::MapNext {
            fs.code[at] = Instr::wide(ins.op, ins.a, ins.b, off as i16 as u16 as u32);
        }
    }

    fn jump_back(&mut self, target: usize) {
        let at = self.emit_i(Instr::asbx(Op::Jmp, 0, 0));
        self.patch_to(at, target);
    }

    // ---------------------------------------------------------------------------------------
    // Types

    fn ty(&self, e: &Expr) -> TypeId {
        let t = self
            .info
            .types
            .get(&e.id)
            .or_else(|| self.thunk_types.get(&e.id))
            .copied()
            .unwrap_or(TypeTable::INVALID);
        self.sub(t)
    }

    /// `defer delete(m, k)`, `go copy(a, b)`, `defer clear(m)`: a function of the builtin's
    /// arguments (of types `ts`, already evaluated by the caller) that makes the call.
    pub(super) fn builtin_thunk(
        &mut self,
        e: &Expr,
        b: crate::check::Builtin,
        targ: Option<TypeId>,
        ts: &[TypeId],
    ) -> CResult<u32> {
        let idx = self.prog.funcs.len() as u32;
        let name = format!("{}.deferwrap{}", self.fs().name, idx);
        self.prog.funcs.push(Func {
            name: name.clone(),
            ..Default::default()
        });
        let line = self.line_of(e.span);
        let saved = self.fs.replace(self.new_fs(name, line));
        let saved_hoisted = std::mem::take(&mut self.hoisted);
        let params: Vec<Expr> = ts
            .iter()
            .enumerate()
            .map(|(i, &t)| {
                let id = ast::tuple_elem_id(e.id, i);
                self.thunk_types.insert(id, t);
                let r = self.alloc();
                self.hoisted.insert(id, r);
                Expr {
                    id,
                    span: e.span,
                    kind: ast::ExprKind::TupleElem(i as u32),
                }
            })
            .collect();
        let r = self.builtin(e, b, targ, &params, false);
        self.hoisted = saved_hoisted;
        if r.is_ok() {
            self.emit(Op::Ret, 0, 0, 0);
        }
        self.finish_made_func(idx, saved, ts.len() as u16, 0, 0, line);
        r.map(|_| idx)
    }

    /// Finish a function the compiler made (a stub or thunk compiled in `self.fs`, with the
    /// enclosing function's state set aside in `saved`): its code goes to `prog.funcs[idx]`
    /// and `saved` becomes current again. It has at least `min_regs` registers.
    fn finish_made_func(
        &mut self,
        idx: u32,
        saved: Option<FnState>,
        nparams: u16,
        nres: u16,
        min_regs: u16,
        line: u32,
    ) {
        let fs = std::mem::replace(&mut self.fs, saved).expect("made function's state");
        let f = &mut self.prog.funcs[idx as usize];
        f.code = fs.code;
        f.lines = fs.lines;
        f.consts = fs.consts;
        f.nregs = (fs.max.max(nparams) + 1 + nres).max(min_regs);
        f.nparams = nparams;
        f.nresults = nres;
        f.line = line;
    }

    /// `t` under the substitution of the generic instance being compiled.
    fn sub(&self, t: TypeId) -> TypeId {
        match self.subst {
            Some(s) => s.map.get(&t).copied().unwrap_or(t),
            None => t,
        }
    }

    /// The (substituted) type of object `o`.
    fn obj_ty(&self, o: ObjId) -> TypeId {
        self.sub(self.info.object(o).ty)
    }

    /// What call `id` is, with its types substituted.
    fn call_kind(&self, id: ast::NodeId) -> Option<CallKind> {
        Some(match self.info.calls.get(&id)?.clone() {
            CallKind::Conversion(t) => CallKind::Conversion(self.sub(t)),
            CallKind::Builtin(b, t) => CallKind::Builtin(b, t.map(|t| self.sub(t))),
            CallKind::Regular => CallKind::Regular,
        })
    }

    /// How selector expression `e` resolved, with its types substituted. A method of a type
    /// parameter's constraint called on a concrete type argument becomes a static call of
    /// that type's method.
    fn selection(&self, e: &Expr) -> Option<Selection> {
        let s = self.info.selections.get(&e.id)?.clone();
        if self.subst.is_none() {
            return Some(s);
        }
        Some(match s {
            Selection::Field { path, indirect, ty } => Selection::Field {
                path,
                indirect,
                ty: self.sub(ty),
            },
            Selection::Method {
                recv,
                name,
                ptr_recv,
                auto,
                path,
                indirect,
                sig,
                obj,
            } => Selection::Method {
                recv: self.sub(recv),
                name,
                ptr_recv,
                auto,
                path,
                indirect,
                sig: self.sub(sig),
                obj,
            },
            Selection::InterfaceMethod {
                iface,
                name,
                index,
                path,
                indirect,
                sig,
            } => {
                if let (true, ExprKind::Selector(x, _)) = (path.is_empty(), &e.kind) {
                    let xt = self.ty(x);
                    if !self.tt.is_interface(xt) {
                        if let Some(s) = self.concrete_method(xt, &name) {
                            return Some(s);
                        }
                    }
                }
                Selection::InterfaceMethod {
                    iface: self.sub(iface),
                    name,
                    index,
                    path,
                    indirect,
                    sig: self.sub(sig),
                }
            }
            Selection::MethodExpr {
                recv,
                name,
                iface_index: Some(_),
                sig,
                ..
            } if !self.tt.is_interface(self.sub(recv)) => {
                // `T.M` of a type parameter, T a concrete type here: T's own method.
                let t = self.sub(recv);
                let crate::types::Lookup::Method {
                    recv: named,
                    index,
                    ptr_recv,
                    path,
                    indirect,
                    ..
                } = self.tt.lookup_field_or_method(t, &name)
                else {
                    return None;
                };
                Selection::MethodExpr {
                    recv: t,
                    obj: self.tt.named(named)?.methods.get(index)?.obj,
                    name,
                    ptr_recv,
                    sig: self.sub(sig),
                    iface_index: None,
                    path,
                    indirect,
                }
            }
            Selection::MethodExpr {
                recv,
                name,
                ptr_recv,
                sig,
                iface_index,
                obj,
                path,
                indirect,
            } => Selection::MethodExpr {
                recv: self.sub(recv),
                name,
                ptr_recv,
                sig: self.sub(sig),
                iface_index,
                obj,
                path,
                indirect,
            },
            q @ Selection::Qualified { .. } => q,
        })
    }

    /// Method `name` of concrete type `t` (a type argument) as a selection.
    fn concrete_method(&self, t: TypeId, name: &str) -> Option<Selection> {
        match self.tt.lookup_field_or_method(t, name) {
            crate::types::Lookup::Method {
                recv,
                index,
                path,
                indirect,
                ptr_recv,
                recv_ptr,
            } => {
                let m = self.tt.named(recv)?.methods.get(index)?;
                let auto = if ptr_recv && !recv_ptr {
                    crate::check::AutoRef::AddrOf
                } else if !ptr_recv && recv_ptr {
                    crate::check::AutoRef::Deref
                } else {
                    crate::check::AutoRef::None
                };
                Some(Selection::Method {
                    recv,
                    name: name.to_string(),
                    ptr_recv,
                    auto,
                    path,
                    indirect,
                    sig: m.sig,
                    obj: m.obj,
                })
            }
            crate::types::Lookup::IfaceMethod {
                iface,
                index,
                path,
                indirect,
            } => {
                let sig = self.tt.interface_of(iface)?.methods.get(index)?.sig;
                Some(Selection::InterfaceMethod {
                    iface,
                    name: name.to_string(),
                    index,
                    path,
                    indirect,
                    sig,
                })
            }
            _ => None,
        }
    }

    /// The compiled instance of the generic function used at `node` (an Ident, Selector or
    /// Index naming it), its type arguments mapped through the enclosing substitution.
    fn instance_func(&self, node: ast::NodeId) -> Option<u32> {
        let inst = self.info.instances.get(&node)?;
        let targs: Vec<TypeId> = inst.targs.iter().map(|&t| self.sub(t)).collect();
        self.inst_funcs.get(&(inst.func, targs)).copied()
    }

    /// Does `node` name an instance of a generic function with a Go body (not a native
    /// library generic such as `sync.OnceValue`)?
    fn is_compiled_instance(&self, node: ast::NodeId) -> bool {
        self.info.instances.get(&node).is_some_and(|i| {
            matches!(
                self.info.object(i.func).kind,
                ObjKind::Func { native: false, .. }
            )
        })
    }

    /// The function of method object `o` declared on named type `recv` (an instance of a
    /// generic type: the method's instance for its type arguments).
    pub(super) fn method_func(&self, recv: TypeId, o: ObjId) -> Option<u32> {
        if let Some(n) = self.tt.named(recv) {
            if n.origin.is_some() {
                return self.inst_funcs.get(&(o, n.targs.clone())).copied();
            }
        }
        self.funcs.get(&o).copied()
    }

    /// The instantiations to compile if `fd` (object `o`) is a generic function or a method
    /// of a generic type; None if it is not generic.
    fn generic_instances(&self, fd: &ast::FuncDecl, o: ObjId) -> Option<Vec<&'a Subst>> {
        if !fd.tparams.is_empty() {
            let v = self.info.func_instances.get(&o);
            return Some(v.map(|v| v.iter().collect()).unwrap_or_default());
        }
        if let ObjKind::Func {
            recv: Some(named), ..
        } = &self.info.object(o).kind
        {
            if self.tt.named(*named).is_some_and(|n| !n.tparams.is_empty()) {
                let v = self.info.type_instances.get(named);
                return Some(v.map(|v| v.iter().collect()).unwrap_or_default());
            }
        }
        None
    }

    /// The element type of channel type `t`.
    fn chan_elem(&self, t: TypeId) -> TypeId {
        match self.tt.under(t) {
            Type::Chan(_, e) => *e,
            _ => t,
        }
    }

    fn class(&self, t: TypeId) -> TClass {
        types::classify(self.tt, t)
    }

    /// The shape of `t` for memory operations: slot count, with `AGG` for structs/arrays.
    fn slots(&self, t: TypeId) -> u32 {
        let n = types::slots(self.tt, t);
        let len = match self.tt.under(t) {
            Type::Array(n, _) => *n,
            _ => 0,
        };
        if n > MAX_SLOTS || len > MAX_SLOTS as u64 {
            self.too_large("arrays or structs of more than 2147483647 words or elements");
        }
        types::shape(self.tt, t)
    }

    /// Zero value of type `t` as a register value.
    fn zero_value(&self, t: TypeId) -> Value {
        // cmd/compile's limit on a type's size on 64-bit targets.
        if types::byte_size(self.tt, t) >= 1 << 50 && self.addr_space.get().is_none() {
            self.addr_space.set(Some((self.cur_pos.get(), t)));
        }
        types::zero_value(self.tt, t)
    }

    /// Runtime type id of `t` for interfaces and fmt.
    fn rtype(&mut self, t: TypeId) -> u32 {
        if let Some(r) = self.rtypes.get(&t) {
            return *r;
        }
        types::rtype(self, t)
    }

    pub(super) fn native(&mut self, qname: &str, span: ast::Span) -> CResult<u32> {
        if let Some(i) = self.natives.get(qname) {
            return Ok(*i);
        }
        let (name, f) = crate::vm::lib::lookup(qname)
            .ok_or_else(|| unsupported(span, &format!("the function {qname}")))?;
        self.prog
            .natives
            .push(crate::vm::program::NativeEntry { name, f });
        let i = (self.prog.natives.len() - 1) as u32;
        self.natives.insert(qname.to_string(), i);
        Ok(i)
    }

    /// A library type whose value is only used through its methods (sync.Mutex, sync.Once,
    /// atomic.Int64...): its storage may be replaced by the native object.
    pub(super) fn is_opaque_lib(&self, t: TypeId) -> bool {
        self.tt
            .named(t)
            .is_some_and(|n| matches!(n.pkg.as_str(), "sync" | "sync/atomic" | "strings" | "bytes"))
    }

    /// A bytecode function that calls native `qname` with its `nparams` parameters (receiver
    /// first) and returns its `nres` results: the function of native method values and of
    /// native methods in method tables (interface dispatch).
    pub(super) fn native_stub(
        &mut self,
        qname: &str,
        nparams: u16,
        nres: u16,
        span: ast::Span,
    ) -> CResult<u32> {
        let key = format!("stub:{qname}");
        if let Some(i) = self.natives.get(&key) {
            return Ok(*i);
        }
        let id = self.native(qname, span)?;
        let idx = self.prog.funcs.len() as u32;
        self.prog.funcs.push(Func {
            name: qname.to_string(),
            ..Default::default()
        });
        self.natives.insert(key, idx);
        let saved = self.fs.replace(self.new_fs(qname.to_string(), 0));
        let win = nparams;
        for i in 0..nparams {
            self.emit(Op::Move, win + 1 + i, i, 0);
        }
        self.emit(Op::CallN, win, id as u16, nparams);
        self.ext(nres, 0, 0);
        self.emit(Op::Ret, win, nres, 0);
        self.finish_made_func(idx, saved, nparams, nres, 2 * nparams + nres + 2, 0);
        Ok(idx)
    }

    /// `Error` (and `Unwrap`) of the built-in error types, for dynamic dispatch.
    fn builtin_error_methods(&mut self) -> CResult<()> {
        let f = self.native_stub("errors.(*errorString).Error", 1, 1, ast::Span::default())?;
        let u = self.native_stub("fmt.(*wrapError).Unwrap", 1, 1, ast::Span::default())?;
        let sym = self.prog.method_sym("Error");
        let usym = self.prog.method_sym("Unwrap");
        for t in crate::vm::program::RT_ERROR_TYPES {
            if let Some(rt) = self.prog.types.get_mut(t as usize) {
                rt.methods.insert(
                    sym,
                    crate::vm::program::MethodEntry {
                        func: f,
                        deref: 0,
                        native: false,
                        sig: crate::vm::program::ANY_SIG,
                    },
                );
            }
        }
        let re = self.native_stub("runtime.Error.RuntimeError", 1, 0, ast::Span::default())?;
        let resym = self.prog.method_sym("RuntimeError");
        for t in crate::vm::program::RT_RUNTIME_ERRORS {
            if let Some(rt) = self.prog.types.get_mut(t as usize) {
                rt.methods.insert(
                    resym,
                    crate::vm::program::MethodEntry {
                        func: re,
                        deref: 0,
                        native: false,
                        sig: crate::vm::program::ANY_SIG,
                    },
                );
            }
        }
        if let Some(rt) = self
            .prog
            .types
            .get_mut(crate::vm::program::RT_WRAP_ERROR as usize)
        {
            rt.methods.insert(
                usym,
                crate::vm::program::MethodEntry {
                    func: u,
                    deref: 0,
                    native: false,
                    sig: crate::vm::program::ANY_SIG,
                },
            );
        }
        // Library types that natives create at run time (found by name in `prog.types`).
        for i in 0..self.tt.len() as u32 {
            let t = TypeId(i);
            if let Some(n) = self.tt.named(t) {
                if (n.pkg == "context"
                    && (n.name == "ctxImpl" || n.name == "deadlineExceededError"))
                    || (n.pkg == "sync" && (n.name == "onceCell" || n.name == "rlocker"))
                    || (n.pkg == "sort" && n.name == "reverse")
                {
                    self.rtype(t);
                }
            }
        }
        Ok(())
    }

    // ---------------------------------------------------------------------------------------
    // Functions

    fn new_fs(&self, name: String, line: u32) -> FnState {
        FnState {
            code: Vec::new(),
            lines: Vec::new(),
            consts: Vec::new(),
            next: 0,
            max: 0,
            locals: HashMap::new(),
            loops: Vec::new(),
            escaping: HashSet::new(),
            stack_slices: HashSet::new(),
            captures: Vec::new(),
            has_defer: false,
            results: Vec::new(),
            result_types: Vec::new(),
            line,
            name,
            nclosures: 0,
            too_far: false,
            labels: HashMap::new(),
            gotos: Vec::new(),
            rf: None,
            switch_label: None,
        }
    }

    fn compile_func_decl(&mut self, idx: u32, fd: &ast::FuncDecl) -> CResult<()> {
        let body = match &fd.body {
            Some(b) => b,
            None => return Err(Diagnostic::error(fd.name.span, "missing function body")),
        };
        let name = self.prog.funcs[idx as usize].name.clone();
        let line = self.line_of(fd.span);
        let mut fs = self.new_fs(name, line);
        escapes::block(body, self.info, self.tt, self.subst, &mut fs.escaping);
        fs.stack_slices = escapes::stack_slices(body, self.info, self.tt, self.subst);
        let saved = self.fs.replace(fs);
        let mut params: Vec<&ast::Field> = Vec::new();
        if let Some(r) = &fd.recv {
            params.push(r);
        }
        params.extend(fd.sig.params.iter());
        let r = self.compile_body(idx, &params, &fd.sig.results, body, &[]);
        self.fs = saved;
        r
    }

    /// Compile a function body into `self.prog.funcs[idx]`. `captures` are the enclosing
    /// objects this closure captures (its upvalues, in order).
    fn compile_body(
        &mut self,
        idx: u32,
        params: &[&ast::Field],
        results: &[ast::Field],
        body: &ast::Block,
        captures: &[ObjId],
    ) -> CResult<()> {
        for (i, c) in captures.iter().enumerate() {
            self.fs().locals.insert(*c, Loc::Up(i as u16));
        }
        self.fs().captures = captures.to_vec();
        // Parameters occupy the first registers (one register per parameter).
        let mut param_objs = Vec::new();
        for f in params {
            if f.names.is_empty() {
                self.alloc();
                param_objs.push(None);
            }
            for n in &f.names {
                let r = self.alloc();
                let o = self.info.defs.get(&n.span.lo).copied();
                param_objs.push(o.map(|o| (o, r)));
            }
        }
        let nparams = self.level();
        // Escaping parameters move into cells.
        for (o, r) in param_objs.into_iter().flatten() {
            if self.fs().escaping.contains(&o) {
                let ty = self.obj_ty(o);
                self.new_cell(r, ty, Some(r));
                self.fs().locals.insert(o, Loc::Cell(r));
            } else {
                self.fs().locals.insert(o, Loc::Reg(r));
            }
        }
        // Result types and variables.
        let mut rtypes = Vec::new();
        let mut named = Vec::new();
        for f in results {
            let t = self.ty(&f.ty);
            if f.names.is_empty() {
                rtypes.push(t);
                named.push(None);
            }
            for n in &f.names {
                rtypes.push(t);
                named.push(self.info.defs.get(&n.span.lo).copied());
            }
        }
        self.fs().result_types = rtypes.clone();
        let has_defer = escapes::has_defer(body);
        self.fs().has_defer = has_defer;
        // Named results (or, with defer, synthesized result variables) are locals.
        for (i, n) in named.iter().enumerate() {
            let t = rtypes[i];
            if n.is_none() && !has_defer {
                continue;
            }
            let r = self.alloc();
            let z = self.zero_value(t);
            self.load_value(r, z);
            let obj = match n {
                Some(o) => *o,
                None => ObjId(u32::MAX - i as u32),
            };
            if self.fs().escaping.contains(&obj) {
                self.new_cell(r, t, Some(r));
                self.fs().locals.insert(obj, Loc::Cell(r));
            } else {
                self.fs().locals.insert(obj, Loc::Reg(r));
            }
            self.fs().results.push((obj, t));
        }
        self.block(&body.stmts)?;
        // Implicit return at the end.
        self.fs().line = self.line_of(body.rbrace);
        self.emit_return_vars()?;
        let recover_pc = self.pc() as u32;
        if has_defer {
            // Where a frame resumes after a deferred call recovered a panic.
            self.emit_return_vars()?;
        }
        let gotos = std::mem::take(&mut self.fs().gotos);
        for (at, name) in gotos {
            match self.fs().labels.get(&name).copied() {
                Some(target) => self.patch_to(at, target),
                None => return Err(unsupported(body.lbrace, "goto to this label")),
            }
        }
        let fs = self.fs.take().expect("fs");
        if fs.too_far {
            return Err(Diagnostic::internal(
                body.lbrace.lo,
                "function too large for minigo's 16-bit jumps",
            ));
        }
        let f = &mut self.prog.funcs[idx as usize];
        f.code = fs.code;
        f.lines = fs.lines;
        f.consts = fs.consts;
        f.nregs = fs.max.max(nparams) + 1;
        f.nparams = nparams;
        f.nresults = rtypes.len() as u16;
        f.ncaptures = captures.len() as u16;
        f.recover_pc = recover_pc;
        f.line = fs.line;
        self.fs = Some(FnState {
            name: fs.name,
            ..self.new_fs(String::new(), 0)
        });
        Ok(())
    }

    /// `return` with the current values of the result variables (zero values if unnamed and
    /// no defer).
    fn emit_return_vars(&mut self) -> CResult<()> {
        if self.fs().has_defer {
            self.emit(Op::RunDefers, 0, 0, 0);
        }
        let results = self.fs().results.clone();
        let rtypes = self.fs().result_types.clone();
        let l = self.level();
        let base = self.alloc_n(rtypes.len() as u16);
        for (i, t) in rtypes.iter().enumerate() {
            let dst = base + i as u16;
            if let Some((o, _)) = results.get(i) {
                self.load_var(*o, dst)?;
            } else {
                let z = self.zero_value(*t);
                self.load_value(dst, z);
            }
        }
        self.emit(Op::Ret, base, rtypes.len() as u16, 0);
        self.restore(l);
        Ok(())
    }

    fn new_cell(&mut self, dst: u16, ty: TypeId, init: Option<u16>) {
        let n = self.slots(ty);
        let kind = types::slot_kind(self.tt, ty) as u16;
        // NEW makes the slots nil or 0: a zero value of nothing else needs no constant.
        if init.is_none() && types::zero_is_plain(self.tt, ty) {
            self.emit_w(Op::New, dst, n, kind as u32);
            self.ext(0, 1, 0);
            return;
        }
        let z = self.zero_value(ty);
        let k = self.konst(z);
        match init {
            Some(src) if src != dst => {
                self.emit_w(Op::New, dst, n, kind as u32);
                self.ext(k, 1, 0);
                self.emit_w(Op::Store, dst, src as u32, n);
            }
            Some(src) => {
                // NEW overwrites dst: keep the value elsewhere first.
                let l = self.level();
                let t = self.alloc();
                self.emit(Op::Move, t, src, 0);
                self.emit_w(Op::New, dst, n, kind as u32);
                self.ext(k, 1, 0);
                self.emit_w(Op::Store, dst, t as u32, n);
                self.restore(l);
            }
            None => {
                self.emit_w(Op::New, dst, n, kind as u32);
                self.ext(k, 0, 0);
            }
        }
    }

    fn load_value(&mut self, dst: u16, v: Value) {
        match v {
            Value::Int(i) if i >= i32::MIN as i64 && i <= i32::MAX as i64 => {
                self.emit_i(Instr::asbx(Op::LoadI, dst, i as i32));
            }
            Value::Nil => {
                self.emit(Op::LoadNil, dst, 0, 0);
            }
            v => {
                let k = self.konst(v);
                self.emit_i(Instr::abx(Op::LoadK, dst, k as u32));
            }
        }
    }

    fn compile_init(&mut self, _file: &ast::File) -> CResult<()> {
        let idx = self.prog.funcs.len() as u32;
        self.prog.funcs.push(Func {
            name: "main.init".into(),
            ..Default::default()
        });
        let fs = self.new_fs("main.init".into(), 0);
        let saved = self.fs.replace(fs);
        let order = self.info.init_order.clone();
        for init in &order {
            let e = match self.find_expr(init.rhs) {
                Some(e) => e,
                None => continue,
            };
            let l = self.level();
            if init.lhs.len() == 1 {
                let r = self.expr(e)?;
                let r = self.convert(r, self.ty(e), self.obj_ty(init.lhs[0]))?;
                if self.globals.contains_key(&init.lhs[0]) {
                    self.store_var(init.lhs[0], r)?;
                }
            } else {
                let to: Vec<Option<TypeId>> =
                    init.lhs.iter().map(|o| Some(self.obj_ty(*o))).collect();
                let regs = self.multi_to(e, &to)?;
                for (o, r) in init.lhs.iter().zip(regs) {
                    if self.globals.contains_key(o) {
                        self.store_var(*o, r)?;
                    }
                }
            }
            self.restore(l);
        }
        for o in self.info.inits.clone() {
            if let Some(f) = self.funcs.get(&o).copied() {
                let w = self.alloc();
                self.emit(Op::CallS, w, f as u16, 0);
                self.restore(w);
            }
        }
        self.emit(Op::Ret, 0, 0, 0);
        let fs = self.fs.take().expect("fs");
        let f = &mut self.prog.funcs[idx as usize];
        f.code = fs.code;
        f.lines = fs.lines;
        f.consts = fs.consts;
        f.nregs = fs.max + 1;
        self.fs = saved;
        self.prog.init = Some(idx);
        Ok(())
    }

    /// Package-level initializer expressions are found by NodeId in the file.
    fn find_expr(&self, id: ast::NodeId) -> Option<&'a Expr> {
        self.init_exprs.get(&id).copied()
    }
}

fn expr_name(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Ident(n) => n.clone(),
        ExprKind::Index(x, _) => expr_name(x),
        ExprKind::Paren(x) => expr_name(x),
        _ => "?".into(),
    }
}

mod escapes;
mod expr;
mod place;
mod rangefunc;
mod stmt;
