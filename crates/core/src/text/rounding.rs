//! The one rounding policy of the checker.
//!
//! Every rate and score is rounded half-up (四舍五入, away from zero at the midpoint) to 2
//! decimal places from the exact quotient, and shown with exactly 2 decimals ("30.00"). Scores
//! are computed from the *rounded* rates the report shows (10 × 95.68% = 9.568 → 9.57), and sums
//! add the rounded parts, because that is the arithmetic a reviewer redoes with the printed
//! figures. A stated figure is compared with the computed one at the stated precision: "98.6"
//! matches a computed 98.596 because both are 98.6 at 1 decimal.

use rust_decimal::{Decimal, RoundingStrategy};

/// Decimal places of every computed rate and score.
pub const DP: u32 = 2;

/// Rounds half-up to `dp` places and pads to exactly `dp` places ("30" → "30.00").
pub fn round_to(d: Decimal, dp: u32) -> Decimal {
    let mut r = d.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    r.rescale(dp);
    r
}

/// Rounds half-up to the policy's 2 places.
pub fn round2(d: Decimal) -> Decimal {
    round_to(d, DP)
}

/// Whether a stated figure equals a computed one at the stated figure's own precision
/// (its number of decimals).
pub fn matches_at_stated_precision(stated: Decimal, computed: Decimal) -> bool {
    let dp = stated.scale();
    round_to(computed, dp) == round_to(stated, dp)
}

/// `part ÷ whole × 100`, rounded by the policy; `None` when the whole is zero (0 ÷ 0 is "not
/// applicable", never 0%).
pub fn percent(part: Decimal, whole: Decimal) -> Option<Decimal> {
    mul_div_round2(part, Decimal::ONE_HUNDRED, whole)
}

/// `a × b ÷ c` rounded by the policy (half-up to 2 dp from the exact quotient); `None` when `c`
/// is zero or the result is out of range. Computed with exact integers when the values have the
/// sizes a self-evaluation holds (the common case, and several times faster than `Decimal`
/// division), else with `Decimal` division to 28 significant digits.
pub fn mul_div_round2(a: Decimal, b: Decimal, c: Decimal) -> Option<Decimal> {
    if c.is_zero() {
        return None;
    }
    exact_mul_div_round(a, b, c, DP).or_else(|| mul_div(a, b, c).map(round2))
}

/// round_half_away(a × b ÷ c, dp) in i128, or `None` when an intermediate would not fit.
fn exact_mul_div_round(a: Decimal, b: Decimal, c: Decimal, dp: u32) -> Option<Decimal> {
    let pow = |e: u32| 10i128.checked_pow(e);
    let n = a.mantissa().checked_mul(b.mantissa())?.checked_mul(pow(c.scale() + dp)?)?;
    let d = c.mantissa().checked_mul(pow(a.scale() + b.scale())?)?;
    let (mut q, r) = (n / d, n % d);
    if r.unsigned_abs() >= d.unsigned_abs() - r.unsigned_abs() {
        q += n.signum() * d.signum();
    }
    Decimal::try_from_i128_with_scale(q, dp).ok()
}

/// `part ÷ whole × 100` unrounded; `None` when the whole is zero or out of range.
///
/// Policy: a stated figure is compared with the *exact* quotient at the stated precision, never
/// with the 2-dp rate rounded again: 95.2451% is 95.25 at 2 dp, and 95.25 rounds half-up to 95.3,
/// but a unit that writes the exact quotient to 1 dp correctly writes 95.2.
pub fn exact_percent(part: Decimal, whole: Decimal) -> Option<Decimal> {
    mul_div(part, Decimal::ONE_HUNDRED, whole)
}

/// The sum of `parts`, or `None` when it leaves `Decimal`'s range (about ±7.9 × 10^28).
///
/// Policy: arithmetic on entered values never panics. A result out of range — which only a typo
/// or a pasted garbage cell produces — is "not computable": the figure that needs it is left
/// without a value (and the checks that need it stay silent) instead of crashing the page.
pub fn checked_sum<I: IntoIterator<Item = Decimal>>(parts: I) -> Option<Decimal> {
    parts.into_iter().try_fold(Decimal::ZERO, |acc, p| acc.checked_add(p))
}

/// `a × b ÷ c`, exact where `Decimal` allows; `None` when `c` is zero or the result is out of
/// range (same policy as [`checked_sum`]). When `a × b` alone would overflow, divides first.
pub fn mul_div(a: Decimal, b: Decimal, c: Decimal) -> Option<Decimal> {
    if c.is_zero() {
        return None;
    }
    match a.checked_mul(b) {
        Some(p) => p.checked_div(c),
        None => a.checked_div(c)?.checked_mul(b),
    }
}

