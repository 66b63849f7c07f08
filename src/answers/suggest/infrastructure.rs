//! Suggestions for step 5, Infrastructure Requirements.

use super::*;

impl<'a> Suggestions<'a> {
    pub(super) fn fill_infrastructure(&mut self) {
        let mut rows: Vec<(Vec<String>, Vec<&Fact>)> = Vec::new();
        for (component, keys) in [
            ("Cloud", &["cloud.provider"][..]),
            (
                "Compute",
                &["container.orchestrator", "hosting.platform"][..],
            ),
            ("Database", &["db.engine"][..]),
            ("Messaging", &["messaging.broker"][..]),
            ("Object storage", &["storage.object"][..]),
            ("CDN", &["cdn"][..]),
            ("Web server", &["web.server"][..]),
            ("Secrets", &["secrets.store"][..]),
            ("Observability", &["observability.tool"][..]),
        ] {
            let mut facts: Vec<&Fact> = keys.iter().flat_map(|key| self.of(key)).collect();
            if component == "Database" {
                primary_databases_first(&mut facts);
            }
            if facts.is_empty() {
                continue;
            }
            let names = names_of(&facts);
            rows.push((
                vec![
                    component.to_string(),
                    names.join(", "),
                    String::new(),
                    String::new(),
                ],
                facts,
            ));
        }
        self.put_items("s5.components", rows, Origin::Document, None);
        let components = self.first_column("s5.components");
        if !components.is_empty() {
            let availability = self.of("nfr.availability");
            let zones_allowed = crate::profiles::choose_profile(self.facts)
                .is_none_or(|(profile, _)| profile.second_zone);
            let mut text = "One region; the smallest instance sizes that carry the MVP load with headroom for twice the expected peak; managed services where the documents name them".to_string();
            if let Some(fact) = availability.first().filter(|_| zones_allowed) {
                let _ = write!(
                    text,
                    "; two availability zones for the database and compute to meet {} availability",
                    fact.value
                );
            }
            text.push('.');
            self.propose(
                "s5.mvp_infrastructure",
                Value::Text(text),
                "Sized from the documented components and availability target.".into(),
                &availability,
            );
            self.propose("s5.full_scale", Value::Text("Autoscaling on measured load, read replicas and larger database instances once usage grows, and a second region only if the recovery targets require it.".into()), "Common growth path after an MVP.".into(), &[]);
        }
    }

    pub(super) fn fill_service_levels(&mut self) {
        let mut items: Vec<(Vec<String>, Vec<&Fact>)> = Vec::new();
        for (key, label) in [
            ("nfr.availability", "Availability"),
            ("nfr.latency", "Latency"),
            ("nfr.rto", "Recovery time objective (RTO)"),
            ("nfr.rpo", "Recovery point objective (RPO)"),
        ] {
            if let Some(conflict) = self.conflict(key) {
                // Disputed: both values and the owner, never one picked.
                items.push((
                    vec![Self::disagreement_line(conflict)],
                    self.conflict_facts(conflict),
                ));
                continue;
            }
            for fact in self.of(key) {
                items.push((vec![format!("{label}: {}", fact.value)], vec![fact]));
            }
        }
        // An objective a plan needs but the documents do not state is named
        // as open, so the reader sees the gap instead of a silent omission.
        for (keys, open) in [
            (&["nfr.availability"][..], "Availability target (SLO): TBD — not stated in the documents; owner: Product Owner"),
            (&["nfr.rto", "nfr.rpo"][..], "Recovery objectives (RPO/RTO): TBD — not stated in the documents; owner: Product Owner"),
        ] {
            if !items.is_empty() && keys.iter().all(|key| self.of(key).is_empty()) {
                items.push((vec![open.to_string()], Vec::new()));
            }
        }
        if let Some(fact) = self
            .of("nfr.zero_downtime")
            .into_iter()
            .find(|f| f.value == "true")
        {
            items.push((vec!["Zero-downtime deployments".to_string()], vec![fact]));
        }
        self.put_items("s5.slos", items, Origin::Document, None);
    }

    /// Observability tools sorted into monitoring, logging and tracing.
    pub(super) fn fill_observability(&mut self) {
        let tools = self.of("observability.tool");
        for (field, names, what) in [
            ("s5.monitoring", &["prometheus", "grafana", "datadog", "new-relic", "cloudwatch", "sentry", "pagerduty", "better-stack"][..], "Metrics, dashboards, error tracking and alerting"),
            ("s5.logging", &["loki", "elk", "cloudwatch", "datadog"][..], "Structured application and infrastructure logs, kept searchable and free of personal data"),
            ("s5.tracing", &["opentelemetry", "jaeger", "x-ray", "honeycomb", "datadog"][..], "Distributed traces across the UI, API and background jobs"),
        ] {
            let found: Vec<&Fact> = tools.iter().copied().filter(|f| names.contains(&f.value.as_str())).collect();
            if found.is_empty() {
                continue;
            }
            let mut text = format!("{what} with {}.", names_of(&found).join(", "));
            if field == "s5.monitoring" {
                let slos = self.of("nfr.availability").into_iter().chain(self.of("nfr.latency")).next();
                if let Some(slo) = slos {
                    let _ = write!(text, " Alerts fire on the service level objectives (e.g. {}).", slo.value);
                }
            }
            let reason = format!("Tools named in the documents ({}).", cite(found[0]));
            self.propose(field, Value::Text(text), reason, &found);
        }
    }
}
