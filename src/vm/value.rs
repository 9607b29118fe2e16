//! VM values and the shared heap. Everything a Go program can share between goroutines lives
//! behind this module's types, so a later stop-the-world collector has one place to hook in.
//!
//! Layout model: every Go type has a *slot count*: scalars (all integer kinds, floats as their
//! float64 bits, bools as 0/1), strings, slices, maps, pointers, channels, funcs and interfaces
//! take one slot; a struct or array is the concatenation of its fields' / elements' slots
//! (flattened). In a register a multi-slot value is a [`Value::Tuple`] (copied on assignment: Go's
//! value semantics); in shared memory it occupies consecutive slots of an [`Obj`], so a pointer to
//! a field or element is just `(object, slot offset)`.
//!
//! Shared memory ([`Obj`]) is safe under data races without a global lock: scalar-only objects
//! use relaxed atomic words (a racy program may read stale values but never tears a word), byte
//! arrays atomic bytes, and objects holding references a small per-slot lock.

use parking_lot::Mutex;
use std::collections::HashMap;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::sync::atomic::{AtomicI64, AtomicU8, Ordering::Relaxed};
use std::sync::{Arc, OnceLock};

use minigo_runtime::{track, GcHeader, Trace};

/// A register or slot value.
#[derive(Clone, Default)]
pub enum Value {
    /// Zero value of pointers, maps, channels, funcs, interfaces and slices.
    #[default]
    Nil,
    /// Any scalar: integers (normalised to their width), float bits, bools.
    Int(i64),
    Str(GoStr),
    Slice(GoSlice),
    Ptr(Pointer),
    Map(MapRef),
    Func(Arc<FuncVal>),
    Iface(Arc<Iface>),
    /// Struct or array value: flattened slots.
    Tuple(Box<[Value]>),
    Chan(Arc<super::rt::ChanObj>),
    /// Opaque native object (sync.Mutex state, bufio.Scanner, time values...).
    Native(Arc<dyn std::any::Any + Send + Sync>),
}

impl Value {
    #[inline(always)]
    pub fn int(&self) -> i64 {
        match self {
            Value::Int(i) => *i,
            _ => 0,
        }
    }
    #[inline(always)]
    pub fn float(&self) -> f64 {
        f64::from_bits(self.int() as u64)
    }
    #[inline(always)]
    pub fn from_f64(f: f64) -> Value {
        Value::Int(f.to_bits() as i64)
    }
    #[inline(always)]
    pub fn from_bool(b: bool) -> Value {
        Value::Int(b as i64)
    }
    pub fn truthy(&self) -> bool {
        self.int() != 0
    }
    pub fn is_nil(&self) -> bool {
        matches!(self, Value::Nil)
    }
    pub fn str(&self) -> GoStr {
        match self {
            Value::Str(s) => s.clone(),
            _ => GoStr::empty(),
        }
    }
    pub fn as_str(&self) -> &[u8] {
        match self {
            Value::Str(s) => s.as_bytes(),
            _ => &[],
        }
    }
    /// A Go string value from Rust text.
    #[allow(clippy::should_implement_trait)]
    pub fn from_str(s: &str) -> Value {
        Value::Str(GoStr::from(s.as_bytes().to_vec()))
    }
    pub fn from_bytes(b: Vec<u8>) -> Value {
        Value::Str(GoStr::from(b))
    }
    pub fn tuple(&self) -> &[Value] {
        match self {
            Value::Tuple(t) => t,
            _ => &[],
        }
    }
    /// Is this (flattened) value only nils and zero words, as a fresh object's slots are?
    pub fn is_plain_zero(&self) -> bool {
        match self {
            Value::Nil | Value::Int(0) => true,
            Value::Tuple(t) => t.iter().all(Value::is_plain_zero),
            _ => false,
        }
    }

