#!/usr/bin/env python3
"""Regenerate the expected files of the minigo corpus by running real Go.

    scripts/regen-expected.py                      # every program under tests/corpus
    scripts/regen-expected.py tests/corpus/maps    # one directory
    scripts/regen-expected.py tests/corpus/maps/delete.go ...

For each `tests/corpus/<feature>/<name>.go` this writes, next to it:
  <name>.out   stdout of the program (always written, may be empty)
  <name>.err   stderr, filtered to its stable lines (only when non-empty)
  <name>.exit  exit code (only when non-zero)
and removes stale .err/.exit files. See tests/corpus/README.md for the format.

The Go toolchain is taken from $GO, REPO/.go/bin/go or /work/.go/bin/go (scripts/install-go.sh
installs REPO/.go). Programs are built with `go build -o TMP prog.go` in their own directory,
then the binary runs with that directory as its working directory. `// run` programs run twice;
`// run GOMAXPROCS=1,2,4` programs run twice under each value; every run must give the same
stdout, filtered stderr and exit code, or the script fails loudly (the corpus must be
deterministic so minigo can be compared with it).

The stderr filter below is mirrored line for line by `src/testrunner.rs` (`filter_run_stderr`,
`filter_compile_stderr`): change both together.
"""

import argparse
import concurrent.futures
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "tests" / "corpus"
RUN_TIMEOUT = 60  # seconds; Go runs every corpus program in well under a second


# --- stderr filters (keep identical to src/testrunner.rs) ---------------------------------

ELIDED = re.compile(r"^\.\.\.(additional frames elided|\d+ frames elided)\.\.\.$")
EXIT_STATUS = re.compile(r"^exit status \d+$")
HEX = re.compile(r"0x[0-9a-fA-F]+")
# Lines that are never dropped as "function frame" lines, even when a tab line follows them.
NEVER_FRAME = ("goroutine ", "created by ", "panic: ", "fatal error: ")


def split_lines(text):
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def is_location(line):
    """A tab-indented line other than a chained `\\tpanic: ...` line (file:line of a frame)."""
    return line.startswith("\t") and not line.startswith("\tpanic: ")


def join_collapsed(kept):
    """Join lines, collapsing runs of blank lines and dropping leading/trailing blank lines."""
    out = []
    for line in kept:
        if line == "" and (not out or out[-1] == ""):
            continue
        out.append(line)
    while out and out[-1] == "":
        out.pop()
    return "".join(line + "\n" for line in out)


def filter_run_stderr(text):
    """Stable lines of a run's stderr (panic/fatal text, goroutine headers, user output)."""
    lines = split_lines(text)
    kept = []
    for i, line in enumerate(lines):
        if is_location(line):
            continue  # frame location (or another unstable tab-indented traceback line)
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if nxt is not None and is_location(nxt) and not line.startswith(NEVER_FRAME):
            continue  # function frame line: `main.main()`, `panic({0x4b6e20?, ...})`
        if ELIDED.match(line) or EXIT_STATUS.match(line):
            continue
        if line.startswith("[signal ") or line.startswith("runtime: "):
            line = HEX.sub("0x?", line)
        kept.append(line)
    return join_collapsed(kept)


def filter_compile_stderr(text):
    """Compile errors: drop `# command-line-arguments`, strip `./` before the file name (at the
    start of a line or after its leading tabs, as in `\t./prog.go:10:7: previous case`)."""
    kept = []
    for line in split_lines(text):
        if line.startswith("# "):
            continue
        body = line.lstrip("\t")
        if body.startswith("./"):
            line = line[: len(line) - len(body)] + body[2:]
        kept.append(line)
    return join_collapsed(kept)


# --- header ----------------------------------------------------------------------------------


class HeaderError(Exception):
    pass


def parse_header(path):
    """Returns (mode, env_sets) where mode is 'run' or 'errorcheck' and env_sets is a list of
    dicts of extra environment variables, one per run configuration."""
    with open(path, encoding="utf-8") as f:
        first = f.readline().rstrip("\n")
    words = first.split()
    if len(words) < 2 or words[0] != "//" or words[1] not in ("run", "errorcheck"):
        raise HeaderError(f"{path}: first line must be `// run [GOMAXPROCS=1,2,4]` or `// errorcheck`")
    mode = words[1]
    env_sets = [{}]
    for word in words[2:]:
        if mode != "run" or "=" not in word:
            raise HeaderError(f"{path}: unexpected header word {word!r}")
        key, values = word.split("=", 1)
        if key != "GOMAXPROCS":
            raise HeaderError(f"{path}: unknown header variable {key!r}")
        env_sets = [dict(e, **{key: v}) for e in env_sets for v in values.split(",")]
    return mode, env_sets


