/// Conversions between `UInt128` and `Double` for the fast paths (risk index, generated worlds, hashing).
/// In Swift 6.x the standard library's `Double(_: UInt128)`, `UInt128(_: Double)` and
/// `UInt64(truncatingIfNeeded: UInt128)` go through unspecialised generic code (~100 ns each, 40 % of
/// building a million-account world in a profile); these give the same values with plain word operations.
extension UInt128 {
    /// The low and high 64-bit words.
    var lowWord: UInt64 { _low }
    var highWord: UInt64 { _high }

    /// The nearest `Double`, rounded to nearest-even like `Double(_:)`: the top 64 significant bits, with
    /// a sticky bit for anything below them, convert with one rounding, then scale by a power of two.
    var doubleValue: Double {
        if _high == 0 { return Double(_low) }
        let shift = leadingZeroBitCount
        let normalised = self << shift
        let sticky: UInt64 = normalised._low != 0 ? 1 : 0
        return Double(normalised._high | sticky) * Double(sign: .plus, exponent: 64 - shift, significand: 1)
    }

    /// `UInt128(value)` for a finite, non-negative integral `value` below 2¹²⁸.
    init(integral value: Double) {
        precondition(
            value >= 0 && value < 0x1p128 && value == value.rounded(.towardZero), "an integral Double in range")
        if value < 0x1p64 {
            self = UInt128(UInt64(value))
        } else {
            let high = (value / 0x1p64).rounded(.towardZero)
            self = UInt128(UInt64(high)) << 64 | UInt128(UInt64(value - high * 0x1p64))
        }
    }
}
