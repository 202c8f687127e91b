//! Excel exchange: export → import gives back the document's indicators and scores; sheets
//! written by other programs are read; bad sheets get messages naming the row and column, and
//! nothing is applied.

use selfcheck::core::document::format::{Adjustment, SelfEvaluation};
use selfcheck::core::evaluate;
use selfcheck::core::office::ooxml::zip::ZipReader;
use selfcheck::core::office::xlsx::sheet::{read_workbook, write_workbook, Cell, SheetOut, Style};
use selfcheck::core::office::xlsx::{self, export, import, indicator_columns};
use selfcheck::core::text::lang::Lang;

fn seed() -> SelfEvaluation {
    SelfEvaluation::from_json(include_str!("../examples/guangzhou-ftu-2021.json")).unwrap()
}

#[test]
fn export_then_import_gives_back_indicators_and_scores() {
    let mut doc = seed();
    // Give the seed a few weights, scores, an adjustment, a grade and awkward values.
    doc.tasks[0].indicators[0].weight = "20".into();
    doc.tasks[0].indicators[0].stated_score = "17.16".into();
    doc.tasks[0].indicators[1].target = "１００％".into();
    doc.tasks[0].indicators[2].target = "100.00".into();
    doc.tasks[1].indicators[0].scoring = "deduct".into();
    doc.tasks[1].indicators[0].deduct_per_unit = "0.5".into();
    doc.tasks[1].indicators[0].node = "duties".into();
    doc.tasks[0].indicators[0].reason = "第一行\n第二行 & <标记>".into();
    doc.tasks[0].indicators[0].previous = "88.50".into();
    doc.stated.adjustments.push(Adjustment { id: "a1".into(), points: "-0.5".into(), reason: "资料迟交".into() });
    doc.stated.grade = "优".into();
    for lang in [Lang::Zh, Lang::En] {
        let bytes = export(&doc, &evaluate(&doc), lang);
        let imp = import(&bytes, &doc).unwrap_or_else(|e| panic!("{lang:?}: {e:#?}"));
        assert!(imp.tasks.is_some() && imp.scores.is_some() && imp.budget.is_some());
        let back = imp.apply(&SelfEvaluation { tasks: vec![], stated: Default::default(), budget: Default::default(), ..doc.clone() });
        assert_eq!(back.tasks, doc.tasks, "{lang:?}");
        assert_eq!(back.stated, doc.stated, "{lang:?}");
        assert_eq!(back.budget, doc.budget, "{lang:?}");
        assert_eq!(imp.summary.len(), 3);
        assert!(imp.summary[0].zh.contains("22 个指标"), "{}", imp.summary[0].zh);
    }
}

