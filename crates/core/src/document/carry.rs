//! Starting next year's self-evaluation from this year's.
//!
//! Policy: what describes the unit and how it is assessed carries over; what happened in the
//! year does not. A unit keeps its name, level, amount unit, subordinate units, 编制数, rubric (with any
//! weights it edited), budget rows, tasks and indicators (name, category, direction, unit,
//! target, weight, scoring method, rubric item), and the 部门概况 text. Each quantitative
//! indicator's actual value becomes its 上年实际完成值 (`previous`), so the new target is checked
//! against it (rule `indicator.target_below_previous`). Every other figure of the year is cleared: budget amounts and stated rates, actual values, stated scores, 偏差原因 and
//! 改进措施, 加减分, total and grade, 实有人数, and the other report texts. Targets are kept as a starting
//! point: the page tells the user to check them against the new year's 绩效目标. This is what an
//! officer does by hand when copying last year's sheet, and what a successor needs after staff
//! rotation: the structure, not the results.

use crate::check::indicator::scored_direction;
use crate::document::format::{direction, Budget, BudgetRow, Indicator, SelfEvaluation, Stated, Task};

/// The `narrative` sections that carry over (the unit's description, not the year's work).
pub const KEPT_SECTIONS: &[&str] = &["overview"];

/// The year after `year`, when `year` is a four-digit year (full-width digits and a trailing
/// 年 are accepted); otherwise `None`.
pub fn following_year(year: &str) -> Option<u32> {
    let digits: String = year
        .trim()
        .trim_end_matches('年')
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            _ => c,
        })
        .collect();
    if digits.len() != 4 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse::<u32>().ok().map(|y| y + 1)
}

/// Next year's document started from `doc` (see the module's policy). The year becomes the
/// following year, or blank when `doc`'s year is not a four-digit year.
pub fn next_year(doc: &SelfEvaluation) -> SelfEvaluation {
    let row = |r: &BudgetRow| BudgetRow { id: r.id.clone(), group: r.group.clone(), name: r.name.clone(), ..Default::default() };
    let indicator = |i: &Indicator| Indicator {
        // Last year's actual stays beside the target it should not fall short of.
        previous: if scored_direction(&i.direction) == direction::QUALITATIVE || i.actual.trim().is_empty() {
            String::new()
        } else {
            i.actual.trim().to_string()
        },
        actual: String::new(),
        stated_score: String::new(),
        reason: String::new(),
        measure: String::new(),
        ..i.clone()
    };
    let mut next = doc.clone();
    next.unit.year = following_year(&doc.unit.year).map(|y| y.to_string()).unwrap_or_default();
    // 编制数 describes the unit and carries over; 实有人数 is this year's count.
    next.unit.staff_actual.clear();
    next.budget = Budget { total: row(&doc.budget.total), rows: doc.budget.rows.iter().map(row).collect(), ..Default::default() };
    next.tasks = doc
        .tasks
        .iter()
        .map(|t| Task { id: t.id.clone(), name: t.name.clone(), indicators: t.indicators.iter().map(indicator).collect() })
        .collect();
    next.stated = Stated::default();
    next.narrative.retain(|k, _| KEPT_SECTIONS.contains(&k.as_str()));
    next
}

