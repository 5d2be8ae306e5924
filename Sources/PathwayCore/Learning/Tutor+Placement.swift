import Foundation

/// The placement quiz: an experienced learner answers three apply-level items per module of a
/// track (two more when exactly one of the three was wrong; see ``Placement``); modules passed
/// are marked *tested out*. Answers go into placement records only, so no lesson answer is ever
/// changed or erased.
extension Tutor {
    /// Why a placement quiz cannot start, or how many items it has.
    public enum PlacementStart: Equatable {
        case started(items: Int, modules: Int)
        case unknownTrack(known: [String])
        /// Already taken on this version of the track's pack.
        case alreadyTaken(version: String)
        /// No module of the track has enough suitable items.
        case noItems
    }

    /// What an answer did.
    public enum PlacementOutcome: Equatable {
        case malformed(String)
        case answered(correct: Bool)
        /// The answer ended a module's first round with exactly one wrong: `items` more
        /// questions on `module` (its title) follow, and all of them right tests it out.
        case followUp(correct: Bool, module: String, items: Int)
        /// The last item was answered: each module with its score and whether it was tested out.
        case finished([PlacementResult])
    }

    public struct PlacementResult: Sendable, Equatable {
        public var module: String
        public var title: String
        /// The share of the module's placement answers that were right (partial credit counts).
        public var score: Double
        public var verdict: Placement.Verdict

        public var testedOut: Bool { verdict == .testedOut }
    }

    /// The first-round items placement uses for `module` (``Placement/minimumItems`` of them);
    /// empty when there are not enough for a fair placement.
    public static func placementItems(of module: Module) -> [any Question] { placementRounds(of: module).first }

    /// The first-round items of `module` and the follow-up pool: from its `placement` list (then
    /// its other items at apply or above), else from its items at apply or above with a
    /// non-choice one first; both empty when there are not enough for a fair placement.
    public static func placementRounds(of module: Module) -> (first: [any Question], followUps: [any Question]) {
        let eligible = Placement.defaultItems(of: module)
        if let listed = module.placement {
            let questions = Dictionary(module.questions.map { ($0.basics.id, $0) }, uniquingKeysWith: { a, _ in a })
            let items = listed.compactMap { questions[$0] }.filter { !($0 is TrueFalseQuestion) }
            guard Placement.shortfall(of: items) == nil else { return ([], []) }
            let rounds = Placement.rounds(items)
            let used = Set(items.map(\.questionID))
            return (rounds.first, rounds.followUps + eligible.filter { !used.contains($0.questionID) })
        }
        guard Placement.shortfall(of: eligible) == nil, let open = eligible.first(where: { !Placement.isChoice($0) }) else { return ([], []) }
        return Placement.rounds([open] + eligible.filter { $0.questionID != open.questionID })
    }

    /// The track ids of the learner's path.
    public var placementTracks: [CareerPath.Track] { library.chosenPath(for: progress)?.tracks ?? [] }

    /// Starts the placement quiz of `trackID` (nil: the first track not completed).
    public func beginPlacement(track trackID: String?) -> PlacementStart {
        let overview = self.overview
        let tracks = overview.tracks
        let found = trackID.map { id in tracks.first { $0.track.id == id } } ?? tracks.first { !$0.isCompleted }
        guard let status = found else {
            return .unknownTrack(known: tracks.map(\.track.id))
        }
        let pack = status.modules.first?.pack ?? library.pack(id: status.track.pack)
        guard let pack else { return .noItems }
        let version = pack.manifest.version.description
        if status.modules.contains(where: { progress.placements[ProgressKey(pack: pack.id, id: $0.module.id)]?.packVersion == version }) {
            return .alreadyTaken(version: version)
        }
        var items: [PlacementState.Item] = []
        var followUps: [String: [any Question]] = [:]
        for module in status.modules.filter({ !$0.state.isDone }).map(\.module) {
            let rounds = Self.placementRounds(of: module)
            items += rounds.first.map { PlacementState.Item(module: module, question: $0) }
            followUps[module.id] = rounds.followUps
        }
        guard !items.isEmpty else { return .noItems }
        var state = PlacementState(pack: pack, trackTitle: status.track.title, items: items, shownAt: clock.now)
        state.followUps = followUps
        mode = .placement(state)
        return .started(items: items.count, modules: Set(items.map(\.module.id)).count)
    }

    /// How the current placement question is shown (stable while it is asked).
    public func placementPresentation() -> Presentation? {
        guard var state = placement, let item = state.current else { return nil }
        if let shown = state.presentation { return shown }
        let made = present(item.question, of: state.pack)
        state.presentation = made
        mode = .placement(state)
        return made
    }

    /// Grades one answer (one try per item; `skip` counts as wrong) and moves on; at a module's
    /// last item its result is recorded.
    public func answerPlacement(_ input: String?) -> PlacementOutcome {
        guard var state = placement, let item = state.current, let presentation = placementPresentation() else { return .finished([]) }
        var answer = PlacementAnswer(question: item.question.questionID, answer: "", correct: false, score: 0)
        if let input {
            switch grade(input, to: item.question, in: presentation) {
            case let .failure(message): return .malformed(message.text)
            case let .success(grade):
                answer = PlacementAnswer(question: item.question.questionID, answer: grade.recordedAnswer, correct: grade.isCorrect,
                                         score: grade.isCorrect ? 1 : grade.score)
            }
        }
        state.answers[item.module.id, default: []].append(answer)
        state.index += 1
        state.presentation = nil
        state.shownAt = clock.now
        var followUp: Int?
        if state.current?.module.id != item.module.id {
            let answers = state.answers[item.module.id] ?? []
            let verdict: Placement.Verdict
            if state.followedUp.contains(item.module.id) {
                verdict = answers.suffix(Placement.followUpItems).allSatisfy(\.correct) ? .testedOut : .toStudy
            } else {
                switch Placement.firstRound(right: answers.filter(\.correct).count, of: answers.count) {
                case .passed: verdict = .testedOut
                case .failed: verdict = .toStudy
                case .followUp:
                    let pool = state.followUps[item.module.id] ?? []
                    verdict = .undecided
                    if pool.count >= Placement.followUpItems {
                        let extra = pool.prefix(Placement.followUpItems).map { PlacementState.Item(module: item.module, question: $0) }
                        state.items.insert(contentsOf: extra, at: state.index)
                        state.followedUp.insert(item.module.id)
                        followUp = extra.count
                    }
                }
            }
            if followUp == nil {
                let score = answers.reduce(0) { $0 + $1.score } / Double(max(answers.count, 1))
                recorded.set(.placements, ProgressKey(pack: state.pack.id, id: item.module.id),
                             to: PlacementRecord(packVersion: state.pack.manifest.version.description, score: score,
                                                 verdict: verdict,
                                                 at: clock.now, answers: answers))
                persist()
            }
        }
        if let followUp {
            mode = .placement(state)
            return .followUp(correct: answer.correct, module: item.module.title, items: followUp)
        }
        guard state.current == nil else {
            mode = .placement(state)
            return .answered(correct: answer.correct)
        }
        mode = .idle
        var seen: Set<String> = []
        let results = state.items.map(\.module).filter { seen.insert($0.id).inserted }.compactMap { module -> PlacementResult? in
            guard let record = progress.placements[ProgressKey(pack: state.pack.id, id: module.id)] else { return nil }
            return PlacementResult(module: module.id, title: module.title, score: record.score,
                                   verdict: record.verdict)
        }
        return .finished(results)
    }

    /// Leaves the placement quiz; modules already finished keep their result.
    public func leavePlacement() {
        if case .placement = mode { mode = .idle }
    }
}
