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
use std::fmt::Write as _;
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
    /// For lists and tables: the sources of each item (row), in order, so the
    /// plan can cite every item on its own. Empty when not known per item.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub item_sources: Vec<Vec<Source>>,
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
                item_sources: Vec::new(),
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
///
/// Values the documents state are [`Origin::Document`]; values DeployPlan
/// derives or recommends are [`Origin::Proposed`] with a reason citing the
/// facts that led to them. A tool the documents never name only ever appears
/// in a proposal. Later steps build on what earlier steps hold (environments,
/// patterns, roles). Fields nothing supports stay empty (written as TBD).
pub fn suggest_answers(project: &Project) -> Answers {
    let mut suggestions = Suggestions {
        facts: &project.facts,
        project_name: project.display_name(),
        answers: Answers::default(),
    };
    suggestions.fill();
    suggestions.answers
}

struct Suggestions<'a> {
    facts: &'a [Fact],
    project_name: String,
    answers: Answers,
}

/// Which fact key fills which field directly, as display names.
const DIRECT: &[(&str, &str)] = &[
    ("s0.mvp_scope", "mvp.scope_item"),
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

/// Databases that usually hold the system of record, most likely first.
const PRIMARY_DATABASES: &[&str] = &[
    "postgresql",
    "mysql",
    "mariadb",
    "sqlserver",
    "mongodb",
    "dynamodb",
    "firestore",
    "sqlite",
];

/// Environments in the order a release passes through them.
const ENVIRONMENT_ORDER: &[&str] = &["dev", "preview", "test", "qa", "staging", "uat", "prod"];

/// Words that mark a post-MVP statement as being about feature flags.
const FLAG_WORDS: &[&str] = &["flag", "kill switch", "dark launch", "ships dark"];
/// Words that mark a statement as being about release cadence.
const CADENCE_WORDS: &[&str] = &[
    "every two weeks",
    "every week",
    "weekly",
    "fortnight",
    "release is made",
    "release train",
    "cadence",
    "sprint",
];
/// Words that mark a statement as asking for a gradual (canary) rollout.
const CANARY_WORDS: &[&str] = &[
    "canary",
    "small share of traffic",
    "small percentage",
    "gradual rollout",
    "progressive",
];

/// `file.md › Heading (line N)` for a fact's first source.
fn cite(fact: &Fact) -> String {
    fact.sources.first().map(cite_source).unwrap_or_default()
}

/// `file.md › Heading (line N)` for a source.
fn cite_source(source: &Source) -> String {
    let file = source.path.rsplit('/').next().unwrap_or(&source.path);
    let heading = source
        .heading
        .rsplit(" > ")
        .next()
        .unwrap_or(&source.heading);
    if heading.is_empty() {
        format!("{file} (line {})", source.line_start)
    } else {
        format!("{file} › {heading} (line {})", source.line_start)
    }
}

/// Whether `text` contains any of `words`, ignoring case.
fn mentions(text: &str, words: &[&str]) -> bool {
    let lower = text.to_lowercase();
    words.iter().any(|word| lower.contains(word))
}

/// The cells of a Markdown table row excerpt (`a | b | c`), trimmed.
fn cells(text: &str) -> Vec<String> {
    text.trim()
        .trim_matches('|')
        .split(" | ")
        .map(|cell| cell.trim().trim_matches('|').trim().to_string())
        .filter(|cell| !cell.is_empty())
        .collect()
}

/// The first `YYYY-MM-DD` date in `text`.
pub fn iso_date(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(9)).find_map(|at| {
        let candidate = &text.get(at..at + 10)?;
        let b = candidate.as_bytes();
        let shape = b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        });
        let bounded = at + 10 == bytes.len() || !bytes[at + 10].is_ascii_digit();
        let starts = at == 0 || !bytes[at - 1].is_ascii_digit();
        (shape && bounded && starts).then(|| candidate.to_string())
    })
}

/// Whether `text` reads as a date or a point in a schedule: `2027-04-30`,
/// `Day 14`, `Week 10-11`, `Q3 2026`, `April 2027`, `Sprint 3`.
fn is_date_like(text: &str) -> bool {
    if iso_date(text).is_some() {
        return true;
    }
    let lower = text.trim().to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let numbered = |first: &str| {
        words.len() <= 3
            && words
                .first()
                .is_some_and(|w| w.trim_end_matches('s') == first)
            && words.len() >= 2
            && words[1..]
                .iter()
                .all(|w| w.starts_with(|c: char| c.is_ascii_digit()))
    };
    const MONTHS: &[&str] = &[
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    numbered("day")
        || numbered("week")
        || numbered("sprint")
        || numbered("month")
        || (words.len() <= 2
            && words.first().is_some_and(|w| {
                w.len() == 2
                    && w.starts_with('q')
                    && w[1..].chars().all(|c| ('1'..='4').contains(&c))
            }))
        || (words.len() <= 3
            && words.first().is_some_and(|w| MONTHS.contains(w))
            && words
                .iter()
                .any(|w| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit())))
}

/// A schedule point as (unit, first number, last number): `Weeks 9-10` →
/// (`week`, 9, 10), `Day 14` → (`day`, 14, 14).
fn schedule_point(text: &str) -> Option<(String, u32, u32)> {
    let lower = text.trim().to_lowercase();
    let mut words = lower.split_whitespace();
    let unit = words.next()?.trim_end_matches('s').to_string();
    if !["day", "week", "sprint", "month"].contains(&unit.as_str()) {
        return None;
    }
    let numbers: Vec<u32> = words
        .next()?
        .split(['-', '–'])
        .filter_map(|n| n.trim().parse().ok())
        .collect();
    Some((unit, *numbers.first()?, *numbers.last()?))
}

/// `Name (Weeks 1-2): notes` or `Name (Day 3)` → name, date, notes.
fn bracketed_date(text: &str) -> Option<(String, String, String)> {
    let open = text.find(" (")?;
    let close = open + text[open..].find(')')?;
    let date = text[open + 2..close].trim();
    if !is_date_like(date) {
        return None;
    }
    let notes = text[close + 1..].trim_start_matches([':', ' ']).trim();
    Some((
        text[..open].trim().to_string(),
        date.to_string(),
        notes.to_string(),
    ))
}

/// A role from `roles` whose name contains one of `words`, else `fallback`.
fn role_like(roles: &[String], words: &[&str], fallback: &str) -> String {
    roles
        .iter()
        .find(|role| mentions(role, words))
        .cloned()
        .unwrap_or_else(|| fallback.to_string())
}

