//! The plan's structure as data: the 12 required sections (wizard steps), their
//! fields with help text, and the glossary. The UI renders these generically and
//! the Markdown renderer reads the same definitions, so adding a field touches
//! only this file.

use serde::Serialize;
use std::sync::OnceLock;
use ts_rs::TS;

/// The kind of control a field needs, and so the shape of its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum FieldKind {
    /// One line of text.
    Text,
    /// Several paragraphs.
    LongText,
    /// One of `options`, or any other text.
    Choice,
    /// Any of `options`, plus other entries.
    MultiChoice,
    /// An ordered list of lines.
    List,
    /// A list of checks, written as a checklist.
    Checklist,
    /// Rows of cells under `columns`.
    Table,
}

impl FieldKind {
    /// Whether the value is a list of lines.
    pub fn is_list(self) -> bool {
        matches!(
            self,
            FieldKind::MultiChoice | FieldKind::List | FieldKind::Checklist
        )
    }
}

/// Whether a field is about the MVP release, later releases, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum Phase {
    General,
    Mvp,
    PostMvp,
}

/// One question of a wizard step.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct FieldDef {
    /// Stable id, `s<step>.<name>`; the key of its answer.
    pub id: String,
    pub label: String,
    /// Plain-language help for a non-specialist.
    pub help: String,
    pub kind: FieldKind,
    pub phase: Phase,
    /// The sub-heading of the written plan this field appears under.
    pub heading: String,
    /// Who must fill it in when it is unknown (`TBD — owner: <owner>`).
    pub owner: String,
    /// Choices offered (choice and multiple choice fields).
    pub options: Vec<String>,
    /// Column names (table fields).
    pub columns: Vec<String>,
    /// An earlier (or sibling) table field whose rows' first column supplies
    /// the choices for this field, e.g. `s11.roles` for owners or
    /// `s2.environments` for environments. For a choice field the choices are
    /// the whole value's; for a table, those of the columns in
    /// `options_columns`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options_from: Option<String>,
    /// For a table with `options_from`: the columns whose cells take those
    /// choices (e.g. `Owner`, or the RACI letters).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options_columns: Vec<String>,
    /// Words and phrases (in every supported language) that find the
    /// passages of the documents speaking to this field: "What the documents
    /// say" ([`crate::answers::documents_say`]). Empty for fields filled from
    /// facts alone.
    #[serde(skip)]
    #[ts(skip)]
    pub query: Vec<String>,
    /// Words that, in a passage's heading, say the passage is about something
    /// else (rehearsing a rollback is not the rollback itself).
    #[serde(skip)]
    #[ts(skip)]
    pub avoid: Vec<String>,
}

/// One wizard step: one required section of the plan.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct StepDef {
    /// `s0` … `s11`.
    pub id: String,
    pub number: u8,
    pub title: String,
    /// What the section is for, in a sentence or two.
    pub intro: String,
    pub fields: Vec<FieldDef>,
}

impl StepDef {
    /// The section heading as written in the plan, e.g. `0. Introduction & Goals`.
    pub fn heading(&self) -> String {
        format!("{}. {}", self.number, self.title)
    }

    /// The field with this id.
    pub fn field(&self, id: &str) -> Option<&FieldDef> {
        self.fields.iter().find(|field| field.id == id)
    }
}

/// A term explained for readers who are not specialists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct GlossaryEntry {
    pub term: String,
    pub explanation: String,
    /// The ways the term is written in a plan ([`term_keys`]), which the UI
    /// explains where they occur.
    pub keys: Vec<String>,
}

/// The ways a glossary term is written in a plan: `IaC (Infrastructure as
/// Code)` as either part, `Canary release` also as `Canary`.
pub fn term_keys(term: &str) -> Vec<String> {
    if let Some((short, long)) = term.split_once(" (") {
        return vec![
            short.trim().to_string(),
            long.trim_end_matches(')').trim().to_string(),
        ];
    }
    let mut keys = vec![term.to_string()];
    if let Some((first, second)) = term.split_once(' ') {
        if matches!(
            second.to_ascii_lowercase().as_str(),
            "release" | "deployment"
        ) {
            keys.push(first.to_string());
        }
    }
    keys
}

/// What the wizard is built from, as the app sends it to the UI: the steps,
/// the glossary, and every document role in plain words (for choosing one).
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct WizardDefinition {
    pub steps: &'static [StepDef],
    pub glossary: &'static [GlossaryEntry],
    pub roles: Vec<crate::model::RoleLabel>,
}

impl WizardDefinition {
    /// The definition: [`steps`], [`glossary`], [`crate::model::RoleLabel::all`].
    pub fn get() -> WizardDefinition {
        WizardDefinition {
            steps: steps(),
            glossary: glossary(),
            roles: crate::model::RoleLabel::all(),
        }
    }
}

/// The 12 steps, in order.
pub fn steps() -> &'static [StepDef] {
    static STEPS: OnceLock<Vec<StepDef>> = OnceLock::new();
    STEPS.get_or_init(define_steps)
}

/// The field with this id, in any step.
pub fn field(id: &str) -> Option<&'static FieldDef> {
    steps().iter().find_map(|step| step.field(id))
}

const RELEASE_MANAGER: &str = "Release Manager";
const DEVOPS: &str = "DevOps Engineer";
const PRODUCT_OWNER: &str = "Product Owner";
const QA_LEAD: &str = "QA Lead";
const SECURITY: &str = "Security Officer";
const DBA: &str = "Backend Lead";
const FRONTEND: &str = "Frontend Lead";

