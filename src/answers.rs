//! The user's answers to the wizard, and the suggestions made from facts.
//!
//! Every answer records where it came from: the documents (with sources), a
//! proposal the user has not confirmed yet, or the user. The renderer writes
//! each kind differently so that no reader mistakes a proposal for a decision.

use crate::model::{Fact, Source};
use crate::plan::{self, FieldKind};
use crate::project::Project;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

/// A field's value; its shape follows the field's kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(untagged)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum Value {
    /// Text, long text and single choice.
    Text(String),
    /// Multiple choice, ordered list and checklist.
    List(Vec<String>),
    /// Table rows, cells in column order.
    Table(Vec<Vec<String>>),
}

impl Value {
    /// Whether there is nothing in it.
    pub fn is_empty(&self) -> bool {
        match self {
            Value::Text(text) => text.trim().is_empty(),
            Value::List(items) => items.iter().all(|item| item.trim().is_empty()),
            Value::Table(rows) => rows
                .iter()
                .all(|row| row.iter().all(|cell| cell.trim().is_empty())),
        }
    }

    /// The value as lines (a text is one line; a table row's cells are joined).
    pub fn lines(&self) -> Vec<String> {
        match self {
            Value::Text(text) => vec![text.clone()],
            Value::List(items) => items.clone(),
            Value::Table(rows) => rows.iter().map(|row| row.join(" — ")).collect(),
        }
    }

    /// The value as table rows: a list becomes one row per item.
    pub fn rows(&self) -> Vec<Vec<String>> {
        match self {
            Value::Text(text) => vec![vec![text.clone()]],
            Value::List(items) => items.iter().map(|item| vec![item.clone()]).collect(),
            Value::Table(rows) => rows.clone(),
        }
    }
}

/// Where an answer came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum Origin {
    /// Read from the project's documents; `sources` says where.
    Document,
    /// Suggested by DeployPlan (best practice or a rule over the facts) and not
    /// yet confirmed by the user; written as "proposed".
    Proposed,
    /// Entered or confirmed by the user.
    User,
}

/// The answer to one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct Answer {
    pub value: Value,
    pub origin: Origin,
    /// Why this was suggested, citing its source, for suggestions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
}

/// All answers of a plan, keyed by field id, and the step the user was on.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct Answers {
    pub values: BTreeMap<String, Answer>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_step: Option<String>,
}

impl Answers {
    /// The answer to a field, if it has a non-empty one.
    pub fn get(&self, field_id: &str) -> Option<&Answer> {
        self.values
            .get(field_id)
            .filter(|answer| !answer.value.is_empty())
    }

    /// Sets a field's answer as given by the user.
    pub fn set_user(&mut self, field_id: &str, value: Value) {
        self.values.insert(
            field_id.to_string(),
            Answer {
                value,
                origin: Origin::User,
                reason: None,
                sources: Vec::new(),
            },
        );
    }

    /// Fills every field the user has not answered from `suggested`, keeping
    /// the user's own answers as they are.
    pub fn merge_suggestions(&mut self, suggested: &Answers) {
        for (id, answer) in &suggested.values {
            self.values
                .entry(id.clone())
                .or_insert_with(|| answer.clone());
        }
    }
}

