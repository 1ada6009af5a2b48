/// The shock scan's answer without a pass over the accounts: an index, per shock group (an asset and the
/// assets that track it, moved together by one ratio ρ = new price / price now), of the ratio at which each
/// account's estimated health factor crosses each line that matters.
///
/// With W, D an account's weighted collateral and debt (USD, from the risk index), and G, B the group's
/// share of them, the estimate after the move is (W − G + ρ·G) / (D − B + ρ·B). An account that holds the
/// group only as collateral has a *rising line*, HF(ρ) = k + ρ·m (k = (W − G)/D, m = G/D); one that owes
/// the group and holds none of it has a *falling line*, 1/HF(ρ) = k + ρ·m (k = (D − B)/W, m = B/W). A line
/// crosses a health factor e at one ratio, R_e = (e − k)/m (or (1/e − k)/m), so "which accounts are below e
/// after the shock" is "whose R_e lies beyond ρ": a count read off a table of R_e by ratio cell, and for
/// the liquidatable set a run of accounts bucketed by their crossing of the candidate line.
///
/// Every other account is held aside: those that do not touch the group keep their estimate (counted
/// once, at build); those with less than $1 of debt (or that could fall under $1), that both hold and owe
/// the group, or that owe with no collateral, are evaluated at query time with the full scan's formula.
///
/// The lines do not depend on the group's own price, so the index outlives the group's oracle updates. It
/// patches accounts refreshed since it was built (their old entries are masked, their new state evaluated
/// with the full scan's formula), and is rebuilt (`isCurrent` false) when another asset's price moves, when
/// a reserve's index has moved by more than half the risk index's tolerance since the build, or when more
/// accounts were refreshed than the risk index's log holds. Multi-asset shocks other than a group moved by
/// one percentage go through the full scan (`ShockScan.full`).
public struct ShockIndex: Sendable {
    public let assets: [Int]
    /// The group's first asset's reference price, from which ρ is taken (the others track it).
    let referencePrice: Double
    let edges: [Double]
    let rising: LineFamily
    let falling: LineFamily
    /// The rising lines most likely to be the most urgent, ranked by exact terms (`UrgentShelf`).
    let shelf: UrgentShelf
    /// Accounts that do not touch the group: their histogram, and their candidates in account order.
    let fixedHistogram: [Int]
    let fixedCandidates: [RiskIndex.Candidate]
    /// Accounts evaluated at query time with the full scan's formula.
    let evaluated: [Int32]
    /// Per account, its role at build (`RoleTag`) in the high nibble and, for a fixed account, its band in
    /// the low one.
    let roles: [UInt8]
    /// What the lines were computed from: every asset's price, the reserves' factors, the refresh log.
    let builtPrices: [Double]
    let builtFactors: [Double]
    let builtRefreshes: Int
    /// The risk index it was built on (held, so that no later index can take its identity).
    let lineage: RiskIndex.Lineage

    enum RoleTag: UInt8 { case absent, fixed, rising, falling, evaluated }

    /// The lines of one direction: the histogram table and the candidate entries.
    struct LineFamily: Sendable {
        /// Set in an entry's account where the account is on the urgent shelf.
        static let shelvedBit: UInt32 = 1 << 31

        var count = 0
        /// Every line, in account order: its account and (k, m), Float as every crossing is computed from them.
        var lineAccounts: [UInt32] = []
        var lineK: [Float] = []
        var lineM: [Float] = []
        /// Per edge (flat, `Cell.count` cells an edge), by the query's ratio cell: how many lines are below
        /// the edge there.
        var below: [UInt32] = []
        /// Entries bucketed by the cell of their candidate crossing (`start[cell]` is a bucket's first entry).
        var start: [UInt32] = []
        /// The entry's account, with `shelvedBit`.
        var account: [UInt32] = []
        /// The candidate crossing (outward-rounded) and the certain crossing (inward-rounded).
        var candidateRatio: [Float] = []
        var certainRatio: [Float] = []
        /// The line (k, m), for the estimate that shortlists the most urgent.
        var k: [Float] = []
        var m: [Float] = []
    }

