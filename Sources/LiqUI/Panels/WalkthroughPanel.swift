import LiqCore

/// The liquidation walkthrough: the exact quote of the moment it opened, step by step, with the
/// protocol's own numbers (the same as `liqtop quote` for that account at that moment).
enum WalkthroughPanel {
    static let titles = [
        "The position", "Health factor", "Close factor", "Debt to cover", "Collateral seized",
        "Protocol fee and the liquidator's share", "Selling on the DEX, gas, profit", "Result",
    ]

    /// On an L2, Aave's PriceOracleSentinel rule as it stands (ValidationLogic.validateLiquidationCall): while
    /// the sequencer is down nothing is included; during the grace period only HF < 0.95 may be liquidated.
    static func sentinel(_ snapshot: Snapshot) -> [(String, ColorRole)] {
        if snapshot.sequencerDown {
            return [("sentinel: the sequencer is down; no block, so no liquidation until it returns", .critical)]
        }
        guard let left = snapshot.graceLeftSeconds else { return [] }
        let clock = "\(left / 60):\(left % 60 < 10 ? "0" : "")\(left % 60)"
        return [
            (
                "sentinel: grace period, \(clock) left: only HF < 0.95 may be liquidated "
                    + "(PRICE_ORACLE_SENTINEL_CHECK_FAILED otherwise)", .warn
            )
        ]
    }

    static func lines(_ walkthrough: Walkthrough, _ snapshot: Snapshot) -> [(String, ColorRole)] {
        let q = walkthrough.row.quote
        let c = q.request.collateralReserve, d = q.request.debtReserve
        guard c < snapshot.market.count, d < snapshot.market.count else {
            return [("assets not in this world", .critical)]
        }
        let cs = snapshot.market[c].symbol, ds = snapshot.market[d].symbol
        let cd = snapshot.market[c].decimals, dd = snapshot.market[d].decimals
        func amount(_ units: UInt128, _ decimals: Int) -> String {
            DecimalAmount.grouping(DecimalAmount.format(units, decimals: decimals))
        }
        func usd(_ base: UInt128) -> String { "$" + DecimalAmount.format(base, decimals: 8, places: 2) }
        func price(_ value: UInt128) -> String {
            "$" + DecimalAmount.grouping(DecimalAmount.format(value, decimals: 8))
        }
        switch walkthrough.step {
        case 0:
            return [
                ("account \(sanitized(walkthrough.accountID)), rules \(q.rules.rawValue)", .text),
                (
                    "collateral \(amount(q.userCollateralBalance, cd)) \(cs) × oracle \(price(q.collateralPrice)) = "
                        + "\(usd(q.userReserveCollateralBase))",
                    .text
                ),
                (
                    "debt       \(amount(q.userReserveDebt, dd)) \(ds) × oracle \(price(q.debtPrice)) = "
                        + "\(usd(q.userReserveDebtBase))",
                    .text
                ),
                (
                    "all collateral \(usd(q.before.totalCollateralBase)), all debt \(usd(q.before.totalDebtBase)) "
                        + "(USD, 8 decimals, truncated)",
                    .dim
                ),
            ]
        case 1:
            let weighted =
                (try? PercentageMath.percentMul(q.before.totalCollateralBase, q.before.averageLiquidationThresholdBps))
                ?? 0
            return [
                ("HF = percentMul(collateral, average LT) / debt   (GenericLogic, wadDiv half up)", .dim),
                (
                    "   = percentMul(\(usd(q.before.totalCollateralBase)), \(q.before.averageLiquidationThresholdBps) "
                        + "bps) / \(usd(q.before.totalDebtBase))",
                    .text
                ),
                ("   = \(usd(weighted)) / \(usd(q.before.totalDebtBase))", .text),
                (
                    "   = \(q.healthFactorBefore.description)   "
                        + "\(q.healthFactorBefore.isLiquidatable ? "< 1: liquidatable" : "≥ 1: safe")",
                    q.healthFactorBefore.isLiquidatable ? .critical : .good
                ),
                ("the average LT is truncated to whole basis points, as the contract does", .dim),
            ]
        case 2:
            return sentinel(snapshot) + [
                ("rule: \(q.closeFactorRule.explanation)", .accent),
                ("close factor \(q.closeFactorRule.closeFactorBps / 100) %", .text),
                ("most debt one call may repay: \(amount(q.maxLiquidatableDebt, dd)) \(ds)", .text),
            ]
        case 3:
            return [
                ("debt to cover: min(requested = max, allowed = \(amount(q.maxLiquidatableDebt, dd))) \(ds)", .text),
                (
                    "debt repaid: \(amount(q.debtRepaid, dd)) \(ds)"
                        + (q.cappedByCollateral ? "  (reduced: the collateral runs out, see next step)" : ""),
                    q.cappedByCollateral ? .warn : .text
                ),
            ]
        case 4:
            return [
                (
                    "base collateral = debt × debt price / collateral price = \(amount(q.baseCollateral, cd)) \(cs)",
                    .text
                ),
                ("with the bonus (\(q.liquidationBonusBps) bps) = percentMul(base, bonus)", .text),
                (
                    q.cappedByCollateral
                        ? "more than the \(amount(q.userCollateralBalance, cd)) \(cs) held: capped at all of it; debt "
                            + "= value / bonus"
                        : "within the \(amount(q.userCollateralBalance, cd)) \(cs) held: no cap",
                    q.cappedByCollateral ? .warn : .good
                ),
                ("collateral seized: \(amount(q.collateralSeized, cd)) \(cs)", .accent),
            ]
        case 5:
            return [
                ("bonus part = seized − seized.percentDiv(bonus) = \(amount(q.bonusCollateral, cd)) \(cs)", .text),
                (
                    "protocol fee = \(q.liquidationProtocolFeeBps) bps of the bonus = \(amount(q.protocolFee, cd)) "
                        + "\(cs) (to the treasury)",
                    .text
                ),
                ("liquidator receives \(amount(q.liquidatorReceives, cd)) \(cs)", .accent),
            ]
        case 6:
            let row = walkthrough.row
            let fair = row.debtCostUSD * Double(q.liquidationBonusBps) / 10_000
            let slippage = fair - row.saleProceedsUSD
            return [
                (
                    row.soldOnDEX
                        ? "sell \(amount(q.liquidatorReceives, cd)) \(cs) on the DEX (x·y=k, 0.3 % fee): "
                            + "\(Widgets.usd(row.saleProceedsUSD)) out"
                        : "\(amount(q.liquidatorReceives, cd)) \(cs) is worth \(Widgets.usd(row.saleProceedsUSD)) (no "
                            + "DEX pool: at the true price)",
                    .text
                ),
                slippage >= 0
                    ? (
                        "slippage and fee against the fair value of what was seized: about \(Widgets.usd(slippage))",
                        .dim
                    )
                    : (
                        "the DEX pays about \(Widgets.usd(-slippage)) more than the fair value: its price lags the "
                            + "market",
                        .warn
                    ),
                (
                    "debt repaid \(amount(q.debtRepaid, dd)) \(ds) costs \(Widgets.usd(row.debtCostUSD)); gas (and any "
                        + "flash-loan premium) \(Widgets.usd(row.gasUSD))",
                    .text
                ),
                (
                    "estimated profit: \(Widgets.usd(row.saleProceedsUSD)) − \(Widgets.usd(row.debtCostUSD)) − "
                        + "\(Widgets.usd(row.gasUSD)) = \(Widgets.usd(row.estimatedProfitUSD))",
                    row.estimatedProfitUSD > 0 ? .good : .critical
                ),
            ]
        default:
            var result: [(String, ColorRole)] = [
                (
                    "health factor after: "
                        + (q.healthFactorAfter.isInfinite ? "∞ (no debt left)" : q.healthFactorAfter.description),
                    q.healthFactorAfter.isLiquidatable ? .warn : .good
                ),
                ("deficit written off: \(amount(q.deficit, dd)) \(ds)", q.deficit > 0 ? .critical : .good),
            ]
            if walkthrough.submitted {
                if let outcome = snapshot.userOutcome, outcome.account == walkthrough.account {
                    result.append((outcome.text, outcome.succeeded ? .good : .critical))
                } else {
                    result.append(("your transaction is in the mempool, waiting for a block", .accent))
                }
            } else {
                result.append(
                    ("press x to liquidate as yourself: the transaction goes through the mempool like any other", .dim))
            }
            return result
        }
    }

