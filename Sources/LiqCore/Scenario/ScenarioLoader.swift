/// Loads a scenario from TOML text. Every error names the file, the line, the key and what is wrong.
public enum ScenarioLoader {
    /// USD prices carry 8 decimals, as Aave's base currency (`BASE_CURRENCY_UNIT = 1e8`).
    public static let priceDecimals = 8

    public static func load(text: String, file: String) throws(ConfigError) -> Scenario {
        try load(text: text, file: file, overrides: [])
    }

    /// The scenario with `overrides` set in its tree before it is read (`liqtop risk --set`); a problem with
    /// an override is an error on line 0 naming its key.
    /// A scenario file on disk: `resources` reads the files its `[market_data]` names.
    public static func load(text: String, file: String, resources: Resources?) throws(ConfigError) -> Scenario {
        try load(text: text, file: file, overrides: [], resources: resources)
    }

    package static func load(
        text: String, file: String, overrides: [ConfigOverride], resources: Resources? = nil
    ) throws(ConfigError) -> Scenario {
        var (source, root) = try ConfigSource.parse(text, file: file)
        if !overrides.isEmpty {
            var tree = source.root
            var named: [String: String] = [:] // each key as indexes name it, and how the override named it
            for override in overrides {
                let key = override.path.joined(separator: ".")
                let resolved: String
                do {
                    resolved = try override.apply(to: &tree)
                } catch {
                    throw ConfigError(file: file, line: 0, key: key, message: error.message)
                }
                if let earlier = named.updateValue(key, forKey: resolved) {
                    throw ConfigError(
                        file: file, line: 0, key: key, message: "names the same key as \(earlier); give one of them")
                }
            }
            source = ConfigSource(file: file, root: tree)
            root = TableReader(source: source, path: ConfigPath(), table: tree)
        }
        let market = try readMarket(&source, &root, resources: resources)
        let keys = ScenarioKeys.topLevel
        let name = try root.read(keys.name)
        let description = try root.read(keys.description)
        let ruleName = try root.read(keys.rules)
        guard let rules = RuleSet(rawValue: ruleName) else {
            throw root.error(
                keys.rules.name, "\(quoted(ruleName)) is not a rule set; use \"aave-v3.3\" or \"aave-v3.1\"")
        }

        var assets: [AssetSpec] = []
        var totalSuppliedPaths: [ConfigPath] = []
        var markets: [SimulationSettings.AssetMarket] = []
        var trackPaths: [(symbol: String, path: ConfigPath, ratioPath: ConfigPath)?] = []
        for var reader in try root.sections(ScenarioKeys.assets) {
            let asset = try readAsset(&reader)
            let (market, tracked) = try readAssetMarket(&reader)
            markets.append(market)
            trackPaths.append(
                tracked.map {
                    (
                        $0, reader.path.appending(ScenarioKeys.assets.tracks.name),
                        reader.path.appending(ScenarioKeys.assets.tracksRatio.name)
                    )
                })
            if assets.contains(where: { $0.symbol == asset.symbol }) {
                throw reader.error(ScenarioKeys.assets.symbol.name, "\"\(asset.symbol)\" is listed twice")
            }
            assets.append(asset)
            totalSuppliedPaths.append(reader.path.appending(ScenarioKeys.assets.totalSupplied.name))
            try reader.finish()
        }
        guard !assets.isEmpty else {
            throw root.error(ScenarioKeys.assets.table, "at least one [[assets]] entry is required")
        }

        var eModes: [EModeSpec] = []
        for var reader in try root.sections(ScenarioKeys.eModes) {
            let category = try readEMode(&reader, assets: assets)
            if eModes.contains(where: { $0.id == category.id }) {
                throw reader.error(ScenarioKeys.eModes.id.name, "eMode category \(category.id) is defined twice")
            }
            eModes.append(category)
            try reader.finish()
        }

        let positionReaders = try root.sections(ScenarioKeys.positions)
        var positions: [PositionSpec] = []
        var positionIDs: Set<String> = []
        positions.reserveCapacity(positionReaders.count)
        positionIDs.reserveCapacity(positionReaders.count)
        var collateralTotals = Array(repeating: UInt128(0), count: assets.count)
        var debtTotals = collateralTotals
        for var reader in positionReaders {
            let position = try readPosition(&reader, assets: assets, eModes: eModes)
            guard positionIDs.insert(position.id).inserted else {
                throw reader.error(ScenarioKeys.positions.id.name, "\"\(position.id)\" is used by an earlier position")
            }
            // Totals must stay computable: the reserve holds every position's amounts together.
            for (side, amounts) in [("collateral", position.collateral), ("debt", position.debt)] {
                for (asset, amount) in amounts {
                    let (sum, overflow) =
                        side == "collateral"
                        ? collateralTotals[asset].addingReportingOverflow(amount)
                        : debtTotals[asset].addingReportingOverflow(amount)
                    let limit = UInt128.max / 4
                    guard !overflow, sum <= limit else {
                        throw reader.source.error(
                            reader.path.appending(side).appending(assets[asset].symbol),
                            "the positions' \(side) in \(assets[asset].symbol) adds up to more than liqtop can hold")
                    }
                    if side == "collateral" { collateralTotals[asset] = sum } else { debtTotals[asset] = sum }
                }
            }
            positions.append(position)
            try reader.finish()
        }

        var sentinel: PriceOracleSentinel?
        if var reader = try root.section(ScenarioKeys.oracleSentinel) {
            let keys = ScenarioKeys.oracleSentinel
            sentinel = PriceOracleSentinel(
                sequencerUp: try reader.read(keys.sequencerUp),
                secondsSinceUp: UInt64(try reader.read(keys.secondsSinceUp)),
                gracePeriodSeconds: UInt64(try reader.read(keys.gracePeriod)))
            try reader.finish()
        }

        try resolveTracking(&markets, source: source, trackPaths: trackPaths, assets: assets)
        let simulation = try readSimulation(
            &root, assets: assets, markets: markets, eModes: eModes, resources: resources)

        let flashLoanKeys = ScenarioKeys.flashLoans
        var premium = flashLoanKeys.premium.fallback, premiumToProtocol = flashLoanKeys.premiumToProtocol.fallback
        if var reader = try root.section(flashLoanKeys) {
            premium = try reader.read(flashLoanKeys.premium)
            premiumToProtocol = try reader.read(flashLoanKeys.premiumToProtocol)
            try reader.finish()
        }
        try root.finish()

        let scenario = Scenario(
            name: name, description: description, rules: rules, assets: assets, eModes: eModes,
            positions: positions, sentinel: sentinel, flashLoanPremiumBps: premium,
            flashLoanPremiumToProtocolBps: premiumToProtocol, simulation: simulation, market: market)
        // Supplies that cannot cover what the positions hold or borrow.
        for (index, asset) in assets.enumerated() {
            guard let supplied = asset.totalSupplied else { continue }
            let (collateral, debt) = (collateralTotals[index], debtTotals[index])
            if supplied < collateral || supplied < debt {
                throw source.error(
                    totalSuppliedPaths[index],
                    "\(DecimalAmount.format(supplied, decimals: asset.decimals)) \(asset.symbol) is less than the "
                        + "positions hold (\(DecimalAmount.format(collateral, decimals: asset.decimals))) or borrow "
                        + "(\(DecimalAmount.format(debt, decimals: asset.decimals)))"
                )
            }
        }
        return scenario
    }

