import Testing
@testable import TolokInput

@Suite("Package paths")
struct PackagePathTests {
    @Test func aParentPartIsFoundBetweenEitherSeparatorButNotInsideANameOrAcrossSeparators() {
        for (path, parent) in [("../outside.csv", true), ("observations/../../x.csv", true), ("a/..", true), ("..", true),
                               ("a\\..\\b.csv", true), ("..\\b.csv", true),
                               ("observations/x..csv", false), ("...", false), (".../a", false), ("a/.b/c", false),
                               ("x/..\\y", false), ("a.b/c", false), ("", false)] {
            let found = PackagePath.hasParentPart(path, separator: UInt8(ascii: "/")) || PackagePath.hasParentPart(path, separator: UInt8(ascii: "\\"))
            // As splitting on each separator finds it.
            let split = path.split(separator: "/", omittingEmptySubsequences: false).contains("..")
                || path.split(separator: "\\", omittingEmptySubsequences: false).contains("..")
            #expect(found == parent && found == split, "\(path)")
        }
    }

    @Test func aURLHoldsAColonAndTwoSlashes() {
        #expect(PackagePath.isURL("https://example.org/observations.csv"))
        #expect(PackagePath.isURL("file:///etc/passwd"))
        #expect(!PackagePath.isURL("observations/2024:1.csv"))
        #expect(!PackagePath.isURL("a:/b") && !PackagePath.isURL(":/") && !PackagePath.isURL(""))
    }
}
