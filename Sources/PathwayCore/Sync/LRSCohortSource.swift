import Foundation

/// Rebuilds each learner's progress from the statements Pathway sent to an LRS, so that the
/// cohort report is built by the same code as from exported files (``CohortReport/Builder``)
/// and gives the same figures: `answered` statements become attempts (answer, correctness,
/// time and hints from the statement's result and Pathway's extensions), `attempted` and
/// `completed` become lessons started and completed, scenario decisions and finished runs,
/// portfolio pieces and placement results become their records (see
/// ``XAPIStatementBuilder``). Statements about activities outside `baseIRI` are ignored;
/// `pack` and `since` filter on this side: not every LRS filters by activity (Ralph's
/// file-system backend does not), an LRS's `since` is the time a statement was stored, and a
/// learner with nothing in the pack or period is still listed, as their progress file would be.
public struct LRSCohortSource {
    public var baseIRI: String
    public var pack: String?
    public var since: Date?
    var learners: [String: LearnerProgress] = [:]
    private var seen: Set<String> = []
    /// Each attempt's number (Pathway's `attempt` extension), by learner and item, parallel to
    /// the item's attempts: statements may come back in any order.
    private var attemptNumbers: [String: [Int]] = [:]
    /// Statements read and statements used.
    public private(set) var read = 0
    public private(set) var used = 0

    public init(baseIRI: String = XAPIConfiguration().baseIRI, pack: String? = nil, since: Date? = nil) {
        self.baseIRI = XAPIConfiguration(baseIRI: baseIRI).baseIRI
        self.pack = pack
        self.since = since
    }

    /// Reads every page from `client` (following `more` links), `pageSize` statements a page.
    public mutating func read(from client: LRSClient, pageSize: Int = 1_000) throws {
        var components = URLComponents(url: client.statementsURL, resolvingAgainstBaseURL: false)
        var query = components?.queryItems ?? []
        query.append(URLQueryItem(name: "limit", value: String(pageSize)))
        // No `since` for the LRS: it would filter on when statements were stored, not when they
        // happened, and drop the learners with nothing in the period, whom files list.
        components?.queryItems = query
        guard var next = components?.url else { throw SyncError.configuration("cannot build the statements query for \(client.statementsURL)") }
        let decoder = JSONDecoder()
        var pages = 0
        while true {
            let response: HTTPResponse
            do {
                response = try client.get(next)
            } catch let error as TransportError {
                throw SyncError.unavailable(error.description)
            }
            switch response.status {
            case 200: break
            case 401, 403: throw SyncError.credentials(status: response.status, user: client.user)
            default: throw SyncError.unexpected("the LRS answered HTTP \(response.status) to GET statements: \(LRSClient.reason(response.body))")
            }
            let page: StatementPage
            do {
                page = try decoder.decode(StatementPage.self, from: response.body)
            } catch {
                throw SyncError.unexpected("the LRS's answer to GET statements is not a statement result: \(error)")
            }
            for statement in page.statements { add(statement) }
            pages += 1
            guard let more = page.more, !more.isEmpty, !page.statements.isEmpty, let url = client.resolve(more: more) else { return }
            guard pages < 1_000_000 else { throw SyncError.unexpected("the LRS's `more` links do not end") }
            next = url
        }
    }