/// Builds one field; `heading` is the output sub-heading it is written under.
struct Field {
    def: FieldDef,
}

impl Field {
    fn new(id: &str, kind: FieldKind, heading: &str, label: &str, help: &str) -> Field {
        Field {
            def: FieldDef {
                id: id.to_string(),
                label: label.to_string(),
                help: help.to_string(),
                kind,
                phase: Phase::General,
                heading: heading.to_string(),
                owner: RELEASE_MANAGER.to_string(),
                options: Vec::new(),
                columns: Vec::new(),
                options_from: None,
                options_columns: Vec::new(),
                query: Vec::new(),
                avoid: Vec::new(),
            },
        }
    }
    /// The words that find the passages speaking to this field.
    fn query(mut self, terms: &[&str]) -> Field {
        self.def.query = terms.iter().map(|t| t.to_string()).collect();
        self
    }
    /// Heading words of passages that are about something else.
    fn avoid(mut self, terms: &[&str]) -> Field {
        self.def.avoid = terms.iter().map(|t| t.to_string()).collect();
        self
    }
    fn mvp(mut self) -> Field {
        self.def.phase = Phase::Mvp;
        self
    }
    fn post_mvp(mut self) -> Field {
        self.def.phase = Phase::PostMvp;
        self
    }
    fn owner(mut self, owner: &str) -> Field {
        self.def.owner = owner.to_string();
        self
    }
    fn options(mut self, options: &[&str]) -> Field {
        self.def.options = options.iter().map(|o| o.to_string()).collect();
        self
    }
    fn columns(mut self, columns: &[&str]) -> Field {
        self.def.columns = columns.iter().map(|c| c.to_string()).collect();
        self
    }
    /// Choices come from the first column of the table field `source`.
    fn options_from(mut self, source: &str) -> Field {
        self.def.options_from = Some(source.to_string());
        self
    }
    /// Choices from the first column of `source`, for the table columns `columns`.
    fn options_from_for(mut self, source: &str, columns: &[&str]) -> Field {
        self.def.options_from = Some(source.to_string());
        self.def.options_columns = columns.iter().map(|c| c.to_string()).collect();
        self
    }
}

fn step(number: u8, title: &str, intro: &str, fields: Vec<Field>) -> StepDef {
    StepDef {
        id: format!("s{number}"),
        number,
        title: title.to_string(),
        intro: intro.to_string(),
        fields: fields.into_iter().map(|f| f.def).collect(),
    }
}