#[test]
fn export_lays_out_headers_formats_and_computed_columns() {
    let doc = seed();
    let bytes = export(&doc, &evaluate(&doc), Lang::Zh);
    assert_eq!(bytes, export(&doc, &evaluate(&doc), Lang::Zh), "deterministic");
    let book = read_workbook(&bytes).unwrap();
    assert_eq!(book.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["绩效指标", "评分", "预算执行"]);
    let ind = &book[0];
    assert_eq!(ind.get(1, 0), "广州市总工会2021年度部门整体支出绩效自评表——绩效指标");
    let headers: Vec<&str> = (0..indicator_columns().len()).map(|c| ind.get(2, c)).collect();
    assert_eq!(headers[5], "三级指标（指标名称）");
    assert_eq!(headers[12], "完成率（计算）");
    // The attendance row: levels split, completion as a fraction (shown 0.00%), computed cells filled.
    assert_eq!(ind.get(3, 3), "产出指标");
    assert_eq!(ind.get(3, 4), "数量指标");
    assert_eq!(ind.get(3, 9), "85.79");
    assert_eq!(ind.get(3, 12), "0.8579");
    let sc = &book[1];
    assert_eq!(sc.get(3, 0), "management");
    assert_eq!(sc.get(3, 5), "43.53");
    let total_row = (3..=sc.last_row()).find(|&r| sc.get(r, 0) == "总分").unwrap();
    assert_eq!(sc.get(total_row, 3), "100");
    assert_eq!(sc.get(total_row, 4), "93.53");
    assert_eq!(sc.get(total_row, 6), "优");
    // Budget: figures as typed, the computed rate beside the stated one, the explanation below.
    let bu = &book[2];
    assert_eq!(bu.get(1, 0), "广州市总工会2021年度部门整体支出绩效自评表——预算执行（万元）");
    assert_eq!((bu.get(3, 1), bu.get(3, 2), bu.get(3, 4), bu.get(3, 5)), ("合计", "合计", "35,408.62", "33,814.57"), "as typed");
    assert_eq!((bu.get(3, 6), bu.get(3, 7)), ("95.50", "0.955"));
    assert_eq!((bu.get(4, 1), bu.get(4, 4), bu.get(4, 7)), ("按资金来源", "27,585.71", "0.9568"));
    let reason_row = (3..=bu.last_row()).find(|&r| bu.get(r, 0) == "偏差原因").unwrap();
    assert_eq!(bu.get(reason_row, 8), doc.budget.reason);
    let z = ZipReader::new(&bytes).unwrap();
    let styles = z.text("xl/styles.xml").unwrap().unwrap();
    assert!(styles.contains(r#"numFmtId="10""#) && styles.contains(r#"numFmtId="2""#), "0.00% and 0.00 formats");
    let s1 = z.text("xl/worksheets/sheet1.xml").unwrap().unwrap();
    assert!(s1.contains("<cols>") && s1.contains(r#"state="frozen""#) && s1.contains(r#"<mergeCell ref="A1:T1"/>"#));
    assert!(s1.contains(r#"<c r="M3" s="7"><v>0.8579</v></c>"#), "completion cell styled 0.00%");
    assert_eq!(xlsx::file_name(&doc), "广州市总工会2021年度绩效自评表.xlsx");
    if let Ok(dir) = std::env::var("SELFCHECK_WRITE_SAMPLES") {
        std::fs::write(format!("{dir}/tables.xlsx"), &bytes).unwrap();
    }
}

fn officer(bytes: &[u8]) {
    let doc = seed();
    let imp = import(bytes, &doc).unwrap_or_else(|e| panic!("{e:#?}"));
    assert!(imp.scores.is_none(), "no score table in this workbook");
    let tasks = imp.tasks.clone().unwrap();
    assert_eq!(tasks.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(), ["劳模服务", "后勤保障"]);
    assert_eq!(tasks[0].indicators.len(), 2);
    let first = &tasks[0].indicators[0];
    assert_eq!(first.name, "劳模体检疗养参加率");
    assert_eq!(first.category, "产出-数量");
    assert_eq!(first.actual, "85.79");
    assert_eq!(first.stated_score, "17.16");
    assert_eq!(first.reason, "疫情影响");
    assert_eq!(tasks[0].indicators[1].actual, "98.67", "binary noise rounded to 15 digits");
    assert_eq!(tasks[1].indicators[0].direction, "≤");
    let q = &tasks[1].indicators[1];
    assert_eq!((q.direction.as_str(), q.actual.as_str(), q.category.as_str()), ("定性", "达成", "效益-可持续"));
    // Ids are made where the sheet has none, unique in the document.
    let ids: std::collections::BTreeSet<&str> = tasks.iter().flat_map(|t| t.indicators.iter().map(|i| i.id.as_str())).collect();
    assert_eq!(ids.len(), 4);
    // Applying replaces the tasks and leaves the rest alone; the result evaluates.
    let applied = imp.apply(&doc);
    assert_eq!(applied.budget, doc.budget);
    assert_eq!(applied.stated, doc.stated);
    let ev = evaluate(&applied);
    assert_eq!(ev.indicators[0].score.map(|s| s.to_string()), Some("17.16".into()));
}

#[test]
fn reads_an_openpyxl_sheet_laid_out_by_an_officer() {
    officer(include_bytes!("fixtures/xlsx/officer-indicators.xlsx"));
}

#[test]
fn reads_the_same_sheet_saved_by_libreoffice() {
    officer(include_bytes!("fixtures/xlsx/officer-indicators-libreoffice.xlsx"));
}

fn sheet(rows: Vec<Vec<&str>>) -> Vec<u8> {
    let rows = rows
        .into_iter()
        .map(|r| {
            r.into_iter().map(|c| if c.is_empty() { Cell::Empty(Style::Text) } else { Cell::Text(c.to_string(), Style::Text) }).collect()
        })
        .collect();
    write_workbook(&[SheetOut { name: "绩效指标".into(), rows, ..Default::default() }])
}

#[test]
fn a_sheet_without_last_years_column_keeps_last_years_values() {
    let mut doc = seed();
    doc.tasks[0].indicators[0].previous = "88.50".into();
    let id = doc.tasks[0].indicators[0].id.clone();
    let bytes = sheet(vec![
        vec![
            "任务编号",
            "重点工作任务",
            "指标编号",
            "三级指标（指标名称）",
            "指标方向",
            "年度指标值",
            "实际完成值",
            "一级指标",
            "二级指标",
        ],
        vec![&doc.tasks[0].id, &doc.tasks[0].name, &id, "劳模体检", "≥", "100", "90", "产出指标", "数量指标"],
        vec![&doc.tasks[0].id, &doc.tasks[0].name, "new-1", "新指标", "≥", "1", "1", "产出指标", "数量指标"],
    ]);
    let back = import(&bytes, &doc).unwrap_or_else(|e| panic!("{e:#?}")).apply(&doc);
    let all: Vec<_> = back.indicators().map(|(_, i)| i).collect();
    assert_eq!(all.iter().find(|i| i.id == id).unwrap().previous, "88.50");
    assert_eq!(all.iter().find(|i| i.id == "new-1").unwrap().previous, "");
    // With the column, the sheet's value wins, and a bad one is named by its cell.
    let bytes = sheet(vec![
        vec!["指标编号", "三级指标（指标名称）", "指标方向", "年度指标值", "实际完成值", "上年实际完成值", "一级指标", "二级指标"],
        vec![&id, "劳模体检", "≥", "100", "90", "12.3.4", "产出指标", "数量指标"],
    ]);
    let errs = import(&bytes, &doc).unwrap_err();
    assert!(errs.iter().any(|e| e.line(Lang::Zh).starts_with("绩效指标!F2（上年实际完成值）")), "{errs:#?}");
}

#[test]
fn bad_cells_are_named_by_row_and_column_and_nothing_is_applied() {
    let doc = seed();
    let bytes = sheet(vec![
        vec!["指标编号", "三级指标（指标名称）", "指标方向", "年度指标值", "实际完成值", "分值", "归属评分项", "一级指标", "二级指标"],
        vec!["x1", "甲", "≥", "100", "8５.79", "10", "", "产出指标", "数量指标"],
        vec!["x2", "", "大约", "1,00", "12.3.4", "-3", "nope", "产出指标", "速度指标"],
        vec!["x1", "丙", "定性", "好", "很好", "", "duties", "", ""],
    ]);
    let errs = import(&bytes, &doc).unwrap_err();
    let lines: Vec<String> = errs.iter().map(|e| e.line(Lang::Zh)).collect();
    let expect = [
        "绩效指标!B3（三级指标（指标名称））：指标名称不能为空",
        "绩效指标!C3（指标方向）：指标方向“大约”无法识别",
        "绩效指标!D3（年度指标值）：“1,00”不是有效数字",
        "绩效指标!E3（实际完成值）：“12.3.4”不是有效数字：有两个小数点",
        "绩效指标!F3（分值）：“-3”不是有效数字：不能为负数",
        "绩效指标!G3（归属评分项）：评分标准中没有评分项“nope”",
        "绩效指标!I3（二级指标）：指标类别“产出指标·速度指标”无法识别",
        "绩效指标!A4（指标编号）：指标编号“x1”与第 2 行重复",
        "绩效指标!E4（实际完成值）：定性指标的实际完成值“很好”应为 达成 / 部分达成 / 未达成",
    ];
    for e in expect {
        assert!(lines.iter().any(|l| l.starts_with(e)), "missing {e:?} in {lines:#?}");
    }
    assert_eq!(lines.len(), expect.len(), "{lines:#?}");
    assert!(errs[0].line(Lang::En).starts_with("绩效指标!B3 (三级指标（指标名称）): the indicator's name is required"));
    // Full-width digits are fine (row 2 has no error).
    assert!(!lines.iter().any(|l| l.contains("!E2")));
}

#[test]
fn missing_columns_and_foreign_files() {
    let doc = seed();
    let e = import(&sheet(vec![vec!["三级指标（指标名称）", "指标方向", "计量单位"], vec!["甲", "≥", "%"]]), &doc).unwrap_err();
    assert_eq!(e.len(), 1);
    assert!(e[0].line(Lang::Zh).contains("表头缺少“实际完成值”列"), "{}", e[0].line(Lang::Zh));
    let e = import(&sheet(vec![vec!["a", "b"], vec!["1", "2"]]), &doc).unwrap_err();
    assert!(e[0].message.zh.contains("没有找到"));
    let e = import(b"PK\x03\x04 not really", &doc).unwrap_err();
    assert!(e[0].message.zh.contains(".xlsx"), "{}", e[0].message.zh);
    let e = import(&[0xD0, 0xCF, 0x11, 0xE0, 0, 0, 0, 0], &doc).unwrap_err();
    assert!(e[0].message.zh.contains("旧版 .xls"));
}

#[test]
fn score_sheet_errors() {
    let doc = seed();
    let rows = vec![
        vec![
            Cell::Text("评分项编号".into(), Style::Header),
            Cell::Text("一级指标".into(), Style::Header),
            Cell::Text("自评得分".into(), Style::Header),
            Cell::Text("自评等级".into(), Style::Header),
        ],
        vec![Cell::Text("management".into(), Style::Text), Cell::Empty(Style::Text), Cell::Text("四十".into(), Style::Text)],
        vec![Cell::Text("nosuch".into(), Style::Text), Cell::Empty(Style::Text), Cell::Text("1".into(), Style::Text)],
        vec![
            Cell::Text("总分".into(), Style::Text),
            Cell::Empty(Style::Text),
            Cell::Number("93.53".into(), Style::Text),
            Cell::Text("甲等".into(), Style::Text),
        ],
    ];
    let bytes = write_workbook(&[SheetOut { name: "评分".into(), rows, ..Default::default() }]);
    let lines: Vec<String> = import(&bytes, &doc).unwrap_err().iter().map(|e| e.line(Lang::Zh)).collect();
    assert_eq!(lines.len(), 3, "{lines:#?}");
    assert!(lines[0].starts_with("评分!C2（自评得分）"));
    assert!(lines[1].starts_with("评分!A3（评分项编号）：评分标准中没有评分项“nosuch”"));
    assert!(lines[2].starts_with("评分!D4（自评等级）"));
}

#[test]
fn a_workbook_with_only_the_budget_table_replaces_the_budget_and_nothing_else() {
    let doc = seed();
    let mut edited = doc.clone();
    edited.budget.rows[0].actual = "26400.00".into();
    edited.budget.reason = "新的原因".into();
    let mut book = xlsx::layout::sheets(&edited, &evaluate(&edited), Lang::Zh);
    book.drain(0..2);
    // An officer adds a row without an id.
    let mut row = book[0].rows[4].clone();
    row[0] = Cell::Empty(Style::Text);
    row[2] = Cell::Text("政府性基金预算".into(), Style::Text);
    book[0].rows.insert(6, row);
    let imp = import(&write_workbook(&book), &doc).unwrap_or_else(|e| panic!("{e:#?}"));
    assert!(imp.tasks.is_none() && imp.scores.is_none());
    assert_eq!(imp.summary.len(), 1);
    assert!(imp.summary[0].zh.starts_with("替换预算执行表"), "{}", imp.summary[0].zh);
    let applied = imp.apply(&doc);
    assert_eq!(applied.tasks, doc.tasks);
    assert_eq!(applied.stated, doc.stated);
    assert_eq!(applied.budget.total, doc.budget.total);
    assert_eq!(applied.budget.rows[0].actual, "26400.00");
    assert_eq!(applied.budget.reason, "新的原因");
    assert_eq!(applied.budget.rows.len(), doc.budget.rows.len() + 1);
    let added = applied.budget.rows.iter().find(|r| r.name == "政府性基金预算").unwrap();
    assert!(!added.id.is_empty() && applied.budget.rows.iter().filter(|r| r.id == added.id).count() == 1, "the new row got its own id");
}

#[test]
fn bad_budget_cells_are_named_and_nothing_is_applied() {
    let doc = seed();
    let mut book = xlsx::layout::sheets(&doc, &evaluate(&doc), Lang::Zh);
    book.drain(0..2);
    book[0].rows[3][5] = Cell::Text("1,2345.6".into(), Style::Text); // 执行数 of the 财政拨款 row (F4)
    book[0].rows[4][1] = Cell::Text("按月份".into(), Style::Text); // 分组 of the next row (B5)
    book[0].rows[3][6] = Cell::Text("-3".into(), Style::Text); // 填报执行率 (G4)
    let errs = import(&write_workbook(&book), &doc).unwrap_err();
    let lines: Vec<String> = errs.iter().map(|e| e.line(Lang::Zh)).collect();
    assert_eq!(lines.len(), 3, "{lines:#?}");
    assert!(lines[0].starts_with("预算执行!F4（执行数）：“1,2345.6”不是有效数字"), "{lines:#?}");
    assert!(lines[1].starts_with("预算执行!G4（填报执行率 %）：“-3”不是有效数字"), "{lines:#?}");
    assert_eq!(lines[2], "预算执行!B5（分组）：分组“按月份”应为 合计、按资金来源 或 按支出类型");
}

/// Issue 11, item 11: a file of another kind handed to 导入 Excel is named for what it is (a
/// .json is not called an old .xls), and no problem is printed with an empty location.
#[test]
fn a_json_or_other_file_given_to_the_excel_import_is_named_for_what_it_is() {
    let doc = seed();
    let json = include_bytes!("../examples/guangzhou-ftu-2021.json");
    let rubric = selfcheck::core::check::rubric::preset("national-2020").unwrap().to_json();
    for (bytes, zh, en) in [
        (&json[..], "JSON 文件", "JSON file"),
        (rubric.as_bytes(), "JSON 文件", "JSON file"),
        (b"\xEF\xBB\xBF{\"format\":\"selfcheck/self-evaluation\"}", "JSON 文件", "JSON file"),
        (b"", "空", "empty"),
        ("名称,实际完成值\n甲,1\n".as_bytes(), "CSV", "CSV"),
        (b"%PDF-1.4\n", "PDF", "PDF"),
    ] {
        let e = import(bytes, &doc).unwrap_err();
        assert_eq!(e.len(), 1);
        assert!(e[0].message.zh.contains(zh), "{}", e[0].message.zh);
        assert!(e[0].message.en.contains(en), "{}", e[0].message.en);
        assert!(!e[0].message.zh.contains(".xls（") && !e[0].message.zh.contains("旧版"), "not an old .xls: {}", e[0].message.zh);
        assert!(e[0].message.zh.contains("导入") && e[0].message.en.contains("Import") || zh != "JSON 文件", "{:?}", e[0].message);
    }
    let docx = selfcheck::core::report::docx::to_docx(&selfcheck::core::report::build(&doc, &evaluate(&doc), Lang::Zh), &[]);
    assert!(import(&docx, &doc).unwrap_err()[0].message.zh.contains("Word 文档"));
}

#[test]
fn a_problem_of_the_whole_workbook_has_no_empty_location() {
    let doc = seed();
    for bytes in [&b"{}"[..], b"PK\x03\x04 not really", &[0xD0, 0xCF, 0x11, 0xE0, 0, 0, 0, 0], &sheet(vec![vec!["a", "b"], vec!["1", "2"]])]
    {
        for e in import(bytes, &doc).unwrap_err() {
            for lang in [Lang::Zh, Lang::En] {
                let line = e.line(lang);
                assert!(!line.starts_with('：') && !line.starts_with(':') && !line.starts_with(' '), "{line:?}");
                assert_eq!(line, e.message.get(lang), "a problem of the whole file is its message alone");
            }
        }
    }
}