/// The display name of a canonical fact value (`github-actions` → `GitHub Actions`).
pub fn display_value(slug: &str) -> String {
    const NAMES: &[(&str, &str)] = &[
        ("aws", "AWS"),
        ("gcp", "Google Cloud"),
        ("azure", "Azure"),
        ("oci", "Oracle Cloud"),
        ("digitalocean", "DigitalOcean"),
        ("hetzner", "Hetzner"),
        ("on-prem", "On-premises"),
        ("vercel", "Vercel"),
        ("netlify", "Netlify"),
        ("heroku", "Heroku"),
        ("render", "Render"),
        ("fly", "Fly.io"),
        ("railway", "Railway"),
        ("supabase", "Supabase"),
        ("firebase", "Firebase"),
        ("cloudflare", "Cloudflare"),
        ("vps", "VPS"),
        ("kubernetes", "Kubernetes"),
        ("ecs", "Amazon ECS"),
        ("eks", "Amazon EKS"),
        ("gke", "Google GKE"),
        ("aks", "Azure AKS"),
        ("oke", "Oracle OKE"),
        ("lambda", "AWS Lambda"),
        ("cloud-run", "Cloud Run"),
        ("app-service", "Azure App Service"),
        ("app-engine", "App Engine"),
        ("docker-compose", "Docker Compose"),
        ("nomad", "Nomad"),
        ("terraform", "Terraform"),
        ("opentofu", "OpenTofu"),
        ("pulumi", "Pulumi"),
        ("cdk", "AWS CDK"),
        ("cloudformation", "CloudFormation"),
        ("bicep", "Bicep"),
        ("ansible", "Ansible"),
        ("helm", "Helm"),
        ("argocd", "Argo CD"),
        ("flux", "Flux"),
        ("github-actions", "GitHub Actions"),
        ("gitlab-ci", "GitLab CI"),
        ("jenkins", "Jenkins"),
        ("circleci", "CircleCI"),
        ("azure-pipelines", "Azure Pipelines"),
        ("codebuild", "AWS CodeBuild"),
        ("codepipeline", "AWS CodePipeline"),
        ("bitbucket-pipelines", "Bitbucket Pipelines"),
        ("postgresql", "PostgreSQL"),
        ("mysql", "MySQL"),
        ("mariadb", "MariaDB"),
        ("mongodb", "MongoDB"),
        ("redis", "Redis"),
        ("dynamodb", "DynamoDB"),
        ("sqlite", "SQLite"),
        ("sqlserver", "SQL Server"),
        ("opensearch", "OpenSearch"),
        ("elasticsearch", "Elasticsearch"),
        ("bigquery", "BigQuery"),
        ("firestore", "Firestore"),
        ("kafka", "Kafka"),
        ("prisma", "Prisma Migrate"),
        ("flyway", "Flyway"),
        ("liquibase", "Liquibase"),
        ("alembic", "Alembic"),
        ("knex", "Knex"),
        ("typeorm", "TypeORM"),
        ("sequelize", "Sequelize"),
        ("django", "Django"),
        ("rails", "Rails"),
        ("sqlx", "sqlx"),
        ("diesel", "Diesel"),
        ("golang-migrate", "golang-migrate"),
        ("dbt", "dbt"),
        ("supabase-cli", "Supabase CLI"),
        ("react", "React"),
        ("nextjs", "Next.js"),
        ("vue", "Vue"),
        ("nuxt", "Nuxt"),
        ("angular", "Angular"),
        ("svelte", "Svelte"),
        ("sveltekit", "SvelteKit"),
        ("remix", "Remix"),
        ("astro", "Astro"),
        ("react-native", "React Native"),
        ("expo", "Expo"),
        ("flutter", "Flutter"),
        ("express", "Express"),
        ("nestjs", "NestJS"),
        ("fastapi", "FastAPI"),
        ("flask", "Flask"),
        ("spring", "Spring"),
        ("laravel", "Laravel"),
        ("aspnet", "ASP.NET"),
        ("go", "Go"),
        ("actix", "Actix Web"),
        ("axum", "Axum"),
        ("cloudfront", "CloudFront"),
        ("fastly", "Fastly"),
        ("akamai", "Akamai"),
        ("vercel-edge", "Vercel Edge"),
        ("netlify-edge", "Netlify Edge"),
        ("rabbitmq", "RabbitMQ"),
        ("sqs", "Amazon SQS"),
        ("sns", "Amazon SNS"),
        ("nats", "NATS"),
        ("pubsub", "Pub/Sub"),
        ("redis-streams", "Redis Streams"),
        ("s3", "Amazon S3"),
        ("gcs", "Google Cloud Storage"),
        ("azure-blob", "Azure Blob Storage"),
        ("minio", "MinIO"),
        ("r2", "Cloudflare R2"),
        ("nginx", "nginx"),
        ("caddy", "Caddy"),
        ("traefik", "Traefik"),
        ("apache", "Apache"),
        ("pm2", "PM2"),
        ("launchdarkly", "LaunchDarkly"),
        ("unleash", "Unleash"),
        ("flagsmith", "Flagsmith"),
        ("growthbook", "GrowthBook"),
        ("openfeature", "OpenFeature"),
        ("configcat", "ConfigCat"),
        ("split", "Split"),
        ("flipt", "Flipt"),
        ("prometheus", "Prometheus"),
        ("grafana", "Grafana"),
        ("datadog", "Datadog"),
        ("new-relic", "New Relic"),
        ("sentry", "Sentry"),
        ("opentelemetry", "OpenTelemetry"),
        ("cloudwatch", "CloudWatch"),
        ("x-ray", "AWS X-Ray"),
        ("elk", "ELK"),
        ("loki", "Loki"),
        ("jaeger", "Jaeger"),
        ("honeycomb", "Honeycomb"),
        ("pagerduty", "PagerDuty"),
        ("better-stack", "Better Stack"),
        ("vault", "HashiCorp Vault"),
        ("aws-secrets-manager", "AWS Secrets Manager"),
        ("gcp-secret-manager", "GCP Secret Manager"),
        ("azure-key-vault", "Azure Key Vault"),
        ("sops", "SOPS"),
        ("sealed-secrets", "Sealed Secrets"),
        ("k8s-secrets", "Kubernetes Secrets"),
        ("doppler", "Doppler"),
        ("github-secrets", "GitHub Secrets"),
        ("platform-env", "Platform environment variables"),
        ("env-file", "Environment file"),
        ("codeql", "CodeQL"),
        ("sonarqube", "SonarQube"),
        ("semgrep", "Semgrep"),
        ("snyk", "Snyk"),
        ("dependabot", "Dependabot"),
        ("npm-audit", "npm audit"),
        ("trivy", "Trivy"),
        ("grype", "Grype"),
        ("owasp-zap", "OWASP ZAP"),
        ("owasp-dependency-check", "OWASP Dependency-Check"),
        ("aws-inspector", "Amazon Inspector"),
        ("gitleaks", "gitleaks"),
        ("trufflehog", "TruffleHog"),
        ("checkov", "Checkov"),
        ("tfsec", "tfsec"),
        ("opa", "OPA"),
        ("gatekeeper", "Gatekeeper"),
        ("kyverno", "Kyverno"),
        ("conftest", "Conftest"),
        ("sentinel", "Sentinel"),
        ("pci-dss", "PCI DSS"),
        ("hipaa", "HIPAA"),
        ("gdpr", "GDPR"),
        ("soc2", "SOC 2"),
        ("iso27001", "ISO 27001"),
        ("lgpd", "LGPD"),
        ("ccpa", "CCPA"),
        ("dev", "Development"),
        ("test", "Test"),
        ("qa", "QA"),
        ("staging", "Staging"),
        ("uat", "UAT"),
        ("prod", "Production"),
        ("preview", "Preview"),
    ];
    NAMES
        .iter()
        .find(|(known, _)| *known == slug)
        .map(|(_, name)| name.to_string())
        .unwrap_or_else(|| slug.to_string())
}

