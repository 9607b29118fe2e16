//! cheaprand: the scheduler's PRNG (Go's `cheaprand`, here wyrand).
//!
//! Each M owns one `CheapRand`; G code reaches its M's generator through `Gctx`, so no
//! generator is shared between threads. In the seeded random scheduling mode
//! (`MINIGO_SCHED_SEED`) every M's stream is derived from the seed and the M id.

/// wyrand: 64-bit state, one multiply per output (Wang Yi's wyhash PRNG).
#[derive(Clone, Debug)]
pub(crate) struct CheapRand(u64);

impl CheapRand {
    pub(crate) fn new(seed: u64) -> CheapRand {
        CheapRand(seed ^ 0x2d35_8dcc_aa6c_78a5)
    }

    /// Seed from the clock and an address: good enough for scheduling decisions.
    pub(crate) fn from_entropy(salt: u64) -> CheapRand {
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(0);
        let local = 0u8;
        CheapRand::new(
            t ^ (&local as *const u8 as u64).rotate_left(32)
                ^ salt.wrapping_mul(0x9e37_79b9_7f4a_7c15),
        )
    }

    /// `cheaprand()`.
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0xa076_1d64_78bd_642f);
        let t = (self.0 as u128).wrapping_mul((self.0 ^ 0xe703_7ed1_a0b4_28db) as u128);
        ((t >> 64) as u64) ^ (t as u64)
    }

    /// `cheaprandn(n)`: uniform-ish in `[0, n)` by Lemire's multiply-shift; `n > 0`.
    pub(crate) fn below(&mut self, n: u32) -> u32 {
        (((self.next_u64() as u32) as u64 * n as u64) >> 32) as u32
    }
}
