/// What one Monte Carlo path came to, over its horizon.
public struct PathOutcome: Sendable, Equatable {
    /// A price's largest move from the path's start, in per cent (−35.2 for a fall).
    public struct PriceMove: Sendable, Equatable {
        public var asset: String
        public var percent: Double

        public init(asset: String, percent: Double) {
            self.asset = asset
            self.percent = percent
        }
    }

    /// A fault as a report shows it: its kind, what it hit by name, when it started (seconds into the path)
    /// and how long it lasted.
    public struct Fault: Sendable, Equatable {
        public var kind: String
        public var target: String
        public var startS: Int
        public var durationS: Int

        public init(kind: String, target: String, startS: Int, durationS: Int) {
            self.kind = kind
            self.target = target
            self.startS = startS
            self.durationS = durationS
        }
    }

    public var path: Int
    public var seed: UInt64
    /// Bad debt at the end of the horizon: what liquidations wrote off during the path, plus the debt of
    /// underwater accounts beyond their collateral at true prices (not yet realised), in USD.
    public var badDebtUSD: Double { realisedBadDebtUSD + unrealisedBadDebtUSD }
    public var realisedBadDebtUSD: Double
    public var unrealisedBadDebtUSD: Double
    public var liquidations: Int
    public var liquidatedDebtUSD: Double
    public var maxOracleStalenessS: Int
    /// Finality stalled for at least one epoch during the path.
    public var finalityStalled: Bool
    public var faults: [Fault]
    /// The largest moves, largest first (at most three).
    public var moves: [PriceMove]

    public init(
        path: Int, seed: UInt64, realisedBadDebtUSD: Double, unrealisedBadDebtUSD: Double, liquidations: Int,
        liquidatedDebtUSD: Double, maxOracleStalenessS: Int, finalityStalled: Bool, faults: [Fault],
        moves: [PriceMove]
    ) {
        self.path = path
        self.seed = seed
        // Cents, so that a figure written with two decimals and read back is the same number.
        self.realisedBadDebtUSD = Self.cents(realisedBadDebtUSD)
        self.unrealisedBadDebtUSD = Self.cents(unrealisedBadDebtUSD)
        self.liquidations = liquidations
        self.liquidatedDebtUSD = Self.cents(liquidatedDebtUSD)
        self.maxOracleStalenessS = maxOracleStalenessS
        self.finalityStalled = finalityStalled
        self.faults = faults
        self.moves = moves.map { PriceMove(asset: $0.asset, percent: ($0.percent * 100).rounded() / 100) }
    }

    public static func cents(_ usd: Double) -> Double { usd.isFinite ? (usd * 100).rounded() / 100 : 0 }
}

extension World {
    /// The seed of path `index` of a run seeded `seed`: a SplitMix64 mix of the two, so that a path's outcome
    /// depends on nothing else (not the number of paths, the workers or the shard).
    public static func pathSeed(_ seed: UInt64, path index: Int) -> UInt64 {
        var z = seed &+ UInt64(truncatingIfNeeded: index &+ 1) &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The fast path mode (`liqtop risk --fast`): block propagation from a bank of gossip samples per
    /// proposer (`GossipBank`) instead of a fresh gossip simulation per block. Ticks stay as the scenario sets
    /// them: a coarser tick moves when oracles and bots see a fast crash, and with it the bad debt.
    public mutating func useFastPaths() {
        gossipBank = GossipBank()
    }

    /// Whether this world runs in the fast path mode.
    public var usesFastPaths: Bool { gossipBank != nil }

    /// This world, from now, as one path: its generator reseeded with `seed` drives the market and everything
    /// else, and streams of their own, made from the same seed, draw each target's faults (scheduled with
    /// their recoveries). Separate streams, so that a path does not depend on its horizon: a longer replay of
    /// a path is the same path up to the shorter horizon, with the faults the longer one adds after it. The
    /// positions, the network and the
    /// bots are this world's: paths share the portfolio, not the luck.
    /// `name`, if given, replaces the scenario's name on screen ("default · path 12").
    public func path(seed: UInt64, horizonMs: Int64, name: String? = nil) -> (world: World, faults: [DrawnFault]) {
        var world = self
        if let name { world.scenarioName = name }
        world.rng = SeededGenerator(seed: seed)
        let faults = settings.faults.draw(
            for: world, from: nowMs, horizonMs: horizonMs, seed: Self.pathSeed(seed, path: -2))
        world.schedule = (world.schedule + faults.flatMap(\.commands)).enumerated()
            .sorted { ($0.element.atMs, $0.offset) < ($1.element.atMs, $1.offset) }.map(\.element)
        return (world, faults)
    }

    /// Runs path `index` of a run seeded `seed` for `horizonMs` from this world's present.
    public func runPath(_ index: Int, seed: UInt64, horizonMs: Int64) throws -> PathOutcome {
        let pathSeed = Self.pathSeed(seed, path: index)
        var (world, faults) = path(seed: pathSeed, horizonMs: horizonMs)
        world.statistics.maxOracleStalenessMs = 0 // the path's own, not the history before it
        let start = world.statistics
        let startPrices = world.truePrices
        var lowest = startPrices, highest = startPrices
        let end = world.nowMs + horizonMs
        while world.nowMs < end {
            _ = try world.step()
            for asset in world.truePrices.indices {
                lowest[asset] = min(lowest[asset], world.truePrices[asset])
                highest[asset] = max(highest[asset], world.truePrices[asset])
            }
        }
        var moves: [PathOutcome.PriceMove] = []
        for asset in startPrices.indices where startPrices[asset] > 0 {
            let base = Double(startPrices[asset])
            let down = (Double(lowest[asset]) - base) / base * 100, up = (Double(highest[asset]) - base) / base * 100
            let symbol = world.pool.reserves[asset].configuration.symbol
            moves.append(.init(asset: symbol, percent: -down >= up ? down : up))
        }
        moves.sort { (abs($0.percent), $1.asset) > (abs($1.percent), $0.asset) }
        let stats = world.statistics
        let epochsBefore = chain.justifiedEpochs.count
        return PathOutcome(
            path: index, seed: pathSeed,
            realisedBadDebtUSD: Double(stats.badDebtBase - min(stats.badDebtBase, start.badDebtBase)) / 1e8,
            unrealisedBadDebtUSD: world.unrealisedBadDebtUSD,
            liquidations: stats.liquidations - start.liquidations,
            liquidatedDebtUSD: Double(stats.debtRepaidBase - min(stats.debtRepaidBase, start.debtRepaidBase)) / 1e8,
            maxOracleStalenessS: Int(stats.maxOracleStalenessMs / 1_000),
            finalityStalled: world.chain.justifiedEpochs.dropFirst(epochsBefore).contains(false),
            faults: faults.map { describe($0) }, moves: Array(moves.prefix(3)))
    }

    /// A drawn fault by name, its times in seconds from now.
    func describe(_ fault: DrawnFault) -> PathOutcome.Fault {
        let target: String =
            switch fault.target {
            case .regionOutage(let region): region.id
            case .powerLoss(let center): network.dataCenters[center].name
            case .nodeCrash(let node): network.nodes[node].name
            case .linkCut(let a, let b): "\(a.id)-\(b.id)"
            case .latencySpike(let region, let ms): "\(region.id) +\(ms) ms"
            case .oracleStall(let asset): pool.reserves[asset].configuration.symbol
            }
        return PathOutcome.Fault(
            kind: fault.kind, target: target, startS: Int((fault.startMs - nowMs) / 1_000),
            durationS: Int((fault.endMs - fault.startMs) / 1_000))
    }
}
