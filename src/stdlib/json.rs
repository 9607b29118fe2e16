//! Go's `encoding/json` encoder (`Marshal`, `MarshalIndent`, `Encoder.SetEscapeHTML`), over a
//! value tree the VM builds, plus Go's struct-field resolution (`typeFields`: json tags,
//! `omitempty`/`omitzero`/`string` options, embedded-struct promotion and its dominance rules).
//!
//! # How the VM uses it
//!
//! 1. Once per struct type, describe it as a [`StructType`] and call [`type_fields`]; cache the
//!    returned [`FieldPlan`]s (Go caches them too).
//! 2. To encode a struct value, for each plan follow `plan.index` through the value (field
//!    indexes; skip the plan if an embedded pointer on the way is nil), and push a [`Member`]
//!    with the plan's name/options, the field's [`Value`], and `is_zero` (reflect's `IsZero`
//!    or the type's `IsZero()` method; only read when `omit_zero`).
//! 3. Build the rest: nil pointers/interfaces/maps/slices are `Null`, `[]byte` is `Bytes`, maps
//!    are `Map` in any order (sorted here), `MarshalJSON()` results are `Raw`, `MarshalText()`
//!    results are `Str`, channels/funcs/complex numbers and maps with other key kinds are
//!    `Unsupported` (Go's error).
//! 4. Call [`marshal`] / [`marshal_indent`]; `Err` is Go's error text.

use super::strconv;
use super::unicode;
use super::utf8;
use std::borrow::Cow;

/// A Go value as `encoding/json` sees it.
#[derive(Debug, Clone)]
pub enum Value<'a> {
    /// nil pointer, interface, map or slice.
    Null,
    Bool(bool),
    Int(i64),
    Uint(u64),
    /// float32 (`bits` 32) or float64.
    Float {
        v: f64,
        bits: u32,
    },
    Str(Cow<'a, [u8]>),
    /// A non-nil `[]byte`: base64.
    Bytes(Cow<'a, [u8]>),
    /// Slice or array.
    Array(Vec<Value<'a>>),
    /// Map entries in any order.
    Map(Vec<(Key<'a>, Value<'a>)>),
    /// A struct's members, resolved with [`type_fields`].
    Object(Vec<Member<'a>>),
    /// The output of a `MarshalJSON` method (valid JSON; compacted here as Go does).
    Raw(Cow<'a, [u8]>),
    /// A value Go refuses to encode: `type_string` for "json: unsupported type: T".
    Unsupported {
        type_string: Cow<'a, str>,
    },
}

/// A map key: strings as is, integers as decimal strings (`MarshalText` keys: `Str`).
#[derive(Debug, Clone)]
pub enum Key<'a> {
    Str(Cow<'a, [u8]>),
    Int(i64),
    Uint(u64),
}

/// One encoded struct field.
#[derive(Debug, Clone)]
pub struct Member<'a> {
    /// The JSON name (from [`FieldPlan::name`]).
    pub name: Cow<'a, str>,
    pub value: Value<'a>,
    pub omit_empty: bool,
    pub omit_zero: bool,
    /// Whether the field value is its type's zero value (read only when `omit_zero`).
    pub is_zero: bool,
    /// The `,string` option applied (from [`FieldPlan::quoted`]).
    pub quoted: bool,
}

/// A struct type for field resolution.
#[derive(Debug, Clone)]
pub struct StructType<'a> {
    /// Identity of the struct type (equal ids = the same Go type).
    pub id: usize,
    pub fields: Vec<FieldType<'a>>,
}

/// The kind of a field's type, after following an unnamed pointer type (`*T` → `T`).
#[derive(Debug, Clone)]
pub enum FieldKind<'a> {
    /// bool, integers, floats, string: the kinds the `,string` option applies to.
    Quotable,
    /// A struct type (needed for embedded fields).
    Struct(StructType<'a>),
    /// Anything else.
    Other,
}

/// One field of a struct type.
#[derive(Debug, Clone)]
pub struct FieldType<'a> {
    /// Go field name (for embedded fields, the type name).
    pub name: Cow<'a, str>,
    /// The value of the `json:"..."` key of the field's tag, if present.
    pub tag: Option<Cow<'a, str>>,
    pub exported: bool,
    pub embedded: bool,
    pub kind: FieldKind<'a>,
}

/// A visible JSON field of a struct type, in Go's output order.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldPlan {
    /// Field indexes from the outer struct down through embedded structs.
    pub index: Vec<usize>,
    pub name: String,
    pub omit_empty: bool,
    pub omit_zero: bool,
    pub quoted: bool,
}

