//! Suggestions for step 1, Overall Deployment Strategy & Workflow.

use super::*;
use crate::profiles::choose_profile;

impl<'a> Suggestions<'a> {
    pub(super) fn fill_workflow(&mut self) {
        let gitops = self.of("gitops.tool");
        if let Some(first) = gitops.first() {
            let reason = format!(
                "The documents name {} as the GitOps tool ({}).",
                display_name(&first.value),
                cite(first)
            );
            self.put(
                "s1.workflow",
                Value::Text("GitOps (pull-based)".into()),
                Origin::Document,
                Some(reason),
                &gitops,
            );
        } else if let Some(ci) = self.of("ci.tool").first().copied() {
            let reason = format!(
                "No GitOps tool is named; {} is ({}), so the pipeline deploys directly.",
                display_name(&ci.value),
                cite(ci)
            );
            self.propose(
                "s1.workflow",
                Value::Text("Push-based CI/CD".into()),
                reason,
                &[ci],
            );
        }
    }

    /// Availability of 99.9 % or more, or a zero-downtime requirement, makes
    /// Blue/Green the proposed MVP pattern: it switches traffic at once and
    /// switches back just as fast. Otherwise a Rolling Update is proposed.
    pub(super) fn fill_mvp_pattern(&mut self) {
        if self.fill_documented_pattern("s1.mvp_pattern", "s1.mvp_pattern_why") {
            return;
        }
        let demanding: Vec<&Fact> = self
            .of("nfr.availability")
            .into_iter()
            .filter(|fact| availability_percent(&fact.value).is_some_and(|p| p >= 99.9))
            .chain(
                self.of("nfr.zero_downtime")
                    .into_iter()
                    .filter(|fact| fact.value == "true"),
            )
            .collect();
        if let Some((profile, chosen_by)) = choose_profile(self.facts) {
            // Each platform name once, with where it was first read.
            let mut named: Vec<&str> = Vec::new();
            let mut platform_parts: Vec<String> = Vec::new();
            for fact in &chosen_by {
                if named.contains(&fact.value.as_str()) {
                    continue;
                }
                named.push(&fact.value);
                let name = if fact.key == crate::answers::platform::PLATFORM_KEY {
                    // Stated in words: quote the words.
                    let excerpt = &fact.sources[0].excerpt;
                    let short: String = excerpt.chars().take(80).collect();
                    let ellipsis = if excerpt.chars().count() > 80 {
                        "…"
                    } else {
                        ""
                    };
                    format!("\"{short}{ellipsis}\"")
                } else {
                    display_name(&fact.value)
                };
                platform_parts.push(format!("{name} ({})", cite(fact)));
            }
            let platform = platform_parts.join(", ");
            let demand = demanding.first().map(|fact| {
                if fact.key == "nfr.zero_downtime" {
                    "zero downtime".to_string()
                } else {
                    format!("{} availability", fact.value)
                }
            });
            let pattern = if demand.is_some() {
                profile.demanding_pattern
            } else {
                profile.mvp_pattern
            };
            let mut evidence = chosen_by.clone();
            let why = match &demand {
                Some(what) if pattern != profile.mvp_pattern => {
                    evidence.extend(demanding.iter().copied());
                    format!("The documents require {what}. {pattern} keeps the previous version running beside the new one, so the MVP goes live without downtime and a rollback is a traffic switch.")
                }
                _ => profile.mvp_pattern_why.to_string(),
            };
            let reason = match (&demand, demanding.first()) {
                (Some(what), Some(fact)) if pattern != profile.mvp_pattern => format!(
                    "{pattern} — {} requires {what}, on {}: {platform}.",
                    cite(fact),
                    profile.name
                ),
                _ => format!(
                    "{pattern} — the documents describe {}: {platform}.",
                    profile.name
                ),
            };
            self.propose(
                "s1.mvp_pattern",
                Value::Text(pattern.into()),
                reason.clone(),
                &evidence,
            );
            self.propose("s1.mvp_pattern_why", Value::Text(why), reason, &evidence);
            return;
        }
        let Some(first) = demanding.first() else {
            let reason = "Rolling Update — no availability of 99.9 % or more and no zero-downtime requirement was found, so the simplest pattern that keeps the service up is proposed.".to_string();
            self.propose(
                "s1.mvp_pattern",
                Value::Text("Rolling Update".into()),
                reason.clone(),
                &[],
            );
            self.propose("s1.mvp_pattern_why", Value::Text("The documents set no strict availability target for the MVP. A rolling update replaces instances a few at a time, needs no second environment, and is undone by rolling back to the previous version.".into()), reason, &[]);
            return;
        };
        let what = if first.key == "nfr.zero_downtime" {
            "zero downtime".to_string()
        } else {
            format!("{} availability", first.value)
        };
        let reason = format!("Blue/Green — {}: {what} is required, so traffic must switch without an outage and switch back at once if needed.", cite(first));
        self.propose(
            "s1.mvp_pattern",
            Value::Text("Blue/Green".into()),
            reason.clone(),
            &demanding,
        );
        let why = format!("The documents require {what}. Blue/Green keeps the previous version running beside the new one, so the MVP goes live without downtime and a rollback is a traffic switch.");
        self.propose("s1.mvp_pattern_why", Value::Text(why), reason, &demanding);
    }

