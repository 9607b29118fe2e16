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
                op => panic!("unknown op {op}"),
            };
            assert_eq!(String::from_utf8_lossy(&got), f[2], "{line}");
            n += 1;
        }
        assert!(n > 40);
    }
}
