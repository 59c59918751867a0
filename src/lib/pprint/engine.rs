//! The XP layout algorithm behind clojure.pprint's pretty writer, as JVM
//! Clojure 1.11.1 runs it (clojure/pprint/pretty_writer.clj over a column
//! writer).
//!
//! Text written while no conditional newline is pending goes straight out
//! ("writing" mode). Once a newline is requested the writer buffers tokens
//! (text, newlines, block starts/ends, indents) with their positions and
//! decides the newlines when the buffer no longer fits on the line. The JVM
//! never leaves buffering mode once entered; neither does this engine.
//!
//! The engine only appends to `out`; the caller hands that text to the base
//! writer. Columns count UTF-16 units, as Java's String.length does.

/// The kinds of conditional newline (`pprint-newline`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum NlKind {
    Linear,
    Miser,
    Fill,
    Mandatory,
}

/// A logical block: what `pprint-logical-block` opens.
#[derive(Debug)]
struct Block {
    parent: Option<usize>,
    start_col: i64,
    indent: i64,
    done_nl: bool,
    intra_block_nl: bool,
    prefix: Option<String>,
    per_line_prefix: Option<String>,
    suffix: Option<String>,
}

#[derive(Debug)]
enum Kind {
    /// Text, with the whitespace that ended it kept apart (dropped when a
    /// newline follows).
    Blob {
        data: String,
        tws: Option<String>,
    },
    Nl(NlKind),
    Start,
    End,
    /// `relative_to_block` false means relative to the current column.
    Indent {
        relative_to_block: bool,
        offset: i64,
    },
}

#[derive(Debug)]
struct Token {
    kind: Kind,
    lb: usize,
    start: i64,
    end: i64,
}

/// The state of one pretty writer.
#[derive(Debug)]
pub struct Engine {
    blocks: Vec<Block>,
    current: usize,
    buffering: bool,
    buffer: Vec<Token>,
    tws: Option<String>,
    pos: i64,
    /// Column of the base writer (counted from the writer's creation).
    col: i64,
    max: Option<i64>,
    miser: Option<i64>,
    /// Output not yet handed to the base writer.
    pub out: String,
}

fn width(s: &str) -> i64 {
    s.encode_utf16().count() as i64
}

/// Java's `\s`: space, \t, \n, \x0B, \f, \r.
fn java_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\u{b}' | '\u{c}' | '\r')
}

impl Engine {
    pub fn new(max: Option<i64>, miser: Option<i64>) -> Engine {
        Engine {
            blocks: vec![Block {
                parent: None,
                start_col: 0,
                indent: 0,
                done_nl: false,
                intra_block_nl: false,
                prefix: None,
                per_line_prefix: None,
                suffix: None,
            }],
            current: 0,
            buffering: false,
            buffer: Vec::new(),
            tws: None,
            pos: 0,
            col: 0,
            max,
            miser,
            out: String::new(),
        }
    }

    pub fn column(&self) -> i64 {
        self.col
    }

    pub fn max_column(&self) -> Option<i64> {
        self.max
    }

    pub fn miser_width(&self) -> Option<i64> {
        self.miser
    }

    // ---- the column writer ----

    fn base(&mut self, s: &str) {
        match s.rfind('\n') {
            Some(i) => self.col = width(&s[i + 1..]),
            None => self.col += width(s),
        }
        self.out.push_str(s);
    }

    fn base_char(&mut self, c: char) {
        if c == '\n' {
            self.col = 0;
        } else {
            self.col += c.len_utf16() as i64;
        }
        self.out.push(c);
    }

    // ---- layout ----

    fn fits(&self, toks: &[Token]) -> bool {
        let Some(max) = self.max else { return true };
        let len = match (toks.first(), toks.last()) {
            (Some(a), Some(b)) => b.end - a.start,
            _ => 0,
        };
        self.col + len < max
    }

    fn is_ancestor(&self, parent: usize, child: usize) -> bool {
        let mut c = self.blocks[child].parent;
        while let Some(b) = c {
            if b == parent {
                return true;
            }
            c = self.blocks[b].parent;
        }
        false
    }

    fn linear_nl(&self, lb: usize, section: &[Token]) -> bool {
        self.blocks[lb].done_nl || !self.fits(section)
    }

