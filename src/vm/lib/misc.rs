//! Packages os, io, bufio, runtime, math, sort.

use super::{byte_slice, bytes_of, native_cell, new_error, ptr, slice_items, Entry, R};
use crate::stdlib::bufio as sb;
use crate::stdlib::math as sm;
use crate::stdlib::sort as ssort;
use crate::vm::program::{line_number, RKind, RT_WRAP_ERROR};
use crate::vm::value::{Iface, Pointer, SlotKind, Value, AGG};
use crate::vm::{
    Trap, Vm, PC_RUNTIME_GOEXIT, PC_RUNTIME_GOPANIC, PC_RUNTIME_MAIN, PC_RUNTIME_PANICMEM,
    PC_RUNTIME_SIGPANIC,
};
use std::io::Read;
use std::sync::{Arc, OnceLock};

macro_rules! nf {
    (|$a:ident| $e:expr) => {{
        fn f(_vm: &mut Vm<'_>, $a: &[Value]) -> R {
            Ok(vec![$e])
        }
        f
    }};
    (|$vm:ident, $a:ident| $e:expr) => {{
        fn f($vm: &mut Vm<'_>, $a: &[Value]) -> R {
            $e
        }
        f
    }};
}

fn fl(v: &Value) -> f64 {
    v.float()
}
fn fv(f: f64) -> Value {
    Value::from_f64(f)
}

