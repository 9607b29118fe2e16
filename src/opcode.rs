//! The minigo instruction set: ONE table (the `instructions!` invocation below) generates the
//! opcode enum, each opcode's operand format, its mnemonic and its one-line semantics, which the
//! disassembler prints (`minigo disasm`). The VM's dispatch `match` follows the table's order.
//!
//! Register machine in the style of Lua 5.4: an instruction is `op A B C` with 16-bit operands
//! (`Bx` = B and C as one unsigned 32-bit number, `sBx` signed). Registers `R[n]` are relative to
//! the current frame's base. Every value is statically typed by the compiler, so arithmetic
//! opcodes are typed (`ADDI` is a 64-bit two's-complement add; narrower integer types are
//! re-normalised by `NARROW`; `ADDF` adds float64 bits). Instructions that need a fourth operand
//! are followed by one `EXT` word, whose A/B/C the instruction reads as `X.a X.b X.c`.
//!
//! Notation: `K[n]` constant pool, `G[n]` global slot, `U[n]` captured cell of the running
//! closure, `F[n]` function `n` of the program, `*p` the slot(s) a pointer designates, `pc` the
//! index of the next instruction.

/// Operand format, used by the disassembler to print operands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// No operands.
    None,
    /// `A`
    A,
    /// `A B`
    AB,
    /// `A B C`
    ABC,
    /// `A B sC` (C is a signed immediate)
    ABsC,
    /// `A Bx` (B and C form an unsigned 32-bit operand)
    ABx,
    /// `A sBx` (B and C form a signed 32-bit operand)
    AsBx,
    /// `sBx` jump offset (relative to the next instruction)
    Jump,
    /// `A sBx` conditional jump on R[A]
    CondJump,
    /// `A B sC` compare-and-jump: `sC` relative offset
    CmpJump,
    /// `A K sC` compare-with-constant-and-jump
    CmpJumpK,
}

macro_rules! instructions {
    ($( $name:ident $fmt:ident $mn:literal $sem:literal ; )*) => {
        /// One opcode per row of the instruction table.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Op { $( $name ),* }

        impl Op {
            /// Every opcode, in table order.
            pub const ALL: &'static [Op] = &[ $( Op::$name ),* ];

            /// Lower-case mnemonic printed by the disassembler.
            pub fn mnemonic(self) -> &'static str {
                match self { $( Op::$name => $mn ),* }
            }

            /// One-line semantics, Lua `lopcodes.h` style.
            pub fn semantics(self) -> &'static str {
                match self { $( Op::$name => $sem ),* }
            }

            /// Operand format.
            pub fn format(self) -> Format {
                match self { $( Op::$name => Format::$fmt ),* }
            }
        }
    };
}

