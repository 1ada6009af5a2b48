import Testing

@testable import LiqCore

/// `tracks`: an asset whose true price follows another's times a ratio (wstETH and ETH). A shock to the
/// tracked asset moves both; a shock to the tracker alone moves the ratio (a depeg).
@Suite struct TrackingTests {
    static let text = """
        name = "tracking"
        [market]
        jumps_per_day = 0
        [[assets]]
        symbol = "WETH"
        decimals = 18
        price_usd = "2000"
        liquidation_threshold_bps = 8300
        liquidation_bonus_bps = 10500
        [[assets]]
        symbol = "wstETH"
        decimals = 18
        price_usd = "2300"
        liquidation_threshold_bps = 8100
        liquidation_bonus_bps = 10600
        tracks = "WETH"
        [[assets]]
        symbol = "USDC"
        decimals = 6
        price_usd = "1"
        stable = true
        """

    static let wad: UInt128 = 1_000_000_000_000_000_000

    @Test func theRatioDefaultsToTheTwoPricesAndIsReadExactly() throws {
        let scenario = try ScenarioLoader.load(text: Self.text, file: "t.toml")
        #expect(scenario.simulation.assets[1].tracks == 0)
        #expect(scenario.simulation.assets[1].tracksRatioWad == 1_150_000_000_000_000_000) // 2300 / 2000
        let explicit = try ScenarioLoader.load(
            text: Self.text.replacingOccurrences(
                of: "tracks = \"WETH\"",
                with: "tracks = \"WETH\"\ntracks_ratio = \"1.123456789012345678\""),
            file: "t.toml")
        #expect(explicit.simulation.assets[1].tracksRatioWad == 1_123_456_789_012_345_678)
    }

    @Test(arguments: [
        ("tracks = \"WETH\"", "tracks = \"WBTC\"", "assets[1].tracks: \"WBTC\" is not a listed asset"),
        ("tracks = \"WETH\"", "tracks = \"wstETH\"", "assets[1].tracks: an asset cannot track itself"),
        ("tracks = \"WETH\"", "tracks = \"USDC\"", "assets[1].tracks: USDC is a stablecoin"),
        (
            "tracks = \"WETH\"", "tracks = \"WETH\"\nannual_volatility_bps = 100",
            "assets[1].annual_volatility_bps: this asset tracks \"WETH\""
        ),
        ("tracks = \"WETH\"", "tracks = \"WETH\"\ntracks_ratio = 0", "assets[1].tracks_ratio: must be more than 0"),
        ("tracks = \"WETH\"", "tracks_ratio = 1.1", "assets[1].tracks_ratio: needs `tracks`"),
        (
            "liquidation_bonus_bps = 10500\n", "liquidation_bonus_bps = 10500\ntracks = \"wstETH\"\n",
            "assets[0].tracks: wstETH tracks another asset itself"
        ),
    ])
    func badTrackingIsAnErrorOnItsKey(original: String, replacement: String, message: String) {
        do {
            _ = try ScenarioLoader.load(
                text: Self.text.replacingOccurrences(of: original, with: replacement), file: "t.toml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains(message), "\(error.description)")
        }
    }

    func expectTracking(_ world: World, ratio: UInt128, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(world.tracking[1]?.ratioWad == ratio, sourceLocation: sourceLocation)
        #expect(world.truePrices[1] == world.truePrices[0] * ratio / Self.wad, sourceLocation: sourceLocation)
    }

    @Test func theTrackerFollowsTheMarketAShockToTheTrackedAssetAndItsOwnDepeg() throws {
        var engine = try Engine(scenario: try ScenarioLoader.load(text: Self.text, file: "t.toml"), seed: 5)
        let ratio: UInt128 = 1_150_000_000_000_000_000
        for _ in 0..<30 { try engine.step() }
        expectTracking(engine.world, ratio: ratio)
        #expect(engine.world.truePrices[0] != 200_000_000_000, "the market moved")

        // −35 % on WETH: wstETH falls with it, the ratio unchanged; the event says so.
        let weth = engine.world.truePrices[0]
        let events = engine.apply(.shock(asset: 0, percentBps: -3_500, overSeconds: 0))
        #expect(engine.world.truePrices[0] == PriceProcess.quantize(Double(weth) / 1e8 * 0.65))
        expectTracking(engine.world, ratio: ratio)
        #expect(events.first?.message.hasSuffix("WETH −35 %, wstETH with it") == true, "\(events.first?.message ?? "")")
        #expect(engine.world.assetsMoved(byShockTo: 0) == [0, 1])

        // −10 % on wstETH alone: a depeg; WETH stays.
        let before = engine.world.truePrices[0]
        engine.apply(.shock(asset: 1, percentBps: -1_000, overSeconds: 0))
        #expect(engine.world.truePrices[0] == before)
        expectTracking(engine.world, ratio: 1_035_000_000_000_000_000)
        #expect(engine.world.assetsMoved(byShockTo: 1) == [1])

        // A spread shock on WETH carries wstETH tick by tick; a set price on wstETH resets its ratio.
        engine.apply(.shock(asset: 0, percentBps: -2_000, overSeconds: 10))
        for _ in 0..<12 { try engine.step() }
        expectTracking(engine.world, ratio: 1_035_000_000_000_000_000)
        engine.apply(.setPrice(asset: 1, price: engine.world.truePrices[0] * 2))
        expectTracking(engine.world, ratio: 2 * Self.wad)
    }
}
