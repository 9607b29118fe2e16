//! Go's `unicode/utf8` over byte strings.
//!
//! Go strings are arbitrary byte sequences; every decoder here follows Go's rules exactly:
//! an invalid or truncated sequence, an overlong encoding, a surrogate half (U+D800..U+DFFF)
//! or a value above U+10FFFF decodes as `(RUNE_ERROR, 1)`, and an empty input as
//! `(RUNE_ERROR, 0)`. Runes are `i32` like Go's `rune`.

/// Go's `rune` (int32).
pub type Rune = i32;

/// `utf8.RuneError`, the replacement character U+FFFD.
pub const RUNE_ERROR: Rune = 0xFFFD;
/// `utf8.RuneSelf`: bytes below this are single-byte runes.
pub const RUNE_SELF: Rune = 0x80;
/// `utf8.MaxRune`.
pub const MAX_RUNE: Rune = 0x10FFFF;
/// `utf8.UTFMax`.
pub const UTF_MAX: usize = 4;

const SURROGATE_MIN: Rune = 0xD800;
const SURROGATE_MAX: Rune = 0xDFFF;

/// `utf8.DecodeRune` / `DecodeRuneInString`: the first rune of `s` and its width in bytes.
#[inline]
pub fn decode_rune(s: &[u8]) -> (Rune, usize) {
    let Some(&b0) = s.first() else {
        return (RUNE_ERROR, 0);
    };
    if b0 < 0x80 {
        return (b0 as Rune, 1);
    }
    decode_rune_multi(s, b0)
}

fn decode_rune_multi(s: &[u8], b0: u8) -> (Rune, usize) {
    // Width and the accepted range of the second byte (Go's acceptRanges table).
    let (n, lo, hi) = match b0 {
        0xC2..=0xDF => (2, 0x80, 0xBF),
        0xE0 => (3, 0xA0, 0xBF),
        0xE1..=0xEC | 0xEE..=0xEF => (3, 0x80, 0xBF),
        0xED => (3, 0x80, 0x9F),
        0xF0 => (4, 0x90, 0xBF),
        0xF1..=0xF3 => (4, 0x80, 0xBF),
        0xF4 => (4, 0x80, 0x8F),
        _ => return (RUNE_ERROR, 1),
    };
    if s.len() < n {
        // Go still reports width 1 for a truncated sequence.
        return (RUNE_ERROR, 1);
    }
    let b1 = s[1];
    if b1 < lo || b1 > hi {
        return (RUNE_ERROR, 1);
    }
    match n {
        2 => ((((b0 & 0x1F) as Rune) << 6) | (b1 & 0x3F) as Rune, 2),
        3 => {
            let b2 = s[2];
            if !(0x80..=0xBF).contains(&b2) {
                return (RUNE_ERROR, 1);
            }
            (
                (((b0 & 0x0F) as Rune) << 12) | (((b1 & 0x3F) as Rune) << 6) | (b2 & 0x3F) as Rune,
                3,
            )
        }
        _ => {
            let (b2, b3) = (s[2], s[3]);
            if !(0x80..=0xBF).contains(&b2) || !(0x80..=0xBF).contains(&b3) {
                return (RUNE_ERROR, 1);
            }
            (
                (((b0 & 0x07) as Rune) << 18)
                    | (((b1 & 0x3F) as Rune) << 12)
                    | (((b2 & 0x3F) as Rune) << 6)
                    | (b3 & 0x3F) as Rune,
                4,
            )
        }
    }
}

/// `utf8.DecodeLastRune`: the last rune of `s` and its width.
pub fn decode_last_rune(s: &[u8]) -> (Rune, usize) {
    let end = s.len();
    if end == 0 {
        return (RUNE_ERROR, 0);
    }
    let last = s[end - 1];
    if last < 0x80 {
        return (last as Rune, 1);
    }
    // Back up at most UTF_MAX bytes to the start of a rune.
    let lim = end.saturating_sub(UTF_MAX);
    let mut start = end - 1;
    while start > lim {
        start -= 1;
        if rune_start(s[start]) {
            break;
        }
    }
    let (r, size) = decode_rune(&s[start..end]);
    if start + size != end {
        return (RUNE_ERROR, 1);
    }
    (r, size)
}

/// `utf8.RuneStart`: whether `b` can begin an encoded rune.
#[inline]
pub fn rune_start(b: u8) -> bool {
    b & 0xC0 != 0x80
}

/// `utf8.RuneLen`: bytes needed to encode `r`, or -1 if it is not a valid rune.
pub fn rune_len(r: Rune) -> i32 {
    match r {
        _ if r < 0 => -1,
        0..=0x7F => 1,
        0x80..=0x7FF => 2,
        SURROGATE_MIN..=SURROGATE_MAX => -1,
        0x800..=0xFFFF => 3,
        0x10000..=MAX_RUNE => 4,
        _ => -1,
    }
}

/// `utf8.ValidRune`.
#[inline]
pub fn valid_rune(r: Rune) -> bool {
    (0..SURROGATE_MIN).contains(&r) || (SURROGATE_MAX < r && r <= MAX_RUNE)
}

