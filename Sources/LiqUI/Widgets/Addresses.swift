/// Ethereum addresses (0x and 40 hexadecimal digits) as the panels show them: `0x1a2b…9f0e`, the first
/// four and last four digits, as block explorers and wallets shorten them. The walkthrough shows them whole.
enum Addresses {
    static func shortened(_ text: String) -> String {
        guard text.utf8.count >= 42, text.contains("0x") else { return text }
        let bytes = Array(text.utf8)
        func isHex(_ byte: UInt8) -> Bool {
            (48...57).contains(byte) || (65...70).contains(byte) || (97...102).contains(byte)
        }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var offset = 0
        while offset < bytes.count {
            let starts =
                bytes[offset] == UInt8(ascii: "0") && offset + 42 <= bytes.count
                && bytes[offset + 1] == UInt8(ascii: "x")
                && (offset == 0 || !isHex(bytes[offset - 1]))
                && bytes[(offset + 2)..<(offset + 42)].allSatisfy(isHex)
                && (offset + 42 == bytes.count || !isHex(bytes[offset + 42]))
            if starts {
                result += bytes[offset..<(offset + 6)]
                result += Array("…".utf8)
                result += bytes[(offset + 38)..<(offset + 42)]
                offset += 42
            } else {
                result.append(bytes[offset])
                offset += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
