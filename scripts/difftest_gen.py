"""Random Go program generator for scripts/difftest.py.

generate(seed, nfuncs) returns (source, [(func_name, category), ...]). Every program is
package main, imports only fmt, strings, strconv, sort, sync, errors and math, and is meant to
be well typed, deterministic and to terminate quickly. main calls each test function through
run(), which prints a `### name` marker and turns an escaping panic into a printed line, so
differences can be attributed to one test function. Some programs end with an uncaught panic
(exit code 2) on purpose.

Nothing here computes expected output: real Go is the oracle.
"""
import random

INT_INFO = {
    'int': (64, True), 'int8': (8, True), 'int16': (16, True), 'int32': (32, True),
    'int64': (64, True), 'uint': (64, False), 'uint8': (8, False), 'uint16': (16, False),
    'uint32': (32, False), 'uint64': (64, False), 'uintptr': (64, False),
    'byte': (8, False), 'rune': (32, True),
}
INT_TYPES = list(INT_INFO)
MAIN_INTS = ['int', 'int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint16', 'uint32', 'uint64']
FLOAT_TYPES = ['float64', 'float32']

# Generator features that can be switched off (difftest.py --avoid), e.g. to look past a known
# difference that would otherwise mask everything after it in the same test function.
FEATURES = {
    'order-unspec': 'evaluation orders the spec leaves unspecified (plain variable read vs. calls modifying it)',
    'embedded-iface': 'boxing a struct with an embedded field into an interface, then mutating the original',
    'huge-shift': 'shift counts of unsigned type >= 2^63',
    'errtype': 'printing %T of a recovered runtime error',
    'unhashable': 'map[any] store with a slice key (hash of unhashable type)',
    'rare-math': 'math functions other than the exact ones (Exp, Log, Sin, Remainder, ...)',
    'nan-minmax': 'builtin min/max on floats (NaN, signed zeros)',
    'append-cap': 'printing cap() of slices grown by append',
    'floatcmp': 'the floatcmp category: NaN and -0 inside compared arrays/structs/interfaces and map keys',
}
AVOID = set()


def ok(feature):
    return feature not in AVOID

PRELUDE = r'''package main

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
)

var _ = errors.New
var _ = math.Abs
var _ = sort.Ints
var _ = strconv.Itoa
var _ = strings.ToUpper
var _ sync.Mutex

var trace []string

func tr[T any](tag string, v T) T {
	trace = append(trace, tag)
	return v
}

func flushTrace() {
	fmt.Println("trace:", strings.Join(trace, " "))
	trace = trace[:0]
}

type Integer interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr
}

func nz[T Integer](x T) T {
	if x == 0 {
		return 1
	}
	return x
}

func id[T any](x T) T { return x }

func fbool(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func run(name string, f func()) {
	fmt.Println("### " + name)
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("ESCAPED PANIC:", r)
		}
	}()
	f()
}
'''

INTERESTING_STRINGS = [
    '""', '"a"', '"hello"', '"Hello, World"', '"héllo"', '"日本語"', '"a\\xffb"', '"\\xe2\\x82"',
    '"ab\\x00cd"', '"go🙂!"', '"  spaced  out  "', '"a,b,,c"', '"ABCdef"', '"x"', '"12345"',
    '"-42"', '"3.25"', '"tab\\there"', '"quote\\"q"', '"ÀÉÎ"', '"\\u00e9t\\u00e9"', '"mixed Case"',
    '"aaa"', '"abcabc"', '"ß"', '"\\U0001F600"',
]


def int_range(t):
    bits, signed = INT_INFO[t]
    if signed:
        return -(1 << (bits - 1)), (1 << (bits - 1)) - 1
    return 0, (1 << bits) - 1


class Fn:
    """A test function being built: lines, fresh names, indentation."""

    def __init__(self, prog, name, cat):
        self.P = prog
        self.rng = prog.rng
        self.name = name
        self.cat = cat
        self.lines = []
        self.n = 0
        self.ind = 1
        self.env = {}          # go type -> [readable, assignable non-const variable names]
        self._mark = None

    def fresh(self, p='v'):
        self.n += 1
        return f'{p}{self.n}'

    def L(self, s):
        for part in s.split('\n'):
            self.lines.append('\t' * self.ind + part)

    def open(self, s):
        self.L(s)
        self.ind += 1

    def close(self, s='}'):
        self.ind -= 1
        self.L(s)

    def seal(self):
        """Wrap the lines emitted since the previous seal() in a block of their own."""
        m = getattr(self, '_mark', None)
        if m is not None and len(self.lines) > m:
            body = ['\t' + l for l in self.lines[m:]]
            self.lines[m:] = ['\t' * self.ind + '{'] + body + ['\t' * self.ind + '}']
        self._mark = len(self.lines)

    def gname(self, base):
        return f'{self.name}_{base}'

    def add_var(self, t, name):
        self.env.setdefault(t, []).append(name)

    def vars_of(self, t):
        return self.env.get(t, [])

    def all_int_vars(self):
        return [(t, v) for t in INT_TYPES for v in self.env.get(t, [])]


class Prog:
    def __init__(self, seed):
        self.seed = seed
        self.rng = random.Random(seed)
        self.decls = []

    def decl(self, s):
        self.decls.append(s)


# ---------------------------------------------------------------------------------------------
# literals

