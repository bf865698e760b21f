//! `#/migrate`: move a connector to another node, then adopt its new name.

use leptos::prelude::*;
use oms_core::request::{InvalidIp, Operation, OperationKind, parse_ip};

use crate::components::clear_undo::{emptied, together};
use crate::components::operation_form::{Confirm, OperationForm};
use crate::console;
use crate::i18n::fill;
use crate::pages::{PageIntro, task_name_or_error};
use crate::transport::Sent;

/// The migrate page.
#[component]
pub fn MigratePage() -> impl IntoView {
    let c = console();
    let t = c.t;
    let d = c.drafts;
    let name = task_name_or_error();
    let ip = Memo::new(move |_| {
        parse_ip(&d.ip.get()).map_err(|InvalidIp(text, within)| match within {
            Some(address) => fill(t.ip_address_alone, &[&text, &address.to_string()]),
            None => fill(t.ip_invalid, &[&text]),
        })
    });
    let operation = Memo::new(move |_| match (name.get(), ip.get()) {
        (Ok(task_name), Ok(ip)) => Ok(Operation::Migrate { task_name, ip }),
        (name, ip) => Err(name.err().into_iter().chain(ip.err()).collect()),
    });
    let expected = move || match (name.get(), ip.get()) {
        (Ok(name), Ok(ip)) => name.migrated(ip),
        _ => None,
    };
    let message = Signal::derive(move || {
        let current = name.get().map(|n| n.to_string()).unwrap_or_default();
        let next = expected().unwrap_or_else(|| t.unknown.to_owned());
        fill(t.confirm_migrate, &[&current, &next])
    });
    let new_name = RwSignal::new(None::<String>);
    // The name the answer gives, compared with the one sent (the field may
    // have been edited while the request was in flight). An answer kept
    // from an earlier visit offers it only while the field holds another.
    let on_success = Callback::new(move |(operation, sent, kept): (Operation, Sent, bool)| {
        let sent_name = operation.task_name().to_string();
        let adopted = |r: &str| kept && d.task_name.with_untracked(|f| f.trim() == r);
        new_name.set(
            sent.outcome
                .result_text()
                .filter(|r| *r != sent_name && !adopted(r))
                .map(str::to_owned),
        );
    });
    let clear = Callback::new(move |()| {
        new_name.set(None);
        together(vec![
            emptied(d.task_name, String::new()),
            emptied(d.ip, String::new()),
        ])
    });
    view! {
        <PageIntro title=t.op_migrate help=t.migrate_help />
        <OperationForm kind=OperationKind::Migrate operation=operation confirm=Confirm::Typed confirm_message=message on_success=on_success on_clear=clear>
            <div class="field">
                <label for="ip"><code>ip</code> " " {t.ip_label}</label>
                <input id="ip" name="ip" type="text" autocomplete="off" spellcheck="false" placeholder="10.186.16.127"
                    prop:value=move || d.ip.get()
                    on:input=move |ev| d.ip.set(event_target_value(&ev)) />
                <p class="hint">{t.ip_help}</p>
                {move || ip.get().err().map(|e| view! { <p class="error">{e}</p> })}
                {move || expected().map(|n| view! {
                    <p class="hint">{t.migrate_expected} " " <code data-expected-name="">{n}</code></p>
                })}
            </div>
        </OperationForm>
        {move || new_name.get().map(|n| {
            let adopt = n.clone();
            view! {
                <div class="adopt" role="status">
                    <p>{t.migrate_new_name} " " <code data-new-task-name="">{n}</code></p>
                    <button type="button" on:click=move |_| {
                        d.task_name.set(adopt.clone());
                        new_name.set(None);
                    }>{t.use_new_name}</button>
                </div>
            }
        })}
    }
}
