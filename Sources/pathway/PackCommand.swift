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
                          Archive.self, Install.self, Remove.self]
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

        @Flag(help: "Exit non-zero on warnings too.")
        var strict = false

        func run() throws {
            var diagnostics: [PackDiagnostic] = []
            var packs = 0
            for folder in folders {
                let url = URL(fileURLWithPath: folder)
                if PackLoader.isPack(url) {
                    diagnostics += PackLoader().load(url, displayPath: folder).diagnostics
                    packs += 1
                } else {
                    let library = PackLibrary.load([PackSource(folder: url, origin: .option, displayPath: folder)])
                    diagnostics += library.diagnostics
                    packs += library.entries.count
                    if library.entries.isEmpty {
                        diagnostics.append(PackDiagnostic(.error, file: folder, message: "no pack found (a pack folder holds pack.yaml or pack.json)"))
                    }
                }
            }
            printDiagnostics(diagnostics)
            let errors = diagnostics.filter { $0.severity == .error }.count
            let warnings = diagnostics.count - errors
            print("\(packs) pack\(packs == 1 ? "" : "s") checked: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s").")
            if errors > 0 || (strict && warnings > 0) { throw ExitCode.failure }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the packs on the search path with their status.")

        @OptionGroup var common: CommonOptions

        func run() throws {
            let launcher = common.launcher()
            let data = try? DataDirectory.resolve(explicit: common.dataDirectory, environment: launcher.environment)
            let library = PackLibrary.load(launcher.packSources(data: data))
            print("ID".padding(toLength: 26, withPad: " ", startingAt: 0) + "VERSION   ORIGIN        STATUS     TITLE")
            for entry in library.entries {
                let status: String
                switch entry.status {
                case .enabled: status = "enabled"
                case .disabled: status = "disabled"
                case .shadowed: status = "shadowed"
                }
                print(entry.id.padding(toLength: 26, withPad: " ", startingAt: 0)
                      + (entry.version?.description ?? "?").padding(toLength: 10, withPad: " ", startingAt: 0)
                      + entry.source.origin.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0)
                      + status.padding(toLength: 11, withPad: " ", startingAt: 0) + entry.title)
                switch entry.status {
                case let .disabled(reason): print("    \(reason)")
                case let .shadowed(by): print("    a newer copy is used: \(by)")
                case .enabled: break
                }
            }
            for notice in library.notices { FileHandle.standardError.write(Data("note: \(notice)\n".utf8)) }
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

        func run() throws {
            let launcher = Launcher()
            let sources = folders.isEmpty
                ? launcher.packSources(data: nil)
                : folders.map { PackSource(folder: URL(fileURLWithPath: $0), origin: .option, displayPath: $0) }
            let library = PackLibrary.load(sources)
            let stats = library.packs.map(PackStatistics.init)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                print(String(decoding: try encoder.encode(stats), as: UTF8.self))
                return
            }
            for s in stats {
                print("\(s.pack) \(s.version): \(s.modules) modules, \(s.lessons) lessons, \(s.gradedItems) graded items (at least \(s.minimumGradedPerLesson) per lesson)")
                print("  by type: " + s.gradedByType.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
                print("  hints: \(s.hints) on \(s.itemsWithHints) items; explanations: \(s.itemsWithExplanation)/\(s.gradedItems); text steps: \(s.textSteps); reflections: \(s.reflectionSteps) (\(s.artifactSteps) portfolio artifacts)")
                print("  skills: " + s.skills.joined(separator: ", "))
            }
            let total = stats.reduce(0) { $0 + $1.gradedItems }
            print("total: \(stats.count) packs, \(stats.reduce(0) { $0 + $1.lessons }) lessons, \(total) graded items")
            for diagnostic in library.diagnostics where diagnostic.severity == .error {
                FileHandle.standardError.write(Data("\(diagnostic)\n".utf8))
            }
        }
    }
}
