extension World {
    /// What agents do when a block lands: bots look for profitable liquidations (fast scan, exact quote,
    /// profit after DEX slippage and gas) and bid for them; defending borrowers repay when close to the edge.
    mutating func reactToBlock(at time: Int64) throws -> [Event] {
        var events: [Event] = []
        let limit = max(1 + riskIndex.upperBand, settings.borrowers.defendBelow)
        let candidates = riskIndex.candidates(below: limit)
        if botsEnabled, !liquidators.isEmpty {
            // The largest debts first (where the profit is), each sized for profit with exact quotes.
            var largest = Smallest<LargestDebt>(80)
            for candidate in candidates where candidate.healthFactor < 1 + riskIndex.upperBand {
                largest.insert(LargestDebt(debt: riskIndex.debtUSD(account: candidate.account), account: candidate.account))
            }
            var opportunities: [(account: Int, request: LiquidationRequest, profit: Int128, debtRepaid: UInt128)] = []
            for candidate in largest.sorted {
                // A quote the protocol's arithmetic cannot make (an amount past 2^128) is no opportunity.
                guard let best = try? bestLiquidation(account: candidate.account) else { continue }
                opportunities.append((candidate.account, best.request, best.profit, best.debtRepaid))
                if opportunities.count >= 40 { break }
            }
            for bot in liquidators.indices {
                let host = liquidators[bot].host
                guard network.isUp(host, at: time), let arrival = chain.pendingArrivals[host] else { continue }
                let submitAt = max(arrival, time) + 100
                // What this block's bids already promise to pay, per asset: a wallet pays each bid once.
                var committed = [UInt128](repeating: 0, count: pool.reserves.count)
                for opportunity in opportunities where !liquidators[bot].pending.contains(opportunity.account) {
                    guard opportunity.profit >= Int128(liquidators[bot].minimumProfitUSD * 1e8) else { continue }
                    // A bot does not send what it cannot pay for: without a flash loan the debt comes from its wallet.
                    let c = opportunity.request.collateralReserve, d = opportunity.request.debtReserve
                    let flash = liquidators[bot].usesFlashLoans && dexPools.contains { $0.asset == c && $0.stable == d }
                    guard flash || liquidators[bot].wallet[d] >= committed[d] + opportunity.debtRepaid else {
                        if liquidators[bot].shortOf.insert(d).inserted {
                            let symbol = pool.reserves[d].configuration.symbol
                            events.append(Event(timeMs: time, kind: .bots,
                                                message: "\(liquidators[bot].name) is out of \(symbol): it leaves liquidations of \(symbol) debt to others",
                                                fields: [("liquidator", .text(liquidators[bot].name)), ("asset", .text(symbol))]))
                        }
                        continue
                    }
                    if !flash { committed[d] += opportunity.debtRepaid }
                    let fee = priorityFee(for: opportunity.profit, aggressiveness: liquidators[bot].aggressiveness)
                    _ = chain.submit(.liquidation(liquidator: bot, account: opportunity.account, request: opportunity.request),
                                     origin: host, at: submitAt, priorityFeeGwei: fee, gas: Transaction.liquidationGas)
                    liquidators[bot].pending.append(opportunity.account)
                    liquidationStatus[opportunity.account] = .inMempool
                }
            }
        }
        // Not at any price: a borrower pays at most 1 % of what the repayment is worth in gas (at the
        // transaction's fee cap), so a fee spike prices defence out rather than feeding it. The estimate of the
        // debt skips the clear cases (with 1 % to spare) before the exact check below.
        let gasCapBase = FullWidth.mulDivSaturating(UInt128(Transaction.defenceGas) * (2 * UInt128(chain.baseFeeWei) + 1_000_000_000),
                                                    ethPrice, WadRayMath.wad)
        let smallestWorthIt = Double(gasCapBase) / 1e8 * 100 / 0.3 * 0.99
        // Defenders closest to the edge act first.
        let defending = candidates.filter {
            $0.account < defenders.count && defenders[$0.account] && !defencePending[$0.account]
                && $0.healthFactor < settings.borrowers.defendBelow && $0.healthFactor > 0.5
                && riskIndex.debtUSD(account: $0.account) >= smallestWorthIt
        }.sorted { ($0.healthFactor, $0.account) < ($1.healthFactor, $1.account) }
        for candidate in defending {
            let account = candidate.account
            let borrower = pool.accounts[account]
            let debts: [UInt128] = pool.reserves.indices.map { (try? pool.debtBalance(borrower, reserve: $0)) ?? 0 }
            let values: [UInt128] = debts.indices.map {
                FullWidth.mulDivSaturating(debts[$0], pool.prices[$0], pool.reserves[$0].configuration.unit)
            }
            guard let reserve = values.indices.max(by: { values[$0] < values[$1] }), debts[reserve] > 0 else { continue }
            guard gasCapBase.saturatingMultiplied(by: 100) <= FullWidth.mulDivSaturating(values[reserve], 3, 10) else { continue }
            let origin = account % network.nodes.count
            guard network.isUp(origin, at: time) else { continue }
            _ = chain.submit(.repay(account: account, reserve: reserve, amount: FullWidth.mulDivSaturating(debts[reserve], 3, 10)), origin: origin,
                             at: time + 2_000, priorityFeeGwei: 1, gas: Transaction.defenceGas)
            defencePending[account] = true
        }
        return events
    }

