import Foundation

/// The placement quiz: an experienced learner answers a few apply-level items per module of a
/// track; modules passed at the pack's mastery threshold are marked *tested out*. Answers go
/// into placement records only, so no lesson answer is ever changed or erased.
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
        /// The last item was answered: each module with its score and whether it was tested out.
        case finished([PlacementResult])
    }

    public struct PlacementResult: Sendable, Equatable {
        public var module: String
        public var title: String
        public var score: Double
        public var testedOut: Bool
    }

    /// The items placement uses for `module`: its `placement` list, else up to
    /// ``Placement/minimumItems`` of its items at apply or above (a non-choice one first); empty
    /// when there are not enough for a fair placement.
    public static func placementItems(of module: Module) -> [any Question] {
        if let listed = module.placement {
            let questions = Dictionary(module.questions.map { ($0.basics.id, $0) }, uniquingKeysWith: { a, _ in a })
            let items = listed.compactMap { questions[$0] }.filter { !($0 is TrueFalseQuestion) }
            return Placement.shortfall(of: items) == nil ? items : []
        }
        let eligible = Placement.defaultItems(of: module)
        guard Placement.shortfall(of: eligible) == nil, let open = eligible.first(where: { !Placement.isChoice($0) }) else { return [] }
        let rest = eligible.filter { $0.questionID != open.questionID }.prefix(Placement.minimumItems - 1)
        return [open] + rest
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
        let items = status.modules.filter { !$0.state.isDone }.flatMap { status in
            Self.placementItems(of: status.module).map { PlacementState.Item(module: status.module, question: $0) }
        }
        guard !items.isEmpty else { return .noItems }
        mode = .placement(PlacementState(pack: pack, trackTitle: status.track.title, items: items, shownAt: clock.now))
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
        let moduleDone = state.current?.module.id != item.module.id
        if moduleDone {
            let answers = state.answers[item.module.id] ?? []
            let score = answers.reduce(0) { $0 + $1.score } / Double(max(answers.count, 1))
            recorded.set(.placements, ProgressKey(pack: state.pack.id, id: item.module.id),
                         to: PlacementRecord(packVersion: state.pack.manifest.version.description, score: score,
                                             testedOut: score >= state.pack.manifest.policy.masteryThreshold, at: clock.now, answers: answers))
            persist()
        }
        guard state.current == nil else {
            mode = .placement(state)
            return .answered(correct: answer.correct)
        }
        mode = .idle
        var seen: Set<String> = []
        let results = state.items.map(\.module).filter { seen.insert($0.id).inserted }.compactMap { module -> PlacementResult? in
            guard let record = progress.placements[ProgressKey(pack: state.pack.id, id: module.id)] else { return nil }
            return PlacementResult(module: module.id, title: module.title, score: record.score, testedOut: record.testedOut)
        }
        return .finished(results)
    }

    /// Leaves the placement quiz; modules already finished keep their result.
    public func leavePlacement() {
        if case .placement = mode { mode = .idle }
    }
}
