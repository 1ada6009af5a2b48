// A libFuzzer target for the TOML parser that scenario and theme files go through: any input either
// parses or is an error on a line of the file; a crash, a hang or a leak is a finding.
// Built and run by Tests/fuzz/run.sh (not part of the package: it needs -sanitize=fuzzer).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    do {
        _ = try TOMLParser.parse(text)
    } catch {
        let lines = text.utf8.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        precondition((1...lines).contains(error.line), "line \(error.line) of \(lines): \(error.message)")
    }
    return 0
}
