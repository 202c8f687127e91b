//! Cross-checking written reports against the seed's figures: our own text with the seed's
//! figures and traps, texts made to be wrong, the generated report, and (when present) the real
//! seed report from the shared fixtures.

use selfcheck::core::check::finding::{Finding, Severity};
use selfcheck::core::crosscheck::{analyse, check, CrossCheck, FigureKind, Status, Target};
use selfcheck::core::document::format::{Adjustment, SelfEvaluation};
use selfcheck::core::evaluate;
use selfcheck::core::report;
use selfcheck::core::text::lang::Lang;

const TEXT: &str = include_str!("fixtures/ftu-2021-report.txt");

fn seed() -> SelfEvaluation {
    SelfEvaluation::from_json(include_str!("../examples/guangzhou-ftu-2021.json")).unwrap()
}

fn run(text: &str) -> CrossCheck {
    let doc = seed();
    analyse(text, &doc, &evaluate(&doc))
}

fn rules(f: &[Finding]) -> Vec<&str> {
    f.iter().map(|f| f.rule.as_str()).collect()
}

fn only<'a>(cc: &'a CrossCheck, rule: &str) -> Vec<&'a Finding> {
    cc.findings.iter().filter(|f| f.rule == rule).collect()
}

#[test]
fn every_seed_figure_is_found_and_matched() {
    let cc = run(TEXT);
    let raws: Vec<&str> = cc.figures.iter().map(|f| f.raw.as_str()).collect();
    assert_eq!(
        raws,
        [
            "35,408.62万",
            "33,814.57万元",
            "27,585.71万元",
            "26,393.83万元",
            "95.68%",
            "93.53分",
            "100分",
            "95.68%",
            "94.86%",
            "95.94%",
            "92.92%",
            "95.50%",
            "43.53分",
            "50分",
            "85.79%",
            "98.67%",
            "100%",
            "395节次",
            "5个",
            "5个",
            "3个",
            "88.62%",
            "99.55%",
            "98.6%",
            "9.6%",
            "95.50%",
            "95.68%"
        ]
    );
    let by = |n: usize| &cc.figures[n - 1];
    assert_eq!(by(1).matched, Some(Target::Budget("total".into())));
    assert_eq!(by(2).matched, Some(Target::Actual("total".into())));
    assert_eq!(by(3).matched, Some(Target::Budget("fin".into())));
    // 支出决算 after 其中…财政拨款: the 财政拨款 spending, across a PDF line break (财政拨\n款).
    assert_eq!(by(4).matched, Some(Target::Actual("fin".into())));
    assert_eq!(by(6).matched, Some(Target::Total));
    assert_eq!(by(7).matched, Some(Target::FullMarks));
    assert_eq!(by(8).matched, Some(Target::Rate("fin".into())));
    // 其他资金 is derived as total − 财政拨款: 7,420.74 / 7,822.91 → 94.86.
    assert_eq!(by(9).matched, Some(Target::Rate("other".into())));
    assert_eq!(by(9).status, Status::Matched);
    // 基本支出 / 项目支出 have only stated rates: matched, but not recomputable.
    assert_eq!(by(10).status, Status::MatchedStated);
    let unverifiable: Vec<&str> = only(&cc, "report.figure_unverifiable").iter().map(|f| f.path.as_str()).collect();
    assert_eq!(unverifiable, ["report.text.10", "report.text.11"]);
    assert_eq!(by(12).matched, Some(Target::Rate("total".into())));
    assert_eq!(by(13).matched, Some(Target::Score("management".into())));
    assert_eq!(by(14).matched, Some(Target::Score("duties".into())));
    assert_eq!(by(15).matched, Some(Target::IndicatorActual("i-checkup".into())));
    assert_eq!(by(16).matched, Some(Target::IndicatorActual("i-allowance".into())));
    assert_eq!(by(18).matched, Some(Target::IndicatorActual("i-inspection".into())), "full-width ３９５");
    assert_eq!(by(18).kind, FigureKind::Count);
    assert_eq!(by(21).status, Status::Difference, "比上年增加 3 个 is a change");
    assert_eq!(by(22).matched, Some(Target::IndicatorActual("i-report".into())));
    assert_eq!(by(23).matched, Some(Target::IndicatorActual("i-expansion-report".into())));
    assert_eq!(by(24).matched, Some(Target::IndicatorActual("i-employment".into())), "98.6 at 1 dp");
    assert_eq!(by(26).matched, Some(Target::Rate("total".into())));
    for f in &cc.figures {
        assert!(!matches!(f.status, Status::Mismatch), "{f:?}");
        assert_eq!(f.path, format!("report.text.{}", f.n));
        assert_eq!(
            TEXT[f.start..f.end].split_whitespace().collect::<String>().replace('３', "3").replace('９', "9").replace('５', "5"),
            f.raw,
            "span of {}",
            f.n
        );
    }
    assert!(!cc.findings.iter().any(|f| f.severity == Severity::Error), "{:?}", rules(&cc.findings));
}

