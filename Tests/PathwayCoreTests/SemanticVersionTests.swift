import Testing
@testable import PathwayCore

@Suite struct SemanticVersionTests {
    @Test(arguments: ["1.0.0", "0.1.2", "10.20.30", "1.0.0-beta.1", "1.0.0+build.5"])
    func parsesValidVersions(text: String) {
        #expect(SemanticVersion(text) != nil)
    }

    @Test(arguments: ["1.0", "1", "v1.0.0", "01.0.0", "1.0.0-", "a.b.c", "",
                      // Semantic Versioning 2.0.0: numeric pre-release identifiers have no leading zero.
                      "1.0.0-rc.01", "1.0.0-rc..1", "1.0.0-rc.é", "1.0.0+", "9223372036854775808.0.0", "+1.0.0", "1.-1.0"])
    func rejectsInvalidVersions(text: String) {
        #expect(SemanticVersion(text) == nil)
    }

    /// Plain releases are read byte by byte, anything else by the full parser: both give the
    /// same numbers, and the byte reader refuses what the full parser refuses.
    @Test(arguments: [("0.0.0", [0, 0, 0]), ("1.10.100", [1, 10, 100]), ("123456789012345678.1.2", [123456789012345678, 1, 2]),
                      ("1234567890123456789.0.7", [1234567890123456789, 0, 7]), ("3.2.1-rc.1", [3, 2, 1])])
    func readsTheNumbers(text: String, numbers: [Int]) throws {
        let version = try #require(SemanticVersion(text))
        #expect([version.major, version.minor, version.patch] == numbers)
        #expect(version.description == text)
    }

    @Test(arguments: ["1.00.0", "1.0.00", "00.1.1", "1..0", "1.0.0.", ".1.0.0", "1.0.0.0", "1.0", "1.0.", "１.0.0"])
    func refusesNearlyPlainReleases(text: String) {
        #expect(SemanticVersion(text) == nil)
    }

    @Test func ordersByPrecedence() {
        let ordered = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-beta", "1.0.0", "1.0.1", "1.1.0", "2.0.0"].compactMap(SemanticVersion.init)
        #expect(ordered == ordered.sorted())
        #expect(ordered.count == 7)
    }

    @Test(arguments: [(">=1.2.0", "1.3.0", true), (">=1.2.0", "1.1.9", false), ("^1.2.0", "1.9.0", true),
                      ("^1.2.0", "2.0.0", false), ("~1.2.0", "1.2.9", true), ("~1.2.0", "1.3.0", false),
                      ("1.x", "1.4.2", true), ("1.x", "2.0.0", false), (">=1.0.0 <2.0.0", "1.5.0", true), ("1.2.3", "1.2.3", true)])
    func rangesContainTheRightVersions(range: String, version: String, expected: Bool) throws {
        let parsed = try #require(VersionRange(range))
        #expect(parsed.contains(try #require(SemanticVersion(version))) == expected)
    }

    /// Ranges on the largest numbers a version can hold used to overflow computing their upper
    /// bound and crash `pack validate`, `pack list` and every start of the tutor.
    @Test(arguments: [("^9223372036854775807.0.0", "9223372036854775807.5.1", true),
                      ("^9223372036854775807.0.0", "1.0.0", false),
                      ("^0.9223372036854775807.0", "0.9223372036854775807.3", true),
                      ("~1.9223372036854775807.0", "1.9223372036854775807.9", true),
                      ("~1.9223372036854775807.0", "2.0.0", false),
                      ("9223372036854775807.x", "9223372036854775807.1.0", true),
                      ("1.9223372036854775807.x", "1.9223372036854775807.4", true),
                      ("1.9223372036854775807.x", "2.0.0", false),
                      ("^0.9223372036854775807.0", "1.0.0", false)])
    func rangesAtTheLargestNumbersDoNotOverflow(range: String, version: String, expected: Bool) throws {
        let parsed = try #require(VersionRange(range))
        #expect(parsed.contains(try #require(SemanticVersion(version))) == expected)
    }

    @Test(arguments: ["-1.x", "+1.x", "1.-2.x", "x", "99999999999999999999.x", "^1.0.0-rc.01"])
    func rejectsMalformedRanges(text: String) {
        #expect(VersionRange(text) == nil)
    }

    @Test func numericPreReleasesCompareAsNumbersOfAnyLength() throws {
        let small = try #require(SemanticVersion("1.0.0-rc.9"))
        let huge = try #require(SemanticVersion("1.0.0-rc.99999999999999999999999"))
        #expect(small < huge)
        #expect(!(huge < small))
    }
}
