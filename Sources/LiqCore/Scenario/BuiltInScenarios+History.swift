/// The crises every DeFi risk team studies, replayed on the default market from recorded price paths
/// (docs/mechanics.md, "History", gives the sources). The shapes are the historical ones; the market is
/// liqtop's default one, so the numbers are not the historical losses.
extension BuiltInScenarios {
    static let history: [Entry] = [
        Entry(name: "black-thursday", summary: blackThursdaySummary, toml: blackThursdayTOML),
        Entry(name: "compound-dai", summary: compoundDaiSummary, toml: compoundDaiTOML),
        Entry(name: "luna", summary: lunaSummary, toml: lunaTOML),
        Entry(name: "usdc-depeg", summary: usdcDepegSummary, toml: usdcDepegTOML),
        Entry(name: "arbitrum-sequencer", summary: arbitrumSequencerSummary, toml: arbitrumSequencerTOML),
        Entry(name: "steth-depeg", summary: stethDepegSummary, toml: stethDepegTOML),
    ]

    static let blackThursdaySummary =
        "12 March 2020: ETH $195.64 → $126.28 in 30 min, −43 % in 24 h, gas demand 6×; watch bots priced out"
    static let compoundDaiSummary =
        "26 Nov 2020: DAI's oracle spikes to $1.30 for an hour while ETH falls 8 %; watch DAI borrowers liquidated"
    static let lunaSummary =
        "May 2022: a LUNA-like collateral falls 99.9 % in 3 days, its oracle floored at $0.107; watch bad debt grow"
    static let usdcDepegSummary =
        "March 2023: USDC to $0.88 and DAI to $0.90 on day one, back within 72 h; watch stablecoin collateral go"

    static let stethDepegSummary =
        "June 2022: stETH slips to about 0.94 ETH over half a day; watch wstETH/WETH eMode loops go, not ETH longs"

    static let arbitrumSequencerSummary =
        "An L2 whose sequencer stalls 80 min while ETH falls 14 %; then a 1-hour grace period spares HF ≥ 0.95"

    /// Arbitrum's sequencer stall of about 80 minutes (June 2023); Aave's sentinel on its uptime feed.
    static var arbitrumSequencerTOML: String {
        derived(
            name: "arbitrum-sequencer", summary: arbitrumSequencerSummary,
            events: """
                [[events]]
                at_s = 600
                kind = "outage"
                region = "na"
                duration_s = 4800

                [[price_paths]]
                asset = "WETH"
                points = [[0, "1816.85"], [600, "1816.85"], [5400, "1562.49"]]
                """,
            replacing: ["[network]": "[l2]\nsequencer_region = \"na\"\ngrace_period_s = 3600\n\n[network]"])
    }

    /// ETH's path on 12–13 March 2020 (docs/mechanics.md, "History", gives the sources).
    static var blackThursdayTOML: String {
        derived(
            name: "black-thursday", summary: blackThursdaySummary,
            events: """
                [[price_paths]]
                asset = "WETH"
                points = [[0, "195.64"], [1800, "126.28"], [5400, "131.90"], [21600, "124.50"], [43200, "117.80"],
                          [72000, "113.50"], [86400, "111.52"]]
                """,
            replacing: [
                "price_usd = \"1816.85\"": "price_usd = \"195.64\"",
                "price_usd = \"2080.52\"": "price_usd = \"224.03\"",
                "[network]": "[network]\ngas_demand = 6",
            ])
    }

    /// DAI's Coinbase-fed oracle on 26 November 2020 (Compound's liquidations of DAI borrowers).
    static var compoundDaiTOML: String {
        derived(
            name: "compound-dai", summary: compoundDaiSummary,
            events: """
                [[price_paths]]
                asset = "DAI"
                points = [[0, "1"], [1800, "1"], [2400, "1.30"], [6000, "1.30"], [6600, "1"]]

                [[price_paths]]
                asset = "WETH"
                points = [[0, "1816.85"], [7200, "1671.50"]]
                """)
    }

    /// LUNA from about $80 to under $0.0001 between 9 and 12 May 2022; Chainlink's LUNA/USD aggregator had a
    /// minAnswer of $0.107, so feeds that used it stopped there (Venus, Blizz).
    static var lunaTOML: String {
        derived(
            name: "luna", summary: lunaSummary,
            events: """
                [[assets]]
                symbol = "LUNA"
                annual_volatility_bps = 10000
                dex_liquidity_usd = 20000000
                oracle_min_answer_usd = "0.107"
                decimals = 18
                price_usd = "80"
                ltv_bps = 5500
                liquidation_threshold_bps = 6500
                liquidation_bonus_bps = 11000
                liquidation_protocol_fee_bps = 1000
                reserve_factor_bps = 2000

                [[price_paths]]
                asset = "LUNA"
                points = [[0, "80"], [43200, "62"], [86400, "30"], [129600, "5"], [172800, "1"], [216000, "0.3"],
                          [259200, "0.08"]]
                """,
            replacing: ["collateral = [\"WETH\", \"wstETH\", \"WBTC\"]": "collateral = [\"WETH\", \"WBTC\", \"LUNA\"]"])
    }

    /// USDC after Silicon Valley Bank's failure, 10–13 March 2023 (DAI, backed by USDC, with it).
    static var usdcDepegTOML: String {
        derived(
            name: "usdc-depeg", summary: usdcDepegSummary,
            events: """
                [[price_paths]]
                asset = "USDC"
                points = [[0, "1"], [36000, "0.88"], [86400, "0.90"], [172800, "0.97"], [259200, "1"]]

                [[price_paths]]
                asset = "DAI"
                points = [[0, "1"], [36000, "0.90"], [86400, "0.91"], [172800, "0.98"], [259200, "1"]]
                """,
            replacing: [
                "collateral = [\"WETH\", \"wstETH\", \"WBTC\"]": "collateral = [\"WETH\", \"WBTC\", \"USDC\", \"DAI\"]",
                "debt = [\"USDC\", \"USDT\", \"DAI\"]": "debt = [\"USDT\"]",
            ])
    }

    /// stETH's discount to ETH in June 2022 (about 3 % on the 10th, 6 to 6.5 % at the low on the 13th and
    /// after), on the wstETH/WETH ratio; ETH's own price keeps its random process. A third of the borrowers
    /// are eMode loops, so the depeg, not the dollar price, is what liquidates most.
    static var stethDepegTOML: String {
        derived(
            name: "steth-depeg", summary: stethDepegSummary,
            events: """
                [[events]]
                at_s = 1800
                kind = "shock"
                asset = "wstETH"                  # a shock to a tracker moves its ratio to WETH: a depeg
                percent = -3
                over_s = 7200

                [[events]]
                at_s = 21600
                kind = "shock"
                asset = "wstETH"
                percent = -3.5
                over_s = 21600

                [[events]]
                at_s = 129600
                kind = "shock"
                asset = "wstETH"
                percent = 2
                over_s = 86400
                """,
            replacing: ["health_sd = 0.35": "health_sd = 0.35\nshares = { long = 0.6, short = 0.1, loop = 0.3 }"])
    }
}
