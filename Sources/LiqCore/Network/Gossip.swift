import HeapModule

/// Block propagation by gossip as a discrete-event simulation: each node forwards a block to its peers
/// once, each hop paying the sampled latency plus size over bandwidth (docs/mechanics.md).
/// A hop is queued only when it improves the peer's best known arrival, so the heap stays small.
public enum Gossip {
    struct Delivery: Comparable {
        var timeMs: Int64
        var node: Int
        static func < (a: Delivery, b: Delivery) -> Bool { (a.timeMs, a.node) < (b.timeMs, b.node) }
    }

    /// Arrival time of the block at every node (nil: never reached, being down or cut off).
    /// `compactShare` of hops send an 18 KB compact block instead of the full one (SimBlock's CBR rate 0.964).
    /// `quick` (the fast path mode) takes the jitter's power through the shorter series of `quickExp` and
    /// `quickLog`.
    public static func propagate(
        in network: Network, from origin: Int, at startMs: Int64, blockBytes: Int,
        compactShare: Double = 0.964, quick: Bool = false, using rng: inout SeededGenerator
    ) -> [Int64?] {
        let count = network.nodes.count
        var arrival = [Int64?](repeating: nil, count: count)
        var best = [Int64](repeating: .max, count: count)
        var up = [Bool](repeating: false, count: count)
        var region = [Int](repeating: 0, count: count)
        for node in 0..<count {
            up[node] = network.isUp(node, at: startMs)
            region[node] = network.nodes[node].region.rawValue
        }
        guard up[origin] else { return arrival }
        // Per region pair: the Pareto scale and 1/shape, the transfer times, and whether the link is cut.
        let regions = Region.allCases.count
        var scale = [Double](repeating: 0, count: regions * regions)
        var inverseShape = scale
        var fullMs = [Int64](repeating: 0, count: regions * regions)
        var compactMs = fullMs
        var cut = [Bool](repeating: false, count: regions * regions)
        for a in Region.allCases {
            for b in Region.allCases {
                let pair = a.rawValue * regions + b.rawValue
                let mean = network.meanLatency(a, b)
                scale[pair] = mean - 5
                inverseShape[pair] = 1 / (0.2 * mean)
                fullMs[pair] = Int64(clamping: Network.transferMs(bytes: blockBytes, from: a, to: b))
                compactMs[pair] = Int64(clamping: Network.transferMs(bytes: 18_000, from: a, to: b))
                cut[pair] = !network.canReach(a, b)
            }
        }
        var queue = Heap<Delivery>()
        best[origin] = startMs
        queue.insert(Delivery(timeMs: startMs, node: origin))
        while let delivery = queue.popMin() {
            let node = delivery.node
            guard arrival[node] == nil else { continue }
            arrival[node] = delivery.timeMs
            let from = region[node]
            for peer in network.nodes[node].peers where arrival[peer] == nil && up[peer] {
                let pair = from * regions + region[peer]
                guard !cut[pair] else { continue }
                let transfer = rng.unit() < compactShare ? compactMs[pair] : fullMs[pair]
                // scale / U^(1/shape) = scale · exp(−ln U / shape)
                let u = rng.unitOpen()
                let jitter =
                    quick
                    ? scale[pair] * DeterministicMath.quickExp(-DeterministicMath.quickLog(u) * inverseShape[pair])
                    : scale[pair] * DeterministicMath.exp(-DeterministicMath.log(u) * inverseShape[pair])
                // Capped at a minute; `jitter < cap` is false for NaN and +inf too, and the scale is positive (every
                // mean latency is above 5 ms), so the conversion below cannot trap. Round half up, no libm.
                let capped = jitter < 60_000 ? jitter : 60_000
                let time = delivery.timeMs + Int64(capped + 0.5) + transfer
                if time < best[peer] {
                    best[peer] = time
                    queue.insert(Delivery(timeMs: time, node: peer))
                }
            }
        }
        return arrival
    }
}
