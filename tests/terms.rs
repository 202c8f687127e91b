//! One word for one thing (issue 11, item 17): what an officer writes when a figure falls short
//! is the 偏差原因 and the 改进措施 (the national form's column 偏差原因分析及改进措施), in every
//! label, message, report sentence and sheet header the core writes. 扣分原因 is only read, as
//! an old header of imported sheets.
#![cfg(not(target_arch = "wasm32"))]

use selfcheck::core::check::evaluate::evaluate;
use selfcheck::core::check::rules::catalogue;
use selfcheck::core::document::format::SelfEvaluation;
use selfcheck::core::office::xlsx::sheet::{write_workbook, Cell, SheetOut, Style};
use selfcheck::core::text::lang::terms;
use selfcheck::core::Lang;

fn seed() -> SelfEvaluation {
    SelfEvaluation::from_json(include_str!("../examples/guangzhou-ftu-2021.json")).unwrap()
}

#[test]
fn the_terms_are_the_national_forms() {
    assert_eq!(terms::REASON.0, "偏差原因");
    assert_eq!(terms::MEASURE.0, "改进措施");
    assert_eq!(terms::FORM_COLUMN.0, "偏差原因分析及改进措施");
    assert!(terms::FORM_COLUMN.0.contains(terms::REASON.0) && terms::FORM_COLUMN.0.contains(terms::MEASURE.0));
    let (zh, en) = selfcheck::core::check::rules::missing_explanations("", "").unwrap();
    assert_eq!(zh, format!("{}和{}", terms::REASON.0, terms::MEASURE.0));
    assert!(en.contains(terms::REASON.0) && en.contains(terms::MEASURE.0));
}

#[test]
fn no_rule_says_kou_fen_yuan_yin() {
    for r in catalogue::rules() {
        for t in [&r.title.zh, &r.message.zh] {
            assert!(!t.contains("扣分原因"), "{}: {t}", r.id);
        }
    }
    let r = catalogue::rule("score.below_full_unexplained").unwrap();
    assert!(r.title.zh.contains(terms::REASON.0) && r.title.zh.contains(terms::MEASURE.0), "{}", r.title.zh);
}

#[test]
fn the_report_asks_for_and_prints_the_same_words() {
    let mut doc = seed();
    let m = doc.stated.scores.get_mut("management").unwrap();
    m.reason.clear();
    let ev = evaluate(&doc);
    let r = selfcheck::core::report::build(&doc, &ev, Lang::Zh);
    let text = selfcheck::core::report::render_text(&r);
    let note = r.notes.iter().find(|n| n.contains("管理效能")).expect("a note for 管理效能");
    assert!(note.contains("须填写偏差原因和改进措施"), "{note}");
    assert!(!text.contains("扣分原因") && !r.notes.iter().any(|n| n.contains("扣分原因")), "{text}");
    // The finding under the field says the same words as the note.
    let f = ev.findings.iter().find(|f| f.rule == "score.below_full_unexplained").unwrap();
    assert!(f.message.zh.contains("偏差原因") && !f.message.zh.contains("扣分原因"), "{}", f.message.zh);
}

#[test]
fn the_score_sheet_heads_its_column_with_the_same_word_and_old_sheets_still_import() {
    let reason = selfcheck::core::office::xlsx::SCORE_COLUMNS.iter().find(|c| c.key == "reason").unwrap();
    assert_eq!(reason.heading().0, terms::REASON.0);
    let doc = seed();
    let head = |s: &str| Cell::Text(s.into(), Style::Header);
    let text = |s: &str| Cell::Text(s.into(), Style::Text);
    for old in ["扣分原因 / 说明", "扣分原因", "偏差原因分析"] {
        let rows = vec![
            vec![head("评分项编号"), head("一级指标"), head("分值"), head("自评得分"), head(old), head("改进措施")],
            vec![text("management"), text("管理效能"), text("50"), text("43.53"), text("资产管理有待加强"), text("加强管理")],
        ];
        let bytes = write_workbook(&[SheetOut { name: "评分".into(), rows, ..Default::default() }]);
        let imp = selfcheck::core::office::xlsx::import(&bytes, &doc).unwrap_or_else(|e| panic!("{old}: {:?}", e[0].message));
        assert_eq!(imp.scores.unwrap().scores["management"].reason, "资产管理有待加强", "{old}");
    }
}

/// Issue 12, class 12: categories and scoring methods are recognised in one place
/// (`core::words`), so the indicator paste and the Excel import read the same words the same way.
#[test]
fn the_paste_and_the_excel_import_read_categories_and_methods_alike() {
    use selfcheck::core::office::xlsx::sheet::write_workbook;
    use selfcheck::core::{edit::paste, office::xlsx, text::words};
    let doc = seed();
    let written = [
        ("数量指标", "产出指标", "数量指标"),
        ("经济效益", "效益指标", "经济效益指标"),
        ("服务对象满意度指标", "满意度指标", "服务对象满意度指标"),
    ];
    for (one, l1, l2) in written {
        let id = words::category_of(one).unwrap_or_else(|| panic!("{one}"));
        assert_eq!(words::category_of_levels(l1, l2), Some(id), "{l1}|{l2}");
        let pasted = paste::parse(&format!("指标甲\t{one}\t≥\t%\t100\t100"), 0);
        assert_eq!(pasted.rows[0].category, id, "paste {one}");
        assert!(pasted.issues.is_empty(), "{:?}", pasted.issues);
        let t = |s: &str| Cell::Text(s.to_string(), Style::Text);
        let rows = vec![
            [
                "任务编号",
                "重点工作任务",
                "指标编号",
                "三级指标（指标名称）",
                "指标方向",
                "年度指标值",
                "实际完成值",
                "一级指标",
                "二级指标",
                "计分方式",
                "每单位扣分",
            ]
            .iter()
            .map(|s| t(s))
            .collect(),
            vec![
                t(&doc.tasks[0].id),
                t(&doc.tasks[0].name),
                t("x1"),
                t("指标甲"),
                t("不超过"),
                t("5"),
                t("3"),
                t(l1),
                t(l2),
                t("扣分"),
                t("1"),
            ],
        ];
        let bytes = write_workbook(&[SheetOut { name: "绩效指标".into(), rows, ..Default::default() }]);
        let back = xlsx::import(&bytes, &doc).unwrap_or_else(|e| panic!("{l1}|{l2}: {e:#?}")).apply(&doc);
        let x = back.indicators().map(|(_, i)| i).find(|i| i.id == "x1").expect("imported");
        assert_eq!((x.category.as_str(), x.scoring.as_str(), x.direction.as_str()), (id, "deduct", "≤"), "{l1}|{l2}");
    }
}
