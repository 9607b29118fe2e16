//! The standard-library subset, declared in Go syntax (bodies omitted: the VM implements them
//! natively). Adding a function is one line in the package's source below.

/// Go declarations of package `path`, or None if minigo doesn't provide it.
pub fn source(path: &str) -> Option<String> {
    let body = match path {
        "fmt" => FMT,
        _ => return None,
    };
    Some(body.to_string())
}

const FMT: &str = r#"package fmt

type Stringer interface { String() string }

func Println(a ...any) (n int, err error)
func Printf(format string, a ...any) (n int, err error)
func Print(a ...any) (n int, err error)
func Sprintf(format string, a ...any) string
func Sprint(a ...any) string
func Sprintln(a ...any) string
func Errorf(format string, a ...any) error
"#;
