//! Documents that disagree on a single-valued fact.
//!
//! Some keys hold one value for the whole project: the availability target,
//! the recovery objectives, the launch date, the main relational database.
//! When the facts hold two values of such a key that do not say the same
//! thing, they are a [`Conflict`] for the owner to settle. Values that only
//! word the same thing differently (`99.9%` and `99.9% uptime`, `26 Jul` and
//! `26 July 2026`) are not.
//!
//! Which keys are single-valued, and how their values compare, is data:
//! [`SINGLE_VALUED`].

use crate::model::{Conflict, ConflictValue, Fact};
use crate::pattern;

/// How two values of a key are compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparison {
    /// The first percentage: `99.9% uptime` and `99.9%+ SLA` agree.
    Percentage,
    /// The first duration, in minutes: `1 hour` and `60 minutes` agree.
    Duration,
    /// The calendar words (year, quarter, month, day): absent ones agree
    /// with anything, so a relative `Month 4` never conflicts.
    Date,
    /// Only values among these slugs disagree (one relational database,
    /// while a cache or a local SQLite beside it is no conflict).
    OneOf(&'static [&'static str]),
}

/// The single-valued keys and how their values are compared.
pub const SINGLE_VALUED: &[(&str, Comparison)] = &[
    ("nfr.availability", Comparison::Percentage),
    ("nfr.rto", Comparison::Duration),
    ("nfr.rpo", Comparison::Duration),
    ("timeline.mvp_launch", Comparison::Date),
    (
        "db.engine",
        Comparison::OneOf(&["postgresql", "mysql", "mariadb", "sqlserver", "oracle"]),
    ),
];

/// The conflicts among `facts`, in the order of [`SINGLE_VALUED`].
pub fn find_conflicts(facts: &[Fact]) -> Vec<Conflict> {
    let mut out = Vec::new();
    for (key, comparison) in SINGLE_VALUED {
        // Values grouped by what they mean; a group keeps its first wording
        // and every source.
        let mut groups: Vec<(Meaning, ConflictValue)> = Vec::new();
        for fact in facts.iter().filter(|f| f.key == *key) {
            let Some(meaning) = meaning(*comparison, &fact.value) else {
                continue;
            };
            match groups.iter_mut().find(|(m, _)| m.agrees(&meaning)) {
                Some((_, value)) => {
                    for source in &fact.sources {
                        if !value.sources.contains(source) {
                            value.sources.push(source.clone());
                        }
                    }
                }
                None => groups.push((
                    meaning,
                    ConflictValue {
                        value: fact.value.clone(),
                        sources: fact.sources.clone(),
                    },
                )),
            }
        }
        if groups.len() > 1 {
            out.push(Conflict {
                key: (*key).to_string(),
                values: groups.into_iter().map(|(_, value)| value).collect(),
            });
        }
    }
    out
}

/// What a value says, reduced for comparison.
#[derive(Debug, Clone, PartialEq)]
enum Meaning {
    Number(f64),
    /// Year, quarter, month, day; `None` where the value does not say.
    Date([Option<u32>; 4]),
    Slug(String),
}

impl Meaning {
    fn agrees(&self, other: &Meaning) -> bool {
        match (self, other) {
            (Meaning::Number(a), Meaning::Number(b)) => (a - b).abs() < 1e-9,
            (Meaning::Date(a), Meaning::Date(b)) => a
                .iter()
                .zip(b)
                .all(|(x, y)| x.is_none() || y.is_none() || x == y),
            (Meaning::Slug(a), Meaning::Slug(b)) => a == b,
            _ => false,
        }
    }
}

fn meaning(comparison: Comparison, value: &str) -> Option<Meaning> {
    match comparison {
        Comparison::Percentage => pattern!(r"(\d+(?:[.,]\d+)?)\s*%")
            .captures(value)
            .and_then(|c| c[1].replace(',', ".").parse().ok())
            .map(Meaning::Number),
        Comparison::Duration => duration_minutes(value).map(Meaning::Number),
        Comparison::Date => {
            let date = calendar(value);
            // A value with no calendar word (`Month 4`, `Day 14`) is relative.
            date.iter()
                .any(Option::is_some)
                .then_some(Meaning::Date(date))
        }
        Comparison::OneOf(slugs) => slugs
            .contains(&value)
            .then(|| Meaning::Slug(value.to_string())),
    }
}

