import Testing

@testable import LiqCore

@Suite struct BorrowTests {
    /// 10 WETH × $2,000 with LTV 75 %: up to 15,000 USDC; the liquidation threshold (80 %) plays no part.
    func pool() throws -> LendingPool {
        try Fixtures.pool(
            """
            [[positions]]
            id = "b"
            collateral = { WETH = "10" }

            [[positions]]
            id = "nothing"

            [[positions]]
            id = "saver"
            collateral = { USDC = "1000000" }
            """)
    }

    @Test func borrowingIsLimitedByLtvNotTheThreshold() throws {
        var pool = try pool()
        let usdc = pool.reserveIndex(symbol: "USDC")!
        // (0 + 15,000.000001e8).percentDiv(7500) = 20,000.0000013… > 20,000: refused.
        #expect(throws: BorrowError.collateralCannotCoverNewBorrow) {
            try pool.borrow(accountIndex: 0, reserve: usdc, amount: Fixtures.units("15000.000001", 6))
        }
        try pool.borrow(accountIndex: 0, reserve: usdc, amount: Fixtures.units("15000", 6))
        #expect(try pool.debtBalance(pool.accounts[0], reserve: usdc) == Fixtures.units("15000", 6))
        #expect(try pool.healthFactor("b").description == "1.066666666666666667") // 16,000 / 15,000
        #expect(throws: BorrowError.collateralCannotCoverNewBorrow) {
            try pool.borrow(accountIndex: 0, reserve: usdc, amount: 1)
        }
    }

    @Test func borrowErrorsInTheProtocolsOrder() throws {
        var pool = try pool()
        let usdc = pool.reserveIndex(symbol: "USDC")!
        #expect(throws: BorrowError.invalidAmount) { try pool.borrow(accountIndex: 0, reserve: usdc, amount: 0) }
        #expect(throws: BorrowError.collateralBalanceIsZero) {
            try pool.borrow(accountIndex: 1, reserve: usdc, amount: 1)
        }
        pool.sentinel = PriceOracleSentinel(sequencerUp: false, secondsSinceUp: 0, gracePeriodSeconds: 3600)
        #expect(throws: BorrowError.priceOracleSentinelCheckFailed) {
            try pool.borrow(accountIndex: 0, reserve: usdc, amount: 1)
        }
    }

    @Test func cannotBorrowMoreThanTheReserveHolds() throws {
        var pool = try pool()
        let dai = pool.reserveIndex(symbol: "DAI")!
        #expect(pool.reserves[dai].availableLiquidity == 0)
        #expect(throws: BorrowError.invalidAmount) { try pool.borrow(accountIndex: 0, reserve: dai, amount: 1) }
    }
}

@Suite struct FlashLoanTests {
    func pool() throws -> LendingPool {
        try Fixtures.pool(
            """
            [[positions]]
            id = "saver"
            collateral = { USDC = "2000000" }
            """)
    }

    @Test func repaidFlashLoanPaysThePremium() throws {
        var pool = try pool()
        let usdc = pool.reserveIndex(symbol: "USDC")!
        let before = pool.reserves[usdc]
        // 5 bps of 1,000,000 USDC = 500 USDC; the protocol's 4 bps share of it = 0.2 USDC.
        let receipt = try pool.flashLoan(reserve: usdc, amount: Fixtures.units("1000000", 6)) { _, amount, premium in
            #expect(premium == Fixtures.units("500", 6))
            return amount + premium
        }
        #expect(receipt.premiumToProtocol == Fixtures.units("0.2", 6))
        #expect(receipt.premiumToSuppliers == Fixtures.units("499.8", 6))
        #expect(pool.reserves[usdc].availableLiquidity == before.availableLiquidity + Fixtures.units("500", 6))
        // Suppliers earn: 2,000,000 USDC supplied grow by 499.8 USDC through the liquidity index.
        #expect(pool.reserves[usdc].liquidityIndex > before.liquidityIndex)
        #expect(try pool.collateralBalance(pool.accounts[0], reserve: usdc) == Fixtures.units("2000499.8", 6))
    }

    @Test func unpaidFlashLoanRevertsEverything() throws {
        var pool = try pool()
        let before = pool
        let usdc = pool.reserveIndex(symbol: "USDC")!
        #expect(
            throws: FlashLoanError.notRepaid(owed: Fixtures.units("1000500", 6), returned: Fixtures.units("1000000", 6))
        ) {
            try pool.flashLoan(reserve: usdc, amount: Fixtures.units("1000000", 6)) { inner, amount, _ in
                inner.prices[usdc] = 1 // anything done inside is undone
                // Accounts too, changed twice and grown by new positions (undone from the book's journal).
                inner.accounts[0].scaledDebt[usdc] += 5
                inner.accounts[0].scaledCollateral[0] += 7
                inner.accounts[0].usingAsCollateral[0] = true
                inner.accounts[0].scaledDebt[0] += 9
                return amount
            }
        }
        #expect(pool == before)
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try pool.flashLoan(reserve: usdc, amount: 1_000) { _, _, _ in throw Boom() }
        }
        #expect(pool == before)
    }

    @Test func aLiquidationFundedByAFlashLoan() throws {
        // The liquidator borrows the USDC, liquidates, and would need to sell the WETH to repay; here it
        // repays from its own pocket, the premium being 5 bps of the 10,500 USDC borrowed = 5.25 USDC.
        var pool = try Fixtures.pool(
            """
            [[positions]]
            id = "saver"
            collateral = { USDC = "2000000" }

            [[positions]]
            id = "carol"
            collateral = { WETH = "12" }
            debt = { USDC = "20000" }
            """)
        let weth = pool.reserveIndex(symbol: "WETH")!, usdc = pool.reserveIndex(symbol: "USDC")!
        let carol = pool.accountIndex(id: "carol")!
        var seized: UInt128 = 0
        try pool.flashLoan(reserve: usdc, amount: Fixtures.units("10000", 6)) { inner, amount, premium in
            let quote = try inner.liquidate(
                accountIndex: carol,
                LiquidationRequest(
                    collateralReserve: weth, debtReserve: usdc,
                    debtToCover: amount))
            seized = quote.liquidatorReceives
            return amount + premium
        }
        #expect(seized > 0)
        #expect(pool.accounts[carol].scaledDebt[usdc] == Fixtures.units("10000", 6))
    }
}
