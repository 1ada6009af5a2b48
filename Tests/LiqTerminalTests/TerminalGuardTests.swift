import Testing

@testable import LiqTerminal

@Suite struct TerminalGuardTests {
    /// Once restoring has begun (an orderly exit, or a crash on another thread), nothing draws again:
    /// a frame after the restore would switch the terminal back into the alternate screen.
    @Test func nothingDrawsOnceRestoringHasBegun() {
        var frames = 0
        TerminalGuard.drawing { frames += 1 }
        #expect(frames == 1)
        TerminalGuard.beginRestore()
        TerminalGuard.drawing { frames += 1 }
        TerminalGuard.drawing { frames += 1 }
        #expect(frames == 1)
    }
}
