//! Suggestions for step 7, Pre-Deployment & Post-Deployment Procedures.

use super::*;

impl<'a> Suggestions<'a> {
    /// An owner for a check, by what it is about, among the step 11 roles.
    pub(super) fn owner_for(&self, text: &str, default: &str) -> String {
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

    pub(super) fn fill_checks(&mut self) {
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
}
