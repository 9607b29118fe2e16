//! Go's `strings` package over byte strings, with Go's exact behaviour on edge cases (empty
//! separators, counts, invalid UTF-8: an invalid byte decodes as U+FFFD of width 1, and the
//! case mappings write it out as U+FFFD as Go's `strings.Map` does).
//!
//! Results that are substrings borrow from the input (`&[u8]`); the VM copies them into its
//! own strings. Index results are `i64` with -1 for "not found", as Go's `int`.
//! UTF-8 helpers (`DecodeRune`, `RuneCount`, `string(r)`) are in [`super::utf8`].

use super::unicode;
use super::utf8::{self, Rune, RUNE_ERROR, RUNE_SELF};

/// `strings.Index`: first index of `sep` in `s`, or -1.
pub fn index(s: &[u8], sep: &[u8]) -> i64 {
    let n = sep.len();
    if n == 0 {
        return 0;
    }
    if n > s.len() {
        return -1;
    }
    if n == 1 {
        return index_byte(s, sep[0]);
    }
    let first = sep[0];
    let last = s.len() - n;
    let mut i = 0;
    while i <= last {
        match s[i..=last].iter().position(|&c| c == first) {
            None => return -1,
            Some(k) => {
                i += k;
                if &s[i..i + n] == sep {
                    return i as i64;
                }
                i += 1;
            }
        }
    }
    -1
}

/// `strings.LastIndex`: last index of `sep` in `s`, or -1 (`len(s)` for an empty `sep`).
pub fn last_index(s: &[u8], sep: &[u8]) -> i64 {
    let n = sep.len();
    if n == 0 {
        return s.len() as i64;
    }
    if n > s.len() {
        return -1;
    }
    (0..=s.len() - n)
        .rev()
        .find(|&i| &s[i..i + n] == sep)
        .map_or(-1, |i| i as i64)
}

/// `strings.IndexByte`.
pub fn index_byte(s: &[u8], c: u8) -> i64 {
    s.iter().position(|&b| b == c).map_or(-1, |i| i as i64)
}

/// `strings.LastIndexByte`.
pub fn last_index_byte(s: &[u8], c: u8) -> i64 {
    s.iter().rposition(|&b| b == c).map_or(-1, |i| i as i64)
}

/// `strings.IndexRune`: `RUNE_ERROR` matches the first invalid sequence or U+FFFD; an invalid
/// rune matches nothing.
pub fn index_rune(s: &[u8], r: Rune) -> i64 {
    if (0..RUNE_SELF).contains(&r) {
        return index_byte(s, r as u8);
    }
    if r == RUNE_ERROR {
        for (i, c, _) in utf8::runes(s) {
            if c == RUNE_ERROR {
                return i as i64;
            }
        }
        return -1;
    }
    if !utf8::valid_rune(r) {
        return -1;
    }
    let mut enc = Vec::with_capacity(4);
    utf8::encode_rune(&mut enc, r);
    index(s, &enc)
}

/// `strings.Contains`.
pub fn contains(s: &[u8], substr: &[u8]) -> bool {
    index(s, substr) >= 0
}

/// `strings.ContainsRune`.
pub fn contains_rune(s: &[u8], r: Rune) -> bool {
    index_rune(s, r) >= 0
}

/// `strings.IndexAny`: first index of any rune of `chars`.
pub fn index_any(s: &[u8], chars: &[u8]) -> i64 {
    if chars.is_empty() {
        return -1;
    }
    for (i, c, _) in utf8::runes(s) {
        if index_rune(chars, c) >= 0 {
            return i as i64;
        }
    }
    -1
}

/// `strings.LastIndexAny`.
pub fn last_index_any(s: &[u8], chars: &[u8]) -> i64 {
    if chars.is_empty() {
        return -1;
    }
    let mut end = s.len();
    while end > 0 {
        let (r, size) = utf8::decode_last_rune(&s[..end]);
        end -= size;
        if index_rune(chars, r) >= 0 {
            return end as i64;
        }
    }
    -1
}

