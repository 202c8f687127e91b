//! The page in English (issue 11, item 22): rubric names, notes and node names, and rule titles,
//! are in English; sources stay the Chinese document titles they are.
#![cfg(not(target_arch = "wasm32"))]

use selfcheck::core::check::evaluate::evaluate;
use selfcheck::core::check::rubric::{presets, Rubric};
use selfcheck::core::check::rules::catalogue;
use selfcheck::core::document::format::SelfEvaluation;
use selfcheck::core::Lang;

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn every_preset_names_itself_and_every_node_in_english() {
    for r in presets() {
        assert!(!r.name_en.trim().is_empty() && !has_cjk(&r.name_en), "{}: name_en", r.id);
        assert_eq!(r.name_in(Lang::En), r.name_en);
        assert_eq!(r.name_in(Lang::Zh), r.name);
        if !r.note.is_empty() {
            assert!(!r.note_en.trim().is_empty() && !has_cjk(&r.note_en), "{}: note_en", r.id);
            assert_eq!(r.note_text().en, r.note_en);
        }
        for (_, _, n) in r.walk() {
            assert!(!n.name_en.trim().is_empty() && !has_cjk(&n.name_en), "{}: {} has no English name", r.id, n.id);
            assert_eq!(n.name_in(Lang::En), n.name_en);
            assert_eq!(n.name_text().zh, n.name);
        }
    }
}

#[test]
fn a_rubric_file_without_english_names_loads_and_falls_back_to_chinese() {
    let r = Rubric::from_json(
        r#"{"format":"selfcheck/rubric","version":1,"id":"bureau","name":"某局评分标准","note":"说明","nodes":[{"id":"a","name":"甲","weight":"100"}]}"#,
    )
    .unwrap();
    assert_eq!(r.name_in(Lang::En), "某局评分标准");
    assert_eq!(r.note_text().en, "说明");
    assert_eq!(r.nodes[0].name_in(Lang::En), "甲");
}

#[test]
fn every_rule_title_is_in_english() {
    for r in catalogue::rules() {
        assert!(!r.title.en.trim().is_empty() && !has_cjk(&r.title.en), "{}: {}", r.id, r.title.en);
    }
}

#[test]
fn the_evaluation_carries_the_rubric_name_in_english() {
    let doc = SelfEvaluation::from_json(include_str!("../examples/guangzhou-ftu-2021.json")).unwrap();
    let ev = evaluate(&doc);
    assert_eq!(ev.rubric.name_text().en, selfcheck::core::check::rubric::preset("guangzhou-dept").unwrap().name_en);
    assert!(!has_cjk(ev.rubric.name_text().get(Lang::En)));
    for n in &ev.scores.nodes {
        assert!(!has_cjk(n.name_in(Lang::En)), "{}", n.id);
    }
}

/// A finding about a rubric node names it in English in the English message.
#[test]
fn findings_name_rubric_nodes_in_english() {
    let mut doc = SelfEvaluation::from_json(include_str!("../examples/guangzhou-ftu-2021.json")).unwrap();
    let m = doc.stated.scores.get_mut("management").unwrap();
    m.score = "55".into();
    let ev = evaluate(&doc);
    let f = ev.findings.iter().find(|f| f.rule == "score.out_of_range").expect("out of range");
    assert!(f.message.zh.contains("管理效能"), "{}", f.message.zh);
    assert!(f.message.en.contains("Management effectiveness") && !has_cjk(&f.message.en), "{}", f.message.en);
    doc.stated.scores.get_mut("management").unwrap().score = "40".into();
    doc.stated.scores.get_mut("management").unwrap().reason.clear();
    let ev = evaluate(&doc);
    let f = ev.findings.iter().find(|f| f.rule == "score.below_full_unexplained").expect("below full");
    assert!(f.message.en.contains("Management effectiveness"), "{}", f.message.en);
}

#[test]
fn the_cli_summary_in_english_names_the_rubric_in_english() {
    let doc = SelfEvaluation::from_json(include_str!("../examples/guangzhou-ftu-2021.json")).unwrap();
    let s = selfcheck::cli::summary("x.json", &doc, &evaluate(&doc), Lang::En);
    let r = selfcheck::core::check::rubric::preset("guangzhou-dept").unwrap();
    assert!(s.contains(&format!("  {} ({})", r.name_en, r.source)), "the name in English, the source as it is: {s}");
    assert!(!s.contains(&r.name), "{s}");
}
