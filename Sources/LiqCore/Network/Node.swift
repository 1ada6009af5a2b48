/// What a node does in the world; a node can do several things.
public struct NodeRoles: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let validator = NodeRoles(rawValue: 1)
    public static let rpc = NodeRoles(rawValue: 2)
    public static let oracleReporter = NodeRoles(rawValue: 4)
    public static let liquidatorHost = NodeRoles(rawValue: 8)
    /// An L2's sequencer (`[l2]`): it makes every block.
    public static let sequencer = NodeRoles(rawValue: 16)
}

public enum NodeStatus: String, Sendable {
    case up, degraded, down, syncing
}

/// A data center: a provider's site in a region, with its power and generator.
public struct DataCenter: Sendable, Equatable {
    public var id: Int
    public var name: String
    public var provider: String
    public var region: Region
    /// Mains power.
    public var powered = true
    /// Generator failover delay after a power loss; nil for no generator.
    public var generatorDelayMs: Int64?
    /// When power was lost (for the failover).
    public var powerLostAtMs: Int64?
    /// A physical-security incident: someone inside controls its machines (nil: never).
    public var intrusion: Intrusion?

    /// Whether the machines inside have electricity at `now`.
    public func hasPower(at now: Int64) -> Bool {
        if powered { return true }
        guard let delay = generatorDelayMs, let lost = powerLostAtMs else { return false }
        return now >= lost + delay
    }
}

/// One machine of the network, with the metrics ethstats shows (docs/mechanics.md).
public struct Node: Sendable, Equatable {
    public var id: Int
    public var name: String
    public var region: Region
    public var dataCenter: Int
    public var roles: NodeRoles
    /// Stake in whole ETH (validators only).
    public var stake: UInt64
    public var peers: [Int] = []
    /// A crashed node stays down until restarted.
    public var crashed = false
    /// A validator slashed for equivocation: it no longer proposes or attests (its stake waits to exit).
    public var slashed = false
    /// Whether the node was reachable at the last tick (for uptime and restart detection).
    public var wasUp = true
    /// After coming back, the node syncs until this time.
    public var syncingUntilMs: Int64 = 0
    /// Height of the best block this node has.
    public var head: Int = 0
    /// Propagation time of the last block it received (ms after the proposer had it).
    public var lastPropagationMs: Int = 0
    /// The last 40 propagation times, oldest first (ethstats `MAX_PEER_PROPAGATION`).
    /// Propagation times of the last blocks, oldest first: between `historyLength` and twice that many
    /// (`recentPropagation` is what to show).
    public var propagationHistory: [Int32] = []
    /// Milliseconds spent up and in total since the start, for uptime %.
    public var upMs: Int64 = 0
    public var totalMs: Int64 = 0
    /// Latest measured one-way latency to the region's monitor, ms.
    public var latencyMs: Int = 0

    public var uptimePercent: Double { totalMs == 0 ? 100 : Double(upMs) * 100 / Double(totalMs) }

    /// How many of the last blocks' propagation times a node shows.
    public static let historyLength = 40

    mutating func recordPropagation(_ ms: Int) {
        lastPropagationMs = ms
        propagationHistory.append(Int32(clamping: ms))
        // Trimmed back to the last `historyLength` once it holds twice as many: one shift per 40 blocks instead
        // of one per block (every node, every block, in every Monte Carlo path). Readers take the suffix.
        if propagationHistory.count >= 2 * Self.historyLength {
            propagationHistory.removeFirst(propagationHistory.count - Self.historyLength)
        }
    }

    /// The last `historyLength` propagation times, oldest first.
    public var recentPropagation: ArraySlice<Int32> { propagationHistory.suffix(Self.historyLength) }
}

/// An intrusion at a data center: its oracle reporters post a price `offsetBps` away from the true one, and
/// its validators sign two blocks for a slot they propose (and are slashed for it), until it is detected.
public struct Intrusion: Sendable, Equatable {
    public var sinceMs: Int64
    /// The one asset whose feed the intruder moves; nil: every asset but the stablecoins.
    public var asset: Int?
    public var offsetBps: Int
    /// When it will be noticed (nil: only when someone says so), and when it was.
    public var detectAtMs: Int64?
    public var detectedAtMs: Int64?

    public var isActive: Bool { detectedAtMs == nil }

    /// What a compromised reporter posts for `price`: moved by the offset, at least 1 unit.
    public func manipulated(_ price: UInt128) -> UInt128 {
        let factor = UInt128(max(1, 10_000 + offsetBps))
        return max(1, FullWidth.mulDivSaturating(price, factor, 10_000))
    }
}