instructions! {
    // ---- moves and constants ----
    Nop        None     "nop"       "no operation";
    Ext        ABC      "ext"       "extra operands of the previous instruction";
    Move       AB       "move"      "R[A] := R[B]";
    LoadI      AsBx     "loadi"     "R[A] := sBx (integer)";
    LoadK      ABx      "loadk"     "R[A] := K[Bx] (a fresh copy)";
    LoadNil    A        "loadnil"   "R[A] := nil";
    GetGlobal  ABx      "getglobal" "R[A] := G[Bx]";
    SetGlobal  ABx      "setglobal" "G[Bx] := R[A]";
    GlobalCell ABx      "globalcell" "R[A] := the cell of aggregate global Bx (fixed for the program's life)";
    GetUp      AB       "getup"     "R[A] := U[B] (the captured cell pointer)";
    LoadUp     AB       "loadup"    "R[A] := *U[B] (one slot)";
    StoreUp    AB       "storeup"   "*U[A] := R[B] (one slot)";

    // ---- integer arithmetic: 64-bit wraparound, NARROW re-normalises sub-word types ----
    AddI       ABC      "addi"      "R[A] := R[B] + R[C]";
    AddIK      ABsC     "addik"     "R[A] := R[B] + sC";
    AddK       ABC      "addk"      "R[A] := R[B] + K[C]";
    SubI       ABC      "subi"      "R[A] := R[B] - R[C]";
    MulI       ABC      "muli"      "R[A] := R[B] * R[C]";
    DivI       ABC      "divi"      "R[A] := R[B] / R[C] (signed, truncated; panics on 0)";
    DivU       ABC      "divu"      "R[A] := R[B] / R[C] (unsigned; panics on 0)";
    RemI       ABC      "remi"      "R[A] := R[B] % R[C] (signed; panics on 0)";
    RemU       ABC      "remu"      "R[A] := R[B] % R[C] (unsigned; panics on 0)";
    And        ABC      "and"       "R[A] := R[B] & R[C]";
    Or         ABC      "or"        "R[A] := R[B] | R[C]";
    Xor        ABC      "xor"       "R[A] := R[B] ^ R[C]";
    AndNot     ABC      "andnot"    "R[A] := R[B] &^ R[C]";
    Shl        ABC      "shl"       "R[A] := R[B] << R[C] (0 when R[C] >= 64; panics if R[C] < 0 signed)";
    ShrI       ABC      "shri"      "R[A] := R[B] >> R[C] (arithmetic)";
    ShrU       ABC      "shru"      "R[A] := R[B] >> R[C] (logical)";
    NegI       AB       "negi"      "R[A] := -R[B]";
    BitNot     AB       "bitnot"    "R[A] := ^R[B]";
    MulK       ABC      "mulk"      "R[A] := R[B] * K[C]";
    DivK       ABC      "divk"      "R[A] := R[B] / K[C] (signed; K[C] != 0)";
    DivUK      ABC      "divuk"     "R[A] := R[B] / K[C] (unsigned; K[C] != 0)";
    RemK       ABC      "remk"      "R[A] := R[B] % K[C] (signed; K[C] != 0)";
    RemUK      ABC      "remuk"     "R[A] := R[B] % K[C] (unsigned; K[C] != 0)";
    AndK       ABC      "andk"      "R[A] := R[B] & K[C]";
    OrK        ABC      "ork"       "R[A] := R[B] | K[C]";
    XorK       ABC      "xork"      "R[A] := R[B] ^ K[C]";
    ShlK       ABC      "shlk"      "R[A] := R[B] << K[C] (K[C] >= 0)";
    ShrK       ABC      "shrk"      "R[A] := R[B] >> K[C] (arithmetic; K[C] >= 0)";
    ShrUK      ABC      "shruk"     "R[A] := R[B] >> K[C] (logical; K[C] >= 0)";
    Narrow     ABC      "narrow"    "R[A] := R[B] wrapped to integer kind C (1 i8 2 i16 3 i32 4 u8 5 u16 6 u32)";

    // ---- floating point (registers hold float64 bits) ----
    AddF       ABC      "addf"      "R[A] := R[B] + R[C] (float)";
    SubF       ABC      "subf"      "R[A] := R[B] - R[C] (float)";
    MulF       ABC      "mulf"      "R[A] := R[B] * R[C] (float)";
    DivF       ABC      "divf"      "R[A] := R[B] / R[C] (float)";
    NegF       AB       "negf"      "R[A] := -R[B] (float)";
    RoundF32   AB       "roundf32"  "R[A] := float64(float32(R[B]))";
    DivC       ABC      "divc"      "R[A] := R[B] / R[C] (complex128, Go's complex128div)";
    IToF       ABC      "itof"      "R[A] := float(R[B]) (C=1: R[B] unsigned)";
    FToI       ABC      "ftoi"      "R[A] := int(R[B]) truncated, then integer kind C (0 = 64-bit signed, 7 = uint64)";

    // ---- booleans and comparisons (result 0/1) ----
    Not        AB       "not"       "R[A] := !R[B]";
    EqI        ABC      "eqi"       "R[A] := R[B] == R[C] (scalar words)";
    NeI        ABC      "nei"       "R[A] := R[B] != R[C] (scalar words)";
    LtI        ABC      "lti"       "R[A] := R[B] < R[C] (signed)";
    LeI        ABC      "lei"       "R[A] := R[B] <= R[C] (signed)";
    LtU        ABC      "ltu"       "R[A] := R[B] < R[C] (unsigned)";
    LeU        ABC      "leu"       "R[A] := R[B] <= R[C] (unsigned)";
    EqF        ABC      "eqf"       "R[A] := R[B] == R[C] (float)";
    LtF        ABC      "ltf"       "R[A] := R[B] < R[C] (float)";
    LeF        ABC      "lef"       "R[A] := R[B] <= R[C] (float)";
    EqS        ABC      "eqs"       "R[A] := R[B] == R[C] (string)";
    LtS        ABC      "lts"       "R[A] := R[B] < R[C] (string)";
    LeS        ABC      "les"       "R[A] := R[B] <= R[C] (string)";
    Eq         ABC      "eq"        "R[A] := R[B] == R[C] (deep: structs, arrays, pointers, interfaces; panics on uncomparable dynamic type)";
    EqT        ABC      "eqt"       "R[A] := R[B] == R[C] (deep, of runtime type X.a: float parts compared as floats)";

    // ---- control flow (safe point on backward jumps) ----
    Jmp        Jump     "jmp"       "pc += sBx";
    JmpIf      CondJump "jmpif"     "if R[A] then pc += sBx";
    JmpIfNot   CondJump "jmpifnot"  "if not R[A] then pc += sBx";
    JNil       CondJump "jnil"      "if R[A] == nil (pointer, map, chan, func) then pc += sBx";
    JNotNil    CondJump "jnotnil"   "if R[A] != nil (pointer, map, chan, func) then pc += sBx";
    JLtI       CmpJump  "jlti"      "if R[A] < R[B] (signed) then pc += sC";
    JGeI       CmpJump  "jgei"      "if R[A] >= R[B] (signed) then pc += sC";
    JLeI       CmpJump  "jlei"      "if R[A] <= R[B] (signed) then pc += sC";
    JGtI       CmpJump  "jgti"      "if R[A] > R[B] (signed) then pc += sC";
    JEqI       CmpJump  "jeqi"      "if R[A] == R[B] (words) then pc += sC";
    JNeI       CmpJump  "jnei"      "if R[A] != R[B] (words) then pc += sC";
    JLtK       CmpJumpK "jltk"      "if R[A] < K[B] (signed) then pc += sC";
    JGeK       CmpJumpK "jgek"      "if R[A] >= K[B] (signed) then pc += sC";
    JLeK       CmpJumpK "jlek"      "if R[A] <= K[B] (signed) then pc += sC";
    JGtK       CmpJumpK "jgtk"      "if R[A] > K[B] (signed) then pc += sC";
    JEqK       CmpJumpK "jeqk"      "if R[A] == K[B] (words) then pc += sC";
    JNeK       CmpJumpK "jnek"      "if R[A] != K[B] (words) then pc += sC";

    // ---- strings ----
    Concat     ABC      "concat"    "R[A] := R[B] + R[C] (string)";
    StrLen     AB       "strlen"    "R[A] := len(R[B]) (string)";
    StrIndex   ABC      "strindex"  "R[A] := R[B][R[C]] (byte; panics out of range)";
    StrSlice   ABC      "strslice"  "R[A] := R[B][R[C]:R[C+1]] (X.a: 1 lo present, 2 hi present)";
    StrNext    ABC      "strnext"   "R[A], R[A+1] := rune and width of R[B] at byte index R[C]";
    StrConv    ABC      "strconv"   "R[A] := conversion C of R[B] (1 bytes->string 2 string->bytes 3 runes->string 4 string->runes 5 rune->string; 6, 7: 2, 4 with capacity = length)";

    // ---- slices and arrays ----
    MakeSlice  ABC      "makeslice" "R[A] := make([]T, R[B], R[C]) (X.a slot kind, X.b slots per element, X.c zero K)";
    Len        AB       "len"       "R[A] := len(R[B]) (slice)";
    Cap        AB       "cap"       "R[A] := cap(R[B]) (slice)";
    Index      ABC      "index"     "R[A] := R[B][R[C]] (slice, one-slot element)";
    SetIndex   ABC      "setindex"  "R[A][R[B]] := R[C] (slice, one-slot element)";
    IndexN     ABC      "indexn"    "R[A] := R[B][R[C]] (slice, multi-slot element, as a tuple)";
    SetIndexN  ABC      "setindexn" "R[A][R[B]] := R[C] (slice, multi-slot element)";
    ElemPtr    ABC      "elemptr"   "R[A] := &R[B][R[C]] (slice)";
    SliceOp    ABC      "slice"     "R[A] := R[B][R[C]:R[C+1]:R[C+2]] (X.a: 1 lo 2 hi 4 max present; X.b=1 operand is *array of X.c elements)";
    Append     ABC      "append"    "R[A] := append(R[B], R[B+1 .. B+C]) (X.a slot kind, X.b slots per element, X.c element byte size)";
    AppendS    ABC      "appends"   "R[A] := append(R[B], R[C]...) (X as APPEND; R[C] may be a string)";
    Copy       ABC      "copy"      "R[A] := copy(R[B], R[C]) (R[C] may be a string)";
    ArrIndex   ABC      "arrindex"  "R[A] := R[B][R[C]] (array value; X.a element slots, X.b length)";
    ArrSet     ABC      "arrset"    "R[A][R[B]] := R[C] (array value; X.a element slots, X.b length)";
    GetField   ABC      "getfield"  "R[A] := R[B].slot[C]";
    SetField   ABC      "setfield"  "R[A].slot[B] := R[C]";
    GetFieldN  ABC      "getfieldn" "R[A] := R[B].slots[C .. C+X.a] (as a tuple)";
    SetFieldN  ABC      "setfieldn" "R[A].slots[B .. B+X.a] := R[C]";
    MakeTuple  ABC      "maketuple" "R[A] := tuple(R[B .. B+C]) (flattening nested tuples)";

    // ---- pointers and cells ----
    New        ABC      "new"       "R[A] := new cell of B slots, slot kind C, initialised from K[X.a] (X.b=1 nothing)";
    Load       ABC      "load"      "R[A] := *R[B] (C slots; C>1 gives a tuple)";
    Store      ABC      "store"     "*R[A] := R[B] (C slots)";
    LoadF      ABC      "loadf"     "R[A] := *(R[B] + C) (one slot)";
    StoreF     ABC      "storef"    "*(R[A] + B) := R[C] (one slot)";
    PtrOff     ABC      "ptroff"    "R[A] := R[B] + C slots (field address)";
    ArrPtrIdx  ABC      "arrptridx" "R[A] := &(*R[B])[R[C]] (X.a element slots, X.b length)";
    ArrGlobIdx ABC      "arrglobidx" "R[A] := &G[B][R[C]], G[B] an array global's cell (X.a element slots, X.b length)";

    // ---- maps ----
    MakeMap    A        "makemap"   "R[A] := make(map)";
    MapGet     ABC      "mapget"    "R[A] := R[B][R[C]] (X.a zero K; X.b: 1 also R[A+1] := ok, 2 float key)";
    MapSet     ABC      "mapset"    "R[A][R[B]] := R[C] (panics on nil map; X.b: 2 float key)";
    MapAddI    ABC      "mapaddi"   "R[A][R[B]] += R[C], one lookup (64-bit integer elements; X.b: 1 subtract, 2 float key)";
    MapDelete  AB       "mapdelete" "delete(R[A], R[B]) (X.b: 2 float key)";
    MapLen     AB       "maplen"    "R[A] := len(R[B]) (map)";
    MapIter    AB       "mapiter"   "R[A] := iterator over a snapshot of R[B]'s entries";
    MapNext    ABC      "mapnext"   "if next(R[B]) then R[A], R[A+1] := key, value else pc += sC";

    // ---- interfaces ----
    ToIface    ABC      "toiface"   "R[A] := interface{dynamic type C, value R[B]} (nil stays nil when B is an interface)";
    Assert     ABC      "assert"    "R[A] := R[B].(type C) (panics with Go's interface conversion text; X.a: 1 = C is an interface; X.b static type)";
    AssertOk   ABC      "assertok"  "R[A], R[A+1] := R[B].(type C) comma-ok (X.a: 1 = C is an interface; X.c zero K)";
    DynType    AB       "dyntype"   "R[A] := dynamic type id of R[B] (-1 for nil)";
    Implements ABC      "implements" "R[A] := dynamic type of R[B] implements interface type C";

    // ---- functions, calls, defer, panic ----
    Closure    ABC      "closure"   "R[A] := closure(F[B], captures R[C .. C+X.a])";
    FuncRef    ABx      "funcref"   "R[A] := F[Bx] as a function value";
    BindM      ABC      "bindm"     "R[A] := method value R[B].F[C] (bound receiver)";
    BindN      ABC      "bindn"     "R[A] := native method value native#C bound to receiver R[B]";
    BindI      ABC      "bindi"     "R[A] := method value R[B].method#C of interface R[B] (dynamic type's method, bound now)";
    Call       ABC      "call"      "R[A .. A+C] := R[A](R[A+1 .. A+1+B])";
    CallS      ABC      "calls"     "R[A ..] := F[B](R[A+1 ..]) (C = number of arguments)";
    CallM      ABC      "callm"     "R[A ..] := R[A+1].method#B(R[A+2 ..]) (C = arguments incl. receiver; dynamic dispatch)";
    CallN      ABC      "calln"     "R[A ..] := native#B(R[A+1 .. A+1+C]) (X.a results)";
    Ret        ABC      "ret"       "return R[A .. A+B]";
    Defer      ABC      "defer"     "push deferred call R[A](R[A+1 .. A+1+B]) (C=1: `defer recover()`, R[A] unused)";
    RunDefers  None     "rundefers" "run this frame's deferred calls (LIFO)";
    Panic      A        "panic"     "panic(R[A]) (an interface)";
    Recover    A        "recover"   "R[A] := recover()";
    Go         ABC      "go"        "start goroutine R[A](R[A+1 .. A+1+B])";

    // ---- channels ----
    MakeChan   AB       "makechan"  "R[A] := make(chan T, R[B])";
    Send       AB       "send"      "R[A] <- R[B]";
    Recv       ABC      "recv"      "R[A] := <-R[B] (C&1: also R[A+1] := ok; C&2: zero value K[X.a] when closed)";
    Close      A        "close"     "close(R[A])";
    Select     ABC      "select"    "R[A], R[A+1], R[A+2] := chosen case, value, ok over C cases described by R[B ..] (X.a=1: has default)";
    ChanLen    ABC      "chanlen"   "R[A] := len(R[B]) (C=1: cap)";
}

