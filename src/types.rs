//! Go types: one arena, [`TypeTable`], that the checker fills and the compiler/VM read.
//!
//! Identity. Unnamed types are hash-consed: building `[]int` twice yields the same [`TypeId`], so
//! for every type the checker records in [`crate::check::TypeInfo`], `a == b` iff Go's
//! `types.Identical(a, b)`. Named types (`type T ...`, including local and instantiated ones) and
//! type parameters are distinct entries, so `==` is Go's nominal identity for them too.
//!
//! The one wrinkle is Go's predeclared aliases `byte` (= `uint8`), `rune` (= `int32`) and `any`
//! (= `interface{}`): Go's *error messages* print the alias name, Go's `%T` prints the target.
//! The table keeps separate alias entries (so the checker can word errors as `go build` does),
//! and [`TypeTable::canonical`] maps a type deeply to alias-free form. Every `TypeId` the checker
//! exposes in `TypeInfo` (expression types, signatures, named types' underlying types, method
//! signatures) is canonical, so the VM never sees an alias entry and `==` is identity.
//!
//! After checking, the table is frozen into an `Arc<TypeTable>` and shared read-only.

use std::collections::HashMap;
use std::fmt::Write as _;

/// Index of a type in the [`TypeTable`]. Copy, cheap to compare and hash.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TypeId(pub u32);

/// Index of an object (variable, constant, type name, function...) in the checker's object
/// arena, [`crate::check::TypeInfo::objects`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ObjId(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BasicKind {
    /// The type of erroneous expressions (prints as `invalid type`).
    Invalid,
    Bool,
    Int,
    Int8,
    Int16,
    Int32,
    Int64,
    Uint,
    Uint8,
    Uint16,
    Uint32,
    Uint64,
    Uintptr,
    Float32,
    Float64,
    Complex64,
    Complex128,
    String,
    UnsafePointer,
    UntypedBool,
    UntypedInt,
    UntypedRune,
    UntypedFloat,
    UntypedComplex,
    UntypedString,
    UntypedNil,
}

impl BasicKind {
    /// Go's name of the type (`untyped int`, `float64`...).
    pub fn name(self) -> &'static str {
        use BasicKind::*;
        match self {
            Invalid => "invalid type",
            Bool => "bool",
            Int => "int",
            Int8 => "int8",
            Int16 => "int16",
            Int32 => "int32",
            Int64 => "int64",
            Uint => "uint",
            Uint8 => "uint8",
            Uint16 => "uint16",
            Uint32 => "uint32",
            Uint64 => "uint64",
            Uintptr => "uintptr",
            Float32 => "float32",
            Float64 => "float64",
            Complex64 => "complex64",
            Complex128 => "complex128",
            String => "string",
            UnsafePointer => "unsafe.Pointer",
            UntypedBool => "untyped bool",
            UntypedInt => "untyped int",
            UntypedRune => "untyped rune",
            UntypedFloat => "untyped float",
            UntypedComplex => "untyped complex",
            UntypedString => "untyped string",
            UntypedNil => "untyped nil",
        }
    }
    pub fn is_untyped(self) -> bool {
        use BasicKind::*;
        matches!(
            self,
            UntypedBool
                | UntypedInt
                | UntypedRune
                | UntypedFloat
                | UntypedComplex
                | UntypedString
                | UntypedNil
        )
    }
    pub fn is_integer(self) -> bool {
        use BasicKind::*;
        matches!(
            self,
            Int | Int8
                | Int16
                | Int32
                | Int64
                | Uint
                | Uint8
                | Uint16
                | Uint32
                | Uint64
                | Uintptr
                | UntypedInt
                | UntypedRune
        )
    }
    pub fn is_unsigned(self) -> bool {
        use BasicKind::*;
        matches!(self, Uint | Uint8 | Uint16 | Uint32 | Uint64 | Uintptr)
    }
    pub fn is_float(self) -> bool {
        matches!(
            self,
            BasicKind::Float32 | BasicKind::Float64 | BasicKind::UntypedFloat
        )
    }
    pub fn is_complex(self) -> bool {
        matches!(
            self,
            BasicKind::Complex64 | BasicKind::Complex128 | BasicKind::UntypedComplex
        )
    }
    pub fn is_numeric(self) -> bool {
        self.is_integer() || self.is_float() || self.is_complex()
    }
    pub fn is_string(self) -> bool {
        matches!(self, BasicKind::String | BasicKind::UntypedString)
    }
    pub fn is_boolean(self) -> bool {
        matches!(self, BasicKind::Bool | BasicKind::UntypedBool)
    }
    /// Width in bits of a sized numeric type (int/uint/uintptr are 64 bits, as on amd64);
    /// complex types report the width of the whole value (64 or 128). 0 for others.
    pub fn bits(self) -> u32 {
        use BasicKind::*;
        match self {
            Int8 | Uint8 => 8,
            Int16 | Uint16 => 16,
            Int32 | Uint32 | Float32 => 32,
            Int | Uint | Uintptr | Int64 | Uint64 | Float64 | Complex64 => 64,
            Complex128 => 128,
            _ => 0,
        }
    }
}

/// Channel direction of a channel type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChanDir {
    Both,
    /// `chan<- T`
    Send,
    /// `<-chan T`
    Recv,
}

/// A struct field.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Field {
    /// Field name; for an embedded field, the type's name (`Point` for `*pkg.Point`).
    pub name: String,
    pub ty: TypeId,
    pub embedded: bool,
    /// Decoded tag string, if any.
    pub tag: Option<String>,
}

