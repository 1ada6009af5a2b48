/// The answer `liqtop quote` gives for one position: its health factor and either the liquidation
/// the rules allow or the protocol error that forbids it.
public struct PositionQuote: Sendable, Equatable {
    public var accountID: String
    public var healthFactor: HealthFactor
    public var request: LiquidationRequest
    public var result: Result<LiquidationQuote, LiquidationError>

    public var liquidation: LiquidationQuote? { try? result.get() }
    public var reason: LiquidationError? {
        if case .failure(let error) = result { return error }
        return nil
    }
}

/// Which assets a quote uses, when the caller names them.
public struct QuoteSelection: Sendable, Equatable {
    public var collateralReserve: Int?
    public var debtReserve: Int?
    /// In the debt asset's units; nil for as much as the rules allow.
    public var debtToCover: UInt128?

    public init(collateralReserve: Int? = nil, debtReserve: Int? = nil, debtToCover: UInt128? = nil) {
        self.collateralReserve = collateralReserve
        self.debtReserve = debtReserve
        self.debtToCover = debtToCover
    }
}

extension LendingPool {
    /// The account's largest debt and largest collateral by USD value at oracle prices (ties: the asset
    /// listed first). Collateral that counts (enabled, with a liquidation threshold) is preferred over
    /// collateral that does not; an account without any gets reserve 0, which the validation then rejects.
    public func defaultQuotePair(for account: Account) throws -> (collateral: Int, debt: Int) {
        func largest(_ candidates: [Int], balance: (Int) throws -> UInt128) throws -> Int? {
            var best: (index: Int, value: UInt128)?
            for reserve in candidates {
                let value = try baseValue(balance(reserve), reserve: reserve)
                if best == nil || value > best!.value { best = (reserve, value) }
            }
            return best?.index
        }
        let held = reserves.indices.filter { account.scaledCollateral[$0] != 0 }
        let counting = held.filter {
            account.usingAsCollateral[$0] && reserves[$0].configuration.liquidationThresholdBps != 0
        }
        let collateral =
            try largest(counting.isEmpty ? held : counting) { try collateralBalance(account, reserve: $0) } ?? 0
        let debt =
            try largest(reserves.indices.filter { account.scaledDebt[$0] != 0 }) {
                try debtBalance(account, reserve: $0)
            } ?? 0
        return (collateral, debt)
    }

    /// Quotes the liquidation of one account; protocol errors become the quote's reason, arithmetic
    /// errors are thrown.
    public func quotePosition(accountIndex: Int, selection: QuoteSelection = QuoteSelection()) throws -> PositionQuote {
        let account = accounts[accountIndex]
        let pair = try defaultQuotePair(for: account)
        let request = LiquidationRequest(
            collateralReserve: selection.collateralReserve ?? pair.collateral,
            debtReserve: selection.debtReserve ?? pair.debt,
            debtToCover: selection.debtToCover ?? .max)
        let healthFactor = try accountData(account).healthFactor
        do {
            let quote = try quoteLiquidation(account: account, request)
            return PositionQuote(
                accountID: account.id, healthFactor: healthFactor, request: request, result: .success(quote))
        } catch let error as LiquidationError {
            return PositionQuote(
                accountID: account.id, healthFactor: healthFactor, request: request, result: .failure(error))
        }
    }
}
