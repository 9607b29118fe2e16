//! The standard-library subset, declared in Go syntax and checked by the checker itself (bodies
//! omitted: the VM implements them natively, keyed by package path + name, and receiver type
//! name for methods). Adding a function is one line in its package's source below.
//!
//! `cmp`, `slices` and `maps` are written in Go instead (`golib/*.go`, from Go's own sources):
//! their functions have bodies, which the compiler monomorphises like the program's generic
//! code (see `TypeInfo::lib_funcs`).
//!
//! Opaque library types (`strings.Builder`, `sync.Mutex`, `time.Time`...) are declared as
//! structs with unexported placeholder fields; the VM gives them a native representation
//! chosen by (package, type name). Exported fields (`time.Timer.C`) are real fields.

/// Go declarations of package `path`, or None if minigo doesn't provide it.
pub fn source(path: &str) -> Option<&'static str> {
    Some(match path {
        "fmt" => FMT,
        "strings" => STRINGS,
        "strconv" => STRCONV,
        "math" => MATH,
        "unicode" => UNICODE,
        "unicode/utf8" => UTF8,
        "sort" => SORT,
        "errors" => ERRORS,
        "os" => OS,
        "io" => IO,
        "bufio" => BUFIO,
        "time" => TIME,
        "sync" => SYNC,
        "sync/atomic" => ATOMIC,
        "runtime" => RUNTIME,
        "runtime/debug" => DEBUG,
        "math/rand" => RAND,
        "cmp" => CMP,
        "slices" => SLICES,
        "bytes" => BYTES,
        "context" => CONTEXT,
        "math/bits" => BITS,
        "container/heap" => HEAP,
        "container/list" => LIST,
        "iter" => ITER,
        "maps" => MAPS,
        _ => return None,
    })
}

/// Paths of all provided packages.
pub const PACKAGES: &[&str] = &[
    "fmt",
    "strings",
    "strconv",
    "math",
    "unicode",
    "unicode/utf8",
    "sort",
    "errors",
    "os",
    "io",
    "bufio",
    "time",
    "sync",
    "sync/atomic",
    "runtime",
    "runtime/debug",
    "math/rand",
    "cmp",
    "slices",
    "bytes",
    "context",
    "math/bits",
    "container/heap",
    "container/list",
    "iter",
    "maps",
];

const HEAP: &str = r#"package heap
import "sort"
type Interface interface { sort.Interface; Push(x any); Pop() any }
func Init(h Interface) {
	n := h.Len()
	for i := n/2 - 1; i >= 0; i-- {
		down(h, i, n)
	}
}
func Push(h Interface, x any) {
	h.Push(x)
	up(h, h.Len()-1)
}
func Pop(h Interface) any {
	n := h.Len() - 1
	h.Swap(0, n)
	down(h, 0, n)
	return h.Pop()
}
func Remove(h Interface, i int) any {
	n := h.Len() - 1
	if n != i {
		h.Swap(i, n)
		if !down(h, i, n) {
			up(h, i)
		}
	}
	return h.Pop()
}
func Fix(h Interface, i int) {
	if !down(h, i, h.Len()) {
		up(h, i)
	}
}
func up(h Interface, j int) {
	for {
		i := (j - 1) / 2
		if i == j || !h.Less(j, i) {
			break
		}
		h.Swap(i, j)
		j = i
	}
}
func down(h Interface, i0, n int) bool {
	i := i0
	for {
		j1 := 2*i + 1
		if j1 >= n || j1 < 0 {
			break
		}
		j := j1
		if j2 := j1 + 1; j2 < n && h.Less(j2, j1) {
			j = j2
		}
		if !h.Less(j, i) {
			break
		}
		h.Swap(i, j)
		i = j
	}
	return i > i0
}
"#;

const LIST: &str = r#"package list
type Element struct { next, prev *Element; list *List; Value any }
func (e *Element) Next() *Element {
	if p := e.next; e.list != nil && p != &e.list.root {
		return p
	}
	return nil
}
func (e *Element) Prev() *Element {
	if p := e.prev; e.list != nil && p != &e.list.root {
		return p
	}
	return nil
}
type List struct { root Element; len int }
func (l *List) Init() *List {
	l.root.next = &l.root
	l.root.prev = &l.root
	l.len = 0
	return l
}
func New() *List { return new(List).Init() }
func (l *List) Len() int { return l.len }
func (l *List) Front() *Element {
	if l.len == 0 {
		return nil
	}
	return l.root.next
}
func (l *List) Back() *Element {
	if l.len == 0 {
		return nil
	}
	return l.root.prev
}
func (l *List) lazyInit() {
	if l.root.next == nil {
		l.Init()
	}
}
func (l *List) insert(e, at *Element) *Element {
	e.prev = at
	e.next = at.next
	e.prev.next = e
	e.next.prev = e
	e.list = l
	l.len++
	return e
}
func (l *List) insertValue(v any, at *Element) *Element { return l.insert(&Element{Value: v}, at) }
func (l *List) remove(e *Element) {
	e.prev.next = e.next
	e.next.prev = e.prev
	e.next = nil
	e.prev = nil
	e.list = nil
	l.len--
}
func (l *List) move(e, at *Element) {
	if e == at {
		return
	}
	e.prev.next = e.next
	e.next.prev = e.prev
	e.prev = at
	e.next = at.next
	e.prev.next = e
	e.next.prev = e
}
func (l *List) Remove(e *Element) any {
	if e.list == l {
		l.remove(e)
	}
	return e.Value
}
func (l *List) PushFront(v any) *Element {
	l.lazyInit()
	return l.insertValue(v, &l.root)
}
func (l *List) PushBack(v any) *Element {
	l.lazyInit()
	return l.insertValue(v, l.root.prev)
}
func (l *List) InsertBefore(v any, mark *Element) *Element {
	if mark.list != l {
		return nil
	}
	return l.insertValue(v, mark.prev)
}
func (l *List) InsertAfter(v any, mark *Element) *Element {
	if mark.list != l {
		return nil
	}
	return l.insertValue(v, mark)
}
func (l *List) MoveToFront(e *Element) {
	if e.list != l || l.root.next == e {
		return
	}
	l.move(e, &l.root)
}
func (l *List) MoveToBack(e *Element) {
	if e.list != l || l.root.prev == e {
		return
	}
	l.move(e, l.root.prev)
}
func (l *List) MoveBefore(e, mark *Element) {
	if e.list != l || e == mark || mark.list != l {
		return
	}
	l.move(e, mark.prev)
}
func (l *List) MoveAfter(e, mark *Element) {
	if e.list != l || e == mark || mark.list != l {
		return
	}
	l.move(e, mark)
}
"#;

