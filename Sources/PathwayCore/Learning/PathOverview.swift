/// Where a learner stands on every module: locked, available, in progress or completed,
/// following the career paths' tracks and prerequisites.
public struct PathOverview: Sendable {
    public enum State: Sendable, Equatable {
        /// Not open yet; the text names what must be completed first.
        case locked(String)
        case available
        case inProgress
        case completed
        /// Completed, and the graded items reached the pack's mastery threshold.
        case mastered
        /// Passed in the placement quiz at the mastery threshold: counts as done for what
        /// follows, and is still open to study.
        case testedOut

        public var isLocked: Bool { if case .locked = self { return true } else { return false } }
        /// Completed or mastered.
        public var isDone: Bool { self == .completed || self == .mastered || self == .testedOut }
    }

    public struct ModuleStatus: Sendable {
        public var pack: Pack
        public var module: Module
        public var state: State
        public var lessonsCompleted: Int
        /// The mastery score (see ``Mastery``).
        public var masteryScore: Double
        public var lessonsTotal: Int { module.lessons.count }
    }

    public struct TrackStatus: Sendable {
        public var path: CareerPath
        public var track: CareerPath.Track
        public var modules: [ModuleStatus]
        public var isCompleted: Bool { !modules.isEmpty && modules.allSatisfy { $0.state.isDone } }
        public var isLocked: Bool { modules.first?.state.isLocked ?? true }
    }

    public private(set) var tracks: [TrackStatus] = []
    /// Modules of packs no path mentions; always open.
    public private(set) var otherModules: [ModuleStatus] = []
    /// The packs the chosen path's tracks use.
    private var pathPacks: Set<String> = []

    public init(library: PackLibrary, progress: LearnerProgress) {
        self.init(library: library, progress: progress, otherPacks: true)
    }

    /// `otherPacks: false` leaves out the modules of packs no path mentions, which are then
    /// not decoded.
    init(library: PackLibrary, progress: LearnerProgress, otherPacks: Bool) {
        self.init(library: library, progress: progress) { _ in otherPacks }
    }

    /// With the modules of only those packs no path mentions for which `includes` is true.
    init(library: PackLibrary, progress: LearnerProgress, includes: (Pack) -> Bool) {
        func lessonsDone(_ pack: Pack, _ module: Module) -> Int {
            module.lessons.filter { progress.lessons[.lesson(pack, $0)]?.completed == true }.count
        }
        func started(_ pack: Pack, _ module: Module) -> Bool {
            module.lessons.contains { progress.lessons[.lesson(pack, $0)] != nil }
        }
        // A pack the learner has answered nothing in scores 0 on every module with graded items,
        // known from the lessons' counts without reading their outlines.
        let answered = Set(progress.items.keys.map(\.pack)).union(progress.scenarios.keys.map(\.pack))
        func score(_ pack: Pack, _ module: Module) -> Double {
            guard answered.contains(pack.id) else { return module.lessons.allSatisfy { $0.counts.graded == 0 } ? 1 : 0 }
            return Mastery.score(of: module, in: pack, progress: progress).score
        }
        func openState(_ pack: Pack, _ module: Module) -> (State, Int) {
            let done = lessonsDone(pack, module)
            if done == module.lessons.count {
                let mastered = score(pack, module) >= pack.manifest.policy.masteryThreshold
                return (mastered ? .mastered : .completed, done)
            }
            if progress.placements[ProgressKey(pack: pack.id, id: module.id)]?.testedOut == true { return (.testedOut, done) }
            return (started(pack, module) ? .inProgress : .available, done)
        }
        func status(_ pack: Pack, _ module: Module, _ state: State, _ done: Int) -> ModuleStatus {
            ModuleStatus(pack: pack, module: module, state: state, lessonsCompleted: done, masteryScore: score(pack, module))
        }
        var inPath: Set<String> = []
        for path in library.chosenPath(for: progress).map({ [$0] }) ?? [] {
            var completedTracks: [String: Bool] = [:]
            var titles: [String: String] = [:]
            for track in path.tracks {
                titles[track.id] = track.title
                guard let pack = library.pack(id: track.pack) else { continue }
                inPath.insert(pack.id)
                let modules = track.modules.map { ids in ids.compactMap(pack.module(id:)) } ?? pack.modules
                let missing = track.requires.filter { completedTracks[$0] != true }
                var statuses: [ModuleStatus] = []
                var previousCompleted = true
                for module in modules {
                    var (state, done) = openState(pack, module)
                    if !missing.isEmpty && !state.isDone {
                        state = .locked("finish \(missing.map { titles[$0] ?? $0 }.joined(separator: " and ")) first")
                    } else if track.sequential && !previousCompleted && state == .available, let previous = statuses.last {
                        state = .locked("complete '\(previous.module.title)' first")
                    }
                    previousCompleted = state.isDone
                    statuses.append(status(pack, module, state, done))
                }
                let status = TrackStatus(path: path, track: track, modules: statuses)
                completedTracks[track.id] = status.isCompleted
                tracks.append(status)
            }
        }
        pathPacks = inPath
        for pack in library.packs where !inPath.contains(pack.id) && includes(pack) {
            for module in pack.modules {
                let (state, done) = openState(pack, module)
                otherModules.append(status(pack, module, state, done))
            }
        }
    }

