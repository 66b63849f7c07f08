//! Suggestions for step 9, UI Deployment Considerations.

use super::*;

impl<'a> Suggestions<'a> {
    pub(super) fn fill_ui(&mut self) {
        let frameworks = self.of("frontend.framework");
        let Some(framework) = frameworks.first() else {
            return;
        };
        let name = display_name(&framework.value);
        let cdn = self.of("cdn");
        let storage = self.of("storage.object");
        let mut text =
            format!("The {name} build produces static assets with content-hashed file names");
        match (cdn.first(), storage.first()) {
            (Some(c), Some(s)) => {
                let _ = write!(
                    text,
                    ", uploaded to {} and served through {}",
                    display_name(&s.value),
                    display_name(&c.value)
                );
            }
            (Some(c), None) => {
                let _ = write!(text, ", served through {}", display_name(&c.value));
            }
            _ => text.push_str(", served by the application or a CDN (TBD)"),
        }
        text.push_str(". New assets are uploaded before the new version goes live, so pages never reference missing files.");
        let mut cited = vec![*framework];
        cited.extend(cdn.iter().copied());
        cited.extend(storage.iter().copied());
        self.propose(
            "s9.asset_strategy",
            Value::Text(text),
            format!(
                "From the documented UI framework ({}) and delivery services.",
                cite(framework)
            ),
            &cited,
        );
        let invalidate = cdn
            .first()
            .map(|c| {
                format!(
                    "; the {} cache for HTML is invalidated on release",
                    display_name(&c.value)
                )
            })
            .unwrap_or_default();
        self.propose("s9.caching", Value::Text(format!("Hashed assets are cached for a year (immutable); HTML and the service entry point are never cached{invalidate}. The MVP's assets carry the release version 1.0.0.")), "Common practice for hashed static assets.".into(), &cdn);
        self.propose("s9.post_mvp_caching", Value::Text("Later releases keep the previous release's assets for at least a week so open sessions keep working; UI features ship behind feature flags, so a release can be undone without a new deploy.".into()), "Follows the post-MVP pattern and feature flags (step 1).".into(), &[]);
    }
}