    private static func readAsset(_ reader: inout TableReader) throws(ConfigError) -> AssetSpec {
        let keys = ScenarioKeys.assets
        let symbol = try reader.read(keys.symbol)
        guard !symbol.isEmpty, symbol.count <= 16,
            symbol.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-") })
        else {
            throw reader.error(
                keys.symbol.name, "\(quoted(symbol)) is not a symbol: use 1 to 16 letters, digits, '.', '_' or '-'")
        }
        let decimals = try reader.read(keys.decimals)
        let price = try readPrice(&reader, keys.priceUSD.name)
        let ltv = try reader.read(keys.ltv)
        let threshold = try reader.read(keys.liquidationThreshold)
        let bonus = try reader.read(keys.liquidationBonus)
        let fee = try reader.read(keys.liquidationProtocolFee)
        let reserveFactor = try reader.read(keys.reserveFactor)
        let strategy = InterestRateStrategy(
            optimalUsageRatioBps: UInt128(try reader.read(keys.optimalUsageRatio)),
            baseVariableBorrowRateBps: try reader.read(keys.baseVariableBorrowRate),
            variableRateSlope1Bps: try reader.read(keys.variableRateSlope1),
            variableRateSlope2Bps: try reader.read(keys.variableRateSlope2))
        let totalSupplied = try reader.decimal(keys.totalSupplied.name, decimals: decimals)
        // PoolConfigurator.configureReserveAsCollateral and the V2 rate strategy's bounds.
        guard ltv <= threshold else {
            throw reader.error(
                keys.ltv.name,
                "\(ltv) is above \(keys.liquidationThreshold.name) (\(threshold)); the LTV may not exceed it")
        }
        if threshold != 0 {
            guard bonus > 10_000 else {
                throw reader.error(
                    keys.liquidationBonus.name,
                    "must be above 10000 for an asset that can be collateral (Aave writes a 5 % bonus as 10500)")
            }
            guard (threshold * bonus + 5_000) / 10_000 <= 10_000 else {
                throw reader.error(
                    keys.liquidationBonus.name,
                    "liquidation threshold × bonus is above 100 % (\(threshold) × \(bonus)); liquidating would seize "
                        + "more collateral than exists"
                )
            }
        }
        // DefaultReserveInterestRateStrategyV2._setInterestRateParams.
        guard strategy.variableRateSlope1Bps <= strategy.variableRateSlope2Bps else {
            throw reader.error(
                keys.variableRateSlope2.name,
                "must be at least \(keys.variableRateSlope1.name) (SLOPE_2_MUST_BE_GTE_SLOPE_1)")
        }
        guard
            strategy.baseVariableBorrowRateBps + strategy.variableRateSlope1Bps + strategy.variableRateSlope2Bps
                <= 100_000
        else {
            throw reader.error(keys.variableRateSlope2.name, "base + slope1 + slope2 is above 1000 % (MAX_BORROW_RATE)")
        }
        return AssetSpec(
            symbol: symbol, decimals: decimals, priceUSD: price, ltvBps: ltv,
            liquidationThresholdBps: threshold, liquidationBonusBps: bonus,
            liquidationProtocolFeeBps: fee, reserveFactorBps: reserveFactor,
            rateStrategy: strategy, totalSupplied: totalSupplied)
    }

