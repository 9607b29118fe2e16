//! Go's `fmt` scanning (`Sscan`, `Sscanln`, `Sscanf`, and `Fscan*` over any rune source), a
//! port of `fmt/scan.go`: the same token rules, the same handling of spaces and newlines, the
//! same error texts ("expected integer", "unexpected newline", "input does not match
//! format", `strconv.ParseInt: parsing "x": value out of range`, "EOF", "unexpected EOF").
//!
//! The VM describes each operand by a [`ScanTarget`] (from the pointer's element kind) and
//! stores the returned [`ScanValue`]s into operands `0..values.len()` (Go's `n`); `err` is the
//! error's text. Custom `Scanner` implementations are not supported.
//!
//! Reading: Go wraps a plain `io.Reader` (like `os.Stdin`) in a one-rune lookahead that is
//! dropped when the call returns, so `fmt.Scan` consumes the delimiter after the last token;
//! a reader that is an `io.RuneScanner` (`*bufio.Reader`, `*strings.Reader`) gets the rune
//! pushed back instead. [`BytesReader`] behaves like Go's reader over a string (`Sscan*`).

use super::strconv;
use super::utf8::{self, Rune};

/// A rune source with one rune of pushback (Go's `io.RuneScanner`).
pub trait RuneSource {
    /// The next rune (invalid UTF-8 bytes decode as U+FFFD, one byte each), or None at EOF.
    fn read_rune(&mut self) -> Option<Rune>;
    /// Pushes the last rune read back.
    fn unread_rune(&mut self);
}

/// A rune source over a byte string; `pos()` tells how much was consumed.
pub struct BytesReader<'a> {
    s: &'a [u8],
    pos: usize,
    last: usize,
}

impl<'a> BytesReader<'a> {
    pub fn new(s: &'a [u8]) -> Self {
        BytesReader { s, pos: 0, last: 0 }
    }
    /// Bytes consumed so far.
    pub fn pos(&self) -> usize {
        self.pos
    }
}

impl RuneSource for BytesReader<'_> {
    fn read_rune(&mut self) -> Option<Rune> {
        if self.pos >= self.s.len() {
            self.last = 0;
            return None;
        }
        let (r, w) = utf8::decode_rune(&self.s[self.pos..]);
        self.pos += w;
        self.last = w;
        Some(r)
    }
    fn unread_rune(&mut self) {
        self.pos -= self.last;
        self.last = 0;
    }
}

/// What an operand points to (by kind; named types use their underlying kind).
#[derive(Debug, Clone, PartialEq)]
pub enum ScanTarget {
    Bool,
    /// Signed integer of the given bit size (int is 64).
    Int(u32),
    /// Unsigned integer of the given bit size.
    Uint(u32),
    /// float32 (32) or float64 (64).
    Float(u32),
    /// complex64 (64) or complex128 (128).
    Complex(u32),
    String,
    /// `[]byte` (or a slice of a uint8 kind).
    Bytes,
    /// Anything else, with Go's type string of the operand (e.g. `"*main.T"`, `"main.T"` for
    /// a non-pointer): scanning it fails with Go's message.
    Other {
        type_string: String,
        is_pointer: bool,
    },
}

/// A scanned value for the operand of the same index.
#[derive(Debug, Clone, PartialEq)]
pub enum ScanValue {
    Bool(bool),
    Int(i64),
    Uint(u64),
    Float(f64),
    Complex(f64, f64),
    Str(Vec<u8>),
}

/// The result of a scan: values for operands `0..n`, and the error text if any.
#[derive(Debug, Clone, PartialEq)]
pub struct ScanResult {
    pub values: Vec<ScanValue>,
    pub err: Option<Vec<u8>>,
}

const EOF: Rune = -1;
const HUGE_WID: usize = 1 << 30;

/// A scan failure: Go's `scanError` or a bare `io.EOF`.
struct ScanErr(Vec<u8>);

type Res<T> = Result<T, ScanErr>;

fn err<T>(s: &str) -> Res<T> {
    Err(ScanErr(s.as_bytes().to_vec()))
}

