import Foundation
import Testing
@testable import PathwayCore

/// Replays the fuzzing seed corpus and every input that once crashed a parser
/// (Tests/PathwayCoreTests/Fixtures/fuzz/TARGET/); each must run to completion.
@Suite struct FuzzRegressionTests {
    static func inputs(_ target: String) -> [String] {
        let folder = Fixtures.root.appending(path: "fuzz/\(target)")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted().map { "\(target)/\($0)" }
    }

    static let all = FuzzTargets.names.flatMap(inputs)

    @Test(arguments: all)
    func inputRunsWithoutCrashing(input: String) throws {
        let target = String(input.prefix { $0 != "/" })
        let data = try Data(contentsOf: Fixtures.root.appending(path: "fuzz/\(input)"))
        FuzzTargets.run(target, data)
    }

    @Test func everyTargetHasASeedCorpus() {
        for target in FuzzTargets.names { #expect(!Self.inputs(target).isEmpty, "\(target) has no seeds") }
    }

    @Test func aNegativeRepetitionCountIsRefused() {
        #expect(throws: SafePatternError.self) { try SafePattern("a{-9}") }
    }
}
