#!/usr/bin/env python3
"""Random differential tester: minigo against real Go.

    python3 scripts/difftest.py SEED COUNT [--time-limit S] [--keep DIR] [--jobs N]
                                [--minigo PATH] [--go PATH] [--funcs N] [--report FILE]

Generates COUNT random Go programs (program i from seed SEED+i, so any one can be regenerated
with `python3 scripts/difftest_gen.py SEED [FUNCS [AVOID]]`), each made of --funcs (default 20) independent test
functions called from main. Every program is built once with real Go (`go build`, --jobs builds
at a time) and run, then run under minigo at GOMAXPROCS=1 and GOMAXPROCS=2. Stdout is compared
test function by test function (main prints a `### tN` marker before each), plus the exit code,
and for exit code 2 the first stderr line (`panic: ...`).

The generator (scripts/difftest_gen.py) covers sized-integer arithmetic (wraparound, shifts,
division), untyped constants, float formatting, strings/bytes/runes, evaluation order,
composite literals, arrays and structs in every storage class, interfaces, closures and
per-iteration loop variables, defer/recover with runtime errors, goroutines, maps through fmt,
methods, and generics. Expected output always comes from real Go.

Summary: programs and test functions run, differences (one per differing test function, or
per program for exit-code/stderr differences) each with seed, function, category and a
one-line description, and generator bugs (programs Go rejects or that time out under Go),
which are discarded. Exit code 1 if any difference, else 0 (also 0, with a message, when no
Go toolchain is available).
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor, FIRST_COMPLETED, wait

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True
import difftest_gen  # noqa: E402


def find_go(explicit):
    cands = [explicit] if explicit else [os.environ.get('GO'), os.path.join(ROOT, '.go/bin/go'), '/work/.go/bin/go',
                                          shutil.which('go')]
    for c in cands:
        if not c or not os.path.exists(c):
            continue
        try:
            r = subprocess.run([c, 'version'], env=go_env(), capture_output=True, text=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if r.returncode == 0:
            return c, r.stdout.strip()
    return None, None


def go_env():
    env = dict(os.environ)
    env['GOTOOLCHAIN'] = 'local'
    env.setdefault('GOFLAGS', '')
    env.setdefault('GO111MODULE', 'auto')
    return env


def run(cmd, env=None, timeout=20, cwd=None):
    """Run cmd; returns (stdout, stderr, exit code or 'timeout')."""
    try:
        r = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, timeout=timeout)
        return r.stdout.decode('utf-8', 'replace'), r.stderr.decode('utf-8', 'replace'), r.returncode
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b'').decode('utf-8', 'replace')
        err = (e.stderr or b'').decode('utf-8', 'replace')
        return out, err, 'timeout'


def sections(out):
    """Split stdout into {name: [lines]} at the `### name` markers, plus the order of names."""
    secs = {}
    order = []
    cur = '(before main)'
    secs[cur] = []
    for line in out.split('\n'):
        if line.startswith('### '):
            cur = line[4:]
            order.append(cur)
            secs[cur] = []
        else:
            secs[cur].append(line)
    return secs, order


def first_panic_line(err):
    for line in err.split('\n'):
        if line.startswith(('panic: ', 'fatal error: ')):
            return line
    return err.split('\n')[0] if err else ''


def short(s, n=100):
    s = repr(s)
    return s if len(s) <= n else s[:n - 3] + '...'


def compare(go, mg, funcs):
    """Differences between Go's and one minigo run: list of (func, description)."""
    gout, gerr, gcode = go
    mout, merr, mcode = mg
    cats = dict(funcs)
    diffs = []
    gs, gorder = sections(gout)
    ms, morder = sections(mout)
    for name in gorder + [n for n in morder if n not in gs]:
        if name not in ms:
            if mcode != gcode:
                break        # reported below as the exit-code difference
            diffs.append((name, 'missing from minigo output'))
            continue
        if name not in gs:
            diffs.append((name, 'extra section in minigo output'))
            continue
        a, b = gs[name], ms[name]
        if a != b:
            for i in range(max(len(a), len(b))):
                la = a[i] if i < len(a) else '<EOF>'
                lb = b[i] if i < len(b) else '<EOF>'
                if la != lb:
                    diffs.append((name, f'line {i + 1}: go {short(la)} vs minigo {short(lb)}'))
                    break
    if gcode != mcode:
        last = morder[-1] if morder else ('(compile)' if mcode == 1 else '(before main)')
        what = first_panic_line(merr) if mcode != 'timeout' else 'timed out'
        diffs.append((last, f'exit code go={gcode} minigo={mcode}: {short(what, 160)} (go: {short(first_panic_line(gerr), 80)})'))
    elif gcode == 2:
        gl, ml = first_panic_line(gerr), first_panic_line(merr)
        if gl != ml:
            diffs.append((gorder[-1] if gorder else 'final', f'stderr go {short(gl)} vs minigo {short(ml)}'))
    return [(f, cats.get(f, '?'), d) for f, d in diffs]