#[test]
fn the_rate_after_the_totals_is_the_fin_rate_and_is_flagged() {
    let cc = run(TEXT);
    let f = only(&cc, "report.figure_ambiguous");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].path, "report.text.5");
    assert_eq!(f[0].severity, Severity::Warning);
    let m = &f[0].message.zh;
    assert!(m.contains("95.68%") && m.contains("95.50%") && m.contains("财政拨款执行率") && m.contains("26,393.83 ÷ 27,585.71"), "{m}");
    assert_eq!(cc.figures[4].matched, Some(Target::Rate("fin".into())));
    assert!(!f[0].message.en.is_empty());
}

#[test]
fn all_met_claim_contradicted_by_the_attendance() {
    let cc = run(TEXT);
    let f = only(&cc, "report.claim_contradicted");
    assert_eq!(f.len(), 1, "{:?}", rules(&cc.findings));
    assert!(f[0].message.zh.contains("均已完成") && f[0].message.zh.contains("85.79%"), "{}", f[0].message.zh);
    assert_eq!(f[0].path, "report.text.15");
    // The heading the copy ran into the sentence is not part of the quote.
    assert!(f[0].message.zh.starts_with("“劳模服务各项目标均已完成”"), "{}", f[0].message.zh);
}

#[test]
fn percent_versus_percentage_points() {
    let cc = run(TEXT);
    let f = only(&cc, "report.percent_vs_points");
    assert_eq!(f.len(), 1);
    assert!(f[0].message.zh.contains("9.6个百分点"));
    // Written correctly, or as a threshold, nothing is said.
    let ok = run("毕业去向落实率 98.6%，比全省高校平均水平高出 9.6 个百分点。执行率低于 90% 的须说明原因。执行率不低于 95% 以上。");
    assert!(only(&ok, "report.percent_vs_points").is_empty(), "{:?}", rules(&ok.findings));
    // A relative change of an amount is fine in %.
    let amt = run("项目经费比上年增长 12%。");
    assert!(only(&amt, "report.percent_vs_points").is_empty());
}

#[test]
fn grade_missing_then_stated_then_wrong() {
    assert_eq!(only(&run(TEXT), "report.grade_missing").len(), 1);
    let good = TEXT.replace("（满分 100 分）。", "（满分 100 分），评价等级为“优”。");
    let cc = run(&good);
    assert!(only(&cc, "report.grade_missing").is_empty() && only(&cc, "report.grade_mismatch").is_empty());
    let bad = TEXT.replace("（满分 100 分）。", "（满分 100 分），评价等级为良。");
    let cc = run(&bad);
    let f = only(&cc, "report.grade_mismatch");
    assert_eq!(f.len(), 1);
    assert!(f[0].message.zh.contains("“良”") && f[0].message.zh.contains("“优”"));
}

#[test]
fn a_changed_digit_is_a_mismatch() {
    let cc = run(&TEXT.replace("33,814.57", "33,841.57"));
    let f = only(&cc, "report.figure_mismatch");
    assert_eq!(f.len(), 1, "{:?}", rules(&cc.findings));
    assert_eq!(f[0].path, "report.text.2");
    assert_eq!(f[0].severity, Severity::Error);
    assert!(f[0].message.zh.contains("33,841.57万元") && f[0].message.zh.contains("33,814.57万元"), "{}", f[0].message.zh);

    let cc = run(&TEXT.replace("劳模津贴发放率 98.67%", "劳模津贴发放率 97.67%"));
    let f = only(&cc, "report.figure_mismatch");
    assert_eq!(f.len(), 1);
    assert!(f[0].message.zh.contains("劳模津贴发放率") && f[0].message.zh.contains("98.67%"));

    let cc = run(&TEXT.replace("管理效能得分 43.53 分", "管理效能得分 45.53 分"));
    assert!(rules(&cc.findings).contains(&"report.figure_mismatch"));
    // …and the stated total no longer adds up.
    assert!(rules(&cc.findings).contains(&"report.sum_mismatch"), "{:?}", rules(&cc.findings));
}

