/// The state of one link between two regions (symmetric).
public struct LinkState: Sendable, Equatable {
    /// Latency multiplier; 1 is healthy, 3 is a degraded link.
    public var latencyFactor: Double = 1
    /// A cut link carries nothing: a partition.
    public var cut = false
}

/// The physical network: nodes in data centers across regions, the links between regions, and the
/// faults currently in force.
public struct Network: Sendable, Equatable {
    public var nodes: [Node]
    public var dataCenters: [DataCenter]
    /// `links[a][b]` for regions a, b (kept symmetric).
    public var links: [[LinkState]]
    /// A region-wide outage takes every node in the region down.
    public var regionDown: [Bool]
    /// Extra latency into and out of a region (a latency spike), ms.
    public var latencySpikeMs: [Int]

    public init(nodes: [Node], dataCenters: [DataCenter]) {
        self.nodes = nodes
        self.dataCenters = dataCenters
        links = Array(
            repeating: Array(repeating: LinkState(), count: Region.allCases.count), count: Region.allCases.count)
        regionDown = Array(repeating: false, count: Region.allCases.count)
        latencySpikeMs = Array(repeating: 0, count: Region.allCases.count)
    }

    /// Whether a node is running and reachable at `now`.
    public func isUp(_ node: Int, at now: Int64) -> Bool {
        // Field by field: a copy of the node would retain its name and arrays (this runs for every node, every tick).
        !nodes[node].crashed && !regionDown[nodes[node].region.rawValue]
            && dataCenters[nodes[node].dataCenter].hasPower(at: now)
    }

    /// The ethstats-style status of a node.
    public func status(of node: Int, at now: Int64, chainHead: Int) -> NodeStatus {
        guard isUp(node, at: now) else { return .down }
        let n = nodes[node]
        if now < n.syncingUntilMs { return .syncing }
        let region = n.region.rawValue
        let linkTrouble = links[region].contains { $0.cut || $0.latencyFactor > 1 } || latencySpikeMs[region] > 0
        if linkTrouble || chainHead - n.head >= 2 { return .degraded }
        return .up
    }

    public func canReach(_ a: Region, _ b: Region) -> Bool { !links[a.rawValue][b.rawValue].cut }

    /// Mean one-way latency between two regions under the current faults, ms.
    public func meanLatency(_ a: Region, _ b: Region) -> Double {
        let base = Double(Region.latency2019[a.rawValue][b.rawValue]) * links[a.rawValue][b.rawValue].latencyFactor
        let spike = a == b ? latencySpikeMs[a.rawValue] : latencySpikeMs[a.rawValue] + latencySpikeMs[b.rawValue]
        return base + Double(spike)
    }

    /// One message's latency: SimBlock's Pareto jitter whose mean is the table value
    /// (`shape = 0.2·mean`, `scale = mean − 5`, `scale / U^(1/shape)`; docs/mechanics.md).
    public func sampleLatency(_ a: Region, _ b: Region, using rng: inout SeededGenerator) -> Int {
        let mean = meanLatency(a, b)
        let shape = 0.2 * mean, scale = mean - 5
        let value = scale / DeterministicMath.pow(rng.unitOpen(), 1 / shape)
        return Int(clamping: min(value, 60_000).rounded())
    }

    /// Transfer time of `bytes` between regions: `bytes·8 / min(up, down)` + 2 ms processing (SimBlock).
    public static func transferMs(bytes: Int, from: Region, to: Region) -> Int {
        bytes * 8 * 1_000 / Region.bandwidth(from: from, to: to) + 2
    }

    /// Mean latency of the fastest path between regions through regions that have nodes up,
    /// or nil when a partition separates them (Floyd–Warshall over six regions).
    public func regionPaths(at now: Int64) -> [[Double?]] {
        let count = Region.allCases.count
        var alive = Array(repeating: false, count: count)
        for node in nodes.indices where isUp(node, at: now) { alive[nodes[node].region.rawValue] = true }
        var distance: [[Double?]] = Array(repeating: Array(repeating: nil, count: count), count: count)
        for a in Region.allCases where alive[a.rawValue] {
            for b in Region.allCases where alive[b.rawValue] && canReach(a, b) {
                distance[a.rawValue][b.rawValue] = meanLatency(a, b)
            }
        }
        for k in 0..<count {
            for i in 0..<count {
                guard let ik = distance[i][k] else { continue }
                for j in 0..<count {
                    guard let kj = distance[k][j] else { continue }
                    if distance[i][j] == nil || ik + kj < distance[i][j]! { distance[i][j] = ik + kj }
                }
            }
        }
        return distance
    }

    /// Validators' stake that is up and connected to the largest group of stake (what can attest).
    public func attestingStake(at now: Int64) -> (online: UInt64, total: UInt64) {
        var total: UInt64 = 0
        var byRegion = Array(repeating: UInt64(0), count: Region.allCases.count)
        for node in nodes.indices where nodes[node].roles.contains(.validator) {
            total += nodes[node].stake
            if isUp(node, at: now), !nodes[node].slashed { byRegion[nodes[node].region.rawValue] += nodes[node].stake }
        }
        // Components of the region graph under cut links; the one with most online stake attests.
        var component = Array(repeating: -1, count: byRegion.count)
        var best: UInt64 = 0
        for start in Region.allCases where component[start.rawValue] < 0 {
            var stack = [start], stake: UInt64 = 0
            component[start.rawValue] = start.rawValue
            while let region = stack.popLast() {
                stake += byRegion[region.rawValue]
                for next in Region.allCases where component[next.rawValue] < 0 && canReach(region, next) {
                    component[next.rawValue] = start.rawValue
                    stack.append(next)
                }
            }
            best = max(best, stake)
        }
        return (best, total)
    }

    /// Whether someone inside the node's data center controls it now (an intrusion not yet detected).
    public func isCompromised(_ node: Int) -> Bool { dataCenters[nodes[node].dataCenter].intrusion?.isActive ?? false }
}