/// Query terms for "What the documents say", by topic; a field names the
/// topics it speaks to. English, Portuguese, Spanish, French and German, as
/// written (accents and word endings are folded when matching).
mod queries {
    pub const ROLLOUT: &[&str] = &[
        "deployment strategy",
        "rollout",
        "roll out",
        "phased rollout",
        "phased release",
        "pilot",
        "beta",
        "waves",
        "blue green",
        "canary",
        "rolling update",
        "zero downtime",
        "downtime",
        "go live",
        "cutover",
        "release strategy",
        "estratégia de implantação",
        "despliegue",
        "déploiement",
        "bereitstellung",
        "implantação",
    ];
    pub const FLAGS: &[&str] = &[
        "feature flag",
        "feature flags",
        "feature toggle",
        "feature toggles",
        "kill switch",
        "flag rollout",
        "sinalizador de funcionalidade",
        "indicador de funcionalidad",
        "feature-flag",
    ];
    pub const IAC: &[&str] = &[
        "infrastructure as code",
        "iac",
        "terraform",
        "opentofu",
        "pulumi",
        "cdk",
        "cloudformation",
        "bicep",
        "ansible",
        "helm chart",
        "infraestrutura como código",
        "infraestructura como código",
        "infrastructure en tant que code",
    ];
    pub const ENVIRONMENTS: &[&str] = &[
        "environment",
        "environments",
        "staging",
        "deployment environments",
        "ambiente",
        "entorno",
        "environnement",
        "umgebung",
    ];
    pub const CONTAINERS: &[&str] = &[
        "docker",
        "dockerfile",
        "container image",
        "container images",
        "containerization",
        "containerisation",
        "containerized",
        "container registry",
        "image registry",
        "multi stage build",
        "docker compose",
        "imagem de contêiner",
        "imagen de contenedor",
        "image de conteneur",
        "container-image",
    ];
    pub const DELIVERY: &[&str] = &[
        "continuous delivery",
        "continuous deployment",
        "deployment pipeline",
        "deploy",
        "deployment",
        "promotion",
        "release process",
        "implantação",
        "despliegue",
        "déploiement",
        "bereitstellung",
    ];
    pub const SECRETS: &[&str] = &[
        "secret",
        "secrets",
        "secrets management",
        "credential",
        "credentials",
        "api key",
        "environment variable",
        "environment variables",
        "configuration management",
        "environment configuration",
        "vault",
        "key management",
        "segredo",
        "secreto",
        "geheimnis",
    ];
    pub const INFRASTRUCTURE: &[&str] = &[
        "infrastructure",
        "hosting",
        "deployment architecture",
        "cloud infrastructure",
        "compute",
        "serverless",
        "cluster",
        "infraestrutura",
        "infraestructura",
        "hébergement",
        "infrastruktur",
    ];
    pub const MONITORING: &[&str] = &[
        "monitoring",
        "alerting",
        "alerts",
        "health check",
        "health checks",
        "uptime",
        "on call",
        "observability",
        "monitoramento",
        "monitorización",
        "surveillance",
        "überwachung",
    ];
    pub const LOGGING: &[&str] = &[
        "logging",
        "log management",
        "log aggregation",
        "log retention",
        "audit log",
        "audit logging",
        "structured logging",
        "application logs",
        "centralized logging",
        "registro de logs",
        "journalisation",
        "protokollierung",
    ];
    pub const TRACING: &[&str] = &[
        "tracing",
        "trace",
        "distributed tracing",
        "opentelemetry",
        "apm",
        "span",
    ];
    pub const SCALE: &[&str] = &[
        "scalability",
        "auto scaling",
        "autoscaling",
        "horizontal scaling",
        "scale out",
        "high availability",
        "capacity planning",
        "escalabilidade",
        "escalabilidad",
        "skalierbarkeit",
        "scalabilité",
    ];
    pub const ROLLBACK: &[&str] = &[
        "rollback",
        "roll back",
        "revert",
        "previous version",
        "restore",
        "undo",
        "reversão",
        "reversión",
        "retour arrière",
        "zurücksetzen",
        "rückgängig",
    ];
    pub const ROLLBACK_TESTING: &[&str] = &[
        "rollback test",
        "disaster recovery",
        "recovery drill",
        "drill",
        "rehearse",
        "rehearsal",
        "game day",
        "restore test",
    ];
    pub const MIGRATIONS: &[&str] = &[
        "database migration",
        "database migrations",
        "schema migration",
        "schema migrations",
        "schema change",
        "schema changes",
        "migration tool",
        "migration script",
        "migration scripts",
        "database schema",
        "migração de banco",
        "migración de base de datos",
        "migration de base de données",
        "datenbankmigration",
    ];
    pub const SCHEMA_ROLLBACK: &[&str] = &[
        "down migration",
        "migration rollback",
        "rollback migration",
        "revert migration",
        "schema rollback",
        "database rollback",
        "restore database",
        "database restore",
        "backward compatible",
        "expand and contract",
        "forward fix",
    ];
    pub const BACKUP: &[&str] = &[
        "backup",
        "backups",
        "back up",
        "snapshot",
        "point in time recovery",
        "pitr",
        "retention",
        "restore",
        "cópia de segurança",
        "copia de seguridad",
        "sauvegarde",
        "sicherung",
    ];
    pub const UI_ASSETS: &[&str] = &[
        "frontend deployment",
        "frontend hosting",
        "static assets",
        "static site",
        "static hosting",
        "asset deployment",
        "cdn",
        "web hosting",
        "app store",
        "play store",
        "app distribution",
        "store submission",
        "frontend build",
    ];
    pub const CACHING: &[&str] = &[
        "cache",
        "caching",
        "cache control",
        "cache busting",
        "invalidation",
        "service worker",
        "asset versioning",
    ];
    /// What rehearsing or testing a procedure is called, for fields about the procedure itself.
    pub const HOTFIX: &[&str] = &[
        "hotfix",
        "hotfixes",
        "hot fix",
        "urgent fix",
        "emergency fix",
        "emergency change",
        "emergency release",
        "patch release",
        "correção urgente",
        "corrección urgente",
        "correctif urgent",
        "notfall",
    ];
    pub const WINDOW: &[&str] = &[
        "deployment window",
        "maintenance window",
        "change window",
        "release window",
        "code freeze",
        "change freeze",
        "deployment freeze",
        "janela de manutenção",
        "ventana de mantenimiento",
        "fenêtre de maintenance",
        "wartungsfenster",
    ];
    pub const ESCALATION: &[&str] = &[
        "escalation",
        "escalate",
        "on call",
        "on-call",
        "incident response",
        "incident management",
        "severity",
        "pager",
        "escalonamento",
        "escalamiento",
        "astreinte",
        "eskalation",
        "bereitschaft",
    ];
    pub const REHEARSAL: &[&str] = &[
        "rehearsal",
        "rehearse",
        "drill",
        "test",
        "testing",
        "exercise",
        "ensaio",
        "teste",
        "prueba",
        "ensayo",
        "essai",
        "übung",
        "probe",
    ];
    /// Headings about backups, rehearsals or tests, for fields about undoing a release.
    pub const NOT_ROLLBACK: &[&str] = &[
        "backup",
        "backups",
        "disaster recovery",
        "rehearsal",
        "rehearse",
        "drill",
        "test",
        "testing",
        "exercise",
        "cópia de segurança",
        "copia de seguridad",
        "sauvegarde",
        "sicherung",
        "ensaio",
        "teste",
        "prueba",
        "essai",
        "übung",
    ];
    pub const INFRA_SECURITY: &[&str] = &[
        "security",
        "encryption",
        "least privilege",
        "network",
        "firewall",
        "tls",
        "https",
        "access control",
        "iam",
        "rbac",
        "hardening",
        "segurança",
        "seguridad",
        "sécurité",
        "sicherheit",
    ];
}

const PATTERNS: &[&str] = &["Rolling Update", "Blue/Green", "Canary", "Recreate"];