const ITER: &str = r#"package iter
type Seq[V any] func(yield func(V) bool)
type Seq2[K, V any] func(yield func(K, V) bool)
"#;

/// Written in Go: compiled (monomorphised) like the program's generic code.
const MAPS: &str = include_str!("golib/maps.go");

const BITS: &str = r#"package bits
const UintSize = 64
func OnesCount(x uint) int
func OnesCount8(x uint8) int
func OnesCount16(x uint16) int
func OnesCount32(x uint32) int
func OnesCount64(x uint64) int
func LeadingZeros(x uint) int
func LeadingZeros8(x uint8) int
func LeadingZeros16(x uint16) int
func LeadingZeros32(x uint32) int
func LeadingZeros64(x uint64) int
func TrailingZeros(x uint) int
func TrailingZeros8(x uint8) int
func TrailingZeros16(x uint16) int
func TrailingZeros32(x uint32) int
func TrailingZeros64(x uint64) int
func Len(x uint) int
func Len8(x uint8) int
func Len16(x uint16) int
func Len32(x uint32) int
func Len64(x uint64) int
func Reverse(x uint) uint
func Reverse8(x uint8) uint8
func Reverse16(x uint16) uint16
func Reverse32(x uint32) uint32
func Reverse64(x uint64) uint64
func ReverseBytes(x uint) uint
func ReverseBytes16(x uint16) uint16
func ReverseBytes32(x uint32) uint32
func ReverseBytes64(x uint64) uint64
func RotateLeft(x uint, k int) uint
func RotateLeft8(x uint8, k int) uint8
func RotateLeft16(x uint16, k int) uint16
func RotateLeft32(x uint32, k int) uint32
func RotateLeft64(x uint64, k int) uint64
func Add64(x, y, carry uint64) (sum, carryOut uint64)
func Sub64(x, y, borrow uint64) (diff, borrowOut uint64)
func Mul64(x, y uint64) (hi, lo uint64)
func Div64(hi, lo, y uint64) (quo, rem uint64)
"#;

const FMT: &str = r#"package fmt
import "io"
type Stringer interface { String() string }
type GoStringer interface { GoString() string }
type State interface { Write(b []byte) (n int, err error); Width() (wid int, ok bool); Precision() (prec int, ok bool); Flag(c int) bool }
type Formatter interface { Format(f State, verb rune) }
func Println(a ...any) (n int, err error)
func Printf(format string, a ...any) (n int, err error)
func Print(a ...any) (n int, err error)
func Sprintf(format string, a ...any) string
func Sprint(a ...any) string
func Sprintln(a ...any) string
func Errorf(format string, a ...any) error
func Fprintln(w io.Writer, a ...any) (n int, err error)
func Fprintf(w io.Writer, format string, a ...any) (n int, err error)
func Fprint(w io.Writer, a ...any) (n int, err error)
func Sscanf(str string, format string, a ...any) (n int, err error)
func Sscan(str string, a ...any) (n int, err error)
func Scan(a ...any) (n int, err error)
func Scanln(a ...any) (n int, err error)
func Scanf(format string, a ...any) (n int, err error)
func Fscan(r io.Reader, a ...any) (n int, err error)
func Fscanln(r io.Reader, a ...any) (n int, err error)
func Fscanf(r io.Reader, format string, a ...any) (n int, err error)
func Sscanln(str string, a ...any) (n int, err error)
func Append(b []byte, a ...any) []byte
func Appendf(b []byte, format string, a ...any) []byte
"#;

const IO: &str = r#"package io
import "errors"
type Writer interface { Write(p []byte) (n int, err error) }
type Reader interface { Read(p []byte) (n int, err error) }
type ReadWriter interface { Reader; Writer }
type Closer interface { Close() error }
type ReadCloser interface { Reader; Closer }
type WriteCloser interface { Writer; Closer }
type StringWriter interface { WriteString(s string) (n int, err error) }
type ByteReader interface { ReadByte() (byte, error) }
type ByteWriter interface { WriteByte(c byte) error }
type RuneReader interface { ReadRune() (r rune, size int, err error) }
var EOF error
var ErrUnexpectedEOF error
var Discard Writer
func ReadAll(r Reader) ([]byte, error)
func WriteString(w Writer, s string) (n int, err error)
func ReadAtLeast(r Reader, buf []byte, min int) (n int, err error) {
	if len(buf) < min {
		return 0, errors.New("short buffer")
	}
	for n < min && err == nil {
		var nn int
		nn, err = r.Read(buf[n:])
		n += nn
	}
	if n >= min {
		err = nil
	} else if n > 0 && err == EOF {
		err = ErrUnexpectedEOF
	}
	return
}
func ReadFull(r Reader, buf []byte) (n int, err error) { return ReadAtLeast(r, buf, len(buf)) }
"#;

