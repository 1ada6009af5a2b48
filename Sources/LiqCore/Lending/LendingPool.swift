/// Which version of Aave v3's liquidation rules applies.
public enum RuleSet: String, Sendable, CaseIterable {
    /// aave-v3-core (v3.0/v3.1): per-reserve 50 % / 100 % close factor at HF 0.95, no dust rule, no deficit.
    case aaveV31 = "aave-v3.1"
    /// aave-v3-origin v3.3: position-level close factor with the $2,000 threshold, the $1,000 dust rule,
    /// bad debt burned into the reserves' deficit.
    case aaveV33 = "aave-v3.3"
}

/// The lending protocol's whole state: reserves, oracle prices, eMode categories, accounts, clock.
public struct LendingPool: Sendable, Equatable {
    public var rules: RuleSet
    public var reserves: [Reserve]
    /// Oracle prices, USD with 8 decimals (`BASE_CURRENCY_UNIT = 1e8`), by reserve index.
    public var prices: [UInt128]
    public var eModeCategories: [EModeCategory]
    public var sentinel: PriceOracleSentinel?
    public var accounts: AccountBook
    /// Seconds since the scenario's start.
    public var time: UInt64
    /// `FLASHLOAN_PREMIUM_TOTAL`: 5 bps by default (aave-v3-origin `DefaultMarketInput.sol`).
    public var flashLoanPremiumTotalBps: UInt128 = 5
    /// `FLASHLOAN_PREMIUM_TO_PROTOCOL`: the protocol's share of the premium (v3.0–v3.3), default 4 bps.
    public var flashLoanPremiumToProtocolBps: UInt128 = 4

    public init(
        rules: RuleSet, reserves: [Reserve], prices: [UInt128], eModeCategories: [EModeCategory] = [],
        sentinel: PriceOracleSentinel? = nil, accounts: [Account] = [], time: UInt64 = 0
    ) {
        precondition(reserves.count == prices.count, "one price per reserve")
        self.rules = rules
        self.reserves = reserves
        self.prices = prices
        self.eModeCategories = eModeCategories
        self.sentinel = sentinel
        self.accounts = AccountBook(reserveCount: reserves.count, accounts: accounts)
        self.time = time
    }

    public func reserveIndex(symbol: String) -> Int? {
        reserves.firstIndex { $0.configuration.symbol == symbol }
    }

    public func accountIndex(id: String) -> Int? {
        accounts.firstIndex(id: id)
    }

    public func eModeCategory(id: UInt8) -> EModeCategory? {
        id == 0 ? nil : eModeCategories.first { $0.id == id }
    }

    /// The account's aToken balance of a reserve, in underlying units.
    public func collateralBalance(_ account: Account, reserve: Int) throws -> UInt128 {
        try collateralBalance(scaled: account.scaledCollateral[reserve], reserve: reserve)
    }

    /// A scaled aToken balance in underlying units: `rayMul(scaled, normalizedIncome)`.
    public func collateralBalance(scaled: UInt128, reserve: Int) throws -> UInt128 {
        try WadRayMath.rayMul(scaled, reserves[reserve].normalizedIncome(at: time))
    }

    /// The account's variable debt in a reserve, in underlying units.
    public func debtBalance(_ account: Account, reserve: Int) throws -> UInt128 {
        try debtBalance(scaled: account.scaledDebt[reserve], reserve: reserve)
    }

    /// A scaled variable-debt balance in underlying units: `rayMul(scaled, normalizedDebt)`.
    public func debtBalance(scaled: UInt128, reserve: Int) throws -> UInt128 {
        try WadRayMath.rayMul(scaled, reserves[reserve].normalizedDebt(at: time))
    }

    /// `amount * price / 10^decimals`, truncating: an amount's value in the base currency (USD, 8 decimals).
    public func baseValue(_ amount: UInt128, reserve: Int) throws -> UInt128 {
        try FullWidth.mulDiv(amount, prices[reserve], reserves[reserve].configuration.unit, operation: "base value")
    }

    /// Advances the clock. Interest is not written into the reserves here: balances read through the
    /// normalized income and debt at `time`, and a reserve's indexes move only when an action touches
    /// it (`updateState`), as on chain.
    public mutating func advance(seconds: UInt64) {
        time += seconds
    }
}
