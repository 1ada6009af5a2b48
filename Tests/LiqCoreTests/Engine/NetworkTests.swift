import Testing

@testable import LiqCore

@Suite struct NetworkTests {
    @Test func regionIdsAreCaseInsensitive() {
        #expect(Region(id: "EU") == .eu)
        #expect(Region(id: "Jp") == .jp)
        #expect(Region(id: "europe") == nil)
        #expect(Region.allCases.map(\.id) == ["na", "eu", "sa", "ap", "jp", "au"])
    }

    @Test func bandwidthIsTheSlowerOfUploadAndDownload() {
        // SimBlock: min(UPLOAD[from], DOWNLOAD[to]). SA uploads 5.8 Mbit/s, EU downloads 40.
        #expect(Region.bandwidth(from: .sa, to: .eu) == 5_800_000)
        #expect(Region.bandwidth(from: .eu, to: .sa) == 18_000_000)
        // 535 kB from NA to EU at 19.2 Mbit/s: 535,000 × 8 / 19,200 = 222 ms + 2 ms (reference: ≈ 0.22 s).
        #expect(Network.transferMs(bytes: 535_000, from: .na, to: .eu) == 224)
    }

    @Test func apportionmentKeepsTheTotal() {
        #expect(TopologyBuilder.apportion(64, shares: Region.nodeShare2019) == [21, 32, 1, 8, 1, 1])
        #expect(TopologyBuilder.apportion(10, shares: [1, 1, 1]).reduce(0, +) == 10)
    }