/// Go's `isSpace` (fmt's own table).
fn is_space(r: Rune) -> bool {
    const SPACE: [(Rune, Rune); 10] = [
        (0x0009, 0x000d),
        (0x0020, 0x0020),
        (0x0085, 0x0085),
        (0x00a0, 0x00a0),
        (0x1680, 0x1680),
        (0x2000, 0x200a),
        (0x2028, 0x2029),
        (0x202f, 0x202f),
        (0x205f, 0x205f),
        (0x3000, 0x3000),
    ];
    if !(0..1 << 16).contains(&r) {
        return false;
    }
    for (lo, hi) in SPACE {
        if r < lo {
            return false;
        }
        if r <= hi {
            return true;
        }
    }
    false
}

/// Go's `ss`.
struct Ss<'r, R: RuneSource> {
    rs: &'r mut R,
    buf: Vec<u8>,
    count: usize,
    at_eof: bool,
    nl_is_end: bool,
    nl_is_space: bool,
    arg_limit: usize,
    limit: usize,
    max_wid: usize,
}

const BINARY: &str = "01";
const OCTAL: &str = "01234567";
const DECIMAL: &str = "0123456789";
const HEX: &str = "0123456789aAbBcCdDeEfF";
const SIGN: &str = "+-";
const PERIOD: &str = ".";
const EXPONENT: &str = "eEpP";
const FLOAT_VERBS: &str = "beEfFgGv";

fn index_rune(s: &str, r: Rune) -> bool {
    s.chars().any(|c| c as Rune == r)
}

impl<'r, R: RuneSource> Ss<'r, R> {
    fn new(rs: &'r mut R, nl_is_space: bool, nl_is_end: bool) -> Self {
        Ss {
            rs,
            buf: Vec::new(),
            count: 0,
            at_eof: false,
            nl_is_end,
            nl_is_space,
            arg_limit: HUGE_WID,
            limit: HUGE_WID,
            max_wid: HUGE_WID,
        }
    }

    fn get_rune(&mut self) -> Rune {
        if self.at_eof || self.count >= self.arg_limit {
            return EOF;
        }
        match self.rs.read_rune() {
            Some(r) => {
                self.count += 1;
                if self.nl_is_end && r == '\n' as Rune {
                    self.at_eof = true;
                }
                r
            }
            None => {
                self.at_eof = true;
                EOF
            }
        }
    }

    fn must_read_rune(&mut self) -> Res<Rune> {
        let r = self.get_rune();
        if r == EOF {
            return err("unexpected EOF");
        }
        Ok(r)
    }

    fn unread_rune(&mut self) {
        self.rs.unread_rune();
        self.at_eof = false;
        self.count -= 1;
    }

    fn write_rune(&mut self, r: Rune) {
        utf8::encode_rune(&mut self.buf, r);
    }

    fn skip_space(&mut self) -> Res<()> {
        loop {
            let r = self.get_rune();
            if r == EOF {
                return Ok(());
            }
            if r == '\r' as Rune && self.peek("\n") {
                continue;
            }
            if r == '\n' as Rune {
                if self.nl_is_space {
                    continue;
                }
                return err("unexpected newline");
            }
            if !is_space(r) {
                self.unread_rune();
                return Ok(());
            }
        }
    }

    fn token_not_space(&mut self) -> Res<()> {
        self.skip_space()?;
        loop {
            let r = self.get_rune();
            if r == EOF {
                break;
            }
            if is_space(r) {
                self.unread_rune();
                break;
            }
            self.write_rune(r);
        }
        Ok(())
    }

    fn consume(&mut self, ok: &str, accept: bool) -> bool {
        let r = self.get_rune();
        if r == EOF {
            return false;
        }
        if index_rune(ok, r) {
            if accept {
                self.write_rune(r);
            }
            return true;
        }
        if accept {
            self.unread_rune();
        }
        false
    }

    fn peek(&mut self, ok: &str) -> bool {
        let r = self.get_rune();
        if r != EOF {
            self.unread_rune();
        }
        index_rune(ok, r)
    }

    /// `notEOF`: io.EOF (not a scanError) when the input is exhausted.
    fn not_eof(&mut self) -> Res<()> {
        if self.get_rune() == EOF {
            return err("EOF");
        }
        self.unread_rune();
        Ok(())
    }

    fn accept(&mut self, ok: &str) -> bool {
        self.consume(ok, true)
    }

    fn ok_verb(&mut self, verb: char, ok_verbs: &str, typ: &str) -> Res<()> {
        if ok_verbs.contains(verb) {
            return Ok(());
        }
        Err(ScanErr(
            format!("bad verb '%{verb}' for {typ}").into_bytes(),
        ))
    }

