import Testing

@testable import LiqCore

/// Real markets in: the provider's shapes, accrual to the export's moment, and what `getUserAccountData`
/// would report, by hand.
@Suite struct MarketDataTests {
    static let weth = "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2"
    static let usdc = "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48"

    /// One reserve as `getReservesData` returns it (the fields liqtop reads, and a few it ignores).
    static func reserve(
        _ symbol: String, _ address: String, decimals: Int, price: String, lt: Int, liquidityIndex: String,
        borrowIndex: String, liquidityRate: String, borrowRate: String, lastUpdate: Int, extra: String = ""
    ) -> String {
        """
        {"underlyingAsset": "\(address)", "name": "\(symbol)", "symbol": "\(symbol)", "decimals": "\(decimals)",
         "baseLTVasCollateral": "\(lt == 0 ? 0 : lt - 250)", "reserveLiquidationThreshold": "\(lt)",
         "reserveLiquidationBonus": "\(lt == 0 ? 0 : 10500)", "reserveFactor": "1000",
         "usageAsCollateralEnabled": \(lt != 0), "borrowingEnabled": true, "isActive": true, "isFrozen": false,
         "isPaused": false, "liquidityIndex": "\(liquidityIndex)", "variableBorrowIndex": "\(borrowIndex)",
         "liquidityRate": "\(liquidityRate)", "variableBorrowRate": "\(borrowRate)",
         "lastUpdateTimestamp": \(lastUpdate), "availableLiquidity": "1000000000000",
         "totalScaledVariableDebt": "500000000000", "priceInMarketReferenceCurrency": "\(price)",
         "optimalUsageRatio": "800000000000000000000000000", "baseVariableBorrowRate": "0",
         "variableRateSlope1": "40000000000000000000000000", "variableRateSlope2": "750000000000000000000000000",
         "supplyCap": "0", "borrowCap": "0", "debtCeiling": "0", "liquidationProtocolFee": "1000",
         "aTokenAddress": "0x0000000000000000000000000000000000000000", "someFutureField": [1, {"x": null}]\(extra)}
        """
    }

    static let lastUpdate = 1_700_000_000
    static let timestamp = lastUpdate + 86_400 * 3 + 1_234

    static var reserves: String {
        """
        {"reserves": [
        \(reserve("WETH", weth, decimals: 18, price: "181685000000", lt: 8300,
            liquidityIndex: "1021300000000000000000000000", borrowIndex: "1039800000000000000000000000",
            liquidityRate: "15200000000000000000000000", borrowRate: "23100000000000000000000000",
            lastUpdate: lastUpdate)),
        \(reserve("USDC", usdc, decimals: 6, price: "99995000", lt: 0,
            liquidityIndex: "1064400000000000000000000000", borrowIndex: "1088200000000000000000000000",
            liquidityRate: "38100000000000000000000000", borrowRate: "45200000000000000000000000",
            lastUpdate: lastUpdate - 600))
        ],
        "baseCurrency": {"marketReferenceCurrencyUnit": "100000000", "marketReferenceCurrencyPriceInUsd": "100000000",
                         "networkBaseTokenPriceInUsd": "181685000000", "networkBaseTokenPriceDecimals": 8}}
        """
    }

    static let user =
        #"{"user": "0x1111111111111111111111111111111111111111", "userEmodeCategoryId": 0, "userReserves": ["#
        + #"{"underlyingAsset": "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2", "scaledATokenBalance": "12345678901234567890", "usageAsCollateralEnabledOnUser": true, "scaledVariableDebt": "0"}, "#
        + #"{"underlyingAsset": "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48", "scaledATokenBalance": "0", "usageAsCollateralEnabledOnUser": false, "scaledVariableDebt": "15432109876"}]}"#

    static func scenario(
        reserves: String = reserves, users: String = user + "\n", extra: String = ""
    ) throws(ConfigError) -> Scenario {
        let text = """
            name = "market"
            [market_data]
            reserves = "r.json"
            users = "u.jsonl"
            timestamp = \(timestamp)
            \(extra)
            """
        let files = ["r.json": reserves, "u.jsonl": users]
        return try ScenarioLoader.load(text: text, file: "m.toml") { path throws(ConfigError) in
            guard let text = files[path] else {
                throw ConfigError(file: path, line: nil, key: "(whole file)", message: "cannot read: No such file")
            }
            return (text, path)
        }
    }

