//! Issue 12, class 9: counts in a report's prose. "共15个……其中8个……8个" (parts that add up to more
//! than the whole), "N个：甲、乙、丙" (a count and its list) and "X个，占Y%" (a share recomputed from
//! its counts), in any words: no budget row or indicator is involved.
#![cfg(not(target_arch = "wasm32"))]

use selfcheck::core::check::evaluate::evaluate;
use selfcheck::core::check::finding::{Finding, Severity};
use selfcheck::core::crosscheck::check;
use selfcheck::core::document::format::SelfEvaluation;

fn doc() -> SelfEvaluation {
    SelfEvaluation::from_json(
        r#"{"format":"selfcheck/self-evaluation","version":1,"unit":{"name":"某中心","year":"2024"},
        "budget":{"total":{"id":"total","adjusted":"100","actual":"100","stated_rate":"100%"}},
        "rubric":{"preset":"national-2020"},"stated":{"total":""}}"#,
    )
    .unwrap()
}

fn run(text: &str) -> Vec<Finding> {
    let d = doc();
    let ev = evaluate(&d);
    check(text, &d, &ev).into_iter().filter(|f| f.rule == "report.sum_mismatch" || f.rule == "report.count_mismatch").collect()
}

#[test]
fn parts_of_a_count_cannot_exceed_it() {
    // 8 + 8 = 16 projects, said to be 15; the parenthesised 含…5个 are inside the parts.
    let f = run("本年共实施项目15个（含转列项目5个）。其中年初批复项目8个，金额985万元（含结转项目1个，50万元）；年中新增项目8个（含转列项目5个）。");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].rule, "report.sum_mismatch");
    assert_eq!(f[0].severity, Severity::Error);
    assert!(
        f[0].message.zh.contains("15个") && f[0].message.zh.contains("16个") && f[0].message.zh.contains("8个 + 8个"),
        "{}",
        f[0].message.zh
    );
    // Parts that add up, or that list only some of the whole, are quiet.
    assert!(run("本年共实施项目15个，其中新建项目8个，续建项目7个。").is_empty());
    assert!(run("全年共培训12次，其中县级培训3次。").is_empty());
    assert!(run("共建成站点20处，其中新建8处、改造9处。").is_empty());
}

#[test]
fn a_count_and_its_list() {
    let f = run("完成重点工作3项：平台建设、数据归集、人员培训、制度修订。");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].rule, "report.count_mismatch");
    assert!(f[0].message.zh.contains("3项") && f[0].message.zh.contains("4"), "{}", f[0].message.zh);
    assert!(f[0].message.en.contains('3') && f[0].message.en.contains('4'), "{}", f[0].message.en);
    assert!(run("完成重点工作3项：平台建设、数据归集、人员培训。").is_empty());
    // "甲、乙和丙" may be three; a list ending in 等 is not the whole.
    assert!(run("完成重点工作3项：平台建设、数据归集和人员培训。").is_empty());
    assert!(run("完成重点工作5项：平台建设、数据归集等。").is_empty());
    assert!(run("覆盖乡镇4个，分别是甲镇、乙镇、丙乡和丁乡。").is_empty());
    assert!(!run("覆盖乡镇4个，分别是甲镇、乙镇、丙乡。").is_empty());
}

#[test]
fn a_share_is_recomputed_from_its_counts() {
    let f = run("全县共有行政村40个，已通网络的32个，占75%。");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].rule, "report.count_mismatch");
    assert!(f[0].message.zh.contains("80") && f[0].message.zh.contains("75%"), "{}", f[0].message.zh);
    assert!(run("全县共有行政村40个，已通网络的32个，占80%。").is_empty());
    assert!(run("全县共有行政村40个，已通网络的30个，占比75.0%。").is_empty());
    // A share of something else (no whole of the same kind) is left alone.
    assert!(run("新建站点8个，占计划投资的35%。").is_empty());
}
