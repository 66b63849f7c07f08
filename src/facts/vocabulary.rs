//! The names of tools, platforms and standards, and the canonical slug
//! (PRODUCT.md §3) each one stands for.
//!
//! An alias is matched case-insensitively on word boundaries, unless it
//! starts with `=`: then its case must match too (`=Flux` matches "Flux" but
//! not "flux of changes"). Longer aliases win over shorter ones at the same
//! place ("React Native" is not "React"). An alias with no targets blocks a
//! shorter one ("Apache Spark" is not the Apache web server).

/// One alias and what it stands for.
pub struct Term {
    /// The alias as written in documents, without the `=` marker.
    pub alias: &'static str,
    /// Whether the alias must match with its case.
    pub case_sensitive: bool,
    /// `(key, slug)` pairs it stands for; empty for a blocker.
    pub targets: Vec<(&'static str, &'static str)>,
    /// When set, the mention counts only inside a section or field about this.
    pub needs_context: Option<&'static str>,
}

/// `(key, slug, aliases)`.
const TABLE: &[(&str, &str, &[&str])] = &[
    ("cloud.provider", "aws", &["aws", "amazon web services"]),
    (
        "cloud.provider",
        "gcp",
        &["gcp", "google cloud", "google cloud platform"],
    ),
    ("cloud.provider", "azure", &["azure", "microsoft azure"]),
    (
        "cloud.provider",
        "oci",
        &["oracle cloud", "oracle cloud infrastructure"],
    ),
    (
        "cloud.provider",
        "digitalocean",
        &["digitalocean", "digital ocean"],
    ),
    ("cloud.provider", "hetzner", &["hetzner"]),
    (
        "cloud.provider",
        "on-prem",
        &["on-prem", "on-premise", "on-premises", "on premises"],
    ),
    ("hosting.platform", "vercel", &["vercel"]),
    ("hosting.platform", "netlify", &["netlify"]),
    ("hosting.platform", "heroku", &["heroku"]),
    ("hosting.platform", "render", &["render.com"]),
    ("hosting.platform", "fly", &["fly.io"]),
    ("hosting.platform", "railway", &["=Railway"]),
    ("hosting.platform", "supabase", &["supabase"]),
    (
        "hosting.platform",
        "firebase",
        &["firebase", "firebase hosting"],
    ),
    (
        "hosting.platform",
        "cloudflare",
        &["cloudflare pages", "cloudflare workers"],
    ),
    (
        "hosting.platform",
        "vps",
        &["vps", "virtual private server"],
    ),
    ("hosting.platform", "kubernetes", &["kubernetes", "k8s"]),
    (
        "hosting.platform",
        "ecs",
        &[
            "ecs",
            "amazon ecs",
            "aws ecs",
            "elastic container service",
            "fargate",
            "aws fargate",
        ],
    ),
    (
        "hosting.platform",
        "lambda",
        &[
            "lambda",
            "aws lambda",
            "lambda functions",
            "lambda function",
        ],
    ),
    (
        "hosting.platform",
        "cloud-run",
        &["cloud run", "google cloud run"],
    ),
    (
        "hosting.platform",
        "app-service",
        &["azure app service", "app service"],
    ),
    (
        "hosting.platform",
        "app-engine",
        &["app engine", "google app engine"],
    ),
    (
        "container.orchestrator",
        "kubernetes",
        &["kubernetes", "k8s"],
    ),
    (
        "container.orchestrator",
        "eks",
        &["eks", "amazon eks", "aws eks", "elastic kubernetes service"],
    ),
    (
        "container.orchestrator",
        "gke",
        &["gke", "google kubernetes engine"],
    ),
    (
        "container.orchestrator",
        "aks",
        &["aks", "azure kubernetes service"],
    ),
    (
        "container.orchestrator",
        "oke",
        &["oke", "oracle kubernetes engine"],
    ),
    (
        "container.orchestrator",
        "ecs",
        &[
            "ecs",
            "amazon ecs",
            "aws ecs",
            "elastic container service",
            "fargate",
            "aws fargate",
        ],
    ),
    (
        "container.orchestrator",
        "docker-compose",
        &["docker compose", "docker-compose"],
    ),
    (
        "container.orchestrator",
        "nomad",
        &["=Nomad", "hashicorp nomad"],
    ),
    (
        "container.used",
        "true",
        &[
            "dockerfile",
            "docker container",
            "docker containers",
            "runs in docker",
            "docker-based",
            "docker image",
            "docker images",
            "containerized",
            "containerised",
            "containerization",
            "containerisation",
            "container image",
            "container images",
            "podman",
            "docker compose",
            "docker-compose",
        ],
    ),
    ("iac.tool", "terraform", &["terraform"]),
    ("iac.tool", "opentofu", &["opentofu"]),
    ("iac.tool", "pulumi", &["pulumi"]),
    (
        "iac.tool",
        "cdk",
        &["aws cdk", "cdk", "cloud development kit"],
    ),
    (
        "iac.tool",
        "cloudformation",
        &["cloudformation", "aws cloudformation"],
    ),
    ("iac.tool", "bicep", &["=Bicep"]),
    ("iac.tool", "ansible", &["ansible"]),
    ("iac.tool", "helm", &["helm", "helm chart", "helm charts"]),
    ("gitops.tool", "argocd", &["argocd", "argo cd", "argo-cd"]),
    ("gitops.tool", "flux", &["fluxcd", "flux cd", "=Flux"]),
    (
        "ci.tool",
        "github-actions",
        &[
            "github actions",
            "github action",
            "gh actions",
            "github workflows",
        ],
    ),
    (
        "ci.tool",
        "gitlab-ci",
        &["gitlab ci", "gitlab-ci", "gitlab ci/cd", "gitlab pipelines"],
    ),
    ("ci.tool", "jenkins", &["jenkins"]),
    ("ci.tool", "circleci", &["circleci", "circle ci"]),
    (
        "ci.tool",
        "azure-pipelines",
        &["azure pipelines", "azure devops"],
    ),
    ("ci.tool", "codebuild", &["codebuild", "aws codebuild"]),
    (
        "ci.tool",
        "codepipeline",
        &["codepipeline", "aws codepipeline"],
    ),
    ("ci.tool", "bitbucket-pipelines", &["bitbucket pipelines"]),
    (
        "db.engine",
        "postgresql",
        &["postgresql", "postgres", "aurora postgresql"],
    ),
    ("db.engine", "mysql", &["mysql", "aurora mysql"]),
    ("db.engine", "mariadb", &["mariadb"]),
    (
        "db.engine",
        "mongodb",
        &["mongodb", "mongo", "mongodb atlas"],
    ),
    ("db.engine", "redis", &["redis", "elasticache"]),
    (
        "db.engine",
        "dynamodb",
        &["dynamodb", "dynamo db", "amazon dynamodb"],
    ),
    ("db.engine", "sqlite", &["sqlite"]),
    (
        "db.engine",
        "sqlserver",
        &["sql server", "mssql", "azure sql"],
    ),
    ("db.engine", "opensearch", &["opensearch"]),
    (
        "db.engine",
        "elasticsearch",
        &["elasticsearch", "elastic search"],
    ),
    ("db.engine", "bigquery", &["bigquery"]),
    ("db.engine", "firestore", &["firestore"]),
    ("db.engine", "kafka", &["kafka", "apache kafka"]),
    ("db.migration_tool", "prisma", &["prisma", "prisma migrate"]),
    ("db.migration_tool", "flyway", &["flyway"]),
    ("db.migration_tool", "liquibase", &["liquibase"]),
    ("db.migration_tool", "alembic", &["alembic"]),
    ("db.migration_tool", "knex", &["knex", "knex.js"]),
    ("db.migration_tool", "typeorm", &["typeorm"]),
    ("db.migration_tool", "sequelize", &["sequelize"]),
    ("db.migration_tool", "django", &["django migrations"]),
    (
        "db.migration_tool",
        "rails",
        &["rails migrations", "active record migrations"],
    ),
    ("db.migration_tool", "sqlx", &["sqlx"]),
    ("db.migration_tool", "diesel", &["=Diesel", "diesel orm"]),
    ("db.migration_tool", "golang-migrate", &["golang-migrate"]),
    ("db.migration_tool", "dbt", &["dbt"]),
    (
        "db.migration_tool",
        "supabase-cli",
        &["supabase cli", "supabase migrations"],
    ),
    (
        "frontend.framework",
        "react",
        &["react", "react.js", "reactjs"],
    ),
    (
        "frontend.framework",
        "nextjs",
        &["next.js", "nextjs", "next js"],
    ),
    ("frontend.framework", "vue", &["vue", "vue.js", "vuejs"]),
    ("frontend.framework", "nuxt", &["nuxt", "nuxt.js"]),
    ("frontend.framework", "angular", &["angular"]),
    ("frontend.framework", "svelte", &["svelte"]),
    (
        "frontend.framework",
        "sveltekit",
        &["sveltekit", "svelte kit"],
    ),
    ("frontend.framework", "remix", &["=Remix"]),
    ("frontend.framework", "astro", &["=Astro"]),
    ("frontend.framework", "react-native", &["react native"]),
    ("frontend.framework", "expo", &["=Expo"]),
    ("frontend.framework", "flutter", &["flutter"]),
    (
        "backend.framework",
        "express",
        &["express.js", "expressjs", "=Express"],
    ),
    ("backend.framework", "nestjs", &["nestjs", "nest.js"]),
    ("backend.framework", "fastapi", &["fastapi"]),
    ("backend.framework", "django", &["django"]),
    ("backend.framework", "flask", &["=Flask"]),
    (
        "backend.framework",
        "spring",
        &["spring boot", "spring framework"],
    ),
    ("backend.framework", "rails", &["ruby on rails", "=Rails"]),
    ("backend.framework", "laravel", &["laravel"]),
    ("backend.framework", "aspnet", &["asp.net", "asp.net core"]),
    (
        "backend.framework",
        "go",
        &[
            "golang",
            "=Go backend",
            "=Go service",
            "=Go services",
            "=Go API",
            "=Go microservices",
        ],
    ),
    (
        "backend.framework",
        "actix",
        &["actix", "actix-web", "actix web"],
    ),
    ("backend.framework", "axum", &["axum"]),
    ("cdn", "cloudfront", &["cloudfront", "amazon cloudfront"]),
    ("cdn", "cloudflare", &["cloudflare", "cloudflare cdn"]),
    ("cdn", "fastly", &["fastly"]),
    ("cdn", "akamai", &["akamai"]),
    (
        "cdn",
        "vercel-edge",
        &["vercel edge", "vercel edge network"],
    ),
    ("cdn", "netlify-edge", &["netlify edge"]),
    ("messaging.broker", "kafka", &["kafka", "apache kafka"]),
    ("messaging.broker", "rabbitmq", &["rabbitmq"]),
    (
        "messaging.broker",
        "sqs",
        &["sqs", "amazon sqs", "aws sqs", "simple queue service"],
    ),
    (
        "messaging.broker",
        "sns",
        &[
            "sns",
            "amazon sns",
            "aws sns",
            "simple notification service",
        ],
    ),
    ("messaging.broker", "nats", &["=NATS"]),
    (
        "messaging.broker",
        "pubsub",
        &["google pub/sub", "cloud pub/sub", "gcp pub/sub"],
    ),
    ("messaging.broker", "redis-streams", &["redis streams"]),
    ("storage.object", "s3", &["s3", "amazon s3", "aws s3"]),
    ("storage.object", "gcs", &["google cloud storage", "gcs"]),
    (
        "storage.object",
        "azure-blob",
        &["azure blob", "azure blob storage"],
    ),
    ("storage.object", "minio", &["minio"]),
    ("storage.object", "r2", &["cloudflare r2"]),
    ("web.server", "nginx", &["nginx"]),
    ("web.server", "caddy", &["=Caddy"]),
    ("web.server", "traefik", &["traefik"]),
    (
        "web.server",
        "apache",
        &["apache http server", "apache httpd", "apache2", "=Apache"],
    ),
    ("web.server", "pm2", &["pm2"]),
    (
        "feature_flags.tool",
        "launchdarkly",
        &["launchdarkly", "launch darkly"],
    ),
    ("feature_flags.tool", "unleash", &["=Unleash"]),
    ("feature_flags.tool", "flagsmith", &["flagsmith"]),
    ("feature_flags.tool", "growthbook", &["growthbook"]),
    ("feature_flags.tool", "openfeature", &["openfeature"]),
    ("feature_flags.tool", "configcat", &["configcat"]),
    ("feature_flags.tool", "split", &["split.io"]),
    ("feature_flags.tool", "flipt", &["flipt"]),
    ("observability.tool", "prometheus", &["prometheus"]),
    ("observability.tool", "grafana", &["grafana"]),
    ("observability.tool", "datadog", &["datadog"]),
    (
        "observability.tool",
        "new-relic",
        &["new relic", "newrelic"],
    ),
    ("observability.tool", "sentry", &["sentry"]),
    (
        "observability.tool",
        "opentelemetry",
        &["opentelemetry", "otel"],
    ),
    (
        "observability.tool",
        "cloudwatch",
        &["cloudwatch", "amazon cloudwatch", "aws cloudwatch"],
    ),
    ("observability.tool", "x-ray", &["x-ray", "aws x-ray"]),
    (
        "observability.tool",
        "elk",
        &["elk", "elk stack", "kibana", "logstash"],
    ),
    ("observability.tool", "loki", &["=Loki", "grafana loki"]),
    ("observability.tool", "jaeger", &["jaeger"]),
    ("observability.tool", "honeycomb", &["honeycomb"]),
    ("observability.tool", "pagerduty", &["pagerduty"]),
    (
        "observability.tool",
        "better-stack",
        &["better stack", "betterstack"],
    ),
    ("secrets.store", "vault", &["hashicorp vault", "=Vault"]),
    (
        "secrets.store",
        "aws-secrets-manager",
        &["aws secrets manager", "secrets manager"],
    ),
    (
        "secrets.store",
        "gcp-secret-manager",
        &["secret manager", "google secret manager"],
    ),
    (
        "secrets.store",
        "azure-key-vault",
        &["azure key vault", "key vault"],
    ),
    ("secrets.store", "sops", &["=SOPS", "=sops", "mozilla sops"]),
    (
        "secrets.store",
        "sealed-secrets",
        &["sealed secrets", "sealed-secrets"],
    ),
    (
        "secrets.store",
        "k8s-secrets",
        &["kubernetes secrets", "k8s secrets"],
    ),
    ("secrets.store", "doppler", &["doppler"]),
    (
        "secrets.store",
        "github-secrets",
        &[
            "github secrets",
            "github actions secrets",
            "repository secrets",
        ],
    ),
    (
        "compliance",
        "pci-dss",
        &["pci dss", "pci-dss", "pci", "payment card industry"],
    ),
    ("compliance", "hipaa", &["hipaa"]),
    ("compliance", "gdpr", &["gdpr"]),
    ("compliance", "soc2", &["soc 2", "soc2", "soc ii"]),
    (
        "compliance",
        "iso27001",
        &["iso 27001", "iso/iec 27001", "iso27001"],
    ),
    ("compliance", "lgpd", &["lgpd"]),
    ("compliance", "ccpa", &["ccpa"]),
    ("security.scanner", "codeql", &["codeql"]),
    (
        "security.scanner",
        "sonarqube",
        &["sonarqube", "sonarcloud"],
    ),
    ("security.scanner", "semgrep", &["semgrep"]),
    ("security.scanner", "snyk", &["snyk"]),
    (
        "security.scanner",
        "dependabot",
        &["dependabot", "github dependabot"],
    ),
    (
        "security.scanner",
        "npm-audit",
        &["npm audit", "npm-audit", "yarn audit", "pnpm audit"],
    ),
    ("security.scanner", "trivy", &["trivy"]),
    ("security.scanner", "grype", &["grype"]),
    (
        "security.scanner",
        "owasp-zap",
        &["owasp zap", "=ZAP", "zed attack proxy"],
    ),
    (
        "security.scanner",
        "owasp-dependency-check",
        &[
            "owasp dependency-check",
            "owasp dependency check",
            "dependency-check",
        ],
    ),
    (
        "security.scanner",
        "aws-inspector",
        &["amazon inspector", "aws inspector"],
    ),
    ("security.scanner", "gitleaks", &["gitleaks"]),
    ("security.scanner", "trufflehog", &["trufflehog"]),
    ("security.scanner", "checkov", &["checkov"]),
    ("security.scanner", "tfsec", &["tfsec"]),
    ("policy.tool", "opa", &["open policy agent", "=OPA"]),
    (
        "policy.tool",
        "gatekeeper",
        &["gatekeeper", "opa gatekeeper"],
    ),
    ("policy.tool", "kyverno", &["kyverno"]),
    ("policy.tool", "conftest", &["conftest"]),
    ("policy.tool", "checkov", &["checkov"]),
    (
        "policy.tool",
        "sentinel",
        &["=Sentinel", "hashicorp sentinel"],
    ),
];

