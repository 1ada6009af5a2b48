import Foundation
import LiqCore

/// Writes events as JSON Lines to a temporary file beside the target, renamed into place at the end
/// (`rename(2)`), so that an interrupted or failed run never leaves a file under the requested name. On
/// any failure the temporary file is removed and the system's error becomes one plain line ("no space
/// left on device writing events.jsonl"). Only a regular file (or nothing) may stand at the target.
final class EventWriter {
    let path: String
    /// The option that named the file, for its errors (`--events`, `--out`).
    let option: String
    let temporary: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private static let flushBytes = 1 << 20

    init(path: String, option: String = "--events") throws {
        self.option = option
        guard !path.isEmpty else { throw CLIError("\(option): needs a file name") }
        var status = stat()
        if lstat(path, &status) == 0, (status.st_mode & S_IFMT) != S_IFREG {
            throw CLIError("\(option): \(path) exists and is not a regular file; not replacing it")
        }
        self.path = path
        let url = URL(fileURLWithPath: path)
        temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial").path
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw CLIError("\(option): \(Self.systemError()) writing \(path)") }
        // Past a file-size limit a write fails with EFBIG, instead of the signal ending the run unclean.
        signal(SIGXFSZ, SIG_IGN)
    }

    func write(_ events: [Event]) throws {
        for event in events {
            buffer.append(contentsOf: EventJSON.line(event).utf8)
            buffer.append(0x0A)
        }
        if buffer.count >= Self.flushBytes { try flush() }
    }

    /// One line of text (JSON Lines), buffered.
    func write(line: String) throws {
        buffer.append(contentsOf: line.utf8)
        buffer.append(0x0A)
        if buffer.count >= Self.flushBytes { try flush() }
    }

    /// Everything written, on disk, under the requested name.
    func close() throws {
        try flush()
        guard fsync(descriptor) == 0, Glibc.close(descriptor) == 0 else { throw failure() }
        descriptor = -1
        guard rename(temporary, path) == 0 else { throw failure() }
    }

    /// Gives up: the temporary file is removed, the target left as it was.
    func discard() {
        if descriptor >= 0 { Glibc.close(descriptor) }
        descriptor = -1
        unlink(temporary)
    }

    private func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes {
                Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset)
            }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { throw failure() }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private func failure() -> CLIError {
        let message = Self.systemError()
        discard()
        return CLIError("\(option): \(message) writing \(path); nothing was written")
    }

    /// strerror, as the rest of a sentence: "no space left on device".
    static func systemError() -> String {
        let text = String(cString: strerror(errno))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
