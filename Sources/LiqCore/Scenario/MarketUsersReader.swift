/// Reads a users file: JSON lines, one borrower per line, as `getUserReservesData(provider, user)` returns
/// them: `{"user": "0x…", "userEmodeCategoryId": 0, "userReserves": [{"underlyingAsset": "0x…",
/// "scaledATokenBalance": "…", "usageAsCollateralEnabledOnUser": true, "scaledVariableDebt": "…"}]}`.
/// Blank lines are skipped, and so are users who hold nothing. Every problem names the file, the line and
/// the field; nothing is kept from a file with a problem.
enum MarketUsersReader {
    static func read(
        _ text: String, file: String, reserves: [MarketReserve], eModes: [EModeSpec]
    ) throws(ConfigError) -> AccountBook {
        var byAddress: [String: Int] = [:]
        for (index, reserve) in reserves.enumerated() { byAddress[reserve.address] = index }
        let categories = Set(eModes.map(\.id))
        var book = AccountBook(reserveCount: reserves.count)
        var seen: Set<String> = []
        var lineNumber = 0
        for line in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            guard line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { continue }
            let item: JSONItem
            do {
                item = try JSONReader.parse(line, firstLine: lineNumber)
            } catch {
                throw ConfigError(file: file, line: error.line, key: "syntax", message: error.message)
            }
            let user = try MarketFields(item, file: file, path: "user")
            let address = try user.address("user")
            guard seen.insert(address).inserted else { throw user.error("user", "\(address) is listed twice") }
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
                    throw fields.error("underlyingAsset", "\(reserves[reserve].symbol) is listed twice for this user")
                }
                if let stable = try fields.unsignedIfPresent("principalStableDebt"), stable != 0 {
                    throw fields.error(
                        "principalStableDebt", "is \(stable): stable-rate debt is not modelled (Aave v3.2 removed it)")
                }
                // A quarter of UInt128 at most: the reserve adds every user's balance together.
                let supplied = try fields.unsigned("scaledATokenBalance", bits: 126)
                let used = try fields.bool("usageAsCollateralEnabledOnUser")
                let borrowed = try fields.unsigned("scaledVariableDebt", bits: 126)
                if supplied != 0 { collateral.append((reserve, supplied, used)) }
                if borrowed != 0 { debt.append((reserve, borrowed)) }
            }
            guard !collateral.isEmpty || !debt.isEmpty else { continue }
            book.append(id: address, eModeCategory: UInt8(category), collateral: collateral, debt: debt)
        }
        return book
    }
}
