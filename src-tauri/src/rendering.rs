//! How the webview draws: with GPU compositing where there is a GPU, without
//! it where there is none.
//!
//! WebKitGTK composites the page with OpenGL by default. Without a GPU (a VM,
//! a remote desktop, Xvfb) that OpenGL is Mesa's software rasteriser, and
//! every frame re-composites the whole window on the CPU: measured here, a
//! keystroke's preview update took 80–130 ms to paint that way against
//! 8–18 ms with compositing off (BENCHMARKS.md, "GPU compositing"). So when
//! no GPU render node is found the app asks WebKit not to composite
//! (`hardware-acceleration-policy` = never). `DEPLOYPLAN_GPU_COMPOSITING=on`
//! or `=off` overrides the guess.

use serde::Serialize;
use std::path::Path;

/// The variable that overrides the guess: `on` or `off`.
pub const OVERRIDE_VARIABLE: &str = "DEPLOYPLAN_GPU_COMPOSITING";

/// How the webview is asked to draw, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../../ui/src/lib/bindings/")]
pub enum Drawing {
    /// WebKit's default: composited with the GPU.
    GpuFound,
    /// No GPU render node: drawn without compositing.
    NoGpuFound,
    /// The user's `DEPLOYPLAN_GPU_COMPOSITING=on`.
    CompositingOn,
    /// The user's `DEPLOYPLAN_GPU_COMPOSITING=off`.
    CompositingOff,
}

impl Drawing {
    /// Decides from the override (if set) and whether a GPU render node exists.
    /// An override that is neither `on` nor `off` is ignored.
    pub fn choose(override_value: Option<&str>, has_gpu: bool) -> Drawing {
        match override_value.map(|value| value.trim().to_ascii_lowercase()) {
            Some(value) if value == "on" => Drawing::CompositingOn,
            Some(value) if value == "off" => Drawing::CompositingOff,
            _ if has_gpu => Drawing::GpuFound,
            _ => Drawing::NoGpuFound,
        }
    }

    /// What this machine and environment call for.
    pub fn detect() -> Drawing {
        let value = std::env::var(OVERRIDE_VARIABLE).ok();
        Drawing::choose(value.as_deref(), has_render_node(Path::new("/dev/dri")))
    }

    /// Whether WebKit should composite with the GPU.
    pub fn composites(self) -> bool {
        matches!(self, Drawing::GpuFound | Drawing::CompositingOn)
    }
}

/// WebKit's own variable that turns compositing off for every web view created
/// after it is set.
pub const WEBKIT_VARIABLE: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// The environment to set before the window exists, so that WebKit starts in
/// the right drawing mode instead of switching after the page began loading:
/// `Some((name, value))` when compositing is to be off and the user has not
/// set WebKit's variable themselves (`already`).
pub fn environment(
    drawing: Drawing,
    already: Option<&str>,
) -> Option<(&'static str, &'static str)> {
    (!drawing.composites() && already.is_none()).then_some((WEBKIT_VARIABLE, "1"))
}

/// Decides the drawing mode before any window exists and sets WebKit's
/// variable accordingly; call first thing, while the process has one thread.
pub fn decide_before_windows() -> Drawing {
    let drawing = Drawing::detect();
    let already = std::env::var(WEBKIT_VARIABLE).ok();
    if let Some((name, value)) = environment(drawing, already.as_deref()) {
        std::env::set_var(name, value);
    }
    drawing
}

/// Whether `dri` (normally `/dev/dri`) holds a GPU render node (`renderD128`…).
fn has_render_node(dri: &Path) -> bool {
    std::fs::read_dir(dri)
        .map(|entries| {
            entries
                .flatten()
                .any(|entry| entry.file_name().to_string_lossy().starts_with("renderD"))
        })
        .unwrap_or(false)
}

/// Applies `drawing` to a window's webview: turns compositing off where it
/// should be off and WebKit's variable did not already do it, leaves WebKit's
/// default otherwise.
pub fn apply<R: tauri::Runtime>(window: &tauri::WebviewWindow<R>, drawing: Drawing) {
    if drawing.composites() || std::env::var_os(WEBKIT_VARIABLE).is_some_and(|v| v == "1") {
        return;
    }
    #[cfg(target_os = "linux")]
    {
        let result = window.with_webview(|webview| {
            use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
            if let Some(settings) = webview.inner().settings() {
                settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
            }
        });
        if let Err(error) = result {
            eprintln!("deployplan-app: could not turn GPU compositing off: {error}");
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = window;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_an_override_a_gpu_decides() {
        assert_eq!(Drawing::choose(None, true), Drawing::GpuFound);
        assert_eq!(Drawing::choose(None, false), Drawing::NoGpuFound);
        assert!(Drawing::GpuFound.composites());
        assert!(!Drawing::NoGpuFound.composites());
    }

    #[test]
    fn the_override_wins_either_way_and_nonsense_is_ignored() {
        assert_eq!(Drawing::choose(Some("on"), false), Drawing::CompositingOn);
        assert_eq!(
            Drawing::choose(Some(" OFF "), true),
            Drawing::CompositingOff
        );
        assert!(Drawing::CompositingOn.composites());
        assert!(!Drawing::CompositingOff.composites());
        assert_eq!(Drawing::choose(Some("maybe"), true), Drawing::GpuFound);
        assert_eq!(Drawing::choose(Some(""), false), Drawing::NoGpuFound);
    }

    #[test]
    fn compositing_is_turned_off_before_the_window_only_where_it_should_be() {
        assert_eq!(
            environment(Drawing::NoGpuFound, None),
            Some((WEBKIT_VARIABLE, "1"))
        );
        assert_eq!(
            environment(Drawing::CompositingOff, None),
            Some((WEBKIT_VARIABLE, "1"))
        );
        assert_eq!(environment(Drawing::GpuFound, None), None);
        assert_eq!(environment(Drawing::CompositingOn, None), None);
        assert_eq!(
            environment(Drawing::NoGpuFound, Some("0")),
            None,
            "the user's own setting is kept"
        );
    }

    #[test]
    fn a_render_node_counts_as_a_gpu_and_a_card_alone_does_not() {
        let dri = tempfile::tempdir().unwrap();
        assert!(!has_render_node(dri.path()));
        std::fs::write(dri.path().join("card0"), "").unwrap();
        assert!(!has_render_node(dri.path()));
        std::fs::write(dri.path().join("renderD128"), "").unwrap();
        assert!(has_render_node(dri.path()));
        assert!(!has_render_node(&dri.path().join("missing")));
    }
}
