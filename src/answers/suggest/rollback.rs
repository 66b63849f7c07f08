//! Suggestions for step 6, Rollback Strategy.

use super::*;

/// Most documented rollback triggers carried into the plan.
const MAX_TRIGGERS: usize = 10;

impl<'a> Suggestions<'a> {
    /// The documented rollback triggers, each citing where it is stated;
    /// common triggers only when the documents state none.
    fn fill_triggers(&mut self) {
        let mut documented = self.of("rollback.trigger");
        if !documented.is_empty() {
            let total = documented.len();
            // Those listed under a rollback-trigger heading first: the
            // documents' own list, before triggers met in other sections.
            documented.sort_by_key(|fact| {
                let heading = fact
                    .sources
                    .first()
                    .map(|s| s.heading.as_str())
                    .unwrap_or("");
                let innermost = heading.rsplit(" > ").take(2).collect::<Vec<_>>().join(" ");
                !crate::facts::lexicon::names_subject(
                    crate::facts::lexicon::Subject::RollbackTriggers,
                    &innermost,
                )
            });
            documented.truncate(MAX_TRIGGERS);
            let reason = (total > MAX_TRIGGERS).then(|| {
                format!(
                    "The documents state {total} rollback triggers; the first {MAX_TRIGGERS} are listed, those under a rollback-trigger heading first."
                )
            });
            let items = documented
                .into_iter()
                .map(|fact| (vec![fact.value.clone()], vec![fact]))
                .collect();
            self.put_items("s6.triggers", items, Origin::Document, reason);
            return;
        }
        let mut triggers: Vec<(Vec<String>, Vec<&Fact>)> = Vec::new();
        triggers.push((
            vec!["A smoke test or MVP verification check fails after the deployment".into()],
            self.of("test.exit_criterion").into_iter().take(1).collect(),
        ));
        if let Some(fact) = self.of("nfr.availability").first() {
            triggers.push((
                vec![format!(
                    "Error rate or availability breaks the {} objective for 5 minutes",
                    fact.value
                )],
                vec![*fact],
            ));
        }
        if let Some(fact) = self
            .of("nfr.latency")
            .into_iter()
            .find(|f| f.value.contains("p95") || f.value.contains("ms"))
        {
            triggers.push((
                vec![format!(
                    "Latency worse than the objective for 5 minutes ({})",
                    fact.value
                )],
                vec![fact],
            ));
        }
        let objectives = triggers.len() > 1;
        if !objectives {
            triggers.push((
                vec!["Error rate clearly above the level before the release for 5 minutes (no availability or latency objective is documented)".into()],
                Vec::new(),
            ));
        }
        let databases = self.of("db.engine");
        if !databases.is_empty() {
            triggers.push((
                vec!["A database migration fails or corrupts data".into()],
                databases.into_iter().take(1).collect(),
            ));
        }
        triggers.push((
            vec!["A critical security finding in the released version".into()],
            Vec::new(),
        ));
        self.put_items(
            "s6.triggers",
            triggers,
            Origin::Proposed,
            Some(if objectives {
                "Triggers follow the documented objectives; the 5-minute window is a proposal.".into()
            } else {
                "Common triggers; the documents set no availability or latency objective to measure against.".into()
            }),
        );
    }

