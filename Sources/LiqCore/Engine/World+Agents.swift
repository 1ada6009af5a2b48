/// The world carries out what its agents decide: agents decide from a read-only world (LiquidatorBots,
/// Defenders, OracleReporters, Arbitrageur.plan) and return intents; only these functions change the world.
extension World {
    /// Bots bid for liquidations and defending borrowers repay, once a block has landed.
    mutating func reactToBlock(at time: Int64) -> [Event] {
        let limit = max(1 + riskIndex.upperBand, settings.borrowers.defendBelow)
        let candidates: [(account: Int, healthFactor: Double)]
        if let cache = candidateCache, cache.version == riskIndex.version, cache.limit == limit {
            candidates = cache.found
        } else {
            candidates = riskIndex.candidates(below: limit)
            candidateCache = (riskIndex.version, limit, candidates)
        }
        // Each bot's bids vary around its share, one draw per bot and opportunity (a priority-gas auction).
        let noise = liquidators.map { bot in
            (0..<Self.opportunityLimit).map { _ in 1 + bot.strategy.bidSpread * (2 * rng.unit() - 1) }
        }
        let decisions = decideBots(at: time, candidates: candidates, bidNoise: noise)
        var events: [Event] = []
        for shortage in decisions.shortages {
            liquidators[shortage.bot].shortOf.insert(shortage.asset)
            let name = liquidators[shortage.bot].name, symbol = pool.reserves[shortage.asset].configuration.symbol
            events.append(
                Event(
                    timeMs: time, kind: .bots,
                    message: "\(name) is out of \(symbol): it leaves liquidations of \(symbol) debt to others",
                    fields: [("liquidator", .text(name)), ("asset", .text(symbol))], liquidator: .bot(shortage.bot)))
        }
        for bid in decisions.bids { send(bid.intent, liquidation: (.bot(bid.bot), bid.account)) }
        for defence in decideDefences(at: time, candidates: candidates) {
            send(defence.intent)
            defencePending[defence.account] = true
        }
        return events
    }

    /// Reporters post their updates.
    mutating func submitOracleUpdates() {
        for update in decideOracleUpdates() { feeds[update.feed].pendingTransaction = send(update.intent) }
    }

    /// The arbitrageur trades each pool toward the true price; a trade whose amounts do not fit is not made.
    mutating func arbitrage() {
        let units = pool.reserves.map(\.configuration.unit)
        for index in dexPools.indices {
            guard let trade = try? arbitrageur.plan(dexPools[index], truePrices: truePrices, units: units) else {
                continue
            }
            try? arbitrageur.execute(trade, on: &dexPools[index])
        }
    }

    /// Sends an intent into the mempool; a liquidation is the liquidator's pending until it lands or lapses.
    @discardableResult
    mutating func send(_ intent: Intent, liquidation: (by: LiquidatorID, account: Int)? = nil) -> Int {
        let id = chain.submit(
            intent.kind, origin: intent.origin, at: intent.atMs, priorityFeeGwei: intent.priorityFeeGwei,
            gas: intent.gas, baseFeeHeadroom: intent.baseFeeHeadroom)
        if let liquidation { self[liquidator: liquidation.by].pending.append(liquidation.account) }
        return id
    }

    /// The user's liquidation: the same intent as a bot's, bidding half the expected profit (at least 5 gwei),
    /// like a determined liquidator.
    mutating func sendUserLiquidation(account: Int, request: LiquidationRequest) -> [Event] {
        let id = pool.accounts[account].id
        guard network.isUp(user.host, at: nowMs) else {
            return [
                Event(
                    timeMs: nowMs, kind: .failedLiquidation,
                    message: "your node is down: liquidation of \(id) not sent",
                    fields: [
                        ("account", .text(id)), ("liquidator", .text(user.name)),
                        ("reason", .text(LiquidationFailure.nodeDown.code)),
                    ],
                    liquidator: .user, account: account, failure: .nodeDown)
            ]
        }
        let profit = (try? pool.quoteLiquidation(accountIndex: account, request)).flatMap { try? evaluate($0) } ?? 0
        let fee = max(5, priorityFee(for: profit, aggressiveness: 0.5))
        send(
            Intent(
                kind: .liquidation(liquidator: .user, account: account, request: request), origin: user.host,
                atMs: nowMs,
                priorityFeeGwei: fee, gas: Transaction.liquidationGas), liquidation: (.user, account))
        return [
            Event(
                timeMs: nowMs, kind: .submitted, message: "your liquidation of \(id) is in the mempool",
                fields: [("account", .text(id)), ("liquidator", .text(user.name))], liquidator: .user, account: account)
        ]
    }
}
