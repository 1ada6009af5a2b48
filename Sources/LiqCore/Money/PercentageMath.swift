/// Basis-point arithmetic exactly as Aave's `PercentageMath` (aave-v3-core
/// `contracts/protocol/libraries/math/PercentageMath.sol`; docs/mechanics.md):
/// `PERCENTAGE_FACTOR = 1e4`, both operations round half up.
public enum PercentageMath {
    public static let percentageFactor: UInt128 = 10_000
    public static let halfPercentageFactor: UInt128 = 5_000

    /// `(value * percentage + 5000) / 10000`: `FullWidth.mulDiv`'s result and overflow (tested), dividing
    /// through the factor's reciprocal.
    public static func percentMul(_ value: UInt128, _ percentage: UInt128) throws -> UInt128 {
        var (high, low) = value.wideProduct(percentage)
        let (sum, carry) = low.addingReportingOverflow(halfPercentageFactor)
        low = sum
        if carry { high += 1 }
        guard high < percentageFactor else { throw ArithmeticError(.overflow, in: "percentMul") }
        return factor.divide(high: high, low: low).quotient
    }

    private static let factor = Reciprocal(10_000)

    /// `(value * 10000 + percentage / 2) / percentage`; reverts (throws) on a zero percentage.
    public static func percentDiv(_ value: UInt128, _ percentage: UInt128) throws -> UInt128 {
        try FullWidth.mulDiv(value, percentageFactor, percentage, rounding: .halfUp, operation: "percentDiv")
    }
}
