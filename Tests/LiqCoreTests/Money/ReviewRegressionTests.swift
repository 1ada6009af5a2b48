import Testing

@testable import LiqCore

/// Inputs that once trapped or lost precision.
@Suite struct MoneyEdgeCaseTests {
    @Test func aDigitWithACombiningMarkIsNotADigit() {
        #expect(throws: DecimalAmount.ParseError.notANumber("1\u{301}")) {
            try DecimalAmount.parse("1\u{301}", decimals: 6)
        }
        #expect(throws: DecimalAmount.ParseError.self) { try DecimalAmount.parse("５", decimals: 6) } // fullwidth five
    }

    @Test func underscoresOnlyBetweenDigits() throws {
        #expect(try DecimalAmount.parse("1_000_000", decimals: 0) == 1_000_000)
        for text in ["_1", "1_", "1__0", "1_.5", "1._5"] {
            #expect(throws: DecimalAmount.ParseError.notANumber(text)) { try DecimalAmount.parse(text, decimals: 2) }
        }
    }

    @Test func extremeExponentsAreErrorsNotTraps() {
        #expect(throws: DecimalAmount.ParseError.self) {
            try DecimalAmount.parse("1e-9223372036854775808", decimals: 6)
        }
        #expect(throws: DecimalAmount.ParseError.tooLarge("1e99999999999999999999")) {
            try DecimalAmount.parse("1e99999999999999999999", decimals: 6)
        }
        #expect(throws: DecimalAmount.ParseError.notANumber("1e")) { try DecimalAmount.parse("1e", decimals: 6) }
        #expect(throws: DecimalAmount.ParseError.notANumber("1e+-2")) { try DecimalAmount.parse("1e+-2", decimals: 6) }
    }

    @Test func tripleProductUses256BitsWhenNeeded() throws {
        // $5,400 of a 27-decimal asset against WETH at $2,000: 1e8 × 5,400e27 × 1e18 / (2,000e8 × 1e27) = 2.7e18.
        // a·b = 5.4e38 does not fit in 128 bits.
        let ray = WadRayMath.ray
        #expect(
            try FullWidth.mulMulDiv(100_000_000, 5_400 * ray, WadRayMath.wad, 200_000_000_000, ray)
                == 2_700_000_000_000_000_000)
        // d·e = 1e40 does not fit either: 3 × 1e30 × 1e30 / (1e20 × 1e20) = 3e20.
        let e30: UInt128 = 1_000_000_000_000_000_000_000_000_000_000
        let e20: UInt128 = 100_000_000_000_000_000_000
        #expect(try FullWidth.mulMulDiv(3, e30, e30, e20, e20) == 300_000_000_000_000_000_000)
        // (d·k)·b·c / (d·e) = k·b·c / e exactly, through the slow path (d·k·b > 2^128).
        let d: UInt128 = 7_777_777_777_777_777_777_777, k: UInt128 = 12_345
        let b: UInt128 = 98_765_432_109_876_543_210_987
        #expect(try FullWidth.mulMulDiv(d * k, b, 3, d, 5) == k * b * 3 / 5)
        // A quotient past 2^128, or a numerator past 2^256, throws.
        #expect(throws: ArithmeticError.self) { try FullWidth.mulMulDiv(.max, .max, 2, 1, 1) }
        #expect(throws: ArithmeticError.self) { try FullWidth.mulMulDiv(.max, .max, .max, .max, 1) }
    }
}
