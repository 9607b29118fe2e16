#!/usr/bin/env python3
"""Helper of scripts/gotest-suite.sh (which does the setup and passes the paths): runs Go 1.19's
`// run` test programs under real Go (cached) and under minigo, and reports the differences.
Not meant to be run directly; see scripts/gotest-suite.sh for the options and the output."""

import argparse
import base64
import concurrent.futures
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from collections import defaultdict
from pathlib import Path

DIRS = ["", "fixedbugs", "typeparam", "interface", "chan", "ken"]  # "" is test/ itself
TIMEOUT = 10  # seconds, per run
JOBS = 2
CACHE_FORMAT = 1

SUPPORTED = set(
    "fmt strings strconv math math/bits unicode unicode/utf8 sort errors os bufio io time sync "
    "sync/atomic context runtime bytes math/rand cmp slices maps iter container/heap "
    "container/list encoding/json".split()
)


# --- selection and classification --------------------------------------------------------------


def first_line(path):
    with open(path, "rb") as f:
        return f.readline().rstrip(b"\r\n")


def select_all(testdir):
    files = []
    for d in DIRS:
        base = testdir / d if d else testdir
        for p in sorted(base.iterdir()):
            if not p.is_file() or p.suffix != ".go":
                continue
            if (base / (p.stem + ".dir")).exists():
                continue  # multi-file test
            if first_line(p) == b"// run":
                files.append(p)
    return files


def select_args(testdir, args):
    files = []
    for a in args:
        p = Path(a)
        if not p.is_absolute():
            cand = testdir / a
            p = cand if cand.exists() else Path(a).resolve()
        if not p.is_file() or p.suffix != ".go":
            sys.exit(f"gotest-suite: not a .go file: {a}")
        files.append(p.resolve())
    return files


COMMENT_OR_STRING = re.compile(r'//[^\n]*|/\*.*?\*/|"(?:\\.|[^"\\\n])*"|`[^`]*`', re.S)
IMPORT_SPEC = re.compile(r'(?:[A-Za-z_][A-Za-z0-9_]*|\.)?\s*"((?:\\.|[^"\\\n])*)"')


def imports_of(path):
    """Import paths of a Go file (comments stripped; only the import declarations at the top)."""
    text = path.read_text(encoding="utf-8", errors="replace")

    def strip(m):
        s = m.group(0)
        if s.startswith("//") or s.startswith("/*"):
            return " " if "\n" not in s else "\n"
        return s

    text = COMMENT_OR_STRING.sub(strip, text)
    pkgs = []
    pos = 0
    m = re.search(r"\bpackage\s+\w+", text)
    if m:
        pos = m.end()
    while True:
        m = re.compile(r"\s*(;\s*)*import\b\s*").match(text, pos)
        if not m:
            break
        pos = m.end()
        if text.startswith("(", pos):
            end = text.find(")", pos)
            if end < 0:
                break
            pkgs += IMPORT_SPEC.findall(text[pos + 1 : end])
            pos = end + 1
        else:
            s = IMPORT_SPEC.match(text, pos)
            if not s:
                break
            pkgs.append(s.group(1))
            pos = s.end()
    return pkgs


def classify(path):
    return "supported" if all(p in SUPPORTED for p in imports_of(path)) else "unsupported"


# --- running -------------------------------------------------------------------------------------


def base_env():
    env = dict(os.environ)
    for var in ("GOMAXPROCS", "GODEBUG", "GOTRACEBACK", "MINIGO_SCHED_SEED", "GOFLAGS"):
        env.pop(var, None)
    env["GOTOOLCHAIN"] = "local"
    return env


