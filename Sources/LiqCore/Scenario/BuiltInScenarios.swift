/// Scenarios that ship inside the binary, written in the same TOML format as scenario files.
public enum BuiltInScenarios {
    public struct Entry: Sendable {
        public let name: String
        public let summary: String
        public let toml: String
    }

    public static let all: [Entry] =
        [
            Entry(name: "default", summary: defaultSummary, toml: defaultTOML),
            Entry(name: "eu-outage", summary: euOutageSummary, toml: euOutageTOML),
            Entry(name: "crash", summary: crashSummary, toml: crashTOML),
            Entry(name: "large", summary: largeSummary, toml: largeTOML),
        ] + history

    static let defaultSummary = "a calm day on Aave v3 Ethereum: 64 nodes, 5,000 borrowers, 3 bots"
    static let euOutageSummary = "Europe, the region with the most stake, goes down from 30 min to 90 min"
    static let crashSummary = "ETH falls 35 % within a minute at 10 min (wstETH, tracking it, too), the network healthy"
    static let largeSummary =
        "the default market at scale: 2,000 nodes, 1,000,000 borrowers, DEX pools 50× deeper, 3 bots"

    /// The default world with another name, scripted events, and some of its lines replaced.
    static func derived(
        name: String, summary: String, events: String, replacing lines: [String: String] = [:]
    ) -> String {
        var toml = defaultTOML.replacingOccurrences(of: "name = \"default\"", with: "name = \"\(name)\"")
            .replacingOccurrences(of: "description = \"\(defaultSummary)\"", with: "description = \"\(summary)\"")
        for (line, replacement) in lines.sorted(by: { $0.key < $1.key }) {
            precondition(toml.contains("\n\(line)\n"), "the default scenario has the line \(line)")
            toml = toml.replacingOccurrences(of: "\n\(line)\n", with: "\n\(replacement)\n")
        }
        return events.isEmpty ? toml : toml + "\n\n" + events
    }

    static var largeTOML: String {
        derived(
            name: "large", summary: largeSummary, events: "",
            replacing: [
                "nodes = 64": "nodes = 2000", "count = 5000": "count = 1000000",
                // DEX depth and arbitrage sized to a market 200 times the default's debt (×50: a
                // crash still strains them, as real ones do).
                "[market]": "[market]\narbitrage_budget_usd = 100000000\narbitrage_wallet_usd = 2000000000",
                "dex_liquidity_usd = 200000000": "dex_liquidity_usd = 10000000000",
                "dex_liquidity_usd = 50000000": "dex_liquidity_usd = 2500000000",
                "dex_liquidity_usd = 100000000": "dex_liquidity_usd = 5000000000",
            ])
    }

    static var euOutageTOML: String {
        derived(
            name: "eu-outage", summary: euOutageSummary,
            events: """
                [[events]]
                at_s = 1800
                kind = "outage"
                region = "eu"
                duration_s = 3600
                """)
    }

    static var crashTOML: String {
        derived(
            name: "crash", summary: crashSummary,
            events: """
                [[events]]
                at_s = 600
                kind = "shock"
                asset = "WETH"                    # wstETH tracks WETH: it falls with it
                percent = -35
                over_s = 60
                """)
    }

    public static func named(_ name: String) -> Entry? { all.first { $0.name == name } }

    /// Loads a built-in scenario; the file name in errors is `builtin:NAME`.
    public static func load(_ name: String) throws -> Scenario? {
        guard let entry = named(name) else { return nil }
        return try ScenarioLoader.load(text: entry.toml, file: "builtin:\(name)")
    }

