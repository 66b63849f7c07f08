//! The IPC boundary under attack: every command called through `tauri::test`
//! with hostile arguments, commands refused by the ACL (wrong window, remote
//! origin, ungranted plugin command, unknown command), and the shell's
//! security configuration pinned (capabilities, CSP, features). See SECURITY.md.

use crate::{build, Session};
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::path::Path;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{
    get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY,
};
use tauri::webview::InvokeRequest;
use tauri::{Manager, WebviewWindow};

const CRATE: &str = env!("CARGO_MANIFEST_DIR");

/// The core permissions the UI needs: listening for (and no longer listening
/// for) drag-and-drop events in `listenForDrops`. Nothing else of Tauri's core.
const MINIMAL_CORE: &[&str] = &["core:event:allow-listen", "core:event:allow-unlisten"];

fn invoke_from(
    webview: &WebviewWindow<MockRuntime>,
    url: &str,
    command: &str,
    body: Value,
) -> Result<Value, Value> {
    get_ipc_response(
        webview,
        InvokeRequest {
            cmd: command.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: url.parse().expect("a url"),
            body: InvokeBody::Json(body),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|response| response.deserialize::<Value>().expect("JSON"))
}

pub(crate) fn invoke(
    webview: &WebviewWindow<MockRuntime>,
    command: &str,
    body: Value,
) -> Result<Value, Value> {
    invoke_from(webview, "tauri://localhost", command, body)
}

/// The app on the mock runtime with no ACL (as in lib.rs's tests): what the
/// commands themselves refuse.
pub(crate) fn unchecked_app(
    config: &Path,
) -> (tauri::App<MockRuntime>, WebviewWindow<MockRuntime>) {
    let session = Session::new(None, config.join("recent.json"));
    let app = build(mock_builder(), session)
        .build(mock_context(noop_assets()))
        .expect("the app builds");
    let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("a window");
    (app, webview)
}

fn small_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("project_docs");
    std::fs::create_dir_all(&docs).unwrap();
    std::fs::write(
        docs.join("technicalSpecification.md"),
        "# Technical Specification\n\n## Tech Stack\n\nCI/CD: GitHub Actions.\n",
    )
    .unwrap();
    dir
}

/// A refusal with one of our codes.
fn assert_code(result: Result<Value, Value>, code: &str, what: &str) {
    match result {
        Ok(value) => panic!("{what}: accepted, answered {value}"),
        Err(error) => {
            assert_eq!(error["code"], code, "{what}: {error}");
            assert!(
                error["message"].as_str().is_some_and(|m| !m.is_empty()),
                "{what}: no message in {error}"
            );
        }
    }
}

/// A refusal by Tauri's argument checking: a plain message naming the bad
/// argument (the UI's `toIpcError` turns it into code `ipc_failed`).
fn assert_bad_arguments(result: Result<Value, Value>, what: &str) {
    match result {
        Ok(value) => panic!("{what}: accepted, answered {value}"),
        Err(error) => {
            let message = error.as_str().unwrap_or_default();
            assert!(
                message.contains("invalid args") || message.contains("missing required key"),
                "{what}: {error}"
            );
        }
    }
}

fn huge() -> String {
    "../".repeat(400_000)
}

#[test]
fn every_command_refuses_arguments_of_the_wrong_type() {
    let config = tempfile::tempdir().unwrap();
    let (_app, webview) = unchecked_app(config.path());
    let cases: &[(&str, Value)] = &[
        ("open_project", json!({})),
        ("open_project", json!({ "path": 1 })),
        ("open_project", json!({ "path": null })),
        ("open_project", json!({ "path": ["/tmp"] })),
        ("render_preview", json!({})),
        ("render_preview", json!({ "answers": "<script>" })),
        ("render_preview", json!({ "answers": { "values": 5 } })),
        ("save_draft", json!({ "answers": [] })),
        (
            "save_plan",
            json!({ "answers": { "values": { "s0.purpose": 7 } } }),
        ),
        ("document_text", json!({ "path": { "$ne": null } })),
        (
            "set_document_role",
            json!({ "path": "notes.md", "role": "ADMIN" }),
        ),
        (
            "set_document_role",
            json!({ "path": "notes.md", "role": "spec" }),
        ),
        (
            "set_document_role",
            json!({ "path": "notes.md", "role": 3 }),
        ),
        ("set_document_role", json!({ "role": "SPEC" })),
        ("open_external", json!({})),
        ("forget_recent_project", json!({})),
        ("forget_recent_project", json!({ "path": ["/tmp"] })),
        (
            "open_external",
            json!({ "url": { "href": "https://example.com" } }),
        ),
    ];
    for (command, body) in cases {
        assert_bad_arguments(
            invoke(&webview, command, body.clone()),
            &format!("{command} {body}"),
        );
    }
}

