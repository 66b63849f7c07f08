//! The words the readers rely on, per language, as data.
//!
//! Each supported language is one [`Language`] entry: the cue words that
//! turn a mention into an option, an example, a plan or a negation, the
//! section names that hold no decisions, and the section names of the list
//! subjects (MVP scope, milestones, release and exit criteria...). Adding a
//! language is adding an entry to [`LANGUAGES`]; no reader changes.
//!
//! Cue words are matched as whole words, case-insensitively, with or without
//! accents (`Verfügbarkeit` and `Verfuegbarkeit`, `critérios` and
//! `criterios`). Section subjects are matched on stemmed words, with the
//! language's own Snowball stemmer (`rust-stemmers`), so `Meilensteine`
//! matches `Meilenstein` and `critérios de aceite` matches `critério de aceite`.

// Lower case without accents, and folded stemmed words: the passage
// index's, so a cue word and a passage are compared alike.
pub use crate::passages::fold;
use crate::passages::words as stemmed_words;
use regex::Regex;
use rust_stemmers::{Algorithm, Stemmer};
use std::sync::OnceLock;

/// A kind of cue word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// Section names whose content is not a decision: future, options,
    /// open questions, risks, examples, market surveys, out of scope.
    NotDecidedSection,
    /// Words before a mention that make it an example.
    Example,
    /// Words that make a mention uncertain, optional or planned for later.
    Doubt,
    /// Words before a mention that negate or reject it.
    Negation,
    /// Words joining two rival options ("or").
    Or,
}

/// A subject whose items are lists: matched against section names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    MvpScope,
    ReleaseCriteria,
    ExitCriteria,
    Milestones,
    Increments,
    Stakeholders,
    /// Acceptance criteria: release criteria only under a launch section.
    AcceptanceCriteria,
    /// Names of a launch, go-live or first release.
    Launch,
    /// Sections listing the deployment environments.
    Environments,
    /// Sections or labels about how often releases happen.
    ReleaseCadence,
    /// Sections or labels listing when a release is rolled back.
    RollbackTriggers,
}

/// Words the procedure readers ([`super::procedures`]) look for in clauses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Words {
    /// Releasing or deploying, as nouns and verbs.
    Release,
    /// How often, in one word or a set phrase: `weekly`, `on every merge`.
    Frequency,
    /// Words before a count and a period: `every`, `alle`, `a cada`.
    Every,
    /// Periods: `weeks`, `Wochen`, `semanas`.
    Period,
    /// Small numbers in words: `two`, `zwei`, `duas`.
    Number,
    /// A sprint or iteration.
    Sprint,
    /// A recurring release cycle: `cycle`, `cadence`, `frequency`, `Takt`.
    Cycle,
    /// Things done on a schedule that are not releases: backups, reports.
    NotRelease,
    /// Rolling back.
    Rollback,
    /// Words opening a condition: `if`, `when`, `falls`, `quando`.
    Condition,
    /// Signs that something went wrong: errors, failures, thresholds, alarms.
    Failure,
    /// Signs a release is watched for: error rates, alarms, health checks.
    Signal,
    /// Verbs that open a to-do or a recommendation: `Define`, `festlegen`.
    Task,
}

/// One language's words for the release procedures.
pub struct ProcedureWords {
    pub release: &'static [&'static str],
    pub frequency: &'static [&'static str],
    pub every: &'static [&'static str],
    pub period: &'static [&'static str],
    pub number: &'static [&'static str],
    pub sprint: &'static [&'static str],
    pub cycle: &'static [&'static str],
    pub not_release: &'static [&'static str],
    pub rollback: &'static [&'static str],
    pub condition: &'static [&'static str],
    pub failure: &'static [&'static str],
    pub signal: &'static [&'static str],
    pub task: &'static [&'static str],
}

/// One language's words.
pub struct Language {
    /// ISO 639-1 code.
    pub code: &'static str,
    pub stemmer: Algorithm,
    pub not_decided_sections: &'static [&'static str],
    pub example: &'static [&'static str],
    pub doubt: &'static [&'static str],
    pub negation: &'static [&'static str],
    pub or: &'static [&'static str],
    pub mvp_scope: &'static [&'static str],
    pub release_criteria: &'static [&'static str],
    pub exit_criteria: &'static [&'static str],
    pub milestones: &'static [&'static str],
    pub increments: &'static [&'static str],
    pub stakeholders: &'static [&'static str],
    pub acceptance_criteria: &'static [&'static str],
    pub launch: &'static [&'static str],
    pub environments: &'static [&'static str],
    pub release_cadence: &'static [&'static str],
    pub rollback_triggers: &'static [&'static str],
    pub procedure: ProcedureWords,
}