/// Builds answers for every field the facts can fill, each citing its sources.
/// Fields the documents say nothing about stay empty (written as TBD).
pub fn suggest_answers(project: &Project) -> Answers {
    let mut suggestions = Suggestions {
        facts: &project.facts,
        answers: Answers::default(),
    };
    suggestions.fill();
    suggestions.answers
}

struct Suggestions<'a> {
    facts: &'a [Fact],
    answers: Answers,
}

/// Which fact key fills which field directly, as display names.
const DIRECT: &[(&str, &str)] = &[
    ("s0.mvp_scope", "mvp.scope_item"),
    ("s0.mvp_launch", "timeline.mvp_launch"),
    ("s0.post_mvp_goals", "postmvp.increment"),
    ("s1.gitops_tool", "gitops.tool"),
    ("s1.feature_flag_tool", "feature_flags.tool"),
    ("s2.iac_tool", "iac.tool"),
    ("s3.ci_tool", "ci.tool"),
    ("s4.secrets_store", "secrets.store"),
    ("s5.observability", "observability.tool"),
    ("s8.engine", "db.engine"),
    ("s8.migration_tool", "db.migration_tool"),
    ("s9.framework", "frontend.framework"),
    ("s9.cdn", "cdn"),
    ("s10.pipeline_checks", "security.scanner"),
    ("s10.policy_tool", "policy.tool"),
    ("s10.compliance", "compliance"),
];