const OS: &str = r#"package os
type File struct { fd uintptr }
func (f *File) Write(b []byte) (n int, err error)
func (f *File) WriteString(s string) (n int, err error)
func (f *File) Read(b []byte) (n int, err error)
func (f *File) Close() error
var Stdin *File
var Stdout *File
var Stderr *File
var Args []string
func Exit(code int)
func Open(name string) (*File, error)
func Remove(name string) error
var ErrNotExist error
var ErrExist error
var ErrPermission error
type PathError struct { Op string; Path string; Err error }
func (e *PathError) Error() string
func (e *PathError) Unwrap() error
func Getenv(key string) string
func LookupEnv(key string) (string, bool)
func Setenv(key, value string) error
func Environ() []string
func Getpid() int
func Hostname() (name string, err error)
func ReadFile(name string) ([]byte, error)
func WriteFile(name string, data []byte, perm uint32) error
"#;

const STRINGS: &str = r#"package strings
import ("iter"; "unicode/utf8")
type Builder struct { buf []byte }
func (b *Builder) WriteString(s string) (int, error)
func (b *Builder) WriteByte(c byte) error
func (b *Builder) WriteRune(r rune) (int, error)
func (b *Builder) Write(p []byte) (int, error)
func (b *Builder) String() string
func (b *Builder) Len() int
func (b *Builder) Cap() int
func (b *Builder) Reset()
func (b *Builder) Grow(n int)
type Reader struct { s string; i int64 }
func NewReader(s string) *Reader
func (r *Reader) Read(b []byte) (n int, err error)
func (r *Reader) ReadByte() (byte, error)
func (r *Reader) ReadRune() (ch rune, size int, err error)
func (r *Reader) Len() int
type Replacer struct { oldnew []string }
func NewReplacer(oldnew ...string) *Replacer
func (r *Replacer) Replace(s string) string
func Contains(s, substr string) bool
func ContainsRune(s string, r rune) bool
func ContainsAny(s, chars string) bool
func ContainsFunc(s string, f func(rune) bool) bool
func HasPrefix(s, prefix string) bool
func HasSuffix(s, suffix string) bool
func Index(s, substr string) int
func IndexByte(s string, c byte) int
func IndexRune(s string, r rune) int
func IndexAny(s, chars string) int
func IndexFunc(s string, f func(rune) bool) int
func LastIndex(s, substr string) int
func LastIndexByte(s string, c byte) int
func LastIndexAny(s, chars string) int
func Split(s, sep string) []string
func SplitN(s, sep string, n int) []string
func SplitAfter(s, sep string) []string
func Fields(s string) []string
func FieldsFunc(s string, f func(rune) bool) []string
func Join(elems []string, sep string) string
func Repeat(s string, count int) string
func Replace(s, old, new string, n int) string
func ReplaceAll(s, old, new string) string
func ToUpper(s string) string
func ToLower(s string) string
func ToTitle(s string) string
func Title(s string) string
func TrimSpace(s string) string
func Trim(s, cutset string) string
func TrimLeft(s, cutset string) string
func TrimRight(s, cutset string) string
func TrimPrefix(s, prefix string) string
func TrimSuffix(s, suffix string) string
func TrimFunc(s string, f func(rune) bool) string
func TrimLeftFunc(s string, f func(rune) bool) string
func TrimRightFunc(s string, f func(rune) bool) string
func Count(s, substr string) int
func EqualFold(s, t string) bool
func Compare(a, b string) int
func Map(mapping func(rune) rune, s string) string
func Cut(s, sep string) (before, after string, found bool)
func CutPrefix(s, prefix string) (after string, found bool)
func CutSuffix(s, suffix string) (before string, found bool)
func Clone(s string) string
func ToValidUTF8(s, replacement string) string
func LastIndexFunc(s string, f func(rune) bool) int
func SplitAfterN(s, sep string, n int) []string
// Iterators (Go 1.24), written in Go (from Go's strings/iter.go); compiled like user code.
func Lines(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for len(s) > 0 {
			var line string
			if i := IndexByte(s, '\n'); i >= 0 {
				line, s = s[:i+1], s[i+1:]
			} else {
				line, s = s, ""
			}
			if !yield(line) {
				return
			}
		}
	}
}
func explodeSeq(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for len(s) > 0 {
			_, size := utf8.DecodeRuneInString(s)
			if !yield(s[:size]) {
				return
			}
			s = s[size:]
		}
	}
}
func splitSeq(s, sep string, sepSave int) iter.Seq[string] {
	if len(sep) == 0 {
		return explodeSeq(s)
	}
	return func(yield func(string) bool) {
		for {
			i := Index(s, sep)
			if i < 0 {
				break
			}
			frag := s[:i+sepSave]
			if !yield(frag) {
				return
			}
			s = s[i+len(sep):]
		}
		yield(s)
	}
}
func SplitSeq(s, sep string) iter.Seq[string] { return splitSeq(s, sep, 0) }
func SplitAfterSeq(s, sep string) iter.Seq[string] { return splitSeq(s, sep, len(sep)) }
func FieldsSeq(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, f := range Fields(s) {
			if !yield(f) {
				return
			}
		}
	}
}
func FieldsFuncSeq(s string, f func(rune) bool) iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, x := range FieldsFunc(s, f) {
			if !yield(x) {
				return
			}
		}
	}
}
"#;

