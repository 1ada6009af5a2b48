import Testing

@testable import LiqCore

/// The hand-written 256-bit product and division against the standard library's own
/// `multipliedFullWidth` and `dividingFullWidth`, which they replace for speed.
@Suite struct WideArithmeticTests {
    /// Operands that stress the carries and the division's corrections: powers of two and their
    /// neighbours, all-ones words, and values with one word zero.
    static let edges: [UInt128] = {
        var values: [UInt128] = [0, 1, 2, 3, 997, 1_000, UInt128(UInt64.max), UInt128(UInt64.max) + 1, .max, .max - 1]
        for bits in [31, 32, 63, 64, 65, 96, 112, 126, 127] {
            let power = UInt128(1) << bits
            values += [power - 1, power, power + 1]
        }
        values += [
            UInt128(high: .max, low: 0), UInt128(high: 1, low: .max), UInt128(high: 0x8000_0000_0000_0000, low: 1),
        ]
        return values
    }()

    static func random(_ rng: inout SeededGenerator) -> UInt128 {
        // Mixed magnitudes: a random word count and a random shift, so that both one- and two-word
        // operands and every normalisation shift occur.
        let value = UInt128(high: rng.next(), low: rng.next())
        return value >> Int(rng.next() % 128)
    }

    @Test func productsMatchTheStandardLibrary() {
        var rng = SeededGenerator(seed: 1)
        var pairs: [(UInt128, UInt128)] = []
        for a in Self.edges { for b in Self.edges { pairs.append((a, b)) } }
        for _ in 0..<20_000 { pairs.append((Self.random(&rng), Self.random(&rng))) }
        for (a, b) in pairs {
            let expected = a.multipliedFullWidth(by: b)
            let product = a.wideProduct(b)
            #expect(product.high == expected.high && product.low == expected.low, "\(a) × \(b)")
        }
    }

    @Test func handCheckedProducts() {
        // (2^128 − 1)² = 2^256 − 2^129 + 1: high word 2^128 − 2, low word 1.
        let square = UInt128.max.wideProduct(.max)
        #expect(square.high == .max - 1 && square.low == 1)
        // 2^64 · 2^64 = 2^128.
        let carry = (UInt128(1) << 64).wideProduct(UInt128(1) << 64)
        #expect(carry.high == 1 && carry.low == 0)
    }

