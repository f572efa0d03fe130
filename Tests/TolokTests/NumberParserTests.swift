import Testing
@testable import Tolok

@Suite("Canonical number parser")
struct NumberParserTests {
    @Test(arguments: [
        ("15308539115", 15_308_539_115.0, 0),
        ("85.71", 85.71, 2),
        ("78.20", 78.2, 2),
        ("-0.87", -0.87, 2),
        ("0", 0, 0),
        ("389.8", 389.8, 1),
    ])
    func acceptsCanonicalNumbers(text: String, value: Double, decimals: Int) throws {
        let number = try NumberParser.parse(text)
        #expect(number.value == value)
        #expect(number.decimals == decimals)
    }

    @Test(arguments: [
        ("1.234.567", "thousands separators are not allowed"),
        ("66,21", "use '.' as the decimal separator"),
        ("12abc", "unexpected character 'a'"),
        ("NaN", "NaN is not allowed"),
        ("inf", "infinity is not allowed"),
        ("-inf", "infinity is not allowed"),
        ("85.71%", "'%' is not allowed"),
        ("+5", "leading '+'"),
        ("1e5", "exponent"),
        (".5", "digit is required before"),
        ("5.", "digit is required after"),
        ("-", "at least one digit"),
        (" 5", "spaces"),
    ])
    func rejectsEverythingElseWithAReason(text: String, reason: String) {
        #expect {
            try NumberParser.parse(text)
        } throws: { error in
            (error as? NumberSyntaxError)?.message.contains(reason) == true
        }
    }

    @Test func pointsAtTheOffendingCharacter() {
        do {
            _ = try NumberParser.parse("1.234.567")
            Issue.record("accepted 1.234.567")
        } catch {
            #expect(error.offset == 5)
        }
    }

    @Test func longDigitStringsRoundCorrectly() throws {
        #expect(try NumberParser.parse("12345678901234567890").value == 12345678901234567890.0)
        #expect(try NumberParser.parse("0.1000000000000000055511151231257827").value == 0.1)
    }
}