const BYTES: &str = r#"package bytes
import (
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)
type Buffer struct { buf []byte; off int }
func NewBufferString(s string) *Buffer
func NewBuffer(buf []byte) *Buffer
func (b *Buffer) Write(p []byte) (n int, err error)
func (b *Buffer) WriteString(s string) (n int, err error)
func (b *Buffer) WriteByte(c byte) error
func (b *Buffer) WriteRune(r rune) (n int, err error)
func (b *Buffer) String() string
func (b *Buffer) Bytes() []byte
func (b *Buffer) Len() int
func (b *Buffer) Reset()
func (b *Buffer) Read(p []byte) (n int, err error)
func Equal(a, b []byte) bool { return string(a) == string(b) }
func Compare(a, b []byte) int {
	sa, sb := string(a), string(b)
	if sa < sb {
		return -1
	}
	if sa > sb {
		return 1
	}
	return 0
}
func Index(s, sep []byte) int { return strings.Index(string(s), string(sep)) }
func Contains(b, subslice []byte) bool { return Index(b, subslice) != -1 }
func IndexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}
func ToUpper(s []byte) []byte { return []byte(strings.ToUpper(string(s))) }
func ToLower(s []byte) []byte { return []byte(strings.ToLower(string(s))) }
func TrimSpace(s []byte) []byte {
	str := string(s)
	left := strings.TrimLeftFunc(str, unicode.IsSpace)
	start := len(str) - len(left)
	t := strings.TrimRightFunc(left, unicode.IsSpace)
	if len(t) == 0 {
		return nil
	}
	return s[start : start+len(t)]
}
func Split(s, sep []byte) [][]byte {
	if len(sep) == 0 {
		var a [][]byte
		for len(s) > 0 {
			_, size := utf8.DecodeRune(s)
			a = append(a, s[:size:size])
			s = s[size:]
		}
		return a
	}
	n := strings.Count(string(s), string(sep)) + 1
	a := make([][]byte, 0, n)
	for i := 0; i < n-1; i++ {
		m := Index(s, sep)
		a = append(a, s[:m:m])
		s = s[m+len(sep):]
	}
	return append(a, s)
}
func Join(s [][]byte, sep []byte) []byte {
	if len(s) == 0 {
		return []byte{}
	}
	if len(s) == 1 {
		return append([]byte(nil), s[0]...)
	}
	n := len(sep) * (len(s) - 1)
	for _, v := range s {
		n += len(v)
	}
	b := make([]byte, n)
	bp := copy(b, s[0])
	for _, v := range s[1:] {
		bp += copy(b[bp:], sep)
		bp += copy(b[bp:], v)
	}
	return b
}
func HasPrefix(s, prefix []byte) bool { return len(s) >= len(prefix) && Equal(s[:len(prefix)], prefix) }
func HasSuffix(s, suffix []byte) bool {
	return len(s) >= len(suffix) && Equal(s[len(s)-len(suffix):], suffix)
}
func Repeat(b []byte, count int) []byte {
	if count < 0 {
		panic("bytes: negative Repeat count")
	}
	return []byte(strings.Repeat(string(b), count))
}
var _ io.Writer = (*Buffer)(nil)
"#;

const STRCONV: &str = r#"package strconv
type NumError struct { Func string; Num string; Err error }
func (e *NumError) Error() string
func (e *NumError) Unwrap() error
var ErrRange error
var ErrSyntax error
const IntSize = 64
func Itoa(i int) string
func Atoi(s string) (int, error)
func ParseInt(s string, base int, bitSize int) (i int64, err error)
func ParseUint(s string, base int, bitSize int) (uint64, error)
func ParseFloat(s string, bitSize int) (float64, error)
func ParseBool(str string) (bool, error)
func FormatInt(i int64, base int) string
func FormatUint(i uint64, base int) string
func FormatFloat(f float64, fmt byte, prec, bitSize int) string
func FormatComplex(c complex128, fmt byte, prec, bitSize int) string
func FormatBool(b bool) string
func AppendUint(dst []byte, i uint64, base int) []byte
func Quote(s string) string
func QuoteRune(r rune) string
func QuoteToASCII(s string) string
func Unquote(s string) (string, error)
func AppendInt(dst []byte, i int64, base int) []byte
func AppendBool(dst []byte, b bool) []byte
func AppendFloat(dst []byte, f float64, fmt byte, prec, bitSize int) []byte
func AppendQuote(dst []byte, s string) []byte
"#;

const MATH: &str = r#"package math
const (
	E   = 2.71828182845904523536028747135266249775724709369995957496696763
	Pi  = 3.14159265358979323846264338327950288419716939937510582097494459
	Phi = 1.61803398874989484820458683436563811772030917980576286213544862
	Sqrt2   = 1.41421356237309504880168872420969807856967187537694807317667974
	SqrtE   = 1.64872127070012814684865078831848902163707312094016466013281512
	SqrtPi  = 1.77245385090551602729816748334114518279754945612238712821380779
	SqrtPhi = 1.27201964951406896425242246173749149171560804184009624861664038
	Ln2    = 0.693147180559945309417232121458176568075500134360255254120680009
	Log2E  = 1 / Ln2
	Ln10   = 2.30258509299404568401799145468436420760110148862877297603332790
	Log10E = 1 / Ln10
)
const (
	MaxFloat32             = 0x1p127 * (1 + (1 - 0x1p-23))
	SmallestNonzeroFloat32 = 0x1p-126 * 0x1p-23
	MaxFloat64             = 0x1p1023 * (1 + (1 - 0x1p-52))
	SmallestNonzeroFloat64 = 0x1p-1022 * 0x1p-52
)
const (
	intSize = 64
	MaxInt    = 1<<(intSize-1) - 1
	MinInt    = -1 << (intSize - 1)
	MaxInt8   = 1<<7 - 1
	MinInt8   = -1 << 7
	MaxInt16  = 1<<15 - 1
	MinInt16  = -1 << 15
	MaxInt32  = 1<<31 - 1
	MinInt32  = -1 << 31
	MaxInt64  = 1<<63 - 1
	MinInt64  = -1 << 63
	MaxUint   = 1<<intSize - 1
	MaxUint8  = 1<<8 - 1
	MaxUint16 = 1<<16 - 1
	MaxUint32 = 1<<32 - 1
	MaxUint64 = 1<<64 - 1
)
func Sqrt(x float64) float64
func Cbrt(x float64) float64
func Pow(x, y float64) float64
func Pow10(n int) float64
func Abs(x float64) float64
func Floor(x float64) float64
func Ceil(x float64) float64
func Round(x float64) float64
func RoundToEven(x float64) float64
func Trunc(x float64) float64
func Mod(x, y float64) float64
func Modf(f float64) (int float64, frac float64)
func Remainder(x, y float64) float64
func Max(x, y float64) float64
func Min(x, y float64) float64
func Dim(x, y float64) float64
func Hypot(p, q float64) float64
func Copysign(f, sign float64) float64
func Signbit(x float64) bool
func Inf(sign int) float64
func IsInf(f float64, sign int) bool
func NaN() float64
func IsNaN(f float64) (is bool)
func Exp(x float64) float64
func Exp2(x float64) float64
func Expm1(x float64) float64
func Log(x float64) float64
func Log2(x float64) float64
func Log10(x float64) float64
func Log1p(x float64) float64
func Sin(x float64) float64
func Cos(x float64) float64
func Tan(x float64) float64
func Asin(x float64) float64
func Acos(x float64) float64
func Atan(x float64) float64
func Atan2(y, x float64) float64
func Sinh(x float64) float64
func Cosh(x float64) float64
func Tanh(x float64) float64
func Float64bits(f float64) uint64
func Float64frombits(b uint64) float64
func Float32bits(f float32) uint32
func Float32frombits(b uint32) float32
func Frexp(f float64) (frac float64, exp int)
func Ldexp(frac float64, exp int) float64
"#;

