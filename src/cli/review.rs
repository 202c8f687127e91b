//! `selfcheck review DIR [--xlsx OUT] [--json] [--lang en]`.
use std::io::Write;

pub fn run(_args: &[String], _out: &mut dyn Write, _err: &mut dyn Write) -> i32 {
    2
}
