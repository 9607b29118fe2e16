//! Go's `bufio.Scanner` and its split functions (`ScanLines`, `ScanWords`, `ScanRunes`,
//! `ScanBytes`), with Go's buffer growth, 64 KiB default token limit and error texts, so a
//! program reading stdin line by line sees exactly Go's tokens (CR dropped before LF, a
//! final line without newline, "bufio.Scanner: token too long").

use super::utf8;
use std::io::Read;

/// `bufio.MaxScanTokenSize`.
pub const MAX_SCAN_TOKEN_SIZE: usize = 64 * 1024;
const START_BUF_SIZE: usize = 4096;
const MAX_CONSECUTIVE_EMPTY_READS: usize = 100;

/// A token returned by a split function: a range of `data`, or owned bytes.
#[derive(Debug, Clone, PartialEq)]
pub enum Token {
    Range(usize, usize),
    Owned(Vec<u8>),
}

/// What a split function returned (Go's `(advance int, token []byte, err error)`).
#[derive(Debug, Clone, PartialEq)]
pub enum Split {
    /// Advance by `advance` bytes; deliver `token` if any.
    Ok {
        advance: usize,
        token: Option<Token>,
    },
    /// `ErrFinalToken`: stop after delivering `token` (if any).
    Final(Option<Token>),
    /// Any other error, with its text; scanning stops and `err()` reports it.
    Err(Vec<u8>),
}

/// A split function.
pub trait SplitFunc {
    fn split(&mut self, data: &[u8], at_eof: bool) -> Split;
}

/// Go's builtin split functions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Builtin {
    Lines,
    Words,
    Runes,
    Bytes,
}

impl SplitFunc for Builtin {
    fn split(&mut self, data: &[u8], at_eof: bool) -> Split {
        match self {
            Builtin::Lines => scan_lines(data, at_eof),
            Builtin::Words => scan_words(data, at_eof),
            Builtin::Runes => scan_runes(data, at_eof),
            Builtin::Bytes => scan_bytes(data, at_eof),
        }
    }
}

fn ok(advance: usize, token: Option<Token>) -> Split {
    Split::Ok { advance, token }
}

/// `bufio.ScanLines`: lines without the trailing `\n` and an optional `\r` before it.
pub fn scan_lines(data: &[u8], at_eof: bool) -> Split {
    if at_eof && data.is_empty() {
        return ok(0, None);
    }
    let drop_cr = |end: usize| {
        if end > 0 && data[end - 1] == b'\r' {
            end - 1
        } else {
            end
        }
    };
    if let Some(i) = data.iter().position(|&c| c == b'\n') {
        return ok(i + 1, Some(Token::Range(0, drop_cr(i))));
    }
    if at_eof {
        return ok(data.len(), Some(Token::Range(0, drop_cr(data.len()))));
    }
    ok(0, None)
}

/// `bufio.ScanBytes`.
pub fn scan_bytes(data: &[u8], at_eof: bool) -> Split {
    if at_eof && data.is_empty() {
        return ok(0, None);
    }
    ok(1, Some(Token::Range(0, 1)))
}

/// `bufio.ScanRunes`: invalid UTF-8 yields U+FFFD for each bad byte.
pub fn scan_runes(data: &[u8], at_eof: bool) -> Split {
    if at_eof && data.is_empty() {
        return ok(0, None);
    }
    if data[0] < 0x80 {
        return ok(1, Some(Token::Range(0, 1)));
    }
    let (_, width) = utf8::decode_rune(data);
    if width > 1 {
        return ok(width, Some(Token::Range(0, width)));
    }
    if !at_eof && !utf8::full_rune(data) {
        return ok(0, None);
    }
    ok(1, Some(Token::Owned("\u{FFFD}".as_bytes().to_vec())))
}

/// bufio's own `isSpace`.
fn is_space(r: utf8::Rune) -> bool {
    if r <= 0xFF {
        return matches!(r, 0x20 | 0x09 | 0x0A | 0x0B | 0x0C | 0x0D | 0x85 | 0xA0);
    }
    if (0x2000..=0x200a).contains(&r) {
        return true;
    }
    matches!(r, 0x1680 | 0x2028 | 0x2029 | 0x202f | 0x205f | 0x3000)
}