    /// Number of slots this value occupies when stored (tuples are flattened).
    pub fn slots(&self) -> usize {
        match self {
            Value::Tuple(t) => t.len(),
            _ => 1,
        }
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Nil => write!(f, "nil"),
            Value::Int(i) => write!(f, "{i}"),
            Value::Str(s) => write!(f, "{:?}", String::from_utf8_lossy(s.as_bytes())),
            Value::Slice(s) => write!(f, "slice(len={}, cap={})", s.len, s.cap),
            Value::Ptr(p) => write!(f, "ptr(+{})", p.off),
            Value::Map(_) => write!(f, "map"),
            Value::Func(_) => write!(f, "func"),
            Value::Iface(i) => write!(f, "iface(t{}, {:?})", i.ty, i.val),
            Value::Tuple(t) => f.debug_list().entries(t.iter()).finish(),
            Value::Chan(_) => write!(f, "chan"),
            Value::Native(_) => write!(f, "native"),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Strings

/// An immutable Go string: a shared byte buffer and a window into it, so substrings are O(1).
#[derive(Clone)]
pub struct GoStr {
    buf: Arc<Vec<u8>>,
    lo: u32,
    hi: u32,
}

fn empty_buf() -> Arc<Vec<u8>> {
    static EMPTY: OnceLock<Arc<Vec<u8>>> = OnceLock::new();
    EMPTY.get_or_init(|| Arc::new(Vec::new())).clone()
}

impl GoStr {
    pub fn empty() -> GoStr {
        GoStr {
            buf: empty_buf(),
            lo: 0,
            hi: 0,
        }
    }
    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        &self.buf[self.lo as usize..self.hi as usize]
    }
    #[inline]
    pub fn len(&self) -> usize {
        (self.hi - self.lo) as usize
    }
    pub fn is_empty(&self) -> bool {
        self.hi == self.lo
    }
    /// `s[lo:hi]`, bounds already checked by the caller.
    pub fn substr(&self, lo: usize, hi: usize) -> GoStr {
        if lo == hi {
            return GoStr::empty();
        }
        GoStr {
            buf: self.buf.clone(),
            lo: self.lo + lo as u32,
            hi: self.lo + hi as u32,
        }
    }
    pub fn concat(&self, other: &GoStr) -> GoStr {
        if other.is_empty() {
            return self.clone();
        }
        if self.is_empty() {
            return other.clone();
        }
        let mut v = Vec::with_capacity(self.len() + other.len());
        v.extend_from_slice(self.as_bytes());
        v.extend_from_slice(other.as_bytes());
        GoStr::from(v)
    }
    pub fn to_string_lossy(&self) -> String {
        String::from_utf8_lossy(self.as_bytes()).into_owned()
    }
}

impl From<Vec<u8>> for GoStr {
    fn from(v: Vec<u8>) -> GoStr {
        if v.is_empty() {
            return GoStr::empty();
        }
        let hi = v.len() as u32;
        GoStr {
            buf: Arc::new(v),
            lo: 0,
            hi,
        }
    }
}

impl PartialEq for GoStr {
    fn eq(&self, o: &GoStr) -> bool {
        self.as_bytes() == o.as_bytes()
    }
}
impl Eq for GoStr {}
impl fmt::Debug for GoStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", String::from_utf8_lossy(self.as_bytes()))
    }
}
impl Hash for GoStr {
    fn hash<H: Hasher>(&self, h: &mut H) {
        self.as_bytes().hash(h)
    }
}
impl PartialOrd for GoStr {
    fn partial_cmp(&self, o: &GoStr) -> Option<std::cmp::Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for GoStr {
    fn cmp(&self, o: &GoStr) -> std::cmp::Ordering {
        self.as_bytes().cmp(o.as_bytes())
    }
}

// ---------------------------------------------------------------------------------------------
// Shared objects

/// Which representation an object's slots use; chosen per type by the compiler.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum SlotKind {
    /// Scalars only (ints, float bits, bools): relaxed atomic words.
    Words = 0,
    /// One byte per slot (`[]byte`, `[]bool`, `[]uint8`).
    Bytes = 1,
    /// Anything else: one small lock per slot.
    Vals = 2,
}

impl SlotKind {
    pub fn from_u16(k: u16) -> SlotKind {
        match k {
            0 => SlotKind::Words,
            1 => SlotKind::Bytes,
            _ => SlotKind::Vals,
        }
    }
}

/// A heap object: the storage of an escaping variable, a pointee, a slice's backing array.
pub enum Obj {
    Words(Slots<AtomicI64>),
    Bytes(Slots<AtomicU8>),
    Vals(Slots<Mutex<Value>>),
}

/// An object's slots, with the word the collector keeps in every object it can see.
pub struct Slots<T> {
    hdr: GcHeader,
    cells: Box<[T]>,
}

