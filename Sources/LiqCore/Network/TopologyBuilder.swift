/// How to build a network: node count and the shares docs/mechanics.md describes.
public struct NetworkConfiguration: Sendable, Equatable {
    public var nodeCount = ScenarioKeys.network.nodes.fallback
    /// Share of nodes per region, in `Region` order (SimBlock's Bitcoin 2019 shares by default).
    public var regionShares: [Double] = Region.nodeShare2019
    /// Share of nodes that run validators.
    public var validatorShare = ScenarioKeys.network.validatorShare.fallback
    /// Everyone else's gas demand at the starting base fee, in gas targets (`FeeMarket.backgroundGas`).
    public var gasDemand = ScenarioKeys.network.gasDemand.fallback
    /// Full block size in bytes (a compact block is 18 KB).
    public var blockBytes = ScenarioKeys.network.blockBytes.fallback

    public init() {}
}

/// A hosting provider and its share of nodes; its sites fail over to generators after `generatorDelayMs`.
struct Provider {
    let name: String
    let share: Double
    let generatorDelayMs: Int64?

    /// Illustrative mix from the 2022 Ethernodes snapshot (docs/mechanics.md).
    static let mix: [Provider] = [
        Provider(name: "aws", share: 0.50, generatorDelayMs: 10_000),
        Provider(name: "hetzner", share: 0.15, generatorDelayMs: nil),
        Provider(name: "ovh", share: 0.04, generatorDelayMs: 60_000),
        Provider(name: "oracle", share: 0.04, generatorDelayMs: 30_000),
        Provider(name: "alibaba", share: 0.04, generatorDelayMs: 30_000),
        Provider(name: "google", share: 0.04, generatorDelayMs: 10_000),
        Provider(name: "home", share: 0.19, generatorDelayMs: nil),
    ]
}

public enum TopologyBuilder {
    /// Bitcoin 2015 outbound-degree CDF, index = degree − 1 (SimBlock, after Miller et al. 2015).
    static let outboundDegreeCDF: [Double] = [
        0.025, 0.050, 0.075, 0.10, 0.20, 0.30, 0.40, 0.50, 0.60, 0.70, 0.80,
        0.85, 0.90, 0.95, 0.97, 0.97, 0.98, 0.99, 0.995, 1.0,
    ]

    /// Splits `total` by `shares` with the largest-remainder method, so counts always add up.
    static func apportion(_ total: Int, shares: [Double]) -> [Int] {
        let sum = shares.reduce(0, +)
        let exact = shares.map { Double(total) * $0 / sum }
        var counts = exact.map { Int($0) }
        let order = exact.indices.sorted {
            (exact[$0] - Double(counts[$0]), -$0) > (exact[$1] - Double(counts[$1]), -$1)
        }
        for index in order.prefix(total - counts.reduce(0, +)) { counts[index] += 1 }
        return counts
    }

    /// The data centers a configuration produces, in order; they do not depend on the seed.
    public static func dataCenterNames(_ configuration: NetworkConfiguration) -> [String] {
        var names: [String] = []
        let perRegion = apportion(configuration.nodeCount, shares: configuration.regionShares)
        for region in Region.allCases where perRegion[region.rawValue] > 0 {
            let perProvider = apportion(perRegion[region.rawValue], shares: Provider.mix.map(\.share))
            for (index, provider) in Provider.mix.enumerated() where perProvider[index] > 0 {
                names.append("\(provider.name)-\(region.id)")
            }
        }
        return names
    }

    public static func build(_ configuration: NetworkConfiguration, using rng: inout SeededGenerator) -> Network {
        var nodes: [Node] = []
        var dataCenters: [DataCenter] = []
        let perRegion = apportion(configuration.nodeCount, shares: configuration.regionShares)
        for region in Region.allCases {
            let count = perRegion[region.rawValue]
            guard count > 0 else { continue }
            let perProvider = apportion(count, shares: Provider.mix.map(\.share))
            for (providerIndex, provider) in Provider.mix.enumerated() where perProvider[providerIndex] > 0 {
                let center = DataCenter(
                    id: dataCenters.count, name: "\(provider.name)-\(region.id)",
                    provider: provider.name, region: region, generatorDelayMs: provider.generatorDelayMs)
                dataCenters.append(center)
                for _ in 0..<perProvider[providerIndex] {
                    let id = nodes.count
                    nodes.append(
                        Node(
                            id: id, name: "\(region.id)-\(provider.name)-\(id)", region: region,
                            dataCenter: center.id, roles: .rpc, stake: 0))
                }
            }
        }
        // Validators: spread over the regions like the nodes (so stake follows the region shares), each
        // node running 16–48 validators of 32 ETH.
        let validatorCount = max(1, Int((Double(nodes.count) * configuration.validatorShare).rounded()))
        let validatorsPerRegion = apportion(validatorCount, shares: perRegion.map(Double.init))
        for region in Region.allCases {
            var members = nodes.indices.filter { nodes[$0].region == region }
            for _ in 0..<min(validatorsPerRegion[region.rawValue], members.count) {
                let node = members.remove(at: rng.int(in: 0...(members.count - 1)))
                nodes[node].roles.insert(.validator)
                nodes[node].stake = 32 * UInt64(16 + rng.int(in: 0...32))
            }
        }
        if !nodes.contains(where: { $0.roles.contains(.validator) }), !nodes.isEmpty {
            nodes[0].roles.insert(.validator)
            nodes[0].stake = 32
        }
        // Peers: outbound degree drawn from the CDF, links kept both ways.
        var peerSets = Array(repeating: [Int](), count: nodes.count)
        if nodes.count > 1 {
            for node in nodes.indices {
                let u = rng.unit()
                let degree = min((outboundDegreeCDF.firstIndex { u < $0 } ?? 19) + 1, nodes.count - 1)
                var chosen = 0, attempts = 0
                while chosen < degree, attempts < degree * 10 {
                    attempts += 1
                    let peer = rng.int(in: 0...(nodes.count - 1))
                    if peer == node || peerSets[node].contains(peer) { continue }
                    peerSets[node].append(peer)
                    peerSets[peer].append(node)
                    chosen += 1
                }
            }
        }
        for node in nodes.indices { nodes[node].peers = peerSets[node].sorted() }
        return Network(nodes: nodes, dataCenters: dataCenters)
    }
}