/// One encoded instruction: 16 bytes. Register operands are 16-bit numbers (the compiler
/// refuses functions that need more); the 32-bit operand fields carry slot counts, array
/// lengths and element sizes of any size a Go program can declare.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instr {
    pub op: Op,
    pub a: u32,
    pub b: u32,
    pub c: u32,
}

impl Instr {
    pub fn new(op: Op, a: u16, b: u16, c: u16) -> Instr {
        Instr::wide(op, a as u32, b as u32, c as u32)
    }
    /// Operands wider than 16 bits (slot counts, lengths).
    pub fn wide(op: Op, a: u32, b: u32, c: u32) -> Instr {
        Instr { op, a, b, c }
    }
    /// `A Bx` form.
    pub fn abx(op: Op, a: u16, bx: u32) -> Instr {
        Instr::wide(op, a as u32, bx & 0xffff, bx >> 16)
    }
    /// `A sBx` form.
    pub fn asbx(op: Op, a: u16, sbx: i32) -> Instr {
        Instr::abx(op, a, sbx as u32)
    }
    #[inline(always)]
    pub fn bx(&self) -> u32 {
        self.b | (self.c << 16)
    }
    #[inline(always)]
    pub fn sbx(&self) -> i32 {
        self.bx() as i32
    }
    #[inline(always)]
    pub fn sc(&self) -> i16 {
        self.c as i16
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_consistent() {
        for (i, op) in Op::ALL.iter().enumerate() {
            assert_eq!(*op as usize, i);
            assert!(!op.mnemonic().is_empty());
            assert!(!op.semantics().is_empty());
        }
        assert_eq!(std::mem::size_of::<Instr>(), 16);
        let i = Instr::asbx(Op::Jmp, 0, -5);
        assert_eq!(i.sbx(), -5);
    }
}
