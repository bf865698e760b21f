//! Mounts the console; everything else is in the library.

fn main() {
    oms_console::start();
}
