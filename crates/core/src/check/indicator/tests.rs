//! The scoring policy of the module header, case by case.

use super::*;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn ind(dir: &str, target: &str, actual: &str, weight: &str) -> Indicator {
    Indicator {
        id: "i".into(),
        name: "n".into(),
        direction: dir.into(),
        target: target.into(),
        actual: actual.into(),
        weight: weight.into(),
        ..Default::default()
    }
}

fn run(i: Indicator) -> IndicatorResult {
    let t = Task { id: "t".into(), name: "t".into(), indicators: vec![] };
    one(&t, &i, &mut Entries::default())
}

#[test]
fn at_least_proportional_like_the_seed_attendance() {
    let r = run(ind("≥", "100", "85.79", "20"));
    assert!(r.shortfall);
    assert_eq!(r.completion, Some(d("85.79")));
    assert_eq!(r.score, Some(d("17.16")));
    assert!(r.explain.zh.contains("17.16 = 20 × 85.79 / 100"), "{}", r.explain.zh);
}

fn run_e(i: Indicator) -> (IndicatorResult, Vec<String>) {
    let t = Task { id: "t".into(), name: "t".into(), indicators: vec![] };
    let mut e = Entries::default();
    let r = one(&t, &i, &mut e);
    (r, e.findings.iter().map(|f| f.rule.clone()).collect())
}

#[test]
fn a_bound_in_the_target_gives_the_direction_and_the_value() {
    // Fires: 不低于180人 against 164人 is a shortfall of a ≥ indicator, not an invalid number.
    let (r, errs) = run_e(ind("", "不低于180人", "164人", "10"));
    assert!(errs.is_empty(), "{errs:?}");
    assert_eq!(r.direction, "≥");
    assert!(r.shortfall);
    assert_eq!(r.completion, Some(d("91.11")));
    // Quiet: ≧20000亩 against 20000亩 is met; "10天以内" against 8天 is a met ≤.
    let (r, errs) = run_e(ind("", "≧20000亩", "20000亩", "15"));
    assert!(errs.is_empty() && !r.shortfall && r.score == Some(d("15.00")), "{errs:?} {r:?}");
    let (r, _) = run_e(ind("", "10天以内", "8天", "5"));
    assert_eq!((&*r.direction, r.score), ("≤", Some(d("5.00"))));
}

#[test]
fn an_actual_written_as_a_bound_has_no_score_and_no_invalid_number() {
    let (r, errs) = run_e(ind("", "≥266米", "≥266米", "10"));
    assert!(errs.is_empty(), "{errs:?}");
    assert_eq!((r.score, r.actual), (None, None));
}

#[test]
fn words_where_numbers_are_expected_are_judged_as_words() {
    // The very words of the target, a date before a date target: met, no invalid number.
    for (t, a) in [("有效改善", "有效改善"), ("9月前", "7月"), ("260元/辆", "实际按该标准发放"), ("是", "是")] {
        let (r, errs) = run_e(ind("", t, a, "10"));
        assert!(errs.is_empty(), "{t} {a}: {errs:?}");
        assert_eq!((&*r.direction, r.tier), ("定性", Some(0)), "{t} {a}");
    }
    // A date after the deadline is not met.
    let (r, _) = run_e(ind("", "2022年11月底前", "2022年12月5日", "10"));
    assert_eq!(r.tier, Some(2));
    assert!(r.shortfall);
}

#[test]
fn at_least_reached_is_full_and_not_above() {
    let r = run(ind("≥", "100", "120", "10"));
    assert!(!r.shortfall);
    assert_eq!(r.score, Some(d("10.00")));
    assert_eq!(r.completion, Some(d("120.00")));
}

#[test]
fn at_most_reverse_indicator() {
    let r = run(ind("≤", "5", "8", "10"));
    assert!(r.shortfall);
    assert_eq!(r.score, Some(d("6.25")));
    assert_eq!(r.completion, Some(d("62.50")));
    let ok = run(ind("≤", "0", "0", "10"));
    assert!(!ok.shortfall);
    assert_eq!(ok.score, Some(d("10.00")));
}

#[test]
fn deduction_floors_at_zero() {
    let mut i = ind("≤", "5", "8", "10");
    i.scoring = "deduct".into();
    i.deduct_per_unit = "2".into();
    assert_eq!(run(i.clone()).score, Some(d("4.00")));
    i.actual = "20".into();
    assert_eq!(run(i).score, Some(d("0.00")));
}

#[test]
fn a_deduction_needs_its_points_per_unit() {
    let mut i = ind("≤", "5", "8", "10");
    i.scoring = "deduct".into();
    let t = Task { id: "t".into(), name: "t".into(), indicators: vec![] };
    let mut e = Entries::default();
    let r = one(&t, &i, &mut e);
    assert_eq!(r.score, None);
    assert!(r.explain.zh.ends_with("缺少每单位扣分，无法计分"), "{}", r.explain.zh);
    assert_eq!(e.findings.len(), 1);
    assert_eq!((e.findings[0].rule.as_str(), e.findings[0].path.as_str()), ("entry.required", "tasks.t.indicators.i.deduct_per_unit"));
    // Not needed when the indicator is scored by its direction's formula.
    let mut e = Entries::default();
    assert_eq!(one(&t, &ind("≤", "5", "8", "10"), &mut e).score, Some(d("6.25")));
    assert!(e.findings.is_empty());
}

