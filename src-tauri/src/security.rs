//! The shell's security boundary, in one place (see SECURITY.md):
//!
//! - the webview may only show the app itself: a navigation guard refuses
//!   every other URL (a link in a document, a script that sets `location`);
//! - links the user clicks open in the system browser, and only http(s) and
//!   mailto links (`open_external`);
//! - a folder handed over by the webview must be an absolute path to a folder.

use crate::error::{CommandError, ErrorCode};
use std::path::{Path, PathBuf};
use tauri::plugin::TauriPlugin;
use tauri::{Runtime, Url};

/// The longest URL `open_external` accepts; longer ones are refused, not cut.
const MAX_URL_LENGTH: usize = 4096;
/// The longest path a command accepts from the webview.
pub const MAX_PATH_LENGTH: usize = 4096;

/// Whether `url` is the app's own content: the bundled UI (`tauri://localhost`
/// on Linux and macOS, `http(s)://tauri.localhost` on Windows) or, in debug
/// builds only, the Vite dev server named in tauri.conf.json.
pub fn is_app_url(url: &Url) -> bool {
    match url.scheme() {
        "tauri" => url.host_str() == Some("localhost"),
        "http" | "https" => {
            let host = url.host_str();
            host == Some("tauri.localhost")
                || (cfg!(debug_assertions)
                    && url.scheme() == "http"
                    && host == Some("localhost")
                    && url.port() == Some(5173))
        }
        // The empty document a webview starts from.
        "about" => url.as_str() == "about:blank",
        _ => false,
    }
}

/// A plugin whose only job is to keep every webview on the app's own content:
/// any navigation to another URL is cancelled. Links meant for a browser go
/// through `open_external` instead.
pub fn navigation_guard<R: Runtime>() -> TauriPlugin<R> {
    tauri::plugin::Builder::new("navigation-guard")
        .on_navigation(|_webview, url| {
            let allowed = is_app_url(url);
            if !allowed {
                eprintln!("deployplan-app: navigation to {url} blocked");
            }
            allowed
        })
        .build()
}

/// Checks a URL the user clicked before it goes to the system browser: only
/// `http`, `https` and `mailto`, no credentials in it, no control characters,
/// at most 4096 bytes. Errors: `invalid_url` (does not parse, too long, or has
/// control characters), `scheme_not_allowed` (`javascript:`, `file:`, `data:`…).
pub fn external_url(raw: &str) -> Result<Url, CommandError> {
    if raw.len() > MAX_URL_LENGTH {
        return Err(CommandError::new(
            ErrorCode::InvalidUrl,
            format!("the link is too long to open ({} bytes)", raw.len()),
        ));
    }
    if raw.chars().any(char::is_control) {
        return Err(CommandError::new(
            ErrorCode::InvalidUrl,
            "the link contains control characters and was not opened",
        ));
    }
    let url = Url::parse(raw.trim()).map_err(|error| {
        CommandError::new(
            ErrorCode::InvalidUrl,
            format!("not a link that can be opened: {error}"),
        )
    })?;
    match url.scheme() {
        "http" | "https" => {
            if url.host_str().is_none_or(str::is_empty) {
                return Err(CommandError::new(
                    ErrorCode::InvalidUrl,
                    "the link names no host",
                ));
            }
            if !url.username().is_empty() || url.password().is_some() {
                return Err(CommandError::new(
                    ErrorCode::InvalidUrl,
                    "links carrying a user name or password are not opened",
                ));
            }
        }
        "mailto" => {}
        other => {
            return Err(CommandError::new(
                ErrorCode::SchemeNotAllowed,
                format!("only http, https and mailto links open outside the app, not {other}:"),
            ))
        }
    }
    Ok(url)
}

/// Hands a checked URL to the system's browser (or mail client). The URL is
/// one argument of the opener, never a shell string.
fn launch_browser(url: &Url) -> Result<(), CommandError> {
    #[cfg(feature = "e2e")]
    if let Some(log) = std::env::var_os("DEPLOYPLAN_E2E_OPEN_EXTERNAL_LOG") {
        // The end-to-end tests record what would have been opened.
        use std::io::Write;
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
            .map_err(|error| CommandError::new(ErrorCode::OpenFailed, error.to_string()))?;
        writeln!(file, "{url}")
            .map_err(|error| CommandError::new(ErrorCode::OpenFailed, error.to_string()))?;
        return Ok(());
    }
    let (program, leading): (&str, &[&str]) = if cfg!(target_os = "macos") {
        ("open", &[])
    } else if cfg!(windows) {
        ("rundll32", &["url.dll,FileProtocolHandler"])
    } else {
        ("xdg-open", &[])
    };
    std::process::Command::new(program)
        .args(leading)
        .arg(url.as_str())
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map(drop)
        .map_err(|error| {
            CommandError::new(
                ErrorCode::OpenFailed,
                format!("the link could not be opened with {program}: {error}"),
            )
        })
}

