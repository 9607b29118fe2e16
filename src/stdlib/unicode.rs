//! Go's `unicode` predicates and case mappings, exact: the tables in `unicode_tables.rs` are
//! dumped from the Go toolchain (see `gen/unicode_tables.go`), and the lookups follow
//! `unicode/letter.go` (`Is`, `to`, `SimpleFold`).

use super::unicode_tables as t;
use super::utf8::Rune;

pub use t::UNICODE_VERSION;

/// `unicode.MaxRune`.
pub const MAX_RUNE: Rune = 0x10FFFF;
/// `unicode.ReplacementChar`.
pub const REPLACEMENT_CHAR: Rune = 0xFFFD;

/// `unicode.Is(table, r)` over a `(lo, hi, stride)` table.
fn is_in(table: &[(u32, u32, u32)], r: Rune) -> bool {
    if r < 0 {
        return false;
    }
    let r = r as u32;
    // Binary search for the last range with lo <= r.
    let i = table.partition_point(|&(lo, _, _)| lo <= r);
    if i == 0 {
        return false;
    }
    let (lo, hi, stride) = table[i - 1];
    r <= hi && (stride == 1 || (r - lo).is_multiple_of(stride))
}

/// `unicode.IsPrint` (= `strconv.IsPrint`): letters, marks, numbers, punctuation, symbols and
/// the ASCII space U+0020.
pub fn is_print(r: Rune) -> bool {
    if (0x20..0x7F).contains(&r) {
        return true;
    }
    if r < 0xA0 {
        return false;
    }
    is_in(t::L, r) || is_in(t::M, r) || is_in(t::N, r) || is_in(t::P, r) || is_in(t::S, r)
}

/// `unicode.IsGraphic`: like `is_print` but also every Zs space.
pub fn is_graphic(r: Rune) -> bool {
    is_print(r) || is_in(t::ZS, r)
}

/// `unicode.IsSpace`.
pub fn is_space(r: Rune) -> bool {
    if (0..=0xFF).contains(&r) {
        return matches!(r, 0x09..=0x0D | 0x20 | 0x85 | 0xA0);
    }
    is_in(t::WHITE_SPACE, r)
}

/// `unicode.IsLetter`.
pub fn is_letter(r: Rune) -> bool {
    if (0..0x80).contains(&r) {
        return (r as u8).is_ascii_alphabetic();
    }
    is_in(t::L, r)
}

/// `unicode.IsDigit` (category Nd).
pub fn is_digit(r: Rune) -> bool {
    if (0..=0xFF).contains(&r) {
        return (b'0' as Rune..=b'9' as Rune).contains(&r);
    }
    is_in(t::ND, r)
}

/// `unicode.IsNumber` (category N).
pub fn is_number(r: Rune) -> bool {
    is_in(t::N, r)
}

/// `unicode.IsUpper`.
pub fn is_upper(r: Rune) -> bool {
    if (0..0x80).contains(&r) {
        return (r as u8).is_ascii_uppercase();
    }
    is_in(t::LU, r)
}

/// `unicode.IsLower`.
pub fn is_lower(r: Rune) -> bool {
    if (0..0x80).contains(&r) {
        return (r as u8).is_ascii_lowercase();
    }
    is_in(t::LL, r)
}

/// `unicode.IsTitle`.
pub fn is_title(r: Rune) -> bool {
    is_in(t::LT, r)
}

/// `unicode.IsPunct` (category P).
pub fn is_punct(r: Rune) -> bool {
    is_in(t::P, r)
}

/// `unicode.IsMark` (category M).
pub fn is_mark(r: Rune) -> bool {
    is_in(t::M, r)
}

/// `unicode.IsSymbol` (category S).
pub fn is_symbol(r: Rune) -> bool {
    is_in(t::S, r)
}

/// `unicode.IsControl`: only the Latin-1 C0/C1 controls.
pub fn is_control(r: Rune) -> bool {
    (0..0x20).contains(&r) || (0x7F..0xA0).contains(&r)
}

const UPPER_CASE: usize = 0;
const LOWER_CASE: usize = 1;
const TITLE_CASE: usize = 2;

/// Go's `unicode.to(_case, r, CaseRanges)`.
fn to_case(case: usize, r: Rune) -> Rune {
    if !(0..=MAX_RUNE).contains(&r) {
        return r;
    }
    let ru = r as u32;
    let ranges = t::CASE_RANGES;
    let i = ranges.partition_point(|&(lo, _, _)| lo <= ru);
    if i == 0 {
        return r;
    }
    let (lo, hi, delta) = ranges[i - 1];
    if ru > hi {
        return r;
    }
    let d = delta[case];
    if d == t::UPPER_LOWER {
        // Alternating Upper/Lower pairs starting with an upper-case letter at `lo`.
        let lo = lo as Rune;
        return lo + (((r - lo) & !1) | (case as Rune & 1));
    }
    r + d
}

/// `unicode.ToUpper`.
pub fn to_upper(r: Rune) -> Rune {
    if (0..0x80).contains(&r) {
        return (r as u8).to_ascii_uppercase() as Rune;
    }
    to_case(UPPER_CASE, r)
}

/// `unicode.ToLower`.
pub fn to_lower(r: Rune) -> Rune {
    if (0..0x80).contains(&r) {
        return (r as u8).to_ascii_lowercase() as Rune;
    }
    to_case(LOWER_CASE, r)
}

/// `unicode.ToTitle`.
pub fn to_title(r: Rune) -> Rune {
    if (0..0x80).contains(&r) {
        return (r as u8).to_ascii_uppercase() as Rune;
    }
    to_case(TITLE_CASE, r)
}

/// `unicode.SimpleFold`: the next rune in `r`'s case-folding orbit.
pub fn simple_fold(r: Rune) -> Rune {
    if !(0..=MAX_RUNE).contains(&r) {
        return r;
    }
    let ru = r as u32;
    if let Ok(i) = t::FOLD_ORBIT.binary_search_by_key(&ru, |&(a, _)| a) {
        return t::FOLD_ORBIT[i].1 as Rune;
    }
    let l = to_lower(r);
    if l != r {
        return l;
    }
    to_upper(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn predicates() {
        assert!(is_print(' ' as Rune) && is_print('~' as Rune) && !is_print(0x7F));
        assert!(!is_print(0xA0) && !is_print(0xAD) && is_print(0xA1) && is_print('世' as Rune));
        assert!(!is_print(0x200B) && !is_print(0xFEFF) && is_print(0x1F600));
        assert!(is_space(0x85) && is_space(0x3000) && !is_space(0x200B));
        assert!(is_letter('é' as Rune) && !is_letter('1' as Rune));
        assert!(is_digit('٣' as Rune) && !is_digit('½' as Rune) && is_number('½' as Rune));
    }

    #[test]
    fn cases() {
        assert_eq!(to_upper('a' as Rune), 'A' as Rune);
        assert_eq!(to_upper('é' as Rune), 'É' as Rune);
        assert_eq!(to_upper('ß' as Rune), 'ß' as Rune);
        assert_eq!(to_lower('Ā' as Rune), 'ā' as Rune);
        assert_eq!(to_upper('ā' as Rune), 'Ā' as Rune);
        assert_eq!(to_upper('ÿ' as Rune), 'Ÿ' as Rune);
        assert_eq!(simple_fold('k' as Rune), 0x212A);
        assert_eq!(simple_fold(0x212A), 'K' as Rune);
        assert_eq!(simple_fold('K' as Rune), 'k' as Rune);
        assert_eq!(simple_fold('1' as Rune), '1' as Rune);
    }
}
