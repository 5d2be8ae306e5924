import Foundation
import Synchronization
import Testing
@testable import PathwayCore

/// The sync engine against a scripted transport: batching, retries with backoff, what each
/// answer of the LRS does to the outbox. (The same against a real LRS: PathwayEndToEndTests.)
@Suite struct LRSSyncEngineTests {
    /// Answers from a script and keeps every request.
    final class ScriptedTransport: HTTPTransport {
        let answer: @Sendable ([String], Int) -> Result<HTTPResponse, TransportError>
        let requests = Mutex<[[String]]>([])
        let headers = Mutex<[[String: String]]>([])

        init(_ answer: @escaping @Sendable (_ ids: [String], _ call: Int) -> Result<HTTPResponse, TransportError>) { self.answer = answer }

        func send(_ request: HTTPRequest) throws -> HTTPResponse {
            let body = try JSONSerialization.jsonObject(with: request.body ?? Data("[]".utf8)) as? [[String: Any]] ?? []
            let ids = body.compactMap { $0["id"] as? String }
            let call = requests.withLock { $0.append(ids); return $0.count }
            headers.withLock { $0.append(request.headers) }
            return try answer(ids, call).get()
        }
    }

    static func ok(_ ids: [String]) -> Result<HTTPResponse, TransportError> {
        .success(HTTPResponse(status: 200, body: try! JSONEncoder().encode(ids)))
    }

    let directory = FileManager.default.temporaryDirectory.appending(path: "pathway-sync-\(UUID().uuidString)")
    let statements = (0..<10).map { OutboxStatement(id: String(format: "00000000-0000-4000-8000-%012d", $0), json: Data("{\"id\":\"\(String(format: "00000000-0000-4000-8000-%012d", $0))\"}".utf8), summary: "answered q\($0)") }

    /// The waits the engine asked for.
    final class Waits: Sendable {
        let delays = Mutex<[TimeInterval]>([])
    }

    func engine(_ transport: ScriptedTransport, batch: Int = 4, slept: Waits? = nil) -> LRSSync {
        let client = LRSClient(statementsURL: URL(string: "http://127.0.0.1:9/xAPI/statements")!, user: "teacher", password: "p4ss-secret",
                               transport: transport)
        return LRSSync(client: client, ledger: SyncLedger(profileDirectory: directory, endpoint: "http://127.0.0.1:9/xAPI/"),
                       batchSize: batch, retryDelays: [0.5, 1, 2], sleep: { delay in slept?.delays.withLock { $0.append(delay) } },
                       clock: .fixed(Date(timeIntervalSince1970: 1_767_603_600)))
    }

