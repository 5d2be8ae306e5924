import Foundation
import Testing
@testable import PathwayCore

/// `pack pack` leaves editor backups out and names files the pack never uses.
@Suite struct PackArchiveContentsTests {
    @Test func backupsAreLeftOutAndStrayFilesAreNamed() throws {
        let space = PackArchiveTests.Workspace()
        defer { space.directory.remove() }
        let folder = try space.pack()
        for name in ["lessons/first.yaml~", "#pack.yaml#", "modules/m.yaml.swp", "notes.txt", "README.md"] {
            try Data("x".utf8).write(to: folder.appending(path: name))
        }
        let zip = space.directory.url.appending(path: "demo.zip")
        let summary = try PackArchiver.archive(folder: folder, to: zip, displayPath: "demo")
        let messages = summary.warnings.map(\.description)
        #expect(messages.contains("demo/lessons/first.yaml~: warning: editor backup left out of the zip"))
        #expect(messages.contains("demo/#pack.yaml#: warning: editor backup left out of the zip"))
        #expect(messages.contains("demo/modules/m.yaml.swp: warning: editor backup left out of the zip"))
        #expect(messages.contains { $0.hasPrefix("demo/notes.txt: warning: not used by the pack") })
        #expect(!messages.contains { $0.contains("README.md") || $0.contains("pack.yaml: warning: not used") })
        let installed = try space.installer.install(from: zip)
        let files = FileManager.default.enumerator(atPath: installed.folder.path)?.compactMap { $0 as? String } ?? []
        #expect(files.contains("notes.txt") && files.contains("README.md"))
        #expect(!files.contains { $0.hasSuffix("~") || $0.hasSuffix(".swp") || $0.hasPrefix("#") })
    }
}
