//! The words the checker understands, each kind recognised in one place: directions, bounds
//! written in a value, qualitative results, dates, and the marks officers use for "nothing here".
//! Scoring, both pastes, the Excel import and the page's selects call these functions, so a word
//! accepted in one place is accepted everywhere.
//!
//! One file over 500 lines on purpose: it is one thing, the vocabulary, and its recognisers share
//! the half-width folding and the word lists (its tests are a third of it). The typed vocabulary
//! of issue 13 (enums with labels and one recogniser each) is its successor.
//!
//! Policy:
//! - A **direction** is ≥ / ≤ / = / 定性 however written (`≧`, `>=`, `不低于`, `不少于`, `正向`,
//!   `≦`, `不超过`, `反向`, `═`, `等于`, …).
//! - A **bound in a value** ("≥95%", "≧20000亩", "不低于85%", "＞90", "95%以上", "10天以内", "≤5")
//!   is a direction and a value: [`split_bound`] returns both, the value with its unit as typed.
//! - A **placeholder** ("—", "-", "/", "——", "无") in an amount or value means "nothing here" and
//!   reads as blank, never as an invalid number or a zero.
//! - A **qualitative result** is recognised from the words real tables use ([`result_of`]): the
//!   very words of the target, a tier word (达成 / 部分达成 / 未达成), a word of completion or
//!   quality (已完成, 按时完成, 达成预期指标, 好, 较好, 高, 符合, 合格, 改善, 明显, 有效, 满意, 是, …), or a
//!   negation of one (未完成, 不合格, 否, …); a date on or before a date target is met.
//! - A **category** is one of [`crate::document::format::CATEGORIES`] however a table writes it
//!   ([`category_of`]): its id (产出-数量), its label (产出指标·数量指标), the 二级 name alone
//!   (数量指标, 数量, 经济效益, 可持续影响指标, 服务对象满意度指标), 一级 and 二级 joined by any mark
//!   (产出指标-数量指标, 产出/数量) or in two cells ([`category_of_levels`]), or its English name.
//! - A **scoring method** is proportional ("", 按比例, 比例, 正比例, proportional) or deduction
//!   (deduct, 扣分制, 扣分, 按扣分, 扣分法) ([`scoring_of`]).

use crate::document::format::{direction, CATEGORIES};
use crate::text::number;

/// The 二级 names of the categories without their 指标 (and the English words), by id.
const CATEGORY_WORDS: &[(&str, &[&str])] = &[
    ("产出-数量", &["数量", "quantity"]),
    ("产出-质量", &["质量", "quality"]),
    ("产出-时效", &["时效", "timeliness"]),
    ("产出-成本", &["成本", "cost", "经济成本", "社会成本", "生态环境成本"]),
    ("效益-经济", &["经济效益", "经济", "economic"]),
    ("效益-社会", &["社会效益", "社会", "social"]),
    ("效益-生态", &["生态效益", "生态", "ecological"]),
    ("效益-可持续", &["可持续影响", "可持续", "可持续影响力", "sustainability"]),
    ("满意度", &["满意度", "服务对象满意度", "社会公众或服务对象满意度", "satisfaction"]),
];

fn category_word(w: &str) -> Option<&'static str> {
    let w = w.trim();
    let w = w.strip_suffix("指标").unwrap_or(w).trim();
    if w.is_empty() {
        return None;
    }
    CATEGORY_WORDS.iter().find(|(_, ws)| ws.iter().any(|x| x.eq_ignore_ascii_case(w))).map(|(id, _)| *id)
}

/// The 一级 part a category id belongs to: 产出, 效益 or 满意度.
fn top_of(id: &str) -> &str {
    id.split('-').next().unwrap_or(id)
}

/// Recognises a category (see the module policy); `Some("")` for blank, `None` for text that is
/// not one.
pub fn category_of(s: &str) -> Option<&'static str> {
    let t = s.trim();
    if t.is_empty() {
        return Some("");
    }
    if let Some((id, ..)) = CATEGORIES.iter().find(|(id, zh, en)| t == *id || t == *zh || t.eq_ignore_ascii_case(en)) {
        return Some(id);
    }
    if let Some(id) = category_word(t) {
        return Some(id);
    }
    // 一级 and 二级 joined by a mark: 产出指标-数量指标, 产出·数量, Output: quantity.
    let (l1, l2) = t.split_once(['·', '-', '－', '—', ':', '：', '/', '／', '、']).unwrap_or((t, ""));
    category_of_levels(l1, l2).filter(|id| !id.is_empty())
}

