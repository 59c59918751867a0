//! java.nio's `glob:` path matching (FileSystem.getPathMatcher) for
//! babashka.fs/glob and match: `*` within one name, `**` across names,
//! `?` one char, `[abc]` / `[a-z]` / `[!a]` a char class, `{a,b}`
//! alternatives, `\` escapes.

/// Expand `{a,b}` groups (nesting allowed) into plain patterns.
fn expand_braces(p: &str) -> Vec<String> {
    let chars: Vec<char> = p.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 2,
            '{' => {
                // Find the matching close and the top-level commas.
                let mut depth = 0;
                let mut commas = Vec::new();
                let mut j = i;
                while j < chars.len() {
                    match chars[j] {
                        '\\' => j += 1,
                        '{' => depth += 1,
                        '}' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        ',' if depth == 1 => commas.push(j),
                        _ => {}
                    }
                    j += 1;
                }
                if j >= chars.len() {
                    return vec![p.to_string()];
                }
                let head: String = chars[..i].iter().collect();
                let tail: String = chars[j + 1..].iter().collect();
                let mut bounds = vec![i];
                bounds.extend(commas);
                bounds.push(j);
                let mut out = Vec::new();
                for w in bounds.windows(2) {
                    let alt: String = chars[w[0] + 1..w[1]].iter().collect();
                    for rest in expand_braces(&format!("{head}{alt}{tail}")) {
                        out.push(rest);
                    }
                }
                return out;
            }
            _ => i += 1,
        }
    }
    vec![p.to_string()]
}

/// Does `text` match the brace-free glob `pat`?
fn matches(pat: &[char], text: &[char]) -> bool {
    // Iterative backtracking over explicit states (star positions).
    let mut stack: Vec<(usize, usize)> = vec![(0, 0)];
    let mut seen = std::collections::HashSet::new();
    while let Some((pi, ti)) = stack.pop() {
        if !seen.insert((pi, ti)) {
            continue;
        }
        if pi == pat.len() {
            if ti == text.len() {
                return true;
            }
            continue;
        }
        match pat[pi] {
            '*' => {
                let double = pat.get(pi + 1) == Some(&'*');
                let next = if double { pi + 2 } else { pi + 1 };
                // Zero chars, or one more char (not '/' unless `**`).
                stack.push((next, ti));
                if let Some(&c) = text.get(ti)
                    && (double || c != '/')
                {
                    stack.push((pi, ti + 1));
                }
            }
            '?' => {
                if let Some(&c) = text.get(ti)
                    && c != '/'
                {
                    stack.push((pi + 1, ti + 1));
                }
            }
            '[' => {
                let Some(&c) = text.get(ti) else { continue };
                let mut j = pi + 1;
                let negate = matches!(pat.get(j), Some('!') | Some('^'));
                if negate {
                    j += 1;
                }
                let mut hit = false;
                let mut first = true;
                while j < pat.len() && (first || pat[j] != ']') {
                    first = false;
                    if pat.get(j + 1) == Some(&'-') && pat.get(j + 2).is_some_and(|e| *e != ']') {
                        if pat[j] <= c && c <= pat[j + 2] {
                            hit = true;
                        }
                        j += 3;
                    } else {
                        if pat[j] == c {
                            hit = true;
                        }
                        j += 1;
                    }
                }
                if j < pat.len() && hit != negate && c != '/' {
                    stack.push((j + 1, ti + 1));
                }
            }
            '\\' => {
                if let (Some(p), Some(t)) = (pat.get(pi + 1), text.get(ti))
                    && p == t
                {
                    stack.push((pi + 2, ti + 1));
                }
            }
            p => {
                if text.get(ti) == Some(&p) {
                    stack.push((pi + 1, ti + 1));
                }
            }
        }
    }
    false
}

/// A compiled glob: its brace expansions as char vectors.
pub(crate) struct Glob(Vec<Vec<char>>);

impl Glob {
    pub fn new(pattern: &str) -> Glob {
        Glob(
            expand_braces(pattern)
                .into_iter()
                .map(|p| p.chars().collect())
                .collect(),
        )
    }
    pub fn is_match(&self, path: &str) -> bool {
        let text: Vec<char> = path.chars().collect();
        self.0.iter().any(|p| matches(p, &text))
    }
}

#[cfg(test)]
mod tests {
    use super::Glob;

    #[test]
    fn globs() {
        assert!(Glob::new("*.clj").is_match("a.clj"));
        assert!(!Glob::new("*.clj").is_match("d/a.clj"));
        assert!(Glob::new("**.clj").is_match("d/e/a.clj"));
        assert!(Glob::new("**/*.clj").is_match("d/a.clj"));
        assert!(!Glob::new("**/*.clj").is_match("a.clj"));
        assert!(Glob::new("*.{clj,edn}").is_match("x.edn"));
        assert!(Glob::new("[a-c]?.txt").is_match("bx.txt"));
        assert!(!Glob::new("[!a-c]?.txt").is_match("bx.txt"));
        assert!(Glob::new("a\\*").is_match("a*"));
    }
}
