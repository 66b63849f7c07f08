//! Remembers the main window's size and position between runs (the file is
//! `<config dir>/deployplan/window.json`; reading and writing it is the core's
//! `window_state`). Hand-written rather than tauri-plugin-window-state: it is
//! a few lines, adds no dependency, and needs no permission for the webview,
//! because it runs in Rust only.

use deployplan::window_state::{load_window_geometry, save_window_geometry, WindowGeometry};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};
use tauri::{PhysicalPosition, PhysicalSize, Runtime, Window, WindowEvent};

/// How often, at most, moving or resizing writes the file (a drag sends many events).
const WRITE_INTERVAL: Duration = Duration::from_millis(500);

/// The file, and when it was last written.
pub struct WindowMemory {
    file: PathBuf,
    last_write: Mutex<Option<Instant>>,
}

impl WindowMemory {
    pub fn new(file: PathBuf) -> WindowMemory {
        WindowMemory {
            file,
            last_write: Mutex::new(None),
        }
    }

    pub fn restore<R: Runtime>(&self, window: &tauri::WebviewWindow<R>) {
        restore(window, &self.file);
    }

    /// Saves the geometry on closing, and while moving or resizing at most
    /// every [`WRITE_INTERVAL`] (so a window that is killed, not closed, is
    /// still remembered nearly where it was).
    pub fn on_event<R: Runtime>(&self, window: &Window<R>, event: &WindowEvent) {
        let due = match event {
            WindowEvent::CloseRequested { .. } => true,
            WindowEvent::Moved(_) | WindowEvent::Resized(_) => self
                .last_write
                .lock()
                .map(|last| last.is_none_or(|at| at.elapsed() >= WRITE_INTERVAL))
                .unwrap_or(false),
            _ => false,
        };
        if due {
            remember(window, &self.file);
            if let Ok(mut last) = self.last_write.lock() {
                *last = Some(Instant::now());
            }
        }
    }
}

/// Puts `window` where it was last time, if that is known and still on a screen.
fn restore<R: Runtime>(window: &tauri::WebviewWindow<R>, file: &Path) {
    let Some(geometry) = load_window_geometry(file) else {
        return;
    };
    let _ = window.set_size(PhysicalSize::new(geometry.width, geometry.height));
    let on_a_screen = window
        .available_monitors()
        .unwrap_or_default()
        .iter()
        .any(|monitor| {
            let (position, size) = (monitor.position(), monitor.size());
            geometry.x >= position.x - 100
                && geometry.y >= position.y - 100
                && geometry.x < position.x + size.width as i32 - 100
                && geometry.y < position.y + size.height as i32 - 100
        });
    if on_a_screen {
        let _ = window.set_position(PhysicalPosition::new(geometry.x, geometry.y));
    }
    if geometry.maximized {
        let _ = window.maximize();
    }
}

/// Saves where `window` is now. A maximised window keeps its last normal size
/// and position, so un-maximising next time goes back there.
fn remember<R: Runtime>(window: &Window<R>, file: &Path) {
    let maximized = window.is_maximized().unwrap_or(false);
    let geometry = if maximized {
        match load_window_geometry(file) {
            Some(previous) => WindowGeometry {
                maximized: true,
                ..previous
            },
            None => return,
        }
    } else {
        let (Ok(position), Ok(size)) = (window.outer_position(), window.inner_size()) else {
            return;
        };
        WindowGeometry {
            x: position.x,
            y: position.y,
            width: size.width,
            height: size.height,
            maximized: false,
        }
    };
    if geometry.is_plausible() {
        // Failing to remember the window must not stop the app closing.
        let _ = save_window_geometry(file, geometry);
    }
}
