//! Politeness: how many requests may be in flight in total and per host, and
//! when a host that asked us to wait (429 with `Retry-After`) may be asked again.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::time::Instant;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// One host's share of the run.
#[derive(Debug)]
struct Host {
    permits: Arc<Semaphore>,
    /// Set when the host asked for a pause; every request to it waits.
    not_before: Mutex<Option<Instant>>,
    /// When the next request to it may start, with a request interval.
    next_start: Mutex<Option<Instant>>,
    health: Mutex<Health>,
}

/// Whether a host has ever answered, and how its connections failed since.
#[derive(Debug, Default, Clone, Copy)]
struct Health {
    answered: bool,
    failures_in_a_row: u32,
    /// Whether every one of those failures was a refused or unresolved
    /// connection (rather than a reset or a timeout).
    all_unreachable: bool,
}

/// A host that never answered and failed this many connections in a row is
/// given up on: its other links are reported without asking it again, so
/// that thousands of links to a dead host cost seconds, not hours.
pub(crate) const GIVE_UP_AFTER: u32 = 6;

/// Why a host is not asked again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct GivenUp {
    pub failures: u32,
    pub unreachable: bool,
}

/// The limits of one run.
#[derive(Debug)]
pub(crate) struct Limits {
    global: Arc<Semaphore>,
    per_host: usize,
    /// The least time between two requests to one host.
    interval: Duration,
    hosts: Mutex<HashMap<String, Arc<Host>>>,
}

/// Held while a request is in flight; dropping it frees both slots.
#[derive(Debug)]
pub(crate) struct Slot {
    _host: Option<OwnedSemaphorePermit>,
    _global: Option<OwnedSemaphorePermit>,
}

impl Limits {
    pub(crate) fn new(global: usize, per_host: usize) -> Self {
        Self {
            global: Arc::new(Semaphore::new(global.max(1))),
            per_host: per_host.max(1),
            interval: Duration::ZERO,
            hosts: Mutex::new(HashMap::new()),
        }
    }

    /// Spaces the requests to each host by `interval` at least.
    pub(crate) fn with_interval(mut self, interval: Duration) -> Self {
        self.interval = interval;
        self
    }

    fn host(&self, key: &str) -> Arc<Host> {
        let mut hosts = self.hosts.lock().unwrap_or_else(|e| e.into_inner());
        let per_host = self.per_host;
        Arc::clone(hosts.entry(key.to_owned()).or_insert_with(|| {
            Arc::new(Host {
                permits: Arc::new(Semaphore::new(per_host)),
                not_before: Mutex::new(None),
                next_start: Mutex::new(None),
                health: Mutex::new(Health::default()),
            })
        }))
    }

    /// Waits for any pause the host asked for, then for a slot on the host
    /// and a global one (in that order, so that one slow host cannot hold
    /// global slots while it waits for its own).
    pub(crate) async fn acquire(&self, host: &str) -> Slot {
        let state = self.host(host);
        loop {
            let wait = {
                let not_before = state.not_before.lock().unwrap_or_else(|e| e.into_inner());
                not_before.and_then(|at| at.checked_duration_since(Instant::now()))
            };
            match wait {
                Some(wait) if !wait.is_zero() => tokio::time::sleep(wait).await,
                _ => break,
            }
        }
        // The semaphores are never closed, so acquiring cannot fail.
        let host_permit = Arc::clone(&state.permits).acquire_owned().await.ok();
        if !self.interval.is_zero() {
            // Each request takes the next start time and waits for it.
            let start = {
                let mut next = state.next_start.lock().unwrap_or_else(|e| e.into_inner());
                let now = Instant::now();
                let start = next.map_or(now, |at| at.max(now));
                *next = Some(start + self.interval);
                start
            };
            tokio::time::sleep_until(start).await;
        }
        let global_permit = Arc::clone(&self.global).acquire_owned().await.ok();
        Slot {
            _host: host_permit,
            _global: global_permit,
        }
    }

