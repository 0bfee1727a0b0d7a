//! A loopback HTTP server that plays the hosts a link checker meets: slow
//! ones, broken ones, rate-limited ones, endless bodies, resets. Raw HTTP/1.1
//! over tokio, so that every behaviour (down to a TCP reset) is in our hands.

#![allow(dead_code)]

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// A request the server saw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    pub method: String,
    pub path: String,
    pub headers: Vec<(String, String)>,
    /// The request's body (read by its `Content-Length`).
    pub body: Vec<u8>,
    /// When its head was read.
    pub at: std::time::Instant,
}

impl Seen {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// What the server does for one request.
pub enum Reply {
    /// Status, headers, body (no body for HEAD).
    Full(u16, Vec<(&'static str, String)>, Vec<u8>),
    /// Waits, then replies.
    After(Duration, Box<Reply>),
    /// Status and headers, then `prefix` and zeros forever (until the client goes).
    Endless(Vec<(&'static str, String)>, Vec<u8>),
    /// Closes the connection with a TCP reset, answering nothing.
    Reset,
    /// Writes these bytes as they are (a broken response), then closes.
    Raw(Vec<u8>),
    /// Writes a response one byte at a time, waiting between bytes (slowloris).
    Trickle(Duration, Vec<u8>),
}

pub type Route = Box<dyn Fn(&Seen, usize) -> Reply + Send + Sync>;

/// Shared state: the routes, the log of requests, bytes sent per path.
pub struct State {
    routes: Vec<(String, Route)>,
    pub log: Mutex<Vec<Seen>>,
    pub sent: Mutex<HashMap<String, usize>>,
    hits: Mutex<HashMap<String, usize>>,
}

/// A running server; it stops with the test process.
pub struct Server {
    pub addr: SocketAddr,
    pub state: Arc<State>,
}

impl Server {
    /// Starts a server on `ip` (a loopback address) with routes matched by path prefix.
    pub fn start(ip: &str, routes: Vec<(&str, Route)>) -> Server {
        let state = Arc::new(State {
            routes: routes.into_iter().map(|(p, r)| (p.to_owned(), r)).collect(),
            log: Mutex::new(Vec::new()),
            sent: Mutex::new(HashMap::new()),
            hits: Mutex::new(HashMap::new()),
        });
        let (tx, rx) = std::sync::mpsc::channel();
        let ip = ip.to_owned();
        let shared = Arc::clone(&state);
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async move {
                let listener = TcpListener::bind((ip.as_str(), 0)).await.unwrap();
                tx.send(listener.local_addr().unwrap()).unwrap();
                loop {
                    let (stream, _) = listener.accept().await.unwrap();
                    let state = Arc::clone(&shared);
                    tokio::spawn(async move {
                        let _ = serve(stream, state).await;
                    });
                }
            });
        });
        let addr = rx.recv().unwrap();
        Server { addr, state }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    pub fn requests(&self) -> Vec<Seen> {
        self.state.log.lock().unwrap().clone()
    }

    pub fn requests_to(&self, path: &str) -> Vec<Seen> {
        self.requests()
            .into_iter()
            .filter(|s| s.path == path)
            .collect()
    }

    pub fn bytes_sent(&self, path: &str) -> usize {
        self.state
            .sent
            .lock()
            .unwrap()
            .get(path)
            .copied()
            .unwrap_or(0)
    }
}

/// Serves requests on one connection until it closes.
async fn serve(mut stream: TcpStream, state: Arc<State>) -> std::io::Result<()> {
    loop {
        let Some(seen) = read_head(&mut stream).await? else {
            return Ok(());
        };
        state.log.lock().unwrap().push(seen.clone());
        let hit = {
            let mut hits = state.hits.lock().unwrap();
            let n = hits.entry(seen.path.clone()).or_insert(0);
            *n += 1;
            *n
        };
        let route = state
            .routes
            .iter()
            .filter(|(prefix, _)| seen.path.starts_with(prefix.as_str()))
            .max_by_key(|(prefix, _)| prefix.len());
        let reply = match route {
            Some((_, route)) => route(&seen, hit),
            None => Reply::Full(404, vec![], b"no route".to_vec()),
        };
        let keep = write_reply(&mut stream, &seen, reply, &state).await?;
        if !keep {
            return Ok(());
        }
    }
}

async fn read_head(stream: &mut TcpStream) -> std::io::Result<Option<Seen>> {
    let mut buf = Vec::new();
    let mut byte = [0u8; 1];
    while !buf.ends_with(b"\r\n\r\n") {
        if stream.read(&mut byte).await? == 0 {
            return Ok(None);
        }
        buf.push(byte[0]);
        if buf.len() > 64 * 1024 {
            return Ok(None);
        }
    }
    let text = String::from_utf8_lossy(&buf);
    let mut lines = text.split("\r\n");
    let mut first = lines.next().unwrap_or_default().split(' ');
    let method = first.next().unwrap_or_default().to_owned();
    let path = first.next().unwrap_or_default().to_owned();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
        .collect();
    let length = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.parse::<usize>().ok())
        .unwrap_or(0)
        .min(16 * 1024 * 1024);
    let mut body = vec![0; length];
    stream.read_exact(&mut body).await?;
    Ok(Some(Seen {
        method,
        path,
        headers,
        body,
        at: std::time::Instant::now(),
    }))
}

/// Writes a reply; returns whether the connection may serve another request.
async fn write_reply(
    stream: &mut TcpStream,
    seen: &Seen,
    reply: Reply,
    state: &State,
) -> std::io::Result<bool> {
    match reply {
        Reply::After(delay, reply) => {
            tokio::time::sleep(delay).await;
            Box::pin(write_reply(stream, seen, *reply, state)).await
        }
        Reply::Reset => {
            stream.set_zero_linger()?;
            Ok(false)
        }
        Reply::Raw(bytes) => {
            stream.write_all(&bytes).await?;
            Ok(false)
        }
        Reply::Trickle(delay, bytes) => {
            for byte in bytes {
                stream.write_all(&[byte]).await?;
                *state
                    .sent
                    .lock()
                    .unwrap()
                    .entry(seen.path.clone())
                    .or_insert(0) += 1;
                tokio::time::sleep(delay).await;
            }
            Ok(false)
        }
        Reply::Full(status, headers, body) => {
            let mut head = format!("HTTP/1.1 {status} {}\r\n", reason(status));
            for (name, value) in &headers {
                head.push_str(&format!("{name}: {value}\r\n"));
            }
            head.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
            stream.write_all(head.as_bytes()).await?;
            if seen.method != "HEAD" {
                stream.write_all(&body).await?;
            }
            Ok(true)
        }
        Reply::Endless(headers, prefix) => {
            let mut head = "HTTP/1.1 200 OK\r\n".to_owned();
            for (name, value) in &headers {
                head.push_str(&format!("{name}: {value}\r\n"));
            }
            head.push_str("Connection: close\r\n\r\n");
            stream.write_all(head.as_bytes()).await?;
            if seen.method == "HEAD" {
                return Ok(false);
            }
            stream.write_all(&prefix).await?;
            let chunk = vec![b'0'; 64 * 1024];
            loop {
                if stream.write_all(&chunk).await.is_err() {
                    return Ok(false);
                }
                *state
                    .sent
                    .lock()
                    .unwrap()
                    .entry(seen.path.clone())
                    .or_insert(0) += chunk.len();
                // Never more than 1 GiB: a test that gets here has failed anyway.
                if state.sent.lock().unwrap()[&seen.path] > 1 << 30 {
                    return Ok(false);
                }
            }
        }
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        206 => "Partial Content",
        301 => "Moved Permanently",
        302 => "Found",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        410 => "Gone",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    }
}

/// Helpers for writing routes.
pub fn pdf() -> Reply {
    Reply::Full(
        200,
        vec![("Content-Type", "application/pdf".into())],
        b"%PDF-1.5\n%...\n".to_vec(),
    )
}

pub fn html() -> Reply {
    Reply::Full(
        200,
        vec![("Content-Type", "text/html; charset=utf-8".into())],
        b"<!doctype html><title>page</title>".to_vec(),
    )
}

pub fn status(code: u16) -> Reply {
    Reply::Full(
        code,
        vec![("Content-Type", "text/plain".into())],
        format!("{code}").into_bytes(),
    )
}

pub fn redirect(code: u16, location: &str) -> Reply {
    Reply::Full(code, vec![("Location", location.to_owned())], Vec::new())
}

pub fn route(f: impl Fn(&Seen, usize) -> Reply + Send + Sync + 'static) -> Route {
    Box::new(f)
}

/// An arXiv API feed (Atom) for the papers it knows: `(id, latest
/// version, title, journal_ref)`; an entry with no `journal_ref` has none
/// in the feed, as arXiv writes it.
pub fn arxiv_feed_with_refs(papers: &[(&str, u32, &str, Option<&str>)]) -> Reply {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom">
  <id>https://arxiv.org/api/x</id>
  <title>arXiv Query: search_query=&amp;id_list=...</title>
"#,
    );
    xml.push_str(&format!(
        "  <opensearch:totalResults>{}</opensearch:totalResults>\n",
        papers.len()
    ));
    for (id, version, title, journal_ref) in papers {
        let year = 2000 + id[..2].parse::<u32>().unwrap_or(24);
        let reference = journal_ref
            .map(|r| format!("    <arxiv:journal_ref>{r}</arxiv:journal_ref>\n"))
            .unwrap_or_default();
        xml.push_str(&format!(
            "  <entry>\n    <id>http://arxiv.org/abs/{id}v{version}</id>\n    <updated>{year}-05-01T00:00:00Z</updated>\n    <published>{year}-03-12T17:59:59Z</published>\n    <title>{title}</title>\n    <summary>An abstract.</summary>\n    <author><name>A. Author</name></author>\n{reference}  </entry>\n"
        ));
    }
    xml.push_str("</feed>\n");
    Reply::Full(
        200,
        vec![("Content-Type", "application/atom+xml; charset=utf-8".into())],
        xml.into_bytes(),
    )
}

/// An arXiv API feed (Atom) for the papers it knows: `(id, latest version,
/// title)`, each published, as arXiv says, at `CVPR` of its id's year.
pub fn arxiv_feed(papers: &[(&str, u32, &str)]) -> Reply {
    let references: Vec<String> = papers
        .iter()
        .map(|(id, ..)| format!("CVPR {}", 2000 + id[..2].parse::<u32>().unwrap_or(24)))
        .collect();
    let with_refs: Vec<(&str, u32, &str, Option<&str>)> = papers
        .iter()
        .zip(&references)
        .map(|(&(id, version, title), reference)| (id, version, title, Some(reference.as_str())))
        .collect();
    arxiv_feed_with_refs(&with_refs)
}

/// The ids a query asked about.
pub fn arxiv_id_list(seen: &Seen) -> Vec<String> {
    let query = seen.path.split_once('?').map_or("", |(_, q)| q);
    query
        .split('&')
        .find_map(|kv| kv.strip_prefix("id_list="))
        .map(|ids| {
            ids.replace("%2C", ",")
                .replace("%2F", "/")
                .split(',')
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

/// Semantic Scholar's `paper/batch` answer to a request (a POST of
/// `{"ids": ["ARXIV:…", …]}`): a record for each id `known` has, as
/// `(arXiv id, venue, DBLP key)`, and `null` for the others, in the order
/// asked.
pub fn semantic_scholar_batch(seen: &Seen, known: &[(&str, &str, &str)]) -> Reply {
    let body: serde_json::Value = serde_json::from_slice(&seen.body).unwrap_or_default();
    let records: Vec<serde_json::Value> = body["ids"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .map(|id| {
            let id = id.as_str().unwrap_or_default().trim_start_matches("ARXIV:");
            match known.iter().find(|(k, ..)| *k == id) {
                Some((_, venue, dblp)) => serde_json::json!({
                    "paperId": format!("s2-{id}"),
                    "title": "A Paper",
                    "venue": venue,
                    "year": 2023,
                    "publicationVenue": {"id": "v", "name": venue, "type": "conference"},
                    "externalIds": {"ArXiv": id, "DBLP": dblp, "CorpusId": 1}
                }),
                None => serde_json::Value::Null,
            }
        })
        .collect();
    Reply::Full(
        200,
        vec![("Content-Type", "application/json".into())],
        serde_json::to_vec(&records).unwrap(),
    )
}
