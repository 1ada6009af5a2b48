/// Reads a reserves file: `{"reserves": [...], "baseCurrency": {...}, "eModes": [...]}`, the arrays that
/// UiPoolDataProviderV3's `getReservesData(provider)` and (v3.2+) `getEModes(provider)` return, with the
/// contract's field names. Unknown fields are ignored (providers add fields between versions); a missing
/// required field is an error naming it.
enum MarketReservesReader {
    static let rayPerBasisPoint: UInt128 = 100_000_000_000_000_000_000_000 // 1e27 / 1e4

    static func read(
        _ text: String, file: String
    ) throws(ConfigError) -> (reserves: [MarketReserve], eModes: [EModeSpec]) {
        let root: JSONItem
        do {
            root = try JSONReader.parse(text[...].utf8)
        } catch {
            throw ConfigError(file: file, line: error.line, key: "syntax", message: error.message)
        }
        let top = try MarketFields(root, file: file, path: "(file)")
        let base = try MarketFields(try top.required("baseCurrency"), file: file, path: "baseCurrency")
        let unit = try base.unsigned("marketReferenceCurrencyUnit")
        let referenceUSD = try base.unsigned("marketReferenceCurrencyPriceInUsd")
        guard unit > 0, referenceUSD > 0 else {
            throw base.error(
                "marketReferenceCurrencyUnit", "the reference currency's unit and USD price must be above 0")
        }
        var reserves: [MarketReserve] = []
        var legacyModes: [UInt8: (ltv: UInt128, threshold: UInt128, bonus: UInt128, label: String, assets: [Int])] = [:]
        for (position, item) in try top.array("reserves").enumerated() {
            let fields = try MarketFields(item, file: file, path: "reserves[\(position)]")
            var reserve = try read(fields, unit: unit, referenceUSD: referenceUSD)
            if reserves.contains(where: { $0.address == reserve.address }) {
                throw fields.error("underlyingAsset", "\(reserve.address) is listed twice")
            }
            reserve.asset.symbol = uniqueSymbol(reserve.asset.symbol, among: reserves.map(\.asset.symbol))
            // Providers before v3.2 carry the eMode category on each reserve.
            if let id = try fields.unsignedIfPresent("eModeCategoryId", bits: 8), id != 0 {
                let category = UInt8(id)
                var mode: (ltv: UInt128, threshold: UInt128, bonus: UInt128, label: String, assets: [Int])
                if let known = legacyModes[category] {
                    mode = known
                } else {
                    mode = (
                        try fields.unsigned("eModeLtv", bits: 16),
                        try fields.unsigned("eModeLiquidationThreshold", bits: 16),
                        try fields.unsigned("eModeLiquidationBonus", bits: 16),
                        (try? fields.string("eModeLabel")) ?? "category \(id)", []
                    )
                }
                mode.assets.append(position)
                legacyModes[category] = mode
            }
            reserves.append(reserve)
        }
        guard !reserves.isEmpty else { throw top.error("reserves", "is empty: a market needs at least one reserve") }
        var eModes: [EModeSpec] = []
        if let modes = top.item["eModes"] {
            guard case .array(let items) = modes.value else {
                throw top.error("eModes", "must be an array, not \(modes.typeName)")
            }
            for (position, item) in items.enumerated() {
                let entry = try MarketFields(item, file: file, path: "eModes[\(position)]")
                let id = try entry.unsigned("id", bits: 8)
                let mode = try MarketFields(try entry.required("eMode"), file: file, path: "eModes[\(position)].eMode")
                let bitmap = try mode.unsigned("collateralBitmap")
                let threshold = try mode.unsigned("liquidationThreshold", bits: 16)
                guard id != 0, threshold != 0 else { continue }
                eModes.append(
                    EModeSpec(
                        id: UInt8(id), label: (try? mode.string("label")) ?? "category \(id)",
                        ltvBps: try mode.unsigned("ltv", bits: 16), liquidationThresholdBps: threshold,
                        liquidationBonusBps: try mode.unsigned("liquidationBonus", bits: 16),
                        assets: reserves.indices.filter { $0 < 128 && (bitmap >> UInt128($0)) & 1 == 1 }))
            }
        } else {
            eModes = legacyModes.keys.sorted().map { id in
                let mode = legacyModes[id]!
                return EModeSpec(
                    id: id, label: mode.label, ltvBps: mode.ltv, liquidationThresholdBps: mode.threshold,
                    liquidationBonusBps: mode.bonus, assets: mode.assets)
            }
        }
        return (reserves, eModes)
    }