    /// Worked by hand with Aave's formulas (MathUtils: linear supply interest, the three-term compounded
    /// borrow interest; WadRayMath half-up; GenericLogic's account data), in exact integers:
    /// supply index 1.0213e27 · (1 + 1.52 % · 260,434 s / 31,536,000 s) = 1,021,428,199,990,862,506,341,958,396;
    /// USDC's borrow index from 10 minutes earlier = 1,088,607,210,407,625,798,717,253,875;
    /// collateral 12.35 WETH · 1816.85 = 2,291,088,652,409 (1e-8 USD), debt 16,799.51 USDC · 0.99995 =
    /// 1,679,866,610,769; HF = wadDiv(percentMul(collateral, 8300), debt) = 1.131996772427362243.
    @Test func theQuoteIsWhatGetUserAccountDataWouldReport() throws {
        let scenario = try Self.scenario()
        #expect(scenario.assets.map(\.symbol) == ["WETH", "USDC"])
        #expect(scenario.assets[0].liquidationThresholdBps == 8300 && scenario.assets[1].priceUSD == 99_995_000)
        let pool = try scenario.makePool()
        #expect(try pool.reserves[0].normalizedIncome(at: pool.time) == 1_021_428_199_990_862_506_341_958_396)
        #expect(try pool.reserves[1].normalizedDebt(at: pool.time) == 1_088_607_210_407_625_798_717_253_875)
        let index = try #require(pool.accountIndex(id: "0x1111111111111111111111111111111111111111"))
        let data = try pool.accountData(pool.accounts[index])
        #expect(data.totalCollateralBase == 2_291_088_652_409)
        #expect(data.totalDebtBase == 1_679_866_610_769)
        #expect(data.healthFactor.wad == 1_131_996_772_427_362_243)
    }

    /// The same user in eMode 1 (WETH's threshold 93 % there): percentMul(2,291,088,652,409, 9300) =
    /// 2,130,712,446,740; wadDiv by 1,679,866,610,769 = 1.268381925731956955.
    @Test func anEModeUserTakesTheCategorysThreshold() throws {
        let modern = Self.reserves.replacingOccurrences(
            of: "\"baseCurrency\"",
            with:
                #""eModes": [{"id": 1, "eMode": {"ltv": 9000, "liquidationThreshold": 9300, "liquidationBonus": 10100, "collateralBitmap": "1", "label": "ETH correlated", "borrowableBitmap": "3"}}], "baseCurrency""#
        )
        let user = Self.user.replacingOccurrences(of: "\"userEmodeCategoryId\": 0", with: "\"userEmodeCategoryId\": 1")
        let pool = try Self.scenario(reserves: modern, users: user).makePool()
        #expect(try pool.accountData(pool.accounts[0]).healthFactor.wad == 1_268_381_925_731_956_955)
    }

    @Test func eModesFromTheV32ArrayOrFromEachReserve() throws {
        let modern = Self.reserves.replacingOccurrences(
            of: "\"baseCurrency\"",
            with:
                #""eModes": [{"id": 1, "eMode": {"ltv": 9000, "liquidationThreshold": 9300, "liquidationBonus": 10100, "collateralBitmap": "1", "label": "ETH correlated", "borrowableBitmap": "3"}}], "baseCurrency""#
        )
        let fromArray = try Self.scenario(reserves: modern)
        #expect(fromArray.eModes.map(\.id) == [1] && fromArray.eModes[0].assets == [0])
        #expect(fromArray.eModes[0].liquidationThresholdBps == 9300 && fromArray.eModes[0].label == "ETH correlated")
        let legacy = Self.reserves.replacingOccurrences(
            of: #""liquidationProtocolFee": "1000","#,
            with:
                #""liquidationProtocolFee": "1000", "eModeCategoryId": 1, "eModeLtv": 9000, "eModeLiquidationThreshold": 9300, "eModeLiquidationBonus": 10100, "eModeLabel": "ETH correlated","#
        )
        let fromReserves = try Self.scenario(reserves: legacy)
        #expect(fromReserves.eModes.map(\.id) == [1] && fromReserves.eModes[0].assets == [0, 1])
    }