#[test]
fn qualitative_tiers_give_a_range() {
    let mut i = ind("定性", "完成", "部分达成", "10");
    i.stated_score = "7".into();
    let r = run(i);
    assert_eq!(r.tier, Some(1));
    assert!(r.shortfall);
    assert_eq!(r.range, Some((d("6.00"), d("8.00"))));
    assert_eq!(r.counted_score(), Some(d("7")));
    assert_eq!(r.range_text(), "[6.00, 8.00)");
    // 8 is 达成's lower bound, not 部分达成's: upper bounds are exclusive below the top tier.
    assert!(r.in_range(d("6")) && !r.in_range(d("8")) && !r.in_range(d("5.99")));
    let mut top = ind("定性", "完成", "达成", "10");
    top.stated_score = "10".into();
    let top = run(top);
    assert!(top.in_range(d("10")) && top.in_range(d("8")) && !top.in_range(d("10.01")));
    assert_eq!(top.range_text(), "[8.00, 10.00]");
    let mut eight = ind("定性", "完成", "部分达成", "10");
    eight.stated_score = "8".into();
    assert_eq!(run(eight).counted_score(), None);
    assert_eq!(tier_of("achieved"), Some(0));
    assert_eq!(tier_of("好"), None);
}

#[test]
fn directions_as_officers_write_them() {
    let r = run(ind("<=", "5", "8", "10"));
    assert_eq!((&*r.direction, r.score), ("≤", Some(d("6.25"))));
    let r = run(ind("反向", "5", "8", "10"));
    assert_eq!(r.score, Some(d("6.25")));
    let r = run(ind(" 不低于 ", "100", "85.79", "20"));
    assert_eq!(r.score, Some(d("17.16")));
    let r = run(ind("", "100", "85.79", "20"));
    assert_eq!((&*r.direction, r.score), ("≥", Some(d("17.16"))));
    let mut q = ind("qualitative", "完成", "部分达成", "10");
    q.stated_score = "7".into();
    assert_eq!(run(q).range, Some((d("6.00"), d("8.00"))));
    // Unknown: scored as ≥ (and reported by indicator.direction_unknown).
    let r = run(ind("约等于", "100", "85.79", "20"));
    assert_eq!((&*r.direction, r.score), ("≥", Some(d("17.16"))));
    assert_eq!(direction_of("约等于"), None);
}

#[test]
fn proportional_scores_stay_within_zero_and_the_weight() {
    // ≥ with a negative actual: floored at 0, not −10.
    let r = run(ind("≥", "100", "-50", "20"));
    assert_eq!(r.score, Some(d("0.00")));
    assert_eq!(r.completion, Some(d("0.00")));
    // ≥ 0% growth missed: no proportional score (was a division by zero).
    let r = run(ind("≥", "0", "-3", "10"));
    assert!(r.shortfall);
    assert_eq!((r.score, r.completion), (None, None));
    assert!(r.explain.zh.contains("不适用按比例计分"), "{}", r.explain.zh);
    assert!(r.explain.zh.starts_with("完成率 —（指标 ≥ 0，实际 -3）"), "{}", r.explain.zh);
    // ≥ −5 reached by −10? No: −10 < −5 is a shortfall, and −10 / −5 = 200% would have
    // scored twice the weight.
    let r = run(ind("≥", "-5", "-10", "10"));
    assert_eq!((r.score, r.completion), (None, None));
    let r = run(ind("≥", "-5", "3", "10"));
    assert_eq!(r.score, Some(d("10.00")));
    assert_eq!(r.completion, None);
    // ≤ −5 with −3: 10 × −5 / −3 = 16.67 > 10 before.
    let r = run(ind("≤", "-5", "-3", "10"));
    assert_eq!((r.score, r.completion), (None, None));
    // ≤ 0 accidents with 2: the formula gives 0, as before.
    let r = run(ind("≤", "0", "2", "10"));
    assert_eq!((r.score, r.completion), (Some(d("0.00")), Some(d("0.00"))));
    // = −10 with −12: deviation against |target| → 10 × (1 − 2/10) = 8.
    let r = run(ind("=", "-10", "-12", "10"));
    assert_eq!((r.score, r.completion), (Some(d("8.00")), Some(d("80.00"))));
}

#[test]
fn values_out_of_range_give_no_score_instead_of_a_panic() {
    let huge = "-10000000000000000000000000";
    let r = run(ind("≥", "1", huge, "8000"));
    assert_eq!(r.score, None);
    assert!(r.explain.en.contains("out of the computable range"), "{}", r.explain.en);
    let max = "79228162514264337593543950335";
    for dir in ["≥", "≤", "="] {
        let _ = run(ind(dir, max, "-1", max));
        let _ = run(ind(dir, "-1", max, max));
        let mut d = ind(dir, max, "-1", max);
        d.scoring = "deduct".into();
        d.deduct_per_unit = max.into();
        assert_eq!(run(d).score, None, "{dir}");
    }
    let q = run(ind("定性", "完成", "部分达成", max));
    assert_eq!(q.range, None);
}

#[test]
fn unweighted_indicator_has_completion_but_no_score() {
    let r = run(ind("≥", "100", "98.67", ""));
    assert_eq!(r.score, None);
    assert_eq!(r.completion, Some(d("98.67")));
    assert!(r.shortfall);
}
