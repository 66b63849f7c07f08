//! The app menu: File, View and Help, described as data ([`MENUS`]) and built
//! from it. Choosing an item sends the window a `menu` event naming the action
//! (and, for a recent project, its path); the UI runs it exactly as its
//! buttons and keyboard shortcuts do. The UI tells the menu what applies now
//! (`sync_menu`: is a project open, is review mode on), so items that cannot
//! work are greyed out.

use crate::state::Session;
use serde::Serialize;
use std::sync::Arc;
use tauri::menu::{
    CheckMenuItemBuilder, Menu, MenuBuilder, MenuEvent, MenuItemBuilder, MenuItemKind, Submenu,
    SubmenuBuilder,
};
use tauri::{AppHandle, Emitter, Manager, Runtime};

/// The window's event for a chosen menu item.
pub const MENU_EVENT: &str = "menu";

/// One menu item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// The item's id, which is also the action the UI is asked to run.
    pub id: &'static str,
    /// The label; `&` marks the mnemonic letter.
    pub label: &'static str,
    /// The key combination, in the menu's own notation (`CmdOrCtrl+O`).
    pub accelerator: Option<&'static str>,
    /// Only works with a project open (greyed out otherwise).
    pub needs_project: bool,
    /// A check item (on while its mode is on).
    pub check: bool,
}

/// What goes in a menu: an item, a separator, or the Open Recent submenu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Item(Entry),
    Separator,
    Recent,
}

const fn item(
    id: &'static str,
    label: &'static str,
    accelerator: Option<&'static str>,
    needs_project: bool,
) -> Slot {
    Slot::Item(Entry {
        id,
        label,
        accelerator,
        needs_project,
        check: false,
    })
}

/// The id of the review-mode check item.
pub const REVIEW: &str = "review";
/// The id of the Open Recent submenu; its items are `recent:<index>`.
const RECENT: &str = "open_recent";
const RECENT_PREFIX: &str = "recent:";
/// Clears the recent list (last item of Open Recent).
const CLEAR_RECENT: &str = "clear_recent";
/// Closes the window (as its close button does, so the draft is kept).
const QUIT: &str = "quit";
/// How many recent projects Open Recent lists.
const RECENT_SHOWN: usize = 10;

/// The menus, in order, with their items.
pub const MENUS: &[(&str, &[Slot])] = &[
    (
        "&File",
        &[
            item("open", "&Open Folder…", Some("CmdOrCtrl+O"), false),
            Slot::Recent,
            Slot::Separator,
            item("save", "&Save Plan", Some("CmdOrCtrl+S"), true),
            item("save_as", "Save Plan &As…", Some("CmdOrCtrl+Shift+S"), true),
            item("export", "&Export…", Some("CmdOrCtrl+E"), true),
            Slot::Separator,
            item(QUIT, "&Quit", Some("CmdOrCtrl+Q"), false),
        ],
    ),
    (
        "&View",
        &[
            item("wizard", "&Wizard", None, true),
            Slot::Item(Entry {
                id: REVIEW,
                label: "&Review && Export",
                accelerator: Some("CmdOrCtrl+R"),
                needs_project: true,
                check: true,
            }),
            item("documents", "&Documents", Some("CmdOrCtrl+D"), true),
            Slot::Separator,
            item("next", "&Next Step", Some("Alt+Right"), true),
            item("previous", "&Previous Step", Some("Alt+Left"), true),
            Slot::Separator,
            item("find", "&Find in Plan…", Some("CmdOrCtrl+F"), true),
        ],
    ),
    (
        "&Help",
        &[
            item("glossary", "&Glossary", None, true),
            item("shortcuts", "&Keyboard Shortcuts", Some("F1"), false),
            Slot::Separator,
            item("about", "&About DeployPlan", None, false),
        ],
    ),
];

/// Every item of [`MENUS`].
pub fn entries() -> impl Iterator<Item = &'static Entry> {
    MENUS.iter().flat_map(|(_, slots)| {
        slots.iter().filter_map(|slot| match slot {
            Slot::Item(entry) => Some(entry),
            _ => None,
        })
    })
}

/// What the window is asked to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export, export_to = "../../ui/src/lib/bindings/")]
pub struct MenuAction {
    pub action: String,
    /// The folder, for `open_recent`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub path: Option<String>,
}

/// The action for a chosen item id, with the recent projects for Open Recent.
/// `None` for ids the app handles itself (Quit) or does not know.
pub fn action_for(id: &str, recent: &[deployplan::recent::RecentProject]) -> Option<MenuAction> {
    if let Some(index) = id.strip_prefix(RECENT_PREFIX) {
        let project = recent.get(index.parse::<usize>().ok()?)?;
        return Some(MenuAction {
            action: "open_recent".into(),
            path: Some(project.path.clone()),
        });
    }
    let known = id == CLEAR_RECENT || (id != QUIT && entries().any(|entry| entry.id == id));
    known.then(|| MenuAction {
        action: id.to_string(),
        path: None,
    })
}