    /// An ETH-denominated market (older Aave markets): prices convert through the reference currency.
    @Test func anEthReferenceCurrencyConverts() throws {
        let eth = Self.reserves
            .replacingOccurrences(of: #""price": "181685000000""#, with: "")
            .replacingOccurrences(of: "\"181685000000\", \"liquidityIndex\"", with: "")
            .replacingOccurrences(
                of: #""marketReferenceCurrencyUnit": "100000000", "marketReferenceCurrencyPriceInUsd": "100000000""#,
                with:
                    #""marketReferenceCurrencyUnit": "1000000000000000000", "marketReferenceCurrencyPriceInUsd": "181685000000""#
            )
            .replacingOccurrences(
                of: #""priceInMarketReferenceCurrency": "181685000000""#,
                with: #""priceInMarketReferenceCurrency": "1000000000000000000""#
            )
            .replacingOccurrences(
                of: #""priceInMarketReferenceCurrency": "99995000""#,
                with: #""priceInMarketReferenceCurrency": "550368holds""#)
        #expect(throws: ConfigError.self) { try Self.scenario(reserves: eth) }
        let fixed = eth.replacingOccurrences(of: "550368holds", with: "550375650163745")
        let scenario = try Self.scenario(reserves: fixed)
        // 1 ETH = $1816.85; 550,375,650,163,745 wei × 181,685,000,000 / 1e18 = 99,995,000.000000000 + 0.2e-9:
        // $0.99995, truncated to 1e-8 USD as a mulDiv does.
        #expect(scenario.assets[0].priceUSD == 181_685_000_000)
        #expect(scenario.assets[1].priceUSD == 99_995_000)
    }

    @Test(arguments: [
        (
            "\"reserveLiquidationThreshold\": \"8300\",", "", "r.json",
            "reserves[0].reserveLiquidationThreshold: is missing"
        ),
        (
            "\"liquidationProtocolFee\": \"1000\",",
            "\"liquidationProtocolFee\": \"1000\", \"totalPrincipalStableDebt\": \"5\",",
            "r.json", "stable-rate debt is not modelled"
        ),
        (
            "\"priceInMarketReferenceCurrency\": \"99995000\"", "\"priceInMarketReferenceCurrency\": \"-1\"", "r.json",
            "reserves[1].priceInMarketReferenceCurrency: \"-1\" is not a whole number"
        ),
        ("\"decimals\": \"6\"", "\"decimals\": \"6\", \"decimals\": \"7\"", "", ""),
    ])
    func badReservesAreNamed(change: (String, String, String, String)) {
        let text = Self.reserves.replacingOccurrences(of: change.0, with: change.1)
        guard !change.2.isEmpty else {
            #expect(throws: Never.self) { try Self.scenario(reserves: text) } // duplicate keys: the first wins
            return
        }
        do {
            _ = try Self.scenario(reserves: text)
            Issue.record("accepted")
        } catch {
            #expect(error.file == change.2 && error.description.contains(change.3), "\(error.description)")
            #expect(error.line != nil)
        }
    }

    @Test func badUsersAreNamedByLine() throws {
        func problem(_ users: String) -> ConfigError? {
            do {
                _ = try Self.scenario(users: users)
                return nil
            } catch { return error }
        }
        let good = Self.user
        // A malformed line: file, line and what is wrong.
        let broken = problem(
            good + "\n\n" + #"{"user": "0x2222222222222222222222222222222222222222", "userReserves": [}"#)
        #expect(broken?.file == "u.jsonl" && broken?.line == 3)
        // An asset missing from the reserves file: both named.
        let stranger = problem(
            good.replacingOccurrences(
                of: "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48", with: "0x3333333333333333333333333333333333333333"))
        #expect(
            stranger?.description.contains(
                "0x3333333333333333333333333333333333333333 is not a reserve of the reserves file") == true)
        // An amount that overflows: an error, never wrapped.
        let huge = problem(good.replacingOccurrences(of: "15432109876", with: String(repeating: "9", count: 40)))
        #expect(huge?.description.contains("too large") == true && huge?.line == 1)
        // Twice the same user; an eMode category the market lacks; a missing field.
        #expect(problem(good + "\n" + good)?.description.contains("listed twice") == true)
        #expect(
            problem(good.replacingOccurrences(of: "\"userEmodeCategoryId\": 0", with: "\"userEmodeCategoryId\": 7"))?
                .description.contains("eMode category 7") == true)
        #expect(
            problem(good.replacingOccurrences(of: "\"usageAsCollateralEnabledOnUser\": true, ", with: ""))?
                .description.contains("usageAsCollateralEnabledOnUser: is missing") == true)
        // Blank lines and users who hold nothing are skipped.
        let empty = #"{"user": "0x4444444444444444444444444444444444444444", "userReserves": []}"#
        let scenario = try Self.scenario(users: "\n" + good + "\n\n" + empty + "\n")
        #expect(scenario.market?.accounts.count == 1)
    }

