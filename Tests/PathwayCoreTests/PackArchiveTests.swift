import Foundation
import Testing
@testable import PathwayCore

/// Zipping, installing and removing packs; hostile archives are refused before anything is
/// written and leave the packs folder as it was.
@Suite struct PackArchiveTests {
    /// A data directory with a scaffolded pack to work on.
    struct Workspace {
        let directory = TemporaryDirectory()
        var packs: URL { directory.url.appending(path: "data/packs") }
        var installer: PackInstaller { PackInstaller(packsDirectory: packs) }

        /// Writes a valid pack `id` at `version` and returns its folder.
        func pack(_ id: String = "demo", version: String = "1.0.0") throws -> URL {
            let folder = directory.url.appending(path: "src-\(id)-\(version)-\(UUID().uuidString)")
            try GeneratedFile.write(PackScaffold.files(id: id).map { file in
                var file = file
                file.text = file.text.replacingOccurrences(of: "version: \"0.1.0\"", with: "version: \"\(version)\"")
                return file
            }, to: folder)
            return folder
        }

        /// Every path under the data directory, with file sizes: what "unchanged" compares.
        func snapshot() -> [String] {
            let root = directory.url.appending(path: "data")
            guard FileManager.default.fileExists(atPath: root.path), let enumerator = FileManager.default.enumerator(atPath: root.path) else {
                return ["<no data directory>"]
            }
            return enumerator.compactMap { $0 as? String }.sorted().map { path in
                let size = (try? FileManager.default.attributesOfItem(atPath: root.appending(path: path).path)[.size] as? NSNumber)?.intValue ?? -1
                return "\(path) \(size)"
            }
        }

        func zip(_ name: String, _ build: (ZipWriter) throws -> Void) throws -> URL {
            let url = directory.url.appending(path: name)
            try build(try ZipWriter(creating: url))
            return url
        }
    }

    @Test func aGoodZipInstallsAndLoads() throws {
        let space = Workspace()
        defer { space.directory.remove() }
        let zip = space.directory.url.appending(path: "demo.zip")
        let summary = try PackArchiver.archive(folder: try space.pack(), to: zip)
        #expect(summary.id == "demo" && summary.files == 3)
        let installed = try space.installer.install(from: zip)
        #expect(installed.id == "demo" && installed.version == SemanticVersion(1, 0, 0) && installed.replaced == nil)
        #expect(installed.folder.lastPathComponent == "demo")
        let load = PackLoader().load(installed.folder)
        #expect(load.diagnostics.isEmpty, "\(load.diagnostics)")
        // Nothing else is left in the packs folder (no temporary folders).
        #expect(try FileManager.default.contentsOfDirectory(atPath: space.packs.path) == ["demo"])
        #expect(space.installer.installed().map(\.id) == ["demo"])
        // The library finds it as a user pack.
        let library = PackLibrary.load([PackSource(folder: space.packs, origin: .user)])
        #expect(library.pack(id: "demo") != nil)
    }

    @Test func archivingIsReproducibleAndRefusesInvalidPacks() throws {
        let space = Workspace()
        defer { space.directory.remove() }
        let folder = try space.pack()
        let a = space.directory.url.appending(path: "a.zip"), b = space.directory.url.appending(path: "b.zip")
        _ = try PackArchiver.archive(folder: folder, to: a)
        _ = try PackArchiver.archive(folder: folder, to: b)
        #expect(try Data(contentsOf: a) == Data(contentsOf: b))

        try "id: broken\n".write(to: folder.appending(path: "modules/demo-basics.yaml"), atomically: true, encoding: .utf8)
        let out = space.directory.url.appending(path: "c.zip")
        #expect {
            try PackArchiver.archive(folder: folder, to: out)
        } throws: { error in
            guard case let .invalidPack(_, diagnostics) = error as? PackagingError else { return false }
            return diagnostics.hasErrors
        }
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    /// A hostile archive, and a fragment of the message refusing it.
    struct Hostile: Sendable, CustomStringConvertible {
        var name: String
        var fragment: String
        var limits = ArchiveLimits.standard
        var build: @Sendable (ZipWriter, Data) throws -> Void
        var description: String { name }
    }

