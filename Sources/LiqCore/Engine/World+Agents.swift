extension World {
    /// What agents do when a block lands: bots look for profitable liquidations (fast scan, exact quote,
    /// profit after DEX slippage and gas) and bid for them; defending borrowers repay when close to the edge.
    mutating func reactToBlock(at time: Int64) throws -> [Event] {
        let prices = pool.prices.map { Double($0) / 1e8 }
        let limit = max(1.0001, settings.borrowers.defendBelow)
        let candidates = riskIndex.candidates(prices: prices, below: limit)
        if botsEnabled, !liquidators.isEmpty {
            var opportunities: [(account: Int, quote: LiquidationQuote)] = []
            for candidate in candidates where candidate.healthFactor < 1.0001 {
                guard let quote = try? pool.quotePosition(accountIndex: candidate.account).liquidation else { continue }
                opportunities.append((candidate.account, quote))
                if opportunities.count >= 40 { break }
            }
            for bot in liquidators.indices {
                let host = liquidators[bot].host
                guard network.isUp(host, at: time), let arrival = chain.pendingArrivals[host] else { continue }
                let submitAt = max(arrival, time) + 100
                for (account, quote) in opportunities {
                    guard !liquidators[bot].pending.contains(account) else { continue }
                    guard let (profit, feeGwei) = try evaluate(quote, aggressiveness: liquidators[bot].aggressiveness),
                          profit >= Int128(liquidators[bot].minimumProfitUSD * 1e8) else { continue }
                    var request = quote.request
                    request.debtToCover = .max
                    _ = chain.submit(.liquidation(liquidator: bot, account: account, request: request), origin: host,
                                     at: submitAt, priorityFeeGwei: feeGwei, gas: Transaction.liquidationGas)
                    liquidators[bot].pending.append(account)
                    liquidators[bot].profitUSD += Double(profit) / 1e8
                    liquidationStatus[account] = .inMempool
                }
            }
        }
        for candidate in candidates where candidate.account < defenders.count {
            let account = candidate.account
            guard defenders[account], !defencePending[account], candidate.healthFactor < settings.borrowers.defendBelow,
                  candidate.healthFactor > 0.5 else { continue }
            let debts = pool.reserves.indices.map { (try? pool.debtBalance(pool.accounts[account], reserve: $0)) ?? 0 }
            guard let reserve = debts.indices.max(by: { debts[$0] * pool.prices[$0] / pool.reserves[$0].configuration.unit
                                                        < debts[$1] * pool.prices[$1] / pool.reserves[$1].configuration.unit }),
                  debts[reserve] > 0 else { continue }
            let origin = account % network.nodes.count
            guard network.isUp(origin, at: time) else { continue }
            _ = chain.submit(.repay(account: account, reserve: reserve, amount: debts[reserve] * 3 / 10), origin: origin,
                             at: time + 2_000, priorityFeeGwei: 1, gas: Transaction.defenceGas)
            defencePending[account] = true
        }
        return []
    }

    /// Expected profit in USD (8 decimals) of a liquidation and the priority fee to bid, all in integers:
    /// DEX proceeds of the collateral (or its true value without a pool) minus the debt's true value minus gas.
    func evaluate(_ quote: LiquidationQuote, aggressiveness: Double) throws -> (Int128, UInt64)? {
        let c = quote.request.collateralReserve, d = quote.request.debtReserve
        let units = pool.reserves.map(\.configuration.unit)
        var proceeds: UInt128
        if let dex = dexPools.first(where: { $0.asset == c }) {
            let out = try DexPool.amountOut(quote.liquidatorReceives, reserveIn: dex.assetReserve, reserveOut: dex.stableReserve)
            proceeds = try FullWidth.mulDiv(out, truePrices[dex.stable], units[dex.stable])
        } else {
            proceeds = try FullWidth.mulDiv(quote.liquidatorReceives, truePrices[c], units[c])
        }
        let cost = try FullWidth.mulDiv(quote.debtRepaid, truePrices[d], units[d])
        let ethPrice = pool.reserveIndex(symbol: "WETH").map { truePrices[$0] } ?? 200_000_000_000
        let gasBase = try FullWidth.mulDiv(UInt128(Transaction.liquidationGas) * UInt128(chain.baseFeeWei), ethPrice,
                                           WadRayMath.wad)
        let before = Int128(proceeds) - Int128(cost) - Int128(gasBase)
        guard before > 0 else { return (before, 1) }
        // Bid a share of the profit as priority fee: gwei = bid / (gas × ETH price) × 1e9.
        let bid = UInt128(Double(before) * aggressiveness)
        let perGwei = max(1, UInt128(Transaction.liquidationGas) * ethPrice / 1_000_000_000)
        let fee = UInt64(min(1_000, max(1, bid / perGwei)))
        let priorityBase = UInt128(fee) * perGwei
        return (before - Int128(priorityBase), fee)
    }
}
