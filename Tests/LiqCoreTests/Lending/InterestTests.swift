import Testing

@testable import LiqCore

/// Aave v3 MathUtils and the two-slope strategy (docs/mechanics.md, Interest). Compounded values were
/// computed from the same three-term formula with Python's big integers, independently of this code.
@Suite struct InterestTests {
    let ray = WadRayMath.ray
    let year: UInt64 = 365 * 24 * 3600

    @Test func linearInterestForAYearAddsTheRate() throws {
        #expect(try Interest.linear(rate: ray / 10, seconds: year) == ray + ray / 10)
        #expect(try Interest.linear(rate: ray / 10, seconds: 0) == ray)
    }

    @Test func compoundedInterestIsTheThreeTermExpansion() throws {
        #expect(try Interest.compounded(rate: ray / 10, seconds: 0) == ray)
        // One second: only the first term, RAY + rate / SECONDS_PER_YEAR.
        #expect(try Interest.compounded(rate: ray / 10, seconds: 1) == ray + ray / 10 / 31_536_000)
        #expect(try Interest.compounded(rate: ray / 10, seconds: year) == 1_105_162_042_821_782_412_575_504_000)
        #expect(try Interest.compounded(rate: ray / 10, seconds: 86_400) == 1_000_274_010_136_131_111_741_806_860)
    }

    @Test func twoSlopeRatesBelowAndAboveTheOptimalPoint() throws {
        let strategy = InterestRateStrategy(
            optimalUsageRatioBps: 8_000, baseVariableBorrowRateBps: 0,
            variableRateSlope1Bps: 400, variableRateSlope2Bps: 7_500)
        // U = 50 %: 4 % × 0.5 / 0.8 = 2.5 %; supply = 2.5 % × 0.5 × 0.9 = 1.125 %.
        let half = try strategy.rates(totalDebt: 50, availableLiquidity: 50, reserveFactorBps: 1_000)
        #expect(half.variableBorrowRate == ray / 40)
        #expect(half.liquidityRate == ray * 1_125 / 100_000)
        // U = 90 %: 4 % + 75 % × (0.9 − 0.8) / 0.2 = 41.5 %; supply = 41.5 % × 0.9 × 0.9 = 33.615 %.
        let high = try strategy.rates(totalDebt: 90, availableLiquidity: 10, reserveFactorBps: 1_000)
        #expect(high.variableBorrowRate == ray * 415 / 1_000)
        #expect(high.liquidityRate == ray * 33_615 / 100_000)
        // No debt: the base rate, no supply rate.
        let withBase = InterestRateStrategy(
            optimalUsageRatioBps: 8_000, baseVariableBorrowRateBps: 25,
            variableRateSlope1Bps: 400, variableRateSlope2Bps: 7_500)
        let idle = try withBase.rates(totalDebt: 0, availableLiquidity: 10, reserveFactorBps: 1_000)
        #expect(idle == .init(liquidityRate: 0, variableBorrowRate: ray / 400)) // 0.25 %
        // The base rate adds to the slope: U = 50 % -> 0.25 % + 2.5 %.
        #expect(
            try withBase.rates(totalDebt: 50, availableLiquidity: 50, reserveFactorBps: 0).variableBorrowRate
                == ray / 400 + ray / 40)
    }

    @Test func updateStateAccruesTheReserveFactorToTheTreasury() throws {
        var reserve = Reserve(configuration: ReserveConfiguration(symbol: "USDC", decimals: 6, reserveFactorBps: 1_000))
        reserve.totalScaledSupply = 2_000_000_000
        reserve.totalScaledVariableDebt = 1_000_000_000
        reserve.currentVariableBorrowRate = ray / 10
        reserve.currentLiquidityRate = ray / 20
        try reserve.updateState(to: year)
        #expect(reserve.variableBorrowIndex == 1_105_162_042_821_782_412_575_504_000)
        #expect(reserve.liquidityIndex == ray + ray / 20)
        // Debt grew by 1,000 × 0.105162042821… = 105.162043 USDC (rayMul half up); 10 % = 10.516204 USDC,
        // held scaled by the new liquidity index 1.05: 10.516204 / 1.05 = 10.015432 (rayDiv half up).
        #expect(reserve.accruedToTreasury == 10_015_432)
        #expect(reserve.lastUpdateTimestamp == year)
    }
}