    @Test func batchesAreAcknowledgedOnlyWhenTheLRSSaysSoAndNotSentAgain() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let transport = ScriptedTransport { ids, _ in Self.ok(ids) }
        let report = try engine(transport).run(statements)
        #expect(transport.requests.withLock { $0.map(\.count) } == [4, 4, 2])
        #expect((report.posted, report.stored, report.alreadyHeld, report.batches) == (10, 10, 0, 3))
        #expect(try engine(transport).run(statements).queued == 0)
        #expect(transport.requests.withLock { $0.count } == 3)
        let header = try #require(transport.headers.withLock { $0.first })
        #expect(header["Authorization"] == "Basic " + Data("teacher:p4ss-secret".utf8).base64EncodedString())
        #expect(header["X-Experience-API-Version"] == "1.0.3")
    }

    @Test func serverErrorsAndTimeoutsAreRetriedWithGrowingWaits() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let slept = Waits()
        let transport = ScriptedTransport { ids, call in
            switch call {
            case 1: .success(HTTPResponse(status: 503, body: Data()))
            case 2: .failure(.timedOut(30))
            default: Self.ok(ids)
            }
        }
        let report = try engine(transport, batch: 10, slept: slept).run(statements)
        #expect(slept.delays.withLock { $0 } == [0.5, 1])
        #expect((report.posted, report.stored, report.batches) == (10, 10, 1))
    }

    @Test func anLRSThatStaysDownStopsTheSyncAndLosesNothing() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let transport = ScriptedTransport { _, _ in .failure(.unreachable("Couldn't connect to server")) }
        let sync = engine(transport)
        #expect(throws: SyncError.unavailable("cannot reach the LRS: Couldn't connect to server (tried 4 times)")) { try sync.run(statements) }
        #expect(sync.pending(statements).count == 10)
        #expect(sync.ledger.status().lastError == "cannot reach the LRS: Couldn't connect to server (tried 4 times)")
    }

    @Test(arguments: [401, 403]) func refusedCredentialsStopAtOnceWithoutThePassword(status: Int) throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let transport = ScriptedTransport { _, _ in .success(HTTPResponse(status: status, body: Data("{\"detail\":\"Invalid authentication credentials\"}".utf8))) }
        let sync = engine(transport)
        #expect(throws: SyncError.credentials(status: status, user: "teacher")) { try sync.run(statements) }
        #expect(transport.requests.withLock { $0.count } == 1)
        #expect(!"\(SyncError.credentials(status: status, user: "teacher"))".contains("p4ss-secret"))
        #expect(sync.pending(statements).count == 10)
    }

    @Test func aRefusedStatementIsFoundByHalvingAndTheOthersAreSent() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let bad = statements[6].id
        let transport = ScriptedTransport { ids, _ in
            ids.contains(bad)
                ? .success(HTTPResponse(status: 400, body: Data("{\"detail\":[{\"loc\":[\"body\",0,\"actor\"],\"msg\":\"Field required\"}]}".utf8)))
                : Self.ok(ids)
        }
        let sync = engine(transport, batch: 10)
        let report = try sync.run(statements)
        #expect(report.refused == [LRSSync.Report.Refusal(id: bad, summary: "answered q6", status: 400, reason: "actor: Field required")])
        #expect((report.stored, report.remaining) == (9, 1))
        #expect(sync.pending(statements).map { $0.id } == [bad])
        #expect(sync.ledger.status().lastError?.contains(bad) == true)
    }

    @Test func statementsTheLRSHeldAlreadyCountAsSent() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let transport = ScriptedTransport { ids, call in call == 1 ? .success(HTTPResponse(status: 204, body: Data())) : Self.ok(Array(ids.prefix(1))) }
        let report = try engine(transport).run(statements)
        #expect((report.stored, report.alreadyHeld) == (2, 8))
        #expect(engine(transport).pending(statements).isEmpty)
    }

    @Test func aLineCutShortByACrashIsNotTakenForAnAcknowledgement() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let ledger = SyncLedger(profileDirectory: directory, endpoint: "http://lrs.example/xAPI/")
        try ledger.acknowledge([statements[0].id, statements[1].id])
        let handle = try FileHandle(forWritingTo: ledger.acknowledgedFile)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(statements[2].id.prefix(20).utf8))
        try handle.close()
        #expect(ledger.acknowledged() == [statements[0].id, statements[1].id])
        // Another LRS has its own acknowledgements.
        #expect(SyncLedger(profileDirectory: directory, endpoint: "https://other.example/xAPI/").acknowledged().isEmpty)
    }

    @Test func endpointsAreCheckedAndPasswordsKeptOutOfMessages() throws {
        #expect(try LRSConfiguration.statementsURL("http://127.0.0.1:8100/xAPI/").absoluteString == "http://127.0.0.1:8100/xAPI/statements")
        #expect(try LRSConfiguration.statementsURL("https://lrs.example.edu/xapi").absoluteString == "https://lrs.example.edu/xapi/statements")
        for bad in ["ftp://lrs.example", "not a url", "http://teacher:hunter2@lrs.example/xAPI/"] {
            #expect {
                try LRSConfiguration.statementsURL(bad)
            } throws: { error in
                !"\(error)".contains("hunter2")
            }
        }
    }
}