    @Test func theScenarioOverridesAReserveAndRefusesStrangers() throws {
        let overridden = try Self.scenario(
            extra: "[[assets]]\nsymbol = \"WETH\"\nliquidation_threshold_bps = 8100\ndex_liquidity_usd = 1000000")
        #expect(overridden.assets[0].liquidationThresholdBps == 8100 && overridden.assets[0].ltvBps == 8050)
        #expect(overridden.simulation.assets[0].dexLiquidityUSD == 1_000_000)
        #expect(try overridden.makePool().reserves[0].configuration.liquidationThresholdBps == 8100)
        #expect(throws: ConfigError.self) { try Self.scenario(extra: "[[assets]]\nsymbol = \"WBTC\"") }
        #expect(throws: ConfigError.self) {
            try Self.scenario(extra: "[[positions]]\nid = \"x\"\ncollateral = { WETH = \"1\" }")
        }
        #expect(throws: ConfigError.self) {
            try ScenarioLoader.load(
                text: "name = \"m\"\n[market_data]\nreserves = \"r\"\nusers = \"u\"\ntimestamp = 1", file: "x.toml")
        }
    }

    @Test func inconsistentExportsAreRefusedBeforeTheyLoad() throws {
        func message(_ body: () throws(ConfigError) -> Scenario) -> String {
            do {
                _ = try body()
                return "accepted"
            } catch { return error.description }
        }
        let text = """
            name = "market"
            [market_data]
            reserves = "r.json"
            users = "u.jsonl"
            timestamp = \(Self.lastUpdate - 1)
            """
        let files = ["r.json": Self.reserves, "u.jsonl": Self.user]
        #expect(
            message { () throws(ConfigError) in
                try ScenarioLoader.load(text: text, file: "m.toml") { path throws(ConfigError) in (files[path]!, path) }
            }.contains("market_data.timestamp: \(Self.lastUpdate - 1) is before WETH's lastUpdateTimestamp"))
        let zero = Self.reserves.replacingOccurrences(of: "\"1021300000000000000000000000\"", with: "\"0\"")
        #expect(
            message { () throws(ConfigError) in try Self.scenario(reserves: zero) }
                .contains("reserves[0].liquidityIndex: is below 1 ray"))
        #expect(
            message { () throws(ConfigError) in try Self.scenario(extra: "[[assets]]\nsymbol = \"USDC\"\ndecimals = 18")
            }
            .contains("assets[0].decimals: a reserve's decimals come from r.json"))
        let modern = Self.reserves.replacingOccurrences(
            of: "\"baseCurrency\"",
            with:
                #""eModes": [{"id": 1, "eMode": {"ltv": 9000, "liquidationThreshold": 9300, "liquidationBonus": 10100, "collateralBitmap": "1"}}], "baseCurrency""#
        )
        let inMode = Self.user.replacingOccurrences(
            of: "\"userEmodeCategoryId\": 0", with: "\"userEmodeCategoryId\": 1")
        let own =
            "[[emode]]\nid = 2\nltv_bps = 9000\nliquidation_threshold_bps = 9300\nliquidation_bonus_bps = 10100\nassets = [\"WETH\"]"
        #expect(
            message { () throws(ConfigError) in try Self.scenario(reserves: modern, users: inMode, extra: own) }
                .contains("users in u.jsonl are in eMode category 1, which these entries do not define"))
    }

    /// A fixed-rate strategy (all four parameters 0) keeps the exported rate as its base rate; the pool's own
    /// accounting of the underlying (`virtualUnderlyingBalance`) is preferred to the aToken's balance.
    @Test func fixedRatesAndVirtualBalances() throws {
        let fixed = Self.reserves
            .replacingOccurrences(
                of: #""optimalUsageRatio": "800000000000000000000000000""#, with: #""optimalUsageRatio": "0""#
            )
            .replacingOccurrences(
                of: #""variableRateSlope1": "40000000000000000000000000""#, with: #""variableRateSlope1": "0""#
            )
            .replacingOccurrences(
                of: #""variableRateSlope2": "750000000000000000000000000""#, with: #""variableRateSlope2": "0""#
            )
            .replacingOccurrences(
                of: #""supplyCap": "0""#,
                with: #""supplyCap": "0", "virtualUnderlyingBalance": "777", "virtualAccActive": true"#)
        let scenario = try Self.scenario(reserves: fixed)
        // 2.31 % and 4.52 % in ray are 231 and 452 basis points.
        #expect(scenario.assets.map(\.rateStrategy.baseVariableBorrowRateBps) == [231, 452])
        #expect(scenario.assets[0].rateStrategy.optimalUsageRatioBps == 100, "the nearest kink liqtop accepts")
        #expect(try scenario.makePool().reserves.map(\.availableLiquidity) == [777, 777])
    }

    @Test func addressesAndTimes() {
        #expect(UTCTime.text(1_698_710_400) == "2023-10-31 00:00 UTC")
        #expect(UTCTime.text(0) == "1970-01-01 00:00 UTC")
        #expect(UTCTime.text(951_827_696) == "2000-02-29 12:34 UTC")
        #expect(MarketReservesReader.uniqueSymbol("PT-sUSDE-27MAR2025-extra", among: []) == "PT-sUSDE-27MAR20")
        #expect(MarketReservesReader.uniqueSymbol("USDC", among: ["USDC"]) == "USDC-2")
    }
}