/// A function type. A variadic function's last parameter has slice type `[]T`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Signature {
    pub params: Vec<TypeId>,
    pub results: Vec<TypeId>,
    pub variadic: bool,
}

/// A method of an interface type (the complete method set: embedded interfaces are flattened).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct IfaceMethod {
    pub name: String,
    /// A `Func` type (without receiver).
    pub sig: TypeId,
}

/// One term of a constraint's type set: `~int` (`tilde`) or `int`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Term {
    pub tilde: bool,
    pub ty: TypeId,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Interface {
    /// All methods (embedded ones included), sorted by name. A method's index in this list is
    /// the index used by `Selection::InterfaceMethod`.
    pub methods: Vec<IfaceMethod>,
    /// Type set restriction of a constraint interface (`~int | ~float64`); None = all types.
    pub terms: Option<Vec<Term>>,
    /// Embeds `comparable`.
    pub comparable: bool,
}

/// A method declared on a named type.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct MethodInfo {
    pub name: String,
    /// A `Func` type without receiver.
    pub sig: TypeId,
    /// Declared with a pointer receiver `(r *T)`.
    pub ptr_recv: bool,
    /// The method's object (its `Func` object; `decl` span gives the FuncDecl name), or None for
    /// a native standard-library method.
    pub obj: Option<ObjId>,
}

/// A defined (named) type.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Named {
    pub name: String,
    /// Package path: `main`, or the standard-library package (`strings`, `sync`, `time`...).
    pub pkg: String,
    /// Underlying type (never Named). `TypeTable::INVALID` while being resolved.
    pub underlying: TypeId,
    /// Methods declared on this type, in declaration order (look them up by name).
    pub methods: Vec<MethodInfo>,
    /// Type arguments of an instantiated generic type (`List[int]`), empty otherwise.
    pub targs: Vec<TypeId>,
    /// The generic type this one instantiates.
    pub origin: Option<TypeId>,
    /// Type parameters of a generic (uninstantiated) type.
    pub tparams: Vec<TypeId>,
    /// The TypeName object.
    pub obj: Option<ObjId>,
}

/// A type parameter of a generic function or type.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TypeParam {
    pub name: String,
    /// Index in its declaration's type-parameter list.
    pub index: u32,
    /// Constraint: an Interface type (possibly via a Named interface).
    pub constraint: TypeId,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Type {
    Basic(BasicKind),
    Named(Named),
    Pointer(TypeId),
    Slice(TypeId),
    Array(u64, TypeId),
    Map(TypeId, TypeId),
    Chan(ChanDir, TypeId),
    Struct(Vec<Field>),
    Func(Signature),
    Interface(Interface),
    /// The type of a multi-valued expression (`f()` returning 2 values); `Tuple([])` for none.
    Tuple(Vec<TypeId>),
    TypeParam(TypeParam),
}

/// The type arena. See the module docs for the identity rules.
#[derive(Clone, Debug)]
pub struct TypeTable {
    types: Vec<Type>,
    intern: HashMap<Type, TypeId>,
    /// Alias entries (`byte`, `rune`, `any`): their printed name and the canonical target.
    aliases: HashMap<TypeId, (&'static str, TypeId)>,
    canon_memo: HashMap<TypeId, TypeId>,
}

impl Default for TypeTable {
    fn default() -> Self {
        Self::new()
    }
}

/// Result of looking up `x.name` in a type: see [`TypeTable::lookup_field_or_method`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Lookup {
    /// Field: `path` = field indices from the outer struct to the field, each step with
    /// whether it goes through a pointer (the embedded field or the base was a pointer).
    Field {
        path: Vec<usize>,
        indirect: Vec<bool>,
        ty: TypeId,
    },
    /// Method declared on named type `recv` (reached through embedded fields `path`).
    /// `recv_ptr`: the value the method is found on (the base, or the last embedded field) is
    /// a pointer.
    Method {
        recv: TypeId,
        index: usize,
        path: Vec<usize>,
        indirect: Vec<bool>,
        ptr_recv: bool,
        recv_ptr: bool,
    },
    /// Method of an interface type (the base type, or an embedded interface field at `path`).
    IfaceMethod {
        iface: TypeId,
        index: usize,
        path: Vec<usize>,
        indirect: Vec<bool>,
    },
    Ambiguous,
    NotFound,
}

impl TypeTable {
    pub const INVALID: TypeId = TypeId(0);
    pub const BOOL: TypeId = TypeId(1);
    pub const INT: TypeId = TypeId(2);
    pub const INT8: TypeId = TypeId(3);
    pub const INT16: TypeId = TypeId(4);
    pub const INT32: TypeId = TypeId(5);
    pub const INT64: TypeId = TypeId(6);
    pub const UINT: TypeId = TypeId(7);
    pub const UINT8: TypeId = TypeId(8);
    pub const UINT16: TypeId = TypeId(9);
    pub const UINT32: TypeId = TypeId(10);
    pub const UINT64: TypeId = TypeId(11);
    pub const UINTPTR: TypeId = TypeId(12);
    pub const FLOAT32: TypeId = TypeId(13);
    pub const FLOAT64: TypeId = TypeId(14);
    pub const COMPLEX64: TypeId = TypeId(15);
    pub const COMPLEX128: TypeId = TypeId(16);
    pub const STRING: TypeId = TypeId(17);
    pub const UNSAFE_POINTER: TypeId = TypeId(18);
    pub const UNTYPED_BOOL: TypeId = TypeId(19);
    pub const UNTYPED_INT: TypeId = TypeId(20);
    pub const UNTYPED_RUNE: TypeId = TypeId(21);
    pub const UNTYPED_FLOAT: TypeId = TypeId(22);
    pub const UNTYPED_COMPLEX: TypeId = TypeId(23);
    pub const UNTYPED_STRING: TypeId = TypeId(24);
    pub const UNTYPED_NIL: TypeId = TypeId(25);
    /// `interface{}` (canonical).
    pub const EMPTY_IFACE: TypeId = TypeId(26);
    /// The empty tuple: type of a call to a function without results.
    pub const VOID: TypeId = TypeId(27);
    /// Alias entry `byte` (canonical: UINT8).
    pub const BYTE: TypeId = TypeId(28);
    /// Alias entry `rune` (canonical: INT32).
    pub const RUNE: TypeId = TypeId(29);
    /// Alias entry `any` (canonical: EMPTY_IFACE).
    pub const ANY: TypeId = TypeId(30);

