/// Just enough unsigned 256-bit arithmetic for Solidity's `(a * b * c) / (d * e)` on uint256, when the
/// 128-bit fast paths do not fit. Written by hand: attaswift/BigInt would allocate on the quote path,
/// and the standard library stops at 128 bits.
struct UInt256: Equatable, Comparable {
    var high: UInt128
    var low: UInt128

    init(high: UInt128 = 0, low: UInt128) {
        self.high = high
        self.low = low
    }

    /// The full product of two 128-bit numbers.
    init(_ a: UInt128, times b: UInt128) {
        let product = a.wideProduct(b)
        self.init(high: product.high, low: product.low)
    }

    static func < (lhs: UInt256, rhs: UInt256) -> Bool {
        lhs.high != rhs.high ? lhs.high < rhs.high : lhs.low < rhs.low
    }

    /// `self * factor`, or nil past 2^256 (where Solidity's checked arithmetic reverts).
    func multiplied(by factor: UInt128) -> UInt256? {
        let lowProduct = low.wideProduct(factor)
        let highProduct = high.wideProduct(factor)
        guard highProduct.high == 0 else { return nil }
        let (sum, carry) = lowProduct.high.addingReportingOverflow(highProduct.low)
        guard !carry else { return nil }
        return UInt256(high: sum, low: lowProduct.low)
    }

    func subtracting(_ other: UInt256) -> UInt256 {
        let (low, borrow) = self.low.subtractingReportingOverflow(other.low)
        return UInt256(high: high - other.high - (borrow ? 1 : 0), low: low)
    }

    func shiftedLeftOne() -> UInt256 {
        UInt256(high: (high << 1) | (low >> 127), low: low << 1)
    }

    var leadingZeroBitCount: Int { high != 0 ? high.leadingZeroBitCount : 128 + low.leadingZeroBitCount }

    /// Truncating division; nil when the quotient does not fit in 128 bits or the divisor is zero.
    func divided(by divisor: UInt256) -> UInt128? {
        guard divisor != UInt256(low: 0) else { return nil }
        if divisor.high == 0 {
            guard high < divisor.low else { return nil }
            return divisor.low.wideDivide(high: high, low: low).quotient
        }
        // Binary long division; the quotient is below 2^128 because the divisor is at least 2^128.
        var remainder = UInt256(low: 0)
        var quotient: UInt128 = 0
        let bits = 256 - leadingZeroBitCount
        for bit in stride(from: bits - 1, through: 0, by: -1) {
            remainder = remainder.shiftedLeftOne()
            let set = bit >= 128 ? (high >> UInt128(bit - 128)) & 1 : (low >> UInt128(bit)) & 1
            remainder.low |= set
            quotient <<= 1
            if remainder >= divisor {
                remainder = remainder.subtracting(divisor)
                quotient |= 1
            }
        }
        return quotient
    }
}