/// Every supported language. English first.
pub const LANGUAGES: &[Language] = &[
    Language {
        code: "en",
        stemmer: Algorithm::English,
        not_decided_sections: &[
            "positions",
            "market",
            "market overview",
            "not implemented",
            "not yet implemented",
            "stretch goals",
            "open points",
            "considered",
        ],
        example: &["for example", "for instance", "such as", "e.g"],
        doubt: &[
            "tentative",
            "if applicable",
            "optional",
            "to be evaluated",
            "under evaluation",
        ],
        negation: &[
            "unlike",
            "missing",
            "lacks",
            "lacking",
            "not yet",
            "instead of",
            "in contrast to",
        ],
        or: &["or", "and/or"],
        mvp_scope: &[
            "mvp scope",
            "mvp features",
            "must have",
            "must haves",
            "in scope",
            "core features",
            "phase 1",
            "release 1",
            "p0",
        ],
        release_criteria: &[
            "release criteria",
            "launch criteria",
            "go live criteria",
            "go live checklist",
            "launch checklist",
            "release checklist",
            "success criteria",
            "definition of ready for launch",
            "mvp success",
        ],
        exit_criteria: &[
            "exit criteria",
            "completion criteria",
            "definition of done",
            "quality gates",
            "done criteria",
        ],
        milestones: &["milestones", "timeline", "roadmap", "schedule", "phases"],
        increments: &[
            "post mvp",
            "future phases",
            "future releases",
            "later phases",
            "next releases",
        ],
        stakeholders: &["stakeholders", "raci", "roles and responsibilities"],
        acceptance_criteria: &["acceptance criteria"],
        launch: &[
            "go live",
            "launch",
            "mvp",
            "production release",
            "first release",
        ],
        environments: &[
            "environment management",
            "environment hierarchy",
            "deployment environments",
            "hosting environments",
            "environment landscape",
        ],
        release_cadence: &[
            "release cadence",
            "release frequency",
            "release cycle",
            "release schedule",
            "deployment frequency",
            "deployment cadence",
        ],
        rollback_triggers: &[
            "rollback triggers",
            "rollback criteria",
            "rollback conditions",
            "when to roll back",
        ],
        procedure: ProcedureWords {
            release: &[
                "release",
                "releases",
                "released",
                "releasing",
                "deploy",
                "deploys",
                "deployed",
                "deploying",
                "deployment",
                "deployments",
                "ship",
                "ships",
                "shipped",
                "shipping",
                "rollout",
                "rollouts",
                "go live",
                "goes live",
                "release train",
                "release cycle",
                "release cycles",
            ],
            frequency: &[
                "daily",
                "nightly",
                "weekly",
                "bi weekly",
                "biweekly",
                "fortnightly",
                "monthly",
                "bi monthly",
                "bimonthly",
                "quarterly",
                "continuous deployment",
                "continuous delivery",
                "continuously",
                "on every merge",
                "on each merge",
                "on every commit",
                "on every push",
                "every sprint",
                "each sprint",
                "end of each sprint",
                "end of every sprint",
                "several times a day",
                "once a week",
                "every commit",
                "every merge",
                "every push",
                "multiple times per day",
                "multiple times a day",
                "several times per day",
                "twice a week",
                "once a month",
                "twice a month",
            ],
            every: &["every", "each"],
            period: &["day", "days", "week", "weeks", "month", "months"],
            number: &["one", "two", "three", "four", "six"],
            sprint: &["sprint", "sprints", "iteration", "iterations"],
            cycle: &["cycle", "cycles", "cadence", "train", "rhythm", "frequency"],
            not_release: &[
                "backup",
                "backups",
                "report",
                "reports",
                "reporting",
                "standup",
                "standups",
                "stand up",
                "meeting",
                "meetings",
                "sync",
                "syncs",
                "digest",
                "newsletter",
                "email",
                "emails",
                "cron",
                "snapshot",
                "snapshots",
                "retention",
                "rotation",
                "rotated",
                "scan",
                "scans",
                "invoice",
                "invoices",
                "billing",
                "cost",
                "costs",
                "budget",
                "fee",
                "fees",
                "price",
                "pricing",
                "quota",
                "spend",
                "review",
                "reviews",
                "reviewed",
                "audit",
                "audits",
                "retro",
                "retrospective",
                "demo",
            ],
            rollback: &[
                "rollback",
                "rollbacks",
                "roll back",
                "rolled back",
                "rolls back",
                "rolling back",
            ],
            condition: &[
                "if",
                "when",
                "whenever",
                "once",
                "upon",
                "on",
                "in case of",
                "should",
                "after",
            ],
            task: &[
                "document",
                "add",
                "define",
                "specify",
                "clarify",
                "decide",
                "establish",
                "determine",
                "agree on",
                "propose",
                "recommend",
                "recommended",
                "suggest",
                "suggested",
                "todo",
                "to do",
            ],
            signal: &[
                "error rate",
                "alarm",
                "alarms",
                "alert",
                "alerts",
                "health check",
                "health checks",
                "smoke test",
                "smoke tests",
                "latency",
                "5xx",
                "slo",
                "error budget",
            ],
            failure: &[
                "error",
                "errors",
                "error rate",
                "fail",
                "fails",
                "failed",
                "failure",
                "failures",
                "failing",
                "exceeds",
                "exceed",
                "exceeding",
                "above",
                "alarm",
                "alarms",
                "alert",
                "alerts",
                "unhealthy",
                "degrades",
                "degraded",
                "degradation",
                "crash",
                "crashes",
                "regression",
                "regressions",
                "breach",
                "breaches",
                "breached",
                "5xx",
                "timeouts",
                "incident",
                "incidents",
                "outage",
                "spike",
                "spikes",
            ],
        },
    },
    Language {
        code: "pt",
        stemmer: Algorithm::Portuguese,
        not_decided_sections: &[
            "fora do escopo",
            "fora de escopo",
            "não escopo",
            "futuro",
            "trabalhos futuros",
            "alternativas",
            "opções consideradas",
            "opções",
            "questões em aberto",
            "perguntas em aberto",
            "riscos",
            "exemplos",
            "referências",
            "glossário",
            "apêndice",
            "anexo",
            "mercado",
            "concorrentes",
            "pendências",
        ],
        example: &["por exemplo", "tal como", "p ex"],
        doubt: &[
            "opcional",
            "possivelmente",
            "talvez",
            "eventualmente",
            "planejado",
            "previsto",
            "futuramente",
            "a definir",
            "se aplicável",
            "caso necessário",
            "poderia",
            "poderá",
        ],
        negation: &[
            "não",
            "nunca",
            "sem",
            "em vez de",
            "ao invés de",
            "ao contrário de",
            "falta",
            "faltam",
        ],
        or: &["ou"],
        mvp_scope: &[
            "escopo do mvp",
            "escopo mvp",
            "funcionalidades do mvp",
            "fase 1",
            "obrigatório",
        ],
        release_criteria: &[
            "critérios de lançamento",
            "critérios de sucesso",
            "critérios de go live",
            "checklist de lançamento",
        ],
        exit_criteria: &[
            "critérios de saída",
            "definição de pronto",
            "critérios de conclusão",
        ],
        milestones: &["marcos", "cronograma", "roteiro", "fases", "linha do tempo"],
        increments: &[
            "pós mvp",
            "fases futuras",
            "próximas versões",
            "evoluções futuras",
        ],
        stakeholders: &[
            "partes interessadas",
            "stakeholders",
            "papéis e responsabilidades",
        ],
        acceptance_criteria: &["critérios de aceite", "critérios de aceitação"],
        launch: &[
            "go live",
            "lançamento",
            "mvp",
            "produção",
            "entrada em produção",
        ],
        environments: &[
            "ambientes",
            "ambientes de implantação",
            "gestão de ambientes",
        ],
        release_cadence: &[
            "cadência de releases",
            "cadência de entregas",
            "frequência de lançamento",
            "frequência de deploy",
            "ciclo de release",
            "ciclo de lançamento",
        ],
        rollback_triggers: &[
            "critérios de rollback",
            "gatilhos de rollback",
            "critérios de reversão",
            "quando reverter",
        ],
        procedure: ProcedureWords {
            release: &[
                "release",
                "releases",
                "lançamento",
                "lançamentos",
                "deploy",
                "deploys",
                "implantação",
                "implantações",
                "entrega",
                "entregas",
                "publicação",
                "versão",
                "versões",
                "implantado",
                "implantada",
                "publicado",
            ],
            frequency: &[
                "diário",
                "diária",
                "diariamente",
                "semanal",
                "semanais",
                "semanalmente",
                "quinzenal",
                "quinzenais",
                "quinzenalmente",
                "mensal",
                "mensais",
                "mensalmente",
                "trimestral",
                "entrega contínua",
                "implantação contínua",
                "a cada merge",
                "a cada sprint",
                "ao final de cada sprint",
            ],
            every: &["a cada", "cada", "todo", "toda", "todas as", "todos os"],
            period: &["dia", "dias", "semana", "semanas", "mês", "meses"],
            number: &["um", "uma", "dois", "duas", "três", "quatro"],
            sprint: &["sprint", "sprints", "iteração", "iterações"],
            cycle: &["ciclo", "ciclos", "cadência", "ritmo", "frequência"],
            not_release: &[
                "backup",
                "backups",
                "cópia de segurança",
                "relatório",
                "relatórios",
                "reunião",
                "reuniões",
                "sincronização",
                "e mail",
                "rotina",
                "custo",
                "custos",
                "orçamento",
                "mensalidade",
                "revisão",
                "auditoria",
            ],
            rollback: &["rollback", "reversão", "reverter", "revertido", "revertida"],
            condition: &["se", "quando", "caso", "em caso de", "sempre que", "após"],
            task: &[
                "documentar",
                "adicionar",
                "definir",
                "especificar",
                "esclarecer",
                "decidir",
                "estabelecer",
                "recomendado",
                "sugerido",
            ],
            signal: &[
                "taxa de erro",
                "alarme",
                "alarmes",
                "alerta",
                "alertas",
                "health check",
                "testes de fumaça",
                "latência",
            ],
            failure: &[
                "erro",
                "erros",
                "taxa de erro",
                "falha",
                "falhas",
                "falhar",
                "falhem",
                "excede",
                "exceder",
                "exceda",
                "acima",
                "alarme",
                "alarmes",
                "alerta",
                "alertas",
                "indisponível",
                "indisponibilidade",
                "incidente",
                "degradação",
            ],
        },
    },
    Language {
        code: "es",
        stemmer: Algorithm::Spanish,
        not_decided_sections: &[
            "fuera de alcance",
            "fuera del alcance",
            "futuro",
            "trabajo futuro",
            "alternativas",
            "opciones consideradas",
            "opciones",
            "preguntas abiertas",
            "cuestiones abiertas",
            "riesgos",
            "ejemplos",
            "referencias",
            "glosario",
            "apéndice",
            "anexo",
            "mercado",
            "competidores",
            "pendientes",
        ],
        example: &["por ejemplo", "tal como", "p ej"],
        doubt: &[
            "opcional",
            "posiblemente",
            "quizás",
            "tal vez",
            "eventualmente",
            "planificado",
            "previsto",
            "a definir",
            "por definir",
            "si aplica",
            "podría",
        ],
        negation: &[
            "no",
            "nunca",
            "sin",
            "en lugar de",
            "en vez de",
            "a diferencia de",
            "falta",
            "faltan",
        ],
        or: &["o", "u"],
        mvp_scope: &[
            "alcance del mvp",
            "alcance mvp",
            "funcionalidades del mvp",
            "fase 1",
            "imprescindible",
        ],
        release_criteria: &[
            "criterios de lanzamiento",
            "criterios de éxito",
            "lista de verificación de lanzamiento",
        ],
        exit_criteria: &[
            "criterios de salida",
            "definición de hecho",
            "definición de terminado",
        ],
        milestones: &["hitos", "cronograma", "hoja de ruta", "fases", "calendario"],
        increments: &["post mvp", "fases futuras", "próximas versiones"],
        stakeholders: &[
            "partes interesadas",
            "interesados",
            "roles y responsabilidades",
        ],
        acceptance_criteria: &["criterios de aceptación"],
        launch: &[
            "go live",
            "lanzamiento",
            "mvp",
            "producción",
            "puesta en producción",
        ],
        environments: &["entornos", "entornos de despliegue", "gestión de entornos"],
        release_cadence: &[
            "cadencia de lanzamientos",
            "cadencia de entregas",
            "frecuencia de despliegue",
            "frecuencia de lanzamiento",
            "ciclo de lanzamiento",
            "ciclo de release",
        ],
        rollback_triggers: &[
            "criterios de rollback",
            "criterios de reversión",
            "disparadores de rollback",
            "cuándo revertir",
        ],
        procedure: ProcedureWords {
            release: &[
                "release",
                "releases",
                "lanzamiento",
                "lanzamientos",
                "despliegue",
                "despliegues",
                "desplegar",
                "entrega",
                "entregas",
                "desplegado",
                "publicación",
            ],
            frequency: &[
                "diario",
                "diaria",
                "diariamente",
                "semanal",
                "semanales",
                "semanalmente",
                "quincenal",
                "quincenales",
                "quincenalmente",
                "mensual",
                "mensuales",
                "mensualmente",
                "trimestral",
                "entrega continua",
                "despliegue continuo",
                "en cada merge",
                "cada sprint",
                "al final de cada sprint",
            ],
            every: &["cada", "todos los", "todas las"],
            period: &["día", "días", "semana", "semanas", "mes", "meses"],
            number: &["un", "una", "dos", "tres", "cuatro"],
            sprint: &["sprint", "sprints", "iteración", "iteraciones"],
            cycle: &["ciclo", "ciclos", "cadencia", "ritmo", "frecuencia"],
            not_release: &[
                "backup",
                "backups",
                "copia de seguridad",
                "copias de seguridad",
                "informe",
                "informes",
                "reunión",
                "reuniones",
                "sincronización",
                "correo",
                "costo",
                "costos",
                "coste",
                "costes",
                "presupuesto",
                "revisión",
                "auditoría",
            ],
            rollback: &[
                "rollback",
                "reversión",
                "revertir",
                "revertido",
                "marcha atrás",
            ],
            condition: &["si", "cuando", "en caso de", "ante", "siempre que", "tras"],
            task: &[
                "documentar",
                "añadir",
                "agregar",
                "definir",
                "especificar",
                "aclarar",
                "decidir",
                "establecer",
                "recomendado",
                "sugerido",
            ],
            signal: &[
                "tasa de error",
                "alarma",
                "alarmas",
                "alerta",
                "alertas",
                "health check",
                "pruebas de humo",
                "latencia",
            ],
            failure: &[
                "error",
                "errores",
                "tasa de error",
                "fallo",
                "fallos",
                "falla",
                "fallan",
                "falle",
                "fallen",
                "supera",
                "superan",
                "excede",
                "exceden",
                "alarma",
                "alarmas",
                "alerta",
                "alertas",
                "incidente",
                "degradación",
            ],
        },
    },
    Language {
        code: "fr",
        stemmer: Algorithm::French,
        not_decided_sections: &[
            "hors périmètre",
            "hors du périmètre",
            "hors scope",
            "futur",
            "évolutions futures",
            "alternatives",
            "options envisagées",
            "options",
            "questions ouvertes",
            "risques",
            "exemples",
            "références",
            "glossaire",
            "annexe",
            "marché",
            "concurrents",
        ],
        example: &["par exemple", "tel que", "telle que", "p ex"],
        doubt: &[
            "optionnel",
            "facultatif",
            "éventuellement",
            "peut être",
            "possiblement",
            "prévu",
            "envisagé",
            "à définir",
            "si applicable",
            "pourrait",
        ],
        negation: &[
            "ne",
            "pas",
            "jamais",
            "sans",
            "au lieu de",
            "plutôt que",
            "contrairement à",
            "manque",
        ],
        or: &["ou"],
        mvp_scope: &[
            "périmètre du mvp",
            "périmètre mvp",
            "fonctionnalités du mvp",
            "phase 1",
            "indispensable",
        ],
        release_criteria: &[
            "critères de mise en production",
            "critères de lancement",
            "critères de succès",
            "critères de réussite",
            "liste de contrôle de mise en production",
        ],
        exit_criteria: &[
            "critères de sortie",
            "définition de terminé",
            "définition de fini",
        ],
        milestones: &[
            "jalons",
            "calendrier",
            "feuille de route",
            "phases",
            "planning",
        ],
        increments: &["post mvp", "phases futures", "prochaines versions"],
        stakeholders: &["parties prenantes", "rôles et responsabilités"],
        acceptance_criteria: &["critères d acceptation", "critères d acceptance"],
        launch: &["go live", "lancement", "mvp", "mise en production"],
        environments: &[
            "environnements",
            "environnements de déploiement",
            "gestion des environnements",
        ],
        release_cadence: &[
            "cadence de livraison",
            "cadence des mises en production",
            "fréquence de déploiement",
            "fréquence des livraisons",
            "cycle de livraison",
            "rythme de livraison",
        ],
        rollback_triggers: &[
            "critères de rollback",
            "critères de retour arrière",
            "déclencheurs de rollback",
            "conditions de retour arrière",
        ],
        procedure: ProcedureWords {
            release: &[
                "livraison",
                "livraisons",
                "déploiement",
                "déploiements",
                "déployer",
                "déployé",
                "mise en production",
                "mises en production",
                "release",
                "releases",
            ],
            frequency: &[
                "quotidien",
                "quotidienne",
                "quotidiennes",
                "quotidiennement",
                "hebdomadaire",
                "hebdomadaires",
                "bimensuel",
                "bimensuelle",
                "bimensuelles",
                "mensuel",
                "mensuelle",
                "mensuelles",
                "trimestriel",
                "trimestrielle",
                "livraison continue",
                "déploiement continu",
                "à chaque merge",
                "à chaque sprint",
                "à la fin de chaque sprint",
            ],
            every: &["toutes les", "tous les", "chaque"],
            period: &["jour", "jours", "semaine", "semaines", "mois"],
            number: &["un", "une", "deux", "trois", "quatre"],
            sprint: &["sprint", "sprints", "itération", "itérations"],
            cycle: &["cycle", "cycles", "cadence", "rythme", "fréquence"],
            not_release: &[
                "sauvegarde",
                "sauvegardes",
                "rapport",
                "rapports",
                "réunion",
                "réunions",
                "synchronisation",
                "courriel",
                "coût",
                "coûts",
                "revue",
                "audit",
                "budget",
            ],
            rollback: &[
                "rollback",
                "retour arrière",
                "retour en arrière",
                "revenir en arrière",
            ],
            condition: &["si", "quand", "lorsque", "dès que", "en cas de", "après"],
            task: &[
                "documenter",
                "ajouter",
                "définir",
                "préciser",
                "clarifier",
                "décider",
                "établir",
                "recommandé",
                "suggéré",
            ],
            signal: &[
                "taux d erreur",
                "alarme",
                "alarmes",
                "alerte",
                "alertes",
                "health check",
                "tests de fumée",
                "latence",
            ],
            failure: &[
                "erreur",
                "erreurs",
                "taux d erreur",
                "échec",
                "échecs",
                "échoue",
                "échouent",
                "dépasse",
                "dépassent",
                "alarme",
                "alarmes",
                "alerte",
                "alertes",
                "incident",
                "incidents",
                "dégradation",
                "panne",
            ],
        },
    },
    Language {
        code: "de",
        stemmer: Algorithm::German,
        not_decided_sections: &[
            "nicht im umfang",
            "außerhalb des umfangs",
            "out of scope",
            "zukunft",
            "zukünftig",
            "zukuenftig",
            "ausblick",
            "alternativen",
            "betrachtete optionen",
            "optionen",
            "offene fragen",
            "offene punkte",
            "risiken",
            "beispiele",
            "referenzen",
            "glossar",
            "anhang",
            "markt",
            "marktübersicht",
            "wettbewerber",
            "nacharbeiten",
            "offen",
        ],
        example: &["zum beispiel", "z b", "beispielsweise"],
        doubt: &[
            "optional",
            "möglicherweise",
            "moeglicherweise",
            "eventuell",
            "vielleicht",
            "ggf",
            "gegebenenfalls",
            "geplant",
            "vorgesehen",
            "später",
            "spaeter",
            "zu klären",
            "zu klaeren",
            "empfehlung",
            "könnte",
            "koennte",
        ],
        negation: &[
            "nicht",
            "kein",
            "keine",
            "keinen",
            "nie",
            "ohne",
            "statt",
            "anstatt",
            "anstelle von",
            "im gegensatz zu",
            "fehlen",
            "fehlt",
            "fehlende",
        ],
        or: &["oder", "bzw"],
        mvp_scope: &["mvp umfang", "umfang des mvp", "phase 1"],
        release_criteria: &[
            "abnahmekriterien",
            "go live kriterien",
            "erfolgskriterien",
            "freigabekriterien",
        ],
        exit_criteria: &[
            "endekriterien",
            "testendekriterien",
            "austrittskriterien",
            "definition of done",
        ],
        milestones: &[
            "meilensteine",
            "meilensteinplan",
            "zeitplan",
            "roadmap",
            "phasen",
        ],
        increments: &[
            "nach dem mvp",
            "zukünftige phasen",
            "weitere ausbaustufen",
            "ausbaustufen",
        ],
        stakeholders: &[
            "stakeholder",
            "beteiligte",
            "rollen und verantwortlichkeiten",
            "ansprechpartner",
        ],
        acceptance_criteria: &["akzeptanzkriterien", "abnahmekriterien"],
        launch: &[
            "go live",
            "produktivsetzung",
            "produktivnahme",
            "livegang",
            "mvp",
            "produktion",
        ],
        environments: &[
            "umgebungen",
            "testumgebungen",
            "systemumgebungen",
            "zielumgebungen",
            "umgebungsstrategie",
        ],
        release_cadence: &[
            "release zyklus",
            "releasezyklus",
            "release rhythmus",
            "release kadenz",
            "bereitstellungsfrequenz",
            "deployment frequenz",
        ],
        rollback_triggers: &[
            "rollback kriterien",
            "rollback auslöser",
            "rollback trigger",
            "rückfallkriterien",
        ],
        procedure: ProcedureWords {
            release: &[
                "release",
                "releases",
                "auslieferung",
                "auslieferungen",
                "deployment",
                "deployments",
                "bereitstellung",
                "bereitstellungen",
                "veröffentlichung",
                "veröffentlichungen",
                "ausgeliefert",
                "deployt",
                "produktivsetzung",
            ],
            frequency: &[
                "täglich",
                "tägliche",
                "täglichen",
                "wöchentlich",
                "wöchentliche",
                "wöchentlichen",
                "zweiwöchentlich",
                "zweiwöchentliche",
                "zweiwöchentlichen",
                "zweiwöchig",
                "zweiwöchige",
                "zweiwöchigen",
                "monatlich",
                "monatliche",
                "monatlichen",
                "quartalsweise",
                "continuous deployment",
                "kontinuierlich",
                "bei jedem merge",
                "jeden sprint",
                "am ende jedes sprints",
            ],
            every: &["alle", "jede", "jeden", "jedes"],
            period: &["tag", "tage", "woche", "wochen", "monat", "monate"],
            number: &["ein", "eine", "zwei", "drei", "vier"],
            sprint: &["sprint", "sprints", "iteration", "iterationen"],
            cycle: &[
                "zyklus",
                "zyklen",
                "takt",
                "rhythmus",
                "kadenz",
                "frequenz",
                "häufigkeit",
            ],
            not_release: &[
                "backup",
                "backups",
                "sicherung",
                "sicherungen",
                "bericht",
                "berichte",
                "meeting",
                "besprechung",
                "abstimmung",
                "kosten",
                "budget",
                "gebühr",
                "gebühren",
                "überprüfung",
                "review",
                "audit",
                "synchronisation",
            ],
            rollback: &[
                "rollback",
                "zurückrollen",
                "zurückgerollt",
                "rückabwicklung",
            ],
            condition: &["wenn", "falls", "bei", "sobald", "sofern", "nach"],
            task: &[
                "dokumentieren",
                "ergänzen",
                "definieren",
                "festlegen",
                "klären",
                "entscheiden",
                "empfohlen",
                "vorschlag",
            ],
            signal: &[
                "fehlerrate",
                "fehlerquote",
                "alarm",
                "alarme",
                "health check",
                "smoke test",
                "latenz",
            ],
            failure: &[
                "fehler",
                "fehlerrate",
                "fehlerquote",
                "fehlschlag",
                "fehlschlagen",
                "fehlgeschlagen",
                "fehlgeschlagene",
                "fehlgeschlagenem",
                "fehlgeschlagenen",
                "schlägt fehl",
                "schlagen fehl",
                "überschreitet",
                "überschreiten",
                "alarm",
                "alarme",
                "ausfall",
                "störung",
                "störungen",
                "incident",
            ],
        },
    },
];

