//! `budget.total_contradicts_parts`: a total row of 0 above rows that hold money.
//!
//! - **What**: a total whose typed amounts are all 0 (0 ÷ 0: no rate) while the rows of a group
//!   below it hold money: the total is wrong, not the execution. The finding says what the total
//!   should be (the sum of its parts), and the rate and the execution score that follow from it.
//! - **Why**: a total copied as 0 makes the execution score and every figure after it wrong.
//! - **Source**: 算术校验：分项之和等于合计；执行率 = 执行数 ÷ 全年预算数 × 100%，预算为 0 时不适用 /
//!   arithmetic.

use rust_decimal::Decimal;

use super::GROUPS;
use crate::check::budget::{money, RowResult};
use crate::check::finding::{violation, Finding, Show};
use crate::check::rubric::{pick_name, Method};
use crate::check::rules::Context;
use crate::document::format::path;
use crate::text::lang::Lang;
use crate::text::rounding::{checked_sum, mul_div_round2, percent, round2};

/// A total of 0 above rows that hold money.
#[derive(Debug)]
pub struct TotalContradictsParts {
    /// The group whose rows hold money.
    pub group: (&'static str, &'static str),
    /// Its sums: "120.00 / 118.50 / 118.50" (initial when every row has it, budget, spending).
    pub amounts: Amounts,
    /// The rate the sums give, or that there is still none.
    pub rate: TotalRate,
    /// The execution score that rate gives, when the rubric scores execution on the total.
    pub score: Option<ExecutionScore>,
}

violation!(TotalContradictsParts = "budget.total_contradicts_parts" { group, amounts, rate, score });

/// A group's summed amounts.
#[derive(Debug)]
pub struct Amounts {
    /// 年初预算数, when every row of the group has it.
    pub initial: Option<Decimal>,
    /// 全年预算数.
    pub budget: Decimal,
    /// 执行数.
    pub actual: Decimal,
}

impl Show for Amounts {
    fn show(&self, _: Lang, out: &mut String) {
        if let Some(i) = self.initial {
            out.push_str(&money(i));
            out.push_str(" / ");
        }
        out.push_str(&money(self.budget));
        out.push_str(" / ");
        out.push_str(&money(self.actual));
    }
}

/// 执行率 100.00% / "a rate of 100.00%", or 执行率仍不适用 / "still no rate".
#[derive(Debug)]
pub struct TotalRate(pub Option<Decimal>);

impl Show for TotalRate {
    fn show(&self, lang: Lang, out: &mut String) {
        match self.0 {
            Some(r) => {
                out.push_str(if lang == Lang::Zh { "执行率 " } else { "a rate of " });
                r.show(lang, out);
                out.push('%');
            }
            None => ("执行率仍不适用", "still no rate").show(lang, out),
        }
    }
}

/// "，预算执行率得分 10.00（分值 10）" / ", and Budget execution scores 10.00 of 10".
#[derive(Debug)]
pub struct ExecutionScore {
    name: String,
    name_en: String,
    score: Decimal,
    weight: Decimal,
}

impl Show for ExecutionScore {
    fn show(&self, lang: Lang, out: &mut String) {
        let w = self.weight.normalize();
        let s = match lang {
            Lang::Zh => format!("，{}得分 {}（分值 {w}）", self.name, self.score),
            Lang::En => format!(", and {} scores {} of {w}", self.name_en, self.score),
        };
        out.push_str(&s);
    }
}

/// A total row whose typed amounts are all 0 while the rows of a group below it hold money: the
/// group, and the sums of its rows' (initial, budget, actual) amounts.
pub(crate) fn zero_total(ctx: &Context) -> Option<((&'static str, &'static str), Amounts)> {
    let t = &ctx.budget.total;
    let typed = [t.initial, t.budget, t.actual];
    if typed.iter().all(Option::is_none) || typed.iter().flatten().any(|x| !x.is_zero()) {
        return None;
    }
    for (g, gzh, gen) in GROUPS {
        let members: Vec<&RowResult> = ctx.budget.rows.iter().filter(|r| r.group == g && !r.derived).collect();
        let budget = checked_sum(members.iter().filter_map(|r| r.budget))?;
        let actual = checked_sum(members.iter().filter_map(|r| r.actual))?;
        if budget.is_zero() && actual.is_zero() {
            continue;
        }
        let initial =
            if members.iter().all(|r| r.initial.is_some()) { checked_sum(members.iter().filter_map(|r| r.initial)) } else { None };
        return Some(((gzh, gen), Amounts { initial, budget, actual }));
    }
    None
}

/// The check.
pub fn check(ctx: &Context) -> Vec<Finding> {
    let Some((group, amounts)) = zero_total(ctx) else { return vec![] };
    let rate = percent(amounts.actual, amounts.budget);
    let score = rate.and_then(|rate| execution_score(ctx, rate));
    vec![Finding::of(path::budget_row("total", "actual"), TotalContradictsParts { group, amounts, rate: TotalRate(rate), score })]
}

/// The score of the rubric's execution item on the total at `rate`.
fn execution_score(ctx: &Context, rate: Decimal) -> Option<ExecutionScore> {
    for n in ctx.rubric.walk().into_iter().map(|(_, _, n)| n) {
        let Method::ExecutionRate { row } = &n.method else { continue };
        if !(row.is_empty() || row == "total") {
            continue;
        }
        let Some(w) = ctx.scores.nodes.iter().find(|x| x.id == n.id).and_then(|x| x.effective_weight.or(x.weight)) else {
            continue;
        };
        let Some(s) = mul_div_round2(w, rate, Decimal::ONE_HUNDRED).map(|s| s.min(round2(w))) else {
            continue;
        };
        let name_en = pick_name(&n.name, &n.name_en, Lang::En).to_string();
        return Some(ExecutionScore { name: n.name.clone(), name_en, score: s, weight: w });
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::*;
    use crate::document::format::{group, BudgetRow};

    fn zero_total(d: &mut crate::document::format::SelfEvaluation, total: BudgetRow) {
        d.budget.total = total;
        d.budget.rows =
            vec![BudgetRow { initial: "120".into(), ..row("fin", group::SOURCE, "其中：财政拨款", "118.5", "118.5", "100%") }];
        d.stated.scores.insert("execution".into(), score("10"));
        d.stated.total = "100".into();
    }

    #[test]
    fn fires_on_a_total_of_zero_above_rows_with_money() {
        let f = with(|d| zero_total(d, BudgetRow { initial: "0".into(), ..row("total", "", "合计", "0", "0", "0.00%") }));
        fires(&f, "budget.total_contradicts_parts", "budget.total.actual", &["120.00 / 118.50 / 118.50", "100.00%", "10.00"]);
    }

    #[test]
    fn quiet_when_the_total_is_the_sum() {
        let f = with(|d| zero_total(d, BudgetRow { initial: "120".into(), ..row("total", "", "合计", "118.5", "118.5", "100%") }));
        quiet(&f, "budget.total_contradicts_parts");
    }
}