/// Units of time and their length in minutes, in the five languages read.
const TIME_UNITS: &[(&str, f64)] = &[
    ("sec", 1.0 / 60.0),
    ("seg", 1.0 / 60.0),
    ("s", 1.0 / 60.0),
    ("min", 1.0),
    ("m", 1.0),
    ("h", 60.0),
    ("hr", 60.0),
    ("hour", 60.0),
    ("hora", 60.0),
    ("heure", 60.0),
    ("stunde", 60.0),
    ("std", 60.0),
    ("d", 1440.0),
    ("day", 1440.0),
    ("dia", 1440.0),
    ("día", 1440.0),
    ("jour", 1440.0),
    ("tag", 1440.0),
    ("week", 10080.0),
    ("semana", 10080.0),
    ("semaine", 10080.0),
    ("woche", 10080.0),
];

fn duration_minutes(value: &str) -> Option<f64> {
    let found = pattern!(r"(\d+(?:[.,]\d+)?)\s*([a-zà-ÿ]+)").captures(value)?;
    let number: f64 = found[1].replace(',', ".").parse().ok()?;
    let unit = found[2].to_lowercase();
    // Longest unit the word starts with: `minutes` is `min`, `hours` is `hour`.
    let per = TIME_UNITS
        .iter()
        .filter(|(name, _)| unit.starts_with(name) && (name.len() > 1 || unit.len() == 1))
        .max_by_key(|(name, _)| name.len())
        .map(|(_, minutes)| *minutes)?;
    Some(number * per)
}

/// Month names and abbreviations in the five languages read, whole words.
const MONTHS: &[(u32, &[&str])] = &[
    (
        1,
        &[
            "jan", "january", "janeiro", "enero", "janvier", "januar", "jänner",
        ],
    ),
    (
        2,
        &[
            "feb",
            "february",
            "fevereiro",
            "fev",
            "febrero",
            "février",
            "fevrier",
            "februar",
        ],
    ),
    (
        3,
        &[
            "mar", "march", "março", "marco", "marzo", "mars", "märz", "maerz",
        ],
    ),
    (4, &["apr", "april", "abril", "avril", "abr", "avr"]),
    (5, &["may", "maio", "mayo", "mai"]),
    (6, &["jun", "june", "junho", "junio", "juin", "juni"]),
    (
        7,
        &["jul", "july", "julho", "julio", "juillet", "juil", "juli"],
    ),
    (8, &["aug", "august", "agosto", "août", "aout", "ago"]),
    (
        9,
        &[
            "sep",
            "sept",
            "september",
            "setembro",
            "set",
            "septiembre",
            "septembre",
        ],
    ),
    (
        10,
        &[
            "oct", "october", "outubro", "out", "octubre", "octobre", "okt", "oktober",
        ],
    ),
    (
        11,
        &["nov", "november", "novembro", "noviembre", "novembre"],
    ),
    (
        12,
        &[
            "dec",
            "december",
            "dezembro",
            "dez",
            "diciembre",
            "dic",
            "décembre",
            "decembre",
            "dezember",
        ],
    ),
];

/// Month words that are also common words ("may", "set", "out"): a month
/// only in a value holding a number.
const AMBIGUOUS_MONTHS: &[&str] = &["may", "mai", "mar", "set", "out", "ago", "dez"];