#[test]
fn swapped_rates_say_what_each_value_is() {
    let t = TEXT.replace("财政拨款资金执行率 95.68%", "财政拨款资金执行率 95.50%").replace("总执行率 95.50%。", "总执行率 95.68%。");
    let cc = run(&t);
    let f = only(&cc, "report.figure_mismatch");
    assert_eq!(f.len(), 2, "{:?}", cc.findings);
    assert!(f[0].message.zh.contains("95.50 是总执行率"), "{}", f[0].message.zh);
    assert!(f[1].message.zh.contains("95.68 是一般公共预算财政拨款执行率"), "{}", f[1].message.zh);
}

#[test]
fn a_total_that_is_not_the_sum() {
    let t = "全年预算数 35,408.62 万元，其中财政拨款 27,585.71 万元、其他资金 7,900.00 万元。";
    let cc = run(t);
    let s = only(&cc, "report.sum_mismatch");
    assert_eq!(s.len(), 1, "{:?}", cc.findings);
    assert!(s[0].message.zh.contains("35,485.71万元"), "{}", s[0].message.zh);
    let m = only(&cc, "report.figure_mismatch");
    assert_eq!(m.len(), 1);
    assert!(m[0].message.zh.contains("其他资金全年预算数") && m[0].message.zh.contains("7,822.91"), "{}", m[0].message.zh);

    let cc = run("自评总分 95.53 分，其中管理效能 43.53 分、履职效能 50 分。");
    assert_eq!(only(&cc, "report.sum_mismatch").len(), 1, "{:?}", cc.findings);
    assert_eq!(only(&cc, "report.figure_mismatch").len(), 1);
    // Parts that add up, rounded to 2 dp, are fine.
    let cc = run("全年预算数 35,408.62 万元，其中财政拨款 27,585.71 万元、其他资金 7,822.91 万元。");
    assert!(cc.findings.iter().all(|f| f.rule != "report.sum_mismatch" && f.rule != "report.figure_mismatch"));
}

#[test]
fn other_amounts_and_rates_are_not_taken_for_the_totals() {
    // A project's own figures in the narrative: nothing names a budget row, and they are far from
    // the totals, so they are left unmatched rather than called wrong.
    let cc = run("学院安排专项资金 120 万元，该项目预算执行率 80%。");
    assert!(cc.findings.iter().all(|f| f.rule != "report.figure_mismatch"), "{:?}", cc.findings);
    assert!(cc.figures.iter().all(|f| f.status == Status::Unmatched));
    // Near the total, a default reading still catches a typo.
    let cc = run("全年预算数 35,480.62 万元。");
    assert_eq!(only(&cc, "report.figure_mismatch").len(), 1);
}

#[test]
fn units_and_full_width_digits() {
    let cc = run("全年预算数 354,086,200 元，执行数３．３８亿元，总执行率９５．５０％。");
    let st: Vec<Status> = cc.figures.iter().map(|f| f.status).collect();
    assert_eq!(st, [Status::Matched, Status::Matched, Status::Matched], "{:?}", cc.figures);
    let cc = run("全年预算数 354,086,300 元。");
    assert_eq!(only(&cc, "report.figure_mismatch").len(), 1);
}

/// The 收支 table as Word copies it: tab-separated cells, the unit on the line above.
const TABLE: &str = "（三）部门整体收支情况\n单位：万元\n项目\t全年预算数\t执行数\t执行率（%）\n一般公共预算财政拨款\t27,585.71\t26,393.83\t95.68\n其他资金\t7,822.91\t7,420.74\t94.86\n合计\t35,408.62\t33,814.57\t95.50\n";