pub const TABLE: &[Entry] = &[
    // os / io
    (
        "os.Exit",
        nf!(|_vm, a| {
            use std::io::Write;
            let _ = std::io::stdout().flush();
            Err(Trap::Exit(a[0].int() as i32))
        }),
    ),
    (
        "os.Args",
        nf!(|vm, _a| Ok(vec![super::string_slice(&vm.shared.args)])),
    ),
    (
        "os.Stdin",
        nf!(|a| {
            let _ = a;
            file(0)
        }),
    ),
    (
        "os.Stdout",
        nf!(|a| {
            let _ = a;
            file(1)
        }),
    ),
    (
        "os.Stderr",
        nf!(|a| {
            let _ = a;
            file(2)
        }),
    ),
    (
        "os.ErrNotExist",
        nf!(|a| {
            let _ = a;
            err_not_exist()
        }),
    ),
    (
        "os.Setenv",
        nf!(|a| {
            std::env::set_var(a[0].str().to_string_lossy(), a[1].str().to_string_lossy());
            Value::Nil
        }),
    ),
    (
        "os.LookupEnv",
        nf!(|_vm, a| match std::env::var(a[0].str().to_string_lossy()) {
            Ok(v) => Ok(vec![Value::from_str(&v), Value::from_bool(true)]),
            Err(_) => Ok(vec![Value::from_str(""), Value::from_bool(false)]),
        }),
    ),
    (
        "time.ParseDuration",
        nf!(|_vm, a| match parse_duration(a[0].as_str()) {
            Ok(d) => Ok(vec![Value::Int(d), Value::Nil]),
            Err(e) => Ok(vec![Value::Int(0), new_error(&e)]),
        }),
    ),
    (
        "os.Getenv",
        nf!(|a| Value::from_bytes(
            std::env::var(a[0].str().to_string_lossy())
                .unwrap_or_default()
                .into_bytes()
        )),
    ),
    (
        "os.ReadFile",
        nf!(|vm, a| {
            let name = a[0].str().to_string_lossy();
            match vm.g.syscall(|| std::fs::read(&name)) {
                Ok(b) => Ok(vec![byte_slice(&b), Value::Nil]),
                Err(e) => Ok(vec![Value::Nil, path_error("open", &name, &e)]),
            }
        }),
    ),
    (
        "os.WriteFile",
        nf!(|vm, a| {
            let name = a[0].str().to_string_lossy();
            let data = bytes_of(&a[1]);
            match vm.g.syscall(|| std::fs::write(&name, &data)) {
                Ok(()) => Ok(vec![Value::Nil]),
                Err(e) => Ok(vec![path_error("open", &name, &e)]),
            }
        }),
    ),
    (
        "os.(*File).Write",
        nf!(|vm, a| {
            let w = file_iface(vm, &a[0]);
            super::fmt::write_to(vm, &w, &bytes_of(&a[1]))
        }),
    ),
    (
        "os.(*File).WriteString",
        nf!(|vm, a| {
            let w = file_iface(vm, &a[0]);
            super::fmt::write_to(vm, &w, a[1].as_str())
        }),
    ),
    (
        "io.EOF",
        nf!(|a| {
            let _ = a;
            io_eof()
        }),
    ),
    (
        "io.ErrUnexpectedEOF",
        nf!(|a| {
            let _ = a;
            io_unexpected_eof()
        }),
    ),
    (
        "io.WriteString",
        nf!(|vm, a| super::fmt::write_to(vm, &a[0], a[1].as_str())),
    ),
    // bufio
    ("bufio.NewScanner", new_scanner),
    ("bufio.(*Scanner).Scan", scanner_scan),
    ("bufio.(*Scanner).Text", scanner_text),
    ("bufio.(*Scanner).Bytes", scanner_bytes),
    ("bufio.(*Scanner).Err", scanner_err),
    ("bufio.(*Scanner).Buffer", scanner_buffer),
    ("bufio.(*Scanner).Split", scanner_split),
    (
        "bufio.ScanLines",
        nf!(|_vm, a| split_result(sb::scan_lines(&bytes_of(&a[0]), a[1].truthy()), &a[0])),
    ),
    (
        "bufio.ScanWords",
        nf!(|_vm, a| split_result(sb::scan_words(&bytes_of(&a[0]), a[1].truthy()), &a[0])),
    ),
    (
        "bufio.ScanRunes",
        nf!(|_vm, a| split_result(sb::scan_runes(&bytes_of(&a[0]), a[1].truthy()), &a[0])),
    ),
    (
        "bufio.ScanBytes",
        nf!(|_vm, a| split_result(sb::scan_bytes(&bytes_of(&a[0]), a[1].truthy()), &a[0])),
    ),
    ("bufio.NewReader", new_reader),
    ("bufio.NewReaderSize", new_reader),
    ("bufio.(*Reader).ReadString", reader_read_string),
    ("bufio.NewWriter", new_writer),
    ("bufio.NewWriterSize", new_writer),
    (
        "bufio.(*Writer).WriteString",
        nf!(|vm, a| {
            let w = a[0].clone();
            bufio_write(vm, &w, a[1].as_str())
        }),
    ),
    (
        "bufio.(*Writer).Write",
        nf!(|vm, a| {
            let w = a[0].clone();
            bufio_write(vm, &w, &bytes_of(&a[1]))
        }),
    ),
    (
        "bufio.(*Writer).WriteByte",
        nf!(|vm, a| {
            let w = a[0].clone();
            bufio_write(vm, &w, &[a[1].int() as u8])?;
            Ok(vec![Value::Nil])
        }),
    ),
    (
        "bufio.(*Writer).WriteRune",
        nf!(|vm, a| {
            let w = a[0].clone();
            let mut b = Vec::new();
            crate::stdlib::utf8::encode_rune(&mut b, a[1].int() as i32);
            bufio_write(vm, &w, &b)
        }),
    ),
    (
        "bufio.(*Writer).Flush",
        nf!(|vm, a| {
            let w = a[0].clone();
            bufio_flush(vm, &w)?;
            Ok(vec![Value::Nil])
        }),
    ),
    (
        "strings.NewReader",
        nf!(|a| Value::Ptr(Pointer::new_cell(
            SlotKind::Vals,
            2 | AGG,
            Value::Tuple(vec![a[0].clone(), Value::Int(0)].into()),
        ))),
    ),
    (
        "sort.Reverse",
        nf!(|vm, a| {
            let ty = vm
                .prog()
                .types
                .iter()
                .position(|t| t.name == "sort.reverse")
                .unwrap_or(0) as u32;
            Ok(vec![Value::Iface(crate::vm::value::Iface::new(
                ty,
                Value::Tuple(vec![a[0].clone()].into()),
            ))])
        }),
    ),
    (
        "sort.reverse.Len",
        nf!(|vm, a| rev_call(vm, a, "Len", vec![])),
    ),
    (
        "sort.reverse.Less",
        nf!(|vm, a| rev_call(vm, a, "Less", vec![a[2].clone(), a[1].clone()])),
    ),
    (
        "sort.reverse.Swap",
        nf!(|vm, a| rev_call(vm, a, "Swap", vec![a[1].clone(), a[2].clone()])),
    ),
    (
        "strconv.AppendInt",
        nf!(|a| {
            let mut b = bytes_of(&a[0]);
            crate::stdlib::strconv::append_int(&mut b, a[1].int(), a[2].int() as u32);
            byte_slice(&b)
        }),
    ),
    (
        "strconv.AppendUint",
        nf!(|a| {
            let mut b = bytes_of(&a[0]);
            crate::stdlib::strconv::append_uint(&mut b, a[1].int() as u64, a[2].int() as u32);
            byte_slice(&b)
        }),
    ),
    (
        "strconv.AppendQuote",
        nf!(|a| {
            let mut b = bytes_of(&a[0]);
            crate::stdlib::strconv::append_quote(&mut b, a[1].as_str());
            byte_slice(&b)
        }),
    ),
    (
        "strconv.AppendBool",
        nf!(|a| {
            let mut b = bytes_of(&a[0]);
            crate::stdlib::strconv::append_bool(&mut b, a[1].truthy());
            byte_slice(&b)
        }),
    ),
    (
        "strconv.AppendFloat",
        nf!(|a| {
            let mut b = bytes_of(&a[0]);
            crate::stdlib::strconv::append_float(
                &mut b,
                a[1].float(),
                a[2].int() as u8,
                a[3].int() as i32,
                a[4].int() as u32,
            );
            byte_slice(&b)
        }),
    ),
    (
        "io.ReadAll",
        nf!(|vm, a| {
            let b = super::fmt::read_all(vm, &a[0]);
            Ok(vec![byte_slice(&b), Value::Nil])
        }),
    ),
    (
        "os.Open",
        nf!(|vm, a| {
            let name = a[0].str().to_string_lossy();
            match vm.g.syscall(|| std::fs::read(&name)) {
                Ok(b) => {
                    let mut files = open_files().lock();
                    files.push(b);
                    let fd = 2 + files.len() as i64;
                    Ok(vec![
                        Value::Ptr(Pointer::new_cell(
                            SlotKind::Words,
                            1 | AGG,
                            Value::Tuple(vec![Value::Int(fd)].into()),
                        )),
                        Value::Nil,
                    ])
                }
                Err(e) => Ok(vec![Value::Nil, path_error_in(Some(vm), "open", &name, &e)]),
            }
        }),
    ),
    (
        "os.(*PathError).Error",
        nf!(|vm, a| {
            let t = match ptr(&a[0]) {
                Some(p) => p.load(3 | AGG),
                None => return Ok(vec![Value::from_str("<nil>")]),
            };
            let t = t.tuple().to_vec();
            let inner = super::error_text(vm, &t[2])?.unwrap_or_else(|| b"<nil>".to_vec());
            let mut m = t[0].as_str().to_vec();
            m.push(b' ');
            m.extend_from_slice(t[1].as_str());
            m.extend_from_slice(b": ");
            m.extend(inner);
            Ok(vec![Value::from_bytes(m)])
        }),
    ),
    (
        "os.(*PathError).Unwrap",
        nf!(|a| match ptr(&a[0]) {
            Some(p) => p.load(3 | AGG).tuple()[2].clone(),
            None => Value::Nil,
        }),
    ),
    (
        "os.(*File).Close",
        nf!(|a| {
            let _ = a;
            Value::Nil
        }),
    ),
    (
        "math/bits.OnesCount",
        nf!(|a| Value::Int((a[0].int() as u64).count_ones() as i64)),
    ),
    (
        "math/bits.OnesCount8",
        nf!(|a| Value::Int((a[0].int() as u8).count_ones() as i64)),
    ),
    (
        "math/bits.OnesCount16",
        nf!(|a| Value::Int((a[0].int() as u16).count_ones() as i64)),
    ),
    (
        "math/bits.OnesCount32",
        nf!(|a| Value::Int((a[0].int() as u32).count_ones() as i64)),
    ),
    (
        "math/bits.OnesCount64",
        nf!(|a| Value::Int((a[0].int() as u64).count_ones() as i64)),
    ),
    (
        "math/bits.LeadingZeros",
        nf!(|a| Value::Int((a[0].int() as u64).leading_zeros() as i64)),
    ),
    (
        "math/bits.LeadingZeros8",
        nf!(|a| Value::Int((a[0].int() as u8).leading_zeros() as i64)),
    ),
    (
        "math/bits.LeadingZeros16",
        nf!(|a| Value::Int((a[0].int() as u16).leading_zeros() as i64)),
    ),
    (
        "math/bits.LeadingZeros32",
        nf!(|a| Value::Int((a[0].int() as u32).leading_zeros() as i64)),
    ),
    (
        "math/bits.LeadingZeros64",
        nf!(|a| Value::Int((a[0].int() as u64).leading_zeros() as i64)),
    ),
    (
        "math/bits.TrailingZeros",
        nf!(|a| Value::Int((a[0].int() as u64).trailing_zeros() as i64)),
    ),
    (
        "math/bits.TrailingZeros8",
        nf!(|a| Value::Int((a[0].int() as u8).trailing_zeros() as i64)),
    ),
    (
        "math/bits.TrailingZeros16",
        nf!(|a| Value::Int((a[0].int() as u16).trailing_zeros() as i64)),
    ),
    (
        "math/bits.TrailingZeros32",
        nf!(|a| Value::Int((a[0].int() as u32).trailing_zeros() as i64)),
    ),
    (
        "math/bits.TrailingZeros64",
        nf!(|a| Value::Int((a[0].int() as u64).trailing_zeros() as i64)),
    ),
    (
        "math/bits.Len",
        nf!(|a| Value::Int(64 - (a[0].int() as u64).leading_zeros() as i64)),
    ),
    (
        "math/bits.Len8",
        nf!(|a| Value::Int(8 - (a[0].int() as u8).leading_zeros() as i64)),
    ),
    (
        "math/bits.Len16",
        nf!(|a| Value::Int(16 - (a[0].int() as u16).leading_zeros() as i64)),
    ),
    (
        "math/bits.Len32",
        nf!(|a| Value::Int(32 - (a[0].int() as u32).leading_zeros() as i64)),
    ),
    (
        "math/bits.Len64",
        nf!(|a| Value::Int(64 - (a[0].int() as u64).leading_zeros() as i64)),
    ),
    (
        "math/bits.Reverse",
        nf!(|a| Value::Int((a[0].int() as u64).reverse_bits() as i64)),
    ),
    (
        "math/bits.Reverse8",
        nf!(|a| Value::Int((a[0].int() as u8).reverse_bits() as i64)),
    ),
    (
        "math/bits.Reverse16",
        nf!(|a| Value::Int((a[0].int() as u16).reverse_bits() as i64)),
    ),
    (
        "math/bits.Reverse32",
        nf!(|a| Value::Int((a[0].int() as u32).reverse_bits() as i64)),
    ),
    (
        "math/bits.Reverse64",
        nf!(|a| Value::Int((a[0].int() as u64).reverse_bits() as i64)),
    ),
    (
        "math/bits.ReverseBytes",
        nf!(|a| Value::Int((a[0].int() as u64).swap_bytes() as i64)),
    ),
    (
        "math/bits.ReverseBytes16",
        nf!(|a| Value::Int((a[0].int() as u16).swap_bytes() as i64)),
    ),
    (
        "math/bits.ReverseBytes32",
        nf!(|a| Value::Int((a[0].int() as u32).swap_bytes() as i64)),
    ),
    (
        "math/bits.ReverseBytes64",
        nf!(|a| Value::Int((a[0].int() as u64).swap_bytes() as i64)),
    ),
    (
        "math/bits.RotateLeft",
        nf!(|a| Value::Int(rotl64(a[0].int() as u64, a[1].int()) as i64)),
    ),
    (
        "math/bits.RotateLeft64",
        nf!(|a| Value::Int(rotl64(a[0].int() as u64, a[1].int()) as i64)),
    ),
    (
        "math/bits.RotateLeft32",
        nf!(|a| {
            let k = a[1].int().rem_euclid(32) as u32;
            Value::Int((a[0].int() as u32).rotate_left(k) as i64)
        }),
    ),
    (
        "math/bits.RotateLeft16",
        nf!(|a| {
            let k = a[1].int().rem_euclid(16) as u32;
            Value::Int((a[0].int() as u16).rotate_left(k) as i64)
        }),
    ),
    (
        "math/bits.RotateLeft8",
        nf!(|a| {
            let k = a[1].int().rem_euclid(8) as u32;
            Value::Int((a[0].int() as u8).rotate_left(k) as i64)
        }),
    ),
    (
        "math/bits.Add64",
        nf!(|_vm, a| {
            let (x, y, c) = (a[0].int() as u64, a[1].int() as u64, a[2].int() as u64);
            let s = (x as u128) + (y as u128) + (c as u128);
            Ok(vec![
                Value::Int(s as u64 as i64),
                Value::Int((s >> 64) as i64),
            ])
        }),
    ),
    (
        "math/bits.Sub64",
        nf!(|_vm, a| {
            let (x, y, b) = (a[0].int() as u64, a[1].int() as u64, a[2].int() as u64);
            let d = x.wrapping_sub(y).wrapping_sub(b);
            let out = ((!x & y) | (!(x ^ y) & d)) >> 63;
            Ok(vec![Value::Int(d as i64), Value::Int(out as i64)])
        }),
    ),
    (
        "math/bits.Mul64",
        nf!(|_vm, a| {
            let p = (a[0].int() as u64 as u128) * (a[1].int() as u64 as u128);
            Ok(vec![
                Value::Int((p >> 64) as u64 as i64),
                Value::Int(p as u64 as i64),
            ])
        }),
    ),
    // runtime
    (
        "runtime.Gosched",
        nf!(|vm, _a| {
            vm.g.gosched();
            Ok(vec![])
        }),
    ),
    (
        "runtime.NumGoroutine",
        nf!(|vm, _a| Ok(vec![Value::Int(vm.g.num_goroutine() as i64)])),
    ),
    (
        "runtime.GOMAXPROCS",
        nf!(|vm, a| Ok(vec![Value::Int(vm.g.gomaxprocs(a[0].int() as i32) as i64)])),
    ),
    // A library variable the program may assign: a getter and a setter (`pkg.Name=`).
    // minigo keeps no memory profile, so the rate is only remembered.
    (
        "runtime.MemProfileRate",
        nf!(|a| {
            let _ = a;
            Value::Int(MEM_PROFILE_RATE.load(std::sync::atomic::Ordering::Relaxed))
        }),
    ),
    (
        "runtime.MemProfileRate=",
        nf!(|a| {
            MEM_PROFILE_RATE.store(a[0].int(), std::sync::atomic::Ordering::Relaxed);
            Value::Nil
        }),
    ),
    (
        "runtime.NumCPU",
        nf!(|a| {
            let _ = a;
            Value::Int(minigo_runtime::num_cpu() as i64)
        }),
    ),
    (
        "runtime.GC",
        nf!(|vm, _a| {
            vm.release_dead_regs();
            vm.g.gc();
            Ok(vec![])
        }),
    ),
    (
        "runtime/debug.SetGCPercent",
        nf!(|vm, a| Ok(vec![Value::Int(
            vm.g.set_gc_percent(a[0].int().clamp(-1, i32::MAX as i64) as i32) as i64
        )])),
    ),
    (
        "runtime/debug.FreeOSMemory",
        nf!(|vm, _a| {
            vm.g.gc();
            Ok(vec![])
        }),
    ),
    ("runtime.KeepAlive", nf!(|_vm, _a| Ok(vec![]))),
    (
        "runtime.Version",
        nf!(|a| {
            let _ = a;
            Value::from_str("go1.27")
        }),
    ),
    ("runtime.Goexit", goexit),
    // A trap instruction: without a debugger the process dies of SIGTRAP, as Go's does.
    (
        "runtime.Breakpoint",
        nf!(|vm, _a| {
            let frames = vm.traceback();
            let s = format!(
                "SIGTRAP: trace trap\nPC=0x0 m=0 sigcode=128\n\ngoroutine {} [running]:\n{}",
                vm.goid,
                vm.format_trace(&frames)
            );
            Err(crate::vm::rt::fatal_exit(&s, 2))
        }),
    ),
    ("runtime.slicetoarrayptr", slicetoarrayptr),
    ("builtin.fmin", nf!(|a| fv(fmin(fl(&a[0]), fl(&a[1]))))),
    ("builtin.fmax", nf!(|a| fv(-fmin(-fl(&a[0]), -fl(&a[1]))))),
    ("strings.(*Reader).Len", sr_len),
    ("strings.(*Reader).Read", sr_read),
    ("strings.(*Reader).ReadByte", sr_read_byte),
    ("strings.(*Reader).ReadRune", sr_read_rune),
    ("bufio.(*Reader).ReadBytes", reader_read_bytes),
    ("bufio.(*Reader).ReadLine", reader_read_line),
    ("bufio.(*Reader).ReadByte", reader_read_byte),
    ("bufio.(*Reader).ReadRune", reader_read_rune),
    ("bufio.(*Reader).Read", reader_read),
    ("os.(*File).Read", file_read),
    ("runtime.ReadMemStats", read_mem_stats),
    ("runtime.SetFinalizer", set_finalizer),
    ("runtime.Caller", runtime_caller),
    ("runtime.Callers", runtime_callers),
    ("runtime.Stack", runtime_stack),
    (
        "runtime.funcname",
        nf!(|vm, a| {
            let name = pc_func(vm, a[0].int()).map(|(name, _)| name);
            Ok(vec![Value::from_str(&name.unwrap_or_default())])
        }),
    ),
    (
        "runtime.funcfile",
        nf!(|vm, a| {
            let file = pc_func(vm, a[0].int()).map(|(_, file)| file);
            Ok(vec![Value::from_str(&file.unwrap_or_default())])
        }),
    ),
    (
        "runtime.funcline",
        nf!(|vm, a| {
            let pc = a[0].int();
            let line = pc_func(vm, pc).map_or(0, |_| line_number(pc as u32));
            Ok(vec![Value::Int(line as i64)])
        }),
    ),
    (
        "math.Remainder",
        nf!(|a| fv(remainder(fl(&a[0]), fl(&a[1])))),
    ),
    ("math/bits.Div64", bits_div64),
    (
        "os.Getpid",
        nf!(|a| {
            let _ = a;
            Value::Int(std::process::id() as i64)
        }),
    ),
    (
        "os.Hostname",
        nf!(|_vm, _a| {
            let h = std::fs::read_to_string("/proc/sys/kernel/hostname").unwrap_or_default();
            Ok(vec![Value::from_str(h.trim_end()), Value::Nil])
        }),
    ),
    (
        "os.Environ",
        nf!(|a| {
            let _ = a;
            let vars: Vec<Vec<u8>> = std::env::vars_os()
                .map(|(k, v)| {
                    use std::os::unix::ffi::OsStrExt;
                    let mut b = k.as_bytes().to_vec();
                    b.push(b'=');
                    b.extend_from_slice(v.as_bytes());
                    b
                })
                .collect();
            super::string_slice(&vars)
        }),
    ),
    (
        "os.Remove",
        nf!(|vm, a| {
            let name = a[0].str().to_string_lossy();
            let r = vm.g.syscall(|| {
                std::fs::remove_file(&name).or_else(|e| match std::fs::remove_dir(&name) {
                    Ok(()) => Ok(()),
                    Err(_) => Err(e),
                })
            });
            Ok(vec![match r {
                Ok(()) => Value::Nil,
                Err(e) => path_error_in(Some(vm), "remove", &name, &e),
            }])
        }),
    ),
    ("math/rand.Seed", nf!(|_vm, _a| Ok(vec![]))),
    (
        "math/rand.Int63",
        nf!(|a| {
            let _ = a;
            Value::Int(rand64() as i64 & i64::MAX)
        }),
    ),
    (
        "math/rand.Int",
        nf!(|a| {
            let _ = a;
            Value::Int(rand64() as i64 & i64::MAX)
        }),
    ),
    (
        "math/rand.Int31",
        nf!(|a| {
            let _ = a;
            Value::Int((rand64() >> 33) as i64)
        }),
    ),
    (
        "math/rand.Uint32",
        nf!(|a| {
            let _ = a;
            Value::Int((rand64() >> 32) as i64)
        }),
    ),
    (
        "math/rand.Uint64",
        nf!(|a| {
            let _ = a;
            Value::Int(rand64() as i64)
        }),
    ),
    (
        "math/rand.Float64",
        nf!(|a| {
            let _ = a;
            fv((rand64() >> 11) as f64 / (1u64 << 53) as f64)
        }),
    ),
    (
        "math/rand.Float32",
        nf!(|a| {
            let _ = a;
            fv(((rand64() >> 40) as f32 / (1u32 << 24) as f32) as f64)
        }),
    ),
    ("math/rand.Intn", rand_intn),
    ("math/rand.Int63n", rand_int63n),
    ("math/rand.Int31n", rand_int31n),
    (
        "runtime.globaladdr",
        nf!(|vm, a| Ok(vec![Value::Ptr(Pointer {
            obj: vm.shared.globals.obj.clone(),
            off: a[0].int() as u32,
        })])),
    ),
    // math
    ("math.Sqrt", nf!(|a| fv(fl(&a[0]).sqrt()))),
    ("math.Cbrt", nf!(|a| fv(sm::cbrt(fl(&a[0]))))),
    ("math.Pow", nf!(|a| fv(sm::pow(fl(&a[0]), fl(&a[1]))))),
    ("math.Pow10", nf!(|a| fv(sm::pow10(a[0].int())))),
    ("math.Abs", nf!(|a| fv(fl(&a[0]).abs()))),
    ("math.Floor", nf!(|a| fv(fl(&a[0]).floor()))),
    ("math.Ceil", nf!(|a| fv(fl(&a[0]).ceil()))),
    ("math.Trunc", nf!(|a| fv(fl(&a[0]).trunc()))),
    ("math.Round", nf!(|a| fv(fl(&a[0]).round()))),
    ("math.RoundToEven", nf!(|a| fv(fl(&a[0]).round_ties_even()))),
    ("math.Mod", nf!(|a| fv(sm::fmod(fl(&a[0]), fl(&a[1]))))),
    (
        "math.Modf",
        nf!(|_vm, a| {
            let (i, f) = sm::modf(fl(&a[0]));
            Ok(vec![fv(i), fv(f)])
        }),
    ),
    ("math.Max", nf!(|a| fv(sm::max(fl(&a[0]), fl(&a[1]))))),
    ("math.Min", nf!(|a| fv(sm::min(fl(&a[0]), fl(&a[1]))))),
    ("math.Dim", nf!(|a| fv(sm::dim(fl(&a[0]), fl(&a[1]))))),
    ("math.Hypot", nf!(|a| fv(sm::hypot(fl(&a[0]), fl(&a[1]))))),
    ("math.Copysign", nf!(|a| fv(fl(&a[0]).copysign(fl(&a[1]))))),
    (
        "math.Signbit",
        nf!(|a| Value::from_bool(sm::signbit(fl(&a[0])))),
    ),
    ("math.Inf", nf!(|a| fv(sm::inf(a[0].int())))),
    (
        "math.IsInf",
        nf!(|a| Value::from_bool(sm::is_inf(fl(&a[0]), a[1].int()))),
    ),
    (
        "math.NaN",
        nf!(|a| {
            let _ = a;
            fv(sm::nan())
        }),
    ),
    ("math.IsNaN", nf!(|a| Value::from_bool(fl(&a[0]).is_nan()))),
    ("math.Exp", nf!(|a| fv(sm::exp(fl(&a[0]))))),
    ("math.Exp2", nf!(|a| fv(sm::exp2(fl(&a[0]))))),
    ("math.Expm1", nf!(|a| fv(sm::expm1(fl(&a[0]))))),
    ("math.Log", nf!(|a| fv(sm::log(fl(&a[0]))))),
    ("math.Log2", nf!(|a| fv(sm::log2(fl(&a[0]))))),
    ("math.Log10", nf!(|a| fv(sm::log10(fl(&a[0]))))),
    ("math.Log1p", nf!(|a| fv(sm::log1p(fl(&a[0]))))),
    ("math.Sin", nf!(|a| fv(sm::sin(fl(&a[0]))))),
    ("math.Cos", nf!(|a| fv(sm::cos(fl(&a[0]))))),
    ("math.Tan", nf!(|a| fv(sm::tan(fl(&a[0]))))),
    ("math.Asin", nf!(|a| fv(sm::asin(fl(&a[0]))))),
    ("math.Acos", nf!(|a| fv(sm::acos(fl(&a[0]))))),
    ("math.Atan", nf!(|a| fv(sm::atan(fl(&a[0]))))),
    ("math.Atan2", nf!(|a| fv(sm::atan2(fl(&a[0]), fl(&a[1]))))),
    ("math.Sinh", nf!(|a| fv(sm::sinh(fl(&a[0]))))),
    ("math.Cosh", nf!(|a| fv(sm::cosh(fl(&a[0]))))),
    ("math.Tanh", nf!(|a| fv(sm::tanh(fl(&a[0]))))),
    ("math.Float64bits", nf!(|a| Value::Int(a[0].int()))),
    ("math.Float64frombits", nf!(|a| Value::Int(a[0].int()))),
    (
        "math.Float32bits",
        nf!(|a| Value::Int((fl(&a[0]) as f32).to_bits() as i64)),
    ),
    (
        "math.Float32frombits",
        nf!(|a| fv(f32::from_bits(a[0].int() as u32) as f64)),
    ),
    (
        "math.Frexp",
        nf!(|_vm, a| {
            let (f, e) = sm::frexp(fl(&a[0]));
            Ok(vec![fv(f), Value::Int(e)])
        }),
    ),
    ("math.Ldexp", nf!(|a| fv(sm::ldexp(fl(&a[0]), a[1].int())))),
    // sort
    (
        "sort.Ints",
        nf!(|_vm, a| {
            sort_slice(&a[0], |x, y| x.int() < y.int(), false);
            Ok(vec![])
        }),
    ),
    (
        "sort.Strings",
        nf!(|_vm, a| {
            sort_slice(&a[0], |x, y| x.as_str() < y.as_str(), false);
            Ok(vec![])
        }),
    ),
    (
        "sort.Float64s",
        nf!(|_vm, a| {
            sort_slice(
                &a[0],
                |x, y| x.float() < y.float() || (x.float().is_nan() && !y.float().is_nan()),
                false,
            );
            Ok(vec![])
        }),
    ),
    (
        "sort.IntsAreSorted",
        nf!(|a| Value::from_bool(
            slice_items(&a[0])
                .windows(2)
                .all(|w| w[1].int() >= w[0].int())
        )),
    ),
    (
        "sort.StringsAreSorted",
        nf!(|a| Value::from_bool(
            slice_items(&a[0])
                .windows(2)
                .all(|w| w[1].as_str() >= w[0].as_str())
        )),
    ),
    (
        "sort.Float64sAreSorted",
        nf!(|a| Value::from_bool(
            slice_items(&a[0])
                .windows(2)
                .all(|w| w[1].float() >= w[0].float()
                    || w[1].float().is_nan()
                    || w[0].float().is_nan())
        )),
    ),
    (
        "sort.SearchInts",
        nf!(|a| {
            let v = slice_items(&a[0]);
            let x = a[1].int();
            Value::Int(ssort::search(v.len() as i64, |i| v[i as usize].int() >= x))
        }),
    ),
    (
        "sort.SearchStrings",
        nf!(|a| {
            let v = slice_items(&a[0]);
            let x = a[1].as_str();
            Value::Int(ssort::search(v.len() as i64, |i| {
                v[i as usize].as_str() >= x
            }))
        }),
    ),
    (
        "sort.SearchFloat64s",
        nf!(|a| {
            let v = slice_items(&a[0]);
            let x = a[1].float();
            Value::Int(ssort::search(v.len() as i64, |i| {
                v[i as usize].float() >= x
            }))
        }),
    ),
    (
        "sort.Search",
        nf!(|vm, a| {
            let f = a[1].clone();
            let mut trap = None;
            let r = ssort::search(a[0].int(), |i| {
                if trap.is_some() {
                    return true;
                }
                match vm.call_value(&f, &[Value::Int(i)]) {
                    Ok(r) => r.first().is_some_and(|x| x.truthy()),
                    Err(t) => {
                        trap = Some(t);
                        true
                    }
                }
            });
            match trap {
                Some(t) => Err(t),
                None => Ok(vec![Value::Int(r)]),
            }
        }),
    ),
    (
        "sort.Slice",
        nf!(|vm, a| {
            slice_sort(vm, &a[0], &a[1], false)?;
            Ok(vec![])
        }),
    ),
    (
        "sort.SliceStable",
        nf!(|vm, a| {
            slice_sort(vm, &a[0], &a[1], true)?;
            Ok(vec![])
        }),
    ),
    (
        "sort.SliceIsSorted",
        nf!(|vm, a| {
            let s = match &a[0] {
                Value::Iface(iv) => iv.val.clone(),
                v => v.clone(),
            };
            let n = match &s {
                Value::Slice(sl) => sl.len as usize,
                _ => 0,
            };
            let mut d = GoLess {
                vm,
                less: &a[1],
                slice: &s,
                iface: None,
            };
            Ok(vec![Value::from_bool(ssort::is_sorted(&mut d, n)?)])
        }),
    ),
    (
        "sort.Sort",
        nf!(|vm, a| {
            iface_sort(vm, &a[0], false)?;
            Ok(vec![])
        }),
    ),
    (
        "sort.Stable",
        nf!(|vm, a| {
            iface_sort(vm, &a[0], true)?;
            Ok(vec![])
        }),
    ),
    (
        "sort.IsSorted",
        nf!(|vm, a| {
            let n = iface_len(vm, &a[0])?;
            let iv = match &a[0] {
                Value::Iface(iv) => iv.clone(),
                _ => return Ok(vec![Value::from_bool(true)]),
            };
            let nil = Value::Nil;
            let mut d = GoLess {
                vm,
                less: &nil,
                slice: &nil,
                iface: Some(iv),
            };
            Ok(vec![Value::from_bool(ssort::is_sorted(&mut d, n)?)])
        }),
    ),
    (
        "sort.IntSlice.Len",
        nf!(|a| Value::Int(slice_items(&a[0]).len() as i64)),
    ),
    (
        "sort.IntSlice.Less",
        nf!(|a| {
            let v = slice_items(&a[0]);
            Value::from_bool(v[a[1].int() as usize].int() < v[a[2].int() as usize].int())
        }),
    ),
    (
        "sort.IntSlice.Swap",
        nf!(|_vm, a| {
            swap_elems(&a[0], a[1].int() as usize, a[2].int() as usize);
            Ok(vec![])
        }),
    ),
    (
        "sort.StringSlice.Len",
        nf!(|a| Value::Int(slice_items(&a[0]).len() as i64)),
    ),
    (
        "sort.StringSlice.Less",
        nf!(|a| {
            let v = slice_items(&a[0]);
            Value::from_bool(v[a[1].int() as usize].as_str() < v[a[2].int() as usize].as_str())
        }),
    ),
    (
        "sort.StringSlice.Swap",
        nf!(|_vm, a| {
            swap_elems(&a[0], a[1].int() as usize, a[2].int() as usize);
            Ok(vec![])
        }),
    ),
    (
        "sort.Float64Slice.Len",
        nf!(|a| Value::Int(slice_items(&a[0]).len() as i64)),
    ),
    (
        "sort.Float64Slice.Less",
        nf!(|a| {
            let v = slice_items(&a[0]);
            let (x, y) = (
                v[a[1].int() as usize].float(),
                v[a[2].int() as usize].float(),
            );
            Value::from_bool(x < y || (x.is_nan() && !y.is_nan()))
        }),
    ),
    (
        "sort.Float64Slice.Swap",
        nf!(|_vm, a| {
            swap_elems(&a[0], a[1].int() as usize, a[2].int() as usize);
            Ok(vec![])
        }),
    ),
];

