//! PDF through the app's own web engine: the standalone export page is loaded
//! into an off-screen WebKitGTK view (scripts off, nothing shown) and printed
//! with WebKit's print operation to GTK's "Print to File" printer, on the
//! paper asked for, with the export's margins. The core then stamps page
//! numbers on it (`deployplan::export::pdf`). No browser is needed: WebKitGTK
//! is what the app runs on, and the `.deb` depends on it.
//!
//! GTK work must happen on its main thread: [`start`] runs there (the app's
//! event loop, or [`print_headless`]'s own loop), and [`print_on_main_thread`]
//! waits for it from a worker thread.

use deployplan::export::Paper;
use deployplan::progress::Progress;
use deployplan::{Error, Result};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long one print may take.
const TIMEOUT: Duration = Duration::from_secs(120);

/// The GTK paper name and the page margins (top, right, bottom, left) in mm:
/// the same as the page's `@page` rule, with room at the bottom for the number.
pub fn paper_setup(paper: Paper) -> (&'static str, [f64; 4]) {
    let name = match paper {
        Paper::A4 => "iso_a4",
        Paper::Letter => "na_letter",
    };
    (name, [18.0, 16.0, 20.0, 16.0])
}

/// A file in the temporary folder for one printed PDF, removed when dropped.
struct Output(PathBuf);

