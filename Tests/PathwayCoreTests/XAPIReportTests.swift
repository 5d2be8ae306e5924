import Foundation
import Testing
@testable import PathwayCore

/// xAPI 1.0.3 statements: required fields, verbs, ids that do not change between exports.
@Suite struct XAPIReportTests {
    func statements(_ report: ReportData = ReportFixtures.sampleReport(),
                    _ configuration: XAPIConfiguration = XAPIConfiguration()) throws -> [[String: Any]] {
        let text = try XAPIReportFormat(configuration: configuration).render(report)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    }

    func verb(_ statement: [String: Any]) -> String {
        ((statement["verb"] as? [String: Any])?["id"] as? String ?? "").replacingOccurrences(of: "http://adlnet.gov/expapi/verbs/", with: "")
    }

    @Test func everyStatementHasTheRequiredPartsAndAValidID() throws {
        let all = try statements()
        #expect(!all.isEmpty)
        let timestamp = try Regex(#"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$"#)
        let uuid = try Regex(#"^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"#)
        for statement in all {
            let id = try #require(statement["id"] as? String)
            #expect(id.wholeMatch(of: uuid) != nil, "\(id) is not a version 5, RFC variant UUID")
            let actor = try #require(statement["actor"] as? [String: Any])
            #expect(actor["objectType"] as? String == "Agent")
            let account = try #require(actor["account"] as? [String: Any])
            #expect(account["homePage"] as? String == "https://pathway.example")
            #expect(account["name"] as? String == "ada")
            #expect(actor["mbox"] == nil && actor["name"] == nil)
            let verb = try #require(statement["verb"] as? [String: Any])
            #expect((verb["id"] as? String)?.hasPrefix("http://adlnet.gov/expapi/verbs/") == true)
            #expect((verb["display"] as? [String: String])?["en-US"] == self.verb(statement))
            let object = try #require(statement["object"] as? [String: Any])
            #expect(object["objectType"] as? String == "Activity")
            #expect((object["id"] as? String)?.hasPrefix("https://pathway.example/xapi/packs/sample/") == true)
            let context = try #require(statement["context"] as? [String: Any])
            let parents = try #require((context["contextActivities"] as? [String: Any])?["parent"] as? [[String: Any]])
            #expect(!parents.isEmpty)
            #expect((statement["timestamp"] as? String)?.wholeMatch(of: timestamp) != nil)
        }
        let stamps = all.compactMap { $0["timestamp"] as? String }
        #expect(stamps == stamps.sorted())
    }

    @Test func verbsCoverOpenedLessonsAnswersAndCompletions() throws {
        let verbs = try statements().map(verb)
        #expect(verbs.filter { $0 == "attempted" }.count == 2)
        // 7 answers to current questions and 1 to a retired one (sample/gone-q), kept.
        #expect(verbs.filter { $0 == "answered" }.count == 8)
        #expect(verbs.filter { $0 == "completed" }.count == 1)
        #expect(!verbs.contains("passed") && !verbs.contains("failed"))
        #expect(verbs.first == "attempted")
    }

    @Test func answeredStatementsCarryTheInteractionAndResult() throws {
        let answered = try statements().filter { verb($0) == "answered" }
        let first = try #require(answered.first)
        let object = try #require(first["object"] as? [String: Any])
        #expect(object["id"] as? String == "https://pathway.example/xapi/packs/sample/questions/intro-q1")
        let definition = try #require(object["definition"] as? [String: Any])
        #expect(definition["type"] as? String == "http://adlnet.gov/expapi/activities/cmi.interaction")
        #expect(definition["interactionType"] as? String == "choice")
        #expect(definition["correctResponsesPattern"] as? [String] == ["a"])
        #expect((definition["name"] as? [String: String])?["en-US"] == "Which is a fruit?")
        let result = try #require(first["result"] as? [String: Any])
        #expect(result["response"] as? String == "b")
        #expect(result["success"] as? Bool == false)
        #expect(result["duration"] as? String == "PT12.5S")
        #expect((result["score"] as? [String: Any])?["scaled"] as? Int == 0)
        let extensions = try #require(result["extensions"] as? [String: Any])
        #expect(extensions["https://pathway.example/xapi/extensions/answer"] as? String == "Carrot")
        #expect(extensions["https://pathway.example/xapi/extensions/hints-used"] as? Int == 1)
        let context = try #require(first["context"] as? [String: Any])
        let activities = try #require(context["contextActivities"] as? [String: [[String: Any]]])
        #expect(activities["parent"]?.compactMap { $0["id"] as? String } == ["https://pathway.example/xapi/packs/sample/lessons/intro"])
        #expect(activities["grouping"]?.compactMap { $0["id"] as? String }
                == ["https://pathway.example/xapi/packs/sample/modules/basics", "https://pathway.example/xapi/packs/sample"])
        let responses = answered.compactMap { ($0["result"] as? [String: Any])?["response"] as? String }
        #expect(responses.contains("a[,]b[,]d"))
        #expect(responses.contains(ReportFixtures.trickyAnswer))
    }

    @Test(arguments: [(5, "passed", 1.0), (4, "passed", 0.8), (3, "failed", 0.6)])
    func aCompletedModuleIsPassedAtEightyPercentFirstTry(right: Int, expected: String, scaled: Double) throws {
        let report = ReportData(library: Fixtures.sampleLibrary(), progress: ReportFixtures.completedBasics(firstTryRight: right),
                                now: ReportFixtures.t0 + ReportFixtures.day)
        let outcome = try #require(try statements(report).first { ["passed", "failed"].contains(verb($0)) })
        #expect(verb(outcome) == expected)
        let result = try #require(outcome["result"] as? [String: Any])
        let score = try #require(result["score"] as? [String: Any])
        #expect((score["scaled"] as? NSNumber)?.doubleValue == scaled)
        #expect((score["raw"] as? Int, score["max"] as? Int) == (right, 5))
        #expect(result["success"] as? Bool == (expected == "passed"))
        #expect(result["completion"] as? Bool == true)
        #expect(outcome["timestamp"] as? String == "2026-01-05T09:15:00.000Z")
        #expect(((outcome["object"] as? [String: Any])?["id"] as? String) == "https://pathway.example/xapi/packs/sample/modules/basics")
    }

    @Test func idsAreTheSameOnEveryExportAndUniqueWithinOne() throws {
        let first = try statements().compactMap { $0["id"] as? String }
        let again = try statements(ReportFixtures.sampleReport()).compactMap { $0["id"] as? String }
        #expect(first == again)
        #expect(Set(first).count == first.count)
        let other = try statements(ReportFixtures.sampleReport(), XAPIConfiguration(accountName: "someone-else")).compactMap { $0["id"] as? String }
        #expect(Set(other).isDisjoint(with: first))
    }

    @Test func idsSurviveAMergeThatAddsAnEarlierAttempt() throws {
        var other = LearnerProgress(profile: "ada", now: ReportFixtures.t0)
        other.items["sample/intro-q1"] = ReportFixtures.item([ReportFixtures.attempt("Potato", false, at: 30)])
        let merged = ReportFixtures.sampleProgress().merged(with: other)
        let before = try statements().compactMap { $0["id"] as? String }
        let report = ReportData(library: Fixtures.sampleLibrary(), progress: merged, now: ReportFixtures.t0 + 3 * ReportFixtures.day)
        let after = try statements(report).compactMap { $0["id"] as? String }
        #expect(after.count == before.count + 1)
        #expect(Set(before).isSubset(of: Set(after)))
    }

    @Test func theBaseIRIAndActorAreConfigurable() throws {
        let configuration = XAPIConfiguration(baseIRI: "https://lms.example.edu/pathway", homePage: "https://lms.example.edu",
                                              accountName: "s-1234", actorName: "Ada Lovelace")
        let statement = try #require(try statements(ReportFixtures.sampleReport(), configuration).first)
        let actor = try #require(statement["actor"] as? [String: Any])
        #expect(actor["name"] as? String == "Ada Lovelace")
        #expect((actor["account"] as? [String: String]) == ["homePage": "https://lms.example.edu", "name": "s-1234"])
        #expect(((statement["object"] as? [String: Any])?["id"] as? String)?.hasPrefix("https://lms.example.edu/pathway/packs/") == true)
    }

    @Test func nameBasedUUIDsMatchRFC9562() {
        // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")
        #expect(NameBasedUUID.make(namespace: NameBasedUUID.dnsNamespace, name: "python.org").uuidString.lowercased()
                == "886313e1-3b8a-5372-9b90-0c9aee199e5d")
        // Python: uuid.uuid5(uuid.NAMESPACE_URL, "https://pathway.example/xapi/statements")
        #expect(NameBasedUUID.make(namespace: NameBasedUUID.urlNamespace, name: "https://pathway.example/xapi/statements")
                == XAPIStatementBuilder.namespace)
        #expect(SHA1.hash(Array("abc".utf8)).map { String(format: "%02x", $0) }.joined() == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(SHA1.hash([]).map { String(format: "%02x", $0) }.joined() == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        let long = Array(String(repeating: "a", count: 1000).utf8)
        #expect(SHA1.hash(long).map { String(format: "%02x", $0) }.joined() == "291e9a6c66994949b57ba5e650361e98fc36b1ba")
    }

    @Test(arguments: [(12.5, "PT12.5S"), (0, "PT0S"), (0.004, "PT0S"), (0.005, "PT0.01S"), (65, "PT1M5S"), (3600, "PT1H0M"),
                      (3723.25, "PT1H2M3.25S"), (59.999, "PT1M"), (-3, "PT0S")])
    func durationsAreISO8601ToTheHundredth(seconds: Double, expected: String) {
        #expect(ReportText.duration(seconds) == expected)
    }

    @Test(arguments: [(12.5, "PT12.5S"), (0, "PT0S"), (65, "PT1M5S"), (3600, "PT1H0M"), (3723.25, "PT1H2M3.25S")])
    func durationsReadBackToTheirSeconds(seconds: Double, text: String) {
        #expect(ReportText.seconds(ofDuration: text) == seconds)
    }

    @Test(arguments: ["12.5S", "PT5", "PT1D", "PT1.2.3S", "PTxS"])
    func textsThatAreNotSuchDurationsReadAsNothing(text: String) {
        #expect(ReportText.seconds(ofDuration: text) == nil)
    }

    @Test func timestampsAreUTCWithMilliseconds() {
        #expect(ReportText.timestamp(Date(timeIntervalSince1970: 1_767_603_600.3456)) == "2026-01-05T09:00:00.345Z")
        #expect(ReportText.timestamp(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
    }

    @Test(arguments: [("Carrot", "b"), ("Potato", "c"), ("Banana", "Banana"), ("", "")])
    func singleChoiceResponsesAreChoiceIDs(answer: String, expected: String) {
        let interaction = XAPIInteraction(type: "choice", choices: ["Apple", "Carrot", "Potato"], correctResponsesPattern: ["a"])
        #expect(interaction.response(for: answer) == expected)
    }

    @Test func multipleSelectResponsesJoinChoiceIDs() {
        let interaction = XAPIInteraction(type: "choice", choices: ["Red", "Green", "Yellow", "Blue"], multipleSelect: true)
        #expect(interaction.response(for: "Red | Blue") == "a[,]d")
        #expect(interaction.response(for: "Red | Purple") == "Red | Purple")
        #expect(XAPIInteraction(type: "numeric").response(for: "0.25") == "0.25")
    }
}