    pub fn new() -> TypeTable {
        use BasicKind::*;
        let mut tt = TypeTable {
            types: Vec::new(),
            intern: HashMap::new(),
            aliases: HashMap::new(),
            canon_memo: HashMap::new(),
        };
        for k in [
            Invalid,
            Bool,
            Int,
            Int8,
            Int16,
            Int32,
            Int64,
            Uint,
            Uint8,
            Uint16,
            Uint32,
            Uint64,
            Uintptr,
            Float32,
            Float64,
            Complex64,
            Complex128,
            String,
            UnsafePointer,
            UntypedBool,
            UntypedInt,
            UntypedRune,
            UntypedFloat,
            UntypedComplex,
            UntypedString,
            UntypedNil,
        ] {
            tt.intern(Type::Basic(k));
        }
        let e = tt.intern(Type::Interface(Interface {
            methods: vec![],
            terms: None,
            comparable: false,
        }));
        debug_assert_eq!(e, Self::EMPTY_IFACE);
        let v = tt.intern(Type::Tuple(vec![]));
        debug_assert_eq!(v, Self::VOID);
        for (name, target) in [
            ("byte", Self::UINT8),
            ("rune", Self::INT32),
            ("any", Self::EMPTY_IFACE),
        ] {
            let id = TypeId(tt.types.len() as u32);
            tt.types.push(tt.types[target.0 as usize].clone());
            tt.aliases.insert(id, (name, target));
        }
        tt
    }

    fn intern(&mut self, t: Type) -> TypeId {
        if let Some(&id) = self.intern.get(&t) {
            return id;
        }
        let id = TypeId(self.types.len() as u32);
        self.types.push(t.clone());
        self.intern.insert(t, id);
        id
    }

    /// Number of entries (TypeIds are `0..len()`).
    pub fn len(&self) -> usize {
        self.types.len()
    }
    pub fn is_empty(&self) -> bool {
        self.types.is_empty()
    }

    /// The type's structure.
    pub fn get(&self, t: TypeId) -> &Type {
        &self.types[t.0 as usize]
    }

    // ---- constructors (hash-consed) ----

    pub fn basic(&self, k: BasicKind) -> TypeId {
        TypeId(k as u32)
    }
    pub fn pointer(&mut self, elem: TypeId) -> TypeId {
        self.intern(Type::Pointer(elem))
    }
    pub fn slice(&mut self, elem: TypeId) -> TypeId {
        self.intern(Type::Slice(elem))
    }
    pub fn array(&mut self, len: u64, elem: TypeId) -> TypeId {
        self.intern(Type::Array(len, elem))
    }
    pub fn map(&mut self, key: TypeId, val: TypeId) -> TypeId {
        self.intern(Type::Map(key, val))
    }
    pub fn chan(&mut self, dir: ChanDir, elem: TypeId) -> TypeId {
        self.intern(Type::Chan(dir, elem))
    }
    pub fn strukt(&mut self, fields: Vec<Field>) -> TypeId {
        self.intern(Type::Struct(fields))
    }
    pub fn func(&mut self, params: Vec<TypeId>, results: Vec<TypeId>, variadic: bool) -> TypeId {
        self.intern(Type::Func(Signature {
            params,
            results,
            variadic,
        }))
    }
    pub fn tuple(&mut self, elems: Vec<TypeId>) -> TypeId {
        self.intern(Type::Tuple(elems))
    }
    /// An interface; `methods` are sorted here.
    pub fn interface(
        &mut self,
        mut methods: Vec<IfaceMethod>,
        terms: Option<Vec<Term>>,
        comparable: bool,
    ) -> TypeId {
        methods.sort_by(|a, b| a.name.cmp(&b.name));
        methods.dedup_by(|a, b| a.name == b.name);
        self.intern(Type::Interface(Interface {
            methods,
            terms,
            comparable,
        }))
    }
    /// A new named type (not interned); set its underlying type later with
    /// [`TypeTable::set_underlying`].
    pub fn new_named(&mut self, name: &str, pkg: &str, obj: Option<ObjId>) -> TypeId {
        let id = TypeId(self.types.len() as u32);
        self.types.push(Type::Named(Named {
            name: name.to_string(),
            pkg: pkg.to_string(),
            underlying: Self::INVALID,
            methods: Vec::new(),
            targs: Vec::new(),
            origin: None,
            tparams: Vec::new(),
            obj,
        }));
        id
    }
    /// A new type parameter (not interned).
    pub fn new_type_param(&mut self, name: &str, index: u32, constraint: TypeId) -> TypeId {
        let id = TypeId(self.types.len() as u32);
        self.types.push(Type::TypeParam(TypeParam {
            name: name.to_string(),
            index,
            constraint,
        }));
        id
    }
    pub fn set_type_param_constraint(&mut self, t: TypeId, c: TypeId) {
        if let Type::TypeParam(p) = &mut self.types[t.0 as usize] {
            p.constraint = c;
        }
    }
    pub fn named_mut(&mut self, t: TypeId) -> Option<&mut Named> {
        match &mut self.types[t.0 as usize] {
            Type::Named(n) => Some(n),
            _ => None,
        }
    }
    pub fn named(&self, t: TypeId) -> Option<&Named> {
        match self.get(t) {
            Type::Named(n) => Some(n),
            _ => None,
        }
    }
    /// Set the underlying type of named type `t` (resolving `u` to its own underlying type).
    pub fn set_underlying(&mut self, t: TypeId, u: TypeId) {
        let u = self.underlying(u);
        if let Some(n) = self.named_mut(t) {
            n.underlying = u;
        }
    }
    pub fn add_method(&mut self, t: TypeId, m: MethodInfo) {
        if let Some(n) = self.named_mut(t) {
            n.methods.push(m);
        }
    }