    fn miser_nl(&self, lb: usize, section: &[Token]) -> bool {
        match (self.miser, self.max) {
            (Some(mw), Some(max)) => {
                self.blocks[lb].start_col >= max - mw && self.linear_nl(lb, section)
            }
            _ => false,
        }
    }

    fn emit_nl_p(&self, kind: NlKind, lb: usize, section: &[Token], sub: &[Token]) -> bool {
        match kind {
            NlKind::Linear => self.linear_nl(lb, section),
            NlKind::Miser => self.miser_nl(lb, section),
            NlKind::Fill => {
                self.blocks[lb].intra_block_nl || !self.fits(sub) || self.miser_nl(lb, section)
            }
            NlKind::Mandatory => true,
        }
    }

    fn emit_nl(&mut self, lb: usize) {
        self.base("\n");
        self.tws = None;
        let prefix = self.blocks[lb].per_line_prefix.clone();
        let plen = prefix.as_deref().map_or(0, width);
        if let Some(p) = &prefix {
            self.base(p);
        }
        let n = self.blocks[lb].indent - plen;
        if n > 0 {
            self.base(&" ".repeat(n as usize));
        }
        let b = &mut self.blocks[lb];
        b.intra_block_nl = false;
        b.done_nl = true;
        let mut p = b.parent;
        while let Some(i) = p {
            let b = &mut self.blocks[i];
            b.done_nl = true;
            b.intra_block_nl = true;
            p = b.parent;
        }
    }

    fn write_white_space(&mut self) {
        if let Some(t) = self.tws.take() {
            self.base(&t);
        }
    }

    fn write_token(&mut self, t: &Token) {
        match &t.kind {
            Kind::Start => {
                if let Some(p) = self.blocks[t.lb].prefix.clone() {
                    self.base(&p);
                }
                let col = self.col;
                let b = &mut self.blocks[t.lb];
                b.start_col = col;
                b.indent = col;
            }
            Kind::End => {
                if let Some(s) = self.blocks[t.lb].suffix.clone() {
                    self.base(&s);
                }
            }
            Kind::Indent {
                relative_to_block,
                offset,
            } => {
                let base = if *relative_to_block {
                    self.blocks[t.lb].start_col
                } else {
                    self.col
                };
                self.blocks[t.lb].indent = offset + base;
            }
            Kind::Blob { data, .. } => self.base(data),
            Kind::Nl(kind) => {
                let emit = *kind == NlKind::Mandatory
                    || (*kind != NlKind::Fill && self.blocks[t.lb].done_nl);
                if emit {
                    self.emit_nl(t.lb);
                } else {
                    self.write_white_space();
                }
                self.tws = None;
            }
        }
    }

    fn write_tokens(&mut self, toks: &[Token], force_tws: bool) {
        for t in toks {
            if !matches!(t.kind, Kind::Nl(_)) {
                self.write_white_space();
            }
            self.write_token(t);
            self.tws = match &t.kind {
                Kind::Blob { tws, .. } => tws.clone(),
                _ => None,
            };
        }
        if force_tws {
            self.write_white_space();
        }
    }

    /// Writes out `toks` as far as the layout is decided; returns the index
    /// where the undecided rest starts (`toks.len()` when all is written).
    fn write_token_string(&mut self, toks: &[Token]) -> usize {
        let k = toks
            .iter()
            .position(|t| matches!(t.kind, Kind::Nl(_)))
            .unwrap_or(toks.len());
        if k > 0 {
            self.write_tokens(&toks[..k], false);
        }
        let Some(newl) = toks.get(k) else {
            return toks.len();
        };
        let Kind::Nl(kind) = newl.kind else {
            return toks.len();
        };
        let lb = newl.lb;
        let after = &toks[k + 1..];
        let n = after
            .iter()
            .position(|t| matches!(t.kind, Kind::Nl(_)) && self.is_ancestor(t.lb, lb))
            .unwrap_or(after.len());
        let m = after
            .iter()
            .position(|t| {
                matches!(t.kind, Kind::Nl(_)) && (t.lb == lb || self.is_ancestor(t.lb, lb))
            })
            .unwrap_or(after.len());
        let section = &after[..n];
        let mut r = if self.emit_nl_p(kind, lb, section, &after[..m]) {
            self.emit_nl(lb);
            k + 1
        } else {
            k
        };
        if !self.fits(&toks[r..]) {
            let rem2 = self.write_token_string(section);
            r = if rem2 == 0 {
                // Nothing of the section could be decided: force it out.
                self.write_tokens(section, false);
                k + 1 + n
            } else {
                k + 1 + rem2
            };
        }
        r
    }