const UNICODE: &str = r#"package unicode
const (
	MaxRune         = '\U0010FFFF'
	ReplacementChar = '\uFFFD'
	MaxASCII        = '\u007F'
	MaxLatin1       = '\u00FF'
)
func IsUpper(r rune) bool
func IsLower(r rune) bool
func IsLetter(r rune) bool
func IsDigit(r rune) bool
func IsNumber(r rune) bool
func IsSpace(r rune) bool
func IsPunct(r rune) bool
func IsPrint(r rune) bool
func IsGraphic(r rune) bool
func IsControl(r rune) bool
func IsSymbol(r rune) bool
func IsTitle(r rune) bool
func ToUpper(r rune) rune
func ToLower(r rune) rune
func ToTitle(r rune) rune
"#;

const UTF8: &str = r#"package utf8
const (
	RuneError = '\uFFFD'
	RuneSelf  = 0x80
	MaxRune   = '\U0010FFFF'
	UTFMax    = 4
)
func RuneLen(r rune) int
func RuneCount(p []byte) int
func RuneCountInString(s string) (n int)
func DecodeRune(p []byte) (r rune, size int)
func DecodeRuneInString(s string) (r rune, size int)
func DecodeLastRune(p []byte) (r rune, size int)
func DecodeLastRuneInString(s string) (r rune, size int)
func EncodeRune(p []byte, r rune) int
func AppendRune(p []byte, r rune) []byte
func Valid(p []byte) bool
func ValidString(s string) bool
func ValidRune(r rune) bool
func FullRune(p []byte) bool
func RuneStart(b byte) bool
"#;

const SORT: &str = r#"package sort
type Interface interface { Len() int; Less(i, j int) bool; Swap(i, j int) }
type IntSlice []int
func (x IntSlice) Len() int
func (x IntSlice) Less(i, j int) bool
func (x IntSlice) Swap(i, j int)
type StringSlice []string
func (x StringSlice) Len() int
func (x StringSlice) Less(i, j int) bool
func (x StringSlice) Swap(i, j int)
type Float64Slice []float64
func (x Float64Slice) Len() int
func (x Float64Slice) Less(i, j int) bool
func (x Float64Slice) Swap(i, j int)
func Sort(data Interface)
type reverse struct { data Interface }
func (r reverse) Len() int
func (r reverse) Less(i, j int) bool
func (r reverse) Swap(i, j int)
func Stable(data Interface)
func IsSorted(data Interface) bool
func Reverse(data Interface) Interface
func Ints(x []int)
func Strings(x []string)
func Float64s(x []float64)
func IntsAreSorted(x []int) bool
func StringsAreSorted(x []string) bool
func Float64sAreSorted(x []float64) bool
func Slice(x any, less func(i, j int) bool)
func SliceStable(x any, less func(i, j int) bool)
func SliceIsSorted(x any, less func(i, j int) bool) bool
func Search(n int, f func(int) bool) int
func SearchInts(a []int, x int) int
func SearchStrings(a []string, x string) int
func SearchFloat64s(a []float64, x float64) int
"#;

const ERRORS: &str = r#"package errors
func New(text string) error
func Is(err, target error) bool
func As(err error, target any) bool
func Unwrap(err error) error
func Join(errs ...error) error
var ErrUnsupported error
"#;

const BUFIO: &str = r#"package bufio
import "io"
const MaxScanTokenSize = 64 * 1024
type SplitFunc func(data []byte, atEOF bool) (advance int, token []byte, err error)
type Scanner struct { r io.Reader }
func NewScanner(r io.Reader) *Scanner
func (s *Scanner) Scan() bool
func (s *Scanner) Text() string
func (s *Scanner) Bytes() []byte
func (s *Scanner) Err() error
func (s *Scanner) Buffer(buf []byte, max int)
func (s *Scanner) Split(split SplitFunc)
func ScanLines(data []byte, atEOF bool) (advance int, token []byte, err error)
func ScanWords(data []byte, atEOF bool) (advance int, token []byte, err error)
func ScanRunes(data []byte, atEOF bool) (advance int, token []byte, err error)
func ScanBytes(data []byte, atEOF bool) (advance int, token []byte, err error)
type Reader struct { rd io.Reader }
func NewReader(rd io.Reader) *Reader
func NewReaderSize(rd io.Reader, size int) *Reader
func (b *Reader) ReadString(delim byte) (string, error)
func (b *Reader) ReadLine() (line []byte, isPrefix bool, err error)
func (b *Reader) ReadRune() (r rune, size int, err error)
func (b *Reader) ReadByte() (byte, error)
func (b *Reader) ReadBytes(delim byte) ([]byte, error)
func (b *Reader) Read(p []byte) (n int, err error)
type Writer struct { wr io.Writer }
func NewWriter(w io.Writer) *Writer
func NewWriterSize(w io.Writer, size int) *Writer
func (b *Writer) WriteString(s string) (int, error)
func (b *Writer) WriteByte(c byte) error
func (b *Writer) WriteRune(r rune) (size int, err error)
func (b *Writer) Write(p []byte) (nn int, err error)
func (b *Writer) Flush() error
"#;

