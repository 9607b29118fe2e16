//! Checker tests: small programs parsed with the real parser; assert exact Go error messages
//! (verified against `go build`) and recorded types.

use super::*;
use crate::ast::IdGen;
use crate::diag::SourceMap;

/// Check `src`; Ok(info, table) or the rendered errors (`prog.go:L:C: msg`), sorted.
pub(crate) fn check_src(src: &str) -> Result<(TypeInfo, TypeTable), Vec<String>> {
    let ids = IdGen::new();
    let sm = SourceMap::new("prog.go", src);
    let file = crate::parse::parse_file("prog.go", src, &ids)
        .map_err(|ds| ds.iter().map(|d| sm.render(d)).collect::<Vec<_>>())?;
    let mut tt = TypeTable::new();
    match check_file(&file, &sm, &mut tt) {
        Ok(info) => Ok((info, tt)),
        Err(mut ds) => {
            ds.sort_by_key(|d| d.pos);
            Err(ds.iter().map(|d| sm.render(d)).collect())
        }
    }
}

fn errs(src: &str) -> Vec<String> {
    match check_src(src) {
        Ok(_) => vec![],
        Err(e) => e,
    }
}

/// Debug helper: `MINIGO_CHECK=path cargo test --lib check_env -- --ignored --nocapture`.
#[test]
#[ignore]
fn check_env() {
    let Ok(p) = std::env::var("MINIGO_CHECK") else {
        return;
    };
    let src = std::fs::read_to_string(&p).unwrap_or_default();
    match check_src(&src) {
        Ok(_) => println!("OK"),
        Err(e) => {
            for l in crate::diag::render_all(&SourceMap::new("prog.go", &src), &[]) {
                println!("{}", l);
            }
            for l in e {
                println!("{}", l);
            }
        }
    }
}

#[test]
fn hello_ok() {
    let r =
        check_src("package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hi\", 1)\n}\n");
    assert!(r.is_ok(), "{:?}", r.err());
}

/// Debug helper: `MINIGO_CHECK_DIR=dir cargo test --lib check_dir -- --ignored --nocapture`
/// checks every `.go` file below `dir`, printing `FILE: OK` or its errors.
#[test]
#[ignore]
fn check_dir() {
    let Ok(d) = std::env::var("MINIGO_CHECK_DIR") else {
        return;
    };
    let mut files = Vec::new();
    fn walk(p: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        if let Ok(rd) = std::fs::read_dir(p) {
            for e in rd.flatten() {
                let p = e.path();
                if p.is_dir() {
                    walk(&p, out);
                } else if p.extension().is_some_and(|x| x == "go") {
                    out.push(p);
                }
            }
        }
    }
    walk(std::path::Path::new(&d), &mut files);
    files.sort();
    for f in files {
        let src = std::fs::read_to_string(&f).unwrap_or_default();
        let name = f
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let r = std::panic::catch_unwind(|| {
            let ids = IdGen::new();
            let sm = SourceMap::new(&name, &src);
            let res = crate::parse::parse_file(&name, &src, &ids).and_then(|file| {
                let mut tt = TypeTable::new();
                check_file(&file, &sm, &mut tt).map(|_| ())
            });
            res.map_err(|ds| render_diagnostics(&sm, &ds))
        });
        match r {
            Ok(Ok(_)) => println!("{}: OK", f.display()),
            Ok(Err(e)) => {
                for l in e {
                    println!("{}:: {}", f.display(), l.replace('\n', "\\n"));
                }
            }
            Err(_) => println!("{}: PANIC", f.display()),
        }
    }
}

// ---- TypeInfo assertions ----

use crate::ast::{Expr, ExprKind, Stmt, StmtKind};