/// Generic phrases that are a fact only in a section or field about secrets.
const SECRETS_CONTEXT: &str = r"secret|credential|api key|key management|sensitive config";
const CONTEXTUAL: &[(&str, &str, &[&str], &str)] = &[
    (
        "secrets.store",
        "platform-env",
        &[
            "environment variables",
            "env vars",
            "platform environment variables",
            "hosting environment tools",
            "platform secrets",
        ],
        SECRETS_CONTEXT,
    ),
    (
        "secrets.store",
        "env-file",
        &[".env file", ".env files", "dotenv", "env file"],
        SECRETS_CONTEXT,
    ),
];

/// Phrases that contain a shorter alias but mean something else.
const BLOCKERS: &[&str] = &[
    "apache spark",
    "apache airflow",
    "apache cassandra",
    "apache license",
    "apache flink",
    "apache beam",
    "apache 2.0",
    "google analytics",
    "google fonts",
    "google maps",
    "google search",
    "github pages",
    "github copilot",
    "github issues",
    "github projects",
    "github project",
    "react testing library",
    "react router",
    "react hook form",
    "react query",
    "amazon.com",
    "pci express",
    "express checkout",
    "express delivery",
    "docker hub",
    "docker layers",
    "docker layer",
    "credential vault",
    "windows credential vault",
    "go live",
    "go-live",
    "go/no-go",
    "lambda expression",
    "lambda expressions",
];

