/// A health factor as the protocol computes it: an 18-decimal wad, `type(uint).max` when there is no debt.
public struct HealthFactor: Sendable, Equatable, Comparable, Hashable, CustomStringConvertible {
    public let wad: UInt128

    public init(wad: UInt128) { self.wad = wad }

    public static let infinite = HealthFactor(wad: .max)
    /// `HEALTH_FACTOR_LIQUIDATION_THRESHOLD = 1e18`: liquidatable strictly below.
    public static let liquidationThreshold = HealthFactor(wad: WadRayMath.wad)
    /// `CLOSE_FACTOR_HF_THRESHOLD` and the sentinel's `MINIMUM_HEALTH_FACTOR_LIQUIDATION_THRESHOLD`: 0.95e18.
    public static let closeFactorThreshold = HealthFactor(wad: 950_000_000_000_000_000)

    public var isInfinite: Bool { wad == .max }
    public var isLiquidatable: Bool { self < .liquidationThreshold }

    public static func < (lhs: HealthFactor, rhs: HealthFactor) -> Bool { lhs.wad < rhs.wad }

    /// The exact wad as a decimal string, trailing zeros trimmed; "inf" without debt.
    public var description: String {
        isInfinite ? "inf" : DecimalAmount.format(wad, decimals: 18)
    }

    /// For display only.
    public var approximateValue: Double { isInfinite ? .infinity : Double(wad) / 1e18 }
}
