/// `[[price_paths]]`, the oracle's floor and ceiling, and `[l2]`.
extension ScenarioLoader {
    static func readL2(_ root: inout TableReader) throws(ConfigError) -> SimulationSettings.L2? {
        let keys = ScenarioKeys.l2
        guard var reader = try root.section(keys) else { return nil }
        let text = try reader.read(keys.sequencerRegion)
        guard let region = Region(id: text) else {
            throw reader.error(
                keys.sequencerRegion.name, "\(quoted(text)) is not a region; use na, eu, sa, ap, jp or au")
        }
        let l2 = SimulationSettings.L2(sequencerRegion: region, gracePeriodSeconds: try reader.read(keys.gracePeriod))
        try reader.finish()
        return l2
    }

    static func readOracleBounds(
        _ reader: inout TableReader, into market: inout SimulationSettings.AssetMarket
    ) throws(ConfigError) {
        let keys = ScenarioKeys.assets
        market.oracleMinAnswer = try reader.decimal(keys.oracleMinAnswer.name, decimals: priceDecimals)
        market.oracleMaxAnswer = try reader.decimal(keys.oracleMaxAnswer.name, decimals: priceDecimals)
        if market.oracleMinAnswer == 0 { throw reader.error(keys.oracleMinAnswer.name, "must be more than 0") }
        if let low = market.oracleMinAnswer, let high = market.oracleMaxAnswer, high <= low {
            throw reader.error(keys.oracleMaxAnswer.name, "must be above \(keys.oracleMinAnswer.name)")
        }
    }

    static func readPricePaths(
        _ root: inout TableReader, assets: [AssetSpec], resources: Resources?
    ) throws(ConfigError) -> [PricePath] {
        let keys = ScenarioKeys.pricePaths
        var paths: [PricePath] = []
        for var reader in try root.sections(keys) {
            let symbol = try reader.read(keys.asset)
            guard let asset = assets.firstIndex(where: { $0.symbol == symbol }) else {
                throw reader.error(keys.asset.name, "\(quoted(symbol)) is not a listed asset")
            }
            guard !paths.contains(where: { $0.asset == asset }) else {
                throw reader.error(keys.asset.name, "\(symbol) has a path already; one path an asset")
            }
            let written = reader.value(keys.points.name)
            let file = try reader.readIfPresent(keys.file)
            let points: [(ms: Int64, price: UInt128)]
            switch (written, file) {
            case (let value?, nil): points = try Self.points(value, reader: reader)
            case (nil, let path?):
                guard let resources else {
                    throw reader.error(keys.file.name, "a path file can be read only from a scenario file on disk")
                }
                let csv = try resources(path)
                points = try Self.points(csv: csv.text, file: csv.file)
            case (nil, nil): throw reader.error(keys.points.name, "give the path as `points` or as a `file`")
            case (_?, _?): throw reader.error(keys.file.name, "give `points` or `file`, not both")
            }
            guard points.first?.ms == 0 else {
                throw reader.error(keys.points.name, "the first point must be at 0 seconds (the start)")
            }
            paths.append(PricePath(asset: asset, points: points, noise: try reader.read(keys.noise)))
            try reader.finish()
        }
        return paths
    }

    /// `[[seconds, "price"], …]`: seconds a whole number, increasing; prices above 0, 8 decimals.
    private static func points(
        _ value: ConfigValue, reader: TableReader
    ) throws(ConfigError) -> [(ms: Int64, price: UInt128)] {
        let key = ScenarioKeys.pricePaths.points.name
        guard let items = value.elements, !items.isEmpty else {
            throw reader.error(key, "must be an array of [seconds, \"price\"] pairs")
        }
        var points: [(ms: Int64, price: UInt128)] = []
        for (index, item) in items.enumerated() {
            guard let pair = item.value.elements, pair.count == 2, case .integer(let seconds) = pair[0].value,
                seconds >= 0, seconds <= 1_000_000_000
            else {
                throw reader.error(key, "entry \(index + 1) must be [seconds, \"price\"], seconds from 0 to 10^9")
            }
            let price: UInt128
            do {
                price = try TableReader.decimal(pair[1].value, decimals: priceDecimals)
            } catch {
                throw reader.error(key, "entry \(index + 1): the price \(error.message)")
            }
            try append(&points, seconds: seconds, price: price) { message throws(ConfigError) in
                reader.error(key, "entry \(index + 1): \(message)")
            }
        }
        return points
    }

    /// A CSV file of `t_s,price_usd` rows after a header. Read by hand rather than with a CSV package:
    /// LiqCore depends on nothing but Crypto and Collections (the layering rule), and two numeric columns
    /// need no quoting or dialects (a quote is refused).
    private static func points(csv text: String, file: String) throws(ConfigError) -> [(ms: Int64, price: UInt128)] {
        var points: [(ms: Int64, price: UInt128)] = []
        var header = true
        // Lines end with \n, \r\n (one Character in Swift) or \r.
        for (number, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            guard !line.allSatisfy({ $0 == " " || $0 == "\t" }) else { continue }
            let columns = line.split(separator: ",", omittingEmptySubsequences: false).map {
                String($0.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
            }
            func problem(_ key: String, _ message: String) -> ConfigError {
                ConfigError(file: file, line: number + 1, key: key, message: message)
            }
            if header {
                guard columns.count == 2, columns[0].hasPrefix("t_s"), columns[1].hasPrefix("price_usd") else {
                    throw problem("header", "the first line must be the header t_s,price_usd")
                }
                header = false
                continue
            }
            guard columns.count == 2, !line.contains("\"") else {
                throw problem("row", "a row is two numbers, t_s,price_usd")
            }
            guard let seconds = Int(columns[0]), seconds >= 0, seconds <= 1_000_000_000
            else { throw problem("t_s", "\(quoted(String(columns[0]))) is not whole seconds from 0 to 10^9") }
            let price: UInt128
            do {
                price = try DecimalAmount.parse(columns[1], decimals: priceDecimals)
            } catch {
                throw problem("price_usd", "\(quoted(columns[1])): \(error.description)")
            }
            try append(&points, seconds: seconds, price: price) { message throws(ConfigError) in problem("t_s", message)
            }
        }
        guard !points.isEmpty else {
            throw ConfigError(file: file, line: nil, key: "(whole file)", message: "no t_s,price_usd rows")
        }
        return points
    }

    private static func append(
        _ points: inout [(ms: Int64, price: UInt128)], seconds: Int, price: UInt128,
        _ problem: (String) throws(ConfigError) -> ConfigError
    ) throws(ConfigError) {
        guard price > 0, price <= PriceProcess.maximumUnits else {
            throw try problem("the price must be more than 0 and at most 10^22 USD")
        }
        let ms = Int64(seconds) * 1_000
        if let last = points.last, ms <= last.ms {
            throw try problem("\(seconds) s is not after the previous point (\(last.ms / 1_000) s)")
        }
        points.append((ms, price))
    }
}
