import Testing

@testable import LiqCore

/// The fast path mode's cheaper draws: the same distributions (normals, jitter) within stated bounds, and
/// the exact shortcuts (rounding, conversion) the same values as the standard library's.
@Suite struct QuickDrawTests {
    /// Twelve 16-bit lanes: the sample mean and variance of 200,000 draws are those of a standard normal
    /// within sampling error (the standard error of the mean is 0.0022, of the variance 0.0030), and no
    /// draw passes ±6.
    @Test func quickNormalsAreStandardNormal() {
        var rng = SeededGenerator(seed: 3)
        let draws = (0..<200_000).map { _ in rng.quickNormal() }
        let mean = draws.reduce(0, +) / Double(draws.count)
        let variance = draws.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(draws.count - 1)
        #expect(abs(mean) < 0.01, "mean \(mean)")
        #expect(abs(variance - 1) < 0.015, "variance \(variance)")
        #expect(draws.allSatisfy { abs($0) < 6 })
        // The share beyond ±2 (4.55 % for a normal; Irwin–Hall's is 4.46 %).
        let tails = Double(draws.filter { abs($0) > 2 }.count) / Double(draws.count)
        #expect(abs(tails - 0.045) < 0.003, "tails \(tails)")
    }

    /// Lanes by hand: all at their lowest, all at their highest, and 4 + 3 + 2 + 1 in each word
    /// (a sum of 30: (30 + 12·½)/65,536 − 6).
    @Test func quickNormalLanesByHand() {
        #expect(SeededGenerator.quickNormal(0, 0, 0) == -6 + 6.0 / 65_536)
        #expect(SeededGenerator.quickNormal(.max, .max, .max) == 6 - 6.0 / 65_536)
        let word: UInt64 = 0x0001_0002_0003_0004
        #expect(SeededGenerator.quickNormal(word, word, word) == 36.0 / 65_536 - 6)
        // Half the lanes at 0 and half at 65,535: the middle, 0 exactly.
        #expect(SeededGenerator.quickNormal(0xFFFF_FFFF_0000_0000, 0x0000_0000_FFFF_FFFF, 0xFFFF_0000_FFFF_0000) == 0)
    }

    /// `quickExp` and `quickLog` within 1e-10 (relative) of the full series, over the ranges the jitter
    /// uses: log of (0, 1] down to 2⁻⁵³, exp of 0 to 40.
    @Test func quickSeriesStayWithinTheirBound() {
        var rng = SeededGenerator(seed: 4)
        for _ in 0..<50_000 {
            let u = rng.unitOpen()
            let full = DeterministicMath.log(u), quick = DeterministicMath.quickLog(u)
            #expect(abs(quick - full) <= 1e-10 * max(1, abs(full)), "log \(u)")
            let x = rng.unit() * 40
            #expect(abs(DeterministicMath.quickExp(x) / DeterministicMath.exp(x) - 1) < 1e-10, "exp \(x)")
        }
        #expect(DeterministicMath.quickLog(1) == 0)
        #expect(DeterministicMath.quickExp(0) == 1)
        #expect(abs(DeterministicMath.quickExp(1) - 2.718_281_828_459_045) < 1e-12)
        #expect(abs(DeterministicMath.quickLog(0x1p-53) + 53 * 0.693_147_180_559_945_3) < 1e-9)
    }

    /// `roundedQuickly` is `rounded()` to the bit: halves away from zero, the edges of its fast range, and
    /// what it hands on (negative, huge, NaN, infinite).
    @Test func quickRoundingIsRounded() {
        var values: [Double] = [
            0, 0.5, 1.5, 2.5, 0.499_999_999_999_999_94, 0x1p52 - 0.5, 0x1p52 - 1, 0x1p52, 0x1p52 + 1, 0x1p60,
            -0.5, -2.5, -0.0, 1e30, .infinity, -.infinity, .nan, .leastNonzeroMagnitude, 123_456_789.5,
        ]
        var rng = SeededGenerator(seed: 5)
        for _ in 0..<50_000 { values.append(rng.unit() * 1e14) }
        for _ in 0..<1_000 { values.append(Double(rng.int(in: 0...1_000_000)) + 0.5) }
        for value in values {
            #expect(value.roundedQuickly.bitPattern == value.rounded().bitPattern || value.isNaN, "\(value)")
        }
        #expect(Double.nan.roundedQuickly.isNaN)
        #expect(2.5.roundedQuickly == 3 && 0.5.roundedQuickly == 1 && 0.499.roundedQuickly == 0)
    }

    /// `Int(clamping:)` for `Double` gives the generic `FixedWidthInteger` version's value.
    @Test func intClampingMatchesTheGenericOne() {
        func generic<T: FixedWidthInteger>(_ value: Double, as: T.Type) -> T { T(clamping: value) }
        var values: [Double] = [0, -0.0, 0.9, -0.9, 1e19, -1e19, 0x1p63, -0x1p63, 0x1p63 - 1_024, .nan, .infinity]
        var rng = SeededGenerator(seed: 6)
        for _ in 0..<10_000 { values.append((rng.unit() - 0.5) * 1e6) }
        for value in values { #expect(Int(clamping: value) == generic(value, as: Int.self), "\(value)") }
        #expect(Int(clamping: 2.9) == 2 && Int(clamping: -2.9) == -2 && Int(clamping: Double.nan) == 0)
        #expect(Int(clamping: 1e300) == .max && Int(clamping: -1e300) == .min)
    }
}
