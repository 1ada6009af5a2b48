/// Block propagation for the fast path mode of `liqtop risk --fast`: instead of a fresh gossip simulation
/// for every block, each proposer gets a bank of `size` propagations drawn (as they are first needed) for
/// the network as it is, and every block it proposes takes one of them at random, shifted to its start. A
/// change to anything the gossip reads (a node up or down, a cut link, a latency spike) switches to the bank
/// for the network as it is now, so faults still act at once; the last few states' banks are kept, so that
/// when a fault ends the network's usual bank is there again. What is simplified is the jitter, which
/// repeats from a sample of `size` per proposer and network state instead of being fresh every block.
public struct GossipBank: Sendable, Equatable {
    public var size: Int
    /// Banks kept, most recently used first.
    static let statesKept = 4

    struct Bank: Sendable, Equatable {
        /// What the samples were drawn for: every node's up state and every region pair's latency and reach.
        var fingerprint: [UInt64]
        /// Per proposer, arrival offsets from the block's start (nil: never reached).
        var samples: [Int: [[Int64?]]] = [:]
    }
    private(set) var banks: [Bank] = []

    public init(size: Int = 8) { self.size = size }

    /// The arrivals of a block from `origin` at `startMs`.
    mutating func propagate(
        in network: Network, from origin: Int, at startMs: Int64, blockBytes: Int, using rng: inout SeededGenerator
    ) -> [Int64?] {
        let current = Self.fingerprint(of: network, at: startMs)
        if banks.first?.fingerprint != current {
            let kept = banks.firstIndex { $0.fingerprint == current }
            banks.insert(kept.map { banks.remove(at: $0) } ?? Bank(fingerprint: current), at: 0)
            if banks.count > Self.statesKept { banks.removeLast() }
        }
        let pick = rng.int(in: 0...(size - 1))
        while banks[0].samples[origin, default: []].count <= pick {
            // Drawn at the block's own time (a data center's power depends on it), kept as offsets from it.
            let arrival = Gossip.propagate(
                in: network, from: origin, at: startMs, blockBytes: blockBytes, quick: true, using: &rng)
            banks[0].samples[origin, default: []].append(arrival.map { $0.map { $0 - startMs } })
        }
        return banks[0].samples[origin]![pick].map { $0.map { $0 + startMs } }
    }

    /// Every node's up state, and what each region pair's latency and reach are made of (the links'
    /// factors and cuts, the regions' latency spikes; the table of base latencies is fixed).
    static func fingerprint(of network: Network, at now: Int64) -> [UInt64] {
        var words: [UInt64] = []
        words.reserveCapacity(
            network.nodes.count / 64 + 1 + network.latencySpikeMs.count + 2 * network.links.count * network.links.count)
        var bits: UInt64 = 0
        for node in network.nodes.indices {
            if network.isUp(node, at: now) { bits |= 1 << UInt64(node % 64) }
            if node % 64 == 63 {
                words.append(bits)
                bits = 0
            }
        }
        words.append(bits)
        for spike in network.latencySpikeMs { words.append(UInt64(bitPattern: Int64(spike))) }
        for row in network.links {
            for link in row {
                words.append(link.latencyFactor.bitPattern)
                words.append(link.cut ? 1 : 0)
            }
        }
        return words
    }
}