// ---------------------------------------------------------------------------------------------
// os / io

fn file(fd: i64) -> Value {
    static FILES: OnceLock<[Pointer; 3]> = OnceLock::new();
    let f = FILES.get_or_init(|| {
        let mk = |fd: i64| {
            Pointer::new_cell(
                SlotKind::Words,
                1 | AGG,
                Value::Tuple(vec![Value::Int(fd)].into()),
            )
        };
        [mk(0), mk(1), mk(2)]
    });
    Value::Ptr(f[fd.clamp(0, 2) as usize].clone())
}

/// A `*os.File` value as an `io.Writer` interface (for `write_to`).
fn file_iface(vm: &Vm<'_>, f: &Value) -> Value {
    let ty = vm
        .prog()
        .types
        .iter()
        .position(|t| t.name == "*os.File")
        .unwrap_or(0) as u32;
    Value::Iface(crate::vm::value::Iface::new(ty, f.clone()))
}

fn static_err(cell: &'static OnceLock<Value>, msg: &[u8]) -> Value {
    cell.get_or_init(|| new_error(msg)).clone()
}
pub fn io_eof() -> Value {
    static E: OnceLock<Value> = OnceLock::new();
    static_err(&E, b"EOF")
}
pub fn io_unexpected_eof() -> Value {
    static E: OnceLock<Value> = OnceLock::new();
    static_err(&E, b"unexpected EOF")
}
fn err_not_exist() -> Value {
    static E: OnceLock<Value> = OnceLock::new();
    static_err(&E, b"file does not exist")
}
fn path_error(op: &str, name: &str, e: &std::io::Error) -> Value {
    path_error_in(None, op, name, e)
}

