//! stmt