/// A name for next year's draft: this draft's name with its year replaced by the next, or the
/// name followed by the next year when it does not contain the year.
pub fn next_name(name: &str, year: &str, next: Option<u32>) -> String {
    let Some(next) = next else { return format!("{name}（下一年度）") };
    let y = year.trim().trim_end_matches('年');
    if !y.is_empty() && name.contains(y) {
        name.replacen(y, &next.to_string(), 1)
    } else {
        format!("{name} {next}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed() -> SelfEvaluation {
        SelfEvaluation::from_json(include_str!("../../../../examples/guangzhou-ftu-2021.json")).unwrap()
    }

    #[test]
    fn the_year_moves_on_and_odd_years_are_left_blank() {
        assert_eq!(following_year("2021"), Some(2022));
        assert_eq!(following_year(" ２０２１年 "), Some(2022));
        for odd in ["", "21", "二〇二一", "2021-2022", "20211"] {
            assert_eq!(following_year(odd), None, "{odd}");
        }
    }

    #[test]
    fn structure_carries_over_and_the_years_figures_do_not() {
        let doc = seed();
        let next = next_year(&doc);
        assert_eq!(next.unit.year, "2022");
        assert_eq!(next.unit.name, doc.unit.name);
        assert_eq!(next.unit.subordinates, doc.unit.subordinates);
        let mut staffed = doc.clone();
        staffed.unit.staff_quota = "20".into();
        staffed.unit.staff_actual = "26".into();
        let n = next_year(&staffed);
        assert_eq!((n.unit.staff_quota.as_str(), n.unit.staff_actual.as_str()), ("20", ""));
        assert_eq!(next.rubric, doc.rubric);
        // Budget rows keep their ids and names, lose every amount.
        assert_eq!(next.budget.rows.len(), doc.budget.rows.len());
        for (a, b) in next.budget.rows.iter().zip(&doc.budget.rows) {
            assert_eq!((&a.id, &a.group, &a.name), (&b.id, &b.group, &b.name));
            assert!(a.initial.is_empty() && a.adjusted.is_empty() && a.actual.is_empty() && a.stated_rate.is_empty());
        }
        assert!(next.budget.total.adjusted.is_empty() && next.budget.reason.is_empty());
        // Indicators keep what defines them, lose the year's results.
        let (old, new): (Vec<_>, Vec<_>) = (doc.indicators().collect(), next.indicators().collect());
        assert_eq!(old.len(), new.len());
        let attendance = new.iter().find(|(_, i)| i.name.contains("体检")).unwrap().1;
        assert_eq!(attendance.target, "100");
        assert!(attendance.actual.is_empty() && attendance.reason.is_empty() && attendance.measure.is_empty());
        assert_eq!(attendance.previous, "85.79", "last year's actual carried as 上年实际完成值");
        for ((_, a), (_, b)) in old.iter().zip(&new) {
            assert_eq!(
                (&a.id, &a.name, &a.direction, &a.unit, &a.weight, &a.node),
                (&b.id, &b.name, &b.direction, &b.unit, &b.weight, &b.node)
            );
            assert!(b.stated_score.is_empty());
        }
        assert_eq!(next.stated, Stated::default());
        assert_eq!(next.narrative.keys().collect::<Vec<_>>(), vec!["overview"]);
        assert_eq!(next.narrative["overview"], doc.narrative["overview"]);
    }

    #[test]
    fn next_years_document_has_no_result_to_check_yet() {
        // Nothing of 2021's results can raise a finding in 2022's draft.
        let ev = crate::evaluate(&next_year(&seed()));
        assert!(
            ev.findings.iter().all(|f| f.rule != "indicator.shortfall_unexplained" && f.rule != "narrative.claims_all_met"),
            "{:?}",
            ev.findings
        );
        assert!(ev.budget.total.rate.is_none());
    }

    #[test]
    fn a_target_kept_below_last_years_actual_is_flagged_in_the_new_year() {
        let mut doc = seed();
        // 2021: target 100, actual 120. Carried into 2022 with the target unchanged, the target is
        // below last year's actual and flagged; raised to 120, it is not.
        let i = doc.tasks[0].indicators.iter_mut().find(|i| i.name.contains("体检")).unwrap();
        i.actual = "120".into();
        let id = i.id.clone();
        let mut next = next_year(&doc);
        let fired = |d: &SelfEvaluation| {
            crate::evaluate(d).findings.iter().any(|f| f.rule == "indicator.target_below_previous" && f.path.contains(&id))
        };
        assert!(fired(&next), "target 100 < last year's 120");
        next.tasks[0].indicators.iter_mut().find(|i| i.id == id).unwrap().target = "120".into();
        assert!(!fired(&next));
    }

    #[test]
    fn the_name_follows_the_year() {
        assert_eq!(next_name("广州市总工会 2021", "2021", Some(2022)), "广州市总工会 2022");
        assert_eq!(next_name("2021年自评", "2021年", Some(2022)), "2022年自评");
        assert_eq!(next_name("自评", "2021", Some(2022)), "自评 2022");
        assert_eq!(next_name("自评", "", None), "自评（下一年度）");
    }
}