/// `*os.PathError{Op, Path, Err}` when the program names the type (so errors.As finds it),
/// else an error with its message; Err wraps os.ErrNotExist where Go's errno matches it.
fn path_error_in(vm: Option<&Vm<'_>>, op: &str, name: &str, e: &std::io::Error) -> Value {
    let ty = vm.and_then(|vm| {
        vm.prog()
            .types
            .iter()
            .position(|t| t.name == "*os.PathError")
    });
    if let Some(ty) = ty {
        let (text, inner) = match e.kind() {
            std::io::ErrorKind::NotFound => ("no such file or directory", Some(err_not_exist())),
            std::io::ErrorKind::PermissionDenied => ("permission denied", None),
            _ => ("input/output error", None),
        };
        let errv = match inner {
            Some(i) => Value::Iface(crate::vm::value::Iface::new(
                RT_WRAP_ERROR,
                Value::Tuple(vec![Value::from_str(text), i].into()),
            )),
            None => new_error(text.as_bytes()),
        };
        let cell = Pointer::new_cell(
            SlotKind::Vals,
            3 | AGG,
            Value::Tuple(vec![Value::from_str(op), Value::from_str(name), errv].into()),
        );
        return Value::Iface(crate::vm::value::Iface::new(ty as u32, Value::Ptr(cell)));
    }
    path_error_plain(op, name, e)
}

fn path_error_plain(op: &str, name: &str, e: &std::io::Error) -> Value {
    let (text, inner) = match e.kind() {
        std::io::ErrorKind::NotFound => ("no such file or directory", Some(err_not_exist())),
        std::io::ErrorKind::PermissionDenied => ("permission denied", None),
        std::io::ErrorKind::IsADirectory => ("is a directory", None),
        _ => ("input/output error", None),
    };
    let msg = format!("{op} {name}: {text}");
    match inner {
        Some(i) => Value::Iface(crate::vm::value::Iface::new(
            RT_WRAP_ERROR,
            Value::Tuple(vec![Value::from_str(&msg), i].into()),
        )),
        None => new_error(msg.as_bytes()),
    }
}

