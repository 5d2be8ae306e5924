import ArgumentParser
import Foundation
import PathwayCore
import PathwayShell

/// `pathway pack pack`, `install` and `remove`: sharing packs as zip files.
extension Pathway.PackCommand {
    struct Archive: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pack",
            abstract: "Validate a pack folder and zip it for sharing; a pack with errors is refused."
        )
        @Argument(help: "The pack folder.")
        var folder: String
        @Option(help: "The zip file to write (default: ./ID-VERSION.zip).")
        var out: String?

        func run() throws {
            let url = URL(fileURLWithPath: folder)
            guard PackLoader.isPack(url) else { fail(PackagingError.notAPack(folder).description) }
            let load = PackLoader().load(url, displayPath: folder)
            guard let manifest = load.manifest, !load.diagnostics.hasErrors else {
                printDiagnostics(load.diagnostics)
                fail(PackagingError.invalidPack(folder, load.diagnostics).description)
            }
            let destination = URL(fileURLWithPath: out ?? "\(manifest.id)-\(manifest.version).zip")
            do {
                let summary = try PackArchiver.archive(folder: url, to: destination, displayPath: folder)
                printDiagnostics(summary.warnings)
                print("Wrote \(out ?? destination.lastPathComponent): pack '\(summary.id)' \(summary.version), \(Plural.count(summary.files, "file")).")
            } catch let error as PackagingError {
                report(error)
            }
        }
    }

    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Install a pack folder or .zip into your packs folder (DATA/packs).",
            discussion: "Everything is checked before anything is written; a zip may not hold paths leaving the pack, symbolic links, more than 5,000 entries or more than 50 MiB."
        )
        @Argument(help: "A pack folder or a .zip made by 'pathway pack pack'.")
        var source: String
        @Option(name: .customLong("data-dir"), help: "The data directory whose packs/ folder receives the pack.")
        var dataDirectory: String?
        @Flag(help: "Install even when the same or a newer version is installed.")
        var force = false

        func run() throws {
            let data = try DataDirectory.resolve(explicit: dataDirectory, environment: ProcessInfo.processInfo.environment)
            do {
                let installed = try PackInstaller(packsDirectory: data.packsDirectory).install(from: URL(fileURLWithPath: source), force: force)
                printDiagnostics(installed.warnings)
                let replaced = installed.replaced.map { " (replacing \($0))" } ?? ""
                print("Installed pack '\(installed.id)' \(installed.version)\(replaced) into \(installed.folder.path).")
                if let diff = installed.diff {
                    for line in diff.lines(answered: diff.answered(by: Learners.all(in: data))) { print(line) }
                }
                // Say plainly when the pack just installed will not be used, and why.
                let library = PackLibrary.load(Launcher().packSources(data: data), loader: PackLoader(runsSelfCheck: false))
                if let entry = library.entries.first(where: { $0.id == installed.id && $0.folder.standardizedFileURL == installed.folder.standardizedFileURL }),
                   let reason = entry.unusedReason {
                    FileHandle.standardError.write(Data("warning: pack '\(installed.id)' is installed but \(reason)\n".utf8))
                    print("The pack is installed but will not be offered to learners until that is fixed.")
                }
            } catch let error as PackagingError {
                report(error)
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a pack installed in your packs folder.")
        @Argument(help: "The pack id.")
        var id: String
        @Option(name: .customLong("data-dir"), help: "The data directory whose packs/ folder holds the pack.")
        var dataDirectory: String?

        func run() throws {
            let data = try DataDirectory.resolve(explicit: dataDirectory, environment: ProcessInfo.processInfo.environment)
            do {
                let removed = try PackInstaller(packsDirectory: data.packsDirectory).remove(id: id)
                print("Removed pack '\(removed.id)' \(removed.version) from \(data.packsDirectory.path). Progress on it is kept.")
            } catch let error as PackagingError {
                report(error)
            }
        }
    }
}

/// Prints a packaging error (with the pack's diagnostics, if any) and exits with status 1.
private func report(_ error: PackagingError) -> Never {
    if case let .invalidPack(_, diagnostics) = error { printDiagnostics(diagnostics) }
    fail(error.description)
}
