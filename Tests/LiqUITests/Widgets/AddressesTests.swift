import Testing

@testable import LiqUI

@Suite struct AddressesTests {
    @Test func addressesShortenAndNothingElseDoes() {
        let address = "0x1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b9f0e"
        #expect(Addresses.shortened(address) == "0x1a2b…9f0e")
        #expect(
            Addresses.shortened("bot-1-eu liquidated \(address): repaid 5.00 DAI")
                == "bot-1-eu liquidated 0x1a2b…9f0e: repaid 5.00 DAI")
        // Not an address: 39 or 41 digits, a non-hex digit, or part of a longer hex run.
        for text in [
            String(address.dropLast()), address + "a", address.replacingOccurrences(of: "9f0e", with: "9f0g"),
            "ab" + address, "heidi", "",
        ] {
            #expect(Addresses.shortened(text) == text)
        }
        // Upper-case digits are addresses too (checksummed).
        #expect(Addresses.shortened("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48") == "0xA0b8…eB48")
    }
}
