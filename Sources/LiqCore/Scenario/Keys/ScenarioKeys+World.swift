/// The keys of the moving world: clock, network, market, generated borrowers, bots and scripted events.
extension ScenarioKeys {
    package struct Clock: ScenarioKeySection {
        package let table = "clock"
        package let heading = "[clock]"
        package let summary = "simulated time"
        let tickMs = ScenarioKey.integer(
            "tick_ms", 10...3_600_000, default: 1_000,
            "simulated milliseconds per tick; at most a slot")
        let slotSeconds = ScenarioKey.integer("slot_seconds", 1...600, default: 12, "a slot's length in seconds")
        let epochSlots = ScenarioKey.integer("epoch_slots", 1...1_024, default: 32, "slots per epoch")
    }

    package struct Network: ScenarioKeySection {
        package let table = "network"
        package let heading = "[network]"
        package let summary = "the nodes and where they run"
        let nodes = ScenarioKey.integer("nodes", 1...20_000, default: 64, "number of nodes")
        let validatorShare = ScenarioKey.number(
            "validator_share", 0.01...1, default: 0.5, "share of nodes that run validators (each 1 to 64 × 32 ETH)")
        let blockBytes = ScenarioKey.integer(
            "block_bytes", 1_000...10_000_000, default: 120_000,
            "a full block's size (a compact block of 18 KB is used on 96.4 % of hops)")
        let gasDemand = ScenarioKey.number(
            "gas_demand", 0.1...20, default: 1,
            "everyone else's gas demand, in gas targets at the starting base fee (6: Black Thursday's congestion)")
        let gasAsset = ScenarioKey.string(
            "gas_asset", values: "a listed symbol", default: nil, "the asset gas is paid in, which prices gas in USD",
            defaultText: "the asset named WETH or ETH")
        let regionShares = ScenarioKey<Void>.documented(
            "region_shares", values: "a table `{ na = 0.33, eu = 0.5, … }`, each 0 to 1",
            defaultText: "SimBlock's Bitcoin 2019 shares", "the share of nodes per region")
    }

    package struct Market: ScenarioKeySection {
        package let table = "market"
        package let heading = "[market]"
        package let summary = "how true prices move, and the arbitrageur"
        let correlation = ScenarioKey.number(
            "correlation", 0...1, default: 0.7, "pairwise correlation of the volatile assets' moves")
        let jumpsPerDay = ScenarioKey.number("jumps_per_day", 0...1_000, default: 0.5, "expected price jumps per day")
        let jumpSize = ScenarioKey.number("jump_size", 0...1, default: 0.02, "the jumps' standard deviation")
        let arbitrageBudget = ScenarioKey.dollars(
            "arbitrage_budget_usd", 0...1_000_000_000_000, default: 2_000_000,
            "the most the arbitrageur trades per pool per block")
        let arbitrageWallet = ScenarioKey.dollars(
            "arbitrage_wallet_usd", 0...1_000_000_000_000, default: 20_000_000,
            "what the arbitrageur holds of each asset at the start")
    }

    package struct Borrowers: ScenarioKeySection {
        package let table = "borrowers"
        package let heading = "[borrowers]"
        package let summary = "generated borrowers, beside `[[positions]]`"
        let count = ScenarioKey.integer("count", 0...2_000_000, default: 0, "how many")
        let collateral = ScenarioKey.strings(
            "collateral", values: "listed symbols with a liquidation threshold", default: nil,
            "the assets they supply; required with `count`")
        let debt = ScenarioKey.strings(
            "debt", values: "listed symbols", default: nil,
            "the assets they borrow; required with `count`")
        let medianDebt = ScenarioKey.number("median_debt_usd", 1...1e9, default: 20_000, "the median debt, USD")
        let sizeSigma = ScenarioKey.number("size_sigma", 0...5, default: 1, "the spread of the log-normal debt size")
        let healthMean = ScenarioKey.number("health_mean", 0.5...100, default: 1.6, "the mean initial health factor")
        let healthSD = ScenarioKey.number("health_sd", 0...10, default: 0.35, "its standard deviation")
        let healthMin = ScenarioKey.number("health_min", 0.1...100, default: 1.02, "the lowest initial health factor")
        let defendShare = ScenarioKey.number(
            "defend_share", 0...1, default: 0.3, "share of borrowers who repay part of their debt to defend it")
        let defendBelow = ScenarioKey.number("defend_below", 0...10, default: 1.05, "the health factor they defend")
        let loopHealthMean = ScenarioKey.number(
            "loop_health_mean", 0.5...100, default: 1.08,
            "loops' mean initial health factor (1.08 in a 93 % eMode is about 7× leverage)")
        let loopHealthSD = ScenarioKey.number("loop_health_sd", 0...10, default: 0.04, "its standard deviation")
        let shares = ScenarioKey<Void>.documented(
            "shares", values: "a table `{ long = 0.7, short = 0.1, loop = 0.2 }`, each 0 to 1, scaled to add up to 1",
            defaultText: "all long",
            "the mix of shapes: long (collateral from `collateral`, debt from `debt`), short (a stablecoin of `debt` "
                + "supplied, a volatile asset of `collateral` borrowed), loop (an asset of `collateral` that tracks "
                + "another supplied, that one borrowed, in their eMode category)")
    }

