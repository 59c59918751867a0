//! Character source with JVM-compatible line/column tracking.
//!
//! In line-numbering mode it behaves like `LineNumberingPushbackReader`:
//! `\r\n` and a lone `\r` read as `\n`, columns count UTF-16 code units
//! (1-based, the column of the next character), and reading past the end
//! moves the position to the start of the next line (Java's LineNumberReader
//! counts the end of stream as a line terminator).

pub(crate) struct Source {
    text: String,
    pos: usize,
    line: u32,
    col: u32,
    at_eof: bool,
    line_numbering: bool,
}

impl Source {
    pub fn new(text: String, line_numbering: bool) -> Source {
        Source {
            text,
            pos: 0,
            line: 1,
            col: 1,
            at_eof: false,
            line_numbering,
        }
    }

    pub fn with_line_numbering(mut self, on: bool) -> Source {
        self.line_numbering = on;
        self
    }

    pub fn line_numbering(&self) -> bool {
        self.line_numbering
    }

    /// Position (line, column) of the next character, as the JVM reports it:
    /// reading past the end counts as ending the last line unless the text
    /// already ended one (Java's LineNumberReader), so "(a b" and "(a b\n"
    /// both end at 2:1.
    pub fn position(&self) -> (u32, u32) {
        if self.at_eof && self.col != 1 {
            (self.line.saturating_add(1), 1)
        } else {
            (self.line, self.col)
        }
    }

    /// Start counting at (line, column) instead of (1, 1): a stream read
    /// continues where the previous read stopped.
    pub fn start_at(&mut self, line: u32, col: u32) {
        self.line = line;
        self.col = col;
    }

    /// Bytes of the text consumed so far.
    pub fn offset(&self) -> usize {
        self.pos
    }

    /// The current read position, to go back to with `restore` (unread).
    pub fn snapshot(&self) -> (usize, u32, u32, bool) {
        (self.pos, self.line, self.col, self.at_eof)
    }

    pub fn restore(&mut self, s: (usize, u32, u32, bool)) {
        (self.pos, self.line, self.col, self.at_eof) = s;
    }

    fn raw_peek(&self) -> Option<char> {
        self.text.get(self.pos..).and_then(|s| s.chars().next())
    }

    /// The next character without consuming it (normalised like `next`).
    pub fn peek(&self) -> Option<char> {
        match self.raw_peek() {
            Some('\r') if self.line_numbering => Some('\n'),
            c => c,
        }
    }

    /// Consume and return the next character; None at the end.
    pub fn next(&mut self) -> Option<char> {
        let Some(c) = self.raw_peek() else {
            self.at_eof = true;
            return None;
        };
        self.pos += c.len_utf8();
        let c = if c == '\r' && self.line_numbering {
            if self.raw_peek() == Some('\n') {
                self.pos += 1;
            }
            '\n'
        } else {
            c
        };
        if c == '\n' {
            self.line = self.line.saturating_add(1);
            self.col = 1;
        } else {
            self.col = self.col.saturating_add(c.len_utf16() as u32);
        }
        Some(c)
    }

    /// Note that the reader looked past the end (affects error positions the
    /// way a JVM `read()` returning -1 does).
    pub fn touch_eof(&mut self) {
        if self.raw_peek().is_none() {
            self.at_eof = true;
        }
    }
}

/// `Character.isWhitespace(ch) || ch == ','` (LispReader.isWhitespace).
/// Java's definition: Unicode space separators except the no-break ones
/// (U+00A0, U+2007, U+202F), line/paragraph separators, and the ASCII
/// controls \t \n \u000B \f \r \u001C-\u001F.
pub fn is_whitespace(c: char) -> bool {
    matches!(
        c,
        ',' | ' '
            | '\t'
            | '\n'
            | '\u{0B}'
            | '\u{0C}'
            | '\r'
            | '\u{1C}'..='\u{1F}'
            | '\u{1680}'
            | '\u{2000}'..='\u{2006}'
            | '\u{2008}'..='\u{200A}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{205F}'
            | '\u{3000}'
    )
}

/// Characters with a reader macro (LispReader.macros).
pub(crate) fn is_macro(c: char) -> bool {
    matches!(
        c,
        '"' | ';'
            | '\''
            | '@'
            | '^'
            | '`'
            | '~'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '\\'
            | '%'
            | '#'
    )
}

/// Macros that end a token: all but `#`, `'` and `%`.
pub(crate) fn is_terminating_macro(c: char) -> bool {
    c != '#' && c != '\'' && c != '%' && is_macro(c)
}

/// `Character.isDigit` restricted to ASCII (see the module docs in mod.rs
/// for this known difference).
pub(crate) fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
}