/// Go's `isValidTag`.
fn is_valid_tag(s: &str) -> bool {
    if s.is_empty() {
        return false;
    }
    s.chars().all(|c| {
        "!#$%&()*+-./:;<=>?@[]^_{|}~ ".contains(c)
            || unicode::is_letter(c as i32)
            || unicode::is_digit(c as i32)
    })
}

/// `tagOptions.Contains`.
fn has_opt(opts: &str, name: &str) -> bool {
    !opts.is_empty() && opts.split(',').any(|o| o == name)
}

#[derive(Clone)]
struct Candidate {
    plan: FieldPlan,
    tagged: bool,
}

/// Go's `typeFields`: the JSON-visible fields of `t` with embedded-struct promotion, tagged
/// names and Go's dominance rules (a shallower field wins; at equal depth a tagged one; else
/// the name is dropped).
pub fn type_fields(t: &StructType) -> Vec<FieldPlan> {
    struct Pending<'t, 'a> {
        typ: &'t StructType<'a>,
        index: Vec<usize>,
    }
    let mut next: Vec<Pending> = vec![Pending {
        typ: t,
        index: Vec::new(),
    }];
    let mut count: std::collections::HashMap<usize, usize>;
    let mut next_count: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    let mut visited = std::collections::HashSet::new();
    let mut fields: Vec<Candidate> = Vec::new();
    while !next.is_empty() {
        let current = std::mem::take(&mut next);
        count = std::mem::take(&mut next_count);
        for f in current {
            if !visited.insert(f.typ.id) {
                continue;
            }
            for (i, sf) in f.typ.fields.iter().enumerate() {
                if sf.embedded {
                    if !sf.exported && !matches!(sf.kind, FieldKind::Struct(_)) {
                        continue;
                    }
                } else if !sf.exported {
                    continue;
                }
                let tag = sf.tag.as_deref().unwrap_or("");
                if tag == "-" {
                    continue;
                }
                let (name, opts) = tag.split_once(',').unwrap_or((tag, ""));
                let name = if is_valid_tag(name) { name } else { "" };
                let mut index = f.index.clone();
                index.push(i);
                let quoted = has_opt(opts, "string") && matches!(sf.kind, FieldKind::Quotable);
                let is_struct = matches!(sf.kind, FieldKind::Struct(_));
                if !name.is_empty() || !sf.embedded || !is_struct {
                    let tagged = !name.is_empty();
                    let name = if tagged {
                        name.to_string()
                    } else {
                        sf.name.to_string()
                    };
                    let c = Candidate {
                        plan: FieldPlan {
                            index,
                            name,
                            omit_empty: has_opt(opts, "omitempty"),
                            omit_zero: has_opt(opts, "omitzero"),
                            quoted,
                        },
                        tagged,
                    };
                    fields.push(c.clone());
                    if count.get(&f.typ.id).copied().unwrap_or(0) > 1 {
                        // Multiple instances at this level: a duplicate makes it annihilate.
                        fields.push(c);
                    }
                    continue;
                }
                // Record a new anonymous struct to explore in the next round.
                if let FieldKind::Struct(st) = &sf.kind {
                    let n = next_count.entry(st.id).or_insert(0);
                    *n += 1;
                    if *n == 1 {
                        next.push(Pending { typ: st, index });
                    }
                }
            }
        }
    }
    // Sort by name, then depth, then tagged first, then index sequence.
    fields.sort_by(|x, y| {
        x.plan
            .name
            .cmp(&y.plan.name)
            .then(x.plan.index.len().cmp(&y.plan.index.len()))
            .then(y.tagged.cmp(&x.tagged))
            .then(x.plan.index.cmp(&y.plan.index))
    });
    // Delete fields hidden by Go's embedding rules (tagged fields are promoted).
    let mut out: Vec<Candidate> = Vec::new();
    let mut i = 0;
    while i < fields.len() {
        let mut advance = 1;
        while i + advance < fields.len() && fields[i + advance].plan.name == fields[i].plan.name {
            advance += 1;
        }
        if advance == 1 {
            out.push(fields[i].clone());
        } else {
            // dominantField
            let (f0, f1) = (&fields[i], &fields[i + 1]);
            if !(f0.plan.index.len() == f1.plan.index.len() && f0.tagged == f1.tagged) {
                out.push(f0.clone());
            }
        }
        i += advance;
    }
    out.sort_by(|x, y| x.plan.index.cmp(&y.plan.index));
    out.into_iter().map(|c| c.plan).collect()
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Go's `appendString`: a JSON string literal; with `escape_html`, `<`, `>`, `&` become
/// `\u003c`, `\u003e`, `\u0026`. Invalid UTF-8 becomes U+FFFD; U+2028/9 are escaped.
pub fn append_string(dst: &mut Vec<u8>, src: &[u8], escape_html: bool) {
    dst.push(b'"');
    let mut start = 0;
    let mut i = 0;
    while i < src.len() {
        let b = src[i];
        if b < 0x80 {
            let safe = b >= 0x20
                && b != b'"'
                && b != b'\\'
                && !(escape_html && (b == b'<' || b == b'>' || b == b'&'));
            if safe {
                i += 1;
                continue;
            }
            dst.extend_from_slice(&src[start..i]);
            match b {
                b'\\' | b'"' => dst.extend_from_slice(&[b'\\', b]),
                0x08 => dst.extend_from_slice(b"\\b"),
                0x0C => dst.extend_from_slice(b"\\f"),
                b'\n' => dst.extend_from_slice(b"\\n"),
                b'\r' => dst.extend_from_slice(b"\\r"),
                b'\t' => dst.extend_from_slice(b"\\t"),
                _ => dst.extend_from_slice(&[
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[(b >> 4) as usize],
                    HEX[(b & 0xF) as usize],
                ]),
            }
            i += 1;
            start = i;
            continue;
        }
        let (c, size) = utf8::decode_rune(&src[i..]);
        if c == utf8::RUNE_ERROR && size == 1 {
            // Go 1.27 (encoding/json on json/v2) writes the replacement character itself.
            dst.extend_from_slice(&src[start..i]);
            dst.extend_from_slice("\u{FFFD}".as_bytes());
            i += 1;
            start = i;
            continue;
        }
        if c == 0x2028 || c == 0x2029 {
            dst.extend_from_slice(&src[start..i]);
            dst.extend_from_slice(&[b'\\', b'u', b'2', b'0', b'2', HEX[(c & 0xF) as usize]]);
            i += size;
            start = i;
            continue;
        }
        i += size;
    }
    dst.extend_from_slice(&src[start..]);
    dst.push(b'"');
}

/// base64.StdEncoding.
fn append_base64(dst: &mut Vec<u8>, src: &[u8]) {
    const ENC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for chunk in src.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = ((b[0] as u32) << 16) | ((b[1] as u32) << 8) | b[2] as u32;
        dst.push(ENC[(n >> 18) as usize & 63]);
        dst.push(ENC[(n >> 12) as usize & 63]);
        dst.push(if chunk.len() > 1 {
            ENC[(n >> 6) as usize & 63]
        } else {
            b'='
        });
        dst.push(if chunk.len() > 2 {
            ENC[n as usize & 63]
        } else {
            b'='
        });
    }
}

