fn main() {
    // Our commands are declared here so that they are only callable where a
    // capability grants them (see capabilities/main.json).
    let commands = &[
        "startup_project",
        "open_project",
        "open_sample_project",
        "pick_folder",
        "recent_projects",
        "forget_recent_project",
        "clear_recent_projects",
        "wizard_definition",
        "render_preview",
        "save_draft",
        "save_plan",
        "document_text",
        "set_document_role",
        "plan_diff",
        "overwrite_plan",
        "keep_plan_on_disk",
        "save_plan_as",
        "watch_documents",
        "open_external",
        "review_plan",
        "add_review_comment",
        "sign_off_section",
        "export_plan_as",
        "cancel_task",
        "sync_menu",
        "about_app",
    ];
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(commands)),
    )
    .expect("failed to run tauri-build");
}