/// `utf8.AppendRune` / `EncodeRune`: appends the UTF-8 encoding of `r` (U+FFFD if invalid);
/// returns the number of bytes written.
#[inline]
pub fn encode_rune(dst: &mut Vec<u8>, r: Rune) -> usize {
    if (0..0x80).contains(&r) {
        dst.push(r as u8);
        return 1;
    }
    let r = if valid_rune(r) {
        r as u32
    } else {
        RUNE_ERROR as u32
    };
    if r < 0x800 {
        dst.extend_from_slice(&[0xC0 | (r >> 6) as u8, 0x80 | (r & 0x3F) as u8]);
        2
    } else if r < 0x10000 {
        dst.extend_from_slice(&[
            0xE0 | (r >> 12) as u8,
            0x80 | ((r >> 6) & 0x3F) as u8,
            0x80 | (r & 0x3F) as u8,
        ]);
        3
    } else {
        dst.extend_from_slice(&[
            0xF0 | (r >> 18) as u8,
            0x80 | ((r >> 12) & 0x3F) as u8,
            0x80 | ((r >> 6) & 0x3F) as u8,
            0x80 | (r & 0x3F) as u8,
        ]);
        4
    }
}

/// Go's `string(r)` conversion for an integer rune value: the UTF-8 encoding, or "\uFFFD"
/// for a negative, surrogate or out-of-range value. `r` is i64 since Go allows any integer type.
pub fn string_from_rune(r: i64) -> Vec<u8> {
    let mut v = Vec::with_capacity(4);
    let r = if (0..=MAX_RUNE as i64).contains(&r) {
        r as Rune
    } else {
        RUNE_ERROR
    };
    encode_rune(&mut v, r);
    v
}

/// `utf8.RuneCount` / `RuneCountInString`.
pub fn rune_count(s: &[u8]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < s.len() {
        if s[i] < 0x80 {
            i += 1;
        } else {
            i += decode_rune_multi(&s[i..], s[i]).1;
        }
        n += 1;
    }
    n
}

/// `utf8.Valid` / `ValidString`.
pub fn valid_string(s: &[u8]) -> bool {
    // Rust's validator agrees with Go's (no surrogates, no overlongs, max U+10FFFF).
    std::str::from_utf8(s).is_ok()
}

/// `utf8.FullRune`: whether `s` begins with a full encoding of a rune (an invalid
/// encoding counts as full since it decodes as a width-1 error).
pub fn full_rune(s: &[u8]) -> bool {
    let Some(&b0) = s.first() else { return false };
    let (n, lo, hi) = match b0 {
        0xC2..=0xDF => (2, 0x80, 0xBF),
        0xE0 => (3, 0xA0, 0xBF),
        0xE1..=0xEC | 0xEE..=0xEF => (3, 0x80, 0xBF),
        0xED => (3, 0x80, 0x9F),
        0xF0 => (4, 0x90, 0xBF),
        0xF1..=0xF3 => (4, 0x80, 0xBF),
        0xF4 => (4, 0x80, 0x8F),
        _ => return true,
    };
    if s.len() >= n {
        return true;
    }
    // A truncated prefix is "full" only if it is already invalid.
    if s.len() > 1 && (s[1] < lo || s[1] > hi) {
        return true;
    }
    if s.len() > 2 && !(0x80..=0xBF).contains(&s[2]) {
        return true;
    }
    false
}

/// Iterator over `(byte_index, rune, width)` as Go's `for i, r := range s`.
pub struct Runes<'a> {
    s: &'a [u8],
    i: usize,
}

impl Iterator for Runes<'_> {
    type Item = (usize, Rune, usize);
    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        if self.i >= self.s.len() {
            return None;
        }
        let (r, w) = decode_rune(&self.s[self.i..]);
        let i = self.i;
        self.i += w;
        Some((i, r, w))
    }
}

/// `for i, r := range s` over a Go string.
pub fn runes(s: &[u8]) -> Runes<'_> {
    Runes { s, i: 0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_rules() {
        assert_eq!(decode_rune(b""), (RUNE_ERROR, 0));
        assert_eq!(decode_rune(b"a"), ('a' as Rune, 1));
        assert_eq!(decode_rune("é".as_bytes()), (0xE9, 2));
        assert_eq!(decode_rune("世".as_bytes()), (0x4E16, 3));
        assert_eq!(decode_rune("😀".as_bytes()), (0x1F600, 4));
        assert_eq!(decode_rune(b"\xff"), (RUNE_ERROR, 1));
        assert_eq!(decode_rune(b"\xe4\xb8"), (RUNE_ERROR, 1)); // truncated
        assert_eq!(decode_rune(b"\xc0\x80"), (RUNE_ERROR, 1)); // overlong
        assert_eq!(decode_rune(b"\xed\xa0\x80"), (RUNE_ERROR, 1)); // surrogate
        assert_eq!(decode_rune(b"\xf4\x90\x80\x80"), (RUNE_ERROR, 1)); // > max
        assert_eq!(decode_last_rune("a世".as_bytes()), (0x4E16, 3));
        assert_eq!(decode_last_rune(b"a\xb8"), (RUNE_ERROR, 1));
        assert_eq!(rune_count(b"a\xffb\xe4\xb8"), 5);
        assert_eq!(string_from_rune(-1), "\u{FFFD}".as_bytes());
        assert_eq!(string_from_rune(0xD800), "\u{FFFD}".as_bytes());
        assert_eq!(string_from_rune(0x10FFFF), "\u{10FFFF}".as_bytes());
        assert_eq!(rune_len(0xD800), -1);
        assert!(!full_rune(b"\xe4\xb8"));
        assert!(full_rune(b"\xe4\x20"));
    }
}