/// Every term, built once.
pub fn terms() -> &'static [Term] {
    static TERMS: std::sync::OnceLock<Vec<Term>> = std::sync::OnceLock::new();
    TERMS.get_or_init(build)
}

fn build() -> Vec<Term> {
    let mut terms: Vec<Term> = Vec::new();
    let mut add = |raw: &'static str,
                   key: &'static str,
                   slug: &'static str,
                   context: Option<&'static str>| {
        let (alias, case_sensitive) = match raw.strip_prefix('=') {
            Some(rest) => (rest, true),
            None => (raw, false),
        };
        if let Some(term) = terms
            .iter_mut()
            .find(|t| t.alias.eq_ignore_ascii_case(alias))
        {
            if !term.targets.contains(&(key, slug)) {
                term.targets.push((key, slug));
            }
            return;
        }
        terms.push(Term {
            alias,
            case_sensitive,
            targets: vec![(key, slug)],
            needs_context: context,
        });
    };
    for (key, slug, aliases) in TABLE {
        for alias in *aliases {
            add(alias, key, slug, None);
        }
    }
    for (key, slug, aliases, context) in CONTEXTUAL {
        for alias in *aliases {
            add(alias, key, slug, Some(context));
        }
    }
    for blocker in BLOCKERS {
        if !terms.iter().any(|t| t.alias.eq_ignore_ascii_case(blocker)) {
            terms.push(Term {
                alias: blocker,
                case_sensitive: false,
                targets: Vec::new(),
                needs_context: None,
            });
        }
    }
    terms
}

