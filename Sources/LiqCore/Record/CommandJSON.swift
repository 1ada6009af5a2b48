/// Commands as journal JSON and back: every case of `Command`, with assets, data centers and nodes by
/// index (the journal carries the scenario, so indexes are unambiguous) and amounts as exact decimal text.
enum CommandJSON {
    static func members(_ command: Command) -> String {
        func region(_ value: Region) -> String { JournalText.string(value.id) }
        var pairs: [(String, String)]
        switch command {
        case .shock(let asset, let percentBps, let over):
            pairs = [
                ("kind", "\"shock\""), ("asset", "\(asset)"), ("percent_bps", "\(percentBps)"), ("over_s", "\(over)"),
            ]
        case .setPrice(let asset, let price):
            pairs = [("kind", "\"price\""), ("asset", "\(asset)"), ("price", "\"\(price)\"")]
        case .regionOutage(let r): pairs = [("kind", "\"outage\""), ("region", region(r))]
        case .regionRecover(let r): pairs = [("kind", "\"recover\""), ("region", region(r))]
        case .powerLoss(let center): pairs = [("kind", "\"power_loss\""), ("datacenter", "\(center)")]
        case .powerRestore(let center): pairs = [("kind", "\"power_restore\""), ("datacenter", "\(center)")]
        case .setGenerator(let center, let delay):
            pairs = [
                ("kind", "\"generator\""), ("datacenter", "\(center)"), ("delay_ms", delay.map { "\($0)" } ?? "null"),
            ]
        case .crashNode(let node): pairs = [("kind", "\"crash\""), ("node", "\(node)")]
        case .restartNode(let node): pairs = [("kind", "\"restart\""), ("node", "\(node)")]
        case .degradeLink(let a, let b, let factor):
            pairs = [
                ("kind", "\"degrade_link\""), ("regions", "[\(region(a)), \(region(b))]"), ("factor", "\(factor)"),
            ]
        case .cutLink(let a, let b): pairs = [("kind", "\"cut_link\""), ("regions", "[\(region(a)), \(region(b))]")]
        case .restoreLink(let a, let b):
            pairs = [("kind", "\"restore_link\""), ("regions", "[\(region(a)), \(region(b))]")]
        case .latencySpike(let r, let ms):
            pairs = [("kind", "\"latency_spike\""), ("region", region(r)), ("ms", "\(ms)")]
        case .clearLatencySpike(let r): pairs = [("kind", "\"clear_latency\""), ("region", region(r))]
        case .freezeOracle(let asset): pairs = [("kind", "\"freeze_oracle\""), ("asset", "\(asset)")]
        case .unfreezeOracle(let asset): pairs = [("kind", "\"unfreeze_oracle\""), ("asset", "\(asset)")]
        case .setBots(let enabled): pairs = [("kind", "\"bots\""), ("enabled", enabled ? "true" : "false")]
        case .userLiquidation(let account, let request):
            pairs = [
                ("kind", "\"liquidate\""), ("account", "\(account)"), ("collateral", "\(request.collateralReserve)"),
                ("debt", "\(request.debtReserve)"), ("debt_to_cover", "\"\(request.debtToCover)\""),
            ]
        case .intrusion(let center, let asset, let offsetBps, let detect):
            pairs = [
                ("kind", "\"intrusion\""), ("datacenter", "\(center)"), ("asset", asset.map { "\($0)" } ?? "null"),
                ("offset_bps", "\(offsetBps)"), ("detect_after_s", detect.map { "\($0)" } ?? "null"),
            ]
        case .detectIntrusion(let center): pairs = [("kind", "\"detect_intrusion\""), ("datacenter", "\(center)")]
        case .propose(let proposal), .stewardUpdate(let proposal):
            let kind = if case .stewardUpdate = command { "\"steward\"" } else { "\"propose\"" }
            let changes = proposal.changes.sorted { $0.key < $1.key }.map {
                (JournalText.string($0.key.rawValue), "\"\($0.value)\"")
            }
            pairs = [
                ("kind", kind), ("asset", "\(proposal.asset)"),
                ("changes", "{" + changes.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + "}"),
            ]
        }
        return JournalText.members(pairs)
    }

    struct Problem: Error {
        var message: String
    }