    /// The path's tracks alone: the modules of packs no path mentions are left out, and not decoded.
    public static func tracks(library: PackLibrary, progress: LearnerProgress) -> PathOverview {
        PathOverview(library: library, progress: progress, otherPacks: false)
    }

    /// Lessons completed and lessons in all, over every module (as ``allModules`` counts them):
    /// the path's from its tracks, the rest from the packs' heads, so that only the path's packs
    /// are decoded (the greeting and `progress`).
    public func lessonTotals(library: PackLibrary, progress: LearnerProgress) -> (done: Int, total: Int) {
        var done = 0, total = 0
        for status in tracks.flatMap(\.modules) {
            done += status.lessonsCompleted
            total += status.lessonsTotal
        }
        // A pack with no lesson record has no lesson done: its lessons are only counted.
        let begun = Set(progress.lessons.keys.map(\.pack))
        for pack in library.packs where !pathPacks.contains(pack.id) {
            total += pack.head.lessonCount
            guard begun.contains(pack.id) else { continue }
            for module in pack.head.modules {
                done += module.lessons.count { progress.lessons[ProgressKey(pack: pack.id, id: $0)]?.completed == true }
            }
        }
        return (done, total)
    }

    /// The lesson ``nextLesson(progress:)`` gives, looking at the packs no path mentions only
    /// when the path has no module under way or open.
    static func nextLesson(library: PackLibrary, progress: LearnerProgress) -> (pack: Pack, module: Module, lesson: Lesson)? {
        let path = PathOverview(library: library, progress: progress, otherPacks: false)
        // A path module comes first unless another pack's module is under way.
        let otherUnderWay = library.packs.contains { pack in
            !path.pathPacks.contains(pack.id) && pack.head.modules.contains { $0.lessons.contains { progress.lessons[ProgressKey(pack: pack.id, id: $0)] != nil } }
        }
        if !otherUnderWay, let next = path.nextLesson(progress: progress) { return next }
        return PathOverview(library: library, progress: progress).nextLesson(progress: progress)
    }

    /// Every module, path modules first.
    public var allModules: [ModuleStatus] { tracks.flatMap(\.modules) + otherModules }

    /// A module of a pack no path mentions, as `path` and `list` show it.
    public enum OtherModule: Sendable {
        case status(ModuleStatus)
        /// A module of a pack the learner has no record of a lesson or a placement in, told by
        /// the pack's head without decoding its modules: open, and no lesson of it done (the
        /// state ``PathOverview`` would give it).
        case notBegun(pack: Pack, module: PackHead.ModuleHead)

        public var pack: Pack {
            switch self {
            case let .status(status): status.pack
            case let .notBegun(pack, _): pack
            }
        }
    }

    /// The path's tracks, and every module of the packs no path mentions, in the order of
    /// ``allModules``; the modules of a pack the learner has not begun come from its head, so
    /// `path` and `list` decode no more of it than start-up does.
    public static func listing(library: PackLibrary, progress: LearnerProgress) -> (path: PathOverview, others: [OtherModule]) {
        var begun = Set(progress.lessons.keys.map(\.pack))
        begun.formUnion(progress.placements.keys.map(\.pack))
        // A module without lessons counts as done, which only its full status tells.
        func notBegun(_ pack: Pack) -> Bool { !begun.contains(pack.id) && pack.head.modules.allSatisfy { !$0.lessons.isEmpty } }
        let overview = PathOverview(library: library, progress: progress) { !notBegun($0) }
        var others: [OtherModule] = []
        var statuses = overview.otherModules[...]
        for pack in library.packs where !overview.pathPacks.contains(pack.id) {
            if notBegun(pack) {
                others += pack.head.modules.map { .notBegun(pack: pack, module: $0) }
            } else {
                while let status = statuses.first, status.pack.id == pack.id {
                    others.append(.status(status))
                    statuses = statuses.dropFirst()
                }
            }
        }
        return (overview, others)
    }

    /// The state of one module.
    public func state(pack: String, module: String) -> State? {
        allModules.first { $0.pack.id == pack && $0.module.id == module }?.state
    }

    /// The first lesson not yet completed in the first open module, following the path.
    public func nextLesson(progress: LearnerProgress) -> (pack: Pack, module: Module, lesson: Lesson)? {
        let open = allModules.filter { !$0.state.isLocked && !$0.state.isDone }
        // A module already under way comes before a fresh one.
        let ordered = open.filter { $0.state == .inProgress } + open.filter { $0.state == .available }
        for status in ordered {
            if let lesson = status.module.lessons.first(where: { progress.lessons[.lesson(status.pack, $0)]?.completed != true }) {
                return (status.pack, status.module, lesson)
            }
        }
        return nil
    }
}
