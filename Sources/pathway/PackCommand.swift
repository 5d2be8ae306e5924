import ArgumentParser
import Foundation
import PathwayCore
import PathwayShell

extension Pathway {
    /// Commands for pack authors and instructors.
    struct PackCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pack",
            abstract: "Validate, preview, list, count, create, import, zip, install and remove curriculum packs.",
            subcommands: [Validate.self, Preview.self, List.self, Stats.self, New.self, Import.self, ImportGift.self, ImportAiken.self,
                          Archive.self, Install.self, Remove.self, Diff.self, ExportGift.self, Index.self]
        )
    }
}

extension Pathway.PackCommand {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check packs and print file:line:column diagnostics; exits 1 on errors.",
            discussion: "Each argument is a pack folder, or a folder of packs (such as curricula/)."
        )

        @Argument(help: "Pack folders or folders of packs.")
        var folders: [String]

        @Flag(help: "Treat warnings (including the item-writing lint) as errors: exit non-zero on any.")
        var strict = false

        func run() throws {
            // Requirements resolve against the search path; the folders given shadow other copies.
            let working = folders.map { PackSource(folder: URL(fileURLWithPath: $0), origin: .working, displayPath: $0) }
            let library = PackLibrary.loadWorking(working, searchPath: searchPath(), loader: PackLoader(runsLint: true))
            var diagnostics = library.diagnostics(inside: working)
            for source in working where !library.workingEntries.contains(where: { $0.source.displayPath == source.displayPath }) {
                diagnostics.append(PackDiagnostic(.error, file: source.displayPath, message: "no pack found (a pack folder holds pack.yaml or pack.json)"))
            }
            let packs = library.workingEntries.count
            printDiagnostics(diagnostics)
            let errors = diagnostics.filter { $0.severity == .error }.count
            let warnings = diagnostics.count - errors
            print("\(Plural.count(packs, "pack")) checked: \(Plural.count(errors, "error")), \(Plural.count(warnings, "warning")).")
            if errors > 0 || (strict && warnings > 0) { throw ExitCode.failure }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the packs on the search path with their status.")

        @OptionGroup var common: CommonOptions

        func run() throws {
            let launcher = common.launcher()
            let data = try? DataDirectory.resolve(explicit: common.dataDirectory, environment: launcher.environment)
            // The packs as the tutor sees them, read through the same pack index (read ahead
            // since the process started, when it was: see LibraryPrefetch).
            let sources = launcher.packSources(data: data), loader = launcher.packLoader(data: data)
            let library = LibraryPrefetch.take(sources, loader: loader) ?? PackLibrary.load(sources, loader: loader)
            // The version column is as wide as the longest version, never cut.
            let versionWidth = max(10, (library.entries.map { ($0.version?.description ?? "?").count }.max() ?? 0) + 1)
            let idWidth = max(26, (library.entries.map { TerminalText($0.id).description.count }.max() ?? 0) + 1)
            print("ID".padded(to: idWidth) + "VERSION".padded(to: versionWidth)
                  + "ORIGIN        STATUS     TITLE")
            for entry in library.entries {
                let status: String
                switch entry.status {
                case .enabled: status = "enabled"
                case .disabled: status = "disabled"
                case .shadowed: status = "shadowed"
                }
                let id = TerminalText(entry.id).description, version = entry.version?.description ?? "?"
                let origin = entry.source.origin.rawValue.padded(to: 14)
                Console.line("\(id.padded(to: idWidth))\(version.padded(to: versionWidth))\(origin)\(status.padded(to: 11))\(entry.title)")
                if let detail = entry.statusDetail { Console.line("    \(detail)") }
            }
            for notice in library.notices { Console.note(notice) }
        }
    }

    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Count modules, lessons, graded items by type, hints, explanations and artifact steps per pack."
        )

        @Argument(help: "Pack folders or folders of packs (default: the shipped curricula).")
        var folders: [String] = []

        @Flag(help: "Print JSON.")
        var json = false

        /// Graded items per cognitive level, as counts and shares, and the share at apply or above.
        static func levelLine(_ s: PackStatistics) -> String {
            let total = s.levels.values.reduce(0, +)
            guard total > 0 else { return "levels: no graded items" }
            let order = CognitiveLevel.allCases.map(\.rawValue) + ["unlabelled"]
            let parts = order.compactMap { name in
                s.levels[name].map { "\(name) \($0) (\(Int((Double($0) / Double(total) * 100).rounded()))%)" }
            }
            return "levels: " + parts.joined(separator: ", ") + "; apply or above: \(Int((s.applyOrAboveShare * 100).rounded()))%"
                + (s.scenarioSteps > 0 ? "; scenarios: \(s.scenarioSteps)" : "")
        }

        func run() throws {
            let working = folders.map { PackSource(folder: URL(fileURLWithPath: $0), origin: .working, displayPath: $0) }
            let library = working.isEmpty ? PackLibrary.load(Launcher().packSources(data: nil))
                : PackLibrary.loadWorking(working, searchPath: searchPath(), loader: PackLoader(runsSelfCheck: false))
            let counted = working.isEmpty ? library.packs
                : library.packs.filter { pack in library.workingEntries.contains { $0.id == pack.id && $0.status == .enabled } }
            let stats = counted.map(PackStatistics.init)
            // A pack that does not load is an error, not a silent "0 packs".
            var failed = false
            for entry in library.workingEntries {
                guard case let .disabled(reason) = entry.status else { continue }
                Console.error("pack '\(entry.id)' in \(entry.source.displayPath) is not counted: \(reason)")
                failed = true
            }
            for source in working where !library.workingEntries.contains(where: { $0.source.displayPath == source.displayPath }) {
                Console.error("\(source.displayPath): no pack found (a pack folder holds pack.yaml or pack.json)")
                failed = true
            }
            defer { if failed { Pathway.exit(withError: ExitCode.failure) } }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                print(String(decoding: try encoder.encode(stats), as: UTF8.self))
                return
            }
            for s in stats {
                Console.line("\(s.pack) \(s.version): \(Plural.count(s.modules, "module")), \(Plural.count(s.lessons, "lesson")), \(Plural.count(s.gradedItems, "graded item")) (at least \(s.minimumGradedPerLesson) per lesson)")
                print("  by type: " + s.gradedByType.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
                print("  hints: \(s.hints) on \(Plural.count(s.itemsWithHints, "item")); explanations: \(s.itemsWithExplanation)/\(s.gradedItems); text steps: \(s.textSteps); reflections: \(s.reflectionSteps) (\(s.artifactSteps) portfolio artifacts)")
                Console.line("  skills: \(s.skills.joined(separator: ", "))")
                print("  " + Self.levelLine(s))
            }
            let total = stats.reduce(0) { $0 + $1.gradedItems }
            let graded = stats.reduce(0) { $0 + $1.levels.values.reduce(0, +) }
            let applied = stats.reduce(0.0) { $0 + $1.applyOrAboveShare * Double($1.levels.values.reduce(0, +)) }
            if graded > 0 { print("levels across packs: \(Int((applied / Double(graded) * 100).rounded()))% of \(graded) graded items at apply or above") }
            print("total: \(Plural.count(stats.count, "pack")), \(Plural.count(stats.reduce(0) { $0 + $1.lessons }, "lesson")), \(Plural.count(total, "graded item"))")
            for diagnostic in (working.isEmpty ? library.diagnostics : library.diagnostics(inside: working)) where diagnostic.severity == .error {
                FileHandle.standardError.write(Data("\(diagnostic)\n".utf8))
            }
        }
    }
}

/// The pack search path (shipped curricula, the user's packs, PATHWAY_PACKS) that authors'
/// `requires` resolve against.
func searchPath() -> [PackSource] {
    let launcher = Launcher()
    return launcher.packSources(data: try? DataDirectory.resolve(explicit: nil, environment: launcher.environment))
}