    static func command(_ item: JSONItem) throws(Problem) -> Command {
        func field(_ key: String) throws(Problem) -> JSONItem {
            guard let value = item[key] else { throw Problem(message: "the command has no \"\(key)\"") }
            return value
        }
        func int(_ key: String) throws(Problem) -> Int {
            guard case .number(let text) = try field(key).value, let value = Int(text) else {
                throw Problem(message: "\"\(key)\" is not a whole number")
            }
            return value
        }
        func optionalInt(_ key: String) throws(Problem) -> Int? {
            if case .null = try field(key).value { return nil }
            return try int(key)
        }
        func amount(_ key: String) throws(Problem) -> UInt128 {
            guard case .string(let text) = try field(key).value, let value = UInt128(text) else {
                throw Problem(message: "\"\(key)\" is not an amount")
            }
            return value
        }
        func region(_ key: String) throws(Problem) -> Region {
            guard case .string(let text) = try field(key).value, let value = Region(id: text) else {
                throw Problem(message: "\"\(key)\" is not a region")
            }
            return value
        }
        func regions() throws(Problem) -> (Region, Region) {
            guard case .array(let items) = try field("regions").value, items.count == 2,
                case .string(let a) = items[0].value, case .string(let b) = items[1].value,
                let first = Region(id: a), let second = Region(id: b)
            else { throw Problem(message: "\"regions\" is not two regions") }
            return (first, second)
        }
        guard case .string(let kind) = try field("kind").value else { throw Problem(message: "\"kind\" is not text") }
        switch kind {
        case "shock":
            return .shock(asset: try int("asset"), percentBps: try int("percent_bps"), overSeconds: try int("over_s"))
        case "price": return .setPrice(asset: try int("asset"), price: try amount("price"))
        case "outage": return .regionOutage(try region("region"))
        case "recover": return .regionRecover(try region("region"))
        case "power_loss": return .powerLoss(dataCenter: try int("datacenter"))
        case "power_restore": return .powerRestore(dataCenter: try int("datacenter"))
        case "generator":
            return .setGenerator(
                dataCenter: try int("datacenter"), delayMs: try optionalInt("delay_ms").map(Int64.init))
        case "crash": return .crashNode(try int("node"))
        case "restart": return .restartNode(try int("node"))
        case "degrade_link":
            let (a, b) = try regions()
            guard case .number(let text) = try field("factor").value, let factor = Double(text), factor.isFinite else {
                throw Problem(message: "\"factor\" is not a number")
            }
            return .degradeLink(a, b, factor: factor)
        case "cut_link":
            let (a, b) = try regions()
            return .cutLink(a, b)
        case "restore_link":
            let (a, b) = try regions()
            return .restoreLink(a, b)
        case "latency_spike": return .latencySpike(try region("region"), ms: try int("ms"))
        case "clear_latency": return .clearLatencySpike(try region("region"))
        case "freeze_oracle": return .freezeOracle(asset: try int("asset"))
        case "unfreeze_oracle": return .unfreezeOracle(asset: try int("asset"))
        case "bots":
            guard case .bool(let enabled) = try field("enabled").value else {
                throw Problem(message: "\"enabled\" is not true or false")
            }
            return .setBots(enabled: enabled)
        case "liquidate":
            return .userLiquidation(
                account: try int("account"),
                request: LiquidationRequest(
                    collateralReserve: try int("collateral"), debtReserve: try int("debt"),
                    debtToCover: try amount("debt_to_cover")))
        case "intrusion":
            return .intrusion(
                dataCenter: try int("datacenter"), asset: try optionalInt("asset"), offsetBps: try int("offset_bps"),
                detectAfterSeconds: try optionalInt("detect_after_s"))
        case "detect_intrusion": return .detectIntrusion(dataCenter: try int("datacenter"))
        case "propose", "steward":
            guard case .object(let members) = try field("changes").value else {
                throw Problem(message: "\"changes\" is not an object")
            }
            var changes: [RiskParameter: UInt128] = [:]
            for member in members {
                guard let parameter = RiskParameter(rawValue: member.key), case .string(let text) = member.item.value,
                    let value = UInt128(text)
                else {
                    throw Problem(message: "\"changes\" holds \"\(member.key)\", which is not a parameter and amount")
                }
                changes[parameter] = value
            }
            let proposal = Proposal(asset: try int("asset"), changes: changes)
            return kind == "steward" ? .stewardUpdate(proposal) : .propose(proposal)
        default: throw Problem(message: "\"\(kind)\" is not a command")
        }
    }
}
