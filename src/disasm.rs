//! Disassembler: prints a compiled program function by function, one instruction per line, with
//! the operand format, mnemonic and one-line semantics from the instruction table
//! (`opcode.rs`). `minigo disasm FILE.go` prints this; tests/golden/ holds reviewed outputs.

use crate::opcode::{Format, Instr, Op};
use crate::vm::program::{Func, Program};
use std::fmt::Write;

/// Operands of `ins` as printed (`r1 r2 r3`, `r0 #-5`, `-> 12`).
pub fn operands(ins: &Instr, pc: usize) -> String {
    let target = |off: i64| (pc as i64 + 1 + off).to_string();
    match ins.op.format() {
        Format::None => String::new(),
        Format::A => format!("r{}", ins.a),
        Format::AB => format!("r{} r{}", ins.a, ins.b),
        Format::ABC => format!("r{} {} {}", ins.a, ins.b, ins.c),
        Format::ABsC => format!("r{} r{} #{}", ins.a, ins.b, ins.sc()),
        Format::ABx => format!("r{} {}", ins.a, ins.bx()),
        Format::AsBx => format!("r{} #{}", ins.a, ins.sbx()),
        Format::Jump => format!("-> {}", target(ins.sbx() as i64)),
        Format::CondJump => format!("r{} -> {}", ins.a, target(ins.sbx() as i64)),
        Format::CmpJump => format!("r{} r{} -> {}", ins.a, ins.b, target(ins.sc() as i64)),
        Format::CmpJumpK => format!("r{} K{} -> {}", ins.a, ins.b, target(ins.sc() as i64)),
    }
}

/// Disassemble one function.
pub fn disasm_func(out: &mut String, idx: usize, f: &Func) {
    let _ = writeln!(
        out,
        "func #{} {} (params={} results={} regs={} captures={} consts={})",
        idx,
        f.name,
        f.nparams,
        f.nresults,
        f.nregs,
        f.ncaptures,
        f.consts.len()
    );
    for (i, k) in f.consts.iter().enumerate() {
        let _ = writeln!(out, "    K[{}] = {:?}", i, k);
    }
    for (pc, ins) in f.code.iter().enumerate() {
        let line = f.lines.get(pc).copied().unwrap_or(0);
        let ops = if ins.op == Op::Ext {
            format!("{} {} {}", ins.a, ins.b, ins.c)
        } else {
            operands(ins, pc)
        };
        let _ = writeln!(
            out,
            "  {:4} [{:3}] {:<11}{:<18}; {}",
            pc,
            line,
            ins.op.mnemonic(),
            ops,
            ins.op.semantics()
        );
    }
}

/// Disassemble a whole program.
pub fn disasm(prog: &Program) -> String {
    let mut out = String::new();
    for (i, f) in prog.funcs.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        disasm_func(&mut out, i, f);
    }
    out
}