impl<'a> Suggestions<'a> {
    fn of(&self, key: &str) -> Vec<&'a Fact> {
        self.facts.iter().filter(|fact| fact.key == key).collect()
    }

    /// The display names of a key's values, first occurrence first.
    fn names(&self, key: &str) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for fact in self.of(key) {
            let name = display_value(&fact.value);
            if !names.contains(&name) {
                names.push(name);
            }
        }
        names
    }

    /// The display name of a key's first value.
    fn first_name(&self, key: &str) -> Option<String> {
        self.of(key).first().map(|fact| display_value(&fact.value))
    }

    /// The text of an earlier answer.
    fn text(&self, field_id: &str) -> Option<String> {
        match &self.answers.get(field_id)?.value {
            Value::Text(text) => Some(text.clone()),
            value => Some(value.lines().join(", ")),
        }
    }

    /// The first cells of an earlier table answer's rows.
    fn first_column(&self, field_id: &str) -> Vec<String> {
        self.answers
            .get(field_id)
            .map(|answer| {
                answer
                    .value
                    .rows()
                    .into_iter()
                    .filter_map(|row| row.into_iter().next())
                    .filter(|cell| !cell.trim().is_empty())
                    .collect()
            })
            .unwrap_or_default()
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
        debug_assert!(plan::field(field_id).is_some(), "unknown field {field_id}");
        self.answers.values.insert(
            field_id.to_string(),
            Answer {
                value,
                origin,
                reason,
                sources: Self::sources(facts),
                item_sources: Vec::new(),
            },
        );
    }

    /// Puts a list or table whose every item (row) cites its own facts.
    fn put_items(
        &mut self,
        field_id: &str,
        items: Vec<(Vec<String>, Vec<&Fact>)>,
        origin: Origin,
        reason: Option<String>,
    ) {
        if items.is_empty() {
            return;
        }
        let kind = plan::field(field_id)
            .map(|f| f.kind)
            .unwrap_or(FieldKind::List);
        let all: Vec<&Fact> = items
            .iter()
            .flat_map(|(_, facts)| facts.iter().copied())
            .collect();
        let item_sources: Vec<Vec<Source>> = items
            .iter()
            .map(|(_, facts)| Self::sources(facts))
            .collect();
        let value = if kind == FieldKind::Table {
            Value::Table(items.into_iter().map(|(row, _)| row).collect())
        } else {
            Value::List(items.into_iter().map(|(row, _)| row.join(" — ")).collect())
        };
        self.put(field_id, value, origin, reason, &all);
        if let Some(answer) = self.answers.values.get_mut(field_id) {
            answer.item_sources = item_sources;
        }
    }

    /// Puts a proposal; `facts` are what it was derived from.
    fn propose(&mut self, field_id: &str, value: Value, reason: String, facts: &[&Fact]) {
        self.put(field_id, value, Origin::Proposed, Some(reason), facts);
    }

    fn fill(&mut self) {
        for &(field_id, key) in DIRECT {
            let mut facts = self.of(key);
            if key == "db.engine" {
                // The system of record first; caches and search stores after.
                facts.sort_by_key(|fact| {
                    PRIMARY_DATABASES
                        .iter()
                        .position(|e| *e == fact.value)
                        .unwrap_or(PRIMARY_DATABASES.len())
                });
            }
            if facts.is_empty() {
                continue;
            }
            let kind = plan::field(field_id)
                .map(|f| f.kind)
                .unwrap_or(FieldKind::Text);
            if kind.is_list() {
                let mut items: Vec<(Vec<String>, Vec<&Fact>)> = Vec::new();
                for fact in facts {
                    let name = display_value(&fact.value);
                    match items.iter_mut().find(|(item, _)| item[0] == name) {
                        Some((_, cited)) => cited.push(fact),
                        None => items.push((vec![name], vec![fact])),
                    }
                }
                self.put_items(field_id, items, Origin::Document, None);
            } else {
                let mut names: Vec<String> = Vec::new();
                for fact in &facts {
                    let name = display_value(&fact.value);
                    if !names.contains(&name) {
                        names.push(name);
                    }
                }
                let value = Value::Text(names.join(", "));
                self.put(field_id, value, Origin::Document, None, &facts);
            }
        }
        self.fill_launch();
        self.fill_milestones();
        self.fill_post_mvp_statements();
        self.fill_goals();
        self.fill_workflow();
        self.fill_mvp_pattern();
        self.fill_post_mvp_pattern();
        self.fill_feature_flags();
        self.fill_cadence();
        self.fill_environments();
        self.fill_build();
        self.fill_delivery();
        self.fill_infrastructure();
        self.fill_service_levels();
        self.fill_observability();
        self.fill_roles();
        self.fill_rollback();
        self.fill_checks();
        self.fill_database();
        self.fill_ui();
        self.fill_security();
        self.fill_raci();
    }

    /// The MVP launch: several dates may be read; the one most passages give
    /// wins, and the reason names the others.
    fn fill_launch(&mut self) {
        let facts = self.of("timeline.mvp_launch");
        let mut groups: Vec<(String, Vec<&Fact>)> = Vec::new();
        for fact in &facts {
            match groups.iter_mut().find(|(value, _)| *value == fact.value) {
                Some((_, group)) => group.push(fact),
                None => groups.push((fact.value.clone(), vec![fact])),
            }
        }
        let count = |group: &Vec<&Fact>| group.iter().map(|f| f.sources.len()).sum::<usize>();
        // The stable sort keeps the first-read value first among equals.
        groups.sort_by_key(|(_, group)| std::cmp::Reverse(count(group)));
        let Some((value, chosen)) = groups.first() else {
            return;
        };
        let reason = if groups.len() > 1 {
            let others: Vec<String> = groups[1..]
                .iter()
                .map(|(other, group)| format!("{other} ({})", cite(group[0])))
                .collect();
            Some(format!(
                "{value} — given by {} passages, first {}; the documents also mention {}.",
                count(chosen),
                cite(chosen[0]),
                others.join(", ")
            ))
        } else {
            None
        };
        let chosen = chosen.clone();
        self.put(
            "s0.mvp_launch",
            Value::Text(value.clone()),
            Origin::Document,
            reason,
            &chosen,
        );
    }

    /// Milestones from the timeline, one row each, duplicates (the same date
    /// and name) folded; phase by the MVP launch date.
    fn fill_milestones(&mut self) {
        let launch_text = self.text("s0.mvp_launch").unwrap_or_default();
        let launch = iso_date(&launch_text);
        let launch_point = schedule_point(&launch_text);
        let mut rows: Vec<(Vec<String>, Vec<&Fact>)> = Vec::new();
        for fact in self.of("timeline.milestone") {
            let parts = cells(&fact.value);
            let (name, date, notes) = if parts.len() >= 2 && parts.iter().any(|p| is_date_like(p)) {
                let date_at = parts
                    .iter()
                    .position(|p| iso_date(p).is_some())
                    .or_else(|| parts.iter().position(|p| is_date_like(p)))
                    .unwrap_or(1);
                let name = if date_at == 0 {
                    parts.get(1).cloned().unwrap_or_default()
                } else {
                    parts[0].clone()
                };
                let notes: Vec<String> = parts
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| *i != date_at && parts[*i] != name)
                    .map(|(_, p)| p.clone())
                    .collect();
                (name, parts[date_at].clone(), notes.join("; "))
            } else if parts.len() >= 2 {
                (parts[0].clone(), String::new(), parts[1..].join("; "))
            } else if let Some((name, date)) = fact
                .value
                .split_once(": ")
                .filter(|(_, date)| is_date_like(date))
            {
                (
                    name.trim().to_string(),
                    date.trim().to_string(),
                    String::new(),
                )
            } else if let Some((name, date, notes)) = bracketed_date(&fact.value) {
                (name, date, notes)
            } else {
                (fact.value.clone(), String::new(), String::new())
            };
            let duplicate = rows.iter_mut().find(|(row, _)| {
                !date.is_empty()
                    && row[1] == date
                    && row[0].to_lowercase().contains(&name.to_lowercase())
            });
            if let Some((_, cited)) = duplicate {
                cited.push(fact);
                continue;
            }
            let point = schedule_point(&date);
            let phase = match (iso_date(&date), &launch) {
                (Some(date), Some(launch)) if date <= *launch => "MVP",
                (Some(_), Some(_)) => "Post-MVP",
                _ if mentions(
                    &name,
                    &[
                        "increment",
                        "post-mvp",
                        "post-launch",
                        "after launch",
                        "ongoing",
                    ],
                ) =>
                {
                    "Post-MVP"
                }
                _ if point.is_some()
                    && launch_point.is_some()
                    && point.as_ref().map(|p| &p.0) == launch_point.as_ref().map(|p| &p.0) =>
                {
                    let (_, start, _) = point.clone().unwrap_or_default();
                    let (_, _, launch_end) = launch_point.clone().unwrap_or_default();
                    if start <= launch_end {
                        "MVP"
                    } else {
                        "Post-MVP"
                    }
                }
                _ if mentions(&name, &["mvp"]) => "MVP",
                _ => "",
            };
            rows.push((vec![name, date, phase.to_string(), notes], vec![fact]));
        }
        self.put_items("s0.milestones", rows, Origin::Document, None);
    }

    /// Post-MVP statements: increments become goals; statements about flags,
    /// cadence or canaries feed those fields instead.
    fn fill_post_mvp_statements(&mut self) {
        let increments: Vec<(Vec<String>, Vec<&Fact>)> = self
            .of("postmvp.increment")
            .into_iter()
            .filter(|fact| {
                !mentions(&fact.value, FLAG_WORDS)
                    && !mentions(&fact.value, CADENCE_WORDS)
                    && !mentions(&fact.value, CANARY_WORDS)
            })
            .map(|fact| (vec![fact.value.clone()], vec![fact]))
            .collect();
        self.put_items("s0.post_mvp_goals", increments, Origin::Document, None);
    }

    fn fill_goals(&mut self) {
        let scope = self.of("mvp.scope_item");
        let launch = self.text("s0.mvp_launch");
        let mut purpose = format!(
            "This plan describes how {} is deployed: the Minimum Viable Product (MVP) first",
            self.project_name
        );
        if let Some(launch) = &launch {
            let _ = write!(purpose, ", live by {launch}");
        }
        purpose.push_str(", then later features in small, reversible increments. It names the environments, pipeline, rollout pattern, checks, rollback and owners for each phase.");
        let mut cited = scope.clone();
        cited.extend(self.of("timeline.mvp_launch"));
        self.propose(
            "s0.purpose",
            Value::Text(purpose),
            "Drafted from the project's name, MVP scope and launch target.".into(),
            &cited,
        );

        let mut goals: Vec<(Vec<String>, Vec<&Fact>)> = Vec::new();
        let launch_facts = self.of("timeline.mvp_launch");
        goals.push((vec![match &launch {
            Some(launch) => format!("Release the MVP to production by {launch} without an incident or unplanned downtime"),
            None => "Release the MVP to production without an incident or unplanned downtime".into(),
        }], launch_facts));
        goals.push((
            vec!["Gather feedback from the first users on the MVP scope".into()],
            scope.iter().take(1).copied().collect(),
        ));
        let availability = self.of("nfr.availability");
        goals.push((vec![match availability.first() {
            Some(fact) => format!("Prove the core infrastructure, pipeline and rollback in production while meeting {} availability", fact.value),
            None => "Prove the core infrastructure, pipeline and rollback in production".into(),
        }], availability.clone()));
        self.put_items("s0.mvp_goals", goals, Origin::Proposed, Some("Typical MVP deployment goals, tied to the launch target and availability the documents give.".into()));
    }

    fn fill_workflow(&mut self) {
        let gitops = self.of("gitops.tool");
        if let Some(first) = gitops.first() {
            let reason = format!(
                "The documents name {} as the GitOps tool ({}).",
                display_value(&first.value),
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
                display_value(&ci.value),
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
    fn fill_post_mvp_pattern(&mut self) {
        let canary: Vec<&Fact> = self
            .facts
            .iter()
            .filter(|fact| mentions(&fact.value, CANARY_WORDS))
            .collect();
        let flags = self.of("feature_flags.tool");
        let evidence: Vec<&Fact> = canary.iter().chain(flags.iter()).copied().collect();
        if let Some(first) = evidence.first() {
            let because = if canary.is_empty() {
                format!("{} names {} as the feature flag tool, so new features can reach a small share of users first", cite(first), display_value(&first.value))
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
            let flag_tool = flags.first().map(|f| display_value(&f.value));
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
        } else if let Some(pattern) = self.text("s1.mvp_pattern") {
            let reason = format!(
                "{pattern} — nothing in the documents asks for a different pattern after the MVP."
            );
            self.propose("s1.post_mvp_pattern", Value::Text(pattern), reason, &[]);
        }
    }

    fn fill_feature_flags(&mut self) {
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
            .map(|f| format!("{} ", display_value(&f.value)))
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

    fn fill_cadence(&mut self) {
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
        let statements: Vec<&Fact> = self
            .facts
            .iter()
            .filter(|fact| fact.key == "postmvp.increment" && mentions(&fact.value, CADENCE_WORDS))
            .collect();
        if !statements.is_empty() {
            let text = statements
                .iter()
                .map(|f| f.value.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            self.put(
                "s1.post_mvp_cadence",
                Value::Text(text),
                Origin::Document,
                None,
                &statements,
            );
        }
    }

    /// Environments from the test strategy and specification, in promotion
    /// order, each with its purpose as the documents give it.
    fn fill_environments(&mut self) {
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
            let name = display_value(&fact.value);
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
        let mut text = "For the MVP, every environment runs at the smallest size that carries the expected MVP load: production with at least two instances of each service".to_string();
        if let Some(fact) = availability.first() {
            let _ = write!(
                text,
                " across two availability zones (to meet {} availability)",
                fact.value
            );
        }
        text.push_str("; lower environments with single instances and smaller databases, switched off outside working hours where possible. Full-scale sizing follows measured load after launch.");
        self.propose(
            "s2.mvp_considerations",
            Value::Text(text),
            "Common practice for an MVP, sized by the documented availability target.".into(),
            &availability,
        );
    }

    fn fill_build(&mut self) {
        let scanners = self.of("security.scanner");
        let pick = |names: &[&str]| -> Vec<&'a Fact> {
            scanners
                .iter()
                .copied()
                .filter(|f| names.contains(&f.value.as_str()))
                .collect()
        };
        let tools = |facts: &[&Fact]| -> String {
            let mut names: Vec<String> = facts.iter().map(|f| display_value(&f.value)).collect();
            names.dedup();
            names.join(", ")
        };
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
                Some(f) => format!("API container image ({})", display_value(&f.value)),
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
                .map(|f| display_value(&f.value))
                .unwrap_or_default();
            let mut cited = vec![*framework];
            cited.extend(storage);
            artifacts.push((
                vec![
                    format!("UI bundle ({})", display_value(&framework.value)),
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
                    format!("Database migrations ({})", display_value(&tool.value)),
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

    fn fill_delivery(&mut self) {
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
            let tool_name = display_value(&tool.value);
            let target = if kubernetes.is_empty() {
                "the environment".to_string()
            } else {
                format!("the {} cluster", display_value(&kubernetes[0].value))
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
        let mut stages: Vec<String> = vec!["CI build, tests and scans pass".into()];
        for environment in &before_production {
            stages.push(format!("Deploy to {environment} and run smoke tests"));
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
        self.propose("s4.mvp_stages", Value::List(stages), "Built from the environments (step 2), the MVP pattern (step 1) and the migration tool.".into(), &cited);

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
                    display_value(&f.value)
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
                    display_value(&tool.value)
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
            let text = format!("Non-secret settings per environment live in {place}, reviewed like code. Secrets live in {} and are given to the application at deploy or start time (the exact mechanism is TBD); they never enter Git, images or logs.", display_value(&store.value));
            self.propose(
                "s4.config_management",
                Value::Text(text),
                format!("The documented secrets store ({}).", cite(store)),
                &secrets,
            );
        }
    }

    fn fill_infrastructure(&mut self) {
        let mut rows: Vec<(Vec<String>, Vec<&Fact>)> = Vec::new();
        for (component, keys) in [
            ("Cloud", &["cloud.provider"][..]),
            (
                "Compute",
                &["container.orchestrator", "hosting.platform"][..],
            ),
            ("Database", &["db.engine"][..]),
            ("Messaging", &["messaging.broker"][..]),
            ("Object storage", &["storage.object"][..]),
            ("CDN", &["cdn"][..]),
            ("Web server", &["web.server"][..]),
            ("Secrets", &["secrets.store"][..]),
            ("Observability", &["observability.tool"][..]),
        ] {
            let mut facts: Vec<&Fact> = keys.iter().flat_map(|key| self.of(key)).collect();
            if component == "Database" {
                facts.sort_by_key(|fact| {
                    PRIMARY_DATABASES
                        .iter()
                        .position(|e| *e == fact.value)
                        .unwrap_or(PRIMARY_DATABASES.len())
                });
            }
            if facts.is_empty() {
                continue;
            }
            let mut names: Vec<String> = Vec::new();
            for fact in &facts {
                let name = display_value(&fact.value);
                if !names.contains(&name) {
                    names.push(name);
                }
            }
            rows.push((
                vec![
                    component.to_string(),
                    names.join(", "),
                    String::new(),
                    String::new(),
                ],
                facts,
            ));
        }
        self.put_items("s5.components", rows, Origin::Document, None);
        let components = self.first_column("s5.components");
        if !components.is_empty() {
            let availability = self.of("nfr.availability");
            let mut text = "One region; the smallest instance sizes that carry the MVP load with headroom for twice the expected peak; managed services where the documents name them".to_string();
            if let Some(fact) = availability.first() {
                let _ = write!(
                    text,
                    "; two availability zones for the database and compute to meet {} availability",
                    fact.value
                );
            }
            text.push('.');
            self.propose(
                "s5.mvp_infrastructure",
                Value::Text(text),
                "Sized from the documented components and availability target.".into(),
                &availability,
            );
            self.propose("s5.full_scale", Value::Text("Autoscaling on measured load, read replicas and larger database instances once usage grows, and a second region only if the recovery targets require it.".into()), "Common growth path after an MVP.".into(), &[]);
        }
    }

    fn fill_service_levels(&mut self) {
        let mut items: Vec<(Vec<String>, Vec<&Fact>)> = Vec::new();
        for (key, label) in [
            ("nfr.availability", "Availability"),
            ("nfr.latency", "Latency"),
            ("nfr.rto", "Recovery time objective (RTO)"),
            ("nfr.rpo", "Recovery point objective (RPO)"),
        ] {
            for fact in self.of(key) {
                items.push((vec![format!("{label}: {}", fact.value)], vec![fact]));
            }
        }
        if let Some(fact) = self
            .of("nfr.zero_downtime")
            .into_iter()
            .find(|f| f.value == "true")
        {
            items.push((vec!["Zero-downtime deployments".to_string()], vec![fact]));
        }
        self.put_items("s5.slos", items, Origin::Document, None);
    }

    /// Observability tools sorted into monitoring, logging and tracing.
    fn fill_observability(&mut self) {
        let tools = self.of("observability.tool");
        for (field, names, what) in [
            ("s5.monitoring", &["prometheus", "grafana", "datadog", "new-relic", "cloudwatch", "sentry", "pagerduty", "better-stack"][..], "Metrics, dashboards, error tracking and alerting"),
            ("s5.logging", &["loki", "elk", "cloudwatch", "datadog"][..], "Structured application and infrastructure logs, kept searchable and free of personal data"),
            ("s5.tracing", &["opentelemetry", "jaeger", "x-ray", "honeycomb", "datadog"][..], "Distributed traces across the UI, API and background jobs"),
        ] {
            let found: Vec<&Fact> = tools.iter().copied().filter(|f| names.contains(&f.value.as_str())).collect();
            if found.is_empty() {
                continue;
            }
            let mut list: Vec<String> = found.iter().map(|f| display_value(&f.value)).collect();
            list.dedup();
            let mut text = format!("{what} with {}.", list.join(", "));
            if field == "s5.monitoring" {
                let slos = self.of("nfr.availability").into_iter().chain(self.of("nfr.latency")).next();
                if let Some(slo) = slos {
                    let _ = write!(text, " Alerts fire on the service level objectives (e.g. {}).", slo.value);
                }
            }
            let reason = format!("Tools named in the documents ({}).", cite(found[0]));
            self.propose(field, Value::Text(text), reason, &found);
        }
    }

    fn stakeholder_roles(&self) -> Vec<String> {
        let mut roles = self.first_column("s11.roles");
        for fallback in [RELEASE_MANAGER_ROLE] {
            if roles.is_empty() {
                roles.push(fallback.to_string());
            }
        }
        roles
    }

    fn fill_rollback(&mut self) {
        let pattern = self.text("s1.mvp_pattern").unwrap_or_default();
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
        triggers.push((
            vec!["A database migration fails or corrupts data".into()],
            self.of("db.engine").into_iter().take(1).collect(),
        ));
        triggers.push((
            vec!["A critical security finding in the released version".into()],
            Vec::new(),
        ));
        self.put_items(
            "s6.triggers",
            triggers,
            Origin::Proposed,
            Some(
                "Triggers follow the documented objectives; the 5-minute window is a proposal."
                    .into(),
            ),
        );

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
        match pattern.as_str() {
            "Blue/Green" => {
                steps.push("Switch traffic back to the previous (blue) version".into());
            }
            _ => steps.push("Redeploy the previous version".into()),
        }
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
        let mut text = String::from("Later releases are undone in the cheapest way first: switch the feature's flag off; abort the canary so all traffic returns to the stable version; only then redeploy the previous version");
        if gitops {
            text.push_str(" by reverting its commit");
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
                    && mentions(&f.value, &["rollback", "roll back", "restore"])
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

    /// An owner for a check, by what it is about, among the step 11 roles.
    fn owner_for(&self, text: &str, default: &str) -> String {
        let roles = self.stakeholder_roles();
        let rules: &[(&[&str], &[&str])] = &[
            (
                &[
                    "penetration",
                    "security",
                    "dpia",
                    "privacy",
                    "vulnerab",
                    "zap",
                ],
                &["security"],
            ),
            (
                &[
                    "monitoring",
                    "alert",
                    "on-call",
                    "rollback",
                    "restore",
                    "deploy",
                    "downtime",
                ],
                &["devops", "release"],
            ),
            (
                &[
                    "test",
                    "defect",
                    "coverage",
                    "e2e",
                    "exit criteria",
                    "axe",
                    "wcag",
                    "latency",
                ],
                &["qa", "test"],
            ),
            (&["training", "support", "help article"], &["support"]),
            (
                &["accepted", "uat", "sign-off", "pilot"],
                &["product owner"],
            ),
        ];
        for (topics, owners) in rules {
            if mentions(text, topics) {
                return role_like(&roles, owners, default);
            }
        }
        role_like(&roles, &[&default.to_lowercase()], default)
    }

    fn fill_checks(&mut self) {
        let release = self.of("release.criterion");
        let rows: Vec<(Vec<String>, Vec<&Fact>)> = release
            .iter()
            .map(|fact| {
                (
                    vec![
                        fact.value.clone(),
                        self.owner_for(&fact.value, PRODUCT_OWNER_ROLE),
                    ],
                    vec![*fact],
                )
            })
            .collect();
        self.put_items("s7.mvp_pre_checks", rows, Origin::Document, Some("Checks from the release criteria; owners assigned by topic among the roles of step 11.".into()));
        let exit = self.of("test.exit_criterion");
        let rows: Vec<(Vec<String>, Vec<&Fact>)> = exit
            .iter()
            .map(|fact| {
                (
                    vec![
                        fact.value.clone(),
                        self.owner_for(&fact.value, QA_LEAD_ROLE),
                    ],
                    vec![*fact],
                )
            })
            .collect();
        self.put_items("s7.mvp_post_checks", rows, Origin::Document, Some("The MVP exit criteria of the test strategy; owners assigned by topic among the roles of step 11.".into()));
        let roles = self.stakeholder_roles();
        let devops = role_like(&roles, &["devops", "release"], RELEASE_MANAGER_ROLE);
        let qa = role_like(&roles, &["qa", "test"], QA_LEAD_ROLE);
        let product = role_like(&roles, &["product owner"], PRODUCT_OWNER_ROLE);
        let security = role_like(&roles, &["security"], "Security Officer");
        let rows = vec![
            vec![
                "CI green: tests and security scans pass, no new critical or high findings".into(),
                "Before".into(),
                devops.clone(),
            ],
            vec![
                "Release notes, flag plan and migration plan reviewed".into(),
                "Before".into(),
                product.clone(),
            ],
            vec![
                "Backup taken and rollback path confirmed".into(),
                "Before".into(),
                devops.clone(),
            ],
            vec![
                "Dependency and image vulnerabilities reviewed".into(),
                "Before".into(),
                security,
            ],
            vec!["Smoke tests pass in production".into(), "After".into(), qa],
            vec![
                "Dashboards and alerts watched for 30 minutes; error budget intact".into(),
                "After".into(),
                devops,
            ],
            vec![
                "Stakeholders told; release recorded".into(),
                "After".into(),
                product,
            ],
        ];
        self.propose(
            "s7.general",
            Value::Table(rows),
            "Standard release routine; owners are the roles of step 11.".into(),
            &[],
        );
    }

    fn fill_database(&mut self) {
        let Some(engine) = self.text("s8.engine") else {
            return;
        };
        // The first engine is the system of record (see PRIMARY_DATABASES).
        let engine = engine.split(", ").next().unwrap_or_default().to_string();
        let tool = self
            .first_name("db.migration_tool")
            .unwrap_or_else(|| "the migration tool (TBD)".into());
        let tool_facts = self.of("db.migration_tool");
        let engine_facts = self.of("db.engine");
        self.propose("s8.approach", Value::Text(format!("Schema changes are versioned {tool} migrations kept with the code and run by the pipeline before the new version starts. Every change is backward-compatible (expand, then contract): add columns and tables first, switch the code, remove the old parts in a later release. Migrations are tested against a copy of production-like data in staging.")), format!("Common practice for {engine} with the documented migration tool."), &tool_facts);
        self.propose("s8.mvp_schema", Value::List(vec![
            format!("Create the {engine} databases and users with IaC, least privilege"),
            format!("Apply the initial schema with {tool}"),
            "Load reference and seed data (roles, settings) with an idempotent, versioned script".into(),
            "Create the first administrator accounts through the application, not by SQL".into(),
            "Verify the schema version and seed data in staging, then in production".into(),
        ]), "Common steps for a first schema.".into(), &engine_facts);
        let recovery: Vec<&Fact> = self
            .of("nfr.rpo")
            .into_iter()
            .chain(self.of("nfr.rto"))
            .collect();
        let mut text = "Automated daily backups with point-in-time recovery, plus a snapshot right before every production migration".to_string();
        if let Some(rpo) = self.of("nfr.rpo").into_iter().min_by_key(|f| f.value.len()) {
            let _ = write!(
                text,
                "; point-in-time recovery keeps data loss within the RPO of {}",
                rpo.value
            );
        }
        if let Some(rto) = self.of("nfr.rto").into_iter().min_by_key(|f| f.value.len()) {
            let _ = write!(
                text,
                "; a restore drill proves a restore fits the RTO of {}",
                rto.value
            );
        }
        text.push('.');
        self.propose(
            "s8.backup",
            Value::Text(text),
            "Sized by the documented recovery objectives.".into(),
            &recovery,
        );
        self.propose("s8.rollback", Value::Text("Because migrations are backward-compatible, the application can roll back without touching the schema; a faulty migration is fixed forward with a new migration. Restoring the pre-migration snapshot is the last resort, decided by the Release Manager with the Backend Lead, as it loses writes made since.".into()), "Follows from the expand-then-contract approach.".into(), &[]);
    }

    fn fill_ui(&mut self) {
        let frameworks = self.of("frontend.framework");
        let Some(framework) = frameworks.first() else {
            return;
        };
        let name = display_value(&framework.value);
        let cdn = self.of("cdn");
        let storage = self.of("storage.object");
        let mut text =
            format!("The {name} build produces static assets with content-hashed file names");
        match (cdn.first(), storage.first()) {
            (Some(c), Some(s)) => {
                let _ = write!(
                    text,
                    ", uploaded to {} and served through {}",
                    display_value(&s.value),
                    display_value(&c.value)
                );
            }
            (Some(c), None) => {
                let _ = write!(text, ", served through {}", display_value(&c.value));
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
                    display_value(&c.value)
                )
            })
            .unwrap_or_default();
        self.propose("s9.caching", Value::Text(format!("Hashed assets are cached for a year (immutable); HTML and the service entry point are never cached{invalidate}. The MVP's assets carry the release version 1.0.0.")), "Common practice for hashed static assets.".into(), &cdn);
        self.propose("s9.post_mvp_caching", Value::Text("Later releases keep the previous release's assets for at least a week so open sessions keep working; UI features ship behind feature flags, so a release can be undone without a new deploy.".into()), "Follows the post-MVP pattern and feature flags (step 1).".into(), &[]);
    }

    fn fill_security(&mut self) {
        let policy = self.of("policy.tool");
        let iac = self.of("iac.tool");
        let scanners = self.of("security.scanner");
        let iac_scan: Vec<&Fact> = scanners
            .iter()
            .copied()
            .filter(|f| ["checkov", "tfsec"].contains(&f.value.as_str()))
            .collect();
        if !iac.is_empty() || !policy.is_empty() {
            let mut text = String::from("Infrastructure is defined only in code");
            if let Some(tool) = iac.first() {
                let _ = write!(text, " ({})", display_value(&tool.value));
            }
            text.push_str(", with least-privilege access, encryption at rest and in transit, and private networks by default.");
            let mut names: Vec<String> = iac_scan
                .iter()
                .chain(policy.iter())
                .map(|f| display_value(&f.value))
                .collect();
            names.dedup();
            if !names.is_empty() {
                let _ = write!(text, " Every change is verified automatically by {} before it is applied, and the build fails on a violation.", names.join(", "));
            }
            let mut cited = iac.clone();
            cited.extend(policy.iter().copied());
            cited.extend(iac_scan.iter().copied());
            self.propose(
                "s10.infra_security",
                Value::Text(text),
                "From the documented IaC and policy tools.".into(),
                &cited,
            );
        }
        if !policy.is_empty() {
            let mut rules: Vec<String> = vec![
                "No public storage buckets or databases".into(),
                "Encryption at rest and in transit on every data store".into(),
                "No wildcard IAM permissions".into(),
            ];
            if !self.of("container.orchestrator").is_empty() {
                rules.push("Containers run as non-root, with resource limits, from the approved registry only".into());
            }
            self.propose(
                "s10.policies",
                Value::List(rules),
                format!(
                    "Typical rules for the documented policy tools ({}).",
                    cite(policy[0])
                ),
                &policy,
            );
        }
        let before: Vec<(Vec<String>, Vec<&Fact>)> = self
            .facts
            .iter()
            .filter(|f| {
                (f.key == "release.criterion" || f.key == "test.exit_criterion")
                    && mentions(
                        &f.value,
                        &["penetration", "security", "zap", "dpia", "vulnerab"],
                    )
            })
            .map(|f| (vec![f.value.clone()], vec![f]))
            .collect();
        if before.is_empty() {
            self.propose(
                "s10.mvp_checks",
                Value::List(vec![
                    "No open critical or high findings from the pipeline scans".into(),
                    "An external or internal penetration test of the MVP".into(),
                ]),
                "Common practice; the documents name no security release criteria.".into(),
                &[],
            );
        } else {
            self.put_items("s10.mvp_checks", before, Origin::Document, None);
        }
        let zap: Vec<&Fact> = scanners
            .iter()
            .copied()
            .filter(|f| f.value == "owasp-zap")
            .collect();
        let mut after: Vec<(Vec<String>, Vec<&Fact>)> = Vec::new();
        if !zap.is_empty() {
            after.push((
                vec!["OWASP ZAP baseline scan against production".into()],
                zap,
            ));
        }
        after.push((
            vec!["TLS, security headers and cookie flags verified on the live site".into()],
            Vec::new(),
        ));
        after.push((
            vec![
                "No secrets in logs; alerts on failed logins and privilege changes confirmed"
                    .into(),
            ],
            Vec::new(),
        ));
        self.put_items(
            "s10.mvp_checks_after",
            after,
            Origin::Proposed,
            Some("Checks right after go-live; tools are the documented ones.".into()),
        );
        let secrets = self.of("secrets.store");
        if let Some(store) = secrets.first() {
            let scanners: Vec<String> = self
                .of("security.scanner")
                .into_iter()
                .filter(|f| ["gitleaks", "trufflehog"].contains(&f.value.as_str()))
                .map(|f| display_value(&f.value))
                .collect();
            let mut text = format!("Secrets are created and stored in {}, one set per environment, readable only by that environment's workload identity. They are rotated on a schedule and whenever someone with access leaves", display_value(&store.value));
            if !scanners.is_empty() {
                let _ = write!(
                    text,
                    "; {} stops secrets from entering the repository",
                    scanners.join(", ")
                );
            }
            text.push('.');
            self.propose(
                "s10.secrets",
                Value::Text(text),
                format!("The documented secrets store ({}).", cite(store)),
                &secrets,
            );
        }
    }

    /// Roles from the stakeholders (a name in brackets is the person), each
    /// with proposed responsibilities.
    fn fill_roles(&mut self) {
        let mut rows: Vec<(Vec<String>, Vec<&Fact>)> = Vec::new();
        for fact in self.of("stakeholder.role") {
            let (role, mut person) = match fact.value.split_once(" (") {
                Some((role, rest)) => (
                    role.trim().to_string(),
                    rest.trim_end_matches(')').trim().to_string(),
                ),
                None => (fact.value.trim().to_string(), String::new()),
            };
            if person.is_empty() {
                person = person_in_row(fact, &role);
            }
            if let Some((row, cited)) = rows
                .iter_mut()
                .find(|(row, _)| row[0].eq_ignore_ascii_case(&role))
            {
                if row[1].is_empty() {
                    row[1] = person;
                }
                cited.push(fact);
                continue;
            }
            let (mvp, later) = responsibilities(&role);
            rows.push((
                vec![role, person, mvp.to_string(), later.to_string()],
                vec![fact],
            ));
        }
        self.put_items("s11.roles", rows, Origin::Proposed, Some("Roles as the documents name them; responsibilities proposed from each role's name.".into()));
    }

    fn fill_raci(&mut self) {
        let roles = self.stakeholder_roles();
        let product = role_like(&roles, &["product owner"], PRODUCT_OWNER_ROLE);
        let devops = role_like(&roles, &["devops", "release"], RELEASE_MANAGER_ROLE);
        let qa = role_like(&roles, &["qa", "test"], QA_LEAD_ROLE);
        let security = role_like(&roles, &["security"], "Security Officer");
        let engineering = role_like(
            &roles,
            &["engineering", "developer", "tech lead"],
            "Engineering Lead",
        );
        let sponsor = role_like(&roles, &["sponsor", "executive"], "Executive Sponsor");
        let support = role_like(&roles, &["support"], "Support Lead");
        let row = |activity: &str, r: &str, a: &str, c: &str, i: &str| {
            vec![
                activity.to_string(),
                r.to_string(),
                a.to_string(),
                c.to_string(),
                i.to_string(),
            ]
        };
        let rows = vec![
            row(
                "MVP go/no-go decision",
                &product,
                &sponsor,
                &format!("{qa}, {security}, {devops}"),
                &support,
            ),
            row(
                "CI/CD pipeline and environments",
                &devops,
                &engineering,
                &security,
                &qa,
            ),
            row(
                "Production deployment (MVP and later)",
                &devops,
                &devops,
                &engineering,
                &format!("{product}, {support}"),
            ),
            row(
                "Database migrations",
                &engineering,
                &engineering,
                &devops,
                &qa,
            ),
            row(
                "MVP exit criteria verification",
                &qa,
                &qa,
                &product,
                &sponsor,
            ),
            row(
                "Security scans and penetration test sign-off",
                &security,
                &security,
                &engineering,
                &product,
            ),
            row(
                "Rollback decision",
                &devops,
                &devops,
                &format!("{product}, {engineering}"),
                &format!("{sponsor}, {support}"),
            ),
            row(
                "Feature flag changes (post-MVP)",
                &product,
                &product,
                &engineering,
                &support,
            ),
        ];
        let cited = self.of("stakeholder.role");
        self.propose("s11.raci", Value::Table(rows), "Activities of this plan; roles are those of step 11 (names as the documents give them).".into(), &cited);
    }
}

const RELEASE_MANAGER_ROLE: &str = "Release Manager";
const PRODUCT_OWNER_ROLE: &str = "Product Owner";
const QA_LEAD_ROLE: &str = "QA Lead";

/// The person named beside a role in a stakeholder table row
/// (`Role | Name | …`): the second cell when it reads as a name.
fn person_in_row(fact: &Fact, role: &str) -> String {
    fact.sources
        .iter()
        .find_map(|source| {
            let row = cells(&source.excerpt);
            if row.len() < 3 || !row[0].eq_ignore_ascii_case(role) {
                return None;
            }
            let words: Vec<&str> = row[1].split_whitespace().collect();
            let is_name = (2..=4).contains(&words.len())
                && words
                    .iter()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase));
            is_name.then(|| row[1].clone())
        })
        .unwrap_or_default()
}

/// Typical MVP and post-MVP responsibilities of a role, by its name.
fn responsibilities(role: &str) -> (&'static str, &'static str) {
    let table: &[(&[&str], &str, &str)] = &[
        (
            &["sponsor", "executive"],
            "Approves the MVP launch and its budget",
            "Approves the roadmap of increments",
        ),
        (
            &["product owner", "product manager"],
            "Accepts the MVP scope; go/no-go with the Release Manager",
            "Prioritises increments; decides when flags are switched on",
        ),
        (
            &["devops", "release", "sre", "platform"],
            "Builds the pipeline and environments; runs the MVP deployment and any rollback",
            "Runs releases; evolves canary analysis and automation",
        ),
        (
            &["qa", "test"],
            "Verifies the MVP exit criteria; signs off testing",
            "Keeps regression and performance suites green per release",
        ),
        (
            &["security"],
            "Signs off scans and the penetration test before launch",
            "Reviews findings and policies each release",
        ),
        (
            &["engineering", "tech lead", "architect"],
            "Owns code quality, migrations and technical readiness",
            "Owns technical design of increments",
        ),
        (
            &["developer", "engineer"],
            "Fix defects; write migrations and tests",
            "Build increments behind feature flags",
        ),
        (
            &["support"],
            "Prepares help articles and support rota for launch",
            "Reports user issues and feedback per release",
        ),
        (
            &["coordinator", "pilot", "user", "representative"],
            "Takes part in UAT and pilot feedback",
            "Gives feedback on increments",
        ),
    ];
    table
        .iter()
        .find(|(words, _, _)| mentions(role, words))
        .map(|(_, mvp, later)| (*mvp, *later))
        .unwrap_or(("", ""))
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
            own_outputs: Vec::new(),
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
            reason.contains("technicalSpecification.md › Reliability (line 212)"),
            "{reason}"
        );
        assert!(reason.contains("99.9%"));
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

    fn fact_with_excerpt(key: &str, value: &str, line: u32, excerpt: &str) -> Fact {
        let mut fact = fact(key, value, line);
        fact.sources[0].excerpt = excerpt.into();
        fact
    }

    fn text_of(answers: &Answers, id: &str) -> String {
        answers
            .get(id)
            .unwrap_or_else(|| panic!("{id} has an answer"))
            .value
            .lines()
            .join("\n")
    }

    #[test]
    fn no_strict_availability_proposes_a_rolling_update() {
        let answers = suggest_answers(&project(vec![fact("nfr.availability", "99.5%", 3)]));
        let answer = answers.get("s1.mvp_pattern").unwrap();
        assert_eq!(answer.value, Value::Text("Rolling Update".into()));
        assert_eq!(answer.origin, Origin::Proposed);
    }

    #[test]
    fn the_mvp_launch_is_the_best_supported_date_and_names_the_others() {
        let mut launch = fact("timeline.mvp_launch", "2027-04-30", 107);
        launch.sources.push(launch.sources[0].clone());
        launch.sources[1].line_start = 110;
        let answers = suggest_answers(&project(vec![
            fact("timeline.mvp_launch", "2027-04-16", 106),
            launch,
        ]));
        let answer = answers.get("s0.mvp_launch").unwrap();
        assert_eq!(answer.value, Value::Text("2027-04-30".into()));
        assert_eq!(answer.origin, Origin::Document);
        let reason = answer.reason.as_deref().unwrap();
        assert!(reason.contains("also mention 2027-04-16"), "{reason}");
    }

    #[test]
    fn milestones_become_rows_with_dates_phases_and_their_own_sources() {
        let answers = suggest_answers(&project(vec![
            fact("timeline.mvp_launch", "2027-04-30", 9),
            fact(
                "timeline.milestone",
                "M1 — Foundations | 2027-02-12 | Terraform ready",
                103,
            ),
            fact(
                "timeline.milestone",
                "M6 — Increment 1 | 2027-06-25 | SMS",
                108,
            ),
            fact("timeline.milestone", "Increment 1: 2027-06-25", 111),
        ]));
        let answer = answers.get("s0.milestones").unwrap();
        assert_eq!(
            answer.value,
            Value::Table(vec![
                vec![
                    "M1 — Foundations".into(),
                    "2027-02-12".into(),
                    "MVP".into(),
                    "Terraform ready".into()
                ],
                vec![
                    "M6 — Increment 1".into(),
                    "2027-06-25".into(),
                    "Post-MVP".into(),
                    "SMS".into()
                ],
            ])
        );
        assert_eq!(answer.item_sources.len(), 2);
        assert_eq!(
            answer.item_sources[1].len(),
            2,
            "the duplicate folds into M6"
        );
    }

    #[test]
    fn schedule_points_read_as_dates_and_plain_words_do_not() {
        for date in [
            "2027-04-30",
            "Day 14",
            "Week 10-11",
            "Days 3-7",
            "Q3 2026",
            "April 2027",
            "Sprint 3",
        ] {
            assert!(is_date_like(date), "{date}");
        }
        for text in [
            "Publishing flow (riskiest component)",
            "Week 1 focus",
            "Daybreak",
            "Q&A",
        ] {
            assert!(!is_date_like(text), "{text}");
        }
    }

    #[test]
    fn undated_milestone_rows_keep_their_name_and_notes() {
        let answers = suggest_answers(&project(vec![
            fact("timeline.milestone", "Week 1 focus | Publishing flow", 1),
            fact("timeline.milestone", "Day 14 | Community launch", 2),
            fact(
                "timeline.milestone",
                "Testing and refinement (Day 13-14)",
                3,
            ),
        ]));
        let rows = answers.get("s0.milestones").unwrap().value.rows();
        assert_eq!(rows[0][..2], ["Week 1 focus".to_string(), String::new()]);
        assert_eq!(rows[0][3], "Publishing flow");
        assert_eq!(
            rows[1][..2],
            ["Community launch".to_string(), "Day 14".to_string()]
        );
        assert_eq!(
            rows[2][..2],
            [
                "Testing and refinement".to_string(),
                "Day 13-14".to_string()
            ]
        );
    }

    #[test]
    fn phases_with_weeks_in_brackets_are_placed_before_or_after_the_launch_week() {
        let answers = suggest_answers(&project(vec![
            fact("timeline.mvp_launch", "Weeks 9-10", 1),
            fact(
                "timeline.milestone",
                "Phase 1: Setup (Weeks 1-2): Finalize tech",
                2,
            ),
            fact("timeline.milestone", "Phase 6: Growth (Weeks 11-14)", 3),
            fact(
                "timeline.milestone",
                "Phase 5: Maintenance (Post-Launch): Content",
                4,
            ),
        ]));
        let rows = answers.get("s0.milestones").unwrap().value.rows();
        assert_eq!(
            rows[0],
            ["Phase 1: Setup", "Weeks 1-2", "MVP", "Finalize tech"]
        );
        assert_eq!(rows[1][2], "Post-MVP");
        assert_eq!(
            rows[2][..3],
            [
                "Phase 5: Maintenance (Post-Launch): Content".to_string(),
                String::new(),
                "Post-MVP".to_string()
            ]
        );
    }

    #[test]
    fn a_feature_flag_tool_proposes_a_canary_for_later_releases() {
        let answers = suggest_answers(&project(vec![fact("feature_flags.tool", "unleash", 99)]));
        let answer = answers.get("s1.post_mvp_pattern").unwrap();
        assert_eq!(answer.value, Value::Text("Canary".into()));
        assert_eq!(answer.origin, Origin::Proposed);
        assert!(answer.reason.as_deref().unwrap().contains("Unleash"));
    }

    #[test]
    fn a_documented_canary_wish_proposes_a_canary_and_citing_it() {
        let answers = suggest_answers(&project(vec![fact(
            "postmvp.increment",
            "API changes could be released to a small share of traffic first",
            147,
        )]));
        let answer = answers.get("s1.post_mvp_pattern").unwrap();
        assert_eq!(answer.value, Value::Text("Canary".into()));
        assert!(answer.reason.as_deref().unwrap().contains("(line 147)"));
        assert!(
            answers.get("s0.post_mvp_goals").is_none(),
            "not an increment"
        );
    }

    #[test]
    fn flag_and_cadence_statements_fill_their_own_fields_from_the_documents() {
        let answers = suggest_answers(&project(vec![
            fact("postmvp.increment", "Increment 1: SMS reminders", 74),
            fact(
                "postmvp.increment",
                "Every post-MVP feature ships dark behind a flag",
                141,
            ),
            fact(
                "postmvp.increment",
                "After the MVP, a release is made every two weeks",
                146,
            ),
        ]));
        assert_eq!(
            text_of(&answers, "s0.post_mvp_goals"),
            "Increment 1: SMS reminders"
        );
        let flags = answers.get("s1.feature_flag_strategy").unwrap();
        assert_eq!(flags.origin, Origin::Document);
        assert!(text_of(&answers, "s1.feature_flag_strategy").contains("ships dark"));
        let cadence = answers.get("s1.post_mvp_cadence").unwrap();
        assert_eq!(cadence.origin, Origin::Document);
        assert!(text_of(&answers, "s1.post_mvp_cadence").contains("every two weeks"));
    }

    #[test]
    fn environments_come_in_promotion_order_with_purposes_from_the_excerpts() {
        let answers = suggest_answers(&project(vec![
            fact_with_excerpt(
                "test.environment",
                "prod",
                93,
                "Production | Live service; smoke tests only | Real data",
            ),
            fact_with_excerpt(
                "test.environment",
                "dev",
                89,
                "Dev | Integration of merged work | Synthetic",
            ),
            fact_with_excerpt(
                "test.environment",
                "test",
                90,
                "Test (QA) | Functional and E2E testing of release candidates | Synthetic",
            ),
            fact_with_excerpt(
                "test.environment",
                "qa",
                90,
                "Test (QA) | Functional and E2E testing of release candidates | Synthetic",
            ),
            fact("iac.tool", "terraform", 12),
        ]));
        let rows = answers.get("s2.environments").unwrap().value.rows();
        let names: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
        assert_eq!(
            names,
            ["Development", "Test", "Production"],
            "QA is the same line as Test"
        );
        assert_eq!(rows[0][1], "Integration of merged work");
        assert_eq!(rows[0][2], "Terraform");
    }

    #[test]
    fn later_steps_offer_what_earlier_steps_decided() {
        let answers = suggest_answers(&project(vec![
            fact("nfr.availability", "99.9%", 1),
            fact_with_excerpt(
                "test.environment",
                "staging",
                2,
                "Staging | Production-like",
            ),
            fact_with_excerpt("test.environment", "prod", 3, "Production | Live"),
            fact("db.migration_tool", "flyway", 4),
        ]));
        let stages = text_of(&answers, "s4.mvp_stages");
        assert!(
            stages.contains("Deploy to Staging and run smoke tests"),
            "{stages}"
        );
        assert!(stages.contains("Switch traffic to green"), "{stages}");
        assert!(stages.contains("(Flyway)"), "{stages}");
        assert_eq!(
            answers.get("s4.mvp_stages").unwrap().origin,
            Origin::Proposed
        );
        let rollback = text_of(&answers, "s6.mvp_rollback");
        assert!(rollback.contains("blue"), "{rollback}");
        assert_eq!(text_of(&answers, "s6.testing_environment"), "Staging");
    }

    #[test]
    fn containers_and_an_orchestrator_give_a_proposed_container_strategy() {
        let answers = suggest_answers(&project(vec![
            fact("container.used", "true", 91),
            fact("container.orchestrator", "eks", 92),
            fact("security.scanner", "trivy", 132),
        ]));
        let answer = answers.get("s3.container_strategy").unwrap();
        assert_eq!(answer.origin, Origin::Proposed);
        let text = text_of(&answers, "s3.container_strategy");
        assert!(
            text.contains("Amazon EKS") && text.contains("Trivy"),
            "{text}"
        );
        assert!(text_of(&answers, "s3.ci_stages").contains("Image scan: Trivy"));
    }

    #[test]
    fn kubernetes_and_argo_cd_give_a_gitops_delivery_workflow() {
        let answers = suggest_answers(&project(vec![
            fact("container.orchestrator", "kubernetes", 1),
            fact("gitops.tool", "argocd", 2),
            fact("ci.tool", "github-actions", 3),
        ]));
        assert_eq!(text_of(&answers, "s1.workflow"), "GitOps (pull-based)");
        let workflow = answers.get("s4.cd_workflow").unwrap();
        assert_eq!(workflow.origin, Origin::Proposed);
        let text = text_of(&answers, "s4.cd_workflow");
        assert!(text.contains("Argo CD in the Kubernetes cluster"), "{text}");
        assert!(text.contains("GitHub Actions"), "{text}");
    }

    #[test]
    fn release_criteria_and_exit_criteria_become_checks_with_owners_and_own_sources() {
        let answers = suggest_answers(&project(vec![
            fact("stakeholder.role", "QA Lead", 68),
            fact("stakeholder.role", "Security Officer", 69),
            fact(
                "release.criterion",
                "All penetration test findings are fixed.",
                122,
            ),
            fact("test.exit_criterion", "E2E journeys pass in staging.", 113),
        ]));
        let pre = answers.get("s7.mvp_pre_checks").unwrap();
        assert_eq!(pre.origin, Origin::Document);
        assert_eq!(pre.value.rows()[0][1], "Security Officer");
        assert_eq!(pre.item_sources[0][0].line_start, 122);
        let post = answers.get("s7.mvp_post_checks").unwrap();
        assert_eq!(post.value.rows()[0][1], "QA Lead");
    }

    #[test]
    fn stakeholder_roles_give_proposed_roles_and_a_raci_using_their_names() {
        let answers = suggest_answers(&project(vec![
            fact("stakeholder.role", "Product Owner", 65),
            fact(
                "stakeholder.role",
                "DevOps/Release Manager (Tomasz Wójcik)",
                142,
            ),
            fact("stakeholder.role", "DevOps/Release Manager", 67),
        ]));
        let roles = answers.get("s11.roles").unwrap();
        assert_eq!(roles.origin, Origin::Proposed);
        let rows = roles.value.rows();
        assert_eq!(rows.len(), 2, "the two DevOps rows fold: {rows:?}");
        assert_eq!(rows[1][1], "Tomasz Wójcik");
        let raci = answers.get("s11.raci").unwrap().value.rows();
        assert!(raci.iter().any(|row| row[1] == "DevOps/Release Manager"));
    }

    #[test]
    fn recovery_objectives_size_the_proposed_database_backup() {
        let answers = suggest_answers(&project(vec![
            fact("db.engine", "redis", 1),
            fact("db.engine", "postgresql", 2),
            fact("nfr.rpo", "15 minutes", 3),
            fact("nfr.rto", "1 hour", 4),
        ]));
        assert_eq!(text_of(&answers, "s8.engine"), "PostgreSQL, Redis");
        let backup = answers.get("s8.backup").unwrap();
        assert_eq!(backup.origin, Origin::Proposed);
        let text = text_of(&answers, "s8.backup");
        assert!(
            text.contains("RPO of 15 minutes") && text.contains("RTO of 1 hour"),
            "{text}"
        );
        assert!(text_of(&answers, "s8.mvp_schema").contains("PostgreSQL databases"));
    }

    #[test]
    fn a_cdn_and_a_framework_give_a_proposed_ui_asset_strategy() {
        let answers = suggest_answers(&project(vec![
            fact("frontend.framework", "react", 1),
            fact("cdn", "cloudfront", 2),
        ]));
        let answer = answers.get("s9.asset_strategy").unwrap();
        assert_eq!(answer.origin, Origin::Proposed);
        assert!(text_of(&answers, "s9.asset_strategy").contains("React build"));
        assert!(text_of(&answers, "s9.asset_strategy").contains("CloudFront"));
        assert!(
            answers.get("s9.caching").is_some() && answers.get("s9.post_mvp_caching").is_some()
        );
    }

    #[test]
    fn security_scanners_become_pipeline_checks_and_a_policy_tool_gives_policy_as_code() {
        let answers = suggest_answers(&project(vec![
            fact("security.scanner", "codeql", 1),
            fact("security.scanner", "gitleaks", 2),
            fact("policy.tool", "opa", 3),
        ]));
        assert_eq!(
            answers.get("s10.pipeline_checks").unwrap().value,
            Value::List(vec!["CodeQL".into(), "gitleaks".into()])
        );
        let stages = text_of(&answers, "s3.ci_stages");
        assert!(
            stages.contains("Static analysis (SAST): CodeQL"),
            "{stages}"
        );
        assert!(stages.contains("Secret scan: gitleaks"), "{stages}");
        assert!(text_of(&answers, "s10.infra_security").contains("OPA"));
        assert_eq!(
            answers.get("s10.policies").unwrap().origin,
            Origin::Proposed
        );
    }

    #[test]
    fn observability_tools_are_sorted_into_monitoring_logging_and_tracing() {
        let answers = suggest_answers(&project(vec![
            fact("observability.tool", "prometheus", 1),
            fact("observability.tool", "loki", 2),
            fact("observability.tool", "opentelemetry", 3),
        ]));
        assert!(text_of(&answers, "s5.monitoring").contains("Prometheus"));
        assert!(text_of(&answers, "s5.logging").contains("Loki"));
        assert!(text_of(&answers, "s5.tracing").contains("OpenTelemetry"));
    }

    #[test]
    fn a_tool_the_documents_never_name_is_never_a_document_value() {
        let answers = suggest_answers(&project(vec![
            fact("nfr.availability", "99.9%", 1),
            fact("ci.tool", "jenkins", 2),
        ]));
        for (id, answer) in &answers.values {
            if answer.origin == Origin::Document {
                let text = answer.value.lines().join(" ");
                for tool in ["Argo CD", "Unleash", "Terraform", "GitHub Actions", "Vault"] {
                    assert!(!text.contains(tool), "{id} names {tool}");
                }
            }
        }
        assert!(answers.get("s1.gitops_tool").is_none());
        assert!(answers.get("s2.iac_tool").is_none());
    }

    #[test]
    fn answers_without_item_sources_still_load() {
        let answer: Answer = serde_json::from_str(r#"{"value":["a"],"origin":"user"}"#).unwrap();
        assert!(answer.item_sources.is_empty());
    }

    #[test]
    fn nothing_known_leaves_the_documented_fields_empty() {
        let answers = suggest_answers(&project(Vec::new()));
        assert!(answers.get("s0.mvp_scope").is_none());
        assert!(answers.get("s2.environments").is_none());
        assert!(answers.get("s3.ci_tool").is_none());
    }
}