/// Opens a link the user clicked in the system browser (http, https) or mail
/// client (mailto). Anything else is refused (`scheme_not_allowed`,
/// `invalid_url`); the webview itself never leaves the app.
#[tauri::command(async)]
pub fn open_external(url: String) -> Result<(), CommandError> {
    let url = external_url(&url)?;
    launch_browser(&url)
}

/// Checks a folder path handed over by the webview (from the folder dialog,
/// a drop or the recent list): absolute, no NUL bytes, not absurdly long.
/// The core then refuses anything that is not a folder (`not_a_folder`).
/// Errors: `invalid_path`.
pub fn folder_argument(path: &str) -> Result<PathBuf, CommandError> {
    if path.len() > MAX_PATH_LENGTH {
        return Err(CommandError::new(
            ErrorCode::InvalidPath,
            format!("the path is too long ({} bytes)", path.len()),
        ));
    }
    if path.contains('\0') {
        return Err(CommandError::new(
            ErrorCode::InvalidPath,
            "the path contains a NUL byte",
        ));
    }
    if !Path::new(path).is_absolute() {
        return Err(CommandError::new(
            ErrorCode::InvalidPath,
            format!("{path} is not an absolute path to a folder"),
        ));
    }
    Ok(PathBuf::from(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(text: &str) -> Url {
        text.parse().unwrap()
    }

    #[test]
    fn only_the_app_itself_may_be_shown_in_the_webview() {
        assert!(is_app_url(&url("tauri://localhost/")));
        assert!(is_app_url(&url("tauri://localhost/index.html#step")));
        assert!(is_app_url(&url("http://tauri.localhost/")));
        for outside in [
            "https://example.com/",
            "http://localhost:8080/",
            "tauri://evil.example/",
            "file:///etc/passwd",
            "data:text/html,<script>1</script>",
            "javascript:alert(1)",
            "about:srcdoc",
        ] {
            assert!(!is_app_url(&url(outside)), "{outside}");
        }
    }

    #[test]
    fn the_dev_server_is_allowed_in_debug_builds_only() {
        assert_eq!(
            is_app_url(&url("http://localhost:5173/")),
            cfg!(debug_assertions)
        );
    }

    #[test]
    fn http_https_and_mailto_links_may_open_in_the_browser() {
        for good in [
            "https://example.com/docs?q=1#x",
            "http://example.com",
            "mailto:ops@example.com",
        ] {
            assert!(external_url(good).is_ok(), "{good}");
        }
    }

    #[test]
    fn other_links_are_refused_with_a_code() {
        for (bad, code) in [
            ("javascript:window.__xss=1", "scheme_not_allowed"),
            ("JavaScript:alert(1)", "scheme_not_allowed"),
            (
                "data:text/html,<script>alert(1)</script>",
                "scheme_not_allowed",
            ),
            ("file:///etc/passwd", "scheme_not_allowed"),
            ("vbscript:msgbox", "scheme_not_allowed"),
            ("tauri://localhost/", "scheme_not_allowed"),
            ("/etc/passwd", "invalid_url"),
            ("../secret.md", "invalid_url"),
            ("", "invalid_url"),
            ("https://exa\0mple.com", "invalid_url"),
            ("https://example.com/\nx", "invalid_url"),
            ("https://user:pw@example.com/", "invalid_url"),
            ("https://", "invalid_url"),
        ] {
            let error = external_url(bad).unwrap_err();
            assert_eq!(error.code, code, "{bad:?}: {}", error.message);
        }
        let huge = format!("https://example.com/{}", "a".repeat(MAX_URL_LENGTH));
        assert_eq!(external_url(&huge).unwrap_err().code, "invalid_url");
    }

    #[test]
    fn a_folder_argument_must_be_an_absolute_path() {
        assert!(folder_argument("/home/me/project").is_ok());
        for bad in ["", "relative/folder", "../up", "/tmp/a\0b"] {
            assert_eq!(
                folder_argument(bad).unwrap_err().code,
                "invalid_path",
                "{bad:?}"
            );
        }
        let huge = format!("/{}", "a".repeat(MAX_PATH_LENGTH));
        assert_eq!(folder_argument(&huge).unwrap_err().code, "invalid_path");
    }
}
