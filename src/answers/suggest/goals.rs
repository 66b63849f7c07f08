//! Suggestions for step 0, Introduction & Goals.

use super::*;

impl<'a> Suggestions<'a> {
    /// The MVP launch: several dates may be read; the one most passages give
    /// wins, and the reason names the others.
    pub(super) fn fill_launch(&mut self) {
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
    pub(super) fn fill_milestones(&mut self) {
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
    pub(super) fn fill_post_mvp_statements(&mut self) {
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

    pub(super) fn fill_goals(&mut self) {
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
        let reason = match (launch.is_some(), !availability.is_empty()) {
            (true, true) => "Typical MVP deployment goals, tied to the launch target and availability the documents give.",
            (true, false) => "Typical MVP deployment goals, tied to the launch target the documents give.",
            (false, true) => "Typical MVP deployment goals, tied to the availability target the documents give.",
            (false, false) => "Typical MVP deployment goals; the documents give no launch date or availability target yet.",
        };
        self.put_items("s0.mvp_goals", goals, Origin::Proposed, Some(reason.into()));
    }
}
