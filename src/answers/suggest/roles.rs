//! Suggestions for step 11, Roles & Responsibilities.

use super::*;

impl<'a> Suggestions<'a> {
    pub(super) fn stakeholder_roles(&self) -> Vec<String> {
        let mut roles = self.first_column("s11.roles");
        for fallback in [RELEASE_MANAGER_ROLE] {
            if roles.is_empty() {
                roles.push(fallback.to_string());
            }
        }
        roles
    }

    /// Roles from the stakeholders (a name in brackets is the person), each
    /// with proposed responsibilities.
    pub(super) fn fill_roles(&mut self) {
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

    pub(super) fn fill_raci(&mut self) {
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
