/// Basis-point arithmetic exactly as Aave's `PercentageMath` (aave-v3-core
/// `contracts/protocol/libraries/math/PercentageMath.sol`; docs/mechanics.md):
/// `PERCENTAGE_FACTOR = 1e4`, both operations round half up.
public enum PercentageMath {
    public static let percentageFactor: UInt128 = 10_000
    public static let halfPercentageFactor: UInt128 = 5_000

    /// `(value * percentage + 5000) / 10000`
    public static func percentMul(_ value: UInt128, _ percentage: UInt128) throws -> UInt128 {
        try FullWidth.mulDiv(value, percentage, percentageFactor, rounding: .halfUp, operation: "percentMul")
    }

    /// `(value * 10000 + percentage / 2) / percentage`; reverts (throws) on a zero percentage.
    public static func percentDiv(_ value: UInt128, _ percentage: UInt128) throws -> UInt128 {
        try FullWidth.mulDiv(value, percentageFactor, percentage, rounding: .halfUp, operation: "percentDiv")
    }
}
