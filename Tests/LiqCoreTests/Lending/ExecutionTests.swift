import Testing

@testable import LiqCore

@Suite struct LiquidationExecutionTests {
    static let under = """
        [[positions]]
        id = "under"
        collateral = { WETH = "2" }
        debt = { USDC = "4000" }

        [[positions]]
        id = "other"
        collateral = { WETH = "100" }
        debt = { USDC = "1000" }
        """

    @Test func executingAppliesTheQuoteToAccountAndReserves() throws {
        var pool = try Fixtures.pool(Self.under)
        let weth = pool.reserveIndex(symbol: "WETH")!, usdc = pool.reserveIndex(symbol: "USDC")!
        let before = pool
        let quote = try pool.liquidate(accountIndex: 0, LiquidationRequest(collateralReserve: weth, debtReserve: usdc))
        // Numbers of collateralCapReducesTheDebtAndV33WritesOffTheRest.
        #expect(pool.accounts[0].scaledCollateral[weth] == 0)
        #expect(!pool.accounts[0].usingAsCollateral[weth])
        #expect(pool.accounts[0].scaledDebt[usdc] == 0)
        #expect(pool.reserves[usdc].deficit == Fixtures.units("190.47619", 6))
        #expect(
            pool.reserves[usdc].availableLiquidity == before.reserves[usdc].availableLiquidity
                + Fixtures.units("3809.52381", 6))
        #expect(
            pool.reserves[usdc].totalScaledVariableDebt == before.reserves[usdc].totalScaledVariableDebt
                - Fixtures.units("4000", 6))
        #expect(pool.reserves[weth].treasuryScaledBalance == Fixtures.wad("0.009523809523809524"))
        #expect(
            pool.reserves[weth].totalScaledSupply == before.reserves[weth].totalScaledSupply
                - Fixtures.wad("1.990476190476190476"))
        #expect(
            pool.reserves[weth].availableLiquidity == before.reserves[weth].availableLiquidity
                - quote.liquidatorReceives)
        #expect(pool.accounts[1] == before.accounts[1])
        // Liquidating again: the account has no debt any more.
        #expect(throws: LiquidationError.healthFactorNotBelowThreshold) {
            try pool.liquidate(accountIndex: 0, LiquidationRequest(collateralReserve: weth, debtReserve: usdc))
        }
    }

    @Test func aRevertedLiquidationChangesNothing() throws {
        var pool = try Fixtures.pool(Self.under)
        let before = pool
        #expect(throws: LiquidationError.healthFactorNotBelowThreshold) {
            try pool.liquidate(accountIndex: 1, LiquidationRequest(collateralReserve: 0, debtReserve: 2))
        }
        #expect(pool == before)
    }

    @Test func badDebtInOtherReservesIsBurntToo() throws {
        // 1 WETH = $2,000 against 1,500 USDC + 1,000 DAI: all WETH goes for USDC; the DAI is written off.
        var pool = try Fixtures.pool(
            """
            [[positions]]
            id = "p"
            collateral = { WETH = "1" }
            debt = { USDC = "1500", DAI = "1000" }
            """)
        let weth = pool.reserveIndex(symbol: "WETH")!, usdc = pool.reserveIndex(symbol: "USDC")!,
            dai = pool.reserveIndex(symbol: "DAI")!
        // HF = 1,600 / 2,500 = 0.64. Max 1,500 USDC needs 0.7875 WETH: not capped, and WETH remains.
        let first = try pool.liquidate(accountIndex: 0, LiquidationRequest(collateralReserve: weth, debtReserve: usdc))
        #expect(first.collateralSeized == Fixtures.wad("0.7875"))
        #expect(!first.hasNoCollateralLeft)
        // Left: 0.2125 WETH = $425 against 1,000 DAI: HF 0.34. All of it goes, repaying 425/1.05 DAI.
        let second = try pool.liquidate(accountIndex: 0, LiquidationRequest(collateralReserve: weth, debtReserve: dai))
        #expect(second.hasNoCollateralLeft)
        // 0.2125 × 2,000 / 1.05 = 404.761904761904761905 DAI (percentDiv half up), the rest is deficit.
        #expect(second.debtRepaid == Fixtures.wad("404.761904761904761905"))
        #expect(pool.reserves[dai].deficit == Fixtures.wad("1000") - second.debtRepaid)
        #expect(!pool.accounts[0].isBorrowingAny)
    }

    @Test func interestAccruedDebtIsWhatGetsLiquidated() throws {
        var pool = try Fixtures.pool(
            """
            [[positions]]
            id = "p"
            collateral = { WETH = "10" }
            debt = { USDC = "15900" }
            """)
        let usdc = pool.reserveIndex(symbol: "USDC")!
        #expect(try !pool.healthFactor("p").isLiquidatable)
        // A year of interest pushes HF = 16,000 / 15,900 below 1.
        pool.advance(seconds: 365 * 24 * 3600)
        // Indexes move only when an action touches the reserve; balances read through the normalized debt.
        #expect(pool.reserves[usdc].variableBorrowIndex == WadRayMath.ray)
        #expect(try pool.reserves[usdc].normalizedDebt(at: pool.time) > WadRayMath.ray)
        #expect(try pool.healthFactor("p").isLiquidatable)
        let debt = try pool.debtBalance(pool.accounts[0], reserve: usdc)
        #expect(debt > Fixtures.units("15900", 6))
        let quote = try #require(try pool.quote("p").liquidation)
        #expect(quote.userReserveDebt == debt)
        // Executing touches USDC and WETH only; their indexes catch up, the others stay as they were.
        let untouched = pool.reserveIndex(symbol: "DAI")!
        let daiBefore = pool.reserves[untouched]
        try pool.liquidate(accountIndex: 0, quote.request)
        #expect(pool.reserves[usdc].variableBorrowIndex == (try pool.reserves[usdc].normalizedDebt(at: pool.time)))
        #expect(pool.reserves[usdc].lastUpdateTimestamp == pool.time)
        #expect(pool.reserves[untouched] == daiBefore)
    }
}