@Suite struct JSONReaderTests {
    @Test func valuesEscapesAndLines() throws {
        let item = try JSONReader.parse(
            #"{"a": [1, -2.5e3, "x\u00e9\ud83d\ude00\n"], "b": {"c": true, "d": null}, "a": 9}"#[...].utf8)
        guard case .array(let values)? = item["a"]?.value else {
            Issue.record("no array")
            return
        }
        guard case .number("1") = values[0].value, case .number("-2.5e3") = values[1].value,
            case .string("xé😀\n") = values[2].value
        else {
            Issue.record("values: \(values)")
            return
        }
        guard case .bool(true)? = item["b"]?["c"]?.value, case .null? = item["b"]?["d"]?.value else {
            Issue.record("nested")
            return
        }
        // A byte-order mark at the start is skipped.
        guard case .number("7") = try JSONReader.parse("\u{FEFF}7"[...].utf8).value else {
            Issue.record("BOM")
            return
        }
        let lines = try JSONReader.parse("{\n\"x\":\n  5}"[...].utf8, firstLine: 10)
        #expect(lines["x"]?.line == 12, "the value's line")
    }

    @Test(arguments: [
        ("{\"a\": 01}", 1, "may not start with 0"), ("[1, 2", 1, "not closed"), ("{\n\"a\" 1}", 2, "expected :"),
        ("\"\\q\"", 1, "not a JSON escape"), ("[1] 2", 1, "after the value"), ("\"\\ud800\"", 1, "surrogate"),
        (String(repeating: "[", count: 70), 1, "64 deep"), ("tru", 1, "expected true"),
        ("\"\\u+041\"", 1, "four hexadecimal digits"),
    ])
    func problemsNameTheirLine(text: String, line: Int, message: String) {
        do {
            _ = try JSONReader.parse(text[...].utf8)
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.line == line && error.message.contains(message), "\(error.message)")
        }
    }
}
