/// 128 × 128 → 256-bit products and 256 / 128-bit division on 64-bit words. Swift 6.x's
/// `UInt128.multipliedFullWidth` and `dividingFullWidth` are the standard library's unspecialised generic
/// versions (a profile of a Monte Carlo path spent 14 % of its time in them, through the DEX arithmetic);
/// these give the same results with the processor's 64-bit multiply and 128 / 64 divide. Tests compare them
/// with the standard library on edge cases and random operands.
extension UInt128 {
    init(high: UInt64, low: UInt64) { self.init(_low: low, _high: high) }

    /// `self · other` in full: the same as `multipliedFullWidth(by:)`.
    func wideProduct(_ other: UInt128) -> (high: UInt128, low: UInt128) {
        let a0 = _low, a1 = _high, b0 = other._low, b1 = other._high
        let p00 = a0.multipliedFullWidth(by: b0)
        if a1 == 0 && b1 == 0 { return (0, UInt128(high: p00.high, low: p00.low)) }
        let p01 = a0.multipliedFullWidth(by: b1)
        let p10 = a1.multipliedFullWidth(by: b0)
        let p11 = a1.multipliedFullWidth(by: b1)
        // Column 1 collects three 64-bit words (at most 3·(2^64 − 1): no overflow in 128 bits).
        let middle = UInt128(p00.high) &+ UInt128(p01.low) &+ UInt128(p10.low)
        // The whole product is below 2^256, so the high half cannot overflow either.
        let high =
            UInt128(high: p11.high, low: p11.low) &+ UInt128(p01.high) &+ UInt128(p10.high) &+ (middle >> 64)
        return (high, UInt128(high: UInt64(truncatingIfNeeded: middle), low: p00.low))
    }

    /// `(high · 2^128 + low) / self` and its remainder, for `high < self` (so that the quotient fits): the
    /// same as `dividingFullWidth`. Knuth's algorithm D (TAOCP vol. 2, §4.3.1) with 64-bit digits.
    func wideDivide(high: UInt128, low: UInt128) -> (quotient: UInt128, remainder: UInt128) {
        precondition(high < self, "the quotient fits in 128 bits")
        if _high == 0 {
            // A one-digit divisor: two steps of the processor's 128 / 64 division (high < self < 2^64). First,
            // even when high is 0: a 128-bit `/` and `%` are two calls into the runtime's generic division.
            let (q1, r1) = _low.dividingFullWidth((high._low, low._high))
            let (q0, r0) = _low.dividingFullWidth((r1, low._low))
            return (UInt128(high: q1, low: q0), UInt128(r0))
        }
        if high == 0 { return (low / self, low % self) }
        // Normalise so that the divisor's top bit is set; the dividend shifts with it (still high < divisor).
        let shift = _high.leadingZeroBitCount
        let divisor = self << shift
        let top = shift == 0 ? high : high << shift | low >> (128 - shift)
        let bottom = low << shift
        let (q1, rest) = Self.divideThreeByTwo(top: top, next: bottom._high, by: divisor)
        let (q0, remainder) = Self.divideThreeByTwo(top: rest, next: bottom._low, by: divisor)
        return (UInt128(high: q1, low: q0), remainder >> shift)
    }

    /// `(top · 2^64 + next) / divisor` for a normalised two-digit divisor and `top < divisor`: one quotient
    /// digit, estimated from the leading digits and corrected at most twice (Knuth's step D3).
    private static func divideThreeByTwo(
        top: UInt128, next: UInt64, by divisor: UInt128
    )
        -> (digit: UInt64, remainder: UInt128)
    {
        let v1 = divisor._high
        var estimate: UInt64
        if top._high >= v1 {
            estimate = .max // top < divisor, so top's high digit equals v1 here
        } else {
            estimate = v1.dividingFullWidth((top._high, top._low)).quotient
        }
        // The dividend as three digits (u2, u1, u0) and estimate · divisor as three digits: compare, step down.
        let u2 = top._high, u10 = UInt128(high: top._low, low: next)
        var product = divisor.wideProduct(UInt128(estimate)) // below 2^192: product.high < 2^64
        while product.high._low > u2 || (product.high._low == u2 && product.low > u10) {
            estimate -= 1
            let (low, borrow) = product.low.subtractingReportingOverflow(divisor)
            product = (borrow ? product.high - 1 : product.high, low)
        }
        // The remainder is below the divisor, so only the low 128 bits of the difference are needed.
        return (estimate, u10 &- product.low)
    }
}
