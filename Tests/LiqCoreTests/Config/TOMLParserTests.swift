import Testing

@testable import LiqCore

/// The parser against TOML 1.0's own examples (https://toml.io/en/v1.0.0), its invalid cases, and the
/// inputs that used to abort the process inside toml++.
@Suite struct TOMLParserTests {
    /// A value written out in one canonical form: `{a=1,b=[true,"x"]}`, keys in file order.
    static func render(_ value: ConfigValue) -> String {
        switch value {
        case .table(let table):
            "{" + table.entries.map { "\($0.key)=\(render($0.node.value))" }.joined(separator: ",") + "}"
        case .array(let items): "[" + items.map { render($0.value) }.joined(separator: ",") + "]"
        case .tableArray(let items): "[[" + items.map { render($0.value) }.joined(separator: ",") + "]]"
        case .string(let text):
            "\""
                + text.unicodeScalars.map {
                    $0.isASCII && $0.value >= 0x20 ? String($0) : "\\u{\(String($0.value, radix: 16))}"
                }.joined() + "\""
        case .integer(let number): String(number)
        case .float(let number, let text): "\(text)=\(number)"
        case .bool(let flag): String(flag)
        case .dateTime(let text): "date:" + text
        }
    }

    func parsed(_ text: String) throws -> String {
        Self.render(.table(try TOMLParser.parse(text)))
    }

