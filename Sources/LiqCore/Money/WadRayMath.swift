/// 18- and 27-decimal fixed point exactly as Aave's `WadRayMath` (aave-v3-core
/// `contracts/protocol/libraries/math/WadRayMath.sol`; docs/mechanics.md):
/// every operation rounds half up.
public enum WadRayMath {
    public static let wad: UInt128 = 1_000_000_000_000_000_000
    public static let halfWad: UInt128 = wad / 2
    public static let ray: UInt128 = 1_000_000_000_000_000_000_000_000_000
    public static let halfRay: UInt128 = ray / 2
    public static let wadRayRatio: UInt128 = 1_000_000_000

    /// `(a * b + WAD/2) / WAD`
    public static func wadMul(_ a: UInt128, _ b: UInt128) throws -> UInt128 {
        try FullWidth.mulDiv(a, b, wad, rounding: .halfUp, operation: "wadMul")
    }

    /// `(a * WAD + b/2) / b`
    public static func wadDiv(_ a: UInt128, _ b: UInt128) throws -> UInt128 {
        try FullWidth.mulDiv(a, wad, b, rounding: .halfUp, operation: "wadDiv")
    }

    /// `(a * b + RAY/2) / RAY`. RAY = 2^27 · 5^27, and ⌊⌊n / 2^27⌋ / 5^27⌋ = ⌊n / RAY⌋: a shift, then a
    /// divisor below 2^64, divided through its reciprocal (the same result as `FullWidth.mulDiv`, tested;
    /// a quotient past 2^128 throws as there).
    public static func rayMul(_ a: UInt128, _ b: UInt128) throws -> UInt128 {
        var (high, low) = a.wideProduct(b)
        let (sum, carry) = low.addingReportingOverflow(halfRay)
        low = sum
        if carry { high += 1 }
        guard high < ray else { throw ArithmeticError(.overflow, in: "rayMul") }
        // high < 2^27 · 5^27, so high >> 27 < 5^27: the quotient fits.
        return fivePow27.divide(high: high >> 27, low: low >> 27 | high << 101).quotient
    }

    static let fivePow27 = Reciprocal(7_450_580_596_923_828_125)

    /// `(a * RAY + b/2) / b`
    public static func rayDiv(_ a: UInt128, _ b: UInt128) throws -> UInt128 {
        try FullWidth.mulDiv(a, ray, b, rounding: .halfUp, operation: "rayDiv")
    }

    /// `(a + 1e9/2) / 1e9`
    public static func rayToWad(_ a: UInt128) -> UInt128 {
        let quotient = a / wadRayRatio
        return a % wadRayRatio >= wadRayRatio / 2 ? quotient + 1 : quotient
    }

    /// `a * 1e9`
    public static func wadToRay(_ a: UInt128) throws -> UInt128 {
        try FullWidth.multiply(a, wadRayRatio, operation: "wadToRay")
    }
}
