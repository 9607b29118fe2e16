#!/usr/bin/env python3
# Differential test data for the parser error recovery: writes mutants of the corpus programs
# (2 to 12 random token edits each) to DIR, with X.err = every error line Go prints, keeping
# only the mutants with a syntax error. Compare with
#   MINIGO_ERR_DIR=DIR cargo test --lib compare_errors_dir -- --ignored --nocapture
# Usage: python3 src/parse/testdata/mutate.py SEED COUNT DIR   (GO defaults to /work/.go/bin/go)
import random, re, os, glob, sys, subprocess
ROOT=os.path.abspath(os.path.join(os.path.dirname(__file__),'..','..','..'))
GO=os.environ.get('GO','/work/.go/bin/go')
random.seed(int(sys.argv[1]) if len(sys.argv)>1 else 1)
N=int(sys.argv[2]) if len(sys.argv)>2 else 300
out=sys.argv[3] if len(sys.argv)>3 else 'mutants'
files=sorted(glob.glob(os.path.join(ROOT,'tests/corpus/**/*.go'),recursive=True))+sorted(glob.glob(os.path.join(ROOT,'benches/go/**/*.go'),recursive=True))
files=[f for f in files if '/compile_errors/' not in f]
tokre=re.compile(r'[A-Za-z_][A-Za-z0-9_]*|\d+|:=|\+\+|--|&&|\|\||<-|[-+*/%&|^<>=!]=?|[()\[\]{},;.:]|"[^"\n]*"')
ins=[')','(','}','{',']','[',',',';','x',':=','=','func','var','if','else','return','case','.','1','+',':','go','for']
os.makedirs(out,exist_ok=True)
for n in range(N):
    f=random.choice(files)
    src=open(f).read()
    lines=src.split('\n')
    k=random.choice([2,2,3,3,4,6,12])
    cand=[i for i,l in enumerate(lines) if l.strip() and not l.strip().startswith('//') and i>4]
    if len(cand)<k: continue
    for li in sorted(random.sample(cand,k),reverse=True):
        l=lines[li]
        toks=list(tokre.finditer(l))
        if not toks: continue
        m=random.choice(toks)
        op=random.random()
        if op<0.35: l=l[:m.start()]+l[m.end():]
        elif op<0.7: l=l[:m.start()]+random.choice(ins)+' '+l[m.start():]
        elif op<0.85: l=l[:m.end()]+' '+m.group()+l[m.end():]
        else: l=l[:m.start()]+random.choice(ins)+l[m.end():]
        lines[li]=l
    name='m%04d_%s'%(n,os.path.basename(f))
    path=os.path.join(out,name)
    open(path,'w').write('\n'.join(lines))
    r=subprocess.run([GO,'build','-o',os.devnull,name],cwd=out,capture_output=True,text=True)
    errs=[l[2:] if l.startswith('./') else l for l in r.stderr.splitlines() if not l.startswith('#')]
    if not any('syntax error' in l for l in errs):
        os.remove(path)
        continue
    open(path[:-3]+'.err','w').write(''.join(l+'\n' for l in errs))
