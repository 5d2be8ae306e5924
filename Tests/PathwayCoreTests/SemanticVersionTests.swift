import Testing
@testable import PathwayCore

@Suite struct SemanticVersionTests {
    @Test(arguments: ["1.0.0", "0.1.2", "10.20.30", "1.0.0-beta.1", "1.0.0+build.5"])
    func parsesValidVersions(text: String) {
        #expect(SemanticVersion(text) != nil)
    }

    @Test(arguments: ["1.0", "1", "v1.0.0", "01.0.0", "1.0.0-", "a.b.c", ""])
    func rejectsInvalidVersions(text: String) {
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
}