    fn scan_bool(&mut self, verb: char) -> Res<bool> {
        self.skip_space()?;
        self.not_eof()?;
        self.ok_verb(verb, "tv", "boolean")?;
        let bad = || err("syntax error scanning boolean");
        match char::from_u32(self.get_rune() as u32).unwrap_or('\0') {
            '0' => Ok(false),
            '1' => Ok(true),
            't' | 'T' => {
                if self.accept("rR") && (!self.accept("uU") || !self.accept("eE")) {
                    return bad();
                }
                Ok(true)
            }
            'f' | 'F' => {
                if self.accept("aA")
                    && (!self.accept("lL") || !self.accept("sS") || !self.accept("eE"))
                {
                    return bad();
                }
                Ok(false)
            }
            _ => Ok(false),
        }
    }

    fn get_base(&mut self, verb: char) -> Res<(i64, &'static str)> {
        self.ok_verb(verb, "bdoUxXv", "integer")?;
        Ok(match verb {
            'b' => (2, BINARY),
            'o' => (8, OCTAL),
            'x' | 'X' | 'U' => (16, HEX),
            _ => (10, DECIMAL),
        })
    }

    fn scan_number(&mut self, digits: &str, have_digits: bool) -> Res<Vec<u8>> {
        if !have_digits {
            self.not_eof()?;
            if !self.accept(digits) {
                return err("expected integer");
            }
        }
        while self.accept(digits) {}
        Ok(self.buf.clone())
    }

    fn scan_rune(&mut self, bit_size: u32) -> Res<i64> {
        self.not_eof()?;
        let r = self.get_rune() as i64;
        let n = bit_size.clamp(1, 64);
        let x = (r << (64 - n)) >> (64 - n);
        if x != r {
            let mut m = b"overflow on character value ".to_vec();
            utf8::encode_rune(&mut m, r as Rune);
            return Err(ScanErr(m));
        }
        Ok(r)
    }

    fn scan_base_prefix(&mut self) -> (i64, &'static str, bool) {
        if !self.peek("0") {
            return (0, "0123456789_", false);
        }
        self.accept("0");
        if self.peek("bB") {
            self.consume("bB", true);
            (0, "01_", true)
        } else if self.peek("oO") {
            self.consume("oO", true);
            (0, "01234567_", true)
        } else if self.peek("xX") {
            self.consume("xX", true);
            (0, "0123456789aAbBcCdDeEfF_", true)
        } else {
            (0, "01234567_", true)
        }
    }

    fn scan_int(&mut self, verb: char, bit_size: u32) -> Res<i64> {
        if verb == 'c' {
            return self.scan_rune(bit_size);
        }
        self.skip_space()?;
        self.not_eof()?;
        let (mut base, mut digits) = self.get_base(verb)?;
        let mut have_digits = false;
        if verb == 'U' {
            if !self.consume("U", false) || !self.consume("+", false) {
                return err("bad unicode format ");
            }
        } else {
            self.accept(SIGN);
            if verb == 'v' {
                (base, digits, have_digits) = self.scan_base_prefix();
            }
        }
        let tok = self.scan_number(digits, have_digits)?;
        let i = strconv::parse_int(&tok, base, 64).map_err(|(_, e)| ScanErr(e.message()))?;
        let n = bit_size.clamp(1, 64);
        let x = (i << (64 - n)) >> (64 - n);
        if x != i {
            let mut m = b"integer overflow on token ".to_vec();
            m.extend_from_slice(&tok);
            return Err(ScanErr(m));
        }
        Ok(i)
    }

    fn scan_uint(&mut self, verb: char, bit_size: u32) -> Res<u64> {
        if verb == 'c' {
            return Ok(self.scan_rune(bit_size)? as u64);
        }
        self.skip_space()?;
        self.not_eof()?;
        let (mut base, mut digits) = self.get_base(verb)?;
        let mut have_digits = false;
        if verb == 'U' {
            if !self.consume("U", false) || !self.consume("+", false) {
                return err("bad unicode format ");
            }
        } else if verb == 'v' {
            (base, digits, have_digits) = self.scan_base_prefix();
        }
        let tok = self.scan_number(digits, have_digits)?;
        let i = strconv::parse_uint(&tok, base, 64).map_err(|(_, e)| ScanErr(e.message()))?;
        let n = bit_size.clamp(1, 64);
        let x = (i << (64 - n)) >> (64 - n);
        if x != i {
            let mut m = b"unsigned integer overflow on token ".to_vec();
            m.extend_from_slice(&tok);
            return Err(ScanErr(m));
        }
        Ok(i)
    }

