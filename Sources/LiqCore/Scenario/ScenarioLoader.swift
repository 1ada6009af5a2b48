/// Loads a scenario from TOML text. Every error names the file, the line, the key and what is wrong.
public enum ScenarioLoader {
    /// USD prices carry 8 decimals, as Aave's base currency (`BASE_CURRENCY_UNIT = 1e8`).
    public static let priceDecimals = 8

    public static func load(text: String, file: String) throws(ConfigError) -> Scenario {
        var (source, root) = try ConfigSource.parse(text, file: file)
        let name = try root.require("name") { reader, key throws(ConfigError) in try reader.printable(key, maxLength: 80) }
        let description = try root.printable("description", maxLength: 200) ?? ""
        var rules = RuleSet.aaveV33
        if let text = try root.string("rules") {
            guard let parsed = RuleSet(rawValue: text) else {
                throw root.error("rules", "\(quoted(text)) is not a rule set; use \"aave-v3.3\" or \"aave-v3.1\"")
            }
            rules = parsed
        }

        var assets: [AssetSpec] = []
        var totalSuppliedPaths: [ConfigPath] = []
        var markets: [SimulationSettings.AssetMarket] = []
        for var reader in try root.tables("assets") {
            let asset = try readAsset(&reader)
            markets.append(try readAssetMarket(&reader))
            if assets.contains(where: { $0.symbol == asset.symbol }) {
                throw reader.error("symbol", "\"\(asset.symbol)\" is listed twice")
            }
            assets.append(asset)
            totalSuppliedPaths.append(reader.path.appending("total_supplied"))
            try reader.finish()
        }
        guard !assets.isEmpty else { throw root.error("assets", "at least one [[assets]] entry is required") }

        var eModes: [EModeSpec] = []
        for var reader in try root.tables("emode") {
            let category = try readEMode(&reader, assets: assets)
            if eModes.contains(where: { $0.id == category.id }) {
                throw reader.error("id", "eMode category \(category.id) is defined twice")
            }
            eModes.append(category)
            try reader.finish()
        }

        let positionReaders = try root.tables("positions")
        var positions: [PositionSpec] = []
        var positionIDs: Set<String> = []
        positions.reserveCapacity(positionReaders.count)
        positionIDs.reserveCapacity(positionReaders.count)
        var collateralTotals = Array(repeating: UInt128(0), count: assets.count)
        var debtTotals = collateralTotals
        for var reader in positionReaders {
            let position = try readPosition(&reader, assets: assets, eModes: eModes)
            guard positionIDs.insert(position.id).inserted else {
                throw reader.error("id", "\"\(position.id)\" is used by an earlier position")
            }
            // Totals must stay computable: the reserve holds every position's amounts together.
            for (side, amounts) in [("collateral", position.collateral), ("debt", position.debt)] {
                for (asset, amount) in amounts {
                    let (sum, overflow) = side == "collateral"
                        ? collateralTotals[asset].addingReportingOverflow(amount) : debtTotals[asset].addingReportingOverflow(amount)
                    let limit = UInt128.max / 4
                    guard !overflow, sum <= limit else {
                        throw reader.source.error(reader.path.appending(side).appending(assets[asset].symbol),
                                                  "the positions' \(side) in \(assets[asset].symbol) adds up to more than liqtop can hold")
                    }
                    if side == "collateral" { collateralTotals[asset] = sum } else { debtTotals[asset] = sum }
                }
            }
            positions.append(position)
            try reader.finish()
        }

        var sentinel: PriceOracleSentinel?
        if var reader = try root.table("oracle_sentinel") {
            sentinel = PriceOracleSentinel(
                sequencerUp: try reader.bool("sequencer_up") ?? true,
                secondsSinceUp: UInt64(try reader.integer("seconds_since_up", in: 0...Int.max) ?? 0),
                gracePeriodSeconds: UInt64(try reader.integer("grace_period_s", in: 0...Int.max) ?? 3600))
            try reader.finish()
        }

        var simulation = try readSimulation(&root, assets: assets)
        simulation.assets = markets

        var premium: UInt128 = 5, premiumToProtocol: UInt128 = 4
        if var reader = try root.table("flash_loans") {
            premium = try reader.basisPoints("premium_bps") ?? premium
            premiumToProtocol = try reader.basisPoints("premium_to_protocol_bps") ?? premiumToProtocol
            try reader.finish()
        }
        try root.finish()

        let scenario = Scenario(name: name, description: description, rules: rules, assets: assets, eModes: eModes,
                                positions: positions, sentinel: sentinel, flashLoanPremiumBps: premium,
                                flashLoanPremiumToProtocolBps: premiumToProtocol, simulation: simulation)
        // Supplies that cannot cover what the positions hold or borrow.
        for (index, asset) in assets.enumerated() {
            guard let supplied = asset.totalSupplied else { continue }
            let (collateral, debt) = (collateralTotals[index], debtTotals[index])
            if supplied < collateral || supplied < debt {
                throw source.error(totalSuppliedPaths[index],
                                   "\(DecimalAmount.format(supplied, decimals: asset.decimals)) \(asset.symbol) is less than the positions hold (\(DecimalAmount.format(collateral, decimals: asset.decimals))) or borrow (\(DecimalAmount.format(debt, decimals: asset.decimals)))")
            }
        }
        return scenario
    }

