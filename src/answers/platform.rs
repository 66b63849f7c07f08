//! The platform the documents describe in words where no tool fact names it
//! ("the app runs on a Raspberry Pi in kiosk mode", "published to npm"): each
//! profile's `terms` ([`crate::profiles::Profile::terms`]) stated in a
//! passage become `platform.kind` facts, citing the line, so the profile that
//! shapes the proposals can be chosen for projects without a known tool.

use super::documents_say::states_something;
use super::patterns::states;
use crate::model::{Fact, Role, Source};
use crate::passages::PassageIndex;
use crate::profiles::PROFILES;

/// The fact key of a platform stated in words (internal to the answers).
pub const PLATFORM_KEY: &str = "platform.kind";

/// How many statements per profile count: enough to outweigh one stray
/// tool mention, never enough to drown the tool facts.
const MOST_PER_PROFILE: usize = 2;

/// The platforms the documents state in words, as facts.
pub fn stated_platforms(index: &PassageIndex) -> Vec<Fact> {
    let mut facts = Vec::new();
    for profile in PROFILES.iter().filter(|profile| !profile.terms.is_empty()) {
        let mut found = 0;
        for hit in index.search(profile.terms, 20, 0.0) {
            if found == MOST_PER_PROFILE {
                break;
            }
            if hit.table || hit.role == Some(Role::Stories) || !states_something(&hit) {
                continue;
            }
            if let Some(line) = hit.text.lines().find(|line| states(line, profile.terms)) {
                facts.push(Fact {
                    key: PLATFORM_KEY.into(),
                    value: profile.id.into(),
                    sources: vec![Source {
                        excerpt: line.trim().to_string(),
                        ..hit.source.clone()
                    }],
                });
                found += 1;
            }
        }
    }
    facts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::LoadedDocument;

    fn index(text: &str) -> PassageIndex {
        PassageIndex::build(&[LoadedDocument::from_text(
            "docs/architecture.md",
            None,
            text,
        )])
    }

    #[test]
    fn a_device_described_in_words_is_a_platform_fact_citing_its_line() {
        let facts = stated_platforms(&index("# Architecture\n\n## Hardware\n\nThe scanner software runs on a Raspberry Pi 4 that boots straight into the kiosk screen.\n"));
        assert!(facts.iter().any(|f| f.value == "device"), "{facts:?}");
        let device = facts.iter().find(|f| f.value == "device").unwrap();
        assert!(device.sources[0].excerpt.contains("Raspberry Pi"));
    }

    #[test]
    fn a_package_published_to_a_registry_is_a_platform_fact() {
        let facts = stated_platforms(&index("# Distribution\n\n## Release\n\nThe CLI is published to npm as a scoped package on every version tag.\n"));
        assert!(facts.iter().any(|f| f.value == "package"), "{facts:?}");
    }

    #[test]
    fn a_platform_only_considered_or_rejected_is_not_stated() {
        let facts = stated_platforms(&index("# Options\n\n## Hosting\n\nA Raspberry Pi could run it later. We will not ship a desktop app.\n"));
        assert!(facts.is_empty(), "{facts:?}");
    }
}