class Tester:
    def __init__(self, args, go, minigo):
        self.args = args
        self.go = go
        self.minigo = minigo
        self.work = tempfile.mkdtemp(prefix='difftest-')
        self.lock = threading.Lock()

    def one(self, seed):
        a = self.args
        src, funcs = difftest_gen.generate(seed, a.funcs)
        d = os.path.join(self.work, f's{seed}')
        os.makedirs(d, exist_ok=True)
        path = os.path.join(d, 'prog.go')
        with open(path, 'w') as f:
            f.write(src)
        res = {'seed': seed, 'funcs': funcs, 'diffs': [], 'status': 'ok'}
        t0 = time.time()
        _, berr, bcode = run([self.go, 'build', '-o', 'prog', 'prog.go'], env=go_env(), cwd=d, timeout=300)
        res['build_time'] = time.time() - t0
        if bcode != 0:
            res['status'] = 'genbug'
            res['why'] = 'go build failed: ' + ' | '.join(l for l in berr.split('\n')[:4] if not l.startswith('#'))
            self.keep(seed, src, None, {}, res) if a.keep_genbugs else None
            shutil.rmtree(d, ignore_errors=True)
            return res
        go = run([os.path.join(d, 'prog')], timeout=a.timeout, cwd=d)
        if go[2] == 'timeout':
            res['status'] = 'genbug'
            res['why'] = 'timed out under Go'
            shutil.rmtree(d, ignore_errors=True)
            return res
        res['go_escaped'] = go[0].count('ESCAPED PANIC')
        outs = {}
        found = {}
        for procs in a.procs:
            env = dict(os.environ)
            env['GOMAXPROCS'] = str(procs)
            mg = run([self.minigo, 'run', path], env=env, timeout=a.timeout * 3, cwd=d)
            outs[procs] = mg
            mg = (mg[0], mg[1].replace(path, 'prog.go'), mg[2])
            for f, cat, desc in compare(go, mg, funcs):
                found.setdefault((f, cat, desc), []).append(procs)
        for (f, cat, desc), procs in found.items():
            res['diffs'].append((f, cat, desc, procs))
        # several descriptions for the same function (e.g. P=1 and P=2 differ differently): keep all
        if res['diffs']:
            self.keep(seed, src, go, outs, res)
        shutil.rmtree(d, ignore_errors=True)
        return res

    def keep(self, seed, src, go, outs, res):
        k = self.args.keep
        if not k:
            return
        os.makedirs(k, exist_ok=True)
        base = os.path.join(k, f'seed{seed}')
        with open(base + '.go', 'w') as f:
            f.write(src)
        if go:
            with open(base + '.go.out', 'w') as f:
                f.write(go[0])
            with open(base + '.go.err', 'w') as f:
                f.write(go[1] + f'\n[exit {go[2]}]\n')
        for procs, mg in outs.items():
            with open(base + f'.minigo-P{procs}.out', 'w') as f:
                f.write(mg[0])
            with open(base + f'.minigo-P{procs}.err', 'w') as f:
                f.write(mg[1] + f'\n[exit {mg[2]}]\n')
        with open(base + '.diff.txt', 'w') as f:
            for d in res['diffs']:
                f.write(f'{d[0]} [{d[1]}] GOMAXPROCS={",".join(map(str, d[3]))}: {d[2]}\n')
            if res.get('why'):
                f.write(res['why'] + '\n')


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('seed', type=int)
    ap.add_argument('count', type=int)
    ap.add_argument('--time-limit', type=float, default=None, help='stop starting programs after this many seconds')
    ap.add_argument('--keep', default=None, help='write differing programs and all outputs to this directory')
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--minigo', default=os.path.join(ROOT, 'target/release/minigo'))
    ap.add_argument('--go', default=None, help='Go binary (default $GO, REPO/.go/bin/go, /work/.go/bin/go, go)')
    ap.add_argument('--funcs', type=int, default=20, help='test functions per program')
    ap.add_argument('--timeout', type=float, default=20, help='per-run timeout under Go (minigo gets 3x)')
    ap.add_argument('--procs', default='1,2', help='GOMAXPROCS values for minigo runs')
    ap.add_argument('--report', default=None, help='also write the summary to this file')
    ap.add_argument('--keep-genbugs', action='store_true', help='with --keep, keep programs Go rejects too')
    ap.add_argument('--avoid', default='', help='comma-separated generator features to leave out: ' +
                    ', '.join(f'{k} ({v})' for k, v in difftest_gen.FEATURES.items()).replace('%', '%%'))
    ap.add_argument('-q', '--quiet', action='store_true', help='no per-program progress lines')
    a = ap.parse_args()
    a.procs = [int(x) for x in a.procs.split(',')]
    a.avoid = [x for x in a.avoid.split(',') if x]
    for x in a.avoid:
        if x not in difftest_gen.FEATURES:
            ap.error(f'unknown feature {x!r}; known: {", ".join(difftest_gen.FEATURES)}')
    difftest_gen.AVOID.update(a.avoid)

    go, gover = find_go(a.go)
    if not go:
        print('difftest: no working Go toolchain found (try scripts/install-go.sh, or pass --go); nothing tested')
        return 0
    if not os.path.exists(a.minigo):
        print(f'difftest: minigo binary not found at {a.minigo} (build it, or pass --minigo)')
        return 2
    t = Tester(a, go, a.minigo)
    start = time.time()
    results = []
    seeds = iter(range(a.seed, a.seed + a.count))
    stopped_early = False
    with ThreadPoolExecutor(max_workers=a.jobs) as ex:
        pending = set()

        def submit():
            nonlocal stopped_early
            if a.time_limit is not None and time.time() - start > a.time_limit:
                stopped_early = True
                return False
            s = next(seeds, None)
            if s is None:
                return False
            pending.add(ex.submit(t.one, s))
            return True

        for _ in range(a.jobs):
            if not submit():
                break
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for fut in done:
                pending.discard(fut)
                r = fut.result()
                results.append(r)
                if not a.quiet:
                    line = f'[{time.time() - start:6.1f}s] seed {r["seed"]}: '
                    if r['status'] == 'genbug':
                        line += 'GENERATOR BUG ' + r['why'][:150]
                    elif r['diffs']:
                        line += f'{len(r["diffs"])} difference(s): ' + '; '.join(f'{d[0]} {d[2][:80]}' for d in r['diffs'][:3])
                    else:
                        line += 'ok'
                    print(line, flush=True)
                submit()
    shutil.rmtree(t.work, ignore_errors=True)
    elapsed = time.time() - start

    results.sort(key=lambda r: r['seed'])
    ran = [r for r in results if r['status'] == 'ok']
    genbugs = [r for r in results if r['status'] == 'genbug']
    nfuncs = sum(len(r['funcs']) for r in ran)
    diffs = [(r['seed'], d) for r in ran for d in r['diffs']]
    escaped = sum(r.get('go_escaped', 0) for r in ran)
    lines = []
    lines.append(f'difftest: seeds {a.seed}..{a.seed + a.count - 1}, {gover}, minigo {a.minigo}, GOMAXPROCS={a.procs}' +
                 (f', avoiding {",".join(a.avoid)}' if a.avoid else ''))
    lines.append(f'programs run: {len(ran)} ({nfuncs} test functions) in {elapsed:.0f}s, '
                 f'{nfuncs / max(elapsed, 1e-9):.1f} test functions/s' +
                 (f'; time limit reached after {len(results)} of {a.count} programs' if stopped_early else ''))
    lines.append(f'generator bugs (discarded): {len(genbugs)}' +
                 (' — seeds ' + ', '.join(str(r['seed']) for r in genbugs[:20]) if genbugs else ''))
    for r in genbugs[:10]:
        lines.append(f'  seed {r["seed"]}: {r["why"][:200]}')
    lines.append(f'test functions whose panic escaped to run() under Go (not a difference): {escaped}')
    bad_funcs = len({(s, d[0]) for s, d in diffs})
    lines.append(f'differences: {len(diffs)} (in {bad_funcs} test functions, {len({s for s, _ in diffs})} programs)')
    by_cat = {}
    for s, d in diffs:
        by_cat[d[1]] = by_cat.get(d[1], 0) + 1
    if by_cat:
        lines.append('  by category: ' + ', '.join(f'{c}={n}' for c, n in sorted(by_cat.items(), key=lambda x: -x[1])))
    for s, (f, cat, desc, procs) in diffs:
        lines.append(f'  seed {s} {f} [{cat}] P={",".join(map(str, procs))}: {desc}')
    text = '\n'.join(lines)
    print(text)
    if a.report:
        with open(a.report, 'w') as f:
            f.write(text + '\n')
    return 1 if diffs else 0


if __name__ == '__main__':
    sys.exit(main())