    /// Adds one statement.
    mutating func add(_ statement: FetchedStatement) {
        read += 1
        guard seen.insert(statement.id).inserted, statement.object.id.hasPrefix(baseIRI + "packs/"),
              let timestamp = statement.timestamp, let at = ProgressFileDecoder.parseDate(timestamp) else { return }
        // Every learner Pathway sent anything for is listed, as a progress file is, even with
        // nothing inside the period or pack.
        let (key, identity, profile) = Self.learner(statement.actor)
        var progress = learners[key] ?? {
            var fresh = LearnerProgress(profile: profile, now: at)
            fresh.learner = identity
            return fresh
        }()
        if learners[key] == nil { learners[key] = progress }
        if let since, at < since { return }
        let path = statement.object.id.dropFirst(baseIRI.count).split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }
        // `packs/P/KIND/ID`, and `packs/P/scenarios/ID/nodes/NODE` for a scenario's decisions.
        guard path.count == 4 || (path.count == 6 && path[2] == "scenarios" && path[4] == "nodes"), path[0] == "packs" else { return }
        let (packID, kind, id) = (path[1], path.count == 6 ? "scenario-nodes" : path[2], path[3])
        if let pack, pack != packID { return }
        let verb = statement.verb.id.split(separator: "/").last.map(String.init) ?? ""
        let recordKey = ProgressKey(pack: packID, id: id)
        switch (kind, verb) {
        case ("lessons", "attempted"):
            var lesson = progress.lessons[recordKey] ?? LessonRecord(startedAt: at)
            lesson.startedAt = min(lesson.startedAt, at)
            lesson.lastVisitedAt = max(lesson.lastVisitedAt, at)
            progress.lessons[recordKey] = lesson
        case ("lessons", "completed"):
            var lesson = progress.lessons[recordKey] ?? LessonRecord(startedAt: at)
            lesson.completed = true
            lesson.completedAt = min(lesson.completedAt ?? at, at)
            lesson.lastVisitedAt = max(lesson.lastVisitedAt, at)
            progress.lessons[recordKey] = lesson
        case ("questions", "answered"):
            let result = statement.result
            let extensions = result?.extensions ?? [:]
            let seconds = extensions[XAPIExtension.seconds.iri(baseIRI)]?.number ?? 0
            let attempt = Attempt(answer: extensions[XAPIExtension.answer.iri(baseIRI)]?.text ?? result?.response ?? "",
                                  correct: result?.success ?? false, score: extensions[XAPIExtension.score.iri(baseIRI)]?.number, at: at, seconds: seconds,
                                  hintsUsed: extensions[XAPIExtension.hintsUsed.iri(baseIRI)]?.whole ?? 0)
            attemptNumbers[key + "\n" + recordKey.rawValue, default: []].append(extensions[XAPIExtension.attempt.iri(baseIRI)]?.whole ?? 0)
            var item = progress.items[recordKey] ?? ItemRecord()
            item.attempts.append(attempt)
            item.secondsSpent += seconds
            progress.items[recordKey] = item
        case ("scenario-nodes", "answered"):
            Self.addDecision(statement, node: path[5], at: at, to: &progress.scenarios[recordKey, default: ScenarioRecord()], baseIRI: baseIRI)
        case ("scenarios", "completed"):
            Self.addFinish(statement, at: at, to: &progress.scenarios[recordKey, default: ScenarioRecord()], baseIRI: baseIRI)
        case ("reflections", "responded"):
            guard let record = Self.reflection(statement, at: at, baseIRI: baseIRI) else { return }
            if progress.reflections[recordKey].map({ $0.savedAt <= at }) ?? true { progress.reflections[recordKey] = record }
        case ("placements", "passed"), ("placements", "failed"):
            let record = Self.placement(statement, at: at, baseIRI: baseIRI)
            if progress.placements[recordKey].map({ $0.at <= at }) ?? true { progress.placements[recordKey] = record }
        default:
            return
        }
        progress.createdAt = min(progress.createdAt, at)
        progress.updatedAt = max(progress.updatedAt, at)
        learners[key] = progress
        used += 1
    }

    /// The learners, one input each, sorted by actor.
    public func inputs(source: String) -> [CohortReport.Input] {
        learners.keys.sorted().compactMap { key in
            guard var progress = learners[key] else { return nil }
            for (itemKey, var item) in progress.items {
                let numbers = attemptNumbers[key + "\n" + itemKey.rawValue] ?? []
                item.attempts = item.attempts.enumerated()
                    .sorted { (numbers[$0.offset], $0.element.at, $0.offset) < (numbers[$1.offset], $1.element.at, $1.offset) }
                    .map(\.element)
                // Summed in attempt order, as the tutor summed them.
                item.secondsSpent = item.attempts.reduce(0) { $0 + $1.seconds }
                progress.items[itemKey] = item
            }
            for (scenarioKey, record) in progress.scenarios { progress.scenarios[scenarioKey] = Self.ordered(record) }
            return CohortReport.Input(source: "\(source) \(key)", progress: progress)
        }
    }

    /// A key for the actor, the identity it carries, and a profile name for it.
    static func learner(_ actor: FetchedStatement.Actor) -> (String, LearnerIdentity, String) {
        if let account = actor.account {
            return (account.homePage + " " + account.name,
                    LearnerIdentity(displayName: actor.name, account: .account(homePage: account.homePage, name: account.name)), account.name)
        }
        let email = actor.mbox.map { $0.hasPrefix("mailto:") ? String($0.dropFirst(7)) : $0 } ?? "unknown"
        return ("mailto:" + email, LearnerIdentity(displayName: actor.name, account: .mbox(email)), email)
    }
}