/// `strings.ContainsAny`.
pub fn contains_any(s: &[u8], chars: &[u8]) -> bool {
    index_any(s, chars) >= 0
}

/// `strings.IndexFunc`.
pub fn index_func(s: &[u8], mut f: impl FnMut(Rune) -> bool) -> i64 {
    for (i, r, _) in utf8::runes(s) {
        if f(r) {
            return i as i64;
        }
    }
    -1
}

/// `strings.LastIndexFunc`.
pub fn last_index_func(s: &[u8], mut f: impl FnMut(Rune) -> bool) -> i64 {
    let mut end = s.len();
    while end > 0 {
        let (r, size) = utf8::decode_last_rune(&s[..end]);
        end -= size;
        if f(r) {
            return end as i64;
        }
    }
    -1
}

/// `strings.Count`: non-overlapping instances of `sep`; an empty `sep` counts runes + 1.
pub fn count(s: &[u8], sep: &[u8]) -> i64 {
    if sep.is_empty() {
        return utf8::rune_count(s) as i64 + 1;
    }
    let mut n = 0;
    let mut rest = s;
    loop {
        let i = index(rest, sep);
        if i < 0 {
            return n;
        }
        n += 1;
        rest = &rest[i as usize + sep.len()..];
    }
}

/// `strings.HasPrefix`.
pub fn has_prefix(s: &[u8], prefix: &[u8]) -> bool {
    s.starts_with(prefix)
}

/// `strings.HasSuffix`.
pub fn has_suffix(s: &[u8], suffix: &[u8]) -> bool {
    s.ends_with(suffix)
}

/// `strings.Compare`: -1, 0 or +1.
pub fn compare(a: &[u8], b: &[u8]) -> i64 {
    match a.cmp(b) {
        std::cmp::Ordering::Less => -1,
        std::cmp::Ordering::Equal => 0,
        std::cmp::Ordering::Greater => 1,
    }
}

/// Go's `explode`: `s` split into UTF-8 sequences (invalid bytes alone), at most `n` pieces
/// (n < 0: all), the last holding the rest.
fn explode(s: &[u8], n: i64) -> Vec<&[u8]> {
    let l = utf8::rune_count(s) as i64;
    let n = if n < 0 || n > l { l } else { n } as usize;
    let mut a = Vec::with_capacity(n);
    let mut s = s;
    for _ in 0..n.saturating_sub(1) {
        let (_, size) = utf8::decode_rune(s);
        a.push(&s[..size]);
        s = &s[size..];
    }
    if n > 0 {
        a.push(s);
    }
    a
}

/// Go's `genSplit`.
fn gen_split<'s>(s: &'s [u8], sep: &[u8], sep_save: usize, n: i64) -> Vec<&'s [u8]> {
    if n == 0 {
        return Vec::new();
    }
    if sep.is_empty() {
        return explode(s, n);
    }
    let mut n = if n < 0 { count(s, sep) + 1 } else { n };
    if n > s.len() as i64 + 1 {
        n = s.len() as i64 + 1;
    }
    let mut a = Vec::with_capacity(n as usize);
    let mut s = s;
    while (a.len() as i64) < n - 1 {
        let m = index(s, sep);
        if m < 0 {
            break;
        }
        let m = m as usize;
        a.push(&s[..m + sep_save]);
        s = &s[m + sep.len()..];
    }
    a.push(s);
    a
}

/// `strings.Split`: an empty `sep` splits after each UTF-8 sequence.
pub fn split<'s>(s: &'s [u8], sep: &[u8]) -> Vec<&'s [u8]> {
    gen_split(s, sep, 0, -1)
}

/// `strings.SplitN` (n == 0 gives Go's nil slice: empty).
pub fn split_n<'s>(s: &'s [u8], sep: &[u8], n: i64) -> Vec<&'s [u8]> {
    gen_split(s, sep, 0, n)
}

