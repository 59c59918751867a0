//! Sending messages to one client connection, and replies addressed to
//! one request (its `id` and `session` copied into every message).

use super::bencode::Bencode;
use crate::runtime::gc::lock;
use std::io::Write;
use std::net::TcpStream;
use std::sync::{Arc, Mutex};

/// The write half of a connection; messages from several threads (the
/// connection's, its sessions') are written whole, one at a time.
pub struct Transport {
    stream: Mutex<Option<TcpStream>>,
}

impl Transport {
    pub fn new(stream: TcpStream) -> Arc<Transport> {
        Arc::new(Transport {
            stream: Mutex::new(Some(stream)),
        })
    }

    /// Write `msg`; a failed write closes the transport (the client left).
    pub fn send(&self, msg: &Bencode) {
        let bytes = msg.encode();
        let mut g = lock(&self.stream);
        if let Some(s) = g.as_mut()
            && s.write_all(&bytes).and_then(|_| s.flush()).is_err()
        {
            *g = None;
        }
    }

    pub fn close(&self) {
        if let Some(s) = lock(&self.stream).take() {
            let _ = s.shutdown(std::net::Shutdown::Both);
        }
    }
}

/// Where the answers to one request go.
#[derive(Clone)]
pub struct Reply {
    transport: Arc<Transport>,
    id: Option<Bencode>,
    session: Option<String>,
}

impl Reply {
    pub fn new(transport: Arc<Transport>, id: Option<Bencode>, session: Option<String>) -> Reply {
        Reply {
            transport,
            id,
            session,
        }
    }

    /// The request's id (empty when it had none).
    pub fn id(&self) -> Bencode {
        self.id.clone().unwrap_or_else(|| Bencode::str(""))
    }

    pub fn with_session(&self, session: &str) -> Reply {
        Reply {
            session: Some(session.to_string()),
            ..self.clone()
        }
    }

    /// Send `pairs` plus the request's `id` and `session`.
    pub fn send<'a>(&self, pairs: impl IntoIterator<Item = (&'a str, Bencode)>) {
        let mut d = std::collections::BTreeMap::new();
        for (k, v) in pairs {
            d.insert(k.as_bytes().to_vec(), v);
        }
        if let Some(id) = &self.id {
            d.insert(b"id".to_vec(), id.clone());
        }
        if let Some(s) = &self.session {
            d.insert(b"session".to_vec(), Bencode::str(s));
        }
        self.transport.send(&Bencode::Dict(d));
    }
}