/// `bufio.ScanWords`: space-separated words (bufio's space set), spaces dropped.
pub fn scan_words(data: &[u8], at_eof: bool) -> Split {
    let mut start = 0;
    while start < data.len() {
        let (r, width) = utf8::decode_rune(&data[start..]);
        if !is_space(r) {
            break;
        }
        start += width;
    }
    let mut i = start;
    while i < data.len() {
        let (r, width) = utf8::decode_rune(&data[i..]);
        if is_space(r) {
            return ok(i + width, Some(Token::Range(start, i)));
        }
        i += width;
    }
    if at_eof && data.len() > start {
        return ok(data.len(), Some(Token::Range(start, data.len())));
    }
    ok(start, None)
}

/// `bufio.Scanner` over a reader.
pub struct Scanner<R: Read, S: SplitFunc> {
    r: R,
    split: S,
    max_token_size: usize,
    token: Vec<u8>,
    buf: Vec<u8>,
    start: usize,
    end: usize,
    /// Sticky error: Some(None) is io.EOF (not reported by `err`), Some(Some(text)) others.
    err: Option<Option<Vec<u8>>>,
    empties: usize,
    done: bool,
}

impl<R: Read, S: SplitFunc> Scanner<R, S> {
    /// `bufio.NewScanner(r)` + `Split(split)`.
    pub fn new(r: R, split: S) -> Self {
        Scanner {
            r,
            split,
            max_token_size: MAX_SCAN_TOKEN_SIZE,
            token: Vec::new(),
            buf: Vec::new(),
            start: 0,
            end: 0,
            err: None,
            empties: 0,
            done: false,
        }
    }

    /// `(*Scanner).Buffer(buf, max)`: the initial buffer size and the maximum token size.
    pub fn buffer(&mut self, initial: usize, max: usize) {
        self.buf = vec![0; initial];
        self.max_token_size = max;
    }

    /// `(*Scanner).Bytes()` / `Text()`: the last token.
    pub fn token(&self) -> &[u8] {
        &self.token
    }

    /// `(*Scanner).Err()`: the first non-EOF error's text.
    pub fn err(&self) -> Option<&[u8]> {
        match &self.err {
            Some(Some(e)) => Some(e),
            _ => None,
        }
    }

    fn set_err(&mut self, e: Option<Vec<u8>>) {
        if self.err.is_none() || self.err == Some(None) {
            self.err = Some(e);
        }
    }

    fn advance(&mut self, n: usize) -> bool {
        if n > self.end - self.start {
            self.set_err(Some(
                b"bufio.Scanner: SplitFunc returns advance count beyond input".to_vec(),
            ));
            return false;
        }
        self.start += n;
        true
    }

    fn set_token(&mut self, t: Option<Token>) -> bool {
        self.token.clear();
        match t {
            None => false,
            Some(Token::Range(a, b)) => {
                self.token
                    .extend_from_slice(&self.buf[self.start + a..self.start + b]);
                true
            }
            Some(Token::Owned(v)) => {
                self.token = v;
                true
            }
        }
    }

