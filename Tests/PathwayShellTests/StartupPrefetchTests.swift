import Testing
@testable import PathwayShell

/// Which command lines start reading the library before ArgumentParser runs, and with what.
@Suite struct StartupPrefetchTests {
    @Test func theTutorIsReadAheadWithItsFolders() throws {
        let tutor = try #require(StartupPrefetch.plan(["pathway", "--data-dir", "/d", "--pack-path", "a", "--pack-path=b", "--seed", "7", "--no-shuffle"]))
        #expect(tutor.dataDirectory == "/d" && tutor.packPaths == ["a", "b"])
        #expect(StartupPrefetch.plan(["pathway"])?.packPaths == [])
        #expect(StartupPrefetch.plan(["pathway", "learn", "--data-dir=/e"])?.dataDirectory == "/e")
        #expect(StartupPrefetch.plan(["pathway", "placement", "ml-basics", "--profile", "pack"]) != nil)
    }

    @Test func packListIsReadAheadWithItsFolders() throws {
        let list = try #require(StartupPrefetch.plan(["pathway", "pack", "list", "--pack-path", "extra", "--data-dir=/d"]))
        #expect(list.packPaths == ["extra"] && list.dataDirectory == "/d")
        #expect(StartupPrefetch.plan(["pathway", "pack", "list", "more"]) == nil)
    }

    @Test func otherCommandsHelpAndVersionAreNot() {
        for words in [["pathway", "--version"], ["pathway", "--help"], ["pathway", "-h"], ["pathway", "report", "html"],
                      ["pathway", "pack", "validate", "x"], ["pathway", "pack", "stats"], ["pathway", "sync"],
                      ["pathway", "--", "learn"]] {
            #expect(StartupPrefetch.plan(words) == nil, "\(words)")
        }
    }
}