fn walk_expr<'a>(e: &'a Expr, out: &mut Vec<&'a Expr>) {
    out.push(e);
    match &e.kind {
        ExprKind::CompositeLit { ty, elems, .. } => {
            if let Some(t) = ty {
                walk_expr(t, out);
            }
            for el in elems {
                if let Some(k) = &el.key {
                    walk_expr(k, out);
                }
                walk_expr(&el.value, out);
            }
        }
        ExprKind::FuncLit { body, .. } => body.stmts.iter().for_each(|s| walk_stmt(s, out)),
        ExprKind::Paren(x)
        | ExprKind::Star(x)
        | ExprKind::Unary(_, x)
        | ExprKind::Selector(x, _) => walk_expr(x, out),
        ExprKind::Index(x, i) => {
            walk_expr(x, out);
            i.iter().for_each(|a| walk_expr(a, out));
        }
        ExprKind::Slice { x, lo, hi, max, .. } => {
            walk_expr(x, out);
            for y in [lo, hi, max].into_iter().flatten() {
                walk_expr(y, out);
            }
        }
        ExprKind::TypeAssert(x, t) => {
            walk_expr(x, out);
            if let Some(t) = t {
                walk_expr(t, out);
            }
        }
        ExprKind::Call { fun, args, .. } => {
            walk_expr(fun, out);
            args.iter().for_each(|a| walk_expr(a, out));
        }
        ExprKind::Binary(_, x, y) => {
            walk_expr(x, out);
            walk_expr(y, out);
        }
        _ => {}
    }
}

fn walk_stmt<'a>(s: &'a Stmt, out: &mut Vec<&'a Expr>) {
    match &s.kind {
        StmtKind::Expr(e) | StmtKind::Go(e) | StmtKind::Defer(e) => walk_expr(e, out),
        StmtKind::Send { ch, value } => {
            walk_expr(ch, out);
            walk_expr(value, out);
        }
        StmtKind::IncDec { x, .. } => walk_expr(x, out),
        StmtKind::Assign { lhs, rhs, .. } => lhs.iter().chain(rhs).for_each(|e| walk_expr(e, out)),
        StmtKind::Decl(ast::Decl::Var(specs)) => specs
            .iter()
            .for_each(|sp| sp.values.iter().for_each(|e| walk_expr(e, out))),
        StmtKind::Return(v) => v.iter().for_each(|e| walk_expr(e, out)),
        StmtKind::Block(b) => b.stmts.iter().for_each(|s| walk_stmt(s, out)),
        StmtKind::If {
            init,
            cond,
            then,
            els,
        } => {
            if let Some(i) = init {
                walk_stmt(i, out);
            }
            walk_expr(cond, out);
            then.stmts.iter().for_each(|s| walk_stmt(s, out));
            if let Some(e) = els {
                walk_stmt(e, out);
            }
        }
        StmtKind::For {
            init,
            cond,
            post,
            body,
        } => {
            if let Some(i) = init {
                walk_stmt(i, out);
            }
            if let Some(c) = cond {
                walk_expr(c, out);
            }
            if let Some(p) = post {
                walk_stmt(p, out);
            }
            body.stmts.iter().for_each(|s| walk_stmt(s, out));
        }
        StmtKind::Range { x, body, .. } => {
            walk_expr(x, out);
            body.stmts.iter().for_each(|s| walk_stmt(s, out));
        }
        StmtKind::Switch { tag, clauses, .. } => {
            if let Some(t) = tag {
                walk_expr(t, out);
            }
            for c in clauses {
                c.exprs.iter().for_each(|e| walk_expr(e, out));
                c.body.iter().for_each(|s| walk_stmt(s, out));
            }
        }
        StmtKind::Labeled(_, s) => walk_stmt(s, out),
        _ => {}
    }
}

/// Check `src` (must be valid) and return a lookup `text → (type string, const)` for the
/// first expression whose source text is `text`, plus the full info.
struct Checked {
    src: String,
    file: ast::File,
    info: TypeInfo,
    tt: TypeTable,
}

