/// `[market_data]`: the exported files are read (through `resources`: LiqCore does no I/O), and the
/// scenario's tree is given one `[[assets]]` entry per reserve, in the file's order, carrying the reserve's
/// parameters, with the keys of the scenario's own `[[assets]]` entry of the same symbol on top; and the
/// market's eMode categories unless the scenario lists its own. The rest of the loader then reads the tree
/// as if it had been written that way, with every check it makes of a hand-written file.
extension ScenarioLoader {
    /// Reads a file that `[market_data]` names (a path relative to the scenario file): its text and the name
    /// errors should use, or what went wrong.
    public typealias Resources = @Sendable (String) throws(ConfigError) -> (text: String, file: String)

    /// Symbols that liqtop treats as dollar stablecoins (their true price reverts to $1) unless the scenario's
    /// `[[assets]]` entry says otherwise.
    static let stablecoins: Set<String> = [
        "USDC", "USDT", "DAI", "LUSD", "FRAX", "GHO", "PYUSD", "USDe", "crvUSD", "RLUSD", "USDS", "USDC.e", "USDbC",
    ]

    /// With `[market_data]`: the market read, and `source` and `root` rewritten with its assets.
    static func readMarket(
        _ source: inout ConfigSource, _ root: inout TableReader, resources: Resources?
    ) throws(ConfigError) -> MarketData? {
        guard var reader = try root.section(ScenarioKeys.marketData) else { return nil }
        let market = try readMarket(&reader, resources: resources)
        try reader.finish()
        let line = source.line(of: ConfigPath().appending(ScenarioKeys.marketData.table))
        let tree = try Self.tree(source.root, with: market, source: source, line: line)
        source = ConfigSource(file: source.file, root: tree)
        root = TableReader(source: source, path: ConfigPath(), table: tree)
        _ = try root.section(ScenarioKeys.marketData)
        return market
    }

    static func readMarket(
        _ reader: inout TableReader, resources: Resources?
    ) throws(ConfigError) -> MarketData {
        let keys = ScenarioKeys.marketData
        let reservesPath = try reader.read(keys.reserves)
        let usersPath = try reader.read(keys.users)
        let timestamp = try reader.read(keys.timestamp)
        guard let resources else {
            throw reader.error(keys.reserves.name, "market files can be read only from a scenario file on disk")
        }
        let reservesFile = try resources(reservesPath)
        let (reserves, eModes) = try MarketReservesReader.read(reservesFile.text, file: reservesFile.file)
        // Each reserve at the moment to evaluate: not before its last update, and computable.
        for reserve in reserves {
            guard UInt64(timestamp) >= reserve.lastUpdateTimestamp else {
                throw reader.error(
                    keys.timestamp.name,
                    "\(timestamp) is before \(reserve.asset.symbol)'s lastUpdateTimestamp (\(reserve.lastUpdateTimestamp)) "
                        + "in \(reservesFile.file); evaluate the market at or after its export")
            }
            do {
                _ = try reserve.reserve(at: UInt64(timestamp))
            } catch {
                throw ConfigError(
                    file: reservesFile.file, line: nil, key: reserve.asset.symbol,
                    message: "its indexes cannot be accrued to \(timestamp): \(error)")
            }
        }
        let usersFile = try resources(usersPath)
        let accounts = try MarketUsersReader.read(
            usersFile.text, file: usersFile.file, reserves: reserves, eModes: eModes)
        return MarketData(
            timestamp: UInt64(timestamp), reserves: reserves, eModes: eModes, accounts: accounts,
            reservesFile: reservesPath, usersFile: usersPath)
    }

