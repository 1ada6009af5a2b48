/// Reads the fields of one exported object (a reserve, a user, a user's reserve): integers given as
/// decimal strings or JSON numbers, exact and range-checked; every problem names the file, the line, the
/// object's path and the field.
struct MarketFields {
    let item: JSONItem
    let file: String
    let path: String

    init(_ item: JSONItem, file: String, path: String) throws(ConfigError) {
        guard case .object = item.value else {
            throw ConfigError(
                file: file, line: item.line, key: path, message: "must be an object, not \(item.typeName)")
        }
        self.item = item
        self.file = file
        self.path = path
    }

    func error(_ key: String, _ message: String, line: Int? = nil) -> ConfigError {
        ConfigError(file: file, line: line ?? item[key]?.line ?? item.line, key: "\(path).\(key)", message: message)
    }

    func required(_ key: String) throws(ConfigError) -> JSONItem {
        guard let field = item[key] else { throw error(key, "is missing") }
        return field
    }

    /// An unsigned integer of at most `bits` bits, as a decimal string or a JSON number without fraction.
    func unsigned(_ key: String, bits: Int = 128) throws(ConfigError) -> UInt128 {
        try unsigned(key, in: try required(key), bits: bits)
    }

    func unsignedIfPresent(_ key: String, bits: Int = 128) throws(ConfigError) -> UInt128? {
        guard let field = item[key] else { return nil }
        return try unsigned(key, in: field, bits: bits)
    }

    private func unsigned(_ key: String, in field: JSONItem, bits: Int) throws(ConfigError) -> UInt128 {
        let text: String
        switch field.value {
        case .string(let string): text = string
        case .number(let number): text = number
        default: throw error(key, "must be an integer (a decimal string or a number), not \(field.typeName)")
        }
        guard !text.isEmpty, text.utf8.allSatisfy({ (48...57).contains($0) }) else {
            throw error(key, "\(quoted(text)) is not a whole number of at least 0")
        }
        guard let value = UInt128(text), bits >= 128 || value >> UInt128(bits) == 0 else {
            throw error(key, "\(text.prefix(48)) is too large (more than \(bits) bits; liqtop holds amounts in 128)")
        }
        return value
    }

    func bool(_ key: String) throws(ConfigError) -> Bool {
        let field = try required(key)
        guard case .bool(let value) = field.value else {
            throw error(key, "must be true or false, not \(field.typeName)")
        }
        return value
    }

    func boolIfPresent(_ key: String) throws(ConfigError) -> Bool? {
        guard item[key] != nil else { return nil }
        return try bool(key)
    }

    func string(_ key: String) throws(ConfigError) -> String {
        let field = try required(key)
        guard case .string(let value) = field.value else { throw error(key, "must be a string, not \(field.typeName)") }
        return value
    }

    /// An address: 0x and 40 hexadecimal digits, lowercased (one pass over the bytes: a million users
    /// carry several each).
    func address(_ key: String) throws(ConfigError) -> String {
        let text = try string(key)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(42)
        var valid = text.utf8.count == 42
        if valid {
            for (position, byte) in text.utf8.enumerated() {
                switch (position, byte) {
                case (0, 48), (1, 120), (1, 88): bytes.append(position == 1 ? 120 : 48)
                case (2..., 48...57), (2..., 97...102): bytes.append(byte)
                case (2..., 65...70): bytes.append(byte + 32)
                default: valid = false
                }
                if !valid { break }
            }
        }
        guard valid else {
            throw error(key, "\(quoted(String(text.prefix(60)))) is not an address (0x and 40 hex digits)")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    func array(_ key: String) throws(ConfigError) -> [JSONItem] {
        let field = try required(key)
        guard case .array(let items) = field.value else { throw error(key, "must be an array, not \(field.typeName)") }
        return items
    }
}
