import LiqCore
import Testing

@Suite struct DecimalAmountTests {
    @Test func parsesDecimalStringsIntoUnits() throws {
        #expect(try DecimalAmount.parse("0.2", decimals: 8) == 20_000_000) // 0.2 WBTC
        #expect(try DecimalAmount.parse("17000", decimals: 6) == 17_000_000_000)
        #expect(try DecimalAmount.parse("2100", decimals: 8) == 210_000_000_000)
        #expect(try DecimalAmount.parse("1_000.5", decimals: 1) == 10_005)
        #expect(try DecimalAmount.parse(".5", decimals: 1) == 5)
        #expect(try DecimalAmount.parse("5.", decimals: 0) == 5)
        #expect(try DecimalAmount.parse("2.5e3", decimals: 0) == 2_500)
        #expect(try DecimalAmount.parse("1e-8", decimals: 8) == 1)
        #expect(try DecimalAmount.parse("+3", decimals: 2) == 300)
        #expect(try DecimalAmount.parse("0.000000000000000001", decimals: 18) == 1)
    }

    @Test func trailingZerosAreNotExtraDecimals() throws {
        #expect(try DecimalAmount.parse("1.50", decimals: 1) == 15)
        #expect(try DecimalAmount.parse("7.000", decimals: 0) == 7)
    }

    @Test func tooManyDecimalsIsAnError() {
        #expect(throws: DecimalAmount.ParseError.tooManyDecimals(text: "0.123456789", found: 9, allowed: 8)) {
            try DecimalAmount.parse("0.123456789", decimals: 8)
        }
        #expect(throws: DecimalAmount.ParseError.self) { try DecimalAmount.parse("0.5", decimals: 0) }
    }

    @Test func rejectsWhatIsNotAnAmount() {
        #expect(throws: DecimalAmount.ParseError.empty) { try DecimalAmount.parse("", decimals: 2) }
        #expect(throws: DecimalAmount.ParseError.negative("-1")) { try DecimalAmount.parse("-1", decimals: 2) }
        #expect(throws: DecimalAmount.ParseError.notANumber("1.2.3")) { try DecimalAmount.parse("1.2.3", decimals: 2) }
        #expect(throws: DecimalAmount.ParseError.notANumber("abc")) { try DecimalAmount.parse("abc", decimals: 2) }
        #expect(throws: DecimalAmount.ParseError.notANumber(".")) { try DecimalAmount.parse(".", decimals: 2) }
        #expect(throws: DecimalAmount.ParseError.tooLarge("1e40")) { try DecimalAmount.parse("1e40", decimals: 0) }
    }

    @Test func formatsUnitsExactlyWithoutTrailingZeros() {
        #expect(DecimalAmount.format(20_000_000, decimals: 8) == "0.2")
        #expect(DecimalAmount.format(0, decimals: 18) == "0")
        #expect(DecimalAmount.format(1, decimals: 18) == "0.000000000000000001")
        #expect(DecimalAmount.format(10_500_000_000, decimals: 6) == "10500")
        #expect(DecimalAmount.format(5_225_000_000_000_000_000, decimals: 18) == "5.225")
        #expect(DecimalAmount.format(42, decimals: 0) == "42")
    }

    @Test func formatsWithFixedPlacesRoundingHalfUp() {
        #expect(DecimalAmount.format(1_234_567, decimals: 6, places: 2) == "1.23")
        #expect(DecimalAmount.format(1_235_000, decimals: 6, places: 2) == "1.24")
        #expect(DecimalAmount.format(1_000_000, decimals: 6, places: 2) == "1.00")
        #expect(DecimalAmount.format(5, decimals: 0, places: 2) == "5.00")
        // For people: the whole part grouped by thousands.
        #expect(DecimalAmount.format(32_601_254_999, decimals: 6, places: 2) == "32,601.25")
        #expect(DecimalAmount.format(2_949_957_730_000_000, decimals: 8, places: 2) == "29,499,577.30")
        #expect(DecimalAmount.grouped(-1_234_567) == "-1,234,567")
    }

    @Test func roundTripsEveryAmount() throws {
        for (units, decimals) in [(UInt128(1), 18), (123_456_789, 8), (UInt128.max, 36), (100, 2)] {
            #expect(
                try DecimalAmount.parse(DecimalAmount.format(units, decimals: decimals), decimals: decimals) == units)
        }
    }
}