/// Builds the menu bar for the current recent projects.
pub fn build<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    let mut bar = MenuBuilder::new(app);
    for (title, slots) in MENUS {
        let mut menu = SubmenuBuilder::new(app, *title);
        for slot in *slots {
            menu = match slot {
                Slot::Separator => menu.separator(),
                Slot::Recent => menu.item(&recent_submenu(app)?),
                Slot::Item(entry) if entry.check => {
                    let mut check = CheckMenuItemBuilder::with_id(entry.id, entry.label)
                        .enabled(!entry.needs_project);
                    if let Some(keys) = entry.accelerator {
                        check = check.accelerator(keys);
                    }
                    menu.item(&check.build(app)?)
                }
                Slot::Item(entry) => {
                    let mut built = MenuItemBuilder::with_id(entry.id, entry.label)
                        .enabled(!entry.needs_project);
                    if let Some(keys) = entry.accelerator {
                        built = built.accelerator(keys);
                    }
                    menu.item(&built.build(app)?)
                }
            };
        }
        bar = bar.item(&menu.build()?);
    }
    bar.build()
}

fn recent_projects<R: Runtime>(app: &AppHandle<R>) -> Vec<deployplan::recent::RecentProject> {
    app.try_state::<Arc<Session>>()
        .map(|session| session.recent())
        .unwrap_or_default()
}

fn recent_submenu<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Submenu<R>> {
    let submenu = SubmenuBuilder::with_id(app, RECENT, "Open &Recent").build()?;
    fill_recent(app, &submenu)?;
    Ok(submenu)
}

/// Puts the recent projects (and Clear Recent) in the Open Recent submenu.
fn fill_recent<R: Runtime>(app: &AppHandle<R>, submenu: &Submenu<R>) -> tauri::Result<()> {
    for old in submenu.items()? {
        submenu.remove(&old)?;
    }
    let recent = recent_projects(app);
    if recent.is_empty() {
        let none = MenuItemBuilder::with_id("recent_none", "No Recent Projects")
            .enabled(false)
            .build(app)?;
        return submenu.append(&none);
    }
    for (index, project) in recent.iter().take(RECENT_SHOWN).enumerate() {
        // Underscores would be read as mnemonics by GTK.
        let label = format!("{} — {}", project.name, project.path).replace('_', "__");
        let entry =
            MenuItemBuilder::with_id(format!("{RECENT_PREFIX}{index}"), label).build(app)?;
        submenu.append(&entry)?;
    }
    submenu.append(&tauri::menu::PredefinedMenuItem::separator(app)?)?;
    submenu.append(&MenuItemBuilder::with_id(CLEAR_RECENT, "&Clear Recent").build(app)?)
}

/// The item (or submenu) with this id anywhere in the menu bar.
fn find<R: Runtime>(menu: &Menu<R>, id: &str) -> Option<MenuItemKind<R>> {
    menu.items().ok()?.into_iter().find_map(|top| {
        let submenu = top.as_submenu()?;
        submenu.get(id).or_else(|| {
            submenu
                .items()
                .ok()?
                .into_iter()
                .find_map(|inner| inner.as_submenu()?.get(id))
        })
    })
}

/// Rebuilds Open Recent after the recent list changed. Without a menu (tests,
/// the mock runtime) it does nothing.
pub fn refresh_recent<R: Runtime>(app: &AppHandle<R>) {
    let Some(menu) = app.menu() else { return };
    if let Some(submenu) = find(&menu, RECENT).and_then(|kind| kind.as_submenu().cloned()) {
        let _ = fill_recent(app, &submenu);
    }
}

/// Greys out what needs a project when none is open, and ticks Review &
/// Export while review mode is on.
#[tauri::command]
pub fn sync_menu<R: Runtime>(app: AppHandle<R>, project_open: bool, reviewing: bool) {
    let Some(menu) = app.menu() else { return };
    for entry in entries().filter(|entry| entry.needs_project) {
        match find(&menu, entry.id) {
            Some(MenuItemKind::MenuItem(item)) => {
                let _ = item.set_enabled(project_open);
            }
            Some(MenuItemKind::Check(item)) => {
                let _ = item.set_enabled(project_open);
                let _ = item.set_checked(reviewing && entry.id == REVIEW);
            }
            _ => {}
        }
    }
}

/// Runs a chosen item.
pub fn on_menu_event<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    choose(app, event.id().as_ref());
}

