import Foundation
import Testing

@testable import LiqCore

/// The sample that ships (examples/aave-v3-ethereum) loads, and its reserves carry the same published
/// parameters as the built-in default market (both come from Aave v3 Ethereum's configuration of
/// 2023-10-31), converted from the provider's units (ray rates, reference-currency prices).
@Suite struct SampleMarketTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples/aave-v3-ethereum")

    @Test func theSampleLoadsWithTheDefaultMarketsParameters() throws {
        let folder = Self.folder
        let text = try String(contentsOf: folder.appendingPathComponent("market.toml"), encoding: .utf8)
        let scenario = try ScenarioLoader.load(text: text, file: "market.toml") { path throws(ConfigError) in
            guard let text = try? String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8) else {
                throw ConfigError(file: path, line: nil, key: "(whole file)", message: "cannot read")
            }
            return (text, path)
        }
        let market = try #require(scenario.market)
        #expect(market.accounts.count == 5_000 && market.timestamp == 1_698_710_400)
        let reference = try #require(try BuiltInScenarios.load("default"))
        #expect(scenario.assets.map(\.symbol) == reference.assets.map(\.symbol))
        for (asset, expected) in zip(scenario.assets, reference.assets) {
            #expect(asset.decimals == expected.decimals && asset.priceUSD == expected.priceUSD, "\(asset.symbol)")
            #expect(
                asset.ltvBps == expected.ltvBps && asset.liquidationThresholdBps == expected.liquidationThresholdBps)
            #expect(asset.liquidationBonusBps == expected.liquidationBonusBps, "\(asset.symbol)")
            #expect(asset.liquidationProtocolFeeBps == expected.liquidationProtocolFeeBps, "\(asset.symbol)")
            #expect(asset.reserveFactorBps == expected.reserveFactorBps && asset.rateStrategy == expected.rateStrategy)
        }
        #expect(scenario.eModes.map(\.assets) == reference.eModes.map(\.assets))
        #expect(scenario.eModes.first?.liquidationThresholdBps == 9_300)
        // Market behaviour from the scenario's own [[assets]] entries; stablecoins recognised by symbol.
        #expect(scenario.simulation.assets[0].dexLiquidityUSD == 200_000_000)
        #expect(scenario.simulation.assets.map(\.isStable) == [false, false, false, true, true, true])
        let pool = try scenario.makePool()
        let healthy = try pool.accounts.indices.filter {
            !(try pool.accountData(pool.accounts[$0]).healthFactor.isLiquidatable)
        }
        #expect(healthy.count == pool.accounts.count, "generated at HF 1.02 or more")
    }
}
