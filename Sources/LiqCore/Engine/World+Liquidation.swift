/// A liquidation transaction in a block, by a bot or the user: one path for both.
extension World {
    /// Revalidated against the block's state: it pays from the liquidator's wallet, takes the collateral, and
    /// sells it on the DEX in the same transaction. It can fail (already liquidated, recovered, outbid, the
    /// wallet short); the failure is an event.
    mutating func executeLiquidation(
        by id: LiquidatorID, account: Int, request: LiquidationRequest, at time: Int64
    ) -> [Event] {
        var liquidator = self[liquidator: id]
        let c = request.collateralReserve, d = request.debtReserve
        if liquidator.usesFlashLoans, let dex = dexPools.firstIndex(where: { $0.asset == c && $0.stable == d }) {
            return executeFlashLiquidation(by: id, account: account, request: request, dex: dex, at: time)
        }
        let quote: LiquidationQuote
        do {
            quote = try pool.quoteLiquidation(accountIndex: account, request)
            guard liquidator.wallet[d] >= quote.debtRepaid else {
                return liquidationFailed(
                    by: id, account: account, failure: .walletShort,
                    message: "\(liquidator.name) could not pay for \(pool.accounts.id(at: account))", at: time)
            }
            try pool.liquidate(accountIndex: account, request)
        } catch let error as LiquidationError {
            return liquidationFailed(by: id, account: account, failure: .reverted(error), at: time)
        } catch {
            return liquidationFailed(by: id, account: account, failure: .arithmeticOverflow, at: time)
        }
        liquidator.wallet[d] -= quote.debtRepaid
        liquidator.wallet[c] += quote.liquidatorReceives
        let units = pool.reserves.map(\.configuration.unit)
        var proceedsBase = FullWidth.mulDivSaturating(quote.liquidatorReceives, truePrices[c], units[c])
        // The sale needs a pool, and a pool that can take the amount (else the liquidator keeps the collateral).
        if let index = dexPools.firstIndex(where: { $0.asset == c }),
            let out = try? dexPools[index].sellAsset(quote.liquidatorReceives)
        {
            liquidator.wallet[c] -= quote.liquidatorReceives
            liquidator.wallet[dexPools[index].stable] += out
            proceedsBase = FullWidth.mulDivSaturating(
                out, truePrices[dexPools[index].stable], units[dexPools[index].stable])
        }
        liquidator.pending.removeAll { $0 == account }
        liquidator.liquidations += 1
        self[liquidator: id] = liquidator
        let profit =
            Int128(clamping: proceedsBase)
            - Int128(clamping: FullWidth.mulDivSaturating(quote.debtRepaid, truePrices[d], units[d]))
        return recordLiquidation(quote, by: id, account: account, profit: profit, at: time)
    }

    /// Funded by a flash loan of the debt asset: borrow, liquidate, sell the collateral on the DEX, repay
    /// loan + premium, keep the rest. If the sale cannot repay, the whole transaction reverts.
    mutating func executeFlashLiquidation(
        by id: LiquidatorID, account: Int, request: LiquidationRequest, dex: Int, at time: Int64
    ) -> [Event] {
        let quote: LiquidationQuote
        let proceeds: UInt128
        do {
            quote = try pool.quoteLiquidation(accountIndex: account, request)
            proceeds = try DexPool.amountOut(
                quote.liquidatorReceives, reserveIn: dexPools[dex].assetReserve,
                reserveOut: dexPools[dex].stableReserve)
        } catch let error as LiquidationError {
            return liquidationFailed(by: id, account: account, failure: .reverted(error), at: time)
        } catch {
            return liquidationFailed(by: id, account: account, failure: .arithmeticOverflow, at: time)
        }
        var executed: LiquidationQuote?
        let receipt: FlashLoanReceipt
        do {
            receipt = try pool.flashLoan(reserve: request.debtReserve, amount: quote.debtRepaid) { inner, _, _ in
                executed = try inner.liquidate(accountIndex: account, request)
                return proceeds
            }
        } catch let error as LiquidationError {
            return liquidationFailed(by: id, account: account, failure: .reverted(error), at: time)
        } catch is FlashLoanError {
            return liquidationFailed(by: id, account: account, failure: .flashLoanNotRepaid, at: time)
        } catch {
            return liquidationFailed(by: id, account: account, failure: .arithmeticOverflow, at: time)
        }
        guard let executed else {
            return liquidationFailed(by: id, account: account, failure: .flashLoanNotRepaid, at: time)
        }
        // The same amount against the same reserves was priced above, so the sale goes through.
        let out = (try? dexPools[dex].sellAsset(executed.liquidatorReceives)) ?? proceeds
        let kept = out - (receipt.amount + receipt.premium)
        self[liquidator: id].wallet[request.debtReserve] += kept
        self[liquidator: id].pending.removeAll { $0 == account }
        self[liquidator: id].liquidations += 1
        self[liquidator: id].flashLoans += 1
        let profit = Int128(
            clamping: FullWidth.mulDivSaturating(
                kept, truePrices[request.debtReserve],
                pool.reserves[request.debtReserve].configuration.unit))
        return recordLiquidation(executed, by: id, account: account, profit: profit, at: time)
    }

