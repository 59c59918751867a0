//! Unit tests for hierarchies and multimethod dispatch internals.