/// The keys where a project normally makes one choice: several of them in
/// one list are alternatives unless one is marked as chosen.
pub const EXCLUSIVE_KEYS: &[&str] = &[
    "cloud.provider",
    "hosting.platform",
    "container.orchestrator",
    "gitops.tool",
    "ci.tool",
    "feature_flags.tool",
    "backend.framework",
    "db.migration_tool",
];

/// Keys where a decision stated in a labelled field or fitting section
/// overrides mentions of other values met in passing.
pub const SETTLED_KEYS: &[&str] = &[
    "cloud.provider",
    "hosting.platform",
    "container.orchestrator",
    "iac.tool",
    "gitops.tool",
    "ci.tool",
    "frontend.framework",
    "backend.framework",
    "feature_flags.tool",
    "db.migration_tool",
];

/// Words of a field label, table category or heading that say which key a
/// value belongs to.
pub fn category_pattern(key: &str) -> &'static str {
    match key {
        "cloud.provider" => r"\bcloud|provider|infrastructure|hosting|platform\b",
        "hosting.platform" => {
            r"\bhost|deploy|platform|compute|runtime|serverless|paas|infrastructure"
        }
        "container.orchestrator" => r"orchestrat|container|cluster|kubernetes|runtime|deploy",
        "container.used" => r"container|docker|packag|runtime|deploy|build",
        "iac.tool" => r"\biac\b|infrastructure|provision",
        "gitops.tool" => r"gitops|\bcd\b|continuous (deployment|delivery)|deploy",
        "ci.tool" => r"\bci\b|ci/cd|continuous integration|pipeline|build|automation",
        "db.engine" => r"database|\bdb\b|data ?store|storage|persistence|cache|data layer|state",
        "db.migration_tool" => r"migration|\borm\b|schema|database access",
        "frontend.framework" => {
            r"front[- ]?end|\bui\b|client|web app|framework|\bspa\b|user interface"
        }
        "backend.framework" => r"back[- ]?end|\bapi\b|server|framework|service",
        "cdn" => r"\bcdn\b|edge|content delivery|static assets|caching",
        "messaging.broker" => r"messag|queue|event|broker|pub/?sub|stream|notification",
        "storage.object" => r"object storage|storage|files|blob|assets|bucket|artifact",
        "web.server" => {
            r"web server|reverse proxy|proxy|server|ingress|load balanc|process manager"
        }
        "feature_flags.tool" => r"feature flag|flags?\b|toggle",
        "observability.tool" => {
            r"observab|monitor|logging|logs|metrics|tracing|alert|\bapm\b|error tracking|dashboards?"
        }
        "secrets.store" => r"secret|credential|key management|vault|sensitive",
        "security.scanner" => {
            r"scan|\bsast\b|\bdast\b|\bsca\b|dependenc|vulnerab|security (testing|checks?)|static analysis"
        }
        "policy.tool" => r"polic|\bpac\b|admission|guardrail",
        "compliance" => r"complian|regulat|standard|certif|privacy|legal",
        _ => r"^$",
    }
}

