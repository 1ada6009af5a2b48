import HeapModule

/// Block propagation by gossip as a discrete-event simulation: each node forwards a block to its peers
/// once, each hop paying the sampled latency plus size over bandwidth (reference network-and-monitoring §1.1).
public enum Gossip {
    struct Delivery: Comparable {
        var timeMs: Int64
        var node: Int
        static func < (a: Delivery, b: Delivery) -> Bool { (a.timeMs, a.node) < (b.timeMs, b.node) }
    }

    /// Arrival time of the block at every node (nil: never reached, being down or cut off).
    /// `compactShare` of hops send an 18 KB compact block instead of the full one (SimBlock's CBR rate 0.964).
    public static func propagate(in network: Network, from origin: Int, at startMs: Int64, blockBytes: Int,
                                 compactShare: Double = 0.964, using rng: inout SeededGenerator) -> [Int64?] {
        var arrival = [Int64?](repeating: nil, count: network.nodes.count)
        var up = [Bool](repeating: false, count: network.nodes.count)
        for node in network.nodes.indices { up[node] = network.isUp(node, at: startMs) }
        guard up[origin] else { return arrival }
        var queue = Heap<Delivery>()
        queue.insert(Delivery(timeMs: startMs, node: origin))
        while let delivery = queue.popMin() {
            guard arrival[delivery.node] == nil else { continue }
            arrival[delivery.node] = delivery.timeMs
            let from = network.nodes[delivery.node]
            for peer in from.peers where arrival[peer] == nil && up[peer] {
                let to = network.nodes[peer].region
                guard network.canReach(from.region, to) else { continue }
                let bytes = rng.unit() < compactShare ? 18_000 : blockBytes
                let delay = network.sampleLatency(from.region, to, using: &rng)
                    + Network.transferMs(bytes: bytes, from: from.region, to: to)
                queue.insert(Delivery(timeMs: delivery.timeMs + Int64(delay), node: peer))
            }
        }
        return arrival
    }
}