/// `strings.SplitAfter`.
pub fn split_after<'s>(s: &'s [u8], sep: &[u8]) -> Vec<&'s [u8]> {
    gen_split(s, sep, sep.len(), -1)
}

/// `strings.SplitAfterN`.
pub fn split_after_n<'s>(s: &'s [u8], sep: &[u8], n: i64) -> Vec<&'s [u8]> {
    gen_split(s, sep, sep.len(), n)
}

/// `strings.Lines` (Go 1.24 iterator, as a list): the lines of `s` including their
/// terminating newlines; a final line without newline is included, an empty `s` gives none.
/// (`SplitSeq`/`FieldsSeq` yield what `split`/`fields` return.)
pub fn lines(s: &[u8]) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut rest = s;
    while !rest.is_empty() {
        match rest.iter().position(|&c| c == b'\n') {
            Some(i) => {
                out.push(&rest[..=i]);
                rest = &rest[i + 1..];
            }
            None => {
                out.push(rest);
                rest = &rest[rest.len()..];
            }
        }
    }
    out
}

/// `strings.Fields`: split around runs of `unicode.IsSpace`.
pub fn fields(s: &[u8]) -> Vec<&[u8]> {
    fields_func(s, unicode::is_space)
}

/// `strings.FieldsFunc`.
pub fn fields_func(s: &[u8], mut f: impl FnMut(Rune) -> bool) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, r, _) in utf8::runes(s) {
        if f(r) {
            if let Some(st) = start.take() {
                out.push(&s[st..i]);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        out.push(&s[st..]);
    }
    out
}

/// `strings.Join`.
pub fn join<T: AsRef<[u8]>>(elems: &[T], sep: &[u8]) -> Vec<u8> {
    if elems.is_empty() {
        return Vec::new();
    }
    let total =
        elems.iter().map(|e| e.as_ref().len()).sum::<usize>() + sep.len() * (elems.len() - 1);
    let mut out = Vec::with_capacity(total);
    for (i, e) in elems.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(sep);
        }
        out.extend_from_slice(e.as_ref());
    }
    out
}

/// `strings.Repeat`. `Err` carries Go's panic message.
pub fn repeat(s: &[u8], count: i64) -> Result<Vec<u8>, &'static str> {
    if count < 0 {
        return Err("strings: negative Repeat count");
    }
    if count == 0 || s.is_empty() {
        return Ok(Vec::new());
    }
    let total = (s.len() as u64).checked_mul(count as u64);
    match total {
        Some(t) if t <= isize::MAX as u64 => Ok(s.repeat(count as usize)),
        _ => Err("strings: Repeat output length overflow"),
    }
}

/// `strings.Replace`: the first `n` non-overlapping `old` replaced by `new` (n < 0: all);
/// an empty `old` matches at the start and after each UTF-8 sequence.
pub fn replace(s: &[u8], old: &[u8], new: &[u8], n: i64) -> Vec<u8> {
    if old == new || n == 0 {
        return s.to_vec();
    }
    let m = count(s, old);
    if m == 0 {
        return s.to_vec();
    }
    let n = if n < 0 || m < n { m } else { n };
    let mut b = Vec::with_capacity(
        (s.len() as i64 + n * (new.len() as i64 - old.len() as i64)).max(0) as usize,
    );
    let mut start = 0usize;
    for i in 0..n {
        let mut j = start;
        if old.is_empty() {
            if i > 0 {
                let (_, wid) = utf8::decode_rune(&s[start..]);
                j += wid;
            }
        } else {
            j += index(&s[start..], old) as usize;
        }
        b.extend_from_slice(&s[start..j]);
        b.extend_from_slice(new);
        start = j + old.len();
    }
    b.extend_from_slice(&s[start..]);
    b
}

