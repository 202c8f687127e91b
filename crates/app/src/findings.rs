//! 自查结果: the status line and every finding, grouped by severity, each with its message, the
//! rule and its source. Following a finding moves focus to the field it concerns. The findings of
//! 核对报告文字 (paths `report.text…`) are listed with the others and lead to the figure's row.

use leptos::prelude::*;

use selfcheck_core::check::finding::Severity;
use selfcheck_core::{status_with_todo, Lang, Text};

use super::i18n::{pick, tr};
use super::state::{app, is_todo};

/// Findings shown per group before "show all" (keeps each keystroke cheap on huge drafts).
const SHOWN: usize = 100;

/// Warnings and notes of one rule that occur this often are listed as one expandable item, so
/// that nineteen "no target" notes do not bury the two warnings a reviewer will ask about.
/// Errors are never folded: each one must be fixed.
const FOLD_AT: usize = 5;

#[derive(Clone, PartialEq)]
struct Item {
    key: String,
    /// (path, message) of each finding the item stands for; one unless folded.
    members: Vec<(String, Text)>,
    /// The correction offered (改为 …), for an item that stands for one finding.
    fix: Option<selfcheck_core::check::finding::Fix>,
    title: Text,
    source: String,
    rule: String,
}

fn text_hash(members: &[(String, Text)]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for (p, m) in members {
        p.hash(&mut h);
        m.zh.hash(&mut h);
        m.en.hash(&mut h);
    }
    h.finish()
}

/// The status: 可以提交 / 尚有 N 个错误 / M 个提醒, with its tone.
pub fn status_memo() -> Memo<(Text, &'static str)> {
    let a = app();
    Memo::new(move |_| {
        let full = a.full_check.get();
        a.ev.with(|e| {
            a.crosscheck.with(|c| {
                a.touched.with(|t| {
                    let (mut errors, mut warnings, _) = e.counts();
                    let todo = e.findings.iter().filter(|f| is_todo(f, t, full)).count();
                    errors -= todo;
                    let (ce, cw, _) = selfcheck_core::check::finding::counts(&c.findings);
                    errors += ce;
                    warnings += cw;
                    let tone = if errors > 0 {
                        "error"
                    } else if todo > 0 {
                        "todo"
                    } else if warnings > 0 {
                        "warning"
                    } else {
                        "ok"
                    };
                    (status_with_todo(errors, warnings, todo), tone)
                })
            })
        })
    })
}