    private static func read(
        _ fields: MarketFields, unit: UInt128, referenceUSD: UInt128
    ) throws(ConfigError) -> MarketReserve {
        // Stable-rate debt: older providers report it; v3.2 removed it, and liqtop does not model it.
        for key in ["totalPrincipalStableDebt", "totalStableDebt"] {
            if let stable = try fields.unsignedIfPresent(key), stable != 0 {
                throw fields.error(key, "is \(stable): stable-rate debt is not modelled (Aave v3.2 removed it)")
            }
        }
        let decimals = try fields.unsigned("decimals", bits: 8)
        guard decimals <= 36 else { throw fields.error("decimals", "\(decimals) is more than 36") }
        let price = try fields.unsigned("priceInMarketReferenceCurrency")
        let priceUSD: UInt128
        do {
            priceUSD = try FullWidth.mulDiv(price, referenceUSD, unit, operation: "price")
        } catch {
            throw fields.error("priceInMarketReferenceCurrency", "\(price) overflows once converted to USD")
        }
        guard priceUSD > 0 else { throw fields.error("priceInMarketReferenceCurrency", "is 0 (or under 1e-8 USD)") }
        func basisPoints(_ key: String) throws(ConfigError) -> UInt128 {
            // Rates arrive in ray; the v3.2+ strategy keeps them in basis points, so they divide exactly.
            let ray = try fields.unsigned(key)
            return (ray + rayPerBasisPoint / 2) / rayPerBasisPoint
        }
        var strategy = InterestRateStrategy(
            optimalUsageRatioBps: try basisPoints("optimalUsageRatio"),
            baseVariableBorrowRateBps: try basisPoints("baseVariableBorrowRate"),
            variableRateSlope1Bps: try basisPoints("variableRateSlope1"),
            variableRateSlope2Bps: try basisPoints("variableRateSlope2"))
        let borrowRate = try fields.unsigned("variableBorrowRate")
        // A strategy the provider could not read (its try/catch leaves all four at 0) or a fixed rate: the
        // exported borrow rate becomes the base rate, so the rate holds when the pool recomputes it.
        if strategy.optimalUsageRatioBps == 0, strategy.baseVariableBorrowRateBps == 0,
            strategy.variableRateSlope1Bps == 0, strategy.variableRateSlope2Bps == 0
        {
            strategy.baseVariableBorrowRateBps = (borrowRate + rayPerBasisPoint / 2) / rayPerBasisPoint
        }
        let lastUpdate = try fields.unsigned("lastUpdateTimestamp", bits: 40)
        for key in ["liquidityIndex", "variableBorrowIndex"] where try fields.unsigned(key) < WadRayMath.ray {
            throw fields.error(key, "is below 1 ray (1e27); an index starts at 1 ray and only grows")
        }
        // The pool's own accounting of the underlying (v3.1+), when the export has it.
        var available = try fields.unsigned("availableLiquidity")
        if let virtual = try fields.unsignedIfPresent("virtualUnderlyingBalance"),
            try fields.boolIfPresent("virtualAccActive") ?? true
        {
            available = virtual
        }
        return MarketReserve(
            address: try fields.address("underlyingAsset"),
            asset: AssetSpec(
                symbol: try fields.string("symbol"), decimals: Int(decimals), priceUSD: priceUSD,
                ltvBps: try fields.unsigned("baseLTVasCollateral", bits: 16),
                liquidationThresholdBps: try fields.unsigned("reserveLiquidationThreshold", bits: 16),
                liquidationBonusBps: try fields.unsigned("reserveLiquidationBonus", bits: 16),
                // Not in `AggregatedReserveData` (AaveProtocolDataProvider.getLiquidationProtocolFee has it):
                // an export may add it; without it, 0, and `liquidation_protocol_fee_bps` can set it.
                liquidationProtocolFeeBps: try fields.unsignedIfPresent("liquidationProtocolFee", bits: 16) ?? 0,
                reserveFactorBps: try fields.unsigned("reserveFactor", bits: 16), rateStrategy: strategy,
                totalSupplied: nil),
            liquidityIndex: try fields.unsigned("liquidityIndex"),
            variableBorrowIndex: try fields.unsigned("variableBorrowIndex"),
            liquidityRate: try fields.unsigned("liquidityRate"),
            variableBorrowRate: borrowRate, lastUpdateTimestamp: UInt64(lastUpdate), availableLiquidity: available,
            totalScaledVariableDebt: try fields.unsigned("totalScaledVariableDebt"),
            deficit: try fields.unsignedIfPresent("deficit") ?? 0,
            accruedToTreasury: try fields.unsignedIfPresent("accruedToTreasury") ?? 0)
    }

    /// A symbol as scenario keys take it (1 to 16 letters, digits, `.`, `_`, `-`), unique in the market.
    static func uniqueSymbol(_ symbol: String, among taken: [String]) -> String {
        var cleaned = String(
            symbol.unicodeScalars.filter {
                $0.isASCII
                    && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || ".-_".unicodeScalars.contains($0))
            }
            .prefix(16).map(Character.init))
        if cleaned.isEmpty { cleaned = "ASSET" }
        var candidate = cleaned, number = 2
        while taken.contains(candidate) {
            let suffix = "-\(number)"
            candidate = String(cleaned.prefix(16 - suffix.count)) + suffix
            number += 1
        }
        return candidate
    }
}