/// Runs the item `id`: Quit closes the window (as its close button does, so
/// the draft is kept); everything else goes to the UI.
pub fn choose<R: Runtime>(app: &AppHandle<R>, id: &str) {
    if id == QUIT {
        if let Some(window) = app.get_webview_window("main") {
            let _ = window.close();
        }
        return;
    }
    if let Some(action) = action_for(id, &recent_projects(app)) {
        let _ = app.emit(MENU_EVENT, action);
    }
}

/// The e2e build's stand-in for clicking the menu bar, which WebDriver cannot
/// reach: item ids written (one per line) to `DEPLOYPLAN_E2E_MENU_FILE` are
/// chosen, by the same code a click runs, and the file is removed.
#[cfg(feature = "e2e")]
pub fn e2e_take_choices_from_file<R: Runtime>(app: &AppHandle<R>) {
    let Some(file) = std::env::var_os("DEPLOYPLAN_E2E_MENU_FILE") else {
        return;
    };
    let app = app.clone();
    std::thread::spawn(move || loop {
        std::thread::sleep(std::time::Duration::from_millis(100));
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        let _ = std::fs::remove_file(&file);
        for id in text.lines().map(str::trim).filter(|id| !id.is_empty()) {
            choose(&app, id);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use deployplan::recent::RecentProject;

    #[test]
    fn the_menus_have_what_the_issue_asks_for() {
        let ids = |menu: &str| -> Vec<&str> {
            MENUS
                .iter()
                .find(|(title, _)| *title == menu)
                .unwrap()
                .1
                .iter()
                .map(|slot| match slot {
                    Slot::Item(entry) => entry.id,
                    Slot::Recent => RECENT,
                    Slot::Separator => "-",
                })
                .filter(|id| *id != "-")
                .collect()
        };
        let file = ids("&File");
        for wanted in ["open", RECENT, "save", "save_as", "export"] {
            assert!(file.contains(&wanted), "File has {wanted}");
        }
        let view = ids("&View");
        for wanted in ["wizard", REVIEW, "documents"] {
            assert!(view.contains(&wanted), "View has {wanted}");
        }
        let help = ids("&Help");
        for wanted in ["glossary", "shortcuts", "about"] {
            assert!(help.contains(&wanted), "Help has {wanted}");
        }
    }

    #[test]
    fn ids_and_key_combinations_are_each_used_once() {
        let mut ids: Vec<&str> = entries().map(|entry| entry.id).collect();
        let mut keys: Vec<&str> = entries().filter_map(|entry| entry.accelerator).collect();
        let (id_count, key_count) = (ids.len(), keys.len());
        ids.sort_unstable();
        ids.dedup();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(ids.len(), id_count);
        assert_eq!(keys.len(), key_count);
    }

    #[test]
    fn every_key_combination_parses() {
        for entry in entries() {
            if let Some(keys) = entry.accelerator {
                assert!(
                    keys.parse::<muda::accelerator::Accelerator>().is_ok(),
                    "{}: {keys}",
                    entry.id
                );
            }
        }
    }

    #[test]
    fn every_menu_key_is_in_the_shortcuts_sheet() {
        // The sheet (ui/src/lib/shortcuts.ts) lists what the menu binds, in the UI's notation.
        let sheet = include_str!("../../ui/src/lib/shortcuts.ts");
        for entry in entries() {
            let Some(keys) = entry.accelerator else {
                continue;
            };
            let shown = keys
                .replace("CmdOrCtrl", "Ctrl")
                .replace("Right", "→")
                .replace("Left", "←");
            assert!(
                sheet.contains(&format!("'{shown}'")),
                "{} ({shown}) is missing from the shortcuts sheet",
                entry.id
            );
        }
    }

    #[test]
    fn items_become_actions_and_recent_items_carry_their_folder() {
        let recent = vec![
            RecentProject {
                path: "/projects/one".into(),
                name: "one".into(),
            },
            RecentProject {
                path: "/projects/two".into(),
                name: "two".into(),
            },
        ];
        assert_eq!(
            action_for("recent:1", &recent),
            Some(MenuAction {
                action: "open_recent".into(),
                path: Some("/projects/two".into())
            })
        );
        assert_eq!(action_for("recent:7", &recent), None);
        assert_eq!(action_for("recent:x", &recent), None);
        assert_eq!(action_for("save_as", &recent).unwrap().action, "save_as");
        assert_eq!(
            action_for(CLEAR_RECENT, &recent).unwrap().action,
            CLEAR_RECENT
        );
        assert_eq!(action_for(QUIT, &recent), None, "the app quits itself");
        assert_eq!(action_for("no_such_item", &recent), None);
    }
}
