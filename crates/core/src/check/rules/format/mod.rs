//! Rules on the form itself (`format.*`): the precision of stated rates, row ids, and years
//! left from an old template. One rule a file, named as its id (`format.bad_id` is `bad_id.rs`).

pub mod amount_unit_small;
pub mod bad_id;
pub mod mixed_precision;
pub mod staff_over_quota;
pub mod stale_year;
