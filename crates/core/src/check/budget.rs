//! 执行率 of every budget row and of the total.
//!
//! Policy: rate = 执行数 ÷ 全年（调整后）预算数 × 100, rounded half-up to 2 dp from the exact
//! quotient (see [`crate::text::rounding`]); when the adjusted budget is blank the 年初预算 is the
//! denominator. A zero budget gives "not applicable", never 0%. When exactly one row of a group
//! has no amounts and the total has them, that row is derived as total − the other rows: this is
//! how the seed report obtains its 其他资金 rate (7,420.74 ÷ 7,822.91 → 94.86%).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::check::entry::Entries;
use crate::document::format::{path, BudgetRow, SelfEvaluation};
use crate::text::lang::Text;
use crate::text::number::{is_blank, Kind};
use crate::text::rounding::{checked_sum, group_thousands, percent};

/// The computed figures of one budget row.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RowResult {
    /// The row's id ("total" for 合计).
    pub id: String,
    /// Its group ("source", "type", or "" for the total).
    pub group: String,
    /// Its name.
    pub name: String,
    /// 年初预算数, when given and valid.
    pub initial: Option<Decimal>,
    /// 全年（调整后）预算数 when given, else 年初: the rate's denominator.
    pub budget: Option<Decimal>,
    /// 执行数.
    pub actual: Option<Decimal>,
    /// The stated rate, when given and valid.
    pub stated_rate: Option<Decimal>,
    /// The computed rate; `None` when amounts are missing or the budget is 0.
    pub rate: Option<Decimal>,
    /// True when the budget is zero (rate not applicable).
    pub not_applicable: bool,
    /// True when the amounts were derived as total − other rows.
    pub derived: bool,
    /// How the rate (and a derived amount) was obtained.
    pub explain: Text,
}

/// The computed budget table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BudgetResult {
    /// 合计.
    pub total: RowResult,
    /// The detail rows, in document order.
    pub rows: Vec<RowResult>,
}

impl BudgetResult {
    /// The row with this id ("total" for 合计).
    pub fn row(&self, id: &str) -> Option<&RowResult> {
        if id.is_empty() || id == "total" {
            Some(&self.total)
        } else {
            self.rows.iter().find(|r| r.id == id)
        }
    }
}

/// Formats an amount for explanations and messages: thousands separators, 2 decimals.
pub fn money(d: Decimal) -> String {
    group_thousands(d, 2)
}

fn read_row(row: &BudgetRow, id: &str, unit: &str, e: &mut Entries) -> RowResult {
    let amount = Kind::Amount { unit };
    let initial = e.opt_at(|| path::budget_row(id, "initial"), &row.initial, amount);
    let adjusted = e.opt_at(|| path::budget_row(id, "adjusted"), &row.adjusted, amount);
    let actual = e.opt_at(|| path::budget_row(id, "actual"), &row.actual, amount);
    let stated_rate = e.opt_at(|| path::budget_row(id, "stated_rate"), &row.stated_rate, Kind::Percent);
    RowResult {
        id: id.to_string(),
        group: row.group.clone(),
        name: row.name.clone(),
        initial,
        budget: adjusted.or(initial),
        actual,
        stated_rate,
        rate: None,
        not_applicable: false,
        derived: false,
        explain: Text::default(),
    }
}

fn set_rate(r: &mut RowResult) {
    let (Some(b), Some(a)) = (r.budget, r.actual) else {
        r.explain = Text::new("缺少预算数或执行数，无法计算执行率", "budget or spending missing: no rate");
        return;
    };
    match percent(a, b) {
        Some(rate) => {
            r.rate = Some(rate);
            let f = format!("{rate}% = {} ÷ {} × 100", money(a), money(b));
            let note = if r.derived { r.explain.clone() } else { Text::default() };
            r.explain =
                if note.zh.is_empty() { Text::same(f) } else { Text::new(format!("{f}；{}", note.zh), format!("{f}; {}", note.en)) };
        }
        None => {
            r.not_applicable = true;
            r.explain = Text::new("预算数为 0：执行率不适用", "budget is 0: rate not applicable");
        }
    }
}

