//! An empty Tauri window: the baseline of the start-up benchmark
//! (`scripts/bench_startup.mjs`, BENCHMARKS.md "Start-up"). The same Tauri,
//! the same window size, one button and nothing else: no menu, no commands,
//! no UI bundle loaded.

const PAGE: &str = "<!doctype html><html><head><meta charset=\"utf-8\"><title>Empty</title></head>\
<body><button id=\"ready\" type=\"button\">Ready</button></body></html>";

fn main() {
    let mut context = tauri::generate_context!();
    // Not the app's window (it would load the app's UI): one made below.
    context.config_mut().app.windows.clear();
    let result = tauri::Builder::default()
        .register_uri_scheme_protocol("empty", |_context, _request| {
            tauri::http::Response::builder()
                .header("Content-Type", "text/html; charset=utf-8")
                .body(PAGE.as_bytes().to_vec())
                .expect("a static response")
        })
        .setup(|app| {
            let url = "empty://localhost/".parse().expect("a valid URL");
            tauri::WebviewWindowBuilder::new(app, "main", tauri::WebviewUrl::CustomProtocol(url))
                .title("Empty")
                .inner_size(1280.0, 800.0)
                .build()?;
            Ok(())
        })
        .run(context);
    if let Err(error) = result {
        eprintln!("empty_window: {error}");
        std::process::exit(1);
    }
}