impl Checked {
    fn new(src: &str) -> Checked {
        let ids = IdGen::new();
        let sm = SourceMap::new("prog.go", src);
        let file = crate::parse::parse_file("prog.go", src, &ids).expect("parse");
        let mut tt = TypeTable::new();
        let info = match check_file(&file, &sm, &mut tt) {
            Ok(i) => i,
            Err(ds) => panic!("{:?}", ds.iter().map(|d| sm.render(d)).collect::<Vec<_>>()),
        };
        Checked {
            src: src.to_string(),
            file,
            info,
            tt,
        }
    }
    fn exprs(&self) -> Vec<&Expr> {
        let mut out = Vec::new();
        for d in &self.file.decls {
            match d {
                ast::Decl::Func(f) => {
                    if let Some(b) = &f.body {
                        b.stmts.iter().for_each(|s| walk_stmt(s, &mut out));
                    }
                }
                ast::Decl::Var(specs) => specs
                    .iter()
                    .for_each(|sp| sp.values.iter().for_each(|e| walk_expr(e, &mut out))),
                _ => {}
            }
        }
        out
    }
    /// The expression with source text `text` (the `n`th occurrence among expressions).
    fn find(&self, text: &str, n: usize) -> &Expr {
        self.exprs()
            .into_iter()
            .filter(|e| &self.src[e.span.lo as usize..e.span.hi as usize] == text)
            .nth(n)
            .unwrap_or_else(|| panic!("no expression {:?}", text))
    }
    fn ty(&self, text: &str) -> String {
        let e = self.find(text, 0);
        let t = self
            .info
            .types
            .get(&e.id)
            .copied()
            .unwrap_or_else(|| panic!("no type for {:?}", text));
        self.tt.type_string(t)
    }
    fn val(&self, text: &str) -> Option<ConstValue> {
        let e = self.find(text, 0);
        self.info.consts.get(&e.id).cloned()
    }
}

#[test]
fn untyped_constants_take_context_type() {
    let c = Checked::new(
        "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tvar x float64 = 1\n\tvar b byte = 'a'\n\ty := 2\n\tfmt.Println(x, b, y, 3, \"s\", 2.5, 'r')\n\tvar s uint = 3\n\tz := 1 << s\n\tvar w int64 = 1 << s\n\tfmt.Println(z, w, x+4, len(\"abc\") == 3)\n}\n",
    );
    assert_eq!(c.ty("1"), "float64");
    assert_eq!(c.val("1"), Some(ConstValue::Float(1.0)));
    assert_eq!(c.ty("'a'"), "uint8");
    assert_eq!(c.ty("2"), "int");
    assert_eq!(c.ty("3"), "int");
    assert_eq!(c.ty("\"s\""), "string");
    assert_eq!(c.ty("2.5"), "float64");
    assert_eq!(c.ty("'r'"), "int32");
    assert_eq!(c.ty("1 << s"), "int");
    assert_eq!(c.ty("4"), "float64");
    assert_eq!(c.val("len(\"abc\") == 3"), Some(ConstValue::Bool(true)));
    // The `1` of `var w int64 = 1 << s` takes int64.
    let e = c.find("1 << s", 1);
    if let ExprKind::Binary(_, x, _) = &e.kind {
        assert_eq!(c.tt.type_string(c.info.types[&x.id]), "int64");
    }
    // No expression is left untyped.
    for e in c.exprs() {
        if let Some(&t) = c.info.types.get(&e.id) {
            assert!(
                !c.tt.is_untyped(t) || t == TypeTable::UNTYPED_NIL,
                "untyped: {:?}",
                &c.src[e.span.lo as usize..e.span.hi as usize]
            );
        }
    }
}

