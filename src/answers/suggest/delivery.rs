//! Suggestions for step 4, Deployment Pipeline (CD).

use super::*;

impl<'a> Suggestions<'a> {
    pub(super) fn fill_delivery(&mut self) {
        let environments = self.first_column("s2.environments");
        let ci = self
            .first_name("ci.tool")
            .unwrap_or_else(|| "The CI service".into());
        let gitops = self.of("gitops.tool");
        let kubernetes: Vec<&Fact> = self
            .of("container.orchestrator")
            .into_iter()
            .filter(|f| ["kubernetes", "eks", "gke", "aks", "oke"].contains(&f.value.as_str()))
            .collect();
        let production = environments
            .iter()
            .find(|e| e.as_str() == "Production")
            .cloned()
            .unwrap_or_else(|| "Production".into());
        let before_production: Vec<String> = environments
            .iter()
            .filter(|e| e.as_str() != production)
            .cloned()
            .collect();
        if let Some(tool) = gitops.first() {
            let tool_name = display_name(&tool.value);
            let target = if kubernetes.is_empty() {
                "the environment".to_string()
            } else {
                format!("the {} cluster", display_name(&kubernetes[0].value))
            };
            let text = format!("{ci} builds, tests, scans and publishes an image, then commits its new tag to the environment configuration repository. {tool_name} in {target} notices the change and syncs it. Lower environments ({}) update automatically on every merge; {production} changes only through a reviewed pull request approved by the Release Manager. Every deployment is a Git commit, so it is reviewed, recorded and reverted with `git revert`.", if before_production.is_empty() { "TBD".to_string() } else { before_production.join(", ") });
            let mut cited = gitops.clone();
            cited.extend(kubernetes.iter().copied());
            self.propose(
                "s4.cd_workflow",
                Value::Text(text),
                format!("GitOps workflow — {} names {tool_name}.", cite(tool)),
                &cited,
            );
        } else if let Some(ci_fact) = self.of("ci.tool").first().copied() {
            let text = format!("{ci} builds, tests and publishes the artifact, then deploys it to each environment in turn; {production} needs a manual approval in {ci}.");
            self.propose(
                "s4.cd_workflow",
                Value::Text(text),
                format!(
                    "Push-based delivery with the documented CI service ({}).",
                    cite(ci_fact)
                ),
                &[ci_fact],
            );
        }

        let pattern = self.text("s1.mvp_pattern").unwrap_or_default();
        let migration = self.first_name("db.migration_tool");
        // Stages name the documented CI service that runs them, when known.
        // Stages name what the documents say runs them: the CI service, its
        // scanners, and what it deploys with.
        let ci_named = self.first_name("ci.tool");
        let scanners: Vec<String> = self.names("security.scanner").into_iter().take(3).collect();
        // Where it deploys (the orchestrator, else the hosting platform) and,
        // for a chart or overlay tool, what it deploys with.
        let on = self
            .first_name("container.orchestrator")
            .or_else(|| self.first_name("hosting.platform"))
            .map(|name| format!(" on {name}"))
            .unwrap_or_default();
        let with = self
            .of("iac.tool")
            .into_iter()
            .find(|fact| ["helm", "kustomize"].contains(&fact.value.as_str()))
            .map(|fact| format!(" with {}", display_name(&fact.value)))
            .unwrap_or_default();
        let scans = if scanners.is_empty() {
            String::new()
        } else {
            format!(" ({})", scanners.join(", "))
        };
        let mut stages: Vec<String> = vec![match &ci_named {
            Some(ci) => format!("{ci} builds, tests and scans the change{scans}; all pass"),
            None => format!("CI build, tests and scans{scans} pass"),
        }];
        let mut profile_facts: Vec<&Fact> = Vec::new();
        for environment in &before_production {
            stages.push(match &ci_named {
                Some(ci) => {
                    format!("{ci} deploys to {environment}{on}{with}; its smoke tests pass there")
                }
                None => format!("Deploy to {environment}{on}{with} and run smoke tests"),
            });
        }
        stages.push("Release Manager approves the production release".into());
        if let Some(tool) = migration {
            stages.push(format!(
                "Run backward-compatible database migrations ({tool})"
            ));
        }
        if pattern == "Blue/Green" {
            stages.push("Deploy the new (green) version beside the current (blue) one".into());
            stages.push("Smoke-test green through its private route".into());
            stages.push("Switch traffic to green".into());
        } else if let Some((profile, chose)) = crate::profiles::choose_profile(self.facts)
            .filter(|(profile, _)| !profile.release_stages.is_empty())
        {
            stages.extend(profile.release_stages.iter().map(|stage| stage.to_string()));
            profile_facts = chose;
        } else {
            stages.push(format!(
                "Deploy to {production} ({})",
                if pattern.is_empty() {
                    "pattern TBD".into()
                } else {
                    pattern.clone()
                }
            ));
        }
        stages.push("Verify against the MVP exit criteria and watch the dashboards".into());
        let mut cited = self.of("test.environment");
        cited.extend(self.of("db.migration_tool"));
        if ci_named.is_some() {
            cited.extend(self.of("ci.tool").into_iter().take(1));
        }
        cited.extend(self.of("security.scanner").into_iter().take(3));
        if !on.is_empty() {
            let mut places = self.of("container.orchestrator");
            places.extend(self.of("hosting.platform"));
            cited.extend(places.into_iter().take(1));
        }
        if !with.is_empty() {
            cited.extend(
                self.of("iac.tool")
                    .into_iter()
                    .filter(|fact| ["helm", "kustomize"].contains(&fact.value.as_str()))
                    .take(1),
            );
        }
        let reason = if profile_facts.is_empty() {
            "Built from the environments (step 2), the MVP pattern (step 1) and the migration tool."
                .to_string()
        } else {
            cited.extend(profile_facts.iter().copied());
            "Built from the environments (step 2), the migration tool and the platform's own release steps.".to_string()
        };
        self.propose("s4.mvp_stages", Value::List(stages), reason, &cited);

        let mut later: Vec<(Vec<String>, Vec<&Fact>)> = Vec::new();
        if self.text("s1.post_mvp_pattern").as_deref() == Some("Canary") {
            later.push((
                vec!["Canary: 5 %, then 25 %, then 100 % of traffic".into()],
                Vec::new(),
            ));
            let metrics = self
                .of("observability.tool")
                .into_iter()
                .filter(|f| {
                    ["prometheus", "datadog", "new-relic", "cloudwatch"].contains(&f.value.as_str())
                })
                .collect::<Vec<_>>();
            let label = match metrics.first() {
                Some(f) => format!(
                    "Automated canary analysis against the SLOs ({} metrics)",
                    display_name(&f.value)
                ),
                None => "Automated canary analysis against the SLOs".into(),
            };
            later.push((vec![label], metrics));
        }
        let flags = self.of("feature_flags.tool");
        if let Some(tool) = flags.first() {
            later.push((
                vec![format!(
                    "Progressive feature enablement with {} flags",
                    display_name(&tool.value)
                )],
                vec![*tool],
            ));
        }
        let rehearsal = before_production
            .iter()
            .find(|e| e.as_str() == "Staging")
            .or_else(|| before_production.last())
            .cloned()
            .unwrap_or_else(|| "the pre-production environment".into());
        later.push((
            vec![format!("Automated performance test in {rehearsal}")],
            Vec::new(),
        ));
        later.push((
            vec!["Automatic rollback when post-deployment checks fail".into()],
            Vec::new(),
        ));
        self.put_items(
            "s4.post_mvp_stages",
            later,
            Origin::Proposed,
            Some("Stages that make frequent releases safe; tools are the documented ones.".into()),
        );

        let secrets = self.of("secrets.store");
        if let Some(store) = secrets.first() {
            let place = if gitops.is_empty() {
                "the pipeline's per-environment settings"
            } else {
                "the environment configuration repository"
            };
            let text = format!("Non-secret settings per environment live in {place}, reviewed like code. Secrets live in {} and are given to the application at deploy or start time (the exact mechanism is TBD); they never enter Git, images or logs.", display_name(&store.value));
            self.propose(
                "s4.config_management",
                Value::Text(text),
                format!("The documented secrets store ({}).", cite(store)),
                &secrets,
            );
        }
    }
}