    private static func readAsset(_ reader: inout TableReader) throws(ConfigError) -> AssetSpec {
        let symbol = try reader.require("symbol") { r, k throws(ConfigError) in try r.string(k) }
        guard !symbol.isEmpty, symbol.count <= 16,
              symbol.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-") })
        else {
            throw reader.error("symbol", "\(quoted(symbol)) is not a symbol: use 1 to 16 letters, digits, '.', '_' or '-'")
        }
        let decimals = try reader.require("decimals") { r, k throws(ConfigError) in try r.integer(k, in: 0...36) }
        let price = try readPrice(&reader)
        let ltv = try reader.basisPoints("ltv_bps") ?? 0
        let threshold = try reader.basisPoints("liquidation_threshold_bps") ?? 0
        let bonus = try reader.basisPoints("liquidation_bonus_bps", max: 20_000) ?? 10_000
        let fee = try reader.basisPoints("liquidation_protocol_fee_bps") ?? 0
        let reserveFactor = try reader.basisPoints("reserve_factor_bps") ?? 1_000
        let strategy = InterestRateStrategy(
            optimalUsageRatioBps: try reader.basisPoints("optimal_usage_ratio_bps") ?? 8_000,
            baseVariableBorrowRateBps: try reader.basisPoints("base_variable_borrow_rate_bps", max: 100_000) ?? 0,
            variableRateSlope1Bps: try reader.basisPoints("variable_rate_slope1_bps", max: 100_000) ?? 400,
            variableRateSlope2Bps: try reader.basisPoints("variable_rate_slope2_bps", max: 100_000) ?? 7_500)
        let totalSupplied = try reader.decimal("total_supplied", decimals: decimals)
        // PoolConfigurator.configureReserveAsCollateral and the V2 rate strategy's bounds.
        guard ltv <= threshold else {
            throw reader.error("ltv_bps", "\(ltv) is above liquidation_threshold_bps (\(threshold)); the LTV may not exceed it")
        }
        if threshold != 0 {
            guard bonus > 10_000 else {
                throw reader.error("liquidation_bonus_bps", "must be above 10000 for an asset that can be collateral (Aave writes a 5 % bonus as 10500)")
            }
            guard (threshold * bonus + 5_000) / 10_000 <= 10_000 else {
                throw reader.error("liquidation_bonus_bps", "liquidation threshold × bonus is above 100 % (\(threshold) × \(bonus)); liquidating would seize more collateral than exists")
            }
        }
        // DefaultReserveInterestRateStrategyV2._setInterestRateParams.
        guard strategy.variableRateSlope1Bps <= strategy.variableRateSlope2Bps else {
            throw reader.error("variable_rate_slope2_bps", "must be at least variable_rate_slope1_bps (SLOPE_2_MUST_BE_GTE_SLOPE_1)")
        }
        guard strategy.baseVariableBorrowRateBps + strategy.variableRateSlope1Bps + strategy.variableRateSlope2Bps <= 100_000 else {
            throw reader.error("variable_rate_slope2_bps", "base + slope1 + slope2 is above 1000 % (MAX_BORROW_RATE)")
        }
        guard (100...9_900).contains(strategy.optimalUsageRatioBps) else {
            throw reader.error("optimal_usage_ratio_bps", "\(strategy.optimalUsageRatioBps) is outside 100...9900 (MIN_OPTIMAL_POINT...MAX_OPTIMAL_POINT)")
        }
        return AssetSpec(symbol: symbol, decimals: decimals, priceUSD: price, ltvBps: ltv,
                         liquidationThresholdBps: threshold, liquidationBonusBps: bonus,
                         liquidationProtocolFeeBps: fee, reserveFactorBps: reserveFactor,
                         rateStrategy: strategy, totalSupplied: totalSupplied)
    }

