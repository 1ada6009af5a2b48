/// Every key a scenario file may hold, declared once by section. A new key is one line in its section:
/// the loader reads it through the declaration, and the documentation's tables (docs/interfaces.md,
/// `liqtop scenarios --keys`) are written from it.
package enum ScenarioKeys {
    package static let topLevel = TopLevel()
    package static let marketData = MarketData()
    package static let assets = Assets()
    package static let eModes = EModes()
    package static let positions = Positions()
    package static let oracleSentinel = OracleSentinel()
    package static let l2 = L2()
    package static let governance = Governance()
    package static let flashLoans = FlashLoans()
    package static let clock = Clock()
    package static let network = Network()
    package static let market = Market()
    package static let borrowers = Borrowers()
    package static let bots = Bots()
    package static let pricePaths = PricePaths()
    package static let events = Events()
    package static let faults = Faults()

    /// The sections in the order the documentation lists them.
    package static let sections: [any ScenarioKeySection] = [
        topLevel, marketData, assets, eModes, positions, oracleSentinel, l2, governance, flashLoans,
        clock, network, market, pricePaths, borrowers, bots, events, faults,
    ]

    /// The documentation's tables of keys, in Markdown: one table per section.
    package static func markdown() -> String {
        var lines: [String] = []
        for section in sections {
            if !lines.isEmpty { lines.append("") }
            lines.append("#### \(section.table.isEmpty ? section.heading : "`\(section.heading)`"): \(section.summary)")
            lines.append("")
            lines.append("| key | meaning | values | default |")
            lines.append("|---|---|---|---|")
            for key in section.keys {
                lines.append("| `\(key.name)` | \(key.summary) | \(key.valuesText) | \(key.defaultText) |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