    // ---- queries ----

    /// The underlying type: itself for unnamed types, the declared structure for named ones,
    /// the constraint's core-less self for type parameters.
    pub fn underlying(&self, t: TypeId) -> TypeId {
        match self.get(t) {
            Type::Named(n) => n.underlying,
            _ => t,
        }
    }
    /// The structure of the underlying type.
    pub fn under(&self, t: TypeId) -> &Type {
        self.get(self.underlying(t))
    }
    pub fn basic_kind(&self, t: TypeId) -> Option<BasicKind> {
        match self.under(t) {
            Type::Basic(k) => Some(*k),
            _ => None,
        }
    }
    pub fn is_named(&self, t: TypeId) -> bool {
        matches!(self.get(t), Type::Named(_))
    }
    /// types2's `hasName`: predeclared (basic) types, defined types and type parameters.
    pub fn has_name(&self, t: TypeId) -> bool {
        matches!(
            self.get(t),
            Type::Named(_) | Type::Basic(_) | Type::TypeParam(_)
        )
    }
    pub fn is_type_param(&self, t: TypeId) -> bool {
        matches!(self.get(t), Type::TypeParam(_))
    }
    pub fn is_untyped(&self, t: TypeId) -> bool {
        self.basic_kind(t).is_some_and(|k| k.is_untyped())
    }
    pub fn is_integer(&self, t: TypeId) -> bool {
        self.basic_kind(t).is_some_and(|k| k.is_integer())
    }
    pub fn is_unsigned(&self, t: TypeId) -> bool {
        self.basic_kind(t).is_some_and(|k| k.is_unsigned())
    }
    pub fn is_signed(&self, t: TypeId) -> bool {
        self.is_integer(t) && !self.is_unsigned(t)
    }
    pub fn is_float(&self, t: TypeId) -> bool {
        self.basic_kind(t).is_some_and(|k| k.is_float())
    }
    pub fn is_complex(&self, t: TypeId) -> bool {
        self.basic_kind(t).is_some_and(|k| k.is_complex())
    }
    pub fn is_numeric(&self, t: TypeId) -> bool {
        self.basic_kind(t).is_some_and(|k| k.is_numeric())
    }
    pub fn is_string(&self, t: TypeId) -> bool {
        self.basic_kind(t).is_some_and(|k| k.is_string())
    }
    pub fn is_boolean(&self, t: TypeId) -> bool {
        self.basic_kind(t).is_some_and(|k| k.is_boolean())
    }
    /// Width in bits of a sized numeric type (int = 64).
    pub fn int_bits(&self, t: TypeId) -> u32 {
        self.basic_kind(t).map_or(0, |k| k.bits())
    }
    pub fn is_interface(&self, t: TypeId) -> bool {
        matches!(self.under(t), Type::Interface(_)) && !self.is_type_param(t)
    }
    pub fn is_pointer(&self, t: TypeId) -> bool {
        matches!(self.under(t), Type::Pointer(_))
    }
    /// The element type of a pointer type.
    pub fn pointer_elem(&self, t: TypeId) -> Option<TypeId> {
        match self.under(t) {
            Type::Pointer(e) => Some(*e),
            _ => None,
        }
    }
    pub fn signature(&self, t: TypeId) -> Option<&Signature> {
        match self.under(t) {
            Type::Func(s) => Some(s),
            _ => None,
        }
    }
    pub fn interface_of(&self, t: TypeId) -> Option<&Interface> {
        match self.under(t) {
            Type::Interface(i) => Some(i),
            Type::TypeParam(p) => match self.under(p.constraint) {
                Type::Interface(i) => Some(i),
                _ => None,
            },
            _ => None,
        }
    }
    pub fn struct_fields(&self, t: TypeId) -> Option<&[Field]> {
        match self.under(t) {
            Type::Struct(f) => Some(f),
            _ => None,
        }
    }
    /// Elements of a tuple type, or `[t]` for a single-valued type.
    pub fn tuple_elems(&self, t: TypeId) -> Vec<TypeId> {
        match self.get(t) {
            Type::Tuple(v) => v.clone(),
            _ => vec![t],
        }
    }