/// One group of the list. `todo`: the blank required fields not reached yet (see
/// [`is_todo`]), listed neutrally as 待填写; the error group then leaves them out.
#[component]
fn Group(sev: Severity, #[prop(optional)] todo: bool) -> impl IntoView {
    let a = app();
    let l = a.lang;
    let all = RwSignal::new(false);
    let items = Memo::new(move |_| {
        let limit = if all.get() { usize::MAX } else { SHOWN };
        let full = a.full_check.get();
        a.ev.with(|e| {
            a.crosscheck.with(|c| {
                let of_sev: Vec<_> = a.touched.with(|t| {
                    e.findings.iter().chain(c.findings.iter()).filter(|f| f.severity == sev && is_todo(f, t, full) == todo).collect()
                });
                let total = of_sev.len();
                let mut per_rule = std::collections::HashMap::<&str, usize>::new();
                if sev != Severity::Error {
                    for f in &of_sev {
                        *per_rule.entry(f.rule.as_str()).or_insert(0) += 1;
                    }
                }
                let mut seen = std::collections::HashMap::<(String, String), usize>::new();
                let mut folded = std::collections::HashMap::<String, usize>::new();
                let mut v: Vec<Item> = Vec::new();
                for f in of_sev {
                    let member = (f.path.clone(), f.message.both().clone());
                    if per_rule.get(f.rule.as_str()).is_some_and(|n| *n >= FOLD_AT) {
                        match folded.get(&f.rule) {
                            Some(&at) => v[at].members.push(member),
                            None => {
                                folded.insert(f.rule.clone(), v.len());
                                v.push(Item {
                                    key: format!("fold|{}|{}", f.rule, per_rule[f.rule.as_str()]),
                                    members: vec![member],
                                    fix: None,
                                    title: f.rule_title.both().clone(),
                                    source: f.source.clone(),
                                    rule: f.rule.clone(),
                                });
                            }
                        }
                        continue;
                    }
                    if v.len() >= limit {
                        continue;
                    }
                    let n = seen.entry((f.rule.clone(), f.path.clone())).or_insert(0);
                    *n += 1;
                    v.push(Item {
                        key: format!("{}|{}|{}", f.rule, f.path, n),
                        members: vec![member],
                        fix: f.fix.clone(),
                        title: f.rule_title.both().clone(),
                        source: f.source.clone(),
                        rule: f.rule.clone(),
                    });
                }
                // The key carries the messages: a finding whose text changed while it stayed (a
                // stated rate typed key by key) is drawn afresh, never left showing its old text.
                for it in &mut v {
                    it.key = format!("{}|{:x}", it.key, text_hash(&it.members));
                }
                (v, total)
            })
        })
    });
    let heading = move || {
        let n = items.with(|i| i.1);
        if todo {
            return match l.get() {
                Lang::Zh => format!("待填写（{n}）：尚未填写的必填项"),
                Lang::En => format!("To fill in ({n}): required fields still blank"),
            };
        }
        match (sev, l.get()) {
            (Severity::Error, Lang::Zh) => format!("错误（{n}）：提交前必须改正"),
            (Severity::Warning, Lang::Zh) => format!("提醒（{n}）：审核时会被问到"),
            (Severity::Info, Lang::Zh) => format!("提示（{n}）"),
            (Severity::Error, Lang::En) => format!("Errors ({n}): fix before submitting"),
            (Severity::Warning, Lang::En) => format!("Warnings ({n}): a reviewer will ask"),
            (Severity::Info, Lang::En) => format!("Notes ({n})"),
        }
    };
    view! {
        <Show when=move || items.with(|i| i.1 > 0)>
            <div class=format!("finding-group {}", if todo { "todo" } else { sev.id() })>
                <h3>{heading}</h3>
                <ol>
                    <For each=move || items.with(|i| i.0.clone()) key=|i| i.key.clone() children=move |it: Item| {
                        let title = it.title.clone();
                        let rule_line = view! {
                            <div class="rule">
                                <span>{tr("规则：", "Rule: ")}{move || title.get(l.get()).to_string()}</span>
                                " · "<span>{tr("依据：", "Source: ")}{it.source.clone()}</span>
                                " · "<code>{it.rule.clone()}</code>
                            </div>
                        };
                        let button = move |(path, message): (String, Text)| view! {
                            <button type="button" class="finding" on:click=move |_| {
                                if !super::crosscheck::reveal(a, &path) {
                                    a.reveal(&path)
                                }
                            }>
                                <span class="msg">{move || message.get(l.get()).to_string()}</span>
                            </button>
                        };
                        if it.members.len() == 1 {
                            let only = it.members.into_iter().next().unwrap_or_default();
                            let fix = it.fix.clone().map(|f| {
                                let text = f.label();
                                view! { <button type="button" class="fix" on:click=move |_| a.apply_fix(&f)>{move || text.get(l.get()).to_string()}</button> }
                            });
                            view! { <li>{button(only)}{fix}{rule_line}</li> }.into_any()
                        } else {
                            let n = it.members.len();
                            let summary = it.title.clone();
                            view! {
                                <li class="folded">
                                    <details>
                                        <summary>
                                            <span class="msg">{move || match l.get() {
                                                Lang::Zh => format!("{}：共 {n} 处（展开逐条查看）", summary.zh),
                                                Lang::En => format!("{}: {n} places (expand to see each)", summary.en),
                                            }}</span>
                                        </summary>
                                        <ol>{it.members.into_iter().map(|m| view! { <li>{button(m)}</li> }).collect_view()}</ol>
                                    </details>
                                    {rule_line}
                                </li>
                            }.into_any()
                        }
                    } />
                </ol>
                <Show when=move || items.with(|i| i.1 > i.0.iter().map(|x| x.members.len()).sum::<usize>())>
                    <button type="button" on:click=move |_| all.set(true)>
                        {move || items.with(|i| match l.get() {
                            Lang::Zh => format!("显示全部 {} 条", i.1),
                            Lang::En => format!("Show all {}", i.1),
                        })}
                    </button>
                </Show>
            </div>
        </Show>
    }
}

/// The section.
#[component]
pub fn Findings() -> impl IntoView {
    let a = app();
    let l = a.lang;
    let st = status_memo();
    view! {
        <section id="sec-findings" aria-labelledby="h-findings">
            <h2 id="h-findings">{tr("自查结果", "Check results")}</h2>
            <p class=move || format!("status-line {}", st.with(|s| s.1)) id="status-line">
                {move || st.with(|s| s.0.get(l.get()).to_string())}
            </p>
            <p class="hint">{move || pick(l.get(), "点击一条结果，光标会移到对应的填写位置。", "Click a result to move to the field it concerns.")}</p>
            <Group sev=Severity::Error todo=true />
            <Group sev=Severity::Error />
            <Group sev=Severity::Warning />
            <Group sev=Severity::Info />
            <Show when=move || !a.full_check.get()>
                <p class="full-check">
                    <button type="button" id="full-check" on:click=move |_| a.full_check.set(true)>{tr("全面检查", "Full check")}</button>
                    " "{move || pick(l.get(), "未填写的必填项先列为“待填写”；提交前请做全面检查，它们将作为错误列出。", "Blank required fields are listed as to fill in; before submitting, run the full check and they count as errors.")}
                </p>
            </Show>
        </section>
    }
}
