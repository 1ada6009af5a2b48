/// The chain's own state: slots, blocks, mempool, base fee and finality (docs/mechanics.md).
public struct Chain: Sendable, Equatable {
    public var slotMs: Int64
    public var epochSlots: Int
    /// Height of the canonical head.
    public var height = 0
    /// Slot 0 is genesis at time 0.
    public var lastSlotProcessed = 0
    public var recentBlocks: [Block] = []
    public var mempool: [Transaction] = []
    public var nextTransactionID = 0
    /// Base fee in wei (starts at 10 gwei).
    public var baseFeeWei: UInt64 = 10_000_000_000
    public var blocksProduced = 0
    public var missedSlots = 0
    /// Justification per epoch, and the head height at the end of each epoch.
    public var justifiedEpochs: [Bool] = []
    public var epochEndHeights: [Int] = []
    public var finalizedHeight = 0
    public var finalizedEpoch = -1
    /// Gossip of the newest block: when each node has it.
    public var pendingArrivals: [Int64?] = []
    public var pendingHeight = 0
    public var pendingStartMs: Int64 = 0

    public init(slotMs: Int64, epochSlots: Int) {
        self.slotMs = slotMs
        self.epochSlots = epochSlots
    }

    public var baseFeeGwei: UInt64 { baseFeeWei / 1_000_000_000 }

    /// Epochs since the last finalized one, beyond the normal two.
    public var finalityStalledEpochs: Int {
        let current = justifiedEpochs.count
        return max(0, current - (finalizedEpoch + 1) - 2)
    }

    /// `baseFeeHeadroom` sets `maxFeePerGas` to that many times today's base fee plus the priority fee
    /// (wallets commonly use 2: ethers.js `getFeeData`), so a transaction waits out a fee spike rather than
    /// paying any price.
    public mutating func submit(
        _ kind: TransactionKind, origin: Int, at now: Int64, priorityFeeGwei: UInt64, gas: UInt64,
        baseFeeHeadroom: UInt64 = 2
    ) -> Int {
        let id = nextTransactionID
        nextTransactionID += 1
        let cap = min(
            UInt128(baseFeeWei) * UInt128(baseFeeHeadroom) + UInt128(priorityFeeGwei) * 1_000_000_000,
            UInt128(UInt64.max))
        mempool.append(
            Transaction(
                id: id, kind: kind, origin: origin, submittedMs: now, priorityFeeGwei: priorityFeeGwei,
                maxFeeWei: UInt64(cap), gas: gas))
        return id
    }

    /// What the proposer earns per gas (EIP-1559): the priority fee, but no more than the fee cap leaves
    /// above the base fee.
    func effectiveTipWei(_ transaction: Transaction) -> UInt64 {
        let tip = min(UInt128(transaction.priorityFeeGwei) * 1_000_000_000, UInt128(UInt64.max))
        return min(UInt64(tip), transaction.maxFeeWei - min(transaction.maxFeeWei, baseFeeWei))
    }

    /// The transactions a proposer in `region` has received by `cutoffMs` and whose fee cap covers the base
    /// fee, best effective tip first, up to the gas limit; an equal tip goes to the transaction that reached
    /// the proposer first (then to the one sent first). A transaction travels from its origin's region along
    /// the fastest path.
    func selectTransactions(proposerRegion: Region, cutoffMs: Int64, paths: [[Double?]], origins: [Region]) -> [Int] {
        var arrivals = [Int64](repeating: .max, count: mempool.count)
        let candidates = mempool.indices.filter { index in
            let tx = mempool[index]
            guard tx.maxFeeWei >= baseFeeWei, let latency = paths[origins[index].rawValue][proposerRegion.rawValue]
            else { return false }
            arrivals[index] = tx.submittedMs + Int64(latency)
            return tx.submittedMs + Int64(latency) <= cutoffMs
        }.sorted {
            (effectiveTipWei(mempool[$0]), -arrivals[$0], -mempool[$0].id) > (
                effectiveTipWei(mempool[$1]), -arrivals[$1], -mempool[$1].id
            )
        }
        var gas: UInt64 = 0
        var chosen: [Int] = []
        for index in candidates where gas + mempool[index].gas <= FeeMarket.gasLimit {
            gas += mempool[index].gas
            chosen.append(index)
        }
        return chosen
    }
}