const TIME: &str = r#"package time
type Duration int64
const (
	Nanosecond  Duration = 1
	Microsecond          = 1000 * Nanosecond
	Millisecond          = 1000 * Microsecond
	Second               = 1000 * Millisecond
	Minute               = 60 * Second
	Hour                 = 60 * Minute
)
func (d Duration) String() string
func (d Duration) Nanoseconds() int64
func (d Duration) Microseconds() int64
func (d Duration) Milliseconds() int64
func (d Duration) Seconds() float64
func (d Duration) Minutes() float64
func (d Duration) Hours() float64
func (d Duration) Round(m Duration) Duration
func (d Duration) Truncate(m Duration) Duration
func (d Duration) Abs() Duration
type Month int
const (
	January Month = 1 + iota
	February
	March
	April
	May
	June
	July
	August
	September
	October
	November
	December
)
func (m Month) String() string
type Weekday int
const (
	Sunday Weekday = iota
	Monday
	Tuesday
	Wednesday
	Thursday
	Friday
	Saturday
)
func (d Weekday) String() string
const (
	Layout      = "01/02 03:04:05PM '06 -0700"
	ANSIC       = "Mon Jan _2 15:04:05 2006"
	UnixDate    = "Mon Jan _2 15:04:05 MST 2006"
	RFC822      = "02 Jan 06 15:04 MST"
	RFC1123     = "Mon, 02 Jan 2006 15:04:05 MST"
	RFC3339     = "2006-01-02T15:04:05Z07:00"
	RFC3339Nano = "2006-01-02T15:04:05.999999999Z07:00"
	Kitchen     = "3:04PM"
	DateTime    = "2006-01-02 15:04:05"
	DateOnly    = "2006-01-02"
	TimeOnly    = "15:04:05"
	StampMilli  = "Jan _2 15:04:05.000"
)
type Time struct { wall uint64; ext int64 }
func Now() Time
func Unix(sec int64, nsec int64) Time
func UnixMilli(msec int64) Time
func Date(year int, month Month, day, hour, min, sec, nsec int, loc *Location) Time
type Location struct { name string }
var UTC *Location
var Local *Location
func Since(t Time) Duration
func Until(t Time) Duration
func (t Time) Sub(u Time) Duration
func (t Time) Add(d Duration) Time
func (t Time) AddDate(years int, months int, days int) Time
func (t Time) Unix() int64
func (t Time) UnixNano() int64
func (t Time) UnixMilli() int64
func (t Time) UnixMicro() int64
func (t Time) Before(u Time) bool
func (t Time) After(u Time) bool
func (t Time) Equal(u Time) bool
func (t Time) Compare(u Time) int
func (t Time) IsZero() bool
func (t Time) Format(layout string) string
func (t Time) String() string
func (t Time) Year() int
func (t Time) Month() Month
func (t Time) Day() int
func (t Time) Hour() int
func (t Time) Minute() int
func (t Time) Second() int
func (t Time) Nanosecond() int
func (t Time) YearDay() int
func (t Time) Weekday() Weekday
func (t Time) UTC() Time
func (t Time) Local() Time
func (t Time) Truncate(d Duration) Time
func (t Time) Round(d Duration) Time
func Sleep(d Duration)
func After(d Duration) <-chan Time
func Tick(d Duration) <-chan Time
type Timer struct { C <-chan Time; r uintptr }
func NewTimer(d Duration) *Timer
func AfterFunc(d Duration, f func()) *Timer
func (t *Timer) Stop() bool
func (t *Timer) Reset(d Duration) bool
type Ticker struct { C <-chan Time; r uintptr }
func NewTicker(d Duration) *Ticker
func (t *Ticker) Stop()
func (t *Ticker) Reset(d Duration)
func ParseDuration(s string) (Duration, error)
"#;

const SYNC: &str = r#"package sync
type Locker interface { Lock(); Unlock() }
type Mutex struct { state int32; sema uint32 }
func (m *Mutex) Lock()
func (m *Mutex) Unlock()
func (m *Mutex) TryLock() bool
type RWMutex struct { w Mutex; readerCount int32 }
func (rw *RWMutex) Lock()
func (rw *RWMutex) Unlock()
func (rw *RWMutex) RLock()
func (rw *RWMutex) RUnlock()
func (rw *RWMutex) TryLock() bool
func (rw *RWMutex) TryRLock() bool
func (rw *RWMutex) RLocker() Locker
type rlocker struct { rw uintptr }
func (r rlocker) Lock()
func (r rlocker) Unlock()
type WaitGroup struct { state uint64; sema uint32 }
func (wg *WaitGroup) Add(delta int)
func (wg *WaitGroup) Done()
func (wg *WaitGroup) Wait()
func (wg *WaitGroup) Go(f func())
type Once struct { done uint32; m Mutex }
func (o *Once) Do(f func())
func OnceFunc(f func()) func()
type Cond struct { L Locker; n uintptr }
func NewCond(l Locker) *Cond
func (c *Cond) Wait()
func (c *Cond) Signal()
func (c *Cond) Broadcast()
type Map struct { m uintptr }
func (m *Map) Load(key any) (value any, ok bool)
func (m *Map) Store(key, value any)
func (m *Map) LoadOrStore(key, value any) (actual any, loaded bool)
func (m *Map) LoadAndDelete(key any) (value any, loaded bool)
func (m *Map) Delete(key any)
func (m *Map) Swap(key, value any) (previous any, loaded bool)
func (m *Map) CompareAndSwap(key, old, new any) (swapped bool)
func (m *Map) Range(f func(key, value any) bool)
func (m *Map) Clear()
func (m *Map) CompareAndDelete(key, old any) (deleted bool)
func OnceValue[T any](f func() T) func() T
func OnceValues[T1, T2 any](f func() (T1, T2)) func() (T1, T2)
type onceCell struct { s uintptr }
func (o onceCell) call()
func (o onceCell) value() any
func (o onceCell) values() (any, any)
type Pool struct { New func() any; p uintptr }
func (p *Pool) Get() any
func (p *Pool) Put(x any)
"#;