#[test]
fn selections_and_calls() {
    let c = Checked::new(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"strings\"\n)\n\ntype P struct{ X, Y int }\n\nfunc (p *P) Move() { p.X++ }\nfunc (p P) Sum() int { return p.X + p.Y }\n\ntype Q struct{ *P; Name string }\n\ntype S interface{ Sum() int }\n\nfunc main() {\n\tvar p P\n\tp.Move()\n\tq := Q{P: &p}\n\tq.Move()\n\t_ = q.Y\n\tvar s S = p\n\t_ = s.Sum()\n\tpp := &p\n\t_ = pp.Sum()\n\tm := make(map[string]int)\n\t_ = float64(m[\"a\"])\n\tvar sb strings.Builder\n\tsb.WriteString(\"x\")\n\tfmt.Println(sb.String())\n}\n",
    );
    let sel = |t: &str| c.info.selections.get(&c.find(t, 0).id).cloned();
    match sel("p.Move") {
        Some(Selection::Method {
            ptr_recv: true,
            auto: AutoRef::AddrOf,
            ..
        }) => {}
        s => panic!("p.Move: {:?}", s),
    }
    match sel("q.Move") {
        Some(Selection::Method {
            ptr_recv: true,
            auto: AutoRef::None,
            path,
            ..
        }) => assert_eq!(path, vec![0]),
        s => panic!("q.Move: {:?}", s),
    }
    match sel("q.Y") {
        Some(Selection::Field { path, indirect, .. }) => {
            assert_eq!(path, vec![0, 1]);
            assert_eq!(indirect, vec![false, true]);
        }
        s => panic!("q.Y: {:?}", s),
    }
    match sel("s.Sum") {
        Some(Selection::InterfaceMethod { index: 0, .. }) => {}
        s => panic!("s.Sum: {:?}", s),
    }
    match sel("pp.Sum") {
        Some(Selection::Method {
            auto: AutoRef::Deref,
            ..
        }) => {}
        s => panic!("pp.Sum: {:?}", s),
    }
    match sel("sb.WriteString") {
        Some(Selection::Method {
            recv, obj: Some(o), ..
        }) => {
            assert_eq!(c.tt.type_string(recv), "strings.Builder");
            assert!(matches!(
                c.info.objects[o.0 as usize].kind,
                ObjKind::Func { native: true, .. }
            ));
        }
        s => panic!("sb.WriteString: {:?}", s),
    }
    match sel("fmt.Println") {
        Some(Selection::Qualified { pkg, name, .. }) => {
            assert_eq!((pkg.as_str(), name.as_str()), ("fmt", "Println"))
        }
        s => panic!("fmt.Println: {:?}", s),
    }
    let call = |t: &str| c.info.calls.get(&c.find(t, 0).id).cloned();
    assert_eq!(
        call("float64(m[\"a\"])"),
        Some(CallKind::Conversion(TypeTable::FLOAT64))
    );
    match call("make(map[string]int)") {
        Some(CallKind::Builtin(Builtin::Make, Some(t))) => {
            assert_eq!(c.tt.type_string(t), "map[string]int")
        }
        k => panic!("make: {:?}", k),
    }
    assert_eq!(c.ty("m[\"a\"]"), "int");
}

#[test]
fn init_order_follows_dependencies() {
    let c = Checked::new("package main\n\nvar (\n\ta = c + b\n\tb = f()\n\tc = f()\n\td = 3\n)\n\nfunc f() int {\n\td++\n\treturn d\n}\n\nfunc main() {}\n");
    let names: Vec<String> = c
        .info
        .init_order
        .iter()
        .map(|i| c.info.objects[i.lhs[0].0 as usize].name.clone())
        .collect();
    assert_eq!(names, vec!["d", "b", "c", "a"]);
}

#[test]
fn go_error_messages() {
    let cases: &[(&str, &str)] = &[
        ("x := 1", "prog.go:4:2: declared and not used: x"),
        ("var s string = 1; _ = s", "prog.go:4:17: cannot use 1 (untyped int constant) as string value in variable declaration"),
        ("_ = byte(300)", "prog.go:4:11: constant 300 overflows byte"),
        ("var b byte = 300; _ = b", "prog.go:4:15: cannot use 300 (untyped int constant) as byte value in variable declaration (overflows)"),
        ("var i int = 1.5; _ = i", "prog.go:4:14: cannot use 1.5 (untyped float constant) as int value in variable declaration (truncated)"),
        ("_ = y", "prog.go:4:6: undefined: y"),
        ("break", "prog.go:4:2: break is not in a loop, switch, or select"),
        ("x := 1; _ = x + \"a\"", "prog.go:4:14: invalid operation: x + \"a\" (mismatched types int and untyped string)"),
        ("x := 1; _ = !x", "prog.go:4:15: invalid operation: operator ! not defined on x (variable of type int)"),
        ("var x int; if x {}", "prog.go:4:16: non-boolean condition in if statement"),
        ("L: for {}", "prog.go:4:2: label L defined and not used"),
        ("switch 1 { case 1, 1: }", "prog.go:4:21: duplicate case 1 (constant of type int) in expression switch\n\tprog.go:4:18: previous case"),
    ];
    for (body, want) in cases {
        let src = format!("package main\n\nfunc main() {{\n\t{}\n}}\n", body);
        let got = errs(&src);
        assert_eq!(
            got.first().map(String::as_str),
            Some(*want),
            "for {:?}: {:?}",
            body,
            got
        );
    }
}