    /// `(*Scanner).Scan()`. `Err` is Go's panic text for a split function that keeps
    /// returning empty tokens without progress.
    pub fn scan(&mut self) -> Result<bool, &'static str> {
        if self.done {
            return Ok(false);
        }
        loop {
            if self.end > self.start || self.err.is_some() {
                let at_eof = self.err.is_some();
                let res = self.split.split(&self.buf[self.start..self.end], at_eof);
                match res {
                    Split::Final(token) => {
                        let has = token.is_some();
                        self.set_token(token);
                        self.done = true;
                        return Ok(has);
                    }
                    Split::Err(e) => {
                        self.set_err(Some(e));
                        return Ok(false);
                    }
                    Split::Ok { advance, token } => {
                        // Take the token before advancing (ranges are relative to start).
                        let has = self.set_token(token);
                        if !self.advance(advance) {
                            return Ok(false);
                        }
                        if has {
                            if self.err.is_none() || advance > 0 {
                                self.empties = 0;
                            } else {
                                self.empties += 1;
                                if self.empties > MAX_CONSECUTIVE_EMPTY_READS {
                                    return Err(
                                        "bufio.Scan: too many empty tokens without progressing",
                                    );
                                }
                            }
                            return Ok(true);
                        }
                    }
                }
            }
            if self.err.is_some() {
                self.start = 0;
                self.end = 0;
                return Ok(false);
            }
            // Shift data to the beginning of the buffer if there's lots of empty space.
            if self.start > 0 && (self.end == self.buf.len() || self.start > self.buf.len() / 2) {
                self.buf.copy_within(self.start..self.end, 0);
                self.end -= self.start;
                self.start = 0;
            }
            // Is the buffer full? If so, resize.
            if self.end == self.buf.len() {
                if self.buf.len() >= self.max_token_size {
                    self.set_err(Some(b"bufio.Scanner: token too long".to_vec()));
                    return Ok(false);
                }
                let mut new_size = self.buf.len() * 2;
                if new_size == 0 {
                    new_size = START_BUF_SIZE;
                }
                new_size = new_size.min(self.max_token_size);
                let mut nb = vec![0u8; new_size];
                nb[..self.end - self.start].copy_from_slice(&self.buf[self.start..self.end]);
                self.buf = nb;
                self.end -= self.start;
                self.start = 0;
            }
            // Read until we get data or an error.
            let mut empty_reads = 0;
            loop {
                let end = self.end;
                match self.r.read(&mut self.buf[end..]) {
                    Ok(0) => {
                        // std's Read signals EOF with 0 on a non-empty buffer.
                        self.set_err(None);
                        break;
                    }
                    Ok(n) => {
                        self.end += n;
                        self.empties = 0;
                        break;
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {
                        empty_reads += 1;
                        if empty_reads > MAX_CONSECUTIVE_EMPTY_READS {
                            self.set_err(Some(
                                b"multiple Read calls return no data or error".to_vec(),
                            ));
                            break;
                        }
                    }
                    Err(e) => {
                        self.set_err(Some(e.to_string().into_bytes()));
                        break;
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Results of real Go runs: see `gen/bufio_testdata.go`.
    const GOLDEN: &str = include_str!("testdata/bufio.txt");

    fn unhex(s: &str) -> Vec<u8> {
        (0..s.len() / 2)
            .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap())
            .collect()
    }

    fn hexs(v: &[u8]) -> String {
        v.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// A reader returning at most `chunk` bytes per call, like a pipe.
    struct Chunked<'a> {
        data: &'a [u8],
        chunk: usize,
    }

    impl Read for Chunked<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.data.len().min(self.chunk).min(buf.len());
            buf[..n].copy_from_slice(&self.data[..n]);
            self.data = &self.data[n..];
            Ok(n)
        }
    }

    #[test]
    fn golden() {
        let mut n = 0;
        for line in GOLDEN.lines() {
            let f: Vec<&str> = line.split('|').collect();
            let input = unhex(f[1]);
            let max: usize = f[2].parse().unwrap();
            let split = match f[0] {
                "lines" => Builtin::Lines,
                "words" => Builtin::Words,
                "runes" => Builtin::Runes,
                "bytes" => Builtin::Bytes,
                op => panic!("bad split {op}"),
            };
            for chunk in [1, 3, 1 << 20] {
                let mut s = Scanner::new(
                    Chunked {
                        data: &input,
                        chunk,
                    },
                    split,
                );
                if max > 0 {
                    s.buffer(16, max);
                }
                let mut toks = Vec::new();
                while s.scan().unwrap() {
                    toks.push(hexs(s.token()));
                }
                let got = format!("{}|{}", toks.join(","), hexs(s.err().unwrap_or_default()));
                assert_eq!(got, format!("{}|{}", f[3], f[4]), "{line} chunk {chunk}");
            }
            n += 1;
        }
        assert!(n > 20);
    }
}
