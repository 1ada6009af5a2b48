/// Writes a journal's lines as the world runs (the caller puts them in a file): the header, then every
/// command with the tick after which it took effect, and after every block its height, slot, tick and the
/// world's state hash, each line sealed into the chain.
public struct JournalRecorder: Sendable {
    public private(set) var chain: JournalChain
    public private(set) var lines = 0
    public private(set) var blocks = 0
    public private(set) var commands = 0
    private var height: Int

    /// The header's line, and a recorder for what follows; `world` is the world as it starts (a branch's,
    /// at its branch point).
    public static func start(_ header: JournalHeader, world: World) -> (line: String, recorder: JournalRecorder) {
        var chain = header.parent.flatMap { JournalChain(hex: $0.chain) } ?? JournalChain()
        let line = chain.seal(header.members)
        var recorder = JournalRecorder(chain: chain, height: world.chain.height)
        recorder.lines = 1
        return (line, recorder)
    }

    private init(chain: JournalChain, height: Int) {
        self.chain = chain
        self.height = height
    }

    /// A command applied now, after `world.ticks` ticks.
    public mutating func command(_ command: Command, world: World) -> String {
        commands += 1
        lines += 1
        return chain.seal("\"tick\": \(world.ticks), \"command\": {\(CommandJSON.members(command))}")
    }

    /// The last line, when the recording ends in order: its tick and its counts. A journal without it was
    /// cut off (a crash, or lines removed from its end), and `verify` says so.
    public mutating func finish(_ world: World) -> String {
        lines += 1
        return chain.seal("\"tick\": \(world.ticks), \"end\": true, \"blocks\": \(blocks), \"commands\": \(commands)")
    }

    /// After a tick: the block it made, if it made one.
    public mutating func step(_ world: World) -> String? {
        guard world.chain.height > height, let block = world.chain.recentBlocks.last else { return nil }
        height = world.chain.height
        blocks += 1
        lines += 1
        return chain.seal(
            "\"tick\": \(world.ticks), \"block\": \(block.height), \"slot\": \(block.slot), "
                + "\"state\": \"\(world.stateHash)\"")
    }
}