    @Test func topologyHasTheRequestedNodesAndSymmetricPeers() {
        var rng = SeededGenerator(seed: 7)
        var configuration = NetworkConfiguration()
        configuration.nodeCount = 200
        let network = TopologyBuilder.build(configuration, using: &rng)
        #expect(network.nodes.count == 200)
        #expect(network.nodes.filter { $0.region == .eu }.count == 100) // 49.98 % of 200
        for node in network.nodes {
            #expect(!node.peers.isEmpty)
            for peer in node.peers { #expect(network.nodes[peer].peers.contains(node.id)) }
            #expect(network.dataCenters[node.dataCenter].region == node.region)
        }
        #expect(network.nodes.contains { $0.stake > 0 })
    }

    @Test func latencyJitterKeepsTheTableMean() {
        var rng = SeededGenerator(seed: 3)
        var configuration = NetworkConfiguration()
        configuration.nodeCount = 6
        let network = TopologyBuilder.build(configuration, using: &rng)
        var total = 0
        let samples = 20_000
        for _ in 0..<samples { total += network.sampleLatency(.na, .eu, using: &rng) }
        let mean = Double(total) / Double(samples)
        // Pareto with minimum mean − 5: the sample mean sits near 124 ms, and no sample is below 119.
        #expect(abs(mean - 124) < 4)
    }

    @Test func gossipReachesEveryNodeUnlessCutOff() {
        var rng = SeededGenerator(seed: 11)
        var configuration = NetworkConfiguration()
        configuration.nodeCount = 120
        var network = TopologyBuilder.build(configuration, using: &rng)
        let origin = network.nodes.firstIndex { $0.region == .na }!
        let arrivals = Gossip.propagate(in: network, from: origin, at: 0, blockBytes: 120_000, using: &rng)
        #expect(arrivals.allSatisfy { $0 != nil })
        #expect(arrivals[origin] == 0)
        // Cut Europe off from every other region: no European node hears an American block.
        for region in Region.allCases where region != .eu {
            network.links[Region.eu.rawValue][region.rawValue].cut = true
            network.links[region.rawValue][Region.eu.rawValue].cut = true
        }
        let partitioned = Gossip.propagate(in: network, from: origin, at: 0, blockBytes: 120_000, using: &rng)
        for node in network.nodes.indices {
            #expect((partitioned[node] == nil) == (network.nodes[node].region == .eu))
        }
        // A region outage: its nodes are down and never receive.
        network = TopologyBuilder.build(configuration, using: &rng)
        network.regionDown[Region.na.rawValue] = true
        let fromEurope = network.nodes.firstIndex { $0.region == .eu }!
        let outage = Gossip.propagate(in: network, from: fromEurope, at: 0, blockBytes: 120_000, using: &rng)
        for node in network.nodes.indices where network.nodes[node].region == .na { #expect(outage[node] == nil) }
    }

    @Test func generatorsTakeOverAfterTheirDelay() {
        var center = DataCenter(id: 0, name: "aws-eu", provider: "aws", region: .eu, generatorDelayMs: 10_000)
        center.powered = false
        center.powerLostAtMs = 5_000
        #expect(!center.hasPower(at: 14_999))
        #expect(center.hasPower(at: 15_000))
        center.generatorDelayMs = nil
        #expect(!center.hasPower(at: 1_000_000))
    }
}

@Suite struct ChainAndMarketTests {
    @Test func baseFeeMovesByAnEighthAtMost() {
        // EIP-1559: a full block raises the base fee 12.5 %, an empty one lowers it 12.5 %.
        #expect(FeeMarket.nextBaseFee(10_000_000_000, gasUsed: 30_000_000) == 11_250_000_000)
        #expect(FeeMarket.nextBaseFee(10_000_000_000, gasUsed: 0) == 8_750_000_000)
        #expect(FeeMarket.nextBaseFee(10_000_000_000, gasUsed: 15_000_000) == 10_000_000_000)
    }

    @Test func uniswapAmountOutMatchesTheReferenceTable() throws {
        // Uniswap v2 getAmountOut, worked by hand: pool 10,000 ETH / 30,000,000 USDC.
        let eth: UInt128 = 1_000_000_000_000_000_000
        #expect(
            try DexPool.amountOut(10 * eth, reserveIn: 10_000 * eth, reserveOut: 30_000_000_000_000) == 29_880_209_431)
        #expect(
            try DexPool.amountOut(500 * eth, reserveIn: 10_000 * eth, reserveOut: 30_000_000_000_000)
                == 1_424_489_212_744)
        var pool = DexPool(asset: 0, stable: 1, assetReserve: 10_000 * eth, stableReserve: 30_000_000_000_000)
        let out = try pool.sellAsset(10 * eth)
        #expect(pool.assetReserve == 10_010 * eth)
        #expect(pool.stableReserve == 30_000_000_000_000 - out)
    }

    @Test func oracleUpdatesOnDeviationOrHeartbeat() {
        let feed = OracleFeed(asset: 0, reporter: 0, heartbeatMs: 3_600_000, deviationBps: 50)
        // 0.5 % of $2,000 is $10.
        #expect(!feed.wantsUpdate(truePrice: 200_999_999_999, onChain: 200_000_000_000, at: 1_000))
        #expect(feed.wantsUpdate(truePrice: 201_000_000_000, onChain: 200_000_000_000, at: 1_000))
        #expect(feed.wantsUpdate(truePrice: 199_000_000_000, onChain: 200_000_000_000, at: 1_000))
        #expect(feed.wantsUpdate(truePrice: 200_000_000_000, onChain: 200_000_000_000, at: 3_600_000))
        var frozen = feed
        frozen.frozen = true
        #expect(!frozen.wantsUpdate(truePrice: 100_000_000_000, onChain: 200_000_000_000, at: 9_999_999))
    }

