//! Text in and out: the two languages, reading what officers type (numbers and the words they
//! use for directions, bounds, placeholders, results), the rounding policy and number formatting.

pub mod fixed;
pub mod lang;
pub mod number;
pub mod rounding;
pub mod shared;
pub mod words;
