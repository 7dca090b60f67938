//! The built-in workbook and templates are embedded with include_dir, which
//! cannot tell cargo about the files it reads: rebuild when they change.

fn main() {
    println!("cargo:rerun-if-changed=workbook");
    println!("cargo:rerun-if-changed=templates");
}