impl Language {
    fn cue(&self, cue: Cue) -> &'static [&'static str] {
        match cue {
            Cue::NotDecidedSection => self.not_decided_sections,
            Cue::Example => self.example,
            Cue::Doubt => self.doubt,
            Cue::Negation => self.negation,
            Cue::Or => self.or,
        }
    }

    fn subject(&self, subject: Subject) -> &'static [&'static str] {
        match subject {
            Subject::MvpScope => self.mvp_scope,
            Subject::ReleaseCriteria => self.release_criteria,
            Subject::ExitCriteria => self.exit_criteria,
            Subject::Milestones => self.milestones,
            Subject::Increments => self.increments,
            Subject::Stakeholders => self.stakeholders,
            Subject::AcceptanceCriteria => self.acceptance_criteria,
            Subject::Launch => self.launch,
            Subject::Environments => self.environments,
            Subject::ReleaseCadence => self.release_cadence,
            Subject::RollbackTriggers => self.rollback_triggers,
        }
    }

    fn words(&self, words: Words) -> &'static [&'static str] {
        let p = &self.procedure;
        match words {
            Words::Release => p.release,
            Words::Frequency => p.frequency,
            Words::Every => p.every,
            Words::Period => p.period,
            Words::Number => p.number,
            Words::Sprint => p.sprint,
            Words::Cycle => p.cycle,
            Words::NotRelease => p.not_release,
            Words::Rollback => p.rollback,
            Words::Condition => p.condition,
            Words::Failure => p.failure,
            Words::Signal => p.signal,
            Words::Task => p.task,
        }
    }
}