/// `strings.ReplaceAll`.
pub fn replace_all(s: &[u8], old: &[u8], new: &[u8]) -> Vec<u8> {
    replace(s, old, new, -1)
}

/// `strings.Map`: each rune mapped (dropped if the mapping is negative); once anything
/// changes, invalid bytes are written as U+FFFD, exactly like Go.
pub fn map(mut mapping: impl FnMut(Rune) -> Rune, s: &[u8]) -> Vec<u8> {
    // Find the first change; before it the input is copied unchanged.
    let mut first_change = None;
    for (i, c, w) in utf8::runes(s) {
        let r = mapping(c);
        if r == c && !(c == RUNE_ERROR && w == 1) {
            continue;
        }
        first_change = Some((i, w, r));
        break;
    }
    let Some((i, w, r)) = first_change else {
        return s.to_vec();
    };
    let mut b = Vec::with_capacity(s.len() + utf8::UTF_MAX);
    b.extend_from_slice(&s[..i]);
    if r >= 0 {
        utf8::encode_rune(&mut b, r);
    }
    for (_, c, _) in utf8::runes(&s[i + w..]) {
        let r = mapping(c);
        if r >= 0 {
            utf8::encode_rune(&mut b, r);
        }
    }
    b
}

/// `strings.ToUpper`.
pub fn to_upper(s: &[u8]) -> Vec<u8> {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    map(unicode::to_upper, s)
}

/// `strings.ToLower`.
pub fn to_lower(s: &[u8]) -> Vec<u8> {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    map(unicode::to_lower, s)
}

/// `strings.ToTitle`.
pub fn to_title(s: &[u8]) -> Vec<u8> {
    map(unicode::to_title, s)
}

/// Go's `isSeparator` for `Title`.
fn is_separator(r: Rune) -> bool {
    if r <= 0x7F {
        return !((b'0' as Rune..=b'9' as Rune).contains(&r)
            || (b'a' as Rune..=b'z' as Rune).contains(&r)
            || (b'A' as Rune..=b'Z' as Rune).contains(&r)
            || r == b'_' as Rune);
    }
    if unicode::is_letter(r) || unicode::is_digit(r) {
        return false;
    }
    unicode::is_space(r)
}

/// `strings.Title` (deprecated in Go but still used): title-cases the first letter of each
/// word.
pub fn title(s: &[u8]) -> Vec<u8> {
    let mut prev: Rune = ' ' as Rune;
    map(
        |r| {
            let out = if is_separator(prev) {
                unicode::to_title(r)
            } else {
                r
            };
            prev = r;
            out
        },
        s,
    )
}

/// `strings.ContainsFunc`.
pub fn contains_func(s: &[u8], f: impl FnMut(Rune) -> bool) -> bool {
    index_func(s, f) >= 0
}

/// `strings.ToValidUTF8`: each run of invalid bytes replaced by `replacement`.
pub fn to_valid_utf8(s: &[u8], replacement: &[u8]) -> Vec<u8> {
    let mut b = Vec::with_capacity(s.len());
    let mut invalid = false;
    let mut i = 0;
    while i < s.len() {
        let (r, w) = utf8::decode_rune(&s[i..]);
        if r == RUNE_ERROR && w == 1 {
            if !invalid {
                invalid = true;
                b.extend_from_slice(replacement);
            }
        } else {
            invalid = false;
            b.extend_from_slice(&s[i..i + w]);
        }
        i += w;
    }
    b
}

/// `strings.TrimLeftFunc`.
pub fn trim_left_func(s: &[u8], mut f: impl FnMut(Rune) -> bool) -> &[u8] {
    for (i, r, _) in utf8::runes(s) {
        if !f(r) {
            return &s[i..];
        }
    }
    &s[s.len()..]
}

