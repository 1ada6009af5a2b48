/// Aave's two-slope variable rate model, parameters in basis points as
/// `DefaultReserveInterestRateStrategyV2` stores them (docs/mechanics.md).
public struct InterestRateStrategy: Sendable, Equatable {
    public var optimalUsageRatioBps: UInt128
    public var baseVariableBorrowRateBps: UInt128
    public var variableRateSlope1Bps: UInt128
    public var variableRateSlope2Bps: UInt128

    public init(
        optimalUsageRatioBps: UInt128, baseVariableBorrowRateBps: UInt128,
        variableRateSlope1Bps: UInt128, variableRateSlope2Bps: UInt128
    ) {
        self.optimalUsageRatioBps = optimalUsageRatioBps
        self.baseVariableBorrowRateBps = baseVariableBorrowRateBps
        self.variableRateSlope1Bps = variableRateSlope1Bps
        self.variableRateSlope2Bps = variableRateSlope2Bps
    }

    /// Rates in ray per year.
    public struct Rates: Sendable, Equatable {
        public var liquidityRate: UInt128
        public var variableBorrowRate: UInt128
    }

    /// `bpsToRay`: 1 bps = 1e23 ray.
    static func ray(bps: UInt128) -> UInt128 { bps * 100_000_000_000_000_000_000_000 }

    /// `calculateInterestRates` of DefaultReserveInterestRateStrategyV2 (aave-v3-origin), variable debt only:
    /// U = debt.rayDiv(available + debt); below the optimal point base + slope1·U/Uopt,
    /// above it base + slope1 + slope2·(U − Uopt)/(1 − Uopt); supply = borrow·U·(1 − reserveFactor).
    public func rates(totalDebt: UInt128, availableLiquidity: UInt128, reserveFactorBps: UInt128) throws -> Rates {
        var borrowRate = Self.ray(bps: baseVariableBorrowRateBps)
        guard totalDebt != 0 else { return Rates(liquidityRate: 0, variableBorrowRate: borrowRate) }
        let ray = WadRayMath.ray
        let usage = try WadRayMath.rayDiv(totalDebt, FullWidth.add(availableLiquidity, totalDebt))
        let optimal = Self.ray(bps: optimalUsageRatioBps)
        if usage > optimal {
            let excess = try WadRayMath.rayDiv(usage - optimal, ray - optimal)
            borrowRate += Self.ray(bps: variableRateSlope1Bps)
            borrowRate += try WadRayMath.rayMul(Self.ray(bps: variableRateSlope2Bps), excess)
        } else {
            borrowRate += try WadRayMath.rayDiv(WadRayMath.rayMul(Self.ray(bps: variableRateSlope1Bps), usage), optimal)
        }
        let liquidityRate = try PercentageMath.percentMul(
            WadRayMath.rayMul(borrowRate, usage), PercentageMath.percentageFactor - reserveFactorBps)
        return Rates(liquidityRate: liquidityRate, variableBorrowRate: borrowRate)
    }
}