    fn float_token(&mut self) -> Vec<u8> {
        self.buf.clear();
        // NaN?
        if self.accept("nN") && self.accept("aA") && self.accept("nN") {
            return self.buf.clone();
        }
        // leading sign?
        self.accept(SIGN);
        // Inf?
        if self.accept("iI") && self.accept("nN") && self.accept("fF") {
            return self.buf.clone();
        }
        let mut digits = "0123456789_";
        let mut exp = EXPONENT;
        if self.accept("0") && self.accept("xX") {
            digits = "0123456789aAbBcCdDeEfF_";
            exp = "pP";
        }
        while self.accept(digits) {}
        if self.accept(PERIOD) {
            while self.accept(digits) {}
        }
        if self.accept(exp) {
            self.accept(SIGN);
            while self.accept("0123456789_") {}
        }
        self.buf.clone()
    }

    fn convert_float(&mut self, s: &[u8], n: i64) -> Res<f64> {
        // strconv.ParseFloat handles "+0x1.fp+2", but we have to implement our
        // non-standard decimal+binary exponent mix (1.2p4) ourselves.
        if let Some(p) = s.iter().position(|&c| c == b'p') {
            if !s.iter().any(|&c| c == b'x' || c == b'X') {
                let f = strconv::parse_float(&s[..p], n).map_err(|(_, mut e)| {
                    e.num = s.to_vec();
                    ScanErr(e.message())
                })?;
                let m = strconv::atoi(&s[p + 1..]).map_err(|(_, mut e)| {
                    e.num = s.to_vec();
                    ScanErr(e.message())
                })?;
                return Ok(super::math::ldexp(f, m));
            }
        }
        strconv::parse_float(s, n).map_err(|(_, e)| ScanErr(e.message()))
    }

    fn scan_complex(&mut self, verb: char, n: u32) -> Res<(f64, f64)> {
        self.ok_verb(verb, FLOAT_VERBS, "complex")?;
        self.skip_space()?;
        self.not_eof()?;
        let bad = || err("syntax error scanning complex number");
        let parens = self.accept("(");
        let sreal = self.float_token();
        self.buf.clear();
        if !self.accept("+-") {
            return bad();
        }
        let mut simag = self.buf.clone();
        simag.extend_from_slice(&self.float_token());
        if !self.accept("i") {
            return bad();
        }
        if parens && !self.accept(")") {
            return bad();
        }
        let re = self.convert_float(&sreal, (n / 2) as i64)?;
        let im = self.convert_float(&simag, (n / 2) as i64)?;
        Ok((re, im))
    }

    fn convert_string(&mut self, verb: char) -> Res<Vec<u8>> {
        self.ok_verb(verb, "svqxX", "string")?;
        self.skip_space()?;
        self.not_eof()?;
        match verb {
            'q' => self.quoted_string(),
            'x' | 'X' => self.hex_string(),
            _ => {
                self.token_not_space()?;
                Ok(self.buf.clone())
            }
        }
    }

    fn quoted_string(&mut self) -> Res<Vec<u8>> {
        self.not_eof()?;
        let quote = self.get_rune();
        if quote == '`' as Rune {
            loop {
                let r = self.must_read_rune()?;
                if r == quote {
                    break;
                }
                self.write_rune(r);
            }
            return Ok(self.buf.clone());
        }
        if quote == '"' as Rune {
            self.buf.push(b'"');
            loop {
                let r = self.must_read_rune()?;
                self.write_rune(r);
                if r == '\\' as Rune {
                    let r2 = self.must_read_rune()?;
                    self.write_rune(r2);
                } else if r == '"' as Rune {
                    break;
                }
            }
            return strconv::unquote(&self.buf).map_err(|()| ScanErr(b"invalid syntax".to_vec()));
        }
        err("expected quoted string")
    }

