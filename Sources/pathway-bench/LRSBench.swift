import Foundation
import PathwayCore

/// The figures that need a Learning Record Store: `PATHWAY_BENCH_LRS` is its xAPI endpoint
/// (scripts/bench.sh starts Ralph on loopback; user `teacher`, password `s3cret`, or
/// `PATHWAY_BENCH_LRS_USER` / `PATHWAY_BENCH_LRS_PASSWORD`).
enum LRSBench {
    /// A transport that times what it sends: the rest of a sync's time is Pathway's own.
    final class TimedTransport: HTTPTransport, @unchecked Sendable {
        let inner = CurlTransport()
        private let lock = NSLock()
        private var spent: Duration = .zero

        func send(_ request: HTTPRequest) throws -> HTTPResponse {
            let clock = ContinuousClock()
            let start = clock.now
            defer {
                lock.lock()
                spent += clock.now - start
                lock.unlock()
            }
            return try inner.send(request)
        }

        var milliseconds: Double {
            lock.lock()
            defer { lock.unlock() }
            return Double(spent.components.seconds) * 1000 + Double(spent.components.attoseconds) / 1e15
        }
    }

    static func client(_ transport: any HTTPTransport) -> LRSClient? {
        let environment = ProcessInfo.processInfo.environment
        guard let endpoint = environment["PATHWAY_BENCH_LRS"], let url = try? LRSConfiguration.statementsURL(endpoint) else { return nil }
        return LRSClient(statementsURL: url, user: environment["PATHWAY_BENCH_LRS_USER"] ?? "teacher",
                         password: environment["PATHWAY_BENCH_LRS_PASSWORD"] ?? "s3cret", transport: transport, timeout: 300)
    }

    static func milliseconds(_ body: () throws -> Void) rethrows -> Double {
        let elapsed = try ContinuousClock().measure(body)
        return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    }

    /// 10,000 queued statements of one learner sent to the LRS (batches of 500).
    static func sync(scratch: URL, repository: URL) throws -> [String] {
        let transport = TimedTransport()
        guard let client = client(transport) else { return ["sync: skipped (set PATHWAY_BENCH_LRS; scripts/bench.sh starts an LRS)"] }
        let library = PackLibrary.load([PackSource(folder: repository.appending(path: "curricula"), origin: .shipped)])
        let progress = CohortGenerator.progress(learner: 0, attempts: 10_000, library: library, seed: UInt64(getpid()))
        let identity = ResolvedIdentity(displayName: nil, account: .account(homePage: "https://bench.example", name: "sync-\(getpid())-\(Int(Date().timeIntervalSince1970))"))
        var statements: [OutboxStatement] = []
        let buildMS = milliseconds { statements = OutboxStatement.all(library: library, progress: progress, configuration: identity.xapiConfiguration()) }
        let answered = statements.filter { $0.summary.hasPrefix("answered") }
        let ledger = SyncLedger(profileDirectory: scratch.appending(path: "sync-bench"), endpoint: client.statementsURL.absoluteString)
        let sync = LRSSync(client: client, ledger: ledger, batchSize: LRSConfiguration.defaultBatchSize, retryDelays: [])
        var report = LRSSync.Report()
        let syncMS = try milliseconds { report = try sync.run(answered) }
        precondition(report.stored == answered.count && report.refused.isEmpty, "the LRS stored \(report.stored) of \(answered.count)")
        let ownMS = buildMS + syncMS - transport.milliseconds
        let perSecond = Double(answered.count) / ((buildMS + syncMS) / 1000)
        return [
            Measure.report("sync \(answered.count) queued statements to the LRS (\(report.batches) POSTs of \(LRSConfiguration.defaultBatchSize)), build + send", buildMS + syncMS, target: nil)
                + String(format: " = %.0f statements/s", perSecond),
            Measure.report("  of which Pathway's own work (build the statements, batch, record acknowledgements)", ownMS, target: nil)
                + String(format: " = %.1f%%; the LRS and the network: %.0f ms", 100 * ownMS / (buildMS + syncMS), transport.milliseconds),
        ]
    }

    /// A cohort report read from the LRS: 100 learners x 500 answers (sent first, not timed).
    static func cohort(scratch: URL, repository: URL) throws -> [String] {
        let transport = TimedTransport()
        guard let client = client(transport) else { return ["lrs-cohort: skipped (set PATHWAY_BENCH_LRS; scripts/bench.sh starts an LRS)"] }
        let library = PackLibrary.load([PackSource(folder: repository.appending(path: "curricula"), origin: .shipped)])
        let run = "c\(getpid())-\(Int(Date().timeIntervalSince1970))"
        let base = "https://pathway.example/bench-\(run)/xapi/"
        var all: [OutboxStatement] = []
        for learner in 0..<100 {
            let progress = CohortGenerator.progress(learner: learner, attempts: 500, library: library, seed: 7)
            let identity = ResolvedIdentity(displayName: nil, account: .account(homePage: "https://bench.example", name: "learner-\(learner)"))
            all += OutboxStatement.all(library: library, progress: progress, configuration: identity.xapiConfiguration(base: XAPIConfiguration(baseIRI: base)))
                .filter { $0.summary.hasPrefix("answered") }
        }
        let ledger = SyncLedger(profileDirectory: scratch.appending(path: "lrs-cohort-bench"), endpoint: client.statementsURL.absoluteString)
        let stored = try LRSSync(client: client, ledger: ledger, batchSize: LRSConfiguration.maximumBatchSize, retryDelays: []).run(all).stored
        precondition(stored == all.count, "the LRS stored \(stored) of \(all.count)")
        let before = transport.milliseconds
        var learners = 0
        var used = 0
        let ms = try milliseconds {
            var source = LRSCohortSource(baseIRI: base)
            try source.read(from: client, pageSize: 10_000)
            used = source.used
            var builder = CohortReport.Builder(library: library)
            for input in source.inputs(source: "LRS") { builder.add(input) }
            let report = builder.report(now: Date())
            learners = report.learnerCount
            _ = try CohortHTMLFormat().render(report)
        }
        precondition(learners == 100 && used == all.count, "read \(learners) learners, \(used) statements")
        let lrsMS = transport.milliseconds - before
        return [
            Measure.report("cohort report from the LRS, 100 learners x 500 statements (read, rebuild, aggregate, HTML)", ms, target: nil)
                + String(format: " = %.0f statements/s", Double(used) / (ms / 1000)),
            Measure.report("  of which Pathway's own work (decode, rebuild, aggregate, render)", ms - lrsMS, target: nil)
                + String(format: " = %.1f%%; waiting for the LRS: %.0f ms", 100 * (ms - lrsMS) / ms, lrsMS),
        ]
    }
}
