//! The review table as an .xlsx.
#![allow(missing_docs)]
use super::Row;
use crate::core::text::Lang;
use crate::core::xlsx::sheet::SheetOut;

pub const COLUMNS: &[(&str, &str, &str, f32)] = &[];

pub fn sheet(_rows: &[Row], _lang: Lang) -> SheetOut {
    SheetOut::default()
}

pub fn to_xlsx(_rows: &[Row], _lang: Lang) -> Vec<u8> {
    Vec::new()
}
