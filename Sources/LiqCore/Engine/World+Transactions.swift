extension World {
    /// Executes one included transaction against the state of its block.
    mutating func execute(_ transaction: Transaction, at time: Int64) throws -> [Event] {
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
            return [Event(timeMs: time, kind: .oracleUpdate, message: "\(symbol) oracle \(shown)",
                          fields: [("asset", .text(symbol)), ("price", .decimal(DecimalAmount.format(price, decimals: 8)))])]
        case .liquidation(let liquidator, let account, let request):
            return try executeLiquidation(liquidator: liquidator, account: account, request: request, at: time)
        case .repay(let account, let reserve, let amount):
            defencePending[account] = false
            // A repayment the protocol refuses (nothing left in the wallet, an amount past 2^128) reverts and
            // changes nothing.
            guard let paid = try? pool.repay(accountIndex: account, reserve: reserve, amount: min(amount, borrowerWallet[reserve])) else {
                return []
            }
            borrowerWallet[reserve] -= paid
            riskIndex.refresh(account: account, in: pool)
            statistics.defences += 1
            let symbol = pool.reserves[reserve].configuration.symbol
            return [Event(timeMs: time, kind: .defence,
                          message: "\(pool.accounts[account].id) repaid \(DecimalAmount.format(paid, decimals: pool.reserves[reserve].configuration.decimals, places: 2)) \(symbol)",
                          fields: [("account", .text(pool.accounts[account].id)), ("asset", .text(symbol)),
                                   ("amount", .decimal(DecimalAmount.format(paid, decimals: pool.reserves[reserve].configuration.decimals)))])]
        case .supply(let account, let reserve, let amount):
            defencePending[account] = false
            let added = min(amount, borrowerWallet[reserve])
            guard added > 0, (try? pool.supply(accountIndex: account, reserve: reserve, amount: added)) != nil else { return [] }
            borrowerWallet[reserve] -= added
            riskIndex.refresh(account: account, in: pool)
            statistics.defences += 1
            return []
        }
    }

    /// A liquidation revalidated against the block's state: it pays from the liquidator's wallet, takes the
    /// collateral, and sells it on the DEX in the same transaction. It can fail (already liquidated,
    /// recovered, outbid); the failure is an event.
    mutating func executeLiquidation(liquidator: Int?, account: Int, request: LiquidationRequest, at time: Int64) throws -> [Event] {
        var wallet = liquidator.map { liquidators[$0].wallet } ?? user.wallet
        let name = liquidator.map { liquidators[$0].name } ?? user.name
        let id = pool.accounts[account].id
        let c = request.collateralReserve, d = request.debtReserve
        if let bot = liquidator, liquidators[bot].usesFlashLoans,
           let dex = dexPools.firstIndex(where: { $0.asset == c && $0.stable == d }) {
            return try executeFlashLiquidation(bot: bot, account: account, request: request, dex: dex, at: time)
        }
        let quote: LiquidationQuote
        do {
            quote = try pool.quoteLiquidation(accountIndex: account, request)
            guard wallet[request.debtReserve] >= quote.debtRepaid else {
                return liquidationFailed(liquidator: liquidator, account: account, status: "wallet short of debt asset",
                                         reason: "INSUFFICIENT_BALANCE", message: "\(name) could not pay for \(id)", at: time)
            }
            try pool.liquidate(accountIndex: account, request)
        } catch let error as LiquidationError {
            return liquidationFailed(liquidator: liquidator, account: account, status: error.rawValue, at: time)
        } catch {
            // An amount past 2^128 reverts, as Solidity 0.8's checked arithmetic does (Panic 0x11).
            return liquidationFailed(liquidator: liquidator, account: account, status: Self.overflowStatus, at: time)
        }
        wallet[d] -= quote.debtRepaid
        wallet[c] += quote.liquidatorReceives
        let units = pool.reserves.map(\.configuration.unit)
        var proceedsBase = FullWidth.mulDivSaturating(quote.liquidatorReceives, truePrices[c], units[c])
        // The sale needs a pool, and a pool that can take the amount (else the liquidator keeps the collateral).
        if let index = dexPools.firstIndex(where: { $0.asset == c }), let out = try? dexPools[index].sellAsset(quote.liquidatorReceives) {
            wallet[c] -= quote.liquidatorReceives
            wallet[dexPools[index].stable] += out
            proceedsBase = FullWidth.mulDivSaturating(out, truePrices[dexPools[index].stable], units[dexPools[index].stable])
        }
        if let liquidator {
            liquidators[liquidator].wallet = wallet
            liquidators[liquidator].pending.removeAll { $0 == account }
            liquidators[liquidator].liquidations += 1
        } else {
            user.wallet = wallet
            user.pending.removeAll { $0 == account }
            user.liquidations += 1
        }
        liquidationStatus[account] = nil
        let profit = Int128(clamping: proceedsBase) - Int128(clamping: FullWidth.mulDivSaturating(quote.debtRepaid, truePrices[d], units[d]))
        return recordLiquidation(quote, by: name, liquidator: liquidator, account: account, profit: profit, at: time)
    }

    /// A liquidation funded by a flash loan of the debt asset: borrow, liquidate, sell the collateral on the
    /// DEX, repay loan + premium, keep the rest. If the sale cannot repay, the whole transaction reverts.
    mutating func executeFlashLiquidation(bot: Int, account: Int, request: LiquidationRequest, dex: Int, at time: Int64) throws -> [Event] {
        let name = liquidators[bot].name
        func fail(_ reason: String) -> [Event] { liquidationFailed(liquidator: bot, account: account, status: reason, at: time) }
        let quote: LiquidationQuote
        let proceeds: UInt128
        do {
            quote = try pool.quoteLiquidation(accountIndex: account, request)
            proceeds = try DexPool.amountOut(quote.liquidatorReceives, reserveIn: dexPools[dex].assetReserve,
                                             reserveOut: dexPools[dex].stableReserve)
        } catch let error as LiquidationError {
            return fail(error.rawValue)
        } catch {
            return fail(Self.overflowStatus)
        }
        var executed: LiquidationQuote?
        let receipt: FlashLoanReceipt
        do {
            receipt = try pool.flashLoan(reserve: request.debtReserve, amount: quote.debtRepaid) { inner, _, _ in
                executed = try inner.liquidate(accountIndex: account, request)
                return proceeds
            }
        } catch let error as LiquidationError {
            return fail(error.rawValue)
        } catch is FlashLoanError {
            return fail("FLASH_LOAN_NOT_REPAID")
        } catch {
            return fail(Self.overflowStatus)
        }
        guard let executed else { return fail("FLASH_LOAN_NOT_REPAID") }
        let out = try dexPools[dex].sellAsset(executed.liquidatorReceives)
        let kept = out - (receipt.amount + receipt.premium)
        liquidators[bot].wallet[request.debtReserve] += kept
        liquidators[bot].pending.removeAll { $0 == account }
        liquidators[bot].liquidations += 1
        liquidators[bot].flashLoans += 1
        liquidationStatus[account] = nil
        let profit = Int128(clamping: FullWidth.mulDivSaturating(kept, truePrices[request.debtReserve],
                                                                 pool.reserves[request.debtReserve].configuration.unit))
        return recordLiquidation(executed, by: name, liquidator: bot, account: account, profit: profit, at: time)
    }

    /// What a liquidation that overflowed shows: Solidity 0.8 reverts on it with Panic(0x11).
    static let overflowStatus = "ARITHMETIC_OVERFLOW"

    /// The bookkeeping of a liquidation that reverted: the liquidator's pending entry and failure count,
    /// the account's status, the user's outcome, statistics and the event. `status` is what the dashboard
    /// shows; `reason` and `message` default to it.
    mutating func liquidationFailed(liquidator: Int?, account: Int, status: String, reason: String? = nil,
                                    message: String? = nil, at time: Int64) -> [Event] {
        let name = liquidator.map { liquidators[$0].name } ?? user.name
        let id = pool.accounts[account].id
        if let liquidator {
            liquidators[liquidator].pending.removeAll { $0 == account }
            liquidators[liquidator].failures += 1
        } else {
            user.pending.removeAll { $0 == account }
            user.failures += 1
            userOutcome = UserOutcome(account: account, succeeded: false, text: "your liquidation failed in block \(chain.height + 1): \(status)")
        }
        liquidationStatus[account] = .failed(status)
        statistics.failedLiquidations += 1
        return [Event(timeMs: time, kind: .failedLiquidation, message: message ?? "\(name) failed on \(id): \(status)",
                      fields: [("account", .text(id)), ("liquidator", .text(name)), ("reason", .text(reason ?? status))])]
    }

    /// Statistics and events of a liquidation that went through.
    mutating func recordLiquidation(_ quote: LiquidationQuote, by name: String, liquidator: Int?, account: Int,
                                    profit: Int128, at time: Int64) -> [Event] {
        let c = quote.request.collateralReserve, d = quote.request.debtReserve
        let id = pool.accounts[account].id
        riskIndex.refresh(account: account, in: pool)
        if let liquidator { liquidators[liquidator].shortOf.remove(d) }
        let repaidBase = FullWidth.mulDivSaturating(quote.debtRepaid, pool.prices[d], pool.reserves[d].configuration.unit)
        if liquidator == nil {
            let collateral = pool.reserves[c].configuration, debt = pool.reserves[d].configuration
            userOutcome = UserOutcome(
                account: account, succeeded: true,
                text: "executed in block \(chain.height + 1): you repaid \(DecimalAmount.format(quote.debtRepaid, decimals: debt.decimals)) \(debt.symbol) and received \(DecimalAmount.format(quote.liquidatorReceives, decimals: collateral.decimals)) \(collateral.symbol)")
        }
        statistics.liquidations += 1
        statistics.debtRepaidBase += repaidBase
        if let liquidator {
            liquidators[liquidator].debtRepaidBase += repaidBase
            liquidators[liquidator].profitUSD += Double(profit) / 1e8
        } else {
            user.debtRepaidBase += repaidBase
            user.profitUSD += Double(profit) / 1e8
        }
        let collateral = pool.reserves[c].configuration, debt = pool.reserves[d].configuration
        var events = [Event(
            timeMs: time, kind: .liquidation,
            message: "\(name) liquidated \(id): repaid \(DecimalAmount.format(quote.debtRepaid, decimals: debt.decimals, places: 2)) \(debt.symbol), seized \(DecimalAmount.format(quote.collateralSeized, decimals: collateral.decimals, places: 4)) \(collateral.symbol)",
            fields: [("account", .text(id)), ("liquidator", .text(name)), ("collateral_asset", .text(collateral.symbol)),
                     ("debt_asset", .text(debt.symbol)),
                     ("debt_repaid", .decimal(DecimalAmount.format(quote.debtRepaid, decimals: debt.decimals))),
                     ("collateral_seized", .decimal(DecimalAmount.format(quote.collateralSeized, decimals: collateral.decimals))),
                     ("debt_repaid_usd", .decimal(DecimalAmount.format(repaidBase, decimals: 8))),
                     ("health_factor_before", .decimal(quote.healthFactorBefore.description))])]
        for reserve in quote.deficits.indices where quote.deficits[reserve] > 0 {
            let value = FullWidth.mulDivSaturating(quote.deficits[reserve], pool.prices[reserve], pool.reserves[reserve].configuration.unit)
            statistics.badDebtBase += value
            let configuration = pool.reserves[reserve].configuration
            events.append(Event(timeMs: time, kind: .deficit,
                                message: "bad debt: \(DecimalAmount.format(quote.deficits[reserve], decimals: configuration.decimals, places: 2)) \(configuration.symbol) of \(id) written off",
                                fields: [("account", .text(id)), ("asset", .text(configuration.symbol)),
                                         ("amount", .decimal(DecimalAmount.format(quote.deficits[reserve], decimals: configuration.decimals))),
                                         ("usd", .decimal(DecimalAmount.format(value, decimals: 8)))]))
        }
        return events
    }
}
