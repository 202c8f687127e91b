//! Office files, written and read by hand (ARCHITECTURE.md, "Office files are written by hand"):
//! [`ooxml`] is ZIP and XML, [`xlsx`] the indicator, score and budget sheets. The .docx report
//! lives with the report ([`crate::report::docx`]).

pub mod ooxml;
pub mod xlsx;
