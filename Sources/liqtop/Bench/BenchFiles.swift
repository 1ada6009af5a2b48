/// Scenario files written for the benchmarks, deterministic to the byte.
enum BenchFiles {
    /// A two-asset market with `count` positions, each in its own `[[positions]]` table, as a user who
    /// exports a market writes it (about 85 bytes a position).
    static func positionsTOML(count: Int) -> String {
        var text = """
            name = "positions"
            [[assets]]
            symbol = "WETH"
            decimals = 18
            price_usd = "2000"
            ltv_bps = 8000
            liquidation_threshold_bps = 8250
            liquidation_bonus_bps = 10500
            [[assets]]
            symbol = "USDC"
            decimals = 6
            price_usd = "1"
            ltv_bps = 7500
            liquidation_threshold_bps = 7800
            liquidation_bonus_bps = 10450

            """
        text.reserveCapacity(count * 90 + text.utf8.count)
        for index in 0..<count {
            text += "[[positions]]\nid = \"p\(index)\"\ncollateral = { WETH = \"1.\(index % 97)\" }\n"
            text += "debt = { USDC = \"\(2_000 + index % 1_000)\" }\n"
        }
        return text
    }
}