#[test]
fn a_pasted_table_is_read_cell_by_cell() {
    let cc = run(TABLE);
    let got: Vec<(&str, Status, Option<Target>)> = cc.figures.iter().map(|f| (f.raw.as_str(), f.status, f.matched.clone())).collect();
    let rate = |r: &str| Some(Target::Rate(r.into()));
    assert_eq!(
        got,
        [
            ("27,585.71", Status::Matched, Some(Target::Budget("fin".into()))),
            ("26,393.83", Status::Matched, Some(Target::Actual("fin".into()))),
            ("95.68", Status::Matched, rate("fin")),
            ("7,822.91", Status::Matched, Some(Target::Budget("other".into()))),
            ("7,420.74", Status::Matched, Some(Target::Actual("other".into()))),
            ("94.86", Status::Matched, rate("other")),
            ("35,408.62", Status::Matched, Some(Target::Budget("total".into()))),
            ("33,814.57", Status::Matched, Some(Target::Actual("total".into()))),
            ("95.50", Status::Matched, rate("total")),
        ],
        "{:#?}",
        cc.figures
    );
    assert!(cc.findings.iter().all(|f| f.severity != Severity::Error), "{:?}", cc.findings);
    // Each figure points at its own cell.
    for f in &cc.figures {
        assert_eq!(&TABLE[f.start..f.end], f.raw);
    }
}

#[test]
fn a_wrong_cell_is_named_with_its_row_and_column() {
    let t = TABLE.replace("7,420.74\t94.86", "7,420.74\t95.86");
    let cc = run(&t);
    let f = only(&cc, "report.figure_mismatch");
    assert_eq!(f.len(), 1, "{:?}", cc.findings);
    assert!(f[0].message.zh.contains("其他资金执行率") && f[0].message.zh.contains("94.86%"), "{}", f[0].message.zh);
    let fig = cc.figures.iter().find(|g| g.path == f[0].path).unwrap();
    assert_eq!(&t[fig.start..fig.end], "95.86");

    // Without the 单位 line the amounts are bare numbers: not figures, so not called wrong.
    let cc = run(&TABLE.replace("单位：万元\n", "").replace("35,408.62", "35,480.62"));
    assert!(only(&cc, "report.figure_mismatch").is_empty(), "{:?}", cc.findings);
    assert_eq!(cc.figures.len(), 3);
}

#[test]
fn rates_the_table_cannot_recompute_are_recomputed_from_the_reports_own_amounts() {
    // The seed states 基本支出 95.94% and 项目支出 92.92% without amounts; a report table gives
    // them. 19,188.00 ÷ 20,000.00 = 95.94% holds; 14,626.57 ÷ 15,408.62 = 94.92%, not 92.92%.
    let table = "单位：万元\n项目\t全年预算数\t执行数\t执行率\n基本支出\t20,000.00\t19,188.00\t95.94%\n项目支出\t15,408.62\t14,626.57\t92.92%\n合计\t35,408.62\t33,814.57\t95.50%\n";
    let cc = run(table);
    let basic = cc.figures.iter().find(|f| f.raw == "95.94%").unwrap();
    assert_eq!(basic.status, Status::Matched, "{basic:?}");
    let f = only(&cc, "report.figure_mismatch");
    assert_eq!(f.len(), 1, "{:?}", cc.findings);
    assert!(
        f[0].message.zh.contains("按报告所列金额计算的项目支出执行率")
            && f[0].message.zh.contains("94.92%")
            && f[0].message.zh.contains("14,626.57万元 ÷ 15,408.62万元"),
        "{}",
        f[0].message.zh
    );
    assert!(f[0].message.en.contains("the report's own amounts"), "{}", f[0].message.en);
    // Neither rate is merely "unverifiable" any more; the columns add up to 合计, so no sum finding.
    assert!(only(&cc, "report.figure_unverifiable").is_empty(), "{:?}", cc.findings);
    assert!(only(&cc, "report.sum_mismatch").is_empty(), "{:?}", cc.findings);
    // A part that does not add up is named by the sum check, in a table as in prose.
    let cc = run(&table.replace("20,000.00\t19,188.00\t95.94%", "20,100.00\t19,284.00\t95.94%"));
    assert_eq!(only(&cc, "report.sum_mismatch").len(), 2, "{:?}", cc.findings);
}

