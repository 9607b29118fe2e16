#!/usr/bin/env python3
"""Whole-pipeline mutation fuzzing: mutate corpus programs (operators, constants, indexes,
deleted and duplicated lines), run each under `minigo run` at a random GOMAXPROCS with a time
limit, and report any Rust panic, internal error, "unsupported" error or signal. A timeout is
reported too: check it against `go run` (the mutant may loop or deadlock in Go as well).

    python3 scripts/fuzz-run.py [SEED] [COUNT]     (uses target/release/minigo)
"""
import os, random, re, subprocess, sys, glob, tempfile
random.seed(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
N = int(sys.argv[2]) if len(sys.argv) > 2 else 300
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MG = os.environ.get("MINIGO", os.path.join(ROOT, "target/release/minigo"))
OUT = tempfile.mkdtemp(prefix="minigo-fuzz-")
files = [f for f in glob.glob(os.path.join(ROOT, "tests/corpus/**/*.go"), recursive=True) if "compile_errors" not in f]
ops = ["+", "-", "*", "/", "%", "<<", ">>", "&", "|", "^", "&^"]
cmps = ["<", ">", "<=", ">=", "==", "!="]
def mutate(src):
    lines = src.split("\n")
    k = random.randrange(7)
    if k == 0:
        toks = [(m.start(), m.end()) for m in re.finditer(r"\b\d+\b", src)]
        if toks:
            a, b = random.choice(toks)
            return src[:a] + random.choice(["0", "1", "-1", "255", "256", "9223372036854775807", "100000", "3"]) + src[b:]
    if k == 1:
        toks = [(m.start(), m.end()) for m in re.finditer(r"(?<=\s)(\+|-|\*|/|%|&|\|)(?=\s)", src)]
        if toks:
            a, b = random.choice(toks)
            return src[:a] + random.choice(ops) + src[b:]
    if k == 2:
        toks = [(m.start(), m.end()) for m in re.finditer(r"(?<=\s)(<=|>=|==|!=|<|>)(?=\s)", src)]
        if toks:
            a, b = random.choice(toks)
            return src[:a] + random.choice(cmps) + src[b:]
    if k == 3:
        i = random.randrange(len(lines))
        del lines[i]
        return "\n".join(lines)
    if k == 4:
        i = random.randrange(len(lines)); j = random.randrange(len(lines))
        lines.insert(j, lines[i])
        return "\n".join(lines)
    if k == 5:
        toks = [(m.start(), m.end()) for m in re.finditer(r"\[[^\]\[]*\]", src)]
        if toks:
            a, b = random.choice(toks)
            return src[:a] + random.choice(["[0]", "[-1]", "[:]", "[1:0]", "[100]", "[len(x)]"]) + src[b:]
    toks = [(m.start(), m.end()) for m in re.finditer(r"\bnil\b|\b0\b|\"\"", src)]
    if toks:
        a, b = random.choice(toks)
        return src[:a] + random.choice(["nil", "0", '""', "1"]) + src[b:]
    return src
bad = 0
for n in range(N):
    f = random.choice(files)
    src = open(f).read()
    for _ in range(random.randint(1, 3)):
        src = mutate(src)
    p = os.path.join(OUT, f"m{n}.go")
    open(p, "w").write(src)
    try:
        r = subprocess.run(["timeout", "-s", "KILL", "10", MG, "run", p], capture_output=True, stdin=subprocess.DEVNULL, env=dict(os.environ, GOMAXPROCS=str(random.choice([1,2,4]))))
        err = r.stderr.decode("utf8", "replace")
        if r.returncode in (101, 134, 139, -9, -6, -11, 137) or "panicked at" in err or "internal error" in err or "internal compiler error" in err or "unsupported" in err or "not supported" in err:
            bad += 1
            q = os.path.join(OUT, f"bad_{os.path.basename(f)}_{n}.go")
            os.rename(p, q)
            print("BAD", r.returncode, f, q, err.strip().split("\n")[-1][:200] if err.strip() else "", flush=True)
            continue
    except Exception as e:
        print("EXC", e)
    os.remove(p)
print("done", N, "bad", bad, "(mutants kept in", OUT + ")")
