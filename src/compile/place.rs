//! Assignment targets: the one place where the compiler evaluates the left-hand side of a store.
//!
//! Go's spec orders an assignment in two phases: first the operands of index expressions and
//! pointer indirections on the left (and the expressions on the right) are evaluated in the
//! usual order; then the assignments are carried out left to right. `x op= y` and `x++`
//! evaluate `x`'s operands once. [`Place`] is phase 1's result: every register a store needs,
//! already computed, so `=`, `op=`, `++`, tuple assignment, range and select all store through
//! [`Compiler::store_place`] and read through [`Compiler::load_place`].
//!
//! Aggregates (arrays and structs) that live in memory (a heap cell, a captured variable, a
//! package-level variable, a slice's backing array, a pointee) are stored to element by
//! element through a pointer to the element: a store writes only its own slots, so goroutines
//! writing different elements or fields never lose each other's writes, and a store costs
//! O(element), not O(aggregate). Only aggregates held in a register local (never shared) are
//! updated in their register.

use super::*;

/// A store target whose operands are evaluated (phase 1 of an assignment).
pub(super) enum Place {
    /// `_`.
    Blank,
    /// A named variable (register, cell, captured cell or package-level variable).
    Var(ObjId),
    /// Element `i` of slice `s`.
    Slice { s: u16, i: u16 },
    /// Entry `k` of map `m` with key type `kt` (`zero`: constant of the zero value).
    Map {
        m: u16,
        k: u16,
        kt: TypeId,
        zero: u16,
    },
    /// The memory at pointer `p`, of shape `n`.
    Mem { p: u16, n: u32 },
    /// A field or element of the memory at pointer `base`, its address computed (nil and
    /// bounds checked) only when stored to: in `a, p.f = 1, 2` and `a, p[i] = 1, 2` the store
    /// to `a` happens before `p`'s fault, as Go's phase 2 does them in order.
    Addr { base: u16, step: AddrStep, n: u32 },
    /// A library variable the program may assign (`runtime.MemProfileRate`): natives to get
    /// and set it.
    LibVar { get: u32, set: u32 },
    /// Part of an aggregate held in a register local.
    Reg {
        base: Box<Place>,
        sel: RegSel,
        n: u32,
    },
}

/// The last address step of a [`Place::Addr`].
pub(super) enum AddrStep {
    /// A field at a constant slot offset.
    Field(u32),
    /// Element `R[i]` of an array of `len` elements of shape `es`.
    Elem { i: u16, es: u32, len: u32 },
}

/// Which part of a register-held aggregate a [`Place::Reg`] designates.
pub(super) enum RegSel {
    /// The slots at a constant offset (a field).
    Field(u32),
    /// Element `R[i]` of an array of `len` elements of shape `es`.
    Elem { i: u16, es: u32, len: u32 },
}