/// Appends `d` as `Decimal`'s `Display` writes it ("9.57", "30.00", "-0.5"): every digit of its
/// scale, no exponent. Fast when the mantissa fits in 64 bits (any figure of a self-evaluation):
/// `Display` divides the 96-bit mantissa digit by digit, which dominated evaluating large
/// documents; larger mantissas go through `Display`.
pub fn write_decimal(out: &mut String, d: Decimal) {
    match u64::try_from(d.mantissa().unsigned_abs()) {
        Ok(abs) => write_parts(out, d.is_sign_negative(), abs, d.scale()),
        Err(_) => {
            use std::fmt::Write;
            let _ = write!(out, "{d}");
        }
    }
}

/// `d` as text, as [`write_decimal`] writes it.
pub fn decimal_text(d: Decimal) -> String {
    let mut s = String::with_capacity(16);
    write_decimal(&mut s, d);
    s
}

/// `d` without trailing fractional zeros ("30", "9.5"), as formulas show weights and values: the
/// text of `d.normalize()`, without its cost.
pub fn plain_text(d: Decimal) -> String {
    let mut s = String::with_capacity(16);
    write_plain(&mut s, d);
    s
}

/// Appends [`plain_text`]`(d)` without allocating.
pub fn write_plain(out: &mut String, d: Decimal) {
    let Ok(mut abs) = u64::try_from(d.mantissa().unsigned_abs()) else {
        use std::fmt::Write;
        let _ = write!(out, "{}", d.normalize());
        return;
    };
    let mut scale = d.scale();
    while scale > 0 && abs % 10 == 0 {
        abs /= 10;
        scale -= 1;
    }
    // normalize() turns −0 into 0.
    write_parts(out, d.is_sign_negative() && abs != 0, abs, scale);
}

/// Writes sign, integer digits, point and `scale` fractional digits of `abs` × 10^−scale, built
/// in a stack buffer and appended at once.
fn write_parts(out: &mut String, negative: bool, mut abs: u64, scale: u32) {
    // u64 has at most 20 digits and a Decimal's scale is at most 28: sign, "0.", 28 digits fit.
    let mut buf = [b'0'; 64];
    let mut at = buf.len();
    let scale = scale as usize;
    let mut written = 0;
    while abs > 0 || written <= scale {
        if written == scale && scale > 0 {
            at -= 1;
            buf[at] = b'.';
        }
        at -= 1;
        buf[at] = b'0' + (abs % 10) as u8;
        abs /= 10;
        written += 1;
    }
    if negative {
        at -= 1;
        buf[at] = b'-';
    }
    out.push_str(std::str::from_utf8(&buf[at..]).unwrap_or("?"));
}