    fn hex_byte(&mut self) -> Res<Option<u8>> {
        let hex = |r: Rune| -> Option<u8> {
            match r {
                0x30..=0x39 => Some((r - 0x30) as u8),
                0x61..=0x66 => Some((r - 0x61 + 10) as u8),
                0x41..=0x46 => Some((r - 0x41 + 10) as u8),
                _ => None,
            }
        };
        let r1 = self.get_rune();
        if r1 == EOF {
            return Ok(None);
        }
        let Some(v1) = hex(r1) else {
            self.unread_rune();
            return Ok(None);
        };
        let r2 = self.must_read_rune()?;
        let Some(v2) = hex(r2) else {
            return err("illegal hex digit");
        };
        Ok(Some((v1 << 4) | v2))
    }

    fn hex_string(&mut self) -> Res<Vec<u8>> {
        self.not_eof()?;
        while let Some(b) = self.hex_byte()? {
            self.buf.push(b);
        }
        if self.buf.is_empty() {
            return err("no hex data for %x string");
        }
        Ok(self.buf.clone())
    }

    fn scan_percent(&mut self) -> Res<()> {
        self.skip_space()?;
        self.not_eof()?;
        if !self.accept("%") {
            return err("missing literal %");
        }
        Ok(())
    }

    fn scan_one(&mut self, verb: char, target: &ScanTarget) -> Res<ScanValue> {
        self.buf.clear();
        Ok(match target {
            ScanTarget::Bool => ScanValue::Bool(self.scan_bool(verb)?),
            ScanTarget::Complex(n) => {
                let (re, im) = self.scan_complex(verb, *n)?;
                ScanValue::Complex(re, im)
            }
            ScanTarget::Int(bits) => ScanValue::Int(self.scan_int(verb, *bits)?),
            ScanTarget::Uint(bits) => ScanValue::Uint(self.scan_uint(verb, *bits)?),
            ScanTarget::Float(bits) => {
                let typ = if *bits == 32 { "float32" } else { "float64" };
                self.ok_verb(verb, FLOAT_VERBS, typ)?;
                self.skip_space()?;
                self.not_eof()?;
                let tok = self.float_token();
                let f = self.convert_float(&tok, *bits as i64)?;
                ScanValue::Float(if *bits == 32 { f as f32 as f64 } else { f })
            }
            ScanTarget::String | ScanTarget::Bytes => ScanValue::Str(self.convert_string(verb)?),
            ScanTarget::Other {
                type_string,
                is_pointer,
            } => {
                let m = if *is_pointer {
                    format!("can't scan type: {type_string}")
                } else {
                    format!("type not a pointer: {type_string}")
                };
                return Err(ScanErr(m.into_bytes()));
            }
        })
    }

    fn do_scan(&mut self, targets: &[ScanTarget], values: &mut Vec<ScanValue>) -> Res<()> {
        for t in targets {
            let v = self.scan_one('v', t)?;
            values.push(v);
        }
        // Check for newline (or EOF) if required (Scanln etc.).
        if self.nl_is_end {
            loop {
                let r = self.get_rune();
                if r == '\n' as Rune || r == EOF {
                    break;
                }
                if !is_space(r) {
                    return err("expected newline");
                }
            }
        }
        Ok(())
    }

    /// `advance`: matches literal format text; returns bytes consumed, or -1 on a mismatch.
    fn advance(&mut self, format: &[u8]) -> Res<i64> {
        let mut i = 0usize;
        while i < format.len() {
            let (mut fmtc, mut w) = utf8::decode_rune(&format[i..]);
            // Space processing.
            if is_space(fmtc) {
                let mut newlines = 0;
                let mut trailing_space = false;
                while is_space(fmtc) && i < format.len() {
                    if fmtc == '\n' as Rune {
                        newlines += 1;
                        trailing_space = false;
                    } else {
                        trailing_space = true;
                    }
                    i += w;
                    (fmtc, w) = utf8::decode_rune(&format[i..]);
                }
                for _ in 0..newlines {
                    let mut inputc = self.get_rune();
                    while is_space(inputc) && inputc != '\n' as Rune {
                        inputc = self.get_rune();
                    }
                    if inputc != '\n' as Rune && inputc != EOF {
                        return err("newline in format does not match input");
                    }
                }
                if trailing_space {
                    let mut inputc = self.get_rune();
                    if newlines == 0 {
                        // If the trailing space stood alone (did not follow a newline),
                        // we need to find at least one space to consume.
                        if !is_space(inputc) && inputc != EOF {
                            return err("expected space in input to match format");
                        }
                        if inputc == '\n' as Rune {
                            return err("newline in input does not match format");
                        }
                    }
                    while is_space(inputc) && inputc != '\n' as Rune {
                        inputc = self.get_rune();
                    }
                    if inputc != EOF {
                        self.unread_rune();
                    }
                }
                continue;
            }
            // Verbs.
            if fmtc == '%' as Rune {
                // % at end of string is an error.
                if i + w == format.len() {
                    return err("missing verb: % at end of format string");
                }
                // %% acts like a real percent
                let (nextc, _) = utf8::decode_rune(&format[i + w..]);
                if nextc != '%' as Rune {
                    return Ok(i as i64);
                }
                i += w; // skip the first %
            }
            // Literals.
            let inputc = self.must_read_rune()?;
            if fmtc != inputc {
                self.unread_rune();
                return Ok(-1);
            }
            i += w;
        }
        Ok(i as i64)
    }

