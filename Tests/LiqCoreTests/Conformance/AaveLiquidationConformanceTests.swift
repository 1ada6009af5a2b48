import Testing

@testable import LiqCore

/// aave-v3-origin @ 5431379f, tests/protocol/pool/Pool.Liquidations.CloseFactor.t.sol: liquidationCall(WETH,
/// USDX, bob, max) on the test listing. The close-factor class and the reverts are asserted there; the
/// amounts are the reference's exact re-computation of v3.3's `_calculateAvailableCollateralToLiquidate`
/// (secondary checks, as the reference marks them).
@Suite struct AaveLiquidationConformanceTests {
    static func quote(
        collateral: String, debt: String, collateralAsset: String = "WETH", debtAsset: String = "USDX",
        cover: UInt128? = nil
    ) throws -> PositionQuote {
        let pool = try AaveFixture.pool(
            positions: """
                [[positions]]
                id = "bob"
                collateral = { \(collateral) }
                debt = { \(debt) }
                """)
        return try pool.quote("bob", collateral: collateralAsset, debt: debtAsset, cover: cover)
    }

    /// L1 (line 125): HF 0.94 ≤ 0.95, so 100 % of the debt.
    @Test func belowTheThresholdTheWholeDebt() throws {
        let quote = try #require(try Self.quote(collateral: "WETH = \"100\"", debt: "USDX = \"164700\"").liquidation)
        #expect(quote.healthFactorBefore == HealthFactor(wad: 939_890_710_382_513_661))
        #expect(quote.closeFactorRule == .v33FullBelowHealthFactorThreshold)
        #expect(quote.debtRepaid == 164_700_000_000)
        #expect(quote.liquidatorReceives == 95_617_500_000_000_000_000)
        #expect(quote.protocolFee == 457_500_000_000_000_000)
    }

    /// L2 (line 129): HF 0.97 but the collateral is worth $900, under $2,000: 100 %.
    @Test func smallCollateralTheWholeDebt() throws {
        let quote = try #require(
            try Self.quote(collateral: "WETH = \"0.5\"", debt: "USDX = \"798.030927\"").liquidation)
        #expect(quote.healthFactorBefore == HealthFactor(wad: 969_887_223_430_878_387))
        #expect(quote.closeFactorRule == .v33FullSmallCollateral)
        #expect(quote.debtRepaid == 798_030_927)
        #expect(quote.liquidatorReceives == 463_301_288_175_000_000)
        #expect(quote.protocolFee == 2_216_752_575_000_000)
    }

    /// L3 (line 133): HF 0.97 with $180,000 of collateral: 50 % of the total debt in base currency.
    @Test func aboveTheThresholdHalfTheDebt() throws {
        let quote = try #require(
            try Self.quote(collateral: "WETH = \"100\"", debt: "USDX = \"159606.185567\"").liquidation)
        #expect(quote.healthFactorBefore == HealthFactor(wad: 969_887_222_416_060_787))
        #expect(quote.closeFactorRule == .v33HalfOfTotalDebt)
        #expect(quote.debtRepaid == 79_803_092_783)
        #expect(quote.liquidatorReceives == 46_330_128_865_686_111_111)
        #expect(quote.protocolFee == 221_675_257_730_555_556)
    }

    /// L4 (158–180): 2,000 USDX and 4 WETH against 8,508.516129 USDX (HF 0.93). Covering 956 USDX of debt
    /// with USDX collateral seizes 1,003.8 USDX and leaves 996.2 < $1,000: MUST_NOT_LEAVE_DUST.
    @Test func leavingDustCollateralReverts() throws {
        let quote = try Self.quote(
            collateral: "USDX = \"2000\", WETH = \"4\"", debt: "USDX = \"8508.516129\"",
            collateralAsset: "USDX", cover: 956_000_000)
        #expect(quote.healthFactor == HealthFactor(wad: 929_891_873_041_544_304))
        #expect(quote.reason == .mustNotLeaveDust)
    }

    /// L5 (184–213): 8,000 USDX supplied, 4,200 USDX and 1.567346938772222222 WETH borrowed (HF 0.98). Half of
    /// the total debt in USDX leaves $689.39 of USDX debt: the maximum reverts with MUST_NOT_LEAVE_DUST.
    @Test func leavingDustDebtReverts() throws {
        let quote = try Self.quote(
            collateral: "USDX = \"8000\"", debt: "USDX = \"4200\", WETH = \"1.567346938772222222\"",
            collateralAsset: "USDX")
        #expect(quote.healthFactor == HealthFactor(wad: 979_886_059_762_714_542))
        #expect(quote.reason == .mustNotLeaveDust)
    }
}