/// Recognises a category given as its 一级 and 二级 cells (产出指标 | 数量指标); a 二级 that
/// belongs to another 一级 is not recognised.
pub fn category_of_levels(l1: &str, l2: &str) -> Option<&'static str> {
    let (l1, l2) = (l1.trim(), l2.trim());
    if l2.is_empty() {
        return category_of_one(l1);
    }
    let id = category_word(l2).or_else(|| CATEGORIES.iter().find(|(id, zh, _)| l2 == *id || l2 == *zh).map(|(id, ..)| *id))?;
    if l1.is_empty() {
        return Some(id);
    }
    let top = l1.strip_suffix("指标").unwrap_or(l1).trim();
    let top_en = top.to_ascii_lowercase();
    let fits = match top_of(id) {
        "产出" => top == "产出" || top_en == "output",
        "效益" => top == "效益" || top_en == "outcome",
        _ => top.contains("满意度") || top_en == "satisfaction",
    };
    fits.then_some(id)
}

fn category_of_one(s: &str) -> Option<&'static str> {
    if s.contains(['·', '-', '－', '—', ':', '：', '/', '／']) {
        return category_of(s);
    }
    let t = s.trim();
    if t.is_empty() {
        return Some("");
    }
    CATEGORIES
        .iter()
        .find(|(id, zh, en)| t == *id || t == *zh || t.eq_ignore_ascii_case(en))
        .map(|(id, ..)| *id)
        .or_else(|| category_word(t))
}

/// Recognises a scoring method: `Some("")` proportional (also blank), `Some("deduct")`
/// deduction, `None` for anything else.
pub fn scoring_of(s: &str) -> Option<&'static str> {
    match s.trim() {
        "" | "按比例" | "比例" | "正比例" | "按比例计分" | "比例计分" | "按完成比例" => Some(""),
        "deduct" | "扣分制" | "扣分" | "按扣分" | "扣分法" | "扣分计分" | "超出即扣分" => Some("deduct"),
        t if t.eq_ignore_ascii_case("proportional") => Some(""),
        t if t.eq_ignore_ascii_case("deduct") || t.eq_ignore_ascii_case("deduction") => Some("deduct"),
        _ => None,
    }
}

/// True when a scoring method means deduction ("deduct", 扣分制, …).
#[inline]
pub fn is_deduct(s: &str) -> bool {
    !s.is_empty() && (s == "deduct" || scoring_of(s) == Some("deduct"))
}

/// Full-width digits, punctuation and comparison signs as ASCII (＞ ＜ ＝ too, which the number
/// reader has no use for).
fn to_half_width(s: &str) -> String {
    number::to_half_width(s)
        .chars()
        .map(|c| match c {
            '＞' => '>',
            '＜' => '<',
            '＝' => '=',
            _ => c,
        })
        .collect()
}

/// Recognises a direction: ≥ ≤ = 定性 and the usual ways of writing them; `Some("")` for blank,
/// `None` for text that is not a direction.
pub fn direction_of(s: &str) -> Option<&'static str> {
    let t = to_half_width(s);
    match t.trim() {
        "" => Some(""),
        "≥" | "≧" | "⩾" | ">=" | ">＝" | "大于等于" | "大于或等于" | "不低于" | "不少于" | "不小于" | ">" | "大于" | "高于" | "正向" => {
            Some(direction::AT_LEAST)
        }
        "≤" | "≦" | "⩽" | "<=" | "<＝" | "小于等于" | "小于或等于" | "不高于" | "不多于" | "不大于" | "不超过" | "<" | "小于" | "低于"
        | "反向" => Some(direction::AT_MOST),
        "=" | "═" | "＝" | "==" | "等于" => Some(direction::EQUAL),
        "定性" | "qualitative" => Some(direction::QUALITATIVE),
        _ => None,
    }
}