const ATOMIC: &str = r#"package atomic
func AddInt32(addr *int32, delta int32) (new int32)
func AddInt64(addr *int64, delta int64) (new int64)
func AddUint32(addr *uint32, delta uint32) (new uint32)
func AddUint64(addr *uint64, delta uint64) (new uint64)
func LoadInt32(addr *int32) (val int32)
func LoadInt64(addr *int64) (val int64)
func LoadUint32(addr *uint32) (val uint32)
func LoadUint64(addr *uint64) (val uint64)
func StoreInt32(addr *int32, val int32)
func StoreInt64(addr *int64, val int64)
func StoreUint32(addr *uint32, val uint32)
func StoreUint64(addr *uint64, val uint64)
func SwapInt32(addr *int32, new int32) (old int32)
func SwapInt64(addr *int64, new int64) (old int64)
func CompareAndSwapInt32(addr *int32, old, new int32) (swapped bool)
func CompareAndSwapInt64(addr *int64, old, new int64) (swapped bool)
func CompareAndSwapUint32(addr *uint32, old, new uint32) (swapped bool)
func CompareAndSwapUint64(addr *uint64, old, new uint64) (swapped bool)
func AddUintptr(addr *uintptr, delta uintptr) (new uintptr)
func LoadUintptr(addr *uintptr) (val uintptr)
func StoreUintptr(addr *uintptr, val uintptr)
func SwapUint32(addr *uint32, new uint32) (old uint32)
func SwapUint64(addr *uint64, new uint64) (old uint64)
func SwapUintptr(addr *uintptr, new uintptr) (old uintptr)
func CompareAndSwapUintptr(addr *uintptr, old, new uintptr) (swapped bool)
func AndInt32(addr *int32, mask int32) (old int32)
func AndUint32(addr *uint32, mask uint32) (old uint32)
func AndInt64(addr *int64, mask int64) (old int64)
func AndUint64(addr *uint64, mask uint64) (old uint64)
func OrInt32(addr *int32, mask int32) (old int32)
func OrUint32(addr *uint32, mask uint32) (old uint32)
func OrInt64(addr *int64, mask int64) (old int64)
func OrUint64(addr *uint64, mask uint64) (old uint64)
func (x *Int32) And(mask int32) (old int32)
func (x *Int32) Or(mask int32) (old int32)
func (x *Int64) And(mask int64) (old int64)
func (x *Int64) Or(mask int64) (old int64)
func (x *Uint32) And(mask uint32) (old uint32)
func (x *Uint32) Or(mask uint32) (old uint32)
func (x *Uint64) And(mask uint64) (old uint64)
func (x *Uint64) Or(mask uint64) (old uint64)
type Uintptr struct { v uintptr }
func (x *Uintptr) Load() uintptr
func (x *Uintptr) Store(val uintptr)
func (x *Uintptr) Swap(new uintptr) (old uintptr)
func (x *Uintptr) CompareAndSwap(old, new uintptr) (swapped bool)
func (x *Uintptr) Add(delta uintptr) (new uintptr)
type Pointer[T any] struct { v *T }
func (x *Pointer[T]) Load() *T
func (x *Pointer[T]) Store(val *T)
func (x *Pointer[T]) Swap(new *T) (old *T)
func (x *Pointer[T]) CompareAndSwap(old, new *T) (swapped bool)
type Int32 struct { v int32 }
func (x *Int32) Load() int32
func (x *Int32) Store(val int32)
func (x *Int32) Swap(new int32) (old int32)
func (x *Int32) CompareAndSwap(old, new int32) (swapped bool)
func (x *Int32) Add(delta int32) (new int32)
type Int64 struct { v int64 }
func (x *Int64) Load() int64
func (x *Int64) Store(val int64)
func (x *Int64) Swap(new int64) (old int64)
func (x *Int64) CompareAndSwap(old, new int64) (swapped bool)
func (x *Int64) Add(delta int64) (new int64)
type Uint32 struct { v uint32 }
func (x *Uint32) Load() uint32
func (x *Uint32) Store(val uint32)
func (x *Uint32) Swap(new uint32) (old uint32)
func (x *Uint32) CompareAndSwap(old, new uint32) (swapped bool)
func (x *Uint32) Add(delta uint32) (new uint32)
type Uint64 struct { v uint64 }
func (x *Uint64) Load() uint64
func (x *Uint64) Store(val uint64)
func (x *Uint64) Swap(new uint64) (old uint64)
func (x *Uint64) CompareAndSwap(old, new uint64) (swapped bool)
func (x *Uint64) Add(delta uint64) (new uint64)
type Bool struct { v uint32 }
func (x *Bool) Load() bool
func (x *Bool) Store(val bool)
func (x *Bool) Swap(new bool) (old bool)
func (x *Bool) CompareAndSwap(old, new bool) (swapped bool)
type Value struct { v any }
func (v *Value) Load() (val any)
func (v *Value) Store(val any)
func (v *Value) Swap(new any) (old any)
func (v *Value) CompareAndSwap(old, new any) (swapped bool)
"#;