/// `strings.TrimRightFunc`.
pub fn trim_right_func(s: &[u8], mut f: impl FnMut(Rune) -> bool) -> &[u8] {
    let mut end = s.len();
    while end > 0 {
        let (r, size) = utf8::decode_last_rune(&s[..end]);
        if !f(r) {
            break;
        }
        end -= size;
    }
    &s[..end]
}

/// `strings.TrimFunc`.
pub fn trim_func(s: &[u8], mut f: impl FnMut(Rune) -> bool) -> &[u8] {
    trim_right_func(trim_left_func(s, &mut f), &mut f)
}

/// `strings.TrimSpace`.
pub fn trim_space(s: &[u8]) -> &[u8] {
    trim_func(s, unicode::is_space)
}

/// `strings.TrimLeft`: leading runes contained in `cutset` removed.
pub fn trim_left<'s>(s: &'s [u8], cutset: &[u8]) -> &'s [u8] {
    if s.is_empty() || cutset.is_empty() {
        return s;
    }
    trim_left_func(s, |r| contains_rune(cutset, r))
}

/// `strings.TrimRight`.
pub fn trim_right<'s>(s: &'s [u8], cutset: &[u8]) -> &'s [u8] {
    if s.is_empty() || cutset.is_empty() {
        return s;
    }
    trim_right_func(s, |r| contains_rune(cutset, r))
}

/// `strings.Trim`.
pub fn trim<'s>(s: &'s [u8], cutset: &[u8]) -> &'s [u8] {
    trim_right(trim_left(s, cutset), cutset)
}

/// `strings.TrimPrefix`.
pub fn trim_prefix<'s>(s: &'s [u8], prefix: &[u8]) -> &'s [u8] {
    s.strip_prefix(prefix).unwrap_or(s)
}

/// `strings.TrimSuffix`.
pub fn trim_suffix<'s>(s: &'s [u8], suffix: &[u8]) -> &'s [u8] {
    s.strip_suffix(suffix).unwrap_or(s)
}

/// `strings.Cut`: (before, after, found).
pub fn cut<'s>(s: &'s [u8], sep: &[u8]) -> (&'s [u8], &'s [u8], bool) {
    let i = index(s, sep);
    if i >= 0 {
        let i = i as usize;
        return (&s[..i], &s[i + sep.len()..], true);
    }
    (s, &s[s.len()..], false)
}

/// `strings.CutPrefix`: (after, found).
pub fn cut_prefix<'s>(s: &'s [u8], prefix: &[u8]) -> (&'s [u8], bool) {
    match s.strip_prefix(prefix) {
        Some(r) => (r, true),
        None => (s, false),
    }
}

/// `strings.CutSuffix`: (before, found).
pub fn cut_suffix<'s>(s: &'s [u8], suffix: &[u8]) -> (&'s [u8], bool) {
    match s.strip_suffix(suffix) {
        Some(r) => (r, true),
        None => (s, false),
    }
}

/// `strings.EqualFold`: equal under simple Unicode case folding.
pub fn equal_fold(s: &[u8], t: &[u8]) -> bool {
    let mut t = t;
    for (_, sr, _) in utf8::runes(s) {
        if t.is_empty() {
            return false;
        }
        let (tr, size) = utf8::decode_rune(t);
        t = &t[size..];
        if tr == sr {
            continue;
        }
        let (sr, tr) = if tr < sr { (tr, sr) } else { (sr, tr) };
        if tr < RUNE_SELF {
            if (b'A' as Rune..=b'Z' as Rune).contains(&sr) && tr == sr + 32 {
                continue;
            }
            return false;
        }
        // SimpleFold(x) returns the next equivalent rune > x or wraps around.
        let mut r = unicode::simple_fold(sr);
        while r != sr && r < tr {
            r = unicode::simple_fold(r);
        }
        if r == tr {
            continue;
        }
        return false;
    }
    t.is_empty()
}

