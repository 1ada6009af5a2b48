import Glibc
import LiqCore

/// A journal being written: each line goes to the file with one `write` as it happens (a crash or
/// `kill -9` loses at most the line being written), and the file is synced to disk at most every 100 ms
/// and when it closes. It never replaces an existing file unless asked to.
public final class JournalFile: @unchecked Sendable {
    // Touched only from the queue that records (the engine's, or sim's loop).
    private var descriptor: Int32
    private var lastSync: UInt64 = 0
    private var recorder: JournalRecorder
    public let path: String
    /// The first error writing met; nothing is written after it.
    public private(set) var failure: String?

    /// Creates `path` (replacing it only when `force`) and writes the header for `world` as it starts.
    public init(path: String, force: Bool, header: JournalHeader, world: World) throws(JournalFileError) {
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (force ? O_TRUNC : O_EXCL)
        let opened = open(path, flags, 0o644)
        guard opened >= 0 else {
            let reason = errno == EEXIST ? "it exists; --force replaces it" : String(cString: strerror(errno))
            throw JournalFileError(message: "--record: cannot write \(sanitized(path)): \(reason)")
        }
        descriptor = opened
        self.path = path
        lastWorld = world
        let start = JournalRecorder.start(header, world: world)
        recorder = start.recorder
        write(start.line)
        if let failure { throw JournalFileError(message: failure) }
    }

    public var lines: Int { recorder.lines }
    public var chain: String { recorder.chain.hex }
    public var counts: (blocks: Int, commands: Int) { (recorder.blocks, recorder.commands) }

    /// The world as last seen, for the end line.
    private var lastWorld: World?

    public func command(_ command: Command, world: World) {
        write(recorder.command(command, world: world))
        lastWorld = world
    }

    public func step(_ world: World) {
        if let line = recorder.step(world) { write(line) }
        lastWorld = world
    }

    private func write(_ line: String) {
        guard failure == nil, descriptor >= 0 else { return }
        var bytes = Array(line.utf8)
        bytes.append(0x0A)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else {
                failure = "--record: writing \(sanitized(path)) failed: \(String(cString: strerror(errno)))"
                return
            }
            offset += written
        }
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let ms = UInt64(now.tv_sec) * 1_000 + UInt64(now.tv_nsec) / 1_000_000
        if ms - lastSync >= 100 {
            fsync(descriptor)
            lastSync = ms
        }
    }

    /// Writes the end line, syncs and closes; safe to call twice.
    public func close() {
        guard descriptor >= 0 else { return }
        if let lastWorld { write(recorder.finish(lastWorld)) }
        lastWorld = nil
        fsync(descriptor)
        Glibc.close(descriptor)
        descriptor = -1
    }

    deinit { close() }
}

public struct JournalFileError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}