    fn do_scanf(
        &mut self,
        format: &[u8],
        targets: &[ScanTarget],
        values: &mut Vec<ScanValue>,
    ) -> Res<()> {
        let end = format.len() as i64 - 1;
        let mut i: i64 = 0;
        // We process one item per non-trivial format.
        while i <= end {
            let w = self.advance(&format[i as usize..])?;
            if w > 0 {
                i += w;
                continue;
            }
            // Either we failed to advance, we have a percent character, or we ran out of input.
            if format[i as usize] != b'%' {
                // Can't advance format. Why not?
                if w < 0 {
                    return err("input does not match format");
                }
                // Otherwise at EOF; "too many operands" error handled below.
                break;
            }
            i += 1; // % is one byte
                    // Do we have 20 (width)?
            let (wid, wid_present, ni) = super::fmt::parsenum(format, i as usize, end as usize);
            i = ni as i64;
            self.max_wid = if wid_present { wid as usize } else { HUGE_WID };
            let (c, cw) = utf8::decode_rune(&format[i as usize..]);
            i += cw as i64;
            let c = char::from_u32(c as u32).unwrap_or('\u{FFFD}');
            if c != 'c' {
                self.skip_space()?;
            }
            if c == '%' {
                self.scan_percent()?;
                continue; // Do not consume an argument.
            }
            self.arg_limit = self.limit;
            let f = self.count + self.max_wid;
            if f < self.arg_limit {
                self.arg_limit = f;
            }
            if values.len() >= targets.len() {
                let mut m = b"too few operands for format '%".to_vec();
                m.extend_from_slice(&format[(i as usize - cw)..]);
                m.push(b'\'');
                return Err(ScanErr(m));
            }
            let v = self.scan_one(c, &targets[values.len()])?;
            values.push(v);
            self.arg_limit = self.limit;
        }
        if values.len() < targets.len() {
            return err("too many operands");
        }
        Ok(())
    }
}

fn finish(values: Vec<ScanValue>, r: Res<()>) -> ScanResult {
    ScanResult {
        values,
        err: r.err().map(|e| e.0),
    }
}

/// `fmt.Fscan`: newlines count as space.
pub fn fscan<R: RuneSource>(r: &mut R, targets: &[ScanTarget]) -> ScanResult {
    let mut s = Ss::new(r, true, false);
    let mut values = Vec::new();
    let res = s.do_scan(targets, &mut values);
    finish(values, res)
}

/// `fmt.Fscanln`: stops at a newline, which must follow the last operand.
pub fn fscanln<R: RuneSource>(r: &mut R, targets: &[ScanTarget]) -> ScanResult {
    let mut s = Ss::new(r, false, true);
    let mut values = Vec::new();
    let res = s.do_scan(targets, &mut values);
    finish(values, res)
}

/// `fmt.Fscanf`.
pub fn fscanf<R: RuneSource>(r: &mut R, format: &[u8], targets: &[ScanTarget]) -> ScanResult {
    let mut s = Ss::new(r, false, false);
    let mut values = Vec::new();
    let res = s.do_scanf(format, targets, &mut values);
    finish(values, res)
}

