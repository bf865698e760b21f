//! The few browser facilities the console uses: storage, clock, zone, clipboard.

use std::cell::RefCell;

use js_sys::{Array, Date, Intl, Object, Reflect};
use oms_core::checkpoint::{LocalDateTime, Zone, ZoneRules};
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen]
extern "C" {
    /// `Intl.DateTimeFormat(locales, options)`: throws a `RangeError` for an
    /// unknown `timeZone`.
    #[wasm_bindgen(catch, js_namespace = Intl, js_name = DateTimeFormat)]
    fn date_time_format(
        locales: &JsValue,
        options: &Object,
    ) -> Result<Intl::DateTimeFormat, JsValue>;
}

thread_local! {
    /// Whether a pointer is pressed, and what waits for its release.
    static POINTER: RefCell<Pointer> = RefCell::default();
}

#[derive(Default)]
struct Pointer {
    pressed: bool,
    on_release: Vec<Box<dyn FnOnce()>>,
}

/// Follows the pointer's presses for [`after_pointer_release`]; called once,
/// at start.
pub fn track_pointer() {
    use leptos::prelude::window_event_listener;
    let _ = window_event_listener(leptos::ev::pointerdown, |_| {
        POINTER.with(|p| p.borrow_mut().pressed = true);
    });
    let released = || {
        let waiting = POINTER.with(|p| {
            let mut p = p.borrow_mut();
            p.pressed = false;
            std::mem::take(&mut p.on_release)
        });
        if !waiting.is_empty() {
            gloo_timers::callback::Timeout::new(0, move || waiting.into_iter().for_each(|f| f()))
                .forget();
        }
    };
    let _ = window_event_listener(leptos::ev::pointerup, move |_| released());
    let _ = window_event_listener(leptos::ev::pointercancel, move |_| released());
    // A press whose release the page never sees (the window left while
    // pressed) ends with the window's focus.
    let _ = window_event_listener(leptos::ev::blur, move |_| released());
}

/// Runs `f` at once, or, while a pointer is pressed, just after the click
/// its release makes: a change of layout `f` makes (a field leaving when it
/// loses the focus) cannot move what the pointer presses from under it, and
/// swallow the click.
pub fn after_pointer_release(f: impl FnOnce() + 'static) {
    let f = POINTER.with(|p| {
        let mut p = p.borrow_mut();
        if p.pressed {
            p.on_release.push(Box::new(f));
            None
        } else {
            Some(f)
        }
    });
    if let Some(f) = f {
        f();
    }
}

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// `localStorage`, when the browser allows it.
fn storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok().flatten()
}

/// Reads a stored string.
pub fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Stores a string; false when storage is full or unavailable.
pub fn save(key: &str, value: &str) -> bool {
    storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

/// Removes a stored string.
pub fn remove(key: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(key);
    }
}

/// The keys of the stored strings whose key starts with `prefix`.
pub fn keys_starting_with(prefix: &str) -> Vec<String> {
    let Some(storage) = storage() else {
        return Vec::new();
    };
    (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with(prefix))
        .collect()
}

/// A random number (below 2³²), to tell apart what two tabs make in the
/// same millisecond.
pub fn nonce() -> u32 {
    (js_sys::Math::random() * f64::from(u32::MAX)) as u32
}

/// Now, in epoch milliseconds.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Now, in epoch seconds.
pub fn now_secs() -> i64 {
    (now_ms() / 1000.0).floor() as i64
}

/// The browser's own time zone name, e.g. `Asia/Shanghai`.
pub fn time_zone() -> Option<String> {
    let format = Intl::DateTimeFormat::new(&Array::new(), &Object::new());
    let options = format.resolved_options();
    js_sys::Reflect::get(&options, &JsValue::from_str("timeZone"))
        .ok()?
        .as_string()
}

/// The browser's time zone database (`Intl`), as the rules of named zones.
pub struct IntlZones;

thread_local! {
    /// The last zone's formatter: building one is the costly part.
    static FORMATTER: RefCell<Option<(String, Intl::DateTimeFormat)>> = const { RefCell::new(None) };
}

/// A formatter giving the numeric wall-clock fields of an instant in `zone`.
fn wall_clock_format(zone: &str) -> Option<Intl::DateTimeFormat> {
    FORMATTER.with_borrow_mut(|cached| {
        if let Some((_, format)) = cached.as_ref().filter(|(name, _)| name == zone) {
            return Some(format.clone());
        }
        let options = Object::new();
        for (key, value) in [
            ("timeZone", zone),
            ("hourCycle", "h23"),
            ("year", "numeric"),
            ("month", "numeric"),
            ("day", "numeric"),
            ("hour", "numeric"),
            ("minute", "numeric"),
            ("second", "numeric"),
        ] {
            Reflect::set(&options, &key.into(), &value.into()).ok()?;
        }
        let format = date_time_format(&JsValue::from_str("en-US"), &options).ok()?;
        *cached = Some((zone.to_owned(), format.clone()));
        Some(format)
    })
}