const CUES: [Cue; 5] = [
    Cue::NotDecidedSection,
    Cue::Example,
    Cue::Doubt,
    Cue::Negation,
    Cue::Or,
];

/// The regex alternation of a cue's words in every language (accented and
/// folded forms both), for use inside `\b(...)\b`. Words the English
/// readers already hold in their own patterns may be repeated here.
pub fn alternation(cue: Cue) -> &'static str {
    static CACHE: OnceLock<Vec<String>> = OnceLock::new();
    let all = CACHE.get_or_init(|| {
        CUES.iter()
            .map(|cue| join_words(LANGUAGES.iter().flat_map(|language| language.cue(*cue))))
            .collect()
    });
    let index = CUES.iter().position(|c| *c == cue).unwrap_or(0);
    &all[index]
}

const WORDS: [Words; 13] = [
    Words::Release,
    Words::Frequency,
    Words::Every,
    Words::Period,
    Words::Number,
    Words::Sprint,
    Words::Cycle,
    Words::NotRelease,
    Words::Rollback,
    Words::Condition,
    Words::Failure,
    Words::Signal,
    Words::Task,
];

/// The regex alternation of some words (accented and folded forms both,
/// longest first, spaces matching spaces, hyphens or dots).
fn join_words<'w>(words: impl Iterator<Item = &'w &'w str>) -> String {
    let mut words: Vec<String> = words
        .flat_map(|word| [word.to_lowercase(), fold(word)])
        .collect();
    // Longest first, so `por exemplo` wins over `por`.
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words.dedup();
    words
        .iter()
        .map(|w| {
            regex::escape(w)
                .replace(' ', r"[\s\-.]+")
                .replace("/", r"\s*/\s*")
        })
        .collect::<Vec<_>>()
        .join("|")
}