#[test]
fn commands_without_arguments_ignore_hostile_extras() {
    let config = tempfile::tempdir().unwrap();
    let (_app, webview) = unchecked_app(config.path());
    let extras = json!({ "path": "../../etc/passwd", "url": "javascript:alert(1)" });
    assert_eq!(
        invoke(&webview, "startup_project", extras.clone()).unwrap(),
        Value::Null
    );
    assert!(invoke(&webview, "wizard_definition", extras.clone()).unwrap()["steps"].is_array());
    assert!(invoke(&webview, "recent_projects", extras.clone())
        .unwrap()
        .is_array());
    assert_eq!(
        invoke(&webview, "clear_recent_projects", extras.clone()).unwrap(),
        Value::Null
    );
    // `pick_folder` takes nothing from the webview either; it is not called
    // here because it opens the native dialog.
}

#[test]
fn open_project_refuses_anything_but_an_absolute_folder() {
    let config = tempfile::tempdir().unwrap();
    let (_app, webview) = unchecked_app(config.path());
    let project = small_project();
    let file = project
        .path()
        .join("project_docs/technicalSpecification.md");
    let cases = [
        ("", "invalid_path"),
        ("../", "invalid_path"),
        ("project_docs", "invalid_path"),
        ("/tmp/a\0b", "invalid_path"),
        ("/no/such/folder", "project_not_found"),
    ];
    for (path, code) in cases {
        assert_code(
            invoke(&webview, "open_project", json!({ "path": path })),
            code,
            &format!("open_project {path:?}"),
        );
    }
    assert_code(
        invoke(&webview, "open_project", json!({ "path": huge() })),
        "invalid_path",
        "open_project huge",
    );
    let error = invoke(
        &webview,
        "open_project",
        json!({ "path": file.display().to_string() }),
    )
    .unwrap_err();
    assert_eq!(error["code"], "not_a_folder", "{error}");
    assert!(error["message"]
        .as_str()
        .unwrap()
        .contains("technicalSpecification.md"));
}

