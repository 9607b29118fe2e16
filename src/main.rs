fn main() {
    println!("minigo: under construction");
}
