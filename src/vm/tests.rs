//! VM unit tests.
