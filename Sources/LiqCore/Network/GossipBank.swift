/// Block propagation for the fast path mode of `liqtop risk --fast`: instead of a fresh gossip simulation
/// for every block, each proposer gets a bank of `size` propagations drawn (as they are first needed) for
/// the network as it is, and every block it proposes takes one of them at random, shifted to its start. A
/// change to anything the gossip reads (a node up or down, a cut link, a latency spike) empties the bank,
/// so faults still act at once; what is simplified is the jitter, which repeats from a sample of `size` per
/// proposer instead of being fresh every block.
public struct GossipBank: Sendable, Equatable {
    public var size: Int
    /// What the samples were drawn for: every node's up state and every region pair's latency and reach.
    private var fingerprint: [UInt64] = []
    /// Per proposer, arrival offsets from the block's start (nil: never reached).
    private var samples: [Int: [[Int64?]]] = [:]

    public init(size: Int = 8) { self.size = size }

    /// The arrivals of a block from `origin` at `startMs`.
    mutating func propagate(
        in network: Network, from origin: Int, at startMs: Int64, blockBytes: Int, using rng: inout SeededGenerator
    ) -> [Int64?] {
        let current = Self.fingerprint(of: network, at: startMs)
        if current != fingerprint {
            fingerprint = current
            samples = [:]
        }
        let pick = rng.int(in: 0...(size - 1))
        while samples[origin, default: []].count <= pick {
            // Drawn at the block's own time (a data center's power depends on it), kept as offsets from it.
            let arrival = Gossip.propagate(
                in: network, from: origin, at: startMs, blockBytes: blockBytes, using: &rng)
            samples[origin, default: []].append(arrival.map { $0.map { $0 - startMs } })
        }
        return samples[origin]![pick].map { $0.map { $0 + startMs } }
    }

    static func fingerprint(of network: Network, at now: Int64) -> [UInt64] {
        var words: [UInt64] = []
        var bits: UInt64 = 0
        for node in network.nodes.indices {
            if network.isUp(node, at: now) { bits |= 1 << UInt64(node % 64) }
            if node % 64 == 63 {
                words.append(bits)
                bits = 0
            }
        }
        words.append(bits)
        for a in Region.allCases {
            for b in Region.allCases {
                words.append(network.meanLatency(a, b).bitPattern)
                words.append(network.canReach(a, b) ? 1 : 0)
            }
        }
        return words
    }
}