    /// Canary when the documents name a feature flag tool or ask for a
    /// gradual rollout; otherwise the MVP pattern again.
    pub(super) fn fill_post_mvp_pattern(&mut self) {
        let canary: Vec<&Fact> = self
            .facts
            .iter()
            .filter(|fact| mentions(&fact.value, CANARY_WORDS))
            .collect();
        let flags = self.of("feature_flags.tool");
        let evidence: Vec<&Fact> = canary.iter().chain(flags.iter()).copied().collect();
        if let Some(first) = evidence.first() {
            let because = if canary.is_empty() {
                format!("{} names {} as the feature flag tool, so new features can reach a small share of users first", cite(first), display_name(&first.value))
            } else {
                format!(
                    "{} asks for releasing to a small share of traffic first",
                    cite(first)
                )
            };
            let reason = format!("Canary — {because}.");
            self.propose(
                "s1.post_mvp_pattern",
                Value::Text("Canary".into()),
                reason.clone(),
                &evidence,
            );
            let flag_tool = flags.first().map(|f| display_name(&f.value));
            let why = match flag_tool {
                Some(tool) => format!("After the MVP, releases are more frequent and carry new features. A canary sends a small share of traffic to the new version and widens it while the metrics stay healthy; features themselves stay dark behind {tool} flags until they are switched on."),
                None => "After the MVP, releases are more frequent and carry new features. A canary sends a small share of traffic to the new version and widens it while the metrics stay healthy.".to_string(),
            };
            self.propose(
                "s1.post_mvp_pattern_why",
                Value::Text(why),
                reason,
                &evidence,
            );
        } else if self.fill_documented_pattern("s1.post_mvp_pattern", "s1.post_mvp_pattern_why") {
        } else if let Some((profile, chosen_by)) = choose_profile(self.facts) {
            let pattern = profile.post_mvp_pattern;
            let reason = format!(
                "{pattern} — the natural pattern for later releases on {} ({}).",
                profile.name,
                cite(chosen_by[0])
            );
            self.propose(
                "s1.post_mvp_pattern",
                Value::Text(pattern.into()),
                reason,
                &chosen_by,
            );
        } else if let Some(pattern) = self.text("s1.mvp_pattern") {
            let reason = format!(
                "{pattern} — nothing in the documents asks for a different pattern after the MVP."
            );
            self.propose("s1.post_mvp_pattern", Value::Text(pattern), reason, &[]);
        }
    }

    pub(super) fn fill_feature_flags(&mut self) {
        let statements: Vec<&Fact> = self
            .of("postmvp.increment")
            .into_iter()
            .filter(|fact| mentions(&fact.value, FLAG_WORDS))
            .collect();
        if !statements.is_empty() {
            let text = statements
                .iter()
                .map(|f| format!("- {}", f.value))
                .collect::<Vec<_>>()
                .join("\n");
            self.put(
                "s1.feature_flag_strategy",
                Value::Text(text),
                Origin::Document,
                None,
                &statements,
            );
            return;
        }
        let flags = self.of("feature_flags.tool");
        let tool = flags
            .first()
            .map(|f| format!("{} ", display_name(&f.value)))
            .unwrap_or_default();
        let text = format!("- The MVP ships with its features on; flags are kept for kill switches only.\n- Every post-MVP feature is deployed dark behind a {tool}feature flag and enabled per group of users, then for everyone.\n- A flag is removed once its feature is enabled everywhere.");
        let reason = match flags.first() {
            Some(fact) => format!(
                "Common practice with the documented flag tool ({}).",
                cite(fact)
            ),
            None => "Common practice; the documents name no feature flag tool.".to_string(),
        };
        self.propose(
            "s1.feature_flag_strategy",
            Value::Text(text),
            reason,
            &flags,
        );
    }

