//! Suggestions for step 8, Database Migration Strategy.

use super::*;

impl<'a> Suggestions<'a> {
    pub(super) fn fill_database(&mut self) {
        let Some(engine) = self.text("s8.engine") else {
            return;
        };
        // The first engine is the system of record (see PRIMARY_DATABASES).
        let engine = engine.split(", ").next().unwrap_or_default().to_string();
        let tool = self
            .first_name("db.migration_tool")
            .unwrap_or_else(|| "the migration tool (TBD)".into());
        let tool_facts = self.of("db.migration_tool");
        let engine_facts = self.of("db.engine");
        self.propose("s8.approach", Value::Text(format!("Schema changes are versioned {tool} migrations kept with the code and run by the pipeline before the new version starts. Every change is backward-compatible (expand, then contract): add columns and tables first, switch the code, remove the old parts in a later release. Migrations are tested against a copy of production-like data in staging.")), format!("Common practice for {engine} with the documented migration tool."), &tool_facts);
        self.propose("s8.mvp_schema", Value::List(vec![
            format!("Create the {engine} databases and users with IaC, least privilege"),
            format!("Apply the initial schema with {tool}"),
            "Load reference and seed data (roles, settings) with an idempotent, versioned script".into(),
            "Create the first administrator accounts through the application, not by SQL".into(),
            "Verify the schema version and seed data in staging, then in production".into(),
        ]), "Common steps for a first schema.".into(), &engine_facts);
        let recovery: Vec<&Fact> = self
            .of("nfr.rpo")
            .into_iter()
            .chain(self.of("nfr.rto"))
            .collect();
        let mut text = "Automated daily backups with point-in-time recovery, plus a snapshot right before every production migration".to_string();
        if let Some(conflict) = self.conflict("nfr.rpo") {
            let values: Vec<&str> = conflict.values.iter().map(|v| v.value.as_str()).collect();
            let _ = write!(
                text,
                "; the RPO is still to be agreed, as the documents disagree ({})",
                values.join(" or ")
            );
        } else if let Some(rpo) = self.of("nfr.rpo").into_iter().min_by_key(|f| f.value.len()) {
            let _ = write!(
                text,
                "; point-in-time recovery keeps data loss within the RPO of {}",
                rpo.value
            );
        }
        if let Some(conflict) = self.conflict("nfr.rto") {
            let values: Vec<&str> = conflict.values.iter().map(|v| v.value.as_str()).collect();
            let _ = write!(
                text,
                "; the RTO is still to be agreed, as the documents disagree ({})",
                values.join(" or ")
            );
        } else if let Some(rto) = self.of("nfr.rto").into_iter().min_by_key(|f| f.value.len()) {
            let _ = write!(
                text,
                "; a restore drill proves a restore fits the RTO of {}",
                rto.value
            );
        }
        text.push('.');
        let reason = if recovery.is_empty() {
            text.push_str(" The recovery objectives (RPO/RTO) are not stated in the documents: TBD — owner: Product Owner.");
            "Common practice; to be sized once the recovery objectives are agreed."
        } else {
            "Sized by the documented recovery objectives."
        };
        self.propose("s8.backup", Value::Text(text), reason.into(), &recovery);
        self.propose("s8.rollback", Value::Text("Because migrations are backward-compatible, the application can roll back without touching the schema; a faulty migration is fixed forward with a new migration. Restoring the pre-migration snapshot is the last resort, decided by the Release Manager with the Backend Lead, as it loses writes made since.".into()), "Follows from the expand-then-contract approach.".into(), &[]);
    }
}
