//! Platform profiles: what a deployment naturally looks like on the platform
//! the documents describe, kept as data.
//!
//! A project on Vercel deploys atomically and rolls back by promoting the
//! previous deployment; one on a single server with Docker Compose swaps
//! containers and has no second availability zone to fail over to; a mobile
//! app reaches users through a store's phased release and cannot be "rolled
//! back" once installed. Proposals come from the profile the facts choose
//! ([`choose_profile`]), cite the facts that chose it, and never exceed what
//! the platform allows. The patterns' rollback actions are data too
//! ([`rollback_action`]), so the rollback steps, the post-MVP rollback and the
//! rollback diagram all follow the one pattern chosen in step 1.

use crate::model::Fact;

/// How a kind of platform is deployed and undone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Profile {
    /// Stable id, e.g. `paas`.
    pub id: &'static str,
    /// In plain words, e.g. `a PaaS with atomic deployments`.
    pub name: &'static str,
    /// The facts that choose it: `(key, values)`; any value of a key counts.
    pub signals: &'static [(&'static str, &'static [&'static str])],
    /// The natural MVP pattern on this platform.
    pub mvp_pattern: &'static str,
    /// Why, in a sentence a stakeholder can read.
    pub mvp_pattern_why: &'static str,
    /// The pattern when the documents ask for 99.9 % or zero downtime; the
    /// same as `mvp_pattern` where the platform already gives that.
    pub demanding_pattern: &'static str,
    /// The natural pattern for releases after the MVP.
    pub post_mvp_pattern: &'static str,
    /// Whether a second availability zone is something this platform lets
    /// the project choose (not on one server; managed by the platform on a PaaS).
    pub second_zone: bool,
    /// Whether short-lived preview environments per change come with it.
    pub preview_environments: bool,
    /// How production is sized for the MVP on this platform, in a sentence.
    pub mvp_sizing: &'static str,
    /// The pipeline's production stages on this platform, in order (they
    /// replace a generic "deploy to production" stage).
    pub release_stages: &'static [&'static str],
    /// Phrases that, stated in the documents, point at this platform where
    /// no tool fact does (read by [`crate::answers::platform`]; folded, lower case).
    pub terms: &'static [&'static str],
}

