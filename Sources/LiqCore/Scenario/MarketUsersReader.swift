import Dispatch

/// Reads a users file: JSON lines, one borrower per line, as `getUserReservesData(provider, user)` returns
/// them: `{"user": "0x…", "userEmodeCategoryId": 0, "userReserves": [{"underlyingAsset": "0x…",
/// "scaledATokenBalance": "…", "usageAsCollateralEnabledOnUser": true, "scaledVariableDebt": "…"}]}`.
/// Blank lines are skipped, and so are users who hold nothing. Every problem names the file, the line and
/// the field; nothing is kept from a file with a problem. The two halves of the file are parsed on two
/// cores, and joined in file order: the first line that does not parse (or lacks a field) is the one
/// reported; a user listed twice is found once both halves have parsed.
enum MarketUsersReader {
    struct User {
        var address: String
        var line: Int
        var category: UInt8
        var collateral: [(reserve: Int, amount: UInt128, used: Bool)]
        var debt: [(reserve: Int, amount: UInt128)]
    }

    static func read(
        _ text: String, file: String, reserves: [MarketReserve], eModes: [EModeSpec]
    ) throws(ConfigError) -> AccountBook {
        var byAddress: [String: Int] = [:]
        for (index, reserve) in reserves.enumerated() { byAddress[reserve.address] = index }
        let categories = Set(eModes.map(\.id))
        let reader = Parser(file: file, reserves: reserves, byAddress: byAddress, categories: categories)
        var text = text
        let parts = text.withUTF8 { bytes in reader.parse(Bytes(buffer: bytes)) }
        let users = try parts.map { (part) throws(ConfigError) -> [User] in try part.get() }
        let total = users.reduce(0) { $0 + $1.count }
        var book = AccountBook(reserveCount: reserves.count)
        book.reserveCapacity(
            accounts: total,
            positions: users.reduce(0) { $0 + $1.reduce(0) { $0 + $1.collateral.count + $1.debt.count } })
        var seen: Set<String> = []
        seen.reserveCapacity(total)
        for part in users {
            for user in part {
                guard seen.insert(user.address).inserted else {
                    throw ConfigError(
                        file: file, line: user.line, key: "user.user", message: "\(user.address) is listed twice")
                }
                book.append(
                    id: user.address, eModeCategory: user.category, collateral: user.collateral, debt: user.debt)
            }
        }
        return book
    }

    struct Bytes: @unchecked Sendable {
        let buffer: UnsafeBufferPointer<UInt8>
    }

    struct Parser: Sendable {
        let file: String
        let reserves: [MarketReserve]
        let byAddress: [String: Int]
        let categories: Set<UInt8>

        /// The file's two halves (split after a newline), each parsed on its own core.
        func parse(_ bytes: Bytes) -> [Result<[User], ConfigError>] {
            let buffer = bytes.buffer
            var middle = buffer.count / 2
            while middle < buffer.count, buffer[middle] != 0x0A { middle += 1 }
            middle = min(buffer.count, middle + 1)
            let secondLine = 1 + buffer[0..<middle].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            let ranges = [(0..<middle, 1), (middle..<buffer.count, secondLine)]
            final class Part: @unchecked Sendable { var result: Result<[User], ConfigError> = .success([]) }
            let parts = ranges.map { _ in Part() }
            DispatchQueue.concurrentPerform(iterations: ranges.count) { index in
                parts[index].result = Result { () throws(ConfigError) -> [User] in
                    try users(in: bytes, ranges[index].0, firstLine: ranges[index].1)
                }
            }
            return parts.map(\.result)
        }

        func users(in bytes: Bytes, _ range: Range<Int>, firstLine: Int) throws(ConfigError) -> [User] {
            var users: [User] = []
            let problem = try JSONReader.forEachLine(in: bytes.buffer, range, firstLine: firstLine) {
                (item) throws(ConfigError) in
                if let user = try user(item) { users.append(user) }
            }
            if let problem {
                throw ConfigError(file: file, line: problem.line, key: "syntax", message: problem.message)
            }
            return users
        }

        func user(_ item: JSONItem) throws(ConfigError) -> User? {
            let user = try MarketFields(item, file: file, path: "user")
            let address = try user.address("user")
            let borrower = try MarketFields(item, file: file, path: address)
            let category = try borrower.unsignedIfPresent("userEmodeCategoryId", bits: 8) ?? 0
            guard category == 0 || categories.contains(UInt8(category)) else {
                throw borrower.error("userEmodeCategoryId", "eMode category \(category) is not in the reserves file")
            }
            var collateral: [(reserve: Int, amount: UInt128, used: Bool)] = []
            var debt: [(reserve: Int, amount: UInt128)] = []
            for (position, entry) in try borrower.array("userReserves").enumerated() {
                let fields = try MarketFields(entry, file: file, path: "\(address).userReserves[\(position)]")
                let asset = try fields.address("underlyingAsset")
                guard let reserve = byAddress[asset] else {
                    throw fields.error("underlyingAsset", "\(asset) is not a reserve of the reserves file")
                }
                guard !collateral.contains(where: { $0.reserve == reserve }),
                    !debt.contains(where: { $0.reserve == reserve })
                else {
                    throw fields.error(
                        "underlyingAsset", "\(reserves[reserve].asset.symbol) is listed twice for this user")
                }
                if let stable = try fields.unsignedIfPresent("principalStableDebt"), stable != 0 {
                    throw fields.error(
                        "principalStableDebt", "is \(stable): stable-rate debt is not modelled (Aave v3.2 removed it)")
                }
                // A quarter of UInt128 at most, so that sums over a few users cannot overflow unnoticed.
                let supplied = try fields.unsigned("scaledATokenBalance", bits: 126)
                let used = try fields.bool("usageAsCollateralEnabledOnUser")
                let borrowed = try fields.unsigned("scaledVariableDebt", bits: 126)
                if supplied != 0 { collateral.append((reserve, supplied, used)) }
                if borrowed != 0 { debt.append((reserve, borrowed)) }
            }
            guard !collateral.isEmpty || !debt.isEmpty else { return nil }
            return User(
                address: address, line: item.line, category: UInt8(category), collateral: collateral, debt: debt)
        }
    }
}
