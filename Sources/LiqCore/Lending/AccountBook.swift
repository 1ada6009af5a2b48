/// The pool's accounts, stored as columns (struct-of-arrays) so that a million of them fit in about
/// 90 bytes each: an id, an eMode byte, and only the positions an account holds — each a scaled balance
/// (`UInt128`, exact) with a two-byte tag (reserve, collateral or debt, used as collateral). A dense
/// `Account` (one slot per reserve) costs ~530 bytes with its three arrays; most accounts hold 2–5
/// positions out of many reserves.
///
/// Reading `book[i]` builds the dense `Account` that the protocol's logic works on; assigning it back
/// stores its non-zero positions. An account's positions sit in one block of the position arrays; a
/// block that must grow moves to the end, and the arrays are compacted when holes reach a quarter.
public struct AccountBook: Sendable, Equatable, RandomAccessCollection, MutableCollection {
    public let reserveCount: Int
    private var ids: [String] = []
    private var eModes: [UInt8] = []
    private var starts: [UInt32] = []
    private var counts: [UInt8] = []
    private var capacities: [UInt8] = []
    private var amounts: [UInt128] = []
    private var tags: [UInt16] = []
    /// While a journal is open, the accounts as they were before each change (see `beginJournal`).
    private var journal: [(index: Int, account: Account)]?
    /// Positions in use (the rest of the position arrays are slack in blocks, or abandoned blocks).
    private var used = 0

    static let debtBit: UInt16 = 1 << 8
    static let collateralFlagBit: UInt16 = 1 << 9

