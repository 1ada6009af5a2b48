/// Physical-security incidents: someone inside a data center controls its machines. Its oracle reporters
/// post a manipulated price, which liquidates healthy accounts once it lands; its validators sign two
/// blocks for a slot they propose, and the chain slashes them for it (a slashed validator proposes and
/// attests no more: its stake is offline until it exits). Until the intrusion is detected; then the
/// reporters' keys are rotated and the feeds post the true price again.
extension World {
    /// The slashing penalty applied at once: 1/32 of the stake (MIN_SLASHING_PENALTY_QUOTIENT_BELLATRIX,
    /// the consensus specs' Bellatrix `slash_validator`).
    static let slashingPenaltyQuotient: UInt64 = 32

    mutating func beginIntrusion(at center: Int, asset: Int?, offsetBps: Int, detectAfterSeconds: Int?) -> [Event] {
        guard network.dataCenters.indices.contains(center) else { return [] }
        network.dataCenters[center].intrusion = Intrusion(
            sinceMs: nowMs, asset: asset, offsetBps: offsetBps,
            detectAtMs: detectAfterSeconds.map { nowMs + Int64($0) * 1_000 })
        let site = network.dataCenters[center]
        let nodes = network.nodes.filter { $0.dataCenter == center }
        let reporters = feeds.filter { isManipulated($0) }.map { pool.reserves[$0.asset].configuration.symbol }
        let validators = nodes.filter { $0.stake > 0 && !$0.slashed }.count
        let percent = DecimalAmount.format(UInt128(abs(offsetBps)), decimals: 2)
        var parts = ["\(nodes.count) node\(nodes.count == 1 ? "" : "s") compromised"]
        if !reporters.isEmpty {
            parts.append(
                "oracle reporters for \(reporters.joined(separator: ", ")) post prices "
                    + "\(percent) % \(offsetBps < 0 ? "below" : "above") the market")
        }
        if validators > 0 {
            parts.append(
                "its \(validators) validator\(validators == 1 ? "" : "s") sign\(validators == 1 ? "s" : "") two blocks "
                    + "for any slot \(validators == 1 ? "it proposes" : "they propose")")
        }
        return [
            Event(
                timeMs: nowMs, kind: .fault, message: "intrusion at \(site.name): " + parts.joined(separator: "; "),
                fields: [
                    ("fault", .text("intrusion")), ("datacenter", .text(site.name)),
                    ("offset_bps", .int(Int64(offsetBps))), ("nodes", .int(Int64(nodes.count))),
                ])
        ]
    }

    mutating func detectIntrusion(at center: Int) -> [Event] {
        guard network.dataCenters.indices.contains(center),
            let intrusion = network.dataCenters[center].intrusion, intrusion.isActive
        else { return [] }
        network.dataCenters[center].intrusion?.detectedAtMs = nowMs
        let site = network.dataCenters[center]
        let slashed = network.nodes.filter { $0.dataCenter == center && $0.slashed }.count
        let seconds = (nowMs - intrusion.sinceMs) / 1_000
        let after = "\(seconds / 60)m\(seconds % 60 < 10 ? "0" : "")\(seconds % 60)s"
        var parts: [String] = []
        if feeds.contains(where: { network.nodes[$0.reporter].dataCenter == center }) {
            parts.append("oracle reporters' keys rotated")
        }
        if network.nodes.contains(where: { $0.dataCenter == center && $0.stake > 0 }) {
            parts.append("\(slashed) validator\(slashed == 1 ? "" : "s") slashed")
        }
        return [
            Event(
                timeMs: nowMs, kind: .recovery,
                message: "intrusion at \(site.name) detected after \(after)"
                    + (parts.isEmpty ? "" : ": " + parts.joined(separator: ", ")),
                fields: [
                    ("fault", .text("intrusion")), ("datacenter", .text(site.name)),
                    ("detected_after_s", .int(seconds)), ("slashed", .int(Int64(slashed))),
                ])
        ]
    }

    /// Whether the feed's reporter posts the intruder's price now: its site is compromised, and the feed is
    /// the intrusion's asset (or, without one, not a stablecoin's: moving collateral is what pays).
    func isManipulated(_ feed: OracleFeed) -> Bool {
        guard let intrusion = network.dataCenters[network.nodes[feed.reporter].dataCenter].intrusion,
            intrusion.isActive
        else { return false }
        if let asset = intrusion.asset { return asset == feed.asset }
        return !(settings.assets.indices.contains(feed.asset) && settings.assets[feed.asset].isStable)
    }

    /// Intrusions whose time to be noticed has come.
    mutating func detectDueIntrusions() -> [Event] {
        var events: [Event] = []
        for center in network.dataCenters.indices {
            guard let intrusion = network.dataCenters[center].intrusion, intrusion.isActive,
                let due = intrusion.detectAtMs, due <= nowMs
            else { continue }
            events += detectIntrusion(at: center)
        }
        return events
    }

    /// A compromised proposer signs a second block for its slot. Peers see both; the block already built
    /// stands (the other loses the fork choice), and the next proposer includes the proof: the validator is
    /// slashed, 1/32 of its stake burned at once, and it proposes and attests no more.
    mutating func equivocate(_ proposer: Int, slot: Int, at time: Int64) -> [Event] {
        guard network.nodes[proposer].stake > 0, !network.nodes[proposer].slashed else { return [] }
        network.nodes[proposer].slashed = true
        let node = network.nodes[proposer]
        let penalty = node.stake / Self.slashingPenaltyQuotient
        return [
            Event(
                timeMs: time, kind: .fault,
                message: "\(node.name) signed two blocks for slot \(slot): slashed, \(penalty) ETH burned, "
                    + "its \(node.stake) ETH offline",
                fields: [
                    ("fault", .text("equivocation")), ("node", .text(node.name)), ("slot", .int(Int64(slot))),
                    ("penalty_eth", .int(Int64(penalty))), ("stake_eth", .int(Int64(node.stake))),
                ])
        ]
    }
}