    /// The tree with the market's assets (and eModes) written in; see the type's comment.
    static func tree(
        _ tree: ConfigTable, with market: MarketData, source: ConfigSource, line: Int
    ) throws(ConfigError) -> ConfigTable {
        var tree = tree
        let assetKeys = ScenarioKeys.assets
        if tree[ScenarioKeys.positions.table] != nil {
            throw source.error(
                ConfigPath().appending(ScenarioKeys.positions.table),
                "a scenario with [market_data] takes its positions from the users file; remove [[positions]]")
        }
        var own: [String: ConfigTable] = [:]
        for (position, node) in (tree[assetKeys.table]?.value.elements ?? []).enumerated() {
            let path = ConfigPath().appending(assetKeys.table).appending(index: position)
            guard case .table(let table) = node.value, case .string(let symbol)? = table[assetKeys.symbol.name]?.value
            else { throw source.error(path.appending(assetKeys.symbol.name), "an entry needs the reserve's symbol") }
            guard market.reserves.contains(where: { $0.asset.symbol == symbol }) else {
                let names = market.reserves.map(\.asset.symbol).joined(separator: ", ")
                throw source.error(
                    path.appending(assetKeys.symbol.name),
                    "\(quoted(symbol)) is not a reserve of \(market.reservesFile) (reserves: \(names))")
            }
            // The scaled balances are in the token's own units: its decimals are the export's.
            if table[assetKeys.decimals.name] != nil {
                throw source.error(
                    path.appending(assetKeys.decimals.name), "a reserve's decimals come from \(market.reservesFile)")
            }
            own[symbol] = table
        }
        func node(_ value: ConfigValue) -> ConfigNode { ConfigNode(value, line: line) }
        var assets: [ConfigNode] = []
        for reserve in market.reserves {
            var table = ConfigTable(line: line, origin: .header)
            let strategy = reserve.asset.rateStrategy
            let entries: [(String, ConfigValue)] = [
                (assetKeys.symbol.name, .string(reserve.asset.symbol)),
                (assetKeys.decimals.name, .integer(reserve.asset.decimals)),
                (
                    assetKeys.priceUSD.name,
                    .string(DecimalAmount.format(reserve.asset.priceUSD, decimals: priceDecimals))
                ),
                (assetKeys.ltv.name, .integer(Int(reserve.asset.ltvBps))),
                (assetKeys.liquidationThreshold.name, .integer(Int(reserve.asset.liquidationThresholdBps))),
                (assetKeys.liquidationBonus.name, .integer(Int(reserve.asset.liquidationBonusBps))),
                (assetKeys.liquidationProtocolFee.name, .integer(Int(reserve.asset.liquidationProtocolFeeBps))),
                (assetKeys.reserveFactor.name, .integer(Int(reserve.asset.reserveFactorBps))),
                // A fixed-rate strategy (GHO's) reports no kink: any kink gives its rate when the slopes are 0.
                (assetKeys.optimalUsageRatio.name, .integer(Int(min(9_900, max(100, strategy.optimalUsageRatioBps))))),
                (
                    assetKeys.baseVariableBorrowRate.name,
                    .integer(Int(min(100_000, strategy.baseVariableBorrowRateBps)))
                ),
                (assetKeys.variableRateSlope1.name, .integer(Int(min(100_000, strategy.variableRateSlope1Bps)))),
                (assetKeys.variableRateSlope2.name, .integer(Int(min(100_000, strategy.variableRateSlope2Bps)))),
                (assetKeys.stable.name, .bool(stablecoins.contains(reserve.asset.symbol))),
            ]
            for (key, value) in entries { table.set(key, node(value)) }
            for entry in own[reserve.asset.symbol]?.entries ?? [] { table.set(entry.key, entry.node) }
            assets.append(node(.table(table)))
        }
        tree.set(assetKeys.table, node(.tableArray(assets)))
        let modeKeys = ScenarioKeys.eModes
        if let own = tree[modeKeys.table]?.value.elements {
            // The scenario's categories replace the market's: every category a user is in must be among them.
            let ids = Set(
                own.compactMap { node -> Int? in
                    guard case .table(let table) = node.value, case .integer(let id)? = table[modeKeys.id.name]?.value
                    else { return nil }
                    return id
                })
            let used = Set(market.accounts.indices.map { Int(market.accounts.eModeCategory(at: $0)) }).subtracting([0])
            if let missing = used.subtracting(ids).min() {
                throw source.error(
                    ConfigPath().appending(modeKeys.table),
                    "users in \(market.usersFile) are in eMode category \(missing), which these entries do not define")
            }
        }
        if tree[modeKeys.table] == nil, !market.eModes.isEmpty {
            let modes = market.eModes.map { mode in
                var table = ConfigTable(line: line, origin: .header)
                table.set(modeKeys.id.name, node(.integer(Int(mode.id))))
                table.set(modeKeys.label.name, node(.string(String(mode.label.prefix(40)))))
                table.set(modeKeys.ltv.name, node(.integer(Int(mode.ltvBps))))
                table.set(modeKeys.liquidationThreshold.name, node(.integer(Int(mode.liquidationThresholdBps))))
                table.set(modeKeys.liquidationBonus.name, node(.integer(Int(mode.liquidationBonusBps))))
                table.set(
                    modeKeys.assets.name,
                    node(.array(mode.assets.map { node(.string(market.reserves[$0].asset.symbol)) })))
                return node(.table(table))
            }
            tree.set(modeKeys.table, node(.tableArray(modes)))
        }
        return tree
    }
}
