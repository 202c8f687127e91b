//! Completion and score of a quantitative indicator by its direction and method (the policy in
//! the module header): the arithmetic alone, the explanation is written by [`super::explain`].

use rust_decimal::Decimal;

use crate::document::format::direction;
use crate::text::rounding::{mul_div_round2, percent, round2};

/// 0.00 and 100.00: `round2` of 0 and 100, written as constants (they were rounded on every
/// indicator).
const ZERO_2DP: Decimal = Decimal::from_parts(0, 0, 0, false, 2);
const HUNDRED_2DP: Decimal = Decimal::from_parts(10_000, 0, 0, false, 2);

/// How a score was obtained, for its formula.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum How {
    Deduct(Decimal, Decimal),
    Full,
    Reverse,
    Exact,
    Proportional,
}

/// Whether the target is reached, whether it is a shortfall, and the completion: the share of
/// the target reached (for "≤", of the allowance kept).
pub(super) fn completion(dir: &str, t: Decimal, a: Decimal) -> (bool, bool, Option<Decimal>) {
    let (reached, shortfall) = match dir {
        direction::AT_MOST => (a <= t, a > t),
        direction::EQUAL => (a == t, a != t),
        _ => (a >= t, a < t),
    };
    let zero = ZERO_2DP;
    let completion = match dir {
        direction::AT_MOST if reached => Some(HUNDRED_2DP),
        direction::AT_MOST if t.is_sign_negative() => None,
        direction::AT_MOST => percent(t, a),
        direction::EQUAL if t.is_zero() => Some(if reached { HUNDRED_2DP } else { zero }),
        direction::EQUAL => {
            a.checked_sub(t).and_then(|dev| t.abs().checked_sub(dev.abs())).and_then(|kept| percent(kept, t.abs())).map(|c| c.max(zero))
        }
        _ if t.is_zero() && reached => Some(HUNDRED_2DP),
        _ if t <= Decimal::ZERO => None,
        _ => percent(a, t).map(|c| c.max(zero)),
    };
    (reached, shortfall, completion)
}

/// The score of weight `w` by the method, and how it was obtained; `None` when it cannot be
/// computed (no points per unit, a target where the proportional formula means nothing, a value
/// out of range).
pub(super) fn score(
    dir: &str,
    deduct: bool,
    reached: bool,
    t: Decimal,
    a: Decimal,
    w: Decimal,
    per: Option<Decimal>,
) -> Option<(Decimal, How)> {
    if deduct {
        let beyond = match dir {
            direction::AT_MOST => a.checked_sub(t).map(|x| x.max(Decimal::ZERO)),
            direction::EQUAL => a.checked_sub(t).map(|x| x.abs()),
            _ => t.checked_sub(a).map(|x| x.max(Decimal::ZERO)),
        };
        per.zip(beyond)
            .and_then(|(per, b)| Some((per, b, w.checked_sub(per.checked_mul(b)?)?)))
            .map(|(per, beyond, left)| (round2(left.max(Decimal::ZERO)), How::Deduct(per, beyond)))
    } else if reached {
        Some((round2(w), How::Full))
    } else {
        match dir {
            // a > t here, so t ≥ 0 makes a > 0.
            direction::AT_MOST if t.is_sign_negative() && !t.is_zero() => None,
            direction::AT_MOST => mul_div_round2(w, t, a).map(|s| (s, How::Reverse)),
            direction::EQUAL => {
                let s = if t.is_zero() {
                    Some(ZERO_2DP)
                } else {
                    a.checked_sub(t)
                        .and_then(|dev| dev.abs().checked_div(t.abs()))
                        .and_then(|ratio| Decimal::ONE.checked_sub(ratio))
                        .and_then(|kept| w.checked_mul(kept))
                        .map(|v| round2(v.max(Decimal::ZERO)))
                };
                s.map(|s| (s, How::Exact))
            }
            _ if t <= Decimal::ZERO => None,
            // Floored at 0.00 after rounding (a tie with −0.00 keeps 0.00).
            _ => mul_div_round2(w, a, t).map(|v| (v.max(ZERO_2DP), How::Proportional)),
        }
    }
}

/// A shortfall whose proportional score is not defined: the target is not positive ("≥ 0%"
/// growth, "≤ −5%" change).
pub(super) fn proportional_undefined(dir: &str, deduct: bool, reached: bool, t: Decimal) -> bool {
    !deduct
        && !reached
        && match dir {
            direction::AT_MOST => t < Decimal::ZERO,
            direction::EQUAL => false,
            _ => t <= Decimal::ZERO,
        }
}

#[cfg(test)]
mod constants {
    use super::*;

    #[test]
    fn the_constants_are_the_rounded_values() {
        assert_eq!(ZERO_2DP.to_string(), round2(Decimal::ZERO).to_string());
        assert_eq!(HUNDRED_2DP.to_string(), round2(Decimal::ONE_HUNDRED).to_string());
        assert_eq!((ZERO_2DP.scale(), HUNDRED_2DP.scale()), (2, 2));
    }
}
