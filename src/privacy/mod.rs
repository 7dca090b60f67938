//! Finding personal data in records.
