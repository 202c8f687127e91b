//! Writing layout numbers (SVG coordinates, spreadsheet column widths and row heights) as text.
//!
//! These are geometry, never money: money is `rust_decimal` everywhere. They are written with at
//! most `places` decimals and no trailing zeros (`12`, `12.5`, `8.43`), by integer arithmetic.
//! Using `{:.1}` on an `f64` instead would link the standard library's float formatting (about
//! 4 KB gzip of wasm) into the page for nothing but chart coordinates (see BENCHMARKS.md).

use std::fmt;

/// `x` rounded half away from zero to `places` decimals (at most 4), without trailing zeros.
/// Values that are not finite are written as `0`.
#[derive(Clone, Copy, Debug)]
pub struct Fixed {
    value: f64,
    places: u32,
}

/// See [`Fixed`].
pub fn fixed(value: f64, places: u32) -> Fixed {
    Fixed { value, places: places.min(4) }
}

impl fmt::Display for Fixed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let scale = 10i64.pow(self.places);
        let v = if self.value.is_finite() { self.value } else { 0.0 };
        // `as` saturates: layout numbers are far inside i64.
        let n = (v * scale as f64).round() as i64;
        let (int, mut frac) = (n.unsigned_abs() / scale as u64, n.unsigned_abs() % scale as u64);
        if n < 0 {
            f.write_str("-")?;
        }
        write!(f, "{int}")?;
        if frac == 0 {
            return Ok(());
        }
        let mut digits = self.places;
        while frac % 10 == 0 {
            frac /= 10;
            digits -= 1;
        }
        write!(f, ".{frac:0width$}", width = digits as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::fixed;

    #[test]
    fn writes_tenths_without_trailing_zeros() {
        assert_eq!(fixed(12.0, 1).to_string(), "12");
        assert_eq!(fixed(12.25, 1).to_string(), "12.3");
        assert_eq!(fixed(12.04, 1).to_string(), "12");
        assert_eq!(fixed(0.05, 1).to_string(), "0.1");
        assert_eq!(fixed(720.0, 1).to_string(), "720");
    }

    #[test]
    fn keeps_leading_zeros_of_the_fraction_and_the_sign() {
        assert_eq!(fixed(8.43, 2).to_string(), "8.43");
        assert_eq!(fixed(3.05, 2).to_string(), "3.05");
        assert_eq!(fixed(-0.5, 1).to_string(), "-0.5");
        assert_eq!(fixed(-12.0, 1).to_string(), "-12");
        assert_eq!(fixed(-0.04, 1).to_string(), "0");
    }

    #[test]
    fn not_finite_is_zero() {
        assert_eq!(fixed(f64::NAN, 1).to_string(), "0");
        assert_eq!(fixed(f64::INFINITY, 2).to_string(), "0");
    }
}