/// Leading signs and words of a bound, longest first so "不低于" wins over "低于".
const LEADING: &[(&str, &str)] = &[
    ("大于或等于", direction::AT_LEAST),
    ("小于或等于", direction::AT_MOST),
    ("大于等于", direction::AT_LEAST),
    ("小于等于", direction::AT_MOST),
    ("不低于", direction::AT_LEAST),
    ("不少于", direction::AT_LEAST),
    ("不小于", direction::AT_LEAST),
    ("不高于", direction::AT_MOST),
    ("不多于", direction::AT_MOST),
    ("不大于", direction::AT_MOST),
    ("不超过", direction::AT_MOST),
    ("大于", direction::AT_LEAST),
    ("高于", direction::AT_LEAST),
    ("超过", direction::AT_LEAST),
    ("小于", direction::AT_MOST),
    ("低于", direction::AT_MOST),
    ("≥", direction::AT_LEAST),
    ("≧", direction::AT_LEAST),
    ("⩾", direction::AT_LEAST),
    (">=", direction::AT_LEAST),
    (">", direction::AT_LEAST),
    ("≤", direction::AT_MOST),
    ("≦", direction::AT_MOST),
    ("⩽", direction::AT_MOST),
    ("<=", direction::AT_MOST),
    ("<", direction::AT_MOST),
    ("═", direction::EQUAL),
    ("==", direction::EQUAL),
    ("=", direction::EQUAL),
];

/// Trailing words of a bound: "95%以上", "10天以内", "5%以下".
const TRAILING: &[(&str, &str)] = &[
    ("及以上", direction::AT_LEAST),
    ("以上", direction::AT_LEAST),
    ("及以下", direction::AT_MOST),
    ("以下", direction::AT_MOST),
    ("以内", direction::AT_MOST),
];

/// A value written as a bound: the direction and the value without its sign or bound word
/// ("≧20000亩" → ("≥", "20000亩"), "95%以上" → ("≥", "95%"), "不少于12 种" → ("≥", "12种")).
/// `None` when the text carries no bound, or nothing numeric-looking after it (so the words
/// "不低于市场价" are not a bound).
pub fn split_bound(s: &str) -> Option<(&'static str, String)> {
    // The common case without allocating: a value that starts with a digit and ends in no bound
    // word ("100", "85.79%", "20000亩").
    // A plain number or a number with an ASCII unit ("100", "85.79%"): no bound, nothing to do.
    if let (Some(f), Some(l)) = (s.as_bytes().first(), s.as_bytes().last()) {
        if f.is_ascii_digit() && (l.is_ascii_digit() || *l == b'%') {
            return None;
        }
    }
    let raw = s.trim();
    let leading = matches!(
        raw.chars().next(),
        Some(
            '≥' | '≧'
                | '⩾'
                | '>'
                | '＞'
                | '≤'
                | '≦'
                | '⩽'
                | '<'
                | '＜'
                | '═'
                | '='
                | '＝'
                | '大'
                | '小'
                | '不'
                | '高'
                | '低'
                | '超'
        )
    );
    if !leading && !matches!(raw.chars().next_back(), Some('上' | '下' | '内')) {
        return None;
    }
    let half = to_half_width(s);
    let t = half.trim();
    for (w, d) in LEADING {
        if let Some(rest) = t.strip_prefix(w) {
            let rest = rest.trim();
            if rest.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '+' || c == '.') {
                return Some((d, tidy(rest)));
            }
            return None;
        }
    }
    for (w, d) in TRAILING {
        if let Some(rest) = t.strip_suffix(w) {
            let rest = rest.trim();
            if rest.starts_with(|c: char| c.is_ascii_digit()) {
                return Some((d, tidy(rest)));
            }
            return None;
        }
    }
    None
}

/// "12 种" → "12种": a space between a number and its unit.
fn tidy(rest: &str) -> String {
    let end = rest.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',' || c == '-' || c == '+')).unwrap_or(rest.len());
    let (num, unit) = rest.split_at(end);
    format!("{}{}", num, unit.trim())
}

