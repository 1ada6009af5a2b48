extension World {
    /// One slot: the proposer (drawn by stake) builds a block from what it has received, or the slot is
    /// missed when it is down; the block executes, gossips, and the epoch's finality is settled at its end.
    mutating func produceSlot(_ slot: Int) -> [Event] {
        chain.lastSlotProcessed = slot
        let start = Int64(slot) * chain.slotMs
        var events: [Event] = []
        // On an L2 the sequencer makes every block; while it is down, none is made.
        let proposer = sequencer ?? drawProposer()
        if let proposer, network.isUp(proposer, at: start) {
            events += buildBlock(slot: slot, proposer: proposer, at: start)
            if sequencer == nil, network.isCompromised(proposer) {
                events += equivocate(proposer, slot: slot, at: start)
            }
        } else {
            chain.missedSlots += 1
            let name = proposer.map { network.nodes[$0].name } ?? "nobody"
            events.append(
                Event(
                    timeMs: start, kind: .missedSlot, message: "slot \(slot) missed: proposer \(name) is down",
                    fields: [("slot", .int(Int64(slot))), ("proposer", .text(name))]))
        }
        if (slot + 1) % chain.epochSlots == 0 { events += settleEpoch(slot / chain.epochSlots, at: start) }
        return events
    }

    /// A validator drawn with probability proportional to stake.
    mutating func drawProposer() -> Int? {
        let validators = network.nodes.indices.filter { network.nodes[$0].stake > 0 && !network.nodes[$0].slashed }
        let total = validators.reduce(UInt64(0)) { $0 + network.nodes[$1].stake }
        guard total > 0 else { return nil }
        var ticket = rng.next() % total
        for node in validators {
            if ticket < network.nodes[node].stake { return node }
            ticket -= network.nodes[node].stake
        }
        return validators.last
    }

    /// Transactions not included within two minutes are dropped (as nodes evict them); their owners may
    /// try again.
    static let mempoolLifetimeMs: Int64 = 120_000

    /// A lapsed liquidation or oracle update is an event, so that its owner (and whoever watches) knows.
    mutating func expireTransactions(at time: Int64) -> [Event] {
        let expired = chain.mempool.filter { time - $0.submittedMs > Self.mempoolLifetimeMs }
        guard !expired.isEmpty else { return [] }
        chain.mempool.removeAll { time - $0.submittedMs > Self.mempoolLifetimeMs }
        var events: [Event] = []
        for transaction in expired {
            switch transaction.kind {
            case .oracleUpdate(let feed, _):
                if feeds[feed].pendingTransaction == transaction.id { feeds[feed].pendingTransaction = nil }
                let symbol = pool.reserves[feeds[feed].asset].configuration.symbol
                events.append(
                    Event(
                        timeMs: time, kind: .expired,
                        message: "\(symbol) oracle update not included within 2 minutes: dropped",
                        fields: [("transaction", .text("oracle_update")), ("asset", .text(symbol))]))
            case .liquidation(let liquidator, let account, _):
                self[liquidator: liquidator].pending.removeAll { $0 == account }
                let name = self[liquidator: liquidator].name
                let id = pool.accounts.id(at: account)
                events.append(
                    Event(
                        timeMs: time, kind: .expired,
                        message: "\(name)'s liquidation of \(id) not included within 2 minutes: dropped",
                        fields: [
                            ("transaction", .text("liquidation")), ("account", .text(id)), ("liquidator", .text(name)),
                        ],
                        liquidator: liquidator, account: account))
            case .repay(let account, _, _), .supply(let account, _, _):
                defencePending[account] = false
            }
        }
        return events
    }

    /// A block's liquidation events, with the race told: a liquidation counts the rival bids for the same
    /// account that came after it in the block (`rivals`), and each of those says who got there first
    /// (`winner`).
    static func namingTheRace(_ events: [Event]) -> [Event] {
        var winners: [Int: (index: Int, name: String)] = [:]
        var events = events
        for index in events.indices {
            guard let account = events[index].account,
                let name = events[index].fields.first(where: { $0.0 == "liquidator" })
            else { continue }
            switch events[index].kind {
            case .liquidation where winners[account] == nil:
                if case .text(let liquidator) = name.1 { winners[account] = (index, liquidator) }
            case .failedLiquidation:
                guard let winner = winners[account], events[index].failure != .walletShort,
                    events[index].failure != .nodeDown
                else { continue }
                if case .text(let loser) = name.1 {
                    let reason = events[index].failure?.code ?? ""
                    let accountID =
                        events[index].fields.first { $0.0 == "account" }.map { field -> String in
                            if case .text(let text) = field.1 { return text } else { return "" }
                        } ?? ""
                    events[index].message = "\(loser) lost \(accountID) to \(winner.name) (\(reason))"
                }
                events[index].fields.append(("winner", .text(winner.name)))
                let rivals = events[winner.index].fields.firstIndex { $0.0 == "rivals" }
                if let rivals, case .int(let count) = events[winner.index].fields[rivals].1 {
                    events[winner.index].fields[rivals].1 = .int(count + 1)
                } else {
                    events[winner.index].fields.append(("rivals", .int(1)))
                }
            default: continue
            }
        }
        for (index, _) in winners.values {
            guard let rivals = events[index].fields.firstIndex(where: { $0.0 == "rivals" }),
                case .int(let count) = events[index].fields[rivals].1
            else {
                events[index].fields.append(("rivals", .int(0)))
                continue
            }
            events[index].message += ", ahead of \(count) rival bid\(count == 1 ? "" : "s")"
        }
        return events
    }

    mutating func buildBlock(slot: Int, proposer: Int, at start: Int64) -> [Event] {
        pool.time = UInt64(start / 1_000)
        var events = expireTransactions(at: start)
        events += executeDueProposals(at: start)
        // Shortest paths between regions only matter for transactions waiting to be chosen.
        let paths = chain.mempool.isEmpty ? [] : network.regionPaths(at: start)
        let origins = chain.mempool.map { network.nodes[$0.origin].region }
        let chosen = chain.selectTransactions(
            proposerRegion: network.nodes[proposer].region, cutoffMs: start,
            paths: paths, origins: origins)
        let transactions = chosen.map { chain.mempool[$0] }
        let chosenIDs = Set(transactions.map(\.id))
        chain.mempool.removeAll { chosenIDs.contains($0.id) }
        var gasUsed: UInt64 = 0
        var executed: [Event] = []
        for transaction in transactions {
            gasUsed += transaction.gas
            executed += execute(transaction, at: start)
        }
        events += Self.namingTheRace(executed)
        // Everyone else's transactions fill the rest of the block, less of it as the base fee rises.
        let background = FeeMarket.backgroundGas(
            baseFeeWei: chain.baseFeeWei, noise: rng.normal(), demand: settings.network.gasDemand)
        gasUsed = min(FeeMarket.gasLimit, gasUsed + background)
        chain.height += 1
        chain.blocksProduced += 1
        let block = Block(
            height: chain.height, slot: slot, proposer: proposer, timeMs: start,
            transactionCount: transactions.count, gasUsed: gasUsed, baseFeeGwei: chain.baseFeeGwei)
        chain.recentBlocks.append(block)
        if chain.recentBlocks.count > 64 { chain.recentBlocks.removeFirst() }
        chain.baseFeeWei = FeeMarket.nextBaseFee(chain.baseFeeWei, gasUsed: gasUsed)
        events.insert(
            Event(
                timeMs: start, kind: .block,
                message: "block \(chain.height) by \(network.nodes[proposer].name), \(transactions.count) txs",
                fields: [
                    ("height", .int(Int64(chain.height))), ("slot", .int(Int64(slot))),
                    ("proposer", .text(network.nodes[proposer].name)),
                    ("txs", .int(Int64(transactions.count))), ("gas_used", .int(Int64(gasUsed))),
                    ("base_fee_gwei", .int(Int64(block.baseFeeGwei))),
                ]), at: 0)

        if gossipBank != nil {
            chain.pendingArrivals = gossipBank!.propagate(
                in: network, from: proposer, at: start, blockBytes: settings.network.blockBytes, using: &rng)
        } else {
            chain.pendingArrivals = Gossip.propagate(
                in: network, from: proposer, at: start,
                blockBytes: settings.network.blockBytes, using: &rng)
        }
        chain.pendingHeight = chain.height
        chain.pendingStartMs = start
        network.nodes[proposer].head = chain.height
        arbitrage()
        events += reactToBlock(at: start)
        return events
    }

    /// Justified when attesting stake is at least 2/3; the previous epoch is finalized when two
    /// consecutive epochs are justified (docs/mechanics.md).
    mutating func settleEpoch(_ epoch: Int, at time: Int64) -> [Event] {
        let (online, total) = network.attestingStake(at: time)
        let justified = total > 0 && UInt128(online) * 3 >= UInt128(total) * 2
        chain.justifiedEpochs.append(justified)
        chain.epochEndHeights.append(chain.height)
        let share = total == 0 ? 0 : Int64(UInt128(online) * 100 / UInt128(total))
        var events: [Event] = []
        if justified {
            events.append(
                Event(
                    timeMs: time, kind: .justified, message: "epoch \(epoch) justified (\(share) % of stake attesting)",
                    fields: [("epoch", .int(Int64(epoch))), ("attesting_percent", .int(share))]))
            if epoch >= 1, chain.justifiedEpochs[epoch - 1], epoch - 1 > chain.finalizedEpoch {
                chain.finalizedEpoch = epoch - 1
                chain.finalizedHeight = max(chain.finalizedHeight, chain.epochEndHeights[epoch - 1])
                events.append(
                    Event(
                        timeMs: time, kind: .finalized,
                        message: "epoch \(epoch - 1) finalized at height \(chain.finalizedHeight)",
                        fields: [("epoch", .int(Int64(epoch - 1))), ("height", .int(Int64(chain.finalizedHeight)))]))
            }
        } else {
            events.append(
                Event(
                    timeMs: time, kind: .finalityStalled,
                    message: "epoch \(epoch) not justified: \(share) % of stake attesting, 67 % needed",
                    fields: [("epoch", .int(Int64(epoch))), ("attesting_percent", .int(share))]))
        }
        return events
    }
}
