//! Reading the numbers officers type and paste.
//!
//! Policy: accept what a person would write in a report or copy from Excel — thousands
//! separators (`35,408.62`), a trailing unit (`35408.62万元`, `95.68%`, `15项`), full-width digits
//! and punctuation (`３５，４０８．６２`), spaces around — and reject, with a reason, anything else.
//! Nothing here panics and nothing goes through a float: values are `rust_decimal::Decimal`
//! (28 significant digits; more is an error, not a silent rounding).

use rust_decimal::Decimal;
use std::str::FromStr;

use crate::text::lang::Text;

/// Why a text is not a number. Each reason has a message in both languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumError {
    /// A required value is blank.
    Empty,
    /// A character that has no place in a number (a letter, a second sign, …).
    Invalid(char),
    /// More than one decimal point.
    TwoPoints,
    /// A thousands separator after the decimal point or in the wrong place.
    BadSeparator,
    /// Nothing numeric at all (e.g. just "万元").
    NoDigits,
    /// More significant digits than the 28 a Decimal holds.
    TooManyDigits,
    /// A minus sign where the value cannot be negative (budgets, spending).
    Negative,
    /// A unit that is not the one this field is in (元 in a 万元 table).
    WrongUnit {
        /// The unit written.
        found: String,
        /// The unit the field expects.
        expected: String,
    },
}

impl NumError {
    /// The reason, in both languages, for the field's error text.
    pub fn message(&self) -> Text {
        match self {
            NumError::Empty => Text::new("必填，不能为空", "required, cannot be blank"),
            NumError::Invalid(c) => {
                Text::new(format!("含有不能出现在数字中的字符“{c}”"), format!("contains '{c}', which cannot appear in a number"))
            }
            NumError::TwoPoints => Text::new("有两个小数点", "has two decimal points"),
            NumError::BadSeparator => Text::new("千分位逗号位置不对", "a thousands separator is misplaced"),
            NumError::NoDigits => Text::new("没有数字", "has no digits"),
            NumError::TooManyDigits => Text::new("位数过多（最多 28 位有效数字）", "too many digits (at most 28 significant digits)"),
            NumError::Negative => Text::new("不能为负数", "cannot be negative"),
            NumError::WrongUnit { found, expected } => Text::new(
                format!("单位“{found}”与本表金额单位“{expected}”不一致"),
                format!("unit '{found}' differs from this table's unit '{expected}'"),
            ),
        }
    }
}

/// What a field holds, for the unit suffixes it accepts and whether it may be negative.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind<'a> {
    /// Money in the document's unit (万元 or 元); never negative.
    Amount {
        /// The document's amount unit.
        unit: &'a str,
    },
    /// A percentage (`95.68` or `95.68%`); never negative.
    Percent,
    /// A score or weight (`43.53`, `43.53分`); may be negative (其他加减分项).
    Score,
    /// A weight (`10`, `10分`); never negative.
    Weight,
    /// An indicator value in any unit (`395节次`, `1.2万元/生`, `-3`).
    Value,
}

/// Maps full-width digits, punctuation and spaces to ASCII; other characters pass through.
pub fn to_half_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF10}'..='\u{FF19}' => char::from_u32(c as u32 - 0xFF10 + '0' as u32).unwrap_or(c),
            '\u{FF0C}' | '\u{3001}' => ',',
            '\u{FF0E}' | '\u{3002}' => '.',
            '\u{FF05}' => '%',
            '\u{FF0D}' | '\u{2212}' | '\u{2013}' => '-',
            '\u{FF0B}' => '+',
            '\u{3000}' | '\u{00A0}' => ' ',
            _ => c,
        })
        .collect()
}

/// Whether `s` is blank once trimmed (including full-width and no-break spaces, which are
/// Unicode white space).
pub fn is_blank(s: &str) -> bool {
    // The common case without decoding: text that starts with an ASCII character other than
    // white space (U+0009–U+000D and the space are ASCII's only white space).
    if let Some(&b) = s.as_bytes().first() {
        if b.is_ascii() && !matches!(b, b' ' | b'\t'..=b'\r') {
            return false;
        }
    }
    // Stops at the first character that is not white space (`trim` would also scan from the end).
    s.chars().all(char::is_whitespace)
}

