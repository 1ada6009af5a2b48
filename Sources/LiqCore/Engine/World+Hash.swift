import Crypto

extension World {
    /// SHA-256 over a canonical encoding of the world's state: clock, chain, prices, reserves, accounts,
    /// wallets, pools, feeds and nodes, in array order. Same scenario, seed and commands, same hash.
    public var stateHash: String {
        // Streamed through the hasher in 64 KB pieces: a million accounts encode to ~200 MB.
        var hasher = SHA256()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64 * 1024 + 64)
        func flushIfFull() {
            if bytes.count >= 64 * 1024 {
                hasher.update(data: bytes)
                bytes.removeAll(keepingCapacity: true)
            }
        }
        func put(_ value: UInt64) {
            withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
            flushIfFull()
        }
        func put(_ value: Int64) { put(UInt64(bitPattern: value)) }
        func put(_ value: Int) { put(Int64(value)) }
        func put(_ value: UInt128) {
            put(value.lowWord)
            put(value.highWord)
        }
        func put(_ flag: Bool) {
            bytes.append(flag ? 1 : 0)
            flushIfFull()
        }
        put(nowMs)
        put(chain.height)
        put(chain.finalizedHeight)
        put(chain.blocksProduced)
        put(chain.missedSlots)
        put(chain.baseFeeWei)
        put(chain.mempool.count)
        put(eventCount)
        truePrices.forEach { put($0) }
        pool.prices.forEach { put($0) }
        for reserve in pool.reserves {
            for value in [
                reserve.liquidityIndex, reserve.variableBorrowIndex, reserve.currentLiquidityRate,
                reserve.currentVariableBorrowRate, reserve.totalScaledSupply, reserve.totalScaledVariableDebt,
                reserve.accruedToTreasury, reserve.treasuryScaledBalance, reserve.availableLiquidity, reserve.deficit,
            ] {
                put(value)
            }
            put(reserve.lastUpdateTimestamp)
        }
        // Each account as one slot per reserve (collateral, debt, then flags), read from its positions: rows
        // written straight into a buffer a chunk of accounts at a time (the same bytes as `put` would write,
        // without a call per value), since the accounts are nearly all of the bytes.
        hasher.update(data: bytes)
        bytes.removeAll(keepingCapacity: true)
        let reserveCount = pool.reserves.count
        let row = reserveCount * 33
        let perChunk = max(1, 65_536 / max(row, 1))
        var chunk = [UInt8](repeating: 0, count: perChunk * row)
        var first = 0
        while first < pool.accounts.count {
            let rows = min(perChunk, pool.accounts.count - first)
            chunk.withUnsafeMutableBytes { raw in
                raw.baseAddress!.initializeMemory(as: UInt8.self, repeating: 0, count: rows * row)
                for index in 0..<rows {
                    let base = index * row
                    pool.accounts.forEachPosition(of: first + index) { reserve, amount, isDebt, used in
                        let offset = base + (isDebt ? reserveCount * 16 : 0) + reserve * 16
                        raw.storeBytes(of: amount.lowWord.littleEndian, toByteOffset: offset, as: UInt64.self)
                        raw.storeBytes(of: amount.highWord.littleEndian, toByteOffset: offset + 8, as: UInt64.self)
                        if !isDebt { raw[base + reserveCount * 32 + reserve] = used ? 1 : 0 }
                    }
                }
                hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: raw[0..<(rows * row)]))
            }
            first += rows
        }
        for wallet in liquidators.map(\.wallet) + [user.wallet, arbitrageur.wallet, borrowerWallet] {
            wallet.forEach { put($0) }
        }
        for dex in dexPools {
            put(dex.assetReserve)
            put(dex.stableReserve)
        }
        for feed in feeds {
            put(feed.updatedAtMs)
            put(feed.frozen)
        }
        for node in network.nodes {
            put(node.head)
            put(node.crashed)
            put(node.upMs)
        }
        for transaction in chain.mempool {
            put(transaction.id)
            put(transaction.submittedMs)
            put(transaction.priorityFeeGwei)
            put(transaction.maxFeeWei)
        }
        network.regionDown.forEach { put($0) }
        network.latencySpikeMs.forEach { put($0) }
        for row in network.links {
            for link in row {
                put(link.cut)
                put(link.latencyFactor.bitPattern)
            }
        }
        for center in network.dataCenters {
            put(center.powered)
            put(center.generatorDelayMs ?? -1)
            // Only once an intrusion has happened, so that the hashes of worlds without one stay as they were.
            if let intrusion = center.intrusion {
                put(intrusion.sinceMs)
                put(intrusion.offsetBps)
                put(intrusion.asset ?? -1)
                put(intrusion.detectAtMs ?? -1)
                put(intrusion.detectedAtMs ?? -1)
            }
        }
        for node in network.nodes.indices where network.nodes[node].slashed { put(node) }
        for record in proposals {
            put(record.id)
            put(record.proposedAtMs)
            put(record.proposal.asset)
            put(
                ["pending", "voting", "queued", "executed", "expired", "failed"].firstIndex(of: record.state.rawValue)
                    ?? -1)
            for (parameter, value) in record.proposal.changes.sorted(by: { $0.key < $1.key }) {
                put(parameter.rawValue.count)
                put(value)
            }
        }
        for shock in shocks {
            put(shock.asset)
            put(shock.ticksLeft)
            put(shock.factorPerTick.bitPattern)
        }
        // Only trackers add bytes, so that a world without any hashes as before tracking existed.
        for (asset, tracked) in tracking.enumerated() {
            if let tracked {
                put(asset)
                put(tracked.asset)
                put(tracked.ratioWad)
            }
        }
        // Only recorded paths add bytes (their offsets and noise), for the same reason.
        for path in settings.pricePaths {
            put(path.asset)
            put(pathOffsets[path.asset].bitPattern)
            put(pathNoise[path.asset].bitPattern)
        }
        put(schedule.count)
        put(botsEnabled)
        hasher.update(data: bytes)
        return hexadecimal(hasher.finalize())
    }
}

/// Bytes as lower-case hex, two digits each: how state_hash and a risk run's scenario digest are written.
func hexadecimal(_ bytes: some Sequence<UInt8>) -> String {
    bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
}
