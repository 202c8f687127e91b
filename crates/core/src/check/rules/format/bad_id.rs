//! `format.bad_id`: a row id that is blank, repeated or holds a ".".
//!
//! - **What**: findings and field paths name rows by id (`tasks.<task>.indicators.<id>.actual`),
//!   so such an id makes them point at the wrong row or at none. The page gives such rows fresh
//!   ids when it loads a file (`document::ids::repair`), so this fires for files checked
//!   elsewhere (the CLI, a script); one finding per offending row, at its name (or, for an
//!   adjustment, its reason).
//! - **Why**: results must be tied to the right row.
//! - **Source**: 本工具文件格式 docs/format.md：行编号唯一且不含“.” / the file format.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

use crate::check::finding::{violation, Finding};
use crate::check::rules::Context;
use crate::document::format::path;
use crate::text::lang::Text;

/// A bad row id.
#[derive(Debug)]
pub struct BadId {
    /// The id as typed.
    pub id: String,
    /// The row, in words.
    pub row: Text,
    /// 为空 / "is blank", 含有“.” / "contains '.'", 与其他行重复 / "is used by another row too".
    pub problem: (&'static str, &'static str),
}

violation!(BadId = "format.bad_id" { id, row, problem });

/// Row ids that are blank, repeated or hold a `.`: findings and field paths name rows by id
/// (`tasks.<task>.indicators.<id>.actual`), so such an id makes them point at the wrong row or
/// at none. The page gives such rows fresh ids when it loads a file (`core::ids::repair`), so
/// this fires for files checked elsewhere (the CLI, a script); one finding per offending row,
/// at its name (or, for an adjustment, its reason).
pub fn check(ctx: &Context) -> Vec<Finding> {
    /// A row with an id, described only when it is reported (most documents have none).
    enum Row<'a> {
        Budget(&'a str),
        Task(&'a str),
        Indicator(&'a str, &'a str),
        Adjustment,
    }
    let d = ctx.doc;
    let mut rows: Vec<(&str, Row)> = Vec::with_capacity(d.budget.rows.len() + d.tasks.len() * 8);
    rows.extend(d.budget.rows.iter().map(|r| (r.id.as_str(), Row::Budget(&r.name))));
    for t in &d.tasks {
        rows.push((&t.id, Row::Task(&t.name)));
        rows.extend(t.indicators.iter().map(|i| (i.id.as_str(), Row::Indicator(&t.id, &i.name))));
    }
    rows.extend(d.stated.adjustments.iter().map(|a| (a.id.as_str(), Row::Adjustment)));
    let mut seen: HashSet<&str, BuildHasherDefault<Fnv>> = HashSet::with_capacity_and_hasher(rows.len() + 1, Default::default());
    seen.insert("total");
    let mut out = Vec::new();
    for (id, row) in &rows {
        let problem = if id.trim().is_empty() {
            ("为空", "is blank")
        } else if id.contains('.') {
            ("含有“.”", "contains '.'")
        } else if !seen.insert(id) {
            ("与其他行重复", "is used by another row too")
        } else {
            continue;
        };
        let (at, zh, en) = match row {
            Row::Budget(name) => (path::budget_row(id, "name"), format!("预算执行表“{name}”行"), format!("budget row '{name}'")),
            Row::Task(name) => (format!("tasks.{id}.name"), format!("任务“{name}”"), format!("task '{name}'")),
            Row::Indicator(task, name) => (path::indicator(task, id, "name"), format!("指标“{name}”"), format!("indicator '{name}'")),
            Row::Adjustment => (path::adjustment(id, "reason"), "一个加减分项".to_string(), "an adjustment".to_string()),
        };
        out.push(Finding::of(at, BadId { id: id.to_string(), row: Text::new(zh, en), problem }));
    }
    out
}

/// FNV-1a: ids are short and not chosen by an adversary (a document checks itself), so the
/// standard library's SipHash, a third of this rule's cost on 2,000 rows, buys nothing here.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::*;

    #[test]
    fn fires_on_a_repeated_id() {
        fires(&with(|d| d.tasks[0].indicators[1].id = "i1".into()), "format.bad_id", "tasks.t1.indicators.i1.name", &["i1", "就业率"]);
    }

    #[test]
    fn quiet_on_unique_ids() {
        quiet(&with(|d| d.tasks[0].indicators[1].id = "i2b".into()), "format.bad_id");
    }
}
