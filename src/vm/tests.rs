//! Hand-assembled bytecode tests of the VM core (the compiler's own tests run Go sources).

use super::program::{Func, Program};
use super::value::{Pointer, SlotKind, Value};
use super::{rt, Shared, Vm};
use crate::opcode::{Instr, Op};
use std::sync::Arc;

fn run(prog: Program, f: u32, args: &[Value]) -> Vec<Value> {
    let globals = Pointer::new_cell(SlotKind::Vals, 1, Value::Nil);
    let shared = Arc::new(Shared::new(prog, globals, vec![]));
    let out = Arc::new(parking_lot::Mutex::new(vec![]));
    let out2 = out.clone();
    let args = args.to_vec();
    rt::run_main(Box::new(move |g| {
        let mut vm = Vm::new(shared, 1, g);
        if let Ok(r) = vm.call_func(f, &args) {
            *out2.lock() = r.iter().map(|v| v.int()).collect::<Vec<i64>>();
        }
    }));
    let v = out.lock().clone();
    v.into_iter().map(Value::Int).collect()
}

/// fib(n): if n < 2 { return n }; return fib(n-1) + fib(n-2)
pub fn fib_program() -> Program {
    let mut p = Program::new("fib.go");
    let code = vec![
        Instr::new(Op::LoadI, 1, 2, 0),              // r1 = 2
        Instr::new(Op::JGeI, 0, 1, 1),               // if n >= 2 skip
        Instr::new(Op::Ret, 0, 1, 0),                // return n
        Instr::new(Op::AddIK, 2, 0, (-1i16) as u16), // r2 = n-1  (call window at r1)
        Instr::new(Op::CallS, 1, 0, 1),              // r1 = fib(r2)
        Instr::new(Op::AddIK, 3, 0, (-2i16) as u16), // r3 = n-2
        Instr::new(Op::CallS, 2, 0, 1),              // r2 = fib(r3)
        Instr::new(Op::AddI, 1, 1, 2),
        Instr::new(Op::Ret, 1, 1, 0),
    ];
    let n = code.len();
    p.funcs.push(Func {
        name: "main.fib".into(),
        code,
        lines: vec![1; n],
        nregs: 4,
        nparams: 1,
        nresults: 1,
        ..Default::default()
    });
    p
}

#[test]
fn fib_runs() {
    let r = run(fib_program(), 0, &[Value::Int(20)]);
    assert_eq!(r.first().map(|v| v.int()), Some(6765));
}
