//! LAYER 1: text -> forms (values with :line/:column metadata).
