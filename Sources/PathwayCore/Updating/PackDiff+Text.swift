import Foundation

extension PackDiff {
    /// Loads the pack in a folder or a pack zip for comparing; a zip is checked as `pack
    /// install` checks it and unpacked into `scratch`.
    public static func loadPack(_ url: URL, display: String, scratch: URL) throws -> Pack {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { throw PackagingError.notAPack(display) }
        var root = url
        if !isDirectory.boolValue {
            let reader = try PackArchiveReader(url: url, limits: .standard)
            let entries = try reader.check()
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            try reader.extract(entries, into: scratch)
            root = scratch
            if !PackLoader.isPack(root) {
                let children = ((try? FileManager.default.contentsOfDirectory(atPath: scratch.path)) ?? []).filter { !$0.hasPrefix(".") }
                if children.count == 1 { root = scratch.appending(path: children[0]) }
            }
        }
        guard PackLoader.isPack(root) else { throw PackagingError.notAPack(display) }
        let load = PackLoader(runsSelfCheck: false).load(root, displayPath: display)
        guard let pack = load.pack else { throw PackagingError.invalidPack(display, load.diagnostics) }
        return pack
    }

    /// For every retired progress key, the learners (profile names) who answered it.
    public func answered(by learners: [(name: String, progress: LearnerProgress)]) -> [String: [String]] {
        var found: [String: [String]] = [:]
        for key in retiredProgressKeys {
            let names = learners.filter { $0.progress.items[ProgressKey(rawValue: key)]?.attempts.isEmpty == false }.map(\.name)
            if !names.isEmpty { found[key] = names.sorted() }
        }
        return found
    }

    /// The diff as lines for the terminal; `answered` says who answered retired questions.
    public func lines(answered: [String: [String]] = [:]) -> [String] {
        var out = ["pack '\(id)' \(oldVersion) -> \(newVersion)"]
        if isEmpty { return out + ["  no step added, removed or changed"] }
        func who(_ key: String) -> String {
            guard let names = answered[key] else { return "" }
            return "; answered by \(Plural.count(names.count, "learner")) (\(names.joined(separator: ", "))): their answers are kept, marked retired"
        }
        func describe(_ step: StepRef) -> String {
            "\(step.id) (\(step.type) in lesson \(step.lesson))" + (step.title.isEmpty ? "" : " \"\(Self.short(step.title))\"")
        }
        if !added.isEmpty {
            out.append("added \(added.count):")
            out += added.map { "  + \(describe($0))" }
        }
        if !removed.isEmpty {
            out.append("removed \(removed.count):")
            out += removed.map { step in
                "  - \(describe(step))" + who(retiredProgressKeys.first { Self.baseID($0) == "\(id)/\(step.id)" } ?? "")
            }
        }
        if !changed.isEmpty {
            out.append("changed \(changed.count):")
            for entry in changed {
                let retiredKey = retiredProgressKeys.first { Self.baseID($0) == "\(id)/\(entry.step.id)" }
                for change in entry.changes {
                    let text: String
                    switch change {
                    case let .key(from, to, true):
                        text = "answer key changed from '\(Self.short(from))' to '\(Self.short(to))'; revision raised, so the question is asked again"
                            + (retiredKey.map(who) ?? "")
                    case let .key(from, to, false):
                        text = "ERROR answer key changed from '\(Self.short(from))' to '\(Self.short(to))' under the same id; raise its 'revision:' or give it a new id"
                            + (retiredKey.map(who) ?? "")
                    case let .options(removed, added):
                        text = "choices changed:" + (removed.isEmpty ? "" : " removed \(removed.map { "'\(Self.short($0))'" }.joined(separator: ", "))")
                            + (added.isEmpty ? "" : (removed.isEmpty ? "" : ";") + " added \(added.map { "'\(Self.short($0))'" }.joined(separator: ", "))")
                    case let .moved(from, to):
                        text = "moved from lesson \(from) to \(to)"
                    case .wording:
                        text = "wording changed (prompt, explanation, hints or feedback)"
                    case let .revisionOnly(from, to):
                        text = "revision \(from) -> \(to) with the same answer key; the question is asked again" + (retiredKey.map(who) ?? "")
                    }
                    out.append("  ~ \(entry.step.id): \(text)")
                }
            }
        }
        let errors = unbumpedKeyChanges.count
        if errors > 0 { out.append("\(Plural.count(errors, "answer key")) changed without a raised revision") }
        return out
    }

    /// `pack/id` for `pack/id@rN`.
    static func baseID(_ key: String) -> String {
        key.firstIndex(of: "@").map { String(key[..<$0]) } ?? key
    }

    static func short(_ text: String) -> String {
        let line = text.split(separator: "\n").first.map(String.init) ?? text
        return line.count > 60 ? String(line.prefix(57)) + "..." : line
    }
}
