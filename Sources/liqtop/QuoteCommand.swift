import ArgumentParser
import LiqCore

struct Quote: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Health factors and exact liquidation quotes for the positions in a scenario.",
        discussion: """
            Without --collateral/--debt a quote uses the position's largest debt and largest collateral by
            USD value (ties: the asset listed first). Amounts are exact, in each asset's units.
            """)

    @Argument(help: "A built-in scenario name or a path to a .toml file.")
    var scenario: String

    @Flag(help: "Print one JSON object (the shape in docs/interfaces.md).")
    var json = false

    @Option(help: "Quote only this position (its id; for a real market, the user's address).")
    var position: String?

    @Option(help: ArgumentHelp("The collateral asset to seize.", valueName: "symbol"))
    var collateral: String?

    @Option(help: ArgumentHelp("The debt asset to repay.", valueName: "symbol"))
    var debt: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Debt to cover, in the debt asset's units (per position), or 'max'.", valueName: "amount|max"))
    var debtToCover = "max"

    func run() throws {
        let scenario = try ScenarioSource.load(self.scenario)
        let pool: LendingPool
        do {
            pool = try scenario.makePool()
        } catch let error as ArithmeticError {
            throw CLIError("\(self.scenario): \(error): an amount or price is too large to compute with")
        }
        let accountIndexes: [Int]
        if let position {
            // Addresses are held lowercased; a checksummed one (mixed case) names the same account.
            let id = position.hasPrefix("0x") && position.count == 42 ? position.lowercased() : position
            guard let index = pool.accountIndex(id: id) ?? pool.accountIndex(id: position) else {
                let count = pool.accounts.count
                var ids = pool.accounts.prefix(8).map { shortened($0.id, limit: 24) }.joined(separator: ", ")
                if count > 8 { ids += " and \(count - 8) more" }
                throw CLIError(
                    "--position: no position \(quoted(position)) in \(scenario.name) (positions: "
                        + "\(count == 0 ? "none" : ids))"
                )
            }
            accountIndexes = [index]
        } else {
            accountIndexes = Array(pool.accounts.indices)
        }
        let collateralReserve = try collateral.map { try reserve(named: $0, option: "--collateral", in: pool) }
        let debtReserve = try debt.map { try reserve(named: $0, option: "--debt", in: pool) }

        var quotes: [PositionQuote] = []
        for index in accountIndexes {
            do {
                let debtIndex = try debtReserve ?? pool.defaultQuotePair(for: pool.accounts[index]).debt
                let selection = QuoteSelection(
                    collateralReserve: collateralReserve, debtReserve: debtReserve,
                    debtToCover: try amountToCover(debtAsset: pool.reserves[debtIndex].configuration))
                quotes.append(try pool.quotePosition(accountIndex: index, selection: selection))
            } catch let error as ArithmeticError {
                throw CLIError(
                    "\(self.scenario): position \"\(pool.accounts[index].id)\": \(error): an amount or price is too "
                        + "large to compute with"
                )
            }
        }
        let report = QuoteReport(scenario: scenario, pool: pool, quotes: quotes)
        print(json ? report.json().rendered() : report.table())
    }

    private func reserve(named symbol: String, option: String, in pool: LendingPool) throws -> Int {
        guard let index = pool.reserveIndex(symbol: symbol) else {
            let symbols = pool.reserves.map(\.configuration.symbol).joined(separator: ", ")
            throw CLIError("\(option): no asset \(quoted(symbol)) in this scenario (assets: \(symbols))")
        }
        return index
    }

    private func amountToCover(debtAsset: ReserveConfiguration) throws -> UInt128? {
        guard debtToCover.lowercased() != "max" else { return nil }
        guard !debtToCover.hasPrefix("-") else { throw CLIError("--debt-to-cover: must be more than 0, or 'max'") }
        let amount: UInt128
        do {
            amount = try DecimalAmount.parse(debtToCover, decimals: debtAsset.decimals)
        } catch {
            throw CLIError(
                "--debt-to-cover: \(error.description) (\(debtAsset.symbol) has \(debtAsset.decimals) decimals)")
        }
        guard amount > 0 else { throw CLIError("--debt-to-cover: must be more than 0, or 'max'") }
        return amount
    }
}