impl Compiler<'_> {
    /// The flattened slot offset of the field reached by `path` (field indices, no pointer
    /// steps) from a struct of type `t`.
    pub(super) fn path_offset(&self, mut t: TypeId, path: &[usize]) -> u32 {
        let mut off = 0;
        for fi in path {
            off += types::field_offset(self.tt, t, *fi);
            t = self.path_type(t, std::slice::from_ref(fi));
        }
        off
    }

    /// The type of the field reached by `path` from a struct of type `t`.
    pub(super) fn path_type(&self, mut t: TypeId, path: &[usize]) -> TypeId {
        for fi in path {
            t = self
                .tt
                .struct_fields(t)
                .and_then(|f| f.get(*fi))
                .map(|f| f.ty)
                .unwrap_or(t);
        }
        t
    }

    /// Is the addressable expression `x` stored in memory (so that it has a pointer)?
    pub(super) fn in_memory(&mut self, x: &Expr) -> bool {
        match &x.kind {
            ExprKind::Paren(y) => self.in_memory(y),
            ExprKind::Ident(_) => {
                let Some(o) = self.info.uses.get(&x.span.lo).copied() else {
                    return false;
                };
                match self.fs().locals.get(&o).copied() {
                    Some(Loc::Cell(_)) | Some(Loc::Up(_)) => true,
                    Some(Loc::Reg(_)) => false,
                    None => self.global_cell(o),
                }
            }
            ExprKind::Index(s, _) => match self.class(self.ty(s)) {
                TClass::Slice | TClass::Ptr => true,
                TClass::Array => self.in_memory(s),
                _ => false,
            },
            ExprKind::Selector(b, _) => match self.selection(x) {
                Some(Selection::Field { indirect, .. }) => {
                    indirect.iter().any(|i| *i) || self.in_memory(b)
                }
                _ => false,
            },
            ExprKind::Star(_) => true,
            _ => false,
        }
    }

    /// Is package-level variable `o` an aggregate kept in a heap cell (the global slot holds
    /// the cell's pointer)? Arrays and structs are, so that `&g`, `&g[i]`, `g[i:j]` and element
    /// stores address them like any other memory.
    pub(super) fn global_cell(&self, o: ObjId) -> bool {
        if !self.globals.contains_key(&o) {
            return false;
        }
        let t = self.obj_ty(o);
        matches!(self.class(t), TClass::Array | TClass::Struct) && !self.is_opaque_lib(t)
    }

    /// Phase 1 of a store to `x`: evaluate the operands of its index expressions and pointer
    /// indirections. With `pin`, operands that are register locals are copied, so that an
    /// earlier store of the same statement (`i, a[i] = 1, 2`) does not change them.
    pub(super) fn place(&mut self, x: &Expr, pin: bool) -> CResult<Place> {
        match &x.kind {
            ExprKind::Paren(y) => self.place(y, pin),
            ExprKind::Ident(n) if n == "_" => Ok(Place::Blank),
            ExprKind::Ident(_) => {
                let o = self
                    .info
                    .uses
                    .get(&x.span.lo)
                    .or_else(|| self.info.defs.get(&x.span.lo))
                    .copied()
                    .ok_or_else(|| unsupported(x.span, "assignment to this name"))?;
                Ok(Place::Var(o))
            }
            ExprKind::Index(s, idx) => {
                let st = self.ty(s);
                match self.class(st) {
                    TClass::Slice => {
                        let s = self.operand(s, pin)?;
                        let i = self.operand(&idx[0], pin)?;
                        Ok(Place::Slice { s, i })
                    }
                    TClass::Map => {
                        let (kt, vt) = match self.tt.under(st) {
                            Type::Map(k, v) => (*k, *v),
                            _ => (st, st),
                        };
                        let m = self.operand(s, pin)?;
                        let k = self.operand(&idx[0], pin)?;
                        let k = self.convert(k, self.ty(&idx[0]), kt)?;
                        let z = self.zero_value(vt);
                        let zero = self.konst(z);
                        Ok(Place::Map { m, k, kt, zero })
                    }
                    TClass::Array if !self.in_memory(s) => {
                        let (len, et) = match self.tt.under(st) {
                            Type::Array(n, et) => (*n, *et),
                            _ => (0, st),
                        };
                        let es = self.slots(et);
                        let base = self.place(s, pin)?;
                        let i = self.operand(&idx[0], pin)?;
                        Ok(Place::Reg {
                            base: Box::new(base),
                            sel: RegSel::Elem {
                                i,
                                es,
                                len: len as u32,
                            },
                            n: es,
                        })
                    }
                    TClass::Array | TClass::Ptr if pin => {
                        let at = self.tt.pointer_elem(st).unwrap_or(st);
                        let (len, et) = match self.tt.under(at) {
                            Type::Array(n, et) => (*n, *et),
                            _ => return self.mem_place(x),
                        };
                        let base = if self.class(st) == TClass::Ptr {
                            self.operand(s, pin)?
                        } else {
                            self.address_reg(s)?
                        };
                        let i = self.operand(&idx[0], pin)?;
                        let es = self.slots(et);
                        Ok(Place::Addr {
                            base,
                            step: AddrStep::Elem {
                                i,
                                es,
                                len: len as u32,
                            },
                            n: es,
                        })
                    }
                    TClass::Array | TClass::Ptr => self.mem_place(x),
                    _ => Err(unsupported(x.span, "assignment to this index expression")),
                }
            }
            ExprKind::Selector(base, _) => match self.selection(x) {
                Some(Selection::Qualified { pkg, name, .. }) => {
                    let setter = format!("{pkg}.{name}=");
                    if crate::vm::lib::lookup(&setter).is_none() {
                        return Err(unsupported(x.span, &format!("assigning {pkg}.{name}")));
                    }
                    let get = self.native(&format!("{pkg}.{name}"), x.span)?;
                    let set = self.native(&setter, x.span)?;
                    Ok(Place::LibVar { get, set })
                }
                Some(Selection::Field { path, indirect, ty }) => {
                    if pin && indirect.first() == Some(&true) && !indirect[1..].contains(&true) {
                        return self.ptr_field_place(base, &path, ty, pin);
                    }
                    if indirect.iter().any(|b| *b) || self.in_memory(base) {
                        return self.mem_place(x);
                    }
                    let n = self.slots(ty);
                    let off = self.path_offset(self.ty(base), &path);
                    let b = self.place(base, pin)?;
                    Ok(Place::Reg {
                        base: Box::new(b),
                        sel: RegSel::Field(off),
                        n,
                    })
                }
                _ => Err(unsupported(x.span, "assignment to this selector")),
            },
            ExprKind::Star(p) => {
                let n = self.slots(self.ty(x));
                let p = self.operand(p, pin)?;
                Ok(Place::Mem { p, n })
            }
            _ => Err(unsupported(x.span, "this assignment")),
        }
    }

    /// The place of `x` in `x op= y`. A field reached through one pointer (`p.f`, `p.a.b`) is
    /// read and written at the pointer plus the field's offset (LOADF/STOREF), without a
    /// pointer to the field being made; a nil `p` faults at the read, after `y`, as in Go.
    /// (The pointer is evaluated first: a register local cannot change while `y` is
    /// evaluated, since a function that assigns it captures it into a cell.)
    pub(super) fn place_rmw(&mut self, x: &Expr) -> CResult<Place> {
        if let ExprKind::Paren(y) = &x.kind {
            return self.place_rmw(y);
        }
        if let ExprKind::Selector(base, _) = &x.kind {
            if let Some(Selection::Field { path, indirect, ty }) = self.selection(x) {
                if indirect.first() == Some(&true) && !indirect[1..].contains(&true) {
                    return self.ptr_field_place(base, &path, ty, false);
                }
            }
        }
        self.place(x, false)
    }

    /// The field at `path` of the struct `*base` points to.
    fn ptr_field_place(
        &mut self,
        base: &Expr,
        path: &[usize],
        ty: TypeId,
        pin: bool,
    ) -> CResult<Place> {
        let bt = self.ty(base);
        let st = self.tt.pointer_elem(bt).unwrap_or(bt);
        let off = self.path_offset(st, path);
        let base = self.operand(base, pin)?;
        Ok(Place::Addr {
            base,
            step: AddrStep::Field(off),
            n: self.slots(ty),
        })
    }

    /// The place of an addressable `x` in memory: its address.
    fn mem_place(&mut self, x: &Expr) -> CResult<Place> {
        let n = self.slots(self.ty(x));
        let p = self.alloc();
        self.address_of(x, p)?;
        Ok(Place::Mem { p, n })
    }

    /// Evaluate `e` into a register that stays valid through the statement's stores.
    fn operand(&mut self, e: &Expr, pin: bool) -> CResult<u16> {
        let r = self.expr(e)?;
        if pin && self.reg_local(e).is_some() {
            let c = self.alloc();
            self.emit(Op::Move, c, r, 0);
            return Ok(c);
        }
        Ok(r)
    }

    /// Read the value at `p` (of type `t`) into `dst`.
    pub(super) fn load_place(&mut self, p: &Place, dst: u16) -> CResult<()> {
        match p {
            Place::Blank => {}
            Place::Var(o) => self.load_var(*o, dst)?,
            Place::Slice { s, i } => {
                self.emit(Op::Index, dst, *s, *i);
            }
            Place::Map { m, k, kt, zero } => {
                self.emit(Op::MapGet, dst, *m, *k);
                self.map_ext(*kt, *zero, 0);
            }
            Place::Mem { p, n } => {
                self.emit_w(Op::Load, dst, *p as u32, *n);
            }
            Place::LibVar { get, .. } => {
                let win = self.alloc();
                self.emit(Op::CallN, win, *get as u16, 0);
                self.ext(1, 0, 0);
                self.emit(Op::Move, dst, win, 0);
                self.restore(win);
            }
            Place::Addr { base, step, n } => {
                let l = self.level();
                let p = self.addr_step(*base, step);
                if *n != 1 || !self.fuse_ptroff(p, Op::LoadF, dst) {
                    self.emit_w(Op::Load, dst, p as u32, *n);
                }
                self.restore(l);
            }
            Place::Reg { base, sel, n } => {
                let l = self.level();
                let b = match self.place_reg(base) {
                    Some(r) => r,
                    None => {
                        let t = self.alloc();
                        self.load_place(base, t)?;
                        t
                    }
                };
                match sel {
                    RegSel::Field(off) if *n == 1 => {
                        self.emit_w(Op::GetField, dst, b as u32, *off);
                    }
                    RegSel::Field(off) => {
                        self.emit_w(Op::GetFieldN, dst, b as u32, *off);
                        self.ext_w(*n, 0, 0);
                    }
                    RegSel::Elem { i, es, len } => {
                        self.emit(Op::ArrIndex, dst, b, *i);
                        self.ext_w(*es, *len, 0);
                    }
                }
                self.restore(l);
            }
        }
        Ok(())
    }

    /// The address of a [`Place::Addr`] in a new register.
    fn addr_step(&mut self, base: u16, step: &AddrStep) -> u16 {
        let p = self.alloc();
        match step {
            AddrStep::Field(off) => {
                self.emit_w(Op::PtrOff, p, base as u32, *off);
            }
            AddrStep::Elem { i, es, len } => {
                self.emit(Op::ArrPtrIdx, p, base, *i);
                self.ext_w(*es, *len, 0);
            }
        }
        p
    }

    /// The register of a place that is a register local.
    fn place_reg(&mut self, p: &Place) -> Option<u16> {
        match p {
            Place::Var(o) => match self.fs().locals.get(o).copied() {
                Some(Loc::Reg(r)) => Some(r),
                _ => None,
            },
            _ => None,
        }
    }

    /// Phase 2: store register `r` into `p`.
    pub(super) fn store_place(&mut self, p: &Place, r: u16) -> CResult<()> {
        match p {
            Place::Blank => {}
            Place::Var(o) => self.store_var(*o, r)?,
            Place::Slice { s, i } => {
                self.emit(Op::SetIndex, *s, *i, r);
            }
            Place::Map { m, k, kt, .. } => {
                self.emit(Op::MapSet, *m, *k, r);
                self.map_ext(*kt, 0, 0);
            }
            Place::Mem { p, n } => {
                if *n != 1 || !self.fuse_ptroff(*p, Op::StoreF, r) {
                    self.emit_w(Op::Store, *p, r as u32, *n);
                }
            }
            Place::LibVar { set, .. } => {
                let win = self.alloc();
                let arg = self.alloc();
                self.emit(Op::Move, arg, r, 0);
                self.emit(Op::CallN, win, *set as u16, 1);
                self.ext(0, 0, 0);
                self.restore(win);
            }
            Place::Addr { base, step, n } => {
                let l = self.level();
                let p = self.addr_step(*base, step);
                if *n != 1 || !self.fuse_ptroff(p, Op::StoreF, r) {
                    self.emit_w(Op::Store, p, r as u32, *n);
                }
                self.restore(l);
            }
            Place::Reg { base, sel, n } => {
                // A register local is updated in place; anything else (a part of a part) is
                // read, updated and written back.
                let l = self.level();
                let (b, direct) = match self.place_reg(base) {
                    Some(b) => (b, true),
                    None => {
                        let t = self.alloc();
                        self.load_place(base, t)?;
                        (t, false)
                    }
                };
                match sel {
                    RegSel::Field(off) if *n == 1 => {
                        self.emit_w(Op::SetField, b, *off, r as u32);
                    }
                    RegSel::Field(off) => {
                        self.emit_w(Op::SetFieldN, b, *off, r as u32);
                        self.ext_w(*n, 0, 0);
                    }
                    RegSel::Elem { i, es, len } => {
                        self.emit(Op::ArrSet, b, *i, r);
                        self.ext_w(*es, *len, 0);
                    }
                }
                if !direct {
                    self.store_place(base, b)?;
                }
                self.restore(l);
            }
        }
        Ok(())
    }
}
