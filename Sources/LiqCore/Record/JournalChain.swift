import Crypto

/// The hash chain that makes a journal tamper-evident. Each line is a JSON object whose last member is
/// `"chain"`: SHA-256 of the previous line's chain (32 bytes; 32 zero bytes before the first line, or the
/// parent's chain at the branch point) followed by the exact bytes of this line without its chain member,
/// that is `{` + the other members + `}`. Changing, removing or reordering any line breaks every chain
/// after it.
public struct JournalChain: Sendable, Equatable {
    /// The last chain, raw.
    public private(set) var head: [UInt8]

    public init(head: [UInt8] = Array(repeating: 0, count: 32)) { self.head = head }

    /// From a chain as written (64 hex digits); nil when it is not one.
    public init?(hex: String) {
        guard let bytes = Self.bytes(hex: hex), bytes.count == 32 else { return nil }
        head = bytes
    }

    public var hex: String { hexadecimal(head) }

    /// The chain of a line whose members (without the chain) are `members`: `"a": 1, "b": "x"`.
    public static func link(_ previous: [UInt8], members: String) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: previous)
        hasher.update(data: Array(("{" + members + "}").utf8))
        return Array(hasher.finalize())
    }

    /// The line for `members`, sealed: `{members, "chain": "…"}`; the chain moves on.
    public mutating func seal(_ members: String) -> String {
        head = Self.link(head, members: members)
        return "{" + members + ", \"chain\": \"" + hex + "\"}"
    }

    /// A line split into its members and its chain as written; nil when it does not end in a chain member.
    public static func split(_ line: Substring) -> (members: Substring, chain: Substring)? {
        let marker = Array(", \"chain\": \"".utf8)
        let bytes = Array(line.utf8)
        guard bytes.count >= marker.count + 3, bytes.first == UInt8(ascii: "{"),
            bytes[bytes.count - 2] == UInt8(ascii: "\""), bytes.last == UInt8(ascii: "}")
        else { return nil }
        var start = bytes.count - 2 - marker.count
        while start > 0 {
            if bytes[start..<start + marker.count].elementsEqual(marker) { break }
            start -= 1
        }
        guard start > 0 else { return nil }
        let utf8 = line.utf8
        let membersEnd = utf8.index(utf8.startIndex, offsetBy: start)
        let chainStart = utf8.index(membersEnd, offsetBy: marker.count)
        let chainEnd = utf8.index(utf8.endIndex, offsetBy: -2)
        return (
            Substring(utf8[utf8.index(after: utf8.startIndex)..<membersEnd]), Substring(utf8[chainStart..<chainEnd])
        )
    }

    static func bytes(hex: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        var high: UInt8?
        for character in hex.utf8 {
            let value: UInt8
            switch character {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = character - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = character - UInt8(ascii: "a") + 10
            default: return nil
            }
            if let first = high {
                bytes.append(first << 4 | value)
                high = nil
            } else {
                high = value
            }
        }
        return high == nil ? bytes : nil
    }
}

/// JSON text for the journal's values, written by hand (LiqCore has no Foundation).
enum JournalText {
    static func string(_ text: String) -> String { jsonString(text) }

    /// `"key": value` members joined.
    static func members(_ pairs: [(String, String)]) -> String {
        pairs.map { string($0.0) + ": " + $0.1 }.joined(separator: ", ")
    }
}

/// A JSON string for `text`, escaped as RFC 8259 requires (quote, backslash, control characters), so that
/// any text survives the round trip; the CLI's JSON output and the journals both write strings with it.
public func jsonString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case _ where scalar.value < 0x20:
            let hex = String(scalar.value, radix: 16)
            out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}
