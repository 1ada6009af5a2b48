/// The keys of the protocol's side of a scenario: the file itself, the assets and their Aave parameters,
/// eMode categories, explicit positions, the L2 sequencer check and flash loans.
extension ScenarioKeys {
    package struct TopLevel: ScenarioKeySection {
        package let table = ""
        package let heading = "the top level"
        package let summary = "the scenario itself"
        let name = ScenarioKey.text("name", maxLength: 80, default: nil, "the scenario's name")
        let description = ScenarioKey.text(
            "description", maxLength: 200, default: "",
            "one line, shown by `liqtop scenarios`", defaultText: "empty")
        let rules = ScenarioKey.string(
            "rules", values: "`\"aave-v3.3\"` or `\"aave-v3.1\"`", default: "aave-v3.3",
            "the liquidation rule set (see docs/mechanics.md)")
    }

    package struct Assets: ScenarioKeySection {
        package let table = "assets"
        package let heading = "[[assets]]"
        package let summary = "one entry per reserve: its Aave parameters, then its market"
        let symbol = ScenarioKey.string(
            "symbol", values: "1 to 16 letters, digits, `.`, `_` or `-`; unique",
            default: nil, "the asset's symbol")
        let decimals = ScenarioKey.integer("decimals", 0...36, default: nil, "the token's decimals")
        let priceUSD = ScenarioKey<Void>.documented(
            "price_usd", values: "more than 0, at most 10^22, 8 decimals", defaultText: "required",
            "the oracle's price in USD, held with 8 decimals as Aave's base currency is")
        let ltv = ScenarioKey.basisPoints(
            "ltv_bps", default: 0, "loan to value, used for borrowing; at most the threshold")
        let liquidationThreshold = ScenarioKey.basisPoints(
            "liquidation_threshold_bps", default: 0, "used for the health factor; 0 means it cannot be collateral")
        let liquidationBonus = ScenarioKey.basisPoints(
            "liquidation_bonus_bps", max: 20_000, default: 10_000,
            "Aave's form, 10500 is a 5 % bonus; above 10000 for collateral, and threshold × bonus ≤ 100 %")
        let liquidationProtocolFee = ScenarioKey.basisPoints(
            "liquidation_protocol_fee_bps", default: 0, "the protocol's share of the bonus")
        let reserveFactor = ScenarioKey.basisPoints(
            "reserve_factor_bps", default: 1_000, "the treasury's share of interest")
        let optimalUsageRatio = ScenarioKey.integer(
            "optimal_usage_ratio_bps", 100...9_900, default: 8_000, "the kink of the two-slope rate model, bps")
        let baseVariableBorrowRate = ScenarioKey.basisPoints(
            "base_variable_borrow_rate_bps", max: 100_000, default: 0, "the rate at 0 % usage")
        let variableRateSlope1 = ScenarioKey.basisPoints(
            "variable_rate_slope1_bps", max: 100_000, default: 400, "the rate's rise up to the kink")
        let variableRateSlope2 = ScenarioKey.basisPoints(
            "variable_rate_slope2_bps", max: 100_000, default: 7_500,
            "the rise beyond the kink; at least slope1, and base + slope1 + slope2 ≤ 1000 %")
        let totalSupplied = ScenarioKey<Void>.documented(
            "total_supplied", values: "an amount in the asset's units",
            defaultText: "the positions' collateral + 2 × their debt", "everything supplied to the reserve")
        let stable = ScenarioKey.flag("stable", default: false, "a stablecoin: its true price reverts to $1")
        let volatility = ScenarioKey.integer(
            "annual_volatility_bps", 0...100_000, default: 6_000, stable: 0, "annual volatility of the true price, bps")
        let heartbeat = ScenarioKey.integer(
            "oracle_heartbeat_s", 1...604_800, default: 3_600, stable: 86_400,
            "seconds after which the feed's reporter posts an update anyway")
        let deviation = ScenarioKey.integer(
            "oracle_deviation_bps", 1...10_000, default: 50, stable: 25,
            "a move of the true price from the feed's that makes the reporter post, bps")
        let oracleRegion = ScenarioKey.string(
            "oracle_region", values: "na, eu, sa, ap, jp or au", default: nil, "where the feed's reporter runs",
            defaultText: "the region with the most nodes")
        let tracks = ScenarioKey.string(
            "tracks", values: "a listed symbol that does not itself track another", default: nil,
            "the asset whose true price this one follows, times `tracks_ratio` (wstETH tracks WETH); a shock to the "
                + "tracked asset moves both, a shock to this one alone moves the ratio (a depeg)",
            defaultText: "none")
        let tracksRatio = ScenarioKey<Void>.documented(
            "tracks_ratio", values: "more than 0, at most 18 decimals", defaultText: "the two `price_usd` divided",
            "this asset's price over the tracked one's")
        let oracleMinAnswer = ScenarioKey<Void>.documented(
            "oracle_min_answer_usd", values: "more than 0, 8 decimals", defaultText: "none",
            "the feed's floor: below it the feed reports this price (Chainlink's minAnswer; LUNA, May 2022)")
        let oracleMaxAnswer = ScenarioKey<Void>.documented(
            "oracle_max_answer_usd", values: "above the floor, 8 decimals", defaultText: "none",
            "the feed's ceiling: above it the feed reports this price")
        let dexLiquidity = ScenarioKey.dollars(
            "dex_liquidity_usd", 0...1_000_000_000_000, default: 0,
            "both sides of the asset's pool against the first stablecoin; 0 for no pool")
    }

