import Foundation

/// Every pack and career path found on the search path, with what was wrong with the rest.
public struct PackLibrary: Sendable {
    /// A pack that was found, loaded or not.
    public struct Entry: Sendable {
        public enum Status: Sendable, Equatable {
            case enabled
            /// The pack has errors or an unmet requirement.
            case disabled(String)
            /// Another copy is used instead (`by`: its version and folder), for `reason`.
            case shadowed(by: String, reason: ShadowReason)
        }

        /// Why another copy of a pack is used.
        public enum ShadowReason: Sendable, Equatable {
            /// It has a higher version.
            case newer
            /// It has the same version and was found earlier on the search path.
            case sameVersion
            /// It is the working copy an author is validating or previewing.
            case workingCopy
        }

        public var id: String
        public var version: SemanticVersion?
        public var title: String
        public var source: PackSource
        public var folder: URL
        public var status: Status

        /// The second line `pack list` shows under the entry, if any.
        public var statusDetail: String? {
            switch status {
            case .enabled: return nil
            case let .disabled(reason): return reason
            case let .shadowed(by, .newer): return "a newer copy is used: \(by)"
            case let .shadowed(by, .sameVersion):
                return "another copy of the same version, found earlier on the search path, is used: \(by)"
            case let .shadowed(by, .workingCopy): return "the working copy is used: \(by)"
            }
        }
    }

    /// Usable packs: path packs first, in path order, then the others by id.
    public private(set) var packs: [Pack]
    public private(set) var entries: [Entry]
    public internal(set) var paths: [CareerPath]
    /// Problems in packs and path files (errors disable the pack; warnings are for authors).
    public internal(set) var diagnostics: [PackDiagnostic]
    /// One line per notable event, for the learner (e.g. a pack shadowed by a newer copy),
    /// terminal-safe: every name in it is escaped.
    public private(set) var notices: [String]

    mutating func note(_ text: TerminalText) { notices.append(text.description) }

    public init(packs: [Pack], paths: [CareerPath] = []) {
        self.packs = packs
        self.paths = paths
        entries = []
        diagnostics = []
        notices = []
    }

    /// Loads everything found in `sources`, in order, reading the packs on all cores.
    public static func load(_ sources: [PackSource], loader: PackLoader = PackLoader()) -> PackLibrary {
        LibraryRead(sources, loader: loader).library(helpers: WorkerThread.processors - 1)
    }

    /// Adds what `folder` held to the entries or diagnostics; a pack that loaded comes back as a
    /// candidate for ``finish(choosingFrom:displays:)``.
    mutating func add(_ result: PackLoadResult, from folder: URL, display: String, source: PackSource) -> (Pack, Entry)? {
        diagnostics += result.diagnostics
        // Without a manifest the folder's name stands for the pack; anyone may name a folder.
        let manifest = result.pack == nil ? result.manifest : nil
        let id = result.pack?.id ?? manifest?.id ?? TerminalText(folder.lastPathComponent).description
        let errors = result.diagnostics.filter { $0.severity == .error }.count
        var entry = Entry(id: id, version: result.pack?.version ?? manifest?.version, title: result.pack?.title ?? manifest?.title ?? id,
                          source: source, folder: folder, status: .enabled)
        if let pack = result.pack { return (pack, entry) }
        entry.status = .disabled(TerminalText("\(Plural.count(errors, "error")); run: pathway pack validate \(display)").description)
        entries.append(entry)
        return nil
    }

    /// Chooses among the packs that loaded and checks the career paths against the result.
    mutating func finish(choosingFrom candidates: [(Pack, Entry)], displays: [String: String]) {
        choose(from: candidates, displays: displays)
        checkPaths()
    }