    pub(super) fn fill_rollback(&mut self) {
        let pattern = self.text("s1.mvp_pattern").unwrap_or_default();
        self.fill_triggers();
        let mut later: Vec<String> = Vec::new();
        if self.text("s1.post_mvp_pattern").as_deref() == Some("Canary") {
            later.push("Canary error rate or latency worse than the stable version".into());
        }
        if self.answers.get("s1.feature_flag_tool").is_some() {
            later.push(
                "A newly enabled feature raises errors: its flag is switched off first".into(),
            );
        }
        later.push("Any MVP trigger above".into());
        self.propose(
            "s6.post_mvp_triggers",
            Value::List(later),
            "Derived from the post-MVP pattern and feature flags (step 1).".into(),
            &[],
        );

        let gitops = self.answers.get("s1.gitops_tool").is_some();
        let mut steps: Vec<String> =
            vec!["The Release Manager confirms a trigger and calls the rollback".into()];
        steps.push(crate::profiles::rollback_action(&pattern).to_string());
        if gitops {
            steps.push(
                "Revert the release commit in the environment repository so Git matches what runs"
                    .into(),
            );
        }
        steps.push("Leave the database as it is when the migration was backward-compatible; otherwise restore the pre-deployment backup (step 8)".into());
        steps.push("Run the smoke tests against the restored version and confirm the dashboards are healthy".into());
        steps.push("Tell stakeholders and hold a blameless review".into());
        self.propose(
            "s6.mvp_rollback",
            Value::List(steps),
            format!(
                "Steps for the {} pattern chosen in step 1.",
                if pattern.is_empty() {
                    "TBD".to_string()
                } else {
                    pattern.clone()
                }
            ),
            &[],
        );
        // The same pattern as step 1's post-MVP choice, so the steps never
        // speak of a canary the plan does not have.
        let later_pattern = self.text("s1.post_mvp_pattern").unwrap_or(pattern.clone());
        let mut text = String::from("Later releases are undone in the cheapest way first: ");
        if self.answers.get("s1.feature_flag_tool").is_some() {
            text.push_str("switch the feature's flag off; if that is not enough, ");
        }
        let action = crate::profiles::rollback_action(&later_pattern);
        let mut action_chars = action.chars();
        if let Some(first) = action_chars.next() {
            text.extend(first.to_lowercase());
            text.push_str(action_chars.as_str());
        }
        if gitops {
            text.push_str(", and revert the release commit so Git matches what runs");
        }
        text.push('.');
        self.propose(
            "s6.post_mvp_rollback",
            Value::Text(text),
            "Follows the post-MVP pattern and feature flags (step 1).".into(),
            &[],
        );

        let rehearsals: Vec<&Fact> = self
            .facts
            .iter()
            .filter(|f| {
                (f.key == "release.criterion" || f.key == "test.exit_criterion")
                    && is_about_rollback(&f.value)
            })
            .collect();
        if !rehearsals.is_empty() {
            let text = rehearsals
                .iter()
                .map(|f| format!("- {}", f.value))
                .collect::<Vec<_>>()
                .join("\n");
            self.put(
                "s6.testing",
                Value::Text(text),
                Origin::Document,
                None,
                &rehearsals,
            );
        } else {
            self.propose("s6.testing", Value::Text("The rollback is rehearsed in staging before the MVP launch and after any change to the deployment pipeline.".into()), "Common practice; the documents do not say.".into(), &[]);
        }
        let environments = self.first_column("s2.environments");
        if let Some(staging) = environments.iter().find(|e| e.as_str() == "Staging") {
            let cited: Vec<&Fact> = rehearsals
                .iter()
                .copied()
                .filter(|f| mentions(&f.value, &["staging"]))
                .collect();
            if cited.is_empty() {
                self.propose(
                    "s6.testing_environment",
                    Value::Text(staging.clone()),
                    "Staging is the production-like environment of step 2.".into(),
                    &[],
                );
            } else {
                self.put(
                    "s6.testing_environment",
                    Value::Text(staging.clone()),
                    Origin::Document,
                    None,
                    &cited,
                );
            }
        }
    }
}

/// Whether a criterion is about rolling back or restoring itself (its subject,
/// in its first words), not one that lists rollback among other things.
fn is_about_rollback(criterion: &str) -> bool {
    let opening: Vec<String> = criterion
        .split_whitespace()
        .take(4)
        .map(|word| word.to_lowercase())
        .collect();
    let opening = opening.join(" ");
    mentions(
        &opening,
        &["rollback", "roll back", "rolled back", "restore", "rehears"],
    )
}

#[cfg(test)]
mod criterion_tests {
    use super::is_about_rollback;

    #[test]
    fn a_criterion_is_about_rollback_when_rollback_is_its_subject() {
        assert!(is_about_rollback(
            "Rollback to the previous release completes in under 10 minutes"
        ));
        assert!(is_about_rollback(
            "A full restore from backup is rehearsed in staging"
        ));
        assert!(is_about_rollback("Database restore tested before launch"));
        assert!(!is_about_rollback(
            "The installer creates queues, dashboards, alarms and rollback hooks"
        ));
        assert!(!is_about_rollback(
            "Status e-mails are sent for every event (start, failure, rollback)"
        ));
    }
}