/// Learners rebuilt from their statements give the cohort their progress files give.
@Suite struct LRSCohortSourceTests {
    @Test func theCohortFromStatementsIsTheCohortFromProgress() throws {
        let library = Fixtures.sampleLibrary()
        var ada = ReportFixtures.sampleProgress(profile: "ada")
        // Her answer to a question no installed pack has (retired) is sent and counted too.
        #expect(ada.items["sample/gone-q"] != nil)
        ada.learner = LearnerIdentity(displayName: "Ada Lovelace", account: .account(homePage: "https://lms.example.edu", name: "ada-1"))
        var bob = ReportFixtures.completedBasics(firstTryRight: 3, profile: "bob")
        bob.learner = LearnerIdentity(account: .mbox("bob@example.org"))
        var source = LRSCohortSource()
        let decoder = JSONDecoder()
        for progress in [ada, bob] {
            let identity = ResolvedIdentity(displayName: progress.learner?.displayName, account: try #require(progress.learner?.account))
            // Shuffled, as an LRS may return them in any order.
            for statement in OutboxStatement.all(library: library, progress: progress, configuration: identity.xapiConfiguration()).reversed() {
                source.add(try decoder.decode(FetchedStatement.self, from: statement.json))
            }
        }
        let now = ReportFixtures.t0
        let fromFiles = CohortReport(library: library, learners: [ada, bob].map { CohortReport.Input(source: "x.json", progress: $0) }, now: now)
        // Portfolio pieces (with their texts) are sent too; learners are known by their accounts.
        #expect(!fromFiles.learners[0].artifacts.isEmpty)
        let fromLRS = CohortReport(library: library, learners: source.inputs(source: "LRS"), now: now)
        #expect(fromLRS == fromFiles)
        #expect(fromLRS.learners.map(\.profile) == ["Ada Lovelace", "bob@example.org"])
        #expect(fromLRS.learners.map(\.source) == ["ada-1 on https://lms.example.edu", "bob@example.org"])

        // A learner with nothing in the pack asked for is still listed, as their file would be.
        var onlyOther = LRSCohortSource(pack: "another-pack")
        for statement in OutboxStatement.all(library: library, progress: ada, configuration: XAPIConfiguration()) {
            onlyOther.add(try decoder.decode(FetchedStatement.self, from: statement.json))
        }
        let listed = onlyOther.inputs(source: "LRS")
        #expect(listed.count == 1 && listed.allSatisfy { $0.progress.records.isEmpty })
    }

    /// A scenario played twice, a portfolio piece revised with rubric self-scores and a
    /// placement result come back from their statements as the records they were.
    @Test func scenarioRunsPortfolioPiecesAndPlacementsAreRebuilt() throws {
        let library = PackLibrary.load([PackSource(folder: Fixtures.root.appending(path: "judgment"), origin: .option)])
        let t0 = ReportFixtures.t0
        var progress = LearnerProgress(profile: "cy", now: t0)
        func decision(_ node: String, _ option: Int, _ text: String, _ score: Double, _ seconds: Double) -> ScenarioDecision {
            ScenarioDecision(node: node, option: option, text: text, score: score, next: nil, at: t0.addingTimeInterval(seconds), seconds: 2.5)
        }
        // The second run meets n1 twice within one second (a loop): two statements, two ids.
        progress.scenarios["judgment/case-refunds"] = ScenarioRecord(runs: [
            ScenarioRun(startedAt: t0, decisions: [decision("n1", 1, "Keep it running and watch the numbers", 0.2, 10),
                                                   decision("n2", 0, "Honour the promises and apologise", 1, 20)],
                        finishedAt: t0.addingTimeInterval(20)),
            ScenarioRun(startedAt: t0.addingTimeInterval(30), decisions: [
                decision("n1", 2, "Ask legal to change the policy", 0, 40), decision("n3", 0, "Go back and pause the bot", 1, 40),
                decision("n1", 0, "Pull the bot from refunds today", 1, 40), decision("n2", 0, "Honour the promises and apologise", 1, 41)],
                        finishedAt: t0.addingTimeInterval(41)),
        ])
        progress.reflections["judgment/refund-memo"] = ReflectionRecord(artifact: "Incident memo", text: "Users, owners and dates named.",
                                                                        checked: [], savedAt: t0.addingTimeInterval(50), selfScores: [2, 0],
                                                                        firstDraft: "Users named.")
        progress.placements["judgment/cases"] = PlacementRecord(packVersion: "1.0.0", score: 2.0 / 3, verdict: .toStudy,
                                                                at: t0.addingTimeInterval(5), answers: [])
        progress.learner = LearnerIdentity(account: .account(homePage: "https://lms.example.edu", name: "cy-7"))
        let identity = ResolvedIdentity(displayName: nil, account: try #require(progress.learner?.account))
        let statements = OutboxStatement.all(library: library, progress: progress, configuration: identity.xapiConfiguration())
        #expect(Set(statements.map(\.id)).count == statements.count)
        var source = LRSCohortSource()
        for statement in statements.reversed() { source.add(try JSONDecoder().decode(FetchedStatement.self, from: statement.json)) }
        let rebuilt = try #require(source.inputs(source: "LRS").first?.progress)
        let runs = try #require(rebuilt.scenarios["judgment/case-refunds"]?.runs)
        // In time order; decisions within one second in no promised order (no figure depends on it).
        #expect(runs.map { $0.decisions.first?.node } == ["n1", "n1"] && runs.map { $0.decisions.last?.node } == ["n2", "n2"])
        #expect(runs.map { $0.decisions.map(\.node).sorted() } == [["n1", "n2"], ["n1", "n1", "n2", "n3"]])
        #expect(runs.map(\.finishedAt) == progress.scenarios["judgment/case-refunds"]?.runs.map(\.finishedAt))
        #expect(runs.map { $0.decisions.map(\.score).sorted() } == [[0.2, 1], [0, 1, 1, 1]])
        #expect(runs[0].decisions.map(\.seconds) == [2.5, 2.5])
        #expect(rebuilt.reflections == progress.reflections)
        #expect(rebuilt.placements["judgment/cases"]?.score == 2.0 / 3 && rebuilt.placements["judgment/cases"]?.testedOut == false)
        let fromFiles = CohortReport(library: library, learners: [CohortReport.Input(source: "cy.json", progress: progress)], now: t0)
        let fromLRS = CohortReport(library: library, learners: [CohortReport.Input(source: "LRS", progress: rebuilt)], now: t0)
        #expect(fromLRS == fromFiles)
        #expect(fromLRS.learners.first?.scenarios.map { [$0.firstScore, $0.bestScore] } == [[0.6, 0.75]])
        #expect(fromLRS.learners.first?.artifacts.first?.selfScores.map(\.selfScore) == [3, 1])
    }

    /// Numbers no count can hold (a run, an attempt, hints, ticks or self-scores of 1e300, as a
    /// damaged or hostile LRS may return) are read as absent, never trap.
    @Test func numbersTooLargeForACountAreIgnored() throws {
        let base = XAPIConfiguration().baseIRI
        func statement(_ id: Int, verb: String, object: String, result: String) throws -> FetchedStatement {
            let json = """
                {"id": "s\(id)", "actor": {"account": {"homePage": "https://lms.example.edu", "name": "zed"}},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/\(verb)"}, "object": {"id": "\(base)packs/p/\(object)"},
                 "timestamp": "2026-01-02T10:00:0\(id).000Z", "result": \(result)}
                """
            return try JSONDecoder().decode(FetchedStatement.self, from: Data(json.utf8))
        }
        var source = LRSCohortSource()
        source.add(try statement(1, verb: "answered", object: "questions/q1", result: """
            {"success": true, "response": "a", "extensions": {"\(base)extensions/attempt": 1e300, "\(base)extensions/hints-used": -1e300}}
            """))
        source.add(try statement(2, verb: "answered", object: "scenarios/case/nodes/n1", result: """
            {"response": "b", "score": {"raw": 1}, "extensions": {"\(base)extensions/run": 1e300}}
            """))
        source.add(try statement(3, verb: "responded", object: "reflections/memo", result: """
            {"response": "Text.", "extensions": {"\(base)extensions/checked": [0, 1e300], "\(base)extensions/self-scores": [2, 1e300]}}
            """))
        let progress = try #require(source.inputs(source: "LRS").first?.progress)
        #expect(progress.items["p/q1"]?.attempts.map(\.hintsUsed) == [0])
        #expect(progress.scenarios["p/case"]?.runs.count == 1)
        #expect(progress.reflections["p/memo"]?.checked == [0])
        #expect(progress.reflections["p/memo"]?.selfScores == [1])
    }
}
