fn main() {
    eprintln!("minigo: under construction");
    std::process::exit(2);
}
