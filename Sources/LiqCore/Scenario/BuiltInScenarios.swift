/// Scenarios that ship inside the binary, written in the same TOML format as scenario files.
public enum BuiltInScenarios {
    public struct Entry: Sendable {
        public let name: String
        public let summary: String
        public let toml: String
    }

    public static let all: [Entry] = [
        Entry(name: "default",
              summary: "Aave v3 Ethereum parameters (2023-10-31 snapshot) with eight accounts around HF 1.0",
              toml: defaultTOML),
    ]

    public static func named(_ name: String) -> Entry? { all.first { $0.name == name } }

    /// Loads a built-in scenario; the file name in errors is `builtin:NAME`.
    public static func load(_ name: String) throws -> Scenario? {
        guard let entry = named(name) else { return nil }
        return try ScenarioLoader.load(text: entry.toml, file: "builtin:\(name)")
    }

    /// Reserve parameters and oracle prices from the Aave v3 Ethereum configuration snapshot of
    /// 2023-10-31 (bgd-labs/aave-proposals-v3 report; reference defi-mechanics §1.7).
    static let defaultTOML = """
    name = "default"
    description = "Aave v3 Ethereum parameters (2023-10-31 snapshot) with eight accounts around HF 1.0"
    rules = "aave-v3.3"

    [[assets]]
    symbol = "WETH"
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
