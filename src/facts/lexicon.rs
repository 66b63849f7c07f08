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
            .map(|cue| {
                let mut words: Vec<String> = LANGUAGES
                    .iter()
                    .flat_map(|language| language.cue(*cue))
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
            })
            .collect()
    });
    let index = CUES.iter().position(|c| *c == cue).unwrap_or(0);
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
    const SUBJECTS: [Subject; 9] = [
        Subject::MvpScope,
        Subject::ReleaseCriteria,
        Subject::ExitCriteria,
        Subject::Milestones,
        Subject::Increments,
        Subject::Stakeholders,
        Subject::AcceptanceCriteria,
        Subject::Launch,
        Subject::Environments,
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
