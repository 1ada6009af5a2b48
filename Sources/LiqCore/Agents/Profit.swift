/// What a liquidation is worth to whoever sends it, at true prices: every bot, the user and the pending
/// liquidations panel price it the same way.
extension World {
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

    /// The price of the asset gas is paid in (`[network] gas_asset`), USD with 8 decimals.
    var gasAssetPrice: UInt128 { truePrices[gasAsset] }

    /// DEX proceeds of the collateral (or its true value without a pool), the debt's true value, gas at
    /// the base fee, and the flash-loan premium where the bots borrow the debt asset.
    public func profitBreakdown(_ quote: LiquidationQuote) throws -> ProfitBreakdown {
        let c = quote.request.collateralReserve, d = quote.request.debtReserve
        let units = pool.reserves.map(\.configuration.unit)
        var breakdown = ProfitBreakdown(proceeds: 0, cost: 0, gas: 0, premium: 0, amountOut: nil, dex: false)
        let dex = dexPools.first(where: { $0.asset == c })
        if let dex {
            let out = try DexPool.amountOut(
                quote.liquidatorReceives, reserveIn: dex.assetReserve, reserveOut: dex.stableReserve)
            breakdown.proceeds = try FullWidth.mulDiv(out, truePrices[dex.stable], units[dex.stable])
            breakdown.amountOut = out
            breakdown.dex = true
        } else {
            breakdown.proceeds = try FullWidth.mulDiv(quote.liquidatorReceives, truePrices[c], units[c])
        }
        breakdown.cost = try FullWidth.mulDiv(quote.debtRepaid, truePrices[d], units[d])
        breakdown.gas = FullWidth.mulDivSaturating(
            UInt128(Transaction.liquidationGas) * UInt128(chain.baseFeeWei), gasAssetPrice, WadRayMath.wad)
        if settings.bots.flashLoans, dex?.stable == d {
            breakdown.premium = try FullWidth.mulDiv(
                PercentageMath.percentMul(quote.debtRepaid, pool.flashLoanPremiumTotalBps), truePrices[d], units[d])
        }
        return breakdown
    }

    /// Expected profit in USD (8 decimals) of a liquidation: proceeds − cost − gas − premium.
    func evaluate(_ quote: LiquidationQuote) throws -> Int128 { try profitBreakdown(quote).profit }

    /// The priority fee (gwei) that bids `aggressiveness` of the expected profit: bid / (gas × gas price).
    func priorityFee(for profit: Int128, aggressiveness: Double) -> UInt64 {
        guard profit > 0 else { return 1 }
        let bid = UInt128(Double(profit) * aggressiveness)
        let perGwei = max(
            1, FullWidth.mulDivSaturating(UInt128(Transaction.liquidationGas), gasAssetPrice, 1_000_000_000))
        return UInt64(min(1_000, max(1, bid / perGwei)))
    }
}
