//! The deterministic, printable parts of Go's `time` package: `Duration.String`,
//! `Month.String`, `Weekday.String` (the VM owns clocks and timers).

/// `time.Duration(d).String()`: `1h2m3.5s`, `1.5ms`, `2µs`, `0s`.
pub fn duration_string(d: i64) -> Vec<u8> {
    let mut buf = [0u8; 32];
    let mut w = buf.len();
    let mut u = d.unsigned_abs();
    let neg = d < 0;
    const SECOND: u64 = 1_000_000_000;
    if u < SECOND {
        // Smaller units, like 1.2ms.
        w -= 1;
        buf[w] = b's';
        w -= 1;
        let prec;
        if u == 0 {
            buf[w] = b'0';
            return buf[w..].to_vec();
        } else if u < 1_000 {
            prec = 0;
            buf[w] = b'n';
        } else if u < 1_000_000 {
            prec = 3;
            // U+00B5 'µ' micro sign.
            w -= 1;
            buf[w] = 0xC2;
            buf[w + 1] = 0xB5;
        } else {
            prec = 6;
            buf[w] = b'm';
        }
        (w, u) = fmt_frac(&mut buf[..w], u, prec);
        w = fmt_int(&mut buf[..w], u);
    } else {
        w -= 1;
        buf[w] = b's';
        (w, u) = fmt_frac(&mut buf[..w], u, 9);
        // u is now integer seconds.
        w = fmt_int(&mut buf[..w], u % 60);
        u /= 60;
        // u is now integer minutes.
        if u > 0 {
            w -= 1;
            buf[w] = b'm';
            w = fmt_int(&mut buf[..w], u % 60);
            u /= 60;
            // u is now integer hours; stop at hours since days vary in length.
            if u > 0 {
                w -= 1;
                buf[w] = b'h';
                w = fmt_int(&mut buf[..w], u);
            }
        }
    }
    if neg {
        w -= 1;
        buf[w] = b'-';
    }
    buf[w..].to_vec()
}

const SECOND: i64 = 1_000_000_000;
const MINUTE: i64 = 60 * SECOND;
const HOUR: i64 = 60 * MINUTE;

/// `Duration.Seconds()` (Go splits off whole seconds first, so the rounding differs from
/// `d as f64 / 1e9`).
pub fn duration_seconds(d: i64) -> f64 {
    let (sec, nsec) = (d / SECOND, d % SECOND);
    sec as f64 + nsec as f64 / 1e9
}

/// `Duration.Minutes()`.
pub fn duration_minutes(d: i64) -> f64 {
    let (min, nsec) = (d / MINUTE, d % MINUTE);
    min as f64 + nsec as f64 / (60.0 * 1e9)
}

/// `Duration.Hours()`.
pub fn duration_hours(d: i64) -> f64 {
    let (hour, nsec) = (d / HOUR, d % HOUR);
    hour as f64 + nsec as f64 / (60.0 * 60.0 * 1e9)
}

/// `Duration.Truncate(m)`.
pub fn duration_truncate(d: i64, m: i64) -> i64 {
    if m <= 0 {
        return d;
    }
    d - d % m
}

/// `Duration.Round(m)`: halfway values round away from zero; saturates on overflow.
pub fn duration_round(d: i64, m: i64) -> i64 {
    if m <= 0 {
        return d;
    }
    let less_than_half = |x: i64, y: i64| (x as u64).wrapping_add(x as u64) < y as u64;
    let mut r = d % m;
    if d < 0 {
        r = -r;
        if less_than_half(r, m) {
            return d + r;
        }
        let d1 = d.wrapping_sub(m).wrapping_add(r);
        if d1 < d {
            return d1;
        }
        return i64::MIN;
    }
    if less_than_half(r, m) {
        return d - r;
    }
    let d1 = d.wrapping_add(m).wrapping_sub(r);
    if d1 > d {
        return d1;
    }
    i64::MAX
}

/// `Duration.Abs()`.
pub fn duration_abs(d: i64) -> i64 {
    if d >= 0 {
        d
    } else if d == i64::MIN {
        i64::MAX
    } else {
        -d
    }
}

/// Go's `fmtFrac`: the fraction v/10^prec, trailing zeros (and the point) omitted.
fn fmt_frac(buf: &mut [u8], mut v: u64, prec: usize) -> (usize, u64) {
    let mut w = buf.len();
    let mut print = false;
    for _ in 0..prec {
        let digit = v % 10;
        print = print || digit != 0;
        if print {
            w -= 1;
            buf[w] = digit as u8 + b'0';
        }
        v /= 10;
    }
    if print {
        w -= 1;
        buf[w] = b'.';
    }
    (w, v)
}

/// Go's `fmtInt`.
fn fmt_int(buf: &mut [u8], mut v: u64) -> usize {
    let mut w = buf.len();
    if v == 0 {
        w -= 1;
        buf[w] = b'0';
    } else {
        while v > 0 {
            w -= 1;
            buf[w] = (v % 10) as u8 + b'0';
            v /= 10;
        }
    }
    w
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const DAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

/// `time.Month(m).String()`; out of range gives `%!Month(13)` (the value as uint64).
pub fn month_string(m: i64) -> Vec<u8> {
    if (1..=12).contains(&m) {
        return MONTHS[(m - 1) as usize].as_bytes().to_vec();
    }
    format!("%!Month({})", m as u64).into_bytes()
}

/// `time.Weekday(d).String()`; out of range gives `%!Weekday(7)`.
pub fn weekday_string(d: i64) -> Vec<u8> {
    if (0..=6).contains(&d) {
        return DAYS[d as usize].as_bytes().to_vec();
    }
    format!("%!Weekday({})", d as u64).into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Results of real Go runs: see `gen/time_testdata.go`.
    const GOLDEN: &str = include_str!("testdata/time.txt");

    #[test]
    fn golden() {
        let mut n = 0;
        for line in GOLDEN.lines() {
            let f: Vec<&str> = line.splitn(3, '|').collect();
            let v: i64 = f[1].parse().unwrap();
            let got = match f[0] {
                "Duration" => duration_string(v),
                "Month" => month_string(v),
                "Weekday" => weekday_string(v),
                "Seconds" => format!("{:x}", duration_seconds(v).to_bits()).into_bytes(),
                "Minutes" => format!("{:x}", duration_minutes(v).to_bits()).into_bytes(),
                "Hours" => format!("{:x}", duration_hours(v).to_bits()).into_bytes(),
                "Round" | "Truncate" => {
                    let (m, want) = f[2].split_once(',').unwrap();
                    let m: i64 = m.parse().unwrap();
                    let r = if f[0] == "Round" {
                        duration_round(v, m)
                    } else {
                        duration_truncate(v, m)
                    };
                    assert_eq!(r.to_string(), want, "{line}");
                    n += 1;
                    continue;
                }
                "Abs" => duration_abs(v).to_string().into_bytes(),
                op => panic!("unknown op {op}"),
            };
            assert_eq!(String::from_utf8_lossy(&got), f[2], "{line}");
            n += 1;
        }
        assert!(n > 200);
    }
}