/// `strings.NewReplacer(oldnew...)`: replaces, scanning left to right without overlapping
/// matches, the first `old` in argument order that matches at each position (Go's
/// genericReplacer; its byte/string specialisations give the same results). An empty `old`
/// matches at every byte position (not rune), as in Go.
#[derive(Debug, Clone)]
pub struct Replacer {
    pairs: Vec<(Vec<u8>, Vec<u8>)>,
    /// No empty `old` and every `old` one byte: a byte table lookup per position.
    byte_olds: Option<[bool; 256]>,
}

impl Replacer {
    /// `strings.NewReplacer`; `Err` is Go's panic message for an odd argument count.
    pub fn new<T: AsRef<[u8]>>(oldnew: &[T]) -> Result<Self, &'static str> {
        if oldnew.len() % 2 == 1 {
            return Err("strings.NewReplacer: odd argument count");
        }
        let pairs: Vec<(Vec<u8>, Vec<u8>)> = oldnew
            .chunks(2)
            .map(|p| (p[0].as_ref().to_vec(), p[1].as_ref().to_vec()))
            .collect();
        let byte_olds = if pairs.iter().all(|(o, _)| o.len() == 1) {
            let mut t = [false; 256];
            for (o, _) in &pairs {
                t[o[0] as usize] = true;
            }
            Some(t)
        } else {
            None
        };
        Ok(Replacer { pairs, byte_olds })
    }

    /// `(*Replacer).Replace`.
    pub fn replace(&self, s: &[u8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(s.len());
        let mut last = 0;
        let mut i = 0;
        let mut prev_match_empty = false;
        while i <= s.len() {
            if let Some(t) = &self.byte_olds {
                if i == s.len() || !t[s[i] as usize] {
                    i += 1;
                    continue;
                }
            }
            // The first pair (argument order) whose old is a prefix of s[i..]; the empty
            // old is ignored right after an empty match.
            let found = self
                .pairs
                .iter()
                .find(|(o, _)| !(o.is_empty() && prev_match_empty) && s[i..].starts_with(o));
            prev_match_empty = matches!(found, Some((o, _)) if o.is_empty());
            match found {
                Some((o, n)) => {
                    out.extend_from_slice(&s[last..i]);
                    out.extend_from_slice(n);
                    i += o.len();
                    last = i;
                }
                None => i += 1,
            }
        }
        if last < s.len() {
            out.extend_from_slice(&s[last..]);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Results of real Go runs: see `gen/strings_testdata.go`.
    const GOLDEN: &str = include_str!("testdata/strings.txt");

    fn unhex(s: &str) -> Vec<u8> {
        (0..s.len() / 2)
            .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap())
            .collect()
    }

    fn hexs(v: &[u8]) -> String {
        v.iter().map(|b| format!("{b:02x}")).collect()
    }

    fn list(v: &[&[u8]]) -> String {
        v.iter().map(|x| hexs(x)).collect::<Vec<_>>().join(",")
    }

    /// Expected values from a real Go run.
    #[test]
    fn replacer() {
        let r = |pairs: &[&str], s: &str| {
            let p: Vec<&[u8]> = pairs.iter().map(|x| x.as_bytes()).collect();
            Replacer::new(&p).unwrap().replace(s.as_bytes())
        };
        assert_eq!(r(&["a", "1", "aa", "2", "", "-"], "aaab"), b"111-b-");
        assert_eq!(r(&["", "-"], "héllo"), b"-h-\xc3-\xa9-l-l-o-");
        assert_eq!(r(&["a", "b", "a", "c"], "banana"), b"bbnbnb");
        assert_eq!(r(&["aaa", "3", "aa", "2", "a", "1"], "aaaaaa"), b"33");
        assert_eq!(
            r(&["<", "&lt;", ">", "&gt;", "&", "&amp;"], "<a & b>"),
            b"&lt;a &amp; b&gt;"
        );
        assert_eq!(r(&["ab", "X", "", "-"], "abc"), b"X-c-");
        assert!(Replacer::new(&["a"]).is_err());
    }

    #[test]
    fn lines_like_go() {
        assert_eq!(lines(b"a\nb\n\nc"), vec![&b"a\n"[..], b"b\n", b"\n", b"c"]);
        assert!(lines(b"").is_empty());
        assert_eq!(lines(b"x\n"), vec![&b"x\n"[..]]);
    }

    /// Expected values from a real Go run.
    #[test]
    fn title_case() {
        let t = |s: &[u8]| String::from_utf8_lossy(&title(s)).into_owned();
        assert_eq!(t(b"hello world"), "Hello World");
        assert_eq!(
            t("héllo wörld-foo_bar baz.qux".as_bytes()),
            "Héllo Wörld-Foo_bar Baz.Qux"
        );
        assert_eq!(t("ǆemal 1st".as_bytes()), "ǅemal 1st");
        assert_eq!(t(b""), "");
        assert_eq!(t(b"a\xffb c"), "A\u{FFFD}b C");
        assert_eq!(t(b"  x"), "  X");
    }

    #[test]
    fn golden() {
        let mut failures = Vec::new();
        let mut n = 0;
        for line in GOLDEN.lines() {
            let f: Vec<&str> = line.split('|').collect();
            let (a, b) = (unhex(f[1]), unhex(f[2]));
            let k: i64 = f[3].parse().unwrap();
            let want = f[5];
            n += 1;
            let got: String = match f[0] {
                "Index" => index(&a, &b).to_string(),
                "LastIndex" => last_index(&a, &b).to_string(),
                "Count" => count(&a, &b).to_string(),
                "Contains" => contains(&a, &b).to_string(),
                "ContainsAny" => contains_any(&a, &b).to_string(),
                "IndexAny" => index_any(&a, &b).to_string(),
                "LastIndexAny" => last_index_any(&a, &b).to_string(),
                "IndexRune" => index_rune(&a, k as Rune).to_string(),
                "Split" => list(&split(&a, &b)),
                "SplitN" => list(&split_n(&a, &b, k)),
                "SplitAfter" => list(&split_after(&a, &b)),
                "Fields" => list(&fields(&a)),
                "Replace" => hexs(&replace(&a, &b, &unhex(f[4]), k)),
                "ToUpper" => hexs(&to_upper(&a)),
                "ToLower" => hexs(&to_lower(&a)),
                "ToTitle" => hexs(&to_title(&a)),
                "TrimSpace" => hexs(trim_space(&a)),
                "Trim" => hexs(trim(&a, &b)),
                "TrimLeft" => hexs(trim_left(&a, &b)),
                "TrimRight" => hexs(trim_right(&a, &b)),
                "EqualFold" => equal_fold(&a, &b).to_string(),
                "Compare" => compare(&a, &b).to_string(),
                "Cut" => {
                    let (x, y, found) = cut(&a, &b);
                    format!("{},{},{}", hexs(x), hexs(y), found)
                }
                "Repeat" => match repeat(&a, k) {
                    Ok(v) => hexs(&v),
                    Err(e) => format!("panic:{e}"),
                },
                "ToValidUTF8" => hexs(&to_valid_utf8(&a, &b)),
                "RuneCount" => utf8::rune_count(&a).to_string(),
                "ValidString" => utf8::valid_string(&a).to_string(),
                "RuneConv" => hexs(&utf8::string_from_rune(k)),
                "Runes" => utf8::runes(&a)
                    .map(|(i, r, _)| format!("{i}:{r}"))
                    .collect::<Vec<_>>()
                    .join(","),
                op => panic!("unknown op {op}"),
            };
            if got != want {
                failures.push(format!("{line}: got {got}"));
            }
        }
        assert!(n > 500);
        if !failures.is_empty() {
            for l in failures.iter().take(40) {
                eprintln!("FAIL {l}");
            }
            panic!("{} of {} golden cases failed", failures.len(), n);
        }
    }
}
