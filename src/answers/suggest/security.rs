//! Suggestions for step 10, Security & Compliance Integration (DevSecOps).

use super::*;

impl<'a> Suggestions<'a> {
    pub(super) fn fill_security(&mut self) {
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
                let _ = write!(text, " ({})", display_name(&tool.value));
            }
            text.push_str(", with least-privilege access, encryption at rest and in transit, and private networks by default.");
            let scanned: Vec<&Fact> = iac_scan.iter().chain(policy.iter()).copied().collect();
            let names = names_of(&scanned);
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
                .map(|f| display_name(&f.value))
                .collect();
            let mut text = format!("Secrets are created and stored in {}, one set per environment, readable only by that environment's workload identity. They are rotated on a schedule and whenever someone with access leaves", display_name(&store.value));
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
}