/// Exact constant arithmetic: the messages are real Go's (go vet) for the same programs.
#[test]
fn exact_constant_errors() {
    let cases: &[(&str, &str)] = &[
        ("const c = 1 << 600", "prog.go:4:14: constant shift overflow"),
        ("const c = 1<<511 * 4", "prog.go:4:19: constant multiplication overflow"),
        ("var f float64 = 1e400; _ = f", "prog.go:4:18: cannot use 1e400 (untyped float constant 1e+400) as float64 value in variable declaration (overflows)"),
        ("_ = 1e1000000000", "prog.go:4:6: malformed constant: 1e1000000000"),
        ("const c = 1e600000000; _ = c * c", "prog.go:4:31: constant result is not representable"),
        ("_ = 1 << 1075", "prog.go:4:11: invalid operation: invalid shift count 1075 (untyped int constant)"),
        ("const x int8 = 100; _ = x * 2", "prog.go:4:26: x * 2 (constant 200 of type int8) overflows int8"),
        ("_ = int(1e100)", "prog.go:4:10: cannot convert 1e100 (untyped float constant 10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000) to type int"),
        ("var x = 1e400; _ = x", "prog.go:4:10: cannot use 1e400 (untyped float constant 1e+400) as float64 value in variable declaration (overflows)"),
        ("var a [4]int; _ = a[1 << 70]", "prog.go:4:22: 1 << 70 (untyped int constant 1180591620717411303424) overflows int"),
    ];
    for (body, want) in cases {
        let src = format!("package main\n\nfunc main() {{\n\t{}\n}}\n", body);
        let got = errs(&src);
        assert_eq!(
            got.first().map(String::as_str),
            Some(*want),
            "for {:?}: {:?}",
            body,
            got
        );
    }
}

#[test]
fn exact_constant_values() {
    let c = Checked::new(
        "package main\n\nfunc main() {\n\tvar f float32 = 1.0 / 3\n\tvar d float64 = 0.1 + 0.2\n\tvar i int64 = 1 << 200 >> 190\n\tvar b bool = 0.1+0.2 == 0.3\n\t_, _, _, _ = f, d, i, b\n}\n",
    );
    assert_eq!(
        c.val("1.0 / 3"),
        Some(ConstValue::Float((1.0f32 / 3.0) as f64))
    );
    // Exact 0.3, rounded once (not 0.1f64 + 0.2f64 = 0.30000000000000004).
    assert_eq!(c.val("0.1 + 0.2"), Some(ConstValue::Float(0.3)));
    assert_eq!(c.val("1 << 200 >> 190"), Some(ConstValue::Int(1024)));
    assert_eq!(c.val("0.1+0.2 == 0.3"), Some(ConstValue::Bool(true)));
}

