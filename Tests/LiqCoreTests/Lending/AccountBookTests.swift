import Testing

@testable import LiqCore

/// The columnar book must behave exactly like an array of dense accounts.
@Suite struct AccountBookTests {
    static func randomAccount(_ rng: inout SeededGenerator, id: String, reserves: Int) -> Account {
        var account = Account(id: id, reserveCount: reserves, eModeCategory: UInt8(rng.int(in: 0...2)))
        for reserve in 0..<reserves {
            if rng.chance(0.4) {
                account.scaledCollateral[reserve] = UInt128(rng.int(in: 1...1_000_000)) << rng.int(in: 0...100)
            }
            // The flag can be on without a balance and off with one; both must survive the round trip.
            account.usingAsCollateral[reserve] = rng.chance(0.5)
            if rng.chance(0.3) {
                account.scaledDebt[reserve] = UInt128(rng.int(in: 1...1_000_000)) << rng.int(in: 0...100)
            }
        }
        return account
    }

    @Test func readsBackWhatWasStoredThroughGrowthAndCompaction() {
        var rng = SeededGenerator(seed: 11)
        let reserves = 7
        var model: [Account] = []
        var book = AccountBook(reserveCount: reserves)
        for index in 0..<300 {
            let account = Self.randomAccount(&rng, id: "acct-\(index)", reserves: reserves)
            model.append(account)
            book.append(account)
        }
        // Thousands of overwrites: blocks grow (and move), shrink, and the arrays compact along the way.
        for step in 0..<6_000 {
            let index = rng.int(in: 0...(model.count - 1))
            var account = step % 3 == 0 ? Self.randomAccount(&rng, id: "re-\(step)", reserves: reserves) : model[index]
            if step % 3 != 0 {
                let reserve = rng.int(in: 0...(reserves - 1))
                account.scaledDebt[reserve] = rng.chance(0.5) ? 0 : UInt128(step + 1)
            }
            model[index] = account
            book[index] = account
        }
        #expect(book.count == model.count)
        #expect(Array(book) == model)
        #expect(
            book.indices.allSatisfy {
                book.id(at: $0) == model[$0].id && book.eModeCategory(at: $0) == model[$0].eModeCategory
            })
        let held = model.reduce(0) { total, account in
            total + (0..<reserves).filter { account.scaledCollateral[$0] != 0 || account.usingAsCollateral[$0] }.count
                + account.scaledDebt.filter { $0 != 0 }.count
        }
        #expect(book.positionCount == held)
        #expect(book.firstIndex(id: model[17].id) == model.firstIndex { $0.id == model[17].id })
    }

    @Test func appendingPositionsEqualsAppendingTheDenseAccount() {
        var dense = Account(id: "x", reserveCount: 4, eModeCategory: 1)
        dense.scaledCollateral[0] = 5
        dense.usingAsCollateral[0] = true
        dense.scaledCollateral[2] = 7
        dense.usingAsCollateral[2] = true
        dense.scaledDebt[3] = 9
        var a = AccountBook(reserveCount: 4), b = AccountBook(reserveCount: 4)
        a.append(dense)
        b.append(id: "x", eModeCategory: 1, collateral: [(0, 5), (2, 7), (1, 0)], debt: [(3, 9)])
        #expect(a == b)
        #expect(b[0] == dense)
        var seen: [String] = []
        b.forEachPosition(of: 0) { reserve, amount, isDebt, used in
            seen.append("\(reserve):\(amount):\(isDebt):\(used)")
        }
        #expect(seen == ["0:5:false:true", "2:7:false:true", "3:9:true:false"])
    }
}