/// The profiles, most specific first (ties go to the earlier one).
pub const PROFILES: &[Profile] = &[
    Profile {
        id: "mobile",
        name: "a mobile app released through the app stores",
        signals: &[("frontend.framework", &["react-native", "expo", "flutter"])],
        mvp_pattern: "Phased release",
        mvp_pattern_why: "A store build cannot be pulled back from users' phones once installed. The stores' phased release hands the new version to a growing share of users and can be paused while crash and error rates are watched; a faulty release is fixed by a new build (or an over-the-air update, where the app supports them).",
        demanding_pattern: "Phased release",
        post_mvp_pattern: "Phased release",
        second_zone: false,
        preview_environments: false,
        mvp_sizing: "the app's backend at its smallest paid tier with room for the first users, and the store builds for each platform from one release commit",
        release_stages: &["Build signed iOS and Android binaries from the release commit", "Submit the builds for store review (App Store Connect, Google Play internal testing track)", "Start the stores' phased release once approved, watching crash-free sessions and error rates"],
        terms: &["app store", "google play", "play store", "testflight", "ios and android"],
    },
    Profile {
        id: "device",
        name: "software installed on a device (appliance, kiosk or embedded)",
        signals: &[],
        mvp_pattern: "Recreate",
        mvp_pattern_why: "A device runs one copy of the software: an update stops the service, installs the new build and starts it again, and the previous build stays on the device so it can be started again.",
        demanding_pattern: "Recreate",
        post_mvp_pattern: "Phased release",
        second_zone: false,
        preview_environments: false,
        mvp_sizing: "the devices as specified, with a spare device or a tested re-install procedure",
        release_stages: &["Build the release bundle from the release commit", "Install it on one device and run the on-device checks", "Update the remaining devices, keeping the previous build on each"],
        terms: &["raspberry pi", "kiosk", "embedded device", "air gapped", "airgapped", "on the device", "systemd service", "appliance", "firmware"],
    },
    Profile {
        id: "package",
        name: "a package, command-line tool or desktop app that users install",
        signals: &[],
        mvp_pattern: "Package release",
        mvp_pattern_why: "Users install a versioned package: a release publishes a new version to the registry or download page, and a faulty version is marked as such (deprecated or yanked) and replaced by a patch release; installed copies cannot be pulled back.",
        demanding_pattern: "Package release",
        post_mvp_pattern: "Package release",
        second_zone: false,
        preview_environments: false,
        mvp_sizing: "the registry or download page that serves the package, and the supported platforms as documented",
        release_stages: &["Tag the release commit and build the package for each supported platform", "Publish a pre-release (release candidate) and install it on a clean machine", "Publish the release to the registry or download page"],
        terms: &["published to npm", "publish to npm", "npm publish", "npm package publication", "published to pypi", "published to crates io", "homebrew formula", "desktop app", "desktop application", "command line tool", "installer package", "electron app"],
    },
    Profile {
        id: "paas",
        name: "a platform with atomic deployments",
        signals: &[
            ("hosting.platform", &["vercel", "netlify", "cloudflare", "render", "heroku", "fly", "railway", "firebase", "supabase"]),
            ("cdn", &["vercel-edge", "netlify-edge"]),
        ],
        mvp_pattern: "Atomic deploy",
        mvp_pattern_why: "The platform builds each deployment as an immutable whole and switches traffic to it at once, so there is no mixed state to manage; the previous deployment stays available and is promoted back in seconds.",
        demanding_pattern: "Atomic deploy",
        post_mvp_pattern: "Atomic deploy",
        second_zone: false,
        preview_environments: true,
        mvp_sizing: "production on the platform's standard plan, with the platform's own scaling and regions (nothing to run in a second zone by hand)",
        release_stages: &["Deploy the build as a preview, then promote it to production atomically", "Keep the previous deployment ready to promote back instantly"],
        terms: &["static site hosting", "jamstack"],
    },
    Profile {
        id: "serverless",
        name: "serverless functions or revisions",
        signals: &[
            ("hosting.platform", &["lambda", "cloud-run", "app-engine"]),
        ],
        mvp_pattern: "Traffic shifting",
        mvp_pattern_why: "Each deployment is a new version (a function version or a revision) beside the old one; traffic moves to it all at once or a share at a time, and moves back by pointing the alias or traffic split at the previous version.",
        demanding_pattern: "Traffic shifting",
        post_mvp_pattern: "Canary",
        second_zone: false,
        preview_environments: true,
        mvp_sizing: "functions with conservative concurrency limits and alarms on errors and throttling; the provider runs them across zones",
        release_stages: &["Publish a new function version and shift the alias to it", "Keep the previous version for an instant alias switch back"],
        terms: &["serverless", "cloud functions", "azure functions", "function as a service", "lambda functions"],
    },
    Profile {
        id: "kubernetes",
        name: "Kubernetes",
        signals: &[
            ("container.orchestrator", &["kubernetes", "eks", "gke", "aks", "oke"]),
            ("hosting.platform", &["kubernetes"]),
            ("gitops.tool", &["argocd", "flux"]),
        ],
        mvp_pattern: "Rolling Update",
        mvp_pattern_why: "Kubernetes replaces pods a few at a time and keeps the previous ReplicaSet, so a rollout needs no second environment and is undone with a rollback to the previous revision.",
        demanding_pattern: "Blue/Green",
        post_mvp_pattern: "Canary",
        second_zone: true,
        preview_environments: false,
        mvp_sizing: "production with at least two replicas of each service",
        release_stages: &[],
        terms: &["helm chart", "kubectl"],
    },
    Profile {
        id: "managed-containers",
        name: "a managed container service",
        signals: &[
            ("container.orchestrator", &["ecs"]),
            ("hosting.platform", &["ecs", "app-service"]),
        ],
        mvp_pattern: "Rolling Update",
        mvp_pattern_why: "The service replaces tasks a few at a time behind the load balancer and keeps the previous task definition, so a rollout is undone by deploying that revision again.",
        demanding_pattern: "Blue/Green",
        post_mvp_pattern: "Canary",
        second_zone: true,
        preview_environments: false,
        mvp_sizing: "production with at least two tasks of each service",
        release_stages: &[],
        terms: &[],
    },
    Profile {
        id: "single-server",
        name: "one server running containers or processes",
        signals: &[
            ("container.orchestrator", &["docker-compose"]),
            ("hosting.platform", &["vps"]),
            ("web.server", &["pm2"]),
        ],
        mvp_pattern: "Recreate",
        mvp_pattern_why: "On one server the new containers replace the old ones in place; the release takes a short, announced pause, and the previous image tag is kept so it can be started again.",
        demanding_pattern: "Blue/Green",
        post_mvp_pattern: "Recreate",
        second_zone: false,
        preview_environments: false,
        mvp_sizing: "production on the one documented server, with its resources watched and a tested restore onto a fresh server",
        release_stages: &["Pull the tagged image or release on the server and restart the service", "Keep the previous image or release on the server for a quick switch back"],
        terms: &["single server", "one server", "single vps", "single host", "one vm", "single vm", "single virtual machine"],
    },
    Profile {
        id: "data-pipeline",
        name: "a data pipeline",
        signals: &[("db.migration_tool", &["dbt"])],
        mvp_pattern: "Recreate",
        mvp_pattern_why: "A pipeline run replaces the previous models or tables; a release is checked by data-quality tests before its outputs are published, and a failed run is undone by re-running the previous version and backfilling.",
        demanding_pattern: "Recreate",
        post_mvp_pattern: "Recreate",
        second_zone: false,
        preview_environments: false,
        mvp_sizing: "the scheduler and warehouse at their smallest size that finishes the daily runs inside their window",
        release_stages: &["Deploy the pipeline code and run it against a copy of production data", "Run the data-quality checks, then enable the production schedule"],
        terms: &["data pipeline", "etl pipeline", "batch pipeline", "airflow dag"],
    },
];