impl<'a> Suggestions<'a> {
    fn of(&self, key: &str) -> Vec<&'a Fact> {
        self.facts.iter().filter(|fact| fact.key == key).collect()
    }

    fn sources(facts: &[&Fact]) -> Vec<Source> {
        let mut sources: Vec<Source> = facts
            .iter()
            .flat_map(|fact| fact.sources.iter().cloned())
            .collect();
        sources.sort();
        sources.dedup();
        sources
    }

    fn put(
        &mut self,
        field_id: &str,
        value: Value,
        origin: Origin,
        reason: Option<String>,
        facts: &[&Fact],
    ) {
        if value.is_empty() {
            return;
        }
        self.answers.values.insert(
            field_id.to_string(),
            Answer {
                value,
                origin,
                reason,
                sources: Self::sources(facts),
            },
        );
    }

    fn fill(&mut self) {
        for &(field_id, key) in DIRECT {
            let facts = self.of(key);
            if facts.is_empty() {
                continue;
            }
            let kind = plan::field(field_id)
                .map(|f| f.kind)
                .unwrap_or(FieldKind::Text);
            let names: Vec<String> = facts
                .iter()
                .map(|fact| display_value(&fact.value))
                .collect();
            let mut unique = names.clone();
            unique.dedup();
            let value = if kind.is_list() {
                Value::List(unique)
            } else {
                Value::Text(unique.join(", "))
            };
            self.put(field_id, value, Origin::Document, None, &facts);
        }
        self.fill_workflow();
        self.fill_mvp_pattern();
        self.fill_environments();
        self.fill_service_levels();
        self.fill_checks();
        self.fill_roles();
    }

    fn fill_workflow(&mut self) {
        let gitops = self.of("gitops.tool");
        if let Some(first) = gitops.first() {
            let reason = format!(
                "The documents name {} as the GitOps tool.",
                display_value(&first.value)
            );
            self.put(
                "s1.workflow",
                Value::Text("GitOps (pull-based)".into()),
                Origin::Document,
                Some(reason),
                &gitops,
            );
        }
    }

    /// Availability of 99.9 % or more, or a zero-downtime requirement, makes
    /// Blue/Green the proposed MVP pattern: it switches traffic at once and
    /// switches back just as fast.
    fn fill_mvp_pattern(&mut self) {
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
        let Some(first) = demanding.first() else {
            return;
        };
        let cited = first
            .sources
            .first()
            .map(|s| format!("{} › {} (line {})", s.path, s.heading, s.line_start))
            .unwrap_or_default();
        let what = if first.key == "nfr.zero_downtime" {
            "zero downtime".to_string()
        } else {
            format!("{} availability", first.value)
        };
        let reason = format!("Blue/Green — {cited}: {what} is required, so traffic must switch without an outage and switch back at once if needed.");
        self.put(
            "s1.mvp_pattern",
            Value::Text("Blue/Green".into()),
            Origin::Proposed,
            Some(reason.clone()),
            &demanding,
        );
        let why = format!("The documents require {what}. Blue/Green keeps the previous version running beside the new one, so the MVP goes live without downtime and a rollback is a traffic switch.");
        self.put(
            "s1.mvp_pattern_why",
            Value::Text(why),
            Origin::Proposed,
            Some(reason),
            &demanding,
        );
    }

    fn fill_environments(&mut self) {
        let environments = self.of("test.environment");
        if environments.is_empty() {
            return;
        }
        let iac = self
            .of("iac.tool")
            .first()
            .map(|fact| display_value(&fact.value));
        let mut names: Vec<String> = Vec::new();
        for fact in &environments {
            let name = display_value(&fact.value);
            if !names.contains(&name) {
                names.push(name);
            }
        }
        let rows = names
            .into_iter()
            .map(|name| {
                vec![
                    name,
                    String::new(),
                    iac.clone().unwrap_or_default(),
                    String::new(),
                    String::new(),
                ]
            })
            .collect();
        self.put(
            "s2.environments",
            Value::Table(rows),
            Origin::Document,
            None,
            &environments,
        );
    }

    fn fill_service_levels(&mut self) {
        let mut lines = Vec::new();
        let mut facts = Vec::new();
        for (key, label) in [
            ("nfr.availability", "Availability"),
            ("nfr.latency", "Latency"),
            ("nfr.rto", "Recovery time objective (RTO)"),
            ("nfr.rpo", "Recovery point objective (RPO)"),
        ] {
            for fact in self.of(key) {
                lines.push(format!("{label}: {}", fact.value));
                facts.push(fact);
            }
        }
        for fact in self
            .of("nfr.zero_downtime")
            .into_iter()
            .filter(|f| f.value == "true")
            .take(1)
        {
            lines.push("Zero-downtime deployments".to_string());
            facts.push(fact);
        }
        self.put(
            "s5.slos",
            Value::List(lines),
            Origin::Document,
            None,
            &facts,
        );
    }

    fn fill_checks(&mut self) {
        let exit = self.of("test.exit_criterion");
        let rows = exit
            .iter()
            .map(|fact| vec![fact.value.clone(), "QA Lead".to_string()])
            .collect();
        self.put(
            "s7.mvp_post_checks",
            Value::Table(rows),
            Origin::Document,
            None,
            &exit,
        );
        let release = self.of("release.criterion");
        let rows = release
            .iter()
            .map(|fact| vec![fact.value.clone(), "Product Owner".to_string()])
            .collect();
        self.put(
            "s7.mvp_pre_checks",
            Value::Table(rows),
            Origin::Document,
            None,
            &release,
        );
    }

    fn fill_roles(&mut self) {
        let roles = self.of("stakeholder.role");
        let rows = roles
            .iter()
            .map(|fact| {
                vec![
                    fact.value.clone(),
                    String::new(),
                    String::new(),
                    String::new(),
                ]
            })
            .collect();
        self.put(
            "s11.roles",
            Value::Table(rows),
            Origin::Document,
            None,
            &roles,
        );
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn fact(key: &str, value: &str, line: u32) -> Fact {
        Fact {
            key: key.into(),
            value: value.into(),
            sources: vec![Source {
                path: "project_docs/technicalSpecification.md".into(),
                line_start: line,
                line_end: line,
                heading: "NFRs > Reliability".into(),
                excerpt: format!("{key} {value}"),
            }],
        }
    }

    fn project(facts: Vec<Fact>) -> Project {
        Project {
            root: PathBuf::from("/p"),
            name: "p".into(),
            documents: Vec::new(),
            facts,
            hints: Vec::new(),
            warnings: Vec::new(),
        }
    }

    #[test]
    fn high_availability_proposes_blue_green_citing_the_nfr() {
        let answers = suggest_answers(&project(vec![fact("nfr.availability", "99.9%", 212)]));
        let answer = answers
            .get("s1.mvp_pattern")
            .expect("a pattern is proposed");
        assert_eq!(answer.value, Value::Text("Blue/Green".into()));
        assert_eq!(answer.origin, Origin::Proposed);
        let reason = answer.reason.as_deref().unwrap();
        assert!(
            reason.contains("technicalSpecification.md › NFRs > Reliability (line 212)"),
            "{reason}"
        );
        assert!(reason.contains("99.9%"));
    }

    #[test]
    fn modest_availability_proposes_no_pattern() {
        let answers = suggest_answers(&project(vec![fact("nfr.availability", "99.5%", 3)]));
        assert!(answers.get("s1.mvp_pattern").is_none());
    }

    #[test]
    fn documented_tools_fill_their_fields_with_sources() {
        let answers = suggest_answers(&project(vec![fact("ci.tool", "github-actions", 40)]));
        let answer = answers.get("s3.ci_tool").unwrap();
        assert_eq!(answer.value, Value::Text("GitHub Actions".into()));
        assert_eq!(answer.origin, Origin::Document);
        assert_eq!(answer.sources[0].line_start, 40);
    }

    #[test]
    fn user_answers_survive_a_merge_of_suggestions() {
        let mut answers = Answers::default();
        answers.set_user("s3.ci_tool", Value::Text("Jenkins".into()));
        answers.merge_suggestions(&suggest_answers(&project(vec![fact(
            "ci.tool",
            "github-actions",
            40,
        )])));
        assert_eq!(
            answers.get("s3.ci_tool").unwrap().value,
            Value::Text("Jenkins".into())
        );
    }

    #[test]
    fn value_json_shape_follows_the_kind() {
        let text: Value = serde_json::from_str("\"x\"").unwrap();
        let list: Value = serde_json::from_str("[\"a\",\"b\"]").unwrap();
        let table: Value = serde_json::from_str("[[\"a\",\"b\"]]").unwrap();
        assert_eq!(text, Value::Text("x".into()));
        assert_eq!(list, Value::List(vec!["a".into(), "b".into()]));
        assert_eq!(table, Value::Table(vec![vec!["a".into(), "b".into()]]));
    }
}