def int_value(rng, t):
    lo, hi = int_range(t)
    r = rng.random()
    if r < 0.45:
        cands = [0, 1, 2, 3, 7, 10, 100, 255, 256, 1000, 65535, 65536, 1 << 31, 12345, 0x55, 0xAA,
                 lo, hi, lo + 1, hi - 1, hi // 2, hi // 3, -1, -2, -7, -100, -128, -129, 127, 128]
        cands = [c for c in cands if lo <= c <= hi]
        return rng.choice(cands)
    if r < 0.8:
        return rng.randint(max(lo, -300), min(hi, 300))
    return rng.randint(lo, hi)


def int_lit(rng, t, v):
    """A Go literal for v (in range for t)."""
    r = rng.random()
    if t in ('rune', 'byte', 'int32', 'uint8') and 32 <= v < 127 and chr(v) not in "'\\" and r < 0.3:
        return "'" + chr(v) + "'"
    a = abs(v)
    if r < 0.65:
        s = str(a)
    elif r < 0.8:
        s = '0x%X' % a if rng.random() < 0.5 else '0x%x' % a
    elif r < 0.87:
        s = '0o%o' % a
    elif r < 0.93:
        s = '0b{:b}'.format(a) if a < (1 << 20) else str(a)
    else:
        s = '{:_}'.format(a)
    return s if v >= 0 else '-' + s


FLOAT_LITS = ['0.1', '0.2', '0.3', '1.0', '2.5', '3.0', '1e21', '1e20', '123456789.125', '1e-7', '1e-5',
              '0.0001', '100', '1e6', '1e15', '12345.678', '5e-324', '1.7976931348623157e308', '0.5',
              '-0.75', '-3.5', '1.5e300', '2e-300', '6.02214076e23', '299792458', '0.000123', '33.333',
              '1.0 / 3.0', '2.0 / 3.0', '1e100', '9007199254740993', '4503599627370497.5', '1e-320',
              '123e-2', '0x1p-2', '0x1.8p3', '7.0', '1e7', '1e-6', '65504', '16777217']
FLOAT_SPECIAL = ['math.Inf(1)', 'math.Inf(-1)', 'math.NaN()', 'math.Copysign(0, -1)', 'math.MaxFloat64',
                 'math.SmallestNonzeroFloat64', 'math.Pi', 'math.E', 'math.MaxFloat32']


def float_lit(rng, special_ok=True):
    if special_ok and rng.random() < 0.12:
        return rng.choice(FLOAT_SPECIAL)
    s = rng.choice(FLOAT_LITS)
    if rng.random() < 0.25 and not s.startswith('-') and '/' not in s:
        s = '-' + s
    return s


def str_lit(rng):
    return rng.choice(INTERESTING_STRINGS)


# ---------------------------------------------------------------------------------------------
# expressions over scalars. Each returns (code, is_const).

class EG:
    def __init__(self, fn):
        self.fn = fn
        self.rng = fn.rng

    # -- integers
    def ileaf(self, t, allow_const=True):
        rng = self.rng
        vs = self.fn.vars_of(t)
        if allow_const and rng.random() < 0.3:
            v = int_value(rng, t)
            lit = int_lit(rng, t, v)
            if rng.random() < 0.5 or lit.startswith("'"):
                return f'{t}({lit})', True
            return (f'({lit})' if v < 0 else lit), True
        if vs and rng.random() < 0.85:
            return rng.choice(vs), False
        ivs = self.fn.all_int_vars()
        if ivs:
            t2, v = rng.choice(ivs)
            return (v if t2 == t or {t, t2} in ({'byte', 'uint8'}, {'rune', 'int32'}) else f'{t}({v})'), False
        v = int_value(rng, t)
        return f'id[{t}]({int_lit(rng, t, v)})', False

    def nonconst_i(self, t):
        return self.ileaf(t, allow_const=False)[0]

    def shift_count(self):
        rng = self.rng
        r = rng.random()
        if r < 0.3:
            return str(rng.choice([0, 1, 3, 7, 8, 15, 16, 31, 32, 33, 63, 64, 65, 100])), True
        ivs = self.fn.all_int_vars()
        if not ivs:
            return '3', True
        t, v = rng.choice(ivs)
        if INT_INFO[t][1]:
            return rng.choice([f'({v} & 63)', f'(uint({v}) % 70)', f'({v} & 7)', f'uint8({v})'] +
                              ([f'uint64({v})', f'uint({v})'] if ok('huge-shift') else [])), False
        if INT_INFO[t][0] == 64 and not ok('huge-shift'):
            return rng.choice([f'({v} % 67)', f'({v} & 31)']), False
        return rng.choice([v, f'({v} % 67)', f'({v} & 31)']), False

    def iexpr(self, t, d):
        rng = self.rng
        if d <= 0 or rng.random() < 0.2:
            return self.ileaf(t)
        r = rng.random()
        if r < 0.55:
            op = rng.choice(['+', '-', '*', '/', '%', '&', '|', '^', '&^', '<<', '>>', '+', '-', '*'])
            if op in ('<<', '>>'):
                a, ac = self.iexpr(t, d - 1)
                if ac:
                    a = self.nonconst_i(t)
                    ac = False
                c, cc = self.shift_count()
                return f'({a} {op} {c})', False
            a, ac = self.iexpr(t, d - 1)
            b, bc = self.iexpr(t, d - 1)
            if ac and bc:
                b, bc = self.nonconst_i(t), False
            if op in ('/', '%'):
                k = rng.random()
                if bc:
                    b, bc = self.nonconst_i(t), False
                if k < 0.45:
                    b = f'nz({b})'
                elif k < 0.8:
                    b = f'({b} | 1)'
                else:
                    b = f'nz[{t}]({b})'
            return f'({a} {op} {b})', False
        if r < 0.65:
            a, ac = self.iexpr(t, d - 1)
            if ac:
                a = self.nonconst_i(t)
            op = rng.choice(['-', '^', '+', '-'])
            return f'({op}{a})', False
        if r < 0.85:
            t2 = rng.choice(INT_TYPES)
            a, ac = self.iexpr(t2, d - 1)
            if ac:
                a = self.nonconst_i(t2)
            return f'{t}({a})', False
        if r < 0.92:
            a, ac = self.iexpr(t, d - 1)
            if ac:
                return rng.choice([f'func() {t} {{ return {a} }}()', f'id[{t}]({a})']), False
            return rng.choice([f'id({a})', f'func() {t} {{ return {a} }}()', f'id[{t}]({a})']), False
        a, ac = self.iexpr(t, d - 1)
        b, bc = self.iexpr(t, d - 1)
        if ac and bc:
            b = self.nonconst_i(t)
        return f'{rng.choice(["min", "max"])}({a}, {b})', False

    # -- floats
    def fleaf(self, t, allow_const=True):
        rng = self.rng
        vs = self.fn.vars_of(t)
        if allow_const and rng.random() < 0.25:
            lit = float_lit(rng, special_ok=(t == 'float64'))
            if lit.startswith(('math.Inf', 'math.NaN', 'math.Copysign')):
                return (lit if t == 'float64' else f'float32({lit})'), False
            if t == 'float32':
                try:
                    if abs(eval(lit.replace('math.Pi', '3.14').replace('math.E', '2.7')
                                .replace('math.MaxFloat32', '3e38'), {})) > 3e38:
                        lit = '1.5'
                except Exception:
                    lit = '1.5'
                if lit.startswith('0x'):
                    lit = '0.25'
            return f'{t}({lit})', True
        if vs and rng.random() < 0.8:
            return rng.choice(vs), False
        ivs = self.fn.all_int_vars()
        if ivs and rng.random() < 0.6:
            _, v = rng.choice(ivs)
            return f'{t}({v})', False
        ov = self.fn.vars_of('float64' if t == 'float32' else 'float32')
        if ov:
            return f'{t}({rng.choice(ov)})', False
        return f'id[{t}]({rng.choice(["0.1", "2.5", "3", "-7.25"])})', False

    def fexpr(self, t, d):
        rng = self.rng
        if d <= 0 or rng.random() < 0.25:
            return self.fleaf(t)
        r = rng.random()
        if r < 0.6:
            op = rng.choice(['+', '-', '*', '/'])
            a, ac = self.fexpr(t, d - 1)
            b, bc = self.fexpr(t, d - 1)
            if bc and (ac or op == '/'):
                b, bc = self.fleaf(t, allow_const=False)
            return f'({a} {op} {b})', ac and bc
        if r < 0.68:
            a, ac = self.fexpr(t, d - 1)
            if ac:
                a, ac = self.fleaf(t, allow_const=False)
            return f'(-{a})', False
        if r < 0.9 and t == 'float64':
            a, _ = self.fexpr(t, d - 1)
            b, _ = self.fexpr(t, d - 1)
            fn = rng.choice(['math.Sqrt(math.Abs(%s))', 'math.Floor(%s)', 'math.Ceil(%s)', 'math.Trunc(%s)',
                             'math.Abs(%s)', 'math.Round(%s)', 'math.RoundToEven(%s)', 'math.Max(%s, @)',
                             'math.Min(%s, @)', 'math.Mod(%s, @)', 'math.Copysign(%s, @)', 'math.Signbit(%s)',
                             'math.Pow(%s, 2)', 'math.Hypot(%s, @)', 'math.Float64frombits(math.Float64bits(%s) ^ 1)',
                             'math.IsNaN(%s)', 'math.IsInf(%s, 0)'] +
                            (['math.Exp(%s)', 'math.Log(math.Abs(%s))', 'math.Sin(%s)', 'math.Cbrt(%s)',
                              'math.Remainder(%s, @)', 'math.Log2(math.Abs(%s))', 'math.Atan2(%s, @)']
                             if rng.random() < 0.1 and ok('rare-math') else []))
            code = fn.replace('%s', a).replace('@', b)
            if fn.startswith(('math.Signbit', 'math.IsNaN', 'math.IsInf')):
                return f'fbool({code})', False
            return code, False
        if r < 0.95 and ok('nan-minmax'):
            a, _ = self.fexpr(t, d - 1)
            b, _ = self.fexpr(t, d - 1)
            return f'{rng.choice(["min", "max"])}({a}, {b})', False
        ivs = self.fn.all_int_vars()
        if ivs:
            _, v = rng.choice(ivs)
            return f'{t}({v})', False
        return self.fleaf(t)

    # -- strings
    def sleaf(self, allow_const=True):
        rng = self.rng
        vs = self.fn.vars_of('string')
        if (allow_const and rng.random() < 0.35) or not vs:
            return str_lit(rng), True
        return rng.choice(vs), False

    def sexpr(self, d):
        rng = self.rng
        if d <= 0 or rng.random() < 0.25:
            return self.sleaf()
        r = rng.random()
        a, ac = self.sexpr(d - 1)
        if r < 0.25:
            b, bc = self.sexpr(d - 1)
            return f'({a} + {b})', ac and bc
        if r < 0.35:
            i = rng.randint(0, 4)
            j = rng.randint(0, 6)
            return f'{a}[min({i}, len({a})):max(min({i}, len({a})), min({i + j}, len({a})))]', False
        ivs = self.fn.all_int_vars()
        iv = rng.choice(ivs)[1] if ivs else '7'
        b, _ = self.sexpr(d - 1)
        cands = [
            f'strings.ToUpper({a})', f'strings.ToLower({a})', f'strings.Repeat({a}, {rng.randint(0, 3)})',
            f'strings.TrimSpace({a})', f'strings.Replace({a}, "a", "XY", {rng.choice([-1, 1, 2])})',
            f'strings.ReplaceAll({a}, {b}, "_")', f'strings.Join(strings.Split({a}, {b}), "|")',
            f'strings.Join(strings.Fields({a}), "+")', f'strings.Trim({a}, "ah ")', f'strings.TrimLeft({a}, "xa")',
            f'strings.TrimPrefix({a}, {b})', f'strings.TrimSuffix({a}, "o")', f'strings.Title({a})',
            f'strconv.Itoa(int({iv}))', f'strconv.FormatInt(int64({iv}), {rng.choice([2, 8, 16, 36])})',
            f'strconv.Quote({a})', f'strconv.QuoteToASCII({a})', f'fmt.Sprint({a}, {iv})',
            f'fmt.Sprintf("%q|%x|% X|%5.2s|%-4s|", {a}, {a}, {a}, {a}, {a})', f'string(rune({iv}))',
            f'string([]rune({a}))', f'string([]byte({a}))', f'strings.Map(func(r rune) rune {{ return r + 1 }}, {a})',
            f'strconv.FormatUint(uint64({iv}), 16)', f'fmt.Sprintf("%v%d", {a}, {iv})', f'strings.ToTitle({a})',
            f'strings.Clone({a})', f'strings.EqualFold({a}, {b})', f'strings.Count({a}, {b})',
            f'strings.Index({a}, {b})', f'strings.LastIndex({a}, {b})', f'strings.IndexByte({a}, \'a\')',
            f'strings.IndexRune({a}, \'é\')', f'strings.Contains({a}, {b})', f'strings.HasPrefix({a}, {b})',
            f'strings.Compare({a}, {b})', f'len({a})', f'len([]rune({a}))', f'strconv.QuoteRune(rune({iv}))',
        ]
        c = rng.choice(cands)
        if c.startswith(('strings.EqualFold', 'strings.Contains', 'strings.HasPrefix')):
            return f'fmt.Sprint({c})', False
        if c.startswith(('strings.Count', 'strings.Index', 'strings.LastIndex', 'strings.Compare', 'len(')):
            return f'strconv.Itoa({c})', False
        return c, False

    # -- bools
    def bexpr(self, d):
        rng = self.rng
        r = rng.random()
        if d <= 0 or r < 0.5:
            k = rng.random()
            op = rng.choice(['<', '<=', '>', '>=', '==', '!='])
            if k < 0.5:
                t = rng.choice([t for t in INT_TYPES if self.fn.vars_of(t)] or ['int'])
                a, ac = self.iexpr(t, 1)
                b, bc = self.iexpr(t, 1)
                if ac and bc:
                    b = self.nonconst_i(t)
                return f'({a} {op} {b})'
            if k < 0.75 and (self.fn.vars_of('float64') or self.fn.vars_of('float32')):
                t = 'float64' if self.fn.vars_of('float64') else 'float32'
                a, ac = self.fexpr(t, 1)
                b, bc = self.fexpr(t, 1)
                return f'({a} {op} {b})'
            a, _ = self.sexpr(1)
            b, _ = self.sexpr(1)
            return f'({a} {op} {b})'
        if r < 0.85:
            return f'({self.bexpr(d - 1)} {rng.choice(["&&", "||", "==", "!="])} {self.bexpr(d - 1)})'
        return f'!{self.bexpr(d - 1)}'


# ---------------------------------------------------------------------------------------------
# categories

def declare_int_vars(fn, n, types=None):
    rng = fn.rng
    out = []
    for _ in range(n):
        t = rng.choice(types or INT_TYPES)
        v = fn.fresh('i')
        val = int_value(rng, t)
        r = rng.random()
        lit = int_lit(rng, t, val)
        if r < 0.5:
            fn.L(f'var {v} {t} = {lit}')
        elif r < 0.8:
            fn.L(f'{v} := {t}({lit})')
        else:
            fn.L(f'var {v} {t}\n{v} = {lit}')
        fn.add_var(t, v)
        out.append((t, v))
        fn.L(f'_ = {v}')
    return out


INT_VERBS = ['%d', '%v', '%x', '%X', '%o', '%b', '%08b', '%#x', '%+d', '%5d', '%-5d|', '%05d', '%c', '%q', '%U',
             '%T', '%#o', '%O', '% d', '%x']


def cat_intarith(fn):
    rng = fn.rng
    eg = EG(fn)
    vs = declare_int_vars(fn, rng.randint(3, 7), MAIN_INTS if rng.random() < 0.7 else None)
    for _ in range(rng.randint(4, 9)):
        t, v = rng.choice(vs)
        k = rng.random()
        if k < 0.35:
            e, c = eg.iexpr(t, rng.randint(1, 4))
            fn.L(f'fmt.Println({t}({e}))' if c else f'fmt.Println({e})')
        elif k < 0.5:
            e, c = eg.iexpr(t, rng.randint(1, 3))
            if c:
                e = f'{t}({e})'
            verbs = ' '.join(rng.choice(INT_VERBS) for _ in range(rng.randint(1, 3)))
            n = verbs.count('%')
            fn.L(f'fmt.Printf("{verbs}\\n"{", " + e * 1 if n else ""}{(", " + e) * (n - 1)})')
        elif k < 0.68:
            op = rng.choice(['+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<=', '>>=', '&^='])
            if op in ('<<=', '>>='):
                c, _ = eg.shift_count()
                fn.L(f'{v} {op} {c}')
            else:
                e, _ = eg.iexpr(t, rng.randint(0, 2))
                if op in ('/=', '%='):
                    e = f'nz({t}({e}))' if rng.random() < 0.5 else f'({e} | 1)'
                fn.L(f'{v} {op} {e}')
            fn.L(f'fmt.Println("{v} =", {v})')
        elif k < 0.78:
            n = rng.choice([100, 127, 200, 255, 256, 300, 1000])
            step = int_lit(rng, t, rng.choice([x for x in [1, 3, 7, 100, 127, 255, 1000] if x <= int_range(t)[1]]))
            op = rng.choice(['+=', '*=', '-=', '^='])
            if op == '*=':
                step = '3'
            fn.open(f'for j := 0; j < {n}; j++ {{')
            fn.L(f'{v} {op} {step}')
            fn.close()
            fn.L(f'fmt.Println("{v} loop", {v})')
        elif k < 0.86:
            t2 = rng.choice(INT_TYPES)
            fn.L(f'fmt.Println({t2}({v}), {t2}(-{v}), {t2}({v}) + 1, uint64({t2}({v})))' if t2 not in ('int8',)
                 else f'fmt.Println({t2}({v}), {t2}({v}) * 2)')
        elif k < 0.92:
            fn.L(f'{v}++\n{v}--\n{v}++')
            fn.L(f'fmt.Println({v}, -{v}, ^{v}, {v} >> 1, {v} << 1)')
        else:
            a, _ = eg.iexpr(t, 2)
            b, _ = eg.iexpr(t, 2)
            fn.L(f'fmt.Println({a} < {b}, {a} == {b}, {eg.bexpr(1)})')
    fn.L('fmt.Println(' + ', '.join(v for _, v in vs) + ')')


def cat_intconst(fn):
    """Untyped constant arithmetic, computed exactly; Python checks the final value is in range."""
    rng = fn.rng
    for _ in range(rng.randint(3, 7)):
        # build an exact expression tree
        def build(d):
            if d == 0 or rng.random() < 0.3:
                v = rng.choice([1, 2, 3, 7, 10, 1 << 62, 1 << 63, 1 << 64, 1 << 100, 255, 12345678901234567890,
                                -5, -(1 << 70), 1000000007])
                return (f'({v})' if v < 0 else str(v)), v
            op = rng.choice(['+', '-', '*', '/', '%', '<<', '>>', '&', '|', '^', '&^'])
            a, av = build(d - 1)
            if op in ('<<', '>>'):
                s = rng.randint(0, 70)
                if op == '<<' and abs(av).bit_length() + s > 400:
                    s = 1
                return f'({a} {op} {s})', (av << s if op == '<<' else av >> s)
            b, bv = build(d - 1)
            if op in ('/', '%'):
                if bv == 0:
                    return a, av
                q = abs(av) // abs(bv)
                if (av < 0) != (bv < 0):
                    q = -q
                return f'({a} {op} {b})', (q if op == '/' else av - q * bv)
            val = {'+': av + bv, '-': av - bv, '*': av * bv, '&': av & bv, '|': av | bv, '^': av ^ bv,
                   '&^': av & ~bv}[op]
            if abs(val).bit_length() > 400:
                return a, av
            return f'({a} {op} {b})', val
        e, v = build(rng.randint(1, 4))
        t = rng.choice(['int64', 'uint64', 'int32', 'uint8', 'int', 'float64'])
        if t == 'float64':
            if abs(v) < (1 << 1000):
                fn.L(f'fmt.Println(float64({e}))')
            continue
        lo, hi = int_range(t)
        if lo <= v <= hi:
            fn.L(f'fmt.Println({t}({e}))')
        else:
            lo2, hi2 = int_range('int64')
            # reduce into range through an exact mask
            fn.L(f'fmt.Println({t}(({e}) & 0x7f), ({e}) > 0, ({e}) % 1000)' if lo2 <= (v % 1000) <= hi2 else
                 f'fmt.Println({t}(({e}) & 0x7f))')
    # typed constants and iota
    base = rng.choice(['int8', 'uint8', 'int16', 'uint32', 'int'])
    name = fn.gname('K')
    fn.P.decl(f'type {name} {base}\n\nconst (\n\t{name}A {name} = iota * {rng.randint(1, 9)}\n\t{name}B\n\t{name}C\n\t_\n\t{name}E\n)')
    fn.L(f'fmt.Println({name}A, {name}B, {name}C, {name}E, {name}E - {name}C)')
    fn.L(f'fmt.Printf("%v %d %T\\n", {name}C, {name}E, {name}B)')
    f = rng.choice(['1.0 / 3', '1 << 10 / 3.0', '(1 << 100) / (1 << 98)', '0.1 + 0.2', '1e300 * 1e300 / 1e300',
                    '7 / 2', '7 / 2.0', "'a' + 1", "'a' * 2.5", '-7 % 3', '-7 / 2', '1e3'])
    fn.L(f'const {fn.fresh("c")} = 0\nfmt.Println({f})')


FLOAT_VERBS = ['%v', '%g', '%e', '%f', '%.3f', '%x', '%d', '%8.2f', '%G', '%E', '%.0f', '%-10.4g|', '%+.2e', '%T',
               '%06.2f', '%.10g', '%b', '%X', '%5.1f', '%.1f', '%.2g', '%#g', '%s']


def cat_float(fn):
    rng = fn.rng
    eg = EG(fn)
    vs = []
    declare_int_vars(fn, rng.randint(1, 3), ['int', 'int32', 'int64', 'uint8', 'int16'])
    for _ in range(rng.randint(3, 6)):
        t = 'float64' if rng.random() < 0.75 else 'float32'
        v = fn.fresh('f')
        lit, _ = eg.fleaf(t)
        if t == 'float64' and rng.random() < 0.5:
            lit = float_lit(rng)
        fn.L(f'var {v} {t} = {lit}' if not lit.startswith('math.') or lit in ('math.Pi', 'math.E', 'math.MaxFloat64', 'math.SmallestNonzeroFloat64')
             else f'{v} := {t}({lit})' if t == 'float64' else f'{v} := float32(1.25)')
        fn.add_var(t, v)
        vs.append((t, v))
    for _ in range(rng.randint(4, 9)):
        t, v = rng.choice(vs)
        k = rng.random()
        if k < 0.3:
            e, _ = eg.fexpr(t, rng.randint(1, 3))
            fn.L(f'fmt.Println({e})')
        elif k < 0.55:
            e, c = eg.fexpr(t, rng.randint(0, 2))
            if c:
                e = f'{t}({e})'
            verbs = ' '.join(rng.choice(FLOAT_VERBS) for _ in range(rng.randint(1, 3)))
            n = verbs.count('%')
            fn.L(f'fmt.Printf("{verbs}\\n"' + (', ' + e) * n + ')')
        elif k < 0.65:
            e, c = eg.fexpr(t, rng.randint(0, 2))
            fmtc = rng.choice(["'f'", "'e'", "'g'", "'G'", "'b'", "'x'"])
            prec = rng.choice([-1, 0, 2, 5, 17])
            bits = 64 if t == 'float64' else 32
            fn.L(f'fmt.Println(strconv.FormatFloat(float64({e}), {fmtc}, {prec}, {bits}))')
        elif k < 0.75:
            op = rng.choice(['+=', '-=', '*=', '/='])
            e, _ = eg.fexpr(t, rng.randint(0, 2))
            fn.L(f'{v} {op} {e}')
            fn.L(f'fmt.Println("{v} =", {v})')
        elif k < 0.83:
            # conversions that stay in range
            ivs = fn.all_int_vars()
            it, iv = rng.choice(ivs)
            tgt = rng.choice(['int', 'int64', 'int32', 'int16'])
            fn.L(f'fmt.Println(float64({iv}), float32({iv}), {tgt}(float64(int64({iv})%1000) / 7), {tgt}(float64(int64({iv})%1000) * -0.5), int64(float32(int64({iv})%100000) * 1.5))')
        elif k < 0.9:
            a, _ = eg.fexpr(t, 1)
            b, _ = eg.fexpr(t, 1)
            fn.L(f'fmt.Println({a} < {b}, {a} == {b}, {a} != {b}, {a} >= {b})')
        else:
            fn.L(f'fmt.Println({v}, -{v}, {v} * 0, 1 / {v}, {v} == {v})')
    fn.L('fmt.Println(' + ', '.join(v for _, v in vs) + ')')
    fn.L('fmt.Printf("' + ' '.join('%v' for _ in vs) + '\\n", ' + ', '.join(v for _, v in vs) + ')')


def cat_strings(fn):
    rng = fn.rng
    eg = EG(fn)
    declare_int_vars(fn, rng.randint(1, 2), ['int', 'rune', 'byte', 'int32'])
    vs = []
    for _ in range(rng.randint(2, 4)):
        v = fn.fresh('s')
        fn.L(f'{v} := {str_lit(rng)}')
        fn.add_var('string', v)
        vs.append(v)
    for _ in range(rng.randint(4, 9)):
        v = rng.choice(vs)
        k = rng.random()
        if k < 0.3:
            e, _ = eg.sexpr(rng.randint(1, 3))
            fn.L(f'fmt.Println({e})')
        elif k < 0.4:
            e, _ = eg.sexpr(1)
            fn.L(f'{v} += {e}')
            fn.L(f'fmt.Printf("%q %d\\n", {v}, len({v}))')
        elif k < 0.52:
            fn.open(f'for i, r := range {v} {{')
            fn.L('fmt.Print(i, ":", r, string(r), " ")')
            fn.close()
            fn.L('fmt.Println()')
        elif k < 0.62:
            b = fn.fresh('b')
            fn.L(f'{b} := []byte({v})')
            fn.open(f'if len({b}) > 0 {{')
            fn.L(f'{b}[0] ^= 0x20\n{b}[len({b})-1]++')
            fn.close()
            fn.L(f'fmt.Println({b}, string({b}), {v}, len({b}), cap({b}) >= len({b}))')
        elif k < 0.7:
            r = fn.fresh('r')
            fn.L(f'{r} := []rune({v})')
            fn.open(f'for i := range {r} {{')
            fn.L(f'{r}[i] += 1')
            fn.close()
            fn.L(f'fmt.Println({r}, string({r}), len({r}))')
        elif k < 0.78:
            fn.open(f'for i := 0; i < len({v}); i++ {{')
            fn.L(f'fmt.Print({v}[i], " ", {v}[i]+1, " ", string({v}[i]), ";")')
            fn.close()
            fn.L('fmt.Println()')
        elif k < 0.86:
            n = fn.fresh('n')
            src = rng.choice(['"-42"', '"12345"', '"abc"', '"0x1f"', '"3.25"', '"9223372036854775808"', '"-0"', '"+7"', v])
            fn.L(f'{n}, err := strconv.Atoi({src})\nfmt.Println({n}, err)')
            fn.L(f'{n}2, err2 := strconv.ParseInt({src}, 0, 64)\nfmt.Println({n}2, err2)')
            fn.L(f'{n}3, err3 := strconv.ParseFloat({src}, 64)\nfmt.Println({n}3, err3)')
        elif k < 0.93:
            a, _ = eg.sexpr(1)
            fn.L(f'fmt.Println({v} < {a}, {v} == {a}, {v} >= {a}, strings.Compare({v}, {a}))')
        else:
            sb = fn.fresh('sb')
            fn.L(f'var {sb} strings.Builder')
            fn.open(f'for i := 0; i < {rng.randint(1, 5)}; i++ {{')
            fn.L(f'{sb}.WriteString({v})\n{sb}.WriteByte(byte(\'0\' + i))\n{sb}.WriteRune(\'é\')')
            fn.close()
            fn.L(f'fmt.Println({sb}.String(), {sb}.Len())')
    fn.L('fmt.Printf("' + ' '.join('%q' for _ in vs) + '\\n", ' + ', '.join(vs) + ')')


def cat_order(fn):
    """Evaluation order: function calls in operands, index expressions, op=, tuple assignment."""
    rng = fn.rng
    x = fn.fresh('x')
    a = fn.fresh('a')
    m = fn.fresh('m')
    n = rng.randint(3, 5)
    fn.L(f'{x} := {rng.randint(0, 5)}')
    fn.L(f'{a} := make([]int, {n})')
    fn.L(f'{m} := map[int]int{{}}')
    fn.L(f'bump := func(d int) int {{ {x} += d; return {x} }}')
    fn.L(f'idx := func(tag string, i int) int {{ trace = append(trace, tag); return i % {n} }}')
    fn.L('_, _ = bump, idx')
    strict = fn.cat == 'order'
    import re as _re

    def S(stmt):
        # spec-fixed order only: no plain read of x in a statement whose calls modify x
        if strict and 'bump(' in stmt and _re.search(r'\b%s\b' % x, stmt):
            stmt = _re.sub(r'bump\((\d)\)', r'tr("b\1", \1)', stmt)
        fn.L(stmt)
    cnt = [0]

    def tag():
        cnt[0] += 1
        return f'"{chr(96 + cnt[0] % 26 + 1)}{cnt[0]}"'

    def leaf():
        r = rng.random()
        if r < 0.35:
            return f'tr({tag()}, {rng.randint(0, 9)})'
        if r < 0.55:
            return x
        if r < 0.75:
            return f'bump({rng.randint(1, 5)})'
        if r < 0.85:
            return f'{a}[idx({tag()}, {rng.randint(0, 9)})]'
        return str(rng.randint(1, 9))

    def ex(d):
        if d == 0 or rng.random() < 0.3:
            return leaf()
        op = rng.choice(['+', '-', '*', '+'])
        return f'({ex(d - 1)} {op} {ex(d - 1)})'

    for _ in range(rng.randint(4, 8)):
        fn.seal()
        k = rng.random()
        if k < 0.2:
            y = fn.fresh('y')
            S(f'{y} := {ex(3)}')
            S(f'fmt.Println({y}, {x})\nflushTrace()')
        elif k < 0.3:
            S(f'{a}[idx({tag()}, {rng.randint(0, 9)})] = {ex(2)}')
            S(f'fmt.Println({a}, {x})\nflushTrace()')
        elif k < 0.42:
            op = rng.choice(['+=', '-=', '*=', '|='])
            tgt = rng.choice([x, f'{a}[idx({tag()}, {rng.randint(0, 9)})]', f'{m}[tr({tag()}, {rng.randint(0, 3)})]'])
            S(f'{tgt} {op} {ex(2)}')
            S(f'fmt.Println({x}, {a}, {m})\nflushTrace()')
        elif k < 0.55:
            i, j = rng.randint(0, n - 1), rng.choice([rng.randint(0, n - 1), None])
            j = i if j is None else j
            form = rng.choice([
                f'{a}[{i}], {a}[{j}] = {a}[{j}], {a}[{i}]',
                f'{a}[{i}], {a}[{j}] = {ex(1)}, {ex(1)}',
                f'{a}[idx({tag()}, {i})], {a}[idx({tag()}, {j})] = tr({tag()}, {a}[{j}]+1), tr({tag()}, {a}[{i}]+2)',
                f'{x}, {a}[({x}%{n}+{n})%{n}] = {rng.randint(0, 9)}, {ex(1)}',
                f'{a}[({x}%{n}+{n})%{n}], {x} = {ex(1)}, {rng.randint(0, 9)}',
                f'{x}, {a}[0], {a}[1] = {a}[1], {x}, {a}[0]',
                f'{m}[{x}], {x} = {x}, {m}[{x}] + 1',
            ])
            S(form)
            S(f'fmt.Println({x}, {a}, {m})\nflushTrace()')
        elif k < 0.63:
            S(f'{x} += bump({rng.randint(1, 4)})')
            S(f'{x} = {x}*10 + bump(1)')
            S(f'fmt.Println({x})')
        elif k < 0.72:
            S(f'func(p, q, r int) {{ fmt.Println(p, q, r) }}({ex(1)}, {ex(1)}, {ex(1)})\nflushTrace()')
        elif k < 0.78:
            S(f'fmt.Println(tr({tag()}, true) && tr({tag()}, false) && tr({tag()}, true), tr({tag()}, false) || tr({tag()}, true) || tr({tag()}, false))\nflushTrace()')
        elif k < 0.84:
            S(f'sl := []int{{{ex(1)}, {ex(1)}, {ex(1)}}}\nst := struct{{ A, B int }}{{B: {ex(1)}, A: {ex(1)}}}\nmp := map[string]int{{"p": {ex(1)}, "q": {ex(1)}}}')
            S('fmt.Println(sl, st, mp)\nflushTrace()')
        elif k < 0.9:
            fn.open(f'for i, v := range tr({tag()}, {a}) {{')
            S(f'{a}[(i+1)%{n}] += v')
            fn.close()
            S(f'fmt.Println({a})\nflushTrace()')
        elif k < 0.95:
            S(f'{a} = append({a}[:{rng.randint(0, n)}], bump(1), {x})')
            S(f'fmt.Println({a}, len({a}))')
            S(f'{a} = append({a}, make([]int, {n})...)[:{n}]')
        else:
            S(f'ch := make(chan int, 3)\nch <- {ex(1)}\nch <- {ex(1)}\nfmt.Println(<-ch + <-ch)\nflushTrace()')
    fn.seal()
    S(f'fmt.Println({x}, {a}, {m})\nflushTrace()')


# --- composite types ------------------------------------------------------------------------

class Ty:
    comparable = True
    has_ptr = False

    def go(self):
        raise NotImplementedError


class Basic(Ty):
    def __init__(self, name):
        self.name = name

    def go(self):
        return self.name


class Arr(Ty):
    def __init__(self, n, elem):
        self.n, self.elem = n, elem
        self.comparable = elem.comparable
        self.has_ptr = elem.has_ptr

    def go(self):
        return f'[{self.n}]{self.elem.go()}'


class Slc(Ty):
    comparable = False

    def __init__(self, elem):
        self.elem = elem
        self.has_ptr = elem.has_ptr

    def go(self):
        return f'[]{self.elem.go()}'


class Mp(Ty):
    comparable = False

    def __init__(self, key, val):
        self.key, self.val = key, val
        self.has_ptr = val.has_ptr

    def go(self):
        return f'map[{self.key.go()}]{self.val.go()}'


class Struct(Ty):
    def __init__(self, name, fields):
        self.name, self.fields = name, fields
        self.comparable = all(t.comparable for _, t in fields)
        self.has_ptr = any(t.has_ptr for _, t in fields)

    def go(self):
        return self.name


class Ptr(Ty):
    has_ptr = True

    def __init__(self, elem):
        self.elem = elem

    def go(self):
        return '*' + self.elem.go()


SCALARS = ['int', 'int8', 'uint16', 'float64', 'string', 'bool', 'int64', 'uint8']


class TypeGen:
    def __init__(self, fn):
        self.fn = fn
        self.rng = fn.rng
        self.n = 0

    def scalar(self):
        return Basic(self.rng.choice(SCALARS))

    def struct(self, depth, allow_ref=True):
        rng = self.rng
        self.n += 1
        name = self.fn.gname(f'S{self.n}')
        fields = []
        for i in range(rng.randint(1, 4)):
            fields.append((rng.choice('ABCDEFGHXYZ') + str(i), self.any(depth - 1, allow_ref)))
        st = Struct(name, fields)
        body = '; '.join(f'{f} {t.go()}' for f, t in fields)
        self.fn.P.decl(f'type {name} struct{{ {body} }}')
        return st

    def any(self, depth, allow_ref=True):
        rng = self.rng
        r = rng.random()
        if depth <= 0 or r < 0.4:
            return self.scalar()
        if r < 0.6:
            return Arr(rng.randint(1, 4), self.any(depth - 1, allow_ref))
        if r < 0.8:
            return self.struct(depth, allow_ref)
        if r < 0.9 and allow_ref:
            return Slc(self.any(depth - 1, allow_ref))
        if allow_ref:
            return Mp(Basic(rng.choice(['string', 'int'])), self.any(depth - 1, allow_ref))
        return self.scalar()

    def agg(self, depth, allow_ref=True):
        """An array or struct type."""
        if self.rng.random() < 0.5:
            return self.struct(depth, allow_ref)
        return Arr(self.rng.randint(2, 4), self.any(depth - 1, allow_ref))


def scalar_lit(rng, name):
    if name in INT_INFO:
        v = int_value(rng, name)
        s = int_lit(rng, name, v)
        return f'({s})' if v < 0 else s
    if name == 'float64':
        return rng.choice(['0.5', '1.25', '-2.75', '3', '1e21', '0.1', '100', '-0.0', '7.5e-8'])
    if name == 'string':
        return str_lit(rng)
    if name == 'bool':
        return rng.choice(['true', 'false'])
    raise ValueError(name)


class Shape:
    """Shape of a value: slice lengths, struct/array children. Enough to generate in-range paths."""

    def __init__(self, kind, kids=None):
        self.kind = kind
        self.kids = kids  # list for arr/slice, dict for struct

    def copy(self):
        if isinstance(self.kids, list):
            return Shape(self.kind, [k.copy() for k in self.kids])
        if isinstance(self.kids, dict):
            return Shape(self.kind, {a: b.copy() for a, b in self.kids.items()})
        return Shape(self.kind)


def zero_shape(t):
    if isinstance(t, Arr):
        return Shape('arr', [zero_shape(t.elem) for _ in range(t.n)])
    if isinstance(t, Struct):
        return Shape('struct', {f: zero_shape(ft) for f, ft in t.fields})
    if isinstance(t, Slc):
        return Shape('slice', [])
    if isinstance(t, Ptr):
        return Shape('nilptr')
    return Shape('leaf')


def lit(rng, t, elide=False, depth=0):
    """A composite literal for t: returns (code, shape). elide: the type may be omitted."""
    if isinstance(t, Basic):
        return scalar_lit(rng, t.name), Shape('leaf')
    if isinstance(t, Arr) or isinstance(t, Slc):
        n = t.n if isinstance(t, Arr) else rng.randint(0, 4)
        idxs = list(range(n))
        rng.shuffle(idxs)
        chosen = sorted(idxs[:rng.randint(0, n)]) if rng.random() < 0.5 else idxs[:rng.randint(0, n)]
        if isinstance(t.elem, Ptr) and chosen:
            chosen = list(range(max(chosen) + 1))
        if isinstance(t, Slc):
            n = max(chosen) + 1 if chosen else 0
        kids = [zero_shape(t.elem) for _ in range(n)]
        parts = []
        prev = -1
        for i in chosen:
            c, s = lit(rng, t.elem, True, depth + 1)
            kids[i] = s
            if i == prev + 1 and rng.random() < 0.6:
                parts.append(c)
            else:
                parts.append(f'{i}: {c}')
            prev = i
        if isinstance(t, Arr) and depth == 0 and not elide and rng.random() < 0.3 and chosen and max(chosen) == n - 1:
            tn = f'[...]{t.elem.go()}'
        else:
            tn = t.go()
        code = '{' + ', '.join(parts) + '}'
        return (code if elide and rng.random() < 0.7 else tn + code), Shape('slice' if isinstance(t, Slc) else 'arr', kids)
    if isinstance(t, Struct):
        kids = {f: zero_shape(ft) for f, ft in t.fields}
        if rng.random() < 0.4:
            parts = []
            for f, ft in t.fields:
                c, s = lit(rng, ft, False, depth + 1)
                kids[f] = s
                parts.append(c)
        else:
            fs = list(t.fields)
            rng.shuffle(fs)
            parts = []
            for f, ft in fs[:rng.randint(0, len(fs))]:
                c, s = lit(rng, ft, False, depth + 1)
                kids[f] = s
                parts.append(f'{f}: {c}')
        code = '{' + ', '.join(parts) + '}'
        return (code if elide and rng.random() < 0.7 else t.go() + code), Shape('struct', kids)
    if isinstance(t, Mp):
        parts = []
        keys = set()
        for _ in range(rng.randint(0, 3)):
            k = scalar_lit(rng, t.key.name)
            kv = k.strip('()').replace('_', '')
            try:
                kv = int(kv, 0) if kv.lstrip('-')[:1].isdigit() else kv
            except ValueError:
                pass
            if kv in keys:
                continue
            keys.add(kv)
            c, _ = lit(rng, t.val, True, depth + 1)
            parts.append(f'{k}: {c}')
        code = '{' + ', '.join(parts) + '}'
        return (code if elide and rng.random() < 0.7 else t.go() + code), Shape('map')
    if isinstance(t, Ptr):
        c, s = lit(rng, t.elem, False, depth + 1)
        if c.startswith('{'):
            c = t.elem.go() + c
        return '&' + c, s
    raise ValueError(t)


def leaf_paths(t, shape, path=''):
    """All (path, type, shape) reachable by addressable selectors below a value (no map entries)."""
    out = [(path, t, shape)]
    if isinstance(t, Arr) or isinstance(t, Slc):
        for i, ks in enumerate(shape.kids or []):
            out += leaf_paths(t.elem, ks, f'{path}[{i}]')
    elif isinstance(t, Struct):
        for f, ft in t.fields:
            out += leaf_paths(ft, shape.kids[f], f'{path}.{f}')
    return out


def set_shape(shape, path, newshape):
    """Replace the shape at path (textual path as produced by leaf_paths)."""
    import re
    toks = re.findall(r'\[(\d+)\]|\.(\w+)', path)
    cur = shape
    for i, (idx, f) in enumerate(toks):
        last = i == len(toks) - 1
        if idx:
            if last:
                cur.kids[int(idx)] = newshape
            else:
                cur = cur.kids[int(idx)]
        else:
            if last:
                cur.kids[f] = newshape
            else:
                cur = cur.kids[f]


def cat_storage(fn):
    """Arrays and structs in every storage class; element and field stores; value semantics of copies."""
    rng = fn.rng
    tg = TypeGen(fn)
    T = tg.agg(rng.randint(1, 3), allow_ref=rng.random() < 0.3)
    code, shape = lit(rng, T)
    cls = rng.choice(['local', 'global', 'closure', 'addr', 'slice', 'map', 'ptr', 'field', 'array', 'param'])
    tn = T.go()
    v = fn.fresh('v')
    fn.L(f'// storage class: {cls}')
    bases = []      # expressions that are addressable lvalues of type T
    sbases = None   # those that share the tracked shape (stores and in-range reads); default bases
    pbases = []     # pointers to T, usable as the base of a non-empty path
    if cls == 'local':
        if rng.random() < 0.2:
            fn.L(f'var {v} {tn}')
            shape = zero_shape(T)
        else:
            fn.L(f'{v} := {code}')
        bases = [v]
    elif cls == 'global':
        g = fn.gname('g')
        fn.P.decl(f'var {g} = {code}')
        bases = [g]
    elif cls == 'closure':
        fn.L(f'{v} := {code}')
        bases = [v]
    elif cls == 'addr':
        fn.L(f'{v} := {code}\np := &{v}')
        bases = [v, '(*p)']
        pbases = ['p']
    elif cls == 'slice':
        c2, s2 = lit(rng, T)
        fn.L(f'{v} := []{tn}{{{code}, {c2}}}')
        fn.L(f'alias := {v}\n_ = alias')
        bases = [f'{v}[0]', 'alias[0]']
    elif cls == 'map':
        fn.L(f'{v} := map[string]{tn}{{"k": {code}}}')
        bases = None
    elif cls == 'ptr':
        if rng.random() < 0.3:
            fn.L(f'{v} := new({tn})\n*{v} = {code}')
        else:
            fn.L(f'{v} := &{code}' if code.startswith(tn) or code.startswith('[...]') else f'{v} := &{tn}{code}')
        bases = [f'(*{v})']
        pbases = [v]
    elif cls == 'field':
        fn.L(f'{v} := struct{{ N int; In {tn}; Z string }}{{N: 1, In: {code}, Z: "z"}}')
        bases = [f'{v}.In']
    elif cls == 'array':
        fn.L(f'var {v} [3]{tn}\n{v}[1] = {code}')
        bases = [f'{v}[1]']
    elif cls == 'param':
        h = fn.gname('mod')
        fn.P.decl(f'func {h}(x {tn}, p *{tn}) {tn} {{\n\ty := x\n\t*p = x\n\treturn y\n}}')
        fn.L(f'{v} := {code}\nvar {v}b {tn}\n{v}c := {h}({v}, &{v}b)')
        fn.L(f'fmt.Printf("%v|%v|%v\\n", {v}, {v}b, {v}c)')
        bases = [v, f'{v}b', f'{v}c']
        sbases = [v]

    if sbases is None:
        sbases = bases

    def show():
        if bases is None:
            fn.L(f'fmt.Printf("%v %+v\\n", {v}["k"], {v})')
        elif cls == 'closure':
            fn.L(f'fmt.Printf("%v\\n", func() {tn} {{ return {v} }}())')
        else:
            fn.L(f'fmt.Printf("{rng.choice(["%+v", "%v", "%+v", "%#v"])}\\n", {rng.choice(bases)})')

    def value_of(pt):
        if isinstance(pt, Basic):
            return scalar_lit(rng, pt.name), Shape('leaf')
        return lit(rng, pt)

    copies = []
    for _ in range(rng.randint(3, 8)):
        paths = leaf_paths(T, shape)
        path, pt, ps = rng.choice(paths[1:] if len(paths) > 1 else paths)
        k = rng.random()
        if k < 0.15 and isinstance(pt, Basic) and pt.name not in ('bool',) and bases is not None:
            tgt = (v if cls == 'closure' else rng.choice(sbases + pbases)) + path
            if pt.name == 'string':
                fn.L(f'{tgt} += {str_lit(rng)}')
            elif pt.name == 'float64':
                fn.L(f'{tgt} {rng.choice(["+=", "*=", "-="])} 1.5')
            else:
                fn.L(rng.choice([f'{tgt}++', f'{tgt}--', f'{tgt} += 100', f'{tgt} *= 3', f'{tgt} <<= 1', f'{tgt} ^= 0x7f',
                                 f'{tgt} /= 3', f'{tgt} %= 7', f'{tgt} -= 2']))
            show()
        elif k < 0.5:
            val, ns = value_of(pt)
            if bases is None:
                fn.L(f'{{\n\ttmp := {v}["k"]\n\ttmp{path} = {val}\n\t{v}["k"] = tmp\n}}' if path else f'{v}["k"] = {val}')
            elif cls == 'closure':
                fn.L(f'func() {{ {v}{path} = {val} }}()')
            else:
                fn.L(f'{rng.choice(sbases + (pbases if path else []))}{path} = {val}')
            if path:
                set_shape(shape, path, ns)
            else:
                shape = ns
            show()
        elif k < 0.65:
            c = fn.fresh('c')
            src = f'{v}["k"]' if bases is None else rng.choice(sbases)
            fn.L(f'{c} := {src}')
            copies.append((c, shape.copy()))
            val, ns = value_of(pt)
            # mutate the original; the copy must not change
            if bases is None:
                fn.L(f'{v}["k"] = {tn}{{}}')
                shape = zero_shape(T)
            elif cls == 'closure':
                fn.L(f'func() {{ {v}{path} = {val} }}()')
                if path:
                    set_shape(shape, path, ns)
                else:
                    shape = ns
            else:
                fn.L(f'{rng.choice(sbases + (pbases if path else []))}{path} = {val}')
                if path:
                    set_shape(shape, path, ns)
                else:
                    shape = ns
            fn.L(f'fmt.Printf("copy %v\\n", {c})')
            show()
        elif k < 0.75 and copies:
            c, cs = rng.choice(copies)
            cpaths = leaf_paths(T, cs)
            cpath, cpt, _ = rng.choice(cpaths)
            val, ns = value_of(cpt)
            fn.L(f'{c}{cpath} = {val}')
            if cpath:
                set_shape(cs, cpath, ns)
            else:
                idx = copies.index((c, cs))
                copies[idx] = (c, ns)
            fn.L(f'fmt.Println({c})')
            show()
        elif k < 0.85 and T.comparable and copies:
            c, _ = rng.choice(copies)
            src = f'{v}["k"]' if bases is None else (f'func() {tn} {{ return {v} }}()' if cls == 'closure' else rng.choice(bases))
            fn.L(f'fmt.Println({c} == {src}, {c} != {src})')
        elif k < 0.92 and isinstance(T, Arr) and bases:
            b = rng.choice(bases) if cls != 'closure' else v
            el = T.elem
            if isinstance(el, Basic) and el.name in INT_INFO:
                fn.open(f'for i, e := range {b} {{')
                fn.L(f'{b}[(i+1)%{T.n}] += 1\nfmt.Print(e, " ")')
                fn.close()
                fn.L('fmt.Println()')
            else:
                fn.open(f'for i, e := range {b} {{')
                fn.L(f'fmt.Print(i, ":", e, " ")')
                fn.close()
                fn.L('fmt.Println()')
            show()
        else:
            # read a leaf
            src = f'{v}["k"]' if bases is None else (v if cls == 'closure' else rng.choice(sbases + (pbases if path else [])))
            fn.L(f'fmt.Printf("%v\\n", {src}{path})')
    show()
    for c, _ in copies:
        fn.L(f'_ = {c}')


def cat_composite(fn):
    """Composite literals: keyed arrays, nested structs, slices of structs, maps."""
    rng = fn.rng
    tg = TypeGen(fn)
    for _ in range(rng.randint(3, 6)):
        fn.seal()
        k = rng.random()
        if k < 0.3:
            T = Arr(rng.randint(1, 6), tg.any(rng.randint(0, 2), allow_ref=rng.random() < 0.4))
        elif k < 0.55:
            T = tg.struct(rng.randint(1, 3))
        elif k < 0.75:
            T = Slc(tg.any(rng.randint(0, 2)))
        elif k < 0.9:
            T = Mp(Basic(rng.choice(['string', 'int', 'int8', 'bool'])), tg.any(rng.randint(0, 2)))
        else:
            T = Slc(Ptr(tg.struct(1, allow_ref=False)))
        code, shape = lit(rng, T)
        v = fn.fresh('c')
        fn.L(f'{v} := {code}')
        if isinstance(T, Slc) and isinstance(T.elem, Ptr):
            fn.open(f'for _, p := range {v} {{')
            fn.L('fmt.Printf("%+v ", *p)')
            fn.close()
            fn.L(f'fmt.Println(len({v}))')
            continue
        verb = rng.choice(['%v', '%+v', '%v', '%d', '%#v'])
        fn.L(f'fmt.Printf("{verb} %d\\n", {v}, len({v}))' if not isinstance(T, Struct) else f'fmt.Printf("{verb}\\n", {v})')
        if isinstance(T, (Arr, Slc)) and shape.kids:
            i = rng.randrange(len(shape.kids))
            c2, _ = lit(rng, T.elem)
            fn.L(f'{v}[{i}] = {c2}\nfmt.Println({v}[{i}], {v})')
        if isinstance(T, Mp):
            fn.L(f'fmt.Println(len({v}))')
        if T.comparable and rng.random() < 0.5:
            c2, _ = lit(rng, T)
            fn.L(f'fmt.Println({v} == {c2})')
    fn.seal()


IFACE_VALUES = [
    ('int', '42'), ('int8', 'int8(-3)'), ('int64', 'int64(3)'), ('uint', 'uint(3)'), ('string', '"hi"'),
    ('float64', '2.5'), ('float64', '3.0'), ('bool', 'true'), ('rune', "'x'"), ('byte', 'byte(200)'),
    ('[]int', '[]int{1, 2}'), ('[2]int', '[2]int{3, 4}'), ('error', 'errors.New("bad")'),
    ('nil', 'nil'), ('map', 'map[string]int{"a": 1}'), ('float32', 'float32(0.1)'),
    ('complex128', 'complex(1, 2)'),
]


def cat_iface(fn):
    rng = fn.rng
    P = fn.P
    S = fn.gname('Pt')
    MI = fn.gname('MyInt')
    Sh = fn.gname('Shape')
    P.decl(f'type {S} struct{{ X, Y int }}\n\nfunc (p {S}) String() string {{ return fmt.Sprintf("<%d,%d>", p.X, p.Y) }}')
    P.decl(f'type {MI} int\n\nfunc (m *{MI}) Inc() {{ *m++ }}\n\nfunc (m {MI}) Get() int {{ return int(m) }}')
    P.decl(f'type {Sh} interface{{ Area() float64 }}\n\ntype {fn.gname("Sq")} struct{{ S float64 }}\n\n'
           f'func (s {fn.gname("Sq")}) Area() float64 {{ return s.S * s.S }}\n\ntype {fn.gname("Ci")} struct{{ R float64 }}\n\n'
           f'func (c *{fn.gname("Ci")}) Area() float64 {{ return 3 * c.R * c.R }}')
    vals = IFACE_VALUES + [(S, f'{S}{{1, 2}}'), (MI, f'{MI}(7)'), ('*' + S, f'&{S}{{5, 6}}'),
                           ('struct', 'struct{ A int }{3}')]
    for _ in range(rng.randint(3, 7)):
        fn.seal()
        k = rng.random()
        if k < 0.2:
            sel = rng.sample(vals, rng.randint(3, 7))
            xs = fn.fresh('xs')
            fn.L(f'{xs} := []any{{{", ".join(c for _, c in sel)}}}')
            fn.open(f'for i, x := range {xs} {{')
            cases = [f'case int:\n\tfmt.Println(i, "int", v+1)', f'case int8, int64:\n\tfmt.Printf("%d %T %v\\n", i, v, v)',
                     f'case string:\n\tfmt.Println(i, "string", len(v), v)', f'case nil:\n\tfmt.Println(i, "nil", v == nil)',
                     f'case error:\n\tfmt.Println(i, "error", v.Error())', f'case fmt.Stringer:\n\tfmt.Println(i, "stringer", v.String())',
                     f'case []int:\n\tfmt.Println(i, "slice", len(v), v)', f'case float64:\n\tfmt.Println(i, "f64", v*2)',
                     f'case {MI}:\n\tfmt.Println(i, "myint", v.Get())', f'case bool, rune:\n\tfmt.Println(i, "bool/rune", v)',
                     f'case [2]int:\n\tfmt.Println(i, "arr", v[1])', f'case *{S}:\n\tfmt.Println(i, "ptr", v.X)']
            rng.shuffle(cases)
            fn.L('switch v := x.(type) {')
            for c in cases[:rng.randint(2, len(cases))]:
                fn.L(c)
            fn.L('default:\n\tfmt.Printf("%d default %T %v\\n", i, v, v)\n}')
            fn.close()
        elif k < 0.35:
            (t1, c1), (t2, c2) = rng.choice(vals), rng.choice(vals)
            if t1 in ('[]int', 'map') or t2 in ('[]int', 'map'):
                continue
            e = fn.fresh('e')
            fn.L(f'var {e} any = {c1}')
            fn.L(f'fmt.Println({e} == {c2}, {c2} == {e}, {e} != {c2}, {e} == {e})' if c2 != 'nil' else f'fmt.Println({e} == nil, nil == {e})')
            if c2 != 'nil' and c1 != 'nil':
                # The same comparisons as conditions (compiled to compare-and-branch forms).
                for c in (c1, c2):
                    fn.L(f'{{\n\tv := {c}\n\tif v != {e} {{\n\t\tfmt.Println("cond ne")\n\t}} else if {e} == v {{\n\t\tfmt.Println("cond eq")\n\t}}\n}}')
        elif k < 0.5:
            x = fn.fresh('x')
            fn.L(f'{x} := {S}{{{rng.randint(0, 9)}, {rng.randint(0, 9)}}}')
            form = rng.choice(['assign', 'chan', 'map', 'ret', 'slice', 'arr'])
            if form == 'assign':
                fn.L(f'var e any = {x}\nvar s fmt.Stringer = {x}\n{x}.X = 100\nfmt.Println(e, s, {x}, e == {x}, {x} == e)')
            elif form == 'chan':
                fn.L(f'ch := make(chan any, 1)\nch <- {x}\n{x}.Y = -1\ngot := <-ch\nfmt.Println(got, {x}, got == any({x}))')
            elif form == 'map':
                fn.L(f'm := map[string]any{{}}\nm["a"] = {x}\nm["b"] = &{x}\n{x}.X++\nfmt.Println(m["a"], *m["b"].(*{S}), {x})')
            elif form == 'ret':
                fn.L(f'get := func() any {{ return {x} }}\ng1 := get()\n{x}.X = 9\nfmt.Println(g1, get(), g1 == get())')
            elif form == 'slice':
                fn.L(f'sl := []any{{{x}, {x}.X, &{x}}}\n{x}.X = 55\nfmt.Println(sl[0], sl[1], sl[2].(*{S}).X)')
            else:
                fn.L(f'ar := [2]any{{{x}, nil}}\nbr := ar\nbr[1] = {x}.Y\n{x}.Y = 77\nfmt.Println(ar, br, ar == br)')
        elif k < 0.65:
            t1, c1 = rng.choice(vals)
            e = fn.fresh('e')
            fn.L(f'var {e} any = {c1}')
            tgts = ['int', 'string', 'float64', 'error', 'fmt.Stringer', MI, S, '*' + S, 'int64', '[]int', 'bool']
            for tt in rng.sample(tgts, 3):
                fn.L(f'if w, ok := {e}.({tt}); ok {{\n\tfmt.Printf("%v is {tt}: %v\\n", {e}, w)\n}} else {{\n\tfmt.Printf("not {tt}: %v %v\\n", w, ok)\n}}')
        elif k < 0.78:
            shapes = fn.fresh('sh')
            fn.L(f'{shapes} := []{Sh}{{{fn.gname("Sq")}{{2}}, &{fn.gname("Ci")}{{1}}, {fn.gname("Sq")}{{S: 1.5}}, &{fn.gname("Ci")}{{R: 0.5}}}}')
            fn.L(f'sort.Slice({shapes}, func(i, j int) bool {{ return {shapes}[i].Area() < {shapes}[j].Area() }})')
            fn.L(f'total := 0.0\nfor _, s := range {shapes} {{\n\ttotal += s.Area()\n\tfmt.Printf("%T %.2f\\n", s, s.Area())\n}}\nfmt.Println(total)')
        elif k < 0.88:
            m = fn.fresh('m')
            fn.L(f'var {m} {MI} = {rng.randint(-5, 5)}\n{m}.Inc()\nvar gi interface{{ Get() int }} = {m}\n{m}.Inc()\nvar pi interface{{ Inc(); Get() int }} = &{m}\npi.Inc()\nfmt.Println({m}, gi.Get(), pi.Get(), gi == {m}, gi)')
        else:
            fn.L(f'var pn *{S}\nvar en any = pn\nvar en2 any\nfmt.Println(en == nil, pn == nil, en2 == nil, en2)\nfmt.Printf("%v %T %v\\n", en, en, en2)')
            fn.L(f'var er error\nfmt.Println(er == nil, er)')
    fn.seal()


def cat_closures(fn):
    rng = fn.rng
    for _ in range(rng.randint(3, 6)):
        fn.seal()
        k = rng.random()
        n = rng.randint(2, 6)
        fs = fn.fresh('fs')
        if k < 0.2:
            fn.L(f'var {fs} []func() int')
            fn.open(f'for i := {rng.randint(0, 2)}; i < {n}; i++ {{')
            fn.L(f'{fs} = append({fs}, func() int {{ return i * {rng.randint(1, 9)} }})')
            if rng.random() < 0.5:
                fn.L(f'i += {rng.randint(0, 2)}')
            fn.close()
            fn.L(f'for _, f := range {fs} {{\n\tfmt.Print(f(), " ")\n}}\nfmt.Println(len({fs}))')
        elif k < 0.35:
            fn.L(f'var {fs} []func()')
            rs = rng.choice(['[]string{"a", "b", "c"}', f'{n}', '"héllo"', '[3]int{7, 8, 9}'])
            if rs == f'{n}':
                fn.open(f'for i := range {rs} {{')
                fn.L(f'{fs} = append({fs}, func() {{ fmt.Print(i, ";") }})')
            else:
                fn.open(f'for i, v := range {rs} {{')
                fn.L(f'{fs} = append({fs}, func() {{ fmt.Print(i, v, ";") }})')
            fn.close()
            fn.L(f'for _, f := range {fs} {{\n\tf()\n}}\nfmt.Println()')
        elif k < 0.48:
            fn.L(f'var {fs} []func() int')
            fn.open(f'for i := 0; i < {n}; i++ {{')
            fn.L(f'inc := func() {{ i++ }}\n{fs} = append({fs}, func() int {{ return i }})\nif i%2 == 0 {{\n\tinc()\n}}')
            fn.close()
            fn.L(f'for _, f := range {fs} {{\n\tfmt.Print(f(), " ")\n}}\nfmt.Println()')
        elif k < 0.58:
            x = fn.fresh('x')
            fn.L(f'{x} := {rng.randint(1, 5)}\ndbl := func() {{ {x} *= 2 }}\nadd := func(d int) int {{ {x} += d; return {x} }}\ndbl()\nfmt.Println(add(3), {x})\ndbl()\nfmt.Println({x})')
        elif k < 0.68:
            mk = fn.fresh('mk')
            fn.L(f'{mk} := func(start, step int) (func() int, func()) {{\n\tc := start\n\treturn func() int {{ c += step; return c }}, func() {{ c = 0 }}\n}}')
            fn.L(f'a, ra := {mk}({rng.randint(0, 9)}, {rng.randint(1, 3)})\nb, _ := {mk}(100, -1)\nfmt.Println(a(), a(), b(), a())\nra()\nfmt.Println(a(), b())')
        elif k < 0.76:
            fib = fn.fresh('fib')
            fn.L(f'var {fib} func(int) int\n{fib} = func(n int) int {{\n\tif n < 2 {{\n\t\treturn n\n\t}}\n\treturn {fib}(n-1) + {fib}(n-2)\n}}\nfmt.Println({fib}({rng.randint(5, 15)}))')
        elif k < 0.84:
            out = fn.fresh('out')
            fn.L(f'var {out} []int')
            fn.open('func() {')
            fn.open(f'for i := range {n} {{')
            fn.L(f'defer func() {{ {out} = append({out}, i) }}()')
            fn.L(f'defer func(j int) {{ {out} = append({out}, j*10) }}(i)')
            fn.close()
            fn.close('}()')
            fn.L(f'fmt.Println({out})')
        elif k < 0.92:
            arr = fn.fresh('arr')
            fn.L(f'{arr} := [3]int{{1, 2, 3}}\nsl := []int{{1, 2, 3}}\nf := func(a [3]int, s []int) {{ a[0] = 9; s[0] = 9; {arr}[1] = 8 }}\nf({arr}, sl)\nfmt.Println({arr}, sl)')
        else:
            res = fn.fresh('res')
            fn.L(f'{res} := make([]int, {n})\nvar wg sync.WaitGroup')
            fn.open(f'for i := 0; i < {n}; i++ {{')
            fn.L(f'wg.Add(1)\ngo func() {{\n\tdefer wg.Done()\n\t{res}[i] = i * i\n}}()')
            fn.close()
            fn.L(f'wg.Wait()\nfmt.Println({res})')
    fn.seal()


PANICKERS = [
    ('idx', 'a := []int{1, 2, 3}\ni := {K}\nfmt.Println(a[i])'),
    ('arridx', 'var a [4]string\ni := {K} + 1\na[i] = "x"'),
    ('stridx', 's := "abc"\ni := {K}\nfmt.Println(s[i])'),
    ('slice', 'a := []int{1, 2, 3}\ni, j := {K}, 1\nfmt.Println(a[i:j])'),
    ('slice3', 'a := make([]int, 2, 5)\nj := {K} + 4\nfmt.Println(a[:j])'),
    ('nilmap', 'var m map[string]int\nm["a"] = {K}'),
    ('div', 'x, y := {K}, 0\nfmt.Println(x / y)'),
    ('mod', 'var x, y int8 = {K}, 0\nfmt.Println(x % y)'),
    ('nilptr', 'type T struct{ A int }\nvar p *T\nfmt.Println(p.A + {K})'),
    ('assert', 'var e any = "str"\nn := e.(int)\nfmt.Println(n + {K})'),
    ('assert2', 'var e any = {K}\ns := e.(fmt.Stringer)\nfmt.Println(s)'),
    ('custom', 'panic("boom {K}")'),
    ('customint', 'panic({K})'),
    ('customerr', 'panic(errors.New("err {K}"))'),
    ('customfmt', 'panic(fmt.Errorf("wrapped: %w", errors.New("inner {K}")))'),
    ('closeclosed', 'ch := make(chan int)\nclose(ch)\nclose(ch)'),
    ('closenil', 'var ch chan int\nclose(ch)'),
    ('makeslice', 'n := {K} - 10\n_ = make([]int, n)'),
    ('shift', 's := {K} - 10\nfmt.Println(1 << s)'),
    ('conv', 's := []int{1, 2}\na := [4]int(s)\nfmt.Println(a, {K})'),
    ('nilfunc', 'var f func(int)\nf({K})'),
    ('uncomparable', 'var a, b any = []int{{K}}, []int{{K}}\nfmt.Println(a == b)'),
    ('mapuncomparable', 'm := map[any]int{}\nm[[]int{{K}}] = 1'),
    ('nilslicearr', 'var p *[3]int\nfmt.Println(p[{K} % 3])'),
    ('float', 'panic(1.5 + float64({K}))'),
    ('custom2', 'panic(fmt.Sprintf("v=%d", {K}))'),
    ('sendclosed', 'ch := make(chan int, 1)\nclose(ch)\nch <- {K}'),
]


def cat_defer(fn):
    rng = fn.rng
    for _ in range(rng.randint(3, 6)):
        fn.seal()
        k = rng.random()
        if k < 0.45:
            name, stmt = rng.choice([p for p in PANICKERS if ok('unhashable') or p[0] != 'mapuncomparable'])
            stmt = stmt.replace('{K}', str(rng.randint(5, 9)))
            if name == 'nilptr':
                fn.P.decl(f'type {fn.gname("T" + str(fn.n))} struct{{ A int }}')
                tname = fn.gname("T" + str(fn.n))
                fn.n += 1
                stmt = stmt.replace('type T struct{ A int }\n', '').replace('*T', '*' + tname)
            pr = rng.choice(['fmt.Println("recovered:", r)', 'fmt.Printf("recovered: %v\\n", r)',
                             'if e, ok := r.(error); ok {\n\t\tfmt.Println("error:", e.Error())\n\t} else {\n\t\tfmt.Println("value:", r)\n\t}',
                             'fmt.Println("recovered:", r, r == nil)'] + (['fmt.Printf("%T %v\\n", r, r)'] if rng.random() < 0.15 and ok('errtype') else []))
            fn.open('func() {')
            fn.L(f'defer func() {{\n\tr := recover()\n\t{pr}\n}}()')
            fn.L(stmt)
            fn.L('fmt.Println("not reached")')
            fn.close('}()')
        elif k < 0.6:
            h = fn.gname(f'named{fn.n}')
            fn.n += 1
            fn.P.decl(f'func {h}(x int) (res int, err error) {{\n\tdefer func() {{\n\t\tif r := recover(); r != nil {{\n\t\t\terr = fmt.Errorf("caught: %v", r)\n\t\t\tres = -1\n\t\t}}\n\t}}()\n\tdefer func() {{ res *= 2 }}()\n\tif x > 3 {{\n\t\tpanic(x)\n\t}}\n\tres = 10 / (x - 2)\n\treturn res + 1, nil\n}}')
            for x in rng.sample(range(0, 7), 3):
                fn.L(f'fmt.Println({h}({x}))')
        elif k < 0.7:
            fn.open('func() {')
            fn.L('for i := 0; i < 3; i++ {\n\tdefer fmt.Println("defer", i)\n}')
            fn.L(f'x := {rng.randint(1, 9)}\ndefer fmt.Println("x at defer:", x)\nx = 100\ndefer func() {{ fmt.Println("x in closure:", x) }}()')
            fn.close('}()')
        elif k < 0.8:
            fn.open('func() {')
            fn.L('defer func() { fmt.Println("outer:", recover()) }()')
            fn.L('defer func() {\n\tr := recover()\n\tfmt.Println("inner:", r)\n\tpanic(fmt.Sprint("re-", r))\n}()')
            fn.L(f'panic("first{rng.randint(0, 9)}")')
            fn.close('}()')
        elif k < 0.87:
            fn.open('func() {')
            fn.L('defer func() { fmt.Println("last:", recover()) }()')
            fn.L('defer func() { panic("second") }()')
            fn.L('panic("first")')
            fn.close('}()')
        elif k < 0.93:
            helper = fn.gname(f'rec{fn.n}')
            fn.n += 1
            fn.P.decl(f'func {helper}() any {{ return recover() }}')
            fn.open('func() {')
            fn.L('defer func() { fmt.Println("direct:", recover()) }()')
            fn.L(f'defer func() {{ fmt.Println("helper:", {helper}()) }}()')
            fn.L('panic("p")')
            fn.close('}()')
        else:
            fn.L('fmt.Println("no panic:", recover())')
            fn.L(f'func() {{\n\tdefer func() {{ fmt.Println("nil recover:", recover()) }}()\n\tfmt.Println("body")\n}}()')
    fn.seal()


def cat_goroutines(fn):
    rng = fn.rng
    eg = EG(fn)
    n = rng.randint(1, 8)
    k = rng.random()
    fexpr = rng.choice(['i * i', 'i*7 + 3', '(i << 3) ^ i', 'i % 3 * 100', 'fib(i + 5)', 'len(strings.Repeat("ab", i))'])
    fn.L('fib := func(n int) int {\n\ta, b := 0, 1\n\tfor range n {\n\t\ta, b = b, a+b\n\t}\n\treturn a\n}\n_ = fib')
    if k < 0.2:
        fn.L(f'res := make([]int, {n})\nvar wg sync.WaitGroup')
        fn.open(f'for i := 0; i < {n}; i++ {{')
        fn.L(f'wg.Add(1)\ngo func(i int) {{\n\tdefer wg.Done()\n\tres[i] = {fexpr}\n}}(i)')
        fn.close()
        fn.L('wg.Wait()\nfmt.Println(res)')
    elif k < 0.35:
        fn.L(f'type pair struct{{ i, v int }}\nch := make(chan pair{rng.choice(["", ", 2", f", {n}"])})')
        fn.L(f'for i := range {n} {{\n\tgo func() {{ ch <- pair{{i, {fexpr}}} }}()\n}}')
        fn.L(f'res := make([]int, {n})\nfor range {n} {{\n\tp := <-ch\n\tres[p.i] = p.v\n}}\nfmt.Println(res)')
    elif k < 0.5:
        fn.L(f'gen := func(n int) <-chan int {{\n\tc := make(chan int)\n\tgo func() {{\n\t\tdefer close(c)\n\t\tfor i := range n {{\n\t\t\tc <- i\n\t\t}}\n\t}}()\n\treturn c\n}}')
        fn.L(f'sq := func(in <-chan int) <-chan int {{\n\tc := make(chan int{rng.choice(["", ", 3"])})\n\tgo func() {{\n\t\tfor i := range in {{\n\t\t\tc <- {fexpr}\n\t\t}}\n\t\tclose(c)\n\t}}()\n\treturn c\n}}')
        fn.L(f'for v := range sq(gen({n + 3})) {{\n\tfmt.Print(v, " ")\n}}\nfmt.Println()')
    elif k < 0.62:
        m = rng.randint(10, 200)
        fn.L(f'var mu sync.Mutex\ntotal := 0\nvar wg sync.WaitGroup\nfor i := range {n} {{\n\twg.Add(1)\n\tgo func() {{\n\t\tdefer wg.Done()\n\t\tfor j := 0; j < {m}; j++ {{\n\t\t\tmu.Lock()\n\t\t\ttotal += i + j%3\n\t\t\tmu.Unlock()\n\t\t}}\n\t}}()\n}}\nwg.Wait()\nfmt.Println(total)')
    elif k < 0.72:
        fn.L(f'a, b := make(chan int), make(chan string)\ndone := make(chan bool)\ngo func() {{\n\tfor i := range {n} {{\n\t\ta <- i\n\t}}\n\tclose(a)\n}}()\ngo func() {{\n\tfor i := range {n} {{\n\t\tb <- strconv.Itoa(i * 2)\n\t}}\n\tclose(b)\n}}()')
        fn.L('go func() {\n\tsum, cat := 0, 0\n\tfor a != nil || b != nil {\n\t\tselect {\n\t\tcase v, ok := <-a:\n\t\t\tif !ok {\n\t\t\t\ta = nil\n\t\t\t\tcontinue\n\t\t\t}\n\t\t\tsum += v\n\t\tcase s, ok := <-b:\n\t\t\tif !ok {\n\t\t\t\tb = nil\n\t\t\t\tcontinue\n\t\t\t}\n\t\t\tcat += len(s)\n\t\t}\n\t}\n\tfmt.Println(sum, cat)\n\tdone <- true\n}()\n<-done')
    elif k < 0.8:
        fn.L(f'var once sync.Once\ncount := 0\nvar wg sync.WaitGroup\nfor range {n} {{\n\twg.Add(1)\n\tgo func() {{\n\t\tdefer wg.Done()\n\t\tonce.Do(func() {{ count++ }})\n\t}}()\n}}\nwg.Wait()\nfmt.Println(count)')
    elif k < 0.86:
        fn.L(f'ch := make(chan int, {n})\nfor i := range {n} {{\n\tch <- i * 3\n}}\nclose(ch)\nfor v := range ch {{\n\tfmt.Print(v, " ")\n}}\nv, ok := <-ch\nfmt.Println(v, ok, len(ch), cap(ch))')
        fn.L('sel := make(chan int, 1)\nselect {\ncase v := <-sel:\n\tfmt.Println("got", v)\ndefault:\n\tfmt.Println("empty")\n}\nsel <- 4\nselect {\ncase v := <-sel:\n\tfmt.Println("got", v)\ndefault:\n\tfmt.Println("empty")\n}')
    elif k < 0.93:
        fn.L(f'res := make([]string, {n})\nvar wg sync.WaitGroup\nfor i := range {n} {{\n\twg.Go(func() {{\n\t\tres[i] = strings.Repeat("x", i)\n\t}})\n}}\nwg.Wait()\nfmt.Printf("%q\\n", res)')
    else:
        fn.L(f'results := make(chan int)\nvar wg sync.WaitGroup\nfor i := range {n} {{\n\twg.Add(1)\n\tgo func() {{\n\t\tdefer wg.Done()\n\t\tresults <- {fexpr}\n\t}}()\n}}\ngo func() {{\n\twg.Wait()\n\tclose(results)\n}}()\nsum := 0\nvar all []int\nfor r := range results {{\n\tsum += r\n\tall = append(all, r)\n}}\nsort.Ints(all)\nfmt.Println(sum, all)')
    _ = eg


def cat_maps(fn):
    rng = fn.rng
    for _ in range(rng.randint(3, 6)):
        fn.seal()
        k = rng.random()
        m = fn.fresh('m')
        if k < 0.3:
            kt = rng.choice(['int', 'string', 'int8', 'float64', 'bool', '[2]int', 'rune', 'uint16'])
            vt = rng.choice(['int', 'string', '[]int', 'bool', 'float64', 'map[string]int'])
            kl = {'int': lambda: str(rng.randint(-50, 50)), 'string': lambda: str_lit(rng), 'int8': lambda: str(rng.randint(-128, 127)),
                  'float64': lambda: rng.choice(['0.5', '-1', '3.25', '1e9', '-0.125', '100']), 'bool': lambda: rng.choice(['true', 'false']),
                  '[2]int': lambda: f'{{{rng.randint(-2, 2)}, {rng.randint(-2, 2)}}}', 'rune': lambda: rng.choice(["'a'", "'Z'", "'é'", "'0'", "'~'"]),
                  'uint16': lambda: str(rng.randint(0, 65535))}[kt]
            vl = {'int': lambda: str(rng.randint(-9, 99)), 'string': lambda: str_lit(rng), '[]int': lambda: '{1, 2}',
                  'bool': lambda: rng.choice(['true', 'false']), 'float64': lambda: rng.choice(['1.5', '-0.25', '2']),
                  'map[string]int': lambda: '{"x": 1}'}[vt]
            keys = []
            for _ in range(rng.randint(0, 6)):
                kk = kl()
                if kk not in keys:
                    keys.append(kk)
            fn.L(f'{m} := map[{kt}]{vt}{{{", ".join(f"{kk}: {vl()}" for kk in keys)}}}')
            fn.L(f'fmt.Println({m}, len({m}))')
            if keys:
                kk = rng.choice(keys)
                fn.L(f'delete({m}, {kk if kt != "[2]int" else "[2]int" + kk})\nfmt.Println({m})')
            fn.L(f'fmt.Printf("%v|%+v\\n", {m}, {m})')
        elif k < 0.45:
            fn.L(f'{m} := map[string]int{{}}\nfor _, w := range strings.Fields({str_lit(rng)} + " a b a c b a") {{\n\t{m}[w]++\n}}')
            fn.L(f'keys := make([]string, 0, len({m}))\nfor k := range {m} {{\n\tkeys = append(keys, k)\n}}\nsort.Strings(keys)\nfor _, k := range keys {{\n\tfmt.Print(k, "=", {m}[k], " ")\n}}\nfmt.Println({m})')
        elif k < 0.55:
            fn.L(f'{m} := map[int]string{{1: "a", 2: "b"}}\nv, ok := {m}[3]\nfmt.Printf("%q %v\\n", v, ok)\nv, ok = {m}[1]\nfmt.Println(v, ok, {m}[99] == "")')
        elif k < 0.65:
            fn.L(f'{m} := map[string][]int{{}}\nfor i := range {rng.randint(3, 12)} {{\n\tk := strconv.Itoa(i % 3)\n\t{m}[k] = append({m}[k], i)\n}}\nfmt.Println({m})')
            fn.L(f'nested := map[string]map[int]bool{{}}\nfor i := range 5 {{\n\tk := fmt.Sprint(i%2 == 0)\n\tif nested[k] == nil {{\n\t\tnested[k] = map[int]bool{{}}\n\t}}\n\tnested[k][i] = i > 2\n}}\nfmt.Println(nested)')
        elif k < 0.72:
            fn.L(f'{m} := map[int]int{{}}\nfor i := range {rng.randint(5, 40)} {{\n\t{m}[i*7%11] += i\n}}\nsum := 0\nfor k, v := range {m} {{\n\tsum += k * v\n}}\nfmt.Println(sum, len({m}))')
            fn.L(f'for k := range {m} {{\n\tif k%2 == 0 {{\n\t\tdelete({m}, k)\n\t}}\n}}\nfmt.Println({m})\nclear({m})\nfmt.Println({m}, len({m}))')
        elif k < 0.8:
            fn.L(f'type key struct{{ A string; B int }}\n{m} := map[key]float64{{{{"x", 1}}: 1.5, {{"a", 2}}: -2, {{"x", 0}}: 3}}\n{m}[key{{"b", -1}}] = 0.25\nfmt.Println({m}, {m}[key{{"x", 1}}])')
        elif k < 0.88:
            fn.L(f'{m} := map[float64]int{{math.NaN(): 1, 1: 2, -1: 3, math.Inf(1): 4}}\nfmt.Println(len({m}), {m}[1])\n_, ok := {m}[math.NaN()]\nfmt.Println(ok)')
            fn.L(f'fmt.Println({m})')
        else:
            fn.L(f'{m} := map[string]int{{"a": 1}}\nalias := {m}\nalias["b"] = 2\nf := func(mm map[string]int) {{ mm["c"] = 3 }}\nf({m})\nfmt.Println({m}, alias, len({m}))')
            fn.L(f'var nm map[string]int\nfmt.Println(nm == nil, len(nm), nm["x"], nm)')
    fn.seal()


def cat_methods(fn):
    rng = fn.rng
    P = fn.P
    C = fn.gname('Counter')
    B = fn.gname('Base')
    D = fn.gname('Derived')
    P.decl(f'type {C} struct{{ n int; name string; hist [3]int }}\n\n'
           f'func (c {C}) Get() int {{ return c.n }}\n\n'
           f'func (c *{C}) Add(d int) *{C} {{ c.hist[c.n%3] = d; c.n += d; return c }}\n\n'
           f'func (c {C}) AddV(d int) {C} {{ c.n += d; return c }}\n\n'
           f'func (c {C}) String() string {{ return fmt.Sprintf("%s:%d%v", c.name, c.n, c.hist) }}')
    P.decl(f'type {B} struct{{ ID int }}\n\nfunc (b {B}) Describe() string {{ return "base " + strconv.Itoa(b.ID) }}\n\n'
           f'func (b *{B}) SetID(i int) {{ b.ID = i }}\n\n'
           f'type {D} struct{{\n\t{B}\n\tName string\n}}\n\nfunc (d {D}) Name2() string {{ return d.Name + "!" }}')
    for _ in range(rng.randint(3, 6)):
        fn.seal()
        k = rng.random()
        c = fn.fresh('c')
        if k < 0.25:
            fn.L(f'{c} := {C}{{name: "{c}"}}\n{c}.Add({rng.randint(1, 5)}).Add({rng.randint(1, 5)})\nv := {c}.AddV(100)\nfmt.Println({c}.Get(), v.Get(), {c}, v)')
        elif k < 0.4:
            fn.L(f'{c} := &{C}{{name: "p", n: {rng.randint(0, 5)}}}\nget := {c}.Get\nadd := {c}.Add\n{c}.n = 50\nadd(1)\nfmt.Println(get(), {c}.Get(), *{c})')
        elif k < 0.5:
            fn.L(f'{c} := {C}{{name: "v"}}\ng := {c}.Get\n{c}.Add(7)\nfmt.Println(g(), {c}.Get())\nfe := {C}.Get\nfp := (*{C}).Add\nfp(&{c}, 2)\nfmt.Println(fe({c}), {c})')
        elif k < 0.62:
            fn.L(f'cs := []{C}{{{{name: "a"}}, {{name: "b", n: 1}}}}\nfor i := range cs {{\n\tcs[i].Add(i + 1)\n}}\nfor _, x := range cs {{\n\tx.Add(100)\n}}\nfmt.Println(cs)')
            fn.L(f'ps := map[string]*{C}{{"a": {{name: "m"}}}}\nps["a"].Add(4)\nfmt.Println(ps["a"].Get(), *ps["a"])')
        elif k < 0.75:
            fn.L(f'{c} := {D}{{{B}: {B}{{ID: {rng.randint(0, 9)}}}, Name: "d"}}\n{c}.SetID({c}.ID + 10)\nfmt.Println({c}.Describe(), {c}.Name2(), {c}.{B}.ID, {c})')
            if ok('embedded-iface'):
                fn.L(f'var di interface{{ Describe() string }} = {c}\n{c}.SetID(0)\nfmt.Println(di.Describe())\nfmt.Printf("%+v\\n", {c})')
        elif k < 0.87:
            fn.L(f'var s fmt.Stringer = {C}{{name: "s", n: 3}}\nfmt.Println(s, s.String())\nfmt.Printf("%v %s %d\\n", s, s, {C}{{n: 4}}.Get())')
            fn.L(f'pc := &{C}{{name: "q"}}\nfmt.Println(pc, *pc)\nfmt.Printf("%v|%+v\\n", pc, pc)')
        else:
            A = fn.gname(f'Arr{fn.n}')
            fn.n += 1
            P.decl(f'type {A} [4]int\n\nfunc (a {A}) Sum() (s int) {{\n\tfor _, v := range a {{\n\t\ts += v\n\t}}\n\treturn\n}}\n\nfunc (a *{A}) Set(i, v int) {{ a[i] = v }}\n\nfunc (a {A}) With(i, v int) {A} {{ a[i] = v; return a }}')
            fn.L(f'var {c} {A}\n{c}.Set(1, 5)\nw := {c}.With(2, 7)\npa := &{c}\npa.Set(3, 1)\nfmt.Println({c}, w, {c}.Sum(), w.Sum(), pa.Sum())')
    fn.seal()


def cat_generics(fn):
    rng = fn.rng
    P = fn.P
    pre = fn.gname('')
    P.decl(f'type {pre}Num interface{{ ~int | ~int8 | ~int64 | ~float64 | ~uint16 }}\n\n'
           f'type {pre}MyInt int\n\ntype {pre}MyF float64\n\n'
           f'func {pre}Map[T, U any](xs []T, f func(T) U) []U {{\n\tout := make([]U, 0, len(xs))\n\tfor _, x := range xs {{\n\t\tout = append(out, f(x))\n\t}}\n\treturn out\n}}\n\n'
           f'func {pre}Filter[T any](xs []T, keep func(T) bool) []T {{\n\tvar out []T\n\tfor _, x := range xs {{\n\t\tif keep(x) {{\n\t\t\tout = append(out, x)\n\t\t}}\n\t}}\n\treturn out\n}}\n\n'
           f'func {pre}Sum[T {pre}Num](xs ...T) T {{\n\tvar s T\n\tfor _, x := range xs {{\n\t\ts += x\n\t}}\n\treturn s\n}}\n\n'
           f'func {pre}Reduce[T, A any](xs []T, init A, f func(A, T) A) A {{\n\tacc := init\n\tfor _, x := range xs {{\n\t\tacc = f(acc, x)\n\t}}\n\treturn acc\n}}\n\n'
           f'func {pre}Max[T int | float64 | string | {pre}MyInt](a, b T) T {{\n\tif a > b {{\n\t\treturn a\n\t}}\n\treturn b\n}}\n\n'
           f'type {pre}Stack[T any] struct{{ items []T }}\n\nfunc (s *{pre}Stack[T]) Push(v T) {{ s.items = append(s.items, v) }}\n\n'
           f'func (s *{pre}Stack[T]) Pop() (T, bool) {{\n\tvar zero T\n\tif len(s.items) == 0 {{\n\t\treturn zero, false\n\t}}\n\tv := s.items[len(s.items)-1]\n\ts.items = s.items[:len(s.items)-1]\n\treturn v, true\n}}\n\n'
           f'type {pre}Pair[K comparable, V any] struct{{\n\tKey K\n\tVal V\n}}\n\n'
           f'func {pre}Keys[K comparable, V any](m map[K]V, less func(a, b K) bool) []K {{\n\tvar ks []K\n\tfor k := range m {{\n\t\tks = append(ks, k)\n\t}}\n\tsort.Slice(ks, func(i, j int) bool {{ return less(ks[i], ks[j]) }})\n\treturn ks\n}}')
    for _ in range(rng.randint(3, 6)):
        fn.seal()
        k = rng.random()
        if k < 0.2:
            t = rng.choice(['int', 'int8', 'float64', f'{pre}MyInt', f'{pre}MyF', 'uint16', 'int64'])
            vals = [str(rng.randint(0, 100)) for _ in range(rng.randint(0, 6))]
            if t in ('int8',):
                vals = [str(rng.randint(0, 100)) for _ in range(rng.randint(2, 6))]
            fn.L(f'fmt.Println({pre}Sum[{t}]({", ".join(vals)}))')
            fn.L(f'fmt.Printf("%v %T\\n", {pre}Sum([]{t}{{{", ".join(vals)}}}...), {pre}Sum([]{t}{{{", ".join(vals)}}}...))')
        elif k < 0.4:
            xs = '[]int{' + ', '.join(str(rng.randint(-20, 20)) for _ in range(rng.randint(0, 8))) + '}'
            fn.L(f'xs := {xs}\nsq := {pre}Map(xs, func(x int) int {{ return x * x }})\nev := {pre}Filter(sq, func(x int) bool {{ return x%2 == 0 }})\nstrs := {pre}Map(ev, strconv.Itoa)')
            fn.L(f'fmt.Println(sq, ev, strs, len(strs), {pre}Sum(ev...))\nfmt.Printf("%q\\n", strs)')
            fn.L(f'fmt.Println({pre}Reduce(xs, "", func(a string, x int) string {{ return a + fmt.Sprint(x%10) }}))')
        elif k < 0.55:
            fn.L(f'fmt.Println({pre}Max(3, 7), {pre}Max(2.5, -1), {pre}Max("abc", "abd"), {pre}Max[{pre}MyInt](5, 4))')
            fn.L(f'fmt.Printf("%T %v\\n", {pre}Max({pre}MyInt(1), 2), {pre}Max({pre}MyInt(1), 2))')
        elif k < 0.7:
            t = rng.choice(['int', 'string', f'{pre}Pair[string, int]', '[2]bool'])
            vals = {'int': ['1', '2', '3'], 'string': ['"a"', '"b"', '"c"'], f'{pre}Pair[string, int]': ['{"a", 1}', '{"b", 2}', '{Key: "c"}'],
                    '[2]bool': ['{true}', '{false, true}', '{}']}[t]
            fn.L(f'var st {pre}Stack[{t}]')
            for v in vals[:rng.randint(1, 3)]:
                fn.L(f'st.Push({t}{v})' if v.startswith('{') else f'st.Push({v})')
            fn.L('for {\n\tv, ok := st.Pop()\n\tif !ok {\n\t\tfmt.Printf("empty %v %+v\\n", v, ok)\n\t\tbreak\n\t}\n\tfmt.Printf("%v %+v\\n", v, v)\n}')
        elif k < 0.85:
            fn.L(f'm := map[string]float64{{"z": 1, "a": 2.5, "m": -1}}\nfor _, k := range {pre}Keys(m, func(a, b string) bool {{ return a < b }}) {{\n\tfmt.Print(k, m[k], " ")\n}}\nfmt.Println()')
            fn.L(f'p := {pre}Pair[int, []string]{{Key: 3, Val: []string{{"x"}}}}\nfmt.Printf("%v %+v\\n", p, p)')
        else:
            fn.L(f'fs := {pre}Map([]float64{{1.5, 2.25, -3}}, func(f float64) {pre}MyF {{ return {pre}MyF(f * 2) }})\nfmt.Println(fs, {pre}Sum(fs...))')
            fn.L(f'cnt := {pre}Reduce([]string{{"a", "bb", "ccc"}}, map[int]int{{}}, func(m map[int]int, s string) map[int]int {{ m[len(s)%2]++; return m }})\nfmt.Println(cnt)')
    fn.seal()


def cat_slices(fn):
    """Slices: append growth (cap), aliasing through shared backing arrays, copy, 3-index slices, sort."""
    rng = fn.rng
    start_line = len(fn.lines)
    for _ in range(rng.randint(3, 6)):
        fn.seal()
        k = rng.random()
        et = rng.choice(['int', 'int8', 'string', 'struct{ a, b, c int64 }', 'float32', '[5]byte', 'bool', 'any'])
        zero = {'int': '1', 'int8': '1', 'string': '"s"', 'struct{ a, b, c int64 }': '{}', 'float32': '1.5',
                '[5]byte': '{}', 'bool': 'true', 'any': 'nil'}[et]
        ztyped = zero if not zero.startswith('{') else f'{et}{zero}'
        if k < 0.2:
            n = rng.randint(1, 40)
            start = rng.choice(['nil', f'make([]{et}, 0, {rng.randint(0, 5)})', f'make([]{et}, {rng.randint(0, 3)})'])
            fn.L(f'var s []{et} = {start}\nvar caps []int\nfor i := 0; i < {n}; i++ {{\n\ts = append(s, {ztyped})\n\tcaps = append(caps, cap(s))\n}}\nfmt.Println(len(s), caps)')
        elif k < 0.35:
            m = rng.randint(0, 70)
            fn.L(f's := make([]{et}, {rng.randint(0, 6)}, {rng.randint(6, 9)})\ns = append(s, make([]{et}, {m})...)\nfmt.Println(len(s), cap(s))')
            fn.L(f'b := append([]byte("{"x" * rng.randint(0, 40)}"), "{"yz" * rng.randint(0, 20)}"...)\nfmt.Println(len(b), cap(b))')
        elif k < 0.55:
            n = rng.randint(3, 7)
            i, j = sorted(rng.sample(range(n + 1), 2))
            c = rng.randint(j, n)
            fn.L(f'a := make([]int, {n})\nfor i := range a {{\n\ta[i] = i * 10\n}}')
            fn.L(f'x := a[{i}:{j}:{c}]\ny := append(x, 1)\nz := append(x, 2, 3)\nfmt.Println(a, x, y, z, len(x), cap(x), len(z), cap(z))')
            fn.L(f'y[0]++\nfmt.Println(a, x, y, z)')
        elif k < 0.7:
            n = rng.randint(2, 8)
            fn.L(f'a := []int{{{", ".join(str(rng.randint(0, 9)) for _ in range(n))}}}')
            form = rng.choice([f'copy(a[{rng.randint(0, n - 1)}:], a)', f'copy(a, a[{rng.randint(0, n - 1)}:])',
                               f'a = append(a[:{rng.randint(0, n - 1)}], a[{rng.randint(0, n - 1)}:]...)',
                               f'a = append(a[:1], a...)', f'copy(a, "hey")' if False else f'a = a[:copy(a, []int{{7, 8}})]',
                               f'a = slices_reverse(a)'])
            if 'slices_reverse' in form:
                form = 'for i, j := 0, len(a)-1; i < j; i, j = i+1, j-1 {\n\ta[i], a[j] = a[j], a[i]\n}'
            fn.L(form if form.startswith(('a =', 'for')) else f'n := {form}\nfmt.Println(n)')
            fn.L('fmt.Println(a, len(a))')
            fn.L(f'bs := make([]byte, {rng.randint(0, 6)})\nfmt.Println(copy(bs, "héllo"), bs)')
        elif k < 0.85:
            n = rng.randint(0, 9)
            vals = [str(rng.randint(-5, 5)) for _ in range(n)]
            fn.L(f'a := []int{{{", ".join(vals)}}}\nsort.Ints(a)\nfmt.Println(a, sort.SearchInts(a, 2), sort.IntsAreSorted(a))')
            fn.L(f'type kv struct{{ k string; v int }}\nkvs := []kv{{{", ".join(f"{{{chr(97 + rng.randint(0, 3))!r}, {rng.randint(0, 3)}}}".replace(chr(39), chr(34)) for _ in range(n))}}}\nsort.SliceStable(kvs, func(i, j int) bool {{ return kvs[i].v < kvs[j].v }})\nfmt.Println(kvs)')
            fn.L(f'ss := strings.Fields({str_lit(rng)} + " b a c a")\nsort.Strings(ss)\nfmt.Printf("%q\\n", ss)\nsort.Sort(sort.Reverse(sort.StringSlice(ss)))\nfmt.Println(ss)')
        else:
            fn.L(f'var ns []int\nes := []int{{}}\nfmt.Println(ns == nil, es == nil, len(ns), cap(es), ns, es)\nfmt.Printf("%v %d %#v %#v\\n", ns, es, ns, es)')
            fn.L(f'arr := [5]int{{1, 2, 3, 4, 5}}\nsl := arr[1:{rng.randint(2, 5)}]\nsl[0] = 20\nsl = append(sl, 60)\nfmt.Println(arr, sl, len(sl), cap(sl))')
            fn.L(f'p := (*[2]int)(arr[:])\np[1] = 99\nq := [3]int(arr[2:])\nq[0] = -1\nfmt.Println(arr, *p, q)')
    fn.seal()
    if not ok('append-cap'):
        fn.lines[start_line:] = [l.replace('cap(', 'len(') for l in fn.lines[start_line:]]


def cat_floatcmp(fn):
    """Comparisons of floats inside arrays, structs and interfaces (NaN, signed zero), float map keys."""
    rng = fn.rng
    vals = ['math.NaN()', 'math.Copysign(0, -1)', '0', '1', 'math.Inf(-1)', '0.1', '-0.0']
    fn.L('nz0 := math.Copysign(0, -1)\n_ = nz0')
    for _ in range(rng.randint(3, 6)):
        fn.seal()
        a, b = rng.choice(vals), rng.choice(vals)
        k = rng.random()
        if k < 0.25:
            fn.L(f'x, y := [2]float64{{{a}, 1}}, [2]float64{{{b}, 1}}\nfmt.Println(x == y, x != y, x[0] == y[0])')
        elif k < 0.45:
            fn.L(f'type P struct{{ F float64; S string }}\nx, y := P{{{a}, "s"}}, P{{{b}, "s"}}\nfmt.Println(x == y, x != y, x.F == y.F)')
            fn.L('var ex, ey any = x, y\nfmt.Println(ex == ey, ex == x)')
        elif k < 0.6:
            fn.L(f'var ex, ey any = {a}, {b}\nfmt.Println(ex == ey, ex == ex, ey != ey)')
            fn.L(f'f32a, f32b := float32({a}), float32({b})\nfmt.Println(f32a == f32b, [1]float32{{f32a}} == [1]float32{{f32b}})')
        elif k < 0.8:
            # Two NaN keys print in map iteration order (random in Go): print the map only
            # when at most one key can be NaN.
            show = 'm' if 'NaN' not in a or 'NaN' not in b else 'len(m)'
            fn.L(f'm := map[float64]string{{}}\nm[{a}] = "a"\nm[{b}] = "b"\nm[nz0] = "negzero"\nfmt.Println(len(m), m[0], {show})')
            fn.L(f'v, ok := m[{b}]\nfmt.Println(v, ok)')
        else:
            fn.L(f'type K struct{{ F float64 }}\nm := map[K]int{{}}\nm[K{{{a}}}]++\nm[K{{{b}}}]++\nm[K{{0}}]++\nfmt.Println(len(m), m[K{{0}}])')
            fn.L(f'am := map[[2]float64]int{{{{0, 1}}: 1}}\nam[[2]float64{{nz0, 1}}]++\nfmt.Println(am)')
    fn.seal()


def cat_errors(fn):
    rng = fn.rng
    P = fn.P
    E = fn.gname('Err')
    V = fn.gname('VErr')
    P.decl(f'type {E} struct{{ Code int }}\n\nfunc (e *{E}) Error() string {{ return "code " + strconv.Itoa(e.Code) }}\n\n'
           f'type {V} string\n\nfunc (v {V}) Error() string {{ return "verr:" + string(v) }}\n\n'
           f'var {fn.gname("Sentinel")} = errors.New("sentinel")')
    sent = fn.gname('Sentinel')
    for _ in range(rng.randint(3, 6)):
        fn.seal()
        k = rng.random()
        base = rng.choice([sent, f'&{E}{{{rng.randint(1, 9)}}}', f'{V}("x")', 'errors.New("plain")'])
        depth = rng.randint(0, 3)
        fn.L(f'var err error = {base}')
        for d in range(depth):
            fn.L(rng.choice([f'err = fmt.Errorf("layer{d}: %w", err)', f'err = fmt.Errorf("l{d} %v", err)',
                             f'err = errors.Join(err, errors.New("j{d}"))', f'err = fmt.Errorf("two: %w + %w", err, {sent})']))
        if k < 0.5:
            fn.L(f'var pe *{E}\nvar ve {V}\nfmt.Println(err, errors.Is(err, {sent}), errors.As(err, &pe), errors.As(err, &ve))')
            fn.L('if pe != nil {\n\tfmt.Println("code", pe.Code)\n}\nfmt.Printf("%v|%q\\n", ve, err.Error())')
        elif k < 0.75:
            fn.L('for e := err; e != nil; e = errors.Unwrap(e) {\n\tfmt.Printf("%T %v\\n", e, e)\n}')
        else:
            fn.L(f'var target error = {sent}\nfmt.Println(err == target, errors.Is(err, target), err != nil)')
            fn.L(f'f := func(fail bool) (n int, err error) {{\n\tdefer func() {{\n\t\tif err != nil {{\n\t\t\terr = fmt.Errorf("wrapped: %w", err)\n\t\t}}\n\t}}()\n\tif fail {{\n\t\treturn -1, &{E}{{42}}\n\t}}\n\treturn 1, nil\n}}')
            fn.L('n1, e1 := f(true)\nn2, e2 := f(false)\nfmt.Println(n1, e1, n2, e2, e2 == nil)')
            fn.L(f'var typedNil *{E}\nvar asErr error = typedNil\nfmt.Println(asErr == nil, typedNil == nil)')
    fn.seal()


def cat_control(fn):
    """Labeled break/continue, switch with fallthrough, goto, range over functions (iterators)."""
    rng = fn.rng
    for _ in range(rng.randint(2, 4)):
        fn.seal()
        k = rng.random()
        n1, n2 = rng.randint(1, 5), rng.randint(1, 5)
        c1, c2, c3 = rng.randint(0, 5), rng.randint(0, 5), rng.randint(0, 5)
        lab = fn.fresh('L')
        if k < 0.4:
            fn.L(f'total := 0\n{lab}outer:\nfor i := 0; i < {n1}; i++ {{\n\tfor j := range {n2} {{\n\t\tswitch {{\n\t\tcase j == {c1}:\n\t\t\tcontinue {lab}outer\n\t\tcase i == {c2}:\n\t\t\tbreak {lab}outer\n\t\tcase (i+j)%3 == {c3 % 3}:\n\t\t\ttotal += 100\n\t\t\tfallthrough\n\t\tcase i > j:\n\t\t\ttotal += i * j\n\t\tdefault:\n\t\t\ttotal--\n\t\t}}\n\t\tfmt.Print(i, j, ";")\n\t}}\n}}\nfmt.Println(total)')
        elif k < 0.55:
            fn.L(f'i := 0\nacc := ""\n{lab}loop:\nif i < {n1 + 2} {{\n\tacc += strconv.Itoa(i)\n\ti++\n\tif i == {c1} {{\n\t\tgoto {lab}done\n\t}}\n\tgoto {lab}loop\n}}\n{lab}done:\nfmt.Println(acc, i)')
        elif k < 0.8:
            stop = rng.randint(0, 8)
            fn.L(f'seq := func(n int) func(func(int, string) bool) {{\n\treturn func(yield func(int, string) bool) {{\n\t\tdefer fmt.Print("[seq done]")\n\t\tfor i := range n {{\n\t\t\tif !yield(i, strings.Repeat("*", i)) {{\n\t\t\t\tfmt.Print("[stopped]")\n\t\t\t\treturn\n\t\t\t}}\n\t\t}}\n\t}}\n}}')
            fn.L(f'for i, s := range seq({rng.randint(0, 8)}) {{\n\tif i == {stop} {{\n\t\tbreak\n\t}}\n\tif i%2 == 1 {{\n\t\tcontinue\n\t}}\n\tfmt.Print(i, s, " ")\n}}\nfmt.Println()')
            fn.L(f'count := 0\nfor range seq({rng.randint(0, 5)}) {{\n\tcount++\n}}\nfmt.Println(count)')
            fn.L(f'find := func() int {{\n\tfor i := range seq(9) {{\n\t\tif i*i > {rng.randint(0, 40)} {{\n\t\t\treturn i\n\t\t}}\n\t}}\n\treturn -1\n}}\nfmt.Println(find())')
        else:
            v = rng.choice(['3', '"b"', '2.5', 'true', "'x'"])
            fn.L(f'var x any = {v}\nswitch x {{\ncase 3, "a":\n\tfmt.Println("three or a")\ncase "b":\n\tfmt.Println("b")\n\tfallthrough\ncase 2.5:\n\tfmt.Println("2.5 or fell")\ndefault:\n\tfmt.Println("default", x)\n}}')
            fn.L(f'switch y := {rng.randint(0, 6)}; {{\ncase y < 2:\n\tfmt.Println("small")\ncase y < 4:\n\tfmt.Println("mid")\n\tfallthrough\ncase y > 100:\n\tfmt.Println("fell")\n}}')
    fn.seal()


CATEGORIES = [
    ('intarith', cat_intarith, 14), ('intconst', cat_intconst, 3), ('float', cat_float, 8), ('strings', cat_strings, 8),
    ('order', cat_order, 5), ('order-unspec', cat_order, 3),  # --avoid order-unspec drops it
    ('storage', cat_storage, 12), ('composite', cat_composite, 6), ('iface', cat_iface, 7),
    ('closures', cat_closures, 6), ('defer', cat_defer, 7), ('goroutines', cat_goroutines, 5), ('maps', cat_maps, 6),
    ('methods', cat_methods, 5), ('generics', cat_generics, 5), ('slices', cat_slices, 6),
    ('floatcmp', cat_floatcmp, 3), ('errors', cat_errors, 3), ('control', cat_control, 3),
]

FINAL_PANICS = [
    'panic("final boom")', 'panic(42)', 'panic(errors.New("final error"))', 'var m map[int]int\n\tm[1] = 2',
    'a := []int{1}\n\ti := 3\n\tfmt.Println(a[i])', 'x := 0\n\tfmt.Println(1 / x)', 'var e any = 1.5\n\tfmt.Println(e.(string))',
    'panic(fmt.Sprintf("v %d", 7))', 'panic(int8(-3))', 'panic(3.5)', 'panic(true)', 'var p *[2]int\n\tp[1] = 3',
    'panic(fmt.Errorf("w %w", errors.New("x")))', 'type MyErr string\n\tpanic(MyErr("custom"))',
    'defer fmt.Println("deferred before crash")\n\tpanic("with defer")',
    'defer func() {\n\t\tpanic("in defer")\n\t}()\n\tpanic("original")',
    'defer func() {\n\t\tr := recover()\n\t\tpanic(fmt.Sprint("again ", r))\n\t}()\n\tpanic("first")',
]


def generate(seed, nfuncs=20):
    P = Prog(seed)
    rng = P.rng
    funcs = []
    bodies = []
    cats = [c for c in CATEGORIES if ok(c[0])]
    total = sum(w for _, _, w in cats)
    for i in range(nfuncs):
        r = rng.uniform(0, total)
        for name, f, w in cats:
            r -= w
            if r <= 0:
                break
        fname = f't{i}'
        fn = Fn(P, fname, name)
        f(fn)
        funcs.append((fname, name))
        bodies.append(f'// category: {name}\nfunc {fname}() {{\n' + '\n'.join(fn.lines) + '\n}')
    out = [PRELUDE]
    out += P.decls
    out += bodies
    main = ['func main() {']
    for fname, _ in funcs:
        main.append(f'\trun("{fname}", {fname})')
    if rng.random() < 0.12:
        main.append('\tfmt.Println("### final")')
        main.append('\t' + rng.choice(FINAL_PANICS))
        funcs.append(('final', 'uncaught-panic'))
    main.append('}')
    out.append('\n'.join(main))
    return '\n\n'.join(out) + '\n', funcs


if __name__ == '__main__':
    # python3 scripts/difftest_gen.py SEED [FUNCS [AVOID,...]]  -- prints the program difftest.py runs for SEED
    import sys
    if len(sys.argv) > 3:
        AVOID.update(x for x in sys.argv[3].split(',') if x)
    src, _ = generate(int(sys.argv[1]) if len(sys.argv) > 1 else 1, int(sys.argv[2]) if len(sys.argv) > 2 else 20)
    sys.stdout.write(src)