/// The regex alternation of one kind of procedure words in every language,
/// for use inside a group.
pub fn words_alternation(words: Words) -> &'static str {
    static CACHE: OnceLock<Vec<String>> = OnceLock::new();
    let all = CACHE.get_or_init(|| {
        WORDS
            .iter()
            .map(|kind| join_words(LANGUAGES.iter().flat_map(|language| language.words(*kind))))
            .collect()
    });
    let index = WORDS.iter().position(|w| *w == words).unwrap_or(0);
    &all[index]
}

/// One kind of procedure words of every language as whole words; the word
/// itself is capture group 1.
pub fn words_regex(words: Words) -> &'static Regex {
    static CACHE: OnceLock<Vec<Regex>> = OnceLock::new();
    let all = CACHE.get_or_init(|| {
        WORDS
            .iter()
            .map(|kind| super::compile_pattern(&bounded(words_alternation(*kind))))
            .collect()
    });
    let index = WORDS.iter().position(|w| *w == words).unwrap_or(0);
    &all[index]
}

/// Whether `text` holds a cue word of any language.
pub fn has_cue(cue: Cue, text: &str) -> bool {
    static CACHE: OnceLock<Vec<Regex>> = OnceLock::new();
    let all = CACHE.get_or_init(|| {
        CUES.iter()
            .map(|cue| super::compile_pattern(&bounded(alternation(*cue))))
            .collect()
    });
    let index = CUES.iter().position(|c| *c == cue).unwrap_or(0);
    all[index].is_match(text) || all[index].is_match(&fold(text))
}