/// True for the marks that mean "nothing here" in a table cell: "—", "-", "/", "——", "－", "无",
/// "／", "\\", "×" (and blank).
pub fn is_placeholder(s: &str) -> bool {
    // The common case without scanning: text whose first character can begin no placeholder
    // ("100", "85.79%", "受疫情影响…").
    if let Some(c) = s.chars().next() {
        if !c.is_whitespace()
            && !matches!(
                c,
                '—' | '-' | '－' | '–' | '─' | '/' | '／' | '\\' | '、' | '…' | '.' | '。' | '无' | '暂' | '×' | '不' | 'N' | 'n'
            )
        {
            return false;
        }
    }
    let t = s.trim();
    !t.is_empty()
        && (t.chars().all(|c| matches!(c, '—' | '-' | '－' | '–' | '─' | '/' | '／' | '\\' | '、' | '…' | '.' | '。'))
            || matches!(t, "无" | "暂无" | "×" | "不适用" | "N/A" | "n/a" | "NA"))
}

/// Words that say a qualitative target was reached, checked as whole words first.
const MET_WORDS: &[&str] = &[
    "达成",
    "达成年度指标",
    "达成预期指标",
    "达到预期",
    "达到预期指标",
    "达到预期目标",
    "已达成",
    "已完成",
    "完成",
    "全部完成",
    "按时完成",
    "按期完成",
    "如期完成",
    "好",
    "较好",
    "良好",
    "很好",
    "高",
    "较高",
    "符合",
    "符合要求",
    "符合标准",
    "合格",
    "达标",
    "改善",
    "明显",
    "显著",
    "有效",
    "满意",
    "基本满意",
    "是",
    "已实现",
    "实现",
    "达到",
    "achieved",
    "met",
    "yes",
];

/// Stems that carry the same meaning inside a phrase ("实际在规定时间内完成", "显著提升").
const MET_STEMS: &[&str] = &[
    "达成",
    "完成",
    "达到",
    "符合",
    "合格",
    "达标",
    "满意",
    "有效",
    "改善",
    "提升",
    "提高",
    "明显",
    "显著",
    "增强",
    "规定时间",
    "按标准",
    "该标准",
    "到位",
    "实现",
    "良好",
    "较好",
];

/// Words that say it was not reached.
const NOT_MET: &[&str] =
    &["否", "未达成", "未完成", "未达到", "未实现", "不合格", "不符合", "不满意", "差", "较差", "无效", "not achieved", "no"];

/// Words that say it was partly reached.
const PARTLY: &[&str] = &["部分达成", "部分完成", "部分实现", "部分达到", "一般", "partly achieved"];

/// The tier a qualitative result means against its target's words: 0 达成, 1 部分达成, 2 未达成;
/// `None` when the words are not understood. A result equal to the target's words is met; a
/// date on or before a date target is met, after it is not met.
pub fn result_of(actual: &str, target: &str) -> Option<usize> {
    let half = to_half_width(actual);
    let a = half.trim().trim_end_matches(['。', '.']);
    if a.is_empty() {
        return None;
    }
    let t = to_half_width(target);
    let t = t.trim();
    if !t.is_empty() && a == t {
        return Some(0);
    }
    if let (Some(mut d_a), Some(mut d_t)) = (date_of(a), date_of(t)) {
        // A date without its year is in the target's year (and the other way round).
        if d_a.0 == 0 || d_t.0 == 0 {
            (d_a.0, d_t.0) = (0, 0);
        }
        return Some(if d_a <= d_t { 0 } else { 2 });
    }
    // ASCII only: the word lists are Chinese and lower-case ASCII, and `to_lowercase` would link
    // the Unicode case tables into the page (≈ 8 KB gzip; BENCHMARKS.md, "Size").
    let lower = a.to_ascii_lowercase();
    if PARTLY.iter().any(|w| lower == *w) {
        return Some(1);
    }
    if NOT_MET.iter().any(|w| lower == *w) {
        return Some(2);
    }
    if MET_WORDS.iter().any(|w| lower == *w) {
        return Some(0);
    }
    let a = a.strip_prefix("实际").unwrap_or(a);
    // "基本达到", "基本完成": between met and partly met; the tables score them either way, so the
    // unit is asked (and its stated score used) rather than told.
    if a.starts_with("基本") {
        return None;
    }
    if PARTLY.iter().any(|w| a.contains(w)) {
        return Some(1);
    }
    let negated = ["未", "没有", "不", "无法", "尚未"].iter().any(|n| a.contains(n));
    if MET_STEMS.iter().any(|w| a.contains(w)) {
        return Some(if negated { 2 } else { 0 });
    }
    None
}

