//! Suggestions for step 2, Deployment Environments.

use super::*;

impl<'a> Suggestions<'a> {
    /// Environments from the test strategy and specification, in promotion
    /// order, each with its purpose as the documents give it.
    pub(super) fn fill_environments(&mut self) {
        let mut environments = self.of("test.environment");
        environments.sort_by_key(|fact| {
            ENVIRONMENT_ORDER
                .iter()
                .position(|e| *e == fact.value)
                .unwrap_or(ENVIRONMENT_ORDER.len())
        });
        let iac = self.first_name("iac.tool");
        let mut rows: Vec<(Vec<String>, Vec<&Fact>)> = Vec::new();
        let mut seen: Vec<Source> = Vec::new();
        for fact in environments {
            // An environment read only from lines already read for another
            // (e.g. "Test (QA)") is the same environment.
            if fact.sources.iter().all(|s| seen.contains(s)) {
                continue;
            }
            seen.extend(fact.sources.iter().cloned());
            let name = display_name(&fact.value);
            if let Some((_, cited)) = rows.iter_mut().find(|(row, _)| row[0] == name) {
                cited.push(fact);
                continue;
            }
            let purpose = fact
                .sources
                .iter()
                .filter_map(|source| {
                    cells(&source.excerpt)
                        .into_iter()
                        .filter(|c| !c.eq_ignore_ascii_case(&fact.value))
                        .max_by_key(|c| c.len())
                })
                .max_by_key(|c| c.len())
                .unwrap_or_default();
            let purpose = if purpose.chars().count() > 140 {
                format!(
                    "{}…",
                    purpose.chars().take(139).collect::<String>().trim_end()
                )
            } else {
                purpose
            };
            rows.push((
                vec![
                    name,
                    purpose,
                    iac.clone().unwrap_or_default(),
                    String::new(),
                    String::new(),
                ],
                vec![fact],
            ));
        }
        self.put_items("s2.environments", rows, Origin::Document, None);

        let iac_facts = self.of("iac.tool");
        if let Some(tool) = &iac {
            let names = self.first_column("s2.environments");
            let envs = if names.is_empty() {
                "each environment".to_string()
            } else {
                names.join(", ")
            };
            let text = format!("Every environment ({envs}) is described in {tool}: shared modules per component, one configuration per environment, state stored remotely with locking. Changes are proposed in pull requests, planned and policy-checked by the pipeline, and applied only after review; nothing is changed by hand.");
            self.propose(
                "s2.iac_approach",
                Value::Text(text),
                format!(
                    "{tool} is the documented IaC tool ({}).",
                    cite(iac_facts[0])
                ),
                &iac_facts,
            );
        }
        let availability = self.of("nfr.availability");
        let profile = crate::profiles::choose_profile(self.facts);
        let zones_allowed = profile
            .as_ref()
            .is_none_or(|(profile, _)| profile.second_zone);
        let production = profile.as_ref().map_or(
            "production with at least two instances of each service",
            |(profile, _)| profile.mvp_sizing,
        );
        let mut text = format!("For the MVP, every environment runs at the smallest size that carries the expected MVP load: {production}");
        if let Some(fact) = availability.first().filter(|_| zones_allowed) {
            let _ = write!(
                text,
                " across two availability zones (to meet {} availability)",
                fact.value
            );
        }
        text.push_str("; lower environments with single instances and smaller databases, switched off outside working hours where possible. Full-scale sizing follows measured load after launch.");
        let mut cited = availability.clone();
        let reason = match &profile {
            Some((profile, chose)) => {
                cited.extend(chose.iter().copied());
                format!("Common practice for an MVP on {}.", profile.name)
            }
            None if availability.is_empty() => {
                "Common practice for an MVP; the documents state no availability target."
                    .to_string()
            }
            None => "Common practice for an MVP, sized by the documented availability target."
                .to_string(),
        };
        self.propose("s2.mvp_considerations", Value::Text(text), reason, &cited);
    }
}
