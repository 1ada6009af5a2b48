/// Division by a fixed divisor below 2^64 through a precomputed reciprocal: two multiplications and a few
/// additions per 64-bit digit (Möller and Granlund, "Improved division by invariant integers", IEEE
/// Transactions on Computers 60(2), 2011, Algorithm 4), where Swift's 128-by-64 `dividingFullWidth` is a
/// call into the runtime's general 128-bit division. Written here because the standard library offers no
/// division by an invariant; the quotient and remainder are exactly `dividingFullWidth`'s (tested). For the
/// divisors the exact health factor divides by again and again: 5^27 (half of RAY), asset units, 10^4.
struct Reciprocal: Sendable {
    let divisor: UInt64
    /// The divisor shifted so that its top bit is set, and by how much.
    private let normalized: UInt64
    private let shift: Int
    /// ⌊(2^128 − 1) / normalized⌋ − 2^64.
    private let inverse: UInt64

    init(_ divisor: UInt64) {
        precondition(divisor != 0, "a divisor")
        self.divisor = divisor
        shift = divisor.leadingZeroBitCount
        normalized = divisor << shift
        // (2^128 − 1) − 2^64·d = (2^64 − 1 − d)·2^64 + (2^64 − 1), and 2^64 − 1 − d < d for d ≥ 2^63.
        inverse = normalized.dividingFullWidth((~normalized, .max)).quotient
    }

    /// `(high · 2^128 + low) / divisor` and its remainder, for `high < divisor` (the quotient fits in 128 bits).
    @inline(__always)
    func divide(high: UInt128, low: UInt128) -> (quotient: UInt128, remainder: UInt128) {
        // Three digits, shifted with the divisor; the top one stays below it since high < divisor.
        let n2 = UInt64(truncatingIfNeeded: high), n1 = UInt64(truncatingIfNeeded: low >> 64)
        let n0 = UInt64(truncatingIfNeeded: low)
        let u2 = n2 << shift | n1 >> (64 - shift), u1 = n1 << shift | n0 >> (64 - shift), u0 = n0 << shift
        let (q1, r1) = step(u2, u1)
        let (q0, r0) = step(r1, u0)
        return (UInt128(q1) << 64 | UInt128(q0), UInt128(r0 >> shift))
    }

    /// One quotient digit of (u1 · 2^64 + u0) / normalized, for u1 < normalized.
    @inline(__always)
    private func step(_ u1: UInt64, _ u0: UInt64) -> (quotient: UInt64, remainder: UInt64) {
        let product = inverse.multipliedFullWidth(by: u1)
        let (low, carry) = product.low.addingReportingOverflow(u0)
        var quotient = product.high &+ u1 &+ 1 &+ (carry ? 1 : 0)
        var remainder = u0 &- quotient &* normalized
        if remainder > low {
            quotient &-= 1
            remainder &+= normalized
        }
        if remainder >= normalized {
            quotient &+= 1
            remainder &-= normalized
        }
        return (quotient, remainder)
    }
}