/// A date as (year, month, day) with 0 for a part not given: "2022年11月底前完成" → (2022, 11, 31),
/// "9月前" → (0, 9, 31), "7月" → (0, 7, 31), "2023年12月底" → (2023, 12, 31), "2022-11-30" →
/// (2022, 11, 30). A month without a day counts as its end ("9月前" = by the end of September:
/// the usual reading; "7月" completed any day of July is within it). `None` when no month.
pub fn date_of(s: &str) -> Option<(u32, u32, u32)> {
    let t = to_half_width(s);
    let t = t.trim();
    let mut nums: Vec<(u32, char)> = Vec::new();
    let mut cur: Option<u32> = None;
    for c in t.chars() {
        if let Some(d) = c.to_digit(10) {
            cur = Some(cur.unwrap_or(0).saturating_mul(10).saturating_add(d));
        } else {
            if let Some(n) = cur.take() {
                nums.push((n, c));
            }
        }
    }
    if let Some(n) = cur {
        nums.push((n, ' '));
    }
    let (mut y, mut m, mut d) = (0, 0, 31);
    let dashed = nums.iter().any(|(_, c)| *c == '-' || *c == '/');
    if dashed {
        let parts: Vec<u32> = nums.iter().map(|(n, _)| *n).collect();
        match parts.as_slice() {
            [yy, mm, dd, ..] if *yy > 1900 => (y, m, d) = (*yy, *mm, *dd),
            [yy, mm] if *yy > 1900 => (y, m) = (*yy, *mm),
            _ => return None,
        }
    } else {
        for (n, c) in &nums {
            match c {
                '年' => y = *n,
                '月' => m = *n,
                '日' | '号' => d = *n,
                _ => return None,
            }
        }
    }
    if !(1..=12).contains(&m) || d == 0 || d > 31 {
        return None;
    }
    Some((y, m, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_however_written() {
        for (typed, id) in [
            ("产出-数量", "产出-数量"),
            ("产出指标·数量指标", "产出-数量"),
            ("数量指标", "产出-数量"),
            ("数量", "产出-数量"),
            ("产出指标-数量指标", "产出-数量"),
            ("产出/时效", "产出-时效"),
            ("成本指标", "产出-成本"),
            ("经济成本指标", "产出-成本"),
            ("社会效益指标", "效益-社会"),
            ("效益指标-可持续影响指标", "效益-可持续"),
            ("服务对象满意度指标", "满意度"),
            ("满意度指标", "满意度"),
            ("Output: quantity", "产出-数量"),
            ("  ", ""),
        ] {
            assert_eq!(category_of(typed), Some(id), "{typed}");
        }
        assert_eq!(category_of_levels("产出指标", "质量指标"), Some("产出-质量"));
        assert_eq!(category_of_levels("效益指标", "社会效益"), Some("效益-社会"));
        assert_eq!(category_of_levels("满意度指标", "服务对象满意度指标"), Some("满意度"));
        assert_eq!(category_of_levels("产出指标", ""), None);
        assert_eq!(category_of_levels("效益指标", "数量指标"), None);
        assert_eq!(category_of("奇怪类别"), None);
        assert_eq!(category_of("产出"), None);
    }

    #[test]
    fn scoring_methods_however_written() {
        for s in ["", "按比例", "比例", "proportional", "Proportional"] {
            assert_eq!(scoring_of(s), Some(""), "{s}");
        }
        for s in ["deduct", "扣分制", "扣分", "按扣分", "Deduction"] {
            assert_eq!(scoring_of(s), Some("deduct"), "{s}");
            assert!(is_deduct(s));
        }
        assert_eq!(scoring_of("随便"), None);
        assert!(!is_deduct("") && !is_deduct("按比例"));
    }

    #[test]
    fn directions_in_every_spelling() {
        for s in ["≥", "≧", ">=", "＞＝", "不低于", "不少于", "正向", "大于"] {
            assert_eq!(direction_of(s), Some(direction::AT_LEAST), "{s}");
        }
        for s in ["≤", "≦", "<=", "不超过", "不高于", "反向"] {
            assert_eq!(direction_of(s), Some(direction::AT_MOST), "{s}");
        }
        for s in ["=", "═", "＝", "等于"] {
            assert_eq!(direction_of(s), Some(direction::EQUAL), "{s}");
        }
        assert_eq!(direction_of("约等于"), None);
    }

    #[test]
    fn bounds_in_values() {
        assert_eq!(split_bound("≧20000亩"), Some((direction::AT_LEAST, "20000亩".to_string())));
        assert_eq!(split_bound("不低于85%"), Some((direction::AT_LEAST, "85%".to_string())));
        assert_eq!(split_bound("不少于12 种"), Some((direction::AT_LEAST, "12种".to_string())));
        assert_eq!(split_bound("＞90"), Some((direction::AT_LEAST, "90".to_string())));
        assert_eq!(split_bound("95%以上"), Some((direction::AT_LEAST, "95%".to_string())));
        assert_eq!(split_bound("10天以内"), Some((direction::AT_MOST, "10天".to_string())));
        assert_eq!(split_bound("≤5"), Some((direction::AT_MOST, "5".to_string())));
        assert_eq!(split_bound("═100"), Some((direction::EQUAL, "100".to_string())));
        assert_eq!(split_bound("大于1.5万元/人"), Some((direction::AT_LEAST, "1.5万元/人".to_string())));
        // Words, not a bound; plain numbers carry none.
        assert_eq!(split_bound("不高于市场价"), None);
        assert_eq!(split_bound("95%"), None);
        assert_eq!(split_bound("有效改善"), None);
    }

    #[test]
    fn placeholders_mean_nothing_here() {
        for s in ["—", "-", "/", "——", "－", "无", "／"] {
            assert!(is_placeholder(s), "{s}");
        }
        for s in ["", "0", "-3", "无锡", "0.00"] {
            assert!(!is_placeholder(s), "{s}");
        }
    }

    #[test]
    fn qualitative_results_as_tables_write_them() {
        for a in [
            "达成预期指标",
            "达成年度指标",
            "已完成",
            "完成",
            "按时完成",
            "好",
            "较好",
            "高",
            "符合",
            "合格",
            "改善",
            "明显",
            "有效",
            "满意",
            "基本满意",
            "是",
        ] {
            assert_eq!(result_of(a, "有效提升"), Some(0), "{a}");
        }
        assert_eq!(result_of("有效改善", "有效改善"), Some(0));
        assert_eq!(result_of("显著提升", "显著提升"), Some(0));
        assert_eq!(result_of("实际在规定时间内完成", "2023年12月底"), Some(0));
        assert_eq!(result_of("实际按该标准发放", "260元/辆"), Some(0));
        assert_eq!(result_of("部分达成", "完成"), Some(1));
        assert_eq!(result_of("未完成", "完成"), Some(2));
        assert_eq!(result_of("否", "是"), Some(2));
        assert_eq!(result_of("尚在推进", "完成"), None);
        assert_eq!(result_of("基本达到", "是"), None);
    }

    #[test]
    fn dates_against_date_targets() {
        assert_eq!(result_of("7月", "9月前"), Some(0));
        assert_eq!(result_of("10月", "11月前"), Some(0));
        assert_eq!(result_of("2022年11月20日", "2022年11月底前完成"), Some(0));
        assert_eq!(result_of("2022年12月5日", "2022年11月底前完成"), Some(2));
        assert_eq!(date_of("2023年12月底"), Some((2023, 12, 31)));
        assert_eq!(date_of("2022-11-30"), Some((2022, 11, 30)));
        assert_eq!(date_of("100%"), None);
        assert_eq!(date_of("15项"), None);
    }
}