# --- running Go --------------------------------------------------------------------------------


def find_go():
    candidates = [os.environ.get("GO"), str(REPO / ".go" / "bin" / "go"), "/work/.go/bin/go"]
    for c in candidates:
        if c and os.access(c, os.X_OK):
            return c
    sys.exit("regen-expected: no Go toolchain: set $GO or run scripts/install-go.sh")


def base_env():
    env = dict(os.environ)
    for var in ("GOMAXPROCS", "GODEBUG", "GOTRACEBACK", "MINIGO_SCHED_SEED"):
        env.pop(var, None)
    env["GOTOOLCHAIN"] = "local"
    return env


class RegenError(Exception):
    pass


def regen_one(go, path, tmpdir):
    mode, env_sets = parse_header(path)
    directory, name = path.parent, path.name
    stem = path.with_suffix("")
    exe = Path(tmpdir) / (path.stem + "-" + str(abs(hash(str(path)))))
    build = subprocess.run(
        [go, "build", "-o", str(exe), name],
        cwd=directory,
        env=base_env(),
        capture_output=True,
        text=True,
    )
    if mode == "errorcheck":
        if build.returncode == 0:
            raise RegenError(f"{path}: `// errorcheck` program compiled without error")
        out, err, code = "", filter_compile_stderr(build.stderr), 1
        if build.returncode != 1:
            raise RegenError(f"{path}: go build exited {build.returncode}:\n{build.stderr}")
    else:
        if build.returncode != 0:
            raise RegenError(f"{path}: go build failed:\n{build.stderr}")
        stdin_file = stem.with_suffix(".in")
        stdin_bytes = stdin_file.read_bytes() if stdin_file.exists() else b""
        results = []
        for extra in env_sets:
            for _attempt in range(2):
                env = base_env()
                env.update(extra)
                try:
                    r = subprocess.run(
                        [str(exe)],
                        cwd=directory,
                        env=env,
                        input=stdin_bytes,
                        capture_output=True,
                        timeout=RUN_TIMEOUT,
                    )
                except subprocess.TimeoutExpired:
                    raise RegenError(f"{path}: timed out after {RUN_TIMEOUT}s with {extra}")
                res = (
                    r.stdout.decode("utf-8", "surrogateescape"),
                    filter_run_stderr(r.stderr.decode("utf-8", "surrogateescape")),
                    r.returncode,
                )
                results.append((extra, res))
        first_env, first = results[0]
        for extra, res in results[1:]:
            if res != first:
                raise RegenError(
                    f"{path}: NONDETERMINISTIC output: run with {first_env or 'default env'} "
                    f"gave {first!r}\nbut run with {extra or 'default env'} gave {res!r}"
                )
        out, err, code = first
        if code < 0:
            raise RegenError(f"{path}: killed by signal {-code}")
    write_expected(stem, out, err, code)
    return f"{path.relative_to(CORPUS)}: exit {code}, {len(split_lines(out))} stdout lines, {len(split_lines(err))} stderr lines"


def write_expected(stem, out, err, code):
    stem.with_suffix(".out").write_text(out, encoding="utf-8", errors="surrogateescape")
    for suffix, content in ((".err", err), (".exit", f"{code}\n" if code != 0 else "")):
        p = stem.with_suffix(suffix)
        if content:
            p.write_text(content, encoding="utf-8", errors="surrogateescape")
        elif p.exists():
            p.unlink()


def collect(args):
    files = []
    for a in args or [str(CORPUS)]:
        p = Path(a).resolve()
        if p.is_dir():
            files.extend(sorted(p.rglob("*.go")))
        elif p.suffix == ".go" and p.exists():
            files.append(p)
        else:
            sys.exit(f"regen-expected: not a .go file or directory: {a}")
    return files


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", help="files or directories (default: tests/corpus)")
    ap.add_argument("-j", "--jobs", type=int, default=2, help="parallel programs (default 2)")
    args = ap.parse_args()
    go = find_go()
    version = subprocess.run([go, "version"], env=base_env(), capture_output=True, text=True).stdout.strip()
    print(f"regen-expected: using {go} ({version})")
    files = collect(args.paths)
    failures = []
    tmpdir = tempfile.mkdtemp(prefix="minigo-regen-")
    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            futures = {pool.submit(regen_one, go, f, tmpdir): f for f in files}
            for fut in concurrent.futures.as_completed(futures):
                try:
                    print("  " + fut.result())
                except (RegenError, HeaderError, OSError) as e:
                    failures.append(str(e))
                    print(f"  FAILED {e}", file=sys.stderr)
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)
    print(f"regen-expected: {len(files) - len(failures)} regenerated, {len(failures)} failed")
    if failures:
        sys.exit(1)


if __name__ == "__main__":
    main()
