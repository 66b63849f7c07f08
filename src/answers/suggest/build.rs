//! Suggestions for step 3, Build & Packaging Process (CI).

use super::*;

impl<'a> Suggestions<'a> {
    pub(super) fn fill_build(&mut self) {
        let scanners = self.of("security.scanner");
        let pick = |names: &[&str]| -> Vec<&'a Fact> {
            scanners
                .iter()
                .copied()
                .filter(|f| names.contains(&f.value.as_str()))
                .collect()
        };
        let tools = |facts: &[&Fact]| -> String { names_of(facts).join(", ") };
        let mut stages: Vec<(Vec<String>, Vec<&Fact>)> = Vec::new();
        let ci = self.of("ci.tool");
        stages.push((vec!["Build".into()], ci.clone()));
        stages.push((vec!["Unit and integration tests".into()], Vec::new()));
        for (label, names) in [
            ("Secret scan", &["gitleaks", "trufflehog"][..]),
            (
                "Static analysis (SAST)",
                &["codeql", "semgrep", "sonarqube"][..],
            ),
            (
                "Dependency scan (SCA)",
                &["dependabot", "npm-audit", "snyk", "owasp-dependency-check"][..],
            ),
            ("IaC scan", &["checkov", "tfsec"][..]),
        ] {
            let found = pick(names);
            if !found.is_empty() {
                stages.push((vec![format!("{label}: {}", tools(&found))], found));
            }
        }
        let containers: Vec<&Fact> = self
            .of("container.used")
            .into_iter()
            .filter(|f| f.value == "true")
            .chain(self.of("container.orchestrator"))
            .collect();
        if !containers.is_empty() {
            stages.push((vec!["Package container image".into()], containers.clone()));
            let found = pick(&["trivy", "grype", "aws-inspector"]);
            if !found.is_empty() {
                stages.push((vec![format!("Image scan: {}", tools(&found))], found));
            }
        } else {
            stages.push((vec!["Package artifact".into()], Vec::new()));
        }
        stages.push((vec!["Publish versioned artifact".into()], Vec::new()));
        let reason = "Stage order is common practice; the tools in each stage are the ones the documents name.".to_string();
        self.put_items("s3.ci_stages", stages, Origin::Proposed, Some(reason));

        self.propose("s3.versioning", Value::Text("Semantic versions (MAJOR.MINOR.PATCH) from Git tags, with the commit hash as build metadata (e.g. 1.0.0+3f2a9c1); images are also tagged with the commit hash".into()), "Common practice: every artifact traceable to its commit.".into(), &[]);
        self.propose(
            "s3.mvp_tag",
            Value::Text("v1.0.0 (Git tag v1.0.0-mvp on the release commit)".into()),
            "Common practice: the MVP is the first major version.".into(),
            &[],
        );

        let mut artifacts: Vec<(Vec<String>, Vec<&Fact>)> = Vec::new();
        if !containers.is_empty() {
            let backend = self.of("backend.framework");
            let label = match backend.first() {
                Some(f) => format!("API container image ({})", display_name(&f.value)),
                None => "Application container image".into(),
            };
            let registry = containers
                .iter()
                .flat_map(|f| f.sources.iter())
                .find_map(|s| {
                    [
                        "ECR",
                        "GHCR",
                        "Docker Hub",
                        "Artifact Registry",
                        "ACR",
                        "Harbor",
                    ]
                    .iter()
                    .find(|r| s.excerpt.contains(*r))
                    .map(|r| r.to_string())
                });
            let mut cited = containers.clone();
            cited.extend(backend);
            artifacts.push((
                vec![
                    label,
                    registry.unwrap_or_default(),
                    "1.2.3 and commit hash".into(),
                    "1.0.0".into(),
                ],
                cited,
            ));
        }
        let frontend = self.of("frontend.framework");
        if let Some(framework) = frontend.first() {
            let storage = self.of("storage.object");
            let stored = storage
                .first()
                .map(|f| display_name(&f.value))
                .unwrap_or_default();
            let mut cited = vec![*framework];
            cited.extend(storage);
            artifacts.push((
                vec![
                    format!("UI bundle ({})", display_name(&framework.value)),
                    stored,
                    "content-hashed file names; bundle 1.2.3".into(),
                    "1.0.0".into(),
                ],
                cited,
            ));
        }
        let migrations = self.of("db.migration_tool");
        if let Some(tool) = migrations.first() {
            artifacts.push((
                vec![
                    format!("Database migrations ({})", display_name(&tool.value)),
                    "in the application image".into(),
                    "same version as the application".into(),
                    "1.0.0".into(),
                ],
                vec![*tool],
            ));
        }
        self.put_items("s3.artifacts", artifacts, Origin::Proposed, Some("Artifacts follow from the documented stack; tags follow the proposed version scheme.".into()));

        if !containers.is_empty() {
            let runtime = self.names("container.orchestrator").join(" / ");
            let scan = tools(&pick(&["trivy", "grype", "aws-inspector"]));
            let mut text = "The application ships as container images built by multi-stage builds on small, pinned base images, run as a non-root user.".to_string();
            if !runtime.is_empty() {
                let _ = write!(text, " Images run on {runtime}.");
            }
            if !scan.is_empty() {
                let _ = write!(text, " Every image is scanned with {scan} before it is pushed, and the build fails on critical findings.");
            }
            text.push_str(" Images are immutable: an environment is promoted by pointing it at an already-tested image, never by rebuilding.");
            self.propose(
                "s3.container_strategy",
                Value::Text(text),
                format!(
                    "The documents say the application runs in containers ({}).",
                    cite(containers[0])
                ),
                &containers,
            );
        }
    }
}