/// Parses an optional value: blank is `Ok(None)`.
pub fn parse_opt(s: &str, kind: Kind) -> Result<Option<Decimal>, NumError> {
    if is_blank(s) {
        return Ok(None);
    }
    match parse(s, kind) {
        // "—", "/", "无" in a cell: nothing here (never an invalid number, never 0); `parse`
        // reads them as empty.
        Err(NumError::Empty) => Ok(None),
        other => other.map(Some),
    }
}

/// Parses a required value: blank is [`NumError::Empty`].
pub fn parse(s: &str, kind: Kind) -> Result<Decimal, NumError> {
    if let Some(v) = parse_plain(s) {
        return Ok(v);
    }
    let half = to_half_width(s);
    let t = half.trim();
    if t.is_empty() {
        return Err(NumError::Empty);
    }
    // "—", "/", "无" in a cell: nothing here.
    if crate::text::words::is_placeholder(t) {
        return Err(NumError::Empty);
    }
    let (num, suffix) = split_suffix(t);
    check_suffix(suffix.trim(), kind)?;
    let num = num.trim();
    let (neg, body) = match num.as_bytes().first() {
        Some(b'-') => (true, num[1..].trim_start()),
        Some(b'+') => (false, num[1..].trim_start()),
        _ => (false, num),
    };
    let digits = strip_separators(body)?;
    if digits.is_empty() || digits == "." {
        return Err(NumError::NoDigits);
    }
    let significant = digits.trim_start_matches(['0', '.']).chars().filter(|c| c.is_ascii_digit()).count();
    // Decimal keeps at most 28 decimals and would round the 29th away silently.
    let decimals = digits.split_once('.').map_or(0, |(_, f)| f.len());
    if significant > 28 || decimals > 28 {
        return Err(NumError::TooManyDigits);
    }
    let mut value = Decimal::from_str(&digits).map_err(|_| NumError::TooManyDigits)?;
    // "-0" is zero: never a negative zero that would print as "-0".
    if neg && !value.is_zero() {
        value.set_sign_negative(true);
        if !matches!(kind, Kind::Score | Kind::Value) {
            return Err(NumError::Negative);
        }
    }
    Ok(value)
}

/// The common case without allocating: plain ASCII digits with at most one inner point and at
/// most 28 characters ("35408.62", "100"), which the full parser would accept unchanged for every
/// kind. Anything else (`None`) goes through the full parser.
fn parse_plain(s: &str) -> Option<Decimal> {
    let t = s.trim_ascii();
    let b = t.as_bytes();
    if b.is_empty() || b.len() > 28 || b[0] == b'.' || b[b.len() - 1] == b'.' {
        return None;
    }
    let mut points = 0;
    for &c in b {
        if c == b'.' {
            points += 1;
        } else if !c.is_ascii_digit() {
            return None;
        }
    }
    if points > 1 {
        return None;
    }
    // Up to 19 digits fit a u64: the mantissa and scale directly, as `from_str` reads them
    // (leading zeros dropped, trailing ones kept: "0.50" is 50 × 10⁻²).
    if b.len() - points <= 19 {
        let (mut m, mut scale, mut after) = (0u64, 0u32, false);
        for &c in b {
            if c == b'.' {
                after = true;
            } else {
                m = m * 10 + u64::from(c - b'0');
                scale += u32::from(after);
            }
        }
        return Decimal::try_from_i128_with_scale(i128::from(m), scale).ok();
    }
    Decimal::from_str(t).ok()
}

/// Splits "35408.62万元" into ("35408.62", "万元"): the suffix starts at the first character that
/// cannot belong to a number.
fn split_suffix(t: &str) -> (&str, &str) {
    let end = t
        .char_indices()
        .find(|&(i, c)| !(c.is_ascii_digit() || c == '.' || c == ',' || c == ' ' || ((c == '-' || c == '+') && i == 0)))
        .map(|(i, _)| i)
        .unwrap_or(t.len());
    (&t[..end], &t[end..])
}