    static let hostile: [Hostile] = [
        Hostile(name: "parent directory", fragment: "leads outside the pack folder") { zip, manifest in
            try zip.addFile("demo/pack.yaml", data: manifest)
            try zip.addFile("../escape", data: Data("x".utf8))
        },
        Hostile(name: "nested parent directory", fragment: "leads outside the pack folder") { zip, manifest in
            try zip.addFile("demo/pack.yaml", data: manifest)
            try zip.addFile("demo/lessons/../../../escape.yaml", data: Data("x".utf8))
        },
        Hostile(name: "absolute path", fragment: "is an absolute path") { zip, manifest in
            try zip.addFile("demo/pack.yaml", data: manifest)
            try zip.addFile("/tmp/pathway-absolute-escape", data: Data("x".utf8))
        },
        Hostile(name: "drive path", fragment: "drive") { zip, _ in try zip.addFile("C:/escape", data: Data("x".utf8)) },
        Hostile(name: "backslashes", fragment: "backslashes") { zip, _ in try zip.addFile("demo\\..\\..\\escape", data: Data("x".utf8)) },
        Hostile(name: "symbolic link", fragment: "symbolic link") { zip, manifest in
            try zip.addFile("demo/pack.yaml", data: manifest)
            try zip.addSymlink("demo/lessons", target: "/etc")
        },
        Hostile(name: "duplicate entry", fragment: "appears twice") { zip, manifest in
            try zip.addFile("demo/pack.yaml", data: manifest)
            try zip.addFile("demo/PACK.yaml", data: manifest)
        },
        Hostile(name: "file and folder of one name", fragment: "share its path") { zip, manifest in
            try zip.addFile("demo/pack.yaml", data: manifest)
            try zip.addFile("demo/text", data: Data("x".utf8))
            try zip.addFile("demo/text/a.md", data: Data("x".utf8))
        },
        Hostile(name: "too many entries", fragment: "more than 5000 files") { zip, manifest in
            try zip.addFile("demo/pack.yaml", data: manifest)
            for index in 0..<5_000 { try zip.addFile("demo/text/\(index).md", data: Data(), compressed: false) }
        },
        Hostile(name: "bomb-sized entry", fragment: "larger than 50 MiB") { zip, manifest in
            try zip.addFile("demo/pack.yaml", data: manifest)
            try zip.addZeros("demo/text/bomb.md", size: 51 * 1024 * 1024)
        },
    ]