/// Formats with thousands separators and exactly `dp` decimals: 35408.62 → "35,408.62".
pub fn group_thousands(d: Decimal, dp: u32) -> String {
    let r = round_to(d, dp);
    let s = r.abs().to_string();
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (s.clone(), None),
    };
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(&f);
    }
    if r.is_sign_negative() && !r.is_zero() {
        format!("-{out}")
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn seed_rates_round_half_up_from_the_exact_quotient() {
        assert_eq!(percent(d("26393.83"), d("27585.71")), Some(d("95.68")));
        assert_eq!(percent(d("33814.57"), d("35408.62")), Some(d("95.50")));
        assert_eq!(percent(d("7420.74"), d("7822.91")), Some(d("94.86")));
        assert_eq!(percent(d("3130"), d("3532")), Some(d("88.62")));
        assert_eq!(percent(d("658"), d("661")), Some(d("99.55")));
    }

    #[test]
    fn midpoint_rounds_away_from_zero_and_pads() {
        assert_eq!(round2(d("9.565")).to_string(), "9.57");
        assert_eq!(round2(d("30")).to_string(), "30.00");
        assert_eq!(round2(d("0.125")).to_string(), "0.13");
    }

    #[test]
    fn zero_budget_is_not_applicable() {
        assert_eq!(percent(d("0"), d("0")), None);
        assert_eq!(percent(d("5"), d("0")), None);
    }

    #[test]
    fn stated_precision_comparison() {
        assert!(matches_at_stated_precision(d("98.6"), d("98.596")));
        assert!(!matches_at_stated_precision(d("98.59"), d("98.596")));
        assert!(matches_at_stated_precision(d("95.50"), d("95.50")));
        assert!(!matches_at_stated_precision(d("95.68"), d("95.50")));
        assert!(matches_at_stated_precision(d("96"), d("95.50")));
    }

    #[test]
    fn stated_precision_compares_with_the_exact_quotient_not_the_rounded_rate() {
        let exact = exact_percent(d("952451"), d("1000000")).unwrap();
        assert_eq!(percent(d("952451"), d("1000000")), Some(d("95.25")));
        assert!(matches_at_stated_precision(d("95.2"), exact));
        assert!(!matches_at_stated_precision(d("95.3"), exact));
        assert!(matches_at_stated_precision(d("95.25"), exact));
        // Double rounding would have said the opposite.
        assert!(!matches_at_stated_precision(d("95.2"), d("95.25")));
        assert_eq!(exact_percent(d("1"), Decimal::ZERO), None);
    }

    #[test]
    fn exact_quotients_round_half_away_from_zero() {
        assert_eq!(mul_div_round2(d("10"), d("95.68"), d("100")), Some(d("9.57")));
        assert_eq!(mul_div_round2(d("20"), d("85.79"), d("100")), Some(d("17.16")));
        assert_eq!(mul_div_round2(d("1"), d("1"), d("8")), Some(d("0.13")));
        assert_eq!(mul_div_round2(d("-1"), d("1"), d("8")), Some(d("-0.13")));
        assert_eq!(mul_div_round2(d("1"), d("-1"), d("-8")), Some(d("0.13")));
        assert_eq!(mul_div_round2(d("1"), d("1"), d("3")), Some(d("0.33")));
        assert_eq!(mul_div_round2(d("2"), d("1"), d("3")), Some(d("0.67")));
        assert_eq!(mul_div_round2(d("1"), d("1"), Decimal::ZERO), None);
        // 0.00499…9 (30 nines) is below the midpoint: 0.00, where a 28-digit quotient would
        // have rounded up to 0.005 and then to 0.01.
        let tiny = d(&format!("0.00{}", "9".repeat(26)));
        assert_eq!(mul_div_round2(tiny, d("0.5"), d("1")), Some(d("0.00")));
        // Huge values fall back to Decimal division.
        assert_eq!(mul_div_round2(Decimal::MAX, d("1"), d("2")), mul_div(Decimal::MAX, d("1"), d("2")).map(round2));
        assert_eq!(percent(d("26393.83"), d("27585.71")).unwrap().to_string(), "95.68");
    }

    #[test]
    fn checked_arithmetic_gives_none_instead_of_panicking() {
        let max = Decimal::MAX;
        assert_eq!(checked_sum([max, Decimal::ONE]), None);
        assert_eq!(checked_sum([d("1.5"), d("-0.5")]), Some(d("1.0")));
        assert_eq!(checked_sum(std::iter::empty()), Some(Decimal::ZERO));
        assert_eq!(mul_div(max, d("8000"), d("100")), None);
        assert_eq!(mul_div(d("10"), d("95.68"), d("100")), Some(d("9.568")));
        assert_eq!(mul_div(d("10"), d("1"), Decimal::ZERO), None);
        // a × b overflows but a ÷ c × b does not.
        assert_eq!(mul_div(d(&format!("1{}", "0".repeat(27))), d("100"), d("1000")), Some(d(&format!("1{}", "0".repeat(26)))));
    }

    #[test]
    fn decimal_text_is_display_and_plain_text_is_normalize() {
        let max = Decimal::MAX.to_string();
        for t in [
            "0",
            "0.00",
            "9.57",
            "30.00",
            "-0.5",
            "0.001",
            "-0.0001",
            "123456789.123456789",
            "18446744073709551615",
            "18446744073709551616",
            "-1844674407370955161.6",
            &max,
            "0.0000000000000000000000000001",
        ] {
            let x = d(t);
            assert_eq!(decimal_text(x), x.to_string(), "{t}");
            assert_eq!(plain_text(x), x.normalize().to_string(), "{t}");
        }
        assert_eq!(decimal_text(round2(d("-0.001"))), round2(d("-0.001")).to_string());
    }

    #[test]
    fn thousands() {
        assert_eq!(group_thousands(d("35408.62"), 2), "35,408.62");
        assert_eq!(group_thousands(d("408.6"), 2), "408.60");
        assert_eq!(group_thousands(d("1234567"), 0), "1,234,567");
        assert_eq!(group_thousands(d("-1234.5"), 2), "-1,234.50");
    }
}
