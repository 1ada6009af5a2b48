import LiqCore

/// `liqtop quote`'s output: the JSON object of docs/interfaces.md, or a table for people.
struct QuoteReport {
    let scenario: Scenario
    let pool: LendingPool
    let quotes: [PositionQuote]

    private func amount(_ units: UInt128, reserve: Int) -> String {
        DecimalAmount.format(units, decimals: pool.reserves[reserve].configuration.decimals)
    }

    private func symbol(_ reserve: Int) -> String { pool.reserves[reserve].configuration.symbol }

    func json() -> JSONValue {
        .object([
            ("rules", .string(pool.rules.rawValue)),
            ("positions", .array(quotes.map(positionJSON))),
        ])
    }

    private func positionJSON(_ quote: PositionQuote) -> JSONValue {
        var liquidation = JSONValue.null
        if let q = quote.liquidation {
            let c = q.request.collateralReserve, d = q.request.debtReserve
            liquidation = .object([
                ("collateral_asset", .string(symbol(c))),
                ("debt_asset", .string(symbol(d))),
                ("max_liquidatable_debt", .string(amount(q.maxLiquidatableDebt, reserve: d))),
                ("debt_repaid", .string(amount(q.debtRepaid, reserve: d))),
                ("collateral_seized", .string(amount(q.collateralSeized, reserve: c))),
                ("liquidator_receives", .string(amount(q.liquidatorReceives, reserve: c))),
                ("protocol_fee", .string(amount(q.protocolFee, reserve: c))),
                ("deficit", .string(amount(q.deficit, reserve: d))),
                ("health_factor_after", .string(q.healthFactorAfter.description)),
            ])
        }
        return .object([
            ("id", .string(quote.accountID)),
            ("health_factor", .string(quote.healthFactor.description)),
            ("liquidatable", .bool(quote.liquidation != nil)),
            ("reason", quote.reason.map { .string($0.rawValue) } ?? .null),
            ("liquidation", liquidation),
        ])
    }

    /// Health factors shown truncated to 4 decimals, so that 0.99999 never reads as 1.0000.
    static func shortHealthFactor(_ healthFactor: HealthFactor) -> String {
        guard !healthFactor.isInfinite else { return "inf" }
        return DecimalAmount.format(
            healthFactor.wad / 100_000_000_000_000 * 100_000_000_000_000, decimals: 18, places: 4)
    }

    func table() -> String {
        var table = TextTable(
            headers: [
                "POSITION", "HF", "LIQ", "REPAY (MAX)", "SEIZE", "TO LIQUIDATOR", "FEE", "DEFICIT", "HF AFTER", "NOTE",
            ],
            alignments: [.left, .right, .left, .right, .right, .right, .right, .right, .right, .left])
        for quote in quotes {
            let id = sanitized(quote.accountID)
            let hf = Self.shortHealthFactor(quote.healthFactor)
            guard let q = quote.liquidation else {
                table.rows.append([id, hf, "no", "", "", "", "", "", "", quote.reason?.rawValue ?? ""])
                continue
            }
            let c = q.request.collateralReserve, d = q.request.debtReserve
            table.rows.append([
                id, hf, "yes",
                "\(amount(q.debtRepaid, reserve: d)) \(symbol(d)) (\(amount(q.maxLiquidatableDebt, reserve: d)))",
                "\(amount(q.collateralSeized, reserve: c)) \(symbol(c))",
                amount(q.liquidatorReceives, reserve: c), amount(q.protocolFee, reserve: c),
                "\(amount(q.deficit, reserve: d)) \(symbol(d))", Self.shortHealthFactor(q.healthFactorAfter),
                [q.closeFactorRule.shortLabel, q.cappedByCollateral ? "capped by collateral" : nil]
                    .compactMap { $0 }.joined(separator: "; "),
            ])
        }
        let header =
            "\(sanitized(scenario.name)) — rules \(pool.rules.rawValue), \(quotes.count) "
            + "position\(quotes.count == 1 ? "" : "s")"
        return header + "\n\n" + (quotes.isEmpty ? "no positions" : table.rendered())
    }
}