    /// Go's `types.Identical` (which here is `==` on canonical ids; aliases are resolved).
    pub fn identical(&self, a: TypeId, b: TypeId) -> bool {
        if a == b {
            return true;
        }
        let (a, b) = (self.resolve_alias(a), self.resolve_alias(b));
        if a == b {
            return true;
        }
        match (self.get(a), self.get(b)) {
            (Type::Named(_), _) | (_, Type::Named(_)) => false,
            (Type::TypeParam(_), _) | (_, Type::TypeParam(_)) => false,
            (Type::Pointer(x), Type::Pointer(y)) | (Type::Slice(x), Type::Slice(y)) => {
                self.identical(*x, *y)
            }
            (Type::Array(n, x), Type::Array(m, y)) => n == m && self.identical(*x, *y),
            (Type::Map(k1, v1), Type::Map(k2, v2)) => {
                self.identical(*k1, *k2) && self.identical(*v1, *v2)
            }
            (Type::Chan(d1, x), Type::Chan(d2, y)) => d1 == d2 && self.identical(*x, *y),
            (Type::Struct(f), Type::Struct(g)) => {
                f.len() == g.len()
                    && f.iter().zip(g).all(|(f, g)| {
                        f.name == g.name
                            && f.embedded == g.embedded
                            && f.tag == g.tag
                            && self.identical(f.ty, g.ty)
                    })
            }
            (Type::Func(s), Type::Func(r)) => {
                s.variadic == r.variadic
                    && self.all_identical(&s.params, &r.params)
                    && self.all_identical(&s.results, &r.results)
            }
            (Type::Tuple(s), Type::Tuple(r)) => self.all_identical(s, r),
            (Type::Interface(i), Type::Interface(j)) => {
                i.comparable == j.comparable
                    && i.terms == j.terms
                    && i.methods.len() == j.methods.len()
                    && i.methods
                        .iter()
                        .zip(&j.methods)
                        .all(|(m, n)| m.name == n.name && self.identical(m.sig, n.sig))
            }
            _ => false,
        }
    }
    fn all_identical(&self, a: &[TypeId], b: &[TypeId]) -> bool {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| self.identical(*x, *y))
    }
    fn resolve_alias(&self, t: TypeId) -> TypeId {
        self.aliases.get(&t).map_or(t, |a| a.1)
    }

    /// The alias-free form of `t` (see module docs): `[]byte` → `[]uint8`, `any` →
    /// `interface{}`. Named types and type parameters are returned unchanged.
    pub fn canonical(&mut self, t: TypeId) -> TypeId {
        if let Some(&(_, target)) = self.aliases.get(&t) {
            return target;
        }
        if let Some(&c) = self.canon_memo.get(&t) {
            return c;
        }
        let c = match self.get(t).clone() {
            Type::Basic(_) | Type::Named(_) | Type::TypeParam(_) => t,
            Type::Pointer(e) => {
                let e = self.canonical(e);
                self.pointer(e)
            }
            Type::Slice(e) => {
                let e = self.canonical(e);
                self.slice(e)
            }
            Type::Array(n, e) => {
                let e = self.canonical(e);
                self.array(n, e)
            }
            Type::Map(k, v) => {
                let k = self.canonical(k);
                let v = self.canonical(v);
                self.map(k, v)
            }
            Type::Chan(d, e) => {
                let e = self.canonical(e);
                self.chan(d, e)
            }
            Type::Struct(fs) => {
                let fs = fs
                    .into_iter()
                    .map(|f| Field {
                        ty: self.canonical(f.ty),
                        ..f
                    })
                    .collect();
                self.strukt(fs)
            }
            Type::Func(s) => {
                let p = s.params.iter().map(|&x| self.canonical(x)).collect();
                let r = s.results.iter().map(|&x| self.canonical(x)).collect();
                self.func(p, r, s.variadic)
            }
            Type::Tuple(v) => {
                let v = v.iter().map(|&x| self.canonical(x)).collect();
                self.tuple(v)
            }
            Type::Interface(i) => {
                let ms = i
                    .methods
                    .into_iter()
                    .map(|m| IfaceMethod {
                        sig: self.canonical(m.sig),
                        ..m
                    })
                    .collect();
                let terms = i.terms.map(|ts| {
                    ts.into_iter()
                        .map(|t| Term {
                            ty: self.canonical(t.ty),
                            ..t
                        })
                        .collect()
                });
                self.interface(ms, terms, i.comparable)
            }
        };
        self.canon_memo.insert(t, c);
        c
    }

    /// Make every named type's underlying type and method signatures canonical (run once after
    /// checking, before freezing the table).
    pub fn canonicalize_named(&mut self) {
        for i in 0..self.types.len() {
            let t = TypeId(i as u32);
            if let Type::Named(n) = self.get(t).clone() {
                let u = self.canonical(n.underlying);
                let ms: Vec<MethodInfo> = n
                    .methods
                    .into_iter()
                    .map(|m| MethodInfo {
                        sig: self.canonical(m.sig),
                        ..m
                    })
                    .collect();
                let targs: Vec<TypeId> = n.targs.iter().map(|&x| self.canonical(x)).collect();
                if let Some(nm) = self.named_mut(t) {
                    nm.underlying = u;
                    nm.methods = ms;
                    nm.targs = targs;
                }
            }
        }
    }

    /// Go's comparability (`==` allowed): not slices, maps, funcs, nor structs/arrays
    /// containing them. Interfaces are comparable (may panic at run time).
    pub fn comparable(&self, t: TypeId) -> bool {
        self.comparable_rec(t, 0)
    }
    fn comparable_rec(&self, t: TypeId, depth: u32) -> bool {
        if depth > 64 {
            return true;
        }
        match self.under(t) {
            Type::Basic(k) => *k != BasicKind::UntypedNil,
            Type::Pointer(_) | Type::Chan(..) | Type::Interface(_) => true,
            Type::Struct(fs) => fs.iter().all(|f| self.comparable_rec(f.ty, depth + 1)),
            Type::Array(_, e) => self.comparable_rec(*e, depth + 1),
            Type::TypeParam(p) => self.interface_of(p.constraint).is_some_and(|i| {
                i.comparable
                    || i.terms
                        .as_ref()
                        .is_some_and(|ts| ts.iter().all(|t| self.comparable_rec(t.ty, depth + 1)))
            }),
            _ => false,
        }
    }

    /// Whether values of type `t` are ordered (`<` allowed): integers, floats, strings.
    pub fn ordered(&self, t: TypeId) -> bool {
        match self.basic_kind(t) {
            Some(k) => k.is_integer() || k.is_float() || k.is_string(),
            None => false,
        }
    }

    /// Methods declared directly on a named type (or the named type `*T` points to).
    pub fn declared_method(&self, t: TypeId, name: &str) -> Option<(TypeId, usize, &MethodInfo)> {
        let base = match self.get(t) {
            Type::Pointer(e) => *e,
            _ => t,
        };
        let n = self.named(base)?;
        n.methods
            .iter()
            .enumerate()
            .find(|(_, m)| m.name == name)
            .map(|(i, m)| (base, i, m))
    }

    /// Go's field/method lookup (`LookupFieldOrMethod`): breadth-first through embedded fields,
    /// the shallowest unique match wins; two at the same depth are ambiguous.
    pub fn lookup_field_or_method(&self, t: TypeId, name: &str) -> Lookup {
        // The receiver may be a pointer to a named (struct) type.
        let (base, base_ptr) = match self.get(t) {
            Type::Pointer(e) => (*e, true),
            _ => match self.under(t) {
                Type::Pointer(e) if !self.is_named(t) => (*e, true),
                _ => (t, false),
            },
        };
        // A named pointer type has no methods, but the fields of what it points to are
        // selected through it.
        if self.is_named(t) && self.is_pointer(t) {
            return match self.lookup_field_or_method(self.underlying(t), name) {
                f @ Lookup::Field { .. } => f,
                _ => Lookup::NotFound,
            };
        }
        struct Entry {
            ty: TypeId,
            path: Vec<usize>,
            indirect: Vec<bool>,
            ptr: bool,
        }
        let mut current = vec![Entry {
            ty: base,
            path: vec![],
            indirect: vec![],
            ptr: base_ptr,
        }];
        let mut seen: Vec<TypeId> = Vec::new();
        while !current.is_empty() {
            let mut found: Vec<Lookup> = Vec::new();
            let mut next = Vec::new();
            for e in &current {
                if self.is_named(e.ty) {
                    if seen.contains(&e.ty) {
                        continue;
                    }
                    seen.push(e.ty);
                    if let Some(n) = self.named(e.ty) {
                        if let Some(i) = n.methods.iter().position(|m| m.name == name) {
                            found.push(Lookup::Method {
                                recv: e.ty,
                                index: i,
                                path: e.path.clone(),
                                indirect: e.indirect.clone(),
                                ptr_recv: n.methods[i].ptr_recv,
                                recv_ptr: e.ptr,
                            });
                            continue;
                        }
                    }
                }
                match self.under(e.ty) {
                    Type::Struct(fs) => {
                        for (i, f) in fs.iter().enumerate() {
                            if f.name == name {
                                let mut path = e.path.clone();
                                path.push(i);
                                let mut ind = e.indirect.clone();
                                ind.push(e.ptr);
                                found.push(Lookup::Field {
                                    path,
                                    indirect: ind,
                                    ty: f.ty,
                                });
                                continue;
                            }
                            if f.embedded {
                                let (fty, fptr) = match self.get(f.ty) {
                                    Type::Pointer(x) => (*x, true),
                                    _ => (f.ty, false),
                                };
                                let mut path = e.path.clone();
                                path.push(i);
                                let mut ind = e.indirect.clone();
                                ind.push(e.ptr);
                                next.push(Entry {
                                    ty: fty,
                                    path,
                                    indirect: ind,
                                    ptr: fptr,
                                });
                            }
                        }
                    }
                    Type::Interface(it) => {
                        if let Some(i) = it.methods.iter().position(|m| m.name == name) {
                            found.push(Lookup::IfaceMethod {
                                iface: e.ty,
                                index: i,
                                path: e.path.clone(),
                                indirect: e.indirect.clone(),
                            });
                        }
                    }
                    _ => {}
                }
            }
            if found.len() == 1 {
                return found.pop().unwrap_or(Lookup::NotFound);
            }
            if found.len() > 1 {
                return Lookup::Ambiguous;
            }
            current = next;
        }
        Lookup::NotFound
    }

    /// The signature of method `name` in the method set of `t`, and whether calling it on a
    /// value of type `t` (not addressable) is allowed (false: pointer receiver on a value).
    pub fn method_sig(&self, t: TypeId, name: &str) -> Option<(TypeId, bool)> {
        match self.lookup_field_or_method(t, name) {
            Lookup::Method {
                recv,
                index,
                indirect,
                ptr_recv,
                recv_ptr,
                ..
            } => {
                let sig = self.named(recv)?.methods[index].sig;
                // *T's methods are in the method set if the receiver is reached through a
                // pointer: the base is a pointer or an embedded field on the path is one.
                let via_ptr = recv_ptr || indirect.iter().any(|&b| b);
                Some((sig, !ptr_recv || via_ptr))
            }
            Lookup::IfaceMethod { iface, index, .. } => {
                let i = self.interface_of(iface)?;
                Some((i.methods[index].sig, true))
            }
            _ => None,
        }
    }

    /// Method set query: the names and signatures of all methods callable on a value of type
    /// `t` (for `*T` this includes value-receiver methods; for `T` only value receivers, plus
    /// promoted methods through embedding).
    pub fn method_set(&self, t: TypeId) -> Vec<(String, TypeId)> {
        let mut names: Vec<String> = Vec::new();
        self.collect_method_names(t, &mut names, 0);
        let mut out = Vec::new();
        for n in names {
            if let Some((sig, ok)) = self.method_sig(t, &n) {
                if ok && !out.iter().any(|(m, _): &(String, TypeId)| *m == n) {
                    out.push((n, sig));
                }
            }
        }
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out
    }
    fn collect_method_names(&self, t: TypeId, names: &mut Vec<String>, depth: u32) {
        if depth > 8 {
            return;
        }
        let base = match self.get(t) {
            Type::Pointer(e) => *e,
            _ => t,
        };
        if let Some(n) = self.named(base) {
            names.extend(n.methods.iter().map(|m| m.name.clone()));
        }
        match self.under(base) {
            Type::Interface(i) => names.extend(i.methods.iter().map(|m| m.name.clone())),
            Type::Struct(fs) => {
                for f in fs.iter().filter(|f| f.embedded) {
                    self.collect_method_names(f.ty, names, depth + 1);
                }
            }
            _ => {}
        }
    }

    /// If `t` does not implement interface `iface`, the first missing method (sorted) and
    /// whether it exists with a pointer receiver only. None if `t` implements it.
    pub fn missing_method(&self, t: TypeId, iface: TypeId) -> Option<(String, MissingReason)> {
        let it = self.interface_of(iface)?;
        for m in &it.methods {
            if self.is_interface(t) {
                let ti = self.interface_of(t)?;
                match ti.methods.iter().find(|x| x.name == m.name) {
                    Some(x) if self.identical(x.sig, m.sig) => continue,
                    Some(_) => return Some((m.name.clone(), MissingReason::WrongType)),
                    None => return Some((m.name.clone(), MissingReason::Missing)),
                }
            }
            match self.method_sig(t, &m.name) {
                Some((sig, ok)) => {
                    if !self.identical(sig, m.sig) {
                        return Some((m.name.clone(), MissingReason::WrongType));
                    }
                    if !ok {
                        return Some((m.name.clone(), MissingReason::PointerReceiver));
                    }
                }
                None => return Some((m.name.clone(), MissingReason::Missing)),
            }
        }
        None
    }

    /// Go's `%T` / error-message spelling of a type: `main.Point`, `[]int`, `map[string]int`,
    /// `*main.T`, `func(int) string`, `struct { X int }`, `interface {}`, `any` (alias entry).
    pub fn type_string(&self, t: TypeId) -> String {
        let mut s = String::new();
        self.write_type(&mut s, t, 0);
        s
    }

    /// The spelling of `t` in compile errors (types2's `TypeString`): types of package `pkg`
    /// unqualified (`Point`), others qualified (`strings.Builder`); `struct{X int}`,
    /// `interface{M()}` without the spaces reflect puts in.
    pub fn error_string(&self, t: TypeId, pkg: &str) -> String {
        let mut s = String::new();
        self.write_type_mode(&mut s, t, 0, Some(pkg));
        s
    }

    fn write_type(&self, s: &mut String, t: TypeId, depth: u32) {
        self.write_type_mode(s, t, depth, None)
    }

    fn write_type_mode(&self, s: &mut String, t: TypeId, depth: u32, errpkg: Option<&str>) {
        if depth > 32 {
            s.push_str("...");
            return;
        }
        if let Some((name, _)) = self.aliases.get(&t) {
            s.push_str(name);
            return;
        }
        match self.get(t) {
            Type::Basic(k) => s.push_str(k.name()),
            Type::Named(n) => {
                if !n.pkg.is_empty() && errpkg != Some(n.pkg.as_str()) {
                    s.push_str(&n.pkg[n.pkg.rfind('/').map_or(0, |i| i + 1)..]);
                    s.push('.');
                }
                s.push_str(&n.name);
                if !n.targs.is_empty() {
                    s.push('[');
                    for (i, a) in n.targs.iter().enumerate() {
                        if i > 0 {
                            s.push(',');
                        }
                        self.write_type_mode(s, *a, depth + 1, errpkg);
                    }
                    s.push(']');
                }
            }
            Type::Pointer(e) => {
                s.push('*');
                self.write_type_mode(s, *e, depth + 1, errpkg);
            }
            Type::Slice(e) => {
                s.push_str("[]");
                self.write_type_mode(s, *e, depth + 1, errpkg);
            }
            Type::Array(n, e) => {
                let _ = write!(s, "[{}]", n);
                self.write_type_mode(s, *e, depth + 1, errpkg);
            }
            Type::Map(k, v) => {
                s.push_str("map[");
                self.write_type_mode(s, *k, depth + 1, errpkg);
                s.push(']');
                self.write_type_mode(s, *v, depth + 1, errpkg);
            }
            Type::Chan(d, e) => {
                s.push_str(match d {
                    ChanDir::Both => "chan ",
                    ChanDir::Send => "chan<- ",
                    ChanDir::Recv => "<-chan ",
                });
                // `chan (<-chan int)` needs parentheses.
                let paren =
                    *d == ChanDir::Both && matches!(self.get(*e), Type::Chan(ChanDir::Recv, _));
                if paren {
                    s.push('(');
                }
                self.write_type_mode(s, *e, depth + 1, errpkg);
                if paren {
                    s.push(')');
                }
            }
            Type::Struct(fs) => {
                let sp = errpkg.is_none();
                s.push_str(if sp { "struct {" } else { "struct{" });
                for (i, f) in fs.iter().enumerate() {
                    s.push_str(if i > 0 {
                        "; "
                    } else if sp {
                        " "
                    } else {
                        ""
                    });
                    if !f.embedded {
                        s.push_str(&f.name);
                        s.push(' ');
                    }
                    self.write_type_mode(s, f.ty, depth + 1, errpkg);
                    if let Some(tag) = &f.tag {
                        let _ = write!(s, " {:?}", tag);
                    }
                    if i + 1 == fs.len() && sp {
                        s.push(' ');
                    }
                }
                s.push('}');
            }
            Type::Func(sig) => {
                s.push_str("func");
                self.write_signature(s, sig, depth, errpkg);
            }
            Type::Interface(it) => {
                let sp = errpkg.is_none();
                if it.methods.is_empty() && it.terms.is_none() && !it.comparable {
                    s.push_str(if sp { "interface {}" } else { "interface{}" });
                    return;
                }
                s.push_str(if sp { "interface {" } else { "interface{" });
                let mut first = true;
                let mut sep = |s: &mut String| {
                    s.push_str(if first {
                        if sp {
                            " "
                        } else {
                            ""
                        }
                    } else {
                        "; "
                    });
                    first = false;
                };
                if it.comparable {
                    sep(s);
                    s.push_str("comparable");
                }
                for m in &it.methods {
                    sep(s);
                    s.push_str(&m.name);
                    if let Type::Func(sig) = self.get(m.sig) {
                        self.write_signature(s, sig, depth, errpkg);
                    }
                }
                if let Some(ts) = &it.terms {
                    sep(s);
                    for (i, term) in ts.iter().enumerate() {
                        if i > 0 {
                            s.push_str(" | ");
                        }
                        if term.tilde {
                            s.push('~');
                        }
                        self.write_type_mode(s, term.ty, depth + 1, errpkg);
                    }
                }
                s.push_str(if sp { " }" } else { "}" });
            }
            Type::Tuple(v) => {
                s.push('(');
                for (i, e) in v.iter().enumerate() {
                    if i > 0 {
                        s.push_str(", ");
                    }
                    self.write_type_mode(s, *e, depth + 1, errpkg);
                }
                s.push(')');
            }
            Type::TypeParam(p) => s.push_str(&p.name),
        }
    }
    fn write_signature(&self, s: &mut String, sig: &Signature, depth: u32, errpkg: Option<&str>) {
        s.push('(');
        for (i, p) in sig.params.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            if sig.variadic && i + 1 == sig.params.len() {
                s.push_str("...");
                let e = match self.get(*p) {
                    Type::Slice(e) => *e,
                    _ => *p,
                };
                self.write_type_mode(s, e, depth + 1, errpkg);
            } else {
                self.write_type_mode(s, *p, depth + 1, errpkg);
            }
        }
        s.push(')');
        match sig.results.len() {
            0 => {}
            1 => {
                s.push(' ');
                self.write_type_mode(s, sig.results[0], depth + 1, errpkg);
            }
            _ => {
                s.push_str(" (");
                for (i, r) in sig.results.iter().enumerate() {
                    if i > 0 {
                        s.push_str(", ");
                    }
                    self.write_type_mode(s, *r, depth + 1, errpkg);
                }
                s.push(')');
            }
        }
    }
}