// ---------------------------------------------------------------------------------------------
// bufio

/// The shared split function of a Scanner (changeable by `Split` before scanning).
#[derive(Clone)]
struct SplitCell(Arc<parking_lot::Mutex<sb::Builtin>>);

impl sb::SplitFunc for SplitCell {
    fn split(&mut self, data: &[u8], at_eof: bool) -> sb::Split {
        let mut b = *self.0.lock();
        b.split(data, at_eof)
    }
}

type Source = Box<dyn Read + Send>;

struct ScannerState {
    sc: parking_lot::Mutex<sb::Scanner<Source, SplitCell>>,
    split: SplitCell,
}

/// A byte source for a reader value: stdin, or a `*strings.Reader`'s remaining bytes.
/// The byte source of a `bufio.Scanner` over reader `r`: a `*strings.Reader` (its unread
/// bytes), a `*bytes.Buffer` (its contents), a file opened with os.Open (its contents),
/// os.Stdin, or a `*bufio.Reader` over one of these. Any other reader is refused with a
/// clear error (Err: its type) rather than read as stdin.
fn source(vm: &Vm<'_>, r: &Value) -> Result<Source, String> {
    let Value::Iface(iv) = r else {
        return Err("nil".into());
    };
    let name = vm
        .prog()
        .types
        .get(iv.ty as usize)
        .map_or("", |t| t.name.as_str());
    let p = ptr(&iv.val);
    match (name, p) {
        ("*strings.Reader", Some(p)) => {
            let t = p.load(2 | AGG);
            let t = t.tuple();
            let s = t[0].as_str();
            let i = (t[1].int().max(0) as usize).min(s.len());
            let rest = s[i..].to_vec();
            p.store(
                2 | AGG,
                Value::Tuple(vec![t[0].clone(), Value::Int(s.len() as i64)].into()),
            );
            Ok(Box::new(std::io::Cursor::new(rest)))
        }
        ("*bytes.Buffer", Some(p)) => {
            let b = std::mem::take(&mut *super::strings::builder(p).lock());
            Ok(Box::new(std::io::Cursor::new(b)))
        }
        ("*os.File", Some(p)) => match p.load(1).int() {
            0 => Ok(Box::new(std::io::stdin())),
            fd if fd >= 3 => {
                let files = open_files().lock();
                let b = files.get(fd as usize - 3).cloned().unwrap_or_default();
                Ok(Box::new(std::io::Cursor::new(b)))
            }
            _ => Err(name.to_string()),
        },
        ("*bufio.Reader", Some(p)) => source(vm, &p.load(1)),
        _ => Err(name.to_string()),
    }
}

fn new_scanner(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let cell = Pointer::new_cell(
        SlotKind::Vals,
        1 | AGG,
        Value::Tuple(vec![Value::Nil].into()),
    );
    let src = match source(vm, &a[0]) {
        Ok(s) => s,
        Err(t) => {
            let e = Value::Iface(crate::vm::value::Iface::new(
                crate::vm::program::RT_STRING,
                Value::from_str(&format!(
                    "minigo does not support bufio.Scanner over a reader of type {t} yet"
                )),
            ));
            return Err(super::gopanic(vm, e));
        }
    };
    let split = SplitCell(Arc::new(parking_lot::Mutex::new(sb::Builtin::Lines)));
    let s2 = split.clone();
    let _ = native_cell(&cell, move || ScannerState {
        sc: parking_lot::Mutex::new(sb::Scanner::new(src, s2)),
        split,
    });
    Ok(vec![Value::Ptr(cell)])
}

fn scanner(vm: &mut Vm<'_>, v: &Value) -> Result<Arc<ScannerState>, Trap> {
    match ptr(v) {
        Some(p) => Ok(native_cell(p, || {
            let split = SplitCell(Arc::new(parking_lot::Mutex::new(sb::Builtin::Lines)));
            ScannerState {
                sc: parking_lot::Mutex::new(sb::Scanner::new(
                    Box::new(std::io::stdin()) as Source,
                    split.clone(),
                )),
                split,
            }
        })),
        None => {
            let e = vm.runtime_error("invalid memory address or nil pointer dereference");
            Err(super::gopanic(vm, e))
        }
    }
}

fn scanner_scan(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let s = scanner(vm, &a[0])?;
    vm.publish_frames();
    let r = vm.g.syscall(|| s.sc.lock().scan());
    match r {
        Ok(b) => Ok(vec![Value::from_bool(b)]),
        Err(m) => Err(super::panic_str(vm, m)),
    }
}
fn scanner_text(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let s = scanner(vm, &a[0])?;
    let t = s.sc.lock().token().to_vec();
    Ok(vec![Value::from_bytes(t)])
}
fn scanner_bytes(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let s = scanner(vm, &a[0])?;
    let t = s.sc.lock().token().to_vec();
    Ok(vec![byte_slice(&t)])
}
fn scanner_err(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let s = scanner(vm, &a[0])?;
    let e = s.sc.lock().err().map(|e| e.to_vec());
    Ok(vec![e.map_or(Value::Nil, |e| new_error(&e))])
}
fn scanner_buffer(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let s = scanner(vm, &a[0])?;
    let cap = match &a[1] {
        Value::Slice(sl) => sl.cap as usize,
        _ => 0,
    };
    s.sc.lock().buffer(cap, a[2].int().max(0) as usize);
    Ok(vec![])
}
fn scanner_split(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let s = scanner(vm, &a[0])?;
    let name = match &a[1] {
        Value::Func(f) => match &**f {
            crate::vm::value::FuncVal::Native { id } => {
                vm.prog().natives.get(*id as usize).map_or("", |n| n.name)
            }
            _ => "",
        },
        _ => "",
    };
    let b = match name {
        "bufio.ScanWords" => sb::Builtin::Words,
        "bufio.ScanRunes" => sb::Builtin::Runes,
        "bufio.ScanBytes" => sb::Builtin::Bytes,
        "bufio.ScanLines" => sb::Builtin::Lines,
        _ => {
            return Err(super::panic_str(
                vm,
                "minigo: custom bufio.SplitFunc is not supported",
            ))
        }
    };
    *s.split.0.lock() = b;
    Ok(vec![])
}

fn split_result(r: sb::Split, data: &Value) -> R {
    let data = bytes_of(data);
    let tok = |t: Option<sb::Token>| match t {
        Some(sb::Token::Range(a, b)) => byte_slice(&data[a..b]),
        Some(sb::Token::Owned(v)) => byte_slice(&v),
        None => Value::Nil,
    };
    Ok(match r {
        sb::Split::Ok { advance, token } => {
            vec![Value::Int(advance as i64), tok(token), Value::Nil]
        }
        sb::Split::Final(t) => vec![Value::Int(0), tok(t), new_error(b"final token")],
        sb::Split::Err(e) => vec![Value::Int(0), Value::Nil, new_error(&e)],
    })
}

fn new_reader(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    // The one field holds the underlying reader; reads go through fmt's stdin buffer or the
    // strings.Reader's own fields, so bufio.Reader, fmt.Fscan and io.ReadAll can be mixed.
    let cell = Pointer::new_cell(
        SlotKind::Vals,
        1 | AGG,
        Value::Tuple(vec![a[0].clone()].into()),
    );
    Ok(vec![Value::Ptr(cell)])
}

fn reader_read_string(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let p = match ptr(&a[0]) {
        Some(p) => p.clone(),
        None => {
            let e = vm.runtime_error("invalid memory address or nil pointer dereference");
            return Err(super::gopanic(vm, e));
        }
    };
    let delim = a[1].int() as u8;
    let (buf, found) = super::fmt::read_until(vm, &Value::Ptr(p), delim);
    let err = if found { Value::Nil } else { io_eof() };
    Ok(vec![Value::from_bytes(buf), err])
}

struct WriterState {
    w: Value,
    buf: parking_lot::Mutex<Vec<u8>>,
    size: usize,
}

fn new_writer(_vm: &mut Vm<'_>, a: &[Value]) -> R {
    let size = a.get(1).map_or(4096, |v| v.int().max(16) as usize);
    let cell = Pointer::new_cell(
        SlotKind::Vals,
        1 | AGG,
        Value::Tuple(vec![Value::Nil].into()),
    );
    let w = a[0].clone();
    let _ = native_cell(&cell, move || WriterState {
        w,
        buf: parking_lot::Mutex::new(Vec::new()),
        size,
    });
    Ok(vec![Value::Ptr(cell)])
}

fn writer(v: &Value) -> Option<Arc<WriterState>> {
    ptr(v).map(|p| {
        native_cell(p, || WriterState {
            w: Value::Nil,
            buf: parking_lot::Mutex::new(Vec::new()),
            size: 4096,
        })
    })
}

/// `(*bufio.Writer).Write` with Go's buffering (flush when full).
pub fn bufio_write(vm: &mut Vm<'_>, w: &Value, mut b: &[u8]) -> R {
    let st = match writer(w) {
        Some(s) => s,
        None => return Ok(vec![Value::Int(0), Value::Nil]),
    };
    let total = b.len();
    loop {
        let avail = st.size - st.buf.lock().len();
        if b.len() <= avail {
            break;
        }
        let (head, rest) = b.split_at(avail);
        st.buf.lock().extend_from_slice(head);
        b = rest;
        bufio_flush(vm, w)?;
    }
    st.buf.lock().extend_from_slice(b);
    Ok(vec![Value::Int(total as i64), Value::Nil])
}