    package struct Bots: ScenarioKeySection {
        package let table = "bots"
        package let heading = "[bots]"
        package let summary = "liquidator bots"
        let count = ScenarioKey.integer("count", 0...100, default: 3, "how many")
        let regions = ScenarioKey.strings(
            "regions", values: "na, eu, sa, ap, jp or au", default: ["eu", "na", "ap"],
            "their host regions, cycled over the bots")
        let minimumProfit = ScenarioKey.dollars(
            "min_profit_usd", 0...1_000_000_000, default: 20, "the least profit worth a transaction")
        let aggressiveness = ScenarioKey.basisPoints(
            "aggressiveness_bps", default: 2_000, "the share of expected profit bid as priority fee")
        let wallet = ScenarioKey.dollars(
            "wallet_usd", 0...1_000_000_000_000, default: 50_000_000, "each bot's inventory per asset")
        let enabled = ScenarioKey.flag("enabled", default: true, "whether the bots start switched on")
        let flashLoans = ScenarioKey.flag(
            "flash_loans", default: false,
            "fund a liquidation with a flash loan of the debt, repaid by selling the collateral on a DEX pool pairing "
                + "the two"
        )
    }

    package struct PricePaths: ScenarioKeySection {
        package let table = "price_paths"
        package let heading = "[[price_paths]]"
        package let summary = "recorded prices an asset follows instead of its random process (docs/mechanics.md)"
        let asset = ScenarioKey.string("asset", values: "a listed symbol; one path each", default: nil, "the asset")
        let points = ScenarioKey<Void>.documented(
            "points", values: "`[[seconds, \"price\"], …]`, the first at 0, times increasing",
            defaultText: "required unless `file`", "the path: USD prices at seconds from the start, linear between")
        let file = ScenarioKey.string(
            "file", values: "a CSV path, relative to the scenario file", default: nil,
            "the path as a file: a header, then `t_s,price_usd` rows", defaultText: "none")
        let noise = ScenarioKey.flag(
            "noise", default: false, "the asset's volatility as noise around the path (reverting within an hour)")
    }

    package struct Events: ScenarioKeySection {
        package let table = "events"
        package let heading = "[[events]]"
        package let summary = "scripted commands; the kinds and the keys each takes are listed below"
        let at = ScenarioKey.number("at_s", 0...1e9, default: nil, "when, in simulated seconds")
        let kind = ScenarioKey.string("kind", values: "an event kind (below)", default: nil, "what happens")
        let duration = ScenarioKey.number(
            "duration_s", 0.001...1e9, default: nil,
            "for a fault: when it recovers (an intrusion: when it is detected)",
            defaultText: "it lasts")
        let asset = ScenarioKey.string("asset", values: "a listed symbol", default: nil, "the asset")
        let percent = ScenarioKey.number("percent", -99.99...1_000, default: nil, "a shock's move, for example -35")
        let over = ScenarioKey.number("over_s", 0...1e7, default: 0, "seconds a shock is spread over; 0 is instant")
        let price = ScenarioKey<Void>.documented(
            "price_usd", values: "as `[[assets]]` `price_usd`", defaultText: "required", "the price to set")
        let region = ScenarioKey.string("region", values: "na, eu, sa, ap, jp or au", default: nil, "the region")
        let regions = ScenarioKey.strings(
            "regions", values: "two different regions, `[\"eu\", \"na\"]`", default: nil, "a link's two ends")
        let factor = ScenarioKey.number("factor", 1...1_000, default: 3, "how many times slower a degraded link is")
        let milliseconds = ScenarioKey.integer("ms", 1...60_000, default: nil, "a latency spike's extra delay")
        let dataCenter = ScenarioKey.string(
            "datacenter", values: "provider-region, e.g. `\"aws-eu\"`", default: nil,
            "the site that loses power or is intruded")
        let offset = ScenarioKey.number(
            "offset_percent", -99.99...1_000, default: -30,
            "an intrusion: how far from the market its oracle reporters post, in per cent")
        let generatorDelay = ScenarioKey.number(
            "generator_delay_s", 0...86_400, default: nil, "overrides the site's generator start-up delay",
            defaultText: "the site's")
        let generator = ScenarioKey.flag(
            "generator", default: nil, "false: the site has no generator",
            defaultText: "the site's")
        let node = ScenarioKey<Void>.documented(
            "node", values: "a node's index, 0 to nodes − 1", defaultText: "required", "the node that crashes")
        let enabled = ScenarioKey.flag("enabled", default: nil, "bots on or off")
        let ltv = ScenarioKey.basisPoints("ltv_bps", default: nil, "a proposal: the asset's new LTV")
        let liquidationThreshold = ScenarioKey.basisPoints(
            "liquidation_threshold_bps", default: nil, "a proposal: its new liquidation threshold")
        let liquidationBonus = ScenarioKey.basisPoints(
            "liquidation_bonus_bps", max: 20_000, default: nil, "a proposal: its new liquidation bonus (10500 is 5 %)")
        let protocolFee = ScenarioKey.basisPoints(
            "liquidation_protocol_fee_bps", default: nil, "a proposal: its new liquidation protocol fee")
        let reserveFactor = ScenarioKey.basisPoints(
            "reserve_factor_bps", default: nil, "a proposal: its new reserve factor")
        let steward = ScenarioKey.flag(
            "steward", default: false,
            "a proposal: made by the risk steward (no vote, next block; within its bounds) instead of governance")
        let paused = ScenarioKey.flag(
            "paused", default: nil, "a proposal: pause the reserve (no liquidation, repayment or flash loan) or not")
    }
}
