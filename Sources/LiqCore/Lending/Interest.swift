/// Index growth exactly as Aave's `MathUtils` (aave-v3-core `contracts/protocol/libraries/math/MathUtils.sol`;
/// docs/mechanics.md). Rates are ray per year; `SECONDS_PER_YEAR = 365 days`.
public enum Interest {
    public static let secondsPerYear: UInt128 = 365 * 24 * 3600

    /// `calculateLinearInterest`: RAY + rate·Δt / SECONDS_PER_YEAR (the supply side).
    public static func linear(rate: UInt128, seconds: UInt64) throws -> UInt128 {
        let growth = try FullWidth.multiply(rate, UInt128(seconds), operation: "linear interest") / secondsPerYear
        return try FullWidth.add(WadRayMath.ray, growth, operation: "linear interest")
    }

    /// `calculateCompoundedInterest`: the three-term binomial approximation of (1 + rate/year)^Δt
    /// (the borrow side).
    public static func compounded(rate: UInt128, seconds: UInt64) throws -> UInt128 {
        guard seconds != 0 else { return WadRayMath.ray }
        let exp = UInt128(seconds)
        let expMinusOne = exp - 1
        let expMinusTwo = exp > 2 ? exp - 2 : 0
        let basePowerTwo = try WadRayMath.rayMul(rate, rate) / (secondsPerYear * secondsPerYear)
        let basePowerThree = try WadRayMath.rayMul(basePowerTwo, rate) / secondsPerYear
        let op = "compounded interest"
        let secondTerm =
            try FullWidth.multiply(FullWidth.multiply(exp, expMinusOne, operation: op), basePowerTwo, operation: op) / 2
        let thirdTerm =
            try FullWidth.multiply(
                FullWidth.multiply(FullWidth.multiply(exp, expMinusOne, operation: op), expMinusTwo, operation: op),
                basePowerThree, operation: op) / 6
        let firstTerm = try FullWidth.multiply(rate, exp, operation: op) / secondsPerYear
        return try FullWidth.add(
            FullWidth.add(FullWidth.add(WadRayMath.ray, firstTerm), secondTerm), thirdTerm, operation: op)
    }
}