#[test]
fn repl_keeps_package_scope() {
    let mut tt = TypeTable::new();
    let mut ch = Checker::new(&mut tt);
    let ids = IdGen::new();
    let items = crate::parse::parse_repl("import \"fmt\"\nx := 41", &ids).expect("parse");
    let its: Vec<ReplItem> = items
        .iter()
        .map(|i| match i {
            crate::parse::ReplItem::Import(x) => ReplItem::Import(x),
            crate::parse::ReplItem::Decl(d) => ReplItem::Decl(d),
            crate::parse::ReplItem::Stmt(s) => ReplItem::Stmt(s),
        })
        .collect();
    let info = ch.check_repl_items(&its, &mut tt).expect("first input");
    assert_eq!(info.init_order.len(), 1);
    let items =
        crate::parse::parse_repl("func inc() int { return x + 1 }\nfmt.Println(inc())", &ids)
            .expect("parse");
    let its: Vec<ReplItem> = items
        .iter()
        .map(|i| match i {
            crate::parse::ReplItem::Import(x) => ReplItem::Import(x),
            crate::parse::ReplItem::Decl(d) => ReplItem::Decl(d),
            crate::parse::ReplItem::Stmt(s) => ReplItem::Stmt(s),
        })
        .collect();
    let r = ch.check_repl_items(&its, &mut tt);
    assert!(r.is_ok(), "{:?}", r.err());
}

#[test]
fn generic_instances_for_monomorphisation() {
    let c = Checked::new(
        "package main\n\nimport \"fmt\"\n\ntype Number interface{ ~int | ~float64 }\n\nfunc Sum[T Number](xs []T) T {\n\tvar s T\n\tfor _, x := range xs {\n\t\ts += x\n\t}\n\treturn s\n}\n\nfunc Twice[T Number](xs []T) T { return 2 * Sum(xs) }\n\ntype Stack[T any] struct{ items []T }\n\nfunc (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }\n\nfunc main() {\n\tfmt.Println(Twice([]float64{1.5}), Sum([]int{1, 2}))\n\tvar st Stack[string]\n\tst.Push(\"a\")\n}\n",
    );
    let sum = c
        .info
        .objects
        .iter()
        .position(|o| o.name == "Sum" && o.pkg == "main")
        .map(|i| crate::types::ObjId(i as u32))
        .expect("Sum");
    let insts = &c.info.func_instances[&sum];
    let mut targs: Vec<String> = insts.iter().map(|s| c.tt.type_string(s.targs[0])).collect();
    targs.sort();
    // Sum[float64] is reached only through Twice[float64].
    assert_eq!(targs, vec!["float64", "int"]);
    for s in insts {
        // []T maps to []int / []float64.
        assert!(s
            .map
            .values()
            .any(|&t| c.tt.type_string(t).starts_with("[]")));
    }
    assert_eq!(c.info.type_instances.len(), 1);
    let (_, v) = c.info.type_instances.iter().next().expect("Stack");
    assert_eq!(c.tt.type_string(v[0].targs[0]), "string");
    assert_eq!(c.ty("2 * Sum(xs)"), "T");
}

/// Robustness: every corpus program with one line deleted must check without a Rust panic.
/// `MINIGO_MUTATE_DIR=dir cargo test --lib mutate_dir -- --ignored`.
#[test]
#[ignore]
fn mutate_dir() {
    let Ok(d) = std::env::var("MINIGO_MUTATE_DIR") else {
        return;
    };
    let mut files = Vec::new();
    fn walk(p: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        if let Ok(rd) = std::fs::read_dir(p) {
            for e in rd.flatten() {
                let p = e.path();
                if p.is_dir() {
                    walk(&p, out);
                } else if p.extension().is_some_and(|x| x == "go") {
                    out.push(p);
                }
            }
        }
    }
    walk(std::path::Path::new(&d), &mut files);
    let mut panics = 0;
    for f in files {
        let src = std::fs::read_to_string(&f).unwrap_or_default();
        let lines: Vec<&str> = src.lines().collect();
        for i in 0..lines.len() {
            let mut m: Vec<&str> = lines.clone();
            m.remove(i);
            let text = m.join("\n");
            let r = std::panic::catch_unwind(|| {
                let _ = check_src(&text);
            });
            if r.is_err() {
                panics += 1;
                println!("PANIC: {} without line {}", f.display(), i + 1);
            }
            for (from, to) in [
                ("int", "string"),
                (":=", "="),
                (" = ", " := "),
                ("return ", "return 1, "),
                ("(", "(nil, "),
                ("[]", "*"),
                ("*", "&"),
                ("func", "func[T any]"),
                ("struct{", "struct{ _ ["),
                ("{", "{ break; "),
                ("1", "1.5"),
                ("0", "-1"),
                ("range ", "range 3 + "),
                ("T", "T[int]"),
                (".", ".X."),
            ] {
                if let Some(p) = lines[i].find(from) {
                    let mut m: Vec<String> = lines.iter().map(|s| s.to_string()).collect();
                    m[i] = format!("{}{}{}", &lines[i][..p], to, &lines[i][p + from.len()..]);
                    let text = m.join("\n");
                    let r = std::panic::catch_unwind(|| {
                        let _ = check_src(&text);
                    });
                    if r.is_err() {
                        panics += 1;
                        println!("PANIC: {} line {} {:?}->{:?}", f.display(), i + 1, from, to);
                    }
                }
            }
        }
    }
    assert_eq!(panics, 0);
}

