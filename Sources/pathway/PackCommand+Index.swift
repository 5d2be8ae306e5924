import ArgumentParser
import Foundation
import PathwayCore
import PathwayShell

extension Pathway.PackCommand {
    /// Writes the index of the shipped packs beside them, as an install does.
    struct Index: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the index of a folder of packs beside them, so a first start-up reads no YAML.",
            discussion: """
                The tutor keeps a compact index of each pack in its data folder and checks it against the pack's files at \
                every start. This writes the same index into FOLDER/.pathway-index (default: the shipped curricula), where \
                the tutor looks when its data folder has none: scripts/install.sh runs it after copying the packs. An index \
                whose pack has changed since is ignored.
                """
        )

        @Argument(help: "A folder of packs (default: the shipped curricula).")
        var folder: String?

        func run() throws {
            let launcher = Launcher()
            let source: PackSource
            if let folder {
                source = PackSource(folder: URL(fileURLWithPath: folder), origin: .option, displayPath: folder)
            } else if let shipped = PackSource.shipped(environment: launcher.environment, executable: launcher.executable,
                                                       workingDirectory: launcher.workingDirectory) {
                source = shipped
            } else {
                throw CommandFailure("no shipped curricula found; name a folder of packs")
            }
            let cache = PackCache(directory: source.folder.appending(path: PackCache.sharedFolderName))
            try? FileManager.default.removeItem(at: cache.directory)
            let library = PackLibrary.load([source], loader: PackLoader(runsSelfCheck: false, cache: cache))
            let count = library.packs.count
            Console.line("Wrote the index of \(Plural.count(count, "pack")) to \(source.displayPath)/\(PackCache.sharedFolderName).")
            for entry in library.entries where entry.status != .enabled {
                Console.note("pack '\(entry.id)' is not indexed: \(entry.unusedReason ?? "it does not load")")
            }
        }
    }
}