    /// A liquidation that reverted: the liquidator's pending entry and failure count, statistics and the event.
    mutating func liquidationFailed(
        by id: LiquidatorID, account: Int, failure: LiquidationFailure, message: String? = nil,
        at time: Int64
    ) -> [Event] {
        let name = self[liquidator: id].name
        let accountID = pool.accounts.id(at: account)
        self[liquidator: id].pending.removeAll { $0 == account }
        self[liquidator: id].failures += 1
        statistics.failedLiquidations += 1
        return [
            Event(
                timeMs: time, kind: .failedLiquidation,
                message: message ?? "\(name) failed on \(accountID): \(failure.code)",
                fields: [("account", .text(accountID)), ("liquidator", .text(name)), ("reason", .text(failure.code))],
                liquidator: id, account: account, failure: failure)
        ]
    }

    /// Statistics and events of a liquidation that went through.
    mutating func recordLiquidation(
        _ quote: LiquidationQuote, by id: LiquidatorID, account: Int, profit: Int128, at time: Int64
    ) -> [Event] {
        let c = quote.request.collateralReserve, d = quote.request.debtReserve
        let accountID = pool.accounts.id(at: account)
        riskIndex.refresh(account: account, in: pool)
        let repaidBase = FullWidth.mulDivSaturating(
            quote.debtRepaid, pool.prices[d], pool.reserves[d].configuration.unit)
        statistics.liquidations += 1
        statistics.debtRepaidBase += repaidBase
        self[liquidator: id].shortOf.remove(d)
        self[liquidator: id].debtRepaidBase += repaidBase
        self[liquidator: id].profitUSD += Double(profit) / 1e8
        let name = self[liquidator: id].name
        let collateral = pool.reserves[c].configuration, debt = pool.reserves[d].configuration
        func amount(_ units: UInt128, _ configuration: ReserveConfiguration) -> Event.Value {
            .decimal(DecimalAmount.format(units, decimals: configuration.decimals))
        }
        let repaid = DecimalAmount.format(quote.debtRepaid, decimals: debt.decimals, places: 2) + " " + debt.symbol
        let seized =
            DecimalAmount.format(quote.collateralSeized, decimals: collateral.decimals, places: 4) + " "
            + collateral.symbol
        var events = [
            Event(
                timeMs: time, kind: .liquidation,
                message:
                    "\(name) liquidated \(accountID): repaid \(repaid), seized \(seized)",
                fields: [
                    ("account", .text(accountID)), ("liquidator", .text(name)),
                    ("collateral_asset", .text(collateral.symbol)),
                    ("debt_asset", .text(debt.symbol)), ("debt_repaid", amount(quote.debtRepaid, debt)),
                    ("collateral_seized", amount(quote.collateralSeized, collateral)),
                    ("collateral_received", amount(quote.liquidatorReceives, collateral)),
                    ("debt_repaid_usd", .decimal(DecimalAmount.format(repaidBase, decimals: 8))),
                    ("health_factor_before", .decimal(quote.healthFactorBefore.description)),
                ],
                liquidator: id, account: account)
        ]
        for reserve in quote.deficits.indices where quote.deficits[reserve] > 0 {
            let value = FullWidth.mulDivSaturating(
                quote.deficits[reserve], pool.prices[reserve], pool.reserves[reserve].configuration.unit)
            statistics.badDebtBase += value
            let configuration = pool.reserves[reserve].configuration
            let writtenOff = DecimalAmount.format(quote.deficits[reserve], decimals: configuration.decimals, places: 2)
            events.append(
                Event(
                    timeMs: time, kind: .deficit,
                    message: "bad debt: \(writtenOff) \(configuration.symbol) of \(accountID) written off",
                    fields: [
                        ("account", .text(accountID)), ("asset", .text(configuration.symbol)),
                        ("amount", amount(quote.deficits[reserve], configuration)),
                        ("usd", .decimal(DecimalAmount.format(value, decimals: 8))),
                    ],
                    account: account))
        }
        return events
    }
}