fn bufio_flush(vm: &mut Vm<'_>, w: &Value) -> Result<(), Trap> {
    let st = match writer(w) {
        Some(s) => s,
        None => return Ok(()),
    };
    let data = std::mem::take(&mut *st.buf.lock());
    if !data.is_empty() {
        super::fmt::write_to(vm, &st.w, &data)?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// runtime.Goexit

fn goexit(vm: &mut Vm<'_>, _a: &[Value]) -> R {
    // Run the deferred calls of every frame, innermost first, then end the goroutine.
    while let Some(d) = vm.defers.pop() {
        if d.recover {
            continue; // recover() outside a panic's deferred call
        }
        vm.call_value(&d.func, &d.args)?;
    }
    vm.publish_frames();
    vm.g.goexit()
}

// ---------------------------------------------------------------------------------------------
// sort

fn swap_elems(s: &Value, i: usize, j: usize) {
    if let Value::Slice(sl) = s {
        let (a, b) = (sl.get(i), sl.get(j));
        sl.set(i, b);
        sl.set(j, a);
    }
}

fn sort_slice(s: &Value, less: impl FnMut(&Value, &Value) -> bool, stable: bool) {
    if let Value::Slice(sl) = s {
        let mut v: Vec<Value> = (0..sl.len as usize).map(|i| sl.get(i)).collect();
        if stable {
            ssort::stable_by(&mut v, less);
        } else {
            ssort::sort_by(&mut v, less);
        }
        for (i, x) in v.into_iter().enumerate() {
            sl.set(i, x);
        }
    }
}

/// `less` through a Go closure (sort.Slice) or a sort.Interface value.
struct GoLess<'a, 'v, 'g> {
    vm: &'a mut Vm<'g>,
    less: &'v Value,
    slice: &'v Value,
    iface: Option<Arc<Iface>>,
}

impl ssort::LessSwap for GoLess<'_, '_, '_> {
    type Error = Trap;
    fn less(&mut self, i: usize, j: usize) -> Result<bool, Trap> {
        let args = [Value::Int(i as i64), Value::Int(j as i64)];
        let r = match &self.iface {
            Some(iv) => match super::call_method(self.vm, iv, "Less", &args) {
                Some(r) => r?,
                None => vec![],
            },
            None => self.vm.call_value(self.less, &args)?,
        };
        Ok(r.first().is_some_and(|x| x.truthy()))
    }
    fn swap(&mut self, i: usize, j: usize) {
        match &self.iface {
            Some(iv) => {
                let args = [Value::Int(i as i64), Value::Int(j as i64)];
                let _ = super::call_method(self.vm, iv, "Swap", &args);
            }
            None => swap_elems(self.slice, i, j),
        }
    }
}

fn slice_sort(vm: &mut Vm<'_>, x: &Value, less: &Value, stable: bool) -> Result<(), Trap> {
    let s = match x {
        Value::Iface(iv) => iv.val.clone(),
        v => v.clone(),
    };
    let n = match &s {
        Value::Slice(sl) => sl.len as usize,
        _ => 0,
    };
    let mut d = GoLess {
        vm,
        less,
        slice: &s,
        iface: None,
    };
    if stable {
        ssort::stable(&mut d, n)
    } else {
        ssort::sort(&mut d, n)
    }
}

fn iface_len(vm: &mut Vm<'_>, x: &Value) -> Result<usize, Trap> {
    match x {
        Value::Iface(iv) => match super::call_method(vm, iv, "Len", &[]) {
            Some(r) => Ok(r?.first().map_or(0, |v| v.int().max(0) as usize)),
            None => Ok(0),
        },
        _ => {
            let e = vm.runtime_error("invalid memory address or nil pointer dereference");
            Err(super::gopanic(vm, e))
        }
    }
}

fn iface_sort(vm: &mut Vm<'_>, x: &Value, stable: bool) -> Result<(), Trap> {
    let n = iface_len(vm, x)?;
    let iv = match x {
        Value::Iface(iv) => iv.clone(),
        _ => return Ok(()),
    };
    // Fast path: the library slice types sort natively with the same algorithm.
    let nil = Value::Nil;
    let _ = RKind::Bool;
    let mut d = GoLess {
        vm,
        less: &nil,
        slice: &nil,
        iface: Some(iv),
    };
    if stable {
        ssort::stable(&mut d, n)
    } else {
        ssort::sort(&mut d, n)
    }
}

/// Go's `time.ParseDuration`; `Err` is Go's error text.
pub fn parse_duration(s: &[u8]) -> Result<i64, Vec<u8>> {
    let orig = s;
    let quoted = || crate::stdlib::strconv::quote(orig);
    let invalid = || {
        let mut e = b"time: invalid duration ".to_vec();
        e.extend(quoted());
        e
    };
    let mut s = s;
    let mut d: u64 = 0;
    let mut neg = false;
    if let Some(&c) = s.first() {
        if c == b'-' || c == b'+' {
            neg = c == b'-';
            s = &s[1..];
        }
    }
    if s == b"0" {
        return Ok(0);
    }
    if s.is_empty() {
        return Err(invalid());
    }
    while !s.is_empty() {
        if !(s[0] == b'.' || s[0].is_ascii_digit()) {
            return Err(invalid());
        }
        // integer part
        let mut i = 0;
        let mut v: u64 = 0;
        let mut overflow = false;
        while i < s.len() && s[i].is_ascii_digit() {
            if v > (1 << 63) / 10 {
                overflow = true;
            }
            v = v.wrapping_mul(10).wrapping_add((s[i] - b'0') as u64);
            if v > 1 << 63 {
                overflow = true;
            }
            i += 1;
        }
        if overflow {
            return Err(invalid());
        }
        let pre = i != 0;
        s = &s[i..];
        let mut f: u64 = 0;
        let mut scale: f64 = 1.0;
        let mut post = false;
        if !s.is_empty() && s[0] == b'.' {
            s = &s[1..];
            let mut j = 0;
            let mut of = false;
            while j < s.len() && s[j].is_ascii_digit() {
                if !of {
                    if f > (1 << 63) / 10 {
                        of = true;
                    } else {
                        f = f * 10 + (s[j] - b'0') as u64;
                        scale *= 10.0;
                    }
                }
                j += 1;
            }
            post = j != 0;
            s = &s[j..];
        }
        if !pre && !post {
            return Err(invalid());
        }
        let mut k = 0;
        while k < s.len() && s[k] != b'.' && !s[k].is_ascii_digit() {
            k += 1;
        }
        if k == 0 {
            let mut e = b"time: missing unit in duration ".to_vec();
            e.extend(quoted());
            return Err(e);
        }
        let u = &s[..k];
        s = &s[k..];
        let unit: u64 = match u {
            b"ns" => 1,
            b"us" | [0xc2, 0xb5, b's'] | [0xce, 0xbc, b's'] => 1_000,
            b"ms" => 1_000_000,
            b"s" => 1_000_000_000,
            b"m" => 60_000_000_000,
            b"h" => 3_600_000_000_000,
            _ => {
                let mut e = b"time: unknown unit ".to_vec();
                e.extend(crate::stdlib::strconv::quote(u));
                e.extend_from_slice(b" in duration ");
                e.extend(quoted());
                return Err(e);
            }
        };
        if v > (1 << 63) / unit {
            return Err(invalid());
        }
        v *= unit;
        if f > 0 {
            v += (f as f64 * (unit as f64 / scale)) as u64;
            if v > 1 << 63 {
                return Err(invalid());
            }
        }
        d += v;
        if d > 1 << 63 {
            return Err(invalid());
        }
    }
    if neg {
        return Ok((d as i64).wrapping_neg());
    }
    if d > (1 << 63) - 1 {
        return Err(invalid());
    }
    Ok(d as i64)
}

fn rotl64(x: u64, k: i64) -> u64 {
    x.rotate_left(k.rem_euclid(64) as u32)
}

fn rev_call(vm: &mut Vm<'_>, a: &[Value], m: &str, args: Vec<Value>) -> R {
    match a[0].tuple().first() {
        Some(Value::Iface(iv)) => {
            let iv = iv.clone();
            super::call_method(vm, &iv, m, &args).unwrap_or(Ok(vec![]))
        }
        _ => Ok(vec![]),
    }
}

/// Contents of files opened with os.Open (fd 3 + index).
pub fn open_files() -> &'static parking_lot::Mutex<Vec<Vec<u8>>> {
    static F: OnceLock<parking_lot::Mutex<Vec<Vec<u8>>>> = OnceLock::new();
    F.get_or_init(Default::default)
}

/// `(*[N]T)(s)`: a pointer to the slice's first element (nil for a nil slice), after checking
/// that the slice has at least `N` elements (`a[1]`).
fn slicetoarrayptr(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let n = a[1].int();
    let (len, p) = match &a[0] {
        Value::Slice(s) => (
            s.len as i64,
            Value::Ptr(Pointer {
                obj: s.obj.clone(),
                off: s.off,
            }),
        ),
        _ => (0, Value::Nil),
    };
    if len < n {
        let e = vm.runtime_error(&format!(
            "cannot convert slice with length {len} to array or pointer to array with length {n}"
        ));
        return Err(vm.native_panic(e, false));
    }
    Ok(vec![p])
}

/// The `*strings.Reader` state `(s, i)` of `a[0]`, or a nil-dereference panic.
fn sr_state(vm: &mut Vm<'_>, a: &[Value]) -> Result<(Pointer, Value, usize), Trap> {
    let Some(p) = ptr(&a[0]).cloned() else {
        let e = vm.runtime_error("invalid memory address or nil pointer dereference");
        return Err(super::gopanic(vm, e));
    };
    let t = p.load(2 | AGG);
    let t = t.tuple();
    let i = t[1].int().max(0) as usize;
    Ok((p, t[0].clone(), i))
}

fn sr_advance(p: &Pointer, s: &Value, i: usize) {
    p.store(
        2 | AGG,
        Value::Tuple(vec![s.clone(), Value::Int(i as i64)].into()),
    );
}

fn sr_len(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let (_, s, i) = sr_state(vm, a)?;
    Ok(vec![Value::Int(s.as_str().len().saturating_sub(i) as i64)])
}

fn sr_read(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let (p, s, i) = sr_state(vm, a)?;
    let b = s.as_str();
    if i >= b.len() {
        return Ok(vec![Value::Int(0), io_eof()]);
    }
    let n = match &a[1] {
        Value::Slice(dst) => {
            let n = (dst.len as usize).min(b.len() - i);
            for (k, c) in b[i..i + n].iter().enumerate() {
                dst.set(k, Value::Int(*c as i64));
            }
            n
        }
        _ => 0,
    };
    sr_advance(&p, &s, i + n);
    Ok(vec![Value::Int(n as i64), Value::Nil])
}