impl ZoneRules for IntlZones {
    fn offset_at(&self, zone: &str, epoch: i64) -> Option<i32> {
        let format = wall_clock_format(zone)?;
        let parts = format.format_to_parts(&Date::new(&JsValue::from_f64(epoch as f64 * 1000.0)));
        // year, month, day, hour, minute, second: read in one pass over the parts.
        const FIELDS: [&str; 6] = ["year", "month", "day", "hour", "minute", "second"];
        let mut values = [None::<u32>; 6];
        for part in parts.iter() {
            let text = |key: &str| Reflect::get(&part, &key.into()).ok()?.as_string();
            if let Some(slot) = text("type").and_then(|kind| FIELDS.iter().position(|f| *f == kind))
            {
                values[slot] = text("value").and_then(|v| v.parse().ok());
            }
        }
        let [
            Some(year),
            Some(month),
            Some(day),
            Some(hour),
            Some(minute),
            Some(second),
        ] = values
        else {
            return None;
        };
        let wall = LocalDateTime {
            year: i32::try_from(year).ok()?,
            month,
            day,
            hour,
            minute,
            second,
        };
        i32::try_from(wall.wall_seconds() - epoch).ok()
    }
}

/// Marks a moment on the page's performance timeline (read by `cargo xtask bench`).
pub fn mark(name: &str) {
    if let Some(performance) = window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// The browser's preferred language tag, e.g. `zh-CN`.
pub fn language() -> String {
    window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default()
}

/// The page's origin, e.g. `http://127.0.0.1:8080`.
pub fn origin() -> String {
    window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// `url` (a base URL or a request's URL) made absolute: an empty or
/// path-only one is on this origin (for display and curl).
pub fn absolute_url(url: &str) -> String {
    if url.starts_with("http://") || url.starts_with("https://") {
        url.to_owned()
    } else {
        format!("{}{}", origin(), url)
    }
}

/// The current hash, e.g. `#/stop`.
pub fn hash() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Replaces the location's hash without adding a history entry.
pub fn replace_hash(hash: &str) {
    if let Some(history) = window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(hash));
    }
}

/// The page's address without its hash.
pub fn page_url() -> String {
    window()
        .and_then(|w| w.location().href().ok())
        .map(|href| href.split('#').next().unwrap_or_default().to_owned())
        .unwrap_or_default()
}

/// A local date and time for epoch milliseconds, with the browser's offset
/// from UTC then, e.g. `2026-11-23 19:45:02 UTC+08:00` (`… UTC` at none).
pub fn local_time(ms: f64) -> String {
    let d = Date::new(&JsValue::from_f64(ms));
    let offset = match -(d.get_timezone_offset() as i32) * 60 {
        0 => Zone::Utc,
        seconds => Zone::Fixed(seconds),
    };
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}:{:02} {}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes(),
        d.get_seconds(),
        offset.label()
    )
}

/// Offers `text` as a file download named `name`.
pub fn download(name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(document) = window().and_then(|w| w.document())
        && let Ok(anchor) = document.create_element("a")
    {
        let _ = anchor.set_attribute("href", &url);
        let _ = anchor.set_attribute("download", name);
        if let Some(anchor) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&anchor) {
            anchor.click();
        }
    }
    gloo_timers::callback::Timeout::new(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
}

/// Puts a banner at the top of the page saying the console stopped, with a
/// link that reloads it (plain HTML: no code of ours runs after a panic).
pub fn show_crash_banner(message: &str, reload: &str) {
    let Some(document) = window().and_then(|w| w.document()) else {
        return;
    };
    let (Some(body), Ok(banner), Ok(text), Ok(link)) = (
        document.body(),
        document.create_element("div"),
        document.create_element("p"),
        document.create_element("a"),
    ) else {
        return;
    };
    let _ = banner.set_attribute("class", "crash");
    let _ = banner.set_attribute("role", "alert");
    let _ = banner.set_attribute("data-crashed", "");
    text.set_text_content(Some(message));
    link.set_text_content(Some(reload));
    let target = format!(
        "{}?reload={}{}",
        page_url().split('?').next().unwrap_or_default(),
        now_ms() as u64,
        hash().split('?').next().unwrap_or_default()
    );
    let _ = link.set_attribute("href", &target);
    let _ = link.set_attribute("class", "button");
    let _ = banner.append_child(&text);
    let _ = banner.append_child(&link);
    let _ = body.insert_before(&banner, body.first_child().as_ref());
    set_body_attribute("data-ready", None);
}

/// Sets an attribute on `<body>` (or removes it when `None`).
pub fn set_body_attribute(name: &str, value: Option<&str>) {
    if let Some(body) = window().and_then(|w| w.document()).and_then(|d| d.body()) {
        let _ = match value {
            Some(value) => body.set_attribute(name, value),
            None => body.remove_attribute(name),
        };
    }
}

/// Sets an attribute on `<html>`.
pub fn set_root_attribute(name: &str, value: &str) {
    if let Some(root) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute(name, value);
    }
}

/// Copies text to the clipboard; resolves to false when the browser refuses.
pub async fn copy(text: &str) -> bool {
    let Some(window) = window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Moves the keyboard focus to the first field of the page shown (in
/// `main`), past the header and the navigation: where the skip link leads.
pub fn focus_first_field() {
    let field = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector("main input, main select, main textarea, main button")
                .ok()
                .flatten()
        })
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
    if let Some(field) = field {
        let _ = field.focus();
    }
}