#[test]
fn project_commands_refuse_hostile_paths_and_answers() {
    let config = tempfile::tempdir().unwrap();
    let (_app, webview) = unchecked_app(config.path());
    // Before a project is open, nothing is served.
    for (command, body) in [
        ("document_text", json!({ "path": "../x" })),
        (
            "set_document_role",
            json!({ "path": "../x", "role": "SPEC" }),
        ),
        ("render_preview", json!({ "answers": { "values": {} } })),
        ("save_draft", json!({ "answers": { "values": {} } })),
        ("save_plan", json!({ "answers": { "values": {} } })),
    ] {
        assert_code(invoke(&webview, command, body), "no_project", command);
    }

    let project = small_project();
    let root = project.path().display().to_string();
    let view = invoke(&webview, "open_project", json!({ "path": root })).unwrap();
    let outside = [
        "../etc/passwd".to_string(),
        "/etc/passwd".to_string(),
        "project_docs/../../etc/passwd".to_string(),
        "project_docs/technicalSpecification.md\0".to_string(),
        "..\\..\\etc\\passwd".to_string(),
        format!("{root}/project_docs/technicalSpecification.md"),
        huge(),
    ];
    for path in &outside {
        let short: String = path.chars().take(60).collect();
        let result = invoke(&webview, "document_text", json!({ "path": path }));
        let error = result.expect_err(&short);
        assert!(
            error["code"] == "outside_project" || error["code"] == "not_a_document",
            "document_text {short:?}: {error}"
        );
        assert_code(
            invoke(
                &webview,
                "set_document_role",
                json!({ "path": path, "role": "SPEC" }),
            ),
            "not_a_document",
            &format!("set_document_role {short:?}"),
        );
    }
    for path in ["%2e%2e/etc/passwd", "project_docs", "project_docs/"] {
        let error = invoke(&webview, "document_text", json!({ "path": path })).unwrap_err();
        assert!(
            error["code"] == "outside_project" || error["code"] == "not_a_document",
            "document_text {path:?}: {error}"
        );
    }
    // Nothing was written outside the project by the refused calls.
    assert!(!project.path().join(".deployplan/roles.json").exists());

    // Answers are data, never paths or markup: hostile field ids and values
    // are carried as text, and a megabyte value does not break rendering.
    let mut answers = view["answers"].clone();
    answers["values"]["../../etc/passwd"] = json!({ "value": "x", "origin": "user" });
    answers["values"]["s0.purpose"] = json!({ "value": format!("<script>window.__xss=1</script>{}", "a".repeat(1 << 20)), "origin": "user" });
    let preview = invoke(&webview, "render_preview", json!({ "answers": answers })).unwrap();
    let html: String = preview["parts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|part| part.as_str().unwrap())
        .collect();
    assert!(
        !html.contains("<script"),
        "raw HTML from an answer was rendered"
    );
    assert!(html.contains("&lt;script&gt;window.__xss=1&lt;/script&gt;"));
    invoke(&webview, "save_draft", json!({ "answers": answers })).unwrap();
    assert!(!Path::new("/etc/passwd.draft.json").exists());
}

#[test]
fn open_external_refuses_everything_but_web_and_mail_links() {
    let config = tempfile::tempdir().unwrap();
    let (_app, webview) = unchecked_app(config.path());
    // Valid links are not opened here: that would start a browser.
    for (url, code) in [
        ("javascript:window.__xss=1", "scheme_not_allowed"),
        (
            "data:text/html,<script>alert(1)</script>",
            "scheme_not_allowed",
        ),
        ("file:///etc/passwd", "scheme_not_allowed"),
        ("tauri://localhost/", "scheme_not_allowed"),
        ("../../etc/passwd", "invalid_url"),
        ("/etc/passwd", "invalid_url"),
        ("https://example.com/\0", "invalid_url"),
        ("", "invalid_url"),
    ] {
        assert_code(
            invoke(&webview, "open_external", json!({ "url": url })),
            code,
            url,
        );
    }
    assert_code(
        invoke(
            &webview,
            "open_external",
            json!({ "url": format!("https://{}", huge()) }),
        ),
        "invalid_url",
        "huge url",
    );
}

/// The app with its real configuration and ACL (capabilities/main.json as
/// compiled by tauri-build), on the mock runtime. The "main" window comes
/// from tauri.conf.json.
fn real_app(config: &Path) -> tauri::App<MockRuntime> {
    let session = Session::new(None, config.join("recent.json"));
    build(mock_builder(), session)
        .build(tauri::generate_context!(test = true))
        .expect("the app builds with its real context")
}

fn denied(result: Result<Value, Value>, what: &str) {
    match result {
        Ok(value) => panic!("{what}: allowed, answered {value}"),
        Err(error) => {
            let message = error.as_str().unwrap_or_default().to_lowercase();
            assert!(
                message.contains("not allowed") || message.contains("not found"),
                "{what}: refused, but not by the ACL: {error}"
            );
        }
    }
}

#[test]
fn the_acl_grants_our_commands_to_the_main_window_only() {
    let config = tempfile::tempdir().unwrap();
    let app = real_app(config.path());
    let main = match app.get_webview_window("main") {
        Some(main) => main,
        None => tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .expect("the main window"),
    };
    // Granted: the main window, from the app's own origin.
    assert!(invoke(&main, "wizard_definition", json!({})).is_ok());
    assert!(invoke(&main, "recent_projects", json!({})).is_ok());

    // Another window gets nothing, not even harmless commands.
    let other = tauri::WebviewWindowBuilder::new(&app, "other", Default::default())
        .build()
        .expect("a second window");
    for command in [
        "wizard_definition",
        "recent_projects",
        "open_sample_project",
        "open_external",
    ] {
        denied(
            invoke(&other, command, json!({ "url": "https://example.com" })),
            command,
        );
    }
    // A remote page in the main window (were it ever to get there) gets nothing.
    denied(
        invoke_from(
            &main,
            "https://evil.example/",
            "wizard_definition",
            json!({}),
        ),
        "remote origin",
    );
    // Core commands outside the minimal set, plugins we do not ship, and
    // unknown commands are refused.
    for command in [
        "plugin:window|close",
        "plugin:webview|create_webview_window",
        "plugin:app|version",
        "plugin:path|resolve_directory",
        "plugin:event|emit",
        "plugin:fs|read_text_file",
        "plugin:shell|execute",
        "no_such_command",
    ] {
        denied(invoke(&main, command, json!({ "label": "main" })), command);
    }
}

/// The command names listed between `start` and the next `end` in `text`.
fn quoted_or_pathed_names(text: &str, start: &str, end: &str) -> BTreeSet<String> {
    let from = text
        .find(start)
        .unwrap_or_else(|| panic!("{start} not found"))
        + start.len();
    let to = from + text[from..].find(end).expect("end of list");
    text[from..to]
        .split(',')
        .map(|item| {
            let item = item.trim().trim_matches('"');
            item.rsplit("::").next().unwrap_or(item).to_string()
        })
        .filter(|item| !item.is_empty())
        .collect()
}

#[test]
fn the_main_capability_grants_exactly_our_commands_and_the_minimal_core() {
    let read = |name: &str| std::fs::read_to_string(Path::new(CRATE).join(name)).unwrap();
    let declared = quoted_or_pathed_names(&read("build.rs"), "let commands = &[", "]");
    let handled = quoted_or_pathed_names(&read("src/lib.rs"), "generate_handler![", "]");
    assert_eq!(
        declared, handled,
        "build.rs and the invoke handler list different commands"
    );

    let capabilities: Vec<_> = std::fs::read_dir(Path::new(CRATE).join("capabilities"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(capabilities, ["main.json"], "one capability file only");

    let capability: Value = serde_json::from_str(&read("capabilities/main.json")).unwrap();
    assert_eq!(capability["windows"], json!(["main"]));
    assert!(capability.get("webviews").is_none());
    assert!(
        capability.get("remote").is_none(),
        "no remote origin may call commands"
    );
    let granted: BTreeSet<String> = capability["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            p.as_str()
                .expect("plain permission names, no scopes")
                .to_string()
        })
        .collect();
    let expected: BTreeSet<String> = declared
        .iter()
        .map(|command| format!("allow-{}", command.replace('_', "-")))
        .chain(MINIMAL_CORE.iter().map(|p| p.to_string()))
        .collect();
    assert_eq!(granted, expected);
}

#[test]
fn the_configuration_keeps_a_strict_csp_and_no_devtools() {
    let read = |name: &str| std::fs::read_to_string(Path::new(CRATE).join(name)).unwrap();
    let config: Value = serde_json::from_str(&read("tauri.conf.json")).unwrap();
    let security = &config["app"]["security"];
    let csp = security["csp"].as_str().expect("a CSP, never null");
    let directive = |name: &str| {
        csp.split(';')
            .map(str::trim)
            .find(|d| d.split_whitespace().next() == Some(name))
            .unwrap_or_else(|| panic!("no {name} in the CSP"))
            .to_string()
    };
    assert!(!csp.contains("unsafe-eval"));
    assert_eq!(directive("script-src"), "script-src 'self'");
    assert_eq!(directive("default-src"), "default-src 'self'");
    assert_eq!(directive("object-src"), "object-src 'none'");
    assert_eq!(directive("frame-ancestors"), "frame-ancestors 'none'");
    assert_eq!(
        directive("connect-src"),
        "connect-src ipc: http://ipc.localhost"
    );
    // Mermaid's SVG carries inline styles; nothing else is inline.
    assert_eq!(directive("style-src"), "style-src 'self' 'unsafe-inline'");
    // A nonce Tauri added to style-src would make browsers ignore
    // 'unsafe-inline' and break Mermaid's styles.
    assert_eq!(
        security["dangerousDisableAssetCspModification"],
        json!(["style-src"])
    );
    for source in csp.split([';', ' ']) {
        let remote = source == "*"
            || ((source.starts_with("http:") || source.starts_with("https:"))
                && source != "http://ipc.localhost");
        assert!(!remote, "remote source {source} in the CSP");
    }
    assert!(security.get("freezePrototype").is_none_or(|v| v != false));

    let cargo = read("Cargo.toml");
    assert!(
        !cargo.contains("\"devtools\""),
        "the devtools feature must stay off"
    );
    assert!(!cargo.contains("tauri-plugin-fs") && !cargo.contains("tauri-plugin-shell"));
}

/// The review, saving and watching commands: wrong types are refused before
/// they run, nothing is served without a project, and hostile text in a
/// review stays data inside the project. (`save_plan_as` and
/// `export_plan_as` open a native dialog, so they get only wrong types here.)
#[test]
fn review_saving_and_watch_commands_refuse_hostile_arguments() {
    let config = tempfile::tempdir().unwrap();
    let (_app, webview) = unchecked_app(config.path());
    let answers = json!({ "values": {} });
    for (command, body) in [
        ("review_plan", json!({ "answers": "x" })),
        (
            "add_review_comment",
            json!({ "answers": answers, "stepId": 1, "author": "a", "text": "t" }),
        ),
        (
            "sign_off_section",
            json!({ "answers": answers, "stepId": "h", "reviewer": "r", "decision": "own_everything" }),
        ),
        (
            "export_plan_as",
            json!({ "answers": answers, "format": "../../etc/passwd" }),
        ),
        (
            "export_plan_as",
            json!({ "answers": answers, "format": "html", "paper": "<script>" }),
        ),
        ("plan_diff", json!({ "answers": [] })),
        (
            "overwrite_plan",
            json!({ "answers": answers, "reviewedHash": 42 }),
        ),
        ("save_plan_as", json!({ "answers": null })),
        (
            "watch_documents",
            json!({ "onChange": "javascript:alert(1)" }),
        ),
    ] {
        let result = invoke(&webview, command, body.clone());
        assert!(result.is_err(), "{command} {body}: accepted");
    }
    for (command, body) in [
        ("review_plan", json!({ "answers": answers })),
        (
            "add_review_comment",
            json!({ "answers": answers, "stepId": "../../etc/passwd", "author": "a", "text": "t" }),
        ),
        (
            "sign_off_section",
            json!({ "answers": answers, "stepId": "h", "reviewer": "r", "decision": "approve" }),
        ),
        ("plan_diff", json!({ "answers": answers })),
        (
            "overwrite_plan",
            json!({ "answers": answers, "reviewedHash": "0" }),
        ),
        ("keep_plan_on_disk", json!({})),
    ] {
        assert_code(invoke(&webview, command, body), "no_project", command);
    }

    let project = small_project();
    let view = invoke(
        &webview,
        "open_project",
        json!({ "path": project.path().display().to_string() }),
    )
    .unwrap();
    let result = invoke(
        &webview,
        "add_review_comment",
        json!({
            "answers": view["answers"],
            "stepId": "../../../etc/passwd\0",
            "author": "<img src=x onerror=alert(1)>",
            "text": huge(),
        }),
    );
    // Refused with a code, or kept as data; never a panic, never a file elsewhere.
    if let Err(error) = &result {
        assert!(error["code"].is_string(), "{error}");
    }
    assert!(!Path::new("/etc/passwd.review.json").exists());
}
