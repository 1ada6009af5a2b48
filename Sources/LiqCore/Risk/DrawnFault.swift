/// One infrastructure fault a risk path drew: what it hit, when it starts and when it ends.
public struct DrawnFault: Sendable, Equatable {
    public enum Target: Sendable, Equatable {
        case regionOutage(Region)
        case powerLoss(dataCenter: Int)
        case nodeCrash(Int)
        case linkCut(Region, Region)
        case latencySpike(Region, ms: Int)
        case oracleStall(asset: Int)
    }

    public var target: Target
    public var startMs: Int64
    public var endMs: Int64

    /// The commands that start and end it.
    public var commands: [ScheduledCommand] {
        let (start, end): (Command, Command) =
            switch target {
            case .regionOutage(let region): (.regionOutage(region), .regionRecover(region))
            case .powerLoss(let center): (.powerLoss(dataCenter: center), .powerRestore(dataCenter: center))
            case .nodeCrash(let node): (.crashNode(node), .restartNode(node))
            case .linkCut(let a, let b): (.cutLink(a, b), .restoreLink(a, b))
            case .latencySpike(let region, let ms): (.latencySpike(region, ms: ms), .clearLatencySpike(region))
            case .oracleStall(let asset): (.freezeOracle(asset: asset), .unfreezeOracle(asset: asset))
            }
        return [ScheduledCommand(atMs: startMs, command: start), ScheduledCommand(atMs: endMs, command: end)]
    }

    /// The kind's name in reports: `region_outage`, `power_loss`, `node_crash`, `link_cut`, `latency_spike`,
    /// `oracle_stall`.
    public var kind: String {
        switch target {
        case .regionOutage: "region_outage"
        case .powerLoss: "power_loss"
        case .nodeCrash: "node_crash"
        case .linkCut: "link_cut"
        case .latencySpike: "latency_spike"
        case .oracleStall: "oracle_stall"
        }
    }
}

extension FaultModel {
    static let millisecondsPerYear = 365.0 * 24 * 3_600 * 1_000

    /// The faults of one path over `horizonMs` from `startMs`, in a fixed order of kinds and targets: for
    /// each target a Poisson process of starts at its yearly rate, each fault lasting the median times a
    /// log-normal factor; faults of one target that overlap merge into one. Each target draws from a stream
    /// of its own, made from `seed` and the target's place in that order, so that a longer horizon only adds
    /// faults after the shorter one's: every target's earlier faults stay as they were.
    public func draw(for world: World, from startMs: Int64, horizonMs: Int64, seed: UInt64) -> [DrawnFault] {
        let regions = Region.allCases.filter { region in world.network.nodes.contains { $0.region == region } }
        var faults: [DrawnFault] = []
        var ordinal = 0
        func process(_ kind: Kind, _ target: DrawnFault.Target) {
            ordinal += 1
            guard kind.perYear > 0 else { return }
            var rng = SeededGenerator(seed: World.pathSeed(seed, path: ordinal))
            let ratePerMs = kind.perYear / Self.millisecondsPerYear
            var time = 0.0
            var drawn: [DrawnFault] = []
            while true {
                time -= DeterministicMath.log(rng.unitOpen()) / ratePerMs
                guard time < Double(horizonMs) else { break }
                let hours = kind.medianHours * DeterministicMath.exp(durationSigma * rng.normal())
                let start = startMs + Int64(time)
                let end = start + max(1_000, Int64(min(hours * 3_600_000, 1e15)))
                if let last = drawn.last, start <= last.endMs {
                    drawn[drawn.count - 1].endMs = max(last.endMs, end)
                } else {
                    drawn.append(DrawnFault(target: target, startMs: start, endMs: end))
                }
            }
            faults += drawn
        }
        for region in regions { process(regionOutage, .regionOutage(region)) }
        for center in world.network.dataCenters.indices { process(powerLoss, .powerLoss(dataCenter: center)) }
        for node in world.network.nodes.indices { process(nodeCrash, .nodeCrash(node)) }
        for (offset, a) in regions.enumerated() {
            for b in regions.dropFirst(offset + 1) { process(linkCut, .linkCut(a, b)) }
        }
        for region in regions { process(latencySpike, .latencySpike(region, ms: latencySpikeMs)) }
        for feed in world.feeds.indices { process(oracleStall, .oracleStall(asset: world.feeds[feed].asset)) }
        return faults
    }
}