    /// Reserve parameters and oracle prices from the Aave v3 Ethereum configuration snapshot of
    /// 2023-10-31 (bgd-labs/aave-proposals-v3 report; docs/mechanics.md).
    static let defaultTOML = """
        name = "default"
        description = "a calm day on Aave v3 Ethereum: 64 nodes, 5,000 borrowers, 3 bots"
        rules = "aave-v3.3"

        [clock]
        tick_ms = 1000
        slot_seconds = 12
        epoch_slots = 32

        [network]
        nodes = 64

        [market]
        correlation = 0.7
        jumps_per_day = 0.5

        [borrowers]
        count = 5000
        collateral = ["WETH", "wstETH", "WBTC"]
        debt = ["USDC", "USDT", "DAI"]
        median_debt_usd = 20000
        health_mean = 1.6
        health_sd = 0.35

        [bots]
        count = 3
        regions = ["eu", "na", "ap"]
        flash_loans = true

        [[assets]]
        symbol = "WETH"
        annual_volatility_bps = 7000
        dex_liquidity_usd = 200000000
        decimals = 18
        price_usd = "1816.85"
        ltv_bps = 8050
        liquidation_threshold_bps = 8300
        liquidation_bonus_bps = 10500
        liquidation_protocol_fee_bps = 1000
        reserve_factor_bps = 1500
        optimal_usage_ratio_bps = 8000
        base_variable_borrow_rate_bps = 0
        variable_rate_slope1_bps = 280
        variable_rate_slope2_bps = 8000

        [[assets]]
        symbol = "wstETH"
        tracks = "WETH"                   # its price is WETH's times the staking ratio (2080.52 / 1816.85)
        dex_liquidity_usd = 50000000
        decimals = 18
        price_usd = "2080.52"
        ltv_bps = 7850
        liquidation_threshold_bps = 8100
        liquidation_bonus_bps = 10600
        liquidation_protocol_fee_bps = 1000
        reserve_factor_bps = 1500
        optimal_usage_ratio_bps = 4500
        base_variable_borrow_rate_bps = 25
        variable_rate_slope1_bps = 450
        variable_rate_slope2_bps = 8000

        [[assets]]
        symbol = "WBTC"
        annual_volatility_bps = 5500
        dex_liquidity_usd = 100000000
        decimals = 8
        price_usd = "34814.14"
        ltv_bps = 7300
        liquidation_threshold_bps = 7800
        liquidation_bonus_bps = 10500
        liquidation_protocol_fee_bps = 1000
        reserve_factor_bps = 2000
        optimal_usage_ratio_bps = 4500
        base_variable_borrow_rate_bps = 0
        variable_rate_slope1_bps = 400
        variable_rate_slope2_bps = 30000

        [[assets]]
        symbol = "USDC"
        stable = true
        decimals = 6
        price_usd = "1"
        ltv_bps = 7700
        liquidation_threshold_bps = 8000
        liquidation_bonus_bps = 10450
        liquidation_protocol_fee_bps = 2000
        reserve_factor_bps = 1000
        optimal_usage_ratio_bps = 9000
        base_variable_borrow_rate_bps = 0
        variable_rate_slope1_bps = 350
        variable_rate_slope2_bps = 6000

        [[assets]]
        symbol = "USDT"
        stable = true
        decimals = 6
        price_usd = "1"
        ltv_bps = 7400
        liquidation_threshold_bps = 7600
        liquidation_bonus_bps = 10450
        liquidation_protocol_fee_bps = 1000
        reserve_factor_bps = 1000
        optimal_usage_ratio_bps = 8000
        base_variable_borrow_rate_bps = 0
        variable_rate_slope1_bps = 400
        variable_rate_slope2_bps = 7500

        [[assets]]
        symbol = "DAI"
        stable = true
        decimals = 18
        price_usd = "1"
        ltv_bps = 7700
        liquidation_threshold_bps = 8000
        liquidation_bonus_bps = 10500
        liquidation_protocol_fee_bps = 2000
        reserve_factor_bps = 1000
        optimal_usage_ratio_bps = 9000
        base_variable_borrow_rate_bps = 0
        variable_rate_slope1_bps = 500
        variable_rate_slope2_bps = 7500

        [[emode]]
        id = 1
        label = "ETH correlated"
        ltv_bps = 9000
        liquidation_threshold_bps = 9300
        liquidation_bonus_bps = 10100
        assets = ["WETH", "wstETH"]

        [[positions]]                  # healthy: HF ≈ 1.68
        id = "alice"
        collateral = { WETH = "10" }
        debt = { USDC = "9000" }

        [[positions]]                  # HF exactly 1.0: not liquidatable
        id = "bob"
        collateral = { WETH = "10" }
        debt = { USDC = "15079.855" }

        [[positions]]                  # HF ≈ 0.994: 50 % close factor
        id = "carol"
        collateral = { WETH = "12" }
        debt = { USDC = "18200" }

        [[positions]]                  # HF ≈ 0.936 (≤ 0.95): 100 % close factor
        id = "dave"
        collateral = { WBTC = "1" }
        debt = { USDT = "29000" }

        [[positions]]                  # under $2,000: 100 % close factor
        id = "erin"
        collateral = { WETH = "1" }
        debt = { DAI = "1510" }

        [[positions]]                  # underwater: collateral runs out, the rest is bad debt
        id = "frank"
        collateral = { WETH = "2" }
        debt = { USDC = "3800" }

        [[positions]]                  # eMode "ETH correlated": wstETH against WETH
        id = "grace"
        collateral = { wstETH = "10" }
        debt = { WETH = "10.7" }
        emode = 1

        [[positions]]                  # two collaterals, two debts
        id = "heidi"
        collateral = { WETH = "5", WBTC = "0.2" }
        debt = { USDC = "12000", DAI = "3000" }
        """
}
