//! Reading small things out of free text: dates and schedule points,
//! table-row cells, mentions of words.

/// Whether `text` contains any of `words`, ignoring case.
pub fn mentions(text: &str, words: &[&str]) -> bool {
    let lower = text.to_lowercase();
    words.iter().any(|word| lower.contains(word))
}

/// The cells of a Markdown table row excerpt (`a | b | c`), trimmed.
pub fn cells(text: &str) -> Vec<String> {
    text.trim()
        .trim_matches('|')
        .split(" | ")
        .map(|cell| cell.trim().trim_matches('|').trim().to_string())
        .filter(|cell| !cell.is_empty())
        .collect()
}

/// Status marks that decorate a checklist line (met, not met, warning,
/// ticked boxes): a verdict on the line, not part of what it says.
const STATUS_MARKS: &[&str] = &[
    "✅", "✔️", "✔", "☑️", "☑", "✓", "❌", "✖️", "✖", "✗", "⚠️", "⚠", "🟢", "🟡", "🟠", "🔴", "⛔",
    "🚫",
];

/// LaTeX math commands written inside `$…$` in prose, and what they mean.
const LATEX_SYMBOLS: &[(&str, &str)] = &[
    ("\\leq", "≤"),
    ("\\le", "≤"),
    ("\\geq", "≥"),
    ("\\ge", "≥"),
    ("\\times", "×"),
    ("\\approx", "≈"),
    ("\\sim", "~"),
    ("\\pm", "±"),
    ("\\%", "%"),
    ("\\neq", "≠"),
    ("\\rightarrow", "→"),
    ("\\to", "→"),
];

/// A value as a reader should see it in the plan: status marks and ticked
/// boxes dropped, inline LaTeX math (`$\\le$ 800ms`) written as its symbol,
/// whitespace collapsed. Words are never changed.
pub fn plain_value(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('$') {
        let Some(length) = rest[start + 1..].find('$') else {
            break;
        };
        let inner = &rest[start + 1..start + 1 + length];
        if !inner.contains('\\') {
            out.push_str(&rest[..start + 1]);
            rest = &rest[start + 1..];
            continue;
        }
        out.push_str(&rest[..start]);
        let mut math = inner.trim().to_string();
        for (command, symbol) in LATEX_SYMBOLS {
            math = math.replace(command, symbol);
        }
        out.push_str(&math.replace(['\\', '{', '}'], ""));
        rest = &rest[start + 1 + length + 1..];
    }
    out.push_str(rest);
    for mark in STATUS_MARKS {
        out = out.replace(mark, " ");
    }
    for box_mark in ["[x] ", "[X] ", "[ ] "] {
        if let Some(stripped) = out.trim_start().strip_prefix(box_mark) {
            out = stripped.to_string();
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
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
pub fn is_date_like(text: &str) -> bool {
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
pub fn schedule_point(text: &str) -> Option<(String, u32, u32)> {
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
pub fn bracketed_date(text: &str) -> Option<(String, String, String)> {
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

/// `text` with runs of whitespace as one space, cut to at most `max`
/// characters and then marked with `…`.
pub fn shorten(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max).collect();
    format!("{}…", cut.trim_end())
}

/// `text` with every character `keep` refuses as a space, and runs of
/// whitespace as one space.
pub fn keep_chars(text: &str, keep: impl Fn(char) -> bool) -> String {
    text.chars()
        .map(|c| if keep(c) { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Seconds since 1970 as an RFC 3339 UTC time, `2026-11-20T06:30:00Z`
/// (Howard Hinnant's civil-from-days).
pub fn rfc3339(seconds: u64) -> String {
    let days = (seconds / 86_400) as i64;
    let rest = seconds % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3_600,
        rest % 3_600 / 60,
        rest % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn times_are_written_as_rfc3339_utc() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(shorten(" a \n b ", 10), "a b");
        assert_eq!(shorten("abc def ghi", 4), "abc…");
        assert_eq!(
            keep_chars("  a-b /c\n\td ", |c| c.is_alphanumeric()),
            "a b c d"
        );
        assert_eq!(rfc3339(1_795_156_200), "2026-11-20T06:30:00Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
    }
    #[test]
    fn plain_values_drop_status_marks_and_write_latex_math_as_symbols() {
        assert_eq!(
            plain_value("✅ Backups restore in under an hour"),
            "Backups restore in under an hour"
        );
        assert_eq!(plain_value("❌  Load test   passed"), "Load test passed");
        assert_eq!(plain_value("⚠️ Pager rota agreed"), "Pager rota agreed");
        assert_eq!(plain_value("[x] Runbook reviewed"), "Runbook reviewed");
        assert_eq!(plain_value("p95 $\\le$ 300 ms"), "p95 ≤ 300 ms");
        assert_eq!(
            plain_value("uptime $\\geq 99.5\\%$ monthly"),
            "uptime ≥ 99.5% monthly"
        );
        assert_eq!(
            plain_value("costs $5 to $10 a month"),
            "costs $5 to $10 a month"
        );
        assert_eq!(
            plain_value("Plain words stay as they are"),
            "Plain words stay as they are"
        );
    }
}
