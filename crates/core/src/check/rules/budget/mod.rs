//! Rules on the budget table (`budget.*`, and `format.mixed_precision`'s rates): its arithmetic,
//! its stated rates, and the explanations a shortfall, an overrun or an in-year adjustment calls
//! for. One rule a file, named as its id (`budget.low_execution` is `low_execution.rs`); this
//! file holds what several of them read: the rows with their names, the reason that covers a
//! row, and the group sums against the total.

pub mod adjusted_to_spending;
pub mod adjusted_unexplained;
pub mod low_execution;
pub mod not_applicable;
pub mod over_execution;
pub mod rate_mismatch;
pub mod rate_outside_parts;
pub mod rows_sum;
pub mod shortfall_unexplained;
pub mod total_contradicts_parts;

use rust_decimal::Decimal;

use super::Context;
use crate::check::budget::RowResult;
use crate::check::finding::Show;
use crate::document::format::{group, path, BudgetRow};
use crate::text::lang::Lang;
use crate::text::number::is_blank;
use crate::text::rounding::{checked_sum, round2};

/// Every row with the text the unit typed: the total first, then the detail rows.
pub(crate) fn rows<'a>(ctx: &'a Context) -> Vec<(&'a RowResult, &'a BudgetRow)> {
    let mut v = vec![(&ctx.budget.total, &ctx.doc.budget.total)];
    v.extend(ctx.budget.rows.iter().zip(ctx.doc.budget.rows.iter()));
    v
}

/// A budget row as a message names it: 合计 / "total", else the row's name as typed.
#[derive(Clone, Debug, PartialEq)]
pub enum RowName {
    /// The total row.
    Total,
    /// A detail row, by its name.
    Named(String),
}

impl RowName {
    /// The name of a computed row.
    pub fn of(r: &RowResult) -> RowName {
        if r.id == "total" {
            RowName::Total
        } else {
            RowName::Named(r.name.clone())
        }
    }
}

impl Show for RowName {
    fn show(&self, lang: Lang, out: &mut String) {
        match self {
            RowName::Total => out.push_str(if lang == Lang::Zh { "合计" } else { "total" }),
            RowName::Named(n) => out.push_str(n),
        }
    }
}

/// A row's reason: the row's own, or for the total the budget's overall reason.
pub(crate) fn reason_of<'a>(ctx: &'a Context, r: &RowResult, raw: &'a BudgetRow) -> &'a str {
    if r.id == "total" && is_blank(&raw.reason) {
        &ctx.doc.budget.reason
    } else {
        &raw.reason
    }
}

/// Where a row's reason is written: the budget's for the total, else the row's.
pub(crate) fn reason_path(r: &RowResult) -> String {
    if r.id == "total" {
        "budget.reason".to_string()
    } else {
        path::budget_row(&r.id, "reason")
    }
}

/// The rate a row shows: computed from its amounts, else as stated. A row whose budget is 0 has
/// no rate at all (0 ÷ 0 is not applicable, not 0%), whatever rate was typed beside it.
pub(crate) fn shown_rate(r: &RowResult) -> Option<Decimal> {
    if r.not_applicable {
        return None;
    }
    r.rate.or(r.stated_rate)
}

/// The two breakdowns of the total, with their names: (group, zh, en).
pub(crate) const GROUPS: [(&str, &str, &str); 2] =
    [(group::SOURCE, "按资金来源", "fund-source"), (group::TYPE, "按支出类型", "expenditure-type")];

/// Reads one amount of a computed row.
pub(crate) type Amount = fn(&RowResult) -> Option<Decimal>;

/// The amounts [`rows_sum`] compares: the field it names, its words, how to read it.
pub(crate) const SUM_FIELDS: [(&str, &str, &str, Amount); 3] = [
    ("initial", "年初预算数", "initial budgets", |r| r.initial),
    ("adjusted", "全年预算数", "budgets", |r| r.budget),
    ("actual", "执行数", "spending", |r| r.actual),
];

/// One group's rows against the total, for one amount.
pub(crate) struct GroupSum {
    pub(crate) group: &'static str,
    pub(crate) field: &'static str,
    pub(crate) total: Decimal,
    pub(crate) sum: Decimal,
    /// Every row of the group has the amount.
    pub(crate) complete: bool,
    /// The group's number of rows.
    pub(crate) members: usize,
}

impl GroupSum {
    /// What [`rows_sum`] reports: a complete group that does not add up to the total, or typed
    /// rows that already exceed it (no row can be negative).
    pub(crate) fn contradicts(&self) -> bool {
        self.contradicts_total(self.total)
    }

    /// Whether the group would contradict a total of `total`.
    pub(crate) fn contradicts_total(&self, total: Decimal) -> bool {
        if self.complete {
            round2(self.sum) != round2(total)
        } else {
            round2(self.sum) > round2(total)
        }
    }

    /// A breakdown of the total: complete, with at least two rows (a lone row is 其中).
    pub(crate) fn breakdown(&self) -> bool {
        self.complete && self.members >= 2
    }
}

/// Every group's sums against the total (groups with a derived row are left out: they add up by
/// construction).
pub(crate) fn group_sums(ctx: &Context) -> Vec<GroupSum> {
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