/// `fmt.Sscan`.
pub fn sscan(input: &[u8], targets: &[ScanTarget]) -> ScanResult {
    fscan(&mut BytesReader::new(input), targets)
}

/// `fmt.Sscanln`.
pub fn sscanln(input: &[u8], targets: &[ScanTarget]) -> ScanResult {
    fscanln(&mut BytesReader::new(input), targets)
}

/// `fmt.Sscanf`.
pub fn sscanf(input: &[u8], format: &[u8], targets: &[ScanTarget]) -> ScanResult {
    fscanf(&mut BytesReader::new(input), format, targets)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stdlib::fmt::{sprint, FmtValue};
    use std::borrow::Cow;

    /// Results of real Go runs: see `gen/scan_testdata.go`.
    const GOLDEN: &str = include_str!("testdata/scan.txt");

    fn unhex(s: &str) -> Vec<u8> {
        (0..s.len() / 2)
            .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap())
            .collect()
    }

    fn hexs(v: &[u8]) -> String {
        v.iter().map(|b| format!("{b:02x}")).collect()
    }

    fn target(t: &str) -> ScanTarget {
        match t {
            "i" => ScanTarget::Int(64),
            "i8" => ScanTarget::Int(8),
            "i32" => ScanTarget::Int(32),
            "u" => ScanTarget::Uint(64),
            "u8" => ScanTarget::Uint(8),
            "f" => ScanTarget::Float(64),
            "f32" => ScanTarget::Float(32),
            "s" => ScanTarget::String,
            "B" => ScanTarget::Bytes,
            "b" => ScanTarget::Bool,
            "c" => ScanTarget::Complex(128),
            _ => panic!("bad target {t}"),
        }
    }

    /// The value as the generator printed it (fmt.Sprint, strings hex-encoded).
    fn show(v: &ScanValue, t: &ScanTarget) -> String {
        let fv = match (v, t) {
            (ScanValue::Int(i), _) => FmtValue::int(*i),
            (ScanValue::Uint(u), _) => FmtValue::uint(*u, "uint"),
            (ScanValue::Float(f), ScanTarget::Float(32)) => FmtValue::float32(*f as f32),
            (ScanValue::Float(f), _) => FmtValue::float64(*f),
            (ScanValue::Bool(b), _) => FmtValue::bool(*b),
            (ScanValue::Complex(re, im), _) => FmtValue::Complex {
                re: *re,
                im: *im,
                bits: 128,
                ty: Cow::Borrowed("complex128"),
            },
            (ScanValue::Str(s), _) => return hexs(s),
        };
        String::from_utf8(sprint(&[fv])).unwrap()
    }

    #[test]
    fn golden() {
        let mut failures = Vec::new();
        let mut n = 0;
        for line in GOLDEN.lines() {
            let f: Vec<&str> = line.split('|').collect();
            let input = unhex(f[1]);
            let format = unhex(f[2]);
            let targets: Vec<ScanTarget> = if f[3].is_empty() {
                vec![]
            } else {
                f[3].split(',').map(target).collect()
            };
            let r = match f[0] {
                "Sscan" => sscan(&input, &targets),
                "Sscanln" => sscanln(&input, &targets),
                "Sscanf" => sscanf(&input, &format, &targets),
                op => panic!("unknown op {op}"),
            };
            let vals: Vec<String> = r
                .values
                .iter()
                .zip(targets.iter())
                .map(|(v, t)| show(v, t))
                .collect();
            let got = format!(
                "{}|{}|{}",
                r.values.len(),
                vals.join(";"),
                hexs(&r.err.clone().unwrap_or_default())
            );
            let want = format!("{}|{}|{}", f[4], f[5], f[6]);
            n += 1;
            if got != want {
                failures.push(format!(
                    "{} input={:?} format={:?} targets={}: got {} ({:?}) want {} ({:?})",
                    f[0],
                    String::from_utf8_lossy(&input),
                    String::from_utf8_lossy(&format),
                    f[3],
                    got,
                    String::from_utf8_lossy(&r.err.clone().unwrap_or_default()),
                    want,
                    String::from_utf8_lossy(&unhex(f[6]))
                ));
            }
        }
        assert!(n > 1000);
        if !failures.is_empty() {
            for l in failures.iter().take(40) {
                eprintln!("FAIL {l}");
            }
            panic!("{} of {} golden cases failed", failures.len(), n);
        }
    }
}