    /// Ratio cells: 4,096 per octave (relative width 1.2e-4 to 2.4e-4) from 2^-7 to 2^7, plus a clamp cell
    /// at each end. A line is below an edge at ρ when its crossing's cell is beyond ρ's cell, so the
    /// histogram resolves health factors to about 2.4e-4; the liquidatable set is decided exactly.
    enum Cell {
        static let low: Float = 0x1p-7
        static let high: Float = 0x1p7
        static let count = 14 << 12 + 2

        static func of(_ ratio: Float) -> Int {
            guard ratio > low else { return 0 }
            guard ratio < high else { return count - 1 }
            return Int((ratio.bitPattern - low.bitPattern) >> 11) + 1
        }
    }

    /// Where a line crosses the health factor `e`: rising lines from below as ρ grows, falling lines from
    /// above.
    static func crossing(rising: Bool, k: Double, m: Double, at e: Double) -> Float {
        Float(rising ? (e - k) / m : (1 / e - k) / m)
    }

    /// The crossing of 1 + `upperBand` (below it the account is a candidate), rounded outward, and of
    /// 1 − `certainBelow` (below it, liquidatable without asking the exact arithmetic), rounded inward, so
    /// that the Float never settles an account the Double estimate would not.
    static func verdictCrossings(
        rising: Bool, k: Double, m: Double, upperBand: Double
    ) -> (candidate: Float, certain: Float) {
        let candidate = crossing(rising: rising, k: k, m: m, at: 1 + upperBand)
        let certain = crossing(rising: rising, k: k, m: m, at: 1 - RiskIndex.certainBelow)
        return rising ? (candidate.nextUp, certain.nextDown) : (candidate.nextDown, certain.nextUp)
    }

    /// What an account is to the index.
    enum Role: Equatable {
        case fixed
        case rising(k: Double, m: Double)
        case falling(k: Double, m: Double)
        case evaluated
        /// No debt before or after: in no histogram and never liquidatable.
        case absent
    }

    /// One account's role for a group (the build and the tests' brute force both ask this). A line's k and
    /// m come rounded to Float, as the index keeps them: every crossing is computed from those values.
    static func role(of account: Int, in index: RiskIndex, group: [Int]) -> Role {
        var held = 0.0, owedToGroup = 0.0, touches = false
        for asset in group {
            let collateral = index.collateralColumns[asset], debt = index.debtColumns[asset]
            if !collateral.isEmpty, collateral[account] != 0 {
                touches = true
                held += Double(collateral[account]) * index.incomeFactors[asset] * index.prices[asset]
            }
            if !debt.isEmpty, debt[account] != 0 {
                touches = true
                owedToGroup += Double(debt[account]) * index.debtFactors[asset] * index.prices[asset]
            }
        }
        let w = index.weighted[account], d = index.owed[account]
        guard touches else { return d > 0 ? .fixed : .absent }
        if owedToGroup == 0 {
            guard d > 0 else { return .absent }
            let m = Self.rounded(held / d)
            return d >= 1 && m > 0 ? .rising(k: Self.rounded(max(0, w - held) / d), m: m) : .evaluated
        }
        // The debt after the shock is rest + ρ·owed, and the index answers only ρ above 2^-7 (`Cell`): a
        // falling line needs at least $1 there, with a margin so that rounding cannot take it under $1.
        let rest = max(0, d - owedToGroup)
        let m = Self.rounded(owedToGroup / w)
        if held == 0, w > 0, m > 0, rest + owedToGroup * Double(Cell.low) >= 1.01 {
            return .falling(k: Self.rounded(rest / w), m: m)
        }
        return .evaluated
    }

    private static func rounded(_ value: Double) -> Double { Double(Float(value)) }
}
