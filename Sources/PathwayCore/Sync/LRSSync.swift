import Foundation

/// Sends a profile's outbox to an LRS in batches, marking statements sent only once the LRS
/// said it holds them.
///
/// - 200 (ids of the statements it stored) and 204 (it held them all already): acknowledged.
/// - 5xx, timeouts, dropped connections: the batch is tried again after `retryDelays`; when
///   they run out the sync stops and everything not acknowledged stays queued.
/// - 401/403: stops at once with what to check.
/// - 400/422 (a statement refused) and 409 (a different statement holds the id): the batch is
///   split in halves until the statement responsible is found; the others are sent, the
///   refused one is reported by id and stays queued (a 409 one is acknowledged: the LRS has a
///   statement under that id already).
public struct LRSSync {
    public var client: LRSClient
    public var ledger: SyncLedger
    public var batchSize: Int
    public var retryDelays: [TimeInterval]
    public var sleep: (TimeInterval) -> Void
    public var clock: Clock

    public init(client: LRSClient, ledger: SyncLedger, batchSize: Int = LRSConfiguration.defaultBatchSize,
                retryDelays: [TimeInterval] = [0.5, 1, 2, 4], sleep: @escaping (TimeInterval) -> Void = { Thread.sleep(forTimeInterval: $0) },
                clock: Clock = .system) {
        self.client = client
        self.ledger = ledger
        self.batchSize = max(1, batchSize)
        self.retryDelays = retryDelays
        self.sleep = sleep
        self.clock = clock
    }

    /// What a sync did.
    public struct Report: Sendable, Equatable {
        /// Statements waiting before the sync.
        public var queued = 0
        /// Statements in the batches POSTed (counting a retried batch once).
        public var posted = 0
        /// Statements the LRS said it stored now.
        public var stored = 0
        /// Statements the LRS held already (sent before, acknowledgement lost).
        public var alreadyHeld = 0
        public var batches = 0
        /// Statements the LRS refused: id, what it records, why.
        public var refused: [Refusal] = []
        /// Still queued after the sync.
        public var remaining = 0

        public init() {}

        public struct Refusal: Sendable, Equatable {
            public var id: String
            public var summary: String
            public var status: Int
            public var reason: String
        }
    }

    /// The statements of `all` the LRS has not acknowledged.
    public func pending(_ all: [OutboxStatement]) -> [OutboxStatement] {
        let acknowledged = ledger.acknowledged()
        return all.filter { !acknowledged.contains($0.id) }
    }

    /// Sends what is pending. Throws ``SyncError`` when it had to stop (credentials, an LRS
    /// that stays unreachable); the status file records the outcome either way.
    @discardableResult
    public func run(_ all: [OutboxStatement]) throws -> Report {
        var status = ledger.status()
        status.lastAttempt = clock.now
        let pending = pending(all)
        var report = Report()
        report.queued = pending.count
        do {
            var start = 0
            while start < pending.count {
                let batch = Array(pending[start..<min(start + batchSize, pending.count)])
                try send(batch, into: &report)
                start += batch.count
            }
            report.remaining = report.refused.count
            status.lastSuccess = clock.now
            status.lastError = report.refused.first.map { "refused \($0.id) (\($0.summary)): HTTP \($0.status) \($0.reason)" }
            try ledger.save(status)
            return report
        } catch {
            status.lastError = "\(error)"
            try? ledger.save(status)
            throw error
        }
    }

    private func send(_ batch: [OutboxStatement], into report: inout Report) throws {
        let response = try postWithRetries(batch)
        report.posted += batch.count
        report.batches += 1
        switch response.status {
        case 200:
            let ids = (try? JSONDecoder().decode([String].self, from: response.body)) ?? batch.map(\.id)
            try ledger.acknowledge(batch.map(\.id))
            report.stored += ids.count
            report.alreadyHeld += batch.count - ids.count
        case 204:
            try ledger.acknowledge(batch.map(\.id))
            report.alreadyHeld += batch.count
        case 401, 403:
            throw SyncError.credentials(status: response.status, user: client.user)
        case 400, 409, 413, 422:
            if batch.count > 1 {
                let half = batch.count / 2
                try send(Array(batch[..<half]), into: &report)
                try send(Array(batch[half...]), into: &report)
            } else if let statement = batch.first {
                if response.status == 409 { try ledger.acknowledge([statement.id]) }
                report.refused.append(.init(id: statement.id, summary: statement.summary, status: response.status,
                                            reason: LRSClient.reason(response.body)))
            }
        default:
            throw SyncError.unexpected("the LRS answered HTTP \(response.status): \(LRSClient.reason(response.body))")
        }
    }

    /// POSTs, trying again after each delay on 5xx answers and network failures.
    private func postWithRetries(_ batch: [OutboxStatement]) throws -> HTTPResponse {
        var failure = ""
        for attempt in 0...retryDelays.count {
            if attempt > 0 { sleep(retryDelays[attempt - 1]) }
            do {
                let response = try client.post(batch)
                guard (500...599).contains(response.status) else { return response }
                failure = "the LRS answered HTTP \(response.status): \(LRSClient.reason(response.body))"
            } catch let error as TransportError {
                if case .unavailable = error { throw SyncError.unavailable(error.description) }
                failure = error.description
            }
        }
        throw SyncError.unavailable("\(failure) (tried \(Plural.count(retryDelays.count + 1, "time")))")
    }
}
