//! The `samskap` binary: parse the command line, run, exit with a code
//! scripts can rely on.

fn main() {
    std::process::exit(samskap::main());
}