/// Computes every row's rate, deriving a missing row of a group from the total when possible.
/// Invalid amounts are recorded in `e` and treated as missing.
pub fn compute(doc: &SelfEvaluation, e: &mut Entries) -> BudgetResult {
    let unit = doc.unit.amount_unit.as_str();
    let total_path = |f| path::budget_row("total", f);
    let t = &doc.budget.total;
    let mut total = read_row(t, "total", unit, e);
    if is_blank(&t.adjusted) && is_blank(&t.initial) {
        e.required(&total_path("adjusted"), ("合计全年预算数", "the total budget"));
    }
    if is_blank(&t.actual) {
        e.required(&total_path("actual"), ("合计执行数", "the total spending"));
    }
    if total.name.is_empty() {
        total.name = "合计".to_string();
    }
    let mut rows: Vec<RowResult> = doc.budget.rows.iter().map(|r| read_row(r, &r.id, unit, e)).collect();
    for g in [crate::document::format::group::SOURCE, crate::document::format::group::TYPE] {
        derive_remainder(&mut rows, &doc.budget.rows, g, &total);
    }
    set_rate(&mut total);
    for r in &mut rows {
        set_rate(r);
    }
    BudgetResult { total, rows }
}

/// If exactly one row of `group` has neither budget nor spending typed, and every other row and
/// the total have both, gives that row total − Σ others.
///
/// Nothing is derived when the remainder is negative (the typed rows already exceed the total:
/// an arithmetic error that `budget.rows_sum` reports, not a row with a negative budget) or zero
/// in both budget and spending (nothing is left for the row: it stays blank rather than
/// becoming a "budget 0, not applicable" row the unit never typed).
fn derive_remainder(rows: &mut [RowResult], raw: &[BudgetRow], group: &str, total: &RowResult) {
    let (Some(tb), Some(ta)) = (total.budget, total.actual) else { return };
    let members: Vec<usize> = (0..rows.len()).filter(|&i| rows[i].group == group).collect();
    let blank: Vec<usize> = members
        .iter()
        .copied()
        .filter(|&i| {
            let r = &raw[i];
            is_blank(&r.initial) && is_blank(&r.adjusted) && is_blank(&r.actual)
        })
        .collect();
    if blank.len() != 1 || members.len() < 2 {
        return;
    }
    let others: Vec<usize> = members.iter().copied().filter(|i| *i != blank[0]).collect();
    if others.iter().any(|&i| rows[i].budget.is_none() || rows[i].actual.is_none()) {
        return;
    }
    let Some(ob) = checked_sum(others.iter().map(|&i| rows[i].budget.unwrap_or_default())) else { return };
    let Some(oa) = checked_sum(others.iter().map(|&i| rows[i].actual.unwrap_or_default())) else { return };
    let (Some(rb), Some(ra)) = (tb.checked_sub(ob), ta.checked_sub(oa)) else { return };
    if rb.is_sign_negative() && !rb.is_zero() || ra.is_sign_negative() && !ra.is_zero() || rb.is_zero() && ra.is_zero() {
        return;
    }
    let names: Vec<String> = others.iter().map(|&i| rows[i].name.clone()).collect();
    let r = &mut rows[blank[0]];
    r.budget = Some(rb);
    r.actual = Some(ra);
    r.derived = true;
    r.explain = Text::new(
        format!(
            "{}由合计减其余各行得出：预算 {} = {} − {}，执行 {} = {} − {}（{}）",
            r.name,
            money(rb),
            money(tb),
            money(ob),
            money(ra),
            money(ta),
            money(oa),
            names.join("、")
        ),
        format!(
            "derived as total − other rows: budget {} = {} − {}, spending {} = {} − {}",
            money(rb),
            money(tb),
            money(ob),
            money(ra),
            money(ta),
            money(oa)
        ),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::format::{group, Budget};
    use std::str::FromStr;

    fn row(id: &str, g: &str, budget: &str, actual: &str) -> BudgetRow {
        BudgetRow { id: id.into(), group: g.into(), name: id.into(), adjusted: budget.into(), actual: actual.into(), ..Default::default() }
    }

    fn doc(rows: Vec<BudgetRow>) -> SelfEvaluation {
        SelfEvaluation {
            budget: Budget { total: row("total", "", "35,408.62", "33,814.57"), rows, ..Default::default() },
            ..Default::default()
        }
    }

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn seed_rates_and_the_derived_other_funds_row() {
        let doc = doc(vec![row("fin", group::SOURCE, "27585.71", "26393.83"), row("other", group::SOURCE, "", "")]);
        let mut e = Entries::default();
        let b = compute(&doc, &mut e);
        assert!(e.findings.is_empty());
        assert_eq!(b.total.rate, Some(d("95.50")));
        assert_eq!(b.row("fin").unwrap().rate, Some(d("95.68")));
        let other = b.row("other").unwrap();
        assert!(other.derived);
        assert_eq!(other.budget, Some(d("7822.91")));
        assert_eq!(other.rate, Some(d("94.86")));
        assert!(b.total.explain.zh.contains("95.50% = 33,814.57 ÷ 35,408.62 × 100"));
        assert!(other.explain.zh.contains("7,822.91 = 35,408.62 − 27,585.71"));
    }

    #[test]
    fn no_negative_or_empty_remainder_is_derived() {
        // The typed row already exceeds the total: nothing to derive.
        let over = doc(vec![row("fin", group::SOURCE, "40,000.00", "26393.83"), row("other", group::SOURCE, "", "")]);
        let b = compute(&over, &mut Entries::default());
        let other = b.row("other").unwrap();
        assert!(!other.derived);
        assert_eq!((other.budget, other.rate), (None, None));
        // The typed rows are the whole total: the blank row stays blank, not "budget 0".
        let whole = doc(vec![row("fin", group::SOURCE, "35408.62", "33814.57"), row("other", group::SOURCE, "", "")]);
        let b = compute(&whole, &mut Entries::default());
        let other = b.row("other").unwrap();
        assert!(!other.derived && !other.not_applicable);
        // Spending fully accounted for but budget left over: derived, rate 0.00%.
        let left = doc(vec![row("fin", group::SOURCE, "35000.00", "33814.57"), row("other", group::SOURCE, "", "")]);
        let b = compute(&left, &mut Entries::default());
        assert_eq!(b.row("other").unwrap().rate, Some(d("0.00")));
    }

    #[test]
    fn zero_budget_is_not_applicable() {
        let doc = doc(vec![row("x", group::TYPE, "0", "0")]);
        let b = compute(&doc, &mut Entries::default());
        let x = b.row("x").unwrap();
        assert!(x.not_applicable);
        assert_eq!(x.rate, None);
    }

    #[test]
    fn adjusted_is_the_denominator_when_given() {
        let mut r = row("x", group::TYPE, "80", "80");
        r.initial = "100".into();
        let b = compute(&doc(vec![r]), &mut Entries::default());
        assert_eq!(b.row("x").unwrap().rate, Some(d("100.00")));
    }

    #[test]
    fn invalid_amount_is_a_finding_not_a_failure() {
        let b = {
            let mut e = Entries::default();
            let b = compute(&doc(vec![row("x", group::TYPE, "12a", "5")]), &mut e);
            assert_eq!(e.findings.len(), 1);
            assert_eq!(e.findings[0].path, "budget.rows.x.adjusted");
            b
        };
        assert_eq!(b.row("x").unwrap().rate, None);
    }
}
