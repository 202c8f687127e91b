//! 暂存的原数据: stored data this build could not read, listed for as long as it exists, each with
//! a download and, once downloaded, a discard. Data that could not even be kept aside (storage
//! full) holds autosave off; discarding it turns autosave back on.

use leptos::prelude::*;

use selfcheck_core::{Lang, Text};

use super::i18n::{pick, tr};
use super::state::{app, Saved};
use super::storage;

/// One piece of data kept aside.
#[derive(Clone, Debug, PartialEq)]
pub struct Aside {
    /// Its storage key; `None` when it could not be kept aside (it is still the stored drafts).
    pub key: Option<String>,
    /// The file name it downloads as.
    pub file: String,
    /// The data exactly as stored.
    pub text: std::rc::Rc<String>,
    /// Why it cannot be read.
    pub reason: Text,
    /// Downloaded in this session (discard is offered from then on).
    pub downloaded: bool,
}

/// The list, from context.
#[derive(Clone, Copy)]
pub struct AsideList(pub RwSignal<Vec<Aside>, LocalStorage>);

/// Builds the list at start: what storage holds aside, then what could not be kept aside.
pub fn provide(stuck: Vec<(String, String, Text)>) {
    let mut v: Vec<Aside> = storage::aside_items()
        .into_iter()
        .map(|(key, text)| Aside {
            file: format!("{}.json", key.replace('/', "-")),
            key: Some(key),
            text: std::rc::Rc::new(text),
            reason: Text::new("本工具无法读取的草稿数据", "draft data this build cannot read"),
            downloaded: false,
        })
        .collect();
    v.extend(stuck.into_iter().map(|(file, text, reason)| Aside {
        key: None,
        file,
        text: std::rc::Rc::new(text),
        reason,
        downloaded: false,
    }));
    provide_context(AsideList(RwSignal::new_local(v)));
}

fn size_of(n: usize, l: Lang) -> String {
    let kb = n.div_ceil(1024);
    if kb >= 1024 {
        format!("{}.{} MB", kb / 1024, (kb % 1024) * 10 / 1024)
    } else {
        match l {
            Lang::Zh => format!("{kb} KB"),
            Lang::En => format!("{kb} KB"),
        }
    }
}

/// The panel (shown only when something is kept aside).
#[component]
pub fn KeptAside() -> impl IntoView {
    let a = app();
    let l = a.lang;
    let list = expect_context::<AsideList>().0;
    let discard = move |n: usize| {
        let Some(item) = list.with_untracked(|v| v.get(n).cloned()) else { return };
        match &item.key {
            Some(k) => {
                let _ = storage::remove(k);
            }
            None => {
                storage::set_not_saved(None);
                storage::replace_stored();
                a.saved.set(Saved::Idle);
                storage::save_now(a);
            }
        }
        list.update(|v| {
            v.remove(n);
        });
    };
    view! {
        <Show when=move || list.with(|v| !v.is_empty())>
            <section class="aside-panel no-print" id="kept-aside" aria-labelledby="h-aside">
                <h2 id="h-aside">{tr("暂存的原数据", "Data kept aside")}</h2>
                <p class="hint">{move || pick(l.get(),
                    "以下是本工具无法读取的已存数据，原样保留，未被覆盖。请下载后交技术人员处理；下载后可丢弃。",
                    "Stored data this build cannot read, kept exactly as it was. Download it for someone who can repair it; once downloaded it can be discarded.")}</p>
                <ul>
                    {move || list.with(|v| v.iter().enumerate().map(|(n, it)| {
                        let it2 = it.clone();
                        let reason = it.reason.clone();
                        let stuck = it.key.is_none();
                        let size = it.text.len();
                        let downloaded = it.downloaded;
                        view! {
                            <li class:stuck=stuck>
                                <span class="what">
                                    {move || reason.get(l.get()).to_string()}
                                    " · "{move || size_of(size, l.get())}
                                    {stuck.then(|| view! { <strong>{move || pick(l.get(), " · 未能另存：丢弃前修改不会保存", " · not kept aside: changes are not saved until it is discarded")}</strong> })}
                                </span>
                                <button type="button" on:click=move |_| {
                                    super::import_export::download_or_say(a, ("原数据", "The data"), super::import_export::download(&it2.file, "application/json", &it2.text));
                                    list.update(|v| if let Some(x) = v.get_mut(n) { x.downloaded = true });
                                }>{tr("下载原数据", "Download the data")}</button>
                                <button type="button" class="danger" disabled=!downloaded on:click=move |_| discard(n)
                                    title=move || pick(l.get(), "先下载，再丢弃", "Download it first, then discard it")>
                                    {tr("丢弃", "Discard")}
                                </button>
                            </li>
                        }
                    }).collect_view())}
                </ul>
            </section>
        </Show>
    }
}
