//! DeployPlan core: turns a project's planning documents into an MVP-first
//! Advanced Deployment Plan.
//!
//! The modules follow the data's journey:
//! documents are found ([`discover`]) → parsed into outlines ([`markdown`]) →
//! read for facts ([`facts`]) → turned into wizard answers ([`answers`], with the
//! step and field definitions in [`plan`]) → rendered to Markdown ([`render`]) →
//! written safely ([`write`]). [`project`] ties the first stages together and
//! [`draft`] keeps a user's answers between sessions; [`store`] says where
//! each of the app's own files lives and reads and writes them.
//!
//! This crate never depends on `tauri`: the CLI and the desktop app are two thin
//! front ends over the same calls.

pub mod answers;
pub mod check;
pub mod diagrams;
pub mod discover;
pub mod draft;
pub mod error;
pub mod export;
pub mod facts;
pub mod first_page;
pub mod fold;
pub mod markdown;
pub mod model;
pub mod output_marker;
pub mod passages;
pub mod plan;
pub mod plan_html;
pub mod profiles;
pub mod progress;
pub mod project;
pub mod recent;
pub mod render;
pub mod review;
pub mod sample;
pub mod save;
pub mod session;
pub mod store;
pub mod text;
pub mod window_state;
pub mod write;

pub use error::{Error, Result};
pub use model::{Document, Fact, Role, Source};
pub use project::Project;