    public init(reserveCount: Int, accounts: [Account] = []) {
        precondition(reserveCount <= 127, "at most 127 reserves (two positions each in a byte)")
        self.reserveCount = reserveCount
        for account in accounts { append(account) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { ids.count }
    public func index(after i: Int) -> Int { i + 1 }
    public func index(before i: Int) -> Int { i - 1 }

    public subscript(index: Int) -> Account {
        get {
            var account = Account(id: ids[index], reserveCount: reserveCount, eModeCategory: eModes[index])
            forEachPosition(of: index) { reserve, amount, isDebt, used in
                if isDebt {
                    account.scaledDebt[reserve] = amount
                } else {
                    account.scaledCollateral[reserve] = amount
                    account.usingAsCollateral[reserve] = used
                }
            }
            return account
        }
        set {
            precondition(newValue.scaledCollateral.count == reserveCount, "an account has one slot per reserve")
            if journal != nil { journal!.append((index, self[index])) }
            if ids[index] != newValue.id { ids[index] = newValue.id }
            if eModes[index] != newValue.eModeCategory { eModes[index] = newValue.eModeCategory }
            let positions = Self.positions(of: newValue)
            if positions.count > Int(capacities[index]) {
                starts[index] = UInt32(amounts.count)
                capacities[index] = UInt8(positions.count)
                amounts.append(contentsOf: repeatElement(0, count: positions.count))
                tags.append(contentsOf: repeatElement(0, count: positions.count))
            }
            write(positions, at: index)
            let holes = amounts.count - used
            if holes > 1_024, holes * 4 > amounts.count { compact() }
        }
    }

    /// The account's id without building the whole account.
    public func id(at index: Int) -> String { ids[index] }

    /// The account's eMode category without building the whole account.
    public func eModeCategory(at index: Int) -> UInt8 { eModes[index] }

    /// The first account with this id (a linear scan over the ids only).
    public func firstIndex(id: String) -> Int? { ids.firstIndex(of: id) }

    /// The number of positions held (for tests and capacity planning).
    public var positionCount: Int { used }

    public mutating func reserveCapacity(accounts: Int, positions: Int) {
        ids.reserveCapacity(accounts)
        eModes.reserveCapacity(accounts)
        starts.reserveCapacity(accounts)
        counts.reserveCapacity(accounts)
        capacities.reserveCapacity(accounts)
        amounts.reserveCapacity(positions)
        tags.reserveCapacity(positions)
    }

    public mutating func append(_ account: Account) {
        precondition(journal == nil, "no new accounts while a journal is open")
        precondition(account.scaledCollateral.count == reserveCount, "an account has one slot per reserve")
        appendBlock(id: account.id, eModeCategory: account.eModeCategory, positions: Self.positions(of: account))
    }

    /// Appends an account as a market export gives it: scaled balances per reserve, each collateral with
    /// its "used as collateral" flag. The caller has checked that each reserve appears once per side.
    public mutating func append(
        id: String, eModeCategory: UInt8, collateral: [(reserve: Int, amount: UInt128, used: Bool)],
        debt: [(reserve: Int, amount: UInt128)]
    ) {
        precondition(journal == nil, "no new accounts while a journal is open")
        let positions =
            collateral.filter { $0.amount != 0 }.map {
                ($0.amount, UInt16($0.reserve) | ($0.used ? Self.collateralFlagBit : 0))
            } + debt.filter { $0.amount != 0 }.map { ($0.amount, UInt16($0.reserve) | Self.debtBit) }
        appendBlock(id: id, eModeCategory: eModeCategory, positions: positions)
    }

    /// Appends an account given as positions, without building a dense `Account` (for generated worlds).
    /// `collateral` and `debt` pair a reserve with a scaled balance; collateral is used as collateral.
    public mutating func append(
        id: String, eModeCategory: UInt8 = 0, collateral: [(reserve: Int, amount: UInt128)],
        debt: [(reserve: Int, amount: UInt128)]
    ) {
        precondition(journal == nil, "no new accounts while a journal is open")
        for side in [collateral.map(\.reserve), debt.map(\.reserve)] {
            precondition(side.allSatisfy { (0..<reserveCount).contains($0) }, "a reserve of the pool")
            precondition(Set(side).count == side.count, "one position per reserve and side")
        }
        let positions =
            collateral.filter { $0.amount != 0 }.map { ($0.amount, UInt16($0.reserve) | Self.collateralFlagBit) }
            + debt.filter { $0.amount != 0 }.map { ($0.amount, UInt16($0.reserve) | Self.debtBit) }
        appendBlock(id: id, eModeCategory: eModeCategory, positions: positions)
    }

    /// A new account whose block holds exactly its positions.
    private mutating func appendBlock(id: String, eModeCategory: UInt8, positions: [Position]) {
        ids.append(id)
        eModes.append(eModeCategory)
        starts.append(UInt32(amounts.count))
        counts.append(UInt8(positions.count))
        capacities.append(UInt8(positions.count))
        for position in positions {
            amounts.append(position.amount)
            tags.append(position.tag)
        }
        used += positions.count
    }

    /// Calls `body` with each held position of an account: reserve, scaled balance, whether it is debt,
    /// and whether collateral is used as collateral.
    public func forEachPosition(
        of index: Int, _ body: (_ reserve: Int, _ amount: UInt128, _ isDebt: Bool, _ usedAsCollateral: Bool) -> Void
    ) {
        let start = Int(starts[index])
        for slot in start..<(start + Int(counts[index])) {
            let tag = tags[slot]
            body(Int(tag & 0xFF), amounts[slot], tag & Self.debtBit != 0, tag & Self.collateralFlagBit != 0)
        }
    }

    /// The columns an account's positions are read from, as buffers: for loops over many accounts that must
    /// not pay for reference counting on every read (`ExactHealth.Reader`). Valid only inside `withColumns`.
    struct Columns {
        let starts: UnsafeBufferPointer<UInt32>
        let counts: UnsafeBufferPointer<UInt8>
        let eModes: UnsafeBufferPointer<UInt8>
        let amounts: UnsafeBufferPointer<UInt128>
        let tags: UnsafeBufferPointer<UInt16>

        /// Reads the accounts' positions once, with no load waiting on another, so that their cache misses
        /// overlap; a pass that then computes on them finds them in cache. The sum is only there to keep the
        /// loads (the caller keeps it where the optimizer cannot drop it).
        func touch(_ accounts: ArraySlice<Int>) -> UInt64 {
            var sum: UInt64 = 0
            for index in accounts { sum &+= UInt64(starts[index]) &+ UInt64(counts[index]) &+ UInt64(eModes[index]) }
            for index in accounts where counts[index] != 0 {
                let start = Int(starts[index]), last = start + Int(counts[index]) - 1
                sum &+= UInt64(tags[start]) &+ UInt64(truncatingIfNeeded: amounts[start])
                sum &+= UInt64(truncatingIfNeeded: amounts[last])
            }
            return sum
        }
    }

    func withColumns<Result>(_ body: (Columns) throws -> Result) rethrows -> Result {
        try starts.withUnsafeBufferPointer { starts in
            try counts.withUnsafeBufferPointer { counts in
                try eModes.withUnsafeBufferPointer { eModes in
                    try amounts.withUnsafeBufferPointer { amounts in
                        try tags.withUnsafeBufferPointer { tags in
                            try body(
                                Columns(starts: starts, counts: counts, eModes: eModes, amounts: amounts, tags: tags))
                        }
                    }
                }
            }
        }
    }

    /// Starts recording changes so that `rollBack` can undo them: a transaction that may revert (a flash
    /// loan) changes the book in place and undoes a few accounts, instead of copying a million of them.
    /// One journal at a time: flash loans do not nest here. A receiver changes accounts through the book;
    /// replacing the whole book would drop the journal.
    public mutating func beginJournal() {
        precondition(journal == nil, "one journal at a time (flash loans do not nest)")
        journal = []
    }

    /// Keeps the changes since `beginJournal`.
    public mutating func commitJournal() { journal = nil }

    /// Undoes the changes since `beginJournal`, newest first.
    public mutating func rollBack() {
        guard let entries = journal else { return }
        journal = nil
        for entry in entries.reversed() { self[entry.index] = entry.account }
    }

    /// Two books are equal when they hold the same accounts, whatever their layout.
    public static func == (a: AccountBook, b: AccountBook) -> Bool {
        a.reserveCount == b.reserveCount && a.count == b.count && a.indices.allSatisfy { a[$0] == b[$0] }
    }

    private typealias Position = (amount: UInt128, tag: UInt16)

    /// A collateral slot is kept while it has a balance or the collateral flag; a debt slot while it has a balance.
    private static func positions(of account: Account) -> [Position] {
        var positions: [Position] = []
        for reserve in 0..<account.scaledCollateral.count {
            let flag = account.usingAsCollateral[reserve]
            if account.scaledCollateral[reserve] != 0 || flag {
                positions.append((account.scaledCollateral[reserve], UInt16(reserve) | (flag ? collateralFlagBit : 0)))
            }
            if account.scaledDebt[reserve] != 0 {
                positions.append((account.scaledDebt[reserve], UInt16(reserve) | debtBit))
            }
        }
        return positions
    }

    private mutating func write(_ positions: [Position], at index: Int) {
        let start = Int(starts[index])
        for (offset, position) in positions.enumerated() {
            amounts[start + offset] = position.amount
            tags[start + offset] = position.tag
        }
        used += positions.count - Int(counts[index])
        counts[index] = UInt8(positions.count)
    }

    /// Rewrites the position arrays without holes (each block shrinks to its count).
    private mutating func compact() {
        var newAmounts: [UInt128] = [], newTags: [UInt16] = []
        newAmounts.reserveCapacity(used)
        newTags.reserveCapacity(used)
        for index in ids.indices {
            let start = Int(starts[index]), count = Int(counts[index])
            starts[index] = UInt32(newAmounts.count)
            capacities[index] = UInt8(count)
            newAmounts.append(contentsOf: amounts[start..<(start + count)])
            newTags.append(contentsOf: tags[start..<(start + count)])
        }
        amounts = newAmounts
        tags = newTags
    }
}