/// Go's float encoding: 'f' unless the magnitude is below 1e-6 or at least 1e21, where it is
/// 'e' with a two-digit negative exponent shortened (`1e-07`).
fn append_float(dst: &mut Vec<u8>, f: f64, bits: u32) {
    let abs = f.abs();
    let mut fmt = b'f';
    if abs != 0.0 {
        let small_or_big = if bits == 64 {
            !(1e-6..1e21).contains(&abs)
        } else {
            let a = abs as f32;
            !(1e-6f32..1e21f32).contains(&a)
        };
        if small_or_big {
            fmt = b'e';
        }
    }
    let start = dst.len();
    strconv::append_float(dst, f, fmt, -1, bits);
    if fmt == b'e' {
        // clean up e-09 to e-9
        let n = dst.len() - start;
        if n >= 4
            && dst[dst.len() - 4] == b'e'
            && dst[dst.len() - 3] == b'-'
            && dst[dst.len() - 2] == b'0'
        {
            let last = dst[dst.len() - 1];
            let l = dst.len();
            dst[l - 2] = last;
            dst.truncate(l - 1);
        }
    }
}

/// Go's `isEmptyValue` for `omitempty`.
fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::Bool(b) => !b,
        Value::Int(i) => *i == 0,
        Value::Uint(u) => *u == 0,
        Value::Float { v, .. } => *v == 0.0,
        Value::Str(s) | Value::Bytes(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Map(m) => m.is_empty(),
        _ => false,
    }
}