    @Test func arbitragePullsThePoolTowardTheTruePrice() throws {
        let eth: UInt128 = 1_000_000_000_000_000_000
        // Pool at $3,000 while the true price is $2,000: the arbitrageur sells ETH into it.
        var pool = DexPool(asset: 0, stable: 1, assetReserve: 10_000 * eth, stableReserve: 30_000_000_000_000)
        var arbitrageur = Arbitrageur(
            wallet: [100_000 * eth, 100_000_000_000_000], budgetPerBlock: 100_000_000_000_000)
        let units: [UInt128] = [eth, 1_000_000]
        let trade = try #require(try arbitrageur.plan(pool, truePrices: [200_000_000_000, 100_000_000], units: units))
        guard case .sellAsset = trade else {
            Issue.record("a pool above the true price sells the asset: \(trade)")
            return
        }
        try arbitrageur.execute(trade, on: &pool)
        let mid = pool.midPrice(assetUnit: eth, stableUnit: 1_000_000, stablePrice: 100_000_000)
        #expect(abs(mid - 2_000) < 10)
        // Tokens only moved between the wallet and the pool.
        #expect(arbitrageur.wallet[0] + pool.assetReserve == 110_000 * eth)
        #expect(arbitrageur.wallet[1] + pool.stableReserve == 130_000_000_000_000)
    }

    @Test func deterministicMathMatchesKnownValues() {
        #expect(abs(DeterministicMath.log(2) - 0.6931471805599453) < 1e-15)
        #expect(abs(DeterministicMath.exp(1) - 2.718281828459045) < 1e-14)
        #expect(abs(DeterministicMath.pow(0.5, 0.25) - 0.8408964152537145) < 1e-14)
    }
}

@Suite struct FeeMarketTests {
    /// EIP-1559: a transaction whose fee cap is below the base fee waits; one whose cap covers it is included.
    @Test func theFeeCapGatesInclusion() {
        var chain = Chain(slotMs: 12_000, epochSlots: 32)
        chain.baseFeeWei = 10_000_000_000
        let cheap = chain.submit(
            .repay(account: 0, reserve: 0, amount: 1), origin: 0, at: 0, priorityFeeGwei: 1, gas: 100_000)
        let generous = chain.submit(
            .repay(account: 1, reserve: 0, amount: 1), origin: 0, at: 0, priorityFeeGwei: 1, gas: 100_000,
            baseFeeHeadroom: 10)
        // Wallet rule: maxFee = 2 × base fee + priority fee.
        #expect(chain.mempool[0].maxFeeWei == 21_000_000_000)
        #expect(chain.mempool[1].maxFeeWei == 101_000_000_000)
        chain.baseFeeWei = 50_000_000_000
        let paths: [[Double?]] = Array(
            repeating: Array(repeating: 0, count: Region.allCases.count), count: Region.allCases.count)
        let chosen = chain.selectTransactions(proposerRegion: .eu, cutoffMs: 1_000, paths: paths, origins: [.eu, .eu])
        #expect(chosen.map { chain.mempool[$0].id } == [generous])
        #expect(cheap != generous)
    }

    /// Everyone else's demand falls as the base fee rises, so full blocks of our own transactions raise the
    /// fee only until others are priced out: it settles instead of climbing without end.
    @Test func backgroundDemandIsElastic() {
        #expect(FeeMarket.backgroundGas(baseFeeWei: FeeMarket.referenceBaseFeeWei, noise: 0) == FeeMarket.gasTarget)
        #expect(
            FeeMarket.backgroundGas(baseFeeWei: FeeMarket.referenceBaseFeeWei * 4, noise: 0) == FeeMarket.gasTarget / 4)
        var baseFee = FeeMarket.referenceBaseFeeWei
        for _ in 0..<500 { // 7.5 M gas of our own in every block
            let used = min(FeeMarket.gasLimit, 7_500_000 + FeeMarket.backgroundGas(baseFeeWei: baseFee, noise: 0))
            baseFee = FeeMarket.nextBaseFee(baseFee, gasUsed: used)
        }
        // Equilibrium: 7.5 M + 15 M × (10 gwei / fee) = 15 M ⇒ fee = 20 gwei.
        #expect(abs(Double(baseFee) / 1e9 - 20) < 0.5)
    }
}
