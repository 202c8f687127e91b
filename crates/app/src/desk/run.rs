//! Every call of the 审核 view into the core, in one place. Checking the files and writing the
//! table as .xlsx go through the page's second wasm module (they read workbooks and Word reports:
//! code the form does not load); sorting and filtering the rows are done here.

use wasm_bindgen::JsValue;

use selfcheck_core::review::opened::Entry;
use selfcheck_core::review::table::{self, Filter, Sort};
use selfcheck_core::review::Row;
use selfcheck_core::{Lang, Text};

use crate::office_module::{self, lang_code};
use crate::state::App;

/// A file as the page got it: its name and its bytes, or why the browser gave none.
pub type File = (String, Result<Vec<u8>, Text>);

/// Checks `files` together (reports paired by name), in the table's order.
pub async fn check(a: App, files: Vec<File>) -> Result<Vec<Entry>, Text> {
    let office = office_module::get(a).await?;
    let mut names = Vec::new();
    let mut lengths = Vec::new();
    let mut data = Vec::new();
    let mut failed: Vec<(String, Text)> = Vec::new();
    for (name, bytes) in files {
        match bytes {
            Ok(b) => {
                names.push(name);
                lengths.push(b.len());
                data.extend_from_slice(&b);
            }
            Err(why) => failed.push((name, why)),
        }
    }
    let json = |s: Result<String, serde_json::Error>| JsValue::from_str(&s.unwrap_or_default());
    let args = [
        json(serde_json::to_string(&names)),
        json(serde_json::to_string(&lengths)),
        js_sys::Uint8Array::from(data.as_slice()).into(),
        json(serde_json::to_string(&failed)),
    ];
    office.json("review", &args)
}

/// The positions in `entries` of the rows shown, in the order shown.
pub fn visible(entries: &[Entry], filter: &Filter, sort: Sort, lang: Lang) -> Vec<usize> {
    let rows: Vec<Row> = entries.iter().map(|e| e.row.clone()).collect();
    table::visible(&rows, filter, sort, lang)
}

/// The rows at `at`, in that order, as an .xlsx table in `lang`.
pub async fn to_xlsx(a: App, rows: Vec<Row>, lang: Lang) -> Result<Vec<u8>, Text> {
    let office = office_module::get(a).await?;
    let rows = serde_json::to_string(&rows).unwrap_or_default();
    office.bytes("review_xlsx", &[JsValue::from_str(&rows), lang_code(lang).into()])
}