    package struct EModes: ScenarioKeySection {
        package let table = "emode"
        package let heading = "[[emode]]"
        package let summary = "efficiency-mode categories"
        let id = ScenarioKey.integer("id", 1...255, default: nil, "the category's id; unique")
        let label = ScenarioKey.text(
            "label", maxLength: 40, default: nil, "a name for the category",
            defaultText: "\"category N\"")
        let ltv = ScenarioKey.basisPoints("ltv_bps", default: nil, "the category's LTV")
        let liquidationThreshold = ScenarioKey.basisPoints(
            "liquidation_threshold_bps", default: nil, "the category's threshold; more than 0")
        let liquidationBonus = ScenarioKey.basisPoints(
            "liquidation_bonus_bps", max: 20_000, default: nil, "the category's bonus; above 10000")
        let assets = ScenarioKey.strings("assets", values: "listed symbols", default: nil, "the assets in the category")
    }

    package struct Positions: ScenarioKeySection {
        package let table = "positions"
        package let heading = "[[positions]]"
        package let summary = "explicit accounts"
        let id = ScenarioKey.text("id", maxLength: 64, default: nil, "the account's id; unique, not empty")
        let collateral = ScenarioKey<Void>.documented(
            "collateral", values: "an inline table `{ SYMBOL = amount }`", defaultText: "empty",
            "what the account supplies")
        let debt = ScenarioKey<Void>.documented(
            "debt", values: "an inline table `{ SYMBOL = amount }`", defaultText: "empty", "what the account borrows")
        let eMode = ScenarioKey.integer("emode", 0...255, default: 0, "the account's eMode category; 0 for none")
    }

    package struct MarketData: ScenarioKeySection {
        package let table = "market_data"
        package let heading = "[market_data]"
        package let summary =
            "a real Aave v3 market as its data provider exports it (docs/real-markets.md); its reserves become the "
            + "assets, which `[[assets]]` entries with the same `symbol` may override, and its users the accounts"
        let reserves = ScenarioKey.string(
            "reserves", values: "a path, relative to the scenario file", default: nil,
            "the reserves file: `getReservesData`'s reserves and base currency, and `getEModes`, in JSON")
        let users = ScenarioKey.string(
            "users", values: "a path, relative to the scenario file", default: nil,
            "the users file: one `getUserReservesData` per line (JSON lines)")
        let timestamp = ScenarioKey.integer(
            "timestamp", 0...1_099_511_627_775, default: nil,
            "Unix seconds: the moment to evaluate, the pool's time 0; indexes accrue to it")
    }

    package struct L2: ScenarioKeySection {
        package let table = "l2"
        package let heading = "[l2]"
        package let summary =
            "an L2: one sequencer instead of proposers, and Aave's PriceOracleSentinel on its uptime feed"
        let sequencerRegion = ScenarioKey.string(
            "sequencer_region", values: "na, eu, sa, ap, jp or au", default: nil, "where the sequencer runs")
        let gracePeriod = ScenarioKey.integer(
            "grace_period_s", 0...86_400, default: 3_600,
            "seconds after the sequencer returns during which only HF < 0.95 may be liquidated, and nobody borrows")
    }

    /// Aave Governance v2's short executor, as its README publishes it: proposals are voted for 3 days, wait
    /// 1 day in the timelock, and must be executed within 5 days after; a voting delay of 1 day (7,200
    /// blocks) came with BGD's update of the long executor. The long executor: a 10-day vote, a 7-day delay.
    package struct Governance: ScenarioKeySection {
        package let table = "governance"
        package let heading = "[governance]"
        package let summary = "how long a proposal takes: Aave Governance v2's short executor by default"
        let votingDelay = ScenarioKey.integer(
            "voting_delay_s", 0...31_536_000, default: 86_400, "from the proposal to the start of the vote")
        let voting = ScenarioKey.integer(
            "voting_s", 1...31_536_000, default: 259_200, "the vote (votes are not modelled: it passes)")
        let timelock = ScenarioKey.integer(
            "timelock_s", 0...31_536_000, default: 86_400, "from the end of the vote until it may execute")
        let grace = ScenarioKey.integer(
            "grace_s", 1...31_536_000, default: 432_000,
            "how long it may execute after that, by a transaction in a block; then it expires")
    }

    package struct OracleSentinel: ScenarioKeySection {
        package let table = "oracle_sentinel"
        package let heading = "[oracle_sentinel]"
        package let summary = "an L2 sequencer uptime check (Aave's PriceOracleSentinel)"
        let sequencerUp = ScenarioKey.flag("sequencer_up", default: true, "the sequencer is up")
        let secondsSinceUp = ScenarioKey.integer(
            "seconds_since_up", 0...Int.max, default: 0,
            "seconds since it came up")
        let gracePeriod = ScenarioKey.integer(
            "grace_period_s", 0...Int.max, default: 3_600,
            "seconds after coming up during which only HF < 0.95 may be liquidated")
    }

    package struct FlashLoans: ScenarioKeySection {
        package let table = "flash_loans"
        package let heading = "[flash_loans]"
        package let summary = "the pool's flash-loan premium"
        let premium = ScenarioKey.basisPoints("premium_bps", default: 5, "the premium on a flash loan")
        let premiumToProtocol = ScenarioKey.basisPoints(
            "premium_to_protocol_bps", default: 4, "the protocol's share of the premium")
    }
}