impl<T> From<Vec<T>> for Slots<T> {
    fn from(v: Vec<T>) -> Slots<T> {
        Slots {
            hdr: GcHeader::new(),
            cells: v.into_boxed_slice(),
        }
    }
}

impl<T> std::ops::Deref for Slots<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        &self.cells
    }
}

impl<T> std::ops::DerefMut for Slots<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        &mut self.cells
    }
}

thread_local! {
    /// Set while an [`Obj`] on this thread is releasing what it references.
    static RELEASING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// References taken out of objects freed while `RELEASING` was set, to release next.
    static TO_RELEASE: std::cell::RefCell<Vec<Value>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Freeing an object releases what its slots reference, which may free more objects: a linked
/// list of a million nodes would recurse a million times through `drop`. The outermost drop on
/// a thread releases the references with a work list instead; nested drops only hand their
/// slots' values to it, so the native stack depth stays constant whatever the chain's length.
impl Drop for Obj {
    fn drop(&mut self) {
        memstats::free(self.byte_size());
        let Obj::Vals(slots) = self else {
            return;
        };
        if RELEASING.with(|r| r.replace(true)) {
            TO_RELEASE.with(|q| {
                let mut q = q.borrow_mut();
                for m in slots.iter_mut() {
                    if !matches!(m.get_mut(), Value::Nil | Value::Int(_)) {
                        q.push(std::mem::take(m.get_mut()));
                    }
                }
            });
            return;
        }
        // The outermost drop: what its slots free hands their references to `TO_RELEASE`,
        // which is drained one value at a time (never borrowed across a drop).
        for m in slots.iter_mut() {
            if !matches!(m.get_mut(), Value::Nil | Value::Int(_)) {
                drop(std::mem::take(m.get_mut()));
            }
        }
        while let Some(v) = TO_RELEASE.with(|q| q.borrow_mut().pop()) {
            drop(v);
        }
        RELEASING.with(|r| r.set(false));
    }
}

impl Obj {
    /// An object of `n` slots, each slot `i` initialised from `zero[i % zero.len()]` (the
    /// flattened zero value of the element type; empty = all scalar zeros / nil).
    pub fn new(kind: SlotKind, n: usize, zero: &[Value]) -> Obj {
        let obj = Obj::new_uncounted(kind, n, zero);
        memstats::malloc(obj.byte_size());
        obj
    }

    /// Bytes of memory the object takes.
    pub fn byte_size(&self) -> u64 {
        // The shared header (`Arc`'s counts and this enum) comes with every object.
        const HEADER: u64 = 16 + std::mem::size_of::<Obj>() as u64;
        HEADER
            + match self {
                Obj::Words(w) => w.len() as u64 * 8,
                Obj::Bytes(b) => b.len() as u64,
                Obj::Vals(v) => (v.len() * std::mem::size_of::<Mutex<Value>>()) as u64,
            }
    }

    fn new_uncounted(kind: SlotKind, n: usize, zero: &[Value]) -> Obj {
        match kind {
            SlotKind::Words => {
                let mut v = Vec::with_capacity(n);
                if zero.iter().all(|z| z.int() == 0) {
                    v.resize_with(n, || AtomicI64::new(0));
                } else {
                    for i in 0..n {
                        v.push(AtomicI64::new(zero[i % zero.len()].int()));
                    }
                }
                Obj::Words(v.into())
            }
            SlotKind::Bytes => {
                let mut v = Vec::with_capacity(n);
                v.resize_with(n, || AtomicU8::new(0));
                Obj::Bytes(v.into())
            }
            SlotKind::Vals => {
                let mut v = Vec::with_capacity(n);
                if zero.is_empty() {
                    v.resize_with(n, || Mutex::new(Value::Nil));
                } else {
                    for i in 0..n {
                        v.push(Mutex::new(zero[i % zero.len()].clone()));
                    }
                }
                Obj::Vals(v.into())
            }
        }
    }
    pub fn kind(&self) -> SlotKind {
        match self {
            Obj::Words(_) => SlotKind::Words,
            Obj::Bytes(_) => SlotKind::Bytes,
            Obj::Vals(_) => SlotKind::Vals,
        }
    }
    pub fn len(&self) -> usize {
        match self {
            Obj::Words(w) => w.len(),
            Obj::Bytes(b) => b.len(),
            Obj::Vals(v) => v.len(),
        }
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Read one slot. Out-of-range reads (a compiler bug) give nil rather than a Rust panic.
    #[inline]
    pub fn get(&self, i: usize) -> Value {
        match self {
            // Relaxed: Go gives racy reads no ordering; atomicity only prevents tearing.
            Obj::Words(w) => w.get(i).map_or(Value::Nil, |x| Value::Int(x.load(Relaxed))),
            Obj::Bytes(b) => b
                .get(i)
                .map_or(Value::Nil, |x| Value::Int(x.load(Relaxed) as i64)),
            Obj::Vals(v) => v.get(i).map_or(Value::Nil, |x| x.lock().clone()),
        }
    }
    #[inline]
    pub fn set(&self, i: usize, val: Value) {
        // A word or byte slot takes an integer: that value owns nothing, so skip its drop glue.
        let val = match val {
            Value::Int(w) => {
                match self {
                    Obj::Words(ws) => {
                        if let Some(x) = ws.get(i) {
                            x.store(w, Relaxed)
                        }
                        return;
                    }
                    Obj::Bytes(b) => {
                        if let Some(x) = b.get(i) {
                            x.store(w as u8, Relaxed)
                        }
                        return;
                    }
                    Obj::Vals(_) => {}
                }
                Value::Int(w)
            }
            v => v,
        };
        match self {
            // Relaxed: see `get`.
            Obj::Words(w) => {
                if let Some(x) = w.get(i) {
                    x.store(val.int(), Relaxed)
                }
            }
            Obj::Bytes(b) => {
                if let Some(x) = b.get(i) {
                    x.store(val.int() as u8, Relaxed)
                }
            }
            Obj::Vals(v) => {
                if let Some(x) = v.get(i) {
                    *x.lock() = val
                }
            }
        }
    }
    /// The value of slot `i`, initialising it with `init()` under the slot's lock if it is nil
    /// (lazily created native state of `sync.Mutex`, `strings.Builder`...).
    pub fn get_or_init(&self, i: usize, init: impl FnOnce() -> Value) -> Value {
        match self {
            Obj::Vals(v) => match v.get(i) {
                Some(x) => {
                    let mut g = x.lock();
                    if g.is_nil() {
                        *g = init();
                    }
                    g.clone()
                }
                None => Value::Nil,
            },
            _ => Value::Nil,
        }
    }

    /// Atomically add `d` to word slot `i` and return the new value (`atomic.AddInt64`).
    pub fn fetch_add(&self, i: usize, d: i64) -> i64 {
        match self {
            // SeqCst: sync/atomic operations are sequentially consistent in Go.
            Obj::Words(w) => w.get(i).map_or(0, |x| {
                x.fetch_add(d, std::sync::atomic::Ordering::SeqCst)
                    .wrapping_add(d)
            }),
            Obj::Vals(v) => v.get(i).map_or(0, |x| {
                let mut g = x.lock();
                let n = g.int().wrapping_add(d);
                *g = Value::Int(n);
                n
            }),
            Obj::Bytes(_) => 0,
        }
    }

    /// Atomic compare-and-swap of word slot `i`.
    pub fn compare_and_swap(&self, i: usize, old: i64, new: i64) -> bool {
        match self {
            // SeqCst: as Go's sync/atomic.
            Obj::Words(w) => w.get(i).is_some_and(|x| {
                x.compare_exchange(
                    old,
                    new,
                    std::sync::atomic::Ordering::SeqCst,
                    std::sync::atomic::Ordering::SeqCst,
                )
                .is_ok()
            }),
            Obj::Vals(v) => v.get(i).is_some_and(|x| {
                let mut g = x.lock();
                if g.int() == old {
                    *g = Value::Int(new);
                    true
                } else {
                    false
                }
            }),
            Obj::Bytes(_) => false,
        }
    }

    /// Read a value of `shape` (see [`AGG`]) at `off`: one slot, or a tuple for aggregates.
    pub fn get_n(&self, off: usize, shape: usize) -> Value {
        if shape == 1 {
            return self.get(off);
        }
        let n = shape & SHAPE_LEN;
        Value::Tuple((off..off + n).map(|i| self.get(i)).collect())
    }
    /// Store a value of `shape` at `off`.
    pub fn set_n(&self, off: usize, shape: usize, val: Value) {
        let n = shape & SHAPE_LEN;
        if shape == 1 {
            self.set(off, val);
            return;
        }
        if let Value::Tuple(t) = val {
            for (i, v) in t.into_vec().into_iter().enumerate().take(n) {
                self.set(off + i, v);
            }
        }
    }
}

/// Shapes: a value's slot count, with [`AGG`] set for structs and arrays (which are tuples in
/// registers even when they have one slot). Memory operations take shapes.
pub const AGG: usize = 0x8000_0000;
/// Mask of the slot count in a shape.
pub const SHAPE_LEN: usize = 0x7fff_ffff;

/// A pointer: an object and a slot offset into it.
#[derive(Clone)]
pub struct Pointer {
    pub obj: Arc<Obj>,
    pub off: u32,
}

impl Pointer {
    pub fn new_cell(kind: SlotKind, shape: usize, init: Value) -> Pointer {
        let obj = Obj::new(kind, shape & SHAPE_LEN, &[]);
        if !init.is_nil() {
            obj.set_n(0, shape, init);
        }
        Pointer {
            obj: new_obj(obj),
            off: 0,
        }
    }
    #[inline]
    pub fn load(&self, n: usize) -> Value {
        self.obj.get_n(self.off as usize, n)
    }
    #[inline]
    pub fn store(&self, n: usize, v: Value) {
        self.obj.set_n(self.off as usize, n, v)
    }
    pub fn same(&self, o: &Pointer) -> bool {
        Arc::ptr_eq(&self.obj, &o.obj) && self.off == o.off
    }
}

/// A slice header: backing object, *slot* offset of element 0, length and capacity in
/// elements, element shape (slot count | [`AGG`]).
#[derive(Clone)]
pub struct GoSlice {
    pub obj: Arc<Obj>,
    pub off: u32,
    pub len: u32,
    pub cap: u32,
    pub esz: u32,
}

impl GoSlice {
    /// Slots per element.
    #[inline]
    pub fn width(&self) -> usize {
        (self.esz as usize & SHAPE_LEN).max(1)
    }
    #[inline]
    pub fn get(&self, i: usize) -> Value {
        self.obj
            .get_n(self.off as usize + i * self.width(), self.esz as usize)
    }
    #[inline]
    pub fn set(&self, i: usize, v: Value) {
        self.obj
            .set_n(self.off as usize + i * self.width(), self.esz as usize, v)
    }
    pub fn elem_ptr(&self, i: usize) -> Pointer {
        Pointer {
            obj: self.obj.clone(),
            off: (self.off as usize + i * self.width()) as u32,
        }
    }
    /// Bytes of a `[]byte` slice.
    pub fn bytes(&self) -> Vec<u8> {
        (0..self.len as usize)
            .map(|i| self.get(i).int() as u8)
            .collect()
    }
}

// ---------------------------------------------------------------------------------------------
// Maps

/// A hashable image of a comparable Go value.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub enum Key {
    Nil,
    Int(i64),
    /// The string itself (no copy: hashed and compared by its bytes).
    Str(GoStr),
    Tuple(Vec<Key>),
    /// Interface key: dynamic type id and value.
    Iface(u32, Box<Key>),
    /// Pointer / channel identity.
    Addr(usize, u32),
    /// A float key (normalised: -0 == +0); NaN keys get a unique id so they never compare equal.
    Float(u64),
}

static NAN_COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

impl Key {
    /// `is_float` marks a float-typed key (or field) so +0/-0 are merged.
    pub fn from_value(v: &Value, is_float: bool) -> Key {
        match v {
            Value::Nil => Key::Nil,
            Value::Int(i) if is_float => {
                let f = f64::from_bits(*i as u64);
                if f.is_nan() {
                    Key::Float(u64::MAX - NAN_COUNTER.fetch_add(1, Relaxed))
                } else if f == 0.0 {
                    Key::Float(0)
                } else {
                    Key::Float(f.to_bits())
                }
            }
            Value::Int(i) => Key::Int(*i),
            Value::Str(s) => Key::Str(s.clone()),
            Value::Tuple(t) => Key::Tuple(t.iter().map(|x| Key::from_value(x, false)).collect()),
            Value::Iface(i) => Key::Iface(i.ty, Box::new(Key::from_value(&i.val, false))),
            Value::Ptr(p) => Key::Addr(Arc::as_ptr(&p.obj) as *const u8 as usize, p.off),
            Value::Chan(c) => Key::Addr(Arc::as_ptr(c) as *const u8 as usize, 0),
            _ => Key::Nil,
        }
    }
}

/// A Go map: entries keyed by [`Key`], keeping the original key value for iteration. Hashed
/// with foldhash, randomly seeded per map as Go seeds each map's hash.
#[derive(Default)]
pub struct GoMap {
    pub entries: HashMap<Key, (Value, Value), foldhash::fast::RandomState>,
}

/// A map's shared state: the entries behind one lock.
#[derive(Default)]
pub struct MapCell {
    hdr: GcHeader,
    map: Mutex<GoMap>,
}

impl std::ops::Deref for MapCell {
    type Target = Mutex<GoMap>;
    fn deref(&self) -> &Mutex<GoMap> {
        &self.map
    }
}

pub type MapRef = Arc<MapCell>;

// ---------------------------------------------------------------------------------------------
// Interfaces and functions

/// A non-nil interface value: dynamic type (index into the program's runtime type table) and
/// the value.
pub struct Iface {
    pub ty: u32,
    pub val: Value,
    pub hdr: GcHeader,
}

/// A function value.
pub enum FuncVal {
    /// A Go function or closure: function index and captured cells.
    Go {
        func: u32,
        captures: Box<[Value]>,
        hdr: GcHeader,
    },
    /// A method value `x.M` bound to its receiver.
    Bound {
        func: u32,
        recv: Value,
        hdr: GcHeader,
    },
    /// A native (standard library) function.
    Native { id: u32 },
    /// A native method value bound to its receiver (`defer wg.Done()`).
    NativeBound { id: u32, recv: Value, hdr: GcHeader },
    /// Method expression `I.M` on an interface type: calls method#sym of its first argument.
    IfaceMethod { sym: u32 },
    /// Method expression `(*T).M` for a value-receiver method `func`: dereferences its first
    /// argument (`slots` slots) and calls `func`.
    DerefMethod { func: u32, slots: u32 },
}

pub use minigo_runtime::memstats;

// ---------------------------------------------------------------------------------------------
// What the collector sees (see the runtime's `mgc`): the objects that can hold references
// list them, once per `Arc` held, and can drop them when found to be garbage.

/// Visit the references a value holds (a tuple's are those of its slots).
pub fn trace_value(v: &Value, visit: &mut dyn FnMut(&GcHeader)) {
    match v {
        Value::Ptr(p) => visit(p.obj.header()),
        Value::Slice(s) => visit(s.obj.header()),
        Value::Func(f) => visit(f.header()),
        Value::Iface(i) => visit(i.header()),
        Value::Map(m) => visit(m.header()),
        Value::Tuple(t) => t.iter().for_each(|x| trace_value(x, visit)),
        Value::Nil | Value::Int(_) | Value::Str(_) | Value::Chan(_) | Value::Native(_) => {}
    }
}

/// Whether a value holds a reference the collector traces (so its holder may be in a cycle).
fn holds_refs(v: &Value) -> bool {
    match v {
        Value::Ptr(_) | Value::Slice(_) | Value::Func(_) | Value::Iface(_) | Value::Map(_) => true,
        Value::Tuple(t) => t.iter().any(holds_refs),
        Value::Nil | Value::Int(_) | Value::Str(_) | Value::Chan(_) | Value::Native(_) => false,
    }
}

impl Trace for Obj {
    fn header(&self) -> &GcHeader {
        match self {
            Obj::Words(s) => &s.hdr,
            Obj::Bytes(s) => &s.hdr,
            Obj::Vals(s) => &s.hdr,
        }
    }
    fn trace(&self, visit: &mut dyn FnMut(&GcHeader)) -> bool {
        let Obj::Vals(slots) = self else {
            return true;
        };
        for m in slots.iter() {
            let Some(v) = m.try_lock() else {
                return false;
            };
            trace_value(&v, visit);
        }
        true
    }
    fn clear(&self) {
        if let Obj::Vals(slots) = self {
            for m in slots.iter() {
                let v = std::mem::take(&mut *m.lock());
                drop(v);
            }
        }
    }
}

/// The header of function values that are never tracked (they hold no references).
static UNTRACKED: GcHeader = GcHeader::new();

impl Trace for FuncVal {
    fn header(&self) -> &GcHeader {
        match self {
            FuncVal::Go { hdr, .. }
            | FuncVal::Bound { hdr, .. }
            | FuncVal::NativeBound { hdr, .. } => hdr,
            // Never tracked: these hold no references.
            FuncVal::Native { .. } | FuncVal::IfaceMethod { .. } | FuncVal::DerefMethod { .. } => {
                &UNTRACKED
            }
        }
    }
    fn trace(&self, visit: &mut dyn FnMut(&GcHeader)) -> bool {
        match self {
            FuncVal::Go { captures, .. } => captures.iter().for_each(|v| trace_value(v, visit)),
            FuncVal::Bound { recv, .. } | FuncVal::NativeBound { recv, .. } => {
                trace_value(recv, visit)
            }
            FuncVal::Native { .. } | FuncVal::IfaceMethod { .. } | FuncVal::DerefMethod { .. } => {}
        }
        true
    }
    /// Immutable: a cycle through a closure also goes through the cell it captures, which
    /// is cleared.
    fn clear(&self) {}
}

impl Trace for Iface {
    fn header(&self) -> &GcHeader {
        &self.hdr
    }
    fn trace(&self, visit: &mut dyn FnMut(&GcHeader)) -> bool {
        trace_value(&self.val, visit);
        true
    }
    /// Immutable, as `FuncVal`.
    fn clear(&self) {}
}

impl Trace for MapCell {
    fn header(&self) -> &GcHeader {
        &self.hdr
    }
    fn trace(&self, visit: &mut dyn FnMut(&GcHeader)) -> bool {
        let Some(m) = self.try_lock() else {
            return false;
        };
        for (k, v) in m.entries.values() {
            trace_value(k, visit);
            trace_value(v, visit);
        }
        true
    }
    fn clear(&self) {
        let entries = std::mem::take(&mut self.lock().entries);
        drop(entries);
    }
}

/// A shared object of `obj`'s slots, known to the collector when it can hold references.
pub fn new_obj(obj: Obj) -> Arc<Obj> {
    let a = Arc::new(obj);
    if a.kind() == SlotKind::Vals {
        track(&a);
    }
    a
}

impl Iface {
    /// A boxed interface value.
    pub fn new(ty: u32, val: Value) -> Arc<Iface> {
        let refs = holds_refs(&val);
        let a = Arc::new(Iface {
            ty,
            val,
            hdr: GcHeader::new(),
        });
        if refs {
            track(&a);
        }
        a
    }
}

impl FuncVal {
    /// A function value (closures and bound methods are known to the collector).
    pub fn new(f: FuncVal) -> Arc<FuncVal> {
        let refs = match &f {
            FuncVal::Go { captures, .. } => captures.iter().any(holds_refs),
            FuncVal::Bound { recv, .. } | FuncVal::NativeBound { recv, .. } => holds_refs(recv),
            _ => false,
        };
        let a = Arc::new(f);
        if refs {
            track(&a);
        }
        a
    }
}

impl GoMap {
    /// A new empty map.
    pub fn new_ref() -> MapRef {
        let a = Arc::new(MapCell::default());
        track(&a);
        a
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert!(std::mem::size_of::<Value>() <= 32);
    }

    #[test]
    fn substr_shares() {
        let s = GoStr::from(b"hello world".to_vec());
        let t = s.substr(6, 11);
        assert_eq!(t.as_bytes(), b"world");
        assert_eq!(s.concat(&t).as_bytes(), b"hello worldworld");
    }

    #[test]
    fn obj_slots() {
        let o = Obj::new(SlotKind::Vals, 4, &[Value::Int(0), Value::from_str("")]);
        o.set_n(
            2,
            2,
            Value::Tuple(vec![Value::Int(7), Value::from_str("x")].into()),
        );
        assert_eq!(o.get(2).int(), 7);
        assert_eq!(o.get(3).as_str(), b"x");
        assert_eq!(o.get(1).as_str(), b"");
    }
}