    /// Largest debt first, ties by account.
    struct LargestDebt: Comparable {
        var debt: Double
        var account: Int
        static func < (a: LargestDebt, b: LargestDebt) -> Bool { (a.debt, -a.account) > (b.debt, -b.account) }
    }

    var ethPrice: UInt128 { pool.reserveIndex(symbol: "WETH").map { truePrices[$0] } ?? 200_000_000_000 }

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
            guard request.debtToCover > 0, let quote = try? pool.quoteLiquidation(accountIndex: account, request) else { continue }
            let profit = try evaluate(quote)
            if profit > 0, best == nil || profit > best!.1 { best = (request, profit, quote.debtRepaid) }
            // Halving again only helps while it helps: slippage shrinks, the bonus shrinks too.
            if divisor > 1, profit <= previous { break }
            if divisor == 1, profit > 0, quote.collateralSeized.saturatingMultiplied(by: 50) < (dexPools.first { $0.asset == quote.request.collateralReserve }?.assetReserve ?? .max) {
                break   // under 2 % of the pool: slippage is small, the whole amount is best
            }
            previous = profit
        }
        return best
    }

    /// The parts of a liquidation's expected profit, USD with 8 decimals, all in integers.
    public struct ProfitBreakdown: Sendable, Equatable {
        public var proceeds: UInt128
        public var cost: UInt128
        public var gas: UInt128
        public var premium: UInt128
        public var amountOut: UInt128?
        public var dex: Bool
        public var profit: Int128 { Int128(proceeds) - Int128(cost) - Int128(gas) - Int128(premium) }
    }

    /// DEX proceeds of the collateral (or its true value without a pool), the debt's true value, gas at
    /// the base fee, and the flash-loan premium where the bots borrow the debt asset.
    public func profitBreakdown(_ quote: LiquidationQuote) throws -> ProfitBreakdown {
        let c = quote.request.collateralReserve, d = quote.request.debtReserve
        let units = pool.reserves.map(\.configuration.unit)
        var breakdown = ProfitBreakdown(proceeds: 0, cost: 0, gas: 0, premium: 0, amountOut: nil, dex: false)
        let dex = dexPools.first(where: { $0.asset == c })
        if let dex {
            let out = try DexPool.amountOut(quote.liquidatorReceives, reserveIn: dex.assetReserve, reserveOut: dex.stableReserve)
            breakdown.proceeds = try FullWidth.mulDiv(out, truePrices[dex.stable], units[dex.stable])
            breakdown.amountOut = out
            breakdown.dex = true
        } else {
            breakdown.proceeds = try FullWidth.mulDiv(quote.liquidatorReceives, truePrices[c], units[c])
        }
        breakdown.cost = try FullWidth.mulDiv(quote.debtRepaid, truePrices[d], units[d])
        breakdown.gas = FullWidth.mulDivSaturating(UInt128(Transaction.liquidationGas) * UInt128(chain.baseFeeWei), ethPrice, WadRayMath.wad)
        if settings.bots.flashLoans, dex?.stable == d {
            breakdown.premium = try FullWidth.mulDiv(PercentageMath.percentMul(quote.debtRepaid, pool.flashLoanPremiumTotalBps), truePrices[d], units[d])
        }
        return breakdown
    }

    /// Expected profit in USD (8 decimals) of a liquidation: proceeds − cost − gas − premium.
    func evaluate(_ quote: LiquidationQuote) throws -> Int128 { try profitBreakdown(quote).profit }

    /// The priority fee (gwei) that bids `aggressiveness` of the expected profit: bid / (gas × ETH price).
    func priorityFee(for profit: Int128, aggressiveness: Double) -> UInt64 {
        guard profit > 0 else { return 1 }
        let bid = UInt128(Double(profit) * aggressiveness)
        let perGwei = max(1, FullWidth.mulDivSaturating(UInt128(Transaction.liquidationGas), ethPrice, 1_000_000_000))
        return UInt64(min(1_000, max(1, bid / perGwei)))
    }
}