    /// Records how a request to `host` went: any HTTP answer, or a failed connection.
    pub(crate) fn record(&self, host: &str, answered: bool, unreachable: bool) {
        let state = self.host(host);
        let mut health = state.health.lock().unwrap_or_else(|e| e.into_inner());
        if answered {
            *health = Health {
                answered: true,
                ..Health::default()
            };
        } else {
            health.all_unreachable = health.all_unreachable || health.failures_in_a_row == 0;
            health.all_unreachable &= unreachable;
            health.failures_in_a_row += 1;
        }
    }

    /// Whether `host` has been given up on.
    pub(crate) fn given_up(&self, host: &str) -> Option<GivenUp> {
        let state = self.host(host);
        let health = *state.health.lock().unwrap_or_else(|e| e.into_inner());
        (!health.answered && health.failures_in_a_row >= GIVE_UP_AFTER).then_some(GivenUp {
            failures: health.failures_in_a_row,
            unreachable: health.all_unreachable,
        })
    }

    /// Asks every request to `host` to wait `for_` from now.
    pub(crate) fn pause(&self, host: &str, for_: Duration) {
        let state = self.host(host);
        let until = Instant::now() + for_;
        let mut not_before = state.not_before.lock().unwrap_or_else(|e| e.into_inner());
        if not_before.is_none_or(|at| at < until) {
            *not_before = Some(until);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn per_host_and_global_limits() {
        let limits = Limits::new(3, 2);
        let a1 = limits.acquire("a").await;
        let _a2 = limits.acquire("a").await;
        // A third slot on `a` must wait; `b` still gets one.
        let blocked = tokio::time::timeout(Duration::from_millis(50), limits.acquire("a")).await;
        assert!(blocked.is_err());
        let _b1 = limits.acquire("b").await;
        // The global limit (3) is reached now.
        let blocked = tokio::time::timeout(Duration::from_millis(50), limits.acquire("c")).await;
        assert!(blocked.is_err());
        drop(a1);
        let _c1 = tokio::time::timeout(Duration::from_millis(50), limits.acquire("c"))
            .await
            .unwrap();
    }

    #[tokio::test(start_paused = true)]
    async fn requests_to_one_host_keep_their_interval() {
        let limits = Limits::new(8, 8).with_interval(Duration::from_millis(500));
        let start = Instant::now();
        let _a = limits.acquire("a").await;
        let _b = limits.acquire("a").await;
        let _c = limits.acquire("a").await;
        assert_eq!(start.elapsed(), Duration::from_millis(1000));
        // Another host keeps its own pace.
        let start = Instant::now();
        let _d = limits.acquire("b").await;
        assert_eq!(start.elapsed(), Duration::ZERO);
    }

    #[test]
    fn hosts_that_never_answer_are_given_up_on() {
        let limits = Limits::new(4, 4);
        for _ in 0..GIVE_UP_AFTER {
            assert_eq!(limits.given_up("dead"), None);
            limits.record("dead", false, true);
        }
        assert_eq!(
            limits.given_up("dead"),
            Some(GivenUp {
                failures: GIVE_UP_AFTER,
                unreachable: true
            })
        );
        // A host that answered once is never given up on.
        limits.record("flaky", true, false);
        for _ in 0..GIVE_UP_AFTER * 2 {
            limits.record("flaky", false, false);
        }
        assert_eq!(limits.given_up("flaky"), None);
    }

    #[tokio::test(start_paused = true)]
    async fn a_paused_host_waits() {
        let limits = Limits::new(4, 4);
        limits.pause("a", Duration::from_millis(120));
        let start = Instant::now();
        let _slot = limits.acquire("a").await;
        assert_eq!(start.elapsed(), Duration::from_millis(120));
        let start = Instant::now();
        let _slot = limits.acquire("b").await;
        assert_eq!(start.elapsed(), Duration::ZERO);
    }
}