    private static func readEMode(_ reader: inout TableReader, assets: [AssetSpec]) throws(ConfigError) -> EModeSpec {
        let keys = ScenarioKeys.eModes
        let id = try reader.read(keys.id)
        let label = try reader.readIfPresent(keys.label) ?? "category \(id)"
        let ltv = try reader.read(keys.ltv)
        let threshold = try reader.read(keys.liquidationThreshold)
        let bonus = try reader.read(keys.liquidationBonus)
        guard ltv <= threshold else {
            throw reader.error(keys.ltv.name, "\(ltv) is above \(keys.liquidationThreshold.name) (\(threshold))")
        }
        guard threshold != 0 else {
            throw reader.error(keys.liquidationThreshold.name, "must be more than 0 for an eMode category")
        }
        guard bonus > 10_000 else {
            throw reader.error(keys.liquidationBonus.name, "must be above 10000 (Aave writes a 1 % bonus as 10100)")
        }
        guard (threshold * bonus + 5_000) / 10_000 <= 10_000 else {
            throw reader.error(
                keys.liquidationBonus.name, "liquidation threshold × bonus is above 100 % (\(threshold) × \(bonus))")
        }
        let symbols = try reader.read(keys.assets)
        var members: [Int] = []
        for (offset, symbol) in symbols.enumerated() {
            guard let index = assets.firstIndex(where: { $0.symbol == symbol }) else {
                throw reader.source.error(
                    reader.path.appending(keys.assets.name).appending(index: offset),
                    "\(quoted(symbol)) is not a listed asset")
            }
            members.append(index)
        }
        return EModeSpec(
            id: UInt8(id), label: label, ltvBps: ltv, liquidationThresholdBps: threshold,
            liquidationBonusBps: bonus, assets: members)
    }

    private static func readPosition(
        _ reader: inout TableReader, assets: [AssetSpec], eModes: [EModeSpec]
    ) throws(ConfigError) -> PositionSpec {
        let keys = ScenarioKeys.positions
        let id = try reader.read(keys.id)
        guard !id.isEmpty else { throw reader.error(keys.id.name, "must not be empty") }
        let collateral = try amounts(&reader, keys.collateral.name, assets: assets)
        let debt = try amounts(&reader, keys.debt.name, assets: assets)
        let eMode = try reader.read(keys.eMode)
        if eMode != 0, !eModes.contains(where: { $0.id == eMode }) {
            throw reader.error(keys.eMode.name, "eMode category \(eMode) is not defined in [[emode]]")
        }
        return PositionSpec(id: id, collateral: collateral, debt: debt, eMode: UInt8(eMode))
    }

    private static func amounts(
        _ reader: inout TableReader, _ key: String, assets: [AssetSpec]
    ) throws(ConfigError) -> [Int: UInt128] {
        guard let entries = try reader.entries(key) else { return [:] }
        var result: [Int: UInt128] = [:]
        for entry in entries {
            guard let index = assets.firstIndex(where: { $0.symbol == entry.key }) else {
                throw reader.error(key, entry, "\(quoted(entry.key)) is not a listed asset")
            }
            do {
                result[index] = try TableReader.decimal(entry.node.value, decimals: assets[index].decimals)
            } catch {
                throw reader.error(key, entry, error.message)
            }
        }
        return result
    }

    /// `price_usd`: more than 0 and at most $10²² (PriceProcess.maximumUnits), so that every product of a
    /// price with an amount fits the world's arithmetic.
    static func readPrice(_ reader: inout TableReader, _ key: String) throws(ConfigError) -> UInt128 {
        let price = try reader.require(key) { r, k throws(ConfigError) in try r.decimal(k, decimals: priceDecimals) }
        guard price > 0 else { throw reader.error(key, "must be more than 0") }
        guard price <= PriceProcess.maximumUnits else {
            throw reader.error(key, "must be at most 10000000000000000000000 (10^22 USD)")
        }
        return price
    }
}