def run(cmd, cwd, env, timeout=TIMEOUT):
    """Runs cmd with stdout and stderr on one pipe; returns (output bytes, exit code or None on
    timeout). Negative exit codes are signals."""
    p = subprocess.Popen(
        cmd,
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        out, _ = p.communicate(timeout=timeout)
        return out, p.returncode
    except subprocess.TimeoutExpired:
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        out, _ = p.communicate()
        return out, None


# Traceback filter, as scripts/regen-expected.py / src/testrunner.rs filter run stderr; applied
# here only to the part of the combined output from the first panic/fatal line on, and only when
# the exit code is 2.
ELIDED = re.compile(rb"^\.\.\.(additional frames elided|\d+ frames elided)\.\.\.$")
EXIT_STATUS = re.compile(rb"^exit status \d+$")
HEX = re.compile(rb"0x[0-9a-fA-F]+")
NEVER_FRAME = (b"goroutine ", b"created by ", b"panic: ", b"fatal error: ")
TRACE_START = (b"panic: ", b"fatal error: ", b"runtime: ")


def normalize(out, code):
    if code != 2:
        return out
    lines = out.split(b"\n")
    start = next((i for i, l in enumerate(lines) if l.startswith(TRACE_START)), None)
    if start is None:
        return out
    head, tail = lines[:start], lines[start:]
    if tail and tail[-1] == b"":
        tail.pop()

    def is_loc(l):
        return l.startswith(b"\t") and not l.startswith(b"\tpanic: ")

    kept = []
    for i, line in enumerate(tail):
        if is_loc(line):
            continue
        nxt = tail[i + 1] if i + 1 < len(tail) else None
        if nxt is not None and is_loc(nxt) and not line.startswith(NEVER_FRAME):
            continue
        if ELIDED.match(line) or EXIT_STATUS.match(line):
            continue
        if line.startswith(b"[signal ") or line.startswith(b"runtime: "):
            line = HEX.sub(b"0x?", line)
        if line == b"" and (not kept or kept[-1] == b""):
            continue
        kept.append(line)
    while kept and kept[-1] == b"":
        kept.pop()
    return b"\n".join(head + kept) + (b"\n" if kept else b"")


def sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


class GoExpected:
    """Go's result for each program, cached in CACHE/go-expected/<relpath>.json."""

    def __init__(self, go, testdir, cache, go_version):
        self.go, self.testdir, self.cache, self.version = go, testdir, cache, go_version
        self.bindir = Path(tempfile.mkdtemp(prefix="bin-", dir=cache))

    def cache_file(self, path):
        try:
            rel = path.relative_to(self.testdir)
        except ValueError:
            rel = Path("_abs") / hashlib.sha256(str(path).encode()).hexdigest()[:16] / path.name
        return self.cache / "go-expected" / (str(rel) + ".json")

    def get(self, path):
        cf = self.cache_file(path)
        digest = sha256(path)
        if cf.exists():
            try:
                d = json.loads(cf.read_text())
                if d.get("format") == CACHE_FORMAT and d["sha256"] == digest and d["go"] == self.version:
                    d["output"] = base64.b64decode(d["output"])
                    return d
            except (ValueError, KeyError):
                pass
        d = self.compute(path)
        d.update(format=CACHE_FORMAT, sha256=digest, go=self.version)
        cf.parent.mkdir(parents=True, exist_ok=True)
        tmp = cf.with_suffix(".tmp%d" % threading.get_ident())
        tmp.write_text(json.dumps(dict(d, output=base64.b64encode(d["output"]).decode())))
        tmp.replace(cf)
        return d

    def compute(self, path):
        exe = self.bindir / (hashlib.sha256(str(path).encode()).hexdigest()[:16] + "-" + path.stem)
        env = base_env()
        env.update(GO111MODULE="off", GOFLAGS="")
        out, code = run([self.go, "build", "-o", str(exe), path.name], path.parent, env, timeout=300)
        if code != 0:
            msg = out.decode("utf-8", "replace").strip().splitlines()
            return dict(status="build-failed", output=b"", code=None, why=(msg[-1] if msg else f"exit {code}"))
        try:
            results = []
            for _ in range(2):
                o, c = run([str(exe)], path.parent, base_env())
                if c is None:
                    return dict(status="go-timeout", output=b"", code=None, why=f"timed out after {TIMEOUT}s")
                results.append((normalize(o, c), c))
            if results[0] != results[1]:
                return dict(status="nondeterministic", output=b"", code=None, why="two runs differ")
            return dict(status="ok", output=results[0][0], code=results[0][1], why="")
        finally:
            try:
                exe.unlink()
            except FileNotFoundError:
                pass

    def close(self):
        shutil.rmtree(self.bindir, ignore_errors=True)


POSITION = re.compile(r"\S*\.go:\d+(:\d+)?")


def group_key(line):
    s = line.decode("utf-8", "replace")
    s = POSITION.sub("F.go:N", s)
    s = re.sub(r"0x[0-9a-fA-F]{6,}", "0x?", s)  # addresses only
    s = s.replace("\t", "\\t").replace("\r", "\\r")
    return s if len(s) <= 200 else s[:197] + "..."


def compare(go_out, go_code, mg_out, mg_code):
    """Returns (status, key): status pass/fail/timeout/signal; key groups failures."""
    if mg_code is None:
        return "timeout", "timeout"
    if mg_code < 0:
        return "signal", f"signal {-mg_code}"
    if mg_out == go_out and mg_code == go_code:
        return "pass", ""
    if mg_out != go_out:
        a, b = mg_out.split(b"\n"), go_out.split(b"\n")
        for i in range(max(len(a), len(b))):
            la = a[i] if i < len(a) else None
            lb = b[i] if i < len(b) else None
            if la != lb:
                if la is None or (la == b"" and i == len(a) - 1):
                    return "fail", "<end of minigo output>"
                return "fail", group_key(la)
    return "fail", f"exit code {mg_code} vs {go_code} (minigo vs go)"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--testdir", required=True)
    ap.add_argument("--cache", required=True)
    ap.add_argument("--go", required=True)
    ap.add_argument("--minigo", required=True)
    ap.add_argument("--only-supported", action="store_true")
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()

    testdir, cache = Path(args.testdir).resolve(), Path(args.cache).resolve()
    go_version = subprocess.run(
        [args.go, "version"], env=base_env(), capture_output=True, text=True, check=True
    ).stdout.strip()
    files = select_args(testdir, args.files) if args.files else select_all(testdir)
    classes = {f: classify(f) for f in files}
    if args.only_supported:
        files = [f for f in files if classes[f] == "supported"]

    def rel(p):
        try:
            return str(p.relative_to(testdir))
        except ValueError:
            return str(p)

    def dirname(p):
        r = rel(p)
        return "test/" + (r.rsplit("/", 1)[0] + "/" if "/" in r else "")

    print(f"gotest-suite: {len(files)} programs from {testdir}", file=sys.stderr)
    print(f"gotest-suite: go = {args.go} ({go_version}), minigo = {args.minigo}", file=sys.stderr)

    faildir = cache / "failures"
    shutil.rmtree(faildir, ignore_errors=True)
    expected = GoExpected(args.go, testdir, cache, go_version)
    results = {}
    lock = threading.Lock()
    done = [0]

    def one(f):
        exp = expected.get(f)
        if exp["status"] != "ok":
            res = ("dropped", exp["status"] + ": " + exp["why"])
        else:
            out, code = run([args.minigo, "run", f.name], f.parent, base_env())
            if code is not None:
                out = normalize(out, code)
            res = compare(exp["output"], exp["code"], out, code)
            if res[0] != "pass":
                base = faildir / rel(f)
                base.parent.mkdir(parents=True, exist_ok=True)
                Path(str(base) + ".minigo").write_bytes(out + f"\n[exit {code}]\n".encode())
                Path(str(base) + ".go").write_bytes(exp["output"] + f"\n[exit {exp['code']}]\n".encode())
        with lock:
            results[f] = res
            done[0] += 1
            if done[0] % 100 == 0 or done[0] == len(files):
                print(f"gotest-suite: {done[0]}/{len(files)} done", file=sys.stderr, flush=True)

    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=JOBS) as pool:
            for fut in [pool.submit(one, f) for f in files]:
                fut.result()
    finally:
        expected.close()

    # --- report --------------------------------------------------------------------------------
    order = sorted(files, key=rel)
    per_dir = defaultdict(lambda: [0, 0, 0])  # pass, compared, dropped
    per_class = defaultdict(lambda: [0, 0, 0])
    for f in order:
        status = results[f][0]
        for table, key in ((per_dir, dirname(f)), (per_class, classes[f])):
            if status == "dropped":
                table[key][2] += 1
            else:
                table[key][1] += 1
                table[key][0] += status == "pass"

    def line(name, c):
        pct = f"{100.0 * c[0] / c[1]:5.1f}%" if c[1] else "    -"
        return f"  {name:<20} {c[0]:5d} / {c[1]:<5d} {pct}   ({c[2]} dropped)"

    print()
    print("Pass counts per directory (pass / compared; dropped = Go build failed, timed out or nondeterministic):")
    for d in sorted(per_dir):
        print(line(d, per_dir[d]))
    print("Pass counts per class:")
    for c in ("supported", "unsupported"):
        if c in per_class:
            print(line(c, per_class[c]))
    total = [sum(v[i] for v in per_class.values()) for i in range(3)]
    print(line("total", total))

    groups = defaultdict(list)
    for f in order:
        status, key = results[f]
        if classes[f] == "supported" and status not in ("pass", "dropped"):
            groups[key].append(rel(f))
    nfail = sum(len(v) for v in groups.values())
    print()
    print(f"Failures of the supported class: {nfail} programs in {len(groups)} groups "
          "(by minigo's first differing line; F.go:N = any position)")
    for key, names in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        print(f"\n[{len(names)}] {key}")
        for n in names:
            print(f"    {n}")

    tsv = cache / "results.tsv"
    with open(tsv, "w", encoding="utf-8") as out:
        out.write("path\tclass\tstatus\tfirst_diff_line\n")
        for f in order:
            status, key = results[f]
            key = key.replace("\t", "\\t").replace("\n", "\\n")
            out.write(f"{rel(f)}\t{classes[f]}\t{status}\t{key}\n")
    print()
    print(f"Results: {tsv}")
    print(f"Outputs of failing programs (minigo vs go): {faildir}/")


if __name__ == "__main__":
    main()