/// What undoing a release means under each pattern, as one step.
const ROLLBACK_ACTIONS: &[(&str, &str)] = &[
    (
        "Blue/Green",
        "Switch traffic back to the previous (blue) version",
    ),
    (
        "Canary",
        "Abort the canary so all traffic returns to the stable version",
    ),
    (
        "Rolling Update",
        "Roll back to the previous version (the previous revision is kept)",
    ),
    (
        "Recreate",
        "Start the previous version again from its kept image or build",
    ),
    (
        "Atomic deploy",
        "Promote the previous deployment again (instant rollback)",
    ),
    (
        "Traffic shifting",
        "Point traffic back at the previous version",
    ),
    (
        "Package release",
        "Mark the faulty version as deprecated (or yank it) and publish a patch release",
    ),
    (
        "Phased release",
        "Pause the phased release and ship a fixed build (or revert the over-the-air update)",
    ),
];

/// The rollback step of `pattern`; a pattern the table lacks redeploys the previous version.
pub fn rollback_action(pattern: &str) -> &'static str {
    ROLLBACK_ACTIONS
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(pattern))
        .map(|(_, action)| *action)
        .unwrap_or("Redeploy the previous version")
}

/// The profile the facts choose, with the facts that chose it: the profile
/// with the most matching facts, the earlier one on a tie; `None` when no
/// fact points at any platform.
pub fn choose_profile(facts: &[Fact]) -> Option<(&'static Profile, Vec<&Fact>)> {
    let mut best: Option<(&'static Profile, Vec<&Fact>)> = None;
    for profile in PROFILES {
        let matching: Vec<&Fact> = facts
            .iter()
            .filter(|fact| {
                (fact.key == "platform.kind" && fact.value == profile.id)
                    || profile.signals.iter().any(|(key, values)| {
                        fact.key == *key && values.contains(&fact.value.as_str())
                    })
            })
            .collect();
        if matching.is_empty() {
            continue;
        }
        if best
            .as_ref()
            .is_none_or(|(_, chosen)| matching.len() > chosen.len())
        {
            best = Some((profile, matching));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fact(key: &str, value: &str) -> Fact {
        Fact {
            key: key.into(),
            value: value.into(),
            sources: Vec::new(),
        }
    }

    #[test]
    fn vercel_chooses_atomic_deploys_without_a_second_zone() {
        let facts = [
            fact("hosting.platform", "vercel"),
            fact("frontend.framework", "nextjs"),
        ];
        let (profile, chosen_by) = choose_profile(&facts).unwrap();
        assert_eq!(profile.id, "paas");
        assert_eq!(profile.demanding_pattern, "Atomic deploy");
        assert!(!profile.second_zone);
        assert_eq!(chosen_by.len(), 1);
        assert_eq!(chosen_by[0].value, "vercel");
    }

    #[test]
    fn one_server_with_compose_has_no_second_zone() {
        let facts = [
            fact("container.orchestrator", "docker-compose"),
            fact("cloud.provider", "hetzner"),
        ];
        let (profile, _) = choose_profile(&facts).unwrap();
        assert_eq!(profile.id, "single-server");
        assert!(!profile.second_zone);
    }

    #[test]
    fn the_profile_with_most_evidence_wins() {
        let facts = [
            fact("container.orchestrator", "eks"),
            fact("gitops.tool", "argocd"),
            fact("hosting.platform", "vercel"),
        ];
        assert_eq!(choose_profile(&facts).unwrap().0.id, "kubernetes");
    }

    #[test]
    fn a_mobile_app_is_released_in_phases() {
        let facts = [fact("frontend.framework", "expo")];
        let (profile, _) = choose_profile(&facts).unwrap();
        assert_eq!(profile.mvp_pattern, "Phased release");
        assert!(rollback_action(profile.mvp_pattern).contains("Pause the phased release"));
    }

    #[test]
    fn no_platform_fact_chooses_no_profile() {
        assert!(choose_profile(&[fact("ci.tool", "github-actions")]).is_none());
    }

    #[test]
    fn every_profile_pattern_has_its_own_rollback_action() {
        for profile in PROFILES {
            for pattern in [
                profile.mvp_pattern,
                profile.demanding_pattern,
                profile.post_mvp_pattern,
            ] {
                assert_ne!(
                    rollback_action(pattern),
                    "Redeploy the previous version",
                    "{pattern}"
                );
            }
        }
        assert_eq!(
            rollback_action("something else"),
            "Redeploy the previous version"
        );
    }
}