impl Output {
    fn new() -> Output {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        Output(std::env::temp_dir().join(format!(
            "deployplan-print-{}-{nanos}.pdf",
            std::process::id()
        )))
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn print_failed(message: impl std::fmt::Display) -> Error {
    Error::Export {
        message: format!("printing to PDF failed: {message}"),
    }
}

/// Reads the printed file once the print operation said it finished.
fn read_printed(path: &Path) -> Result<Vec<u8>> {
    let bytes =
        std::fs::read(path).map_err(|error| print_failed(format!("no PDF written ({error})")))?;
    if !bytes.starts_with(b"%PDF") {
        return Err(print_failed("the printed file is not a PDF"));
    }
    Ok(bytes)
}

/// Starts printing `page` to `out` as PDF; `done` is called with the outcome.
/// Must be called on the GTK main thread.
#[cfg(target_os = "linux")]
pub fn start(
    page: &str,
    paper: Paper,
    out: &Path,
    done: Box<dyn FnOnce(std::result::Result<(), String>)>,
) {
    use gtk::prelude::*;
    use std::cell::RefCell;
    use std::rc::Rc;
    use webkit2gtk::{LoadEvent, PrintOperationExt, SettingsExt, WebViewExt};

    let window = gtk::OffscreenWindow::new();
    let view = webkit2gtk::WebView::new();
    if let Some(settings) = WebViewExt::settings(&view) {
        // The page has no script (its CSP forbids them too); the engine runs none.
        settings.set_enable_javascript(false);
        settings.set_hardware_acceleration_policy(webkit2gtk::HardwareAccelerationPolicy::Never);
    }
    window.set_default_size(800, 1100);
    window.add(&view);
    window.show_all();

    let done = Rc::new(RefCell::new(Some(done)));
    let uri = format!("file://{}", out.display());
    let started = Rc::new(RefCell::new(false));
    let keep = window.clone();
    view.connect_load_changed(move |view, event| {
        if event != LoadEvent::Finished || started.replace(true) {
            return;
        }
        let (paper_name, [top, right, bottom, left]) = paper_setup(paper);
        let size = gtk::PaperSize::new(Some(paper_name));
        let setup = gtk::PageSetup::new();
        setup.set_paper_size(&size);
        setup.set_top_margin(top, gtk::Unit::Mm);
        setup.set_right_margin(right, gtk::Unit::Mm);
        setup.set_bottom_margin(bottom, gtk::Unit::Mm);
        setup.set_left_margin(left, gtk::Unit::Mm);
        let settings = gtk::PrintSettings::new();
        settings.set_printer("Print to File");
        settings.set_paper_size(&size);
        settings.set("output-file-format", Some("pdf"));
        settings.set("output-uri", Some(&uri));
        let operation = webkit2gtk::PrintOperation::new(view);
        operation.set_page_setup(&setup);
        operation.set_print_settings(&settings);
        let finished = Rc::clone(&done);
        let window = keep.clone();
        operation.connect_finished(move |_| {
            if let Some(done) = finished.borrow_mut().take() {
                done(Ok(()));
            }
            // SAFETY: the window is ours alone and nothing uses it after this.
            unsafe { window.destroy() };
        });
        let failed = Rc::clone(&done);
        operation.connect_failed(move |_, error| {
            if let Some(done) = failed.borrow_mut().take() {
                done(Err(error.to_string()));
            }
        });
        operation.print();
    });
    view.load_html(page, Some("about:blank"));
}

/// Prints `page` to PDF on the app's main thread and waits for it here (a
/// worker thread). Cancelling `progress` stops the wait at once.
///
/// Errors: [`Error::Export`] when printing fails or takes too long;
/// [`Error::Cancelled`].
pub fn print_on_main_thread<R: tauri::Runtime>(
    app: &tauri::AppHandle<R>,
    page: &str,
    paper: Paper,
    progress: &Progress,
) -> Result<Vec<u8>> {
    let output = Output::new();
    let (sender, receiver) = std::sync::mpsc::channel();
    #[cfg(target_os = "linux")]
    {
        let page = page.to_string();
        let out = output.0.clone();
        app.run_on_main_thread(move || {
            start(
                &page,
                paper,
                &out,
                Box::new(move |outcome| {
                    let _ = sender.send(outcome);
                }),
            )
        })
        .map_err(print_failed)?;
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = (app, page, paper, sender);
        return Err(print_failed("printing is only built for Linux"));
    }
    let started = Instant::now();
    loop {
        progress.check(deployplan::export::CANCELLED_WHAT)?;
        match receiver.recv_timeout(Duration::from_millis(50)) {
            Ok(Ok(())) => return read_printed(&output.0),
            Ok(Err(message)) => return Err(print_failed(message)),
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) if started.elapsed() < TIMEOUT => {}
            Err(_) => return Err(print_failed("the web engine did not finish")),
        }
    }
}

/// Prints `page` to PDF with no app running: GTK is started here and its
/// loop runs until the print finished (the `--export` command line).
///
/// Errors: [`Error::Export`] when there is no display or printing fails.
#[cfg(target_os = "linux")]
pub fn print_headless(page: &str, paper: Paper) -> Result<Vec<u8>> {
    gtk::init()
        .map_err(|error| print_failed(format!("no display for the web engine ({error})")))?;
    let output = Output::new();
    let outcome = std::rc::Rc::new(std::cell::RefCell::new(None));
    let main_loop = gtk::glib::MainLoop::new(None, false);
    let (store, quit) = (std::rc::Rc::clone(&outcome), main_loop.clone());
    start(
        page,
        paper,
        &output.0,
        Box::new(move |result| {
            *store.borrow_mut() = Some(result);
            quit.quit();
        }),
    );
    let stop = main_loop.clone();
    gtk::glib::timeout_add_local_once(TIMEOUT, move || stop.quit());
    main_loop.run();
    let result = outcome.borrow_mut().take();
    match result {
        Some(Ok(())) => read_printed(&output.0),
        Some(Err(message)) => Err(print_failed(message)),
        None => Err(print_failed("the web engine did not finish")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_paper_has_its_gtk_name_and_room_for_the_page_number() {
        assert_eq!(paper_setup(Paper::A4).0, "iso_a4");
        assert_eq!(paper_setup(Paper::Letter).0, "na_letter");
        let [_, _, bottom, _] = paper_setup(Paper::A4).1;
        assert!(bottom >= 15.0, "the number sits in the bottom margin");
    }
}