    /// Keeps the highest version of each id (a working folder's copy always wins), then disables
    /// packs whose requirements are unmet.
    private mutating func choose(from candidates: [(Pack, Entry)], displays: [String: String]) {
        var best: [String: (Pack, Entry)] = [:]
        for (pack, entry) in candidates {
            if let current = best[pack.id] {
                let newer = pack.version > current.0.version
                let wins = entry.source.origin == .working || (current.1.source.origin != .working && newer)
                let (winner, loser) = wins ? ((pack, entry), current) : (current, (pack, entry))
                best[pack.id] = winner
                var shadowed = loser.1
                let reason: Entry.ShadowReason = winner.1.source.origin == .working && winner.0.version <= loser.0.version
                    ? .workingCopy : winner.0.version == loser.0.version ? .sameVersion : .newer
                shadowed.status = .shadowed(by: "\(winner.0.version) in \(winner.1.source.displayPath)", reason: reason)
                entries.append(shadowed)
                note("pack '\(pack.id)': using version \(winner.0.version) from \(winner.1.source.displayPath); version \(loser.0.version) in \(loser.1.source.displayPath) is ignored")
            } else {
                best[pack.id] = (pack, entry)
            }
        }
        // Requirements may chain, so repeat until nothing more is disabled.
        let known = Set(candidates.map(\.0.id))
        var disabled = true
        while disabled {
            disabled = false
            // (Keys sorted, not the entries: moving packs in a sort cost more than choosing them.)
            for id in best.keys.sorted() {
                guard let (pack, entry) = best[id] else { continue }
                for (index, requirement) in pack.head.requires.enumerated() {
                    guard let problem = Self.problem(with: requirement, among: best, known: known) else { continue }
                    var off = entry
                    off.status = .disabled(problem)
                    entries.append(off)
                    note("pack '\(id)' is disabled: \(problem)")
                    diagnostics.append(RequirementLocator.diagnostic(for: pack, requirement: index,
                                                                      display: displays[entry.folder.path] ?? entry.source.displayPath,
                                                                      message: "requirement not met: \(problem)"))
                    best[id] = nil
                    disabled = true
                    break
                }
            }
        }
        // Packs that require each other in a circle cannot be ordered: disable them all.
        let requires = best.mapValues { $0.0.head.requires.map(\.id) }
        for id in best.keys.sorted() where Self.inCycle(id, requires) {
            guard var entry = best[id]?.1 else { continue }
            entry.status = .disabled("its requirements form a cycle back to itself")
            entries.append(entry)
            note("pack '\(id)' is disabled: its requirements form a cycle back to itself")
            best[id] = nil
        }
        var pathOrder: [String: Int] = [:]
        for (index, id) in paths.flatMap({ $0.tracks.map(\.pack) }).enumerated() where pathOrder[id] == nil { pathOrder[id] = index }
        packs = best.keys.sorted { a, b in
            let ia = pathOrder[a] ?? Int.max, ib = pathOrder[b] ?? Int.max
            return ia != ib ? ia < ib : a < b
        }.compactMap { best[$0]?.0 }
        entries += best.values.map(\.1)
        // Sorted by index: moving the entries themselves in the sort cost more than comparing them.
        let order = entries.indices.sorted { a, b in
            (entries[a].id, entries[a].source.displayPath) < (entries[b].id, entries[b].source.displayPath)
        }
        entries = order.map { entries[$0] }
        for path in paths {
            for track in path.tracks where best[track.pack] == nil {
                note("path '\(path.id)': track '\(track.id)' needs pack '\(track.pack)', which is not available")
            }
        }
    }

    /// What is wrong with `requirement` given the packs kept so far, or nil when it is met.
    private static func problem(with requirement: PackRequirement, among best: [String: (Pack, Entry)], known: Set<String>) -> String? {
        guard let needed = best[requirement.id] else {
            let range = requirement.version.map { " \($0)" } ?? ""
            if known.contains(requirement.id) {
                return "needs pack '\(requirement.id)'\(range), which is disabled itself"
            }
            return "needs pack '\(requirement.id)'\(range), which is not installed or on the pack search path"
                + Suggestion.phrase(for: requirement.id, among: known)
        }
        if let text = requirement.version, let range = VersionRange(text), !range.contains(needed.0.version) {
            return "needs \(requirement.id) \(text) but \(needed.0.version) is installed"
        }
        return nil
    }

    /// Whether following `requires` from `id` leads back to `id`.
    static func inCycle(_ id: String, _ requires: [String: [String]]) -> Bool {
        var seen: Set<String> = []
        var stack = requires[id] ?? []
        while let next = stack.popLast() {
            if next == id { return true }
            if seen.insert(next).inserted { stack += requires[next] ?? [] }
        }
        return false
    }

    /// Checks every path against the packs that loaded; a path with errors is not used.
    private mutating func checkPaths() {
        let skills = Set(packs.flatMap(\.head.skills))
        paths = paths.filter { path in
            let found = Self.structureDiagnostics(path) + Self.pathDiagnostics(path, packs: packs, skills: skills)
            diagnostics += found
            return !found.hasErrors
        }
    }

    // MARK: Lookup

    /// The pack with this id.
    public func pack(id: String) -> Pack? { packs.first { $0.id == id } }

    /// Modules matching `reference` (`module` or `pack/module`).
    public func modules(matching reference: String) -> [(pack: Pack, module: Module)] {
        let (packID, id) = Self.split(reference)
        return packs.filter { packID == nil || $0.id == packID }.compactMap { pack in pack.module(id: id).map { (pack, $0) } }
    }

    /// Lessons matching `reference` (`lesson` or `pack/lesson`).
    public func lessons(matching reference: String) -> [(pack: Pack, module: Module, lesson: Lesson)] {
        let (packID, id) = Self.split(reference)
        return packs.filter { packID == nil || $0.id == packID }.compactMap { pack in
            pack.lesson(id: id).map { (pack, $0.module, $0.lesson) }
        }
    }

    private static func split(_ reference: String) -> (String?, String) {
        guard let slash = reference.firstIndex(of: "/") else { return (nil, reference) }
        return (String(reference[..<slash]), String(reference[reference.index(after: slash)...]))
    }
}
