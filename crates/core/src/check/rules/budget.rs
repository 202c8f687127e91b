//! Checks of the budget table: arithmetic, stated rates, and the explanations a shortfall,
//! an overrun or an in-year adjustment calls for.

use rust_decimal::Decimal;

use super::catalogue::fire;
use super::{as_typed, missing_explanations, thresholds, Context};
use crate::check::budget::{money, RowResult};
use crate::check::finding::{Finding, Fix};
use crate::document::format::{group, path, BudgetRow};
use crate::text::number::is_blank;
use crate::text::rounding::{checked_sum, exact_percent, matches_at_stated_precision, round2};

/// Every row with the text the unit typed: the total first, then the detail rows.
fn rows<'a>(ctx: &'a Context) -> Vec<(&'a RowResult, &'a BudgetRow)> {
    let mut v = vec![(&ctx.budget.total, &ctx.doc.budget.total)];
    v.extend(ctx.budget.rows.iter().zip(ctx.doc.budget.rows.iter()));
    v
}

fn names(r: &RowResult) -> [(&'static str, String); 2] {
    if r.id == "total" {
        [("row_zh", "合计".to_string()), ("row_en", "total".to_string())]
    } else {
        [("row_zh", r.name.clone()), ("row_en", r.name.clone())]
    }
}

/// A row's reason: the row's own, or for the total the budget's overall reason.
fn reason_of<'a>(ctx: &'a Context, r: &RowResult, raw: &'a BudgetRow) -> &'a str {
    if r.id == "total" && is_blank(&raw.reason) {
        &ctx.doc.budget.reason
    } else {
        &raw.reason
    }
}

fn reason_path(r: &RowResult) -> String {
    if r.id == "total" {
        "budget.reason".to_string()
    } else {
        path::budget_row(&r.id, "reason")
    }
}

/// The rate a row shows: computed from its amounts, else as stated. A row whose budget is 0 has
/// no rate at all (0 ÷ 0 is not applicable, not 0%), whatever rate was typed beside it.
fn shown_rate(r: &RowResult) -> Option<Decimal> {
    if r.not_applicable {
        return None;
    }
    r.rate.or(r.stated_rate)
}

/// A total row whose typed amounts are all 0 while the rows of a group below it hold money: the
/// group, and the sums of its rows' (initial, budget, actual) amounts.
struct ZeroTotal {
    group: (&'static str, &'static str),
    initial: Option<Decimal>,
    budget: Decimal,
    actual: Decimal,
}

fn zero_total(ctx: &Context) -> Option<ZeroTotal> {
    let t = &ctx.budget.total;
    let typed = [t.initial, t.budget, t.actual];
    if typed.iter().all(Option::is_none) || typed.iter().flatten().any(|x| !x.is_zero()) {
        return None;
    }
    for (g, gzh, gen) in [(group::SOURCE, "按资金来源", "fund-source"), (group::TYPE, "按支出类型", "expenditure-type")] {
        let members: Vec<&RowResult> = ctx.budget.rows.iter().filter(|r| r.group == g && !r.derived).collect();
        let budget = checked_sum(members.iter().filter_map(|r| r.budget))?;
        let actual = checked_sum(members.iter().filter_map(|r| r.actual))?;
        if budget.is_zero() && actual.is_zero() {
            continue;
        }
        let initial =
            if members.iter().all(|r| r.initial.is_some()) { checked_sum(members.iter().filter_map(|r| r.initial)) } else { None };
        return Some(ZeroTotal { group: (gzh, gen), initial, budget, actual });
    }
    None
}

/// A total row of 0 (0 ÷ 0: no rate) above rows that hold money: the total is wrong, not the
/// execution. Says what the total should be (the sum of its parts) and the rate and the
/// execution score that follow from it.
pub fn total_contradicts_parts(ctx: &Context) -> Vec<Finding> {
    let Some(z) = zero_total(ctx) else { return vec![] };
    let rate = crate::text::rounding::percent(z.actual, z.budget);
    let (rate_zh, rate_en) = match rate {
        Some(r) => (format!("执行率 {r}%"), format!("a rate of {r}%")),
        None => ("执行率仍不适用".to_string(), "still no rate".to_string()),
    };
    let mut score_zh = String::new();
    let mut score_en = String::new();
    if let Some(rate) = rate {
        for n in ctx.rubric.walk().into_iter().map(|(_, _, n)| n) {
            let crate::check::rubric::Method::ExecutionRate { row } = &n.method else { continue };
            if !(row.is_empty() || row == "total") {
                continue;
            }
            let Some(w) = ctx.scores.nodes.iter().find(|x| x.id == n.id).and_then(|x| x.effective_weight.or(x.weight)) else {
                continue;
            };
            let Some(s) = crate::text::rounding::mul_div_round2(w, rate, Decimal::ONE_HUNDRED).map(|s| s.min(round2(w))) else {
                continue;
            };
            score_zh = format!("，{}得分 {s}（分值 {}）", n.name, w.normalize());
            score_en = format!(", and {} scores {s} of {}", rubric_name_en(n), w.normalize());
            break;
        }
    }
    let amounts = match z.initial {
        Some(i) => format!("{} / {} / {}", money(i), money(z.budget), money(z.actual)),
        None => format!("{} / {}", money(z.budget), money(z.actual)),
    };
    vec![fire(
        "budget.total_contradicts_parts",
        &path::budget_row("total", "actual"),
        &[
            ("group_zh", z.group.0.into()),
            ("group_en", z.group.1.into()),
            ("amounts", amounts),
            ("rate_zh", rate_zh),
            ("rate_en", rate_en),
            ("score_zh", score_zh),
            ("score_en", score_en),
        ],
    )]
}

fn rubric_name_en(n: &crate::check::rubric::Node) -> String {
    crate::check::rubric::pick_name(&n.name, &n.name_en, crate::text::lang::Lang::En).to_string()
}

/// 执行数 > 预算数 with no reason given. Spending against a budget of 0 is over-execution too
/// (its rate is not applicable, but money was spent that no budget allowed).
pub fn over_execution(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for (r, raw) in rows(ctx) {
        if let (Some(b), Some(a)) = (r.budget, r.actual) {
            if a > b && is_blank(reason_of(ctx, r, raw)) {
                let [n1, n2] = names(r);
                let (rate_zh, rate_en) = match r.rate {
                    Some(rate) => (format!("{rate}%"), format!("{rate}%")),
                    None => ("不适用".to_string(), "not applicable".to_string()),
                };
                out.push(fire(
                    "budget.over_execution",
                    &reason_path(r),
                    &[n1, n2, ("actual", money(a)), ("budget", money(b)), ("rate_zh", rate_zh), ("rate_en", rate_en)],
                ));
            }
        }
    }
    out
}

/// A stated rate that differs from the amounts' rate at the stated precision (compared with the
/// exact quotient, see [`exact_percent`]).
///
/// The finding offers the computed rate at 2 dp (with the "%" the unit typed, if any), except on
/// the total row while its amounts contradict its parts ([`total_in_doubt`]).
pub fn rate_mismatch(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut doubt = None;
    for (r, raw) in rows(ctx) {
        if let (Some(stated), Some(rate), Some(a), Some(b)) = (r.stated_rate, r.rate, r.actual, r.budget) {
            let exact = exact_percent(a, b).unwrap_or(rate);
            if !matches_at_stated_precision(stated, exact) {
                let [n1, n2] = names(r);
                let at = path::budget_row(&r.id, "stated_rate");
                let certain = r.id != "total" || !*doubt.get_or_insert_with(|| total_in_doubt(ctx));
                let fix = certain.then(|| Fix::new(at.clone(), as_typed(&raw.stated_rate, round2(rate).to_string())));
                out.push(
                    fire(
                        "budget.rate_mismatch",
                        &at,
                        &[
                            n1,
                            n2,
                            ("stated", stated.to_string()),
                            ("computed", rate.to_string()),
                            ("formula", format!("{} ÷ {} × 100", money(a), money(b))),
                        ],
                    )
                    .with_fix(fix),
                );
            }
        }
    }
    out
}

/// Reads one amount of a computed row.
type Amount = fn(&RowResult) -> Option<Decimal>;

/// The amounts [`rows_sum`] compares: the field it names, its words, how to read it.
const SUM_FIELDS: [(&str, &str, &str, Amount); 3] = [
    ("initial", "年初预算数", "initial budgets", |r| r.initial),
    ("adjusted", "全年预算数", "budgets", |r| r.budget),
    ("actual", "执行数", "spending", |r| r.actual),
];

/// One group's rows against the total, for one amount.
struct GroupSum {
    group: &'static str,
    field: &'static str,
    total: Decimal,
    sum: Decimal,
    /// Every row of the group has the amount.
    complete: bool,
    /// The group's number of rows.
    members: usize,
}

impl GroupSum {
    /// What [`rows_sum`] reports: a complete group that does not add up to the total, or typed
    /// rows that already exceed it (no row can be negative).
    fn contradicts(&self) -> bool {
        self.contradicts_total(self.total)
    }

    /// Whether the group would contradict a total of `total`.
    fn contradicts_total(&self, total: Decimal) -> bool {
        if self.complete {
            round2(self.sum) != round2(total)
        } else {
            round2(self.sum) > round2(total)
        }
    }

    /// A breakdown of the total: complete, with at least two rows (a lone row is 其中).
    fn breakdown(&self) -> bool {
        self.complete && self.members >= 2
    }
}

/// Every group's sums against the total (groups with a derived row are left out: they add up by
/// construction).
fn group_sums(ctx: &Context) -> Vec<GroupSum> {
    let t = &ctx.budget.total;
    let mut out = Vec::new();
    for g in [group::SOURCE, group::TYPE] {
        let members: Vec<&RowResult> = ctx.budget.rows.iter().filter(|r| r.group == g).collect();
        if members.is_empty() || members.iter().any(|r| r.derived) {
            continue;
        }
        for (field, _, _, get) in SUM_FIELDS {
            let Some(total) = get(t) else { continue };
            let complete = members.iter().all(|r| get(r).is_some());
            let Some(sum) = checked_sum(members.iter().filter_map(|r| get(r))) else { continue };
            out.push(GroupSum { group: g, field, total, sum, complete, members: members.len() });
        }
    }
    out
}

/// True when the total row's budget or spending contradicts its parts and no complete breakdown
/// bears it out: its rate, and every score, total and grade that follow from it, are then not
/// certain, and no fix is offered for them (the total's own fix comes first).
pub(crate) fn total_in_doubt(ctx: &Context) -> bool {
    let sums = group_sums(ctx);
    ["adjusted", "actual"].iter().any(|f| {
        let of_field = || sums.iter().filter(|s| s.field == *f);
        of_field().any(|s| s.contradicts() && (s.breakdown() || round2(s.sum) > round2(s.total)))
            && !of_field().any(|s| s.breakdown() && !s.contradicts())
    })
}

/// The total's amount a breakdown gives, when it is certain: this group is a complete breakdown
/// and no other group contradicts its sum (another breakdown with another sum, or typed rows
/// already above it). Written as the total was typed (with thousands separators when it had
/// them).
fn total_fix(ctx: &Context, s: &GroupSum, all: &[GroupSum]) -> Option<Fix> {
    if !s.breakdown() || all.iter().any(|o| o.field == s.field && o.contradicts_total(s.sum)) {
        return None;
    }
    let raw = &ctx.doc.budget.total;
    // The budget is 全年预算数, else 年初: with no 全年 anywhere, the sum is a 年初 figure.
    let field = if s.field == "adjusted"
        && is_blank(&raw.adjusted)
        && ctx.doc.budget.rows.iter().filter(|r| r.group == s.group).all(|r| is_blank(&r.adjusted))
    {
        "initial"
    } else {
        s.field
    };
    let typed = match field {
        "initial" => &raw.initial,
        "adjusted" => &raw.adjusted,
        _ => &raw.actual,
    };
    let sum = round2(s.sum);
    let value = if typed.contains(',') || typed.contains('，') || (is_blank(typed) && sum.abs() >= Decimal::ONE_THOUSAND) {
        money(sum)
    } else {
        sum.to_string()
    };
    Some(Fix::new(path::budget_row("total", field), value))
}

/// Rows of a group whose typed amounts do not add up to the total's. When some rows of the group
/// are blank, the typed ones must not already exceed the total (no row can be negative). When the
/// breakdowns agree with each other, the finding offers their sum as the total's amount.
pub fn rows_sum(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    // A total of 0 above rows with money is one finding (budget.total_contradicts_parts), not
    // one per column.
    if zero_total(ctx).is_some() {
        return out;
    }
    let sums = group_sums(ctx);
    for s in sums.iter().filter(|s| s.contradicts()) {
        let (gzh, gen) =
            if s.group == group::SOURCE { ("按资金来源", "fund source") } else { ("按支出类型", "expenditure type") };
        let Some(&(_, fzh, fen, _)) = SUM_FIELDS.iter().find(|f| f.0 == s.field) else { continue };
        out.push(
            fire(
                "budget.rows_sum",
                &path::budget_row("total", s.field),
                &[
                    ("group_zh", gzh.into()),
                    ("group_en", gen.into()),
                    ("field_zh", fzh.into()),
                    ("field_en", fen.into()),
                    ("sum", money(s.sum)),
                    ("total", money(s.total)),
                    ("diff", s.sum.checked_sub(s.total).map(money).unwrap_or_default()),
                ],
            )
            .with_fix(total_fix(ctx, s, &sums)),
        );
    }
    out
}

/// The interval a row's rate stands for: the exact quotient when the amounts are known, else the
/// stated rate ± half a unit of its last decimal ("95.5" stands for [95.45, 95.55]).
fn rate_interval(r: &RowResult) -> Option<(Decimal, Decimal)> {
    if let (Some(a), Some(b)) = (r.actual, r.budget) {
        if let Some(x) = exact_percent(a, b) {
            return Some((x, x));
        }
    }
    let s = r.stated_rate?;
    let half = Decimal::try_new(5, s.scale() + 1).unwrap_or(Decimal::ZERO);
    Some((s.checked_sub(half)?, s.checked_add(half)?))
}

/// An overall rate that lies outside the range of the rates of a group that partitions it.
///
/// Policy: the overall rate of a partition lies between the rates of its parts. Each rate is
/// taken at the precision it is known to (the exact quotient of its amounts, else its stated
/// rate ± half a unit of its last decimal), so parts stated to 1 dp do not make a correct total
/// look wrong; rows with a zero budget and no spending take no part.
pub fn rate_outside_parts(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let Some(total) = shown_rate(&ctx.budget.total) else { return out };
    let Some((t_lo, t_hi)) = rate_interval(&ctx.budget.total) else { return out };
    for (g, gzh, gen) in [(group::SOURCE, "按资金来源", "fund-source"), (group::TYPE, "按支出类型", "expenditure-type")] {
        let members: Vec<&RowResult> = ctx
            .budget
            .rows
            .iter()
            .filter(|r| r.group == g)
            .filter(|r| !(r.not_applicable && r.actual.is_none_or(|a| a.is_zero())))
            .collect();
        let shown: Vec<Decimal> = members.iter().copied().filter_map(shown_rate).collect();
        let intervals: Vec<(Decimal, Decimal)> = members.iter().copied().filter_map(rate_interval).collect();
        if shown.len() < 2 || shown.len() != members.len() || intervals.len() != members.len() {
            continue;
        }
        let lo = intervals.iter().map(|i| i.0).fold(intervals[0].0, Decimal::min);
        let hi = intervals.iter().map(|i| i.1).fold(intervals[0].1, Decimal::max);
        if t_hi < lo || t_lo > hi {
            let min = shown.iter().copied().fold(shown[0], Decimal::min);
            let max = shown.iter().copied().fold(shown[0], Decimal::max);
            out.push(fire(
                "budget.rate_outside_parts",
                &path::budget_row("total", "stated_rate"),
                &[
                    ("total", total.to_string()),
                    ("group_zh", gzh.into()),
                    ("group_en", gen.into()),
                    ("min", min.to_string()),
                    ("max", max.to_string()),
                ],
            ));
        }
    }
    out
}

/// Execution below the threshold (90%) with no reason.
pub fn low_execution(ctx: &Context) -> Vec<Finding> {
    let th = thresholds::get().execution_reason_below;
    let mut out = Vec::new();
    for (r, raw) in rows(ctx) {
        if let Some(rate) = shown_rate(r) {
            if rate < th && is_blank(reason_of(ctx, r, raw)) {
                let [n1, n2] = names(r);
                out.push(fire(
                    "budget.low_execution",
                    &reason_path(r),
                    &[n1, n2, ("rate", rate.to_string()), ("threshold", th.to_string())],
                ));
            }
        }
    }
    out
}

/// Overall execution below 100% without both a reason and a measure.
pub fn shortfall_unexplained(ctx: &Context) -> Vec<Finding> {
    let Some(rate) = shown_rate(&ctx.budget.total) else { return vec![] };
    if rate >= Decimal::ONE_HUNDRED {
        return vec![];
    }
    let b = &ctx.doc.budget;
    let Some((mzh, men)) = missing_explanations(&b.reason, &b.measure) else { return vec![] };
    let at = if is_blank(&b.reason) { "budget.reason" } else { "budget.measure" };
    vec![fire("budget.shortfall_unexplained", at, &[("rate", rate.to_string()), ("missing_zh", mzh), ("missing_en", men)])]
}

/// A budget changed during the year (年初 ≠ 调整后) with no reason.
pub fn adjusted_unexplained(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for (r, raw) in rows(ctx) {
        if let (Some(i), false) = (r.initial, is_blank(&raw.adjusted)) {
            let Some(adj) = r.budget else { continue };
            if i != adj && is_blank(reason_of(ctx, r, raw)) {
                let [n1, n2] = names(r);
                out.push(fire("budget.adjusted_unexplained", &reason_path(r), &[n1, n2, ("initial", money(i)), ("adjusted", money(adj))]));
            }
        }
    }
    out
}

/// A budget adjusted during the year to exactly what was spent.
pub fn adjusted_to_spending(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for (r, raw) in rows(ctx) {
        if let (Some(i), Some(adj), Some(a), false) = (r.initial, r.budget, r.actual, is_blank(&raw.adjusted)) {
            if adj == a && i != adj {
                let [n1, n2] = names(r);
                out.push(fire(
                    "budget.adjusted_to_spending",
                    &path::budget_row(&r.id, "adjusted"),
                    &[n1, n2, ("initial", money(i)), ("adjusted", money(adj))],
                ));
            }
        }
    }
    out
}

/// A zero budget: the rate is not applicable.
pub fn not_applicable(ctx: &Context) -> Vec<Finding> {
    rows(ctx)
        .into_iter()
        .filter(|(r, _)| r.not_applicable)
        .map(|(r, _)| {
            let [n1, n2] = names(r);
            fire("budget.not_applicable", &path::budget_row(&r.id, "adjusted"), &[n1, n2])
        })
        .collect()
}

/// Stated rates written with different numbers of decimals.
pub fn mixed_precision(ctx: &Context) -> Vec<Finding> {
    let scales: Vec<(u32, &str)> = rows(ctx).into_iter().filter_map(|(r, _)| r.stated_rate.map(|s| (s.scale(), r.id.as_str()))).collect();
    let Some(&(first, _)) = scales.first() else { return vec![] };
    match scales.iter().find(|(s, _)| *s != first) {
        Some(&(other, id)) => vec![fire(
            "format.mixed_precision",
            &path::budget_row(id, "stated_rate"),
            &[("a", first.to_string()), ("b", other.to_string())],
        )],
        None => vec![],
    }
}
