//! minigo-runtime: Go's G/M/P scheduler (under construction).
