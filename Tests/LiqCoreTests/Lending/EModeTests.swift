import Testing

@testable import LiqCore

@Suite struct EModeTests {
    /// wstETH with LTV 0 (frozen for borrowing) but in the ETH category: GenericLogic gates on the
    /// reserve's own LTV, so it still counts as zero-LTV collateral even though the category's LTV is 90 %.
    @Test func zeroLtvReserveStaysZeroLtvInEMode() throws {
        let text = Fixtures.market(
            extra: """
                [[positions]]
                id = "p"
                collateral = { wstETH = "10", WETH = "10" }
                emode = 1
                """
        ).replacingOccurrences(of: "ltv_bps = 7850", with: "ltv_bps = 0")
        let pool = try ScenarioLoader.load(text: text, file: "e.toml").makePool()
        let data = try pool.accountData(pool.accounts[0])
        #expect(data.hasZeroLtvCollateral)
        // avgLTV = (20,000 × 9,000 + 0) / 40,000 = 4,500; avgLT = 9,300 (both in the category).
        #expect(data.averageLtvBps == 4_500)
        #expect(data.averageLiquidationThresholdBps == 9_300)
    }

    @Test func eModeAccountsBorrowOnlyTheirCategory() throws {
        var pool = try Fixtures.pool(
            """
            [[positions]]
            id = "p"
            collateral = { wstETH = "10" }
            emode = 1

            [[positions]]
            id = "saver"
            collateral = { WETH = "100", USDC = "100000" }
            """)
        #expect(throws: BorrowError.inconsistentEModeCategory) {
            try pool.borrow(accountIndex: 0, reserve: pool.reserveIndex(symbol: "USDC")!, amount: 1_000_000)
        }
        // 10 wstETH × $2,000 × 90 % = $18,000 of WETH: 9 WETH.
        try pool.borrow(accountIndex: 0, reserve: pool.reserveIndex(symbol: "WETH")!, amount: Fixtures.wad("9"))
        // One more wei is worth 0 in base currency (truncated), so the protocol allows it; $2 more is refused.
        try pool.borrow(accountIndex: 0, reserve: pool.reserveIndex(symbol: "WETH")!, amount: 1)
        #expect(throws: BorrowError.collateralCannotCoverNewBorrow) {
            try pool.borrow(accountIndex: 0, reserve: pool.reserveIndex(symbol: "WETH")!, amount: Fixtures.wad("0.001"))
        }
    }

    @Test func aTwentySevenDecimalAssetQuotesExactly() throws {
        // 5,400 units of a 27-decimal $1 token against 3 WETH at $2,000 (LT 80 %): HF = 4,800/5,400.
        // 100 %: 5,400/2,000 = 2.7 WETH × 1.05 = 2.835 WETH.
        let text = Fixtures.market(
            extra: """
                [[assets]]
                symbol = "BIG"
                decimals = 27
                price_usd = "1"

                [[positions]]
                id = "p"
                collateral = { WETH = "3" }
                debt = { BIG = "5400" }
                """)
        let pool = try ScenarioLoader.load(text: text, file: "b.toml").makePool()
        let quote = try #require(try pool.quote("p").liquidation)
        #expect(quote.collateralSeized == Fixtures.wad("2.835"))
    }
}