struct Encoder {
    out: Vec<u8>,
    escape_html: bool,
}

impl Encoder {
    fn encode(&mut self, v: &Value, quoted: bool) -> Result<(), Vec<u8>> {
        match v {
            Value::Null => self.out.extend_from_slice(b"null"),
            Value::Bool(b) => {
                if quoted {
                    self.out.push(b'"');
                }
                self.out.extend_from_slice(strconv::format_bool(*b));
                if quoted {
                    self.out.push(b'"');
                }
            }
            Value::Int(i) => {
                if quoted {
                    self.out.push(b'"');
                }
                strconv::append_int(&mut self.out, *i, 10);
                if quoted {
                    self.out.push(b'"');
                }
            }
            Value::Uint(u) => {
                if quoted {
                    self.out.push(b'"');
                }
                strconv::append_uint(&mut self.out, *u, 10);
                if quoted {
                    self.out.push(b'"');
                }
            }
            Value::Float { v, bits } => {
                if v.is_nan() || v.is_infinite() {
                    let mut m = b"json: unsupported value: ".to_vec();
                    strconv::append_float(&mut m, *v, b'g', -1, *bits);
                    return Err(m);
                }
                if quoted {
                    self.out.push(b'"');
                }
                append_float(&mut self.out, *v, *bits);
                if quoted {
                    self.out.push(b'"');
                }
            }
            Value::Str(s) => {
                if quoted {
                    let mut inner = Vec::with_capacity(s.len() + 2);
                    append_string(&mut inner, s, self.escape_html);
                    append_string(&mut self.out, &inner, false);
                } else {
                    append_string(&mut self.out, s, self.escape_html);
                }
            }
            Value::Bytes(b) => {
                self.out.push(b'"');
                append_base64(&mut self.out, b);
                self.out.push(b'"');
            }
            Value::Array(a) => {
                self.out.push(b'[');
                for (i, e) in a.iter().enumerate() {
                    if i > 0 {
                        self.out.push(b',');
                    }
                    self.encode(e, false)?;
                }
                self.out.push(b']');
            }
            Value::Map(m) => {
                let mut keyed: Vec<(Vec<u8>, &Value)> = m
                    .iter()
                    .map(|(k, v)| {
                        let ks = match k {
                            Key::Str(s) => s.to_vec(),
                            Key::Int(i) => strconv::format_int(*i, 10),
                            Key::Uint(u) => strconv::format_uint(*u, 10),
                        };
                        (ks, v)
                    })
                    .collect();
                keyed.sort_by(|a, b| a.0.cmp(&b.0));
                self.out.push(b'{');
                for (i, (k, v)) in keyed.iter().enumerate() {
                    if i > 0 {
                        self.out.push(b',');
                    }
                    append_string(&mut self.out, k, self.escape_html);
                    self.out.push(b':');
                    self.encode(v, false)?;
                }
                self.out.push(b'}');
            }
            Value::Object(members) => {
                let mut next = b'{';
                for m in members {
                    if (m.omit_empty && is_empty(&m.value)) || (m.omit_zero && m.is_zero) {
                        continue;
                    }
                    self.out.push(next);
                    next = b',';
                    append_string(&mut self.out, m.name.as_bytes(), self.escape_html);
                    self.out.push(b':');
                    self.encode(&m.value, m.quoted)?;
                }
                if next == b'{' {
                    self.out.extend_from_slice(b"{}");
                } else {
                    self.out.push(b'}');
                }
            }
            Value::Raw(r) => compact(&mut self.out, r, self.escape_html),
            Value::Unsupported { type_string } => {
                let mut m = b"json: unsupported type: ".to_vec();
                m.extend_from_slice(type_string.as_bytes());
                return Err(m);
            }
        }
        Ok(())
    }
}