    @Test func quotientsAndRemaindersMatchTheStandardLibrary() {
        var rng = SeededGenerator(seed: 2)
        var cases: [(divisor: UInt128, high: UInt128, low: UInt128)] = []
        for divisor in Self.edges where divisor != 0 {
            for low in Self.edges {
                // Every high below the divisor that the edges offer, and the largest one.
                for high in Self.edges where high < divisor { cases.append((divisor, high, low)) }
                cases.append((divisor, divisor - 1, low))
            }
        }
        for _ in 0..<20_000 {
            let divisor = max(1, Self.random(&rng))
            cases.append((divisor, Self.random(&rng) % divisor, Self.random(&rng)))
        }
        for (divisor, high, low) in cases {
            let expected = divisor.dividingFullWidth((high: high, low: low))
            let result = divisor.wideDivide(high: high, low: low)
            #expect(
                result.quotient == expected.quotient && result.remainder == expected.remainder,
                "(\(high)·2^128 + \(low)) / \(divisor)")
        }
    }

    /// rayMul divides by 2^27 and then 5^27: the same as the general full-width division by RAY, values and
    /// overflows alike, including products just either side of a half-ray.
    @Test func rayMulMatchesTheGeneralDivision() {
        var rng = SeededGenerator(seed: 3)
        let ray = WadRayMath.ray
        var pairs: [(UInt128, UInt128)] = []
        let operands = Self.edges + [ray, ray - 1, ray + 1, ray / 2, ray / 2 - 1, ray * 1_000_003, 1_234_567_891_011]
        for a in operands { for b in operands { pairs.append((a, b)) } }
        for _ in 0..<20_000 { pairs.append((Self.random(&rng), Self.random(&rng))) }
        // Realistic: balances of 1e6 to 1e30 wei against indexes of 1 to 3 ray.
        for _ in 0..<20_000 {
            let balance = UInt128(rng.next()) * UInt128(rng.next() % 1_000_000_000_000)
            pairs.append((balance, ray + UInt128(rng.next()) % (2 * ray)))
        }
        func outcome(_ body: () throws -> UInt128) -> String {
            do { return "\(try body())" } catch { return "\(error)" }
        }
        for (a, b) in pairs {
            let general = outcome { try FullWidth.mulDiv(a, b, ray, rounding: .halfUp, operation: "rayMul") }
            #expect(outcome { try WadRayMath.rayMul(a, b) } == general, "rayMul(\(a), \(b))")
        }
    }

    /// Division through a reciprocal: `dividingFullWidth`'s quotient and remainder, for the divisors the
    /// exact health factor uses, every normalisation shift, and the extremes.
    @Test func reciprocalDivisionMatchesTheStandardLibrary() {
        var rng = SeededGenerator(seed: 4)
        var divisors: [UInt64] = [1, 2, 3, 7, 10_000, 1_000_000, 100_000_000, 1_000_000_000_000_000_000]
        divisors += [7_450_580_596_923_828_125, 1 << 63, 1 << 63 + 1, .max, .max - 1, UInt64(UInt32.max)]
        for _ in 0..<200 { divisors.append(max(1, rng.next() >> (rng.next() % 64))) }
        for divisor in divisors {
            let reciprocal = Reciprocal(divisor)
            let wide = UInt128(divisor)
            var cases: [(UInt128, UInt128)] = [(0, 0), (0, .max), (wide - 1, .max), (wide - 1, 0), (0, wide - 1)]
            for _ in 0..<300 { cases.append((Self.random(&rng) % wide, Self.random(&rng))) }
            for (high, low) in cases {
                let expected = wide.dividingFullWidth((high: high, low: low))
                let result = reciprocal.divide(high: high, low: low)
                #expect(
                    result.quotient == expected.quotient && result.remainder == expected.remainder,
                    "(\(high)·2^128 + \(low)) / \(divisor)")
            }
        }
    }

    /// The algorithm's rare second correction (the remainder still at or above the divisor after the first),
    /// which random digits reach with a probability near 2⁻⁶⁴: digits found by a search over divisors just
    /// above 2⁶³ and leading digits at simple fractions of them. In the first, the remainder before the
    /// correction equals the divisor exactly (the boundary of `>=`); in the second it is above it.
    @Test func reciprocalDivisionTakesTheRareSecondCorrection() {
        let cases: [(divisor: UInt64, high: UInt128, digit: UInt64)] = [
            (9_223_372_036_854_775_810, 6_917_529_027_641_081_856, 18_446_744_073_709_551_614),
            (9_223_372_036_854_775_810, 6_917_529_027_641_081_856, .max),
            (9_223_372_036_854_775_811, 4_611_686_018_427_387_904, 18_446_744_073_709_551_613),
        ]
        for (divisor, high, digit) in cases {
            for rest in [UInt64(0), 1, .max] {
                let low = UInt128(digit) << 64 | UInt128(rest)
                let expected = UInt128(divisor).dividingFullWidth((high: high, low: low))
                let result = Reciprocal(divisor).divide(high: high, low: low)
                #expect(
                    result.quotient == expected.quotient && result.remainder == expected.remainder,
                    "(\(high)·2^128 + \(low)) / \(divisor)")
            }
        }
    }

    /// percentMul through the reciprocal: the general division's values and overflows.
    @Test func percentMulMatchesTheGeneralDivision() {
        var rng = SeededGenerator(seed: 5)
        var pairs: [(UInt128, UInt128)] = []
        let percentages: [UInt128] = [0, 1, 4_999, 5_000, 5_001, 7_500, 8_250, 9_999, 10_000, 10_500, 65_535]
        for value in Self.edges { for percentage in percentages + Self.edges { pairs.append((value, percentage)) } }
        for _ in 0..<20_000 { pairs.append((Self.random(&rng), Self.random(&rng) % 20_000)) }
        func outcome(_ body: () throws -> UInt128) -> String {
            do { return "\(try body())" } catch { return "\(error)" }
        }
        for (value, percentage) in pairs {
            let general = outcome {
                try FullWidth.mulDiv(value, percentage, 10_000, rounding: .halfUp, operation: "percentMul")
            }
            #expect(outcome { try PercentageMath.percentMul(value, percentage) } == general, "\(value) × \(percentage)")
        }
    }

    @Test func handCheckedQuotients() {
        // (2^256 − 1) / (2^128 − 1) = 2^128 + 1: its quotient does not fit, so take high = divisor − 1:
        // ((2^128 − 2)·2^128 + (2^128 − 1)) / (2^128 − 1) = 2^128 − 1 remainder 2^128 − 2.
        let result = UInt128.max.wideDivide(high: .max - 1, low: .max)
        #expect(result.quotient == .max && result.remainder == .max - 1)
        // 10^40 / 10^20 = 10^20 (10^40 = 29 · 2^128 + 131 811 359 292 784 559 562 136 384 478 721 867 776).
        let ten20: UInt128 = 100_000_000_000_000_000_000
        let ten40 = ten20.wideProduct(ten20)
        let quotient = ten20.wideDivide(high: ten40.high, low: ten40.low)
        #expect(ten40.high == 29 && ten40.low == 131_811_359_292_784_559_562_136_384_478_721_867_776)
        #expect(quotient.quotient == ten20 && quotient.remainder == 0)
    }
}