fn define_steps() -> Vec<StepDef> {
    use FieldKind::*;
    vec![
        step(0, "Introduction & Goals",
            "Why this plan exists and what the MVP release must achieve.",
            vec![
                Field::new("s0.purpose", LongText, "Purpose",
                    "Purpose of this plan",
                    "One or two sentences a newcomer can read: what is being deployed and why the plan puts the MVP first."),
                Field::new("s0.mvp_scope", List, "MVP Scope",
                    "What the MVP contains",
                    "The features or user stories that ship in the first release, with their story IDs.").mvp().owner(PRODUCT_OWNER),
                Field::new("s0.mvp_launch", Text, "MVP Deployment Goals",
                    "MVP launch target",
                    "When the MVP must be live: a date, a week or a quarter, as the business documents say.").mvp().owner(PRODUCT_OWNER),
                Field::new("s0.mvp_goals", List, "MVP Deployment Goals",
                    "Goals of the MVP deployment",
                    "What a successful first release looks like, e.g. rolled out without incident, first user feedback gathered, core infrastructure proven.").mvp(),
                Field::new("s0.post_mvp_goals", List, "Post-MVP Goals",
                    "Goals for later releases",
                    "What the releases after the MVP should achieve, e.g. the next increments, faster and safer releases.").post_mvp().owner(PRODUCT_OWNER),
                Field::new("s0.disagreements", List, "Where the Documents Disagree",
                    "Decisions the documents disagree on",
                    "Facts that should have one value but are stated differently in different documents; each is an open decision for its owner, with every source.").owner(PRODUCT_OWNER),
                Field::new("s0.milestones", Table, "Release Timeline",
                    "Milestones",
                    "One row per milestone, in date order. Dates written as YYYY-MM-DD are drawn as a timeline.")
                    .columns(&["Milestone", "Target date", "Phase", "Notes"]).owner(PRODUCT_OWNER),
            ]),
        step(1, "Overall Deployment Strategy & Workflow",
            "How a change travels from a merged commit to production, and how releases are rolled out.",
            vec![
                Field::new("s1.workflow", Choice, "Overall Workflow",
                    "Deployment workflow",
                    "GitOps means the desired state of every environment lives in Git and a tool in the cluster applies it; push-based means the pipeline deploys directly.")
                    .options(&["GitOps (pull-based)", "Push-based CI/CD", "Manual with runbook"]).owner(DEVOPS),
                Field::new("s1.gitops_tool", Choice, "Overall Workflow",
                    "GitOps tool",
                    "The tool that keeps environments in line with Git.")
                    .options(&["Argo CD", "Flux", "None"]).owner(DEVOPS),
                Field::new("s1.mvp_pattern", Choice, "MVP Deployment Pattern",
                    "Pattern for the MVP release",
                    "How the first version replaces what runs today. Rolling Update replaces servers a few at a time; Blue/Green starts a full new copy and switches traffic at once; Canary sends a small share of users first; Recreate stops the old version before starting the new one.")
                    .options(PATTERNS).mvp().owner(DEVOPS),
                Field::new("s1.mvp_pattern_why", LongText, "MVP Deployment Pattern",
                    "Why this pattern for the MVP",
                    "The reason, ideally tied to a requirement such as availability or zero downtime.").mvp().owner(DEVOPS),
                Field::new("s1.mvp_rollout", LongText, "MVP Deployment Pattern",
                    "How the MVP is rolled out",
                    "Who gets the MVP first and how it widens: all users at once, a pilot group, waves of users or regions, a store's phased release.").mvp().owner(RELEASE_MANAGER).query(queries::ROLLOUT),
                Field::new("s1.post_mvp_pattern", Choice, "Post-MVP Deployment Pattern",
                    "Pattern for later releases",
                    "How feature increments after the MVP are rolled out; often Canary or Blue/Green combined with feature flags.")
                    .options(PATTERNS).post_mvp().owner(DEVOPS),
                Field::new("s1.post_mvp_pattern_why", LongText, "Post-MVP Deployment Pattern",
                    "Why this pattern later",
                    "What changes after the MVP that makes this pattern fit, e.g. more traffic, more frequent releases, features behind flags.").post_mvp().owner(DEVOPS),
                Field::new("s1.feature_flag_tool", Choice, "Feature Flags",
                    "Feature flag tool",
                    "A feature flag is a switch that turns a feature on or off without deploying again.")
                    .options(&["Unleash", "LaunchDarkly", "Flagsmith", "GrowthBook", "OpenFeature", "ConfigCat", "Flipt", "Environment variables"]).owner(DEVOPS),
                Field::new("s1.feature_flag_strategy", LongText, "Feature Flags",
                    "How feature flags are used",
                    "Which features are hidden behind flags, who switches them, and when a flag is removed.").post_mvp().query(queries::FLAGS),
                Field::new("s1.mvp_cadence", Text, "Release Cadence",
                    "MVP release",
                    "When the MVP goes out, e.g. a single launch on the planned date after a pilot.").mvp().owner(PRODUCT_OWNER),
                Field::new("s1.post_mvp_cadence", Text, "Release Cadence",
                    "Cadence after the MVP",
                    "How often releases follow, e.g. every two weeks, or continuously behind flags.").post_mvp().owner(PRODUCT_OWNER),
                Field::new("s1.hotfix", LongText, "Release Cadence",
                    "Urgent fixes (hotfix path)",
                    "How an urgent fix reaches production: which environments and checks it may skip, and who approves it.").owner(RELEASE_MANAGER).query(queries::HOTFIX),
            ]),
        step(2, "Deployment Environments",
            "The environments a release passes through and how they are built.",
            vec![
                Field::new("s2.environments", Table, "Environments",
                    "Environments",
                    "One row per environment, in the order a release passes through them.")
                    .columns(&["Environment", "Purpose", "Provisioning", "MVP scale", "Full scale"]).owner(DEVOPS),
                Field::new("s2.iac_tool", Choice, "Infrastructure as Code",
                    "Infrastructure-as-Code tool",
                    "Infrastructure as Code (IaC) describes servers, networks and databases in versioned files so every environment can be rebuilt the same way.")
                    .options(&["Terraform", "OpenTofu", "Pulumi", "AWS CDK", "CloudFormation", "Bicep", "Ansible"]).owner(DEVOPS),
                Field::new("s2.iac_approach", LongText, "Infrastructure as Code",
                    "How environments are provisioned",
                    "How the IaC is organised (one module per component, one configuration per environment), where its state lives, and how changes are reviewed and applied.").owner(DEVOPS).query(queries::IAC),
                Field::new("s2.mvp_considerations", LongText, "MVP Environment Considerations",
                    "MVP differences",
                    "How the MVP environments differ from full scale: fewer replicas, smaller databases, shared staging, and when that changes.").mvp().owner(DEVOPS).query(queries::ENVIRONMENTS),
            ]),
        step(3, "Build & Packaging Process (CI)",
            "How every change is built, tested, scanned and packaged.",
            vec![
                Field::new("s3.ci_tool", Choice, "CI Process",
                    "CI service",
                    "The service that runs the build on every change.")
                    .options(&["GitHub Actions", "GitLab CI", "Jenkins", "CircleCI", "Azure Pipelines", "AWS CodeBuild", "Bitbucket Pipelines"]).owner(DEVOPS),
                Field::new("s3.ci_stages", List, "CI Process",
                    "CI stages",
                    "The stages every change passes, in order: e.g. build, unit tests, static analysis, security scans, package.").owner(DEVOPS),
                Field::new("s3.versioning", Text, "Artifact Versioning",
                    "Version scheme",
                    "How builds are numbered, e.g. semantic versions (1.4.2) plus the commit hash.").owner(DEVOPS),
                Field::new("s3.mvp_tag", Text, "Artifact Versioning",
                    "MVP release tag",
                    "The tag that identifies the MVP artifacts, e.g. v1.0.0-mvp.").mvp().owner(DEVOPS),
                Field::new("s3.artifacts", Table, "Artifact Versioning",
                    "Artifacts and their tags",
                    "One row per artifact the build produces (container image, UI bundle, migration bundle…), where it is stored, how it is tagged, and its MVP tag.")
                    .columns(&["Artifact", "Stored in", "Version tag", "MVP tag"]).owner(DEVOPS),
                Field::new("s3.container_strategy", LongText, "Containerization Strategy",
                    "Container strategy",
                    "Whether the application ships as container images, how they are built (base images, multi-stage builds) and where they are stored.").owner(DEVOPS).query(queries::CONTAINERS),
            ]),
        step(4, "Deployment Pipeline (CD)",
            "How built artifacts reach each environment, automatically and verifiably.",
            vec![
                Field::new("s4.cd_workflow", LongText, "CD Workflow",
                    "Continuous delivery workflow",
                    "What happens after a build passes: which tool deploys, to which environments automatically, and where a person approves.").owner(DEVOPS).query(queries::DELIVERY),
                Field::new("s4.mvp_stages", List, "MVP Pipeline Stages",
                    "MVP pipeline stages",
                    "The stages needed to deploy and verify the MVP, in order.").mvp().owner(DEVOPS),
                Field::new("s4.post_mvp_stages", List, "Post-MVP Pipeline Stages",
                    "Additional stages later",
                    "Stages added once releases become more frequent, e.g. canary analysis or automated performance checks.").post_mvp().owner(DEVOPS),
                Field::new("s4.secrets_store", Choice, "Configuration and Secrets Management",
                    "Secrets store",
                    "Where passwords, keys and tokens are kept; never in the code repository.")
                    .options(&["HashiCorp Vault", "AWS Secrets Manager", "GCP Secret Manager", "Azure Key Vault", "SOPS", "Sealed Secrets", "Kubernetes Secrets", "Doppler", "GitHub Secrets", "Platform environment variables"]).owner(SECURITY),
                Field::new("s4.config_management", LongText, "Configuration and Secrets Management",
                    "Configuration management",
                    "How per-environment settings and secrets reach the application.").owner(DEVOPS).query(queries::SECRETS),
            ]),
        step(5, "Infrastructure Requirements",
            "What must run, how big it must be for the MVP, and how it is watched.",
            vec![
                Field::new("s5.components", Table, "Infrastructure Components",
                    "Infrastructure components",
                    "One row per component (compute, database, cache, storage, CDN…), with its MVP and full-scale sizing.")
                    .columns(&["Component", "Technology", "MVP", "Full scale"]).owner(DEVOPS),
                Field::new("s5.mvp_infrastructure", LongText, "MVP Infrastructure",
                    "Minimal infrastructure for the MVP",
                    "The smallest setup that carries the MVP's expected load, and how it grows.").mvp().owner(DEVOPS).query(queries::INFRASTRUCTURE),
                Field::new("s5.slos", List, "Service Level Objectives",
                    "Service level objectives",
                    "Targets the service must meet: availability, latency, recovery time (RTO) and recovery point (RPO).").owner(DEVOPS),
                Field::new("s5.observability", MultiChoice, "Observability",
                    "Observability tools",
                    "Monitoring shows health, logging keeps events, tracing follows a request across services.")
                    .options(&["Prometheus", "Grafana", "OpenTelemetry", "Sentry", "Datadog", "New Relic", "CloudWatch", "Loki", "Jaeger", "ELK", "PagerDuty"]).owner(DEVOPS),
                Field::new("s5.monitoring", LongText, "Observability",
                    "Monitoring and alerting",
                    "What is measured (availability, latency, errors, saturation), where the dashboards are, and who is alerted.").owner(DEVOPS).query(queries::MONITORING),
                Field::new("s5.logging", LongText, "Observability",
                    "Logging",
                    "Where application and infrastructure logs are collected, for how long they are kept, and how personal data is kept out of them.").owner(DEVOPS).query(queries::LOGGING),
                Field::new("s5.tracing", LongText, "Observability",
                    "Tracing",
                    "How a request is followed across services, so a slow or failing step can be found.").owner(DEVOPS).query(queries::TRACING),
                Field::new("s5.full_scale", LongText, "Full-Scale Infrastructure",
                    "Full-scale requirements",
                    "What the infrastructure grows into after the MVP: more replicas, more regions, larger databases, and what triggers each step.").post_mvp().owner(DEVOPS).query(queries::SCALE),
            ]),
        step(6, "Rollback Strategy",
            "How a bad release is undone, and what decides that it must be.",
            vec![
                Field::new("s6.triggers", List, "Rollback Triggers",
                    "Rollback triggers for the MVP",
                    "Conditions that start a rollback of the MVP release, e.g. error rate above 2 % for 5 minutes, failed smoke test.").mvp().owner(RELEASE_MANAGER),
                Field::new("s6.post_mvp_triggers", List, "Rollback Triggers",
                    "Rollback triggers for later releases",
                    "Conditions that abort a later release, e.g. canary metrics worse than the stable version, a flag's error budget used up.").post_mvp().owner(RELEASE_MANAGER),
                Field::new("s6.mvp_rollback", List, "MVP Rollback",
                    "MVP rollback steps",
                    "The steps to return to the previous state if the MVP release fails.").mvp().owner(DEVOPS).query(queries::ROLLBACK).avoid(queries::NOT_ROLLBACK),
                Field::new("s6.post_mvp_rollback", LongText, "Post-MVP Rollback",
                    "Rollback for later releases",
                    "How later releases are undone, e.g. switching a feature flag off, aborting a canary.").post_mvp().owner(DEVOPS).query(queries::ROLLBACK).avoid(queries::NOT_ROLLBACK),
                Field::new("s6.testing", LongText, "Rollback Testing",
                    "How rollback is tested",
                    "When and where the rollback is rehearsed before it is needed.").owner(QA_LEAD).query(queries::ROLLBACK_TESTING),
                Field::new("s6.testing_environment", Choice, "Rollback Testing",
                    "Where rollback is rehearsed",
                    "The environment (from step 2) where the rollback is rehearsed.")
                    .options_from("s2.environments").owner(QA_LEAD),
            ]),
        step(7, "Pre-Deployment & Post-Deployment Procedures",
            "The checks before and after a deployment, with who does them.",
            vec![
                Field::new("s7.mvp_pre_checks", Table, "MVP Pre-Deployment Checks",
                    "Checks before the MVP deployment",
                    "Everything that must be true before the first production deployment, with its owner.")
                    .columns(&["Check", "Owner"]).options_from_for("s11.roles", &["Owner"]).mvp().owner(RELEASE_MANAGER),
                Field::new("s7.mvp_post_checks", Table, "MVP Post-Deployment Verification",
                    "Verification after the MVP deployment",
                    "How the live MVP is verified; these follow the MVP exit criteria of the test strategy.")
                    .columns(&["Verification", "Owner"]).options_from_for("s11.roles", &["Owner"]).mvp().owner(QA_LEAD),
                Field::new("s7.general", Table, "General Procedures",
                    "Standard checks for later releases",
                    "The routine checks every release after the MVP passes, before and after deploying, with their owners.")
                    .columns(&["Check", "When", "Owner"]).options_from_for("s11.roles", &["Owner"]).post_mvp().owner(RELEASE_MANAGER),
                Field::new("s7.deployment_window", LongText, "General Procedures",
                    "Deployment and maintenance windows",
                    "When production may be changed (days, hours, maintenance windows, freezes) and who is told beforehand.").owner(RELEASE_MANAGER).query(queries::WINDOW),
            ]),
        step(8, "Database Migration Strategy",
            "How the database schema changes safely, starting with the MVP schema.",
            vec![
                Field::new("s8.engine", Choice, "Schema Change Management",
                    "Database",
                    "The database the application stores its data in.")
                    .options(&["PostgreSQL", "MySQL", "MariaDB", "MongoDB", "SQLite", "SQL Server", "DynamoDB", "Firestore"]).owner(DBA),
                Field::new("s8.migration_tool", Choice, "Schema Change Management",
                    "Migration tool",
                    "A migration tool applies versioned schema changes in order, the same way in every environment.")
                    .options(&["Flyway", "Liquibase", "Prisma Migrate", "Alembic", "Knex", "sqlx", "Diesel", "golang-migrate", "Django migrations", "Rails migrations"]).owner(DBA),
                Field::new("s8.approach", LongText, "Schema Change Management",
                    "How schema changes are made",
                    "E.g. backward-compatible (expand, then contract) migrations run by the pipeline before the new version starts.").owner(DBA).query(queries::MIGRATIONS),
                Field::new("s8.mvp_schema", List, "MVP Schema and Seed Data",
                    "MVP schema and seed data steps",
                    "The steps to create the first schema and load reference or seed data.").mvp().owner(DBA),
                Field::new("s8.backup", LongText, "Backup and Rollback",
                    "Database backup and rollback",
                    "How data is backed up before a change and restored if the change must be undone.").owner(DBA).query(queries::BACKUP).avoid(queries::REHEARSAL),
                Field::new("s8.rollback", LongText, "Backup and Rollback",
                    "Undoing a schema change",
                    "How a failed migration is undone: a down migration, a forward fix, or a restore from backup, and who decides.").owner(DBA).query(queries::SCHEMA_ROLLBACK).avoid(queries::REHEARSAL),
            ]),
        step(9, "UI Deployment Considerations",
            "How the user interface's files are delivered, versioned and cached.",
            vec![
                Field::new("s9.framework", Text, "UI Asset Deployment",
                    "UI framework",
                    "What the user interface is built with.").owner(FRONTEND),
                Field::new("s9.asset_strategy", LongText, "UI Asset Deployment",
                    "How UI assets are deployed",
                    "Where the built HTML, scripts, styles and images are served from, e.g. object storage behind a CDN.").owner(FRONTEND).query(queries::UI_ASSETS),
                Field::new("s9.cdn", Choice, "UI Asset Deployment",
                    "CDN",
                    "A content delivery network keeps copies of files close to users.")
                    .options(&["CloudFront", "Cloudflare", "Fastly", "Akamai", "Vercel Edge", "Netlify Edge", "None"]).owner(FRONTEND),
                Field::new("s9.caching", LongText, "Versioning and Caching",
                    "Versioning and caching for the MVP",
                    "How browsers get new files after the MVP release, e.g. content-hashed file names cached for a year and HTML never cached.").mvp().owner(FRONTEND).query(queries::CACHING),
                Field::new("s9.post_mvp_caching", LongText, "Versioning and Caching",
                    "Versioning and caching later",
                    "What changes for later releases, e.g. old asset versions kept for a while so open sessions keep working, UI features behind flags.").post_mvp().owner(FRONTEND),
            ]),
        step(10, "Security & Compliance Integration (DevSecOps)",
            "Security built into the pipeline and the infrastructure, not added at the end.",
            vec![
                Field::new("s10.pipeline_checks", MultiChoice, "Pipeline Security",
                    "Security checks in CI/CD",
                    "SAST reads the code, SCA checks third-party libraries, DAST probes the running app, image scanning checks containers.")
                    .options(&["CodeQL", "Semgrep", "SonarQube", "Snyk", "Dependabot", "npm audit", "Trivy", "Grype", "OWASP ZAP", "gitleaks", "Checkov", "tfsec"]).owner(SECURITY),
                Field::new("s10.infra_security", LongText, "Infrastructure Security",
                    "Secure configuration",
                    "How the IaC is kept secure (least privilege, encryption, network rules) and how that is verified automatically.").owner(SECURITY).query(queries::INFRA_SECURITY),
                Field::new("s10.policy_tool", Choice, "Infrastructure Security",
                    "Policy-as-Code tool",
                    "Policy as Code (PaC) writes security rules as code that the pipeline or cluster enforces automatically.")
                    .options(&["OPA", "Gatekeeper", "Kyverno", "Conftest", "Checkov", "Sentinel"]).owner(SECURITY),
                Field::new("s10.policies", List, "Infrastructure Security",
                    "Policies enforced as code",
                    "The rules the Policy-as-Code tool enforces, e.g. no public buckets, encryption on, images only from the registry.").owner(SECURITY),
                Field::new("s10.compliance", MultiChoice, "Compliance",
                    "Compliance requirements",
                    "Regulations or standards the service must meet.")
                    .options(&["GDPR", "PCI DSS", "HIPAA", "SOC 2", "ISO 27001", "CCPA"]).owner(SECURITY),
                Field::new("s10.mvp_checks", List, "MVP Security Checks",
                    "Security checks before the MVP goes live",
                    "Validations that must pass before the MVP goes live, e.g. a penetration test, no high findings open.").mvp().owner(SECURITY),
                Field::new("s10.mvp_checks_after", List, "MVP Security Checks",
                    "Security checks right after the MVP goes live",
                    "Validations right after go-live, e.g. a scan of the live site, security headers, alerting on failed logins.").mvp().owner(SECURITY),
                Field::new("s10.secrets", LongText, "Secrets Management",
                    "Secrets management",
                    "How secrets are created, stored, rotated and given to the application.").owner(SECURITY),
            ]),
        step(11, "Roles & Responsibilities",
            "Who does what for the MVP deployment and afterwards.",
            vec![
                Field::new("s11.roles", Table, "Roles",
                    "Roles",
                    "One row per role: who holds it and what they do for the MVP and later releases.")
                    .columns(&["Role", "Person", "MVP responsibilities", "Post-MVP responsibilities"]).owner(PRODUCT_OWNER),
                Field::new("s11.raci", Table, "RACI Matrix",
                    "RACI matrix",
                    "For each activity: who does it (Responsible), who answers for it (Accountable), who is asked (Consulted) and who is told (Informed).")
                    .columns(&["Activity", "Responsible", "Accountable", "Consulted", "Informed"])
                    .options_from_for("s11.roles", &["Responsible", "Accountable", "Consulted", "Informed"]).owner(RELEASE_MANAGER),
                Field::new("s11.escalation", LongText, "Incident Escalation",
                    "Incident response and escalation",
                    "Who is called when production fails, how fast they respond per severity, and who is told.").owner(RELEASE_MANAGER).query(queries::ESCALATION),
            ]),
    ]
}

