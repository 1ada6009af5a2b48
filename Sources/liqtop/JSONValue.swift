import LiqCore

/// A JSON value with ordered object keys, printed in the exact layout of docs/interfaces.md
/// (two-space indent, `"key": value`). Foundation's JSONEncoder neither keeps a chosen key order
/// nor prints this layout, so this small printer is ours.
indirect enum JSONValue: Equatable {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    case number(String)
    case bool(Bool)
    case null

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.rendered() == rhs.rendered() }

    func rendered(indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent + 1)
        let close = String(repeating: "  ", count: indent)
        switch self {
        case .object(let members):
            guard !members.isEmpty else { return "{}" }
            let body = members.map { "\(pad)\(Self.quote($0.0)): \($0.1.rendered(indent: indent + 1))" }
            return "{\n" + body.joined(separator: ",\n") + "\n\(close)}"
        case .array(let items):
            guard !items.isEmpty else { return "[]" }
            return "[\n" + items.map { pad + $0.rendered(indent: indent + 1) }.joined(separator: ",\n") + "\n\(close)]"
        case .string(let text): return Self.quote(text)
        case .number(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        }
    }

    /// One line, for JSON Lines output.
    func compact() -> String {
        switch self {
        case .object(let members):
            "{" + members.map { "\(Self.quote($0.0)): \($0.1.compact())" }.joined(separator: ", ") + "}"
        case .array(let items): "[" + items.map { $0.compact() }.joined(separator: ", ") + "]"
        default: rendered()
        }
    }

    static func quote(_ text: String) -> String { jsonString(text) }
}