fn sr_read_byte(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let (p, s, i) = sr_state(vm, a)?;
    match s.as_str().get(i).copied() {
        Some(c) => {
            sr_advance(&p, &s, i + 1);
            Ok(vec![Value::Int(c as i64), Value::Nil])
        }
        None => Ok(vec![Value::Int(0), io_eof()]),
    }
}

fn sr_read_rune(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let (p, s, i) = sr_state(vm, a)?;
    let b = s.as_str();
    if i >= b.len() {
        return Ok(vec![Value::Int(0), Value::Int(0), io_eof()]);
    }
    let (r, n) = crate::stdlib::utf8::decode_rune(&b[i..]);
    sr_advance(&p, &s, i + n);
    Ok(vec![Value::Int(r as i64), Value::Int(n as i64), Value::Nil])
}

/// The `*bufio.Reader` of `a[0]`, or a nil-dereference panic.
fn bufio_reader(vm: &mut Vm<'_>, a: &[Value]) -> Result<Value, Trap> {
    match ptr(&a[0]) {
        Some(p) => Ok(Value::Ptr(p.clone())),
        None => {
            let e = vm.runtime_error("invalid memory address or nil pointer dereference");
            Err(super::gopanic(vm, e))
        }
    }
}

fn reader_read_bytes(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let r = bufio_reader(vm, a)?;
    let (buf, found) = super::fmt::read_until(vm, &r, a[1].int() as u8);
    let err = if found { Value::Nil } else { io_eof() };
    Ok(vec![super::byte_slice(&buf), err])
}

/// `ReadLine`: a line without its end of line ("\n" or "\r\n"); lines are never split
/// (`isPrefix` is always false: the buffer grows as needed).
fn reader_read_line(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let r = bufio_reader(vm, a)?;
    let (mut buf, found) = super::fmt::read_until(vm, &r, b'\n');
    if !found && buf.is_empty() {
        return Ok(vec![Value::Nil, Value::Int(0), io_eof()]);
    }
    if buf.last() == Some(&b'\n') {
        buf.pop();
        if buf.last() == Some(&b'\r') {
            buf.pop();
        }
    }
    Ok(vec![super::byte_slice(&buf), Value::Int(0), Value::Nil])
}

fn reader_read_byte(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let r = bufio_reader(vm, a)?;
    match super::fmt::read_bytes(vm, &r, 1).first() {
        Some(c) => Ok(vec![Value::Int(*c as i64), Value::Nil]),
        None => Ok(vec![Value::Int(0), io_eof()]),
    }
}

fn reader_read_rune(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let r = bufio_reader(vm, a)?;
    let first = super::fmt::read_bytes(vm, &r, 1);
    let Some(&c) = first.first() else {
        return Ok(vec![Value::Int(0), Value::Int(0), io_eof()]);
    };
    // The rest of a UTF-8 sequence: as many continuation bytes as its lead byte announces
    // (an invalid sequence decodes as U+FFFD of width 1, the rest stays unread).
    let want = match c {
        0xc2..=0xdf => 1,
        0xe0..=0xef => 2,
        0xf0..=0xf4 => 3,
        _ => 0,
    };
    let mut b = first;
    if want > 0 {
        let more = super::fmt::peek_bytes(vm, &r, want);
        let (_, n) = crate::stdlib::utf8::decode_rune(&[&b[..], &more[..]].concat());
        if n > 1 {
            b.extend_from_slice(&super::fmt::read_bytes(vm, &r, n - 1));
        }
    }
    let (r, n) = crate::stdlib::utf8::decode_rune(&b);
    Ok(vec![Value::Int(r as i64), Value::Int(n as i64), Value::Nil])
}

/// Go's `math.Remainder`: the IEEE 754 remainder x - n*y, n the integer nearest x/y (ties
/// to even).
fn remainder(mut x: f64, mut y: f64) -> f64 {
    const TINY: f64 = 4.450_147_717_014_403e-308;
    const HALF_MAX: f64 = f64::MAX / 2.0;
    if x.is_nan() || y.is_nan() || x.is_infinite() || y == 0.0 {
        return f64::NAN;
    }
    if y.is_infinite() {
        return x;
    }
    let sign = x.is_sign_negative();
    x = x.abs();
    y = y.abs();
    if x == y {
        return if sign { -0.0 } else { 0.0 };
    }
    if y <= HALF_MAX {
        x = crate::stdlib::math::fmod(x, y + y);
    }
    if y < TINY {
        if x + x > y {
            x -= y;
            if x + x >= y {
                x -= y;
            }
        }
    } else {
        let y_half = 0.5 * y;
        if x > y_half {
            x -= y;
            if x >= y_half {
                x -= y;
            }
        }
    }
    if sign {
        -x
    } else {
        x
    }
}

/// `bits.Div64(hi, lo, y)`: quotient and remainder of (hi, lo) / y; panics as Go does when y
/// is 0 or the quotient overflows.
fn bits_div64(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let (hi, lo, y) = (a[0].int() as u64, a[1].int() as u64, a[2].int() as u64);
    if y == 0 {
        let e = vm.runtime_error("integer divide by zero");
        return Err(super::gopanic(vm, e));
    }
    if y <= hi {
        let e = vm.runtime_error("integer overflow");
        return Err(super::gopanic(vm, e));
    }
    let n = ((hi as u128) << 64) | lo as u128;
    Ok(vec![
        Value::Int((n / y as u128) as u64 as i64),
        Value::Int((n % y as u128) as u64 as i64),
    ])
}

/// The top-level `math/rand` source: since Go 1.20 randomly seeded, and `rand.Seed` a no-op
/// since Go 1.24, so no sequence is promised. A xorshift* generator per thread, seeded from
/// the clock and the thread.
fn rand64() -> u64 {
    use std::cell::Cell;
    thread_local! {
        static STATE: Cell<u64> = Cell::new({
            let t = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos() as u64);
            let id = std::thread::current().id();
            let mut h = std::collections::hash_map::DefaultHasher::new();
            std::hash::Hash::hash(&(t, id), &mut h);
            std::hash::Hasher::finish(&h) | 1
        });
    }
    STATE.with(|s| {
        let mut x = s.get();
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        s.set(x);
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    })
}

/// `rand.Intn`, `Int63n`, `Int31n`: uniform in [0, n); Go's panic for n <= 0.
fn rand_below(vm: &mut Vm<'_>, n: i64, name: &str) -> R {
    if n <= 0 {
        let v = Value::Iface(crate::vm::value::Iface::new(
            crate::vm::program::RT_STRING,
            Value::from_str(&format!("invalid argument to {name}")),
        ));
        return Err(super::gopanic(vm, v));
    }
    // Rejection sampling: no modulo bias.
    let n = n as u64;
    let limit = u64::MAX - u64::MAX % n;
    loop {
        let x = rand64();
        if x < limit {
            return Ok(vec![Value::Int((x % n) as i64)]);
        }
    }
}
fn rand_intn(vm: &mut Vm<'_>, a: &[Value]) -> R {
    rand_below(vm, a[0].int(), "Intn")
}
fn rand_int63n(vm: &mut Vm<'_>, a: &[Value]) -> R {
    rand_below(vm, a[0].int(), "Int63n")
}
fn rand_int31n(vm: &mut Vm<'_>, a: &[Value]) -> R {
    rand_below(vm, a[0].int(), "Int31n")
}

fn reader_read(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let r = bufio_reader(vm, a)?;
    let Value::Slice(dst) = &a[1] else {
        return Ok(vec![Value::Int(0), Value::Nil]);
    };
    if dst.len == 0 {
        return Ok(vec![Value::Int(0), Value::Nil]);
    }
    let b = super::fmt::read_bytes(vm, &r, dst.len as usize);
    if b.is_empty() {
        return Ok(vec![Value::Int(0), io_eof()]);
    }
    for (k, c) in b.iter().enumerate() {
        dst.set(k, Value::Int(*c as i64));
    }
    Ok(vec![Value::Int(b.len() as i64), Value::Nil])
}

/// `runtime.ReadMemStats`: minigo's own heap accounting (objects allocated and freed, their
/// bytes) and the process's resident size. There is no collector yet: NumGC is 0 and
/// EnableGC false.
fn read_mem_stats(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let Some(p) = ptr(&a[0]).cloned() else {
        let e = vm.runtime_error("invalid memory address or nil pointer dereference");
        return Err(super::gopanic(vm, e));
    };
    let (mallocs, frees, total, freed) = crate::vm::value::memstats::read();
    let live = total.saturating_sub(freed);
    let gc = vm.g.gc_stats();
    let rss = std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1)?.parse::<u64>().ok())
        .map_or(live, |pages| pages * 4096);
    // Field slots in declaration order (see the MemStats declaration).
    let fields: [(usize, u64); 15] = [
        (0, live),                           // Alloc
        (1, total),                          // TotalAlloc
        (2, rss),                            // Sys
        (4, mallocs),                        // Mallocs
        (5, frees),                          // Frees
        (6, live),                           // HeapAlloc
        (7, rss),                            // HeapSys
        (9, live),                           // HeapInuse
        (11, mallocs.saturating_sub(frees)), // HeapObjects
        (21, gc.next_gc),                    // NextGC
        (22, gc.last_gc),                    // LastGC
        (23, gc.pause_total_ns),             // PauseTotalNs
        (536, gc.num_gc as u64),             // NumGC
        (537, gc.num_forced as u64),         // NumForcedGC
        (539, 1),                            // EnableGC
    ];
    for (off, v) in fields {
        p.obj.set(p.off as usize + off, Value::Int(v as i64));
    }
    // PauseNs [256] at 24, PauseEnd [256] at 280, GCCPUFraction at 538.
    for k in 0..256 {
        let base = p.off as usize;
        p.obj.set(base + 24 + k, Value::Int(gc.pause_ns[k] as i64));
        p.obj
            .set(base + 280 + k, Value::Int(gc.pause_end[k] as i64));
    }
    p.obj
        .set(p.off as usize + 538, Value::from_f64(gc.cpu_fraction));
    Ok(vec![])
}

