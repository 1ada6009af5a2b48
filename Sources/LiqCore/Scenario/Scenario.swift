/// A scenario as written in its TOML file: the assets and their Aave parameters, eMode categories,
/// explicit positions and the optional L2 sequencer check. See the README's "Scenario files".
public struct Scenario: Sendable, Equatable {
    public var name: String
    public var description: String
    public var rules: RuleSet
    public var assets: [AssetSpec]
    public var eModes: [EModeSpec]
    public var positions: [PositionSpec]
    public var sentinel: PriceOracleSentinel?
    public var flashLoanPremiumBps: UInt128
    public var flashLoanPremiumToProtocolBps: UInt128
    /// The moving world: clock, network, market, borrowers, bots and scripted events.
    public var simulation = SimulationSettings()
    /// A real market's export (`[market_data]`): its reserves' state and its users become the pool.
    public var market: MarketData?

    public func assetIndex(symbol: String) -> Int? { assets.firstIndex { $0.symbol == symbol } }
}

/// One `[[assets]]` entry.
public struct AssetSpec: Sendable, Equatable {
    public var symbol: String
    public var decimals: Int
    /// USD with 8 decimals.
    public var priceUSD: UInt128
    public var ltvBps: UInt128
    public var liquidationThresholdBps: UInt128
    public var liquidationBonusBps: UInt128
    public var liquidationProtocolFeeBps: UInt128
    public var reserveFactorBps: UInt128
    public var rateStrategy: InterestRateStrategy
    /// Total supplied to the reserve by everyone, in the asset's units; nil for the default.
    public var totalSupplied: UInt128?
}

/// One `[[emode]]` category.
public struct EModeSpec: Sendable, Equatable {
    public var id: UInt8
    public var label: String
    public var ltvBps: UInt128
    public var liquidationThresholdBps: UInt128
    public var liquidationBonusBps: UInt128
    /// Indexes into the scenario's assets.
    public var assets: [Int]
}

/// One `[[positions]]` entry: amounts per asset index, in the asset's units.
public struct PositionSpec: Sendable, Equatable {
    public var id: String
    public var collateral: [Int: UInt128]
    public var debt: [Int: UInt128]
    public var eMode: UInt8
}

extension AssetSpec {
    /// The reserve's configuration these parameters make.
    var configuration: ReserveConfiguration {
        ReserveConfiguration(
            symbol: symbol, decimals: decimals, ltvBps: ltvBps, liquidationThresholdBps: liquidationThresholdBps,
            liquidationBonusBps: liquidationBonusBps, liquidationProtocolFeeBps: liquidationProtocolFeeBps,
            reserveFactorBps: reserveFactorBps, rateStrategy: rateStrategy)
    }
}
