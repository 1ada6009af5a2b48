import LiqCore

/// Small markets for worked examples. Prices are round so every expected number can be checked by hand.
enum Fixtures {
    /// WETH $2,000 (18 dec, LT 80 %, bonus 5 %, fee 10 % of the bonus), WBTC $30,000 (8 dec, LT 70 %),
    /// USDC $1 (6 dec), DAI $1 (18 dec), wstETH $2,000 (18 dec, LT 81 %, bonus 6 %), eMode 1 for ETH assets.
    static func market(rules: String = "aave-v3.3", extra: String = "") -> String {
        """
        name = "fixture"
        rules = "\(rules)"

        [[assets]]
        symbol = "WETH"
        decimals = 18
        price_usd = "2000"
        ltv_bps = 7500
        liquidation_threshold_bps = 8000
        liquidation_bonus_bps = 10500
        liquidation_protocol_fee_bps = 1000

        [[assets]]
        symbol = "WBTC"
        decimals = 8
        price_usd = "30000"
        ltv_bps = 6500
        liquidation_threshold_bps = 7000
        liquidation_bonus_bps = 10500
        liquidation_protocol_fee_bps = 1000

        [[assets]]
        symbol = "USDC"
        decimals = 6
        price_usd = "1"
        ltv_bps = 7700
        liquidation_threshold_bps = 8000
        liquidation_bonus_bps = 10450
        liquidation_protocol_fee_bps = 1000

        [[assets]]
        symbol = "DAI"
        decimals = 18
        price_usd = "1"
        ltv_bps = 7700
        liquidation_threshold_bps = 8000
        liquidation_bonus_bps = 10500

        [[assets]]
        symbol = "wstETH"
        decimals = 18
        price_usd = "2000"
        ltv_bps = 7850
        liquidation_threshold_bps = 8100
        liquidation_bonus_bps = 10600
        liquidation_protocol_fee_bps = 1000

        [[emode]]
        id = 1
        label = "ETH correlated"
        ltv_bps = 9000
        liquidation_threshold_bps = 9300
        liquidation_bonus_bps = 10100
        assets = ["WETH", "wstETH"]

        \(extra)
        """
    }

    static func pool(rules: String = "aave-v3.3", _ positions: String) throws -> LendingPool {
        try ScenarioLoader.load(text: market(rules: rules, extra: positions), file: "fixture.toml").makePool()
    }

    static func wad(_ text: String) -> UInt128 { try! DecimalAmount.parse(text, decimals: 18) }
    static func units(_ text: String, _ decimals: Int) -> UInt128 { try! DecimalAmount.parse(text, decimals: decimals) }
}

extension LendingPool {
    func quote(
        _ id: String, collateral: String? = nil, debt: String? = nil, cover: UInt128? = nil
    ) throws -> PositionQuote {
        try quotePosition(
            accountIndex: accountIndex(id: id)!,
            selection: QuoteSelection(
                collateralReserve: collateral.flatMap { reserveIndex(symbol: $0) },
                debtReserve: debt.flatMap { reserveIndex(symbol: $0) }, debtToCover: cover))
    }

    func healthFactor(_ id: String) throws -> HealthFactor {
        try accountData(accounts[accountIndex(id: id)!]).healthFactor
    }
}
