//! The self-evaluation document: its format (values kept as typed text), stable ids, reading a
//! file's header and bytes, the drafts the page keeps, and next year's document from this year's.

pub mod carry;
pub mod draft;
pub mod draft_sync;
pub mod field_path;
pub mod format;
pub mod header;
pub mod ids;
pub mod import;
pub mod schema;
pub mod vocab;
