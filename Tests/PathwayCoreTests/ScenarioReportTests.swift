import Foundation
import Testing
@testable import PathwayCore

/// Scenarios in every report format and in xAPI: an interaction per decision, a result per
/// finished run, the first run and the best kept apart.
@Suite struct ScenarioReportTests {
    let library = PackLibrary.load([PackSource(folder: Fixtures.root.appending(path: "judgment"), origin: .option)])
    let clock = ManualClock()

    /// Two runs: b then a (60%), then a, a (100%).
    func report() throws -> ReportData { ReportData(library: library, progress: try played(), now: clock.now) }

    /// The progress after those two runs.
    func played() throws -> LearnerProgress {
        var options = Tutor.Options()
        options.shuffleChoices = false
        let tutor = Tutor(library: library, progress: LearnerProgress(profile: "ana", now: clock.now), store: MemoryProgressStore(),
                          clock: clock.clock, random: SeededRandom(seed: 1), options: options)
        let (pack, module, lesson) = try #require(library.lessons(matching: "refunds").first)
        tutor.open(pack: pack, module: module, lesson: lesson)
        tutor.advance()
        for choice in ["b", "a"] { clock.advance(10); _ = tutor.decide(choice) }
        clock.advance(60)
        #expect(tutor.replayScenario())
        for choice in ["a", "a"] { clock.advance(10); _ = tutor.decide(choice) }
        return tutor.progress
    }

    /// Portfolio pieces and placement results came to the statements later: they are
    /// statements of their own, and every statement sent before keeps its id and its body
    /// (an LRS refuses a known id with another body).
    @Test func portfolioPiecesAndPlacementsAddStatementsAndChangeNoOther() throws {
        var progress = try played()
        func statements() throws -> [String] {
            let text = try XAPIReportFormat().render(ReportData(library: library, progress: progress, now: clock.now))
            let array = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [Any])
            return try array.map { String(decoding: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self) }
        }
        let before = try statements()
        progress.reflections["judgment/refund-memo"] = ReflectionRecord(artifact: "Incident memo", text: "Users and owners named.", checked: [],
                                                                        savedAt: clock.now, selfScores: [1, 1])
        progress.placements["judgment/cases"] = PlacementRecord(packVersion: "1.0.0", score: 1, verdict: .testedOut, at: clock.now, answers: [])
        let after = try statements()
        #expect(after.count == before.count + 2 && Set(before).isSubset(of: Set(after)))
        let added = after.filter { !before.contains($0) }
        #expect(added.contains { $0.contains("\"en-US\":\"responded\"") && $0.contains("\"response\":\"Users and owners named.\"") })
        #expect(added.contains { $0.contains("\"en-US\":\"passed\"") && $0.contains("Placement: Cases") })
        // Saved again with other self-scores within the same second: a new statement, a new id.
        progress.reflections["judgment/refund-memo"]?.selfScores = [2, 1]
        let rescored = try statements()
        #expect(rescored.count == after.count && Set(rescored).intersection(after).count == after.count - 1)
        let ids = { (statements: [String]) in
            Set(statements.compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"] as? String })
        }
        #expect(ids(rescored).count == rescored.count && ids(rescored).intersection(ids(after)).count == after.count - 1)
    }

    @Test func theReportKeepsTheFirstRunAndTheBest() throws {
        let scenario = try #require(try report().scenarios.first)
        #expect(scenario.runs.count == 2)
        #expect(scenario.first?.score == 0.6 && scenario.first?.number == 1)
        #expect(scenario.best?.score == 1 && scenario.best?.number == 2)
        #expect(scenario.masteryScore == 0.6)
        #expect(scenario.first?.decisions.map(\.text) == ["Keep it running and watch the numbers", "Honour the promises and apologise"])
        #expect(scenario.first?.decisions.first?.bestOptions == [0])
    }

    @Test func everyFormatShowsTheCase() throws {
        let data = try report()
        let markdown = try MarkdownReportFormat().render(data)
        #expect(markdown.contains("| The refund bot that promised too much | 2 | 60% (run 1) | 100% (run 2) | 60% |"))
        let html = try HTMLReportFormat().render(data)
        #expect(html.contains("<h2 id=\"cases-h\">Cases</h2>") && html.contains("100% (run 2)"))
        let csv = try CSVReportFormat().render(data)
        #expect(csv.contains("ana,judgment,cases,refunds,case-refunds#n1,scenario,1,Keep it running and watch the numbers,false,"))
        #expect(csv.contains("case-refunds#n2,scenario,2,Honour the promises and apologise,true,"))
        let json = try JSONReportFormat().render(data)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let decoded = try decoder.decode(ReportData.self, from: Data(json.utf8))
        #expect(decoded.scenarios.map(\.runs.count) == [2])
        #expect(decoded.scenarios.first?.bestRun == 1)
    }

    @Test func xapiHasAnInteractionPerDecisionAndAResultPerRun() throws {
        let text = try XAPIReportFormat().render(try report())
        let statements = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        let scenario = statements.filter { (($0["object"] as? [String: Any])?["id"] as? String)?.contains("/scenarios/case-refunds") == true }
        let verbs = scenario.map { (($0["verb"] as? [String: Any])?["id"] as? String ?? "").components(separatedBy: "/").last ?? "" }
        #expect(verbs == ["answered", "answered", "completed", "answered", "answered", "completed"])
        let first = scenario[0]
        let definition = try #require((first["object"] as? [String: Any])?["definition"] as? [String: Any])
        #expect(definition["interactionType"] as? String == "choice")
        #expect(definition["correctResponsesPattern"] as? [String] == ["a"])
        #expect((definition["choices"] as? [Any])?.count == 3)
        let result = try #require(first["result"] as? [String: Any])
        #expect(result["response"] as? String == "b")
        #expect(result["success"] as? Bool == false)
        #expect(((result["score"] as? [String: Any])?["scaled"] as? Double) == 0.2)
        let completed = try #require(scenario[2]["result"] as? [String: Any])
        #expect(((completed["score"] as? [String: Any])?["scaled"] as? Double) == 0.6)
        #expect(completed["completion"] as? Bool == true)
        let ids = statements.compactMap { $0["id"] as? String }
        #expect(Set(ids).count == ids.count)
    }

    @Test func theJSONWithScenariosMatchesTheDocumentedSchema() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.url.appending(path: "scenarios.json")
        try Data(try JSONReportFormat().render(try report()).utf8).write(to: file)
        let script = """
        import json, sys
        try:
            import jsonschema
        except ImportError:
            sys.exit(3)
        validator = jsonschema.Draft202012Validator(json.load(open(sys.argv[1])))
        for error in validator.iter_errors(json.load(open(sys.argv[2]))):
            print(error.json_path, error.message)
        """
        guard let (status, output) = try PythonOracle.run(script, [ReportFormatTests.schemaFile.path, file.path]) else { return }
        #expect(status == 0)
        #expect(output == "")
    }
}
