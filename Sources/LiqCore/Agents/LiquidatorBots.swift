/// What the liquidation bots decide when a block lands, from a read-only world: the largest underwater
/// debts first (where the profit is), each sized for profit with exact quotes; every bot whose node has the
/// block bids its own share of the profit, sends only what its wallet can pay (or a flash loan covers), and
/// says once when it runs out of a debt asset.
struct BotDecisions {
    struct Bid {
        var bot: Int
        var account: Int
        var intent: Intent
    }

    var bids: [Bid] = []
    /// Bots that found themselves newly short of an asset, in the order they found out.
    var shortages: [(bot: Int, asset: Int)] = []
}

extension World {
    /// The most opportunities a block's scan sizes, and the debts it looks at for them.
    static let opportunityLimit = 40
    static let largestDebtsScanned = 80

    /// `bidNoise[bot][i]` scales the bot's share of profit for the i-th opportunity (by debt).
    func decideBots(
        at time: Int64, candidates: [(account: Int, healthFactor: Double)], bidNoise: [[Double]]
    ) -> BotDecisions {
        var decisions = BotDecisions()
        guard botsEnabled, !liquidators.isEmpty else { return decisions }
        var largest = Smallest<LargestDebt>(Self.largestDebtsScanned)
        for candidate in candidates where candidate.healthFactor < 1 + riskIndex.upperBand {
            largest.insert(LargestDebt(debt: riskIndex.debtUSD(account: candidate.account), account: candidate.account))
        }
        var opportunities: [(account: Int, request: LiquidationRequest, profit: Int128, debtRepaid: UInt128)] = []
        for candidate in largest.sorted {
            // A quote the protocol's arithmetic cannot make (an amount past 2^128) is no opportunity.
            guard let best = try? bestLiquidation(account: candidate.account) else { continue }
            opportunities.append((candidate.account, best.request, best.profit, best.debtRepaid))
            if opportunities.count >= Self.opportunityLimit { break }
        }
        let byProfit = opportunities.indices.sorted {
            (opportunities[$0].profit, -opportunities[$0].account) > (
                opportunities[$1].profit, -opportunities[$1].account
            )
        }
        for bot in liquidators.indices {
            let liquidator = liquidators[bot]
            guard network.isUp(liquidator.host, at: time), let arrival = chain.pendingArrivals[liquidator.host] else {
                continue
            }
            let submitAt = max(arrival, time) + liquidator.strategy.reactionMs
            // What this block's bids already promise to pay, per asset: a wallet pays each bid once.
            var committed = [UInt128](repeating: 0, count: pool.reserves.count)
            var shortOf = liquidator.shortOf
            var sent = 0
            let order = liquidator.strategy.focus == .largestDebt ? Array(opportunities.indices) : byProfit
            for index in order where !liquidator.pending.contains(opportunities[index].account) {
                guard sent < liquidator.strategy.bidsPerBlock else { break }
                let opportunity = opportunities[index]
                guard opportunity.profit >= Int128(liquidator.minimumProfitUSD * 1e8) else { continue }
                // A bot does not send what it cannot pay for: without a flash loan the debt comes from its wallet.
                let c = opportunity.request.collateralReserve, d = opportunity.request.debtReserve
                let flash = liquidator.usesFlashLoans && dexPools.contains { $0.asset == c && $0.stable == d }
                guard flash || liquidator.wallet[d] >= committed[d] + opportunity.debtRepaid else {
                    if shortOf.insert(d).inserted { decisions.shortages.append((bot, d)) }
                    continue
                }
                if !flash { committed[d] += opportunity.debtRepaid }
                let share =
                    liquidator.aggressiveness
                    * (bot < bidNoise.count && index < bidNoise[bot].count ? bidNoise[bot][index] : 1)
                let fee = priorityFee(for: opportunity.profit, aggressiveness: share)
                sent += 1
                decisions.bids.append(
                    BotDecisions.Bid(
                        bot: bot, account: opportunity.account,
                        intent: Intent(
                            kind: .liquidation(
                                liquidator: .bot(bot), account: opportunity.account, request: opportunity.request),
                            origin: liquidator.host, atMs: submitAt, priorityFeeGwei: fee,
                            gas: Transaction.liquidationGas)))
            }
        }
        return decisions
    }

    /// The most profitable liquidation of an account: the rules' maximum and smaller slices of it
    /// (selling less collateral slips less on the DEX), each quoted exactly; nil when none pays.
    func bestLiquidation(account: Int) throws -> (request: LiquidationRequest, profit: Int128, debtRepaid: UInt128)? {
        let pair = try pool.defaultQuotePair(for: pool.accounts[account])
        var request = LiquidationRequest(collateralReserve: pair.collateral, debtReserve: pair.debt)
        guard let full = try? pool.quoteLiquidation(accountIndex: account, request) else { return nil }
        var best: (LiquidationRequest, Int128, UInt128)?
        var previous: Int128 = .min
        for divisor: UInt128 in [1, 2, 4, 8, 16] {
            request.debtToCover = divisor == 1 ? .max : full.debtRepaid / divisor
            guard request.debtToCover > 0, let quote = try? pool.quoteLiquidation(accountIndex: account, request) else {
                continue
            }
            let profit = try evaluate(quote)
            if profit > 0, best == nil || profit > best!.1 { best = (request, profit, quote.debtRepaid) }
            // Halving again only helps while it helps: slippage shrinks, the bonus shrinks too.
            if divisor > 1, profit <= previous { break }
            let poolDepth = dexPools.first { $0.asset == quote.request.collateralReserve }?.assetReserve ?? .max
            if divisor == 1, profit > 0, quote.collateralSeized.saturatingMultiplied(by: 50) < poolDepth {
                break // under 2 % of the pool: slippage is small, the whole amount is best
            }
            previous = profit
        }
        return best
    }

    /// Largest debt first, ties by account.
    struct LargestDebt: Comparable {
        var debt: Double
        var account: Int
        static func < (a: LargestDebt, b: LargestDebt) -> Bool { (a.debt, -a.account) > (b.debt, -b.account) }
    }
}