/// The display name of a canonical slug (`github-actions` → `GitHub Actions`);
/// a slug with no entry is shown as it is.
pub fn display_name(slug: &str) -> String {
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

/// The display names of `slugs`, each once, in the order first met.
pub fn display_names<'s>(slugs: impl IntoIterator<Item = &'s str>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for slug in slugs {
        let name = display_name(slug);
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_are_listed_once_each_in_the_order_first_met() {
        assert_eq!(
            display_names(["github-actions", "aws", "github-actions", "no-such-slug"]),
            vec!["GitHub Actions", "AWS", "no-such-slug"]
        );
    }

    #[test]
    fn every_slug_is_lower_case_and_every_alias_is_unique() {
        let terms = terms();
        for term in terms {
            for (_, slug) in &term.targets {
                assert_eq!(*slug, slug.to_lowercase());
            }
            let same = terms
                .iter()
                .filter(|t| t.alias.eq_ignore_ascii_case(term.alias))
                .count();
            assert_eq!(same, 1, "{} appears twice", term.alias);
        }
    }

    #[test]
    fn an_alias_shared_by_two_keys_stands_for_both() {
        let kafka = terms().iter().find(|t| t.alias == "kafka").unwrap();
        assert_eq!(
            kafka.targets,
            [("db.engine", "kafka"), ("messaging.broker", "kafka")]
        );
    }
}