    private static func readEMode(_ reader: inout TableReader, assets: [AssetSpec]) throws(ConfigError) -> EModeSpec {
        let id = try reader.require("id") { r, k throws(ConfigError) in try r.integer(k, in: 1...255) }
        let label = try reader.printable("label", maxLength: 40) ?? "category \(id)"
        let ltv = try reader.require("ltv_bps") { r, k throws(ConfigError) in try r.basisPoints(k) }
        let threshold = try reader.require("liquidation_threshold_bps") { r, k throws(ConfigError) in try r.basisPoints(k) }
        let bonus = try reader.require("liquidation_bonus_bps") { r, k throws(ConfigError) in try r.basisPoints(k, max: 20_000) }
        guard ltv <= threshold else { throw reader.error("ltv_bps", "\(ltv) is above liquidation_threshold_bps (\(threshold))") }
        guard threshold != 0 else { throw reader.error("liquidation_threshold_bps", "must be more than 0 for an eMode category") }
        guard bonus > 10_000 else { throw reader.error("liquidation_bonus_bps", "must be above 10000 (Aave writes a 1 % bonus as 10100)") }
        guard (threshold * bonus + 5_000) / 10_000 <= 10_000 else {
            throw reader.error("liquidation_bonus_bps", "liquidation threshold × bonus is above 100 % (\(threshold) × \(bonus))")
        }
        let symbols = try reader.require("assets") { r, k throws(ConfigError) in try r.strings(k) }
        var members: [Int] = []
        for (offset, symbol) in symbols.enumerated() {
            guard let index = assets.firstIndex(where: { $0.symbol == symbol }) else {
                throw reader.source.error(reader.path.appending("assets").appending(index: offset),
                                          "\(quoted(symbol)) is not a listed asset")
            }
            members.append(index)
        }
        return EModeSpec(id: UInt8(id), label: label, ltvBps: ltv, liquidationThresholdBps: threshold,
                         liquidationBonusBps: bonus, assets: members)
    }

    private static func readPosition(_ reader: inout TableReader, assets: [AssetSpec], eModes: [EModeSpec]) throws(ConfigError) -> PositionSpec {
        let id = try reader.require("id") { r, k throws(ConfigError) in try r.printable(k, maxLength: 64) }
        guard !id.isEmpty else { throw reader.error("id", "must not be empty") }
        let collateral = try amounts(&reader, "collateral", assets: assets)
        let debt = try amounts(&reader, "debt", assets: assets)
        let eMode = try reader.integer("emode", in: 0...255) ?? 0
        if eMode != 0, !eModes.contains(where: { $0.id == eMode }) {
            throw reader.error("emode", "eMode category \(eMode) is not defined in [[emode]]")
        }
        return PositionSpec(id: id, collateral: collateral, debt: debt, eMode: UInt8(eMode))
    }

    private static func amounts(_ reader: inout TableReader, _ key: String, assets: [AssetSpec]) throws(ConfigError) -> [Int: UInt128] {
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
    static func readPrice(_ reader: inout TableReader) throws(ConfigError) -> UInt128 {
        let price = try reader.require("price_usd") { r, k throws(ConfigError) in try r.decimal(k, decimals: priceDecimals) }
        guard price > 0 else { throw reader.error("price_usd", "must be more than 0") }
        guard price <= PriceProcess.maximumUnits else { throw reader.error("price_usd", "must be at most 10000000000000000000000 (10^22 USD)") }
        return price
    }
}
