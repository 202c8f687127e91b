//! Number formats: how Excel shows a stored number (a percent format shows 0.9568 as "95.68%",
//! `0.00` shows 50 as "50.00", a date format shows 44334 as "2021-05-18"), so a cell is read as
//! the officer saw it. Nothing is rounded that the officer did not see rounded (see the policy of
//! [`super::grid`]).

use rust_decimal::Decimal;
use std::str::FromStr;

use crate::office::xlsx::sheet::number_text;

/// How a number format shows a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    /// As stored.
    General,
    /// With at least this many decimals.
    Fixed(u32),
    /// ×100 with a percent sign, at least this many decimals.
    Percent(u32),
    /// A date (with 年/月/日 when the format writes them).
    Date { cjk: bool },
}

/// What a format code (or a built-in format id) shows.
pub fn shown_by(id: u32, code: Option<&str>) -> Shown {
    if let Some(code) = code {
        return shown_by_code(code);
    }
    match id {
        1 | 3 => Shown::Fixed(0),
        2 | 4 | 39 | 40 => Shown::Fixed(2),
        9 => Shown::Percent(0),
        10 => Shown::Percent(2),
        14..=17 | 22 | 27..=31 | 34..=36 | 50..=58 => Shown::Date { cjk: (27..=58).contains(&id) },
        _ => Shown::General,
    }
}

fn shown_by_code(code: &str) -> Shown {
    // The first section (positive numbers), without quoted text, escapes and [colour]/[locale].
    let mut plain = String::new();
    let mut quoted = false;
    let mut bracket = false;
    let mut escape = false;
    let mut cjk = false;
    for c in code.chars() {
        if escape {
            escape = false;
            cjk |= matches!(c, '年' | '月' | '日');
            continue;
        }
        match c {
            '"' => quoted = !quoted,
            _ if quoted => cjk |= matches!(c, '年' | '月' | '日'),
            '\\' => escape = true,
            '[' => bracket = true,
            ']' => bracket = false,
            _ if bracket => {}
            ';' => break,
            _ => plain.push(c),
        }
    }
    let lower = plain.to_ascii_lowercase();
    if lower == "general" || lower.is_empty() || lower == "@" {
        return Shown::General;
    }
    let decimals = plain.split_once('.').map(|(_, d)| d.chars().take_while(|c| matches!(c, '0' | '#' | '?')).count() as u32).unwrap_or(0);
    if plain.contains('%') {
        return Shown::Percent(decimals);
    }
    if lower.contains(['y', 'd']) || (lower.contains('m') && !lower.contains(['h', 's'])) {
        return Shown::Date { cjk };
    }
    if plain.contains('0') || plain.contains('#') {
        return Shown::Fixed(decimals);
    }
    Shown::General
}