    @Test(arguments: hostile)
    func aHostileZipIsRefusedAndLeavesThePacksFolderUnchanged(_ hostile: Hostile) throws {
        let space = Workspace()
        defer { space.directory.remove() }
        // An installed pack that must survive untouched.
        _ = try space.installer.install(from: try space.pack("kept"))
        let before = space.snapshot()
        let manifest = try Data(contentsOf: try space.pack().appending(path: "pack.yaml"))
        let zip = try space.zip("\(hostile.name).zip") { try hostile.build($0, manifest) }
        #expect {
            try PackInstaller(packsDirectory: space.packs, limits: hostile.limits).install(from: zip)
        } throws: { error in
            let message = "\(error)"
            return message.contains(hostile.fragment) && message.contains("refusing")
        }
        #expect(space.snapshot() == before)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/pathway-absolute-escape"))
        #expect(!FileManager.default.fileExists(atPath: space.directory.url.appending(path: "escape").path))
    }

    @Test func aRefusedZipCreatesNoPacksFolder() throws {
        let space = Workspace()
        defer { space.directory.remove() }
        let zip = try space.zip("evil.zip") { try $0.addFile("../escape", data: Data("x".utf8)) }
        #expect(throws: PackagingError.self) { try space.installer.install(from: zip) }
        #expect(space.snapshot() == ["<no data directory>"])
    }

    @Test func anEntryThatInflatesBeyondItsDeclaredSizeIsStopped() throws {
        let space = Workspace()
        defer { space.directory.remove() }
        let manifest = try Data(contentsOf: try space.pack().appending(path: "pack.yaml"))
        let zip = try space.zip("liar.zip") { zip in
            try zip.addFile("demo/pack.yaml", data: manifest)
            try zip.addZeros("demo/text/liar.md", size: 2 * 1024 * 1024)
        }
        // Patch the declared size of the second entry (local header and central directory) to 100 bytes.
        var bytes = [UInt8](try Data(contentsOf: zip))
        func patch(signature: [UInt8], sizeOffset: Int, occurrence: Int) {
            var seen = 0
            for index in 0..<(bytes.count - 4) where Array(bytes[index..<(index + 4)]) == signature {
                if seen == occurrence {
                    bytes.replaceSubrange((index + sizeOffset)..<(index + sizeOffset + 4), with: [100, 0, 0, 0])
                    return
                }
                seen += 1
            }
        }
        patch(signature: [0x50, 0x4B, 0x03, 0x04], sizeOffset: 22, occurrence: 1)
        patch(signature: [0x50, 0x4B, 0x01, 0x02], sizeOffset: 24, occurrence: 1)
        try Data(bytes).write(to: zip)
        #expect {
            try space.installer.install(from: zip)
        } throws: { error in
            if case .inflatesBeyondSize = error as? PackagingError { return true }
            return false
        }
        #expect(space.snapshot() == ["<no data directory>"])
    }

    @Test func aZipWhosePackHasErrorsIsRefusedAfterUnpackingAndLeavesNothing() throws {
        let space = Workspace()
        defer { space.directory.remove() }
        let zip = try space.zip("invalid.zip") { try $0.addFile("demo/pack.yaml", data: Data("format: 1\nid: demo\n".utf8)) }
        #expect {
            try space.installer.install(from: zip)
        } throws: { error in
            if case .invalidPack = error as? PackagingError { return true }
            return false
        }
        #expect(space.snapshot() == ["<no data directory>"])
    }

    @Test func versionsOnlyGoUpUnlessForced() throws {
        let space = Workspace()
        defer { space.directory.remove() }
        _ = try space.installer.install(from: try space.pack(version: "1.2.0"))
        for lower in ["1.2.0", "1.1.9", "1.2.0-beta.1"] {
            #expect(throws: PackagingError.notNewer(id: "demo", installed: SemanticVersion(1, 2, 0), offered: SemanticVersion(lower)!)) {
                try space.installer.install(from: try space.pack(version: lower))
            }
        }
        #expect(space.installer.installed().first?.version == SemanticVersion(1, 2, 0))
        let forced = try space.installer.install(from: try space.pack(version: "1.1.9"), force: true)
        #expect(forced.replaced == SemanticVersion(1, 2, 0) && forced.version == SemanticVersion(1, 1, 9))
        let newer = try space.installer.install(from: try space.pack(version: "2.0.0"))
        #expect(newer.replaced == SemanticVersion(1, 1, 9))
        #expect(try FileManager.default.contentsOfDirectory(atPath: space.packs.path) == ["demo"])
    }

    @Test func aFolderWithASymbolicLinkIsRefused() throws {
        let space = Workspace()
        defer { space.directory.remove() }
        let folder = try space.pack()
        try FileManager.default.createSymbolicLink(atPath: folder.appending(path: "text").path, withDestinationPath: "/etc")
        #expect(throws: PackagingError.symbolicLink("text")) { try space.installer.install(from: folder) }
        #expect(space.snapshot() == ["<no data directory>"])
    }

    @Test func removeTakesThePackAwayAndOnlyInstalledPacks() throws {
        let space = Workspace()
        defer { space.directory.remove() }
        _ = try space.installer.install(from: try space.pack())
        let removed = try space.installer.remove(id: "demo")
        #expect(removed.id == "demo")
        #expect(try FileManager.default.contentsOfDirectory(atPath: space.packs.path).isEmpty)
        #expect(throws: PackagingError.notInstalled(id: "demo", folder: space.packs.path)) { try space.installer.remove(id: "demo") }
    }

    @Test(arguments: ["demo/pack.yaml", "pack.yaml"])
    func thePackMayBeAtTheTopOrInOneFolder(_ manifestPath: String) throws {
        let space = Workspace()
        defer { space.directory.remove() }
        let source = try space.pack()
        let prefix = String(manifestPath.dropLast("pack.yaml".count))
        let zip = try space.zip("layout.zip") { zip in
            for file in PackScaffold.files(id: "demo") {
                try zip.addFile(prefix + file.path, data: try Data(contentsOf: source.appending(path: file.path)))
            }
        }
        #expect(try space.installer.install(from: zip).id == "demo")
    }
}