#[test]
fn a_pasted_indicator_table_checks_weight_and_score_by_row() {
    let mut doc = seed();
    let ind = doc.tasks.iter_mut().flat_map(|t| t.indicators.iter_mut()).find(|i| i.id == "i-checkup").unwrap();
    ind.weight = "20".into();
    let ev = evaluate(&doc);
    assert_eq!(ev.indicator("i-checkup").unwrap().score.unwrap().to_string(), "17.16");
    let table = "序号\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n\
                 1\t产出指标\t数量指标\t劳模体检疗养实际参加人数占计划人数比例\t100%\t85.79%\t20\t17.16\n";
    let cc = analyse(table, &doc, &ev);
    let got: Vec<(&str, Status)> = cc.figures.iter().map(|f| (f.raw.as_str(), f.status)).collect();
    assert_eq!(
        got,
        [("100%", Status::MatchedStated), ("85.79%", Status::Matched), ("20", Status::Matched), ("17.16", Status::Matched)],
        "{:#?}",
        cc.figures
    );
    assert_eq!(cc.figures[2].matched, Some(Target::IndicatorWeight("i-checkup".into())));
    assert_eq!(cc.figures[3].matched, Some(Target::IndicatorScore("i-checkup".into())));

    // A score the method does not give is named, with the method's formula; not read as a
    // level-1 item's score (产出) or as the full marks.
    let cc = analyse(&table.replace("\t17.16", "\t18"), &doc, &ev);
    let f = only(&cc, "report.figure_mismatch");
    assert_eq!(f.len(), 1, "{:?}", cc.findings);
    assert!(f[0].message.zh.contains("得分") && f[0].message.zh.contains("17.16"), "{}", f[0].message.zh);
}

#[test]
fn a_rubric_item_keeps_its_score_when_an_indicator_has_the_same_name() {
    let mut doc = seed();
    let ind = doc.tasks.iter_mut().flat_map(|t| t.indicators.iter_mut()).find(|i| i.id == "i-checkup").unwrap();
    ind.name = "管理效能".into();
    ind.weight = "20".into();
    let ev = evaluate(&doc);
    let cc = analyse("管理效能得分 43.53 分。", &doc, &ev);
    assert_eq!(cc.figures[0].matched, Some(Target::Score("management".into())), "{:?}", cc.figures);
    assert!(only(&cc, "report.figure_mismatch").is_empty(), "{:?}", cc.findings);
}

#[test]
fn an_initial_budget_is_not_read_as_the_adjusted_one() {
    // The seed gives no 年初 figures: a stated 年初预算数 cannot be checked, and is not wrong.
    let cc = run("年初预算数 30,000.00 万元，调整后预算数 35,408.62 万元。");
    assert!(only(&cc, "report.figure_mismatch").is_empty(), "{:?}", cc.findings);
    assert_eq!(cc.figures[0].status, Status::Unmatched);
    assert_eq!(cc.figures[1].status, Status::Matched);
    // With a 年初 figure in the table, it is checked like the others.
    let mut doc = seed();
    doc.budget.total.initial = "30,000.00".into();
    let ev = evaluate(&doc);
    let ok = analyse("年初预算数 30,000.00 万元，全年预算数 35,408.62 万元。", &doc, &ev);
    assert_eq!(ok.figures[0].matched, Some(Target::Initial("total".into())));
    let bad = analyse("年初预算数 30,100.00 万元。", &doc, &ev);
    let f = only(&bad, "report.figure_mismatch");
    assert!(f.len() == 1 && f[0].message.zh.contains("年初预算数"), "{:?}", bad.findings);
}

#[test]
fn no_adjustments_claim_against_the_data() {
    let mut doc = seed();
    doc.stated.adjustments.push(Adjustment { id: "a1".into(), points: "+1".into(), reason: "获评先进".into() });
    let f = check("管理效能得分 43.53 分，履职效能得分 50 分，无其他加减分项。", &doc, &evaluate(&doc));
    assert!(f.iter().any(|f| f.rule == "report.claim_contradicted" && f.message.zh.contains("加减分")), "{f:?}");
}

#[test]
fn key_figures_missing_from_a_short_report() {
    let cc = run("本年度各项工作进展顺利。");
    let missing: Vec<&str> = only(&cc, "report.summary_missing").iter().map(|f| f.message.zh.as_str()).collect();
    assert!(missing.iter().any(|m| m.contains("自评总分") && m.contains("93.53")), "{missing:?}");
    assert!(missing.iter().any(|m| m.contains("总执行率") && m.contains("95.50%")));
    assert!(missing.iter().any(|m| m.contains("管理效能得分")));
}

