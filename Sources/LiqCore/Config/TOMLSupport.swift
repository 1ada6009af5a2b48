extension ConfigValue {
    /// How a table value came to be; nil for anything else (read without keeping a reference).
    var tableOrigin: ConfigTable.Origin? {
        if case .table(let table) = self { return table.origin }
        return nil
    }

    var tableArrayCount: Int {
        if case .tableArray(let items) = self { return items.count }
        return 0
    }
}

/// A key as written: `a`, or `a.b.c` (most keys are not dotted, and need no array).
struct DottedKey {
    private(set) var first = ""
    private(set) var rest: [String] = []
    private var isEmpty = true

    mutating func append(_ part: String) {
        if isEmpty {
            first = part
            isEmpty = false
        } else {
            rest.append(part)
        }
    }

    var parts: [String] { [first] + rest }
    var name: String { parts.joined(separator: ".") }
}

/// In-place changes to the tree: a value is moved out of its slot before it changes, so that it is the
/// only reference to its arrays and grows without being copied (a market file holds a million tables).
extension ConfigTable {
    static func modify<R>(
        _ slot: inout ConfigValue, _ body: (inout ConfigTable) throws(TOMLParser.Failure) -> R
    )
        throws(TOMLParser.Failure) -> R?
    {
        var taken = ConfigValue.bool(false)
        swap(&taken, &slot)
        guard case .table(var table) = taken else {
            slot = taken
            return nil
        }
        taken = .bool(false)
        defer { slot = .table(table) }
        return try body(&table)
    }

    @discardableResult
    mutating func modifyTable<R>(
        at index: Int, _ body: (inout ConfigTable) throws(TOMLParser.Failure) -> R
    )
        throws(TOMLParser.Failure) -> R?
    {
        try Self.modify(&entries[index].node.value, body)
    }

    @discardableResult
    mutating func modifyTableArray<R>(
        at index: Int, _ body: (inout [ConfigNode]) throws(TOMLParser.Failure) -> R
    )
        throws(TOMLParser.Failure) -> R?
    {
        var taken = ConfigValue.bool(false)
        swap(&taken, &entries[index].node.value)
        guard case .tableArray(var items) = taken else {
            entries[index].node.value = taken
            return nil
        }
        taken = .bool(false)
        defer { entries[index].node.value = .tableArray(items) }
        return try body(&items)
    }
}

/// The bytes TOML's grammar names.
enum ASCII {
    static let tab: UInt8 = 0x09
    static let newline: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22
    static let hash: UInt8 = 0x23
    static let apostrophe: UInt8 = 0x27
    static let plus: UInt8 = 0x2B
    static let comma: UInt8 = 0x2C
    static let minus: UInt8 = 0x2D
    static let dot: UInt8 = 0x2E
    static let colon: UInt8 = 0x3A
    static let equals: UInt8 = 0x3D
    static let openBracket: UInt8 = 0x5B
    static let backslash: UInt8 = 0x5C
    static let closeBracket: UInt8 = 0x5D
    static let underscore: UInt8 = 0x5F
    static let openBrace: UInt8 = 0x7B
    static let closeBrace: UInt8 = 0x7D
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