/// `(?i)` words as whole words: between non-letters or the ends. Written
/// without `\b`, whose Unicode form keeps the regex off its fast engines.
pub fn bounded(alternation: &str) -> String {
    format!(r"(?i)(?:^|\W)({alternation})(?:$|\W)")
}

/// Whether a section name speaks of `subject` in any language: the stemmed
/// words of one of the subject's phrases appear in it, in order. Answers
/// are remembered per name (per thread), as the same names are asked about
/// for every block of their sections.
pub fn names_subject(subject: Subject, name: &str) -> bool {
    thread_local! {
        static KNOWN: std::cell::RefCell<std::collections::HashMap<(u8, String), bool>> =
            Default::default();
    }
    let key = (subject as u8, name.to_string());
    if let Some(known) = KNOWN.with(|k| k.borrow().get(&key).copied()) {
        return known;
    }
    let answer = names_subject_uncached(subject, name);
    KNOWN.with(|k| {
        let mut known = k.borrow_mut();
        // Bounded: a pathological set of names cannot grow it for ever.
        if known.len() > 100_000 {
            known.clear();
        }
        known.insert(key, answer);
    });
    answer
}

fn names_subject_uncached(subject: Subject, name: &str) -> bool {
    type Stemmed = Vec<(usize, Vec<Vec<String>>)>;
    static CACHE: OnceLock<Vec<(Subject, Stemmed)>> = OnceLock::new();
    const SUBJECTS: [Subject; 11] = [
        Subject::MvpScope,
        Subject::ReleaseCriteria,
        Subject::ExitCriteria,
        Subject::Milestones,
        Subject::Increments,
        Subject::Stakeholders,
        Subject::AcceptanceCriteria,
        Subject::Launch,
        Subject::Environments,
        Subject::ReleaseCadence,
        Subject::RollbackTriggers,
    ];
    let all = CACHE.get_or_init(|| {
        SUBJECTS
            .iter()
            .map(|subject| {
                let per_language = LANGUAGES
                    .iter()
                    .enumerate()
                    .map(|(index, language)| {
                        let stemmer = Stemmer::create(language.stemmer);
                        let phrases = language
                            .subject(*subject)
                            .iter()
                            .map(|phrase| stemmed_words(phrase, &stemmer))
                            .collect();
                        (index, phrases)
                    })
                    .collect();
                (*subject, per_language)
            })
            .collect()
    });
    let Some((_, per_language)) = all.iter().find(|(s, _)| *s == subject) else {
        return false;
    };
    per_language.iter().any(|(index, phrases)| {
        let stemmer = Stemmer::create(LANGUAGES[*index].stemmer);
        let words = stemmed_words(name, &stemmer);
        phrases.iter().any(|phrase| {
            !phrase.is_empty()
                && words
                    .windows(phrase.len())
                    .any(|window| window == phrase.as_slice())
        })
    })
}