/// Terms explained for a non-specialist reader.
pub fn glossary() -> &'static [GlossaryEntry] {
    static GLOSSARY: OnceLock<Vec<GlossaryEntry>> = OnceLock::new();
    GLOSSARY.get_or_init(|| {
        [
            ("Blue/Green deployment", "Two identical production environments: the new version is started beside the old one, checked, and then all traffic is switched over at once. Switching back is the rollback."),
            ("Canary release", "The new version first serves a small share of users (say 5 %). If it behaves, the share grows step by step; if not, it is withdrawn before most users notice."),
            ("Rolling update", "Servers are replaced with the new version a few at a time, so the service stays up throughout."),
            ("Recreate", "The old version is stopped and the new one started; simple, but users see a short outage."),
            ("GitOps", "The desired state of every environment is kept in Git. A tool in the environment keeps reality in line with Git, so every change is reviewed, recorded and reversible."),
            ("IaC (Infrastructure as Code)", "Servers, networks and databases are described in versioned files and created by a tool, never by hand, so environments can be rebuilt identically."),
            ("Policy-as-Code (PaC)", "Security and compliance rules written as code and checked automatically, for example 'no storage bucket may be public'."),
            ("CI (Continuous Integration)", "Every change is built and tested automatically as soon as it is pushed."),
            ("CD (Continuous Delivery)", "Every change that passes the checks can be deployed automatically, with a person approving where needed."),
            ("Feature flag", "A switch that turns a feature on or off for some or all users without a new deployment."),
            ("SAST", "Static Application Security Testing: reads the source code to find security mistakes."),
            ("DAST", "Dynamic Application Security Testing: probes the running application from outside, as an attacker would."),
            ("SCA", "Software Composition Analysis: checks third-party libraries for known vulnerabilities and licence problems."),
            ("SBOM", "Software Bill of Materials: the list of every component inside a release."),
            ("RTO", "Recovery Time Objective: how long the service may be down after a failure."),
            ("RPO", "Recovery Point Objective: how much recent data may be lost after a failure, measured in time."),
            ("SLO", "Service Level Objective: a measurable target such as 99.9 % availability."),
            ("Smoke test", "A quick check, right after deploying, that the most important functions work."),
            ("MVP", "Minimum Viable Product: the smallest release that delivers value and lets the team learn from real users."),
            ("RACI", "For each activity: who is Responsible, Accountable, Consulted and Informed."),
        ]
        .into_iter()
        .map(|(term, explanation)| GlossaryEntry {
            term: term.to_string(),
            explanation: explanation.to_string(),
            keys: term_keys(term),
        })
        .collect()
    })
}