    fn write_line(&mut self) {
        let mut buf = std::mem::take(&mut self.buffer);
        while !self.fits(&buf) {
            let r = self.write_token_string(&buf);
            if r == 0 {
                break;
            }
            buf.drain(..r.min(buf.len()));
        }
        self.buffer = buf;
    }

    fn add_to_buffer(&mut self, t: Token) {
        self.buffer.push(t);
        if !self.fits(&self.buffer) {
            self.write_line();
        }
    }

    fn write_buffered_output(&mut self) {
        self.write_line();
        let buf = std::mem::take(&mut self.buffer);
        self.write_tokens(&buf, true);
    }

    fn blob(&mut self, data: String, tws: Option<String>, len: i64) {
        let start = self.pos;
        self.pos += len;
        self.add_to_buffer(Token {
            kind: Kind::Blob { data, tws },
            lb: self.current,
            start,
            end: self.pos,
        });
    }

    /// Writes the lines of `s` before its last newline; returns the rest.
    fn write_initial_lines<'a>(&mut self, s: &'a str) -> &'a str {
        let lines: Vec<&str> = s.split('\n').collect();
        if lines.len() == 1 {
            return s;
        }
        // The JVM looks the per-line prefix up on the wrong object and
        // never finds it, so lines written here get no prefix.
        let first = lines[0];
        if self.buffering {
            self.blob(first.to_string(), None, width(first));
            self.write_buffered_output();
        } else {
            self.write_white_space();
            self.base(first);
        }
        self.base_char('\n');
        for l in &lines[1..lines.len() - 1] {
            self.base(l);
            self.base("\n");
        }
        lines[lines.len() - 1]
    }

    // ---- the writer's public operations ----

    /// Writer.write(String).
    pub fn write_str(&mut self, x: &str) {
        let s0 = self.write_initial_lines(x);
        let s = s0.trim_end_matches(java_space);
        let ws = s0[s.len()..].to_string();
        if self.buffering {
            let len = width(s0);
            self.blob(s.to_string(), Some(ws), len);
        } else {
            self.write_white_space();
            self.base(s);
            self.tws = Some(ws);
        }
    }

    /// Writer.write(int).
    pub fn write_char(&mut self, c: char) {
        if !self.buffering {
            self.write_white_space();
            self.base_char(c);
        } else if c == '\n' {
            self.write_initial_lines("\n");
        } else {
            self.blob(c.to_string(), None, 1);
        }
    }

    pub fn start_block(
        &mut self,
        prefix: Option<String>,
        per_line_prefix: Option<String>,
        suffix: Option<String>,
    ) {
        let plen = prefix.as_deref().map_or(0, width);
        self.blocks.push(Block {
            parent: Some(self.current),
            start_col: 0,
            indent: 0,
            done_nl: false,
            intra_block_nl: false,
            prefix,
            per_line_prefix,
            suffix,
        });
        let lb = self.blocks.len() - 1;
        self.current = lb;
        if self.buffering {
            let start = self.pos;
            self.pos += plen;
            self.add_to_buffer(Token {
                kind: Kind::Start,
                lb,
                start,
                end: self.pos,
            });
        } else {
            self.write_white_space();
            if let Some(p) = self.blocks[lb].prefix.clone() {
                self.base(&p);
            }
            let col = self.col;
            let b = &mut self.blocks[lb];
            b.start_col = col;
            b.indent = col;
        }
    }

    pub fn end_block(&mut self) {
        let lb = self.current;
        let suffix = self.blocks[lb].suffix.clone();
        if self.buffering {
            let start = self.pos;
            self.pos += suffix.as_deref().map_or(0, width);
            self.add_to_buffer(Token {
                kind: Kind::End,
                lb,
                start,
                end: self.pos,
            });
        } else {
            self.write_white_space();
            if let Some(s) = &suffix {
                self.base(s);
            }
        }
        self.current = self.blocks[lb].parent.unwrap_or(0);
    }

    pub fn newline(&mut self, kind: NlKind) {
        self.buffering = true;
        let pos = self.pos;
        self.add_to_buffer(Token {
            kind: Kind::Nl(kind),
            lb: self.current,
            start: pos,
            end: pos,
        });
    }

    pub fn indent(&mut self, relative_to_block: bool, offset: i64) {
        let lb = self.current;
        if self.buffering {
            let pos = self.pos;
            self.add_to_buffer(Token {
                kind: Kind::Indent {
                    relative_to_block,
                    offset,
                },
                lb,
                start: pos,
                end: pos,
            });
        } else {
            self.write_white_space();
            let base = if relative_to_block {
                self.blocks[lb].start_col
            } else {
                self.col
            };
            self.blocks[lb].indent = offset + base;
        }
    }

    /// Writes out everything buffered (PrettyFlush.ppflush).
    pub fn ppflush(&mut self) {
        if self.buffering {
            let buf = std::mem::take(&mut self.buffer);
            self.write_tokens(&buf, true);
        } else {
            self.write_white_space();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Prints items like pprint-vector: "[" a " " <linear nl> b ... "]".
    fn vector(e: &mut Engine, items: &[&str]) {
        e.start_block(Some("[".into()), None, Some("]".into()));
        for (i, it) in items.iter().enumerate() {
            e.write_str(it);
            if i + 1 < items.len() {
                e.write_str(" ");
                e.newline(NlKind::Linear);
            }
        }
        e.end_block();
    }

    fn done(mut e: Engine) -> String {
        e.ppflush();
        e.out
    }

    #[test]
    fn short_vector_stays_on_one_line() {
        let mut e = Engine::new(Some(72), Some(40));
        vector(&mut e, &["1", "2", "3"]);
        assert_eq!(done(e), "[1 2 3]");
    }

    #[test]
    fn long_vector_breaks_every_linear_newline() {
        // JVM: (binding [*print-right-margin* 10] (pprint '[aaaa bbbb cccc]))
        // prints "[aaaa\n bbbb\n cccc]".
        let mut e = Engine::new(Some(10), None);
        vector(&mut e, &["aaaa", "bbbb", "cccc"]);
        assert_eq!(done(e), "[aaaa\n bbbb\n cccc]");
    }

    #[test]
    fn nested_blocks_break_outer_first() {
        // JVM: (binding [*print-right-margin* 12] (pprint [[1 2] [3 4] [5 6]]))
        // prints "[[1 2]\n [3 4]\n [5 6]]".
        let mut e = Engine::new(Some(12), None);
        e.start_block(Some("[".into()), None, Some("]".into()));
        for (i, pair) in [["1", "2"], ["3", "4"], ["5", "6"]].iter().enumerate() {
            vector(&mut e, pair);
            if i < 2 {
                e.write_str(" ");
                e.newline(NlKind::Linear);
            }
        }
        e.end_block();
        assert_eq!(done(e), "[[1 2]\n [3 4]\n [5 6]]");
    }

    #[test]
    fn no_margin_never_breaks() {
        // JVM: with *print-right-margin* nil the vector stays on one line.
        let mut e = Engine::new(None, None);
        vector(&mut e, &["aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbbbbbbbbbb"]);
        assert_eq!(done(e), "[aaaaaaaaaaaaaaaa bbbbbbbbbbbbbbbbbbbbbbbb]");
    }

    #[test]
    fn mandatory_newline_indents_to_block() {
        // JVM: (cl-format nil "ab~:<x~:@_y~:>" []) is "ab(x\n   y)".
        let mut e = Engine::new(Some(72), None);
        e.write_str("ab");
        e.start_block(Some("(".into()), None, Some(")".into()));
        e.write_str("x");
        e.newline(NlKind::Mandatory);
        e.write_str("y");
        e.end_block();
        assert_eq!(done(e), "ab(x\n   y)");
    }

    #[test]
    fn columns_count_utf16_units() {
        let mut e = Engine::new(Some(72), None);
        e.write_str("é😀");
        assert_eq!(e.column(), 3);
        e.write_str("a\nbc");
        assert_eq!(e.column(), 2);
    }
}