/// Go's `appendCompact` of valid JSON (a `MarshalJSON` result): insignificant space removed,
/// and with `escape_html` the HTML characters in strings escaped.
fn compact(dst: &mut Vec<u8>, src: &[u8], escape_html: bool) {
    let mut in_str = false;
    let mut esc = false;
    let mut i = 0;
    while i < src.len() {
        let c = src[i];
        if in_str {
            if esc {
                esc = false;
            } else if c == b'\\' {
                esc = true;
            } else if c == b'"' {
                in_str = false;
            }
            if escape_html && (c == b'<' || c == b'>' || c == b'&') {
                dst.extend_from_slice(&[
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[(c >> 4) as usize],
                    HEX[(c & 0xF) as usize],
                ]);
            } else if escape_html
                && c == 0xE2
                && i + 2 < src.len()
                && src[i + 1] == 0x80
                && src[i + 2] & !1 == 0xA8
            {
                // U+2028 / U+2029
                dst.extend_from_slice(&[
                    b'\\',
                    b'u',
                    b'2',
                    b'0',
                    b'2',
                    HEX[(src[i + 2] & 0xF) as usize],
                ]);
                i += 3;
                continue;
            } else {
                dst.push(c);
            }
        } else if c == b'"' {
            in_str = true;
            dst.push(c);
        } else if !matches!(c, b' ' | b'\t' | b'\n' | b'\r') {
            dst.push(c);
        }
        i += 1;
    }
}

/// `json.Marshal(v)` (HTML-escaping strings, as Go's default).
pub fn marshal(v: &Value) -> Result<Vec<u8>, Vec<u8>> {
    marshal_opts(v, true)
}

/// The encoding of `Encoder.Encode` without its trailing newline; `escape_html` is
/// `SetEscapeHTML`.
pub fn marshal_opts(v: &Value, escape_html: bool) -> Result<Vec<u8>, Vec<u8>> {
    let mut e = Encoder {
        out: Vec::new(),
        escape_html,
    };
    e.encode(v, false)?;
    Ok(e.out)
}

/// `json.MarshalIndent(v, prefix, indent)`.
pub fn marshal_indent(v: &Value, prefix: &[u8], indent: &[u8]) -> Result<Vec<u8>, Vec<u8>> {
    let b = marshal(v)?;
    Ok(indent_json(&b, prefix, indent))
}

/// Go's `appendIndent` over valid compact JSON: each element on a new line starting with
/// `prefix` and one `indent` per nesting level; empty objects and arrays stay `{}` / `[]`.
pub fn indent_json(src: &[u8], prefix: &[u8], indent: &[u8]) -> Vec<u8> {
    let mut dst = Vec::with_capacity(src.len() * 2);
    let newline = |dst: &mut Vec<u8>, depth: usize| {
        dst.push(b'\n');
        dst.extend_from_slice(prefix);
        for _ in 0..depth {
            dst.extend_from_slice(indent);
        }
    };
    let mut need_indent = false;
    let mut depth = 0usize;
    let mut in_str = false;
    let mut esc = false;
    for &c in src {
        if in_str {
            dst.push(c);
            if esc {
                esc = false;
            } else if c == b'\\' {
                esc = true;
            } else if c == b'"' {
                in_str = false;
            }
            continue;
        }
        if matches!(c, b' ' | b'\t' | b'\n' | b'\r') {
            continue;
        }
        if need_indent && c != b'}' && c != b']' {
            need_indent = false;
            depth += 1;
            newline(&mut dst, depth);
        }
        match c {
            b'"' => {
                in_str = true;
                dst.push(c);
            }
            b'{' | b'[' => {
                need_indent = true;
                dst.push(c);
            }
            b',' => {
                dst.push(c);
                newline(&mut dst, depth);
            }
            b':' => dst.extend_from_slice(b": "),
            b'}' | b']' => {
                if need_indent {
                    need_indent = false;
                } else {
                    depth = depth.saturating_sub(1);
                    newline(&mut dst, depth);
                }
                dst.push(c);
            }
            _ => dst.push(c),
        }
    }
    dst
}

