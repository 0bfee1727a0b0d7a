//! Which addresses may be requested: only public ones, unless private
//! addresses are allowed. Checked on what a name resolves to (a DNS resolver
//! that filters), and on every redirect hop (for IP literals, which never
//! reach the resolver).

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

use reqwest::Url;
use reqwest::dns::{Addrs, Name, Resolve, Resolving};

/// A request the policy refused, found in an error's source chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Refused {
    pub host: String,
}

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` is a private or reserved address", self.host)
    }
}

impl std::error::Error for Refused {}

/// Whether an address is on the public internet.
pub(crate) fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => is_public_v6(v6),
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    let reserved = a == 0                                  // "this network", unspecified
        || a == 10                                         // private
        || (a == 100 && (64..128).contains(&b))            // shared address space (CGNAT)
        || a == 127                                        // loopback
        || (a == 169 && b == 254)                          // link-local
        || (a == 172 && (16..32).contains(&b))             // private
        || (a == 192 && b == 0 && c == 0)                  // IETF protocol assignments
        || (a == 192 && b == 0 && c == 2)                  // documentation
        || (a == 192 && b == 88 && c == 99)                // 6to4 relay anycast
        || (a == 192 && b == 168)                          // private
        || (a == 198 && (b == 18 || b == 19))              // benchmarking
        || (a == 198 && b == 51 && c == 100)               // documentation
        || (a == 203 && b == 0 && c == 113)                // documentation
        || a >= 224; // multicast, reserved, broadcast
    !reserved
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
    if let Some(v4) = ip.to_ipv4_mapped() {
        return is_public_v4(v4);
    }
    let s = ip.segments();
    // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address: judge that.
    if s[0] == 0x64 && s[1] == 0xff9b && s[2..6] == [0, 0, 0, 0] {
        return is_public_v4(Ipv4Addr::new(
            (s[6] >> 8) as u8,
            s[6] as u8,
            (s[7] >> 8) as u8,
            s[7] as u8,
        ));
    }
    if s[0] == 0x2002 {
        return is_public_v4(Ipv4Addr::new(
            (s[1] >> 8) as u8,
            s[1] as u8,
            (s[2] >> 8) as u8,
            s[2] as u8,
        ));
    }
    let reserved = ip.is_unspecified()
        || ip.is_loopback()
        || s[0..4] == [0, 0, 0, 0] && s[4] == 0 && s[5] == 0 // IPv4-compatible (deprecated)
        || (s[0] == 0x100 && s[1..4] == [0, 0, 0])         // discard-only
        || (s[0] == 0x2001 && s[1] < 0x200)                 // IETF protocol assignments (Teredo, ...)
        || (s[0] == 0x2001 && s[1] == 0xdb8)                // documentation
        || (s[0] & 0xfe00) == 0xfc00                        // unique local
        || (s[0] & 0xffc0) == 0xfe80                        // link-local
        || (s[0] & 0xffc0) == 0xfec0                        // site-local (deprecated)
        || (s[0] & 0xff00) == 0xff00; // multicast
    !reserved
}

/// Refuses a URL whose host is an IP literal the policy does not allow.
/// Names are left to [`PolicyResolver`].
pub(crate) fn check_url(url: &Url, allow_private: bool) -> Result<(), Refused> {
    if allow_private {
        return Ok(());
    }
    let ip = match url.host() {
        Some(::url::Host::Ipv4(ip)) => IpAddr::V4(ip),
        Some(::url::Host::Ipv6(ip)) => IpAddr::V6(ip),
        _ => return Ok(()),
    };
    if is_public(ip) {
        Ok(())
    } else {
        Err(Refused {
            host: ip.to_string(),
        })
    }
}

/// A name the resolver found no address for.
#[derive(Debug, Clone, thiserror::Error)]
#[error("no such host `{host}` ({reason})")]
pub(crate) struct Unresolved {
    pub host: String,
    pub reason: String,
}

impl Unresolved {
    /// Whether the resolver failed rather than answered that the name has
    /// no address: `EAI_AGAIN` ("Temporary failure in name resolution" in
    /// glibc and musl, "try again" elsewhere), a resolver that timed out or
    /// could not be reached. `EAI_NONAME` ("Name or service not known",
    /// "nodename nor servname provided") is an answer: the host is gone.
    pub(crate) fn is_temporary(&self) -> bool {
        let reason = self.reason.to_ascii_lowercase();
        [
            "temporary failure",
            "try again",
            "timed out",
            "no dns servers",
            "server failure",
        ]
        .iter()
        .any(|words| reason.contains(words))
    }
}

/// Resolves names with the system resolver and keeps only the addresses the
/// policy allows; a name with none left is refused, so a public name that
/// points at a private address (DNS rebinding) is never connected to.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PolicyResolver {
    pub allow_private: bool,
}

impl Resolve for PolicyResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let allow_private = self.allow_private;
        let host = name.as_str().to_owned();
        Box::pin(async move {
            let looked_up: Result<Vec<SocketAddr>, String> =
                tokio::net::lookup_host((host.as_str(), 0))
                    .await
                    .map(Iterator::collect)
                    .map_err(|err| err.to_string());
            let found = match looked_up {
                Ok(found) => found,
                Err(reason) => {
                    return Err(Box::new(Unresolved { host, reason })
                        as Box<dyn std::error::Error + Send + Sync>);
                }
            };
            let allowed = filter(found, allow_private);
            if allowed.is_empty() {
                return Err(Box::new(Refused { host }) as Box<dyn std::error::Error + Send + Sync>);
            }
            Ok(Box::new(allowed.into_iter()) as Addrs)
        })
    }
}

fn filter(addresses: Vec<SocketAddr>, allow_private: bool) -> Vec<SocketAddr> {
    if allow_private {
        addresses
    } else {
        addresses
            .into_iter()
            .filter(|a| is_public(a.ip()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_resolver_that_fails_is_told_from_a_name_that_is_gone() {
        let unresolved = |reason: &str| Unresolved {
            host: "example.org".into(),
            reason: reason.into(),
        };
        // The messages getaddrinfo gives (glibc, musl, macOS).
        for reason in [
            "failed to lookup address information: Temporary failure in name resolution",
            "failed to lookup address information: Try again",
        ] {
            assert!(unresolved(reason).is_temporary(), "{reason}");
        }
        for reason in [
            "failed to lookup address information: Name or service not known",
            "failed to lookup address information: nodename nor servname provided, or not known",
            "failed to lookup address information: No address associated with hostname",
        ] {
            assert!(!unresolved(reason).is_temporary(), "{reason}");
        }
    }

    fn public(ip: &str) -> bool {
        is_public(ip.parse().unwrap())
    }

    #[test]
    fn ipv4_ranges() {
        for ip in [
            "8.8.8.8",
            "1.1.1.1",
            "140.82.112.3",
            "100.63.255.255",
            "100.128.0.0",
            "172.32.0.1",
            "192.169.0.1",
            "223.255.255.255",
        ] {
            assert!(public(ip), "{ip}");
        }
        for ip in [
            "0.0.0.0",
            "10.1.2.3",
            "100.64.0.1",
            "127.0.0.1",
            "127.9.9.9",
            "169.254.169.254",
            "172.16.0.1",
            "172.31.255.255",
            "192.0.0.8",
            "192.0.2.1",
            "192.168.1.1",
            "198.18.0.1",
            "198.51.100.7",
            "203.0.113.9",
            "224.0.0.1",
            "239.255.255.250",
            "240.0.0.1",
            "255.255.255.255",
        ] {
            assert!(!public(ip), "{ip}");
        }
    }

    #[test]
    fn ipv6_ranges() {
        for ip in [
            "2606:4700::1111",
            "2a00:1450:4001::200e",
            "2001:4860:4860::8888",
        ] {
            assert!(public(ip), "{ip}");
        }
        for ip in [
            "::",
            "::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "64:ff9b::7f00:1",
            "2002:7f00:1::",
            "100::1",
            "2001:db8::1",
            "2001::1",
            "fc00::1",
            "fd12:3456::1",
            "fe80::1",
            "fec0::1",
            "ff02::1",
        ] {
            assert!(!public(ip), "{ip}");
        }
        assert!(public("::ffff:8.8.8.8"));
        assert!(public("64:ff9b::808:808"));
    }

    #[test]
    fn literal_hosts_are_checked_on_every_url() {
        let allowed = Url::parse("https://example.org/paper.pdf").unwrap();
        assert_eq!(check_url(&allowed, false), Ok(()));
        // A redirect from an allowed host to a loopback literal is refused at the hop.
        let redirect = allowed.join("http://127.0.0.1:8080/admin").unwrap();
        assert_eq!(
            check_url(&redirect, false),
            Err(Refused {
                host: "127.0.0.1".into()
            })
        );
        let v6 = allowed.join("http://[::1]/").unwrap();
        assert!(check_url(&v6, false).is_err());
        assert_eq!(check_url(&redirect, true), Ok(()));
    }

    #[tokio::test]
    async fn names_resolving_to_private_addresses_are_refused() {
        let resolver = PolicyResolver {
            allow_private: false,
        };
        let err = resolver
            .resolve("localhost".parse().unwrap())
            .await
            .err()
            .unwrap();
        assert!(err.downcast_ref::<Refused>().is_some(), "{err}");
        let allowed = PolicyResolver {
            allow_private: true,
        };
        let addrs: Vec<SocketAddr> = allowed
            .resolve("localhost".parse().unwrap())
            .await
            .unwrap()
            .collect();
        assert!(addrs.iter().all(|a| a.ip().is_loopback()) && !addrs.is_empty());
    }

    #[test]
    fn mixed_answers_keep_only_public_addresses() {
        let addrs: Vec<SocketAddr> = vec![
            "127.0.0.1:0".parse().unwrap(),
            "93.184.216.34:0".parse().unwrap(),
        ];
        assert_eq!(
            filter(addrs, false),
            vec!["93.184.216.34:0".parse::<SocketAddr>().unwrap()]
        );
    }
}