#[test]
fn the_generated_report_passes_its_own_cross_check() {
    let doc = seed();
    let ev = evaluate(&doc);
    let text = report::generate(&doc, &ev, Lang::Zh);
    let cc = analyse(&text, &doc, &ev);
    let bad: Vec<&Finding> = cc.findings.iter().filter(|f| f.severity != Severity::Info && f.rule != "report.claim_contradicted").collect();
    assert!(bad.is_empty(), "{bad:#?}");
    // The only warning is the unit's own narrative ("均已完成" while the attendance is short).
    assert_eq!(only(&cc, "report.claim_contradicted").len(), 1);
    assert!(cc.figures.iter().all(|f| f.status != Status::Mismatch));
    let matched = cc.figures.iter().filter(|f| matches!(f.status, Status::Matched | Status::MatchedStated)).count();
    assert!(matched >= 40, "{matched}");
}

#[test]
fn garbage_never_panics() {
    for t in [
        "",
        "。。。",
        "1,2,3,4",
        "９９９，９９９，９９９．９９万元",
        "%%%分分分",
        "（一）（二）",
        "等级",
        "执行率",
        "1.2.3.4%",
        "万元万元",
        "均已完成",
    ] {
        let _ = run(t);
    }
    let long = TEXT.repeat(20);
    assert_eq!(run(&long).figures.len(), 27 * 20);
}

/// The real seed report, when the shared fixtures are beside the project (skipped otherwise).
#[test]
fn the_real_seed_report_when_present() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/fixtures/guangzhou-ftu-2021-self-evaluation.txt");
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("skipped: {path} not present");
        return;
    };
    let cc = run(&text);
    assert!(!cc.findings.iter().any(|f| f.severity == Severity::Error), "{:?}", cc.findings);
    let amb = only(&cc, "report.figure_ambiguous");
    assert_eq!(amb.len(), 1);
    assert!(amb[0].message.zh.contains("95.68%") && amb[0].message.zh.contains("95.50%"));
    assert_eq!(only(&cc, "report.claim_contradicted").len(), 1);
    assert_eq!(only(&cc, "report.percent_vs_points").len(), 1);
    assert_eq!(only(&cc, "report.grade_missing").len(), 1);
    for v in [
        "35,408.62万",
        "33,814.57万元",
        "27,585.71万元",
        "26,393.83万元",
        "93.53分",
        "94.86%",
        "95.94%",
        "92.92%",
        "95.50%",
        "43.53分",
        "85.79%",
        "98.67%",
        "88.62%",
        "99.55%",
        "98.6%",
    ] {
        let f = cc.figures.iter().find(|f| f.raw == v).unwrap_or_else(|| panic!("{v} not found"));
        assert!(matches!(f.status, Status::Matched | Status::MatchedStated), "{v}: {:?}", f.status);
    }
}

/// A one-row document (the narrative reports' shape): 年初预算 785.59, 执行数 960.28, stated 100%.
fn one_row() -> SelfEvaluation {
    SelfEvaluation::from_json(
        r#"{"format":"selfcheck/self-evaluation","version":1,"unit":{"name":"某县某委","year":"2021"},
            "budget":{"total":{"id":"total","initial":"785.59","actual":"960.28","stated_rate":"100%"},"rows":[]},
            "rubric":{"preset":"national-2020"},"stated":{"total":""}}"#,
    )
    .unwrap()
}

fn mismatches(text: &str) -> Vec<String> {
    let doc = one_row();
    let cc = analyse(text, &doc, &evaluate(&doc));
    cc.findings.iter().filter(|f| f.rule == "report.figure_mismatch").map(|f| f.message.zh.clone()).collect()
}

/// Income, last year's figures and the parts of a chain of sums are no figure of the table: never
/// a mismatch. The year's 支出完成率 in a one-row table is the total's rate, and a wrong one is.
#[test]
fn income_last_year_and_parts_are_not_this_tables_figures() {
    let quiet = [
        "年初预算收入785.59万元，决算收入885.63万元。",
        "上年年初预算收入801.4万元，收入决算991.58万元。",
        "上年决算支出935.11万元。",
        "还需拨付325万元，其中市级预算安排80%计260万元，县区承担65万元。",
        "年初预算支出785.59万元，决算支出960.28万元。",
        "年初批复预算785.59万元（含年初结转结余项目1个，50万元）。",
    ];
    for t in quiet {
        assert!(mismatches(t).is_empty(), "{t}: {:?}", mismatches(t));
    }
    let wrong = mismatches("年初预算支出785.59万元，决算支出960.28万元，年初预算支出完成率为100%。");
    assert_eq!(wrong.len(), 1, "{wrong:?}");
    assert!(wrong[0].contains("122.24"), "{wrong:?}");
}

