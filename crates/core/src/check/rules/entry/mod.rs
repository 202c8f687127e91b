//! Rules fired while values are read (`entry.*`): by `check::entry` for each field and by
//! `check::evaluate` for the rubric, not by a check over the computed figures. One rule a file.

pub mod invalid;
pub mod required;
pub mod rubric_unusable;
