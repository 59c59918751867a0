//! The `eval` hook: builtins (`eval`, `load-string`, `#=`) evaluate forms
//! through whichever engine is running, which installs itself here at
//! startup (runtime/ cannot import the engine).

use super::error::{ExClass, Exception, Result};
use super::value::Value;
use std::sync::OnceLock;

/// Analyze and run one form in the current namespace (`*ns*`).
pub type EvalHook = fn(&Value) -> Result<Value>;
static EVAL_HOOK: OnceLock<EvalHook> = OnceLock::new();

/// Called once by the engine at startup.
pub fn install_eval_hook(h: EvalHook) {
    let _ = EVAL_HOOK.set(h);
}

/// `(eval form)`.
pub fn eval(form: &Value) -> Result<Value> {
    match EVAL_HOOK.get() {
        Some(h) => h(form),
        None => Err(Exception::new(
            ExClass::IllegalStateException,
            "no engine installed to evaluate forms",
        )),
    }
}