    pub(super) fn fill_cadence(&mut self) {
        if let Some(launch) = self.text("s0.mvp_launch") {
            let facts = self.of("timeline.mvp_launch");
            let pilot = self
                .first_column("s0.milestones")
                .into_iter()
                .find(|m| mentions(m, &["pilot", "beta"]));
            let when = if iso_date(&launch).is_some() {
                format!("on {launch}")
            } else {
                format!("targeted for {launch}")
            };
            let text = match pilot {
                Some(pilot) => {
                    format!("One MVP release {when}, after the milestone \"{pilot}\".")
                }
                None => format!("One MVP release {when}."),
            };
            self.propose(
                "s1.mvp_cadence",
                Value::Text(text),
                "From the MVP launch target.".into(),
                &facts,
            );
        }
        // Stated cadences, and post-MVP statements about the cadence.
        let mut statements: Vec<&Fact> = self.of("release.cadence");
        for fact in self
            .facts
            .iter()
            .filter(|fact| fact.key == "postmvp.increment" && mentions(&fact.value, CADENCE_WORDS))
        {
            if !statements
                .iter()
                .any(|s| crate::facts::normalize(&s.value) == crate::facts::normalize(&fact.value))
            {
                statements.push(fact);
            }
        }
        // A cadence to a non-production environment is not how often
        // releases reach users: it gives way to one that is.
        if statements
            .iter()
            .any(|fact| !only_before_production(&fact.value))
        {
            statements.retain(|fact| !only_before_production(&fact.value));
        }
        let sprints_only = !statements.is_empty()
            && statements.iter().all(|fact| {
                fact.key == "release.cadence"
                    && crate::facts::procedures::is_sprint_length(&fact.value)
            });
        if statements.is_empty() {
            return;
        }
        if sprints_only {
            let fact = statements[0];
            self.propose(
                "s1.post_mvp_cadence",
                Value::Text(format!(
                    "A release at the end of each sprint ({})",
                    fact.value
                )),
                format!(
                    "The documents state a sprint length, not a release cadence ({}).",
                    cite(fact)
                ),
                &[fact],
            );
            return;
        }
        // Wordings of one cadence are one; different cadences are all listed.
        let mut groups: Vec<(String, Vec<&Fact>)> = Vec::new();
        for fact in statements {
            let meaning = crate::facts::procedures::frequency_of(&fact.value)
                .unwrap_or_else(|| crate::facts::normalize(&fact.value));
            match groups.iter_mut().find(|(m, _)| *m == meaning) {
                Some((_, facts)) => facts.push(fact),
                None => groups.push((meaning, vec![fact])),
            }
        }
        let all: Vec<&Fact> = groups.iter().flat_map(|(_, f)| f.iter().copied()).collect();
        let text = if let [(_, facts)] = groups.as_slice() {
            facts[0].value.clone()
        } else {
            let listed = groups
                .iter()
                .map(|(_, facts)| format!("\"{}\" ({})", facts[0].value, cite(facts[0])))
                .collect::<Vec<_>>()
                .join("; ");
            format!("The documents state {} different cadences: {listed}. The owner decides which one production releases follow.", groups.len())
        };
        self.put(
            "s1.post_mvp_cadence",
            Value::Text(text),
            Origin::Document,
            None,
            &all,
        );
    }
}

/// Whether a statement names only environments before production
/// (`Weekly deploys to staging`), not production itself.
fn only_before_production(text: &str) -> bool {
    let before = crate::pattern!(
        r"\b(dev|development|preview|qa|staging|stage|uat|sandbox|homolog\w*|desarrollo|entwicklung|recette)\b"
    );
    let production = crate::pattern!(
        r"\b(prod|production|live|users?|customers?|produção|producao|producción|produccion|produktion\w*|produktiv\w*)\b"
    );
    before.is_match(text) && !production.is_match(text)
}

/// Reads `99.9%`, `99.95 %` or `99.9 percent` as a number.
fn availability_percent(text: &str) -> Option<f64> {
    let digits: String = text
        .trim()
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    digits.parse().ok()
}

impl Suggestions<'_> {
    /// The pattern the documents decide ([`crate::answers::patterns`]): one
    /// pattern fills `field` from the documents, citing its statements; two
    /// or more are a conflict, shown in `why_field` with every value and its
    /// sources and left for the owner to decide. False when none is stated.
    fn fill_documented_pattern(&mut self, field: &str, why_field: &str) -> bool {
        let stated = self.of(crate::answers::patterns::PATTERN_KEY);
        let mut patterns: Vec<(&str, Vec<&Fact>)> = Vec::new();
        for fact in stated {
            match patterns.iter_mut().find(|(name, _)| *name == fact.value) {
                Some((_, facts)) => facts.push(fact),
                None => patterns.push((fact.value.as_str(), vec![fact])),
            }
        }
        match patterns.as_slice() {
            [] => false,
            [(pattern, facts)] => {
                let pattern = pattern.to_string();
                let facts = facts.clone();
                self.put(field, Value::Text(pattern), Origin::Document, None, &facts);
                let statement = facts[0].sources[0].excerpt.clone();
                self.put(
                    why_field,
                    Value::Text(statement),
                    Origin::Document,
                    None,
                    &facts[..1],
                );
                true
            }
            several => {
                let listed = several
                    .iter()
                    .map(|(pattern, facts)| format!("{pattern} ({})", cite(facts[0])))
                    .collect::<Vec<_>>()
                    .join("; ");
                let all: Vec<&Fact> = several
                    .iter()
                    .flat_map(|(_, facts)| facts.iter().copied())
                    .collect();
                let text = format!("The documents disagree on the deployment pattern: {listed}. The owner decides which one applies; until then the pattern is TBD.");
                self.put(why_field, Value::Text(text), Origin::Document, None, &all);
                true
            }
        }
    }
}