/// The glossary entries for the terms `text` uses, in glossary order.
pub fn glossary_used(text: &str) -> Vec<&'static GlossaryEntry> {
    glossary()
        .iter()
        .filter(|entry| {
            entry.keys.iter().any(|key| {
                let acronym = key.chars().all(|c| !c.is_lowercase());
                let pattern = format!(
                    r"{}(^|[^\w/]){}($|[^\w/])",
                    if acronym { "" } else { "(?i)" },
                    regex::escape(key)
                );
                regex::Regex::new(&pattern).is_ok_and(|re| re.is_match(text))
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn the_definition_names_every_role_in_plain_words() {
        let definition = serde_json::to_value(WizardDefinition::get()).unwrap();
        assert_eq!(definition["steps"].as_array().unwrap().len(), 12);
        assert_eq!(
            definition["glossary"][0]["keys"][0],
            definition["glossary"][0]["term"]
        );
        let roles = definition["roles"].as_array().unwrap();
        assert_eq!(roles.len(), crate::model::Role::ALL.len());
        assert_eq!(
            roles[0],
            serde_json::json!({ "role": "SPEC", "label": "Technical specification" })
        );
        assert_eq!(
            roles[6],
            serde_json::json!({ "role": "TEST", "label": "Test strategy" })
        );
    }

    #[test]
    fn glossary_terms_carry_the_short_forms_a_plan_uses() {
        assert_eq!(term_keys("Canary release"), ["Canary release", "Canary"]);
        assert_eq!(
            term_keys("IaC (Infrastructure as Code)"),
            ["IaC", "Infrastructure as Code"]
        );
        assert_eq!(
            term_keys("Blue/Green deployment"),
            ["Blue/Green deployment", "Blue/Green"]
        );
        assert_eq!(term_keys("Feature flag"), ["Feature flag"]);
        assert_eq!(term_keys("MVP"), ["MVP"]);
        for entry in glossary() {
            assert_eq!(entry.keys, term_keys(&entry.term), "{}", entry.term);
        }
    }

    #[test]
    fn there_are_twelve_steps_numbered_in_order() {
        let numbers: Vec<u8> = steps().iter().map(|s| s.number).collect();
        assert_eq!(numbers, (0..12).collect::<Vec<u8>>());
        assert_eq!(steps()[0].heading(), "0. Introduction & Goals");
        assert_eq!(steps()[11].heading(), "11. Roles & Responsibilities");
    }

    #[test]
    fn options_from_names_a_table_field_and_its_columns_exist() {
        for step in steps() {
            for field in &step.fields {
                let Some(source) = &field.options_from else {
                    assert!(field.options_columns.is_empty(), "{}", field.id);
                    continue;
                };
                let source = super::field(source).unwrap_or_else(|| panic!("{}", field.id));
                assert_eq!(source.kind, FieldKind::Table, "{}", field.id);
                for column in &field.options_columns {
                    assert!(field.columns.contains(column), "{} {column}", field.id);
                }
            }
        }
    }

    #[test]
    fn field_ids_are_unique_and_carry_their_step() {
        let mut seen = HashSet::new();
        for step in steps() {
            for field in &step.fields {
                assert!(seen.insert(field.id.clone()), "duplicate {}", field.id);
                assert!(
                    field.id.starts_with(&format!("{}.", step.id)),
                    "{} not in {}",
                    field.id,
                    step.id
                );
                assert!(!field.help.is_empty());
                assert_eq!(
                    field.kind == FieldKind::Table,
                    !field.columns.is_empty(),
                    "{}",
                    field.id
                );
            }
        }
    }
}