    static func render(_ walkthrough: Walkthrough, _ snapshot: Snapshot, into buffer: inout ScreenBuffer, area: Rect) {
        let rect = Chrome.centered(min(area.width - 4, 140), 14, in: area)
        buffer.fill(rect)
        let title =
            "Liquidation walkthrough · \(sanitized(walkthrough.accountID)) · step \(walkthrough.step + 1) of "
            + "\(Walkthrough.steps): \(titles[walkthrough.step])"
        let inner = Widgets.box(&buffer, rect, title: title, focused: true)
        // Lines too long for a narrow screen wrap at a space, the rest indented.
        let wrapped = lines(walkthrough, snapshot).flatMap { line in
            Widgets.wrap(line.0, width: inner.width - 1, indent: 4).map { ($0, line.1) }
        }
        for (offset, line) in wrapped.enumerated() where offset < inner.height - 2 {
            buffer.put(line.0, x: inner.x + 1, y: inner.y + 1 + offset, style: Style(line.1), clip: inner)
        }
        let profit = walkthrough.row.estimatedProfitUSD
        let expected =
            profit < 0 ? "an expected loss of \(Widgets.usd(-profit))" : "an expected profit of \(Widgets.usd(profit))"
        let footer =
            walkthrough.confirming
            ? "liquidate \(sanitized(walkthrough.accountID)) now, for \(expected)? y confirms, any other key cancels"
            : "← → steps · x execute · esc close"
        buffer.put(
            footer, x: inner.x + 1, y: inner.maxY - 1,
            style: Style(walkthrough.confirming ? .critical : .dim, bold: walkthrough.confirming), clip: inner)
    }
}