/// Why a type fails to implement an interface method.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MissingReason {
    Missing,
    /// The method exists with a different signature.
    WrongType,
    /// The method has a pointer receiver and the value is not a pointer.
    PointerReceiver,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_consing_and_strings() {
        let mut tt = TypeTable::new();
        let a = tt.slice(TypeTable::INT);
        let b = tt.slice(TypeTable::INT);
        assert_eq!(a, b);
        let m = tt.map(TypeTable::STRING, a);
        assert_eq!(tt.type_string(m), "map[string][]int");
        let bs = tt.slice(TypeTable::BYTE);
        assert_eq!(tt.type_string(bs), "[]byte");
        assert_eq!(tt.canonical(bs), tt.slice(TypeTable::UINT8));
        let cb = tt.canonical(bs);
        assert!(tt.identical(bs, cb));
        let f = tt.func(vec![TypeTable::INT], vec![TypeTable::STRING], false);
        assert_eq!(tt.type_string(f), "func(int) string");
        let s = tt.strukt(vec![Field {
            name: "X".into(),
            ty: TypeTable::INT,
            embedded: false,
            tag: None,
        }]);
        assert_eq!(tt.type_string(s), "struct { X int }");
        assert_eq!(tt.type_string(TypeTable::EMPTY_IFACE), "interface {}");
        assert_eq!(tt.type_string(TypeTable::ANY), "any");
        let p = tt.new_named("Point", "main", None);
        tt.set_underlying(p, s);
        let pp = tt.pointer(p);
        assert_eq!(tt.type_string(pp), "*main.Point");
        let c = tt.chan(ChanDir::Recv, TypeTable::INT);
        assert_eq!(tt.type_string(c), "<-chan int");
    }
}