/// Year, quarter, month and day named in a value.
fn calendar(value: &str) -> [Option<u32>; 4] {
    let lower = value.to_lowercase();
    let year = pattern!(r"\b(20\d\d)\b")
        .captures(&lower)
        .and_then(|c| c[1].parse().ok());
    let quarter: Option<u32> = pattern!(r"\bq([1-4])\b")
        .captures(&lower)
        .and_then(|c| c[1].parse().ok());
    let iso = pattern!(r"\b20\d\d-(\d\d)-(\d\d)\b").captures(&lower);
    let mut month = iso.as_ref().and_then(|c| c[1].parse().ok());
    let mut day = iso.as_ref().and_then(|c| c[2].parse().ok());
    if month.is_none() {
        let has_digit = lower.chars().any(|c| c.is_ascii_digit());
        month = lower
            .split(|c: char| !c.is_alphabetic())
            .filter(|word| has_digit || !AMBIGUOUS_MONTHS.contains(word))
            .find_map(|word| {
                MONTHS
                    .iter()
                    .find(|(_, names)| names.contains(&word))
                    .map(|(number, _)| *number)
            });
        if month.is_some() {
            day = pattern!(r"\b([0-3]?\d)(?:st|nd|rd|th)?\b")
                .captures_iter(&lower)
                .filter_map(|c| c[1].parse::<u32>().ok())
                .find(|d| (1..=31).contains(d));
        }
    }
    // A month says its quarter: `September 2026` agrees with `Q3 2026`.
    let month = month.filter(|m: &u32| (1..=12).contains(m));
    let quarter = quarter.or(month.map(|m| (m - 1) / 3 + 1));
    [year, quarter, month, day]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Source;

    fn fact(key: &str, value: &str, path: &str) -> Fact {
        Fact {
            key: key.into(),
            value: value.into(),
            sources: vec![Source {
                path: path.into(),
                line_start: 1,
                line_end: 1,
                heading: String::new(),
                excerpt: value.into(),
            }],
        }
    }

    #[test]
    fn two_availability_targets_are_a_conflict_with_both_sources() {
        let facts = [
            fact("nfr.availability", "99.9% uptime", "a.md"),
            fact("nfr.availability", "99.9%+ SLA", "c.md"),
            fact("nfr.availability", "99.5%", "b.md"),
        ];
        let conflicts = find_conflicts(&facts);
        assert_eq!(conflicts.len(), 1);
        assert_eq!(conflicts[0].key, "nfr.availability");
        let values: Vec<(&str, usize)> = conflicts[0]
            .values
            .iter()
            .map(|v| (v.value.as_str(), v.sources.len()))
            .collect();
        assert_eq!(values, [("99.9% uptime", 2), ("99.5%", 1)]);
    }

    #[test]
    fn the_same_target_worded_twice_is_no_conflict() {
        let facts = [
            fact("nfr.rto", "1 hour", "a.md"),
            fact("nfr.rto", "60 minutes", "b.md"),
            fact("timeline.mvp_launch", "26 Jul", "a.md"),
            fact("timeline.mvp_launch", "26 July 2026", "b.md"),
            fact("timeline.mvp_launch", "Month 4", "b.md"),
            fact("timeline.mvp_launch", "as soon as it may be ready", "c.md"),
        ];
        assert!(find_conflicts(&facts).is_empty());
    }

    #[test]
    fn two_launch_dates_or_two_relational_databases_conflict() {
        let facts = [
            fact("timeline.mvp_launch", "Q2 2026", "brd.md"),
            fact("timeline.mvp_launch", "septembre 2026", "plan.md"),
            fact("timeline.mvp_launch", "Q3 2026", "prd.md"),
            fact("db.engine", "mysql", "old.md"),
            fact("db.engine", "redis", "spec.md"),
            fact("db.engine", "postgresql", "spec.md"),
        ];
        let conflicts = find_conflicts(&facts);
        let keys: Vec<(&str, Vec<&str>)> = conflicts
            .iter()
            .map(|c| {
                (
                    c.key.as_str(),
                    c.values.iter().map(|v| v.value.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            keys,
            [
                ("timeline.mvp_launch", vec!["Q2 2026", "septembre 2026"]),
                ("db.engine", vec!["mysql", "postgresql"]),
            ]
        );
    }

    #[test]
    fn durations_read_units_in_other_languages() {
        assert_eq!(duration_minutes("24 Stunden"), Some(1440.0));
        assert_eq!(duration_minutes("4 horas"), Some(240.0));
        assert_eq!(duration_minutes("15 min"), Some(15.0));
    }

    #[test]
    fn an_impossible_month_is_not_read() {
        assert_eq!(calendar("2026-00-10"), [Some(2026), None, None, Some(10)]);
    }
}