/// Golden compile errors: every `testdata/errors/*.go` must produce exactly the errors real Go
/// prints (`.err`, regenerated by `testdata/regen.sh`), except the files listed in
/// `testdata/KNOWN_GAPS` (one name per line, `#` comments).
#[test]
fn golden_errors() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/check/testdata");
    let known: Vec<String> = std::fs::read_to_string(dir.join("KNOWN_GAPS"))
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    let mut files: Vec<_> = std::fs::read_dir(dir.join("errors"))
        .map(|rd| rd.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|x| x == "go"));
    files.sort();
    let mut failures = Vec::new();
    for f in &files {
        let name = f
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let src = std::fs::read_to_string(f).unwrap_or_default();
        let want = std::fs::read_to_string(f.with_extension("err")).unwrap_or_default();
        let ids = IdGen::new();
        let sm = SourceMap::new(&name, &src);
        let got = match crate::parse::parse_file(&name, &src, &ids) {
            Err(ds) => render_diagnostics(&sm, &ds),
            Ok(file) => {
                let mut tt = TypeTable::new();
                match check_file(&file, &sm, &mut tt) {
                    Ok(_) => vec![],
                    Err(ds) => render_diagnostics(&sm, &ds),
                }
            }
        };
        let got = got.join("\n");
        let ok = got.trim_end() == want.trim_end();
        let is_known = known.contains(&name);
        if !ok && !is_known {
            failures.push(format!(
                "{}:\n--- want\n{}\n--- got\n{}",
                name,
                want.trim_end(),
                got
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Every library function and method the checker declares without a Go body must have a
/// native implementation (`vm::lib`), or a call through the checker would compile and then
/// fail with "minigo does not support ...". The keys are the ones the compiler looks up:
/// `pkg.Func` and `pkg.Type.Method` (receiver `*T` or `T`).
#[test]
fn every_declared_library_function_is_implemented() {
    let mut missing = Vec::new();
    for path in stdlib::PACKAGES {
        let src = stdlib::source(path).expect("package source");
        let ids = IdGen::default();
        let file = crate::parse::parse_file(path, src, &ids).expect("library source parses");
        for d in &file.decls {
            let crate::ast::Decl::Func(fd) = d else {
                continue;
            };
            if fd.body.is_some() || !fd.name.name.starts_with(|c: char| c.is_uppercase()) {
                continue;
            }
            let key = match &fd.recv {
                None => format!("{path}.{}", fd.name.name),
                Some(r) => {
                    let mut t = &r.ty;
                    while let ExprKind::Unary(_, x) | ExprKind::Star(x) | ExprKind::Paren(x) =
                        &t.kind
                    {
                        t = x;
                    }
                    let ExprKind::Ident(tn) = &t.kind else {
                        continue;
                    };
                    if !tn.starts_with(|c: char| c.is_uppercase()) {
                        continue;
                    }
                    format!("{path}.{tn}.{}", fd.name.name)
                }
            };
            if crate::vm::lib::lookup(&key).is_none() {
                missing.push(key);
            }
        }
    }
    assert!(
        missing.is_empty(),
        "{} declared library functions have no implementation:\n{}",
        missing.len(),
        missing.join("\n")
    );
}