fn check_suffix(suffix: &str, kind: Kind) -> Result<(), NumError> {
    if suffix.is_empty() {
        return Ok(());
    }
    let first = suffix.chars().next().unwrap_or(' ');
    let ok = match kind {
        Kind::Amount { unit } => {
            if suffix == unit {
                true
            } else if suffix == "元" || suffix == "万元" || suffix == "亿元" {
                return Err(NumError::WrongUnit { found: suffix.to_string(), expected: unit.to_string() });
            } else {
                false
            }
        }
        Kind::Percent => suffix == "%",
        Kind::Score | Kind::Weight => suffix == "分",
        // An indicator's own unit is free text ("节次", "万元/生"), but digits after it mean the
        // number itself is malformed ("12a3").
        Kind::Value => !suffix.chars().any(|c| c.is_ascii_digit()),
    };
    if ok {
        Ok(())
    } else {
        Err(NumError::Invalid(first))
    }
}

/// Removes thousands separators and spaces, checking their places; rejects a second point.
fn strip_separators(body: &str) -> Result<String, NumError> {
    // A space between two digits separates thousands like a comma ("1 000") and must sit where a
    // comma could: "95 68" is a typo, not 9568. Spaces next to a comma or point are slack
    // ("35, 408.62", as text pasted from a PDF often has).
    let chars: Vec<char> = body.trim().chars().collect();
    let mut compact = String::with_capacity(chars.len());
    for (i, &c) in chars.iter().enumerate() {
        if c != ' ' {
            compact.push(c);
            continue;
        }
        let prev = chars[..i].iter().rev().find(|c| **c != ' ');
        let next = chars[i + 1..].iter().find(|c| **c != ' ');
        let slack = matches!(prev, Some(',' | '.')) || matches!(next, Some(',' | '.'));
        if !slack && !compact.ends_with(',') {
            compact.push(',');
        }
    }
    if compact.matches('.').count() > 1 {
        return Err(NumError::TwoPoints);
    }
    let (int, frac) = match compact.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (compact.as_str(), None),
    };
    if let Some(f) = frac {
        if f.contains(',') {
            return Err(NumError::BadSeparator);
        }
    }
    if int.contains(',') {
        let groups: Vec<&str> = int.split(',').collect();
        let first_ok = (1..=3).contains(&groups[0].len());
        let rest_ok = groups[1..].iter().all(|g| g.len() == 3);
        if !first_ok || !rest_ok {
            return Err(NumError::BadSeparator);
        }
    }
    let mut out: String = int.chars().filter(|c| *c != ',').collect();
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    if out.starts_with('.') {
        out.insert(0, '0');
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_read_as_blank_never_as_zero_or_invalid() {
        for t in ["—", "-", "/", "——", "无"] {
            assert_eq!(parse_opt(t, Kind::Amount { unit: "万元" }), Ok(None), "{t}");
            assert_eq!(parse(t, Kind::Value), Err(NumError::Empty), "{t}");
        }
        assert_eq!(parse_opt("-3", Kind::Value), Ok(Some(Decimal::from(-3))));
    }

    const WAN: Kind = Kind::Amount { unit: "万元" };

    fn ok(s: &str, k: Kind) -> String {
        parse(s, k).unwrap().to_string()
    }

    #[test]
    fn accepts_what_officers_type() {
        assert_eq!(ok("35,408.62", WAN), "35408.62");
        assert_eq!(ok("35408.62万元", WAN), "35408.62");
        assert_eq!(ok("３５，４０８．６２", WAN), "35408.62");
        assert_eq!(ok("  35408.62 ", WAN), "35408.62");
        assert_eq!(ok("95.68%", Kind::Percent), "95.68");
        assert_eq!(ok("９５．６８％", Kind::Percent), "95.68");
        assert_eq!(ok(".5", Kind::Percent), "0.5");
        assert_eq!(ok("43.53分", Kind::Score), "43.53");
        assert_eq!(ok("-2", Kind::Score), "-2");
        assert_eq!(ok("395节次", Kind::Value), "395");
        assert_eq!(ok("1.2万元/生", Kind::Value), "1.2");
    }

    #[test]
    fn rejects_with_a_reason() {
        assert_eq!(parse("", WAN), Err(NumError::Empty));
        assert_eq!(parse("　", WAN), Err(NumError::Empty));
        assert_eq!(parse("12a3", WAN), Err(NumError::Invalid('a')));
        assert_eq!(parse("1.2.3", WAN), Err(NumError::TwoPoints));
        assert_eq!(parse("1,23.4", WAN), Err(NumError::BadSeparator));
        assert_eq!(parse("1.234,5", WAN), Err(NumError::BadSeparator));
        assert_eq!(parse("-5", WAN), Err(NumError::Negative));
        assert_eq!(parse("万元", WAN), Err(NumError::NoDigits));
        assert_eq!(parse("1".repeat(40).as_str(), WAN), Err(NumError::TooManyDigits));
        assert_eq!(parse("354086200元", WAN), Err(NumError::WrongUnit { found: "元".into(), expected: "万元".into() }));
        assert_eq!(parse("95.68‰", Kind::Percent), Err(NumError::Invalid('‰')));
    }

    #[test]
    fn no_silent_rounding_and_no_negative_zero() {
        // 29 decimals: Decimal would round this to 0 without a word.
        assert_eq!(parse(&format!("0.{}1", "0".repeat(28)), Kind::Score), Err(NumError::TooManyDigits));
        assert_eq!(ok(&format!("0.{}1", "0".repeat(27)), Kind::Score), format!("0.{}1", "0".repeat(27)));
        assert_eq!(ok("-0", Kind::Score), "0");
        assert_eq!(ok("-0.00", WAN), "0.00");
        assert!(!parse("－0", Kind::Value).unwrap().is_sign_negative());
    }

    #[test]
    fn a_space_inside_a_number_must_be_a_thousands_separator() {
        assert_eq!(ok("1 000", WAN), "1000");
        assert_eq!(ok("1 000 000.5", WAN), "1000000.5");
        assert_eq!(ok("35, 408.62 万元", WAN), "35408.62");
        assert_eq!(ok("- 2", Kind::Score), "-2");
        assert_eq!(ok("95 .68 %", Kind::Percent), "95.68");
        assert_eq!(parse("95 68", Kind::Percent), Err(NumError::BadSeparator));
        assert_eq!(parse("12 3", WAN), Err(NumError::BadSeparator));
        assert_eq!(parse("95.6 8", Kind::Percent), Err(NumError::BadSeparator));
    }

    #[test]
    fn the_plain_fast_path_agrees_with_the_full_parser() {
        for s in
            ["0", "100", "35408.62", " 95.68 ", "0123", "1.", ".5", "1.2.3", &"9".repeat(28), &"9".repeat(29), "５", "1,000", "-1", "+1"]
        {
            let full = {
                // The full parser, bypassing the fast path: a leading full-width space forces it.
                parse(&format!("\u{3000}{s}"), Kind::Score)
            };
            if let Some(v) = parse_plain(s) {
                assert_eq!(Ok(v), full, "{s:?}");
            }
            assert_eq!(parse(s, Kind::Score), full, "{s:?}");
        }
        assert!(is_blank("\u{3000} \u{00A0}\t"));
        assert!(!is_blank(" x "));
    }

    #[test]
    fn blank_is_none_when_optional() {
        assert_eq!(parse_opt(" ", WAN), Ok(None));
        assert!(parse_opt("x", WAN).is_err());
    }

    #[test]
    fn every_error_has_both_messages() {
        for e in [
            NumError::Empty,
            NumError::Invalid('x'),
            NumError::TwoPoints,
            NumError::BadSeparator,
            NumError::NoDigits,
            NumError::TooManyDigits,
            NumError::Negative,
        ] {
            let m = e.message();
            assert!(!m.zh.is_empty() && !m.en.is_empty());
        }
    }
}