#[cfg(test)]
#[allow(clippy::approx_constant)]
mod tests {
    use super::*;

    fn st(s: &'static str) -> Value<'static> {
        Value::Str(Cow::Borrowed(s.as_bytes()))
    }

    fn field(
        name: &'static str,
        tag: Option<&'static str>,
        exported: bool,
        kind: FieldKind<'static>,
    ) -> FieldType<'static> {
        FieldType {
            name: Cow::Borrowed(name),
            tag: tag.map(Cow::Borrowed),
            exported,
            embedded: false,
            kind,
        }
    }

    fn embedded(name: &'static str, st: StructType<'static>) -> FieldType<'static> {
        FieldType {
            name: Cow::Borrowed(name),
            tag: None,
            exported: true,
            embedded: true,
            kind: FieldKind::Struct(st),
        }
    }

    /// Builds an Object from plans and a lookup of field values by index path (None = the
    /// path crosses a nil embedded pointer).
    fn object(
        plans: &[FieldPlan],
        get: impl Fn(&[usize]) -> Option<(Value<'static>, bool)>,
    ) -> Value<'static> {
        Value::Object(
            plans
                .iter()
                .filter_map(|p| {
                    let (value, is_zero) = get(&p.index)?;
                    Some(Member {
                        name: Cow::Owned(p.name.clone()),
                        value,
                        omit_empty: p.omit_empty,
                        omit_zero: p.omit_zero,
                        is_zero,
                        quoted: p.quoted,
                    })
                })
                .collect(),
        )
    }

    fn j(v: &Value) -> String {
        match marshal(v) {
            Ok(b) => String::from_utf8(b).unwrap(),
            Err(e) => format!("ERR {}", String::from_utf8(e).unwrap()),
        }
    }

    /// Expected values from a real Go run (go1.27.3).
    #[test]
    fn structs_and_tags() {
        use FieldKind::*;
        let a = StructType {
            id: 1,
            fields: vec![
                field("X", None, true, Quotable),
                field("Y", Some("y,omitempty"), true, Quotable),
                field("z", None, false, Quotable),
                field("B", Some(",string"), true, Quotable),
                field("F", Some("f,string"), true, Quotable),
                field("S", Some("s,string"), true, Quotable),
                field("Skip", Some("-"), true, Quotable),
                field("Dash", Some("-,"), true, Quotable),
                field("E", Some("e,omitempty"), true, Other),
                field("M", None, true, Other),
                field("P", Some("p"), true, Quotable),
            ],
        };
        let plans = type_fields(&a);
        let names: Vec<&str> = plans.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["X", "y", "B", "f", "s", "-", "e", "M", "p"]);
        let m = |kv: &[(&'static str, i64)]| {
            Value::Map(
                kv.iter()
                    .map(|(k, v)| (Key::Str(Cow::Borrowed(k.as_bytes())), Value::Int(*v)))
                    .collect(),
            )
        };
        let v1 = object(&plans, |ix| {
            Some((
                match ix[0] {
                    0 => Value::Int(1),
                    1 => st(""),
                    3 => Value::Bool(true),
                    4 => Value::Float { v: 1.5, bits: 64 },
                    5 => st("q\"<"),
                    7 => Value::Int(4),
                    8 => Value::Null,
                    9 => m(&[("b", 2), ("a", 1)]),
                    _ => Value::Null,
                },
                false,
            ))
        });
        assert_eq!(
            j(&v1),
            r#"{"X":1,"B":"true","f":"1.5","s":"\"q\\\"\\u003c\"","-":4,"M":{"a":1,"b":2},"p":null}"#
        );
        let v2 = object(&plans, |ix| {
            Some((
                match ix[0] {
                    0 => Value::Int(0),
                    1 => st("y"),
                    3 => Value::Bool(false),
                    4 => Value::Float { v: 0.0, bits: 64 },
                    5 => st(""),
                    7 => Value::Int(0),
                    8 => Value::Array(vec![Value::Int(1)]),
                    9 => m(&[]),
                    _ => Value::Null,
                },
                false,
            ))
        });
        assert_eq!(
            j(&v2),
            r#"{"X":0,"y":"y","B":"false","f":"0","s":"\"\"","-":0,"e":[1],"M":{},"p":null}"#
        );

        // Embedding: the shallower X wins; an embedded nil pointer's fields are skipped.
        let inner = StructType {
            id: 2,
            fields: vec![
                field("X", None, true, Quotable),
                field("I", Some("inner"), true, Quotable),
            ],
        };
        let inner2 = StructType {
            id: 3,
            fields: vec![field("Q", None, true, Quotable)],
        };
        let outer = StructType {
            id: 4,
            fields: vec![
                embedded("Inner", inner.clone()),
                field("X", None, true, Quotable),
                field("P", None, true, Struct(inner.clone())),
                embedded("Inner2", inner2),
            ],
        };
        let plans = type_fields(&outer);
        let idx: Vec<Vec<usize>> = plans.iter().map(|p| p.index.clone()).collect();
        assert_eq!(idx, [vec![0, 1], vec![1], vec![2], vec![3, 0]]);
        let inner_plans = type_fields(&inner);
        let o1 = object(&plans, |ix| match ix {
            [0, 1] => Some((Value::Int(2), false)),
            [1] => Some((Value::Int(3), false)),
            [2] => Some((Value::Null, true)),
            [3, 0] => Some((Value::Int(7), false)),
            _ => None,
        });
        assert_eq!(j(&o1), r#"{"inner":2,"X":3,"P":null,"Q":7}"#);
        let o2 = object(&plans, |ix| match ix {
            [0, 1] => Some((Value::Int(2), false)),
            [1] => Some((Value::Int(3), false)),
            [2] => Some((
                object(&inner_plans, |ix| {
                    Some((Value::Int(ix[0] as i64 + 4), false))
                }),
                false,
            )),
            _ => None, // *Inner2 is nil
        });
        assert_eq!(j(&o2), r#"{"inner":2,"X":3,"P":{"X":4,"inner":5}}"#);

        // Conflicts: a tagged field wins at equal depth; untagged duplicates vanish.
        let a1 = StructType {
            id: 5,
            fields: vec![field("N", None, true, Quotable)],
        };
        let a2 = StructType {
            id: 6,
            fields: vec![
                field("N", None, true, Quotable),
                field("M", Some("N"), true, Quotable),
            ],
        };
        let conf = StructType {
            id: 7,
            fields: vec![embedded("A1", a1), embedded("A2", a2)],
        };
        let plans = type_fields(&conf);
        assert_eq!(plans.len(), 1);
        assert_eq!(plans[0].index, vec![1, 1]);
        let a3 = StructType {
            id: 8,
            fields: vec![field("K", None, true, Quotable)],
        };
        let a4 = StructType {
            id: 9,
            fields: vec![field("K", None, true, Quotable)],
        };
        let conf2 = StructType {
            id: 10,
            fields: vec![
                embedded("A3", a3),
                embedded("A4", a4),
                field("L", Some("l,omitzero"), true, Quotable),
            ],
        };
        let plans = type_fields(&conf2);
        assert_eq!(plans.len(), 1);
        assert_eq!(j(&object(&plans, |_| Some((st(""), true)))), "{}");
    }

    /// Expected values from a real Go run (go1.27.3).
    #[test]
    fn scalars_strings_maps() {
        let floats = Value::Array(
            [1.0, 1e20, 1e21, 1e-6, 1e-7, 0.1]
                .iter()
                .map(|&v| Value::Float { v, bits: 64 })
                .chain([Value::Float {
                    v: 0.1f32 as f64,
                    bits: 32,
                }])
                .chain(
                    [0.0, 123456789.0, 1e-300]
                        .iter()
                        .map(|&v| Value::Float { v, bits: 64 }),
                )
                .chain([
                    Value::Float {
                        v: 1e21f32 as f64,
                        bits: 32,
                    },
                    Value::Float { v: 3.14, bits: 64 },
                ])
                .collect(),
        );
        assert_eq!(
            j(&floats),
            "[1,100000000000000000000,1e+21,0.000001,1e-7,0.1,0.1,0,123456789,1e-300,1e+21,3.14]"
        );
        assert_eq!(
            j(&Value::Float {
                v: f64::NAN,
                bits: 64
            }),
            "ERR json: unsupported value: NaN"
        );
        assert_eq!(
            j(&Value::Array(vec![Value::Float {
                v: f64::NEG_INFINITY,
                bits: 64
            }])),
            "ERR json: unsupported value: -Inf"
        );
        assert_eq!(
            j(&Value::Unsupported {
                type_string: Cow::Borrowed("chan int")
            }),
            "ERR json: unsupported type: chan int"
        );
        let strs = Value::Array(vec![
            st("<a&b>"),
            Value::Str(Cow::Borrowed(b"\xc3\xa9\xe2\x80\xa8\xff")),
            st("\x00\x1f\t\n\r\x08\x0c\\\"/"),
        ]);
        assert_eq!(
            j(&strs),
            "[\"\\u003ca\\u0026b\\u003e\",\"é\\u2028\u{FFFD}\",\"\\u0000\\u001f\\t\\n\\r\\b\\f\\\\\\\"/\"]"
        );
        let more = Value::Array(vec![
            Value::Float { v: -0.0, bits: 64 },
            Value::Float {
                v: 1e-7f32 as f64,
                bits: 32,
            },
            Value::Float {
                v: 3.4e38f32 as f64,
                bits: 32,
            },
            Value::Float {
                v: 5e-324,
                bits: 64,
            },
        ]);
        assert_eq!(j(&more), "[-0,1e-7,3.4e+38,5e-324]");
        let hm = Value::Map(vec![
            (Key::Str(Cow::Borrowed(b"<k>")), st("&")),
            (Key::Str(Cow::Borrowed(b"\xff")), Value::Int(1)),
        ]);
        assert_eq!(j(&hm), "{\"\\u003ck\\u003e\":\"\\u0026\",\"\u{FFFD}\":1}");
        let bytes = Value::Array(vec![
            Value::Null,
            Value::Bytes(Cow::Borrowed(b"")),
            Value::Bytes(Cow::Borrowed(b"hello!?")),
            Value::Bytes(Cow::Borrowed(b"\xff")),
        ]);
        assert_eq!(j(&bytes), r#"[null,"","aGVsbG8hPw==","/w=="]"#);
        let maps = Value::Map(vec![
            (Key::Int(10), st("x")),
            (Key::Int(2), st("y")),
            (Key::Int(-1), st("z")),
        ]);
        assert_eq!(j(&maps), r#"{"-1":"z","10":"x","2":"y"}"#);
        assert_eq!(j(&Value::Null), "null");
        let raw = Value::Raw(Cow::Borrowed(br#" { "a" : [1, 2, "<x>"] } "#));
        let m2 = Value::Map(vec![
            (Key::Str(Cow::Borrowed(b"z")), Value::Null),
            (Key::Str(Cow::Borrowed(b"a")), Value::Bool(true)),
        ]);
        assert_eq!(
            j(&Value::Array(vec![raw.clone(), m2])),
            r#"[{"a":[1,2,"\u003cx\u003e"]},{"a":true,"z":null}]"#
        );
        let k = |s: &'static str| Key::Str(Cow::Borrowed(s.as_bytes()));
        let top = Value::Map(vec![
            (k("a"), Value::Array(vec![Value::Int(1), Value::Int(2)])),
            (k("b"), Value::Map(vec![])),
            (k("c"), Value::Array(vec![])),
            (k("d"), raw),
            (k("e"), st("x,y:{z}")),
        ]);
        let ind = marshal_indent(&top, b">", b"  ").unwrap();
        assert_eq!(
            String::from_utf8(ind).unwrap(),
            "{\n>  \"a\": [\n>    1,\n>    2\n>  ],\n>  \"b\": {},\n>  \"c\": [],\n>  \"d\": {\n>    \"a\": [\n>      1,\n>      2,\n>      \"\\u003cx\\u003e\"\n>    ]\n>  },\n>  \"e\": \"x,y:{z}\"\n>}"
        );
    }
}