const DEBUG: &str = r#"package debug
func SetGCPercent(percent int) int
func FreeOSMemory()
"#;

const RUNTIME: &str = r#"package runtime
const GOOS = "linux"
var MemProfileRate int
const GOARCH = "amd64"
const Compiler = "gc"
func Gosched()
func Goexit()
func Breakpoint()
func GC()
func NumGoroutine() int
func NumCPU() int
func GOMAXPROCS(n int) int
func Version() string
func LockOSThread()
func UnlockOSThread()
func KeepAlive(x any)
type MemStats struct {
	Alloc, TotalAlloc, Sys, Lookups, Mallocs, Frees uint64
	HeapAlloc, HeapSys, HeapIdle, HeapInuse, HeapReleased, HeapObjects uint64
	StackInuse, StackSys, MSpanInuse, MSpanSys, MCacheInuse, MCacheSys uint64
	BuckHashSys, GCSys, OtherSys, NextGC, LastGC, PauseTotalNs uint64
	PauseNs [256]uint64
	PauseEnd [256]uint64
	NumGC, NumForcedGC uint32
	GCCPUFraction float64
	EnableGC, DebugGC bool
}
func ReadMemStats(m *MemStats)
func SetFinalizer(obj any, finalizer any)
func Caller(skip int) (pc uintptr, file string, line int, ok bool)
func Callers(skip int, pc []uintptr) int
func Stack(buf []byte, all bool) int
func funcname(pc uintptr) string
func funcfile(pc uintptr) string
func funcline(pc uintptr) int
type Func struct { pc uintptr }
func FuncForPC(pc uintptr) *Func {
	if funcname(pc) == "" {
		return nil
	}
	return &Func{pc}
}
func (f *Func) Name() string {
	if f == nil {
		return ""
	}
	return funcname(f.pc)
}
func (f *Func) FileLine(pc uintptr) (file string, line int) { return funcfile(pc), funcline(pc) }
func (f *Func) Entry() uintptr { return f.pc &^ 0xffffffff }
type Frame struct {
	PC uintptr
	Func *Func
	Function string
	File string
	Line int
	Entry uintptr
}
type Frames struct { pcs []uintptr }
func CallersFrames(callers []uintptr) *Frames { return &Frames{callers} }
func (ci *Frames) Next() (frame Frame, more bool) {
	if len(ci.pcs) == 0 {
		return Frame{}, false
	}
	pc := ci.pcs[0]
	ci.pcs = ci.pcs[1:]
	frame = Frame{PC: pc, Func: FuncForPC(pc), Function: funcname(pc), File: funcfile(pc), Line: funcline(pc), Entry: pc &^ 0xffffffff}
	return frame, len(ci.pcs) > 0
}
type Error interface { error; RuntimeError() }
"#;

const RAND: &str = r#"package rand
func Seed(seed int64)
func Intn(n int) int
func Int() int
func Int31() int32
func Int31n(n int32) int32
func Int63() int64
func Int63n(n int64) int64
func Uint32() uint32
func Uint64() uint64
func Float64() float64
func Float32() float32
func Perm(n int) []int {
	m := make([]int, n)
	for i := 0; i < n; i++ {
		j := Intn(i + 1)
		m[i] = m[j]
		m[j] = i
	}
	return m
}
func Shuffle(n int, swap func(i, j int)) {
	if n < 0 {
		panic("invalid argument to Shuffle")
	}
	for i := n - 1; i > 0; i-- {
		j := int(Int63n(int64(i + 1)))
		swap(i, j)
	}
}
"#;

/// Written in Go: compiled (monomorphised) like the program's generic code.
const CMP: &str = include_str!("golib/cmp.go");

/// Written in Go: compiled (monomorphised) like the program's generic code.
const SLICES: &str = include_str!("golib/slices.go");

const CONTEXT: &str = r#"package context
import "time"
type Context interface {
	Deadline() (deadline time.Time, ok bool)
	Done() <-chan struct{}
	Err() error
	Value(key any) any
}
type CancelFunc func()
var Canceled error
var DeadlineExceeded error
func Background() Context
func TODO() Context
func WithCancel(parent Context) (ctx Context, cancel CancelFunc)
func WithTimeout(parent Context, timeout time.Duration) (Context, CancelFunc)
func WithDeadline(parent Context, d time.Time) (Context, CancelFunc)
func WithValue(parent Context, key, val any) Context
type CancelCauseFunc func(cause error)
func WithCancelCause(parent Context) (ctx Context, cancel CancelCauseFunc)
func Cause(c Context) error
func WithoutCancel(parent Context) Context
func WithTimeoutCause(parent Context, timeout time.Duration, cause error) (Context, CancelFunc)
func WithDeadlineCause(parent Context, d time.Time, cause error) (Context, CancelFunc)
func AfterFunc(ctx Context, f func()) (stop func() bool)
type deadlineExceededError struct{}
func (deadlineExceededError) Error() string
func (deadlineExceededError) Timeout() bool
func (deadlineExceededError) Temporary() bool
type ctxImpl struct { c uintptr }
func (c ctxImpl) Deadline() (deadline time.Time, ok bool)
func (c ctxImpl) Done() <-chan struct{}
func (c ctxImpl) Err() error
func (c ctxImpl) Value(key any) any
func (c ctxImpl) String() string
func (c ctxImpl) cancel()
func (c ctxImpl) cancelCause(cause error)
func (c ctxImpl) stopAfter() bool
"#;

#[cfg(test)]
mod tests {
    #[test]
    fn all_packages_check() {
        for p in super::PACKAGES {
            let src = format!("package main\n\nimport _ \"{}\"\n\nfunc main() {{}}\n", p);
            let r = crate::check::tests::check_src(&src);
            assert!(r.is_ok(), "{}: {:?}", p, r.err());
        }
    }
}