/// `runtime.MemProfileRate`: 0, as in a Go program that never reads a memory profile (the
/// linker then turns profiling off), which is every program here.
static MEM_PROFILE_RATE: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(0);

/// A program counter as minigo reports it: the function's number (plus one) in the high 32
/// bits and the line in the low 32 (so FuncForPC and CallersFrames can decode it).
fn frame_pc(func: u32, line: u32) -> i64 {
    (((func as u64 + 1) << 32) | line as u64) as i64
}

/// The function name and file a `frame_pc` value names.
fn pc_func(vm: &Vm<'_>, pc: i64) -> Option<(String, String)> {
    let f = ((pc as u64) >> 32).wrapping_sub(1);
    let runtime = |name: &str, file: &str| Some((name.to_string(), format!("runtime/{file}")));
    match u32::try_from(f).ok()? {
        PC_RUNTIME_MAIN => runtime("runtime.main", "proc.go"),
        PC_RUNTIME_GOEXIT => runtime("runtime.goexit", "asm_amd64.s"),
        PC_RUNTIME_GOPANIC => runtime("runtime.gopanic", "panic.go"),
        PC_RUNTIME_PANICMEM => runtime("runtime.panicmem", "panic.go"),
        PC_RUNTIME_SIGPANIC => runtime("runtime.sigpanic", "signal_unix.go"),
        f => {
            let prog = vm.prog();
            let func = prog.funcs.get(f as usize)?;
            // A pc past the function's last line is not in it (pc arithmetic walks off the
            // end of a function as in Go).
            let line = line_number(pc as u32);
            let last = func.lines.iter().copied().map(line_number).max();
            if line > last.unwrap_or(0).max(line_number(func.line)) {
                return None;
            }
            Some((func.name.clone(), prog.line_file(pc as u32).to_string()))
        }
    }
}

/// `runtime.Caller(skip)`: skip 0 is the function calling Caller.
fn runtime_caller(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let frames = vm.traceback();
    let found = usize::try_from(a[0].int())
        .ok()
        .and_then(|s| frames.get(s))
        .and_then(|&(f, line)| Some((frame_pc(f, line), pc_func(vm, frame_pc(f, line))?.1, line)));
    match found {
        Some((pc, file, line)) => Ok(vec![
            Value::Int(pc),
            Value::from_str(&file),
            Value::Int(line_number(line) as i64),
            Value::Int(1),
        ]),
        None => Ok(vec![
            Value::Int(0),
            Value::from_str(""),
            Value::Int(0),
            Value::Int(0),
        ]),
    }
}

/// `runtime.Callers(skip, pcs)`: skip 0 is Callers itself, 1 its caller. The frames are
/// minigo's (no runtime.main / runtime.goexit frames below the goroutine's function).
fn runtime_callers(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let frames = vm.traceback();
    let skip = a[0].int().max(0) as usize;
    let Value::Slice(dst) = &a[1] else {
        return Ok(vec![Value::Int(0)]);
    };
    // Below the goroutine's function: runtime.main (goroutine 1) and runtime.goexit.
    let mut frames = frames;
    if vm.goid == 1 {
        frames.push((PC_RUNTIME_MAIN, 0));
    }
    frames.push((PC_RUNTIME_GOEXIT, 0));
    let mut n = 0;
    for &(f, line) in frames.iter().skip(skip.saturating_sub(1)) {
        if n >= dst.len as usize {
            break;
        }
        dst.set(n, Value::Int(frame_pc(f, line)));
        n += 1;
    }
    Ok(vec![Value::Int(n as i64)])
}

/// `runtime.Stack(buf, all)`: this goroutine's trace in Go's format (other goroutines are
/// not included even when `all`), truncated to `len(buf)`.
fn runtime_stack(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let frames = vm.traceback();
    let out = format!(
        "goroutine {} [running]:\n{}",
        vm.goid,
        vm.format_trace(&frames)
    );
    let Value::Slice(dst) = &a[0] else {
        return Ok(vec![Value::Int(0)]);
    };
    let n = out.len().min(dst.len as usize);
    for (k, c) in out.as_bytes()[..n].iter().enumerate() {
        dst.set(k, Value::Int(*c as i64));
    }
    Ok(vec![Value::Int(n as i64)])
}

/// `f.Read(b)`: stdin through minigo's stdin buffer (shared with fmt and bufio), a file
/// opened with os.Open from its contents and read offset.
fn file_read(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let Some(p) = ptr(&a[0]).cloned() else {
        let e = vm.runtime_error("invalid memory address or nil pointer dereference");
        return Err(super::gopanic(vm, e));
    };
    let fd = p.load(1).int();
    let Value::Slice(dst) = &a[1] else {
        return Ok(vec![Value::Int(0), Value::Nil]);
    };
    if dst.len == 0 {
        return Ok(vec![Value::Int(0), Value::Nil]);
    }
    let want = dst.len as usize;
    let b = if fd == 0 {
        super::fmt::stdin_read(vm, want)
    } else if fd >= 3 {
        static POS: OnceLock<parking_lot::Mutex<std::collections::HashMap<i64, usize>>> =
            OnceLock::new();
        let files = open_files().lock();
        let data = files.get(fd as usize - 3).map_or(&[][..], |d| &d[..]);
        let mut pos = POS.get_or_init(Default::default).lock();
        let at = pos.entry(fd).or_insert(0);
        let start = (*at).min(data.len());
        let end = start.saturating_add(want).min(data.len());
        *at = end;
        data[start..end].to_vec()
    } else {
        Vec::new()
    };
    if b.is_empty() {
        return Ok(vec![Value::Int(0), io_eof()]);
    }
    for (k, c) in b.iter().enumerate() {
        dst.set(k, Value::Int(*c as i64));
    }
    Ok(vec![Value::Int(b.len() as i64), Value::Nil])
}

/// Go's `min` of two floats: NaN if either is, and -0 below +0.
fn fmin(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if x == y {
        // Equal: only zeros of different signs differ; the negative one is smaller.
        return if x.is_sign_negative() { x } else { y };
    }
    x.min(y)
}

/// A finalizer set by `runtime.SetFinalizer`: the pointer to pass (as the finalizer's
/// parameter wants it: the pointer, or the interface value holding it) and the function.
/// It holds the object strongly, so the collector sees the object's last reference here.
struct FinRec {
    arg: Value,
    func: Value,
    hdr: minigo_runtime::GcHeader,
}

impl minigo_runtime::Trace for FinRec {
    fn header(&self) -> &minigo_runtime::GcHeader {
        &self.hdr
    }
    fn trace(&self, visit: &mut dyn FnMut(&minigo_runtime::GcHeader)) -> bool {
        crate::vm::value::trace_value(&self.arg, visit);
        crate::vm::value::trace_value(&self.func, visit);
        true
    }
    fn clear(&self) {}
}

/// `runtime.SetFinalizer(obj, finalizer)`: checks as Go's, then records the finalizer with
/// the collector; the first call starts the finalizer goroutine (`createfing`).
fn set_finalizer(vm: &mut Vm<'_>, a: &[Value]) -> R {
    let type_name = |vm: &Vm<'_>, v: &Value| match v {
        Value::Iface(i) => vm.prog().types[i.ty as usize].name.clone(),
        _ => "nil".to_string(),
    };
    let Value::Iface(obj) = &a[0] else {
        minigo_runtime::throw("runtime.SetFinalizer: first argument is nil");
    };
    let Value::Ptr(p) = &obj.val else {
        let t = type_name(vm, &a[0]);
        minigo_runtime::throw(&format!(
            "runtime.SetFinalizer: first argument is {t}, not pointer"
        ));
    };
    let fv = match &a[1] {
        Value::Nil => {
            vm.g.remove_finalizer(minigo_runtime::addr(&p.obj));
            return Ok(vec![]);
        }
        Value::Iface(f) => match &f.val {
            Value::Func(_) => f,
            Value::Nil => {
                vm.g.remove_finalizer(minigo_runtime::addr(&p.obj));
                return Ok(vec![]);
            }
            _ => {
                let t = type_name(vm, &a[1]);
                minigo_runtime::throw(&format!(
                    "runtime.SetFinalizer: second argument is {t}, not a function"
                ));
            }
        },
        _ => return Ok(vec![]),
    };
    // A finalizer taking an interface gets the interface value; one taking *T the pointer.
    let fname = &vm.prog().types[fv.ty as usize].name;
    let arg = if fname.starts_with("func(") && !fname.starts_with("func(*") {
        a[0].clone()
    } else {
        obj.val.clone()
    };
    let rec = Arc::new(FinRec {
        arg,
        func: fv.val.clone(),
        hdr: minigo_runtime::GcHeader::new(),
    });
    vm.g.set_finalizer(&p.obj, rec);
    if vm.g.createfing() {
        start_fing(vm);
    }
    Ok(vec![])
}

/// The finalizer goroutine (`runfinq`): waits for the collector to queue finalizers and
/// runs them one after another. A runtime goroutine: not in `NumGoroutine` or dumps.
fn start_fing(vm: &mut Vm<'_>) {
    let shared = vm.shared.clone();
    vm.g.go_at(
        Arc::from("runtime.runfinq"),
        Arc::from("runtime.createfing"),
        None,
        Box::new(move |g: &mut minigo_runtime::Gctx| {
            g.set_system();
            let goid = g.goid();
            let mut vm = Vm::new(shared, goid, g);
            crate::vm::rt::install_traceback(&mut vm);
            loop {
                for rec in vm.g.finq_wait() {
                    let rec: Arc<dyn std::any::Any + Send + Sync> = rec;
                    if let Ok(r) = rec.downcast::<FinRec>() {
                        crate::vm::rt::run_goroutine(
                            &mut vm,
                            &r.func,
                            std::slice::from_ref(&r.arg),
                        );
                    }
                }
            }
        }),
    );
}