    func failure(_ text: String) -> TOMLParser.Failure? {
        do {
            _ = try TOMLParser.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func keysBareQuotedAndDotted() throws {
        #expect(
            try parsed("key = \"value\"\nbare_key = 1\nbare-key = 2\n1234 = 3\n")
                == "{key=\"value\",bare_key=1,bare-key=2,1234=3}")
        #expect(
            try parsed("\"127.0.0.1\" = \"v\"\n'quoted \"value\"' = 1\n\"\" = 2\n")
                == "{127.0.0.1=\"v\",quoted \"value\"=1,=2}")
        #expect(
            try parsed("name = \"Orange\"\nphysical.color = \"orange\"\nsite.\"google.com\" = true\n")
                == "{name=\"Orange\",physical={color=\"orange\"},site={google.com=true}}")
        #expect(try parsed("fruit . color = \"y\"\nfruit.flavor = \"b\"\n") == "{fruit={color=\"y\",flavor=\"b\"}}")
        #expect(try parsed("3.14159 = \"pi\"\n") == "{3={14159=\"pi\"}}")
    }

    @Test func strings() throws {
        #expect(
            try parsed(#"s = "I'm a string. \"You can quote me\". Name\tJos\u00E9\nLocation\tSF.""#)
                == "{s=\"I'm a string. \"You can quote me\". Name\\u{9}Jos\\u{e9}\\u{a}Location\\u{9}SF.\"}")
        #expect(
            try parsed("s = \"\"\"\nRoses are red\nViolets are blue\"\"\"")
                == "{s=\"Roses are red\\u{a}Violets are blue\"}")
        #expect(
            try parsed("s = \"\"\"\nThe quick brown \\\n\n\n  fox jumps over \\\n    the lazy dog.\"\"\"")
                == "{s=\"The quick brown fox jumps over the lazy dog.\"}")
        #expect(
            try parsed("s = \"\"\"Here are two quotation marks: \"\". Simple enough.\"\"\"")
                == "{s=\"Here are two quotation marks: \"\". Simple enough.\"}")
        #expect(
            try parsed("s = \"\"\"\"This,\" she said, \"is just a pointless statement.\"\"\"\"")
                == "{s=\"\"This,\" she said, \"is just a pointless statement.\"\"}")
        #expect(try parsed(#"w = 'C:\Users\nodejs\templates'"#) == #"{w="C:\Users\nodejs\templates"}"#)
        #expect(
            try parsed("r = '''\nThe first newline is\ntrimmed in raw strings.\n'''")
                == "{r=\"The first newline is\\u{a}trimmed in raw strings.\\u{a}\"}")
        #expect(
            try parsed("q = '''Here are fifteen quotation marks: \"\"\"\"\"\"\"\"\"\"\"\"\"\"\"'''")
                == "{q=\"Here are fifteen quotation marks: \"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"}")
        #expect(
            try parsed("a = '''That,' she said, 'is still pointless.''''")
                == "{a=\"That,' she said, 'is still pointless.'\"}")
        #expect(try parsed(#"e = "\U0001F600""#) == "{e=\"\\u{1f600}\"}")
    }

    @Test func integersFloatsBooleansAndDates() throws {
        #expect(
            try parsed(
                "a = +99\nb = 42\nc = 0\nd = -17\ne = 1_000\nf = 5_349_221\ng = 0xDEADBEEF\nh = 0o755\ni = 0b11010110\n"
            )
                == "{a=99,b=42,c=0,d=-17,e=1000,f=5349221,g=3735928559,h=493,i=214}")
        #expect(
            try parsed("m = 9223372036854775807\nn = -9223372036854775808\n")
                == "{m=9223372036854775807,n=-9223372036854775808}")
        #expect(
            try parsed(
                "a = +1.0\nb = 3.1415\nc = -0.01\nd = 5e+22\ne = 1e06\nf = -2E-2\ng = 6.626e-34\nh = "
                    + "224_617.445_991_228\n"
            )
                == "{a=+1.0=1.0,b=3.1415=3.1415,c=-0.01=-0.01,d=5e+22=5e+22,e=1e06=1000000.0,f=-2E-2=-0.02,g=6.626e-34="
                + "6.626e-34,h=224_617.445_991_228=224617.445991228}"
        )
        #expect(try parsed("a = inf\nb = -inf\nt = true\nf = false\n") == "{a=inf=inf,b=-inf=-inf,t=true,f=false}")
        #expect(
            try parsed(
                "a = 1979-05-27T07:32:00Z\nb = 1979-05-27T00:32:00.999999-07:00\nc = 1979-05-27 07:32:00Z\nd = "
                    + "1979-05-27\ne = 07:32:00\n"
            )
                == "{a=date:1979-05-27T07:32:00Z,b=date:1979-05-27T00:32:00.999999-07:00,c=date:1979-05-27 "
                + "07:32:00Z,d=date:1979-05-27,e=date:07:32:00}"
        )
    }

    @Test func arraysAndInlineTables() throws {
        #expect(
            try parsed(
                "i = [ 1, 2, 3 ]\ns = [ \"red\", 'y' ]\nn = [ [ 1, 2 ], [\"a\", 'b'] ]\nm = [ 0.1, \"x\", { a = 1 } ]\n"
            )
                == "{i=[1,2,3],s=[\"red\",\"y\"],n=[[1,2],[\"a\",\"b\"]],m=[0.1=0.1,\"x\",{a=1}]}")
        #expect(try parsed("i = [\n  1,\n  2, # c\n]\n") == "{i=[1,2]}")
        #expect(
            try parsed(
                "name = { first = \"Tom\", last = \"Preston-Werner\" }\nanimal = { type.name = \"pug\" }\ne = {}\n")
                == "{name={first=\"Tom\",last=\"Preston-Werner\"},animal={type={name=\"pug\"}},e={}}")
    }

    @Test func tablesAndArraysOfTables() throws {
        #expect(
            try parsed("[table-1]\nkey1 = \"s\"\n[table-2]\nkey2 = 456\n")
                == "{table-1={key1=\"s\"},table-2={key2=456}}")
        #expect(try parsed("[dog.\"tater.man\"]\ntype.name = \"pug\"\n") == "{dog={tater.man={type={name=\"pug\"}}}}")
        #expect(try parsed("[x.y.z.w]\n[x]\n") == "{x={y={z={w={}}}}}")
        #expect(
            try parsed(
                "[fruit]\napple.color = \"red\"\napple.taste.sweet = true\n[fruit.apple.texture]\nsmooth = true\n")
                == "{fruit={apple={color=\"red\",taste={sweet=true},texture={smooth=true}}}}")
        #expect(
            try parsed("[[products]]\nname = \"Hammer\"\n[[products]]\n[[products]]\nname = \"Nail\"\n")
                == "{products=[[{name=\"Hammer\"},{},{name=\"Nail\"}]]}")
        #expect(
            try parsed(
                "[[fruits]]\nname = \"apple\"\n[fruits.physical]\ncolor = \"red\"\n[[fruits.varieties]]\nname = "
                    + "\"d\"\n[[fruits]]\nname = \"banana\"\n"
            )
                == "{fruits=[[{name=\"apple\",physical={color=\"red\"},varieties=[[{name=\"d\"}]]},{name=\"banana\"}]]}"
        )
    }

    @Test func byteOrderMarkCRLFAndComments() throws {
        #expect(try parsed("\u{FEFF}a = 1\r\n# comment\r\nb = \"x\" # trailing\r\n") == "{a=1,b=\"x\"}")
    }

    @Test func everyKeyAndElementKeepsItsLine() throws {
        let root = try TOMLParser.parse("a = 1\n\n[t]\nb = [\n  1,\n\n  2,\n]\n[[arr]]\nc = { d = 1 }\n")
        #expect(root["a"]?.line == 1)
        #expect(root["t"]?.line == 3)
        guard case .table(let t) = root["t"]?.value, case .array(let items) = t["b"]?.value,
            case .tableArray(let elements) = root["arr"]?.value, case .table(let element) = elements.first?.value
        else {
            Issue.record("unexpected shape")
            return
        }
        #expect(t["b"]?.line == 4)
        #expect(items.map(\.line) == [5, 7])
        #expect(elements.first?.line == 9)
        #expect(element["c"]?.line == 10)
    }

    /// TOML 1.0's invalid examples, and the headers that made toml++ 3.4.0 abort the process.
    @Test(arguments: [
        ("[[", 1), ("[[[a]]", 1), ("[.a]", 1), ("[[ [a]]", 1), ("[a.]", 1), ("[]", 1), ("[a]]", 1), ("[a", 1),
        ("key = # no value", 1), ("first = \"Tom\" last = \"Preston-Werner\"", 1), ("= \"no key name\"", 1),
        ("name = \"Tom\"\nname = \"Pradyun\"", 2), ("spelling = \"favorite\"\n\"spelling\" = \"favourite\"", 2),
        ("fruit.apple = 1\nfruit.apple.smooth = true", 2), ("[fruit]\napple = \"red\"\n[fruit]\norange = \"o\"", 3),
        ("[fruit]\napple = \"red\"\n[fruit.apple]\ntexture = \"smooth\"", 3),
        ("[fruit]\napple.color = \"red\"\n[fruit.apple]", 3),
        ("[product]\ntype = { name = \"Nail\" }\ntype.edible = false", 3),
        ("[product]\ntype.name = \"Nail\"\ntype = { edible = false }", 3),
        ("fruits = []\n[[fruits]]", 2), ("[[fruit]]\nname = \"apple\"\n[fruit]\nx = 1", 3),
        ("[a.b.c]\nz = 9\n[a]\nb.c.t = 9", 4), ("a = {b = 1}\n[a.c]", 2),
        ("s = \"unterminated\nx = 1", 1), ("s = 'control \u{7}'", 1), ("s = \"\\q\"", 1), ("s = \"\\uD800\"", 1),
        ("i = 012", 1), ("i = 1__0", 1), ("i = _1", 1), ("i = 9223372036854775808", 1), ("i = -0x1", 1),
        ("f = .7", 1), ("f = 7.", 1), ("f = 3.e+20", 1), ("d = 1979-13-27", 1), ("b = tru", 1),
        ("t = { a = 1, }", 1), ("t = { a = 1\n}", 1), ("a = [1 2]", 1), ("a = [1,", 1), ("a = \"\"\"\nx", 2),
        ("a = 1\r", 1), ("a = 1\n# bell \u{7}\n", 2), ("a\u{0}b = 1", 1), ("a = 1\n\n\u{0}", 3),
    ])
    func invalidDocumentsAreErrorsWithTheirLine(text: String, line: Int) {
        let found = failure(text)
        #expect(found != nil, "accepted: \(text.debugDescription)")
        #expect(found?.line == line, "\(text.debugDescription): \(String(describing: found))")
    }

    @Test func aNULByteIsNamedNotSilentlyTheEndOfTheFile() {
        let found = failure("name = \"ok\"\nid = \"a\u{0}b\"\n")
        #expect(found?.line == 2)
        #expect(found?.message.contains("NUL") == true)
        #expect(failure("name = \"ok\"\u{0}\n[[positions]]\n")?.message.contains("NUL") == true)
    }

    @Test func nestingAndStringLengthAreBounded() {
        let deep = "a = " + String(repeating: "[", count: 100_000)
        #expect(failure(deep)?.message.contains("nested") == true)
        let inline = "a = " + String(repeating: "{b=", count: 100_000)
        #expect(failure(inline)?.message.contains("nested") == true)
        let dotted = (0..<1_000).map { "k\($0)" }.joined(separator: ".") + " = 1"
        #expect(failure(dotted)?.message.contains("dotted parts") == true)
        let long = "s = \"" + String(repeating: "x", count: 10_000_000) + "\""
        #expect(failure(long)?.message.contains("longer than") == true)
    }

    @Test func syntaxErrorsNameTheColumnInCharacters() {
        let found = failure("name = \"é\" x")
        #expect(found?.line == 1)
        #expect(found?.column == 12)
    }

    @Test func manyTablesLoadInLinearTime() throws {
        // A quadratic step here would take minutes; linear takes well under a second.
        var text = ""
        for index in 0..<100_000 { text += "[[p]]\nid = \"p\(index)\"\n[p.c]\nx = 1\n" }
        let root = try TOMLParser.parse(text)
        guard case .tableArray(let items) = root["p"]?.value else {
            Issue.record("no array")
            return
        }
        #expect(items.count == 100_000)
        var wide = "[t]\n"
        for index in 0..<100_000 { wide += "k\(index) = \(index)\n" }
        guard case .table(let table) = try TOMLParser.parse(wide)["t"]?.value else {
            Issue.record("no table")
            return
        }
        #expect(table.entries.count == 100_000 && table["k99999"]?.line == 100_001)
        var dotted = ""
        for index in 0..<100_000 { dotted += "a.b.k\(index) = \(index)\n" }
        guard case .table(let a) = try TOMLParser.parse(dotted)["a"]?.value, case .table(let b) = a["b"]?.value else {
            Issue.record("no dotted table")
            return
        }
        #expect(b.entries.count == 100_000)
        let inline = "t = { " + (0..<100_000).map { "k\($0) = \($0)" }.joined(separator: ", ") + " }\n"
        #expect(try TOMLParser.parse(inline)["t"] != nil)
    }
}