/// Folded, stemmed words of a text with one language's stemmer.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_kind_of_word() {
        for language in LANGUAGES {
            for cue in CUES {
                assert!(!language.cue(cue).is_empty(), "{} {cue:?}", language.code);
            }
            assert!(!language.milestones.is_empty(), "{}", language.code);
            assert!(!language.release_criteria.is_empty(), "{}", language.code);
            assert!(!language.release_cadence.is_empty(), "{}", language.code);
            assert!(!language.rollback_triggers.is_empty(), "{}", language.code);
            for words in WORDS {
                assert!(
                    !language.words(words).is_empty(),
                    "{} {words:?}",
                    language.code
                );
            }
        }
        let codes: Vec<&str> = LANGUAGES.iter().map(|l| l.code).collect();
        assert_eq!(codes, ["en", "pt", "es", "fr", "de"]);
    }

    #[test]
    fn cues_match_whole_words_with_or_without_accents() {
        assert!(has_cue(Cue::Doubt, "Vault (später, möglicherweise)"));
        assert!(has_cue(Cue::Doubt, "Vault (spaeter)"));
        assert!(has_cue(Cue::Doubt, "Redis (opcional)"));
        assert!(has_cue(Cue::Doubt, "Sentry, à définir"));
        assert!(has_cue(Cue::Doubt, "Sentry, a definir"));
        assert!(!has_cue(Cue::Doubt, "Sentry is the tracker"));
        assert!(has_cue(Cue::NotDecidedSection, "Offene Fragen"));
        assert!(has_cue(Cue::NotDecidedSection, "Fora do escopo"));
        assert!(has_cue(Cue::Negation, "contrairement à Heroku"));
        assert!(
            !has_cue(Cue::Negation, "Nomad cluster"),
            "no `no` inside a word"
        );
    }

    #[test]
    fn subjects_match_stemmed_section_names_in_every_language() {
        assert!(names_subject(Subject::Milestones, "Meilenstein"));
        assert!(names_subject(Subject::Milestones, "3. Marcos do projeto"));
        assert!(names_subject(
            Subject::ReleaseCriteria,
            "Critério de sucesso"
        ));
        assert!(names_subject(
            Subject::AcceptanceCriteria,
            "Critério de aceite"
        ));
        assert!(names_subject(
            Subject::AcceptanceCriteria,
            "Abnahmekriterien (MVP)"
        ));
        assert!(names_subject(Subject::ReleaseCriteria, "Erfolgskriterien"));
        assert!(names_subject(Subject::Launch, "M6: Production Go-Live"));
        assert!(names_subject(Subject::ExitCriteria, "Critères de sortie"));
        assert!(names_subject(Subject::MvpScope, "Escopo do MVP"));
        assert!(names_subject(Subject::Stakeholders, "Partes interesadas"));
        assert!(!names_subject(Subject::Milestones, "Datenmodell"));
        assert!(names_subject(Subject::Environments, "Umgebungs-Hierarchie"));
        assert!(names_subject(
            Subject::Environments,
            "Ambientes de implantação"
        ));
        assert!(names_subject(Subject::Environments, "Gestión de entornos"));
        assert!(names_subject(Subject::Environments, "Les environnements"));
        assert!(names_subject(
            Subject::Environments,
            "Environment Management"
        ));
        assert!(!names_subject(Subject::Environments, "Umgebungsvariablen"));
    }
}
