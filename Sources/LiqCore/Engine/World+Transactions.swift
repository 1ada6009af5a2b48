extension World {
    /// Executes one included transaction against the state of its block.
    mutating func execute(_ transaction: Transaction, at time: Int64) -> [Event] {
        switch transaction.kind {
        case .oracleUpdate(let feed, let price):
            let asset = feeds[feed].asset
            pool.prices[asset] = price
            riskIndex.rebase(pool: pool)
            feeds[feed].updatedAtMs = time
            feeds[feed].pendingTransaction = nil
            feeds[feed].dueSinceMs = nil
            feeds[feed].updates += 1
            statistics.oracleUpdates += 1
            let symbol = pool.reserves[asset].configuration.symbol
            let shown = DecimalAmount.format(price, decimals: 8, places: 2)
            var fields: [(String, Event.Value)] = [
                ("asset", .text(symbol)), ("price", .decimal(DecimalAmount.format(price, decimals: 8))),
            ]
            // Posted by a reporter an intruder controls: say so, with the market's price beside it.
            let manipulated = isManipulated(feeds[feed])
            if manipulated { fields.append(("manipulated", .text("true"))) }
            let truth = DecimalAmount.format(truePrices[asset], decimals: 8, places: 2)
            return [
                Event(
                    timeMs: time, kind: .oracleUpdate,
                    message: "\(symbol) oracle \(shown)"
                        + (manipulated ? " (manipulated: the market is at \(truth))" : ""),
                    fields: fields)
            ]
        case .liquidation(let liquidator, let account, let request):
            return executeLiquidation(by: liquidator, account: account, request: request, at: time)
        case .repay(let account, let reserve, let amount):
            defencePending[account] = false
            // A repayment the protocol refuses (nothing left in the wallet, an amount past 2^128) reverts and
            // changes nothing.
            guard
                let paid = try? pool.repay(
                    accountIndex: account, reserve: reserve, amount: min(amount, borrowerWallet[reserve]))
            else {
                return []
            }
            borrowerWallet[reserve] -= paid
            riskIndex.refresh(account: account, in: pool)
            statistics.defences += 1
            let symbol = pool.reserves[reserve].configuration.symbol
            let shown = DecimalAmount.format(paid, decimals: pool.reserves[reserve].configuration.decimals, places: 2)
            return [
                Event(
                    timeMs: time, kind: .defence,
                    message: "\(pool.accounts[account].id) repaid \(shown) \(symbol)",
                    fields: [
                        ("account", .text(pool.accounts[account].id)), ("asset", .text(symbol)),
                        (
                            "amount",
                            .decimal(
                                DecimalAmount.format(paid, decimals: pool.reserves[reserve].configuration.decimals))
                        ),
                    ])
            ]
        case .supply(let account, let reserve, let amount):
            defencePending[account] = false
            let added = min(amount, borrowerWallet[reserve])
            guard added > 0, (try? pool.supply(accountIndex: account, reserve: reserve, amount: added)) != nil else {
                return []
            }
            borrowerWallet[reserve] -= added
            riskIndex.refresh(account: account, in: pool)
            statistics.defences += 1
            return []
        }
    }
}