/// A stored number as shown (see the module policy). A formula's result (`calculated`) is shown
/// at its format's decimals, rounded half-up as Excel shows and prints it (nobody typed its
/// binary digits); a typed number keeps every digit it has.
pub fn show(v: &str, how: Shown, calculated: bool) -> String {
    let t = number_text(v);
    let Ok(mut d) = Decimal::from_str(&t) else { return t };
    if calculated {
        let places = match how {
            Shown::Fixed(n) => Some(n),
            Shown::Percent(n) => Some(n + 2),
            _ => None,
        };
        if let Some(p) = places.filter(|&p| p <= 26) {
            d = d.round_dp_with_strategy(p, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        }
    }
    let t = if calculated { d.normalize().to_string() } else { t };
    let pad = |d: Decimal, min: u32| -> String {
        let d = d.normalize();
        if d.scale() < min {
            let mut d = d;
            d.rescale(min);
            d.to_string()
        } else {
            d.to_string()
        }
    };
    match how {
        Shown::General => t,
        Shown::Fixed(n) => {
            if d.scale() >= n {
                t
            } else {
                pad(d, n)
            }
        }
        Shown::Percent(n) => match d.checked_mul(Decimal::ONE_HUNDRED) {
            Some(p) => format!("{}%", pad(p, n)),
            None => t,
        },
        Shown::Date { cjk } => match date_of_serial(d) {
            Some((y, m, dd)) if cjk => format!("{y}年{m}月{dd}日"),
            Some((y, m, dd)) => format!("{y}-{m:02}-{dd:02}"),
            None => t,
        },
    }
}

/// An Excel serial day (1900 system, Lotus's 29 Feb 1900 included) as (year, month, day); `None`
/// for a fraction of a day or a value outside 1–2958465.
pub fn date_of_serial(d: Decimal) -> Option<(i64, u32, u32)> {
    if d.fract() != Decimal::ZERO {
        return None;
    }
    let n: i64 = d.trunc().to_string().parse().ok()?;
    if !(1..=2_958_465).contains(&n) {
        return None;
    }
    if n == 60 {
        return Some((1900, 2, 29));
    }
    // Days since 1899-12-31 (serial 1 = 1900-01-01), skipping the fictitious 29 Feb 1900.
    let days = if n > 60 { n - 1 } else { n };
    // Civil from days (Howard Hinnant), from 1970-01-01 = serial 25569.
    let z = days - 25_568 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    Some((if month <= 2 { y + 1 } else { y }, month, day))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_show_what_the_officer_saw() {
        assert_eq!(show("0.9568", Shown::Percent(2), false), "95.68%");
        assert_eq!(show("1", Shown::Percent(2), false), "100.00%");
        assert_eq!(show("1.0259", Shown::Percent(0), false), "102.59%");
        assert_eq!(show("0.95678", Shown::Percent(2), false), "95.678%");
        assert_eq!(show("50", Shown::Fixed(2), false), "50.00");
        assert_eq!(show("278.4449", Shown::Fixed(2), false), "278.4449");
        assert_eq!(show("15", Shown::Fixed(1), false), "15.0");
        assert_eq!(show("0.10769999999999999", Shown::Percent(2), false), "10.77%");
        assert_eq!(show("44334", Shown::Date { cjk: false }, false), "2021-05-18");
        assert_eq!(show("44334", Shown::Date { cjk: true }, false), "2021年5月18日");
        assert_eq!(show("1", Shown::Date { cjk: false }, false), "1900-01-01");
        assert_eq!(show("61", Shown::Date { cjk: false }, false), "1900-03-01");
        assert_eq!(show("12.5", Shown::General, false), "12.5");
        // A formula's result as Excel shows it: 30 / 278.4449 with 0.00%.
        assert_eq!(show("0.10774198699999999", Shown::Percent(2), true), "10.77%");
        assert_eq!(show("1", Shown::Percent(0), true), "100%");
        assert_eq!(show("2.1548", Shown::Fixed(2), true), "2.15");
        assert_eq!(show("2.155", Shown::Fixed(2), true), "2.16");
    }

    #[test]
    fn format_codes() {
        assert_eq!(shown_by(10, None), Shown::Percent(2));
        assert_eq!(shown_by(164, Some("0.00%")), Shown::Percent(2));
        assert_eq!(shown_by(164, Some("0.0_);[Red]\\(0.0\\)")), Shown::Fixed(1));
        assert_eq!(shown_by(164, Some("#,##0.00")), Shown::Fixed(2));
        assert_eq!(shown_by(164, Some("yyyy\"年\"m\"月\"d\"日\"")), Shown::Date { cjk: true });
        assert_eq!(shown_by(164, Some("yyyy-mm-dd")), Shown::Date { cjk: false });
        assert_eq!(shown_by(164, Some("General")), Shown::General);
        assert_eq!(shown_by(164, Some("\"≥\"0%")), Shown::Percent(0));
        assert_eq!(shown_by(0, None), Shown::General);
    }
}