/// Issue 12, class 11: notes must be true. A node whose weight moved elsewhere (no 满意度
/// indicator: its 10 points go to 产出) is not a key figure the report failed to state, and the
/// unit's own figure (a judged score, a rate typed without amounts) is its stated value, not a
/// "计算值".
#[test]
fn summary_notes_are_true() {
    let cc = run("本年度各项工作进展顺利。");
    let missing: Vec<&str> = only(&cc, "report.summary_missing").iter().map(|f| f.message.zh.as_str()).collect();
    let m = missing.iter().find(|m| m.contains("管理效能得分")).expect("管理效能 is a key figure");
    assert!(m.contains("填报值 43.53") && !m.contains("计算值"), "{m}");
    assert!(missing.iter().any(|m| m.contains("总执行率") && m.contains("计算值 95.50%")), "{missing:?}");
    let en: Vec<&str> = only(&cc, "report.summary_missing").iter().map(|f| f.message.en.as_str()).collect();
    assert!(en.iter().any(|m| m.contains("stated: 43.53")), "{en:?}");

    let doc = SelfEvaluation::from_json(
        r#"{"format":"selfcheck/self-evaluation","version":1,"unit":{"name":"某市某局","year":"2023"},
        "budget":{"total":{"id":"total","adjusted":"1,000.00","actual":"960.00","stated_rate":"96.00"},
          "reason":"部分项目按合同进度于次年支付。","measure":"加强预算执行进度管理。"},
        "rubric":{"preset":"national-2020"},
        "tasks":[{"id":"t1","name":"职工服务","indicators":[
          {"id":"i1","name":"服务人次完成率","direction":"≥","unit":"%","target":"100","actual":"100","weight":"60","node":"output"},
          {"id":"i2","name":"就业率","direction":"≥","unit":"%","target":"95","actual":"96","weight":"30","node":"outcome"}]}],
        "stated":{"total":"99.60","grade":"优"}}"#,
    )
    .unwrap();
    let ev = evaluate(&doc);
    let f = check("本年度各项工作进展顺利。", &doc, &ev);
    let missing: Vec<&str> = f.iter().filter(|f| f.rule == "report.summary_missing").map(|f| f.message.zh.as_str()).collect();
    assert!(!missing.iter().any(|m| m.contains("满意度")), "{missing:?}");
    assert!(missing.iter().any(|m| m.contains("产出指标得分") && m.contains("计算值 60.00")), "{missing:?}");
    let text = report::generate(&doc, &ev, Lang::Zh);
    assert!(!text.contains("满意度指标自评得分"), "{text}");
    assert!(text.contains("产出指标自评得分 60.00 分（分值 60 分）"), "{text}");
}

/// Issue 12, class 9: a rate of something the table does not hold (收入) is recomputed from the
/// 预算 and 决算 amounts its own sentence gives, whatever it is a rate of.
#[test]
fn a_rate_is_recomputed_from_its_sentences_own_amounts() {
    let cc = run("2021年单位年初预算收入785.59万元，决算收入885.63万元，年初预算收入完成率为100%。");
    let f = only(&cc, "report.figure_mismatch");
    assert_eq!(f.len(), 1, "{:?}", cc.findings);
    assert!(f[0].message.zh.contains("112.73%") && f[0].message.zh.contains("885.63万元 ÷ 785.59万元"), "{}", f[0].message.zh);
    // The same sentence with the right rate, and one whose amounts are two 决算 (收入 and 支出): quiet.
    assert!(only(&run("年初预算收入785.59万元，决算收入885.63万元，完成率为112.73%。"), "report.figure_mismatch").is_empty());
    assert!(only(&run("全年收入决算885.63万元，支出决算960.28万元，收支完成率为100%。"), "report.figure_mismatch").is_empty());
}
